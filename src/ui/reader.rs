//! An article column: a layout job per paragraph (kept until its highlights change), only the visible
//! drawn, a table of paragraph heights for scrolling, and mouse selection of text.

use super::highlight::{CharMap, Highlight, HighlightStyle, TextLook, paragraph_job};
use super::theme;
use crate::model::{AnnotationId, Article, Project};
use eframe::egui::{self, Galley, Pos2, Rect, Sense, Vec2, text::CCursor};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::sync::Arc;
use unicode_segmentation::UnicodeSegmentation;

/// A paragraph's layout job, its char map, and the hash of what it was built from.
struct CachedJob {
    key: u64,
    job: egui::text::LayoutJob,
    map: CharMap,
}

/// Derived layout data of one column; rebuilt when its article, the project or the look
/// changes. Never saved.
#[derive(Default)]
pub struct ColumnLayout {
    article_id: Option<crate::model::ArticleId>,
    revision: u64,
    look_key: u64,
    paragraphs: Vec<Range<usize>>,
    /// Annotation spans of the article: (bytes, annotation, tag colour).
    spans: Vec<(Range<usize>, AnnotationId, crate::model::Rgb)>,
    /// For each paragraph, indices into `spans` that touch it.
    by_paragraph: Vec<Vec<usize>>,
    furniture: Vec<Range<usize>>,
    heights: Vec<f32>,
    exact: Vec<bool>,
    /// Whether paragraphs not laid out yet have estimated heights for the current look.
    estimated: bool,
    jobs: HashMap<usize, CachedJob>,
    /// Screen rectangles of the paragraphs drawn in the last frame, top to bottom.
    painted: Vec<Rect>,
}

impl ColumnLayout {
    /// Screen rectangles of the paragraphs drawn in the last frame, top to bottom.
    #[must_use]
    pub fn painted_paragraphs(&self) -> &[Rect] {
        &self.painted
    }
}

/// What a column needs to draw.
pub struct ReaderInput<'a> {
    /// The project (for tags and annotations).
    pub project: &'a Project,
    /// The article shown.
    pub article: &'a Article,
    /// The text selection in this column, as (anchor, head) bytes.
    pub selection: Option<(usize, usize)>,
    /// The selected annotation, if any.
    pub selected_annotation: Option<AnnotationId>,
    /// Find hits in this article and which one is current.
    pub search_hits: &'a [Range<usize>],
    /// Index of the current hit in `search_hits`.
    pub current_hit: Option<usize>,
    /// Look of the text.
    pub look: TextLook,
    /// Scroll so that this byte is in view.
    pub scroll_to: Option<usize>,
    /// Scroll to this offset (linked scrolling).
    pub scroll_offset: Option<f32>,
    /// A passage to flash, with how far the flash has faded (0 = full, 1 = gone).
    pub flash: Option<(Range<usize>, f32)>,
    /// Salt for the scroll area's id.
    pub id_salt: u64,
}

/// What happened in a column this frame.
#[derive(Debug, Default)]
pub struct ReaderOutput {
    /// New text selection (anchor, head), if the user changed it.
    pub selection: Option<(usize, usize)>,
    /// The user clicked on a passage of this annotation.
    pub clicked_annotation: Option<AnnotationId>,
    /// The user clicked where there is no annotation.
    pub clicked_empty: bool,
    /// Scroll offset after this frame.
    pub offset: f32,
    /// Largest scroll offset.
    pub max_offset: f32,
}

impl ColumnLayout {
    /// Makes sure the derived data fits the article, project revision and look.
    fn refresh(&mut self, input: &ReaderInput<'_>) {
        let article = input.article;
        if self.article_id != Some(article.id) {
            *self = ColumnLayout {
                article_id: Some(article.id),
                paragraphs: split_paragraphs(article.text()),
                revision: u64::MAX,
                ..ColumnLayout::default()
            };
            self.heights = vec![0.0; self.paragraphs.len()];
            self.exact = vec![false; self.paragraphs.len()];
        }
        if self.revision != input.project.revision() {
            self.revision = input.project.revision();
            self.index_annotations(input.project, article);
            self.furniture = article.active_furniture().map(|f| f.span.range()).collect();
            self.exact.iter_mut().for_each(|e| *e = false);
            self.estimated = false;
        }
        let look_key = input.look.key();
        if self.look_key != look_key {
            self.look_key = look_key;
            self.exact.iter_mut().for_each(|e| *e = false);
            self.estimated = false;
            self.jobs.clear();
        }
    }

