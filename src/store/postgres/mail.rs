//! The mail outbox: the same statements as SQLite's
//! (`store/sqlite/mail.rs`), in PostgreSQL's dialect; replicas lease due
//! mails with `FOR UPDATE SKIP LOCKED`, as they do webhook messages.

use sqlx::{PgConnection, QueryBuilder};

use super::queries::{forget_older_than, lease_due, query_all};
use crate::model::Id;
use crate::store::rows::{DUE_MAIL_COLUMNS, Outbox, due_mail_from_row};
use crate::store::{Attempt, DueMail, Event, Mail, StoreResult};

/// Writes `mail` to the outbox, to the address its user has now; nothing
/// when they have none (or are removed).
pub(super) async fn enqueue(
    tx: &mut PgConnection,
    event: &Event,
    mail: &Mail,
    at: i64,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO mail_outbox (message_id, event, recipient, subject, body, created_at,
             next_attempt_at)
         SELECT $1, $2, email, $3, $4, $5, $5 FROM users
         WHERE name = $6 AND email IS NOT NULL AND removed_at IS NULL",
    )
    .bind(&event.message_id)
    .bind(event.kind.as_str())
    .bind(&mail.subject)
    .bind(&mail.body)
    .bind(at)
    .bind(&mail.to_user)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

pub(super) async fn claim(
    tx: &mut PgConnection,
    now: i64,
    lease_until: i64,
    limit: usize,
) -> StoreResult<Vec<DueMail>> {
    let ids = lease_due(tx, Outbox::Mail, now, lease_until, limit).await?;
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut query = QueryBuilder::new(DUE_MAIL_COLUMNS);
    query
        .push(" WHERE id = ANY(")
        .push_bind(ids)
        .push(") ORDER BY next_attempt_at, id");
    query_all(tx, query, due_mail_from_row).await
}

pub(super) async fn finish(tx: &mut PgConnection, id: Id, attempt: &Attempt) -> StoreResult<()> {
    sqlx::query(
        "UPDATE mail_outbox
         SET attempts = attempts + 1, lease_until = NULL, next_attempt_at = $2,
             delivered_at = $3, last_error = $4
         WHERE id = $1",
    )
    .bind(id)
    .bind(attempt.next_attempt_at.map(|at| at.timestamp()))
    .bind(attempt.delivered.then(|| attempt.at.timestamp()))
    .bind(&attempt.error)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

pub(super) async fn forget(tx: &mut PgConnection, before: i64) -> StoreResult<u64> {
    forget_older_than(tx, Outbox::Mail, before).await
}
