//! Exchange: a long-lived token (or a login session) traded for a
//! short-lived signed access token — what a CI job carries instead of the
//! PAT itself. Access tokens are RFC 9068 JWTs (`typ: at+jwt`), signed by the
//! key set (EdDSA, `kid`), so any resource server can check them offline
//! against the JWK Set.
//!
//! This module holds the vocabulary (claims, policy, request, outcome and the
//! RFC 8693 / RFC 6749 error codes); [`crate::service::TokenService::exchange`]
//! applies the rules. The server's token endpoint, its authentication-token endpoint and
//! the CLI's local mode all go through that one method.

use std::sync::Arc;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::error::{Error, ErrorKind};
use crate::jose::{Expiring, KeySet, MAX_TOKEN_LIFETIME, Rules, VerifiedTokens};
use crate::model::Id;

/// Where a tokenctl server answers RFC 8693 token exchange requests.
pub const TOKEN_PATH: &str = "/oauth2/token";
/// RFC 8693 §2.1: the grant type of a token exchange.
pub const TOKEN_EXCHANGE_GRANT: &str = "urn:ietf:params:oauth:grant-type:token-exchange";
/// RFC 8693 §3: what tokenctl issues, and what a PAT is as a subject.
pub const ACCESS_TOKEN_TYPE: &str = "urn:ietf:params:oauth:token-type:access_token";
/// RFC 8693 §3: a login session (a JWT) as a subject; a JWT of another
/// issuer is taken for an ID token.
pub const JWT_TOKEN_TYPE: &str = "urn:ietf:params:oauth:token-type:jwt";
/// RFC 8693 §3: a CI job's OpenID Connect ID token as a subject.
pub const ID_TOKEN_TYPE: &str = "urn:ietf:params:oauth:token-type:id_token";
/// RFC 9068 §2.1: the JOSE `typ` of an access token.
pub const ACCESS_TOKEN_TYP: &str = "at+jwt";

/// Lifetime of an access token when the caller asks for none.
pub const DEFAULT_TTL: Duration = Duration::minutes(15);
/// The server's cap when `--max-exchange-ttl` is not given.
pub const DEFAULT_MAX_TTL: Duration = Duration::hours(1);
/// Shortest lifetime worth issuing: less would expire in flight.
pub const MIN_TTL: Duration = Duration::seconds(10);

/// The issuer of access tokens made from a local store (no server URL).
pub const LOCAL_ISSUER: &str = "urn:tokenctl:local";

/// RFC 9068 claims of an access token.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AccessClaims {
    pub iss: String,
    /// The user the token acts for.
    pub sub: String,
    pub aud: String,
    pub exp: i64,
    pub iat: i64,
    pub jti: String,
    /// Who asked for it: `token:<id>` for a PAT, `session` for a login.
    pub client_id: String,
    /// Space-separated permissions.
    pub scope: String,
    /// The PAT it was exchanged from: revoking that one makes this one
    /// inactive at introspection. Absent when made from a login session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_id: Option<Id>,
    /// The user's session epoch at the exchange: disabling the user ends
    /// every access token made before, even once they are enabled again.
    #[serde(default)]
    pub epoch: i64,
    /// tokenctl never sets it; a token that has one is checked against it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nbf: Option<i64>,
    /// RFC 8693 §4.1: the CI job that acted for `sub`, when a trust policy
    /// admitted its ID token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub act: Option<ActingParty>,
    /// The trust policy that admitted it: removing the policy ends the token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trust_policy: Option<String>,
}

/// RFC 8693 §4.1 `act`: who is acting, as the issuer of its ID token names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActingParty {
    pub iss: String,
    pub sub: String,
}

impl Expiring for AccessClaims {
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

/// What the issuing side allows.
#[derive(Debug, Clone)]
pub struct ExchangePolicy {
    /// `iss` of every access token, and their default audience.
    pub issuer: String,
    /// Further audiences a caller may ask for (`--audience` on `serve`).
    pub audiences: Vec<String>,
    /// No access token lives longer, whatever the caller asks.
    pub max_ttl: Duration,
    /// How this issuer's access tokens are checked where it verifies them.
    validation: Arc<jsonwebtoken::Validation>,
    /// The access tokens already verified that way.
    verified: Arc<VerifiedTokens<AccessClaims>>,
}

impl ExchangePolicy {
    pub fn new(issuer: String, audiences: Vec<String>, max_ttl: Duration) -> ExchangePolicy {
        let max_ttl = max_ttl.min(MAX_TOKEN_LIFETIME);
        ExchangePolicy {
            validation: Arc::new(access_token_validation(&issuer)),
            verified: Arc::new(VerifiedTokens::new(ACCESS_TOKEN_TYP, max_ttl)),
            issuer,
            audiences,
            max_ttl,
        }
    }

