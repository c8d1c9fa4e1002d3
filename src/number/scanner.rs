//! Candidate positions, then the grammar.
//!
//! Two cheap scans propose where a quantity may start: an Aho-Corasick
//! automaton (ASCII case-insensitive, leftmost-longest) over the first words
//! of every construct (number words, qualifiers, vague words, months...),
//! and a byte scan for ASCII digits. The nom grammar runs only at those
//! positions. Around each digit the scanner also decides what the grammar
//! cannot see: the whitespace-delimited token (URLs, e-mails, file names are
//! identifiers), letters glued to the digits (`G7`, `COVID-19`), a currency
//! sign just before (`$`, `US$`, `Rs`), and the word before (`in 2020`).

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

use super::grammar::{self, Ctx, is_word_char};
use super::{Kind, Qualifier, Quantity, lexicon};

/// A reusable scanner holding the prebuilt automaton. [`super::scan`] uses
/// a shared static one.
#[derive(Debug, Clone)]
pub struct Scanner {
    /// Anchored: run only at word starts the prefilter lets through.
    ac: Option<AhoCorasick>,
    prefilter: Prefilter,
}

impl Default for Scanner {
    fn default() -> Self {
        Self::new()
    }
}

enum Step {
    Hit(Quantity),
    /// No mention; nothing can start before this offset.
    Skip(usize),
    Miss,
}

impl Scanner {
    /// Build the automaton (a few hundred short patterns, well under a
    /// millisecond) and the prefix filter. Should building ever fail, the
    /// scanner tries every word start the filter passes: slower, same output.
    pub fn new() -> Scanner {
        let patterns = patterns();
        let ac = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .start_kind(StartKind::Anchored)
            .build(&patterns)
            .ok();
        let prefilter = Prefilter::new(&patterns);
        Scanner { ac, prefilter }
    }

    /// Every quantity mention in `text`, ordered, non-overlapping.
    pub fn scan(&self, text: &str) -> Vec<Quantity> {
        let mut out = Vec::new();
        self.scan_into(text, &mut out);
        out
    }

    /// [`Scanner::scan`], appending to `out` (reuse a buffer across texts).
    pub fn scan_into(&self, text: &str, out: &mut Vec<Quantity>) {
        let mut starts = WordStarts::new(text.as_bytes());
        run(text, out, |pos| {
            while let Some(p) = starts.next(pos) {
                if self.is_candidate(text, p) {
                    return Some(p);
                }
            }
            None
        });
    }

    /// Does one of the patterns start at the word start `p`?
    fn is_candidate(&self, text: &str, p: usize) -> bool {
        if !self.prefilter.allows(text.as_bytes(), p) {
            return false;
        }
        match &self.ac {
            Some(ac) => {
                let input = Input::new(text).span(p..text.len()).anchored(Anchored::Yes);
                ac.try_find(input).ok().flatten().is_some()
            }
            None => true,
        }
    }

    /// Reference implementation for tests: runs the grammar at every word
    /// start (any Unicode letter) instead of at automaton candidates. Same
    /// output as [`Scanner::scan`] unless a pattern is missing; slower.
    pub fn scan_every_word(&self, text: &str) -> Vec<Quantity> {
        let mut out = Vec::new();
        run(text, &mut out, |pos| next_word_start(text, pos));
        out
    }
}

/// Class of a byte for the prefix filter (case folded; 0 = anything else).
const fn class_of(b: u8) -> u8 {
    match b {
        b'a'..=b'z' => b - b'a' + 1,
        b'A'..=b'Z' => b - b'A' + 1,
        b' ' | b'\n' | b'\r' | b'\t' => 27,
        b'-' => 28,
        b'.' => 29,
        b'~' => 30,
        _ => 0,
    }
}

static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut rest: &mut [u8] = &mut t;
    let mut b: u8 = 0;
    while let [slot, tail @ ..] = rest {
        *slot = class_of(b);
        b = b.wrapping_add(1);
        rest = tail;
    }
    t
};

