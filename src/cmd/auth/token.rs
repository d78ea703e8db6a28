//! `tokenctl auth token`.

use crate::cmd::{Context, Target};
use crate::error::{Error, Result};

/// Print the credential commands send to the server: TOKENCTL_TOKEN, else the session
///
/// For a script that calls the API itself: the value is a bearer
/// credential, printed alone on stdout. It is the session of the current
/// (or --profile) login while it lasts; log in again when it has expired.
///
/// Examples:
///   curl -H "Authorization: Bearer $(tokenctl auth token)" https://tokens.example.com/v1/me
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {}

pub async fn run(ctx: &Context, _args: Args) -> Result<()> {
    let Target::Remote { server, profile } = ctx.target()? else {
        return Err(Error::invalid(
            "the local store needs no credential: there is no token to print",
        )
        .with_hint("log in to a server first (tokenctl login --server URL), or pass --server"));
    };
    let credential = ctx.credential(&server, profile.as_ref()).await?;
    ctx.out.line(&credential)
}
