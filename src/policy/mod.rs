//! Pure rules: who may do what, which permissions a new token gets, which
//! expiries and names are acceptable. No I/O, so every rule is unit-tested.

use std::sync::Arc;

use chrono::Duration;

use crate::error::{Error, ErrorKind, Reason, Result};
use crate::model::{Permission, Permissions, Role, Token, User};
use crate::time;

pub mod token_policy;
pub use token_policy::TokenPolicy;

/// How the actor proved who they are. What a credential may do depends on
/// its kind as well as its permissions: creating credentials or accounts
/// and changing authority is a person's act (see [`Operation::needs`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Credential {
    /// The operating-system user of a local store: the file is the boundary.
    Local,
    /// A login session (password, and TOTP when enrolled), with the id
    /// the store records it under.
    Session(crate::model::Id),
    /// A token's secret: acts with that token's permissions only.
    Token(crate::model::Id),
    /// An access token from `exchange`: acts with its scope only, and only
    /// while the token it came from is still valid.
    AccessToken,
    /// A password (and TOTP code) a login has just checked: good for
    /// opening a session and nothing else.
    Password,
    /// A CI job's OpenID Connect ID token that a trust policy admits: acts
    /// with that policy's permissions, for the exchange only.
    IdToken,
}

impl Credential {
    /// A person at work: the OS user of a local store, or a login session.
    pub fn is_person(self) -> bool {
        matches!(self, Credential::Local | Credential::Session(_))
    }

    /// The kind, without the token's id: the columns of the credential matrix.
    pub fn kind(self) -> CredentialKind {
        match self {
            Credential::Local | Credential::Session(_) => CredentialKind::Person,
            // Like a PAT: a non-person credential with a fixed grant.
            Credential::Token(_) | Credential::IdToken => CredentialKind::Token,
            Credential::AccessToken => CredentialKind::AccessToken,
            Credential::Password => CredentialKind::Password,
        }
    }
}

/// The credential kinds the matrix of [`Operation::needs`] distinguishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CredentialKind {
    /// A login session, or the OS user of a local store.
    Person,
    /// A personal or service token (PAT).
    Token,
    /// A short-lived access token from `exchange`.
    AccessToken,
    /// A password just checked by a login.
    Password,
}

/// The authenticated user on whose behalf the service acts.
#[derive(Debug, Clone)]
pub struct Actor {
    /// Shared with the credential cache the server keeps.
    pub user: Arc<User>,
    /// What this actor may do now, its effective permissions: the user's
    /// role for a person; for a token, what it was granted that its owner's
    /// role still has; for an access token, its scope within the same.
    pub permissions: Permissions,
    pub credential: Credential,
    /// Where the request came from, for the audit log (`cli@host`, an address).
    pub source: String,
    /// A session opened without a second factor where one is required (an
    /// admin reset it, or the server requires 2FA): it may enrol one and
    /// end itself, nothing else, and holds no permissions meanwhile.
    pub enrolment_only: bool,
    /// The login session was opened with a second factor (its `amr` says
    /// so); what the token policy's `create_requires_2fa` asks for.
    pub second_factor: bool,
    /// The token this actor acts through: its own secret, or the token an
    /// access token was exchanged from. Named in every audit entry it makes.
    pub via_token: Option<crate::model::ViaToken>,
}

impl Actor {
    pub fn has(&self, permission: Permission) -> bool {
        self.permissions.contains(&permission)
    }

    fn owns(&self, token: &Token) -> bool {
        token.owner == self.user.name
    }

    pub fn require(&self, permission: Permission, doing: &str) -> Result<()> {
        if self.enrolment_only {
            return Err(enrolment_first());
        }
        if self.has(permission) {
            Ok(())
        } else {
            Err(Error::denied(format!(
                "{} may not {doing}: that needs the {permission} permission",
                self.user.name
            ))
            .because(Reason::PermissionMissing))
        }
    }

    pub fn may_read(&self, token: &Token) -> bool {
        (self.owns(token) && self.has(Permission::TokensRead))
            || self.has(Permission::TokensReadAll)
    }

    /// A token may always revoke itself; otherwise its owner (with
    /// `tokens:manage`) or anyone with `tokens:revoke-all`. Revoking only
    /// ever takes authority away, so any credential kind may do it.
    pub fn may_revoke(&self, token: &Token) -> bool {
        self.credential == Credential::Token(token.id)
            || (self.owns(token) && self.has(Permission::TokensManage))
            || self.has(Permission::TokensRevokeAll)
    }

