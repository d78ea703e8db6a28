//! What the commands talk to. Two implementations of one trait: the token
//! service in-process on a local store ([`LocalBackend`]), and the token API
//! over HTTP ([`RemoteBackend`]). Every lifecycle command works
//! the same on both, and one contract test suite runs against both.

mod local;
mod remote;

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::error::Result;
use crate::exchange::{AccessClaims, ExchangeRequest, Exchanged};
use crate::jose::{KeyInfo, Rotation};
use crate::model::{AuditEntry, Permissions, Role, Token, TrustPolicy, User};
use crate::paging::Page;
use crate::policy::TokenPolicy;
use crate::policy::token_policy::{PolicyChange, PolicyCheck};
use crate::requests::{
    AuditRequest, CreateRequest, CreatedToken, ExchangeOf, Identity, ListRequest, NewTrustPolicy,
    OwnedTokens, RegeneratedToken, Regeneration, Revocation, TokenRef, TrustVerdicts, UsersRequest,
};
use crate::secret::Secret;
use crate::service::Ending;

pub use local::LocalBackend;
pub use remote::RemoteBackend;
pub(crate) use remote::second_factor_fields;

#[async_trait]
pub trait Backend: Send + Sync {
    /// Who the commands act as.
    async fn whoami(&self) -> Result<Identity>;
    async fn create_token(&self, request: CreateRequest) -> Result<CreatedToken>;
    async fn list_tokens(&self, request: ListRequest) -> Result<Page<Token>>;
    async fn show_token(&self, reference: &TokenRef) -> Result<Token>;
    /// Revokes one token; `reason` goes into the audit entry.
    async fn revoke(&self, reference: &TokenRef, reason: Option<&str>) -> Result<Revocation>;
    /// Revokes every active token of one user (`revoke --owner --all`).
    async fn revoke_owned(&self, request: OwnedTokens) -> Result<Vec<Revocation>>;
    /// Revokes by value; `reason` goes into the audit entry.
    async fn revoke_by_secret(&self, secret: &Secret, reason: Option<&str>) -> Result<Revocation>;
    async fn regenerate(
        &self,
        reference: &TokenRef,
        options: Regeneration,
    ) -> Result<RegeneratedToken>;
    /// A new secret for the token the caller is (`regenerate --self` with
    /// TOKENCTL_TOKEN).
    async fn rotate_self(&self, options: Regeneration) -> Result<RegeneratedToken>;
    /// The token a secret authenticates as, used from `from` when the
    /// caller says where (`verify --from`, a local store only: a server
    /// checks the address it sees).
    async fn verify(&self, secret: &Secret, from: Option<std::net::IpAddr>) -> Result<Token>;
    /// The token a secret belongs to, whatever its status; `None` when no
    /// token has it. Needs no account, like revoking by value.
    async fn inspect_secret(&self, secret: &Secret) -> Result<Option<Token>>;
    /// The audit log, optionally for one token (resolved like `show`).
    async fn audit(&self, request: AuditRequest) -> Result<Page<AuditEntry>>;
    /// Deletes the audit entries from before `before` (needs `audit:prune`).
    async fn prune_audit(&self, before: DateTime<Utc>) -> Result<crate::api::PrunedAudit>;
    /// The token policy in force.
    async fn token_policy(&self) -> Result<TokenPolicy>;
    /// Changes the token policy (needs `policy:manage`); the policy after.
    async fn set_token_policy(&self, change: &PolicyChange) -> Result<TokenPolicy>;
    /// The tokens and owners the policy would not allow now (needs
    /// `tokens:read-all`).
    async fn check_token_policy(&self) -> Result<PolicyCheck>;
    async fn roles(&self) -> Result<Vec<Role>>;
    async fn role(&self, name: &str) -> Result<Role>;
    async fn add_role(
        &self,
        name: &str,
        description: &str,
        permissions: Permissions,
    ) -> Result<Role>;
    /// Changes a custom role; its holders and their tokens follow at once.
    async fn edit_role(&self, name: &str, change: &crate::requests::RoleChange) -> Result<Role>;
    /// Removes a custom role, moving its users and tokens to `reassign`.
    async fn remove_role(
        &self,
        name: &str,
        reassign: Option<&str>,
    ) -> Result<crate::api::RemovedRole>;
    /// The accounts; removed ones too with `removed`.
    async fn users(&self, request: UsersRequest) -> Result<Page<User>>;
    /// Sets the user's email address (`""` clears it).
    async fn edit_user(&self, name: &str, email: Option<&str>) -> Result<User>;
    /// Removes the user: their tokens revoked, their sessions ended.
    async fn remove_user(&self, name: &str) -> Result<crate::api::RemovedUser>;
    /// Takes another user's second factor off; they enrol again at login.
    async fn reset_totp(&self, name: &str) -> Result<User>;
    /// Adds a user; returns the generated password when none was given.
    async fn add_user(&self, request: crate::api::AddUserRequest)
    -> Result<(User, Option<String>)>;
    async fn set_user_disabled(&self, name: &str, disabled: bool) -> Result<User>;
    /// Gives the user another role; their sessions and tokens follow at once.
    async fn set_user_role(&self, name: &str, role: &str) -> Result<User>;
    /// Changes the caller's own password, proved by the current one; every
    /// session of theirs ends, the caller's too.
    async fn change_password(&self, current: &str, new: String) -> Result<User>;
    /// Sets a new password for another user, `password` or a generated one
    /// (returned); every session of theirs ends.
    async fn reset_password(
        &self,
        name: &str,
        password: Option<String>,
    ) -> Result<(User, Option<String>)>;
    /// The active login sessions of `user` (the caller's own when `None`).
    async fn sessions(&self, user: Option<&str>) -> Result<Vec<crate::api::SessionInfo>>;
    /// Ends sessions of `user` (the caller's own when `None`); how many.
    async fn end_sessions(&self, user: Option<&str>, ending: Ending) -> Result<u64>;
    /// Ends the session the caller is using; false when it uses none.
    async fn logout(&self) -> Result<bool>;
    /// Lets the user log in again from every address: failed logins forgotten.
    async fn unlock_user(&self, name: &str) -> Result<crate::api::UnlockedUser>;
    /// The keys that verify sessions and access tokens (needs `keys:manage`).
    async fn signing_keys(&self) -> Result<Vec<KeyInfo>>;
    /// The public JWK Set that verifies the access tokens this backend
    /// issues, as a JSON document.
    async fn jwks(&self) -> Result<serde_json::Value>;
    /// A new signing key; the old one keeps verifying what it signed.
    async fn rotate_signing_key(&self) -> Result<Rotation>;
    /// A short-lived access token for `subject`: the caller's own
    /// credential, a token's secret, or a CI job's ID token.
    async fn exchange(
        &self,
        subject: ExchangeOf<'_>,
        request: ExchangeRequest,
    ) -> Result<Exchanged>;
    /// The webhooks (needs `webhooks:manage`; a token server only).
    async fn webhooks(&self) -> Result<Vec<crate::model::Webhook>>;
    /// Adds a webhook; its signing secret is in the answer only.
    async fn add_webhook(
        &self,
        request: crate::requests::NewWebhookRequest,
    ) -> Result<crate::api::AddedWebhook>;
    async fn remove_webhook(&self, id: crate::model::Id) -> Result<crate::model::Webhook>;
    /// Queues a `webhook.test` message to the webhook; its message id.
    async fn test_webhook(&self, id: crate::model::Id) -> Result<String>;
    async fn webhook_deliveries(
        &self,
        request: crate::requests::DeliveriesRequest,
    ) -> Result<Page<crate::model::Delivery>>;
    /// The trust policies (needs `trust:manage`).
    async fn trust_policies(&self) -> Result<Vec<TrustPolicy>>;
    async fn trust_policy(&self, name: &str) -> Result<TrustPolicy>;
    /// Adds a trust policy; what its role or scopes named that the caller
    /// or the owner lacks is in its `stripped_permissions`.
    async fn add_trust_policy(&self, request: NewTrustPolicy) -> Result<TrustPolicy>;
    /// Removes a trust policy; the access tokens it issued stop working.
    async fn remove_trust_policy(&self, name: &str) -> Result<TrustPolicy>;
    /// How the policy `name` (or every policy trusting the token's issuer)
    /// judges `id_token`, which stays unused.
    async fn test_trust(&self, name: Option<&str>, id_token: &str) -> Result<TrustVerdicts>;
    /// Checks an access token offline: signature against the issuer's
    /// keys, issuer, `audience` (default: the issuer) and expiry. Whether
    /// its parent token was revoked since is introspection's question.
    async fn verify_access_token(
        &self,
        token: &str,
        audience: Option<&str>,
    ) -> Result<AccessClaims>;
}
