//! Publication dates as written in news ("27.10.2024", "27. Oktober 2024", "Oct 27, 2024",
//! "2024-10-27T08:00:00+01:00", "Ende Oktober 2024", "Herbst 2024") read as a span of days.
//!
//! An article's date stays the text its source gave; [`PubDate`] is what that text says in
//! days, so that articles sort and sit on a timeline. A date given to the day is one day; a
//! month, a season or a year is the span of days it covers, so "Oktober 2024" is neither
//! placed on the 1st nor hidden.

use jiff::ToSpan;
use jiff::civil::Date;
use std::fmt;

/// The days a written publication date covers: one day, or a span such as a month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PubDate {
    /// The first day it may mean.
    pub first: Date,
    /// The last day it may mean (equal to `first` for a date given to the day).
    pub last: Date,
}

impl PubDate {
    /// One day.
    #[must_use]
    pub fn day(date: Date) -> PubDate {
        PubDate {
            first: date,
            last: date,
        }
    }

    /// Reads a written date, German or English; `None` when the text names no year or is not
    /// a date. Day-month order is assumed for numeric dates unless the day is impossible
    /// ("10/27/2024" is read as 27 October).
    ///
    /// ```
    /// use lateral::text::PubDate;
    /// let d = |s| PubDate::parse(s).map(|d| d.to_iso());
    /// assert_eq!(d("27.10.2024").as_deref(), Some("2024-10-27"));
    /// assert_eq!(d("Sonntag, 27. Oktober 2024, 08:15 Uhr").as_deref(), Some("2024-10-27"));
    /// assert_eq!(d("Oct. 27, 2024").as_deref(), Some("2024-10-27"));
    /// assert_eq!(d("2024-10-27T23:30:00+01:00").as_deref(), Some("2024-10-27"));
    /// assert_eq!(d("Oktober 2024").as_deref(), Some("2024-10"));
    /// assert_eq!(d("Herbst 2024").as_deref(), Some("2024-09-01/2024-11-30"));
    /// assert_eq!(d("Montag, 28. Oktober"), None);
    /// ```
    #[must_use]
    pub fn parse(text: &str) -> Option<PubDate> {
        let tokens = tokens(text);
        iso(&tokens)
            .or_else(|| numeric(&tokens))
            .or_else(|| named(&tokens))
    }

    /// Whether it is one day.
    #[must_use]
    pub fn is_day(&self) -> bool {
        self.first == self.last
    }

    /// The middle day, where a timeline puts it.
    #[must_use]
    pub fn middle(&self) -> Date {
        let days = self
            .first
            .until(self.last)
            .map_or(0, |span| span.get_days());
        self.first
            .checked_add((days / 2).days())
            .unwrap_or(self.first)
    }

    /// ISO 8601: "2024-10-27", "2024-10" for a whole month, "2024" for a whole year, else the
    /// interval "2024-09-01/2024-11-30".
    #[must_use]
    pub fn to_iso(&self) -> String {
        let (first, last) = (self.first, self.last);
        if self.is_day() {
            first.to_string()
        } else if first.day() == 1 && last == first.last_of_month() {
            format!("{:04}-{:02}", first.year(), first.month())
        } else if first.month() == 1
            && first.day() == 1
            && last.month() == 12
            && last.day() == 31
            && first.year() == last.year()
        {
            format!("{:04}", first.year())
        } else {
            format!("{first}/{last}")
        }
    }
}

/// Short English form: "27 Oct 2024", "Oct 2024", "2024", "Sep–Nov 2024", "21–31 Oct 2024".
impl fmt::Display for PubDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (first, last) = (self.first, self.last);
        let month = |d: Date| MONTHS_EN[(d.month() - 1) as usize];
        let whole_months = first.day() == 1 && last == last.last_of_month();
        if self.is_day() {
            write!(f, "{} {} {}", first.day(), month(first), first.year())
        } else if first.year() != last.year() {
            write!(f, "{} – {}", PubDate::day(first), PubDate::day(last))
        } else if whole_months && first.month() == 1 && last.month() == 12 {
            write!(f, "{}", first.year())
        } else if whole_months && first.month() == last.month() {
            write!(f, "{} {}", month(first), first.year())
        } else if whole_months {
            write!(f, "{}–{} {}", month(first), month(last), first.year())
        } else if first.month() == last.month() {
            write!(
                f,
                "{}–{} {} {}",
                first.day(),
                last.day(),
                month(first),
                first.year()
            )
        } else {
            write!(
                f,
                "{} {} – {} {} {}",
                first.day(),
                month(first),
                last.day(),
                month(last),
                first.year()
            )
        }
    }
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A run of digits or of letters, with the character that follows it.
#[derive(Debug, PartialEq)]
enum Tok {
    Num(u32, usize, Option<char>),
    Word(String),
}

