//! The article list sorted, filtered and on a timeline, driven by role and label.

use super::app::harness;
use eframe::egui;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use lateral::app::App;
use lateral::model::ArticleId;

/// The article list's rows (buttons named by title) from top to bottom, as article ids.
fn listed(harness: &Harness<'_, App>) -> Vec<u64> {
    let project = harness.state().project();
    let mut rows: Vec<(f32, u64)> = project
        .articles()
        .iter()
        .filter_map(|article| {
            harness
                .query_by_role_and_label(Role::Button, &article.meta.title)
                .map(|node| (node.rect().top(), article.id.0))
        })
        .collect();
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    rows.into_iter().map(|(_, id)| id).collect()
}

fn choose(harness: &mut Harness<'_, App>, combo: &str, item: &str) {
    harness.get_by_role_and_label(Role::ComboBox, combo).click();
    harness.run();
    harness.get_by_label(item).click();
    harness.run();
}

#[test]
fn the_article_list_sorts_by_date_filters_and_opens_from_the_timeline() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    harness.run();
    assert_eq!(listed(&harness), [1, 2, 3, 4, 5]);
    // By date: September 2023, 27.05.2024, autumn 2024, October 2024, late October 2024.
    choose(&mut harness, "Sort", "date");
    assert_eq!(listed(&harness), [4, 5, 3, 1, 2]);
    // Newest first.
    harness
        .get_by_role_and_label(Role::Button, "Reverse the order")
        .click();
    harness.run();
    assert_eq!(listed(&harness), [2, 1, 3, 5, 4]);
    // Only one outlet.
    choose(
        &mut harness,
        "Show only the articles of one outlet",
        "Friedrich-Naumann-Stiftung für die Freiheit (2)",
    );
    assert_eq!(listed(&harness), [1, 4]);
    assert!(harness.query_all_by_value("2 of 5 shown").next().is_some());
    harness.get_by_label("Show all").click();
    harness.run();
    assert_eq!(listed(&harness).len(), 5);
    // Words in the filter field: title, outlet, authors or date.
    harness
        .get_by(|node| {
            node.role() == Role::TextInput
                && node
                    .data()
                    .placeholder()
                    .is_some_and(|p| p.starts_with("Filter"))
        })
        .click();
    harness.run();
    harness.event(egui::Event::Text("Asmolov".into()));
    harness.run();
    assert_eq!(listed(&harness), [5]);
    harness.get_by_label("Show all").click();
    harness.run();
    // The timeline names each article with its outlet and date; a click opens it.
    let essay = harness
        .get_by_label_contains("— 27.05.2024 (27 May 2024)")
        .rect();
    harness.hover_at(essay.center());
    harness.run();
    harness
        .get_by_label_contains("— 27.05.2024 (27 May 2024)")
        .click();
    harness.run();
    assert_eq!(harness.state().column_articles()[0], ArticleId(5));
    // A month is a bar and says what it was read as.
    assert!(
        harness
            .query_by_label_contains("— Herbst 2024 (Sep–Nov 2024)")
            .is_some()
    );
}

/// A folder of many pages imports in the background: the status bar counts the files while
/// the window stays live, every page arrives, and each article's details show its import
/// report (file, kind, encoding, what was left out of the page).
#[test]
fn a_folder_imports_with_progress_and_each_article_has_its_report() {
    use egui_kittest::kittest::Queryable as _;
    use lateral::app::command::Command;

    const PAGES: usize = 300;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("seiten");
    std::fs::create_dir_all(folder.join("2024")).unwrap();
    for n in 0..PAGES {
        let page = format!(
            "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Meldung {n}</title></head>\
             <body><nav><a href=\"/\">Startseite</a> <a href=\"/politik\">Politik</a></nav><article><h1>Meldung {n}</h1>\
             <p>Die Regierung in Seoul berichtet von {n} Lieferungen. Beobachter halten weitere Lieferungen für wahrscheinlich, \
             Belege dafür gibt es bislang aber nicht, wie es in dem Bericht heißt.</p>\
             <p>Die Opposition fordert Aufklärung und eine Sitzung des Ausschusses in der kommenden Woche.</p></article>\
             <footer>Impressum</footer></body></html>"
        );
        let sub = if n % 2 == 0 { "2024" } else { "" };
        std::fs::write(folder.join(sub).join(format!("meldung-{n:04}.html")), page).unwrap();
    }
    let mut harness = super::app::harness(dir.path());
    harness.run();
    let before = harness.state().project().articles().len();
    harness
        .state_mut()
        .push_command(Command::ImportFiles(vec![folder.clone()]));
    harness.step();
    harness.step();
    let mut saw_progress = false;
    let started = std::time::Instant::now();
    while harness.state().project().articles().len() == before {
        saw_progress |= harness.query_by_label_contains("Importing").is_some();
        assert!(
            started.elapsed() < std::time::Duration::from_mins(1),
            "timed out"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.step();
    }
    harness.run();
    assert!(saw_progress, "no progress bar while importing");
    assert_eq!(harness.state().project().articles().len(), before + PAGES);
    let last = harness.state().notifications().last().unwrap();
    assert_eq!(last.text, format!("{PAGES} articles imported"));
    assert!(harness.query_by_label_contains("Importing").is_none());

    // The details of the article that is open now: its report names the file and what was
    // left out (the menu and the footer).
    super::app::open_import_report(
        &mut harness,
        "Import report: 2 passages left out of the page",
    );
    assert!(
        harness
            .query_by_label_contains("meldung-0000.html · web page ·")
            .is_some()
    );
    assert!(harness.query_by_label("Encoding: UTF-8").is_some());
}
