-- Schema version 19: idle expiry. A token made with `--max-idle` stops
-- working once it has gone that long without a use, a regeneration or (if
-- never used) since its creation; `regenerate` revives it. Its status is
-- worked out from these columns, never stored.

ALTER TABLE tokens ADD COLUMN max_idle_seconds INTEGER;
