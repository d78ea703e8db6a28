//! Expiry notices: nobody should be surprised by a token that stops
//! working. A server looks at start and every minute for tokens whose
//! expiry is within one of its lead times (`serve --expiry-notices`, 30, 7
//! and 1 days by default), and sends `token.expiring` once per token and
//! lead time, then `token.expired` once it lapsed — once across restarts
//! and replicas, since the store takes each notice once, with its audit
//! entry and its webhook messages.

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};

use crate::error::{Error, Result};
use crate::store::AuditRecord;
use crate::webhook::{self, TokenFacts};

use super::TokenService;

/// How often a server looks for notices that are due.
const CHECK_EVERY: std::time::Duration = std::time::Duration::from_secs(60);

/// How long after its expiry a token still gets `token.expired`: one that
/// lapsed long before the server looked (or before notices existed) is
/// old news.
const EXPIRED_WITHIN: Duration = Duration::days(1);

/// How long after its expiry `tokenctl notices` still shows a token: a
/// week of daily cron runs, or a person back from a few days away.
pub const EXPIRED_SHOWN_FOR: Duration = Duration::days(7);

/// The longest lead time accepted.
const MAX_LEAD: Duration = Duration::days(365);

/// The lead times before expiry at which owners hear of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpiryNotices {
    /// Shortest first, each once.
    leads: Vec<Duration>,
}

impl Default for ExpiryNotices {
    fn default() -> Self {
        ExpiryNotices {
            leads: vec![Duration::days(1), Duration::days(7), Duration::days(30)],
        }
    }
}

/// The notice due for a token now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// Its expiry is at most this far.
    Expiring(Duration),
    Expired,
}

impl Notice {
    /// How the store records it: `"7d"`, `"12h"`, or `"expired"`.
    pub fn label(self) -> String {
        match self {
            Notice::Expiring(lead) => crate::time::compact(lead),
            Notice::Expired => "expired".to_owned(),
        }
    }
}

impl ExpiryNotices {
    /// Lead times between 1 minute and 365 days, in any order.
    pub fn new(mut leads: Vec<Duration>) -> Result<ExpiryNotices> {
        if leads
            .iter()
            .any(|lead| *lead < Duration::minutes(1) || *lead > MAX_LEAD)
        {
            return Err(Error::invalid(
                "each --expiry-notices lead time must be between 1m and 365d",
            ));
        }
        leads.sort();
        leads.dedup();
        Ok(ExpiryNotices { leads })
    }

    /// The longest lead time: how far ahead notices look.
    pub fn longest(&self) -> Option<Duration> {
        self.leads.last().copied()
    }

    /// The notice due at `now` for a token expiring at `expires_at`: the
    /// shortest lead time its expiry is within (a token made with 20 hours
    /// left gets the 1-day notice, not the 30- and 7-day ones), `Expired`
    /// once it lapsed; `None` while its expiry is further than every lead.
    pub fn due(&self, expires_at: DateTime<Utc>, now: DateTime<Utc>) -> Option<Notice> {
        if expires_at <= now {
            return Some(Notice::Expired);
        }
        let left = expires_at - now;
        self.leads
            .iter()
            .find(|lead| left <= **lead)
            .map(|lead| Notice::Expiring(*lead))
    }
}

/// A notice due about one of a user's own tokens (`tokenctl notices`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenNotice {
    pub token: crate::model::Token,
    pub notice: Notice,
}

impl TokenNotice {
    /// One line for a person: what, when, and what to do.
    pub fn message(&self, now: DateTime<Utc>) -> String {
        let token = &self.token;
        let when = token
            .expires_at
            .map_or_else(String::new, |at| crate::time::relative(at, now));
        match self.notice {
            Notice::Expiring(_) => format!(
                "token '{}' ({}) expires {when}: create its replacement (tokenctl create) before then",
                token.name, token.hint
            ),
            Notice::Expired => format!(
                "token '{}' ({}) expired {when}: whatever uses it fails now; create a new one (tokenctl create)",
                token.name, token.hint
            ),
        }
    }
}

/// Which of `tokens` need their owner's attention at `now`, soonest
/// expiry first: those a notice is due for (the server's lead times, 30, 7
/// and 1 days by default) and those that lapsed within
/// [`EXPIRED_SHOWN_FOR`]. Revoked tokens need nothing.
pub fn needing_attention(
    notices: &ExpiryNotices,
    tokens: impl IntoIterator<Item = crate::model::Token>,
    now: DateTime<Utc>,
) -> Vec<TokenNotice> {
    let mut due: Vec<TokenNotice> = tokens
        .into_iter()
        .filter(|token| token.revoked_at.is_none())
        .filter_map(|token| {
            let expires_at = token.expires_at?;
            if expires_at <= now - EXPIRED_SHOWN_FOR {
                return None;
            }
            let notice = notices.due(expires_at, now)?;
            Some(TokenNotice { token, notice })
        })
        .collect();
    due.sort_by_key(|due| (due.token.expires_at, due.token.id));
    due
}

impl TokenService {
    /// Notices the server is to send about expiring tokens.
    pub fn with_expiry_notices(mut self, notices: ExpiryNotices) -> TokenService {
        self.expiry_notices = notices;
        self
    }

