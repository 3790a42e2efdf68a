-- rectrack schema, version 12: checksums of the projections.
--
-- The store adds every row the projector writes to its table's checksum, and
-- takes away every row it deletes, in the same transaction (SQLite's
-- pre-update hook, store/projection_digest.cpp). `verify` then proves the
-- tables hold exactly what the projector wrote by reading each once, instead
-- of replaying the whole journal; `verify --full` still replays it.
--
-- A checksum is the sum of the SHA-256 of each row, in four 64-bit lanes
-- that wrap: rows can be added and taken away in any order.
CREATE TABLE projection_digests (
    name   TEXT PRIMARY KEY,  -- a projection table
    rows   INTEGER NOT NULL,  -- how many rows it holds
    digest TEXT NOT NULL      -- 64 hex digits: the four lanes, each big-endian
);

-- The last event whose projection the checksums include: a journal cut
-- short behind rectrack's back no longer ends where they do.
CREATE TABLE digested_through (
    one      INTEGER PRIMARY KEY CHECK (one = 1),
    event_id INTEGER NOT NULL,
    hash     TEXT NOT NULL
);
