//! Persistence behind one trait, so the service runs unchanged on every store.
//!
//! A store keeps users, roles, tokens (hash of the secret only) and the audit
//! log. Every method that changes state takes the audit record to write and
//! writes it in the same transaction: a change without its audit entry, or an
//! entry without its change, cannot happen.

pub mod postgres;
mod rows;
pub mod sqlite;

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use thiserror::Error;

use crate::model::{AuditEntry, Id, Permissions, Role, Status, Token, TokenKind, User};
use crate::secret::SecretHash;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    NotFound(String),
    #[error("store schema version {found} is newer than this build knows ({known})")]
    NewerSchema { found: i64, known: i64 },
    #[error("cannot open the store at {path}: {reason}")]
    Open { path: String, reason: String },
    #[error("{0}")]
    Database(String),
}

pub type StoreResult<T> = Result<T, StoreError>;

/// Opens the store a server's `--database` names: `sqlite:PATH`, or a
/// `postgres://` / `postgresql://` URL. No first admin is created here: a
/// server's first admin comes from `--init-admin`, with a password.
pub async fn open(database: &str) -> StoreResult<std::sync::Arc<dyn Store>> {
    if let Some(path) = database.strip_prefix("sqlite:") {
        let opened = sqlite::SqliteStore::open(std::path::Path::new(path), None).await?;
        return Ok(std::sync::Arc::new(opened.store));
    }
    if database.starts_with("postgres://") || database.starts_with("postgresql://") {
        let opened = postgres::PgStore::connect(database, None).await?;
        return Ok(std::sync::Arc::new(opened.store));
    }
    Err(StoreError::Open {
        path: "--database".to_owned(),
        reason: "expected sqlite:PATH or a postgres:// URL".to_owned(),
    })
}

/// A new row for the audit log; the store stamps the token id when it
/// creates the token itself.
#[derive(Debug, Clone)]
pub struct AuditRecord {
    pub at: DateTime<Utc>,
    pub actor: String,
    pub action: &'static str,
    pub token_id: Option<Id>,
    pub detail: String,
    pub source: String,
}

#[derive(Debug, Clone)]
pub struct NewToken {
    pub name: String,
    pub kind: TokenKind,
    pub role: String,
    pub permissions: Permissions,
    pub stripped_permissions: Permissions,
    pub description: String,
    pub owner_id: Id,
    pub created_by_id: Id,
    pub secret_hash: SecretHash,
    pub hint: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: Option<DateTime<Utc>>,
}

/// A regenerated secret, and how long the one it replaces keeps working.
#[derive(Debug, Clone)]
pub struct SecretChange {
    pub secret_hash: SecretHash,
    pub hint: String,
    pub previous_valid_until: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Default)]
pub struct TokenFilter {
    pub owner: Option<String>,
    pub kind: Option<TokenKind>,
    /// `None` lists every status.
    pub status: Option<Status>,
    /// Only tokens that expire at or before this instant (and haven't yet).
    pub expiring_before: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub token_id: Option<Id>,
    pub since: Option<DateTime<Utc>>,
    pub actor: Option<String>,
}

/// A token found by its secret. The owner's state comes in the same query:
/// `verify` is the server's hot path and must not need a second one.
#[derive(Debug, Clone)]
pub struct SecretMatch {
    pub token: Token,
    pub owner_disabled: bool,
    /// While a regenerated token's grace period runs, until when its old
    /// secret works. A cache must not keep a match past this instant: it may
    /// have been made with the old secret.
    pub previous_valid_until: Option<DateTime<Utc>>,
}

/// How a store tells a cache of secret lookups that credentials may have
/// changed: a revoked or regenerated token, a disabled user — done by this
/// process or by another one on the same database.
///
/// The generation moves on every such change; an entry cached under an older
/// generation is dead. While the watch is down (a lost PostgreSQL connection)
/// nothing may be trusted, because changes could go unseen.
#[derive(Debug, Default)]
pub struct ChangeSignal {
    generation: AtomicU64,
    watching: AtomicBool,
}

impl ChangeSignal {
    pub fn changed(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
    }

    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }

    /// The watch is (again) running; what happened before is unknown, so
    /// this also counts as a change.
    pub fn watching(&self) {
        self.changed();
        self.watching.store(true, Ordering::SeqCst);
    }

    /// The watch is down: changes may go unseen until [`ChangeSignal::watching`].
    pub fn lost(&self) {
        self.watching.store(false, Ordering::SeqCst);
        self.changed();
    }

    pub fn is_watching(&self) -> bool {
        self.watching.load(Ordering::SeqCst)
    }
}

/// What a login checks about an account, and what it updates.
#[derive(Debug, Clone)]
pub struct Credentials {
    pub user: User,
    /// argon2id PHC string; `None` until a password is set.
    pub password_hash: Option<String>,
    /// Base32 TOTP secret once 2FA is confirmed.
    pub totp_secret: Option<String>,
    /// Base32 TOTP secret handed out but not yet confirmed with a code.
    pub totp_pending_secret: Option<String>,
    /// Last TOTP step accepted: a code for it or an earlier one is refused.
    pub totp_last_step: Option<i64>,
    pub failed_logins: i64,
    pub locked_until: Option<DateTime<Utc>>,
}

