//! Self-contained HTML reports: the anonymised class report (with the confusion matrix as a
//! coloured grid) and one feedback sheet per student. No scripts, no external files.

use super::report_words::{
    NO_TAG, decimal, finding_details, finding_heading, hardest_passages, percent,
    speaker_and_drift_sentences, tag_counts, tag_sentence, unit_name,
};
use super::results::{ClassResult, StudentResult};
use std::fmt::Write;

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}\
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}\
td:first-child,th:first-child{text-align:left}blockquote{margin:.4em 0 .4em 1em;padding-left:.8em;border-left:3px solid #999;color:#333}\
.note{color:#555;font-size:.95em}.finding{margin:1.2em 0}";

/// Escapes text for HTML.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{}</title><style>{STYLE}</style></head>\n<body>\n{body}</body></html>\n",
        esc(title)
    )
}

/// The anonymised class report as one self-contained HTML page.
///
/// ```
/// # use lateral::agreement::{Coding, MatchMode, class_report_html, score_class};
/// let key = Coding { name: "Key".into(), ..Coding::default() };
/// let html = class_report_html(&score_class(&key, &[], MatchMode::Overlap, Vec::new()));
/// assert!(html.starts_with("<!DOCTYPE html>"));
/// ```
#[must_use]
pub fn class_report_html(result: &ClassResult) -> String {
    let mut b = String::new();
    let _ = writeln!(b, "<h1>Class report</h1>");
    let _ = writeln!(
        b,
        "<p>Key: {} · {} students · match mode <b>{}</b>: {}.</p>",
        esc(&result.key_name),
        result.students.len(),
        result.mode,
        esc(result.mode.description())
    );
    if !result.problems.is_empty() {
        let _ = writeln!(
            b,
            "<p>{} student files could not be read and are not included.</p>",
            result.problems.len()
        );
    }
    let _ = writeln!(
        b,
        "<h2>Scores</h2><table><tr><th>Student</th><th>Matches</th><th>Misses</th><th>Extras</th><th>Precision</th><th>Recall</th><th>F1</th><th>Speakers right</th><th>Kappa</th></tr>"
    );
    for (i, student) in result.students.iter().enumerate() {
        let all = &student.overall;
        let _ = writeln!(
            b,
            "<tr><td>Student {}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}/{}</td><td>{}</td></tr>",
            i + 1,
            all.matches,
            all.misses,
            all.extras,
            percent(all.precision),
            percent(all.recall),
            percent(all.f1),
            student.speakers.right,
            student.speakers.right + student.speakers.wrong,
            decimal(student.kappa_vs_key)
        );
    }
    let _ = writeln!(
        b,
        "</table><table><tr><th>Tag</th><th>Mean F1</th><th>Spread (SD)</th></tr>"
    );
    for s in &result.tag_summaries {
        let _ = writeln!(
            b,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&s.tag),
            percent(s.mean_f1),
            percent(s.sd_f1)
        );
    }
    let _ = writeln!(b, "</table>");
    confusion_grid(&mut b, result);
    let _ = writeln!(b, "<h2>Hardest passages</h2>");
    for p in hardest_passages(result, 10) {
        let _ = writeln!(
            b,
            "<div class=\"finding\"><i>{}</i> — key: <b>{}</b>; {} of {} students tagged it so ({}).<blockquote>{}</blockquote>",
            esc(&p.article),
            esc(&p.key_tag),
            p.num_right_tag,
            p.num_students,
            esc(&tag_counts(&p.student_tags)),
            esc(&p.quote)
        );
        if !p.key_note.trim().is_empty() {
            let _ = writeln!(
                b,
                "<p class=\"note\">Key's note: {}</p>",
                esc(p.key_note.trim())
            );
        }
        let _ = writeln!(b, "</div>");
    }
    let _ = writeln!(b, "<h2>What the class tagged that the key did not</h2>");
    if result.class_extras.is_empty() {
        let _ = writeln!(b, "<p>Nothing that a third of the class tagged.</p>");
    }
    for e in &result.class_extras {
        let _ = writeln!(
            b,
            "<div class=\"finding\"><i>{}</i> — {} students ({}).<blockquote>{}</blockquote></div>",
            esc(&e.article),
            e.num_students,
            esc(&tag_counts(&e.student_tags)),
            esc(&e.quote)
        );
    }
    let c = &result.coefficients;
    let _ = writeln!(
        b,
        "<h2>Coefficients</h2><p>Over the {} articles every student has ({} words), key and students as annotators.</p><ul><li>Fleiss' kappa on word labels: {}</li><li>Krippendorff's unitizing alpha (DKPro Agreement): {}<ul>",
        c.num_common_articles,
        c.num_words,
        decimal(c.fleiss_kappa),
        decimal(c.krippendorff_alpha_u)
    );
    for (tag, alpha) in &c.alpha_u_by_tag {
        let _ = writeln!(b, "<li>{}: {}</li>", esc(tag), decimal(*alpha));
    }
    let _ = writeln!(b, "</ul></li></ul>");
    page("Class report", &b)
}

