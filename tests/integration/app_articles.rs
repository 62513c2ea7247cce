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
