//! The compare view, the project overview, the export dialog and the class view, driven by role
//! and label like a person would. Background work is awaited by stepping frames (bounded).

use egui::vec2;
use egui_kittest::{Harness, kittest::Queryable as _};
use lateral::app::class_state::ClassSort;
use lateral::app::command::Command;
use lateral::app::views::{CentralView, ViewCommand};
use lateral::app::{App, AppConfig};
use lateral::model::ArticleId;
use std::path::Path;

use eframe::egui;

fn harness(root: &Path) -> Harness<'static, App> {
    let config = AppConfig::in_folder(root);
    Harness::builder()
        .with_size(vec2(1600.0, 1000.0))
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(60)
        .allow_missing_glyphs()
        .build_eframe(move |cc| App::new(&cc.egui_ctx, None, config))
}

/// Steps frames until `done` holds (at most about ten seconds), then lets the UI settle.
fn wait_for(harness: &mut Harness<'_, App>, what: &str, done: impl Fn(&App) -> bool) {
    for _ in 0..1000 {
        if done(harness.state()) {
            for _ in 0..3 {
                harness.step();
            }
            return;
        }
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("timed out waiting for {what}");
}

fn menu(harness: &mut Harness<'_, App>, menu: &str, item: &str) {
    harness.get_by_label(menu).click();
    harness.run();
    // Items with a shortcut carry it in their accessible label ("Export… Ctrl+E").
    harness.get_by_label_contains(item).click();
    harness.run_ok();
}

fn comparison_ready(app: &App) -> bool {
    app.views()
        .compare
        .comparison(app.project().revision())
        .is_some()
}

#[test]
fn compare_view_lists_changes_and_tags_a_linked_pair() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    harness.run();
    menu(&mut harness, "Tools", "Compare articles…");
    assert_eq!(harness.state().views().central, CentralView::Compare);
    let compare = &harness.state().views().compare;
    assert_eq!(
        (compare.article_a, compare.article_b),
        (Some(ArticleId(1)), Some(ArticleId(2)))
    );
    wait_for(&mut harness, "the comparison", comparison_ready);

    let app = harness.state();
    let comparison = app
        .views()
        .compare
        .comparison(app.project().revision())
        .unwrap()
        .clone();
    assert!(comparison.summary.changes > 0, "the rewrite changes things");
    assert!(comparison.summary.changed > 0);
    assert!(comparison.similarity.b_in_a > 0.0);
    assert!(
        harness.query_by_label_contains("Sentences:").is_some(),
        "the summary is shown"
    );

    // A change that is listed once, in a row with both sides.
    let texts: Vec<(usize, String)> = comparison
        .rows
        .iter()
        .enumerate()
        .flat_map(|(index, row)| {
            row.changes.iter().map(move |c| {
                let (label, a, b) = (c.kind.label(), &c.a_text, &c.b_text);
                let text = match (a.is_empty(), b.is_empty()) {
                    (false, false) => format!("{label}: {a} → {b}"),
                    (false, true) => format!("{label}: {a}"),
                    (true, false) => format!("{label}: {b}"),
                    (true, true) => label.to_owned(),
                };
                (index, text)
            })
        })
        .collect();
    let (row, text) = texts
        .iter()
        .find(|(row, text)| {
            let both = comparison.rows[*row].a.len() * comparison.rows[*row].b.len() > 0;
            both && texts.iter().filter(|(_, t)| t == text).count() == 1
        })
        .cloned()
        .expect("a unique change in an aligned row");
    harness.get_by_label(&text).click();
    harness.run_ok();
    assert_eq!(harness.state().views().compare.selected_row, Some(row));

    // Filtering by another kind hides the change.
    let kind = comparison.rows[row]
        .changes
        .iter()
        .find(|c| text.starts_with(c.kind.label()))
        .unwrap()
        .kind
        .label();
    let other = comparison
        .changes()
        .map(|c| c.kind.label())
        .find(|k| *k != kind);
    if let Some(other) = other {
        harness.state_mut().views_mut().compare.kind_filter = Some(other);
        harness.run_ok();
        assert!(harness.query_by_label(&text).is_none());
        harness.state_mut().views_mut().compare.kind_filter = Some(kind);
        harness.run_ok();
        assert!(harness.query_by_label(&text).is_some());
    }

    // Tag both passages of that row as one linked pair.
    let before = harness.state().project().annotations().len();
    let before_ids: Vec<_> = harness
        .state()
        .project()
        .annotations()
        .iter()
        .map(|a| a.id)
        .collect();
    harness.get_by_label("Tag both as a linked pair").click();
    harness.run_ok();
    let app = harness.state();
    let annotations = app.project().annotations();
    assert_eq!(annotations.len(), before + 2);
    // New annotations go in reading order among their article's, not at the end.
    let added: Vec<_> = annotations
        .iter()
        .filter(|a| !before_ids.contains(&a.id))
        .collect();
    let [first, second] = added.as_slice() else {
        panic!("two new annotations");
    };
    assert_eq!(
        (first.article_id, second.article_id),
        (ArticleId(1), ArticleId(2))
    );
    assert_eq!(first.linked, vec![second.id]);
    assert_eq!(second.linked, vec![first.id]);
    assert!(app.is_dirty());
}

