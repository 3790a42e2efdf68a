-- rectrack schema, version 9: a recommendation's follow-up.
--
-- Who follows it internally (owner), when it is expected (target, a date;
-- moved with a reason, or cleared), and how its addressee responded
-- (response). An entry replaces the one before it of the same field, on
-- its effective date; all are kept, so a report shows the target of its
-- period and the moves within it. A response's sources are its citations.

CREATE TABLE follow_ups (
    event_id     INTEGER PRIMARY KEY,
    rec          TEXT NOT NULL,
    field        TEXT NOT NULL,        -- owner, target or response
    value        TEXT NOT NULL,        -- a name, a date, a response; '' when cleared
    note         TEXT NOT NULL,        -- why a target moved; what a response said
    effective    TEXT NOT NULL,
    recorded_at  TEXT NOT NULL,
    retracted_at TEXT,
    retracted_by INTEGER
);
CREATE INDEX follow_ups_rec ON follow_ups(rec, effective, event_id);
