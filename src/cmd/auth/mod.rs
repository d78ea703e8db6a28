//! `tokenctl auth …`: the credential commands use, for scripts (gh's
//! `auth token`).

pub mod token;

use super::Context;
use crate::error::Result;

/// The credential tokenctl sends to the server, for scripts
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    Token(token::Args),
}

pub async fn run(ctx: &Context, command: Command) -> Result<()> {
    match command {
        Command::Token(args) => token::run(ctx, args).await,
    }
}
