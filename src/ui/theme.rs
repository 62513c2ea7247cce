//! Colours, fonts and visual constants in one place; tag colours from the model's plain RGB.

use crate::model::Rgb;
use eframe::egui::{self, Color32, FontData, FontDefinitions, FontFamily, FontId};
use std::sync::Arc;

/// The bundled serif for article text (Noto Serif: full German coverage, ẞ, typographic quotes).
const ARTICLE_FONT: &[u8] = include_bytes!("../../assets/fonts/NotoSerif-Regular.ttf");
const ARTICLE_FONT_NAME: &str = "NotoSerif";

/// Default size of article text in points.
pub const DEFAULT_TEXT_SIZE: f32 = 16.0;
/// Smallest and largest article text size.
pub const TEXT_SIZE_RANGE: std::ops::RangeInclusive<f32> = 10.0..=32.0;
/// Space below each paragraph, as a fraction of the text size.
pub const PARAGRAPH_SPACING: f32 = 0.6;
/// How long a revealed passage flashes, in seconds.
pub const FLASH_SECONDS: f64 = 1.6;

/// The font family used for article text.
#[must_use]
pub fn article_family() -> FontFamily {
    FontFamily::Name(ARTICLE_FONT_NAME.into())
}

/// The font for article text at `size` points.
#[must_use]
pub fn article_font(size: f32) -> FontId {
    FontId::new(size, article_family())
}

/// Installs the bundled article font, also as a fallback for the interface font.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        ARTICLE_FONT_NAME.to_owned(),
        Arc::new(FontData::from_static(ARTICLE_FONT)),
    );
    let proportional = fonts
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    let mut article = vec![ARTICLE_FONT_NAME.to_owned()];
    article.extend(proportional);
    fonts.families.insert(article_family(), article);
    // The monospace default (Hack) has arrows and geometric shapes (▲ ▼ ▾ ●) that the
    // proportional default lacks.
    if let Some(proportional) = fonts.families.get_mut(&FontFamily::Proportional) {
        proportional.push("Hack".to_owned());
    }
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push(ARTICLE_FONT_NAME.to_owned());
    }
    ctx.set_fonts(fonts);
}

/// Light or dark interface.
pub fn apply_theme(ctx: &egui::Context, dark: bool) {
    ctx.set_theme(if dark {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    });
}

/// A tag colour as an opaque paint colour.
#[must_use]
pub fn tag_colour(rgb: Rgb) -> Color32 {
    Color32::from_rgb(rgb.0, rgb.1, rgb.2)
}

/// The colour of the `index`th outlet on the timeline: Okabe and Ito's palette, told apart
/// with colour-blindness too, repeated after eight outlets.
#[must_use]
pub fn outlet_colour(index: usize, dark: bool) -> Color32 {
    const LIGHT: [(u8, u8, u8); 8] = [
        (0x00, 0x72, 0xb2),
        (0xd5, 0x5e, 0x00),
        (0x00, 0x9e, 0x73),
        (0xcc, 0x79, 0xa7),
        (0xe6, 0x9f, 0x00),
        (0x56, 0xb4, 0xe9),
        (0x8c, 0x6d, 0x1f),
        (0x55, 0x55, 0x55),
    ];
    let (r, g, b) = LIGHT[index % LIGHT.len()];
    let colour = Color32::from_rgb(r, g, b);
    if dark {
        blend(colour, Color32::WHITE, 0.2)
    } else {
        colour
    }
}

/// The background tint of a tagged passage: readable under text in both themes.
#[must_use]
pub fn tag_fill(rgb: Rgb, dark: bool, selected: bool) -> Color32 {
    let alpha = match (dark, selected) {
        (false, false) => 0.28,
        (false, true) => 0.55,
        (true, false) => 0.30,
        (true, true) => 0.60,
    };
    blend(background(dark), tag_colour(rgb), alpha)
}

