//! `tokenctl user list`.

use crate::cmd::Context;
use crate::error::Result;

/// List users
///
/// Examples:
///   tokenctl user list --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {}

pub async fn run(ctx: &Context, _args: Args) -> Result<()> {
    let users = ctx.backend().await?.users().await?;
    if ctx.out.json {
        return ctx.out.json(&users);
    }
    let rows = users
        .iter()
        .map(|user| {
            vec![
                user.id.to_string(),
                user.name.clone(),
                user.role.clone(),
                user.created_at.format("%Y-%m-%d").to_string(),
                if user.is_disabled() {
                    "disabled"
                } else {
                    "active"
                }
                .to_owned(),
            ]
        })
        .collect();
    ctx.out
        .table(&["ID", "NAME", "ROLE", "CREATED", "STATUS"], rows)
}
