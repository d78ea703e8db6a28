//! The subcommands: each file parses nothing itself, calls the backend and
//! renders. This module dispatches and turns errors into exit codes.

pub mod audit;
pub mod completions;
pub mod create;
pub mod list;
pub mod regenerate;
pub mod revoke;
pub mod role;
pub mod show;
pub mod user;
pub mod verify;

use std::io::Read;

use crate::backend::Backend;
use crate::cli::{Cli, Command};
use crate::config::{self, Settings};
use crate::error::{Error, Result};
use crate::output::Output;
use crate::service::Origin;

/// What every command gets: how to print, and how to reach the backend.
pub struct Context {
    pub out: Output,
    settings: Settings,
    origin: Origin,
}

impl Context {
    /// Opens the store. Done per command, not up front, so that commands
    /// that need no store (completions) never create one.
    pub async fn backend(&self) -> Result<Backend> {
        tracing::debug!(store = %self.settings.store.display(), "opening local store");
        Backend::open_local(
            &self.settings.store,
            self.settings.lifetime.clone(),
            self.origin.clone(),
        )
        .await
    }

    /// Asks before an irreversible step. Without a terminal (scripts, CI) it
    /// never prompts: the caller must have said `--yes`.
    pub fn confirm(&self, question: &str, yes: bool) -> Result<bool> {
        if yes {
            return Ok(true);
        }
        if !self.out.can_prompt() {
            return Err(Error::invalid(
                "refusing to go on without confirmation: no terminal to ask on",
            )
            .with_hint("pass --yes to confirm"));
        }
        dialoguer::Confirm::new()
            .with_prompt(question)
            .default(false)
            .interact()
            .map_err(|error| Error::internal(format!("cannot read the answer: {error}")))
    }
}

/// Runs the parsed command line and returns the process exit code.
pub fn run(cli: Cli) -> u8 {
    let out = Output::detect(cli.global.json);
    if cli.global.debug {
        tracing_subscriber::fmt()
            .with_writer(std::io::stderr)
            .with_ansi(out.color)
            .with_max_level(tracing::Level::DEBUG)
            .init();
    }
    let result = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|error| Error::internal(format!("cannot start the async runtime: {error}")))
        .and_then(|runtime| runtime.block_on(dispatch(cli, out)));
    match result {
        Ok(()) => 0,
        Err(error) => {
            out.error(&error);
            error.kind.exit_code()
        }
    }
}

async fn dispatch(cli: Cli, out: Output) -> Result<()> {
    if let Command::Completions(args) = &cli.command {
        return completions::run(args, &out);
    }
    let settings = config::resolve(cli.global.store.as_deref(), cli.global.config.as_deref())?;
    let ctx = Context {
        out,
        settings,
        origin: Origin {
            who: whoami::username(),
            source: format!("cli@{}", whoami::fallible::hostname().unwrap_or_default()),
        },
    };
    match cli.command {
        Command::Create(args) => create::run(&ctx, args).await,
        Command::List(args) => list::run(&ctx, args).await,
        Command::Show(args) => show::run(&ctx, args).await,
        Command::Revoke(args) => revoke::run(&ctx, args).await,
        Command::Regenerate(args) => regenerate::run(&ctx, args).await,
        Command::Verify(args) => verify::run(&ctx, args).await,
        Command::Audit(args) => audit::run(&ctx, args).await,
        Command::Role(command) => role::run(&ctx, command).await,
        Command::User(command) => user::run(&ctx, command).await,
        Command::Completions(args) => completions::run(&args, &ctx.out),
    }
}

/// All of stdin as text; a secret never comes in as an argument.
pub fn read_stdin() -> Result<String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|error| Error::invalid(format!("cannot read stdin: {error}")))?;
    String::from_utf8(bytes).map_err(|_| Error::invalid("stdin is not valid UTF-8 text"))
}

/// clap value parsers for the domain's own formats.
pub mod parse {
    use chrono::Duration;

    use crate::model::TokenKind;
    use crate::time::{self, Expiry};

    pub fn duration(text: &str) -> Result<Duration, String> {
        time::parse_duration(text)
    }

    pub fn expiry(text: &str) -> Result<Expiry, String> {
        Expiry::parse(text)
    }

    pub fn kind(text: &str) -> Result<TokenKind, String> {
        text.parse()
    }
}
