//! The result of scoring a class: plain serde data shared by the command line, the app and the
//! reports.

use super::{InputProblem, MatchMode};
use serde::{Deserialize, Serialize};

/// Everything `score_class` found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClassResult {
    /// How passages were matched for the tag scores.
    pub mode: MatchMode,
    /// How passages were paired for feedback, passages and speakers (`token` pairs by overlap).
    pub pairing_mode: MatchMode,
    /// The key's name.
    pub key_name: String,
    /// Tag names: the key's tags in order, then tags only students used.
    pub tags: Vec<String>,
    /// Titles of the key's articles.
    pub articles: Vec<String>,
    /// One entry per scored student, in input order.
    pub students: Vec<StudentResult>,
    /// Students that could not be scored at all.
    pub problems: Vec<InputProblem>,
    /// Per key passage, what the class found.
    pub passages: Vec<PassageResult>,
    /// Passages outside the key that at least a third of the class tagged.
    pub class_extras: Vec<ClassExtra>,
    /// `confusion[k][s]`: key tag `k` answered with student tag `s`, summed over the class; the
    /// last row and column stand for "no tag" (extras and misses).
    pub confusion: Vec<Vec<usize>>,
    /// Mean and spread of F1 per tag over the students.
    pub tag_summaries: Vec<TagSummary>,
    /// Coefficients between annotators.
    pub coefficients: Coefficients,
}

/// Matches, misses and extras of one tag (or all tags) and the derived scores.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TagScore {
    /// Tag name, or "all".
    pub tag: String,
    /// Key passages (words in token mode) found with this tag.
    pub matches: usize,
    /// Key passages with this tag the student did not find with it.
    pub misses: usize,
    /// Student passages with this tag that the key does not have with it.
    pub extras: usize,
    /// matches / (matches + extras); `None` when the student used the tag nowhere.
    pub precision: Option<f64>,
    /// matches / (matches + misses); `None` when the key has no such passage.
    pub recall: Option<f64>,
    /// Harmonic mean of precision and recall.
    pub f1: Option<f64>,
}

/// A key tag answered with another tag.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Confusion {
    /// The key's tag.
    pub key_tag: String,
    /// The student's tag.
    pub student_tag: String,
    /// How often.
    pub count: usize,
}

/// Speakers of attributions and denials (case and titles such as "Dr." ignored).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerScore {
    /// Same speaker as the key.
    pub right: usize,
    /// Another speaker, or none.
    pub wrong: usize,
}

/// How far a student's boundaries lie from the key's, over paired passages, in characters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BoundaryDrift {
    /// Number of paired passages measured.
    pub num_pairs: usize,
    /// Mean characters added before the key's start (negative: cut).
    pub mean_start_chars: f64,
    /// Mean characters added after the key's end (negative: cut).
    pub mean_end_chars: f64,
    /// Mean absolute shift of the start.
    pub mean_abs_start_chars: f64,
    /// Mean absolute shift of the end.
    pub mean_abs_end_chars: f64,
}

/// What kind of difference a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FindingKind {
    /// A key passage the student did not tag.
    Miss,
    /// A passage the student tagged that the key does not have.
    Extra,
    /// The same passage with another tag.
    Mismatch,
    /// The right tag, but another speaker.
    Speaker,
}

/// One difference between a student and the key, for the feedback sheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// What kind.
    pub kind: FindingKind,
    /// Article title.
    pub article: String,
    /// The passage (the key's, or the student's for extras).
    pub quote: String,
    /// The key's tag (empty for extras).
    pub key_tag: String,
    /// The key's note.
    pub key_note: String,
    /// The key's speaker.
    pub key_speaker: String,
    /// The student's tag (empty for misses).
    pub student_tag: String,
    /// The student's speaker.
    pub student_speaker: String,
    /// The student's passage, when it differs from the quote.
    pub student_quote: String,
}

/// The scores of one student.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StudentResult {
    /// File or annotator name.
    pub name: String,
    /// Per tag, in the order of [`ClassResult::tags`].
    pub by_tag: Vec<TagScore>,
    /// All tags together.
    pub overall: TagScore,
    /// Key tags answered with other tags.
    pub confusions: Vec<Confusion>,
    /// Speakers of attributions and denials.
    pub speakers: SpeakerScore,
    /// Boundary drift of paired passages.
    pub drift: BoundaryDrift,
    /// Cohen's kappa against the key on word labels.
    pub kappa_vs_key: Option<f64>,
    /// Every miss, extra and mismatch, in article order.
    pub findings: Vec<Finding>,
    /// Articles the student tagged that the key lacks, with their number of passages; not scored.
    pub unknown_articles: Vec<(String, usize)>,
    /// Key articles the student's file does not contain; not scored.
    pub missing_articles: Vec<String>,
}

/// What the class did with one key passage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PassageResult {
    /// Article title.
    pub article: String,
    /// The passage.
    pub quote: String,
    /// The key's tag.
    pub key_tag: String,
    /// The key's note.
    pub key_note: String,
    /// Students who had the article.
    pub num_students: usize,
    /// Students who tagged the passage (with any tag).
    pub num_found: usize,
    /// Students who tagged it with the key's tag.
    pub num_right_tag: usize,
    /// Tags the students chose, with counts, most frequent first.
    pub student_tags: Vec<(String, usize)>,
}

/// A passage outside the key that part of the class tagged.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClassExtra {
    /// Article title.
    pub article: String,
    /// The passage as the first student tagged it.
    pub quote: String,
    /// How many students tagged it.
    pub num_students: usize,
    /// Tags chosen, with counts, most frequent first.
    pub student_tags: Vec<(String, usize)>,
}

/// F1 of one tag over the class.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TagSummary {
    /// Tag name.
    pub tag: String,
    /// Mean F1 over the students with a defined F1.
    pub mean_f1: Option<f64>,
    /// Population standard deviation of those F1 values.
    pub sd_f1: Option<f64>,
}

/// Coefficients between all annotators (key and students).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Coefficients {
    /// Articles every annotator has (students with none of the key's articles left out); the
    /// class-wide coefficients use only these.
    pub num_common_articles: usize,
    /// Number of word units in them.
    pub num_words: usize,
    /// Fleiss' kappa on word labels (a word's label is the set of tags covering it).
    pub fleiss_kappa: Option<f64>,
    /// Krippendorff's unitizing alpha over all tags (`DKPro` Agreement's definition), on characters.
    pub krippendorff_alpha_u: Option<f64>,
    /// Unitizing alpha per tag.
    pub alpha_u_by_tag: Vec<(String, Option<f64>)>,
}
