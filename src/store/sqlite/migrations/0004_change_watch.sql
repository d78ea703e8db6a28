-- Schema version 4: a counter that moves whenever a change could make a cached
-- verification wrong (a token revoked, regenerated or deleted, a user
-- disabled or removed). Servers poll it to drop their verify caches when
-- another process changed the store. Triggers keep it, so no write path can
-- forget; `last_used_at` and the audit log do not move it.

CREATE TABLE change_counter (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    value INTEGER NOT NULL
);

INSERT INTO change_counter (id, value) VALUES (1, 0);

CREATE TRIGGER tokens_credentials_changed
AFTER UPDATE OF secret_hash, previous_secret_hash, previous_valid_until, revoked_at,
    expires_at, permissions, owner_id ON tokens
BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
END;

CREATE TRIGGER tokens_deleted AFTER DELETE ON tokens
BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
END;

CREATE TRIGGER users_credentials_changed AFTER UPDATE OF name, disabled_at ON users
BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
END;

CREATE TRIGGER users_deleted AFTER DELETE ON users
BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
END;
