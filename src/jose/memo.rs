//! The memory of tokens a key set has already verified.

use std::sync::{Arc, PoisonError, RwLock};

use chrono::{DateTime, Duration, Utc};
use jsonwebtoken::Validation;
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};

use super::{Expiring, KeySet, Rules};

/// More distinct tokens than this remembered at once and the memory
/// starts over.
const MAX_REMEMBERED_TOKENS: usize = 100_000;

/// Tokens one key set has verified, so that a token presented again — a CI
/// job's access token on each call, a login session on each request — costs
/// a SHA-256 instead of an Ed25519 verification and a claims decode.
///
/// An entry is the claims of exactly those token bytes (the key is the
/// digest of the whole token, so an altered token is a miss). It is served
/// only by the key set that verified it — a reloaded or rotated set starts
/// empty — and only while [`KeySet::verify`] would still accept it: until
/// the claims' `exp` (with [`CLOCK_LEEWAY`]) and while its key is
/// published. Each use site keeps its own, with its own [`Validation`].
pub struct VerifiedTokens<C> {
    /// The `typ` every token here was checked to have: a hit needs no look
    /// at the header.
    typ: &'static str,
    /// [`Rules::max_lifetime`] of every token here.
    max_lifetime: Duration,
    state: RwLock<VerifiedState<C>>,
}

struct VerifiedState<C> {
    keys: Option<Arc<KeySet>>,
    claims: std::collections::HashMap<[u8; 32], Verified<C>>,
}

impl<C> VerifiedState<C> {
    /// Whether the entries were verified by exactly this key set.
    fn is_for(&self, keys: &Arc<KeySet>) -> bool {
        self.keys
            .as_ref()
            .is_some_and(|seen| Arc::ptr_eq(seen, keys))
    }
}

struct Verified<C> {
    /// Shared with callers: a hit hands out this, not a copy of every claim.
    claims: Arc<C>,
    /// When the signing key stops being published; `None` while it signs.
    key_published_until: Option<DateTime<Utc>>,
}

impl<C> std::fmt::Debug for VerifiedTokens<C> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let state = self.state.read().unwrap_or_else(PoisonError::into_inner);
        write!(f, "VerifiedTokens({} remembered)", state.claims.len())
    }
}

impl<C> VerifiedTokens<C> {
    /// An empty memory for tokens of one `typ` (`JWT` for sessions, `at+jwt`
    /// for access tokens), none of which lives longer than `max_lifetime`.
    pub fn new(typ: &'static str, max_lifetime: Duration) -> Self {
        VerifiedTokens {
            typ,
            max_lifetime,
            state: RwLock::new(VerifiedState {
                keys: None,
                claims: std::collections::HashMap::new(),
            }),
        }
    }
}

impl<C: DeserializeOwned + Expiring> VerifiedTokens<C> {
    /// [`KeySet::verify`], answered from memory for a token `keys` has
    /// verified before.
    pub fn verify(
        &self,
        keys: &Arc<KeySet>,
        token: &str,
        validation: &Validation,
        now: DateTime<Utc>,
    ) -> Option<Arc<C>> {
        let digest: [u8; 32] = Sha256::digest(token.as_bytes()).into();
        if let Some(claims) = self.recall(keys, &digest, now) {
            return Some(claims);
        }
        let rules = Rules {
            typ: self.typ,
            validation,
            max_lifetime: self.max_lifetime,
        };
        let (claims, key_published_until) = keys.verify_signed::<C>(token, &rules, now)?;
        let claims = Arc::new(claims);
        let verified = Verified {
            claims: Arc::clone(&claims),
            key_published_until,
        };
        self.remember(keys, digest, verified);
        Some(claims)
    }

    fn recall(&self, keys: &Arc<KeySet>, digest: &[u8; 32], now: DateTime<Utc>) -> Option<Arc<C>> {
        let state = self.state.read().unwrap_or_else(PoisonError::into_inner);
        if !state.is_for(keys) {
            return None;
        }
        let verified = state.claims.get(digest)?;
        let published = verified.key_published_until.is_none_or(|until| until > now);
        let valid = verified.claims.valid_at(now, self.max_lifetime);
        (valid && published).then(|| Arc::clone(&verified.claims))
    }

    fn remember(&self, keys: &Arc<KeySet>, digest: [u8; 32], verified: Verified<C>) {
        let mut state = self.state.write().unwrap_or_else(PoisonError::into_inner);
        if !state.is_for(keys) || state.claims.len() >= MAX_REMEMBERED_TOKENS {
            state.claims.clear();
            state.keys = Some(Arc::clone(keys));
        }
        state.claims.insert(digest, verified);
    }
}
