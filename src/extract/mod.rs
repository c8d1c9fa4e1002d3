//! Stage 2: claims. Each count or percentage whose clause says something
//! happened to people becomes a [`Claim`]: its category, the victims' party
//! and population, who said it, hedges, when, and the quote.
//!
//! The work is per sentence. One Aho-Corasick pass over the text finds the
//! sentences that hold a key word of some category (`killed`, `hospital`,
//! `hostages`) or a percent cue; only those are scanned for numbers,
//! tokenized and parsed. That is what keeps extraction fast on ordinary
//! news, where most sentences report nothing of the kind.

mod attribution;
mod claim;
mod clause;
mod cues;
mod figures;
mod identity;
mod incidents;
mod people;
mod speaker;
mod time;

pub use claim::{Claim, Counts, Derivation, Gender, Person, Reference};
pub use identity::Identity;

pub(crate) use time::sentence_time;
pub use time::{EventTime, ParseEventTimeError};

use crate::document::Document;
use crate::number::{self, Kind, Qualifier, Quantity};
use crate::rules::{PopulationRole, Role, Rules, Shape, Tag, Word};
use crate::text::{self, Tok, TokKind};
use clause::{Ann, Toks, ann_before, is_at, predicate};
use cues::{Cues, Hit};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Whether a sentence states when its events happened, as the extractor
/// reads it against the publication date.
fn states_time(sentence: &str, published: Option<jiff::civil::Date>) -> bool {
    // Word cues (`today`, `on Tuesday`) need no number scan.
    sentence_time(sentence, 0, &[], published).is_some()
        || sentence_time(sentence, 0, &number::scan(sentence), published).is_some()
}

/// Options of the extractor. The default skips reader comments.
///
/// ```
/// let mut options = recount::ExtractOptions::default();
/// options.include_comments = true;
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ExtractOptions {
    /// Read reader comments too (they are marked, and skipped by default).
    pub include_comments: bool,
}

/// Turns documents into claims with one set of rules. Build it once.
#[derive(Debug, Clone)]
pub struct Extractor {
    rules: Rules,
    options: ExtractOptions,
    /// What a sentence must hold to be read; `None` reads every sentence.
    cues: Option<Cues>,
    /// The phrases that say which incident a sentence is about.
    incident_cues: incidents::IncidentCues,
    percent_category: Option<u16>,
}

impl Extractor {
    pub fn new(rules: Rules, options: ExtractOptions) -> Extractor {
        let cues = Cues::new(&rules);
        let percent_category = rules.category_with(Role::Percent);
        Extractor {
            incident_cues: incidents::IncidentCues::new(&rules),
            rules,
            options,
            cues,
            percent_category,
        }
    }

    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// What identifies the incident the document reports: where, when,
    /// who, what (for clustering documents into incidents).
    pub(crate) fn identity(&self, doc: &Document) -> Identity {
        identity::identity(&self.rules, doc, identity::incident_date(doc))
    }

    /// Every claim the document states, in text order.
    ///
    /// A long document is cut at paragraph breaks into pieces that are read
    /// in parallel: no figure, sentence or reported speech crosses a blank
    /// line, so the pieces give what the whole would.
    pub fn extract(&self, doc: &Document) -> Vec<Claim> {
        let mut claims = self.title_claims(doc);
        claims.extend(self.text_claims(doc));
        incidents::assign(&self.rules, &self.incident_cues, doc, &mut claims);
        claims
    }

    /// The claims of the document's text.
    fn text_claims(&self, doc: &Document) -> Vec<Claim> {
        let lines = text::LineIndex::new(&doc.text);
        let mut noise = doc.noise.clone();
        noise.sort_by_key(|r| r.start);
        let mut comments = doc.comments.clone();
        comments.sort_by_key(|r| r.start);
        let regions = Regions { noise, comments };
        let pieces = paragraph_pieces(&doc.text, PIECE_BYTES);
        if pieces.len() <= 1 {
            return self.extract_piece(doc, &lines, &regions, 0..doc.text.len());
        }
        pieces
            .into_par_iter()
            .map(|piece| self.extract_piece(doc, &lines, &regions, piece))
            .collect::<Vec<_>>()
            .concat()
    }

