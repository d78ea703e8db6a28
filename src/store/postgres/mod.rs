//! The shared store: one PostgreSQL database behind any number of servers.
//!
//! Semantics match the SQLite store exactly: the same schema (column for
//! column, so the decoders in `rows` read both), the same conflicts and
//! not-found messages, and every change written with its audit entry in one
//! transaction. What differs is where concurrency comes from. SQLite lets one
//! writer in at a time; here many replicas write at once under READ
//! COMMITTED, so every check-then-write names what it locks (see
//! [`Store::insert_token`]), and a constraint that a concurrent writer won —
//! a unique or a foreign key violation — surfaces as a `Conflict`, never as
//! a bare database error. A refused write rolls back before it returns, so
//! no lock it took outlives the call (see `PgStore::write`).
//!
//! Migrations are versioned like SQLite's, with the version in a one-row
//! `tokenctl_schema` table instead of `PRAGMA user_version`; replicas that
//! start together serialise on an advisory lock, so exactly one of them
//! migrates. Unqualified names follow the connection's `search_path`, which is
//! how one database can hold several stores (and each test its own).

mod accounts;
mod mail;
mod notices;
mod policy;
mod queries;
mod replicas;
mod roles;
mod schema;
mod sessions;
mod trust;
mod webhooks;

use std::str::FromStr;
use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::error::ErrorKind;
use sqlx::pool::PoolConnection;
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::{ConnectOptions, Connection, PgConnection, Postgres, QueryBuilder};

use super::rows::{
    AUDIT_COLUMNS, CREDENTIAL_COLUMNS, FAILURE_COLUMNS, ROLE_COLUMNS, TOKEN_COLUMNS, TRUST_COLUMNS,
    USER_COLUMNS, audit_from_row, credentials_from_row, failures_from_row, role_from_row,
    secret_match_from_row, token_from_row, trust_policy_from_row, user_from_row,
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

use queries::{
    audit_if_changed, audit_query, changed_user, conflict_or, insert_audit, insert_audit_rows,
    push_rows, query_all, query_one, token_with_id, tokens_query, updated_user, user_named,
};
use schema::{MIGRATIONS, migrate};

/// Connections per replica. Transactions are a few statements long, so a
/// handful serves many concurrent requests; PostgreSQL's default limit of
/// 100 connections leaves room for several replicas.
const MAX_CONNECTIONS: u32 = 10;

/// Rows per multi-row audit INSERT. Small enough that the statement leaves
/// in one write of sqlx's 8 KiB buffer: sqlx does not set TCP_NODELAY, and
/// a statement split over two writes waited 40 ms for the server's delayed
/// ACK (measured: one 55-row INSERT took 44 ms; in chunks of 16 rows the
/// exchange benchmark went from 3 000 to 17 000 requests/s).
const MAX_AUDITS_PER_INSERT: usize = 16;

/// PostgreSQL's SQLSTATE for a full disk (`disk_full`).
const DISK_FULL: &str = "53100";

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> Self {
        if let sqlx::Error::Database(database) = &error
            && database.code().as_deref() == Some(DISK_FULL)
        {
            return StoreError::Full(error.to_string());
        }
        StoreError::Database(error.to_string())
    }
}

/// A pool of connections to one database; cheap to clone. Every replica of
/// a server opens its own.
#[derive(Clone)]
pub struct PgStore {
    pool: PgPool,
    waits: Arc<PoolWaitCounter>,
}

/// An opened store, and whether this process created its schema.
pub struct Opened {
    pub store: PgStore,
    pub fresh: bool,
}

impl PgStore {
    /// Connects to the database at `url` (`postgres://user:password@host/db`,
    /// with sqlx's query parameters such as `sslmode` and `options`) and
    /// migrates it; see [`PgStore::connect_with`]. Errors name the URL
    /// without its password.
    pub async fn connect(url: &str, first_admin: Option<&str>) -> StoreResult<Opened> {
        let options = PgConnectOptions::from_str(url).map_err(|error| StoreError::Open {
            path: UNPARSED_URL.to_owned(),
            reason: error.to_string(),
        })?;
        PgStore::connect_with(options, first_admin).await
    }

