//! `tokenctl logout`: end the session on the server, then forget it.

use super::{Context, Target};
use crate::backend::{Backend, RemoteBackend};
use crate::error::{ErrorKind, Result};
use crate::session::{Profile, StoredSession};

/// Log out: end the session on the server, then delete the stored copy
///
/// The server revokes the session first, so a copy of it (in a backup, a
/// shell history, another machine) stops working on every replica too. If
/// the server cannot be reached, the copy here is deleted anyway and the
/// command fails, saying until when the session still works; `tokenctl
/// session revoke --all` from another login ends it.
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
    let ended = end_profile_session(ctx, &name, &profile).await;
    let mut profiles = ctx.sessions.profiles()?;
    if profiles.current.as_deref() == Some(name.as_str()) {
        profiles.current = None;
    }
    ctx.sessions.save_profiles(&profiles)?;
    ended?;
    ctx.out
        .success(&format!("Logged out of {server} ({})", profile.user));
    Ok(())
}

/// Ends the session of profile `name` on its server, then deletes the
/// stored copy — deleted even when the server can't be reached, and then
/// the error says until when the session still works.
pub(super) async fn end_profile_session(
    ctx: &Context,
    name: &str,
    profile: &Profile,
) -> Result<()> {
    let stored = ctx.sessions.load(name, profile).await?;
    let ended = match &stored {
        Some(stored) => end_on_server(ctx, profile, stored).await,
        None => Ok(()),
    };
    ctx.sessions.delete(name, profile).await?;
    match (ended, &stored) {
        (Err(error), Some(stored)) => Err(error.with_hint(format!(
            "the session was deleted here, but the server did not end it: it works until {} \
             unless `tokenctl session revoke --all` ends it",
            stored.expires_at.format("%Y-%m-%d %H:%M UTC")
        ))),
        _ => Ok(()),
    }
}

/// Asks the profile's server to end the stored session. One that has
/// already ended (expired, revoked, its password changed) needs nothing
/// more.
pub(super) async fn end_on_server(
    ctx: &Context,
    profile: &Profile,
    stored: &StoredSession,
) -> Result<()> {
    if stored.expires_at <= crate::time::now() {
        return Ok(());
    }
    let backend = RemoteBackend::new(
        &profile.server,
        Some(stored.session.clone()),
        ctx.ca_cert(Some(profile)).as_deref(),
    )?;
    match backend.logout().await {
        Err(error) if error.kind == ErrorKind::Unauthenticated => Ok(()),
        other => other.map(drop),
    }
}

/// Deletes the stored copy of a session the server has ended (a password
/// change, an enrolment-only session after its enrolment): no dead copy
/// stays behind.
pub(super) async fn forget_ended_session(ctx: &Context) -> Result<()> {
    if let Target::Remote {
        profile: Some((name, profile)),
        ..
    } = ctx.target()?
    {
        ctx.sessions.delete(&name, &profile).await?;
    }
    Ok(())
}
