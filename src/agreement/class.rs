//! Scoring a whole class: every student against the key, then the class-wide summaries and
//! coefficients.

use super::matching::MatchMode;
use super::passages::{class_extras, passage_results};
use super::prepare::{LabelIds, PreparedArticle, TagTable};
use super::results::{ClassResult, Coefficients, TagSummary};
use super::scores::{StudentOutcome, score_student};
use super::{Coding, InputProblem, UnitizedSpan, alpha_from, fleiss_kappa, unitizing_disagreement};
use crate::text::merge_ranges;

/// Scores every student against the key.
///
/// Articles are matched by their text; a student's passages on articles the key lacks are
/// listed in [`super::StudentResult::unknown_articles`], and `problems` (students that could
/// not be read) are carried into the result.
///
/// ```
/// use lateral::agreement::{CodedArticle, Coding, MatchMode, Unit, score_class};
/// use lateral::text::Span;
/// let text = "Laut Studie stieg der Handel. Das ist gut.";
/// let unit = |start, end, tag: &str| Unit {
///     span: Span::new(start, end),
///     tag: tag.into(),
///     speaker: String::new(),
///     note: String::new(),
/// };
/// let coding = |name: &str, units| Coding {
///     name: name.into(),
///     tags: lateral::model::default_tags(),
///     articles: vec![CodedArticle { title: "A".into(), text: text.into(), units }],
/// };
/// let key = coding("Key", vec![unit(0, 28, "attribution"), unit(30, 41, "opinion")]);
/// let student = coding("Ann", vec![unit(0, 29, "attribution"), unit(30, 41, "claim")]);
/// let result = score_class(&key, &[student], MatchMode::Overlap, Vec::new());
/// let ann = &result.students[0];
/// assert_eq!((ann.overall.matches, ann.overall.misses, ann.overall.extras), (1, 1, 1));
/// assert_eq!(ann.confusions[0].key_tag, "opinion");
/// ```
#[must_use]
pub fn score_class(
    key: &Coding,
    students: &[Coding],
    mode: MatchMode,
    problems: Vec<InputProblem>,
) -> ClassResult {
    let tags = TagTable::new(key, students);
    let prepared: Vec<PreparedArticle<'_>> = key
        .articles
        .iter()
        .map(|a| PreparedArticle::new(a, &tags))
        .collect();
    let outcomes: Vec<StudentOutcome> =
        in_parallel(students, |s| score_student(s, &prepared, &tags, mode));
    let mut confusion = vec![vec![0usize; tags.len() + 1]; tags.len() + 1];
    for outcome in &outcomes {
        for (total_row, row) in confusion.iter_mut().zip(&outcome.matrix) {
            for (total, count) in total_row.iter_mut().zip(row) {
                *total += count;
            }
        }
    }
    let tag_summaries = tags
        .names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let f1s: Vec<f64> = outcomes
                .iter()
                .filter_map(|o| o.result.by_tag.get(i)?.f1)
                .collect();
            let (mean_f1, sd_f1) = mean_and_sd(&f1s);
            TagSummary {
                tag: name.clone(),
                mean_f1,
                sd_f1,
            }
        })
        .collect();
    ClassResult {
        mode,
        pairing_mode: if mode == MatchMode::Token {
            MatchMode::Overlap
        } else {
            mode
        },
        key_name: key.name.clone(),
        tags: tags.names.clone(),
        articles: key.articles.iter().map(|a| a.title.clone()).collect(),
        passages: passage_results(&prepared, &outcomes, &tags),
        class_extras: class_extras(&prepared, &outcomes, &tags),
        coefficients: class_coefficients(&prepared, &outcomes, &tags),
        confusion,
        tag_summaries,
        problems,
        students: outcomes.into_iter().map(|o| o.result).collect(),
    }
}

