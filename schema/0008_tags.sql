-- rectrack schema, version 8: themes and addressees that change.
--
-- A recommendation keeps the themes and addressees it was added with in its
-- own row; each later `rectrack tag` or `untag` adds rows here, so that a
-- report as recorded earlier sees the tags of its day. Measures carry themes
-- too, from their adding on.

CREATE TABLE tag_changes (
    event_id     INTEGER NOT NULL,
    subject      TEXT NOT NULL,        -- rec:R4 or measure:dsa
    tag          TEXT NOT NULL,        -- theme or addressee
    value        TEXT NOT NULL,
    added        INTEGER NOT NULL,     -- 1 given, 0 taken away
    recorded_at  TEXT NOT NULL,
    retracted_at TEXT,
    retracted_by INTEGER,
    PRIMARY KEY (event_id, tag, value)
);
CREATE INDEX tag_changes_subject ON tag_changes(subject, event_id);

ALTER TABLE measures ADD COLUMN themes TEXT NOT NULL DEFAULT '[]';
