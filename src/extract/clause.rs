//! The clause grammar: nom parsers over a sentence's annotated tokens.
//!
//! A number becomes a claim only when the clause around it says something
//! happened to people: the victims' noun phrase after the number
//! (`seven Azerbaijani soldiers`, `12 of its soldiers`, `10 more`), then a
//! predicate (`were killed`, `died`, `have been injured`); or a verb or toll
//! before it (`killed more than 6,500 people`, `the death toll rose to 12`).

use crate::rules::{PhraseMatch, Shape, Tag, Word};
use crate::text::{Tok, TokKind};
use nom::{IResult, Input, Needed, Parser};

/// A token with what the rules and the number grammar say about it.
#[derive(Debug, Clone)]
pub(crate) struct Ann<'s> {
    pub tok: Tok<'s>,
    pub matches: Vec<PhraseMatch>,
    /// Index (into the sentence's quantities) of the quantity this token is part of.
    pub quantity: Option<usize>,
    /// The quantity is a casualty-capable number (count or percent).
    pub countable: bool,
    /// The word classes of the token's word (one bit per [`Word`]).
    pub words: u64,
    /// The age the token's quantity states, if it is one (`20-year-old`).
    pub age: Option<u16>,
}

impl Ann<'_> {
    fn lower(&self) -> &str {
        &self.tok.lower
    }
    /// Whether the rules list the token's word in `class`.
    pub fn is(&self, class: Word) -> bool {
        self.words & class.bit() != 0
    }
    pub(crate) fn find(&self, f: impl Fn(Tag) -> bool) -> Option<PhraseMatch> {
        self.matches.iter().copied().find(|m| f(m.tag))
    }
    pub fn is_punct(&self) -> bool {
        self.tok.kind == TokKind::Punct
    }
}

/// Whether the token at `k` is listed in `class`; false past the end.
pub(crate) fn is_at(anns: &[Ann], k: usize, class: Word) -> bool {
    anns.get(k).is_some_and(|t| t.is(class))
}

/// The token right before `k`, if there is one.
pub(crate) fn ann_before<'a, 's>(anns: &'a [Ann<'s>], k: usize) -> Option<&'a Ann<'s>> {
    k.checked_sub(1).and_then(|p| anns.get(p))
}

/// A window of a sentence's tokens that knows its absolute position.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Toks<'s> {
    pub all: &'s [Ann<'s>],
    pub pos: usize,
    pub end: usize,
}

impl<'s> Toks<'s> {
    pub fn new(all: &'s [Ann<'s>], pos: usize) -> Self {
        Toks {
            all,
            pos: pos.min(all.len()),
            end: all.len(),
        }
    }
    fn slice(&self) -> &'s [Ann<'s>] {
        self.all.get(self.pos..self.end).unwrap_or(&[])
    }
    pub(crate) fn first(&self) -> Option<&'s Ann<'s>> {
        self.slice().first()
    }
}

impl<'s> Input for Toks<'s> {
    type Item = &'s Ann<'s>;
    type Iter = std::slice::Iter<'s, Ann<'s>>;
    type IterIndices = std::iter::Enumerate<Self::Iter>;

    fn input_len(&self) -> usize {
        self.end - self.pos
    }
    fn take(&self, index: usize) -> Self {
        Toks {
            end: (self.pos + index).min(self.end),
            ..*self
        }
    }
    fn take_from(&self, index: usize) -> Self {
        Toks {
            pos: (self.pos + index).min(self.end),
            ..*self
        }
    }
    fn take_split(&self, index: usize) -> (Self, Self) {
        (self.take_from(index), self.take(index))
    }
    fn position<P>(&self, predicate: P) -> Option<usize>
    where
        P: Fn(Self::Item) -> bool,
    {
        self.slice().iter().position(predicate)
    }
    fn iter_elements(&self) -> Self::Iter {
        self.slice().iter()
    }
    fn iter_indices(&self) -> Self::IterIndices {
        self.slice().iter().enumerate()
    }
    fn slice_index(&self, count: usize) -> Result<usize, Needed> {
        if self.input_len() >= count {
            Ok(count)
        } else {
            Err(Needed::new(count - self.input_len()))
        }
    }
}

type PResult<'s, O> = IResult<Toks<'s>, O, ()>;

fn fail<T>() -> Result<T, nom::Err<()>> {
    Err(nom::Err::Error(()))
}

