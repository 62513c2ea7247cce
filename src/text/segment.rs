//! Tokens and sentences with byte spans, for German and English news text.
//!
//! Tokens are words (hyphenated compounds stay one word), numbers (with `.` and `,` between
//! digits kept inside: "5,5", "20.000", "27.10.2024") and single punctuation marks. Sentences
//! end at a line end (headlines have no full stop) or at `.`, `!`, `?` (with closing quotes)
//! followed by a space, except after abbreviations, initials and ordinals before a month or a
//! lower-case word ("z. B.", "Dr. Kim", "am 28. Oktober"). Excluded spans (page furniture) are
//! treated as removed.

use super::Span;

/// Abbreviations (without their full stop, lower case) after which a full stop ends no sentence.
const ABBREVIATIONS: &[&str] = &[
    "z", "b", "u", "a", "dr", "prof", "bzw", "ca", "nr", "st", "usw", "vgl", "mio", "mrd", "jh",
    "mr", "mrs", "ms", "etc", "e.g", "i.e", "z.b", "u.a", "d.h", "s", "o", "sog", "ggf", "evtl",
    "inkl", "bspw", "jan", "feb", "aug", "sept", "okt", "nov", "dez", "gen", "abs", "art", "vs",
];

/// Month names that may follow an ordinal ("28. Oktober").
const MONTHS: &[&str] = &[
    "januar",
    "jänner",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
    "jan",
    "feb",
    "mär",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "okt",
    "nov",
    "dez",
];

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (and digits) such as "Guseinova", "US-Dollar", "G7".
    Word,
    /// Starts with a digit: "5,5", "20.000", "2024", "27.10.2024".
    Number,
    /// One punctuation mark or symbol: ".", "„", "–".
    Punct,
}

/// One token of a text, as a byte span.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Token {
    /// Where it is in the text.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
    /// Whether it is a word starting with an upper-case letter.
    pub capitalised: bool,
}

impl Token {
    /// The token's text.
    #[must_use]
    pub fn text(self, text: &str) -> &str {
        self.span.slice(text).unwrap_or("")
    }
}

/// A sentence: a run of tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// From the first token's start to the last token's end.
    pub span: Span,
    /// Index of the first token in the token list.
    pub first_token: usize,
    /// One past the index of the last token.
    pub end_token: usize,
}

/// Splits `text` into tokens, leaving out everything inside `excluded` spans.
///
/// ```
/// use lateral::text::{tokenize, TokenKind};
/// let text = "Bis zu 5,5 Milliarden US-Dollar.";
/// let tokens = tokenize(text, &[]);
/// let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
/// assert_eq!(words, ["Bis", "zu", "5,5", "Milliarden", "US-Dollar", "."]);
/// assert_eq!(tokens[2].kind, TokenKind::Number);
/// ```
#[must_use]
pub fn tokenize(text: &str, excluded: &[Span]) -> Vec<Token> {
    let mut excluded: Vec<Span> = excluded.iter().copied().filter(|s| !s.is_empty()).collect();
    excluded.sort();
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut skip = 0usize;
    while let Some((start, ch)) = chars.next() {
        if start < skip || ch.is_whitespace() {
            continue;
        }
        if let Some(span) = excluded.iter().find(|s| s.start <= start && start < s.end) {
            skip = span.end;
            continue;
        }
        if !ch.is_alphanumeric() {
            let span = Span::new(start, start + ch.len_utf8());
            tokens.push(Token {
                span,
                kind: TokenKind::Punct,
                capitalised: false,
            });
            continue;
        }
        let is_number = ch.is_numeric();
        let mut end = start + ch.len_utf8();
        let mut prev = ch;
        while let Some(&(offset, next)) = chars.peek() {
            if excluded.iter().any(|s| s.start <= offset && offset < s.end) {
                break;
            }
            if next.is_alphanumeric() {
                end = offset + next.len_utf8();
                prev = next;
                chars.next();
                continue;
            }
            let joiner = matches!(next, '-' | '\'' | '’' | '.' | ',');
            let after = text[offset + next.len_utf8()..].chars().next();
            let joins = match next {
                '.' | ',' => prev.is_numeric() && after.is_some_and(char::is_numeric),
                _ => joiner && after.is_some_and(char::is_alphanumeric),
            };
            if !joins {
                break;
            }
            chars.next();
            end = offset + next.len_utf8();
        }
        let kind = if is_number {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        tokens.push(Token {
            span: Span::new(start, end),
            kind,
            capitalised: ch.is_uppercase(),
        });
    }
    tokens
}

/// Groups `tokens` of `text` into sentences.
///
/// ```
/// use lateral::text::{sentences, tokenize};
/// let text = "Titel ohne Punkt\nDr. Kim kam am 28. Oktober, z. B. mit 1.7 Mio. Dollar. Dann ging er.";
/// let tokens = tokenize(text, &[]);
/// let found: Vec<&str> = sentences(text, &tokens).iter().map(|s| &text[s.span.range()]).collect();
/// assert_eq!(found, ["Titel ohne Punkt", "Dr. Kim kam am 28. Oktober, z. B. mit 1.7 Mio. Dollar.", "Dann ging er."]);
/// ```
#[must_use]
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut result = Vec::new();
    let mut first = 0usize;
    for index in 0..tokens.len() {
        let ends = match tokens.get(index + 1) {
            None => true,
            Some(next) => {
                text.get(tokens[index].span.end..next.span.start)
                    .is_some_and(|gap| gap.contains('\n'))
                    || ends_sentence(text, tokens, index)
            }
        };
        if ends {
            let span = Span::new(tokens[first].span.start, tokens[index].span.end);
            result.push(Sentence {
                span,
                first_token: first,
                end_token: index + 1,
            });
            first = index + 1;
        }
    }
    result
}

