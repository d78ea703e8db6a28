-- Schema version 9: login sessions are recorded, so that one can be listed
-- and ended on its own (`logout`, `session revoke`) instead of only all of
-- a user's at once through the session epoch. A session's JWT names its row
-- by `jti`; a session without a row, revoked or past its expiry is refused.
-- Rows are deleted a day after they expire. Ending one notifies the replicas, which drop what they cached
-- and acknowledge before the revocation is reported.

CREATE TABLE sessions (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    jti          TEXT NOT NULL UNIQUE,
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    last_seen_at BIGINT,
    address      TEXT NOT NULL,
    user_agent   TEXT NOT NULL,
    revoked_at   BIGINT
);

CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

CREATE TRIGGER sessions_revoked
AFTER UPDATE OF revoked_at ON sessions
FOR EACH STATEMENT EXECUTE FUNCTION tokenctl_notify_change();
