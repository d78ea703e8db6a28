//! The signing key set: the Ed25519 keys that sign what tokenctl issues
//! (login sessions now, short-lived access tokens for CI next), and the JWK
//! Set (RFC 7517, RFC 8037) that lets anyone verify those tokens.
//!
//! Exactly one key signs. Rotating makes a new key the signer and keeps the
//! old one *published* — still accepted, still in the JWK Set — until the
//! last token it can have signed has expired, so a rotation never cuts off a
//! token in flight and a verifier with a cached JWK Set keeps working.
//!
//! The set lives in one private JSON file that every replica of a service
//! shares. A rotation rewrites it atomically (temporary file, then rename)
//! under an exclusive lock on a `.lock` file beside it, so two rotations at
//! once keep both new keys; readers notice the change through
//! [`LiveKeys::refresh`].

use std::fs::{self, File};
use std::io::{ErrorKind as IoErrorKind, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, PoisonError, RwLock};
use std::time::SystemTime;

use aws_lc_rs::signature::{Ed25519KeyPair, KeyPair};
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use chrono::{DateTime, Duration, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

/// The longest lifetime of anything tokenctl signs. Sessions last 60
/// minutes; the access tokens of `exchange` are capped here. A retired key
/// stays published this long (plus [`CLOCK_LEEWAY`]) after its last
/// signature, which is what makes rotation safe.
pub const MAX_TOKEN_LIFETIME: Duration = Duration::hours(24);

/// How far past `exp` a token is still accepted, for clocks that disagree
/// a little between replicas.
pub const CLOCK_LEEWAY: Duration = Duration::seconds(30);

/// Version of the key set file format this build reads and writes.
const FORMAT_VERSION: u32 = 1;

/// Claims that say when they are valid. [`KeySet::verify`] checks them
/// against the caller's clock rather than the library's, so that every
/// check in one request uses the same `now`.
pub trait Expiring {
    /// `exp`, in Unix seconds.
    fn expires(&self) -> i64;
    /// `iat`, in Unix seconds.
    fn issued(&self) -> i64;
    /// `nbf`, in Unix seconds, when the claims have one.
    fn not_before(&self) -> Option<i64>;

    /// Whether tokenctl accepts these claims at `now`, give or take
    /// [`CLOCK_LEEWAY`]: not expired, not issued in the future, not valid
    /// only later, and not made to live longer than `max_lifetime` — the
    /// longest tokenctl ever issues this kind of token for. What tokenctl
    /// signs always passes; a token that doesn't (a forgery with a stolen
    /// key, a peer with a wrong clock) is refused rather than trusted for
    /// years.
    fn valid_at(&self, now: DateTime<Utc>, max_lifetime: Duration) -> bool {
        let now = now.timestamp();
        let leeway = CLOCK_LEEWAY.num_seconds();
        let lifetime = self.expires().saturating_sub(self.issued());
        self.expires().saturating_add(leeway) >= now
            && self.issued() <= now.saturating_add(leeway)
            && self
                .not_before()
                .is_none_or(|nbf| nbf <= now.saturating_add(leeway))
            && lifetime <= max_lifetime.num_seconds()
    }
}

/// Whether a key signs or only verifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KeyStatus {
    Active,
    Retired,
}

impl KeyStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            KeyStatus::Active => "active",
            KeyStatus::Retired => "retired",
        }
    }
}

/// What may be shown about a key: never its private half.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyInfo {
    pub kid: String,
    pub status: KeyStatus,
    pub created_at: DateTime<Utc>,
    pub retired_at: Option<DateTime<Utc>>,
    /// Until when a retired key stays published; `None` while it signs.
    pub publish_until: Option<DateTime<Utc>>,
}

/// What a rotation did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rotation {
    /// The new signing key.
    pub active: KeyInfo,
    /// The keys that stopped signing, published until their tokens expire.
    pub retired: Vec<KeyInfo>,
    /// Kids of keys past their publish window, removed from the file.
    pub dropped: Vec<String>,
}

impl Rotation {
    /// One line for the audit log: kids and dates, never key material.
    pub fn summary(&self) -> String {
        let mut text = format!("new signing key {}", self.active.kid);
        for key in &self.retired {
            let until = key
                .publish_until
                .map(|at| at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
                .unwrap_or_default();
            text.push_str(&format!("; retired {} (published until {until})", key.kid));
        }
        if !self.dropped.is_empty() {
            text.push_str(&format!("; dropped {}", self.dropped.join(", ")));
        }
        text
    }
}

/// A JWK Set (RFC 7517 §5) of Ed25519 public keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JwkSet {
    pub keys: Vec<Jwk>,
}

/// One Ed25519 public key as an OKP JWK (RFC 8037 §2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Jwk {
    pub kty: &'static str,
    pub crv: &'static str,
    /// The 32-byte public key, base64url without padding.
    pub x: String,
    pub kid: String,
    pub alg: &'static str,
    #[serde(rename = "use")]
    pub usage: &'static str,
}

/// The file: a version, then every key the set still holds, oldest first.
#[derive(Serialize, Deserialize)]
struct KeyFile {
    version: u32,
    keys: Vec<KeyRecord>,
}

/// One key as stored. No `Debug`: it holds the private key.
#[derive(Clone, Serialize, Deserialize)]
struct KeyRecord {
    kid: String,
    created_at: DateTime<Utc>,
    retired_at: Option<DateTime<Utc>>,
    publish_until: Option<DateTime<Utc>>,
    /// The Ed25519 private key, PKCS#8 DER, base64.
    pkcs8: String,
}