    /// Permissions in `wanted` this actor does not hold.
    fn lacks(&self, wanted: &Permissions) -> Permissions {
        wanted.difference(&self.permissions).copied().collect()
    }
}

/// Every kind of act that hands out authority or changes who holds it.
/// What each needs of the asking credential is [`Operation::needs`]; the
/// whole rule, with what it grants, is [`decide`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    /// A new personal or service token; `for_other`: owned by someone else.
    CreateToken {
        for_other: bool,
    },
    /// A new secret for an existing token; `own`: the actor's own token.
    RegenerateToken {
        own: bool,
    },
    /// A token giving itself a new secret (`regenerate --self`): the one
    /// act besides the exchange a token may do for itself, as it hands out
    /// nothing new — the same token, its authority and restrictions, a
    /// lifetime within the policy, and revoking it still ends it.
    RotateSelf,
    /// A short-lived access token from the asking credential.
    Exchange,
    /// A login session from a checked password.
    OpenSession,
    AddUser,
    SetUserRole,
    /// Disabling ends a user's authority, enabling gives it back.
    SetUserDisabled,
    AddRole,
    /// Changing a role's permissions or description: every holder, and
    /// every token of theirs, follows at once.
    EditRole,
    RemoveRole,
    /// A new signing key: the key signs every session and access token.
    RotateKeys,
    /// Setting up or replacing the actor's own second factor.
    EnrollSecondFactor,
    /// A new password for the actor's own account (the current one proves
    /// it is them).
    ChangeOwnPassword,
    /// A new password for someone else's account: whoever knows it can
    /// act as them.
    ResetPassword,
    /// Ending login sessions of the actor's own (`logout`, `session revoke`).
    EndOwnSessions,
    /// Ending someone else's login sessions: it locks them out until they
    /// log in again.
    EndSessions,
    /// Taking someone else's second factor off (a lost authenticator):
    /// until they enrol again, their password alone is their account.
    ResetSecondFactor,
    /// Changing another account's details (its email, where notices go).
    EditUser,
    /// Removing an account: its tokens and sessions end with it.
    RemoveUser,
    /// Deleting the audit entries older than a date: evidence, so a person.
    PruneAudit,
    /// A trust policy: every CI job it admits may exchange its ID token for
    /// the policy's permissions, so it is a credential in its own right;
    /// `for_other`: owned by someone else.
    AddTrustPolicy {
        for_other: bool,
    },
    /// Removing a trust policy: the CI jobs it admitted get nothing more.
    RemoveTrustPolicy,
    /// A webhook hears of every token and account event it subscribes to,
    /// and its secret is a credential the receiver holds.
    AddWebhook,
    /// Removing a webhook: its receiver hears nothing more.
    RemoveWebhook,
    /// Changing the token policy: how long new tokens may live, and what
    /// making one needs, for every user of the store.
    SetPolicy,
}

/// What an [`Operation`] needs of the credential that asks for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Needs {
    /// The credential kinds that may ask at all.
    pub credentials: &'static [CredentialKind],
    /// The permissions the actor must all hold.
    pub permissions: &'static [Permission],
}

const PERSON: &[CredentialKind] = &[CredentialKind::Person];

impl Operation {
    /// Every operation, for the README's matrix and its test.
    pub const ALL: [Operation; 29] = [
        Operation::CreateToken { for_other: false },
        Operation::CreateToken { for_other: true },
        Operation::RegenerateToken { own: true },
        Operation::RegenerateToken { own: false },
        Operation::RotateSelf,
        Operation::Exchange,
        Operation::OpenSession,
        Operation::AddUser,
        Operation::SetUserRole,
        Operation::SetUserDisabled,
        Operation::AddRole,
        Operation::EditRole,
        Operation::RemoveRole,
        Operation::RotateKeys,
        Operation::EnrollSecondFactor,
        Operation::ChangeOwnPassword,
        Operation::ResetPassword,
        Operation::EndOwnSessions,
        Operation::EndSessions,
        Operation::ResetSecondFactor,
        Operation::EditUser,
        Operation::RemoveUser,
        Operation::PruneAudit,
        Operation::AddTrustPolicy { for_other: false },
        Operation::AddTrustPolicy { for_other: true },
        Operation::RemoveTrustPolicy,
        Operation::AddWebhook,
        Operation::RemoveWebhook,
        Operation::SetPolicy,
    ];