    /// The claims of the document's title, when its text does not open
    /// with it (a JSON Lines record's `title`, an HTML page's headline):
    /// headlines state figures too (`5 hurt as …`). Their offsets are
    /// into the title, on line 0.
    fn title_claims(&self, doc: &Document) -> Vec<Claim> {
        let Some(title) = doc
            .title
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
        else {
            return Vec::new();
        };
        // `Headline - Outlet`: the text may open with the headline alone
        let headline = [" - ", " | ", " — ", " – "]
            .iter()
            .filter_map(|sep| title.rsplit_once(sep).map(|(h, _)| h))
            .min_by_key(|h| h.len())
            .unwrap_or(title);
        let opening = doc.text.trim_start();
        if opening.starts_with(title) || opening.starts_with(headline.trim()) {
            return Vec::new();
        }
        let heading = Document {
            text: title.to_string(),
            noise: Vec::new(),
            comments: Vec::new(),
            ..doc.clone_without_text()
        };
        let mut claims = self.text_claims(&heading);
        for c in &mut claims {
            c.in_title = true;
            c.line = 0;
        }
        claims
    }

    fn extract_piece(
        &self,
        doc: &Document,
        lines: &text::LineIndex,
        regions: &Regions,
        piece: Range<usize>,
    ) -> Vec<Claim> {
        let Some(piece_text) = doc.text.get(piece.clone()) else {
            return Vec::new();
        };
        let base = piece.start;
        let hits = self.cue_hits(piece_text);
        let mut sentences = text::sentences(piece_text);
        for s in &mut sentences {
            s.range = s.range.start + base..s.range.end + base;
        }
        let mut claims = Vec::new();
        let mut qs: Vec<Quantity> = Vec::new();
        let mut next_hit = hits.iter().peekable();
        for (si, sentence) in sentences.iter().enumerate() {
            // A sentence is read only if a cue falls in it: most sentences
            // of most news are skipped here, before the number grammar runs.
            let mut hit: Option<Hit> = None;
            while let Some(&(at, kind)) = next_hit.next_if(|(at, _)| at + base < sentence.range.end)
            {
                if at + base >= sentence.range.start {
                    hit = hit.max(Some(kind));
                }
            }
            let Some(hit) = hit else {
                continue;
            };
            let Some(sentence_text) = doc.text.get(sentence.range.clone()) else {
                continue;
            };
            let in_comments = within(&regions.comments, sentence.range.start);
            if within(&regions.noise, sentence.range.start)
                || in_comments && !self.options.include_comments
            {
                continue;
            }
            qs.clear();
            number::scan_into(sentence_text, &mut qs);
            for x in &mut qs {
                x.start += sentence.range.start;
                x.end += sentence.range.start;
            }
            if hit == Hit::Percent && !qs.iter().any(|x| x.kind == Kind::Percent) {
                continue;
            }
            let analysis = self.analyse(
                doc,
                lines,
                &sentences,
                si,
                sentence_text,
                sentence.range.start,
                &qs,
            );
            claims.extend(analysis.into_iter().map(|mut c| {
                c.in_comments = in_comments;
                c
            }));
        }
        claims
    }

