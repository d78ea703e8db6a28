//! How people prove who they are: passwords (argon2id), TOTP second factors
//! (RFC 6238), and the signed session tokens a successful login returns.
//!
//! Everything here is pure computation over values the service hands in; the
//! service decides when to call it and what to record.

use std::collections::BTreeSet;

use argon2::password_hash::PasswordHasher;
use argon2::{Algorithm, Argon2, Block, Params, PasswordHash, Version};
use chrono::{DateTime, Duration, Utc};
use jsonwebtoken::Validation;
use serde::{Deserialize, Serialize};
use totp_rs::{Algorithm as TotpAlgorithm, Builder as TotpBuilder, Secret as TotpSecret, Totp};

use crate::error::{Error, Reason, Result};
use crate::jose::{Expiring, KeySet, Rules};

/// How long a login session lasts (60 minutes, then log in again).
pub const SESSION_LIFETIME: Duration = Duration::minutes(60);

/// Audience and issuer of session tokens: they are good for this API only.
const SESSION_AUDIENCE: &str = "tokenctl";
const SESSION_ISSUER: &str = "tokenctl";

/// Whether a JWT says (unverified) that it is a login session of ours, as
/// opposed to someone else's ID token: which checks the token endpoint
/// gives a JWT subject.
pub fn names_session_issuer(jwt: &str) -> bool {
    crate::federation::id_token::peek(jwt).is_ok_and(|token| token.issuer == SESSION_ISSUER)
}
/// The JOSE `typ` of a session (an access token's is `at+jwt`).
pub const SESSION_TYP: &str = "JWT";

/// Hashes a password with argon2id at the OWASP-recommended parameters
/// (19 MiB, 2 passes, 1 lane: the crate's defaults).
pub fn hash_password(password: &str) -> Result<String> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|hash| hash.to_string())
        .map_err(|error| Error::internal(format!("cannot hash the password: {error}")))
}

/// Checks a password against its stored hash. `None` (no password set, or an
/// unknown user) still spends the time of a real check, so the answer's
/// timing does not tell whether an account exists.
pub fn verify_password(password: &str, stored: Option<&str>) -> bool {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let hash = match stored {
        Some(hash) => hash,
        None => DECOY.get_or_init(|| hash_password("decoy password").unwrap_or_default()),
    };
    matches(password.as_bytes(), hash) && stored.is_some()
}

std::thread_local! {
    /// This thread's argon2 work area, kept between checks: a hashing
    /// thread holds one 19 MiB buffer for good. Allocated afresh for every
    /// check (as `PasswordVerifier` does), the buffers were not given back
    /// to the system: 190 sequential logins grew a server by 160 MiB.
    static WORK_AREA: std::cell::RefCell<Vec<Block>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Whether `password` is the one whose argon2 PHC string is `stored`: the
/// same computation as `PasswordVerifier::verify_password` (the stored
/// algorithm, version, parameters and salt, and a constant-time comparison
/// of the outputs), in this thread's [`WORK_AREA`].
fn matches(password: &[u8], stored: &str) -> bool {
    let Ok(hash) = PasswordHash::new(stored) else {
        return false;
    };
    let (Some(salt), Some(expected)) = (&hash.salt, &hash.hash) else {
        return false;
    };
    let (Ok(algorithm), Ok(params)) = (
        Algorithm::try_from(hash.algorithm.as_str()),
        Params::try_from(&hash),
    ) else {
        return false;
    };
    let Ok(version) = hash
        .version
        .map_or(Ok(Version::default()), Version::try_from)
    else {
        return false;
    };
    let blocks = params.block_count();
    let mut output = [0u8; 64];
    let Some(output) = output.get_mut(..expected.len()) else {
        return false;
    };
    let computed = WORK_AREA.with_borrow_mut(|work_area| {
        work_area.resize(blocks, Block::default());
        Argon2::new(algorithm, version, params).hash_password_into_with_memory(
            password,
            salt,
            output,
            &mut work_area[..blocks],
        )
    });
    computed.is_ok()
        && argon2::password_hash::phc::Output::new(output).is_ok_and(|o| o == *expected)
}

/// Minimum length of a password set through tokenctl.
pub const MIN_PASSWORD_LEN: usize = 12;

pub fn check_password_strength(password: &str) -> Result<()> {
    if password.chars().count() < MIN_PASSWORD_LEN {
        return Err(Error::invalid(format!(
            "the password is shorter than {MIN_PASSWORD_LEN} characters"
        )));
    }
    Ok(())
}

/// A random password for a new account, shown once to the admin.
pub fn generate_password() -> Result<String> {
    Ok(crate::secret::random_base62(20)?)
}

/// A new TOTP secret (160 bits from the OS CSPRNG, base32) and its
/// `otpauth://` URL for authenticator apps.
pub fn new_totp_secret(account: &str) -> Result<(String, String)> {
    let mut bytes = [0u8; 20];
    getrandom::fill(&mut bytes)
        .map_err(|_| Error::internal("the system random number generator failed"))?;
    let secret = TotpSecret::new_stack(bytes).to_base32();
    let url = format!(
        "otpauth://totp/tokenctl:{}?secret={secret}&issuer=tokenctl&algorithm=SHA1&digits=6&period=30",
        percent_encode(account)
    );
    Ok((secret, url))
}

fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                char::from(byte).to_string()
            }
            _ => format!("%{byte:02X}"),
        })
        .collect()
}

