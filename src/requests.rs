//! The seam's vocabulary: what a command asks of a backend, in the words
//! the user said — a token by ID or name, "expiring within 7 days", "since
//! 24h" — and what comes back. `cmd/`, `backend/`, `server/` and `service/`
//! all speak it, so none of them reaches into another for its types, and
//! a duration stays a duration until the service reads its clock.

use chrono::{DateTime, Duration, Utc};

use crate::model::{Id, Permissions, Status, Token, TokenKind};
use crate::paging::PageRequest;
use crate::policy::Actor;
use crate::secret::Secret;
use crate::time::Expiry;

/// How a command names a token: all digits is an ID, anything else a name
/// (token names may not be all digits, so this is never ambiguous).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenRef {
    Id(Id),
    Name(String),
}

impl TokenRef {
    pub fn parse(text: &str) -> TokenRef {
        match text.parse::<Id>() {
            Ok(id) if text.chars().all(|c| c.is_ascii_digit()) => TokenRef::Id(id),
            _ => TokenRef::Name(text.to_owned()),
        }
    }
}

impl std::fmt::Display for TokenRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TokenRef::Id(id) => write!(f, "{id}"),
            TokenRef::Name(name) => write!(f, "'{name}'"),
        }
    }
}

/// Who did something that needs no account: verifying or revoking by value.
#[derive(Debug, Clone)]
pub struct Origin {
    pub who: String,
    pub source: String,
}

#[derive(Debug, Clone)]
pub struct CreateRequest {
    pub name: String,
    pub kind: TokenKind,
    /// `None`: the creator's own role.
    pub role: Option<String>,
    pub expires: Option<Expiry>,
    pub description: String,
    /// `None`: the creator.
    pub owner: Option<String>,
    /// How long it may go unused before it stops working (`--max-idle`).
    pub max_idle: Option<Duration>,
    /// The only addresses it may be used from (`--allow-ip`); empty: anywhere.
    pub allowed_ips: Vec<crate::network::AddressRange>,
}

/// A new token and its secret, which exists nowhere else.
#[derive(Debug)]
pub struct CreatedToken {
    pub token: Token,
    pub secret: Secret,
    /// Permissions of the role that the creator lacks and the token didn't get.
    pub stripped: Permissions,
}

/// `regenerate`'s options: how long the old secret keeps working, and a
/// new expiry (within the lifetime policy, as at creation).
#[derive(Debug, Clone, Copy, Default)]
pub struct Regeneration {
    pub grace: Option<Duration>,
    /// `None`: the expiry stays.
    pub expires: Option<Expiry>,
}

impl Regeneration {
    pub fn with_grace(grace: Option<Duration>) -> Regeneration {
        Regeneration {
            grace,
            expires: None,
        }
    }
}

/// `revoke --owner NAME --all`: every active token of one user, for
/// offboarding in one step.
#[derive(Debug, Clone, Default)]
pub struct OwnedTokens {
    pub owner: String,
    /// Only tokens of this type.
    pub kind: Option<TokenKind>,
    /// Why, for the audit entries and the webhook payloads.
    pub reason: Option<String>,
}

#[derive(Debug)]
pub struct RegeneratedToken {
    pub token: Token,
    pub secret: Secret,
    /// Until when the replaced secret still works (`--grace`).
    pub previous_valid_until: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone)]
pub struct Revocation {
    pub token: Token,
    /// False when the token had been revoked before this call.
    pub newly_revoked: bool,
}

/// What `role edit` changes; a part left empty stays.
#[derive(Debug, Clone, Default)]
pub struct RoleChange {
    pub add: Permissions,
    pub remove: Permissions,
    pub description: Option<String>,
}

impl RoleChange {
    pub fn is_empty(&self) -> bool {
        self.add.is_empty() && self.remove.is_empty() && self.description.is_none()
    }
}

/// Which tokens to list.
#[derive(Debug, Clone, Default)]
pub struct ListRequest {
    pub owner: Option<String>,
    pub kind: Option<TokenKind>,
    /// `None` lists every status.
    pub status: Option<Status>,
    /// Only tokens that expire within this long from now (and haven't yet).
    pub expiring_within: Option<Duration>,
    /// Only tokens used within this long (`list --used-since 7d`).
    pub used_within: Option<Duration>,
    /// Only tokens unused for at least this long (`list --unused-for 90d`).
    pub unused_for: Option<Duration>,
    pub page: PageRequest,
}

