//! The schema: the migrations and how replicas starting together apply
//! them exactly once.

use sqlx::{Connection, PgConnection};

use crate::store::{StoreError, StoreResult};

/// Versioned migrations, applied in order; `tokenctl_schema.version` records
/// how many have run. Append only: a shipped migration never changes.
pub(super) const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_login.sql"),
    include_str!("migrations/0003_keys.sql"),
    include_str!("migrations/0004_change_watch.sql"),
    include_str!("migrations/0005_role_changes.sql"),
    include_str!("migrations/0006_authority.sql"),
    include_str!("migrations/0007_change_acks.sql"),
    include_str!("migrations/0008_login_throttle.sql"),
    include_str!("migrations/0009_sessions.sql"),
    include_str!("migrations/0010_accounts.sql"),
    include_str!("migrations/0011_list_indexes.sql"),
    include_str!("migrations/0012_audit_prune.sql"),
    include_str!("migrations/0013_trust.sql"),
    include_str!("migrations/0014_webhooks.sql"),
    include_str!("migrations/0015_expiry_notices.sql"),
    include_str!("migrations/0016_mail.sql"),
    include_str!("migrations/0017_audit_via_token.sql"),
    include_str!("migrations/0018_last_use.sql"),
    include_str!("migrations/0019_max_idle.sql"),
    include_str!("migrations/0020_allowed_ips.sql"),
    include_str!("migrations/0021_rotate_self.sql"),
    include_str!("migrations/0022_token_policy.sql"),
];

/// The advisory lock every replica takes to migrate ("tokenctl" in ASCII).
/// Advisory locks are per database, not per schema: stores in other schemas
/// of the same database wait for each other's migrations, which is harmless.
pub(super) const MIGRATION_LOCK: i64 = i64::from_be_bytes(*b"tokenctl");

/// Brings the schema to this build's version. True when it created it.
///
/// Runs in one transaction under [`MIGRATION_LOCK`]: replicas starting
/// together queue on the lock, and each one that gets it re-reads the version
/// that the previous holder committed, so exactly one migrates. DDL is
/// transactional in PostgreSQL, so a failed migration leaves nothing behind.
pub(super) async fn migrate(
    connection: &mut PgConnection,
    first_admin: Option<&str>,
) -> StoreResult<bool> {
    let known = i64::try_from(MIGRATIONS.len()).unwrap_or(i64::MAX);
    let mut tx = connection.begin().await?;
    sqlx::query("SELECT pg_advisory_xact_lock($1)")
        .bind(MIGRATION_LOCK)
        .execute(&mut *tx)
        .await?;
    // Looked up rather than `CREATE TABLE IF NOT EXISTS`, which needs the
    // CREATE privilege even when the table exists: a server may run as a role
    // that can use the schema but not change it.
    let has_table: bool = sqlx::query_scalar("SELECT to_regclass('tokenctl_schema') IS NOT NULL")
        .fetch_one(&mut *tx)
        .await?;
    let recorded: Option<i64> = if has_table {
        sqlx::query_scalar("SELECT version FROM tokenctl_schema")
            .fetch_optional(&mut *tx)
            .await?
    } else {
        sqlx::query("CREATE TABLE tokenctl_schema (version BIGINT NOT NULL)")
            .execute(&mut *tx)
            .await?;
        None
    };
    let version = recorded.unwrap_or(0);
    if version > known {
        return Err(StoreError::NewerSchema {
            found: version,
            known,
        });
    }
    if version == known {
        tx.commit().await?;
        return Ok(false);
    }
    let start = usize::try_from(version).unwrap_or_default();
    for migration in &MIGRATIONS[start..] {
        sqlx::raw_sql(*migration).execute(&mut *tx).await?;
    }
    let record = if recorded.is_some() {
        "UPDATE tokenctl_schema SET version = $1"
    } else {
        "INSERT INTO tokenctl_schema (version) VALUES ($1)"
    };
    sqlx::query(record).bind(known).execute(&mut *tx).await?;
    if let Some(name) = first_admin.filter(|_| version == 0) {
        sqlx::query("INSERT INTO users (name, role, created_at) VALUES ($1, 'admin', $2)")
            .bind(name)
            .bind(crate::time::now().timestamp())
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(version == 0)
}
