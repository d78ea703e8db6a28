//! JWS: how tokenctl signs what it issues and the one way it checks a JWT.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Duration, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::Expiring;
use crate::error::{Error, Result};

/// The JOSE header of what tokenctl signs (RFC 7515 §4.1).
#[derive(Serialize)]
pub(super) struct JwsHeader<'a> {
    pub(super) typ: &'a str,
    pub(super) alg: &'static str,
    pub(super) kid: &'a str,
}

/// Room for a typical signed token (an access token is about 600 bytes),
/// so building one does not grow its buffers.
pub(super) const JWS_CAPACITY: usize = 768;

/// Appends one part of a JWS to `jws`: `value` as JSON (written into the
/// scratch buffer `json`), base64url without padding.
pub(super) fn push_json_part<T: Serialize>(
    jws: &mut String,
    json: &mut Vec<u8>,
    value: &T,
) -> Result<()> {
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

/// Validation for [`KeySet::verify`]: EdDSA only; `exp` is checked there,
/// against the caller's `now`. Callers add audience, issuer and claims.
pub fn validation() -> Validation {
    let mut validation = Validation::new(Algorithm::EdDSA);
    validation.validate_exp = false;
    validation
}
