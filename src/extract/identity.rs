//! What identifies the incident a document reports: where (its dateline,
//! the places it names, the street or block), when (the day its lead
//! states, read against its publication date), who (the names it gives),
//! and what (the kind of incident and its headline's words). The
//! reconciler clusters documents into incidents by these
//! (`reconcile/events.rs`), as a reader tells two reports of one shooting
//! from reports of two.
//!
//! Only the headline and the first paragraphs are read for places and
//! names: later paragraphs are where reports turn to other incidents.

use super::{EventTime, sentence_time};
use crate::document::Document;
use crate::gazetteer::{PlaceKind, gazetteer};
use crate::number;
use crate::rules::{Rules, Tag, Word};
use crate::text::{self, Tok, TokKind};
use serde::{Deserialize, Serialize};

/// How much of the text (bytes) is its lead, read for places and names.
const LEAD_BYTES: usize = 1500;
/// How many words of the headline and the lead are kept as terms.
const MAX_TERMS: usize = 40;

/// What identifies the incident a document reports. Every field is what
/// the text says; an empty one says nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Identity {
    /// When the incident happened: the time the lead states (none when it
    /// states none; the publication date stands in).
    #[serde(default, skip_serializing_if = "not_stated")]
    pub date: Option<EventTime>,
    /// The places the headline and lead name, most specific first, each
    /// as `city:Kansas City, MO, US`, `county:Cook County, IL, US`,
    /// `state:Missouri, US` or `country:Armenia`; where the text names no
    /// city the gazetteer knows, the first place it names after `in` or
    /// `near` as written (`locality:Marlow Junction`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
    /// Streets and blocks, lowercase (`trumbull avenue`, `600 block of
    /// north 30th street`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub streets: Vec<String>,
    /// People's names the lead gives, lowercase (`amyira felder`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<String>,
    /// The kind of incident, as the text names it (`shooting`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The headline's and the lead's first words, lowercase, without the
    /// grammar's words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub terms: Vec<String>,
}

/// Whether a date is missing or only the publication date.
fn not_stated(date: &Option<EventTime>) -> bool {
    date.is_none_or(|t| !t.stated)
}

impl Identity {
    /// Whether the text says nothing of when, where, who or what (a date
    /// that is only the publication date says nothing of its own): what
    /// a record or a report leaves out.
    pub fn is_empty(&self) -> bool {
        not_stated(&self.date)
            && self.places.is_empty()
            && self.streets.is_empty()
            && self.names.is_empty()
            && self.kind.is_none()
            && self.terms.is_empty()
    }
}

/// The identity of the incident `doc` reports; `date` is the day its lead
/// states (the extractor finds it when it assigns incidents).
pub(crate) fn identity(rules: &Rules, doc: &Document, date: Option<EventTime>) -> Identity {
    let lead_end = lead_end(&doc.text);
    // the lead without its page furniture (`Related stories`, bylines)
    let mut noise: Vec<&std::ops::Range<usize>> =
        doc.noise.iter().filter(|r| r.start < lead_end).collect();
    noise.sort_by_key(|r| r.start);
    let mut kept = String::with_capacity(lead_end);
    let mut at = 0;
    for r in noise {
        if r.start > at {
            kept.push_str(doc.text.get(at..r.start).unwrap_or_default());
            kept.push('\n');
        }
        at = at.max(r.end);
    }
    if at < lead_end {
        kept.push_str(doc.text.get(at..lead_end).unwrap_or_default());
    }
    let lead = kept.as_str();
    let title = doc.title.as_deref().unwrap_or_default();
    // only a stated day: the publication date is the document's own, and
    // clustering falls back to it
    let mut id = Identity {
        date: date.filter(|t| t.stated),
        ..Default::default()
    };
    let mut places = Places::default();
    for (text, is_title) in [(title, true), (lead, false)] {
        let toks = text::tokenize(text, 0);
        if !is_title {
            dateline(&toks, &mut places);
        }
        scan(rules, &toks, is_title, &mut places, &mut id);
    }
    id.places = places.resolve();
    // a locality names the place only where nothing better does
    if !id.places.iter().any(|p| p.starts_with("city:"))
        && let Some(l) = places.localities.first()
    {
        id.places.insert(0, format!("locality:{l}"));
    }
    id.places.dedup();
    id.streets.sort();
    id.streets.dedup();
    id.names.sort();
    id.names.dedup();
    id
}

