//! Property tests of the comparison engine on arbitrary and on edited texts.
//!
//! What is checked, for every generated pair (A, B) with arbitrary excluded spans:
//! - comparing never panics, and a text compared with itself gives only `Same` rows;
//! - every span (sentences, diff operations, changes) lies inside its text on char boundaries;
//! - every sentence of A and of B is in exactly one row;
//! - applying the diff to A gives B at the token level: walking all rows' operations in order,
//!   taking A's tokens for `Equal` and B's for `Insert`/`Replace`, yields exactly B's token
//!   sequence (furniture left out), and each row's `Equal`/`Delete`/`Replace` A tokens are
//!   exactly the tokens of its A sentences.

// Test helpers outside #[test] functions unwrap too: a failure there is a test failure.

use lateral::compare::{CompareOptions, Comparison, DiffTag, Document, apply_diff, compare_texts};
use lateral::text::Span;
use proptest::prelude::*;

/// Words, numbers, punctuation, quotes, line ends and multi-byte letters.
fn text_strategy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Russland".to_owned()),
        Just("Öl".to_owned()),
        Just("bis zu".to_owned()),
        Just("nicht".to_owned()),
        Just("5,5 Milliarden".to_owned()),
        Just("20.000".to_owned()),
        Just("z. B.".to_owned()),
        Just("28. Oktober".to_owned()),
        Just("„Zitat.“".to_owned()),
        Just("sagte Guseinova".to_owned()),
        Just(". ".to_owned()),
        Just("\n".to_owned()),
        Just("–".to_owned()),
        "[a-zA-ZäöüßÄÖÜ]{1,8}",
        "[0-9]{1,4}([.,][0-9]{1,3})?",
        "[ \\n.,!?\"«»„“'’()-]",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.join(" "))
}

/// B as an edit of A: some pieces of A's words dropped, swapped, or replaced.
fn edited_pair() -> impl Strategy<Value = (String, String)> {
    (text_strategy(), text_strategy(), any::<u64>()).prop_map(|(a, extra, seed)| {
        let mut words: Vec<String> = a.split(' ').map(str::to_owned).collect();
        let mut state = seed | 1;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        if words.len() > 2 {
            let n = words.len() as u64;
            words.swap((next() % n) as usize, (next() % n) as usize);
            words.remove((next() % n) as usize);
        }
        let insert_at = (next() % (words.len() as u64 + 1)) as usize;
        words.insert(insert_at, extra);
        (a, words.join(" "))
    })
}

/// Spans on char boundaries from arbitrary numbers.
fn excluded_in(text: &str, cuts: &[(usize, usize)]) -> Vec<Span> {
    let boundaries: Vec<usize> = (0..=text.len())
        .filter(|&i| text.is_char_boundary(i))
        .collect();
    cuts.iter()
        .map(|&(x, len)| {
            let start = boundaries[x % boundaries.len()];
            let end = boundaries[(x % boundaries.len() + len % 6).min(boundaries.len() - 1)];
            Span::new(start, end)
        })
        .collect()
}

fn check(comparison: &Comparison, a: &str, a_excluded: &[Span], b: &str, b_excluded: &[Span]) {
    let (doc_a, doc_b) = (Document::new(a, a_excluded), Document::new(b, b_excluded));
    let mut seen_a = vec![0usize; doc_a.num_sentences()];
    let mut seen_b = vec![0usize; doc_b.num_sentences()];
    for row in &comparison.rows {
        for sentence in &row.a {
            sentence.span.check(a).unwrap();
            seen_a[sentence.index] += 1;
        }
        for sentence in &row.b {
            sentence.span.check(b).unwrap();
            seen_b[sentence.index] += 1;
        }
        for op in &row.word_diff {
            op.a_span.check(a).unwrap();
            op.b_span.check(b).unwrap();
        }
        for change in &row.changes {
            if let Some(span) = change.a_span {
                span.check(a).unwrap();
                assert_eq!(span.slice(a).unwrap(), change.a_text);
            }
            if let Some(span) = change.b_span {
                span.check(b).unwrap();
                assert_eq!(span.slice(b).unwrap(), change.b_text);
            }
        }
        let a_tokens: usize = row
            .word_diff
            .iter()
            .filter(|op| op.tag != DiffTag::Insert)
            .map(|op| op.a_tokens)
            .sum();
        let expected: usize = doc_a
            .token_indices(&row.a.iter().map(|s| s.index).collect::<Vec<_>>())
            .len();
        assert_eq!(a_tokens, expected);
    }
    assert!(seen_a.iter().all(|&n| n == 1), "A sentences: {seen_a:?}");
    assert!(seen_b.iter().all(|&n| n == 1), "B sentences: {seen_b:?}");
    let b_tokens: Vec<&str> = doc_b.tokens().iter().map(|t| t.text(b)).collect();
    assert_eq!(
        apply_diff(comparison, a, a_excluded, b, b_excluded),
        b_tokens
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_texts_compare_soundly(
        a in text_strategy(),
        b in text_strategy(),
        a_cuts in prop::collection::vec((any::<usize>(), any::<usize>()), 0..3),
        b_cuts in prop::collection::vec((any::<usize>(), any::<usize>()), 0..3),
    ) {
        let (a_excluded, b_excluded) = (excluded_in(&a, &a_cuts), excluded_in(&b, &b_cuts));
        let comparison = compare_texts(&a, &a_excluded, &b, &b_excluded, &CompareOptions::default());
        check(&comparison, &a, &a_excluded, &b, &b_excluded);
    }

    #[test]
    fn edited_texts_compare_soundly((a, b) in edited_pair()) {
        let comparison = compare_texts(&a, &[], &b, &[], &CompareOptions::default());
        check(&comparison, &a, &[], &b, &[]);
    }

    #[test]
    fn a_text_compared_with_itself_has_no_changes(a in text_strategy()) {
        let comparison = compare_texts(&a, &[], &a, &[], &CompareOptions::default());
        prop_assert_eq!(comparison.changes().count(), 0);
        prop_assert!(comparison.rows.iter().all(|row| row.kind == lateral::compare::RowKind::Same));
    }

    #[test]
    fn an_expired_deadline_still_gives_a_correct_diff((a, b) in edited_pair()) {
        let options = CompareOptions { timeout: Some(std::time::Duration::ZERO), ..CompareOptions::default() };
        let comparison = compare_texts(&a, &[], &b, &[], &options);
        check(&comparison, &a, &[], &b, &[]);
    }
}