fn class(b: u8) -> usize {
    // A u8 always indexes a 256-entry table: the check compiles away.
    CLASS.get(usize::from(b)).map_or(0, |&c| usize::from(c))
}

/// The first three byte classes of every pattern, as a 32×32×32 bit set:
/// most word starts (`the`, `and`, `was`) are rejected with one lookup.
#[derive(Debug, Clone)]
struct Prefilter {
    bits: Vec<u64>,
}

impl Prefilter {
    fn new(patterns: &[String]) -> Prefilter {
        let mut bits = vec![0u64; 32 * 32 * 32 / 64];
        let mut set = |k: usize| {
            if let Some(w) = bits.get_mut(k / 64) {
                *w |= 1 << (k % 64);
            }
        };
        for p in patterns {
            let b = p.as_bytes();
            let c = |i: usize| b.get(i).map(|&x| class(x));
            match (c(0), c(1), c(2)) {
                (Some(x), Some(y), Some(z)) => set(x << 10 | y << 5 | z),
                (Some(x), Some(y), None) => (0..32).for_each(|z| set(x << 10 | y << 5 | z)),
                (Some(x), None, _) => (0..1024).for_each(|yz| set(x << 10 | yz)),
                _ => {}
            }
        }
        Prefilter { bits }
    }

    fn allows(&self, bytes: &[u8], p: usize) -> bool {
        let c = |i: usize| bytes.get(p + i).map_or(0, |&x| class(x));
        let k = c(0) << 10 | c(1) << 5 | c(2);
        self.bits
            .get(k / 64)
            .is_some_and(|w| w & (1 << (k % 64)) != 0)
    }
}

fn ascii_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// High bit of each byte of `low7` (bytes < 0x80) set iff the byte is in
/// `lo..=hi`.
fn in_range(low7: u64, lo: u8, hi: u8) -> u64 {
    let ge = low7.wrapping_add(ONES * u64::from(0x80 - lo)) & HIGH;
    let gt = low7.wrapping_add(ONES * u64::from(0x7f - hi)) & HIGH;
    ge & !gt
}

/// One bit per byte, from the byte's high bit.
fn pack(high_bits: u64) -> u8 {
    (((high_bits >> 7) & ONES).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u8
}

/// For 8 bytes: which may start a word (ASCII letter or `~`) and which are
/// word bytes (ASCII letter, digit, `_`); non-ASCII bytes are neither.
fn swar_classes(v: u64) -> (u8, u8) {
    let ascii = !v & HIGH;
    let low7 = v & !HIGH;
    let letter = in_range(low7 | (ONES * 0x20), b'a', b'z') & ascii;
    let digit = in_range(low7, b'0', b'9') & ascii;
    let under = in_range(low7, b'_', b'_') & ascii;
    let tilde = in_range(low7, b'~', b'~') & ascii;
    (pack(letter | tilde), pack(letter | digit | under))
}

/// ASCII word starts (and `~`), found 64 bytes at a time as a bit mask. A
/// byte after a non-ASCII byte counts as a start; [`try_word`] re-checks the
/// previous *char* (`é` before `one` is a letter).
struct WordStarts<'a> {
    bytes: &'a [u8],
    base: usize,
    mask: u64,
    started: bool,
}

