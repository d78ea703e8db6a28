//! Pure rules: who may do what, which permissions a new token gets, which
//! expiries and names are acceptable. No I/O, so every rule is unit-tested.

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};

use crate::error::{Error, ErrorKind, Result};
use crate::model::{Permission, Permissions, Role, Token, User};
use crate::time::{self, Expiry};

/// How the actor proved who they are. What a credential may do depends on
/// its kind as well as its permissions: creating credentials or accounts
/// and changing authority is a person's act (see [`Operation::needs`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Credential {
    /// The operating-system user of a local store: the file is the boundary.
    Local,
    /// A login session (password, and TOTP when enrolled).
    Session,
    /// A token's secret: acts with that token's permissions only.
    Token(crate::model::Id),
    /// An access token from `exchange`: acts with its scope only, and only
    /// while the token it came from is still valid.
    AccessToken,
    /// A password (and TOTP code) a login has just checked: good for
    /// opening a session and nothing else.
    Password,
}

impl Credential {
    /// A person at work: the OS user of a local store, or a login session.
    pub fn is_person(self) -> bool {
        matches!(self, Credential::Local | Credential::Session)
    }

    /// The kind, without the token's id: the columns of the credential matrix.
    pub fn kind(self) -> CredentialKind {
        match self {
            Credential::Local | Credential::Session => CredentialKind::Person,
            Credential::Token(_) => CredentialKind::Token,
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
}

impl Actor {
    pub fn has(&self, permission: Permission) -> bool {
        self.permissions.contains(&permission)
    }

    fn owns(&self, token: &Token) -> bool {
        token.owner == self.user.name
    }

    pub fn require(&self, permission: Permission, doing: &str) -> Result<()> {
        if self.has(permission) {
            Ok(())
        } else {
            Err(Error::denied(format!(
                "{} may not {doing}: that needs the {permission} permission",
                self.user.name
            ))
            .with_hint("ask an admin for a role that has it (tokenctl role list)"))
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
    /// A short-lived access token from the asking credential.
    Exchange,
    /// A login session from a checked password.
    OpenSession,
    AddUser,
    SetUserRole,
    /// Disabling ends a user's authority, enabling gives it back.
    SetUserDisabled,
    AddRole,
    RemoveRole,
    /// A new signing key: the key signs every session and access token.
    RotateKeys,
    /// Setting up or replacing the actor's own second factor.
    EnrollSecondFactor,
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
    pub const ALL: [Operation; 13] = [
        Operation::CreateToken { for_other: false },
        Operation::CreateToken { for_other: true },
        Operation::RegenerateToken { own: true },
        Operation::RegenerateToken { own: false },
        Operation::Exchange,
        Operation::OpenSession,
        Operation::AddUser,
        Operation::SetUserRole,
        Operation::SetUserDisabled,
        Operation::AddRole,
        Operation::RemoveRole,
        Operation::RotateKeys,
        Operation::EnrollSecondFactor,
    ];

    /// The credential matrix (DESIGN.md, "Authority"): creating credentials
    /// or accounts and changing authority needs a person — a token or an
    /// access token never does it, whatever its scopes, so a leaked token
    /// cannot outlive its revocation by minting a backdoor. The one
    /// exception is the exchange, which exists to turn a token into a
    /// shorter-lived, narrower one.
    pub fn needs(self) -> Needs {
        use Permission::{KeysManage, TokensManage, UsersManage};
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
            | Operation::RemoveRole => person(&[UsersManage]),
            Operation::RotateKeys => person(&[KeysManage]),
            Operation::EnrollSecondFactor => person(&[]),
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
            Operation::Exchange => "be exchanged",
            Operation::OpenSession => "open a login session",
            Operation::AddUser => "add users",
            Operation::SetUserRole => "change a user's role",
            Operation::SetUserDisabled => "disable or enable users",
            Operation::AddRole => "add roles",
            Operation::RemoveRole => "remove roles",
            Operation::RotateKeys => "rotate the signing key",
            Operation::EnrollSecondFactor => "set up 2FA",
        }
    }
}

/// Whether `actor` may ask for `operation` at all: its credential kind and
/// the permission the operation needs. [`decide`] starts with this; the
/// service also calls it before looking anything up where the lookup would
/// tell a refused caller about other accounts.
pub fn check(actor: &Actor, operation: Operation) -> Result<()> {
    check_credential(actor, operation)?;
    operation
        .needs()
        .permissions
        .iter()
        .try_for_each(|permission| actor.require(*permission, operation.doing()))
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
        Credential::Token(_) | Credential::AccessToken => Error::denied(format!(
            "a token may not {doing}: that needs a login session"
        ))
        .with_hint("log in with: tokenctl login"),
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
    RemoveRole {
        role: &'a Role,
    },
    RotateKeys,
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
            Act::Exchange { .. } => Operation::Exchange,
            Act::OpenSession => Operation::OpenSession,
            Act::AddUser { .. } => Operation::AddUser,
            Act::SetUserRole { .. } => Operation::SetUserRole,
            Act::SetUserDisabled { .. } => Operation::SetUserDisabled,
            Act::AddRole { .. } => Operation::AddRole,
            Act::RemoveRole { .. } => Operation::RemoveRole,
            Act::RotateKeys => Operation::RotateKeys,
            Act::EnrollSecondFactor { .. } => Operation::EnrollSecondFactor,
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
/// - a new token gets its role's permissions that both the actor and the
///   owner hold; the rest is stripped and reported;
/// - a token's secret may be regenerated only by someone who holds all the
///   token can do (it cannot be reduced in place);
/// - an exchange's scope must be within the actor's permissions;
/// - a user may be given (or moved from, or enabled with) only a role whose
///   permissions the actor holds, and a role added or removed only with
///   permissions the actor holds;
/// - a second factor is replaced only with a code from the current one.
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
        } => {
            let (granted, stripped) = role.permissions.iter().partition(|permission| {
                actor.permissions.contains(permission) && owner_permissions.contains(permission)
            });
            Ok(Grant { granted, stripped })
        }
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
        Act::RemoveRole { role } => {
            within(actor, &role.permissions, || {
                format!("remove the role {}", role.name)
            })?;
            Ok(Grant::default())
        }
        Act::RotateKeys => Ok(Grant::default()),
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

fn list(permissions: &Permissions) -> String {
    let names: Vec<&str> = permissions.iter().map(|p| p.as_str()).collect();
    names.join(", ")
}

fn plural(permissions: &Permissions) -> &'static str {
    if permissions.len() == 1 { "" } else { "s" }
}

/// Limits on token lifetimes, set by whoever runs the store or server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LifetimePolicy {
    pub default_lifetime: Duration,
    pub max_lifetime: Option<Duration>,
    pub allow_never: bool,
}

impl Default for LifetimePolicy {
    fn default() -> Self {
        LifetimePolicy {
            default_lifetime: Duration::days(30),
            max_lifetime: None,
            allow_never: true,
        }
    }
}

impl LifetimePolicy {
    /// The expiry instant for a new token, or why the request is refused.
    pub fn expiry(
        &self,
        requested: Option<Expiry>,
        now: DateTime<Utc>,
    ) -> Result<Option<DateTime<Utc>>> {
        let requested = requested.unwrap_or(Expiry::After(self.default_lifetime));
        let Some(expires_at) = requested.resolve(now) else {
            if self.allow_never {
                return Ok(None);
            }
            return Err(Error::invalid("tokens without expiry are not allowed here")
                .with_hint("pass --expires with a duration or date"));
        };
        if expires_at <= now {
            return Err(Error::invalid(format!(
                "the expiry {} is in the past",
                expires_at.format("%Y-%m-%d %H:%M:%S UTC")
            )));
        }
        if let Some(max) = self.max_lifetime
            && expires_at - now > max
        {
            return Err(Error::invalid(format!(
                "tokens may live at most {} here",
                time::compact(max)
            ))
            .with_hint(format!("pass --expires {} or less", time::compact(max))));
        }
        Ok(Some(expires_at))
    }
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
mod tests {
    use super::*;
    use crate::time::parse_duration;

