//! Scoring one student against the key: matches, misses and extras per tag, confusions,
//! speakers, boundary drift and the findings of the feedback sheet.

use super::matching::{MatchMode, Pairing, Placed, pair, word_tags};
use super::prepare::{PreparedArticle, TagTable, normalise_speaker, place};
use super::results::{BoundaryDrift, Finding, FindingKind, SpeakerScore, StudentResult, TagScore};
use super::tallies::{DriftSum, WordLabels, confusions, count_pairs, count_words, tag_score};
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
        let answers = judge_pairs(
            article,
            tags,
            units,
            &placed,
            &pairing,
            &mut outcome,
            &mut drift,
        );
        record_unpaired(
            article,
            article_index,
            tags,
            units,
            &placed,
            &pairing,
            &mut outcome,
        );
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

/// Pairs with the same tag are right (their speaker is checked); others are mismatches.
/// Returns, per key passage, the tag the student gave it.
fn judge_pairs(
    article: &PreparedArticle<'_>,
    tags: &TagTable,
    units: &[&Unit],
    placed: &[Placed],
    pairing: &Pairing,
    outcome: &mut StudentOutcome,
    drift: &mut DriftSum,
) -> Vec<Option<usize>> {
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
                let key_speaker = normalise_speaker(key_unit.map_or("", |u| u.speaker.as_str()));
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
    answers
}

/// Key passages without a partner are misses; student passages without one are extras.
fn record_unpaired(
    article: &PreparedArticle<'_>,
    article_index: usize,
    tags: &TagTable,
    units: &[&Unit],
    placed: &[Placed],
    pairing: &Pairing,
    outcome: &mut StudentOutcome,
) {
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

#[cfg(test)]
#[path = "scores_tests.rs"]
mod tests;