/// Which audit entries to read.
#[derive(Debug, Clone, Default)]
pub struct AuditRequest {
    /// Only entries about this token, found as `show` finds it.
    pub token: Option<TokenRef>,
    /// Only entries newer than this long ago.
    pub since: Option<Duration>,
    /// Only entries older than this long ago.
    pub until: Option<Duration>,
    /// Only entries made by this user (or holder: `holder of tcpat_…`).
    pub actor: Option<String>,
    /// Only entries of this action (`token.create`, `user.disable`, …).
    pub action: Option<String>,
    pub page: PageRequest,
}

/// Which accounts to list.
#[derive(Debug, Clone, Default)]
pub struct UsersRequest {
    /// Removed accounts too.
    pub removed: bool,
    pub page: PageRequest,
}

/// Who a credential stands for, and what its user's role would allow: the
/// difference is what the credential itself withholds (a token's grant, an
/// access token's scope).
#[derive(Debug, Clone)]
pub struct Identity {
    pub actor: Actor,
    pub role_permissions: Permissions,
}

impl Identity {
    /// The role's permissions this credential may not use.
    pub fn withheld(&self) -> Permissions {
        self.role_permissions
            .difference(&self.actor.permissions)
            .copied()
            .collect()
    }
}

/// `trust add`: a trust policy as its author states it (presets already
/// expanded into the issuer and claim rules).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewTrustPolicy {
    pub name: String,
    pub issuer: String,
    pub audience: String,
    #[serde(default, deserialize_with = "crate::json_object::objects")]
    pub claims: Vec<crate::model::ClaimRule>,
    /// The permissions of this role, as they are now…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// …or these (exactly one of the two).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scopes: Vec<crate::model::Permission>,
    /// `None`: the author.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// `None`: [`crate::service::DEFAULT_TRUST_TTL`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_ttl_seconds: Option<i64>,
    #[serde(default)]
    pub description: String,
}

/// What an exchange trades for an access token.
#[derive(Clone, Copy)]
pub enum ExchangeOf<'a> {
    /// The caller's own credential (its login session, its token, or the
    /// OS user of a local store).
    Own,
    /// A token, by its secret.
    Token(&'a Secret),
    /// A CI job's OpenID Connect ID token, for a trust policy to admit.
    IdToken(&'a str),
}

/// Never the token itself: an ID token is a bearer credential for a few
/// minutes.
impl std::fmt::Debug for ExchangeOf<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExchangeOf::Own => f.write_str("Own"),
            ExchangeOf::Token(secret) => f.debug_tuple("Token").field(secret).finish(),
            ExchangeOf::IdToken(_) => f.write_str("IdToken(<redacted>)"),
        }
    }
}

/// `trust test`: how each policy that trusts an ID token's issuer judges
/// it, claim by claim. Nothing is exchanged and the token stays unused.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TrustVerdicts {
    pub issuer: String,
    pub subject: String,
    pub policies: Vec<TrustVerdict>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TrustVerdict {
    pub policy: String,
    pub matched: bool,
    pub checks: Vec<crate::federation::ClaimCheck>,
}

/// A webhook to add: where, and which events (`webhook add`).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewWebhookRequest {
    pub url: String,
    pub events: Vec<crate::model::EventKind>,
    #[serde(default)]
    pub description: String,
}

/// A new webhook and its signing secret, which is shown this once.
#[derive(Debug)]
pub struct AddedWebhook {
    pub webhook: crate::model::Webhook,
    pub secret: crate::webhook::WebhookSecret,
}

/// Which webhook messages to list (`webhook deliveries`).
#[derive(Debug, Clone, Default)]
pub struct DeliveriesRequest {
    /// Only those to this webhook.
    pub webhook: Option<crate::model::Id>,
    /// Only those with this `webhook-id` (`msg_…`).
    pub message: Option<String>,
    /// Only those not delivered whose last attempt failed.
    pub failed: bool,
    pub page: PageRequest,
}

/// Where a token is being used from: what `verify` records as its last
/// use. Borrowed from the request, so the hot path copies nothing unless it
/// writes.
#[derive(Debug, Clone, Copy)]
pub struct UsedFrom<'a> {
    /// The client's address, when known (a server's peer).
    pub address: Option<std::net::IpAddr>,
    /// Where, as the audit log names it: `api@10.0.0.5`, `cli@host`.
    pub source: &'a str,
    /// The client's `User-Agent`, as sent.
    pub agent: Option<&'a str>,
}

impl<'a> UsedFrom<'a> {
    /// A use with nothing known but its source (a local store's CLI).
    pub fn source(source: &'a str) -> UsedFrom<'a> {
        UsedFrom {
            address: None,
            source,
            agent: None,
        }
    }
}
