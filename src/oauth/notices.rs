//! Which OAuth tokens need attention (a token or its refresh token has expired, or soon will), and the one
//! line other commands print about them. Cheap on purpose: it reads the
//! small entries file and compares times — no keyring, no network.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{Entry, Grant};
use crate::time;

/// One entry that needs attention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notice {
    pub name: String,
    pub kind: NoticeKind,
    /// When the token (or refresh token) expired.
    pub since: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoticeKind {
    /// The access token expired; `oauth refresh` renews it.
    ExpiredToken,
    /// The access token expired and there is nothing to renew it with.
    ExpiredTokenNoRefresh,
    /// The refresh token expired: only a new authorization helps.
    ExpiredRefreshToken,
}

impl Notice {
    /// The command that fixes it.
    pub fn action(&self) -> String {
        match self.kind {
            NoticeKind::ExpiredToken => format!("tokenctl oauth refresh {}", self.name),
            _ => format!("tokenctl oauth request {}", self.name),
        }
    }

    pub fn message(&self, now: DateTime<Utc>) -> String {
        let ago = time::relative(self.since, now);
        match self.kind {
            NoticeKind::ExpiredToken => format!(
                "OAuth token '{}' expired {ago}: renew it with {}",
                self.name,
                self.action()
            ),
            NoticeKind::ExpiredTokenNoRefresh => format!(
                "OAuth token '{}' expired {ago} and cannot be refreshed: \
                 a new authorization is needed ({})",
                self.name,
                self.action()
            ),
            NoticeKind::ExpiredRefreshToken => format!(
                "the refresh token of OAuth token '{}' expired {ago}: \
                 a new authorization is needed ({})",
                self.name,
                self.action()
            ),
        }
    }
}

/// The notices the entries' `notify` settings ask for, by name.
pub fn notices(entries: &[Entry], now: DateTime<Utc>) -> Vec<Notice> {
    entries
        .iter()
        .filter_map(|entry| notice(entry, now))
        .collect()
}

fn notice(entry: &Entry, now: DateTime<Utc>) -> Option<Notice> {
    let token = entry.token.as_ref()?;
    let make = |kind, since| {
        Some(Notice {
            name: entry.name.clone(),
            kind,
            since,
        })
    };
    if entry.notify.expired_refresh_token
        && token.has_refresh_token
        && let Some(at) = token.refresh_expires_at.filter(|at| *at <= now)
    {
        return make(NoticeKind::ExpiredRefreshToken, at);
    }
    let expired = token.expires_at.filter(|at| *at <= now)?;
    if !entry.notify.expired_token {
        return None;
    }
    let renewable = token.grant == Grant::ClientCredentials
        || token.has_refresh_token && token.refresh_expires_at.is_none_or(|at| at > now);
    let kind = if renewable {
        NoticeKind::ExpiredToken
    } else {
        NoticeKind::ExpiredTokenNoRefresh
    };
    make(kind, expired)
}

/// The entries that never got a token: set up, but not yet requested
/// (`oauth status` names them; the notice after other commands does not,
/// so that the command after `oauth add` does not nag).
pub fn never_requested(entries: &[Entry]) -> Vec<&str> {
    entries
        .iter()
        .filter(|entry| entry.token.is_none())
        .map(|entry| entry.name.as_str())
        .collect()
}

/// What `oauth status` says of an entry that never got a token.
pub fn never_requested_message(name: &str) -> String {
    format!("OAuth token '{name}' has no token yet: get one with tokenctl oauth request {name}")
}

/// Personal tokens of the current user that expire soon, for the notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpiringTokens {
    /// Names, soonest first.
    pub names: Vec<String>,
    pub first_expires_at: DateTime<Utc>,
}

/// The one notice line, or `None` when nothing needs attention.
pub fn line(
    notices: &[Notice],
    expiring: Option<&ExpiringTokens>,
    now: DateTime<Utc>,
) -> Option<String> {
    let mut parts = Vec::new();
    match notices {
        [] => {}
        [one] => parts.push(one.message(now)),
        many => {
            let names: Vec<&str> = many.iter().map(|notice| notice.name.as_str()).collect();
            parts.push(format!(
                "{} OAuth tokens need attention ({}): see tokenctl oauth status",
                many.len(),
                names.join(", ")
            ));
        }
    }
    if let Some(expiring) = expiring.filter(|expiring| !expiring.names.is_empty()) {
        let when = time::relative(expiring.first_expires_at, now);
        parts.push(match expiring.names.as_slice() {
            [one] => format!("your token '{one}' expires {when}"),
            many => format!(
                "{} of your tokens expire within 7 days, the first {when} ({})",
                many.len(),
                many.join(", ")
            ),
        });
    }
    (!parts.is_empty()).then(|| format!("notice: {}", parts.join("; ")))
}
