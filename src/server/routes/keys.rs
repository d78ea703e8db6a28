//! The signing keys: the public JWK Set anyone may fetch to verify what this
//! server signs, and `/v1/keys` for admins to list and rotate them.

use axum::Router;
use axum::extract::State;
use axum::http::header::CACHE_CONTROL;
use axum::response::IntoResponse;
use axum::routing::{get, post};

use super::Json;
use crate::jose::{KeyInfo, Rotation};
use crate::server::AppState;
use crate::server::auth::Caller;
use crate::server::error::ApiResult;

/// How long verifiers may cache the JWK Set. Short: a new key signs as soon
/// as it is rotated in, and a verifier that doesn't know it yet refuses
/// tokens until it fetches the set again.
const JWKS_MAX_AGE: &str = "max-age=60";

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/.well-known/jwks.json", get(jwks))
        .route("/v1/keys", get(list))
        .route("/v1/keys/rotate", post(rotate))
}

async fn jwks(State(state): State<AppState>) -> impl IntoResponse {
    let jwks = state.keys.current().jwks(crate::time::now());
    ([(CACHE_CONTROL, JWKS_MAX_AGE)], Json(jwks))
}

async fn list(
    State(state): State<AppState>,
    Caller(actor): Caller,
) -> ApiResult<Json<Vec<KeyInfo>>> {
    Ok(Json(state.service.signing_keys(&actor)?))
}

async fn rotate(State(state): State<AppState>, Caller(actor): Caller) -> ApiResult<Json<Rotation>> {
    Ok(Json(state.service.rotate_signing_key(&actor).await?))
}
