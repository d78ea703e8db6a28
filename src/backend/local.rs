//! The local backend: the token service in-process over a SQLite store
//! file, acting as the OS user.

use std::path::Path;
use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::api::{AddUserRequest, AddedWebhook};
use crate::error::{Error, Result};
use crate::exchange::{
    AccessClaims, DEFAULT_MAX_TTL, ExchangePolicy, ExchangeRequest, Exchanged, LOCAL_ISSUER,
};
use crate::jose::{KeyInfo, Rotation};
use crate::model::{
    AuditEntry, Delivery, Id, Permissions, Role, Token, TrustPolicy, User, Webhook,
};
use crate::paging::Page;
use crate::policy::token_policy::{PolicyChange, PolicyCheck};
use crate::policy::{Actor, Credential, TokenPolicy};
use crate::requests::{
    AuditRequest, CreateRequest, CreatedToken, DeliveriesRequest, ExchangeOf, Identity,
    ListRequest, NewTrustPolicy, NewWebhookRequest, Origin, OwnedTokens, RegeneratedToken,
    Regeneration, Revocation, TokenRef, TrustVerdicts, UsedFrom, UsersRequest,
};
use crate::secret::Secret;
use crate::service::{Ending, ExchangeSubject, Issuer, TokenService};
use crate::store::sqlite::SqliteStore;

use super::Backend;

/// The in-process backend over a SQLite store file, acting as the OS user.
pub struct LocalBackend {
    service: TokenService,
    origin: Origin,
}

impl LocalBackend {
    /// Opens the store; the first user to open a new store becomes its admin.
    pub async fn open(path: &Path, origin: Origin) -> Result<LocalBackend> {
        let opened = SqliteStore::open(path, Some(&origin.who)).await?;
        if opened.fresh {
            tracing::info!(user = %origin.who, "new store created with this user as its admin");
        }
        // The store's own key set, signing as LOCAL_ISSUER: a local store
        // has no URL to name.
        let issuer = Issuer::on_first_use(
            crate::jose::file_for_store(path),
            ExchangePolicy::new(LOCAL_ISSUER.to_owned(), Vec::new(), DEFAULT_MAX_TTL),
        );
        let service = TokenService::new(Arc::new(opened.store)).with_issuer(Arc::new(issuer));
        Ok(LocalBackend { service, origin })
    }

    /// The service over the store, for what happens on opening it (a
    /// config file's `[policy]` copied in).
    pub fn service(&self) -> &TokenService {
        &self.service
    }

    async fn actor(&self) -> Result<Actor> {
        self.service
            .actor(&self.origin.who, Credential::Local, &self.origin.source)
            .await
    }
}

/// Webhooks are sent by `tokenctl serve`, which keeps the key that seals
/// their secrets; a local store has nobody to send them.
fn webhooks_need_a_server() -> Error {
    Error::invalid("webhooks are sent by a token server, not by a local store").with_hint(
        "run tokenctl serve, then manage webhooks with --server URL (or TOKENCTL_SERVER)",
    )
}

#[async_trait]
impl Backend for LocalBackend {
    async fn whoami(&self) -> Result<Identity> {
        self.service.identity(self.actor().await?).await
    }

    async fn create_token(&self, request: CreateRequest) -> Result<CreatedToken> {
        self.service
            .create_token(&self.actor().await?, request)
            .await
    }

    async fn list_tokens(&self, request: ListRequest) -> Result<Page<Token>> {
        self.service
            .list_tokens(&self.actor().await?, request)
            .await
    }

    async fn show_token(&self, reference: &TokenRef) -> Result<Token> {
        self.service
            .find_token(&self.actor().await?, reference)
            .await
    }

    async fn revoke(&self, reference: &TokenRef, reason: Option<&str>) -> Result<Revocation> {
        self.service
            .revoke(&self.actor().await?, reference, reason)
            .await
    }

    async fn revoke_owned(&self, request: OwnedTokens) -> Result<Vec<Revocation>> {
        self.service
            .revoke_owned(&self.actor().await?, request)
            .await
    }

