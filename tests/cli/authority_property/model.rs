//! The model: the rules of DESIGN.md, nothing of the implementation.

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Session,
    Token,
    AccessToken,
}

/// A credential the way a client holds it: its kind and its bytes.
#[derive(Debug, Clone)]
pub(crate) struct Handle {
    pub(crate) kind: Kind,
    pub(crate) value: String,
}

#[derive(Debug)]
pub(crate) struct RoleModel {
    pub(crate) name: String,
    pub(crate) permissions: Permissions,
}

#[derive(Debug)]
pub(crate) struct UserModel {
    pub(crate) name: String,
    pub(crate) role: usize,
    pub(crate) disabled: bool,
    /// How often the user was disabled: sessions and access tokens from an
    /// earlier count are dead.
    pub(crate) disables: u32,
    /// Failed logins in a row: five lock the account (for longer than a
    /// history takes).
    pub(crate) failures: u32,
}

#[derive(Debug)]
pub(crate) struct TokenModel {
    pub(crate) id: i64,
    pub(crate) owner: usize,
    pub(crate) granted: Permissions,
    pub(crate) revoked: bool,
    /// Moves on with every regeneration: only the newest secret works.
    pub(crate) generation: u32,
}

#[derive(Debug)]
pub(crate) enum Grant {
    Session,
    /// A token's secret of one generation.
    Secret {
        token: usize,
        generation: u32,
    },
    Access {
        scope: Permissions,
        parent: Option<usize>,
        foreign: bool,
    },
}

#[derive(Debug)]
pub(crate) struct CredentialModel {
    pub(crate) handle: Handle,
    pub(crate) user: usize,
    pub(crate) grant: Grant,
    /// The user's disable count when it was handed out.
    pub(crate) epoch: u32,
}

/// Every name a history tried to give a user, a role or a token.
#[derive(Debug, Default)]
pub(crate) struct Names {
    pub(crate) users: Vec<String>,
    pub(crate) roles: Vec<String>,
    pub(crate) tokens: Vec<String>,
}

pub(crate) struct Model {
    pub(crate) names: Names,
    pub(crate) roles: Vec<RoleModel>,
    /// `users[0]` is the first admin, shared by every case; the case acts
    /// on the others only.
    pub(crate) users: Vec<UserModel>,
    pub(crate) tokens: Vec<TokenModel>,
    pub(crate) credentials: Vec<CredentialModel>,
    pub(crate) keys: usize,
    pub(crate) case: usize,
    pub(crate) counter: usize,
}

/// What a step should do, as the model sees it.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Expect {
    Allow,
    Refuse,
}

pub(crate) fn expect(allowed: bool) -> Expect {
    if allowed {
        Expect::Allow
    } else {
        Expect::Refuse
    }
}

impl Model {
    pub(crate) fn new(case: usize, keys: usize) -> Model {
        use Permission::*;
        let role = |name: &str, permissions: &[Permission]| RoleModel {
            name: name.to_owned(),
            permissions: permissions.iter().copied().collect(),
        };
        Model {
            names: Names::default(),
            roles: vec![
                role("admin", &Permission::ALL),
                role(
                    "developer",
                    &[ApiRead, ApiWrite, FilesUpload, TokensRead, TokensManage],
                ),
                role("connector", &[FilesUpload]),
                role(
                    "support",
                    &[AuditRead, TokensRead, TokensReadAll, TokensRevokeAll],
                ),
            ],
            users: vec![UserModel {
                name: ROOT.to_owned(),
                role: 0,
                disabled: false,
                disables: 0,
                failures: 0,
            }],
            tokens: Vec::new(),
            credentials: Vec::new(),
            keys,
            case,
            counter: 0,
        }
    }

    /// A name no history used before, for a user (`u`), role (`r`) or
    /// token (`t`); remembered, so the check looks for it in the store.
    pub(crate) fn fresh(&mut self, what: &str) -> String {
        self.counter += 1;
        let name = format!("c{}-{what}{}", self.case, self.counter);
        let names = match what {
            "u" => &mut self.names.users,
            "r" => &mut self.names.roles,
            _ => &mut self.names.tokens,
        };
        names.push(name.clone());
        name
    }

