//! How often a store's operations found every connection busy, and how
//! long they waited: the figure that says a server needs a bigger pool (or
//! a faster store) before its latency does.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

/// The waits so far.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct PoolWaits {
    pub waits: u64,
    pub wait_nanos: u64,
}

impl PoolWaits {
    pub fn wait_seconds(&self) -> f64 {
        // Exact up to 2^53 ns (104 days of waiting), plenty for a counter.
        #[allow(clippy::cast_precision_loss)]
        let seconds = self.wait_nanos as f64 / 1e9;
        seconds
    }
}

/// What a store keeps: bumped only on a wait, so an operation that finds
/// a free connection pays nothing.
#[derive(Debug, Default)]
pub struct PoolWaitCounter {
    waits: AtomicU64,
    wait_nanos: AtomicU64,
}

impl PoolWaitCounter {
    /// An operation that began waiting at `since` has its connection now.
    pub fn waited(&self, since: Instant) {
        let nanos = u64::try_from(since.elapsed().as_nanos()).unwrap_or(u64::MAX);
        self.waits.fetch_add(1, Ordering::Relaxed);
        self.wait_nanos.fetch_add(nanos, Ordering::Relaxed);
    }

    pub fn read(&self) -> PoolWaits {
        PoolWaits {
            waits: self.waits.load(Ordering::Relaxed),
            wait_nanos: self.wait_nanos.load(Ordering::Relaxed),
        }
    }
}
