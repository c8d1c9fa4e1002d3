//! A document's toll: what one document says an incident cost, per
//! category, party and side — counting people, not mentions.
//!
//! News states a toll in pieces: a total (`four people were shot`), one
//! victim at a time (`a 20-year-old man was shot in the back`, `he later
//! died`), a list (`three women and two men`), parts (`including two
//! children`), attackers beside their victims (`the gunman then killed
//! himself`). For each incident of a document, category and party, the
//! toll is the largest of what its claims support:
//!
//! - a claim that states a total;
//! - a list's sum;
//! - the number of distinct people its single-victim claims name or
//!   describe (`Lopez`, `the 34-year-old`, `she` are one person).
//!
//! Parts never count: they are at most the whole. Victims and attackers
//! are figured apart; all sides together is their sum, unless the victims'
//! figure includes the attacker (`seven died, including the gunman`).
//! Where a document gives people shot and people killed, the wounded are
//! derived as the difference (`five people were shot, one died` → 4).

use crate::extract::{Claim, Counts, Derivation, Person, Reference};
use crate::number::Qualifier;
use crate::rules::{PopulationRole, Role};

/// A figure a document supports, and what supports it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Figure {
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: Qualifier,
    pub basis: Basis,
}

/// What a figure rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Basis {
    /// A claim that states it (an index into the document's claims).
    Stated(usize),
    /// The sum of a list's items (the list's id).
    Listed(usize),
    /// This many distinct people, named or described one at a time.
    Counted(usize),
    /// Victims and attackers added together.
    Sides,
    /// Derived from other figures (wounded = shot − killed).
    Derived,
}

impl Figure {
    fn exact(n: f64, basis: Basis) -> Figure {
        Figure {
            low: Some(n),
            high: Some(n),
            qualifier: Qualifier::Exact,
            basis,
        }
    }

    fn of(claim: &Claim, basis: Basis) -> Figure {
        Figure {
            low: claim.low,
            high: claim.high,
            qualifier: claim.qualifier,
            basis,
        }
    }

    /// The exact value, if the figure is one.
    fn exact_value(&self) -> Option<f64> {
        match (self.low, self.high) {
            (Some(l), Some(h)) if l == h && self.qualifier == Qualifier::Exact => Some(l),
            _ => None,
        }
    }

    /// Orders figures by how many people they at least say.
    fn rank(&self) -> (f64, f64) {
        let low = self.low.unwrap_or(0.0);
        // among equal floors, the tighter statement
        let width = self.high.map_or(f64::INFINITY, |h| h - low);
        (low, -width)
    }
}

/// One document's toll for one incident, category and party.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Toll {
    pub incident: u32,
    pub category: String,
    pub role: Option<Role>,
    pub party: Option<String>,
    /// The victims' figure, and the attackers'.
    pub victims: Option<Figure>,
    pub perpetrators: Option<Figure>,
    /// All sides together: what the document says the incident cost.
    pub all: Figure,
}

/// The claims one toll is figured from.
struct Bucket<'c> {
    incident: u32,
    category: &'c str,
    role: Option<Role>,
    party: Option<&'c str>,
    /// Indices into the document's claims, in text order.
    members: Vec<usize>,
}

/// The tolls of one document, from its claims in text order (percentages
/// have none). Also returns the claims recount derives: the wounded as
/// people shot minus people killed, where the document gives both and no
/// larger wounded figure; `wounded` is the name of the wounded category
/// (none: nothing is derived).
pub(crate) fn tolls(claims: &[&Claim], wounded: Option<&str>) -> (Vec<Toll>, Vec<Claim>) {
    let mut buckets: Vec<Bucket> = Vec::new();
    for (i, c) in claims.iter().enumerate() {
        if c.role == Some(Role::Percent) || c.counts == Counts::Derived {
            continue;
        }
        let key = (c.incident, c.category.as_str(), c.party.as_deref());
        match buckets
            .iter_mut()
            .find(|b| (b.incident, b.category, b.party) == key)
        {
            Some(b) => b.members.push(i),
            None => buckets.push(Bucket {
                incident: c.incident,
                category: c.category.as_str(),
                role: c.role,
                party: c.party.as_deref(),
                members: vec![i],
            }),
        }
    }
    let mut out: Vec<Toll> = buckets.iter().filter_map(|b| toll(claims, b)).collect();
    let derived = match wounded {
        Some(name) => derive_wounded(claims, &mut out, name),
        None => Vec::new(),
    };
    (out, derived)
}

fn is_perpetrator(c: &Claim) -> bool {
    c.population_role == Some(PopulationRole::Perpetrator)
}

