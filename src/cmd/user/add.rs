//! `tokenctl user add`.

use crate::api::AddUserRequest;
use crate::cmd::{Context, stdin_line};
use crate::error::Result;
use crate::model::User;

/// Add a user who can own tokens (needs users:manage)
///
/// The account gets a one-time password for `tokenctl login` against a
/// server: read from stdin with --password-stdin, or generated and printed
/// once on stdout. It works for one login, at which the user chooses their
/// own.
/// In the local store a user is an operating-system account name: tokenctl
/// acts as the OS user running it, and the first one to open a new store
/// becomes its admin.
///
/// Examples:
///   tokenctl user add alice --role developer --email alice@example.com
///   printf '%s\n' "$PASSWORD" | tokenctl user add ci --role developer --password-stdin
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Name of the user
    pub name: String,

    /// Role that sets what the user (and their tokens) may do
    #[arg(add = crate::cmd::complete::roles(), long, default_value = "developer")]
    pub role: String,

    /// Read the password from the first line of stdin (at least 12 characters)
    #[arg(long)]
    pub password_stdin: bool,

    /// Where notices about the account's tokens (expiry, leaks) are mailed
    #[arg(long, value_name = "ADDRESS")]
    pub email: Option<String>,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let password = password_from_stdin(args.password_stdin)?;
    let (user, generated) = ctx
        .backend()
        .await?
        .add_user(AddUserRequest {
            name: args.name,
            role: args.role,
            password,
            email: args.email,
        })
        .await?;
    let done = format!("Added user '{}' with role {}", user.name, user.role);
    report(ctx, &user, generated.as_deref(), &done)
}

/// The password on the first line of stdin, when the user said it is there.
pub(super) fn password_from_stdin(on_stdin: bool) -> Result<Option<String>> {
    on_stdin.then(|| stdin_line("password")).transpose()
}

/// What `user add` and `user reset-password` print: the user and the
/// generated password (only when tokenctl made one) as `--json`, or `done`
/// and the password, on stdout, once.
pub(super) fn report(
    ctx: &Context,
    user: &User,
    generated: Option<&str>,
    done: &str,
) -> Result<()> {
    if ctx.out.json {
        let lost = format!(
            "the one-time password, which is never shown again: tokenctl user reset-password {} makes another",
            user.name
        );
        return ctx.out.json_revealing(
            &Added {
                user,
                password: generated,
            },
            generated.as_slice(),
            &lost,
        );
    }
    ctx.out.success(done);
    if let Some(password) = generated {
        ctx.out.line(password)?;
        ctx.out.note(
            "That is the account's one-time password: hand it over now, it is not shown again. \
             It works for one login, at which they choose their own.",
        );
    }
    Ok(())
}

#[derive(serde::Serialize)]
struct Added<'a> {
    #[serde(flatten)]
    user: &'a User,
    #[serde(skip_serializing_if = "Option::is_none")]
    password: Option<&'a str>,
}
