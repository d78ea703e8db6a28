//! `/v1/audit`: the audit log.

use axum::Router;
use axum::extract::State;
use axum::routing::get;

use super::{Paged, Query};
use crate::api::{self, AuditQuery};
use crate::error::Error;
use crate::model::AuditEntry;
use crate::requests::{AuditRequest, TokenRef};
use crate::server::AppState;
use crate::server::auth::Caller;
use crate::server::error::ApiResult;

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/v1/audit", get(list))
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
    let request = AuditRequest {
        token: query.token.as_deref().map(TokenRef::parse),
        since,
        page: api::page_request(query.limit, query.cursor.as_deref()),
    };
    let page = state.service.audit(&actor, request).await?;
    Paged::new(page, |cursor| AuditQuery {
        cursor: Some(cursor),
        ..query
    })
}
