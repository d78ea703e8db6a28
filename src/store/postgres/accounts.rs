//! What the account lifecycle writes besides the `users` row itself: the
//! same statements as SQLite's (`store/sqlite/accounts.rs`), in PostgreSQL's
//! dialect.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;

use super::sessions;
use crate::store::{SecondFactorUse, StoreResult};

/// Uses up `factor` of user `name`: a TOTP step only if later than the last
/// one accepted, a recovery code only if unused. False when it was used.
pub(super) async fn use_second_factor(
    tx: &mut PgConnection,
    name: &str,
    factor: &SecondFactorUse,
    at: DateTime<Utc>,
) -> StoreResult<bool> {
    let query = match factor {
        SecondFactorUse::TotpStep(step) => sqlx::query(
            "UPDATE users SET totp_last_step = $1
             WHERE name = $2 AND (totp_last_step IS NULL OR totp_last_step < $1)",
        )
        .bind(step)
        .bind(name),
        SecondFactorUse::RecoveryCode(hash) => sqlx::query(
            "UPDATE recovery_codes SET used_at = $3
             WHERE user_id = (SELECT id FROM users WHERE name = $1)
               AND hash = $2 AND used_at IS NULL",
        )
        .bind(name)
        .bind(hash)
        .bind(at.timestamp()),
    };
    Ok(query.execute(&mut *tx).await?.rows_affected() > 0)
}

/// Replaces the one-time password of `name` with the one they chose; false
/// when it is no longer one-time (another login replaced it first).
pub(super) async fn replace_one_time_password(
    tx: &mut PgConnection,
    name: &str,
    hash: &str,
) -> StoreResult<bool> {
    let changed = sqlx::query(
        "UPDATE users SET password_hash = $1, password_one_time = FALSE
         WHERE name = $2 AND password_one_time",
    )
    .bind(hash)
    .bind(name)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    Ok(changed > 0)
}

/// Makes `hashes` the only recovery codes of `name`.
pub(super) async fn replace_recovery_codes(
    tx: &mut PgConnection,
    name: &str,
    hashes: &[String],
) -> StoreResult<()> {
    sqlx::query(
        "DELETE FROM recovery_codes WHERE user_id = (SELECT id FROM users WHERE name = $1)",
    )
    .bind(name)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO recovery_codes (user_id, hash)
         SELECT u.id, h FROM users u, unnest($2::TEXT[]) AS h WHERE u.name = $1",
    )
    .bind(name)
    .bind(hashes)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Takes the second factor off `name`; with `reset`, their next login may
/// only enrol one and every session of theirs ends. How many rows changed.
pub(super) async fn clear_totp(
    tx: &mut PgConnection,
    name: &str,
    reset: bool,
    at: DateTime<Utc>,
) -> StoreResult<u64> {
    let changed = sqlx::query(
        "UPDATE users SET totp_secret = NULL, totp_pending_secret = NULL, totp_last_step = NULL,
             totp_enrolment_required = $2,
             session_epoch = session_epoch + CASE WHEN $2 THEN 1 ELSE 0 END
         WHERE name = $1",
    )
    .bind(name)
    .bind(reset)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    replace_recovery_codes(tx, name, &[]).await?;
    if changed > 0 && reset {
        sessions::revoke(tx, name, None, at).await?;
    }
    Ok(changed)
}

/// A role's stored permissions, padded with spaces, that include
/// `users:manage`.
pub(super) const MANAGES_USERS: &str = "% users:manage %";

/// The advisory lock every change that could leave nobody able to manage
/// users holds — user removals, role edits and removals — (`"tokenrmu"` as
/// a number): they are rare, so one lock for all of them costs nothing.
const USER_MANAGERS_LOCK: i64 = 0x746f_6b65_6e72_6d75;

/// Takes [`USER_MANAGERS_LOCK`] until the transaction ends.
pub(super) async fn lock_user_managers(tx: &mut PgConnection) -> StoreResult<()> {
    sqlx::query("SELECT pg_advisory_xact_lock($1)")
        .bind(USER_MANAGERS_LOCK)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// Removes `name` if their role is still `role` and someone else active can
/// still manage users when their role could: disabled, marked removed,
/// tokens revoked, sessions ended. `None` when any of that changed
/// meanwhile. Removals take a lock of their own, so two admins removing
/// each other on two replicas cannot both succeed.
pub(super) async fn remove(
    tx: &mut PgConnection,
    name: &str,
    role: &str,
    at: DateTime<Utc>,
) -> StoreResult<Option<(u64, u64)>> {
    lock_user_managers(tx).await?;
    let changed = sqlx::query(
        "UPDATE users SET removed_at = $1, disabled_at = coalesce(disabled_at, $1),
             session_epoch = session_epoch + 1
         WHERE name = $2 AND role = $3 AND removed_at IS NULL
           AND (NOT EXISTS (SELECT 1 FROM roles r
                            WHERE r.name = $3 AND ' ' || r.permissions || ' ' LIKE $4)
                OR EXISTS (SELECT 1 FROM users o JOIN roles r ON r.name = o.role
                           WHERE o.name <> $2 AND o.disabled_at IS NULL
                             AND ' ' || r.permissions || ' ' LIKE $4))",
    )
    .bind(at.timestamp())
    .bind(name)
    .bind(role)
    .bind(MANAGES_USERS)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if changed == 0 {
        return Ok(None);
    }
    let tokens = sqlx::query(
        "UPDATE tokens SET revoked_at = $1
         WHERE owner_id = (SELECT id FROM users WHERE name = $2) AND revoked_at IS NULL",
    )
    .bind(at.timestamp())
    .bind(name)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    let ended = sessions::revoke(tx, name, None, at).await?;
    Ok(Some((tokens, ended)))
}
