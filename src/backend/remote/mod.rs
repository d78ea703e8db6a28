//! The remote backend: the token API spoken over HTTPS (reqwest, rustls,
//! certificate verification on). Failures come back as the same typed errors
//! the local service raises, so a command behaves — and exits — the same
//! whichever backend answered.

use std::path::Path;

mod client;
mod session;

pub(crate) use session::second_factor_fields;

use client::unexpected_status;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use reqwest::{Method, Url};

use crate::api;
use crate::backend::Backend;
use crate::error::{Error, ErrorKind, Reason, Result};
use crate::exchange::{
    ACCESS_TOKEN_TYPE, AccessClaims, ExchangeError, ExchangeRequest, ExchangeResponse, Exchanged,
    ID_TOKEN_TYPE, JWT_TOKEN_TYPE, OAuthErrorBody, TOKEN_EXCHANGE_GRANT, TOKEN_PATH,
    invalid_access_token, verify_with_jwks,
};
use crate::http::{http_client, parse_server_url};
use crate::jose::{KeyInfo, Rotation};
use crate::model::{
    AuditEntry, Delivery, Id, Permissions, Role, Status, Token, TrustPolicy, User, Webhook,
};
use crate::paging::Page;
use crate::policy::token_policy::{PolicyChange, PolicyCheck};
use crate::policy::{Actor, Credential, TokenPolicy};
use crate::requests::{
    AuditRequest, CreateRequest, CreatedToken, DeliveriesRequest, ExchangeOf, Identity,
    ListRequest, NewTrustPolicy, NewWebhookRequest, OwnedTokens, RegeneratedToken, Regeneration,
    Revocation, TokenRef, TrustVerdicts, UsersRequest,
};
use crate::secret::Secret;
use crate::service::Ending;
use crate::time;

pub struct RemoteBackend {
    base: Url,
    http: reqwest::Client,
    /// A session JWT or a token secret, sent as `Authorization: Bearer`.
    credential: Option<String>,
}

impl std::fmt::Debug for RemoteBackend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "RemoteBackend({})", self.base)
    }
}

impl RemoteBackend {
    /// `ca_cert`: extra CA certificates (PEM) to trust besides the system's.
    pub fn new(
        server: &str,
        credential: Option<String>,
        ca_cert: Option<&Path>,
    ) -> Result<RemoteBackend> {
        let base = parse_server_url(server)?;
        let http = http_client(ca_cert)?;
        Ok(RemoteBackend {
            base,
            http,
            credential,
        })
    }

    pub fn server(&self) -> &Url {
        &self.base
    }

    /// A regeneration through `path` (a token's, or the caller's own).
    async fn regenerate_at(
        &self,
        path: &[&str],
        options: Regeneration,
    ) -> Result<RegeneratedToken> {
        let body = api::RegenerateRequest {
            grace_seconds: options.grace.map(|grace| grace.num_seconds()),
            expires: options.expires.map(|expiry| expiry.to_string()),
        };
        let regenerated: api::RegeneratedToken = self.call(Method::POST, path, Some(&body)).await?;
        Ok(RegeneratedToken {
            secret: secret_from_wire(&regenerated.secret)?,
            token: regenerated.token,
            previous_valid_until: regenerated.previous_valid_until,
        })
    }
}

fn status_name(status: Option<Status>) -> &'static str {
    status.map_or("all", Status::as_str)
}

fn token_path(reference: &TokenRef) -> String {
    match reference {
        TokenRef::Id(id) => id.to_string(),
        TokenRef::Name(name) => name.clone(),
    }
}

fn secret_body(secret: &Secret) -> api::SecretRequest {
    api::SecretRequest {
        token: secret.expose().to_owned(),
    }
}

fn secret_from_wire(secret: &str) -> Result<Secret> {
    Secret::parse(secret)
        .map_err(|error| Error::internal(format!("the server sent a malformed token: {error}")))
}

