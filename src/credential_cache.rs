//! Remembers recent answers the store gave about credentials — which token a
//! secret is, a token by id, a user, a role, a login session — so that the server's hot paths
//! (verify, exchange, introspection, every authenticated request) need no
//! database round trip for a credential it has just seen.
//!
//! Correctness comes before speed: an answer is served only while the
//! store's [`ChangeSignal`] says no credential changed since it was read.
//! Changes made through this process end every answer at once
//! ([`CredentialCache::invalidate`]); changes made by other processes or
//! replicas end them before their writer reports success (SQLite: every hit
//! reads the store's change counter; PostgreSQL: the writer waits for every
//! replica's acknowledgement). While a replica cannot hear changes nothing
//! is served from memory. Only valid outcomes are kept:
//! unknown, revoked or expired tokens and disabled users always go to the
//! store.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::future::Future;
use std::hash::Hash;
use std::sync::{Arc, RwLock};

use chrono::{DateTime, Duration, Utc};
use prometheus_client::metrics::counter::Counter;

use crate::metrics::Metrics;
use crate::model::{Id, Role, Session, Status, Token, User};
use crate::secret::SecretHash;
use crate::store::{ChangeSignal, SecretMatch};

/// More distinct entries than this of one kind and that kind starts over:
/// memory stays bounded whatever callers send.
const MAX_ENTRIES: usize = 100_000;

/// Even with a working watch an answer is read again after this long, so a
/// missed signal cannot keep a stale answer alive for more than this.
const MAX_AGE: Duration = Duration::seconds(30);

/// The store's answers, one kind per field, all under one change signal.
pub struct CredentialCache {
    signal: Arc<ChangeSignal>,
    pub secrets: Remembered<SecretHash, SecretMatch>,
    pub tokens: Remembered<Id, Token>,
    pub users: Remembered<String, User>,
    pub roles: Remembered<String, Role>,
    /// Login sessions by `jti`.
    pub sessions: Remembered<String, Session>,
}

impl CredentialCache {
    /// A cache kept right by `signal`, counting its hits and misses in
    /// `metrics`.
    pub fn new(signal: Arc<ChangeSignal>, metrics: &Metrics) -> CredentialCache {
        let counted = |kind| (Arc::clone(&signal), metrics.cache_counters(kind));
        CredentialCache {
            secrets: Remembered::new(counted("secret")),
            tokens: Remembered::new(counted("token")),
            users: Remembered::new(counted("user")),
            roles: Remembered::new(counted("role")),
            sessions: Remembered::new(counted("session")),
            signal,
        }
    }

    /// Whether the store's change watch can be relied on now (its probe
    /// answers, or its listener's lease is live): while it cannot, nothing
    /// is served from memory.
    pub fn hears_changes(&self) -> bool {
        self.signal.is_current()
    }

    /// How many times every answer has been ended (see
    /// [`ChangeSignal::generation`]).
    pub fn invalidations(&self) -> u64 {
        self.signal.generation()
    }

    /// This process changed a credential: every answer is dead from now on,
    /// without waiting for the store's watch to notice.
    pub fn invalidate(&self) {
        self.signal.changed();
    }
}

/// How long a secret's match may be served: while its token is active and
/// its owner enabled — and, during a regeneration's grace period, no longer
/// than the old secret works.
pub fn keep_secret(found: &SecretMatch, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    if found.token.status_at(now) != Status::Active || found.owner_disabled {
        return None;
    }
    let grace_end = found.previous_valid_until.filter(|until| *until > now);
    Some(grace_end.unwrap_or(DateTime::<Utc>::MAX_UTC))
}

/// Active tokens are kept (their expiry is checked on every use).
pub fn keep_token(token: &Token, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    (token.status_at(now) == Status::Active).then_some(DateTime::<Utc>::MAX_UTC)
}

/// Enabled users are kept.
pub fn keep_user(user: &User, _now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    (!user.is_disabled()).then_some(DateTime::<Utc>::MAX_UTC)
}

