//! Stage 2: claims. Each count or percentage whose clause says something
//! happened to people becomes a [`Claim`]: its category, the victims' party
//! and population, who said it, hedges, when, and the quote.
//!
//! The work is per sentence. One Aho-Corasick pass over the text finds the
//! sentences that hold a key word of some category (`killed`, `hospital`,
//! `hostages`) or a percent cue; only those are scanned for numbers,
//! tokenized and parsed. That is what keeps extraction fast on ordinary
//! news, where most sentences report nothing of the kind.

mod clause;
mod identity;
mod incidents;
mod time;

pub use identity::Identity;

pub(crate) use time::sentence_time;
pub use time::{EventTime, ParseEventTimeError};

use crate::document::Document;
use crate::number::{self, Kind, Qualifier, Quantity};
use crate::rules::{PopulationRole, Role, Rules, Shape, Tag, Word};
use crate::text::{self, Tok, TokKind};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use clause::{Ann, Toks, ann_before, before_number, is_at, noun_phrase, predicate, speaker_before};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// One figure a document states about a category of victims, traced to
/// its sentence. Its JSON is `recount.claim/1`
/// ([`wire::claim_json`](crate::wire::claim_json)).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Claim {
    /// The document's id.
    pub doc: String,
    /// Byte span of the figure in the document text: its first byte.
    pub start: usize,
    /// Byte span of the figure in the document text: one past its last byte.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column (in characters) of `start`.
    pub column: usize,
    /// The figure as written (`At least one`, `ten`, `An`).
    pub number: String,
    /// The sentence that states it (shared by the claims of one sentence).
    pub quote: std::sync::Arc<str>,
    /// Byte offset of the quote in the document text.
    pub quote_start: usize,
    /// The category, as the rules name it (`killed`, `wounded`).
    pub category: String,
    /// What the category means (its `role` in the rules), so that the
    /// claim is understood without the rules that found it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// The stated range: smallest value; `None` = unbounded below.
    pub low: Option<f64>,
    /// The stated range: largest value; `None` = open-ended.
    pub high: Option<f64>,
    /// How the text qualified the figure (`at least`, `about`).
    pub qualifier: Qualifier,
    /// The victims' side, when the text says it.
    pub party: Option<String>,
    /// military, civilian, police, suspects, people (unspecified); none for percentages.
    pub population: Option<String>,
    /// What the population means (its `role` in the rules): `default` for
    /// victims of no stated kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub population_role: Option<PopulationRole>,
    /// Who the sentence says gave the figure (`the emergency service`).
    pub speaker: Option<String>,
    /// Hedges on the figure (`preliminary`, `reportedly`).
    pub hedges: Vec<String>,
    /// When the event happened: stated in the sentence, or the publication date.
    pub event_time: Option<EventTime>,
    /// For percentages: what the figure is a share of (`inhabited settlements`).
    pub subject: Option<String>,
    /// The document's publication date, so a claim stands alone.
    pub published: Option<jiff::civil::Date>,
    /// The document's outlet, so a claim stands alone.
    pub outlet: Option<String>,
    /// The claim was read from reader comments.
    pub in_comments: bool,
    /// The claim was read from the document's title (its `title` field),
    /// not its text: `start`, `end` and `column` are offsets into the
    /// title, and `line` is 0.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub in_title: bool,
    /// How the figure counts toward its document's toll for the incident:
    /// a total, a part of one, or one person.
    pub counts: Counts,
    /// The one victim a `person` claim is about, as the text names or
    /// describes them, so that mentions of one person count once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<Person>,
    /// Items of one coordinated list (`three women and two men`) share
    /// this id (the byte offset of the first item): together they state
    /// one figure, their sum.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list: Option<usize>,
    /// Which incident of its document the figure is about: 0 the one the
    /// document reports; another number an incident it mentions in
    /// passing (an earlier attack, a round-up's other shootings, a teaser),
    /// numbered by the sentence where the text turns to it.
    #[serde(default)]
    pub incident: u32,
    /// For a figure recount derived from others (wounded = shot − killed):
    /// the claims it comes from. Empty for a figure the text states.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub derived: Vec<Derivation>,
}

/// How a claim counts toward its document's toll.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Counts {
    /// It states the figure (`12 people were killed`).
    #[default]
    Total,
    /// A part of a figure: `including two children`, `two of the
    /// injured`, `three more`, an item of a breakdown. Never compared with
    /// a total.
    Part,
    /// One person, named or described (`a man was shot`, `Lopez died`,
    /// `he later died`): the toll counts distinct people, not mentions.
    Person,
    /// `three others`: more people than the figure before it of the same
    /// category, to be added to it (`one man is in critical condition; the
    /// four others were also taken to hospital` → 5).
    More,
    /// A figure derived from others (wounded = shot − killed).
    Derived,
    /// A figure the text itself says was replaced (`police originally
    /// said eight were hurt`): the document's figure only when it gives no
    /// other.
    Earlier,
}

/// One victim as a text refers to them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Person {
    /// The name as written (`Maria Lopez`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The age the text gives (`Lopez, 34,`, `a 34-year-old`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<u16>,
    /// The noun that describes them, lowercase (`man`, `victim`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub noun: Option<String>,
    /// Their gender, where the words say it (`man`, `she`, `his
    /// daughter`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    /// How the text refers to them.
    pub reference: Reference,
}

/// A person's gender as the words say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    /// A man or a boy.
    Male,
    /// A woman or a girl.
    Female,
}

/// The gender a word says (`man`, `she`), per the rules' word classes.
fn gender_of(t: &Ann) -> Option<Gender> {
    if t.is(Word::Male) {
        Some(Gender::Male)
    } else if t.is(Word::Female) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// How a text refers to one person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Reference {
    /// By name.
    Name,
    /// `a man`, `an 11-year-old`: someone new, unless described alike
    /// before.
    #[default]
    Indefinite,
    /// `the man`, `the 34-year-old`, `his girlfriend`: someone already
    /// mentioned, if anyone fits.
    Definite,
    /// `he`, `she`: the last person mentioned.
    Pronoun,
    /// `another man`, `a second victim`: someone not counted yet.
    Another,
}

