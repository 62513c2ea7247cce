//! The article list as the app and `lateral info` show it: sorted by title, outlet or date,
//! filtered by words and outlet; and the project's articles on a date axis.

use super::{Article, ArticleId, Project};
use crate::text::PubDate;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// The order of the article list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ArticleSort {
    /// As imported.
    #[default]
    Project,
    /// By title, ignoring case.
    Title,
    /// By outlet, then date.
    Outlet,
    /// By publication date; undated articles last.
    Date,
}

impl ArticleSort {
    /// Every order, for menus.
    pub const ALL: [ArticleSort; 4] = [
        ArticleSort::Project,
        ArticleSort::Date,
        ArticleSort::Outlet,
        ArticleSort::Title,
    ];

    /// "as imported", "date", "outlet", "title".
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            ArticleSort::Project => "as imported",
            ArticleSort::Title => "title",
            ArticleSort::Outlet => "outlet",
            ArticleSort::Date => "date",
        }
    }

    /// Reads a label or its first letters, as the command line takes it.
    #[must_use]
    pub fn from_name(name: &str) -> Option<ArticleSort> {
        let name = name.trim().to_lowercase();
        match name.as_str() {
            "project" | "imported" | "as imported" | "id" => Some(ArticleSort::Project),
            _ => ArticleSort::ALL
                .into_iter()
                .find(|sort| !name.is_empty() && sort.label().starts_with(&name)),
        }
    }
}

/// What the article list shows: its order and its filters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArticleQuery {
    /// The order.
    pub sort: ArticleSort,
    /// Reverse the order (undated articles stay last).
    pub descending: bool,
    /// Words that must occur in the title, outlet, authors or date (any case).
    pub text: String,
    /// Only articles of this outlet (exactly, as written).
    pub outlet: Option<String>,
}

impl ArticleQuery {
    /// Whether any filter is set.
    #[must_use]
    pub fn filters(&self) -> bool {
        !self.text.trim().is_empty() || self.outlet.is_some()
    }

    /// Whether `article` passes the filters.
    #[must_use]
    pub fn matches(&self, article: &Article) -> bool {
        if self
            .outlet
            .as_ref()
            .is_some_and(|outlet| *outlet != article.meta.outlet)
        {
            return false;
        }
        let meta = &article.meta;
        let haystack = [
            meta.title.as_str(),
            meta.outlet.as_str(),
            meta.date.as_deref().unwrap_or(""),
            &meta.authors.join(" "),
        ]
        .join("\n")
        .to_lowercase();
        self.text
            .split_whitespace()
            .all(|word| haystack.contains(&word.to_lowercase()))
    }
}

