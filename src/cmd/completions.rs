//! `tokenctl completions`: shell completion scripts, generated from the CLI.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;
use crate::error::Result;
use crate::output::Output;

/// Print a shell completion script
///
/// Examples:
///   mkdir -p ~/.local/share/bash-completion/completions
///   tokenctl completions bash > ~/.local/share/bash-completion/completions/tokenctl
///   tokenctl completions zsh > "${fpath[1]}/_tokenctl"
///   mkdir -p ~/.config/fish/completions
///   tokenctl completions fish > ~/.config/fish/completions/tokenctl.fish
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The shell to complete for
    pub shell: Shell,
}

pub fn run(args: &Args, out: &Output) -> Result<()> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "tokenctl", &mut script);
    out.text(&String::from_utf8_lossy(&script))
}
