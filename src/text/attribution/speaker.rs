//! The speaker a cue names: a noun phrase after "laut", before "zufolge", or the subject of a
//! verb of saying, before or after it.

use super::MAX_SPEAKER;
use super::words::{Words, filler, in_noun_phrase, not_subject_start};
use crate::text::{Span, TokenKind};

/// A noun phrase starting at `start` and going right: articles, adjectives before a noun,
/// nouns and names, up to the clause's end, another word or [`MAX_SPEAKER`] words. It ends
/// with its last noun, name or number.
pub(super) fn phrase_after(words: &Words, start: usize) -> Option<Span> {
    // English nouns are lower case: after "the", "a", "its" the phrase runs to the clause's end.
    if matches!(
        words.word(start),
        "the" | "a" | "an" | "its" | "his" | "her" | "their"
    ) {
        let mut end = start + 1;
        while end < words.len() && end < start + MAX_SPEAKER && !words.is_boundary(end) {
            end += 1;
        }
        return (end > start + 1).then(|| words.span(start, end - 1));
    }
    let mut last = None;
    let mut i = start;
    while i < words.len() && i < start + MAX_SPEAKER && !words.is_boundary(i) {
        let word = words.word(i);
        if last.is_some() && words.tokens[i].kind == TokenKind::Number {
            break;
        }
        if words.capitalised(i)
            || words.tokens[i].kind == TokenKind::Number
            || (i == start && word.contains(['-', '.']))
        {
            last = Some(i);
        } else if last.is_some() {
            // After the noun only a genitive or a second name continues the phrase ("der
            // Sprecher der Polizei", "Kim und Putin"), not an object ("neue Sanktionen").
            if !matches!(
                word,
                "der" | "des" | "von" | "vom" | "eines" | "einer" | "und" | "of" | "and"
            ) {
                break;
            }
        } else if !(in_noun_phrase(word)
            || word.ends_with(['e', 'n', 'r', 's', 'm']) && words.capitalised(i + 1))
        {
            break;
        }
        i += 1;
    }
    let last = last?;
    // An apposition at the clause's end: "…, sagte der Sprecher, Lars Beringer."
    if last + 1 == i && words.word(i) == "," && words.capitalised(i + 1) {
        let mut end = i + 1;
        while end < words.len()
            && !words.is_boundary(end)
            && (words.capitalised(end) || in_noun_phrase(words.word(end)))
        {
            end += 1;
        }
        if end >= words.len() || words.is_boundary(end) {
            return Some(words.span(start, end - 1));
        }
    }
    Some(words.span(start, last))
}

/// A noun phrase ending at `end` and going left, to the clause's start.
pub(super) fn phrase_before(words: &Words, end: usize) -> Option<Span> {
    if end == 0 || words.is_boundary(end - 1) {
        return None;
    }
    let mut first = end - 1;
    while first > 0
        && end - first < MAX_SPEAKER
        && !words.is_boundary(first - 1)
        && (words.capitalised(first - 1)
            || in_noun_phrase(words.word(first - 1))
            || words.word(first - 1).ends_with(['e', 'n', 'r']))
    {
        first -= 1;
    }
    // Skip a leading preposition or conjunction that is no part of the name.
    while first < end - 1 && matches!(words.word(first), "und" | "von" | "aus" | "and" | "of") {
        first += 1;
    }
    (words.capitalised(end - 1) || words.tokens[end - 1].kind == TokenKind::Number)
        .then(|| words.span(first, end - 1))
}

/// The subject of a speech verb at `i`: after it when the clause starts with the quote, an
/// adverbial or "wie"; else the words before it.
pub(super) fn speaker_of_verb(words: &Words, i: usize) -> Option<Span> {
    let start = words.clause_start(i);
    // "wie die Polizei mitteilte": between "wie" and the verb.
    if let Some(wie) = (start..i)
        .rev()
        .find(|&k| matches!(words.word(k), "wie" | "as"))
        && wie + 1 < i
    {
        // A long stretch is more than a subject: then its first phrase.
        return if i - (wie + 1) <= MAX_SPEAKER {
            Some(words.span(wie + 1, i - 1))
        } else {
            phrase_after(words, wie + 1)
        };
    }
    // "Claudia Pfeiffer, Geschäftsführerin des KAV, erklärte": names and titles between
    // commas from the sentence's start up to the verb.
    if start == i && i > 0 && words.word(i - 1) == "," {
        let front_is_names = (0..i).all(|k| {
            words.word(k) == ","
                || !words.is_boundary(k) && (words.capitalised(k) || in_noun_phrase(words.word(k)))
        });
        if front_is_names && i >= 2 && i - 1 <= 2 * MAX_SPEAKER {
            return Some(words.span(0, i - 2));
        }
    }
    // "nachdem Südkorea die Anwesenheit … bestätigte": in a clause with the verb last, the
    // subject is the first phrase after the conjunction.
    if matches!(
        words.word(start),
        "nachdem" | "dass" | "weil" | "als" | "ob" | "obwohl" | "wenn" | "da" | "während"
    ) && start + 1 < i
    {
        return phrase_after(words, start + 1);
    }
    let inverted = start == i || not_subject_start(words.word(start)) || {
        // A quote ended just before the clause: "…", sagte er.
        start > 0
            && words.is_punct(start - 1)
            && words.tokens[..start]
                .iter()
                .rev()
                .take(3)
                .any(|t| matches!(t.text(words.text), "\"" | "“" | "”" | "«" | "»" | "„"))
    };
    if inverted {
        let mut after = i + 1;
        while after < words.len() && filler(words.word(after)) {
            after += 1;
            // "am Montag": the day after "am".
            if words.word(after - 1) == "am" && words.capitalised(after) {
                after += 1;
            }
        }
        return phrase_after(words, after).or_else(|| {
            // A pronoun subject: "sagte er".
            matches!(
                words.word(i + 1),
                "er" | "sie" | "he" | "she" | "they" | "es"
            )
            .then(|| words.span(i + 1, i + 1))
        });
    }
    // Leading particles are not part of the subject: "doch UN-Pressesprecher …".
    let mut first = start;
    while first < i
        && matches!(
            words.word(first),
            "doch" | "schon" | "aber" | "jedoch" | "nun" | "auch" | "so" | "und"
        )
    {
        first += 1;
    }
    // Nor are an auxiliary or "davon" before a participle: "Die Autoren sind davon überzeugt".
    let mut last = i;
    while last > first
        && matches!(
            words.word(last - 1),
            "ist"
                | "sind"
                | "war"
                | "waren"
                | "hat"
                | "haben"
                | "hatte"
                | "hatten"
                | "wird"
                | "werden"
                | "wurde"
                | "wurden"
                | "davon"
                | "sich"
                | "zeigte"
                | "zeigten"
                | "auch"
                | "nun"
                | "jedoch"
                | "is"
                | "was"
                | "has"
                | "had"
        )
    {
        last -= 1;
    }
    if last - first > MAX_SPEAKER {
        // "Die Regierung in Berlin hat am Montag in einer Mitteilung erklärt": the subject is
        // the clause's first phrase, not all that comes before the verb.
        return phrase_after(words, first);
    }
    (first < last).then(|| words.span(first, last - 1))
}
