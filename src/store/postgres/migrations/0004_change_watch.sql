-- Schema version 4: a notification on channel `tokenctl_changes` whenever a
-- change could make a cached verification wrong (a token revoked,
-- regenerated or deleted, a user disabled or removed). Every replica listens
-- and drops its verify cache. Triggers send it, so no write path can forget;
-- `last_used_at` and the audit log do not. PostgreSQL delivers it at commit.

CREATE FUNCTION tokenctl_notify_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('tokenctl_changes', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER tokens_credentials_changed
AFTER UPDATE OF secret_hash, previous_secret_hash, previous_valid_until, revoked_at,
    expires_at, permissions, owner_id OR DELETE ON tokens
FOR EACH STATEMENT EXECUTE FUNCTION tokenctl_notify_change();

CREATE TRIGGER users_credentials_changed
AFTER UPDATE OF name, disabled_at OR DELETE ON users
FOR EACH STATEMENT EXECUTE FUNCTION tokenctl_notify_change();
