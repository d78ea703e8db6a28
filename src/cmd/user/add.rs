//! `tokenctl user add`.

use crate::cmd::{Context, read_stdin};
use crate::error::{Error, Result};

/// Add a user who can own tokens (needs users:manage)
///
/// The account gets a password for `tokenctl login` against a server: read
/// from stdin with --password-stdin, or generated and printed once on stdout.
/// In the local store a user is an operating-system account name: tokenctl
/// acts as the OS user running it, and the first one to open a new store
/// becomes its admin.
///
/// Examples:
///   tokenctl user add alice --role developer
///   printf '%s\n' "$PASSWORD" | tokenctl user add ci --role developer --password-stdin
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Name of the user
    pub name: String,

    /// Role that sets what the user (and their tokens) may do
    #[arg(long, default_value = "developer")]
    pub role: String,

    /// Read the password from the first line of stdin (at least 12 characters)
    #[arg(long)]
    pub password_stdin: bool,
}

#[derive(serde::Serialize)]
struct Added<'a> {
    #[serde(flatten)]
    user: &'a crate::model::User,
    #[serde(skip_serializing_if = "Option::is_none")]
    password: Option<&'a str>,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let password = if args.password_stdin {
        let input = read_stdin()?;
        let line = input.lines().next().unwrap_or_default().to_owned();
        if line.is_empty() {
            return Err(Error::invalid("no password on stdin"));
        }
        Some(line)
    } else {
        None
    };
    let (user, generated) = ctx
        .backend()
        .await?
        .add_user(&args.name, &args.role, password)
        .await?;
    if ctx.out.json {
        return ctx.out.json(&Added {
            user: &user,
            password: generated.as_deref(),
        });
    }
    ctx.out.success(&format!(
        "Added user '{}' with role {}",
        user.name, user.role
    ));
    if let Some(password) = generated {
        ctx.out.line(&password)?;
        ctx.out.note(
            "That is the account's one-time password: hand it over now, it is not shown again.",
        );
    }
    Ok(())
}
