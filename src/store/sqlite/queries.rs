//! The queries the store's methods share: reading rows, writing an audit
//! entry with the change it records, looking up a user or a token.

use rusqlite::types::Value;
use rusqlite::{Connection, Row, Transaction};

use crate::model::{Id, Status, Token, User};
use crate::store::rows::Outbox;
use crate::store::rows::{
    AUDIT_COLUMNS, Columns, TOKEN_COLUMNS, USER_COLUMNS, token_from_row, user_from_row,
};
use crate::store::{AuditFilter, AuditRecord, Rows, StoreError, StoreResult, TokenFilter};

/// Values of a rusqlite row, by position, for the shared decoders in `rows`.
impl Columns for Row<'_> {
    fn int(&self, index: usize) -> StoreResult<i64> {
        Ok(self.get(index)?)
    }

    fn optional_int(&self, index: usize) -> StoreResult<Option<i64>> {
        Ok(self.get(index)?)
    }

    fn text(&self, index: usize) -> StoreResult<String> {
        Ok(self.get(index)?)
    }

    fn optional_text(&self, index: usize) -> StoreResult<Option<String>> {
        Ok(self.get(index)?)
    }

    fn flag(&self, index: usize) -> StoreResult<bool> {
        Ok(self.get(index)?)
    }
}

/// Runs a query and converts every row; `params` are positional.
pub(super) fn query_all<T>(
    connection: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
    decode: fn(&dyn Columns) -> StoreResult<T>,
) -> StoreResult<Vec<T>> {
    let mut statement = connection.prepare_cached(sql)?;
    let mut rows = statement.query(params)?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        out.push(decode(row)?);
    }
    Ok(out)
}

pub(super) fn query_one<T>(
    connection: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
    decode: fn(&dyn Columns) -> StoreResult<T>,
) -> StoreResult<Option<T>> {
    Ok(query_all(connection, sql, params, decode)?
        .into_iter()
        .next())
}

pub(super) fn insert_audit(tx: &Transaction<'_>, audit: &AuditRecord) -> StoreResult<()> {
    tx.prepare_cached(
        "INSERT INTO audit (at, actor, action, token_id, detail, source, via_token_id, via_token_hint)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute((
        audit.at.timestamp(),
        &audit.actor,
        audit.action,
        audit.token_id,
        &audit.detail,
        &audit.source,
        audit.via_token.as_ref().map(|via| via.id),
        audit.via_token.as_ref().map(|via| via.hint.as_str()),
    ))?;
    if let Some(event) = &audit.event {
        super::webhooks::enqueue(tx, event, audit.at.timestamp())?;
        if let Some(mail) = &event.mail {
            super::mail::enqueue(tx, event, mail, audit.at.timestamp())?;
        }
    }
    Ok(())
}

/// For conditional updates: audits and returns true when a row changed.
pub(super) fn audit_if_changed(
    tx: &Transaction<'_>,
    changed: usize,
    audit: &AuditRecord,
) -> StoreResult<bool> {
    if changed == 0 {
        return Ok(false);
    }
    insert_audit(tx, audit)?;
    Ok(true)
}

pub(super) fn user_named(connection: &Connection, name: &str) -> StoreResult<Option<User>> {
    let sql = format!("{USER_COLUMNS} WHERE name = ?1");
    query_one(connection, &sql, [name], user_from_row)
}

/// After an unguarded update of one user: the user as now stored, with the
/// audit entry written; `NotFound` when no row changed (no such user).
pub(super) fn updated_user(
    tx: &Transaction<'_>,
    changed: usize,
    name: &str,
    audit: &AuditRecord,
) -> StoreResult<User> {
    let missing = || StoreError::NotFound(format!("no user named '{name}'"));
    if !audit_if_changed(tx, changed, audit)? {
        return Err(missing());
    }
    user_named(tx, name)?.ok_or_else(missing)
}

/// After an update of one user guarded by their expected role: the user as
/// now stored, with the audit entry written; `NotFound` when there is no
/// such user, `Conflict` when their role changed meanwhile.
pub(super) fn changed_user(
    tx: &Transaction<'_>,
    changed: usize,
    name: &str,
    audit: &AuditRecord,
) -> StoreResult<User> {
    let user = user_named(tx, name)?
        .ok_or_else(|| StoreError::NotFound(format!("no user named '{name}'")))?;
    if changed == 0 {
        return Err(StoreError::Conflict(format!(
            "the role of user '{name}' changed meanwhile; try again"
        )));
    }
    insert_audit(tx, audit)?;
    Ok(user)
}

pub(super) fn token_with_id(connection: &Connection, id: Id) -> StoreResult<Option<Token>> {
    let sql = format!("{TOKEN_COLUMNS} WHERE t.id = ?1");
    query_one(connection, &sql, [id], token_from_row)
}

/// The end of a list query: the keyset page [`Rows`] asks for, in the
/// order of `id_column` (which its primary key indexes).
pub(super) fn push_rows(sql: &mut String, params: &mut Vec<Value>, id_column: &str, rows: Rows) {
    if let Some(after) = rows.after {
        sql.push_str(&format!(" AND {id_column} > ?"));
        params.push(Value::Integer(after));
    }
    sql.push_str(&format!(" ORDER BY {id_column}"));
    if let Some(limit) = rows.limit {
        sql.push_str(" LIMIT ?");
        params.push(Value::Integer(i64::try_from(limit).unwrap_or(i64::MAX)));
    }
}