    /// The credential matrix (DESIGN.md, "Authority"): creating credentials
    /// or accounts and changing authority needs a person — a token or an
    /// access token never does it, whatever its scopes, so a leaked token
    /// cannot outlive its revocation by minting a backdoor. The one
    /// exception is the exchange, which exists to turn a token into a
    /// shorter-lived, narrower one.
    pub fn needs(self) -> Needs {
        use Permission::{
            AuditPrune, KeysManage, PolicyManage, TokensManage, TokensRotateSelf, TrustManage,
            UsersManage, WebhooksManage,
        };
        let person = |permissions| Needs {
            credentials: PERSON,
            permissions,
        };
        match self {
            Operation::CreateToken { for_other: false }
            | Operation::RegenerateToken { own: true } => person(&[TokensManage]),
            // Issuing to someone else is an admin's act on top of one's own.
            Operation::CreateToken { for_other: true } => person(&[TokensManage, UsersManage]),
            Operation::RegenerateToken { own: false }
            | Operation::AddUser
            | Operation::SetUserRole
            | Operation::SetUserDisabled
            | Operation::AddRole
            | Operation::EditRole
            | Operation::RemoveRole
            | Operation::ResetPassword
            | Operation::EndSessions
            | Operation::ResetSecondFactor
            | Operation::EditUser
            | Operation::RemoveUser => person(&[UsersManage]),
            Operation::RotateKeys => person(&[KeysManage]),
            Operation::PruneAudit => person(&[AuditPrune]),
            Operation::AddTrustPolicy { for_other: false } | Operation::RemoveTrustPolicy => {
                person(&[TrustManage])
            }
            // Like issuing a token to someone else.
            Operation::AddTrustPolicy { for_other: true } => person(&[TrustManage, UsersManage]),
            Operation::AddWebhook | Operation::RemoveWebhook => person(&[WebhooksManage]),
            Operation::SetPolicy => person(&[PolicyManage]),
            Operation::EnrollSecondFactor
            | Operation::ChangeOwnPassword
            | Operation::EndOwnSessions => person(&[]),
            Operation::RotateSelf => Needs {
                credentials: &[CredentialKind::Token],
                permissions: &[TokensRotateSelf],
            },
            Operation::Exchange => Needs {
                credentials: &[CredentialKind::Person, CredentialKind::Token],
                permissions: &[],
            },
            Operation::OpenSession => Needs {
                credentials: &[CredentialKind::Password],
                permissions: &[],
            },
        }
    }

    /// What the operation is, in the words of a refusal ("may not …").
    pub fn doing(self) -> &'static str {
        match self {
            Operation::CreateToken { for_other: false } => "create tokens",
            Operation::CreateToken { for_other: true } => "issue tokens to other users",
            Operation::RegenerateToken { .. } => "regenerate tokens",
            Operation::RotateSelf => "regenerate itself",
            Operation::Exchange => "be exchanged",
            Operation::OpenSession => "open a login session",
            Operation::AddUser => "add users",
            Operation::SetUserRole => "change a user's role",
            Operation::SetUserDisabled => "disable or enable users",
            Operation::AddRole => "add roles",
            Operation::EditRole => "edit roles",
            Operation::RemoveRole => "remove roles",
            Operation::RotateKeys => "rotate the signing key",
            Operation::PruneAudit => "prune the audit log",
            Operation::EnrollSecondFactor => "set up 2FA",
            Operation::ChangeOwnPassword => "change the password",
            Operation::ResetPassword => "reset other users' passwords",
            Operation::EndOwnSessions => "end its sessions",
            Operation::EndSessions => "end other users' sessions",
            Operation::ResetSecondFactor => "reset other users' 2FA",
            Operation::EditUser => "edit users",
            Operation::RemoveUser => "remove users",
            Operation::AddTrustPolicy { for_other: false } => "add trust policies",
            Operation::AddTrustPolicy { for_other: true } => {
                "add trust policies owned by other users"
            }
            Operation::RemoveTrustPolicy => "remove trust policies",
            Operation::AddWebhook => "add webhooks",
            Operation::RemoveWebhook => "remove webhooks",
            Operation::SetPolicy => "change the token policy",
        }
    }
}

