//! The embedded store: one SQLite file, safe for many tokenctl processes at once.
//!
//! Concurrency comes from WAL mode, a generous busy timeout and short write
//! transactions that take the write lock up front (`BEGIN IMMEDIATE`): a
//! deferred transaction that reads before it writes can fail with "database is
//! locked" no matter how long the timeout, because its snapshot is stale.
//! `synchronous = FULL` makes a commit durable before tokenctl prints the
//! secret that the commit made valid.

use std::fs;
use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::sqlite::{
    SqliteConnectOptions, SqlitePool, SqlitePoolOptions, SqliteRow, SqliteSynchronous,
};
use sqlx::{AssertSqlSafe, QueryBuilder, Row, Sqlite, Transaction};

use super::{
    AuditFilter, AuditRecord, NewToken, SecretChange, Store, StoreError, StoreResult, TokenFilter,
};
use crate::model::{
    AuditEntry, Id, Role, Status, Token, TokenKind, User, permissions_from_str,
    permissions_to_string,
};
use crate::secret::SecretHash;

/// Versioned migrations, applied in order; `PRAGMA user_version` records how
/// many have run. Append only: a shipped migration never changes.
const MIGRATIONS: &[&str] = &[include_str!("sqlite_migrations/0001_initial.sql")];

/// How long a process waits for another one's write before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

pub struct SqliteStore {
    pool: SqlitePool,
}

/// An opened store, and whether this process created its schema.
pub struct Opened {
    pub store: SqliteStore,
    pub fresh: bool,
}

impl SqliteStore {
    /// Opens (creating if needed) the store at `path`: file 0600, new
    /// directories 0700, schema migrated to this build's version. A new store
    /// gets `first_admin` as its admin in the transaction that creates the
    /// schema, so no other process can ever see a store without one.
    pub async fn open(
        path: &Path,
        max_connections: u32,
        first_admin: Option<&str>,
    ) -> StoreResult<Opened> {
        let open_error = |reason: String| StoreError::Open {
            path: path.display().to_string(),
            reason,
        };
        create_private_file(path).map_err(|error| open_error(error.to_string()))?;
        let options = SqliteConnectOptions::new()
            .filename(path)
            .busy_timeout(BUSY_TIMEOUT)
            .foreign_keys(true)
            .synchronous(SqliteSynchronous::Full);
        let pool = SqlitePoolOptions::new()
            .max_connections(max_connections)
            .connect_with(options)
            .await
            .map_err(|error| open_error(error.to_string()))?;
        let store = SqliteStore { pool };
        store
            .enable_wal()
            .await
            .map_err(|error| open_error(error.to_string()))?;
        let fresh = store.migrate(first_admin).await?;
        Ok(Opened { store, fresh })
    }

    /// Switching to WAL needs an exclusive lock that SQLite's busy handler
    /// does not wait for, so concurrent first opens retry here. WAL is
    /// persistent: once set, later opens only read it.
    async fn enable_wal(&self) -> Result<(), sqlx::Error> {
        let mut attempts = 0;
        loop {
            let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
                .fetch_one(&self.pool)
                .await?;
            if mode.eq_ignore_ascii_case("wal") {
                return Ok(());
            }
            match sqlx::query("PRAGMA journal_mode = WAL")
                .execute(&self.pool)
                .await
            {
                Ok(_) => {}
                Err(error) if is_busy(&error) && attempts < 300 => {
                    attempts += 1;
                    tokio::time::sleep(Duration::from_millis(10 + attempts % 40)).await;
                }
                Err(error) => return Err(error),
            }
        }
    }

