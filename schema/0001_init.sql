-- rectrack schema, version 1.
--
-- The journal (events) is the record; every other table is a projection of
-- it, updated in the same transaction as the event that changes it, and
-- rebuilt from scratch by `rectrack verify` to prove it still matches.
--
-- Projection rows that an event creates carry that event's id, its
-- recorded_at, and, once a correction retracts it, the correction's id and
-- recorded_at. One predicate then answers both "what holds now" and "what
-- held as recorded at instant T" (design invariant 2):
--     recorded_at <= :t AND (retracted_at IS NULL OR retracted_at > :t)

CREATE TABLE events (
    id          INTEGER PRIMARY KEY,   -- 1, 2, 3, ... without gaps
    kind        TEXT NOT NULL,
    subjects    TEXT NOT NULL,         -- JSON array, first is the main subject
    payload     TEXT NOT NULL,         -- canonical JSON
    effective   TEXT NOT NULL,         -- YYYY-MM-DD
    recorded_at TEXT NOT NULL,         -- YYYY-MM-DDTHH:MM:SSZ
    author      TEXT NOT NULL,
    hash        TEXT NOT NULL          -- sha256(previous hash || canonical bytes)
);
CREATE INDEX events_recorded_at ON events(recorded_at);
CREATE INDEX events_effective ON events(effective);

-- The journal is append-only; these make an accidental UPDATE or DELETE fail
-- loudly. A deliberate tamperer can drop them, which is what the hash chain
-- and `rectrack verify` are for.
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'the journal is append-only: events cannot be changed'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'the journal is append-only: events cannot be deleted'); END;

-- Projections.

CREATE TABLE event_subjects (
    subject  TEXT NOT NULL,
    event_id INTEGER NOT NULL,
    PRIMARY KEY (subject, event_id)
) WITHOUT ROWID;

CREATE TABLE scale (
    rank   INTEGER PRIMARY KEY,
    name   TEXT NOT NULL UNIQUE,
    label  TEXT NOT NULL,
    closed INTEGER NOT NULL
);

CREATE TABLE reports (
    key       TEXT PRIMARY KEY,
    title     TEXT NOT NULL,
    author    TEXT NOT NULL,
    publisher TEXT NOT NULL,
    issued    TEXT NOT NULL,
    url       TEXT NOT NULL,
    event_id  INTEGER NOT NULL
);

CREATE TABLE recommendations (
    key         TEXT PRIMARY KEY,
    report      TEXT NOT NULL,
    number      INTEGER NOT NULL,
    parent      TEXT NOT NULL,        -- '' for a whole recommendation
    title       TEXT NOT NULL,
    text        TEXT NOT NULL,
    addressees  TEXT NOT NULL,        -- JSON array
    themes      TEXT NOT NULL,        -- JSON array
    event_id    INTEGER NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX recommendations_parent ON recommendations(parent);
CREATE INDEX recommendations_order ON recommendations(report, number, key);

CREATE TABLE status_changes (
    event_id     INTEGER PRIMARY KEY,
    rec          TEXT NOT NULL,
    status       TEXT NOT NULL,
    effective    TEXT NOT NULL,
    note         TEXT NOT NULL,
    recorded_at  TEXT NOT NULL,
    retracted_at TEXT,
    retracted_by INTEGER
);
CREATE INDEX status_changes_rec ON status_changes(rec, effective, event_id);

CREATE TABLE citations (
    event_id    INTEGER NOT NULL,     -- the status change that cites
    evidence_id INTEGER NOT NULL,
    PRIMARY KEY (event_id, evidence_id)
) WITHOUT ROWID;
CREATE INDEX citations_evidence ON citations(evidence_id);

CREATE TABLE measures (
    key          TEXT PRIMARY KEY,
    title        TEXT NOT NULL,
    type         TEXT NOT NULL,
    institutions TEXT NOT NULL,       -- JSON array
    celex        TEXT NOT NULL,
    eli          TEXT NOT NULL,
    com_ref      TEXT NOT NULL,
    procedure    TEXT NOT NULL,
    url          TEXT NOT NULL,
    event_id     INTEGER NOT NULL,
    recorded_at  TEXT NOT NULL,
    retracted_at TEXT,
    retracted_by INTEGER
);
CREATE INDEX measures_celex ON measures(celex) WHERE celex <> '';

CREATE TABLE stages (
    event_id     INTEGER PRIMARY KEY,
    measure      TEXT NOT NULL,
    stage        TEXT NOT NULL,
    effective    TEXT NOT NULL,
    recorded_at  TEXT NOT NULL,
    retracted_at TEXT,
    retracted_by INTEGER
);
CREATE INDEX stages_measure ON stages(measure, effective);

CREATE TABLE links (
    event_id     INTEGER PRIMARY KEY,
    rec          TEXT NOT NULL,
    measure      TEXT NOT NULL,
    relation     TEXT NOT NULL,
    note         TEXT NOT NULL,
    effective    TEXT NOT NULL,
    recorded_at  TEXT NOT NULL,
    retracted_at TEXT,
    retracted_by INTEGER
);
CREATE INDEX links_rec ON links(rec, measure);
CREATE INDEX links_measure ON links(measure);

CREATE TABLE unlinks (
    event_id     INTEGER PRIMARY KEY,
    link_event   INTEGER NOT NULL,
    reason       TEXT NOT NULL,
    effective    TEXT NOT NULL,
    recorded_at  TEXT NOT NULL,
    retracted_at TEXT,
    retracted_by INTEGER
);
CREATE INDEX unlinks_link ON unlinks(link_event);

CREATE TABLE evidence (
    id           INTEGER PRIMARY KEY,
    url          TEXT NOT NULL,
    title        TEXT NOT NULL,
    publisher    TEXT NOT NULL,
    published    TEXT NOT NULL,       -- YYYY-MM-DD or ''
    accessed     TEXT NOT NULL,
    archive_url  TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    kind         TEXT NOT NULL,
    bearing      TEXT NOT NULL,
    event_id     INTEGER NOT NULL,
    recorded_at  TEXT NOT NULL,
    retracted_at TEXT,
    retracted_by INTEGER
);
CREATE INDEX evidence_url ON evidence(url);

CREATE TABLE attachments (
    event_id     INTEGER PRIMARY KEY,
    evidence_id  INTEGER NOT NULL,
    subject      TEXT NOT NULL,       -- rec:R4 or measure:ai-act
    effective    TEXT NOT NULL,
    recorded_at  TEXT NOT NULL,
    retracted_at TEXT,
    retracted_by INTEGER
);
CREATE INDEX attachments_subject ON attachments(subject);
CREATE INDEX attachments_evidence ON attachments(evidence_id);

CREATE TABLE notes (
    event_id     INTEGER PRIMARY KEY,
    subject      TEXT NOT NULL,
    text         TEXT NOT NULL,
    effective    TEXT NOT NULL,
    recorded_at  TEXT NOT NULL,
    retracted_at TEXT,
    retracted_by INTEGER
);
CREATE INDEX notes_subject ON notes(subject);

CREATE TABLE corrections (
    event_id    INTEGER PRIMARY KEY,
    retracts    INTEGER NOT NULL UNIQUE,
    reason      TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
