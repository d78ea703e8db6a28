//! Webhooks: events any tool can consume, signed per Standard Webhooks.
//!
//! One concern a file: `signing.rs` (the `whsec_` secret and the
//! signature headers), `event.rs` (what each event's body says),
//! `target.rs` (which receivers may be sent to: no private addresses unless
//! the server allows them) and `sender.rs` (the webhook channel of the
//! outbox: signs and posts each message; `outbox.rs` leases, retries and
//! sweeps, for mail alike).
//!
//! The service decides which change sends which event and writes the
//! message with the change (the store's outbox); nothing here decides what
//! happened, only how it is told.

mod event;
mod sender;
mod signing;
mod target;

pub use event::{
    TokenFacts, login_failed, token_event, token_expired, token_expiring, user_disabled,
    webhook_test,
};
pub use sender::{Sender, SenderConfig};
pub use signing::{SECRET_PURPOSE, WebhookSecret, signature};
pub use target::{Reach, check_url};
