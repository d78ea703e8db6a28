//! `tokenctl webhook remove`.

use crate::cmd::Context;
use crate::error::Result;
use crate::model::Id;

/// Remove a webhook (needs webhooks:manage and a login session)
///
/// Its receiver hears nothing more: messages to it not sent yet are
/// dropped with it.
///
/// Examples:
///   tokenctl webhook remove 3
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// ID of the webhook (tokenctl webhook list)
    pub id: Id,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let removed = ctx.backend().await?.remove_webhook(args.id).await?;
    if ctx.out.json {
        return ctx.out.json(&removed);
    }
    ctx.out
        .success(&format!("Removed webhook {} ({})", removed.id, removed.url));
    Ok(())
}
