//! How strongly a sentence claims what it says, in German and English, so that a retelling
//! can be called stronger or weaker than its source.
//!
//! Two scales. The **finding**: no relation, a correlation ("is associated with", "hängt
//! zusammen mit"), a conditional or hedged cause ("may reduce", "könnte senken") or a direct
//! cause ("reduces", "führt zu"), the scale of Sumner et al. (2014) that InSciOut annotates.
//! The **certainty**: possible ("plausibel", "might"), probable ("wahrscheinlich",
//! "likely"), plain, or certain ("ist überzeugt", "belegt", "clearly").
//!
//! A correlation named outright ("associated with") decides the finding; else the first
//! causal cue, else the first comparison ("higher"). The first certainty cue decides the
//! certainty. A negated cue ("not associated", "nicht belegt", "schützt nicht") does not count
//! as that cue, and a causal cue with a modal in the four words before it, within its clause,
//! is conditional.

use super::classify::side::Side;
use super::wordlists::{ListKind, WordLists};
use crate::text::Span;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// Words looked back from a cue for a negation or a modal.
const LOOK_BACK: usize = 4;

/// What relation between two things a sentence claims.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Finding {
    /// No relation is claimed.
    #[default]
    None,
    /// The two go together: "is associated with", "häufiger bei".
    Correlation,
    /// One may cause the other: "may reduce", "könnte führen zu".
    ConditionalCause,
    /// One causes the other: "reduces", "führt zu".
    DirectCause,
}

impl Finding {
    /// "no relation", "correlation", "possible cause", "cause".
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Finding::None => "no relation",
            Finding::Correlation => "correlation",
            Finding::ConditionalCause => "possible cause",
            Finding::DirectCause => "cause",
        }
    }
}

/// How sure a sentence says it is.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Certainty {
    /// "plausibel", "möglich", "might".
    Possible,
    /// "wahrscheinlich", "dürfte", "likely".
    Probable,
    /// Said without a marker.
    #[default]
    Plain,
    /// "ist überzeugt", "belegt", "clearly".
    Certain,
}

impl Certainty {
    /// "possible", "probable", "plain", "certain".
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Certainty::Possible => "possible",
            Certainty::Probable => "probable",
            Certainty::Plain => "plain",
            Certainty::Certain => "certain",
        }
    }
}

/// The strength of a sentence (or of the sentences of one side of a row), with the words
/// that decided it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimStrength {
    /// The relation claimed.
    pub finding: Finding,
    /// Where the finding's cue is (with its modal, if any).
    pub finding_span: Option<Span>,
    /// How sure it is.
    pub certainty: Certainty,
    /// Where the certainty's cue is.
    pub certainty_span: Option<Span>,
}

impl ClaimStrength {
    /// Whether `self` (the retelling) claims more, less or as much as `source`: the finding
    /// first, then the certainty.
    #[must_use]
    pub fn compared_to(&self, source: &ClaimStrength) -> Ordering {
        self.finding
            .cmp(&source.finding)
            .then(self.certainty.cmp(&source.certainty))
    }
}

/// The strength of `text` (all its sentences as one).
///
/// ```
/// use lateral::compare::{claim_strength, Certainty, Finding};
/// let source = claim_strength("Coffee intake is associated with a lower risk of MS.");
/// let retold = claim_strength("Coffee protects against MS.");
/// assert_eq!(source.finding, Finding::Correlation);
/// assert_eq!(retold.finding, Finding::DirectCause);
/// let hedged = claim_strength("Sie hält einen Einsatz für plausibel.");
/// let sure = claim_strength("Sie ist überzeugt: Die Wahrscheinlichkeit ist hoch!");
/// assert_eq!((hedged.certainty, sure.certainty), (Certainty::Possible, Certainty::Certain));
/// ```
#[must_use]
pub fn claim_strength(text: &str) -> ClaimStrength {
    static BUILTIN: std::sync::OnceLock<WordLists> = std::sync::OnceLock::new();
    claim_strength_with(text, BUILTIN.get_or_init(WordLists::builtin))
}

/// The strength of `text` with these word lists (`certainty_*`, `cause_*` and
/// `finding_negations` decide it).
#[must_use]
pub fn claim_strength_with(text: &str, lists: &WordLists) -> ClaimStrength {
    let doc = super::Document::new(text, &[]);
    let sentences: Vec<usize> = (0..doc.num_sentences()).collect();
    strength(&Side::new(&doc, &sentences), lists)
}

