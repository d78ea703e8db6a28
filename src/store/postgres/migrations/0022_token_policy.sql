-- Schema version 22: the token policy as data. One row, the policy as a
-- JSON document (`tokenctl policy show`), with a revision that every change
-- moves, so two admins changing it at once can't lose one's change. No
-- row: the built-in defaults (30 days, never allowed, no limits); a config
-- file's [policy] section is copied in on first use. The built-in admin
-- role gets policy:manage, as it has every permission.

CREATE TABLE token_policy (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    document TEXT NOT NULL,
    revision BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

UPDATE roles
SET permissions = permissions || ' policy:manage'
WHERE name = 'admin'
  AND ' ' || permissions || ' ' NOT LIKE '% policy:manage %';
