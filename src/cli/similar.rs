//! `lateral similar P` (or files): near-duplicate pairs with their containment, and groups.

use super::sources::{Format, label, open_project, resolve};
use crate::compare::similarity::{PairScore, group, near_duplicate_articles};
use crate::model::{Article, ArticleId};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Finds near-duplicates among the project's articles and/or the files.
pub fn run(
    project: Option<&Path>,
    files: &[PathBuf],
    threshold: f64,
    format: Format,
    out: &mut impl Write,
) -> Result<ExitCode, String> {
    // A `.ron` among the files is a project too (`lateral similar P`).
    let (projects, files): (Vec<&PathBuf>, Vec<&PathBuf>) = files
        .iter()
        .partition(|f| f.extension().is_some_and(|ext| ext == "ron"));
    let mut articles: Vec<Article> = Vec::new();
    // Like `import`, carry on past unreadable files and list them at the end.
    let mut unreadable: Vec<String> = Vec::new();
    for path in project
        .into_iter()
        .chain(projects.iter().map(|p| p.as_path()))
    {
        match open_project(Some(path)) {
            Ok(loaded) => add_articles(
                &mut articles,
                loaded.map(|p| p.articles().to_vec()).unwrap_or_default(),
            ),
            Err(reason) => unreadable.push(reason),
        }
    }
    for file in files {
        match resolve(std::slice::from_ref(file), None) {
            Ok(found) => add_articles(&mut articles, found),
            Err(reason) => unreadable.push(reason), // names the file
        }
    }
    if articles.len() < 2 {
        let mut message = "similar needs a project or files with at least two articles".to_owned();
        if !unreadable.is_empty() {
            message.push_str(&unreadable_list(&unreadable));
        }
        return Err(message);
    }
    let pairs = near_duplicate_articles(&articles, threshold);
    let written = match format {
        Format::Json => {
            let groups = group(&pairs);
            let json = serde_json::json!({ "pairs": pairs, "groups": groups });
            serde_json::to_writer_pretty(&mut *out, &json)
                .map_err(std::io::Error::other)
                .and_then(|()| writeln!(out))
        }
        Format::Text => write_text(&pairs, &articles, threshold, out),
    };
    written.map_err(|e| e.to_string())?;
    if unreadable.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!("lateral: {}", unreadable_list(&unreadable).trim_start());
        Ok(ExitCode::FAILURE)
    }
}

fn unreadable_list(unreadable: &[String]) -> String {
    let mut list = format!(
        "\n{} files could not be read and were skipped:",
        unreadable.len()
    );
    for reason in unreadable {
        list.push_str("\n  ");
        list.push_str(reason);
    }
    list
}

/// Adds articles, keeping their ids unless an id is taken (articles from a second project or
/// from files), then giving the next free one.
fn add_articles(articles: &mut Vec<Article>, more: Vec<Article>) {
    for mut article in more {
        if articles.iter().any(|a| a.id == article.id) {
            let next = articles.iter().map(|a| a.id.0).max().unwrap_or(0);
            // Past the largest id, or (never wrapping) the first one free.
            let free = (1..=u64::MAX).find(|id| !articles.iter().any(|a| a.id.0 == *id));
            article.id = ArticleId(next.checked_add(1).or(free).unwrap_or(0));
        }
        articles.push(article);
    }
}

fn write_text(
    pairs: &[PairScore],
    articles: &[Article],
    threshold: f64,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let name = |article_id: ArticleId| {
        articles.iter().find(|a| a.id == article_id).map_or_else(
            || article_id.to_string(),
            |a| format!("{article_id} {}", label(a)),
        )
    };
    writeln!(
        out,
        "{} articles, {} pairs with containment of at least {:.0}%",
        articles.len(),
        pairs.len(),
        threshold * 100.0
    )?;
    if !pairs.is_empty() {
        writeln!(out, "{:>6} {:>7} {:>7}  pair", "score", "A in B", "B in A")?;
    }
    for pair in pairs {
        writeln!(
            out,
            "{:>5.1}% {:>6.1}% {:>6.1}%  {}  ~  {}",
            pair.score() * 100.0,
            pair.containment.a_in_b * 100.0,
            pair.containment.b_in_a * 100.0,
            name(pair.a),
            name(pair.b)
        )?;
    }
    for (number, members) in group(pairs).iter().enumerate() {
        let list: Vec<String> = members.iter().map(ToString::to_string).collect();
        writeln!(out, "group {}: {}", number + 1, list.join(", "))?;
    }
    Ok(())
}
