//! Word tables: number words, months, units, currencies, and the
//! Aho-Corasick patterns that mark where a quantity may begin.
//!
//! Every lookup is ASCII-case-insensitive and allocation-free: a word is
//! lowercased into a small stack buffer and matched with `match`.

use super::Kind;

/// One English number word, classified for the word-number grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    /// `a` (only meaningful before `hundred`, `thousand`, `dozen`...).
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
/// Callers `match` on the bytes (no UTF-8 re-validation).
fn lower<'b>(w: &str, buf: &'b mut [u8; 24]) -> Option<&'b [u8]> {
    let b = w.as_bytes();
    let dst = buf.get_mut(..b.len())?;
    for (d, s) in dst.iter_mut().zip(b) {
        if !s.is_ascii() {
            return None;
        }
        *d = s.to_ascii_lowercase();
    }
    Some(dst)
}

/// Classify a number word (`"Twenty"` → `Tens(20)`).
pub fn number_word(w: &str) -> Option<Word> {
    use Word::*;
    let mut buf = [0u8; 24];
    Some(match lower(w, &mut buf)? {
        b"a" => A,
        b"zero" => Zero,
        b"one" => Unit(1),
        b"two" => Unit(2),
        b"three" => Unit(3),
        b"four" => Unit(4),
        b"five" => Unit(5),
        b"six" => Unit(6),
        b"seven" => Unit(7),
        b"eight" => Unit(8),
        b"nine" => Unit(9),
        b"ten" => Teen(10),
        b"eleven" => Teen(11),
        b"twelve" => Teen(12),
        b"thirteen" => Teen(13),
        b"fourteen" => Teen(14),
        b"fifteen" => Teen(15),
        b"sixteen" => Teen(16),
        b"seventeen" => Teen(17),
        b"eighteen" => Teen(18),
        b"nineteen" => Teen(19),
        b"twenty" => Tens(20),
        b"thirty" => Tens(30),
        b"forty" => Tens(40),
        b"fifty" => Tens(50),
        b"sixty" => Tens(60),
        b"seventy" => Tens(70),
        b"eighty" => Tens(80),
        b"ninety" => Tens(90),
        b"hundred" => Hundred,
        b"thousand" => Scale(1_000),
        b"million" => Scale(1_000_000),
        b"billion" => Scale(1_000_000_000),
        b"trillion" => Scale(1_000_000_000_000),
        b"dozen" => Dozen,
        b"first" => OrdUnit(1),
        b"second" => OrdUnit(2),
        b"third" => OrdUnit(3),
        b"fourth" => OrdUnit(4),
        b"fifth" => OrdUnit(5),
        b"sixth" => OrdUnit(6),
        b"seventh" => OrdUnit(7),
        b"eighth" => OrdUnit(8),
        b"ninth" => OrdUnit(9),
        b"tenth" => OrdTeen(10),
        b"eleventh" => OrdTeen(11),
        b"twelfth" => OrdTeen(12),
        b"thirteenth" => OrdTeen(13),
        b"fourteenth" => OrdTeen(14),
        b"fifteenth" => OrdTeen(15),
        b"sixteenth" => OrdTeen(16),
        b"seventeenth" => OrdTeen(17),
        b"eighteenth" => OrdTeen(18),
        b"nineteenth" => OrdTeen(19),
        b"twentieth" => OrdTens(20),
        b"thirtieth" => OrdTens(30),
        b"fortieth" => OrdTens(40),
        b"fiftieth" => OrdTens(50),
        b"sixtieth" => OrdTens(60),
        b"seventieth" => OrdTens(70),
        b"eightieth" => OrdTens(80),
        b"ninetieth" => OrdTens(90),
        b"hundredth" => OrdHundred,
        b"thousandth" => OrdScale(1_000),
        b"millionth" => OrdScale(1_000_000),
        b"billionth" => OrdScale(1_000_000_000),
        _ => return None,
    })
}

