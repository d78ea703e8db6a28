-- Schema version 5: replicas are also notified when a role is changed or
-- removed, or a user is given another role, so that they can keep users and
-- roles in their credential caches. tokenctl itself never changes a role in
-- place; these catch an edit made to the database by hand.

CREATE TRIGGER roles_changed
AFTER UPDATE OR DELETE ON roles
FOR EACH STATEMENT EXECUTE FUNCTION tokenctl_notify_change();

CREATE TRIGGER users_role_changed
AFTER UPDATE OF role ON users
FOR EACH STATEMENT EXECUTE FUNCTION tokenctl_notify_change();
