//! Phrase lookup: every phrase of the rules, keyed by its first word, so a
//! token asks only the phrases that could start with it.

use crate::text::{Tok, TokKind, tokenize};
use rustc_hash::FxHashMap;

/// Where a trigger phrase stands relative to the victims' number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Shape {
    /// After the victims: `N were killed`.
    After,
    /// Before the victims: `killed N people`.
    Before,
    /// The victims' own noun: `N dead`.
    Noun,
    /// A toll noun introducing the number: `the death toll rose to N`.
    Toll,
}

/// What a phrase means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tag {
    Trigger {
        category: u16,
        shape: Shape,
    },
    Population {
        population: u16,
        adjective: bool,
    },
    Party {
        party: u16,
    },
    SpeechVerb,
    Official,
    NotSpeaker,
    Hedge {
        hedge: u16,
    },
    Negation,
    /// A verb that ends captivity or danger: `freed 12 hostages`.
    Release,
}

/// A phrase found at a token: how many tokens it spans and what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch {
    pub len: usize,
    pub tag: Tag,
}

#[derive(Debug, Clone)]
struct Entry {
    words: Vec<String>,
    tag: Tag,
    /// Party names match only capitalised words (`Turkey`, not `turkey`);
    /// all-capital aliases (`US`) match only themselves.
    case: Case,
    original: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    Any,
    Capitalized,
    Exact,
}

/// Every phrase of the rules, keyed by its first word (lowercase).
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    by_first: FxHashMap<String, Vec<Entry>>,
}

impl Lexicon {
    /// Add a phrase; false if it has no words.
    pub(crate) fn insert(&mut self, phrase: &str, tag: Tag) -> bool {
        let toks = tokenize(phrase, 0);
        if toks.is_empty() {
            return false;
        }
        let case = match tag {
            Tag::Party { .. } => {
                let letters: Vec<char> = phrase.chars().filter(|c| c.is_alphabetic()).collect();
                if letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
                    Case::Exact
                } else {
                    Case::Capitalized
                }
            }
            _ => Case::Any,
        };
        let words: Vec<String> = toks.iter().map(|t| t.lower.to_string()).collect();
        let original = toks.iter().map(|t| t.text.to_string()).collect();
        let Some(first) = words.first().cloned() else {
            return false;
        };
        // duplicates are dropped in `seal`, in linear time
        self.by_first.entry(first).or_default().push(Entry {
            words,
            tag,
            case,
            original,
        });
        true
    }

    /// Longest phrases first, so callers can take the first match of a kind.
    pub(crate) fn seal(&mut self) {
        for entries in self.by_first.values_mut() {
            let mut seen = std::collections::HashSet::new();
            entries.retain(|e| seen.insert((e.words.clone(), e.tag)));
            entries.sort_by_key(|e| std::cmp::Reverse(e.words.len()));
        }
    }

    /// One word that every phrase kept by `keep` must contain, as a whole
    /// word, for it to match: its longest ASCII word, which is the rarest in
    /// practice (`hospital` in `taken to the hospital`, not `the`). `None` if
    /// some kept phrase has no such word (only non-ASCII letters, or
    /// apostrophes), so no such prefilter is possible.
    ///
    /// ```ignore
    /// use crate::rules::{Rules, Tag}; // crate-internal: not run as a doc-test
    /// let rules = Rules::from_toml(
    ///     "r.toml",
    ///     "[[category]]\nname = \"killed\"\nafter = [\"taken to the hospital\", \"killed\"]\n\
    ///      [[population]]\nname = \"people\"\nnouns = [\"people\"]\n",
    /// )?;
    /// let keys = rules.lexicon.key_words(|t| matches!(t, Tag::Trigger { .. }));
    /// assert_eq!(keys, Some(vec!["hospital".to_string(), "killed".to_string()]));
    /// # Ok::<(), recount::rules::RulesError>(())
    /// ```
    pub fn key_words(&self, keep: impl Fn(Tag) -> bool) -> Option<Vec<String>> {
        let mut out: Vec<String> = Vec::new();
        for entry in self.by_first.values().flatten().filter(|e| keep(e.tag)) {
            let key = entry
                .words
                .iter()
                // an apostrophe may be curly in the text and straight in
                // the phrase: such a word cannot be searched for as written
                .filter(|w| w.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
                .filter(|w| w.bytes().any(|b| b.is_ascii_alphanumeric()))
                .max_by_key(|w| w.len())?;
            out.push(key.clone());
        }
        out.sort();
        out.dedup();
        Some(out)
    }

    /// The phrases that start at token `i`, longest first.
    pub fn matches_at(&self, toks: &[Tok], i: usize) -> Vec<PhraseMatch> {
        let Some(first) = toks.get(i) else {
            return Vec::new();
        };
        if first.kind == TokKind::Punct {
            return Vec::new();
        }
        let Some(entries) = self.by_first.get(first.lower.as_ref()) else {
            return Vec::new();
        };
        entries
            .iter()
            .filter(|e| {
                // `words` and `original` are the same tokens, lowercased and as written
                e.words
                    .iter()
                    .zip(&e.original)
                    .enumerate()
                    .all(|(k, (w, original))| {
                        toks.get(i + k).is_some_and(|t| {
                            t.lower == *w
                                && match e.case {
                                    Case::Any => true,
                                    Case::Capitalized => {
                                        k > 0
                                            || t.is_capitalized()
                                            || !original
                                                .chars()
                                                .next()
                                                .is_some_and(char::is_uppercase)
                                    }
                                    Case::Exact => t.text == *original,
                                }
                        })
                    })
            })
            .map(|e| PhraseMatch {
                len: e.words.len(),
                tag: e.tag,
            })
            .collect()
    }
}
