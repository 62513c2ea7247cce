//! Who is said to say something: attribution cues in German (and common English ones) with
//! the speaker they name. "laut X", "X zufolge", "nach Angaben von X", ", so X", "heißt es in
//! X", speech verbs in every tense ("sagte", "hat erklärt"), split verbs ("X teilte … mit")
//! and "according to X", "X said".
//!
//! The detector works on the words of one sentence at a time and uses no model: cue lists
//! and word order. The speaker is a span of words next to the cue: after "laut", before
//! "zufolge", after the verb in "…, sagte der Sprecher", before it in "Der Sprecher sagte".

mod cues;
mod speaker;
mod words;

use super::{Span, sentences, tokenize};
use cues::{reports_content, said_by_someone, source_noun, verb};
use speaker::{phrase_after, phrase_before, speaker_of_verb};
use words::{Words, in_noun_phrase};

/// One attribution found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// The cue's words; a split verb has two spans ("teilte", "mit").
    pub cue: Vec<Span>,
    /// The cue as written, its parts joined by a space ("teilte mit").
    pub cue_text: String,
    /// Who is named as the source, if the sentence names one next to the cue.
    pub speaker: Option<Span>,
}

/// Words a cue looks across for a split verb's particle or a speaker.
const REACH: usize = 12;
/// Longest speaker, in words.
const MAX_SPEAKER: usize = 7;

/// The attributions in `text`, in text order.
///
/// ```
/// use lateral::text::attribution::find_attributions;
/// let text = "Die Polizei teilte am Montag mit, dass zwei Männer festgenommen wurden. \
///             Laut Staatsanwaltschaft schweigen beide.";
/// let found = find_attributions(text);
/// let cues: Vec<&str> = found.iter().map(|a| a.cue_text.as_str()).collect();
/// assert_eq!(cues, ["teilte mit", "Laut"]);
/// let speaker = |i: usize| found[i].speaker.and_then(|s| s.slice(text));
/// assert_eq!(speaker(0), Some("Die Polizei"));
/// assert_eq!(speaker(1), Some("Staatsanwaltschaft"));
/// ```
#[must_use]
pub fn find_attributions(text: &str) -> Vec<Attribution> {
    let tokens = tokenize(text, &[]);
    let mut found = Vec::new();
    for sentence in sentences(text, &tokens) {
        let slice = tokens
            .get(sentence.first_token..sentence.end_token)
            .unwrap_or_default();
        let words = Words::new(text, slice);
        found.extend(in_sentence(&words));
    }
    found
}

/// Where "hervor" closes "geht aus … hervor" begun at `i`, within the clause.
fn hervor_after(words: &Words, i: usize) -> Option<usize> {
    words
        .clause_after(i + 1, REACH - 1)
        .find(|&k| words.word(k) == "hervor")
}

/// The cue at word `i`, if any: its word indices and the speaker it names.
fn cue_at(words: &Words, i: usize) -> Option<(Vec<usize>, Option<Span>)> {
    let word = words.word(i);
    let next = words.word(i + 1);
    let mut cue: Vec<usize> = Vec::new();
    let mut speaker = None;
    match word {
        "laut" | "gemäß" => {
            cue.push(i);
            speaker = phrase_after(words, i + 1);
        }
        "according" if next == "to" => {
            cue.extend([i, i + 1]);
            speaker = phrase_after(words, i + 2);
        }
        "zufolge" => {
            cue.push(i);
            speaker = phrase_before(words, i);
        }
        "demnach" | "wonach" => cue.push(i),
        // "Seiner Meinung nach", "dem Vernehmen nach": the source before "nach".
        "nach"
            if i > 0
                && matches!(
                    words.word(i - 1),
                    "meinung"
                        | "ansicht"
                        | "auffassung"
                        | "vernehmen"
                        | "einschätzung"
                        | "überzeugung"
                        | "worten"
                        | "angaben"
                ) =>
        {
            cue.push(i);
            speaker = phrase_before(words, i);
        }
        // "Dies geht aus einem Bericht der Stiftung hervor": the source follows "aus".
        "geht" | "gehen" | "ging" | "gingen"
            if next == "aus" && hervor_after(words, i).is_some() =>
        {
            cue.extend([i, hervor_after(words, i).unwrap_or(i + 1)]);
            speaker = phrase_after(words, i + 2);
        }
        "sprach" | "spricht" | "sprachen" | "sprechen" if next == "von" => {
            cue.extend([i, i + 1]);
            speaker = speaker_of_verb(words, i);
        }
        // "nach Angaben der Polizei", "nach israelischen Angaben", "nach den Worten …":
        // up to two articles or adjectives, then a noun that names a source.
        "nach"
            if (i + 1..(i + 4).min(words.len()))
                .take_while(|&k| !words.is_boundary(k))
                .position(|k| source_noun(words.word(k)))
                .is_some_and(|at| {
                    (i + 1..i + 1 + at).all(|k| {
                        !words.capitalised(k)
                            && (in_noun_phrase(words.word(k))
                                || words.word(k).ends_with(['e', 'n', 'r', 'm', 's']))
                    })
                }) =>
        {
            cue.push(i);
            // The source is all that follows: "Angaben der Polizei", "ersten Untersuchungen".
            speaker = phrase_after(words, i + 1);
        }
        // ", so der Sprecher": "so" after a comma, before a name or an article.
        "so" if i > 0
            && words.is_punct(i - 1)
            && (words.capitalised(i + 1) || in_noun_phrase(next)) =>
        {
            cue.push(i);
            speaker = phrase_after(words, i + 1);
        }
        "heißt" | "hieß" if next == "es" => {
            cue.extend([i, i + 1]);
            if matches!(words.word(i + 2), "in" | "im" | "aus" | "bei" | "beim") {
                speaker = phrase_after(words, i + 3).or_else(|| phrase_after(words, i + 2));
            }
        }
        _ => {
            if let Some(particle) =
                verb(word).filter(|_| said_by_someone(words, i) && reports_content(words, i))
            {
                if particle.is_empty() {
                    cue.push(i);
                } else {
                    // A particle later in the clause, followed by its end.
                    let at = words
                        .clause_after(i, REACH)
                        .find(|&k| particle.contains(&words.word(k)) && words.is_boundary(k + 1));
                    if let Some(at) = at {
                        cue.extend([i, at]);
                    }
                }
                if !cue.is_empty() {
                    speaker = speaker_of_verb(words, i);
                }
            }
        }
    }
    (!cue.is_empty()).then_some((cue, speaker))
}