#[test]
fn overview_matrix_opens_the_compare_view() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    harness.run();
    menu(&mut harness, "Tools", "Project overview");
    assert_eq!(harness.state().views().central, CentralView::Overview);
    wait_for(&mut harness, "the matrix", |app| {
        app.views()
            .overview
            .matrix(app.project().revision())
            .is_some()
    });
    let app = harness.state();
    let matrix = app
        .views()
        .overview
        .matrix(app.project().revision())
        .unwrap()
        .clone();
    assert_eq!(matrix.articles.len(), 5);
    let cell = matrix.cell(ArticleId(2), ArticleId(1));
    assert!(
        cell.a_in_b > 0.0 && cell.b_in_a > 0.0,
        "the rewrite retells the study: {cell:?}"
    );
    harness
        .state_mut()
        .push_command(Command::View(ViewCommand::Compare {
            article_a: ArticleId(2),
            article_b: ArticleId(1),
        }));
    harness.step();
    assert_eq!(harness.state().views().central, CentralView::Compare);
    wait_for(&mut harness, "the comparison", comparison_ready);
}

#[test]
fn export_dialog_previews_csv() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    harness.run();
    menu(&mut harness, "File", "Export…");
    assert!(harness.state().views().export.open);
    harness.get_by_label("JSON").click();
    harness.run_ok();
    harness.get_by_label("CSV").click();
    harness.run_ok();
    wait_for(&mut harness, "the preview", |app| {
        app.views().export.preview(app.project()).is_some()
    });
    let app = harness.state();
    let quote = app
        .project()
        .annotations()
        .iter()
        .take(5)
        .map(|a| a.quote.clone())
        .find(|q| !q.contains('"') && !q.contains('\n'))
        .expect("a plain quote");
    let preview = app.views().export.preview(app.project()).unwrap();
    let num = app.project().annotations().len();
    assert!(
        preview.starts_with(&format!("{num} passages will be exported:\n\n")),
        "{preview}"
    );
    // The sample is German: CSV for German Excel, with a byte-order mark and ";".
    assert!(app.views().export.options.csv_bom);
    assert!(preview.contains("\n\nproject;article;"), "{preview}");
    assert!(preview.contains(&quote), "the preview shows the passages");

    // Export to a file without the native dialog.
    let path = dir.path().join("passages.csv");
    harness
        .state_mut()
        .push_command(Command::View(ViewCommand::ExportTo(path.clone())));
    wait_for(&mut harness, "the export", |app| {
        app.notifications()
            .iter()
            .any(|n| n.text.starts_with("Exported"))
    });
    assert!(std::fs::read_to_string(&path).unwrap().contains(&quote));

    // The HTML preview reads as text, not as markup; Escape closes the dialog.
    harness.get_by_label("HTML").click();
    harness.run_ok();
    wait_for(&mut harness, "the HTML preview", |app| {
        app.views().export.preview(app.project()).is_some()
    });
    let preview = harness
        .state()
        .views()
        .export
        .preview(harness.state().project())
        .unwrap()
        .to_owned();
    assert!(
        !preview.contains("<html") && !preview.contains("<style"),
        "{preview}"
    );
    harness.key_press(egui::Key::Escape);
    harness.run_ok();
    assert!(!harness.state().views().export.open);
}

