//! Where an issuer's signing keys come from: OpenID Connect discovery
//! (`ISSUER/.well-known/openid-configuration` → `jwks_uri`), kept for a
//! bounded time and fetched again early only when a token names a key the
//! cached set lacks (the issuer rotated) — and then at most once per
//! refresh interval per issuer, so a flood of tokens with made-up `kid`s
//! costs the issuer one request, not one each.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use jsonwebtoken::jwk::JwkSet;
use reqwest::Url;
use serde::Deserialize;

use crate::error::{Error, ErrorKind, Result};

/// How long fetched keys are used before they are fetched again.
pub const KEYS_LIFETIME: Duration = Duration::from_secs(15 * 60);

/// The least time between two fetches from one issuer.
pub const REFRESH_INTERVAL: Duration = Duration::from_secs(30);

/// How long one discovery or key-set request may take.
const FETCH_TIMEOUT: Duration = Duration::from_secs(5);

/// The largest discovery document or key set read.
const MAX_DOCUMENT_BYTES: usize = 256 * 1024;

/// The key sets of the issuers some policy trusts, fetched on demand.
pub struct Issuers {
    http: reqwest::Client,
    lifetime: Duration,
    refresh_interval: Duration,
    issuers: Mutex<HashMap<String, Arc<Cached>>>,
}

/// What is known of one issuer. The keys are read without waiting for a
/// fetch in flight, so a token whose key is cached is never held up by a
/// slow issuer; fetches queue on `last_attempt`'s async lock, so callers who
/// need one at the same moment share it.
#[derive(Default)]
struct Cached {
    keys: Mutex<Option<(Arc<JwkSet>, Instant)>>,
    /// When the last fetch began, and its failure if it failed.
    last_attempt: tokio::sync::Mutex<Option<(Instant, Option<String>)>>,
}

impl Cached {
    /// The cached keys while they are within `lifetime`.
    fn fresh(&self, lifetime: Duration) -> Option<Arc<JwkSet>> {
        let keys = self.keys.lock().unwrap_or_else(PoisonError::into_inner);
        keys.as_ref()
            .filter(|(_, fetched)| fetched.elapsed() < lifetime)
            .map(|(keys, _)| Arc::clone(keys))
    }
}

#[derive(Deserialize)]
struct Discovery {
    issuer: String,
    jwks_uri: String,
}

impl Issuers {
    pub fn new(http: reqwest::Client) -> Issuers {
        Issuers::with_timing(http, KEYS_LIFETIME, REFRESH_INTERVAL)
    }

    /// For tests that watch a refresh happen without waiting minutes.
    pub fn with_timing(
        http: reqwest::Client,
        lifetime: Duration,
        refresh_interval: Duration,
    ) -> Issuers {
        Issuers {
            http,
            lifetime,
            refresh_interval,
            issuers: Mutex::new(HashMap::new()),
        }
    }

    /// `issuer`'s keys, fetched when none are cached, when the cached ones
    /// are older than their lifetime, or when they lack `kid` — each only if
    /// the last fetch from this issuer is at least a refresh interval ago.
    /// Otherwise the cached set is the answer (the caller then finds the
    /// key missing), or the last fetch's failure when nothing usable is
    /// cached. The caller has already checked that a policy names `issuer`.
    pub async fn key_set(&self, issuer: &str, kid: Option<&str>) -> Result<Arc<JwkSet>> {
        let cached = self.cached(issuer);
        let has_kid = |keys: &JwkSet| kid.is_none_or(|kid| keys.find(kid).is_some());
        if let Some(keys) = cached.fresh(self.lifetime).filter(|keys| has_kid(keys)) {
            return Ok(keys);
        }
        let mut last_attempt = cached.last_attempt.lock().await;
        // Whoever held the lock before may just have fetched what we need.
        let fresh = cached.fresh(self.lifetime);
        if let Some(keys) = fresh.as_ref().filter(|keys| has_kid(keys)) {
            return Ok(Arc::clone(keys));
        }
        let may_fetch = last_attempt
            .as_ref()
            .is_none_or(|(at, _)| at.elapsed() >= self.refresh_interval);
        if !may_fetch {
            return match (fresh, &*last_attempt) {
                (Some(keys), _) => Ok(keys),
                (None, Some((_, Some(failure)))) => Err(unreachable(failure.clone())),
                (None, _) => Err(unreachable(format!(
                    "the keys of {issuer} were fetched moments ago and have expired; retry shortly"
                ))),
            };
        }
        let began = Instant::now();
        match self.fetch(issuer).await {
            Ok(keys) => {
                let keys = Arc::new(keys);
                *cached.keys.lock().unwrap_or_else(PoisonError::into_inner) =
                    Some((Arc::clone(&keys), Instant::now()));
                *last_attempt = Some((began, None));
                Ok(keys)
            }
            Err(error) => {
                *last_attempt = Some((began, Some(error.message.clone())));
                fresh.ok_or(error)
            }
        }
    }

