//! `/v1/sessions` and `/v1/logout`: the login sessions the store records.

use axum::Router;
use axum::extract::State;
use axum::routing::{get, post};

use super::{Json, JsonOrEmpty, Path, Query};
use crate::api::{EndedSessions, SessionInfo, SessionsOf};
use crate::model::Id;
use crate::policy::Credential;
use crate::server::AppState;
use crate::server::auth::Caller;
use crate::server::error::ApiResult;
use crate::service::Ending;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/v1/logout", post(logout))
        .route("/v1/sessions", get(list))
        .route("/v1/sessions/{id}/revoke", post(revoke))
        .route("/v1/sessions/revoke-all", post(revoke_all))
}

async fn logout(
    State(state): State<AppState>,
    Caller(actor): Caller,
) -> ApiResult<Json<EndedSessions>> {
    let ended = state.service.end_current_session(&actor).await?;
    Ok(Json(EndedSessions {
        ended: u64::from(ended),
    }))
}

async fn list(
    State(state): State<AppState>,
    Caller(actor): Caller,
    Query(query): Query<SessionsOf>,
) -> ApiResult<Json<Vec<SessionInfo>>> {
    let sessions = state
        .service
        .sessions(&actor, query.user.as_deref())
        .await?;
    Ok(Json(
        sessions
            .into_iter()
            .map(|session| SessionInfo {
                current: actor.credential == Credential::Session(session.id),
                session,
            })
            .collect(),
    ))
}

async fn revoke(
    State(state): State<AppState>,
    Caller(actor): Caller,
    Path(id): Path<Id>,
    JsonOrEmpty(request): JsonOrEmpty<SessionsOf>,
) -> ApiResult<Json<EndedSessions>> {
    end(&state, &actor, request, Ending::One(id)).await
}

async fn revoke_all(
    State(state): State<AppState>,
    Caller(actor): Caller,
    JsonOrEmpty(request): JsonOrEmpty<SessionsOf>,
) -> ApiResult<Json<EndedSessions>> {
    end(&state, &actor, request, Ending::All).await
}

async fn end(
    state: &AppState,
    actor: &crate::policy::Actor,
    request: SessionsOf,
    ending: Ending,
) -> ApiResult<Json<EndedSessions>> {
    let ended = state
        .service
        .end_sessions(actor, request.user.as_deref(), ending)
        .await?;
    Ok(Json(EndedSessions { ended }))
}
