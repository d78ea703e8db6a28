//! `tokenctl session revoke`.

use serde::Serialize;

use crate::cmd::{Context, Target};
use crate::error::Result;
use crate::model::Id;
use crate::policy::Credential;
use crate::service::Ending;

/// End a login session at once, or all of them with --all
///
/// The session stops working on every server replica before this returns.
/// Ending your own current session logs you out here too. Another user's
/// sessions (--user) need users:manage and every permission their role has.
///
/// Examples:
///   tokenctl session revoke 12
///   tokenctl session revoke --all
///   tokenctl session revoke --all --user bob
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// ID of the session (from `tokenctl session list`)
    #[arg(required_unless_present = "all", conflicts_with = "all")]
    pub id: Option<Id>,
    /// End every active session
    #[arg(long)]
    pub all: bool,
    /// Whose sessions (default: yours)
    #[arg(add = crate::cmd::complete::users(), long, value_name = "NAME")]
    pub user: Option<String>,
}

#[derive(Serialize)]
struct Ended {
    ended: u64,
    /// The session this command ran with was among them.
    logged_out: bool,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let ending = match args.id {
        Some(id) => Ending::One(id),
        None => Ending::All,
    };
    let backend = ctx.backend().await?;
    let me = backend.whoami().await?.actor;
    let own = args.user.as_deref().is_none_or(|name| name == me.user.name);
    let ends_this_one = own
        && match (ending, me.credential) {
            (Ending::All, Credential::Session(_)) => true,
            (Ending::One(id), Credential::Session(current)) => id == current,
            _ => false,
        };
    let ended = backend.end_sessions(args.user.as_deref(), ending).await?;
    let logged_out = ends_this_one && ended > 0;
    if logged_out
        && let Target::Remote {
            profile: Some((name, profile)),
            ..
        } = ctx.target()?
    {
        ctx.sessions.delete(&name, &profile).await?;
    }
    if ctx.out.json {
        return ctx.out.json(&Ended { ended, logged_out });
    }
    let of = match args.user.as_deref().filter(|_| !own) {
        Some(name) => format!(" of {name}"),
        None => String::new(),
    };
    ctx.out.success(&match ending {
        Ending::One(id) => format!("Ended session {id}{of}"),
        Ending::All => format!(
            "Ended {ended} active session{}{of}",
            if ended == 1 { "" } else { "s" }
        ),
    });
    if logged_out {
        ctx.out
            .note("That ended the session here too: log in again with tokenctl login.");
    }
    Ok(())
}