    fn index_annotations(&mut self, project: &Project, article: &Article) {
        self.spans = project
            .annotations_of(article.id)
            .filter_map(|a| Some((a.span.range(), a.id, project.tag(a.tag_id)?.colour)))
            .collect();
        self.by_paragraph = vec![Vec::new(); self.paragraphs.len()];
        for (index, (range, _, _)) in self.spans.iter().enumerate() {
            let first = self.paragraphs.partition_point(|p| p.end < range.start);
            for (p, para) in self.paragraphs.iter().enumerate().skip(first) {
                if para.start >= range.end {
                    break;
                }
                if let Some(list) = self.by_paragraph.get_mut(p) {
                    list.push(index);
                }
            }
        }
    }

    /// Highlights touching paragraph `p`.
    fn highlights(&self, p: usize, input: &ReaderInput<'_>) -> Vec<Highlight> {
        let Some(para) = self.paragraphs.get(p) else {
            return Vec::new();
        };
        let mut out: Vec<Highlight> = self
            .by_paragraph
            .get(p)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.spans.get(i))
            .map(|(range, id, colour)| Highlight {
                range: range.clone(),
                style: HighlightStyle::Tag {
                    colour: *colour,
                    selected: Some(*id) == input.selected_annotation,
                },
            })
            .collect();
        out.extend(
            self.furniture
                .iter()
                .filter(|r| r.start < para.end && r.end > para.start)
                .map(|r| Highlight {
                    range: r.clone(),
                    style: HighlightStyle::Furniture,
                }),
        );
        let first_hit = input.search_hits.partition_point(|r| r.end <= para.start);
        for (i, hit) in input.search_hits.iter().enumerate().skip(first_hit) {
            if hit.start >= para.end {
                break;
            }
            out.push(Highlight {
                range: hit.clone(),
                style: HighlightStyle::SearchHit {
                    current: input.current_hit == Some(i),
                },
            });
        }
        out
    }

    /// The galley of paragraph `p`. The layout job and its char map are kept until the
    /// paragraph's highlights or look change; the galley itself comes from egui's layout
    /// cache every frame, so it is laid out again whenever egui rebuilds its font atlas
    /// (a kept galley would point into the old atlas and draw no glyphs).
    fn galley(
        &mut self,
        ui: &egui::Ui,
        p: usize,
        input: &ReaderInput<'_>,
    ) -> Option<(Arc<Galley>, &CharMap)> {
        let para = self.paragraphs.get(p)?.clone();
        let highlights = self.highlights(p, input);
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        highlights.hash(&mut hasher);
        self.look_key.hash(&mut hasher);
        let key = hasher.finish();
        if self.jobs.get(&p).is_none_or(|c| c.key != key) {
            let (job, map) = paragraph_job(input.article.text(), para, &highlights, &input.look);
            self.jobs.insert(p, CachedJob { key, job, map });
        }
        let collapsed = self.collapsed(p, input);
        let cached = self.jobs.get(&p)?;
        let galley = ui.fonts_mut(|f| f.layout_job(cached.job.clone()));
        let height = if collapsed {
            0.0
        } else {
            galley.size().y + input.look.size * theme::PARAGRAPH_SPACING
        };
        if let (Some(slot), Some(exact)) = (self.heights.get_mut(p), self.exact.get_mut(p)) {
            *slot = height;
            *exact = true;
        }
        let cached = self.jobs.get(&p)?;
        Some((galley, &cached.map))
    }

    /// Blank lines take no room (paragraphs have their own spacing), nor do whole lines of
    /// hidden furniture.
    fn collapsed(&self, p: usize, input: &ReaderInput<'_>) -> bool {
        let Some(para) = self.paragraphs.get(p) else {
            return true;
        };
        para.is_empty()
            || input.look.hide_furniture
                && self
                    .furniture
                    .iter()
                    .any(|f| f.start <= para.start && f.end >= para.end)
    }

    /// Estimated heights for paragraphs not laid out at this look yet.
    fn estimate_heights(&mut self, input: &ReaderInput<'_>, row_height: f32) {
        if self.estimated {
            return;
        }
        self.estimated = true;
        let chars_per_row = (input.look.wrap_width / (input.look.size * 0.48)).max(8.0);
        let spacing = input.look.size * theme::PARAGRAPH_SPACING;
        for p in 0..self.paragraphs.len() {
            if self.exact.get(p).copied().unwrap_or(true) {
                continue;
            }
            let estimate = if self.collapsed(p, input) {
                0.0
            } else {
                let text = input
                    .article
                    .text()
                    .get(self.paragraphs[p].clone())
                    .unwrap_or("");
                let rows = (text.chars().count() as f32 / chars_per_row)
                    .ceil()
                    .max(1.0);
                rows * row_height + spacing
            };
            if let Some(h) = self.heights.get_mut(p) {
                *h = estimate;
            }
        }
    }
}

