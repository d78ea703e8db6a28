//! Limits on what one client can make the server do: login throttling per
//! client address, in memory, with a fixed window per IP (per-account
//! lockout lives in the store, so it holds across replicas), and a time
//! limit on every request.

use std::net::IpAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::api::ErrorBody;
use crate::error::{Error, Result};
use crate::rate_limit::Windows;

pub struct LoginLimiter {
    windows: Windows<IpAddr>,
    /// Attempts refused so far, for `GET /metrics`.
    refused: AtomicU64,
}

impl LoginLimiter {
    /// At most `attempts` logins per `window` from one address.
    pub fn new(attempts: u32, window: Duration) -> LoginLimiter {
        LoginLimiter {
            windows: Windows::new(attempts, window),
            refused: AtomicU64::new(0),
        }
    }

    pub fn check(&self, address: Option<IpAddr>) -> Result<()> {
        let Some(address) = address else {
            return Ok(());
        };
        self.windows.count(address).map_err(|_| {
            self.refused.fetch_add(1, Ordering::Relaxed);
            Error::new(
                crate::error::ErrorKind::RateLimited,
                "too many login attempts from this address; wait a minute",
            )
        })
    }

    /// How many attempts it has refused.
    pub fn refused(&self) -> u64 {
        self.refused.load(Ordering::Relaxed)
    }
}

/// Cuts off a request — a client sending its body too slowly, or a store
/// that does not answer — once it has taken `limit`: 408 with the usual
/// JSON error body, and the connection's work is dropped.
pub(super) async fn time_limit(
    State(limit): State<Duration>,
    request: Request,
    next: Next,
) -> Response {
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => {
            let error = Error::invalid(format!(
                "the request took longer than {} s",
                limit.as_secs_f64()
            ))
            .with_hint("send the whole request at once, and try again");
            (StatusCode::REQUEST_TIMEOUT, axum::Json(ErrorBody { error })).into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_address_gets_its_own_window() {
        let limiter = LoginLimiter::new(2, Duration::from_secs(60));
        let one = Some(IpAddr::from([127, 0, 0, 1]));
        let two = Some(IpAddr::from([127, 0, 0, 2]));
        assert!(limiter.check(one).is_ok());
        assert!(limiter.check(one).is_ok());
        let refused = limiter.check(one).expect_err("third attempt");
        assert_eq!(refused.kind, crate::error::ErrorKind::RateLimited);
        assert!(
            limiter.check(two).is_ok(),
            "another address is not affected"
        );
    }

    #[test]
    fn the_window_resets() {
        let limiter = LoginLimiter::new(1, Duration::from_millis(50));
        let one = Some(IpAddr::from([127, 0, 0, 1]));
        assert!(limiter.check(one).is_ok());
        assert!(limiter.check(one).is_err());
        std::thread::sleep(Duration::from_millis(60));
        assert!(limiter.check(one).is_ok());
    }
}
