//! Page-furniture detection: repeated lines, leftover HTML, boilerplate and image credits.
//! It only marks spans; the text is never changed.

use crate::model::{Furniture, FurnitureKind};
use crate::text::Span;
use std::collections::HashMap;

const LINE_CUES: &str = include_str!("../../../assets/furniture/lines.txt");
const PHRASE_CUES: &str = include_str!("../../../assets/furniture/phrases.txt");
const CREDIT_CUES: &str = include_str!("../../../assets/furniture/credits.txt");

/// Lines longer than this are never taken for boilerplate or credits.
const MAX_BOILERPLATE_CHARS: usize = 200;
/// A line must be at least this long to count as a shortened repeat of another.
const MIN_PARTIAL_REPEAT_CHARS: usize = 30;
/// A line must be at least this long to count as an exact repeat of another.
const MIN_EXACT_REPEAT_CHARS: usize = 12;
/// How many lines apart a shortened repeat may be.
const REPEAT_WINDOW_LINES: usize = 6;

/// HTML element names that mark a `<…>` as a leftover tag.
const HTML_TAGS: &[&str] = &[
    "a",
    "article",
    "b",
    "blockquote",
    "br",
    "div",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "iframe",
    "img",
    "li",
    "ol",
    "p",
    "picture",
    "script",
    "section",
    "source",
    "span",
    "strong",
    "style",
    "sub",
    "sup",
    "table",
    "td",
    "th",
    "tr",
    "u",
    "ul",
];

struct Line {
    number: usize,
    span: Span,
    norm: String,
}

/// Finds page furniture in `text`, sorted by position.
///
/// ```
/// use lateral::io::import::detect_furniture;
/// use lateral::model::FurnitureKind;
/// let text = "Titel\n< p>Der Text beginnt hier.\nNewsletter abonnieren\n";
/// let kinds: Vec<_> = detect_furniture(text).iter().map(|f| f.kind).collect();
/// assert_eq!(kinds, [FurnitureKind::HtmlTag, FurnitureKind::Boilerplate]);
/// ```
#[must_use]
pub fn detect_furniture(text: &str) -> Vec<Furniture> {
    let lines = split_lines(text);
    let mut marks: Vec<Furniture> = Vec::new();
    let mut marked_lines = vec![false; lines.len()];
    mark_repeats(&lines, &mut marks, &mut marked_lines);
    let line_cues = cue_list(LINE_CUES);
    let phrase_cues = cue_list(PHRASE_CUES);
    let credit_cues = cue_list(CREDIT_CUES);
    for (line, marked) in lines.iter().zip(&marked_lines) {
        if *marked || line.norm.chars().count() > MAX_BOILERPLATE_CHARS {
            continue;
        }
        let lower = line.norm.to_lowercase();
        let mark = |kind, reason: String| Furniture {
            span: line.span,
            kind,
            reason,
            rejected: false,
        };
        if let Some(cue) = credit_cues
            .iter()
            .find(|cue| lower.starts_with(cue.as_str()))
        {
            marks.push(mark(
                FurnitureKind::ImageCredit,
                format!("line {} starts with \"{cue}\"", line.number),
            ));
        } else if line_cues.contains(&lower) {
            marks.push(mark(
                FurnitureKind::Boilerplate,
                format!("line {} is site navigation", line.number),
            ));
        } else if let Some(cue) = phrase_cues.iter().find(|cue| contains_words(&lower, cue)) {
            marks.push(mark(
                FurnitureKind::Boilerplate,
                format!("line {} contains \"{cue}\"", line.number),
            ));
        }
    }
    marks.extend(html_marks(text));
    marks.sort_by_key(|m| (m.span.start, m.span.end));
    marks
}

fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (number, raw) in text.split('\n').enumerate() {
        let trimmed = raw.trim();
        if !trimmed.is_empty() {
            let lead = raw.len() - raw.trim_start().len();
            let span = Span::new(start + lead, start + lead + trimmed.len());
            let norm = trimmed
                .trim_end_matches(['…', '.', ' '])
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            lines.push(Line {
                number: number + 1,
                span,
                norm,
            });
        }
        start += raw.len() + 1;
    }
    lines
}

