//! `tokenctl role remove`.

use crate::cmd::Context;
use crate::error::Result;

/// Remove a custom role that no user or token holds (needs users:manage)
///
/// Examples:
///   tokenctl role remove reader
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Name of the role
    pub name: String,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    ctx.backend().await?.remove_role(&args.name).await?;
    ctx.out.success(&format!("Removed role '{}'", args.name));
    Ok(())
}
