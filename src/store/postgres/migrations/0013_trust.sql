-- Schema version 13: workload identity federation (`tokenctl trust`).
-- * trust_policies: which CI jobs (issuer, audience, claim patterns as a JSON
--   array of {"key", "pattern"}) may exchange their ID token for an access
--   token of the owner, with what permissions (already cut to what the
--   creator held; what was cut is kept to be reported).
-- * id_tokens_used: each ID token's (issuer, jti) once, until it expires,
--   so a token copied out of a job cannot be exchanged again.
-- * The built-in admin role has every permission, so it gets trust:manage.

CREATE TABLE trust_policies (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                 TEXT NOT NULL UNIQUE,
    issuer               TEXT NOT NULL,
    audience             TEXT NOT NULL,
    claims               TEXT NOT NULL,
    role                 TEXT,
    permissions          TEXT NOT NULL,
    stripped_permissions TEXT NOT NULL,
    owner_id             BIGINT NOT NULL REFERENCES users (id),
    max_ttl              BIGINT NOT NULL,
    description          TEXT NOT NULL,
    created_by           BIGINT NOT NULL REFERENCES users (id),
    created_at           BIGINT NOT NULL
);
CREATE INDEX trust_policies_by_issuer ON trust_policies (issuer);

CREATE TABLE id_tokens_used (
    issuer     TEXT NOT NULL,
    jti        TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (issuer, jti)
);
CREATE INDEX id_tokens_used_by_expiry ON id_tokens_used (expires_at);

UPDATE roles
SET permissions = permissions || ' trust:manage'
WHERE name = 'admin'
  AND ' ' || permissions || ' ' NOT LIKE '% trust:manage %';
