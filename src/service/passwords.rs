//! Passwords after the account exists: the owner changes theirs with the
//! current one; someone who holds all an account holds resets it. Either way
//! every session of the account ends, on every replica (the session epoch
//! moves, and the store's change signal tells the other servers).

use crate::auth;
use crate::error::{Error, Result};
use crate::model::User;
use crate::policy::{self, Act, Actor, Credential, Operation};
use crate::store::{LoginRecord, StoredPassword};

use super::TokenService;

impl TokenService {
    /// Changes the actor's own password. The current password proves it is
    /// them — a session alone is not enough, so a stolen one cannot lock the
    /// owner out — and a wrong one counts as a failed login. An account with
    /// no password yet (the OS user who created a local store) sets its
    /// first one without. The new one must meet the rules and differ.
    pub async fn change_password(&self, actor: &Actor, current: &str, new: String) -> Result<User> {
        policy::check(actor, Operation::ChangeOwnPassword)?;
        let name = &actor.user.name;
        // The rules first: a refused new password costs no attempt.
        auth::check_password_strength(&new)?;
        if new == current {
            return Err(Error::invalid(
                "the new password is the current one: choose another",
            ));
        }
        let credentials = self.own_credentials(actor).await?;
        match credentials.password_hash {
            Some(stored) => self.prove_current_password(actor, current, stored).await?,
            None if actor.credential == Credential::Local => {}
            None => return Err(wrong_current_password()),
        }
        let (hash, _) = self.password_hash(Some(new)).await?;
        let password = StoredPassword {
            hash,
            one_time: false,
        };
        let audit = self.audit_record(
            actor,
            "user.password.change",
            "changed their password".to_owned(),
        );
        let user = self
            .store
            .set_password(name, &credentials.user.role, password, audit)
            .await?;
        self.credentials_changed().await;
        Ok(user)
    }

    async fn prove_current_password(
        &self,
        actor: &Actor,
        current: &str,
        stored: String,
    ) -> Result<()> {
        let name = &actor.user.name;
        let hashing = self.passwords.reserve()?;
        let attempt = self
            .claim_login_attempt(name, &actor.source, self.now())
            .await?;
        let current = current.to_owned();
        let matches = hashing
            .run(move || auth::verify_password(&current, Some(&stored)))
            .await?;
        if !matches {
            self.login_failed(
                attempt,
                name,
                &actor.source,
                "wrong current password to change it",
            )
            .await?;
            return Err(wrong_current_password());
        }
        // A right password ends the run of failures, as a login does.
        let audit = self.audit_record(
            actor,
            "user.password.verify",
            "gave the current password to change it".to_owned(),
        );
        self.store
            .login_succeeded(name, &actor.source, LoginRecord::default(), audit)
            .await?;
        Ok(())
    }

    /// Gives `name` a new one-time password, `password` or a generated one
    /// (returned, to be handed over once). Knowing it is acting as them, so the actor
    /// must hold everything their role holds; their own goes through
    /// [`TokenService::change_password`].
    pub async fn reset_password(
        &self,
        actor: &Actor,
        name: &str,
        password: Option<String>,
    ) -> Result<(User, Option<String>)> {
        policy::check(actor, Operation::ResetPassword)?;
        let user = self.user_named(name).await?;
        let role = self.role(&user.role).await?;
        policy::decide(
            actor,
            &Act::ResetPassword {
                user: &user,
                role: &role,
            },
        )?;
        let (password, generated) = self.one_time_password(password).await?;
        let audit = self.audit_record(
            actor,
            "user.password.reset",
            format!("reset the password of '{name}'"),
        );
        let user = self
            .store
            .set_password(name, &role.name, password, audit)
            .await?;
        self.credentials_changed().await;
        Ok((user, generated))
    }

    /// A password someone sets for another account: `password` or a
    /// generated one (returned, to be shown once), one-time either way — the
    /// one who set it knows it, so the login that uses it must replace it.
    pub(super) async fn one_time_password(
        &self,
        password: Option<String>,
    ) -> Result<(StoredPassword, Option<String>)> {
        let (hash, generated) = self.password_hash(password).await?;
        let password = StoredPassword {
            hash,
            one_time: true,
        };
        Ok((password, generated))
    }

    /// The hash to store for a new password, and the generated password
    /// when none was given (to be shown once). A given one must meet the
    /// length rule.
    pub(super) async fn password_hash(
        &self,
        password: Option<String>,
    ) -> Result<(String, Option<String>)> {
        let (password, generated) = match password {
            Some(password) => {
                auth::check_password_strength(&password)?;
                (password, None)
            }
            None => {
                let generated = auth::generate_password()?;
                (generated.clone(), Some(generated))
            }
        };
        let hash = self
            .passwords
            .run(move || auth::hash_password(&password))
            .await??;
        Ok((hash, generated))
    }
}

fn wrong_current_password() -> Error {
    Error::denied("the current password is wrong")
}