/// Whether `actor` may ask for `operation` at all: its credential kind and
/// the permission the operation needs. [`decide`] starts with this; the
/// service also calls it before looking anything up where the lookup would
/// tell a refused caller about other accounts.
pub fn check(actor: &Actor, operation: Operation) -> Result<()> {
    check_credential(actor, operation)?;
    if actor.enrolment_only
        && !matches!(
            operation,
            Operation::EnrollSecondFactor | Operation::EndOwnSessions
        )
    {
        return Err(enrolment_first());
    }
    operation
        .needs()
        .permissions
        .iter()
        .try_for_each(|permission| actor.require(*permission, operation.doing()))
}

/// The refusal of everything but enrolment to an [`Actor::enrolment_only`].
fn enrolment_first() -> Error {
    Error::denied("this session may only set up 2FA: the account must enrol a second factor first")
        .because(Reason::SecondFactorEnrolmentRequired)
}

/// The first half of [`check`]: whether the actor's kind of credential may
/// ask for `operation` at all, whatever its permissions.
pub fn check_credential(actor: &Actor, operation: Operation) -> Result<()> {
    if operation
        .needs()
        .credentials
        .contains(&actor.credential.kind())
    {
        return Ok(());
    }
    let doing = operation.doing();
    Err(match actor.credential {
        Credential::Token(_) | Credential::AccessToken | Credential::IdToken => Error::denied(
            format!("a token may not {doing}: that needs a login session"),
        )
        .because(Reason::SessionRequired),
        _ => Error::denied(format!("this credential may not {doing}")),
    })
}

/// An act with the facts its decision needs, as the service looked them up.
#[derive(Debug, Clone, Copy)]
pub enum Act<'a> {
    /// A token for `owner` (whose role grants `owner_permissions`) with the
    /// permissions of `role`.
    CreateToken {
        owner: &'a User,
        owner_permissions: &'a Permissions,
        role: &'a Role,
    },
    /// A new secret for `token`: whoever receives it holds the token's
    /// authority.
    RegenerateToken {
        token: &'a Token,
    },
    /// A new secret for `token`, asked for by the token itself.
    RotateSelf {
        token: &'a Token,
    },
    /// An access token with `scope`; empty means everything the actor has.
    Exchange {
        scope: &'a Permissions,
    },
    OpenSession,
    AddUser {
        role: &'a Role,
    },
    /// `user` goes from role `from` to role `to`.
    SetUserRole {
        user: &'a User,
        from: &'a Role,
        to: &'a Role,
    },
    SetUserDisabled {
        user: &'a User,
        role: &'a Role,
        disabled: bool,
    },
    AddRole {
        permissions: &'a Permissions,
    },
    /// `role` gets `permissions` instead of its own; `other_admins`: how
    /// many active accounts of other roles hold `users:manage`.
    EditRole {
        role: &'a Role,
        permissions: &'a Permissions,
        other_admins: usize,
    },
    /// Removing `role`; its holders, and the tokens naming it, move to
    /// `reassign` (without one the store refuses a role still held).
    /// `other_admins` as for [`Act::EditRole`].
    RemoveRole {
        role: &'a Role,
        reassign: Option<&'a Role>,
        other_admins: usize,
    },
    RotateKeys,
    PruneAudit,
    /// A new password for `user` (whose role is `role`), set by someone else.
    ResetPassword {
        user: &'a User,
        role: &'a Role,
    },
    /// Ending login sessions of `user` (whose role is `role`).
    EndSessions {
        user: &'a User,
        role: &'a Role,
    },
    /// Taking the second factor off `user` (whose role is `role`).
    ResetSecondFactor {
        user: &'a User,
        role: &'a Role,
    },
    /// Changing the details of `user` (whose role is `role`).
    EditUser {
        user: &'a User,
        role: &'a Role,
    },
    /// Removing `user` (whose role is `role`); `other_admins`: how many
    /// other active accounts hold `users:manage`.
    RemoveUser {
        user: &'a User,
        role: &'a Role,
        other_admins: usize,
    },
    /// A trust policy owned by `owner` (whose role grants
    /// `owner_permissions`) asking for `permissions` (a role's, or scopes).
    AddTrustPolicy {
        owner: &'a User,
        owner_permissions: &'a Permissions,
        permissions: &'a Permissions,
    },
    RemoveTrustPolicy,
    /// `replacing`: the account already has a second factor;
    /// `proved_current`: the request carried a valid code from it.
    EnrollSecondFactor {
        replacing: bool,
        proved_current: bool,
    },
}

