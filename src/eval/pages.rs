//! Web-page import measured on Mozilla Readability's test pages: for each folder with
//! `source.html`, `expected.html` and `expected-metadata.json`, the word-level F1 of the
//! article text against the expected article, and whether title, byline, site name,
//! language and published date equal the expected ones.

use crate::io::import::read_page;
use crate::text::fold_whitespace;
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// Which pages of a test-page folder to measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageSet {
    /// Folders whose names begin with a digit or a–m: the part for development.
    Development,
    /// Every folder (the pages from n to z are kept for independent measurement).
    All,
}

impl PageSet {
    /// Whether a folder name belongs to this set.
    #[must_use]
    pub fn contains(self, name: &str) -> bool {
        match self {
            PageSet::All => true,
            PageSet::Development => name.chars().next().is_some_and(|c| {
                c.is_ascii_digit() || ('a'..='m').contains(&c.to_ascii_lowercase())
            }),
        }
    }
}

/// One metadata field: how often it equalled the expected value where one was given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldScore {
    /// Pages whose expected metadata give the field.
    pub expected: usize,
    /// Of those, pages where Lateral read the same value.
    pub equal: usize,
    /// Folder names of the pages where it differed.
    pub differing: Vec<String>,
}

impl FieldScore {
    fn record(&mut self, page: &str, expected: Option<&str>, found: Option<&str>) {
        let Some(expected) = expected.map(fold_whitespace).filter(|e| !e.is_empty()) else {
            return;
        };
        self.expected += 1;
        if found.map(fold_whitespace).as_deref() == Some(expected.as_str()) {
            self.equal += 1;
        } else {
            self.differing.push(page.to_owned());
        }
    }

    /// Share of equal values (1 when none was expected).
    #[must_use]
    pub fn share(&self) -> f64 {
        if self.expected == 0 {
            1.0
        } else {
            self.equal as f64 / self.expected as f64
        }
    }
}

/// The result on one page.
#[derive(Clone, Debug, PartialEq)]
pub struct PageScore {
    /// The folder name.
    pub name: String,
    /// Word-level F1 of the article text against the expected article.
    pub f1: f64,
}

/// The result over a folder of test pages.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PagesReport {
    /// Every page measured, by folder name.
    pub pages: Vec<PageScore>,
    /// Title equal to the expected title (on every page that has one).
    pub title: FieldScore,
    /// First author equal to the expected byline.
    pub byline: FieldScore,
    /// Outlet equal to the expected site name.
    pub site_name: FieldScore,
    /// Language equal to the expected `lang`.
    pub language: FieldScore,
    /// Date equal to the expected published time.
    pub published: FieldScore,
    /// Folders that could not be read, with the reason.
    pub unreadable: Vec<(PathBuf, String)>,
}

impl PagesReport {
    /// Mean word-level F1 over the pages.
    #[must_use]
    pub fn mean_f1(&self) -> f64 {
        if self.pages.is_empty() {
            return 0.0;
        }
        self.pages.iter().map(|p| p.f1).sum::<f64>() / self.pages.len() as f64
    }

    /// The F1 of the page whose folder is `name`.
    #[must_use]
    pub fn f1_of(&self, name: &str) -> Option<f64> {
        self.pages.iter().find(|p| p.name == name).map(|p| p.f1)
    }
}

impl fmt::Display for PagesReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} pages: mean word F1 {:.4}, lowest {}",
            self.pages.len(),
            self.mean_f1(),
            self.pages
                .iter()
                .min_by(|a, b| a.f1.total_cmp(&b.f1))
                .map_or_else(|| "-".to_owned(), |p| format!("{:.4} ({})", p.f1, p.name))
        )?;
        for (label, score) in [
            ("title", &self.title),
            ("byline", &self.byline),
            ("site name", &self.site_name),
            ("language", &self.language),
            ("published", &self.published),
        ] {
            write!(
                f,
                "{label}: {} of {} equal ({:.1} %)",
                score.equal,
                score.expected,
                score.share() * 100.0
            )?;
            if score.differing.is_empty() {
                writeln!(f)?;
            } else {
                writeln!(f, "; differs on {}", score.differing.join(", "))?;
            }
        }
        for page in self.pages.iter().filter(|p| p.f1 < 0.99) {
            writeln!(f, "  {:.4} {}", page.f1, page.name)?;
        }
        for (path, reason) in &self.unreadable {
            writeln!(f, "not read: {}: {reason}", path.display())?;
        }
        Ok(())
    }
}

/// Measures every page of `set` in `dir` (a `test/test-pages` folder of Mozilla Readability).
pub fn evaluate(dir: &Path, set: PageSet) -> std::io::Result<PagesReport> {
    let mut names: Vec<String> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .filter(|entry| entry.path().join("source.html").is_file())
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|name| set.contains(name))
        .collect();
    names.sort();
    let mut report = PagesReport::default();
    for name in names {
        let folder = dir.join(&name);
        match measure(&folder, &name, &mut report) {
            Ok(score) => report.pages.push(score),
            Err(reason) => report.unreadable.push((folder, reason)),
        }
    }
    Ok(report)
}

fn measure(folder: &Path, name: &str, report: &mut PagesReport) -> Result<PageScore, String> {
    let read = |file: &str| {
        std::fs::read(folder.join(file))
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
            .map_err(|e| format!("{file}: {e}"))
    };
    let source = read("source.html")?;
    let expected = read("expected.html")?;
    let metadata: serde_json::Value = serde_json::from_str(&read("expected-metadata.json")?)
        .map_err(|e| format!("expected-metadata.json: {e}"))?;
    let expected_text = dom_query::Document::from(expected.as_str())
        .select("body")
        .text()
        .to_string();
    let page = read_page(&source, Some("http://fakehost/test/page.html"));
    let field = |key: &str| metadata.get(key).and_then(serde_json::Value::as_str);
    report
        .title
        .record(name, field("title"), Some(&page.meta.title));
    report.byline.record(
        name,
        field("byline"),
        page.meta.authors.first().map(String::as_str),
    );
    report
        .site_name
        .record(name, field("siteName"), Some(&page.meta.outlet));
    report
        .language
        .record(name, field("lang"), Some(&page.meta.language));
    report
        .published
        .record(name, field("publishedTime"), page.meta.date.as_deref());
    Ok(PageScore {
        name: name.to_owned(),
        f1: word_f1(&page.text, &expected_text),
    })
}

/// Word-level F1 of `found` against `expected`: words are runs of letters and digits,
/// compared case-insensitively as multisets.
///
/// ```
/// use lateral::eval::pages::word_f1;
/// assert_eq!(word_f1("a b c", "a b c"), 1.0);
/// assert!((word_f1("a b", "a b c d") - 2.0 / 3.0).abs() < 1e-9);
/// ```
#[must_use]
pub fn word_f1(found: &str, expected: &str) -> f64 {
    fn bag(text: &str) -> HashMap<String, usize> {
        let mut bag = HashMap::new();
        for word in text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            *bag.entry(word.to_lowercase()).or_insert(0) += 1;
        }
        bag
    }
    let (found, expected) = (bag(found), bag(expected));
    let found_total: usize = found.values().sum();
    let expected_total: usize = expected.values().sum();
    if found_total == 0 && expected_total == 0 {
        return 1.0;
    }
    if found_total == 0 || expected_total == 0 {
        return 0.0;
    }
    let common: usize = found
        .iter()
        .map(|(word, n)| (*n).min(expected.get(word).copied().unwrap_or(0)))
        .sum();
    let precision = common as f64 / found_total as f64;
    let recall = common as f64 / expected_total as f64;
    if common == 0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}