/// The strength of one side of a row.
pub(super) fn strength(side: &Side, lists: &WordLists) -> ClaimStrength {
    let words = &side.words;
    let is_negation = |k: usize| {
        lists.list(ListKind::FindingNegation).match_at(words, k) == Some(1)
            || words[k].ends_with("n't")
    };
    // Words within the cue's clause: a window stops at punctuation (and so at a sentence end).
    let before = |i: usize| {
        (i.saturating_sub(LOOK_BACK)..i)
            .rev()
            .take_while(move |&k| !side.boundary_between(k, i))
    };
    // A negation before the cue ("nicht belegt", "not associated"), or right after a German
    // finite verb ("schützt nicht vor", "belegt nicht, dass").
    let negated = |i: usize| {
        before(i).any(is_negation)
            || (i + 1..(i + 3).min(words.len()))
                .take_while(|&k| !side.boundary_between(i, k))
                // "erhöht nicht nur …, sondern auch …" affirms.
                .any(|k| is_negation(k) && words.get(k + 1).is_none_or(|w| w != "nur"))
    };
    let modal = lists.list(ListKind::CauseModal);
    let modal_before = |i: usize| before(i).find(|&k| modal.match_at(words, k) == Some(1));
    let mut strength = ClaimStrength::default();
    // Correlation cues that name the relation outright come before causal verbs: "is
    // associated with an increased risk" claims a correlation.
    let correlation = (0..words.len()).find_map(|i| {
        correlation_at(words, i)
            .filter(|&(len, outright)| outright && len > 0 && !negated(i))
            .map(|(len, _)| (i, len))
    });
    let cause = || {
        (0..words.len()).find_map(|i| {
            cause_at(words, i, lists)
                .filter(|_| !negated(i))
                .map(|len| (i, len))
        })
    };
    let comparison = || {
        (0..words.len()).find_map(|i| {
            correlation_at(words, i)
                .filter(|&(len, _)| len > 0 && !negated(i))
                .map(|(len, _)| (i, len))
        })
    };
    if let Some((i, len)) = correlation {
        strength.finding = Finding::Correlation;
        strength.finding_span = Some(side.span(i, i + len - 1));
    } else if let Some((i, len)) = cause() {
        if let Some(modal) = modal_before(i) {
            strength.finding = Finding::ConditionalCause;
            strength.finding_span = Some(side.span(modal, i + len - 1));
        } else {
            strength.finding = Finding::DirectCause;
            strength.finding_span = Some(side.span(i, i + len - 1));
        }
    } else if let Some((i, len)) = comparison() {
        strength.finding = Finding::Correlation;
        strength.finding_span = Some(side.span(i, i + len - 1));
    }
    if let Some((i, len, certainty)) = (0..words.len()).find_map(|i| {
        certainty_at(words, i, lists).map(|(len, certainty)| {
            // "nicht belegt", "not proven": a certainty denied is a doubt.
            let certainty = if certainty == Certainty::Certain && negated(i) {
                Certainty::Possible
            } else {
                certainty
            };
            (i, len, certainty)
        })
    }) {
        strength.certainty = certainty;
        strength.certainty_span = Some(side.span(i, i + len - 1));
    }
    strength
}

/// A correlation cue at word `i`: its length in words and whether it names the relation
/// outright (else it is a comparison such as "higher", which a causal verb outranks).
fn correlation_at(words: &[String], i: usize) -> Option<(usize, bool)> {
    let w = words[i].as_str();
    let next = words.get(i + 1).map_or("", String::as_str);
    let outright = match w {
        "associated" | "verbunden" | "verknüpft" if matches!(next, "with" | "mit") => 2,
        "related" | "tend" | "tends" if next == "to" => 2,
        "more" | "less" if next == "likely" => 2,
        "at" if next == "risk" || words.get(i + 2).is_some_and(|w| w == "risk") => 2,
        "risk" if matches!(next, "factor" | "marker") => 2,
        "increased" | "reduced" | "higher" | "lower" | "greater" | "erhöhtes" | "erhöhten"
        | "höheres" | "höheren" | "geringeres" | "geringeren"
            if matches!(next, "risk" | "risiko") =>
        {
            2
        }
        "association" | "associations" | "linked" | "link" | "links" | "linking" | "correlated"
        | "correlate" | "correlates" | "correlation" | "correlations" | "relationship"
        | "connection" | "predictor" | "predictive" | "zusammenhang" | "zusammenhänge"
        | "korreliert" | "korrelieren" | "korrelation" | "einher" | "risikofaktor"
        | "wahrscheinlicher" => 1,
        "zusammen"
            if words[i.saturating_sub(8)..i]
                .iter()
                .any(|w| w.starts_with("häng")) =>
        {
            1
        }
        _ => 0,
    };
    if outright > 0 {
        return Some((outright, true));
    }
    matches!(
        w,
        "higher" | "lower" | "greater" | "häufiger" | "seltener" | "höher" | "niedriger"
    )
    .then_some((1, false))
}

