//! `tokenctl password change`.

use crate::cmd::logout::forget_ended_session;
use crate::cmd::{Context, Target, ask_hidden, stdin_lines};
use crate::error::Result;

/// Change the password of your account
///
/// Asks for the current password and the new one (twice), without echoing
/// them; with --password-stdin reads the current one from the first line of
/// stdin and the new one from the second. The new one needs at least 12
/// characters and must differ from the current one. Every session of the
/// account ends, on every server replica, this one too: log in again with
/// the new password.
///
/// Examples:
///   tokenctl password change
///   printf '%s\n%s\n' "$OLD" "$NEW" | tokenctl password change --password-stdin
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Read the current password and the new one from the first two lines of stdin
    #[arg(long)]
    pub password_stdin: bool,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let (current, new) = if args.password_stdin {
        let mut lines = stdin_lines(&["current password", "new password"])?;
        let new = lines.pop().unwrap_or_default();
        (lines.pop().unwrap_or_default(), new)
    } else {
        let current = ask_hidden(&ctx.out, "Current password", false)?;
        (current, ask_hidden(&ctx.out, "New password", true)?)
    };
    let user = ctx.backend().await?.change_password(&current, new).await?;
    let target = ctx.target()?;
    // The server ended this session with the others.
    forget_ended_session(ctx).await?;
    if ctx.out.json {
        return ctx.out.json(&user);
    }
    ctx.out
        .success(&format!("Changed the password of '{}'", user.name));
    if matches!(target, Target::Remote { .. }) {
        ctx.out
            .note("Every session of the account has ended: log in again with tokenctl login.");
    }
    Ok(())
}
