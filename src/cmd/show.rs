//! `tokenctl show`: everything known about one token, except its secret.

use super::Context;
use crate::error::Result;
use crate::model::Token;
use crate::output::{self, TokenView};
use crate::requests::TokenRef;
use crate::time;

/// Show one token
///
/// Names a token by ID or by name; on a terminal, with neither, you pick
/// one from a list you can filter by typing. The hint (prefix and last four characters)
/// lets support staff match a leaked value to a token without the secret.
///
/// Examples:
///   tokenctl show deploy
///   tokenctl show 42 --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// ID or name of the token [default on a terminal: pick one]
    #[arg(add = crate::cmd::complete::tokens())]
    pub token: Option<String>,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let named = super::pick::token_argument(ctx, args.token, "show").await?;
    let token = ctx
        .backend()
        .await?
        .show_token(&TokenRef::parse(&named))
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
    let mut fields = vec![
        ("ID", token.id.to_string()),
        ("Name", token.name.clone()),
        ("Type", token.kind.to_string()),
        ("Status", token.status_at(now).to_string()),
        ("Role", output::token_role(token)),
        (
            "Permissions",
            output::permission_list(&token.effective_permissions),
        ),
    ];
    fields.extend(reductions(token));
    fields.extend([
        ("Owner", token.owner.clone()),
        ("Created by", token.created_by.clone()),
        ("Created", optional(Some(token.created_at))),
        ("Expires", output::expiry_long(token.expires_at, now)),
        ("Last used", output::last_use_long(token, now)),
        ("Idle after", output::idle_long(token, now)),
        ("Allowed from", output::allowed_from(token)),
        ("Regenerated", optional(token.regenerated_at)),
        ("Revoked", optional(token.revoked_at)),
        ("Hint", token.hint.clone()),
        ("Description", token.description.clone()),
    ]);
    ctx.out.fields(&fields)
}

/// Why a token may do less than its role: what was stripped when it was
/// made, and what its owner's role no longer allows.
fn reductions(token: &Token) -> Vec<(&'static str, String)> {
    let suspended: crate::model::Permissions = token
        .permissions
        .difference(&token.effective_permissions)
        .copied()
        .collect();
    let mut lines = Vec::new();
    if !token.stripped_permissions.is_empty() {
        lines.push((
            "Stripped",
            format!(
                "{} (at creation: its creator or owner lacked them)",
                output::permission_list(&token.stripped_permissions)
            ),
        ));
    }
    if !suspended.is_empty() {
        lines.push((
            "Suspended",
            format!(
                "{} (its owner's role no longer has them)",
                output::permission_list(&suspended)
            ),
        ));
    }
    lines
}