    fn role(permissions: &[Permission]) -> Role {
        Role {
            name: "r".into(),
            description: String::new(),
            permissions: permissions.iter().copied().collect(),
            builtin: false,
        }
    }

    fn user(id: crate::model::Id, name: &str) -> User {
        User {
            id,
            name: name.into(),
            role: "r".into(),
            created_at: time::now(),
            disabled_at: None,
            session_epoch: 0,
        }
    }

    fn actor(credential: Credential, permissions: &[Permission]) -> Actor {
        Actor {
            user: Arc::new(user(1, "ada")),
            permissions: permissions.iter().copied().collect(),
            credential,
            source: "test".into(),
        }
    }

    fn token(owner: &str, effective: &[Permission]) -> Token {
        let effective: Permissions = effective.iter().copied().collect();
        Token {
            id: 7,
            name: "t".into(),
            kind: crate::model::TokenKind::Personal,
            role: "r".into(),
            permissions: effective.clone(),
            stripped_permissions: Permissions::new(),
            effective_permissions: effective,
            description: String::new(),
            owner: owner.into(),
            created_by: owner.into(),
            hint: "tcpat_…abcd".into(),
            created_at: time::now(),
            expires_at: None,
            revoked_at: None,
            last_used_at: None,
            regenerated_at: None,
        }
    }

