//! Plain data shared by the service, the stores and every face of tokenctl.
//!
//! Nothing here knows about storage, HTTP or the terminal; these types cross
//! those boundaries (serde) and carry no behaviour beyond small derivations.

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Stable numeric identifier of a token, user or audit entry.
pub type Id = i64;

/// The two kinds of token the seeds describe: a person's PAT and a service's
/// integration token. The kind picks the secret's prefix, nothing else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    Personal,
    Service,
}

impl TokenKind {
    pub const ALL: [TokenKind; 2] = [TokenKind::Personal, TokenKind::Service];

    pub fn as_str(self) -> &'static str {
        match self {
            TokenKind::Personal => "personal",
            TokenKind::Service => "service",
        }
    }
}

impl fmt::Display for TokenKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for TokenKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        TokenKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == s)
            .ok_or_else(|| format!("unknown token type '{s}' (expected personal or service)"))
    }
}

/// Where a token stands right now. Derived from its timestamps at read time,
/// never stored, so it can't go stale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Active,
    Expired,
    Revoked,
    /// Unused for longer than its `max_idle_seconds` (`create --max-idle`):
    /// it does not work until `regenerate` revives it.
    Idle,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Active,
        Status::Expired,
        Status::Revoked,
        Status::Idle,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Expired => "expired",
            Status::Revoked => "revoked",
            Status::Idle => "idle",
        }
    }
}

impl Status {
    /// A list filter: `active`, `expired`, `revoked`, or `all` (`None`).
    pub fn parse_filter(text: &str) -> Result<Option<Status>, String> {
        match text {
            "active" => Ok(Some(Status::Active)),
            "expired" => Ok(Some(Status::Expired)),
            "revoked" => Ok(Some(Status::Revoked)),
            "idle" => Ok(Some(Status::Idle)),
            "all" => Ok(None),
            other => Err(format!(
                "unknown status '{other}' (expected active, expired, revoked, idle or all)"
            )),
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One thing a token or user may do. The catalogue is closed so that a typo in
/// a role definition is an error instead of a silently useless grant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Permission {
    ApiRead,
    ApiWrite,
    FilesUpload,
    TokensRead,
    TokensManage,
    TokensReadAll,
    TokensRevokeAll,
    AuditRead,
    UsersManage,
    KeysManage,
    AuditPrune,
    TrustManage,
    WebhooksManage,
    /// A token may give itself a new secret (`regenerate --self`).
    TokensRotateSelf,
    /// Change the token policy (`tokenctl policy set`).
    PolicyManage,
}

impl Permission {
    pub const ALL: [Permission; 15] = [
        Permission::ApiRead,
        Permission::ApiWrite,
        Permission::FilesUpload,
        Permission::TokensRead,
        Permission::TokensManage,
        Permission::TokensReadAll,
        Permission::TokensRevokeAll,
        Permission::AuditRead,
        Permission::UsersManage,
        Permission::KeysManage,
        Permission::AuditPrune,
        Permission::TrustManage,
        Permission::WebhooksManage,
        Permission::TokensRotateSelf,
        Permission::PolicyManage,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Permission::ApiRead => "api:read",
            Permission::ApiWrite => "api:write",
            Permission::FilesUpload => "files:upload",
            Permission::TokensRead => "tokens:read",
            Permission::TokensManage => "tokens:manage",
            Permission::TokensReadAll => "tokens:read-all",
            Permission::TokensRevokeAll => "tokens:revoke-all",
            Permission::AuditRead => "audit:read",
            Permission::UsersManage => "users:manage",
            Permission::KeysManage => "keys:manage",
            Permission::AuditPrune => "audit:prune",
            Permission::TrustManage => "trust:manage",
            Permission::WebhooksManage => "webhooks:manage",
            Permission::TokensRotateSelf => "tokens:rotate-self",
            Permission::PolicyManage => "policy:manage",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            Permission::ApiRead => "call the product's read APIs",
            Permission::ApiWrite => "call the product's write APIs",
            Permission::FilesUpload => "upload files",
            Permission::TokensRead => "see your own tokens",
            Permission::TokensManage => "create, regenerate and revoke your own tokens",
            Permission::TokensReadAll => "see every user's tokens",
            Permission::TokensRevokeAll => "revoke any user's token",
            Permission::AuditRead => "read the whole audit log",
            Permission::UsersManage => {
                "manage users and roles, issue tokens for others, regenerate any token"
            }
            Permission::KeysManage => {
                "list and rotate the keys that sign sessions and access tokens"
            }
            Permission::AuditPrune => "delete audit entries older than a date (retention)",
            Permission::TrustManage => {
                "add and remove the trust policies that let CI jobs exchange their ID tokens"
            }
            Permission::WebhooksManage => {
                "add and remove the webhooks that hear of token and account events"
            }
            Permission::TokensRotateSelf => {
                "let a token with it give itself a new secret (regenerate --self), no login needed"
            }
            Permission::PolicyManage => {
                "set the token policy: lifetimes, never-expiring tokens, 2FA to create, tokens per user"
            }
        }
    }
}

impl fmt::Display for Permission {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Permission {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Permission::ALL
            .into_iter()
            .find(|permission| permission.as_str() == s)
            .ok_or_else(|| {
                let known: Vec<&str> = Permission::ALL.iter().map(|p| p.as_str()).collect();
                format!("unknown permission '{s}' (known: {})", known.join(", "))
            })
    }
}

impl TryFrom<String> for Permission {
    type Error = String;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        value.parse()
    }
}

