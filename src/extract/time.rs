//! When a claim's event happened: the time its sentence states, resolved
//! against the document's publication date, or that date itself.

use crate::number::{Kind, Quantity};
use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A span of days the event falls in: a day, a week, a month or a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EventTime {
    /// The first day.
    pub first: Date,
    /// The last day (the first, for a single day).
    pub last: Date,
    /// True when the sentence stated it; false when it is the publication date.
    pub stated: bool,
}

impl EventTime {
    /// One day; `stated` as the field says.
    pub fn day(d: Date, stated: bool) -> EventTime {
        EventTime {
            first: d,
            last: d,
            stated,
        }
    }
    fn month(year: i16, month: i8) -> Option<EventTime> {
        let first = Date::new(year, month, 1).ok()?;
        Some(EventTime {
            first,
            last: first.last_of_month(),
            stated: true,
        })
    }
    fn year(year: i16) -> Option<EventTime> {
        Some(EventTime {
            first: Date::new(year, 1, 1).ok()?,
            last: Date::new(year, 12, 31).ok()?,
            stated: true,
        })
    }
    /// Days covered, at least 1.
    pub fn days(&self) -> i64 {
        (self.last - self.first).get_days() as i64 + 1
    }
}

impl fmt::Display for EventTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.first == self.last {
            write!(f, "{}", self.first)
        } else if self.first.day() == 1
            && self.first.month() == 1
            && self.last.month() == 12
            && self.last.day() == 31
            && self.first.year() == self.last.year()
        {
            write!(f, "{:04}", self.first.year())
        } else if self.first.day() == 1 && self.last == self.first.last_of_month() {
            write!(f, "{:04}-{:02}", self.first.year(), self.first.month())
        } else {
            write!(f, "{}/{}", self.first, self.last)
        }
    }
}

impl Serialize for EventTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Why a string is not an event time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseEventTimeError(String);

impl fmt::Display for ParseEventTimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ParseEventTimeError {}

impl FromStr for EventTime {
    type Err = ParseEventTimeError;

    /// Reads what [`Display`](fmt::Display) writes: a day `2021-11-16`, a
    /// month `2020-09`, a year `2020` or a span `2021-11-16/2021-11-18`, with
    /// four-digit years. The result is `stated`: the string does not say
    /// whether a sentence stated it (see [`Claim`](super::Claim)'s
    /// `Deserialize`, which knows).
    ///
    /// ```
    /// use recount::EventTime;
    /// for s in ["2021-11-16", "2020-09", "2020", "2021-11-16/2021-11-18"] {
    ///     assert_eq!(s.parse::<EventTime>().unwrap().to_string(), s);
    /// }
    /// let e = "2024-02-30".parse::<EventTime>().unwrap_err();
    /// assert_eq!(e.to_string(), "invalid event time \"2024-02-30\": no such date");
    /// assert!("2024-3".parse::<EventTime>().is_err());
    /// assert!("2024-03-05/2024-03-01".parse::<EventTime>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<EventTime, ParseEventTimeError> {
        let error = |why: &str| ParseEventTimeError(format!("invalid event time \"{s}\": {why}"));
        const FORMS: &str = "expected YYYY-MM-DD, YYYY-MM, YYYY or YYYY-MM-DD/YYYY-MM-DD";
        let time = if let Some((a, b)) = s.split_once('/') {
            let (Some(first), Some(last)) = (day_parts(a), day_parts(b)) else {
                return Err(error(FORMS));
            };
            let first = to_date(first).ok_or_else(|| error("no such date"))?;
            let last = to_date(last).ok_or_else(|| error("no such date"))?;
            if last < first {
                return Err(error("the span ends before it begins"));
            }
            EventTime {
                first,
                last,
                stated: true,
            }
        } else if let Some(parts) = day_parts(s) {
            EventTime::day(to_date(parts).ok_or_else(|| error("no such date"))?, true)
        } else if let Some((year, month)) = s.split_once('-') {
            let (Some(year), Some(month)) = (digits(year, 4), digits(month, 2)) else {
                return Err(error(FORMS));
            };
            let month = i8::try_from(month).ok();
            month
                .and_then(|m| EventTime::month(year, m))
                .ok_or_else(|| error("no such month"))?
        } else {
            let year = digits(s, 4).ok_or_else(|| error(FORMS))?;
            EventTime::year(year).ok_or_else(|| error("no such year"))?
        };
        Ok(time)
    }
}

