//! What a running server counts, for `GET /metrics` (the Prometheus text
//! format, through the `prometheus-client` crate).
//!
//! Two kinds of figure. Counters and histograms that move where the thing
//! happens live here as handles (an atomic or a small lock each), which the
//! parts that do the counting hold. Figures another part already keeps —
//! the cache's change generation, the audit queue, the store's pool waits,
//! the login limiter's refusals — are read only when scraped, as a
//! [`Snapshot`], so keeping them costs nothing in between.
//!
//! No label ever carries a secret, a token id or a user's name: every label
//! value is one of a fixed set (a route's template from the API document,
//! an outcome's name, a status code), so the number of series stays bounded
//! whatever clients send.

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::{ConstCounter, Counter};
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::ConstGauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::{Registry, Unit};

/// The `Content-Type` of what [`Metrics::render`] writes.
pub const CONTENT_TYPE: &str = prometheus_client::encoding::prometheus_text::CONTENT_TYPE;

/// Upper bounds (seconds) of the request latency buckets: from a cached
/// verify (well under a millisecond) to the request time limit.
const LATENCY_BUCKETS: [f64; 14] = [
    0.000_25, 0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0, 15.0,
];

/// Upper bounds of the audit batch size buckets, up to the batcher's most.
const BATCH_BUCKETS: [f64; 10] = [1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0, 256.0, 512.0];

/// One HTTP request's labels.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RequestLabels {
    pub method: &'static str,
    /// The route's template (`/v1/tokens/{id}`), or `unknown`.
    pub route: &'static str,
    pub status: u16,
}

/// A credential check's labels: which check, and how it ended.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct CheckLabels {
    pub check: &'static str,
    pub outcome: &'static str,
}

/// A credential cache lookup's labels.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct CacheLabels {
    /// Which kind of answer: `secret`, `token`, `user`, `role`, `session`.
    pub kind: &'static str,
    /// `hit` or `miss`.
    pub result: &'static str,
}

fn latency_histogram() -> Histogram {
    Histogram::new(LATENCY_BUCKETS)
}

/// The live counters and histograms; cheap to share, each handle an `Arc`.
pub struct Metrics {
    requests: Family<RequestLabels, Counter>,
    request_duration: Family<RequestLabels, Histogram, fn() -> Histogram>,
    checks: Family<CheckLabels, Counter>,
    cache_lookups: Family<CacheLabels, Counter>,
    audit_batch_entries: Histogram,
    login_failures: Counter,
    login_lockouts: Counter,
}

impl Default for Metrics {
    fn default() -> Metrics {
        Metrics {
            requests: Family::default(),
            request_duration: Family::new_with_constructor(latency_histogram),
            checks: Family::default(),
            cache_lookups: Family::default(),
            audit_batch_entries: Histogram::new(BATCH_BUCKETS),
            login_failures: Counter::default(),
            login_lockouts: Counter::default(),
        }
    }
}

/// Figures read when scraped (see the module documentation); `None`: this
/// server has no such part.
#[derive(Debug, Default, Clone, Copy)]
pub struct Snapshot {
    /// How many times the credential cache's answers were all ended: by a
    /// change made here, one heard from another process, or a lost watch.
    pub cache_invalidations: Option<u64>,
    /// Audit entries waiting for the batch writer.
    pub audit_queue_depth: Option<u64>,
    pub pool: crate::store::PoolWaits,
    /// Logins refused by the per-address limit before any check.
    pub logins_throttled: u64,
}

impl Metrics {
    /// One answered HTTP request.
    pub fn request(&self, labels: &RequestLabels, seconds: f64) {
        self.requests.get_or_create(labels).inc();
        self.request_duration.get_or_create(labels).observe(seconds);
    }

    /// One credential check (`verify`, `exchange`, `introspection`) that
    /// ended with `outcome`.
    pub fn check(&self, check: &'static str, outcome: &'static str) {
        self.checks
            .get_or_create(&CheckLabels { check, outcome })
            .inc();
    }

    /// The hit and miss counters of one kind of cached answer.
    pub fn cache_counters(&self, kind: &'static str) -> (Counter, Counter) {
        let counter = |result| {
            self.cache_lookups
                .get_or_create_owned(&CacheLabels { kind, result })
        };
        (counter("hit"), counter("miss"))
    }

    /// The histogram of how many entries each audit commit held.
    pub fn audit_batch_entries(&self) -> Histogram {
        self.audit_batch_entries.clone()
    }

