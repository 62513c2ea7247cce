//! The project file layout: one line per annotation, tag and article head (issue 16.5).

use lateral::io::load_project;
use lateral::io::project_file::project_to_ron;
use std::path::{Path, PathBuf};

fn sample_projects() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut paths = vec![root.join("russland-nordkorea.ron")];
    for name in ["key", "anna", "ben", "cem", "dora", "emil"] {
        paths.push(root.join("class").join(format!("{name}.ron")));
    }
    paths
}

#[test]
fn the_sample_project_has_one_line_per_annotation() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/russland-nordkorea.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    let (project, _) = load_project(&path).unwrap();
    let section = text
        .split_once("\n  annotations: [\n")
        .and_then(|(_, rest)| rest.split_once("\n  ],\n"))
        .map(|(section, _)| section)
        .unwrap();
    let lines: Vec<&str> = section.lines().collect();
    assert_eq!(project.annotations().len(), 140);
    assert_eq!(lines.len(), 140, "one line per annotation");
    assert!(
        lines
            .iter()
            .all(|l| l.starts_with("    (id: ") && l.ends_with("),"))
    );
    assert_eq!(
        text.lines().filter(|l| l.starts_with("    (id: ")).count(),
        140 + project.tags().len() + project.articles().len(),
        "one line per tag and per article head"
    );
}

#[test]
fn every_sample_is_written_in_the_current_layout() {
    for path in sample_projects() {
        let (project, report) = load_project(&path).unwrap();
        assert!(
            report.is_clean(),
            "{}: {:?}",
            path.display(),
            report.lines()
        );
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            project_to_ron(&project).unwrap(),
            text,
            "{}",
            path.display()
        );
    }
}
