-- rectrack schema, version 3: local archives of sources.
--
-- `objects` is a content-addressed store, as git's: each copy of a source is
-- kept once, zlib-compressed, under the SHA-256 of the bytes as served, so
-- that `verify` can prove a copy is the one an event names. It is not a
-- projection: the journal refers to objects, it does not contain them.
-- `evidence_archives` is the projection of `evidence_archived` events: when
-- a copy was taken of which source, and what the server said about it.

CREATE TABLE objects (
    sha256 TEXT PRIMARY KEY,      -- of the content as served, lower-case hex
    size   INTEGER NOT NULL,      -- bytes before compression
    zlib   BLOB NOT NULL          -- the content, zlib-compressed
);

CREATE TABLE evidence_archives (
    event_id     INTEGER PRIMARY KEY,
    evidence_id  INTEGER NOT NULL,
    sha256       TEXT NOT NULL,   -- the object holding the copy
    size         INTEGER NOT NULL,
    content_type TEXT NOT NULL,
    final_url    TEXT NOT NULL,   -- where the copy was served from, after redirects
    http_status  INTEGER NOT NULL,
    fetched_at   TEXT NOT NULL,   -- when the request was made
    headers      TEXT NOT NULL,   -- the response's headers, a JSON array of [name, value]
    recorded_at  TEXT NOT NULL,
    retracted_at TEXT,
    retracted_by INTEGER
);
CREATE INDEX evidence_archives_evidence ON evidence_archives(evidence_id, event_id);