#[async_trait]
impl Backend for RemoteBackend {
    async fn whoami(&self) -> Result<Identity> {
        let me = self.me().await?;
        let actor = Actor {
            user: std::sync::Arc::new(me.user),
            permissions: me.permissions,
            credential: match (me.credential.as_str(), me.token_id) {
                (_, Some(id)) => Credential::Token(id),
                ("access_token", None) => Credential::AccessToken,
                _ => Credential::Session(me.session_id.unwrap_or_default()),
            },
            source: self.base.to_string(),
            enrolment_only: me.enrolment_only,
            second_factor: false,
            // The server names the token in its audit entries; nothing
            // here writes one.
            via_token: None,
        };
        Ok(Identity {
            actor,
            role_permissions: me.role_permissions,
        })
    }

    async fn create_token(&self, request: CreateRequest) -> Result<CreatedToken> {
        let body = api::CreateTokenRequest {
            name: request.name,
            kind: request.kind,
            role: request.role,
            expires: request.expires.map(|expiry| expiry.to_string()),
            description: request.description,
            owner: request.owner,
            max_idle_seconds: request.max_idle.map(|idle| idle.num_seconds()),
            allowed_ips: request
                .allowed_ips
                .iter()
                .map(ToString::to_string)
                .collect(),
        };
        let created: api::CreatedToken = self.call(Method::POST, &["tokens"], Some(&body)).await?;
        Ok(CreatedToken {
            secret: secret_from_wire(&created.secret)?,
            token: created.token,
            stripped: created.stripped_permissions,
        })
    }

    async fn list_tokens(&self, request: ListRequest) -> Result<Page<Token>> {
        let query = api::TokenQuery {
            status: Some(status_name(request.status).to_owned()),
            owner: request.owner,
            kind: request.kind,
            expiring_within_seconds: request.expiring_within.map(|within| within.num_seconds()),
            used_within_seconds: request.used_within.map(|within| within.num_seconds()),
            unused_for_seconds: request.unused_for.map(|unused| unused.num_seconds()),
            limit: request.page.limit,
            cursor: request.page.cursor.map(|cursor| cursor.as_str().to_owned()),
        };
        self.get_page(&["tokens"], &query).await
    }

    async fn show_token(&self, reference: &TokenRef) -> Result<Token> {
        self.call(
            Method::GET,
            &["tokens", &token_path(reference)],
            None::<&()>,
        )
        .await
    }

    async fn revoke(&self, reference: &TokenRef, reason: Option<&str>) -> Result<Revocation> {
        let path = token_path(reference);
        let body = api::RevokeRequest {
            reason: reason.map(str::to_owned),
        };
        let revocation: api::Revocation = self
            .call(Method::POST, &["tokens", &path, "revoke"], Some(&body))
            .await?;
        Ok(revocation.into())
    }

    async fn revoke_owned(&self, request: OwnedTokens) -> Result<Vec<Revocation>> {
        let body = api::RevokeOwnedRequest {
            owner: request.owner,
            kind: request.kind,
            reason: request.reason,
        };
        let revocations: Vec<api::Revocation> = self
            .call(Method::POST, &["tokens", "revoke-owned"], Some(&body))
            .await?;
        Ok(revocations.into_iter().map(Into::into).collect())
    }

    async fn revoke_by_secret(&self, secret: &Secret, reason: Option<&str>) -> Result<Revocation> {
        let body = api::RevokeByValueRequest {
            token: secret.expose().to_owned(),
            reason: reason.map(str::to_owned),
        };
        let revocation: api::Revocation = self
            .call(Method::POST, &["tokens", "revoke-by-value"], Some(&body))
            .await?;
        Ok(revocation.into())
    }

    async fn regenerate(
        &self,
        reference: &TokenRef,
        options: Regeneration,
    ) -> Result<RegeneratedToken> {
        let path = token_path(reference);
        self.regenerate_at(&["tokens", &path, "regenerate"], options)
            .await
    }

    async fn rotate_self(&self, options: Regeneration) -> Result<RegeneratedToken> {
        self.regenerate_at(&["me", "token", "regenerate"], options)
            .await
    }