#[async_trait]
pub trait Store: Send + Sync {
    async fn user(&self, name: &str) -> StoreResult<Option<User>>;
    async fn users(&self) -> StoreResult<Vec<User>>;
    async fn insert_user(
        &self,
        name: &str,
        role: &str,
        password_hash: Option<&str>,
        audit: AuditRecord,
    ) -> StoreResult<User>;
    /// Sets or clears `disabled_at` of the user, if their role is still
    /// `role` (the one the decision was made on; `Conflict` otherwise).
    /// Disabling also moves their session epoch on: every session ends.
    /// `NotFound` when there is no such user.
    async fn set_user_disabled(
        &self,
        name: &str,
        role: &str,
        disabled_at: Option<DateTime<Utc>>,
        audit: AuditRecord,
    ) -> StoreResult<User>;
    /// Moves the user from role `from` to role `to`; `Conflict` when their
    /// role is no longer `from`, or `to` no longer exists.
    async fn set_user_role(
        &self,
        name: &str,
        from: &str,
        to: &str,
        audit: AuditRecord,
    ) -> StoreResult<User>;

    async fn credentials(&self, name: &str) -> StoreResult<Option<Credentials>>;
    /// Stores a TOTP secret awaiting its first code.
    async fn set_pending_totp(
        &self,
        name: &str,
        secret: &str,
        audit: AuditRecord,
    ) -> StoreResult<()>;
    /// Makes the pending secret the account's second factor, with `step` as
    /// the last accepted code. False when nothing was pending.
    async fn confirm_totp(&self, name: &str, step: i64, audit: AuditRecord) -> StoreResult<bool>;
    /// Counts a failed login and writes its audit entry; returns the number
    /// of failures in a row (0 when the account does not exist).
    async fn login_failed(&self, name: &str, audit: AuditRecord) -> StoreResult<i64>;
    async fn lock_user(&self, name: &str, until: DateTime<Utc>) -> StoreResult<()>;
    /// Records a successful login: failures reset, and `totp_step` accepted
    /// only if it is newer than the last one — false means the code was
    /// already used (checked atomically, so two replicas can't both accept it).
    async fn login_succeeded(
        &self,
        name: &str,
        totp_step: Option<i64>,
        audit: AuditRecord,
    ) -> StoreResult<bool>;

    async fn role(&self, name: &str) -> StoreResult<Option<Role>>;
    async fn roles(&self) -> StoreResult<Vec<Role>>;
    async fn insert_role(&self, role: &Role, audit: AuditRecord) -> StoreResult<()>;
    /// Refuses (`Conflict`) while any user or token, even a revoked one, has
    /// the role: tokens keep naming their role for the audit trail.
    async fn delete_role(&self, name: &str, audit: AuditRecord) -> StoreResult<()>;

    /// Refuses (`Conflict`) when the owner already has an active token of that name.
    async fn insert_token(&self, token: NewToken, audit: AuditRecord) -> StoreResult<Token>;
    async fn token(&self, id: Id) -> StoreResult<Option<Token>>;
    async fn tokens_named(&self, name: &str) -> StoreResult<Vec<Token>>;
    /// The token whose current secret — or previous secret, still inside its
    /// grace period at `now` — has this hash.
    async fn token_by_secret(
        &self,
        hash: &SecretHash,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<SecretMatch>>;
    async fn tokens(&self, filter: &TokenFilter, now: DateTime<Utc>) -> StoreResult<Vec<Token>>;
    /// Starts a background task (for as long as the process runs) that calls
    /// [`ChangeSignal::changed`] whenever any process revokes or regenerates
    /// a token or disables a user in this store. Needs a Tokio runtime.
    async fn watch_changes(&self, signal: std::sync::Arc<ChangeSignal>) -> StoreResult<()>;
    /// False (and no audit entry) when the token was already revoked.
    async fn revoke_token(&self, id: Id, audit: AuditRecord) -> StoreResult<bool>;
    /// Swaps the secret if the token is still active at `audit.at`; false otherwise.
    async fn replace_secret(
        &self,
        id: Id,
        change: SecretChange,
        audit: AuditRecord,
    ) -> StoreResult<bool>;
    /// Records use, but only when the stored value is older than
    /// `stale_before`: a hot loop of verifications must not write every time.
    async fn touch_last_used(
        &self,
        id: Id,
        now: DateTime<Utc>,
        stale_before: DateTime<Utc>,
    ) -> StoreResult<()>;

    /// Writes the entries in one transaction: all of them or none.
    async fn append_audits(&self, audits: Vec<AuditRecord>) -> StoreResult<()>;
    async fn append_audit(&self, audit: AuditRecord) -> StoreResult<()> {
        self.append_audits(vec![audit]).await
    }
    async fn audit_entries(&self, filter: &AuditFilter) -> StoreResult<Vec<AuditEntry>>;
}
