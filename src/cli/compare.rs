//! `lateral compare A B`: aligned sentences, inline word diffs and the list of changes.

use super::sources::{Format, label, open_project, resolve};
use crate::compare::{
    AlignedRow, CompareOptions, Comparison, DiffTag, RowKind, WordLists, compare_articles,
};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

/// Compares the articles `a` and `b` (files, or article ids in `project`).
pub fn run(
    names: [&PathBuf; 2],
    project: Option<&Path>,
    word_lists: Option<&Path>,
    format: Format,
    out: &mut impl Write,
) -> Result<ExitCode, String> {
    let project = open_project(project)?;
    let articles = resolve(&[names[0].clone(), names[1].clone()], project.as_ref())?;
    let [a, b] = articles.as_slice() else {
        return Err("compare needs two articles".to_owned());
    };
    let mut lists = WordLists::builtin();
    if let Some(dir) = word_lists {
        lists.extend_from_dir(dir).map_err(|e| e.to_string())?;
    }
    let options = CompareOptions {
        word_lists: Arc::new(lists),
        ..CompareOptions::default()
    };
    let comparison = compare_articles(a, b, &options);
    let written = match format {
        Format::Json => serde_json::to_writer_pretty(&mut *out, &comparison)
            .map_err(std::io::Error::other)
            .and_then(|()| writeln!(out)),
        Format::Text => write_text(&comparison, a.text(), b.text(), [&label(a), &label(b)], out),
    };
    written.map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}

fn write_text(
    comparison: &Comparison,
    a: &str,
    b: &str,
    labels: [&str; 2],
    out: &mut impl Write,
) -> std::io::Result<()> {
    let s = &comparison.summary;
    writeln!(out, "A: {}\nB: {}", labels[0], labels[1])?;
    writeln!(
        out,
        "wording of A found in B: {:.1}%, of B in A: {:.1}%",
        comparison.similarity.a_in_b * 100.0,
        comparison.similarity.b_in_a * 100.0
    )?;
    writeln!(
        out,
        "{} same, {} changed, {} weak counterparts, {} only in A, {} only in B, {} moved, {} merged or split; {} changes",
        s.same, s.changed, s.weak, s.only_a, s.only_b, s.moved, s.merged_or_split, s.changes
    )?;
    writeln!(
        out,
        "changes: {} numbers, {} names, {} hedges, {} strength changes, {} attributions, {} negations",
        s.numbers, s.names, s.hedges, s.strength, s.attributions, s.negations
    )?;
    for row in &comparison.rows {
        write_row(row, a, b, out)?;
    }
    if comparison.timed_out {
        writeln!(
            out,
            "\nnote: the time budget ran out; some word diffs are coarse"
        )?;
    }
    Ok(())
}

fn write_row(row: &AlignedRow, a: &str, b: &str, out: &mut impl Write) -> std::io::Result<()> {
    let kind = match row.kind {
        RowKind::Same => "same",
        RowKind::Changed => "changed",
        RowKind::OnlyA => "only in A",
        RowKind::OnlyB => "only in B",
        RowKind::Weak => "weak counterpart",
    };
    let moved = if row.moved { ", moved" } else { "" };
    let indices = |refs: &[crate::compare::SentenceRef]| {
        refs.iter()
            .map(|r| (r.index + 1).to_string())
            .collect::<Vec<_>>()
            .join("+")
    };
    writeln!(
        out,
        "\n[{kind}{moved}] A {} / B {} (score {:.2})",
        indices(&row.a),
        indices(&row.b),
        row.score
    )?;
    match row.kind {
        RowKind::OnlyA => writeln!(out, "  - {}", sides(a, &row.a))?,
        RowKind::OnlyB => writeln!(out, "  + {}", sides(b, &row.b))?,
        RowKind::Same => writeln!(out, "  = {}", sides(b, &row.b))?,
        RowKind::Changed => writeln!(out, "  ~ {}", inline_diff(row, a, b))?,
        RowKind::Weak => {
            writeln!(out, "  ? shares {}", row.evidence.join(", "))?;
            writeln!(out, "  ~ {}", inline_diff(row, a, b))?;
        }
    }
    for change in &row.changes {
        let arrow = match (change.a_text.is_empty(), change.b_text.is_empty()) {
            _ if change.kind.is_strength() => {
                let words = |text: &str| {
                    if text.is_empty() {
                        "(no cue)".to_owned()
                    } else {
                        format!("\"{text}\"")
                    }
                };
                format!("{} -> {}", words(&change.a_text), words(&change.b_text))
            }
            (false, false) => format!("\"{}\" -> \"{}\"", change.a_text, change.b_text),
            (false, true) => format!("\"{}\" (only in A)", change.a_text),
            _ => format!("\"{}\" (only in B)", change.b_text),
        };
        writeln!(out, "  * {}: {arrow}", change.kind.heading())?;
    }
    Ok(())
}

fn sides(text: &str, refs: &[crate::compare::SentenceRef]) -> String {
    refs.iter()
        .filter_map(|r| r.span.slice(text))
        .collect::<Vec<_>>()
        .join(" ")
}

/// "A's words [-deleted-]{+inserted+} …" with A's text for equal stretches.
fn inline_diff(row: &AlignedRow, a: &str, b: &str) -> String {
    let mut line = String::new();
    for op in &row.word_diff {
        let old = op.a_span.slice(a).unwrap_or("");
        let new = op.b_span.slice(b).unwrap_or("");
        if !line.is_empty() {
            line.push(' ');
        }
        let piece = match op.tag {
            DiffTag::Equal => old.to_owned(),
            DiffTag::Delete => format!("[-{old}-]"),
            DiffTag::Insert => format!("{{+{new}+}}"),
            DiffTag::Replace => format!("[-{old}-]{{+{new}+}}"),
        };
        line.push_str(&piece);
    }
    line
}
