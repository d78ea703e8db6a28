//! `tokenctl oauth status`.

use serde::Serialize;

use super::common::store;
use crate::cmd::{Context, ExitStatus};
use crate::error::Result;
use crate::oauth::notices::{self, Notice};

/// Say which OAuth2 tokens need attention; for cron and monitoring
///
/// Lists the tokens whose access token or refresh token has expired (as
/// each entry's --notify asks) with the command that fixes each. Exits 0
/// when none needs attention, 1 when any does. Reads the local entries
/// only: no network, no keyring.
///
/// Examples:
///   tokenctl oauth status
///   tokenctl oauth status --json || mail -s "OAuth tokens need attention" admin
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {}

#[derive(Serialize)]
struct Status<'a> {
    entries: usize,
    needs_action: bool,
    notices: Vec<NoticeView<'a>>,
}

#[derive(Serialize)]
struct NoticeView<'a> {
    #[serde(flatten)]
    notice: &'a Notice,
    action: String,
    message: String,
}

pub fn run(ctx: &Context, _args: Args) -> Result<ExitStatus> {
    let entries = store(ctx).load()?;
    let now = crate::time::now();
    let notices = notices::notices(&entries, now);
    if ctx.out.json {
        ctx.out.json(&Status {
            entries: entries.len(),
            needs_action: !notices.is_empty(),
            notices: notices
                .iter()
                .map(|notice| NoticeView {
                    notice,
                    action: notice.action(),
                    message: notice.message(now),
                })
                .collect(),
        })?;
    } else if notices.is_empty() {
        ctx.out
            .note(&format!("All {} OAuth tokens are fine.", entries.len()));
    } else {
        for notice in &notices {
            ctx.out.line(&notice.message(now))?;
        }
    }
    if notices.is_empty() {
        return Ok(ExitStatus::Success);
    }
    // For cron and monitoring: exit 1 when anything needs attention.
    ctx.out.failure(
        &format!(
            "{} of {} OAuth tokens need attention",
            notices.len(),
            entries.len()
        ),
        None,
    );
    Ok(ExitStatus::Failure)
}
