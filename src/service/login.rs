//! Signing in: passwords with their lockout, and TOTP enrolment and proof.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::auth;
use crate::error::{Error, ErrorKind, Reason, Result};
use crate::lockout::Admission;
use crate::model::User;
use crate::policy::{self, Act, Actor, Credential, Operation};
use crate::store::{AuditRecord, NewSession};

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

impl TokenService {
    /// [`TokenService::login`], recording a session opened from `source`
    /// by `user_agent`, then that session signed by this service's issuer,
    /// carrying how the user proved who they are.
    pub async fn open_session(
        &self,
        username: &str,
        password: &str,
        totp_code: Option<&str>,
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
            .check_login(username, password, totp_code, source, Some(session))
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
        self.check_login(username, password, totp_code, source, None)
            .await
    }

    /// [`TokenService::login`], recording `session` with its success.
    async fn check_login(
        &self,
        username: &str,
        password: &str,
        totp_code: Option<&str>,
        source: &str,
        session: Option<NewSession>,
    ) -> Result<Login> {
        let now = self.now();
        policy::check_login_name(username)?;
        // Refused at once when too many logins are being checked, before
        // this one costs a lookup.
        let hashing = self.passwords.reserve()?;
        self.claim_login_attempt(username, source, now).await?;
        let credentials = self.store.credentials(username).await?;
        let stored_hash = credentials.as_ref().and_then(|c| c.password_hash.clone());
        let password = password.to_owned();
        let password_ok = hashing
            .run(move || auth::verify_password(&password, stored_hash.as_deref()))
            .await?;
        let Some(credentials) = credentials.filter(|c| password_ok && !c.user.is_disabled()) else {
            self.login_failed(username, source, "wrong password or disabled account")
                .await?;
            return Err(Error::unauthenticated("wrong username or password"));
        };
        let mut step = None;
        if let Some(secret) = &credentials.totp_secret {
            let Some(code) = totp_code else {
                return Err(Error::new(
                    ErrorKind::SecondFactorRequired,
                    "this account needs a 2FA code",
                )
                .with_hint("enter the 6-digit code from your authenticator app"));
            };
            match auth::check_totp(secret, code, now) {
                Some(accepted)
                    if credentials
                        .totp_last_step
                        .is_none_or(|last| accepted > last) =>
                {
                    step = Some(accepted);
                }
                _ => {
                    self.login_failed(username, source, "wrong or reused 2FA code")
                        .await?;
                    return Err(Error::unauthenticated("wrong or already used 2FA code"));
                }
            }
        }
        let audit = AuditRecord {
            at: now,
            actor: username.to_owned(),
            action: "login",
            token_id: None,
            detail: format!("logged in{}", if step.is_some() { " with 2FA" } else { "" }),
            source: source.to_owned(),
        };
        let checked = Actor {
            permissions: self.role(&credentials.user.role).await?.permissions.clone(),
            user: Arc::new(credentials.user),
            credential: Credential::Password,
            source: source.to_owned(),
        };
        policy::decide(&checked, &Act::OpenSession)?;
        if !self
            .store
            .login_succeeded(username, source, step, session, audit)
            .await?
        {
            // Another login accepted the same code a moment ago.
            self.login_failed(username, source, "reused 2FA code")
                .await?;
            return Err(Error::unauthenticated("wrong or already used 2FA code"));
        }
        Ok(Login {
            user: Arc::unwrap_or_clone(checked.user),
            methods: auth::methods(step.is_some()).into_iter().collect(),
        })
    }

    /// Takes one attempt at `username` from `source` out of what the
    /// throttle allows, or says until when that address must wait.
    pub(super) async fn claim_login_attempt(
        &self,
        username: &str,
        source: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        match self
            .store
            .claim_login_attempt(username, source, now)
            .await?
        {
            Admission::Allowed(_) => Ok(()),
            Admission::Locked { until } => Err(Error::new(
                ErrorKind::RateLimited,
                format!(
                    "too many failed logins for '{username}' from this address; try again after {}",
                    until.format("%H:%M:%S UTC")
                ),
            )
            .because(Reason::AccountLocked)),
        }
    }