    fn annotate<'a>(&self, toks: Vec<Tok<'a>>, qs: &[Quantity]) -> Vec<Ann<'a>> {
        let mut anns: Vec<Ann<'a>> = Vec::with_capacity(toks.len());
        let mut qi = 0;
        for (i, tok) in toks.iter().enumerate() {
            while qs.get(qi).is_some_and(|x| x.end <= tok.start) {
                qi += 1;
            }
            let quantity = qs
                .get(qi)
                .filter(|x| {
                    x.start <= tok.start && tok.end <= x.end
                        || x.start < tok.end && tok.start < x.end
                })
                .map(|_| qi);
            let countable = quantity
                .and_then(|k| qs.get(k))
                .is_some_and(|x| matches!(x.kind, Kind::Count | Kind::Percent));
            let (words, matches) =
                self.rules
                    .lexicon
                    .lookup_at(&toks, i, !(quantity.is_some() && countable));
            let age = None;
            anns.push(Ann {
                tok: tok.clone(),
                matches,
                quantity,
                countable,
                words,
                age,
            });
        }
        mark_ages(&mut anns, qs);
        anns
    }

    /// One sentence that holds a cue: its tokens annotated, the figures
    /// found in them, and each figure attributed.
    #[allow(clippy::too_many_arguments)]
    fn analyse(
        &self,
        doc: &Document,
        lines: &text::LineIndex,
        sentences: &[text::Sentence],
        si: usize,
        sentence: &str,
        base: usize,
        qs: &[Quantity],
    ) -> Vec<Claim> {
        let anns = self.annotate(text::tokenize(sentence, base), qs);
        let found = self.find(&anns, qs);
        if found.is_empty() {
            return Vec::new();
        }
        let at = attribution::Sentence {
            doc,
            lines,
            sentences,
            index: si,
            text: sentence,
            base,
            quantities: qs,
            anns: &anns,
        };
        self.attribute(&at, found)
    }

    /// The figures a sentence states, in token order: numbers with their
    /// clauses, one-person mentions, lists, a headline's bare figure.
    fn find(&self, anns: &[Ann], qs: &[Quantity]) -> Vec<Found> {
        let mut found: Vec<Found> = Vec::new();
        let mut k = 0;
        while let Some(a) = anns.get(k) {
            let Some(qi) = a.quantity else {
                if let Some(f) = self
                    .including_claim(anns, k, found.last())
                    .or_else(|| self.pair_claim(anns, k))
                    .or_else(|| self.single_claim(anns, k))
                    .or_else(|| self.multiple_claim(anns, k))
                    .or_else(|| self.own_claim(anns, k))
                {
                    found.push(f);
                }
                k += 1;
                continue;
            };
            let mut end = k;
            while anns.get(end).is_some_and(|t| t.quantity == Some(qi)) {
                end += 1;
            }
            if let Some(qty) = qs.get(qi)
                && qty.kind == Kind::Measure
                && let Some(f) = self.age_claim(anns, k, end)
            {
                found.push(f);
                k = end.max(k + 1);
                continue;
            }
            let cancelled = cancelled_before(anns, k);
            if !cancelled
                && let Some(qty) = qs.get(qi)
                && let Some(f) = self
                    .number_claim(anns, k, end, qty)
                    .or_else(|| self.subset_claim(anns, k, end, qty, found.last()))
            {
                // `three more bodies were found`: an increment, not a
                // figure — unless it continues a figure of another
                // category (`seven died and 10 more were wounded`).
                let increment =
                    f.np.increment && found.last().is_none_or(|p| p.category == f.category);
                // `two of the injured`: a subset of another figure.
                let mut f = f;
                // `50 people were hurt, 12 of them seriously`: a part of the
                // figure before it of the same category (`four were shot,
                // one of them fatally` is the killed figure)
                let of_them =
                    f.np.of_them && found.last().is_some_and(|p| p.category == f.category);
                if increment || f.np.partitive || of_them {
                    f.counts = Counts::Part;
                } else if f.counts == Counts::Total
                    && f.np.continuation
                    && !f.np.increment
                    && !f.np.elided
                {
                    f.counts = Counts::More;
                }
                found.push(f);
            }
            k = end.max(k + 1);
        }
        mark_lists(anns, &mut found);
        if let Some(f) = self.headline_claim(anns) {
            found.insert(0, f);
        }
        // `he killed himself`, `Smith then took his own life`: the one who
        // did it to themselves is the attacker, however the subject names
        // them
        let perpetrator = self.rules.population_with(PopulationRole::Perpetrator);
        if let Some(own) = found
            .iter()
            .find(|f| f.shape == Shape::Own)
            .map(|f| (f.tok, f.category))
        {
            for f in found.iter_mut() {
                if f.counts == Counts::Person && f.category == own.1 && f.tok < own.0 {
                    f.np.population = perpetrator.or(f.np.population);
                    f.np.population_adjective = None;
                }
            }
        }
        // `He was taken to a hospital, where he later died`: one person,
        // killed — not also wounded.
        let killed = self.rules.category_with(Role::Killed);
        let single = |f: &Found| f.low == Some(1.0) && f.high == Some(1.0) && f.np.singular;
        let by_pronoun = |f: &Found| anns.get(f.tok).is_some_and(|t| t.is(Word::PersonPronoun));
        let victim = |f: &Found| perpetrator.is_none() || f.np.population != perpetrator;
        if found
            .iter()
            .any(|f| Some(f.category) == killed && single(f) && by_pronoun(f) && victim(f))
        {
            let hurt: Vec<u16> = [Role::Wounded, Role::Shot]
                .into_iter()
                .filter_map(|r| self.rules.category_with(r))
                .collect();
            found.retain(|f| !(hurt.contains(&f.category) && single(f)));
        }
        found
    }
}