    /// Sends every notice due now that no process has sent yet; how many
    /// this call sent.
    pub async fn send_expiry_notices(&self) -> Result<usize> {
        let now = self.now();
        let Some(longest) = self.expiry_notices.longest() else {
            return Ok(0);
        };
        let candidates = self
            .store
            .expiring_tokens(now - EXPIRED_WITHIN, now + longest)
            .await?;
        let mut sent = 0;
        for candidate in candidates {
            let token = &candidate.token;
            let Some(expires_at) = token.expires_at else {
                continue;
            };
            let Some(notice) = self.expiry_notices.due(expires_at, now) else {
                continue;
            };
            let label = notice.label();
            if candidate.notices_sent.contains(&label) {
                continue;
            }
            let audit = notice_record(token, notice, &label, now)?;
            if self
                .store
                .record_expiry_notice(token.id, &label, audit)
                .await?
            {
                sent += 1;
            }
        }
        Ok(sent)
    }
}

/// The audit entry (and webhook event) of a notice about `token`.
fn notice_record(
    token: &crate::model::Token,
    notice: Notice,
    label: &str,
    now: DateTime<Utc>,
) -> Result<AuditRecord> {
    let facts = TokenFacts::from(token);
    let (action, detail, event) = match notice {
        Notice::Expiring(_) => {
            let left = token.expires_at.map_or(0, |at| (at - now).num_days());
            let detail = format!(
                "token '{}' ({}) of {} expires within {label}",
                token.name, token.hint, token.owner
            );
            let event = webhook::token_expiring(facts, label, left, now)?;
            ("token.expiring", detail, event)
        }
        Notice::Expired => {
            let detail = format!(
                "token '{}' ({}) of {} expired",
                token.name, token.hint, token.owner
            );
            ("token.expired", detail, webhook::token_expired(facts, now)?)
        }
    };
    Ok(AuditRecord {
        at: now,
        actor: "tokenctl".to_owned(),
        action,
        token_id: Some(token.id),
        detail,
        source: "expiry notices".to_owned(),
        via_token: None,
        event: Some(event),
    })
}

/// Sends the notices due at start, then every minute, for as long as the
/// process runs (a server's job).
pub fn start_expiry_notices(service: Arc<TokenService>) {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(CHECK_EVERY);
        loop {
            ticks.tick().await;
            match service.send_expiry_notices().await {
                Ok(0) => {}
                Ok(sent) => tracing::info!(sent, "expiry notices sent"),
                Err(error) => tracing::warn!(%error, "cannot send expiry notices"),
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notice_due_is_the_shortest_lead_the_expiry_is_within() {
        let notices = ExpiryNotices::default();
        let now = crate::time::now();
        let due = |left: Duration| notices.due(now + left, now);
        assert_eq!(due(Duration::days(31)), None);
        assert_eq!(
            due(Duration::days(30)),
            Some(Notice::Expiring(Duration::days(30)))
        );
        assert_eq!(
            due(Duration::days(8)),
            Some(Notice::Expiring(Duration::days(30)))
        );
        assert_eq!(
            due(Duration::days(7)),
            Some(Notice::Expiring(Duration::days(7)))
        );
        assert_eq!(
            due(Duration::hours(20)),
            Some(Notice::Expiring(Duration::days(1)))
        );
        assert_eq!(due(Duration::zero()), Some(Notice::Expired));
        assert_eq!(due(-Duration::hours(1)), Some(Notice::Expired));
        assert_eq!(Notice::Expiring(Duration::days(7)).label(), "7d");
        assert_eq!(Notice::Expired.label(), "expired");
    }

    fn token(id: i64, expires_at: Option<DateTime<Utc>>, revoked: bool) -> crate::model::Token {
        let now = crate::time::now();
        serde_json::from_value(serde_json::json!({
            "id": id, "name": format!("t{id}"), "type": "personal", "role": "developer",
            "permissions": [], "description": "", "owner": "alice", "created_by": "alice",
            "hint": "tcpat_…abcd", "created_at": now.to_rfc3339(),
            "expires_at": expires_at.map(|at| at.to_rfc3339()),
            "revoked_at": revoked.then(|| now.to_rfc3339()),
        }))
        .expect("a token")
    }

    #[test]
    fn attention_goes_to_tokens_near_or_just_past_expiry_soonest_first() {
        let now = crate::time::now();
        let tokens = vec![
            token(1, Some(now + Duration::days(20)), false),
            token(2, Some(now + Duration::days(40)), false),
            token(3, None, false),
            token(4, Some(now - Duration::days(2)), false),
            token(5, Some(now - Duration::days(8)), false),
            token(6, Some(now + Duration::hours(3)), true),
            token(7, Some(now + Duration::hours(3)), false),
        ];
        let due = needing_attention(&ExpiryNotices::default(), tokens, now);
        let seen: Vec<(i64, Notice)> = due.iter().map(|d| (d.token.id, d.notice)).collect();
        assert_eq!(
            seen,
            [
                (4, Notice::Expired),
                (7, Notice::Expiring(Duration::days(1))),
                (1, Notice::Expiring(Duration::days(30))),
            ]
        );
        assert!(
            due[0].message(now).contains("expired 2d ago"),
            "{}",
            due[0].message(now)
        );
        assert!(
            due[1]
                .message(now)
                .contains("'t7' (tcpat_…abcd) expires in")
        );
    }

    #[test]
    fn lead_times_are_bounded_and_deduplicated() {
        let notices = ExpiryNotices::new(vec![
            Duration::days(7),
            Duration::hours(12),
            Duration::days(7),
        ])
        .expect("valid");
        assert_eq!(notices.leads, [Duration::hours(12), Duration::days(7)]);
        assert!(ExpiryNotices::new(vec![Duration::seconds(30)]).is_err());
        assert!(ExpiryNotices::new(vec![Duration::days(366)]).is_err());
        assert_eq!(
            ExpiryNotices::new(Vec::new()).expect("none").longest(),
            None
        );
    }
}
