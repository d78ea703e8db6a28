//! `tokenctl oauth token`.

use super::common::{http, store};
use crate::cmd::Context;
use crate::error::Result;

/// Print a valid access token, refreshing it first when it has expired
///
/// For scripts: only the token goes to stdout. A token that expires within
/// a minute is renewed first. With --json: {"name", "access_token",
/// "expires_at"}.
///
/// Examples:
///   curl -H "Authorization: Bearer $(tokenctl oauth token mail)" https://…
///   tokenctl oauth token mail --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Name of the token
    #[arg(add = crate::cmd::complete::oauth_entries())]
    pub name: String,
}

#[derive(serde::Serialize)]
struct TokenOutput<'a> {
    name: &'a str,
    access_token: &'a str,
    expires_at: Option<chrono::DateTime<chrono::Utc>>,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let store = store(ctx);
    let entry = store.get(&args.name)?;
    store.check_storage(&entry).await?;
    let access_token = crate::oauth::manage::valid_token(&store, http(ctx)?, entry).await?;
    if ctx.out.json {
        let entry = store.get(&args.name)?;
        return ctx.out.json(&TokenOutput {
            name: &entry.name,
            access_token: &access_token,
            expires_at: entry.token.and_then(|token| token.expires_at),
        });
    }
    ctx.out.line(&access_token)
}
