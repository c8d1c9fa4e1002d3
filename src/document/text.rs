//! Plain text: normalisation, header metadata (publication date, outlet,
//! title), page furniture (`noise`) and reader comments, all as byte ranges
//! of the unchanged text.

use super::Document;
use super::dates::find_date;
use rayon::prelude::*;
use regex::Regex;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

/// How many non-empty lines at the top count as the header.
const HEADER_LINES: usize = 15;
/// How many non-empty lines at the bottom are searched for a `Source:` line.
const FOOTER_LINES: usize = 8;
/// A line of at least this many words is article prose: after one has been
/// seen, a comment marker really starts a comment section.
const PROSE_WORDS: usize = 12;
/// At most this many teaser lines follow a "Related stories" heading.
const TEASER_MAX: usize = 12;

/// Word boundaries are ASCII (`(?-u:\b)`): Unicode ones keep the regex
/// engine off its fast DFA on any non-ASCII line, and every pattern here is
/// about English words.
fn compile(pattern: &str) -> Option<Regex> {
    Regex::new(&pattern.replace(r"\b", r"(?-u:\b)")).ok()
}

fn matches(re: &Option<Regex>, s: &str) -> bool {
    re.as_ref().is_some_and(|re| re.is_match(s))
}

/// Build a [`Document`] from plain text already in memory: the BOM is
/// stripped, CRLF (and lone CR) become LF, header metadata is detected, and
/// page furniture and reader comments are marked as ranges.
pub fn from_text(id: &str, text: &str) -> Document {
    let text = normalize(text);
    let marks = mark_text(&text);
    let header = detect_header(&text, &marks);
    Document {
        id: id.to_string(),
        origin: id.to_string(),
        title: header.title,
        published: header.published,
        source: header.source,
        url: None,
        event: None,
        noise: marks.noise,
        comments: marks.comments,
        text,
    }
}

/// Strip a leading BOM and turn CRLF and lone CR into LF.
pub(crate) fn normalize(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// One line of the text: byte range without the `\n`.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

fn lines(text: &str) -> impl DoubleEndedIterator<Item = Line<'_>> {
    let base = text.as_ptr() as usize;
    text.split('\n').map(move |piece| {
        // `split` yields sub-slices of `text`: the offset is the distance
        // between the pointers, so the iterator can also run backwards.
        let start = (piece.as_ptr() as usize).saturating_sub(base);
        Line {
            start,
            end: start + piece.len(),
            text: piece,
        }
    })
}

// ---------------------------------------------------------------------------
// Line cleaning

static MD_LINK: LazyLock<Option<Regex>> = LazyLock::new(|| compile(r"\[([^\]\n]*)\]\([^)\n]*\)"));
static ANGLE_URL: LazyLock<Option<Regex>> = LazyLock::new(|| compile(r"<(https?://[^>\s]+)>"));

/// The line as a reader sees it: markdown links reduced to their text,
/// emphasis markers, heading hashes and bullets removed, trimmed.
///
/// Borrows the line when there is no markup to remove, which is nearly
/// every line of prose: this runs on every line of every document.
pub(crate) fn plain_line(line: &str) -> Cow<'_, str> {
    let trimmed = line.trim();
    let markup = trimmed
        .bytes()
        .any(|b| matches!(b, b']' | b'<' | b'*' | b'_'))
        && (trimmed.contains("](")
            || trimmed.contains("<http")
            || trimmed.contains("**")
            || trimmed.contains("__"));
    if !markup {
        return Cow::Borrowed(strip_leaders(trimmed));
    }
    let mut s = Cow::Borrowed(trimmed);
    if s.contains("](")
        && let Some(re) = MD_LINK.as_ref()
    {
        s = Cow::Owned(re.replace_all(&s, "$1").into_owned());
    }
    if s.contains("<http")
        && let Some(re) = ANGLE_URL.as_ref()
    {
        s = Cow::Owned(re.replace_all(&s, "$1").into_owned());
    }
    let s = s.replace("**", "").replace("__", "");
    Cow::Owned(strip_leaders(s.trim()).to_string())
}

/// Heading hashes, quote marks and bullets at the start of a trimmed line.
fn strip_leaders(s: &str) -> &str {
    s.trim_start_matches(['#', '>', '•', '·'])
        .trim_start_matches("- ")
        .trim_start_matches("* ")
        .trim()
}

/// Words separated by whitespace. Runs on every line of every document:
/// ASCII text (nearly all of it) is counted byte by byte.
fn word_count(s: &str) -> usize {
    word_count_up_to(s, usize::MAX)
}

