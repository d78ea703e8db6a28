-- Schema version 18: where a token was last used from, beside when: the
-- client's address (or the source a local store names, `cli@host`) and its
-- User-Agent, written with last_used_at (at most once a minute).

ALTER TABLE tokens ADD COLUMN last_used_from TEXT;
ALTER TABLE tokens ADD COLUMN last_used_agent TEXT;
