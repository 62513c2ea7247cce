//! The app as a user on a plain desktop meets it: panels that keep their size, paragraphs
//! that never overlap, the clipboard, file dialogs without a portal, word snapping, span
//! editing, and a small window.

use super::app::{harness, tag_a_word};
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

/// An app whose file dialogs are drawn in the window, as on a desktop without a portal.
fn harness_without_portal(
    root: &std::path::Path,
    folder: &std::path::Path,
) -> egui_kittest::Harness<'static, lateral::app::App> {
    let mut config = AppConfig::in_folder(root);
    config.file_dialogs = lateral::app::file_dialog::FileDialogMode::InApp;
    config.dialog_folder = Some(folder.to_path_buf());
    // egui_file's path and file-name fields carry no accessible name (a gap of the crate),
    // so kittest's accessibility check is off for this harness.
    egui_kittest::Harness::builder()
        .with_size(vec2(1400.0, 900.0))
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(30)
        .allow_missing_glyphs()
        .with_accessibility_check(false)
        .build_eframe(move |cc| lateral::app::App::new(&cc.egui_ctx, None, config))
}

/// Clicks a file in the in-app dialog's list, then its confirming button.
fn choose_in_dialog(
    harness: &mut egui_kittest::Harness<'_, lateral::app::App>,
    file: Option<&str>,
    button: &str,
) {
    harness.run();
    if let Some(file) = file {
        harness.get_by_label_contains(file).click();
        harness.run();
    }
    harness.get_by_role_and_label(Role::Button, button).click();
    harness.run();
    harness.run();
}

#[test]
fn without_a_portal_import_open_save_as_and_export_work_in_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("files");
    std::fs::create_dir(&folder).unwrap();
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    std::fs::copy(
        samples.join("asmolov-riac-2024.txt"),
        folder.join("asmolov.txt"),
    )
    .unwrap();
    let mut harness = harness_without_portal(dir.path(), &folder);
    harness.run();
    let num_articles = harness.state().project().articles().len();

    // Import (Ctrl+I).
    harness
        .state_mut()
        .run_action(lateral::app::actions::Action::ImportArticles);
    choose_in_dialog(&mut harness, Some("asmolov.txt"), "Open");
    assert_eq!(harness.state().project().articles().len(), num_articles + 1);

    // Save as (the sample has no file): the suggested name, in the dialog's folder.
    harness
        .state_mut()
        .run_action(lateral::app::actions::Action::SaveAs);
    choose_in_dialog(&mut harness, None, "Save");
    let saved = harness
        .state()
        .project_path()
        .map(std::path::Path::to_path_buf);
    let saved = saved.expect("saved through the in-app dialog");
    assert!(saved.starts_with(&folder) && saved.exists(), "{saved:?}");

    // Export: the dialog's Export… button, then Save.
    harness
        .state_mut()
        .run_action(lateral::app::actions::Action::Export);
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Export…")
        .click();
    choose_in_dialog(&mut harness, None, "Save");
    for _ in 0..20 {
        harness.step();
    }
    let exported: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "csv"))
        .collect();
    assert_eq!(exported.len(), 1, "one CSV written");

    // Open: a fresh app opens the saved project through the dialog.
    drop(harness);
    let mut harness = harness_without_portal(dir.path(), &folder);
    harness.run();
    harness
        .state_mut()
        .run_action(lateral::app::actions::Action::OpenProject);
    let name = saved.file_name().unwrap().to_string_lossy().into_owned();
    choose_in_dialog(&mut harness, Some(&name), "Open");
    assert_eq!(harness.state().project_path(), Some(saved.as_path()));
    assert_eq!(harness.state().project().articles().len(), num_articles + 1);
}

const PASTED: &str = "Neue Studie zu Waffenlieferungen\n\nLaut der Studie könnten bis zu 5,5 Milliarden Euro fließen.\n";

