//! The one way tokenctl checks an ID token another issuer signed: an
//! asymmetric algorithm from a short list, a key the issuer publishes under
//! the header's `kid`, and times that say the token was minted moments ago
//! for the job presenting it.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Duration, Utc};
use jsonwebtoken::jwk::{JwkSet, PublicKeyUse};
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use serde_json::{Map, Value};

/// The algorithms an ID token may be signed with. Never `none`, and never
/// an HMAC: with HS256 the "key" would be the issuer's public key, which
/// anyone can fetch, so anyone could sign.
pub const ACCEPTED_ALGORITHMS: &[Algorithm] =
    &[Algorithm::RS256, Algorithm::ES256, Algorithm::EdDSA];

/// How far the issuer's clock may be from ours, either way.
pub const LEEWAY: Duration = Duration::seconds(60);

/// The oldest ID token accepted (by `iat`): CI providers mint one per job
/// step, so an older one is one that has been kept around.
pub const MAX_AGE: Duration = Duration::minutes(10);

/// The longest token read at all (GitHub's are about 1.2 kB).
pub const MAX_TOKEN_BYTES: usize = 16 * 1024;

/// A verified ID token: its standard claims, and all of them for the
/// policies' patterns.
#[derive(Debug, Clone, PartialEq)]
pub struct IdToken {
    pub issuer: String,
    pub subject: String,
    pub audience: Vec<String>,
    pub jti: Option<String>,
    pub issued_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub claims: Map<String, Value>,
}

/// What a token says about itself before anything is verified: only used
/// to choose which keys to fetch, never believed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unverified {
    pub issuer: String,
    pub kid: Option<String>,
}

/// Why an ID token was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Not a JWS compact serialization we can read, or too long.
    Malformed(String),
    /// Signed with an algorithm outside [`ACCEPTED_ALGORITHMS`].
    Algorithm(String),
    /// The issuer publishes no key under this `kid` (even after a refresh).
    UnknownKey(Option<String>),
    /// The issuer's keys could not be had.
    Keys(String),
    /// The signature does not verify with the issuer's key.
    Signature,
    /// A claim the checks need is missing or of the wrong type.
    Claim(&'static str),
    Expired,
    NotYetValid,
    /// Issued more than [`MAX_AGE`] ago (or in the future).
    TooOld,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::Malformed(why) => write!(f, "the ID token is malformed: {why}"),
            Refusal::Algorithm(alg) => write!(
                f,
                "the ID token is signed with {alg:?}; only RS256, ES256 and EdDSA are accepted"
            ),
            Refusal::UnknownKey(kid) => {
                write!(
                    f,
                    "the issuer publishes no key with the ID token's kid {kid:?}"
                )
            }
            Refusal::Keys(why) => write!(f, "cannot get the issuer's keys: {why}"),
            Refusal::Signature => write!(f, "the ID token's signature does not verify"),
            Refusal::Claim(claim) => {
                write!(f, "the ID token has no usable {claim:?} claim")
            }
            Refusal::Expired => write!(f, "the ID token has expired"),
            Refusal::NotYetValid => write!(f, "the ID token is not valid yet (nbf)"),
            Refusal::TooOld => write!(
                f,
                "the ID token was issued more than {} minutes ago (or in the future)",
                MAX_AGE.num_minutes()
            ),
        }
    }
}

#[derive(Deserialize)]
struct Header {
    alg: String,
    kid: Option<String>,
}

#[derive(Deserialize)]
struct IssuerOnly {
    iss: String,
}

/// The issuer and `kid` a token names, read without any check, so that the
/// caller can decide whether that issuer is one it trusts at all.
pub fn peek(token: &str) -> Result<Unverified, Refusal> {
    let (header, payload) = parts(token)?;
    let header: Header = decode_part(header, "header")?;
    let payload: IssuerOnly = decode_part(payload, "payload")?;
    Ok(Unverified {
        issuer: payload.iss,
        kid: header.kid,
    })
}

