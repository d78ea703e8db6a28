//! The queries the store's methods share: reading rows, writing audit
//! entries with the change they record, looking up a user or a token.

use sqlx::error::{DatabaseError, ErrorKind};
use sqlx::postgres::PgRow;
use sqlx::{PgConnection, PgExecutor, Postgres, QueryBuilder, Row};

use crate::model::{Id, Status, Token, User};
use crate::store::rows::Outbox;
use crate::store::rows::{Columns, TOKEN_COLUMNS, USER_COLUMNS, token_from_row, user_from_row};
use crate::store::{AuditFilter, AuditRecord, Rows, StoreError, StoreResult, TokenFilter};

/// Values of a PostgreSQL row, by position, for the shared decoders in `rows`.
impl Columns for PgRow {
    fn int(&self, index: usize) -> StoreResult<i64> {
        Ok(self.try_get(index)?)
    }

    fn optional_int(&self, index: usize) -> StoreResult<Option<i64>> {
        Ok(self.try_get(index)?)
    }

    fn text(&self, index: usize) -> StoreResult<String> {
        Ok(self.try_get(index)?)
    }

    fn optional_text(&self, index: usize) -> StoreResult<Option<String>> {
        Ok(self.try_get(index)?)
    }

    fn flag(&self, index: usize) -> StoreResult<bool> {
        Ok(self.try_get(index)?)
    }
}

/// Runs a query (one of the `rows` column lists plus conditions) and converts
/// every row.
pub(super) async fn query_all<'e, T>(
    executor: impl PgExecutor<'e>,
    mut query: QueryBuilder<Postgres>,
    decode: fn(&dyn Columns) -> StoreResult<T>,
) -> StoreResult<Vec<T>> {
    let rows = query.build().fetch_all(executor).await?;
    rows.iter().map(|row| decode(row)).collect()
}

pub(super) async fn query_one<'e, T>(
    executor: impl PgExecutor<'e>,
    mut query: QueryBuilder<Postgres>,
    decode: fn(&dyn Columns) -> StoreResult<T>,
) -> StoreResult<Option<T>> {
    let row = query.build().fetch_optional(executor).await?;
    row.as_ref().map(|row| decode(row)).transpose()
}

/// What a failed write means when a concurrent writer got there first: a
/// unique or foreign key violation is a `Conflict` that `explain` words;
/// anything else stays a database error. (SQLite never needs this: its one
/// writer at a time sees every earlier commit before it checks.)
pub(super) fn conflict_or(
    error: sqlx::Error,
    explain: impl FnOnce(ErrorKind) -> String,
) -> StoreError {
    let kind = error.as_database_error().map(DatabaseError::kind);
    match kind {
        Some(kind @ (ErrorKind::UniqueViolation | ErrorKind::ForeignKeyViolation)) => {
            StoreError::Conflict(explain(kind))
        }
        _ => error.into(),
    }
}

pub(super) async fn insert_audit(tx: &mut PgConnection, audit: &AuditRecord) -> StoreResult<()> {
    insert_audit_rows(tx, std::slice::from_ref(audit)).await
}

/// One INSERT for several audit entries (at most [`MAX_AUDITS_PER_INSERT`]).
pub(super) async fn insert_audit_rows(
    tx: &mut PgConnection,
    audits: &[AuditRecord],
) -> StoreResult<()> {
    let mut insert = QueryBuilder::new(
        "INSERT INTO audit (at, actor, action, token_id, detail, source, via_token_id, via_token_hint) ",
    );
    insert.push_values(audits, |mut row, audit| {
        row.push_bind(audit.at.timestamp())
            .push_bind(&audit.actor)
            .push_bind(audit.action)
            .push_bind(audit.token_id)
            .push_bind(&audit.detail)
            .push_bind(&audit.source)
            .push_bind(audit.via_token.as_ref().map(|via| via.id))
            .push_bind(audit.via_token.as_ref().map(|via| via.hint.as_str()));
    });
    insert.build().execute(&mut *tx).await?;
    for audit in audits {
        if let Some(event) = &audit.event {
            super::webhooks::enqueue(tx, event, audit.at.timestamp()).await?;
            if let Some(mail) = &event.mail {
                super::mail::enqueue(tx, event, mail, audit.at.timestamp()).await?;
            }
        }
    }
    Ok(())
}

