//! `tokenctl policy check`.

use crate::cmd::{Context, ExitStatus};
use crate::error::Result;
use crate::output;

/// List the tokens and users the token policy would not allow now
///
/// A tightened policy holds for new tokens and new secrets; the tokens
/// made before keep their expiry. This lists those that live longer than
/// a new one could, or never expire where that is refused, and the users
/// holding more active tokens than allowed — to regenerate with a shorter
/// --expires, or to revoke. Needs tokens:read-all. Exits 1 when it finds
/// any, so it can gate a scheduled job.
///
/// Examples:
///   tokenctl policy check
///   tokenctl policy check --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {}

pub async fn run(ctx: &Context, _args: Args) -> Result<ExitStatus> {
    let check = ctx.backend().await?.check_token_policy().await?;
    let status = if check.tokens.is_empty() && check.owners.is_empty() {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    };
    if ctx.out.json {
        ctx.out.json(&check)?;
        return Ok(status);
    }
    if status == ExitStatus::Success {
        ctx.out.success("Every token is within the token policy");
        return Ok(status);
    }
    let now = crate::time::now();
    if !check.tokens.is_empty() {
        let rows = check
            .tokens
            .iter()
            .map(|breach| {
                vec![
                    breach.token.id.to_string(),
                    breach.token.name.clone(),
                    breach.token.owner.clone(),
                    output::expiry_text(&breach.token, now),
                    breach.rule.clone(),
                ]
            })
            .collect();
        ctx.out
            .table(&["ID", "NAME", "OWNER", "EXPIRES", "BREAKS"], rows)?;
    }
    if !check.owners.is_empty() {
        if !check.tokens.is_empty() {
            ctx.out.line("")?;
        }
        let rows = check
            .owners
            .iter()
            .map(|owner| {
                vec![
                    owner.owner.clone(),
                    owner.active_tokens.to_string(),
                    owner.max.to_string(),
                ]
            })
            .collect();
        ctx.out
            .table(&["OWNER", "ACTIVE TOKENS", "ALLOWED"], rows)?;
    }
    Ok(status)
}
