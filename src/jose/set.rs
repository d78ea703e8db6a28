//! The signing keys: one signs, retired ones stay published until the last
//! token they can have signed has expired; their JWK Set.

use std::sync::Arc;

use aws_lc_rs::signature::{Ed25519KeyPair, KeyPair};
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use chrono::{DateTime, Utc};
use jsonwebtoken::DecodingKey;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::jws::{JWS_CAPACITY, JwsHeader, Rules, push_json_part, verify_with};
use super::seal::SealingKey;
use super::{CLOCK_LEEWAY, Expiring, MAX_TOKEN_LIFETIME};
use crate::error::{Error, Result};

/// Version of the key set file format this build reads and writes.
const FORMAT_VERSION: u32 = 2;
/// The format version of a file without a sealing key: what tokenctl wrote
/// before there was one.
const PLAIN_FORMAT_VERSION: u32 = 1;

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
    /// Base64url; written with [`SEALING_FORMAT_VERSION`], so a tokenctl
    /// that knows nothing of it refuses the file instead of rotating the
    /// key away.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sealing_key: Option<String>,
}

/// One key as stored. No `Debug`: it holds the private key.
#[derive(Clone, Serialize, Deserialize)]
pub(super) struct KeyRecord {
    pub(super) kid: String,
    created_at: DateTime<Utc>,
    retired_at: Option<DateTime<Utc>>,
    publish_until: Option<DateTime<Utc>>,
    /// The Ed25519 private key, PKCS#8 DER, base64.
    pub(super) pkcs8: String,
}

/// A usable key: its record, and the key material parsed once.
#[derive(Clone)]
pub(super) struct Key {
    pub(super) record: KeyRecord,
    pub(super) public: Vec<u8>,
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
pub(super) fn kid_of(public: &[u8]) -> String {
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
    pub(super) keys: Vec<Key>,
    /// Seals secrets the store keeps (see `jose::seal`); made on first need.
    pub(super) sealing: Option<SealingKey>,
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
            sealing: None,
        })
    }

    /// Reads a key set file. A bare Ed25519 PKCS#8 DER key — the format
    /// before key sets — is a set of that one key, created at
    /// `legacy_created_at`; it becomes JSON at the first rotation.
    pub(super) fn parse(bytes: &[u8], legacy_created_at: DateTime<Utc>) -> Result<KeySet> {
        if bytes.trim_ascii_start().first() != Some(&b'{') {
            let key = Key::from_pkcs8(bytes, legacy_created_at).map_err(|_| {
                invalid_key("it is neither a key set (JSON) nor an Ed25519 PKCS#8 key")
            })?;
            return Ok(KeySet {
                keys: vec![key],
                sealing: None,
            });
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
        let sealing = file
            .sealing_key
            .as_deref()
            .map(SealingKey::from_base64)
            .transpose()?;
        Ok(KeySet { keys, sealing })
    }

    pub(super) fn to_json(&self) -> Result<Vec<u8>> {
        let sealing_key = self.sealing.as_ref().map(SealingKey::to_base64);
        let file = KeyFile {
            version: if sealing_key.is_some() {
                FORMAT_VERSION
            } else {
                PLAIN_FORMAT_VERSION
            },
            keys: self.keys.iter().map(|key| key.record.clone()).collect(),
            sealing_key,
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
        let sealing = self.sealing.clone();
        Ok((KeySet { keys, sealing }, rotation))
    }

    /// The key that seals secrets in the store, if the set has one yet.
    pub fn sealing_key(&self) -> Option<&SealingKey> {
        self.sealing.as_ref()
    }

    /// The same set with a new sealing key (see [`LiveKeys::sealing_key`]).
    pub(super) fn with_new_sealing_key(&self) -> Result<KeySet> {
        Ok(KeySet {
            keys: self.keys.clone(),
            sealing: Some(SealingKey::generate()?),
        })
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
    pub(super) fn verify_signed<C: DeserializeOwned + Expiring>(
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
