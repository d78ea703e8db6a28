//! `tokenctl serve`: the token API over HTTP — a thin layer over the same
//! [`TokenService`] the CLI uses locally. Handlers translate HTTP to service
//! calls and back; no business rule lives here.

mod auth;
mod error;
mod limits;
mod routes;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use tower_http::timeout::TimeoutLayer;

use crate::auth::SigningKey;
use crate::error::{Error, Result};
use crate::service::TokenService;

pub use limits::LoginLimiter;

/// Largest request body the API accepts; every real request is far smaller.
/// Enforced by the JSON extractor, so an oversized body gets our JSON error.
const MAX_BODY_BYTES: usize = 64 * 1024;
/// A request that takes longer than this is cut off with 408.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub service: Arc<TokenService>,
    pub keys: Arc<SigningKey>,
    pub login_limiter: Arc<LoginLimiter>,
}

/// The whole API, with body-size and time limits. Separate from binding a
/// socket so tests can drive it directly.
pub fn router(state: AppState) -> Router {
    routes::routes()
        .fallback(error::not_found)
        .method_not_allowed_fallback(error::method_not_allowed)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .with_state(state)
}

/// Serves the API on `listener` until SIGINT or SIGTERM, then finishes the
/// requests in flight.
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> Result<()> {
    let app = router(state).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(|error| Error::internal(format!("the server stopped: {error}")))
}

async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
    tracing::info!("shutting down: finishing requests in flight");
}
