//! The comparison engine on the five sample articles: the rewrite is found as the source's
//! nearest relative, and every changed number, name, hedge and attribution between the two is
//! in the change list.

// Test helpers outside #[test] functions unwrap too: a failure there is a test failure.

use lateral::compare::similarity::{PairScore, near_duplicates_of_shingles};
use lateral::compare::{
    ChangeKind, CompareOptions, Comparison, Document, RowKind, compare_articles, compare_texts,
};
use lateral::io::import::import_file;
use lateral::model::{Article, ArticleId};
use std::path::PathBuf;

const SOURCE: &str = "fnf-studie-waffenhandel-2024.txt";
const REWRITE: &str = "rewrite-militaerhilfe-milliarden-2024.txt";
const SAMPLES: [&str; 5] = [
    "asmolov-riac-2024.txt",
    SOURCE,
    "fnf-wostotschny-2023.txt",
    "gea-fragen-antworten-2024.txt",
    REWRITE,
];

fn sample(name: &str) -> Article {
    let position = SAMPLES.iter().position(|s| *s == name).unwrap() as u64;
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name);
    import_file(&path, ArticleId(position + 1)).unwrap()
}

fn source_vs_rewrite() -> Comparison {
    compare_articles(
        &sample(SOURCE),
        &sample(REWRITE),
        &CompareOptions::default(),
    )
}

/// Whether some change has this kind.
fn has(comparison: &Comparison, wanted: impl Fn(&ChangeKind) -> bool) -> bool {
    comparison.changes().any(|change| wanted(&change.kind))
}

#[test]
fn the_rewrite_is_the_nearest_relative_of_its_source() {
    let articles: Vec<Article> = SAMPLES.iter().map(|name| sample(name)).collect();
    let shingled: Vec<(ArticleId, Vec<u64>)> = articles
        .iter()
        .map(|a| {
            let furniture: Vec<_> = a.active_furniture().map(|f| f.span).collect();
            (a.id, Document::new(a.text(), &furniture).shingles())
        })
        .collect();
    let pairs = near_duplicates_of_shingles(&shingled, 0.0);
    let nearest = |article: &Article| -> ArticleId {
        let best: &PairScore = pairs
            .iter()
            .find(|p| p.a == article.id || p.b == article.id)
            .unwrap();
        if best.a == article.id { best.b } else { best.a }
    };
    let (source, rewrite) = (sample(SOURCE), sample(REWRITE));
    assert_eq!(nearest(&source), rewrite.id);
    assert_eq!(nearest(&rewrite), source.id);
    // Grouping at a sensible threshold puts exactly these two together.
    let grouped =
        lateral::compare::similarity::group(&near_duplicates_of_shingles(&shingled, 0.08));
    assert_eq!(grouped, [vec![source.id, rewrite.id]]);
}

#[test]
fn hedges_that_changed_are_listed() {
    let comparison = source_vs_rewrite();
    let changed = |from: &str, to: &str| {
        has(
            &comparison,
            |k| matches!(k, ChangeKind::HedgeChanged { from: f, to: t } if f == from && t == to),
        )
    };
    // "bis zu 5,5 Milliarden" became "könnten sich auf 5,5 Milliarden … belaufen".
    assert!(changed("bis zu", "könnten"));
    // "mehr als 20.000 Soldaten unwahrscheinlich" became "bis zu 20.000 nordkoreanische Soldaten".
    assert!(changed("mehr als", "bis zu"));
    // "etwa 34,4 Millionen" became "rund 34,4 Millionen".
    assert!(changed("etwa", "rund"));
    // "sollten die EU und ihre Partner" became "müssen".
    assert!(changed("sollten", "müssen"));
    // "mehr als 24 solcher Treffen" became "bereits 24 solcher Treffen".
    let rewrite = sample(REWRITE);
    let row = comparison.rows.iter().find(|r| {
        r.b.iter()
            .any(|s| s.span.slice(rewrite.text()).unwrap().contains("24 solcher"))
    });
    assert!(row.unwrap().changes.iter().any(|c| c.kind
        == ChangeKind::HedgeDropped {
            hedge: "mehr als".into()
        }));
}

#[test]
fn names_that_changed_are_listed() {
    let comparison = source_vs_rewrite();
    let renamed = |from: &str, to: &str| {
        has(
            &comparison,
            |k| matches!(k, ChangeKind::NameChanged { from: f, to: t } if f == from && t == to),
        )
    };
    assert!(renamed("Olena", "Elena"));
    assert!(renamed("Hankuk", "Hanguk"));
    // Inflections are not respellings.
    assert!(!has(
        &comparison,
        |k| matches!(k, ChangeKind::NameChanged { from, .. } if from.starts_with("Russland"))
    ));
}

#[test]
fn attributions_that_changed_are_listed() {
    let comparison = source_vs_rewrite();
    let attribution = |from_part: Option<&str>, to_part: Option<&str>| {
        has(&comparison, |k| match k {
            ChangeKind::AttributionChanged { from, to, .. } => {
                let matches = |side: &Option<String>, part: Option<&str>| match (side, part) {
                    (Some(text), Some(part)) => text.contains(part),
                    (None, None) => true,
                    _ => false,
                };
                matches(from, from_part) && matches(to, to_part)
            }
            _ => false,
        })
    };
    assert!(attribution(Some("Ihrer Analyse zufolge"), None));
    assert!(attribution(None, Some("Dem Fazit zufolge")));
    assert!(attribution(None, Some("heißt es im Bericht")));
    assert!(attribution(None, Some("davon überzeugt")));
    assert!(attribution(
        Some("Die FNF-Analyse empfiehlt"),
        Some("Analyse des Fonds wird empfohlen")
    ));
    // Sentences of the rewrite without a counterpart still report whom they cite.
    assert!(attribution(
        None,
        Some("Die Autoren des Berichts argumentieren")
    ));
    assert!(attribution(None, Some("Es wird darauf hingewiesen")));
    assert!(attribution(Some("sagt Guseinova"), None));
}

