-- Schema version 11: the indexes that answer a page of a filtered list at
-- any size (every list is in ID order, paged by keyset). In SQLite every
-- index ends in the rowid, so (actor) is (actor, id).
-- * audit by time: finds where `--since` starts (and the oldest entries
--   `audit prune` removes);
-- * audit by actor and by action, in ID order;
-- * tokens by owner, in ID order (`list --owner`).

CREATE INDEX audit_by_time ON audit (at);
CREATE INDEX audit_by_actor ON audit (actor);
CREATE INDEX audit_by_action ON audit (action);
CREATE INDEX tokens_by_owner ON tokens (owner_id);
