//! `tokenctl status`: where commands go and whether the session is good.

use serde::Serialize;

use super::{Context, Target};
use crate::error::{Error, Reason, Result};

/// Show the backend in use, the user, and the session's expiry and storage
///
/// Exits 4 when a server is selected but there is no valid session.
///
/// Examples:
///   tokenctl status
///   tokenctl status --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {}

#[derive(Serialize, Default)]
struct Status {
    mode: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    store: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    server: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    profile: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    user: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    session_expires_at: Option<chrono::DateTime<chrono::Utc>>,
    /// How long the session has left (0 once expired), for scripts.
    #[serde(skip_serializing_if = "Option::is_none")]
    session_seconds_left: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    session_storage: Option<String>,
}

pub async fn run(ctx: &Context, _args: Args) -> Result<()> {
    let status = match ctx.target()? {
        Target::Local => Status {
            mode: "local",
            store: Some(ctx.settings.store.display().to_string()),
            user: Some(ctx.origin.who.clone()),
            ..Status::default()
        },
        Target::Remote { server, profile } => {
            let mut status = Status {
                mode: "remote",
                server: Some(server.clone()),
                ..Status::default()
            };
            if let Some((name, profile)) = &profile {
                status.user = Some(profile.user.clone());
                status.session_storage = Some(ctx.sessions.describe(name, profile));
                status.session_expires_at = ctx
                    .sessions
                    .load(name, profile)
                    .await?
                    .map(|session| session.expires_at);
                status.session_seconds_left = status
                    .session_expires_at
                    .map(|at| (at - crate::time::now()).num_seconds().max(0));
                status.profile = Some(name.clone());
            }
            status
        }
    };
    render(ctx, &status)?;
    let logged_in = status
        .session_expires_at
        .is_some_and(|at| at > crate::time::now());
    if status.mode == "remote" && !logged_in && crate::env::token().is_none() {
        return Err(Error::unauthenticated("no valid session").because(Reason::NotLoggedIn));
    }
    Ok(())
}

fn render(ctx: &Context, status: &Status) -> Result<()> {
    if ctx.out.json {
        return ctx.out.json(status);
    }
    let mut fields = vec![("Mode", status.mode.to_owned())];
    let optional = [
        ("Store", status.store.clone()),
        ("Server", status.server.clone()),
        ("Profile", status.profile.clone()),
        ("User", status.user.clone()),
        (
            "Session",
            status
                .session_expires_at
                .map(|at| crate::output::instant_long(at, crate::time::now())),
        ),
        ("Kept in", status.session_storage.clone()),
    ];
    fields.extend(
        optional
            .into_iter()
            .filter_map(|(key, value)| Some((key, value?))),
    );
    ctx.out.fields(&fields)
}