/// Whether a sentence ends after token `index` (which has a successor on the same line).
fn ends_sentence(text: &str, tokens: &[Token], index: usize) -> bool {
    let token = tokens[index];
    let next = tokens[index + 1];
    let here = token.text(text);
    let attached = |left: Token, right: Token| left.span.end == right.span.start;
    if is_closing_quote(here) {
        // „…“ ends a sentence if a full stop comes right before the quote.
        let before = index.checked_sub(1).map(|i| tokens[i]);
        return before
            .is_some_and(|b| attached(b, token) && matches!(b.text(text), "." | "!" | "?"))
            && !attached(token, next)
            && starts_sentence(text, next);
    }
    if !matches!(here, "." | "!" | "?" | "…") {
        return false;
    }
    if attached(token, next) && (is_closing_quote(next.text(text)) || next.text(text) == ")") {
        return false;
    }
    let has_space = next.span.start > token.span.end;
    if !has_space || !starts_sentence(text, next) {
        return false;
    }
    if here != "." {
        return true;
    }
    let Some(previous) = index.checked_sub(1).map(|i| tokens[i]) else {
        return true;
    };
    if previous.span.end != token.span.start {
        return true;
    }
    let prev_text = previous.text(text);
    let lower = prev_text.to_lowercase();
    let next_lower = next.text(text).to_lowercase();
    match previous.kind {
        TokenKind::Word => {
            let initial = prev_text.chars().count() == 1;
            !(initial || ABBREVIATIONS.contains(&lower.as_str()))
        }
        // "28. Oktober", "2. Weltkrieg": a one- or two-digit number with a full stop is an
        // ordinal; a year or a longer number ends the sentence unless a month follows.
        TokenKind::Number => !(prev_text.len() <= 2 || MONTHS.contains(&next_lower.as_str())),
        TokenKind::Punct => true,
    }
}

fn starts_sentence(text: &str, token: Token) -> bool {
    let word = token.text(text);
    match token.kind {
        TokenKind::Word => token.capitalised,
        TokenKind::Number => true,
        TokenKind::Punct => matches!(
            word,
            "„" | "\"" | "»" | "«" | "“" | "‚" | "'" | "(" | "–" | "—" | "-"
        ),
    }
}

fn is_closing_quote(token: &str) -> bool {
    matches!(token, "“" | "”" | "\"" | "«" | "»" | "‘" | "’" | "'")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let tokens = tokenize(text, &[]);
        sentences(text, &tokens)
            .iter()
            .map(|s| &text[s.span.range()])
            .collect()
    }

    #[test]
    fn abbreviations_ordinals_and_numbers_do_not_split() {
        assert_eq!(
            split("Das gilt u. a. für Prof. Lee. Es kostet 5.5 billion."),
            ["Das gilt u. a. für Prof. Lee.", "Es kostet 5.5 billion."]
        );
        assert_eq!(
            split("Am 27.10.2024 waren es 20.000 Soldaten. Mehr nicht."),
            ["Am 27.10.2024 waren es 20.000 Soldaten.", "Mehr nicht."]
        );
        assert_eq!(
            split("Sie kamen im Jahr 2023. Dann gingen sie."),
            ["Sie kamen im Jahr 2023.", "Dann gingen sie."]
        );
    }

    #[test]
    fn english_abbreviations_and_initials_do_not_split() {
        assert_eq!(
            split("U.S. officials, e.g. Mr. Smith, said so. Kim Jong Un agreed."),
            [
                "U.S. officials, e.g. Mr. Smith, said so.",
                "Kim Jong Un agreed."
            ]
        );
    }

    #[test]
    fn quotes_of_every_style_end_sentences_after_them() {
        assert_eq!(
            split("„Wir gehen.“ Sagt er. »Nein!« Er schwieg. \"Yes.\" She left."),
            [
                "„Wir gehen.“",
                "Sagt er.",
                "»Nein!«",
                "Er schwieg.",
                "\"Yes.\"",
                "She left."
            ]
        );
    }

    #[test]
    fn excluded_spans_are_removed_and_lines_end_sentences() {
        let text = "Überschrift\n< p>Der Text. Aktuell im Auge behalten\nEnde";
        let start = text.find("< p>").unwrap_or(0);
        let widget = text.find("Aktuell").unwrap_or(0);
        let excluded = [Span::new(start, start + 4), Span::new(widget, widget + 24)];
        let tokens = tokenize(text, &excluded);
        let found: Vec<&str> = sentences(text, &tokens)
            .iter()
            .map(|s| &text[s.span.range()])
            .collect();
        assert_eq!(found, ["Überschrift", "Der Text.", "Ende"]);
    }

    #[test]
    fn tokens_know_numbers_and_capitals() {
        let text = "Olena's 52,9 Millionen – 1.7";
        let tokens = tokenize(text, &[]);
        let kinds: Vec<(TokenKind, bool)> =
            tokens.iter().map(|t| (t.kind, t.capitalised)).collect();
        assert_eq!(
            kinds,
            [
                (TokenKind::Word, true),
                (TokenKind::Number, false),
                (TokenKind::Word, true),
                (TokenKind::Punct, false),
                (TokenKind::Number, false)
            ]
        );
    }
}
