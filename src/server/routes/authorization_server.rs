//! tokenctl as an OAuth authorization server — not to be confused with
//! `crate::oauth`, the third-party providers whose tokens tokenctl keeps.
//! The standard face of exchange: the RFC 8693 token endpoint, RFC 7662
//! introspection, and the RFC 8414 metadata that points resource servers at it and at the JWK Set.
//! Errors here are RFC 6749 §5.2 bodies (`error`, `error_description`), not
//! the API's own error shape, because OAuth clients expect them.

use std::net::IpAddr;

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, PRAGMA};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Serialize;

use super::Json;

use crate::exchange::{
    ACCESS_TOKEN_TYPE, ExchangeError, ExchangeRequest, ExchangeResponse, Exchanged, ID_TOKEN_TYPE,
    JWT_TOKEN_TYPE, OAuthErrorBody, TOKEN_EXCHANGE_GRANT, TOKEN_PATH,
};
use crate::model::Permission;
use crate::requests::UsedFrom;
use crate::secret::Secret;
use crate::server::AppState;
use crate::server::access_log::Whose;
use crate::server::auth::{Caller, Client, looks_like_token, verify_session};
use crate::server::error::ApiError;
use crate::server::form::{FormBody, FormError, Parameters};
use crate::service::ExchangeSubject;

const INTROSPECTION_PATH: &str = "/oauth2/introspect";

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route(TOKEN_PATH, post(token))
        .route(INTROSPECTION_PATH, post(introspect))
        .route("/.well-known/oauth-authorization-server", get(metadata))
}

/// RFC 8693 §2.1 request parameters, plus two tokenctl extensions:
/// `expires_in` (seconds) asks for a shorter or longer lifetime, and
/// `strict_ttl=true` refuses one that cannot be given in full.
struct TokenForm<'a> {
    grant_type: Option<&'a str>,
    subject_token: Option<&'a str>,
    subject_token_type: Option<&'a str>,
    requested_token_type: Option<&'a str>,
    scope: Option<&'a str>,
    audience: Option<&'a str>,
    expires_in: Option<i64>,
    strict_ttl: bool,
}

impl<'a> TokenForm<'a> {
    fn read(parameters: &'a Parameters<'a>) -> Result<TokenForm<'a>, ExchangeError> {
        let one = |name| parameters.one(name).map_err(|error| invalid_form(&error));
        let expires_in = one("expires_in")?
            .map(|seconds| {
                seconds.parse().map_err(|_| {
                    ExchangeError::InvalidRequest(format!(
                        "expires_in must be a number of seconds, not '{seconds}'"
                    ))
                })
            })
            .transpose()?;
        let strict_ttl = match one("strict_ttl")? {
            None | Some("false") => false,
            Some("true") => true,
            Some(other) => {
                return Err(ExchangeError::InvalidRequest(format!(
                    "strict_ttl must be true or false, not '{other}'"
                )));
            }
        };
        Ok(TokenForm {
            grant_type: one("grant_type")?,
            subject_token: one("subject_token")?,
            subject_token_type: one("subject_token_type")?,
            requested_token_type: one("requested_token_type")?,
            scope: one("scope")?,
            audience: one("audience")?,
            expires_in,
            strict_ttl,
        })
    }
}

fn invalid_form(error: &FormError) -> ExchangeError {
    ExchangeError::InvalidRequest(format!("the request is not a valid form: {error}"))
}

impl From<FormError> for OAuthError {
    fn from(error: FormError) -> OAuthError {
        OAuthError(invalid_form(&error))
    }
}

/// Forms are read by the OAuth endpoints only, so a body that is not one
/// is refused as they refuse a bad request.
impl IntoResponse for FormError {
    fn into_response(self) -> Response {
        OAuthError::from(self).into_response()
    }
}

pub(super) struct OAuthError(pub ExchangeError);

impl IntoResponse for OAuthError {
    fn into_response(self) -> Response {
        let (status, description) = match &self.0 {
            ExchangeError::Server(error) => {
                tracing::error!(error = %error.message, "token exchange failed");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal server error".to_owned(),
                )
            }
            ExchangeError::SlowDown(message, _) => (StatusCode::TOO_MANY_REQUESTS, message.clone()),
            other => (StatusCode::BAD_REQUEST, other.to_string()),
        };
        let body = OAuthErrorBody {
            error: self.0.code().to_owned(),
            error_description: description,
        };
        let mut response = (status, no_store(), Json(body)).into_response();
        if let ExchangeError::SlowDown(_, seconds) = &self.0 {
            response
                .headers_mut()
                .insert(axum::http::header::RETRY_AFTER, (*seconds).into());
        }
        response
    }
}

