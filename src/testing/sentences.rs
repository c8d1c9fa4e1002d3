//! Casualty sentences composed from the default rules' phrases, and
//! distractors: the claims set.
//!
//! Every phrase here is one of `rules.toml`'s (a category's `after`,
//! `before`, `nouns` or `tolls`, a population's `nouns`, a `release`
//! verb); a test checks that each is still there, so the sentences follow
//! the rules as they change.

use super::choices::{Choices, between, chance, pick, weighted};
use super::english::{capitalised, grouped};
use super::generate::{ClaimCase, ClaimForm, ExpectedClaim, Form};
use super::quantities::{Phrase, count_phrase, look_alike};
use crate::number::Qualifier;

/// (victims' noun, its population in the default rules)
pub(crate) const NOUNS: [(&str, &str); 30] = [
    ("people", "people"),
    ("soldiers", "military"),
    ("civilians", "civilian"),
    ("police officers", "police"),
    ("troops", "military"),
    ("children", "civilian"),
    ("servicemen", "military"),
    ("villagers", "civilian"),
    ("policemen", "police"),
    ("suspects", "suspects"),
    ("conscripts", "military"),
    ("fighters", "military"),
    ("rebels", "military"),
    ("peacekeepers", "military"),
    ("border guards", "military"),
    ("women", "civilian"),
    ("students", "civilian"),
    ("workers", "civilian"),
    ("residents", "civilian"),
    ("passengers", "civilian"),
    ("journalists", "civilian"),
    ("refugees", "civilian"),
    ("protesters", "civilian"),
    ("firefighters", "police"),
    ("gunmen", "suspects"),
    ("attackers", "suspects"),
    ("men", "people"),
    ("persons", "people"),
    ("individuals", "people"),
    ("adults", "people"),
];

/// Party adjectives of the default rules, for `12 Armenian soldiers`.
const PARTIES: [&str; 5] = ["Armenian", "Azerbaijani", "Afghan", "Ukrainian", "Russian"];

/// (predicate after the victims, the `after` phrase in it, category)
pub(crate) const PREDICATES: [(&str, &str, &str); 40] = [
    ("were killed", "killed", "killed"),
    ("died", "died", "killed"),
    ("were wounded", "wounded", "wounded"),
    ("were injured", "injured", "wounded"),
    ("were captured", "captured", "captured"),
    ("are missing", "missing", "missing"),
    ("were shot", "shot", "shot"),
    ("were shot dead", "shot dead", "killed"),
    ("were slain", "slain", "killed"),
    ("were murdered", "murdered", "killed"),
    ("were executed", "executed", "killed"),
    ("were stabbed to death", "stabbed to death", "killed"),
    ("were burned to death", "burned to death", "killed"),
    ("were fatally shot", "fatally shot", "killed"),
    ("were found dead", "found dead", "killed"),
    ("were killed in action", "killed in action", "killed"),
    ("perished", "perished", "killed"),
    ("drowned", "drowned", "killed"),
    ("lost their lives", "lost their lives", "killed"),
    ("died at the scene", "died at the scene", "killed"),
    ("passed away", "passed away", "killed"),
    ("were hurt", "hurt", "wounded"),
    ("were hospitalized", "hospitalized", "wounded"),
    ("were seriously injured", "seriously injured", "wounded"),
    ("were lightly wounded", "lightly wounded", "wounded"),
    ("were taken to hospital", "taken to hospital", "wounded"),
    ("were rushed to hospital", "rushed to hospital", "wounded"),
    (
        "were treated for injuries",
        "treated for injuries",
        "wounded",
    ),
    ("were taken prisoner", "taken prisoner", "captured"),
    ("were taken hostage", "taken hostage", "captured"),
    ("were abducted", "abducted", "captured"),
    ("were kidnapped", "kidnapped", "captured"),
    ("were detained", "detained", "captured"),
    ("were held hostage", "held hostage", "captured"),
    ("remain missing", "remain missing", "missing"),
    ("are unaccounted for", "unaccounted for", "missing"),
    ("were reported missing", "reported missing", "missing"),
    ("were listed as missing", "listed as missing", "missing"),
    ("were struck by gunfire", "struck by gunfire", "shot"),
    ("were hit by gunfire", "hit by gunfire", "shot"),
];

