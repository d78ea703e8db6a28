//! `/v1/policy`: the token policy every new token and secret is held to.

use axum::Router;
use axum::extract::State;
use axum::routing::get;

use super::Json;
use crate::policy::TokenPolicy;
use crate::policy::token_policy::{PolicyChange, PolicyCheck};
use crate::server::AppState;
use crate::server::auth::Caller;
use crate::server::error::ApiResult;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/v1/policy", get(show).patch(change))
        .route("/v1/policy/check", get(check))
}

/// Any signed-in caller may read the rules it is held to.
async fn show(State(state): State<AppState>, Caller(_): Caller) -> ApiResult<Json<TokenPolicy>> {
    Ok(Json(state.service.token_policy().await?))
}

async fn change(
    State(state): State<AppState>,
    Caller(actor): Caller,
    Json(change): Json<PolicyChange>,
) -> ApiResult<Json<TokenPolicy>> {
    Ok(Json(state.service.set_token_policy(&actor, change).await?))
}

async fn check(
    State(state): State<AppState>,
    Caller(actor): Caller,
) -> ApiResult<Json<PolicyCheck>> {
    Ok(Json(state.service.check_token_policy(&actor).await?))
}