/// RFC 6238 defaults: SHA-1, 6 digits, 30-second steps, one step of skew.
fn totp(secret_base32: &str) -> Result<Totp> {
    let secret = TotpSecret::try_from_base32(secret_base32)
        .map_err(|_| Error::internal("the stored TOTP secret is unreadable"))?;
    TotpBuilder::new()
        .with_algorithm(TotpAlgorithm::SHA1)
        .with_digits(6)
        .with_step_duration(30)
        .with_skew(1)
        .with_secret(secret)
        .build()
        .map_err(|error| Error::internal(format!("bad TOTP secret: {error}")))
}

/// The 30-second step a valid code belongs to, accepting one step of skew
/// either way. The caller must refuse a step it has already accepted
/// (RFC 6238 §5.2): a code works once.
pub fn check_totp(secret_base32: &str, code: &str, now: DateTime<Utc>) -> Option<i64> {
    let time = u64::try_from(now.timestamp()).ok()?;
    let step = totp(secret_base32).ok()?.check(code.trim(), time)?;
    i64::try_from(step).ok()
}

/// What a session token says. `amr` records how the user authenticated.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SessionClaims {
    pub iss: String,
    pub aud: String,
    pub sub: String,
    pub iat: i64,
    pub exp: i64,
    pub jti: String,
    pub amr: Vec<String>,
    /// The user's session epoch when the session began: a disable moves
    /// the epoch on and ends the session for good.
    #[serde(default)]
    pub epoch: i64,
    /// tokenctl never sets it; a session that has one is checked against it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nbf: Option<i64>,
}

impl Expiring for SessionClaims {
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

/// When a session opened at `now` stops working.
pub fn session_expiry(now: DateTime<Utc>) -> DateTime<Utc> {
    now + SESSION_LIFETIME
}

/// A new session's `jti`: random, so that no one can name a session before
/// it exists.
pub fn new_session_id() -> Result<String> {
    Ok(crate::secret::random_base62(22)?)
}

/// A session token for `user` in their session `epoch`, named `jti` (its
/// record in the store), valid for [`SESSION_LIFETIME`], signed by the key
/// set's active key.
pub fn issue_session(
    keys: &KeySet,
    user: &str,
    epoch: i64,
    jti: &str,
    amr: &[&str],
    now: DateTime<Utc>,
) -> Result<(String, DateTime<Utc>)> {
    let expires_at = session_expiry(now);
    let claims = SessionClaims {
        iss: SESSION_ISSUER.to_owned(),
        aud: SESSION_AUDIENCE.to_owned(),
        sub: user.to_owned(),
        iat: now.timestamp(),
        exp: expires_at.timestamp(),
        jti: jti.to_owned(),
        amr: amr.iter().map(|&method| method.to_owned()).collect(),
        epoch,
        nbf: None,
    };
    let token = keys.sign(SESSION_TYP, &claims)?;
    Ok((token, expires_at))
}

/// Checks a session: signed (EdDSA) by a published key of the set, for this
/// API (audience, issuer), not expired at `now`. Any failure reads the same
/// to the caller.
pub fn verify_session(keys: &KeySet, token: &str, now: DateTime<Utc>) -> Result<SessionClaims> {
    keys.verify(token, &session_rules(), now)
        .ok_or_else(invalid_session)
}

/// What a session must be besides signed: typed `JWT`, for this API and
/// from it, living no longer than [`SESSION_LIFETIME`].
pub fn session_rules() -> Rules<'static> {
    Rules {
        typ: SESSION_TYP,
        validation: session_validation(),
        max_lifetime: SESSION_LIFETIME,
    }
}

/// The claims a session must have: for this API, from this API.
pub fn session_validation() -> &'static Validation {
    static VALIDATION: std::sync::OnceLock<Validation> = std::sync::OnceLock::new();
    VALIDATION.get_or_init(|| {
        let mut validation = crate::jose::validation();
        validation.set_audience(&[SESSION_AUDIENCE]);
        validation.set_issuer(&[SESSION_ISSUER]);
        validation.set_required_spec_claims(&["exp", "iat", "sub", "aud", "iss"]);
        validation
    })
}

