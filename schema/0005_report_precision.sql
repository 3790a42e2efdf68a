-- rectrack schema, version 5: how precisely a report's issue date is known.
--
-- Many reports state only their year ("(c) 2020"). The date stays a full
-- date, the first day of that year, so that comparisons keep working; this
-- column says that only the year is known, so reports say so in plain words.

ALTER TABLE reports ADD COLUMN issued_precision TEXT NOT NULL DEFAULT 'day';  -- day or year