#[test]
fn ctrl_v_fills_the_paste_dialog_and_ctrl_shift_v_adds_the_clipboard_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = AppConfig::in_folder(dir.path());
    config.clipboard_text = Some(PASTED.to_owned());
    let mut harness = super::app::harness_with(config, None);
    harness.run();
    let before = harness.state().project().articles().len();

    // Paste article…: Ctrl+V in its text field (eframe turns Ctrl+V into a paste event
    // with the system clipboard's text; the `clipboard` feature must be on for that).
    harness
        .state_mut()
        .run_action(lateral::app::actions::Action::PasteArticle);
    harness.run();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Text:")
        .click();
    harness.run();
    harness.event(Event::Paste(PASTED.to_owned()));
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Add article")
        .click();
    harness.run();
    let project = harness.state().project();
    assert_eq!(project.articles().len(), before + 1);
    let article = project.articles().last().unwrap();
    assert_eq!(article.text(), PASTED);
    assert_eq!(
        article.meta.title, "Neue Studie zu Waffenlieferungen",
        "the first line"
    );

    // Paste as new article (Ctrl+Shift+V): straight from the clipboard.
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::V,
    );
    harness.run();
    assert_eq!(harness.state().project().articles().len(), before + 2);
}

#[test]
fn eframe_is_built_with_its_clipboard() {
    // Without eframe's `clipboard` feature, Ctrl+V outside the app pastes nothing.
    let manifest = include_str!("../../Cargo.toml");
    let eframe = manifest
        .lines()
        .find(|l| l.starts_with("eframe ="))
        .unwrap();
    assert!(eframe.contains("\"clipboard\""), "{eframe}");
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

/// Whether `range` of `text` starts and ends on word edges, with no space at either end.
fn on_word_edges(text: &str, range: &std::ops::Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    let inner = &text[range.clone()];
    !before.is_some_and(is_word_char)
        && !after.is_some_and(is_word_char)
        && inner.trim() == inner
        && !inner.is_empty()
}

#[test]
fn a_drag_from_inside_one_word_to_inside_another_tags_whole_words() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    harness.run();
    let title = harness
        .state()
        .project()
        .article(lateral::model::ArticleId(1))
        .unwrap()
        .meta
        .title
        .clone();
    let rect = harness.get_by_role_and_label(Role::Document, &title).rect();
    // From a few letters into a word of the first line to the middle of a later word.
    let (from, to) = (
        rect.left_top() + vec2(23.0, 10.0),
        rect.left_top() + vec2(187.0, 10.0),
    );
    harness.hover_at(from);
    harness.event(Event::PointerButton {
        pos: from,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    harness.step();
    for step in 1..=10 {
        let pos = from + (to - from) * (step as f32 / 10.0);
        harness.hover_at(pos);
        harness.step();
    }
    harness.event(Event::PointerButton {
        pos: to,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run();
    let (_, range) = harness.state().text_selection().expect("a selection");
    let text = harness
        .state()
        .project()
        .article(lateral::model::ArticleId(1))
        .unwrap()
        .text()
        .to_owned();
    assert!(
        on_word_edges(&text, &range),
        "selected {:?}",
        &text[range.clone()]
    );
    assert!(
        text[range.clone()].contains(' '),
        "more than one word: {:?}",
        &text[range]
    );
    harness.event(Event::Text("1".into()));
    harness.run();
    let id = harness.state().selected_annotation().expect("tagged");
    let annotation = harness.state().project().annotation(id).unwrap().clone();
    assert_eq!(annotation.span.range(), range);
}

#[test]
fn an_annotation_span_is_widened_and_narrowed_by_words_and_undone() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    harness.run();
    tag_a_word(&mut harness, "1");
    let id = harness.state().selected_annotation().unwrap();
    let original = harness.state().project().annotation(id).unwrap().span;
    let text = harness
        .state()
        .project()
        .article(lateral::model::ArticleId(1))
        .unwrap()
        .text()
        .to_owned();
    let alt_shift = egui::Modifiers::ALT | egui::Modifiers::SHIFT;
    let span = |h: &egui_kittest::Harness<'_, lateral::app::App>| {
        h.state().project().annotation(id).unwrap().span
    };
    // Widen the end by two words.
    for _ in 0..2 {
        harness.key_press_modifiers(alt_shift, egui::Key::ArrowRight);
        harness.run();
    }
    let wide = span(&harness);
    assert_eq!(wide.start, original.start);
    assert!(wide.end > original.end);
    assert!(
        on_word_edges(&text, &wide.range()),
        "{:?}",
        &text[wide.range()]
    );
    assert_eq!(
        harness.state().project().annotation(id).unwrap().quote,
        text[wide.range()]
    );
    // Narrow it by one word.
    harness.key_press_modifiers(alt_shift, egui::Key::ArrowLeft);
    harness.run();
    let narrower = span(&harness);
    assert!(
        narrower.end < wide.end && narrower.end > original.end,
        "{narrower:?}"
    );
    assert!(
        on_word_edges(&text, &narrower.range()),
        "{:?}",
        &text[narrower.range()]
    );
    // Narrow the start (Ctrl+Shift+Alt+Right) by one word.
    harness.key_press_modifiers(alt_shift | egui::Modifiers::COMMAND, egui::Key::ArrowRight);
    harness.run();
    let moved = span(&harness);
    assert!(
        moved.start > narrower.start && moved.end == narrower.end,
        "{moved:?}"
    );
    assert!(
        on_word_edges(&text, &moved.range()),
        "{:?}",
        &text[moved.range()]
    );
    // Each step is one undo: four steps back to the tagged word.
    for _ in 0..4 {
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
        harness.run();
    }
    assert_eq!(span(&harness), original);
}

#[test]
fn at_900_by_600_the_compare_view_shows_both_articles_and_opens_its_change_list() {
    let dir = tempfile::tempdir().unwrap();
    let config = AppConfig::in_folder(dir.path());
    let mut harness = egui_kittest::Harness::builder()
        .with_size(vec2(900.0, 600.0))
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(60)
        .allow_missing_glyphs()
        .build_eframe(move |cc| lateral::app::App::new(&cc.egui_ctx, None, config));
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num2);
    wait_for_comparison(&mut harness);
    let comparison = {
        let app = harness.state();
        app.views()
            .compare
            .comparison(app.project().revision())
            .unwrap()
            .clone()
    };
    // A sentence of A and one of B from an aligned row are both on screen, side by side.
    let row = comparison
        .rows
        .iter()
        .find(|r| !r.a.is_empty() && !r.b.is_empty())
        .expect("an aligned row");
    let (id_a, id_b) = {
        let compare = &harness.state().views().compare;
        (compare.article_a.unwrap(), compare.article_b.unwrap())
    };
    let project = harness.state().project().clone();
    let text_of = |article, sentence: &lateral::compare::SentenceRef| {
        let text = project.article(article).unwrap().text();
        sentence.span.slice(text).unwrap().to_owned()
    };
    let a_text = text_of(id_a, &row.a[0]);
    let b_text = text_of(id_b, &row.b[0]);
    let prefix = |t: &str| t.chars().take(20).collect::<String>();
    // The inspector's list may quote the same words: take the row's labels, in the centre.
    let on_screen = |h: &egui_kittest::Harness<'_, lateral::app::App>, text: &str| {
        h.query_all_by_label_contains(&prefix(text))
            .map(|node| node.rect())
            .filter(|r| r.min.y > 80.0 && r.min.x > 120.0)
            .min_by(|x, y| x.min.x.total_cmp(&y.min.x))
            .expect("the sentence is on screen")
    };
    let a = on_screen(&harness, &a_text);
    let b = on_screen(&harness, &b_text);
    assert!(a.max.x <= b.min.x, "A {a:?} left of B {b:?}");
    // Inside the centre: left of the inspector, whose heading is "Annotation".
    let inspector = harness
        .query_all_by_label("Annotation")
        .map(|n| n.rect().min.x)
        .fold(f32::INFINITY, f32::min);
    assert!(
        b.max.x <= inspector && b.width() > 150.0,
        "B {b:?} ends before the inspector at {inspector}"
    );
    // The change list starts closed here and opens on request, inside the window.
    assert!(harness.query_by_label("Changes").is_none());
    harness
        .get_by_label_contains("Show the change list")
        .click();
    harness.run();
    let heading = harness.get_by_label("Changes").rect();
    assert!(heading.max.x <= 900.0, "{heading:?}");
    let b = on_screen(&harness, &b_text);
    assert!(
        b.max.x <= heading.min.x + 1.0,
        "B stays left of the change list"
    );
}

