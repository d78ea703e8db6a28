//! The subcommands: each file parses nothing itself, calls the backend and
//! renders. This module dispatches and turns errors into exit codes.

pub mod audit;
pub mod clipboard_hold;
pub mod completions;
pub mod create;
pub mod exchange;
pub mod keys;
pub mod list;
pub mod login;
pub mod logout;
pub mod notice;
pub mod oauth;
pub mod regenerate;
pub mod revoke;
pub mod role;
pub mod scan;
pub mod serve;
pub mod show;
pub mod status;
pub mod two_factor;
pub mod user;
pub mod verify;
pub mod whoami;

use std::io::Read;

use crate::backend::{Backend, LocalBackend};
use crate::cli::{Cli, Command};
use crate::config::{self, Overrides, Settings};
use crate::env;
use crate::error::{Error, Result};
use crate::output::Output;
use crate::remote::RemoteBackend;
use crate::requests::Origin;
use crate::session::{Profile, Sessions};

/// What every command gets: how to print, and how to reach the backend.
pub struct Context {
    pub out: Output,
    pub settings: Settings,
    pub origin: Origin,
    pub sessions: Sessions,
    /// `--profile` / `TOKENCTL_PROFILE`.
    pub profile: Option<String>,
    /// Set once the command opened a store or reached a server: only then
    /// may the end-of-command notice look at the user's tokens.
    pub backend_used: std::sync::atomic::AtomicBool,
}

/// Where commands go: the local store, or a server (with the profile that
/// names it, when one does).
pub enum Target {
    Local,
    Remote {
        server: String,
        profile: Option<(String, Profile)>,
    },
}

impl Context {
    /// Decides between local store and server, in this order: `--server`
    /// (or `TOKENCTL_SERVER`, or `server` in the config file); a named
    /// `--store`; `--profile`; the profile of the last login; else local.
    pub fn target(&self) -> Result<Target> {
        let profiles = self.sessions.profiles()?;
        let named = |name: &str| {
            profiles
                .profiles
                .get(name)
                .map(|profile| (name.to_owned(), profile.clone()))
        };
        if let Some(server) = &self.settings.server {
            let profile = match &self.profile {
                Some(name) => named(name),
                None => profiles
                    .profiles
                    .iter()
                    .find(|(_, profile)| same_server(&profile.server, server))
                    .map(|(name, profile)| (name.clone(), profile.clone())),
            };
            return Ok(Target::Remote {
                server: server.clone(),
                profile,
            });
        }
        if self.settings.store_named {
            return Ok(Target::Local);
        }
        if let Some(name) = &self.profile {
            let profile = named(name).ok_or_else(|| {
                Error::invalid(format!("there is no profile named '{name}'")).with_hint(format!(
                    "log in first: tokenctl login --server URL --profile {name}"
                ))
            })?;
            return Ok(Target::Remote {
                server: profile.1.server.clone(),
                profile: Some(profile),
            });
        }
        Ok(match profiles.current.as_deref().and_then(named) {
            Some(profile) => Target::Remote {
                server: profile.1.server.clone(),
                profile: Some(profile),
            },
            None => Target::Local,
        })
    }

    /// Opens the backend the target names. Done per command, not up front,
    /// so that commands that need none (completions) never create a store.
    pub async fn backend(&self) -> Result<Box<dyn Backend>> {
        self.open_backend(Login::Required).await
    }

    /// The backend for a command that brings its own credential as input
    /// (`exchange --token-stdin`): a server is reached without a login.
    pub async fn backend_without_login(&self) -> Result<Box<dyn Backend>> {
        self.open_backend(Login::NotNeeded).await
    }

    async fn open_backend(&self, login: Login) -> Result<Box<dyn Backend>> {
        match self.remote_with(login).await? {
            Some(remote) => Ok(Box::new(remote)),
            None => Ok(Box::new(self.local_backend().await?)),
        }
    }