/// Splits text into lines (paragraphs) as byte ranges without the line break.
#[must_use]
pub fn split_paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        out.push(start..start + line.len());
        start += line.len() + 1;
    }
    out
}

/// Draws one article column and handles selection with the mouse.
pub fn reader_ui(
    ui: &mut egui::Ui,
    layout: &mut ColumnLayout,
    input: &ReaderInput<'_>,
) -> ReaderOutput {
    layout.refresh(input);
    let font = theme::article_font(input.look.size);
    let row_height = ui.fonts_mut(|f| f.row_height(&font));
    layout.estimate_heights(input, row_height);
    let mut tops = Vec::with_capacity(layout.heights.len() + 1);
    let mut y = 0.0;
    for h in &layout.heights {
        tops.push(y);
        y += h;
    }
    tops.push(y);
    let total_height = y;

    let mut scroll = egui::ScrollArea::vertical()
        .id_salt(("reader", input.id_salt))
        .auto_shrink(false)
        .scroll_source(egui::containers::scroll_area::ScrollSource {
            scroll_bar: true,
            mouse_wheel: true,
            ..egui::containers::scroll_area::ScrollSource::NONE
        });
    if let Some(byte) = input.scroll_to {
        let p = layout
            .paragraphs
            .partition_point(|r| r.end < byte)
            .min(layout.paragraphs.len().saturating_sub(1));
        let target = tops.get(p).copied().unwrap_or(0.0) - ui.available_height() / 3.0;
        scroll = scroll.vertical_scroll_offset(target.max(0.0));
    } else if let Some(offset) = input.scroll_offset {
        scroll = scroll.vertical_scroll_offset(offset);
    }
    let mut out = ReaderOutput::default();
    let scroll_output = scroll.show_viewport(ui, |ui, viewport| {
        ui.set_height(total_height);
        let width = input.look.wrap_width;
        let origin = ui.max_rect().min;
        let content_rect = Rect::from_min_size(
            origin,
            Vec2::new(width.max(ui.available_width()), total_height),
        );
        let id = ui.make_persistent_id(("reader-text", input.id_salt));
        let response = ui.interact(content_rect, id, Sense::click_and_drag());
        let title = input.article.meta.title.clone();
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Document, true, &title));
        ui.painter()
            .rect_filled(ui.clip_rect(), 0.0, theme::background(input.look.dark));

        let first = tops
            .partition_point(|t| *t <= viewport.min.y)
            .saturating_sub(1);
        let mut p = first;
        // Each drawn paragraph starts where the one above it really ends: a galley laid out
        // this frame may be taller or shorter than its estimate, and the estimate must never
        // make two paragraphs paint over each other.
        let mut top = tops.get(first).copied().unwrap_or(0.0);
        let mut painted = Vec::new();
        while p < layout.paragraphs.len() && top < viewport.max.y {
            let para_pos = origin + Vec2::new(0.0, top);
            let selection = input.selection;
            let flash = input.flash.clone();
            let spans_here = layout.by_paragraph.get(p).cloned().unwrap_or_default();
            let markers: Vec<(usize, crate::model::Rgb)> = spans_here
                .iter()
                .filter_map(|&i| layout.spans.get(i))
                .filter(|(r, _, _)| {
                    layout
                        .paragraphs
                        .get(p)
                        .is_some_and(|para| para.contains(&r.start))
                })
                .map(|(r, _, c)| (r.start, *c))
                .collect();
            if let Some((galley, map)) = layout.galley(ui, p, input) {
                let text = input.article.text();
                ui.painter().galley(
                    para_pos,
                    galley.clone(),
                    theme::text_colour(input.look.dark),
                );
                draw_markers(ui, &galley, map, text, para_pos, &markers);
                if let Some((anchor, head)) = selection {
                    let range = anchor.min(head)..anchor.max(head);
                    for rect in char_rects(&galley, map, text, para_pos, &range) {
                        ui.painter()
                            .rect_filled(rect, 0.0, theme::selection_fill(input.look.dark));
                    }
                }
                painted.push(Rect::from_min_size(para_pos, galley.size()));
                if let Some((range, fade)) = flash {
                    let stroke = egui::Stroke::new(
                        2.5,
                        ui.visuals().strong_text_color().gamma_multiply(1.0 - fade),
                    );
                    for rect in char_rects(&galley, map, text, para_pos, &range) {
                        ui.painter().rect_stroke(
                            rect.expand(2.0),
                            2.0,
                            stroke,
                            egui::StrokeKind::Outside,
                        );
                    }
                }
            }
            top += layout.heights.get(p).copied().unwrap_or(0.0);
            p += 1;
        }
        layout.painted = painted;
        handle_pointer(ui, &response, layout, input, &tops, origin, &mut out);
    });
    out.offset = scroll_output.state.clamped_offset().y;
    out.max_offset = (scroll_output.content_size.y - scroll_output.inner_rect.height()).max(0.0);
    out
}

