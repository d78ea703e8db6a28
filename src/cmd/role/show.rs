//! `tokenctl role show`.

use crate::cmd::Context;
use crate::error::Result;

/// Show one role and what each of its permissions allows
///
/// Examples:
///   tokenctl role show support
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Name of the role
    #[arg(add = crate::cmd::complete::roles())]
    pub name: String,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let role = ctx.backend().await?.role(&args.name).await?;
    if ctx.out.json {
        return ctx.out.json(&role);
    }
    ctx.out.fields(&[
        ("Name", role.name.clone()),
        (
            "Kind",
            if role.builtin { "built-in" } else { "custom" }.to_owned(),
        ),
        ("Description", role.description.clone()),
    ])?;
    let rows = role
        .permissions
        .iter()
        .map(|permission| vec![permission.to_string(), permission.description().to_owned()])
        .collect();
    ctx.out.line("")?;
    ctx.out.table(&["PERMISSION", "ALLOWS"], rows)
}