    /// Through the standard RFC 8693 token endpoint, as any client would.
    async fn exchange(
        &self,
        subject: ExchangeOf<'_>,
        request: ExchangeRequest,
    ) -> Result<Exchanged> {
        let (subject_token, subject_type) = match (subject, &self.credential) {
            (ExchangeOf::Token(secret), _) => (secret.expose(), ACCESS_TOKEN_TYPE),
            (ExchangeOf::IdToken(token), _) => (token, ID_TOKEN_TYPE),
            (ExchangeOf::Own, Some(credential)) if Secret::parse(credential).is_ok() => {
                (credential.as_str(), ACCESS_TOKEN_TYPE)
            }
            (ExchangeOf::Own, Some(session)) => (session.as_str(), JWT_TOKEN_TYPE),
            (ExchangeOf::Own, None) => {
                return Err(
                    Error::unauthenticated("nothing to exchange").because(Reason::NotLoggedIn)
                );
            }
        };
        let mut form = vec![
            ("grant_type", TOKEN_EXCHANGE_GRANT.to_owned()),
            ("subject_token", subject_token.to_owned()),
            ("subject_token_type", subject_type.to_owned()),
        ];
        form.extend(request.scopes.iter().map(|scope| ("scope", scope.clone())));
        form.extend(request.audience.map(|audience| ("audience", audience)));
        form.extend(
            request
                .ttl
                .map(|ttl| ("expires_in", ttl.num_seconds().to_string())),
        );
        if request.strict_ttl {
            form.push(("strict_ttl", "true".to_owned()));
        }
        let url = self.outside_v1(TOKEN_PATH);
        let (status, body) = self.fetch(self.http.post(url).form(&form)).await?;
        if status.is_success() {
            let answer: ExchangeResponse =
                serde_json::from_slice(&body).map_err(|error| self.unreadable(&error))?;
            return Ok(answer.into());
        }
        Err(match serde_json::from_slice::<OAuthErrorBody>(&body) {
            Ok(error) => ExchangeError::from_code(&error.error, error.error_description).into(),
            Err(_) => unexpected_status(status, &self.base),
        })
    }

    /// Fetches the issuer's metadata and JWK Set, then checks offline.
    async fn verify_access_token(
        &self,
        token: &str,
        audience: Option<&str>,
    ) -> Result<AccessClaims> {
        #[derive(serde::Deserialize)]
        struct Metadata {
            issuer: String,
            jwks_uri: String,
        }
        let url = self.outside_v1("/.well-known/oauth-authorization-server");
        let metadata: Metadata = self.send(self.http.get(url)).await?;
        let jwks_url = Url::parse(&metadata.jwks_uri)
            .map_err(|error| self.unreadable_text(&format!("jwks_uri: {error}")))?;
        let jwks: jsonwebtoken::jwk::JwkSet = self.send(self.http.get(jwks_url)).await?;
        let audience = audience.unwrap_or(&metadata.issuer);
        verify_with_jwks(&jwks, token, &metadata.issuer, audience, time::now())
            .ok_or_else(invalid_access_token)
    }

    async fn verify(&self, secret: &Secret, from: Option<std::net::IpAddr>) -> Result<Token> {
        if from.is_some() {
            return Err(Error::invalid(
                "--from works only on a local store: a server checks the address it sees the request come from",
            ));
        }
        self.call(
            Method::POST,
            &["tokens", "verify"],
            Some(&secret_body(secret)),
        )
        .await
    }

    async fn inspect_secret(&self, secret: &Secret) -> Result<Option<Token>> {
        let answer = self
            .call(
                Method::POST,
                &["tokens", "inspect"],
                Some(&secret_body(secret)),
            )
            .await;
        match answer {
            Ok(token) => Ok(Some(token)),
            Err(error) if error.kind == ErrorKind::NotFound => Ok(None),
            Err(error) => Err(error),
        }
    }

    async fn audit(&self, request: AuditRequest) -> Result<Page<AuditEntry>> {
        let query = api::AuditQuery {
            token: request.token.as_ref().map(token_path),
            since_seconds: request.since.map(|since| since.num_seconds()),
            until_seconds: request.until.map(|until| until.num_seconds()),
            actor: request.actor,
            action: request.action,
            limit: request.page.limit,
            cursor: request.page.cursor.map(|cursor| cursor.as_str().to_owned()),
        };
        self.get_page(&["audit"], &query).await
    }

