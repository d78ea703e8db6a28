//! The subcommands: each file parses nothing itself, calls the backend and
//! renders. This module dispatches and turns errors into exit codes.

pub mod audit;
pub mod auth;
pub mod clipboard_hold;
pub mod completions;
pub mod create;
pub mod exchange;
pub mod keys;
pub mod list;
pub mod login;
pub mod logout;
pub mod notice;
pub mod notices;
pub mod oauth;
pub mod password;
pub mod policy;
pub mod profile;
pub mod regenerate;
pub mod revoke;
pub mod role;
pub mod scan;
pub mod serve;
pub mod session;
pub mod show;
pub mod status;
pub mod trust;
pub mod two_factor;
pub mod user;
pub mod verify;
pub mod webhook;
pub mod whoami;

// What the commands share.
mod complete;
mod confirm;
mod context;
mod credentials;
pub mod hints;
mod input;
pub mod listing;
pub mod parse;
mod pick;
mod reveal;

use crate::cli::{Cli, GlobalArgs};
use crate::config::{self, Overrides};
use crate::error::{Error, ErrorKind, Result};
use crate::output::{Document, Output, Shape};
use crate::requests::Origin;
use crate::session::Sessions;

pub use context::{Context, Target};
pub use input::{ask_hidden, only_stdin_line, read_stdin, stdin_line, stdin_lines};
pub use reveal::{ClipboardArgs, reveal_secret};

/// Every subcommand, each with the arguments its file defines; [`dispatch`]
/// runs them.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    Create(create::Args),
    #[command(visible_alias = "ls")]
    List(list::Args),
    Show(show::Args),
    #[command(visible_alias = "rm")]
    Revoke(revoke::Args),
    #[command(visible_alias = "rotate")]
    Regenerate(regenerate::Args),
    Verify(verify::Args),
    Exchange(exchange::Args),
    Scan(scan::Args),
    Audit(audit::Args),
    Login(login::Args),
    Logout(logout::Args),
    #[command(subcommand)]
    Auth(auth::Command),
    Whoami(whoami::Args),
    Notices(notices::Args),
    Status(status::Args),
    #[command(subcommand, name = "2fa")]
    TwoFactor(two_factor::Command),
    #[command(subcommand)]
    Password(password::Command),
    /// Boxed: its many flags would make every command this size.
    Serve(Box<serve::Args>),
    #[command(subcommand)]
    Session(session::Command),
    #[command(subcommand)]
    Profile(profile::Command),
    #[command(subcommand)]
    Role(role::Command),
    #[command(subcommand)]
    User(user::Command),
    #[command(subcommand)]
    Trust(trust::Command),
    #[command(subcommand)]
    Policy(policy::Command),
    #[command(subcommand)]
    Webhook(webhook::Command),
    #[command(subcommand)]
    Keys(keys::Command),
    #[command(subcommand)]
    Oauth(oauth::Command),
    Completions(completions::Args),
    /// Holds a copied secret on the clipboard (started by create/regenerate)
    #[command(hide = true)]
    ClipboardHold(clipboard_hold::Args),
}

/// Runs the parsed command line and returns the process exit code.
pub fn run(mut cli: Cli) -> u8 {
    let shape = Shape::from_options(
        cli.global.json,
        cli.global.jq.take(),
        cli.global.field.take(),
        cli.global.quiet,
    )
    .and_then(|shape| shape.fitted_to(document(&cli.command)));
    let out = match shape {
        Ok(shape) => Output::detect(shape),
        Err(error) => {
            Output::detect(Shape::Human).error(&error);
            return error.kind.exit_code();
        }
    };
    let serving = matches!(cli.command, Command::Serve(_));
    // A server logs warnings (a bad key set file) and failed requests even
    // without --debug; a one-shot command stays quiet.
    let log_level = if cli.global.debug {
        Some(tracing::Level::DEBUG)
    } else {
        serving.then_some(tracing::Level::WARN)
    };
    if let Some(level) = log_level {
        tracing_subscriber::fmt()
            .with_writer(std::io::stderr)
            .with_ansi(out.color)
            .with_max_level(level)
            .init();
    }
    // The server wants worker threads; a one-shot command starts faster
    // without them.
    let mut runtime = if serving {
        tokio::runtime::Builder::new_multi_thread()
    } else {
        tokio::runtime::Builder::new_current_thread()
    };
    let result = runtime
        .enable_all()
        .build()
        .map_err(|error| Error::internal(format!("cannot start the async runtime: {error}")))
        .and_then(|runtime| runtime.block_on(dispatch(cli, out.clone())));
    match result {
        Ok(status) => status.code(),
        Err(error) if error.kind == ErrorKind::OutputClosed => error.kind.exit_code(),
        // Not an error to the person who said no: what was not done, plainly.
        Err(error) if error.kind == ErrorKind::Cancelled => {
            out.note(&error.message);
            error.kind.exit_code()
        }
        Err(error) => {
            out.error(&error);
            error.kind.exit_code()
        }
    }
}

/// The context the global options describe.
pub(crate) fn context(out: Output, global: GlobalArgs) -> Result<Context> {
    let settings = config::resolve(Overrides {
        store: global.store.as_deref(),
        config: global.config.as_deref(),
        server: global.server.as_deref(),
    })?;
    let sessions = Sessions::new(crate::config::data_dir()?, settings.keyring_timeout);
    let origin = Origin {
        who: ::whoami::username(),
        source: format!("cli@{}", ::whoami::fallible::hostname().unwrap_or_default()),
    };
    Ok(Context::new(
        out,
        settings,
        origin,
        sessions,
        global.profile,
    ))
}