/// The confusion matrix as a grid: green on the diagonal, red elsewhere, darker for more.
fn confusion_grid(b: &mut String, result: &ClassResult) {
    let names: Vec<&str> = result
        .tags
        .iter()
        .map(String::as_str)
        .chain([NO_TAG])
        .collect();
    let max = result
        .confusion
        .iter()
        .flatten()
        .copied()
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let _ = writeln!(
        b,
        "<h2>Confusion matrix</h2><p>Rows: the key's tag; columns: the students' tag.</p><table><tr><th>key \\ class</th>"
    );
    for name in &names {
        let _ = write!(b, "<th>{}</th>", esc(name));
    }
    let _ = writeln!(b, "</tr>");
    for (k, (name, row)) in names.iter().zip(&result.confusion).enumerate() {
        let _ = write!(b, "<tr><th>{}</th>", esc(name));
        for (s, count) in row.iter().enumerate() {
            let strength = (*count as f64 / max).sqrt();
            let (r, g, bl) = if k == s { (46, 160, 67) } else { (214, 48, 49) };
            let _ = write!(
                b,
                "<td style=\"background:rgba({r},{g},{bl},{strength:.2})\">{count}</td>"
            );
        }
        let _ = writeln!(b, "</tr>");
    }
    let _ = writeln!(b, "</table>");
}

/// A student's feedback sheet as one self-contained HTML page.
#[must_use]
pub fn feedback_html(result: &ClassResult, student: &StudentResult) -> String {
    let mut b = String::new();
    let _ = writeln!(b, "<h1>Feedback for {}</h1>", esc(&student.name));
    let _ = writeln!(
        b,
        "<p>Compared with the key ({}); match mode <b>{}</b>: {}.</p><h2>Your scores</h2><ul>",
        esc(&result.key_name),
        result.mode,
        esc(result.mode.description())
    );
    for score in &student.by_tag {
        let _ = writeln!(
            b,
            "<li>{}</li>",
            esc(&tag_sentence(score, unit_name(result)))
        );
    }
    let _ = writeln!(b, "<li>Overall F1: {}.</li>", percent(student.overall.f1));
    for line in speaker_and_drift_sentences(student) {
        let _ = writeln!(b, "<li>{}</li>", esc(&line));
    }
    let _ = writeln!(b, "</ul><h2>Passage by passage</h2>");
    if student.findings.is_empty() {
        let _ = writeln!(b, "<p>Every passage agrees with the key.</p>");
    }
    for f in &student.findings {
        let _ = writeln!(
            b,
            "<div class=\"finding\"><h3>{}</h3><i>{}</i><blockquote>{}</blockquote><ul>",
            esc(&finding_heading(f)),
            esc(&f.article),
            esc(&f.quote)
        );
        for line in finding_details(f) {
            let _ = writeln!(b, "<li>{}</li>", esc(&line));
        }
        let _ = writeln!(b, "</ul></div>");
    }
    page(&format!("Feedback for {}", student.name), &b)
}
