//! Words and sentences: the tokenizer the rules and the extractor share, so
//! a phrase in `rules.toml` and the same phrase in an article split alike.

use std::borrow::Cow;
use std::ops::Range;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    /// `'s` or `’s` split off a word: `Azerbaijan's` → `Azerbaijan`, `'s`.
    Possessive,
    /// Any other non-space character: punctuation, quotes, symbols.
    Punct,
}

/// One token of a text, with its byte span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// Lowercase form, with curly apostrophes made straight (borrowed from
    /// the text when it is that already, which is most words).
    pub lower: Cow<'a, str>,
    pub kind: TokKind,
}

impl Tok<'_> {
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct && self.text.starts_with(c)
    }
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Past this many tokens a sentence is cut: a megabyte without punctuation
/// is not prose, and the clause grammar's work stays linear in it.
pub const MAX_SENTENCE_TOKENS: usize = 400;

/// Tokens of `text` (which starts at byte `base` of its document).
///
/// Words are runs of letters and digits joined by inner `-`, `'`, `’`, `.`
/// (`one-year-old`, `don't`, `U.S.`, `6,500` is three tokens: numbers are
/// the number grammar's business, not this one's).
pub fn tokenize(text: &str, base: usize) -> Vec<Tok<'_>> {
    let mut toks = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if !is_word_char(c) {
            push(&mut toks, text, base, i, i + c.len_utf8(), TokKind::Punct);
            continue;
        }
        let mut end = i + c.len_utf8();
        loop {
            match chars.peek().copied() {
                Some((j, d)) if is_word_char(d) => {
                    end = j + d.len_utf8();
                    chars.next();
                }
                Some((j, d @ ('-' | '\'' | '’' | '.'))) => {
                    let after = text.get(j + d.len_utf8()..).and_then(|r| r.chars().next());
                    let joins = match d {
                        // U.S. and acronyms: a period joins single letters.
                        '.' => after.is_some_and(char::is_alphabetic) && end - i <= 1,
                        _ => after.is_some_and(is_word_char),
                    };
                    if !joins {
                        break;
                    }
                    chars.next();
                    end = j + d.len_utf8();
                }
                _ => break,
            }
        }
        // A trailing period after dotted single letters belongs to them (U.S.).
        if let Some((j, '.')) = chars.peek().copied()
            && end - i >= 3
            && text.as_bytes().get(i + 1) == Some(&b'.')
        {
            chars.next();
            end = j + 1;
        }
        let Some(word) = text.get(i..end) else {
            continue;
        };
        // Split possessive 's and negation n't so "its"/"it's" and "didn't" read right.
        let curly_s = word.ends_with("’s") || word.ends_with("’S");
        let straight_s = word.ends_with("'s") || word.ends_with("'S");
        let curly_nt = word.ends_with("n’t") || word.ends_with("N’T");
        let straight_nt = word.ends_with("n't") || word.ends_with("N'T");
        if (curly_s && word.len() > 4) || (straight_s && word.len() > 2) {
            let cut = end - if curly_s { 4 } else { 2 };
            push(&mut toks, text, base, i, cut, TokKind::Word);
            push(&mut toks, text, base, cut, end, TokKind::Possessive);
        } else if (curly_nt && word.len() > 5) || (straight_nt && word.len() > 3) {
            let cut = end - if curly_nt { 5 } else { 3 };
            push(&mut toks, text, base, i, cut, TokKind::Word);
            push(&mut toks, text, base, cut, end, TokKind::Word);
        } else {
            push(&mut toks, text, base, i, end, TokKind::Word);
        }
        if toks.len() >= MAX_SENTENCE_TOKENS * 4 {
            break;
        }
    }
    toks
}

fn push<'a>(
    toks: &mut Vec<Tok<'a>>,
    text: &'a str,
    base: usize,
    start: usize,
    end: usize,
    kind: TokKind,
) {
    let Some(slice) = text.get(start..end) else {
        return;
    };
    toks.push(Tok {
        start: base + start,
        end: base + end,
        text: slice,
        lower: if slice.chars().any(|c| c.is_uppercase() || c == '’') {
            Cow::Owned(slice.to_lowercase().replace('’', "'"))
        } else {
            Cow::Borrowed(slice)
        },
        kind,
    });
}

/// Month names, in order: the one table of them (dates in headers, dates
/// in sentences).
pub const FULL_MONTHS: [&str; 12] = [
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
];

