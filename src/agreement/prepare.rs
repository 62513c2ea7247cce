//! Shared preparation: the tag table of a class and each article's characters, words and
//! placed passages, computed once and used by scores, passages and coefficients.

use super::matching::{CharIndex, Placed, word_tags, words};
use super::{CodedArticle, Coding, Unit};
use crate::text::Span;

/// The tags of a class: the key's in order, then tags only students used.
pub(crate) struct TagTable {
    pub names: Vec<String>,
    pub has_speaker: Vec<bool>,
}

impl TagTable {
    pub(crate) fn new(key: &Coding, students: &[Coding]) -> Self {
        let mut table = Self {
            names: Vec::new(),
            has_speaker: Vec::new(),
        };
        for tag in &key.tags {
            table.add(&tag.name, tag.has_speaker);
        }
        let used = std::iter::once(key)
            .chain(students)
            .flat_map(|c| c.articles.iter().flat_map(|a| &a.units));
        for unit in used {
            if table.index(&unit.tag).is_none() {
                table.add(&unit.tag, false);
            }
        }
        table
    }

    fn add(&mut self, name: &str, has_speaker: bool) {
        if self.index(name).is_none() {
            self.names.push(name.to_owned());
            self.has_speaker.push(has_speaker);
        }
    }

    pub(crate) fn index(&self, name: &str) -> Option<usize> {
        self.names
            .iter()
            .position(|n| n.eq_ignore_ascii_case(name.trim()))
    }

    pub(crate) fn name(&self, index: usize) -> &str {
        self.names.get(index).map_or("", String::as_str)
    }

    pub(crate) fn len(&self) -> usize {
        self.names.len()
    }
}

/// One key article with everything the scores need about it.
pub(crate) struct PreparedArticle<'a> {
    pub article: &'a CodedArticle,
    pub index: CharIndex<'a>,
    pub words: Vec<Span>,
    pub key_placed: Vec<Placed>,
    pub key_words: Vec<u64>,
}

impl<'a> PreparedArticle<'a> {
    pub(crate) fn new(article: &'a CodedArticle, tags: &TagTable) -> Self {
        let index = CharIndex::new(&article.text);
        let words = words(&article.text);
        let key_placed = place(&index, &article.units, tags);
        let key_words = word_tags(&words, &key_placed);
        Self {
            article,
            index,
            words,
            key_placed,
            key_words,
        }
    }

    /// The text of a span, or "" if it does not fit.
    pub(crate) fn quote(&self, span: Span) -> &str {
        self.article.text.get(span.range()).unwrap_or("")
    }
}

/// Places passages on an article: trimmed char ranges and tag indices. Passages whose span does
/// not fit the text, or that hold no characters once trimmed, are left out.
pub(crate) fn place<'u>(
    index: &CharIndex<'_>,
    units: impl IntoIterator<Item = &'u Unit>,
    tags: &TagTable,
) -> Vec<Placed> {
    units
        .into_iter()
        .enumerate()
        .filter_map(|(unit_index, unit)| {
            let (start, end) = index.trimmed_chars(unit.span);
            let tag = tags.index(&unit.tag)?;
            (end > start && unit.span.end <= index.text_len()).then_some(Placed {
                span: unit.span,
                start,
                end,
                tag,
                unit: unit_index,
            })
        })
        .collect()
}

/// Normalises a speaker's name: case, titles and punctuation ignored.
///
/// ```
/// # use lateral::agreement::normalise_speaker;
/// assert_eq!(normalise_speaker("Dr. Anna  Guseinova"), normalise_speaker("anna guseinova"));
/// assert_ne!(normalise_speaker("Guseinova"), normalise_speaker("Asmolov"));
/// ```
#[must_use]
pub fn normalise_speaker(speaker: &str) -> String {
    const TITLES: [&str; 12] = [
        "dr",
        "prof",
        "professor",
        "mr",
        "mrs",
        "ms",
        "herr",
        "frau",
        "sir",
        "dame",
        "med",
        "phil",
    ];
    speaker
        .split(|c: char| c.is_whitespace() || (c.is_ascii_punctuation() && c != '-'))
        .map(str::to_lowercase)
        .filter(|word| !word.is_empty() && !TITLES.contains(&word.as_str()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Small ids for word labels (tag sets), found by a linear search: a class uses few of them.
#[derive(Default)]
pub(crate) struct LabelIds(Vec<u64>);

impl LabelIds {
    pub(crate) fn id(&mut self, label: u64) -> usize {
        if let Some(id) = self.0.iter().position(|&l| l == label) {
            return id;
        }
        self.0.push(label);
        self.0.len() - 1
    }

    pub(crate) fn len(&self) -> usize {
        self.0.len()
    }
}