impl<'a> WordStarts<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        WordStarts {
            bytes,
            base: 0,
            mask: 0,
            started: false,
        }
    }

    fn block(&self, base: usize) -> u64 {
        let Some(chunk) = self.bytes.get(base..(base + 64).min(self.bytes.len())) else {
            return 0;
        };
        let (mut starts, mut word) = (0u64, 0u64);
        for (k, eight) in chunk.chunks(8).enumerate() {
            let mut buf = [0u8; 8];
            if let Some(dst) = buf.get_mut(..eight.len()) {
                dst.copy_from_slice(eight);
            }
            let (s, w) = swar_classes(u64::from_le_bytes(buf));
            starts |= u64::from(s) << (8 * k);
            word |= u64::from(w) << (8 * k);
        }
        let prev = base
            .checked_sub(1)
            .and_then(|i| self.bytes.get(i))
            .is_some_and(|&b| ascii_word_byte(b));
        starts & !(word << 1 | u64::from(prev))
    }

    /// Next word start at or after `pos`.
    fn next(&mut self, pos: usize) -> Option<usize> {
        if !self.started || pos >= self.base + 64 {
            self.started = true;
            self.base = pos - pos % 64;
            self.mask = self.block(self.base);
        }
        loop {
            // drop starts before `pos`
            if pos > self.base {
                let skip = (pos - self.base).min(64);
                self.mask &= if skip == 64 { 0 } else { !0u64 << skip };
            }
            if self.mask != 0 {
                let k = self.mask.trailing_zeros() as usize;
                self.mask &= self.mask - 1;
                return Some(self.base + k);
            }
            self.base += 64;
            if self.base >= self.bytes.len() {
                return None;
            }
            self.mask = self.block(self.base);
        }
    }
}

/// The patterns, with each multi-word one also spelt with a line break
/// (`at\nleast`, `at\r\nleast`) as the grammar's [`grammar::gap1`] allows.
fn patterns() -> Vec<String> {
    let mut out = Vec::with_capacity(lexicon::PATTERNS.len() * 2);
    for p in lexicon::PATTERNS {
        out.push((*p).to_string());
        if p.contains(' ') {
            out.push(p.replacen(' ', "\n", 1));
            out.push(p.replacen(' ', "\r\n", 1));
        }
    }
    out
}

/// Next position ≥ `pos` where a word starts (or a `~`).
fn next_word_start(text: &str, pos: usize) -> Option<usize> {
    let tail = text.get(pos..)?;
    let mut prev = text.get(..pos).and_then(|h| h.chars().next_back());
    for (k, c) in tail.char_indices() {
        let starts = (c.is_alphabetic() && !prev.is_some_and(is_word_char)) || c == '~';
        if starts {
            return Some(pos + k);
        }
        prev = Some(c);
    }
    None
}

/// Next ASCII digit at or after `pos`.
fn next_digit(bytes: &[u8], pos: usize) -> Option<usize> {
    let tail = bytes.get(pos..)?;
    // 32-byte blocks without an early exit inside vectorise well
    let mut chunks = tail.chunks_exact(32);
    let mut base = 0;
    for chunk in chunks.by_ref() {
        if chunk
            .iter()
            .fold(false, |acc, b| acc | (b.wrapping_sub(b'0') < 10))
        {
            return chunk
                .iter()
                .position(u8::is_ascii_digit)
                .map(|k| pos + base + k);
        }
        base += 32;
    }
    chunks
        .remainder()
        .iter()
        .position(u8::is_ascii_digit)
        .map(|k| pos + base + k)
}

fn next_char(text: &str, at: usize) -> usize {
    let len = text
        .get(at..)
        .and_then(|t| t.chars().next())
        .map_or(1, char::len_utf8);
    at + len
}

fn run(text: &str, out: &mut Vec<Quantity>, mut next_word: impl FnMut(usize) -> Option<usize>) {
    let bytes = text.as_bytes();
    let mut pos = 0usize;
    let mut last_end = 0usize;
    let (mut word_at, mut words_done) = (None::<usize>, false);
    let (mut digit_at, mut digits_done) = (None::<usize>, false);
    let mut tok = Token::default();
    loop {
        if !words_done && word_at.is_none_or(|w| w < pos) {
            word_at = next_word(pos);
            words_done = word_at.is_none();
        }
        if !digits_done && digit_at.is_none_or(|d| d < pos) {
            digit_at = next_digit(bytes, pos);
            digits_done = digit_at.is_none();
        }
        let (c, is_digit) = match (word_at, digit_at) {
            (None, None) => break,
            (Some(w), None) => (w, false),
            (None, Some(d)) => (d, true),
            (Some(w), Some(d)) => {
                if d < w {
                    (d, true)
                } else {
                    (w, false)
                }
            }
        };
        let step = if is_digit {
            try_digit(text, c, last_end, &mut tok)
        } else {
            try_word(text, c, last_end, &mut tok)
        };
        let after = next_char(text, c);
        match step {
            Step::Hit(q) => {
                pos = q.end.max(after);
                last_end = q.end;
                out.push(q);
            }
            Step::Skip(to) => pos = to.max(after),
            Step::Miss => pos = after,
        }
    }
}

