-- Schema version 7: changes are numbered, and replicas acknowledge them, so
-- that a revocation is final when its writer returns (see
-- `store/postgres/replicas.rs`).
--
-- The counter's row lock serialises credential-changing transactions, so
-- the numbers grow in commit order, the order in which PostgreSQL delivers
-- notifications: a replica that has heard change n has heard every change
-- before it.

CREATE TABLE change_counter (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    value BIGINT NOT NULL
);

INSERT INTO change_counter (id, value) VALUES (1, 0);

-- One row per running replica: the highest change it has acted on, and
-- until when it has promised to either acknowledge every change or serve
-- nothing from memory.
CREATE TABLE replicas (
    id          TEXT PRIMARY KEY,
    acked       BIGINT NOT NULL,
    lease_until TIMESTAMPTZ NOT NULL
);

-- The channel is shared by every store in the database, so the payload
-- names the store's schema: `<schema>:<number>`. The schema is the changed
-- table's, not the session's search path, so a hand edit from anywhere is
-- counted in the right store.
CREATE OR REPLACE FUNCTION tokenctl_notify_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    numbered BIGINT;
BEGIN
    EXECUTE format(
        'UPDATE %I.change_counter SET value = value + 1 WHERE id = 1 RETURNING value',
        TG_TABLE_SCHEMA
    ) INTO numbered;
    PERFORM pg_notify('tokenctl_changes', TG_TABLE_SCHEMA || ':' || numbered::text);
    RETURN NULL;
END;
$$;
