//! Accounts and roles: who may add, change, disable and unlock users, and
//! define roles.

use std::sync::Arc;

use crate::api::{AddUserRequest, RemovedRole, RemovedUser};
use crate::credential_cache;
use crate::error::{Error, ErrorKind, Reason, Result};
use crate::model::{Permission, Permissions, Role, User};
use crate::paging::Page;
use crate::policy::{self, Act, Actor, Operation};
use crate::requests::{RoleChange, UsersRequest};
use crate::store::{AuditRecord, NewUser, Rows, StoredPassword, UserFilter};
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

    /// Changes a custom role. Its holders' sessions act with the new
    /// permissions at once, on every replica; their tokens keep what they
    /// were granted that the role still has, so taking a permission away
    /// lowers them at once and adding one never raises them.
    pub async fn edit_role(&self, actor: &Actor, name: &str, change: &RoleChange) -> Result<Role> {
        policy::check(actor, Operation::EditRole)?;
        if change.is_empty() {
            return Err(Error::invalid("nothing to change")
                .with_hint("pass --add-permission, --remove-permission or --description"));
        }
        if let Some(both) = change.add.intersection(&change.remove).next() {
            return Err(Error::invalid(format!("{both} is both added and removed")));
        }
        if let Some(description) = &change.description {
            policy::check_description(description)?;
        }
        let role = self.custom_role(name, "edited").await?;
        let mut edited = (*role).clone();
        edited.permissions.extend(change.add.iter().copied());
        edited
            .permissions
            .retain(|permission| !change.remove.contains(permission));
        if let Some(description) = &change.description {
            edited.description.clone_from(description);
        }
        if edited.permissions.is_empty() {
            return Err(
                Error::invalid("a role needs at least one permission").with_hint(format!(
                    "remove the role instead: tokenctl role remove {name}"
                )),
            );
        }
        let other_admins = self.other_admins(|user| user.role != role.name).await?;
        policy::decide(
            actor,
            &Act::EditRole {
                role: &role,
                permissions: &edited.permissions,
                other_admins,
            },
        )?;
        let audit = self.audit_record(actor, "role.edit", describe_edit(&role, &edited));
        self.store
            .update_role(&edited, &role.permissions, audit)
            .await?;
        self.credentials_changed().await;
        Ok(edited)
    }

    /// Removes a custom role; with `reassign`, its users and the tokens
    /// naming it move to that role first (a token keeps what it was
    /// granted: the label moves, no permission comes with it).
    pub async fn remove_role(
        &self,
        actor: &Actor,
        name: &str,
        reassign: Option<&str>,
    ) -> Result<RemovedRole> {
        policy::check(actor, Operation::RemoveRole)?;
        let role = self.custom_role(name, "removed").await?;
        let to = match reassign {
            Some(to) if to == name => {
                return Err(Error::invalid(format!(
                    "cannot move the holders of '{name}' to the role being removed"
                ))
                .with_hint("name another role with --reassign"));
            }
            Some(to) => Some(self.requested_role(to).await?),
            None => None,
        };
        let other_admins = self.other_admins(|user| user.role != role.name).await?;
        policy::decide(
            actor,
            &Act::RemoveRole {
                role: &role,
                reassign: to.as_deref(),
                other_admins,
            },
        )?;
        let detail = match &to {
            Some(to) => format!(
                "removed role '{name}', moving its users and tokens to {}",
                to.name
            ),
            None => format!("removed role '{name}'"),
        };
        let audit = self.audit_record(actor, "role.remove", detail);
        let moved = self
            .store
            .delete_role(name, to.as_ref().map(|to| to.name.as_str()), audit)
            .await?;
        self.credentials_changed().await;
        Ok(RemovedRole {
            removed: name.to_owned(),
            reassigned_to: to.map(|to| to.name.clone()),
            users_moved: moved.users_moved,
            tokens_moved: moved.tokens_moved,
        })
    }

    /// The role `name`, refused when it is built in: the built-in roles are
    /// what every store starts with and what the documentation describes.
    async fn custom_role(&self, name: &str, done: &str) -> Result<Arc<Role>> {
        let role = self.role(name).await?;
        if role.builtin {
            return Err(Error::conflict(format!(
                "'{name}' is a built-in role and cannot be {done}"
            ))
            .with_hint("add a custom role with tokenctl role add"));
        }
        Ok(role)
    }

    /// A page of the accounts, without removed ones unless asked.
    pub async fn users(&self, actor: &Actor, request: UsersRequest) -> Result<Page<User>> {
        if !actor.has(Permission::TokensReadAll) {
            actor.require(Permission::UsersManage, "list users")?;
        }
        let (rows, limit) = Rows::for_page(&request.page)?;
        let filter = UserFilter {
            removed: request.removed,
            rows,
        };
        let users = self.store.users(&filter).await?;
        Ok(Page::of(users, limit, |user| user.id))
    }

    /// Adds an account. Without a password one is generated and returned,
    /// to be handed over once; only its hash is stored. Either way it is
    /// one-time: the first login replaces it.
    pub async fn add_user(
        &self,
        actor: &Actor,
        request: AddUserRequest,
    ) -> Result<(User, Option<String>)> {
        let AddUserRequest {
            name,
            role,
            password,
            email,
        } = request;
        let (name, role) = (name.as_str(), role.as_str());
        policy::check(actor, Operation::AddUser)?;
        let email = email
            .as_deref()
            .map(str::trim)
            .filter(|email| !email.is_empty());
        if let Some(email) = email {
            policy::check_email(email)?;
        }
        policy::check_name("user", name)?;
        if self
            .store
            .user(name)
            .await?
            .is_some_and(|user| user.is_removed())
        {
            return Err(Error::conflict(format!(
                "the name '{name}' belonged to a removed user: the audit trail still means them by it"
            ))
            .with_hint("choose another name"));
        }
        let role = self.requested_role(role).await?;
        policy::decide(actor, &Act::AddUser { role: &role })?;
        let (password, generated) = self.one_time_password(password).await?;
        let audit = self.audit_record(
            actor,
            "user.add",
            format!("added user '{name}' with role {}", role.name),
        );
        let user = self
            .store
            .insert_user(
                NewUser {
                    name,
                    role: &role.name,
                    email,
                    password: Some(password),
                },
                audit,
            )
            .await?;
        Ok((user, generated))
    }

    /// Whether any active account has a password to log in with: a server
    /// over a store without one serves nobody.
    pub async fn anyone_can_log_in(&self) -> Result<bool> {
        for user in self.store.users(&UserFilter::all()).await? {
            if user.is_disabled() {
                continue;
            }
            let credentials = self.store.credentials(&user.name).await?;
            if credentials.is_some_and(|credentials| credentials.password_hash.is_some()) {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Creates the first admin of an empty store (`serve --init-admin`).
    /// `None` when the store already has users; otherwise the generated
    /// password, if none was given. Replicas racing here create one admin.
    /// The operator chose the password or was shown it alone: it is theirs,
    /// not one-time.
    pub async fn bootstrap_admin(
        &self,
        name: &str,
        password: Option<String>,
    ) -> Result<Option<Option<String>>> {
        if !self.store.users(&UserFilter::all()).await?.is_empty() {
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
            via_token: None,
            event: None,
        };
        match self
            .store
            .insert_user(
                NewUser {
                    name,
                    role: "admin",
                    email: None,
                    password: Some(StoredPassword {
                        hash,
                        one_time: false,
                    }),
                },
                audit,
            )
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
        let (user, role) = self.may_set_user_disabled(actor, name, disabled).await?;
        let (action, verb) = if disabled {
            ("user.disable", "disabled")
        } else {
            ("user.enable", "enabled")
        };
        let mut audit = self.audit_record(actor, action, format!("{verb} user '{name}'"));
        if disabled {
            audit.event = Some(crate::webhook::user_disabled(
                &user,
                &actor.user.name,
                audit.at,
            )?);
        }
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

    /// Sets `name`'s email address (`""` clears it; `None`: nothing to
    /// change, refused). Needs what resetting their password needs:
    /// notices about an account go there.
    pub async fn edit_user(&self, actor: &Actor, name: &str, email: Option<&str>) -> Result<User> {
        policy::check(actor, Operation::EditUser)?;
        let email = email
            .ok_or_else(|| Error::invalid("nothing to change").with_hint("pass --email ADDRESS"))?
            .trim();
        if !email.is_empty() {
            policy::check_email(email)?;
        }
        let user = self.user_named(name).await?;
        let role = self.role(&user.role).await?;
        policy::decide(
            actor,
            &Act::EditUser {
                user: &user,
                role: &role,
            },
        )?;
        let detail = if email.is_empty() {
            format!("cleared the email of '{name}'")
        } else {
            format!("set the email of '{name}' to {email}")
        };
        let audit = self.audit_record(actor, "user.edit", detail);
        let email = (!email.is_empty()).then_some(email);
        let user = self.store.set_email(name, email, audit).await?;
        self.credentials_changed().await;
        Ok(user)
    }

    /// Removes `name`: every token of theirs is revoked and every session
    /// ended, at once and on every replica; the account stays in the audit
    /// trail. The last account that can manage users stays.
    pub async fn remove_user(&self, actor: &Actor, name: &str) -> Result<RemovedUser> {
        policy::check(actor, Operation::RemoveUser)?;
        let user = self.user_named(name).await?;
        let role = self.role(&user.role).await?;
        let other_admins = self.other_admins(|other| other.id != user.id).await?;
        policy::decide(
            actor,
            &Act::RemoveUser {
                user: &user,
                role: &role,
                other_admins,
            },
        )?;
        let audit = self.audit_record(
            actor,
            "user.remove",
            format!(
                "removed user '{name}' (role {}), revoking their tokens and ending their sessions",
                role.name
            ),
        );
        let removal = self.store.remove_user(name, &role.name, audit).await?;
        self.credentials_changed().await;
        Ok(RemovedUser {
            user: removal.user,
            tokens_revoked: removal.tokens_revoked,
            sessions_ended: removal.sessions_ended,
        })
    }

    /// How many active accounts that `counted` picks can manage users.
    async fn other_admins(&self, counted: impl Fn(&User) -> bool) -> Result<usize> {
        let mut count = 0;
        for other in self.store.users(&UserFilter::all()).await? {
            if counted(&other)
                && !other.is_disabled()
                && self
                    .role(&other.role)
                    .await?
                    .permissions
                    .contains(&Permission::UsersManage)
            {
                count += 1;
            }
        }
        Ok(count)
    }
}

/// The audit detail of a role edit: what it added, took away and reworded.
fn describe_edit(before: &Role, after: &Role) -> String {
    let added: Permissions = after
        .permissions
        .difference(&before.permissions)
        .copied()
        .collect();
    let removed: Permissions = before
        .permissions
        .difference(&after.permissions)
        .copied()
        .collect();
    let mut parts = Vec::new();
    if !added.is_empty() {
        parts.push(format!("added {}", policy::list(&added)));
    }
    if !removed.is_empty() {
        parts.push(format!("removed {}", policy::list(&removed)));
    }
    if before.description != after.description {
        parts.push("changed its description".to_owned());
    }
    if parts.is_empty() {
        parts.push("changed nothing".to_owned());
    }
    format!("edited role '{}': {}", before.name, parts.join("; "))
}
