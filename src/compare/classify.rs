//! Classifies what changed between the two sides of an aligned row: numbers (by value), names
//! (small edits of capitalised words), hedges, attributions and negations (from the word lists).
//!
//! Each kind is compared as a multiset over the whole row, so a change is found however the
//! rewrite reorders the words around it.

use super::document::Document;
use super::result::{Change, ChangeKind};
use super::wordlists::{ListKind, WordLists};
use crate::text::{NumberMention, Span, TokenKind, find_numbers, same_value};

/// Words of a name must be at least this long to count as a respelling.
const MIN_NAME_CHARS: usize = 4;
/// Words before an attribution cue that may name the source ("Ihrer Analyse zufolge").
const ATTRIBUTION_BEFORE: usize = 4;
/// Words after an attribution cue that may name the source ("heißt es im Bericht").
const ATTRIBUTION_AFTER: usize = 2;

/// One side of a row: its word tokens (punctuation left out).
struct Side<'d, 't> {
    doc: &'d Document<'t>,
    /// Token indices of words and numbers.
    word_tokens: Vec<usize>,
    /// Their lower-case texts.
    words: Vec<String>,
    /// All token indices of the side, in order.
    all_tokens: Vec<usize>,
}

impl<'d, 't> Side<'d, 't> {
    fn new(doc: &'d Document<'t>, sentences: &[usize]) -> Self {
        let all_tokens = doc.token_indices(sentences);
        let word_tokens: Vec<usize> = all_tokens
            .iter()
            .copied()
            .filter(|&i| {
                doc.tokens()
                    .get(i)
                    .is_some_and(|t| t.kind != TokenKind::Punct)
            })
            .collect();
        let words = word_tokens
            .iter()
            .map(|&i| doc.lower(i).to_owned())
            .collect();
        Self {
            doc,
            word_tokens,
            words,
            all_tokens,
        }
    }

    /// Span from word `first` to word `last` (inclusive).
    fn span(&self, first: usize, last: usize) -> Span {
        let at = |k: usize| {
            self.word_tokens
                .get(k)
                .and_then(|&i| self.doc.tokens().get(i))
                .map(|t| t.span)
        };
        match (at(first), at(last)) {
            (Some(x), Some(y)) => Span::new(x.start, y.end),
            _ => Span::new(0, 0),
        }
    }

    fn slice(&self, span: Span) -> String {
        span.slice(self.doc.text()).unwrap_or("").to_owned()
    }

    /// Whether a clause boundary (punctuation other than a hyphen) lies between two words.
    fn boundary_between(&self, left: usize, right: usize) -> bool {
        let (Some(&x), Some(&y)) = (self.word_tokens.get(left), self.word_tokens.get(right)) else {
            return true;
        };
        self.doc
            .tokens()
            .get(x + 1..y)
            .unwrap_or(&[])
            .iter()
            .any(|t| t.kind == TokenKind::Punct)
    }

    fn numbers(&self) -> Vec<NumberMention> {
        let first = self.all_tokens.first().copied().unwrap_or(0);
        let end = self.all_tokens.last().map_or(0, |last| last + 1);
        find_numbers(
            self.doc.text(),
            self.doc.tokens().get(first..end).unwrap_or(&[]),
            self.doc.style(),
        )
    }
}

/// A phrase found on one side: the key it is compared by and where it is.
struct Found {
    key: String,
    span: Span,
    /// Whether a number follows it ("bis zu 20.000").
    before_number: bool,
}

/// Classifies the changes between A's `a_sentences` and B's `b_sentences`.
pub(crate) fn classify(
    a: &Document,
    b: &Document,
    a_sentences: &[usize],
    b_sentences: &[usize],
    lists: &WordLists,
) -> Vec<Change> {
    let side_a = Side::new(a, a_sentences);
    let side_b = Side::new(b, b_sentences);
    let mut changes = numbers(&side_a, &side_b);
    if side_a.words.is_empty() || side_b.words.is_empty() {
        return changes;
    }
    changes.extend(names(&side_a, &side_b));
    let (hedges_a, hedges_b) = unmatched(
        phrases(&side_a, lists, ListKind::Hedge),
        phrases(&side_b, lists, ListKind::Hedge),
    );
    changes.extend(pair_hedges(&side_a, &side_b, hedges_a, hedges_b));
    let (cues_a, cues_b) = unmatched(attributions(&side_a, lists), attributions(&side_b, lists));
    changes.extend(pair_up(&side_a, &side_b, &cues_a, &cues_b, |from, to| {
        ChangeKind::AttributionChanged {
            from: from.map(|f| f.key.clone()),
            to: to.map(|t| t.key.clone()),
        }
    }));
    let (neg_a, neg_b) = unmatched(
        phrases(&side_a, lists, ListKind::Negation),
        phrases(&side_b, lists, ListKind::Negation),
    );
    for found in neg_a {
        changes.push(change(
            &side_a,
            &side_b,
            Some(&found),
            None,
            ChangeKind::NegationRemoved {
                word: found.key.clone(),
            },
        ));
    }
    for found in neg_b {
        changes.push(change(
            &side_a,
            &side_b,
            None,
            Some(&found),
            ChangeKind::NegationAdded {
                word: found.key.clone(),
            },
        ));
    }
    changes
}

