//! Projects through git (issue 16.5, 16.6): two branches each add an annotation; plain git,
//! `lateral merge --base` and the merge driver all give a valid project with both.

use lateral::io::{load_project, save_project};
use lateral::model::{Annotation, AnnotationId, Edit, Project};
use lateral::text::Span;
use std::path::{Path, PathBuf};
use std::process::Command;

const FILE: &str = "project.ron";

fn git(repo: &Path, args: &[&str]) -> std::process::Output {
    Command::new("git")
        .current_dir(repo)
        .args(args)
        .output()
        .unwrap()
}

fn git_ok(repo: &Path, args: &[&str]) {
    let output = git(repo, args);
    assert!(
        output.status.success(),
        "git {args:?}: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

fn git_available() -> bool {
    let found = Command::new("git").arg("--version").output().is_ok();
    if !found {
        eprintln!("note: git is not installed; the git merge tests were skipped");
    }
    found
}

/// A repository whose `main` holds the sample project (and ignores backups).
fn repo_with_sample() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    git_ok(repo, &["init", "-q", "-b", "main"]);
    git_ok(repo, &["config", "user.email", "test@example.org"]);
    git_ok(repo, &["config", "user.name", "Test"]);
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/russland-nordkorea.ron");
    let (project, _) = load_project(&sample).unwrap();
    save_project(&project, &repo.join(FILE)).unwrap();
    std::fs::write(repo.join(".gitignore"), "*.bak\n").unwrap();
    git_ok(repo, &["add", "."]);
    git_ok(repo, &["commit", "-q", "-m", "base"]);
    dir
}

/// On a new branch from `main`, tags `len` bytes at `start` of article number `article` and
/// commits; returns the new annotation's id.
fn branch_adding(
    repo: &Path,
    branch: &str,
    article: usize,
    start: usize,
    len: usize,
) -> AnnotationId {
    git_ok(repo, &["checkout", "-q", "-b", branch, "main"]);
    let path = repo.join(FILE);
    let (mut project, _) = load_project(&path).unwrap();
    let article = &project.articles()[article];
    let mut annotation = Annotation::of_span(
        project.fresh_annotation_id(),
        article.id,
        article.text(),
        Span::new(start, start + len),
        project.tags()[0].id,
    )
    .unwrap();
    branch.clone_into(&mut annotation.annotator);
    let annotation_id = annotation.id;
    project
        .apply(Edit::AddAnnotation {
            annotation,
            index: None,
        })
        .unwrap();
    save_project(&project, &path).unwrap();
    git_ok(repo, &["commit", "-q", "-am", branch]);
    annotation_id
}

fn has_both(path: &Path, ids: [AnnotationId; 2]) -> Project {
    let (project, report) = load_project(path).unwrap();
    assert!(report.is_clean(), "{:?}", report.lines());
    assert_eq!(project.annotations().len(), 142);
    for id in ids {
        assert!(project.annotation(id).is_some(), "{id} is kept");
    }
    project
}

fn show(repo: &Path, revision: &str, to: &Path) -> PathBuf {
    let output = git(repo, &["show", &format!("{revision}:{FILE}")]);
    assert!(output.status.success());
    let path = to.join(format!("{revision}.ron"));
    std::fs::write(&path, output.stdout).unwrap();
    path
}

#[test]
fn two_branches_merge_with_git_and_with_lateral_merge() {
    if !git_available() {
        return;
    }
    let dir = repo_with_sample();
    let repo = dir.path();
    let ours = branch_adding(repo, "anna", 2, 0, 6);
    let theirs = branch_adding(repo, "ben", 4, 0, 8);
    assert_ne!(ours, theirs, "independent ids differ");

    // Plain git: one line per annotation in reading order, so the additions do not touch.
    git_ok(repo, &["checkout", "-q", "anna"]);
    git_ok(repo, &["merge", "-q", "--no-edit", "ben"]);
    has_both(&repo.join(FILE), [ours, theirs]);

    // lateral merge --base on the three versions.
    let scratch = tempfile::tempdir().unwrap();
    let base = show(repo, "main", scratch.path());
    let (a, b) = (
        show(repo, "anna~1", scratch.path()),
        show(repo, "ben", scratch.path()),
    );
    let merged = scratch.path().join("merged.ron");
    let output = Command::new(env!("CARGO_BIN_EXE_lateral"))
        .arg("merge")
        .args([&a, &b])
        .arg("--base")
        .arg(&base)
        .arg("-o")
        .arg(&merged)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    has_both(&merged, [ours, theirs]);
}

#[test]
fn the_merge_driver_merges_what_git_alone_cannot() {
    if !git_available() {
        return;
    }
    let dir = repo_with_sample();
    let repo = dir.path();
    // Both tag the start of the first article, before its first annotation: the same lines.
    let ours = branch_adding(repo, "anna", 0, 0, 8);
    let theirs = branch_adding(repo, "ben", 0, 0, 11);
    git_ok(repo, &["checkout", "-q", "anna"]);
    let plain = git(repo, &["merge", "-q", "--no-edit", "ben"]);
    assert!(
        !plain.status.success(),
        "git alone conflicts on the same lines"
    );
    git_ok(repo, &["merge", "--abort"]);

    std::fs::write(repo.join(".gitattributes"), "*.ron merge=lateral\n").unwrap();
    let driver = format!("{} merge-driver %O %A %B", env!("CARGO_BIN_EXE_lateral"));
    git_ok(repo, &["config", "merge.lateral.driver", &driver]);
    git_ok(repo, &["merge", "-q", "--no-edit", "ben"]);
    has_both(&repo.join(FILE), [ours, theirs]);
}

#[test]
fn a_class_s_copies_merge_into_one_project_with_every_student() {
    let class = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/class");
    let dir = tempfile::tempdir().unwrap();
    let merged = dir.path().join("class.ron");
    let output = Command::new(env!("CARGO_BIN_EXE_lateral"))
        .arg("merge")
        .args(["anna", "ben", "cem"].map(|name| class.join(format!("{name}.ron"))))
        .arg("-o")
        .arg(&merged)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let count = |name: &str| {
        load_project(&class.join(format!("{name}.ron")))
            .unwrap()
            .0
            .annotations()
            .len()
    };
    let (project, _) = load_project(&merged).unwrap();
    assert_eq!(project.articles().len(), 2, "matched by text");
    assert_eq!(
        project.annotations().len(),
        count("anna") + count("ben") + count("cem")
    );
    let mut annotators: Vec<&str> = project
        .annotations()
        .iter()
        .map(|a| a.annotator.as_str())
        .collect();
    annotators.sort_unstable();
    annotators.dedup();
    assert_eq!(annotators.len(), 3, "{annotators:?}");
}
