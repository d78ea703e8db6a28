//! GitHub's secret scanning partner protocol: a code host that finds one of
//! our tokens in a public place reports it, signed, and gets told which
//! ones were ours. This module holds the protocol — the report and feedback
//! shapes, the signing keys GitHub publishes, the signature check; what a
//! report does (revoke) is [`crate::service::TokenService::report_leaks`].
//!
//! <https://docs.github.com/en/code-security/secret-scanning/secret-scanning-partnership-program/secret-scanning-partner-program>

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use aws_lc_rs::signature::{ECDSA_P256_SHA256_ASN1, UnparsedPublicKey};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The header naming the key a report is signed with.
pub const KEY_ID_HEADER: &str = "github-public-key-identifier";
/// The header carrying the signature (base64 of an ASN.1 DER ECDSA
/// P-256 / SHA-256 signature over the raw body).
pub const SIGNATURE_HEADER: &str = "github-public-key-signature";

/// Most tokens one report may name: a report is at most the API's body
/// limit, and every token found costs a lookup.
pub const MAX_REPORTED: usize = 256;

/// How long fetched keys are believed, and how often at most an unknown
/// key identifier makes us fetch again.
const KEYS_LIFETIME: Duration = Duration::from_secs(60 * 60);
const REFRESH_INTERVAL: Duration = Duration::from_secs(30);
const MAX_KEYS_BYTES: usize = 64 * 1024;

/// One token a report names, where it was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportedToken {
    pub token: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub source: String,
}

/// The answer for one reported token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feedback {
    pub token_raw: String,
    pub token_type: String,
    pub label: Label,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Label {
    /// A token this issuer made (now revoked, if it was not already).
    TruePositive,
    /// Looks like one of ours, is not.
    FalsePositive,
}

/// Why a report was not believed: nothing in it is acted on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejected {
    MissingHeaders,
    UnknownKey(String),
    BadSignature,
    /// The keys could not be had (the key URL or file).
    Keys(String),
}

impl std::fmt::Display for Rejected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Rejected::MissingHeaders => write!(
                f,
                "the report is not signed: it needs {KEY_ID_HEADER} and {SIGNATURE_HEADER}"
            ),
            Rejected::UnknownKey(id) => write!(f, "no published key has the identifier {id:?}"),
            Rejected::BadSignature => write!(f, "the report's signature does not verify"),
            Rejected::Keys(why) => write!(f, "cannot get the reporter's keys: {why}"),
        }
    }
}

/// The report in a body whose signature has been checked.
pub fn parse_report(body: &[u8]) -> Result<Vec<ReportedToken>> {
    let tokens: Vec<ReportedToken> = serde_json::from_slice(body).map_err(|error| {
        Error::invalid(format!(
            "the report is not a JSON array of {{token, type, url, source}}: {error}"
        ))
    })?;
    if tokens.len() > MAX_REPORTED {
        return Err(Error::invalid(format!(
            "a report may name at most {MAX_REPORTED} tokens"
        )));
    }
    Ok(tokens)
}

/// Where the verification keys come from (`serve --leak-keys URL|FILE`).
#[derive(Debug, Clone)]
pub enum KeySource {
    Url(String),
    File(PathBuf),
}

impl KeySource {
    /// `https://…` (or loopback `http://…`, for tests) is a URL; anything
    /// else a file.
    pub fn parse(text: &str) -> Result<KeySource> {
        if text.starts_with("https://") || text.starts_with("http://") {
            crate::federation::issuers::check_issuer_url(text)
                .map_err(|error| Error::invalid(format!("--leak-keys: {}", error.message)))?;
            return Ok(KeySource::Url(text.to_owned()));
        }
        Ok(KeySource::File(PathBuf::from(text)))
    }
}

/// The reporter's published keys (public halves, by identifier), cached
/// and fetched again at most once per interval when a report names a key
/// they lack: a flood of made-up identifiers costs one fetch.
pub struct ReportKeys {
    source: KeySource,
    http: reqwest::Client,
    keys: Mutex<Option<Fetched>>,
    last_fetch: tokio::sync::Mutex<Option<Instant>>,
}

/// When the keys were fetched, and each key's point by identifier.
type Fetched = (Instant, HashMap<String, Vec<u8>>);

#[derive(Deserialize)]
struct Published {
    public_keys: Vec<PublishedKey>,
}

#[derive(Deserialize)]
struct PublishedKey {
    key_identifier: String,
    key: String,
}

impl ReportKeys {
    pub fn new(source: KeySource, http: reqwest::Client) -> ReportKeys {
        ReportKeys {
            source,
            http,
            keys: Mutex::new(None),
            last_fetch: tokio::sync::Mutex::new(None),
        }
    }

    /// Checks the signature headers of `body`.
    pub async fn verify(
        &self,
        body: &[u8],
        key_id: Option<&str>,
        signature: Option<&str>,
    ) -> std::result::Result<(), Rejected> {
        let (Some(key_id), Some(signature)) = (key_id, signature) else {
            return Err(Rejected::MissingHeaders);
        };
        let signature = STANDARD
            .decode(signature.trim())
            .map_err(|_| Rejected::BadSignature)?;
        let point = self.key(key_id).await?;
        UnparsedPublicKey::new(&ECDSA_P256_SHA256_ASN1, point)
            .verify(body, &signature)
            .map_err(|_| Rejected::BadSignature)
    }

