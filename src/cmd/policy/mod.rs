//! `tokenctl policy …`: the token policy, which the store keeps so that
//! the server and every local user of one store obey the same rules.

pub mod check;
pub mod set;
pub mod show;

use super::{Context, ExitStatus, done};
use crate::config::ConfigPolicy;
use crate::error::Result;
use crate::output::Output;
use crate::policy::TokenPolicy;
use crate::service::PolicyImport;
use crate::time;

/// Show, change or check the token policy
///
/// The policy holds for every new token and every new secret, on the
/// local store and on a server alike: how long a token lives when no
/// --expires is given, the longest lifetime per token type and per role,
/// whether --expires never is allowed, whether creating a token needs a
/// login with 2FA, and how many active tokens one user may have. A
/// request that breaks it is refused with the rule named, never quietly
/// shortened. Changing it needs the policy:manage permission and a login.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    Show(show::Args),
    Set(set::Args),
    Check(check::Args),
}

pub async fn run(ctx: &Context, command: Command) -> Result<ExitStatus> {
    match command {
        Command::Show(args) => show::run(ctx, args).await.map(done),
        Command::Set(args) => set::run(ctx, args).await.map(done),
        Command::Check(args) => check::run(ctx, args).await,
    }
}

/// The policy for a person: its settings, then its limits.
fn print(ctx: &Context, policy: &TokenPolicy) -> Result<()> {
    ctx.out.fields(&[
        ("Default lifetime", time::compact(policy.default_lifetime())),
        (
            "Never expiring",
            if policy.allow_never {
                "allowed"
            } else {
                "refused"
            }
            .to_owned(),
        ),
        (
            "2FA to create",
            if policy.create_requires_2fa {
                "required (a login with a code)"
            } else {
                "not required"
            }
            .to_owned(),
        ),
        (
            "Tokens per user",
            match policy.max_active_tokens_per_user {
                Some(max) => format!("at most {max} active"),
                None => "no limit".to_owned(),
            },
        ),
    ])?;
    if policy.max_lifetimes.is_empty() {
        return ctx.out.line("Longest lifetime: no limit");
    }
    ctx.out.line("")?;
    let rows = policy
        .max_lifetimes
        .iter()
        .map(|limit| vec![limit.subject(), time::compact(limit.max())])
        .collect();
    ctx.out.table(&["TOKENS", "LIVE AT MOST"], rows)
}

/// Tells what became of a config file's `[policy]` section on opening a
/// store: the section is a migration source, and goes once it is copied.
pub fn report_import(out: &Output, config: &ConfigPolicy, imported: Result<PolicyImport>) {
    let file = config.file.display();
    match imported {
        Ok(PolicyImport::Moved) => out.note(&format!(
            "note: the [policy] section of {file} is now the store's token policy (tokenctl policy show); remove it from the file"
        )),
        Ok(PolicyImport::Same) => out.note(&format!(
            "note: the [policy] section of {file} is the store's token policy already; remove it from the file"
        )),
        Ok(PolicyImport::Ignored) => out.warning(&format!(
            "the [policy] section of {file} is ignored: the store has a token policy of its own (tokenctl policy show)"
        )),
        Err(error) => out.warning(&format!(
            "the [policy] section of {file} could not be copied into the store: {}",
            error.message
        )),
    }
}
