//! How the service is doing, for operators: whether it is ready for
//! requests (`GET /readyz`), and the figures its parts keep (`GET /metrics`).

use std::time::Duration;

use super::TokenService;
use crate::api::{Readiness, ReadinessCheck};
use crate::credential_cache::CredentialCache;
use crate::metrics::Snapshot;
use crate::store::SchemaVersions;

/// Longest the readiness check waits for the store: a store that does not
/// answer in this time is as good as unreachable to a request.
const STORE_CHECK_TIMEOUT: Duration = Duration::from_secs(2);

impl TokenService {
    /// Whether requests should be sent here: the store answers, holds the
    /// schema this build knows, and (for a server) its change watch works.
    pub async fn readiness(&self) -> Readiness {
        let versions =
            tokio::time::timeout(STORE_CHECK_TIMEOUT, self.store.schema_versions()).await;
        let (store, migrations) = match versions {
            Ok(Ok(versions)) => (check(true, "answered"), schema_check(versions)),
            Ok(Err(error)) => (
                check(false, &format!("cannot read the store: {error}")),
                check(false, "unknown: the store did not answer"),
            ),
            Err(_) => (
                check(
                    false,
                    &format!("no answer within {} s", STORE_CHECK_TIMEOUT.as_secs_f64()),
                ),
                check(false, "unknown: the store did not answer"),
            ),
        };
        let change_listener = match &self.cache {
            None => check(true, "not used: this process keeps no cache"),
            Some(cache) if cache.hears_changes() => check(true, "hearing changes"),
            Some(_) => check(
                false,
                "cannot hear the store's changes: nothing is served from memory until it can",
            ),
        };
        Readiness {
            ready: store.ok && migrations.ok && change_listener.ok,
            store,
            migrations,
            change_listener,
        }
    }

    /// The figures of this service's parts, read now (see [`Snapshot`]).
    pub fn metrics_snapshot(&self) -> Snapshot {
        Snapshot {
            cache_invalidations: self.cache.as_ref().map(CredentialCache::invalidations),
            audit_queue_depth: self
                .audit_batcher
                .as_ref()
                .map(|batcher| batcher.queued() as u64),
            pool: self.store.pool_waits(),
            // The per-address limiter is the server's; it fills this in.
            logins_throttled: 0,
        }
    }
}

fn schema_check(versions: SchemaVersions) -> ReadinessCheck {
    let SchemaVersions { found, known } = versions;
    if found == known {
        return check(true, &format!("schema version {found}"));
    }
    let why = if found > known {
        "a newer tokenctl migrated it; upgrade this server"
    } else {
        "it was put back from an older copy; restart this server to migrate it"
    };
    check(
        false,
        &format!("the store has schema version {found}, this server knows {known}: {why}"),
    )
}

fn check(ok: bool, detail: &str) -> ReadinessCheck {
    ReadinessCheck {
        ok,
        detail: detail.to_owned(),
    }
}
