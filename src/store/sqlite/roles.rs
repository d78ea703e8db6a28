//! Changing and removing roles: the permissions of every holder change at
//! once, and no change may leave nobody active able to manage users.

use rusqlite::{OptionalExtension, Transaction};

use super::accounts::{MANAGES_USERS, count};
use super::queries::insert_audit;
use crate::model::{Permissions, Role, permissions_from_str, permissions_to_string};
use crate::store::{
    AuditRecord, RoleRemoval, StoreError, StoreResult, loses_user_management,
    nobody_would_manage_users, role_changed_meanwhile, role_still_held,
};

pub(super) fn update(
    tx: &Transaction<'_>,
    role: &Role,
    expected: &Permissions,
    audit: &AuditRecord,
) -> StoreResult<()> {
    if permissions(tx, &role.name)?.as_ref() != Some(expected) {
        return Err(role_changed_meanwhile(&role.name));
    }
    tx.execute(
        "UPDATE roles SET permissions = ?1, description = ?2 WHERE name = ?3 AND builtin = 0",
        (
            permissions_to_string(&role.permissions),
            &role.description,
            &role.name,
        ),
    )?;
    if loses_user_management(expected, &role.permissions) {
        ensure_someone_manages_users(tx)?;
    }
    insert_audit(tx, audit)
}

pub(super) fn delete(
    tx: &Transaction<'_>,
    name: &str,
    reassign: Option<&str>,
    audit: &AuditRecord,
) -> StoreResult<RoleRemoval> {
    let Some(removed) = permissions(tx, name)? else {
        return Err(StoreError::NotFound(format!("no role named '{name}'")));
    };
    let mut moved = RoleRemoval::default();
    if let Some(to) = reassign {
        let Some(kept) = permissions(tx, to)? else {
            return Err(StoreError::Conflict(format!(
                "role '{to}' was removed meanwhile"
            )));
        };
        moved.users_moved =
            count(tx.execute("UPDATE users SET role = ?1 WHERE role = ?2", (to, name))?);
        moved.tokens_moved =
            count(tx.execute("UPDATE tokens SET role = ?1 WHERE role = ?2", (to, name))?);
        if loses_user_management(&removed, &kept) {
            ensure_someone_manages_users(tx)?;
        }
    }
    let held = |sql: &str| tx.query_row(sql, [name], |row| row.get::<_, i64>(0));
    let users = held("SELECT count(*) FROM users WHERE role = ?1")?;
    let tokens = held("SELECT count(*) FROM tokens WHERE role = ?1")?;
    if users > 0 || tokens > 0 {
        return Err(role_still_held(name, users, tokens));
    }
    tx.execute("DELETE FROM roles WHERE name = ?1", [name])?;
    insert_audit(tx, audit)?;
    Ok(moved)
}

/// The permissions role `role` grants, as stored; `None` when there is no
/// such role. Compared as a set: the stored order is nobody's business.
fn permissions(tx: &Transaction<'_>, role: &str) -> StoreResult<Option<Permissions>> {
    let stored: Option<String> = tx
        .query_row(
            "SELECT permissions FROM roles WHERE name = ?1",
            [role],
            |row| row.get(0),
        )
        .optional()?;
    stored
        .map(|text| permissions_from_str(&text))
        .transpose()
        .map_err(|error| StoreError::Database(format!("role '{role}': {error}")))
}

fn ensure_someone_manages_users(tx: &Transaction<'_>) -> StoreResult<()> {
    let someone: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM users u JOIN roles r ON r.name = u.role
                        WHERE u.disabled_at IS NULL AND ' ' || r.permissions || ' ' LIKE ?1)",
        [MANAGES_USERS],
        |row| row.get(0),
    )?;
    if someone {
        Ok(())
    } else {
        Err(nobody_would_manage_users())
    }
}
