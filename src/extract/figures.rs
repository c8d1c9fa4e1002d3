//! Figures stated with a number: `12 people were killed`, `killing 12`,
//! `the death toll rose to 12`, `two of them`, `both`, `including two
//! children`, `a double shooting`, a headline's bare figure.

use super::claim::{Counts, Person, Reference, gender_of};
use super::clause::{Ann, Toks, before_number, is_at, noun_phrase, predicate};
use super::people::{age_in, coordinated_object};
use super::{Extractor, Found, clause, is_age, none_of_before, percent_subject};
use crate::number::{Kind, Qualifier, Quantity};
use crate::rules::{Role, Shape, Tag, Word};
use crate::text::TokKind;

impl Extractor {
    /// A number at tokens `k..end`: is it a claim, and of what?
    pub(super) fn number_claim(
        &self,
        anns: &[Ann],
        k: usize,
        end: usize,
        qty: &Quantity,
    ) -> Option<Found> {
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
    pub(super) fn subset_claim(
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
    pub(super) fn pair_claim(&self, anns: &[Ann], k: usize) -> Option<Found> {
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
    pub(super) fn including_claim(
        &self,
        anns: &[Ann],
        k: usize,
        previous: Option<&Found>,
    ) -> Option<Found> {
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
    pub(super) fn multiple_claim(&self, anns: &[Ann], k: usize) -> Option<Found> {
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
    pub(super) fn headline_claim(&self, anns: &[Ann]) -> Option<Found> {
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
}