#[test]
fn help_lists_the_shortcuts_and_the_title_and_status_say_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    harness.run();
    assert!(harness.state().window_title_text().ends_with("– Lateral"));
    assert!(!harness.state().window_title_text().starts_with('•'));
    harness.key_press(egui::Key::F1);
    harness.run();
    assert!(
        harness
            .query_all_by_label("Keyboard shortcuts")
            .next()
            .is_some()
    );
    assert!(harness.query_by_label("Paste as new article").is_some());
    assert!(harness.query_by_label_contains("Widen or narrow").is_some());
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(
        harness
            .query_all_by_label("Keyboard shortcuts")
            .next()
            .is_none()
    );
    tag_a_word(&mut harness, "1");
    assert!(
        harness.state().window_title_text().starts_with("• "),
        "unsaved changes show"
    );
    harness.key_press(egui::Key::Delete);
    harness.run();
    let last = harness.state().notifications().last().unwrap().text.clone();
    assert!(last.contains("delete") && last.contains("Ctrl+Z"), "{last}");
}

#[test]
fn file_merge_projects_adds_a_students_work_as_one_undo() {
    let dir = tempfile::tempdir().unwrap();
    let class = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/class");
    let key = dir.path().join("key.ron");
    std::fs::copy(class.join("key.ron"), &key).unwrap();
    let mut harness = super::app::harness_with(AppConfig::in_folder(dir.path()), Some(key));
    harness.run();
    let before = harness.state().project().annotations().len();
    let (anna, _) = lateral::io::load_project(&class.join("anna.ron")).unwrap();
    harness
        .state_mut()
        .push_command(lateral::app::command::Command::MergeFiles(vec![
            class.join("anna.ron"),
        ]));
    harness.run();
    let after = harness.state().project().annotations().len();
    assert_eq!(
        after,
        before + anna.annotations().len(),
        "every annotation of Anna's copy"
    );
    let message = &harness.state().notifications().last().unwrap().text;
    assert!(message.starts_with("Merged"), "{message}");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().project().annotations().len(), before);
}

