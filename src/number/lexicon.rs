//! Word tables: number words, months, units, currencies, and the
//! Aho-Corasick patterns that mark where a quantity may begin.
//!
//! Every lookup is ASCII-case-insensitive and allocation-free: a word is
//! lowercased into a small stack buffer and matched with `match`.

use super::Kind;

/// One English number word, classified for the word-number grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    /// `a` / `an` (only meaningful before `hundred`, `thousand`, `dozen`...).
    A,
    Zero,
    /// one..nine
    Unit(u64),
    /// ten..nineteen
    Teen(u64),
    /// twenty..ninety
    Tens(u64),
    Hundred,
    /// thousand, million, billion, trillion
    Scale(u64),
    Dozen,
    /// first..ninth
    OrdUnit(u64),
    /// tenth..nineteenth
    OrdTeen(u64),
    /// twentieth..ninetieth
    OrdTens(u64),
    OrdHundred,
    /// thousandth, millionth, billionth
    OrdScale(u64),
}

/// Lowercase an ASCII word into `buf`; `None` if too long or not ASCII.
fn lower<'b>(w: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    let b = w.as_bytes();
    let dst = buf.get_mut(..b.len())?;
    for (d, s) in dst.iter_mut().zip(b) {
        if !s.is_ascii() {
            return None;
        }
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(dst).ok()
}

/// Classify a number word (`"Twenty"` → `Tens(20)`).
pub fn number_word(w: &str) -> Option<Word> {
    use Word::*;
    let mut buf = [0u8; 24];
    Some(match lower(w, &mut buf)? {
        "a" | "an" => A,
        "zero" => Zero,
        "one" => Unit(1),
        "two" => Unit(2),
        "three" => Unit(3),
        "four" => Unit(4),
        "five" => Unit(5),
        "six" => Unit(6),
        "seven" => Unit(7),
        "eight" => Unit(8),
        "nine" => Unit(9),
        "ten" => Teen(10),
        "eleven" => Teen(11),
        "twelve" => Teen(12),
        "thirteen" => Teen(13),
        "fourteen" => Teen(14),
        "fifteen" => Teen(15),
        "sixteen" => Teen(16),
        "seventeen" => Teen(17),
        "eighteen" => Teen(18),
        "nineteen" => Teen(19),
        "twenty" => Tens(20),
        "thirty" => Tens(30),
        "forty" => Tens(40),
        "fifty" => Tens(50),
        "sixty" => Tens(60),
        "seventy" => Tens(70),
        "eighty" => Tens(80),
        "ninety" => Tens(90),
        "hundred" => Hundred,
        "thousand" => Scale(1_000),
        "million" => Scale(1_000_000),
        "billion" => Scale(1_000_000_000),
        "trillion" => Scale(1_000_000_000_000),
        "dozen" => Dozen,
        "first" => OrdUnit(1),
        "second" => OrdUnit(2),
        "third" => OrdUnit(3),
        "fourth" => OrdUnit(4),
        "fifth" => OrdUnit(5),
        "sixth" => OrdUnit(6),
        "seventh" => OrdUnit(7),
        "eighth" => OrdUnit(8),
        "ninth" => OrdUnit(9),
        "tenth" => OrdTeen(10),
        "eleventh" => OrdTeen(11),
        "twelfth" => OrdTeen(12),
        "thirteenth" => OrdTeen(13),
        "fourteenth" => OrdTeen(14),
        "fifteenth" => OrdTeen(15),
        "sixteenth" => OrdTeen(16),
        "seventeenth" => OrdTeen(17),
        "eighteenth" => OrdTeen(18),
        "nineteenth" => OrdTeen(19),
        "twentieth" => OrdTens(20),
        "thirtieth" => OrdTens(30),
        "fortieth" => OrdTens(40),
        "fiftieth" => OrdTens(50),
        "sixtieth" => OrdTens(60),
        "seventieth" => OrdTens(70),
        "eightieth" => OrdTens(80),
        "ninetieth" => OrdTens(90),
        "hundredth" => OrdHundred,
        "thousandth" => OrdScale(1_000),
        "millionth" => OrdScale(1_000_000),
        "billionth" => OrdScale(1_000_000_000),
        _ => return None,
    })
}