fn in_sentence(words: &Words) -> Vec<Attribution> {
    let mut found = Vec::new();
    let mut taken = vec![false; words.len()];
    let mut i = 0;
    while i < words.len() {
        if words.is_punct(i) || taken[i] {
            i += 1;
            continue;
        }
        let Some((cue, speaker)) = cue_at(words, i) else {
            i += 1;
            continue;
        };
        for &k in &cue {
            taken[k] = true;
        }
        // Words next to each other are one span ("according to", "heißt es").
        let mut spans: Vec<Span> = Vec::new();
        for &k in &cue {
            let span = words.tokens[k].span;
            match spans.last_mut() {
                Some(last) if cue.contains(&(k - 1)) => last.end = span.end,
                _ => spans.push(span),
            }
        }
        let cue_text = spans
            .iter()
            .filter_map(|s| s.slice(words.text))
            .collect::<Vec<_>>()
            .join(" ");
        found.push(Attribution {
            cue: spans,
            cue_text,
            speaker,
        });
        i += 1;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, Option<String>)> {
        find_attributions(text)
            .into_iter()
            .map(|a| {
                (
                    a.cue_text,
                    a.speaker.and_then(|s| s.slice(text)).map(str::to_owned),
                )
            })
            .collect()
    }

    fn one(cue: &str, speaker: Option<&str>) -> Vec<(String, Option<String>)> {
        vec![(cue.to_owned(), speaker.map(str::to_owned))]
    }

    #[test]
    fn prepositions_and_their_sources() {
        assert_eq!(
            found("Laut dem Bericht liegt der Wert bei 5,5 Milliarden."),
            one("Laut", Some("dem Bericht"))
        );
        assert_eq!(
            found("Ihrer Analyse zufolge bemisst sich der Wert auf bis zu 5,5 Milliarden."),
            one("zufolge", Some("Ihrer Analyse"))
        );
        assert_eq!(
            found("Nach Angaben der Polizei wurden zwei Männer festgenommen."),
            one("Nach", Some("Angaben der Polizei"))
        );
        assert_eq!(
            found("Zwei Männer wurden festgenommen, so die Polizei."),
            one("so", Some("die Polizei"))
        );
        assert_eq!(
            found("Nach dem Spiel fuhr die Mannschaft nach Hause."),
            vec![]
        );
    }

    #[test]
    fn speech_verbs_before_and_after_their_subject() {
        assert_eq!(
            found("„Wir kommen“, sagte der Sprecher des Ministeriums."),
            one("sagte", Some("der Sprecher des Ministeriums"))
        );
        assert_eq!(
            found("Guseinova erklärte, die Lieferungen gingen weiter."),
            one("erklärte", Some("Guseinova"))
        );
        assert_eq!(
            found("Am Montag kündigte die Regierung an, die Sanktionen zu verschärfen."),
            one("kündigte an", Some("die Regierung"))
        );
        assert_eq!(
            found("Die Soldaten seien bereits im Land, wie die Zeitung berichtete."),
            one("berichtete", Some("die Zeitung"))
        );
        assert_eq!(
            found("In dem Bericht heißt es, die Lieferungen gingen weiter."),
            one("heißt es", None)
        );
        assert_eq!(
            found("Dies geht aus einem Bericht der Stiftung hervor."),
            one("geht hervor", Some("einem Bericht der Stiftung"))
        );
        assert_eq!(
            found("Die Autoren des Berichts sind davon überzeugt, dass die EU handeln muss."),
            one("überzeugt", Some("Die Autoren des Berichts"))
        );
    }

    #[test]
    fn english_cues() {
        assert_eq!(
            found("According to the report, deliveries are worth 5.5 billion dollars."),
            one("According to", Some("the report"))
        );
    }
}
