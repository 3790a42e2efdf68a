-- rectrack schema, version 4: amendments, and measure keys that can be used
-- again once their measure is retracted.
--
-- `amendments` is the projection of `amended` events: one row per field
-- changed. A query reads a recommendation, measure or evidence item as its
-- added row overlaid with the latest amendment of each field valid at the
-- instant asked for, so earlier reports keep the values of their time.

CREATE TABLE amendments (
    event_id     INTEGER NOT NULL,
    subject      TEXT NOT NULL,       -- rec:R4, measure:ai-act, evidence:4
    field        TEXT NOT NULL,       -- as in the adding event's payload
    value        TEXT NOT NULL,
    recorded_at  TEXT NOT NULL,
    retracted_at TEXT,
    retracted_by INTEGER,
    PRIMARY KEY (event_id, field)
);
CREATE INDEX amendments_subject ON amendments(subject, field, event_id);

-- A retracted measure's key may be added again: the key is unique among the
-- measures that stand, not among every row ever projected.
CREATE TABLE measures_v4 (
    event_id     INTEGER PRIMARY KEY,
    key          TEXT NOT NULL,
    title        TEXT NOT NULL,
    type         TEXT NOT NULL,
    institutions TEXT NOT NULL,       -- JSON array
    celex        TEXT NOT NULL,
    eli          TEXT NOT NULL,
    com_ref      TEXT NOT NULL,
    procedure    TEXT NOT NULL,
    url          TEXT NOT NULL,
    recorded_at  TEXT NOT NULL,
    retracted_at TEXT,
    retracted_by INTEGER
);
INSERT INTO measures_v4(event_id, key, title, type, institutions, celex, eli, com_ref, procedure,
                        url, recorded_at, retracted_at, retracted_by)
    SELECT event_id, key, title, type, institutions, celex, eli, com_ref, procedure, url,
           recorded_at, retracted_at, retracted_by FROM measures;
DROP TABLE measures;
ALTER TABLE measures_v4 RENAME TO measures;
CREATE UNIQUE INDEX measures_standing_key ON measures(key) WHERE retracted_at IS NULL;
CREATE INDEX measures_key ON measures(key, event_id);
CREATE INDEX measures_celex ON measures(celex) WHERE celex <> '';
