//! The one notice line printed at the end of a command when OAuth tokens
//! need attention, or the user's own tokens expire within 7 days (notifications,
//! for a terminal). Only for a person: stderr a terminal, no
//! `--json`. Cheap: the OAuth part reads the small entries file; the token
//! part asks only the store or server the command already opened with the
//! user's login, bounded by a short timeout, and any failure there just
//! means no notice.

use std::io::IsTerminal;
use std::time::Duration as StdDuration;

use chrono::Duration;

use super::Command;
use super::Context;
use crate::backend::Backend;
use crate::model::{Status, TokenKind};
use crate::oauth::config::OAuthStore;
use crate::oauth::notices::{self, ExpiringTokens};
use crate::output::Output;
use crate::paging::{MAX_LIMIT, PageRequest};
use crate::requests::ListRequest;

/// How far ahead the user's own tokens are looked at.
const EXPIRING_WITHIN_DAYS: i64 = 7;
/// The token part gives up after this long rather than slow the command.
const LOOKUP_TIMEOUT: StdDuration = StdDuration::from_secs(2);

/// Whether `command` may end with a notice: not where the notice is the
/// output itself (`oauth status`), nor for the server or helpers.
pub fn wanted(command: &Command, out: &Output) -> bool {
    let excluded = matches!(
        command,
        Command::Serve(_)
            | Command::Completions(_)
            | Command::ClipboardHold(_)
            | Command::Notices(_)
            | Command::Oauth(crate::cmd::oauth::Command::Status(_))
    );
    !excluded && !out.json && std::io::stderr().is_terminal()
}

pub async fn show(ctx: &Context) {
    let now = crate::time::now();
    let entries = OAuthStore::new(ctx.sessions.secrets())
        .load()
        .unwrap_or_default();
    let oauth = notices::notices(&entries, now);
    let expiring = match ctx.opened_backend() {
        Some(backend) => tokio::time::timeout(LOOKUP_TIMEOUT, expiring_tokens(backend.as_ref()))
            .await
            .ok()
            .flatten(),
        None => None,
    };
    if let Some(line) = notices::line(&oauth, expiring.as_ref(), now) {
        ctx.out.note_in(crate::output::YELLOW, &line);
    }
}

/// The current user's active personal tokens that expire within 7 days.
async fn expiring_tokens(backend: &dyn Backend) -> Option<ExpiringTokens> {
    let me = backend.whoami().await.ok()?;
    let mut tokens = backend
        .list_tokens(ListRequest {
            owner: Some(me.actor.user.name.clone()),
            kind: Some(TokenKind::Personal),
            status: Some(Status::Active),
            expiring_within: Some(Duration::days(EXPIRING_WITHIN_DAYS)),
            page: PageRequest::first(MAX_LIMIT),
            ..ListRequest::default()
        })
        .await
        .ok()?
        .items;
    tokens.sort_by_key(|token| token.expires_at);
    let first_expires_at = tokens.first()?.expires_at?;
    Some(ExpiringTokens {
        names: tokens.into_iter().map(|token| token.name).collect(),
        first_expires_at,
    })
}
