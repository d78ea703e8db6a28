//! `tokenctl oauth status`.

use serde::Serialize;

use super::common::store;
use crate::cmd::{Context, ExitStatus};
use crate::error::Result;
use crate::oauth::notices::{self, Notice};

/// Say which OAuth2 tokens need attention; for cron and monitoring
///
/// Lists the tokens whose access token or refresh token has expired (as
/// each entry's --notify asks), and those never requested, with the
/// command that fixes each. Exits 0 when none needs attention, 1 when any
/// does. Reads the local entries
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
    /// Entries set up but never given a token (`oauth request` first).
    no_token: Vec<&'a str>,
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
    let no_token = notices::never_requested(&entries);
    let attention = notices.len() + no_token.len();
    if ctx.out.json {
        ctx.out.json(&Status {
            entries: entries.len(),
            needs_action: attention > 0,
            notices: notices
                .iter()
                .map(|notice| NoticeView {
                    notice,
                    action: notice.action(),
                    message: notice.message(now),
                })
                .collect(),
            no_token: no_token.clone(),
        })?;
    } else if attention == 0 {
        ctx.out
            .note(&format!("All {} OAuth tokens are fine.", entries.len()));
    } else {
        for notice in &notices {
            ctx.out.line(&notice.message(now))?;
        }
        for name in &no_token {
            ctx.out.line(&notices::never_requested_message(name))?;
        }
    }
    if attention == 0 {
        return Ok(ExitStatus::Success);
    }
    // For cron and monitoring: exit 1 when anything needs attention.
    ctx.out.failure(
        &format!(
            "{} of {} OAuth tokens need attention",
            attention,
            entries.len()
        ),
        None,
    );
    Ok(ExitStatus::Failure)
}
