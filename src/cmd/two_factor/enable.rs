//! `tokenctl 2fa enable`.

use std::io::BufRead;

use crate::backend::RemoteBackend;
use crate::cmd::Context;
use crate::error::{Error, ErrorKind, Result};

/// Turn on 2FA, or move it to a new authenticator
///
/// Prints a new TOTP secret once, then asks for a code from it. Add the
/// secret (or the otpauth:// URL) to an authenticator app, then enter the
/// 6-digit code it shows. From then on `tokenctl login` asks for a code.
///
/// An account that has 2FA already keeps it unless a code from the current
/// authenticator comes first: holding a session is not enough to replace
/// the second factor.
///
/// With --code-stdin the codes are read from stdin, one per line, each when
/// it is needed: the current one first (only when replacing), then one from
/// the new secret after it is printed. A code from the new secret that does
/// not match is asked for again (3 tries): the secret stays the same.
///
/// Examples:
///   tokenctl 2fa enable
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Read the codes from stdin, one line each
    #[arg(long)]
    pub code_stdin: bool,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let remote = ctx.remote().await?.ok_or_else(|| {
        Error::invalid("2FA protects server logins; the local store has none")
            .with_hint("pass --server URL, or log in first")
    })?;
    let enrollment = match remote.begin_totp(None).await {
        Err(error) if error.kind == ErrorKind::SecondFactorRequired => {
            let current = read_code(ctx, args.code_stdin, "Code from your current authenticator")?;
            remote.begin_totp(Some(&current)).await?
        }
        result => result?,
    };
    if ctx.out.json {
        ctx.out.json(&enrollment)?;
    } else {
        ctx.out.line(&enrollment.otpauth_url)?;
        ctx.out.note(&format!(
            "Add this to your authenticator app (secret {}); it is shown only once.",
            enrollment.secret
        ));
    }
    confirm(ctx, &remote, args.code_stdin).await?;
    ctx.out
        .success("2FA is on: tokenctl login will ask for a code");
    Ok(())
}

/// How many codes from the new secret one run takes before giving up.
const CONFIRM_ATTEMPTS: u32 = 3;

/// Confirms the new secret with a code from it. A mistyped code asks for
/// another: the server keeps the pending secret, so the entry already added
/// to the authenticator stays the right one.
async fn confirm(ctx: &Context, remote: &RemoteBackend, from_stdin: bool) -> Result<()> {
    for attempt in 1..=CONFIRM_ATTEMPTS {
        let code = read_code(ctx, from_stdin, "Code from the new secret")?;
        match remote.confirm_totp(&code).await {
            Err(error) if error.kind == ErrorKind::InvalidInput && attempt < CONFIRM_ATTEMPTS => {
                ctx.out.warning(&format!(
                    "{}; try the next code (the secret stays the same)",
                    error.message
                ));
            }
            result => return result,
        }
    }
    Ok(())
}

/// One code: the next line of stdin, or typed at a prompt.
fn read_code(ctx: &Context, from_stdin: bool, prompt: &str) -> Result<String> {
    if from_stdin {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|error| Error::invalid(format!("cannot read stdin: {error}")))?;
        let code = line.trim();
        if code.is_empty() {
            return Err(Error::invalid(format!("no code on stdin ({prompt})")));
        }
        return Ok(code.to_owned());
    }
    if !ctx.out.can_prompt() {
        return Err(Error::invalid("no terminal to ask for the code on")
            .with_hint("pass --code-stdin and pipe the code in"));
    }
    dialoguer::Input::<String>::new()
        .with_prompt(prompt)
        .interact_text()
        .map_err(|error| Error::internal(format!("cannot read the code: {error}")))
}