/// Page background behind article text.
#[must_use]
pub fn background(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x1e, 0x1f, 0x22)
    } else {
        Color32::from_rgb(0xfd, 0xfc, 0xf8)
    }
}

/// Article text colour.
#[must_use]
pub fn text_colour(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0xe6, 0xe3, 0xdc)
    } else {
        Color32::from_rgb(0x1f, 0x1f, 0x1f)
    }
}

/// Colour of page furniture shown dimmed.
#[must_use]
pub fn furniture_colour(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x77, 0x77, 0x77)
    } else {
        Color32::from_rgb(0x99, 0x99, 0x99)
    }
}

/// Background of a find hit; the current hit is stronger.
#[must_use]
pub fn search_fill(dark: bool, current: bool) -> Color32 {
    match (dark, current) {
        (false, false) => Color32::from_rgb(0xff, 0xf1, 0x76),
        (false, true) => Color32::from_rgb(0xff, 0xb3, 0x47),
        (true, false) => Color32::from_rgb(0x6b, 0x5d, 0x00),
        (true, true) => Color32::from_rgb(0xa8, 0x5c, 0x00),
    }
}

/// Translucent overlay of the text selection.
#[must_use]
pub fn selection_fill(dark: bool) -> Color32 {
    // Violet: no tag of the default set is near it (blue, orange, green, red), so a pending
    // selection never looks like a claim.
    if dark {
        Color32::from_rgba_unmultiplied(0xb0, 0x6c, 0xff, 110)
    } else {
        Color32::from_rgba_unmultiplied(0xc8, 0x3c, 0xf0, 95)
    }
}

/// Colour for error notifications.
#[must_use]
pub fn error_colour(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0xff, 0x8a, 0x80)
    } else {
        Color32::from_rgb(0xb0, 0x1c, 0x1c)
    }
}

/// Mixes `over` into `base` by `alpha` (0 = base, 1 = over), giving an opaque colour.
#[must_use]
pub fn blend(base: Color32, over: Color32, alpha: f32) -> Color32 {
    let mix = |a: u8, b: u8| (f32::from(a) * (1.0 - alpha) + f32::from(b) * alpha).round() as u8;
    Color32::from_rgb(
        mix(base.r(), over.r()),
        mix(base.g(), over.g()),
        mix(base.b(), over.b()),
    )
}

/// Background of words that B dropped (in A) or added (in B) in the compare view.
#[must_use]
pub fn diff_fill(dark: bool, inserted: bool) -> Color32 {
    match (dark, inserted) {
        (false, false) => Color32::from_rgb(0xff, 0xc9, 0xc9),
        (false, true) => Color32::from_rgb(0xc4, 0xf0, 0xc4),
        (true, false) => Color32::from_rgb(0x6e, 0x24, 0x24),
        (true, true) => Color32::from_rgb(0x1f, 0x5a, 0x2a),
    }
}

/// Colour of a row's marker in the compare view: changed, only in A, only in B, moved.
#[must_use]
pub fn row_marker_colour(dark: bool, marker: RowMarker) -> Color32 {
    let (light, dark_colour) = match marker {
        RowMarker::Same => ((0x88, 0x88, 0x88), (0x88, 0x88, 0x88)),
        RowMarker::Changed => ((0xb3, 0x6b, 0x00), (0xff, 0xb7, 0x4d)),
        RowMarker::OnlyA => ((0xb0, 0x1c, 0x1c), (0xff, 0x8a, 0x80)),
        RowMarker::OnlyB => ((0x1b, 0x7a, 0x2e), (0x81, 0xd8, 0x8f)),
        RowMarker::Moved => ((0x5b, 0x3c, 0xc4), (0xb3, 0x9d, 0xff)),
        RowMarker::Weak => ((0x3d, 0x62, 0x7d), (0x9c, 0xc3, 0xdf)),
    };
    let (r, g, b) = if dark { dark_colour } else { light };
    Color32::from_rgb(r, g, b)
}

