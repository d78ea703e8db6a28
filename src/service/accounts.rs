//! Accounts and roles: who may add, change, disable and unlock users, and
//! define roles.

use std::sync::Arc;

use crate::credential_cache;
use crate::error::{Error, ErrorKind, Reason, Result};
use crate::model::{Permission, Permissions, Role, User};
use crate::policy::{self, Act, Actor, Operation};
use crate::store::AuditRecord;
use crate::time;

use super::TokenService;

impl TokenService {
    /// Every role. Roles are data any account may read — a role's name and
    /// permissions are what choosing one for a token or a user needs — so
    /// the rule is only that the caller is one: holding an [`Actor`] proves
    /// it.
    pub async fn roles(&self, _caller: &Actor) -> Result<Vec<Role>> {
        Ok(self.store.roles().await?)
    }

    /// The role `name`, read under the rule of [`TokenService::roles`].
    pub async fn show_role(&self, _caller: &Actor, name: &str) -> Result<Arc<Role>> {
        self.role(name).await
    }

    /// The role a request names for a token or a user: one that does not
    /// exist is the request's mistake (invalid input), not a missing
    /// resource; any other failure stays what it is.
    pub(super) async fn requested_role(&self, name: &str) -> Result<Arc<Role>> {
        self.role(name).await.map_err(|error| match error.kind {
            ErrorKind::NotFound => Error::invalid(error.message).because(Reason::NoSuchRole),
            _ => error,
        })
    }

    /// The role `name`, from the cache when there is one.
    pub(super) async fn role(&self, name: &str) -> Result<Arc<Role>> {
        let load = || self.store.role(name);
        let role = self
            .cached(
                |cache| &cache.roles,
                name,
                load,
                credential_cache::keep_role,
            )
            .await?;
        role.ok_or_else(|| {
            Error::not_found(format!("no role named '{name}'")).because(Reason::NoSuchRole)
        })
    }

    pub async fn add_role(
        &self,
        actor: &Actor,
        name: &str,
        description: &str,
        permissions: Permissions,
    ) -> Result<Role> {
        policy::check(actor, Operation::AddRole)?;
        policy::check_name("role", name)?;
        policy::check_description(description)?;
        if permissions.is_empty() {
            return Err(Error::invalid("a role needs at least one permission"));
        }
        policy::decide(
            actor,
            &Act::AddRole {
                permissions: &permissions,
            },
        )?;
        let role = Role {
            name: name.to_owned(),
            description: description.to_owned(),
            permissions,
            builtin: false,
        };
        let audit = self.audit_record(actor, "role.add", format!("added role '{name}'"));
        self.store.insert_role(&role, audit).await?;
        Ok(role)
    }

    pub async fn remove_role(&self, actor: &Actor, name: &str) -> Result<()> {
        policy::check(actor, Operation::RemoveRole)?;
        let role = self.role(name).await?;
        if role.builtin {
            return Err(Error::conflict(format!(
                "'{name}' is a built-in role and cannot be removed"
            )));
        }
        policy::decide(actor, &Act::RemoveRole { role: &role })?;
        let audit = self.audit_record(actor, "role.remove", format!("removed role '{name}'"));
        self.store.delete_role(name, audit).await?;
        self.credentials_changed().await;
        Ok(())
    }

    pub async fn users(&self, actor: &Actor) -> Result<Vec<User>> {
        if !actor.has(Permission::TokensReadAll) {
            actor.require(Permission::UsersManage, "list users")?;
        }
        Ok(self.store.users().await?)
    }

    /// Adds an account. Without a password one is generated and returned,
    /// to be handed over once; only its hash is stored.
    pub async fn add_user(
        &self,
        actor: &Actor,
        name: &str,
        role: &str,
        password: Option<String>,
    ) -> Result<(User, Option<String>)> {
        policy::check(actor, Operation::AddUser)?;
        policy::check_name("user", name)?;
        let role = self.requested_role(role).await?;
        policy::decide(actor, &Act::AddUser { role: &role })?;
        let (hash, generated) = self.password_hash(password).await?;
        let audit = self.audit_record(
            actor,
            "user.add",
            format!("added user '{name}' with role {}", role.name),
        );
        let user = self
            .store
            .insert_user(name, &role.name, Some(&hash), audit)
            .await?;
        Ok((user, generated))
    }

