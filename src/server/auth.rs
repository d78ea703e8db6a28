//! Who is calling: the `Caller` extractor turns `Authorization: Bearer …`
//! into an actor — a login session (signed JWT) or a token's secret.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::HeaderValue;
use axum::http::header::{AUTHORIZATION, USER_AGENT};
use axum::http::request::Parts;

use super::AppState;
use super::access_log;
use super::client_address::ClientAddress;
use super::error::ApiError;
use crate::auth::{self, SessionClaims};
use crate::error::{Error, Reason};
use crate::policy::Actor;
use crate::requests::UsedFrom;
use crate::secret::{self, Secret};
use crate::time;

/// The authenticated caller of a request.
pub(super) struct Caller(pub Actor);

/// The client's address: the one behind a trusted proxy (see
/// [`super::client_address`]), else the socket's peer.
pub(super) fn client_ip(parts: &Parts) -> Option<IpAddr> {
    client_address(&parts.extensions)
}

/// [`client_ip`] from a request's extensions.
pub(super) fn client_address(extensions: &axum::http::Extensions) -> Option<IpAddr> {
    if let Some(resolved) = extensions.get::<ClientAddress>() {
        return Some(resolved.0);
    }
    extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| crate::network::canonical(info.0.ip()))
}

/// Where a request came from, for the audit log.
pub(super) fn source(parts: &Parts) -> String {
    client_ip(parts).map_or_else(|| "api".to_owned(), |ip| format!("api@{ip}"))
}

/// [`source`] as an extractor, for handlers that need nothing else of the
/// request's head: taking `Parts` would copy all of it for every request.
pub(super) struct Source(pub String);

impl<S: Sync> FromRequestParts<S> for Source {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Source, Self::Rejection> {
        Ok(Source(source(parts)))
    }
}

/// Who is at the other end of a request, for a token's last use: the
/// client's address, the source the audit log names, and its `User-Agent`
/// (a cheap copy: a header value shares the request's buffer).
pub(super) struct Client {
    address: Option<IpAddr>,
    source: String,
    agent: Option<HeaderValue>,
}

impl Client {
    pub(super) fn of(parts: &Parts) -> Client {
        Client {
            address: client_ip(parts),
            source: source(parts),
            agent: parts.headers.get(USER_AGENT).cloned(),
        }
    }

    pub(super) fn used_from(&self) -> UsedFrom<'_> {
        UsedFrom {
            address: self.address,
            source: &self.source,
            agent: self.agent.as_ref().and_then(|agent| agent.to_str().ok()),
        }
    }

    pub(super) fn source(&self) -> &str {
        &self.source
    }
}

impl<S: Sync> FromRequestParts<S> for Client {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Client, Self::Rejection> {
        Ok(Client::of(parts))
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let client = Client::of(parts);
        let source = client.source();
        let whose = parts.extensions.get::<access_log::Whose>().cloned();
        let credential = bearer(parts)?;
        let actor = if looks_like_token(credential) {
            let secret = Secret::parse(credential).map_err(|error| {
                Error::unauthenticated(format!("the bearer token is malformed: {error}"))
            })?;
            if let Some(whose) = &whose {
                whose.presented(&secret);
            }
            state
                .service
                .actor_for_token(&secret, &client.used_from())
                .await?
        } else if crate::exchange::is_access_token(credential) {
            state
                .service
                .actor_for_access_token(credential, &client.used_from())
                .await?
        } else {
            let claims = verify_session(state, credential).await?;
            state.service.actor_for_session(&claims, source).await?
        };
        if let Some(whose) = &whose {
            whose.authenticated(&actor);
        }
        Ok(Caller(actor))
    }
}

/// A session signed by a key this replica has not read yet — another
/// replica rotated less than a poll ago — is checked again after a look at
/// the key set file, so it is not refused in that window.
pub(super) async fn verify_session(
    state: &AppState,
    credential: &str,
) -> Result<Arc<SessionClaims>, Error> {
    let verify = || {
        let keys = state.keys.current();
        (state.sessions)
            .verify(&keys, credential, auth::session_validation(), time::now())
            .ok_or_else(auth::invalid_session)
    };
    match verify() {
        Err(_) if super::refresh_keys(&state.keys).await => verify(),
        result => result,
    }
}

/// The token secret a request is authenticated with, if that is what it
/// carries: `regenerate --self` acts on the very secret presented.
pub(super) struct BearerSecret(pub Option<Secret>);

impl<S: Sync> FromRequestParts<S> for BearerSecret {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<BearerSecret, Self::Rejection> {
        let secret = bearer(parts)
            .ok()
            .filter(|credential| looks_like_token(credential))
            .and_then(|credential| Secret::parse(credential).ok());
        Ok(BearerSecret(secret))
    }
}

pub(super) fn looks_like_token(credential: &str) -> bool {
    secret::has_token_prefix(credential)
}

fn bearer(parts: &Parts) -> Result<&str, ApiError> {
    let missing = || {
        ApiError(
            Error::unauthenticated("this needs a login session or a token")
                .because(Reason::NotLoggedIn),
        )
    };
    let value = parts.headers.get(AUTHORIZATION).ok_or_else(missing)?;
    let value = value.to_str().map_err(|_| missing())?;
    value
        .strip_prefix("Bearer ")
        .map(str::trim)
        .filter(|credential| !credential.is_empty())
        .ok_or_else(missing)
}