#[test]
fn class_view_scores_the_sample_class() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    harness.run();
    menu(&mut harness, "Tools", "Compare with key…");
    assert_eq!(harness.state().views().central, CentralView::Class);
    let class = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/class");
    let students = ["anna", "ben", "cem", "dora", "emil"]
        .map(|name| class.join(format!("{name}.ron")))
        .to_vec();
    harness
        .state_mut()
        .push_command(Command::View(ViewCommand::ScoreClassFiles {
            key: class.join("key.ron"),
            students,
        }));
    wait_for(&mut harness, "the scores", |app| {
        app.views().class.result.is_some()
    });
    let result = harness.state().views().class.result.clone().unwrap();
    assert_eq!(result.students.len(), 5);
    assert!(result.students.iter().all(|s| s.overall.f1.is_some()));
    assert!(harness.query_by_label("F1 per student and tag").is_some());

    // Sort by overall F1: Emil, who is nearly right, comes first.
    harness.get_by_label("All tags").click();
    harness.run_ok();
    assert_eq!(harness.state().views().class.sort, ClassSort::Overall);
    let best = result
        .students
        .iter()
        .max_by(|a, b| a.overall.f1.unwrap().total_cmp(&b.overall.f1.unwrap()))
        .unwrap();
    assert_eq!(best.name, "emil");

    harness.get_by_label("anna").click();
    harness.run_ok();
    assert_eq!(harness.state().views().class.selected_student, Some(0));
    assert!(harness.query_by_label("Passages of anna").is_some());
    // The class overlay on the first article, and the key beside Anna's copy.
    assert!(harness.query_by_label("The class on the text").is_some());
    assert!(
        harness
            .query_by_label("Key and anna side by side")
            .is_some()
    );
    assert!(harness.state().views().class.codings.is_some());

    harness.get_by_label("Hide student names").click();
    harness.run_ok();
    assert!(harness.state().views().class.hide_names);
    assert!(harness.query_by_label("anna").is_none());
    assert!(harness.query_by_label("Student 1").is_some());
    assert!(harness.query_by_label("Passages of Student 1").is_some());
    assert!(
        harness
            .query_by_label("Key and Student 1 side by side")
            .is_some()
    );
}

/// The change list names a claim's strength before and after, with the deciding words, and
/// who is cited on each side of an attribution change.
#[test]
fn compare_view_lists_strength_and_speaker_changes() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    harness.run();
    menu(&mut harness, "Tools", "Compare articles…");
    wait_for(&mut harness, "the comparison", comparison_ready);
    assert!(
        harness
            .query_by_label_contains("strength changes")
            .is_some(),
        "the summary counts strength changes"
    );
    // The sample's rewrite: "Die Autoren des Berichts sind davon überzeugt, …".
    assert!(
        harness
            .query_by_label_contains("claim strengthened (plain → certain): (no cue) → überzeugt")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("attribution changed (Guseinova → no one)")
            .is_some()
    );
}

/// A weak counterpart (a sentence pair that shares only a figure) is shown as such, with its
/// evidence, instead of as two one-sided rows.
#[test]
fn compare_view_shows_a_weak_counterpart_with_its_evidence() {
    use lateral::io::import::article_from_paste;
    use lateral::model::{Edit, Project};
    let dir = tempfile::tempdir().unwrap();
    let mut project = Project::new("Weak");
    let texts = [
        "Der Rat tagte am Montag. Eine Entsendung von mehr als 20.000 Soldaten scheint unwahrscheinlich.",
        "Der Rat tagte am Montag. Dem Fazit zufolge können bis zu 20.000 Kämpfer geschickt werden.",
    ];
    for (index, text) in texts.into_iter().enumerate() {
        let article = article_from_paste(ArticleId(index as u64 + 1), text, None).unwrap();
        project
            .apply(Edit::AddArticle {
                article: Box::new(article),
                index: None,
            })
            .unwrap();
    }
    let path = dir.path().join("weak.ron");
    lateral::io::save_project(&project, &path).unwrap();
    let config = AppConfig::in_folder(dir.path());
    let mut harness = Harness::builder()
        .with_size(vec2(1400.0, 900.0))
        .with_max_steps(60)
        .allow_missing_glyphs()
        .build_eframe(move |cc| App::new(&cc.egui_ctx, Some(&path), config));
    harness.run();
    harness
        .state_mut()
        .push_command(Command::View(ViewCommand::Compare {
            article_a: ArticleId(1),
            article_b: ArticleId(2),
        }));
    harness.step();
    wait_for(&mut harness, "the comparison", comparison_ready);
    assert!(
        harness
            .query_by_label("weak counterpart: shares 20.000")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("1 weak counterpart")
            .is_some()
    );
    assert!(
        harness
            .query_all_by_label_contains("hedge changed")
            .next()
            .is_some()
    );
}