/// A causal cue at word `i`, with its length in words.
fn cause_at(words: &[String], i: usize, lists: &WordLists) -> Option<usize> {
    let w = words[i].as_str();
    let next = words.get(i + 1).map_or("", String::as_str);
    match w {
        "lead" | "leads" | "led" | "leading" => return (next == "to").then_some(2),
        "result" | "results" | "resulted" | "resulting" => return (next == "in").then_some(2),
        "führt" | "führen" | "führte" | "führten" => {
            return words[i + 1..(i + 8).min(words.len())]
                .iter()
                .position(|w| w == "zu" || w == "zum" || w == "zur")
                .map(|k| k + 2);
        }
        // "könnte zu höheren Preisen führen": the cue runs from "zu" to the verb.
        "zu" | "zum" | "zur" => {
            return words[i + 1..(i + 8).min(words.len())]
                .iter()
                .position(|w| matches!(w.as_str(), "führen" | "geführt" | "führt" | "führte"))
                .map(|k| k + 2);
        }
        "sorgt" | "sorgen" | "sorgte" => return (next == "für").then_some(2),
        "due" | "because" | "role" | "cure" | "cures" | "treat" | "treats" | "makes" | "make"
        | "made" | "lowers" | "lowering" | "senkt" | "senken" => return Some(1),
        // "may lower the risk", "to lower it", but not "lower mortality".
        "lower" => {
            let before = i.checked_sub(1).map_or("", |k| words[k].as_str());
            let is_modal =
                i > 0 && lists.list(ListKind::CauseModal).match_at(words, i - 1) == Some(1);
            let verb = is_modal
                || matches!(before, "to" | "will" | "does" | "do")
                || matches!(next, "the" | "a" | "an" | "their" | "its" | "his" | "her");
            return verb.then_some(1);
        }
        // Stems that also begin other words.
        "resultant" | "saving" | "savings" | "effectively" | "wirklich" | "wirklichkeit"
        | "helfer" | "rais" => return None,
        // "Er wirkt müde" seems; "wirkt gegen", "wirkt sich aus" acts.
        "wirkt" | "wirkte" | "wirken" | "wirkten" => {
            return matches!(next, "gegen" | "sich" | "auf" | "positiv" | "negativ").then_some(1);
        }
        // Comparatives and superlatives: "Die Partei wird stärker".
        _ if ["stärker", "schwächer", "stärkst", "schwächst"]
            .iter()
            .any(|p| w.starts_with(p)) =>
        {
            return None;
        }
        _ => {}
    }
    lists.list(ListKind::CauseStem).match_at(words, i)
}