/// A usable key: its record, and the key material parsed once.
#[derive(Clone)]
struct Key {
    record: KeyRecord,
    public: Vec<u8>,
    /// Parsed once: parsing derives the public key, which costs as much as
    /// a signature.
    pair: Arc<Ed25519KeyPair>,
    decoding: DecodingKey,
}

impl Key {
    fn from_pkcs8(pkcs8: &[u8], created_at: DateTime<Utc>) -> Result<Key> {
        let record = KeyRecord {
            kid: String::new(),
            created_at,
            retired_at: None,
            publish_until: None,
            pkcs8: STANDARD.encode(pkcs8),
        };
        Key::from_record(record)
    }

    /// Parses the private key and checks that the stored kid is its own, so
    /// a hand-edited file cannot make one key answer for another.
    fn from_record(mut record: KeyRecord) -> Result<Key> {
        let pkcs8 = STANDARD
            .decode(&record.pkcs8)
            .map_err(|_| invalid_key("its pkcs8 is not base64"))?;
        let pair = Ed25519KeyPair::from_pkcs8(&pkcs8)
            .map_err(|_| invalid_key("a key is not an Ed25519 PKCS#8 key"))?;
        let public = pair.public_key().as_ref().to_vec();
        let kid = kid_of(&public);
        if record.kid.is_empty() {
            record.kid = kid;
        } else if record.kid != kid {
            return Err(invalid_key(&format!(
                "key {} does not match its private key",
                record.kid
            )));
        }
        Ok(Key {
            record,
            pair: Arc::new(pair),
            decoding: DecodingKey::from_ed_der(&public),
            public,
        })
    }

    fn generate(now: DateTime<Utc>) -> Result<Key> {
        let document = Ed25519KeyPair::generate_pkcs8(&aws_lc_rs::rand::SystemRandom::new())
            .map_err(|_| Error::internal("cannot generate a signing key"))?;
        Key::from_pkcs8(document.as_ref(), now)
    }

    fn is_active(&self) -> bool {
        self.record.retired_at.is_none()
    }

    fn is_published(&self, now: DateTime<Utc>) -> bool {
        self.is_active() || self.record.publish_until.is_some_and(|until| until > now)
    }

    fn info(&self) -> KeyInfo {
        KeyInfo {
            kid: self.record.kid.clone(),
            status: if self.is_active() {
                KeyStatus::Active
            } else {
                KeyStatus::Retired
            },
            created_at: self.record.created_at,
            retired_at: self.record.retired_at,
            publish_until: self.record.publish_until,
        }
    }

    fn jwk(&self) -> Jwk {
        Jwk {
            kty: "OKP",
            crv: "Ed25519",
            x: URL_SAFE_NO_PAD.encode(&self.public),
            kid: self.record.kid.clone(),
            alg: "EdDSA",
            usage: "sig",
        }
    }
}

/// `kid`: hex of the first 8 bytes of the public key's SHA-256 — stable for
/// a key, so a legacy key file keeps its kid when it becomes a set.
fn kid_of(public: &[u8]) -> String {
    Sha256::digest(public)[..8]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

fn invalid_key(why: &str) -> Error {
    Error::internal(format!("the signing key set is not valid: {why}"))
}

/// A set of signing keys, as read from its file at one moment.
#[derive(Clone)]
pub struct KeySet {
    /// Oldest first, as in the file.
    keys: Vec<Key>,
}

/// Only the kids: the private keys must never reach a log line.
impl std::fmt::Debug for KeySet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kids: Vec<&str> = self
            .keys
            .iter()
            .map(|key| key.record.kid.as_str())
            .collect();
        write!(f, "KeySet({kids:?}, <private keys redacted>)")
    }
}

impl KeySet {
    /// A new set of one fresh key.
    pub fn generate(now: DateTime<Utc>) -> Result<KeySet> {
        Ok(KeySet {
            keys: vec![Key::generate(now)?],
        })
    }

    /// Reads a key set file. A bare Ed25519 PKCS#8 DER key — the format
    /// before key sets — is a set of that one key, created at
    /// `legacy_created_at`; it becomes JSON at the first rotation.
    fn parse(bytes: &[u8], legacy_created_at: DateTime<Utc>) -> Result<KeySet> {
        if bytes.trim_ascii_start().first() != Some(&b'{') {
            let key = Key::from_pkcs8(bytes, legacy_created_at).map_err(|_| {
                invalid_key("it is neither a key set (JSON) nor an Ed25519 PKCS#8 key")
            })?;
            return Ok(KeySet { keys: vec![key] });
        }
        let file: KeyFile = serde_json::from_slice(bytes)
            .map_err(|error| invalid_key(&format!("bad JSON: {error}")))?;
        if file.version > FORMAT_VERSION {
            return Err(Error::internal(format!(
                "the signing key set was written by a newer tokenctl (format version {})",
                file.version
            ))
            .with_hint("upgrade tokenctl"));
        }
        let keys = file
            .keys
            .into_iter()
            .map(Key::from_record)
            .collect::<Result<Vec<Key>>>()?;
        if !keys.iter().any(Key::is_active) {
            return Err(invalid_key("it has no active key"));
        }
        Ok(KeySet { keys })
    }

    fn to_json(&self) -> Result<Vec<u8>> {
        let file = KeyFile {
            version: FORMAT_VERSION,
            keys: self.keys.iter().map(|key| key.record.clone()).collect(),
        };
        let mut bytes = serde_json::to_vec_pretty(&file)
            .map_err(|error| Error::internal(format!("cannot encode the key set: {error}")))?;
        bytes.push(b'\n');
        Ok(bytes)
    }