/// The end of the lead: the first paragraph break after `LEAD_BYTES`, or
/// the text's end.
fn lead_end(text: &str) -> usize {
    if text.len() <= LEAD_BYTES {
        return text.len();
    }
    let mut end = LEAD_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(end..)
        .and_then(|rest| rest.find('\n'))
        .map_or(text.len(), |i| end + i)
}

/// Place names found, and the states and countries that disambiguate them.
#[derive(Default)]
struct Places {
    /// Candidate lists (gazetteer ids, most populous first), in text order,
    /// with a state given beside the name (`Kansas City, Mo.`).
    found: Vec<(Vec<u32>, Option<u32>)>,
    /// States and countries the text names on their own.
    regions: Vec<u32>,
    /// Names after `in`, `near`, `outside` the gazetteer does not know
    /// (`near Marlow Junction`): a village, a camp, a district.
    localities: Vec<String>,
}

impl Places {
    fn add(&mut self, ids: &[u32], state: Option<u32>) {
        if ids.is_empty() {
            return;
        }
        let g = gazetteer();
        // a state's or a country's name is that, not a town abroad of the
        // same name (`in Florida`, `in Georgia`)
        let region = ids.iter().copied().find(|&id| {
            g.place(id)
                .is_some_and(|p| matches!(p.kind, PlaceKind::Admin1 | PlaceKind::Country))
        });
        if let (Some(r), None) = (region, state) {
            self.regions.push(r);
            self.found.push((vec![r], None));
            return;
        }
        self.found.push((ids.to_vec(), state));
    }

    /// Each name's place: the candidate in the state given beside it, else
    /// in a state or country the text names, else in the country its
    /// other places are in, else the most populous; most specific first,
    /// then in text order.
    fn resolve(&self) -> Vec<String> {
        let g = gazetteer();
        // the countries the text is about: of its regions, and of the
        // places it names that are no one else's name
        let mut countries: Vec<&str> = self
            .regions
            .iter()
            .filter_map(|&r| g.place(r))
            .map(|p| p.country)
            .collect();
        for (ids, state) in &self.found {
            if let [only] = ids.as_slice() {
                countries.extend(g.place(*only).map(|p| p.country));
            }
            countries.extend(state.and_then(|s| g.place(s)).map(|p| p.country));
        }
        // and the states of its cities that are no one else's name, for
        // the counties (`Shelby County` beside Memphis is Tennessee's)
        let mut regions = self.regions.clone();
        for (ids, _) in &self.found {
            if let [only] = ids.as_slice()
                && let Some(p) = g.place(*only)
                && p.kind == PlaceKind::City
                && let Some(state) = g.admin1(p.country, p.admin1)
            {
                regions.push(state);
            }
        }
        let mut out: Vec<(u8, usize, String)> = Vec::new();
        // the states and countries named on their own are places too
        let named: Vec<(Vec<u32>, Option<u32>)> =
            self.regions.iter().map(|&r| (vec![r], None)).collect();
        for (order, (ids, state)) in self.found.iter().chain(&named).enumerate() {
            let within = |id: u32, region: u32| g.within(id, region);
            let chosen = state
                .and_then(|s| ids.iter().copied().find(|&id| within(id, s)))
                .or_else(|| {
                    ids.iter()
                        .copied()
                        .find(|&id| regions.iter().any(|&r| r != id && within(id, r)))
                })
                .or_else(|| {
                    ids.iter()
                        .copied()
                        .find(|&id| g.place(id).is_some_and(|p| countries.contains(&p.country)))
                })
                .or_else(|| ids.first().copied());
            let Some(place) = chosen.and_then(|id| g.place(id)) else {
                continue;
            };
            // a name abroad when the text is about another country is some
            // other word (`Mary`, `University`)
            if !countries.is_empty() && !countries.contains(&place.country) && ids.len() > 1 {
                continue;
            }
            let (rank, key) = match place.kind {
                PlaceKind::City => (
                    0,
                    format!("city:{}, {}, {}", place.name, place.admin1, place.country),
                ),
                PlaceKind::County => (
                    1,
                    format!("county:{}, {}, {}", place.name, place.admin1, place.country),
                ),
                PlaceKind::Admin1 => (2, format!("state:{}, {}", place.name, place.country)),
                PlaceKind::Country => (3, format!("country:{}", place.name)),
            };
            if !out.iter().any(|(_, _, k)| *k == key) {
                out.push((rank, order, key));
            }
        }
        out.sort();
        out.into_iter().map(|(_, _, k)| k).collect()
    }
}

