//! `tokenctl 2fa enable`.

use crate::cmd::{Context, first_stdin_line};
use crate::error::{Error, Result};

/// Turn on 2FA: prints a TOTP secret once, then asks for a code from it
///
/// Add the secret (or the otpauth:// URL) to an authenticator app, then enter
/// the 6-digit code it shows. From then on `tokenctl login` asks for a code.
/// With --code-stdin the code is read from stdin after the secret is printed.
///
/// Examples:
///   tokenctl 2fa enable
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Read the confirmation code from stdin
    #[arg(long)]
    pub code_stdin: bool,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let remote = ctx.remote().await?.ok_or_else(|| {
        Error::invalid("2FA protects server logins; the local store has none")
            .with_hint("pass --server URL, or log in first")
    })?;
    let enrollment = remote.begin_totp().await?;
    if ctx.out.json {
        ctx.out.json(&enrollment)?;
    } else {
        ctx.out.line(&enrollment.otpauth_url)?;
        ctx.out.note(&format!(
            "Add this to your authenticator app (secret {}); it is shown only once.",
            enrollment.secret
        ));
    }
    let code = read_code(ctx, args.code_stdin)?;
    remote.confirm_totp(&code).await?;
    ctx.out
        .success("2FA is on: tokenctl login will ask for a code");
    Ok(())
}

fn read_code(ctx: &Context, from_stdin: bool) -> Result<String> {
    if from_stdin {
        return first_stdin_line()?.ok_or_else(|| Error::invalid("no code on stdin"));
    }
    if !ctx.out.can_prompt() {
        return Err(Error::invalid("no terminal to ask for the code on")
            .with_hint("pass --code-stdin and pipe the code in"));
    }
    dialoguer::Input::<String>::new()
        .with_prompt("Code from the app")
        .interact_text()
        .map_err(|error| Error::internal(format!("cannot read the code: {error}")))
}
