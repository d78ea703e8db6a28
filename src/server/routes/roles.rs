//! `/v1/roles`: roles are data.

use std::sync::Arc;

use axum::Router;
use axum::extract::State;
use axum::routing::get;

use super::{Json, Path, Query};
use crate::api::{AddRoleRequest, EditRoleRequest, RemoveRoleQuery, RemovedRole};
use crate::model::Role;
use crate::server::AppState;
use crate::server::auth::Caller;
use crate::server::error::ApiResult;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/v1/roles", get(list).post(add))
        .route("/v1/roles/{name}", get(show).patch(edit).delete(remove))
}

async fn list(State(state): State<AppState>, Caller(actor): Caller) -> ApiResult<Json<Vec<Role>>> {
    Ok(Json(state.service.roles(&actor).await?))
}

async fn show(
    State(state): State<AppState>,
    Caller(actor): Caller,
    Path(name): Path<String>,
) -> ApiResult<Json<Role>> {
    Ok(Json(Arc::unwrap_or_clone(
        state.service.show_role(&actor, &name).await?,
    )))
}

async fn add(
    State(state): State<AppState>,
    Caller(actor): Caller,
    Json(request): Json<AddRoleRequest>,
) -> ApiResult<Json<Role>> {
    let permissions = request.permissions.into_iter().collect();
    let role = state
        .service
        .add_role(&actor, &request.name, &request.description, permissions)
        .await?;
    Ok(Json(role))
}

async fn edit(
    State(state): State<AppState>,
    Caller(actor): Caller,
    Path(name): Path<String>,
    Json(request): Json<EditRoleRequest>,
) -> ApiResult<Json<Role>> {
    let change = request.into();
    Ok(Json(state.service.edit_role(&actor, &name, &change).await?))
}

async fn remove(
    State(state): State<AppState>,
    Caller(actor): Caller,
    Path(name): Path<String>,
    Query(query): Query<RemoveRoleQuery>,
) -> ApiResult<Json<RemovedRole>> {
    let removed = state
        .service
        .remove_role(&actor, &name, query.reassign.as_deref())
        .await?;
    Ok(Json(removed))
}
