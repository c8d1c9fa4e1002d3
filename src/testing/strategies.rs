//! The generators as proptest strategies.
//!
//! A strategy draws a tape of random 64-bit words and runs a generator on
//! it ([`super::choices::Tape`]); the case is a pure function of the tape.
//! Shrinking shrinks the words the generator read, one at a time, by
//! binary search towards 0 — and since each word is a choice, and choice 0
//! the simplest, a failing case shrinks to fewer sentences, simpler forms
//! and smaller values, always through whole cases: never into broken
//! words.

use super::choices::{Choices, Tape};
use proptest::num::u64::BinarySearch;
use proptest::prelude::Rng;
use proptest::strategy::{NewTree, Strategy, ValueTree};
use proptest::test_runner::TestRunner;
use std::fmt;
use std::sync::Arc;

/// How many words a tape has: more than any generator reads (a report
/// of four sentences reads about 80); past the end every choice is 0.
const TAPE: usize = 160;

type Generator<T> = Arc<dyn Fn(&mut dyn Choices) -> T + Send + Sync>;

/// A proptest strategy over one of the kit's generators: the
/// [`Strategy`] every function of [`crate::testing`] returns.
pub struct Generated<T> {
    generate: Generator<T>,
    name: &'static str,
}

impl<T> Clone for Generated<T> {
    fn clone(&self) -> Self {
        Generated {
            generate: Arc::clone(&self.generate),
            name: self.name,
        }
    }
}

impl<T> fmt::Debug for Generated<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "recount::testing::{}()", self.name)
    }
}

impl<T> Generated<T> {
    pub(crate) fn new(
        name: &'static str,
        generate: impl Fn(&mut dyn Choices) -> T + Send + Sync + 'static,
    ) -> Generated<T> {
        Generated {
            generate: Arc::new(generate),
            name,
        }
    }
}

impl<T: Clone + fmt::Debug> Strategy for Generated<T> {
    type Tree = GeneratedTree<T>;
    type Value = T;

    fn new_tree(&self, runner: &mut TestRunner) -> NewTree<Self> {
        let rng = runner.rng();
        let words = (0..TAPE)
            .map(|_| BinarySearch::new(rng.next_u64()))
            .collect();
        Ok(GeneratedTree::new(Arc::clone(&self.generate), words))
    }
}

/// The value tree of a [`Generated`] strategy: a tape of words and the
/// case they give.
pub struct GeneratedTree<T> {
    generate: Generator<T>,
    words: Vec<BinarySearch>,
    /// The word being shrunk.
    index: usize,
    /// How many words the current case read.
    used: usize,
    current: T,
}

impl<T> fmt::Debug for GeneratedTree<T>
where
    T: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GeneratedTree")
            .field("current", &self.current)
            .field("index", &self.index)
            .field("used", &self.used)
            .finish()
    }
}

impl<T> GeneratedTree<T> {
    fn new(generate: Generator<T>, words: Vec<BinarySearch>) -> GeneratedTree<T> {
        let (current, used) = run(&generate, &words);
        GeneratedTree {
            generate,
            words,
            index: 0,
            used,
            current,
        }
    }

    fn regenerate(&mut self) {
        let (current, used) = run(&self.generate, &self.words);
        self.current = current;
        self.used = used;
    }
}

fn run<T>(generate: &Generator<T>, words: &[BinarySearch]) -> (T, usize) {
    let tape: Vec<u64> = words.iter().map(ValueTree::current).collect();
    let mut t = Tape::new(&tape);
    let value = generate(&mut t);
    (value, t.read)
}

impl<T: Clone + fmt::Debug> ValueTree for GeneratedTree<T> {
    type Value = T;

    fn current(&self) -> T {
        self.current.clone()
    }

    fn simplify(&mut self) -> bool {
        while self.index < self.used.min(self.words.len()) {
            if let Some(w) = self.words.get_mut(self.index)
                && w.simplify()
            {
                self.regenerate();
                return true;
            }
            self.index += 1;
        }
        false
    }

    fn complicate(&mut self) -> bool {
        let complicated = self
            .words
            .get_mut(self.index)
            .is_some_and(|w| w.complicate());
        if complicated {
            self.regenerate();
        }
        complicated
    }
}
