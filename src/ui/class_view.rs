//! The class view: students scored against a key. A table of F1 per student and tag (sortable),
//! the confusion matrix, the key's passages ranked by how many students missed them, and one
//! student's findings, the class overlay on an article and the key beside one student. Names
//! can be hidden for the projector.

use super::highlight::TextLook;
use super::theme;
use crate::agreement::{ClassResult, FindingKind, StudentResult};
use crate::app::App;
use crate::app::class_state::{ClassCodings, ClassSort, ClassState};
use eframe::egui;

/// The class view.
pub fn class_view_ui(ui: &mut egui::Ui, app: &mut App) {
    setup_ui(ui, app);
    ui.separator();
    if app.views.class.is_computing() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Scoring the class…");
        });
        return;
    }
    let Some(result) = app.views.class.result.clone() else {
        ui.add(
            egui::Label::new(
                "Choose a key and the students' files, or score the annotators of this project.",
            )
            .wrap(),
        );
        return;
    };
    let dark = app.prefs.dark;
    let look = TextLook {
        size: app.prefs.text_size,
        dark,
        hide_furniture: false,
        wrap_width: 600.0,
    };
    let state = &mut app.views.class;
    if let Some(index) = state.selected_student
        && let Some(student) = result.students.get(index)
    {
        let name = state.student_name(index);
        let width = ui.available_width();
        egui::Panel::right("class_student")
            .resizable(true)
            .default_size((width * 0.45).clamp(220.0, 380.0))
            .max_size((width * 0.6).max(220.0))
            .show(ui, |ui| student_ui(ui, &name, student));
    }
    egui::ScrollArea::vertical()
        .id_salt("class_view")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.checkbox(&mut state.hide_names, "Hide student names")
                .on_hover_text("Show \"Student 1\", \"Student 2\", … instead of names");
            ui.heading("F1 per student and tag");
            table_ui(ui, state, &result, dark);
            ui.add_space(8.0);
            ui.heading("Confusion");
            confusion_ui(ui, &result, dark);
            ui.add_space(8.0);
            ui.heading("Passages most often missed");
            passages_ui(ui, &result);
            if let Some(codings) = state.codings.clone() {
                ui.add_space(8.0);
                articles_ui(ui, state, &codings, &result, &look);
            }
        });
}

fn setup_ui(ui: &mut egui::Ui, app: &mut App) {
    let names = crate::agreement::annotators(&app.doc.project);
    // Wrapped, so that a narrow window moves buttons to a second line instead of cutting them.
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("Choose key and students…")
            .on_hover_text("Pick the key's project file, then the students' files")
            .clicked()
        {
            app.file_dialogs.pick_class();
        }
        if let Some((key, students)) = sample_class()
            && ui
                .button("Score the sample class")
                .on_hover_text(
                    "The key and five student copies in samples/class (see its SOURCES.md)",
                )
                .clicked()
        {
            app.push_command(crate::app::command::Command::View(
                crate::app::views::ViewCommand::ScoreClassFiles { key, students },
            ));
        }
        ui.separator();
        let state = &mut app.views.class;
        if state
            .key_annotator
            .as_ref()
            .is_none_or(|k| !names.contains(k))
        {
            state.key_annotator = names
                .iter()
                .find(|n| {
                    let n = n.to_lowercase();
                    n.contains("key") || n.contains("trainer")
                })
                .or(names.first())
                .cloned();
        }
        egui::ComboBox::new("class_key_annotator", "Key annotator")
            .selected_text(state.key_annotator.as_deref().unwrap_or("None"))
            .show_ui(ui, |ui| {
                for name in &names {
                    ui.selectable_value(&mut state.key_annotator, Some(name.clone()), name);
                }
            });
        let key = state.key_annotator.clone();
        if ui
            .add_enabled(
                key.is_some(),
                egui::Button::new("Score the project's annotators"),
            )
            .on_hover_text(
                "Score every other annotator of the open project against the key annotator",
            )
            .clicked()
            && let Some(key) = key
        {
            app.views.class.score_annotators(&app.doc.project, &key);
        }
    });
}

