//! State of the class view: a key and students scored off the UI thread, the chosen student,
//! the table's sort order and whether names are hidden. Never saved.

use super::jobs::{Job, take_finished};
use crate::agreement::{ClassResult, Coding, InputProblem, MatchMode, annotators, score_class};
use crate::io::load_project;
use crate::model::Project;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// How the students × tags table is sorted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ClassSort {
    /// In input order.
    #[default]
    Input,
    /// By overall F1, best first.
    Overall,
    /// By F1 of the tag with this index, best first.
    Tag(usize),
}

/// The key and the students as scored, for drawing their passages on the article text.
pub struct ClassCodings {
    /// The key.
    pub key: Coding,
    /// The students, in the order of the result's students.
    pub students: Vec<Coding>,
}

/// What a scoring job gives back.
type Scored = Result<(ClassResult, ClassCodings), String>;

/// The class view.
#[derive(Default)]
pub struct ClassState {
    /// The scores, once computed.
    pub result: Option<Arc<ClassResult>>,
    /// The codings that were scored.
    pub codings: Option<Arc<ClassCodings>>,
    /// Index of the key's article shown in the class overlay and side by side.
    pub article: usize,
    /// The student whose passages are listed.
    pub selected_student: Option<usize>,
    /// Replace names by "Student 1", "Student 2", … (for the projector).
    pub hide_names: bool,
    /// Sort order of the table.
    pub sort: ClassSort,
    /// The annotator taken as key when scoring the open project's annotators.
    pub key_annotator: Option<String>,
    job: Option<Job<(), Scored>>,
}

impl ClassState {
    /// Whether scoring is under way.
    #[must_use]
    pub fn is_computing(&self) -> bool {
        self.job.is_some()
    }

    /// The name shown for student `index`.
    #[must_use]
    pub fn student_name(&self, index: usize) -> String {
        match (&self.result, self.hide_names) {
            (Some(result), false) => result
                .students
                .get(index)
                .map_or_else(String::new, |s| s.name.clone()),
            _ => format!("Student {}", index + 1),
        }
    }

    /// Scores the students' files against the key's file.
    pub fn score_files(&mut self, key: PathBuf, students: Vec<PathBuf>) {
        self.reset();
        self.job = Some(Job::spawn((), move || score_files(&key, &students)));
    }

    /// Scores the annotators of `project` against the one named `key_annotator`.
    pub fn score_annotators(&mut self, project: &Project, key_annotator: &str) {
        self.reset();
        let key = Coding::from_annotator(project, key_annotator);
        let students: Vec<Coding> = annotators(project)
            .iter()
            .filter(|name| !name.eq_ignore_ascii_case(key_annotator))
            .map(|name| Coding::from_annotator(project, name))
            .collect();
        self.job = Some(Job::spawn((), move || {
            if students.is_empty() {
                return Err("The project has no other annotator to compare with the key.".into());
            }
            let result = score_class(&key, &students, MatchMode::Overlap, Vec::new());
            Ok((result, ClassCodings { key, students }))
        }));
    }

    /// Collects finished scores; returns an error message for the user if scoring failed.
    pub fn update(&mut self) -> Option<String> {
        match take_finished(&mut self.job)?.1 {
            Ok(Ok((result, codings))) => {
                self.result = Some(Arc::new(result));
                self.codings = Some(Arc::new(codings));
                None
            }
            Ok(Err(error)) => Some(error),
            Err(()) => Some("Scoring the class failed.".to_owned()),
        }
    }

    fn reset(&mut self) {
        self.result = None;
        self.codings = None;
        self.article = 0;
        self.selected_student = None;
    }
}

fn file_name(path: &Path) -> String {
    path.file_stem().map_or_else(
        || path.display().to_string(),
        |s| s.to_string_lossy().into_owned(),
    )
}

fn score_files(key: &Path, students: &[PathBuf]) -> Scored {
    let (key_project, _) = load_project(key).map_err(|e| {
        format!("The key could not be read: {e}. Choose a Lateral project (.ron) as key.")
    })?;
    let key = Coding::from_project(&file_name(key), &key_project);
    let mut codings = Vec::new();
    let mut problems = Vec::new();
    for path in students {
        match load_project(path) {
            Ok((project, _)) => codings.push(Coding::from_project(&file_name(path), &project)),
            Err(e) => problems.push(InputProblem {
                name: file_name(path),
                reason: e.to_string(),
            }),
        }
    }
    if codings.is_empty() {
        return Err("None of the student files could be read.".to_owned());
    }
    let result = score_class(&key, &codings, MatchMode::Overlap, problems);
    Ok((
        result,
        ClassCodings {
            key,
            students: codings,
        },
    ))
}
