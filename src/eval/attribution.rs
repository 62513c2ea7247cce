//! The attribution detector on the German news quotation attribution dataset
//! (uhh-lt/german-news-quotation-attribution-2024, CC BY-NC-SA 4.0: evaluated, never
//! committed). Each document is a JSON file with its `originalText`, its `tokens` (character
//! offsets) and `annotations` whose `cue` and `speaker` name token ids.
//!
//! A found cue counts when it shares a token with a gold cue; recall is over the gold cues
//! (annotations without a cue, such as free indirect speech, are left out), precision over
//! the cues found. The speaker is scored by tokens, micro-averaged over the gold cues that
//! were found and have a speaker.

use super::ratio;
use crate::text::attribution::find_attributions;
use serde_json::Value;
use std::collections::BTreeSet;
use std::fmt;
use std::path::Path;

/// What the evaluation found.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Documents read.
    pub documents: usize,
    /// Gold cues (distinct token sets).
    pub gold_cues: usize,
    /// Gold cues that a found cue touches.
    pub gold_found: usize,
    /// Cues found.
    pub found: usize,
    /// Found cues that touch a gold cue.
    pub found_right: usize,
    /// Speaker tokens found and right, found, and in the gold (over matched cues).
    pub speaker_tokens: (usize, usize, usize),
    /// Matched cues with a gold speaker, and how many of them got it exactly.
    pub speakers: (usize, usize),
    /// Gold cues most often missed, with their counts.
    pub missed: Vec<(String, usize)>,
    /// Cues found most often where the gold has none, with their counts.
    pub spurious: Vec<(String, usize)>,
}

impl Report {
    /// Share of gold cues found.
    #[must_use]
    pub fn recall(&self) -> f64 {
        ratio(self.gold_found, self.gold_cues)
    }

    /// Share of found cues that are gold cues.
    #[must_use]
    pub fn precision(&self) -> f64 {
        ratio(self.found_right, self.found)
    }

    /// Token F1 of the speakers of matched cues.
    #[must_use]
    pub fn speaker_f1(&self) -> f64 {
        let (right, found, gold) = self.speaker_tokens;
        ratio(2 * right, found + gold)
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "documents: {}", self.documents)?;
        writeln!(
            f,
            "cues: recall {:.3} ({} of {} gold cues), precision {:.3} ({} of {} found)",
            self.recall(),
            self.gold_found,
            self.gold_cues,
            self.precision(),
            self.found_right,
            self.found
        )?;
        writeln!(
            f,
            "speakers of found cues: token F1 {:.3}, exact {} of {} ({:.1} %)",
            self.speaker_f1(),
            self.speakers.1,
            self.speakers.0,
            100.0 * ratio(self.speakers.1, self.speakers.0)
        )?;
        let missed: Vec<String> = self
            .missed
            .iter()
            .take(25)
            .map(|(cue, n)| format!("{cue} {n}"))
            .collect();
        writeln!(f, "most missed cues: {}", missed.join(", "))?;
        let spurious: Vec<String> = self
            .spurious
            .iter()
            .take(25)
            .map(|(cue, n)| format!("{cue} {n}"))
            .collect();
        writeln!(
            f,
            "most found where the gold has none: {}",
            spurious.join(", ")
        )
    }
}

/// Token ids of a gold field (`cue`, `speaker`).
fn token_ids(annotation: &Value, field: &str) -> BTreeSet<u64> {
    annotation
        .get(field)
        .and_then(|v| v.get("tokenIds"))
        .and_then(Value::as_array)
        .map(|ids| ids.iter().filter_map(Value::as_u64).collect())
        .unwrap_or_default()
}

/// Evaluates every `.json` document under `dir`.
pub fn evaluate(dir: &Path) -> Result<Report, String> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    let mut report = Report::default();
    let mut missed: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut spurious: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for path in paths {
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let doc: Value =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        report.documents += 1;
        score_document(&doc, &mut report, &mut missed, &mut spurious);
    }
    let mut missed: Vec<(String, usize)> = missed.into_iter().collect();
    missed.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    report.missed = missed;
    let mut spurious: Vec<(String, usize)> = spurious.into_iter().collect();
    spurious.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    report.spurious = spurious;
    Ok(report)
}