fn quantity(start: usize, h: &grammar::Hit) -> Quantity {
    Quantity {
        start,
        end: start + h.len,
        low: h.low,
        high: h.high,
        qualifier: h.qualifier,
        kind: h.kind,
    }
}

fn identifier(start: usize, end: usize) -> Quantity {
    Quantity {
        start,
        end,
        low: None,
        high: None,
        qualifier: Qualifier::Exact,
        kind: Kind::Identifier,
    }
}

fn try_word(text: &str, c: usize, last_end: usize, tok: &mut Token) -> Step {
    let before = text.get(..c).unwrap_or("");
    let mut prev = before.chars().rev();
    match prev.next() {
        Some(p) if is_word_char(p) => return Step::Miss,
        Some('-') if prev.next().is_some_and(char::is_alphabetic) => return Step::Miss,
        _ => {}
    }
    let Some(rest) = text.get(c..) else {
        return Step::Miss;
    };
    let ctx = Ctx {
        from_word: true,
        ..Ctx::default()
    };
    let Some(h) = grammar::mention(rest, ctx) else {
        return Step::Miss;
    };
    // only hits need their token: inside a URL or file name they are
    // identifiers (with digits) or nothing (`www.one.com`)
    tok.locate(text, c, last_end);
    if tok.urlish {
        return if tok.has_digit {
            Step::Hit(identifier(tok.core_start.max(last_end), tok.core_end))
        } else {
            Step::Skip(tok.end)
        };
    }
    Step::Hit(unglue(text, quantity(c, &h), last_end, tok))
}

fn try_digit(text: &str, d: usize, last_end: usize, tok: &mut Token) -> Step {
    tok.locate(text, d, last_end);
    let id_span = |tok: &Token| {
        let start = tok.core_start.max(last_end).min(d);
        let end = tok.core_end.max(d + 1);
        Step::Hit(identifier(start, end))
    };
    if tok.urlish {
        return id_span(tok);
    }
    let before = text.get(..d).unwrap_or("");
    let mut rev = before.chars().rev();
    let (p1, p2) = (rev.next(), rev.next());
    let glued = match p1 {
        Some(c) if c.is_ascii_digit() => false,
        Some(c) if is_word_char(c) => true,
        Some('@' | '/' | '#' | '\\' | '=' | '+' | '&') => true,
        Some('-' | '\u{2011}') if p2.is_some_and(char::is_alphabetic) => !prefix_allowed(before),
        Some('.') => p2.is_some_and(is_word_char),
        _ => false,
    };
    if glued {
        return id_span(tok);
    }
    let s = lookback(text, d, last_end);
    let ctx = Ctx {
        year_prep: year_preposition_before(text, s),
        from_word: false,
        clause_start: clause_start_before(text, s),
    };
    let attempt = |at: usize| {
        text.get(at..)
            .and_then(|t| grammar::mention(t, ctx))
            .map(|h| (at, h))
    };
    let hit = attempt(s).or_else(|| if s != d { attempt(d) } else { None });
    let Some((start, h)) = hit else {
        // unreachable in practice (bare digits always parse): keep the run
        let run_end = next_non_digit(text.as_bytes(), d);
        return Step::Hit(identifier(d, run_end));
    };
    Step::Hit(unglue(text, quantity(start, &h), last_end, tok))
}

fn next_non_digit(bytes: &[u8], d: usize) -> usize {
    bytes
        .get(d..)
        .and_then(|t| t.iter().position(|b| !b.is_ascii_digit()))
        .map_or(bytes.len(), |k| d + k)
}

