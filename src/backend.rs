//! What the commands talk to: the token service on the local store, acting
//! as the operating-system user.
//!
//! Every lifecycle command goes through this type and nothing else, so a
//! second implementation (the remote API) can slot in beside it without a
//! command changing.

use std::path::Path;
use std::sync::Arc;

use crate::error::Result;
use crate::model::{AuditEntry, Permissions, Role, Token, User};
use crate::policy::{Actor, LifetimePolicy};
use crate::secret::Secret;
use crate::service::{
    CreateRequest, CreatedToken, Origin, RegeneratedToken, Revocation, TokenRef, TokenService,
};
use crate::store::sqlite::SqliteStore;
use crate::store::{AuditFilter, TokenFilter};

/// The in-process backend over a SQLite store file.
pub struct Backend {
    service: TokenService,
    origin: Origin,
}

impl Backend {
    /// Opens the store; the first user to open a new store becomes its admin.
    pub async fn open_local(
        path: &Path,
        lifetime: LifetimePolicy,
        origin: Origin,
    ) -> Result<Backend> {
        let opened = SqliteStore::open(path, Some(&origin.who)).await?;
        if opened.fresh {
            tracing::info!(user = %origin.who, "new store created with this user as its admin");
        }
        let service = TokenService::new(Arc::new(opened.store), lifetime);
        Ok(Backend { service, origin })
    }

    async fn actor(&self) -> Result<Actor> {
        self.service
            .actor(&self.origin.who, &self.origin.source)
            .await
    }

    pub async fn whoami(&self) -> Result<Actor> {
        self.actor().await
    }

    pub async fn create_token(&self, request: CreateRequest) -> Result<CreatedToken> {
        self.service
            .create_token(&self.actor().await?, request)
            .await
    }

    pub async fn list_tokens(&self, filter: TokenFilter) -> Result<Vec<Token>> {
        self.service.list_tokens(&self.actor().await?, filter).await
    }

    pub async fn show_token(&self, reference: &TokenRef) -> Result<Token> {
        self.service
            .find_token(&self.actor().await?, reference)
            .await
    }

    pub async fn revoke(&self, reference: &TokenRef) -> Result<Revocation> {
        self.service.revoke(&self.actor().await?, reference).await
    }

    pub async fn revoke_by_secret(&self, secret: &Secret) -> Result<Revocation> {
        self.service.revoke_by_secret(&self.origin, secret).await
    }

    pub async fn regenerate(
        &self,
        reference: &TokenRef,
        grace: Option<chrono::Duration>,
    ) -> Result<RegeneratedToken> {
        self.service
            .regenerate(&self.actor().await?, reference, grace)
            .await
    }

    pub async fn verify(&self, secret: &Secret) -> Result<Token> {
        self.service.verify(secret).await
    }

    /// The audit log, optionally for one token (resolved like `show`).
    pub async fn audit(
        &self,
        token: Option<&TokenRef>,
        mut filter: AuditFilter,
    ) -> Result<Vec<AuditEntry>> {
        let actor = self.actor().await?;
        if let Some(reference) = token {
            filter.token_id = Some(self.service.find_token(&actor, reference).await?.id);
        }
        self.service.audit(&actor, filter).await
    }

    pub async fn roles(&self) -> Result<Vec<Role>> {
        self.actor().await?;
        self.service.roles().await
    }

    pub async fn role(&self, name: &str) -> Result<Role> {
        self.actor().await?;
        self.service.role(name).await
    }

    pub async fn add_role(
        &self,
        name: &str,
        description: &str,
        permissions: Permissions,
    ) -> Result<Role> {
        self.service
            .add_role(&self.actor().await?, name, description, permissions)
            .await
    }

    pub async fn remove_role(&self, name: &str) -> Result<()> {
        self.service.remove_role(&self.actor().await?, name).await
    }

    pub async fn users(&self) -> Result<Vec<User>> {
        self.service.users(&self.actor().await?).await
    }

    pub async fn add_user(&self, name: &str, role: &str) -> Result<User> {
        self.service
            .add_user(&self.actor().await?, name, role)
            .await
    }

    pub async fn set_user_disabled(&self, name: &str, disabled: bool) -> Result<User> {
        self.service
            .set_user_disabled(&self.actor().await?, name, disabled)
            .await
    }
}
