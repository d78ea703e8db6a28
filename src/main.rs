use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use tokenctl::cli::Cli;

fn main() -> ExitCode {
    // With COMPLETE=bash (zsh, fish, …) set by the shell's completion
    // function: print the candidates for the line being completed and exit.
    clap_complete::CompleteEnv::with_factory(Cli::command).complete();
    let cli = Cli::parse();
    ExitCode::from(tokenctl::cmd::run(cli))
}
