//! `/v1/audit`: the audit log.

use axum::Router;
use axum::extract::State;
use axum::routing::get;

use super::{Json, Query};
use crate::api::AuditQuery;
use crate::error::Error;
use crate::model::AuditEntry;
use crate::server::AppState;
use crate::server::auth::Caller;
use crate::server::error::ApiResult;
use crate::service::TokenRef;
use crate::store::AuditFilter;

pub fn routes() -> Router<AppState> {
    Router::new().route("/v1/audit", get(list))
}

async fn list(
    State(state): State<AppState>,
    Caller(actor): Caller,
    Query(query): Query<AuditQuery>,
) -> ApiResult<Json<Vec<AuditEntry>>> {
    let since = query
        .since_seconds
        .map(|seconds| crate::time::client_seconds("since_seconds", seconds))
        .transpose()
        .map_err(Error::invalid)?;
    let mut filter = AuditFilter {
        since: since.map(|span| crate::time::now() - span),
        ..AuditFilter::default()
    };
    if let Some(reference) = query.token {
        let token = state
            .service
            .find_token(&actor, &TokenRef::parse(&reference))
            .await?;
        filter.token_id = Some(token.id);
    }
    Ok(Json(state.service.audit(&actor, filter).await?))
}
