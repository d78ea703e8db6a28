//! Which credential a command sends to a server: `TOKENCTL_TOKEN`, else the
//! session of the profile's last login, while it lasts.

use super::Context;
use crate::env;
use crate::error::{Error, Result};
use crate::session::{Profile, Storage};

impl Context {
    /// `TOKENCTL_TOKEN` wins over any stored session.
    pub(crate) async fn credential(
        &self,
        server: &str,
        profile: Option<&(String, Profile)>,
    ) -> Result<String> {
        if let Some(token) = env::token() {
            return Ok(token);
        }
        let login = || format!("tokenctl login --server {server}");
        let Some((name, profile)) = profile else {
            return Err(Error::unauthenticated(format!("not logged in to {server}"))
                .with_hint(format!("run {}, or set TOKENCTL_TOKEN", login())));
        };
        let session = self.sessions.load(name, profile).await?.ok_or_else(|| {
            // Under CI the keyring is never read: a session kept there is
            // not gone, and logging in again would not help.
            if profile.storage == Storage::Keyring && env::is_set(env::CI) {
                return Error::unauthenticated(format!(
                    "not logged in to {server}: CI is set, so the session in the OS keyring is not read"
                ))
                .with_hint(
                    "in a CI job, set TOKENCTL_TOKEN to a token; in a normal shell, unset CI",
                );
            }
            Error::unauthenticated(format!("not logged in to {server}"))
                .with_hint(format!("run {}", login()))
        })?;
        if session.expires_at <= crate::time::now() {
            return Err(Error::unauthenticated(format!(
                "your session for {server} expired at {}",
                session.expires_at.format("%Y-%m-%d %H:%M UTC")
            ))
            .with_hint(format!("run {}", login())));
        }
        Ok(session.session)
    }
}
