//! The row layout every SQL store shares: which columns a query selects, in
//! which order, and how they become model values.
//!
//! Each store implements [`Columns`] for its driver's row type; the decoding
//! itself exists once, so SQLite and PostgreSQL cannot drift apart.
//! Rows are read by position, in the order of the `*_COLUMNS` lists: looking
//! a column up by name costs a string scan per value, which showed up in
//! profiles of `list` over 100k tokens.

use std::str::FromStr;

use chrono::{DateTime, Utc};

use super::{Credentials, SecretMatch, StoreError, StoreResult};
use super::{DueDelivery, DueMail, Lease};
use crate::lockout::Failures;
use crate::model::{
    AuditEntry, ClaimRule, Delivery, DeliveryState, EventKind, Role, Session, Token, TokenKind,
    TrustPolicy, User, ViaToken, Webhook, permissions_from_str,
};

pub(super) const USER_COLUMNS: &str = "SELECT id, name, role, created_at, disabled_at,
        session_epoch, email, password_one_time, totp_secret IS NOT NULL,
        totp_enrolment_required, last_login_at, removed_at,
        (SELECT max(f.locked_until) FROM login_failures f WHERE f.name = users.name)
    FROM users";
/// [`USER_COLUMNS`] followed by what a login checks.
pub(super) const CREDENTIAL_COLUMNS: &str = "SELECT id, name, role, created_at, disabled_at,
        session_epoch, email, password_one_time, totp_secret IS NOT NULL,
        totp_enrolment_required, last_login_at, removed_at,
        (SELECT max(f.locked_until) FROM login_failures f WHERE f.name = users.name),
        password_hash, totp_secret, totp_pending_secret, totp_last_step,
        (SELECT count(*) FROM recovery_codes r WHERE r.user_id = users.id AND r.used_at IS NULL)
    FROM users";
pub(super) const ROLE_COLUMNS: &str = "SELECT name, description, permissions, builtin FROM roles";
/// The columns of a [`TrustPolicy`], owner and creator names joined in.
pub(super) const TRUST_COLUMNS: &str = "SELECT p.name, p.issuer, p.audience, p.claims, p.role,
        p.permissions, p.stripped_permissions, o.name, p.max_ttl, p.description, c.name,
        p.created_at
    FROM trust_policies p
    JOIN users o ON o.id = p.owner_id
    JOIN users c ON c.id = p.created_by";
/// The columns of a [`Webhook`], its creator's name joined in.
pub(super) const WEBHOOK_COLUMNS: &str = "SELECT w.id, w.url, w.events, w.description, c.name,
        w.created_at
    FROM webhooks w
    JOIN users c ON c.id = w.created_by";
/// The columns of a [`Delivery`].
pub(super) const DELIVERY_COLUMNS: &str = "SELECT d.id, d.webhook_id, d.message_id, d.event,
        d.attempts, d.created_at, d.next_attempt_at, d.delivered_at, d.last_status, d.last_error
    FROM webhook_deliveries d";
/// The columns of a [`DueDelivery`]: what sending it takes.
pub(super) const DUE_DELIVERY_COLUMNS: &str = "SELECT d.id, d.message_id, d.attempts,
        d.created_at, d.payload, w.url, w.sealed_secret
    FROM webhook_deliveries d
    JOIN webhooks w ON w.id = d.webhook_id";
pub(super) const DUE_MAIL_COLUMNS: &str = "SELECT id, message_id, attempts, created_at,
        recipient, subject, body
    FROM mail_outbox";
pub(super) const AUDIT_COLUMNS: &str =
    "SELECT id, at, actor, action, token_id, detail, source, via_token_id, via_token_hint
     FROM audit";