/// A certainty cue at word `i`, with its length in words.
fn certainty_at(words: &[String], i: usize, lists: &WordLists) -> Option<(usize, Certainty)> {
    let w = words[i].as_str();
    match w {
        // "belegt Platz drei" ranks; "die Lage ist sicher" is safe.
        "belegt"
            if matches!(
                words.get(i + 1).map(String::as_str),
                Some("platz" | "rang" | "den" | "die" | "das" | "einen" | "eine")
            ) =>
        {
            return None;
        }
        "sicher"
            if !(i > 0 && words[i - 1] == "sich"
                || matches!(words.get(i + 1).map(String::as_str), Some("dass" | "ist"))) =>
        {
            return None;
        }
        // "no doubt", "ohne Zweifel".
        "doubt" | "zweifel" if i > 0 && matches!(words[i - 1].as_str(), "no" | "ohne") => {
            return Some((1, Certainty::Certain));
        }
        _ => {}
    }
    [
        (ListKind::Certain, Certainty::Certain),
        (ListKind::Probable, Certainty::Probable),
        (ListKind::Possible, Certainty::Possible),
    ]
    .into_iter()
    .find_map(|(kind, certainty)| Some((lists.list(kind).match_at(words, i)?, certainty)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strength_cues_come_from_the_lists_and_users_extend_them() {
        let mut lists = WordLists::builtin();
        let text = "Sie glaubt felsenfest, dass Kaffee vor Krebs feit.";
        assert_eq!(claim_strength_with(text, &lists), ClaimStrength::default());
        lists
            .list_mut(ListKind::Certain)
            .extend_from_text("felsenfest\n");
        lists
            .list_mut(ListKind::CauseStem)
            .extend_from_text("feit*\n");
        let strength = claim_strength_with(text, &lists);
        assert_eq!(
            (strength.certainty, strength.finding),
            (Certainty::Certain, Finding::DirectCause)
        );
        assert_eq!(
            ListKind::from_file_name("certainty_certain_fr.txt"),
            Some(ListKind::Certain)
        );
        assert_eq!(
            ListKind::from_file_name("cause_stems_mine.txt"),
            Some(ListKind::CauseStem)
        );
    }

    fn finding(text: &str) -> Finding {
        claim_strength(text).finding
    }

    #[test]
    fn findings_on_the_scale() {
        assert_eq!(finding("Residual confounding remains."), Finding::None);
        assert_eq!(
            finding("Grooming is linked to a heightened risk of infection."),
            Finding::Correlation
        );
        assert_eq!(
            finding("Treatment was associated with an increased risk of clots."),
            Finding::Correlation
        );
        assert_eq!(
            finding("Plain packaging could help prevent people taking up smoking."),
            Finding::ConditionalCause
        );
        assert_eq!(
            finding("Talking therapy improves pain."),
            Finding::DirectCause
        );
        assert_eq!(
            finding("Oral contraceptives are not associated with birth defects."),
            Finding::None
        );
        assert_eq!(
            finding("Der Konsum hängt mit einem höheren Risiko zusammen."),
            Finding::Correlation
        );
        assert_eq!(
            finding("Die Sanktionen könnten zu höheren Preisen führen."),
            Finding::ConditionalCause
        );
        assert_eq!(
            finding("Die Sanktionen führen zu höheren Preisen."),
            Finding::DirectCause
        );
        // A negation after the German verb, and none across a sentence's end.
        assert_eq!(finding("Kaffee schützt nicht vor MS."), Finding::None);
        assert_eq!(
            finding("Kaffee schützt nicht nur vor MS."),
            Finding::DirectCause
        );
        assert_eq!(
            finding("Er kam nicht. Das erhöht den Druck."),
            Finding::DirectCause
        );
        assert_eq!(
            finding("Er kann kommen. Das erhöht den Druck."),
            Finding::DirectCause
        );
    }

    #[test]
    fn certainty_and_the_words_that_decide() {
        let text = "Guseinova hält den Einsatz für plausibel.";
        let strength = claim_strength(text);
        assert_eq!(strength.certainty, Certainty::Possible);
        let span = strength.certainty_span.unwrap();
        assert_eq!(span.slice(text), Some("plausibel"));
        assert_eq!(
            claim_strength("Das ist nicht belegt.").certainty,
            Certainty::Possible
        );
        assert_eq!(
            claim_strength("The effect is clearly there.").certainty,
            Certainty::Certain
        );
        assert_eq!(claim_strength("Es regnet.").certainty, Certainty::Plain);
        assert_eq!(
            claim_strength("Die Partei belegt Platz drei.").certainty,
            Certainty::Plain
        );
        assert_eq!(
            claim_strength("Die Lage ist sicher.").certainty,
            Certainty::Plain
        );
        assert_eq!(
            claim_strength("Sie ist sich sicher, dass er kommt.").certainty,
            Certainty::Certain
        );
        assert_eq!(
            claim_strength("Die Partei wird stärker.").finding,
            Finding::None
        );
        assert_eq!(claim_strength("Er wirkt müde.").finding, Finding::None);
        assert_eq!(
            claim_strength("Das Mittel wirkt gegen Husten.").finding,
            Finding::DirectCause
        );
    }

    #[test]
    fn direction() {
        let source = claim_strength("Coffee is associated with lower risk.");
        let retold = claim_strength("Coffee may lower the risk.");
        // A correlation told as a possible cause is stronger, though "may" hedges.
        assert_eq!(retold.compared_to(&source), Ordering::Greater);
        assert_eq!(source.compared_to(&retold), Ordering::Less);
        assert_eq!(source.compared_to(&source), Ordering::Equal);
    }
}
