//! `tokenctl trust list`.

use crate::cmd::Context;
use crate::error::Result;
use crate::time;

/// List trust policies (needs trust:manage)
///
/// Examples:
///   tokenctl trust list
///   tokenctl trust list --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {}

pub async fn run(ctx: &Context, _args: Args) -> Result<()> {
    let policies = ctx.backend().await?.trust_policies().await?;
    if ctx.out.json {
        return ctx.out.json(&policies);
    }
    let rows = policies
        .iter()
        .map(|policy| {
            vec![
                policy.name.clone(),
                policy.issuer.clone(),
                policy.audience.clone(),
                super::rules(policy),
                policy.owner.clone(),
                super::grants(policy),
                time::compact(chrono::Duration::seconds(policy.max_ttl_seconds)),
            ]
        })
        .collect();
    ctx.out.table(
        &[
            "NAME", "ISSUER", "AUDIENCE", "CLAIMS", "OWNER", "GRANTS", "MAX TTL",
        ],
        rows,
    )
}
