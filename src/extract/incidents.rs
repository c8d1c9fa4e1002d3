//! Which incident of its document each claim is about.
//!
//! A report is about one incident — the one its title and first paragraph
//! describe — and mentions others in passing: an earlier attack, last
//! year's war, the other shootings of a weekend round-up, a teaser for
//! another story. A claim is about another incident when, in its paragraph
//! up to its sentence:
//!
//! - a phrase turns the text to another incident (`in a separate
//!   incident`, `days earlier`; `[incidents] other` in the rules), or a
//!   sentence opens with such a word (`Earlier Monday, …`, `Elsewhere, …`);
//! - a sentence dates its events apart from the report's incident: before
//!   it by more than a few days, or more than a month after it (a death
//!   days after the shooting is still the shooting);
//!
//! or when its own sentence adds up several incidents (`so far this year`,
//! `in three shootings`, `across the city`; `[incidents] aggregate`), or
//! it stands on a short line of its own below the headline, as teasers for
//! other stories do. A sentence that dates its events to the report's
//! incident turns the paragraph back to it.
//!
//! Each other incident is numbered by the sentence where the text turns to
//! it (its index + 1); the report's own incident is 0.

use super::{Claim, EventTime, sentence_time};
use crate::document::Document;
use crate::number;
use crate::rules::{IncidentCue, Rules, Word};
use crate::text::{self, Sentence};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use jiff::ToSpan;

/// Days before the report's incident that a stated time may still fall on
/// it (a weekday counted back across a weekend, a late report).
const BEFORE_DAYS: i64 = 3;
/// Days after it: a victim who dies weeks later died of the same shooting.
const AFTER_DAYS: i64 = 31;
/// A line of at most this many words, without a sentence's final stop, is
/// a headline.
const HEADLINE_WORDS: usize = 16;

/// The `[incidents]` phrases, found in one pass over a document.
#[derive(Debug, Clone)]
pub(crate) struct IncidentCues {
    automaton: Option<AhoCorasick>,
    kinds: Vec<IncidentCue>,
}

impl IncidentCues {
    pub(crate) fn new(rules: &Rules) -> IncidentCues {
        let (patterns, kinds): (Vec<&str>, Vec<IncidentCue>) = rules
            .incident_phrases
            .iter()
            .map(|(p, k)| (p.as_str(), *k))
            .unzip();
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .ok();
        IncidentCues { automaton, kinds }
    }

    /// The cues of `text`, by byte offset, on word boundaries.
    fn find(&self, text: &str) -> Vec<(usize, IncidentCue)> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let bytes = text.as_bytes();
        let word = |i: Option<usize>| {
            i.and_then(|i| bytes.get(i))
                .is_some_and(|b| b.is_ascii_alphanumeric())
        };
        automaton
            .find_iter(text)
            .filter(|m| !word(m.start().checked_sub(1)) && !word(Some(m.end())))
            .filter_map(|m| Some((m.start(), *self.kinds.get(m.pattern().as_usize())?)))
            .collect()
    }
}

/// What a sentence says about its incident.
#[derive(Debug, Clone, Copy, Default)]
struct Marks {
    other: bool,
    aggregate: bool,
}

