//! Fixed-window counters per key, in memory and per process: how a server
//! bounds what one client address or one credential can make it do in a
//! minute. (What must hold across replicas — login lockout — lives in the
//! store instead.)

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// More keys than this and the expired ones are dropped: memory stays
/// bounded whatever keys clients bring.
const MAX_KEYS: usize = 100_000;

pub struct Windows<K> {
    limit: u32,
    window: Duration,
    seen: Mutex<HashMap<K, (Instant, u32)>>,
}

impl<K: Eq + Hash> Windows<K> {
    /// At most `limit` uses of one key per `window`.
    pub fn new(limit: u32, window: Duration) -> Windows<K> {
        Windows {
            limit,
            window,
            seen: Mutex::new(HashMap::new()),
        }
    }

    pub fn limit(&self) -> u32 {
        self.limit
    }

    /// Counts one use of `key`. Over the limit: `Err` with how long until
    /// its window starts over (at least a second, as `Retry-After` counts).
    pub fn count(&self, key: K) -> Result<(), Duration> {
        let now = Instant::now();
        let Ok(mut seen) = self.seen.lock() else {
            // A panic elsewhere while counting: refuse rather than not count.
            return Err(self.window);
        };
        if seen.len() >= MAX_KEYS {
            seen.retain(|_, (start, _)| now.duration_since(*start) < self.window);
            if seen.len() >= MAX_KEYS {
                seen.clear();
            }
        }
        let entry = seen.entry(key).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        entry.1 = entry.1.saturating_add(1);
        if entry.1 > self.limit {
            let wait = self.window.saturating_sub(now.duration_since(entry.0));
            return Err(wait.max(Duration::from_secs(1)));
        }
        Ok(())
    }
}

/// Whole seconds to wait, rounded up, for a `Retry-After` header.
pub fn retry_after_seconds(wait: Duration) -> u64 {
    wait.as_secs() + u64::from(wait.subsec_nanos() > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_key_gets_its_own_window() {
        let windows = Windows::new(2, Duration::from_secs(60));
        assert!(windows.count(1).is_ok());
        assert!(windows.count(1).is_ok());
        let wait = windows.count(1).expect_err("third use");
        assert!(wait > Duration::from_secs(58) && wait <= Duration::from_secs(60));
        assert!(windows.count(2).is_ok(), "another key is not affected");
    }

    #[test]
    fn the_window_starts_over() {
        let windows = Windows::new(1, Duration::from_millis(50));
        assert!(windows.count("a").is_ok());
        assert_eq!(windows.count("a"), Err(Duration::from_secs(1)));
        std::thread::sleep(Duration::from_millis(60));
        assert!(windows.count("a").is_ok());
    }

    #[test]
    fn retry_after_rounds_up() {
        assert_eq!(retry_after_seconds(Duration::from_millis(1)), 1);
        assert_eq!(retry_after_seconds(Duration::from_secs(3)), 3);
        assert_eq!(retry_after_seconds(Duration::from_millis(3001)), 4);
    }
}