/// For conditional updates: audits and returns true when a row changed.
pub(super) async fn audit_if_changed(
    tx: &mut PgConnection,
    changed: u64,
    audit: &AuditRecord,
) -> StoreResult<bool> {
    if changed == 0 {
        return Ok(false);
    }
    insert_audit(tx, audit).await?;
    Ok(true)
}

pub(super) async fn user_named<'e>(
    executor: impl PgExecutor<'e>,
    name: &str,
) -> StoreResult<Option<User>> {
    let mut query = QueryBuilder::new(USER_COLUMNS);
    query.push(" WHERE name = ").push_bind(name.to_owned());
    query_one(executor, query, user_from_row).await
}

/// After an unguarded update of one user: the user as now stored, with the
/// audit entry written; `NotFound` when no row changed (no such user).
pub(super) async fn updated_user(
    tx: &mut PgConnection,
    changed: u64,
    name: &str,
    audit: &AuditRecord,
) -> StoreResult<User> {
    let missing = || StoreError::NotFound(format!("no user named '{name}'"));
    if !audit_if_changed(tx, changed, audit).await? {
        return Err(missing());
    }
    user_named(&mut *tx, name).await?.ok_or_else(missing)
}

/// After an update of one user guarded by their expected role: the user as
/// now stored, with the audit entry written; `NotFound` when there is no
/// such user, `Conflict` when their role changed meanwhile.
pub(super) async fn changed_user(
    tx: &mut PgConnection,
    changed: u64,
    name: &str,
    audit: &AuditRecord,
) -> StoreResult<User> {
    let user = user_named(&mut *tx, name)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("no user named '{name}'")))?;
    if changed == 0 {
        return Err(StoreError::Conflict(format!(
            "the role of user '{name}' changed meanwhile; try again"
        )));
    }
    insert_audit(tx, audit).await?;
    Ok(user)
}

pub(super) async fn token_with_id<'e>(
    executor: impl PgExecutor<'e>,
    id: Id,
) -> StoreResult<Option<Token>> {
    let mut query = QueryBuilder::new(TOKEN_COLUMNS);
    query.push(" WHERE t.id = ").push_bind(id);
    query_one(executor, query, token_from_row).await
}

/// The end of a list query: the keyset page [`Rows`] asks for, in the
/// order of `id_column` (which its primary key indexes).
pub(super) fn push_rows(query: &mut QueryBuilder<Postgres>, id_column: &str, rows: Rows) {
    if let Some(after) = rows.after {
        query.push(format!(" AND {id_column} > ")).push_bind(after);
    }
    query.push(format!(" ORDER BY {id_column}"));
    if let Some(limit) = rows.limit {
        query
            .push(" LIMIT ")
            .push_bind(i64::try_from(limit).unwrap_or(i64::MAX));
    }
}

/// A page of tokens: `query` (the columns) with the filter's conditions.
pub(super) fn tokens_query(
    mut query: QueryBuilder<Postgres>,
    filter: &TokenFilter,
    now: i64,
) -> QueryBuilder<Postgres> {
    query.push(" WHERE TRUE");
    if let Some(owner) = &filter.owner {
        query
            .push(" AND t.owner_id = (SELECT id FROM users WHERE name = ")
            .push_bind(owner.clone())
            .push(")");
    }
    if let Some(kind) = filter.kind {
        query.push(" AND t.kind = ").push_bind(kind.as_str());
    }
    if let Some(status) = filter.status {
        push_status(&mut query, status, now);
    }
    if let Some(before) = filter.expiring_before {
        push_status(&mut query, Status::Active, now);
        query
            .push(" AND t.expires_at <= ")
            .push_bind(before.timestamp());
    }
    if let Some(since) = filter.used_since {
        query
            .push(" AND t.last_used_at >= ")
            .push_bind(since.timestamp());
    }
    if let Some(since) = filter.unused_since {
        query
            .push(" AND coalesce(t.last_used_at, t.created_at) < ")
            .push_bind(since.timestamp());
    }
    push_rows(&mut query, "t.id", filter.rows);
    query
}