    /// Brings the schema to this build's version. True when it created it.
    async fn migrate(&self, first_admin: Option<&str>) -> StoreResult<bool> {
        let known = i64::try_from(MIGRATIONS.len()).unwrap_or(i64::MAX);
        let version = self.schema_version().await?;
        if version == known {
            return Ok(false);
        }
        if version > known {
            return Err(StoreError::NewerSchema {
                found: version,
                known,
            });
        }
        let mut tx = self.write().await?;
        // Another process may have migrated while this one waited for the lock.
        let version: i64 = sqlx::query_scalar("PRAGMA user_version")
            .fetch_one(&mut *tx)
            .await?;
        if version > known {
            return Err(StoreError::NewerSchema {
                found: version,
                known,
            });
        }
        let start = usize::try_from(version).unwrap_or_default();
        for migration in &MIGRATIONS[start..] {
            sqlx::raw_sql(*migration).execute(&mut *tx).await?;
        }
        // An integer we computed, not input: safe to format into SQL.
        sqlx::raw_sql(AssertSqlSafe(format!("PRAGMA user_version = {known}")))
            .execute(&mut *tx)
            .await?;
        if let Some(name) = first_admin.filter(|_| version == 0) {
            sqlx::query("INSERT INTO users (name, role, created_at) VALUES (?, 'admin', ?)")
                .bind(name)
                .bind(crate::time::now().timestamp())
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(version == 0)
    }

    pub async fn schema_version(&self) -> StoreResult<i64> {
        Ok(sqlx::query_scalar("PRAGMA user_version")
            .fetch_one(&self.pool)
            .await?)
    }

    async fn write(&self) -> StoreResult<Transaction<'static, Sqlite>> {
        Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?)
    }

    async fn audit_in(tx: &mut Transaction<'_, Sqlite>, audit: &AuditRecord) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO audit (at, actor, action, token_id, detail, source)
             VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(audit.at.timestamp())
        .bind(&audit.actor)
        .bind(audit.action)
        .bind(audit.token_id)
        .bind(&audit.detail)
        .bind(&audit.source)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    async fn user_in(tx: &mut Transaction<'_, Sqlite>, name: &str) -> StoreResult<Option<User>> {
        let row = sqlx::query(USER_SELECT_BY_NAME)
            .bind(name)
            .fetch_optional(&mut **tx)
            .await?;
        row.as_ref().map(user_from_row).transpose()
    }
}

fn is_busy(error: &sqlx::Error) -> bool {
    error
        .as_database_error()
        .and_then(sqlx::error::DatabaseError::code)
        .is_some_and(|code| code == "5" || code == "6")
}

/// Creates the file (and missing parent directories) private to the user
/// before SQLite opens it; SQLite gives its `-wal`/`-shm` files the same mode.
fn create_private_file(path: &Path) -> std::io::Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        if !parent.exists() {
            let mut builder = fs::DirBuilder::new();
            builder.recursive(true);
            #[cfg(unix)]
            std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
            builder.create(parent)?;
        }
    }
    let mut options = fs::OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)?;
    Ok(())
}

const USER_SELECT_BY_NAME: &str =
    "SELECT id, name, role, created_at, disabled_at FROM users WHERE name = ?";

/// The columns of a [`Token`], owner and creator names joined in. A macro
/// rather than a const so that `concat!` keeps every query a static string.
macro_rules! token_select {
    () => {
        "SELECT t.id, t.name, t.kind, t.role, t.permissions, t.description,
        o.name AS owner, c.name AS created_by, t.hint, t.created_at, t.expires_at,
        t.revoked_at, t.last_used_at, t.regenerated_at
    FROM tokens t
    JOIN users o ON o.id = t.owner_id
    JOIN users c ON c.id = t.created_by"
    };
}

fn timestamp(seconds: i64) -> StoreResult<DateTime<Utc>> {
    DateTime::from_timestamp(seconds, 0)
        .ok_or_else(|| StoreError::Database(format!("timestamp {seconds} out of range")))
}

fn optional_timestamp(seconds: Option<i64>) -> StoreResult<Option<DateTime<Utc>>> {
    seconds.map(timestamp).transpose()
}

fn corrupt(what: &str, reason: &str) -> StoreError {
    StoreError::Database(format!("unreadable {what} in the store: {reason}"))
}

fn user_from_row(row: &SqliteRow) -> StoreResult<User> {
    Ok(User {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        role: row.try_get("role")?,
        created_at: timestamp(row.try_get("created_at")?)?,
        disabled_at: optional_timestamp(row.try_get("disabled_at")?)?,
    })
}

