-- Schema version 16: notices by mail (serve --smtp).
-- * mail_outbox: one row per mail to a token's owner (expiry and leak
--   notices), written in the transaction of the change it reports, to the
--   address the owner has then; leased and retried like webhook messages.

CREATE TABLE mail_outbox (
    id              INTEGER PRIMARY KEY,
    message_id      TEXT NOT NULL,
    event           TEXT NOT NULL,
    recipient       TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER,
    lease_until     INTEGER,
    delivered_at    INTEGER,
    last_error      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at)
    WHERE next_attempt_at IS NOT NULL;