/// Kinds of compare-view rows that have their own marker colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowMarker {
    /// Same words.
    Same,
    /// Changed words.
    Changed,
    /// Only in A.
    OnlyA,
    /// Only in B.
    OnlyB,
    /// Told in another order.
    Moved,
    /// A weak counterpart: paired by shared numbers or names only.
    Weak,
}

/// A fill on a scale from 0 (background) to 1 (strong), for similarity, F1 and count grids.
#[must_use]
pub fn scale_fill(dark: bool, value: f64) -> Color32 {
    // A square root lifts low shares, which a linear scale left nearly white: 10 % of shared
    // wording already matters to a reader.
    let value = value.clamp(0.0, 1.0).sqrt() as f32;
    let (base, strong) = if dark {
        (
            Color32::from_rgb(0x2a, 0x2a, 0x2a),
            Color32::from_rgb(0x1e, 0x6f, 0xd9),
        )
    } else {
        (
            Color32::from_rgb(0xf4, 0xf4, 0xf4),
            Color32::from_rgb(0x5a, 0x9b, 0xff),
        )
    };
    blend(base, strong, value)
}

/// A fill for scores: red (0) through yellow to green (1).
#[must_use]
pub fn score_fill(dark: bool, value: f64) -> Color32 {
    let value = value.clamp(0.0, 1.0) as f32;
    let (low, mid, high) = if dark {
        (
            Color32::from_rgb(0x7a, 0x26, 0x26),
            Color32::from_rgb(0x6b, 0x5d, 0x00),
            Color32::from_rgb(0x1f, 0x5a, 0x2a),
        )
    } else {
        (
            Color32::from_rgb(0xf4, 0xa6, 0xa6),
            Color32::from_rgb(0xff, 0xe0, 0x82),
            Color32::from_rgb(0xa5, 0xd6, 0xa7),
        )
    };
    if value < 0.5 {
        blend(low, mid, value * 2.0)
    } else {
        blend(mid, high, (value - 0.5) * 2.0)
    }
}

/// Background of a class-overlay passage tagged by `percent` of the students.
#[must_use]
pub fn class_share_fill(dark: bool, percent: u8) -> Color32 {
    let strength = 0.12 + 0.6 * f32::from(percent.min(100)) / 100.0;
    blend(
        background(dark),
        Color32::from_rgb(0x2f, 0x6f, 0xd6),
        strength,
    )
}

/// `text` laid out on one line no wider than `width`, cut with "…" where it does not fit.
#[must_use]
pub fn one_line(
    ui: &egui::Ui,
    text: String,
    font: egui::FontId,
    color: Color32,
    width: f32,
) -> std::sync::Arc<egui::Galley> {
    let mut job = egui::text::LayoutJob::simple_singleline(text, font, color);
    job.wrap = egui::text::TextWrapping::truncate_at_width(width.max(10.0));
    ui.fonts_mut(|fonts| fonts.layout_job(job))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `top` painted over `bottom`, as the screen shows it.
    fn over(top: Color32, bottom: Color32) -> [f32; 3] {
        let [r, g, b, a] = top.to_srgba_unmultiplied();
        let alpha = f32::from(a) / 255.0;
        let [br, bg, bb, _] = bottom.to_srgba_unmultiplied();
        [(r, br), (g, bg), (b, bb)]
            .map(|(t, u)| f32::from(t) * alpha + f32::from(u) * (1.0 - alpha))
    }

    #[test]
    fn the_selection_never_looks_like_a_tag() {
        for dark in [false, true] {
            let page = background(dark);
            let selection = over(selection_fill(dark), page);
            for tag in crate::model::default_tags() {
                let fill = over(tag_fill(tag.colour, dark, false), page);
                let distance = selection
                    .iter()
                    .zip(&fill)
                    .map(|(a, b)| (a - b).powi(2))
                    .sum::<f32>()
                    .sqrt();
                assert!(
                    distance > 40.0,
                    "selection {selection:?} is too near {} {fill:?} (dark: {dark}): {distance}",
                    tag.name
                );
            }
        }
    }
}