/// A claim found in a sentence, before attribution.
struct Found {
    /// Token index of the figure in its sentence.
    tok: usize,
    start: usize,
    end_byte: usize,
    /// Token index where the claim's clause continues.
    end: usize,
    category: u16,
    shape: Shape,
    np: clause::NounPhrase,
    low: Option<f64>,
    high: Option<f64>,
    qualifier: Qualifier,
    subject: Option<String>,
    counts: Counts,
    person: Option<Person>,
    /// The byte start of the first item of its coordinated list.
    list: Option<usize>,
}

/// `three women and two men were wounded`, `a man and two girls`: figures
/// of one category whose noun phrases are joined by `and` or commas are
/// items of one list, which states their sum.
fn mark_lists(anns: &[Ann], found: &mut [Found]) {
    let mut ids: Vec<Option<usize>> = found.iter().map(|f| f.list).collect();
    for (i, pair) in found.windows(2).enumerate() {
        let [a, b] = pair else { continue };
        let between = anns.get(a.end..b.tok).unwrap_or_default();
        let joined = !between.is_empty()
            && between.len() <= 2
            && between
                .iter()
                .all(|t| t.is(Word::Conjunction) || t.tok.is_punct(','));
        if joined
            && a.category == b.category
            && a.counts != Counts::Part
            && b.counts != Counts::Part
        {
            let id = ids.get(i).copied().flatten().unwrap_or(a.start);
            for k in [i, i + 1] {
                if let Some(slot) = ids.get_mut(k) {
                    *slot = Some(id);
                }
            }
        }
    }
    for (f, id) in found.iter_mut().zip(ids) {
        f.list = id;
    }
}

/// A casualty predicate at `at` that is not negated (`was killed`, not
/// `was not hurt`): where it ends and its category.
fn affirmed_predicate(anns: &[Ann], at: usize) -> Option<(usize, u16)> {
    let (rest, (category, negated)) = predicate(Toks::new(anns, at)).ok()?;
    (!negated).then_some((rest.pos, category))
}

/// What a percentage is a share of: the words after it (`68% of inhabited
/// settlements` → `inhabited settlements`).
fn percent_subject(anns: &[Ann], from: usize) -> Option<String> {
    // a share is of something: `68% of inhabited settlements`; `25%
    // accurate` says how, not of what
    if !is_at(anns, from, Word::Of) {
        return None;
    }
    let mut words: Vec<String> = Vec::new();
    let mut i = from;
    while let Some(a) = anns.get(i) {
        if a.is_punct() || a.quantity.is_some() || words.len() >= 3 {
            break;
        }
        let w = a.tok.lower.as_ref();
        if words.is_empty() && a.is(Word::PercentLead) {
            i += 1;
            continue;
        }
        if a.tok.kind == TokKind::Possessive {
            if let Some(last) = words.last_mut() {
                *last = format!("{last}'s");
            }
            i += 1;
            continue;
        }
        if a.is(Word::PercentStop) {
            break;
        }
        words.push(w.to_string());
        i += 1;
    }
    (!words.is_empty()).then(|| words.join(" "))
}

/// `the army denied that 20 soldiers had been killed`, `freed 12
/// hostages`: a denial earlier in the sentence, or a release verb just
/// before the figure, means it counts no victims.
fn cancelled_before(anns: &[Ann], k: usize) -> bool {
    let denied = anns
        .iter()
        .take(k)
        .any(|t| t.matches.iter().any(|m| m.tag == Tag::Denial));
    let released = (k.saturating_sub(3)..k).any(|i| {
        anns.get(i)
            .is_some_and(|t| t.matches.iter().any(|m| m.tag == Tag::Release))
    });
    denied || released
}

/// Marks the tokens of each age (`20-year-old`, `17 year old`, `30 years
/// old`: a measure whose words end in `year(s) old`) with its value.
fn mark_ages(anns: &mut [Ann], qs: &[Quantity]) {
    let mut k = 0;
    while let Some(a) = anns.get(k) {
        let Some(qi) = a.quantity.filter(|_| !a.countable) else {
            k += 1;
            continue;
        };
        let end = (k..anns.len())
            .find(|&i| anns.get(i).is_none_or(|t| t.quantity != Some(qi)))
            .unwrap_or(anns.len());
        let words: String = anns
            .get(k..end)
            .unwrap_or_default()
            .iter()
            .flat_map(|t| t.tok.lower.chars())
            .filter(char::is_ascii_alphabetic)
            .collect();
        let age = qs
            .get(qi)
            .filter(|q| q.kind == Kind::Measure)
            .filter(|_| words.ends_with("yearold") || words.ends_with("yearsold"))
            .and_then(|q| q.low.filter(|v| Some(*v) == q.high))
            .filter(|v| (0.0..130.0).contains(v) && v.fract() == 0.0)
            .map(|v| v as u16);
        for t in anns.get_mut(k..end).unwrap_or_default() {
            t.age = age;
        }
        k = end.max(k + 1);
    }
}

