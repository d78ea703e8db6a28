//! `tokenctl oauth remove`.

use super::common::store;
use crate::cmd::Context;
use crate::error::Result;
use crate::oauth::config::not_found;

/// Remove an OAuth2 token configuration and its secrets
///
/// Asks first on a terminal; scripts pass --yes. The tokens stay valid at
/// the provider until they expire: revoke them there if they leaked.
///
/// Examples:
///   tokenctl oauth remove mail
///   tokenctl oauth remove old-mail --yes
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Name of the token
    #[arg(add = crate::cmd::complete::oauth_entries())]
    pub name: String,

    /// Don't ask for confirmation
    #[arg(long, short)]
    pub yes: bool,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let store = store(ctx);
    let entry = store.get(&args.name)?;
    ctx.confirm_or_cancel(
        &format!("Remove OAuth token '{}' and its secrets?", entry.name),
        args.yes,
        "Nothing removed.",
    )?;
    store.delete_secrets(&entry).await?;
    store.modify(|entries| {
        let before = entries.len();
        entries.retain(|saved| saved.name != entry.name);
        if entries.len() == before {
            return Err(not_found(&entry.name));
        }
        Ok(())
    })?;
    ctx.out
        .success(&format!("Removed OAuth token '{}'", entry.name));
    Ok(())
}