impl From<Permission> for String {
    fn from(value: Permission) -> Self {
        value.as_str().to_owned()
    }
}

/// A set of permissions, ordered so that output is stable.
pub type Permissions = BTreeSet<Permission>;

/// Renders a permission set the way it is stored: space-separated, sorted.
pub fn permissions_to_string(permissions: &Permissions) -> String {
    let names: Vec<&str> = permissions.iter().map(|p| p.as_str()).collect();
    names.join(" ")
}

/// Parses the stored form written by [`permissions_to_string`].
pub fn permissions_from_str(text: &str) -> Result<Permissions, String> {
    text.split_whitespace().map(str::parse).collect()
}

/// A named bundle of permissions. Roles are data: admins add and remove them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    pub name: String,
    pub description: String,
    pub permissions: Permissions,
    /// Built-in roles ship with every store and cannot be removed.
    pub builtin: bool,
}

/// A trust policy (`tokenctl trust add`): the CI jobs whose OpenID Connect
/// ID tokens (from `issuer`, for `audience`, with claims matching every
/// rule) may be exchanged for an access token of `owner`, scoped to
/// `permissions` (never more than the owner holds when it is used).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrustPolicy {
    pub name: String,
    pub issuer: String,
    pub audience: String,
    pub claims: Vec<ClaimRule>,
    /// The role the permissions came from, when the policy was given one.
    pub role: Option<String>,
    pub permissions: Permissions,
    /// What the role or the scopes named that the creator did not hold.
    pub stripped_permissions: Permissions,
    pub owner: String,
    /// The longest lifetime of an access token issued under this policy.
    pub max_ttl_seconds: i64,
    pub description: String,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

/// `KEY=PATTERN` of a trust policy: the ID token's claim `key` is one value
/// that `pattern` matches (`*` for any run of characters); the rules
/// themselves are `federation::trust`'s.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimRule {
    pub key: String,
    pub pattern: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub id: Id,
    pub name: String,
    pub role: String,
    pub created_at: DateTime<Utc>,
    pub disabled_at: Option<DateTime<Utc>>,
    /// Where to reach the person, as an admin recorded it.
    #[serde(default)]
    pub email: Option<String>,
    /// The password was set by someone else (`user add`, `user
    /// reset-password`): it works for one login, which must replace it.
    #[serde(default)]
    pub password_change_required: bool,
    /// A second factor (TOTP) is enrolled.
    #[serde(default)]
    pub two_factor: bool,
    /// An admin reset the second factor: the next login may only enrol a
    /// new one.
    #[serde(default)]
    pub two_factor_enrolment_required: bool,
    #[serde(default)]
    pub last_login_at: Option<DateTime<Utc>>,
    /// Removed users keep their row, so their name in the audit trail and
    /// on their (revoked) tokens still means one account.
    #[serde(default)]
    pub removed_at: Option<DateTime<Utc>>,
    /// Until when some address may not try to log in to it (too many
    /// failed logins); past, or `None`, when none is locked out.
    #[serde(default)]
    pub locked_until: Option<DateTime<Utc>>,
    /// Moves on whenever all of the user's sessions must end (a disable):
    /// a session or access token issued under an earlier value is refused,
    /// so enabling the account again does not bring old ones back. Internal
    /// to the server: the API does not show it.
    #[serde(skip)]
    pub session_epoch: i64,
}

impl User {
    /// Disabled (or removed): the account cannot act.
    pub fn is_disabled(&self) -> bool {
        self.disabled_at.is_some()
    }

    pub fn is_removed(&self) -> bool {
        self.removed_at.is_some()
    }
}