impl Act<'_> {
    /// Which operation this is when `actor` asks for it.
    pub fn operation(&self, actor: &Actor) -> Operation {
        match self {
            Act::CreateToken { owner, .. } => Operation::CreateToken {
                for_other: owner.id != actor.user.id,
            },
            // An owner with tokens:manage renews as the owner; anyone else
            // (an owner without it, too) needs users:manage, which renews
            // any token.
            Act::RegenerateToken { token } => Operation::RegenerateToken {
                own: actor.owns(token) && actor.has(Permission::TokensManage),
            },
            Act::RotateSelf { .. } => Operation::RotateSelf,
            Act::Exchange { .. } => Operation::Exchange,
            Act::OpenSession => Operation::OpenSession,
            Act::AddUser { .. } => Operation::AddUser,
            Act::SetUserRole { .. } => Operation::SetUserRole,
            Act::SetUserDisabled { .. } => Operation::SetUserDisabled,
            Act::AddRole { .. } => Operation::AddRole,
            Act::EditRole { .. } => Operation::EditRole,
            Act::RemoveRole { .. } => Operation::RemoveRole,
            Act::RotateKeys => Operation::RotateKeys,
            Act::PruneAudit => Operation::PruneAudit,
            Act::EnrollSecondFactor { .. } => Operation::EnrollSecondFactor,
            Act::ResetPassword { .. } => Operation::ResetPassword,
            Act::EndSessions { user, .. } if user.id == actor.user.id => Operation::EndOwnSessions,
            Act::EndSessions { .. } => Operation::EndSessions,
            Act::ResetSecondFactor { .. } => Operation::ResetSecondFactor,
            Act::EditUser { .. } => Operation::EditUser,
            Act::RemoveUser { .. } => Operation::RemoveUser,
            Act::AddTrustPolicy { owner, .. } => Operation::AddTrustPolicy {
                for_other: owner.id != actor.user.id,
            },
            Act::RemoveTrustPolicy => Operation::RemoveTrustPolicy,
        }
    }
}

/// What an allowed act hands out: `granted`, and the permissions the
/// request named that the actor could not hand on (`stripped`: reported,
/// never granted).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Grant {
    pub granted: Permissions,
    pub stripped: Permissions,
}

impl Grant {
    fn exactly(permissions: &Permissions) -> Grant {
        Grant {
            granted: permissions.clone(),
            stripped: Permissions::new(),
        }
    }
}