    use Permission::{ApiRead, ApiWrite, KeysManage, TokensManage, UsersManage};

    #[test]
    fn a_token_gets_what_its_role_creator_and_owner_all_have() {
        let creator = actor(
            Credential::Session,
            &[ApiRead, ApiWrite, TokensManage, UsersManage],
        );
        let owner = user(2, "bob");
        let owner_permissions: Permissions = [ApiRead, KeysManage].into();
        let role = role(&[ApiRead, ApiWrite, KeysManage]);
        let grant = decide(
            &creator,
            &Act::CreateToken {
                owner: &owner,
                owner_permissions: &owner_permissions,
                role: &role,
            },
        )
        .expect("allowed");
        assert_eq!(grant.granted, [ApiRead].into());
        assert_eq!(grant.stripped, [ApiWrite, KeysManage].into());
    }

    /// Found by `tests/authority_property.rs` through `serve`: users:manage
    /// alone issued tokens to others.
    #[test]
    fn issuing_a_token_to_someone_else_needs_tokens_manage_too() {
        let manager = actor(Credential::Session, &[UsersManage]);
        let owner = user(2, "bob");
        let role = role(&[UsersManage]);
        let act = Act::CreateToken {
            owner: &owner,
            owner_permissions: &role.permissions,
            role: &role,
        };
        let error = decide(&manager, &act).expect_err("refused");
        assert!(error.message.contains("tokens:manage"), "{}", error.message);
        let admin = actor(Credential::Session, &[UsersManage, TokensManage]);
        assert!(decide(&admin, &act).is_ok());
    }

    #[test]
    fn authority_changes_need_a_person_whatever_the_scopes() {
        let everything = Permission::ALL;
        for operation in Operation::ALL {
            for credential in [
                Credential::Local,
                Credential::Session,
                Credential::Token(7),
                Credential::AccessToken,
                Credential::Password,
            ] {
                let allowed = check(&actor(credential, &everything), operation).is_ok();
                let expected = operation.needs().credentials.contains(&credential.kind());
                assert_eq!(allowed, expected, "{operation:?} with {credential:?}");
            }
        }
        let pat = actor(Credential::Token(7), &everything);
        let error = check(&pat, Operation::AddUser).expect_err("refused");
        assert_eq!(
            error.message,
            "a token may not add users: that needs a login session"
        );
    }