fn f1_text(f1: Option<f64>) -> String {
    f1.map_or_else(|| "–".to_owned(), |f| format!("{f:.2}"))
}

fn f1_cell(ui: &mut egui::Ui, f1: Option<f64>, dark: bool) {
    let fill = f1.map_or(egui::Color32::TRANSPARENT, |f| theme::score_fill(dark, f));
    egui::Frame::new()
        .fill(fill)
        .inner_margin(egui::Margin::symmetric(6, 2))
        .show(ui, |ui| ui.label(f1_text(f1)));
}

/// Students in the chosen order.
fn sorted_students(result: &ClassResult, sort: ClassSort) -> Vec<usize> {
    let mut order: Vec<usize> = (0..result.students.len()).collect();
    let f1 = |student: &StudentResult| match sort {
        ClassSort::Input => None,
        ClassSort::Overall => student.overall.f1,
        ClassSort::Tag(tag) => student.by_tag.get(tag).and_then(|t| t.f1),
    };
    if sort != ClassSort::Input {
        order.sort_by(|&x, &y| {
            let key = |i: usize| result.students.get(i).and_then(f1).unwrap_or(-1.0);
            key(y).total_cmp(&key(x))
        });
    }
    order
}

fn table_ui(ui: &mut egui::Ui, state: &mut ClassState, result: &ClassResult, dark: bool) {
    egui::Grid::new("class_table").striped(true).show(ui, |ui| {
        let mut header = |ui: &mut egui::Ui, label: &str, sort: ClassSort| {
            let response = ui
                .selectable_label(state.sort == sort, label)
                .on_hover_text("Sort by this column");
            if response.clicked() {
                state.sort = sort;
            }
        };
        header(ui, "Student", ClassSort::Input);
        header(ui, "All tags", ClassSort::Overall);
        for (index, tag) in result.tags.iter().enumerate() {
            header(ui, tag, ClassSort::Tag(index));
        }
        ui.end_row();
        for index in sorted_students(result, state.sort) {
            let Some(student) = result.students.get(index) else {
                continue;
            };
            let name = state.student_name(index);
            if ui
                .selectable_label(state.selected_student == Some(index), name)
                .on_hover_text("Show this student's passages")
                .clicked()
            {
                state.selected_student = Some(index);
            }
            f1_cell(ui, student.overall.f1, dark);
            for score in &student.by_tag {
                f1_cell(ui, score.f1, dark);
            }
            ui.end_row();
        }
    });
}

fn confusion_ui(ui: &mut egui::Ui, result: &ClassResult, dark: bool) {
    let names: Vec<&str> = result
        .tags
        .iter()
        .map(String::as_str)
        .chain(std::iter::once("no tag"))
        .collect();
    let max = result
        .confusion
        .iter()
        .flatten()
        .copied()
        .max()
        .unwrap_or(0)
        .max(1);
    ui.label("Rows: the key's tag; columns: the students' tag.");
    egui::Grid::new("class_confusion").show(ui, |ui| {
        ui.label("");
        for name in &names {
            ui.label(*name);
        }
        ui.end_row();
        for (row, counts) in result.confusion.iter().enumerate() {
            ui.label(names.get(row).copied().unwrap_or(""));
            for count in counts {
                egui::Frame::new()
                    .fill(theme::scale_fill(dark, *count as f64 / max as f64))
                    .inner_margin(egui::Margin::symmetric(6, 2))
                    .show(ui, |ui| ui.label(count.to_string()));
            }
            ui.end_row();
        }
    });
}

