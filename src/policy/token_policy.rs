//! The token policy: the rules every new secret is held to — how long it
//! may live, whether it may never expire, whether making it needs a login
//! with a second factor, how many a user may hold. It is data in the
//! store, so the server and every local user of one store obey the same
//! rules; these are the pure rules over it.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Deserializer, Serialize};

use crate::error::{Error, Reason, Result};
use crate::model::{Token, TokenKind};
use crate::time::{self, Expiry};

use super::{Actor, Credential};

/// Lifetime limits one policy may hold: one per type and role at most.
pub const MAX_LIMITS: usize = 64;
/// The shortest lifetime a limit or the default may set: a token that
/// can't outlive a CI job is one nobody can use.
pub const MIN_LIFETIME: Duration = Duration::hours(1);
/// The most active tokens a limit may allow a user.
pub const MAX_ACTIVE_LIMIT: u32 = 100_000;

/// The rules for new tokens and new secrets (`tokenctl policy`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenPolicy {
    /// Lifetime of a token made without an expiry, in seconds; a limit
    /// that applies to the token shortens it.
    pub default_lifetime_seconds: i64,
    /// Whether a token may be made never to expire.
    pub allow_never: bool,
    /// Whether creating a token, or regenerating one, needs a login
    /// session opened with a second factor (seed 003).
    pub create_requires_2fa: bool,
    /// How many active (not revoked, not expired) tokens one user may own.
    pub max_active_tokens_per_user: Option<u32>,
    /// The longest lifetimes, each for the tokens of a type, of a role,
    /// of both, or of any: every limit that matches a token holds.
    pub max_lifetimes: Vec<LifetimeLimit>,
}

/// The longest lifetime of the tokens it names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LifetimeLimit {
    /// Tokens of this type only (`personal`, `service`); `null`: any.
    #[serde(rename = "type")]
    pub kind: Option<TokenKind>,
    /// Tokens with this role only; `null`: any.
    pub role: Option<String>,
    pub max_seconds: i64,
}

impl Default for TokenPolicy {
    fn default() -> Self {
        TokenPolicy {
            default_lifetime_seconds: Duration::days(30).num_seconds(),
            allow_never: true,
            create_requires_2fa: false,
            max_active_tokens_per_user: None,
            max_lifetimes: Vec::new(),
        }
    }
}

/// A change to the policy (`policy set`, `PATCH /v1/policy`): what it
/// leaves out stays as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyChange {
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "not_null"
    )]
    pub default_lifetime_seconds: Option<i64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "not_null"
    )]
    pub allow_never: Option<bool>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "not_null"
    )]
    pub create_requires_2fa: Option<bool>,
    /// `null` lifts the limit.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub max_active_tokens_per_user: Option<Option<u32>>,
    /// Limits to set (`max_seconds`) or to lift (`max_seconds: null`).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::json_object::objects"
    )]
    pub max_lifetimes: Vec<LimitChange>,
}

/// One lifetime limit set, or lifted when `max_seconds` is `null`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitChange {
    #[serde(rename = "type", default)]
    pub kind: Option<TokenKind>,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub max_seconds: Option<i64>,
}

/// A field that may be left out but, when sent, is not `null` (the
/// document says which fields may be).
fn not_null<'de, D, T>(deserializer: D) -> std::result::Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(deserializer).map(Some)
}

/// A field that was sent, even as `null`: `Some(None)`.
fn present<'de, D, T>(deserializer: D) -> std::result::Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// A token that breaks the policy as it stands (`policy check`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenBreach {
    pub token: Token,
    /// The rule it breaks, in the words of a refusal.
    pub rule: String,
}

/// A user holding more active tokens than the policy allows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnerBreach {
    pub owner: String,
    pub active_tokens: u64,
    pub max: u32,
}

/// What `policy check` found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyCheck {
    pub tokens: Vec<TokenBreach>,
    pub owners: Vec<OwnerBreach>,
}

impl LifetimeLimit {
    fn applies(&self, kind: TokenKind, role: &str) -> bool {
        self.kind.is_none_or(|own| own == kind)
            && self.role.as_deref().is_none_or(|own| own == role)
    }

    fn same_subject(&self, kind: Option<TokenKind>, role: Option<&str>) -> bool {
        self.kind == kind && self.role.as_deref() == role
    }

    pub fn max(&self) -> Duration {
        Duration::seconds(self.max_seconds)
    }

