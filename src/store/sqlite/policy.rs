//! The token policy: one row, written only over the revision its writer
//! read, so of two concurrent changes one is told to read again.

use rusqlite::{Connection, OptionalExtension, Transaction};

use super::queries::insert_audit;
use crate::store::{AuditRecord, StoreResult, StoredPolicy, policy_overtaken};

pub(super) fn read(connection: &Connection) -> StoreResult<Option<StoredPolicy>> {
    Ok(connection
        .query_row(
            "SELECT document, revision FROM token_policy WHERE id = 1",
            [],
            |row| {
                Ok(StoredPolicy {
                    document: row.get(0)?,
                    revision: row.get(1)?,
                })
            },
        )
        .optional()?)
}

pub(super) fn replace(
    tx: &Transaction<'_>,
    revision: i64,
    document: &str,
    at: i64,
    audit: &AuditRecord,
) -> StoreResult<i64> {
    let written = if revision == 0 {
        tx.execute(
            "INSERT INTO token_policy (id, document, revision, updated_at) VALUES (1, ?1, 1, ?2)
             ON CONFLICT (id) DO NOTHING",
            rusqlite::params![document, at],
        )?
    } else {
        tx.execute(
            "UPDATE token_policy SET document = ?1, revision = revision + 1, updated_at = ?2
             WHERE id = 1 AND revision = ?3",
            rusqlite::params![document, at, revision],
        )?
    };
    if written == 0 {
        return Err(policy_overtaken());
    }
    insert_audit(tx, audit)?;
    Ok(revision + 1)
}
