-- rectrack schema, version 10: full-text search.
--
-- search_text holds what `rectrack search` finds, one row per piece of
-- text: a recommendation's title and text; a measure's title, its
-- identifiers in the forms people write them, and its URL; a source's
-- title, publisher and URL; and every note (notes, the notes of status
-- changes, links and responses, the reasons targets moved). The projector
-- keeps it in step with the journal, like every other projection; the FTS5
-- index over it is kept in step by the triggers below, so no code path can
-- change one without the other.

CREATE TABLE search_text (
    id       INTEGER PRIMARY KEY,
    subject  TEXT NOT NULL,        -- rec:R4, measure:dsa or evidence:E3
    field    TEXT NOT NULL,        -- title, text, identifiers, url, publisher, or a kind of note
    event_id INTEGER NOT NULL,     -- the event the text comes from
    text     TEXT NOT NULL
);
CREATE INDEX search_text_subject ON search_text(subject, field);
CREATE INDEX search_text_event ON search_text(event_id);

-- Row ids are not part of what the journal implies (an index built when an
-- older database is upgraded numbers its rows differently); verify
-- compares this view.
CREATE VIEW search_rows AS SELECT subject, field, event_id, text FROM search_text;

CREATE VIRTUAL TABLE search_index USING fts5(
    text, content = 'search_text', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER search_text_added AFTER INSERT ON search_text BEGIN
    INSERT INTO search_index(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER search_text_removed AFTER DELETE ON search_text BEGIN
    INSERT INTO search_index(search_index, rowid, text) VALUES ('delete', old.id, old.text);
END;
