//! The rules: which words make a number a casualty claim, who the victims
//! are, who speaks, and what hedges a figure.
//!
//! Rules are TOML (see `rules.toml` at the top of the repository, embedded
//! as [`DEFAULT_RULES`], and `docs/rules.md`). [`Rules::from_toml`] checks a
//! file the way a compiler checks source: every problem names the file, the
//! line, the column and the key.

mod lexicon;
mod words;

pub(crate) use lexicon::{Lexicon, PhraseMatch, Shape, Tag};
use words::RawWords;
pub(crate) use words::Word;

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use toml::Spanned;

/// The default rules, compiled into the binary so recount runs with no
/// configuration.
pub const DEFAULT_RULES: &str = include_str!("../../rules.toml");

/// The rules schema version this build reads.
pub const SCHEMA_VERSION: i64 = 1;

/// Past this many phrases in one rules file, loading is refused: the
/// lexicon is built in memory and every sentence consults it.
pub const MAX_PHRASES: usize = 200_000;

/// A problem in a rules file, located like a compiler error.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}:{column}: {message}")]
#[non_exhaustive]
pub struct RulesError {
    /// The rules file, as named to [`Rules::from_toml`].
    pub file: String,
    /// 1-based line of the problem.
    pub line: usize,
    /// 1-based column (in characters) of the problem.
    pub column: usize,
    /// The key the problem is about (`category[2].name`), where known.
    pub key: Option<String>,
    /// What is wrong.
    pub message: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRules {
    schema: Option<Spanned<i64>>,
    extends: Option<Spanned<String>>,
    #[serde(default)]
    category: Vec<RawCategory>,
    #[serde(default)]
    population: Vec<RawPopulation>,
    #[serde(default)]
    party: Vec<RawParty>,
    speech: Option<RawSpeech>,
    hedges: Option<Spanned<HashMap<String, Vec<String>>>>,
    negation: Option<RawNegation>,
    words: Option<Spanned<RawWords>>,
    multiples: Option<Spanned<BTreeMap<String, f64>>>,
    incidents: Option<RawIncidents>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIncidents {
    #[serde(default)]
    other: Vec<String>,
    #[serde(default)]
    aggregate: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCategory {
    name: Spanned<String>,
    role: Option<Spanned<String>>,
    /// Schema 1's spelling of `role = "percent"`, still read.
    #[serde(default)]
    percent: Option<Spanned<bool>>,
    #[serde(default)]
    after: Vec<String>,
    #[serde(default)]
    before: Vec<String>,
    #[serde(default)]
    nouns: Vec<String>,
    #[serde(default)]
    tolls: Vec<String>,
    #[serde(default)]
    incidents: Vec<String>,
    #[serde(default)]
    suffered: Vec<String>,
    #[serde(default)]
    own: Vec<String>,
    /// A new category whose name is close to a built-in one's, on purpose.
    #[serde(default)]
    new: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPopulation {
    name: Spanned<String>,
    role: Option<Spanned<String>>,
    /// A new population whose name is close to a built-in one's, on purpose.
    #[serde(default)]
    new: bool,
    #[serde(default)]
    nouns: Vec<String>,
    #[serde(default)]
    adjectives: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawParty {
    name: Spanned<String>,
    aliases: Spanned<Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSpeech {
    #[serde(default)]
    verbs: Vec<String>,
    #[serde(default)]
    official: Vec<String>,
    #[serde(default)]
    not_speakers: Vec<String>,
    #[serde(default)]
    leading: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNegation {
    #[serde(default)]
    words: Vec<String>,
    #[serde(default)]
    release: Vec<String>,
    #[serde(default)]
    denial: Vec<String>,
}

/// What a category means, whatever the rules call it: `role = "killed"`.
/// The code asks for a role, never for a name, so a rules file may call
/// its categories anything. A category without a role is a plain category
/// of the user's: grouped and reconciled like the others, never derived.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Role {
    /// People killed. A single victim's death outranks their being hurt
    /// (`was shot and later died`), and derived figures subtract it.
    Killed,
    /// People wounded or injured and alive.
    Wounded,
    /// People hit by gunfire, killed or not: wounded = shot − killed.
    Shot,
    /// People captured, taken hostage, detained.
    Captured,
    /// People missing.
    Missing,
    /// Every percentage a text states; grouped by what it is a share of,
    /// never summed into totals.
    Percent,
}

impl Role {
    /// Every role, in the order `docs/rules.md` lists them.
    pub const ALL: [Role; 6] = [
        Role::Killed,
        Role::Wounded,
        Role::Shot,
        Role::Captured,
        Role::Missing,
        Role::Percent,
    ];

    /// The role as `rules.toml` spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Killed => "killed",
            Role::Wounded => "wounded",
            Role::Shot => "shot",
            Role::Captured => "captured",
            Role::Missing => "missing",
            Role::Percent => "percent",
        }
    }

    fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// What a population means, whatever the rules call it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum PopulationRole {
    /// Where victims of no stated kind go (`three were killed`).
    Default,
    /// Attackers: their figures are a side of their own, never the
    /// victims' (`12 killed, including the bomber`).
    Perpetrator,
}

impl PopulationRole {
    /// Every population role.
    pub const ALL: [PopulationRole; 2] = [PopulationRole::Default, PopulationRole::Perpetrator];

    /// The role as `rules.toml` spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            PopulationRole::Default => "default",
            PopulationRole::Perpetrator => "perpetrator",
        }
    }

    fn parse(s: &str) -> Option<PopulationRole> {
        PopulationRole::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// A claim category as the rules define it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Category {
    /// The name claims carry (`killed`).
    pub name: String,
    /// What it means, if it is one of the categories the code knows.
    pub role: Option<Role>,
}

impl Category {
    /// Every percentage is a claim of this category.
    pub fn is_percent(&self) -> bool {
        self.role == Some(Role::Percent)
    }
}

/// A population (who the victims were) as the rules define it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Population {
    /// The name claims carry (`civilian`).
    pub name: String,
    /// What it means to the code, if anything.
    pub role: Option<PopulationRole>,
}

/// What a phrase of the `[incidents]` table says about its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum IncidentCue {
    /// The text turns to another incident (`in a separate incident`).
    Other,
    /// The figure adds up several incidents (`so far this year`).
    Aggregate,
}

/// Compiled rules: names, and the lexicon the extractor consults. Made by
/// [`Rules::from_toml`] or [`Rules::default_rules`].
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Rules {
    /// Phrases that say which incident a sentence is about.
    pub(crate) incident_phrases: Vec<(String, IncidentCue)>,
    /// The claim categories, in the order the rules give them.
    pub categories: Vec<Category>,
    /// The populations (who the victims were).
    pub populations: Vec<Population>,
    /// The parties (the victims' sides) the rules name.
    pub parties: Vec<String>,
    /// The hedges a figure may carry (`preliminary`, `reportedly`).
    pub hedges: Vec<String>,
    pub(crate) lexicon: Lexicon,
}

/// Where a rules file says something, so errors can point at it.
struct Source<'a> {
    name: &'a str,
    text: &'a str,
}

