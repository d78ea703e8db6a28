//! `tokenctl show`: everything known about one token, except its secret.

use super::Context;
use crate::error::Result;
use crate::model::Token;
use crate::output::{self, TokenView};
use crate::service::TokenRef;
use crate::time;

/// Show one token
///
/// Names a token by ID or by name. The hint (prefix and last four characters)
/// lets support staff match a leaked value to a token without the secret.
///
/// Examples:
///   tokenctl show deploy
///   tokenctl show 42 --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// ID or name of the token
    pub token: String,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let token = ctx
        .backend()
        .await?
        .show_token(&TokenRef::parse(&args.token))
        .await?;
    render(ctx, &token)
}

/// Prints one token as fields or JSON; `revoke` and `regenerate` reuse it.
pub fn render(ctx: &Context, token: &Token) -> Result<()> {
    let now = time::now();
    if ctx.out.json {
        return ctx.out.json(&TokenView::new(token, now));
    }
    let optional = |at: Option<chrono::DateTime<chrono::Utc>>| {
        at.map_or_else(|| "-".to_owned(), |at| output::instant_long(at, now))
    };
    ctx.out.fields(&[
        ("ID", token.id.to_string()),
        ("Name", token.name.clone()),
        ("Type", token.kind.to_string()),
        ("Status", token.status_at(now).to_string()),
        ("Role", token.role.clone()),
        ("Permissions", output::permission_list(&token.permissions)),
        ("Owner", token.owner.clone()),
        ("Created by", token.created_by.clone()),
        ("Created", optional(Some(token.created_at))),
        ("Expires", output::expiry_long(token.expires_at, now)),
        ("Last used", optional(token.last_used_at)),
        ("Regenerated", optional(token.regenerated_at)),
        ("Revoked", optional(token.revoked_at)),
        ("Hint", token.hint.clone()),
        ("Description", token.description.clone()),
    ])
}
