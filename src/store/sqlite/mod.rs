//! The embedded store: one SQLite file, safe for many tokenctl processes at once.
//!
//! Concurrency comes from WAL mode, a generous busy timeout and short write
//! transactions that take the write lock up front (`BEGIN IMMEDIATE`): a
//! deferred transaction that reads before it writes can fail with "database is
//! locked" no matter how long the timeout, because its snapshot is stale.
//! `synchronous = FULL` makes a commit durable before tokenctl prints the
//! secret that the commit made valid.
//!
//! rusqlite is synchronous; each call runs on tokio's blocking pool with a
//! pooled connection, so the async service (and a server) never block on disk.
//! Rows are read in place, with no per-row hand-off between threads: listing
//! 100k tokens costs what SQLite costs.

mod accounts;
mod change_probe;
mod connection;
mod mail;
mod notices;
mod policy;
mod queries;
mod roles;
mod sessions;
mod trust;
mod webhooks;

use std::path::Path;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior};

use super::rows::{
    CREDENTIAL_COLUMNS, FAILURE_COLUMNS, ROLE_COLUMNS, TOKEN_COLUMNS, TRUST_COLUMNS, USER_COLUMNS,
    audit_from_row, credentials_from_row, failures_from_row, role_from_row, secret_match_from_row,
    token_from_row, trust_policy_from_row, user_from_row,
};
use super::{
    Attempt, AuditFilter, AuditRecord, ChangeSignal, ClaimingAudit, Credentials, DeliveryFilter,
    DueDelivery, DueMail, ExpiringToken, LastUse, ListQuery, LoginRecord, NewToken, NewUser,
    NewWebhook, PoolWaitCounter, PoolWaits, PruneAudit, Removal, RoleRemoval, SchemaVersions,
    SecretChange, SecretMatch, Store, StoreError, StoreResult, StoredPassword, StoredPolicy,
    TokenFilter, UserFilter, too_many_active,
};
use crate::lockout::{self, Admission};
use crate::model::{
    AuditEntry, Delivery, Id, Permissions, Role, Session, Token, TrustPolicy, User, Webhook,
    permissions_to_string,
};
use crate::secret::SecretHash;

use connection::{
    Access, Location, MAX_CONNECTIONS, MIGRATIONS, Pool, access_to, check_current, enable_wal,
    migrate, schema_version,
};
use queries::{
    audit_if_changed, audit_query, changed_user, insert_audit, push_rows, query_all, query_one,
    token_with_id, tokens_query, updated_user, user_named,
};

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> Self {
        match error.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DiskFull) => return StoreError::Full(error.to_string()),
            Some(rusqlite::ErrorCode::ReadOnly) => {
                return StoreError::ReadOnly("it may only be read here".to_owned());
            }
            _ => {}
        }
        StoreError::Database(error.to_string())
    }
}

#[derive(Clone)]
pub struct SqliteStore {
    pool: Arc<Pool>,
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
    pub async fn open(path: &Path, first_admin: Option<&str>) -> StoreResult<Opened> {
        let open_error = |reason: String| StoreError::Open {
            path: path.display().to_string(),
            reason,
        };
        let access = access_to(path).map_err(|error| open_error(error.to_string()))?;
        let store = SqliteStore {
            pool: Arc::new(Pool {
                location: Location {
                    path: path.to_owned(),
                    access,
                },
                idle: Mutex::new(Vec::new()),
                permits: Arc::new(tokio::sync::Semaphore::new(MAX_CONNECTIONS)),
                waits: PoolWaitCounter::default(),
            }),
        };
        let first_admin = first_admin.map(str::to_owned);
        let fresh = store
            .run(move |connection| {
                if access != Access::ReadWrite {
                    return check_current(connection);
                }
                enable_wal(connection)?;
                migrate(connection, first_admin.as_deref())
            })
            .await
            .map_err(|error| match error {
                StoreError::Database(reason) => open_error(reason),
                other => other,
            })?;
        Ok(Opened { store, fresh })
    }

