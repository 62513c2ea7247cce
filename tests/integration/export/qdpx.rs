//! REFI-QDA `.qdpx`: golden `project.qde`, schema validation, round trip, other tools' quirks
//! and bad archives.

use crate::export::{assert_golden, fixture, sample_project};
use lateral::export::{
    ExportFilter, ExportFormat, ExportOptions, QdpxError, QdpxLimits, export, import_qdpx,
    import_qdpx_with_limits,
};
use lateral::model::Project;
use std::io::{Cursor, Read, Write};
use std::path::Path;

fn qdpx_of(project: &Project) -> Vec<u8> {
    export(
        project,
        ExportFormat::Qdpx,
        &ExportFilter::default(),
        ExportOptions::default(),
    )
    .unwrap()
}

fn entry(archive: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(archive)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

pub(crate) fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// Validates with `xmllint --schema` against the REFI-QDA schema, if xmllint is installed.
fn assert_valid_qde(qde: &str) {
    let schema = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/refi/Project-mrt2019.xsd");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("project.qde");
    std::fs::write(&file, qde).unwrap();
    let output = std::process::Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(&schema)
        .arg(&file)
        .output();
    match output {
        Ok(output) => assert!(
            output.status.success(),
            "project.qde does not validate:\n{}",
            String::from_utf8_lossy(&output.stderr)
        ),
        Err(_) => println!(
            "notice: xmllint is not installed (apt-get install libxml2-utils); schema validation skipped"
        ),
    }
}

fn assert_same_project(imported: &Project, original: &Project) {
    assert_eq!(imported.title(), original.title());
    assert_eq!(imported.notes(), original.notes());
    let tags = |p: &Project| {
        p.tags()
            .iter()
            .map(|t| (t.id, t.name.clone(), t.description.clone(), t.colour))
            .collect::<Vec<_>>()
    };
    assert_eq!(tags(imported), tags(original));
    assert_eq!(imported.articles().len(), original.articles().len());
    for (a, b) in imported.articles().iter().zip(original.articles()) {
        assert_eq!(a.text(), b.text());
        assert_eq!(a.meta, b.meta);
    }
    let mut expected = original.annotations().to_vec();
    for annotation in &mut expected {
        annotation.linked.clear();
    }
    assert_eq!(imported.annotations(), expected.as_slice());
}

#[test]
fn project_qde_matches_golden_and_validates() {
    let archive = qdpx_of(&fixture::project());
    let qde = entry(&archive, "project.qde");
    assert_golden("fixture.project.qde", &qde);
    assert_valid_qde(&qde);
    assert!(
        entry(&archive, "sources/00000003-0000-4000-8000-000000000001.txt")
            .starts_with("Nordkorea")
    );
}

#[test]
fn empty_and_filtered_exports_validate() {
    let empty = Project::new("Leer");
    let archive = qdpx_of(&empty);
    assert_valid_qde(&entry(&archive, "project.qde"));
    assert_eq!(import_qdpx(&archive).unwrap().project.articles().len(), 0);
    let filter = ExportFilter {
        tags: Some(vec![lateral::model::TagId(3)]),
        annotator: Some("nobody".into()),
        ..ExportFilter::default()
    };
    let archive = export(
        &fixture::project(),
        ExportFormat::Qdpx,
        &filter,
        ExportOptions::default(),
    )
    .unwrap();
    assert_valid_qde(&entry(&archive, "project.qde"));
}

#[test]
fn qdpx_round_trips() {
    let project = fixture::project();
    let import = import_qdpx(&qdpx_of(&project)).unwrap();
    assert!(import.warnings.is_empty(), "{:?}", import.warnings);
    assert_same_project(&import.project, &project);
    let asks_for_speaker: Vec<bool> = import
        .project
        .tags()
        .iter()
        .map(|t| t.has_speaker)
        .collect();
    assert_eq!(
        asks_for_speaker,
        [false, true, false, true],
        "attribution and denial have speakers"
    );
}

#[test]
fn sample_project_round_trips_qdpx() {
    let project = sample_project();
    let archive = qdpx_of(&project);
    assert_valid_qde(&entry(&archive, "project.qde"));
    assert_same_project(&import_qdpx(&archive).unwrap().project, &project);
}

#[test]
fn path_escaping_the_folder_is_refused() {
    for name in ["../evil.txt", "/etc/evil.txt", "sources/../../evil.txt"] {
        let archive = zip_of(&[("project.qde", b"<Project name=\"x\"/>"), (name, b"x")]);
        let error = import_qdpx(&archive).unwrap_err();
        assert!(
            matches!(error, QdpxError::UnsafePath { .. }),
            "{name}: {error}"
        );
        assert!(error.to_string().contains("unsafe path"));
    }
}

#[test]
fn truncated_and_foreign_files_are_refused() {
    let archive = qdpx_of(&fixture::project());
    let error = import_qdpx(&archive[..archive.len() / 2]).unwrap_err();
    assert!(matches!(error, QdpxError::NotAZip { .. }), "{error}");
    assert!(error.to_string().contains("truncated"));
    assert!(matches!(
        import_qdpx(b"not a zip"),
        Err(QdpxError::NotAZip { .. })
    ));
    let no_qde = zip_of(&[("readme.txt", b"hello")]);
    assert!(matches!(
        import_qdpx(&no_qde),
        Err(QdpxError::NoProjectFile)
    ));
    let bad_xml = zip_of(&[("project.qde", b"<Project name=\"x\"><Sources></Project>")]);
    assert!(matches!(import_qdpx(&bad_xml), Err(QdpxError::Xml { .. })));
}

#[test]
fn size_limits_hold() {
    let big = vec![b'a'; 10_000];
    let archive = zip_of(&[
        ("project.qde", b"<Project name=\"x\"/>"),
        ("sources/a.txt", &big),
    ]);
    let limits = QdpxLimits {
        max_entry_bytes: 1_000,
        ..QdpxLimits::default()
    };
    assert!(matches!(
        import_qdpx_with_limits(&archive, limits),
        Err(QdpxError::TooLarge { .. })
    ));
    let limits = QdpxLimits {
        max_total_bytes: 5_000,
        ..QdpxLimits::default()
    };
    assert!(matches!(
        import_qdpx_with_limits(&archive, limits),
        Err(QdpxError::TooLarge { .. })
    ));
    let limits = QdpxLimits {
        max_entries: 1,
        ..QdpxLimits::default()
    };
    assert!(matches!(
        import_qdpx_with_limits(&archive, limits),
        Err(QdpxError::TooManyEntries { .. })
    ));
    assert!(import_qdpx(&archive).is_ok());
}
