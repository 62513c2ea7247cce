//! Hand-computed scores of small classes in every mode.

use super::super::{CodedArticle, Coding, MatchMode, Unit, score_class};
use crate::model::default_tags;
use crate::text::Span;

const TEXT: &str =
    "Laut Studie stieg der Handel stark. Das ist gut. Moskau bestreitet das. Der Export wuchs.";

fn unit(quote: &str, tag: &str, speaker: &str) -> Unit {
    let start = TEXT.find(quote).unwrap();
    Unit {
        span: Span::new(start, start + quote.len()),
        tag: tag.into(),
        speaker: speaker.into(),
        note: format!("note on {quote}"),
    }
}

fn coding(name: &str, units: Vec<Unit>) -> Coding {
    Coding {
        name: name.into(),
        tags: default_tags(),
        articles: vec![CodedArticle {
            title: "Handel".into(),
            text: TEXT.into(),
            units,
        }],
    }
}

fn key() -> Coding {
    coding(
        "Key",
        vec![
            unit(
                "Laut Studie stieg der Handel stark.",
                "attribution",
                "Dr. Studie",
            ),
            unit("Das ist gut.", "opinion", ""),
            unit("Moskau bestreitet das.", "denial", "Moskau"),
        ],
    )
}

#[test]
fn perfect_student_scores_one() {
    let result = score_class(&key(), &[key()], MatchMode::Overlap, Vec::new());
    let student = &result.students[0];
    assert_eq!(student.overall.matches, 3);
    assert_eq!(student.overall.f1, Some(1.0));
    assert_eq!(student.speakers.right, 2);
    assert!(student.findings.is_empty());
    assert_eq!(student.kappa_vs_key, Some(1.0));
}

#[test]
fn typical_mistakes_are_counted_once_each() {
    let student = coding(
        "Ann",
        vec![
            // Boundary too wide by one char at the end (the space), same tag, speaker "studie".
            unit(
                "Laut Studie stieg der Handel stark. ",
                "attribution",
                "studie",
            ),
            // Opinion taken for a claim.
            unit("Das ist gut.", "claim", ""),
            // The denial missed; instead a claim on "Moskau".
            unit("Moskau", "claim", ""),
        ],
    );
    let result = score_class(&key(), &[student], MatchMode::Overlap, Vec::new());
    let ann = &result.students[0];
    // "Moskau" (6 chars) shares all of its chars with the denial: half of the shorter one.
    let counts = |tag: &str| {
        let s = ann.by_tag.iter().find(|s| s.tag == tag).unwrap();
        (s.matches, s.misses, s.extras)
    };
    assert_eq!(counts("attribution"), (1, 0, 0));
    assert_eq!(counts("opinion"), (0, 1, 0));
    assert_eq!(counts("claim"), (0, 0, 2));
    assert_eq!(counts("denial"), (0, 1, 0));
    assert_eq!(ann.speakers.right, 1);
    assert_eq!(ann.drift.num_pairs, 3);
    assert_eq!(ann.confusions.len(), 2);
    assert!(
        ann.confusions
            .iter()
            .any(|c| c.key_tag == "opinion" && c.student_tag == "claim")
    );
    let attribution_drift = ann.drift.mean_end_chars; // +1 over 3 pairs, 0 and -16 for "Moskau"
    assert!((attribution_drift - (1.0 - 16.0) / 3.0).abs() < 1e-9);
}

#[test]
fn exact_mode_rejects_a_wider_span() {
    let student = coding(
        "Ben",
        vec![unit(
            "Laut Studie stieg der Handel stark. ",
            "attribution",
            "",
        )],
    );
    let result = score_class(&key(), &[student], MatchMode::Exact, Vec::new());
    let ben = &result.students[0];
    assert_eq!(
        (ben.overall.matches, ben.overall.misses, ben.overall.extras),
        (0, 3, 1)
    );
    assert_eq!(result.mode, MatchMode::Exact);
}

#[test]
fn token_mode_counts_words() {
    // Only "Das ist gut." as claim: 3 words, key says opinion.
    let student = coding("Cem", vec![unit("Das ist gut.", "claim", "")]);
    let result = score_class(&key(), &[student], MatchMode::Token, Vec::new());
    let cem = &result.students[0];
    let by = |tag: &str| cem.by_tag.iter().find(|s| s.tag == tag).unwrap().clone();
    assert_eq!((by("opinion").misses, by("claim").extras), (3, 3));
    assert_eq!(by("attribution").misses, 6);
    assert_eq!(by("denial").misses, 3);
    // confusion[opinion][claim] = 3 words
    assert_eq!(result.confusion[2][0], 3);
}

#[test]
fn wrong_speaker_and_unknown_articles_are_reported() {
    let mut student = coding(
        "Dora",
        vec![unit("Moskau bestreitet das.", "denial", "Kiew")],
    );
    student.articles.push(CodedArticle {
        title: "Elsewhere".into(),
        text: "Another text".into(),
        units: vec![Unit {
            span: Span::new(0, 7),
            tag: "claim".into(),
            speaker: String::new(),
            note: String::new(),
        }],
    });
    let empty = Coding {
        name: "Empty".into(),
        ..Coding::default()
    };
    let result = score_class(&key(), &[student, empty], MatchMode::Overlap, Vec::new());
    let dora = &result.students[0];
    assert_eq!(dora.speakers.wrong, 1);
    assert_eq!(dora.unknown_articles, vec![("Elsewhere".to_owned(), 1)]);
    assert_eq!(
        result.students[1].missing_articles,
        vec!["Handel".to_owned()]
    );
    // The passage table: the denial found by 1 of the 1 students who had the article.
    let denial = result
        .passages
        .iter()
        .find(|p| p.key_tag == "denial")
        .unwrap();
    assert_eq!(
        (denial.num_students, denial.num_found, denial.num_right_tag),
        (1, 1, 1)
    );
}

#[test]
fn class_extras_need_a_third_of_the_class() {
    let extra = || unit("Der Export wuchs.", "claim", "");
    let students: Vec<Coding> = (0..6)
        .map(|i| {
            coding(
                &format!("S{i}"),
                if i < 2 { vec![extra()] } else { Vec::new() },
            )
        })
        .collect();
    let result = score_class(&key(), &students, MatchMode::Overlap, Vec::new());
    // A sentence the key left untagged: an extra for 2 of 6 students.
    assert_eq!(result.class_extras.len(), 1);
    assert_eq!(result.class_extras[0].num_students, 2);
    let one_only: Vec<Coding> = students.into_iter().skip(1).collect();
    let result = score_class(&key(), &one_only, MatchMode::Overlap, Vec::new());
    assert!(result.class_extras.is_empty());
}

#[test]
fn articles_are_matched_by_text_not_title() {
    let mut student = key();
    student.articles[0].title = "Ganz anderer Titel".into();
    let mut same_title = coding("Eve", vec![unit("Das ist gut.", "opinion", "")]);
    same_title.articles[0].text.push_str(" Nachtrag.");
    let result = score_class(
        &key(),
        &[student, same_title],
        MatchMode::Overlap,
        Vec::new(),
    );
    assert_eq!(result.students[0].overall.matches, 3);
    assert!(result.students[0].unknown_articles.is_empty());
    // Same title, other text: not the key's article; reported, not scored.
    assert_eq!(
        result.students[1].unknown_articles,
        vec![("Handel".to_owned(), 1)]
    );
    assert_eq!(
        result.students[1].missing_articles,
        vec!["Handel".to_owned()]
    );
}
