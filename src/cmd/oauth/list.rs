//! `tokenctl oauth list`.

use super::common::{EntryView, store, when};
use crate::cmd::Context;
use crate::error::Result;

/// List OAuth2 tokens and when they expire
///
/// No secret is shown. STATUS is valid, expired (refresh renews it),
/// refresh expired (a new authorization is needed) or no token.
///
/// Examples:
///   tokenctl oauth list
///   tokenctl oauth list --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {}

pub fn run(ctx: &Context, _args: Args) -> Result<()> {
    let store = store(ctx);
    let entries = store.load()?;
    let now = crate::time::now();
    if ctx.out.json {
        let views: Vec<EntryView<'_>> = entries
            .iter()
            .map(|entry| EntryView::new(&store, entry, now))
            .collect();
        return ctx.out.json(&views);
    }
    if entries.is_empty() {
        ctx.out.note(
            "No OAuth tokens. Add one with: tokenctl oauth add NAME --template google --client-id ID",
        );
        return Ok(());
    }
    let rows = entries
        .iter()
        .map(|entry| {
            let token = entry.token.as_ref();
            vec![
                entry.name.clone(),
                entry.template.to_string(),
                entry.client_id.clone(),
                when(token.and_then(|token| token.expires_at), now),
                when(
                    token
                        .filter(|token| token.has_refresh_token)
                        .and_then(|token| token.refresh_expires_at),
                    now,
                ),
                entry.state(now).as_str().to_owned(),
            ]
        })
        .collect();
    ctx.out.table(
        &[
            "NAME",
            "TEMPLATE",
            "CLIENT ID",
            "TOKEN EXPIRES",
            "REFRESH EXPIRES",
            "STATUS",
        ],
        rows,
    )
}