    /// Creates the first admin of an empty store (`serve --init-admin`).
    /// `None` when the store already has users; otherwise the generated
    /// password, if none was given. Replicas racing here create one admin.
    pub async fn bootstrap_admin(
        &self,
        name: &str,
        password: Option<String>,
    ) -> Result<Option<Option<String>>> {
        if !self.store.users().await?.is_empty() {
            return Ok(None);
        }
        policy::check_name("user", name)?;
        let (hash, generated) = self.password_hash(password).await?;
        let audit = AuditRecord {
            at: self.now(),
            actor: "tokenctl serve".to_owned(),
            action: "user.add",
            token_id: None,
            detail: format!("created the first admin '{name}'"),
            source: "serve --init-admin".to_owned(),
        };
        match self
            .store
            .insert_user(name, "admin", Some(&hash), audit)
            .await
        {
            Ok(_) => Ok(Some(generated)),
            Err(crate::store::StoreError::Conflict(_)) => Ok(None),
            Err(error) => Err(error.into()),
        }
    }

    /// Lets `name` log in again from every address at once: their failed
    /// attempts are forgotten. Needs what enabling them needs.
    pub async fn unlock_user(&self, actor: &Actor, name: &str) -> Result<crate::api::UnlockedUser> {
        let (user, _) = self.may_set_user_disabled(actor, name, false).await?;
        let audit = self.audit_record(
            actor,
            "user.unlock",
            format!("cleared the failed logins of '{name}'"),
        );
        let cleared_addresses = self.store.clear_login_failures(name, audit).await?;
        Ok(crate::api::UnlockedUser {
            user: Arc::unwrap_or_clone(user),
            cleared_addresses,
        })
    }

    /// The user `name` and their role, once `actor` may disable (or, with
    /// `disabled` false, enable or unlock) them.
    async fn may_set_user_disabled(
        &self,
        actor: &Actor,
        name: &str,
        disabled: bool,
    ) -> Result<(Arc<User>, Arc<Role>)> {
        policy::check(actor, Operation::SetUserDisabled)?;
        let user = self.user_named(name).await?;
        let role = self.role(&user.role).await?;
        policy::decide(
            actor,
            &Act::SetUserDisabled {
                user: &user,
                role: &role,
                disabled,
            },
        )?;
        Ok((user, role))
    }

    pub async fn set_user_disabled(
        &self,
        actor: &Actor,
        name: &str,
        disabled: bool,
    ) -> Result<User> {
        let (_, role) = self.may_set_user_disabled(actor, name, disabled).await?;
        let (action, verb) = if disabled {
            ("user.disable", "disabled")
        } else {
            ("user.enable", "enabled")
        };
        let audit = self.audit_record(actor, action, format!("{verb} user '{name}'"));
        let at = disabled.then(time::now);
        let user = self
            .store
            .set_user_disabled(name, &role.name, at, audit)
            .await?;
        self.credentials_changed().await;
        Ok(user)
    }

    /// Gives a user another role. Their sessions and tokens follow at once:
    /// a session acts with the current role, a token with what it was
    /// granted that the current role still has.
    pub async fn set_user_role(&self, actor: &Actor, name: &str, role: &str) -> Result<User> {
        policy::check(actor, Operation::SetUserRole)?;
        let user = self.user_named(name).await?;
        let from = self.role(&user.role).await?;
        let to = self.requested_role(role).await?;
        policy::decide(
            actor,
            &Act::SetUserRole {
                user: &user,
                from: &from,
                to: &to,
            },
        )?;
        let audit = self.audit_record(
            actor,
            "user.role",
            format!(
                "changed the role of '{name}' from {} to {}",
                from.name, to.name
            ),
        );
        let user = self
            .store
            .set_user_role(name, &from.name, &to.name, audit)
            .await?;
        self.credentials_changed().await;
        Ok(user)
    }
}
