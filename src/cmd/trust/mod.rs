//! `tokenctl trust …`: trust policies, which let CI jobs exchange the ID
//! token their CI provider mints for them instead of a stored secret.

pub mod add;
pub mod list;
pub mod remove;
pub mod show;
pub mod test;

use super::Context;
use crate::error::Result;
use crate::model::TrustPolicy;
use crate::output;

/// Manage trust policies: CI jobs that may exchange their OIDC ID token
///
/// A trust policy admits the ID tokens of one issuer (GitHub Actions,
/// GitLab CI, any OpenID Connect provider) for one audience whose claims
/// match its rules; `tokenctl exchange --oidc …` in such a job gets an
/// access token of the policy's owner with the policy's permissions, and
/// no secret is stored in CI at all.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    #[command(visible_alias = "ls")]
    List(list::Args),
    Show(show::Args),
    Add(Box<add::Args>),
    #[command(visible_alias = "rm")]
    Remove(remove::Args),
    Test(test::Args),
}

pub async fn run(ctx: &Context, command: Command) -> Result<()> {
    match command {
        Command::List(args) => list::run(ctx, args).await,
        Command::Show(args) => show::run(ctx, args).await,
        Command::Add(args) => add::run(ctx, *args).await,
        Command::Remove(args) => remove::run(ctx, args).await,
        Command::Test(args) => test::run(ctx, args).await,
    }
}

/// A policy's claim rules as `trust add` takes them, comma-separated.
fn rules(policy: &TrustPolicy) -> String {
    let rules: Vec<String> = policy
        .claims
        .iter()
        .map(|rule| format!("{}={}", rule.key, rule.pattern))
        .collect();
    rules.join(", ")
}

/// What a policy grants: its role's name with the permissions, or the
/// scopes alone.
fn grants(policy: &TrustPolicy) -> String {
    let permissions = output::permission_list(&policy.permissions);
    match &policy.role {
        Some(role) => format!("{permissions} (role {role})"),
        None => permissions,
    }
}
