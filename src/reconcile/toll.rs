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
//! Parts never count where a whole is given: they are at most the whole
//! (alone, the largest is a floor). A figure the text says was replaced
//! (`originally`) counts only where the text gives no other. Victims and attackers
//! are figured apart; all sides together is their sum, unless the victims'
//! figure includes the attacker (`seven died, including the gunman`).
//! Where a document gives people shot and people killed, the wounded are
//! derived as the difference (`five people were shot, one died` → 4).

use crate::extract::{Claim, Counts, Derivation, Gender, Person, Reference};
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
    /// The figure as the document writes it (`four`, `three and two`, `3
    /// named`).
    pub number: String,
    /// The claim that states the figure, if one does (an index into the
    /// document's claims, then the derived ones), and its byte start.
    pub stating: Option<usize>,
    pub stating_start: Option<usize>,
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
    let persons = person_of(claims);
    let mut out: Vec<Toll> = buckets
        .iter()
        .filter_map(|b| toll(claims, &persons, b))
        .collect();
    let derived = match wounded {
        Some(name) => derive_wounded(claims, &mut out, name),
        None => Vec::new(),
    };
    (out, derived)
}

fn is_perpetrator(c: &Claim) -> bool {
    c.population_role == Some(PopulationRole::Perpetrator)
}

/// The person each claim of one person is about (`None` for the others):
/// one numbering per incident, across categories, so that "a man was shot"
/// and "he died" are one person, shot and killed.
fn person_of(claims: &[&Claim]) -> Vec<Option<(u32, usize)>> {
    let mut out = vec![None; claims.len()];
    let mut incidents: Vec<u32> = claims.iter().map(|c| c.incident).collect();
    incidents.sort_unstable();
    incidents.dedup();
    for incident in incidents {
        let (at, mentions): (Vec<usize>, Vec<Mention>) = claims
            .iter()
            .enumerate()
            .filter(|(_, c)| c.incident == incident && c.counts == Counts::Person)
            .filter_map(|(i, c)| {
                Some((
                    i,
                    Mention {
                        person: c.person.as_ref()?,
                        role: c.role,
                        attacker: is_perpetrator(c),
                    },
                ))
            })
            .unzip();
        for (i, slot) in at.into_iter().zip(people(&mentions)) {
            if let Some(o) = out.get_mut(i) {
                *o = Some((incident, slot));
            }
        }
    }
    out
}

fn toll(claims: &[&Claim], persons: &[Option<(u32, usize)>], b: &Bucket) -> Option<Toll> {
    let side = |perpetrators: bool| -> Vec<usize> {
        b.members
            .iter()
            .copied()
            .filter(|&i| {
                claims
                    .get(i)
                    .is_some_and(|c| is_perpetrator(c) == perpetrators)
            })
            .collect()
    };
    // the wounded are people hurt who did not die: a person the document
    // also says was killed is not among them
    let died: Vec<(u32, usize)> = if b.role == Some(Role::Wounded) {
        claims
            .iter()
            .zip(persons)
            .filter(|(c, _)| c.role == Some(Role::Killed))
            .filter_map(|(_, p)| *p)
            .collect()
    } else {
        Vec::new()
    };
    let victims = figure(claims, persons, &died, &side(false), false)
        .map(|v| without_the_dead(claims, b.role, v));
    // attackers are few and each one is named or described: counted one
    // by one, they are all there are
    let perpetrators = figure(claims, persons, &died, &side(true), true);
    // `seven died, including the gunman`: the attacker is a part of the
    // victims' figure, not added to it
    let included = b.members.iter().any(|&i| {
        claims
            .get(i)
            .is_some_and(|c| is_perpetrator(c) && c.counts == Counts::Part)
    }) || includes_attackers(claims, &side(false), victims, perpetrators);
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
        // attackers counted one by one, and nothing said of the victims:
        // at least the attackers
        (None, Some(p)) if matches!(p.basis, Basis::Counted(_)) => Figure {
            high: None,
            qualifier: Qualifier::AtLeast,
            ..p
        },
        (None, Some(p)) => p,
        (None, None) => return None,
    };
    let number = match all.basis {
        Basis::Sides => format!(
            "{} + {}",
            victims
                .map(|v| written(claims, &b.members, v))
                .unwrap_or_default(),
            perpetrators
                .map(|p| written(claims, &b.members, p))
                .unwrap_or_default()
        ),
        _ => written(claims, &b.members, all),
    };
    let stating = match all.basis {
        Basis::Stated(i) => Some(i),
        Basis::Listed(id) => b
            .members
            .iter()
            .copied()
            .find(|&i| claims.get(i).is_some_and(|c| c.list == Some(id))),
        _ => b.members.first().copied(),
    };
    Some(Toll {
        incident: b.incident,
        category: b.category.to_string(),
        role: b.role,
        party: b.party.map(str::to_string),
        victims,
        perpetrators,
        all,
        number,
        stating,
        stating_start: None,
    })
}

