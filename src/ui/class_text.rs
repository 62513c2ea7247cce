//! A class's tagging drawn on the article text: the overlay shades each passage by how many
//! students tagged it (the tag mix on hover), and the key and one student side by side with
//! each passage marked found, missed, extra, wrong tag or wrong speaker.

use super::highlight::{Highlight, HighlightStyle, TextLook, paragraph_job};
use super::theme;
use crate::agreement::{CodedArticle, FindingKind, StudentResult};
use crate::app::class_state::ClassCodings;
use crate::model::Rgb;
use eframe::egui;
use std::collections::BTreeMap;
use std::ops::Range;

/// Colours of a key passage's outcome for one student, and of a student's extra passage.
const FOUND: Rgb = Rgb(0x5c, 0xb8, 0x5c);
const MISSED: Rgb = Rgb(0xe0, 0x4f, 0x5f);
const WRONG_TAG: Rgb = Rgb(0xf0, 0x9a, 0x2a);
const WRONG_SPEAKER: Rgb = Rgb(0xe6, 0xc8, 0x2e);
const EXTRA: Rgb = Rgb(0x8e, 0x6b, 0xd8);
const STUDENT: Rgb = Rgb(0x4e, 0x9a, 0xe6);

/// The student's copy of a key article: the article with the same text.
fn student_article<'a>(
    codings: &'a ClassCodings,
    student: usize,
    key_article: &CodedArticle,
) -> Option<&'a CodedArticle> {
    codings
        .students
        .get(student)?
        .articles
        .iter()
        .find(|a| a.text == key_article.text)
}

/// A stretch of text and the students (by index) who tagged it, with their tag.
type Stretch = (Range<usize>, Vec<(usize, String)>);

/// Per stretch of text: which students tagged it, with which tag.
fn coverage(codings: &ClassCodings, key_article: &CodedArticle) -> Vec<Stretch> {
    let text = &key_article.text;
    let mut bounds = vec![0, text.len()];
    let units: Vec<(usize, Range<usize>, &str)> = (0..codings.students.len())
        .filter_map(|s| Some((s, student_article(codings, s, key_article)?)))
        .flat_map(|(s, article)| {
            article
                .units
                .iter()
                .map(move |u| (s, u.span.range(), u.tag.as_str()))
        })
        .collect();
    for (_, range, _) in &units {
        bounds.extend([range.start.min(text.len()), range.end.min(text.len())]);
    }
    bounds.sort_unstable();
    bounds.dedup();
    bounds
        .windows(2)
        .filter_map(|w| {
            let (start, end) = (*w.first()?, *w.get(1)?);
            let mut by: Vec<(usize, String)> = units
                .iter()
                .filter(|(_, r, _)| r.start <= start && r.end >= end)
                .map(|(s, _, tag)| (*s, (*tag).to_owned()))
                .collect();
            by.sort();
            by.dedup_by_key(|(s, _)| *s);
            (!by.is_empty()).then_some((start..end, by))
        })
        .collect()
}

/// The key's article shaded by how many students tagged each passage; hover shows who used
/// which tag (names only when `names` gives them).
pub fn overlay_ui(
    ui: &mut egui::Ui,
    codings: &ClassCodings,
    article: usize,
    look: &TextLook,
    names: &dyn Fn(usize) -> String,
) {
    let Some(key_article) = codings.key.articles.get(article) else {
        return;
    };
    let num_students = codings.students.len().max(1);
    let stretches = coverage(codings, key_article);
    let highlights: Vec<Highlight> = stretches
        .iter()
        .map(|(range, by)| Highlight {
            range: range.clone(),
            style: HighlightStyle::ClassShare {
                percent: (by.len() * 100 / num_students).min(100) as u8,
            },
        })
        .collect();
    let text = &key_article.text;
    let (job, map) = paragraph_job(text, 0..text.len(), &highlights, look);
    let (pos, galley, response) = egui::Label::new(job)
        .sense(egui::Sense::hover())
        .layout_in_ui(ui);
    ui.painter()
        .galley(pos, galley.clone(), theme::text_colour(look.dark));
    if let Some(hover) = response.hover_pos() {
        let byte = map.byte_of(text, galley.cursor_from_pos(hover - pos).index.0);
        if let Some((_, by)) = stretches.iter().find(|(r, _)| r.contains(&byte)) {
            let mut mix: BTreeMap<&str, usize> = BTreeMap::new();
            for (_, tag) in by {
                *mix.entry(tag.as_str()).or_default() += 1;
            }
            let mix: Vec<String> = mix.iter().map(|(tag, n)| format!("{tag} {n}")).collect();
            let who: Vec<String> = by
                .iter()
                .map(|(s, tag)| format!("{}: {tag}", names(*s)))
                .collect();
            response.on_hover_text_at_pointer(format!(
                "{} of {num_students} students tagged this: {}\n{}",
                by.len(),
                mix.join(", "),
                who.join("\n")
            ));
        }
    }
}