/// One token satisfying `f`.
fn tok_if<'s>(f: impl Fn(&Ann<'s>) -> bool) -> impl Fn(Toks<'s>) -> PResult<'s, &'s Ann<'s>> {
    move |i: Toks<'s>| match i.first() {
        Some(t) if f(t) => Ok((i.take_from(1), t)),
        _ => fail(),
    }
}

/// A word of this class.
fn word<'s>(class: Word) -> impl Fn(Toks<'s>) -> PResult<'s, &'s Ann<'s>> {
    tok_if(move |t| t.tok.kind != TokKind::Punct && t.is(class))
}

/// A rules phrase starting here whose tag `f` accepts; consumes all its words.
fn phrase<'s, T>(f: impl Fn(Tag) -> Option<T>) -> impl Fn(Toks<'s>) -> PResult<'s, T> {
    move |i: Toks<'s>| {
        let Some(t) = i.first() else { return fail() };
        for m in &t.matches {
            if let Some(v) = f(m.tag)
                && m.len <= i.input_len()
            {
                return Ok((i.take_from(m.len), v));
            }
        }
        fail()
    }
}

/// The victims' noun phrase after a number (or an article).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct NounPhrase {
    pub population: Option<u16>,
    pub population_adjective: Option<u16>,
    pub party: Option<u16>,
    /// `of its soldiers`: the victims belong to whoever `its` is.
    pub possessive: bool,
    /// `N dead`, `N deaths`: the noun itself is the category.
    pub category: Option<u16>,
    /// `10 more`, `ten others`: the phrase continues an earlier figure.
    pub continuation: bool,
    /// No noun: `13 were captured`.
    pub elided: bool,
    /// `three more`, `two additional`: added to an earlier figure.
    pub increment: bool,
    /// `two of the injured`: a part of a casualty figure.
    pub partitive: bool,
    /// `57 members of the security forces`, `dozens of demonstrators`: the
    /// population named after `of`.
    pub of_population: Option<u16>,
    /// The head noun is plural (for articles, which need a singular).
    pub singular: bool,
    /// Token index of the head noun's last word (`man` in `a young man`).
    pub head: Option<usize>,
    /// `12 of them`: a part of the figure before.
    pub of_them: bool,
}

fn population_noun(tag: Tag) -> Option<u16> {
    match tag {
        Tag::Population {
            population,
            adjective: false,
        } => Some(population),
        _ => None,
    }
}

fn population_adjective(tag: Tag) -> Option<u16> {
    match tag {
        Tag::Population {
            population,
            adjective: true,
        } => Some(population),
        _ => None,
    }
}

fn party_tag(tag: Tag) -> Option<u16> {
    match tag {
        Tag::Party { party } => Some(party),
        _ => None,
    }
}

fn casualty_noun(tag: Tag) -> Option<u16> {
    match tag {
        Tag::Trigger {
            category,
            shape: Shape::Noun,
        } => Some(category),
        _ => None,
    }
}

fn suffered_trigger(tag: Tag) -> Option<u16> {
    match tag {
        Tag::Trigger {
            category,
            shape: Shape::Suffered,
        } => Some(category),
        _ => None,
    }
}

fn after_trigger(tag: Tag) -> Option<u16> {
    match tag {
        Tag::Trigger {
            category,
            shape: Shape::After,
        } => Some(category),
        _ => None,
    }
}

