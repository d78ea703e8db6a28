//! Persistence behind one trait, so the service runs unchanged on every store.
//!
//! A store keeps users, roles, tokens (hash of the secret only) and the audit
//! log. Every method that changes state takes the audit record to write and
//! writes it in the same transaction: a change without its audit entry, or an
//! entry without its change, cannot happen.

mod change;
mod pool_waits;
pub mod postgres;
mod rows;
pub mod sqlite;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use thiserror::Error;

use crate::lockout::Admission;
use crate::model::{
    AuditEntry, Delivery, EventKind, Id, Permissions, Role, Session, Status, Token, TokenKind,
    TrustPolicy, User, Webhook,
};
use crate::secret::SecretHash;

pub use change::{ChangeProbe, ChangeSignal, local_trust};
pub use pool_waits::{PoolWaitCounter, PoolWaits};

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
    /// The store cannot take writes (a full disk); reads still work.
    #[error("{0}")]
    Full(String),
    /// The store may only be read here (a read-only file or file system).
    #[error("{0}")]
    ReadOnly(String),
    #[error("{0}")]
    Database(String),
    /// A login another one overtook: its second factor or one-time
    /// password was used first. Rolls the login's transaction back; the
    /// stores answer it as `false` from [`Store::login_succeeded`].
    #[error("another login used the same credential first")]
    LoginOvertaken,
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
    /// The token that made the request, when one did.
    pub via_token: Option<crate::model::ViaToken>,
    /// The message this change sends to the webhooks that hear of it,
    /// written to their outbox in the same transaction.
    pub event: Option<Event>,
}

impl AuditRecord {
    /// Names the token the entry is about, once the store has given it an
    /// id (a new token's): in the entry, and in its event's `data.token`.
    pub fn stamp_token_id(&mut self, id: Id) {
        self.token_id = Some(id);
        if let Some(slot) = self
            .event
            .as_mut()
            .and_then(|event| event.payload.pointer_mut("/data/token/id"))
        {
            *slot = id.into();
        }
    }
}

/// A message for every webhook subscribed to its kind (or for one only).
#[derive(Debug, Clone)]
pub struct Event {
    pub kind: EventKind,
    /// The `webhook-id` every attempt to send it carries.
    pub message_id: String,
    /// The JSON body (sent and signed as serialized when it is written).
    /// Never a secret.
    pub payload: serde_json::Value,
    /// Only to this webhook (`webhook test`); otherwise to each subscriber.
    pub only_webhook: Option<Id>,
    /// The mail the event sends its token's owner, if it sends one.
    pub mail: Option<Mail>,
}

/// A mail to a user, written to the mail outbox with the change it reports
/// and addressed to the email the user has then; none when they have none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    pub to_user: String,
    pub subject: String,
    /// Plain text. Never a secret.
    pub body: String,
}

/// What every outbox row leased to a sender says of itself: which row,
/// which message (the same on every attempt), how often it was tried.
#[derive(Debug, Clone)]
pub struct Lease {
    pub id: Id,
    /// The `webhook-id`, or the mail's `Message-ID`.
    pub message_id: String,
    /// Attempts made before this one.
    pub attempts: i64,
    /// When its event was written (a day later it is given up).
    pub created_at: DateTime<Utc>,
}

/// A mail leased to this process to send now.
#[derive(Debug, Clone)]
pub struct DueMail {
    pub lease: Lease,
    pub recipient: String,
    pub subject: String,
    pub body: String,
}

/// A webhook to add: its signing secret already sealed.
#[derive(Debug, Clone)]
pub struct NewWebhook {
    pub url: String,
    pub events: Vec<EventKind>,
    pub sealed_secret: String,
    pub description: String,
    pub created_by_id: Id,
    pub created_at: DateTime<Utc>,
}

/// A message leased to this process to send now.
#[derive(Debug, Clone)]
pub struct DueDelivery {
    pub lease: Lease,
    pub payload: String,
    pub url: String,
    pub sealed_secret: String,
}

/// How one attempt to send a message went.
#[derive(Debug, Clone)]
pub struct Attempt {
    pub at: DateTime<Utc>,
    pub delivered: bool,
    pub status: Option<u16>,
    pub error: String,
    /// When to try again; `None`: done (delivered, or given up).
    pub next_attempt_at: Option<DateTime<Utc>>,
}