    #[test]
    fn accounts_and_roles_are_handed_out_whole_or_not_at_all() {
        let helpdesk = actor(Credential::Session, &[UsersManage, Permission::TokensRead]);
        let admin = role(&Permission::ALL);
        let error = decide(&helpdesk, &Act::AddUser { role: &admin }).expect_err("refused");
        assert_eq!(error.kind, crate::error::ErrorKind::PermissionDenied);
        assert!(error.message.contains("keys:manage"), "{}", error.message);
        let wide: Permissions = [KeysManage].into();
        assert!(decide(&helpdesk, &Act::AddRole { permissions: &wide }).is_err());
        let narrow = role(&[Permission::TokensRead]);
        assert!(decide(&helpdesk, &Act::AddUser { role: &narrow }).is_ok());

        let target = user(2, "root");
        for (from, to) in [(&admin, &narrow), (&narrow, &admin)] {
            let act = Act::SetUserRole {
                user: &target,
                from,
                to,
            };
            assert!(
                decide(&helpdesk, &act).is_err(),
                "{} → {}",
                from.name,
                to.name
            );
        }
        for disabled in [true, false] {
            let act = Act::SetUserDisabled {
                user: &target,
                role: &admin,
                disabled,
            };
            assert!(decide(&helpdesk, &act).is_err(), "disabled: {disabled}");
        }
        let me = Act::SetUserDisabled {
            user: &helpdesk.user,
            role: &narrow,
            disabled: true,
        };
        assert_eq!(
            decide(&helpdesk, &me).expect_err("self").kind,
            crate::error::ErrorKind::Conflict
        );
        // Found by schemathesis: the only admin demoted themselves for good.
        let demote_me = Act::SetUserRole {
            user: &helpdesk.user,
            from: &narrow,
            to: &narrow,
        };
        assert_eq!(
            decide(&helpdesk, &demote_me).expect_err("self").kind,
            crate::error::ErrorKind::Conflict
        );
    }

    #[test]
    fn a_secret_is_regenerated_only_by_someone_who_holds_all_its_token_can_do() {
        let manager = actor(Credential::Session, &[UsersManage, TokensManage, ApiRead]);
        let theirs = token("root", &[ApiRead, KeysManage]);
        let error =
            decide(&manager, &Act::RegenerateToken { token: &theirs }).expect_err("refused");
        assert!(error.message.contains("keys:manage"), "{}", error.message);
        let smaller = token("root", &[ApiRead]);
        assert!(decide(&manager, &Act::RegenerateToken { token: &smaller }).is_ok());
        let own = token("ada", &[ApiRead]);
        let developer = actor(Credential::Session, &[TokensManage, ApiRead]);
        assert!(decide(&developer, &Act::RegenerateToken { token: &own }).is_ok());
        assert!(decide(&developer, &Act::RegenerateToken { token: &smaller }).is_err());
        // Found by tests/authority_property.rs: users:manage renews any
        // token, the actor's own included, without tokens:manage.
        let manager = actor(Credential::Session, &[UsersManage, ApiRead]);
        assert!(decide(&manager, &Act::RegenerateToken { token: &own }).is_ok());
    }

    #[test]
    fn a_second_factor_is_replaced_only_with_a_code_from_the_current_one() {
        let person = actor(Credential::Session, &[]);
        let enroll = |replacing, proved_current| {
            decide(
                &person,
                &Act::EnrollSecondFactor {
                    replacing,
                    proved_current,
                },
            )
        };
        assert!(enroll(false, false).is_ok());
        assert!(enroll(true, true).is_ok());
        assert_eq!(
            enroll(true, false).expect_err("refused").kind,
            crate::error::ErrorKind::SecondFactorRequired
        );
    }

    fn permission_set() -> impl Strategy<Value = Permissions> {
        proptest::sample::subsequence(Permission::ALL.to_vec(), 0..=Permission::ALL.len())
            .prop_map(|permissions| permissions.into_iter().collect())
    }

    fn credential() -> impl Strategy<Value = Credential> {
        prop_oneof![
            Just(Credential::Local),
            Just(Credential::Session),
            Just(Credential::Token(7)),
            Just(Credential::AccessToken),
            Just(Credential::Password),
        ]
    }

    use proptest::prelude::*;

