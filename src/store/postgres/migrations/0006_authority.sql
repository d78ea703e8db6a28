-- Schema version 6: authority that never grows.
-- * A token keeps the permissions of its role it did not get at creation
--   (its creator or owner lacked them), so `show` can say why it is reduced.
-- * A user's session epoch moves whenever all their sessions must end (a
--   disable): sessions and access tokens issued under an older epoch are
--   refused, so enabling the account does not bring them back. Replicas are
--   notified, so they drop what they cached.

ALTER TABLE tokens ADD COLUMN stripped_permissions TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN session_epoch BIGINT NOT NULL DEFAULT 0;

CREATE TRIGGER users_sessions_ended
AFTER UPDATE OF session_epoch ON users
FOR EACH STATEMENT EXECUTE FUNCTION tokenctl_notify_change();
