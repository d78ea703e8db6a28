//! `tokenctl audit`: who did what, when, from where.

use chrono::Duration;

pub mod export;
pub mod prune;

use super::{Context, listing, parse};
use crate::error::Result;
use crate::model::AuditEntry;
use crate::output::ListStream;
use crate::paging::PageRequest;
use crate::requests::{AuditRequest, TokenRef};

/// Show the audit log
///
/// Every change (create, revoke, regenerate, user and role changes) is
/// recorded with who made it, when and from where; never a secret. A change
/// a token made names it ("alice via token 12"), and --token shows what a
/// token did as well as what was done to it. Without the audit:read
/// permission you see your own entries only. Oldest first; the first 1000
/// are shown (--limit N, or --all for every one), printed as they arrive.
///
/// Examples:
///   tokenctl audit --since 7d
///   tokenctl audit --token deploy --json
///   tokenctl audit --actor alice --action token.revoke --since 30d
///   tokenctl audit export --since 30d > audit.jsonl
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment, args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub filters: Filters,

    #[command(flatten)]
    pub listing: listing::ListingArgs,
}

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    Export(export::Args),
    Prune(prune::Args),
}

/// Which entries: what `audit` and `audit export` share.
#[derive(Debug, Clone, clap::Args)]
pub struct Filters {
    /// Only entries about this token (ID or name), and those it made
    #[arg(add = crate::cmd::complete::tokens(), long, value_name = "TOKEN")]
    pub token: Option<String>,

    /// Only entries newer than this, e.g. 24h or 7d
    #[arg(long, value_name = "DURATION", value_parser = parse::duration)]
    pub since: Option<Duration>,

    /// Only entries older than this, e.g. 30d
    #[arg(long, value_name = "DURATION", value_parser = parse::duration)]
    pub until: Option<Duration>,

    /// Only entries made by this user
    #[arg(add = crate::cmd::complete::users(), long, value_name = "USER")]
    pub actor: Option<String>,

    /// Only entries of this action, e.g. token.revoke
    #[arg(long, value_name = "ACTION")]
    pub action: Option<String>,
}

impl Filters {
    fn request(self) -> AuditRequest {
        AuditRequest {
            token: self.token.as_deref().map(TokenRef::parse),
            since: self.since,
            until: self.until,
            actor: self.actor,
            action: self.action,
            page: PageRequest::default(),
        }
    }
}

/// Walks the entries `request` names (see [`listing::walk`]) into `stream`.
async fn walk(
    ctx: &Context,
    request: AuditRequest,
    shown: &listing::ListingArgs,
    stream: &mut ListStream<'_>,
) -> Result<listing::Walked> {
    let backend = ctx.backend().await?;
    let fetch = |page| {
        let request = AuditRequest {
            page,
            ..request.clone()
        };
        let backend = backend.clone();
        async move { backend.audit(request).await }
    };
    listing::walk(shown, fetch, |entries| {
        if stream.is_json() {
            stream.items(&entries)
        } else {
            stream.rows(entries.into_iter().map(row).collect())
        }
    })
    .await
}

const HEADER: [&str; 6] = ["TIME (UTC)", "ACTOR", "ACTION", "TOKEN", "SOURCE", "DETAIL"];

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    match args.command {
        Some(Command::Export(export)) => return export::run(ctx, export).await,
        Some(Command::Prune(prune)) => return prune::run(ctx, prune).await,
        None => {}
    }
    let mut stream = ListStream::new(&ctx.out, &HEADER, args.listing.jsonl)?;
    let walked = walk(ctx, args.filters.request(), &args.listing, &mut stream).await?;
    if stream.finish()? == 0 && !ctx.out.json && !args.listing.jsonl {
        ctx.out.note("No audit entries match.");
    }
    if let Some(note) = listing::more_note(walked, "entries") {
        ctx.out.note(&note);
    }
    Ok(())
}

fn row(entry: AuditEntry) -> Vec<String> {
    let actor = match &entry.via_token {
        Some(via) => format!("{} via token {}", entry.actor, via.id),
        None => entry.actor,
    };
    vec![
        entry.at.format("%Y-%m-%d %H:%M:%S").to_string(),
        actor,
        entry.action,
        entry
            .token_id
            .map_or_else(|| "-".to_owned(), |id| id.to_string()),
        entry.source,
        entry.detail,
    ]
}
