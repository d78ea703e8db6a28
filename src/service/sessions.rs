//! Login sessions as the store records them: the check every request with a
//! session makes, listing them, and ending them one at a time or all at once.

use chrono::{DateTime, Duration, Utc};

use crate::auth::{self, SessionClaims};
use crate::credential_cache;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{Id, MAX_USER_AGENT_LEN, Permission, Session};
use crate::policy::{self, Act, Actor, Credential, Operation};

use super::TokenService;

/// A session's last use is recorded to the minute: a busy client must not
/// make every request a write.
const LAST_SEEN_RESOLUTION: Duration = Duration::seconds(60);

/// The `User-Agent` a session records: printable, and no longer than a real
/// client's.
pub(super) fn recorded_user_agent(user_agent: &str) -> String {
    user_agent
        .chars()
        .filter(|&c| !c.is_control() && !policy::is_deceptive(c))
        .take(MAX_USER_AGENT_LEN)
        .collect()
}

/// Which of a user's sessions to end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The one with this id.
    One(Id),
    /// Every active one.
    All,
}

impl TokenService {
    /// The actor a login session stands for, whose signature and lifetime
    /// the caller has checked: refused unless the store records it as
    /// active (not revoked, not expired) and the account's session epoch
    /// is still the one it began in (a disable or a new password moves it).
    pub async fn actor_for_session(&self, claims: &SessionClaims, source: &str) -> Result<Actor> {
        let now = self.now();
        let session = self
            .session_record(&claims.jti)
            .await?
            .filter(|session| session.user == claims.sub && session.is_active_at(now))
            .ok_or_else(auth::invalid_session)?;
        let mut actor = self
            .actor(&claims.sub, Credential::Session(session.id), source)
            .await?;
        if claims.epoch != actor.user.session_epoch {
            return Err(auth::invalid_session());
        }
        actor.second_factor = auth::used_second_factor(claims);
        let second_factor_needed =
            actor.user.two_factor_enrolment_required || self.require_second_factor;
        if second_factor_needed && !auth::used_second_factor(claims) {
            actor.enrolment_only = true;
            actor.permissions.clear();
        }
        self.note_session_use(&session, now).await;
        Ok(actor)
    }

    async fn session_record(&self, jti: &str) -> Result<Option<std::sync::Arc<Session>>> {
        let load = || self.store.session(jti);
        self.cached(
            |cache| &cache.sessions,
            jti,
            load,
            credential_cache::keep_session,
        )
        .await
    }

    /// Records the session's use when the stored one is older than a
    /// minute. Like a token's, it is only a note: a store that cannot be
    /// written must not stop a session from working.
    async fn note_session_use(&self, session: &Session, now: DateTime<Utc>) {
        let stale_before = now - LAST_SEEN_RESOLUTION;
        if session
            .last_seen_at
            .is_some_and(|seen| seen >= stale_before)
        {
            return;
        }
        if let Err(error) = self
            .store
            .touch_session(session.id, now, stale_before)
            .await
        {
            tracing::warn!(%error, session = session.id, "cannot record a session's use");
        }
        if let Some(cache) = &self.cache {
            cache
                .sessions
                .update(&session.jti, |cached| cached.last_seen_at = Some(now));
        }
    }

    /// The active sessions of `user` (the actor's own when `None`). Another
    /// user's need `users:manage`: they say where that user works from.
    pub async fn sessions(&self, actor: &Actor, user: Option<&str>) -> Result<Vec<Session>> {
        policy::check(actor, Operation::EndOwnSessions)?;
        let user = match user {
            Some(name) if name != actor.user.name => {
                actor.require(Permission::UsersManage, "see other users' sessions")?;
                self.user_named(name).await?.name.clone()
            }
            _ => actor.user.name.clone(),
        };
        Ok(self.store.sessions(Some(&user), self.now()).await?)
    }

    /// Ends sessions of `user` (the actor's own when `None`): `ending` says
    /// which. How many ended; once this returns, every replica refuses them.
    pub async fn end_sessions(
        &self,
        actor: &Actor,
        user: Option<&str>,
        ending: Ending,
    ) -> Result<u64> {
        policy::check(actor, Operation::EndOwnSessions)?;
        let own = user.is_none_or(|name| name == actor.user.name);
        if !own {
            policy::check(actor, Operation::EndSessions)?;
        }
        let user = match user {
            Some(name) if !own => self.user_named(name).await?,
            _ => std::sync::Arc::clone(&actor.user),
        };
        if let Ending::One(id) = ending {
            self.find_active_session(&user.name, id).await?;
        }
        let role = self.role(&user.role).await?;
        policy::decide(
            actor,
            &Act::EndSessions {
                user: &user,
                role: &role,
            },
        )?;
        let (action, detail) = match ending {
            Ending::One(id) if actor.credential == Credential::Session(id) => {
                ("logout", format!("logged out (session {id})"))
            }
            Ending::One(id) => (
                "session.revoke",
                format!("ended session {id} of '{}'", user.name),
            ),
            Ending::All => (
                "session.revoke",
                format!("ended every session of '{}'", user.name),
            ),
        };
        let audit = self.audit_record(actor, action, detail);
        let only = match ending {
            Ending::One(id) => Some(id),
            Ending::All => None,
        };
        let ended = self.store.revoke_sessions(&user.name, only, audit).await?;
        self.credentials_changed().await;
        Ok(ended)
    }

    /// `logout`: ends the session the actor is using. False when there is
    /// none to end: the credential is no login session, or it has ended.
    pub async fn end_current_session(&self, actor: &Actor) -> Result<bool> {
        let Credential::Session(id) = actor.credential else {
            return Ok(false);
        };
        match self.end_sessions(actor, None, Ending::One(id)).await {
            Ok(ended) => Ok(ended > 0),
            Err(error) if error.kind == ErrorKind::NotFound => Ok(false),
            Err(error) => Err(error),
        }
    }

    async fn find_active_session(&self, user: &str, id: Id) -> Result<Session> {
        self.store
            .sessions(Some(user), self.now())
            .await?
            .into_iter()
            .find(|session| session.id == id)
            .ok_or_else(|| {
                Error::not_found(format!("'{user}' has no active session {id}"))
                    .with_hint("`tokenctl session list` shows the active ones")
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recorded_user_agent_is_printable_and_short() {
        assert_eq!(recorded_user_agent("tokenctl/0.1.0"), "tokenctl/0.1.0");
        assert_eq!(
            recorded_user_agent("evil\u{1b}[31m\u{202e}txt\t"),
            "evil[31mtxt"
        );
        let long = "x".repeat(MAX_USER_AGENT_LEN + 50);
        assert_eq!(
            recorded_user_agent(&long).chars().count(),
            MAX_USER_AGENT_LEN
        );
    }
}