/// Parse the victims' noun phrase starting at `input` (just after the number).
pub(crate) fn noun_phrase<'s>(input: Toks<'s>) -> PResult<'s, NounPhrase> {
    let mut np = NounPhrase::default();
    let mut i = input;
    let mut heads = 0;
    let mut unknown_run = 0;
    let mut after_of = false;
    while let Some(t) = i.first() {
        if t.is_punct() && !t.tok.text.starts_with('-') {
            break;
        }
        // A quantity of another kind inside the phrase: an age (`14-year-old`).
        if t.quantity.is_some() && t.countable {
            break;
        }
        if t.quantity.is_some() {
            i = i.take_from(1);
            continue;
        }
        if let Ok((rest, p)) = phrase(party_tag)(i) {
            np.party = np.party.or(Some(p));
            // A plural demonym is itself the head: `three Israelis`.
            let text = t.tok.text;
            if text.ends_with('s')
                && rest.first().is_none_or(|n| {
                    phrase(population_noun)(rest).is_err()
                        && n.find(|g| population_adjective(g).is_some()).is_none()
                })
            {
                heads += 1;
                np.singular = false;
            }
            i = rest;
            unknown_run = 0;
            continue;
        }
        if let Ok((rest, c)) = phrase(casualty_noun)(i) {
            // `no death penalty`, `two death threats`: the casualty noun
            // qualifies another noun
            if rest.first().is_some_and(|n| n.is(Word::CompoundNoun)) {
                return fail();
            }
            // `10 wounded soldiers`: a casualty word before a person noun is an adjective.
            np.category = np.category.or(Some(c));
            // `Eleven hostages`: the noun also says who they were.
            if let Ok((_, p)) = phrase(population_noun)(i) {
                np.population = np.population.or(Some(p));
            }
            i = rest;
            if phrase(population_noun)(i).is_err()
                && phrase(population_adjective)(i).is_err()
                && phrase(party_tag)(i).is_err()
            {
                heads += 1;
                break;
            }
            continue;
        }
        if let Ok((rest, p)) = phrase(population_adjective)(i) {
            np.population_adjective = np.population_adjective.or(Some(p));
            // `civilian` alone is also a noun ("two civilians" is listed as a noun).
            i = rest;
            unknown_run = 0;
            continue;
        }
        if let Ok((rest, p)) = phrase(population_noun)(i) {
            if after_of && np.of_population.is_none() {
                np.of_population = Some(p);
            }
            if heads == 0 {
                np.population = Some(p);
                np.head = rest.pos.checked_sub(1);
                let head = ann_before(rest.all, rest.pos).unwrap_or(t);
                np.singular = !head.tok.lower.ends_with('s') || head.tok.lower.ends_with("ss");
                if t.is(Word::CollectivePlural) {
                    np.singular = false;
                }
                if t.is(Word::Others) {
                    np.continuation = true;
                }
            }
            heads += 1;
            i = rest;
            unknown_run = 0;
            // `female student`, `teen boy`: the last noun of a compound is the head
            if heads == 1 && phrase(population_noun)(i).is_ok() && !after_of {
                heads = 0;
                np.population = None;
                continue;
            }
            // `soldiers and officers`, `men, women and children`
            if let Ok((rest2, _)) = word(Word::Conjunction).parse(i)
                && (phrase(population_noun)(rest2).is_ok()
                    || phrase(population_adjective)(rest2).is_ok())
            {
                i = rest2;
                continue;
            }
            if i.first().is_some_and(|t| t.is(Word::Of)) {
                continue;
            }
            break;
        }
        if t.is(Word::Continuation) {
            np.continuation = true;
            np.increment |= t.is(Word::Increment);
            i = i.take_from(1);
            continue;
        }
        if t.is(Word::Others) {
            np.continuation = true;
            heads += 1;
            i = i.take_from(1);
            break;
        }
        if t.is(Word::Of) {
            // `12 of its soldiers`, `two of them`, `one of the dead`
            let rest = i.take_from(1);
            let Some(next) = rest.first() else { break };
            if next.is(Word::PartitivePronoun) {
                np.of_them = true;
                heads += 1;
                i = rest.take_from(1);
                break;
            }
            if next.is(Word::Possessive) {
                np.possessive = true;
                i = rest.take_from(1);
                continue;
            }
            if next.is(Word::PartitiveDeterminer) {
                let after = rest.take_from(1);
                // `two of the injured`; `five of the officers`: some of
                // a set the text counts elsewhere
                if phrase(casualty_noun)(after).is_ok() || heads == 0 {
                    np.partitive = true;
                }
                after_of = true;
                i = after;
                continue;
            }
            // `dozens of demonstrators`, `members of the security forces`
            if phrase(population_noun)(rest).is_ok()
                || phrase(population_adjective)(rest).is_ok()
                || phrase(party_tag)(rest).is_ok()
            {
                after_of = true;
                i = rest;
                continue;
            }
            break;
        }
        // a determiner cannot follow an adjective: `11 learned the woman`
        // is no noun phrase
        if unknown_run > 0 && (t.is(Word::Article) || t.is(Word::Possessive)) {
            return fail();
        }
        if t.is(Word::Modifier) {
            i = i.take_from(1);
            continue;
        }
        // An unknown word: allow up to two adjectives before a known head.
        if heads == 0
            && !t.is(Word::Function)
            && unknown_run < 2
            && t.tok.kind == TokKind::Word
            && !t.is(Word::Auxiliary)
            && !is_trigger(t)
        {
            unknown_run += 1;
            i = i.take_from(1);
            continue;
        }
        break;
    }
    if heads == 0 {
        if unknown_run > 0 {
            // Words that were not a known head: `300 settlements`, `two combat positions`.
            return fail();
        }
        np.elided = true;
    }
    Ok((i, np))
}

