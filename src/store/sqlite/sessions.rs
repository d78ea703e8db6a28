//! The `sessions` table: recording a login's session, ending sessions, and
//! reading them back.

use chrono::{DateTime, Utc};
use rusqlite::types::Value;
use rusqlite::{Connection, Transaction};

use super::queries::{query_all, query_one};
use crate::model::{Id, Session};
use crate::store::rows::{SESSION_COLUMNS, session_from_row};
use crate::store::{NewSession, SESSION_ROWS_KEPT, StoreResult};

/// Records `session` of user `name`, opened from `address` at `at`, and
/// forgets the rows of sessions long expired.
pub(super) fn record(
    tx: &Transaction<'_>,
    name: &str,
    address: &str,
    session: &NewSession,
    at: DateTime<Utc>,
) -> StoreResult<()> {
    tx.execute(
        "DELETE FROM sessions WHERE expires_at < ?1",
        [(at - SESSION_ROWS_KEPT).timestamp()],
    )?;
    tx.execute(
        "INSERT INTO sessions (jti, user_id, created_at, expires_at, address, user_agent)
         SELECT ?1, id, ?2, ?3, ?4, ?5 FROM users WHERE name = ?6",
        (
            &session.jti,
            at.timestamp(),
            session.expires_at.timestamp(),
            address,
            &session.user_agent,
            name,
        ),
    )?;
    Ok(())
}

/// Revokes the sessions of `name` still active at `at` (only the one with
/// id `only`, when given); how many there were.
pub(super) fn revoke(
    tx: &Transaction<'_>,
    name: &str,
    only: Option<Id>,
    at: DateTime<Utc>,
) -> StoreResult<usize> {
    Ok(tx.execute(
        "UPDATE sessions SET revoked_at = ?1
         WHERE user_id = (SELECT id FROM users WHERE name = ?2)
           AND (?3 IS NULL OR id = ?3)
           AND revoked_at IS NULL AND expires_at > ?1",
        (at.timestamp(), name, only),
    )?)
}

pub(super) fn by_jti(connection: &Connection, jti: &str) -> StoreResult<Option<Session>> {
    let sql = format!("{SESSION_COLUMNS} WHERE s.jti = ?1");
    query_one(connection, &sql, [jti], session_from_row)
}

pub(super) fn active(
    connection: &Connection,
    user: Option<&str>,
    now: DateTime<Utc>,
) -> StoreResult<Vec<Session>> {
    let mut sql = format!("{SESSION_COLUMNS} WHERE s.revoked_at IS NULL AND s.expires_at > ?");
    let mut params = vec![Value::Integer(now.timestamp())];
    if let Some(user) = user {
        sql.push_str(" AND u.name = ?");
        params.push(Value::Text(user.to_owned()));
    }
    sql.push_str(" ORDER BY s.id");
    query_all(
        connection,
        &sql,
        rusqlite::params_from_iter(params),
        session_from_row,
    )
}

pub(super) fn touch(
    connection: &Connection,
    id: Id,
    now: DateTime<Utc>,
    stale_before: DateTime<Utc>,
) -> StoreResult<()> {
    connection.execute(
        "UPDATE sessions SET last_seen_at = ?1
         WHERE id = ?2 AND (last_seen_at IS NULL OR last_seen_at < ?3)",
        (now.timestamp(), id, stale_before.timestamp()),
    )?;
    Ok(())
}
