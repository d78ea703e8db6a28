//! The `sessions` table: recording a login's session, ending sessions, and
//! reading them back. The same statements as SQLite's, in PostgreSQL's
//! dialect.

use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgExecutor, QueryBuilder};

use super::queries::{query_all, query_one};
use crate::model::{Id, Session};
use crate::store::rows::{SESSION_COLUMNS, session_from_row};
use crate::store::{NewSession, SESSION_ROWS_KEPT, StoreResult};

/// Records `session` of user `name`, opened from `address` at `at`, and
/// forgets the rows of sessions long expired.
pub(super) async fn record(
    tx: &mut PgConnection,
    name: &str,
    address: &str,
    session: &NewSession,
    at: DateTime<Utc>,
) -> StoreResult<()> {
    sqlx::query("DELETE FROM sessions WHERE expires_at < $1")
        .bind((at - SESSION_ROWS_KEPT).timestamp())
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO sessions (jti, user_id, created_at, expires_at, address, user_agent)
         SELECT $1, id, $2, $3, $4, $5 FROM users WHERE name = $6",
    )
    .bind(&session.jti)
    .bind(at.timestamp())
    .bind(session.expires_at.timestamp())
    .bind(address)
    .bind(&session.user_agent)
    .bind(name)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Revokes the sessions of `name` still active at `at` (only the one with
/// id `only`, when given); how many there were.
pub(super) async fn revoke(
    tx: &mut PgConnection,
    name: &str,
    only: Option<Id>,
    at: DateTime<Utc>,
) -> StoreResult<u64> {
    Ok(sqlx::query(
        "UPDATE sessions SET revoked_at = $1
         WHERE user_id = (SELECT id FROM users WHERE name = $2)
           AND ($3::BIGINT IS NULL OR id = $3)
           AND revoked_at IS NULL AND expires_at > $1",
    )
    .bind(at.timestamp())
    .bind(name)
    .bind(only)
    .execute(&mut *tx)
    .await?
    .rows_affected())
}

pub(super) async fn by_jti<'e>(
    executor: impl PgExecutor<'e>,
    jti: &str,
) -> StoreResult<Option<Session>> {
    let mut query = QueryBuilder::new(SESSION_COLUMNS);
    query.push(" WHERE s.jti = ").push_bind(jti.to_owned());
    query_one(executor, query, session_from_row).await
}

pub(super) async fn active<'e>(
    executor: impl PgExecutor<'e>,
    user: Option<&str>,
    now: DateTime<Utc>,
) -> StoreResult<Vec<Session>> {
    let mut query = QueryBuilder::new(SESSION_COLUMNS);
    query
        .push(" WHERE s.revoked_at IS NULL AND s.expires_at > ")
        .push_bind(now.timestamp());
    if let Some(user) = user {
        query.push(" AND u.name = ").push_bind(user.to_owned());
    }
    query.push(" ORDER BY s.id");
    query_all(executor, query, session_from_row).await
}

pub(super) async fn touch<'e>(
    executor: impl PgExecutor<'e>,
    id: Id,
    now: DateTime<Utc>,
    stale_before: DateTime<Utc>,
) -> StoreResult<()> {
    sqlx::query(
        "UPDATE sessions SET last_seen_at = $1
         WHERE id = $2 AND (last_seen_at IS NULL OR last_seen_at < $3)",
    )
    .bind(now.timestamp())
    .bind(id)
    .bind(stale_before.timestamp())
    .execute(executor)
    .await?;
    Ok(())
}
