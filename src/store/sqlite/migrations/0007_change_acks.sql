-- Schema version 7: nothing to change. PostgreSQL numbers changes here so
-- that replicas can acknowledge them; a SQLite store has no replicas, and
-- every server on the file reads its change counter before serving from
-- memory (src/store/sqlite/change_probe.rs). Kept so both stores count
-- versions alike.
SELECT 1;
