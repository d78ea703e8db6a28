//! `tokenctl policy set`.

use clap::builder::BoolishValueParser;

use crate::cmd::{Context, parse};
use crate::error::Result;
use crate::model::TokenKind;
use crate::policy::TokenPolicy;
use crate::policy::token_policy::{LimitChange, PolicyChange};

/// Change the token policy (needs policy:manage and a login)
///
/// What is not given stays as it is. --max-lifetime sets the longest
/// lifetime of every token, or with --type and/or --role of those only;
/// every limit that matches a token holds, so the shortest wins. `none`
/// lifts a limit. Existing tokens keep their expiry: tokenctl policy
/// check lists the ones a tightened policy would not allow now.
///
/// Examples:
///   tokenctl policy set --max-lifetime 1y --allow-never no
///   tokenctl policy set --max-lifetime 90d --type service --role developer
///   tokenctl policy set --max-lifetime none --type service --role developer
///   tokenctl policy set --require-2fa yes --max-active-tokens 50
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
#[command(group(
    clap::ArgGroup::new("change")
        .required(true)
        .multiple(true)
        .args(["default_lifetime", "allow_never", "require_2fa", "max_active_tokens", "max_lifetime"])
))]
pub struct Args {
    /// Lifetime of a token created without --expires (30d, 12h, …)
    #[arg(long, value_name = "DURATION", value_parser = parse::duration)]
    pub default_lifetime: Option<chrono::Duration>,

    /// Whether --expires never is allowed (yes/no)
    #[arg(long, value_name = "YES|NO", value_parser = BoolishValueParser::new())]
    pub allow_never: Option<bool>,

    /// Whether creating or regenerating a token needs a login with 2FA (yes/no)
    #[arg(long = "require-2fa", value_name = "YES|NO", value_parser = BoolishValueParser::new())]
    pub require_2fa: Option<bool>,

    /// Most active tokens one user may own, or `none`
    #[arg(long, value_name = "N|none", value_parser = count_or_none)]
    pub max_active_tokens: Option<Limit<u32>>,

    /// Longest lifetime (90d, 1y), or `none` to lift the limit
    #[arg(long, value_name = "DURATION|none", value_parser = duration_or_none)]
    pub max_lifetime: Option<Limit<chrono::Duration>>,

    /// With --max-lifetime: only tokens of this type (personal or service)
    #[arg(long = "type", value_name = "TYPE", value_parser = parse::kind, requires = "max_lifetime")]
    pub kind: Option<TokenKind>,

    /// With --max-lifetime: only tokens of this role
    #[arg(add = crate::cmd::complete::roles(), long, requires = "max_lifetime")]
    pub role: Option<String>,
}

/// A limit, or `none` for no limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit<T> {
    At(T),
    Lifted,
}

impl<T> Limit<T> {
    fn value(self) -> Option<T> {
        match self {
            Limit::At(value) => Some(value),
            Limit::Lifted => None,
        }
    }
}

fn count_or_none(text: &str) -> Result<Limit<u32>, String> {
    if text.eq_ignore_ascii_case("none") {
        return Ok(Limit::Lifted);
    }
    text.parse()
        .map(Limit::At)
        .map_err(|_| format!("'{text}' is not a count: give a whole number, or none"))
}

fn duration_or_none(text: &str) -> Result<Limit<chrono::Duration>, String> {
    if text.eq_ignore_ascii_case("none") {
        return Ok(Limit::Lifted);
    }
    parse::duration(text).map(Limit::At)
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let change = PolicyChange {
        default_lifetime_seconds: args.default_lifetime.map(|lifetime| lifetime.num_seconds()),
        allow_never: args.allow_never,
        create_requires_2fa: args.require_2fa,
        max_active_tokens_per_user: args.max_active_tokens.map(Limit::value),
        max_lifetimes: args
            .max_lifetime
            .map(|max| LimitChange {
                kind: args.kind,
                role: args.role.clone(),
                max_seconds: max.value().map(|max| max.num_seconds()),
            })
            .into_iter()
            .collect(),
    };
    let policy = ctx.backend().await?.set_token_policy(&change).await?;
    if ctx.out.json {
        return ctx.out.json(&policy);
    }
    ctx.out.success(&format!(
        "Token policy changed: {}",
        TokenPolicy::describe(&change)
    ));
    super::print(ctx, &policy)
}
