//! Webhooks: who may add one, what it may subscribe to, where it may point,
//! and the messages changes send it. The protocol (signature, bodies,
//! receivers' addresses, the sender) is `webhook`'s; the outbox is the
//! store's, written in the transaction of each change.

use crate::error::{Error, Result};
use crate::model::{Delivery, EventKind, Id, Permission, Webhook};
use crate::paging::Page;
use crate::policy::{self, Actor, Operation};
use crate::requests::{AddedWebhook, DeliveriesRequest, NewWebhookRequest};
use crate::store::{DeliveryFilter, Event, NewWebhook, Rows};
use crate::webhook::{self, SECRET_PURPOSE, SenderConfig, TokenFacts, WebhookSecret};

use super::TokenService;

/// At most this many webhooks: each change writes a message for each one
/// subscribed to it, in its own transaction.
const MAX_WEBHOOKS: usize = 32;

/// A revocation whose reason starts so is a leak's (`scan --revoke`, a code
/// host's report): it sends `token.leaked`.
pub(super) const LEAKED: &str = "leaked:";

impl TokenService {
    pub async fn webhooks(&self, actor: &Actor) -> Result<Vec<Webhook>> {
        actor.require(Permission::WebhooksManage, "list webhooks")?;
        Ok(self.store.webhooks().await?)
    }

    /// Adds a webhook; its secret is shown to the caller once, and stored
    /// only sealed with the key set's sealing key.
    pub async fn add_webhook(
        &self,
        actor: &Actor,
        request: NewWebhookRequest,
    ) -> Result<AddedWebhook> {
        policy::check(actor, Operation::AddWebhook)?;
        let url = webhook::check_url(&request.url, self.webhook_reach)?;
        let events = subscribable(request.events)?;
        policy::check_description(&request.description)?;
        if self.store.webhooks().await?.len() >= MAX_WEBHOOKS {
            return Err(Error::conflict(format!(
                "there are already {MAX_WEBHOOKS} webhooks: remove one first"
            )));
        }
        let secret = WebhookSecret::generate()?;
        let keys = self.issuer()?.keys()?.clone();
        let sealing = tokio::task::spawn_blocking(move || keys.sealing_key())
            .await
            .map_err(|error| Error::internal(format!("the sealing task failed: {error}")))??;
        let sealed_secret = sealing.seal(SECRET_PURPOSE, secret.expose().as_bytes())?;
        let names: Vec<&str> = events.iter().map(|event| event.as_str()).collect();
        let detail = format!("added webhook to {url} for {}", names.join(", "));
        let audit = self.audit_record(actor, "webhook.add", detail);
        let new = NewWebhook {
            url: url.to_string(),
            events,
            sealed_secret,
            description: request.description,
            created_by_id: actor.user.id,
            created_at: self.now(),
        };
        let webhook = self.store.insert_webhook(new, audit).await?;
        Ok(AddedWebhook { webhook, secret })
    }

    /// Removes a webhook and every message to it not sent yet.
    pub async fn remove_webhook(&self, actor: &Actor, id: Id) -> Result<Webhook> {
        policy::check(actor, Operation::RemoveWebhook)?;
        let webhook = self.stored_webhook(id).await?;
        let detail = format!("removed webhook {id} ({})", webhook.url);
        let audit = self.audit_record(actor, "webhook.remove", detail);
        Ok(self.store.delete_webhook(webhook.id, audit).await?)
    }

    /// Sends the webhook a `webhook.test` message through the outbox, as
    /// any other; the message's id, to follow it in the deliveries.
    pub async fn test_webhook(&self, actor: &Actor, id: Id) -> Result<String> {
        actor.require(Permission::WebhooksManage, "test webhooks")?;
        let webhook = self.stored_webhook(id).await?;
        let event = webhook::webhook_test(webhook.id, &actor.user.name, self.now())?;
        let message_id = event.message_id.clone();
        let mut audit = self.audit_record(
            actor,
            "webhook.test",
            format!("sent a test message to webhook {id} ({})", webhook.url),
        );
        audit.event = Some(event);
        self.store.append_audit(audit).await?;
        Ok(message_id)
    }

    /// The messages to webhooks, oldest first, and how sending each went.
    pub async fn webhook_deliveries(
        &self,
        actor: &Actor,
        request: DeliveriesRequest,
    ) -> Result<Page<Delivery>> {
        actor.require(Permission::WebhooksManage, "see webhook deliveries")?;
        if let Some(id) = request.webhook {
            self.stored_webhook(id).await?;
        }
        let (rows, limit) = Rows::for_page(&request.page)?;
        let filter = DeliveryFilter {
            webhook_id: request.webhook,
            message_id: request.message,
            failed: request.failed,
            rows,
        };
        let deliveries = self.store.deliveries(&filter).await?;
        Ok(Page::of(deliveries, limit, |delivery| delivery.id))
    }

    /// Starts sending the outboxes' messages for as long as the process
    /// runs, to webhooks and (with a relay) by mail, and sweeping what
    /// they no longer keep: a server's job, on every replica (they share
    /// the work).
    pub fn start_senders(&self, smtp: Option<crate::mail::SmtpConfig>) -> Result<()> {
        let store = std::sync::Arc::clone(&self.store);
        let config = SenderConfig {
            store: std::sync::Arc::clone(&store),
            keys: self.issuer()?.keys()?.clone(),
            reach: self.webhook_reach,
        };
        webhook::Sender::new(config)?.start();
        if let Some(smtp) = smtp {
            crate::mail::MailSender::new(std::sync::Arc::clone(&store), smtp).start();
        }
        crate::outbox::start_sweeping(store);
        Ok(())
    }

    async fn stored_webhook(&self, id: Id) -> Result<Webhook> {
        self.store
            .webhook(id)
            .await?
            .ok_or_else(|| Error::not_found(format!("no webhook with id {id}")))
    }
}

/// The event a change to `token` sends: `token.leaked` for a revocation
/// whose reason is a leak's.
pub(super) fn token_event(
    kind: EventKind,
    token: TokenFacts<'_>,
    actor: &str,
    reason: Option<&str>,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<Event> {
    let kind = match (kind, reason) {
        (EventKind::TokenRevoked, Some(reason)) if reason.starts_with(LEAKED) => {
            EventKind::TokenLeaked
        }
        _ => kind,
    };
    webhook::token_event(kind, token, actor, reason, at)
}

/// The events asked for, each once, in a stable order; at least one, and
/// none a webhook cannot subscribe to.
fn subscribable(events: Vec<EventKind>) -> Result<Vec<EventKind>> {
    let mut events: Vec<EventKind> = events;
    events.sort();
    events.dedup();
    if events.is_empty() {
        return Err(Error::invalid(
            "a webhook needs at least one event (--events)",
        ));
    }
    if let Some(other) = events
        .iter()
        .find(|event| !EventKind::SUBSCRIBABLE.contains(event))
    {
        return Err(Error::invalid(format!(
            "no webhook subscribes to {other}: `webhook test` sends it to the one tested"
        )));
    }
    Ok(events)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_are_deduplicated_and_test_messages_refused() {
        let events = subscribable(vec![
            EventKind::TokenRevoked,
            EventKind::TokenCreated,
            EventKind::TokenRevoked,
        ])
        .expect("valid");
        assert_eq!(events, [EventKind::TokenCreated, EventKind::TokenRevoked]);
        assert!(subscribable(Vec::new()).is_err());
        assert!(subscribable(vec![EventKind::WebhookTest]).is_err());
    }
}
