//! Golden and round-trip tests of every export format and of the W3C and REFI-QDA importers.

mod cli;
mod csv_json;
mod fixture;
mod qdpx;
mod qdpx_positions;
mod qdpx_tools;
mod reports;
mod w3c;
mod w3c_import;
mod w3c_real;

use std::path::PathBuf;

/// Compares `actual` with `tests/golden/NAME`; `UPDATE_GOLDEN=1` rewrites the file instead.
pub(crate) fn assert_golden(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing; run with UPDATE_GOLDEN=1", path.display()));
    if expected != actual {
        let diff = similar::TextDiff::from_lines(expected.as_str(), actual);
        panic!(
            "{name} differs from its golden file:\n{}",
            diff.unified_diff().header("golden", "actual")
        );
    }
}

/// The sample project of the repository.
pub(crate) fn sample_project() -> lateral::model::Project {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples/russland-nordkorea.ron");
    lateral::io::load_project(&path).unwrap().0
}