/// A run of exactly `len` ASCII digits, as a number.
fn digits(s: &str, len: usize) -> Option<i16> {
    if s.len() != len || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// `YYYY-MM-DD` split into its numbers (not yet checked as a date).
fn day_parts(s: &str) -> Option<(i16, i16, i16)> {
    let mut parts = s.split('-');
    let y = digits(parts.next()?, 4)?;
    let m = digits(parts.next()?, 2)?;
    let d = digits(parts.next()?, 2)?;
    parts.next().is_none().then_some((y, m, d))
}

fn to_date((y, m, d): (i16, i16, i16)) -> Option<Date> {
    Date::new(y, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()
}

impl<'de> Deserialize<'de> for EventTime {
    /// The string [`FromStr`] reads; the result is `stated`.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<EventTime, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = EventTime;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an event time (YYYY-MM-DD, YYYY-MM, YYYY or YYYY-MM-DD/YYYY-MM-DD)")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<EventTime, E> {
                v.parse().map_err(E::custom)
            }
        }
        d.deserialize_str(Visitor)
    }
}

/// Whether a word (any case) names a weekday or a month: a date word, not
/// a name.
pub(crate) fn is_date_word(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    WEEKDAYS.iter().any(|(n, _)| *n == w) || crate::text::month_number(&w).is_some() && w.len() > 3
}

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Monday),
    ("tuesday", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday),
    ("thursday", Weekday::Thursday),
    ("friday", Weekday::Friday),
    ("saturday", Weekday::Saturday),
    ("sunday", Weekday::Sunday),
];

fn month_of(word: &str) -> Option<i8> {
    crate::text::month_number(word)
}

/// The year a month-and-day without a year most likely has: the latest
/// that is not after the publication date (news reports the past).
fn infer_year(month: i8, day: i8, published: Option<Date>) -> Option<Date> {
    let p = published?;
    let this = Date::new(p.year(), month, day).ok()?;
    if this > p.checked_add(1.day()).ok()? {
        Date::new(p.year() - 1, month, day).ok()
    } else {
        Some(this)
    }
}

/// Parse the surface of a date quantity (`November 17th`, `17.11.2021`,
/// `2021-11-17`, `September 27, 2020`, `November 2020`).
fn parse_date(surface: &str, published: Option<Date>) -> Option<EventTime> {
    let s = surface.trim();
    let digits: Vec<&str> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .collect();
    let words: Vec<&str> = s
        .split(|c: char| !c.is_alphabetic())
        .filter(|p| !p.is_empty())
        .collect();
    let month_word = words.iter().find_map(|w| month_of(w));
    let num = |i: usize| digits.get(i).and_then(|d| d.parse::<i32>().ok());
    match month_word {
        Some(m) => {
            let year = digits
                .iter()
                .filter_map(|d| d.parse::<i32>().ok())
                .find(|&n| n > 31);
            let day = digits
                .iter()
                .filter_map(|d| d.parse::<i32>().ok())
                .find(|&n| (1..=31).contains(&n));
            match (day, year) {
                (Some(d), Some(y)) => Some(EventTime::day(
                    Date::new(i16::try_from(y).ok()?, m, d as i8).ok()?,
                    true,
                )),
                (Some(d), None) => Some(EventTime::day(infer_year(m, d as i8, published)?, true)),
                (None, Some(y)) => EventTime::month(i16::try_from(y).ok()?, m),
                (None, None) => None,
            }
        }
        None => {
            let (a, b, c) = (num(0)?, num(1)?, num(2)?);
            let (y, m, d) = if a > 31 {
                (a, b, c)
            } else if s.contains('/') {
                (c, a, b) // US style 11/17/2021
            } else {
                (c, b, a) // 17.11.2021
            };
            let y = if y < 100 { y + 2000 } else { y };
            Some(EventTime::day(
                Date::new(
                    i16::try_from(y).ok()?,
                    i8::try_from(m).ok()?,
                    i8::try_from(d).ok()?,
                )
                .ok()?,
                true,
            ))
        }
    }
}