/// The ids of the articles `query` shows, in its order.
///
/// ```
/// use lateral::model::{ArticleQuery, ArticleSort, Project, list_articles};
/// let project = Project::new("Leer");
/// let query = ArticleQuery { sort: ArticleSort::Date, ..ArticleQuery::default() };
/// assert!(list_articles(&project, &query).is_empty());
/// ```
#[must_use]
pub fn list_articles(project: &Project, query: &ArticleQuery) -> Vec<ArticleId> {
    let mut rows: Vec<(&Article, Option<PubDate>, String)> = project
        .articles()
        .iter()
        .filter(|article| query.matches(article))
        .map(|article| {
            let key = match query.sort {
                ArticleSort::Title => article.meta.title.to_lowercase(),
                ArticleSort::Outlet => article.meta.outlet.to_lowercase(),
                ArticleSort::Project | ArticleSort::Date => String::new(),
            };
            (article, article.meta.pub_date(), key)
        })
        .collect();
    let by_date = |a: &Option<PubDate>, b: &Option<PubDate>, descending: bool| match (a, b) {
        (Some(a), Some(b)) if descending => b.cmp(a),
        (Some(a), Some(b)) => a.cmp(b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    let descending = query.descending;
    let flip = |ordering: Ordering| {
        if descending {
            ordering.reverse()
        } else {
            ordering
        }
    };
    match query.sort {
        ArticleSort::Project if descending => rows.reverse(),
        ArticleSort::Project => {}
        ArticleSort::Title => rows.sort_by(|a, b| flip(a.2.cmp(&b.2))),
        ArticleSort::Outlet => rows.sort_by(|a, b| {
            // Articles without an outlet last, whichever way.
            match (a.2.is_empty(), b.2.is_empty()) {
                (false, true) => Ordering::Less,
                (true, false) => Ordering::Greater,
                _ => flip(a.2.cmp(&b.2)).then_with(|| by_date(&a.1, &b.1, false)),
            }
        }),
        ArticleSort::Date => rows.sort_by(|a, b| by_date(&a.1, &b.1, descending)),
    }
    rows.into_iter().map(|(article, _, _)| article.id).collect()
}

/// The outlets of the project with their number of articles, by name; articles without an
/// outlet are not counted.
#[must_use]
pub fn outlets(project: &Project) -> Vec<(String, usize)> {
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for article in project.articles() {
        if !article.meta.outlet.is_empty() {
            *counts.entry(&article.meta.outlet).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .map(|(outlet, n)| (outlet.to_owned(), n))
        .collect()
}

/// One article on the timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimelineEntry {
    /// The article.
    pub article_id: ArticleId,
    /// The days its date covers.
    pub date: PubDate,
    /// Index of its outlet in [`Timeline::outlets`], for its colour.
    pub outlet: usize,
    /// Row on the strip, so that entries that overlap in time sit one above the other.
    pub lane: usize,
}

/// Articles on a date axis, coloured by outlet, so that one sees who published first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timeline {
    /// Dated articles, earliest first.
    pub entries: Vec<TimelineEntry>,
    /// Articles whose date is missing or could not be read, in project order.
    pub undated: Vec<ArticleId>,
    /// Outlet names as written ("" for none), in order of first publication.
    pub outlets: Vec<String>,
    /// The first day on the axis.
    pub first: Date,
    /// The last day on the axis.
    pub last: Date,
    /// How many lanes the entries use.
    pub lanes: usize,
}

impl Timeline {
    /// Where `date` lies on the axis, from 0.0 (first day) to 1.0 (last day).
    #[must_use]
    pub fn position(&self, date: Date) -> f64 {
        let total = days_between(self.first, self.last).max(1);
        days_between(self.first, date) as f64 / total as f64
    }

    /// The articles of `ids` with their dates on an axis; `None` when none of them is dated.
    ///
    /// Entries that overlap in time (within `min_gap` of the axis length, 0.0–1.0) go to
    /// separate lanes, so a month-long bar does not hide the day inside it.
    #[must_use]
    pub fn new(project: &Project, ids: &[ArticleId], min_gap: f64) -> Option<Timeline> {
        let mut dated = Vec::new();
        let mut undated = Vec::new();
        for &id in ids {
            let Some(article) = project.article(id) else {
                continue;
            };
            match article.meta.pub_date() {
                Some(date) => dated.push((id, date, article.meta.outlet.clone())),
                None => undated.push(id),
            }
        }
        dated.sort_by_key(|(_, date, _)| *date);
        let first = dated.iter().map(|(_, d, _)| d.first).min()?;
        let last = dated.iter().map(|(_, d, _)| d.last).max()?;
        let mut outlets: Vec<String> = Vec::new();
        let mut timeline = Timeline {
            entries: Vec::new(),
            undated,
            outlets: Vec::new(),
            first,
            last,
            lanes: 0,
        };
        // Each lane's end on the axis.
        let mut lane_ends: Vec<f64> = Vec::new();
        for (article_id, date, outlet) in dated {
            let outlet = outlets
                .iter()
                .position(|o| *o == outlet)
                .unwrap_or_else(|| {
                    outlets.push(outlet);
                    outlets.len() - 1
                });
            let start = timeline.position(date.first);
            let end = timeline.position(date.last);
            let lane = lane_ends
                .iter()
                .position(|&lane_end| start > lane_end + min_gap)
                .unwrap_or(lane_ends.len());
            if lane == lane_ends.len() {
                lane_ends.push(end);
            } else {
                lane_ends[lane] = end;
            }
            timeline.entries.push(TimelineEntry {
                article_id,
                date,
                outlet,
                lane,
            });
        }
        timeline.outlets = outlets;
        timeline.lanes = lane_ends.len();
        Some(timeline)
    }
}

fn days_between(a: Date, b: Date) -> i64 {
    a.until(b).map_or(0, |span| i64::from(span.get_days()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArticleMeta, ImportReport};

    fn project(rows: &[(&str, &str, Option<&str>)]) -> Project {
        let mut project = Project::new("Test");
        for (i, (title, outlet, date)) in rows.iter().enumerate() {
            let meta = ArticleMeta {
                title: (*title).to_owned(),
                outlet: (*outlet).to_owned(),
                date: date.map(str::to_owned),
                ..ArticleMeta::default()
            };
            let article = Article::new(
                project.fresh_article_id(),
                meta,
                format!("Text {i}."),
                ImportReport::default(),
            );
            project
                .apply(crate::model::Edit::AddArticle {
                    article: Box::new(article),
                    index: None,
                })
                .expect("article");
        }
        project
    }

    fn titles(project: &Project, query: &ArticleQuery) -> Vec<String> {
        list_articles(project, query)
            .into_iter()
            .map(|id| project.article(id).expect("listed").meta.title.clone())
            .collect()
    }

    fn sample() -> Project {
        project(&[
            ("Bild", "BILD", Some("27.10.2024")),
            ("Studie", "FNF", Some("Oktober 2024")),
            ("alt", "FNF", Some("September 2023")),
            ("ohne", "", None),
            ("GEA", "GEA", Some("Herbst 2024")),
            ("kaputt", "Blog", Some("irgendwann")),
        ])
    }

    #[test]
    fn sorts_by_date_with_undated_last_either_way() {
        let project = sample();
        let mut query = ArticleQuery {
            sort: ArticleSort::Date,
            ..ArticleQuery::default()
        };
        assert_eq!(
            titles(&project, &query),
            ["alt", "GEA", "Studie", "Bild", "ohne", "kaputt"]
        );
        query.descending = true;
        assert_eq!(
            titles(&project, &query),
            ["Bild", "Studie", "GEA", "alt", "ohne", "kaputt"]
        );
    }

    #[test]
    fn sorts_by_outlet_then_date_and_by_title() {
        let project = sample();
        let query = ArticleQuery {
            sort: ArticleSort::Outlet,
            ..ArticleQuery::default()
        };
        assert_eq!(
            titles(&project, &query),
            ["Bild", "kaputt", "alt", "Studie", "GEA", "ohne"]
        );
        let query = ArticleQuery {
            sort: ArticleSort::Title,
            ..ArticleQuery::default()
        };
        assert_eq!(
            titles(&project, &query),
            ["alt", "Bild", "GEA", "kaputt", "ohne", "Studie"]
        );
    }

    #[test]
    fn filters_by_words_and_outlet() {
        let project = sample();
        let query = ArticleQuery {
            text: "fnf 2024".into(),
            ..ArticleQuery::default()
        };
        assert_eq!(titles(&project, &query), ["Studie"]);
        let query = ArticleQuery {
            outlet: Some("FNF".into()),
            ..ArticleQuery::default()
        };
        assert_eq!(titles(&project, &query), ["Studie", "alt"]);
        assert_eq!(
            outlets(&project),
            [
                ("BILD".to_owned(), 1),
                ("Blog".to_owned(), 1),
                ("FNF".to_owned(), 2),
                ("GEA".to_owned(), 1)
            ]
        );
        assert_eq!(ArticleSort::from_name("d"), Some(ArticleSort::Date));
        assert_eq!(
            ArticleSort::from_name("imported"),
            Some(ArticleSort::Project)
        );
        assert_eq!(ArticleSort::from_name("x"), None);
    }

    #[test]
    fn timeline_puts_overlapping_dates_on_separate_lanes() {
        let project = sample();
        let ids: Vec<_> = project.articles().iter().map(|a| a.id).collect();
        let timeline = Timeline::new(&project, &ids, 0.0).expect("dated articles");
        assert_eq!(timeline.first.to_string(), "2023-09-01");
        assert_eq!(timeline.last.to_string(), "2024-11-30");
        assert_eq!(timeline.undated.len(), 2);
        assert_eq!(timeline.outlets, ["FNF", "GEA", "BILD"]);
        let lanes: Vec<_> = timeline.entries.iter().map(|e| e.lane).collect();
        // September 2023; autumn 2024; October 2024 inside autumn; 27 October inside both.
        assert_eq!(lanes, [0, 0, 1, 2]);
        assert_eq!(timeline.lanes, 3);
        assert!((timeline.position(timeline.last) - 1.0).abs() < 1e-9);
        assert!(Timeline::new(&project, &ids[3..4], 0.0).is_none());
    }
}
