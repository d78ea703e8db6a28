//! `tokenctl role remove`.

use crate::cmd::Context;
use crate::error::Result;

/// Remove a custom role (needs users:manage)
///
/// A role still held by a user or token (even a revoked one, whose audit
/// trail names it) is removed only with --reassign: its users move to that
/// role and its tokens are labelled with it. A token keeps what it was
/// granted, so moving it gives it nothing. You need every permission of
/// both roles.
///
/// Examples:
///   tokenctl role remove reader
///   tokenctl role remove contractors --reassign connector --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Name of the role
    #[arg(add = crate::cmd::complete::roles())]
    pub name: String,

    /// The role its users and tokens move to
    #[arg(add = crate::cmd::complete::roles(), long, value_name = "ROLE")]
    pub reassign: Option<String>,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let removed = ctx
        .backend()
        .await?
        .remove_role(&args.name, args.reassign.as_deref())
        .await?;
    if ctx.out.json {
        return ctx.out.json(&removed);
    }
    match &removed.reassigned_to {
        Some(to) => ctx.out.success(&format!(
            "Removed role '{}': {} user(s) and {} token(s) moved to {to}",
            removed.removed, removed.users_moved, removed.tokens_moved
        )),
        None => ctx
            .out
            .success(&format!("Removed role '{}'", removed.removed)),
    }
    Ok(())
}