/// The key's article and the student's copy side by side, passages coloured by outcome.
pub fn side_by_side_ui(
    ui: &mut egui::Ui,
    codings: &ClassCodings,
    student: usize,
    result: &StudentResult,
    article: usize,
    look: &TextLook,
) {
    let Some(key_article) = codings.key.articles.get(article) else {
        return;
    };
    let findings: Vec<_> = result
        .findings
        .iter()
        .filter(|f| f.article == key_article.title)
        .collect();
    let key_highlights: Vec<Highlight> = key_article
        .units
        .iter()
        .map(|unit| {
            let quote = key_article.text.get(unit.span.range()).unwrap_or("");
            let outcome = findings
                .iter()
                .find(|f| f.kind != FindingKind::Extra && f.quote == quote)
                .map(|f| f.kind);
            let colour = match outcome {
                Some(FindingKind::Miss) => MISSED,
                Some(FindingKind::Mismatch) => WRONG_TAG,
                Some(FindingKind::Speaker) => WRONG_SPEAKER,
                _ => FOUND,
            };
            Highlight {
                range: unit.span.range(),
                style: HighlightStyle::Tag {
                    colour,
                    selected: false,
                },
            }
        })
        .collect();
    let student_copy = student_article(codings, student, key_article);
    let student_highlights: Vec<Highlight> = student_copy
        .map(|copy| {
            copy.units
                .iter()
                .map(|unit| {
                    let quote = copy.text.get(unit.span.range()).unwrap_or("");
                    let extra = findings
                        .iter()
                        .any(|f| f.kind == FindingKind::Extra && f.student_quote == quote);
                    let colour = if extra { EXTRA } else { STUDENT };
                    Highlight {
                        range: unit.span.range(),
                        style: HighlightStyle::Tag {
                            colour,
                            selected: false,
                        },
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    ui.horizontal_wrapped(|ui| {
        for (colour, label) in [
            (FOUND, "found"),
            (MISSED, "missed"),
            (WRONG_TAG, "wrong tag"),
            (WRONG_SPEAKER, "wrong speaker"),
            (EXTRA, "extra"),
            (STUDENT, "the student's passage (right)"),
        ] {
            let text = egui::RichText::new(label)
                .background_color(theme::tag_fill(colour, look.dark, false));
            ui.label(text);
        }
    });
    let look = TextLook {
        wrap_width: (ui.available_width() / 2.0 - 16.0).max(120.0),
        ..*look
    };
    ui.columns(2, |columns| {
        if let [left, right] = columns {
            left.strong("Key");
            let (job, _) = paragraph_job(
                &key_article.text,
                0..key_article.text.len(),
                &key_highlights,
                &look,
            );
            left.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| ui.label(job));
            right.strong("Student");
            match student_copy {
                Some(copy) => {
                    let (job, _) =
                        paragraph_job(&copy.text, 0..copy.text.len(), &student_highlights, &look);
                    right.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| ui.label(job));
                }
                None => {
                    right.label("This student's file does not have this article.");
                }
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agreement::{Coding, Unit};
    use crate::text::Span;

    fn coding(name: &str, text: &str, units: &[(usize, usize, &str)]) -> Coding {
        Coding {
            name: name.into(),
            tags: Vec::new(),
            articles: vec![CodedArticle {
                title: "A".into(),
                text: text.into(),
                units: units
                    .iter()
                    .map(|&(start, end, tag)| Unit {
                        span: Span::new(start, end),
                        tag: tag.into(),
                        speaker: String::new(),
                        note: String::new(),
                    })
                    .collect(),
            }],
        }
    }

    #[test]
    fn coverage_counts_students_per_stretch() {
        let text = "Laut Studie bis zu 5,5 Milliarden.";
        let codings = ClassCodings {
            key: coding("key", text, &[(0, 11, "attribution")]),
            students: vec![
                coding("a", text, &[(0, 11, "attribution")]),
                coding("b", text, &[(5, 33, "claim")]),
                coding("c", "another text", &[(0, 7, "claim")]),
            ],
        };
        let stretches = coverage(&codings, &codings.key.articles[0]);
        let at = |byte: usize| {
            stretches
                .iter()
                .find(|(r, _)| r.contains(&byte))
                .map(|(_, by)| by.clone())
        };
        assert_eq!(at(2), Some(vec![(0, "attribution".to_owned())]));
        assert_eq!(
            at(7),
            Some(vec![(0, "attribution".to_owned()), (1, "claim".to_owned())])
        );
        assert_eq!(at(20), Some(vec![(1, "claim".to_owned())]));
        assert_eq!(
            at(33),
            None,
            "nobody tagged the full stop; student c has another text"
        );
    }
}
