//! The HTML report: one self-contained file (inline CSS, no scripts, no network) with a legend,
//! every article's full text with the tagged passages coloured as in the app, and the quotes
//! per tag. All project text is escaped.

use super::ExportFilter;
use super::report_md::{article_details, in_quotes};
use crate::model::{Annotation, Article, Project, Rgb};
use std::fmt::Write;

const STYLE: &str = "body{font-family:Georgia,serif;max-width:48em;margin:2em auto;padding:0 1em;\
line-height:1.6;color:#222}h1,h2,h3{font-family:sans-serif}.meta{color:#555;font-size:.9em}\
.text{white-space:pre-wrap}mark{color:inherit;padding:.1em 0;border-radius:2px}\
mark.overlap{border-bottom:2px solid #222}.legend span{display:inline-block;margin:0 .5em .3em 0;\
padding:0 .4em;border-radius:3px}blockquote{margin:.5em 0;padding-left:1em;border-left:4px solid}\
.note{color:#444;font-style:italic}sup{color:#555;font-size:.7em}\
.tag{padding:0 .3em;border-radius:3px;font-family:sans-serif;font-size:.85em}";

/// Writes the report as one HTML document.
pub(super) fn write_html(project: &Project, filter: &ExportFilter) -> String {
    let mut out = String::new();
    let title = escape_html(project.title());
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{title}</h1>\n"
    );
    out.push_str("<p class=\"legend\">");
    for tag in project.tags().iter().filter(|t| filter.includes_tag(t.id)) {
        let _ = write!(
            out,
            "<span style=\"background:{}\" title=\"{}\">{}</span>",
            translucent(tag.colour),
            escape_html(&tag.description),
            escape_html(&tag.name)
        );
    }
    out.push_str("</p>\n");
    for article in project
        .articles()
        .iter()
        .filter(|a| filter.includes_article(a.id))
    {
        write_article(&mut out, project, article, filter);
    }
    out.push_str("<h2>Quotes by tag</h2>\n");
    for tag in project.tags().iter().filter(|t| filter.includes_tag(t.id)) {
        let _ = writeln!(out, "<h3>{}</h3>", escape_html(&tag.name));
        for annotation in filter.annotations(project).filter(|a| a.tag_id == tag.id) {
            let source = project
                .article(annotation.article_id)
                .map_or("?", |a| a.meta.title.as_str());
            let _ = write!(
                out,
                "<blockquote style=\"border-color:{}\">{} <span class=\"meta\">({})</span>",
                tag.colour.to_hex(),
                in_quotes(&escape_html(&annotation.quote)),
                escape_html(source)
            );
            write_speaker_and_note(&mut out, annotation);
            out.push_str("</blockquote>\n");
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn write_article(out: &mut String, project: &Project, article: &Article, filter: &ExportFilter) {
    let _ = writeln!(out, "<h2>{}</h2>", escape_html(&article.meta.title));
    let details = article_details(article);
    if !details.is_empty() {
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", escape_html(&details));
    }
    let mut annotations: Vec<&Annotation> = project
        .annotations_of(article.id)
        .filter(|a| filter.includes(a))
        .collect();
    annotations.sort_by_key(|a| (a.span.start, a.span.end));
    out.push_str("<div class=\"text\">");
    let text = article.text();
    let mut cuts: Vec<usize> = vec![0, text.len()];
    cuts.extend(annotations.iter().flat_map(|a| [a.span.start, a.span.end]));
    cuts.sort_unstable();
    cuts.dedup();
    for pair in cuts.windows(2) {
        let (start, end) = match pair {
            [start, end] => (*start, *end),
            _ => continue,
        };
        let piece = escape_html(text.get(start..end).unwrap_or(""));
        let covering: Vec<&Annotation> = annotations
            .iter()
            .copied()
            .filter(|a| a.span.start <= start && end <= a.span.end)
            .collect();
        if covering.is_empty() {
            out.push_str(&piece);
        } else {
            write_mark(out, project, &covering, &piece);
        }
        // Footnote numbers after each passage, so that the report works on paper too.
        let numbers: Vec<String> = (1..)
            .zip(&annotations)
            .filter(|(_, a)| a.span.end == end)
            .map(|(number, _)| number.to_string())
            .collect();
        if !numbers.is_empty() {
            let _ = write!(out, "<sup>{}</sup>", numbers.join(","));
        }
    }
    out.push_str("</div>\n");
    if annotations.is_empty() {
        return;
    }
    out.push_str("<ol class=\"quotes\">\n");
    for annotation in &annotations {
        let tag = project.tag(annotation.tag_id);
        let _ = write!(
            out,
            "<li><span class=\"tag\" style=\"background:{}\">{}</span> {}",
            tag.map_or_else(|| "#ffff80".to_owned(), |t| translucent(t.colour)),
            escape_html(tag.map_or("?", |t| t.name.as_str())),
            in_quotes(&escape_html(&annotation.quote))
        );
        write_speaker_and_note(out, annotation);
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
}

/// A highlighted piece: one colour, or horizontal stripes of each tag's colour where passages
/// overlap (with an underline so the overlap shows in print too).
fn write_mark(out: &mut String, project: &Project, covering: &[&Annotation], piece: &str) {
    let colours: Vec<Rgb> = covering
        .iter()
        .filter_map(|a| project.tag(a.tag_id).map(|t| t.colour))
        .collect();
    let background = match colours.as_slice() {
        [] => "#ffff80".to_owned(),
        [single] => translucent(*single),
        many => {
            let step = 100.0 / many.len() as f64;
            let stops: Vec<String> = many
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let from = step * i as f64;
                    let to = step * (i + 1) as f64;
                    format!("{} {from:.1}% {to:.1}%", translucent(*c))
                })
                .collect();
            format!("linear-gradient(to bottom,{})", stops.join(","))
        }
    };
    let title: Vec<String> = covering
        .iter()
        .map(|a| {
            let mut line = project
                .tag(a.tag_id)
                .map_or("?", |t| t.name.as_str())
                .to_owned();
            if !a.speaker.trim().is_empty() {
                let _ = write!(line, " ({})", a.speaker.trim());
            }
            if !a.note.trim().is_empty() {
                let _ = write!(line, ": {}", a.note.trim());
            }
            line
        })
        .collect();
    let class = if covering.len() > 1 {
        " class=\"overlap\""
    } else {
        ""
    };
    let _ = write!(
        out,
        "<mark{class} style=\"background:{background}\" title=\"{}\">{piece}</mark>",
        escape_html(&title.join("\n"))
    );
}

fn write_speaker_and_note(out: &mut String, annotation: &Annotation) {
    if !annotation.speaker.trim().is_empty() {
        let _ = write!(out, " — <b>{}</b>", escape_html(annotation.speaker.trim()));
    }
    if !annotation.note.trim().is_empty() {
        let _ = write!(
            out,
            "<br><span class=\"note\">{}</span>",
            escape_html(annotation.note.trim())
        );
    }
}

/// The tag colour at the strength the app paints highlights with.
fn translucent(colour: Rgb) -> String {
    format!("rgba({},{},{},0.45)", colour.0, colour.1, colour.2)
}

/// Escapes text for HTML element content and quoted attribute values.
fn escape_html(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            other => escaped.push(other),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape_html("<b a='x'>&\"</b>"),
            "&lt;b a=&#39;x&#39;&gt;&amp;&quot;&lt;/b&gt;"
        );
    }
}