    /// Brings the schema to this build's version, then opens the pool. A new
    /// store gets `first_admin` as its admin in the transaction that creates
    /// the schema, so no replica can ever see a store without one.
    ///
    /// The first connection is made once, by hand: the pool would retry a
    /// refused connection until its acquire timeout and then report only
    /// that it timed out, where the user needs the actual reason at once.
    pub async fn connect_with(
        options: PgConnectOptions,
        first_admin: Option<&str>,
    ) -> StoreResult<Opened> {
        let open_error = |reason: String| StoreError::Open {
            path: describe(&options),
            reason,
        };
        let mut connection = options
            .connect()
            .await
            .map_err(|error| open_error(error.to_string()))?;
        let fresh = migrate(&mut connection, first_admin)
            .await
            .map_err(|error| match error {
                StoreError::Database(reason) => open_error(reason),
                other => other,
            })?;
        // Best effort: the server drops an abandoned session on its own.
        let _ = connection.close().await;
        let pool = PgPoolOptions::new()
            .max_connections(MAX_CONNECTIONS)
            .connect_lazy_with(options);
        Ok(Opened {
            store: PgStore {
                pool,
                waits: Arc::default(),
            },
            fresh,
        })
    }

    pub async fn schema_version(&self) -> StoreResult<i64> {
        Ok(sqlx::query_scalar("SELECT version FROM tokenctl_schema")
            .fetch_one(&mut *self.connection().await?)
            .await?)
    }

    /// A pooled connection, counting the wait when none is free.
    async fn connection(&self) -> StoreResult<PoolConnection<Postgres>> {
        if let Some(connection) = self.pool.try_acquire() {
            return Ok(connection);
        }
        let since = std::time::Instant::now();
        let connection = self.pool.acquire().await?;
        self.waits.waited(since);
        Ok(connection)
    }

    /// Runs `body` in a transaction that commits when it returns `Ok`.
    ///
    /// On `Err` the rollback happens here, before the error is returned.
    /// Dropping an open sqlx transaction only queues its rollback until the
    /// connection is next used, and until then its row locks stay held: a
    /// refused create would keep its owner's row locked against every other
    /// replica.
    async fn write<T>(
        &self,
        body: impl AsyncFnOnce(&mut PgConnection) -> StoreResult<T>,
    ) -> StoreResult<T> {
        let mut connection = self.connection().await?;
        let mut tx = connection.begin().await?;
        match body(&mut tx).await {
            Ok(value) => {
                tx.commit().await?;
                Ok(value)
            }
            Err(error) => {
                // The error at hand says more than a failed rollback would;
                // if it fails, the connection is broken and the server
                // ends the transaction itself.
                let _ = tx.rollback().await;
                Err(error)
            }
        }
    }
}

/// Where a store lives, for error messages: built from the parsed options,
/// so a password (in the URL or a `password=` parameter) cannot leak into it.
fn describe(options: &PgConnectOptions) -> String {
    let host = match options.get_socket() {
        Some(socket) => socket.display().to_string(),
        None => format!("{}:{}", options.get_host(), options.get_port()),
    };
    format!(
        "postgres://{}@{host}/{}",
        options.get_username(),
        options.get_database().unwrap_or_default()
    )
}

/// Stands in for a URL that did not parse: its parts cannot be told apart
/// reliably, so any of it might be the password.
const UNPARSED_URL: &str = "the PostgreSQL URL given (not shown: it may hold a password)";

#[async_trait]
impl Store for PgStore {
    async fn user(&self, name: &str) -> StoreResult<Option<User>> {
        user_named(&mut *self.connection().await?, name).await
    }

    async fn users(&self, filter: &UserFilter) -> StoreResult<Vec<User>> {
        let mut query = QueryBuilder::new(USER_COLUMNS);
        query.push(" WHERE TRUE");
        if !filter.removed {
            query.push(" AND removed_at IS NULL");
        }
        push_rows(&mut query, "id", filter.rows);
        query_all(&mut *self.connection().await?, query, user_from_row).await
    }

