//! `tokenctl session list`.

use crate::cmd::Context;
use crate::error::Result;
use crate::time;

/// List active login sessions: yours, or another user's with --user
///
/// A session is what `tokenctl login` opens on a server: it lasts 60 minutes
/// unless it is revoked (`session revoke`, `logout`) or the account's
/// password changes. The one this command runs with is marked with `*`.
/// Another user's sessions need users:manage.
///
/// Examples:
///   tokenctl session list
///   tokenctl session list --user bob --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Whose sessions (default: yours)
    #[arg(add = crate::cmd::complete::users(), long, value_name = "NAME")]
    pub user: Option<String>,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let sessions = ctx.backend().await?.sessions(args.user.as_deref()).await?;
    if ctx.out.json {
        return ctx.out.json(&sessions);
    }
    if sessions.is_empty() {
        ctx.out.note("No active sessions.");
        return Ok(());
    }
    let now = time::now();
    let rows = sessions
        .iter()
        .map(|info| {
            let session = &info.session;
            vec![
                format!("{}{}", session.id, if info.current { "*" } else { "" }),
                session.user.clone(),
                time::relative(session.created_at, now),
                session
                    .last_seen_at
                    .map_or_else(|| "-".to_owned(), |at| time::relative(at, now)),
                time::relative(session.expires_at, now),
                session.address.clone(),
                session.user_agent.clone(),
            ]
        })
        .collect();
    ctx.out.table(
        &[
            "ID",
            "USER",
            "CREATED",
            "LAST SEEN",
            "EXPIRES",
            "ADDRESS",
            "CLIENT",
        ],
        rows,
    )
}