/// A mention ending in a digit that runs on into letters (`7one`, `49Hqit…`)
/// or whose last digit sits in a URL or file name is an identifier: the
/// whole token, from no earlier than `last_end`.
fn unglue(text: &str, q: Quantity, last_end: usize, tok: &mut Token) -> Quantity {
    let ends_in_digit = q.end > 0
        && text
            .as_bytes()
            .get(q.end - 1)
            .is_some_and(u8::is_ascii_digit);
    if q.kind == Kind::Identifier || !ends_in_digit {
        return q;
    }
    tok.locate(text, q.end - 1, last_end);
    if !tok.urlish && !glued_after(text, q.end) {
        return q;
    }
    let start = tok.core_start.max(last_end).min(q.end - 1);
    identifier(start, tok.core_end.max(q.end))
}

/// Letters or `@` right after a numeric mention (`49Hqit…`, `4x4`, `5G`),
/// or `.`/`/`/`:` leading on to more (`1.2.3`, `24/7`, `3:1`).
fn glued_after(text: &str, end: usize) -> bool {
    let mut it = text.get(end..).unwrap_or("").chars();
    match (it.next(), it.next()) {
        (Some(c), _) if is_word_char(c) || c == '@' => true,
        (Some('.'), Some(n)) => n.is_ascii_digit() || n.is_lowercase(),
        (Some('/' | ':'), Some(n)) => n.is_alphanumeric(),
        _ => false,
    }
}

/// `mid-2020` is a year; `COVID-19`, `F-16`, `Su-25` are identifiers.
fn prefix_allowed(before: &str) -> bool {
    let head = before.strip_suffix(['-', '\u{2011}']).unwrap_or(before);
    let word_start = head
        .char_indices()
        .rev()
        .take(16)
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(head.len(), |(k, _)| k);
    let word = head.get(word_start..).unwrap_or("");
    let preceded_by_word = head
        .get(..word_start)
        .and_then(|h| h.chars().next_back())
        .is_some_and(is_word_char);
    !preceded_by_word && lexicon::is_number_prefix(word)
}

/// A currency sign (`$`, `US$`, `€`, `Rs`, `USD`...) or a `.` (`.40`) just
/// before the digits at `d`: the grammar starts there instead.
fn lookback(text: &str, d: usize, floor: usize) -> usize {
    const SIGNS: &[&str] = &[
        "US$", "A$", "C$", "HK$", "NZ$", "$", "\u{20ac}", "\u{a3}", "\u{a5}", "\u{20b9}", "Rs.",
        "Rs", "USD", "EUR", "GBP", "RUB", "AZN", "INR", "UAH",
    ];
    let Some(before) = text.get(floor.min(d)..d) else {
        return d;
    };
    let base = floor.min(d);
    let (b, spaced) = match before.strip_suffix([' ', '\u{a0}']) {
        Some(b) => (b, true),
        None => (before, false),
    };
    for sign in SIGNS {
        let n = sign.len();
        let Some(at) = b.len().checked_sub(n) else {
            continue;
        };
        let matches = b
            .as_bytes()
            .get(at..)
            .is_some_and(|t| t.eq_ignore_ascii_case(sign.as_bytes()));
        if !matches || !b.is_char_boundary(at) {
            continue;
        }
        let lettered = sign.as_bytes().first().is_some_and(u8::is_ascii_alphabetic);
        let glued_before = b
            .get(..at)
            .and_then(|h| h.chars().next_back())
            .is_some_and(is_word_char);
        if lettered && glued_before {
            continue;
        }
        return base + at;
    }
    if !spaced && before.ends_with('.') {
        let prev = before
            .get(..before.len() - 1)
            .and_then(|h| h.chars().next_back());
        if !prev.is_some_and(is_word_char) {
            return d - 1;
        }
    }
    d
}

/// Does a clause start at `s`: only whitespace back to the start of the
/// text or to `.`, `!`, `?`, `;`, `:`, a quote, a bracket or a line break?
fn clause_start_before(text: &str, s: usize) -> bool {
    let before = text.get(..s).unwrap_or("");
    for c in before.chars().rev().take(8) {
        match c {
            '\n' | '.' | '!' | '?' | ';' | ':' | '"' | '\u{201c}' | '(' | '[' => return true,
            c if c.is_whitespace() => continue,
            _ => return false,
        }
    }
    before.trim().is_empty()
}