/// Words `classify` and the teaser test compare with, at most: any
/// count above is the same to them.
const CLASSIFY_WORDS: usize = 26;

/// `word_count(s).min(cap)`, stopping at the cap.
fn word_count_up_to(s: &str, cap: usize) -> usize {
    if s.is_ascii() {
        let mut words = 0;
        let mut in_word = false;
        for b in s.bytes() {
            // `char::is_whitespace` on ASCII: space, \t, \n, \x0B, \x0C, \r
            let space = matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r');
            words += usize::from(!space && !in_word);
            if words >= cap {
                return cap;
            }
            in_word = !space;
        }
        words
    } else {
        s.split_whitespace().take(cap).count()
    }
}

/// Ends like a sentence (`.`, `!`, `?`, possibly inside closing quotes).
fn ends_like_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '”', '’', '\'', ')', ' ']);
    t.ends_with(['.', '!', '?'])
}

// ---------------------------------------------------------------------------
// Noise rules: how web pages clutter the text of an article.

/// What kind of page furniture a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Noise {
    Money,
    Crypto,
    Payment,
    Donation,
    Share,
    Newsletter,
    Copyright,
    Disclaimer,
    /// A photo's caption, ending with its credit.
    Caption,
    Translation,
    Teaser,
    Membership,
    Contact,
    Cookie,
    Advert,
    Url,
    Label,
    Logo,
    AuthorBox,
    Repost,
}

impl Noise {
    /// Footer furniture that closes a comment section.
    fn ends_comments(self) -> bool {
        matches!(
            self,
            Noise::Money
                | Noise::Crypto
                | Noise::Payment
                | Noise::Donation
                | Noise::Newsletter
                | Noise::Copyright
                | Noise::Disclaimer
                | Noise::Translation
                | Noise::Membership
                | Noise::Contact
                | Noise::Cookie
        )
    }
}

/// The page-furniture patterns of `data/page-noise.toml`, compiled once.
/// A pattern that does not compile is `None` and matches nothing (a unit
/// test checks that every one compiles).
struct NoisePatterns {
    money_only: Option<Regex>,
    donation_counter: Option<Regex>,
    crypto_word: Option<Regex>,
    payment: Option<Regex>,
    support_start: Option<Regex>,
    donate_word: Option<Regex>,
    share: Option<Regex>,
    newsletter: Option<Regex>,
    copyright: Option<Regex>,
    disclaimer: Option<Regex>,
    caption: Option<Regex>,
    translation: Option<Regex>,
    membership: Option<Regex>,
    contact: Option<Regex>,
    cookie: Option<Regex>,
    advert: Option<Regex>,
    bare_url: Option<Regex>,
    label: Option<Regex>,
    author_box: Option<Regex>,
    repost_line: Option<Regex>,
    teaser_inline: Option<Regex>,
    teaser_heading: Option<Regex>,
    comment_marker: Option<Regex>,
    repost: Option<Regex>,
    social_words: Vec<String>,
}

/// `data/page-noise.toml` as written.
#[derive(serde::Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawNoisePatterns {
    money_only: String,
    donation_counter: String,
    crypto_word: String,
    payment: String,
    support_start: String,
    donate_word: String,
    share: String,
    newsletter: String,
    copyright: String,
    disclaimer: String,
    caption: String,
    translation: String,
    membership: String,
    contact: String,
    cookie: String,
    advert: String,
    bare_url: String,
    label: String,
    author_box: String,
    repost_line: String,
    teaser_inline: String,
    teaser_heading: String,
    comment_marker: String,
    repost: String,
    social_words: Vec<String>,
}

static NOISE: LazyLock<NoisePatterns> = LazyLock::new(|| {
    let raw: RawNoisePatterns =
        toml::from_str(include_str!("../../data/page-noise.toml")).unwrap_or_default();
    NoisePatterns {
        money_only: compile(&raw.money_only),
        donation_counter: compile(&raw.donation_counter),
        crypto_word: compile(&raw.crypto_word),
        payment: compile(&raw.payment),
        support_start: compile(&raw.support_start),
        donate_word: compile(&raw.donate_word),
        share: compile(&raw.share),
        newsletter: compile(&raw.newsletter),
        copyright: compile(&raw.copyright),
        disclaimer: compile(&raw.disclaimer),
        caption: compile(&raw.caption),
        translation: compile(&raw.translation),
        membership: compile(&raw.membership),
        contact: compile(&raw.contact),
        cookie: compile(&raw.cookie),
        advert: compile(&raw.advert),
        bare_url: compile(&raw.bare_url),
        label: compile(&raw.label),
        author_box: compile(&raw.author_box),
        repost_line: compile(&raw.repost_line),
        teaser_inline: compile(&raw.teaser_inline),
        teaser_heading: compile(&raw.teaser_heading),
        comment_marker: compile(&raw.comment_marker),
        repost: compile(&raw.repost),
        social_words: raw.social_words,
    }
});

