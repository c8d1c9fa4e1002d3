//! One victim at a time, said without a number: an article (`a man was
//! shot`), a pronoun (`he later died`), a name (`Maria Lopez, 34, died`),
//! an age (`the 34-year-old`), an attacker's own death (`took his own
//! life`). The toll counts these as people, not mentions.

use super::claim::{Counts, Person, Reference, gender_of};
use super::clause::{Ann, Toks, before_number, is_at, noun_phrase, predicate};
use super::{Extractor, Found, affirmed_predicate, clause, time};
use crate::number::Qualifier;
use crate::rules::{PopulationRole, Shape, Tag, Word};
use crate::text::TokKind;

impl Extractor {
    /// One victim said without a number: an article (`a man was shot
    /// dead`, `the killing of a teenager`), a possessive after a verb
    /// (`killing his girlfriend`), a pronoun (`he later died`), or a name
    /// (`Rivers was shot and killed`).
    pub(super) fn single_claim(&self, anns: &[Ann], k: usize) -> Option<Found> {
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
    pub(super) fn one_person(&self) -> clause::NounPhrase {
        clause::NounPhrase {
            population: self.rules.population_with(PopulationRole::Default),
            singular: true,
            ..Default::default()
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn one(
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
    pub(super) fn pronoun_claim(&self, anns: &[Ann], k: usize) -> Option<Found> {
        let (end, category) = affirmed_predicate(anns, k + 1)?;
        let person = Person::pronoun(anns.get(k).and_then(gender_of));
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
    pub(super) fn name_claim(&self, anns: &[Ann], k: usize) -> Option<Found> {
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
    pub(super) fn reflexive_claim(&self, anns: &[Ann], k: usize) -> Option<Found> {
        let category = before_number(anns, k)?;
        let person = Person::pronoun(anns.get(k).and_then(gender_of));
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
    pub(super) fn attacker(&self) -> clause::NounPhrase {
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
    pub(super) fn own_claim(&self, anns: &[Ann], k: usize) -> Option<Found> {
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
        let person = Person::pronoun(
            anns.get(k..k + len)
                .unwrap_or_default()
                .iter()
                .find_map(gender_of),
        );
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
    pub(super) fn object_name_claim(&self, anns: &[Ann], k: usize) -> Option<Found> {
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
    pub(super) fn age_claim(&self, anns: &[Ann], k: usize, end: usize) -> Option<Found> {
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
    pub(super) fn article_claim(&self, anns: &[Ann], k: usize) -> Option<Found> {
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
pub(super) fn coordinated_object(anns: &[Ann], k: usize) -> Option<u16> {
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
pub(super) fn age_in(anns: &[Ann], from: usize, to: usize) -> Option<u16> {
    anns.get(from..to)?.iter().find_map(|t| t.age)
}
