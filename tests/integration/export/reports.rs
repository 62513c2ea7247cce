//! Markdown and HTML reports: golden files, escaping, self-containment.

use crate::export::{assert_golden, fixture, sample_project};
use lateral::export::{ExportFilter, ExportFormat, ExportOptions, export};
use lateral::model::{AnnotationId, TagId};

fn report(format: ExportFormat, filter: &ExportFilter) -> String {
    String::from_utf8(
        export(
            &fixture::project(),
            format,
            filter,
            ExportOptions::default(),
        )
        .unwrap(),
    )
    .unwrap()
}

#[test]
fn markdown_matches_golden() {
    let markdown = report(ExportFormat::Markdown, &ExportFilter::default());
    assert_golden("fixture.md", &markdown);
    assert!(markdown.contains("## By tag"));
    assert!(markdown.contains("speaker: Dmitri Peskow"));
    assert!(
        markdown.contains("Zitat \\<wörtlich\\> & knapp"),
        "markup in notes is escaped"
    );
}

#[test]
fn html_matches_golden_and_is_self_contained() {
    let html = report(ExportFormat::Html, &ExportFilter::default());
    assert_golden("fixture.html", &html);
    for forbidden in ["<script", "<link", "src=", "@import", "url("] {
        assert!(
            !html.contains(forbidden),
            "the report must need no network: found {forbidden}"
        );
    }
    assert!(html.contains("Zitat &lt;wörtlich&gt; &amp; knapp"));
    assert!(html.contains("<title>Russland &amp; Nordkorea &lt;Test&gt;</title>"));
    assert!(
        html.contains("class=\"overlap\""),
        "overlapping passages are marked"
    );
    assert!(
        html.contains("rgba(78,154,230,0.45)"),
        "claims are coloured like in the app"
    );
}

#[test]
fn html_keeps_every_character_of_the_articles() {
    let project = fixture::project();
    let html = report(ExportFormat::Html, &ExportFilter::default());
    let without_tags = strip_tags(&html)
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    for article in project.articles() {
        assert!(
            without_tags.contains(article.text()),
            "article {} is shown whole",
            article.id
        );
    }
}

#[test]
fn reports_follow_the_filter() {
    let filter = ExportFilter {
        tags: Some(vec![TagId(4)]),
        ..ExportFilter::default()
    };
    let markdown = report(ExportFormat::Markdown, &filter);
    assert!(markdown.contains("### denial (1)"));
    assert!(!markdown.contains("### claim"));
    let project = fixture::project();
    let denial = project.annotation(AnnotationId(3)).unwrap();
    let html = report(ExportFormat::Html, &filter);
    assert_eq!(
        html.matches("<mark").count(),
        1,
        "only {} is highlighted",
        denial.quote
    );
}

#[test]
fn sample_project_reports_render() {
    let project = sample_project();
    let html = export(
        &project,
        ExportFormat::Html,
        &ExportFilter::default(),
        ExportOptions::default(),
    )
    .unwrap();
    assert!(String::from_utf8(html).unwrap().ends_with("</html>\n"));
}

/// The text of `html` without tags and without footnote numbers.
fn strip_tags(html: &str) -> String {
    let mut html = html.to_owned();
    while let (Some(start), Some(end)) = (html.find("<sup>"), html.find("</sup>")) {
        html.replace_range(start..end + "</sup>".len(), "");
    }
    let mut out = String::new();
    let mut in_tag = false;
    for ch in html.chars() {
        match ch {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(ch),
            _ => {}
        }
    }
    out
}