impl Source<'_> {
    fn error(
        &self,
        span: Option<Range<usize>>,
        key: Option<String>,
        message: String,
    ) -> RulesError {
        let (line, column) = span.map_or((1, 1), |s| line_col(self.text, s.start));
        RulesError {
            file: self.name.to_string(),
            line,
            column,
            key,
            message,
        }
    }
}

use crate::text::line_col;

impl Rules {
    /// The rules embedded in the binary.
    // Not reachable from input: the embedded file is a constant of the
    // build, loaded by every test.
    #[allow(clippy::unreachable)]
    pub fn default_rules() -> Rules {
        match Rules::from_toml("rules.toml", DEFAULT_RULES) {
            Ok(rules) => rules,
            // The embedded file is checked by the test suite; reaching this
            // means the binary was built from a broken tree.
            Err(e) => unreachable!("embedded rules.toml is invalid: {e}"),
        }
    }

    /// Load a rules file. A file whose `extends = "default"` adds to the
    /// embedded rules; any other file replaces them.
    pub fn from_toml(file_name: &str, text: &str) -> Result<Rules, RulesError> {
        let src = Source {
            name: file_name,
            text,
        };
        let raw: RawRules = toml::from_str(text).map_err(|e| {
            let key = unknown_key(e.message());
            src.error(e.span(), key, e.message().trim().to_string())
        })?;
        if let Some(schema) = &raw.schema
            && *schema.get_ref() != SCHEMA_VERSION
        {
            return Err(src.error(
                Some(schema.span()),
                Some("schema".into()),
                format!(
                    "schema {} is not supported; this recount reads schema {SCHEMA_VERSION}",
                    schema.get_ref()
                ),
            ));
        }
        let mut builder = Builder::default();
        if let Some(extends) = &raw.extends {
            if extends.get_ref() != "default" {
                return Err(src.error(
                    Some(extends.span()),
                    Some("extends".into()),
                    format!(
                        "extends = {:?} refers to nothing; the only rules a file can extend are \"default\"",
                        extends.get_ref()
                    ),
                ));
            }
            let base: RawRules = toml::from_str(DEFAULT_RULES)
                .map_err(|e| src.error(None, None, format!("embedded rules: {}", e.message())))?;
            let base_src = Source {
                name: "rules.toml (default)",
                text: DEFAULT_RULES,
            };
            builder.add(&base_src, base, false)?;
        }
        let merging = raw.extends.is_some();
        let mut raw = raw;
        if !merging && (raw.words.is_none() || raw.multiples.is_none() || raw.incidents.is_none()) {
            // The grammar's English function words come with recount: a
            // file of its own categories need not restate them.
            let base: RawRules = toml::from_str(DEFAULT_RULES)
                .map_err(|e| src.error(None, None, format!("embedded rules: {}", e.message())))?;
            raw.words = raw.words.or(base.words);
            raw.multiples = raw.multiples.or(base.multiples);
            raw.incidents = raw.incidents.or(base.incidents);
        }
        builder.add(&src, raw, merging)?;
        builder.finish(&src)
    }
}

