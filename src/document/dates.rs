//! Finding calendar dates in short strings: header lines, metadata values,
//! HTML `content` attributes. Candidates are located with regular
//! expressions and then validated by `jiff::fmt::strtime`, so impossible
//! dates (`February 30, 2021`) are rejected by the calendar, not by us.

use jiff::civil::Date;
use jiff::fmt::strtime;
use regex::Regex;
use std::sync::LazyLock;

/// Months as written in prose: full names, three-letter abbreviations with an
/// optional dot, and `Sept`.
const MONTHS: &str = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";

use crate::text::FULL_MONTHS;

fn compile(pattern: &str) -> Option<Regex> {
    Regex::new(pattern).ok()
}

/// `November 18, 2021`, `Nov. 18 2021`, `Sept 3rd, 2020`.
static MONTH_DAY_YEAR: LazyLock<Option<Regex>> = LazyLock::new(|| {
    compile(&format!(
        r"(?i)\b(?P<m>{MONTHS})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b"
    ))
});

/// `17 November 2021`, `3rd of May, 2020`, `5 Sept. 2019`.
static DAY_MONTH_YEAR: LazyLock<Option<Regex>> = LazyLock::new(|| {
    compile(&format!(
        r"(?i)\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{MONTHS})\.?,?\s+(?P<y>\d{{4}})\b"
    ))
});

/// `2021-11-17`, also the date part of `2021-11-17T10:00:00Z`; `2021/11/17`.
static ISO: LazyLock<Option<Regex>> = LazyLock::new(|| {
    compile(r"(?:^|[^\d])(?P<y>\d{4})(?P<sep>[-/])(?P<mo>\d{1,2})[-/](?P<d>\d{1,2})(?:[^\d]|$)")
});

/// `17.11.2021` (day first, as everywhere dots are used).
static DOTTED: LazyLock<Option<Regex>> = LazyLock::new(|| {
    compile(r"(?:^|[^\d.])(?P<d>\d{1,2})\.(?P<mo>\d{1,2})\.(?P<y>\d{4})(?:[^\d]|$)")
});

/// Years accepted as publication years.
const YEARS: std::ops::RangeInclusive<i16> = 1900..=2100;

/// A date found in a string, with the byte range of the matched text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub date: Date,
    pub start: usize,
    pub end: usize,
}

/// Turn a month as written (`Nov.`, `Sept`, `november`) into text and format
/// for `strtime`: full names use `%B`, abbreviations `%b`.
fn month_for_strtime(month: &str) -> Option<(String, &'static str)> {
    let lower = month.trim_end_matches('.').to_ascii_lowercase();
    if FULL_MONTHS.contains(&lower.as_str()) {
        return Some((lower, "%d %B %Y"));
    }
    let abbrev: String = lower.chars().take(3).collect();
    if abbrev.len() == 3 && FULL_MONTHS.iter().any(|m| m.starts_with(&abbrev)) {
        return Some((abbrev, "%d %b %Y"));
    }
    None
}

fn check_year(date: Date) -> Option<Date> {
    YEARS.contains(&date.year()).then_some(date)
}

fn named_month_date(day: &str, month: &str, year: &str) -> Option<Date> {
    let (month, format) = month_for_strtime(month)?;
    let candidate = format!("{day} {month} {year}");
    let date = strtime::parse(format, &candidate).ok()?.to_date().ok()?;
    check_year(date)
}

fn numeric_date(year: &str, month: &str, day: &str) -> Option<Date> {
    let candidate = format!("{year}-{month:0>2}-{day:0>2}");
    let date = strtime::parse("%Y-%m-%d", &candidate)
        .ok()?
        .to_date()
        .ok()?;
    check_year(date)
}

/// Every form `find_date` reads has a four-digit year. Most lines have
/// none, and the capture searches are the costly part of reading a header.
pub(crate) fn may_hold_date(s: &str) -> bool {
    super::has_run(s, 4, |b| b.is_ascii_digit())
}

/// The first (leftmost) valid date written anywhere in `s`.
pub(crate) fn find_date(s: &str) -> Option<Found> {
    if !may_hold_date(s) {
        return None;
    }
    let mut best: Option<Found> = None;
    let mut consider = |found: Option<Found>| {
        if let Some(f) = found
            && best.as_ref().is_none_or(|b| f.start < b.start)
        {
            best = Some(f);
        }
    };
    for re in [&*MONTH_DAY_YEAR, &*DAY_MONTH_YEAR].into_iter().flatten() {
        for caps in re.captures_iter(s) {
            let (Some(whole), Some(d), Some(m), Some(y)) =
                (caps.get(0), caps.name("d"), caps.name("m"), caps.name("y"))
            else {
                continue;
            };
            if let Some(date) = named_month_date(d.as_str(), m.as_str(), y.as_str()) {
                consider(Some(Found {
                    date,
                    start: whole.start(),
                    end: whole.end(),
                }));
                break;
            }
        }
    }
    for re in [&*ISO, &*DOTTED].into_iter().flatten() {
        for caps in re.captures_iter(s) {
            let (Some(d), Some(m), Some(y)) = (caps.name("d"), caps.name("mo"), caps.name("y"))
            else {
                continue;
            };
            if let Some(date) = numeric_date(y.as_str(), m.as_str(), d.as_str()) {
                let start = y.start().min(d.start());
                let end = y.end().max(d.end());
                consider(Some(Found { date, start, end }));
                break;
            }
        }
    }
    best
}

