//! Trust policies and the ID tokens already exchanged under them.

use rusqlite::{OptionalExtension, Transaction};

use super::queries::insert_audit;
use crate::model::{TrustPolicy, permissions_to_string};
use crate::store::rows::claims_to_json;
use crate::store::{AuditRecord, ClaimingAudit, StoreError, StoreResult, trust_name_taken};

pub(super) fn insert(
    tx: &Transaction<'_>,
    policy: &TrustPolicy,
    audit: &AuditRecord,
) -> StoreResult<()> {
    let taken = tx
        .query_row(
            "SELECT 1 FROM trust_policies WHERE name = ?1",
            [&policy.name],
            |_| Ok(()),
        )
        .optional()?;
    if taken.is_some() {
        return Err(trust_name_taken(&policy.name));
    }
    let claims = claims_to_json(&policy.claims)?;
    let owner = current_user(tx, &policy.owner)?;
    let creator = current_user(tx, &policy.created_by)?;
    tx.execute(
        "INSERT INTO trust_policies (name, issuer, audience, claims, role, permissions,
             stripped_permissions, owner_id, max_ttl, description, created_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        rusqlite::params![
            policy.name,
            policy.issuer,
            policy.audience,
            claims,
            policy.role,
            permissions_to_string(&policy.permissions),
            permissions_to_string(&policy.stripped_permissions),
            owner,
            policy.max_ttl_seconds,
            policy.description,
            creator,
            policy.created_at.timestamp(),
        ],
    )?;
    insert_audit(tx, audit)
}

pub(super) fn delete(tx: &Transaction<'_>, name: &str, audit: &AuditRecord) -> StoreResult<()> {
    if tx.execute("DELETE FROM trust_policies WHERE name = ?1", [name])? == 0 {
        return Err(StoreError::NotFound(format!(
            "no trust policy named '{name}'"
        )));
    }
    insert_audit(tx, audit)
}

/// Writes `entries` (see `Store::append_audits_claiming`).
pub(super) fn append_claiming(
    tx: &Transaction<'_>,
    entries: &[ClaimingAudit],
    now: i64,
) -> StoreResult<Vec<bool>> {
    forget_expired_id_tokens(tx, now)?;
    entries
        .iter()
        .map(|entry| {
            let fresh = match &entry.claim {
                Some(claim) => {
                    take_id_token(tx, &claim.issuer, &claim.jti, claim.expires_at.timestamp())?
                }
                None => true,
            };
            if fresh {
                insert_audit(tx, &entry.audit)?;
            }
            Ok(fresh)
        })
        .collect()
}

fn forget_expired_id_tokens(tx: &Transaction<'_>, now: i64) -> StoreResult<()> {
    tx.execute("DELETE FROM id_tokens_used WHERE expires_at < ?1", [now])?;
    Ok(())
}

/// False when the ID token was taken before.
fn take_id_token(
    tx: &Transaction<'_>,
    issuer: &str,
    jti: &str,
    expires_at: i64,
) -> StoreResult<bool> {
    let claimed = tx.execute(
        "INSERT OR IGNORE INTO id_tokens_used (issuer, jti, expires_at) VALUES (?1, ?2, ?3)",
        (issuer, jti, expires_at),
    )?;
    Ok(claimed == 1)
}

fn current_user(tx: &Transaction<'_>, name: &str) -> StoreResult<i64> {
    tx.query_row(
        "SELECT id FROM users WHERE name = ?1 AND removed_at IS NULL",
        [name],
        |row| row.get(0),
    )
    .optional()?
    .ok_or_else(|| StoreError::NotFound(format!("no user named '{name}'")))
}