    /// Which tokens it names: "service tokens of role developer".
    pub fn subject(&self) -> String {
        subject(self.kind, self.role.as_deref())
    }

    /// The rule, as a refusal names it.
    pub fn rule(&self) -> String {
        format!(
            "{} may live at most {}",
            self.subject(),
            time::compact(self.max())
        )
    }
}

/// "service tokens of role developer", "tokens of role ci", "service
/// tokens", "tokens".
pub fn subject(kind: Option<TokenKind>, role: Option<&str>) -> String {
    let tokens = match kind {
        Some(kind) => format!("{kind} tokens"),
        None => "tokens".to_owned(),
    };
    match role {
        Some(role) => format!("{tokens} of role {role}"),
        None => tokens,
    }
}

impl TokenPolicy {
    pub fn default_lifetime(&self) -> Duration {
        Duration::seconds(self.default_lifetime_seconds)
    }

    /// The change that makes the defaults into this policy.
    pub fn as_change(&self) -> PolicyChange {
        PolicyChange {
            default_lifetime_seconds: Some(self.default_lifetime_seconds),
            allow_never: Some(self.allow_never),
            create_requires_2fa: Some(self.create_requires_2fa),
            max_active_tokens_per_user: Some(self.max_active_tokens_per_user),
            max_lifetimes: self
                .max_lifetimes
                .iter()
                .map(|limit| LimitChange {
                    kind: limit.kind,
                    role: limit.role.clone(),
                    max_seconds: Some(limit.max_seconds),
                })
                .collect(),
        }
    }

    /// The limit that binds a token of `kind` and `role`: the shortest of
    /// those that apply.
    pub fn binding_limit(&self, kind: TokenKind, role: &str) -> Option<&LifetimeLimit> {
        self.max_lifetimes
            .iter()
            .filter(|limit| limit.applies(kind, role))
            .min_by_key(|limit| limit.max_seconds)
    }