/// `KANSAS CITY, Mo. —`, `GAZA CITY (Reuters) -`: a dateline opening the
/// text — capitals, then an optional state, then a dash or an agency.
fn dateline(toks: &[Tok], places: &mut Places) {
    let g = gazetteer();
    let caps = toks
        .iter()
        .take_while(|t| t.kind == TokKind::Word && t.text.chars().all(|c| !c.is_lowercase()))
        .count()
        .min(4);
    if caps == 0 {
        return;
    }
    let name = join(toks.get(..caps).unwrap_or_default());
    let after = toks.get(caps);
    let opens_dateline = after.is_some_and(|t| {
        t.is_punct(',') || t.is_punct('(') || t.is_punct('—') || t.is_punct('–') || t.is_punct('-')
    });
    if !opens_dateline {
        return;
    }
    let state = after.filter(|t| t.is_punct(',')).and_then(|_| {
        abbreviation_at(toks, caps + 1).or_else(|| toks.get(caps + 1).and_then(|t| region(t.text)))
    });
    places.add(g.lookup(&name), state);
}

/// A US state's agency-style abbreviation at `k` (`Tenn.`, `Mo.`, the
/// period a token of its own), or its postal code (`TN`).
fn abbreviation_at(toks: &[Tok], k: usize) -> Option<u32> {
    let g = gazetteer();
    let t = toks.get(k)?;
    let dotted = toks
        .get(k + 1)
        .filter(|d| d.is_punct('.'))
        .and_then(|_| g.admin1_by_abbreviation(&format!("{}.", t.text)));
    dotted.or_else(|| {
        t.text
            .chars()
            .all(|c| c.is_ascii_uppercase())
            .then(|| g.admin1_by_abbreviation(t.text))
            .flatten()
    })
}

/// A state or country named by one word (`Missouri`, `Armenia`).
fn region(name: &str) -> Option<u32> {
    let g = gazetteer();
    g.lookup(name).iter().copied().find(|&id| {
        g.place(id)
            .is_some_and(|p| matches!(p.kind, PlaceKind::Admin1 | PlaceKind::Country))
    })
}

/// The words of `toks` joined with single spaces.
fn join(toks: &[Tok]) -> String {
    toks.iter().map(|t| t.text).collect::<Vec<_>>().join(" ")
}