/// A category's role: `role = "…"`, or schema 1's `percent = true`.
fn category_role(
    src: &Source,
    i: usize,
    cat: &RawCategory,
) -> Result<Option<(Role, Range<usize>)>, RulesError> {
    let role = match &cat.role {
        None => None,
        Some(r) => match Role::parse(r.get_ref().trim()) {
            Some(role) => Some((role, r.span())),
            None => {
                return Err(src.error(
                    Some(r.span()),
                    Some(format!("category[{i}].role")),
                    format!(
                        "unknown category role {:?}; the roles are {} (or no role, for a category of your own)",
                        r.get_ref(),
                        quoted(Role::ALL.map(Role::as_str))
                    ),
                ));
            }
        },
    };
    match (&cat.percent, &role) {
        (Some(p), Some((r, _))) if *p.get_ref() && *r != Role::Percent => Err(src.error(
            Some(p.span()),
            Some(format!("category[{i}].percent")),
            format!(
                "percent = true means role = \"percent\", but this category has role = {:?}",
                r.as_str()
            ),
        )),
        (Some(p), None) if *p.get_ref() => Ok(Some((Role::Percent, p.span()))),
        _ => Ok(role),
    }
}

/// The regular English plural of a one-word noun (`son` → `sons`, `lady`
/// → `ladies`, `man` → `men`), none for a phrase or a word that already
/// reads as a plural.
fn plural_of(noun: &str) -> Option<String> {
    let noun = noun.trim();
    if noun.is_empty() || noun.contains(char::is_whitespace) || !noun.is_ascii() {
        return None;
    }
    let lower = noun.to_ascii_lowercase();
    if lower.ends_with('s') {
        return None;
    }
    Some(if let Some(stem) = lower.strip_suffix("man") {
        format!("{stem}men")
    } else if lower.ends_with("ch") || lower.ends_with("sh") || lower.ends_with('x') {
        format!("{lower}es")
    } else if let Some(stem) = lower
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'i', 'o', 'u']))
    {
        format!("{stem}ies")
    } else {
        format!("{lower}s")
    })
}

