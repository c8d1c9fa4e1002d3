//! Attribution: for each figure a sentence states, the victims' party and
//! population, the speaker, the hedges and the event time, and the claim
//! record with its quote.

use super::claim::{Claim, Counts};
use super::clause::Ann;
use super::speaker::{Speaker, SpeakerCue};
use super::{EventTime, Extractor, Found, sentence_time};
use crate::document::Document;
use crate::number::Quantity;
use crate::rules::{PopulationRole, Shape, Tag, Word};
use crate::text;

impl Extractor {
    /// The claims of a sentence's figures, each attributed.
    pub(super) fn attribute(&self, at: &Sentence<'_>, found: Vec<Found>) -> Vec<Claim> {
        let Sentence {
            doc,
            lines,
            sentences,
            index: si,
            text: sentence,
            base,
            quantities: qs,
            anns,
        } = *at;
        let (named, pronoun) = self.speakers_in(anns, sentence, base);
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
        let hedges = self.hedges(anns);
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
                    party = side_phrase(anns, f.end);
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

    pub(super) fn hedges(&self, anns: &[Ann]) -> Vec<String> {
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

/// A sentence being read, and what the reading has made of it so far.
pub(super) struct Sentence<'a> {
    pub doc: &'a Document,
    pub lines: &'a text::LineIndex,
    pub sentences: &'a [text::Sentence],
    /// Its index among `sentences`.
    pub index: usize,
    pub text: &'a str,
    /// Its byte offset in the document.
    pub base: usize,
    pub quantities: &'a [Quantity],
    pub anns: &'a [Ann<'a>],
}