    pub(crate) fn role_of(&self, user: usize) -> &Permissions {
        &self.roles[self.users[user].role].permissions
    }

    /// What a credential may do now: the model's whole answer.
    pub(crate) fn effective(&self, credential: &CredentialModel) -> Option<Permissions> {
        let user = &self.users[credential.user];
        if user.disabled {
            return None;
        }
        let role = self.role_of(credential.user);
        match &credential.grant {
            Grant::Session => (credential.epoch == user.disables).then(|| role.clone()),
            Grant::Secret { token, generation } => {
                let token = &self.tokens[*token];
                (!token.revoked && token.generation == *generation)
                    .then(|| token.granted.intersection(role).copied().collect())
            }
            Grant::Access {
                scope,
                parent,
                foreign,
            } => {
                let parent_alive = parent.is_none_or(|token| !self.tokens[token].revoked);
                (!foreign && parent_alive && credential.epoch == user.disables)
                    .then(|| scope.intersection(role).copied().collect())
            }
        }
    }

    /// The acting credential's permissions and whether it is a person's.
    pub(crate) fn acting(&self, by: usize) -> Option<(Permissions, bool, &CredentialModel)> {
        let credential = &self.credentials[by];
        let permissions = self.effective(credential)?;
        Some((
            permissions,
            credential.handle.kind == Kind::Session,
            credential,
        ))
    }

    /// One of the history's tokens, if it has any.
    pub(crate) fn token(&self, index: usize) -> Option<usize> {
        (!self.tokens.is_empty()).then(|| index % self.tokens.len())
    }

    /// A case user (never the shared first admin), if the case has any.
    pub(crate) fn case_user(&self, index: usize) -> Option<usize> {
        let count = self.users.len() - 1;
        (count > 0).then(|| 1 + index % count)
    }

    pub(crate) fn visible(
        &self,
        held: &Permissions,
        acting: &CredentialModel,
        token: usize,
    ) -> bool {
        let t = &self.tokens[token];
        let own = t.owner == acting.user;
        let itself = matches!(acting.grant, Grant::Secret { token: id, .. } if id == token);
        (own && held.contains(&Permission::TokensRead))
            || held.contains(&Permission::TokensReadAll)
            || self.may_revoke(held, acting, token)
            || itself
    }

    pub(crate) fn may_revoke(
        &self,
        held: &Permissions,
        acting: &CredentialModel,
        token: usize,
    ) -> bool {
        let own = self.tokens[token].owner == acting.user;
        let itself = matches!(acting.grant, Grant::Secret { token: id, .. } if id == token);
        itself
            || (own && held.contains(&Permission::TokensManage))
            || held.contains(&Permission::TokensRevokeAll)
    }
}

/// What the store holds that the model predicts.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Snapshot {
    pub(crate) users: BTreeMap<String, (String, bool)>,
    pub(crate) roles: BTreeMap<String, Permissions>,
    /// Token id → (owner, granted, revoked).
    pub(crate) tokens: BTreeMap<i64, (String, Permissions, bool)>,
    pub(crate) keys: usize,
}

impl Model {
    pub(crate) fn snapshot(&self) -> Snapshot {
        Snapshot {
            users: self
                .users
                .iter()
                .map(|u| {
                    let role = self.roles[u.role].name.clone();
                    (u.name.clone(), (role, u.disabled))
                })
                .collect(),
            roles: self
                .roles
                .iter()
                .map(|r| (r.name.clone(), r.permissions.clone()))
                .collect(),
            tokens: self
                .tokens
                .iter()
                .map(|t| {
                    let owner = self.users[t.owner].name.clone();
                    (t.id, (owner, t.granted.clone(), t.revoked))
                })
                .collect(),
            keys: self.keys,
        }
    }
}