/// (verb before the victims, category)
pub(crate) const VERBS: [(&str, &str); 12] = [
    ("killed", "killed"),
    ("wounded", "wounded"),
    ("injured", "wounded"),
    ("claimed the lives of", "killed"),
    ("took the lives of", "killed"),
    ("shot dead", "killed"),
    ("murdered", "killed"),
    ("captured", "captured"),
    ("abducted", "captured"),
    ("kidnapped", "captured"),
    ("detained", "captured"),
    ("shot", "shot"),
];

/// (participle before the victims, category)
pub(crate) const PARTICIPLES: [(&str, &str); 8] = [
    ("killing", "killed"),
    ("wounding", "wounded"),
    ("injuring", "wounded"),
    ("claiming the lives of", "killed"),
    ("capturing", "captured"),
    ("abducting", "captured"),
    ("kidnapping", "captured"),
    ("shooting", "shot"),
];

/// (toll phrase as it opens a sentence, category)
pub(crate) const TOLLS: [(&str, &str); 11] = [
    ("The death toll", "killed"),
    ("The toll", "killed"),
    ("The number of dead", "killed"),
    ("The number of deaths", "killed"),
    ("The body count", "killed"),
    ("The number of injured", "wounded"),
    ("The number of wounded", "wounded"),
    ("The injury toll", "wounded"),
    ("The number of missing", "missing"),
    ("The casualty toll", "casualties"),
    ("The number of casualties", "casualties"),
];

/// Verbs between a toll and its figure (the rules' `toll_connectors`).
const TOLL_VERBS: [&str; 7] = [
    "rose to",
    "stood at",
    "reached",
    "climbed to",
    "has risen to",
    "jumped to",
    "hit",
];

/// (noun after the figure, category)
pub(crate) const AFTER_NOUNS: [(&str, &str); 5] = [
    ("dead", "killed"),
    ("wounded", "wounded"),
    ("injured", "wounded"),
    ("hurt", "wounded"),
    ("missing", "missing"),
];

const AGENTS: [&str; 6] = [
    "The blast",
    "The attack",
    "The explosion",
    "The airstrike",
    "The shelling",
    "The ambush",
];
const CAPTORS: [&str; 3] = ["Gunmen", "The militia", "Police"];
const EVENTS: [&str; 4] = [
    "A bomb exploded in the market",
    "Shells hit the village",
    "A car bomb went off near the station",
    "Gunmen opened fire on a bus",
];
/// What may follow a casualty clause: no number that is a count.
const TAILS: [&str; 10] = [
    "",
    " on Tuesday",
    " in the attack",
    ", police said",
    ", officials said",
    " in 2019",
    " on March 3",
    " near the border",
    ", according to the health ministry",
    " at 6 p.m. on Friday",
];

/// A figure of victims: a count any way but zero, plural (2 or more).
fn figure(c: &mut dyn Choices, vague: bool) -> Phrase {
    let form = weighted(
        c,
        &[
            (4, Form::Digits),
            (2, Form::Separators),
            (4, Form::Words),
            (1, Form::Mixed),
            (if vague { 2 } else { 0 }, Form::Vague),
            (3, Form::Qualified),
            (2, Form::Range),
        ],
    );
    let p = count_phrase(c, form);
    let top = p.reading.high.or(p.reading.low).unwrap_or(0.0);
    if top < 2.0 || (p.reading.low.unwrap_or(0.0) < 2.0 && p.reading.qualifier == Qualifier::Exact)
    {
        let n = between(c, 2, 99);
        return Phrase::from_count(n);
    }
    p
}

impl Phrase {
    fn from_count(n: u64) -> Phrase {
        let v = f64::from(u32::try_from(n).unwrap_or(2));
        Phrase {
            text: n.to_string(),
            reading: super::generate::Reading::new(
                crate::number::Kind::Count,
                Some(v),
                Some(v),
                Qualifier::Exact,
            ),
            of: false,
        }
    }
}

