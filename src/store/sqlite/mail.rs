//! The mail outbox: a mail per notice to a token's owner, written in the
//! change's transaction, leased to one sender at a time (as webhook
//! messages are, `webhooks.rs`).

use rusqlite::Transaction;

use super::queries::{forget_older_than, lease_due, query_one};
use crate::model::Id;
use crate::store::rows::{DUE_MAIL_COLUMNS, Outbox, due_mail_from_row};
use crate::store::{Attempt, DueMail, Event, Mail, StoreResult};

/// Writes `mail` to the outbox, to the address its user has now; nothing
/// when they have none (or are removed).
pub(super) fn enqueue(
    tx: &Transaction<'_>,
    event: &Event,
    mail: &Mail,
    at: i64,
) -> StoreResult<()> {
    tx.prepare_cached(
        "INSERT INTO mail_outbox (message_id, event, recipient, subject, body, created_at,
             next_attempt_at)
         SELECT ?1, ?2, email, ?3, ?4, ?5, ?5 FROM users
         WHERE name = ?6 AND email IS NOT NULL AND removed_at IS NULL",
    )?
    .execute(rusqlite::params![
        event.message_id,
        event.kind.as_str(),
        mail.subject,
        mail.body,
        at,
        mail.to_user,
    ])?;
    Ok(())
}

pub(super) fn claim(
    tx: &Transaction<'_>,
    now: i64,
    lease_until: i64,
    limit: usize,
) -> StoreResult<Vec<DueMail>> {
    let ids = lease_due(tx, Outbox::Mail, now, lease_until, limit)?;
    let sql = format!("{DUE_MAIL_COLUMNS} WHERE id = ?1");
    ids.into_iter()
        .filter_map(|id| query_one(tx, &sql, [id], due_mail_from_row).transpose())
        .collect()
}

pub(super) fn finish(tx: &Transaction<'_>, id: Id, attempt: &Attempt) -> StoreResult<()> {
    tx.execute(
        "UPDATE mail_outbox
         SET attempts = attempts + 1, lease_until = NULL, next_attempt_at = ?2,
             delivered_at = ?3, last_error = ?4
         WHERE id = ?1",
        rusqlite::params![
            id,
            attempt.next_attempt_at.map(|at| at.timestamp()),
            attempt.delivered.then(|| attempt.at.timestamp()),
            attempt.error,
        ],
    )?;
    Ok(())
}

pub(super) fn forget(tx: &Transaction<'_>, before: i64) -> StoreResult<u64> {
    forget_older_than(tx, Outbox::Mail, before)
}