fn tokens(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&ch) = chars.peek() {
        if ch.is_ascii_digit() {
            let mut digits = String::new();
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                digits.push(d);
                chars.next();
            }
            let next = chars.peek().copied();
            // Numbers too long to be a date part still count as a token, so they cannot
            // join their neighbours.
            let value = digits.parse().unwrap_or(u32::MAX);
            out.push(Tok::Num(value, digits.len(), next));
        } else if ch.is_alphabetic() {
            let mut word = String::new();
            while let Some(&c) = chars.peek().filter(|c| c.is_alphabetic()) {
                word.extend(c.to_lowercase());
                chars.next();
            }
            out.push(Tok::Word(word));
        } else {
            chars.next();
        }
    }
    out
}

fn year_of(value: u32, len: usize) -> Option<i16> {
    match len {
        4 if (1800..=2200).contains(&value) => i16::try_from(value).ok(),
        2 => i16::try_from(2000 + value).ok(),
        _ => None,
    }
}

fn date(year: i16, month: u32, day: u32) -> Option<Date> {
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

fn month_span(year: i16, first: u32, last: u32) -> Option<PubDate> {
    let start = date(year, first, 1)?;
    Some(PubDate {
        first: start,
        last: date(year, last, 1)?.last_of_month(),
    })
}

/// "2024-10-27…", "2024-10", "2024" alone.
fn iso(tokens: &[Tok]) -> Option<PubDate> {
    match tokens {
        [Tok::Num(y, 4, Some('-')), Tok::Num(m, 2, next), rest @ ..] => {
            let year = year_of(*y, 4)?;
            match rest.first() {
                Some(Tok::Num(d, 2, _)) if *next == Some('-') => {
                    date(year, *m, *d).map(PubDate::day)
                }
                _ => month_span(year, *m, *m),
            }
        }
        [Tok::Num(y, 4, _)] => month_span(year_of(*y, 4)?, 1, 12),
        _ => None,
    }
}

/// "27.10.2024", "27.10.24", "27/10/2024", "10/27/2024".
fn numeric(tokens: &[Tok]) -> Option<PubDate> {
    tokens.windows(3).find_map(|w| match w {
        [
            Tok::Num(a, 1..=2, Some(s1 @ ('.' | '/'))),
            Tok::Num(b, 1..=2, Some(s2)),
            Tok::Num(y, len @ (2 | 4), _),
        ] if s1 == s2 => {
            let year = year_of(*y, *len)?;
            date(year, *b, *a)
                .or_else(|| (*s1 == '/').then(|| date(year, *a, *b)).flatten())
                .map(PubDate::day)
        }
        _ => None,
    })
}

/// Month, season or year named in words: "27. Oktober 2024", "October 27, 2024",
/// "Ende Oktober 2024", "Herbst 2024", "im Jahr 2024".
fn named(tokens: &[Tok]) -> Option<PubDate> {
    let year_at = tokens
        .iter()
        .position(|t| matches!(t, Tok::Num(v, 4, _) if year_of(*v, 4).is_some()))?;
    let Tok::Num(y, _, _) = tokens[year_at] else {
        return None;
    };
    let year = year_of(y, 4)?;
    let words = &tokens[..year_at];
    let day_of = |t: Option<&Tok>| match t {
        Some(Tok::Num(d, 1..=2, _)) => Some(*d),
        _ => None,
    };
    // The month nearest before the year.
    if let Some(at) = words
        .iter()
        .rposition(|t| matches!(t, Tok::Word(w) if month(w).is_some()))
    {
        let Tok::Word(word) = &words[at] else {
            return None;
        };
        let m = month(word)?;
        let before = at.checked_sub(1).and_then(|i| words.get(i));
        let after = words.get(at + 1);
        if let Some(d) = day_of(after).or_else(|| day_of(before)) {
            return date(year, m, d).map(PubDate::day);
        }
        let span = month_span(year, m, m)?;
        let part = before.and_then(|t| match t {
            Tok::Word(w) => part_of_month(w),
            Tok::Num(..) => None,
        });
        return Some(match part {
            Some((from, to)) => PubDate {
                first: date(year, m, from)?,
                last: date(year, m, to).unwrap_or(span.last).min(span.last),
            },
            None => span,
        });
    }
    if let Some(Tok::Word(w)) = words.last()
        && let Some((first, last)) = season(w)
    {
        if first > last {
            // Winter: December of the year named and the two months after it.
            let start = date(year, first, 1)?;
            return Some(PubDate {
                first: start,
                last: start.checked_add(2.months()).ok()?.last_of_month(),
            });
        }
        return month_span(year, first, last);
    }
    // A year on its own ("2024", "im Jahr 2024"), not the end of a date that did not read.
    match words.last() {
        Some(Tok::Num(..)) => None,
        _ => month_span(year, 1, 12),
    }
}

/// The month a German or English month name or abbreviation names, 1–12.
fn month(word: &str) -> Option<u32> {
    Some(match word {
        "januar" | "jänner" | "january" | "jan" => 1,
        "februar" | "february" | "feb" => 2,
        "märz" | "maerz" | "march" | "mär" | "mrz" | "mar" => 3,
        "april" | "apr" => 4,
        "mai" | "may" => 5,
        "juni" | "june" | "jun" => 6,
        "juli" | "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "oktober" | "october" | "okt" | "oct" => 10,
        "november" | "nov" => 11,
        "dezember" | "december" | "dez" | "dec" => 12,
        _ => return None,
    })
}

/// "Anfang", "Mitte", "Ende" of a month as days.
fn part_of_month(word: &str) -> Option<(u32, u32)> {
    match word {
        "anfang" | "early" | "beginning" => Some((1, 10)),
        "mitte" | "mid" | "middle" => Some((11, 20)),
        "ende" | "late" | "end" => Some((21, 31)),
        _ => None,
    }
}

/// A season as its first and last month (meteorological seasons).
fn season(word: &str) -> Option<(u32, u32)> {
    match word {
        "frühling" | "frühjahr" | "spring" => Some((3, 5)),
        "sommer" | "summer" => Some((6, 8)),
        "herbst" | "autumn" | "fall" => Some((9, 11)),
        "winter" => Some((12, 2)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::PubDate;

    fn iso(text: &str) -> Option<String> {
        PubDate::parse(text).map(|d| d.to_iso())
    }

    #[test]
    fn reads_the_dates_news_pages_write() {
        for (text, expected) in [
            ("27.05.2024", "2024-05-27"),
            ("1.3.24", "2024-03-01"),
            ("2024-10-27", "2024-10-27"),
            ("2024-10-27T08:00:00Z", "2024-10-27"),
            ("2024-10-27 08:00", "2024-10-27"),
            ("Sun, 27 Oct 2024 08:00:00 +0100", "2024-10-27"),
            ("27. Okt. 2024", "2024-10-27"),
            ("27. März 2024", "2024-03-27"),
            ("Apr.26,2024", "2024-04-26"),
            ("October 27, 2024", "2024-10-27"),
            ("27 October 2024", "2024-10-27"),
            ("10/27/2024", "2024-10-27"),
            ("27/10/2024", "2024-10-27"),
            ("Oktober 2024", "2024-10"),
            ("September 2023", "2023-09"),
            ("2024-10", "2024-10"),
            ("2024", "2024"),
            ("im Jahr 2024", "2024"),
            ("Ende Oktober 2024", "2024-10-21/2024-10-31"),
            ("Anfang Februar 2024", "2024-02-01/2024-02-10"),
            ("Ende Februar 2024", "2024-02-21/2024-02-29"),
            ("Herbst 2024", "2024-09-01/2024-11-30"),
            ("Winter 2023", "2023-12-01/2024-02-29"),
            ("Stand: 12.11.2024, 14:03 Uhr", "2024-11-12"),
        ] {
            assert_eq!(iso(text).as_deref(), Some(expected), "{text}");
        }
    }

    #[test]
    fn refuses_what_names_no_year_or_no_date() {
        for text in [
            "",
            "gestern",
            "Montag, 28. Oktober",
            "31.02.2024x",
            "12345",
            "vor 3 Stunden",
        ] {
            assert_eq!(iso(text), None, "{text}");
        }
    }

    #[test]
    fn short_labels_say_how_precise_the_date_is() {
        let label = |s| PubDate::parse(s).map(|d| d.to_string()).unwrap_or_default();
        assert_eq!(label("27.10.2024"), "27 Oct 2024");
        assert_eq!(label("Oktober 2024"), "Oct 2024");
        assert_eq!(label("Herbst 2024"), "Sep–Nov 2024");
        assert_eq!(label("Ende Oktober 2024"), "21–31 Oct 2024");
        assert_eq!(label("2024"), "2024");
        assert_eq!(label("Winter 2023"), "1 Dec 2023 – 29 Feb 2024");
    }

    #[test]
    fn a_span_sorts_by_its_first_day_and_sits_in_its_middle() {
        let month = PubDate::parse("Oktober 2024").expect("month");
        let day = PubDate::parse("02.10.2024").expect("day");
        assert!(month < day);
        assert_eq!(month.middle().to_string(), "2024-10-16");
    }
}