#[test]
fn the_whole_interface_can_be_zoomed_and_the_zoom_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    harness.run();
    for _ in 0..3 {
        harness
            .state_mut()
            .run_action(lateral::app::actions::Action::ZoomIn);
        harness.run();
    }
    assert!(
        (harness.ctx.zoom_factor() - 1.3).abs() < 0.01,
        "{}",
        harness.ctx.zoom_factor()
    );
    drop(harness);
    let mut again = super::app::harness_with(AppConfig::in_folder(dir.path()), None);
    again.run();
    assert!(
        (again.ctx.zoom_factor() - 1.3).abs() < 0.01,
        "kept in the preferences"
    );
}

#[test]
fn preferences_set_the_annotator_theme_and_autosave_and_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Comma);
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Your name")
        .click();
    harness.run();
    harness.event(Event::Text("Frau Weber".into()));
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.get_by_label("Dark").click();
    harness.run();
    assert_eq!(harness.state().prefs().annotator, "Frau Weber");
    assert!(harness.state().prefs().dark);
    drop(harness);
    let mut again = super::app::harness_with(AppConfig::in_folder(dir.path()), None);
    again.run();
    assert_eq!(again.state().prefs().annotator, "Frau Weber");
    assert!(again.state().prefs().dark);
    tag_a_word(&mut again, "1");
    let id = again.state().selected_annotation().unwrap();
    assert_eq!(
        again.state().project().annotation(id).unwrap().annotator,
        "Frau Weber"
    );
}

