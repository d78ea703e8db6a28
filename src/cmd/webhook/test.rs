//! `tokenctl webhook test`.

use std::time::{Duration, Instant};

use crate::cmd::Context;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{Delivery, DeliveryState, Id};
use crate::paging::PageRequest;
use crate::requests::DeliveriesRequest;

/// How long to wait for the server's first attempt: it looks for due
/// messages every second.
const WAIT: Duration = Duration::from_secs(30);
const POLL: Duration = Duration::from_millis(250);

/// Send a webhook a test message and wait for its first attempt (needs
/// webhooks:manage)
///
/// The message (event webhook.test) goes through the outbox as any other,
/// signed the same way. Exits 0 when the receiver answered 2xx, 6 when it
/// refused or could not be reached (the server tries again, as with any
/// message).
///
/// Examples:
///   tokenctl webhook test 3
///   tokenctl webhook test 3 --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// ID of the webhook (tokenctl webhook list)
    pub id: Id,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let backend = ctx.backend().await?;
    let message = backend.test_webhook(args.id).await?;
    ctx.out.note(&format!(
        "Queued test message {message}; waiting for the server to send it…"
    ));
    let started = Instant::now();
    let delivery = loop {
        let page = backend
            .webhook_deliveries(DeliveriesRequest {
                webhook: Some(args.id),
                message: Some(message.clone()),
                failed: false,
                page: PageRequest::first(1),
            })
            .await?;
        if let Some(delivery) = page.items.into_iter().next()
            && delivery.attempts > 0
        {
            break delivery;
        }
        if started.elapsed() > WAIT {
            return Err(Error::new(
                ErrorKind::Unavailable,
                format!(
                    "the server has not sent test message {message} after {} s",
                    WAIT.as_secs()
                ),
            )
            .with_hint("tokenctl webhook deliveries --webhook ID shows it once it is tried"));
        }
        tokio::time::sleep(POLL).await;
    };
    report(ctx, &delivery)
}

fn report(ctx: &Context, delivery: &Delivery) -> Result<()> {
    if ctx.out.json {
        ctx.out.json(delivery)?;
    }
    if delivery.state == DeliveryState::Delivered {
        if !ctx.out.json {
            let status = delivery
                .last_status
                .map_or_else(String::new, |s| format!(" ({s})"));
            ctx.out.success(&format!(
                "Webhook {} took test message {}{status}",
                delivery.webhook_id, delivery.message_id
            ));
        }
        return Ok(());
    }
    Err(Error::new(
        ErrorKind::Unreachable,
        format!(
            "webhook {} did not take test message {}: {}",
            delivery.webhook_id, delivery.message_id, delivery.last_error
        ),
    )
    .with_hint("check that the receiver is up and verifies with this webhook's secret; the server tries again"))
}
