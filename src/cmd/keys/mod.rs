//! `tokenctl keys …`: the keys that sign sessions and access tokens.

pub mod jwks;
pub mod list;
pub mod rotate;

use super::Context;
use crate::error::Result;

/// Manage the signing keys (list and rotate need keys:manage)
///
/// One key signs sessions and access tokens; after a rotation the old key
/// keeps verifying (and stays in /.well-known/jwks.json) until everything
/// it signed has expired. On a server the key set is the --signing-key
/// file; on a local store it is the file beside the store (STORE.keys.json).
#[derive(Debug, clap::Subcommand)]
#[command(verbatim_doc_comment)]
pub enum Command {
    #[command(visible_alias = "ls")]
    List(list::Args),
    Rotate(rotate::Args),
    Jwks(jwks::Args),
}

pub async fn run(ctx: &Context, command: Command) -> Result<()> {
    match command {
        Command::List(args) => list::run(ctx, args).await,
        Command::Rotate(args) => rotate::run(ctx, args).await,
        Command::Jwks(args) => jwks::run(ctx, args).await,
    }
}
