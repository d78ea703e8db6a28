//! `tokenctl role …`: roles are data — named bundles of permissions.

pub mod add;
pub mod edit;
pub mod list;
pub mod remove;
pub mod show;

use super::Context;
use crate::error::Result;

/// Manage roles (named sets of permissions)
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    #[command(visible_alias = "ls")]
    List(list::Args),
    Show(show::Args),
    Add(add::Args),
    Edit(edit::Args),
    #[command(visible_alias = "rm")]
    Remove(remove::Args),
}

pub async fn run(ctx: &Context, command: Command) -> Result<()> {
    match command {
        Command::List(args) => list::run(ctx, args).await,
        Command::Show(args) => show::run(ctx, args).await,
        Command::Add(args) => add::run(ctx, args).await,
        Command::Edit(args) => edit::run(ctx, args).await,
        Command::Remove(args) => remove::run(ctx, args).await,
    }
}
