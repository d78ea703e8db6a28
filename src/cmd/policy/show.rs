//! `tokenctl policy show`.

use crate::cmd::Context;
use crate::error::Result;

/// Show the token policy in force
///
/// Examples:
///   tokenctl policy show
///   tokenctl policy show --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {}

pub async fn run(ctx: &Context, _args: Args) -> Result<()> {
    let policy = ctx.backend().await?.token_policy().await?;
    if ctx.out.json {
        return ctx.out.json(&policy);
    }
    super::print(ctx, &policy)
}