/// `One man, age 19, died`, `Dameisha Clark, 20, is wanted`: a person's
/// age, not a count of people.
fn is_age(anns: &[Ann], k: usize, end: usize) -> bool {
    let prev = ann_before(anns, k);
    if prev.is_some_and(|t| t.is(Word::Age)) {
        return true;
    }
    // `ages 14 and 16`, `ages 24, 25, and 41`: the later items of a list
    // of ages
    let mut j = k;
    while j >= 2
        && anns
            .get(j - 1)
            .is_some_and(|t| t.is(Word::Conjunction) || t.tok.is_punct(','))
    {
        j -= 1;
        if anns.get(j - 1).is_some_and(|t| t.is(Word::Conjunction)) && j >= 2 {
            j -= 1;
        }
        let Some(q) = anns.get(j - 1).and_then(|t| t.quantity) else {
            break;
        };
        let mut first = j - 1;
        while first > 0 && anns.get(first - 1).is_some_and(|t| t.quantity == Some(q)) {
            first -= 1;
        }
        if ann_before(anns, first).is_some_and(|t| t.is(Word::Age)) {
            return true;
        }
        j = first;
    }
    let before_name = k >= 2
        && prev.is_some_and(|t| t.tok.is_punct(','))
        && anns
            .get(k - 2)
            .is_some_and(|t| t.tok.kind == TokKind::Word && t.tok.is_capitalized());
    // `Smith, 31, died`; and in a list of names with ages (`Powers, 30;
    // Burnett, 21; and Coleman, 31 all died`), the last age too
    let closed = anns
        .get(end)
        .is_none_or(|t| t.tok.is_punct(',') || t.tok.is_punct(')') || t.tok.is_punct(';'));
    let name_age = |j: usize| {
        anns.get(j)
            .is_some_and(|t| t.tok.kind == TokKind::Word && t.tok.is_capitalized())
            && anns.get(j + 1).is_some_and(|t| t.tok.is_punct(','))
            && anns.get(j + 2).is_some_and(|t| t.countable)
            && anns
                .get(j + 3)
                .is_some_and(|t| t.tok.is_punct(',') || t.tok.is_punct(';'))
    };
    let listed = (0..k.saturating_sub(2)).any(name_age);
    before_name && (closed || listed) && end == k + 1
}

fn none_of_before(anns: &[Ann], k: usize) -> bool {
    let mut j = k;
    if j > 0 && is_at(anns, j - 1, Word::Determiner) {
        j -= 1;
    }
    j >= 2 && is_at(anns, j - 1, Word::Of) && is_at(anns, j - 2, Word::Nobody)
}

/// Page furniture and reader comments, sorted by start for binary search.
struct Regions {
    noise: Vec<Range<usize>>,
    comments: Vec<Range<usize>>,
}

/// Whether `at` falls in one of `ranges` (sorted by start; they may nest).
fn within(ranges: &[Range<usize>], at: usize) -> bool {
    let after = ranges.partition_point(|r| r.start <= at);
    ranges
        .iter()
        .take(after)
        .rev()
        .take(64)
        .any(|r| r.contains(&at))
}

/// Documents longer than this are read in pieces, in parallel.
const PIECE_BYTES: usize = 256 * 1024;

/// Byte ranges covering `text`, each ending at a blank line once it is at
/// least `size` long.
fn paragraph_pieces(text: &str, size: usize) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    let mut start = 0;
    while text.len() - start > size {
        let from = start + size;
        match memchr::memmem::find(text.as_bytes().get(from..).unwrap_or_default(), b"\n\n") {
            Some(at) => {
                let end = from + at + 2;
                pieces.push(start..end);
                start = end;
            }
            None => break,
        }
    }
    pieces.push(start..text.len());
    pieces
}