/// A token whose expiry is near, and the notices already sent about it.
#[derive(Debug, Clone)]
pub struct ExpiringToken {
    pub token: Token,
    pub notices_sent: Vec<String>,
}

/// Which deliveries to list, in ID order.
#[derive(Debug, Clone, Default)]
pub struct DeliveryFilter {
    pub webhook_id: Option<Id>,
    /// Only the messages with this `webhook-id`.
    pub message_id: Option<String>,
    /// Only those not delivered whose last attempt failed.
    pub failed: bool,
    pub rows: Rows,
}

/// An ID token to take once, until it expires: its issuer and `jti`.
#[derive(Debug, Clone)]
pub struct IdTokenUse {
    pub issuer: String,
    pub jti: String,
    pub expires_at: DateTime<Utc>,
}

/// An audit entry, and the ID token whose exchange it records, if any.
#[derive(Debug, Clone)]
pub struct ClaimingAudit {
    pub audit: AuditRecord,
    pub claim: Option<IdTokenUse>,
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
    pub max_idle_seconds: Option<i64>,
    pub allowed_ips: Vec<crate::network::AddressRange>,
    /// The token policy's most active tokens per user: the insert is
    /// refused (`Conflict`) when the owner already holds that many, counted
    /// in the same transaction, so concurrent creates can't overshoot.
    pub max_active: Option<u32>,
}

/// The token policy as the store keeps it: a JSON document, and the
/// revision every change moves (0: never set).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredPolicy {
    pub document: String,
    pub revision: i64,
}

/// The refusal of an insert over [`NewToken::max_active`].
pub fn too_many_active(max: u32) -> StoreError {
    StoreError::Conflict(format!(
        "the owner already has {max} active tokens, the most the token policy allows: revoke one first"
    ))
}

/// The refusal of a policy write that another change overtook.
pub fn policy_overtaken() -> StoreError {
    StoreError::Conflict("the token policy changed meanwhile".to_owned())
}

/// A regenerated secret, and how long the one it replaces keeps working.
#[derive(Debug, Clone)]
pub struct SecretChange {
    pub secret_hash: SecretHash,
    pub hint: String,
    pub previous_valid_until: Option<DateTime<Utc>>,
    /// The token's expiry from now on (`regenerate --expires`; otherwise
    /// the one it had). When it moves, the expiry notices already sent
    /// are forgotten, so the new date gets its own.
    pub expires_at: Option<DateTime<Utc>>,
}

/// A token's use, as `verify` records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastUse {
    pub at: DateTime<Utc>,
    /// The client's address, or the source that names it (`cli@host`).
    pub from: String,
    /// The client's `User-Agent`, made printable and cut short.
    pub agent: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct TokenFilter {
    pub owner: Option<String>,
    pub kind: Option<TokenKind>,
    /// `None` lists every status.
    pub status: Option<Status>,
    /// Only tokens that expire at or before this instant (and haven't yet).
    pub expiring_before: Option<DateTime<Utc>>,
    /// Only tokens used at or after this instant.
    pub used_since: Option<DateTime<Utc>>,
    /// Only tokens not used since this instant (nor made since: a token
    /// made yesterday has not been unused for 90 days).
    pub unused_since: Option<DateTime<Utc>>,
    pub rows: Rows,
}

#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub token_id: Option<Id>,
    /// Entries at or after this instant.
    pub since: Option<DateTime<Utc>>,
    /// Entries before this instant.
    pub until: Option<DateTime<Utc>>,
    pub actor: Option<String>,
    pub action: Option<String>,
    pub rows: Rows,
}

/// The entry an audit prune writes, made of how many entries it removed.
pub type PruneAudit = Box<dyn FnOnce(u64) -> AuditRecord + Send>;

