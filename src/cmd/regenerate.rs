//! `tokenctl regenerate`: a new secret for an active token.

use chrono::Duration;

use super::{ClipboardArgs, Context, parse, reveal_secret};
use crate::error::Result;
use crate::model::Status;
use crate::output;
use crate::requests::{Regeneration, TokenRef};
use crate::time::{self, Expiry};

/// Replace an active token's secret and print the new one once
///
/// The token keeps its ID, name and role, and its expiry unless --expires
/// sets another (within the lifetime policy, as `create`). The old secret
/// stops working at once, or after --grace for a rolling deploy. Revoked and
/// expired tokens can't be regenerated: create a new one.
///
/// With --self, the token in TOKENCTL_TOKEN regenerates itself, no login
/// needed, where its permissions include tokens:rotate-self: a CI job can
/// renew its own credential before it expires.
///
/// Examples:
///   tokenctl regenerate deploy
///   tokenctl regenerate 42 --grace 10m --yes
///   tokenctl regenerate deploy --expires 90d --yes
///   TOKENCTL_TOKEN=$PAT tokenctl regenerate --self --expires 30d --yes --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// ID or name of the token [default on a terminal: pick one]
    #[arg(add = crate::cmd::complete::tokens())]
    pub token: Option<String>,

    /// Regenerate the token this command authenticates with (TOKENCTL_TOKEN)
    #[arg(long = "self", conflicts_with = "token")]
    pub itself: bool,

    /// Keep the old secret working this long, e.g. 10m (at most 7d)
    #[arg(long, value_name = "DURATION", value_parser = parse::duration)]
    pub grace: Option<Duration>,

    /// A new expiry: a duration (90d), a date (2027-01-31) or 'never'
    #[arg(long, value_name = "WHEN", value_parser = parse::expiry)]
    pub expires: Option<Expiry>,

    /// Do not ask for confirmation
    #[arg(long, short)]
    pub yes: bool,

    #[command(flatten)]
    pub clipboard: ClipboardArgs,
}

#[derive(serde::Serialize)]
struct Regenerated<'a> {
    #[serde(flatten)]
    token: output::TokenView<'a>,
    previous_valid_until: Option<chrono::DateTime<chrono::Utc>>,
    secret: &'a str,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let options = Regeneration {
        grace: args.grace,
        expires: args.expires,
    };
    let stops = match args.grace {
        Some(grace) if !grace.is_zero() => format!("stops working in {}", time::compact(grace)),
        _ => "stops working now".to_owned(),
    };
    let backend = ctx.backend().await?;
    let regenerated = if args.itself {
        let question =
            format!("Regenerate the token this command runs as? Its current secret {stops}");
        ctx.confirm_or_cancel(&question, args.yes, "Nothing changed.")?;
        backend.rotate_self(options).await?
    } else {
        let named = super::pick::token_argument(ctx, args.token, "regenerate").await?;
        let token = backend.show_token(&TokenRef::parse(&named)).await?;
        let question = format!(
            "Regenerate token {} '{}' of {}? Its current secret {stops}",
            token.id, token.name, token.owner,
        );
        // Only an active or idle token can be regenerated; for any other the service's
        // refusal (exit 5) says why, with no question asked first.
        let status = token.status_at(time::now());
        if matches!(status, Status::Active | Status::Idle) {
            ctx.confirm_or_cancel(&question, args.yes, "Nothing changed.")?;
        }
        backend.regenerate(&TokenRef::Id(token.id), options).await?
    };
    let now = time::now();
    if ctx.out.json {
        let lost = format!(
            "the new secret, which is never shown again: tokenctl regenerate {} gives another",
            regenerated.token.id
        );
        let secret = regenerated.secret.expose();
        return ctx.out.json_revealing(
            &Regenerated {
                token: output::TokenView::new(&regenerated.token, now),
                previous_valid_until: regenerated.previous_valid_until,
                secret,
            },
            &[secret],
            &lost,
        );
    }
    let old = regenerated.previous_valid_until.map_or_else(
        || "the old secret no longer works".to_owned(),
        |until| {
            format!(
                "the old secret works until {}",
                until.format("%Y-%m-%d %H:%M:%S UTC")
            )
        },
    );
    ctx.out.success(&format!(
        "Regenerated token {} '{}'; {old}",
        regenerated.token.id, regenerated.token.name
    ));
    reveal_secret(ctx, &regenerated.secret, &args.clipboard)
}