    async fn prune_audit(&self, before: DateTime<Utc>) -> Result<api::PrunedAudit> {
        let body = api::PruneAuditRequest { before };
        self.call(Method::POST, &["audit", "prune"], Some(&body))
            .await
    }

    async fn token_policy(&self) -> Result<TokenPolicy> {
        self.call(Method::GET, &["policy"], None::<&()>).await
    }

    async fn set_token_policy(&self, change: &PolicyChange) -> Result<TokenPolicy> {
        self.call(Method::PATCH, &["policy"], Some(change)).await
    }

    async fn check_token_policy(&self) -> Result<PolicyCheck> {
        self.call(Method::GET, &["policy", "check"], None::<&()>)
            .await
    }

    async fn webhooks(&self) -> Result<Vec<Webhook>> {
        self.call(Method::GET, &["webhooks"], None::<&()>).await
    }

    async fn add_webhook(&self, request: NewWebhookRequest) -> Result<api::AddedWebhook> {
        self.call(Method::POST, &["webhooks"], Some(&request)).await
    }

    async fn remove_webhook(&self, id: Id) -> Result<Webhook> {
        let id = id.to_string();
        self.call(Method::DELETE, &["webhooks", &id], None::<&()>)
            .await
    }

    async fn test_webhook(&self, id: Id) -> Result<String> {
        let id = id.to_string();
        let queued: api::QueuedMessage = self
            .call(Method::POST, &["webhooks", &id, "test"], None::<&()>)
            .await?;
        Ok(queued.message_id)
    }

    async fn webhook_deliveries(&self, request: DeliveriesRequest) -> Result<Page<Delivery>> {
        let query = api::DeliveriesQuery {
            webhook: request.webhook,
            message: request.message,
            failed: request.failed,
            limit: request.page.limit,
            cursor: request.page.cursor.map(|cursor| cursor.as_str().to_owned()),
        };
        self.get_page(&["webhooks", "deliveries"], &query).await
    }

    async fn trust_policies(&self) -> Result<Vec<TrustPolicy>> {
        self.call(Method::GET, &["trust", "policies"], None::<&()>)
            .await
    }

    async fn trust_policy(&self, name: &str) -> Result<TrustPolicy> {
        self.call(Method::GET, &["trust", "policies", name], None::<&()>)
            .await
    }

    async fn add_trust_policy(&self, request: NewTrustPolicy) -> Result<TrustPolicy> {
        self.call(Method::POST, &["trust", "policies"], Some(&request))
            .await
    }

    async fn remove_trust_policy(&self, name: &str) -> Result<TrustPolicy> {
        self.call(Method::DELETE, &["trust", "policies", name], None::<&()>)
            .await
    }

    async fn test_trust(&self, name: Option<&str>, id_token: &str) -> Result<TrustVerdicts> {
        let body = api::TrustTestRequest {
            policy: name.map(str::to_owned),
            token: id_token.to_owned(),
        };
        self.call(Method::POST, &["trust", "test"], Some(&body))
            .await
    }

    async fn roles(&self) -> Result<Vec<Role>> {
        self.call(Method::GET, &["roles"], None::<&()>).await
    }

    async fn role(&self, name: &str) -> Result<Role> {
        self.call(Method::GET, &["roles", name], None::<&()>).await
    }

    async fn add_role(
        &self,
        name: &str,
        description: &str,
        permissions: Permissions,
    ) -> Result<Role> {
        let body = api::AddRoleRequest {
            name: name.to_owned(),
            description: description.to_owned(),
            permissions: permissions.into_iter().collect(),
        };
        self.call(Method::POST, &["roles"], Some(&body)).await
    }

    async fn edit_role(&self, name: &str, change: &crate::requests::RoleChange) -> Result<Role> {
        let body = api::EditRoleRequest::from(change);
        self.call(Method::PATCH, &["roles", name], Some(&body))
            .await
    }