fn score_document(
    doc: &Value,
    report: &mut Report,
    missed: &mut std::collections::HashMap<String, usize>,
    spurious: &mut std::collections::HashMap<String, usize>,
) {
    let text = doc
        .get("originalText")
        .and_then(Value::as_str)
        .unwrap_or("");
    let empty = Vec::new();
    let tokens = doc
        .get("tokens")
        .and_then(Value::as_array)
        .unwrap_or(&empty);
    // Character offsets of the gold tokens, and the byte offset of every character.
    let token_chars: Vec<(u64, usize, usize)> = tokens
        .iter()
        .filter_map(|t| {
            Some((
                t.get("id")?.as_u64()?,
                usize::try_from(t.get("charBegin")?.as_u64()?).ok()?,
                usize::try_from(t.get("charEnd")?.as_u64()?).ok()?,
            ))
        })
        .collect();
    let char_of_byte = |byte: usize| text.get(..byte).map_or(0, |head| head.chars().count());
    let tokens_in = |start: usize, end: usize| -> BTreeSet<u64> {
        let (start, end) = (char_of_byte(start), char_of_byte(end));
        token_chars
            .iter()
            .filter(|(_, b, e)| *b < end && start < *e)
            .map(|(id, _, _)| *id)
            .collect()
    };
    let attributions = find_attributions(text);
    let found: Vec<(BTreeSet<u64>, BTreeSet<u64>)> = attributions
        .iter()
        .map(|a| {
            let cue = a
                .cue
                .iter()
                .flat_map(|s| tokens_in(s.start, s.end))
                .collect();
            let speaker = a
                .speaker
                .map(|s| tokens_in(s.start, s.end))
                .unwrap_or_default();
            (cue, speaker)
        })
        .collect();
    let empty_annotations = Vec::new();
    let annotations = doc
        .get("annotations")
        .and_then(Value::as_array)
        .unwrap_or(&empty_annotations);
    // Distinct gold cues, each with its speaker.
    let mut gold: Vec<(BTreeSet<u64>, BTreeSet<u64>, String)> = Vec::new();
    for annotation in annotations {
        let cue = token_ids(annotation, "cue");
        if cue.is_empty() || gold.iter().any(|(c, _, _)| *c == cue) {
            continue;
        }
        let label = annotation
            .get("cue")
            .and_then(|c| c.get("text"))
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_lowercase();
        gold.push((cue, token_ids(annotation, "speaker"), label));
    }
    report.gold_cues += gold.len();
    report.found += found.len();
    for (attribution, (cue, _)) in attributions.iter().zip(&found) {
        if gold.iter().any(|(g, _, _)| !g.is_disjoint(cue)) {
            report.found_right += 1;
        } else {
            *spurious
                .entry(attribution.cue_text.to_lowercase())
                .or_default() += 1;
        }
    }
    for (cue, speaker, label) in &gold {
        let Some((_, found_speaker)) = found.iter().find(|(c, _)| !c.is_disjoint(cue)) else {
            *missed.entry(label.clone()).or_default() += 1;
            if std::env::var_os("LATERAL_EVAL_MISSED").is_some_and(|v| v == label.as_str()) {
                let first = cue
                    .first()
                    .and_then(|id| token_chars.iter().find(|t| t.0 == *id));
                if let Some(&(_, begin, _)) = first {
                    let context: String = text
                        .chars()
                        .skip(begin.saturating_sub(60))
                        .take(140)
                        .collect();
                    eprintln!("missed {label}: …{}…", context.replace('\n', " "));
                }
            }
            continue;
        };
        report.gold_found += 1;
        if speaker.is_empty() {
            continue;
        }
        report.speakers.0 += 1;
        if found_speaker != speaker
            && std::env::var_os("LATERAL_EVAL_SPEAKERS").is_some_and(|v| v == label.as_str())
        {
            let words = |ids: &BTreeSet<u64>| -> String {
                ids.iter()
                    .filter_map(|id| token_chars.iter().find(|t| t.0 == *id))
                    .map(|&(_, b, e)| text.chars().skip(b).take(e - b).collect::<String>())
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            eprintln!(
                "speaker of {label}: gold [{}] found [{}]",
                words(speaker),
                words(found_speaker)
            );
        }
        report.speakers.1 += usize::from(found_speaker == speaker);
        report.speaker_tokens.0 += found_speaker.intersection(speaker).count();
        report.speaker_tokens.1 += found_speaker.len();
        report.speaker_tokens.2 += speaker.len();
    }
}
