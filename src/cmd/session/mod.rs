//! `tokenctl session …`: the login sessions a server records.

pub mod list;
pub mod revoke;

use super::Context;
use crate::error::Result;

/// See and end login sessions (yours, or with --user another user's)
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    #[command(visible_alias = "ls")]
    List(list::Args),
    Revoke(revoke::Args),
}

pub async fn run(ctx: &Context, command: Command) -> Result<()> {
    match command {
        Command::List(args) => list::run(ctx, args).await,
        Command::Revoke(args) => revoke::run(ctx, args).await,
    }
}
