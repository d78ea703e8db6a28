//! Signing in: passwords with their lockout, and TOTP enrolment and proof.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::auth;
use crate::error::{Error, ErrorKind, Reason, Result};
use crate::lockout::{self, Admission};
use crate::model::User;
use crate::policy::{self, Act, Actor, Credential};
use crate::recovery;
use crate::store::{AuditRecord, Credentials, LoginRecord, NewSession, SecondFactorUse};
use crate::webhook;

use super::TokenService;

/// A successful login: who, and how they proved it (RFC 8176 `amr` values).
#[derive(Debug, Clone)]
pub struct Login {
    pub user: User,
    pub methods: Vec<&'static str>,
}

/// A login session, signed: what `POST /v1/login` answers. No `Debug`:
/// the session is a credential.
pub struct SignedIn {
    pub user: User,
    /// The session JWT (see [`auth::issue_session`]).
    pub session: String,
    pub expires_at: DateTime<Utc>,
}

/// What a login presents. No `Debug`: it carries passwords and codes.
#[derive(Clone, Default)]
pub struct Proof {
    pub password: String,
    /// Needed when the account has 2FA.
    pub second_factor: Option<SecondFactor>,
    /// Needed when the password is one-time: the one that replaces it.
    pub new_password: Option<String>,
}

impl Proof {
    pub fn password(password: &str) -> Proof {
        Proof {
            password: password.to_owned(),
            ..Proof::default()
        }
    }

    /// A password and, when given, a code from the authenticator.
    pub fn with_code(password: &str, code: Option<&str>) -> Proof {
        Proof {
            second_factor: code.map(|code| SecondFactor::Code(code.to_owned())),
            ..Proof::password(password)
        }
    }
}

/// The second factor a login presents.
#[derive(Clone)]
pub enum SecondFactor {
    /// A 6-digit code from the authenticator app.
    Code(String),
    /// One of the account's recovery codes (see [`crate::recovery`]).
    RecoveryCode(String),
}

impl SecondFactor {
    /// What the store is to use up for this factor of an account with TOTP
    /// `secret` whose last accepted step is `last_step`: a fresh code's
    /// step, or a recovery code's hash — whether it is one of the
    /// account's unused codes is the store's to say, atomically, as it uses
    /// it up. `None` for a wrong or reused code, or text no code has.
    pub(super) fn to_use(
        &self,
        secret: &str,
        last_step: Option<i64>,
        now: DateTime<Utc>,
    ) -> Option<SecondFactorUse> {
        match self {
            SecondFactor::Code(code) => auth::check_totp(secret, code, now)
                .filter(|step| last_step.is_none_or(|last| *step > last))
                .map(SecondFactorUse::TotpStep),
            SecondFactor::RecoveryCode(code) => {
                recovery::hash(code).map(SecondFactorUse::RecoveryCode)
            }
        }
    }

    /// What a person typed where either fits: a recovery code has a shape
    /// no authenticator code has.
    pub fn typed(text: &str) -> SecondFactor {
        let text = text.trim().to_owned();
        if recovery::looks_like(&text) {
            SecondFactor::RecoveryCode(text)
        } else {
            SecondFactor::Code(text)
        }
    }
}

impl TokenService {
    /// [`TokenService::login`], recording a session opened from `source`
    /// by `user_agent`, then that session signed by this service's issuer,
    /// carrying how the user proved who they are.
    pub async fn open_session(
        &self,
        username: &str,
        proof: &Proof,
        source: &str,
        user_agent: &str,
    ) -> Result<SignedIn> {
        let issuer = self.issuer()?;
        let now = self.now();
        let session = NewSession {
            jti: auth::new_session_id()?,
            expires_at: auth::session_expiry(now),
            user_agent: super::sessions::recorded_user_agent(user_agent),
        };
        let jti = session.jti.clone();
        let login = self
            .check_login(username, proof, source, Some(session))
            .await?;
        let (session, expires_at) = auth::issue_session(
            &*issuer.current()?,
            &login.user.name,
            login.user.session_epoch,
            &jti,
            &login.methods,
            now,
        )?;
        Ok(SignedIn {
            user: login.user,
            session,
            expires_at,
        })
    }