/// RFC 6749 §5.1: token responses must not be cached.
fn no_store() -> [(axum::http::HeaderName, &'static str); 2] {
    [(CACHE_CONTROL, "no-store"), (PRAGMA, "no-cache")]
}

async fn token(
    State(state): State<AppState>,
    client: Client,
    whose: Whose,
    form: FormBody,
) -> Result<Response, OAuthError> {
    let parameters = form.parameters();
    let exchanged = match TokenForm::read(&parameters) {
        Ok(form) => exchange(&state, &client, &whose, form).await,
        Err(error) => Err(error),
    };
    let outcome = exchanged
        .as_ref()
        .map_or_else(ExchangeError::code, |_| "issued");
    state.service.metrics().check("exchange", outcome);
    let exchanged = exchanged.map_err(OAuthError)?;
    Ok((no_store(), Json(ExchangeResponse::from(exchanged))).into_response())
}

async fn exchange(
    state: &AppState,
    client: &Client,
    whose: &Whose,
    form: TokenForm<'_>,
) -> Result<Exchanged, ExchangeError> {
    let invalid = |message: &str| ExchangeError::InvalidRequest(message.to_owned());
    match form.grant_type {
        Some(TOKEN_EXCHANGE_GRANT) => {}
        Some(other) => {
            return Err(ExchangeError::UnsupportedGrantType(format!(
                "grant type '{other}' is not supported; use {TOKEN_EXCHANGE_GRANT}"
            )));
        }
        None => return Err(invalid("grant_type is missing")),
    }
    if let Some(requested) = form.requested_token_type
        && requested != ACCESS_TOKEN_TYPE
        && requested != JWT_TOKEN_TYPE
    {
        return Err(invalid("only access tokens can be requested"));
    }
    let subject_token = form
        .subject_token
        .ok_or_else(|| invalid("subject_token is missing"))?;
    let request = ExchangeRequest {
        ttl: form
            .expires_in
            .map(|seconds| crate::time::client_seconds("expires_in", seconds))
            .transpose()
            .map_err(ExchangeError::InvalidRequest)?,
        scopes: form.scope.into_iter().map(str::to_owned).collect(),
        audience: form.audience.map(str::to_owned),
        strict_ttl: form.strict_ttl,
    };
    // The subject borrows from one of these, whichever its type names.
    let secret;
    let claims;
    let subject = match form.subject_token_type {
        Some(ACCESS_TOKEN_TYPE) if looks_like_token(subject_token) => {
            secret = Secret::parse(subject_token)
                .map_err(|error| ExchangeError::InvalidGrant(error.to_string()))?;
            whose.presented(&secret);
            ExchangeSubject::Token(&secret)
        }
        Some(ID_TOKEN_TYPE) => ExchangeSubject::IdToken(subject_token),
        // A JWT this server did not sign is no session of ours: it can only
        // be a CI job's ID token, for the trust policies to judge.
        Some(JWT_TOKEN_TYPE) if !crate::auth::names_session_issuer(subject_token) => {
            ExchangeSubject::IdToken(subject_token)
        }
        Some(JWT_TOKEN_TYPE) => {
            claims = verify_session(state, subject_token)
                .await
                .map_err(|error| ExchangeError::InvalidGrant(error.message))?;
            whose.session(&claims);
            ExchangeSubject::Session(&claims)
        }
        Some(ACCESS_TOKEN_TYPE) => {
            return Err(ExchangeError::InvalidGrant(
                "the subject token is not a tokenctl token".to_owned(),
            ));
        }
        Some(other) => {
            return Err(invalid(&format!(
                "subject_token_type '{other}' is not supported: use {ACCESS_TOKEN_TYPE} for a \
                 token, {JWT_TOKEN_TYPE} for a login session, {ID_TOKEN_TYPE} for a CI job's \
                 ID token"
            )));
        }
        None => return Err(invalid("subject_token_type is missing")),
    };
    state
        .service
        .exchange(subject, request, &client.used_from())
        .await
}

/// RFC 7662: any authenticated caller (a resource server holding a token of
/// its own, or a login) may ask whether a token is active. Its form names
/// the `token`; a `token_type_hint` is accepted (once) and ignored, as
/// tokenctl tells its token kinds apart itself.
///
/// `client_ip` (our extension) is the address the resource server saw the
/// token come from. A token with an allow-list — or an access token
/// exchanged from one — is active only when that address is in it: without
/// `client_ip` the use cannot be placed, so it is not active.
async fn introspect(
    State(state): State<AppState>,
    Caller(_caller): Caller,
    client: Client,
    form: FormBody,
) -> Result<Response, OAuthError> {
    let parameters = form.parameters();
    parameters.one("token_type_hint")?;
    let token = parameters
        .one("token")?
        .filter(|token| !token.is_empty())
        .ok_or_else(|| {
            OAuthError(ExchangeError::InvalidRequest(
                "the form must name the token to introspect".to_owned(),
            ))
        })?;
    let client_ip = parameters
        .one("client_ip")?
        .map(|text| {
            text.parse::<IpAddr>().map_err(|_| {
                OAuthError(ExchangeError::InvalidRequest(
                    "client_ip must be an IPv4 or IPv6 address".to_owned(),
                ))
            })
        })
        .transpose()?;
    let used = UsedFrom {
        address: client_ip,
        ..client.used_from()
    };
    let introspection = state.service.introspect(token, &used).await;
    let outcome = if introspection.active {
        "active"
    } else {
        "inactive"
    };
    state.service.metrics().check("introspection", outcome);
    Ok((no_store(), Json(introspection)).into_response())
}

/// RFC 8414 authorization server metadata.
#[derive(Debug, Serialize)]
struct Metadata {
    issuer: String,
    token_endpoint: String,
    introspection_endpoint: String,
    jwks_uri: String,
    grant_types_supported: [&'static str; 1],
    response_types_supported: [&'static str; 0],
    token_endpoint_auth_methods_supported: [&'static str; 1],
    scopes_supported: Vec<&'static str>,
}

async fn metadata(State(state): State<AppState>) -> Response {
    let issuer = match state.service.issuer() {
        Ok(issuer) => issuer.policy.issuer.clone(),
        Err(error) => return ApiError::from(error).into_response(),
    };
    let base = issuer.trim_end_matches('/');
    Json(Metadata {
        token_endpoint: format!("{base}{TOKEN_PATH}"),
        introspection_endpoint: format!("{base}{INTROSPECTION_PATH}"),
        jwks_uri: format!("{base}/.well-known/jwks.json"),
        issuer,
        grant_types_supported: [TOKEN_EXCHANGE_GRANT],
        response_types_supported: [],
        token_endpoint_auth_methods_supported: ["none"],
        scopes_supported: Permission::ALL.iter().map(|p| p.as_str()).collect(),
    })
    .into_response()
}