/// What each command prints on stdout, for the shapes of its JSON: `-q`
/// prints the field its group's other commands take as their argument
/// (`user disable NAME`, `revoke ID`).
fn document(command: &Command) -> Document {
    match command {
        Command::Login(_) => Document::Nothing("login"),
        Command::Logout(_) => Document::Nothing("logout"),
        Command::Auth(auth::Command::Token(_)) => Document::Nothing("auth token"),
        Command::Serve(_) => Document::Nothing("serve"),
        Command::Completions(_) => Document::Nothing("completions"),
        Command::ClipboardHold(_) => Document::Nothing("clipboard-hold"),
        Command::Profile(profile::Command::Use(_)) => Document::Nothing("profile use"),
        Command::Profile(profile::Command::Remove(_)) => Document::Nothing("profile remove"),
        Command::Oauth(oauth::Command::Remove(_)) => Document::Nothing("oauth remove"),
        Command::Oauth(oauth::Command::Export(_)) => Document::Nothing("oauth export"),
        Command::Audit(audit::Args {
            command: Some(audit::Command::Export(_)),
            ..
        }) => Document::Nothing("audit export"),
        Command::Status(_) => Document::Unnamed("status"),
        Command::Notices(_) => Document::Unnamed("notices"),
        Command::Exchange(_) => Document::Unnamed("exchange"),
        Command::Keys(keys::Command::Jwks(_)) => Document::Unnamed("keys jwks"),
        Command::Trust(trust::Command::Test(_)) => Document::Unnamed("trust test"),
        Command::Policy(_) => Document::Unnamed("policy"),
        Command::TwoFactor(two_factor::Command::Status(_)) => Document::Unnamed("2fa status"),
        Command::Whoami(_) => Document::Records("user"),
        Command::User(_)
        | Command::Role(_)
        | Command::Trust(_)
        | Command::Oauth(_)
        | Command::Profile(_) => Document::Records("name"),
        Command::Keys(_) => Document::Records("kid"),
        _ => Document::Records("id"),
    }
}

/// How a command that ran to its end exits (the uv `ExitStatus` shape). A
/// command that could not do its work returns an `Err` instead, whose kind
/// gives the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// Exit 0.
    Success,
    /// The command worked and its answer is "yes, found": `scan` found live
    /// tokens. Exit 1, so that it can gate a commit or a CI step.
    Failure,
}

impl ExitStatus {
    pub fn code(self) -> u8 {
        match self {
            ExitStatus::Success => 0,
            ExitStatus::Failure => 1,
        }
    }
}

/// A command that returns nothing more than success.
pub(crate) fn done(_: ()) -> ExitStatus {
    ExitStatus::Success
}

async fn dispatch(cli: Cli, out: Output) -> Result<ExitStatus> {
    if let Command::Completions(args) = &cli.command {
        return completions::run(args, &out).map(done);
    }
    if let Command::ClipboardHold(args) = &cli.command {
        return clipboard_hold::run(args).map(done);
    }
    let ctx = context(out, cli.global)?;
    let notices = notice::wanted(&cli.command, &ctx.out);
    let result = match cli.command {
        Command::Create(args) => create::run(&ctx, args).await.map(done),
        Command::List(args) => list::run(&ctx, args).await,
        Command::Show(args) => show::run(&ctx, args).await.map(done),
        Command::Revoke(args) => revoke::run(&ctx, args).await.map(done),
        Command::Regenerate(args) => regenerate::run(&ctx, args).await.map(done),
        Command::Verify(args) => verify::run(&ctx, args).await.map(done),
        Command::Exchange(args) => exchange::run(&ctx, args).await.map(done),
        Command::Scan(args) => scan::run(&ctx, args).await,
        Command::Audit(args) => audit::run(&ctx, args).await.map(done),
        Command::Login(args) => login::run(&ctx, args).await.map(done),
        Command::Logout(args) => logout::run(&ctx, args).await.map(done),
        Command::Auth(command) => auth::run(&ctx, command).await.map(done),
        Command::Whoami(args) => whoami::run(&ctx, args).await.map(done),
        Command::Notices(args) => notices::run(&ctx, args).await,
        Command::Status(args) => status::run(&ctx, args).await.map(done),
        Command::TwoFactor(command) => two_factor::run(&ctx, command).await.map(done),
        Command::Password(command) => password::run(&ctx, command).await.map(done),
        Command::Serve(args) => serve::run(&ctx, *args).await.map(done),
        Command::Session(command) => session::run(&ctx, command).await.map(done),
        Command::Profile(command) => profile::run(&ctx, command).await.map(done),
        Command::Role(command) => role::run(&ctx, command).await.map(done),
        Command::Trust(command) => trust::run(&ctx, command).await.map(done),
        Command::Policy(command) => policy::run(&ctx, command).await,
        Command::Webhook(command) => webhook::run(&ctx, command).await.map(done),
        Command::User(command) => user::run(&ctx, command).await.map(done),
        Command::Keys(command) => keys::run(&ctx, command).await.map(done),
        Command::Oauth(command) => oauth::run(&ctx, command).await,
        Command::Completions(args) => completions::run(&args, &ctx.out).map(done),
        Command::ClipboardHold(args) => clipboard_hold::run(&args).map(done),
    };
    if notices {
        notice::show(&ctx).await;
    }
    result
}