    async fn revoke_by_secret(&self, secret: &Secret, reason: Option<&str>) -> Result<Revocation> {
        self.service
            .revoke_by_secret(&self.origin, secret, reason)
            .await
    }

    async fn regenerate(
        &self,
        reference: &TokenRef,
        options: Regeneration,
    ) -> Result<RegeneratedToken> {
        self.service
            .regenerate(&self.actor().await?, reference, options)
            .await
    }

    async fn rotate_self(&self, _options: Regeneration) -> Result<RegeneratedToken> {
        Err(Error::invalid(
            "--self regenerates the token a server request is made with (TOKENCTL_TOKEN); a local store takes no token as its caller",
        )
        .with_hint("name the token instead: tokenctl regenerate NAME"))
    }

    async fn verify(&self, secret: &Secret, from: Option<std::net::IpAddr>) -> Result<Token> {
        let used = UsedFrom {
            address: from,
            ..UsedFrom::source(&self.origin.source)
        };
        self.service.verify(secret, &used).await
    }

    async fn inspect_secret(&self, secret: &Secret) -> Result<Option<Token>> {
        self.service.inspect_secret(secret).await
    }

    async fn audit(&self, request: AuditRequest) -> Result<Page<AuditEntry>> {
        self.service.audit(&self.actor().await?, request).await
    }

    async fn prune_audit(&self, before: DateTime<Utc>) -> Result<crate::api::PrunedAudit> {
        self.service.prune_audit(&self.actor().await?, before).await
    }

    async fn token_policy(&self) -> Result<TokenPolicy> {
        self.actor().await?;
        self.service.token_policy().await
    }

    async fn set_token_policy(&self, change: &PolicyChange) -> Result<TokenPolicy> {
        self.service
            .set_token_policy(&self.actor().await?, change.clone())
            .await
    }

    async fn check_token_policy(&self) -> Result<PolicyCheck> {
        self.service.check_token_policy(&self.actor().await?).await
    }

    async fn roles(&self) -> Result<Vec<Role>> {
        self.service.roles(&self.actor().await?).await
    }

    async fn role(&self, name: &str) -> Result<Role> {
        let actor = self.actor().await?;
        self.service
            .show_role(&actor, name)
            .await
            .map(Arc::unwrap_or_clone)
    }

    async fn add_role(
        &self,
        name: &str,
        description: &str,
        permissions: Permissions,
    ) -> Result<Role> {
        self.service
            .add_role(&self.actor().await?, name, description, permissions)
            .await
    }

    async fn edit_role(&self, name: &str, change: &crate::requests::RoleChange) -> Result<Role> {
        self.service
            .edit_role(&self.actor().await?, name, change)
            .await
    }

    async fn remove_role(
        &self,
        name: &str,
        reassign: Option<&str>,
    ) -> Result<crate::api::RemovedRole> {
        self.service
            .remove_role(&self.actor().await?, name, reassign)
            .await
    }

    async fn users(&self, request: UsersRequest) -> Result<Page<User>> {
        self.service.users(&self.actor().await?, request).await
    }

    async fn edit_user(&self, name: &str, email: Option<&str>) -> Result<User> {
        self.service
            .edit_user(&self.actor().await?, name, email)
            .await
    }

    async fn remove_user(&self, name: &str) -> Result<crate::api::RemovedUser> {
        self.service.remove_user(&self.actor().await?, name).await
    }

    async fn reset_totp(&self, name: &str) -> Result<User> {
        self.service.reset_totp(&self.actor().await?, name).await
    }

    async fn add_user(&self, request: AddUserRequest) -> Result<(User, Option<String>)> {
        self.service.add_user(&self.actor().await?, request).await
    }

    async fn change_password(&self, current: &str, new: String) -> Result<User> {
        self.service
            .change_password(&self.actor().await?, current, new)
            .await
    }

    async fn reset_password(
        &self,
        name: &str,
        password: Option<String>,
    ) -> Result<(User, Option<String>)> {
        self.service
            .reset_password(&self.actor().await?, name, password)
            .await
    }

