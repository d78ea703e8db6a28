//! The HTTP API's request and response bodies, shared by the server and the
//! remote client so that the two cannot disagree about a field.
//!
//! Responses carry model types unchanged; secrets travel only in the bodies
//! that exist to deliver them once (`CreatedToken`, `RegeneratedToken`,
//! `LoginResponse`) and in requests that present one.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::model::{Permission, Permissions, Role, Token, TokenKind, User};

/// Path prefix of every versioned endpoint.
pub const PREFIX: &str = "/v1";

/// No `Debug`: it carries a password.
#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    pub username: String,
    pub password: String,
    /// Needed when the account has 2FA, unless `recovery_code` is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub totp_code: Option<String>,
    /// One of the account's recovery codes, in place of `totp_code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recovery_code: Option<String>,
    /// Needed when `password` is one-time (an admin set it): the account's
    /// password from now on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_password: Option<String>,
}

/// No `Debug`: the session is a credential.
#[derive(Clone, Serialize, Deserialize)]
pub struct LoginResponse {
    pub session: String,
    pub expires_at: DateTime<Utc>,
    pub user: User,
}

/// `GET /v1/me`: who the presented credential is.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Me {
    pub user: User,
    /// What the credential may do now (its effective permissions).
    pub permissions: Permissions,
    /// What the user's role allows; more than `permissions` when the
    /// credential withholds some (a token's grant, an access token's scope).
    #[serde(default)]
    pub role_permissions: Permissions,
    /// `session` or `token`.
    pub credential: String,
    /// For a token credential: its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_id: Option<i64>,
    /// For a login session: its id (see `GET /v1/sessions`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<i64>,
    /// The session may only enrol a second factor (`POST /v1/me/totp`).
    #[serde(default)]
    pub enrolment_only: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateTokenRequest {
    pub name: String,
    #[serde(rename = "type", default = "personal")]
    pub kind: TokenKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// As on the command line: `30d`, `12h`, `2027-01-31`, `never`; the
    /// server's policy default when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
    #[serde(default)]
    pub description: String,
    /// Owner, when issuing to another user.
    #[serde(rename = "for", default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Seconds it may go unused before it stops working.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_idle_seconds: Option<i64>,
    /// CIDR blocks it may be used from; none: anywhere.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allowed_ips: Vec<String>,
}

fn personal() -> TokenKind {
    TokenKind::Personal
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CreatedToken {
    pub token: Token,
    pub stripped_permissions: Permissions,
    pub secret: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegenerateRequest {
    /// Seconds the replaced secret keeps working.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grace_seconds: Option<i64>,
    /// A new expiry, as `create` takes it (`90d`, `2027-01-31`, `never`);
    /// left out, the expiry stays.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RegeneratedToken {
    pub token: Token,
    pub previous_valid_until: Option<DateTime<Utc>>,
    pub secret: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Revocation {
    pub token: Token,
    pub newly_revoked: bool,
}

impl From<crate::requests::Revocation> for Revocation {
    fn from(revocation: crate::requests::Revocation) -> Self {
        Revocation {
            token: revocation.token,
            newly_revoked: revocation.newly_revoked,
        }
    }
}

impl From<Revocation> for crate::requests::Revocation {
    fn from(revocation: Revocation) -> Self {
        crate::requests::Revocation {
            token: revocation.token,
            newly_revoked: revocation.newly_revoked,
        }
    }
}

/// A token's secret presented in a body, never in a URL (URLs get logged).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecretRequest {
    pub token: String,
}

/// `POST /v1/tokens/{token}/revoke`: optionally why (one line, kept in
/// the audit entry and the webhook payload).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RevokeRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// `POST /v1/tokens/revoke-owned`: every active token of `owner` (of one
/// type, with `type`), for offboarding in one step.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RevokeOwnedRequest {
    pub owner: String,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<TokenKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// `POST /v1/tokens/revoke-by-value`: the leaked secret, and optionally
/// why it is revoked (one line for the audit log, e.g. where it was found).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RevokeByValueRequest {
    pub token: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// Query of `GET /v1/tokens`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenQuery {
    /// `active`, `expired`, `revoked` or `all` (default `active`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<TokenKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiring_within_seconds: Option<i64>,
    /// Only tokens used within this many seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub used_within_seconds: Option<i64>,
    /// Only tokens unused (and not made) for at least this many seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unused_for_seconds: Option<i64>,
    /// At most this many items (1 to 1000; default 100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<usize>,
    /// Where the page starts: the `cursor` of the previous answer's
    /// `Link: rel="next"`, passed back as it came.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// Query of `GET /v1/audit`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditQuery {
    /// ID or name of a token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since_seconds: Option<i64>,
    /// Only entries older than this many seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until_seconds: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// At most this many items (1 to 1000; default 100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<usize>,
    /// Where the page starts: the `cursor` of the previous answer's
    /// `Link: rel="next"`, passed back as it came.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// `POST /v1/trust/test`: an ID token to judge (it stays unused), against
/// one policy or every policy trusting its issuer.
#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrustTestRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
    pub token: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AddRoleRequest {
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub permissions: Vec<Permission>,
}

/// `PATCH /v1/roles/{name}`: what to change; a field left out stays.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditRoleRequest {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub add_permissions: Vec<Permission>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remove_permissions: Vec<Permission>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl From<EditRoleRequest> for crate::requests::RoleChange {
    fn from(request: EditRoleRequest) -> Self {
        crate::requests::RoleChange {
            add: request.add_permissions.into_iter().collect(),
            remove: request.remove_permissions.into_iter().collect(),
            description: request.description,
        }
    }
}

impl From<&crate::requests::RoleChange> for EditRoleRequest {
    fn from(change: &crate::requests::RoleChange) -> Self {
        EditRoleRequest {
            add_permissions: change.add.iter().copied().collect(),
            remove_permissions: change.remove.iter().copied().collect(),
            description: change.description.clone(),
        }
    }
}

/// Query of `DELETE /v1/roles/{name}`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RemoveRoleQuery {
    /// The role its users and tokens move to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reassign: Option<String>,
}