/// Byte offset under a screen position.
fn byte_at(
    ui: &egui::Ui,
    layout: &mut ColumnLayout,
    input: &ReaderInput<'_>,
    tops: &[f32],
    origin: Pos2,
    pos: Pos2,
) -> usize {
    let y = pos.y - origin.y;
    if y < 0.0 {
        return layout.paragraphs.first().map_or(0, |r| r.start);
    }
    let p = tops
        .partition_point(|t| *t <= y)
        .saturating_sub(1)
        .min(layout.paragraphs.len().saturating_sub(1));
    let top = tops.get(p).copied().unwrap_or(0.0);
    let text = input.article.text();
    match layout.galley(ui, p, input) {
        Some((galley, map)) => {
            let cursor = galley.cursor_from_pos(Vec2::new(pos.x - origin.x, y - top));
            map.byte_of(text, cursor.index.0)
        }
        None => text.len(),
    }
}

fn handle_pointer(
    ui: &egui::Ui,
    response: &egui::Response,
    layout: &mut ColumnLayout,
    input: &ReaderInput<'_>,
    tops: &[f32],
    origin: Pos2,
    out: &mut ReaderOutput,
) {
    let text = input.article.text();
    if response.triple_clicked() {
        if let Some(pos) = response.interact_pointer_pos() {
            let byte = byte_at(ui, layout, input, tops, origin, pos);
            let para = layout
                .paragraphs
                .iter()
                .find(|r| r.start <= byte && byte <= r.end)
                .cloned()
                .unwrap_or(0..0);
            out.selection = Some((para.start, para.end));
        }
    } else if response.double_clicked() {
        if let Some(pos) = response.interact_pointer_pos() {
            let byte = byte_at(ui, layout, input, tops, origin, pos);
            let word = word_at(text, byte);
            out.selection = Some((word.start, word.end));
        }
    } else if response.clicked() {
        if let Some(pos) = response.interact_pointer_pos() {
            let byte = byte_at(ui, layout, input, tops, origin, pos);
            let hit = layout
                .spans
                .iter()
                .filter(|(r, _, _)| r.start <= byte && byte < r.end)
                .min_by_key(|(r, _, _)| r.len())
                .map(|(_, id, _)| *id);
            match hit {
                Some(id) => out.clicked_annotation = Some(id),
                None => out.clicked_empty = true,
            }
            out.selection = Some((byte, byte));
        }
    } else if response.drag_started() {
        let press = ui.input(|i| i.pointer.press_origin());
        if let Some(pos) = press.or(response.interact_pointer_pos()) {
            let byte = byte_at(ui, layout, input, tops, origin, pos);
            out.selection = Some((byte, byte));
        }
    }
    if response.dragged()
        && !response.drag_started()
        && let (Some(pos), Some((anchor, _))) = (response.interact_pointer_pos(), input.selection)
    {
        let head = byte_at(ui, layout, input, tops, origin, pos);
        // Drags select whole words; Alt selects characters.
        out.selection = Some(if ui.input(|i| i.modifiers.alt) {
            (anchor, head)
        } else {
            crate::text::snap_to_words(text, anchor, head)
        });
    }
}

