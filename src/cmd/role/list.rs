//! `tokenctl role list`.

use crate::cmd::Context;
use crate::error::Result;
use crate::output;

/// List roles and their permissions
///
/// Examples:
///   tokenctl role list
///   tokenctl role list --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {}

pub async fn run(ctx: &Context, _args: Args) -> Result<()> {
    let roles = ctx.backend().await?.roles().await?;
    if ctx.out.json {
        return ctx.out.json(&roles);
    }
    let rows = roles
        .iter()
        .map(|role| {
            vec![
                role.name.clone(),
                if role.builtin { "built-in" } else { "custom" }.to_owned(),
                role.description.clone(),
                output::permission_list(&role.permissions),
            ]
        })
        .collect();
    ctx.out
        .table(&["NAME", "KIND", "DESCRIPTION", "PERMISSIONS"], rows)
}