fn claim(p: &Phrase, category: &str, population: &str) -> ExpectedClaim {
    ExpectedClaim {
        category: category.to_string(),
        low: p.reading.low,
        high: p.reading.high,
        qualifier: p.reading.qualifier,
        population: Some(population.to_string()),
    }
}

/// `12 Armenian soldiers`, `dozens of civilians`: the victims' phrase.
fn victims(c: &mut dyn Choices, p: &Phrase) -> (String, &'static str) {
    let (noun, population) = pick(c, &NOUNS);
    // a bare 1800-2100 is a year unless a plural follows it, and `border`
    // is none: news style writes `2,000 border guards`
    let p = &if noun.starts_with("border") {
        news_style(p.clone())
    } else {
        p.clone()
    };
    let party = if chance(c, 15) {
        format!("{} ", pick(c, &PARTIES))
    } else {
        String::new()
    };
    let of = if p.of { " of" } else { "" };
    (format!("{}{of} {party}{noun}", p.text), population)
}

/// A sentence: text and claims.
type Sentence = (String, Vec<ExpectedClaim>);

fn after(c: &mut dyn Choices) -> Sentence {
    let (predicate, _, category) = pick(c, &PREDICATES);
    let tail = pick(c, &TAILS);
    if chance(c, 8) {
        // zero: `No one was killed`, `No soldiers were killed`
        let singular = predicate
            .replacen("were ", "was ", 1)
            .replacen("are ", "is ", 1)
            .replacen("remain ", "remains ", 1)
            .replacen("lost their lives", "lost his life", 1);
        let zero = Phrase {
            text: "no".into(),
            reading: super::generate::Reading::new(
                crate::number::Kind::Count,
                Some(0.0),
                Some(0.0),
                Qualifier::Exact,
            ),
            of: false,
        };
        return if chance(c, 50) || singular.contains("his") {
            (
                format!("No one {singular}{tail}."),
                vec![claim(&zero, category, "people")],
            )
        } else {
            let (noun, population) = pick(c, &NOUNS);
            (
                format!("No {noun} {predicate}{tail}."),
                vec![claim(&zero, category, population)],
            )
        };
    }
    let p = figure(c, true);
    let (who, population) = victims(c, &p);
    (
        capitalised(&format!("{who} {predicate}{tail}.")),
        vec![claim(&p, category, population)],
    )
}

fn before(c: &mut dyn Choices) -> Sentence {
    if chance(c, 50) {
        let (verb, category) = pick(c, &VERBS);
        let agent = if category == "captured" {
            pick(c, &CAPTORS)
        } else {
            pick(c, &AGENTS)
        };
        let p = figure(c, true);
        let (who, population) = victims(c, &p);
        let tail = pick(c, &TAILS);
        return (
            format!("{agent} {verb} {who}{tail}."),
            vec![claim(&p, category, population)],
        );
    }
    let event = pick(c, &EVENTS);
    let (ing, category) = pick(c, &PARTICIPLES);
    let p = figure(c, true);
    let (who, population) = victims(c, &p);
    let mut claims = vec![claim(&p, category, population)];
    let mut text = format!("{event}, {ing} {who}");
    if chance(c, 40) {
        let (ing2, category2) = pick(c, &PARTICIPLES);
        let p2 = figure(c, true);
        let (who2, population2) = victims(c, &p2);
        text.push_str(&format!(" and {ing2} {who2}"));
        claims.push(claim(&p2, category2, population2));
    }
    text.push('.');
    (text, claims)
}

