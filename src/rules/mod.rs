//! The rules: which words make a number a casualty claim, who the victims
//! are, who speaks, and what hedges a figure.
//!
//! Rules are TOML (see `rules.toml` at the top of the repository, embedded
//! as [`DEFAULT_RULES`], and `docs/rules.md`). [`Rules::from_toml`] checks a
//! file the way a compiler checks source: every problem names the file, the
//! line, the column and the key.

mod lexicon;

pub use lexicon::{Lexicon, PhraseMatch, Role, Tag};

use serde::Deserialize;
use std::collections::HashMap;
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
pub struct RulesError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// The key the problem is about (`category[2].name`), where known.
    pub key: Option<String>,
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
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCategory {
    name: Spanned<String>,
    #[serde(default)]
    percent: bool,
    #[serde(default)]
    after: Vec<String>,
    #[serde(default)]
    before: Vec<String>,
    #[serde(default)]
    nouns: Vec<String>,
    #[serde(default)]
    tolls: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPopulation {
    name: Spanned<String>,
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
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNegation {
    #[serde(default)]
    words: Vec<String>,
    #[serde(default)]
    release: Vec<String>,
}

/// A claim category as the rules define it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category {
    pub name: String,
    /// Every percentage is a claim of this category.
    pub percent: bool,
}

/// Compiled rules: names, and the lexicon the extractor consults.
#[derive(Debug, Clone)]
pub struct Rules {
    pub categories: Vec<Category>,
    pub populations: Vec<String>,
    pub parties: Vec<String>,
    pub hedges: Vec<String>,
    pub lexicon: Lexicon,
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
        builder.add(&src, raw, merging)?;
        builder.finish(&src)
    }
}

/// serde's message for an unknown field names it in backquotes.
fn unknown_key(message: &str) -> Option<String> {
    let rest = message.split("unknown field `").nth(1)?;
    Some(rest.split('`').next()?.to_string())
}

#[derive(Default)]
struct Builder {
    categories: Vec<Category>,
    populations: Vec<String>,
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
            let existing = self.categories.iter().position(|c| c.name == name);
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
                        percent: cat.percent,
                    });
                    self.categories.len() - 1
                }
            };
            let total = cat.after.len() + cat.before.len() + cat.nouns.len() + cat.tolls.len();
            if total == 0 && !cat.percent && existing.is_none() {
                return Err(src.error(
                    Some(cat.name.span()),
                    Some(format!("category[{i}]")),
                    format!(
                        "category {name:?} has no trigger phrases: give at least one of after, before, nouns, tolls (or percent = true)"
                    ),
                ));
            }
            let category = index as u16;
            for (role, list) in [
                (Role::After, &cat.after),
                (Role::Before, &cat.before),
                (Role::Noun, &cat.nouns),
                (Role::Toll, &cat.tolls),
            ] {
                for phrase in list {
                    self.phrase(src, &cat.name, phrase, Tag::Trigger { category, role })?;
                }
            }
        }
        for (i, pop) in raw.population.into_iter().enumerate() {
            let name = pop.name.get_ref().trim().to_string();
            let existing = self.populations.iter().position(|p| *p == name);
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
                    self.populations.push(name.clone());
                    self.populations.len() - 1
                }
            };
            if pop.nouns.is_empty() && pop.adjectives.is_empty() && existing.is_none() {
                return Err(src.error(
                    Some(pop.name.span()),
                    Some(format!("population[{i}]")),
                    format!("population {name:?} has no nouns and no adjectives"),
                ));
            }
            let population = index as u16;
            for noun in &pop.nouns {
                self.phrase(
                    src,
                    &pop.name,
                    noun,
                    Tag::Population {
                        population,
                        adjective: false,
                    },
                )?;
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
        if !self.populations.iter().any(|p| p == "people") {
            return Err(src.error(
                None,
                Some("population".into()),
                "a population named \"people\" is required: it is where victims of no stated kind go".into(),
            ));
        }
        let mut lexicon = self.lexicon;
        lexicon.seal();
        Ok(Rules {
            categories: self.categories,
            populations: self.populations,
            parties: self.parties,
            hedges: self.hedges,
            lexicon,
        })
    }
}

impl Rules {
    pub fn category_index(&self, name: &str) -> Option<u16> {
        self.categories
            .iter()
            .position(|c| c.name == name)
            .map(|i| i as u16)
    }
    pub fn population_index(&self, name: &str) -> Option<u16> {
        self.populations
            .iter()
            .position(|c| c == name)
            .map(|i| i as u16)
    }
    pub fn party_index(&self, name: &str) -> Option<u16> {
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
        assert!(rules.category_index("killed").is_some());
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
        assert!(rules.category_index("killed").is_some());
        assert!(rules.category_index("displaced").is_some());
    }
}
