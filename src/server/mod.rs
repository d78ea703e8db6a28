//! `tokenctl serve`: the token API over HTTP — a thin layer over the same
//! [`TokenService`] the CLI uses locally. Handlers translate HTTP to service
//! calls and back; no business rule lives here.

mod access_log;
mod auth;
mod client_address;
mod connections;
mod error;
pub mod form;
mod http1;
mod limits;
mod metrics;
mod routes;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum_server::Handle;
use axum_server::tls_rustls::{RustlsAcceptor, RustlsConfig};
use tower_http::trace::TraceLayer;

use crate::auth::SessionClaims;
use crate::error::{Error, Result};
use crate::jose::{LiveKeys, VerifiedTokens};
use crate::service::TokenService;

pub use client_address::{ProxyHeader, TrustedProxies};
pub use connections::ConnectionLimits;
pub use limits::LoginLimiter;

/// Largest request body the API accepts; every real request is far smaller.
/// Enforced by the JSON extractor, so an oversized body gets our JSON error.
pub(crate) const MAX_BODY_BYTES: usize = 64 * 1024;
/// A request that takes longer than this is cut off with 408, unless
/// `serve --request-timeout` says otherwise.
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(15);

/// What every handler can reach (see [`Shared`]), behind one pointer:
/// axum clones the state for every request.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl AppState {
    pub fn new(shared: Shared) -> AppState {
        AppState(Arc::new(shared))
    }
}

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// The server's shared parts.
pub struct Shared {
    pub service: Arc<TokenService>,
    /// The service's signing key set, re-read when its file changes (see
    /// [`serve`]): the server publishes it and checks sessions against it.
    pub keys: LiveKeys,
    pub login_limiter: Arc<LoginLimiter>,
    /// Login sessions this server has verified (see [`VerifiedTokens`]).
    pub sessions: Arc<VerifiedTokens<SessionClaims>>,
    /// Longest a request may take, from its first byte to its answer.
    pub request_timeout: Duration,
    /// One line per request on stdout (`serve --access-log`).
    pub access_log: bool,
    /// `GET /metrics` is served with the API, rather than only on an
    /// address of its own (`serve --metrics-listen`).
    pub metrics_on_api: bool,
    /// The keys leak reports are signed with (`serve --leak-keys`); none:
    /// this server takes no reports.
    pub leak_keys: Option<Arc<crate::leak_report::ReportKeys>>,
    /// The proxies whose forwarding header names the client (`serve
    /// --trusted-proxy`); none: the socket's peer is the client.
    pub trusted_proxies: Arc<TrustedProxies>,
}

/// The whole API, with body-size and time limits. Separate from binding a
/// socket so tests can drive it directly.
///
/// The limits and the request log wrap the routes once, as one service,
/// rather than through `Router::layer`, which wraps every route on its own
/// and so boxes and clones each layer again for every request.
pub fn router(state: AppState) -> Router {
    let request_timeout = state.request_timeout;
    let access_log = state.access_log;
    let counted = state.clone();
    let proxies = (!state.trusted_proxies.ranges.is_empty()).then(|| state.trusted_proxies.clone());
    let routes = routes::routes()
        .fallback(error::not_found)
        .method_not_allowed_fallback(error::method_not_allowed)
        .with_state(state);
    let api =
        tower::ServiceBuilder::new()
            // First of all, so that everything after sees the client behind a
            // trusted proxy.
            .option_layer(proxies.map(|proxies| {
                axum::middleware::from_fn_with_state(proxies, client_address::resolve)
            }))
            // Outermost but that, so that a request cut off by the time limit is
            // counted and logged too.
            .layer(axum::middleware::from_fn_with_state(
                counted,
                metrics::record,
            ))
            .option_layer(access_log.then(|| axum::middleware::from_fn(access_log::record)))
            .layer(axum::middleware::from_fn_with_state(
                request_timeout,
                limits::time_limit,
            ))
            // One span and one line per request with method, path and status —
            // never headers (Authorization) or bodies (secrets).
            .layer(TraceLayer::new_for_http())
            .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
            .service(routes);
    Router::new().fallback_service(api)
}

/// A certificate chain and private key (PEM files) to serve HTTPS with.
#[derive(Debug, Clone)]
pub struct Tls {
    pub cert: PathBuf,
    pub key: PathBuf,
}

/// How long requests in flight may take to finish after SIGINT/SIGTERM.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(20);

/// How often the key set file is checked for a rotation by another replica.
const KEY_FILE_POLL: Duration = Duration::from_secs(1);