/// A figure as news style writes it after a toll: a number from 1800 to
/// 2100 with its comma (`rose to 1,916`), since bare it reads as a year
/// (`docs/numbers.md`: a year unless a plural follows, and a toll has
/// none).
fn news_style(p: Phrase) -> Phrase {
    let words: Vec<String> = p
        .text
        .split(' ')
        .map(|w| {
            let parts: Vec<String> = w
                .split(['-', '\u{2013}'])
                .map(|d| {
                    let (sign, digits) = d.split_at(usize::from(d.starts_with('~')));
                    match digits.parse::<u64>() {
                        Ok(n) if digits.len() == 4 && (1800..=2100).contains(&n) => {
                            format!("{sign}{}", grouped(n, ","))
                        }
                        _ => d.to_string(),
                    }
                })
                .collect();
            let sep = if w.contains('-') { "-" } else { "\u{2013}" };
            parts.join(sep)
        })
        .collect();
    Phrase {
        text: words.join(" "),
        ..p
    }
}

fn toll(c: &mut dyn Choices) -> Sentence {
    let (toll, category) = pick(c, &TOLLS);
    let verb = pick(c, &TOLL_VERBS);
    let p = news_style(figure(c, false));
    let tail = pick(c, &TAILS);
    (
        format!("{toll} {verb} {}{tail}.", p.text),
        vec![claim(&p, category, "people")],
    )
}

fn nouns(c: &mut dyn Choices) -> Sentence {
    let (noun, category) = pick(c, &AFTER_NOUNS);
    let p = figure(c, false);
    let mut claims = vec![claim(&p, category, "people")];
    let mut text = format!("The attack left {} {noun}", p.text);
    if chance(c, 60) {
        let (noun2, category2) = pick(c, &AFTER_NOUNS);
        if category2 != category {
            let p2 = figure(c, false);
            text.push_str(&format!(" and {} {noun2}", p2.text));
            claims.push(claim(&p2, category2, "people"));
        }
    }
    text.push('.');
    (text, claims)
}

const WEEKDAYS: [&str; 5] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

/// A sentence that must give no claim.
fn distractor(c: &mut dyn Choices) -> String {
    let p = figure(c, true);
    let of = if p.of { " of" } else { "" };
    match c.below(8) {
        0 => format!("Officials met on {}.", pick(c, &WEEKDAYS)),
        1 => format!("Rescue teams evacuated {}{of} residents.", p.text),
        2 => format!("Police freed {}{of} hostages.", p.text),
        3 => format!(
            "The army denied that {}{of} soldiers had been killed.",
            p.text
        ),
        4 => format!(
            "The convoy of {}{of} trucks arrived on {}.",
            p.text,
            pick(c, &WEEKDAYS)
        ),
        5 => "Police said the investigation was continuing.".to_string(),
        6 => format!("The bridge is {} metres long.", between(c, 2, 999)),
        _ => {
            let form = pick(c, &Form::NOT_COUNTS);
            look_alike(c, form).text
        }
    }
}

/// One to four sentences, casualty clauses and distractors, with the
/// claims they state.
pub(crate) fn report(c: &mut dyn Choices) -> ClaimCase {
    let n = weighted(c, &[(4, 1u64), (3, 2), (2, 3), (1, 4)]);
    let mut case = ClaimCase {
        forms: Vec::new(),
        text: String::new(),
        claims: Vec::new(),
    };
    for _ in 0..n {
        let (form, (text, claims)) = sentence(c);
        if !case.text.is_empty() {
            case.text.push(' ');
        }
        case.text.push_str(&text);
        case.forms.push(form);
        case.claims.extend(claims);
    }
    case
}

/// One sentence of any construction.
pub(crate) fn sentence(c: &mut dyn Choices) -> (ClaimForm, Sentence) {
    let form = weighted(
        c,
        &[
            (5, ClaimForm::After),
            (3, ClaimForm::Before),
            (2, ClaimForm::Toll),
            (2, ClaimForm::Nouns),
            (2, ClaimForm::Distractor),
        ],
    );
    (form, sentence_of(c, form))
}

