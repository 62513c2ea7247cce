//! Hand-computed cases for the three match modes.

use super::*;

fn placed(index: &CharIndex<'_>, start: usize, end: usize, tag: usize) -> Placed {
    let span = Span::new(start, end);
    let (s, e) = index.trimmed_chars(span);
    Placed {
        span,
        start: s,
        end: e,
        tag,
        unit: 0,
    }
}

#[test]
fn trimming_ignores_edge_whitespace_and_punctuation() {
    let text = "Er sagte: „Größe zählt.“ Fertig";
    let index = CharIndex::new(text);
    // "„Größe zählt.“ " trimmed to "Größe zählt" = 11 chars.
    let start = text.find('„').unwrap();
    let end = text.find("Fertig").unwrap();
    let (s, e) = index.trimmed_chars(Span::new(start, end));
    assert_eq!(e - s, 11);
    assert_eq!(index.num_chars() as usize, text.chars().count());
}

#[test]
fn overlap_needs_half_of_the_shorter_passage() {
    let text = "aaaaaaaaaa bbbbbbbbbb cccccccccc";
    let index = CharIndex::new(text);
    let key = placed(&index, 0, 10, 0); // 10 chars
    let half = placed(&index, 5, 21, 0); // shares 5 of the key's 10: enough
    let less = placed(&index, 6, 21, 0); // shares 4: not enough
    assert_eq!(overlap_enough(&key, &half), Some(5));
    assert_eq!(overlap_enough(&key, &less), None);
    // Punctuation and spaces at the edges do not count: " aaaaa," is 5 chars.
    let padded = CharIndex::new("xxxxx aaaaa, yyyyy");
    let a = placed(&padded, 5, 12, 0);
    let b = placed(&padded, 6, 11, 1);
    assert_eq!(overlap_enough(&a, &b), Some(5));
}

#[test]
fn overlap_pairs_one_to_one_by_greatest_overlap() {
    let text = "0123456789 0123456789 0123456789";
    let index = CharIndex::new(text);
    let key = [placed(&index, 0, 10, 0), placed(&index, 11, 21, 1)];
    // Student 0 covers most of key 0; student 1 covers key 0 a little less and key 1 well.
    let student = [
        placed(&index, 0, 9, 0),
        placed(&index, 2, 21, 1),
        placed(&index, 22, 32, 2),
    ];
    let pairing = pair(&key, &student, MatchMode::Overlap);
    assert_eq!(pairing.pairs, vec![(0, 0), (1, 1)]);
    assert!(pairing.unpaired_key.is_empty());
    assert_eq!(pairing.unpaired_student, vec![2]);
}

#[test]
fn exact_needs_the_same_span() {
    let text = "0123456789 0123456789";
    let index = CharIndex::new(text);
    let key = [placed(&index, 0, 10, 0), placed(&index, 11, 21, 0)];
    let student = [placed(&index, 0, 10, 1), placed(&index, 11, 20, 0)];
    let pairing = pair(&key, &student, MatchMode::Exact);
    assert_eq!(pairing.pairs, vec![(0, 0)]);
    assert_eq!(pairing.unpaired_key, vec![1]);
    assert_eq!(pairing.unpaired_student, vec![1]);
}

#[test]
fn token_mode_gives_each_word_its_tags() {
    let text = "Laut Studie: 5,5 Milliarden.";
    let all_words = words(text);
    assert_eq!(all_words.len(), 5); // Laut, Studie, 5, 5, Milliarden
    let index = CharIndex::new(text);
    let passages = [placed(&index, 0, 11, 1), placed(&index, 5, 27, 0)];
    let masks = word_tags(&all_words, &passages);
    assert_eq!(masks, vec![0b10, 0b11, 0b01, 0b01, 0b01]);
}

#[test]
fn modes_parse_and_print() {
    for mode in [MatchMode::Exact, MatchMode::Overlap, MatchMode::Token] {
        assert_eq!(mode.name().parse::<MatchMode>(), Ok(mode));
    }
    assert!("fuzzy".parse::<MatchMode>().is_err());
    assert_eq!(MatchMode::default(), MatchMode::Overlap);
}