#[test]
fn numbers_are_compared_by_value() {
    let comparison = source_vs_rewrite();
    // 5,5 Milliarden, 20.000, 52,9 and 34,4 Millionen and 24 are in both: never "changed".
    for value in [5.5e9, 20_000.0, 52.9e6, 34.4e6, 24.0] {
        assert!(!has(
            &comparison,
            |k| matches!(k, ChangeKind::NumberChanged { from, .. } if (*from - value).abs() < 1.0)
        ));
    }
    // The conservative estimate and the size of the North's economy are left out.
    assert!(has(&comparison, |k| *k
        == ChangeKind::NumberDropped { value: 1.7e9 }));
    assert!(has(&comparison, |k| *k
        == ChangeKind::NumberDropped { value: 23.7e9 }));
    // The rewrite adds the NATO date "28. Oktober".
    assert!(has(&comparison, |k| *k
        == ChangeKind::NumberAdded { value: 28.0 }));
    let a = "Guseinova schätzt 5,5 Milliarden US-Dollar und 24 Treffen in Seoul im Jahr 2023.";
    let b = "Guseinova estimates 5.5 billion US-Dollar and 26 meetings in Seoul in 2023.";
    let english = compare_texts(a, &[], b, &[], &CompareOptions::default());
    let numbers: Vec<&ChangeKind> = english
        .changes()
        .map(|c| &c.kind)
        .filter(|k| k.label().starts_with("number"))
        .collect();
    assert_eq!(
        numbers,
        [&ChangeKind::NumberChanged {
            from: 24.0,
            to: 26.0
        }]
    );
}

#[test]
fn negations_are_listed() {
    let comparison = source_vs_rewrite();
    // "um die Stabilität … nicht zu gefährden" is gone from the rewrite's soldier sentence.
    assert!(has(&comparison, |k| *k
        == ChangeKind::NegationRemoved {
            word: "nicht".into()
        }));
    let a = "Russland bestätigte die Anwesenheit nordkoreanischer Soldaten in Kursk.";
    let b = "Russland bestätigte die Anwesenheit nordkoreanischer Soldaten in Kursk nicht.";
    let added = compare_texts(a, &[], b, &[], &CompareOptions::default());
    let kinds: Vec<&ChangeKind> = added.changes().map(|c| &c.kind).collect();
    assert_eq!(
        kinds,
        [&ChangeKind::NegationAdded {
            word: "nicht".into()
        }]
    );
}

#[test]
fn merged_sentences_are_aligned_as_one_row() {
    let comparison = source_vs_rewrite();
    // "In der ersten Jahreshälfte 2024 stieg …" and "Es betrug im ganzen Jahr 2023 etwa …" are
    // one sentence in the rewrite, which also keeps "So … zwischen den" of the sentence before.
    let a_text = sample(SOURCE);
    let sides = |row: &lateral::compare::AlignedRow| -> Vec<&str> {
        row.a
            .iter()
            .map(|s| s.span.slice(a_text.text()).unwrap())
            .collect()
    };
    let merged = comparison
        .rows
        .iter()
        .find(|r| sides(r).iter().any(|s| s.contains("52,9 Millionen")))
        .unwrap();
    let a_side = sides(merged);
    assert_eq!(merged.b.len(), 1, "{a_side:?}");
    assert!(
        a_side.iter().any(|s| s.contains("34,4 Millionen")) && a_side.len() <= 3,
        "{a_side:?}"
    );
}

#[test]
fn identical_texts_give_no_changes() {
    for name in SAMPLES {
        let article = sample(name);
        let comparison = compare_articles(&article, &article, &CompareOptions::default());
        assert_eq!(comparison.changes().count(), 0, "{name}");
        assert!(
            comparison
                .rows
                .iter()
                .all(|r| r.kind == RowKind::Same && !r.moved),
            "{name}"
        );
        assert!((comparison.similarity.a_in_b - 1.0).abs() < 1e-9);
    }
}

#[test]
fn the_same_sentences_in_another_order_are_aligned() {
    let source = sample(SOURCE);
    let mut lines: Vec<&str> = source.text().lines().collect();
    lines.reverse();
    let reordered = lines.join("\n");
    let comparison = compare_texts(
        source.text(),
        &[],
        &reordered,
        &[],
        &CompareOptions::default(),
    );
    for row in &comparison.rows {
        let a_side: Vec<&str> = row
            .a
            .iter()
            .map(|s| s.span.slice(source.text()).unwrap())
            .collect();
        let b_side: Vec<&str> = row
            .b
            .iter()
            .map(|s| s.span.slice(&reordered).unwrap())
            .collect();
        assert_eq!(row.kind, RowKind::Same, "{a_side:?} / {b_side:?}");
    }
    assert!(comparison.summary.moved > 10);
    assert_eq!(comparison.changes().count(), 0);
}

#[test]
fn unrelated_texts_are_hardly_aligned() {
    let rewrite = sample(REWRITE);
    for name in ["asmolov-riac-2024.txt", "fnf-wostotschny-2023.txt"] {
        let other = sample(name);
        let comparison = compare_articles(&other, &rewrite, &CompareOptions::default());
        let aligned = comparison
            .rows
            .iter()
            .filter(|r| !r.a.is_empty() && !r.b.is_empty())
            .count();
        let sentences = Document::new(rewrite.text(), &[]).num_sentences();
        assert!(
            aligned * 5 <= sentences,
            "{name}: {aligned} of {sentences} aligned"
        );
        assert!(comparison.similarity.max() < 0.05);
    }
}
