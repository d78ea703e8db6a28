//! `tokenctl oauth refresh`.

use super::common::{http, report_token, store};
use crate::cmd::Context;
use crate::error::Result;
use crate::oauth::manage;

/// Renew the access token now, with the refresh token
///
/// A client-credentials token is requested again instead. When the
/// provider refuses the refresh token (it expired or was revoked), the
/// entry is marked so, and a new authorization is needed:
/// `tokenctl oauth request NAME`.
///
/// Examples:
///   tokenctl oauth refresh mail
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Name of the token
    #[arg(add = crate::cmd::complete::oauth_entries())]
    pub name: String,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let store = store(ctx);
    let entry = store.get(&args.name)?;
    store.check_storage(&entry).await?;
    let (entry, _) = manage::refresh(&store, http(ctx)?, entry).await?;
    report_token(ctx, &store, &entry, "Refreshed the token")
}
