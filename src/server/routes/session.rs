//! Logging in, and what the caller's credential says about them.

use axum::Router;
use axum::extract::State;
use axum::http::header::USER_AGENT;
use axum::http::request::Parts;
use axum::routing::{get, post};

use super::Json;
use super::two_factor::second_factor;
use crate::api::{ChangePasswordRequest, LoginRequest, LoginResponse, Me};
use crate::model::User;
use crate::policy::Credential;
use crate::server::AppState;
use crate::server::auth::{Caller, client_ip, source};
use crate::server::error::ApiResult;
use crate::service::Proof;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/v1/login", post(login))
        .route("/v1/me", get(me))
        .route("/v1/me/password", post(change_password))
}

async fn login(
    State(state): State<AppState>,
    parts: Parts,
    Json(request): Json<LoginRequest>,
) -> ApiResult<Json<LoginResponse>> {
    state.login_limiter.check(client_ip(&parts))?;
    let source = source(&parts);
    let proof = Proof {
        second_factor: second_factor(request.totp_code, request.recovery_code)?,
        new_password: request.new_password,
        password: request.password,
    };
    let user_agent = parts
        .headers
        .get(USER_AGENT)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    let signed_in = state
        .service
        .open_session(&request.username, &proof, &source, user_agent)
        .await?;
    Ok(Json(LoginResponse {
        session: signed_in.session,
        expires_at: signed_in.expires_at,
        user: signed_in.user,
    }))
}

async fn me(State(state): State<AppState>, Caller(actor): Caller) -> ApiResult<Json<Me>> {
    let (credential, token_id, session_id) = match actor.credential {
        Credential::Token(id) => ("token", Some(id), None),
        Credential::Session(id) => ("session", None, Some(id)),
        Credential::Local | Credential::Password => ("session", None, None),
        Credential::AccessToken => ("access_token", None, None),
        // Only ever the subject of an exchange, never a caller of the API.
        Credential::IdToken => ("id_token", None, None),
    };
    let identity = state.service.identity(actor).await?;
    Ok(Json(Me {
        user: std::sync::Arc::unwrap_or_clone(identity.actor.user),
        permissions: identity.actor.permissions,
        role_permissions: identity.role_permissions,
        credential: credential.to_owned(),
        token_id,
        session_id,
        enrolment_only: identity.actor.enrolment_only,
    }))
}

/// Checks a password like a login does, so it is rate-limited like one.
async fn change_password(
    State(state): State<AppState>,
    parts: Parts,
    Caller(actor): Caller,
    Json(request): Json<ChangePasswordRequest>,
) -> ApiResult<Json<User>> {
    state.login_limiter.check(client_ip(&parts))?;
    Ok(Json(
        state
            .service
            .change_password(&actor, &request.current_password, request.new_password)
            .await?,
    ))
}