fn passages_ui(ui: &mut egui::Ui, result: &ClassResult) {
    let mut passages: Vec<_> = result.passages.iter().collect();
    passages.sort_by_key(|p| std::cmp::Reverse(p.num_students.saturating_sub(p.num_found)));
    let missed_by =
        |p: &crate::agreement::PassageResult| p.num_students.saturating_sub(p.num_found);
    let all_found = passages.iter().filter(|p| missed_by(p) == 0).count();
    if all_found > 0 {
        ui.label(format!(
            "{all_found} of the key's {} passages were found by every student.",
            passages.len()
        ));
    }
    for passage in passages.into_iter().filter(|p| missed_by(p) > 0) {
        let missed = missed_by(passage);
        ui.horizontal_wrapped(|ui| {
            ui.strong(format!("missed by {missed} of {}", passage.num_students));
            ui.label(format!("[{}]", passage.key_tag));
            ui.label(&passage.quote);
        });
        if !passage.key_note.is_empty() {
            ui.label(
                egui::RichText::new(format!("Key: {}", passage.key_note))
                    .small()
                    .weak(),
            );
        }
    }
}

fn finding_label(kind: FindingKind) -> &'static str {
    match kind {
        FindingKind::Miss => "missed",
        FindingKind::Extra => "extra",
        FindingKind::Mismatch => "wrong tag",
        FindingKind::Speaker => "wrong speaker",
    }
}

fn student_ui(ui: &mut egui::Ui, name: &str, student: &StudentResult) {
    ui.heading(format!("Passages of {name}"));
    ui.label(format!(
        "Found {} of the key's passages; {} missed, {} extra.",
        student.overall.matches, student.overall.misses, student.overall.extras
    ));
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("class_student_findings")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for finding in &student.findings {
                ui.horizontal_wrapped(|ui| {
                    ui.strong(finding_label(finding.kind));
                    let tags = match finding.kind {
                        FindingKind::Mismatch => {
                            format!("[{} → {}]", finding.key_tag, finding.student_tag)
                        }
                        FindingKind::Extra => format!("[{}]", finding.student_tag),
                        _ => format!("[{}]", finding.key_tag),
                    };
                    ui.label(tags);
                    ui.label(&finding.quote);
                });
                if finding.kind == FindingKind::Speaker {
                    ui.label(format!(
                        "Speaker: {} (key: {})",
                        finding.student_speaker, finding.key_speaker
                    ));
                }
                if !finding.key_note.is_empty() {
                    ui.label(egui::RichText::new(format!("Key: {}", finding.key_note)).weak());
                }
                ui.separator();
            }
        });
}

/// The class overlay on one of the key's articles, and the selected student beside the key.
fn articles_ui(
    ui: &mut egui::Ui,
    state: &mut ClassState,
    codings: &ClassCodings,
    result: &ClassResult,
    look: &TextLook,
) {
    ui.heading("The class on the text");
    let titles: Vec<&str> = codings
        .key
        .articles
        .iter()
        .map(|a| a.title.as_str())
        .collect();
    let label = ui.label("Article:");
    egui::ComboBox::new("class_article", "")
        .selected_text(titles.get(state.article).copied().unwrap_or(""))
        .show_ui(ui, |ui| {
            for (index, title) in titles.iter().enumerate() {
                ui.selectable_value(&mut state.article, index, *title);
            }
        })
        .response
        .labelled_by(label.id);
    ui.label(
        egui::RichText::new("Darker: more students tagged it. Hover for the tags they chose.")
            .small()
            .weak(),
    );
    let look = TextLook {
        wrap_width: (ui.available_width() - 16.0).max(200.0),
        ..*look
    };
    let names = |index: usize| state.student_name(index);
    super::class_text::overlay_ui(ui, codings, state.article, &look, &names);
    if let Some(index) = state.selected_student
        && let Some(student) = result.students.get(index)
    {
        ui.add_space(8.0);
        ui.heading(format!(
            "Key and {} side by side",
            state.student_name(index)
        ));
        super::class_text::side_by_side_ui(ui, codings, index, student, state.article, &look);
    }
}

/// The training class shipped in `samples/class`, if this build can find it.
fn sample_class() -> Option<(std::path::PathBuf, Vec<std::path::PathBuf>)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/class");
    let key = dir.join("key.ron");
    if !key.exists() {
        return None;
    }
    let mut students: Vec<_> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron") && *p != key)
        .collect();
    students.sort();
    Some((key, students))
}