    /// The server backend with its credential, or `None` for the local store.
    pub async fn remote(&self) -> Result<Option<RemoteBackend>> {
        self.remote_with(Login::Required).await
    }

    async fn remote_with(&self, login: Login) -> Result<Option<RemoteBackend>> {
        match self.target()? {
            Target::Local => Ok(None),
            Target::Remote { server, profile } => {
                let credential = match login {
                    Login::Required => Some(self.credential(&server, profile.as_ref()).await?),
                    Login::NotNeeded => None,
                };
                self.mark_backend_used();
                Ok(Some(RemoteBackend::new(
                    &server,
                    credential,
                    self.settings.ca_cert.as_deref(),
                )?))
            }
        }
    }

    pub async fn local_backend(&self) -> Result<LocalBackend> {
        tracing::debug!(store = %self.settings.store.display(), "opening local store");
        self.mark_backend_used();
        LocalBackend::open(
            &self.settings.store,
            self.settings.lifetime.clone(),
            self.origin.clone(),
        )
        .await
    }

    fn mark_backend_used(&self) {
        self.backend_used
            .store(true, std::sync::atomic::Ordering::Relaxed);
    }

    /// `TOKENCTL_TOKEN` wins over any stored session.
    async fn credential(
        &self,
        server: &str,
        profile: Option<&(String, Profile)>,
    ) -> Result<String> {
        if let Some(token) = env::token() {
            return Ok(token);
        }
        let login = || format!("tokenctl login --server {server}");
        let Some((name, profile)) = profile else {
            return Err(Error::unauthenticated(format!("not logged in to {server}"))
                .with_hint(format!("run {}, or set TOKENCTL_TOKEN", login())));
        };
        let session = self.sessions.load(name, profile).await?.ok_or_else(|| {
            Error::unauthenticated(format!("not logged in to {server}"))
                .with_hint(format!("run {}", login()))
        })?;
        if session.expires_at <= crate::time::now() {
            return Err(Error::unauthenticated(format!(
                "your session for {server} expired at {}",
                session.expires_at.format("%Y-%m-%d %H:%M UTC")
            ))
            .with_hint(format!("run {}", login())));
        }
        Ok(session.session)
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

/// Whether two spellings name one server (`http://h:1` and `http://h:1/`).
fn same_server(saved: &str, given: &str) -> bool {
    match (
        crate::remote::parse_server_url(saved),
        crate::remote::parse_server_url(given),
    ) {
        (Ok(saved), Ok(given)) => saved == given,
        _ => saved == given,
    }
}

/// Whether a command needs the caller's login on a server.
#[derive(Debug, Clone, Copy)]
enum Login {
    Required,
    NotNeeded,
}

/// Runs the parsed command line and returns the process exit code.
pub fn run(cli: Cli) -> u8 {
    let out = Output::detect(cli.global.json);
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
        .and_then(|runtime| runtime.block_on(dispatch(cli, out)));
    match result {
        Ok(status) => status.code(),
        Err(error) => {
            out.error(&error);
            error.kind.exit_code()
        }
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
    let settings = config::resolve(Overrides {
        store: cli.global.store.as_deref(),
        config: cli.global.config.as_deref(),
        server: cli.global.server.as_deref(),
    })?;
    let sessions = Sessions::new(crate::config::data_dir()?, settings.keyring_timeout);
    let ctx = Context {
        out,
        settings,
        origin: Origin {
            who: ::whoami::username(),
            source: format!("cli@{}", ::whoami::fallible::hostname().unwrap_or_default()),
        },
        sessions,
        profile: cli.global.profile,
        backend_used: std::sync::atomic::AtomicBool::new(false),
    };
    let notices = notice::wanted(&cli.command, &ctx.out);
    let result = match cli.command {
        Command::Create(args) => create::run(&ctx, args).await.map(done),
        Command::List(args) => list::run(&ctx, args).await.map(done),
        Command::Show(args) => show::run(&ctx, args).await.map(done),
        Command::Revoke(args) => revoke::run(&ctx, args).await.map(done),
        Command::Regenerate(args) => regenerate::run(&ctx, args).await.map(done),
        Command::Verify(args) => verify::run(&ctx, args).await.map(done),
        Command::Exchange(args) => exchange::run(&ctx, args).await.map(done),
        Command::Scan(args) => scan::run(&ctx, args).await,
        Command::Audit(args) => audit::run(&ctx, args).await.map(done),
        Command::Login(args) => login::run(&ctx, args).await.map(done),
        Command::Logout(args) => logout::run(&ctx, args).await.map(done),
        Command::Whoami(args) => whoami::run(&ctx, args).await.map(done),
        Command::Status(args) => status::run(&ctx, args).await.map(done),
        Command::TwoFactor(command) => two_factor::run(&ctx, command).await.map(done),
        Command::Serve(args) => serve::run(&ctx, args).await.map(done),
        Command::Role(command) => role::run(&ctx, command).await.map(done),
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

/// How a newly shown secret may go to the clipboard (`create`, `regenerate`).
#[derive(Debug, clap::Args)]
pub struct ClipboardArgs {
    /// Don't copy the new secret to the clipboard
    #[arg(long)]
    pub no_clipboard: bool,

    /// Clear the clipboard after this long; 0 keeps it [default: 45s]
    #[arg(long, value_name = "DURATION", value_parser = parse::duration)]
    pub clipboard_clear_after: Option<chrono::Duration>,
}

/// How long a copied secret stays on the clipboard by default.
const CLIPBOARD_CLEAR_AFTER: std::time::Duration = std::time::Duration::from_secs(45);

/// Prints a new secret — the one time it is shown — and, on a terminal with
/// a display, copies it to the clipboard for a while. Anything that stops
/// the copy is one note on stderr; the command still succeeds.
pub fn reveal_secret(
    ctx: &Context,
    secret: &crate::secret::Secret,
    clipboard: &ClipboardArgs,
) -> Result<()> {
    ctx.out.line(secret.expose())?;
    if !clipboard.no_clipboard && ctx.settings.clipboard {
        let clear_after = clipboard
            .clipboard_clear_after
            .and_then(|after| after.to_std().ok())
            .unwrap_or(CLIPBOARD_CLEAR_AFTER);
        let clear_after = (!clear_after.is_zero()).then_some(clear_after);
        let skipped = if !ctx.out.stdout_is_terminal {
            Some("stdout is not a terminal".to_owned())
        } else if env::is_set(env::CI) {
            Some("CI is set".to_owned())
        } else if !env::is_set("DISPLAY") && !env::is_set("WAYLAND_DISPLAY") {
            Some("no display".to_owned())
        } else {
            crate::clipboard::copy(secret, clear_after).err()
        };
        match (skipped, clear_after) {
            (Some(why), _) => ctx
                .out
                .note(&format!("Not copied to the clipboard: {why}.")),
            (None, Some(after)) => ctx.out.success(&format!(
                "Copied to the clipboard — cleared in {} s",
                after.as_secs()
            )),
            (None, None) => ctx
                .out
                .success("Copied to the clipboard, until you copy something else"),
        }
    }
    ctx.out
        .note("Copy the token now: it is shown only once and cannot be recovered.");
    Ok(())
}

/// All of stdin as text; a secret never comes in as an argument.
pub fn read_stdin() -> Result<String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|error| Error::invalid(format!("cannot read stdin: {error}")))?;
    String::from_utf8(bytes).map_err(|_| Error::invalid("stdin is not valid UTF-8 text"))
}

/// The first non-blank line of stdin, trimmed; `None` when there is none.
pub fn first_stdin_line() -> Result<Option<String>> {
    Ok(read_stdin()?
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty())
        .map(str::to_owned))
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
