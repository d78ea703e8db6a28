//! The mail channel of the outbox: sends each leased mail through the
//! server's SMTP relay (`serve --smtp`), within a timeout.
//!
//! `smtps://` is TLS from the first byte (port 465); `smtp://` must upgrade
//! with STARTTLS (port 587) or nothing is sent, so no password or notice
//! crosses a network in the clear; only a relay on loopback (the host's
//! own mail daemon) is spoken to without TLS. The relay's password comes
//! from `TOKENCTL_SMTP_PASSWORD`, never from the URL (argv is public).

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration as StdDuration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use reqwest::Url;

use crate::error::{Error, Result};
use crate::model::Id;
use crate::outbox::{self, Channel, Leased, Outcome};
use crate::store::{Attempt, DueMail, Lease, Store, StoreResult};

/// How long one attempt may take, connecting included.
const ATTEMPT_TIMEOUT: StdDuration = StdDuration::from_secs(20);

/// Where and as whom notices are mailed.
#[derive(Clone)]
pub struct SmtpConfig {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    /// The URL as given (it holds no password), for logs.
    relay: String,
}

impl std::fmt::Debug for SmtpConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpConfig")
            .field("relay", &self.relay)
            .field("from", &self.from.to_string())
            .finish_non_exhaustive()
    }
}

impl SmtpConfig {
    /// `url`: `smtps://[user@]host[:port]` or `smtp://[user@]host[:port]`;
    /// `password`: the relay's, for `user`.
    pub fn new(url: &str, from: &str, password: Option<String>) -> Result<SmtpConfig> {
        let parsed = Url::parse(url)
            .map_err(|error| Error::invalid(format!("--smtp is not a URL: {error}")))?;
        if parsed.password().is_some() {
            return Err(Error::invalid(
                "--smtp must not carry a password (command lines are visible to every local user)",
            )
            .with_hint("set TOKENCTL_SMTP_PASSWORD instead"));
        }
        let host = parsed
            .host_str()
            .filter(|host| !host.is_empty())
            .ok_or_else(|| Error::invalid("--smtp names no host"))?
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_owned();
        let builder = match parsed.scheme() {
            "smtps" => AsyncSmtpTransport::<Tokio1Executor>::relay(&host),
            "smtp" if is_loopback(&host) => Ok(
                AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&host),
            ),
            "smtp" => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&host),
            other => {
                return Err(Error::invalid(format!(
                    "--smtp takes smtps:// (TLS) or smtp:// (STARTTLS), not {other}://"
                )));
            }
        }
        .map_err(|error| Error::invalid(format!("--smtp: {error}")))?;
        let mut builder = builder.timeout(Some(ATTEMPT_TIMEOUT));
        if let Some(port) = parsed.port() {
            builder = builder.port(port);
        }
        if !parsed.username().is_empty() {
            let password = password.ok_or_else(|| {
                Error::invalid(format!(
                    "--smtp names the user {:?}: set TOKENCTL_SMTP_PASSWORD to their password",
                    parsed.username()
                ))
            })?;
            builder = builder.credentials(Credentials::new(parsed.username().to_owned(), password));
        }
        let from: Mailbox = from.parse().map_err(|error| {
            Error::invalid(format!(
                "--smtp-from {from:?} is not a mail address: {error}"
            ))
        })?;
        Ok(SmtpConfig {
            transport: builder.build(),
            from,
            relay: url.to_owned(),
        })
    }

    pub fn relay(&self) -> &str {
        &self.relay
    }
}

fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<IpAddr>()
            .is_ok_and(|address| address.is_loopback())
}

/// Sends the mail outbox through one relay.
pub struct MailSender {
    store: Arc<dyn Store>,
    smtp: SmtpConfig,
}

impl MailSender {
    pub fn new(store: Arc<dyn Store>, smtp: SmtpConfig) -> MailSender {
        MailSender { store, smtp }
    }

    /// Sends due mails for as long as the process runs.
    pub fn start(self) {
        outbox::start(self);
    }

    fn message(&self, mail: &DueMail) -> std::result::Result<Message, String> {
        let to: Mailbox = mail
            .recipient
            .parse()
            .map_err(|error| format!("the owner's address cannot be mailed: {error}"))?;
        Message::builder()
            .from(self.smtp.from.clone())
            .to(to)
            .subject(mail.subject.clone())
            // The same on every attempt: a relay or reader can drop repeats.
            .message_id(Some(format!("<{}@tokenctl>", mail.lease.message_id)))
            .header(ContentType::TEXT_PLAIN)
            .body(mail.body.clone())
            .map_err(|error| format!("cannot build the mail: {error}"))
    }
}

impl Leased for DueMail {
    fn lease(&self) -> &Lease {
        &self.lease
    }
}

#[async_trait]
impl Channel for MailSender {
    type Message = DueMail;
    const FAILURES_LISTED: bool = false;
    const WHAT: &'static str = "mail";

    async fn claim(
        &self,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: usize,
    ) -> StoreResult<Vec<DueMail>> {
        self.store.claim_mail(now, lease_until, limit).await
    }

    async fn send(&self, mail: &DueMail) -> Outcome {
        let message = match self.message(mail) {
            Ok(message) => message,
            Err(why) => return Outcome::failed(why),
        };
        match self.smtp.transport.send(message).await {
            Ok(_) => Outcome {
                delivered: true,
                status: None,
                error: String::new(),
            },
            Err(error) => Outcome::failed(format!("{}: {error}", self.smtp.relay)),
        }
    }

    async fn finish(&self, id: Id, attempt: Attempt) -> StoreResult<()> {
        self.store.finish_mail(id, attempt).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_relay_url_is_checked_and_never_holds_a_password() {
        let from = "tokenctl <tokenctl@example.com>";
        assert!(SmtpConfig::new("smtps://mail.example.com", from, None).is_ok());
        assert!(SmtpConfig::new("smtp://mail.example.com:587", from, None).is_ok());
        assert!(SmtpConfig::new("smtp://127.0.0.1:2525", from, None).is_ok());
        let secret = SmtpConfig::new("smtp://bot:hunter2@mail.example.com", from, None)
            .expect_err("password in the URL");
        assert!(!secret.message.contains("hunter2"), "{}", secret.message);
        assert!(SmtpConfig::new("smtp://bot@mail.example.com", from, None).is_err());
        assert!(SmtpConfig::new("smtp://bot@mail.example.com", from, Some("pw".into())).is_ok());
        assert!(SmtpConfig::new("http://mail.example.com", from, None).is_err());
        assert!(SmtpConfig::new("smtps://mail.example.com", "not an address", None).is_err());
        assert!(is_loopback("::1") && is_loopback("localhost") && !is_loopback("10.0.0.1"));
    }
}
