//! The `lateral` command line: one file per subcommand, all on the library.

mod compare;
mod import;
mod info;
mod similar;
mod sources;
mod upgrade;
mod validate;

pub use sources::Format;

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
    /// Compare two reports: aligned sentences, word diffs and every changed number, name,
    /// hedge, attribution and negation.
    Compare {
        /// The first article: a file, or an article id (a3) in the project.
        a: PathBuf,
        /// The second article: a file, or an article id in the project.
        b: PathBuf,
        /// Project holding the articles named by id.
        #[arg(long, short)]
        project: Option<PathBuf>,
        /// Folder with extra word lists (hedges*.txt, attribution*.txt, negation*.txt).
        #[arg(long)]
        wordlists: Option<PathBuf>,
        /// Output format; json gives the full result.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// List near-duplicate pairs (how much of each one's wording the other contains) and groups.
    Similar {
        /// The project whose articles to compare.
        #[arg(long, short)]
        project: Option<PathBuf>,
        /// Files to compare (with the project's articles, if any).
        files: Vec<PathBuf>,
        /// Smallest containment (0 to 1) of a reported pair.
        #[arg(long, default_value_t = 0.1)]
        threshold: f64,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
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
        Command::Compare { a, b, project, wordlists, format } => {
            compare::run([&a, &b], project.as_deref(), wordlists.as_deref(), format, &mut out)
        }
        Command::Similar { project, files, threshold, format } => {
            similar::run(project.as_deref(), &files, threshold, format, &mut out)
        }
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("lateral: {message}");
            ExitCode::FAILURE
        }
    }
}
