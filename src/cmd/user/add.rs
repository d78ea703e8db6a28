//! `tokenctl user add`.

use crate::cmd::Context;
use crate::error::Result;

/// Add a user who can own tokens (needs users:manage)
///
/// In the local store a user is an operating-system account name: tokenctl
/// acts as the OS user running it, and the first one to open a new store
/// becomes its admin.
///
/// Examples:
///   tokenctl user add alice --role developer
///   tokenctl user add helpdesk --role support
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Name of the user
    pub name: String,

    /// Role that sets what the user (and their tokens) may do
    #[arg(long, default_value = "developer")]
    pub role: String,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let user = ctx
        .backend()
        .await?
        .add_user(&args.name, &args.role)
        .await?;
    if ctx.out.json {
        return ctx.out.json(&user);
    }
    ctx.out.success(&format!(
        "Added user '{}' with role {}",
        user.name, user.role
    ));
    Ok(())
}