/// A date given as a metadata value: `2021-11-18`, `2021-11-18T09:30:00+03:00`
/// (the date as written is kept, not converted), `November 18, 2021`,
/// `Thu, 18 Nov 2021 09:30:00 GMT`. Returns `None` unless the value is a date
/// (possibly followed by a time): a date buried in prose is not accepted.
pub(crate) fn parse_meta_date(value: &str) -> Option<Date> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    // ISO date, alone or followed by a time.
    if let Ok((tm, consumed)) = strtime::BrokenDownTime::parse_prefix("%Y-%m-%d", value) {
        let rest = value.get(consumed..).unwrap_or("");
        if (rest.is_empty() || rest.starts_with(['T', 't', ' ']))
            && let Ok(date) = tm.to_date()
        {
            return check_year(date);
        }
    }
    let found = find_date(value)?;
    // Only a weekday or punctuation may precede, only a time may follow.
    let before = value.get(..found.start).unwrap_or("");
    let after = value.get(found.end..).unwrap_or("");
    let before_ok = before
        .chars()
        .all(|c| c.is_alphabetic() || c.is_whitespace() || c == ',' || c == '.');
    let after_ok = after.trim().is_empty()
        || after
            .trim_start_matches([',', ' ', 'T', '@'])
            .starts_with(|c: char| c.is_ascii_digit());
    (before_ok && before.split_whitespace().count() <= 1 && after_ok).then_some(found.date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i16, m: i8, day: i8) -> Date {
        jiff::civil::date(y, m, day)
    }

    #[test]
    fn patterns_compile() {
        assert!(MONTH_DAY_YEAR.is_some());
        assert!(DAY_MONTH_YEAR.is_some());
        assert!(ISO.is_some());
        assert!(DOTTED.is_some());
    }

    #[test]
    fn finds_written_dates() {
        let cases = [
            ("Global Research, November 18, 2021", d(2021, 11, 18)),
            (" date 2021-11-17 WORLD", d(2021, 11, 17)),
            ("By Someone Else November 16, 2021", d(2021, 11, 16)),
            ("May 31, 2023", d(2023, 5, 31)),
            (
                "Posted: Friday, January 31, 2014 10:21 AM EST",
                d(2014, 1, 31),
            ),
            ("[Outlet](#) 17 November 2021", d(2021, 11, 17)),
            ("Nov. 5, 2020", d(2020, 11, 5)),
            ("Sept 3rd, 2019", d(2019, 9, 3)),
            ("3rd of May, 2020", d(2020, 5, 3)),
            ("17.11.2021 14:00", d(2021, 11, 17)),
            ("2021-11-17T10:00:00Z", d(2021, 11, 17)),
            ("2021/1/7", d(2021, 1, 7)),
        ];
        for (text, want) in cases {
            assert_eq!(find_date(text).map(|f| f.date), Some(want), "{text}");
        }
    }

    #[test]
    fn rejects_impossible_and_partial_dates() {
        for text in [
            "February 30, 2021",
            "November 17th",
            "2021-13-01",
            "in 2021",
            "Mayday 12, 2021",
            "May 12, 1066",
        ] {
            assert_eq!(find_date(text), None, "{text}");
        }
    }

    #[test]
    fn earliest_date_wins() {
        let f = find_date("17 November 2021, updated November 18, 2021");
        assert_eq!(f.map(|f| f.date), Some(d(2021, 11, 17)));
    }

    #[test]
    fn meta_dates() {
        assert_eq!(parse_meta_date("2021-11-18"), Some(d(2021, 11, 18)));
        assert_eq!(
            parse_meta_date("2021-11-18T23:30:00-05:00"),
            Some(d(2021, 11, 18))
        );
        assert_eq!(parse_meta_date("November 18, 2021"), Some(d(2021, 11, 18)));
        assert_eq!(
            parse_meta_date("Thu, 18 Nov 2021 09:30:00 GMT"),
            Some(d(2021, 11, 18))
        );
        assert_eq!(parse_meta_date("2021-02-30"), None);
        assert_eq!(parse_meta_date("yesterday"), None);
        assert_eq!(parse_meta_date("the war of May 3, 2020 began"), None);
        assert_eq!(parse_meta_date(""), None);
    }
}