fn role_from_row(row: &SqliteRow) -> StoreResult<Role> {
    let permissions: String = row.try_get("permissions")?;
    Ok(Role {
        name: row.try_get("name")?,
        description: row.try_get("description")?,
        permissions: permissions_from_str(&permissions).map_err(|e| corrupt("role", &e))?,
        builtin: row.try_get("builtin")?,
    })
}

fn token_from_row(row: &SqliteRow) -> StoreResult<Token> {
    let kind: String = row.try_get("kind")?;
    let permissions: String = row.try_get("permissions")?;
    Ok(Token {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        kind: TokenKind::from_str(&kind).map_err(|e| corrupt("token", &e))?,
        role: row.try_get("role")?,
        permissions: permissions_from_str(&permissions).map_err(|e| corrupt("token", &e))?,
        description: row.try_get("description")?,
        owner: row.try_get("owner")?,
        created_by: row.try_get("created_by")?,
        hint: row.try_get("hint")?,
        created_at: timestamp(row.try_get("created_at")?)?,
        expires_at: optional_timestamp(row.try_get("expires_at")?)?,
        revoked_at: optional_timestamp(row.try_get("revoked_at")?)?,
        last_used_at: optional_timestamp(row.try_get("last_used_at")?)?,
        regenerated_at: optional_timestamp(row.try_get("regenerated_at")?)?,
    })
}

fn audit_from_row(row: &SqliteRow) -> StoreResult<AuditEntry> {
    Ok(AuditEntry {
        id: row.try_get("id")?,
        at: timestamp(row.try_get("at")?)?,
        actor: row.try_get("actor")?,
        action: row.try_get("action")?,
        token_id: row.try_get("token_id")?,
        detail: row.try_get("detail")?,
        source: row.try_get("source")?,
    })
}

/// SQL for "this token has status S at `now`" over the `t` alias.
fn push_status(query: &mut QueryBuilder<Sqlite>, status: Status, now: i64) {
    match status {
        Status::Active => {
            query.push(" AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ");
            query.push_bind(now).push(")");
        }
        Status::Expired => {
            query.push(" AND t.revoked_at IS NULL AND t.expires_at <= ");
            query.push_bind(now);
        }
        Status::Revoked => {
            query.push(" AND t.revoked_at IS NOT NULL");
        }
    }
}

#[async_trait]
impl Store for SqliteStore {
    async fn user(&self, name: &str) -> StoreResult<Option<User>> {
        let row = sqlx::query(USER_SELECT_BY_NAME)
            .bind(name)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(user_from_row).transpose()
    }

    async fn users(&self) -> StoreResult<Vec<User>> {
        let rows =
            sqlx::query("SELECT id, name, role, created_at, disabled_at FROM users ORDER BY id")
                .fetch_all(&self.pool)
                .await?;
        rows.iter().map(user_from_row).collect()
    }

    async fn insert_user(&self, name: &str, role: &str, audit: AuditRecord) -> StoreResult<User> {
        let mut tx = self.write().await?;
        if Self::user_in(&mut tx, name).await?.is_some() {
            return Err(StoreError::Conflict(format!(
                "user '{name}' already exists"
            )));
        }
        sqlx::query("INSERT INTO users (name, role, created_at) VALUES (?, ?, ?)")
            .bind(name)
            .bind(role)
            .bind(audit.at.timestamp())
            .execute(&mut *tx)
            .await?;
        Self::audit_in(&mut tx, &audit).await?;
        let user = Self::user_in(&mut tx, name)
            .await?
            .ok_or_else(|| StoreError::Database("inserted user vanished".into()))?;
        tx.commit().await?;
        Ok(user)
    }

