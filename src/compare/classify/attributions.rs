//! Who is said to say it: attribution cues and their speakers on each side.

use super::pair_up;
use super::side::{Found, Side};
use crate::compare::result::{Change, ChangeKind};
use crate::text::Span;

/// The attribution change between two cues, with the speakers the attribution detector
/// finds for them on each side.
pub(super) fn attribution_changes(
    a: &Side,
    b: &Side,
    in_a: &[Found],
    in_b: &[Found],
) -> Vec<Change> {
    let (speakers_a, speakers_b) = (side_speakers(a), side_speakers(b));
    pair_up(a, b, in_a, in_b, |from, to| {
        ChangeKind::AttributionChanged {
            from: from.map(|f| f.key.clone()),
            to: to.map(|t| t.key.clone()),
            from_speaker: from.and_then(|f| speaker_of(&speakers_a, f)),
            to_speaker: to.and_then(|t| speaker_of(&speakers_b, t)),
        }
    })
}

/// The cues of `side` with the speaker each names, found by
/// [`crate::text::attribution::find_attributions`] over the side's text.
pub(super) fn side_speakers(side: &Side) -> Vec<(Vec<Span>, String)> {
    let tokens = side.doc.tokens();
    let (Some(first), Some(last)) = (
        side.all_tokens.first().and_then(|&i| tokens.get(i)),
        side.all_tokens.last().and_then(|&i| tokens.get(i)),
    ) else {
        return Vec::new();
    };
    let start = first.span.start;
    let Some(text) = side.doc.text().get(start..last.span.end) else {
        return Vec::new();
    };
    let shift = |span: Span| Span::new(span.start + start, span.end + start);
    crate::text::attribution::find_attributions(text)
        .into_iter()
        .filter_map(|found| {
            let speaker = found.speaker?.slice(text)?.to_owned();
            Some((found.cue.into_iter().map(shift).collect(), speaker))
        })
        .collect()
}

/// The speaker of the detected cue that overlaps the phrase `found`.
pub(super) fn speaker_of(speakers: &[(Vec<Span>, String)], found: &Found) -> Option<String> {
    speakers
        .iter()
        .find(|(cue, _)| {
            cue.iter()
                .any(|s| s.start < found.span.end && found.span.start < s.end)
        })
        .map(|(_, speaker)| speaker.clone())
}
