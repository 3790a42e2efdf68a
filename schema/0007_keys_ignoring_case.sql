-- rectrack schema, version 7: keys looked up in any case.
--
-- `show r4` means R4. The exact key is found through the primary key; these
-- indexes find it in another case without scanning every row, so adding a
-- recommendation or measure (which checks that no key differs only in case)
-- stays cheap however many there are.

CREATE INDEX recommendations_key_nocase ON recommendations(key COLLATE NOCASE);
CREATE INDEX measures_key_nocase ON measures(key COLLATE NOCASE);