    /// The set after a rotation at `now`: a new key signs; every key that
    /// signed until now is retired and published for [`MAX_TOKEN_LIFETIME`]
    /// plus [`CLOCK_LEEWAY`]; keys whose window has passed are dropped.
    pub fn rotated(&self, now: DateTime<Utc>) -> Result<(KeySet, Rotation)> {
        let publish_until = now + MAX_TOKEN_LIFETIME + CLOCK_LEEWAY;
        let mut keys = Vec::with_capacity(self.keys.len() + 1);
        let mut retired = Vec::new();
        let mut dropped = Vec::new();
        for key in &self.keys {
            let mut key = key.clone();
            if key.is_active() {
                key.record.retired_at = Some(now);
                key.record.publish_until = Some(publish_until);
                retired.push(key.info());
            }
            if key.is_published(now) {
                keys.push(key);
            } else {
                dropped.push(key.record.kid);
            }
        }
        let new = Key::generate(now)?;
        let active = new.info();
        keys.push(new);
        let rotation = Rotation {
            active,
            retired,
            dropped,
        };
        Ok((KeySet { keys }, rotation))
    }

    /// The key that signs: the newest one not retired.
    fn signer(&self) -> Result<&Key> {
        self.keys
            .iter()
            .filter(|key| key.is_active())
            .max_by_key(|key| key.record.created_at)
            .ok_or_else(|| invalid_key("it has no active key"))
    }

    /// Published keys, newest first.
    fn published(&self, now: DateTime<Utc>) -> impl Iterator<Item = &Key> {
        self.keys
            .iter()
            .rev()
            .filter(move |key| key.is_published(now))
    }

    /// The keys that verify at `now`, newest first.
    pub fn infos(&self, now: DateTime<Utc>) -> Vec<KeyInfo> {
        self.published(now).map(Key::info).collect()
    }

    /// The public halves of the keys that verify at `now`.
    pub fn jwks(&self, now: DateTime<Utc>) -> JwkSet {
        JwkSet {
            keys: self.published(now).map(Key::jwk).collect(),
        }
    }

    /// Signs `claims` with the active key: EdDSA, its `kid`, and `typ`
    /// (`JWT` for sessions, `at+jwt` for RFC 9068 access tokens).
    pub fn sign<C: Serialize>(&self, typ: &str, claims: &C) -> Result<String> {
        let key = self.signer()?;
        let header = JwsHeader {
            typ,
            alg: "EdDSA",
            kid: &key.record.kid,
        };
        // The JWS compact form (RFC 7515 §7.1), signed here rather than by
        // `jsonwebtoken::encode`, which parses the private key anew for
        // every signature — twice the work of the signature itself. Built
        // in one buffer: this runs for every exchange.
        let mut jws = String::with_capacity(JWS_CAPACITY);
        let mut json = Vec::with_capacity(JWS_CAPACITY / 2);
        push_json_part(&mut jws, &mut json, &header)?;
        jws.push('.');
        push_json_part(&mut jws, &mut json, claims)?;
        let signature = key.pair.sign(jws.as_bytes());
        jws.push('.');
        URL_SAFE_NO_PAD.encode_string(signature.as_ref(), &mut jws);
        Ok(jws)
    }

    /// The claims of `token` if it is EdDSA-signed by the published key its
    /// `kid` names, passes `rules` and is valid at `now`. `None` for any
    /// failure: callers must not tell a forger which check stopped them.
    pub fn verify<C: DeserializeOwned + Expiring>(
        &self,
        token: &str,
        rules: &Rules<'_>,
        now: DateTime<Utc>,
    ) -> Option<C> {
        self.verify_signed(token, rules, now)
            .map(|(claims, _)| claims)
    }

    /// [`KeySet::verify`], also saying until when the key that signed the
    /// token is published (`None`: it is the signer).
    fn verify_signed<C: DeserializeOwned + Expiring>(
        &self,
        token: &str,
        rules: &Rules<'_>,
        now: DateTime<Utc>,
    ) -> Option<(C, Option<DateTime<Utc>>)> {
        let mut published_until = None;
        let claims = verify_with(token, rules, now, |kid| {
            let key = self.published(now).find(|key| key.record.kid == kid)?;
            published_until = key.record.publish_until;
            Some(&key.decoding)
        })?;
        Some((claims, published_until))
    }
}

/// The JOSE header of what tokenctl signs (RFC 7515 §4.1).
#[derive(Serialize)]
struct JwsHeader<'a> {
    typ: &'a str,
    alg: &'static str,
    kid: &'a str,
}

/// Room for a typical signed token (an access token is about 600 bytes),
/// so building one does not grow its buffers.
const JWS_CAPACITY: usize = 768;

/// Appends one part of a JWS to `jws`: `value` as JSON (written into the
/// scratch buffer `json`), base64url without padding.
fn push_json_part<T: Serialize>(jws: &mut String, json: &mut Vec<u8>, value: &T) -> Result<()> {
    json.clear();
    serde_json::to_writer(&mut *json, value)
        .map_err(|error| Error::internal(format!("cannot sign: {error}")))?;
    URL_SAFE_NO_PAD.encode_string(&json, jws);
    Ok(())
}

