//! The app as a user on a plain desktop meets it: panels that keep their size, paragraphs
//! that never overlap, the clipboard, file dialogs without a portal, word snapping, span
//! editing, and a small window.

use super::app::{harness, harness_with, tag_a_word};
use egui::accesskit::Role;
use egui::{Event, Pos2, Rect, vec2};
use egui_kittest::kittest::Queryable as _;
use lateral::app::AppConfig;

use eframe::egui;

/// The rectangles of every article column (accesskit documents).
fn column_rects(harness: &egui_kittest::Harness<'_, lateral::app::App>) -> Vec<Rect> {
    harness
        .query_all_by_role(Role::Document)
        .map(|node| node.rect())
        .collect()
}

#[test]
fn the_inspector_keeps_its_width_while_the_mouse_moves_over_an_attribution() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    harness.run();
    // "2" tags an attribution: the inspector shows its Speaker field.
    tag_a_word(&mut harness, "2");
    assert!(harness.state().selected_annotation().is_some());
    harness
        .get_by_role_and_label(Role::TextInput, "Speaker:")
        .rect();
    let note_width = |h: &egui_kittest::Harness<'_, lateral::app::App>| {
        h.get_by_role_and_label(Role::MultilineTextInput, "Note:")
            .rect()
            .width()
    };
    let start = note_width(&harness);
    let columns_before = column_rects(&harness);
    let (mut low, mut high) = (start, start);
    for frame in 0..120 {
        let x = 300.0 + (frame % 40) as f32 * 20.0;
        let y = 300.0 + (frame % 7) as f32 * 30.0;
        harness.hover_at(Pos2::new(x, y));
        harness.step();
        let width = note_width(&harness);
        low = low.min(width);
        high = high.max(width);
    }
    assert!(
        high - low <= 1.0,
        "the inspector changed width from {low} to {high} px"
    );
    let columns = column_rects(&harness);
    assert_eq!(columns.len(), columns_before.len());
    for (before, now) in columns_before.iter().zip(&columns) {
        assert!(
            (before.width() - now.width()).abs() <= 1.0,
            "{before:?} → {now:?}"
        );
        assert!(
            now.width() > 250.0,
            "a reading column is {} px wide",
            now.width()
        );
    }
    for pair in columns.windows(2) {
        assert!(!pair[0].intersects(pair[1]), "columns overlap: {pair:?}");
    }
    let painted = harness.state().painted_paragraphs();
    for column in &painted {
        for pair in column.windows(2) {
            assert!(
                pair[0].max.y <= pair[1].min.y + 0.5,
                "paragraphs overlap: {pair:?}"
            );
        }
    }
    assert!(painted.iter().any(|c| c.len() > 2), "paragraphs were drawn");
}
