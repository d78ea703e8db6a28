//! How a cache of credential answers knows, at the moment it serves one,
//! that no credential changed since the answer was read — in this process
//! or in any other that shares the store.
//!
//! The promise it keeps (DESIGN.md, "Finality"): once a revocation,
//! regeneration, user disable or role change has returned success, no
//! process sharing the store serves the old answer from memory. Two stores,
//! two ways:
//!
//! * SQLite: every hit first reads the store's change counter (a trigger
//!   moves it on every credential change, whoever makes it) through a
//!   [`ChangeProbe`]. A local read of one row, a few microseconds; a commit
//!   made by another process before the hit is seen by the hit.
//! * PostgreSQL: a round trip per hit would cost what the cache saves, so
//!   the writer waits instead: each replica acknowledges every change it has
//!   been told of, and holds a lease it renews only while its change
//!   listener demonstrably keeps up. A writer returns once every replica
//!   with a live lease has acknowledged (see `postgres::replicas`); a replica
//!   serves from memory only while its lease, measured on its own clock from
//!   before it asked, has not run out.
//!
//! The generation moves on every change a signal hears of; an entry cached
//! under an older generation is dead.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use super::StoreResult;

/// Reads a number that grows with every credential change in the store.
pub trait ChangeProbe: Send + Sync {
    fn change_count(&self) -> StoreResult<u64>;
}

pub struct ChangeSignal {
    generation: AtomicU64,
    /// Cached answers may be served until this many nanoseconds after
    /// `started`; 0: not at all.
    trusted_until: AtomicU64,
    started: Instant,
    probe: OnceLock<Box<dyn ChangeProbe>>,
    /// The highest count the probe has returned.
    probed: AtomicU64,
}

impl std::fmt::Debug for ChangeSignal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChangeSignal")
            .field("generation", &self.generation())
            .field("trusted", &self.is_trusted())
            .field("probed", &self.probe.get().is_some())
            .finish()
    }
}

impl Default for ChangeSignal {
    fn default() -> Self {
        ChangeSignal {
            generation: AtomicU64::new(0),
            trusted_until: AtomicU64::new(0),
            started: Instant::now(),
            probe: OnceLock::new(),
            probed: AtomicU64::new(0),
        }
    }
}

impl ChangeSignal {
    /// A credential changed: every answer read before now is dead.
    pub fn changed(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
    }

    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }

    /// Answers may be served for as long as `probe` is asked first (it then
    /// sees every change, so trust needs no end).
    pub fn probe_with(&self, probe: Box<dyn ChangeProbe>) -> StoreResult<()> {
        let count = probe.change_count()?;
        self.probed.fetch_max(count, Ordering::SeqCst);
        if self.probe.set(probe).is_ok() {
            self.changed();
            self.trusted_until.store(u64::MAX, Ordering::SeqCst);
        }
        Ok(())
    }

    /// Answers may be served until `until` (a lease renewed); earlier
    /// deadlines than the current one are ignored.
    pub fn trust_until(&self, until: Instant) {
        let nanos = until.saturating_duration_since(self.started).as_nanos();
        let nanos = u64::try_from(nanos).unwrap_or(u64::MAX).max(1);
        self.trusted_until.fetch_max(nanos, Ordering::SeqCst);
    }

    /// Changes may go unseen (a lost listener): nothing is served from
    /// memory until trust is given again, and what was read is dead.
    pub fn distrust(&self) {
        self.trusted_until.store(0, Ordering::SeqCst);
        self.changed();
    }

    pub fn is_trusted(&self) -> bool {
        let until = self.trusted_until.load(Ordering::SeqCst);
        until == u64::MAX || (until > 0 && self.nanos_now() < until)
    }

    /// Whether a remembered answer may be served now. With a probe, also
    /// moves the generation first when the store changed since the last
    /// probe — so the caller's generation check that follows sees it.
    pub fn is_current(&self) -> bool {
        if !self.is_trusted() {
            return false;
        }
        let Some(probe) = self.probe.get() else {
            return true;
        };
        match probe.change_count() {
            Ok(count) => {
                // The generation moves before `probed` does: a caller that
                // sees the new count also sees the new generation.
                if count > self.probed.load(Ordering::SeqCst) {
                    self.changed();
                    self.probed.fetch_max(count, Ordering::SeqCst);
                }
                true
            }
            Err(error) => {
                tracing::warn!(%error, "cannot read the store's change counter; not caching");
                false
            }
        }
    }

    fn nanos_now(&self) -> u64 {
        u64::try_from(self.started.elapsed().as_nanos()).unwrap_or(u64::MAX)
    }
}

/// How long after renewing a lease a replica trusts its memory, given the
/// lease's length in the store: a little less, so that a replica stops
/// before any writer stops waiting for it, even with clocks that drift apart
/// a little in rate.
pub fn local_trust(lease: Duration) -> Duration {
    lease.mul_f64(0.9)
}
