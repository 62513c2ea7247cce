//! The `lateral` command line: one file per subcommand, all on the library.

mod import;
mod info;
mod upgrade;
mod validate;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Source-critical reading of news: read articles side by side, tag passages, compare reports.
#[derive(Debug, Parser)]
#[command(name = "lateral", version, about)]
pub struct Cli {
    /// What to do; without a subcommand the desktop app opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Project file to open in the desktop app (default: the sample project).
    pub project: Option<PathBuf>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import text or Markdown files into a project (created if missing).
    Import {
        /// The project file.
        #[arg(long, short)]
        project: PathBuf,
        /// Files to import.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Show a project's articles, word counts and annotations per tag and article.
    Info {
        /// The project file.
        project: PathBuf,
    },
    /// Check a project file; exit code 0 if it has no problems.
    Validate {
        /// The project file.
        project: PathBuf,
    },
    /// Rewrite a project file in the current format (the old file is kept as .bak).
    Upgrade {
        /// The project file.
        project: PathBuf,
    },
}

/// Runs a subcommand, printing results to stdout and errors to stderr.
#[must_use]
pub fn run(command: Command) -> ExitCode {
    let mut out = std::io::stdout().lock();
    let result = match command {
        Command::Import { project, files } => import::run(&project, &files, &mut out),
        Command::Info { project } => info::run(&project, &mut out),
        Command::Validate { project } => validate::run(&project, &mut out),
        Command::Upgrade { project } => upgrade::run(&project, &mut out),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("lateral: {message}");
            ExitCode::FAILURE
        }
    }
}
