//! What the class did with each key passage, and the passages outside the key that at least a
//! third of the class tagged.

use super::matching::{Placed, overlap_enough};
use super::prepare::{PreparedArticle, TagTable};
use super::results::{ClassExtra, PassageResult};
use super::scores::StudentOutcome;

/// Per key passage: how many students found it and with which tags.
pub(crate) fn passage_results(
    prepared: &[PreparedArticle<'_>],
    outcomes: &[StudentOutcome],
    tags: &TagTable,
) -> Vec<PassageResult> {
    let mut results = Vec::new();
    for (article_index, article) in prepared.iter().enumerate() {
        for (passage_index, passage) in article.key_placed.iter().enumerate() {
            let mut tag_counts = vec![0usize; tags.len()];
            let mut num_students = 0;
            let mut num_found = 0;
            for outcome in outcomes {
                let Some(Some(answers)) = outcome.answers.get(article_index) else {
                    continue;
                };
                num_students += 1;
                if let Some(Some(tag)) = answers.get(passage_index) {
                    num_found += 1;
                    if let Some(count) = tag_counts.get_mut(*tag) {
                        *count += 1;
                    }
                }
            }
            let note = article
                .article
                .units
                .get(passage.unit)
                .map(|u| u.note.clone());
            results.push(PassageResult {
                article: article.article.title.clone(),
                quote: article.quote(passage.span).to_owned(),
                key_tag: tags.name(passage.tag).to_owned(),
                key_note: note.unwrap_or_default(),
                num_students,
                num_found,
                num_right_tag: tag_counts.get(passage.tag).copied().unwrap_or(0),
                student_tags: ranked(&tag_counts, tags),
            });
        }
    }
    results
}

/// Tag counts as (name, count), most frequent first, zero counts left out.
fn ranked(counts: &[usize], tags: &TagTable) -> Vec<(String, usize)> {
    let mut list: Vec<(String, usize)> = counts
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .map(|(i, n)| (tags.name(i).to_owned(), *n))
        .collect();
    list.sort_by_key(|entry| std::cmp::Reverse(entry.1));
    list
}

struct Cluster {
    article: usize,
    first: Placed,
    students: Vec<usize>,
    tag_counts: Vec<usize>,
}

/// Groups the students' extras that overlap one another (by the overlap rule) and keeps the
/// groups tagged by at least a third of the students who had the article.
pub(crate) fn class_extras(
    prepared: &[PreparedArticle<'_>],
    outcomes: &[StudentOutcome],
    tags: &TagTable,
) -> Vec<ClassExtra> {
    let mut clusters: Vec<Cluster> = Vec::new();
    for (student_index, outcome) in outcomes.iter().enumerate() {
        for (article, extra) in &outcome.extras {
            let found = clusters
                .iter_mut()
                .find(|c| c.article == *article && overlap_enough(&c.first, extra).is_some());
            let cluster = if let Some(cluster) = found {
                cluster
            } else {
                clusters.push(Cluster {
                    article: *article,
                    first: *extra,
                    students: Vec::new(),
                    tag_counts: vec![0; tags.len()],
                });
                let Some(last) = clusters.last_mut() else {
                    continue;
                };
                last
            };
            if !cluster.students.contains(&student_index) {
                cluster.students.push(student_index);
            }
            if let Some(count) = cluster.tag_counts.get_mut(extra.tag) {
                *count += 1;
            }
        }
    }
    let mut extras: Vec<ClassExtra> = clusters
        .into_iter()
        .filter_map(|cluster| {
            let article = prepared.get(cluster.article)?;
            let num_with_article = outcomes
                .iter()
                .filter(|o| matches!(o.answers.get(cluster.article), Some(Some(_))))
                .count();
            (num_with_article > 0 && 3 * cluster.students.len() >= num_with_article).then(|| {
                ClassExtra {
                    article: article.article.title.clone(),
                    quote: article.quote(cluster.first.span).to_owned(),
                    num_students: cluster.students.len(),
                    student_tags: ranked(&cluster.tag_counts, tags),
                }
            })
        })
        .collect();
    extras.sort_by_key(|extra| std::cmp::Reverse(extra.num_students));
    extras
}
