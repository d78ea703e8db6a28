//! Expiry notices: the same statements as SQLite's
//! (`store/sqlite/notices.rs`), in PostgreSQL's dialect. The primary key
//! takes each notice once, whichever replica gets there first.

use sqlx::{PgConnection, Postgres, QueryBuilder};

use super::queries::{insert_audit, query_all};
use crate::model::Id;
use crate::store::rows::{TOKEN_COLUMNS, notice_from_row, token_from_row, with_notices};
use crate::store::{AuditRecord, ExpiringToken, StoreResult};

/// `… WHERE` the conditions of `tokens_by_expiry`.
fn expiring_query(select: &str, from: i64, until: i64) -> QueryBuilder<Postgres> {
    let mut query = QueryBuilder::new(select);
    query
        .push(" WHERE t.revoked_at IS NULL AND t.expires_at IS NOT NULL AND t.expires_at >= ")
        .push_bind(from)
        .push(" AND t.expires_at < ")
        .push_bind(until);
    query
}

pub(super) async fn expiring(
    connection: &mut PgConnection,
    from: i64,
    until: i64,
) -> StoreResult<Vec<ExpiringToken>> {
    let mut tokens = expiring_query(TOKEN_COLUMNS, from, until);
    tokens.push(" ORDER BY t.id");
    let tokens = query_all(&mut *connection, tokens, token_from_row).await?;
    let notices = expiring_query(
        "SELECT n.token_id, n.notice FROM expiry_notices n JOIN tokens t ON t.id = n.token_id",
        from,
        until,
    );
    let notices = query_all(&mut *connection, notices, notice_from_row).await?;
    Ok(with_notices(tokens, notices))
}

pub(super) async fn record(
    tx: &mut PgConnection,
    id: Id,
    notice: &str,
    audit: &AuditRecord,
) -> StoreResult<bool> {
    let taken = sqlx::query(
        "INSERT INTO expiry_notices (token_id, notice, sent_at) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING",
    )
    .bind(id)
    .bind(notice)
    .bind(audit.at.timestamp())
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if taken == 0 {
        return Ok(false);
    }
    insert_audit(tx, audit).await?;
    Ok(true)
}
