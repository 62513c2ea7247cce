//! The layout of the project file: one tag, one article head and one annotation per line, so
//! that a git diff shows one line per change; only an article's text spans several lines,
//! keeping its real line breaks.
//!
//! The result is plain RON that `ron::from_str` reads as the same [`Project`]; readers of
//! format 1 read it too, so the layout needs no new format version.

use crate::model::{Article, Project};
use ron::ser::PrettyConfig;
use serde::Serialize;
use std::fmt::Write as _;

/// Serialises a project in the one-record-per-line layout.
pub(crate) fn project_ron(project: &Project) -> Result<String, ron::Error> {
    let mut out = String::from("(\n");
    field(
        &mut out,
        "format_version",
        &one_line(&project.format_version())?,
    );
    field(&mut out, "title", &one_line(&project.title())?);
    field(&mut out, "notes", &one_line(&project.notes())?);
    list(&mut out, "tags", project.tags().iter().map(one_line))?;
    list(
        &mut out,
        "articles",
        project.articles().iter().map(article_lines),
    )?;
    list(
        &mut out,
        "annotations",
        project.annotations().iter().map(one_line),
    )?;
    if !project.orphans().is_empty() {
        list(&mut out, "orphans", project.orphans().iter().map(one_line))?;
    }
    out.push_str(")\n");
    Ok(out)
}

fn field(out: &mut String, name: &str, value: &str) {
    let _ = writeln!(out, "  {name}: {value},");
}

fn list(
    out: &mut String,
    name: &str,
    items: impl Iterator<Item = Result<String, ron::Error>>,
) -> Result<(), ron::Error> {
    let _ = writeln!(out, "  {name}: [");
    for item in items {
        let _ = writeln!(out, "    {},", item?);
    }
    out.push_str("  ],\n");
    Ok(())
}

/// One value on one line: compact with spaces after `:` and `,`, line breaks escaped.
fn one_line(value: &impl Serialize) -> Result<String, ron::Error> {
    let config = PrettyConfig::new()
        .depth_limit(0)
        .escape_strings(true)
        .struct_names(false);
    ron::ser::to_string_pretty(value, config)
}

/// An article as its head on one line (id, metadata, import report, furniture) and its text
/// from the next line on, with its real line breaks.
fn article_lines(article: &Article) -> Result<String, ron::Error> {
    let whole = one_line(article)?;
    let escaped_text = one_line(&article.text())?;
    let raw_text =
        ron::ser::to_string_pretty(&article.text(), PrettyConfig::new().escape_strings(false))?;
    // The text is the article's last field; if that ever changes, keep the one-line form,
    // which is just as valid.
    let tail = format!(", text: {escaped_text})");
    Ok(match whole.strip_suffix(&tail) {
        Some(head) => format!("{head},\n      text: {raw_text})"),
        None => whole,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::synthetic_project;

    /// The project's top-level fields, in the order `project_ron` writes them.
    const TOP_LEVEL_FIELDS: [&str; 7] = [
        "format_version",
        "title",
        "notes",
        "tags",
        "articles",
        "annotations",
        "orphans",
    ];

    #[test]
    fn the_layout_names_every_top_level_field() {
        let project = synthetic_project(2, 300, 7, 11);
        let value: ron::Value = ron::from_str(&ron::to_string(&project).unwrap()).unwrap();
        let ron::Value::Map(map) = value else {
            panic!("a project is a struct");
        };
        for (key, _) in map.iter() {
            let ron::Value::String(name) = key else {
                panic!("field names are strings");
            };
            assert!(TOP_LEVEL_FIELDS.contains(&name.as_str()), "{name}");
        }
    }

    #[test]
    fn records_are_one_line_and_text_keeps_its_line_breaks() {
        let project = synthetic_project(2, 300, 7, 11);
        let text = project_ron(&project).unwrap();
        let parsed: Project = ron::from_str(&text).unwrap();
        assert_eq!(parsed, project);
        let annotation_lines = text
            .lines()
            .filter(|l| l.starts_with("    (id: ") && l.contains("article_id: "))
            .count();
        assert_eq!(annotation_lines, project.annotations().len());
        let text_lines: usize = project
            .articles()
            .iter()
            .map(|a| a.text().lines().count())
            .sum();
        assert!(text.lines().count() >= text_lines);
    }
}
