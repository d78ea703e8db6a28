//! `tokenctl user …`: the accounts that own tokens.

pub mod add;
pub mod disable;
pub mod edit;
pub mod enable;
pub mod list;
pub mod remove;
pub mod reset_2fa;
pub mod reset_password;
pub mod set_role;
pub mod unlock;

use super::Context;
use crate::error::Result;

/// Manage users (accounts that own tokens)
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    #[command(visible_alias = "ls")]
    List(list::Args),
    Add(add::Args),
    Disable(disable::Args),
    Enable(enable::Args),
    SetRole(set_role::Args),
    Unlock(unlock::Args),
    ResetPassword(reset_password::Args),
    #[command(name = "reset-2fa")]
    Reset2fa(reset_2fa::Args),
    Edit(edit::Args),
    #[command(visible_alias = "rm")]
    Remove(remove::Args),
}

pub async fn run(ctx: &Context, command: Command) -> Result<()> {
    match command {
        Command::List(args) => list::run(ctx, args).await,
        Command::Add(args) => add::run(ctx, args).await,
        Command::Disable(args) => set_disabled(ctx, &args.name, true).await,
        Command::Enable(args) => set_disabled(ctx, &args.name, false).await,
        Command::SetRole(args) => set_role(ctx, &args).await,
        Command::Unlock(args) => unlock(ctx, &args.name).await,
        Command::ResetPassword(args) => reset_password::run(ctx, args).await,
        Command::Reset2fa(args) => reset_2fa::run(ctx, args).await,
        Command::Edit(args) => edit::run(ctx, args).await,
        Command::Remove(args) => remove::run(ctx, args).await,
    }
}

async fn set_role(ctx: &Context, args: &set_role::Args) -> Result<()> {
    let user = ctx
        .backend()
        .await?
        .set_user_role(&args.name, &args.role)
        .await?;
    if ctx.out.json {
        return ctx.out.json(&user);
    }
    ctx.out
        .success(&format!("User '{}' now has role {}", user.name, user.role));
    Ok(())
}

async fn unlock(ctx: &Context, name: &str) -> Result<()> {
    let unlocked = ctx.backend().await?.unlock_user(name).await?;
    if ctx.out.json {
        return ctx.out.json(&unlocked);
    }
    ctx.out.success(&format!(
        "User '{}' may log in again from every address ({} had failed logins)",
        unlocked.user.name, unlocked.cleared_addresses
    ));
    Ok(())
}

async fn set_disabled(ctx: &Context, name: &str, disabled: bool) -> Result<()> {
    let user = ctx
        .backend()
        .await?
        .set_user_disabled(name, disabled)
        .await?;
    if ctx.out.json {
        return ctx.out.json(&user);
    }
    let verb = if disabled { "Disabled" } else { "Enabled" };
    ctx.out.success(&format!("{verb} user '{}'", user.name));
    Ok(())
}
