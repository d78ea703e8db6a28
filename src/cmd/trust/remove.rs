//! `tokenctl trust remove`.

use crate::cmd::Context;
use crate::error::Result;

/// Remove a trust policy (needs trust:manage and a login session)
///
/// The CI jobs it admitted can exchange no more, and the access tokens it
/// issued stop working at once.
///
/// Examples:
///   tokenctl trust remove deploy-api
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Name of the policy
    pub name: String,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let removed = ctx.backend().await?.remove_trust_policy(&args.name).await?;
    if ctx.out.json {
        return ctx.out.json(&removed);
    }
    ctx.out
        .success(&format!("Removed trust policy '{}'", removed.name));
    Ok(())
}
