//! `tokenctl profile remove`.

use crate::cmd::{Context, Target, logout};
use crate::error::Result;

/// Forget a saved login: its session ends on the server, then the profile goes
///
/// Like `tokenctl logout --profile NAME`, and the profile itself is
/// deleted too, so it is no longer listed or used. If the server cannot be
/// reached, the profile is removed anyway and the command fails, saying
/// until when its session still works.
///
/// Examples:
///   tokenctl profile remove staging
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Name of the profile (see tokenctl profile list)
    #[arg(add = crate::cmd::complete::profiles())]
    pub name: String,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let profile = super::saved(ctx, &args.name)?;
    let ended = logout::end_profile_session(ctx, &args.name, &profile).await;
    let mut profiles = ctx.sessions.profiles()?;
    profiles.profiles.remove(&args.name);
    if profiles.current.as_deref() == Some(args.name.as_str()) {
        profiles.current = None;
    }
    let none_current = profiles.current.is_none();
    ctx.sessions.save_profiles(&profiles)?;
    ended?;
    ctx.out.success(&format!(
        "Removed profile {} ({} on {})",
        args.name, profile.user, profile.server
    ));
    if none_current && matches!(ctx.target(), Ok(Target::Local)) {
        say_local_from_now_on(ctx);
    }
    Ok(())
}

/// Commands worked on a server until now and go to the local store from
/// here on: said once, now, since no later command would say it when no
/// profile is left.
fn say_local_from_now_on(ctx: &Context) {
    ctx.out.note(&format!(
        "No profile is current, so commands now use the local store at {}; \
         tokenctl login (or tokenctl profile use NAME) goes back to a server",
        ctx.settings.store.display()
    ));
}
