//! Which words are cues: the verbs of saying and the source nouns of the built-in lists, and
//! the checks that a verb reports a saying here.

use super::REACH;
use super::words::{Words, in_noun_phrase};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// The built-in lists, read once from `assets/wordlists/`.
pub(super) struct Lists {
    /// Forms of verbs of saying that stand alone.
    plain: HashSet<&'static str>,
    /// Finite forms that need a particle later in the clause, with the particles.
    split: HashMap<&'static str, Vec<&'static str>>,
    /// Nouns that make "nach" name a source.
    sources: HashSet<&'static str>,
    /// Endings of such nouns ("-angaben": "Polizeiangaben").
    source_endings: Vec<&'static str>,
}

pub(super) fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let lines = |text: &'static str| {
            text.lines()
                .map(str::trim)
                .filter(|line| !line.is_empty() && !line.starts_with('#'))
        };
        let mut plain = HashSet::new();
        let mut split: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
        for line in lines(include_str!("../../../assets/wordlists/speech_verbs.txt")) {
            match line.split_once(" + ") {
                Some((forms, particle)) => {
                    for form in forms.split_whitespace() {
                        split.entry(form).or_default().push(particle.trim());
                    }
                }
                None => {
                    plain.insert(line);
                }
            }
        }
        let mut sources = HashSet::new();
        let mut source_endings = Vec::new();
        for line in lines(include_str!("../../../assets/wordlists/source_nouns.txt")) {
            match line.strip_prefix('-') {
                Some(ending) => source_endings.push(ending),
                None => {
                    sources.insert(line);
                }
            }
        }
        Lists {
            plain,
            split,
            sources,
            source_endings,
        }
    })
}

/// Verbs of saying (`assets/wordlists/speech_verbs.txt`): the particles a finite form needs
/// later in the clause (none for forms that stand alone), or `None` for other words.
pub(super) fn verb(word: &str) -> Option<Vec<&'static str>> {
    let lists = lists();
    if lists.plain.contains(word) {
        return Some(Vec::new());
    }
    // "gab" may want "an", "bekannt" or "zu": every particle the form takes.
    lists.split.get(word).cloned()
}

/// Nouns after "nach" that make it a source ("nach Angaben der Polizei"), from
/// `assets/wordlists/source_nouns.txt`.
pub(super) fn source_noun(word: &str) -> bool {
    let lists = lists();
    lists.sources.contains(word)
        || lists
            .source_endings
            .iter()
            .any(|end| word.len() > end.len() && word.ends_with(end))
}

/// Whether the verb form at `i` reports someone's saying: a participle ("angekündigt") only
/// with an auxiliary ("hat angekündigt", "wird vorgeworfen"), and no form used as an
/// adjective before a noun.
pub(super) fn said_by_someone(words: &Words, i: usize) -> bool {
    let word = words.word(i);
    let start = words.clause_start(i);
    // "die geforderte Summe" is inflected and no form of the list; "bestätigt" before a noun
    // after an article is an adjective.
    if i > 0 && in_noun_phrase(words.word(i - 1)) && words.capitalised(i + 1) {
        return false;
    }
    let participle = (word.starts_with("ge")
        && !matches!(word, "geht" | "gehen" | "geben" | "gebe"))
        || [
            "mitge",
            "bekanntge",
            "angek",
            "angeg",
            "hinge",
            "ausge",
            "festge",
            "vorge",
            "einge",
            "hinzuge",
        ]
        .iter()
        .any(|p| word.starts_with(p));
    // A participle reports a saying with an auxiliary: "hat angekündigt", and in the passive
    // "wird vorgeworfen" (the gold counts those too); alone it is mostly an adjective.
    !participle
        || (start..i).any(|k| {
            matches!(
                words.word(k),
                "hat"
                    | "haben"
                    | "hatte"
                    | "hatten"
                    | "habe"
                    | "hätte"
                    | "wird"
                    | "wurde"
                    | "wurden"
                    | "werden"
                    | "worden"
                    | "has"
                    | "had"
                    | "was"
                    | "were"
            )
        })
}

/// Whether the sentence gives what was said around the verb at `i`: a quotation, a clause
/// after a comma or colon next to the verb ("sagte, er …", "…, sagte er"), "dass" or "ob"
/// after it, a "wie … sagte" clause, or the subjunctive of indirect speech ("sei", "habe").
/// "Die Regierung bestätigt den Haushalt" reports no saying.
pub(super) fn reports_content(words: &Words, i: usize) -> bool {
    const SUBJUNCTIVE: &[&str] = &[
        "sei", "seien", "habe", "werde", "könne", "müsse", "solle", "wolle", "dürfe", "gebe",
        "liege", "gehe", "komme", "stehe", "bleibe", "wisse", "handle", "handele", "brauche",
        "dass", "ob", "that", "wie",
    ];
    let text = |k: usize| words.tokens.get(k).map_or("", |t| t.text(words.text));
    let quote = |k: usize| {
        matches!(
            text(k),
            "\"" | "“" | "”" | "„" | "«" | "»" | "‚" | "‘" | "’"
        )
    };
    if (0..words.len()).any(quote) {
        return true;
    }
    let comma_or_colon = |k: usize| matches!(text(k), "," | ":");
    // The verb opens or ends a clause after a comma ("…, sagte er", "…, the study says"), or a
    // comma follows it ("sagte, er …").
    let start = words.clause_start(i);
    // "berichten von …", "sprach über …", "schätzt den Wert auf 5,5 Milliarden": what is
    // reported follows as a topic or a figure.
    if matches!(words.word(i + 1), "von" | "über")
        || words
            .clause_after(i, REACH)
            .any(|k| words.tokens[k].kind == crate::text::TokenKind::Number)
    {
        return true;
    }
    if start > 0 && comma_or_colon(start - 1) && (start == i || words.is_boundary(i + 1))
        || (i + 1..(i + REACH).min(words.len())).any(comma_or_colon)
    {
        return true;
    }
    (0..words.len()).any(|k| SUBJUNCTIVE.contains(&words.word(k)))
}
