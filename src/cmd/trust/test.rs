//! `tokenctl trust test`.

use crate::cmd::{Context, input};
use crate::error::{Error, Result};
use crate::output;

/// Explain, claim by claim, whether trust policies admit an ID token
///
/// Reads one ID token (a JWT) from stdin, checks its signature against its
/// issuer's published keys, and shows each policy's verdict. Nothing is
/// exchanged: the token stays usable. Exit 0 when a policy admits it, 4
/// when none does.
///
/// Examples:
///   tokenctl trust test deploy-api < id_token.jwt
///   tokenctl trust test --all --json < id_token.jwt
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The policy to test against
    #[arg(required_unless_present = "all", conflicts_with = "all")]
    pub name: Option<String>,

    /// Test against every policy that trusts the token's issuer
    #[arg(long)]
    pub all: bool,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let token = input::only_stdin_line("ID token")?.ok_or_else(|| {
        Error::invalid("no ID token on stdin")
            .with_hint("pipe it in: tokenctl trust test NAME < id_token.jwt")
    })?;
    let verdicts = ctx
        .backend()
        .await?
        .test_trust(args.name.as_deref(), &token)
        .await?;
    let admitted = verdicts.policies.iter().find(|verdict| verdict.matched);
    if ctx.out.json {
        ctx.out.json(&verdicts)?;
    } else {
        ctx.out.fields(&[
            ("Issuer", verdicts.issuer.clone()),
            ("Subject", verdicts.subject.clone()),
        ])?;
        for verdict in &verdicts.policies {
            ctx.out.line("")?;
            let outcome = if verdict.matched { "admits" } else { "refuses" };
            ctx.out.line(&output::printable(&format!(
                "policy {}: {outcome}",
                verdict.policy
            )))?;
            let rows = verdict
                .checks
                .iter()
                .map(|check| {
                    vec![
                        if check.ok { "ok" } else { "FAIL" }.to_owned(),
                        check.claim.clone(),
                        check.expected.clone(),
                        check
                            .found
                            .clone()
                            .unwrap_or_else(|| "(missing)".to_owned()),
                    ]
                })
                .collect();
            ctx.out.table(&["", "CLAIM", "EXPECTED", "FOUND"], rows)?;
        }
    }
    match admitted {
        Some(_) => Ok(()),
        None => Err(Error::denied("no trust policy admits this ID token")
            .with_hint("the FAIL lines say which claims differ")),
    }
}