/// A claim a derived figure comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Derivation {
    /// Its category.
    pub category: String,
    /// Its category's role.
    pub role: Option<Role>,
    /// Its figure as written.
    pub number: String,
    /// Byte span of the figure in the document text.
    pub start: usize,
    /// End of that span.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column (in characters) of `start`.
    pub column: usize,
    /// Its range's low end.
    pub low: Option<f64>,
    /// Its range's high end (`None`: open).
    pub high: Option<f64>,
    /// Its sentence.
    pub quote: std::sync::Arc<str>,
}

impl<'de> Deserialize<'de> for Claim {
    /// Reads what [`Serialize`] writes (a `recount.claim/1` line of
    /// `recount extract`, its `schema` and any other unknown key ignored),
    /// giving back the claim that was written.
    ///
    /// The `event_time` string does not say whether the sentence stated the
    /// time or it is the publication date. Only a day equal to `published`
    /// can be either; it is taken as stated when the quote states a time
    /// (as the extractor decided), else as the publication date.
    ///
    /// ```
    /// use recount::{Claim, Pipeline, from_text};
    ///
    /// let mut doc = from_text("a.txt", "Five people were killed on Tuesday. Two died today.");
    /// doc.published = Some(jiff::civil::date(2024, 3, 7));
    /// for claim in Pipeline::with_default_rules().extract(&doc) {
    ///     let line = recount::wire::claim_json(&claim);
    ///     let back: Claim = serde_json::from_str(&line).unwrap();
    ///     assert_eq!(back, claim);
    /// }
    /// ```
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Claim, D::Error> {
        /// The fields as written; a field added to [`Claim`] must be added
        /// here too (the conversion below does not compile otherwise).
        #[derive(Deserialize)]
        #[serde(rename = "Claim")]
        struct Fields {
            doc: String,
            start: usize,
            end: usize,
            line: usize,
            column: usize,
            number: String,
            quote: std::sync::Arc<str>,
            quote_start: usize,
            category: String,
            #[serde(default)]
            role: Option<Role>,
            low: Option<f64>,
            high: Option<f64>,
            qualifier: Qualifier,
            party: Option<String>,
            population: Option<String>,
            #[serde(default)]
            population_role: Option<PopulationRole>,
            speaker: Option<String>,
            hedges: Vec<String>,
            event_time: Option<EventTime>,
            subject: Option<String>,
            published: Option<jiff::civil::Date>,
            outlet: Option<String>,
            in_comments: bool,
            #[serde(default)]
            in_title: bool,
            #[serde(default)]
            counts: Counts,
            #[serde(default)]
            person: Option<Person>,
            #[serde(default)]
            list: Option<usize>,
            #[serde(default)]
            incident: u32,
            #[serde(default)]
            derived: Vec<Derivation>,
        }
        let f = Fields::deserialize(d)?;
        let event_time = f.event_time.map(|t| {
            let publication_day = t.first == t.last && Some(t.first) == f.published;
            if publication_day && !states_time(&f.quote, f.published) {
                EventTime::day(t.first, false)
            } else {
                t
            }
        });
        Ok(Claim {
            doc: f.doc,
            start: f.start,
            end: f.end,
            line: f.line,
            column: f.column,
            number: f.number,
            quote: f.quote,
            quote_start: f.quote_start,
            category: f.category,
            role: f.role,
            low: f.low,
            high: f.high,
            qualifier: f.qualifier,
            party: f.party,
            population: f.population,
            population_role: f.population_role,
            speaker: f.speaker,
            hedges: f.hedges,
            event_time,
            subject: f.subject,
            published: f.published,
            outlet: f.outlet,
            in_comments: f.in_comments,
            in_title: f.in_title,
            counts: f.counts,
            person: f.person,
            list: f.list,
            incident: f.incident,
            derived: f.derived,
        })
    }
}

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

/// What makes a sentence worth reading, found in one Aho-Corasick pass over
/// the text: a sentence can only state a claim if it holds one of the
/// categories' phrases, each of which contains its key word
/// (`Lexicon::key_words`), or a percentage, which needs `%`, `percent`,
/// `pct` or `per cent`.
#[derive(Debug, Clone)]
struct Cues {
    automaton: AhoCorasick,
    kinds: Vec<Cue>,
}

#[derive(Debug, Clone, Copy)]
struct Cue {
    hit: Hit,
    /// Must not touch a letter or digit on that side.
    bounded_before: bool,
    bounded_after: bool,
}

/// What a cue promises. `Key` outranks `Percent`: a sentence with a key
/// word is read whatever else it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Hit {
    /// Only if the number grammar finds a percentage in the sentence.
    Percent,
    Key,
}

impl Cues {
    fn new(rules: &Rules) -> Option<Cues> {
        let keys = rules
            .lexicon
            .key_words(|tag| matches!(tag, Tag::Trigger { .. } | Tag::Incident { .. }))?;
        let key = Cue {
            hit: Hit::Key,
            bounded_before: true,
            bounded_after: true,
        };
        // `5%`, `5 percent`, `5-pct`, `5 per cent`: the sign may touch its
        // digits, a word may follow a digit.
        let percent = [
            ("%", false, false),
            ("\u{ff05}", false, false),
            ("percent", false, true),
            ("pct", false, true),
            ("cent", true, true),
        ];
        let mut patterns: Vec<String> = Vec::new();
        let mut kinds = Vec::new();
        if rules.category_with(Role::Percent).is_some() {
            for (word, bounded_before, bounded_after) in percent {
                patterns.push(word.to_string());
                kinds.push(Cue {
                    hit: Hit::Percent,
                    bounded_before,
                    bounded_after,
                });
            }
        }
        for word in keys {
            // a key word that is also a percent cue counts as a key
            if let Some(i) = patterns.iter().position(|p| *p == word) {
                if let Some(k) = kinds.get_mut(i) {
                    *k = key;
                }
                continue;
            }
            patterns.push(word);
            kinds.push(key);
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&patterns)
            .ok()?;
        Some(Cues { automaton, kinds })
    }
}

