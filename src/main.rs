//! The `lateral` binary: parse the command line, then run a subcommand or open the app.

use clap::Parser;
use lateral::cli::{Cli, run};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => run(command),
        None => open_app(cli.project),
    }
}

#[cfg(feature = "gui")]
fn open_app(project: Option<std::path::PathBuf>) -> ExitCode {
    lateral::app::run(project)
}

#[cfg(not(feature = "gui"))]
fn open_app(_project: Option<std::path::PathBuf>) -> ExitCode {
    eprintln!("lateral: this build has no desktop app (built without the \"gui\" feature); use a subcommand, see --help");
    ExitCode::FAILURE
}
