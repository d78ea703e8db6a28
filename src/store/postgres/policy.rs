//! The token policy: the same statements as SQLite's
//! (`store/sqlite/policy.rs`), in PostgreSQL's dialect. A replica's write
//! over a revision another replica moved meanwhile changes no row.

use sqlx::PgConnection;

use super::queries::insert_audit;
use crate::store::{AuditRecord, StoreResult, StoredPolicy, policy_overtaken};

pub(super) async fn read(connection: &mut PgConnection) -> StoreResult<Option<StoredPolicy>> {
    let row: Option<(String, i64)> =
        sqlx::query_as("SELECT document, revision FROM token_policy WHERE id = 1")
            .fetch_optional(&mut *connection)
            .await?;
    Ok(row.map(|(document, revision)| StoredPolicy { document, revision }))
}

pub(super) async fn replace(
    tx: &mut PgConnection,
    revision: i64,
    document: &str,
    at: i64,
    audit: &AuditRecord,
) -> StoreResult<i64> {
    let written = if revision == 0 {
        sqlx::query(
            "INSERT INTO token_policy (id, document, revision, updated_at) VALUES (1, $1, 1, $2)
             ON CONFLICT (id) DO NOTHING",
        )
        .bind(document)
        .bind(at)
        .execute(&mut *tx)
        .await?
    } else {
        sqlx::query(
            "UPDATE token_policy SET document = $1, revision = revision + 1, updated_at = $2
             WHERE id = 1 AND revision = $3",
        )
        .bind(document)
        .bind(at)
        .bind(revision)
        .execute(&mut *tx)
        .await?
    };
    if written.rows_affected() == 0 {
        return Err(policy_overtaken());
    }
    insert_audit(tx, audit).await?;
    Ok(revision + 1)
}
