//! The command line's top: the global options, and the subcommands of
//! `cmd::Command` (each one's arguments live beside its handler in `cmd/`).
//! The generated completions and man pages are made from it.

use std::path::PathBuf;

use clap::Parser;

use crate::cmd::Command;
use crate::env;

const AFTER_HELP: &str = "\
Examples:
  tokenctl create deploy --expires 7d          create a token, print its secret once
  tokenctl list --expiring-within 7d           tokens that expire within a week
  tokenctl revoke deploy                       revoke by name (or ID)
  pbpaste | tokenctl revoke --stdin --yes      revoke a leaked value
  tokenctl scan build.log                      find leaked tokens in a file, whose they are
  tokenctl regenerate deploy --grace 10m       new secret, old one works 10 more minutes
  tokenctl oauth token mail                    a fresh access token of a third-party provider

Exit codes: 0 ok, 1 error, 2 usage, 3 not found, 4 not authenticated or not allowed,
5 conflict, 6 server unreachable, 7 cancelled at a prompt.";

/// Manage personal access tokens and service tokens.
///
/// tokenctl keeps tokens in a local store (a SQLite file) by default. A token's
/// secret is shown once when it is created and only its hash is stored.
#[derive(Debug, Parser)]
#[command(name = "tokenctl", version, after_help = AFTER_HELP, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Default, clap::Args)]
pub struct GlobalArgs {
    /// Token store file (SQLite) [default: in your data directory]
    #[arg(long, global = true, help_heading = "Global options", env = env::STORE, value_name = "PATH")]
    pub store: Option<PathBuf>,

    /// Token server to use instead of the local store
    #[arg(long, global = true, help_heading = "Global options", env = env::SERVER, value_name = "URL")]
    pub server: Option<String>,

    /// Saved login (server + user) to use [default: the last login]
    #[arg(long, global = true, help_heading = "Global options", env = env::PROFILE, value_name = "NAME")]
    pub profile: Option<String>,

    /// Config file [default: config.toml in your config directory]
    #[arg(long, global = true, help_heading = "Global options", env = env::CONFIG, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Print machine-readable JSON on stdout
    #[arg(long, global = true, help_heading = "Global options")]
    pub json: bool,

    /// Print what this jq filter selects from the JSON, strings bare (e.g. '.[].name')
    #[arg(long, global = true, help_heading = "Global options", value_name = "EXPR", conflicts_with_all = ["field", "quiet"])]
    pub jq: Option<String>,

    /// Print one field of the JSON bare, a line per item of a list (e.g. id)
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        value_name = "NAME",
        conflicts_with = "quiet"
    )]
    pub field: Option<String>,

    /// Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone
    #[arg(long, short, global = true, help_heading = "Global options")]
    pub quiet: bool,

    /// Log what tokenctl does on stderr (never a secret)
    #[arg(long, global = true, help_heading = "Global options")]
    pub debug: bool,
}

impl GlobalArgs {
    /// The global options as the environment alone sets them
    /// (`TOKENCTL_STORE`, …): what shell completion works with, since it has
    /// no command line of its own to parse.
    pub fn from_environment() -> GlobalArgs {
        use clap::{Args, FromArgMatches};
        GlobalArgs::augment_args(clap::Command::new("tokenctl"))
            .try_get_matches_from(["tokenctl"])
            .ok()
            .and_then(|matches| GlobalArgs::from_arg_matches(&matches).ok())
            .unwrap_or_default()
    }
}