/// A wallet address or similar: a run of at least 25 ASCII letters and
/// digits. Counted by hand: a counted repetition in the noise `RegexSet`
/// multiplies the states of its lazy DFA, which then spends its time
/// rebuilding them.
fn has_long_token(s: &str) -> bool {
    super::has_run(s, 25, |b| b.is_ascii_alphanumeric())
}

/// The whole line is one such run, of at least 26.
fn is_address_only(s: &str) -> bool {
    s.len() >= 26 && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Lines that only name social networks or share actions
/// (`Facebook Twitter WhatsApp Email`, `Share | Tweet`).
fn is_social_list(plain: &str) -> bool {
    let mut tokens = plain
        .split(|c: char| c.is_whitespace() || "|·•/,:".contains(c))
        .filter(|t| !t.is_empty());
    let mut count = 0;
    let mut beyond_copy_link = false;
    for token in tokens.by_ref() {
        count += 1;
        let social = NOISE
            .social_words
            .iter()
            .any(|w| w.eq_ignore_ascii_case(token));
        if count > 10 || !social {
            return false;
        }
        beyond_copy_link |=
            !token.eq_ignore_ascii_case("copy") && !token.eq_ignore_ascii_case("link");
    }
    count > 0 && beyond_copy_link
}

/// What a line of text is, for noise and comment marking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Blank,
    Noise(Noise),
    /// Heading of a block of teasers (`Related stories`).
    TeaserHeading,
    /// Start of a reader-comment section (`Leave a comment`, `12 comments`).
    CommentMarker,
    Prose,
}

fn classify(plain: &str, words: usize) -> Kind {
    if plain.is_empty() {
        return Kind::Blank;
    }
    let marker = plain.trim_end_matches([':', '.', '!']).trim();
    if matches(&NOISE.comment_marker, marker) {
        return Kind::CommentMarker;
    }
    if matches(&NOISE.teaser_heading, marker) {
        return Kind::TeaserHeading;
    }
    match noise_kind(plain, words) {
        Some(kind) => Kind::Noise(kind),
        None => Kind::Prose,
    }
}

/// Every unanchored pattern `noise_kind` tries, as one set: a line none of
/// them matches (most prose) is settled in one pass instead of one per
/// pattern. Left out, and tried on their own: `DONATION_COUNTER` (anchored,
/// so cheap alone, but its `.{0,40}` would multiply the set's states) and
/// the long-token checks, which are loops.
static NOISE_ANY: LazyLock<Option<regex::RegexSet>> = LazyLock::new(|| {
    let all: [&Option<Regex>; 20] = [
        &NOISE.advert,
        &NOISE.author_box,
        &NOISE.bare_url,
        &NOISE.contact,
        &NOISE.cookie,
        &NOISE.copyright,
        &NOISE.crypto_word,
        &NOISE.disclaimer,
        &NOISE.caption,
        &NOISE.donate_word,
        &NOISE.label,
        &NOISE.membership,
        &NOISE.money_only,
        &NOISE.newsletter,
        &NOISE.payment,
        &NOISE.repost_line,
        &NOISE.share,
        &NOISE.support_start,
        &NOISE.teaser_inline,
        &NOISE.translation,
    ];
    let patterns: Option<Vec<String>> = all
        .iter()
        .map(|re| re.as_ref().map(|r| r.as_str().to_string()))
        .collect();
    regex::RegexSetBuilder::new(patterns?)
        .dfa_size_limit(64 << 20)
        .build()
        .ok()
});

