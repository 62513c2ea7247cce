//! Names and spellings: capitalised words that one side spells a little differently
//! ("Olena"/"Elena", "Hankuk"/"Hanguk"), told apart from mere inflections.

use super::side::{Found, Side, change};
use crate::compare::result::{Change, ChangeKind};
use crate::text::TokenKind;
use std::collections::HashSet;

/// Words of a name must be at least this long to count as a respelling.
const MIN_NAME_CHARS: usize = 4;
/// At most this many words per side are tried as respellings (all pairs are compared, so a
/// row of a text without sentence ends stays fast).
const MAX_NAME_CANDIDATES: usize = 400;

/// Capitalised words of one side missing from the other, paired with a close respelling.
pub(super) fn names(a: &Side, b: &Side) -> Vec<Change> {
    let candidates = |side: &Side, other: &Side| -> Vec<(usize, String)> {
        let other_words: HashSet<&str> = other.words.iter().map(String::as_str).collect();
        let mut seen: HashSet<&str> = HashSet::new();
        let mut found: Vec<(usize, String)> = Vec::new();
        for (k, (&i, word)) in side.word_tokens.iter().zip(&side.words).enumerate() {
            let Some(token) = side.doc.tokens().get(i) else {
                continue;
            };
            let is_name = token.kind == TokenKind::Word
                && token.capitalised
                && word.chars().count() >= MIN_NAME_CHARS;
            if is_name && !other_words.contains(word.as_str()) && seen.insert(word) {
                found.push((k, word.clone()));
            }
        }
        found.truncate(MAX_NAME_CANDIDATES);
        found
    };
    let names_b = candidates(b, a);
    let mut used = vec![false; names_b.len()];
    let mut changes = Vec::new();
    for (k, word) in candidates(a, b) {
        let best = names_b
            .iter()
            .enumerate()
            .filter(|(n, (_, other))| !used[*n] && is_respelling(&word, other))
            .min_by_key(|(_, (_, other))| edit_distance(&word, other));
        if let Some((n, (l, _))) = best {
            used[n] = true;
            let from = Found {
                key: String::new(),
                span: a.span(k, k),
                before_number: false,
            };
            let to = Found {
                key: String::new(),
                span: b.span(*l, *l),
                before_number: false,
            };
            let kind = ChangeKind::NameChanged {
                from: a.slice(from.span),
                to: b.slice(to.span),
            };
            changes.push(change(a, b, Some(&from), Some(&to), kind));
        }
    }
    changes
}

/// A small edit that is not just another ending ("Olena"/"Elena", "Hankuk"/"Hanguk", but not
/// "Russland"/"Russlands" or "Staaten"/"Staates").
fn is_respelling(x: &str, y: &str) -> bool {
    let (xs, ys): (Vec<char>, Vec<char>) = (x.chars().collect(), y.chars().collect());
    let shorter = xs.len().min(ys.len());
    let distance = edit_distance(x, y);
    !is_inflection(&xs, &ys) && distance <= 2 && distance * 3 <= shorter
}

/// Endings that inflect a name or noun ("Russlands", "Staates", "Berliner") rather than
/// respell it ("Anne" for "Anna").
const ENDINGS: [&str; 11] = [
    "", "s", "es", "e", "en", "n", "er", "ern", "em", "ens", "ns",
];

/// Whether the two words are one stem with two inflection endings.
fn is_inflection(xs: &[char], ys: &[char]) -> bool {
    let common_prefix = xs.iter().zip(ys).take_while(|(p, q)| p == q).count();
    (0..=common_prefix).rev().any(|stem| {
        let ending = |chars: &[char]| chars.get(stem..).map(|c| c.iter().collect::<String>());
        let (Some(a), Some(b)) = (ending(xs), ending(ys)) else {
            return false;
        };
        stem >= MIN_NAME_CHARS - 1 && ENDINGS.contains(&a.as_str()) && ENDINGS.contains(&b.as_str())
    })
}

/// Levenshtein distance over chars.
pub(super) fn edit_distance(x: &str, y: &str) -> usize {
    let ys: Vec<char> = y.chars().collect();
    let mut row: Vec<usize> = (0..=ys.len()).collect();
    for (i, cx) in x.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cy) in ys.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(cx != *cy));
            diagonal = above;
        }
    }
    row[ys.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn respellings_are_not_inflections() {
        assert_eq!(edit_distance("Hankuk", "Hanguk"), 1);
        assert!(is_respelling("olena", "elena"));
        assert!(!is_respelling("russland", "russlands"));
        assert!(!is_respelling("staaten", "staates"));
        assert!(!is_respelling("guseinova", "kim"));
        // Issue 16.7: a change at the end of a name.
        assert!(is_respelling("anna", "anne"));
        assert!(is_respelling("hankuk", "hankul"));
        assert!(!is_respelling("staat", "staaten"));
        assert!(!is_respelling("berlin", "berliner"));
    }
}