/// Marks exact repeats (after the first) anywhere, and shortened repeats of a nearby longer
/// line (a caption cut short, or its photo credit on a line of its own).
fn mark_repeats(lines: &[Line], marks: &mut Vec<Furniture>, marked: &mut [bool]) {
    let mut first_seen: HashMap<&str, usize> = HashMap::new();
    for (index, line) in lines.iter().enumerate() {
        if line.norm.chars().count() < MIN_EXACT_REPEAT_CHARS {
            continue;
        }
        if let Some(&first) = first_seen.get(line.norm.as_str()) {
            marked[index] = true;
            marks.push(Furniture {
                span: line.span,
                kind: FurnitureKind::RepeatedLine,
                reason: format!("line {} repeats line {}", line.number, lines[first].number),
                rejected: false,
            });
        } else {
            first_seen.insert(line.norm.as_str(), index);
        }
    }
    for (index, line) in lines.iter().enumerate() {
        let len = line.norm.chars().count();
        if marked[index] || len < MIN_PARTIAL_REPEAT_CHARS {
            continue;
        }
        let low = index.saturating_sub(REPEAT_WINDOW_LINES);
        let high = (index + REPEAT_WINDOW_LINES + 1).min(lines.len());
        let longer = (low..high).find(|&other| {
            let other_line = &lines[other];
            other != index
                && !marked[other]
                && other_line.norm.chars().count() > len
                && other_line.norm.chars().count() <= MAX_BOILERPLATE_CHARS * 2
                && (other_line.norm.starts_with(&line.norm)
                    || other_line.norm.ends_with(&line.norm))
        });
        if let Some(other) = longer {
            marked[index] = true;
            marks.push(Furniture {
                span: line.span,
                kind: FurnitureKind::RepeatedLine,
                reason: format!(
                    "line {} repeats part of line {}",
                    line.number, lines[other].number
                ),
                rejected: false,
            });
        }
    }
}

fn cue_list(source: &str) -> Vec<String> {
    source
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_lowercase)
        .collect()
}