/// The one rule for every grant (DESIGN.md, "Authority: one rule, one
/// place"): whether `actor` may do `act`, and what it hands out. Nothing
/// granted is ever more than the actor effectively holds:
///
/// - a new token, or a trust policy, gets the permissions asked for (its
///   role's) that both the actor and the owner hold; the rest is stripped
///   and reported;
/// - a token's secret may be regenerated only by someone who holds all the
///   token can do (it cannot be reduced in place);
/// - an exchange's scope must be within the actor's permissions;
/// - a user may be given (or moved from, or enabled with) only a role whose
///   permissions the actor holds, and a role added, edited, removed or
///   reassigned only with permissions the actor holds (before and after);
/// - no change to a role leaves nobody active able to manage users;
/// - a second factor is replaced only with a code from the current one;
/// - a password or second factor is reset, or sessions ended, only by
///   someone who holds all its account holds (one's own sessions anyone
///   may end).
///
/// Who may ask at all is [`check`]; a refusal is an error saying why.
pub fn decide(actor: &Actor, act: &Act<'_>) -> Result<Grant> {
    check(actor, act.operation(actor))?;
    let name = &actor.user.name;
    match *act {
        Act::CreateToken {
            owner_permissions,
            role,
            ..
        } => Ok(held_by_both(actor, owner_permissions, &role.permissions)),
        Act::AddTrustPolicy {
            owner_permissions,
            permissions,
            ..
        } => Ok(held_by_both(actor, owner_permissions, permissions)),
        Act::RegenerateToken { token } => {
            let lacking = actor.lacks(&token.effective_permissions);
            if lacking.is_empty() {
                return Ok(Grant::exactly(&token.effective_permissions));
            }
            Err(Error::denied(format!(
                "{name} may not regenerate token {} of {}: it can do {}, which you can't",
                token.id,
                token.owner,
                list(&lacking)
            )))
        }
        Act::RotateSelf { token } => {
            if actor.credential != Credential::Token(token.id) {
                return Err(Error::denied(format!(
                    "{name}'s credential is not token {}: a token may regenerate only itself",
                    token.id
                )));
            }
            Ok(Grant::exactly(&token.effective_permissions))
        }
        Act::Exchange { scope } => {
            if scope.is_empty() {
                return Ok(Grant::exactly(&actor.permissions));
            }
            let lacking = actor.lacks(scope);
            if lacking.is_empty() {
                return Ok(Grant::exactly(scope));
            }
            let quoted: Vec<String> = lacking.iter().map(|p| format!("'{p}'")).collect();
            Err(Error::denied(format!(
                "the subject does not have the permission{} {}",
                plural(&lacking),
                quoted.join(", ")
            )))
        }
        Act::OpenSession => Ok(Grant::exactly(&actor.permissions)),
        Act::AddUser { role } => within(actor, &role.permissions, || {
            format!("add a user with role {}", role.name)
        }),
        Act::SetUserRole { user, from, to } => {
            within(actor, &from.permissions, || {
                format!("change the role of {} (role {})", user.name, from.name)
            })?;
            let grant = within(actor, &to.permissions, || {
                format!("give {} the role {}", user.name, to.name)
            })?;
            // Like disabling yourself: the only admin demoting themselves
            // would leave nobody to undo it.
            if user.id == actor.user.id {
                return Err(Error::conflict("you cannot change your own role")
                    .with_hint("another user with users:manage can change it"));
            }
            Ok(grant)
        }
        Act::SetUserDisabled {
            user,
            role,
            disabled,
        } => {
            if disabled && user.id == actor.user.id {
                return Err(Error::conflict("you cannot disable your own account"));
            }
            let grant = within(actor, &role.permissions, || {
                format!(
                    "{} {} (role {})",
                    if disabled { "disable" } else { "enable" },
                    user.name,
                    role.name
                )
            })?;
            Ok(if disabled { Grant::default() } else { grant })
        }
        Act::AddRole { permissions } => {
            within(actor, permissions, || "add a role with them".to_owned())
        }
        // Adding hands the added permissions to every holder; taking away
        // is like a role change of every holder: both need what both the
        // old and the new permissions hold.
        Act::EditRole {
            role,
            permissions,
            other_admins,
        } => {
            within(actor, &role.permissions, || {
                format!("edit the role {}", role.name)
            })?;
            within(actor, permissions, || {
                format!("give the role {} these permissions", role.name)
            })?;
            keeps_a_user_manager(role, permissions, other_admins)?;
            Ok(Grant::exactly(permissions))
        }
        Act::RemoveRole {
            role,
            reassign,
            other_admins,
        } => {
            within(actor, &role.permissions, || {
                format!("remove the role {}", role.name)
            })?;
            if let Some(to) = reassign {
                within(actor, &to.permissions, || {
                    format!("move the holders of {} to the role {}", role.name, to.name)
                })?;
                keeps_a_user_manager(role, &to.permissions, other_admins)?;
            }
            Ok(Grant::default())
        }
        Act::RotateKeys | Act::PruneAudit | Act::RemoveTrustPolicy => Ok(Grant::default()),
        // Knowing the password is being the user: only someone who holds
        // everything they hold may set it. Their own goes through
        // `password change`, which asks for the current one.
        Act::ResetPassword { user, role } => {
            if user.id == actor.user.id {
                return Err(Error::conflict("you cannot reset your own password")
                    .because(Reason::OwnPasswordReset));
            }
            within(actor, &role.permissions, || {
                format!("reset the password of {} (role {})", user.name, role.name)
            })?;
            Ok(Grant::default())
        }
        // Without the second factor the password alone is the account:
        // like a password reset. One's own goes through `2fa disable`,
        // which asks for a code.
        Act::ResetSecondFactor { user, role } => {
            if user.id == actor.user.id {
                return Err(Error::conflict("you cannot reset your own 2FA").with_hint(
                    "turn it off with tokenctl 2fa disable (it asks for a code or a recovery code)",
                ));
            }
            within(actor, &role.permissions, || {
                format!("reset the 2FA of {} (role {})", user.name, role.name)
            })?;
            Ok(Grant::default())
        }
        // Where an account's notices go is part of holding it: only
        // someone who holds all it holds may move them.
        Act::EditUser { user, role } => {
            within(actor, &role.permissions, || {
                format!("edit {} (role {})", user.name, role.name)
            })?;
            Ok(Grant::default())
        }
        // Nobody may be left able to manage users: the store checks it
        // again in the removal's own transaction.
        Act::RemoveUser {
            user,
            role,
            other_admins,
        } => {
            if role.permissions.contains(&Permission::UsersManage) && other_admins == 0 {
                return Err(Error::conflict(format!(
                    "{} is the last account that can manage users and cannot be removed",
                    user.name
                ))
                .because(Reason::LastAdmin));
            }
            if user.id == actor.user.id {
                return Err(Error::conflict("you cannot remove your own account")
                    .with_hint("another user with users:manage can remove it"));
            }
            within(actor, &role.permissions, || {
                format!("remove {} (role {})", user.name, role.name)
            })?;
            Ok(Grant::default())
        }
        // Ending sessions takes authority away, but ending an admin's would
        // lock them out: like disabling, only someone who holds what they
        // hold may do it to them.
        Act::EndSessions { user, role } => {
            if user.id != actor.user.id {
                within(actor, &role.permissions, || {
                    format!("end the sessions of {} (role {})", user.name, role.name)
                })?;
            }
            Ok(Grant::default())
        }
        Act::EnrollSecondFactor {
            replacing,
            proved_current,
        } => {
            if replacing && !proved_current {
                return Err(Error::new(
                    ErrorKind::SecondFactorRequired,
                    "this account already has 2FA: replacing it needs a code from the current authenticator",
                )
                .with_hint("enter a code from the authenticator you use now"));
            }
            Ok(Grant::default())
        }
    }
}

