//! Expiry notices: which went out about which token, taken once.

use rusqlite::{Connection, Transaction};

use super::queries::{insert_audit, query_all};
use crate::model::Id;
use crate::store::rows::{TOKEN_COLUMNS, notice_from_row, token_from_row, with_notices};
use crate::store::{AuditRecord, ExpiringToken, StoreResult};

/// What both queries select by: the conditions of `tokens_by_expiry`.
const EXPIRING: &str = "t.revoked_at IS NULL AND t.expires_at IS NOT NULL
    AND t.expires_at >= ?1 AND t.expires_at < ?2";

pub(super) fn expiring(
    connection: &Connection,
    from: i64,
    until: i64,
) -> StoreResult<Vec<ExpiringToken>> {
    let tokens = query_all(
        connection,
        &format!("{TOKEN_COLUMNS} WHERE {EXPIRING} ORDER BY t.id"),
        (from, until),
        token_from_row,
    )?;
    let notices = query_all(
        connection,
        &format!(
            "SELECT n.token_id, n.notice FROM expiry_notices n
             JOIN tokens t ON t.id = n.token_id WHERE {EXPIRING}"
        ),
        (from, until),
        notice_from_row,
    )?;
    Ok(with_notices(tokens, notices))
}

pub(super) fn record(
    tx: &Transaction<'_>,
    id: Id,
    notice: &str,
    audit: &AuditRecord,
) -> StoreResult<bool> {
    let taken = tx.execute(
        "INSERT OR IGNORE INTO expiry_notices (token_id, notice, sent_at) VALUES (?1, ?2, ?3)",
        (id, notice, audit.at.timestamp()),
    )?;
    if taken == 0 {
        return Ok(false);
    }
    insert_audit(tx, audit)?;
    Ok(true)
}