/// What a verifier requires of one kind of token besides a good signature.
#[derive(Debug, Clone, Copy)]
pub struct Rules<'a> {
    /// The JOSE `typ` the header must carry exactly, so that a login
    /// session is never taken for an access token, nor the other way round.
    pub typ: &'a str,
    /// Audience, issuer, required claims; build it with [`validation`].
    pub validation: &'a Validation,
    /// The longest lifetime (`exp` − `iat`) tokenctl issues this kind for.
    pub max_lifetime: Duration,
}

/// The one way tokenctl checks a JWT, whoever holds the keys: EdDSA only,
/// the header's `typ` exactly `rules.typ`, a `kid` that `key_for` knows,
/// `rules.validation`, and valid at `now` ([`Expiring::valid_at`]).
/// [`KeySet::verify`] looks keys up in the set; a verifier holding only a
/// fetched JWK Set looks them up there.
pub fn verify_with<C, K>(
    token: &str,
    rules: &Rules<'_>,
    now: DateTime<Utc>,
    key_for: impl FnOnce(&str) -> Option<K>,
) -> Option<C>
where
    C: DeserializeOwned + Expiring,
    K: std::borrow::Borrow<DecodingKey>,
{
    let header = jsonwebtoken::decode_header(token).ok()?;
    if header.alg != Algorithm::EdDSA || header.typ.as_deref() != Some(rules.typ) {
        return None;
    }
    let key = key_for(header.kid.as_deref()?)?;
    let claims = jsonwebtoken::decode::<C>(token, key.borrow(), rules.validation)
        .ok()?
        .claims;
    claims.valid_at(now, rules.max_lifetime).then_some(claims)
}

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

/// Validation for [`KeySet::verify`]: EdDSA only; `exp` is checked there,
/// against the caller's `now`. Callers add audience, issuer and claims.
pub fn validation() -> Validation {
    let mut validation = Validation::new(Algorithm::EdDSA);
    validation.validate_exp = false;
    validation
}

/// The key set file of a local store: `PATH.keys.json` beside `PATH`, so
/// two stores never share keys.
pub fn file_for_store(store: &Path) -> PathBuf {
    let mut name = store.as_os_str().to_owned();
    name.push(".keys.json");
    PathBuf::from(name)
}

/// What identifies one version of the file: a rename gives a new inode, a
/// rewrite in place a new length or modification time. `None` when the
/// file could not be looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp(Option<(u64, Option<SystemTime>, u64)>);

impl Stamp {
    fn of(metadata: &fs::Metadata) -> Stamp {
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(metadata);
        #[cfg(not(unix))]
        let inode = 0;
        Stamp(Some((metadata.len(), metadata.modified().ok(), inode)))
    }

    fn of_path(path: &Path) -> Stamp {
        fs::metadata(path).map_or(Stamp(None), |metadata| Stamp::of(&metadata))
    }
}

/// A key set file and the set last read from it, shared by every request
/// of a server (or one command). Cheap to clone.
#[derive(Clone)]
pub struct LiveKeys {
    inner: Arc<Live>,
}

struct Live {
    path: PathBuf,
    state: RwLock<Loaded>,
}

struct Loaded {
    set: Arc<KeySet>,
    /// The version of the file last looked at — also when it was bad, so a
    /// bad file is reported once, not at every poll.
    seen: Stamp,
}

impl std::fmt::Debug for LiveKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "LiveKeys({}, {:?})",
            self.path().display(),
            self.current()
        )
    }
}

impl LiveKeys {
    /// Reads the key set at `path`, creating a set of one key (file 0600,
    /// new directories 0700) when there is none yet.
    pub fn open(path: &Path) -> Result<LiveKeys> {
        let (set, seen) = match read(path)? {
            Some(found) => found,
            None => with_lock(path, || create_if_missing(path))?,
        };
        Ok(LiveKeys {
            inner: Arc::new(Live {
                path: path.to_owned(),
                state: RwLock::new(Loaded {
                    set: Arc::new(set),
                    seen,
                }),
            }),
        })
    }

    pub fn path(&self) -> &Path {
        &self.inner.path
    }

    /// The set as last read. Holding it keeps that version for as long as
    /// the caller needs, whatever reloads meanwhile.
    pub fn current(&self) -> Arc<KeySet> {
        let state = self
            .inner
            .state
            .read()
            .unwrap_or_else(PoisonError::into_inner);
        Arc::clone(&state.set)
    }

    /// Re-reads the file if it changed since it was last looked at. True when
    /// a new set was installed. A missing or bad file keeps the current set
    /// and is an error — once per change of the file.
    pub fn refresh(&self) -> Result<bool> {
        let path = self.path();
        if Stamp::of_path(path) == self.seen() {
            return Ok(false);
        }
        match read(path) {
            Ok(Some((set, stamp))) => {
                self.install(set, stamp);
                Ok(true)
            }
            Ok(None) => {
                self.mark_seen(Stamp(None));
                Err(Error::internal(format!(
                    "the signing key set {} is missing",
                    path.display()
                )))
            }
            Err(error) => {
                self.mark_seen(Stamp::of_path(path));
                Err(error)
            }
        }
    }

    /// Rotates the keys in the file (see [`KeySet::rotated`]) under its
    /// lock, and uses the new set at once.
    pub fn rotate(&self, now: DateTime<Utc>) -> Result<Rotation> {
        let path = self.path();
        let (set, stamp, rotation) = with_lock(path, || {
            let (current, _) = read(path)?.ok_or_else(|| {
                Error::internal(format!("the signing key set {} is missing", path.display()))
                    .with_hint(RESTORE_HINT)
            })?;
            let (next, rotation) = current.rotated(now)?;
            let stamp = write(path, &next)?;
            Ok((next, stamp, rotation))
        })?;
        self.install(set, stamp);
        Ok(rotation)
    }

