//! The project file: pretty RON with `format_version` first, validated on load, written
//! atomically with a backup of the previous version.

use super::atomic::write_atomically;
use super::reanchor::{Placement, place};
use crate::model::{FORMAT_VERSION, Orphan, Project};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Project files larger than this are refused rather than read into memory.
pub const MAX_PROJECT_BYTES: u64 = 2 * 1024 * 1024 * 1024;

/// Why a project file could not be read or written. The file on disk is untouched.
#[derive(Debug, thiserror::Error)]
pub enum ProjectFileError {
    /// The operating system refused to read or write.
    #[error("could not {action} {}: {source}", path.display())]
    Io {
        /// "read" or "write".
        action: &'static str,
        /// The cause.
        #[source]
        source: std::io::Error,
        /// The file.
        path: PathBuf,
    },
    /// Not text: probably not a project file at all.
    #[error("{} is not a Lateral project: it is not UTF-8 text. Open a .ron file saved by Lateral, or use Import for articles", path.display())]
    NotText {
        /// The file.
        path: PathBuf,
    },
    /// Written by a newer Lateral.
    #[error("{} was saved by a newer version of Lateral (file format {found}; this version reads up to {supported}). Update Lateral to open it; the file was not changed", path.display())]
    NewerVersion {
        /// Version in the file.
        found: u32,
        /// Newest version this build reads.
        supported: u32,
        /// The file.
        path: PathBuf,
    },
    /// RON syntax or structure error, e.g. a truncated file.
    #[error("{} is damaged at line {line}, column {column}: {message}. {hint}", path.display())]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser expected.
        message: String,
        /// What to do: the backup to try, if there is one.
        hint: String,
        /// The file.
        path: PathBuf,
    },
    /// A field that this version of Lateral does not know, e.g. a misspelt `annotations:`.
    /// Ignoring it would drop its content at the next save, so the file is refused.
    #[error("{} has a field \"{field}\" at line {line}, column {column} that Lateral does not know{}. It may be misspelt: correct it in a text editor (expected one of: {}). The file was not changed", path.display(), outer.as_ref().map_or_else(String::new, |o| format!(" (in {o})")), expected.join(", "))]
    UnknownField {
        /// The field as written.
        field: String,
        /// The record it stands in, e.g. `Annotation`.
        outer: Option<String>,
        /// The fields that record has.
        expected: Vec<String>,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The file.
        path: PathBuf,
    },
    /// Text, but not a project file (e.g. an article passed where a project was expected).
    #[error("{} is not a Lateral project: a project file starts with \"(\" and \"format_version\". To add a text file as an article, import it (lateral import --project P FILE, or Import… in the app)", path.display())]
    NotAProject {
        /// The file.
        path: PathBuf,
    },
    /// A project file with bytes that are not UTF-8: damaged on disk or by another program.
    #[error("{} is damaged: byte {offset} (line {line}) is not UTF-8 text. {hint}", path.display())]
    BadBytes {
        /// Where the first bad byte is.
        offset: usize,
        /// Its 1-based line.
        line: usize,
        /// What to do: the backup to try, if there is one.
        hint: String,
        /// The file.
        path: PathBuf,
    },
    /// Parsed, but its content contradicts itself (e.g. two articles share an id).
    #[error("{} is inconsistent: {}. Fix the file by hand or use the backup", path.display(), problems.join("; "))]
    Inconsistent {
        /// Every problem found.
        problems: Vec<String>,
        /// The file.
        path: PathBuf,
    },
    /// Too large to read.
    #[error("{} is {size_bytes} bytes, more than a project file can be ({MAX_PROJECT_BYTES} bytes)", path.display())]
    TooLarge {
        /// File size.
        size_bytes: u64,
        /// The file.
        path: PathBuf,
    },
    /// Serialisation failed (should not happen for a valid project).
    #[error("could not write the project as RON: {message}")]
    Serialize {
        /// The serialiser's message.
        message: String,
    },
}

/// What loading had to repair, for the user to see.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoadReport {
    /// Annotations whose span no longer matched their quote and were placed anew by quote and
    /// context: (annotation id, old start, new start).
    pub reanchored: Vec<String>,
    /// Annotations that could not be placed; they are kept as orphans in the project.
    pub orphaned: Vec<String>,
    /// The file's format version, if older than the current one (it was upgraded in memory).
    pub upgraded_from: Option<u32>,
    /// How many CRLF line ends were read as LF (a checkout that converted line ends).
    pub crlf_normalised: usize,
}

impl LoadReport {
    /// Whether loading changed anything that the user should know about.
    #[must_use]
    pub fn is_clean(&self) -> bool {
        self.reanchored.is_empty()
            && self.orphaned.is_empty()
            && self.upgraded_from.is_none()
            && self.crlf_normalised == 0
    }