    /// The claims of an access token this issuer signed with `keys`, if it
    /// is one and is still valid at `now`, and lives no longer than this
    /// policy issues them for. Whatever its audience: introspection answers
    /// for every audience the issuer serves; the API itself accepts only
    /// its own (see [`crate::service::TokenService::actor_for_access_token`]).
    pub fn verify_access_token(
        &self,
        keys: &Arc<KeySet>,
        token: &str,
        now: DateTime<Utc>,
    ) -> Option<Arc<AccessClaims>> {
        self.verified.verify(keys, token, &self.validation, now)
    }

    /// The audience of a new token: the issuer unless the caller names one
    /// this policy accepts.
    pub fn audience(&self, requested: Option<&str>) -> Result<String, ExchangeError> {
        match requested {
            None => Ok(self.issuer.clone()),
            Some(audience)
                if audience == self.issuer || self.audiences.iter().any(|a| a == audience) =>
            {
                Ok(audience.to_owned())
            }
            Some(audience) => Err(ExchangeError::InvalidTarget(format!(
                "this server does not issue tokens for the audience '{audience}'"
            ))),
        }
    }
}

/// What a caller asks for.
#[derive(Debug, Clone, Default)]
pub struct ExchangeRequest {
    /// `None`: [`DEFAULT_TTL`].
    pub ttl: Option<Duration>,
    /// Empty: every permission of the subject.
    pub scopes: Vec<String>,
    pub audience: Option<String>,
    /// Refuse, rather than shorten, a `ttl` the exchange cannot give in full.
    pub strict_ttl: bool,
}

/// A new access token. `access_token` is a bearer credential: shown to the
/// caller once, never stored or logged.
#[derive(Clone)]
pub struct Exchanged {
    pub access_token: String,
    /// Seconds from issue to expiry.
    pub expires_in: i64,
    /// Space-separated permissions.
    pub scope: String,
}

impl std::fmt::Debug for Exchanged {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Exchanged(<redacted>, {} s, '{}')",
            self.expires_in, self.scope
        )
    }
}

/// RFC 8693 §2.2.1: the token endpoint's answer. No `Debug`: it holds a
/// bearer credential.
#[derive(Serialize, Deserialize)]
pub struct ExchangeResponse {
    pub access_token: String,
    pub issued_token_type: String,
    pub token_type: String,
    pub expires_in: i64,
    pub scope: String,
}

impl From<Exchanged> for ExchangeResponse {
    fn from(exchanged: Exchanged) -> ExchangeResponse {
        ExchangeResponse {
            access_token: exchanged.access_token,
            issued_token_type: ACCESS_TOKEN_TYPE.to_owned(),
            token_type: "Bearer".to_owned(),
            expires_in: exchanged.expires_in,
            scope: exchanged.scope,
        }
    }
}

impl From<ExchangeResponse> for Exchanged {
    fn from(response: ExchangeResponse) -> Exchanged {
        Exchanged {
            access_token: response.access_token,
            expires_in: response.expires_in,
            scope: response.scope,
        }
    }
}

/// RFC 6749 §5.2: an OAuth error answer.
#[derive(Debug, Serialize, Deserialize)]
pub struct OAuthErrorBody {
    pub error: String,
    pub error_description: String,
}

/// RFC 7662 §2.2: what introspection says of a token. An inactive token
/// says nothing else, so a caller learns nothing about tokens that don't work.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Introspection {
    pub active: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exp: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iat: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aud: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iss: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jti: Option<String>,
}

impl Introspection {
    pub fn inactive() -> Introspection {
        Introspection::default()
    }

    /// An active access token, as its claims describe it.
    pub fn of_access_token(claims: &AccessClaims) -> Introspection {
        Introspection {
            active: true,
            scope: Some(claims.scope.clone()),
            client_id: Some(claims.client_id.clone()),
            username: Some(claims.sub.clone()),
            token_type: Some("Bearer".to_owned()),
            exp: Some(claims.exp),
            iat: Some(claims.iat),
            sub: Some(claims.sub.clone()),
            aud: Some(claims.aud.clone()),
            iss: Some(claims.iss.clone()),
            jti: Some(claims.jti.clone()),
        }
    }
}

/// How access tokens of `issuer` are checked: EdDSA, the issuer pinned,
/// the RFC 9068 claims required. The audience is the caller's business
/// (introspection reports it; `verify` checks the one it expects).
pub fn access_token_validation(issuer: &str) -> jsonwebtoken::Validation {
    let mut validation = crate::jose::validation();
    validation.set_issuer(&[issuer]);
    validation.validate_aud = false;
    validation.set_required_spec_claims(&["exp", "iat", "sub", "aud", "iss"]);
    validation
}