/// The time a sentence says its events happened, if it says one.
///
/// The first time expression wins, except one that dates the statement
/// rather than the event (`said on Wednesday`).
pub(crate) fn sentence_time(
    sentence: &str,
    base: usize,
    quantities: &[Quantity],
    published: Option<Date>,
) -> Option<EventTime> {
    let mut cues: Vec<(usize, EventTime)> = Vec::new();
    for q in quantities {
        let Some(surface) = sentence.get(q.start.saturating_sub(base)..q.end.saturating_sub(base))
        else {
            continue;
        };
        let t = match q.kind {
            Kind::Date => parse_date(surface, published),
            Kind::Year => surface
                .trim_end_matches('s')
                .trim()
                .parse::<i16>()
                .ok()
                .and_then(EventTime::year),
            _ => None,
        };
        if let Some(t) = t {
            cues.push((q.start - base, t));
        }
    }
    let lower = sentence.to_ascii_lowercase();
    let words: Vec<(usize, &str)> = word_offsets(&lower);
    for (k, &(at, w)) in words.iter().enumerate() {
        let next = words.get(k + 1).map(|x| x.1);
        let next2 = words.get(k + 2).map(|x| x.1);
        let prev = k.checked_sub(1).and_then(|p| words.get(p)).map(|x| x.1);
        let Some(p) = published else { continue };
        let t = if let Some(&(_, wd)) = WEEKDAYS.iter().find(|(n, _)| *n == w) {
            let back =
                (p.weekday().to_monday_zero_offset() - wd.to_monday_zero_offset()).rem_euclid(7);
            p.checked_sub((back as i64).days())
                .ok()
                .map(|d| EventTime::day(d, true))
        } else {
            match (w, next) {
                ("yesterday", _) => p.checked_sub(1.day()).ok().map(|d| EventTime::day(d, true)),
                ("today", _) | ("tonight", _) => Some(EventTime::day(p, true)),
                ("last", Some("year")) => EventTime::year(p.year() - 1),
                ("this", Some("year")) => EventTime::year(p.year()),
                ("last", Some("month")) => {
                    let d = p.checked_sub(1.month()).ok()?;
                    EventTime::month(d.year(), d.month())
                }
                ("this", Some("month")) => EventTime::month(p.year(), p.month()),
                _ => match month_of(w) {
                    // a month on its own (a month with a day is a date quantity)
                    Some(m) if w.len() > 3 && !cues.iter().any(|c| c.0 <= at && at < c.0 + 20) => {
                        let last_year = next == Some("last") && next2 == Some("year");
                        let year = if last_year || m > p.month() {
                            p.year() - 1
                        } else {
                            p.year()
                        };
                        // `may` is also a verb: only after a preposition.
                        if w == "may"
                            && !matches!(
                                prev,
                                Some("in" | "since" | "from" | "during" | "of" | "until" | "by")
                            )
                        {
                            None
                        } else {
                            EventTime::month(year, m)
                        }
                    }
                    _ => None,
                },
            }
        };
        if let Some(t) = t {
            // a statement's date is not the event's
            if matches!(prev, Some("on"))
                && k >= 2
                && words.get(k - 2).is_some_and(|x| {
                    matches!(
                        x.1,
                        "said" | "announced" | "stated" | "reported" | "told" | "added"
                    )
                })
            {
                continue;
            }
            cues.push((at, t));
        }
    }
    cues.sort_by_key(|c| c.0);
    cues.first().map(|c| c.1)
}

fn word_offsets(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c.is_ascii_alphabetic() {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(st) = start.take() {
            out.extend(s.get(st..i).map(|w| (st, w)));
        }
    }
    if let Some(st) = start {
        out.extend(s.get(st..).map(|w| (st, w)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn dates_parse() {
        let p = Some(date(2021, 11, 18));
        assert_eq!(
            parse_date("November 17th", p).unwrap().to_string(),
            "2021-11-17"
        );
        assert_eq!(
            parse_date("17.11.2021", p).unwrap().to_string(),
            "2021-11-17"
        );
        assert_eq!(
            parse_date("2021-11-17", p).unwrap().to_string(),
            "2021-11-17"
        );
        assert_eq!(
            parse_date("September 27, 2020", p).unwrap().to_string(),
            "2020-09-27"
        );
        assert_eq!(
            parse_date("November 2020", p).unwrap().to_string(),
            "2020-11"
        );
        assert_eq!(
            parse_date("December 30", p).unwrap().to_string(),
            "2020-12-30"
        );
    }

    #[test]
    fn relative_cues_resolve_against_publication() {
        let p = Some(date(2021, 11, 17)); // a Wednesday
        let t = |s: &str| sentence_time(s, 0, &[], p).map(|t| t.to_string());
        assert_eq!(
            t("clashes on Tuesday killed seven").as_deref(),
            Some("2021-11-16")
        );
        assert_eq!(
            t("fought for six weeks from September last year").as_deref(),
            Some("2020-09")
        );
        assert_eq!(t("the war last year").as_deref(), Some("2020"));
        assert_eq!(
            t("Seven died, the ministry said on Wednesday").as_deref(),
            None
        );
        assert_eq!(t("It may rain").as_deref(), None);
    }
}
