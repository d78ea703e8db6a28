-- Schema version 21: self-rotation. A token whose permissions include
-- tokens:rotate-self may give itself a new secret (`regenerate --self`),
-- keeping its ID, name, role and restrictions. The built-in admin role has
-- every permission, so it gets this one; other roles get it only when an
-- admin adds it, and tokens made before hold it only if made again.

UPDATE roles
SET permissions = permissions || ' tokens:rotate-self'
WHERE name = 'admin'
  AND ' ' || permissions || ' ' NOT LIKE '% tokens:rotate-self %';
