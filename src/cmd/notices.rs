//! `tokenctl notices`: what needs the user's attention, in full — the one
//! line other commands end with on a terminal, as a list and an exit code
//! for cron.

use serde::Serialize;

use super::listing::{ListingArgs, walk};
use super::{Context, ExitStatus};
use crate::backend::Backend;
use crate::error::Result;
use crate::model::{Status, Token};
use crate::oauth::config::OAuthStore;
use crate::oauth::notices::{self as oauth_notices, Notice as OAuthNotice};
use crate::requests::ListRequest;
use crate::service::{ExpiryNotices, Notice, TokenNotice, needing_attention};

/// Say which of your tokens need attention; for cron and monitoring
///
/// Lists your tokens (in the local store, or on the server you are logged
/// in to) that expire within 30 days or expired in the last 7, and the
/// OAuth tokens that need renewing, with what to do about each. Exits 0
/// when nothing needs attention, 1 when something does. Against a server
/// started with --smtp or webhooks, the same notices also arrive by mail
/// and as events; this is the way without a server.
///
/// Examples:
///   tokenctl notices
///   tokenctl notices --json || mail -s "tokens need attention" "$USER"
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {}

#[derive(Serialize)]
struct Notices<'a> {
    needs_action: bool,
    tokens: Vec<TokenView<'a>>,
    oauth: Vec<OAuthView<'a>>,
}

#[derive(Serialize)]
struct TokenView<'a> {
    /// `token.expiring` or `token.expired`, as the webhook events say.
    event: &'static str,
    /// The lead time it is within (`"7d"`), or `"expired"`.
    notice: String,
    token: &'a Token,
    message: String,
}

#[derive(Serialize)]
struct OAuthView<'a> {
    #[serde(flatten)]
    notice: &'a OAuthNotice,
    action: String,
    message: String,
}

pub async fn run(ctx: &Context, _args: Args) -> Result<ExitStatus> {
    let now = crate::time::now();
    let backend = ctx.backend().await?;
    let mine = my_tokens(backend.as_ref()).await?;
    let tokens = needing_attention(&ExpiryNotices::default(), mine, now);
    let entries = OAuthStore::new(ctx.sessions.secrets()).load()?;
    let oauth = oauth_notices::notices(&entries, now);
    let count = tokens.len() + oauth.len();
    if ctx.out.json {
        ctx.out.json(&Notices {
            needs_action: count > 0,
            tokens: tokens.iter().map(|due| token_view(due, now)).collect(),
            oauth: oauth
                .iter()
                .map(|notice| OAuthView {
                    notice,
                    action: notice.action(),
                    message: notice.message(now),
                })
                .collect(),
        })?;
    } else {
        for due in &tokens {
            ctx.out.line(&due.message(now))?;
        }
        for notice in &oauth {
            ctx.out.line(&notice.message(now))?;
        }
    }
    if count == 0 {
        ctx.out.note("Nothing needs your attention.");
        return Ok(ExitStatus::Success);
    }
    let things = if count == 1 {
        "thing needs"
    } else {
        "things need"
    };
    ctx.out
        .failure(&format!("{count} {things} your attention"), None);
    Ok(ExitStatus::Failure)
}

fn token_view(due: &TokenNotice, now: chrono::DateTime<chrono::Utc>) -> TokenView<'_> {
    let event = match due.notice {
        Notice::Expiring(_) => "token.expiring",
        Notice::Expired => "token.expired",
    };
    TokenView {
        event,
        notice: due.notice.label(),
        token: &due.token,
        message: due.message(now),
    }
}

/// The user's own tokens that may be near or just past their expiry: the
/// active ones expiring within the longest lead time, and the expired ones.
async fn my_tokens(backend: &dyn Backend) -> Result<Vec<Token>> {
    let me = backend.whoami().await?.actor.user.name.clone();
    let longest = ExpiryNotices::default().longest();
    let everything = ListingArgs {
        limit: None,
        all: true,
        jsonl: false,
    };
    let mut tokens = Vec::new();
    for (status, expiring_within) in [(Status::Active, longest), (Status::Expired, None)] {
        walk(
            &everything,
            |page| {
                backend.list_tokens(ListRequest {
                    owner: Some(me.clone()),
                    kind: None,
                    status: Some(status),
                    expiring_within,
                    page,
                    ..ListRequest::default()
                })
            },
            |page| {
                tokens.extend(page);
                Ok(())
            },
        )
        .await?;
    }
    Ok(tokens)
}
