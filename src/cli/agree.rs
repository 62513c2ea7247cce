//! `lateral agree KEY STUDENT...`: scores students against a key and writes a table, CSV,
//! JSON, or Markdown/HTML reports with a feedback sheet per student.

use crate::agreement::{
    ClassResult, Coding, InputProblem, MatchMode, class_report_html, class_report_md,
    feedback_html, feedback_md, score_class, scores_csv,
};
use crate::io::load_project;
use crate::io::output::{unused_name, write_output};
use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Output formats of `lateral agree`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum AgreeFormat {
    /// A plain-text table per student.
    #[default]
    Table,
    /// Every score as CSV.
    Csv,
    /// The whole result as JSON.
    Json,
    /// Class report and feedback sheets in Markdown.
    Md,
    /// Class report and feedback sheets as self-contained HTML.
    Html,
}

/// Match modes as command-line values.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum AgreeMode {
    /// The same span.
    Exact,
    /// Spans sharing at least half of the shorter one.
    #[default]
    Overlap,
    /// Word by word.
    Token,
}

impl From<AgreeMode> for MatchMode {
    fn from(mode: AgreeMode) -> Self {
        match mode {
            AgreeMode::Exact => MatchMode::Exact,
            AgreeMode::Overlap => MatchMode::Overlap,
            AgreeMode::Token => MatchMode::Token,
        }
    }
}

/// Splits `FILE#ANNOTATOR` into the file and the annotator.
fn split_spec(spec: &Path) -> (PathBuf, Option<String>) {
    let text = spec.to_string_lossy();
    match text.rsplit_once('#') {
        Some((file, annotator)) if !annotator.is_empty() && !Path::new(&*text).exists() => {
            (PathBuf::from(file), Some(annotator.to_owned()))
        }
        _ => (spec.to_path_buf(), None),
    }
}

fn file_label(path: &Path) -> String {
    path.file_stem().map_or_else(
        || path.display().to_string(),
        |s| s.to_string_lossy().into_owned(),
    )
}

/// Loads the key and students; unreadable students become problems.
pub fn load_class(
    key_spec: &Path,
    student_specs: &[PathBuf],
) -> Result<(Coding, Vec<Coding>, Vec<InputProblem>), String> {
    let (key_path, key_annotator) = split_spec(key_spec);
    let (key_project, _) =
        load_project(&key_path).map_err(|e| format!("cannot read the key: {e}"))?;
    let key = match &key_annotator {
        Some(name) => Coding::from_annotator(&key_project, name),
        None => Coding::from_project(&file_label(&key_path), &key_project),
    };
    if key.num_units() == 0 {
        return Err(format!("the key {} has no annotations", key_spec.display()));
    }
    let mut specs: Vec<PathBuf> = student_specs.to_vec();
    if specs.is_empty() && key_annotator.is_some() {
        specs.push(key_path.clone());
    }
    let mut students = Vec::new();
    let mut problems = Vec::new();
    for spec in &specs {
        let (path, annotator) = split_spec(spec);
        match load_project(&path) {
            Err(e) => problems.push(InputProblem {
                name: spec.display().to_string(),
                reason: e.to_string(),
            }),
            Ok((project, _)) => {
                if let Some(name) = annotator {
                    students.push(Coding::from_annotator(&project, &name));
                } else {
                    let skip: Vec<String> = key_annotator
                        .iter()
                        .filter(|_| path == key_path)
                        .cloned()
                        .collect();
                    students.extend(Coding::split_by_annotator(
                        &file_label(&path),
                        &project,
                        &skip,
                    ));
                }
            }
        }
    }
    Ok((key, students, problems))
}