    /// The expiry of a new secret for a token of `kind` and `role`: the
    /// one asked for, or why the policy refuses it — never a shorter one
    /// in its place. Without a request, the default lifetime, shortened to
    /// the binding limit.
    pub fn expiry(
        &self,
        requested: Option<Expiry>,
        kind: TokenKind,
        role: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<DateTime<Utc>>> {
        let limit = self.binding_limit(kind, role);
        let Some(requested) = requested else {
            let lifetime = limit.map_or(self.default_lifetime(), |limit| {
                limit.max().min(self.default_lifetime())
            });
            return Ok(Some(now + lifetime));
        };
        let Some(expires_at) = requested.resolve(now) else {
            if !self.allow_never {
                return Err(Error::invalid(
                    "tokens without expiry are not allowed here (the token policy)",
                )
                .because(Reason::ExpiryRequired));
            }
            return match limit {
                Some(limit) => Err(too_long(limit)),
                None => Ok(None),
            };
        };
        if expires_at <= now {
            return Err(Error::invalid(format!(
                "the expiry {} is in the past",
                expires_at.format("%Y-%m-%d %H:%M:%S UTC")
            )));
        }
        match limit {
            Some(limit) if expires_at - now > limit.max() => Err(too_long(limit)),
            _ => Ok(Some(expires_at)),
        }
    }

    /// Whether `actor` may be handed a new secret under this policy: with
    /// `create_requires_2fa`, only through a login session opened with a
    /// second factor. The OS user of a local store has no login to ask
    /// of: the file is the boundary.
    pub fn check_creator(&self, actor: &Actor) -> Result<()> {
        if !self.create_requires_2fa || actor.credential == Credential::Local {
            return Ok(());
        }
        if matches!(actor.credential, Credential::Session(_)) && actor.second_factor {
            return Ok(());
        }
        Err(Error::denied(
            "the token policy needs a login with two-factor authentication to create or regenerate a token",
        )
        .because(Reason::SecondFactorRequired))
    }

    /// The rule `token` breaks as the policy stands now, if any: a lifetime
    /// left that a new token could not be given, or no expiry at all.
    pub fn breach(&self, token: &Token, now: DateTime<Utc>) -> Option<String> {
        let limit = self.binding_limit(token.kind, &token.role);
        match token.expires_at {
            None if !self.allow_never => {
                Some("tokens without expiry are not allowed here".to_owned())
            }
            None => limit.map(LifetimeLimit::rule),
            Some(at) => limit
                .filter(|limit| at - now > limit.max())
                .map(LifetimeLimit::rule),
        }
    }

    /// The policy with `change` made, or why the change is refused.
    /// Role names are only checked as names here; the service checks that
    /// the roles exist.
    pub fn changed(&self, change: &PolicyChange) -> Result<TokenPolicy> {
        let mut policy = self.clone();
        if let Some(seconds) = change.default_lifetime_seconds {
            policy.default_lifetime_seconds = lifetime_seconds("the default lifetime", seconds)?;
        }
        if let Some(allow) = change.allow_never {
            policy.allow_never = allow;
        }
        if let Some(required) = change.create_requires_2fa {
            policy.create_requires_2fa = required;
        }
        if let Some(max) = change.max_active_tokens_per_user {
            if let Some(max) = max
                && !(1..=MAX_ACTIVE_LIMIT).contains(&max)
            {
                return Err(Error::invalid(format!(
                    "the most active tokens per user must be between 1 and {MAX_ACTIVE_LIMIT}"
                )));
            }
            policy.max_active_tokens_per_user = max;
        }
        if change.max_lifetimes.len() > MAX_LIMITS {
            return Err(Error::invalid(format!(
                "a change names at most {MAX_LIMITS} lifetime limits"
            )));
        }
        for limit in &change.max_lifetimes {
            policy.change_limit(limit)?;
        }
        Ok(policy)
    }

    fn change_limit(&mut self, change: &LimitChange) -> Result<()> {
        if let Some(role) = &change.role {
            super::check_name("role", role)?;
        }
        let role = change.role.as_deref();
        self.max_lifetimes
            .retain(|limit| !limit.same_subject(change.kind, role));
        let Some(seconds) = change.max_seconds else {
            return Ok(());
        };
        let what = format!("the longest lifetime of {}", subject(change.kind, role));
        self.max_lifetimes.push(LifetimeLimit {
            kind: change.kind,
            role: change.role.clone(),
            max_seconds: lifetime_seconds(&what, seconds)?,
        });
        if self.max_lifetimes.len() > MAX_LIMITS {
            return Err(Error::invalid(format!(
                "a token policy holds at most {MAX_LIMITS} lifetime limits"
            )));
        }
        self.max_lifetimes
            .sort_by_key(|limit| (limit.kind.map(TokenKind::as_str), limit.role.clone()));
        Ok(())
    }

    /// What a change did, for its audit entry: "max lifetime of service
    /// tokens 90d, allow never false".
    pub fn describe(change: &PolicyChange) -> String {
        let mut parts = Vec::new();
        if let Some(seconds) = change.default_lifetime_seconds {
            parts.push(format!(
                "default lifetime {}",
                time::compact(Duration::seconds(seconds))
            ));
        }
        if let Some(allow) = change.allow_never {
            parts.push(format!("allow never {allow}"));
        }
        if let Some(required) = change.create_requires_2fa {
            parts.push(format!("create requires 2fa {required}"));
        }
        if let Some(max) = change.max_active_tokens_per_user {
            parts.push(match max {
                Some(max) => format!("max active tokens per user {max}"),
                None => "no max active tokens per user".to_owned(),
            });
        }
        for limit in &change.max_lifetimes {
            let subject = subject(limit.kind, limit.role.as_deref());
            parts.push(match limit.max_seconds {
                Some(seconds) => format!(
                    "max lifetime of {subject} {}",
                    time::compact(Duration::seconds(seconds))
                ),
                None => format!("no max lifetime of {subject}"),
            });
        }
        if parts.is_empty() {
            "nothing changed".to_owned()
        } else {
            parts.join(", ")
        }
    }
}

fn too_long(limit: &LifetimeLimit) -> Error {
    Error::invalid(format!("{} (the token policy)", limit.rule())).because(
        Reason::LifetimeTooLong {
            max_seconds: limit.max_seconds,
        },
    )
}

fn lifetime_seconds(what: &str, seconds: i64) -> Result<i64> {
    if seconds < MIN_LIFETIME.num_seconds() || seconds > time::MAX_SPAN_SECONDS {
        return Err(Error::invalid(format!(
            "{what} must be between {} and 200 years",
            time::compact(MIN_LIFETIME)
        )));
    }
    Ok(seconds)
}

#[cfg(test)]
mod tests;
