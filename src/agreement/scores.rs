//! Scoring one student against the key: matches, misses and extras per tag, confusions,
//! speakers, boundary drift and the findings of the feedback sheet.

use super::matching::{MatchMode, Placed, pair, word_tags};
use super::prepare::{LabelIds, PreparedArticle, TagTable, normalise_speaker, place};
use super::results::{
    BoundaryDrift, Confusion, Finding, FindingKind, SpeakerScore, StudentResult, TagScore,
};
use super::{Coding, Unit, cohen_kappa_from_counts};
use std::collections::HashMap;

/// What scoring one student yields beyond its [`StudentResult`], for the class-wide parts.
pub(crate) struct StudentOutcome {
    pub result: StudentResult,
    /// `(tags + 1)²` confusion counts; the last index is "no tag".
    pub matrix: Vec<Vec<usize>>,
    /// Per key article: `None` if the student lacks it, else per key passage the tag the
    /// student gave it (if paired).
    pub answers: Vec<Option<Vec<Option<usize>>>>,
    /// Unpaired student passages: article index and passage.
    pub extras: Vec<(usize, Placed)>,
    /// Per key article: the student's placed passages and word tags (`None` if lacking).
    pub coded: Vec<Option<(Vec<Placed>, Vec<u64>)>>,
}

/// Scores `student` against the prepared key articles.
pub(crate) fn score_student(
    student: &Coding,
    prepared: &[PreparedArticle<'_>],
    tags: &TagTable,
    mode: MatchMode,
) -> StudentOutcome {
    let num_tags = tags.len();
    let mut units_by_article: Vec<Option<Vec<&Unit>>> = vec![None; prepared.len()];
    // Articles are matched by their text: same length first, then the same bytes.
    let mut key_by_len: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, p) in prepared.iter().enumerate() {
        key_by_len.entry(p.article.text.len()).or_default().push(i);
    }
    let key_lookup = |text: &str| {
        key_by_len
            .get(&text.len())?
            .iter()
            .copied()
            .find(|&i| prepared.get(i).is_some_and(|p| p.article.text == text))
    };
    let mut unknown_articles = Vec::new();
    for article in &student.articles {
        match key_lookup(&article.text).and_then(|i| units_by_article.get_mut(i)) {
            Some(slot) => slot.get_or_insert_with(Vec::new).extend(&article.units),
            None => unknown_articles.push((article.title.clone(), article.units.len())),
        }
    }
    let mut outcome = StudentOutcome {
        result: StudentResult {
            name: student.name.clone(),
            by_tag: Vec::new(),
            overall: TagScore::default(),
            confusions: Vec::new(),
            speakers: SpeakerScore::default(),
            drift: BoundaryDrift::default(),
            kappa_vs_key: None,
            findings: Vec::new(),
            unknown_articles,
            missing_articles: Vec::new(),
        },
        matrix: vec![vec![0; num_tags + 1]; num_tags + 1],
        answers: Vec::new(),
        extras: Vec::new(),
        coded: Vec::new(),
    };
    let mut counts = vec![[0usize; 3]; num_tags];
    let mut drift = DriftSum::default();
    let mut word_labels = WordLabels::default();
    for (article_index, (article, units)) in prepared.iter().zip(&units_by_article).enumerate() {
        let Some(units) = units else {
            outcome
                .result
                .missing_articles
                .push(article.article.title.clone());
            outcome.answers.push(None);
            outcome.coded.push(None);
            continue;
        };
        let placed = place(&article.index, units.iter().copied(), tags);
        let student_words = word_tags(&article.words, &placed);
        let pairing_mode = if mode == MatchMode::Token {
            MatchMode::Overlap
        } else {
            mode
        };
        let pairing = pair(&article.key_placed, &placed, pairing_mode);
        let mut answers = vec![None; article.key_placed.len()];
        for &(k, s) in &pairing.pairs {
            let (Some(key), Some(answer)) = (article.key_placed.get(k), placed.get(s)) else {
                continue;
            };
            if let Some(slot) = answers.get_mut(k) {
                *slot = Some(answer.tag);
            }
            drift.add(article, key, answer);
            let key_unit = article.article.units.get(key.unit);
            let student_unit = units.get(answer.unit).copied();
            let finding = |kind| {
                make_finding(
                    kind,
                    article,
                    tags,
                    Some((key, key_unit)),
                    Some((answer, student_unit)),
                )
            };
            if key.tag == answer.tag {
                if tags.has_speaker.get(key.tag).copied().unwrap_or(false) {
                    let key_speaker =
                        normalise_speaker(key_unit.map_or("", |u| u.speaker.as_str()));
                    if !key_speaker.is_empty() {
                        let right = key_speaker
                            == normalise_speaker(student_unit.map_or("", |u| u.speaker.as_str()));
                        if right {
                            outcome.result.speakers.right += 1;
                        } else {
                            outcome.result.speakers.wrong += 1;
                            outcome.result.findings.push(finding(FindingKind::Speaker));
                        }
                    }
                }
            } else {
                outcome.result.findings.push(finding(FindingKind::Mismatch));
            }
        }
        for &k in &pairing.unpaired_key {
            if let Some(key) = article.key_placed.get(k) {
                let key_unit = article.article.units.get(key.unit);
                outcome.result.findings.push(make_finding(
                    FindingKind::Miss,
                    article,
                    tags,
                    Some((key, key_unit)),
                    None,
                ));
            }
        }
        for &s in &pairing.unpaired_student {
            if let Some(extra) = placed.get(s) {
                let unit = units.get(extra.unit).copied();
                outcome.result.findings.push(make_finding(
                    FindingKind::Extra,
                    article,
                    tags,
                    None,
                    Some((extra, unit)),
                ));
                outcome.extras.push((article_index, *extra));
            }
        }
        if mode == MatchMode::Token {
            count_words(
                &article.key_words,
                &student_words,
                &mut counts,
                &mut outcome.matrix,
            );
        } else {
            count_pairs(
                &article.key_placed,
                &placed,
                &pairing,
                &mut counts,
                &mut outcome.matrix,
            );
        }
        word_labels.add(&article.key_words, &student_words);
        outcome.answers.push(Some(answers));
        outcome.coded.push(Some((placed, student_words)));
    }
    outcome.result.by_tag = counts
        .iter()
        .enumerate()
        .map(|(i, c)| tag_score(tags.name(i), c[0], c[1], c[2]))
        .collect();
    let total = counts
        .iter()
        .fold([0; 3], |t, c| [t[0] + c[0], t[1] + c[1], t[2] + c[2]]);
    outcome.result.overall = tag_score("all", total[0], total[1], total[2]);
    outcome.result.confusions = confusions(&outcome.matrix, tags);
    outcome.result.drift = drift.finish();
    outcome.result.kappa_vs_key = cohen_kappa_from_counts(&word_labels.counts);
    outcome
}