fn toll(claims: &[&Claim], b: &Bucket) -> Option<Toll> {
    let side = |perpetrators: bool| -> Vec<usize> {
        b.members
            .iter()
            .copied()
            .filter(|&i| claims.get(i).is_some_and(|c| is_perpetrator(c) == perpetrators))
            .collect()
    };
    let victims = figure(claims, &side(false));
    let perpetrators = figure(claims, &side(true));
    // `seven died, including the gunman`: the attacker is a part of the
    // victims' figure, not added to it
    let included = b.members.iter().any(|&i| {
        claims
            .get(i)
            .is_some_and(|c| is_perpetrator(c) && c.counts == Counts::Part)
    });
    let all = match (victims, perpetrators) {
        (Some(v), Some(_)) if included => v,
        (Some(v), Some(p)) => Figure {
            low: Some(v.low.unwrap_or(0.0) + p.low.unwrap_or(0.0)),
            high: v.high.zip(p.high).map(|(a, b)| a + b),
            qualifier: if v.qualifier == Qualifier::Exact && p.qualifier == Qualifier::Exact {
                Qualifier::Exact
            } else {
                Qualifier::AtLeast
            },
            basis: Basis::Sides,
        },
        (Some(v), None) => v,
        (None, Some(p)) => p,
        (None, None) => return None,
    };
    Some(Toll {
        incident: b.incident,
        category: b.category.to_string(),
        role: b.role,
        party: b.party.map(str::to_string),
        victims,
        perpetrators,
        all,
    })
}

/// The largest figure `members` support: a stated total, a list's sum, or
/// the people counted one by one. Parts count for nothing.
fn figure(claims: &[&Claim], members: &[usize]) -> Option<Figure> {
    let mut best: Option<Figure> = None;
    let mut consider = |f: Figure| {
        if best.is_none_or(|b| f.rank() > b.rank()) {
            best = Some(f);
        }
    };
    let mut lists: Vec<(usize, f64, Option<f64>, bool)> = Vec::new();
    let mut people: Vec<&Person> = Vec::new();
    for &i in members {
        let Some(c) = claims.get(i) else { continue };
        if c.counts == Counts::Part {
            continue;
        }
        if let Some(id) = c.list {
            let exact = c.qualifier == Qualifier::Exact;
            match lists.iter_mut().find(|l| l.0 == id) {
                Some(l) => {
                    l.1 += c.low.unwrap_or(0.0);
                    l.2 = l.2.zip(c.high).map(|(a, b)| a + b);
                    l.3 &= exact;
                }
                None => lists.push((id, c.low.unwrap_or(0.0), c.high, exact)),
            }
        }
        match (&c.person, c.counts) {
            (Some(p), Counts::Person) => people.push(p),
            _ if c.list.is_none() => consider(Figure::of(c, Basis::Stated(i))),
            _ => {}
        }
    }
    for (id, low, high, exact) in lists {
        consider(Figure {
            low: Some(low),
            high,
            qualifier: if exact {
                Qualifier::Exact
            } else {
                Qualifier::AtLeast
            },
            basis: Basis::Listed(id),
        });
    }
    let counted = distinct_people(&people);
    if counted > 0 {
        consider(Figure::exact(counted as f64, Basis::Counted(counted)));
    }
    best
}

/// One person as the mentions so far describe them.
#[derive(Default)]
struct Slot<'p> {
    surnames: Vec<&'p str>,
    age: Option<u16>,
    noun: Option<&'p str>,
}

/// How many distinct people the mentions (in text order) are. A name or an
/// age tells people apart; `he`, `the man` and the like are someone already
/// mentioned; `a man` is someone new only if no one mentioned fits; and
/// `another man`, `a second victim` always are.
fn distinct_people(mentions: &[&Person]) -> usize {
    let mut slots: Vec<Slot> = Vec::new();
    for p in mentions {
        let surname = p
            .name
            .as_deref()
            .and_then(|n| n.split_whitespace().last())
            .map(|s| s.trim_matches(|c: char| !c.is_alphanumeric()));
        let fits = |s: &Slot| {
            s.age.zip(p.age).is_none_or(|(a, b)| a == b)
                && match (surname, s.surnames.is_empty()) {
                    (Some(n), false) => s.surnames.iter().any(|m| m.eq_ignore_ascii_case(n)),
                    _ => true,
                }
        };
        let target = match p.reference {
            Reference::Another => None,
            Reference::Pronoun | Reference::Definite => {
                slots.iter().rposition(|s| fits(s)).or(slots.len().checked_sub(1))
            }
            Reference::Name => {
                let same_name = surname.and_then(|n| {
                    slots
                        .iter()
                        .position(|s| s.surnames.iter().any(|m| m.eq_ignore_ascii_case(n)))
                });
                same_name.or_else(|| {
                    slots
                        .iter()
                        .rposition(|s| s.surnames.is_empty() && fits(s))
                })
            }
            Reference::Indefinite => slots.iter().rposition(|s| {
                fits(s)
                    && (p.age.is_some() && s.age == p.age
                        || s.noun.zip(p.noun.as_deref()).is_none_or(|(a, b)| a == b))
            }),
        };
        let slot = match target.and_then(|t| slots.get_mut(t)) {
            Some(slot) => slot,
            None => {
                slots.push(Slot::default());
                let Some(slot) = slots.last_mut() else { continue };
                slot
            }
        };
        if let Some(n) = surname
            && !slot.surnames.iter().any(|m| m.eq_ignore_ascii_case(n))
        {
            slot.surnames.push(n);
        }
        slot.age = slot.age.or(p.age);
        slot.noun = slot.noun.or(p.noun.as_deref());
    }
    slots.len()
}

