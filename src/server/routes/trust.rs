//! `/v1/trust`: the trust policies that admit CI jobs' ID tokens at the
//! token endpoint, and a dry run of one against them.

use axum::Router;
use axum::extract::State;
use axum::routing::{get, post};

use super::{Json, Path};
use crate::api::TrustTestRequest;
use crate::model::TrustPolicy;
use crate::requests::{NewTrustPolicy, TrustVerdicts};
use crate::server::AppState;
use crate::server::auth::Caller;
use crate::server::error::ApiResult;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/v1/trust/policies", get(list).post(add))
        .route("/v1/trust/policies/{name}", get(show).delete(remove))
        .route("/v1/trust/test", post(test))
}

async fn list(
    State(state): State<AppState>,
    Caller(actor): Caller,
) -> ApiResult<Json<Vec<TrustPolicy>>> {
    Ok(Json(state.service.trust_policies(&actor).await?))
}

async fn show(
    State(state): State<AppState>,
    Caller(actor): Caller,
    Path(name): Path<String>,
) -> ApiResult<Json<TrustPolicy>> {
    Ok(Json(state.service.trust_policy(&actor, &name).await?))
}

async fn add(
    State(state): State<AppState>,
    Caller(actor): Caller,
    Json(request): Json<NewTrustPolicy>,
) -> ApiResult<Json<TrustPolicy>> {
    Ok(Json(state.service.add_trust_policy(&actor, request).await?))
}

async fn remove(
    State(state): State<AppState>,
    Caller(actor): Caller,
    Path(name): Path<String>,
) -> ApiResult<Json<TrustPolicy>> {
    Ok(Json(
        state.service.remove_trust_policy(&actor, &name).await?,
    ))
}

async fn test(
    State(state): State<AppState>,
    Caller(actor): Caller,
    Json(request): Json<TrustTestRequest>,
) -> ApiResult<Json<TrustVerdicts>> {
    let verdicts = state
        .service
        .test_trust(&actor, request.policy.as_deref(), &request.token)
        .await?;
    Ok(Json(verdicts))
}