/// The name among `names` that `name` looks like a typo of: at most one
/// edit in four letters (`wouned` → `wounded`), none for short names.
fn near_name<'n>(name: &str, names: impl Iterator<Item = &'n str>) -> Option<&'n str> {
    let name = name.to_lowercase();
    names
        .map(|n| (edit_distance(&name, &n.to_lowercase()), n))
        .filter(|&(d, n)| d > 0 && n.chars().count() >= 4 && d * 4 <= n.chars().count())
        .min_by_key(|&(d, _)| d)
        .map(|(_, n)| n)
}

/// Levenshtein distance between two short strings.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row.first().copied().unwrap_or(0);
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let above = row.get(j + 1).copied().unwrap_or(usize::MAX);
            let left = row.get(j).copied().unwrap_or(usize::MAX);
            let cost = usize::from(ca != *cb);
            let value = (prev + cost).min(above + 1).min(left + 1);
            prev = above;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = value;
            }
        }
    }
    row.last().copied().unwrap_or(0)
}

/// `"a", "b", "c"`.
fn quoted<const N: usize>(names: [&str; N]) -> String {
    names
        .iter()
        .map(|n| format!("{n:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// serde's message for an unknown field names it in backquotes.
fn unknown_key(message: &str) -> Option<String> {
    let rest = message.split("unknown field `").nth(1)?;
    Some(rest.split('`').next()?.to_string())
}

#[derive(Default)]
struct Builder {
    categories: Vec<Category>,
    populations: Vec<Population>,
    /// Each role given so far: to whom, and where (`file:line`).
    roles: Vec<(&'static str, String, String)>,
    incident_phrases: Vec<(String, IncidentCue)>,
    parties: Vec<String>,
    hedges: Vec<String>,
    lexicon: Lexicon,
    phrases: usize,
}

impl Builder {
    /// `merging`: entries may add to same-named entries loaded before this
    /// file (an `extends` file); duplicates within one file are errors.
    fn add(&mut self, src: &Source, raw: RawRules, merging: bool) -> Result<(), RulesError> {
        let (base_categories, base_populations, base_parties) = (
            self.categories.len(),
            self.populations.len(),
            self.parties.len(),
        );
        for (i, cat) in raw.category.into_iter().enumerate() {
            let name = cat.name.get_ref().trim().to_string();
            let key = format!("category[{i}].name");
            if name.is_empty() {
                return Err(src.error(
                    Some(cat.name.span()),
                    Some(key),
                    "empty category name".into(),
                ));
            }
            let role = category_role(src, i, &cat)?;
            let existing = self.categories.iter().position(|c| c.name == name);
            if merging && existing.is_none() && !cat.new {
                let names = self
                    .categories
                    .iter()
                    .take(base_categories)
                    .map(|c| c.name.as_str());
                if let Some(near) = near_name(&name, names) {
                    return Err(src.error(
                        Some(cat.name.span()),
                        Some(key),
                        format!(
                            "no built-in category {name:?}: did you mean `{near}`? (a new category with a name this close needs `new = true`)"
                        ),
                    ));
                }
            }
            let index = match existing {
                Some(index) if merging && index < base_categories => index,
                Some(_) => {
                    return Err(src.error(
                        Some(cat.name.span()),
                        Some(key),
                        format!("duplicate category name {name:?}"),
                    ));
                }
                None => {
                    self.categories.push(Category {
                        name: name.clone(),
                        role: None,
                    });
                    self.categories.len() - 1
                }
            };
            if let Some((role, span)) = role.clone() {
                self.claim_role(
                    src,
                    span,
                    format!("category[{i}].role"),
                    role.as_str(),
                    &name,
                )?;
                if let Some(c) = self.categories.get_mut(index) {
                    c.role = Some(role);
                }
            }
            let total = cat.after.len()
                + cat.before.len()
                + cat.nouns.len()
                + cat.tolls.len()
                + cat.suffered.len()
                + cat.own.len();
            let percent = role.is_some_and(|(r, _)| r == Role::Percent);

            if total == 0 && !percent && existing.is_none() {
                return Err(src.error(
                    Some(cat.name.span()),
                    Some(format!("category[{i}]")),
                    format!(
                        "category {name:?} has no trigger phrases: give at least one of after, before, nouns, tolls (or role = \"percent\")"
                    ),
                ));
            }
            let category = index as u16;
            for (shape, list) in [
                (Shape::After, &cat.after),
                (Shape::Before, &cat.before),
                (Shape::Noun, &cat.nouns),
                (Shape::Toll, &cat.tolls),
                (Shape::Suffered, &cat.suffered),
                (Shape::Own, &cat.own),
            ] {
                for phrase in list {
                    self.phrase(src, &cat.name, phrase, Tag::Trigger { category, shape })?;
                }
            }
            for noun in &cat.incidents {
                self.phrase(src, &cat.name, noun, Tag::Incident { category })?;
            }
        }
        for (i, pop) in raw.population.into_iter().enumerate() {
            let name = pop.name.get_ref().trim().to_string();
            let role = match &pop.role {
                None => None,
                Some(r) => match PopulationRole::parse(r.get_ref().trim()) {
                    Some(role) => Some((role, r.span())),
                    None => {
                        return Err(src.error(
                            Some(r.span()),
                            Some(format!("population[{i}].role")),
                            format!(
                                "unknown population role {:?}; the roles are {}",
                                r.get_ref(),
                                quoted(PopulationRole::ALL.map(PopulationRole::as_str))
                            ),
                        ));
                    }
                },
            };
            let existing = self.populations.iter().position(|p| p.name == name);
            if merging && existing.is_none() && !pop.new {
                let names = self
                    .populations
                    .iter()
                    .take(base_populations)
                    .map(|p| p.name.as_str());
                if let Some(near) = near_name(&name, names) {
                    return Err(src.error(
                        Some(pop.name.span()),
                        Some(format!("population[{i}].name")),
                        format!(
                            "no built-in population {name:?}: did you mean `{near}`? (a new population with a name this close needs `new = true`)"
                        ),
                    ));
                }
            }
            let index = match existing {
                Some(index) if merging && index < base_populations => index,
                Some(_) => {
                    return Err(src.error(
                        Some(pop.name.span()),
                        Some(format!("population[{i}].name")),
                        format!("duplicate population name {name:?}"),
                    ));
                }
                None => {
                    self.populations.push(Population {
                        name: name.clone(),
                        role: None,
                    });
                    self.populations.len() - 1
                }
            };
            if let Some((role, span)) = role {
                self.claim_role(
                    src,
                    span,
                    format!("population[{i}].role"),
                    role.as_str(),
                    &name,
                )?;
                if let Some(p) = self.populations.get_mut(index) {
                    p.role = Some(role);
                }
            }
            if pop.nouns.is_empty() && pop.adjectives.is_empty() && existing.is_none() {
                return Err(src.error(
                    Some(pop.name.span()),
                    Some(format!("population[{i}]")),
                    format!("population {name:?} has no nouns and no adjectives"),
                ));
            }
            let population = index as u16;
            for noun in &pop.nouns {
                let tag = Tag::Population {
                    population,
                    adjective: false,
                };
                self.phrase(src, &pop.name, noun, tag)?;
                // `sons` for a listed `son`: plurals of listed nouns are
                // read too
                if let Some(plural) = plural_of(noun) {
                    self.phrase(src, &pop.name, &plural, tag)?;
                }
            }
            for adjective in &pop.adjectives {
                self.phrase(
                    src,
                    &pop.name,
                    adjective,
                    Tag::Population {
                        population,
                        adjective: true,
                    },
                )?;
            }
        }
        for (i, party) in raw.party.into_iter().enumerate() {
            let name = party.name.get_ref().trim().to_string();
            let existing = self.parties.iter().position(|p| *p == name);
            if existing.is_some_and(|i| !merging || i >= base_parties) {
                return Err(src.error(
                    Some(party.name.span()),
                    Some(format!("party[{i}].name")),
                    format!("duplicate party name {name:?}"),
                ));
            }
            if party.aliases.get_ref().is_empty() {
                return Err(src.error(
                    Some(party.aliases.span()),
                    Some(format!("party[{i}].aliases")),
                    format!("party {name:?} has an empty alias list"),
                ));
            }
            let index = match existing {
                Some(i) => i,
                None => {
                    self.parties.push(name);
                    self.parties.len() - 1
                }
            } as u16;
            for alias in party.aliases.get_ref() {
                self.phrase(src, &party.name, alias, Tag::Party { party: index })?;
            }
        }
        let speech = raw.speech.unwrap_or_default();
        for verb in &speech.verbs {
            self.plain(src, verb, Tag::SpeechVerb)?;
        }
        for word in &speech.official {
            self.plain(src, word, Tag::Official)?;
        }
        for phrase in &speech.not_speakers {
            self.plain(src, phrase, Tag::NotSpeaker)?;
        }
        for phrase in &speech.leading {
            self.plain(src, phrase, Tag::SpeechLead)?;
        }
        if let Some(hedges) = raw.hedges {
            let span = hedges.span();
            let mut names: Vec<_> = hedges.into_inner().into_iter().collect();
            names.sort();
            for (name, phrases) in names {
                if phrases.is_empty() {
                    return Err(src.error(
                        Some(span.clone()),
                        Some(format!("hedges.{name}")),
                        format!("hedge {name:?} has an empty phrase list"),
                    ));
                }
                let index = match self.hedges.iter().position(|h| *h == name) {
                    Some(i) => i,
                    None => {
                        self.hedges.push(name.clone());
                        self.hedges.len() - 1
                    }
                } as u16;
                for phrase in &phrases {
                    self.plain(src, phrase, Tag::Hedge { hedge: index })?;
                }
            }
        }
        let negation = raw.negation.unwrap_or_default();
        for word in &negation.words {
            self.plain(src, word, Tag::Negation)?;
        }
        for word in &negation.release {
            self.plain(src, word, Tag::Release)?;
        }
        for word in &negation.denial {
            self.plain(src, word, Tag::Denial)?;
        }
        if let Some(words) = raw.words {
            let span = words.span();
            for (class, list) in words.get_ref().lists() {
                for word in list {
                    if !self.lexicon.insert_word(word, class) {
                        return Err(src.error(
                            Some(span.clone()),
                            Some(format!("words.{}", class.key())),
                            format!("{word:?} is not one word: a word class lists single words"),
                        ));
                    }
                }
            }
        }
        if let Some(incidents) = raw.incidents {
            for (list, cue) in [
                (incidents.other, IncidentCue::Other),
                (incidents.aggregate, IncidentCue::Aggregate),
            ] {
                for phrase in list {
                    let phrase = phrase.trim().to_lowercase();
                    if phrase.is_empty() {
                        return Err(src.error(
                            None,
                            Some("incidents".into()),
                            "an empty phrase in [incidents]".into(),
                        ));
                    }
                    if !self.incident_phrases.iter().any(|(p, _)| *p == phrase) {
                        self.incident_phrases.push((phrase, cue));
                    }
                }
            }
        }
        if let Some(multiples) = raw.multiples {
            let span = multiples.span();
            for (word, value) in multiples.into_inner() {
                if !value.is_finite() || value < 0.0 || !self.lexicon.insert_multiple(&word, value)
                {
                    return Err(src.error(
                        Some(span.clone()),
                        Some(format!("multiples.{word}")),
                        format!(
                            "multiples: {word:?} = {value} must be one word and a number of people"
                        ),
                    ));
                }
            }
        }
        Ok(())
    }

    /// Record that `owner` has `role`; a role belongs to one category or
    /// population only (an extending file may restate its base's).
    fn claim_role(
        &mut self,
        src: &Source,
        span: Range<usize>,
        key: String,
        role: &'static str,
        owner: &str,
    ) -> Result<(), RulesError> {
        let here = src.error(Some(span), Some(key), String::new());
        if let Some((_, first_owner, at)) = self.roles.iter().find(|(r, _, _)| *r == role) {
            if first_owner == owner {
                return Ok(());
            }
            return Err(RulesError {
                message: format!(
                    "role {role:?} is already given to {first_owner:?} ({at}); a role belongs to one entry"
                ),
                ..here
            });
        }
        self.roles.push((
            role,
            owner.to_string(),
            format!("{}:{}", here.file, here.line),
        ));
        Ok(())
    }

    fn phrase(
        &mut self,
        src: &Source,
        owner: &Spanned<String>,
        phrase: &str,
        tag: Tag,
    ) -> Result<(), RulesError> {
        self.phrases += 1;
        if self.phrases > MAX_PHRASES {
            return Err(src.error(
                Some(owner.span()),
                None,
                format!("more than {MAX_PHRASES} phrases; split the rules or raise the limit"),
            ));
        }
        if !self.lexicon.insert(phrase, tag) {
            return Err(src.error(
                Some(owner.span()),
                Some(owner.get_ref().clone()),
                format!("phrase {phrase:?} has no words"),
            ));
        }
        Ok(())
    }

    fn plain(&mut self, src: &Source, phrase: &str, tag: Tag) -> Result<(), RulesError> {
        self.phrases += 1;
        if self.phrases > MAX_PHRASES {
            return Err(src.error(
                None,
                None,
                format!("more than {MAX_PHRASES} phrases; split the rules or raise the limit"),
            ));
        }
        if !self.lexicon.insert(phrase, tag) {
            return Err(src.error(None, None, format!("phrase {phrase:?} has no words")));
        }
        Ok(())
    }

    fn finish(self, src: &Source) -> Result<Rules, RulesError> {
        if self.categories.is_empty() {
            return Err(src.error(
                None,
                Some("category".into()),
                "no categories defined".into(),
            ));
        }
        let mut lexicon = self.lexicon;
        lexicon.seal();
        Ok(Rules {
            incident_phrases: self.incident_phrases,
            categories: self.categories,
            populations: self.populations,
            parties: self.parties,
            hedges: self.hedges,
            lexicon,
        })
    }
}

impl Rules {
    #[cfg(test)]
    pub(crate) fn population_index(&self, name: &str) -> Option<u16> {
        self.populations
            .iter()
            .position(|c| c.name == name)
            .map(|i| i as u16)
    }
    /// The category with this role, if the rules give it to one.
    pub(crate) fn category_with(&self, role: Role) -> Option<u16> {
        self.categories
            .iter()
            .position(|c| c.role == Some(role))
            .map(|i| i as u16)
    }
    /// The population with this role, if the rules give it to one.
    pub(crate) fn population_with(&self, role: PopulationRole) -> Option<u16> {
        self.populations
            .iter()
            .position(|c| c.role == Some(role))
            .map(|i| i as u16)
    }
    #[cfg(test)]
    pub(crate) fn party_index(&self, name: &str) -> Option<u16> {
        self.parties
            .iter()
            .position(|c| c == name)
            .map(|i| i as u16)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_rules_load() {
        let rules = Rules::default_rules();
        assert!(rules.categories.iter().any(|c| c.name == "killed"));
        assert!(rules.population_index("people").is_some());
        assert!(rules.party_index("Armenia").is_some());
    }

    #[test]
    fn unknown_key_is_located() {
        let err = Rules::from_toml(
            "r.toml",
            "schema = 1\n[[category]]\nname = \"x\"\nafter = [\"a\"]\nbogus = 1\n",
        )
        .unwrap_err();
        assert_eq!((err.line, err.key.as_deref()), (5, Some("bogus")));
    }

    #[test]
    fn extends_adds_to_default() {
        let rules = Rules::from_toml(
            "mine.toml",
            "extends = \"default\"\n[[category]]\nname = \"displaced\"\nafter = [\"displaced\", \"fled their homes\"]\n",
        )
        .unwrap();
        assert!(rules.categories.iter().any(|c| c.name == "killed"));
        assert!(rules.categories.iter().any(|c| c.name == "displaced"));
    }
}