/// Verifies `token` with `keys`, the key set its issuer publishes, at
/// `now`: the algorithm is one of [`ACCEPTED_ALGORITHMS`] and the key's own
/// (when it names one), the signature verifies, `exp` and `iat` are
/// present, it has not expired, `nbf` has come, and it was issued within
/// [`MAX_AGE`] — each with [`LEEWAY`].
pub fn verify(token: &str, keys: &JwkSet, now: DateTime<Utc>) -> Result<IdToken, Refusal> {
    let (header, _) = parts(token)?;
    let header: Header = decode_part(header, "header")?;
    let algorithm = ACCEPTED_ALGORITHMS
        .iter()
        .copied()
        .find(|algorithm| format!("{algorithm:?}") == header.alg)
        .ok_or_else(|| Refusal::Algorithm(header.alg.clone()))?;
    let unknown = || Refusal::UnknownKey(header.kid.clone());
    let jwk = keys
        .find(header.kid.as_deref().ok_or_else(unknown)?)
        .ok_or_else(unknown)?;
    let named = jwk.common.key_algorithm.map(|alg| alg.to_string());
    if named.is_some_and(|alg| alg != header.alg)
        || matches!(jwk.common.public_key_use, Some(PublicKeyUse::Encryption))
    {
        return Err(Refusal::Algorithm(header.alg));
    }
    let key = DecodingKey::from_jwk(jwk).map_err(|_| unknown())?;
    let claims =
        jsonwebtoken::decode::<Map<String, Value>>(token, &key, &signature_only(algorithm))
            .map_err(|error| match error.kind() {
                jsonwebtoken::errors::ErrorKind::InvalidSignature => Refusal::Signature,
                jsonwebtoken::errors::ErrorKind::InvalidAlgorithm => {
                    Refusal::Algorithm(format!("{algorithm:?}"))
                }
                _ => Refusal::Malformed(error.to_string()),
            })?
            .claims;
    checked(claims, now)
}

/// Validation that checks the signature and nothing else: every claim is
/// checked in [`checked`], against the caller's clock.
fn signature_only(algorithm: Algorithm) -> Validation {
    let mut validation = Validation::new(algorithm);
    validation.validate_exp = false;
    validation.validate_nbf = false;
    validation.validate_aud = false;
    validation.required_spec_claims.clear();
    validation.leeway = 0;
    validation
}

/// The token's claims once its times hold at `now`.
fn checked(claims: Map<String, Value>, now: DateTime<Utc>) -> Result<IdToken, Refusal> {
    let text = |claim: &'static str| match claims.get(claim) {
        Some(Value::String(value)) if !value.is_empty() => Ok(value.clone()),
        _ => Err(Refusal::Claim(claim)),
    };
    let time = |claim: &'static str| {
        claims
            .get(claim)
            .and_then(Value::as_i64)
            .and_then(|seconds| DateTime::from_timestamp(seconds, 0))
            .ok_or(Refusal::Claim(claim))
    };
    let expires_at = time("exp")?;
    let issued_at = time("iat")?;
    if expires_at + LEEWAY <= now {
        return Err(Refusal::Expired);
    }
    if claims.contains_key("nbf") && time("nbf")? > now + LEEWAY {
        return Err(Refusal::NotYetValid);
    }
    if issued_at > now + LEEWAY || now - issued_at > MAX_AGE {
        return Err(Refusal::TooOld);
    }
    let audience = match claims.get("aud") {
        Some(Value::String(one)) => vec![one.clone()],
        Some(Value::Array(many)) => many
            .iter()
            .map(|value| value.as_str().map(str::to_owned))
            .collect::<Option<Vec<_>>>()
            .ok_or(Refusal::Claim("aud"))?,
        _ => return Err(Refusal::Claim("aud")),
    };
    let jti = match claims.get("jti") {
        None => None,
        Some(_) => Some(text("jti")?),
    };
    Ok(IdToken {
        issuer: text("iss")?,
        subject: text("sub")?,
        audience,
        jti,
        issued_at,
        expires_at,
        claims,
    })
}

/// The header and payload segments of a compact JWS.
fn parts(token: &str) -> Result<(&str, &str), Refusal> {
    if token.len() > MAX_TOKEN_BYTES {
        return Err(Refusal::Malformed(format!(
            "longer than {MAX_TOKEN_BYTES} bytes"
        )));
    }
    let mut segments = token.split('.');
    match (
        segments.next(),
        segments.next(),
        segments.next(),
        segments.next(),
    ) {
        (Some(header), Some(payload), Some(_), None) => Ok((header, payload)),
        _ => Err(Refusal::Malformed(
            "not three dot-separated parts".to_owned(),
        )),
    }
}

fn decode_part<T: serde::de::DeserializeOwned>(segment: &str, what: &str) -> Result<T, Refusal> {
    let bytes = URL_SAFE_NO_PAD
        .decode(segment)
        .map_err(|_| Refusal::Malformed(format!("the {what} is not base64url")))?;
    serde_json::from_slice(&bytes).map_err(|error| {
        Refusal::Malformed(format!("the {what} is not the JSON expected: {error}"))
    })
}
