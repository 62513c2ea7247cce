//! Word lists of hedges, attribution cues and negations: built in from `assets/wordlists/`,
//! extensible from user files, matched as runs of whole lower-case words.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

const HEDGES: &[&str] = &[
    include_str!("../../assets/wordlists/hedges_de.txt"),
    include_str!("../../assets/wordlists/hedges_en.txt"),
];
const ATTRIBUTIONS: &[&str] = &[
    include_str!("../../assets/wordlists/attribution_de.txt"),
    include_str!("../../assets/wordlists/attribution_en.txt"),
];
const NEGATIONS: &[&str] = &[
    include_str!("../../assets/wordlists/negation_de.txt"),
    include_str!("../../assets/wordlists/negation_en.txt"),
];

/// Which list a phrase belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ListKind {
    /// Hedges, quantifiers and modal verbs: "bis zu", "rund", "könnte", "up to".
    Hedge,
    /// Who says it: "laut", "zufolge", "sagte", "according to".
    Attribution,
    /// Negations: "nicht", "kein", "never".
    Negation,
}

impl ListKind {
    /// The kind a user file is for, from its name: `hedges*.txt`, `attribution*.txt`,
    /// `negation*.txt`.
    #[must_use]
    pub fn from_file_name(name: &str) -> Option<Self> {
        let name = name.to_lowercase();
        let is_text = Path::new(&name).extension().is_some_and(|ext| ext == "txt");
        if !is_text {
            return None;
        }
        [
            ("hedge", ListKind::Hedge),
            ("attribution", ListKind::Attribution),
            ("negation", ListKind::Negation),
        ]
        .into_iter()
        .find(|(prefix, _)| name.starts_with(prefix))
        .map(|(_, kind)| kind)
    }
}

/// Why a user word list could not be read.
#[derive(Debug, thiserror::Error)]
pub enum WordListError {
    /// The file or folder could not be read.
    #[error("could not read the word list {}: {source}", path.display())]
    Read {
        /// The cause.
        #[source]
        source: std::io::Error,
        /// The file or folder.
        path: PathBuf,
    },
}

/// One list of phrases, indexed by first word.
#[derive(Clone, Debug, Default)]
pub struct PhraseList {
    by_first_word: HashMap<String, Vec<Vec<String>>>,
}

impl PhraseList {
    /// Adds the phrases of a list text: one a line, `#` comments, case ignored.
    pub fn extend_from_text(&mut self, list: &str) {
        for line in list.lines() {
            let line = line.split('#').next().unwrap_or("");
            let words: Vec<String> = line.split_whitespace().map(str::to_lowercase).collect();
            let Some(first) = words.first() else { continue };
            let entry = self.by_first_word.entry(first.clone()).or_default();
            if !entry.contains(&words) {
                entry.push(words);
                entry.sort_by_key(|phrase| std::cmp::Reverse(phrase.len()));
            }
        }
    }

    /// Finds the phrases in a run of lower-case words, longest first, without overlaps:
    /// `(first word index, number of words)` for each.
    ///
    /// ```
    /// use lateral::compare::{ListKind, WordLists};
    /// let lists = WordLists::builtin();
    /// let words = ["auf", "bis", "zu", "5,5", "milliarden"].map(String::from);
    /// assert_eq!(lists.list(ListKind::Hedge).find(&words), [(1, 2)]);
    /// ```
    #[must_use]
    pub fn find(&self, words: &[String]) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        let mut index = 0;
        while let Some(word) = words.get(index) {
            let hit = self.by_first_word.get(word).and_then(|phrases| {
                phrases.iter().find(|phrase| {
                    words.get(index..index + phrase.len()) == Some(phrase.as_slice())
                })
            });
            if let Some(phrase) = hit {
                found.push((index, phrase.len()));
                index += phrase.len();
            } else {
                index += 1;
            }
        }
        found
    }

    /// Number of phrases.
    #[must_use]
    pub fn len(&self) -> usize {
        self.by_first_word.values().map(Vec::len).sum()
    }

    /// Whether the list has no phrase.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.by_first_word.is_empty()
    }
}

