//! The `lateral export`, `import-qdpx` and `import-w3c` subcommands, run as a user would, and
//! their promise to leave files untouched on bad input.

use crate::export::fixture;
use std::path::Path;
use std::process::{Command, Output};

fn lateral(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lateral"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn save_fixture(dir: &Path) {
    lateral::io::save_project(&fixture::project(), &dir.join("p.ron")).unwrap();
}

#[test]
fn exports_every_format_with_filters() {
    let dir = tempfile::tempdir().unwrap();
    save_fixture(dir.path());
    for format in ["csv", "json", "md", "html", "w3c", "qdpx"] {
        let out = format!("out.{format}");
        let output = lateral(
            &["export", "p.ron", "--format", format, "-o", &out],
            dir.path(),
        );
        assert!(
            output.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(dir.path().join(&out).metadata().unwrap().len() > 100);
    }
    let args = [
        "export",
        "p.ron",
        "-f",
        "csv",
        "--tags",
        "claim,t4",
        "--articles",
        "a1",
        "--annotator",
        "lena",
        "--bom",
        "--semicolon",
        "-o",
        "f.csv",
    ];
    let output = lateral(&args, dir.path());
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        "wrote 2 annotations as csv to f.csv"
    );
    let output = lateral(&["export", "p.ron", "-f", "docx", "-o", "x"], dir.path());
    assert!(String::from_utf8_lossy(&output.stderr).contains("unknown format \"docx\""));
    let output = lateral(
        &[
            "export", "p.ron", "-f", "csv", "--tags", "rumour", "-o", "x",
        ],
        dir.path(),
    );
    assert!(String::from_utf8_lossy(&output.stderr).contains("no tag \"rumour\""));
}

#[test]
fn qdpx_export_opens_as_a_new_project() {
    let dir = tempfile::tempdir().unwrap();
    save_fixture(dir.path());
    assert!(
        lateral(
            &["export", "p.ron", "-f", "qdpx", "-o", "p.qdpx"],
            dir.path()
        )
        .status
        .success()
    );
    let output = lateral(&["import-qdpx", "p.qdpx", "-o", "q.ron"], dir.path());
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let (project, _) = lateral::io::load_project(&dir.path().join("q.ron")).unwrap();
    assert_eq!(
        project.annotations().len(),
        fixture::project().annotations().len()
    );
    let output = lateral(&["import-qdpx", "p.qdpx", "-o", "q.ron"], dir.path());
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("exists already"),
        "never overwrites"
    );
}

#[test]
fn bad_files_leave_everything_untouched() {
    let dir = tempfile::tempdir().unwrap();
    save_fixture(dir.path());
    let before = std::fs::read(dir.path().join("p.ron")).unwrap();
    let no_match = r#"{"type": "Annotation", "target": {"source": "https://example.org/nk",
        "selector": {"type": "TextQuoteSelector", "exact": "steht nirgends"}}}"#;
    std::fs::write(dir.path().join("bad.jsonld"), no_match).unwrap();
    let output = lateral(
        &["import-w3c", "bad.jsonld", "--project", "p.ron"],
        dir.path(),
    );
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("the project is unchanged"));
    assert_eq!(std::fs::read(dir.path().join("p.ron")).unwrap(), before);

    let mut truncated = Vec::new();
    assert!(
        lateral(
            &["export", "p.ron", "-f", "qdpx", "-o", "p.qdpx"],
            dir.path()
        )
        .status
        .success()
    );
    truncated.extend_from_slice(&std::fs::read(dir.path().join("p.qdpx")).unwrap()[..500]);
    std::fs::write(dir.path().join("cut.qdpx"), truncated).unwrap();
    let output = lateral(&["import-qdpx", "cut.qdpx", "-o", "cut.ron"], dir.path());
    assert!(String::from_utf8_lossy(&output.stderr).contains("truncated"));
    assert!(!dir.path().join("cut.ron").exists());
}
