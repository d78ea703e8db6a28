//! `tokenctl revoke`: kill tokens by ID, by name, or by leaked value.

use std::sync::Arc;

use serde::Serialize;

use super::listing::{self, ListingArgs};
use super::{Context, parse, read_stdin};
use crate::backend::Backend;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{Status, Token, TokenKind};
use crate::requests::{ListRequest, OwnedTokens, Revocation, TokenRef};
use crate::scan;
use crate::time;

/// Revoke tokens, immediately and permanently
///
/// Names tokens by ID or name, several at once; with --stdin reads any text
/// — pasted values, log excerpts, `Authorization: Bearer …` lines — and
/// revokes every token value found in it (as `scan` finds them), reporting
/// which token each one was. Anyone holding a token's value may revoke it
/// that way.
///
/// On a terminal tokenctl asks first (and, given no token, lets you pick
/// one); otherwise it refuses unless --yes.
/// A revoked token cannot be restored: create a new one instead.
///
/// --owner NAME --all revokes every active token of one user (of one type
/// with --type) in one step, for offboarding; the question says how many.
/// --reason is kept in the audit entry and the token.revoked webhook.
///
/// Examples:
///   tokenctl revoke deploy --reason "rotated after the incident"
///   tokenctl revoke 12 14 old-ci --yes
///   tokenctl revoke --stdin --yes < leak.log
///   tokenctl revoke --owner alice --all --type service --yes
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// IDs or names of the tokens to revoke [default on a terminal: pick one]
    #[arg(
        add = crate::cmd::complete::tokens(),
        value_name = "TOKEN",
        conflicts_with_all = ["stdin", "owner"]
    )]
    pub tokens: Vec<String>,

    /// Revoke every token value (secret) found in the text on stdin
    #[arg(long, conflicts_with = "owner")]
    pub stdin: bool,

    /// Why, in one line: kept in the audit entry and the webhook payload
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,

    /// With --all: revoke every active token of this user
    #[arg(long, value_name = "USER", requires = "all", add = crate::cmd::complete::users())]
    pub owner: Option<String>,

    /// With --owner: every active token of theirs, not named one by one
    #[arg(long, requires = "owner", conflicts_with_all = ["tokens", "stdin"])]
    pub all: bool,

    /// With --owner --all: only tokens of this type (personal or service)
    #[arg(long = "type", value_name = "TYPE", value_parser = parse::kind, requires = "owner")]
    pub kind: Option<TokenKind>,

    /// Do not ask for confirmation
    #[arg(long, short)]
    pub yes: bool,
}

#[derive(Serialize)]
struct Revoked<'a> {
    id: i64,
    name: &'a str,
    owner: &'a str,
    hint: &'a str,
    status: Status,
    already_revoked: bool,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let reason = args.reason.as_deref();
    if let Some(owner) = args.owner {
        let request = OwnedTokens {
            owner,
            kind: args.kind,
            reason: args.reason,
        };
        revoke_owned(ctx, request, args.yes).await
    } else if args.stdin {
        revoke_values(ctx, reason, args.yes).await
    } else if args.tokens.is_empty() {
        let picked = super::pick::token_argument(ctx, None, "revoke").await?;
        revoke_named(ctx, &[picked], reason, args.yes).await
    } else {
        revoke_named(ctx, &args.tokens, reason, args.yes).await
    }
}

/// Counts the tokens first, for the question; the service then revokes
/// those active when it runs (a token made meanwhile goes too).
async fn revoke_owned(ctx: &Context, request: OwnedTokens, yes: bool) -> Result<()> {
    let backend = ctx.backend().await?;
    if !yes {
        let count = count_active(&backend, &request).await?;
        let kind = request
            .kind
            .map_or_else(String::new, |kind| format!(" {kind}"));
        let question = format!(
            "Revoke all {count} active{kind} tokens of {}? This cannot be undone",
            request.owner
        );
        ctx.confirm_or_cancel(&question, yes, "Nothing revoked.")?;
    }
    let done = backend.revoke_owned(request).await?;
    if done.is_empty() && !ctx.out.json {
        ctx.out.note("No active token to revoke.");
    }
    report(ctx, &done)
}

