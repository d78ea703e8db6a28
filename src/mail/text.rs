//! What each notice mail says. Plain text for a person: which token (by
//! name, type and hint, never its secret), what happened or will, and what
//! to do about it.

use chrono::{DateTime, Utc};

use crate::store::Mail;
use crate::webhook::TokenFacts;

/// A token of `token.owner`'s expires in `days_left` days (the notice sent
/// `notice` before its expiry, `"7d"`).
pub fn expiring(token: TokenFacts<'_>, notice: &str, days_left: i64) -> Mail {
    let when = token.expires_at.map_or_else(String::new, at);
    let left = match days_left {
        0 => "today".to_owned(),
        1 => "in 1 day".to_owned(),
        days => format!("in {days} days"),
    };
    mail(
        token,
        &format!("Your token '{}' expires {left}", token.name),
        &format!(
            "your {} expires {when} ({left}; this is the notice {notice} before).\n\n\
             Whatever uses it stops working then. To keep it working, create a\n\
             replacement before then (tokenctl create), put it where this one is used,\n\
             and revoke this one (tokenctl revoke {}).",
            described(token),
            token.id
        ),
    )
}

/// A token of `token.owner`'s lapsed.
pub fn expired(token: TokenFacts<'_>) -> Mail {
    let when = token.expires_at.map_or_else(String::new, at);
    mail(
        token,
        &format!("Your token '{}' has expired", token.name),
        &format!(
            "your {} expired {when}.\n\n\
             Whatever still uses it fails now. If it is still needed, create a new one\n\
             (tokenctl create) and put it where this one was used.",
            described(token)
        ),
    )
}

/// A token of `token.owner`'s was found where others could read it and is
/// revoked (`reason`: where, as the report or scan said).
pub fn leaked(token: TokenFacts<'_>, reason: &str) -> Mail {
    mail(
        token,
        &format!("Your token '{}' leaked and was revoked", token.name),
        &format!(
            "your {} was found where others could read it, and was revoked at once:\n\
             {}\n\n\
             It no longer works, whoever holds it. Create a new one (tokenctl create),\n\
             put it where this one was used, and remove the leaked copy. Check\n\
             tokenctl audit --token {} for anything done with it before.",
            described(token),
            one_line(reason),
            token.id
        ),
    )
}

fn mail(token: TokenFacts<'_>, subject: &str, body: &str) -> Mail {
    Mail {
        to_user: token.owner.to_owned(),
        subject: format!("[tokenctl] {subject}"),
        body: format!(
            "Hello {},\n\n{body}\n\n-- \ntokenctl: this mail never contains a secret; \
             nobody from tokenctl asks you for one.\n",
            token.owner
        ),
    }
}

/// "personal token 'deploy' (tcpat_…Ab3x, ID 42, role developer)".
fn described(token: TokenFacts<'_>) -> String {
    format!(
        "{} token '{}' ({}, ID {}, role {})",
        token.kind.as_str(),
        token.name,
        token.hint,
        token.id,
        token.role
    )
}

fn at(instant: DateTime<Utc>) -> String {
    format!("on {}", instant.format("%Y-%m-%d at %H:%M UTC"))
}

/// Text from outside (a report's URL) on one line, without control
/// characters that could forge lines of the mail.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TokenKind;

    fn facts(expires_at: Option<DateTime<Utc>>) -> TokenFacts<'static> {
        TokenFacts {
            id: 42,
            name: "deploy",
            kind: TokenKind::Personal,
            hint: "tcpat_…Ab3x",
            owner: "alice",
            role: "developer",
            expires_at,
        }
    }

    #[test]
    fn each_mail_names_the_token_by_hint_and_says_what_to_do() {
        let at = chrono::DateTime::parse_from_rfc3339("2026-12-11T14:00:00Z")
            .expect("time")
            .to_utc();
        let soon = expiring(facts(Some(at)), "7d", 6);
        assert_eq!(soon.to_user, "alice");
        assert_eq!(
            soon.subject,
            "[tokenctl] Your token 'deploy' expires in 6 days"
        );
        assert!(
            soon.body
                .contains("personal token 'deploy' (tcpat_…Ab3x, ID 42, role developer)")
        );
        assert!(soon.body.contains("on 2026-12-11 at 14:00 UTC"));
        assert!(soon.body.contains("tokenctl revoke 42"));
        let gone = expired(facts(Some(at)));
        assert!(gone.subject.contains("has expired"));
        let leak = leaked(
            facts(None),
            "leaked: reported by github at https://x\r\nBcc: evil@example.com",
        );
        assert!(
            leak.body.contains("https://x  Bcc: evil@example.com"),
            "{}",
            leak.body
        );
        assert!(!leak.body.contains("\r"));
    }
}
