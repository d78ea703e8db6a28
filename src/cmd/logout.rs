//! `tokenctl logout`: forget the session.

use super::{Context, Target};
use crate::error::Result;

/// Log out: delete the stored session
///
/// Examples:
///   tokenctl logout
///   tokenctl logout --profile staging
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {}

pub async fn run(ctx: &Context, _args: Args) -> Result<()> {
    let Target::Remote {
        server,
        profile: Some((name, profile)),
    } = ctx.target()?
    else {
        ctx.out.note("Not logged in.");
        return Ok(());
    };
    ctx.sessions.delete(&name, &profile).await?;
    let mut profiles = ctx.sessions.profiles()?;
    if profiles.current.as_deref() == Some(name.as_str()) {
        profiles.current = None;
    }
    ctx.sessions.save_profiles(&profiles)?;
    ctx.out
        .success(&format!("Logged out of {server} ({})", profile.user));
    Ok(())
}
