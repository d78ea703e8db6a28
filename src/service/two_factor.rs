//! Second factors after the account exists: enrolling and replacing an
//! authenticator, recovery codes, turning 2FA off, and an admin's reset for
//! a lost one.

use crate::api::{TotpConfirmed, TwoFactorStatus};
use crate::auth;
use crate::error::{Error, Reason, Result};
use crate::model::User;
use crate::policy::{self, Act, Actor, Credential, Operation};
use crate::recovery;
use crate::store::{Credentials, LoginRecord};

use super::TokenService;
use super::login::SecondFactor;

impl TokenService {
    /// Starts 2FA enrolment: a new secret, pending until a code confirms it.
    /// An account that has 2FA already replaces it only with `current`, a
    /// code from the authenticator it uses now or a recovery code (used up
    /// like a login's): holding a session is not enough to take over the
    /// second factor.
    pub async fn begin_totp(
        &self,
        actor: &Actor,
        current: Option<&SecondFactor>,
    ) -> Result<(String, String)> {
        policy::check(actor, Operation::EnrollSecondFactor)?;
        let name = &actor.user.name;
        let credentials = self.own_credentials(actor).await?;
        let replacing = credentials.totp_secret.is_some();
        let proved_current = match current {
            Some(current) if replacing => {
                self.prove_second_factor(actor, &credentials, current, "replace 2FA")
                    .await?;
                true
            }
            _ => false,
        };
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

    /// Finishes 2FA enrolment with a code from the new secret. Returns the
    /// account's new recovery codes, to be shown once: they replace any
    /// earlier ones, and only their hashes are stored.
    pub async fn confirm_totp(&self, actor: &Actor, code: &str) -> Result<TotpConfirmed> {
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
        let codes = recovery::generate()?;
        let hashes: Vec<String> = codes
            .iter()
            .filter_map(|code| recovery::hash(code))
            .collect();
        let audit = self.audit_record(
            actor,
            action,
            format!("{detail}, with {} new recovery codes", hashes.len()),
        );
        if !self
            .store
            .confirm_totp(&actor.user.name, step, &hashes, audit)
            .await?
        {
            return Err(Error::conflict("no 2FA enrolment is pending"));
        }
        let session_ended = self.end_enrolment_session(actor).await?;
        self.credentials_changed().await;
        Ok(TotpConfirmed {
            totp: "enabled".to_owned(),
            recovery_codes: codes,
            session_ended,
        })
    }

    /// Ends the session an enrolment-only actor enrolled from: opened with
    /// the password alone, it must not become a full one now that the
    /// account has a second factor. Whether it did.
    async fn end_enrolment_session(&self, actor: &Actor) -> Result<bool> {
        let (true, Credential::Session(id)) = (actor.enrolment_only, actor.credential) else {
            return Ok(false);
        };
        let audit = self.audit_record(
            actor,
            "session.revoke",
            "ended the session 2FA was enrolled from: the next login uses a code".to_owned(),
        );
        self.store
            .revoke_sessions(&actor.user.name, Some(id), audit)
            .await?;
        Ok(true)
    }

    /// Where the actor's own second factor stands.
    pub async fn two_factor_status(&self, actor: &Actor) -> Result<TwoFactorStatus> {
        policy::check(actor, Operation::EnrollSecondFactor)?;
        let credentials = self.own_credentials(actor).await?;
        Ok(TwoFactorStatus {
            enabled: credentials.totp_secret.is_some(),
            pending: credentials.totp_pending_secret.is_some(),
            recovery_codes_left: credentials.recovery_codes_left,
            enrolment_required: credentials.user.two_factor_enrolment_required,
        })
    }

    /// Turns the actor's own 2FA off. Needs `proof`, a code from the
    /// authenticator or a recovery code: a stolen session must not be able
    /// to take the second factor away.
    pub async fn disable_totp(&self, actor: &Actor, proof: &SecondFactor) -> Result<User> {
        policy::check(actor, Operation::EnrollSecondFactor)?;
        let credentials = self.own_credentials(actor).await?;
        if credentials.totp_secret.is_none() {
            return Err(Error::conflict("2FA is not enabled on this account")
                .because(Reason::NoSecondFactor));
        }
        if self.require_second_factor {
            return Err(Error::denied(
                "this server requires 2FA on every account: it cannot be turned off",
            )
            .with_hint("move it to a new authenticator with tokenctl 2fa enable"));
        }
        self.prove_second_factor(actor, &credentials, proof, "turn 2FA off")
            .await?;
        let audit = self.audit_record(actor, "user.totp.disable", "turned 2FA off".to_owned());
        let user = self
            .store
            .clear_totp(&actor.user.name, false, audit)
            .await?;
        self.credentials_changed().await;
        Ok(user)
    }

    /// Takes the second factor off `name` (they lost their authenticator):
    /// every session of theirs ends, and their next login may only enrol a
    /// new one. Needs what resetting their password needs.
    pub async fn reset_totp(&self, actor: &Actor, name: &str) -> Result<User> {
        policy::check(actor, Operation::ResetSecondFactor)?;
        let user = self.user_named(name).await?;
        let role = self.role(&user.role).await?;
        policy::decide(
            actor,
            &Act::ResetSecondFactor {
                user: &user,
                role: &role,
            },
        )?;
        let audit = self.audit_record(
            actor,
            "user.totp.reset",
            format!("reset the 2FA of '{name}': they enrol again at their next login"),
        );
        let user = self.store.clear_totp(name, true, audit).await?;
        self.credentials_changed().await;
        Ok(user)
    }

    /// Checks a code from the account's current second factor, or one of
    /// its recovery codes, and uses it up; a wrong one counts as a failed
    /// login. `doing` says what for, in the audit log.
    async fn prove_second_factor(
        &self,
        actor: &Actor,
        credentials: &Credentials,
        proof: &SecondFactor,
        doing: &str,
    ) -> Result<()> {
        let name = &actor.user.name;
        let refused = || Error::unauthenticated("wrong or already used 2FA code");
        let attempt = self
            .claim_login_attempt(name, &actor.source, self.now())
            .await?;
        let fresh = credentials
            .totp_secret
            .as_deref()
            .and_then(|secret| proof.to_use(secret, credentials.totp_last_step, self.now()));
        let audit = self.audit_record(
            actor,
            "user.totp.verify",
            format!("gave a second factor to {doing}"),
        );
        let accepted = match fresh {
            Some(factor) => {
                let record = LoginRecord {
                    second_factor: Some(factor),
                    ..LoginRecord::default()
                };
                self.store
                    .login_succeeded(name, &actor.source, record, audit)
                    .await?
            }
            None => false,
        };
        if !accepted {
            self.login_failed(
                attempt,
                name,
                &actor.source,
                &format!("wrong 2FA code to {doing}"),
            )
            .await?;
            return Err(refused());
        }
        Ok(())
    }

    pub(super) async fn own_credentials(&self, actor: &Actor) -> Result<Credentials> {
        self.store
            .credentials(&actor.user.name)
            .await?
            .ok_or_else(|| Error::not_found("the account vanished"))
    }
}
