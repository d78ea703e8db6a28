-- Schema version 14: webhooks and their durable outbox.
-- * webhooks: where events are sent, which events (space separated), and
--   the signing secret sealed with the server's key set (AES-256-GCM): the
--   database alone never reveals it.
-- * webhook_deliveries: one row per message to one webhook, written in the
--   transaction of the change it reports, so a change that rolled back
--   sends nothing and a crash loses nothing. A sender leases a due row
--   (lease_until) before sending it, so replicas sharing the store don't
--   send it twice; next_attempt_at is NULL once it is done.
-- * The built-in admin role has every permission, so it gets webhooks:manage.

CREATE TABLE webhooks (
    id            INTEGER PRIMARY KEY,
    url           TEXT NOT NULL,
    events        TEXT NOT NULL,
    sealed_secret TEXT NOT NULL,
    description   TEXT NOT NULL,
    created_by    INTEGER NOT NULL REFERENCES users (id),
    created_at    INTEGER NOT NULL
);

CREATE TABLE webhook_deliveries (
    id              INTEGER PRIMARY KEY,
    webhook_id      INTEGER NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    message_id      TEXT NOT NULL,
    event           TEXT NOT NULL,
    payload         TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER,
    lease_until     INTEGER,
    delivered_at    INTEGER,
    last_status     INTEGER,
    last_error      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at)
    WHERE next_attempt_at IS NOT NULL;
CREATE INDEX webhook_deliveries_by_webhook ON webhook_deliveries (webhook_id, id);
CREATE INDEX webhook_deliveries_by_message ON webhook_deliveries (message_id);

UPDATE roles
SET permissions = permissions || ' webhooks:manage'
WHERE name = 'admin'
  AND ' ' || permissions || ' ' NOT LIKE '% webhooks:manage %';
