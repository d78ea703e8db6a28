//! `tokenctl profile …`: the saved logins (server + user) commands go to,
//! and which one is current — gh's `auth status` and `auth switch`.

pub mod list;
pub mod remove;
pub mod switch;

use super::Context;
use crate::error::{Error, Result};
use crate::session::Profile;

/// List, switch and remove saved logins (profiles)
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    #[command(visible_alias = "ls")]
    List(list::Args),
    Use(switch::Args),
    #[command(visible_alias = "rm")]
    Remove(remove::Args),
}

pub async fn run(ctx: &Context, command: Command) -> Result<()> {
    match command {
        Command::List(args) => list::run(ctx, args).await,
        Command::Use(args) => switch::run(ctx, args),
        Command::Remove(args) => remove::run(ctx, args).await,
    }
}

/// The saved profile `name`, or an error that lists the ones there are.
fn saved(ctx: &Context, name: &str) -> Result<Profile> {
    let profiles = ctx.sessions.profiles()?;
    profiles.profiles.get(name).cloned().ok_or_else(|| {
        let names: Vec<&str> = profiles.profiles.keys().map(String::as_str).collect();
        let known = if names.is_empty() {
            "there are none: log in first (tokenctl login --server URL)".to_owned()
        } else {
            format!("the profiles are {}", names.join(", "))
        };
        Error::not_found(format!("there is no profile named '{name}'")).with_hint(known)
    })
}
