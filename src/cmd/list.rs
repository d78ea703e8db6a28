//! `tokenctl list`: the tokens you may see, as a table or JSON.

use chrono::Duration;

use super::{Context, ExitStatus, listing, parse};
use crate::error::Result;
use crate::model::{Status, TokenKind};
use crate::output::{self, ListStream, TokenView};
use crate::requests::ListRequest;
use crate::time;

/// List tokens
///
/// Shows active tokens unless --status says otherwise; revoked tokens stay
/// visible with --status revoked or --status all. Without the tokens:read-all
/// permission you see your own tokens only. No secret is ever shown.
/// The first 1000 are shown (--limit N, or --all for every one), in ID
/// order, printed as they arrive from the store or the server.
///
/// Examples:
///   tokenctl list
///   tokenctl list --status all --owner alice
///   tokenctl list --all --jsonl > tokens.jsonl
///   tokenctl list --expiring-within 7d --json
///   tokenctl list --expiring-within 14d --fail-if-any || mail -s "tokens expire soon" admin
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Which tokens to show
    #[arg(long, value_enum, default_value_t = StatusArg::Active)]
    pub status: StatusArg,

    /// Only active tokens that expire within this time, e.g. 7d
    #[arg(long, value_name = "DURATION", value_parser = parse::duration)]
    pub expiring_within: Option<Duration>,

    /// Only tokens used within this time, e.g. 7d
    #[arg(long, value_name = "DURATION", value_parser = parse::duration)]
    pub used_since: Option<Duration>,

    /// Only tokens unused (and not made) for at least this time, e.g. 90d
    #[arg(long, value_name = "DURATION", value_parser = parse::duration)]
    pub unused_for: Option<Duration>,

    /// Only tokens owned by this user
    #[arg(add = crate::cmd::complete::users(), long, value_name = "USER")]
    pub owner: Option<String>,

    /// Only tokens of this type (personal or service)
    #[arg(long = "type", value_name = "TYPE", value_parser = parse::kind)]
    pub kind: Option<TokenKind>,

    /// Exit 1 when any token matches (for cron and CI checks)
    #[arg(long)]
    pub fail_if_any: bool,

    #[command(flatten)]
    pub listing: listing::ListingArgs,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum StatusArg {
    Active,
    Expired,
    Revoked,
    /// Unused past their --max-idle
    Idle,
    All,
}

impl StatusArg {
    fn status(self) -> Option<Status> {
        match self {
            StatusArg::Active => Some(Status::Active),
            StatusArg::Expired => Some(Status::Expired),
            StatusArg::Revoked => Some(Status::Revoked),
            StatusArg::Idle => Some(Status::Idle),
            StatusArg::All => None,
        }
    }
}

pub async fn run(ctx: &Context, args: Args) -> Result<ExitStatus> {
    let fail_if_any = args.fail_if_any;
    let found = show(ctx, args).await?;
    Ok(if fail_if_any && found > 0 {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}

/// Prints the tokens that match; how many did.
async fn show(ctx: &Context, args: Args) -> Result<usize> {
    let now = time::now();
    let request = ListRequest {
        owner: args.owner,
        kind: args.kind,
        status: args.status.status(),
        expiring_within: args.expiring_within,
        used_within: args.used_since,
        unused_for: args.unused_for,
        page: Default::default(),
    };
    let backend = ctx.backend().await?;
    let mut stream = ListStream::new(&ctx.out, &output::TOKEN_HEADER, args.listing.jsonl)?;
    let fetch = |page| {
        let request = ListRequest {
            page,
            ..request.clone()
        };
        let backend = backend.clone();
        async move { backend.list_tokens(request).await }
    };
    let walked = listing::walk(&args.listing, fetch, |tokens| {
        if stream.is_json() {
            let views: Vec<TokenView<'_>> = tokens.iter().map(|t| TokenView::new(t, now)).collect();
            stream.items(&views)
        } else {
            stream.rows(tokens.iter().map(|t| output::token_row(t, now)).collect())
        }
    })
    .await?;
    let shown = stream.finish()?;
    if shown == 0 && !ctx.out.json && !args.listing.jsonl {
        ctx.out
            .note("No tokens match. Create one with: tokenctl create NAME");
    }
    if let Some(note) = listing::more_note(walked, "tokens") {
        ctx.out.note(&note);
    }
    Ok(shown)
}
