//! Webhooks and their outbox: a message per change and subscriber, written
//! in the change's transaction, leased to one sender at a time.

use rusqlite::{Connection, Transaction};

use super::queries::{forget_older_than, insert_audit, lease_due, query_all, query_one};
use crate::model::{Delivery, Id, Webhook};
use crate::store::rows::{
    DELIVERY_COLUMNS, DUE_DELIVERY_COLUMNS, Outbox, WEBHOOK_COLUMNS, delivery_from_row,
    due_delivery_from_row, events_to_str, webhook_from_row,
};
use crate::store::{
    Attempt, AuditRecord, DeliveryFilter, DueDelivery, Event, NewWebhook, StoreError, StoreResult,
};

pub(super) fn all(connection: &Connection) -> StoreResult<Vec<Webhook>> {
    let sql = format!("{WEBHOOK_COLUMNS} ORDER BY w.id");
    query_all(connection, &sql, [], webhook_from_row)
}

pub(super) fn one(connection: &Connection, id: Id) -> StoreResult<Option<Webhook>> {
    let sql = format!("{WEBHOOK_COLUMNS} WHERE w.id = ?1");
    query_one(connection, &sql, [id], webhook_from_row)
}

pub(super) fn insert(
    tx: &Transaction<'_>,
    webhook: &NewWebhook,
    audit: &AuditRecord,
) -> StoreResult<Webhook> {
    let changed = tx.execute(
        "INSERT INTO webhooks (url, events, sealed_secret, description, created_by, created_at)
         SELECT ?1, ?2, ?3, ?4, id, ?6 FROM users WHERE id = ?5 AND removed_at IS NULL",
        rusqlite::params![
            webhook.url,
            events_to_str(&webhook.events),
            webhook.sealed_secret,
            webhook.description,
            webhook.created_by_id,
            webhook.created_at.timestamp(),
        ],
    )?;
    if changed == 0 {
        return Err(StoreError::NotFound(
            "the webhook's creator is no longer a user".to_owned(),
        ));
    }
    let id = tx.last_insert_rowid();
    insert_audit(tx, audit)?;
    one(tx, id)?.ok_or_else(|| StoreError::Database("the new webhook vanished".to_owned()))
}

pub(super) fn delete(tx: &Transaction<'_>, id: Id, audit: &AuditRecord) -> StoreResult<Webhook> {
    let webhook =
        one(tx, id)?.ok_or_else(|| StoreError::NotFound(format!("no webhook with id {id}")))?;
    tx.execute("DELETE FROM webhook_deliveries WHERE webhook_id = ?1", [id])?;
    tx.execute("DELETE FROM webhooks WHERE id = ?1", [id])?;
    insert_audit(tx, audit)?;
    Ok(webhook)
}

/// Writes `event` to the outbox of every webhook it goes to.
pub(super) fn enqueue(tx: &Transaction<'_>, event: &Event, at: i64) -> StoreResult<()> {
    tx.prepare_cached(
        "INSERT INTO webhook_deliveries (webhook_id, message_id, event, payload, created_at,
             next_attempt_at)
         SELECT id, ?1, ?2, ?3, ?4, ?4 FROM webhooks
         WHERE CASE WHEN ?5 IS NULL THEN ' ' || events || ' ' LIKE '% ' || ?2 || ' %'
                    ELSE id = ?5 END",
    )?
    .execute(rusqlite::params![
        event.message_id,
        event.kind.as_str(),
        event.payload.to_string(),
        at,
        event.only_webhook,
    ])?;
    Ok(())
}

pub(super) fn list(connection: &Connection, filter: &DeliveryFilter) -> StoreResult<Vec<Delivery>> {
    let limit = filter
        .rows
        .limit
        .map_or(-1, |limit| i64::try_from(limit).unwrap_or(i64::MAX));
    let sql = format!(
        "{DELIVERY_COLUMNS}
         WHERE (?1 IS NULL OR d.webhook_id = ?1)
           AND (?2 = 0 OR (d.delivered_at IS NULL AND d.last_error <> ''))
           AND d.id > ?3
           AND (?5 IS NULL OR d.message_id = ?5)
         ORDER BY d.id LIMIT ?4"
    );
    query_all(
        connection,
        &sql,
        rusqlite::params![
            filter.webhook_id,
            filter.failed,
            filter.rows.after.unwrap_or(0),
            limit,
            filter.message_id,
        ],
        delivery_from_row,
    )
}

pub(super) fn claim(
    tx: &Transaction<'_>,
    now: i64,
    lease_until: i64,
    limit: usize,
) -> StoreResult<Vec<DueDelivery>> {
    let ids = lease_due(tx, Outbox::Webhooks, now, lease_until, limit)?;
    let sql = format!("{DUE_DELIVERY_COLUMNS} WHERE d.id = ?1");
    ids.into_iter()
        .filter_map(|id| query_one(tx, &sql, [id], due_delivery_from_row).transpose())
        .collect()
}

pub(super) fn finish(tx: &Transaction<'_>, id: Id, attempt: &Attempt) -> StoreResult<()> {
    tx.execute(
        "UPDATE webhook_deliveries
         SET attempts = attempts + 1, lease_until = NULL, next_attempt_at = ?2,
             delivered_at = ?3, last_status = ?4, last_error = ?5
         WHERE id = ?1",
        rusqlite::params![
            id,
            attempt.next_attempt_at.map(|at| at.timestamp()),
            attempt.delivered.then(|| attempt.at.timestamp()),
            attempt.status,
            attempt.error,
        ],
    )?;
    Ok(())
}

pub(super) fn forget(tx: &Transaction<'_>, before: i64) -> StoreResult<u64> {
    forget_older_than(tx, Outbox::Webhooks, before)
}
