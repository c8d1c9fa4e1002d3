//! Where to look: the one Aho-Corasick pass that finds the sentences
//! worth reading (a category's key word, or a percent sign or word).

use super::Extractor;
use crate::rules::{Role, Rules, Tag};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// What makes a sentence worth reading, found in one Aho-Corasick pass over
/// the text: a sentence can only state a claim if it holds one of the
/// categories' phrases, each of which contains its key word
/// (`Lexicon::key_words`), or a percentage, which needs `%`, `percent`,
/// `pct` or `per cent`.
#[derive(Debug, Clone)]
pub(super) struct Cues {
    automaton: AhoCorasick,
    kinds: Vec<Cue>,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Cue {
    hit: Hit,
    /// Must not touch a letter or digit on that side.
    bounded_before: bool,
    bounded_after: bool,
}

/// What a cue promises. `Key` outranks `Percent`: a sentence with a key
/// word is read whatever else it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Hit {
    /// Only if the number grammar finds a percentage in the sentence.
    Percent,
    Key,
}

impl Cues {
    pub(super) fn new(rules: &Rules) -> Option<Cues> {
        let keys = rules
            .lexicon
            .key_words(|tag| matches!(tag, Tag::Trigger { .. } | Tag::Incident { .. }))?;
        let key = Cue {
            hit: Hit::Key,
            bounded_before: true,
            bounded_after: true,
        };
        // `5%`, `5 percent`, `5-pct`, `5 per cent`: the sign may touch its
        // digits, a word may follow a digit.
        let percent = [
            ("%", false, false),
            ("\u{ff05}", false, false),
            ("percent", false, true),
            ("pct", false, true),
            ("cent", true, true),
        ];
        let mut patterns: Vec<String> = Vec::new();
        let mut kinds = Vec::new();
        if rules.category_with(Role::Percent).is_some() {
            for (word, bounded_before, bounded_after) in percent {
                patterns.push(word.to_string());
                kinds.push(Cue {
                    hit: Hit::Percent,
                    bounded_before,
                    bounded_after,
                });
            }
        }
        for word in keys {
            // a key word that is also a percent cue counts as a key
            if let Some(i) = patterns.iter().position(|p| *p == word) {
                if let Some(k) = kinds.get_mut(i) {
                    *k = key;
                }
                continue;
            }
            patterns.push(word);
            kinds.push(key);
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&patterns)
            .ok()?;
        Some(Cues { automaton, kinds })
    }
}

impl Extractor {
    /// The cues of the piece (byte offset and kind), in text order. Without
    /// a prefilter (rules with a phrase that has no ASCII word) every line
    /// start is a key cue, so every sentence is read.
    pub(super) fn cue_hits(&self, piece: &str) -> Vec<(usize, Hit)> {
        let Some(cues) = &self.cues else {
            return std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', piece.as_bytes()).map(|i| i + 1))
                .map(|at| (at, Hit::Key))
                .collect();
        };
        let bytes = piece.as_bytes();
        let alnum = |i: Option<usize>| {
            i.and_then(|i| bytes.get(i))
                .is_some_and(|b| b.is_ascii_alphanumeric())
        };
        cues.automaton
            .find_iter(piece)
            .filter_map(|m| {
                let cue = cues.kinds.get(m.pattern().as_usize())?;
                let open_before = !cue.bounded_before || !alnum(m.start().checked_sub(1));
                let open_after = !cue.bounded_after || !alnum(Some(m.end()));
                (open_before && open_after).then_some((m.start(), cue.hit))
            })
            .collect()
    }
}