/// Maps `items` with `work` on as many threads as the machine has cores, keeping the order.
fn in_parallel<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let num_threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let chunk_len = items.len().div_ceil(num_threads).max(1);
    if num_threads == 1 || items.len() < 2 {
        return items.iter().map(&work).collect();
    }
    std::thread::scope(|scope| {
        let work = &work;
        let handles: Vec<_> = items
            .chunks(chunk_len)
            .map(|chunk| scope.spawn(move || chunk.iter().map(work).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// Fleiss' kappa on word labels over the `common` articles, key and students as coders; also
/// the number of words. Labels get small ids in a first pass, so that the counts are one flat
/// table.
fn word_label_kappa(
    prepared: &[PreparedArticle<'_>],
    common: &[usize],
    outcomes: &[&StudentOutcome],
) -> (usize, Option<f64>) {
    let coders_of = |i: usize| {
        let key = prepared.get(i).map(|a| a.key_words.as_slice());
        key.into_iter().chain(
            outcomes
                .iter()
                .filter_map(move |o| Some(o.coded.get(i)?.as_ref()?.1.as_slice())),
        )
    };
    let mut label_ids = LabelIds::default();
    let mut num_words = 0;
    for &i in common {
        num_words += prepared.get(i).map_or(0, |a| a.words.len());
        for words in coders_of(i) {
            let mut last = None;
            for &label in words {
                if last != Some(label) {
                    label_ids.id(label);
                    last = Some(label);
                }
            }
        }
    }
    let stride = label_ids.len().max(1);
    let mut counts = vec![0usize; num_words * stride];
    let mut first_word = 0;
    for &i in common {
        for words in coders_of(i) {
            let mut last: Option<(u64, usize)> = None;
            for (word, &label) in words.iter().enumerate() {
                let id = match last {
                    Some((seen, id)) if seen == label => id,
                    _ => label_ids.id(label),
                };
                last = Some((label, id));
                if let Some(count) = counts.get_mut((first_word + word) * stride + id) {
                    *count += 1;
                }
            }
        }
        first_word += prepared.get(i).map_or(0, |a| a.words.len());
    }
    let rows: Vec<&[usize]> = counts.chunks_exact(stride).collect();
    let kappa = if outcomes.is_empty() {
        None
    } else {
        fleiss_kappa(&rows)
    };
    (num_words, kappa)
}

/// Mean and population standard deviation; `None` for no values.
fn mean_and_sd(values: &[f64]) -> (Option<f64>, Option<f64>) {
    if values.is_empty() {
        return (None, None);
    }
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let variance = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n;
    (Some(mean), Some(variance.sqrt()))
}

/// Unitizing alpha on characters and Fleiss' kappa on word labels, over the articles that every
/// student has (students with none of the key's articles left out), the key as one more annotator.
fn class_coefficients(
    prepared: &[PreparedArticle<'_>],
    outcomes: &[StudentOutcome],
    tags: &TagTable,
) -> Coefficients {
    // Students without any of the key's articles take no part.
    let outcomes: Vec<&StudentOutcome> = outcomes
        .iter()
        .filter(|o| o.coded.iter().any(Option::is_some))
        .collect();
    let common: Vec<usize> = (0..prepared.len())
        .filter(|&i| {
            outcomes
                .iter()
                .all(|o| matches!(o.coded.get(i), Some(Some(_))))
        })
        .collect();
    let num_coders = outcomes.len() + 1;
    let mut units_by_tag: Vec<Vec<UnitizedSpan>> = vec![Vec::new(); tags.len()];
    let mut base = 0u64;
    for &i in &common {
        let Some(article) = prepared.get(i) else {
            continue;
        };
        let coded = outcomes
            .iter()
            .filter_map(|o| Some(o.coded.get(i)?.as_ref()?.0.as_slice()));
        let coders = std::iter::once(article.key_placed.as_slice()).chain(coded);
        for (coder, placed) in coders.enumerate() {
            let mut ranges_by_tag: Vec<Vec<std::ops::Range<usize>>> = vec![Vec::new(); tags.len()];
            for p in placed {
                if let Some(ranges) = ranges_by_tag.get_mut(p.tag) {
                    ranges.push(
                        article.index.char_at(p.span.start) as usize
                            ..article.index.char_at(p.span.end) as usize,
                    );
                }
            }
            for (units, ranges) in units_by_tag.iter_mut().zip(ranges_by_tag) {
                units.extend(merge_ranges(ranges).into_iter().map(|r| UnitizedSpan {
                    coder,
                    start: base + r.start as u64,
                    length: (r.end - r.start) as u64,
                }));
            }
        }
        base += u64::from(article.index.num_chars());
    }
    let (num_words, fleiss) = word_label_kappa(prepared, &common, &outcomes);
    let disagreements = in_parallel(&units_by_tag, |units| {
        unitizing_disagreement(units, num_coders, 0, base)
    });
    let by_tag: Vec<(String, Option<(f64, f64)>)> = disagreements
        .into_iter()
        .enumerate()
        .map(|(tag, d)| (tags.name(tag).to_owned(), d))
        .collect();
    let present: Vec<(f64, f64)> = by_tag.iter().filter_map(|(_, d)| *d).collect();
    let overall = (!present.is_empty()).then(|| {
        let n = present.len() as f64;
        let observed = present.iter().map(|d| d.0).sum::<f64>() / n;
        let expected = present.iter().map(|d| d.1).sum::<f64>() / n;
        alpha_from(observed, expected)
    });
    Coefficients {
        num_common_articles: common.len(),
        num_words,
        fleiss_kappa: fleiss,
        krippendorff_alpha_u: overall.flatten(),
        alpha_u_by_tag: by_tag
            .into_iter()
            .map(|(name, d)| (name, d.and_then(|(o, e)| alpha_from(o, e))))
            .collect(),
    }
}