/// A login session as the store records it. The JWT the user holds names
/// it by `jti`; a session is good while it is neither revoked nor past
/// `expires_at` (and its user's session epoch has not moved on).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub id: Id,
    /// The `jti` claim of the session's JWT. Not a secret (the JWT is
    /// signed), but of no use to anyone reading a list: the API omits it.
    #[serde(skip)]
    pub jti: String,
    pub user: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    /// When it was last used, to the minute.
    pub last_seen_at: Option<DateTime<Utc>>,
    /// Where the login came from (`api@ADDRESS`).
    pub address: String,
    /// The login's `User-Agent`, cut to [`MAX_USER_AGENT_LEN`] characters.
    pub user_agent: String,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// Longest `User-Agent` a session records: enough for any real client.
pub const MAX_USER_AGENT_LEN: usize = 200;

impl Session {
    /// Usable at `now`: not revoked, not expired.
    pub fn is_active_at(&self, now: DateTime<Utc>) -> bool {
        self.revoked_at.is_none() && now < self.expires_at
    }
}

/// Everything known about a token except its secret, which is never stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub id: Id,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: TokenKind,
    pub role: String,
    /// What the token was granted when it was created: the permissions of
    /// its role that both its creator and its owner held.
    pub permissions: Permissions,
    /// The role's permissions it did not get then, because its creator or
    /// its owner lacked them.
    #[serde(default)]
    pub stripped_permissions: Permissions,
    /// What it may do now: the granted permissions its owner's role still
    /// has. Lowering a user's role lowers their tokens at once.
    #[serde(default)]
    pub effective_permissions: Permissions,
    pub description: String,
    pub owner: String,
    pub created_by: String,
    /// Non-secret reminder of the value (`tcpat_…Ab3x`), for matching leaks.
    pub hint: String,
    #[serde(with = "crate::time::rfc3339")]
    pub created_at: DateTime<Utc>,
    #[serde(default, with = "crate::time::rfc3339::option")]
    pub expires_at: Option<DateTime<Utc>>,
    #[serde(default, with = "crate::time::rfc3339::option")]
    pub revoked_at: Option<DateTime<Utc>>,
    #[serde(default, with = "crate::time::rfc3339::option")]
    pub last_used_at: Option<DateTime<Utc>>,
    /// Where it was last used from: the client's address (a server's peer),
    /// or the source a local store names (`cli@host`).
    #[serde(default)]
    pub last_used_from: Option<String>,
    /// The `User-Agent` it was last used with, made printable and cut short.
    #[serde(default)]
    pub last_used_agent: Option<String>,
    #[serde(default, with = "crate::time::rfc3339::option")]
    pub regenerated_at: Option<DateTime<Utc>>,
    /// How long it may go unused before it stops working (`create
    /// --max-idle`); `None`: as long as it likes.
    #[serde(default)]
    pub max_idle_seconds: Option<i64>,
    /// The only addresses it may be used from (`create --allow-ip`); empty:
    /// anywhere. Holds for what it is exchanged for too.
    #[serde(default)]
    pub allowed_ips: Vec<crate::network::AddressRange>,
}

impl Token {
    /// [`Token::effective_permissions`]: what was granted, within what the
    /// owner's role grants now.
    pub fn effective(granted: &Permissions, owner_now: &Permissions) -> Permissions {
        granted.intersection(owner_now).copied().collect()
    }

    /// Whether the token may do less than it was granted (its owner's role
    /// lost some of those permissions), or less than its role (some were
    /// stripped at creation).
    pub fn is_reduced(&self) -> bool {
        !self.stripped_permissions.is_empty() || self.effective_permissions != self.permissions
    }

    pub fn status_at(&self, now: DateTime<Utc>) -> Status {
        if self.revoked_at.is_some() {
            Status::Revoked
        } else if self.expires_at.is_some_and(|expiry| expiry <= now) {
            Status::Expired
        } else if self.idle_from().is_some_and(|idle| idle <= now) {
            Status::Idle
        } else {
            Status::Active
        }
    }

    /// Whether it may be used from `address`: anywhere without an
    /// allow-list; with one, only from an address it names — never from an
    /// unknown address, so a restriction is not lost where none is seen.
    pub fn allows_address(&self, address: Option<std::net::IpAddr>) -> bool {
        self.allowed_ips.is_empty()
            || address
                .is_some_and(|address| crate::network::any_contains(&self.allowed_ips, address))
    }

    /// When it goes idle, with a `max_idle_seconds`: that long after its
    /// last sign of life — its last use, its regeneration, its creation.
    /// The store's status filters say the same in SQL.
    pub fn idle_from(&self) -> Option<DateTime<Utc>> {
        let max_idle = chrono::Duration::try_seconds(self.max_idle_seconds?)?;
        let alive = [self.last_used_at, self.regenerated_at]
            .into_iter()
            .flatten()
            .fold(self.created_at, DateTime::max);
        alive.checked_add_signed(max_idle)
    }
}

