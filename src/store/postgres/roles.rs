//! Changing and removing roles: the same statements as SQLite's
//! (`store/sqlite/roles.rs`), in PostgreSQL's dialect. Every such change
//! holds the lock user removals hold, so two replicas cannot each take
//! `users:manage` from the last accounts that have it.

use sqlx::PgConnection;

use super::accounts::{MANAGES_USERS, lock_user_managers};
use super::queries::{conflict_or, insert_audit};
use crate::model::{Permissions, Role, permissions_from_str, permissions_to_string};
use crate::store::{
    AuditRecord, RoleRemoval, StoreError, StoreResult, loses_user_management,
    nobody_would_manage_users, role_changed_meanwhile, role_still_held,
};

pub(super) async fn update(
    tx: &mut PgConnection,
    role: &Role,
    expected: &Permissions,
    audit: &AuditRecord,
) -> StoreResult<()> {
    lock_user_managers(tx).await?;
    // Role edits all hold the lock: none can come between this read and
    // the update.
    if permissions(tx, &role.name).await?.as_ref() != Some(expected) {
        return Err(role_changed_meanwhile(&role.name));
    }
    sqlx::query(
        "UPDATE roles SET permissions = $1, description = $2 WHERE name = $3 AND NOT builtin",
    )
    .bind(permissions_to_string(&role.permissions))
    .bind(&role.description)
    .bind(&role.name)
    .execute(&mut *tx)
    .await?;
    if loses_user_management(expected, &role.permissions) {
        ensure_someone_manages_users(tx).await?;
    }
    insert_audit(tx, audit).await
}

/// A user or token that takes the role between the move and the delete
/// makes the delete fail on the foreign key: the same refusal as a role
/// still held, without the numbers.
pub(super) async fn delete(
    tx: &mut PgConnection,
    name: &str,
    reassign: Option<&str>,
    audit: &AuditRecord,
) -> StoreResult<RoleRemoval> {
    lock_user_managers(tx).await?;
    let Some(removed) = permissions(tx, name).await? else {
        return Err(StoreError::NotFound(format!("no role named '{name}'")));
    };
    let mut moved = RoleRemoval::default();
    if let Some(to) = reassign {
        let Some(kept) = permissions(tx, to).await? else {
            return Err(StoreError::Conflict(format!(
                "role '{to}' was removed meanwhile"
            )));
        };
        for (sql, count) in [
            (
                "UPDATE users SET role = $1 WHERE role = $2",
                &mut moved.users_moved,
            ),
            (
                "UPDATE tokens SET role = $1 WHERE role = $2",
                &mut moved.tokens_moved,
            ),
        ] {
            *count = sqlx::query(sql)
                .bind(to)
                .bind(name)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        }
        if loses_user_management(&removed, &kept) {
            ensure_someone_manages_users(tx).await?;
        }
    }
    let mut held = [0_i64; 2];
    let counts = [
        "SELECT count(*) FROM users WHERE role = $1",
        "SELECT count(*) FROM tokens WHERE role = $1",
    ];
    for (sql, count) in counts.into_iter().zip(&mut held) {
        *count = sqlx::query_scalar(sql)
            .bind(name)
            .fetch_one(&mut *tx)
            .await?;
    }
    if held != [0, 0] {
        return Err(role_still_held(name, held[0], held[1]));
    }
    sqlx::query("DELETE FROM roles WHERE name = $1")
        .bind(name)
        .execute(&mut *tx)
        .await
        .map_err(|error| {
            conflict_or(error, |_| {
                format!("role '{name}' was just given to a user or token; it is still in use")
            })
        })?;
    insert_audit(tx, audit).await?;
    Ok(moved)
}

/// The permissions role `role` grants, as stored; `None` when there is no
/// such role. Compared as a set: the stored order is nobody's business.
async fn permissions(tx: &mut PgConnection, role: &str) -> StoreResult<Option<Permissions>> {
    let stored: Option<String> =
        sqlx::query_scalar("SELECT permissions FROM roles WHERE name = $1")
            .bind(role)
            .fetch_optional(&mut *tx)
            .await?;
    stored
        .map(|text| permissions_from_str(&text))
        .transpose()
        .map_err(|error| StoreError::Database(format!("role '{role}': {error}")))
}

async fn ensure_someone_manages_users(tx: &mut PgConnection) -> StoreResult<()> {
    let someone: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM users u JOIN roles r ON r.name = u.role
                        WHERE u.disabled_at IS NULL AND ' ' || r.permissions || ' ' LIKE $1)",
    )
    .bind(MANAGES_USERS)
    .fetch_one(&mut *tx)
    .await?;
    if someone {
        Ok(())
    } else {
        Err(nobody_would_manage_users())
    }
}