fn noise_kind(plain: &str, words: usize) -> Option<Noise> {
    let candidate = words <= 4
        || plain.contains('©')
        || words <= 10 && is_social_list(plain)
        || matches(&NOISE.donation_counter, plain)
        || NOISE_ANY.as_ref().is_none_or(|set| set.is_match(plain));
    if !candidate {
        return None;
    }
    let sentence = ends_like_sentence(plain);
    if matches(&NOISE.money_only, plain) || matches(&NOISE.donation_counter, plain) {
        return Some(Noise::Money);
    }
    if (matches(&NOISE.crypto_word, plain) && has_long_token(plain))
        || is_address_only(plain) && plain.chars().any(|c| c.is_ascii_digit())
    {
        return Some(Noise::Crypto);
    }
    if matches(&NOISE.payment, plain) {
        return Some(Noise::Payment);
    }
    // Short calls to give, never a headline with figures.
    let digits = plain.chars().any(|c| c.is_ascii_digit());
    if !digits
        && !sentence
        && (words <= 5 && matches(&NOISE.support_start, plain)
            || words <= 6 && matches(&NOISE.donate_word, plain))
    {
        return Some(Noise::Donation);
    }
    if matches(&NOISE.share, plain) || is_social_list(plain) {
        return Some(Noise::Share);
    }
    if words <= 25 && matches(&NOISE.newsletter, plain) {
        return Some(Noise::Newsletter);
    }
    if matches(&NOISE.copyright, plain) || (words <= 25 && plain.contains('©')) {
        return Some(Noise::Copyright);
    }
    if matches(&NOISE.disclaimer, plain) {
        return Some(Noise::Disclaimer);
    }
    if matches(&NOISE.caption, plain) {
        return Some(Noise::Caption);
    }
    if matches(&NOISE.translation, plain) {
        return Some(Noise::Translation);
    }
    if words <= 12 && matches(&NOISE.membership, plain) {
        return Some(Noise::Membership);
    }
    if matches(&NOISE.contact, plain) {
        return Some(Noise::Contact);
    }
    if matches(&NOISE.cookie, plain) {
        return Some(Noise::Cookie);
    }
    if matches(&NOISE.advert, plain) {
        return Some(Noise::Advert);
    }
    if matches(&NOISE.bare_url, plain) {
        return Some(Noise::Url);
    }
    if matches(&NOISE.label, plain) {
        return Some(Noise::Label);
    }
    if words <= 4 && plain.to_lowercase().ends_with("logo") {
        return Some(Noise::Logo);
    }
    if words <= 12 && matches(&NOISE.author_box, plain) {
        return Some(Noise::AuthorBox);
    }
    if words <= 25 && matches(&NOISE.repost_line, plain) {
        return Some(Noise::Repost);
    }
    if words <= 25 && matches(&NOISE.teaser_inline, plain) {
        return Some(Noise::Teaser);
    }
    None
}

/// A teaser under a "Related stories" heading: a short headline, not a
/// paragraph of prose.
fn looks_like_teaser(plain: &str, words: usize) -> bool {
    words <= 20 && !(words >= 6 && ends_like_sentence(plain))
}

// ---------------------------------------------------------------------------
// Marking

/// Noise and comment ranges of a text.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Marks {
    pub noise: Vec<Range<usize>>,
    pub comments: Vec<Range<usize>>,
}

/// Push `range`, merging it with the previous one when only whitespace
/// separates them.
fn push_merged(ranges: &mut Vec<Range<usize>>, range: Range<usize>, text: &str) {
    if let Some(last) = ranges.last_mut()
        && last.end <= range.start
        && text
            .get(last.end..range.start)
            .is_some_and(|gap| gap.trim().is_empty())
    {
        last.end = range.end;
        return;
    }
    ranges.push(range);
}

/// A line as marking needs it: its kind, and for prose what the teaser and
/// prose tests say of it.
#[derive(Debug, Clone, Copy)]
struct Classified {
    start: usize,
    end: usize,
    kind: Kind,
    teaser_like: bool,
    long_prose: bool,
}

fn classified(line: Line<'_>) -> Classified {
    let plain = plain_line(line.text);
    // every rule of the noise classes asks about at most 25 words: a long
    // paragraph need not be counted to its end
    let words = word_count_up_to(&plain, CLASSIFY_WORDS);
    let kind = classify(&plain, words);
    let prose = kind == Kind::Prose;
    Classified {
        start: line.start,
        end: line.end,
        kind,
        teaser_like: prose && looks_like_teaser(&plain, words),
        long_prose: prose && words >= PROSE_WORDS,
    }
}

/// Texts longer than this have their lines classified in parallel.
const PARALLEL_BYTES: usize = 1 << 20;

/// Mark page furniture and reader comments in `text`.
///
/// Classifying a line (the regexes) needs only the line, so a long text's
/// lines are classified in parallel; the marking that follows needs the
/// lines in order (a comment section runs to the footer) and is cheap.
pub(crate) fn mark_text(text: &str) -> Marks {
    if text.len() > PARALLEL_BYTES {
        let all: Vec<Line<'_>> = lines(text).collect();
        let kinds: Vec<Classified> = all.into_par_iter().map(classified).collect();
        mark_lines(text, kinds)
    } else {
        mark_lines(text, lines(text).map(classified))
    }
}