/// Places after a locative word (`in Bridgeport`, `of Chattanooga`, `near
/// Lachin`), counties (`Cook County`), streets and blocks, names of people,
/// the incident's kind and the headline's terms.
fn scan(rules: &Rules, toks: &[Tok], is_title: bool, places: &mut Places, id: &mut Identity) {
    let g = gazetteer();
    let lex = &rules.lexicon;
    let capitalized = |t: &Tok| t.kind == TokKind::Word && t.is_capitalized();
    let mut k = 0;
    while let Some(t) = toks.get(k) {
        let (classes, matches) = lex.lookup_at(toks, k, true);
        let class = |w: Word| classes & w.bit() != 0;
        if id.kind.is_none()
            && let Some(m) = matches
                .iter()
                .find(|m| matches!(m.tag, Tag::Incident { .. }))
        {
            id.kind = Some(
                toks.get(k..k + m.len)
                    .map(|ts| join(ts).to_lowercase())
                    .unwrap_or_default(),
            );
        }
        // the run of capitalised words starting here
        let run = toks
            .get(k..)
            .unwrap_or_default()
            .iter()
            .take_while(|u| capitalized(u))
            .count();
        if class(Word::Locative) && run_at(toks, k + 1, &capitalized) > 0 {
            let n = run_at(toks, k + 1, &capitalized).min(4);
            // the whole name (`in Oak Lawn`, not `Oak` of it; `in Avon Park`
            // is no Avon), a county's or a street's word aside
            let whole = (1..=n).rev().find(|&len| {
                let rest_is_place_word = toks.get(k + 1 + len..k + 1 + n).is_some_and(|ts| {
                    ts.iter()
                        .all(|w| class_of(lex, w, Word::County) || class_of(lex, w, Word::Street))
                });
                (len == n || rest_is_place_word)
                    && toks
                        .get(k + 1..k + 1 + len)
                        .is_some_and(|ts| !g.lookup(&join(ts)).is_empty())
            });
            // a place the gazetteer does not know: one to three
            // capitalised words that are no date, street, county or
            // institution (`near Marlow Junction`)
            let unknown = || {
                let words = toks.get(k + 1..k + 1 + n)?;
                let plain = n <= 3
                    && words.iter().all(|w| {
                        w.text.chars().any(char::is_lowercase)
                            && !super::time::is_date_word(w.text)
                            && !class_of(lex, w, Word::Institution)
                            && !class_of(lex, w, Word::Street)
                            && !class_of(lex, w, Word::County)
                            && !class_of(lex, w, Word::PersonTitle)
                            && lex.lookup_at(toks, k + 1, true).1.is_empty()
                    });
                let owned = toks
                    .get(k + 1 + n)
                    .is_some_and(|w| w.text == "'" || w.text == "’");
                (plain && !owned).then(|| join(words))
            };
            if whole.is_none()
                && let Some(name) = unknown()
            {
                places.localities.push(name);
                k += 1 + n;
                continue;
            }
            if let Some(len) = whole {
                let name = join(toks.get(k + 1..k + 1 + len).unwrap_or_default());
                // `in Kansas City, Mo.`
                let state = match (toks.get(k + 1 + len), toks.get(k + 2 + len)) {
                    (Some(comma), Some(s)) if comma.is_punct(',') => {
                        abbreviation_at(toks, k + 2 + len).or_else(|| region(s.text))
                    }
                    _ => None,
                };
                places.add(g.lookup(&name), state);
                k += 1 + len;
                continue;
            }
        }
        // `Cook County`
        if run >= 2
            && let Some(last) = toks.get(k + run - 1)
            && class_of(lex, last, Word::County)
        {
            let name = join(toks.get(k..k + run).unwrap_or_default());
            places.add(g.lookup(&name), None);
        }
        // a state or a country named anywhere (`Tennessee`, `Armenia`), or
        // an agency-style abbreviation after a comma (`Bristol, Tenn.`)
        if (1..=2).contains(&run) {
            let name = join(toks.get(k..k + run).unwrap_or_default());
            if let Some(r) = region(&name) {
                places.regions.push(r);
            }
        }
        if t.is_punct(',')
            && let Some(r) = abbreviation_at(toks, k + 1)
        {
            places.regions.push(r);
        }
        // a side of a conflict that is a country (`Armenian soldiers`)
        for m in &matches {
            if let Tag::Party { party } = m.tag
                && let Some(r) = rules.parties.get(party as usize).and_then(|p| region(p))
            {
                places.regions.push(r);
            }
        }
        // streets: `Trumbull Avenue`, `the 600 block of North 30th Street`
        if let Some((street, len)) = street_at(rules, toks, k) {
            id.streets.push(street);
            k += len.max(1);
            continue;
        }
        // a person's name: two or three capitalised words the rules and
        // the gazetteer know nothing of, inside a sentence
        let sentence_start = k.checked_sub(1).and_then(|p| toks.get(p)).is_none_or(|w| {
            w.is_punct('.') || w.is_punct('!') || w.is_punct('?') || w.is_punct('"')
        });
        if !is_title && (2..=4).contains(&run) && !sentence_start {
            // a title before the name is not part of it (`Chief Jeff Fuesting`)
            let titled = toks
                .get(k)
                .is_some_and(|w| class_of(lex, w, Word::PersonTitle));
            let (from, n) = if titled { (k + 1, run - 1) } else { (k, run) };
            let words = toks.get(from..from + n).unwrap_or_default();
            let plain = (2..=3).contains(&n)
                && words.iter().enumerate().all(|(i, w)| {
                    w.text.chars().any(char::is_lowercase)
                        && lex.lookup_at(toks, from + i, true) == (0, Vec::new())
                        && !super::time::is_date_word(w.text)
                })
                // `Mount Sinai Hospital`, `Days Inn`: a place, not a person
                && !toks
                    .get(k + run)
                    .is_some_and(|w| class_of(lex, w, Word::Institution));
            // in prose, not a headline in title case: a lowercase word nearby
            let prose = [
                k.checked_sub(1),
                Some(k + run),
                k.checked_sub(2),
                Some(k + run + 1),
            ]
            .into_iter()
            .flatten()
            .filter_map(|i| toks.get(i))
            .any(|w| {
                w.kind == TokKind::Word && w.text.chars().next().is_some_and(char::is_lowercase)
            });
            // a speaker (`Smith said`, `said Chief Jones`) or a byline (`By
            // Dana Okafor`) is who tells of the incident, not who was in it:
            // two reports quoting one spokesman are not one incident
            let speech = |i: Option<usize>| {
                i.is_some_and(|i| {
                    lex.lookup_at(toks, i, true)
                        .1
                        .iter()
                        .any(|m| m.tag == Tag::SpeechVerb)
                })
            };
            let after = if toks.get(k + run).is_some_and(|w| w.is_punct(',')) {
                k + run + 1
            } else {
                k + run
            };
            let byline = k
                .checked_sub(1)
                .and_then(|p| toks.get(p))
                .is_some_and(|w| w.is_capitalized() && class_of(lex, w, Word::SpeakerAgent));
            // `…, said John Smith.`, `said John Smith, a spokesman`: a name
            // after its verb ends the attribution (`police said Marcus
            // Bell, 27, was shot` is a clause about him)
            let inverted = speech(k.checked_sub(1))
                && match (toks.get(k + run), toks.get(k + run + 1)) {
                    (None, _) => true,
                    (Some(p), next) if p.is_punct(',') => next.is_some_and(|w| {
                        w.kind == TokKind::Word
                            && !w.is_capitalized()
                            && w.text.parse::<u32>().is_err()
                    }),
                    (Some(p), _) => p.is_punct('.') || p.is_punct('"') || p.is_punct('”'),
                };
            let teller = speech(Some(after)) || inverted || byline;
            if plain && prose && g.lookup(&join(words)).is_empty() {
                let name = join(words).to_lowercase();
                // a speaker's name is a weak sign, as rare as it is (one
                // spokesman speaks of many incidents): a term, not a name
                if teller {
                    if !id.terms.contains(&name) {
                        id.terms.push(name);
                    }
                } else {
                    id.names.push(name);
                }
                k += run;
                continue;
            }
        }
        // the words that say what happened: the headline's, and the lead's
        // first ones (rare ones among them tell two incidents apart)
        if t.kind == TokKind::Word
            && t.lower.len() >= 4
            && classes == 0
            && matches.is_empty()
            && id.terms.len() < MAX_TERMS
            && !t.lower.chars().any(|c| c.is_ascii_digit())
            && !id.terms.iter().any(|x| *x == t.lower)
        {
            id.terms.push(t.lower.to_string());
        }
        k += 1;
    }
}