    /// Every repair as a sentence.
    #[must_use]
    pub fn lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        if let Some(version) = self.upgraded_from {
            lines.push(format!(
                "The file was in format {version}; it will be saved in format {FORMAT_VERSION}."
            ));
        }
        if self.crlf_normalised > 0 {
            lines.push(format!(
                "The file had Windows line ends (CRLF, {} of them), as git can make on checkout; they were read as plain line ends and will be saved so.",
                self.crlf_normalised
            ));
        }
        lines.extend(self.reanchored.iter().cloned());
        lines.extend(self.orphaned.iter().cloned());
        lines
    }
}

/// Reads and validates a project file.
///
/// Annotations whose quote no longer matches are re-anchored by quote and context where
/// possible and otherwise kept as orphans; both are listed in the report.
pub fn load_project(path: &Path) -> Result<(Project, LoadReport), ProjectFileError> {
    let io_error = |source| ProjectFileError::Io {
        action: "read",
        source,
        path: path.to_path_buf(),
    };
    let size_bytes = std::fs::metadata(path).map_err(io_error)?.len();
    if size_bytes > MAX_PROJECT_BYTES {
        return Err(ProjectFileError::TooLarge {
            size_bytes,
            path: path.to_path_buf(),
        });
    }
    let bytes = std::fs::read(path).map_err(io_error)?;
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let bytes = error.as_bytes();
            let offset = error.utf8_error().valid_up_to();
            return Err(
                if super::output::starts_like_project(&String::from_utf8_lossy(bytes)) {
                    ProjectFileError::BadBytes {
                        offset,
                        line: bytes
                            .get(..offset)
                            .and_then(|valid| std::str::from_utf8(valid).ok())
                            .map_or(1, |valid| valid.matches('\n').count() + 1),
                        hint: backup_hint(path),
                        path: path.to_path_buf(),
                    }
                } else {
                    ProjectFileError::NotText {
                        path: path.to_path_buf(),
                    }
                },
            );
        }
    };
    parse_project(&text, path)
}

/// Parses and validates project RON; `path` is only used in messages.
///
/// Fields that Lateral does not know are an error, never ignored: ignoring a misspelt
/// `annotations:` would lose them all at the next save. The format version is read by the
/// parser, wherever it stands in the file.
pub fn parse_project(text: &str, path: &Path) -> Result<(Project, LoadReport), ProjectFileError> {
    let mut report = LoadReport::default();
    // A checkout with `core.autocrlf` turns every line end into CRLF, inside the article
    // texts too; the spans were counted over LF. Article texts never hold a CR (import
    // turns them into LF), so reading CRLF as LF restores the file as it was saved.
    let normalised;
    let text = if text.contains("\r\n") {
        report.crlf_normalised = text.matches("\r\n").count();
        normalised = text.replace("\r\n", "\n");
        normalised.as_str()
    } else {
        text
    };
    let mut project: Project = match ron::from_str(text) {
        Ok(project) => project,
        Err(error) => return Err(parse_error(text, &error, path)),
    };
    if project.format_version() > FORMAT_VERSION {
        return Err(newer_version(project.format_version(), path));
    }
    if project.format_version() < FORMAT_VERSION {
        report.upgraded_from = Some(project.format_version());
    }
    // Older formats are upgraded in memory (nothing to convert yet: format 1 is the first).
    project.set_current_format();
    check_ids(&project).map_err(|problems| ProjectFileError::Inconsistent {
        problems,
        path: path.to_path_buf(),
    })?;
    place_annotations(&mut project, &mut report);
    Ok((project, report))
}

fn newer_version(found: u32, path: &Path) -> ProjectFileError {
    ProjectFileError::NewerVersion {
        found,
        supported: FORMAT_VERSION,
        path: path.to_path_buf(),
    }
}

/// Turns a parser error into the error a user should see: a newer format first (its new
/// fields are unknown here), then text that is no project at all, then unknown fields.
fn parse_error(text: &str, error: &ron::error::SpannedError, path: &Path) -> ProjectFileError {
    if let Some(found) = read_version(text)
        && found > FORMAT_VERSION
    {
        return newer_version(found, path);
    }
    if !super::output::starts_like_project(text) {
        return ProjectFileError::NotAProject {
            path: path.to_path_buf(),
        };
    }
    if let ron::Error::NoSuchStructField {
        expected,
        found,
        outer,
    } = &error.code
    {
        return ProjectFileError::UnknownField {
            field: found.clone(),
            outer: outer.clone(),
            expected: expected.iter().map(|&name| name.to_owned()).collect(),
            line: error.span.start.line,
            column: error.span.start.col,
            path: path.to_path_buf(),
        };
    }
    ProjectFileError::Syntax {
        line: error.span.start.line,
        column: error.span.start.col,
        message: error.code.to_string(),
        hint: backup_hint(path),
        path: path.to_path_buf(),
    }
}