fn mark_lines(text: &str, lines: impl IntoIterator<Item = Classified>) -> Marks {
    let mut marks = Marks::default();
    let mut prose_seen = false;
    let mut teasers_left = 0usize;
    // Start of the open comment section and end of its last non-blank line.
    let mut comments: Option<(usize, usize)> = None;
    for line in lines {
        let kind = line.kind;
        if kind == Kind::Blank {
            continue;
        }
        let range = line.start..line.end;
        if let Some((start, last_end)) = comments {
            match kind {
                Kind::Noise(noise) if noise.ends_comments() => {
                    marks.comments.push(start..last_end);
                    comments = None;
                    push_merged(&mut marks.noise, range, text);
                }
                _ => comments = Some((start, line.end)),
            }
            continue;
        }
        match kind {
            Kind::CommentMarker if prose_seen => {
                comments = Some((line.start, line.end));
                teasers_left = 0;
            }
            Kind::CommentMarker => push_merged(&mut marks.noise, range, text),
            Kind::TeaserHeading => {
                push_merged(&mut marks.noise, range, text);
                teasers_left = TEASER_MAX;
            }
            Kind::Noise(_) => push_merged(&mut marks.noise, range, text),
            Kind::Prose => {
                if teasers_left > 0 && line.teaser_like {
                    teasers_left -= 1;
                    push_merged(&mut marks.noise, range, text);
                } else {
                    teasers_left = 0;
                    if line.long_prose {
                        prose_seen = true;
                    }
                }
            }
            Kind::Blank => {}
        }
    }
    if let Some((start, end)) = comments {
        marks.comments.push(start..end);
    }
    marks
}

fn in_ranges(ranges: &[Range<usize>], byte: usize) -> bool {
    ranges.iter().any(|r| r.contains(&byte))
}

// ---------------------------------------------------------------------------
// Header metadata

/// Metadata stated in the header (and a `Source:` line at the end).
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Header {
    pub published: Option<jiff::civil::Date>,
    pub source: Option<String>,
    pub title: Option<String>,
}

/// Lines that stamp an update, not the publication.
static UPDATE_START: LazyLock<Option<Regex>> =
    LazyLock::new(|| compile(r"(?i)^(?:last\s+)?(?:update[ds]?|modified|edited|revised)\b"));
/// Where an update stamp begins inside a line (`Posted: ... Updated: ...`).
static UPDATE_INSIDE: LazyLock<Option<Regex>> =
    LazyLock::new(|| compile(r"(?i)\b(?:last\s+)?(?:updated|update|modified|edited|revised)\b"));
/// Labels that introduce a date or a byline.
static DATE_LABEL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    compile(r"(?i)^(?:posted|published|publication date|date|dated|by|on|released|issued)\b")
});
static SOURCE_LINE: LazyLock<Option<Regex>> =
    LazyLock::new(|| compile(r"(?i)^sources?\s*:\s*(?P<v>\S.*)$"));
/// `Outlet,` / `Outlet |` / `Outlet –` right before a date.
static OUTLET_BEFORE: LazyLock<Option<Regex>> =
    LazyLock::new(|| compile(r"^(?P<name>[\p{Lu}\p{N}][^,|–—:]{0,60}?)\s*(?:,|\||–|—|\s-)\s*$"));
/// `| Outlet` / `– Outlet` right after a date.
static OUTLET_AFTER: LazyLock<Option<Regex>> =
    LazyLock::new(|| compile(r"^\s*(?:\||–|—|-)\s*(?P<name>\p{Lu}[^,|–—:]{0,60}?)\s*$"));
/// Words that start a byline or a label, never an outlet's name.
const NOT_OUTLET: &[&str] = &[
    "by",
    "posted",
    "published",
    "date",
    "dated",
    "updated",
    "update",
    "last",
    "on",
    "modified",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
static TITLE_LABEL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    compile(
        r"(?i)^(?:by|sources?|posted|published|date|dated|updated|last update|photo|image|credit|video credit|file photo|written by|author)\b",
    )
});

