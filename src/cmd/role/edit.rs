//! `tokenctl role edit`.

use crate::cmd::Context;
use crate::error::Result;
use crate::model::Permission;
use crate::output;
use crate::requests::RoleChange;

/// Change a custom role's permissions or description (needs users:manage)
///
/// Everyone who holds the role acts with its new permissions at once, on
/// every server replica. Their tokens keep what they were granted that the
/// role still has: removing a permission takes it from those tokens at
/// once; adding one gives it to the holders, never to tokens made before.
/// You need every permission the role has, before and after.
///
/// Examples:
///   tokenctl role edit reader --add-permission audit:read
///   tokenctl role edit reader --remove-permission tokens:read --description "API only"
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Name of the role
    #[arg(add = crate::cmd::complete::roles())]
    pub name: String,

    #[arg(long = "add-permission", value_name = "PERMISSION", help = super::add::permission_help())]
    pub add: Vec<Permission>,

    /// A permission the role no longer grants (repeat for several)
    #[arg(long = "remove-permission", value_name = "PERMISSION")]
    pub remove: Vec<Permission>,

    /// What the role is for
    #[arg(long)]
    pub description: Option<String>,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let change = RoleChange {
        add: args.add.into_iter().collect(),
        remove: args.remove.into_iter().collect(),
        description: args.description,
    };
    let role = ctx.backend().await?.edit_role(&args.name, &change).await?;
    if ctx.out.json {
        return ctx.out.json(&role);
    }
    ctx.out.success(&format!(
        "Edited role '{}': it grants {}",
        role.name,
        output::permission_list(&role.permissions)
    ));
    Ok(())
}