/// The three lists a comparison uses to classify changes.
#[derive(Clone, Debug, Default)]
pub struct WordLists {
    hedges: PhraseList,
    attributions: PhraseList,
    negations: PhraseList,
}

impl WordLists {
    /// The built-in German and English lists.
    #[must_use]
    pub fn builtin() -> Self {
        let mut lists = WordLists::default();
        for (kind, texts) in [
            (ListKind::Hedge, HEDGES),
            (ListKind::Attribution, ATTRIBUTIONS),
            (ListKind::Negation, NEGATIONS),
        ] {
            for text in texts {
                lists.list_mut(kind).extend_from_text(text);
            }
        }
        lists
    }

    /// One of the lists.
    #[must_use]
    pub fn list(&self, kind: ListKind) -> &PhraseList {
        match kind {
            ListKind::Hedge => &self.hedges,
            ListKind::Attribution => &self.attributions,
            ListKind::Negation => &self.negations,
        }
    }

    /// One of the lists, to extend.
    pub fn list_mut(&mut self, kind: ListKind) -> &mut PhraseList {
        match kind {
            ListKind::Hedge => &mut self.hedges,
            ListKind::Attribution => &mut self.attributions,
            ListKind::Negation => &mut self.negations,
        }
    }

    /// Adds the phrases of a user file to a list.
    pub fn extend_from_file(&mut self, kind: ListKind, path: &Path) -> Result<(), WordListError> {
        let text = std::fs::read_to_string(path).map_err(|source| WordListError::Read {
            source,
            path: path.to_owned(),
        })?;
        self.list_mut(kind).extend_from_text(&text);
        Ok(())
    }

    /// Adds every `hedges*.txt`, `attribution*.txt` and `negation*.txt` in a folder; returns
    /// how many files were read.
    pub fn extend_from_dir(&mut self, dir: &Path) -> Result<usize, WordListError> {
        let read_error = |source| WordListError::Read {
            source,
            path: dir.to_owned(),
        };
        let mut count = 0;
        for entry in std::fs::read_dir(dir).map_err(read_error)? {
            let path = entry.map_err(read_error)?.path();
            let kind = path
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(ListKind::from_file_name);
            if let Some(kind) = kind {
                self.extend_from_file(kind, &path)?;
                count += 1;
            }
        }
        Ok(count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lists_are_loaded_and_extensible() {
        let mut lists = WordLists::builtin();
        assert!(lists.list(ListKind::Hedge).len() > 40);
        let words: Vec<String> = "mehr als zwei heißt es"
            .split(' ')
            .map(String::from)
            .collect();
        assert_eq!(lists.list(ListKind::Hedge).find(&words), [(0, 2)]);
        assert_eq!(lists.list(ListKind::Attribution).find(&words), [(3, 2)]);
        lists
            .list_mut(ListKind::Hedge)
            .extend_from_text("# mine\nzwei heißt\n");
        assert_eq!(lists.list(ListKind::Hedge).find(&words), [(0, 2), (2, 2)]);
        assert_eq!(
            ListKind::from_file_name("Hedges_fr.txt"),
            Some(ListKind::Hedge)
        );
        assert_eq!(ListKind::from_file_name("hedges.md"), None);
    }

    #[test]
    fn user_files_extend_the_lists() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("negation_fr.txt"), "ne pas\njamais\n").unwrap();
        let mut lists = WordLists::builtin();
        assert_eq!(lists.extend_from_dir(dir.path()).unwrap(), 1);
        assert_eq!(
            lists.list(ListKind::Negation).find(&["jamais".to_owned()]),
            [(0, 1)]
        );
        assert!(lists.extend_from_dir(&dir.path().join("missing")).is_err());
    }
}