/// Find the date of a header line, if the line is a dateline, byline or
/// stamp (short, or labelled) rather than a sentence that mentions a date.
fn header_line_date(plain: &str) -> Option<super::dates::Found> {
    if !super::dates::may_hold_date(plain) || matches(&UPDATE_START, plain) {
        return None;
    }
    // Keep what precedes an update stamp: `Posted: ... Updated: ...`.
    let cut = UPDATE_INSIDE
        .as_ref()
        .and_then(|re| re.find(plain))
        .map_or(plain.len(), |m| m.start());
    let head = plain.get(..cut).unwrap_or(plain);
    let labelled = matches(&DATE_LABEL, head);
    if !labelled && (word_count(head) > 14 || ends_like_sentence(head)) {
        return None;
    }
    find_date(head)
}

/// Clean an outlet name: markdown removed, agency suffixes dropped, the first
/// of several names kept.
fn clean_outlet(raw: &str) -> Option<String> {
    let s = plain_line(raw);
    let lower = s.to_lowercase();
    let mut cut = s.len();
    for sep in [
        " and agencies",
        " and news agencies",
        " with agencies",
        " and wires",
        " and ",
        " with ",
        ",",
        ";",
        " / ",
        " + ",
        " | ",
        " (",
    ] {
        if let Some(pos) = lower.find(sep)
            && pos > 0
        {
            cut = cut.min(pos);
        }
    }
    let name = s
        .get(..cut)
        .unwrap_or(&s)
        .trim()
        .trim_matches(['.', ':', '"', '“', '”', '\'', '*', '_', ' '])
        .trim();
    (!name.is_empty() && name.chars().count() <= 80).then(|| name.to_string())
}

/// An outlet written next to the date: `Global Research, November 18, 2021`.
fn outlet_beside_date(plain: &str, found: &super::dates::Found) -> Option<String> {
    let before = plain.get(..found.start)?;
    let after = plain.get(found.end..)?;
    let name = if !before.trim().is_empty() {
        // Whatever follows the date may only be a time.
        if after.chars().any(|c| c.is_alphabetic())
            && !after
                .trim()
                .to_lowercase()
                .starts_with(|c: char| c.is_ascii_digit())
        {
            return None;
        }
        OUTLET_BEFORE
            .as_ref()?
            .captures(before)?
            .name("name")?
            .as_str()
    } else {
        OUTLET_AFTER
            .as_ref()?
            .captures(after)?
            .name("name")?
            .as_str()
    };
    let first = name
        .split_whitespace()
        .next()?
        .to_lowercase()
        .trim_end_matches([',', ':', '.'])
        .to_string();
    if NOT_OUTLET.contains(&first.as_str()) || word_count(name) > 6 {
        return None;
    }
    clean_outlet(name)
}

pub(crate) fn detect_header(text: &str, marks: &Marks) -> Header {
    let usable = |l: &Line<'_>| {
        !l.text.trim().is_empty()
            && !in_ranges(&marks.noise, l.start)
            && !in_ranges(&marks.comments, l.start)
    };
    let header: Vec<Cow<'_, str>> = lines(text)
        .filter(usable)
        .take(HEADER_LINES)
        .map(|l| plain_line(l.text))
        .collect();
    let mut out = Header::default();
    let mut date_lines = Vec::new();
    for (i, plain) in header.iter().enumerate() {
        if let Some(found) = header_line_date(plain) {
            if out.published.is_none() {
                out.published = Some(found.date);
            }
            if out.source.is_none() {
                out.source = outlet_beside_date(plain, &found);
            }
            date_lines.push(i);
        }
    }
    // An explicit `Source:` line (header first, then the last lines) wins.
    let footer = lines(text)
        .rev()
        .filter(usable)
        .take(FOOTER_LINES)
        .map(|l| plain_line(l.text));
    for plain in header.iter().cloned().chain(footer) {
        if !plain
            .get(..6)
            .is_some_and(|w| w.eq_ignore_ascii_case("source"))
        {
            continue;
        }
        let value = SOURCE_LINE
            .as_ref()
            .and_then(|re| re.captures(&plain))
            .and_then(|c| c.name("v").map(|v| v.as_str().to_string()));
        if let Some(name) = value.as_deref().and_then(clean_outlet) {
            out.source = Some(name);
            break;
        }
    }
    out.title = header.iter().enumerate().take(5).find_map(|(i, plain)| {
        let words = word_count(plain);
        let ok = !date_lines.contains(&i)
            && (3..=30).contains(&words)
            && plain.chars().count() <= 250
            && !ends_like_sentence(plain)
            && !matches(&TITLE_LABEL, plain);
        ok.then(|| plain.to_string())
    });
    out
}

// ---------------------------------------------------------------------------
// Repost hints

