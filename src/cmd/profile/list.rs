//! `tokenctl profile list`.

use serde::Serialize;

use crate::cmd::Context;
use crate::error::Result;
use crate::time;

/// List the saved logins: server, user, session, and which one is current
///
/// The current profile (*) is where commands go when neither --server nor
/// --store nor --profile says otherwise; `tokenctl profile use NAME`
/// changes it.
///
/// Examples:
///   tokenctl profile list
///   tokenctl profile list --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {}

#[derive(Serialize)]
struct Listed {
    name: String,
    server: String,
    user: String,
    current: bool,
    /// When the stored session stops working; `None`: no session here
    /// (logged out, or not readable with CI set).
    #[serde(with = "crate::time::rfc3339::option")]
    session_expires_at: Option<chrono::DateTime<chrono::Utc>>,
}

pub async fn run(ctx: &Context, _args: Args) -> Result<()> {
    let profiles = ctx.sessions.profiles()?;
    let mut listed = Vec::new();
    for (name, profile) in &profiles.profiles {
        let session = ctx.sessions.load(name, profile).await?;
        listed.push(Listed {
            name: name.clone(),
            server: profile.server.clone(),
            user: profile.user.clone(),
            current: profiles.current.as_deref() == Some(name.as_str()),
            session_expires_at: session.map(|session| session.expires_at),
        });
    }
    if ctx.out.json {
        return ctx.out.json(&listed);
    }
    if listed.is_empty() {
        ctx.out
            .note("No profiles. Log in to a server with: tokenctl login --server URL");
        return Ok(());
    }
    let now = time::now();
    let rows = listed
        .iter()
        .map(|profile| {
            let session = match profile.session_expires_at {
                Some(at) if at > now => format!("until {}", time::relative(at, now)),
                Some(_) => "expired".to_owned(),
                None => "none".to_owned(),
            };
            vec![
                if profile.current { "*" } else { "" }.to_owned(),
                profile.name.clone(),
                profile.server.clone(),
                profile.user.clone(),
                session,
            ]
        })
        .collect();
    ctx.out
        .table(&["", "NAME", "SERVER", "USER", "SESSION"], rows)
}