fn change(
    a: &Side,
    b: &Side,
    in_a: Option<&Found>,
    in_b: Option<&Found>,
    kind: ChangeKind,
) -> Change {
    Change {
        kind,
        a_span: in_a.map(|f| f.span),
        b_span: in_b.map(|f| f.span),
        a_text: in_a.map(|f| a.slice(f.span)).unwrap_or_default(),
        b_text: in_b.map(|f| b.slice(f.span)).unwrap_or_default(),
    }
}

/// Numbers: equal values cancel; the rest pair up in order as changed, or are added/dropped.
/// Also used for rows with one side only.
fn numbers(a: &Side, b: &Side) -> Vec<Change> {
    let mut in_b: Vec<Option<NumberMention>> = b.numbers().into_iter().map(Some).collect();
    let mut dropped = Vec::new();
    for mention in a.numbers() {
        let same = in_b.iter_mut().find(|m| {
            m.as_ref()
                .is_some_and(|m| same_value(m.value, mention.value))
        });
        match same {
            Some(slot) => *slot = None,
            None => dropped.push(mention),
        }
    }
    let mut added: Vec<NumberMention> = in_b.into_iter().flatten().collect();
    let found = |m: &NumberMention| Found {
        key: String::new(),
        span: m.span,
        before_number: false,
    };
    let mut changes = Vec::new();
    let paired = dropped.len().min(added.len());
    for (from, to) in dropped.drain(..paired).zip(added.drain(..paired)) {
        let kind = ChangeKind::NumberChanged {
            from: from.value,
            to: to.value,
        };
        changes.push(change(a, b, Some(&found(&from)), Some(&found(&to)), kind));
    }
    for from in dropped {
        changes.push(change(
            a,
            b,
            Some(&found(&from)),
            None,
            ChangeKind::NumberDropped { value: from.value },
        ));
    }
    for to in added {
        changes.push(change(
            a,
            b,
            None,
            Some(&found(&to)),
            ChangeKind::NumberAdded { value: to.value },
        ));
    }
    changes
}

/// Changes of number for a row with one side only.
pub(crate) fn one_side_numbers(
    a: &Document,
    b: &Document,
    a_sentences: &[usize],
    b_sentences: &[usize],
) -> Vec<Change> {
    numbers(&Side::new(a, a_sentences), &Side::new(b, b_sentences))
}

fn phrases(side: &Side, lists: &WordLists, kind: ListKind) -> Vec<Found> {
    lists
        .list(kind)
        .find(&side.words)
        .into_iter()
        .map(|(first, len)| {
            let next = side
                .word_tokens
                .get(first + len)
                .and_then(|&i| side.doc.tokens().get(i));
            Found {
                key: side.words.get(first..first + len).unwrap_or(&[]).join(" "),
                span: side.span(first, first + len - 1),
                before_number: next.is_some_and(|t| t.kind == TokenKind::Number),
            }
        })
        .collect()
}

/// Attribution cues with the words around them that name the source, within the clause.
fn attributions(side: &Side, lists: &WordLists) -> Vec<Found> {
    lists
        .list(ListKind::Attribution)
        .find(&side.words)
        .into_iter()
        .map(|(first, len)| {
            let cue = side.words.get(first..first + len).unwrap_or(&[]).join(" ");
            let looks_back = !matches!(cue.as_str(), "laut" | "according to" | "nach angaben");
            let looks_ahead = cue != "zufolge";
            let mut start = first;
            while looks_back
                && start > 0
                && first - start < ATTRIBUTION_BEFORE
                && !side.boundary_between(start - 1, start)
            {
                start -= 1;
            }
            let mut last = first + len - 1;
            while looks_ahead
                && last + 1 < side.words.len()
                && last + 1 - (first + len) < ATTRIBUTION_AFTER
                && !side.boundary_between(last, last + 1)
            {
                last += 1;
            }
            let span = side.span(start, last);
            Found {
                key: side.slice(span),
                span,
                before_number: false,
            }
        })
        .collect()
}

/// Removes the phrases both sides have (compared by lower-case key) and returns the rest.
fn unmatched(in_a: Vec<Found>, in_b: Vec<Found>) -> (Vec<Found>, Vec<Found>) {
    let mut in_b: Vec<Option<Found>> = in_b.into_iter().map(Some).collect();
    let mut only_a = Vec::new();
    for found in in_a {
        let key = found.key.to_lowercase();
        match in_b
            .iter_mut()
            .find(|b| b.as_ref().is_some_and(|b| b.key.to_lowercase() == key))
        {
            Some(slot) => *slot = None,
            None => only_a.push(found),
        }
    }
    (only_a, in_b.into_iter().flatten().collect())
}

