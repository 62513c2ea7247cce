//! Feeds: one article per item, dates as the feed wrote them, teaser links cut and listed.

use lateral::io::import::{ImportError, import_files, import_path};
use lateral::model::{ArticleId, SourceFormat};
use std::path::PathBuf;

fn feed(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/feeds")
        .join(name)
}

#[test]
fn rss_items_become_articles_with_their_metadata() {
    let articles = import_path(&feed("nachrichten.rss"), ArticleId(7)).unwrap();
    assert_eq!(articles.len(), 3);
    let ids: Vec<u64> = articles.iter().map(|a| a.id.0).collect();
    assert_eq!(ids, [7, 8, 9]);
    let first = &articles[0];
    assert_eq!(
        first.meta.title,
        "Nordkoreanische Soldaten in Russland: Was bisher bekannt ist"
    );
    assert_eq!(
        first.meta.outlet,
        "Beispielnachrichten - Meldungen aus aller Welt"
    );
    assert_eq!(first.meta.authors, ["Anna Beispiel"]);
    assert_eq!(first.meta.language, "de");
    assert_eq!(
        first.meta.url.as_deref(),
        Some("https://nachrichten.example.org/ausland/nordkorea-soldaten-100.html")
    );
    // The date as written: just after midnight in CET is still the 28th.
    assert_eq!(
        first.meta.date.as_deref(),
        Some("Mon, 28 Oct 2024 00:30:00 +0100")
    );
    assert_eq!(first.meta.pub_date().unwrap().to_iso(), "2024-10-28");
    assert_eq!(first.import.format, SourceFormat::Feed);
    assert_eq!(first.source_file.as_deref(), Some("nachrichten.rss"));
    assert!(
        first.text().starts_with(
            "Nordkoreanische Soldaten in Russland: Was bisher bekannt ist\n\nSüdkoreas Geheimdienst"
        ),
        "{}",
        first.text()
    );
    // The read-more link is cut from the text and listed; image markup leaves nothing.
    assert!(
        first
            .text()
            .ends_with("Moskau dementiert. Von A. Beispiel."),
        "{}",
        first.text()
    );
    assert_eq!(first.import.cut.len(), 1);
    assert_eq!(first.import.cut[0].text, "[mehr]");
    let notes = first.import.notes.join("\n");
    assert!(notes.contains("Item 1 of 3 of the RSS 2.0 feed"), "{notes}");
    assert!(
        notes.contains("import the page at https://nachrichten.example.org/ausland/"),
        "{notes}"
    );
    // HTML in the description: paragraphs kept, markup gone.
    let second = &articles[1];
    assert!(
        second
            .text()
            .contains("auf bis zu 5,5 Milliarden US-Dollar.\n"),
        "{}",
        second.text()
    );
    assert!(!second.text().contains('<'));
    // An item with a headline only is kept, and says so.
    let third = &articles[2];
    assert_eq!(third.text(), "Eilmeldung ohne Text");
    assert!(
        third
            .import
            .notes
            .iter()
            .any(|n| n.contains("headline only"))
    );
}

#[test]
fn atom_0_3_with_a_doubly_wrapped_body_reads_its_text() {
    let articles = import_path(&feed("nachrichten-atom03.xml"), ArticleId(1)).unwrap();
    assert_eq!(articles.len(), 1);
    let article = &articles[0];
    assert!(
        article.text().contains(
            "Südkoreas Geheimdienst spricht von bis zu 12.000 Soldaten. Moskau dementiert."
        ),
        "{}",
        article.text()
    );
    assert!(!article.text().contains("CDATA"), "{}", article.text());
    assert!(!article.text().contains("mehr"), "{}", article.text());
    assert_eq!(article.meta.date.as_deref(), Some("2024-10-27T23:30:00Z"));
    assert_eq!(article.meta.language, "de");
    assert!(
        article
            .import
            .notes
            .iter()
            .any(|n| n.contains("wrapped twice as CDATA")),
        "{:?}",
        article.import.notes
    );
}

#[test]
fn a_latin1_feed_and_its_german_date_read_right() {
    let articles = import_path(&feed("latin1.rss"), ArticleId(1)).unwrap();
    let article = &articles[0];
    assert_eq!(article.meta.outlet, "Grüße aus Köln");
    assert_eq!(article.meta.title, "März-Bericht: Zahl der Flüge sinkt");
    assert_eq!(article.import.encoding, "ISO-8859-1");
    assert_eq!(article.meta.date.as_deref(), Some("27.03.2024"));
    assert_eq!(article.meta.pub_date().unwrap().to_iso(), "2024-03-27");
}

