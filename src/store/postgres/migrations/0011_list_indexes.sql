-- Schema version 11: the indexes that answer a page of a filtered list at
-- any size (every list is in ID order, paged by keyset):
-- * audit by time: finds where `--since` starts (and the oldest entries
--   `audit prune` removes);
-- * audit by actor, by action and by token, in ID order;
-- * tokens by owner, in ID order (`list --owner`).

CREATE INDEX audit_by_time ON audit (at, id);
CREATE INDEX audit_by_actor ON audit (actor, id);
CREATE INDEX audit_by_action ON audit (action, id);
CREATE INDEX audit_by_token_in_order ON audit (token_id, id);
DROP INDEX audit_by_token;
CREATE INDEX tokens_by_owner ON tokens (owner_id, id);
