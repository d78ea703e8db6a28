//! `tokenctl keys jwks`.

use crate::cmd::Context;
use crate::error::Result;

/// Print the public JWK Set that verifies exchanged access tokens
///
/// The same document a server publishes at /.well-known/jwks.json; for a
/// local store, its own key set's public halves, so that a resource server
/// can check access tokens `tokenctl exchange` made on this machine. Public
/// keys only; no login needed.
///
/// Examples:
///   tokenctl keys jwks > jwks.json
///   tokenctl --server https://tokens.example.com keys jwks
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {}

pub async fn run(ctx: &Context, _args: Args) -> Result<()> {
    let jwks = ctx.backend_without_login().await?.jwks().await?;
    ctx.out.json(&jwks)
}
