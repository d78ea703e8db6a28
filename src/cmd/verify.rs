//! `tokenctl verify`: is this token value valid, and what may it do?

use serde::Serialize;

use super::{Context, first_stdin_line};
use crate::error::{Error, Result};
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
/// Examples:
///   echo "$TOKEN" | tokenctl verify
///   tokenctl verify --json < token.txt
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {}

#[derive(Serialize)]
struct Verified<'a> {
    valid: bool,
    #[serde(flatten)]
    token: TokenView<'a>,
}

pub async fn run(ctx: &Context, _args: Args) -> Result<()> {
    let secret = Secret::parse(&read_token(ctx)?)?;
    let token = ctx.backend().await?.verify(&secret).await?;
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
        ("Role", token.role.clone()),
        ("Permissions", output::permission_list(&token.permissions)),
        ("Expires", output::expiry_long(token.expires_at, now)),
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
    first_stdin_line()?.ok_or_else(|| {
        Error::invalid("no token on stdin")
            .with_hint("pipe it in: echo \"$TOKEN\" | tokenctl verify")
    })
}
