//! Tags: the categories a passage can be tagged with, and the default set.

use super::TagId;
use serde::{Deserialize, Serialize};

/// A colour as plain RGB; the GUI's theme module turns it into a paint colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`, as used in HTML and REFI-QDA files.
    #[must_use]
    pub fn to_hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Parses `#rrggbb` or `rrggbb`.
    ///
    /// ```
    /// use lateral::model::Rgb;
    /// assert_eq!(Rgb::from_hex("#ff8000"), Some(Rgb(255, 128, 0)));
    /// assert_eq!(Rgb::from_hex("nope"), None);
    /// ```
    #[must_use]
    pub fn from_hex(hex: &str) -> Option<Self> {
        let hex = hex.trim().trim_start_matches('#');
        if hex.len() != 6 || !hex.is_ascii() {
            return None;
        }
        let channel = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
        Some(Rgb(channel(0)?, channel(2)?, channel(4)?))
    }
}

/// A category for tagged passages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tag {
    /// Stable id; annotations refer to it.
    pub id: TagId,
    /// Short name shown on buttons and in lists.
    pub name: String,
    /// What the tag means, shown as a tooltip and in reports.
    pub description: String,
    /// Highlight colour.
    pub colour: Rgb,
    /// Key that applies the tag to the selection in the app.
    #[serde(default)]
    pub key: Option<char>,
    /// Whether passages with this tag name a speaker (attributions and denials).
    #[serde(default)]
    pub has_speaker: bool,
}

/// The default tag set, in this order: claim, attribution, opinion, denial.
#[must_use]
pub fn default_tags() -> Vec<Tag> {
    vec![
        Tag {
            id: TagId(1),
            name: "claim".into(),
            description: "A statement presented as fact".into(),
            colour: Rgb(0x4e, 0x9a, 0xe6),
            key: Some('1'),
            has_speaker: false,
        },
        Tag {
            id: TagId(2),
            name: "attribution".into(),
            description:
                "A statement put in someone's mouth: \"laut\", \"zufolge\", \"sagte\", \"heißt es\""
                    .into(),
            colour: Rgb(0xf5, 0xa6, 0x23),
            key: Some('2'),
            has_speaker: true,
        },
        Tag {
            id: TagId(3),
            name: "opinion".into(),
            description: "An assessment, recommendation, forecast or judgement".into(),
            colour: Rgb(0x7e, 0xd3, 0x21),
            key: Some('3'),
            has_speaker: false,
        },
        Tag {
            id: TagId(4),
            name: "denial".into(),
            description: "Someone denies, disputes or rejects a claim".into(),
            colour: Rgb(0xe0, 0x4f, 0x5f),
            key: Some('4'),
            has_speaker: true,
        },
    ]
}
