//! Codes become tags, in time linear in the number of codes: names are made unique ignoring
//! case and surrounding spaces (as Lateral's tag set requires), and every rename is reported.

use super::parse::QdeCode;
use crate::model::{Rgb, Tag, TagId};
use std::collections::{HashMap, HashSet};

/// Colour for codes without one.
const DEFAULT_COLOUR: Rgb = Rgb(0x9b, 0x9b, 0x9b);

/// The tags for `codes` (numbered from 1), the tag of each code GUID, and a warning for each
/// code that had to be renamed.
pub(super) fn tags_of_codes(codes: &[QdeCode]) -> (Vec<Tag>, HashMap<&str, TagId>, Vec<String>) {
    let mut taken: HashSet<String> = HashSet::with_capacity(codes.len());
    // The next suffix to try for each base name: many codes of one name stay linear.
    let mut next_suffix: HashMap<String, u64> = HashMap::new();
    let mut tags = Vec::with_capacity(codes.len());
    let mut tag_of_code = HashMap::with_capacity(codes.len());
    let mut warnings = Vec::new();
    for (code, number) in codes.iter().zip(1..) {
        let base = match code.name.trim() {
            "" => format!("code {number}"),
            name => name.to_owned(),
        };
        let mut name = base.clone();
        if !taken.insert(name.to_ascii_lowercase()) {
            let suffix = next_suffix.entry(base.to_ascii_lowercase()).or_insert(2);
            loop {
                name = format!("{base} ({suffix})");
                *suffix += 1;
                if taken.insert(name.to_ascii_lowercase()) {
                    break;
                }
            }
        }
        if name != base {
            warnings.push(format!(
                "the code \"{}\" has the name of an earlier code (ignoring case and spaces); it is the tag \"{name}\"",
                code.name
            ));
        }
        let tag = Tag {
            id: TagId(number),
            name,
            description: code.description.clone(),
            colour: Rgb::from_hex(&expand_short_hex(&code.color)).unwrap_or(DEFAULT_COLOUR),
            key: None,
            has_speaker: false,
        };
        tag_of_code.insert(code.guid.as_str(), tag.id);
        tags.push(tag);
    }
    (tags, tag_of_code, warnings)
}

/// `#abc` → `#aabbcc`; other strings unchanged.
fn expand_short_hex(colour: &str) -> String {
    let hex = colour.trim().trim_start_matches('#');
    if hex.len() == 3 && hex.is_ascii() {
        hex.chars().flat_map(|c| [c, c]).collect()
    } else {
        hex.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_differing_in_case_are_told_apart() {
        let code = |guid: &str, name: &str| QdeCode {
            guid: guid.into(),
            name: name.into(),
            ..QdeCode::default()
        };
        let codes = [
            code("a", "Claim"),
            code("b", "claim "),
            code("c", ""),
            code("d", "claim (2)"),
        ];
        let (tags, tag_of_code, warnings) = tags_of_codes(&codes);
        let names: Vec<&str> = tags.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["Claim", "claim (2)", "code 3", "claim (2) (2)"]);
        assert_eq!(tag_of_code["b"], TagId(2));
        assert_eq!(warnings.len(), 2);
    }
}
