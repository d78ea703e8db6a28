//! `tokenctl user list`.

use chrono::{DateTime, Utc};

use crate::cmd::{Context, listing};
use crate::error::Result;
use crate::model::User;
use crate::output::ListStream;
use crate::requests::UsersRequest;
use crate::time;

/// List users: role, email, 2FA, last login and status
///
/// STATUS is active, disabled, removed, or locked (some address made too
/// many failed logins: `tokenctl user unlock` lifts it); "new password" means
/// the password is one-time and the next login replaces it.
///
/// Examples:
///   tokenctl user list
///   tokenctl user list --removed --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Include removed users
    #[arg(long)]
    pub removed: bool,

    #[command(flatten)]
    pub listing: listing::ListingArgs,
}

const HEADER: [&str; 7] = ["ID", "NAME", "ROLE", "EMAIL", "2FA", "LAST LOGIN", "STATUS"];

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let backend = ctx.backend().await?;
    let mut stream = ListStream::new(&ctx.out, &HEADER, args.listing.jsonl)?;
    let now = time::now();
    let fetch = |page| {
        let request = UsersRequest {
            removed: args.removed,
            page,
        };
        let backend = backend.clone();
        async move { backend.users(request).await }
    };
    let walked = listing::walk(&args.listing, fetch, |users| {
        if stream.is_json() {
            stream.items(&users)
        } else {
            stream.rows(users.iter().map(|user| row(user, now)).collect())
        }
    })
    .await?;
    stream.finish()?;
    if let Some(note) = listing::more_note(walked, "users") {
        ctx.out.note(&note);
    }
    Ok(())
}

fn row(user: &User, now: DateTime<Utc>) -> Vec<String> {
    vec![
        user.id.to_string(),
        user.name.clone(),
        user.role.clone(),
        user.email.clone().unwrap_or_else(|| "-".to_owned()),
        two_factor(user).to_owned(),
        last_login(user.last_login_at, now),
        status(user, now),
    ]
}

fn two_factor(user: &User) -> &'static str {
    match (user.two_factor, user.two_factor_enrolment_required) {
        (true, _) => "on",
        (false, true) => "reset",
        (false, false) => "off",
    }
}

fn last_login(at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> String {
    at.map_or_else(|| "never".to_owned(), |at| time::relative(at, now))
}

fn status(user: &User, now: DateTime<Utc>) -> String {
    let mut status = if user.is_removed() {
        "removed"
    } else if user.is_disabled() {
        "disabled"
    } else if user.locked_until.is_some_and(|until| until > now) {
        "locked"
    } else {
        "active"
    }
    .to_owned();
    if user.password_change_required && !user.is_disabled() {
        status.push_str(", new password");
    }
    status
}
