-- Schema version 13: workload identity federation (`tokenctl trust`).
-- * trust_policies: which CI jobs (issuer, audience, claim patterns as a JSON
--   array of {"key", "pattern"}) may exchange their ID token for an access
--   token of the owner, with what permissions (already cut to what the
--   creator held; what was cut is kept to be reported).
-- * id_tokens_used: each ID token's (issuer, jti) once, until it expires,
--   so a token copied out of a job cannot be exchanged again.
-- * The built-in admin role has every permission, so it gets trust:manage.

CREATE TABLE trust_policies (
    id                   INTEGER PRIMARY KEY,
    name                 TEXT NOT NULL UNIQUE,
    issuer               TEXT NOT NULL,
    audience             TEXT NOT NULL,
    claims               TEXT NOT NULL,
    role                 TEXT,
    permissions          TEXT NOT NULL,
    stripped_permissions TEXT NOT NULL,
    owner_id             INTEGER NOT NULL REFERENCES users (id),
    max_ttl              INTEGER NOT NULL,
    description          TEXT NOT NULL,
    created_by           INTEGER NOT NULL REFERENCES users (id),
    created_at           INTEGER NOT NULL
);
CREATE INDEX trust_policies_by_issuer ON trust_policies (issuer);

CREATE TABLE id_tokens_used (
    issuer     TEXT NOT NULL,
    jti        TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (issuer, jti)
) WITHOUT ROWID;
CREATE INDEX id_tokens_used_by_expiry ON id_tokens_used (expires_at);

UPDATE roles
SET permissions = permissions || ' trust:manage'
WHERE name = 'admin'
  AND ' ' || permissions || ' ' NOT LIKE '% trust:manage %';