/// What a standing credential for someone (a token, a trust policy) may
/// get of `wanted`: what both the actor and the owner hold. The rest is
/// stripped and reported, never granted.
fn held_by_both(actor: &Actor, owner_permissions: &Permissions, wanted: &Permissions) -> Grant {
    let (granted, stripped) = wanted.iter().partition(|permission| {
        actor.permissions.contains(permission) && owner_permissions.contains(permission)
    });
    Grant { granted, stripped }
}

/// Refuses a change that takes `users:manage` from the holders of `role`
/// (they would have `after` instead) when nobody else active holds it:
/// nobody would be left to undo it. The store checks again in the
/// change's own transaction.
fn keeps_a_user_manager(role: &Role, after: &Permissions, other_admins: usize) -> Result<()> {
    let manages = |permissions: &Permissions| permissions.contains(&Permission::UsersManage);
    if manages(&role.permissions) && !manages(after) && other_admins == 0 {
        return Err(Error::conflict(format!(
            "the role {} is held by the last accounts that can manage users: they would lose users:manage",
            role.name
        ))
        .because(Reason::LastAdmin)
        .with_hint("give another active account users:manage first"));
    }
    Ok(())
}

/// `wanted` granted whole, or refused naming what the actor lacks: roles and
/// accounts can't be cut down the way a token's permissions are.
fn within(actor: &Actor, wanted: &Permissions, doing: impl FnOnce() -> String) -> Result<Grant> {
    let lacking = actor.lacks(wanted);
    if lacking.is_empty() {
        return Ok(Grant::exactly(wanted));
    }
    Err(Error::denied(format!(
        "{} may not {}: that would hand on {}, which you do not have",
        actor.user.name,
        doing(),
        list(&lacking),
    ))
    .with_hint("only someone who holds every permission involved can do this"))
}

/// Permission names, comma-separated, for refusals and audit details.
pub fn list(permissions: &Permissions) -> String {
    let names: Vec<&str> = permissions.iter().map(|p| p.as_str()).collect();
    names.join(", ")
}

fn plural(permissions: &Permissions) -> &'static str {
    if permissions.len() == 1 { "" } else { "s" }
}

/// The shortest `--max-idle`: last use is written once a minute, and a
/// token idle within the hour would be one nobody can keep alive.
pub const MIN_MAX_IDLE: Duration = Duration::hours(1);
/// The longest: ten years, the longest duration tokenctl takes.
pub const MAX_MAX_IDLE: Duration = Duration::days(3650);

/// How long a token may go unused (`create --max-idle`).
pub fn check_max_idle(max_idle: Duration) -> Result<()> {
    if max_idle < MIN_MAX_IDLE || max_idle > MAX_MAX_IDLE {
        return Err(Error::invalid(format!(
            "the maximum idle time must be between {} and {}",
            time::compact(MIN_MAX_IDLE),
            time::compact(MAX_MAX_IDLE)
        )));
    }
    Ok(())
}

pub const MAX_NAME_LEN: usize = 64;
pub const MAX_DESCRIPTION_LEN: usize = 512;
/// Long enough for "leaked: found by scan in" and a deep path.
pub const MAX_REASON_LEN: usize = 300;

