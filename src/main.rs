use std::process::ExitCode;

use clap::Parser;
use tokenctl::cli::Cli;

fn main() -> ExitCode {
    let cli = Cli::parse();
    ExitCode::from(tokenctl::cmd::run(cli))
}
