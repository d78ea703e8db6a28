//! `tokenctl profile use`.

use crate::cmd::Context;
use crate::error::Result;

/// Make a saved login the current one: where commands go from now on
///
/// Examples:
///   tokenctl profile use staging
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Name of the profile (see tokenctl profile list)
    #[arg(add = crate::cmd::complete::profiles())]
    pub name: String,
}

pub fn run(ctx: &Context, args: Args) -> Result<()> {
    let profile = super::saved(ctx, &args.name)?;
    let mut profiles = ctx.sessions.profiles()?;
    profiles.current = Some(args.name);
    ctx.sessions.save_profiles(&profiles)?;
    ctx.out.success(&format!(
        "Commands now go to {} as {}",
        profile.server, profile.user
    ));
    Ok(())
}
