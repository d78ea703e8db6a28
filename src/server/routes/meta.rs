//! Liveness, readiness, metrics and the API description.

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use super::Json;
use crate::server::AppState;
use crate::server::error::ApiError;

/// The OpenAPI 3 description of this API, kept beside the routes and checked
/// against them by the test suite.
pub(in crate::server) const OPENAPI: &str = include_str!("../openapi.json");

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(health))
        .route("/readyz", get(ready))
        .route("/metrics", get(metrics))
        .route("/openapi.json", get(openapi))
}

/// The process answers: for restarting one that does not.
async fn health() -> Json<serde_json::Value> {
    Json(serde_json::json!({ "status": "ok" }))
}

/// Whether to send this replica requests: 200 when every check passes, 503
/// (with the same body, saying which failed) when not.
async fn ready(State(state): State<AppState>) -> Response {
    let readiness = state.service.readiness().await;
    let status = if readiness.ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, Json(readiness)).into_response()
}

/// The Prometheus text format. Not here when `serve --metrics-listen` puts
/// it on an address of its own.
async fn metrics(State(state): State<AppState>) -> Response {
    if !state.metrics_on_api {
        return ApiError(crate::error::Error::not_found(
            "no such route: metrics are served on the --metrics-listen address",
        ))
        .into_response();
    }
    render_metrics(&state)
}

pub(in crate::server) fn render_metrics(state: &AppState) -> Response {
    let mut snapshot = state.service.metrics_snapshot();
    snapshot.logins_throttled = state.login_limiter.refused();
    let text = state.service.metrics().render(snapshot);
    ([(CONTENT_TYPE, crate::metrics::CONTENT_TYPE)], text).into_response()
}

async fn openapi() -> impl IntoResponse {
    ([(CONTENT_TYPE, "application/json")], OPENAPI)
}
