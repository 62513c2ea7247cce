//! CSV of every score: one row per student and tag (and "all"), plus the student-level scores.

use super::results::{ClassResult, TagScore};

/// Header of [`scores_csv`].
pub const CSV_HEADER: [&str; 16] = [
    "mode",
    "student",
    "tag",
    "matches",
    "misses",
    "extras",
    "precision",
    "recall",
    "f1",
    "speaker_right",
    "speaker_wrong",
    "mean_start_drift_chars",
    "mean_end_drift_chars",
    "kappa_vs_key",
    "unknown_articles",
    "problem",
];

/// Every score as CSV: per student one row per tag and one for all tags; a student that could
/// not be read gets a row with the reason in `problem`.
///
/// ```
/// # use lateral::agreement::{Coding, MatchMode, score_class, scores_csv};
/// let key = Coding { name: "Key".into(), ..Coding::default() };
/// let student = Coding { name: "Ann".into(), ..Coding::default() };
/// let csv = scores_csv(&score_class(&key, &[student], MatchMode::Overlap, Vec::new())).unwrap();
/// assert!(csv.starts_with("mode,student,tag,matches"));
/// assert!(csv.contains("overlap,Ann,all,0,0,0"));
/// ```
pub fn scores_csv(result: &ClassResult) -> Result<String, ::csv::Error> {
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    writer.write_record(CSV_HEADER)?;
    let mode = result.mode.name();
    for student in &result.students {
        let unknown = student.unknown_articles.len().to_string();
        for score in student
            .by_tag
            .iter()
            .chain(std::iter::once(&student.overall))
        {
            let is_overall = score.tag == "all";
            let mut record = vec![mode.to_owned(), student.name.clone()];
            record.extend(score_fields(score));
            if is_overall {
                record.push(student.speakers.right.to_string());
                record.push(student.speakers.wrong.to_string());
                record.push(number(Some(student.drift.mean_start_chars)));
                record.push(number(Some(student.drift.mean_end_chars)));
                record.push(number(student.kappa_vs_key));
                record.push(unknown.clone());
            } else {
                record.extend(std::iter::repeat_n(String::new(), 6));
            }
            record.push(String::new());
            writer.write_record(&record)?;
        }
    }
    for problem in &result.problems {
        let mut record = vec![mode.to_owned(), problem.name.clone()];
        record.extend(std::iter::repeat_n(String::new(), CSV_HEADER.len() - 3));
        record.push(problem.reason.clone());
        writer.write_record(&record)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| ::csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn score_fields(score: &TagScore) -> [String; 7] {
    [
        score.tag.clone(),
        score.matches.to_string(),
        score.misses.to_string(),
        score.extras.to_string(),
        number(score.precision),
        number(score.recall),
        number(score.f1),
    ]
}

/// A score with four decimals, or empty when undefined.
pub(crate) fn number(value: Option<f64>) -> String {
    value.map_or_else(String::new, |v| format!("{v:.4}"))
}
