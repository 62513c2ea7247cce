//! Numbers in German and English text: "5,5 Milliarden", "20.000", "1.7", "5.5 billion",
//! "600.000 bis 700.000", "zwei", parsed to values so that differently written equal numbers
//! compare equal.

use super::{Span, Token, TokenKind};
use serde::{Deserialize, Serialize};

/// How a text writes its numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NumberStyle {
    /// "5,5" is five and a half, "20.000" twenty thousand, "Billion" 10^12.
    German,
    /// "5.5" is five and a half, "20,000" twenty thousand, "billion" 10^9.
    English,
}

impl NumberStyle {
    /// The style for a language tag ("de", "en"); German for anything else.
    #[must_use]
    pub fn for_language(language: &str) -> Self {
        if language.starts_with("en") {
            NumberStyle::English
        } else {
            NumberStyle::German
        }
    }
}

/// A number in a text: its digits (and scale word) and its value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NumberMention {
    /// The number and its scale word, e.g. "5,5 Milliarden".
    pub span: Span,
    /// Its value, e.g. 5.5e9.
    pub value: f64,
}

const NUMBER_WORDS: &[(&str, f64)] = &[
    ("zwei", 2.0),
    ("drei", 3.0),
    ("vier", 4.0),
    ("fünf", 5.0),
    ("sechs", 6.0),
    ("sieben", 7.0),
    ("acht", 8.0),
    ("neun", 9.0),
    ("zehn", 10.0),
    ("elf", 11.0),
    ("zwölf", 12.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
];

/// Whether two values are the same number (relative tolerance 10^-9).
#[must_use]
pub fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Parses the digits of one number token; `None` for dates ("27.10.2024") and non-numbers.
///
/// ```
/// use lateral::text::{parse_number, NumberStyle::{English, German}};
/// assert_eq!(parse_number("5,5", German), Some(5.5));
/// assert_eq!(parse_number("20.000", German), Some(20_000.0));
/// assert_eq!(parse_number("1.7", German), Some(1.7));
/// assert_eq!(parse_number("20,000", English), Some(20_000.0));
/// assert_eq!(parse_number("20,000", German), Some(20_000.0));
/// assert_eq!(parse_number("26,2024", German), None);
/// assert_eq!(parse_number("1.000.000,5", German), Some(1_000_000.5));
/// assert_eq!(parse_number("27.10.2024", German), None);
/// ```
#[must_use]
pub fn parse_number(token: &str, style: NumberStyle) -> Option<f64> {
    parse_digits(token, style, false)
}

/// Parses a number token; with `scaled` (a scale word follows, "1,250 Milliarden") a single
/// group of three digits after the style's decimal separator stays decimals, without it
/// ("20,000 Soldaten" in a German text) it is read as thousands whatever the style, since
/// news write three decimals almost never.
fn parse_digits(token: &str, style: NumberStyle, scaled: bool) -> Option<f64> {
    if !token
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    if looks_like_day_and_year(token) {
        return None;
    }
    let last_dot = token.rfind('.');
    let last_comma = token.rfind(',');
    let decimal = match (last_dot, last_comma) {
        (None, None) => None,
        (Some(d), Some(c)) => Some(d.max(c)),
        (Some(only), None) | (None, Some(only)) => {
            let sep = token.as_bytes().get(only).copied().unwrap_or(b'.');
            let groups: Vec<&str> = token.split(char::from(sep)).collect();
            let thousands_groups = groups.iter().skip(1).all(|g| g.len() == 3);
            if groups.len() > 2 {
                // Several equal separators: thousands groups, or a date.
                return thousands_groups
                    .then(|| token.replace(char::from(sep), "").parse().ok())?;
            }
            let german_thousands = sep == b'.' && thousands_groups && style == NumberStyle::German;
            let english_thousands =
                sep == b',' && thousands_groups && style == NumberStyle::English;
            let by_shape = thousands_groups
                && !scaled
                && groups
                    .first()
                    .is_some_and(|g| !g.is_empty() && !g.starts_with('0'));
            if german_thousands || english_thousands || by_shape {
                None
            } else {
                Some(only)
            }
        }
    };
    let mut digits = String::with_capacity(token.len());
    for (offset, ch) in token.char_indices() {
        if ch.is_ascii_digit() {
            digits.push(ch);
        } else if Some(offset) == decimal {
            digits.push('.');
        }
    }
    digits.parse().ok()
}

/// "26,2024" (from "Apr.26,2024") or "3.2023": a day or month glued to a year, not a number.
fn looks_like_day_and_year(token: &str) -> bool {
    let Some((head, tail)) = token.split_once([',', '.']) else {
        return false;
    };
    let year = tail.len() == 4
        && tail
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2099).contains(&y));
    let day = head.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d));
    year && day
}

