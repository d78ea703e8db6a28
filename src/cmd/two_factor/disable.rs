//! `tokenctl 2fa disable`.

use super::{read_code, server};
use crate::cmd::Context;
use crate::error::Result;
use crate::service::SecondFactor;

/// Turn off 2FA on your server account
///
/// Needs a code from your authenticator, or one of your recovery codes
/// (used up): holding a session is not enough to take the second factor
/// away. Your recovery codes stop working with it. To turn it off for
/// someone who lost their authenticator, an admin runs
/// `tokenctl user reset-2fa NAME`.
///
/// Examples:
///   tokenctl 2fa disable
///   printf '%s\n' "$CODE" | tokenctl 2fa disable --code-stdin
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Read the code (or a recovery code) from the first line of stdin
    #[arg(long)]
    pub code_stdin: bool,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let remote = server(ctx).await?;
    let typed = read_code(
        ctx,
        args.code_stdin,
        "Code from your authenticator (or a recovery code)",
    )?;
    let user = remote.disable_totp(&SecondFactor::typed(&typed)).await?;
    if ctx.out.json {
        return ctx.out.json(&user);
    }
    ctx.out.success(&format!(
        "2FA is off for '{}': tokenctl login asks only for the password",
        user.name
    ));
    Ok(())
}
