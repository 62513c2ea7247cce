//! The one place where highlight ranges become an `egui` `LayoutJob`, with the map between
//! the galley's character positions and byte offsets in the article text.

use super::theme;
use crate::model::Rgb;
use eframe::egui::{Color32, FontId, Stroke, text::LayoutJob, text::TextFormat};
use std::hash::{Hash, Hasher};
use std::ops::Range;

/// How a highlighted range looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HighlightStyle {
    /// A tagged passage; `selected` when its annotation is selected.
    Tag {
        /// Tag colour.
        colour: Rgb,
        /// Whether it is the selected annotation.
        selected: bool,
    },
    /// Page furniture, shown dimmed (or hidden).
    Furniture,
    /// A find hit; `current` for the one the find bar points at.
    SearchHit {
        /// Whether it is the current hit.
        current: bool,
    },
    /// A passage of the class overlay: the share of students who tagged it, in percent.
    ClassShare {
        /// 0 to 100.
        percent: u8,
    },
    /// Words of a compare-view row that the other article lacks: dropped from A or added in B.
    Diff {
        /// Added in B (otherwise dropped from A).
        inserted: bool,
    },
}

/// A byte range of the article text and its look.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Highlight {
    /// Bytes of the article text.
    pub range: Range<usize>,
    /// Look.
    pub style: HighlightStyle,
}

/// Parameters of a paragraph's look that are not highlights.
#[derive(Clone, Copy, Debug)]
pub struct TextLook {
    /// Article text size in points.
    pub size: f32,
    /// Dark theme.
    pub dark: bool,
    /// Whether furniture is hidden rather than dimmed.
    pub hide_furniture: bool,
    /// Wrap width in points.
    pub wrap_width: f32,
}

impl TextLook {
    /// A hash of everything that changes the layout or colours.
    #[must_use]
    pub fn key(&self) -> u64 {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        self.size.to_bits().hash(&mut hasher);
        self.dark.hash(&mut hasher);
        self.hide_furniture.hash(&mut hasher);
        self.wrap_width.round().to_bits().hash(&mut hasher);
        hasher.finish()
    }
}

/// Maps between galley character indices and article byte offsets for one paragraph.
#[derive(Clone, Debug, Default)]
pub struct CharMap {
    /// (first galley char, byte range in the article) for each shown run, in order.
    runs: Vec<(usize, Range<usize>)>,
    /// The article text of the shown runs, for char counting.
    total_chars: usize,
}

impl CharMap {
    /// The article byte offset of galley char `index` (clamped into the paragraph).
    #[must_use]
    pub fn byte_of(&self, text: &str, index: usize) -> usize {
        let Some((first, bytes)) = self.runs.iter().rev().find(|(first, _)| *first <= index) else {
            return self.runs.first().map_or(0, |(_, r)| r.start);
        };
        let run_text = text.get(bytes.clone()).unwrap_or("");
        let offset = run_text
            .char_indices()
            .nth(index - first)
            .map_or(run_text.len(), |(i, _)| i);
        bytes.start + offset
    }

    /// The galley char index of article byte `byte`, if the byte is in a shown run.
    #[must_use]
    pub fn char_of(&self, text: &str, byte: usize) -> Option<usize> {
        let (first, bytes) = self
            .runs
            .iter()
            .find(|(_, r)| r.start <= byte && byte <= r.end)?;
        Some(first + text.get(bytes.start..byte)?.chars().count())
    }

    /// Number of chars in the galley.
    #[must_use]
    pub fn total_chars(&self) -> usize {
        self.total_chars
    }
}

