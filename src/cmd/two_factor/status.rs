//! `tokenctl 2fa status`.

use super::server;
use crate::cmd::Context;
use crate::error::Result;

/// Show whether your server account has 2FA, and how many recovery codes are left
///
/// Examples:
///   tokenctl 2fa status
///   tokenctl 2fa status --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {}

pub async fn run(ctx: &Context, _args: Args) -> Result<()> {
    let status = server(ctx).await?.two_factor_status().await?;
    if ctx.out.json {
        return ctx.out.json(&status);
    }
    let state = if status.enabled { "on" } else { "off" };
    ctx.out.line(&format!("2FA: {state}"))?;
    if status.enabled {
        ctx.out.line(&format!(
            "Recovery codes left: {}",
            status.recovery_codes_left
        ))?;
    }
    if status.pending {
        ctx.out
            .note("An enrolment is waiting for its code: run tokenctl 2fa enable again.");
    }
    if status.enrolment_required {
        ctx.out
            .note("An admin reset your 2FA: set it up again with tokenctl 2fa enable.");
    }
    if status.enabled && status.recovery_codes_left < 3 {
        ctx.out.warning(
            "few recovery codes are left: tokenctl 2fa enable on a new authenticator gives 10 new ones",
        );
    }
    Ok(())
}