/// Wounded = shot − killed, per incident and party, where the document
/// states how many were shot as a number (not one person at a time) and
/// gives no wounded figure as large. The derived figure becomes a toll
/// and a claim of its own, naming the two it comes from.
fn derive_wounded(claims: &[&Claim], tolls: &mut Vec<Toll>, wounded: &str) -> Vec<Claim> {
    let mut derived = Vec::new();
    let mut new_tolls = Vec::new();
    for shot in tolls.iter().filter(|t| t.role == Some(Role::Shot)) {
        let (Some(s), Basis::Stated(si)) = (shot.all.exact_value(), shot.all.basis) else {
            continue;
        };
        let killed = tolls.iter().find(|t| {
            t.role == Some(Role::Killed) && t.incident == shot.incident && t.party == shot.party
        });
        let k = killed.and_then(|t| t.all.exact_value()).unwrap_or(0.0);
        let w = s - k;
        if w < 1.0 || killed.is_none() && s < 1.0 {
            continue;
        }
        let stated = tolls.iter().find(|t| {
            t.role == Some(Role::Wounded) && t.incident == shot.incident && t.party == shot.party
        });
        if stated.is_some_and(|t| t.all.low.unwrap_or(0.0) >= w) {
            continue;
        }
        let Some(shot_claim) = claims.get(si) else { continue };
        let killed_claim = killed.and_then(|t| match t.all.basis {
            Basis::Stated(i) => claims.get(i).copied(),
            _ => None,
        });
        let mut claim = (*shot_claim).clone();
        claim.category = wounded.to_string();
        claim.role = Some(Role::Wounded);
        claim.low = Some(w);
        claim.high = Some(w);
        claim.qualifier = Qualifier::Exact;
        claim.counts = Counts::Derived;
        claim.person = None;
        claim.list = None;
        claim.number = match (killed, killed_claim) {
            (Some(k), Some(kc)) => format!(
                "{} {} − {} {}",
                shot_claim.number, shot.category, kc.number, k.category
            ),
            (Some(k), None) => format!(
                "{} {} − {} {}",
                shot_claim.number,
                shot.category,
                display(k.all.exact_value().unwrap_or(0.0)),
                k.category
            ),
            (None, _) => format!("{} {}", shot_claim.number, shot.category),
        };
        claim.derived = std::iter::once(*shot_claim)
            .chain(killed_claim)
            .map(derivation)
            .collect();
        if let Some(t) = tolls_entry(&mut new_tolls, shot, wounded) {
            t.victims = Some(Figure::exact(w, Basis::Derived));
            t.all = Figure::exact(w, Basis::Derived);
        }
        derived.push(claim);
    }
    // a derived toll replaces a smaller stated one
    for t in new_tolls {
        tolls.retain(|o| {
            !(o.role == Some(Role::Wounded) && o.incident == t.incident && o.party == t.party)
        });
        tolls.push(t);
    }
    derived
}

/// A fresh wounded toll for the shot toll's incident and party.
fn tolls_entry<'t>(new: &'t mut Vec<Toll>, shot: &Toll, wounded: &str) -> Option<&'t mut Toll> {
    new.push(Toll {
        incident: shot.incident,
        category: wounded.to_string(),
        role: Some(Role::Wounded),
        party: shot.party.clone(),
        victims: None,
        perpetrators: None,
        all: Figure::exact(0.0, Basis::Counted(0)),
    });
    new.last_mut()
}

fn display(v: f64) -> String {
    crate::reconcile::fmt_value(Some(v), Some(v), Qualifier::Exact)
}

fn derivation(c: &Claim) -> Derivation {
    Derivation {
        category: c.category.clone(),
        role: c.role,
        number: c.number.clone(),
        start: c.start,
        end: c.end,
        line: c.line,
        column: c.column,
        low: c.low,
        high: c.high,
        quote: c.quote.clone(),
    }
}
