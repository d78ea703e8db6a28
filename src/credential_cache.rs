//! Remembers recent successful secret lookups, so that the server's verify
//! path — its hottest — needs no database round trip for a token it has just
//! seen.
//!
//! Correctness comes before speed: an entry is served only while the store's
//! [`ChangeSignal`] says no credential changed since the entry was read.
//! Changes made through this process end entries at once
//! ([`VerifyCache::invalidate`]); changes made by other processes or
//! replicas end them as soon as the store's watch sees them (PostgreSQL
//! notifies at commit; SQLite is polled every 50 ms). While the watch is
//! down nothing is served from the cache. Only valid outcomes are kept:
//! unknown, revoked or expired secrets always go to the store.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use chrono::{DateTime, Duration, Utc};

use crate::secret::SecretHash;
use crate::store::{ChangeSignal, SecretMatch};

/// More distinct tokens than this in use at once and the cache starts over:
/// memory stays bounded whatever callers send.
const MAX_ENTRIES: usize = 100_000;

/// Even with a working watch an entry is read again after this long, so a
/// missed signal cannot keep a stale answer alive for more than this.
const MAX_AGE: Duration = Duration::seconds(30);

pub struct VerifyCache {
    signal: Arc<ChangeSignal>,
    entries: RwLock<Entries>,
}

#[derive(Default)]
struct Entries {
    /// The change generation every entry in `by_hash` was read under; a newer
    /// generation makes them all dead, and the next insert drops them.
    generation: u64,
    by_hash: HashMap<SecretHash, Entry>,
}

struct Entry {
    found: SecretMatch,
    fresh_until: DateTime<Utc>,
}

impl VerifyCache {
    pub fn new(signal: Arc<ChangeSignal>) -> VerifyCache {
        VerifyCache {
            signal,
            entries: RwLock::new(Entries::default()),
        }
    }

    /// The generation to hand to [`VerifyCache::insert`]. Read it *before*
    /// the store lookup: a change committed during the lookup then makes
    /// the inserted entry dead instead of stale.
    pub fn generation(&self) -> u64 {
        self.signal.generation()
    }

    pub fn get(&self, hash: &SecretHash, now: DateTime<Utc>) -> Option<SecretMatch> {
        if !self.signal.is_watching() {
            return None;
        }
        let entries = self.entries.read().ok()?;
        if entries.generation != self.signal.generation() {
            return None;
        }
        let entry = entries.by_hash.get(hash)?;
        (now < entry.fresh_until).then(|| entry.found.clone())
    }

    pub fn insert(
        &self,
        hash: SecretHash,
        found: SecretMatch,
        generation: u64,
        now: DateTime<Utc>,
    ) {
        let Ok(mut entries) = self.entries.write() else {
            return;
        };
        if entries.generation != generation {
            if generation < entries.generation {
                return;
            }
            entries.by_hash.clear();
            entries.generation = generation;
        }
        if entries.by_hash.len() >= MAX_ENTRIES {
            entries.by_hash.clear();
        }
        // During a regeneration's grace period the match may be the old
        // secret's, which stops working at `previous_valid_until`.
        let grace_end = found.previous_valid_until.filter(|until| *until > now);
        let fresh_until = grace_end.map_or(now + MAX_AGE, |end| end.min(now + MAX_AGE));
        entries.by_hash.insert(hash, Entry { found, fresh_until });
    }

    /// Records a use written to the store, so the cached copy does not ask
    /// for the same write again on every hit.
    pub fn note_use(&self, hash: &SecretHash, at: DateTime<Utc>) {
        if let Ok(mut entries) = self.entries.write()
            && let Some(entry) = entries.by_hash.get_mut(hash)
        {
            entry.found.token.last_used_at = Some(at);
        }
    }

    /// This process changed a credential: every entry is dead from now on,
    /// without waiting for the store's watch to notice.
    pub fn invalidate(&self) {
        self.signal.changed();
    }
}