/// How many capitalised words follow from `k`.
fn run_at(toks: &[Tok], k: usize, capitalized: &dyn Fn(&Tok) -> bool) -> usize {
    toks.get(k..)
        .unwrap_or_default()
        .iter()
        .take_while(|t| capitalized(t))
        .count()
}

fn class_of(lex: &crate::rules::Lexicon, t: &Tok, class: Word) -> bool {
    lex.is_word(&t.lower, class)
}

/// A street at `k`: `Trumbull Avenue`, `North 30th Street`, `the 600
/// block of Highland`, and how many tokens it spans. The key is lowercase,
/// with the street's suffix as the rules spell it.
fn street_at(rules: &Rules, toks: &[Tok], k: usize) -> Option<(String, usize)> {
    let lex = &rules.lexicon;
    let t = toks.get(k)?;
    // `600 block of X`: the street is X (and the block)
    if t.text.chars().all(|c| c.is_ascii_digit())
        && toks
            .get(k + 1)
            .is_some_and(|b| lex.is_word(&b.lower, Word::Block))
        && toks
            .get(k + 2)
            .is_some_and(|o| lex.is_word(&o.lower, Word::Of))
    {
        let start = k + 3;
        let n = toks
            .get(start..)?
            .iter()
            .take(4)
            .take_while(|w| {
                w.kind == TokKind::Word
                    && (w.is_capitalized()
                        || w.text.chars().next().is_some_and(|c| c.is_ascii_digit()))
            })
            .count();
        if n == 0 {
            return None;
        }
        let name = join(toks.get(start..start + n)?).to_lowercase();
        return Some((name, 3 + n));
    }
    // `North 30th Street`: capitalised words or an ordinal, then a suffix
    if !(t.is_capitalized() || t.text.chars().next().is_some_and(|c| c.is_ascii_digit())) {
        return None;
    }
    let n = toks
        .get(k..)?
        .iter()
        .take(5)
        .take_while(|w| {
            w.kind == TokKind::Word
                && (w.is_capitalized() || w.text.chars().next().is_some_and(|c| c.is_ascii_digit()))
        })
        .count();
    let suffix = (1..=n).rev().find(|&len| {
        toks.get(k + len - 1)
            .is_some_and(|w| lex.is_word(&w.lower, Word::Street))
    })?;
    if suffix < 2 {
        return None;
    }
    Some((join(toks.get(k..k + suffix)?).to_lowercase(), suffix))
}

/// The day (or span) the report's incident happened, as its lead states
/// it: the first time its first paragraphs give, up to two years before
/// publication; else the publication date.
pub(crate) fn incident_date(doc: &Document) -> Option<EventTime> {
    let published = doc.published?;
    let lead = doc.text.get(..lead_end(&doc.text)).unwrap_or_default();
    let floor = published.checked_sub(jiff::ToSpan::days(730)).ok()?;
    let title = doc.title.as_deref().unwrap_or_default();
    let times: Vec<EventTime> = std::iter::once(title)
        .chain(
            text::sentences(lead)
                .into_iter()
                .filter_map(|s| lead.get(s.range)),
        )
        .take(6)
        .filter_map(|s| sentence_time(s, 0, &number::scan(s), Some(published)))
        .filter(|t| t.stated && t.last >= floor && t.first <= published)
        .collect();
    // a day first (`on Tuesday`), one other than the publication day (a
    // date line restates that); a month or a year (`last year`) only if
    // the lead states no day
    let stated = times
        .iter()
        .find(|t| t.days() == 1 && t.first != published)
        .or_else(|| times.iter().find(|t| t.days() == 1))
        .or_else(|| times.first())
        .copied();
    Some(stated.unwrap_or(EventTime::day(published, false)))
}
