//! `tokenctl trust show`.

use crate::cmd::Context;
use crate::error::Result;
use crate::output;
use crate::time;

/// Show one trust policy (needs trust:manage)
///
/// Examples:
///   tokenctl trust show deploy-api
///   tokenctl trust show deploy-api --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Name of the policy
    pub name: String,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let policy = ctx.backend().await?.trust_policy(&args.name).await?;
    if ctx.out.json {
        return ctx.out.json(&policy);
    }
    let mut fields = vec![
        ("Name", policy.name.clone()),
        ("Issuer", policy.issuer.clone()),
        ("Audience", policy.audience.clone()),
        ("Owner", policy.owner.clone()),
        ("Grants", super::grants(&policy)),
        (
            "Max TTL",
            time::compact(chrono::Duration::seconds(policy.max_ttl_seconds)),
        ),
        ("Description", policy.description.clone()),
        ("Created by", policy.created_by.clone()),
        (
            "Created",
            output::instant_long(policy.created_at, time::now()),
        ),
    ];
    if !policy.stripped_permissions.is_empty() {
        fields.push((
            "Stripped",
            output::permission_list(&policy.stripped_permissions),
        ));
    }
    ctx.out.fields(&fields)?;
    ctx.out.line("")?;
    let rows = policy
        .claims
        .iter()
        .map(|rule| vec![rule.key.clone(), rule.pattern.clone()])
        .collect();
    ctx.out.table(&["CLAIM", "MUST MATCH"], rows)
}