/// The format version as the parser reads it, ignoring every other field.
fn read_version(text: &str) -> Option<u32> {
    #[derive(serde::Deserialize)]
    struct VersionOnly {
        format_version: u32,
    }
    ron::from_str::<VersionOnly>(text)
        .ok()
        .map(|v| v.format_version)
}

/// What to try when a project file is damaged.
fn backup_hint(path: &Path) -> String {
    let backup = super::atomic::backup_path(path);
    if backup.exists() {
        format!(
            "Lateral keeps the previous version: try opening its backup {}",
            backup.display()
        )
    } else {
        "There is no backup beside it; if the app was open when it broke, start Lateral again to restore its autosave".to_owned()
    }
}

fn check_ids(project: &Project) -> Result<(), Vec<String>> {
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    for article in project.articles() {
        if !seen.insert(article.id) {
            problems.push(format!("two articles share the id {}", article.id));
        }
        for (index, mark) in article.furniture.iter().enumerate() {
            if let Err(error) = mark.span.check(article.text()) {
                problems.push(format!(
                    "furniture mark {index} of article {} does not fit its text: {error}",
                    article.id
                ));
            }
        }
    }
    let mut seen = HashSet::new();
    for tag in project.tags() {
        if !seen.insert(tag.id) {
            problems.push(format!("two tags share the id {}", tag.id));
        }
    }
    let mut seen = HashSet::new();
    let orphan_ids = project.orphans().iter().map(|o| o.annotation.id);
    for annotation_id in project.annotations().iter().map(|a| a.id).chain(orphan_ids) {
        if !seen.insert(annotation_id) {
            problems.push(format!("two annotations share the id {annotation_id}"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// Checks every annotation against its article and tag; re-anchors or orphans the rest.
fn place_annotations(project: &mut Project, report: &mut LoadReport) {
    let mut keep = Vec::with_capacity(project.annotations().len());
    let mut new_orphans = Vec::new();
    let annotations = std::mem::take(project.parts_mut().annotations);
    for mut annotation in annotations {
        let Some(article) = project.article(annotation.article_id) else {
            let reason = format!(
                "its article {} is not in the project",
                annotation.article_id
            );
            report.orphaned.push(format!(
                "Annotation {} was set aside: {reason}.",
                annotation.id
            ));
            new_orphans.push(Orphan { annotation, reason });
            continue;
        };
        if project.tag(annotation.tag_id).is_none() {
            let reason = format!("its tag {} is not in the tag set", annotation.tag_id);
            report.orphaned.push(format!(
                "Annotation {} was set aside: {reason}.",
                annotation.id
            ));
            new_orphans.push(Orphan { annotation, reason });
            continue;
        }
        match place(article.text(), &annotation) {
            Placement::InPlace => keep.push(annotation),
            Placement::Moved(span) => {
                report.reanchored.push(format!(
                    "Annotation {} (\"{}\") was moved from byte {} to byte {} of \"{}\", where its quote is.",
                    annotation.id,
                    crate::text::chars_after(&annotation.quote, 0, 40),
                    annotation.span.start,
                    span.start,
                    article.meta.title
                ));
                annotation.set_span(article.text(), span);
                keep.push(annotation);
            }
            Placement::NotFound => {
                let reason = format!(
                    "its quote \"{}\" is not in the text of \"{}\"",
                    crate::text::chars_after(&annotation.quote, 0, 40),
                    article.meta.title
                );
                report.orphaned.push(format!(
                    "Annotation {} was set aside: {reason}.",
                    annotation.id
                ));
                new_orphans.push(Orphan { annotation, reason });
            }
        }
    }
    let parts = project.parts_mut();
    *parts.annotations = keep;
    parts.orphans.extend(new_orphans);
}

/// Serialises a project as RON, `format_version` first, one tag, article head and annotation
/// per line (see `io::ron_layout`), the article text with its real line breaks.
pub fn project_to_ron(project: &Project) -> Result<String, ProjectFileError> {
    super::ron_layout::project_ron(project).map_err(|error| ProjectFileError::Serialize {
        message: error.to_string(),
    })
}

/// Saves a project atomically, keeping the previous file as `<name>.bak`.
pub fn save_project(project: &Project, path: &Path) -> Result<(), ProjectFileError> {
    let text = project_to_ron(project)?;
    write_atomically(path, text.as_bytes(), true).map_err(|source| ProjectFileError::Io {
        action: "write",
        source,
        path: path.to_path_buf(),
    })
}
