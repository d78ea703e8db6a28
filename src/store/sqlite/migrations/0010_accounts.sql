-- Schema version 10: accounts that last for years.
-- * A password someone else set (`user add`, `user reset-password`) is
--   one-time: the login that uses it must replace it (`password_one_time`).
-- * `totp_enrolment_required`: an admin reset the second factor; the next
--   login may only enrol a new one.
-- * Recovery codes stand in for the authenticator once each; only their
--   SHA-256 is kept.
-- * `removed_at`: a removed user keeps their row (and name) so the audit
--   trail and their revoked tokens still name one account.
-- Existing accounts keep the passwords they have: nothing is one-time.

ALTER TABLE users ADD COLUMN email TEXT;
ALTER TABLE users ADD COLUMN password_one_time INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN totp_enrolment_required INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN last_login_at INTEGER;
ALTER TABLE users ADD COLUMN removed_at INTEGER;

CREATE TABLE recovery_codes (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    hash    TEXT NOT NULL,
    used_at INTEGER,
    PRIMARY KEY (user_id, hash)
);

CREATE TRIGGER users_removed AFTER UPDATE OF removed_at ON users
BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
END;