/// How a server guards its connections (see [`connections`]).
#[derive(Debug, Clone, Copy)]
pub struct ConnectionPolicy {
    /// Longest a client may take to send a request's headers, and, on a new
    /// connection, its first request: an idle or trickling connection is
    /// closed after this long.
    pub header_timeout: Duration,
    pub max_connections: usize,
    pub max_connections_per_address: usize,
}

/// How many accepted-by-the-kernel connections may wait for the accept
/// loop. A burst beyond the queue is not refused: its SYNs and first data
/// are dropped and retried a second or several later, so a client could sit
/// unseen (and untimed) for longer than the header timeout. Linux caps it at
/// `net.core.somaxconn` (4096 by default); tokio's own bind asks for 1024.
const LISTEN_BACKLOG: u32 = 4096;

/// Binds the API's listening socket: the first address `address` resolves
/// to, with address reuse (a restarted server need not wait out old
/// connections) and a [`LISTEN_BACKLOG`]-deep queue.
pub async fn listen(address: &str) -> std::io::Result<tokio::net::TcpListener> {
    let resolved = tokio::net::lookup_host(address)
        .await?
        .next()
        .ok_or_else(|| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "it resolves to no address",
            )
        })?;
    let socket = if resolved.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    #[cfg(unix)]
    socket.set_reuseaddr(true)?;
    socket.bind(resolved)?;
    socket.listen(LISTEN_BACKLOG)
}

/// Serves the API on `listener` (HTTPS when `tls` is given) until SIGINT or
/// SIGTERM, then lets the requests in flight finish. Meanwhile the key set
/// file is watched, so a rotation on any replica reaches this one.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    tls: Option<Tls>,
    policy: ConnectionPolicy,
    metrics_listener: Option<tokio::net::TcpListener>,
) -> Result<()> {
    watch_key_file(state.keys.clone());
    let limits =
        || ConnectionLimits::new(policy.max_connections, policy.max_connections_per_address);
    if let Some(metrics_listener) = metrics_listener {
        tokio::spawn(http1::serve(
            metrics_listener,
            metrics::router(state.clone()),
            Arc::new(limits()),
            policy.header_timeout,
            shutdown_signal(),
            SHUTDOWN_GRACE,
        ));
    }
    let limits = Arc::new(limits().exempting(&state.trusted_proxies.ranges));
    let Some(tls) = tls else {
        http1::serve(
            listener,
            router(state),
            limits,
            policy.header_timeout,
            shutdown_signal(),
            SHUTDOWN_GRACE,
        )
        .await;
        return Ok(());
    };
    let failed = |error: std::io::Error| Error::internal(format!("the server stopped: {error}"));
    let config = RustlsConfig::from_pem_file(&tls.cert, &tls.key)
        .await
        .map_err(|error| {
            Error::invalid(format!(
                "cannot load the TLS certificate {} / key {}: {error}",
                tls.cert.display(),
                tls.key.display()
            ))
        })?;
    let handle = Handle::new();
    let stopper = handle.clone();
    tokio::spawn(async move {
        shutdown_signal().await;
        stopper.graceful_shutdown(Some(SHUTDOWN_GRACE));
    });
    let mut server = axum_server::from_tcp(listener.into_std().map_err(failed)?)
        .map_err(failed)?
        .handle(handle)
        .first_request_timeout(policy.header_timeout);
    server
        .http_builder()
        .http1()
        .header_read_timeout(policy.header_timeout);
    let tls = RustlsAcceptor::new(config)
        .handshake_timeout(policy.header_timeout)
        .acceptor(connections::LimitAcceptor::new(limits));
    let app = router(state).into_make_service_with_connect_info::<SocketAddr>();
    server.acceptor(tls).serve(app).await.map_err(failed)
}

/// Re-reads the key set file whenever it changes, about once a second. A
/// stat per second is all it costs while nothing changes.
fn watch_key_file(keys: LiveKeys) {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(KEY_FILE_POLL);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            refresh_keys(&keys).await;
        }
    });
}

/// Picks up a changed key set file (off the async threads). A bad or missing
/// file keeps the keys in use and is logged once per change of the file.
/// True when a new set was installed.
pub(crate) async fn refresh_keys(keys: &LiveKeys) -> bool {
    let reader = keys.clone();
    match tokio::task::spawn_blocking(move || reader.refresh()).await {
        Ok(Ok(changed)) => {
            if changed {
                tracing::info!(file = %keys.path().display(), "reloaded the signing keys");
            }
            changed
        }
        Ok(Err(error)) => {
            tracing::warn!("keeping the signing keys in use: {}", error.message);
            false
        }
        Err(error) => {
            tracing::warn!("checking the signing key file stopped: {error}");
            false
        }
    }
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
