//! `tokenctl webhook deliveries`.

use crate::cmd::{Context, listing};
use crate::error::Result;
use crate::model::{Delivery, DeliveryState, Id};
use crate::output::ListStream;
use crate::requests::DeliveriesRequest;

/// Show the messages sent to webhooks, and how sending each went (needs
/// webhooks:manage)
///
/// Oldest first. STATE is pending (not sent yet, or to be tried again at
/// NEXT ATTEMPT), delivered (the receiver answered 2xx) or failed (still
/// refused a day after the event: given up).
///
/// Examples:
///   tokenctl webhook deliveries
///   tokenctl webhook deliveries --webhook 3 --failed
///   tokenctl webhook deliveries --message msg_5f0c… --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Only messages to this webhook
    #[arg(long, value_name = "ID")]
    pub webhook: Option<Id>,

    /// Only messages not delivered whose last attempt failed
    #[arg(long)]
    pub failed: bool,

    /// Only the message with this webhook-id (as the receiver logged it)
    #[arg(long, value_name = "MSG_ID")]
    pub message: Option<String>,

    #[command(flatten)]
    pub listing: listing::ListingArgs,
}

const HEADER: [&str; 8] = [
    "ID",
    "WEBHOOK",
    "EVENT",
    "MESSAGE",
    "STATE",
    "ATTEMPTS",
    "NEXT ATTEMPT",
    "LAST ERROR",
];

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let backend = ctx.backend().await?;
    let request = DeliveriesRequest {
        webhook: args.webhook,
        message: args.message,
        failed: args.failed,
        page: Default::default(),
    };
    let fetch = |page| {
        let request = DeliveriesRequest {
            page,
            ..request.clone()
        };
        let backend = backend.clone();
        async move { backend.webhook_deliveries(request).await }
    };
    let mut stream = ListStream::new(&ctx.out, &HEADER, args.listing.jsonl)?;
    let walked = listing::walk(&args.listing, fetch, |deliveries| {
        if stream.is_json() {
            stream.items(&deliveries)
        } else {
            stream.rows(deliveries.into_iter().map(row).collect())
        }
    })
    .await?;
    if stream.finish()? == 0 && !ctx.out.json && !args.listing.jsonl {
        ctx.out.note("No webhook messages match.");
    }
    if let Some(note) = listing::more_note(walked, "messages") {
        ctx.out.note(&note);
    }
    Ok(())
}

fn row(delivery: Delivery) -> Vec<String> {
    let state = match delivery.state {
        DeliveryState::Pending => "pending",
        DeliveryState::Delivered => "delivered",
        DeliveryState::Failed => "failed",
    };
    vec![
        delivery.id.to_string(),
        delivery.webhook_id.to_string(),
        delivery.event.to_string(),
        delivery.message_id,
        state.to_owned(),
        delivery.attempts.to_string(),
        delivery.next_attempt_at.map_or_else(
            || "-".to_owned(),
            |at| at.format("%Y-%m-%d %H:%M:%S").to_string(),
        ),
        delivery.last_error,
    ]
}