    /// The key `id` names: cached, or fetched when the cache is stale or
    /// lacks it and the last fetch is an interval ago.
    async fn key(&self, id: &str) -> std::result::Result<Vec<u8>, Rejected> {
        if let Some(point) = self.cached(id, true) {
            return Ok(point);
        }
        let mut last_fetch = self.last_fetch.lock().await;
        if let Some(point) = self.cached(id, true) {
            return Ok(point);
        }
        if last_fetch.is_none_or(|at| at.elapsed() >= REFRESH_INTERVAL) {
            *last_fetch = Some(Instant::now());
            let fetched = self
                .fetch()
                .await
                .map_err(|error| Rejected::Keys(error.message))?;
            *self
                .keys
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner) =
                Some((Instant::now(), fetched));
        }
        self.cached(id, false)
            .ok_or_else(|| Rejected::UnknownKey(id.chars().take(100).collect()))
    }

    fn cached(&self, id: &str, fresh_only: bool) -> Option<Vec<u8>> {
        let keys = self
            .keys
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let (at, keys) = keys.as_ref()?;
        if fresh_only && at.elapsed() >= KEYS_LIFETIME {
            return None;
        }
        keys.get(id).cloned()
    }

    async fn fetch(&self) -> Result<HashMap<String, Vec<u8>>> {
        let text = match &self.source {
            KeySource::File(path) => std::fs::read(path).map_err(|error| {
                Error::invalid(format!("cannot read {}: {error}", path.display()))
            })?,
            KeySource::Url(url) => {
                let request = self.http.get(url);
                match crate::http::send_bounded(request, url, MAX_KEYS_BYTES).await? {
                    Some(answer) if answer.status.is_success() => answer.body,
                    Some(answer) => {
                        return Err(Error::new(
                            crate::error::ErrorKind::Unavailable,
                            format!("{url} answered HTTP {}", answer.status),
                        ));
                    }
                    None => return Err(Error::invalid(format!("{url} answered too much"))),
                }
            }
        };
        parse_keys(&text)
    }
}

/// GitHub's published format: `{"public_keys": [{"key_identifier", "key"
/// (a PEM P-256 public key), "is_current"}]}`, to identifier → point.
pub fn parse_keys(text: &[u8]) -> Result<HashMap<String, Vec<u8>>> {
    let published: Published = serde_json::from_slice(text).map_err(|error| {
        Error::invalid(format!("the leak keys are not GitHub's format: {error}"))
    })?;
    published
        .public_keys
        .into_iter()
        .map(|key| Ok((key.key_identifier, p256_point(&key.key)?)))
        .collect()
}

/// The DER SubjectPublicKeyInfo of a P-256 key, up to its point.
const P256_SPKI_PREFIX: [u8; 26] = [
    0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a,
    0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00,
];

/// The uncompressed point of a PEM P-256 public key; any other key is
/// refused.
fn p256_point(pem: &str) -> Result<Vec<u8>> {
    let base64: String = pem
        .lines()
        .filter(|line| !line.starts_with("-----"))
        .map(str::trim)
        .collect();
    let der = STANDARD
        .decode(base64)
        .map_err(|_| Error::invalid("a leak key is not PEM"))?;
    match der.strip_prefix(&P256_SPKI_PREFIX[..]) {
        Some(point) if point.len() == 65 && point[0] == 0x04 => Ok(point.to_vec()),
        _ => Err(Error::invalid(
            "a leak key is not an ECDSA P-256 public key",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pem(der: &[u8]) -> String {
        format!(
            "-----BEGIN PUBLIC KEY-----\n{}\n-----END PUBLIC KEY-----\n",
            STANDARD.encode(der)
        )
    }

    #[test]
    fn only_p256_public_keys_are_taken() {
        let mut spki = P256_SPKI_PREFIX.to_vec();
        spki.push(0x04);
        spki.extend_from_slice(&[7; 64]);
        assert_eq!(p256_point(&pem(&spki)).expect("a P-256 key")[1..], [7; 64]);
        // A compressed point, a short one, another curve's prefix: refused.
        let mut compressed = P256_SPKI_PREFIX.to_vec();
        compressed.push(0x02);
        compressed.extend_from_slice(&[7; 64]);
        let mut other_curve = spki.clone();
        other_curve[22] = 0x22;
        for der in [compressed, spki[..60].to_vec(), other_curve] {
            assert!(p256_point(&pem(&der)).is_err());
        }
        assert!(p256_point("not pem at all!").is_err());
        let published = format!(
            r#"{{"public_keys": [{{"key_identifier": "k1", "key": {:?}, "is_current": true}}]}}"#,
            pem(&spki)
        );
        assert_eq!(parse_keys(published.as_bytes()).expect("keys").len(), 1);
    }

    #[test]
    fn reports_are_arrays_of_a_bounded_length() {
        let one = r#"{"token": "t", "type": "x", "url": "u", "source": "s"}"#;
        let report = format!("[{one}]");
        assert_eq!(parse_report(report.as_bytes()).expect("report").len(), 1);
        let many = format!("[{}]", vec![one; MAX_REPORTED + 1].join(","));
        assert!(parse_report(many.as_bytes()).is_err());
        for bad in ["{}", "[1]", "[{\"token\": \"t\"}]", ""] {
            assert!(parse_report(bad.as_bytes()).is_err(), "{bad}");
        }
    }
}