/// One sentence of the given construction.
pub(crate) fn sentence_of(c: &mut dyn Choices, form: ClaimForm) -> Sentence {
    match form {
        ClaimForm::Before => before(c),
        ClaimForm::Toll => toll(c),
        ClaimForm::Nouns => nouns(c),
        ClaimForm::Distractor => (distractor(c), Vec::new()),
        _ => after(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::choices::SplitMix;

    /// The phrases of `key` in every `[[table]]` of the default rules
    /// (or in `[table]` when it is not an array).
    fn phrases(table: &str, key: &str) -> Vec<(String, String)> {
        let rules: toml::Value = toml::from_str(include_str!("../../rules.toml")).unwrap();
        let entries = match &rules[table] {
            toml::Value::Array(a) => a.clone(),
            other => vec![other.clone()],
        };
        let mut out = Vec::new();
        for e in entries {
            let name = e
                .get("name")
                .and_then(|n| n.as_str())
                .unwrap_or("")
                .to_string();
            for p in e.get(key).and_then(|v| v.as_array()).into_iter().flatten() {
                out.push((name.clone(), p.as_str().unwrap().to_lowercase()));
            }
        }
        out
    }

    fn has(list: &[(String, String)], name: &str, phrase: &str) -> bool {
        list.iter().any(|(n, p)| n == name && p == phrase)
    }

    /// Every phrase a sentence is made of is one of the default rules', in
    /// the category or population the expected claim names: the kit
    /// follows the rules, and a phrase dropped from them shows up here.
    #[test]
    fn the_sentences_are_made_of_the_rules_phrases() {
        let populations = phrases("population", "nouns");
        for (noun, population) in NOUNS {
            assert!(has(&populations, population, noun), "{noun} → {population}");
        }
        let after = phrases("category", "after");
        for (_, phrase, category) in PREDICATES {
            assert!(has(&after, category, phrase), "{phrase} → {category}");
        }
        let before = phrases("category", "before");
        for (verb, category) in VERBS.iter().chain(&PARTICIPLES) {
            assert!(has(&before, category, verb), "{verb} → {category}");
        }
        let tolls = phrases("category", "tolls");
        for (toll, category) in TOLLS {
            let toll = toll.trim_start_matches("The ").to_lowercase();
            assert!(has(&tolls, category, &toll), "{toll} → {category}");
        }
        let nouns = phrases("category", "nouns");
        for (noun, category) in AFTER_NOUNS {
            assert!(has(&nouns, category, noun), "{noun} → {category}");
        }
        let release = phrases("negation", "release");
        for verb in ["evacuated", "freed"] {
            assert!(release.iter().any(|(_, p)| p == verb), "{verb}");
        }
        let connectors = phrases("words", "toll_connectors");
        for verb in TOLL_VERBS {
            for w in verb.split(' ') {
                assert!(connectors.iter().any(|(_, p)| p == w), "{w} of {verb}");
            }
        }
        // the names are the default rules' names
        let rules = crate::Rules::default_rules();
        for (_, population) in NOUNS {
            assert!(rules.populations.iter().any(|p| p.name == population));
        }
        for (_, category) in TOLLS {
            assert!(rules.categories.iter().any(|c| c.name == category));
        }
    }

    #[test]
    fn news_style_writes_year_like_figures_with_a_comma() {
        let p = |t: &str| Phrase {
            text: t.into(),
            reading: crate::generate::Reading::new(
                crate::number::Kind::Count,
                None,
                None,
                Qualifier::Exact,
            ),
            of: false,
        };
        assert_eq!(news_style(p("1916")).text, "1,916");
        assert_eq!(news_style(p("at least 1916")).text, "at least 1,916");
        assert_eq!(news_style(p("1850-1900")).text, "1,850-1,900");
        assert_eq!(news_style(p("12345")).text, "12345");
        assert_eq!(news_style(p("1700")).text, "1700");
    }

    #[test]
    fn reports_have_one_to_four_sentences() {
        let mut c = SplitMix::new(5);
        for _ in 0..500 {
            let r = report(&mut c);
            assert!((1..=4).contains(&r.forms.len()));
            assert!(!r.text.contains('\n'));
            let distractors = r
                .forms
                .iter()
                .filter(|f| **f == ClaimForm::Distractor)
                .count();
            assert!(r.claims.len() >= r.forms.len() - distractors);
        }
    }
}