/// Sets `incident` on each claim of `doc` (claims of its text, in text
/// order; claims of the title are about the report's incident unless they
/// add up several).
pub(crate) fn assign(rules: &Rules, cues: &IncidentCues, doc: &Document, claims: &mut [Claim]) {
    if claims.is_empty() {
        // most documents of a news stream: nothing to assign
        return;
    }
    let sentences = text::sentences(&doc.text);
    let mut marks = vec![Marks::default(); sentences.len()];
    for (at, cue) in cues.find(&doc.text) {
        let si = sentences.partition_point(|s| s.range.end <= at);
        if let Some(m) = marks.get_mut(si) {
            match cue {
                IncidentCue::Other => m.other = true,
                IncidentCue::Aggregate => m.aggregate = true,
            }
        }
    }
    let lead = lead_paragraph(&doc.text, &sentences);
    // a headline that adds up several incidents (`3 dead, 26 wounded in
    // weekend shootings`, `1 dead, 6 wounded in South Side shootings`), or
    // over a lead that does (`a series of shootings overnight left two
    // dead`), is about none of them
    // (only asked when the title states a figure)
    let lead_aggregates = std::cell::OnceCell::new();
    let lead_aggregates = || {
        *lead_aggregates.get_or_init(|| {
            sentences.iter().zip(&marks).any(|(s, m)| {
                Some(s.paragraph) == lead
                    && (m.aggregate
                        || aggregates(rules, doc.text.get(s.range.clone()).unwrap_or_default()))
            })
        })
    };
    for claim in claims.iter_mut().filter(|c| c.in_title) {
        if lead_aggregates()
            || aggregates(rules, &claim.quote)
            || plural_incidents(rules, &claim.quote)
            || cues
                .find(&claim.quote)
                .iter()
                .any(|(_, c)| *c == IncidentCue::Aggregate)
        {
            claim.incident = u32::MAX;
        }
    }
    if claims.iter().all(|c| c.in_title) {
        return;
    }
    let opener = |s: &Sentence| {
        let text = doc.text.get(s.range.clone()).unwrap_or_default();
        let first = text
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .find(|w| !w.is_empty())
            .unwrap_or_default()
            .to_lowercase();
        rules.lexicon.is_word(&first, Word::OtherOpener)
    };
    let time_of = |s: &Sentence| -> Option<EventTime> {
        let text = doc.text.get(s.range.clone())?;
        sentence_time(text, 0, &number::scan(text), doc.published)
    };
    let main = main_date(doc, &sentences, lead, &time_of);
    let first_line = sentences.first().map(|s| s.paragraph);
    let mut decided: Vec<Option<u32>> = vec![None; sentences.len()];
    // a percentage is grouped by what it is a share of, not by incident
    for claim in claims
        .iter_mut()
        .filter(|c| !c.in_title && c.role != Some(crate::rules::Role::Percent))
    {
        let si = sentences.partition_point(|s| s.range.end <= claim.quote_start);
        let Some(sentence) = sentences.get(si) else {
            continue;
        };
        if let Some(Some(incident)) = decided.get(si) {
            claim.incident = *incident;
            continue;
        }
        let own = marks.get(si).copied().unwrap_or_default();
        let mut incident = 0;
        if Some(sentence.paragraph) != lead {
            // the paragraph up to the claim's sentence
            let start = sentences
                .iter()
                .take(si)
                .rposition(|s| s.paragraph != sentence.paragraph)
                .map_or(0, |p| p + 1);
            for (j, s) in sentences.iter().enumerate().take(si + 1).skip(start) {
                let m = marks.get(j).copied().unwrap_or_default();
                let turned = m.other || opener(s);
                if turned {
                    incident = j as u32 + 1;
                }
                match (
                    main,
                    may_state_time(&doc.text, s).then(|| time_of(s)).flatten(),
                ) {
                    (Some(main), Some(t)) if t.stated && apart(t, main) => incident = j as u32 + 1,
                    // a sentence dated to the report's incident turns back to
                    // it, unless it also turns away (`Earlier Friday, …`)
                    (Some(_), Some(t)) if t.stated && t.days() <= 7 && !turned => incident = 0,
                    _ => {}
                }
            }
            if incident == 0
                && Some(sentence.paragraph) != first_line
                && is_headline(&doc.text, &sentences, si)
            {
                incident = si as u32 + 1;
            }
        }
        if own.aggregate || aggregates(rules, &claim.quote) {
            incident = si as u32 + 1;
        }
        if let Some(d) = decided.get_mut(si) {
            *d = Some(incident);
        }
        claim.incident = incident;
    }
}

/// Whether a stated time falls apart from the report's incident.
fn apart(t: EventTime, main: EventTime) -> bool {
    let before = main
        .first
        .checked_sub(BEFORE_DAYS.days())
        .is_ok_and(|cut| t.last < cut);
    // a day's victims may die weeks later; a span (`in late July`) is
    // already wide
    let after_days = if main.days() == 1 {
        AFTER_DAYS
    } else {
        BEFORE_DAYS
    };
    let after = main
        .last
        .checked_add(after_days.days())
        .is_ok_and(|cut| t.first > cut);
    before || after
}

/// A cheap test before the time grammar runs: a sentence can state a time
/// only with a digit or a capitalised word (a weekday, a month) or one of
/// the relative words the time grammar reads.
fn may_state_time(text: &str, s: &Sentence) -> bool {
    let Some(t) = text.get(s.range.clone()) else {
        return false;
    };
    t.bytes().any(|b| b.is_ascii_digit())
        || t.split_whitespace()
            .skip(1)
            .any(|w| w.chars().next().is_some_and(char::is_uppercase))
        || ["last ", "yesterday"]
            .iter()
            .any(|w| contains_ignoring_case(t, w))
}

