-- Schema version 15: expiry notices (token.expiring, token.expired).
-- * expiry_notices: which notice ("30d", "7d", "1d", "expired") went out
--   about which token: written with the notice's audit entry and outbox
--   message, and taken once, so every replica sends each notice once.
-- * tokens_by_expiry: the tokens a notice may be due for, found by expiry.

CREATE TABLE expiry_notices (
    token_id INTEGER NOT NULL REFERENCES tokens (id) ON DELETE CASCADE,
    notice   TEXT NOT NULL,
    sent_at  INTEGER NOT NULL,
    PRIMARY KEY (token_id, notice)
);

CREATE INDEX tokens_by_expiry ON tokens (expires_at)
    WHERE revoked_at IS NULL AND expires_at IS NOT NULL;