/// The style a scale word writes its number in, if it tells: "billion" and "thousand" are
/// English; a German noun is capitalised ("Billion", "Milliarden").
fn style_of_scale_word(word: &str) -> Option<NumberStyle> {
    match word {
        "billion" | "billions" | "million" | "millions" | "thousand" | "trillion" | "trillions"
        | "bn" | "mln" => Some(NumberStyle::English),
        "Milliarde" | "Milliarden" | "Millionen" | "Billionen" | "Tausend" | "Mrd" | "Mio" => {
            Some(NumberStyle::German)
        }
        _ => None,
    }
}

/// The factor of a scale word such as "Milliarden", "Mio", "million"; `None` for other words.
#[must_use]
pub fn scale_of(word: &str, style: NumberStyle) -> Option<f64> {
    let scale = match word.to_lowercase().as_str() {
        "tausend" | "thousand" | "tsd" => 1e3,
        "million" | "millionen" | "mio" | "millions" | "mln" => 1e6,
        "milliarde" | "milliarden" | "mrd" | "mrd." | "bn" => 1e9,
        "billion" | "billions" if style == NumberStyle::English => 1e9,
        "billion" | "billionen" | "trillion" | "trillions" => 1e12,
        _ => return None,
    };
    Some(scale)
}

/// Finds every number in `tokens` of `text`, with a following scale word folded in.
///
/// ```
/// use lateral::text::{find_numbers, tokenize, NumberStyle};
/// let text = "Bis zu 5,5 Milliarden, 600.000 bis 700.000 Soldaten und zwei Treffen.";
/// let values: Vec<f64> = find_numbers(text, &tokenize(text, &[]), NumberStyle::German)
///     .iter().map(|n| n.value).collect();
/// assert_eq!(values, [5.5e9, 600_000.0, 700_000.0, 2.0]);
/// ```
#[must_use]
pub fn find_numbers(text: &str, tokens: &[Token], style: NumberStyle) -> Vec<NumberMention> {
    let mut mentions: Vec<Found> = Vec::new();
    let mut index = 0;
    while let Some(token) = tokens.get(index) {
        let word = token.text(text);
        let next_word = tokens
            .get(index + 1)
            .filter(|next| next.kind == TokenKind::Word)
            .map(|next| next.text(text));
        // The number's own words decide its style: "5.5 billion" in a German text is English.
        let style = next_word.and_then(style_of_scale_word).unwrap_or(style);
        let scaled = next_word.is_some_and(|w| scale_of(w, style).is_some());
        let value = match token.kind {
            TokenKind::Number => parse_digits(word, style, scaled),
            TokenKind::Word => {
                let lower = word.to_lowercase();
                NUMBER_WORDS
                    .iter()
                    .find(|(w, _)| *w == lower)
                    .map(|(_, v)| *v)
            }
            TokenKind::Punct => None,
        };
        let Some(plain) = value else {
            index += 1;
            continue;
        };
        let scale = tokens
            .get(index + 1)
            .filter(|next| next.kind == TokenKind::Word)
            .and_then(|next| scale_of(next.text(text), style).map(|factor| (factor, next.span)));
        let (factor, end) = scale.unwrap_or((1.0, token.span));
        let mention = NumberMention {
            span: Span::new(token.span.start, end.end),
            value: plain * factor,
        };
        mentions.push(Found {
            first_token: index,
            mention,
            factor: scale.map(|(f, _)| f),
        });
        index += if scale.is_some() { 2 } else { 1 };
    }
    spread_range_scales(text, tokens, &mut mentions);
    mentions.into_iter().map(|found| found.mention).collect()
}

