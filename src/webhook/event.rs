//! What each event's body says: `{"type", "timestamp", "data"}` as Standard
//! Webhooks recommends, with the token or account it is about. Never a
//! secret: a token appears by id, name and hint only. The events its owner
//! must hear of (expiring, expired, leaked) carry a mail too (`mail`).

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Value, json};

use crate::error::{Error, Result};
use crate::model::{EventKind, Id, Token, TokenKind, User};
use crate::store::Event;

/// What an event says of a token: never its secret, only its hint.
#[derive(Debug, Clone, Copy)]
pub struct TokenFacts<'a> {
    /// 0 for a token the store has yet to give an id to: it stamps it
    /// (`AuditRecord::stamp_token_id`).
    pub id: Id,
    pub name: &'a str,
    pub kind: TokenKind,
    pub hint: &'a str,
    pub owner: &'a str,
    pub role: &'a str,
    pub expires_at: Option<DateTime<Utc>>,
}

impl<'a> From<&'a Token> for TokenFacts<'a> {
    fn from(token: &'a Token) -> TokenFacts<'a> {
        TokenFacts {
            id: token.id,
            name: &token.name,
            kind: token.kind,
            hint: &token.hint,
            owner: &token.owner,
            role: &token.role,
            expires_at: token.expires_at,
        }
    }
}

/// An event about a token: created, revoked (with the reason given, if
/// any), regenerated or leaked.
pub fn token_event(
    kind: EventKind,
    token: TokenFacts<'_>,
    actor: &str,
    reason: Option<&str>,
    at: DateTime<Utc>,
) -> Result<Event> {
    let mut data = json!({"token": token_data(token), "actor": actor});
    if let Some(reason) = reason {
        data["reason"] = Value::from(reason);
    }
    let mut event = event(kind, data, at, None)?;
    if kind == EventKind::TokenLeaked {
        event.mail = Some(crate::mail::leaked(
            token,
            reason.unwrap_or("reported leaked"),
        ));
    }
    Ok(event)
}

/// A token's expiry is `notice` away (`"7d"`): `days_left` whole days.
pub fn token_expiring(
    token: TokenFacts<'_>,
    notice: &str,
    days_left: i64,
    at: DateTime<Utc>,
) -> Result<Event> {
    let data = json!({"token": token_data(token), "notice": notice, "days_left": days_left});
    let mut event = event(EventKind::TokenExpiring, data, at, None)?;
    event.mail = Some(crate::mail::expiring(token, notice, days_left));
    Ok(event)
}

/// A token lapsed.
pub fn token_expired(token: TokenFacts<'_>, at: DateTime<Utc>) -> Result<Event> {
    let data = json!({"token": token_data(token)});
    let mut event = event(EventKind::TokenExpired, data, at, None)?;
    event.mail = Some(crate::mail::expired(token));
    Ok(event)
}

fn token_data(token: TokenFacts<'_>) -> Value {
    json!({
        "id": token.id,
        "name": token.name,
        "type": token.kind,
        "hint": token.hint,
        "owner": token.owner,
        "role": token.role,
        "expires_at": token.expires_at.map(timestamp),
    })
}

/// An account was disabled: its tokens and sessions stop working.
pub fn user_disabled(user: &User, actor: &str, at: DateTime<Utc>) -> Result<Event> {
    let data = json!({"user": {"name": user.name, "role": user.role}, "actor": actor});
    event(EventKind::UserDisabled, data, at, None)
}

/// A burst of failed logins on the account `name` from `source`: the
/// failure that locked it out until `locked_until`. `name` may be no
/// account at all (names are throttled alike).
pub fn login_failed(
    name: &str,
    source: &str,
    failures: i64,
    locked_until: DateTime<Utc>,
    at: DateTime<Utc>,
) -> Result<Event> {
    let data = json!({
        "user": {"name": name},
        "source": source,
        "failures": failures,
        "locked_until": timestamp(locked_until),
    });
    event(EventKind::LoginFailed, data, at, None)
}

/// The message `webhook test` sends to the one webhook tested.
pub fn webhook_test(webhook: Id, actor: &str, at: DateTime<Utc>) -> Result<Event> {
    let data = json!({"webhook_id": webhook, "actor": actor});
    event(EventKind::WebhookTest, data, at, Some(webhook))
}

fn event(
    kind: EventKind,
    data: Value,
    at: DateTime<Utc>,
    only_webhook: Option<Id>,
) -> Result<Event> {
    let mut body = serde_json::Map::new();
    body.insert("type".to_owned(), Value::from(kind.as_str()));
    body.insert("timestamp".to_owned(), Value::from(timestamp(at)));
    body.insert("data".to_owned(), data);
    Ok(Event {
        kind,
        message_id: message_id()?,
        payload: Value::Object(body),
        only_webhook,
        mail: None,
    })
}

fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// `msg_` and 128 random bits: unique across every store and replica.
fn message_id() -> Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes)
        .map_err(|error| Error::internal(format!("no randomness for a message id: {error}")))?;
    let hex: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
    Ok(format!("msg_{hex}"))
}
