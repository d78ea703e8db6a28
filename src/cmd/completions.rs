//! `tokenctl completions`: shell completion scripts, generated from the CLI.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;
use crate::error::Result;
use crate::output::Output;

/// Print a shell completion script
///
/// These scripts complete commands and flags. For the names of your
/// tokens, users, roles, OAuth entries and profiles as well, load the
/// dynamic completion instead, which asks tokenctl on each Tab (it reads
/// TOKENCTL_STORE, TOKENCTL_SERVER and your current profile, never a flag
/// on the line, and gives up after 2 s):
///   echo 'source <(COMPLETE=bash tokenctl)' >> ~/.bashrc
///   echo 'source <(COMPLETE=zsh tokenctl)' >> ~/.zshrc
///   echo 'COMPLETE=fish tokenctl | source' >> ~/.config/fish/config.fish
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