    proptest! {
        /// Whatever the actor, the request and the owner: what is granted
        /// is within what the actor holds, and every refusal grants nothing.
        #[test]
        fn nothing_granted_is_ever_more_than_the_actor_holds(
            credential in credential(),
            held in permission_set(),
            wanted in permission_set(),
            other in permission_set(),
            for_other in any::<bool>(),
        ) {
            let actor = actor(credential, &held.iter().copied().collect::<Vec<_>>());
            let role = Role { permissions: wanted.clone(), ..role(&[]) };
            let other_role = Role { permissions: other.clone(), ..role.clone() };
            let owner = if for_other { user(2, "bob") } else { (*actor.user).clone() };
            let token = token("bob", &wanted.iter().copied().collect::<Vec<_>>());
            let acts = [
                Act::CreateToken { owner: &owner, owner_permissions: &other, role: &role },
                Act::RegenerateToken { token: &token },
                Act::Exchange { scope: &wanted },
                Act::OpenSession,
                Act::AddUser { role: &role },
                Act::SetUserRole { user: &owner, from: &other_role, to: &role },
                Act::SetUserDisabled { user: &owner, role: &role, disabled: false },
                Act::AddRole { permissions: &wanted },
                Act::RemoveRole { role: &role },
                Act::RotateKeys,
                Act::EnrollSecondFactor { replacing: false, proved_current: false },
            ];
            for act in &acts {
                let operation = act.operation(&actor);
                if let Ok(grant) = decide(&actor, act) {
                    prop_assert!(grant.granted.is_subset(&held), "{act:?}");
                    prop_assert!(check(&actor, operation).is_ok(), "{act:?}");
                    prop_assert!(grant.stripped.is_disjoint(&grant.granted));
                }
                if check(&actor, operation).is_err() {
                    prop_assert!(decide(&actor, act).is_err(), "{act:?}");
                }
            }
            if let Ok(grant) = decide(&actor, &acts[0]) {
                let expected: Permissions =
                    wanted.iter().filter(|p| held.contains(p) && other.contains(p)).copied().collect();
                prop_assert_eq!(&grant.granted, &expected);
                let all: Permissions = grant.granted.union(&grant.stripped).copied().collect();
                prop_assert_eq!(all, wanted.clone());
            }
            if credential.is_person() && held.contains(&UsersManage) {
                prop_assert_eq!(
                    decide(&actor, &Act::AddUser { role: &role }).is_ok(),
                    wanted.is_subset(&held)
                );
            }
        }
    }

    #[test]
    fn lifetime_rules() {
        let now = time::now();
        let policy = LifetimePolicy {
            max_lifetime: Some(Duration::days(90)),
            allow_never: false,
            ..LifetimePolicy::default()
        };
        assert_eq!(policy.expiry(None, now), Ok(Some(now + Duration::days(30))));
        assert!(policy.expiry(Some(Expiry::Never), now).is_err());
        let too_long = Expiry::After(parse_duration("91d").expect("duration"));
        assert!(policy.expiry(Some(too_long), now).is_err());
        let past = Expiry::At(now - Duration::seconds(1));
        assert!(policy.expiry(Some(past), now).is_err());
    }

    #[test]
    fn names_that_would_confuse_the_cli_are_refused() {
        for bad in [
            "",
            " ",
            "42",
            " padded",
            "tab\there",
            &"x".repeat(65),
            "safe\u{202e}gnp.exe",
            "zero\u{200b}width",
            "iso\u{2066}late",
            "\u{1b}]0;PWNED\u{7}",
        ] {
            assert!(check_name("token", bad).is_err(), "accepted {bad:?}");
        }
        for good in ["deploy", "ci-42", "Über token", "v2"] {
            assert!(check_name("token", good).is_ok(), "refused {good:?}");
        }
    }

    #[test]
    fn revocation_reasons_are_one_short_line() {
        for bad in ["", "  ", "two\nlines", &"x".repeat(MAX_REASON_LEN + 1)] {
            assert!(check_reason(bad).is_err(), "accepted {bad:?}");
        }
        let longest = "x".repeat(MAX_REASON_LEN);
        for good in ["leaked: found by scan in <stdin>", longest.as_str()] {
            assert!(check_reason(good).is_ok(), "refused {good:?}");
        }
    }
}