/// `three people were injured, including a woman who died`, `four were
/// wounded, one of whom died`: a wounded total counts those of its people
/// who died, which the wounded are not.
fn without_the_dead(claims: &[&Claim], role: Option<Role>, v: Figure) -> Figure {
    let Basis::Stated(i) = v.basis else { return v };
    let Some(total) = claims.get(i) else { return v };
    if role != Some(Role::Wounded) || v.exact_value().is_none() {
        return v;
    }
    let dead: f64 = claims
        .iter()
        .filter(|c| {
            c.role == Some(Role::Killed)
                && c.counts == Counts::Part
                && c.in_title == total.in_title
                && c.quote_start == total.quote_start
                && c.start > total.start
        })
        .filter_map(|c| c.low)
        .sum();
    match v.low {
        Some(low) if dead > 0.0 && dead <= low => Figure {
            low: Some(low - dead),
            high: Some(low - dead),
            basis: Basis::Derived,
            ..v
        },
        _ => v,
    }
}

/// `six family members are dead … killed five relatives before turning the
/// gun on himself`: the victims' largest total is another of their totals
/// plus the attackers, so it counts the attackers already.
fn includes_attackers(
    claims: &[&Claim],
    victims_side: &[usize],
    victims: Option<Figure>,
    perpetrators: Option<Figure>,
) -> bool {
    let (Some(v), Some(p)) = (
        victims.and_then(|v| v.exact_value()),
        perpetrators.and_then(|p| p.exact_value()),
    ) else {
        return false;
    };
    p > 0.0
        && victims_side.iter().any(|&i| {
            claims.get(i).is_some_and(|c| {
                c.counts == Counts::Total
                    && c.qualifier == Qualifier::Exact
                    && c.low == Some(v - p)
                    && c.high == Some(v - p)
            })
        })
}

/// A figure as the document writes it: the stating claim's words, a
/// list's items (`three and two`), or the count of people named one by one
/// (`2 named`).
fn written(claims: &[&Claim], members: &[usize], f: Figure) -> String {
    match f.basis {
        Basis::Stated(i) => claims.get(i).map(|c| c.number.clone()).unwrap_or_default(),
        Basis::Listed(id) => members
            .iter()
            .filter_map(|&i| claims.get(i))
            .filter(|c| c.list == Some(id) && c.counts != Counts::Part)
            .map(|c| c.number.as_str())
            .collect::<Vec<_>>()
            .join(" and "),
        Basis::Counted(n) => format!("{n} named"),
        Basis::Sides | Basis::Derived => display(f.low.unwrap_or(0.0)),
    }
}

