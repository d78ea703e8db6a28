//! `tokenctl user reset-password`.

use super::add::{password_from_stdin, report};
use crate::cmd::Context;
use crate::error::Result;

/// Set a new password for a user who lost theirs (needs users:manage)
///
/// The new password is generated and printed once on stdout, or read from
/// the first line of stdin with --password-stdin. It is one-time: it works
/// for one login, at which the user chooses their own. Every session of the user
/// ends at once, on every server replica; their tokens keep working. Only
/// someone who holds every permission of the user's role may do it, and
/// your own password is changed with `tokenctl password change` instead.
///
/// Examples:
///   tokenctl user reset-password alice
///   printf '%s\n' "$PASSWORD" | tokenctl user reset-password ci --password-stdin
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Name of the user
    #[arg(add = crate::cmd::complete::users())]
    pub name: String,

    /// Read the new password from the first line of stdin (at least 12 characters)
    #[arg(long)]
    pub password_stdin: bool,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let password = password_from_stdin(args.password_stdin)?;
    let (user, generated) = ctx
        .backend()
        .await?
        .reset_password(&args.name, password)
        .await?;
    let done = format!(
        "Reset the password of '{}': every session of theirs has ended",
        user.name
    );
    report(ctx, &user, generated.as_deref(), &done)
}