/// Is the word before `s` one that makes a 4-digit number a year
/// (`in`, `since`, `mid-`)?
fn year_preposition_before(text: &str, s: usize) -> bool {
    let before = text.get(..s).unwrap_or("");
    let mut end = before.len();
    for (k, c) in before.char_indices().rev().take(3) {
        if c.is_whitespace() || c == '-' {
            end = k;
        } else {
            break;
        }
    }
    if end == before.len() {
        return false;
    }
    let head = before.get(..end).unwrap_or("");
    let start = head
        .char_indices()
        .rev()
        .take(12)
        .take_while(|(_, c)| c.is_ascii_alphabetic())
        .last()
        .map_or(end, |(k, _)| k);
    head.get(start..).is_some_and(lexicon::is_year_preposition)
}

/// The whitespace-delimited token around a candidate, computed once per
/// token (so a 1 MB line without spaces is still scanned in linear time).
#[derive(Debug, Default)]
struct Token {
    valid: bool,
    start: usize,
    end: usize,
    /// The token without surrounding brackets, quotes and punctuation.
    core_start: usize,
    core_end: usize,
    /// URL, e-mail, handle, file name, or `_`-joined code.
    urlish: bool,
    has_digit: bool,
}

const LEAD: &[char] = &[
    '(', '[', '{', '<', '"', '\'', '\u{201c}', '\u{2018}', '\u{ab}', '*',
];
const TRAIL: &[char] = &[
    ')', ']', '}', '>', '"', '\'', '\u{201d}', '\u{2019}', '\u{bb}', '.', ',', ';', ':', '!', '?',
    '*',
];

impl Token {
    fn locate(&mut self, text: &str, p: usize, floor: usize) {
        if self.valid && self.start <= p && p < self.end {
            return;
        }
        let bytes = text.as_bytes();
        let mut lo = floor.min(p);
        if self.valid && self.end <= p {
            lo = lo.max(self.end);
        }
        let mut start = bytes
            .get(lo..p)
            .and_then(|b| b.iter().rposition(u8::is_ascii_whitespace))
            .map_or(lo, |k| lo + k + 1);
        let mut end = bytes
            .get(p..)
            .and_then(|b| b.iter().position(u8::is_ascii_whitespace))
            .map_or(bytes.len(), |k| p + k);
        // A URL starting inside the token (`[here](https://…)`) splits it:
        // the part before and the URL are classified separately. Each split
        // shrinks the range, and a URL at the start cannot split again.
        loop {
            let (tok, url_at) = classify(text, start, end);
            match url_at {
                Some(u) if u > start && u < end => {
                    if p < u {
                        end = u;
                    } else {
                        start = u;
                    }
                }
                _ => {
                    *self = tok;
                    return;
                }
            }
        }
    }
}

