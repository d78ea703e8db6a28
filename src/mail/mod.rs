//! Notices by mail (`serve --smtp`): the second channel beside webhooks.
//!
//! `text.rs` says what each mail says (plain text, never a secret: a token
//! by name and hint, and what to do); `smtp.rs` is the mail channel of the
//! outbox (`outbox.rs`), sending what the store's mail outbox holds through
//! the server's SMTP relay, over TLS or STARTTLS.
//!
//! Which change sends a mail is the service's decision: the event says so
//! (`Event::mail`) and the store writes the mail with the change, to the
//! address the token's owner has then.

mod smtp;
mod text;

pub use smtp::{MailSender, SmtpConfig};
pub use text::{expired, expiring, leaked};