/// Characters that make text render as something it is not: bidirectional
/// overrides and isolates (`safe\u{202e}gnp.exe` shows as "safeexe.png"),
/// zero-width and other invisible format characters. Refused in names and
/// escaped wherever tokenctl prints text for a person.
pub fn is_deceptive(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
    )
}

/// Whether a login's user name could be one: the name rules, checked before
/// anything is looked up or audited, so a failed login can't put escape
/// sequences or 60 KB of text into the audit log.
pub fn check_login_name(name: &str) -> Result<()> {
    check_name("user", name)
}

/// Names identify tokens, users and roles on the command line, so they must be
/// printable, reasonably short, and never look like a numeric ID.
pub fn check_name(what: &str, name: &str) -> Result<()> {
    if name.trim().is_empty() {
        return Err(Error::invalid(format!("the {what} name is empty")));
    }
    if name.chars().count() > MAX_NAME_LEN {
        return Err(Error::invalid(format!(
            "the {what} name is longer than {MAX_NAME_LEN} characters"
        )));
    }
    if name.chars().any(char::is_control) || name != name.trim() {
        return Err(Error::invalid(format!(
            "the {what} name may not contain control characters or surrounding spaces"
        )));
    }
    if name.chars().any(is_deceptive) {
        return Err(Error::invalid(format!(
            "the {what} name may not contain invisible or direction-changing characters"
        )));
    }
    if name.chars().all(|c| c.is_ascii_digit()) {
        return Err(Error::invalid(format!(
            "the {what} name may not be only digits: numbers are IDs"
        )));
    }
    Ok(())
}

/// Longest email address (RFC 5321's path limit).
pub const MAX_EMAIL_LEN: usize = 254;

/// An email address as an admin types one: one `@` between a local part and
/// a domain with a dot, printable, no spaces. Whether it reaches anyone is
/// the mail server's to say.
pub fn check_email(email: &str) -> Result<()> {
    let refuse = |why: &str| {
        Err(Error::invalid(format!(
            "'{}' is not an email address: {why}",
            email.escape_debug()
        )))
    };
    if email.chars().count() > MAX_EMAIL_LEN {
        return refuse(&format!("longer than {MAX_EMAIL_LEN} characters"));
    }
    if email
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || is_deceptive(c))
    {
        return refuse("it has spaces or invisible characters");
    }
    match email.split_once('@') {
        Some((local, domain))
            if !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.') =>
        {
            Ok(())
        }
        _ => refuse("it needs the form name@example.com"),
    }
}

pub fn check_description(description: &str) -> Result<()> {
    if description.chars().count() > MAX_DESCRIPTION_LEN {
        return Err(Error::invalid(format!(
            "the description is longer than {MAX_DESCRIPTION_LEN} characters"
        )));
    }
    if description
        .chars()
        .any(|c| (c.is_control() && c != '\n') || is_deceptive(c))
    {
        return Err(Error::invalid(
            "the description may not contain control, invisible or direction-changing characters",
        ));
    }
    Ok(())
}

/// Longest claim name a trust policy's rule names.
pub const MAX_CLAIM_NAME_LEN: usize = 64;
/// Longest issuer, audience or claim pattern of a trust policy.
pub const MAX_FIELD_LEN: usize = 256;

/// One line of configuration that is printed back to people (a trust
/// policy's issuer, audience, claim names and patterns): not blank, at
/// most `max` characters, no control, invisible or direction-changing
/// characters.
pub fn check_field(what: &str, text: &str, max: usize) -> Result<()> {
    if text.trim().is_empty() {
        return Err(Error::invalid(format!("the {what} is empty")));
    }
    if text.chars().count() > max {
        return Err(Error::invalid(format!(
            "the {what} is longer than {max} characters"
        )));
    }
    if text.chars().any(|c| c.is_control() || is_deceptive(c)) {
        return Err(Error::invalid(format!(
            "the {what} may not contain control, invisible or direction-changing characters"
        )));
    }
    Ok(())
}

/// Why a token was revoked, as it goes into one line of the audit log:
/// short, one line, printable.
pub fn check_reason(reason: &str) -> Result<()> {
    if reason.trim().is_empty() {
        return Err(Error::invalid("the revocation reason is empty"));
    }
    if reason.chars().count() > MAX_REASON_LEN {
        return Err(Error::invalid(format!(
            "the revocation reason is longer than {MAX_REASON_LEN} characters"
        )));
    }
    if reason.chars().any(|c| c.is_control() || is_deceptive(c)) {
        return Err(Error::invalid(
            "the revocation reason may not contain control characters",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests;
