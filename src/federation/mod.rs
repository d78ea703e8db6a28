//! Workload identity federation: a CI job proves who it is with the OpenID
//! Connect ID token its CI provider minted for that one job, and a trust
//! policy says which such identities tokenctl believes. No secret is stored
//! in CI at all (PyPI's "trusted publishing", Vault's JWT auth).
//!
//! * [`trust`]: which identities a policy admits, and how a token's claims
//!   are held against it (pure rules, like `policy`);
//! * [`id_token`]: the one way an external ID token is checked against its
//!   issuer's published keys;
//! * [`issuers`]: where those keys come from (OpenID discovery, a cache of
//!   bounded lifetime, refreshes rate-limited), contacted only for issuers
//!   a policy names;
//! * [`verify_federated`]: the three together, from a presented token to the
//!   policy it satisfies.

pub mod ci;
pub mod id_token;
pub mod issuers;
pub mod trust;

use chrono::{DateTime, Utc};

pub use id_token::{IdToken, Refusal};
pub use issuers::Issuers;
pub use trust::{ClaimCheck, Condition};

/// Why a presented ID token earned nothing; [`Refusal`] for the token
/// itself, the policies' verdicts when it was good but matched none.
#[derive(Debug)]
pub enum Rejection {
    /// No policy names the token's issuer: nothing was fetched from it.
    UnknownIssuer(String),
    /// The token failed its own checks (signature, algorithm, times).
    Token(Refusal),
    /// A genuine token that no policy admits; each policy's checks, by name.
    NoMatch(Vec<(String, Vec<ClaimCheck>)>),
}

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Rejection::UnknownIssuer(issuer) => {
                write!(f, "no trust policy names the issuer {issuer:?}")
            }
            Rejection::Token(refusal) => refusal.fmt(f),
            Rejection::NoMatch(verdicts) => {
                write!(f, "no trust policy matches the token's claims")?;
                for (name, checks) in verdicts {
                    if let Some(failed) = checks.iter().find(|check| !check.ok) {
                        write!(f, "; {name}: {failed}")?;
                    }
                }
                Ok(())
            }
        }
    }
}

/// Checks `token` against the issuer it names and the `policies` (by name)
/// that trust that issuer, returning the verified token and the first
/// policy it satisfies. An issuer that no policy names is refused before any
/// network call: a token can never make tokenctl fetch from a URL of its
/// choosing.
pub async fn verify_federated<'p>(
    token: &str,
    policies: &'p [(String, Condition)],
    issuers: &Issuers,
    now: DateTime<Utc>,
) -> Result<(IdToken, &'p str), Rejection> {
    let verified = verify_from_trusted_issuer(token, policies, issuers, now).await?;
    let mut verdicts = Vec::new();
    for (name, checks) in verdicts_on(&verified, policies) {
        if checks.iter().all(|check| check.ok) {
            return Ok((verified, name));
        }
        verdicts.push((name.to_owned(), checks));
    }
    Err(Rejection::NoMatch(verdicts))
}

/// The token, verified with the keys of its issuer, when one of `policies`
/// names that issuer; refused before any network call otherwise.
pub async fn verify_from_trusted_issuer(
    token: &str,
    policies: &[(String, Condition)],
    issuers: &Issuers,
    now: DateTime<Utc>,
) -> Result<IdToken, Rejection> {
    let unverified = id_token::peek(token).map_err(Rejection::Token)?;
    if !policies
        .iter()
        .any(|(_, condition)| condition.issuer == unverified.issuer)
    {
        return Err(Rejection::UnknownIssuer(unverified.issuer));
    }
    let keys = issuers
        .key_set(&unverified.issuer, unverified.kid.as_deref())
        .await
        .map_err(|error| Rejection::Token(Refusal::Keys(error.to_string())))?;
    id_token::verify(token, &keys, now).map_err(Rejection::Token)
}

/// Each policy that trusts the token's issuer, by name, with its checks of
/// the token, in the order of `policies`.
pub fn verdicts_on<'p>(
    token: &IdToken,
    policies: &'p [(String, Condition)],
) -> Vec<(&'p str, Vec<ClaimCheck>)> {
    policies
        .iter()
        .filter(|(_, condition)| condition.issuer == token.issuer)
        .map(|(name, condition)| (name.as_str(), condition.check(token)))
        .collect()
}
