//! Which articles retell which: containment of word 3-shingles both ways for every pair of a
//! collection, and groups of near-duplicates.
//!
//! Pairs are found through an inverted index from shingle to documents, so only pairs that
//! share wording are ever counted (no all-pairs work); shingles found in very many documents
//! (boilerplate, set phrases) are left out of the index.

use super::Containment;
use super::document::Document;
use crate::model::ArticleId;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Shingles in more than this share of the documents (and more than [`MIN_DF_CAP`]) do not
/// make pairs.
const MAX_DF_SHARE: f64 = 0.05;
/// Shingles in at most this many documents always make pairs.
const MIN_DF_CAP: usize = 20;

/// Two articles that share wording.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct PairScore {
    /// The first article.
    pub a: ArticleId,
    /// The second article.
    pub b: ArticleId,
    /// Containment both ways.
    pub containment: Containment,
}

impl PairScore {
    /// The pair's score: the larger containment.
    #[must_use]
    pub fn score(&self) -> f64 {
        self.containment.max()
    }
}

/// Containment of two sorted, repeat-free shingle lists.
///
/// ```
/// use lateral::compare::similarity::containment;
/// let c = containment(&[1, 2, 3, 4], &[3, 4]);
/// assert_eq!((c.a_in_b, c.b_in_a), (0.5, 1.0));
/// ```
#[must_use]
pub fn containment(a: &[u64], b: &[u64]) -> Containment {
    let shared = shared_count(a, b) as f64;
    let share = |total: usize| {
        if total == 0 {
            0.0
        } else {
            shared / total as f64
        }
    };
    Containment {
        a_in_b: share(a.len()),
        b_in_a: share(b.len()),
    }
}

fn shared_count(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

/// Every pair of `docs` (id, text) whose larger containment reaches `threshold`, best first.
///
/// ```
/// use lateral::compare::similarity::near_duplicates;
/// use lateral::model::ArticleId;
/// let docs = [
///     (ArticleId(1), "Die Studie bemisst den Wert der Lieferungen auf bis zu 5,5 Milliarden Dollar."),
///     (ArticleId(2), "Laut Bericht bemisst die Studie den Wert der Lieferungen auf bis zu 5,5 Milliarden."),
///     (ArticleId(3), "Ganz anderes Thema: das Wetter wird morgen schön und warm."),
/// ];
/// let pairs = near_duplicates(&docs, 0.3);
/// assert_eq!(pairs.len(), 1);
/// assert_eq!((pairs[0].a, pairs[0].b), (ArticleId(1), ArticleId(2)));
/// ```
#[must_use]
pub fn near_duplicates(docs: &[(ArticleId, &str)], threshold: f64) -> Vec<PairScore> {
    let shingled: Vec<(ArticleId, Vec<u64>)> = docs
        .iter()
        .map(|(id, text)| (*id, Document::new(text, &[]).shingles()))
        .collect();
    near_duplicates_of_shingles(&shingled, threshold)
}

/// Like [`near_duplicates`], for articles, with their active page furniture left out.
#[must_use]
pub fn near_duplicate_articles(
    articles: &[crate::model::Article],
    threshold: f64,
) -> Vec<PairScore> {
    let shingled: Vec<(ArticleId, Vec<u64>)> = articles
        .iter()
        .map(|article| {
            let furniture: Vec<_> = article.active_furniture().map(|f| f.span).collect();
            (
                article.id,
                Document::new(article.text(), &furniture).shingles(),
            )
        })
        .collect();
    near_duplicates_of_shingles(&shingled, threshold)
}

/// Like [`near_duplicates`], for documents already turned into shingles (sorted, no repeats),
/// e.g. with furniture left out via [`Document::shingles`].
#[must_use]
pub fn near_duplicates_of_shingles(
    docs: &[(ArticleId, Vec<u64>)],
    threshold: f64,
) -> Vec<PairScore> {
    let mut index: HashMap<u64, Vec<u32>> = HashMap::new();
    for (doc_index, (_, shingles)) in docs.iter().enumerate() {
        for &shingle in shingles {
            index.entry(shingle).or_default().push(doc_index as u32);
        }
    }
    let df_cap = MIN_DF_CAP.max((docs.len() as f64 * MAX_DF_SHARE) as usize);
    let mut shared: HashMap<(u32, u32), u32> = HashMap::new();
    for postings in index.values().filter(|p| p.len() > 1 && p.len() <= df_cap) {
        for (k, &first) in postings.iter().enumerate() {
            for &second in &postings[k + 1..] {
                *shared.entry((first, second)).or_default() += 1;
            }
        }
    }
    let mut pairs: Vec<PairScore> = shared
        .into_iter()
        .filter_map(|((first, second), count)| {
            let (id_a, shingles_a) = docs.get(first as usize)?;
            let (id_b, shingles_b) = docs.get(second as usize)?;
            let smaller = shingles_a.len().min(shingles_b.len()).max(1);
            // The capped count is a lower bound; only promising pairs get the exact count.
            if f64::from(count) / (smaller as f64) < threshold * 0.5 {
                return None;
            }
            let containment = containment(shingles_a, shingles_b);
            (containment.max() >= threshold).then_some(PairScore {
                a: *id_a,
                b: *id_b,
                containment,
            })
        })
        .collect();
    pairs.sort_by(|x, y| {
        y.score()
            .total_cmp(&x.score())
            .then((x.a, x.b).cmp(&(y.a, y.b)))
    });
    pairs
}

/// The representative of `node`'s set in a union-find forest (with path halving).
fn root(parent: &mut [usize], mut node: usize) -> usize {
    while parent[node] != node {
        parent[node] = parent[parent[node]];
        node = parent[node];
    }
    node
}

/// Groups articles linked by the pairs (connected components), largest group first; articles
/// without a pair are left out.
///
/// ```
/// use lateral::compare::similarity::{group, PairScore};
/// use lateral::compare::Containment;
/// use lateral::model::ArticleId;
/// let pair = |a, b| PairScore { a: ArticleId(a), b: ArticleId(b), containment: Containment::default() };
/// let groups = group(&[pair(1, 2), pair(3, 4), pair(2, 5)]);
/// assert_eq!(groups, [vec![ArticleId(1), ArticleId(2), ArticleId(5)], vec![ArticleId(3), ArticleId(4)]]);
/// ```
#[must_use]
pub fn group(pairs: &[PairScore]) -> Vec<Vec<ArticleId>> {
    let mut ids: Vec<ArticleId> = pairs.iter().flat_map(|p| [p.a, p.b]).collect();
    ids.sort_unstable();
    ids.dedup();
    let position = |id: ArticleId| ids.binary_search(&id).unwrap_or(0);
    let mut parent: Vec<usize> = (0..ids.len()).collect();
    for pair in pairs {
        let (x, y) = (
            root(&mut parent, position(pair.a)),
            root(&mut parent, position(pair.b)),
        );
        parent[x.max(y)] = x.min(y);
    }
    let mut groups: HashMap<usize, Vec<ArticleId>> = HashMap::new();
    for (node, id) in ids.iter().enumerate() {
        let top = root(&mut parent, node);
        groups.entry(top).or_default().push(*id);
    }
    let mut groups: Vec<Vec<ArticleId>> = groups.into_values().collect();
    groups.sort_by(|x, y| y.len().cmp(&x.len()).then(x.cmp(y)));
    groups
}