/// The outlet an article says it was first published by: `The original
/// source of this article is X`, `originally published by/on/at/in X`,
/// `first appeared on X`. Returns X with markdown links reduced to their
/// text, cut at the end of the name (sentence end, comma, parenthesis, or a
/// following `on`/`at`/`in` clause).
pub fn repost_of_hint(text: &str) -> Option<String> {
    let caps = NOISE.repost.as_ref()?.captures(text)?;
    let raw = caps.name("x")?.as_str();
    let s = plain_line(raw);
    let lower = s.to_lowercase();
    let mut cut = s.len();
    for sep in [
        ". ",
        ",",
        ";",
        "(",
        " on ",
        " at ",
        " in ",
        " under ",
        " and is ",
        " and was ",
        " | ",
        " – ",
        " — ",
    ] {
        if let Some(pos) = lower.find(sep)
            && pos > 0
        {
            cut = cut.min(pos);
        }
    }
    let name = s
        .get(..cut)
        .unwrap_or(&s)
        .trim()
        .trim_end_matches('.')
        .trim_matches(['"', '“', '”', '\'', '*', '_', ' ', ':'])
        .trim();
    (!name.is_empty() && name.chars().count() <= 100).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn noise_texts(text: &str) -> Vec<&str> {
        mark_text(text)
            .noise
            .iter()
            .filter_map(|r| text.get(r.clone()))
            .collect()
    }

    #[test]
    fn patterns_compile() {
        for re in [
            &*MD_LINK,
            &*ANGLE_URL,
            &*UPDATE_START,
            &*UPDATE_INSIDE,
            &*DATE_LABEL,
            &*SOURCE_LINE,
            &*OUTLET_BEFORE,
            &*OUTLET_AFTER,
            &*TITLE_LABEL,
        ] {
            assert!(re.is_some());
        }
        // the page-noise data file parses, and each of its patterns compiles
        let raw: RawNoisePatterns =
            toml::from_str(include_str!("../../data/page-noise.toml")).unwrap();
        assert!(!raw.social_words.is_empty());
        for re in [
            &NOISE.money_only,
            &NOISE.donation_counter,
            &NOISE.crypto_word,
            &NOISE.payment,
            &NOISE.support_start,
            &NOISE.donate_word,
            &NOISE.share,
            &NOISE.newsletter,
            &NOISE.copyright,
            &NOISE.disclaimer,
            &NOISE.caption,
            &NOISE.translation,
            &NOISE.membership,
            &NOISE.contact,
            &NOISE.cookie,
            &NOISE.advert,
            &NOISE.bare_url,
            &NOISE.label,
            &NOISE.author_box,
            &NOISE.repost_line,
            &NOISE.teaser_inline,
            &NOISE.teaser_heading,
            &NOISE.comment_marker,
            &NOISE.repost,
        ] {
            assert!(re.is_some());
        }
    }

    #[test]
    fn classifies_furniture() {
        let noise = [
            "2,500 $",
            "$ 5,000",
            "0 $",
            "Raised: $1,200 of $5,000",
            "MONERO (XMR): 49HqitRzdnhYjgTEAhgGpCfsjdTeMbUTU6cyR4JV1R7k2Eej9rGT8Jp",
            "BITCOIN (BTC): bc1qv7k70u2zynvem59u88ctdlaw7hc735d8xep9rq",
            "PayPal: someone@example.org",
            "Support Example News",
            "SUPPORT EXAMPLE NEWS:",
            "Donate",
            "Please click the share buttons above or below.",
            "Follow us on Telegram",
            "Facebook Twitter WhatsApp Email",
            "To receive our Daily Newsletter, [click here](#).",
            "Subscribe",
            "Copyright © Example News, 2021",
            "© 2024 Example Media",
            "Disclaimer: The contents of this article are of sole responsibility of the author(s).",
            "All Example articles can be read in 27 languages by activating the menu.",
            "Become a Member of Example",
            "For media inquiries: press@example.org",
            "Read more: Ten killed in blast",
            "https://example.org/video/17.11.2021.mp4",
            "Region: [Asia](#), [Europe](#)",
            "Articles by: **Example News**",
            "Advertisement",
            "We use cookies to improve your experience.",
            // a gallery's caption, about another picture (and often
            // another incident)
            "Mourners gather after a shooting that killed two men on Friday, Jan. 4, 2019. (AP Photo/Jane Doe)",
            "Police at the scene where 3 people were shot. (Photo: John Doe/Reuters)",
        ];
        for line in noise {
            assert!(
                matches!(kind_of(line), Kind::Noise(_)),
                "{line:?} should be noise, got {:?}",
                kind_of(line)
            );
        }
        let prose = [
            "At least 12 people were killed and 30 wounded in the attack on Tuesday.",
            "Support for the ceasefire grew among voters after the attack.",
            "Donations poured in for the families of the victims.",
            "The ministry said 300 settlements were retaken.",
            "Seven soldiers died.",
            "Donations pour in after quake kills 300",
            "Support for victims grows as toll hits 300",
            "Target of strike: 40% of the city destroyed",
            "They share this view of the 12 deaths",
            "The photo (taken by a neighbour) shows two men fleeing; police said 3 were shot.",
            "Police released a photo of the suspect, who shot 4 people.",
        ];
        for line in prose {
            assert_eq!(kind_of(line), Kind::Prose, "{line:?}");
        }
    }

    #[test]
    fn teaser_block_after_heading() {
        let text = "A long paragraph of the article that is written in prose and ends here with a period.\n\nRelated stories\n\nNine killed in market blast\n\nFloods leave 40 dead\n\nThe article goes on with another long paragraph that is clearly prose, not a teaser.\n";
        let noise = noise_texts(text);
        assert_eq!(
            noise,
            vec!["Related stories\n\nNine killed in market blast\n\nFloods leave 40 dead"]
        );
    }

    #[test]
    fn comment_count_in_byline_is_not_a_comment_section() {
        let text = "Title of the story here\n12 comments\n\nThe body of the article is a long paragraph with many words in it, so prose has started.\n";
        let marks = mark_text(text);
        assert!(marks.comments.is_empty());
        assert_eq!(noise_texts(text), vec!["12 comments"]);
    }

    #[test]
    fn comments_run_to_footer_noise() {
        let text = "The body of the article is a long paragraph with many words in it, so prose has started.\n\nLeave a comment\n\nAlice\nThey said 500 died.\n\nCopyright © Example 2024\n";
        let marks = mark_text(text);
        let comments: Vec<&str> = marks
            .comments
            .iter()
            .filter_map(|r| text.get(r.clone()))
            .collect();
        assert_eq!(
            comments,
            vec!["Leave a comment\n\nAlice\nThey said 500 died."]
        );
        assert_eq!(noise_texts(text), vec!["Copyright © Example 2024"]);
    }

    fn kind_of(line: &str) -> Kind {
        let plain = plain_line(line);
        classify(&plain, word_count(&plain))
    }

    #[test]
    fn capped_word_count_agrees_with_the_count() {
        for s in [
            "",
            "a b c",
            " a  b\tc\n d e ",
            "café au lait noir",
            "x\u{a0}y z w",
        ] {
            for cap in 0..6 {
                assert_eq!(
                    word_count_up_to(s, cap),
                    word_count(s).min(cap),
                    "{s:?} {cap}"
                );
            }
        }
    }

    #[test]
    fn word_count_agrees_with_split_whitespace() {
        for s in [
            "",
            " ",
            "a",
            " a  b\tc\n",
            "a\x0Bb\x0Cc",
            "café  au lait",
            "x\u{a0}y z",
        ] {
            assert_eq!(word_count(s), s.split_whitespace().count(), "{s:?}");
        }
    }

    #[test]
    fn long_texts_are_marked_in_parallel_as_in_order() {
        let page = "Related stories\nFive killed in storm\n\nThe body of the article is a long paragraph with many words in it, so prose has started.\nShare this article\n\nLeave a comment\n\nAlice\nThey said 500 died.\n\nCopyright © Example 2024\n\n";
        let text = page.repeat(PARALLEL_BYTES / page.len() + 10);
        assert!(text.len() > PARALLEL_BYTES);
        let in_order = mark_lines(&text, lines(&text).map(classified));
        assert!(!in_order.comments.is_empty() && !in_order.noise.is_empty());
        assert_eq!(mark_text(&text), in_order);
    }

    #[test]
    fn repost_hints() {
        let cases = [
            (
                "text\nThe original source of this article is [Example Front](#)\n",
                Some("Example Front"),
            ),
            (
                "This article was originally published on The Conversation.",
                Some("The Conversation"),
            ),
            (
                "It was originally published by Example Wire on May 3, 2021.",
                Some("Example Wire"),
            ),
            (
                "This story first appeared on Antiwar.com.",
                Some("Antiwar.com"),
            ),
            ("Nothing to see here.", None),
        ];
        for (text, want) in cases {
            assert_eq!(repost_of_hint(text).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn normalizes_line_endings() {
        assert_eq!(normalize("\u{feff}a\r\nb\rc\n"), "a\nb\nc\n");
    }
}
