//! Logging in, and what the caller's credential says about them.

use axum::Router;
use axum::extract::State;
use axum::http::request::Parts;
use axum::routing::{get, post};

use super::Json;
use crate::api::{LoginRequest, LoginResponse, Me, TotpConfirmRequest, TotpEnrollment};
use crate::policy::Credential;
use crate::server::AppState;
use crate::server::auth::{Caller, client_ip, source};
use crate::server::error::ApiResult;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/v1/login", post(login))
        .route("/v1/me", get(me))
        .route("/v1/me/totp", post(begin_totp))
        .route("/v1/me/totp/confirm", post(confirm_totp))
}

async fn login(
    State(state): State<AppState>,
    parts: Parts,
    Json(request): Json<LoginRequest>,
) -> ApiResult<Json<LoginResponse>> {
    state.login_limiter.check(client_ip(&parts))?;
    let source = source(&parts);
    let login = state
        .service
        .login(
            &request.username,
            &request.password,
            request.totp_code.as_deref(),
            &source,
        )
        .await?;
    let (session, expires_at) = crate::auth::issue_session(
        &state.keys.current(),
        &login.user.name,
        &login.methods,
        crate::time::now(),
    )?;
    Ok(Json(LoginResponse {
        session,
        expires_at,
        user: login.user,
    }))
}

async fn me(Caller(actor): Caller) -> Json<Me> {
    let (credential, token_id) = match actor.credential {
        Credential::Token(id) => ("token", Some(id)),
        Credential::Session | Credential::Local => ("session", None),
        Credential::AccessToken => ("access_token", None),
    };
    Json(Me {
        user: std::sync::Arc::unwrap_or_clone(actor.user),
        permissions: actor.permissions,
        credential: credential.to_owned(),
        token_id,
    })
}

async fn begin_totp(
    State(state): State<AppState>,
    Caller(actor): Caller,
) -> ApiResult<Json<TotpEnrollment>> {
    let (secret, otpauth_url) = state.service.begin_totp(&actor).await?;
    Ok(Json(TotpEnrollment {
        secret,
        otpauth_url,
    }))
}

async fn confirm_totp(
    State(state): State<AppState>,
    Caller(actor): Caller,
    Json(request): Json<TotpConfirmRequest>,
) -> ApiResult<Json<serde_json::Value>> {
    state.service.confirm_totp(&actor, &request.code).await?;
    Ok(Json(serde_json::json!({ "totp": "enabled" })))
}
