//! `/v1/audit`: the audit log.

use axum::Router;
use axum::extract::State;
use axum::routing::{get, post};

use super::{Json, Paged, Query};
use crate::api::{self, AuditQuery, PruneAuditRequest, PrunedAudit};
use crate::error::Error;
use crate::model::AuditEntry;
use crate::requests::{AuditRequest, TokenRef};
use crate::server::AppState;
use crate::server::auth::Caller;
use crate::server::error::ApiResult;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/v1/audit", get(list))
        .route("/v1/audit/prune", post(prune))
}

async fn list(
    State(state): State<AppState>,
    Caller(actor): Caller,
    Query(query): Query<AuditQuery>,
) -> ApiResult<Paged<AuditEntry>> {
    let since = query
        .since_seconds
        .map(|seconds| crate::time::client_seconds("since_seconds", seconds))
        .transpose()
        .map_err(Error::invalid)?;
    let until = query
        .until_seconds
        .map(|seconds| crate::time::client_seconds("until_seconds", seconds))
        .transpose()
        .map_err(Error::invalid)?;
    let request = AuditRequest {
        token: query.token.as_deref().map(TokenRef::parse),
        since,
        until,
        actor: query.actor.clone(),
        action: query.action.clone(),
        page: api::page_request(query.limit, query.cursor.as_deref()),
    };
    let page = state.service.audit(&actor, request).await?;
    Paged::new(page, |cursor| AuditQuery {
        cursor: Some(cursor),
        ..query
    })
}

async fn prune(
    State(state): State<AppState>,
    Caller(actor): Caller,
    Json(request): Json<PruneAuditRequest>,
) -> ApiResult<Json<PrunedAudit>> {
    Ok(Json(
        state.service.prune_audit(&actor, request.before).await?,
    ))
}