/// Whether a JWT says it is an access token (`typ: at+jwt`): which check a
/// bearer credential gets, a login session's or an access token's.
///
/// Reads only `typ`, decoding the header on the stack: this runs on every
/// request that carries a JWT, and a full [`jsonwebtoken::Header`] costs
/// several times as much to decode. A header longer than [`MAX_HEADER`] is
/// none of ours. (Verification pins `typ` again, with the signature and
/// every other check, in [`crate::jose::verify_with`].)
pub fn is_access_token(token: &str) -> bool {
    #[derive(Deserialize)]
    struct Typ<'a> {
        #[serde(borrow)]
        typ: Option<std::borrow::Cow<'a, str>>,
    }
    let Some((header, _)) = token.split_once('.') else {
        return false;
    };
    let mut json = [0; MAX_HEADER];
    let Ok(length) = URL_SAFE_NO_PAD.decode_slice(header, &mut json) else {
        return false;
    };
    serde_json::from_slice::<Typ>(&json[..length])
        .is_ok_and(|header| header.typ.as_deref() == Some(ACCESS_TOKEN_TYP))
}

/// Longest JWS header (decoded) that [`is_access_token`] reads: several
/// times the ~70 bytes of the headers [`crate::jose::KeySet::sign`] writes.
const MAX_HEADER: usize = 256;

/// Checks an access token against a published JWK Set, as a resource
/// server would (and `tokenctl verify` does for a remote server): `at+jwt`,
/// EdDSA only, a `kid` the set names, this issuer and audience, not
/// expired. `None` for any failure.
pub fn verify_with_jwks(
    jwks: &jsonwebtoken::jwk::JwkSet,
    token: &str,
    issuer: &str,
    audience: &str,
    now: DateTime<Utc>,
) -> Option<AccessClaims> {
    let validation = audience_validation(issuer, audience);
    crate::jose::verify_with(token, &offline_rules(&validation), now, |kid| {
        jsonwebtoken::DecodingKey::from_jwk(jwks.find(kid)?).ok()
    })
}

/// How a verifier away from the server checks an access token: it does not
/// know the server's cap, only that nothing tokenctl signs outlives
/// [`MAX_TOKEN_LIFETIME`].
fn offline_rules(validation: &jsonwebtoken::Validation) -> Rules<'_> {
    Rules {
        typ: ACCESS_TOKEN_TYP,
        validation,
        max_lifetime: MAX_TOKEN_LIFETIME,
    }
}

/// The one answer for every way an access token can fail a check.
pub fn invalid_access_token() -> Error {
    Error::unauthenticated(
        "the access token is not valid: bad signature, another issuer or audience, or expired",
    )
}

/// The same check with the key set itself, for a local store.
pub fn verify_with_keys(
    keys: &KeySet,
    token: &str,
    issuer: &str,
    audience: &str,
    now: DateTime<Utc>,
) -> Option<AccessClaims> {
    keys.verify(
        token,
        &offline_rules(&audience_validation(issuer, audience)),
        now,
    )
}

fn audience_validation(issuer: &str, audience: &str) -> jsonwebtoken::Validation {
    let mut validation = access_token_validation(issuer);
    validation.validate_aud = true;
    validation.set_audience(&[audience]);
    validation
}

/// Why an exchange was refused, as RFC 6749 §5.2 and RFC 8693 §2.2.2 name it.
#[derive(Debug, Error)]
pub enum ExchangeError {
    #[error("{0}")]
    InvalidRequest(String),
    #[error("{0}")]
    UnsupportedGrantType(String),
    #[error("{0}")]
    InvalidGrant(String),
    #[error("{0}")]
    InvalidScope(String),
    #[error("{0}")]
    InvalidTarget(String),
    /// Too many exchanges with one credential: wait this many seconds.
    #[error("{0}")]
    SlowDown(String, u64),
    #[error("{}", .0.message)]
    Server(Error),
}

impl ExchangeError {
    /// The `error` code of the OAuth error response.
    pub fn code(&self) -> &'static str {
        match self {
            ExchangeError::InvalidRequest(_) => "invalid_request",
            ExchangeError::UnsupportedGrantType(_) => "unsupported_grant_type",
            ExchangeError::InvalidGrant(_) => "invalid_grant",
            ExchangeError::InvalidScope(_) => "invalid_scope",
            ExchangeError::InvalidTarget(_) => "invalid_target",
            // RFC 8628 §3.5's word for a client that asks too often.
            ExchangeError::SlowDown(..) => "slow_down",
            ExchangeError::Server(_) => "server_error",
        }
    }

    /// An error as the OAuth endpoint reports it, e.g. from a remote server.
    pub fn from_code(code: &str, description: String) -> ExchangeError {
        match code {
            "invalid_request" => ExchangeError::InvalidRequest(description),
            "unsupported_grant_type" => ExchangeError::UnsupportedGrantType(description),
            "invalid_grant" => ExchangeError::InvalidGrant(description),
            "invalid_scope" => ExchangeError::InvalidScope(description),
            "invalid_target" => ExchangeError::InvalidTarget(description),
            "slow_down" => ExchangeError::SlowDown(description, 1),
            _ => ExchangeError::Server(Error::internal(description)),
        }
    }
}