    fn cached(&self, issuer: &str) -> Arc<Cached> {
        let mut issuers = self.issuers.lock().unwrap_or_else(PoisonError::into_inner);
        Arc::clone(issuers.entry(issuer.to_owned()).or_default())
    }

    /// Discovery, then the key set it points at. The discovery document
    /// must name the same issuer (OpenID Connect Discovery §4.3), and the
    /// key set's URL must be as safe as an issuer's.
    async fn fetch(&self, issuer: &str) -> Result<JwkSet> {
        let discovery_url = format!(
            "{}/.well-known/openid-configuration",
            issuer.trim_end_matches('/')
        );
        let discovery: Discovery = self.get_json(&discovery_url).await?;
        if discovery.issuer != issuer {
            return Err(unreachable(format!(
                "{discovery_url} names the issuer {:?}, not {issuer:?}",
                discovery.issuer
            )));
        }
        check_issuer_url(&discovery.jwks_uri)?;
        self.get_json(&discovery.jwks_uri).await
    }

    async fn get_json<T: serde::de::DeserializeOwned>(&self, url: &str) -> Result<T> {
        let failed = |why: String| unreachable(format!("cannot read {url}: {why}"));
        let request = self.http.get(url).timeout(FETCH_TIMEOUT);
        let answer = crate::http::send_bounded(request, url, MAX_DOCUMENT_BYTES)
            .await?
            .ok_or_else(|| failed(format!("longer than {MAX_DOCUMENT_BYTES} bytes")))?;
        if !answer.status.is_success() {
            return Err(failed(format!("HTTP {}", answer.status)));
        }
        serde_json::from_slice(&answer.body).map_err(|error| failed(error.to_string()))
    }
}

/// Refuses an issuer (or key set) URL that could be spoofed or is not a
/// plain location: only `https://`, or `http://` to a loopback address
/// (for tests and a local issuer), with no credentials, query or fragment.
pub fn check_issuer_url(text: &str) -> Result<()> {
    let refuse = |why: &str| {
        Err(Error::invalid(format!(
            "{text:?} cannot be an issuer URL: {why}"
        )))
    };
    let Ok(url) = Url::parse(text) else {
        return refuse("not a URL");
    };
    if !url.username().is_empty() || url.password().is_some() {
        return refuse("it carries credentials");
    }
    if url.query().is_some() || url.fragment().is_some() {
        return refuse("it has a query or a fragment");
    }
    match (url.scheme(), url.host_str()) {
        ("https", Some(_)) => Ok(()),
        ("http", Some(host)) if is_loopback(host) => Ok(()),
        ("http", Some(_)) => refuse("only loopback issuers may use http://; use https://"),
        _ => refuse("use https://"),
    }
}

/// `localhost`, `127.x.y.z` or `[::1]`, as [`Url::host_str`] writes them.
fn is_loopback(host: &str) -> bool {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    host == "localhost"
        || bare
            .parse::<IpAddr>()
            .is_ok_and(|address| address.is_loopback())
}

/// A failure to reach an issuer: exit 6, like any unreachable server.
fn unreachable(message: impl Into<String>) -> Error {
    Error::new(ErrorKind::Unreachable, message)
}