/// The largest figure `members` support: a stated total, a list's sum, or
/// the people counted one by one (not those in `died`, for the wounded).
/// `N others` after a figure of the same category adds to it. Parts count
/// for nothing.
fn figure(
    claims: &[&Claim],
    persons: &[Option<(u32, usize)>],
    died: &[(u32, usize)],
    members: &[usize],
    all_counted: bool,
) -> Option<Figure> {
    let mut best: Option<Figure> = None;
    let mut consider = |f: Figure| {
        if best.is_none_or(|b| f.rank() > b.rank()) {
            best = Some(f);
        }
    };
    let mut lists: Vec<(usize, f64, Option<f64>, bool)> = Vec::new();
    let mut counted: Vec<(u32, usize)> = Vec::new();
    // one person stated before `N others`, who add to them
    let mut so_far: Option<f64> = None;
    // a figure the text says was replaced counts only when it gives no
    // other; the largest part is a floor when it gives no whole
    let current = members.iter().any(|&i| {
        claims
            .get(i)
            .is_some_and(|c| !matches!(c.counts, Counts::Part | Counts::Earlier))
    });
    let mut largest_part: Option<Figure> = None;
    for &i in members {
        let Some(c) = claims.get(i) else { continue };
        if c.counts == Counts::Part || c.counts == Counts::Earlier && current {
            if c.counts == Counts::Part
                && let Some(low) = c.low
                && largest_part.is_none_or(|p| p.low < Some(low))
            {
                largest_part = Some(Figure {
                    low: Some(low),
                    high: None,
                    qualifier: Qualifier::AtLeast,
                    basis: Basis::Stated(i),
                });
            }
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
            so_far = fmax(so_far, lists.iter().map(|l| l.1).reduce(f64::max));
            continue;
        }
        match c.counts {
            Counts::Person => {
                if let Some(p) = persons.get(i).copied().flatten()
                    && !died.contains(&p)
                    && !counted.contains(&p)
                {
                    counted.push(p);
                    so_far = fmax(so_far, Some(counted.len() as f64));
                }
            }
            Counts::More if so_far == Some(1.0) => {
                let base = 1.0;
                let f = Figure {
                    low: c.low.map(|l| l + base),
                    high: c.high.map(|h| h + base),
                    qualifier: c.qualifier,
                    basis: Basis::Stated(i),
                };
                consider(f);
            }
            // `seven others` after a figure that is not one person: at
            // least those seven
            Counts::More if so_far.is_some() => consider(Figure {
                low: c.low,
                high: None,
                qualifier: Qualifier::AtLeast,
                basis: Basis::Stated(i),
            }),
            _ => {
                consider(Figure::of(c, Basis::Stated(i)));
                so_far = fmax(so_far, c.low);
            }
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
    if !counted.is_empty() {
        // people named one at a time are at least that many: a report need
        // not name them all
        let n = counted.len() as f64;
        consider(Figure {
            low: Some(n),
            high: all_counted.then_some(n),
            qualifier: if all_counted {
                Qualifier::Exact
            } else {
                Qualifier::AtLeast
            },
            basis: Basis::Counted(counted.len()),
        });
    }
    best.or(largest_part)
}

/// The larger of two optional values.
fn fmax(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, None) => x,
        (None, y) => y,
    }
}

/// One mention of one person: who, in a claim of which role, and whether
/// as the attacker.
struct Mention<'p> {
    person: &'p Person,
    role: Option<Role>,
    attacker: bool,
}

/// One person as the mentions so far describe them.
#[derive(Default)]
struct Slot<'p> {
    surnames: Vec<&'p str>,
    age: Option<u16>,
    gender: Option<Gender>,
    /// The roles of the claims that mention them.
    roles: Vec<Option<Role>>,
    /// Mentioned as the attacker (attackers and victims are never one
    /// person: `he killed himself` is not the man he shot).
    attacker: bool,
}

/// Which person each mention (in text order) is: mentions with the same
/// number are one person. A name or an age tells people apart; `he`, `the
/// man` and the like are someone already mentioned; `a man` is someone new
/// only if no one mentioned fits; and `another man`, `a second victim`
/// always are.
fn people(mentions: &[Mention]) -> Vec<usize> {
    let mut slots: Vec<Slot> = Vec::new();
    let mut of = Vec::with_capacity(mentions.len());
    for &Mention {
        person: p,
        role,
        attacker,
    } in mentions
    {
        let surname = p
            .name
            .as_deref()
            .and_then(|n| n.split_whitespace().last())
            .map(|s| s.trim_matches(|c: char| !c.is_alphanumeric()));
        // a mention fits a person when nothing it says tells them apart
        let fits = |s: &Slot| {
            s.attacker == attacker
                && s.age.zip(p.age).is_none_or(|(a, b)| a == b)
                && s.gender.zip(p.gender).is_none_or(|(a, b)| a == b)
                && match (surname, s.surnames.is_empty()) {
                    (Some(n), false) => s.surnames.iter().any(|m| m.eq_ignore_ascii_case(n)),
                    _ => true,
                }
        };
        // the most recent person who fits, one mentioned in the same role
        // first (`the boy who was killed` is the one killed)
        let recent = |ok: &dyn Fn(&Slot) -> bool| {
            slots
                .iter()
                .rposition(|s| ok(s) && s.roles.contains(&role))
                .or_else(|| slots.iter().rposition(ok))
        };
        let target = match p.reference {
            Reference::Another => None,
            Reference::Name => surname
                .and_then(|n| {
                    slots.iter().position(|s| {
                        s.attacker == attacker
                            && s.surnames.iter().any(|m| m.eq_ignore_ascii_case(n))
                    })
                })
                .or_else(|| recent(&|s| s.surnames.is_empty() && fits(s))),
            Reference::Pronoun | Reference::Definite | Reference::Indefinite => recent(&fits),
        };
        let index = match target.filter(|&t| t < slots.len()) {
            Some(t) => t,
            None => {
                slots.push(Slot {
                    attacker,
                    ..Slot::default()
                });
                slots.len() - 1
            }
        };
        of.push(index);
        let Some(slot) = slots.get_mut(index) else {
            continue;
        };
        if let Some(n) = surname
            && !slot.surnames.iter().any(|m| m.eq_ignore_ascii_case(n))
        {
            slot.surnames.push(n);
        }
        slot.age = slot.age.or(p.age);
        slot.gender = slot.gender.or(p.gender);
        if !slot.roles.contains(&role) {
            slot.roles.push(role);
        }
    }
    of
}

