//! Markdown reports: the anonymised class report and one feedback sheet per student.

use super::report_words::{
    NO_TAG, decimal, finding_details, finding_heading, hardest_passages, percent,
    speaker_and_drift_sentences, tag_counts, tag_sentence, unit_name,
};
use super::results::{ClassResult, StudentResult};
use std::fmt::Write;

/// Makes text safe inside a Markdown table cell or a single line.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

/// The anonymised class report: score table, confusion matrix, hardest passages with the key's
/// notes, and what the class tagged that the key did not. Students appear as "Student 1", ….
///
/// ```
/// # use lateral::agreement::{Coding, MatchMode, class_report_md, score_class};
/// let key = Coding { name: "Key".into(), ..Coding::default() };
/// let ann = Coding { name: "Ann".into(), ..Coding::default() };
/// let report = class_report_md(&score_class(&key, &[ann], MatchMode::Overlap, Vec::new()));
/// assert!(report.contains("Student 1"));
/// assert!(!report.contains("Ann"));
/// ```
#[must_use]
pub fn class_report_md(result: &ClassResult) -> String {
    let mut md = String::new();
    let _ = writeln!(md, "# Class report\n");
    let _ = writeln!(
        md,
        "Key: {} · {} students · match mode **{}**: {}.\n",
        cell(&result.key_name),
        result.students.len(),
        result.mode,
        result.mode.description()
    );
    if !result.problems.is_empty() {
        let _ = writeln!(
            md,
            "{} student files could not be read and are not included.\n",
            result.problems.len()
        );
    }
    let _ = writeln!(md, "## Scores\n");
    let _ = writeln!(
        md,
        "| Student | Matches | Misses | Extras | Precision | Recall | F1 | Speakers right | Kappa |"
    );
    let _ = writeln!(md, "|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (i, student) in result.students.iter().enumerate() {
        let all = &student.overall;
        let speakers = student.speakers;
        let _ = writeln!(
            md,
            "| Student {} | {} | {} | {} | {} | {} | {} | {}/{} | {} |",
            i + 1,
            all.matches,
            all.misses,
            all.extras,
            percent(all.precision),
            percent(all.recall),
            percent(all.f1),
            speakers.right,
            speakers.right + speakers.wrong,
            decimal(student.kappa_vs_key)
        );
    }
    let _ = writeln!(md, "\n| Tag | Mean F1 | Spread (SD) |\n|---|---:|---:|");
    for summary in &result.tag_summaries {
        let _ = writeln!(
            md,
            "| {} | {} | {} |",
            cell(&summary.tag),
            percent(summary.mean_f1),
            percent(summary.sd_f1)
        );
    }
    write_confusion(&mut md, result);
    let _ = writeln!(md, "\n## Hardest passages\n");
    for passage in hardest_passages(result, 10) {
        let _ = writeln!(
            md,
            "- *{}* — key: **{}**; {} of {} students tagged it so ({}).\n  > {}",
            cell(&passage.article),
            passage.key_tag,
            passage.num_right_tag,
            passage.num_students,
            tag_counts(&passage.student_tags),
            cell(&passage.quote)
        );
        if !passage.key_note.trim().is_empty() {
            let _ = writeln!(md, "\n  Key's note: {}", cell(passage.key_note.trim()));
        }
    }
    let _ = writeln!(md, "\n## What the class tagged that the key did not\n");
    if result.class_extras.is_empty() {
        let _ = writeln!(md, "Nothing that a third of the class tagged.");
    }
    for extra in &result.class_extras {
        let _ = writeln!(
            md,
            "- *{}* — {} students ({}).\n  > {}",
            cell(&extra.article),
            extra.num_students,
            tag_counts(&extra.student_tags),
            cell(&extra.quote)
        );
    }
    let c = &result.coefficients;
    let _ = writeln!(md, "\n## Coefficients\n");
    let _ = writeln!(
        md,
        "Over the {} articles every student has ({} words), key and students as annotators:\n",
        c.num_common_articles, c.num_words
    );
    let _ = writeln!(
        md,
        "- Fleiss' kappa on word labels: {}",
        decimal(c.fleiss_kappa)
    );
    let _ = writeln!(
        md,
        "- Krippendorff's unitizing alpha (DKPro Agreement): {}",
        decimal(c.krippendorff_alpha_u)
    );
    for (tag, alpha) in &c.alpha_u_by_tag {
        let _ = writeln!(md, "  - {}: {}", cell(tag), decimal(*alpha));
    }
    md
}

fn write_confusion(md: &mut String, result: &ClassResult) {
    let _ = writeln!(
        md,
        "\n## Confusion matrix\n\nRows: the key's tag; columns: the students' tag.\n"
    );
    let names: Vec<&str> = result
        .tags
        .iter()
        .map(String::as_str)
        .chain([NO_TAG])
        .collect();
    let _ = writeln!(md, "| key \\ class | {} |", names.join(" | "));
    let _ = writeln!(md, "|---|{}", "---:|".repeat(names.len()));
    for (name, row) in names.iter().zip(&result.confusion) {
        let cells: Vec<String> = row.iter().map(ToString::to_string).collect();
        let _ = writeln!(md, "| {name} | {} |", cells.join(" | "));
    }
}

/// A student's feedback sheet: scores by tag in plain words, then each miss, extra and
/// mismatch with the passage, the key's tag and note, and the student's choice.
#[must_use]
pub fn feedback_md(result: &ClassResult, student: &StudentResult) -> String {
    let mut md = String::new();
    let _ = writeln!(md, "# Feedback for {}\n", cell(&student.name));
    let _ = writeln!(
        md,
        "Compared with the key ({}); match mode **{}**: {}.\n",
        cell(&result.key_name),
        result.mode,
        result.mode.description()
    );
    let _ = writeln!(md, "## Your scores\n");
    for score in &student.by_tag {
        let _ = writeln!(md, "- {}", tag_sentence(score, unit_name(result)));
    }
    let _ = writeln!(md, "- Overall F1: {}.", percent(student.overall.f1));
    for line in speaker_and_drift_sentences(student) {
        let _ = writeln!(md, "- {line}");
    }
    let _ = writeln!(md, "\n## Passage by passage\n");
    if student.findings.is_empty() {
        let _ = writeln!(md, "Every passage agrees with the key.");
    }
    for finding in &student.findings {
        let _ = writeln!(md, "### {}\n", finding_heading(finding));
        let _ = writeln!(
            md,
            "*{}*\n\n> {}\n",
            cell(&finding.article),
            cell(&finding.quote)
        );
        for line in finding_details(finding) {
            let _ = writeln!(md, "- {}", cell(&line));
        }
        let _ = writeln!(md);
    }
    md
}
