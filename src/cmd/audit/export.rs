//! `tokenctl audit export`.

use super::{Filters, walk};
use crate::cmd::{Context, listing};
use crate::error::Result;
use crate::output::ListStream;

/// Write the audit log as JSON Lines, for an archive or a log pipeline
///
/// Every entry that matches, oldest first, one JSON object per line (the
/// objects `tokenctl audit --json` prints), fetched a page at a time and
/// written as it arrives: any size of log in the memory of one page. How
/// many were written is said on stderr.
///
/// Examples:
///   tokenctl audit export > audit.jsonl
///   tokenctl audit export --since 30d --action token.revoke > revocations.jsonl
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    #[command(flatten)]
    pub filters: Filters,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let every = listing::ListingArgs {
        limit: None,
        all: true,
        jsonl: true,
    };
    let mut stream = ListStream::new(&ctx.out, &[], true)?;
    walk(ctx, args.filters.request(), &every, &mut stream).await?;
    let written = stream.finish()?;
    ctx.out.note(&format!(
        "Exported {written} audit {}",
        if written == 1 { "entry" } else { "entries" }
    ));
    Ok(())
}