/// A page of audit entries: `query` (the columns) with the filter's
/// conditions. `since` starts the walk at the first entry of that time
/// (found in `audit_by_time`): every entry at or after it has an ID at
/// least that entry's, whatever order the entries were written in.
///
/// That first entry is `min(id + 0)`, not `min(id)`: PostgreSQL answers a
/// bare `min(id) … WHERE at >= $1` by walking the primary key from the
/// oldest entry until one matches, which in a log written in time order is
/// nearly every entry (1.7 s at 10 million, in benches/scale.sh). With an
/// expression it can only read the entries of that time, from their index.
pub(super) fn audit_query(
    mut query: QueryBuilder<Postgres>,
    filter: &AuditFilter,
) -> QueryBuilder<Postgres> {
    query.push(" WHERE TRUE");
    if let Some(token_id) = filter.token_id {
        query
            .push(" AND (token_id = ")
            .push_bind(token_id)
            .push(" OR via_token_id = ")
            .push_bind(token_id)
            .push(")");
    }
    if let Some(since) = filter.since {
        query
            .push(
                " AND id >= (SELECT coalesce(min(id + 0), 9223372036854775807) FROM audit WHERE at >= ",
            )
            .push_bind(since.timestamp())
            .push(") AND at >= ")
            .push_bind(since.timestamp());
    }
    if let Some(until) = filter.until {
        query.push(" AND at < ").push_bind(until.timestamp());
    }
    if let Some(actor) = &filter.actor {
        query.push(" AND actor = ").push_bind(actor.clone());
    }
    if let Some(action) = &filter.action {
        query.push(" AND action = ").push_bind(action.clone());
    }
    push_rows(&mut query, "id", filter.rows);
    query
}

/// Adds "this token has status S at `now`" over the `t` alias.
/// When a token with a `max_idle_seconds` goes idle, as
/// [`crate::model::Token::idle_from`] works it out.
const IDLE_FROM: &str =
    "GREATEST(t.last_used_at, t.regenerated_at, t.created_at) + t.max_idle_seconds";

pub(super) fn push_status(query: &mut QueryBuilder<Postgres>, status: Status, now: i64) {
    match status {
        Status::Active => {
            query
                .push(" AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ")
                .push_bind(now)
                .push(format!(
                    ") AND (t.max_idle_seconds IS NULL OR {IDLE_FROM} > "
                ))
                .push_bind(now)
                .push(")");
        }
        Status::Idle => {
            query
                .push(" AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ")
                .push_bind(now)
                .push(format!(
                    ") AND t.max_idle_seconds IS NOT NULL AND {IDLE_FROM} <= "
                ))
                .push_bind(now);
        }
        Status::Expired => {
            query
                .push(" AND t.revoked_at IS NULL AND t.expires_at <= ")
                .push_bind(now);
        }
        Status::Revoked => {
            query.push(" AND t.revoked_at IS NOT NULL");
        }
    }
}

/// Leases up to `limit` rows of `outbox` due at `now` (none leased, or
/// their lease ran out) until `lease_until`, skipping rows another replica
/// is leasing this instant; their ids.
pub(super) async fn lease_due(
    tx: &mut PgConnection,
    outbox: Outbox,
    now: i64,
    lease_until: i64,
    limit: usize,
) -> StoreResult<Vec<Id>> {
    let table = outbox.table();
    let sql = format!(
        "UPDATE {table} SET lease_until = $2
         WHERE id IN (SELECT id FROM {table}
                      WHERE next_attempt_at IS NOT NULL AND next_attempt_at <= $1
                        AND (lease_until IS NULL OR lease_until <= $1)
                      ORDER BY next_attempt_at, id LIMIT $3
                      FOR UPDATE SKIP LOCKED)
         RETURNING id"
    );
    // Safe: the table name is one of `Outbox`'s, never input.
    Ok(sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
        .bind(now)
        .bind(lease_until)
        .bind(i64::try_from(limit).unwrap_or(i64::MAX))
        .fetch_all(&mut *tx)
        .await?)
}

/// Forgets the rows of `outbox` whose event is older than `before`; how
/// many. Long before then each was delivered or given up (retries end a
/// day after the event; one never attempted is stale by then).
pub(super) async fn forget_older_than(
    tx: &mut PgConnection,
    outbox: Outbox,
    before: i64,
) -> StoreResult<u64> {
    let sql = format!("DELETE FROM {} WHERE created_at < $1", outbox.table());
    // Safe: the table name is one of `Outbox`'s, never input.
    let gone = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(before)
        .execute(&mut *tx)
        .await?;
    Ok(gone.rows_affected())
}