/// The owner's live tokens: active, and idle (which a regeneration
/// would revive), as the service revokes them.
async fn count_active(backend: &Arc<dyn Backend>, request: &OwnedTokens) -> Result<usize> {
    let every = ListingArgs {
        limit: None,
        all: true,
        jsonl: false,
    };
    let mut count = 0;
    for status in [Status::Active, Status::Idle] {
        let fetch = |page| {
            let request = ListRequest {
                owner: Some(request.owner.clone()),
                kind: request.kind,
                status: Some(status),
                page,
                ..ListRequest::default()
            };
            let backend = backend.clone();
            async move { backend.list_tokens(request).await }
        };
        count += listing::walk(&every, fetch, |_| Ok(())).await?.shown;
    }
    Ok(count)
}

/// Resolves every name first, so one typo revokes nothing.
async fn revoke_named(
    ctx: &Context,
    names: &[String],
    reason: Option<&str>,
    yes: bool,
) -> Result<()> {
    let backend = ctx.backend().await?;
    let mut tokens = Vec::new();
    for name in names {
        let token = backend.show_token(&TokenRef::parse(name)).await?;
        if !tokens.iter().any(|t: &Token| t.id == token.id) {
            tokens.push(token);
        }
    }
    let listing: Vec<String> = tokens
        .iter()
        .map(|t| format!("{} '{}' of {}", t.id, t.name, t.owner))
        .collect();
    let question = format!("Revoke token {}? This cannot be undone", listing.join(", "));
    ctx.confirm_or_cancel(&question, yes, "Nothing revoked.")?;
    let mut done = Vec::new();
    for token in &tokens {
        done.push(backend.revoke(&TokenRef::Id(token.id), reason).await?);
    }
    report(ctx, &done)
}

/// Finds every value in stdin before revoking anything; unknown values are
/// reported and the rest still revoked, because with a leak every second
/// counts.
async fn revoke_values(ctx: &Context, reason: Option<&str>, yes: bool) -> Result<()> {
    let secrets = scan::secrets_in(&read_stdin()?);
    if secrets.is_empty() {
        return Err(Error::invalid("no tokenctl token value found on stdin")
            .with_hint("pipe in text that holds the leaked values (tcpat_… or tcsvc_…)"));
    }
    if !yes {
        return Err(Error::invalid(
            "refusing to revoke values read from stdin without confirmation",
        )
        .with_hint("pass --yes to confirm"));
    }
    let backend = ctx.backend().await?;
    let mut done = Vec::new();
    let mut missing = 0;
    for secret in &secrets {
        match backend.revoke_by_secret(secret, reason).await {
            Ok(revocation) => done.push(revocation),
            Err(error) if error.kind == ErrorKind::NotFound => {
                missing += 1;
                ctx.out.error(&error);
            }
            Err(error) => return Err(error),
        }
    }
    report(ctx, &done)?;
    if missing > 0 {
        return Err(Error::not_found(format!(
            "{missing} of {} values matched no token",
            secrets.len()
        )));
    }
    Ok(())
}

fn report(ctx: &Context, revocations: &[Revocation]) -> Result<()> {
    let now = time::now();
    if ctx.out.json {
        let rows: Vec<Revoked<'_>> = revocations
            .iter()
            .map(|r| Revoked {
                id: r.token.id,
                name: &r.token.name,
                owner: &r.token.owner,
                hint: &r.token.hint,
                status: r.token.status_at(now),
                already_revoked: !r.newly_revoked,
            })
            .collect();
        return ctx.out.json(&rows);
    }
    for revocation in revocations {
        let token = &revocation.token;
        let what = format!(
            "token {} '{}' ({}) of {}",
            token.id, token.name, token.hint, token.owner
        );
        if revocation.newly_revoked {
            ctx.out.success(&format!("Revoked {what}"));
        } else {
            ctx.out.note(&format!("Already revoked: {what}"));
        }
    }
    Ok(())
}