    async fn insert_user(&self, user: NewUser<'_>, audit: AuditRecord) -> StoreResult<User> {
        let NewUser {
            name,
            role,
            email,
            password,
        } = user;
        let exists = || StoreError::Conflict(format!("user '{name}' already exists"));
        self.write(async |tx| {
            if user_named(&mut *tx, name).await?.is_some() {
                return Err(exists());
            }
            sqlx::query(
                "INSERT INTO users (name, role, password_hash, password_one_time, created_at, email)
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(name)
            .bind(role)
            .bind(password.as_ref().map(|p| p.hash.as_str()))
            .bind(password.as_ref().is_some_and(|p| p.one_time))
            .bind(audit.at.timestamp())
            .bind(email)
            .execute(&mut *tx)
            .await
            .map_err(|error| {
                conflict_or(error, |kind| match kind {
                    ErrorKind::UniqueViolation => exists().to_string(),
                    _ => format!("role '{role}' was removed meanwhile"),
                })
            })?;
            insert_audit(tx, &audit).await?;
            user_named(&mut *tx, name)
                .await?
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
        self.write(async |tx| {
            let changed = sqlx::query(
                "UPDATE users SET disabled_at = $1,
                     session_epoch = session_epoch + CASE WHEN $1 IS NULL THEN 0 ELSE 1 END
                 WHERE name = $2 AND role = $3",
            )
            .bind(disabled_at.map(|at| at.timestamp()))
            .bind(name)
            .bind(role)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if changed > 0 && disabled_at.is_some() {
                sessions::revoke(tx, name, None, audit.at).await?;
            }
            changed_user(tx, changed, name, &audit).await
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
        self.write(async |tx| {
            let changed = sqlx::query("UPDATE users SET role = $1 WHERE name = $2 AND role = $3")
                .bind(to)
                .bind(name)
                .bind(from)
                .execute(&mut *tx)
                .await
                .map_err(|error| {
                    conflict_or(error, |_| format!("role '{to}' was removed meanwhile"))
                })?
                .rows_affected();
            changed_user(tx, changed, name, &audit).await
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
        self.write(async |tx| {
            let changed = sqlx::query(
                "UPDATE users SET password_hash = $1, password_one_time = $2,
                     session_epoch = session_epoch + 1
                 WHERE name = $3 AND role = $4",
            )
            .bind(&password.hash)
            .bind(password.one_time)
            .bind(name)
            .bind(role)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if changed > 0 {
                sessions::revoke(tx, name, None, audit.at).await?;
            }
            changed_user(tx, changed, name, &audit).await
        })
        .await
    }

    async fn set_email(
        &self,
        name: &str,
        email: Option<&str>,
        audit: AuditRecord,
    ) -> StoreResult<User> {
        self.write(async |tx| {
            let changed =
                sqlx::query("UPDATE users SET email = $1 WHERE name = $2 AND removed_at IS NULL")
                    .bind(email)
                    .bind(name)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
            updated_user(tx, changed, name, &audit).await
        })
        .await
    }

    async fn remove_user(
        &self,
        name: &str,
        role: &str,
        audit: AuditRecord,
    ) -> StoreResult<Removal> {
        self.write(async |tx| {
            let (tokens_revoked, sessions_ended) = accounts::remove(tx, name, role, audit.at)
                .await?
                .ok_or_else(|| super::removed_meanwhile(name))?;
            Ok(Removal {
                user: changed_user(tx, 1, name, &audit).await?,
                tokens_revoked,
                sessions_ended,
            })
        })
        .await
    }

    async fn credentials(&self, name: &str) -> StoreResult<Option<Credentials>> {
        let mut query = QueryBuilder::new(CREDENTIAL_COLUMNS);
        query.push(" WHERE name = ").push_bind(name.to_owned());
        query_one(&mut *self.connection().await?, query, credentials_from_row).await
    }

    async fn set_pending_totp(
        &self,
        name: &str,
        secret: &str,
        audit: AuditRecord,
    ) -> StoreResult<()> {
        self.write(async |tx| {
            let changed = sqlx::query("UPDATE users SET totp_pending_secret = $1 WHERE name = $2")
                .bind(secret)
                .bind(name)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if !audit_if_changed(tx, changed, &audit).await? {
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
        self.write(async |tx| {
            let changed = sqlx::query(
                "UPDATE users SET totp_secret = totp_pending_secret, totp_pending_secret = NULL,
                     totp_last_step = $1, totp_enrolment_required = FALSE
                 WHERE name = $2 AND totp_pending_secret IS NOT NULL",
            )
            .bind(step)
            .bind(name)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if changed > 0 {
                accounts::replace_recovery_codes(tx, name, recovery_codes).await?;
            }
            audit_if_changed(tx, changed, &audit).await
        })
        .await
    }

    async fn clear_totp(&self, name: &str, reset: bool, audit: AuditRecord) -> StoreResult<User> {
        self.write(async |tx| {
            let changed = accounts::clear_totp(tx, name, reset, audit.at).await?;
            updated_user(tx, changed, name, &audit).await
        })
        .await
    }

    /// The pair's row is made if missing, then locked (`FOR UPDATE`):
    /// concurrent attempts from one address, on any replica, are admitted
    /// one at a time. The other addresses' sum is read unlocked; the
    /// account-wide ceiling is approximate by a few attempts under races.
    async fn claim_login_attempt(
        &self,
        name: &str,
        address: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Admission> {
        self.write(async |tx| {
            sqlx::query("DELETE FROM login_failures WHERE last_failed_at < $1")
                .bind((now - lockout::FORGET_AFTER).timestamp())
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO login_failures (name, address, failures, locked_until, last_failed_at)
                 VALUES ($1, $2, 0, NULL, $3) ON CONFLICT (name, address) DO NOTHING",
            )
            .bind(name)
            .bind(address)
            .bind(now.timestamp())
            .execute(&mut *tx)
            .await?;
            let mut query = QueryBuilder::new(FAILURE_COLUMNS);
            query
                .push(" WHERE name = ")
                .push_bind(name.to_owned())
                .push(" AND address = ")
                .push_bind(address.to_owned())
                .push(" FOR UPDATE");
            let record = query_one(&mut *tx, query, failures_from_row)
                .await?
                .filter(|record| record.count > 0);
            let others: i64 = sqlx::query_scalar(
                "SELECT coalesce(sum(failures), 0)::BIGINT FROM login_failures
                 WHERE name = $1 AND address <> $2 AND last_failed_at > $3",
            )
            .bind(name)
            .bind(address)
            .bind((now - lockout::ACCOUNT_WINDOW).timestamp())
            .fetch_one(&mut *tx)
            .await?;
            let admission = lockout::admit(record, others, now);
            if let Admission::Allowed(next) = admission {
                sqlx::query(
                    "UPDATE login_failures SET failures = $3, locked_until = $4, last_failed_at = $5
                     WHERE name = $1 AND address = $2",
                )
                .bind(name)
                .bind(address)
                .bind(next.count)
                .bind(next.locked_until.map(|at| at.timestamp()))
                .bind(next.last_at.timestamp())
                .execute(&mut *tx)
                .await?;
            }
            Ok(admission)
        })
        .await
    }

    /// The step condition is part of the `UPDATE`: when two replicas accept
    /// the same code at once, the second waits for the first's row lock,
    /// re-checks the condition against the committed row (READ COMMITTED
    /// does), changes nothing and returns false.
    async fn login_succeeded(
        &self,
        name: &str,
        address: &str,
        login: LoginRecord,
        audit: AuditRecord,
    ) -> StoreResult<bool> {
        self.write(async |tx| {
            let used_up = match &login.second_factor {
                Some(factor) => accounts::use_second_factor(tx, name, factor, audit.at).await?,
                None => true,
            };
            let replaced = match &login.new_password_hash {
                Some(hash) => {
                    used_up && accounts::replace_one_time_password(tx, name, hash).await?
                }
                None => used_up,
            };
            if !replaced {
                // Rolls back a second factor used up for a one-time password
                // another login replaced first: this login changes nothing.
                return Err(StoreError::LoginOvertaken);
            }
            sqlx::query("DELETE FROM login_failures WHERE name = $1 AND address = $2")
                .bind(name)
                .bind(address)
                .execute(&mut *tx)
                .await?;
            if let Some(session) = &login.session {
                sessions::record(tx, name, address, session, audit.at).await?;
                sqlx::query("UPDATE users SET last_login_at = $1 WHERE name = $2")
                    .bind(audit.at.timestamp())
                    .bind(name)
                    .execute(&mut *tx)
                    .await?;
            }
            insert_audit(tx, &audit).await?;
            Ok(true)
        })
        .await
        .or_else(|error| match error {
            StoreError::LoginOvertaken => Ok(false),
            other => Err(other),
        })
    }

    async fn clear_login_failures(&self, name: &str, audit: AuditRecord) -> StoreResult<u64> {
        self.write(async |tx| {
            let cleared = sqlx::query("DELETE FROM login_failures WHERE name = $1")
                .bind(name)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            insert_audit(tx, &audit).await?;
            Ok(cleared)
        })
        .await
    }

    async fn session(&self, jti: &str) -> StoreResult<Option<Session>> {
        sessions::by_jti(&mut *self.connection().await?, jti).await
    }

    async fn sessions(&self, user: Option<&str>, now: DateTime<Utc>) -> StoreResult<Vec<Session>> {
        sessions::active(&mut *self.connection().await?, user, now).await
    }

    async fn revoke_sessions(
        &self,
        user: &str,
        only: Option<Id>,
        audit: AuditRecord,
    ) -> StoreResult<u64> {
        self.write(async |tx| {
            let ended = sessions::revoke(tx, user, only, audit.at).await?;
            audit_if_changed(tx, ended, &audit).await?;
            Ok(ended)
        })
        .await
    }

    async fn touch_session(
        &self,
        id: Id,
        now: DateTime<Utc>,
        stale_before: DateTime<Utc>,
    ) -> StoreResult<()> {
        sessions::touch(&mut *self.connection().await?, id, now, stale_before).await
    }

    async fn role(&self, name: &str) -> StoreResult<Option<Role>> {
        let mut query = QueryBuilder::new(ROLE_COLUMNS);
        query.push(" WHERE name = ").push_bind(name.to_owned());
        query_one(&mut *self.connection().await?, query, role_from_row).await
    }

    async fn roles(&self) -> StoreResult<Vec<Role>> {
        let mut query = QueryBuilder::new(ROLE_COLUMNS);
        // Byte order, as SQLite sorts: the database's locale must not reorder names.
        query.push(r#" ORDER BY builtin DESC, name COLLATE "C""#);
        query_all(&mut *self.connection().await?, query, role_from_row).await
    }

    async fn insert_role(&self, role: &Role, audit: AuditRecord) -> StoreResult<()> {
        let exists = || StoreError::Conflict(format!("role '{}' already exists", role.name));
        self.write(async |tx| {
            let found: Option<i32> = sqlx::query_scalar("SELECT 1 FROM roles WHERE name = $1")
                .bind(&role.name)
                .fetch_optional(&mut *tx)
                .await?;
            if found.is_some() {
                return Err(exists());
            }
            sqlx::query(
                "INSERT INTO roles (name, description, permissions, builtin)
                 VALUES ($1, $2, $3, FALSE)",
            )
            .bind(&role.name)
            .bind(&role.description)
            .bind(permissions_to_string(&role.permissions))
            .execute(&mut *tx)
            .await
            .map_err(|error| conflict_or(error, |_| exists().to_string()))?;
            insert_audit(tx, &audit).await?;
            Ok(())
        })
        .await
    }

    async fn update_role(
        &self,
        role: &Role,
        expected: &Permissions,
        audit: AuditRecord,
    ) -> StoreResult<()> {
        self.write(async |tx| roles::update(tx, role, expected, &audit).await)
            .await
    }

    async fn delete_role(
        &self,
        name: &str,
        reassign: Option<&str>,
        audit: AuditRecord,
    ) -> StoreResult<RoleRemoval> {
        self.write(async |tx| roles::delete(tx, name, reassign, &audit).await)
            .await
    }

    /// "No active token of that name for this owner" is a check, not a
    /// constraint (expiry moves with the clock, so no unique index can say
    /// it). Two replicas checking at once would both see no clash, so the
    /// check first locks the owner's row: creates for one owner queue, and
    /// each one checks after the previous one committed. `FOR NO KEY UPDATE`
    /// rather than `FOR UPDATE`: the foreign key checks of other inserts take
    /// `KEY SHARE` on the users they name, which `FOR UPDATE` would block — two
    /// admins issuing tokens to each other at once would deadlock.
    async fn insert_token(&self, token: NewToken, mut audit: AuditRecord) -> StoreResult<Token> {
        let now = token.created_at.timestamp();
        self.write(async |tx| {
            let owner: Option<Id> =
                sqlx::query_scalar("SELECT id FROM users WHERE id = $1 FOR NO KEY UPDATE")
                    .bind(token.owner_id)
                    .fetch_optional(&mut *tx)
                    .await?;
            if owner.is_none() {
                return Err(StoreError::NotFound(format!(
                    "no user with id {}",
                    token.owner_id
                )));
            }
            let clash: Option<Id> = sqlx::query_scalar(
                "SELECT id FROM tokens WHERE owner_id = $1 AND name = $2
                   AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $3)
                 LIMIT 1",
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
            // The owner's row, locked above, serialises this count with
            // every other insert for the same owner on any replica.
            if let Some(max) = token.max_active {
                let active: i64 = sqlx::query_scalar(
                    "SELECT COUNT(*) FROM tokens WHERE owner_id = $1
                       AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $2)",
                )
                .bind(token.owner_id)
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
                if active >= i64::from(max) {
                    return Err(too_many_active(max));
                }
            }
            let id: Id = sqlx::query_scalar(
                "INSERT INTO tokens (name, kind, role, permissions, stripped_permissions,
                     description, owner_id, created_by, secret_hash, hint, created_at,
                     expires_at, max_idle_seconds, allowed_ips)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
            )
            .bind(&token.name)
            .bind(token.kind.as_str())
            .bind(&token.role)
            .bind(permissions_to_string(&token.permissions))
            .bind(permissions_to_string(&token.stripped_permissions))
            .bind(&token.description)
            .bind(token.owner_id)
            .bind(token.created_by_id)
            .bind(&token.secret_hash[..])
            .bind(&token.hint)
            .bind(now)
            .bind(token.expires_at.map(|at| at.timestamp()))
            .bind(token.max_idle_seconds)
            .bind(crate::network::join(&token.allowed_ips))
            .fetch_one(&mut *tx)
            .await
            .map_err(|error| {
                conflict_or(error, |kind| match kind {
                    ErrorKind::UniqueViolation => "another token has this secret; try again".into(),
                    _ => format!("role '{}' was removed meanwhile", token.role),
                })
            })?;
            audit.stamp_token_id(id);
            insert_audit(tx, &audit).await?;
            token_with_id(&mut *tx, id)
                .await?
                .ok_or_else(|| StoreError::Database("inserted token vanished".into()))
        })
        .await
    }

    async fn token(&self, id: Id) -> StoreResult<Option<Token>> {
        token_with_id(&mut *self.connection().await?, id).await
    }

    async fn tokens_named(&self, name: &str) -> StoreResult<Vec<Token>> {
        let mut query = QueryBuilder::new(TOKEN_COLUMNS);
        query
            .push(" WHERE t.name = ")
            .push_bind(name.to_owned())
            .push(" ORDER BY t.id");
        query_all(&mut *self.connection().await?, query, token_from_row).await
    }

    async fn watch_changes(&self, signal: Arc<ChangeSignal>) -> StoreResult<()> {
        replicas::watch(self.pool.clone(), signal).await
    }

    async fn await_changes_heard(&self) {
        replicas::await_changes_heard(&self.pool).await;
    }

    async fn token_by_secret(
        &self,
        hash: &SecretHash,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<SecretMatch>> {
        let mut query = QueryBuilder::new(TOKEN_COLUMNS);
        query
            .push(" WHERE t.secret_hash = ")
            .push_bind(hash.to_vec())
            .push(" OR (t.previous_secret_hash = ")
            .push_bind(hash.to_vec())
            .push(" AND t.previous_valid_until > ")
            .push_bind(now.timestamp())
            .push(")");
        query_one(&mut *self.connection().await?, query, secret_match_from_row).await
    }

    async fn tokens(&self, filter: &TokenFilter, now: DateTime<Utc>) -> StoreResult<Vec<Token>> {
        let query = tokens_query(QueryBuilder::new(TOKEN_COLUMNS), filter, now.timestamp());
        query_all(&mut *self.connection().await?, query, token_from_row).await
    }

    async fn revoke_token(&self, id: Id, audit: AuditRecord) -> StoreResult<bool> {
        self.write(async |tx| {
            let changed = sqlx::query(
                "UPDATE tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL",
            )
            .bind(audit.at.timestamp())
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            audit_if_changed(tx, changed, &audit).await
        })
        .await
    }

    async fn replace_secret(
        &self,
        id: Id,
        change: SecretChange,
        audit: AuditRecord,
    ) -> StoreResult<bool> {
        self.write(async |tx| {
            let expires_at = change.expires_at.map(|at| at.timestamp());
            sqlx::query(
                "DELETE FROM expiry_notices WHERE token_id = $1
                   AND EXISTS (SELECT 1 FROM tokens
                               WHERE id = $1 AND expires_at IS DISTINCT FROM $2::BIGINT
                                 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $3))",
            )
            .bind(id)
            .bind(expires_at)
            .bind(audit.at.timestamp())
            .execute(&mut *tx)
            .await?;
            let changed = sqlx::query(
                "UPDATE tokens SET
                     previous_secret_hash = CASE WHEN $1::BIGINT IS NULL THEN NULL ELSE secret_hash END,
                     previous_valid_until = $1,
                     secret_hash = $2, hint = $3, regenerated_at = $4, expires_at = $6
                 WHERE id = $5 AND revoked_at IS NULL
                   AND (expires_at IS NULL OR expires_at > $4)",
            )
            .bind(change.previous_valid_until.map(|at| at.timestamp()))
            .bind(&change.secret_hash[..])
            .bind(&change.hint)
            .bind(audit.at.timestamp())
            .bind(id)
            .bind(expires_at)
            .execute(&mut *tx)
            .await
            .map_err(|error| conflict_or(error, |_| "another token has this secret; try again".into()))?
            .rows_affected();
            audit_if_changed(tx, changed, &audit).await
        })
        .await
    }

    async fn touch_last_used(
        &self,
        id: Id,
        used: LastUse,
        stale_before: DateTime<Utc>,
    ) -> StoreResult<()> {
        sqlx::query(
            "UPDATE tokens SET last_used_at = $1, last_used_from = $4, last_used_agent = $5
             WHERE id = $2 AND (last_used_at IS NULL OR last_used_at < $3)",
        )
        .bind(used.at.timestamp())
        .bind(id)
        .bind(stale_before.timestamp())
        .bind(&used.from)
        .bind(&used.agent)
        .execute(&mut *self.connection().await?)
        .await?;
        Ok(())
    }

    async fn token_policy(&self) -> StoreResult<Option<StoredPolicy>> {
        policy::read(&mut *self.connection().await?).await
    }

    async fn replace_token_policy(
        &self,
        revision: i64,
        document: String,
        at: DateTime<Utc>,
        audit: AuditRecord,
    ) -> StoreResult<i64> {
        self.write(async |tx| {
            policy::replace(tx, revision, &document, at.timestamp(), &audit).await
        })
        .await
    }

    async fn trust_policies(&self, issuer: Option<&str>) -> StoreResult<Vec<TrustPolicy>> {
        let mut query = QueryBuilder::new(TRUST_COLUMNS);
        if let Some(issuer) = issuer {
            query
                .push(" WHERE p.issuer = ")
                .push_bind(issuer.to_owned());
        }
        query.push(r#" ORDER BY p.name COLLATE "C""#);
        query_all(&mut *self.connection().await?, query, trust_policy_from_row).await
    }

    async fn trust_policy(&self, name: &str) -> StoreResult<Option<TrustPolicy>> {
        let mut query = QueryBuilder::new(TRUST_COLUMNS);
        query.push(" WHERE p.name = ").push_bind(name.to_owned());
        query_one(&mut *self.connection().await?, query, trust_policy_from_row).await
    }

    async fn insert_trust_policy(
        &self,
        policy: &TrustPolicy,
        audit: AuditRecord,
    ) -> StoreResult<()> {
        self.write(async |tx| trust::insert(tx, policy, &audit).await)
            .await
    }

    async fn delete_trust_policy(&self, name: &str, audit: AuditRecord) -> StoreResult<()> {
        self.write(async |tx| trust::delete(tx, name, &audit).await)
            .await
    }

    async fn webhooks(&self) -> StoreResult<Vec<Webhook>> {
        webhooks::all(&mut *self.connection().await?).await
    }

    async fn webhook(&self, id: Id) -> StoreResult<Option<Webhook>> {
        webhooks::one(&mut *self.connection().await?, id).await
    }

    async fn insert_webhook(
        &self,
        webhook: NewWebhook,
        audit: AuditRecord,
    ) -> StoreResult<Webhook> {
        self.write(async |tx| webhooks::insert(tx, &webhook, &audit).await)
            .await
    }

    async fn delete_webhook(&self, id: Id, audit: AuditRecord) -> StoreResult<Webhook> {
        self.write(async |tx| webhooks::delete(tx, id, &audit).await)
            .await
    }

    async fn deliveries(&self, filter: &DeliveryFilter) -> StoreResult<Vec<Delivery>> {
        webhooks::list(&mut *self.connection().await?, filter).await
    }

    async fn claim_deliveries(
        &self,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: usize,
    ) -> StoreResult<Vec<DueDelivery>> {
        self.write(async |tx| {
            webhooks::claim(tx, now.timestamp(), lease_until.timestamp(), limit).await
        })
        .await
    }

    async fn finish_delivery(&self, id: Id, attempt: Attempt) -> StoreResult<()> {
        self.write(async |tx| webhooks::finish(tx, id, &attempt).await)
            .await
    }

    async fn claim_mail(
        &self,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: usize,
    ) -> StoreResult<Vec<DueMail>> {
        self.write(async |tx| {
            mail::claim(tx, now.timestamp(), lease_until.timestamp(), limit).await
        })
        .await
    }

    async fn finish_mail(&self, id: Id, attempt: Attempt) -> StoreResult<()> {
        self.write(async |tx| mail::finish(tx, id, &attempt).await)
            .await
    }

    async fn forget_deliveries(&self, before: DateTime<Utc>) -> StoreResult<u64> {
        self.write(async |tx| {
            let before = before.timestamp();
            Ok(webhooks::forget(tx, before).await? + mail::forget(tx, before).await?)
        })
        .await
    }

    async fn expiring_tokens(
        &self,
        from: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> StoreResult<Vec<ExpiringToken>> {
        notices::expiring(
            &mut *self.connection().await?,
            from.timestamp(),
            until.timestamp(),
        )
        .await
    }

    async fn record_expiry_notice(
        &self,
        id: Id,
        notice: &str,
        audit: AuditRecord,
    ) -> StoreResult<bool> {
        self.write(async |tx| notices::record(tx, id, notice, &audit).await)
            .await
    }

    async fn append_audits(&self, audits: Vec<AuditRecord>) -> StoreResult<()> {
        // A statement per chunk of rows, not per row: a batch costs a few
        // round trips and one commit.
        let mut connection = self.connection().await?;
        let mut tx = connection.begin().await?;
        for chunk in audits.chunks(MAX_AUDITS_PER_INSERT) {
            insert_audit_rows(&mut tx, chunk).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn append_audits_claiming(
        &self,
        entries: Vec<ClaimingAudit>,
        now: DateTime<Utc>,
    ) -> StoreResult<Vec<bool>> {
        let mut connection = self.connection().await?;
        let mut tx = connection.begin().await?;
        let fresh = trust::take_id_tokens(&mut tx, &entries, now.timestamp()).await?;
        let audits: Vec<AuditRecord> = entries
            .into_iter()
            .zip(&fresh)
            .filter(|(_, fresh)| **fresh)
            .map(|(entry, _)| entry.audit)
            .collect();
        for chunk in audits.chunks(MAX_AUDITS_PER_INSERT) {
            insert_audit_rows(&mut tx, chunk).await?;
        }
        tx.commit().await?;
        Ok(fresh)
    }

    async fn audit_entries(&self, filter: &AuditFilter) -> StoreResult<Vec<AuditEntry>> {
        let query = audit_query(QueryBuilder::new(AUDIT_COLUMNS), filter);
        query_all(&mut *self.connection().await?, query, audit_from_row).await
    }

    async fn prune_audit(&self, before: DateTime<Utc>, audit: PruneAudit) -> StoreResult<u64> {
        self.write(async |tx| {
            let removed = sqlx::query("DELETE FROM audit WHERE at < $1")
                .bind(before.timestamp())
                .execute(&mut *tx)
                .await?
                .rows_affected();
            insert_audit(tx, &audit(removed)).await?;
            Ok(removed)
        })
        .await
    }

    /// The plan with sequential scans off: on the small tables of a test
    /// PostgreSQL would rightly read the whole table, so what is checked
    /// is that an index *can* answer the query.
    async fn query_plan(&self, list: ListQuery<'_>, now: DateTime<Utc>) -> StoreResult<String> {
        let explain = || {
            QueryBuilder::new(format!(
                "EXPLAIN {}",
                match list {
                    ListQuery::Tokens(_) => TOKEN_COLUMNS,
                    ListQuery::Audit(_) => AUDIT_COLUMNS,
                }
            ))
        };
        let mut query = match list {
            ListQuery::Tokens(filter) => tokens_query(explain(), filter, now.timestamp()),
            ListQuery::Audit(filter) => audit_query(explain(), filter),
        };
        let mut connection = self.connection().await?;
        let mut tx = connection.begin().await?;
        sqlx::query("SET LOCAL enable_seqscan = off")
            .execute(&mut *tx)
            .await?;
        let steps: Vec<String> = query.build_query_scalar().fetch_all(&mut *tx).await?;
        tx.rollback().await?;
        Ok(steps.join("\n"))
    }

    async fn schema_versions(&self) -> StoreResult<SchemaVersions> {
        Ok(SchemaVersions {
            found: self.schema_version().await?,
            known: i64::try_from(MIGRATIONS.len()).unwrap_or(i64::MAX),
        })
    }

    fn pool_waits(&self) -> PoolWaits {
        self.waits.read()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_locations_never_show_a_password() {
        let options = PgConnectOptions::from_str(
            "postgres://app:s3cret@db.example:6543/tokens?password=other&sslmode=disable",
        )
        .expect("valid URL");
        let shown = describe(&options);
        assert_eq!(shown, "postgres://app@db.example:6543/tokens");

        let error = PgConnectOptions::from_str("postgres://app:s3cret@db.example:bad/tokens")
            .expect_err("bad port");
        assert!(!error.to_string().contains("s3cret"), "{error}");
    }
}
