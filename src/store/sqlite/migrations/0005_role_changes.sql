-- Schema version 5: the change counter also moves when a role is changed or
-- removed, or a user is given another role, so that servers can keep users
-- and roles in their credential caches. tokenctl itself never changes a role
-- in place; these catch an edit made to the database by hand.

CREATE TRIGGER roles_changed AFTER UPDATE ON roles
BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
END;

CREATE TRIGGER roles_deleted AFTER DELETE ON roles
BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
END;

CREATE TRIGGER users_role_changed AFTER UPDATE OF role ON users
BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
END;