fn pair_hedges(a: &Side, b: &Side, mut in_a: Vec<Found>, mut in_b: Vec<Found>) -> Vec<Change> {
    let mut changes = Vec::new();
    let kind = |from: &Found, to: &Found| ChangeKind::HedgeChanged {
        from: from.key.clone(),
        to: to.key.clone(),
    };
    // Quantifiers before numbers pair with each other first.
    while let (Some(x), Some(y)) = (
        in_a.iter().position(|f| f.before_number),
        in_b.iter().position(|f| f.before_number),
    ) {
        let (from, to) = (in_a.remove(x), in_b.remove(y));
        changes.push(change(a, b, Some(&from), Some(&to), kind(&from, &to)));
    }
    changes.extend(pair_up(a, b, &in_a, &in_b, |from, to| match (from, to) {
        (Some(from), Some(to)) => kind(from, to),
        (Some(from), None) => ChangeKind::HedgeDropped {
            hedge: from.key.clone(),
        },
        (None, to) => ChangeKind::HedgeAdded {
            hedge: to.map(|t| t.key.clone()).unwrap_or_default(),
        },
    }));
    changes
}

/// Pairs leftovers in order; the rest of the longer list stand alone.
fn pair_up(
    a: &Side,
    b: &Side,
    in_a: &[Found],
    in_b: &[Found],
    kind: impl Fn(Option<&Found>, Option<&Found>) -> ChangeKind,
) -> Vec<Change> {
    let count = in_a.len().max(in_b.len());
    (0..count)
        .map(|k| {
            let (from, to) = (in_a.get(k), in_b.get(k));
            change(a, b, from, to, kind(from, to))
        })
        .collect()
}

/// Capitalised words of one side missing from the other, paired with a close respelling.
fn names(a: &Side, b: &Side) -> Vec<Change> {
    let candidates = |side: &Side, other: &Side| -> Vec<(usize, String)> {
        let mut found: Vec<(usize, String)> = Vec::new();
        for (k, &i) in side.word_tokens.iter().enumerate() {
            let Some(token) = side.doc.tokens().get(i) else {
                continue;
            };
            let word = &side.words[k];
            let is_name = token.kind == TokenKind::Word
                && token.capitalised
                && word.chars().count() >= MIN_NAME_CHARS;
            if is_name && !other.words.contains(word) && !found.iter().any(|(_, w)| w == word) {
                found.push((k, word.clone()));
            }
        }
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
    let common_prefix = xs.iter().zip(&ys).take_while(|(p, q)| p == q).count();
    let longer = xs.len().max(ys.len());
    let shorter = xs.len().min(ys.len());
    let distance = edit_distance(x, y);
    common_prefix + 2 < longer && distance <= 2 && distance * 3 <= shorter
}

/// Levenshtein distance over chars.
pub(crate) fn edit_distance(x: &str, y: &str) -> usize {
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

    fn kinds(a: &str, b: &str) -> Vec<ChangeKind> {
        let (doc_a, doc_b) = (Document::new(a, &[]), Document::new(b, &[]));
        let all = |doc: &Document| (0..doc.num_sentences()).collect::<Vec<_>>();
        classify(
            &doc_a,
            &doc_b,
            &all(&doc_a),
            &all(&doc_b),
            &WordLists::builtin(),
        )
        .into_iter()
        .map(|c| c.kind)
        .collect()
    }

    #[test]
    fn respellings_are_not_inflections() {
        assert_eq!(edit_distance("Hankuk", "Hanguk"), 1);
        assert!(is_respelling("olena", "elena"));
        assert!(!is_respelling("russland", "russlands"));
        assert!(!is_respelling("staaten", "staates"));
        assert!(!is_respelling("guseinova", "kim"));
    }

    #[test]
    fn each_kind_is_found() {
        assert_eq!(
            kinds("Es waren 20.000 Soldaten.", "Es waren 12.000 Soldaten."),
            [ChangeKind::NumberChanged {
                from: 20_000.0,
                to: 12_000.0
            }]
        );
        assert_eq!(
            kinds(
                "Rund 24 Treffen, sagte Kim.",
                "Mehr als 24 Treffen, sagte Kim."
            ),
            [ChangeKind::HedgeChanged {
                from: "rund".into(),
                to: "mehr als".into()
            }]
        );
        assert_eq!(
            kinds("Er kommt, sagte Kim.", "Er kommt, sagte Lee."),
            [ChangeKind::AttributionChanged {
                from: Some("sagte Kim".into()),
                to: Some("sagte Lee".into())
            }]
        );
        assert_eq!(
            kinds("Das ist belegt.", "Das ist nicht belegt."),
            [ChangeKind::NegationAdded {
                word: "nicht".into()
            }]
        );
        assert!(kinds("Gleich bleibt gleich.", "Gleich bleibt gleich.").is_empty());
    }
}
