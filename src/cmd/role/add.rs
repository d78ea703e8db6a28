//! `tokenctl role add`.

use crate::cmd::Context;
use crate::error::Result;
use crate::model::Permission;

/// Add a custom role (needs users:manage)
///
/// Examples:
///   tokenctl role add reader --permission api:read --permission tokens:read
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Name of the new role
    pub name: String,

    #[arg(
        long = "permission",
        short = 'p',
        value_name = "PERMISSION",
        required = true,
        help = permission_help()
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

/// The `--permission` help, listing every permission there is: written from
/// [`Permission::ALL`], so a new permission can't be left out of it.
pub(super) fn permission_help() -> String {
    let names: Vec<&str> = Permission::ALL.iter().map(|p| p.as_str()).collect();
    format!(
        "A permission the role grants (repeat for several): {}",
        names.join(", ")
    )
}
