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
ALTER TABLE users ADD COLUMN password_one_time BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE users ADD COLUMN totp_enrolment_required BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE users ADD COLUMN last_login_at BIGINT;
ALTER TABLE users ADD COLUMN removed_at BIGINT;

CREATE TABLE recovery_codes (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    hash    TEXT NOT NULL,
    used_at BIGINT,
    PRIMARY KEY (user_id, hash)
);

CREATE TRIGGER users_removed
AFTER UPDATE OF removed_at ON users
FOR EACH STATEMENT EXECUTE FUNCTION tokenctl_notify_change();
