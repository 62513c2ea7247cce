//! "Attribution changed" names who is cited on each side, on texts written for this test.

use lateral::compare::{ChangeKind, CompareOptions, compare_texts};

#[test]
fn an_attribution_change_names_the_speakers() {
    let a =
        "Die Forscherin Guseinova sagte, die Lieferungen seien bis zu 5,5 Milliarden Dollar wert.";
    let b = "Laut dem Bericht sind die Lieferungen bis zu 5,5 Milliarden Dollar wert.";
    let comparison = compare_texts(a, &[], b, &[], &CompareOptions::default());
    let change = comparison
        .changes()
        .find(|c| matches!(c.kind, ChangeKind::AttributionChanged { .. }))
        .expect("an attribution change");
    let ChangeKind::AttributionChanged {
        from_speaker,
        to_speaker,
        ..
    } = &change.kind
    else {
        unreachable!()
    };
    assert_eq!(from_speaker.as_deref(), Some("Die Forscherin Guseinova"));
    assert_eq!(to_speaker.as_deref(), Some("dem Bericht"));
    assert_eq!(
        change.kind.heading(),
        "attribution changed (Die Forscherin Guseinova → dem Bericht)"
    );
    // The JSON of a comparison carries them.
    let json = serde_json::to_string(&comparison).unwrap();
    assert!(json.contains("\"to_speaker\":\"dem Bericht\""), "{json}");
}

#[test]
fn the_same_speaker_with_another_verb_is_named_once() {
    let a = "Die Lieferungen sind bis zu 5,5 Milliarden Dollar wert, sagt Guseinova.";
    let b = "Guseinova ist überzeugt: Die Lieferungen sind bis zu 5,5 Milliarden Dollar wert.";
    let comparison = compare_texts(a, &[], b, &[], &CompareOptions::default());
    let change = comparison
        .changes()
        .find(|c| matches!(c.kind, ChangeKind::AttributionChanged { .. }))
        .expect("an attribution change");
    assert_eq!(
        change.kind.heading(),
        "attribution changed (Guseinova both times)"
    );
    assert_eq!(
        (change.a_text.as_str(), change.b_text.as_str()),
        ("sagt Guseinova", "Guseinova ist überzeugt")
    );
}
