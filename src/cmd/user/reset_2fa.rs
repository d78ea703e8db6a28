//! `tokenctl user reset-2fa`.

use crate::cmd::Context;
use crate::error::Result;

/// Take 2FA off a user who lost their authenticator (needs users:manage)
///
/// Their second factor and recovery codes stop working and every session of
/// theirs ends; their next login, with the password alone, may only set up
/// 2FA again (`tokenctl 2fa enable`). Audited. Needs what resetting their
/// password needs. Your own 2FA goes off with `tokenctl 2fa disable`.
///
/// Examples:
///   tokenctl user reset-2fa bob
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Name of the user
    #[arg(add = crate::cmd::complete::users())]
    pub name: String,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let user = ctx.backend().await?.reset_totp(&args.name).await?;
    if ctx.out.json {
        return ctx.out.json(&user);
    }
    ctx.out.success(&format!(
        "Reset the 2FA of '{}': their sessions ended, and their next login sets it up again",
        user.name
    ));
    Ok(())
}
