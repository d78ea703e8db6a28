//! `tokenctl user remove`.

use crate::cmd::Context;
use crate::error::Result;

/// Remove a user: their tokens are revoked and their sessions end (needs users:manage)
///
/// Everything ends at once, on every server replica. The account stays in
/// the audit trail (and `user list --removed`) under its name, which no new
/// user may take. The last account that can manage users cannot be
/// removed, nor can your own. Asks first; --yes confirms without asking.
///
/// Examples:
///   tokenctl user remove bob
///   tokenctl user remove bob --yes --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Name of the user
    #[arg(add = crate::cmd::complete::users())]
    pub name: String,

    /// Do not ask for confirmation
    #[arg(long, short)]
    pub yes: bool,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let question = format!(
        "Remove user '{}', revoking all their tokens and ending their sessions?",
        args.name
    );
    ctx.confirm_or_cancel(&question, args.yes, "Nothing removed.")?;
    let removed = ctx.backend().await?.remove_user(&args.name).await?;
    if ctx.out.json {
        return ctx.out.json(&removed);
    }
    ctx.out.success(&format!(
        "Removed user '{}': {} token(s) revoked, {} session(s) ended",
        removed.user.name, removed.tokens_revoked, removed.sessions_ended
    ));
    Ok(())
}