/// A list query, for [`Store::query_plan`].
#[derive(Debug, Clone, Copy)]
pub enum ListQuery<'a> {
    Tokens(&'a TokenFilter),
    Audit(&'a AuditFilter),
}

/// Which accounts to list.
#[derive(Debug, Clone, Default)]
pub struct UserFilter {
    /// Removed accounts too.
    pub removed: bool,
    pub rows: Rows,
}

impl UserFilter {
    /// Every account there ever was, removed ones too.
    pub fn all() -> UserFilter {
        UserFilter {
            removed: true,
            rows: Rows::default(),
        }
    }
}

/// Which rows of a list, in ID order: those after an ID, at most so many.
/// The default is all of them (what the service's own walks want).
#[derive(Debug, Clone, Copy, Default)]
pub struct Rows {
    pub after: Option<Id>,
    pub limit: Option<usize>,
}

impl Rows {
    /// The rows a page request asks for, and one more: the page then knows
    /// whether another follows ([`crate::paging::Page::of`]).
    pub fn for_page(page: &crate::paging::PageRequest) -> crate::error::Result<(Rows, usize)> {
        let limit = page.limit()?;
        let rows = Rows {
            after: page.after_id()?,
            limit: Some(limit + 1),
        };
        Ok((rows, limit))
    }
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

/// The session a successful login opens, recorded with it.
#[derive(Debug, Clone)]
pub struct NewSession {
    /// The `jti` of the session's JWT.
    pub jti: String,
    pub expires_at: DateTime<Utc>,
    pub user_agent: String,
}

/// An account to add.
#[derive(Debug, Clone)]
pub struct NewUser<'a> {
    pub name: &'a str,
    pub role: &'a str,
    pub email: Option<&'a str>,
    pub password: Option<StoredPassword>,
}

/// A password as the store keeps it.
#[derive(Debug, Clone)]
pub struct StoredPassword {
    /// argon2id PHC string.
    pub hash: String,
    /// Set by someone else: the login that uses it must replace it.
    pub one_time: bool,
}

/// The second factor a login (or a proof of it) uses up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SecondFactorUse {
    /// The TOTP time step of the accepted code: only a later one is
    /// accepted next time.
    TotpStep(i64),
    /// The SHA-256 of an unused recovery code of the account.
    RecoveryCode(String),
}

/// What a successful login changes besides forgetting its failures.
#[derive(Debug, Clone, Default)]
pub struct LoginRecord {
    /// Accepted only while still unused (checked atomically, so two
    /// replicas can't both accept it).
    pub second_factor: Option<SecondFactorUse>,
    /// The session it opens; recorded, and the account's last login set.
    pub session: Option<NewSession>,
    /// The hash of the password chosen to replace a one-time one: stored
    /// only while the one-time one is still in place, so it serves one login.
    pub new_password_hash: Option<String>,
}

/// What removing a user ended with them.
#[derive(Debug, Clone)]
pub struct Removal {
    pub user: User,
    pub tokens_revoked: u64,
    pub sessions_ended: u64,
}

/// What removing a role moved to the role it named.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RoleRemoval {
    pub users_moved: u64,
    pub tokens_moved: u64,
}

/// Whether holders of a role going from `before` to `after` lose
/// `users:manage`: then the change must leave someone else who has it.
fn loses_user_management(before: &Permissions, after: &Permissions) -> bool {
    use crate::model::Permission::UsersManage;
    before.contains(&UsersManage) && !after.contains(&UsersManage)
}

/// The refusal of a role change that would leave nobody active able to
/// manage users (checked in the change's own transaction).
fn nobody_would_manage_users() -> StoreError {
    StoreError::Conflict(
        "after this change no active account could manage users: give another account users:manage first"
            .to_owned(),
    )
}

/// The refusal of a trust policy under a name another one has.
fn trust_name_taken(name: &str) -> StoreError {
    StoreError::Conflict(format!(
        "a trust policy named '{name}' already exists; remove it first or choose another name"
    ))
}

/// Why a role edit changed nothing: it was edited or removed meanwhile.
fn role_changed_meanwhile(name: &str) -> StoreError {
    StoreError::Conflict(format!(
        "role '{name}' was changed or removed meanwhile: look at it again and retry"
    ))
}

/// The refusal of removing a role that is still held.
fn role_still_held(name: &str, users: i64, tokens: i64) -> StoreError {
    StoreError::Conflict(format!(
        "role '{name}' is still held by {users} user(s) and {tokens} token(s): name a role to move them to (--reassign)"
    ))
}

/// Why a removal changed nothing: the user was removed, or moved to
/// another role, after the decision was made.
fn removed_meanwhile(name: &str) -> StoreError {
    StoreError::Conflict(format!(
        "user '{name}' was removed or changed meanwhile, or is the last account that can manage users"
    ))
}

