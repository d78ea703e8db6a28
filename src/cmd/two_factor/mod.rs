//! `tokenctl 2fa …`: a TOTP second factor for your server account.

pub mod disable;
pub mod enable;
pub mod status;

use std::io::BufRead;

use super::Context;
use crate::backend::RemoteBackend;
use crate::error::{Error, Result};

/// Manage two-factor authentication (TOTP) for your server account
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    Enable(enable::Args),
    Disable(disable::Args),
    Status(status::Args),
}

pub async fn run(ctx: &Context, command: Command) -> Result<()> {
    match command {
        Command::Enable(args) => enable::run(ctx, args).await,
        Command::Disable(args) => disable::run(ctx, args).await,
        Command::Status(args) => status::run(ctx, args).await,
    }
}

/// The server the logged-in session is for: 2FA guards its logins.
async fn server(ctx: &Context) -> Result<RemoteBackend> {
    ctx.remote().await?.ok_or_else(|| {
        Error::invalid("2FA protects server logins; the local store has none")
            .with_hint("pass --server URL, or log in first")
    })
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
