//! `tokenctl role add`.

use crate::cmd::Context;
use crate::error::Result;
use crate::model::Permission;

/// Add a custom role (needs users:manage)
///
/// Permissions: api:read, api:write, files:upload, tokens:read, tokens:manage,
/// tokens:read-all, tokens:revoke-all, audit:read, users:manage, keys:manage.
///
/// Examples:
///   tokenctl role add reader --permission api:read --permission tokens:read
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Name of the new role
    pub name: String,

    /// A permission the role grants (repeat for several)
    #[arg(
        long = "permission",
        short = 'p',
        value_name = "PERMISSION",
        required = true
    )]
    pub permissions: Vec<Permission>,

    /// What the role is for
    #[arg(long, default_value = "")]
    pub description: String,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let role = ctx
        .backend()
        .await?
        .add_role(
            &args.name,
            &args.description,
            args.permissions.into_iter().collect(),
        )
        .await?;
    if ctx.out.json {
        return ctx.out.json(&role);
    }
    ctx.out.success(&format!("Added role '{}'", role.name));
    Ok(())
}