#[test]
fn a_folder_with_feeds_imports_every_item_and_refuses_other_xml() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["nachrichten.rss", "latin1.rss"] {
        std::fs::copy(feed(name), dir.path().join(name)).unwrap();
    }
    std::fs::write(
        dir.path().join("daten.xml"),
        "<?xml version=\"1.0\"?><daten/>",
    )
    .unwrap();
    std::fs::write(dir.path().join("kaputt.rss"), "<rss><channel><item><title>").unwrap();
    let batch = import_files(&[dir.path().to_path_buf()], ArticleId(1));
    assert_eq!(batch.imported.len(), 4, "{}", batch.summary());
    let ids: Vec<u64> = batch.imported.iter().map(|a| a.id.0).collect();
    assert_eq!(ids, [1, 2, 3, 4]);
    let failures: Vec<String> = batch.failed.iter().map(ImportError::to_string).collect();
    assert_eq!(failures.len(), 2, "{failures:?}");
    assert!(
        failures
            .iter()
            .any(|f| f.contains("daten.xml") && f.contains("not an RSS or Atom feed"))
    );
    assert!(
        failures.iter().any(|f| f.contains("kaputt.rss")),
        "{failures:?}"
    );
}

/// Over a folder of real feeds (e.g. feed-rs's `fixture/` folder, MIT, with each feed's
/// expected model in `NAME.serde.json`): every item with a title imports with that title and
/// its first link, and every written date reads to the day feed-rs reads (in UTC, so one day
/// either way). Run with `LATERAL_FEED_DIR=…/feed-rs/fixture cargo test real_feeds -- --nocapture`.
#[test]
fn real_feeds_import_with_their_titles_links_and_dates() {
    let Some(dir) = std::env::var_os("LATERAL_FEED_DIR") else {
        return;
    };
    let (mut feeds, mut items, mut titles, mut dates_read, mut dated, mut failed) =
        (0, 0, 0, 0, 0, Vec::new());
    let mut entries_total = 0;
    let paths = crate::files_under(std::path::Path::new(&dir), "xml");
    for path in paths {
        let expected_path = path.with_extension("serde.json");
        let Ok(expected) = std::fs::read_to_string(&expected_path) else {
            continue;
        };
        let expected: serde_json::Value = serde_json::from_str(&expected).unwrap();
        let entries = expected["entries"].as_array().cloned().unwrap_or_default();
        feeds += 1;
        entries_total += entries.len();
        let articles = match import_path(&path, ArticleId(1)) {
            Ok(articles) => articles,
            Err(error) => {
                if !entries.is_empty() {
                    failed.push(format!("{}: {error}", path.display()));
                }
                continue;
            }
        };
        for (entry, article) in entries.iter().zip(&articles) {
            items += 1;
            let title = entry["title"]["content"].as_str().unwrap_or_default();
            if title.is_empty() || lateral::text::fold_whitespace(title) == article.meta.title {
                titles += 1;
            } else {
                eprintln!(
                    "{}: title {:?} vs {:?}",
                    path.display(),
                    article.meta.title,
                    title
                );
            }
            let published = entry["published"].as_str().or(entry["updated"].as_str());
            if let Some(published) = published {
                dated += 1;
                let day = &published[..10];
                let ours = article.meta.pub_date().map(|d| d.first.to_string());
                let near = ours.as_deref().is_some_and(|ours| {
                    let (a, b): (jiff::civil::Date, jiff::civil::Date) =
                        (ours.parse().unwrap(), day.parse().unwrap());
                    a.until(b).unwrap().get_days().abs() <= 1
                });
                if near {
                    dates_read += 1;
                } else {
                    eprintln!(
                        "{}: date {:?} read as {ours:?}, feed-rs {day}",
                        path.display(),
                        article.meta.date
                    );
                }
            }
        }
    }
    eprintln!(
        "{feeds} feeds, {entries_total} items in feed-rs's model, {items} imported: titles \
         {titles}/{items}, dates {dates_read}/{dated}, {} feeds failed",
        failed.len()
    );
    for failure in &failed {
        eprintln!("  {failure}");
    }
    assert!(feeds > 0);
    assert_eq!(titles, items);
}