/// A noun phrase whose head the rules do not list (`two election
/// officials`, `a passerby`): up to three words no rule knows, the last
/// the head. Callers accept it only before a casualty predicate.
pub(crate) fn open_noun_phrase<'s>(input: Toks<'s>) -> Option<(Toks<'s>, NounPhrase)> {
    let mut i = input;
    let mut n = 0;
    while let Some(t) = i.first() {
        // a word the rules know only as a speaker's (`officials`) is a
        // noun too
        let plain_matches = t.matches.iter().all(|m| m.tag == Tag::Official);
        if n >= 3
            || t.tok.kind != TokKind::Word
            || t.words != 0
            || !plain_matches
            || t.quantity.is_some()
            || t.tok.is_capitalized()
        {
            break;
        }
        i = i.take_from(1);
        n += 1;
    }
    if n == 0 {
        return None;
    }
    let head = i.pos.checked_sub(1);
    let singular = head
        .and_then(|h| i.all.get(h))
        .is_some_and(|t| !t.tok.lower.ends_with('s') || t.tok.lower.ends_with("ss"));
    Some((
        i,
        NounPhrase {
            head,
            singular,
            ..Default::default()
        },
    ))
}

/// `unreasonably`, `brutally`: an adverb between auxiliary and verb.
fn is_adverb(t: &Ann) -> bool {
    let w = t.lower();
    t.tok.kind == TokKind::Word
        && w.len() > 4
        && w.ends_with("ly")
        && w.chars().all(|c| c.is_ascii_lowercase())
        && !is_trigger(t)
}

fn is_trigger(t: &Ann) -> bool {
    t.find(|g| matches!(g, Tag::Trigger { .. })).is_some()
}

/// A predicate after the victims: auxiliaries, then an `after` trigger.
/// Returns the category, and whether it is negated.
pub(crate) fn predicate<'s>(input: Toks<'s>) -> PResult<'s, (u16, bool)> {
    let found = clause_predicate(input)?;
    // `a child who had been hospitalized since the shooting has died`:
    // after a relative clause, the main clause's verb says what happened
    if input.first().is_some_and(|t| t.is(Word::Relative)) {
        let (rest, _) = found;
        let mut j = rest;
        for _ in 0..15 {
            let Some(t) = j.first() else { break };
            // (a sentence is one already: a period here ends an
            // abbreviation, `Feb.`)
            if t.tok.is_punct(';') {
                break;
            }
            if (t.is(Word::Auxiliary) || t.is(Word::Passive))
                && !t.is(Word::Relative)
                && let Ok(main) = clause_predicate(j)
            {
                return Ok(main);
            }
            j = j.take_from(1);
        }
    }
    Ok(found)
}

