//! The desktop app driven like a person would, by role and label, without a GPU.

use egui::accesskit::Role;
use egui::{Event, Key, Modifiers, PointerButton, Pos2, vec2};
use egui_kittest::{Harness, kittest::Queryable as _};
use lateral::app::command::Command;
use lateral::app::{App, AppConfig, Modal, Pending};
use lateral::model::ArticleId;
use std::path::Path;

use eframe::egui;

pub(super) fn harness(root: &Path) -> Harness<'static, App> {
    harness_with(AppConfig::in_folder(root), None)
}

pub(super) fn harness_with(
    config: AppConfig,
    project: Option<std::path::PathBuf>,
) -> Harness<'static, App> {
    Harness::builder()
        .with_size(vec2(1400.0, 900.0))
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(30)
        .allow_missing_glyphs()
        .build_eframe(move |cc| App::new(&cc.egui_ctx, project.as_deref(), config))
}

/// Opens *Article details…* of the open article and unfolds its import report, whose heading
/// begins with `heading`.
pub(super) fn open_import_report(harness: &mut Harness<'_, App>, heading: &str) {
    harness
        .state_mut()
        .run_action(lateral::app::actions::Action::EditArticleDetails);
    harness.run();
    harness.get_by_label_contains(heading).click();
    harness.run();
}

/// Replaces the text of the single-line field labelled `label` by `text`, as typed.
pub(super) fn retype(harness: &mut Harness<'_, App>, label: &str, text: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.event(Event::Text(text.into()));
    harness.run();
}

/// Double-clicks a point, as a person selecting a word.
pub(super) fn double_click(harness: &mut Harness<'_, App>, pos: Pos2) {
    for _ in 0..2 {
        harness.hover_at(pos);
        for pressed in [true, false] {
            harness.event(Event::PointerButton {
                pos,
                button: PointerButton::Primary,
                pressed,
                modifiers: Modifiers::NONE,
            });
            harness.step();
        }
    }
    harness.run();
}

/// Selects a word in the first column and presses the tag key.
pub(super) fn tag_a_word(harness: &mut Harness<'_, App>, key: &str) {
    let title = harness
        .state()
        .project()
        .article(ArticleId(1))
        .unwrap()
        .meta
        .title
        .clone();
    let rect = harness.get_by_role_and_label(Role::Document, &title).rect();
    double_click(harness, rect.left_top() + vec2(40.0, 12.0));
    let (column, range) = harness
        .state()
        .text_selection()
        .expect("a word is selected");
    assert_eq!(column, 0);
    assert!(!range.is_empty());
    harness.event(Event::Text(key.into()));
    harness.run();
}

#[test]
fn opens_the_sample_with_two_articles_side_by_side() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    harness.run();
    let app = harness.state();
    assert_eq!(app.project().articles().len(), 5);
    assert!(app.project().annotations().len() >= 40);
    assert_eq!(app.column_articles(), vec![ArticleId(1), ArticleId(2)]);
    assert!(!app.is_dirty());
    // Open a third article in the focused column by clicking it in the list.
    let gea = app
        .project()
        .article(ArticleId(3))
        .unwrap()
        .meta
        .title
        .clone();
    harness.get_by_role_and_label(Role::Button, &gea).click();
    harness.run();
    assert_eq!(
        harness.state().column_articles(),
        vec![ArticleId(3), ArticleId(2)]
    );
}

#[test]
fn tag_edit_undo_redo_delete_save_and_reload() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    harness.run();
    let before = harness.state().project().annotations().len();

    tag_a_word(&mut harness, "1");
    let app = harness.state();
    assert_eq!(app.project().annotations().len(), before + 1);
    let id = app
        .selected_annotation()
        .expect("the new annotation is selected");
    let annotation = app.project().annotation(id).unwrap().clone();
    assert_eq!(annotation.tag_id, lateral::model::TagId(1));
    assert!(app.is_dirty());
    // It is in the list, labelled by tag and quote.
    let row_label = format!("claim: {}", annotation.quote);
    assert!(harness.query_all_by_label(&row_label).count() >= 1);

    // Edit its note in the inspector; the edit is committed when the field loses focus.
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Note:")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Note:")
        .type_text("hedge dropped");
    harness.run();
    harness.key_press(Key::Tab);
    harness.run();
    assert_eq!(
        harness.state().project().annotation(id).unwrap().note,
        "hedge dropped"
    );

    // Undo the note, redo it.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().project().annotation(id).unwrap().note, "");
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().project().annotation(id).unwrap().note,
        "hedge dropped"
    );

    // Save to a temp folder and reload: the annotation is intact.
    let path = dir.path().join("saved.ron");
    harness
        .state_mut()
        .push_command(Command::SaveAs(path.clone()));
    harness.run();
    assert!(!harness.state().is_dirty());
    let (reloaded, report) = lateral::io::load_project(&path).unwrap();
    assert!(report.is_clean());
    assert_eq!(reloaded.annotation(id).unwrap().note, "hedge dropped");
    assert_eq!(reloaded.annotation(id).unwrap().quote, annotation.quote);

    // Delete with Del, then undo the delete.
    harness.key_press(Key::Delete);
    harness.run();
    assert!(harness.state().project().annotation(id).is_none());
    assert!(harness.state().is_dirty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(harness.state().project().annotation(id).is_some());
    assert!(!harness.state().is_dirty(), "back at the saved state");

    // A second app cannot open it while this one has it open: its saves would collide.
    let mut second = harness_with(AppConfig::in_folder(dir.path()), Some(path.clone()));
    second.run();
    assert_eq!(second.state().project_path(), None);
    assert!(
        second
            .state()
            .notifications()
            .iter()
            .any(|n| n.is_error && n.text.contains("is open in another Lateral")),
        "the second app says why"
    );
    drop(second);

    // Open the saved file in a fresh app once the first one is closed.
    drop(harness);
    let mut reopened = harness_with(AppConfig::in_folder(dir.path()), Some(path.clone()));
    reopened.run();
    assert_eq!(reopened.state().project_path(), Some(path.as_path()));
    assert_eq!(
        reopened.state().project().annotation(id).unwrap().note,
        "hedge dropped"
    );
}