fn make_finding(
    kind: FindingKind,
    article: &PreparedArticle<'_>,
    tags: &TagTable,
    key: Option<(&Placed, Option<&Unit>)>,
    student: Option<(&Placed, Option<&Unit>)>,
) -> Finding {
    let key_quote = key.map_or("", |(p, _)| article.quote(p.span));
    let student_quote = student.map_or("", |(p, _)| article.quote(p.span));
    let quote = if key.is_some() {
        key_quote
    } else {
        student_quote
    };
    Finding {
        kind,
        article: article.article.title.clone(),
        quote: quote.to_owned(),
        key_tag: key.map_or("", |(p, _)| tags.name(p.tag)).to_owned(),
        key_note: key
            .and_then(|(_, u)| u)
            .map(|u| u.note.clone())
            .unwrap_or_default(),
        key_speaker: key
            .and_then(|(_, u)| u)
            .map(|u| u.speaker.clone())
            .unwrap_or_default(),
        student_tag: student.map_or("", |(p, _)| tags.name(p.tag)).to_owned(),
        student_speaker: student
            .and_then(|(_, u)| u)
            .map(|u| u.speaker.clone())
            .unwrap_or_default(),
        student_quote: if student_quote == quote {
            String::new()
        } else {
            student_quote.to_owned()
        },
    }
}

fn count_pairs(
    key: &[Placed],
    student: &[Placed],
    pairing: &super::matching::Pairing,
    counts: &mut [[usize; 3]],
    matrix: &mut [Vec<usize>],
) {
    let none = counts.len();
    for &(k, s) in &pairing.pairs {
        let (Some(k), Some(s)) = (key.get(k), student.get(s)) else {
            continue;
        };
        bump(matrix, k.tag, s.tag);
        if k.tag == s.tag {
            add(counts, k.tag, 0);
        } else {
            add(counts, k.tag, 1);
            add(counts, s.tag, 2);
        }
    }
    for k in pairing.unpaired_key.iter().filter_map(|&k| key.get(k)) {
        bump(matrix, k.tag, none);
        add(counts, k.tag, 1);
    }
    for s in pairing
        .unpaired_student
        .iter()
        .filter_map(|&s| student.get(s))
    {
        bump(matrix, none, s.tag);
        add(counts, s.tag, 2);
    }
}