struct Found {
    first_token: usize,
    mention: NumberMention,
    factor: Option<f64>,
}

/// In "5 bis 6 Milliarden" the scale of the second number applies to the first.
fn spread_range_scales(text: &str, tokens: &[Token], mentions: &mut [Found]) {
    for pair in 1..mentions.len() {
        let (left, right) = mentions.split_at_mut(pair);
        let (Some(first), Some(second)) = (left.last_mut(), right.first()) else {
            continue;
        };
        let (None, Some(factor)) = (first.factor, second.factor) else {
            continue;
        };
        let joined = second.first_token == first.first_token + 2
            && tokens.get(first.first_token + 1).is_some_and(|t| {
                matches!(
                    t.text(text).to_lowercase().as_str(),
                    "bis" | "to" | "-" | "–" | "und" | "and"
                )
            });
        if joined {
            first.mention.value *= factor;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn values(text: &str, style: NumberStyle) -> Vec<f64> {
        find_numbers(text, &tokenize(text, &[]), style)
            .iter()
            .map(|n| n.value)
            .collect()
    }

    #[test]
    fn german_and_english_write_the_same_values() {
        assert_eq!(
            values("5,5 Milliarden US-Dollar", NumberStyle::German),
            [5.5e9]
        );
        assert_eq!(values("5.5 billion dollars", NumberStyle::English), [5.5e9]);
        assert_eq!(values("52,9 Millionen", NumberStyle::German), [52.9e6]);
        assert_eq!(values("1,7 Mrd. Euro", NumberStyle::German), [1.7e9]);
        assert_eq!(
            values("eine Billion", NumberStyle::German),
            Vec::<f64>::new()
        );
        assert_eq!(values("3 Billionen", NumberStyle::German), [3e12]);
    }

    #[test]
    fn a_number_is_read_in_the_style_of_its_own_words() {
        // Issue 16.7: an English figure quoted in a German article.
        assert_eq!(values("5.5 billion dollars", NumberStyle::German), [5.5e9]);
        assert_eq!(values("3 Billionen", NumberStyle::English), [3e12]);
        assert_eq!(values("20,000 soldiers", NumberStyle::German), [20_000.0]);
        assert_eq!(values("20.000 Soldaten", NumberStyle::English), [20_000.0]);
        assert_eq!(values("1,250 Milliarden", NumberStyle::German), [1.25e9]);
        assert_eq!(values("5,5 Milliarden", NumberStyle::German), [5.5e9]);
    }

    #[test]
    fn a_day_glued_to_a_year_is_no_number() {
        let found = values("Apr.26,2024", NumberStyle::German);
        assert!(!found.iter().any(|v| same_value(*v, 26.2024)), "{found:?}");
        assert_eq!(values("3,1875", NumberStyle::German), [3.1875]);
    }

    #[test]
    fn ranges_share_their_scale() {
        assert_eq!(
            values("5 bis 6 Milliarden", NumberStyle::German),
            [5e9, 6e9]
        );
        assert_eq!(
            values("600.000 bis 700.000", NumberStyle::German),
            [600_000.0, 700_000.0]
        );
    }

    #[test]
    fn same_value_tolerates_rounding() {
        assert!(same_value(5.5e9, 5.5 * 1e9));
        assert!(!same_value(20_000.0, 20_001.0));
    }
}