/// Keywords (tags of another tool that name no project tag) are shown in the inspector, each
/// on its own; clicking one puts it in the list's text filter, which finds its annotation.
#[test]
fn keywords_are_shown_and_filterable() {
    use lateral::app::command::Command;
    use lateral::model::Edit;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let (mut project, _) = lateral::io::load_project(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/russland-nordkorea.ron"),
    )
    .unwrap();
    let mut annotation = project.annotations()[0].clone();
    annotation.keywords = vec!["Geheimdienste".into(), "Quelle unklar".into()];
    let id = annotation.id;
    project
        .apply(Edit::UpdateAnnotation { annotation })
        .unwrap();
    lateral::io::save_project(&project, &path).unwrap();
    let mut harness =
        super::app::harness_with(AppConfig::in_folder(dir.path()), Some(path.clone()));
    harness.run();
    let total = harness.state().project().annotations().len();
    let one_listed = format!("1 of {total} annotations");
    assert!(harness.query_all_by_value(&one_listed).next().is_none());
    // Shown in the inspector, each a button that filters the list.
    harness
        .state_mut()
        .push_command(Command::SelectAnnotation(Some(id)));
    harness.step();
    harness.run();
    assert!(harness.query_all_by_value("Keywords:").next().is_some());
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Geheimdienste")
            .is_some()
    );
    harness
        .get_by_role_and_label(Role::Button, "Quelle unklar")
        .click();
    harness.run();
    assert!(
        harness.query_all_by_value(&one_listed).next().is_some(),
        "the list's text filter finds the one annotation by its keyword"
    );
}

/// A window opened large and shrunk to 900 pixels (as a desktop without a window manager
/// does when the user resizes it) keeps half its width for the text: the side panels shrink
/// with it.
#[test]
fn a_window_shrunk_to_900_keeps_half_its_width_for_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let config = AppConfig::in_folder(dir.path());
    let mut harness = egui_kittest::Harness::builder()
        .with_size(vec2(1400.0, 900.0))
        .with_max_steps(60)
        .allow_missing_glyphs()
        .build_eframe(move |cc| lateral::app::App::new(&cc.egui_ctx, None, config));
    harness.run();
    harness.set_size(vec2(900.0, 600.0));
    harness.run();
    let left_of = |h: &egui_kittest::Harness<'_, lateral::app::App>, label: &str| {
        h.query_all_by_label(label)
            .map(|n| n.rect().min.x)
            .fold(f32::INFINITY, f32::min)
    };
    let inspector = left_of(&harness, "Annotation");
    let articles = harness.get_by_label("Articles").rect().min.x;
    let central_left = left_of(&harness, "Read");
    assert!(articles < central_left, "{articles} / {central_left}");
    assert!(
        inspector - central_left >= 430.0,
        "the centre runs from {central_left} to {inspector}"
    );
    // The compare view's pickers hold the sample's long titles without running under the
    // inspector (a combo box's width is only its minimum).
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num2);
    wait_for_comparison(&mut harness);
    for label in ["Article A", "Article B"] {
        let right = harness
            .query_all_by_label_contains(label)
            .map(|n| n.rect().max.x)
            .fold(0.0, f32::max);
        assert!(
            right <= inspector,
            "{label} ends at {right}, the inspector starts at {inspector}"
        );
        // At most a 320-pixel button and its label, whatever the title's length.
        assert!(
            right - central_left <= 420.0,
            "{label} runs from {central_left} to {right}"
        );
    }
}

/// Steps frames until the compare view's comparison is ready (it runs in the background and
/// shows a spinner meanwhile, so `run` alone may not settle), then lets the UI settle.
fn wait_for_comparison(harness: &mut egui_kittest::Harness<'_, lateral::app::App>) {
    for _ in 0..600 {
        let app = harness.state();
        if app
            .views()
            .compare
            .comparison(app.project().revision())
            .is_some()
        {
            break;
        }
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.run();
}