    /// Runs `job` with a pooled connection on the blocking thread pool.
    async fn run<T, F>(&self, job: F) -> StoreResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> StoreResult<T> + Send + 'static,
    {
        let pool = Arc::clone(&self.pool);
        let permit = pool.permit().await?;
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let mut connection = pool.take()?;
            let result = job(&mut connection);
            pool.give_back(connection);
            result
        })
        .await
        .map_err(|error| StoreError::Database(format!("store task failed: {error}")))?
    }

    /// Runs a point lookup inline on the calling task. An indexed read in WAL
    /// mode takes microseconds and never waits for a lock, while a hand-off to
    /// the blocking pool costs two thread switches: on the server's verify
    /// path that hand-off was most of the time. Writes (which may wait for
    /// the lock) and whole-table reads still go through [`Self::run`].
    async fn lookup<T, F>(&self, job: F) -> StoreResult<T>
    where
        F: FnOnce(&Connection) -> StoreResult<T>,
    {
        let _permit = self.pool.permit().await?;
        let connection = self.pool.take()?;
        let result = job(&connection);
        self.pool.give_back(connection);
        result
    }

    /// Runs `job` in a write transaction that commits when it returns `Ok`.
    async fn write<T, F>(&self, job: F) -> StoreResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Transaction<'_>) -> StoreResult<T> + Send + 'static,
    {
        self.run(move |connection| {
            let tx = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let result = job(&tx)?;
            tx.commit()?;
            Ok(result)
        })
        .await
    }

    pub async fn schema_version(&self) -> StoreResult<i64> {
        self.run(|connection| Ok(schema_version(connection)?)).await
    }
}

#[async_trait]
impl Store for SqliteStore {
    async fn user(&self, name: &str) -> StoreResult<Option<User>> {
        let name = name.to_owned();
        self.lookup(move |connection| user_named(connection, &name))
            .await
    }

    async fn users(&self, filter: &UserFilter) -> StoreResult<Vec<User>> {
        let filter = filter.clone();
        self.run(move |connection| {
            let mut sql = format!("{USER_COLUMNS} WHERE 1 = 1");
            if !filter.removed {
                sql.push_str(" AND removed_at IS NULL");
            }
            let mut params = Vec::new();
            push_rows(&mut sql, &mut params, "id", filter.rows);
            query_all(
                connection,
                &sql,
                rusqlite::params_from_iter(params),
                user_from_row,
            )
        })
        .await
    }

