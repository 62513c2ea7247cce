//! REFI-QDA project exchange (`.qdpx`): a zip with `project.qde` (XML in the namespace
//! `urn:QDA-XML:project:1.0`) and the sources' plain texts under `sources/`.
//!
//! Tags are codes with colours, annotations plain-text selections with one coding each, notes
//! memos (`Note` with a `NoteRef`), speakers the selection's description ("Speaker: NAME") and
//! the article's outlet, date and URL its source's description. Lateral writes positions in
//! characters (Unicode code points) of the text as written; on import each source's positions
//! are read in the unit and line-end convention its tool used (see [`Reading`]).

mod build;
mod codes;
mod decode;
mod normalise;
mod parse;
mod positions;
mod read;
mod write;

pub use normalise::{LineEnds, PositionUnit, Reading};
pub use positions::SourceReading;
pub use read::{
    MAX_QDPX_ENTRY_BYTES, MAX_QDPX_TOTAL_BYTES, QdpxImport, QdpxLimits, import_qdpx,
    import_qdpx_with_limits,
};
pub(super) use write::write_qdpx;

/// The REFI-QDA project namespace.
const NAMESPACE: &str = "urn:QDA-XML:project:1.0";

/// How a speaker is written in a selection's description.
const SPEAKER_PREFIX: &str = "Speaker: ";

/// What kind of thing a generated GUID names; its first group, so GUIDs never collide.
#[derive(Clone, Copy)]
enum GuidKind {
    User = 1,
    Code = 2,
    Source = 3,
    Selection = 4,
    Coding = 5,
    Note = 6,
}

/// A GUID that is the same in every export of the same project, so that exports can be
/// compared and re-imported.
fn guid(kind: GuidKind, number: u64) -> String {
    format!("{:08X}-0000-4000-8000-{number:012X}", kind as u32)
}

/// The labels of the article details in a source's description.
const DETAIL_LABELS: [&str; 5] = ["Outlet", "Date", "URL", "Authors", "Language"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guids_have_the_schema_shape() {
        let g = guid(GuidKind::Coding, 0xABC);
        assert_eq!(g, "00000005-0000-4000-8000-000000000ABC");
        assert_eq!(guid(GuidKind::Note, 1).len(), 36);
        let _ = (
            GuidKind::User,
            GuidKind::Code,
            GuidKind::Source,
            GuidKind::Selection,
        );
    }
}