/// The columns of a [`Token`], owner and creator names joined in, and the
/// permissions of the owner's role now: a token's effective permissions are
/// worked out from them in the same query, so no path (the verify hot path
/// included) can use a token without its owner's current limits.
pub(super) const TOKEN_COLUMNS: &str = "SELECT t.id, t.name, t.kind, t.role, t.permissions,
        t.description, o.name AS owner, c.name AS created_by, t.hint, t.created_at,
        t.expires_at, t.revoked_at, t.last_used_at, t.regenerated_at,
        o.disabled_at IS NOT NULL AS owner_disabled, t.previous_valid_until,
        r.permissions AS owner_permissions, t.stripped_permissions,
        t.last_used_from, t.last_used_agent, t.max_idle_seconds, t.allowed_ips
    FROM tokens t
    JOIN users o ON o.id = t.owner_id
    JOIN users c ON c.id = t.created_by
    JOIN roles r ON r.name = o.role";

/// Typed access to one result row by column position.
pub(super) trait Columns {
    fn int(&self, index: usize) -> StoreResult<i64>;
    fn optional_int(&self, index: usize) -> StoreResult<Option<i64>>;
    fn text(&self, index: usize) -> StoreResult<String>;
    fn optional_text(&self, index: usize) -> StoreResult<Option<String>>;
    fn flag(&self, index: usize) -> StoreResult<bool>;

    fn time(&self, index: usize) -> StoreResult<DateTime<Utc>> {
        timestamp(self.int(index)?)
    }

    fn optional_time(&self, index: usize) -> StoreResult<Option<DateTime<Utc>>> {
        self.optional_int(index)?.map(timestamp).transpose()
    }
}

/// Stored timestamps are Unix seconds, UTC.
fn timestamp(seconds: i64) -> StoreResult<DateTime<Utc>> {
    DateTime::from_timestamp(seconds, 0)
        .ok_or_else(|| StoreError::Database(format!("timestamp {seconds} out of range")))
}

fn corrupt(what: &str, reason: &str) -> StoreError {
    StoreError::Database(format!("unreadable {what} in the store: {reason}"))
}

pub(super) fn user_from_row(row: &dyn Columns) -> StoreResult<User> {
    Ok(User {
        id: row.int(0)?,
        name: row.text(1)?,
        role: row.text(2)?,
        created_at: row.time(3)?,
        disabled_at: row.optional_time(4)?,
        session_epoch: row.int(5)?,
        email: row.optional_text(6)?,
        password_change_required: row.flag(7)?,
        two_factor: row.flag(8)?,
        two_factor_enrolment_required: row.flag(9)?,
        last_login_at: row.optional_time(10)?,
        removed_at: row.optional_time(11)?,
        locked_until: row.optional_time(12)?,
    })
}

pub(super) fn credentials_from_row(row: &dyn Columns) -> StoreResult<Credentials> {
    Ok(Credentials {
        user: user_from_row(row)?,
        password_hash: row.optional_text(13)?,
        totp_secret: row.optional_text(14)?,
        totp_pending_secret: row.optional_text(15)?,
        totp_last_step: row.optional_int(16)?,
        recovery_codes_left: row.int(17)?,
    })
}

/// One (account, address) pair's failed logins.
pub(super) const FAILURE_COLUMNS: &str =
    "SELECT failures, locked_until, last_failed_at FROM login_failures";

pub(super) fn failures_from_row(row: &dyn Columns) -> StoreResult<Failures> {
    Ok(Failures {
        count: row.int(0)?,
        locked_until: row.optional_time(1)?,
        last_at: row.time(2)?,
    })
}

/// The columns of a [`Session`], its user's name joined in.
pub(super) const SESSION_COLUMNS: &str = "SELECT s.id, s.jti, u.name, s.created_at,
        s.expires_at, s.last_seen_at, s.address, s.user_agent, s.revoked_at
    FROM sessions s
    JOIN users u ON u.id = s.user_id";

pub(super) fn session_from_row(row: &dyn Columns) -> StoreResult<Session> {
    Ok(Session {
        id: row.int(0)?,
        jti: row.text(1)?,
        user: row.text(2)?,
        created_at: row.time(3)?,
        expires_at: row.time(4)?,
        last_seen_at: row.optional_time(5)?,
        address: row.text(6)?,
        user_agent: row.text(7)?,
        revoked_at: row.optional_time(8)?,
    })
}