    /// Audits a failed attempt (the throttle counted it when it was claimed).
    pub(super) async fn login_failed(&self, username: &str, source: &str, why: &str) -> Result<()> {
        let audit = AuditRecord {
            at: self.now(),
            actor: username.to_owned(),
            action: "login.failed",
            token_id: None,
            detail: why.to_owned(),
            source: source.to_owned(),
        };
        Ok(self.store.append_audit(audit).await?)
    }

    /// Starts 2FA enrolment: a new secret, pending until a code confirms it.
    /// An account that has 2FA already replaces it only with `current_code`,
    /// a code from the authenticator it uses now (used up like a login's):
    /// holding a session is not enough to take over the second factor.
    pub async fn begin_totp(
        &self,
        actor: &Actor,
        current_code: Option<&str>,
    ) -> Result<(String, String)> {
        policy::check(actor, Operation::EnrollSecondFactor)?;
        let name = &actor.user.name;
        let credentials = self.own_credentials(actor).await?;
        let proved_current = match (&credentials.totp_secret, current_code) {
            (Some(current), Some(code)) => {
                self.prove_current_totp(actor, &credentials, current, code)
                    .await?;
                true
            }
            _ => false,
        };
        let replacing = credentials.totp_secret.is_some();
        policy::decide(
            actor,
            &Act::EnrollSecondFactor {
                replacing,
                proved_current,
            },
        )?;
        let (secret, url) = auth::new_totp_secret(name)?;
        let (action, detail) = if replacing {
            ("user.totp.replace.begin", "started replacing 2FA")
        } else {
            ("user.totp.begin", "started 2FA enrolment")
        };
        let audit = self.audit_record(actor, action, detail.to_owned());
        self.store.set_pending_totp(name, &secret, audit).await?;
        Ok((secret, url))
    }

    /// Checks a code from the account's current second factor and uses it
    /// up; a wrong one counts as a failed login.
    async fn prove_current_totp(
        &self,
        actor: &Actor,
        credentials: &crate::store::Credentials,
        current: &str,
        code: &str,
    ) -> Result<()> {
        let name = &actor.user.name;
        let refused = || Error::unauthenticated("wrong or already used 2FA code");
        self.claim_login_attempt(name, &actor.source, self.now())
            .await?;
        let fresh = auth::check_totp(current, code, self.now())
            .filter(|step| credentials.totp_last_step.is_none_or(|last| *step > last));
        let Some(step) = fresh else {
            self.login_failed(name, &actor.source, "wrong 2FA code to replace 2FA")
                .await?;
            return Err(refused());
        };
        let audit = self.audit_record(
            actor,
            "user.totp.verify",
            "gave a code from the current 2FA to replace it".to_owned(),
        );
        if !self
            .store
            .login_succeeded(name, &actor.source, Some(step), None, audit)
            .await?
        {
            return Err(refused());
        }
        Ok(())
    }

    pub(super) async fn own_credentials(&self, actor: &Actor) -> Result<crate::store::Credentials> {
        self.store
            .credentials(&actor.user.name)
            .await?
            .ok_or_else(|| Error::not_found("the account vanished"))
    }

    /// Finishes 2FA enrolment with a code from the new secret.
    pub async fn confirm_totp(&self, actor: &Actor, code: &str) -> Result<()> {
        policy::check(actor, Operation::EnrollSecondFactor)?;
        let credentials = self.own_credentials(actor).await?;
        let pending = credentials.totp_pending_secret.ok_or_else(|| {
            Error::conflict("no 2FA enrolment is pending").because(Reason::NoSecondFactorPending)
        })?;
        let step = auth::check_totp(&pending, code, self.now())
            .ok_or_else(|| Error::invalid("that code does not match the new 2FA secret"))?;
        let (action, detail) = if credentials.totp_secret.is_some() {
            ("user.totp.replace", "replaced 2FA with a new authenticator")
        } else {
            ("user.totp.enable", "enabled 2FA")
        };
        let audit = self.audit_record(actor, action, detail.to_owned());
        if !self
            .store
            .confirm_totp(&actor.user.name, step, audit)
            .await?
        {
            return Err(Error::conflict("no 2FA enrolment is pending"));
        }
        Ok(())
    }
}