/// The one answer to a session that does not check out, whatever the reason.
pub fn invalid_session() -> Error {
    Error::unauthenticated("the session is invalid or has expired").because(Reason::SessionExpired)
}

/// Whether the session was opened with a second factor (its `amr` says
/// `mfa`).
pub fn used_second_factor(claims: &SessionClaims) -> bool {
    claims.amr.iter().any(|method| method == "mfa")
}

/// Methods recorded in a session's `amr` claim (RFC 8176 names).
pub fn methods(with_totp: bool) -> BTreeSet<&'static str> {
    let mut methods = BTreeSet::from(["pwd"]);
    if with_totp {
        methods.insert("otp");
        methods.insert("mfa");
    }
    methods
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_verify_and_decoys_never_match() {
        let hash = hash_password("correct horse battery").expect("hash");
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(verify_password("correct horse battery", Some(&hash)));
        assert!(!verify_password("wrong", Some(&hash)));
        assert!(!verify_password("anything", None));
    }

    /// The reused work area gives the answers of the crate's own verifier,
    /// for our parameters and for others a stored hash may carry.
    #[test]
    fn checks_agree_with_the_argon2_crates_verifier() {
        use argon2::password_hash::{CustomizedPasswordHasher, PasswordVerifier};
        let small = Params::new(8, 1, 1, None).expect("params");
        let hashes = [
            hash_password("correct horse battery").expect("hash"),
            Argon2::default()
                .hash_password_customized(
                    b"correct horse battery",
                    b"somesaltsomesalt",
                    Some("argon2i"),
                    Some(0x10),
                    small,
                )
                .expect("hash")
                .to_string(),
        ];
        for stored in &hashes {
            for password in ["correct horse battery", "correct horse batterz", ""] {
                let theirs = Argon2::default()
                    .verify_password(
                        password.as_bytes(),
                        &PasswordHash::new(stored).expect("phc"),
                    )
                    .is_ok();
                assert_eq!(
                    matches(password.as_bytes(), stored),
                    theirs,
                    "{stored} {password:?}"
                );
            }
        }
        assert!(!matches(b"x", "not a phc string"));
        assert!(
            !matches(b"x", "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ"),
            "no hash"
        );
    }

    #[test]
    fn totp_accepts_one_step_of_skew_and_no_more() {
        let (secret, url) = new_totp_secret("alice").expect("secret");
        assert!(url.starts_with("otpauth://totp/tokenctl:alice?"));
        let now = DateTime::from_timestamp(1_800_000_000, 0).expect("time");
        let code_at = |at: DateTime<Utc>| {
            let time = u64::try_from(at.timestamp()).expect("positive");
            totp(&secret).expect("totp").generate(time).to_string()
        };
        let step = now.timestamp() / 30;
        assert_eq!(check_totp(&secret, &code_at(now), now), Some(step));
        let previous = now - Duration::seconds(30);
        assert_eq!(check_totp(&secret, &code_at(previous), now), Some(step - 1));
        let stale = now - Duration::seconds(90);
        assert_eq!(check_totp(&secret, &code_at(stale), now), None);
        assert_eq!(check_totp(&secret, "12345x", now), None);
    }

    #[test]
    fn lockout_grows_with_failures_and_is_capped() {}

    #[test]
    fn sessions_verify_and_tampering_is_rejected() {
        let now = DateTime::from_timestamp(1_900_000_000, 0).expect("time");
        let keys = KeySet::generate(now).expect("keys");
        let (token, expires_at) =
            issue_session(&keys, "alice", 0, "s1", &["pwd"], now).expect("issue");
        assert_eq!(expires_at, now + SESSION_LIFETIME);
        let claims = verify_session(&keys, &token, now).expect("valid");
        assert_eq!(
            (claims.sub.as_str(), claims.amr.as_slice()),
            ("alice", &["pwd".to_owned()][..])
        );

        let mut parts: Vec<String> = token.split('.').map(str::to_owned).collect();
        parts[1] = parts[1].replace('a', "b");
        assert!(
            verify_session(&keys, &parts.join("."), now).is_err(),
            "tampered claims"
        );

        let other = KeySet::generate(now).expect("keys");
        assert!(verify_session(&other, &token, now).is_err(), "foreign key");
        let later = now + SESSION_LIFETIME + Duration::minutes(1);
        assert!(verify_session(&keys, &token, later).is_err(), "expired");

        // alg "none": header {"alg":"none"} with the same claims and no signature.
        let none = format!(
            "eyJhbGciOiJub25lIn0.{}.",
            token.split('.').nth(1).expect("claims")
        );
        let error = verify_session(&keys, &none, now).expect_err("alg none");
        assert_eq!(error.message, "the session is invalid or has expired");
    }
}
