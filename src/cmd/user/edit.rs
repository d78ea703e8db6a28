//! `tokenctl user edit`.

use crate::cmd::Context;
use crate::error::Result;

/// Change a user's details (needs users:manage)
///
/// --email sets where notices about the account go; an empty value clears
/// it. Needs what resetting the user's password needs: whoever chooses the
/// address reads what is sent there.
///
/// Examples:
///   tokenctl user edit bob --email bob@example.com
///   tokenctl user edit bob --email ''
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Name of the user
    #[arg(add = crate::cmd::complete::users())]
    pub name: String,

    /// Email address ('' clears it)
    #[arg(long)]
    pub email: Option<String>,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let user = ctx
        .backend()
        .await?
        .edit_user(&args.name, args.email.as_deref())
        .await?;
    if ctx.out.json {
        return ctx.out.json(&user);
    }
    match &user.email {
        Some(email) => ctx
            .out
            .success(&format!("User '{}' now has email {email}", user.name)),
        None => ctx
            .out
            .success(&format!("User '{}' has no email now", user.name)),
    }
    Ok(())
}