    async fn insert_user(&self, user: NewUser<'_>, audit: AuditRecord) -> StoreResult<User> {
        let (name, role) = (user.name.to_owned(), user.role.to_owned());
        let (email, password) = (user.email.map(str::to_owned), user.password);
        self.write(move |tx| {
            if user_named(tx, &name)?.is_some() {
                return Err(StoreError::Conflict(format!(
                    "user '{name}' already exists"
                )));
            }
            tx.execute(
                "INSERT INTO users (name, role, password_hash, password_one_time, created_at, email)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                (
                    &name,
                    &role,
                    password.as_ref().map(|p| &p.hash),
                    password.as_ref().is_some_and(|p| p.one_time),
                    audit.at.timestamp(),
                    &email,
                ),
            )?;
            insert_audit(tx, &audit)?;
            user_named(tx, &name)?
                .ok_or_else(|| StoreError::Database("inserted user vanished".into()))
        })
        .await
    }

    async fn set_user_disabled(
        &self,
        name: &str,
        role: &str,
        disabled_at: Option<DateTime<Utc>>,
        audit: AuditRecord,
    ) -> StoreResult<User> {
        let (name, role) = (name.to_owned(), role.to_owned());
        self.write(move |tx| {
            let changed = tx.execute(
                "UPDATE users SET disabled_at = ?1,
                     session_epoch = session_epoch + (?1 IS NOT NULL)
                 WHERE name = ?2 AND role = ?3",
                (disabled_at.map(|at| at.timestamp()), &name, &role),
            )?;
            if changed > 0 && disabled_at.is_some() {
                sessions::revoke(tx, &name, None, audit.at)?;
            }
            changed_user(tx, changed, &name, &audit)
        })
        .await
    }

    async fn set_user_role(
        &self,
        name: &str,
        from: &str,
        to: &str,
        audit: AuditRecord,
    ) -> StoreResult<User> {
        let (name, from, to) = (name.to_owned(), from.to_owned(), to.to_owned());
        self.write(move |tx| {
            let changed = tx
                .execute(
                    "UPDATE users SET role = ?1 WHERE name = ?2 AND role = ?3",
                    (&to, &name, &from),
                )
                .map_err(|error| match error.sqlite_error_code() {
                    Some(rusqlite::ErrorCode::ConstraintViolation) => {
                        StoreError::Conflict(format!("role '{to}' was removed meanwhile"))
                    }
                    _ => error.into(),
                })?;
            changed_user(tx, changed, &name, &audit)
        })
        .await
    }

    async fn set_password(
        &self,
        name: &str,
        role: &str,
        password: StoredPassword,
        audit: AuditRecord,
    ) -> StoreResult<User> {
        let (name, role) = (name.to_owned(), role.to_owned());
        self.write(move |tx| {
            let changed = tx.execute(
                "UPDATE users SET password_hash = ?1, password_one_time = ?2,
                     session_epoch = session_epoch + 1
                 WHERE name = ?3 AND role = ?4",
                (&password.hash, password.one_time, &name, &role),
            )?;
            if changed > 0 {
                sessions::revoke(tx, &name, None, audit.at)?;
            }
            changed_user(tx, changed, &name, &audit)
        })
        .await
    }

    async fn set_email(
        &self,
        name: &str,
        email: Option<&str>,
        audit: AuditRecord,
    ) -> StoreResult<User> {
        let (name, email) = (name.to_owned(), email.map(str::to_owned));
        self.write(move |tx| {
            let changed = tx.execute(
                "UPDATE users SET email = ?1 WHERE name = ?2 AND removed_at IS NULL",
                (&email, &name),
            )?;
            updated_user(tx, changed, &name, &audit)
        })
        .await
    }

    async fn remove_user(
        &self,
        name: &str,
        role: &str,
        audit: AuditRecord,
    ) -> StoreResult<Removal> {
        let (name, role) = (name.to_owned(), role.to_owned());
        self.write(move |tx| {
            let (tokens_revoked, sessions_ended) = accounts::remove(tx, &name, &role, audit.at)?
                .ok_or_else(|| super::removed_meanwhile(&name))?;
            Ok(Removal {
                user: changed_user(tx, 1, &name, &audit)?,
                tokens_revoked,
                sessions_ended,
            })
        })
        .await
    }

    async fn credentials(&self, name: &str) -> StoreResult<Option<Credentials>> {
        let name = name.to_owned();
        self.lookup(move |connection| {
            let sql = format!("{CREDENTIAL_COLUMNS} WHERE name = ?1");
            query_one(connection, &sql, [name], credentials_from_row)
        })
        .await
    }

    async fn set_pending_totp(
        &self,
        name: &str,
        secret: &str,
        audit: AuditRecord,
    ) -> StoreResult<()> {
        let (name, secret) = (name.to_owned(), secret.to_owned());
        self.write(move |tx| {
            let changed = tx.execute(
                "UPDATE users SET totp_pending_secret = ?1 WHERE name = ?2",
                (&secret, &name),
            )?;
            if !audit_if_changed(tx, changed, &audit)? {
                return Err(StoreError::NotFound(format!("no user named '{name}'")));
            }
            Ok(())
        })
        .await
    }

    async fn confirm_totp(
        &self,
        name: &str,
        step: i64,
        recovery_codes: &[String],
        audit: AuditRecord,
    ) -> StoreResult<bool> {
        let (name, recovery_codes) = (name.to_owned(), recovery_codes.to_vec());
        self.write(move |tx| {
            let changed = tx.execute(
                "UPDATE users SET totp_secret = totp_pending_secret, totp_pending_secret = NULL,
                     totp_last_step = ?1, totp_enrolment_required = 0
                 WHERE name = ?2 AND totp_pending_secret IS NOT NULL",
                (step, &name),
            )?;
            if changed > 0 {
                accounts::replace_recovery_codes(tx, &name, &recovery_codes)?;
            }
            audit_if_changed(tx, changed, &audit)
        })
        .await
    }

    async fn clear_totp(&self, name: &str, reset: bool, audit: AuditRecord) -> StoreResult<User> {
        let name = name.to_owned();
        self.write(move |tx| {
            let changed = accounts::clear_totp(tx, &name, reset, audit.at)?;
            updated_user(tx, changed, &name, &audit)
        })
        .await
    }

    async fn claim_login_attempt(
        &self,
        name: &str,
        address: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Admission> {
        let (name, address) = (name.to_owned(), address.to_owned());
        self.write(move |tx| {
            tx.execute(
                "DELETE FROM login_failures WHERE last_failed_at < ?1",
                [(now - lockout::FORGET_AFTER).timestamp()],
            )?;
            let sql = format!("{FAILURE_COLUMNS} WHERE name = ?1 AND address = ?2");
            let record = query_one(tx, &sql, [&name, &address], failures_from_row)?;
            let others: i64 = tx.query_row(
                "SELECT coalesce(sum(failures), 0) FROM login_failures
                 WHERE name = ?1 AND address <> ?2 AND last_failed_at > ?3",
                (&name, &address, (now - lockout::ACCOUNT_WINDOW).timestamp()),
                |row| row.get(0),
            )?;
            let admission = lockout::admit(record, others, now);
            if let Admission::Allowed(next) = admission {
                tx.execute(
                    "INSERT INTO login_failures (name, address, failures, locked_until, last_failed_at)
                     VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT (name, address) DO UPDATE SET failures = excluded.failures,
                         locked_until = excluded.locked_until,
                         last_failed_at = excluded.last_failed_at",
                    (
                        &name,
                        &address,
                        next.count,
                        next.locked_until.map(|at| at.timestamp()),
                        next.last_at.timestamp(),
                    ),
                )?;
            }
            Ok(admission)
        })
        .await
    }

    async fn login_succeeded(
        &self,
        name: &str,
        address: &str,
        login: LoginRecord,
        audit: AuditRecord,
    ) -> StoreResult<bool> {
        let (name, address) = (name.to_owned(), address.to_owned());
        self.write(move |tx| {
            let used_up = match &login.second_factor {
                Some(factor) => accounts::use_second_factor(tx, &name, factor, audit.at)?,
                None => true,
            };
            let replaced = match &login.new_password_hash {
                Some(hash) => used_up && accounts::replace_one_time_password(tx, &name, hash)?,
                None => used_up,
            };
            if !replaced {
                // A second factor used up for a one-time password another
                // login replaced first is given back: this login changes
                // nothing.
                return Err(StoreError::LoginOvertaken);
            }
            tx.execute(
                "DELETE FROM login_failures WHERE name = ?1 AND address = ?2",
                [&name, &address],
            )?;
            if let Some(session) = &login.session {
                sessions::record(tx, &name, &address, session, audit.at)?;
                tx.execute(
                    "UPDATE users SET last_login_at = ?1 WHERE name = ?2",
                    (audit.at.timestamp(), &name),
                )?;
            }
            insert_audit(tx, &audit)?;
            Ok(true)
        })
        .await
        .or_else(|error| match error {
            StoreError::LoginOvertaken => Ok(false),
            other => Err(other),
        })
    }

    async fn clear_login_failures(&self, name: &str, audit: AuditRecord) -> StoreResult<u64> {
        let name = name.to_owned();
        self.write(move |tx| {
            let cleared = tx.execute("DELETE FROM login_failures WHERE name = ?1", [&name])?;
            insert_audit(tx, &audit)?;
            Ok(u64::try_from(cleared).unwrap_or(0))
        })
        .await
    }

    async fn session(&self, jti: &str) -> StoreResult<Option<Session>> {
        let jti = jti.to_owned();
        self.lookup(move |connection| sessions::by_jti(connection, &jti))
            .await
    }

    async fn sessions(&self, user: Option<&str>, now: DateTime<Utc>) -> StoreResult<Vec<Session>> {
        let user = user.map(str::to_owned);
        self.run(move |connection| sessions::active(connection, user.as_deref(), now))
            .await
    }

    async fn revoke_sessions(
        &self,
        user: &str,
        only: Option<Id>,
        audit: AuditRecord,
    ) -> StoreResult<u64> {
        let user = user.to_owned();
        self.write(move |tx| {
            let ended = sessions::revoke(tx, &user, only, audit.at)?;
            audit_if_changed(tx, ended, &audit)?;
            Ok(u64::try_from(ended).unwrap_or(0))
        })
        .await
    }

    async fn touch_session(
        &self,
        id: Id,
        now: DateTime<Utc>,
        stale_before: DateTime<Utc>,
    ) -> StoreResult<()> {
        self.run(move |connection| sessions::touch(connection, id, now, stale_before))
            .await
    }

    async fn role(&self, name: &str) -> StoreResult<Option<Role>> {
        let name = name.to_owned();
        self.lookup(move |connection| {
            let sql = format!("{ROLE_COLUMNS} WHERE name = ?1");
            query_one(connection, &sql, [name], role_from_row)
        })
        .await
    }

    async fn roles(&self) -> StoreResult<Vec<Role>> {
        self.run(|connection| {
            let sql = format!("{ROLE_COLUMNS} ORDER BY builtin DESC, name");
            query_all(connection, &sql, [], role_from_row)
        })
        .await
    }

    async fn insert_role(&self, role: &Role, audit: AuditRecord) -> StoreResult<()> {
        let role = role.clone();
        self.write(move |tx| {
            let exists = tx
                .query_row("SELECT 1 FROM roles WHERE name = ?1", [&role.name], |_| Ok(()))
                .optional()?;
            if exists.is_some() {
                return Err(StoreError::Conflict(format!(
                    "role '{}' already exists",
                    role.name
                )));
            }
            tx.execute(
                "INSERT INTO roles (name, description, permissions, builtin) VALUES (?1, ?2, ?3, 0)",
                (&role.name, &role.description, permissions_to_string(&role.permissions)),
            )?;
            insert_audit(tx, &audit)
        })
        .await
    }

    async fn update_role(
        &self,
        role: &Role,
        expected: &Permissions,
        audit: AuditRecord,
    ) -> StoreResult<()> {
        let (role, expected) = (role.clone(), expected.clone());
        self.write(move |tx| roles::update(tx, &role, &expected, &audit))
            .await
    }

    async fn delete_role(
        &self,
        name: &str,
        reassign: Option<&str>,
        audit: AuditRecord,
    ) -> StoreResult<RoleRemoval> {
        let (name, reassign) = (name.to_owned(), reassign.map(str::to_owned));
        self.write(move |tx| roles::delete(tx, &name, reassign.as_deref(), &audit))
            .await
    }

    async fn insert_token(&self, token: NewToken, mut audit: AuditRecord) -> StoreResult<Token> {
        self.write(move |tx| {
            let now = token.created_at.timestamp();
            let clash: Option<Id> = tx
                .query_row(
                    "SELECT id FROM tokens WHERE owner_id = ?1 AND name = ?2
                       AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?3)",
                    (token.owner_id, &token.name, now),
                    |row| row.get(0),
                )
                .optional()?;
            if let Some(id) = clash {
                return Err(StoreError::Conflict(format!(
                    "an active token named '{}' already exists for this owner (id {id})",
                    token.name
                )));
            }
            if let Some(max) = token.max_active {
                let active: i64 = tx.query_row(
                    "SELECT COUNT(*) FROM tokens WHERE owner_id = ?1
                       AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?2)",
                    (token.owner_id, now),
                    |row| row.get(0),
                )?;
                if active >= i64::from(max) {
                    return Err(too_many_active(max));
                }
            }
            let id: Id = tx.query_row(
                "INSERT INTO tokens (name, kind, role, permissions, stripped_permissions,
                     description, owner_id, created_by, secret_hash, hint, created_at,
                     expires_at, max_idle_seconds, allowed_ips)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) RETURNING id",
                rusqlite::params![
                    token.name,
                    token.kind.as_str(),
                    token.role,
                    permissions_to_string(&token.permissions),
                    permissions_to_string(&token.stripped_permissions),
                    token.description,
                    token.owner_id,
                    token.created_by_id,
                    &token.secret_hash[..],
                    token.hint,
                    now,
                    token.expires_at.map(|at| at.timestamp()),
                    token.max_idle_seconds,
                    crate::network::join(&token.allowed_ips),
                ],
                |row| row.get(0),
            )?;
            audit.stamp_token_id(id);
            insert_audit(tx, &audit)?;
            token_with_id(tx, id)?
                .ok_or_else(|| StoreError::Database("inserted token vanished".into()))
        })
        .await
    }

    async fn token(&self, id: Id) -> StoreResult<Option<Token>> {
        self.lookup(move |connection| token_with_id(connection, id))
            .await
    }

    async fn tokens_named(&self, name: &str) -> StoreResult<Vec<Token>> {
        let name = name.to_owned();
        self.lookup(move |connection| {
            let sql = format!("{TOKEN_COLUMNS} WHERE t.name = ?1 ORDER BY t.id");
            query_all(connection, &sql, [name], token_from_row)
        })
        .await
    }

    async fn watch_changes(&self, signal: Arc<ChangeSignal>) -> StoreResult<()> {
        signal.probe_with(Box::new(change_probe::CounterProbe::new(
            &self.pool.location,
        )?))
    }

    async fn token_by_secret(
        &self,
        hash: &SecretHash,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<SecretMatch>> {
        let hash = *hash;
        self.lookup(move |connection| {
            let sql = format!(
                "{TOKEN_COLUMNS} WHERE t.secret_hash = ?1
                    OR (t.previous_secret_hash = ?1 AND t.previous_valid_until > ?2)"
            );
            query_one(
                connection,
                &sql,
                (&hash[..], now.timestamp()),
                secret_match_from_row,
            )
        })
        .await
    }

    async fn tokens(&self, filter: &TokenFilter, now: DateTime<Utc>) -> StoreResult<Vec<Token>> {
        let (sql, params) = tokens_query(filter, now.timestamp());
        self.run(move |connection| {
            query_all(
                connection,
                &sql,
                rusqlite::params_from_iter(params),
                token_from_row,
            )
        })
        .await
    }

    async fn revoke_token(&self, id: Id, audit: AuditRecord) -> StoreResult<bool> {
        self.write(move |tx| {
            let changed = tx.execute(
                "UPDATE tokens SET revoked_at = ?1 WHERE id = ?2 AND revoked_at IS NULL",
                (audit.at.timestamp(), id),
            )?;
            audit_if_changed(tx, changed, &audit)
        })
        .await
    }

    async fn replace_secret(
        &self,
        id: Id,
        change: SecretChange,
        audit: AuditRecord,
    ) -> StoreResult<bool> {
        self.write(move |tx| {
            let expires_at = change.expires_at.map(|at| at.timestamp());
            tx.execute(
                "DELETE FROM expiry_notices WHERE token_id = ?1
                   AND EXISTS (SELECT 1 FROM tokens WHERE id = ?1 AND expires_at IS NOT ?2
                               AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?3))",
                rusqlite::params![id, expires_at, audit.at.timestamp()],
            )?;
            let changed = tx.execute(
                "UPDATE tokens SET
                     previous_secret_hash = CASE WHEN ?1 IS NULL THEN NULL ELSE secret_hash END,
                     previous_valid_until = ?1,
                     secret_hash = ?2, hint = ?3, regenerated_at = ?4, expires_at = ?6
                 WHERE id = ?5 AND revoked_at IS NULL
                   AND (expires_at IS NULL OR expires_at > ?4)",
                rusqlite::params![
                    change.previous_valid_until.map(|at| at.timestamp()),
                    &change.secret_hash[..],
                    change.hint,
                    audit.at.timestamp(),
                    id,
                    expires_at,
                ],
            )?;
            audit_if_changed(tx, changed, &audit)
        })
        .await
    }

    async fn touch_last_used(
        &self,
        id: Id,
        used: LastUse,
        stale_before: DateTime<Utc>,
    ) -> StoreResult<()> {
        self.run(move |connection| {
            connection.execute(
                "UPDATE tokens SET last_used_at = ?1, last_used_from = ?4, last_used_agent = ?5
                 WHERE id = ?2 AND (last_used_at IS NULL OR last_used_at < ?3)",
                (
                    used.at.timestamp(),
                    id,
                    stale_before.timestamp(),
                    &used.from,
                    &used.agent,
                ),
            )?;
            Ok(())
        })
        .await
    }

    async fn token_policy(&self) -> StoreResult<Option<StoredPolicy>> {
        self.lookup(policy::read).await
    }

    async fn replace_token_policy(
        &self,
        revision: i64,
        document: String,
        at: DateTime<Utc>,
        audit: AuditRecord,
    ) -> StoreResult<i64> {
        self.write(move |tx| policy::replace(tx, revision, &document, at.timestamp(), &audit))
            .await
    }

    async fn trust_policies(&self, issuer: Option<&str>) -> StoreResult<Vec<TrustPolicy>> {
        let issuer = issuer.map(str::to_owned);
        self.lookup(move |connection| match issuer {
            Some(issuer) => query_all(
                connection,
                &format!("{TRUST_COLUMNS} WHERE p.issuer = ?1 ORDER BY p.name"),
                [issuer],
                trust_policy_from_row,
            ),
            None => query_all(
                connection,
                &format!("{TRUST_COLUMNS} ORDER BY p.name"),
                [],
                trust_policy_from_row,
            ),
        })
        .await
    }

    async fn trust_policy(&self, name: &str) -> StoreResult<Option<TrustPolicy>> {
        let name = name.to_owned();
        self.lookup(move |connection| {
            query_one(
                connection,
                &format!("{TRUST_COLUMNS} WHERE p.name = ?1"),
                [name],
                trust_policy_from_row,
            )
        })
        .await
    }

    async fn insert_trust_policy(
        &self,
        policy: &TrustPolicy,
        audit: AuditRecord,
    ) -> StoreResult<()> {
        let policy = policy.clone();
        self.write(move |tx| trust::insert(tx, &policy, &audit))
            .await
    }

    async fn delete_trust_policy(&self, name: &str, audit: AuditRecord) -> StoreResult<()> {
        let name = name.to_owned();
        self.write(move |tx| trust::delete(tx, &name, &audit)).await
    }

    async fn webhooks(&self) -> StoreResult<Vec<Webhook>> {
        self.lookup(webhooks::all).await
    }

    async fn webhook(&self, id: Id) -> StoreResult<Option<Webhook>> {
        self.lookup(move |connection| webhooks::one(connection, id))
            .await
    }

    async fn insert_webhook(
        &self,
        webhook: NewWebhook,
        audit: AuditRecord,
    ) -> StoreResult<Webhook> {
        self.write(move |tx| webhooks::insert(tx, &webhook, &audit))
            .await
    }

    async fn delete_webhook(&self, id: Id, audit: AuditRecord) -> StoreResult<Webhook> {
        self.write(move |tx| webhooks::delete(tx, id, &audit)).await
    }

    async fn deliveries(&self, filter: &DeliveryFilter) -> StoreResult<Vec<Delivery>> {
        let filter = filter.clone();
        self.lookup(move |connection| webhooks::list(connection, &filter))
            .await
    }

    async fn claim_deliveries(
        &self,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: usize,
    ) -> StoreResult<Vec<DueDelivery>> {
        self.write(move |tx| webhooks::claim(tx, now.timestamp(), lease_until.timestamp(), limit))
            .await
    }

    async fn finish_delivery(&self, id: Id, attempt: Attempt) -> StoreResult<()> {
        self.write(move |tx| webhooks::finish(tx, id, &attempt))
            .await
    }

    async fn claim_mail(
        &self,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: usize,
    ) -> StoreResult<Vec<DueMail>> {
        self.write(move |tx| mail::claim(tx, now.timestamp(), lease_until.timestamp(), limit))
            .await
    }

    async fn finish_mail(&self, id: Id, attempt: Attempt) -> StoreResult<()> {
        self.write(move |tx| mail::finish(tx, id, &attempt)).await
    }

    async fn forget_deliveries(&self, before: DateTime<Utc>) -> StoreResult<u64> {
        self.write(move |tx| {
            let before = before.timestamp();
            Ok(webhooks::forget(tx, before)? + mail::forget(tx, before)?)
        })
        .await
    }

    async fn expiring_tokens(
        &self,
        from: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> StoreResult<Vec<ExpiringToken>> {
        self.lookup(move |connection| {
            notices::expiring(connection, from.timestamp(), until.timestamp())
        })
        .await
    }

    async fn record_expiry_notice(
        &self,
        id: Id,
        notice: &str,
        audit: AuditRecord,
    ) -> StoreResult<bool> {
        let notice = notice.to_owned();
        self.write(move |tx| notices::record(tx, id, &notice, &audit))
            .await
    }

    async fn append_audits(&self, audits: Vec<AuditRecord>) -> StoreResult<()> {
        self.write(move |tx| audits.iter().try_for_each(|audit| insert_audit(tx, audit)))
            .await
    }

    async fn append_audits_claiming(
        &self,
        entries: Vec<ClaimingAudit>,
        now: DateTime<Utc>,
    ) -> StoreResult<Vec<bool>> {
        self.write(move |tx| trust::append_claiming(tx, &entries, now.timestamp()))
            .await
    }

    async fn audit_entries(&self, filter: &AuditFilter) -> StoreResult<Vec<AuditEntry>> {
        let (sql, params) = audit_query(filter);
        self.run(move |connection| {
            query_all(
                connection,
                &sql,
                rusqlite::params_from_iter(params),
                audit_from_row,
            )
        })
        .await
    }

    async fn prune_audit(&self, before: DateTime<Utc>, audit: PruneAudit) -> StoreResult<u64> {
        self.write(move |tx| {
            let removed = tx.execute("DELETE FROM audit WHERE at < ?1", [before.timestamp()])?;
            let removed = u64::try_from(removed).unwrap_or(u64::MAX);
            insert_audit(tx, &audit(removed))?;
            Ok(removed)
        })
        .await
    }

    async fn query_plan(&self, list: ListQuery<'_>, now: DateTime<Utc>) -> StoreResult<String> {
        let (sql, params) = match list {
            ListQuery::Tokens(filter) => tokens_query(filter, now.timestamp()),
            ListQuery::Audit(filter) => audit_query(filter),
        };
        self.run(move |connection| {
            let mut statement = connection.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
            let steps = statement
                .query_map(rusqlite::params_from_iter(params), |row| {
                    row.get::<_, String>(3)
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(steps.join("\n"))
        })
        .await
    }

    async fn schema_versions(&self) -> StoreResult<SchemaVersions> {
        Ok(SchemaVersions {
            found: self.schema_version().await?,
            known: i64::try_from(MIGRATIONS.len()).unwrap_or(i64::MAX),
        })
    }

    fn pool_waits(&self) -> PoolWaits {
        self.pool.waits.read()
    }
}
