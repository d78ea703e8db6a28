//! Plain HTTP: our own accept loop over hyper's HTTP/1.1 connection, so
//! that every limit applies from the first byte. hyper's header read
//! timeout starts as soon as a connection waits for a request head — a new
//! connection that sends nothing, one that trickles its headers, one kept
//! alive and gone quiet — and, HTTP/1.1 only, there is no protocol sniffing
//! that would wait untimed. Each connection takes a place under the
//! [`ConnectionLimits`] or is refused with a 503.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::Request;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tower::ServiceExt;

use super::connections::{self, ConnectionLimits};

/// How long the loop waits after a failed accept (out of descriptors, most
/// likely) before trying again, so it does not spin.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(50);

/// Serves `app` on `listener` until `shutdown` completes, then lets open
/// connections finish their requests for up to `grace`.
pub(super) async fn serve(
    listener: TcpListener,
    app: Router,
    limits: Arc<ConnectionLimits>,
    header_timeout: Duration,
    shutdown: impl Future<Output = ()>,
    grace: Duration,
) {
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(header_timeout);
    let (stop, stopping) = tokio::sync::watch::channel(());
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    tracing::warn!("accepting a connection failed: {error}");
                    tokio::time::sleep(ACCEPT_BACKOFF).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Some(slot) = limits.admit(Some(peer.ip())) else {
            connections::refuse(&stream);
            continue;
        };
        // Answers are written whole: Nagle's algorithm would only delay them.
        let _ = stream.set_nodelay(true);
        let service = TowerToHyperService::new(app.clone().map_request(
            move |mut request: Request<Incoming>| {
                request
                    .extensions_mut()
                    .insert(ConnectInfo::<SocketAddr>(peer));
                request.map(Body::new)
            },
        ));
        let connection = http.serve_connection(TokioIo::new(stream), service);
        let mut stopping = stopping.clone();
        tokio::spawn(async move {
            let _slot = slot;
            tokio::pin!(connection);
            tokio::select! {
                _ = connection.as_mut() => return,
                _ = stopping.changed() => connection.as_mut().graceful_shutdown(),
            }
            let _ = connection.await;
        });
    }
    drop(stop);
    limits.drained(grace).await;
}
