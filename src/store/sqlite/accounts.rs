//! What the account lifecycle writes besides the `users` row itself: second
//! factors used up at login, recovery codes, one-time passwords replaced,
//! second factors cleared, users removed.

use chrono::{DateTime, Utc};
use rusqlite::Transaction;

use super::sessions;
use crate::store::{SecondFactorUse, StoreResult};

/// Uses up `factor` of user `name`: a TOTP step only if later than the last
/// one accepted, a recovery code only if unused. False when it was used.
pub(super) fn use_second_factor(
    tx: &Transaction<'_>,
    name: &str,
    factor: &SecondFactorUse,
    at: DateTime<Utc>,
) -> StoreResult<bool> {
    let changed = match factor {
        SecondFactorUse::TotpStep(step) => tx.execute(
            "UPDATE users SET totp_last_step = ?1
             WHERE name = ?2 AND (totp_last_step IS NULL OR totp_last_step < ?1)",
            (step, name),
        )?,
        SecondFactorUse::RecoveryCode(hash) => tx.execute(
            "UPDATE recovery_codes SET used_at = ?3
             WHERE user_id = (SELECT id FROM users WHERE name = ?1)
               AND hash = ?2 AND used_at IS NULL",
            (name, hash, at.timestamp()),
        )?,
    };
    Ok(changed > 0)
}

/// Replaces the one-time password of `name` with the one they chose; false
/// when it is no longer one-time (another login replaced it first).
pub(super) fn replace_one_time_password(
    tx: &Transaction<'_>,
    name: &str,
    hash: &str,
) -> StoreResult<bool> {
    let changed = tx.execute(
        "UPDATE users SET password_hash = ?1, password_one_time = 0
         WHERE name = ?2 AND password_one_time = 1",
        (hash, name),
    )?;
    Ok(changed > 0)
}

/// Makes `hashes` the only recovery codes of `name`.
pub(super) fn replace_recovery_codes(
    tx: &Transaction<'_>,
    name: &str,
    hashes: &[String],
) -> StoreResult<()> {
    tx.execute(
        "DELETE FROM recovery_codes WHERE user_id = (SELECT id FROM users WHERE name = ?1)",
        [name],
    )?;
    for hash in hashes {
        tx.execute(
            "INSERT INTO recovery_codes (user_id, hash)
             SELECT id, ?2 FROM users WHERE name = ?1",
            (name, hash),
        )?;
    }
    Ok(())
}

/// Takes the second factor off `name`; with `reset`, their next login may
/// only enrol one and every session of theirs ends. How many rows changed.
pub(super) fn clear_totp(
    tx: &Transaction<'_>,
    name: &str,
    reset: bool,
    at: DateTime<Utc>,
) -> StoreResult<usize> {
    let changed = tx.execute(
        "UPDATE users SET totp_secret = NULL, totp_pending_secret = NULL, totp_last_step = NULL,
             totp_enrolment_required = ?2, session_epoch = session_epoch + ?2
         WHERE name = ?1",
        (name, reset),
    )?;
    replace_recovery_codes(tx, name, &[])?;
    if changed > 0 && reset {
        sessions::revoke(tx, name, None, at)?;
    }
    Ok(changed)
}

/// Removes `name` if their role is still `role` and someone else active can
/// still manage users when their role could: disabled, marked removed,
/// tokens revoked, sessions ended. `None` when any of that changed meanwhile.
pub(super) fn remove(
    tx: &Transaction<'_>,
    name: &str,
    role: &str,
    at: DateTime<Utc>,
) -> StoreResult<Option<(u64, u64)>> {
    let at_seconds = at.timestamp();
    let changed = tx.execute(
        "UPDATE users SET removed_at = ?1, disabled_at = coalesce(disabled_at, ?1),
             session_epoch = session_epoch + 1
         WHERE name = ?2 AND role = ?3 AND removed_at IS NULL
           AND (NOT EXISTS (SELECT 1 FROM roles r
                            WHERE r.name = ?3 AND ' ' || r.permissions || ' ' LIKE ?4)
                OR EXISTS (SELECT 1 FROM users o JOIN roles r ON r.name = o.role
                           WHERE o.name <> ?2 AND o.disabled_at IS NULL
                             AND ' ' || r.permissions || ' ' LIKE ?4))",
        (at_seconds, name, role, MANAGES_USERS),
    )?;
    if changed == 0 {
        return Ok(None);
    }
    let tokens = tx.execute(
        "UPDATE tokens SET revoked_at = ?1
         WHERE owner_id = (SELECT id FROM users WHERE name = ?2) AND revoked_at IS NULL",
        (at_seconds, name),
    )?;
    let ended = sessions::revoke(tx, name, None, at)?;
    Ok(Some((count(tokens), count(ended))))
}

/// A role's stored permissions, padded with spaces, that include
/// `users:manage`.
pub(super) const MANAGES_USERS: &str = "% users:manage %";

pub(super) fn count(rows: usize) -> u64 {
    u64::try_from(rows).unwrap_or(u64::MAX)
}
