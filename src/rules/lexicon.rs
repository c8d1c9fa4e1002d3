//! Phrase lookup: every phrase of the rules, keyed by its first word, so a
//! token asks only the phrases that could start with it.

use super::Word;
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
    /// What the victims suffered, after a verb of suffering: `N people
    /// suffered non-life-threatening gunshot wounds`.
    Suffered,
    /// What the agent of the clause did to themselves, with no victim
    /// named: `before taking his own life`, `then turned the gun on
    /// himself`. One person, the attacker.
    Own,
}

/// What a phrase means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tag {
    Trigger {
        category: u16,
        shape: Shape,
    },
    /// A noun for an incident of a category, counted by an adjective of
    /// multiplicity: `a double shooting`.
    Incident {
        category: u16,
    },
    Population {
        population: u16,
        adjective: bool,
    },
    Party {
        party: u16,
    },
    SpeechVerb,
    /// A phrase the speaker follows: `according to X`.
    SpeechLead,
    Official,
    NotSpeaker,
    Hedge {
        hedge: u16,
    },
    Negation,
    /// A verb that ends captivity or danger: `freed 12 hostages`.
    Release,
    /// A denial: a figure after it in its sentence counts nobody (`the
    /// army denied that 20 soldiers had been killed`).
    Denial,
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

/// What the rules say about one word (lowercase): the word classes it is
/// listed in, and the phrases that start with it.
#[derive(Debug, Clone, Default)]
struct Slot {
    classes: u64,
    entries: Vec<Entry>,
}

/// Every phrase of the rules, keyed by its first word (lowercase), and the
/// word classes of each listed word.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    by_first: FxHashMap<String, Slot>,
    /// Adjectives of multiplicity and their value (`double` → 2).
    multiples: FxHashMap<String, f64>,
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
        self.by_first.entry(first).or_default().entries.push(Entry {
            words,
            tag,
            case,
            original,
        });
        true
    }

    /// List a word in a class; false unless it is exactly one token.
    pub(crate) fn insert_word(&mut self, word: &str, class: Word) -> bool {
        let toks = tokenize(word, 0);
        let [tok] = toks.as_slice() else {
            return false;
        };
        self.by_first
            .entry(tok.lower.to_string())
            .or_default()
            .classes |= class.bit();
        true
    }

    /// An adjective of multiplicity (`double` = 2); false unless the word
    /// is one token.
    pub(crate) fn insert_multiple(&mut self, word: &str, value: f64) -> bool {
        let toks = tokenize(word, 0);
        let [tok] = toks.as_slice() else {
            return false;
        };
        self.multiples.insert(tok.lower.to_string(), value);
        true
    }

    /// Whether a word (lowercase) is listed in a class.
    pub fn is_word(&self, lower: &str, class: Word) -> bool {
        self.by_first
            .get(lower)
            .is_some_and(|s| s.classes & class.bit() != 0)
    }

    /// The value of an adjective of multiplicity (`double` → 2).
    pub fn multiple(&self, lower: &str) -> Option<f64> {
        self.multiples.get(lower).copied()
    }

    /// Longest phrases first, so callers can take the first match of a kind.
    pub(crate) fn seal(&mut self) {
        for entries in self.by_first.values_mut().map(|s| &mut s.entries) {
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
        for entry in self
            .by_first
            .values()
            .flat_map(|s| &s.entries)
            .filter(|e| keep(e.tag))
        {
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

    /// The word classes of token `i` (one bit per [`Word`]), and, if
    /// `phrases`, the phrases that start there, longest first — in one
    /// lookup.
    pub fn lookup_at(&self, toks: &[Tok], i: usize, phrases: bool) -> (u64, Vec<PhraseMatch>) {
        let Some(first) = toks.get(i) else {
            return (0, Vec::new());
        };
        let Some(slot) = self.by_first.get(first.lower.as_ref()) else {
            return (0, Vec::new());
        };
        if !phrases || first.kind == TokKind::Punct {
            return (slot.classes, Vec::new());
        }
        let matches = slot
            .entries
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
            .collect();
        (slot.classes, matches)
    }
}