/// The month a word names (`November`, `Nov.`, `Sept`), 1-based.
pub fn month_number(word: &str) -> Option<i8> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    let found = FULL_MONTHS.iter().position(|m| {
        *m == w || w.len() == 3 && m.starts_with(w.as_str()) || w == "sept" && *m == "september"
    })?;
    i8::try_from(found + 1).ok()
}

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "maj", "cpl", "pvt", "gov",
    "sen", "rep", "rev", "prof", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft",
    "approx", "est", "dept", "u.s", "u.k", "u.n", "a.m", "p.m", "e.g", "i.e", "sgt", "det", "ofc",
    "lt.col", "brig", "adm", "cmdr",
];

/// A sentence's byte range, and whether it ends a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub range: Range<usize>,
    /// Index of the paragraph (blank-line separated block) it belongs to.
    pub paragraph: usize,
}

/// Sentences of a text. A line break always ends a sentence (scraped text
/// puts headlines, captions and bylines on lines of their own); a blank
/// line also ends the paragraph. Within a line, `.`, `!` or `?` followed by
/// a space and an upper-case letter, digit or quote ends a sentence, unless
/// the word before is a known abbreviation or a single capital (`J. Smith`).
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let line_end = line_start + line.len();
        let content = line.trim_end();
        if content.trim().is_empty() {
            paragraph += 1;
            line_start = line_end;
            continue;
        }
        let mut start = line_start;
        // Sentence ends are ASCII bytes, found with memchr; `resume` skips
        // the closing quotes already taken into the previous candidate.
        let mut resume = 0;
        for i in memchr::memchr3_iter(b'.', b'!', b'?', content.as_bytes()) {
            if i < resume {
                continue;
            }
            let c = content.as_bytes().get(i).copied().map_or('.', char::from);
            let abs = line_start + i;
            // include closing quotes/brackets
            let mut end = abs + 1;
            for d in content.get(i + 1..).unwrap_or_default().chars() {
                if matches!(d, '"' | '”' | '’' | '\'' | ')' | ']') {
                    end += d.len_utf8();
                } else {
                    break;
                }
            }
            resume = end - line_start;
            let rest = text
                .get(end..line_start + content.len())
                .unwrap_or_default();
            let mut rest_chars = rest.chars();
            let Some(space) = rest_chars.next() else {
                break;
            };
            if !space.is_whitespace() {
                continue;
            }
            let next = rest.trim_start().chars().next();
            // Anything but a lowercase word or a clause's punctuation opens
            // a sentence: `~1,000 died`, `$5 million`, `#MeToo` as well as
            // capitals, digits and quotes (`approx. five` goes on).
            let starts_new = next.is_some_and(|n| {
                !(n.is_lowercase() || matches!(n, ',' | ';' | ':' | ')' | ']' | '.' | '-'))
            });
            if !starts_new || c == '.' && text.get(start..abs).is_some_and(is_abbreviation) {
                continue;
            }
            push_sentence(&mut out, text, start, end, paragraph);
            start = end;
        }
        push_sentence(&mut out, text, start, line_start + content.len(), paragraph);
        line_start = line_end;
    }
    out
}

/// A longer "sentence" is not prose (a page without punctuation): it is
/// cut at spaces, so quotes and the clause grammar's work stay bounded.
pub const MAX_SENTENCE_BYTES: usize = 4096;

fn push_sentence(out: &mut Vec<Sentence>, text: &str, start: usize, end: usize, paragraph: usize) {
    let mut start = start;
    while end > start + MAX_SENTENCE_BYTES {
        let mut cut = start + MAX_SENTENCE_BYTES;
        while cut > start && !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let window = text.get(start..cut).unwrap_or_default();
        let at = window
            .rfind(char::is_whitespace)
            .filter(|&i| i > 0)
            .map_or(cut, |i| start + i);
        push_one(out, text, start, at, paragraph);
        start = at;
    }
    push_one(out, text, start, end, paragraph);
}

fn push_one(out: &mut Vec<Sentence>, text: &str, start: usize, end: usize, paragraph: usize) {
    let Some(s) = text.get(start..end) else {
        return;
    };
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if trimmed.is_empty() {
        return;
    }
    out.push(Sentence {
        range: start + lead..start + lead + trimmed.len(),
        paragraph,
    });
}

fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("")
        .trim_end_matches('.');
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true;
    }
    // abbreviations are short; longer words need no lowercasing
    word.len() <= 7 && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// 1-based line and column (in chars) of a byte offset; offsets past the end