    async fn set_user_disabled(&self, name: &str, disabled: bool) -> Result<User> {
        self.service
            .set_user_disabled(&self.actor().await?, name, disabled)
            .await
    }

    async fn set_user_role(&self, name: &str, role: &str) -> Result<User> {
        self.service
            .set_user_role(&self.actor().await?, name, role)
            .await
    }

    async fn sessions(&self, user: Option<&str>) -> Result<Vec<crate::api::SessionInfo>> {
        let sessions = self.service.sessions(&self.actor().await?, user).await?;
        Ok(sessions
            .into_iter()
            .map(|session| crate::api::SessionInfo {
                session,
                current: false,
            })
            .collect())
    }

    async fn end_sessions(&self, user: Option<&str>, ending: Ending) -> Result<u64> {
        self.service
            .end_sessions(&self.actor().await?, user, ending)
            .await
    }

    async fn logout(&self) -> Result<bool> {
        self.service.end_current_session(&self.actor().await?).await
    }

    async fn unlock_user(&self, name: &str) -> Result<crate::api::UnlockedUser> {
        self.service.unlock_user(&self.actor().await?, name).await
    }

    async fn signing_keys(&self) -> Result<Vec<KeyInfo>> {
        self.service.signing_keys(&self.actor().await?)
    }

    async fn jwks(&self) -> Result<serde_json::Value> {
        let jwks = self.service.public_keys()?;
        serde_json::to_value(jwks).map_err(|error| {
            crate::error::Error::internal(format!("cannot encode the JWK Set: {error}"))
        })
    }

    async fn rotate_signing_key(&self) -> Result<Rotation> {
        self.service.rotate_signing_key(&self.actor().await?).await
    }

    async fn verify_access_token(
        &self,
        token: &str,
        audience: Option<&str>,
    ) -> Result<AccessClaims> {
        self.service.verify_access_token(token, audience)
    }

    async fn exchange(
        &self,
        subject: ExchangeOf<'_>,
        request: ExchangeRequest,
    ) -> Result<Exchanged> {
        let subject = match subject {
            ExchangeOf::Token(secret) => ExchangeSubject::Token(secret),
            ExchangeOf::IdToken(token) => ExchangeSubject::IdToken(token),
            ExchangeOf::Own => ExchangeSubject::Local(&self.origin.who),
        };
        Ok(self
            .service
            .exchange(subject, request, &UsedFrom::source(&self.origin.source))
            .await?)
    }

    async fn webhooks(&self) -> Result<Vec<Webhook>> {
        Err(webhooks_need_a_server())
    }

    async fn add_webhook(&self, _request: NewWebhookRequest) -> Result<AddedWebhook> {
        Err(webhooks_need_a_server())
    }

    async fn remove_webhook(&self, _id: Id) -> Result<Webhook> {
        Err(webhooks_need_a_server())
    }

    async fn test_webhook(&self, _id: Id) -> Result<String> {
        Err(webhooks_need_a_server())
    }

    async fn webhook_deliveries(&self, _request: DeliveriesRequest) -> Result<Page<Delivery>> {
        Err(webhooks_need_a_server())
    }

    async fn trust_policies(&self) -> Result<Vec<TrustPolicy>> {
        self.service.trust_policies(&self.actor().await?).await
    }

    async fn trust_policy(&self, name: &str) -> Result<TrustPolicy> {
        self.service.trust_policy(&self.actor().await?, name).await
    }

    async fn add_trust_policy(&self, request: NewTrustPolicy) -> Result<TrustPolicy> {
        self.service
            .add_trust_policy(&self.actor().await?, request)
            .await
    }

    async fn remove_trust_policy(&self, name: &str) -> Result<TrustPolicy> {
        self.service
            .remove_trust_policy(&self.actor().await?, name)
            .await
    }

    async fn test_trust(&self, name: Option<&str>, id_token: &str) -> Result<TrustVerdicts> {
        self.service
            .test_trust(&self.actor().await?, name, id_token)
            .await
    }
}
