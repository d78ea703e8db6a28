//! `tokenctl 2fa …`: a TOTP second factor for your server account.

pub mod enable;

use super::Context;
use crate::error::Result;

/// Manage two-factor authentication (TOTP) for your server account
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    Enable(enable::Args),
}

pub async fn run(ctx: &Context, command: Command) -> Result<()> {
    match command {
        Command::Enable(args) => enable::run(ctx, args).await,
    }
}
