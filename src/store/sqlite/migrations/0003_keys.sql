-- Schema version 3: the keys:manage permission (list and rotate the keys
-- that sign sessions and access tokens). The built-in admin role has every
-- permission, so it gets this one too.

UPDATE roles
SET permissions = permissions || ' keys:manage'
WHERE name = 'admin'
  AND ' ' || permissions || ' ' NOT LIKE '% keys:manage %';
