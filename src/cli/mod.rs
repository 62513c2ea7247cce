//! The `lateral` command line: one file per subcommand, all on the library.

pub mod agree;
mod compare;
mod export;
mod import;
mod import_qdpx;
mod import_w3c;
mod info;
mod merge;
mod similar;
mod sources;
mod upgrade;
mod validate;

pub use sources::Format;

use crate::export::W3cOptions;
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
    /// Import text, Markdown, saved web pages, PDFs, feeds and web addresses into a project
    /// (created if missing).
    Import {
        /// The project file.
        #[arg(long, short)]
        project: PathBuf,
        /// Files to import (text, Markdown, web pages, PDF, RSS/Atom feeds: one article per
        /// item), folders (their .txt, .md, .html, .pdf, .rss, .atom and .xml files, subfolders
        /// too; also .mhtml) and https:// addresses of pages, PDFs or feeds (fetched within 30 s).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Show a project's articles (outlet, date, authors, address), word counts and
    /// annotations per tag and article.
    Info {
        /// The project file.
        project: PathBuf,
        /// Order of the articles: imported, date, outlet or title.
        #[arg(long, default_value = "imported", value_parser = parse_sort)]
        sort: crate::model::ArticleSort,
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
        /// Folder with extra word lists named like the built-in ones (hedges*.txt,
        /// attribution*.txt, negation*.txt, and the claim-strength lists whose names begin with
        /// certainty, cause or finding; see assets/wordlists/README.md).
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
    /// Export tagged passages: csv, json, md, html, w3c (JSON-LD) or qdpx (REFI-QDA).
    Export {
        /// The project file.
        project: PathBuf,
        /// csv, json, md, html, w3c or qdpx.
        #[arg(long, short)]
        format: String,
        /// Only these tags (names or ids such as t2; comma-separated).
        #[arg(long, num_args = 1..)]
        tags: Vec<String>,
        /// Only these articles (ids such as a3, or titles; comma-separated).
        #[arg(long, num_args = 1..)]
        articles: Vec<String>,
        /// Only this annotator's annotations.
        #[arg(long)]
        annotator: Option<String>,
        /// CSV: start with a byte-order mark so that Excel reads umlauts right.
        #[arg(long)]
        bom: bool,
        /// CSV: separate fields with ";" (German Excel).
        #[arg(long)]
        semicolon: bool,
        /// Where to write.
        #[arg(long, short)]
        output: PathBuf,
    },
    /// Open a REFI-QDA project (.qdpx from ATLAS.ti, MAXQDA, `NVivo`, `QualCoder`) as a new project.
    ImportQdpx {
        /// The .qdpx file.
        file: PathBuf,
        /// The new project file.
        #[arg(long, short)]
        output: PathBuf,
    },
    /// Add W3C Web Annotations (JSON-LD, or Hypothesis JSON) to a project whose articles match.
    ImportW3c {
        /// The annotation file.
        file: PathBuf,
        /// The project file to add them to.
        #[arg(long, short)]
        project: PathBuf,
        /// Make every tag in the file a project tag, one annotation per tag (by default a
        /// passage is one annotation; tags that name no project tag are kept as keywords).
        #[arg(long)]
        tags_as_tags: bool,
    },
    /// Merge projects of the same articles (copies, coders, git branches); exit code 1 on
    /// conflicts, which are listed (the merged project keeps ours for them).
    Merge {
        /// Our project; the others are merged into it.
        ours: PathBuf,
        /// The projects to merge into ours.
        #[arg(required = true)]
        theirs: Vec<PathBuf>,
        /// The common ancestor (e.g. of two git branches): tells edits and removals apart.
        #[arg(long)]
        base: Option<PathBuf>,
        /// Where to save the merged project.
        #[arg(long, short)]
        output: PathBuf,
    },
    /// Git merge driver: `merge-driver %O %A %B` merges %B into %A, relative to %O.
    MergeDriver {
        /// The common ancestor (%O).
        base: PathBuf,
        /// Ours (%A), overwritten with the result.
        ours: PathBuf,
        /// Theirs (%B).
        theirs: PathBuf,
    },
}

/// The project file that `command` writes, if it writes one.
fn project_written_by(command: &Command) -> Option<&std::path::Path> {
    match command {
        Command::Import { project, .. }
        | Command::Upgrade { project }
        | Command::ImportW3c { project, .. } => Some(project),
        Command::ImportQdpx { output, .. } | Command::Merge { output, .. } => Some(output),
        Command::MergeDriver { ours, .. } => Some(ours),
        _ => None,
    }
}

fn parse_sort(name: &str) -> Result<crate::model::ArticleSort, String> {
    crate::model::ArticleSort::from_name(name)
        .ok_or_else(|| format!("unknown order {name:?}: use imported, date, outlet or title"))
}

/// Runs a subcommand, printing results to stdout and errors to stderr.
#[must_use]
pub fn run(command: Command) -> ExitCode {
    // A command that writes a project holds its lock until it is done, so that two
    // writers at once (two commands, or a command and the app) cannot lose each other's work.
    let _lock = match project_written_by(&command).map(crate::io::lock::ProjectLock::acquire) {
        Some(Err(error)) => {
            eprintln!("lateral: {error}");
            return ExitCode::FAILURE;
        }
        Some(Ok(lock)) => Some(lock),
        None => None,
    };
    let mut out = std::io::stdout().lock();
    let result = match command {
        Command::Import { project, files } => import::run(&project, &files, &mut out),
        Command::Info { project, sort } => info::run(&project, sort, &mut out),
        Command::Validate { project } => validate::run(&project, &mut out),
        Command::Upgrade { project } => upgrade::run(&project, &mut out),
        Command::Compare {
            a,
            b,
            project,
            wordlists,
            format,
        } => compare::run(
            [&a, &b],
            project.as_deref(),
            wordlists.as_deref(),
            format,
            &mut out,
        ),
        Command::Similar {
            project,
            files,
            threshold,
            format,
        } => similar::run(project.as_deref(), &files, threshold, format, &mut out),
        Command::Export {
            project,
            format,
            tags,
            articles,
            annotator,
            bom,
            semicolon,
            output,
        } => {
            let request = export::ExportRequest {
                format,
                tags,
                articles,
                annotator,
                bom,
                semicolon,
            };
            export::run(&project, &request, &output, &mut out)
        }
        Command::ImportQdpx { file, output } => import_qdpx::run(&file, &output, &mut out),
        Command::ImportW3c {
            file,
            project,
            tags_as_tags,
        } => import_w3c::run(&file, &project, W3cOptions { tags_as_tags }, &mut out),
        Command::Merge {
            ours,
            theirs,
            base,
            output,
        } => merge::run(base.as_deref(), &ours, &theirs, &output, &mut out),
        Command::MergeDriver { base, ours, theirs } => {
            merge::run_driver(&base, &ours, &theirs, &mut out)
        }
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
