-- Schema version 1: users, roles, tokens (hashes only) and the audit log.
-- Timestamps are Unix seconds (UTC); secret hashes are raw SHA-256 bytes.

CREATE TABLE roles (
    name        TEXT PRIMARY KEY NOT NULL,
    description TEXT NOT NULL,
    permissions TEXT NOT NULL,
    builtin     INTEGER NOT NULL DEFAULT 0
);

INSERT INTO roles (name, description, permissions, builtin) VALUES
    ('admin', 'everything',
     'api:read api:write audit:read files:upload tokens:manage tokens:read tokens:read-all tokens:revoke-all users:manage', 1),
    ('developer', 'all APIs, and your own tokens',
     'api:read api:write files:upload tokens:manage tokens:read', 1),
    ('connector', 'upload files only',
     'files:upload', 1),
    ('support', 'read and revoke any token, read the audit log',
     'audit:read tokens:read tokens:read-all tokens:revoke-all', 1);

CREATE TABLE users (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL UNIQUE,
    role        TEXT NOT NULL REFERENCES roles (name),
    created_at  INTEGER NOT NULL,
    disabled_at INTEGER
);

CREATE TABLE tokens (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    name                 TEXT NOT NULL,
    kind                 TEXT NOT NULL,
    role                 TEXT NOT NULL REFERENCES roles (name),
    permissions          TEXT NOT NULL,
    description          TEXT NOT NULL DEFAULT '',
    owner_id             INTEGER NOT NULL REFERENCES users (id),
    created_by           INTEGER NOT NULL REFERENCES users (id),
    secret_hash          BLOB NOT NULL UNIQUE,
    hint                 TEXT NOT NULL,
    previous_secret_hash BLOB UNIQUE,
    previous_valid_until INTEGER,
    created_at           INTEGER NOT NULL,
    expires_at           INTEGER,
    revoked_at           INTEGER,
    last_used_at         INTEGER,
    regenerated_at       INTEGER
);

CREATE INDEX tokens_by_owner_and_name ON tokens (owner_id, name);
CREATE INDEX tokens_by_name ON tokens (name);

CREATE TABLE audit (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    at       INTEGER NOT NULL,
    actor    TEXT NOT NULL,
    action   TEXT NOT NULL,
    token_id INTEGER,
    detail   TEXT NOT NULL,
    source   TEXT NOT NULL
);

CREATE INDEX audit_by_token ON audit (token_id);