/// Month number for a month name or abbreviation (`"Sept"` → 9).
pub fn month(w: &str) -> Option<u32> {
    let mut buf = [0u8; 24];
    Some(match lower(w, &mut buf)? {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// Is `w` an abbreviated month name (may take a trailing `.`)?
pub fn is_month_abbrev(w: &str) -> bool {
    w.len() <= 4
        && !w.eq_ignore_ascii_case("may")
        && !w.eq_ignore_ascii_case("june")
        && !w.eq_ignore_ascii_case("july")
}

pub fn is_weekday(w: &str) -> bool {
    let mut buf = [0u8; 24];
    matches!(
        lower(w, &mut buf),
        Some("monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday")
    )
}

/// Unit written after a space: `10 years`, `5 km`, `3 metres`.
pub fn spaced_unit(w: &str) -> Option<Kind> {
    let mut buf = [0u8; 24];
    Some(match lower(w, &mut buf)? {
        "second" | "seconds" | "sec" | "secs" | "minute" | "minutes" | "min" | "mins" | "hour"
        | "hours" | "hr" | "hrs" | "day" | "days" | "week" | "weeks" | "fortnight"
        | "fortnights" | "month" | "months" | "year" | "years" | "yr" | "yrs" | "decade"
        | "decades" | "century" | "centuries" => Kind::Duration,
        "km" | "kms" | "kilometer" | "kilometers" | "kilometre" | "kilometres" | "mile"
        | "miles" | "m" | "meter" | "meters" | "metre" | "metres" | "cm" | "centimeter"
        | "centimeters" | "centimetre" | "centimetres" | "mm" | "millimeter" | "millimeters"
        | "millimetre" | "millimetres" | "kg" | "kgs" | "kilogram" | "kilograms" | "kilogramme"
        | "kilogrammes" | "kilo" | "kilos" | "gram" | "grams" | "ton" | "tons" | "tonne"
        | "tonnes" | "lb" | "lbs" | "pound" | "pounds" | "ounce" | "ounces" | "oz" | "feet"
        | "foot" | "ft" | "inch" | "inches" | "yard" | "yards" | "hectare" | "hectares"
        | "acre" | "acres" | "litre" | "litres" | "liter" | "liters" | "gallon" | "gallons"
        | "barrel" | "barrels" | "degree" | "degrees" | "caliber" | "calibre" | "mph" | "kph"
        | "knot" | "knots" | "kiloton" | "kilotons" | "megaton" | "megatons" | "megawatt"
        | "megawatts" | "mw" | "storey" | "storeys" | "story" | "stories" => Kind::Measure,
        _ => return None,
    })
}

/// Unit joined by a hyphen: `44-day`, `1,007-kilometer`, `5-foot`.
pub fn hyphen_unit(w: &str) -> Option<Kind> {
    let mut buf = [0u8; 24];
    Some(match lower(w, &mut buf)? {
        "second" | "minute" | "hour" | "day" | "week" | "fortnight" | "month" | "year"
        | "decade" | "century" => Kind::Duration,
        "km" | "kilometer" | "kilometre" | "mile" | "meter" | "metre" | "m" | "cm" | "mm"
        | "millimeter" | "millimetre" | "kg" | "kilogram" | "ton" | "tonne" | "pound" | "lb"
        | "foot" | "inch" | "yard" | "acre" | "hectare" | "liter" | "litre" | "gallon"
        | "degree" | "caliber" | "calibre" | "megawatt" | "kiloton" | "storey" | "story" => {
            Kind::Measure
        }
        _ => return None,
    })
}

/// Unit glued to the digits: `9mm`, `5km`, `30kg`.
pub fn attached_unit(w: &str) -> bool {
    let mut buf = [0u8; 24];
    matches!(
        lower(w, &mut buf),
        Some("km" | "kg" | "mm" | "cm" | "m" | "ft" | "lb" | "lbs" | "mph" | "kph" | "kt" | "mw")
    )
}

/// Currency word after the amount: `3 dollars`, `10 rubles`.
pub fn money_word(w: &str) -> bool {
    let mut buf = [0u8; 24];
    matches!(
        lower(w, &mut buf),
        Some(
            "dollar"
                | "dollars"
                | "euro"
                | "euros"
                | "ruble"
                | "rubles"
                | "rouble"
                | "roubles"
                | "rupee"
                | "rupees"
                | "yen"
                | "yuan"
                | "renminbi"
                | "manat"
                | "manats"
                | "dram"
                | "drams"
                | "lira"
                | "liras"
                | "lari"
                | "shekel"
                | "shekels"
                | "dinar"
                | "dinars"
                | "dirham"
                | "dirhams"
                | "riyal"
                | "riyals"
                | "franc"
                | "francs"
                | "cent"
                | "cents"
                | "pence"
                | "hryvnia"
                | "hryvnias"
                | "usd"
                | "eur"
                | "gbp"
                | "rub"
                | "azn"
                | "amd"
                | "inr"
                | "uah"
        )
    )
}

/// Words that make a following 4-digit number a year even before a plural
/// noun (`in 2020`, `since 1994`, `mid-2020`).
pub fn is_year_preposition(w: &str) -> bool {
    let mut buf = [0u8; 24];
    matches!(
        lower(w, &mut buf),
        Some(
            "in" | "since"
                | "by"
                | "until"
                | "till"
                | "during"
                | "before"
                | "after"
                | "from"
                | "early"
                | "late"
                | "mid"
                | "spring"
                | "summer"
                | "autumn"
                | "fall"
                | "winter"
                | "year"
                | "pre"
                | "post"
                | "copyright"
        )
    )
}

/// Lowercase words ending in `s` that are not plural count nouns, so a year
/// before them stays a year (`2020 was`, `the 2020 elections`).
pub fn is_not_count_plural(w: &str) -> bool {
    let mut buf = [0u8; 24];
    matches!(
        lower(w, &mut buf),
        Some(
            "was"
                | "is"
                | "has"
                | "as"
                | "its"
                | "his"
                | "this"
                | "thus"
                | "us"
                | "plus"
                | "across"
                | "unless"
                | "whereas"
                | "always"
                | "perhaps"
                | "towards"
                | "afterwards"
                | "yes"
                | "does"
                | "besides"
                | "various"
                | "elections"
                | "olympics"
                | "games"
                | "polls"
                | "protests"
                | "talks"
                | "census"
                | "riots"
                | "floods"
                | "midterms"
                | "primaries"
                | "hearings"
                | "accords"
                | "negotiations"
                | "sanctions"
                | "series"
                | "news"
                | "status"
                | "crisis"
                | "basis"
                | "analysis"
                | "versus"
                | "consensus"
                | "hostilities"
                | "events"
                | "clashes"
                | "offensives"
                | "paralympics"
                | "championships"
                | "finals"
                | "reforms"
                | "amendments"
        )
    )
}

/// Words after `no` that do not make it an explicit zero (`no longer`,
/// `no more`, `no matter`).
pub fn is_no_idiom(w: &str) -> bool {
    let mut buf = [0u8; 24];
    matches!(
        lower(w, &mut buf),
        Some(
            "longer"
                | "more"
                | "less"
                | "fewer"
                | "matter"
                | "doubt"
                | "sooner"
                | "further"
                | "later"
                | "earlier"
                | "one"
        )
    )
}

/// Lowercase prefixes allowed before `-<digits>` (`mid-2020`); any other
/// `letters-digits` token (`COVID-19`, `F-16`, `Su-25`) is an identifier.
pub fn is_number_prefix(w: &str) -> bool {
    let mut buf = [0u8; 24];
    matches!(
        lower(w, &mut buf),
        Some(
            "mid"
                | "pre"
                | "post"
                | "late"
                | "early"
                | "anti"
                | "non"
                | "pro"
                | "ex"
                | "over"
                | "under"
                | "top"
                | "all"
                | "circa"
                | "ca"
        )
    ) && w.bytes().all(|b| b.is_ascii_lowercase())
}

/// File extensions that make a token a file name (an identifier).
pub fn is_file_extension(w: &str) -> bool {
    let mut buf = [0u8; 24];
    matches!(
        lower(w, &mut buf),
        Some(
            "mp4"
                | "mp3"
                | "m4a"
                | "wav"
                | "jpg"
                | "jpeg"
                | "png"
                | "gif"
                | "webp"
                | "svg"
                | "pdf"
                | "html"
                | "htm"
                | "php"
                | "asp"
                | "aspx"
                | "doc"
                | "docx"
                | "xls"
                | "xlsx"
                | "ppt"
                | "pptx"
                | "csv"
                | "txt"
                | "zip"
                | "rar"
                | "mov"
                | "avi"
                | "webm"
                | "mkv"
                | "json"
                | "xml"
                | "js"
                | "css"
                | "exe"
                | "tar"
                | "gz"
        )
    )
}

/// Aho-Corasick patterns: the first word(s) of every construct the grammar
/// can start with a letter or symbol. Digits are found by a separate byte
/// scan. Multi-word patterns avoid firing on very common short words
/// (`at`, `in`, `up`, `as`, `a`).
pub const PATTERNS: &[&str] = &[
    // cardinal words
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
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "a hundred",
    "a thousand",
    "a million",
    "a billion",
    "a trillion",
    "a dozen",
    "an hundred",
    "half",
    // ordinal words
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
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
    "hundredth",
    "thousandth",
    "millionth",
    "billionth",
    // vague amounts
    "several",
    "few",
    "a few",
    "a handful",
    "a couple",
    "dozens",
    "scores",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "tens",
    // qualifiers
    "at least",
    "at most",
    "no",
    "not more",
    "not less",
    "more",
    "over",
    "upwards",
    "in excess",
    "above",
    "nearly",
    "almost",
    "close to",
    "about",
    "around",
    "approximately",
    "roughly",
    "some",
    "an estimated",
    "estimated",
    "circa",
    "~",
    "up to",
    "as many as",
    "fewer",
    "less",
    "under",
    "below",
    "a minimum",
    "a maximum",
    // ranges
    "between",
    "from",
    // explicit zero
    "nobody",
    "none",
    "no-one",
    // dates
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
