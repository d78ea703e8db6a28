//! How many connections the server holds at once: bounded overall and per
//! client address, so slow or idle clients (slowloris) cannot take every
//! file descriptor and stop the server accepting. With the header read and
//! first request timeouts of [`super::serve`], every connection costs
//! bounded time too.
//!
//! A connection over a limit is refused at once: a plain HTTP client reads
//! a `503` with `Retry-After` and our JSON error ([`refuse`]); a TLS
//! client's connection is closed (a handshake would cost more than the
//! refusal is worth).

use std::collections::HashMap;
use std::future::Future;
use std::io;
use std::net::IpAddr;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};

use axum_server::accept::Accept;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// The limits, and the connections open under them.
#[derive(Debug)]
pub struct ConnectionLimits {
    capacity: usize,
    total: Arc<Semaphore>,
    per_address: usize,
    /// Addresses the per-address limit does not apply to: the trusted
    /// proxies (`serve --trusted-proxy`), each carrying many clients.
    exempt: Vec<crate::network::AddressRange>,
    open: Mutex<HashMap<IpAddr, usize>>,
}

impl ConnectionLimits {
    pub fn new(total: usize, per_address: usize) -> ConnectionLimits {
        ConnectionLimits {
            capacity: total,
            total: Arc::new(Semaphore::new(total)),
            per_address,
            exempt: Vec::new(),
            open: Mutex::new(HashMap::new()),
        }
    }

    /// The same limits, with connections from `proxies` held only to the
    /// overall one: behind a load balancer every client's connection comes
    /// from its address.
    pub fn exempting(mut self, proxies: &[crate::network::AddressRange]) -> ConnectionLimits {
        self.exempt = proxies.to_vec();
        self
    }

    /// A place for one more connection from `address`, if both limits
    /// allow it; the place is given back when the [`Slot`] drops.
    pub fn admit(self: &Arc<Self>, address: Option<IpAddr>) -> Option<Slot> {
        let permit = Arc::clone(&self.total).try_acquire_owned().ok()?;
        let address =
            address.filter(|address| !crate::network::any_contains(&self.exempt, *address));
        if let Some(address) = address {
            let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
            let count = open.entry(address).or_default();
            if *count >= self.per_address {
                return None;
            }
            *count += 1;
        }
        Some(Slot {
            limits: Arc::clone(self),
            address,
            _permit: permit,
        })
    }

    /// Waits until every connection has closed, or `grace` has passed.
    pub async fn drained(&self, grace: std::time::Duration) {
        let all = u32::try_from(self.capacity).unwrap_or(u32::MAX);
        let _ = tokio::time::timeout(grace, self.total.acquire_many(all)).await;
    }
}

/// One connection's place under the limits.
#[derive(Debug)]
pub struct Slot {
    limits: Arc<ConnectionLimits>,
    address: Option<IpAddr>,
    _permit: OwnedSemaphorePermit,
}

impl Drop for Slot {
    fn drop(&mut self) {
        let Some(address) = self.address else {
            return;
        };
        let mut open = self
            .limits
            .open
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(count) = open.get_mut(&address) {
            *count -= 1;
            if *count == 0 {
                open.remove(&address);
            }
        }
    }
}

/// Refuses a plain HTTP connection: a 503 it can read, then closed. Best
/// effort and never waiting: the answer fits in the socket's buffer, and a
/// client that reads nothing must not hold the refusal up.
pub(super) fn refuse(stream: &TcpStream) {
    let _ = stream.try_write(REFUSAL);
}

/// What a refused plain HTTP client reads.
const REFUSAL: &[u8] = b"HTTP/1.1 503 Service Unavailable\r\n\
content-type: application/json\r\n\
retry-after: 1\r\n\
connection: close\r\n\
content-length: 110\r\n\
\r\n\
{\"error\":{\"kind\":\"unavailable\",\"message\":\"the server holds as many connections as it may; try again shortly\"}}";

/// The first acceptor of every TLS connection: admits it under the limits
/// (and turns off Nagle's algorithm: answers are written whole), or closes
/// it.
#[derive(Debug, Clone)]
pub(super) struct LimitAcceptor {
    limits: Arc<ConnectionLimits>,
}

impl LimitAcceptor {
    pub(super) fn new(limits: Arc<ConnectionLimits>) -> LimitAcceptor {
        LimitAcceptor { limits }
    }
}

impl<S: Send + 'static> Accept<TcpStream, S> for LimitAcceptor {
    type Stream = Limited;
    type Service = S;
    type Future = Pin<Box<dyn Future<Output = io::Result<(Limited, S)>> + Send>>;

    fn accept(&self, stream: TcpStream, service: S) -> Self::Future {
        let address = stream.peer_addr().ok().map(|peer| peer.ip());
        let slot = self.limits.admit(address);
        Box::pin(async move {
            let slot = slot.ok_or_else(|| io::Error::other("connection limit reached"))?;
            let _ = stream.set_nodelay(true);
            Ok((
                Limited {
                    stream,
                    _slot: slot,
                },
                service,
            ))
        })
    }
}

/// A connection admitted under the limits; its place is given back when
/// it closes.
#[derive(Debug)]
pub(super) struct Limited {
    stream: TcpStream,
    _slot: Slot,
}

impl AsyncRead for Limited {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_read(cx, buf)
    }
}

impl AsyncWrite for Limited {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().stream).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().stream).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_refusal_is_a_complete_http_answer() {
        let text = std::str::from_utf8(REFUSAL).expect("ascii");
        let (head, body) = text.split_once("\r\n\r\n").expect("head and body");
        let length: usize = head
            .lines()
            .find_map(|line| line.strip_prefix("content-length: "))
            .and_then(|length| length.parse().ok())
            .expect("content-length");
        assert_eq!(body.len(), length);
        let json: serde_json::Value = serde_json::from_str(body).expect("json");
        assert_eq!(json["error"]["kind"], "unavailable");
    }

    #[test]
    fn places_are_counted_overall_and_per_address_and_given_back() {
        let limits = Arc::new(ConnectionLimits::new(3, 2));
        let here: IpAddr = [127, 0, 0, 1].into();
        let there: IpAddr = [127, 0, 0, 2].into();
        let first = limits.admit(Some(here)).expect("first");
        let _second = limits.admit(Some(here)).expect("second");
        assert!(limits.admit(Some(here)).is_none(), "per address");
        let _third = limits.admit(Some(there)).expect("another address");
        assert!(limits.admit(Some(there)).is_none(), "overall");
        drop(first);
        assert!(limits.admit(Some(here)).is_some(), "given back");
    }
}