/// The word (or run of non-word characters) around `byte`.
#[must_use]
pub fn word_at(text: &str, byte: usize) -> Range<usize> {
    let line_start = text
        .get(..byte)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let line_end = text
        .get(byte..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |i| byte + i);
    let line = text.get(line_start..line_end).unwrap_or("");
    for (start, word) in line.split_word_bound_indices() {
        let range = line_start + start..line_start + start + word.len();
        if range.contains(&byte) || range.end == byte && byte == line_end {
            return range;
        }
    }
    byte..byte
}

/// Screen rectangles covering the bytes `range` within one paragraph's galley.
fn char_rects(
    galley: &Galley,
    map: &CharMap,
    text: &str,
    origin: Pos2,
    range: &Range<usize>,
) -> Vec<Rect> {
    let Some(first) = map
        .char_of(text, range.start)
        .or_else(|| (map.byte_of(text, 0) >= range.start).then_some(0))
    else {
        return Vec::new();
    };
    let last = map
        .char_of(text, range.end)
        .or_else(|| {
            (map.byte_of(text, map.total_chars()) <= range.end).then_some(map.total_chars())
        })
        .unwrap_or(first);
    if first >= last || map.byte_of(text, first) >= range.end {
        return Vec::new();
    }
    let min = galley.layout_from_cursor(CCursor {
        index: first.into(),
        prefer_next_row: true,
    });
    let max = galley.layout_from_cursor(CCursor::new(last));
    (min.row..=max.row)
        .filter_map(|ri| {
            let row = galley.rows.get(ri)?;
            let left = if ri == min.row {
                row.x_offset(min.column)
            } else {
                0.0
            };
            let right = if ri == max.row {
                row.x_offset(max.column)
            } else {
                row.size.x
            };
            Some(Rect::from_min_max(
                origin + Vec2::new(row.pos.x + left, row.min_y()),
                origin + Vec2::new(row.pos.x + right, row.max_y()),
            ))
        })
        .collect()
}

/// A small bar in the tag's colour where each annotation starts, so that a third or fourth
/// overlapping annotation is still visible.
fn draw_markers(
    ui: &egui::Ui,
    galley: &Galley,
    map: &CharMap,
    text: &str,
    origin: Pos2,
    markers: &[(usize, crate::model::Rgb)],
) {
    for (i, (start, colour)) in markers.iter().enumerate() {
        let Some(index) = map.char_of(text, *start) else {
            continue;
        };
        let rect = galley.pos_from_cursor(CCursor {
            index: index.into(),
            prefer_next_row: true,
        });
        let nudge = (markers[..i].iter().filter(|(s, _)| s == start).count()) as f32 * 3.0;
        let x = origin.x + rect.min.x - 1.5 + nudge;
        ui.painter().line_segment(
            [
                Pos2::new(x, origin.y + rect.min.y),
                Pos2::new(x, origin.y + rect.max.y),
            ],
            egui::Stroke::new(2.0, theme::tag_colour(*colour)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_paragraphs() {
        let text = "Laut Studie: bis zu 5,5 Mrd.\nZweite Zeile";
        assert_eq!(&text[word_at(text, 7)], "Studie");
        assert_eq!(&text[word_at(text, 21)], "5,5");
        assert_eq!(split_paragraphs(text), vec![0..28, 29..41]);
        assert_eq!(split_paragraphs(""), vec![0..0]);
    }
}