    fn seen(&self) -> Stamp {
        self.inner
            .state
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .seen
    }

    fn mark_seen(&self, seen: Stamp) {
        self.inner
            .state
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .seen = seen;
    }

    fn install(&self, set: KeySet, seen: Stamp) {
        let mut state = self
            .inner
            .state
            .write()
            .unwrap_or_else(PoisonError::into_inner);
        *state = Loaded {
            set: Arc::new(set),
            seen,
        };
    }
}

/// What to do about a key set file that is gone or unreadable. Starting
/// a new set is possible but invalidates every session it signed.
const RESTORE_HINT: &str =
    "restore the file from a backup; moving it away starts a new key set and logs everybody out";

fn io_error(path: &Path, doing: &str, error: &std::io::Error) -> Error {
    Error::internal(format!("cannot {doing} {}: {error}", path.display()))
        .with_hint("check the file's path and permissions")
}

/// The set in the file and the stamp of exactly the version read (taken
/// from the open file, so a rename in between cannot mismatch them);
/// `None` when there is no file.
fn read(path: &Path) -> Result<Option<(KeySet, Stamp)>> {
    let mut file = match File::open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == IoErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(io_error(path, "read the signing key set", &error)),
    };
    let metadata = file
        .metadata()
        .map_err(|error| io_error(path, "read the signing key set", &error))?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)
        .map_err(|error| io_error(path, "read the signing key set", &error))?;
    let legacy_created_at = metadata
        .modified()
        .map_or_else(|_| crate::time::now(), DateTime::<Utc>::from);
    let set = KeySet::parse(&bytes, legacy_created_at).map_err(|mut error| {
        error.message = format!("{} ({})", error.message, path.display());
        error.hint.get_or_insert_with(|| RESTORE_HINT.to_owned());
        error
    })?;
    Ok(Some((set, Stamp::of(&metadata))))
}

/// Called under the lock: another process may have created the file while
/// this one waited for it.
fn create_if_missing(path: &Path) -> Result<(KeySet, Stamp)> {
    if let Some(found) = read(path)? {
        return Ok(found);
    }
    let set = KeySet::generate(crate::time::now())?;
    let stamp = write(path, &set)?;
    Ok((set, stamp))
}

/// Replaces the file atomically: readers see the old set or the new one,
/// never half of either. The temporary file is private from its creation.
fn write(path: &Path, set: &KeySet) -> Result<Stamp> {
    let bytes = set.to_json()?;
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".tmp");
    let temporary = PathBuf::from(temporary);
    let failed = |error: std::io::Error| io_error(path, "write the signing key set", &error);
    match fs::remove_file(&temporary) {
        Err(error) if error.kind() != IoErrorKind::NotFound => return Err(failed(error)),
        _ => {}
    }
    let mut file = crate::files::private_options()
        .write(true)
        .create_new(true)
        .open(&temporary)
        .map_err(failed)?;
    file.write_all(&bytes).map_err(failed)?;
    file.sync_all().map_err(failed)?;
    let stamp = Stamp::of(&file.metadata().map_err(failed)?);
    fs::rename(&temporary, path).map_err(failed)?;
    sync_parent(path).map_err(failed)?;
    Ok(stamp)
}