/// For the CLI: the exit codes of DESIGN.md.
impl From<ExchangeError> for Error {
    fn from(error: ExchangeError) -> Error {
        let kind = match &error {
            ExchangeError::InvalidGrant(_) => ErrorKind::Unauthenticated,
            ExchangeError::InvalidScope(_) => ErrorKind::PermissionDenied,
            ExchangeError::SlowDown(..) => ErrorKind::RateLimited,
            ExchangeError::Server(error) => return error.clone(),
            _ => ErrorKind::InvalidInput,
        };
        Error::new(kind, error.to_string())
    }
}

impl From<Error> for ExchangeError {
    fn from(error: Error) -> ExchangeError {
        ExchangeError::Server(error)
    }
}

/// The lifetime of a new token: what was asked (or the default), within the
/// policy's cap and never past `subject_expires` — an access token must not
/// outlive the credential it came from. With `strict`, a lifetime asked
/// for that cannot be given in full is refused instead of shortened.
pub fn lifetime(
    asked: Option<Duration>,
    max_ttl: Duration,
    now: DateTime<Utc>,
    subject_expires: Option<DateTime<Utc>>,
    strict: bool,
) -> Result<Duration, ExchangeError> {
    let requested = asked.unwrap_or(DEFAULT_TTL);
    if requested < MIN_TTL {
        return Err(ExchangeError::InvalidRequest(format!(
            "the lifetime must be at least {} seconds",
            MIN_TTL.num_seconds()
        )));
    }
    let mut ttl = requested.min(max_ttl);
    if let Some(expires) = subject_expires {
        ttl = ttl.min(expires - now);
    }
    if ttl < MIN_TTL {
        return Err(ExchangeError::InvalidGrant(
            "the subject token expires too soon to exchange".to_owned(),
        ));
    }
    if strict && asked.is_some() && ttl < requested {
        return Err(ExchangeError::InvalidRequest(format!(
            "a lifetime of {} was asked with strict_ttl, and this exchange can give at most {} (the server's maximum, or the subject's own expiry)",
            crate::time::compact(requested),
            crate::time::compact(ttl)
        )));
    }
    Ok(ttl)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lifetimes_are_capped_by_policy_and_by_the_subject() {
        let now = crate::time::now();
        let hour = Duration::hours(1);
        assert_eq!(
            lifetime(None, hour, now, None, false).expect("default"),
            DEFAULT_TTL
        );
        assert_eq!(
            lifetime(Some(Duration::hours(5)), hour, now, None, false).expect("capped"),
            hour
        );
        let soon = now + Duration::minutes(5);
        assert_eq!(
            lifetime(None, hour, now, Some(soon), false).expect("subject"),
            Duration::minutes(5)
        );
        assert!(matches!(
            lifetime(Some(Duration::seconds(1)), hour, now, None, false),
            Err(ExchangeError::InvalidRequest(_))
        ));
        assert!(matches!(
            lifetime(None, hour, now, Some(now + Duration::seconds(3)), false),
            Err(ExchangeError::InvalidGrant(_))
        ));
        // Strict: what was asked in full, or a refusal; the default is never
        // "asked", so it is shortened as ever.
        assert!(matches!(
            lifetime(Some(Duration::hours(5)), hour, now, None, true),
            Err(ExchangeError::InvalidRequest(message)) if message.contains("at most 1h")
        ));
        assert!(matches!(
            lifetime(Some(hour), hour, now, Some(soon), true),
            Err(ExchangeError::InvalidRequest(message)) if message.contains("at most 5m")
        ));
        assert_eq!(
            lifetime(Some(hour), hour, now, None, true).expect("in full"),
            hour
        );
        assert_eq!(
            lifetime(None, hour, now, Some(soon), true).expect("default"),
            Duration::minutes(5)
        );
    }

    #[test]
    fn audiences_are_the_issuer_or_an_allowed_one() {
        let policy = ExchangePolicy::new(
            "https://tokens.example".into(),
            vec!["https://api.example".into()],
            Duration::days(30),
        );
        assert_eq!(policy.max_ttl, MAX_TOKEN_LIFETIME);
        assert_eq!(
            policy.audience(None).expect("default"),
            "https://tokens.example"
        );
        assert_eq!(
            policy
                .audience(Some("https://api.example"))
                .expect("allowed"),
            "https://api.example"
        );
        assert_eq!(
            policy
                .audience(Some("https://evil.example"))
                .expect_err("refused")
                .code(),
            "invalid_target"
        );
    }
}
