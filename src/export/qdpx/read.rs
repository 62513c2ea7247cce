//! Reading a `.qdpx` archive safely: every entry name must stay inside the archive's folder,
//! and entry count and sizes are limited, before `project.qde` is parsed and built.

use super::build::build_project;
use super::decode::decode_qde;
use super::parse::parse_qde;
use super::positions::SourceReading;
use crate::export::QdpxError;
use crate::model::Project;
use std::collections::HashMap;
use std::io::{Cursor, Read};

/// Limits that protect against zip bombs and absurd archives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QdpxLimits {
    /// Most entries an archive may have.
    pub max_entries: usize,
    /// Most bytes one entry may unpack to.
    pub max_entry_bytes: u64,
    /// Most bytes all read entries together may unpack to.
    pub max_total_bytes: u64,
}

/// Default [`QdpxLimits::max_entry_bytes`]: 20 MiB, as for an article import.
pub const MAX_QDPX_ENTRY_BYTES: u64 = 20 * 1024 * 1024;

/// Default [`QdpxLimits::max_total_bytes`]: 200 MiB of texts and project XML together.
pub const MAX_QDPX_TOTAL_BYTES: u64 = 200 * 1024 * 1024;

impl Default for QdpxLimits {
    fn default() -> Self {
        Self {
            max_entries: 50_000,
            max_entry_bytes: MAX_QDPX_ENTRY_BYTES,
            max_total_bytes: MAX_QDPX_TOTAL_BYTES,
        }
    }
}

/// A project read from a `.qdpx` file, and what could not be taken over.
#[derive(Clone, Debug)]
pub struct QdpxImport {
    /// The new project.
    pub project: Project,
    /// Sentences about what was skipped or changed (missing sources, unplaceable selections,
    /// passages off word edges, renamed codes, undecodable bytes).
    pub warnings: Vec<String>,
    /// How each source's positions were read and how many passages land on word edges.
    pub readings: Vec<SourceReading>,
}

/// Reads a `.qdpx` archive into a new project, with the default [`QdpxLimits`].
///
/// ```
/// use lateral::export::{QdpxError, import_qdpx};
/// assert!(matches!(import_qdpx(b"PK\x03\x04 truncated"), Err(QdpxError::NotAZip { .. })));
/// ```
pub fn import_qdpx(bytes: &[u8]) -> Result<QdpxImport, QdpxError> {
    import_qdpx_with_limits(bytes, QdpxLimits::default())
}

/// Reads a `.qdpx` archive into a new project, refusing archives beyond `limits`.
pub fn import_qdpx_with_limits(bytes: &[u8], limits: QdpxLimits) -> Result<QdpxImport, QdpxError> {
    let files = read_archive(bytes, limits)?;
    let qde_bytes = files
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case("project.qde"))
        .map(|(_, bytes)| bytes)
        .ok_or(QdpxError::NoProjectFile)?;
    let xml = decode_qde(qde_bytes).ok_or(QdpxError::Encoding {
        entry_name: "project.qde".into(),
    })?;
    let qde = parse_qde(xml.trim_start_matches('\u{feff}'))?;
    build_project(&qde, &files)
}

/// The archive's `project.qde` and text files by their names; other entries are checked for
/// their paths and sizes but not read.
fn read_archive(bytes: &[u8], limits: QdpxLimits) -> Result<HashMap<String, Vec<u8>>, QdpxError> {
    let not_a_zip = |e: &dyn std::fmt::Display| QdpxError::NotAZip {
        message: e.to_string(),
    };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| not_a_zip(&e))?;
    if archive.len() > limits.max_entries {
        return Err(QdpxError::TooManyEntries {
            num_entries: archive.len(),
            limit: limits.max_entries,
        });
    }
    check_declared_sizes(&mut archive, limits)?;
    let mut files = HashMap::new();
    let mut total_bytes: u64 = 0;
    for entry_index in 0..archive.len() {
        let entry = archive.by_index(entry_index).map_err(|e| not_a_zip(&e))?;
        let entry_name = entry.name().map_err(|e| not_a_zip(&e))?.into_owned();
        if entry.enclosed_name().is_none() || !is_safe_entry_name(&entry_name) {
            return Err(QdpxError::UnsafePath { entry_name });
        }
        if entry.size() > limits.max_entry_bytes {
            return Err(QdpxError::TooLarge {
                entry_name,
                limit_bytes: limits.max_entry_bytes,
            });
        }
        if entry.is_dir() || !is_wanted(&entry_name) {
            continue;
        }
        let mut content = Vec::new();
        // The declared size may lie: read at most one byte past the limit to find out.
        entry
            .take(limits.max_entry_bytes + 1)
            .read_to_end(&mut content)
            .map_err(|e| not_a_zip(&e))?;
        if content.len() as u64 > limits.max_entry_bytes {
            return Err(QdpxError::TooLarge {
                entry_name,
                limit_bytes: limits.max_entry_bytes,
            });
        }
        total_bytes += content.len() as u64;
        if total_bytes > limits.max_total_bytes {
            return Err(QdpxError::TooLarge {
                entry_name: "the archive".into(),
                limit_bytes: limits.max_total_bytes,
            });
        }
        files.insert(entry_name, content);
    }
    Ok(files)
}

/// Whether the importer reads the entry: `project.qde` and text files.
fn is_wanted(entry_name: &str) -> bool {
    entry_name.eq_ignore_ascii_case("project.qde")
        || std::path::Path::new(entry_name)
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("txt"))
}

/// Refuses the archive before anything is inflated if the sizes its directory declares for
/// the entries that would be read exceed the limits. (Sizes that lie are caught while reading.)
fn check_declared_sizes(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    limits: QdpxLimits,
) -> Result<(), QdpxError> {
    let mut total_bytes: u64 = 0;
    for entry_index in 0..archive.len() {
        let entry = archive
            .by_index_raw(entry_index)
            .map_err(|e| QdpxError::NotAZip {
                message: e.to_string(),
            })?;
        let entry_name = entry
            .name()
            .map(std::borrow::Cow::into_owned)
            .unwrap_or_default();
        if entry.size() > limits.max_entry_bytes {
            return Err(QdpxError::TooLarge {
                entry_name,
                limit_bytes: limits.max_entry_bytes,
            });
        }
        if is_wanted(&entry_name) {
            total_bytes = total_bytes.saturating_add(entry.size());
        }
    }
    if total_bytes > limits.max_total_bytes {
        return Err(QdpxError::TooLarge {
            entry_name: "the archive".into(),
            limit_bytes: limits.max_total_bytes,
        });
    }
    Ok(())
}

/// Whether an entry name stays inside the folder it is unpacked into: relative, no `..`
/// component, no drive letter, no NUL (checked on both `/` and `\\` separators).
fn is_safe_entry_name(name: &str) -> bool {
    let relative = !name.starts_with(['/', '\\']) && name.chars().nth(1) != Some(':');
    relative && !name.contains('\0') && name.split(['/', '\\']).all(|part| part != "..")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_names_must_stay_inside() {
        for safe in ["project.qde", "sources/a.txt", "sources/a..b.txt"] {
            assert!(is_safe_entry_name(safe), "{safe}");
        }
        for unsafe_name in [
            "../a",
            "/etc/a",
            "\\a",
            "C:/a",
            "a/../../b",
            "a\\..\\..\\b",
            "a\0b",
        ] {
            assert!(!is_safe_entry_name(unsafe_name), "{unsafe_name}");
        }
    }
}
