//! `tokenctl create`: issue a token and show its secret exactly once.

use serde::Serialize;

use super::{ClipboardArgs, Context, parse, reveal_secret};
use crate::error::Result;
use crate::model::{Permissions, TokenKind};
use crate::network::AddressRange;
use crate::output::{self, TokenView};
use crate::requests::CreateRequest;
use crate::time::{self, Expiry};

/// Create a token and print its secret once
///
/// The secret is printed exactly once and only its hash is stored: copy it
/// now. When stdout is not a terminal it is the only thing printed there, so
/// `$(tokenctl create …)` captures it; notes go to stderr.
///
/// The token gets the permissions of --role (by default its owner's role),
/// but never more than you or its owner have: any the role has and either
/// of you lacks are stripped and reported. Later, it never does more than
/// its owner's role allows at the time.
///
/// Examples:
///   tokenctl create deploy --expires 7d
///   tokenctl create uploader --type service --role connector --expires 2030-01-31
///   tokenctl create vendor-x --for alice --role developer --json
///   tokenctl create ci --type service --allow-ip 10.0.0.0/8 --allow-ip 2001:db8::/32
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Name of the token, unique among the owner's active tokens
    pub name: String,

    /// Kind of token: personal (a person's PAT) or service (an integration)
    #[arg(long = "type", value_name = "TYPE", default_value = "personal", value_parser = parse::kind)]
    pub kind: TokenKind,

    /// Role whose permissions the token gets [default: the owner's role]
    #[arg(add = crate::cmd::complete::roles(), long)]
    pub role: Option<String>,

    /// When it expires: 30d, 12h, 2027-01-31 or never [default: 30d]
    #[arg(long, value_name = "WHEN", value_parser = parse::expiry)]
    pub expires: Option<Expiry>,

    /// What the token is for
    #[arg(long, default_value = "")]
    pub description: String,

    /// Stop working after this long unused, e.g. 90d (regenerate revives it)
    #[arg(long, value_name = "DURATION", value_parser = parse::duration)]
    pub max_idle: Option<chrono::Duration>,

    /// Work only from these addresses: CIDR blocks or single addresses,
    /// IPv4 or IPv6 (repeat it, or separate them with commas)
    #[arg(long = "allow-ip", value_name = "CIDR", value_parser = parse::address_range, value_delimiter = ',')]
    pub allowed_ips: Vec<AddressRange>,

    /// Issue the token to another user (needs users:manage)
    #[arg(add = crate::cmd::complete::users(), long = "for", value_name = "USER")]
    pub owner: Option<String>,

    #[command(flatten)]
    pub clipboard: ClipboardArgs,
}

#[derive(Serialize)]
struct Created<'a> {
    #[serde(flatten)]
    token: TokenView<'a>,
    stripped_permissions: &'a Permissions,
    secret: &'a str,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let backend = ctx.backend().await?;
    let created = backend
        .create_token(CreateRequest {
            name: args.name,
            kind: args.kind,
            role: args.role,
            expires: args.expires,
            description: args.description,
            owner: args.owner,
            max_idle: args.max_idle,
            allowed_ips: args.allowed_ips,
        })
        .await?;
    let token = &created.token;
    let now = time::now();
    if !created.stripped.is_empty() {
        let who = output::who_lacks(&token.owner, &token.created_by);
        ctx.out.warning(&format!(
            "role {} includes {}, which {who} have; the token does not get {}",
            token.role,
            output::permission_list(&created.stripped),
            if created.stripped.len() == 1 {
                "it"
            } else {
                "them"
            }
        ));
    }
    if ctx.out.json {
        let lost = format!(
            "the new secret, which is never shown again: tokenctl regenerate {} gives token {} another",
            token.id, token.id
        );
        let secret = created.secret.expose();
        return ctx.out.json_revealing(
            &Created {
                token: TokenView::new(token, now),
                stripped_permissions: &created.stripped,
                secret,
            },
            &[secret],
            &lost,
        );
    }
    ctx.out.success(&format!(
        "Created {} token {} '{}' for {} (role {}), expires {}",
        token.kind,
        token.id,
        token.name,
        token.owner,
        token.role,
        output::expiry_long(token.expires_at, now)
    ));
    reveal_secret(ctx, &created.secret, &args.clipboard)
}
