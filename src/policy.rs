//! Pure rules: who may do what, which permissions a new token gets, which
//! expiries and names are acceptable. No I/O, so every rule is unit-tested.

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};

use crate::error::{Error, Result};
use crate::model::{Permission, Permissions, Role, Token, User};
use crate::time::{self, Expiry};

/// How the actor proved who they are. Some acts need a person's login, not
/// a token (seed 003: creating a PAT needs a 2FA-authorised session).
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
}

/// The authenticated user on whose behalf the service acts.
#[derive(Debug, Clone)]
pub struct Actor {
    /// Shared with the credential cache the server keeps.
    pub user: Arc<User>,
    /// What this actor may do: the user's role for a person, the token's own
    /// permissions when the actor is a token.
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
    /// `tokens:manage`) or anyone with `tokens:revoke-all`.
    pub fn may_revoke(&self, token: &Token) -> bool {
        self.credential == Credential::Token(token.id)
            || (self.owns(token) && self.has(Permission::TokensManage))
            || self.has(Permission::TokensRevokeAll)
    }

    /// Issuing secrets is a person's act: a token cannot mint or renew tokens.
    pub fn require_person(&self, doing: &str) -> Result<()> {
        if matches!(
            self.credential,
            Credential::Token(_) | Credential::AccessToken
        ) {
            return Err(Error::denied(format!(
                "a token may not {doing}: that needs a login session"
            ))
            .with_hint("log in with: tokenctl login"));
        }
        Ok(())
    }

    pub fn may_regenerate(&self, token: &Token) -> bool {
        (self.owns(token) && self.has(Permission::TokensManage))
            || self.has(Permission::UsersManage)
    }

    /// Creating a token for yourself needs `tokens:manage`; issuing one to
    /// somebody else is an admin's act (`users:manage`).
    pub fn check_may_create_for(&self, owner: &str) -> Result<()> {
        self.require_person("create tokens")?;
        self.require(Permission::TokensManage, "create tokens")?;
        if owner != self.user.name {
            self.require(Permission::UsersManage, "issue tokens to other users")?;
        }
        Ok(())
    }
}

/// What a new token may do: the role's permissions, but never more than its
/// creator has (seed 003). Returns `(granted, stripped)`.
pub fn grant(role: &Role, creator: &Permissions) -> (Permissions, Permissions) {
    role.permissions
        .iter()
        .partition(|permission| creator.contains(permission))
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
    if description.chars().any(|c| c.is_control() && c != '\n') {
        return Err(Error::invalid(
            "the description may not contain control characters",
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
    if reason.chars().any(char::is_control) {
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

    #[test]
    fn a_token_never_gets_more_than_its_creator() {
        let creator: Permissions = [Permission::ApiRead, Permission::TokensManage].into();
        let (granted, stripped) = grant(
            &role(&[Permission::ApiRead, Permission::UsersManage]),
            &creator,
        );
        assert_eq!(granted, [Permission::ApiRead].into());
        assert_eq!(stripped, [Permission::UsersManage].into());
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
        for bad in ["", " ", "42", " padded", "tab\there", &"x".repeat(65)] {
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
