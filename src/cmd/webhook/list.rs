//! `tokenctl webhook list`.

use crate::cmd::Context;
use crate::error::Result;

/// List webhooks (needs webhooks:manage)
///
/// Examples:
///   tokenctl webhook list
///   tokenctl webhook list --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {}

pub async fn run(ctx: &Context, _args: Args) -> Result<()> {
    let webhooks = ctx.backend().await?.webhooks().await?;
    if ctx.out.json {
        return ctx.out.json(&webhooks);
    }
    if webhooks.is_empty() {
        ctx.out
            .note("No webhooks. Add one with tokenctl webhook add URL --events ….");
        return Ok(());
    }
    let rows = webhooks
        .iter()
        .map(|webhook| {
            vec![
                webhook.id.to_string(),
                webhook.url.clone(),
                super::events(webhook),
                webhook.created_by.clone(),
                webhook.description.clone(),
            ]
        })
        .collect();
    ctx.out
        .table(&["ID", "URL", "EVENTS", "ADDED BY", "DESCRIPTION"], rows)
}
