//! The inputs of a class: the key and the students, each a set of tagged articles taken from a
//! project or from one annotator within a project.

use crate::model::{Annotation, Project, Tag};
use crate::text::Span;

/// A tagged passage as the agreement engine sees it: tags by name, so that projects with their
/// own tag ids can be compared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    /// Byte span into the article text.
    pub span: Span,
    /// Tag name.
    pub tag: String,
    /// Speaker, for attributions and denials.
    pub speaker: String,
    /// The annotator's note.
    pub note: String,
}

/// One article as tagged by one coder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodedArticle {
    /// Title, for reports.
    pub title: String,
    /// The article text; articles are matched by it.
    pub text: String,
    /// The coder's passages, in any order.
    pub units: Vec<Unit>,
}

/// Everything one coder (the key or a student) tagged.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Coding {
    /// Shown in reports: a file name or an annotator's name.
    pub name: String,
    /// The tag set of the coder's project (for the key: order and which tags name a speaker).
    pub tags: Vec<Tag>,
    /// The articles.
    pub articles: Vec<CodedArticle>,
}

impl Coding {
    /// Every annotation of `project`, whoever made it.
    ///
    /// ```
    /// use lateral::agreement::Coding;
    /// use lateral::model::Project;
    /// let coding = Coding::from_project("Key", &Project::new("Empty"));
    /// assert_eq!(coding.name, "Key");
    /// assert_eq!(coding.num_units(), 0);
    /// ```
    #[must_use]
    pub fn from_project(name: &str, project: &Project) -> Self {
        Self::filtered(name, project, |_| true)
    }

    /// The annotations of one annotator within `project` (names compared without case).
    #[must_use]
    pub fn from_annotator(project: &Project, annotator: &str) -> Self {
        let wanted = annotator.trim().to_lowercase();
        Self::filtered(annotator, project, |a| {
            a.annotator.trim().to_lowercase() == wanted
        })
    }

    /// One coding per annotator named in `project`; the whole project as one coding named
    /// `name` when it names at most one annotator. Annotators in `skip` are left out;
    /// annotations without an annotator form one more coding, "`name` (no annotator)".
    #[must_use]
    pub fn split_by_annotator(name: &str, project: &Project, skip: &[String]) -> Vec<Self> {
        let skip: Vec<String> = skip.iter().map(|s| s.trim().to_lowercase()).collect();
        let names = annotators(project);
        if names.len() <= 1 && skip.is_empty() {
            return vec![Self::from_project(name, project)];
        }
        let mut codings: Vec<Self> = names
            .iter()
            .filter(|n| !skip.contains(&n.to_lowercase()))
            .map(|n| Self::from_annotator(project, n))
            .collect();
        if project
            .annotations()
            .iter()
            .any(|a| a.annotator.trim().is_empty())
        {
            let unnamed = format!("{name} (no annotator)");
            codings.push(Self::filtered(&unnamed, project, |a| {
                a.annotator.trim().is_empty()
            }));
        }
        codings
    }

    fn filtered(name: &str, project: &Project, keep: impl Fn(&Annotation) -> bool) -> Self {
        let articles = project
            .articles()
            .iter()
            .map(|article| CodedArticle {
                title: article.meta.title.clone(),
                text: article.text().to_owned(),
                units: project
                    .annotations_of(article.id)
                    .filter(|a| keep(a))
                    .map(|a| Unit {
                        span: a.span,
                        tag: project
                            .tag(a.tag_id)
                            .map_or_else(|| a.tag_id.to_string(), |t| t.name.clone()),
                        speaker: a.speaker.clone(),
                        note: a.note.clone(),
                    })
                    .collect(),
            })
            .collect();
        Self {
            name: name.to_owned(),
            tags: project.tags().to_vec(),
            articles,
        }
    }

    /// Number of passages over all articles.
    #[must_use]
    pub fn num_units(&self) -> usize {
        self.articles.iter().map(|a| a.units.len()).sum()
    }
}

/// The distinct non-empty annotator names of a project, in order of first appearance.
#[must_use]
pub fn annotators(project: &Project) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for annotation in project.annotations() {
        let name = annotation.annotator.trim();
        if !name.is_empty() && !names.iter().any(|n| n.eq_ignore_ascii_case(name)) {
            names.push(name.to_owned());
        }
    }
    names
}

/// A student input that could not be scored, with the reason in words.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct InputProblem {
    /// The file or annotator.
    pub name: String,
    /// Why it was not scored.
    pub reason: String,
}
