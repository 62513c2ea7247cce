//! Claim strength with a direction, on texts written for these tests: a hedge turned into
//! conviction, a correlation told as a cause, and a cause told as a mere link.

use lateral::compare::{ChangeKind, CompareOptions, RowKind, compare_texts};

fn strength_changes(a: &str, b: &str) -> Vec<(ChangeKind, String, String)> {
    let comparison = compare_texts(a, &[], b, &[], &CompareOptions::default());
    comparison
        .rows
        .iter()
        .flat_map(|row| &row.changes)
        .filter(|c| c.kind.is_strength())
        .map(|c| (c.kind.clone(), c.a_text.clone(), c.b_text.clone()))
        .collect()
}

const SOURCE: &str = "Die Studie untersucht die Zusammenarbeit zwischen Moskau und Pjöngjang. \
Angesichts früherer Entsendungen hält die Autorin Mira Stein den Einsatz nordkoreanischer Soldaten im Krieg für plausibel. \
Belege dafür nennt der Bericht nicht. \
Die Autorin empfiehlt, die Sanktionen zu verschärfen.";

const SENSATIONAL: &str = "Die Studie untersucht die Zusammenarbeit zwischen Moskau und Pjöngjang. \
Mira Stein ist überzeugt: Der Einsatz nordkoreanischer Soldaten im Krieg ist hoch wahrscheinlich! \
Die Autorin empfiehlt, die Sanktionen zu verschärfen.";

#[test]
fn a_hedge_turned_into_conviction_is_paired_and_flagged_stronger() {
    let comparison = compare_texts(SOURCE, &[], SENSATIONAL, &[], &CompareOptions::default());
    let row = comparison
        .rows
        .iter()
        .find(|row| row.b.iter().any(|s| s.index == 1))
        .unwrap();
    assert_eq!(row.kind, RowKind::Changed);
    assert_eq!(
        row.a.iter().map(|s| s.index).collect::<Vec<_>>(),
        [1],
        "paired with the plausibility sentence"
    );
    let change = row.changes.iter().find(|c| c.kind.is_strength()).unwrap();
    assert_eq!(
        change.kind,
        ChangeKind::ClaimStrengthened {
            from: "possible".into(),
            to: "certain".into()
        }
    );
    assert_eq!(
        (change.a_text.as_str(), change.b_text.as_str()),
        ("plausibel", "überzeugt")
    );
    assert_eq!(
        change.kind.heading(),
        "claim strengthened (possible → certain)"
    );
    assert_eq!(comparison.summary.strength, 1);
}

#[test]
fn a_correlation_told_as_a_possible_cause_is_stronger_though_may_hedges() {
    let changes = strength_changes(
        "Drinking more coffee is associated with a lower risk of multiple sclerosis.",
        "Drinking more coffee may lower the risk of multiple sclerosis.",
    );
    assert_eq!(
        changes,
        [(
            ChangeKind::ClaimStrengthened {
                from: "correlation".into(),
                to: "possible cause".into()
            },
            "associated with".into(),
            "may lower".into()
        )]
    );
}

#[test]
fn a_cause_told_as_a_link_is_weaker_and_equal_claims_are_quiet() {
    let changes = strength_changes(
        "Die Sanktionen führen zu höheren Preisen für Getreide.",
        "Die Sanktionen hängen mit höheren Preisen für Getreide zusammen.",
    );
    assert_eq!(
        changes.iter().map(|c| c.0.clone()).collect::<Vec<_>>(),
        [ChangeKind::ClaimWeakened {
            from: "cause".into(),
            to: "correlation".into()
        }]
    );
    assert!(
        strength_changes(
            "Laughter raises pain thresholds, the study finds.",
            "Laughter raises pain thresholds, researchers say."
        )
        .is_empty()
    );
}

#[test]
fn two_single_sentences_always_share_a_row() {
    let comparison = compare_texts(
        "Use of the urgent referral pathway could be efficacious.",
        &[],
        "Fast-track referrals by family doctors are saving lives.",
        &[],
        &CompareOptions::default(),
    );
    assert_eq!(comparison.rows.len(), 1);
    assert_eq!(comparison.rows[0].kind, RowKind::Changed);
    assert_eq!(comparison.summary.strength, 1);
}

#[test]
fn a_sentence_on_one_side_only_still_reports_its_hedges_and_negations() {
    let a = "Kim traf Putin am Montag in Wostotschny. Die Gespräche dauerten vier Stunden lang.";
    let b = "Kim traf Putin am Montag in Wostotschny. Die Gespräche dauerten vier Stunden lang. \
             Eine Einigung gab es möglicherweise nicht.";
    let comparison = compare_texts(a, &[], b, &[], &CompareOptions::default());
    let added = comparison
        .rows
        .iter()
        .find(|row| row.kind == RowKind::OnlyB)
        .expect("the new sentence has a row of its own");
    let kinds: Vec<ChangeKind> = added.changes.iter().map(|c| c.kind.clone()).collect();
    assert!(
        kinds.contains(&ChangeKind::HedgeAdded {
            hedge: "möglicherweise".into()
        }),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&ChangeKind::NegationAdded {
            word: "nicht".into()
        }),
        "{kinds:?}"
    );
}

#[test]
fn a_sentence_that_shares_only_a_figure_is_a_weak_counterpart_and_still_compared() {
    let a = "Der Rat tagte am Montag. \
        Eine Entsendung von mehr als 20.000 Soldaten scheint unwahrscheinlich. \
        Das Wetter war gut.";
    let b = "Der Rat tagte am Montag. \
        Dem Fazit zufolge können bis zu 20.000 Kämpfer geschickt werden. \
        Der Himmel war blau.";
    let comparison = compare_texts(a, &[], b, &[], &CompareOptions::default());
    let weak: Vec<_> = comparison
        .rows
        .iter()
        .filter(|row| row.kind == RowKind::Weak)
        .collect();
    assert_eq!(weak.len(), 1);
    assert_eq!(weak[0].evidence, ["20.000"]);
    assert!(weak[0].score < CompareOptions::default().min_sentence_similarity);
    assert_eq!(comparison.summary.weak, 1);
    // Compared like a pair: the hedge that changed and the source that appeared are named.
    let kinds: Vec<&str> = weak[0].changes.iter().map(|c| c.kind.label()).collect();
    assert!(kinds.contains(&"hedge changed"), "{kinds:?}");
    assert!(kinds.contains(&"attribution changed"), "{kinds:?}");
    // The weather and the sky share no figure and no name: they stay one-sided.
    assert_eq!(comparison.summary.only_a, 1);
    assert_eq!(comparison.summary.only_b, 1);
}
