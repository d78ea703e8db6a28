//! `tokenctl webhook add`.

use serde::Serialize;

use crate::cmd::Context;
use crate::error::Result;
use crate::model::{EventKind, Webhook};
use crate::requests::NewWebhookRequest;

/// Add a webhook and print its signing secret once (needs webhooks:manage
/// and a login session)
///
/// The secret (whsec_…) is what the receiver verifies signatures with; it
/// is printed once, alone on stdout when stdout is not a terminal, and the
/// server keeps it only sealed. Events: token.created, token.revoked,
/// token.regenerated, token.leaked (revoked because its secret was found
/// exposed), token.expiring (30, 7 and 1 days before, as serve
/// --expiry-notices says), token.expired, user.disabled, login.failed (a
/// burst of failed logins: once when an address is locked out of an
/// account). The URL must be https; private addresses and plain http need
/// serve --allow-private-webhooks.
///
/// Examples:
///   tokenctl webhook add https://hooks.example.com/tokenctl --events token.revoked,token.leaked
///   tokenctl webhook add https://chat.example.com/in --events token.created --description "#security"
///   tokenctl webhook add https://hooks.example.com/t --events token.leaked > whsec.txt
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Where to send the events (https)
    pub url: String,

    /// Events to send, comma-separated or repeated
    #[arg(long, value_name = "EVENT,...", value_delimiter = ',', required = true, value_parser = parse_event)]
    pub events: Vec<EventKind>,

    /// What the webhook is for
    #[arg(long, default_value = "")]
    pub description: String,
}

fn parse_event(text: &str) -> std::result::Result<EventKind, String> {
    text.trim().parse()
}

#[derive(Serialize)]
struct Added<'a> {
    #[serde(flatten)]
    webhook: &'a Webhook,
    secret: &'a str,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let added = ctx
        .backend()
        .await?
        .add_webhook(NewWebhookRequest {
            url: args.url,
            events: args.events,
            description: args.description,
        })
        .await?;
    let webhook = &added.webhook;
    if ctx.out.json {
        let lost = format!(
            "the webhook's secret, which is never shown again: remove webhook {} and add it again",
            webhook.id
        );
        return ctx.out.json_revealing(
            &Added {
                webhook,
                secret: &added.secret,
            },
            &[&added.secret],
            &lost,
        );
    }
    ctx.out.success(&format!(
        "Added webhook {} to {} for {}",
        webhook.id,
        webhook.url,
        super::events(webhook)
    ));
    ctx.out.line(&added.secret)?;
    ctx.out.note(
        "Give this signing secret to the receiver now: it is shown only once and cannot be recovered.",
    );
    Ok(())
}
