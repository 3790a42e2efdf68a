-- rectrack schema, version 6: what a stage is about.
--
-- A regulation applies in steps ("Art. 14 reporting obligations apply" in
-- 2026, the rest in 2027); a label on each stage says which step it is, so
-- that several dates of one stage can be told apart.

ALTER TABLE stages ADD COLUMN label TEXT NOT NULL DEFAULT '';
