//! The outbox's sender, one per server process: it leases the messages
//! that are due (so replicas sharing the store never send one twice while
//! they live), signs and posts each one, and records how it went. A message
//! refused or unanswered is tried again with growing pauses, for a day.
//!
//! A lease outlives any one attempt: a sender killed mid-send leaves the
//! message leased until the lease runs out, then any replica takes it —
//! at least once on a crash, exactly once otherwise.

use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use reqwest::Url;
use tokio::task::JoinSet;

use super::signing::{SECRET_PURPOSE, WebhookSecret, signature};
use super::target::{PublicResolver, Reach, check_literal};
use crate::error::Result;
use crate::jose::LiveKeys;
use crate::store::{Attempt, DueDelivery, Store};

/// How long one attempt may take, connecting included.
const ATTEMPT_TIMEOUT: StdDuration = StdDuration::from_secs(10);
/// How long a message stays leased to the sender that took it: longer than
/// any attempt.
const LEASE: Duration = Duration::seconds(60);
/// Most messages sent at once by one process.
const BATCH: usize = 32;
/// How often an idle sender looks for due messages.
const POLL: StdDuration = StdDuration::from_secs(1);
/// A message still refused this long after its event is given up.
const GIVE_UP_AFTER: Duration = Duration::hours(24);
/// How long a message done (delivered or given up) stays listed in
/// `webhook deliveries`; then the outbox forgets it.
pub const KEPT_FOR: Duration = Duration::days(30);
/// How often the outbox is swept of what it no longer keeps.
const SWEEP_EVERY: StdDuration = StdDuration::from_secs(3600);
/// The pause after each failed attempt (the last one repeats).
const BACKOFF: [Duration; 7] = [
    Duration::seconds(5),
    Duration::minutes(1),
    Duration::minutes(5),
    Duration::minutes(30),
    Duration::hours(2),
    Duration::hours(5),
    Duration::hours(10),
];

/// What a sender needs.
pub struct SenderConfig {
    pub store: Arc<dyn Store>,
    /// Opens the sealed secrets.
    pub keys: LiveKeys,
    pub reach: Reach,
}

pub struct Sender {
    store: Arc<dyn Store>,
    keys: LiveKeys,
    reach: Reach,
    client: reqwest::Client,
}

/// When to try a message again after `attempts` failed ones, the last at
/// `now`; `None` once a day has passed since its event was written.
pub fn retry_at(
    created_at: DateTime<Utc>,
    attempts: i64,
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    let step = usize::try_from(attempts.saturating_sub(1)).unwrap_or(0);
    let pause = BACKOFF[step.min(BACKOFF.len() - 1)];
    let next = now + pause;
    (next <= created_at + GIVE_UP_AFTER).then_some(next)
}

impl Sender {
    pub fn new(config: SenderConfig) -> Result<Sender> {
        let resolver = PublicResolver {
            reach: config.reach,
        };
        Ok(Sender {
            store: config.store,
            keys: config.keys,
            reach: config.reach,
            client: crate::http::webhook_client(resolver, ATTEMPT_TIMEOUT)?,
        })
    }

    /// Sends due messages for as long as the process runs.
    pub fn start(self) {
        let sender = Arc::new(self);
        tokio::spawn(async move {
            let mut swept: Option<std::time::Instant> = None;
            loop {
                if swept.is_none_or(|at| at.elapsed() >= SWEEP_EVERY) {
                    sender.sweep().await;
                    swept = Some(std::time::Instant::now());
                }
                let sent = sender.send_due().await;
                if sent < BATCH {
                    tokio::time::sleep(POLL).await;
                }
            }
        });
    }

    /// Forgets the messages done more than [`KEPT_FOR`] ago.
    async fn sweep(&self) {
        let before = crate::time::now() - KEPT_FOR;
        match self.store.forget_deliveries(before).await {
            Ok(0) => {}
            Ok(forgotten) => tracing::info!(forgotten, "old webhook messages forgotten"),
            Err(error) => tracing::warn!(%error, "cannot sweep the webhook outbox"),
        }
    }

    /// Leases the messages due now and sends them, all at once; how many.
    async fn send_due(self: &Arc<Self>) -> usize {
        let now = crate::time::now();
        let due = match self.store.claim_deliveries(now, now + LEASE, BATCH).await {
            Ok(due) => due,
            Err(error) => {
                tracing::warn!(%error, "cannot read the webhook outbox");
                return 0;
            }
        };
        let count = due.len();
        let mut sending = JoinSet::new();
        for message in due {
            let sender = Arc::clone(self);
            sending.spawn(async move { sender.deliver(message).await });
        }
        while sending.join_next().await.is_some() {}
        count
    }

    async fn deliver(&self, message: DueDelivery) {
        let outcome = self.attempt(&message).await;
        let at = crate::time::now();
        let (delivered, status, error) = match outcome {
            Ok(status) if (200..300).contains(&status) => (true, Some(status), String::new()),
            Ok(status) => (false, Some(status), format!("answered {status}")),
            Err(why) => (false, None, why),
        };
        let next_attempt_at = if delivered {
            None
        } else {
            retry_at(message.created_at, message.attempts + 1, at)
        };
        if !delivered {
            tracing::info!(message = %message.message_id, %error, retry = ?next_attempt_at, "webhook message not delivered");
        }
        let attempt = Attempt {
            at,
            delivered,
            status,
            error,
            next_attempt_at,
        };
        if let Err(error) = self.store.finish_delivery(message.id, attempt).await {
            tracing::warn!(%error, message = %message.message_id, "cannot record a webhook attempt");
        }
    }

    /// Posts the message; the receiver's status, or why there was none.
    async fn attempt(&self, message: &DueDelivery) -> std::result::Result<u16, String> {
        let url = Url::parse(&message.url).map_err(|error| format!("bad URL: {error}"))?;
        check_literal(&url, self.reach).map_err(|error| error.message)?;
        let secret = self
            .keys
            .sealing_key()
            .and_then(|key| key.unseal(SECRET_PURPOSE, &message.sealed_secret))
            .and_then(|plain| WebhookSecret::parse(&String::from_utf8_lossy(&plain)))
            .map_err(|error| error.message)?;
        let timestamp = crate::time::now().timestamp();
        let signed = signature(&secret, &message.message_id, timestamp, &message.payload);
        let response = self
            .client
            .post(url)
            .header("content-type", "application/json")
            .header("webhook-id", &message.message_id)
            .header("webhook-timestamp", timestamp.to_string())
            .header("webhook-signature", signed)
            .body(message.payload.clone())
            .send()
            .await
            .map_err(|error| crate::http::transport_failure(&error))?;
        Ok(response.status().as_u16())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_and_end_a_day_after_the_event() {
        let created = crate::time::now();
        assert_eq!(
            retry_at(created, 1, created),
            Some(created + Duration::seconds(5))
        );
        assert_eq!(
            retry_at(created, 2, created),
            Some(created + Duration::minutes(1))
        );
        let late = created + Duration::hours(20);
        assert_eq!(
            retry_at(created, 40, late),
            None,
            "10 h more passes the day"
        );
        assert_eq!(
            retry_at(created, 40, created + Duration::hours(1)),
            Some(created + Duration::hours(11))
        );
        assert!(retry_at(created, 0, created).is_some());
        assert!(retry_at(created, i64::MAX, created).is_some());
    }
}