#[test]
fn autosave_and_recovery_after_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = AppConfig::in_folder(dir.path());
    config.autosave_seconds = 0.5;
    let mut harness = harness_with(config.clone(), None);
    harness.run();
    tag_a_word(&mut harness, "3");
    let count = harness.state().project().annotations().len();
    // Let more than the autosave interval pass.
    for _ in 0..45 {
        harness.step();
    }
    assert!(
        harness.state().recovery_file().exists(),
        "unsaved changes were autosaved"
    );
    // "Crash": drop the app without closing it, then start again.
    drop(harness);
    let mut restarted = harness_with(config.clone(), None);
    restarted.run();
    assert!(matches!(
        restarted.state().modal(),
        Some(Modal::Recovery(_))
    ));
    restarted.get_by_label("Restore").click();
    restarted.run();
    assert!(restarted.state().modal().is_none());
    assert_eq!(restarted.state().project().annotations().len(), count);
    assert!(
        restarted.state().is_dirty(),
        "restored work is unsaved until saved"
    );
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    harness.run();
    tag_a_word(&mut harness, "2");
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Quit").click();
    harness.run();
    assert_eq!(
        harness.state().modal(),
        Some(&Modal::UnsavedChanges(Pending::Quit))
    );
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.state().modal().is_none());
    assert!(!harness.state().may_close());

    // The window's close button asks too; "Don't save" lets it close.
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run();
    assert_eq!(
        harness.state().modal(),
        Some(&Modal::UnsavedChanges(Pending::Quit))
    );
    harness.get_by_label("Don't save").click();
    // The app now asks the window to close every frame, so step instead of run.
    harness.step();
    harness.step();
    assert!(harness.state().may_close());
}

#[test]
fn tagging_with_the_keyboard_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    harness.run();
    let before = harness.state().project().annotations().len();
    // Down: caret to the start of the second paragraph of the focused column.
    harness.key_press(Key::ArrowDown);
    harness.run();
    // Ctrl+Shift+Right twice: select two words.
    for _ in 0..2 {
        harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::ArrowRight);
        harness.run();
    }
    let (column, range) = harness
        .state()
        .text_selection()
        .expect("selected by keyboard");
    assert_eq!(column, 0);
    let text = harness
        .state()
        .project()
        .article(ArticleId(1))
        .unwrap()
        .text()
        .to_owned();
    assert_eq!(&text[range], "So eng");
    harness.event(Event::Text("4".into()));
    harness.run();
    let app = harness.state();
    assert_eq!(app.project().annotations().len(), before + 1);
    let annotation = app
        .project()
        .annotation(app.selected_annotation().unwrap())
        .unwrap();
    assert_eq!(annotation.quote, "So eng");
    assert_eq!(annotation.tag_id, lateral::model::TagId(4));
}

#[test]
fn a_misspelt_field_is_reported_with_its_line_and_the_file_is_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/russland-nordkorea.ron"),
    )
    .unwrap();
    let path = dir.path().join("misspelt.ron");
    let broken = text.replacen("annotations:", "annotatons:", 1);
    let line = broken
        .lines()
        .position(|l| l.contains("annotatons:"))
        .unwrap()
        + 1;
    std::fs::write(&path, &broken).unwrap();
    let mut harness = harness_with(AppConfig::in_folder(dir.path()), Some(path.clone()));
    harness.run();
    assert_eq!(harness.state().project_path(), None, "not opened");
    let message = harness
        .state()
        .notifications()
        .iter()
        .find(|n| n.is_error)
        .map(|n| n.text.clone())
        .unwrap();
    assert!(message.contains(&format!("line {line}")), "{message}");
    assert!(message.contains("\"annotatons\""), "{message}");
    // The message is on screen, not only in the state.
    assert!(harness.query_by_label_contains("annotatons").is_some());
    drop(harness);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);
}
