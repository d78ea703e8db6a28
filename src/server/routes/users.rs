//! `/v1/users`: accounts.

use axum::Router;
use axum::extract::State;
use axum::routing::{get, patch, post};

use super::{Json, JsonOrEmpty, Paged, Path, Query};
use crate::api::{
    self, AddUserRequest, AddedUser, EditUserRequest, RemovedUser, ResetPasswordRequest,
    SetRoleRequest, UnlockedUser, UsersQuery,
};
use crate::model::User;
use crate::requests::UsersRequest;
use crate::server::AppState;
use crate::server::auth::Caller;
use crate::server::error::ApiResult;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/v1/users", get(list).post(add))
        .route("/v1/users/{name}", patch(edit).delete(remove))
        .route("/v1/users/{name}/disable", post(disable))
        .route("/v1/users/{name}/enable", post(enable))
        .route("/v1/users/{name}/role", post(set_role))
        .route("/v1/users/{name}/unlock", post(unlock))
        .route("/v1/users/{name}/password", post(reset_password))
}

async fn list(
    State(state): State<AppState>,
    Caller(actor): Caller,
    Query(query): Query<UsersQuery>,
) -> ApiResult<Paged<User>> {
    let request = UsersRequest {
        removed: query.removed,
        page: api::page_request(query.limit, query.cursor.as_deref()),
    };
    let page = state.service.users(&actor, request).await?;
    Paged::new(page, |cursor| UsersQuery {
        cursor: Some(cursor),
        ..query
    })
}

async fn edit(
    State(state): State<AppState>,
    Caller(actor): Caller,
    Path(name): Path<String>,
    Json(request): Json<EditUserRequest>,
) -> ApiResult<Json<User>> {
    Ok(Json(
        state
            .service
            .edit_user(&actor, &name, request.email.as_deref())
            .await?,
    ))
}

async fn remove(
    State(state): State<AppState>,
    Caller(actor): Caller,
    Path(name): Path<String>,
) -> ApiResult<Json<RemovedUser>> {
    Ok(Json(state.service.remove_user(&actor, &name).await?))
}

async fn add(
    State(state): State<AppState>,
    Caller(actor): Caller,
    Json(request): Json<AddUserRequest>,
) -> ApiResult<Json<AddedUser>> {
    let (user, password) = state.service.add_user(&actor, request).await?;
    Ok(Json(AddedUser { user, password }))
}

async fn disable(
    State(state): State<AppState>,
    Caller(actor): Caller,
    Path(name): Path<String>,
) -> ApiResult<Json<User>> {
    Ok(Json(
        state.service.set_user_disabled(&actor, &name, true).await?,
    ))
}

async fn enable(
    State(state): State<AppState>,
    Caller(actor): Caller,
    Path(name): Path<String>,
) -> ApiResult<Json<User>> {
    Ok(Json(
        state
            .service
            .set_user_disabled(&actor, &name, false)
            .await?,
    ))
}

async fn set_role(
    State(state): State<AppState>,
    Caller(actor): Caller,
    Path(name): Path<String>,
    Json(request): Json<SetRoleRequest>,
) -> ApiResult<Json<User>> {
    Ok(Json(
        state
            .service
            .set_user_role(&actor, &name, &request.role)
            .await?,
    ))
}

async fn unlock(
    State(state): State<AppState>,
    Caller(actor): Caller,
    Path(name): Path<String>,
) -> ApiResult<Json<UnlockedUser>> {
    Ok(Json(state.service.unlock_user(&actor, &name).await?))
}

async fn reset_password(
    State(state): State<AppState>,
    Caller(actor): Caller,
    Path(name): Path<String>,
    JsonOrEmpty(request): JsonOrEmpty<ResetPasswordRequest>,
) -> ApiResult<Json<AddedUser>> {
    let (user, password) = state
        .service
        .reset_password(&actor, &name, request.password)
        .await?;
    Ok(Json(AddedUser { user, password }))
}