/// What `DELETE /v1/roles/{name}` did.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RemovedRole {
    pub removed: String,
    #[serde(default)]
    pub reassigned_to: Option<String>,
    #[serde(default)]
    pub users_moved: u64,
    #[serde(default)]
    pub tokens_moved: u64,
}

/// No `Debug`: it may carry a password.
#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AddUserRequest {
    pub name: String,
    pub role: String,
    /// Absent: the server generates one and returns it once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    /// Where notices about the account (expiry, leaks) are mailed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

impl AddUserRequest {
    /// A user with a generated password and no email.
    pub fn new(name: &str, role: &str) -> AddUserRequest {
        AddUserRequest {
            name: name.to_owned(),
            role: role.to_owned(),
            password: None,
            email: None,
        }
    }
}

/// `POST /v1/users/{name}/role`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SetRoleRequest {
    pub role: String,
}

/// `POST /v1/me/password`. No `Debug`: it carries passwords.
#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangePasswordRequest {
    pub current_password: String,
    pub new_password: String,
}

/// `POST /v1/users/{name}/password`. No `Debug`: it may carry a password.
#[derive(Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResetPasswordRequest {
    /// Absent: the server generates one and returns it once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
}

/// Query of `GET /v1/sessions`, and body of the session revocations.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionsOf {
    /// Whose sessions; absent: the caller's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
}

/// One of `GET /v1/sessions`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SessionInfo {
    #[serde(flatten)]
    pub session: crate::model::Session,
    /// The session this request came with.
    pub current: bool,
}

/// What `POST /v1/logout` and the session revocations answer.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EndedSessions {
    /// How many sessions ended (0: none were active).
    pub ended: u64,
}

/// The page a list query names, from its `limit` and `cursor`.
pub fn page_request(limit: Option<usize>, cursor: Option<&str>) -> crate::paging::PageRequest {
    crate::paging::PageRequest {
        cursor: cursor.map(crate::paging::Cursor::from_client),
        limit,
    }
}

/// Query of `GET /v1/users`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UsersQuery {
    /// Include removed users.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub removed: bool,
    /// At most this many items (1 to 1000; default 100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<usize>,
    /// Where the page starts: the `cursor` of the previous answer's
    /// `Link: rel="next"`, passed back as it came.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// `PATCH /v1/users/{name}`: what to change; a field left out stays.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditUserRequest {
    /// The new address; `""` clears it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// `POST /v1/audit/prune`: delete the entries from before this instant.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PruneAuditRequest {
    pub before: DateTime<Utc>,
}