/// or inside a character are moved back to the nearest character start.
pub fn line_col(text: &str, byte: usize) -> (usize, usize) {
    let mut byte = byte.min(text.len());
    while !text.is_char_boundary(byte) {
        byte -= 1;
    }
    let before = text.get(..byte).unwrap_or_default();
    let line = memchr::memchr_iter(b'\n', before.as_bytes()).count() + 1;
    let this_line = before.rsplit_once('\n').map_or(before, |(_, l)| l);
    (line, this_line.chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        tokenize(s, 0)
            .into_iter()
            .map(|t| t.lower.into_owned())
            .collect()
    }

    #[test]
    fn possessives_and_negations_split() {
        assert_eq!(
            words("Azerbaijan's army didn't"),
            ["azerbaijan", "'s", "army", "did", "n't"]
        );
        assert_eq!(words("Armenia’s"), ["armenia", "'s"]);
    }

    #[test]
    fn hyphens_and_acronyms_join() {
        assert_eq!(
            words("a one-year-old U.S. soldier."),
            ["a", "one-year-old", "u.s.", "soldier", "."]
        );
    }

    #[test]
    fn sentences_split_on_periods_and_lines() {
        let text = "Mr. Smith said 5 died. Police came.\nA new line\n\nNew paragraph.";
        let s: Vec<_> = sentences(text)
            .into_iter()
            .map(|s| (&text[s.range], s.paragraph))
            .collect();
        assert_eq!(
            s,
            [
                ("Mr. Smith said 5 died.", 0),
                ("Police came.", 0),
                ("A new line", 0),
                ("New paragraph.", 1)
            ]
        );
    }

    #[test]
    fn a_sentence_may_open_with_a_sign() {
        // found by the testing kit: a denial before `~1,000` cancelled it
        let text = "Two died. ~1,000 fled. $5 million was paid. Approx. five left.";
        let s: Vec<&str> = sentences(text)
            .into_iter()
            .map(|s| &text[s.range])
            .collect();
        assert_eq!(
            s,
            [
                "Two died.",
                "~1,000 fled.",
                "$5 million was paid.",
                "Approx. five left."
            ]
        );
    }

    #[test]
    fn line_index_checkpoints_agree_on_long_lines() {
        let text = format!("a\n{}\nz", "é word ".repeat(3000));
        let index = LineIndex::new(&text);
        for b in (0..text.len()).step_by(97) {
            assert_eq!(index.line_col(&text, b), line_col(&text, b), "byte {b}");
        }
    }

    #[test]
    fn line_index_agrees_with_line_col() {
        let text = "ab\nçd\n\nx";
        let index = LineIndex::new(text);
        for b in 0..=text.len() + 2 {
            assert_eq!(index.line_col(text, b), line_col(text, b), "byte {b}");
        }
    }

    #[test]
    fn decimals_do_not_split() {
        let text = "About 2.5 million fled. Then 3 died.";
        assert_eq!(sentences(text).len(), 2);
    }
}

/// Line starts of a text, built once, so many offsets can be placed on
/// lines in logarithmic time rather than by rescanning the text.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// In lines longer than [`CHECKPOINT`] bytes: (byte, chars since the
    /// line's start) every [`CHECKPOINT`] bytes, so a column is counted from
    /// the nearest checkpoint, not from the start of a megabyte-long line.
    checkpoints: Vec<(usize, usize)>,
}

const CHECKPOINT: usize = 4096;

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let mut checkpoints = Vec::new();
        for (n, &start) in starts.iter().enumerate() {
            let end = starts.get(n + 1).copied().unwrap_or(text.len());
            if end - start <= CHECKPOINT {
                continue;
            }
            let mut next = start + CHECKPOINT;
            for (chars, (i, _)) in text
                .get(start..end)
                .unwrap_or_default()
                .char_indices()
                .enumerate()
            {
                if start + i >= next {
                    checkpoints.push((start + i, chars));
                    next = start + i + CHECKPOINT;
                }
            }
        }
        LineIndex {
            starts,
            checkpoints,
        }
    }

    /// 1-based line and column (in chars) of a byte offset of `text` (the
    /// text this index was built from).
    pub fn line_col(&self, text: &str, byte: usize) -> (usize, usize) {
        let mut byte = byte.min(text.len());
        while !text.is_char_boundary(byte) {
            byte -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= byte).max(1);
        let start = self.starts.get(line - 1).copied().unwrap_or(0).min(byte);
        let k = self.checkpoints.partition_point(|&(b, _)| b <= byte);
        let (from, before) = match k.checked_sub(1).and_then(|k| self.checkpoints.get(k)) {
            Some(&(b, chars)) if b >= start => (b, chars),
            _ => (start, 0),
        };
        (
            line,
            before + text.get(from..byte).map_or(0, |s| s.chars().count()) + 1,
        )
    }
}