    async fn set_user_disabled(
        &self,
        name: &str,
        disabled_at: Option<DateTime<Utc>>,
        audit: AuditRecord,
    ) -> StoreResult<User> {
        let mut tx = self.write().await?;
        let result = sqlx::query("UPDATE users SET disabled_at = ? WHERE name = ?")
            .bind(disabled_at.map(|at| at.timestamp()))
            .bind(name)
            .execute(&mut *tx)
            .await?;
        if result.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("no user named '{name}'")));
        }
        Self::audit_in(&mut tx, &audit).await?;
        let user = Self::user_in(&mut tx, name)
            .await?
            .ok_or_else(|| StoreError::Database("updated user vanished".into()))?;
        tx.commit().await?;
        Ok(user)
    }

    async fn role(&self, name: &str) -> StoreResult<Option<Role>> {
        let row =
            sqlx::query("SELECT name, description, permissions, builtin FROM roles WHERE name = ?")
                .bind(name)
                .fetch_optional(&self.pool)
                .await?;
        row.as_ref().map(role_from_row).transpose()
    }

    async fn roles(&self) -> StoreResult<Vec<Role>> {
        let rows = sqlx::query(
            "SELECT name, description, permissions, builtin FROM roles ORDER BY builtin DESC, name",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(role_from_row).collect()
    }

    async fn insert_role(&self, role: &Role, audit: AuditRecord) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let exists: Option<i64> = sqlx::query_scalar("SELECT 1 FROM roles WHERE name = ?")
            .bind(&role.name)
            .fetch_optional(&mut *tx)
            .await?;
        if exists.is_some() {
            return Err(StoreError::Conflict(format!(
                "role '{}' already exists",
                role.name
            )));
        }
        sqlx::query(
            "INSERT INTO roles (name, description, permissions, builtin) VALUES (?, ?, ?, 0)",
        )
        .bind(&role.name)
        .bind(&role.description)
        .bind(permissions_to_string(&role.permissions))
        .execute(&mut *tx)
        .await?;
        Self::audit_in(&mut tx, &audit).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn delete_role(&self, name: &str, audit: AuditRecord) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let users: i64 = sqlx::query_scalar("SELECT count(*) FROM users WHERE role = ?")
            .bind(name)
            .fetch_one(&mut *tx)
            .await?;
        let tokens: i64 = sqlx::query_scalar("SELECT count(*) FROM tokens WHERE role = ?")
            .bind(name)
            .fetch_one(&mut *tx)
            .await?;
        if users > 0 || tokens > 0 {
            return Err(StoreError::Conflict(format!(
                "role '{name}' is still held by {users} user(s) and {tokens} token(s)"
            )));
        }
        let result = sqlx::query("DELETE FROM roles WHERE name = ?")
            .bind(name)
            .execute(&mut *tx)
            .await?;
        if result.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("no role named '{name}'")));
        }
        Self::audit_in(&mut tx, &audit).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn insert_token(&self, token: NewToken, mut audit: AuditRecord) -> StoreResult<Token> {
        let now = token.created_at.timestamp();
        let mut tx = self.write().await?;
        let clash: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM tokens WHERE owner_id = ? AND name = ?
               AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)",
        )
        .bind(token.owner_id)
        .bind(&token.name)
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some(id) = clash {
            return Err(StoreError::Conflict(format!(
                "an active token named '{}' already exists for this owner (id {id})",
                token.name
            )));
        }
        let id: Id = sqlx::query_scalar(
            "INSERT INTO tokens (name, kind, role, permissions, description, owner_id,
                 created_by, secret_hash, hint, created_at, expires_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(&token.name)
        .bind(token.kind.as_str())
        .bind(&token.role)
        .bind(permissions_to_string(&token.permissions))
        .bind(&token.description)
        .bind(token.owner_id)
        .bind(token.created_by_id)
        .bind(&token.secret_hash[..])
        .bind(&token.hint)
        .bind(now)
        .bind(token.expires_at.map(|at| at.timestamp()))
        .fetch_one(&mut *tx)
        .await?;
        audit.token_id = Some(id);
        Self::audit_in(&mut tx, &audit).await?;
        let row = sqlx::query(concat!(token_select!(), " WHERE t.id = ?"))
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
        let created = token_from_row(&row)?;
        tx.commit().await?;
        Ok(created)
    }

    async fn token(&self, id: Id) -> StoreResult<Option<Token>> {
        let row = sqlx::query(concat!(token_select!(), " WHERE t.id = ?"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(token_from_row).transpose()
    }

    async fn tokens_named(&self, name: &str) -> StoreResult<Vec<Token>> {
        let rows = sqlx::query(concat!(token_select!(), " WHERE t.name = ? ORDER BY t.id"))
            .bind(name)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(token_from_row).collect()
    }

    async fn token_by_secret(
        &self,
        hash: &SecretHash,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<Token>> {
        let row = sqlx::query(concat!(
            token_select!(),
            " WHERE t.secret_hash = ?1
                OR (t.previous_secret_hash = ?1 AND t.previous_valid_until > ?2)"
        ))
        .bind(&hash[..])
        .bind(now.timestamp())
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(token_from_row).transpose()
    }

    async fn tokens(&self, filter: &TokenFilter, now: DateTime<Utc>) -> StoreResult<Vec<Token>> {
        let now = now.timestamp();
        let mut query = QueryBuilder::<Sqlite>::new(token_select!());
        query.push(" WHERE 1 = 1");
        if let Some(owner) = &filter.owner {
            query.push(" AND o.name = ").push_bind(owner.clone());
        }
        if let Some(kind) = filter.kind {
            query.push(" AND t.kind = ").push_bind(kind.as_str());
        }
        if let Some(status) = filter.status {
            push_status(&mut query, status, now);
        }
        if let Some(before) = filter.expiring_before {
            push_status(&mut query, Status::Active, now);
            query
                .push(" AND t.expires_at <= ")
                .push_bind(before.timestamp());
        }
        query.push(" ORDER BY t.id");
        let rows = query.build().fetch_all(&self.pool).await?;
        rows.iter().map(token_from_row).collect()
    }

    async fn revoke_token(&self, id: Id, audit: AuditRecord) -> StoreResult<bool> {
        let mut tx = self.write().await?;
        let result =
            sqlx::query("UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .bind(audit.at.timestamp())
                .bind(id)
                .execute(&mut *tx)
                .await?;
        if result.rows_affected() == 0 {
            return Ok(false);
        }
        Self::audit_in(&mut tx, &audit).await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn replace_secret(
        &self,
        id: Id,
        change: SecretChange,
        audit: AuditRecord,
    ) -> StoreResult<bool> {
        let now = audit.at.timestamp();
        let mut tx = self.write().await?;
        let result = sqlx::query(
            "UPDATE tokens SET
                 previous_secret_hash = CASE WHEN ?1 IS NULL THEN NULL ELSE secret_hash END,
                 previous_valid_until = ?1,
                 secret_hash = ?2, hint = ?3, regenerated_at = ?4
             WHERE id = ?5 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?4)",
        )
        .bind(change.previous_valid_until.map(|at| at.timestamp()))
        .bind(&change.secret_hash[..])
        .bind(&change.hint)
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if result.rows_affected() == 0 {
            return Ok(false);
        }
        Self::audit_in(&mut tx, &audit).await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn touch_last_used(
        &self,
        id: Id,
        now: DateTime<Utc>,
        stale_before: DateTime<Utc>,
    ) -> StoreResult<()> {
        sqlx::query(
            "UPDATE tokens SET last_used_at = ?
             WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)",
        )
        .bind(now.timestamp())
        .bind(id)
        .bind(stale_before.timestamp())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn append_audit(&self, audit: AuditRecord) -> StoreResult<()> {
        let mut tx = self.write().await?;
        Self::audit_in(&mut tx, &audit).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn audit_entries(&self, filter: &AuditFilter) -> StoreResult<Vec<AuditEntry>> {
        let mut query = QueryBuilder::<Sqlite>::new(
            "SELECT id, at, actor, action, token_id, detail, source FROM audit WHERE 1 = 1",
        );
        if let Some(token_id) = filter.token_id {
            query.push(" AND token_id = ").push_bind(token_id);
        }
        if let Some(since) = filter.since {
            query.push(" AND at >= ").push_bind(since.timestamp());
        }
        if let Some(actor) = &filter.actor {
            query.push(" AND actor = ").push_bind(actor.clone());
        }
        query.push(" ORDER BY id");
        let rows = query.build().fetch_all(&self.pool).await?;
        rows.iter().map(audit_from_row).collect()
    }
}