/// One line of the audit trail. `detail` is free text written by the service
/// and never contains a secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: Id,
    pub at: DateTime<Utc>,
    pub actor: String,
    pub action: String,
    pub token_id: Option<Id>,
    pub detail: String,
    pub source: String,
    /// The token whose secret (or an access token made from it) made the
    /// request, when one did: what a token did is found by it, not only
    /// what was done to it (`audit --token`).
    #[serde(default)]
    pub via_token: Option<ViaToken>,
}

/// A token named as the credential behind an act: its ID, and its hint
/// at the time (the hint changes when the token is regenerated).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViaToken {
    pub id: Id,
    pub hint: String,
}

/// What a webhook hears of. Each is sent, as its own message, to every
/// webhook subscribed to it, from the transaction that made the change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum EventKind {
    TokenCreated,
    TokenRevoked,
    TokenRegenerated,
    /// Revoked because its secret was found exposed (a code host's report,
    /// `scan --revoke`); sent instead of `token.revoked`.
    TokenLeaked,
    /// Its expiry is near: at each of the server's lead times (30, 7 and 1
    /// days by default).
    TokenExpiring,
    /// It lapsed.
    TokenExpired,
    UserDisabled,
    /// A burst of failed logins: an address failed on an account often
    /// enough to be locked out (once per run of failures).
    LoginFailed,
    /// Sent by `webhook test` to the one webhook tested; nobody subscribes.
    WebhookTest,
}

impl EventKind {
    /// The events a webhook may subscribe to.
    pub const SUBSCRIBABLE: [EventKind; 8] = [
        EventKind::TokenCreated,
        EventKind::TokenRevoked,
        EventKind::TokenRegenerated,
        EventKind::TokenLeaked,
        EventKind::TokenExpiring,
        EventKind::TokenExpired,
        EventKind::UserDisabled,
        EventKind::LoginFailed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::TokenCreated => "token.created",
            EventKind::TokenRevoked => "token.revoked",
            EventKind::TokenRegenerated => "token.regenerated",
            EventKind::TokenLeaked => "token.leaked",
            EventKind::TokenExpiring => "token.expiring",
            EventKind::TokenExpired => "token.expired",
            EventKind::UserDisabled => "user.disabled",
            EventKind::LoginFailed => "login.failed",
            EventKind::WebhookTest => "webhook.test",
        }
    }
}

impl fmt::Display for EventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EventKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        EventKind::SUBSCRIBABLE
            .into_iter()
            .chain([EventKind::WebhookTest])
            .find(|kind| kind.as_str() == s)
            .ok_or_else(|| {
                let known: Vec<&str> = EventKind::SUBSCRIBABLE.iter().map(|k| k.as_str()).collect();
                format!("unknown event '{s}' (known: {})", known.join(", "))
            })
    }
}

impl TryFrom<String> for EventKind {
    type Error = String;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        value.parse()
    }
}

impl From<EventKind> for String {
    fn from(value: EventKind) -> Self {
        value.as_str().to_owned()
    }
}

/// An HTTP endpoint that is sent the events it subscribed to, signed per
/// Standard Webhooks with a secret only the server and the receiver know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Webhook {
    pub id: Id,
    pub url: String,
    pub events: Vec<EventKind>,
    pub description: String,
    pub created_by: String,
    #[serde(with = "crate::time::rfc3339")]
    pub created_at: DateTime<Utc>,
}

/// Where one message to one webhook stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryState {
    /// Not sent yet, or to be tried again at `next_attempt_at`.
    Pending,
    /// The receiver answered 2xx.
    Delivered,
    /// Given up: still refused a day after the event.
    Failed,
}

/// One message to one webhook: the event it carries and how sending it went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delivery {
    pub id: Id,
    pub webhook_id: Id,
    /// The `webhook-id` header: the same on every attempt, so a receiver
    /// can drop a message it already has.
    pub message_id: String,
    pub event: EventKind,
    pub state: DeliveryState,
    pub attempts: i64,
    #[serde(with = "crate::time::rfc3339")]
    pub created_at: DateTime<Utc>,
    #[serde(default, with = "crate::time::rfc3339::option")]
    pub next_attempt_at: Option<DateTime<Utc>>,
    #[serde(default, with = "crate::time::rfc3339::option")]
    pub delivered_at: Option<DateTime<Utc>>,
    /// The HTTP status of the last attempt, when one was answered.
    pub last_status: Option<u16>,
    /// Why the last attempt failed ("timed out", "answered 500").
    pub last_error: String,
}