fn count_words(key: &[u64], student: &[u64], counts: &mut [[usize; 3]], matrix: &mut [Vec<usize>]) {
    let none = counts.len();
    let bits = |mask: u64| (0..none.min(64)).filter(move |i| mask & (1 << i) != 0);
    for (&k, &s) in key.iter().zip(student) {
        for tag in bits(k & s) {
            add(counts, tag, 0);
            bump(matrix, tag, tag);
        }
        for tag in bits(k & !s) {
            add(counts, tag, 1);
        }
        for tag in bits(s & !k) {
            add(counts, tag, 2);
        }
        let (only_key, only_student) = (k & !s, s & !k);
        match (only_key == 0, only_student == 0) {
            (true, true) => {}
            (false, true) => bits(only_key).for_each(|t| bump(matrix, t, none)),
            (true, false) => bits(only_student).for_each(|t| bump(matrix, none, t)),
            (false, false) => {
                for kt in bits(only_key) {
                    bits(only_student).for_each(|st| bump(matrix, kt, st));
                }
            }
        }
    }
}

fn bump(matrix: &mut [Vec<usize>], k: usize, s: usize) {
    if let Some(cell) = matrix.get_mut(k).and_then(|row| row.get_mut(s)) {
        *cell += 1;
    }
}

fn add(counts: &mut [[usize; 3]], tag: usize, which: usize) {
    if let Some(cell) = counts.get_mut(tag).and_then(|c| c.get_mut(which)) {
        *cell += 1;
    }
}

/// Precision, recall and F1 from counts.
///
/// ```
/// # use lateral::agreement::tag_score;
/// let score = tag_score("claim", 3, 1, 1);
/// assert_eq!(score.precision, Some(0.75));
/// assert_eq!(score.recall, Some(0.75));
/// assert_eq!(score.f1, Some(0.75));
/// ```
#[must_use]
pub fn tag_score(tag: &str, matches: usize, misses: usize, extras: usize) -> TagScore {
    let ratio = |a: usize, b: usize| (a + b > 0).then(|| a as f64 / (a + b) as f64);
    let precision = ratio(matches, extras);
    let recall = ratio(matches, misses);
    let f1 = match (precision, recall) {
        (Some(p), Some(r)) if p + r > 0.0 => Some(2.0 * p * r / (p + r)),
        (Some(_), Some(_)) => Some(0.0),
        _ => None,
    };
    TagScore {
        tag: tag.to_owned(),
        matches,
        misses,
        extras,
        precision,
        recall,
        f1,
    }
}

fn confusions(matrix: &[Vec<usize>], tags: &TagTable) -> Vec<Confusion> {
    let mut list = Vec::new();
    for (k, row) in matrix.iter().enumerate().take(tags.len()) {
        for (s, &count) in row.iter().enumerate().take(tags.len()) {
            if k != s && count > 0 {
                list.push(Confusion {
                    key_tag: tags.name(k).to_owned(),
                    student_tag: tags.name(s).to_owned(),
                    count,
                });
            }
        }
    }
    list.sort_by_key(|confusion| std::cmp::Reverse(confusion.count));
    list
}

/// Key and student word labels as a contingency table, for Cohen's kappa.
#[derive(Default)]
struct WordLabels {
    ids: LabelIds,
    counts: Vec<Vec<usize>>,
}

impl WordLabels {
    fn add(&mut self, key: &[u64], student: &[u64]) {
        for (&k, &s) in key.iter().zip(student) {
            let (k, s) = (self.ids.id(k), self.ids.id(s));
            let size = self.ids.len();
            if self.counts.len() < size {
                self.counts.resize_with(size, Vec::new);
                for row in &mut self.counts {
                    row.resize(size, 0);
                }
            }
            if let Some(cell) = self.counts.get_mut(k).and_then(|row| row.get_mut(s)) {
                *cell += 1;
            }
        }
    }
}

#[derive(Default)]
struct DriftSum {
    num: usize,
    start: i64,
    end: i64,
    abs_start: u64,
    abs_end: u64,
}

impl DriftSum {
    fn add(&mut self, article: &PreparedArticle<'_>, key: &Placed, answer: &Placed) {
        let at = |byte| i64::from(article.index.char_at(byte));
        let start = at(key.span.start) - at(answer.span.start);
        let end = at(answer.span.end) - at(key.span.end);
        self.num += 1;
        self.start += start;
        self.end += end;
        self.abs_start += start.unsigned_abs();
        self.abs_end += end.unsigned_abs();
    }

    fn finish(&self) -> BoundaryDrift {
        let mean = |sum: f64| {
            if self.num == 0 {
                0.0
            } else {
                sum / self.num as f64
            }
        };
        BoundaryDrift {
            num_pairs: self.num,
            mean_start_chars: mean(self.start as f64),
            mean_end_chars: mean(self.end as f64),
            mean_abs_start_chars: mean(self.abs_start as f64),
            mean_abs_end_chars: mean(self.abs_end as f64),
        }
    }
}

#[cfg(test)]
#[path = "scores_tests.rs"]
mod tests;
