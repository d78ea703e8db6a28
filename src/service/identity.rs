//! Who a credential stands for: the actor behind an account, a session or
//! a token's secret.

use crate::error::{Error, Reason, Result};
use crate::model::{Token, ViaToken};
use crate::policy::{Actor, Credential};
use crate::requests::{Identity, UsedFrom};
use crate::secret::Secret;

use super::TokenService;

impl TokenService {
    /// Builds the actor for an account; a missing or disabled account cannot act.
    pub async fn actor(
        &self,
        user_name: &str,
        credential: Credential,
        source: &str,
    ) -> Result<Actor> {
        let user = self.user_record(user_name).await?.ok_or_else(|| {
            Error::unauthenticated(format!("'{user_name}' has no account in this store")).because(
                Reason::NoAccount {
                    user: user_name.to_owned(),
                },
            )
        })?;
        if user.is_disabled() {
            return Err(Error::unauthenticated(format!(
                "the account '{user_name}' is disabled"
            )));
        }
        let permissions = self.role(&user.role).await?.permissions.clone();
        Ok(Actor {
            user,
            permissions,
            credential,
            source: source.to_owned(),
            enrolment_only: false,
            second_factor: false,
            via_token: None,
        })
    }

    /// What `actor` stands for, with their role's permissions beside.
    pub async fn identity(&self, actor: Actor) -> Result<Identity> {
        let role_permissions = self.role(&actor.user.role).await?.permissions.clone();
        Ok(Identity {
            actor,
            role_permissions,
        })
    }

    /// The actor a token's secret stands for: its owner, limited to the
    /// token's permissions. Fails like [`TokenService::verify`].
    pub async fn actor_for_token(&self, secret: &Secret, used: &UsedFrom<'_>) -> Result<Actor> {
        Ok(self.token_actor(secret, used).await?.1)
    }

    /// The token a secret names and the actor it stands for, from one
    /// (cached) verification and one user lookup.
    pub(super) async fn token_actor(
        &self,
        secret: &Secret,
        used: &UsedFrom<'_>,
    ) -> Result<(Token, Actor)> {
        let token = self.verify(secret, used).await?;
        let user = self
            .active_user(&token.owner)
            .await
            .map_err(|_| Error::unauthenticated(format!("token {} is not valid", secret.hint())))?;
        let actor = Actor {
            user,
            permissions: token.effective_permissions.clone(),
            credential: Credential::Token(token.id),
            source: used.source.to_owned(),
            enrolment_only: false,
            second_factor: false,
            via_token: Some(ViaToken {
                id: token.id,
                hint: token.hint.clone(),
            }),
        };
        Ok((token, actor))
    }
}