    /// Checks a password (and TOTP code when the account has 2FA). Attempts
    /// are throttled per (account, address) with an account-wide ceiling
    /// (see [`crate::lockout`]) and failures audited; every wrong-credential
    /// answer reads the same, for accounts that exist and names that don't.
    pub async fn login(
        &self,
        username: &str,
        password: &str,
        totp_code: Option<&str>,
        source: &str,
    ) -> Result<Login> {
        let proof = Proof::with_code(password, totp_code);
        self.check_login(username, &proof, source, None).await
    }

    /// [`TokenService::login`] with any [`Proof`], recording `session` with
    /// its success. A one-time password opens nothing until the proof
    /// carries its replacement, which the same login stores.
    async fn check_login(
        &self,
        username: &str,
        proof: &Proof,
        source: &str,
        session: Option<NewSession>,
    ) -> Result<Login> {
        let now = self.now();
        policy::check_login_name(username)?;
        // Refused at once when too many logins are being checked, before
        // this one costs a lookup.
        let hashing = self.passwords.reserve()?;
        let attempt = self.claim_login_attempt(username, source, now).await?;
        let credentials = self.store.credentials(username).await?;
        let stored_hash = credentials.as_ref().and_then(|c| c.password_hash.clone());
        let password = proof.password.clone();
        let password_ok = hashing
            .run(move || auth::verify_password(&password, stored_hash.as_deref()))
            .await?;
        let Some(credentials) = credentials.filter(|c| password_ok && !c.user.is_disabled()) else {
            self.login_failed(
                attempt,
                username,
                source,
                "wrong password or disabled account",
            )
            .await?;
            return Err(Error::unauthenticated("wrong username or password"));
        };
        let second_factor = self
            .second_factor_use(attempt, &credentials, proof, source, now)
            .await?;
        let new_password_hash = self.replacement_password(&credentials, proof).await?;
        let audit = AuditRecord {
            at: now,
            actor: username.to_owned(),
            action: "login",
            token_id: None,
            detail: login_detail(&credentials, &second_factor, new_password_hash.is_some()),
            source: source.to_owned(),
            via_token: None,
            event: None,
        };
        let with_second_factor = second_factor.is_some();
        let checked = Actor {
            permissions: self.role(&credentials.user.role).await?.permissions.clone(),
            user: Arc::new(credentials.user),
            credential: Credential::Password,
            source: source.to_owned(),
            enrolment_only: false,
            second_factor: with_second_factor,
            via_token: None,
        };
        policy::decide(&checked, &Act::OpenSession)?;
        let record = LoginRecord {
            second_factor,
            session,
            new_password_hash,
        };
        if !self
            .store
            .login_succeeded(username, source, record, audit)
            .await?
        {
            // Another login used the same code, or replaced the one-time
            // password, a moment ago.
            self.login_failed(
                attempt,
                username,
                source,
                "second factor or one-time password used first",
            )
            .await?;
            return Err(Error::unauthenticated(
                "wrong or already used 2FA code, recovery code or one-time password",
            ));
        }
        let mut user = Arc::unwrap_or_clone(checked.user);
        user.password_change_required = false;
        Ok(Login {
            user,
            methods: auth::methods(with_second_factor).into_iter().collect(),
        })
    }

    /// The hash of the password that replaces a one-time one; `None` when
    /// the password is the user's own. A one-time password without its
    /// replacement is refused, asking for one.
    async fn replacement_password(
        &self,
        credentials: &Credentials,
        proof: &Proof,
    ) -> Result<Option<String>> {
        if !credentials.user.password_change_required {
            return Ok(None);
        }
        let Some(new) = proof.new_password.clone() else {
            return Err(Error::new(
                ErrorKind::PasswordChangeRequired,
                "this password was set by an admin and works once: choose your own to log in",
            )
            .with_hint("enter a new password of at least 12 characters"));
        };
        if new == proof.password {
            return Err(Error::invalid(
                "the new password is the one-time one: choose another",
            ));
        }
        Ok(Some(self.password_hash(Some(new)).await?.0))
    }