pub(super) fn role_from_row(row: &dyn Columns) -> StoreResult<Role> {
    Ok(Role {
        name: row.text(0)?,
        description: row.text(1)?,
        permissions: permissions_from_str(&row.text(2)?).map_err(|e| corrupt("role", &e))?,
        builtin: row.flag(3)?,
    })
}

pub(super) fn trust_policy_from_row(row: &dyn Columns) -> StoreResult<TrustPolicy> {
    let permissions =
        |index| permissions_from_str(&row.text(index)?).map_err(|e| corrupt("trust policy", &e));
    Ok(TrustPolicy {
        name: row.text(0)?,
        issuer: row.text(1)?,
        audience: row.text(2)?,
        claims: claims_from_json(&row.text(3)?)?,
        role: row.optional_text(4)?,
        permissions: permissions(5)?,
        stripped_permissions: permissions(6)?,
        owner: row.text(7)?,
        max_ttl_seconds: row.int(8)?,
        description: row.text(9)?,
        created_by: row.text(10)?,
        created_at: row.time(11)?,
    })
}

/// A trust policy's claim rules as they are stored: a JSON array of
/// `{"key", "pattern"}`. An error, never an empty array, if they cannot be
/// written: a policy stored without its rules would admit far more.
pub(super) fn claims_to_json(claims: &[ClaimRule]) -> StoreResult<String> {
    serde_json::to_string(claims).map_err(|e| StoreError::Database(e.to_string()))
}

fn claims_from_json(text: &str) -> StoreResult<Vec<ClaimRule>> {
    serde_json::from_str(text).map_err(|e| corrupt("trust policy", &e.to_string()))
}

pub(super) fn token_from_row(row: &dyn Columns) -> StoreResult<Token> {
    let permissions = permission_set(row, 4)?;
    let owner_permissions = permission_set(row, 16)?;
    Ok(Token {
        id: row.int(0)?,
        name: row.text(1)?,
        kind: TokenKind::from_str(&row.text(2)?).map_err(|e| corrupt("token", &e))?,
        role: row.text(3)?,
        effective_permissions: Token::effective(&permissions, &owner_permissions),
        permissions,
        stripped_permissions: permission_set(row, 17)?,
        description: row.text(5)?,
        owner: row.text(6)?,
        created_by: row.text(7)?,
        hint: row.text(8)?,
        created_at: row.time(9)?,
        expires_at: row.optional_time(10)?,
        revoked_at: row.optional_time(11)?,
        last_used_at: row.optional_time(12)?,
        last_used_from: row.optional_text(18)?,
        last_used_agent: row.optional_text(19)?,
        regenerated_at: row.optional_time(13)?,
        max_idle_seconds: row.optional_int(20)?,
        allowed_ips: crate::network::split(&row.text(21)?).map_err(|e| corrupt("token", &e))?,
    })
}

fn permission_set(row: &dyn Columns, index: usize) -> StoreResult<crate::model::Permissions> {
    permissions_from_str(&row.text(index)?).map_err(|e| corrupt("token", &e))
}

/// A token found by its secret, with what `verify` also needs to know.
pub(super) fn secret_match_from_row(row: &dyn Columns) -> StoreResult<SecretMatch> {
    Ok(SecretMatch {
        token: token_from_row(row)?,
        owner_disabled: row.flag(14)?,
        previous_valid_until: row.optional_time(15)?,
    })
}

pub(super) fn audit_from_row(row: &dyn Columns) -> StoreResult<AuditEntry> {
    Ok(AuditEntry {
        id: row.int(0)?,
        at: row.time(1)?,
        actor: row.text(2)?,
        action: row.text(3)?,
        token_id: row.optional_int(4)?,
        detail: row.text(5)?,
        source: row.text(6)?,
        via_token: match (row.optional_int(7)?, row.optional_text(8)?) {
            (Some(id), Some(hint)) => Some(ViaToken { id, hint }),
            _ => None,
        },
    })
}

