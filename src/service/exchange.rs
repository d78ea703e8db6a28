//! The exchange of a credential for a short-lived access token, and
//! introspection of both.

use std::hash::Hash;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::auth::SessionClaims;
use crate::credential_cache;
use crate::error::{Error, ErrorKind, Result};
use crate::exchange::{
    self, AccessClaims, ActingParty, ExchangeError, ExchangePolicy, ExchangeRequest, Exchanged,
    Introspection,
};
use crate::model::{
    Id, Permissions, Status, Token, ViaToken, permissions_from_str, permissions_to_string,
};
use crate::policy::{self, Act, Actor, Credential};
use crate::requests::UsedFrom;
use crate::secret::Secret;
use crate::store::AuditRecord;

use super::TokenService;
use super::trust::{Federated, FederationFailure};

/// Whose rights an exchange hands on.
pub enum ExchangeSubject<'a> {
    /// A personal or service token, by its secret.
    Token(&'a Secret),
    /// A login session whose signature the caller has checked.
    Session(&'a SessionClaims),
    /// The OS user of a local store.
    Local(&'a str),
    /// A CI job's OpenID Connect ID token, for a trust policy to admit.
    IdToken(&'a str),
}

/// What an exchange's subject says on the wire when it is a refused ID
/// token: why is the audit log's to know, not the sender's.
const ID_TOKEN_REFUSED: &str = "the ID token is not accepted by any trust policy";

/// An exchange's subject once checked: who it acts as, and when the
/// credential it came from ends.
struct Subject {
    actor: Actor,
    token_id: Option<Id>,
    expires_at: Option<DateTime<Utc>>,
    /// The trust policy and CI job of a federated exchange.
    federated: Option<Federated>,
}

/// Whose exchanges are counted together: a token's, or a person's over all
/// of their sessions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Exchanger {
    Token(Id),
    User(Id),
    /// Every refused ID token or leak report, whoever sent it: how many
    /// are audited.
    Refused,
}

impl TokenService {
    /// Trades a token or a login session for a short-lived access token
    /// (RFC 8693 semantics): scopes must be a subset of the subject's
    /// permissions, the lifetime is capped by policy and by the subject's own
    /// expiry, and the exchange is audited before the token is returned.
    pub async fn exchange(
        &self,
        subject: ExchangeSubject<'_>,
        request: ExchangeRequest,
        from: &UsedFrom<'_>,
    ) -> std::result::Result<Exchanged, ExchangeError> {
        let source = from.source;
        let now = self.now();
        let issuer = self.issuer()?;
        let policy = &issuer.policy;
        let subject = self.exchange_subject(subject, from).await?;
        self.count_exchange(&subject)?;
        let audience = policy.audience(request.audience.as_deref())?;
        let requested = requested_scope(&request.scopes)?;
        let scope = policy::decide(&subject.actor, &Act::Exchange { scope: &requested })
            .map_err(|error| match error.kind {
                ErrorKind::PermissionDenied => ExchangeError::InvalidScope(error.message),
                _ => ExchangeError::InvalidGrant(error.message),
            })?
            .granted;
        let max_ttl = subject
            .federated
            .as_ref()
            .map_or(policy.max_ttl, |federated| {
                federated.max_ttl().min(policy.max_ttl)
            });
        let ttl = exchange::lifetime(
            request.ttl,
            max_ttl,
            now,
            subject.expires_at,
            request.strict_ttl,
        )?;
        let claims = AccessClaims {
            iss: policy.issuer.clone(),
            sub: subject.actor.user.name.clone(),
            aud: audience,
            exp: (now + ttl).timestamp(),
            iat: now.timestamp(),
            jti: crate::secret::random_base62(22).map_err(Error::from)?,
            client_id: match (&subject.federated, subject.token_id) {
                (Some(federated), _) => format!("trust:{}", federated.policy.name),
                (None, Some(id)) => format!("token:{id}"),
                (None, None) => "session".to_owned(),
            },
            scope: permissions_to_string(&scope),
            token_id: subject.token_id,
            epoch: subject.actor.user.session_epoch,
            nbf: None,
            act: subject.federated.as_ref().map(|federated| ActingParty {
                iss: federated.token.issuer.clone(),
                sub: federated.token.subject.clone(),
            }),
            trust_policy: subject
                .federated
                .as_ref()
                .map(|federated| federated.policy.name.clone()),
        };
        let access_token = issuer
            .current()?
            .sign(exchange::ACCESS_TOKEN_TYP, &claims)?;
        let audit = AuditRecord {
            at: now,
            actor: subject.actor.user.name.clone(),
            action: "token.exchange",
            token_id: subject.token_id,
            detail: match &subject.federated {
                Some(federated) => {
                    format!("{} {}", exchange_detail(&claims), federated.describe())
                }
                None => exchange_detail(&claims),
            },
            source: source.to_owned(),
            via_token: subject.actor.via_token.clone(),
            event: None,
        };
        if let Some(federated) = &subject.federated {
            let fresh = self
                .append_audit_claiming(audit, federated.id_token_use())
                .await
                .map_err(Error::from)?;
            if !fresh {
                self.audit_federation_refused(&federated.replayed(), source)
                    .await
                    .map_err(ExchangeError::Server)?;
                return Err(ExchangeError::InvalidGrant(ID_TOKEN_REFUSED.to_owned()));
            }
        } else {
            self.append_audit(audit).await.map_err(Error::from)?;
        }
        Ok(Exchanged {
            access_token,
            expires_in: ttl.num_seconds(),
            scope: claims.scope,
        })
    }

    /// RFC 7662 introspection of a personal/service token or of an access
    /// token this issuer signed. An access token is active only while the
    /// token it was exchanged from (or its user, for a login) still is.
    ///
    /// A token's secret introspected counts as a use of it, from the
    /// resource server that asks (`from`).
    pub async fn introspect(&self, token: &str, from: &UsedFrom<'_>) -> Introspection {
        let Ok(issuer) = self.issuer() else {
            return Introspection::inactive();
        };
        let active = if crate::secret::has_token_prefix(token) {
            self.introspect_secret(token, &issuer.policy, from).await
        } else {
            self.introspect_access_token(token, from).await
        };
        active.unwrap_or_else(Introspection::inactive)
    }

    async fn introspect_secret(
        &self,
        token: &str,
        policy: &ExchangePolicy,
        from: &UsedFrom<'_>,
    ) -> Option<Introspection> {
        let secret = Secret::parse(token).ok()?;
        let token = self.verify(&secret, from).await.ok()?;
        Some(Introspection {
            active: true,
            scope: Some(permissions_to_string(&token.effective_permissions)),
            client_id: Some(format!("token:{}", token.id)),
            username: Some(token.owner.clone()),
            token_type: Some("Bearer".to_owned()),
            exp: token.expires_at.map(|at| at.timestamp()),
            iat: Some(token.created_at.timestamp()),
            sub: Some(token.owner),
            aud: None,
            iss: Some(policy.issuer.clone()),
            jti: None,
        })
    }

    async fn introspect_access_token(
        &self,
        token: &str,
        from: &UsedFrom<'_>,
    ) -> Option<Introspection> {
        self.active_access_token(token, from)
            .await
            .map(|(claims, _)| Introspection::of_access_token(&claims))
    }

    /// Checks an access token offline, as a resource server would: this
    /// issuer's signature, `iss`, `aud` (`audience`, by default the issuer
    /// itself) and expiry. Whether its parent token was revoked since is
    /// [`TokenService::introspect`]'s question.
    pub fn verify_access_token(&self, token: &str, audience: Option<&str>) -> Result<AccessClaims> {
        let issuer = self.issuer()?;
        let ours = &issuer.policy.issuer;
        let audience = audience.unwrap_or(ours);
        let keys = issuer.current()?;
        exchange::verify_with_keys(&keys, token, ours, audience, self.now())
            .ok_or_else(exchange::invalid_access_token)
    }

    /// The actor an access token sent as `Authorization: Bearer` stands
    /// for: its user, with the permissions both its scope and the user's
    /// role still grant. Refused like any bad credential when it is not
    /// active (see [`TokenService::introspect`]), and when it was issued
    /// for another audience: a token meant for another resource server
    /// must not work here (RFC 9068 §4), or any such server could act as
    /// its user against this API.
    pub async fn actor_for_access_token(&self, token: &str, from: &UsedFrom<'_>) -> Result<Actor> {
        let ours = &self.issuer()?.policy.issuer;
        let (claims, parent) = self
            .active_access_token(token, from)
            .await
            .filter(|(claims, _)| claims.aud == *ours)
            .ok_or_else(|| {
                Error::unauthenticated("the access token is not valid here or has expired")
            })?;
        let scope = permissions_from_str(&claims.scope).map_err(Error::internal)?;
        let mut actor = self
            .actor(&claims.sub, Credential::AccessToken, from.source)
            .await?;
        actor
            .permissions
            .retain(|permission| scope.contains(permission));
        actor.via_token = parent.map(|parent| ViaToken {
            id: parent.id,
            hint: parent.hint.clone(),
        });
        Ok(actor)
    }

    /// The token an access token was exchanged from (through the cache:
    /// every introspection and Bearer use asks for it).
    async fn parent_token(&self, id: Id) -> Option<Arc<Token>> {
        let load = || self.store.token(id);
        self.cached(
            |cache| &cache.tokens,
            &id,
            load,
            credential_cache::keep_token,
        )
        .await
        .ok()?
    }

    /// The claims of an access token this issuer signed whose parent token
    /// and user are still valid, and that parent token (none for one made
    /// from a login session or an ID token).
    async fn active_access_token(
        &self,
        token: &str,
        from: &UsedFrom<'_>,
    ) -> Option<(Arc<AccessClaims>, Option<Arc<Token>>)> {
        let now = self.now();
        let issuer = self.issuer().ok()?;
        let claims = issuer
            .policy
            .verify_access_token(&issuer.current().ok()?, token, now)?;
        let mut parent = None;
        if let Some(id) = claims.token_id {
            let token = self.parent_token(id).await?;
            if token.status_at(now) != Status::Active {
                return None;
            }
            if !token.allows_address(from.address) {
                self.refuse_address(&token, from).await;
                return None;
            }
            parent = Some(token);
        }
        if let Some(trust) = &claims.trust_policy
            && !self.trust_still_stands(trust, claims.iat).await
        {
            return None;
        }
        let user = self.active_user(&claims.sub).await.ok()?;
        (claims.epoch == user.session_epoch).then_some((claims, parent))
    }

    /// Who an exchange acts for. A subject that is not (or no longer)
    /// valid is `invalid_grant`, whatever the reason.
    fn count_exchange(&self, subject: &Subject) -> std::result::Result<(), ExchangeError> {
        let Some(windows) = &self.exchanges else {
            return Ok(());
        };
        let (exchanger, whose) = match subject.token_id {
            Some(id) => (Exchanger::Token(id), format!("token {id}")),
            None => (
                Exchanger::User(subject.actor.user.id),
                format!("the sessions of {}", subject.actor.user.name),
            ),
        };
        windows.count(exchanger).map_err(|wait| {
            let seconds = crate::rate_limit::retry_after_seconds(wait);
            ExchangeError::SlowDown(
                format!(
                    "{whose} made more than {} exchanges this minute; retry in {seconds} s",
                    windows.limit()
                ),
                seconds,
            )
        })
    }

    async fn exchange_subject(
        &self,
        subject: ExchangeSubject<'_>,
        from: &UsedFrom<'_>,
    ) -> std::result::Result<Subject, ExchangeError> {
        let source = from.source;
        let invalid_grant = |error: Error| match error.kind {
            ErrorKind::Internal => ExchangeError::Server(error),
            _ => ExchangeError::InvalidGrant(error.message),
        };
        match subject {
            ExchangeSubject::Token(secret) => {
                let (token, actor) = self
                    .token_actor(secret, from)
                    .await
                    .map_err(invalid_grant)?;
                Ok(Subject {
                    actor,
                    token_id: Some(token.id),
                    expires_at: token.expires_at,
                    federated: None,
                })
            }
            ExchangeSubject::Session(claims) => Ok(Subject {
                actor: self
                    .actor_for_session(claims, source)
                    .await
                    .map_err(invalid_grant)?,
                token_id: None,
                expires_at: DateTime::from_timestamp(claims.exp, 0),
                federated: None,
            }),
            ExchangeSubject::Local(user) => Ok(Subject {
                actor: self
                    .actor(user, Credential::Local, source)
                    .await
                    .map_err(invalid_grant)?,
                token_id: None,
                expires_at: None,
                federated: None,
            }),
            ExchangeSubject::IdToken(token) => match self.federated(token, source).await {
                Ok(federated) => Ok(Subject {
                    actor: federated.actor.clone(),
                    token_id: None,
                    expires_at: Some(federated.token.expires_at),
                    federated: Some(federated),
                }),
                Err(FederationFailure::Server(error)) => Err(ExchangeError::Server(error)),
                Err(FederationFailure::Refused(why)) => {
                    self.audit_federation_refused(&why, source)
                        .await
                        .map_err(ExchangeError::Server)?;
                    Err(ExchangeError::InvalidGrant(ID_TOKEN_REFUSED.to_owned()))
                }
            },
        }
    }
}

/// The permissions a caller names in `scope` parameters (space-separated,
/// possibly several parameters); empty when none are named.
fn requested_scope(requested: &[String]) -> std::result::Result<Permissions, ExchangeError> {
    requested
        .iter()
        .flat_map(|text| text.split_whitespace())
        .map(|name| name.parse().map_err(ExchangeError::InvalidScope))
        .collect()
}

/// The audit log's words for an exchange: which access token (its `jti`),
/// what it may do, for whom and until when. Written into one buffer sized
/// for it, without strftime: this runs for every exchange.
fn exchange_detail(claims: &AccessClaims) -> String {
    use std::fmt::Write;
    let mut detail = String::with_capacity(160);
    let _ = write!(
        detail,
        "access token {} for '{}' (audience {}) until ",
        claims.jti, claims.scope, claims.aud
    );
    match DateTime::from_timestamp(claims.exp, 0) {
        // A whole second: shown as "2026-11-25 20:38:21".
        Some(until) => {
            let _ = write!(detail, "{} UTC", until.naive_utc());
        }
        None => {
            let _ = write!(detail, "{}", claims.exp);
        }
    }
    detail
}
