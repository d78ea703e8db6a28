//! `tokenctl audit`: who did what, when, from where.

use chrono::Duration;

use super::{Context, listing, parse};
use crate::error::Result;
use crate::model::AuditEntry;
use crate::output::ListStream;
use crate::requests::{AuditRequest, TokenRef};

/// Show the audit log
///
/// Every change (create, revoke, regenerate, user and role changes) is
/// recorded with who made it, when and from where; never a secret. Without the
/// audit:read permission you see your own entries only. Oldest first; the
/// first 1000 are shown (--limit N, or --all for every one), printed as they
/// arrive.
///
/// Examples:
///   tokenctl audit --since 7d
///   tokenctl audit --token deploy --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Only entries about this token (ID or name)
    #[arg(add = crate::cmd::complete::tokens(), long, value_name = "TOKEN")]
    pub token: Option<String>,

    /// Only entries newer than this, e.g. 24h or 7d
    #[arg(long, value_name = "DURATION", value_parser = parse::duration)]
    pub since: Option<Duration>,

    #[command(flatten)]
    pub listing: listing::ListingArgs,
}

const HEADER: [&str; 6] = ["TIME (UTC)", "ACTOR", "ACTION", "TOKEN", "SOURCE", "DETAIL"];

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let request = AuditRequest {
        token: args.token.as_deref().map(TokenRef::parse),
        since: args.since,
        page: Default::default(),
    };
    let backend = ctx.backend().await?;
    let mut stream = ListStream::new(&ctx.out, &HEADER, args.listing.jsonl)?;
    let fetch = |page| {
        let request = AuditRequest {
            page,
            ..request.clone()
        };
        let backend = backend.clone();
        async move { backend.audit(request).await }
    };
    let walked = listing::walk(&args.listing, fetch, |entries| {
        if stream.is_json() {
            stream.items(&entries)
        } else {
            stream.rows(entries.into_iter().map(row).collect())
        }
    })
    .await?;
    if stream.finish()? == 0 && !ctx.out.json && !args.listing.jsonl {
        ctx.out.note("No audit entries match.");
    }
    if let Some(note) = listing::more_note(walked, "entries") {
        ctx.out.note(&note);
    }
    Ok(())
}

fn row(entry: AuditEntry) -> Vec<String> {
    vec![
        entry.at.format("%Y-%m-%d %H:%M:%S").to_string(),
        entry.actor,
        entry.action,
        entry
            .token_id
            .map_or_else(|| "-".to_owned(), |id| id.to_string()),
        entry.source,
        entry.detail,
    ]
}