pub(super) fn webhook_from_row(row: &dyn Columns) -> StoreResult<Webhook> {
    Ok(Webhook {
        id: row.int(0)?,
        url: row.text(1)?,
        events: events_from_str(&row.text(2)?)?,
        description: row.text(3)?,
        created_by: row.text(4)?,
        created_at: row.time(5)?,
    })
}

/// A webhook's events as they are stored: their names, space separated
/// (the outbox's fan-out matches one with `LIKE '% name %'`).
pub(super) fn events_to_str(events: &[EventKind]) -> String {
    let names: Vec<&str> = events.iter().map(|event| event.as_str()).collect();
    names.join(" ")
}

fn events_from_str(text: &str) -> StoreResult<Vec<EventKind>> {
    text.split_whitespace()
        .map(|name| EventKind::from_str(name).map_err(|e| corrupt("webhook", &e)))
        .collect()
}

pub(super) fn delivery_from_row(row: &dyn Columns) -> StoreResult<Delivery> {
    let next_attempt_at = row.optional_time(6)?;
    let delivered_at = row.optional_time(7)?;
    let state = match (delivered_at, next_attempt_at) {
        (Some(_), _) => DeliveryState::Delivered,
        (None, Some(_)) => DeliveryState::Pending,
        (None, None) => DeliveryState::Failed,
    };
    let last_status = row
        .optional_int(8)?
        .map(|status| u16::try_from(status).map_err(|e| corrupt("delivery", &e.to_string())))
        .transpose()?;
    Ok(Delivery {
        id: row.int(0)?,
        webhook_id: row.int(1)?,
        message_id: row.text(2)?,
        event: EventKind::from_str(&row.text(3)?).map_err(|e| corrupt("delivery", &e))?,
        state,
        attempts: row.int(4)?,
        created_at: row.time(5)?,
        next_attempt_at,
        delivered_at,
        last_status,
        last_error: row.text(9)?,
    })
}

/// The outbox tables: webhook messages and mails, leased alike.
#[derive(Debug, Clone, Copy)]
pub(super) enum Outbox {
    Webhooks,
    Mail,
}

impl Outbox {
    pub(super) fn table(self) -> &'static str {
        match self {
            Outbox::Webhooks => "webhook_deliveries",
            Outbox::Mail => "mail_outbox",
        }
    }
}

/// The first four columns of an outbox row (`DUE_*_COLUMNS`).
fn lease_from_row(row: &dyn Columns) -> StoreResult<Lease> {
    Ok(Lease {
        id: row.int(0)?,
        message_id: row.text(1)?,
        attempts: row.int(2)?,
        created_at: row.time(3)?,
    })
}

pub(super) fn due_delivery_from_row(row: &dyn Columns) -> StoreResult<DueDelivery> {
    Ok(DueDelivery {
        lease: lease_from_row(row)?,
        payload: row.text(4)?,
        url: row.text(5)?,
        sealed_secret: row.text(6)?,
    })
}

pub(super) fn due_mail_from_row(row: &dyn Columns) -> StoreResult<DueMail> {
    Ok(DueMail {
        lease: lease_from_row(row)?,
        recipient: row.text(4)?,
        subject: row.text(5)?,
        body: row.text(6)?,
    })
}

/// `(token id, notice)` of an expiry notice sent.
pub(super) fn notice_from_row(row: &dyn Columns) -> StoreResult<(crate::model::Id, String)> {
    Ok((row.int(0)?, row.text(1)?))
}

/// The tokens of an expiry query, each with the notices sent about it
/// (`notices`: pairs of token id and notice, in any order).
pub(super) fn with_notices(
    tokens: Vec<Token>,
    notices: Vec<(crate::model::Id, String)>,
) -> Vec<super::ExpiringToken> {
    let mut sent: std::collections::HashMap<crate::model::Id, Vec<String>> =
        std::collections::HashMap::new();
    for (id, notice) in notices {
        sent.entry(id).or_default().push(notice);
    }
    tokens
        .into_iter()
        .map(|token| super::ExpiringToken {
            notices_sent: sent.remove(&token.id).unwrap_or_default(),
            token,
        })
        .collect()
}