/// Builds the layout job of paragraph `para` (bytes of `text`) with `highlights` (any order,
/// may overlap, may reach outside the paragraph).
///
/// Overlapping tags stay readable: the outermost tag gives the background, the next one an
/// underline in its colour; more are shown by start markers drawn by the reader.
#[must_use]
pub fn paragraph_job(
    text: &str,
    para: Range<usize>,
    highlights: &[Highlight],
    look: &TextLook,
) -> (LayoutJob, CharMap) {
    let font = theme::article_font(look.size);
    // Bounds snap down to char boundaries, so that no range can cut a character (and drop
    // text from the layout).
    let snap = |mut i: usize| {
        i = i.clamp(para.start, para.end);
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let highlights: Vec<Highlight> = highlights
        .iter()
        .map(|h| Highlight {
            range: snap(h.range.start)..snap(h.range.end),
            style: h.style,
        })
        .collect();
    let mut bounds = vec![para.start, snap(para.end)];
    for h in &highlights {
        bounds.extend([h.range.start, h.range.end]);
    }
    bounds.sort_unstable();
    bounds.dedup();
    let mut job = LayoutJob::default();
    job.wrap.max_width = look.wrap_width;
    let mut map = CharMap::default();
    for window in bounds.windows(2) {
        let (start, end) = (window[0], window[1]);
        let Some(piece) = text.get(start..end) else {
            continue;
        };
        let covering: Vec<&Highlight> = highlights
            .iter()
            .filter(|h| h.range.start <= start && h.range.end >= end && h.range.start < h.range.end)
            .collect();
        let is_furniture = covering
            .iter()
            .any(|h| h.style == HighlightStyle::Furniture);
        if is_furniture && look.hide_furniture {
            continue;
        }
        map.runs.push((map.total_chars, start..end));
        map.total_chars += piece.chars().count();
        job.append(
            piece,
            0.0,
            format_for(&covering, is_furniture, &font, look.dark),
        );
    }
    (job, map)
}

fn format_for(
    covering: &[&Highlight],
    is_furniture: bool,
    font: &FontId,
    dark: bool,
) -> TextFormat {
    let mut format = TextFormat {
        font_id: font.clone(),
        color: if is_furniture {
            theme::furniture_colour(dark)
        } else {
            theme::text_colour(dark)
        },
        ..TextFormat::default()
    };
    let mut tags = covering
        .iter()
        .filter_map(|h| match h.style {
            HighlightStyle::Tag { colour, selected } => Some((
                h.range.start,
                std::cmp::Reverse(h.range.end),
                colour,
                selected,
            )),
            _ => None,
        })
        .collect::<Vec<_>>();
    tags.sort_by_key(|t| (t.0, t.1));
    if let Some(&(_, _, colour, selected)) = tags.first() {
        format.background = theme::tag_fill(colour, dark, selected);
    }
    if let Some(&(_, _, colour, selected)) = tags.get(1) {
        format.underline = Stroke::new(if selected { 3.0 } else { 2.0 }, theme::tag_colour(colour));
    } else if let Some(&(_, _, colour, true)) = tags.first() {
        format.underline = Stroke::new(2.0, theme::tag_colour(colour));
    }
    if let Some(current) = covering.iter().find_map(|h| match h.style {
        HighlightStyle::SearchHit { current } => Some(current),
        _ => None,
    }) {
        format.background = theme::search_fill(dark, current);
        if dark {
            format.color = Color32::WHITE;
        }
    }
    if let Some(inserted) = covering.iter().find_map(|h| match h.style {
        HighlightStyle::Diff { inserted } => Some(inserted),
        _ => None,
    }) {
        format.background = theme::diff_fill(dark, inserted);
        if !inserted {
            format.strikethrough = Stroke::new(1.0, theme::text_colour(dark));
        }
    }
    if let Some(percent) = covering.iter().find_map(|h| match h.style {
        HighlightStyle::ClassShare { percent } => Some(percent),
        _ => None,
    }) {
        format.background = theme::class_share_fill(dark, percent);
    }
    if is_furniture {
        format.strikethrough = Stroke::NONE;
        format.italics = true;
    }
    format
}

#[cfg(test)]
mod tests {
    use super::*;

    fn look(hide: bool) -> TextLook {
        TextLook {
            size: 16.0,
            dark: false,
            hide_furniture: hide,
            wrap_width: 400.0,
        }
    }

    #[test]
    fn overlapping_tags_split_into_sections_and_map_back() {
        let text = "Größe: bis zu 5,5 Mrd.";
        let highlights = vec![
            Highlight {
                range: 0..10,
                style: HighlightStyle::Tag {
                    colour: Rgb(1, 2, 3),
                    selected: false,
                },
            },
            Highlight {
                range: 5..text.len(),
                style: HighlightStyle::Tag {
                    colour: Rgb(9, 9, 9),
                    selected: false,
                },
            },
        ];
        let (job, map) = paragraph_job(text, 0..text.len(), &highlights, &look(false));
        assert_eq!(job.text, text);
        assert_eq!(job.sections.len(), 3);
        assert_eq!(map.total_chars(), text.chars().count());
        for (char_index, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(map.byte_of(text, char_index), byte);
            assert_eq!(map.char_of(text, byte), Some(char_index));
        }
    }

    #[test]
    fn hidden_furniture_is_left_out_and_skipped_by_the_map() {
        let text = "< p>Die Kosten";
        let highlights = vec![Highlight {
            range: 0..4,
            style: HighlightStyle::Furniture,
        }];
        let (job, map) = paragraph_job(text, 0..text.len(), &highlights, &look(true));
        assert_eq!(job.text, "Die Kosten");
        assert_eq!(map.byte_of(text, 0), 4);
        assert_eq!(map.char_of(text, 2), None);
        let (job, _) = paragraph_job(text, 0..text.len(), &highlights, &look(false));
        assert_eq!(job.text, text);
    }
}