/// Wounded = shot − killed, per incident and party, where the document
/// states how many were shot as a number (not one person at a time) and
/// gives no wounded figure as large. The derived figure becomes a toll
/// and a claim of its own, naming the two it comes from.
fn derive_wounded(claims: &[&Claim], tolls: &mut Vec<Toll>, wounded: &str) -> Vec<Claim> {
    let mut derived = Vec::new();
    let mut new_tolls = Vec::new();
    for shot in tolls.iter().filter(|t| t.role == Some(Role::Shot)) {
        let (Some(s), Some(si)) = (shot.all.low, shot.stating) else {
            continue;
        };
        if shot.all.qualifier == Qualifier::Vague {
            continue;
        }
        let killed = tolls.iter().find(|t| {
            t.role == Some(Role::Killed) && t.incident == shot.incident && t.party == shot.party
        });
        // side by side: a gunman who shot himself is not among the
        // victims who died
        let side = |f: &dyn Fn(&Toll) -> Option<Figure>, t: Option<&Toll>| -> f64 {
            t.and_then(|t| f(t).or_else(|| t.perpetrators.is_none().then_some(t.all)))
                .and_then(|f| f.low)
                .unwrap_or(0.0)
        };
        let k = killed.and_then(|t| t.all.low).unwrap_or(0.0);
        // (`+ 0.0`: never a negative zero in the output)
        let w = 0.0
            + if shot.perpetrators.is_some() || killed.is_some_and(|t| t.perpetrators.is_some()) {
                (side(&|t| t.victims, Some(shot)) - side(&|t| t.victims, killed)).max(0.0)
                    + (side(&|t| t.perpetrators, Some(shot)) - side(&|t| t.perpetrators, killed))
                        .max(0.0)
            } else {
                (s - k).max(0.0)
            };
        // "none wounded" is left unsaid: a report that counts the dead
        // among those shot may still leave someone out
        if w < 1.0 {
            continue;
        }
        let stated = tolls.iter().find(|t| {
            t.role == Some(Role::Wounded) && t.incident == shot.incident && t.party == shot.party
        });
        if stated.is_some_and(|t| t.all.low.unwrap_or(0.0) >= w) {
            continue;
        }
        let Some(shot_claim) = claims.get(si) else {
            continue;
        };
        let killed_claim = killed.and_then(|t| match t.all.basis {
            Basis::Stated(i) => claims.get(i).copied(),
            _ => None,
        });
        let mut claim = (*shot_claim).clone();
        claim.category = wounded.to_string();
        claim.role = Some(Role::Wounded);
        // exact when both are, or none are left; `at least` when the people
        // shot are
        let exact = shot.all.exact_value().is_some();
        claim.low = Some(w);
        claim.high = exact.then_some(w);
        claim.qualifier = if exact {
            Qualifier::Exact
        } else {
            Qualifier::AtLeast
        };
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
                display(k.all.low.unwrap_or(0.0)),
                k.category
            ),
            (None, _) => format!("{} {}", shot_claim.number, shot.category),
        };
        claim.derived = std::iter::once(*shot_claim)
            .chain(killed_claim)
            .map(derivation)
            .collect();
        if let Some(t) = tolls_entry(&mut new_tolls, shot, wounded) {
            let f = Figure {
                low: claim.low,
                high: claim.high,
                qualifier: claim.qualifier,
                basis: Basis::Derived,
            };
            t.victims = Some(f);
            t.all = f;
            t.number = claim.number.clone();
            // the derived claim's place among the document's claims
            t.stating = Some(claims.len() + derived.len());
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
        number: String::new(),
        stating: None,
        stating_start: None,
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