/// Whether `phrase` occurs in `haystack` with no letter or digit right before or after it.
fn contains_words(haystack: &str, phrase: &str) -> bool {
    haystack.match_indices(phrase).any(|(start, _)| {
        let before = haystack[..start].chars().next_back();
        let after = haystack[start + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Leftover HTML tags (`<p>`, `< p>`, `</div>`, `<br/>`) and entities (`&nbsp;`, `&#8222;`).
fn html_marks(text: &str) -> Vec<Furniture> {
    let mut marks = Vec::new();
    for (start, _) in text.match_indices('<') {
        if let Some(len) = html_tag_len(&text[start..]) {
            marks.push(Furniture {
                span: Span::new(start, start + len),
                kind: FurnitureKind::HtmlTag,
                reason: format!("leftover HTML tag {}", &text[start..start + len]),
                rejected: false,
            });
        }
    }
    for (start, _) in text.match_indices('&') {
        if let Some(len) = html_entity_len(&text[start..]) {
            marks.push(Furniture {
                span: Span::new(start, start + len),
                kind: FurnitureKind::HtmlEntity,
                reason: format!("leftover HTML entity {}", &text[start..start + len]),
                rejected: false,
            });
        }
    }
    marks
}

/// Longest leftover tag, `<` to `>`; looking no further keeps the scan linear.
const MAX_TAG_BYTES: usize = 300;
/// Longest entity, `&` to `;` (`&#x1F600;` is 9).
const MAX_ENTITY_BYTES: usize = 10;

/// The position of the first of `stops` in `rest[1..=limit]`, searching no further.
fn find_within(rest: &str, limit: usize, stops: &[u8]) -> Option<usize> {
    rest.as_bytes()
        .iter()
        .enumerate()
        .skip(1)
        .take(limit)
        .find(|(_, b)| stops.contains(b))
        .map(|(index, _)| index)
}

fn html_tag_len(rest: &str) -> Option<usize> {
    let close = find_within(rest, MAX_TAG_BYTES, b"><\n")?;
    if rest.as_bytes().get(close) != Some(&b'>') {
        return None;
    }
    let inner = rest[1..close]
        .trim_start()
        .trim_start_matches('/')
        .trim_start();
    let name: String = inner
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    let after_name = inner[name.len()..].chars().next();
    let name_ends = after_name.is_none_or(|c| c.is_whitespace() || c == '/');
    (HTML_TAGS.contains(&name.as_str()) && name_ends).then_some(close + 1)
}

fn html_entity_len(rest: &str) -> Option<usize> {
    let semicolon = find_within(rest, MAX_ENTITY_BYTES, b";")?;
    if !(3..=10).contains(&semicolon) {
        return None;
    }
    let body = &rest[1..semicolon];
    let valid = match body.strip_prefix('#') {
        Some(num) => match num.strip_prefix(['x', 'X']) {
            Some(hex) => !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit()),
            None => !num.is_empty() && num.chars().all(|c| c.is_ascii_digit()),
        },
        None => body.chars().all(|c| c.is_ascii_alphanumeric()),
    };
    valid.then_some(semicolon + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds_and_text(text: &str) -> Vec<(FurnitureKind, &str)> {
        detect_furniture(text)
            .into_iter()
            .map(|f| (f.kind, &text[f.span.range()]))
            .collect()
    }

    #[test]
    fn repeated_captions_keep_the_longest() {
        let text = "Bündnis der Autokraten: Kim und Putin intensivieren die\n\
                    Bündnis der Autokraten: Kim und Putin intensivieren die Zusammenarbeit. Foto: AP/dpa\n\
                    Bündnis der Autokraten: Kim und Putin intensivieren die Zusammenarbeit.\n\
                    Foto: AP/dpa\n\nText.";
        let found = kinds_and_text(text);
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(found.iter().all(|(k, _)| *k == FurnitureKind::RepeatedLine || *k == FurnitureKind::ImageCredit));
        assert!(
            !found
                .iter()
                .any(|(_, t)| t.ends_with("Foto: AP/dpa") && t.len() > 20)
        );
    }

    #[test]
    fn html_tags_and_entities() {
        let found = kinds_and_text("a < p>b</div> c &nbsp; d &#8222; e 3 < 4 > 2 &x; AT&T;");
        assert_eq!(
            found,
            vec![
                (FurnitureKind::HtmlTag, "< p>"),
                (FurnitureKind::HtmlTag, "</div>"),
                (FurnitureKind::HtmlEntity, "&nbsp;"),
                (FurnitureKind::HtmlEntity, "&#8222;"),
            ]
        );
    }

    #[test]
    fn tags_and_entities_at_their_length_limits() {
        let long_tag = format!("<p {}>", "x".repeat(MAX_TAG_BYTES - 3));
        let too_long = format!("<p {}>", "x".repeat(MAX_TAG_BYTES - 2));
        assert_eq!(html_tag_len(&long_tag), Some(MAX_TAG_BYTES + 1));
        assert_eq!(html_tag_len(&too_long), None);
        assert_eq!(html_entity_len("&#x1F600; x"), Some(9));
        assert_eq!(html_entity_len("&abcdefghij; x"), None);
        assert_eq!(html_entity_len("&abcdefghi; x"), Some(11));
    }

    #[test]
    fn short_kicker_inside_headline_is_not_a_repeat() {
        assert!(
            detect_furniture("Russland und Nordkorea\nSo eng kooperieren Russland und Nordkorea\n")
                .is_empty()
        );
    }

    #[test]
    fn boilerplate_needs_whole_words() {
        let found = kinds_and_text(
            "Wir teilen mit.\nTeilen\nSubscribe to our weekly newsletters for free\n",
        );
        assert_eq!(
            found,
            vec![
                (FurnitureKind::Boilerplate, "Teilen"),
                (
                    FurnitureKind::Boilerplate,
                    "Subscribe to our weekly newsletters for free"
                ),
            ]
        );
    }
}