/// How long a session's row stays after it expired: long enough for
/// `session list` to have shown it, short enough that the table stays small.
pub const SESSION_ROWS_KEPT: chrono::Duration = chrono::Duration::days(1);

/// What a login checks about an account, and what it updates.
#[derive(Debug, Clone)]
pub struct Credentials {
    pub user: User,
    /// argon2id PHC string; `None` until a password is set.
    pub password_hash: Option<String>,
    /// Unused recovery codes.
    pub recovery_codes_left: i64,
    /// Base32 TOTP secret once 2FA is confirmed.
    pub totp_secret: Option<String>,
    /// Base32 TOTP secret handed out but not yet confirmed with a code.
    pub totp_pending_secret: Option<String>,
    /// Last TOTP step accepted: a code for it or an earlier one is refused.
    pub totp_last_step: Option<i64>,
}

#[async_trait]
pub trait Store: Send + Sync {
    async fn user(&self, name: &str) -> StoreResult<Option<User>>;
    async fn users(&self, filter: &UserFilter) -> StoreResult<Vec<User>>;
    async fn insert_user(&self, user: NewUser<'_>, audit: AuditRecord) -> StoreResult<User>;
    /// Sets or clears `disabled_at` of the user, if their role is still
    /// `role` (the one the decision was made on; `Conflict` otherwise).
    /// Disabling also moves their session epoch on: every session ends (and
    /// is recorded as revoked).
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

    /// Replaces the user's password, if their role is still `role`
    /// (`Conflict` otherwise), and moves their session epoch on: every
    /// session of theirs ends (and is recorded as revoked). `NotFound` when there is no such user.
    async fn set_password(
        &self,
        name: &str,
        role: &str,
        password: StoredPassword,
        audit: AuditRecord,
    ) -> StoreResult<User>;
    /// Sets or clears the user's email address.
    async fn set_email(
        &self,
        name: &str,
        email: Option<&str>,
        audit: AuditRecord,
    ) -> StoreResult<User>;
    /// Removes the user if their role is still `role` (`Conflict`
    /// otherwise): disabled and marked removed, every token of theirs
    /// revoked and every session ended, in one transaction. The row stays.
    async fn remove_user(&self, name: &str, role: &str, audit: AuditRecord)
    -> StoreResult<Removal>;

    async fn credentials(&self, name: &str) -> StoreResult<Option<Credentials>>;
    /// Stores a TOTP secret awaiting its first code.
    async fn set_pending_totp(
        &self,
        name: &str,
        secret: &str,
        audit: AuditRecord,
    ) -> StoreResult<()>;
    /// Makes the pending secret the account's second factor, with `step` as
    /// the last accepted code, and `recovery_codes` (SHA-256 hashes) its
    /// only recovery codes. False when nothing was pending.
    async fn confirm_totp(
        &self,
        name: &str,
        step: i64,
        recovery_codes: &[String],
        audit: AuditRecord,
    ) -> StoreResult<bool>;
    /// Takes the second factor off the account: secret, pending secret and
    /// recovery codes. With `reset` (an admin's, for a lost authenticator)
    /// the next login may only enrol a new one and every session ends.
    async fn clear_totp(&self, name: &str, reset: bool, audit: AuditRecord) -> StoreResult<User>;
    /// Claims a login attempt at `name` (an account or not) from
    /// `address`: in one transaction, reads that pair's failures and the
    /// account's other recent ones, asks [`crate::lockout::admit`], and when
    /// allowed stores the attempt as failed in advance. Also forgets
    /// failures older than [`crate::lockout::FORGET_AFTER`].
    async fn claim_login_attempt(
        &self,
        name: &str,
        address: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Admission>;
    /// Records a successful login from `address`: its failures cleared and
    /// what `login` says changed (see [`LoginRecord`]); a session is
    /// recorded as opened at `audit.at` (rows [`SESSION_ROWS_KEPT`] past
    /// their expiry go). False, and nothing changed, when the second factor
    /// was already used or the one-time password already replaced.
    async fn login_succeeded(
        &self,
        name: &str,
        address: &str,
        login: LoginRecord,
        audit: AuditRecord,
    ) -> StoreResult<bool>;
    /// Forgets every address's failures on `name` (an admin's unlock), with
    /// its audit entry; how many addresses had any.
    async fn clear_login_failures(&self, name: &str, audit: AuditRecord) -> StoreResult<u64>;

    /// The session whose JWT has this `jti`, whatever its state.
    async fn session(&self, jti: &str) -> StoreResult<Option<Session>>;
    /// The sessions active at `now` (neither revoked nor expired), of
    /// `user` or of everyone, oldest first.
    async fn sessions(&self, user: Option<&str>, now: DateTime<Utc>) -> StoreResult<Vec<Session>>;
    /// Revokes `user`'s sessions active at `audit.at` — only the one with id
    /// `only`, or all of them — writing the audit entry when any ended; how
    /// many did. Every process stops accepting them (see
    /// [`Store::await_changes_heard`]).
    async fn revoke_sessions(
        &self,
        user: &str,
        only: Option<Id>,
        audit: AuditRecord,
    ) -> StoreResult<u64>;
    /// Records a session's use, only when the stored value is older than
    /// `stale_before` (like [`Store::touch_last_used`]).
    async fn touch_session(
        &self,
        id: Id,
        now: DateTime<Utc>,
        stale_before: DateTime<Utc>,
    ) -> StoreResult<()>;

    async fn role(&self, name: &str) -> StoreResult<Option<Role>>;
    async fn roles(&self) -> StoreResult<Vec<Role>>;
    async fn insert_role(&self, role: &Role, audit: AuditRecord) -> StoreResult<()>;
    /// Gives the custom role `role.name` `role`'s permissions and
    /// description, if its permissions are still `expected` (the ones the
    /// decision was made on; `Conflict` otherwise). Refuses (`Conflict`) a
    /// change that leaves no active account able to manage users.
    async fn update_role(
        &self,
        role: &Role,
        expected: &Permissions,
        audit: AuditRecord,
    ) -> StoreResult<()>;
    /// Removes the role. With `reassign`, its users and the tokens naming
    /// it move to that role first (refused, `Conflict`, when that leaves no
    /// active account able to manage users); without, refuses (`Conflict`)
    /// while any user or token, even a revoked one, has the role: tokens
    /// keep naming their role for the audit trail.
    async fn delete_role(
        &self,
        name: &str,
        reassign: Option<&str>,
        audit: AuditRecord,
    ) -> StoreResult<RoleRemoval>;

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
    /// Makes `signal` hear of every credential change any process makes in
    /// this store (a revoked or regenerated token, a disabled user, a changed
    /// role) before a cache serves an answer it makes wrong: a probe asked on
    /// every hit, or a listener with a lease (see [`ChangeSignal`]). May
    /// start background work for as long as the process runs; needs a Tokio
    /// runtime.
    async fn watch_changes(&self, signal: std::sync::Arc<ChangeSignal>) -> StoreResult<()>;
    /// Returns once every process that caches answers from this store has
    /// heard of the credential changes committed so far (or can no longer
    /// serve from memory). Called after every credential change, before
    /// success is reported: what makes a revocation final when it returns.
    async fn await_changes_heard(&self) {}
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
        used: LastUse,
        stale_before: DateTime<Utc>,
    ) -> StoreResult<()>;

    /// Writes the entries in one transaction: all of them or none.
    /// The token policy, if one was ever set.
    async fn token_policy(&self) -> StoreResult<Option<StoredPolicy>>;
    /// Writes the token policy over the one at `revision` (0: none yet),
    /// with its audit entry, and returns the new revision;
    /// [`policy_overtaken`] when another change came first.
    async fn replace_token_policy(
        &self,
        revision: i64,
        document: String,
        at: DateTime<Utc>,
        audit: AuditRecord,
    ) -> StoreResult<i64>;
    /// Trust policies by name; with `issuer`, only those naming it.
    async fn trust_policies(&self, issuer: Option<&str>) -> StoreResult<Vec<TrustPolicy>>;
    async fn trust_policy(&self, name: &str) -> StoreResult<Option<TrustPolicy>>;
    /// `Conflict` when the name is taken; `NotFound` when the owner or the
    /// creator is not a current user.
    async fn insert_trust_policy(
        &self,
        policy: &TrustPolicy,
        audit: AuditRecord,
    ) -> StoreResult<()>;
    /// `NotFound` when there is no policy of that name.
    async fn delete_trust_policy(&self, name: &str, audit: AuditRecord) -> StoreResult<()>;
    async fn webhooks(&self) -> StoreResult<Vec<Webhook>>;
    async fn webhook(&self, id: Id) -> StoreResult<Option<Webhook>>;
    /// `NotFound` when the creator is not a current user.
    async fn insert_webhook(&self, webhook: NewWebhook, audit: AuditRecord)
    -> StoreResult<Webhook>;
    /// Removes the webhook and every message to it, sent or not;
    /// `NotFound` when there is no such webhook.
    async fn delete_webhook(&self, id: Id, audit: AuditRecord) -> StoreResult<Webhook>;
    async fn deliveries(&self, filter: &DeliveryFilter) -> StoreResult<Vec<Delivery>>;
    /// Leases at most `limit` messages due at `now` to this process until
    /// `lease_until`, oldest first: no other process sharing the store
    /// takes them meanwhile, so each is sent once under normal operation.
    /// A lease that ran out (its process died) frees the message again.
    async fn claim_deliveries(
        &self,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: usize,
    ) -> StoreResult<Vec<DueDelivery>>;
    /// Records an attempt and ends the message's lease.
    async fn finish_delivery(&self, id: Id, attempt: Attempt) -> StoreResult<()>;
    /// Leases the mails due at `now` to this process until `lease_until`,
    /// as [`Store::claim_deliveries`] does webhook messages.
    async fn claim_mail(
        &self,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: usize,
    ) -> StoreResult<Vec<DueMail>>;
    /// Records an attempt to send a mail and ends its lease.
    async fn finish_mail(&self, id: Id, attempt: Attempt) -> StoreResult<()>;
    /// Forgets the messages and mails done (delivered or given up) whose
    /// event is older than `before`; how many.
    async fn forget_deliveries(&self, before: DateTime<Utc>) -> StoreResult<u64>;

    /// The tokens not revoked that expire at or after `from` and before
    /// `until`, in ID order, each with the expiry notices already recorded
    /// for it (see [`Store::record_expiry_notice`]).
    async fn expiring_tokens(
        &self,
        from: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> StoreResult<Vec<ExpiringToken>>;
    /// Records that `notice` went out about token `id`, writing `audit` (and
    /// its event) in the same transaction — the first time only: false,
    /// and nothing written, when any process sharing the store recorded it
    /// before.
    async fn record_expiry_notice(
        &self,
        id: Id,
        notice: &str,
        audit: AuditRecord,
    ) -> StoreResult<bool>;

    async fn append_audits(&self, audits: Vec<AuditRecord>) -> StoreResult<()>;
    /// Writes the entries in one transaction, as [`Store::append_audits`];
    /// an entry that names an ID token takes it first: each (issuer, `jti`)
    /// is taken once until it expires, on every replica sharing the store,
    /// so a token copied out of a job cannot be exchanged again. One whose
    /// ID token was taken before (here, on another replica, or earlier in
    /// this batch) is not written, and is false in the answer, which is in
    /// entry order. ID tokens expired before `now` are forgotten.
    async fn append_audits_claiming(
        &self,
        entries: Vec<ClaimingAudit>,
        now: DateTime<Utc>,
    ) -> StoreResult<Vec<bool>>;
    async fn append_audit(&self, audit: AuditRecord) -> StoreResult<()> {
        self.append_audits(vec![audit]).await
    }
    async fn audit_entries(&self, filter: &AuditFilter) -> StoreResult<Vec<AuditEntry>>;
    /// Deletes every audit entry from before `before`, and writes the entry
    /// `audit` makes of how many went, in the same transaction: the log
    /// never loses entries without saying so. How many went.
    async fn prune_audit(&self, before: DateTime<Utc>, audit: PruneAudit) -> StoreResult<u64>;
    /// How the store would answer a list query, one step per line (its
    /// `EXPLAIN`): the contract tests check that every filter is answered
    /// from an index, whatever the size of the table.
    async fn query_plan(&self, list: ListQuery<'_>, now: DateTime<Utc>) -> StoreResult<String>;

    /// The schema version the store holds, read from it (so also whether
    /// it answers at all), and the one this build migrates to: equal once
    /// opened, unless a newer replica has since moved the store on.
    async fn schema_versions(&self) -> StoreResult<SchemaVersions>;
    /// How often operations have waited for a free connection.
    fn pool_waits(&self) -> PoolWaits;
}

/// See [`Store::schema_versions`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SchemaVersions {
    pub found: i64,
    pub known: i64,
}
