//! Plain-word sentences shared by the Markdown and HTML reports.

use super::results::{ClassResult, Finding, FindingKind, PassageResult, StudentResult, TagScore};

/// A score as a percentage, or "–".
pub(crate) fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| format!("{:.0} %", v * 100.0))
}

/// A coefficient with three decimals, or "–".
pub(crate) fn decimal(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| format!("{v:.3}"))
}

/// What a student did with one tag, in words.
pub(crate) fn tag_sentence(score: &TagScore, unit: &str) -> String {
    let key_total = score.matches + score.misses;
    let own_total = score.matches + score.extras;
    if key_total == 0 && own_total == 0 {
        return format!("{}: neither the key nor you used this tag.", score.tag);
    }
    let found = if key_total == 0 {
        "The key has no such passage".to_owned()
    } else {
        format!(
            "You found {} of the key's {key_total} {unit}",
            score.matches
        )
    };
    let own = if own_total == 0 {
        "you used the tag nowhere".to_owned()
    } else {
        format!(
            "{} of your {own_total} {unit} agree with the key",
            score.matches
        )
    };
    format!("{}: {found}; {own} (F1 {}).", score.tag, percent(score.f1))
}

/// What unit the tag scores count.
pub(crate) fn unit_name(result: &ClassResult) -> &'static str {
    match result.mode {
        super::MatchMode::Token => "words",
        _ => "passages",
    }
}

/// Speakers and boundaries of a student, in words.
pub(crate) fn speaker_and_drift_sentences(student: &StudentResult) -> Vec<String> {
    let mut lines = Vec::new();
    let speakers = student.speakers;
    if speakers.right + speakers.wrong > 0 {
        lines.push(format!(
            "Speakers of attributions and denials: {} of {} right.",
            speakers.right,
            speakers.right + speakers.wrong
        ));
    }
    let drift = student.drift;
    if drift.num_pairs > 0 {
        let side = |mean: f64, where_: &str| match mean {
            m if m > 0.5 => format!("you added {m:.1} characters {where_} on average"),
            m if m < -0.5 => format!("you cut {:.1} characters {where_} on average", -m),
            _ => format!("your boundaries {where_} were right on average"),
        };
        lines.push(format!(
            "Boundaries: {}; {} (over {} passages).",
            side(drift.mean_start_chars, "at the start"),
            side(drift.mean_end_chars, "at the end"),
            drift.num_pairs
        ));
    }
    for (title, num) in &student.unknown_articles {
        lines.push(format!("Your {num} passages in \"{title}\" were not scored: the key does not have this article."));
    }
    for title in &student.missing_articles {
        lines.push(format!(
            "The key's article \"{title}\" was not in your file and was not scored."
        ));
    }
    lines
}

/// A finding's heading, e.g. "Missed: denial".
pub(crate) fn finding_heading(finding: &Finding) -> String {
    match finding.kind {
        FindingKind::Miss => format!("Missed: {}", finding.key_tag),
        FindingKind::Extra => format!("Not in the key: your {}", finding.student_tag),
        FindingKind::Mismatch => format!(
            "Other tag: {} (key) – {} (you)",
            finding.key_tag, finding.student_tag
        ),
        FindingKind::Speaker => format!("Other speaker: {}", finding.key_tag),
    }
}

/// What the student chose and what the key says, in words.
pub(crate) fn finding_details(finding: &Finding) -> Vec<String> {
    let mut lines = Vec::new();
    match finding.kind {
        FindingKind::Miss => lines.push(format!(
            "The key tags this as {}; you did not tag it.",
            finding.key_tag
        )),
        FindingKind::Extra => lines.push(format!(
            "You tagged this as {}; the key does not tag it.",
            finding.student_tag
        )),
        FindingKind::Mismatch => lines.push(format!(
            "The key tags this as {}; you chose {}.",
            finding.key_tag, finding.student_tag
        )),
        FindingKind::Speaker => lines.push(format!(
            "The key names the speaker \"{}\"; you wrote \"{}\".",
            finding.key_speaker, finding.student_speaker
        )),
    }
    if !finding.student_quote.is_empty() {
        lines.push(format!("Your passage: \"{}\"", finding.student_quote));
    }
    if !finding.key_note.trim().is_empty() {
        lines.push(format!("Key's note: {}", finding.key_note.trim()));
    }
    lines
}

/// Key passages ordered hardest first: fewest students with the key's tag, at most `limit`.
pub(crate) fn hardest_passages(result: &ClassResult, limit: usize) -> Vec<&PassageResult> {
    let share = |p: &PassageResult| {
        if p.num_students == 0 {
            1.0
        } else {
            p.num_right_tag as f64 / p.num_students as f64
        }
    };
    let mut passages: Vec<&PassageResult> = result
        .passages
        .iter()
        .filter(|p| p.num_students > 0)
        .collect();
    passages.sort_by(|a, b| share(a).total_cmp(&share(b)));
    passages.truncate(limit);
    passages
}

/// "claim 3, opinion 1".
pub(crate) fn tag_counts(counts: &[(String, usize)]) -> String {
    if counts.is_empty() {
        return "nobody tagged it".to_owned();
    }
    counts
        .iter()
        .map(|(tag, n)| format!("{tag} {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Label of the "no tag" row and column of the confusion matrix.
pub(crate) const NO_TAG: &str = "(none)";
