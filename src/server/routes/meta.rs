//! Liveness and the API description.

use axum::Router;
use axum::http::header::CONTENT_TYPE;
use axum::response::IntoResponse;
use axum::routing::get;

use super::Json;
use crate::server::AppState;

/// The OpenAPI 3 description of this API, kept beside the routes and checked
/// against them by the test suite.
pub(super) const OPENAPI: &str = include_str!("../openapi.json");

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(health))
        .route("/openapi.json", get(openapi))
}

async fn health() -> Json<serde_json::Value> {
    Json(serde_json::json!({ "status": "ok" }))
}

async fn openapi() -> impl IntoResponse {
    ([(CONTENT_TYPE, "application/json")], OPENAPI)
}