/// Month number for a month name or abbreviation (`"Sept"` → 9).
pub fn month(w: &str) -> Option<u32> {
    let mut buf = [0u8; 24];
    Some(match lower(w, &mut buf)? {
        b"january" | b"jan" => 1,
        b"february" | b"feb" => 2,
        b"march" | b"mar" => 3,
        b"april" | b"apr" => 4,
        b"may" => 5,
        b"june" | b"jun" => 6,
        b"july" | b"jul" => 7,
        b"august" | b"aug" => 8,
        b"september" | b"sep" | b"sept" => 9,
        b"october" | b"oct" => 10,
        b"november" | b"nov" => 11,
        b"december" | b"dec" => 12,
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
        Some(
            b"monday"
                | b"tuesday"
                | b"wednesday"
                | b"thursday"
                | b"friday"
                | b"saturday"
                | b"sunday"
        )
    )
}

/// Unit written after a space: `10 years`, `5 km`, `3 metres`.
pub fn spaced_unit(w: &str) -> Option<Kind> {
    let mut buf = [0u8; 24];
    Some(match lower(w, &mut buf)? {
        b"second" | b"seconds" | b"sec" | b"secs" | b"minute" | b"minutes" | b"min" | b"mins"
        | b"hour" | b"hours" | b"hr" | b"hrs" | b"day" | b"days" | b"week" | b"weeks"
        | b"fortnight" | b"fortnights" | b"month" | b"months" | b"year" | b"years" | b"yr"
        | b"yrs" | b"decade" | b"decades" | b"century" | b"centuries" => Kind::Duration,
        b"km" | b"kms" | b"kilometer" | b"kilometers" | b"kilometre" | b"kilometres" | b"mile"
        | b"miles" | b"m" | b"meter" | b"meters" | b"metre" | b"metres" | b"cm" | b"centimeter"
        | b"centimeters" | b"centimetre" | b"centimetres" | b"mm" | b"millimeter"
        | b"millimeters" | b"millimetre" | b"millimetres" | b"kg" | b"kgs" | b"kilogram"
        | b"kilograms" | b"kilogramme" | b"kilogrammes" | b"kilo" | b"kilos" | b"gram"
        | b"grams" | b"ton" | b"tons" | b"tonne" | b"tonnes" | b"lb" | b"lbs" | b"pound"
        | b"pounds" | b"ounce" | b"ounces" | b"oz" | b"feet" | b"foot" | b"ft" | b"inch"
        | b"inches" | b"yard" | b"yards" | b"hectare" | b"hectares" | b"acre" | b"acres"
        | b"litre" | b"litres" | b"liter" | b"liters" | b"gallon" | b"gallons" | b"barrel"
        | b"barrels" | b"degree" | b"degrees" | b"caliber" | b"calibre" | b"mph" | b"kph"
        | b"knot" | b"knots" | b"kiloton" | b"kilotons" | b"megaton" | b"megatons"
        | b"megawatt" | b"megawatts" | b"mw" | b"storey" | b"storeys" | b"story" | b"stories" => {
            Kind::Measure
        }
        _ => return None,
    })
}

/// Unit joined by a hyphen: `44-day`, `1,007-kilometer`, `5-foot`.
pub fn hyphen_unit(w: &str) -> Option<Kind> {
    let mut buf = [0u8; 24];
    Some(match lower(w, &mut buf)? {
        b"second" | b"minute" | b"hour" | b"day" | b"week" | b"fortnight" | b"month" | b"year"
        | b"yr" | b"decade" | b"century" => Kind::Duration,
        b"km" | b"kilometer" | b"kilometre" | b"mile" | b"meter" | b"metre" | b"m" | b"cm"
        | b"mm" | b"millimeter" | b"millimetre" | b"kg" | b"kilogram" | b"ton" | b"tonne"
        | b"pound" | b"lb" | b"foot" | b"inch" | b"yard" | b"acre" | b"hectare" | b"liter"
        | b"litre" | b"gallon" | b"degree" | b"caliber" | b"calibre" | b"megawatt" | b"kiloton"
        | b"storey" | b"story" => Kind::Measure,
        _ => return None,
    })
}

/// Unit glued to the digits: `9mm`, `5km`, `30kg`.
pub fn attached_unit(w: &str) -> bool {
    let mut buf = [0u8; 24];
    matches!(
        lower(w, &mut buf),
        Some(
            b"km"
                | b"kg"
                | b"mm"
                | b"cm"
                | b"m"
                | b"ft"
                | b"lb"
                | b"lbs"
                | b"mph"
                | b"kph"
                | b"kt"
                | b"mw"
        )
    )
}

/// Currency word after the amount: `3 dollars`, `10 rubles`.
pub fn money_word(w: &str) -> bool {
    let mut buf = [0u8; 24];
    matches!(
        lower(w, &mut buf),
        Some(
            b"dollar"
                | b"dollars"
                | b"euro"
                | b"euros"
                | b"ruble"
                | b"rubles"
                | b"rouble"
                | b"roubles"
                | b"rupee"
                | b"rupees"
                | b"yen"
                | b"yuan"
                | b"renminbi"
                | b"manat"
                | b"manats"
                | b"dram"
                | b"drams"
                | b"lira"
                | b"liras"
                | b"lari"
                | b"shekel"
                | b"shekels"
                | b"dinar"
                | b"dinars"
                | b"dirham"
                | b"dirhams"
                | b"riyal"
                | b"riyals"
                | b"franc"
                | b"francs"
                | b"cent"
                | b"cents"
                | b"pence"
                | b"hryvnia"
                | b"hryvnias"
                | b"usd"
                | b"eur"
                | b"gbp"
                | b"rub"
                | b"azn"
                | b"amd"
                | b"inr"
                | b"uah"
                | b"dlrs"
                | b"dlr"
                | b"stg"
                | b"cts"
                | b"guilders"
                | b"crowns"
                | b"kroner"
                | b"kronor"
                | b"krona"
                | b"pesos"
                | b"peso"
                | b"cruzados"
                | b"rand"
                | b"baht"
                | b"ringgit"
                | b"schillings"
                | b"escudos"
                | b"pesetas"
                | b"lire"
                | b"drachmas"
                | b"zlotys"
                | b"forint"
                | b"ecus"
                | b"ecu"
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
            b"in"
                | b"since"
                | b"by"
                | b"until"
                | b"till"
                | b"during"
                | b"before"
                | b"after"
                | b"from"
                | b"early"
                | b"late"
                | b"mid"
                | b"spring"
                | b"summer"
                | b"autumn"
                | b"fall"
                | b"winter"
                | b"year"
                | b"pre"
                | b"post"
                | b"copyright"
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
            b"was"
                | b"is"
                | b"has"
                | b"as"
                | b"its"
                | b"his"
                | b"this"
                | b"thus"
                | b"us"
                | b"plus"
                | b"across"
                | b"unless"
                | b"whereas"
                | b"always"
                | b"perhaps"
                | b"towards"
                | b"afterwards"
                | b"yes"
                | b"does"
                | b"besides"
                | b"various"
                | b"elections"
                | b"olympics"
                | b"games"
                | b"polls"
                | b"protests"
                | b"talks"
                | b"census"
                | b"riots"
                | b"floods"
                | b"midterms"
                | b"primaries"
                | b"hearings"
                | b"accords"
                | b"negotiations"
                | b"sanctions"
                | b"series"
                | b"news"
                | b"status"
                | b"crisis"
                | b"basis"
                | b"analysis"
                | b"versus"
                | b"consensus"
                | b"hostilities"
                | b"events"
                | b"clashes"
                | b"offensives"
                | b"paralympics"
                | b"championships"
                | b"finals"
                | b"reforms"
                | b"amendments"
        )
    )
}

/// Plural count nouns without a final `s`, and the adjectives used as
/// nouns in tallies (`2000 people`, `1800 dead`).
pub fn is_plural_without_s(w: &str) -> bool {
    let mut buf = [0u8; 24];
    matches!(
        lower(w, &mut buf),
        Some(
            b"people"
                | b"children"
                | b"men"
                | b"women"
                | b"police"
                | b"personnel"
                | b"staff"
                | b"crew"
                | b"folk"
                | b"cattle"
                | b"sheep"
                | b"livestock"
                | b"infantry"
                | b"dead"
                | b"injured"
                | b"wounded"
                | b"hurt"
                | b"missing"
                | b"displaced"
                | b"homeless"
        )
    ) || is_men_compound(w)
}

/// `gunmen`, `servicemen`, `policemen`, `militiamen`: plurals of `-man`
/// (not `specimen`, `abdomen`, `regimen`).
fn is_men_compound(w: &str) -> bool {
    let mut buf = [0u8; 24];
    lower(w, &mut buf).is_some_and(|l| {
        l.len() > 3
            && l.ends_with(b"men")
            && !matches!(l, b"specimen" | b"abdomen" | b"regimen" | b"omen")
    })
}

/// Determiners: a plural-looking word before one is a verb (`2020 marks
/// the end`).
pub fn is_determiner(w: &str) -> bool {
    let mut buf = [0u8; 24];
    matches!(
        lower(w, &mut buf),
        Some(
            b"the"
                | b"a"
                | b"an"
                | b"its"
                | b"their"
                | b"his"
                | b"her"
                | b"this"
                | b"that"
                | b"these"
                | b"those"
                | b"another"
                | b"our"
                | b"my"
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
            b"longer"
                | b"more"
                | b"less"
                | b"fewer"
                | b"matter"
                | b"doubt"
                | b"sooner"
                | b"further"
                | b"later"
                | b"earlier"
                | b"one"
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
            b"mid"
                | b"pre"
                | b"post"
                | b"late"
                | b"early"
                | b"anti"
                | b"non"
                | b"pro"
                | b"ex"
                | b"over"
                | b"under"
                | b"top"
                | b"all"
                | b"circa"
                | b"ca"
        )
    ) && w.bytes().all(|b| b.is_ascii_lowercase())
}

/// File extensions that make a token a file name (an identifier).
pub fn is_file_extension(w: &str) -> bool {
    let mut buf = [0u8; 24];
    matches!(
        lower(w, &mut buf),
        Some(
            b"mp4"
                | b"mp3"
                | b"m4a"
                | b"wav"
                | b"jpg"
                | b"jpeg"
                | b"png"
                | b"gif"
                | b"webp"
                | b"svg"
                | b"pdf"
                | b"html"
                | b"htm"
                | b"php"
                | b"asp"
                | b"aspx"
                | b"doc"
                | b"docx"
                | b"xls"
                | b"xlsx"
                | b"ppt"
                | b"pptx"
                | b"csv"
                | b"txt"
                | b"zip"
                | b"rar"
                | b"mov"
                | b"avi"
                | b"webm"
                | b"mkv"
                | b"json"
                | b"xml"
                | b"js"
                | b"css"
                | b"exe"
                | b"tar"
                | b"gz"
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
