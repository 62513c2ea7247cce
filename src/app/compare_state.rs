//! State of the compare view and the project overview: the chosen pair, cached comparisons and
//! the similarity matrix, all computed off the UI thread and never saved.

use super::jobs::{Job, take_finished};
use crate::compare::similarity::{containment, near_duplicate_articles};
use crate::compare::{CompareOptions, Comparison, Containment, Document, compare_articles};
use crate::model::{Article, ArticleId, Project, TagId};
use std::collections::HashMap;
use std::sync::Arc;

/// What a comparison derives from: article A, article B and the project revision.
pub type PairKey = (ArticleId, ArticleId, u64);

/// The compare view: two articles side by side, sentence by sentence.
#[derive(Default)]
pub struct CompareState {
    /// The article on the left.
    pub article_a: Option<ArticleId>,
    /// The article on the right.
    pub article_b: Option<ArticleId>,
    /// Show only changes with this label ("number changed", …); `None` shows all.
    pub kind_filter: Option<&'static str>,
    /// The row picked in the change list.
    pub selected_row: Option<usize>,
    /// A row to scroll to on the next frame.
    pub scroll_to_row: Option<usize>,
    /// The tag used by the row's "Tag …" buttons.
    pub tag_id: Option<TagId>,
    /// Whether the change list is open; `None` opens it where the view is wide enough.
    pub show_changes: Option<bool>,
    cache: HashMap<PairKey, Arc<Comparison>>,
    job: Option<Job<PairKey, Comparison>>,
}

impl CompareState {
    /// Compares `a` with `b` from now on.
    pub fn set_pair(&mut self, article_a: ArticleId, article_b: ArticleId) {
        self.article_a = Some(article_a);
        self.article_b = Some(article_b);
        self.selected_row = None;
        self.scroll_to_row = None;
    }

    /// The comparison of the chosen pair at `revision`, if it is ready.
    #[must_use]
    pub fn comparison(&self, revision: u64) -> Option<&Arc<Comparison>> {
        let key = (self.article_a?, self.article_b?, revision);
        self.cache.get(&key)
    }

    /// Whether a comparison is being computed.
    #[must_use]
    pub fn is_computing(&self) -> bool {
        self.job.is_some()
    }

    /// Collects a finished comparison and starts the one the view needs, if missing.
    pub fn update(&mut self, project: &Project) {
        if let Some((key, Ok(comparison))) = take_finished(&mut self.job) {
            self.cache.insert(key, Arc::new(comparison));
        }
        let revision = project.revision();
        self.cache.retain(|key, _| key.2 == revision);
        let (Some(a), Some(b)) = (self.article_a, self.article_b) else {
            return;
        };
        let key = (a, b, revision);
        if self.cache.contains_key(&key) || self.job.as_ref().is_some_and(|j| j.key == key) {
            return;
        }
        let (Some(article_a), Some(article_b)) = (project.article(a), project.article(b)) else {
            return;
        };
        let (article_a, article_b) = (article_a.clone(), article_b.clone());
        self.job = Some(Job::spawn(key, move || {
            compare_articles(&article_a, &article_b, &CompareOptions::default())
        }));
    }
}

/// Containment of every pair of articles that share wording.
#[derive(Clone, Debug, Default)]
pub struct Matrix {
    /// The articles, in project order.
    pub articles: Vec<ArticleId>,
    /// Containment of (row, column): `a_in_b` is how much of the row's article is in the column's.
    pub cells: HashMap<(ArticleId, ArticleId), Containment>,
}

impl Matrix {
    /// Computes the matrix of `articles`.
    #[must_use]
    pub fn of(articles: &[Article]) -> Self {
        let mut cells = HashMap::new();
        for pair in near_duplicate_articles(articles, 0.0) {
            let c = pair.containment;
            cells.insert((pair.a, pair.b), c);
            let swapped = Containment {
                a_in_b: c.b_in_a,
                b_in_a: c.a_in_b,
            };
            cells.insert((pair.b, pair.a), swapped);
        }
        Self {
            articles: articles.iter().map(|a| a.id).collect(),
            cells,
        }
    }

    /// Containment of the pair, zero if they share no wording.
    #[must_use]
    pub fn cell(&self, row: ArticleId, column: ArticleId) -> Containment {
        self.cells.get(&(row, column)).copied().unwrap_or_default()
    }
}

/// The project overview: the similarity matrix for one project revision.
#[derive(Default)]
pub struct OverviewState {
    matrix: Option<(u64, Arc<Matrix>)>,
    job: Option<Job<u64, Matrix>>,
}

impl OverviewState {
    /// The matrix of the project at `revision`, if ready.
    #[must_use]
    pub fn matrix(&self, revision: u64) -> Option<&Arc<Matrix>> {
        self.matrix
            .as_ref()
            .filter(|(r, _)| *r == revision)
            .map(|(_, m)| m)
    }

    /// Whether the matrix is being computed.
    #[must_use]
    pub fn is_computing(&self) -> bool {
        self.job.is_some()
    }

    /// Collects a finished matrix and starts the one for the project's revision, if missing.
    pub fn update(&mut self, project: &Project) {
        if let Some((revision, Ok(matrix))) = take_finished(&mut self.job) {
            self.matrix = Some((revision, Arc::new(matrix)));
        }
        let revision = project.revision();
        if self.matrix(revision).is_some() || self.job.as_ref().is_some_and(|j| j.key == revision) {
            return;
        }
        let articles = project.articles().to_vec();
        self.job = Some(Job::spawn(revision, move || Matrix::of(&articles)));
    }
}

/// The article that shares most wording with `article_id` (larger containment), if any.
#[must_use]
pub fn nearest_relative(project: &Project, article_id: ArticleId) -> Option<ArticleId> {
    let shingles = |article: &Article| {
        let furniture: Vec<_> = article.active_furniture().map(|f| f.span).collect();
        Document::new(article.text(), &furniture).shingles()
    };
    let own = shingles(project.article(article_id)?);
    project
        .articles()
        .iter()
        .filter(|other| other.id != article_id)
        .map(|other| (other.id, containment(&own, &shingles(other)).max()))
        .max_by(|x, y| x.1.total_cmp(&y.1))
        .map(|(id, _)| id)
}
