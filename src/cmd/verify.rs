//! `tokenctl verify`: is this token value valid, and what may it do?

use serde::Serialize;

use super::{Context, only_stdin_line};
use crate::error::{Error, Result};
use crate::exchange::AccessClaims;
use crate::output::{self, TokenView};
use crate::secret::Secret;
use crate::time;

/// Check a token value read from stdin
///
/// Prints the token's owner, role, permissions and expiry and exits 0 when it
/// is valid; exits 4 when it is revoked, expired or unknown. The value is read
/// from stdin (or a hidden prompt on a terminal), never from the command line,
/// and never printed.
///
/// An access token from `tokenctl exchange` (a JWT) is checked offline, as a
/// resource server would: its signature against the server's JWK Set (the
/// store's own keys locally), its issuer, its audience (--audience, default
/// the issuer) and its expiry; its claims are printed. Whether the token it
/// came from was revoked since is for the server's introspection to say.
///
/// Examples:
///   echo "$TOKEN" | tokenctl verify
///   tokenctl verify --json < token.txt
///   echo "$ACCESS_TOKEN" | tokenctl verify --audience https://files.example
///   echo "$TOKEN" | tokenctl verify --from 10.1.2.3
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The audience an access token must be for [default: its issuer]
    #[arg(long, value_name = "AUD")]
    pub audience: Option<String>,

    /// Check it as used from this address, against its allow-list (a local
    /// store only; a server checks the address it sees)
    #[arg(long, value_name = "ADDR")]
    pub from: Option<std::net::IpAddr>,
}

#[derive(Serialize)]
struct Verified<'a> {
    valid: bool,
    #[serde(flatten)]
    token: TokenView<'a>,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let value = read_token(ctx)?;
    if !crate::secret::has_token_prefix(&value) && value.contains('.') {
        if args.from.is_some() {
            return Err(Error::invalid(
                "--from checks a token's allow-list; an access token is checked offline, where its token's allow-list is introspection's to apply",
            ));
        }
        return verify_access_token(ctx, &value, args.audience.as_deref()).await;
    }
    let secret = Secret::parse(&value)?;
    let token = ctx.backend().await?.verify(&secret, args.from).await?;
    let now = time::now();
    if ctx.out.json {
        return ctx.out.json(&Verified {
            valid: true,
            token: TokenView::new(&token, now),
        });
    }
    ctx.out
        .success(&format!("Token {} '{}' is valid", token.id, token.name));
    ctx.out.fields(&[
        ("Owner", token.owner.clone()),
        ("Type", token.kind.to_string()),
        ("Role", output::token_role(&token)),
        (
            "Permissions",
            output::permission_list(&token.effective_permissions),
        ),
        ("Expires", output::expiry_long(token.expires_at, now)),
    ])
}

#[derive(Serialize)]
struct VerifiedAccessToken {
    valid: bool,
    #[serde(flatten)]
    claims: AccessClaims,
}

async fn verify_access_token(ctx: &Context, token: &str, audience: Option<&str>) -> Result<()> {
    let claims = ctx
        .backend()
        .await?
        .verify_access_token(token, audience)
        .await?;
    let now = time::now();
    let expires = chrono::DateTime::from_timestamp(claims.exp, 0);
    if ctx.out.json {
        return ctx.out.json(&VerifiedAccessToken {
            valid: true,
            claims,
        });
    }
    ctx.out
        .success(&format!("Access token for {} is valid", claims.sub));
    ctx.out.fields(&[
        ("Issuer", claims.iss),
        ("Audience", claims.aud),
        ("Scope", claims.scope),
        ("Client", claims.client_id),
        ("Expires", output::expiry_long(expires, now)),
        ("ID", claims.jti),
    ])
}

/// The first non-empty line of stdin, or a hidden prompt on a terminal.
fn read_token(ctx: &Context) -> Result<String> {
    if ctx.out.can_prompt() {
        return dialoguer::Password::new()
            .with_prompt("Token")
            .interact()
            .map_err(|error| Error::internal(format!("cannot read the token: {error}")));
    }
    only_stdin_line("token")?.ok_or_else(|| {
        Error::invalid("no token on stdin")
            .with_hint("pipe it in: echo \"$TOKEN\" | tokenctl verify")
    })
}
