//! The `lateral` command line: one file per subcommand, all on the library.

pub mod agree;
mod import;
mod info;
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
    /// Score students against a key: per tag, per passage, with feedback sheets and coefficients.
    ///
    /// KEY and STUDENT are project files; `FILE#NAME` takes only the annotations of annotator NAME.
    /// A student file with several annotators counts as one student per annotator.
    Agree {
        /// The key: a project, or `FILE#ANNOTATOR`.
        key: PathBuf,
        /// Student projects (or `FILE#ANNOTATOR`); if none, the other annotators of the key's file.
        students: Vec<PathBuf>,
        /// How passages are matched.
        #[arg(long, value_enum, default_value_t)]
        mode: agree::AgreeMode,
        /// What to write.
        #[arg(long, value_enum, default_value_t)]
        format: agree::AgreeFormat,
        /// Write to this file instead of the terminal (feedback sheets go beside it).
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Check a project file; exit code 0 if it has no problems.
    Validate {
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
        Command::Agree {
            key,
            students,
            mode,
            format,
            output,
        } => agree::run(&key, &students, mode, format, output.as_deref(), &mut out),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("lateral: {message}");
            ExitCode::FAILURE
        }
    }
}
