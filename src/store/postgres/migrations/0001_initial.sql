-- Schema version 1: users, roles, tokens (hashes only) and the audit log.
-- Timestamps are Unix seconds (UTC); secret hashes are raw SHA-256 bytes.
--
-- The PostgreSQL twin of sqlite_migrations/0001_initial.sql: the same tables,
-- columns (in the same order), indexes and built-in roles, so the shared row
-- decoders in rows.rs read both stores alike.

CREATE TABLE roles (
    name        TEXT PRIMARY KEY,
    description TEXT NOT NULL,
    permissions TEXT NOT NULL,
    builtin     BOOLEAN NOT NULL DEFAULT FALSE
);

INSERT INTO roles (name, description, permissions, builtin) VALUES
    ('admin', 'everything',
     'api:read api:write audit:read files:upload tokens:manage tokens:read tokens:read-all tokens:revoke-all users:manage', TRUE),
    ('developer', 'all APIs, and your own tokens',
     'api:read api:write files:upload tokens:manage tokens:read', TRUE),
    ('connector', 'upload files only',
     'files:upload', TRUE),
    ('support', 'read and revoke any token, read the audit log',
     'audit:read tokens:read tokens:read-all tokens:revoke-all', TRUE);

CREATE TABLE users (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    role        TEXT NOT NULL REFERENCES roles (name),
    created_at  BIGINT NOT NULL,
    disabled_at BIGINT
);

CREATE TABLE tokens (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                 TEXT NOT NULL,
    kind                 TEXT NOT NULL,
    role                 TEXT NOT NULL REFERENCES roles (name),
    permissions          TEXT NOT NULL,
    description          TEXT NOT NULL DEFAULT '',
    owner_id             BIGINT NOT NULL REFERENCES users (id),
    created_by           BIGINT NOT NULL REFERENCES users (id),
    secret_hash          BYTEA NOT NULL UNIQUE,
    hint                 TEXT NOT NULL,
    previous_secret_hash BYTEA UNIQUE,
    previous_valid_until BIGINT,
    created_at           BIGINT NOT NULL,
    expires_at           BIGINT,
    revoked_at           BIGINT,
    last_used_at         BIGINT,
    regenerated_at       BIGINT
);

CREATE INDEX tokens_by_owner_and_name ON tokens (owner_id, name);
CREATE INDEX tokens_by_name ON tokens (name);

CREATE TABLE audit (
    id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at       BIGINT NOT NULL,
    actor    TEXT NOT NULL,
    action   TEXT NOT NULL,
    token_id BIGINT,
    detail   TEXT NOT NULL,
    source   TEXT NOT NULL
);

CREATE INDEX audit_by_token ON audit (token_id);