    /// The second factor the login uses up, once checked; `None` for an
    /// account without 2FA. A wrong code counts as a failed login.
    async fn second_factor_use(
        &self,
        attempt: Attempt,
        credentials: &Credentials,
        proof: &Proof,
        source: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<SecondFactorUse>> {
        let Some(secret) = &credentials.totp_secret else {
            return Ok(None);
        };
        let username = &credentials.user.name;
        let accepted = match &proof.second_factor {
            None => {
                return Err(Error::new(
                    ErrorKind::SecondFactorRequired,
                    "this account needs a 2FA code",
                )
                .with_hint(
                    "enter the 6-digit code from your authenticator app, or a recovery code",
                ));
            }
            Some(factor) => factor.to_use(secret, credentials.totp_last_step, now),
        };
        match accepted {
            Some(accepted) => Ok(Some(accepted)),
            None => {
                self.login_failed(attempt, username, source, "wrong or reused 2FA code")
                    .await?;
                Err(Error::unauthenticated("wrong or already used 2FA code"))
            }
        }
    }

    /// Takes one attempt at `username` from `source` out of what the
    /// throttle allows, or says until when that address must wait.
    pub(super) async fn claim_login_attempt(
        &self,
        username: &str,
        source: &str,
        now: DateTime<Utc>,
    ) -> Result<Attempt> {
        match self
            .store
            .claim_login_attempt(username, source, now)
            .await?
        {
            Admission::Allowed(failures) => Ok(Attempt(failures)),
            Admission::Locked { until } => {
                self.metrics.login_locked_out();
                Err(Error::new(
                ErrorKind::RateLimited,
                format!(
                    "too many failed logins for '{username}' from this address; try again after {}",
                    until.format("%H:%M:%S UTC")
                ),
            )
                .because(Reason::AccountLocked))
            }
        }
    }

    /// Audits a failed attempt (the throttle counted it when it was
    /// claimed); the one that starts a lockout sends `login.failed`.
    pub(super) async fn login_failed(
        &self,
        attempt: Attempt,
        username: &str,
        source: &str,
        why: &str,
    ) -> Result<()> {
        self.metrics.login_failed();
        let now = self.now();
        let Attempt(failures) = attempt;
        let event = match failures.locked_until {
            Some(until) if lockout::starts_lockout(&failures) => Some(webhook::login_failed(
                username,
                source,
                failures.count,
                until,
                now,
            )?),
            _ => None,
        };
        let audit = AuditRecord {
            at: now,
            actor: username.to_owned(),
            action: "login.failed",
            token_id: None,
            detail: why.to_owned(),
            source: source.to_owned(),
            via_token: None,
            event,
        };
        Ok(self.store.append_audit(audit).await?)
    }
}

/// An attempt the throttle let through, as it counted it: what a failure
/// of it reports.
#[derive(Debug, Clone, Copy)]
pub(super) struct Attempt(lockout::Failures);

/// The audit line of a login: how the user proved it, and what it changed.
fn login_detail(
    credentials: &Credentials,
    second_factor: &Option<SecondFactorUse>,
    replaced_password: bool,
) -> String {
    let mut detail = match second_factor {
        None => "logged in".to_owned(),
        Some(SecondFactorUse::TotpStep(_)) => "logged in with 2FA".to_owned(),
        Some(SecondFactorUse::RecoveryCode(_)) => format!(
            "logged in with a recovery code ({} left)",
            (credentials.recovery_codes_left - 1).max(0)
        ),
    };
    if replaced_password {
        detail.push_str(", replacing the one-time password");
    }
    detail
}
