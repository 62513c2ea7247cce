//! Generated projects of any size, for benchmarks and stress tests.

use super::{
    Annotation, AnnotationId, Article, ArticleId, ArticleMeta, Edit, ImportReport, Project, TagId,
};
use crate::text::Span;

/// German-looking filler vocabulary, with numbers, names and hedges in it.
const WORDS: &[&str] = &[
    "Nordkorea",
    "liefert",
    "laut",
    "Studie",
    "bis",
    "zu",
    "5,5",
    "Milliarden",
    "US-Dollar",
    "an",
    "Russland",
    "und",
    "die",
    "der",
    "Analyse",
    "zufolge",
    "könnte",
    "mehr",
    "als",
    "20.000",
    "Soldaten",
    "sagte",
    "Guseinova",
    "dementierte",
    "Kreml",
    "Munition",
    "rund",
    "etwa",
    "Berichte",
    "Geheimdienst",
    "schätzt",
    "Wert",
    "Waffen",
    "Pjöngjang",
    "Moskau",
    "Sanktionen",
    "über",
    "Jahr",
];

/// A small deterministic generator (xorshift), so generated data is the same every run.
/// Shared by the generated projects here and the benchmarks' generated articles.
#[derive(Clone, Debug)]
pub struct SeededRng(pub u64);

impl SeededRng {
    /// The next raw value. The seed must not be 0.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A value in `0..n` (0 if `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// True in `percent` of the calls.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}

/// Generated text of `num_words` words in paragraphs of about 80 words and sentences of 15.
#[must_use]
pub fn synthetic_text(num_words: usize, seed: u64) -> String {
    let mut rng = SeededRng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut text = String::with_capacity(num_words * 9);
    for i in 0..num_words {
        text.push_str(WORDS[rng.below(WORDS.len())]);
        text.push_str(match (i + 1) % 80 {
            0 => ".\n",
            n if n % 15 == 0 => ". ",
            _ => " ",
        });
    }
    text
}

/// A project with `num_articles` articles of `words_per_article` words and `num_annotations`
/// annotations spread evenly over them, tags cycling through the default set.
///
/// ```
/// let project = lateral::model::synthetic_project(2, 100, 10, 7);
/// assert_eq!(project.articles().len(), 2);
/// assert_eq!(project.annotations().len(), 10);
/// ```
#[must_use]
pub fn synthetic_project(
    num_articles: usize,
    words_per_article: usize,
    num_annotations: usize,
    seed: u64,
) -> Project {
    let mut project = Project::new("Generated project");
    let mut rng = SeededRng(seed | 1);
    let mut edits = Vec::with_capacity(num_articles);
    for index in 0..num_articles {
        let text = synthetic_text(words_per_article, seed + index as u64);
        let meta = ArticleMeta {
            title: format!("Generated article {}", index + 1),
            outlet: "Lateral test press".into(),
            language: "de".into(),
            ..ArticleMeta::default()
        };
        let article = Article::new(
            ArticleId(index as u64 + 1),
            meta,
            text,
            ImportReport::default(),
        );
        edits.push(Edit::AddArticle {
            article: Box::new(article),
            index: None,
        });
    }
    let mut entries = Vec::with_capacity(num_annotations);
    for n in 0..num_annotations {
        let article = &edits[n % num_articles.max(1)];
        let Edit::AddArticle { article, .. } = article else {
            continue;
        };
        let text = article.text();
        let start = floor_boundary(text, rng.below(text.len().saturating_sub(200)));
        let end = floor_boundary(text, start + 20 + rng.below(150));
        if let Some(mut annotation) = Annotation::of_span(
            AnnotationId(n as u64 + 1),
            article.id,
            text,
            Span::new(start, end),
            TagId(n as u64 % 4 + 1),
        ) {
            annotation.note = if n % 3 == 0 {
                "generated note".into()
            } else {
                String::new()
            };
            annotation.speaker = if n % 2 == 1 {
                "Guseinova".into()
            } else {
                String::new()
            };
            annotation.annotator = "generator".into();
            entries.push((entries.len(), annotation));
        }
    }
    edits.push(Edit::RestoreAnnotations { entries });
    // The generated edits are valid by construction; an error would leave an empty project.
    let _ = project.apply(Edit::Batch {
        label: "generate".into(),
        edits,
    });
    project
}

fn floor_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}
