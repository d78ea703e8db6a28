//! Webhooks and their outbox: the same statements as SQLite's
//! (`store/sqlite/webhooks.rs`), in PostgreSQL's dialect. Replicas lease
//! due messages with `FOR UPDATE SKIP LOCKED`, so two senders polling at
//! the same moment take different messages.

use sqlx::{PgConnection, Postgres, QueryBuilder};

use super::queries::{forget_older_than, insert_audit, lease_due, query_all, query_one};
use crate::model::{Delivery, Id, Webhook};
use crate::store::rows::{
    DELIVERY_COLUMNS, DUE_DELIVERY_COLUMNS, Outbox, WEBHOOK_COLUMNS, delivery_from_row,
    due_delivery_from_row, events_to_str, webhook_from_row,
};
use crate::store::{
    Attempt, AuditRecord, DeliveryFilter, DueDelivery, Event, NewWebhook, StoreError, StoreResult,
};

pub(super) async fn all(connection: &mut PgConnection) -> StoreResult<Vec<Webhook>> {
    let mut query = QueryBuilder::new(WEBHOOK_COLUMNS);
    query.push(" ORDER BY w.id");
    query_all(connection, query, webhook_from_row).await
}

pub(super) async fn one(connection: &mut PgConnection, id: Id) -> StoreResult<Option<Webhook>> {
    let mut query = QueryBuilder::new(WEBHOOK_COLUMNS);
    query.push(" WHERE w.id = ").push_bind(id);
    query_one(connection, query, webhook_from_row).await
}

pub(super) async fn insert(
    tx: &mut PgConnection,
    webhook: &NewWebhook,
    audit: &AuditRecord,
) -> StoreResult<Webhook> {
    let id: Option<Id> = sqlx::query_scalar(
        "INSERT INTO webhooks (url, events, sealed_secret, description, created_by, created_at)
         SELECT $1, $2, $3, $4, id, $6 FROM users WHERE id = $5 AND removed_at IS NULL
         RETURNING id",
    )
    .bind(&webhook.url)
    .bind(events_to_str(&webhook.events))
    .bind(&webhook.sealed_secret)
    .bind(&webhook.description)
    .bind(webhook.created_by_id)
    .bind(webhook.created_at.timestamp())
    .fetch_optional(&mut *tx)
    .await?;
    let id = id.ok_or_else(|| {
        StoreError::NotFound("the webhook's creator is no longer a user".to_owned())
    })?;
    insert_audit(tx, audit).await?;
    one(tx, id)
        .await?
        .ok_or_else(|| StoreError::Database("the new webhook vanished".to_owned()))
}

pub(super) async fn delete(
    tx: &mut PgConnection,
    id: Id,
    audit: &AuditRecord,
) -> StoreResult<Webhook> {
    let webhook = one(tx, id)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("no webhook with id {id}")))?;
    sqlx::query("DELETE FROM webhook_deliveries WHERE webhook_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM webhooks WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    insert_audit(tx, audit).await?;
    Ok(webhook)
}

/// Writes `event` to the outbox of every webhook it goes to.
pub(super) async fn enqueue(tx: &mut PgConnection, event: &Event, at: i64) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO webhook_deliveries (webhook_id, message_id, event, payload, created_at,
             next_attempt_at)
         SELECT id, $1, $2, $3, $4, $4 FROM webhooks
         WHERE CASE WHEN $5::BIGINT IS NULL THEN ' ' || events || ' ' LIKE '% ' || $2 || ' %'
                    ELSE id = $5 END",
    )
    .bind(&event.message_id)
    .bind(event.kind.as_str())
    .bind(event.payload.to_string())
    .bind(at)
    .bind(event.only_webhook)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

pub(super) async fn list(
    connection: &mut PgConnection,
    filter: &DeliveryFilter,
) -> StoreResult<Vec<Delivery>> {
    let mut query: QueryBuilder<Postgres> = QueryBuilder::new(DELIVERY_COLUMNS);
    query
        .push(" WHERE d.id > ")
        .push_bind(filter.rows.after.unwrap_or(0));
    if let Some(webhook) = filter.webhook_id {
        query.push(" AND d.webhook_id = ").push_bind(webhook);
    }
    if let Some(message) = &filter.message_id {
        query
            .push(" AND d.message_id = ")
            .push_bind(message.clone());
    }
    if filter.failed {
        query.push(" AND d.delivered_at IS NULL AND d.last_error <> ''");
    }
    query.push(" ORDER BY d.id");
    if let Some(limit) = filter.rows.limit {
        query
            .push(" LIMIT ")
            .push_bind(i64::try_from(limit).unwrap_or(i64::MAX));
    }
    query_all(connection, query, delivery_from_row).await
}

pub(super) async fn claim(
    tx: &mut PgConnection,
    now: i64,
    lease_until: i64,
    limit: usize,
) -> StoreResult<Vec<DueDelivery>> {
    let ids = lease_due(tx, Outbox::Webhooks, now, lease_until, limit).await?;
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut query = QueryBuilder::new(DUE_DELIVERY_COLUMNS);
    query
        .push(" WHERE d.id = ANY(")
        .push_bind(ids)
        .push(") ORDER BY d.next_attempt_at, d.id");
    query_all(tx, query, due_delivery_from_row).await
}

pub(super) async fn finish(tx: &mut PgConnection, id: Id, attempt: &Attempt) -> StoreResult<()> {
    sqlx::query(
        "UPDATE webhook_deliveries
         SET attempts = attempts + 1, lease_until = NULL, next_attempt_at = $2,
             delivered_at = $3, last_status = $4, last_error = $5
         WHERE id = $1",
    )
    .bind(id)
    .bind(attempt.next_attempt_at.map(|at| at.timestamp()))
    .bind(attempt.delivered.then(|| attempt.at.timestamp()))
    .bind(attempt.status.map(i64::from))
    .bind(&attempt.error)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

pub(super) async fn forget(tx: &mut PgConnection, before: i64) -> StoreResult<u64> {
    forget_older_than(tx, Outbox::Webhooks, before).await
}
