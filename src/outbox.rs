//! How a server sends what the store's outboxes hold (webhook messages,
//! mails): one loop for every channel. It leases the messages that are due
//! (so replicas sharing the store never send one twice while they live),
//! sends them all at once, and records how each went. A message refused or
//! unanswered is tried again with growing pauses, for a day.
//!
//! A lease outlives any one attempt: a sender killed mid-send leaves the
//! message leased until the lease runs out, then any replica takes it —
//! at least once on a crash, exactly once otherwise.

use std::sync::Arc;
use std::time::Duration as StdDuration;

use async_trait::async_trait;
use chrono::{DateTime, Duration, Utc};
use tokio::task::JoinSet;

use crate::model::Id;
use crate::store::{Attempt, Lease, Store, StoreResult};

/// How long a message stays leased to the sender that took it: longer than
/// any attempt.
const LEASE: Duration = Duration::seconds(60);
/// Most messages sent at once by one process, per channel.
const BATCH: usize = 32;
/// How often an idle sender looks for due messages.
const POLL: StdDuration = StdDuration::from_secs(1);
/// A message still refused this long after its event is given up.
const GIVE_UP_AFTER: Duration = Duration::hours(24);
/// How long a message done (delivered or given up) is kept (listed in
/// `webhook deliveries`); then the outbox forgets it.
pub const KEPT_FOR: Duration = Duration::days(30);
/// How often the outboxes are swept of what they no longer keep.
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

/// A leased message: what the loop needs to know of it is its lease.
pub trait Leased: Send + Sync + 'static {
    fn lease(&self) -> &Lease;
}

/// How one attempt went, as the channel saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub delivered: bool,
    /// The receiver's HTTP status, where there is one.
    pub status: Option<u16>,
    /// Why it was not delivered; empty when it was.
    pub error: String,
}

impl Outcome {
    pub fn failed(error: String) -> Outcome {
        Outcome {
            delivered: false,
            status: None,
            error,
        }
    }
}

/// One way out: webhooks, mail.
#[async_trait]
pub trait Channel: Send + Sync + 'static {
    type Message: Leased;
    /// For logs: "webhook message", "mail".
    const WHAT: &'static str;
    /// Whether failed attempts are listed elsewhere (`webhook deliveries`):
    /// then each is logged as information, otherwise as a warning, so an
    /// operator sees a relay that refuses mail.
    const FAILURES_LISTED: bool;

    async fn claim(
        &self,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: usize,
    ) -> StoreResult<Vec<Self::Message>>;
    async fn send(&self, message: &Self::Message) -> Outcome;
    async fn finish(&self, id: Id, attempt: Attempt) -> StoreResult<()>;
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

/// Whether a message whose event was written at `created_at` is past
/// sending at `now`.
pub fn is_stale(created_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now > created_at + GIVE_UP_AFTER
}

/// Sends `channel`'s due messages for as long as the process runs.
pub fn start<C: Channel>(channel: C) {
    let channel = Arc::new(channel);
    tokio::spawn(async move {
        loop {
            let sent = send_due(&channel).await;
            if sent < BATCH {
                tokio::time::sleep(POLL).await;
            }
        }
    });
}

/// Forgets, every hour for as long as the process runs, the messages and
/// mails done more than [`KEPT_FOR`] ago.
pub fn start_sweeping(store: Arc<dyn Store>) {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(SWEEP_EVERY);
        loop {
            ticks.tick().await;
            let before = crate::time::now() - KEPT_FOR;
            match store.forget_deliveries(before).await {
                Ok(0) => {}
                Ok(forgotten) => tracing::info!(forgotten, "old outbox messages forgotten"),
                Err(error) => tracing::warn!(%error, "cannot sweep the outboxes"),
            }
        }
    });
}

/// Leases the messages due now and sends them, all at once; how many.
async fn send_due<C: Channel>(channel: &Arc<C>) -> usize {
    let now = crate::time::now();
    let due = match channel.claim(now, now + LEASE, BATCH).await {
        Ok(due) => due,
        Err(error) => {
            tracing::warn!(%error, "cannot read the outbox of each {}", C::WHAT);
            return 0;
        }
    };
    let count = due.len();
    let mut sending = JoinSet::new();
    for message in due {
        let channel = Arc::clone(channel);
        sending.spawn(async move { deliver(channel.as_ref(), message).await });
    }
    while sending.join_next().await.is_some() {}
    count
}

async fn deliver<C: Channel>(channel: &C, message: C::Message) {
    let lease = message.lease();
    // A message no server sent within the day (none ran, or none had the
    // channel: `--smtp` set weeks later) is news no longer; never sent.
    let outcome = if is_stale(lease.created_at, crate::time::now()) {
        Outcome::failed(format!(
            "not sent within {} hours of its event",
            GIVE_UP_AFTER.num_hours()
        ))
    } else {
        channel.send(&message).await
    };
    let at = crate::time::now();
    let next_attempt_at = if outcome.delivered {
        None
    } else {
        retry_at(lease.created_at, lease.attempts + 1, at)
    };
    if !outcome.delivered {
        if C::FAILURES_LISTED {
            tracing::info!(message_id = %lease.message_id, error = %outcome.error, retry = ?next_attempt_at, "{} not delivered", C::WHAT);
        } else {
            tracing::warn!(message_id = %lease.message_id, error = %outcome.error, retry = ?next_attempt_at, "{} not delivered", C::WHAT);
        }
    }
    let attempt = Attempt {
        at,
        delivered: outcome.delivered,
        status: outcome.status,
        error: outcome.error,
        next_attempt_at,
    };
    if let Err(error) = channel.finish(lease.id, attempt).await {
        tracing::warn!(%error, message_id = %lease.message_id, "cannot record an attempt to send a {}", C::WHAT);
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
        assert!(!is_stale(created, created + Duration::hours(23)));
        assert!(is_stale(created, created + Duration::hours(25)));
        assert!(retry_at(created, i64::MAX, created).is_some());
    }
}
