//! `tokenctl audit`: who did what, when, from where.

use chrono::Duration;

use super::{Context, parse};
use crate::error::Result;
use crate::requests::{AuditRequest, TokenRef};

/// Show the audit log
///
/// Every change (create, revoke, regenerate, user and role changes) is
/// recorded with who made it, when and from where; never a secret. Without the
/// audit:read permission you see your own entries only.
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
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let request = AuditRequest {
        token: args.token.as_deref().map(TokenRef::parse),
        since: args.since,
    };
    let entries = ctx.backend().await?.audit(request).await?;
    if ctx.out.json {
        return ctx.out.json(&entries);
    }
    if entries.is_empty() {
        ctx.out.note("No audit entries match.");
        return Ok(());
    }
    let rows = entries
        .into_iter()
        .map(|entry| {
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
        })
        .collect();
    ctx.out.table(
        &["TIME (UTC)", "ACTOR", "ACTION", "TOKEN", "SOURCE", "DETAIL"],
        rows,
    )
}
