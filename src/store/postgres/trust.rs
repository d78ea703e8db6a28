//! Trust policies and the ID tokens already exchanged under them: the same
//! statements as SQLite's (`store/sqlite/trust.rs`), in PostgreSQL's
//! dialect. Uniqueness is the database's to enforce, so two replicas adding
//! one name, or exchanging one ID token, at the same moment get one success.

use sqlx::PgConnection;

use super::queries::{conflict_or, insert_audit};
use crate::model::{TrustPolicy, permissions_to_string};
use crate::store::rows::claims_to_json;
use crate::store::{AuditRecord, ClaimingAudit, StoreError, StoreResult, trust_name_taken};

pub(super) async fn insert(
    tx: &mut PgConnection,
    policy: &TrustPolicy,
    audit: &AuditRecord,
) -> StoreResult<()> {
    let claims = claims_to_json(&policy.claims)?;
    let owner = current_user(tx, &policy.owner).await?;
    let creator = current_user(tx, &policy.created_by).await?;
    sqlx::query(
        "INSERT INTO trust_policies (name, issuer, audience, claims, role, permissions,
             stripped_permissions, owner_id, max_ttl, description, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(&policy.name)
    .bind(&policy.issuer)
    .bind(&policy.audience)
    .bind(claims)
    .bind(&policy.role)
    .bind(permissions_to_string(&policy.permissions))
    .bind(permissions_to_string(&policy.stripped_permissions))
    .bind(owner)
    .bind(policy.max_ttl_seconds)
    .bind(&policy.description)
    .bind(creator)
    .bind(policy.created_at.timestamp())
    .execute(&mut *tx)
    .await
    .map_err(|error| conflict_or(error, |_| trust_name_taken(&policy.name).to_string()))?;
    insert_audit(tx, audit).await
}

pub(super) async fn delete(
    tx: &mut PgConnection,
    name: &str,
    audit: &AuditRecord,
) -> StoreResult<()> {
    let deleted = sqlx::query("DELETE FROM trust_policies WHERE name = $1")
        .bind(name)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if deleted == 0 {
        return Err(StoreError::NotFound(format!(
            "no trust policy named '{name}'"
        )));
    }
    insert_audit(tx, audit).await
}

/// Takes the ID token of each entry that names one, and answers which
/// entries are fresh (see `Store::append_audits_claiming`); the caller
/// writes the audit entries of those.
pub(super) async fn take_id_tokens(
    tx: &mut PgConnection,
    entries: &[ClaimingAudit],
    now: i64,
) -> StoreResult<Vec<bool>> {
    forget_expired_id_tokens(tx, now).await?;
    let mut fresh = Vec::with_capacity(entries.len());
    for entry in entries {
        fresh.push(match &entry.claim {
            Some(claim) => {
                take_id_token(tx, &claim.issuer, &claim.jti, claim.expires_at.timestamp()).await?
            }
            None => true,
        });
    }
    Ok(fresh)
}

async fn forget_expired_id_tokens(tx: &mut PgConnection, now: i64) -> StoreResult<()> {
    sqlx::query("DELETE FROM id_tokens_used WHERE expires_at < $1")
        .bind(now)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// False when the ID token was taken before.
async fn take_id_token(
    tx: &mut PgConnection,
    issuer: &str,
    jti: &str,
    expires_at: i64,
) -> StoreResult<bool> {
    let claimed = sqlx::query(
        "INSERT INTO id_tokens_used (issuer, jti, expires_at) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING",
    )
    .bind(issuer)
    .bind(jti)
    .bind(expires_at)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    Ok(claimed == 1)
}

async fn current_user(tx: &mut PgConnection, name: &str) -> StoreResult<i64> {
    sqlx::query_scalar("SELECT id FROM users WHERE name = $1 AND removed_at IS NULL")
        .bind(name)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("no user named '{name}'")))
}
