//! `tokenctl password …`: your own account's password.

pub mod change;

use super::Context;
use crate::error::Result;

/// Manage the password of your account
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    Change(change::Args),
}

pub async fn run(ctx: &Context, command: Command) -> Result<()> {
    match command {
        Command::Change(args) => change::run(ctx, args).await,
    }
}
