//! Writing numbers as English news does: digits with or without
//! separators, words with or without the British `and` and hyphens,
//! ordinals. Pure functions of a value and a style; the generators choose
//! the style.

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
const ORDINAL_UNITS: [&str; 20] = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];
const ORDINAL_TENS: [&str; 10] = [
    "",
    "",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
];
/// The scale words, largest first.
pub(crate) const SCALES: [(u64, &str); 3] = [
    (1_000_000_000, "billion"),
    (1_000_000, "million"),
    (1_000, "thousand"),
];

/// How to write a number in words.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Style {
    /// British `and`: `one hundred and five`, `two million and seven`.
    pub(crate) and: bool,
    /// `twenty-one` (else `twenty one`).
    pub(crate) hyphen: bool,
    /// `a hundred`, `a thousand`, `a million` for a leading one.
    pub(crate) article: bool,
}

fn unit(n: u64) -> &'static str {
    usize::try_from(n)
        .ok()
        .and_then(|i| UNITS.get(i))
        .copied()
        .unwrap_or("")
}

fn tens(n: u64) -> &'static str {
    usize::try_from(n)
        .ok()
        .and_then(|i| TENS.get(i))
        .copied()
        .unwrap_or("")
}

fn below_100(n: u64, style: Style) -> String {
    if n < 20 {
        return unit(n).to_string();
    }
    match n % 10 {
        0 => tens(n / 10).to_string(),
        u => format!(
            "{}{}{}",
            tens(n / 10),
            if style.hyphen { "-" } else { " " },
            unit(u)
        ),
    }
}

fn below_1000(n: u64, style: Style, first: bool) -> String {
    let (h, r) = (n / 100, n % 100);
    let hundreds = if h == 1 && first && style.article {
        "a hundred".to_string()
    } else {
        format!("{} hundred", unit(h))
    };
    match (h, r) {
        (0, _) => below_100(r, style),
        (_, 0) => hundreds,
        _ => format!(
            "{hundreds} {}{}",
            if style.and { "and " } else { "" },
            below_100(r, style)
        ),
    }
}

/// English words for 0..10¹²: `two million three hundred thousand and
/// seven`, `a hundred and five` (with `article`).
pub(crate) fn words(n: u64, style: Style) -> String {
    if n == 0 {
        return "zero".into();
    }
    let mut parts = Vec::new();
    let mut rest = n;
    for (scale, name) in SCALES {
        if rest >= scale {
            let count = rest / scale;
            let first = parts.is_empty();
            let head = if count == 1 && first && style.article {
                "a".to_string()
            } else {
                below_1000(count, style, first)
            };
            parts.push(format!("{head} {name}"));
            rest %= scale;
        }
    }
    if rest > 0 {
        let last = below_1000(rest, style, parts.is_empty());
        if !parts.is_empty() && rest < 100 && style.and {
            parts.push(format!("and {last}"));
        } else {
            parts.push(last);
        }
    }
    parts.join(" ")
}

/// Digits with a separator between groups of three: `6,500`, `6 500`.
pub(crate) fn grouped(n: u64, sep: &str) -> String {
    let s = n.to_string();
    let mut out = String::new();
    let len = s.len();
    for (k, c) in s.chars().enumerate() {
        if k > 0 && (len - k).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// `1st`, `2nd`, `3rd`, `11th`, `22nd`.
pub(crate) fn ordinal_digits(n: u64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// `first` … `ninety-ninth` (`n` in 1..100; else digits).
pub(crate) fn ordinal_words(n: u64) -> String {
    let ord_unit = |u: u64| {
        usize::try_from(u)
            .ok()
            .and_then(|i| ORDINAL_UNITS.get(i))
            .copied()
            .unwrap_or("")
    };
    match n {
        1..=19 => ord_unit(n).to_string(),
        20..=99 if n.is_multiple_of(10) => usize::try_from(n / 10)
            .ok()
            .and_then(|i| ORDINAL_TENS.get(i))
            .copied()
            .unwrap_or("")
            .to_string(),
        21..=99 => format!("{}-{}", tens(n / 10), ord_unit(n % 10)),
        _ => ordinal_digits(n),
    }
}

/// The text with its first letter capitalised (sentence start).
pub(crate) fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renderers() {
        let british = Style {
            and: true,
            hyphen: true,
            article: false,
        };
        assert_eq!(words(105, british), "one hundred and five");
        assert_eq!(words(21, british), "twenty-one");
        assert_eq!(
            words(2_300_007, british),
            "two million three hundred thousand and seven"
        );
        assert_eq!(
            words(999_999_999_999, Style::default()),
            "nine hundred ninety nine billion nine hundred ninety nine million nine hundred ninety nine thousand nine hundred ninety nine"
        );
        let article = Style {
            article: true,
            ..british
        };
        assert_eq!(words(105, article), "a hundred and five");
        assert_eq!(words(1_200, article), "a thousand two hundred");
        assert_eq!(words(1_000_100, article), "a million one hundred");
        assert_eq!(grouped(1_234_567, ","), "1,234,567");
        assert_eq!(grouped(123, ","), "123");
        assert_eq!(grouped(6_500, " "), "6 500");
        assert_eq!(ordinal_digits(1), "1st");
        assert_eq!(ordinal_digits(12), "12th");
        assert_eq!(ordinal_digits(22), "22nd");
        assert_eq!(ordinal_digits(113), "113th");
        assert_eq!(ordinal_words(21), "twenty-first");
        assert_eq!(ordinal_words(40), "fortieth");
        assert_eq!(ordinal_words(12), "twelfth");
        assert_eq!(capitalised("dozens"), "Dozens");
    }
}
