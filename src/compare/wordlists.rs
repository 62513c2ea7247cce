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
const POSSIBLE: &[&str] = &[include_str!(
    "../../assets/wordlists/certainty_possible.txt"
)];
const PROBABLE: &[&str] = &[include_str!(
    "../../assets/wordlists/certainty_probable.txt"
)];
const CERTAIN: &[&str] = &[include_str!("../../assets/wordlists/certainty_certain.txt")];
const CAUSE_MODALS: &[&str] = &[include_str!("../../assets/wordlists/cause_modals.txt")];
const CAUSE_STEMS: &[&str] = &[include_str!("../../assets/wordlists/cause_stems.txt")];
const FINDING_NEGATIONS: &[&str] = &[include_str!("../../assets/wordlists/finding_negations.txt")];

/// Every kind with its user-file prefix and built-in texts.
const KINDS: &[(&str, ListKind, &[&str])] = &[
    ("hedge", ListKind::Hedge, HEDGES),
    ("attribution", ListKind::Attribution, ATTRIBUTIONS),
    ("negation", ListKind::Negation, NEGATIONS),
    ("certainty_possible", ListKind::Possible, POSSIBLE),
    ("certainty_probable", ListKind::Probable, PROBABLE),
    ("certainty_certain", ListKind::Certain, CERTAIN),
    ("cause_modal", ListKind::CauseModal, CAUSE_MODALS),
    ("cause_stem", ListKind::CauseStem, CAUSE_STEMS),
    (
        "finding_negation",
        ListKind::FindingNegation,
        FINDING_NEGATIONS,
    ),
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
    /// Claim strength: words that make a claim possible ("plausibel", "may").
    Possible,
    /// Claim strength: words that make a claim probable ("wahrscheinlich", "likely").
    Probable,
    /// Claim strength: words that make a claim certain ("überzeugt", "belegt", "clearly").
    Certain,
    /// Modals that make a causal claim conditional ("may", "könnte").
    CauseModal,
    /// Stems of words that claim a cause ("caus*", "verursach*").
    CauseStem,
    /// Words that deny a finding ("not", "nicht", "ohne").
    FindingNegation,
}

impl ListKind {
    /// The kind a user file is for, from its name: `hedges*.txt`, `attribution*.txt`,
    /// `negation*.txt`, and for claim strength `certainty_possible*.txt`,
    /// `certainty_probable*.txt`, `certainty_certain*.txt`, `cause_modals*.txt`,
    /// `cause_stems*.txt`, `finding_negations*.txt`.
    #[must_use]
    pub fn from_file_name(name: &str) -> Option<Self> {
        let name = name.to_lowercase();
        let is_text = Path::new(&name).extension().is_some_and(|ext| ext == "txt");
        if !is_text {
            return None;
        }
        // Longest prefix first: "certainty_certain" before a shorter one that it begins with.
        KINDS
            .iter()
            .filter(|(prefix, _, _)| name.starts_with(prefix))
            .max_by_key(|(prefix, _, _)| prefix.len())
            .map(|&(_, kind, _)| kind)
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
    /// Lines ending in `*`: stems that match the start of a word.
    stems: Vec<String>,
}

impl PhraseList {
    /// Adds the phrases of a list text: one a line, `#` comments, case ignored.
    pub fn extend_from_text(&mut self, list: &str) {
        for line in list.lines() {
            let line = line.split('#').next().unwrap_or("");
            let words: Vec<String> = line.split_whitespace().map(str::to_lowercase).collect();
            if let [word] = words.as_slice()
                && let Some(stem) = word.strip_suffix('*')
            {
                if !stem.is_empty() && !self.stems.iter().any(|s| s == stem) {
                    self.stems.push(stem.to_owned());
                }
                continue;
            }
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
        while index < words.len() {
            if let Some(len) = self.match_at(words, index) {
                found.push((index, len));
                index += len;
            } else {
                index += 1;
            }
        }
        found
    }

    /// The longest phrase (or stem) that starts at word `index`: its number of words.
    #[must_use]
    pub fn match_at(&self, words: &[String], index: usize) -> Option<usize> {
        let word = words.get(index)?;
        let phrase = self.by_first_word.get(word).and_then(|phrases| {
            phrases
                .iter()
                .find(|phrase| words.get(index..index + phrase.len()) == Some(phrase.as_slice()))
        });
        if let Some(phrase) = phrase {
            return Some(phrase.len());
        }
        self.stems
            .iter()
            .any(|stem| word.starts_with(stem.as_str()))
            .then_some(1)
    }

    /// Number of phrases.
    #[must_use]
    pub fn len(&self) -> usize {
        self.by_first_word.values().map(Vec::len).sum::<usize>() + self.stems.len()
    }

    /// Whether the list has no phrase.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.by_first_word.is_empty() && self.stems.is_empty()
    }
}

/// The three lists a comparison uses to classify changes.
#[derive(Clone, Debug)]
pub struct WordLists {
    /// One list per kind, in the order of `ListKind`.
    lists: Vec<PhraseList>,
}

impl Default for WordLists {
    /// Empty lists of every kind.
    fn default() -> Self {
        Self {
            lists: vec![PhraseList::default(); KINDS.len()],
        }
    }
}

impl WordLists {
    /// The built-in German and English lists.
    #[must_use]
    pub fn builtin() -> Self {
        let mut lists = WordLists::default();
        for &(_, kind, texts) in KINDS {
            for text in texts {
                lists.list_mut(kind).extend_from_text(text);
            }
        }
        lists
    }

    /// One of the lists.
    #[must_use]
    pub fn list(&self, kind: ListKind) -> &PhraseList {
        &self.lists[kind as usize]
    }

    /// One of the lists, to extend.
    pub fn list_mut(&mut self, kind: ListKind) -> &mut PhraseList {
        &mut self.lists[kind as usize]
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

    /// Adds every file in a folder named like a list ([`ListKind::from_file_name`]); returns
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
