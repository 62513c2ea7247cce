//! `lateral compare` and `lateral similar` on the samples, as files and as project articles.

// Test helpers outside #[test] functions unwrap too: a failure there is a test failure.

use std::path::PathBuf;
use std::process::Command;

fn sample(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name)
}

fn lateral(args: &[&std::ffi::OsStr]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_lateral"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

const SOURCE: &str = "fnf-studie-waffenhandel-2024.txt";
const REWRITE: &str = "rewrite-militaerhilfe-milliarden-2024.txt";

#[test]
fn compare_prints_rows_and_changes_and_json() {
    let (a, b) = (sample(SOURCE), sample(REWRITE));
    let text = lateral(&["compare".as_ref(), a.as_os_str(), b.as_os_str()]);
    assert!(
        text.contains("* name changed: \"Olena\" -> \"Elena\""),
        "{text}"
    );
    assert!(
        text.contains("* hedge changed: \"etwa\" -> \"rund\""),
        "{text}"
    );
    assert!(text.contains("[only in B]"));
    let json = lateral(&[
        "compare".as_ref(),
        a.as_os_str(),
        b.as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    let comparison: lateral::compare::Comparison = serde_json::from_str(&json).unwrap();
    assert!(comparison.summary.changes > 10);
    assert_eq!(
        comparison.rows.len(),
        comparison.summary.same
            + comparison.summary.changed
            + comparison.summary.only_a
            + comparison.summary.only_b
    );
}

#[test]
fn similar_and_compare_work_on_a_project() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("samples.ron");
    let mut import: Vec<std::ffi::OsString> =
        vec!["import".into(), "--project".into(), project.clone().into()];
    for name in [
        "asmolov-riac-2024.txt",
        SOURCE,
        "fnf-wostotschny-2023.txt",
        "gea-fragen-antworten-2024.txt",
        REWRITE,
    ] {
        import.push(sample(name).into());
    }
    lateral(&import.iter().map(AsRef::as_ref).collect::<Vec<_>>());
    let similar = lateral(&["similar".as_ref(), project.as_os_str()]);
    let first_pair = similar.lines().nth(2).unwrap();
    assert!(
        first_pair.contains(SOURCE) && first_pair.contains(REWRITE),
        "{similar}"
    );
    assert!(similar.contains("group 1: a2, a5"), "{similar}");
    let compared = lateral(&[
        "compare".as_ref(),
        "a2".as_ref(),
        "a5".as_ref(),
        "--project".as_ref(),
        project.as_os_str(),
    ]);
    assert!(
        compared.contains("* name changed: \"Hankuk\" -> \"Hanguk\""),
        "{compared}"
    );
}

#[test]
fn similar_carries_on_past_unreadable_files_and_lists_them() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.txt");
    let empty_dir = dir.path().join("a-folder.txt");
    std::fs::create_dir(&empty_dir).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_lateral"))
        .arg("similar")
        .arg(&missing)
        .arg(sample(SOURCE))
        .arg(&empty_dir)
        .arg(sample(REWRITE))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "unreadable files are an error");
    assert!(
        stdout.contains("2 articles") && stdout.contains(REWRITE),
        "{stdout}"
    );
    assert!(stderr.contains("2 files could not be read"), "{stderr}");
    assert!(
        stderr.contains("missing.txt") && stderr.contains("a-folder.txt"),
        "{stderr}"
    );
}

#[test]
fn info_lists_outlets_and_dates_and_sorts_by_date() {
    let project = sample("russland-nordkorea.ron");
    let text = lateral(&[
        "info".as_ref(),
        project.as_os_str(),
        "--sort".as_ref(),
        "date".as_ref(),
    ]);
    let sources = text
        .split("\nid   date")
        .nth(1)
        .unwrap_or_else(|| panic!("no sources table: {text}"));
    let ids: Vec<&str> = sources
        .lines()
        .skip(1)
        .filter_map(|line| line.split_whitespace().next())
        .filter(|id| id.starts_with('a'))
        .collect();
    assert_eq!(ids, ["a4", "a5", "a3", "a1", "a2"], "{text}");
    assert!(
        sources.contains("a5   2024-05-27 (\"27.05.2024\") World & New World Journal"),
        "{sources}"
    );
    assert!(
        sources
            .contains("2024-09-01/2024-11-30 (\"Herbst 2024\") Reutlinger General-Anzeiger (GEA)"),
        "{sources}"
    );
    assert!(
        sources.contains("Frederic Spohr, Jannik Krahe · de"),
        "{sources}"
    );
    let refused = Command::new(env!("CARGO_BIN_EXE_lateral"))
        .args([
            "info".as_ref(),
            project.as_os_str(),
            "--sort".as_ref(),
            "size".as_ref(),
        ])
        .output()
        .unwrap();
    assert!(!refused.status.success());
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("use imported, date, outlet or title"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
}