/// Who a sentence says is speaking.
#[derive(Debug, Clone, PartialEq)]
struct Speaker {
    text: String,
    party: Option<u16>,
    official: bool,
}

/// What a sentence's analysis found about its speaker.
#[derive(Debug, Clone, PartialEq)]
enum SpeakerCue {
    None,
    Named(Speaker),
    /// `he said`, `it said`: whoever was named last.
    Pronoun,
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

    /// The cues of the piece (byte offset and kind), in text order. Without
    /// a prefilter (rules with a phrase that has no ASCII word) every line
    /// start is a key cue, so every sentence is read.
    fn cue_hits(&self, piece: &str) -> Vec<(usize, Hit)> {
        let Some(cues) = &self.cues else {
            return std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', piece.as_bytes()).map(|i| i + 1))
                .map(|at| (at, Hit::Key))
                .collect();
        };
        let bytes = piece.as_bytes();
        let alnum = |i: Option<usize>| {
            i.and_then(|i| bytes.get(i))
                .is_some_and(|b| b.is_ascii_alphanumeric())
        };
        cues.automaton
            .find_iter(piece)
            .filter_map(|m| {
                let cue = cues.kinds.get(m.pattern().as_usize())?;
                let open_before = !cue.bounded_before || !alnum(m.start().checked_sub(1));
                let open_after = !cue.bounded_after || !alnum(Some(m.end()));
                (open_before && open_after).then_some((m.start(), cue.hit))
            })
            .collect()
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

    fn speaker_of(&self, anns: &[Ann], sentence: &str, base: usize) -> SpeakerCue {
        let (named, pronoun) = self.speakers_in(anns, sentence, base);
        match named.into_iter().last() {
            Some((_, s)) => SpeakerCue::Named(s),
            None if pronoun => SpeakerCue::Pronoun,
            None => SpeakerCue::None,
        }
    }

    /// Every speaker a sentence names, with the token of its speech verb,
    /// and whether a pronoun speaks (`it said`).
    fn speakers_in(
        &self,
        anns: &[Ann],
        sentence: &str,
        base: usize,
    ) -> (Vec<(usize, Speaker)>, bool) {
        let mut named_speakers = Vec::new();
        let mut pronoun = false;
        for (v, t) in anns.iter().enumerate() {
            let Some(m) = t
                .matches
                .iter()
                .find(|m| matches!(m.tag, Tag::SpeechVerb | Tag::SpeechLead))
            else {
                continue;
            };
            if m.tag == Tag::SpeechLead {
                // according to X: X runs to the next punctuation.
                let mut s = v + m.len;
                let mut e = s;
                while e - s < 10 && anns.get(e).is_some_and(|t| !t.is_punct()) {
                    e += 1;
                }
                // `the statement of X`, `a report by X`: the speaker is X.
                if let Some(k) = (s..e).rev().find(|&k| is_at(anns, k, Word::SpeakerAgent))
                    && k + 1 < e
                    && k < s + 4
                {
                    s = k + 1;
                }
                while s < e && is_at(anns, s, Word::Article) {
                    s += 1;
                }
                let Some(head) = anns.get(s).filter(|_| s < e) else {
                    continue;
                };
                if head
                    .matches
                    .iter()
                    .any(|m| m.tag == Tag::NotSpeaker && s + m.len >= e)
                {
                    continue;
                }
                named_speakers.extend(
                    self.speaker_from(anns, s, e, sentence, base)
                        .map(|sp| (v, sp)),
                );
                continue;
            }
            if let Some((s, e)) = speaker_before(anns, v) {
                if e - s == 1 && is_at(anns, s, Word::SpeakerPronoun) {
                    pronoun = true;
                    continue;
                }
                let words = anns.get(s..e).unwrap_or_default();
                let named = (s..).zip(words).any(|(k, t)| {
                    t.tok.is_capitalized() && (k > 0 || !t.is(Word::NotSpeakerHead))
                        || t.matches
                            .iter()
                            .any(|m| matches!(m.tag, Tag::Official | Tag::Party { .. }))
                });
                // `the board said`, `the operator said`: a definite noun
                // names a body the text introduced earlier.
                let definite = s > 0
                    && is_at(anns, s - 1, Word::DefiniteArticle)
                    && words.last().is_some_and(|t| !t.is(Word::SpeakerDocument));
                if named || definite {
                    named_speakers.extend(
                        self.speaker_from(anns, s, e, sentence, base)
                            .map(|sp| (v, sp)),
                    );
                }
            } else if ann_before(anns, v).is_some_and(Ann::is_punct) {
                // `…," said John Smith`
                let s = v + m.len;
                let mut e = s;
                while e - s < 5
                    && anns
                        .get(e)
                        .is_some_and(|t| t.tok.kind != TokKind::Punct && t.tok.is_capitalized())
                {
                    e += 1;
                }
                if e > s {
                    named_speakers.extend(
                        self.speaker_from(anns, s, e, sentence, base)
                            .map(|sp| (v, sp)),
                    );
                }
            }
        }
        (named_speakers, pronoun)
    }

    fn speaker_from(
        &self,
        anns: &[Ann],
        s: usize,
        e: usize,
        sentence: &str,
        base: usize,
    ) -> Option<Speaker> {
        let words = anns.get(s..e)?;
        let start = words.first()?.tok.start.checked_sub(base)?;
        let end = words.last()?.tok.end.checked_sub(base)?;
        let text = sentence.get(start..end).unwrap_or_default().to_string();
        let mut party = None;
        let mut official = false;
        for a in words {
            for m in &a.matches {
                match m.tag {
                    Tag::Party { party: p } => party = party.or(Some(p)),
                    Tag::Official => official = true,
                    _ => {}
                }
            }
        }
        Some(Speaker {
            text,
            party,
            official,
        })
    }

    /// The speaker of sentence `si`, or, failing that, of the sentences
    /// before it in the same paragraph (reported speech runs on), with
    /// pronouns resolved to the last speaker named.
    fn carried_speaker(
        &self,
        doc: &Document,
        sentences: &[text::Sentence],
        si: usize,
        own: SpeakerCue,
    ) -> Option<Speaker> {
        let mut pronoun = own == SpeakerCue::Pronoun;
        if let SpeakerCue::Named(s) = own {
            return Some(s);
        }
        let paragraph = sentences.get(si)?.paragraph;
        for back in 1..=6 {
            let Some(prev) = si.checked_sub(back).and_then(|p| sentences.get(p)) else {
                break;
            };
            let same_paragraph = prev.paragraph == paragraph;
            if !same_paragraph && !pronoun {
                break;
            }
            let Some(text) = doc.text.get(prev.range.clone()) else {
                continue;
            };
            let quantities = Vec::new();
            let anns = self.annotate(text::tokenize(text, prev.range.start), &quantities);
            match self.speaker_of(&anns, text, prev.range.start) {
                SpeakerCue::Named(s) => return Some(s),
                SpeakerCue::Pronoun => pronoun = true,
                SpeakerCue::None => {}
            }
            if back >= 3 && !pronoun {
                break;
            }
        }
        None
    }

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
        let mut found: Vec<Found> = Vec::new();
        let mut k = 0;
        while let Some(a) = anns.get(k) {
            let Some(qi) = a.quantity else {
                if let Some(f) = self
                    .including_claim(&anns, k, found.last())
                    .or_else(|| self.pair_claim(&anns, k))
                    .or_else(|| self.single_claim(&anns, k))
                    .or_else(|| self.multiple_claim(&anns, k))
                    .or_else(|| self.own_claim(&anns, k))
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
                && let Some(f) = self.age_claim(&anns, k, end)
            {
                found.push(f);
                k = end.max(k + 1);
                continue;
            }
            let cancelled = cancelled_before(&anns, k);
            if !cancelled
                && let Some(qty) = qs.get(qi)
                && let Some(f) = self
                    .number_claim(&anns, k, end, qty)
                    .or_else(|| self.subset_claim(&anns, k, end, qty, found.last()))
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
        mark_lists(&anns, &mut found);
        if let Some(f) = self.headline_claim(&anns) {
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
        if found.is_empty() {
            return Vec::new();
        }
        let (named, pronoun) = self.speakers_in(&anns, sentence, base);
        let carried = if named.is_empty() {
            let own = if pronoun {
                SpeakerCue::Pronoun
            } else {
                SpeakerCue::None
            };
            self.carried_speaker(doc, sentences, si, own)
        } else {
            None
        };
        // each figure's speaker: the nearest named before it, else the first after
        let speaker_for = |tok: usize| -> Option<Speaker> {
            named
                .iter()
                .rev()
                .find(|(v, _)| *v < tok)
                .or_else(|| named.first())
                .map(|(_, s)| s.clone())
                .or_else(|| carried.clone())
        };
        let hedges = self.hedges(&anns);
        let time = sentence_time(sentence, base, qs, doc.published);
        let people = self.rules.population_with(PopulationRole::Default);
        let quote: std::sync::Arc<str> = std::sync::Arc::from(sentence);
        let mut out: Vec<Claim> = Vec::new();
        let mut previous: Option<(Option<u16>, Option<u16>)> = None;
        for f in found {
            let speaker = speaker_for(f.tok);
            let Some(category) = self.rules.categories.get(f.category as usize) else {
                continue;
            };
            let mut party = f.np.party;
            let mut population = f.np.population_adjective.or(match f.np.population {
                // `57 members of the security forces`: the complement says who
                Some(p) if Some(p) == people => f.np.of_population.or(Some(p)),
                None => f.np.of_population,
                p => p,
            });
            if f.np.continuation && population == people {
                population = None;
            }
            if !category.is_percent() {
                if party.is_none() && f.np.possessive {
                    party = speaker.as_ref().and_then(|s| s.party);
                }
                if party.is_none() {
                    party = side_phrase(&anns, f.end);
                }
                // `13 were captured`, `24 more servicemen`: the subject
                // continues; `two others` are others of the same kind, but
                // their side is not stated.
                let others = f.np.continuation && !f.np.increment && !f.np.elided;
                if let Some((prev_party, prev_population)) = previous
                    && (f.np.elided || f.np.continuation)
                {
                    if !others {
                        party = party.or(prev_party);
                    }
                    population = population.or(prev_population);
                }
                if party.is_none()
                    && f.shape != Shape::Before
                    && let Some(s) = speaker.as_ref().filter(|s| s.official)
                {
                    party = s.party;
                }
                population = population.or(people);
                // a part (`including the shooter`) is no subject for the
                // figures after it to continue
                if f.counts != Counts::Part {
                    previous = Some((party, population));
                }
            }
            let (line, column) = lines.line_col(&doc.text, f.start);
            let population = population
                .filter(|_| !category.is_percent())
                .and_then(|p| self.rules.populations.get(p as usize));
            out.push(Claim {
                doc: doc.id.clone(),
                start: f.start,
                end: f.end_byte,
                line,
                column,
                number: doc
                    .text
                    .get(f.start..f.end_byte)
                    .unwrap_or_default()
                    .to_string(),
                quote: quote.clone(),
                quote_start: base,
                category: category.name.clone(),
                role: category.role,
                low: f.low,
                high: f.high,
                qualifier: f.qualifier,
                party: if category.is_percent() {
                    None
                } else {
                    party.and_then(|p| self.rules.parties.get(p as usize).cloned())
                },
                population: population.map(|p| p.name.clone()),
                population_role: population.and_then(|p| p.role),
                speaker: speaker.as_ref().map(|s| s.text.clone()),
                hedges: hedges.clone(),
                event_time: time.or(doc.published.map(|d| EventTime::day(d, false))),
                subject: f.subject,
                published: doc.published,
                outlet: doc.source.clone(),
                in_comments: false,
                in_title: false,
                counts: f.counts,
                person: f.person,
                list: f.list,
                incident: 0,
                derived: Vec::new(),
            });
        }
        out
    }

    fn hedges(&self, anns: &[Ann]) -> Vec<String> {
        let mut hedges: Vec<String> = Vec::new();
        for a in anns {
            for m in &a.matches {
                if let Tag::Hedge { hedge } = m.tag
                    && let Some(name) = self.rules.hedges.get(hedge as usize)
                    && !hedges.contains(name)
                {
                    hedges.push(name.clone());
                }
            }
        }
        hedges
    }

    /// A number at tokens `k..end`: is it a claim, and of what?
    fn number_claim(&self, anns: &[Ann], k: usize, end: usize, qty: &Quantity) -> Option<Found> {
        if qty.kind == Kind::Percent {
            let category = self.percent_category?;
            return Some(Found {
                tok: k,
                start: qty.start,
                end_byte: qty.end,
                end,
                category,
                shape: Shape::Noun,
                np: Default::default(),
                low: qty.low,
                high: qty.high,
                qualifier: qty.qualifier,
                subject: percent_subject(anns, end),
                counts: Counts::Total,
                person: None,
                list: None,
            });
        }
        if qty.kind != Kind::Count {
            return None;
        }
        // `none of the 300 passengers were hurt`: the 300 is no casualty figure.
        if none_of_before(anns, k) || is_age(anns, k, end) {
            return None;
        }
        // `two election officials were killed`: a head the rules do not
        // list is a victim too, where a casualty verb follows
        let (rest, np) = noun_phrase(Toks::new(anns, end))
            .or_else(|_| {
                clause::open_noun_phrase(Toks::new(anns, end))
                    .filter(|(rest, _)| predicate(*rest).is_ok())
                    .ok_or(nom::Err::<()>::Error(()))
            })
            .ok()?;
        // `no life-threatening injuries`: how bad the wounds were, not that
        // none was hurt
        if qty.low == Some(0.0)
            && np.category.is_some()
            && anns
                .get(end..rest.pos)
                .unwrap_or_default()
                .iter()
                .any(|t| t.tok.kind == TokKind::Word && t.words == 0 && t.matches.is_empty())
        {
            return None;
        }
        // `injured fourteen others near the campus before he took his own
        // life`: a number right after an active verb is its object,
        // whatever verb a later clause has
        let object_of = clause::verb_before(anns, k);
        let mut predicate_end = rest.pos;
        let (category, shape) = if let Some(category) = object_of {
            (category, Shape::Before)
        } else if let Ok((after, (category, negated))) = predicate(rest) {
            if negated {
                return None;
            }
            predicate_end = after.pos;
            (category, Shape::After)
        } else if let Some(category) =
            before_number(anns, k).or_else(|| coordinated_object(anns, k))
        {
            (category, Shape::Before)
        } else if let Some(category) = np.category {
            (category, Shape::Noun)
        } else if let Ok((_, (category, negated))) = clause::coordinated_predicate(rest) {
            if negated {
                return None;
            }
            (category, Shape::After)
        } else {
            return None;
        };
        if self
            .rules
            .categories
            .get(category as usize)
            .is_none_or(|c| c.is_percent())
        {
            return None;
        }
        // `two were seriously injured`: the worst hurt, a part of the
        // wounded; `the other seven`: the rest of people already counted;
        // `police originally said eight`: a figure the text replaces
        let between = anns.get(rest.pos..predicate_end).unwrap_or_default();
        let severity = shape == Shape::After && between.iter().any(|t| t.is(Word::Severity));
        let remainder = k >= 2
            && is_at(anns, k - 1, Word::Remainder)
            && is_at(anns, k - 2, Word::DefiniteArticle);
        let counts = if severity || remainder {
            Counts::Part
        } else if anns
            .get(k.saturating_sub(10)..k)
            .unwrap_or_default()
            .iter()
            .any(|t| t.is(Word::Superseded))
        {
            Counts::Earlier
        } else {
            Counts::Total
        };
        Some(Found {
            tok: k,
            start: qty.start,
            end_byte: qty.end,
            end: rest.pos,
            category,
            shape,
            np,
            low: qty.low,
            high: qty.high,
            qualifier: qty.qualifier,
            subject: None,
            counts,
            person: None,
            list: None,
        })
    }

    /// `killed 11 Palestinians, including four children`: a figure after
    /// `including` is a part of the figure before it, of the same category.
    fn subset_claim(
        &self,
        anns: &[Ann],
        k: usize,
        end: usize,
        qty: &Quantity,
        previous: Option<&Found>,
    ) -> Option<Found> {
        let previous = previous?;
        if qty.kind != Kind::Count || k == 0 || !is_at(anns, k - 1, Word::Including) {
            return None;
        }
        let (rest, mut np) = noun_phrase(Toks::new(anns, end)).ok()?;
        if np.elided || np.population.is_none() && np.population_adjective.is_none() {
            return None;
        }
        np.continuation = true;
        if np.party.is_none() {
            np.party = previous.np.party;
        }
        Some(Found {
            tok: k,
            start: qty.start,
            end_byte: qty.end,
            end: rest.pos,
            category: previous.category,
            shape: previous.shape,
            np,
            low: qty.low,
            high: qty.high,
            qualifier: qty.qualifier,
            subject: None,
            counts: Counts::Part,
            person: None,
            list: None,
        })
    }

    /// `both hostages were killed`, `both of the victims died`: two.
    fn pair_claim(&self, anns: &[Ann], k: usize) -> Option<Found> {
        let a = anns.get(k)?;
        if !a.is(Word::Pair) {
            return None;
        }
        let mut at = k + 1;
        if is_at(anns, at, Word::Of) {
            at += 1;
        }
        if anns
            .get(at)
            .is_some_and(|t| t.is(Word::Article) || t.is(Word::Possessive))
        {
            at += 1;
        }
        let (rest, np) = noun_phrase(Toks::new(anns, at)).ok()?;
        if np.elided || np.population.is_none() || np.singular {
            return None;
        }
        let (category, shape) = match predicate(rest) {
            Ok((_, (category, false))) => (category, Shape::After),
            Ok(_) => return None,
            Err(_) => (before_number(anns, k)?, Shape::Before),
        };
        Some(Found {
            tok: k,
            start: a.tok.start,
            end_byte: a.tok.end,
            end: rest.pos,
            category,
            shape,
            np,
            low: Some(2.0),
            high: Some(2.0),
            qualifier: Qualifier::Exact,
            subject: None,
            // `both` points back at two people already mentioned: some of
            // the victims, perhaps all
            counts: Counts::Part,
            person: None,
            list: None,
        })
    }

    /// `seven people died, including the gunman`: one person named as part
    /// of the figure before, of its category (the attacker among the dead
    /// is then no one more).
    fn including_claim(&self, anns: &[Ann], k: usize, previous: Option<&Found>) -> Option<Found> {
        let previous = previous?;
        let a = anns.get(k)?;
        let next = anns.get(k + 1)?;
        if !a.is(Word::Including) || !(next.is(Word::Article) || next.is(Word::PersonPossessive)) {
            return None;
        }
        let (rest, np) = noun_phrase(Toks::new(anns, k + 2)).ok()?;
        if np.elided || !np.singular || np.population.is_none() && np.population_adjective.is_none()
        {
            return None;
        }
        let head = np.head.and_then(|h| anns.get(h));
        let person = Person {
            noun: head.map(|t| t.tok.lower.to_string()),
            gender: head.and_then(gender_of),
            age: age_in(anns, k + 2, rest.pos),
            reference: Reference::Definite,
            ..Default::default()
        };
        // `three were injured, including a woman who later died`: a part
        // of them who is among the killed
        let died = rest
            .first()
            .is_some_and(|t| t.is(Word::Relative))
            .then(|| predicate(rest).ok())
            .flatten()
            .filter(|(_, (category, negated))| {
                !negated
                    && self
                        .rules
                        .categories
                        .get(*category as usize)
                        .and_then(|c| c.role)
                        == Some(Role::Killed)
            })
            .map(|(_, (category, _))| category);
        let mut f = self.one(
            anns,
            k + 1,
            rest.pos,
            died.unwrap_or(previous.category),
            previous.shape,
            np,
            person,
        )?;
        f.counts = Counts::Part;
        Some(f)
    }

    /// `a double shooting`, `a triple homicide`: a count said by an
    /// adjective of multiplicity before a noun for an incident of the
    /// category.
    fn multiple_claim(&self, anns: &[Ann], k: usize) -> Option<Found> {
        let a = anns.get(k)?;
        let n = self.rules.lexicon.multiple(&a.tok.lower)?;
        let next = anns.get(k + 1)?;
        let category = next.matches.iter().find_map(|m| match m.tag {
            Tag::Incident { category } => Some(category),
            _ => None,
        })?;
        Some(Found {
            tok: k,
            start: a.tok.start,
            end_byte: a.tok.end,
            end: k + 2,
            category,
            shape: Shape::Noun,
            np: Default::default(),
            low: Some(n),
            high: Some(n),
            qualifier: Qualifier::Exact,
            subject: None,
            counts: Counts::Total,
            person: None,
            list: None,
        })
    }

    /// Headline style drops the article: `Teen killed in Lexington
    /// shooting`, `Man shot dead outside bar` count one, when the sentence
    /// opens with a capitalised singular person noun and a casualty verb.
    fn headline_claim(&self, anns: &[Ann]) -> Option<Found> {
        let first = anns.first()?;
        if !first.tok.is_capitalized() || first.quantity.is_some() || first.is(Word::Article) {
            return None;
        }
        let (rest, np) = noun_phrase(Toks::new(anns, 0)).ok()?;
        if np.elided
            || !np.singular
            || np.population.is_none()
            || np.continuation
            || np.category.is_some()
            || np.party.is_some()
        {
            return None;
        }
        // the head must be the very first word or follow only modifiers
        if rest.pos > 3 {
            return None;
        }
        let (_, (category, negated)) = predicate(rest).ok()?;
        if negated {
            return None;
        }
        let head = np.head.and_then(|h| anns.get(h));
        let person = Person {
            noun: head.map(|t| t.tok.lower.to_string()),
            gender: head.and_then(gender_of),
            age: age_in(anns, 0, rest.pos),
            reference: Reference::Indefinite,
            ..Default::default()
        };
        self.one(anns, 0, rest.pos, category, Shape::After, np, person)
    }

    /// One victim said without a number: an article (`a man was shot
    /// dead`, `the killing of a teenager`), a possessive after a verb
    /// (`killing his girlfriend`), a pronoun (`he later died`), or a name
    /// (`Rivers was shot and killed`).
    fn single_claim(&self, anns: &[Ann], k: usize) -> Option<Found> {
        let a = anns.get(k)?;
        if a.is_punct() {
            return None;
        }
        if a.is(Word::Article)
            || a.is(Word::AddOn)
            || a.is(Word::PersonPossessive) && before_number(anns, k).is_some()
        {
            self.article_claim(anns, k)
        } else if a.is(Word::PersonPronoun) {
            self.pronoun_claim(anns, k)
        } else if a.is(Word::Reflexive) {
            self.reflexive_claim(anns, k)
        } else if a.tok.is_capitalized() {
            self.name_claim(anns, k)
                .or_else(|| self.object_name_claim(anns, k))
        } else {
            None
        }
    }

    /// The noun phrase of one person named without a number (`he`, `a
    /// man`, a name, an age).
    fn one_person(&self) -> clause::NounPhrase {
        clause::NounPhrase {
            population: self.rules.population_with(PopulationRole::Default),
            singular: true,
            ..Default::default()
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn one(
        &self,
        anns: &[Ann],
        k: usize,
        end: usize,
        category: u16,
        shape: Shape,
        np: clause::NounPhrase,
        person: Person,
    ) -> Option<Found> {
        let a = anns.get(k)?;
        Some(Found {
            tok: k,
            start: a.tok.start,
            end_byte: a.tok.end,
            end,
            category,
            shape,
            np,
            low: Some(1.0),
            high: Some(1.0),
            qualifier: Qualifier::Exact,
            subject: None,
            counts: Counts::Person,
            person: Some(person),
            list: None,
        })
    }

    /// `He later died at the hospital`, `she was pronounced dead`.
    fn pronoun_claim(&self, anns: &[Ann], k: usize) -> Option<Found> {
        let (end, category) = affirmed_predicate(anns, k + 1)?;
        let person = Person {
            reference: Reference::Pronoun,
            gender: anns.get(k).and_then(gender_of),
            ..Default::default()
        };
        self.one(
            anns,
            k,
            end,
            category,
            Shape::After,
            self.one_person(),
            person,
        )
    }

    /// `Jefferson Rivers was shot and killed`, `Conner died of a gunshot
    /// wound`: a name (capitalised words no rule knows) right before a
    /// singular casualty predicate.
    fn name_claim(&self, anns: &[Ann], k: usize) -> Option<Found> {
        // the last word of the name, and nothing the rules know in it
        let last = anns.get(k)?;
        let next = anns.get(k + 1)?;
        if next.tok.is_capitalized() && next.tok.kind == TokKind::Word || !last.matches.is_empty() {
            return None;
        }
        let first = (0..=k)
            .rev()
            .take_while(|&i| {
                anns.get(i).is_some_and(|t| {
                    t.tok.kind == TokKind::Word
                        && t.tok.is_capitalized()
                        && t.matches.is_empty()
                        && t.quantity.is_none()
                })
            })
            .last()?;
        // `Maria Lopez, 34, died`, `Talitha Bowman,20, of Chattanooga died`,
        // `Lopez, a mother of two, died`: an aside in commas between name
        // and verb, an age first, of a few words
        let (verb, age) = match next.tok.is_punct(',') {
            true => {
                let close =
                    (k + 2..k + 10).find(|&i| anns.get(i).is_some_and(|t| t.tok.is_punct(',')))?;
                let first_word = anns.get(k + 2)?;
                let age = first_word
                    .countable
                    .then(|| first_word.tok.text.parse::<u16>().ok())
                    .flatten()
                    .filter(|a| *a < 130)
                    .or_else(|| age_in(anns, k + 2, close));
                let aside =
                    age.is_some() || first_word.is(Word::Of) || first_word.is(Word::Article);
                if !aside {
                    return None;
                }
                (close + 1, age)
            }
            false => (k + 1, None),
        };
        // a name alone at the start of a sentence: a word the rules know
        // nothing of (`Rodriguez was pronounced dead`, not `Someone was`)
        if first == 0 && k == 0 && (last.words != 0 || verb != k + 1) {
            return None;
        }
        // a singular verb: `was`, or a past tense with no auxiliary
        if !anns.get(verb).is_some_and(|t| t.is(Word::SingularVerb)) {
            return None;
        }
        let (end, category) = affirmed_predicate(anns, verb)?;
        let name = (first..=k)
            .filter_map(|i| anns.get(i))
            .map(|t| t.tok.text)
            .collect::<Vec<_>>()
            .join(" ");
        let person = Person {
            name: Some(name),
            age,
            reference: Reference::Name,
            ..Default::default()
        };
        let mut f = self.one(
            anns,
            first,
            end,
            category,
            Shape::After,
            self.one_person(),
            person,
        )?;
        f.end_byte = last.tok.end;
        Some(f)
    }

    /// `the gunman then killed himself`, `shot herself`: the agent is the
    /// victim too.
    fn reflexive_claim(&self, anns: &[Ann], k: usize) -> Option<Found> {
        let category = before_number(anns, k)?;
        let person = Person {
            reference: Reference::Pronoun,
            gender: anns.get(k).and_then(gender_of),
            ..Default::default()
        };
        self.one(
            anns,
            k,
            k + 1,
            category,
            Shape::Own,
            self.attacker(),
            person,
        )
    }

    /// The noun phrase of the attacker, who did it to themselves.
    fn attacker(&self) -> clause::NounPhrase {
        let mut np = self.one_person();
        np.population = self
            .rules
            .population_with(PopulationRole::Perpetrator)
            .or(np.population);
        np
    }

    /// `before taking his own life`, `then turned the gun on himself`: the
    /// clause's agent, the attacker, died by their own hand — unless a
    /// modal or `to` says it did not happen (`threatened to take his own
    /// life`).
    fn own_claim(&self, anns: &[Ann], k: usize) -> Option<Found> {
        let a = anns.get(k)?;
        let (category, len) = a.matches.iter().find_map(|m| match m.tag {
            Tag::Trigger {
                category,
                shape: Shape::Own,
            } => Some((category, m.len)),
            _ => None,
        })?;
        let before = anns.get(k.saturating_sub(2)..k).unwrap_or_default();
        if before.iter().any(|t| {
            t.is(Word::Modal) || t.is(Word::Infinitive) || t.find(|g| g == Tag::Negation).is_some()
        }) {
            return None;
        }
        let person = Person {
            reference: Reference::Pronoun,
            gender: anns
                .get(k..k + len)
                .unwrap_or_default()
                .iter()
                .find_map(gender_of),
            ..Default::default()
        };
        self.one(
            anns,
            k,
            k + len,
            category,
            Shape::Own,
            self.attacker(),
            person,
        )
    }

    /// `killing Austin`, `shot Sheriff Joey Terrell and deputy Bill Zigan`:
    /// a name right after a verb whose object is its victims (or after
    /// `and` in a list of them).
    fn object_name_claim(&self, anns: &[Ann], k: usize) -> Option<Found> {
        let is_name_word = |t: &Ann| {
            t.tok.kind == TokKind::Word
                && t.tok.is_capitalized()
                && t.quantity.is_none()
                && t.words == 0
                && t.matches.is_empty()
                && !time::is_date_word(t.tok.text)
                && t.tok.text.chars().any(char::is_lowercase)
        };
        let first = anns.get(k)?;
        // the first word of the name: the word before is not part of it
        if !is_name_word(first)
            || k.checked_sub(1)
                .and_then(|p| anns.get(p))
                .is_some_and(is_name_word)
        {
            return None;
        }
        // after a list's `and`, not a comma (`injured seven, Chinese media
        // said`)
        let after_and = k
            .checked_sub(1)
            .and_then(|p| anns.get(p))
            .is_some_and(|t| t.is(Word::Conjunction));
        let category = before_number(anns, k)
            .or_else(|| after_and.then(|| coordinated_object(anns, k)).flatten())?;
        let end = (k..anns.len())
            .find(|&i| !anns.get(i).is_some_and(is_name_word))
            .unwrap_or(anns.len());
        let name = anns
            .get(k..end)?
            .iter()
            .map(|t| t.tok.text)
            .collect::<Vec<_>>()
            .join(" ");
        let person = Person {
            name: Some(name),
            reference: Reference::Name,
            ..Default::default()
        };
        let mut f = self.one(
            anns,
            k,
            end,
            category,
            Shape::Before,
            self.one_person(),
            person,
        )?;
        f.end_byte = anns.get(end.saturating_sub(1))?.tok.end;
        Some(f)
    }

    /// `17-year-old killed in accidental shooting`, `the shooting of a
    /// 16-year-old`: an age standing for the person.
    fn age_claim(&self, anns: &[Ann], k: usize, end: usize) -> Option<Found> {
        let age = anns.get(k..end)?;
        let last = age.last()?;
        let text = age.iter().map(|t| t.tok.lower.as_ref()).collect::<String>();
        if !text.ends_with("year-old") && !text.ends_with("yearold") {
            return None;
        }
        // the age must be the noun: no person noun after it
        if anns.get(end).is_some_and(|t| {
            t.matches.iter().any(|m| {
                matches!(
                    m.tag,
                    Tag::Population { .. }
                        | Tag::Trigger {
                            shape: Shape::Noun,
                            ..
                        }
                )
            })
        }) {
            return None;
        }
        let np = self.one_person();
        let definite = k > 0 && is_at(anns, k - 1, Word::DefiniteArticle);
        let person = Person {
            age: last.age,
            reference: if definite {
                Reference::Definite
            } else {
                Reference::Indefinite
            },
            ..Default::default()
        };
        if let Ok((rest, (category, negated))) = predicate(Toks::new(anns, end)) {
            return (!negated)
                .then(|| self.one(anns, k, rest.pos, category, Shape::After, np, person))
                .flatten()
                .map(|mut f| {
                    f.end_byte = last.tok.end;
                    f
                });
        }
        // `the fatal shooting of a 16-year-old`
        let mut at = k;
        if at > 0 && is_at(anns, at - 1, Word::Article) {
            at -= 1;
        }
        let category = before_number(anns, at)?;
        let mut f = self.one(anns, k, end, category, Shape::Before, np, person)?;
        f.end_byte = last.tok.end;
        Some(f)
    }

    /// `An Armenian civilian worker was killed`, `a man was shot dead`: the
    /// article counts one where the grammar is sure — a singular person
    /// noun, then a casualty predicate.
    fn article_claim(&self, anns: &[Ann], k: usize) -> Option<Found> {
        let (rest, np) = noun_phrase(Toks::new(anns, k + 1)).ok()?;
        if np.elided
            || !np.singular
            || np.population.is_none()
            || np.continuation
            || np.category.is_some()
        {
            return None;
        }
        // `the night his wife was shot`: the article belongs to another noun
        let nested = anns
            .get(k + 1..rest.pos)
            .unwrap_or_default()
            .iter()
            .any(|t| t.is(Word::Nesting));
        if nested {
            return None;
        }
        // `the killing of a teenager`, `killing his girlfriend`
        let (category, negated) =
            match predicate(rest).or_else(|_| clause::coordinated_predicate(rest)) {
                Ok((_, found)) => found,
                Err(_) => (
                    before_number(anns, k).or_else(|| coordinated_object(anns, k))?,
                    false,
                ),
            };
        if negated {
            return None;
        }
        let article = anns.get(k)?;
        let reference = if article.is(Word::AddOn)
            || anns
                .get(k + 1..rest.pos)
                .unwrap_or_default()
                .iter()
                .any(|t| t.is(Word::AddOn))
        {
            Reference::Another
        } else if article.is(Word::DefiniteArticle) || article.is(Word::PersonPossessive) {
            Reference::Definite
        } else {
            Reference::Indefinite
        };
        let head = np.head.and_then(|h| anns.get(h));
        let person = Person {
            noun: head.map(|t| t.tok.lower.to_string()),
            gender: head.and_then(gender_of),
            age: age_in(anns, k + 1, rest.pos),
            reference,
            ..Default::default()
        };
        self.one(anns, k, rest.pos, category, Shape::After, np, person)
    }
}

/// `injuring a police officer and two others`, `killing a woman and a
/// child`: a victim joined by `and` (or a comma) to an earlier object of a
/// verb whose objects are its victims; that verb's category.
fn coordinated_object(anns: &[Ann], k: usize) -> Option<u16> {
    let joined = k
        .checked_sub(1)
        .and_then(|p| anns.get(p))
        .is_some_and(|t| t.is(Word::Conjunction) || t.tok.is_punct(','));
    if !joined {
        return None;
    }
    // the earlier object starts at most a few words back, after its verb
    (k.saturating_sub(9)..k.saturating_sub(1))
        .rev()
        .filter(|&j| {
            anns.get(j)
                .is_some_and(|t| t.countable || t.is(Word::Article) || t.is(Word::PersonPossessive))
        })
        .find_map(|j| before_number(anns, j))
}

/// The age stated among tokens `from..to` (`a 20-year-old man`).
fn age_in(anns: &[Ann], from: usize, to: usize) -> Option<u16> {
    anns.get(from..to)?.iter().find_map(|t| t.age)
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

/// `on the Armenian side`, `from the Armenian side`: a party named as a
/// side in the rest of the clause (never an agent after `by`).
fn side_phrase(anns: &[Ann], from: usize) -> Option<u16> {
    for (i, a) in anns.iter().enumerate().skip(from).take(16) {
        if a.tok.is_punct(';') || a.countable {
            break;
        }
        if a.is(Word::Side) {
            // the party phrase may be several words: look at the last token's matches
            for back in 1..=3 {
                let Some(t) = i.checked_sub(back).and_then(|p| anns.get(p)) else {
                    break;
                };
                for m in &t.matches {
                    if let Tag::Party { party } = m.tag
                        && i - back + m.len == i
                    {
                        return Some(party);
                    }
                }
            }
        }
    }
    None
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
