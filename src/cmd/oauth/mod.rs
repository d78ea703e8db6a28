//! `tokenctl oauth …`: third-party OAuth2 client tokens (Google, Microsoft,
//! any provider) kept by tokenctl, so scripts can always get a fresh
//! access token.

pub mod add;
pub mod common;
pub mod edit;
pub mod export;
pub mod import;
pub mod list;
pub mod refresh;
pub mod remove;
pub mod request;
pub mod show;
pub mod status;
pub mod token;

use super::{Context, ExitStatus, done};
use crate::error::Result;

/// Manage OAuth2 tokens of third-party providers (Google, Microsoft, custom)
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    Add(add::Args),
    Edit(edit::Args),
    #[command(visible_alias = "ls")]
    List(list::Args),
    Show(show::Args),
    #[command(visible_alias = "rm")]
    Remove(remove::Args),
    Request(request::Args),
    Refresh(refresh::Args),
    Token(token::Args),
    Status(status::Args),
    Export(export::Args),
    Import(import::Args),
}

pub async fn run(ctx: &Context, command: Command) -> Result<ExitStatus> {
    match command {
        Command::Add(args) => add::run(ctx, args).await.map(done),
        Command::Edit(args) => edit::run(ctx, args).await.map(done),
        Command::List(args) => list::run(ctx, args).map(done),
        Command::Show(args) => show::run(ctx, &args).map(done),
        Command::Remove(args) => remove::run(ctx, args).await.map(done),
        Command::Request(args) => request::run(ctx, args).await.map(done),
        Command::Refresh(args) => refresh::run(ctx, args).await.map(done),
        Command::Token(args) => token::run(ctx, args).await.map(done),
        Command::Status(args) => status::run(ctx, args),
        Command::Export(args) => export::run(ctx, args).await.map(done),
        Command::Import(args) => import::run(ctx, args).await.map(done),
    }
}