/// Classify `text[start..end]`; also where a URL begins inside it, when it
/// begins at a word start after the first character.
fn classify(text: &str, start: usize, end: usize) -> (Token, Option<usize>) {
    let whole = text.get(start..end).unwrap_or("");
    // one pass over the bytes: which special characters occur?
    let (mut colon, mut at, mut under, mut dot, mut digit, mut high) =
        (false, false, false, false, false, false);
    for &b in whole.as_bytes() {
        match b {
            b':' => colon = true,
            b'@' => at = true,
            b'_' => under = true,
            b'.' => dot = true,
            b'0'..=b'9' => digit = true,
            0x80.. => high = true,
            _ => {}
        }
    }
    let plain_ends = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric());
    let wb = whole.as_bytes();
    let (core_l, core) = if !high && plain_ends(wb.first()) && plain_ends(wb.last()) {
        (whole, whole)
    } else {
        let l = whole.trim_start_matches(LEAD);
        (l, l.trim_end_matches(TRAIL))
    };
    let core_start = start + (whole.len() - core_l.len());
    let core_end = core_start + core.len();
    let mut urlish = at || under;
    let mut url_at = None;
    if colon && let Some(k) = core.find("://") {
        urlish = true;
        let scheme = core
            .get(..k)
            .unwrap_or("")
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_alphabetic())
            .last()
            .map_or(k, |(j, _)| j);
        if scheme > 0 && at_word_start(core, scheme) {
            url_at = Some(core_start + scheme);
        }
    } else if dot && let Some(k) = find_ci(core, "www.") {
        urlish = true;
        if k > 0 && at_word_start(core, k) {
            url_at = Some(core_start + k);
        }
    } else if dot
        && !urlish
        && let Some((stem, ext)) = core.rsplit_once('.')
    {
        urlish = !stem.is_empty() && lexicon::is_file_extension(ext);
    }
    let has_digit = digit && core.bytes().any(|b| b.is_ascii_digit());
    let tok = Token {
        valid: true,
        start,
        end,
        core_start,
        core_end,
        urlish,
        has_digit,
    };
    (tok, url_at)
}

/// Does a word start at byte `k` of `s` (no letter or digit just before)?
fn at_word_start(s: &str, k: usize) -> bool {
    !s.get(..k)
        .and_then(|h| h.chars().next_back())
        .is_some_and(char::is_alphanumeric)
}

fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let n = needle.len();
    hay.as_bytes()
        .windows(n)
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Scalar definition of what [`WordStarts`] finds.
    fn naive(bytes: &[u8]) -> Vec<usize> {
        (0..bytes.len())
            .filter(|&i| {
                let b = bytes[i];
                let starts = b.is_ascii_alphabetic() || b == b'~';
                starts && !(i > 0 && ascii_word_byte(bytes[i - 1]))
            })
            .collect()
    }

    fn all(bytes: &[u8], from: usize) -> Vec<usize> {
        let mut ws = WordStarts::new(bytes);
        let mut out = Vec::new();
        let mut pos = from;
        while let Some(p) = ws.next(pos) {
            out.push(p);
            pos = p + 1;
        }
        out
    }

    #[test]
    fn swar_matches_scalar_classes() {
        for b in 0..=255u8 {
            let v = u64::from_le_bytes([b, b' ', b, 0xC3, b, b'a', b'_', b]);
            let (s, w) = swar_classes(v);
            for (k, &x) in v.to_le_bytes().iter().enumerate() {
                let start = x.is_ascii_alphabetic() || x == b'~';
                assert_eq!(s >> k & 1 == 1, start, "start {x:#x}");
                assert_eq!(w >> k & 1 == 1, ascii_word_byte(x), "word {x:#x}");
            }
        }
    }

    #[test]
    fn word_starts_match_naive() {
        let mut text = Vec::new();
        let mut x = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..5000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let choices = b"ab Z_9~-.\n\xc3\xa9x";
            text.push(choices[(x % choices.len() as u64) as usize]);
        }
        for from in [0, 1, 63, 64, 65, 200, 4999, 5000, 6000] {
            let want: Vec<usize> = naive(&text).into_iter().filter(|&p| p >= from).collect();
            assert_eq!(all(&text, from), want, "from {from}");
        }
        // jumping ahead mid-iteration
        let mut ws = WordStarts::new(&text);
        let first = ws.next(0);
        let later = ws.next(1000);
        assert_eq!(first, naive(&text).first().copied());
        assert_eq!(later, naive(&text).into_iter().find(|&p| p >= 1000));
    }

    #[test]
    fn prefilter_passes_every_pattern() {
        let pats = patterns();
        let pf = Prefilter::new(&pats);
        for p in &pats {
            assert!(pf.allows(p.as_bytes(), 0), "{p:?}");
            let upper = p.to_ascii_uppercase();
            assert!(pf.allows(upper.as_bytes(), 0), "{upper:?}");
        }
        assert!(!pf.allows(b"the", 0));
        assert!(!pf.allows(b"was", 0));
    }
}