/// Active sessions are kept until they expire.
pub fn keep_session(session: &Session, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    session.is_active_at(now).then_some(session.expires_at)
}

/// Roles are kept: one in use can neither change nor be removed.
pub fn keep_role(_role: &Role, _now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    Some(DateTime::<Utc>::MAX_UTC)
}

/// One kind of answer, keyed by what was asked.
pub struct Remembered<K, V> {
    signal: Arc<ChangeSignal>,
    entries: RwLock<Entries<K, V>>,
    hits: Counter,
    misses: Counter,
}

struct Entries<K, V> {
    /// The change generation every entry was read under; a newer generation
    /// makes them all dead, and the next insert drops them.
    generation: u64,
    by_key: HashMap<K, Entry<V>>,
}

struct Entry<V> {
    /// Shared with callers: a hit hands out this, not a deep copy.
    value: Arc<V>,
    fresh_until: DateTime<Utc>,
}

impl<K: Eq + Hash, V> Remembered<K, V> {
    fn new((signal, (hits, misses)): (Arc<ChangeSignal>, (Counter, Counter))) -> Remembered<K, V> {
        Remembered {
            signal,
            entries: RwLock::new(Entries {
                generation: 0,
                by_key: HashMap::new(),
            }),
            hits,
            misses,
        }
    }

    /// The answer for `key`: from memory while it is current, else from
    /// what `load` fetches — remembered until the deadline `keep` gives it (capped at
    /// [`MAX_AGE`]), or not at all when `keep` says `None`.
    ///
    /// `load` makes the fetch only on a miss: a store's fetch is a boxed
    /// future, an allocation a hit should not pay for.
    pub async fn get_or_load<Q, E, F>(
        &self,
        key: &Q,
        now: DateTime<Utc>,
        load: impl FnOnce() -> F,
        keep: impl FnOnce(&V, DateTime<Utc>) -> Option<DateTime<Utc>>,
    ) -> Result<Option<Arc<V>>, E>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ToOwned<Owned = K> + ?Sized,
        F: Future<Output = Result<Option<V>, E>>,
    {
        if let Some(value) = self.get(key, now) {
            self.hits.inc();
            return Ok(Some(value));
        }
        self.misses.inc();
        // Read before the load: a change committed during the load then
        // makes the new entry dead instead of stale.
        let generation = self.signal.generation();
        let loaded = load().await?.map(Arc::new);
        if let Some(value) = &loaded
            && let Some(deadline) = keep(value, now)
            && deadline > now
        {
            self.insert(
                key.to_owned(),
                Arc::clone(value),
                generation,
                deadline.min(now + MAX_AGE),
            );
        }
        Ok(loaded)
    }

    fn get<Q>(&self, key: &Q, now: DateTime<Utc>) -> Option<Arc<V>>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        if !self.signal.is_current() {
            return None;
        }
        let entries = self.entries.read().ok()?;
        if entries.generation != self.signal.generation() {
            return None;
        }
        let entry = entries.by_key.get(key)?;
        (now < entry.fresh_until).then(|| Arc::clone(&entry.value))
    }

    fn insert(&self, key: K, value: Arc<V>, generation: u64, fresh_until: DateTime<Utc>) {
        let Ok(mut entries) = self.entries.write() else {
            return;
        };
        if entries.generation != generation {
            if generation < entries.generation {
                return;
            }
            entries.by_key.clear();
            entries.generation = generation;
        }
        if entries.by_key.len() >= MAX_ENTRIES {
            entries.by_key.clear();
        }
        entries.by_key.insert(key, Entry { value, fresh_until });
    }

    /// Changes a remembered answer in place — for what this process itself
    /// just wrote, like a token's last use, so the next hit does not ask
    /// for the same write again. (A copy is changed: callers may still
    /// hold the old answer.)
    pub fn update(&self, key: &K, change: impl FnOnce(&mut V))
    where
        V: Clone,
    {
        if let Ok(mut entries) = self.entries.write()
            && let Some(entry) = entries.by_key.get_mut(key)
        {
            change(Arc::make_mut(&mut entry.value));
        }
    }
}