/// [`predicate`] within one clause.
fn clause_predicate<'s>(input: Toks<'s>) -> PResult<'s, (u16, bool)> {
    let mut i = input;
    let mut negated = false;
    let mut skipped_pp = false;
    let mut steps = 0;
    let mut auxiliary = false;
    while steps < 12 {
        steps += 1;
        if let Ok((rest, c)) = phrase(after_trigger)(i) {
            let intransitive = i.first().is_some_and(|t| t.is(Word::Intransitive));
            // `A gunman killed two people`: a verb in the active voice with
            // an object makes the noun phrase its agent, not its victim.
            // a name is an object too (`killed Barry Washington`)
            let object = rest.first().is_some_and(|n| {
                n.countable
                    || n.is(Word::Object)
                    || n.tok.kind == TokKind::Word && n.tok.is_capitalized() && n.matches.is_empty()
            });
            if object && !auxiliary && !intransitive {
                return fail();
            }
            // `one shot was fired`: the word is a noun, the subject of
            // another verb
            if rest.first().is_some_and(|n| n.is(Word::Passive)) && !auxiliary {
                return fail();
            }
            return Ok((rest, (c, negated)));
        }
        let Some(t) = i.first() else { break };
        // `suffered non-life-threatening gunshot wounds`, `with a gunshot
        // wound`: a verb of suffering, a few qualifying words, and what
        // was suffered
        if t.is(Word::Suffer) {
            let mut j = i.take_from(1);
            let mut n = 0;
            while let Some(u) = j.first() {
                if let Ok((rest, c)) = phrase(suffered_trigger)(j) {
                    return Ok((rest, (c, negated)));
                }
                if n >= 4
                    || u.is_punct() && !u.tok.text.starts_with('-')
                    || u.quantity.is_some() && u.countable
                {
                    break;
                }
                j = j.take_from(1);
                n += 1;
            }
        }
        if t.find(|g| g == Tag::Negation).is_some() {
            negated = true;
            i = i.take_from(1);
            continue;
        }
        // `he will hurt me`, `could be killed`: not something that happened
        if t.is(Word::Modal) {
            negated = true;
            i = i.take_from(1);
            continue;
        }
        if t.is(Word::Auxiliary) || is_adverb(t) {
            // only the passive (`were killed`) turns an object-looking word
            // after the verb into no object; `a man who shot his
            // girlfriend`, `has killed two` stay active
            auxiliary |= t.is(Word::Passive);
            i = i.take_from(1);
            continue;
        }
        if !skipped_pp && t.is(Word::Preposition) {
            // skip a short prepositional phrase without a verb or number in it
            let mut j = i.take_from(1);
            let mut n = 0;
            while let Some(u) = j.first() {
                // (`near the campus before he took his own life`: a
                // pronoun opens another clause)
                if n >= 5
                    || u.is_punct()
                    || u.quantity.is_some()
                    || u.is(Word::Auxiliary)
                    || u.is(Word::PersonPronoun)
                    || is_trigger(u)
                {
                    break;
                }
                j = j.take_from(1);
                n += 1;
            }
            skipped_pp = true;
            i = j;
            continue;
        }
        let dash = |u: &Ann| u.tok.is_punct('—') || u.tok.is_punct('–') || u.tok.is_punct('-');
        if t.tok.is_punct(',') || t.tok.is_punct('(') || dash(t) {
            // `--` is one dash
            let mut rest = i.take_from(1);
            if dash(t) && rest.first().is_some_and(&dash) {
                rest = rest.take_from(1);
            }
            if rest.first().is_some_and(|n| n.is(Word::Parenthetical)) {
                // skip to the closing comma / bracket / dash
                let mut j = rest;
                let mut n = 0;
                while let Some(u) = j.first() {
                    // `ages 24, 25, and 41,`: a comma before a number or
                    // `and` continues a list inside the aside
                    let list_goes_on = u.tok.is_punct(',')
                        && j.take_from(1).first().is_some_and(|v| {
                            v.quantity.is_some() || v.is(Word::Conjunction) && n > 0
                        });
                    if n > 12
                        || (u.tok.is_punct(',') && !list_goes_on)
                        || u.tok.is_punct(')')
                        || dash(u)
                    {
                        break;
                    }
                    j = j.take_from(1);
                    n += 1;
                }
                i = j.take_from(1);
                while i.first().is_some_and(&dash) {
                    i = i.take_from(1);
                }
                continue;
            }
        }
        break;
    }
    fail()
}

/// A predicate shared with a coordinated subject: `a 5-year-old girl and
/// a 34-year-old woman were shot`, `19 children and two teachers dead`.
pub(crate) fn coordinated_predicate<'s>(input: Toks<'s>) -> PResult<'s, (u16, bool)> {
    let (mut i, _) = word(Word::Conjunction).parse(input)?;
    // the second subject: an article or a number, then its noun phrase
    if i.first().is_some_and(|t| t.is(Word::Article)) {
        i = i.take_from(1);
    } else {
        let q = i.first().and_then(|t| t.quantity.filter(|_| t.countable));
        let Some(q) = q else { return fail() };
        while i.first().is_some_and(|t| t.quantity == Some(q)) {
            i = i.take_from(1);
        }
    }
    while i
        .first()
        .is_some_and(|t| t.quantity.is_some() && !t.countable)
    {
        i = i.take_from(1);
    }
    let (rest, np) = noun_phrase(i)?;
    if np.elided {
        return fail();
    }
    if np.category.is_some() && predicate(rest).is_err() {
        // `two teachers dead`
        return Ok((rest, (np.category.unwrap_or_default(), false)));
    }
    predicate(rest)
}