    async fn remove_role(&self, name: &str, reassign: Option<&str>) -> Result<api::RemovedRole> {
        let query = api::RemoveRoleQuery {
            reassign: reassign.map(str::to_owned),
        };
        self.send(self.request(Method::DELETE, &["roles", name]).query(&query))
            .await
    }

    async fn users(&self, request: UsersRequest) -> Result<Page<User>> {
        let query = api::UsersQuery {
            removed: request.removed,
            limit: request.page.limit,
            cursor: request.page.cursor.map(|cursor| cursor.as_str().to_owned()),
        };
        self.get_page(&["users"], &query).await
    }

    async fn edit_user(&self, name: &str, email: Option<&str>) -> Result<User> {
        let body = api::EditUserRequest {
            email: email.map(str::to_owned),
        };
        self.call(Method::PATCH, &["users", name], Some(&body))
            .await
    }

    async fn remove_user(&self, name: &str) -> Result<api::RemovedUser> {
        self.call(Method::DELETE, &["users", name], None::<&()>)
            .await
    }

    async fn reset_totp(&self, name: &str) -> Result<User> {
        self.call(Method::POST, &["users", name, "totp", "reset"], None::<&()>)
            .await
    }

    async fn add_user(&self, body: api::AddUserRequest) -> Result<(User, Option<String>)> {
        let added: api::AddedUser = self.call(Method::POST, &["users"], Some(&body)).await?;
        Ok((added.user, added.password))
    }

    async fn change_password(&self, current: &str, new: String) -> Result<User> {
        let body = api::ChangePasswordRequest {
            current_password: current.to_owned(),
            new_password: new,
        };
        self.call(Method::POST, &["me", "password"], Some(&body))
            .await
    }

    async fn reset_password(
        &self,
        name: &str,
        password: Option<String>,
    ) -> Result<(User, Option<String>)> {
        let body = api::ResetPasswordRequest { password };
        let reset: api::AddedUser = self
            .call(Method::POST, &["users", name, "password"], Some(&body))
            .await?;
        Ok((reset.user, reset.password))
    }

    async fn set_user_disabled(&self, name: &str, disabled: bool) -> Result<User> {
        let verb = if disabled { "disable" } else { "enable" };
        self.call(Method::POST, &["users", name, verb], None::<&()>)
            .await
    }

    async fn set_user_role(&self, name: &str, role: &str) -> Result<User> {
        let body = api::SetRoleRequest {
            role: role.to_owned(),
        };
        self.call(Method::POST, &["users", name, "role"], Some(&body))
            .await
    }

    async fn sessions(&self, user: Option<&str>) -> Result<Vec<api::SessionInfo>> {
        let query = api::SessionsOf {
            user: user.map(str::to_owned),
        };
        self.get_with_query(&["sessions"], &query).await
    }

    async fn end_sessions(&self, user: Option<&str>, ending: Ending) -> Result<u64> {
        let body = api::SessionsOf {
            user: user.map(str::to_owned),
        };
        let id;
        let path: &[&str] = match ending {
            Ending::One(one) => {
                id = one.to_string();
                &["sessions", &id, "revoke"]
            }
            Ending::All => &["sessions", "revoke-all"],
        };
        let ended: api::EndedSessions = self.call(Method::POST, path, Some(&body)).await?;
        Ok(ended.ended)
    }

    async fn logout(&self) -> Result<bool> {
        let ended: api::EndedSessions = self.call(Method::POST, &["logout"], None::<&()>).await?;
        Ok(ended.ended > 0)
    }

    async fn unlock_user(&self, name: &str) -> Result<api::UnlockedUser> {
        self.call(Method::POST, &["users", name, "unlock"], None::<&()>)
            .await
    }

    async fn signing_keys(&self) -> Result<Vec<KeyInfo>> {
        self.call(Method::GET, &["keys"], None::<&()>).await
    }

    async fn jwks(&self) -> Result<serde_json::Value> {
        let url = self.outside_v1("/.well-known/jwks.json");
        self.send(self.http.get(url)).await
    }

    async fn rotate_signing_key(&self) -> Result<Rotation> {
        self.call(Method::POST, &["keys", "rotate"], None::<&()>)
            .await
    }
}
