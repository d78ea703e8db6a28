//! The webhook channel of the outbox (`outbox.rs` runs the loop): signs
//! and posts each message to its webhook, within a timeout, never to an
//! address the server may not reach.

use std::sync::Arc;
use std::time::Duration as StdDuration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use reqwest::Url;

use super::signing::{SECRET_PURPOSE, WebhookSecret, signature};
use super::target::{PublicResolver, Reach, check_literal};
use crate::error::Result;
use crate::jose::LiveKeys;
use crate::model::Id;
use crate::outbox::{self, Channel, Leased, Outcome};
use crate::store::{Attempt, DueDelivery, Lease, Store, StoreResult};

/// How long one attempt may take, connecting included.
const ATTEMPT_TIMEOUT: StdDuration = StdDuration::from_secs(10);

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
        outbox::start(self);
    }
}

impl Leased for DueDelivery {
    fn lease(&self) -> &Lease {
        &self.lease
    }
}

#[async_trait]
impl Channel for Sender {
    type Message = DueDelivery;
    const FAILURES_LISTED: bool = true;
    const WHAT: &'static str = "webhook message";

    async fn claim(
        &self,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: usize,
    ) -> StoreResult<Vec<DueDelivery>> {
        self.store.claim_deliveries(now, lease_until, limit).await
    }

    async fn send(&self, message: &DueDelivery) -> Outcome {
        match self.attempt(message).await {
            Ok(status) if (200..300).contains(&status) => Outcome {
                delivered: true,
                status: Some(status),
                error: String::new(),
            },
            Ok(status) => Outcome {
                delivered: false,
                status: Some(status),
                error: format!("answered {status}"),
            },
            Err(why) => Outcome::failed(why),
        }
    }

    async fn finish(&self, id: Id, attempt: Attempt) -> StoreResult<()> {
        self.store.finish_delivery(id, attempt).await
    }
}

impl Sender {
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
        let signed = signature(
            &secret,
            &message.lease.message_id,
            timestamp,
            &message.payload,
        );
        let response = self
            .client
            .post(url)
            .header("content-type", "application/json")
            .header("webhook-id", &message.lease.message_id)
            .header("webhook-timestamp", timestamp.to_string())
            .header("webhook-signature", signed)
            .body(message.payload.clone())
            .send()
            .await
            .map_err(|error| crate::http::transport_failure(&error))?;
        Ok(response.status().as_u16())
    }
}