/// The query of a page of tokens, and its parameters.
pub(super) fn tokens_query(filter: &TokenFilter, now: i64) -> (String, Vec<Value>) {
    let mut sql = format!("{TOKEN_COLUMNS} WHERE 1 = 1");
    let mut params = Vec::new();
    if let Some(owner) = &filter.owner {
        sql.push_str(" AND t.owner_id = (SELECT id FROM users WHERE name = ?)");
        params.push(Value::Text(owner.clone()));
    }
    if let Some(kind) = filter.kind {
        sql.push_str(" AND t.kind = ?");
        params.push(Value::Text(kind.as_str().to_owned()));
    }
    if let Some(status) = filter.status {
        sql.push_str(&status_condition(status, now, &mut params));
    }
    if let Some(before) = filter.expiring_before {
        sql.push_str(&status_condition(Status::Active, now, &mut params));
        sql.push_str(" AND t.expires_at <= ?");
        params.push(Value::Integer(before.timestamp()));
    }
    if let Some(since) = filter.used_since {
        sql.push_str(" AND t.last_used_at >= ?");
        params.push(Value::Integer(since.timestamp()));
    }
    if let Some(since) = filter.unused_since {
        sql.push_str(" AND coalesce(t.last_used_at, t.created_at) < ?");
        params.push(Value::Integer(since.timestamp()));
    }
    push_rows(&mut sql, &mut params, "t.id", filter.rows);
    (sql, params)
}

/// The query of a page of audit entries, and its parameters. `since`
/// starts the walk at the first entry of that time (found in
/// `audit_by_time`): every entry at or after it has an ID at least that
/// entry's, whatever order the entries were written in. Named, since
/// SQLite would rather find `min(id)` by walking the whole table in ID
/// order from its oldest entry.
pub(super) fn audit_query(filter: &AuditFilter) -> (String, Vec<Value>) {
    let mut sql = format!("{AUDIT_COLUMNS} WHERE 1 = 1");
    let mut params = Vec::new();
    if let Some(token_id) = filter.token_id {
        sql.push_str(" AND (token_id = ? OR via_token_id = ?)");
        params.push(Value::Integer(token_id));
        params.push(Value::Integer(token_id));
    }
    if let Some(since) = filter.since {
        sql.push_str(
            " AND id >= (SELECT coalesce(min(id), 9223372036854775807)
                         FROM audit INDEXED BY audit_by_time WHERE at >= ?)
              AND at >= ?",
        );
        params.push(Value::Integer(since.timestamp()));
        params.push(Value::Integer(since.timestamp()));
    }
    if let Some(until) = filter.until {
        sql.push_str(" AND at < ?");
        params.push(Value::Integer(until.timestamp()));
    }
    if let Some(actor) = &filter.actor {
        sql.push_str(" AND actor = ?");
        params.push(Value::Text(actor.clone()));
    }
    if let Some(action) = &filter.action {
        sql.push_str(" AND action = ?");
        params.push(Value::Text(action.clone()));
    }
    push_rows(&mut sql, &mut params, "id", filter.rows);
    (sql, params)
}

/// SQL for "this token has status S at `now`" over the `t` alias.
/// When a token with a `max_idle_seconds` goes idle, as
/// [`crate::model::Token::idle_from`] works it out.
const IDLE_FROM: &str =
    "max(coalesce(t.last_used_at, 0), coalesce(t.regenerated_at, 0), t.created_at)
     + t.max_idle_seconds";

pub(super) fn status_condition(status: Status, now: i64, params: &mut Vec<Value>) -> String {
    match status {
        Status::Active => {
            params.extend([Value::Integer(now), Value::Integer(now)]);
            format!(
                " AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ?)
                  AND (t.max_idle_seconds IS NULL OR {IDLE_FROM} > ?)"
            )
        }
        Status::Idle => {
            params.extend([Value::Integer(now), Value::Integer(now)]);
            format!(
                " AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ?)
                  AND t.max_idle_seconds IS NOT NULL AND {IDLE_FROM} <= ?"
            )
        }
        Status::Expired => {
            params.push(Value::Integer(now));
            " AND t.revoked_at IS NULL AND t.expires_at <= ?".to_owned()
        }
        Status::Revoked => " AND t.revoked_at IS NOT NULL".to_owned(),
    }
}

/// Leases up to `limit` rows of `outbox` due at `now` (none leased, or
/// their lease ran out) until `lease_until`; their ids, soonest due first.
pub(super) fn lease_due(
    tx: &Transaction<'_>,
    outbox: Outbox,
    now: i64,
    lease_until: i64,
    limit: usize,
) -> StoreResult<Vec<Id>> {
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let table = outbox.table();
    let sql = format!(
        "UPDATE {table} SET lease_until = ?2
         WHERE id IN (SELECT id FROM {table}
                      WHERE next_attempt_at IS NOT NULL AND next_attempt_at <= ?1
                        AND (lease_until IS NULL OR lease_until <= ?1)
                      ORDER BY next_attempt_at, id LIMIT ?3)
         RETURNING id"
    );
    let ids = tx
        .prepare_cached(&sql)?
        .query_map((now, lease_until, limit), |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(ids)
}

/// Forgets the rows of `outbox` whose event is older than `before`; how
/// many. Long before then each was delivered or given up (retries end a
/// day after the event; one never attempted is stale by then).
pub(super) fn forget_older_than(
    tx: &Transaction<'_>,
    outbox: Outbox,
    before: i64,
) -> StoreResult<u64> {
    let sql = format!("DELETE FROM {} WHERE created_at < ?1", outbox.table());
    let gone = tx.execute(&sql, [before])?;
    Ok(u64::try_from(gone).unwrap_or(u64::MAX))
}