/// What an audit prune removed.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PrunedAudit {
    /// How many entries went.
    pub pruned: u64,
    pub before: DateTime<Utc>,
}

/// `GET /readyz`: whether this server should be sent requests, one check
/// at a time. Each check's `detail` says what was found.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Readiness {
    pub ready: bool,
    /// The store answered a query.
    pub store: ReadinessCheck,
    /// The store's schema is the one this build knows: not moved on by a
    /// newer replica.
    pub migrations: ReadinessCheck,
    /// The store's change watch works, so the credential cache can be
    /// trusted (while it does not, nothing is served from memory and
    /// revocations wait for this replica).
    pub change_listener: ReadinessCheck,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReadinessCheck {
    pub ok: bool,
    pub detail: String,
}

/// What `DELETE /v1/users/{name}` ended.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RemovedUser {
    pub user: User,
    pub tokens_revoked: u64,
    pub sessions_ended: u64,
}

/// What `user unlock` did.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct UnlockedUser {
    pub user: User,
    /// How many addresses had failed logins on the account, now forgotten.
    pub cleared_addresses: u64,
}

/// What `POST /v1/users` and `POST /v1/users/{name}/password` answer. No
/// `Debug`: it may carry a password.
#[derive(Clone, Serialize, Deserialize)]
pub struct AddedUser {
    pub user: User,
    /// The generated password, when the request had none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
}

/// `POST /v1/me/totp`: an account that has 2FA already proves it with a
/// code from its current authenticator before the factor is replaced.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TotpBeginRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_code: Option<String>,
    /// A recovery code of the account, in place of `current_code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recovery_code: Option<String>,
}

/// `POST /v1/me/totp/disable`: a code from the authenticator, or a
/// recovery code. No `Debug`: either is a credential.
#[derive(Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TotpDisableRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recovery_code: Option<String>,
}

/// `POST /v1/me/totp/confirm`: 2FA is on, with these recovery codes, shown
/// this once. No `Debug`: the codes are credentials.
#[derive(Clone, Serialize, Deserialize)]
pub struct TotpConfirmed {
    /// Always `enabled`.
    pub totp: String,
    pub recovery_codes: Vec<String>,
    /// The session was one that could only enrol: it ended, and the next
    /// login (with a code) opens a full one.
    #[serde(default)]
    pub session_ended: bool,
}

/// Says how many codes there are, never what they are.
impl std::fmt::Debug for TotpConfirmed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TotpConfirmed")
            .field("totp", &self.totp)
            .field(
                "recovery_codes",
                &format_args!("[{} codes]", self.recovery_codes.len()),
            )
            .field("session_ended", &self.session_ended)
            .finish()
    }
}

/// `GET /v1/me/totp`: where the caller's second factor stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TwoFactorStatus {
    pub enabled: bool,
    /// An enrolment was started and awaits its confirming code.
    pub pending: bool,
    /// Unused recovery codes.
    pub recovery_codes_left: i64,
    /// An admin reset the second factor: enrol again.
    pub enrolment_required: bool,
}

/// No `Debug`: the secret is the second factor.
#[derive(Clone, Serialize, Deserialize)]
pub struct TotpEnrollment {
    pub secret: String,
    pub otpauth_url: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TotpConfirmRequest {
    pub code: String,
}

/// Every error body: `{"error": {"kind", "message", "hint"?}}`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ErrorBody {
    pub error: crate::error::Error,
}

pub type Roles = Vec<Role>;

/// `POST /v1/webhooks`: the new webhook and its signing secret, shown once.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AddedWebhook {
    pub webhook: crate::model::Webhook,
    /// `whsec_…`, as Standard Webhooks verifiers take it.
    pub secret: String,
}

/// `POST /v1/webhooks/{id}/test`: the test message, queued.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct QueuedMessage {
    pub message_id: String,
}

/// Query of `GET /v1/webhooks/deliveries`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeliveriesQuery {
    /// Only messages to this webhook.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webhook: Option<crate::model::Id>,
    /// Only messages with this `webhook-id` (`msg_…`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Only messages not delivered whose last attempt failed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub failed: bool,
    /// At most this many items (1 to 1000; default 100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<usize>,
    /// Where the page starts: the `cursor` of the previous answer's
    /// `Link: rel="next"`, passed back as it came.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}
