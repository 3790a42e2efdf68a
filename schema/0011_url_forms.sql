-- rectrack schema, version 11: sources found by the form of their URL.
--
-- Adding a source warns when its URL is another spelling of a recorded one
-- (scheme, case, a trailing slash, tracking parameters). The comparable
-- form (ids/url.cpp) is kept with each source and indexed, so that the
-- check is one look-up however many sources there are. The projector fills
-- it; an upgraded database has it filled for what it holds.

ALTER TABLE evidence ADD COLUMN url_form TEXT NOT NULL DEFAULT '';
CREATE INDEX evidence_url_form ON evidence(url_form);