/// Makes the rename itself durable.
fn sync_parent(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        File::open(parent)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Runs `job` holding an exclusive lock on `PATH.lock`. The key file itself
/// can't carry the lock: each write replaces it with a new file.
fn with_lock<T>(path: &Path, job: impl FnOnce() -> Result<T>) -> Result<T> {
    let mut lock_path = path.as_os_str().to_owned();
    lock_path.push(".lock");
    let lock_path = PathBuf::from(lock_path);
    let failed = |error: std::io::Error| io_error(&lock_path, "lock", &error);
    crate::files::create_private_parent(&lock_path).map_err(failed)?;
    let lock = crate::files::private_options()
        .write(true)
        .truncate(false)
        .open(&lock_path)
        .map_err(failed)?;
    lock.lock().map_err(failed)?;
    let result = job();
    // Closing the file releases the lock too; unlocking first says so.
    let _ = lock.unlock();
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Serialize, Deserialize)]
    struct Claims {
        sub: String,
        exp: i64,
        iat: i64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        nbf: Option<i64>,
    }

    impl Expiring for Claims {
        fn expires(&self) -> i64 {
            self.exp
        }

        fn issued(&self) -> i64 {
            self.iat
        }

        fn not_before(&self) -> Option<i64> {
            self.nbf
        }
    }

    /// Long enough for the hypothetical long-lived claim sets below, which
    /// test a key's window rather than the lifetime cap.
    const MAX_LIFETIME: Duration = Duration::days(3);

    fn rules(validation: &Validation) -> Rules<'_> {
        Rules {
            typ: "JWT",
            validation,
            max_lifetime: MAX_LIFETIME,
        }
    }

    /// Claims for alice issued at `iat`, expiring at `exp`.
    fn claims(iat: DateTime<Utc>, exp: DateTime<Utc>) -> Claims {
        Claims {
            sub: "alice".to_owned(),
            exp: exp.timestamp(),
            iat: iat.timestamp(),
            nbf: None,
        }
    }

    fn at(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(seconds, 0).expect("time")
    }

    const T0: i64 = 1_900_000_000;

    /// A session-like token for alice, good for an hour.
    fn token(set: &KeySet, now: DateTime<Utc>) -> String {
        token_of_typ(set, "JWT", now)
    }

    fn token_of_typ(set: &KeySet, typ: &str, now: DateTime<Utc>) -> String {
        set.sign(typ, &claims(now, now + Duration::hours(1)))
            .expect("sign")
    }

    fn accepts(set: &KeySet, token: &str, now: DateTime<Utc>) -> bool {
        set.verify::<Claims>(token, &rules(&validation()), now)
            .is_some()
    }

    fn kids(infos: &[KeyInfo]) -> Vec<&str> {
        infos.iter().map(|info| info.kid.as_str()).collect()
    }

    #[test]
    fn rotation_keeps_the_old_key_published_for_the_longest_token_lifetime() {
        let now = at(T0);
        let first = KeySet::generate(now).expect("set");
        let old = token(&first, now);
        let later = now + Duration::minutes(10);
        let (second, rotation) = first.rotated(later).expect("rotate");

        let publish_until = later + MAX_TOKEN_LIFETIME + CLOCK_LEEWAY;
        assert_eq!(rotation.retired.len(), 1);
        assert_eq!(rotation.retired[0].retired_at, Some(later));
        assert_eq!(rotation.retired[0].publish_until, Some(publish_until));
        assert!(rotation.dropped.is_empty());
        let infos = second.infos(later);
        assert_eq!(
            kids(&infos),
            [rotation.active.kid.as_str(), &rotation.retired[0].kid]
        );
        assert_eq!(infos[0].status, KeyStatus::Active);
        assert_eq!(infos[1].status, KeyStatus::Retired);

        assert!(accepts(&second, &old, later), "a token in flight survives");
        let new = token(&second, later);
        let header = jsonwebtoken::decode_header(&new).expect("header");
        assert_eq!(header.kid.as_deref(), Some(rotation.active.kid.as_str()));
        assert!(accepts(&second, &new, later));
        assert!(
            !accepts(&first, &new, later),
            "the old set lacks the new key"
        );

        let after_window = publish_until + Duration::seconds(1);
        assert_eq!(
            kids(&second.infos(after_window)),
            [rotation.active.kid.as_str()]
        );
        assert_eq!(second.jwks(after_window).keys.len(), 1);
    }

    #[test]
    fn keys_past_their_window_are_dropped_at_the_next_rotation() {
        let now = at(T0);
        let (second, first_rotation) = KeySet::generate(now)
            .expect("set")
            .rotated(now)
            .expect("rotate");
        let within = now + Duration::hours(1);
        let (third, rotation) = second.rotated(within).expect("rotate");
        assert!(rotation.dropped.is_empty(), "still inside its window");
        assert_eq!(third.keys.len(), 3);

        let past = now + MAX_TOKEN_LIFETIME + Duration::minutes(1);
        let (fourth, rotation) = third.rotated(past).expect("rotate");
        assert_eq!(rotation.dropped, [first_rotation.retired[0].kid.clone()]);
        assert_eq!(fourth.keys.len(), 3);
        assert!(
            fourth
                .infos(past)
                .iter()
                .all(|info| info.kid != rotation.dropped[0]),
            "a dropped key is never published"
        );
    }

    #[test]
    fn the_jwk_set_is_rfc_8037_shaped() {
        let set = KeySet::generate(at(T0)).expect("set");
        let jwks = serde_json::to_value(set.jwks(at(T0))).expect("json");
        let key = &jwks["keys"][0];
        assert_eq!(key["kty"], "OKP");
        assert_eq!(key["crv"], "Ed25519");
        assert_eq!(key["alg"], "EdDSA");
        assert_eq!(key["use"], "sig");
        assert_eq!(key["kid"], set.keys[0].record.kid.as_str());
        let x = URL_SAFE_NO_PAD
            .decode(key["x"].as_str().expect("x"))
            .expect("base64url without padding");
        assert_eq!(x, set.keys[0].public);
        assert_eq!(key.as_object().map(serde_json::Map::len), Some(6));
    }

    #[test]
    fn tampered_unknown_kid_and_foreign_tokens_are_rejected() {
        let now = at(T0);
        let set = KeySet::generate(now).expect("set");
        let good = token(&set, now);
        assert!(accepts(&set, &good, now));
        let parts: Vec<&str> = good.split('.').collect();
        let header = |json: &str| URL_SAFE_NO_PAD.encode(json);
        let kid = &set.keys[0].record.kid;
        let reject = [
            (
                "tampered claims",
                format!(
                    "{}.{}.{}",
                    parts[0],
                    URL_SAFE_NO_PAD.encode(format!(
                        r#"{{"sub":"root","exp":{},"iat":{T0}}}"#,
                        (now + Duration::hours(1)).timestamp()
                    )),
                    parts[2]
                ),
            ),
            (
                "alg none",
                format!(
                    "{}.{}.",
                    header(&format!(r#"{{"typ":"JWT","alg":"none","kid":"{kid}"}}"#)),
                    parts[1]
                ),
            ),
            (
                "no kid",
                format!(
                    "{}.{}.{}",
                    header(r#"{"typ":"JWT","alg":"EdDSA"}"#),
                    parts[1],
                    parts[2]
                ),
            ),
            (
                "unknown kid",
                format!(
                    "{}.{}.{}",
                    header(r#"{"typ":"JWT","alg":"EdDSA","kid":"0000000000000000"}"#),
                    parts[1],
                    parts[2]
                ),
            ),
            (
                "HS256 keyed with the public key",
                format!(
                    "{}.{}.{}",
                    header(&format!(r#"{{"typ":"JWT","alg":"HS256","kid":"{kid}"}}"#)),
                    parts[1],
                    parts[2]
                ),
            ),
            (
                "foreign key",
                token(&KeySet::generate(now).expect("set"), now),
            ),
            (
                "another typ (an access token where a session is expected)",
                token_of_typ(&set, "at+jwt", now),
            ),
            ("garbage", "not.a.jwt".to_owned()),
        ];
        for (what, token) in reject {
            assert!(!accepts(&set, &token, now), "{what} was accepted");
        }
        let expired = now + Duration::hours(1) + CLOCK_LEEWAY + Duration::seconds(1);
        assert!(!accepts(&set, &good, expired), "expired");
        assert!(accepts(&set, &good, now + Duration::hours(1)), "leeway");
    }

    #[test]
    fn tokens_from_the_future_or_living_too_long_are_refused() {
        let now = at(T0);
        let set = KeySet::generate(now).expect("set");
        let leeway = CLOCK_LEEWAY;
        let signed = |claims: &Claims| set.sign("JWT", claims).expect("sign");
        let hour = Duration::hours(1);
        let later = |nbf: DateTime<Utc>| Claims {
            nbf: Some(nbf.timestamp()),
            ..claims(now, now + hour)
        };
        let cases = [
            ("issued now", claims(now, now + hour), true),
            (
                "iat within the leeway",
                claims(now + leeway, now + hour),
                true,
            ),
            (
                "iat beyond the leeway",
                claims(now + leeway + Duration::seconds(1), now + hour),
                false,
            ),
            (
                "iat a day ahead",
                claims(now + Duration::days(1), now + Duration::days(1) + hour),
                false,
            ),
            ("nbf within the leeway", later(now + leeway), true),
            ("nbf an hour ahead", later(now + hour), false),
            (
                "exactly the longest lifetime",
                claims(now, now + MAX_LIFETIME),
                true,
            ),
            (
                "a second longer",
                claims(now, now + MAX_LIFETIME + Duration::seconds(1)),
                false,
            ),
            ("ten years", claims(now, now + Duration::days(3650)), false),
            (
                "iat at i64::MIN",
                Claims {
                    iat: i64::MIN,
                    ..claims(now, now + hour)
                },
                false,
            ),
        ];
        for (what, claims, accepted) in cases {
            assert_eq!(accepts(&set, &signed(&claims), now), accepted, "{what}");
        }
        let far = Claims {
            exp: i64::MAX,
            iat: i64::MAX,
            ..claims(now, now)
        };
        assert!(
            !accepts(&set, &signed(&far), now),
            "exp and iat at i64::MAX"
        );
    }

    #[test]
    fn a_remembered_token_is_accepted_only_while_its_key_set_would_accept_it() {
        let now = at(T0);
        let first = Arc::new(KeySet::generate(now).expect("set"));
        let good = token(&first, now);
        let verified = VerifiedTokens::<Claims>::new("JWT", MAX_LIFETIME);
        let check = |set: &Arc<KeySet>, token: &str, now| {
            verified.verify(set, token, &validation(), now).is_some()
        };
        assert!(check(&first, &good, now));
        assert!(check(&first, &good, now), "remembered");

        let mut parts: Vec<String> = good.split('.').map(str::to_owned).collect();
        parts[1] =
            URL_SAFE_NO_PAD.encode(format!(r#"{{"sub":"root","exp":9999999999,"iat":{T0}}}"#));
        assert!(!check(&first, &parts.join("."), now), "altered claims");

        let expired = now + Duration::hours(1) + CLOCK_LEEWAY + Duration::seconds(1);
        assert!(!check(&first, &good, expired), "expired");

        let foreign = Arc::new(KeySet::generate(now).expect("set"));
        assert!(!check(&foreign, &good, now), "another key set");

        // A claim set outliving its key's window (tokenctl never signs one)
        // stops with the window, as the key set itself would stop it.
        let (second, rotation) = first.rotated(now).expect("rotate");
        let second = Arc::new(second);
        let until = rotation.retired[0].publish_until.expect("window");
        let long = claims(now, until + Duration::days(1));
        let long = first.sign("JWT", &long).expect("sign");
        assert!(check(&second, &long, until - Duration::seconds(1)));
        assert!(!check(&second, &long, until), "the key's window ended");
    }

    #[test]
    fn a_retired_key_stops_verifying_when_its_window_ends() {
        let now = at(T0);
        let first = KeySet::generate(now).expect("set");
        let old = token(&first, now);
        let (second, rotation) = first.rotated(now).expect("rotate");
        let until = rotation.retired[0].publish_until.expect("window");
        // A hypothetical long-lived claim set, to test the window itself.
        let long = claims(now, until + Duration::days(1));
        let long = first.sign("JWT", &long).expect("sign");
        assert!(accepts(&second, &old, now));
        assert!(accepts(&second, &long, until - Duration::seconds(1)));
        assert!(!accepts(&second, &long, until));
    }

    #[test]
    fn debug_output_never_shows_private_keys() {
        let set = KeySet::generate(at(T0)).expect("set");
        let shown = format!("{set:?}");
        assert!(shown.contains(&set.keys[0].record.kid));
        assert!(!shown.contains(&set.keys[0].record.pkcs8[..16]));
        assert!(shown.contains("redacted"));
    }

    #[test]
    fn the_file_is_private_and_round_trips() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("new/keys.json");
        let live = LiveKeys::open(&path).expect("create");
        let again = LiveKeys::open(&path).expect("read");
        assert_eq!(
            kids(&live.current().infos(at(T0))),
            kids(&again.current().infos(at(T0)))
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| fs::metadata(p).expect("metadata").permissions().mode() & 0o777;
            assert_eq!(mode(&path), 0o600);
            assert_eq!(mode(path.parent().expect("dir")), 0o700);
            live.rotate(crate::time::now()).expect("rotate");
            assert_eq!(mode(&path), 0o600, "still private after a rotation");
        }
    }

    #[test]
    fn a_legacy_pkcs8_file_is_a_one_key_set_until_the_first_rotation() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("signing-key.pk8");
        let document =
            Ed25519KeyPair::generate_pkcs8(&aws_lc_rs::rand::SystemRandom::new()).expect("key");
        crate::files::write_private(&path, document.as_ref()).expect("write");

        let live = LiveKeys::open(&path).expect("legacy file");
        let now = crate::time::now();
        let legacy = live.current();
        let infos = legacy.infos(now);
        assert_eq!(infos.len(), 1);
        let pair = Ed25519KeyPair::from_pkcs8(document.as_ref()).expect("pair");
        assert_eq!(infos[0].kid, kid_of(pair.public_key().as_ref()));
        let old = token(&legacy, now);
        assert_eq!(
            fs::read(&path).expect("read"),
            document.as_ref(),
            "untouched"
        );

        let rotation = live.rotate(now).expect("rotate");
        assert_eq!(rotation.retired[0].kid, infos[0].kid);
        let bytes = fs::read(&path).expect("read");
        let file: serde_json::Value = serde_json::from_slice(&bytes).expect("now JSON");
        assert_eq!(file["version"], 1);
        assert_eq!(file["keys"].as_array().map(Vec::len), Some(2));
        assert!(
            accepts(&live.current(), &old, now),
            "its sessions still verify"
        );
    }

    #[test]
    fn concurrent_rotations_keep_every_key() {
        const THREADS: usize = 6;
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("keys.json");
        let first = LiveKeys::open(&path).expect("create");
        let now = crate::time::now();
        let new_kids: Vec<String> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..THREADS)
                .map(|_| {
                    // Each thread as its own replica: its own view of the file.
                    let live = LiveKeys::open(&path).expect("open");
                    scope.spawn(move || live.rotate(now).expect("rotate").active.kid)
                })
                .collect();
            handles
                .into_iter()
                .map(|handle| handle.join().expect("thread"))
                .collect()
        });
        assert!(first.refresh().expect("refresh"), "the file changed");
        let infos = first.current().infos(now);
        assert_eq!(infos.len(), THREADS + 1, "no rotation lost a key");
        for kid in &new_kids {
            assert!(infos.iter().any(|info| &info.kid == kid), "{kid} lost");
        }
        let active: Vec<&KeyInfo> = infos
            .iter()
            .filter(|info| info.status == KeyStatus::Active)
            .collect();
        assert_eq!(active.len(), 1, "one signer");
    }

    #[test]
    fn refresh_picks_up_changes_and_keeps_the_old_set_on_a_bad_file() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("keys.json");
        let reader = LiveKeys::open(&path).expect("create");
        assert!(!reader.refresh().expect("unchanged"));
        let writer = LiveKeys::open(&path).expect("open");
        let rotation = writer.rotate(crate::time::now()).expect("rotate");
        assert!(reader.refresh().expect("changed"));
        let now = crate::time::now();
        assert_eq!(reader.current().infos(now)[0].kid, rotation.active.kid);

        fs::write(&path, b"{ not json").expect("break the file");
        let error = reader.refresh().expect_err("bad file");
        assert!(error.message.contains("not valid"), "{}", error.message);
        assert!(!reader.refresh().expect("reported once"));
        assert_eq!(reader.current().infos(now)[0].kid, rotation.active.kid);
    }

    #[test]
    fn a_newer_format_is_refused() {
        let bytes = br#"{"version": 2, "keys": []}"#;
        let error = KeySet::parse(bytes, at(T0)).expect_err("newer");
        assert!(
            error.message.contains("newer tokenctl"),
            "{}",
            error.message
        );
    }

    #[test]
    fn a_store_gets_its_own_key_file() {
        assert_eq!(
            file_for_store(Path::new("/srv/tokens/store.db")),
            Path::new("/srv/tokens/store.db.keys.json")
        );
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// No string makes JWT header decoding or verification panic;
            /// none of them verifies.
            #[test]
            fn any_text_is_refused(text in any::<String>()) {
                let set = KeySet::generate(at(T0)).expect("set");
                prop_assert!(!accepts(&set, &text, at(T0)));
            }

            /// Three base64url parts of arbitrary JSON-ish bytes: decoded
            /// or refused, never accepted without our signature.
            #[test]
            fn forged_looking_tokens_are_refused(
                header in proptest::collection::vec(any::<u8>(), 0..64),
                payload in proptest::collection::vec(any::<u8>(), 0..64),
                signature in proptest::collection::vec(any::<u8>(), 0..64),
                kid in "[a-zA-Z0-9_-]{0,12}",
            ) {
                let set = KeySet::generate(at(T0)).expect("set");
                let parts = [header, payload, signature].map(|part| URL_SAFE_NO_PAD.encode(part));
                prop_assert!(!accepts(&set, &parts.join("."), at(T0)));
                let header = URL_SAFE_NO_PAD.encode(format!(r#"{{"alg":"EdDSA","typ":"JWT","kid":"{kid}"}}"#));
                let forged = format!("{header}.{}.{}", parts[1], parts[2]);
                prop_assert!(!accepts(&set, &forged, at(T0)));
            }
        }
    }
}
