-- rectrack schema, version 2: what link checks and captures found.
--
-- Both are projections of journal events: `evidence_captured` records a
-- source's content hash and HTTP validators; `audit_recorded` records one
-- audit's result for every URL it checked.

CREATE TABLE evidence_captures (
    event_id      INTEGER PRIMARY KEY,
    evidence_id   INTEGER NOT NULL,
    sha256        TEXT NOT NULL,      -- of the bytes as served
    text_sha256   TEXT NOT NULL,      -- of the normalised text, to tell markup churn from change
    etag          TEXT NOT NULL,
    last_modified TEXT NOT NULL,
    final_url     TEXT NOT NULL,
    http_status   INTEGER NOT NULL,
    recorded_at   TEXT NOT NULL,
    retracted_at  TEXT,
    retracted_by  INTEGER
);
CREATE INDEX evidence_captures_evidence ON evidence_captures(evidence_id, event_id);

CREATE TABLE evidence_checks (
    evidence_id INTEGER NOT NULL,
    event_id    INTEGER NOT NULL,     -- the audit that checked it
    url         TEXT NOT NULL,
    result      TEXT NOT NULL,        -- ok, not_modified, broken, ...
    http_status INTEGER NOT NULL,
    final_url   TEXT NOT NULL,
    attempts    INTEGER NOT NULL,
    detail      TEXT NOT NULL,
    ok          INTEGER NOT NULL,     -- the source was seen working
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (evidence_id, event_id)
) WITHOUT ROWID;