/// Whether the words right before `q` (the number's first token, after
/// any determiners) are an active verb whose object the number is
/// (`injured fourteen`, `killing all 157`): returns the category.
pub(crate) fn verb_before(all: &[Ann], q: usize) -> Option<u16> {
    let mut q_verb = q;
    while q_verb > 0 && is_at(all, q_verb - 1, Word::Determiner) {
        q_verb -= 1;
    }
    (q_verb.saturating_sub(6)..q_verb).find_map(|start| {
        all.get(start)?.matches.iter().find_map(|m| match m.tag {
            Tag::Trigger {
                category,
                shape: Shape::Before,
            } if start + m.len == q_verb => Some(category),
            _ => None,
        })
    })
}

/// Whether the tokens before `q` (the number's first token) are a verb or
/// toll that makes the number its victims: returns the category.
pub(crate) fn before_number(all: &[Ann], q: usize) -> Option<u16> {
    // `killing all 157 people`, `killed the 12 passengers`: determiners may
    // stand between the verb and the number.
    let mut q_verb = q;
    while q_verb > 0 && is_at(all, q_verb - 1, Word::Determiner) {
        q_verb -= 1;
    }
    let ends_at = |start: usize, shape: Shape, at: usize| -> Option<u16> {
        let t = all.get(start)?;
        t.matches.iter().find_map(|m| match m.tag {
            Tag::Trigger { category, shape: r } if r == shape && start + m.len == at => {
                Some(category)
            }
            _ => None,
        })
    };
    for start in q_verb.saturating_sub(6)..q_verb {
        if let Some(c) = ends_at(start, Shape::Before, q_verb) {
            return Some(c);
        }
    }
    // A toll phrase, then words of its clause, then connectors, then the
    // number: `the death toll from the twin bombings has risen to 95`.
    let mut j = q;
    let mut connectors = 0;
    while j > 0 && connectors < 6 && is_at(all, j - 1, Word::TollConnector) {
        j -= 1;
        connectors += 1;
    }
    let mut k = j;
    let mut steps = 0;
    while k > 0 && steps < 15 {
        k -= 1;
        steps += 1;
        let Some(t) = all.get(k) else { break };
        for start in k.saturating_sub(5)..=k {
            if let Some(c) = ends_at(start, Shape::Toll, k + 1) {
                // with no connector the toll must be right before the number
                if connectors > 0 || k + 1 == q {
                    return Some(c);
                }
            }
        }
        if t.tok.is_punct(';') || t.tok.is_punct('.') || connectors == 0 {
            break;
        }
    }
    None
}

/// Find the speaker's token range for a speech verb at `v`: the noun phrase
/// before it (`Armenia's defence ministry said`), or after it for inverted
/// attribution (`…, said John Smith`).
pub(crate) fn speaker_before(all: &[Ann], v: usize) -> Option<(usize, usize)> {
    let mut start = v;
    let mut n = 0;
    while n < 7 {
        let Some(t) = ann_before(all, start) else {
            break;
        };
        let stop = match t.tok.kind {
            TokKind::Possessive => false,
            TokKind::Punct => true,
            TokKind::Word => {
                t.is(Word::SpeakerStop)
                    || t.is(Word::Auxiliary) && !t.is(Word::SpeakerAdverb)
                    || t.quantity.is_some()
                    || is_trigger(t)
            }
        };
        if stop {
            break;
        }
        start -= 1;
        n += 1;
    }
    // leading determiners are not part of the name
    while start < v && is_at(all, start, Word::Article) {
        start += 1;
    }
    (start < v).then_some((start, v))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokens of `s` with the default rules' word classes.
    fn anns(s: &str) -> Vec<Ann<'_>> {
        let rules = crate::rules::Rules::default_rules();
        let toks = crate::text::tokenize(s, 0);
        (0..toks.len())
            .map(|i| {
                let (words, _) = rules.lexicon.lookup_at(&toks, i, false);
                Ann {
                    tok: toks[i].clone(),
                    matches: Vec::new(),
                    quantity: None,
                    countable: false,
                    words,
                    age: None,
                }
            })
            .collect()
    }

    #[test]
    fn indices_past_the_sentence_find_nothing() {
        let a = anns("the ministry said");
        assert!(!is_at(&a, 9, Word::Article));
        assert!(ann_before(&a, 0).is_none());
        assert_eq!(ann_before(&a, 3).map(Ann::lower), Some("said"));
        assert_eq!(speaker_before(&a, 2), Some((1, 2)));
        assert_eq!(speaker_before(&a, 9), None);
        assert_eq!(before_number(&a, 9), None);
    }
}