/// Runs `lateral agree`.
pub fn run(
    key: &Path,
    students: &[PathBuf],
    mode: AgreeMode,
    format: AgreeFormat,
    output: Option<&Path>,
    out: &mut impl Write,
) -> Result<ExitCode, String> {
    // The key and the students' projects are inputs: no report may be written over them.
    let input_paths: Vec<PathBuf> = std::iter::once(key)
        .chain(students.iter().map(PathBuf::as_path))
        .map(|spec| split_spec(spec).0)
        .collect();
    let (key, students, problems) = load_class(key, students)?;
    let result = score_class(&key, &students, mode.into(), problems);
    let (main, sheets) = match format {
        AgreeFormat::Table => (table(&result), Vec::new()),
        AgreeFormat::Csv => (scores_csv(&result).map_err(|e| e.to_string())?, Vec::new()),
        AgreeFormat::Json => (
            serde_json::to_string_pretty(&result).map_err(|e| e.to_string())?,
            Vec::new(),
        ),
        AgreeFormat::Md => (
            class_report_md(&result),
            result
                .students
                .iter()
                .map(|s| feedback_md(&result, s))
                .collect(),
        ),
        AgreeFormat::Html => (
            class_report_html(&result),
            result
                .students
                .iter()
                .map(|s| feedback_html(&result, s))
                .collect(),
        ),
    };
    match output {
        None => {
            let write = |out: &mut dyn Write, text: &str| {
                writeln!(out, "{text}").map_err(|e| e.to_string())
            };
            write(out, &main)?;
            for sheet in &sheets {
                write(out, sheet)?;
            }
        }
        Some(path) => {
            let inputs: Vec<&Path> = input_paths.iter().map(PathBuf::as_path).collect();
            let mut save = |path: &Path, text: &str| {
                let written =
                    write_output(path, text.as_bytes(), &inputs).map_err(|e| e.to_string())?;
                writeln!(out, "wrote {}{}", path.display(), written.backup_note())
                    .map_err(|e| e.to_string())
            };
            save(path, &main)?;
            let mut taken = vec![path.to_path_buf()];
            for (student, sheet) in result.students.iter().zip(&sheets) {
                // Two students of one name get two sheets, not one overwritten.
                let sheet_path = unused_name(&sheet_path(path, &student.name), &taken);
                save(&sheet_path, sheet)?;
                taken.push(sheet_path);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `class.md` + "Ann Lee" → `class-feedback-ann-lee.md`.
fn sheet_path(report: &Path, student: &str) -> PathBuf {
    let stem = report
        .file_stem()
        .map_or_else(|| "report".into(), |s| s.to_string_lossy().into_owned());
    let ext = report
        .extension()
        .map_or_else(String::new, |e| format!(".{}", e.to_string_lossy()));
    let slug: String = student
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    report.with_file_name(format!("{stem}-feedback-{}{ext}", slug.trim_matches('-')))
}

/// The plain-text table: one row per student, then one line per problem.
#[must_use]
pub fn table(result: &ClassResult) -> String {
    let score = |v: Option<f64>| v.map_or_else(|| "-".to_owned(), |v| format!("{v:.2}"));
    let mut text = String::new();
    let _ = writeln!(
        text,
        "Key: {} · mode: {} ({})",
        result.key_name,
        result.mode,
        result.mode.description()
    );
    let _ = writeln!(
        text,
        "{:<20} {:>7} {:>6} {:>6} {:>5} {:>5} {:>5} {:>8} {:>6}",
        "student", "matches", "misses", "extras", "P", "R", "F1", "speakers", "kappa"
    );
    for student in &result.students {
        let all = &student.overall;
        let speakers = format!(
            "{}/{}",
            student.speakers.right,
            student.speakers.right + student.speakers.wrong
        );
        let _ = writeln!(
            text,
            "{:<20} {:>7} {:>6} {:>6} {:>5} {:>5} {:>5} {:>8} {:>6}",
            student.name,
            all.matches,
            all.misses,
            all.extras,
            score(all.precision),
            score(all.recall),
            score(all.f1),
            speakers,
            score(student.kappa_vs_key)
        );
    }
    for student in &result.students {
        for (title, num) in &student.unknown_articles {
            let _ = writeln!(
                text,
                "{}: {num} passages on \"{title}\", which the key lacks; not scored",
                student.name
            );
        }
        let all_missing = student.missing_articles.len() == result.articles.len();
        if !all_missing && student.overall.matches + student.overall.extras == 0 {
            let _ = writeln!(
                text,
                "{}: tagged nothing in the key's articles",
                student.name
            );
        }
        if !student.missing_articles.is_empty() && all_missing {
            let _ = writeln!(
                text,
                "{}: none of the key's articles; nothing scored",
                student.name
            );
        } else {
            for title in &student.missing_articles {
                let _ = writeln!(
                    text,
                    "{}: lacks the key's article \"{title}\"; not scored",
                    student.name
                );
            }
        }
    }
    for problem in &result.problems {
        let _ = writeln!(text, "{}: not scored: {}", problem.name, problem.reason);
    }
    let c = &result.coefficients;
    let _ = writeln!(
        text,
        "Fleiss' kappa (words): {} · Krippendorff's unitizing alpha: {} ({} articles all share)",
        score(c.fleiss_kappa),
        score(c.krippendorff_alpha_u),
        c.num_common_articles
    );
    text
}
