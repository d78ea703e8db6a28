-- Schema version 12: the audit:prune permission (`tokenctl audit prune`
-- deletes the entries older than a date, for retention). The built-in admin
-- role has every permission, so it gets this one too.

UPDATE roles
SET permissions = permissions || ' audit:prune'
WHERE name = 'admin'
  AND ' ' || permissions || ' ' NOT LIKE '% audit:prune %';