/// Whether `text` contains `word` (lowercase ASCII) in any case.
fn contains_ignoring_case(text: &str, word: &str) -> bool {
    text.as_bytes()
        .windows(word.len())
        .any(|w| w.eq_ignore_ascii_case(word.as_bytes()))
}

/// `in South Side shootings`: a headline that names incidents in the
/// plural is about several.
fn plural_incidents(rules: &Rules, headline: &str) -> bool {
    headline
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(|w| {
            rules
                .lexicon
                .is_word(&w.to_lowercase(), Word::IncidentPlural)
        })
}

/// `in three shootings`, `a series of shootings`: a plural incident noun
/// right after a count of two or more or an incident quantifier.
fn aggregates(rules: &Rules, sentence: &str) -> bool {
    let words = || {
        sentence
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
    };
    // the plural noun is rare: look for it before lowercasing every word
    if !words().any(|w| {
        if w.chars().any(char::is_uppercase) {
            rules
                .lexicon
                .is_word(&w.to_lowercase(), Word::IncidentPlural)
        } else {
            rules.lexicon.is_word(w, Word::IncidentPlural)
        }
    }) {
        return false;
    }
    let words: Vec<String> = words().map(str::to_lowercase).collect();
    words.iter().enumerate().any(|(i, w)| {
        rules.lexicon.is_word(w, Word::IncidentPlural)
            && (1..=3).any(|back| {
                i.checked_sub(back)
                    .and_then(|p| words.get(p))
                    .is_some_and(|q| {
                        rules.lexicon.is_word(q, Word::IncidentQuantifier)
                            || number::parse_exact(q)
                                .is_some_and(|n| n.low.is_some_and(|v| v >= 2.0))
                    })
            })
    })
}

/// The report's lead: the first paragraph that reads as prose (a sentence
/// of at least eight words).
fn lead_paragraph(text: &str, sentences: &[Sentence]) -> Option<usize> {
    sentences
        .iter()
        .find(|s| {
            text.get(s.range.clone())
                .is_some_and(|t| t.split_whitespace().count() >= 8)
        })
        .map(|s| s.paragraph)
}

/// When the report's incident happened: the first day the lead paragraph
/// states within two weeks before publication, else the first older day
/// or span it states (a follow-up), else the publication date.
fn main_date(
    doc: &Document,
    sentences: &[Sentence],
    lead: Option<usize>,
    time_of: &dyn Fn(&Sentence) -> Option<EventTime>,
) -> Option<EventTime> {
    let published = doc.published?;
    let times: Vec<EventTime> = sentences
        .iter()
        .filter(|s| Some(s.paragraph) == lead)
        .take(3)
        .filter_map(time_of)
        .filter(|t| t.stated && t.first <= published)
        .collect();
    let recent_day = times.iter().find(|t| {
        t.days() == 1
            && published
                .checked_sub(14.days())
                .is_ok_and(|cut| t.first >= cut)
    });
    // a follow-up's lead names an older day or a span (`a triple shooting
    // last month`): the report is about that
    let older = times.iter().find(|t| {
        published
            .checked_sub(730.days())
            .is_ok_and(|cut| t.first >= cut)
    });
    Some(
        recent_day
            .or(older)
            .copied()
            .unwrap_or(EventTime::day(published, false)),
    )
}

/// A sentence that is a whole short line without a final stop, in a
/// paragraph of its own: a headline (a teaser for another story, below the
/// report's own headline).
fn is_headline(text: &str, sentences: &[Sentence], si: usize) -> bool {
    let Some(s) = sentences.get(si) else {
        return false;
    };
    let alone = sentences
        .iter()
        .filter(|o| o.paragraph == s.paragraph)
        .count()
        == 1;
    let Some(t) = text.get(s.range.clone()) else {
        return false;
    };
    let words = t.split_whitespace().count();
    let stop = t
        .trim_end_matches(['"', '”', '’', '\'', ')', ']'])
        .ends_with(['.', '!', '?', ':', ';', ',']);
    alone && !stop && (3..=HEADLINE_WORDS).contains(&words)
}
