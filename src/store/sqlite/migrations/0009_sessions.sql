-- Schema version 9: login sessions are recorded, so that one can be listed
-- and ended on its own (`logout`, `session revoke`) instead of only all of
-- a user's at once through the session epoch. A session's JWT names its row
-- by `jti`; a session without a row, revoked or past its expiry is refused.
-- Rows are deleted a day after they expire. Ending one moves the change counter, so servers drop what they
-- cached before the revocation is reported.

CREATE TABLE sessions (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    jti          TEXT NOT NULL UNIQUE,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    last_seen_at INTEGER,
    address      TEXT NOT NULL,
    user_agent   TEXT NOT NULL,
    revoked_at   INTEGER
);

CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

CREATE TRIGGER sessions_revoked AFTER UPDATE OF revoked_at ON sessions
BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
END;

