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
    let mut by_article: Vec<Vec<(usize, Placed)>> = vec![Vec::new(); prepared.len()];
    for (student_index, outcome) in outcomes.iter().enumerate() {
        for (article, extra) in &outcome.extras {
            if let Some(list) = by_article.get_mut(*article) {
                list.push((student_index, *extra));
            }
        }
    }
    let mut clusters: Vec<Cluster> = Vec::new();
    for (article, mut list) in by_article.into_iter().enumerate() {
        list.sort_by_key(|(student, p)| (p.start, p.end, *student));
        // Sweep by start; only clusters whose first passage reaches past this start can overlap.
        let mut active: Vec<usize> = Vec::new();
        for (student_index, extra) in list {
            active.retain(|&c| clusters.get(c).is_some_and(|c| c.first.end > extra.start));
            let found = active.iter().copied().find(|&c| {
                clusters
                    .get(c)
                    .is_some_and(|c| overlap_enough(&c.first, &extra).is_some())
            });
            let index = found.unwrap_or_else(|| {
                clusters.push(Cluster {
                    article,
                    first: extra,
                    students: Vec::new(),
                    tag_counts: vec![0; tags.len()],
                });
                active.push(clusters.len() - 1);
                clusters.len() - 1
            });
            let Some(cluster) = clusters.get_mut(index) else {
                continue;
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
