//! The Markdown report: per article and per tag, the tagged quotes with speakers and notes.

use super::ExportFilter;
use crate::model::{Annotation, Article, Project, Tag};
use std::fmt::Write;

/// Writes the report. Text from the project is escaped so that it cannot start headings,
/// lists or links of its own.
pub(super) fn write_markdown(project: &Project, filter: &ExportFilter) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape_markdown(project.title()));
    let num_annotations = filter.annotations(project).count();
    let _ = writeln!(out, "{num_annotations} tagged passages.\n");
    out.push_str("## By article\n\n");
    for article in project
        .articles()
        .iter()
        .filter(|a| filter.includes_article(a.id))
    {
        write_article(&mut out, project, article, filter);
    }
    out.push_str("## By tag\n\n");
    for tag in project.tags().iter().filter(|t| filter.includes_tag(t.id)) {
        write_tag(&mut out, project, tag, filter);
    }
    out
}

fn write_article(out: &mut String, project: &Project, article: &Article, filter: &ExportFilter) {
    let _ = writeln!(out, "### {}\n", escape_markdown(&article.meta.title));
    let details = article_details(article);
    if !details.is_empty() {
        let _ = writeln!(out, "{}\n", escape_markdown(&details));
    }
    let mut any = false;
    for annotation in project
        .annotations_of(article.id)
        .filter(|a| filter.includes(a))
    {
        let tag_name = project
            .tag(annotation.tag_id)
            .map_or("?", |t| t.name.as_str());
        let _ = writeln!(
            out,
            "- **{}**: {}",
            escape_markdown(tag_name),
            quote_line(annotation)
        );
        any = true;
    }
    out.push_str(if any { "\n" } else { "No tagged passages.\n\n" });
}

fn write_tag(out: &mut String, project: &Project, tag: &Tag, filter: &ExportFilter) {
    let annotations: Vec<&Annotation> = filter
        .annotations(project)
        .filter(|a| a.tag_id == tag.id)
        .collect();
    let _ = writeln!(
        out,
        "### {} ({})\n",
        escape_markdown(&tag.name),
        annotations.len()
    );
    if !tag.description.is_empty() {
        let _ = writeln!(out, "*{}*\n", escape_markdown(&tag.description));
    }
    for annotation in &annotations {
        let title = project
            .article(annotation.article_id)
            .map_or("?", |a| a.meta.title.as_str());
        let _ = writeln!(
            out,
            "- {} (*{}*)",
            quote_line(annotation),
            escape_markdown(title)
        );
    }
    if !annotations.is_empty() {
        out.push('\n');
    }
}

/// "„quote“ — speaker: X. Note: …" on one line.
fn quote_line(annotation: &Annotation) -> String {
    let quote = escape_markdown(&one_line(&annotation.quote));
    let quoted = quote.starts_with(['„', '“', '"', '»', '«']);
    let mut line = if quoted {
        quote
    } else {
        format!("„{quote}“")
    };
    if !annotation.speaker.trim().is_empty() {
        let _ = write!(
            line,
            " — speaker: {}",
            escape_markdown(annotation.speaker.trim())
        );
    }
    if !annotation.note.trim().is_empty() {
        let _ = write!(
            line,
            " — note: {}",
            escape_markdown(&one_line(annotation.note.trim()))
        );
    }
    if !annotation.annotator.trim().is_empty() {
        let _ = write!(
            line,
            " — by {}",
            escape_markdown(annotation.annotator.trim())
        );
    }
    line
}

/// Authors, outlet, date and URL, separated by commas.
pub(super) fn article_details(article: &Article) -> String {
    let meta = &article.meta;
    let authors = if meta.authors.is_empty() {
        String::new()
    } else {
        format!("by {}", meta.authors.join(" and "))
    };
    [
        Some(authors.as_str()),
        Some(meta.outlet.as_str()),
        meta.date.as_deref(),
        meta.url.as_deref(),
    ]
    .into_iter()
    .flatten()
    .map(str::trim)
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(", ")
}

/// `„quote“`, unless the quote brings its own quotation marks.
pub(super) fn in_quotes(quote: &str) -> String {
    if quote.starts_with(['„', '“', '"', '»', '«']) {
        quote.to_owned()
    } else {
        format!("„{quote}“")
    }
}

fn one_line(text: &str) -> String {
    crate::text::fold_whitespace(text)
}

/// Backslash-escapes the characters that Markdown gives a meaning.
fn escape_markdown(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for ch in text.chars() {
        if matches!(
            ch,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!' | '{' | '}'
        ) {
            escaped.push('\\');
        }
        escaped.push(ch);
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markdown_syntax() {
        assert_eq!(escape_markdown("# *a* [b](c)"), "\\# \\*a\\* \\[b\\](c)");
        assert_eq!(one_line("a\n  b"), "a b");
    }
}