    pub fn login_failed(&self) {
        self.login_failures.inc();
    }

    /// A login refused because its account is locked out from its address.
    pub fn login_locked_out(&self) {
        self.login_lockouts.inc();
    }

    /// Everything, in the Prometheus text format.
    pub fn render(&self, snapshot: Snapshot) -> String {
        let mut registry = Registry::with_prefix("tokenctl");
        self.register_live(&mut registry);
        register_snapshot(&mut registry, snapshot);
        let mut text = String::with_capacity(16 * 1024);
        // Writing into a String cannot fail.
        let _ = prometheus_client::encoding::prometheus_text::encode(&mut text, &registry);
        text
    }

    fn register_live(&self, registry: &mut Registry) {
        registry.register(
            "http_requests",
            "HTTP requests answered, by method, route template and status",
            self.requests.clone(),
        );
        registry.register_with_unit(
            "http_request_duration",
            "Time from a request's arrival to its answer",
            Unit::Seconds,
            self.request_duration.clone(),
        );
        registry.register(
            "credential_checks",
            "Token verifications, exchanges and introspections, by outcome",
            self.checks.clone(),
        );
        registry.register(
            "credential_cache_lookups",
            "Credential cache lookups, by kind of answer and hit or miss",
            self.cache_lookups.clone(),
        );
        registry.register(
            "audit_batch_entries",
            "Audit entries committed together in one transaction",
            self.audit_batch_entries.clone(),
        );
        registry.register(
            "login_failures",
            "Failed logins and failed password or 2FA confirmations",
            self.login_failures.clone(),
        );
        registry.register(
            "login_lockouts",
            "Logins refused because the account is locked out from that address",
            self.login_lockouts.clone(),
        );
    }
}

fn register_snapshot(registry: &mut Registry, snapshot: Snapshot) {
    if let Some(invalidations) = snapshot.cache_invalidations {
        registry.register(
            "credential_cache_invalidations",
            "Times every cached credential answer was ended by a change",
            ConstCounter::new(invalidations),
        );
    }
    if let Some(depth) = snapshot.audit_queue_depth {
        registry.register(
            "audit_queue_depth",
            "Audit entries waiting for the batch writer",
            ConstGauge::new(i64::try_from(depth).unwrap_or(i64::MAX)),
        );
    }
    registry.register(
        "store_pool_waits",
        "Store operations that found no free connection and waited for one",
        ConstCounter::new(snapshot.pool.waits),
    );
    registry.register_with_unit(
        "store_pool_wait",
        "Time store operations spent waiting for a connection",
        Unit::Seconds,
        ConstCounter::new(snapshot.pool.wait_seconds()),
    );
    registry.register(
        "login_throttled",
        "Logins refused by the per-address limit",
        ConstCounter::new(snapshot.logins_throttled),
    );
}

/// A verification's outcome: `valid`, `invalid` (no such token, revoked,
/// expired, disabled owner), `malformed` (not a tokenctl token at all) or
/// `error` (the store failed).
pub fn verify_outcome<T>(verified: &crate::error::Result<T>) -> &'static str {
    use crate::error::ErrorKind;
    match verified {
        Ok(_) => "valid",
        Err(error) => match error.kind {
            ErrorKind::Unauthenticated => "invalid",
            ErrorKind::InvalidInput => "malformed",
            _ => "error",
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_counted_request_is_rendered_with_its_labels() {
        let metrics = Metrics::default();
        let labels = RequestLabels {
            method: "POST",
            route: "/v1/tokens/verify",
            status: 200,
        };
        metrics.request(&labels, 0.0004);
        metrics.request(&labels, 0.0004);
        metrics.check("verify", "valid");
        let text = metrics.render(Snapshot::default());
        assert!(text.contains(
            "tokenctl_http_requests_total{method=\"POST\",route=\"/v1/tokens/verify\",status=\"200\"} 2\n"
        ));
        assert!(text.contains(
            "tokenctl_http_request_duration_seconds_bucket{method=\"POST\",route=\"/v1/tokens/verify\",status=\"200\",le=\"0.0005\"} 2\n"
        ), "{text}");
        assert!(
            text.contains(
                "tokenctl_credential_checks_total{check=\"verify\",outcome=\"valid\"} 1\n"
            )
        );
        assert!(text.contains("tokenctl_store_pool_waits_total 0\n"));
    }
}
