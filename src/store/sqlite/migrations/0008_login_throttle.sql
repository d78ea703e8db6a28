-- Schema version 8: failed logins counted per (account, address) instead of
-- per account, so that knowing a username no longer lets anyone lock its
-- owner out (see src/lockout.rs). Rows are keyed by the name tried, whether
-- or not such an account exists: unknown names lock alike and reveal
-- nothing. The old per-account columns of users are no longer read.

CREATE TABLE login_failures (
    name           TEXT NOT NULL,
    address        TEXT NOT NULL,
    failures       INTEGER NOT NULL,
    locked_until   INTEGER,
    last_failed_at INTEGER NOT NULL,
    PRIMARY KEY (name, address)
);

CREATE INDEX login_failures_by_age ON login_failures (last_failed_at);
