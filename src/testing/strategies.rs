//! The generators as proptest strategies.
//!
//! A strategy draws a tape of random 64-bit words and runs a generator on
//! it ([`super::choices::Tape`]); the case is a pure function of the tape.
//! Shrinking shrinks the choices the generator made, one at a time, by
//! binary search towards 0 — and since choice 0 is always the simplest,
//! a failing case shrinks to fewer sentences, simpler forms and smaller
//! values, always through whole cases: never into broken words.

use super::choices::{Choices, Tape, scale, word_for};
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
        let words = (0..TAPE).map(|_| rng.next_u64()).collect();
        Ok(GeneratedTree::new(Arc::clone(&self.generate), words))
    }
}

/// The value tree of a [`Generated`] strategy: a tape of words and the
/// case they give. It shrinks one choice at a time, from the first: a
/// binary search for the smallest choice that still fails (trying 0
/// first), each choice written back as the smallest word that makes it.
pub struct GeneratedTree<T> {
    generate: Generator<T>,
    words: Vec<u64>,
    /// The bound of each choice the current case read.
    bounds: Vec<u64>,
    /// The choice being shrunk.
    index: usize,
    /// The search on it: the smallest choice known to fail (`hi`), the
    /// smallest not yet known to pass (`lo`), and the one being tried.
    lo: u64,
    hi: u64,
    trying: Option<u64>,
    started: bool,
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
            .field("choices", &self.bounds.len())
            .finish()
    }
}

impl<T> GeneratedTree<T> {
    fn new(generate: Generator<T>, words: Vec<u64>) -> GeneratedTree<T> {
        let (current, bounds) = run(&generate, &words);
        GeneratedTree {
            generate,
            words,
            bounds,
            index: 0,
            lo: 0,
            hi: 0,
            trying: None,
            started: false,
            current,
        }
    }

    fn set(&mut self, choice: u64) {
        let n = self.bounds.get(self.index).copied().unwrap_or(0);
        if let Some(w) = self.words.get_mut(self.index) {
            *w = word_for(choice, n);
        }
        let (current, bounds) = run(&self.generate, &self.words);
        self.current = current;
        self.bounds = bounds;
    }
}

fn run<T>(generate: &Generator<T>, words: &[u64]) -> (T, Vec<u64>) {
    let mut t = Tape::new(words);
    let value = generate(&mut t);
    (value, t.bounds)
}

impl<T: Clone + fmt::Debug> ValueTree for GeneratedTree<T> {
    type Value = T;

    fn current(&self) -> T {
        self.current.clone()
    }

    fn simplify(&mut self) -> bool {
        // the last try still failed: it is the new smallest failing choice
        if let Some(t) = self.trying.take() {
            self.hi = t;
        }
        loop {
            let Some(&n) = self.bounds.get(self.index) else {
                return false;
            };
            if !self.started {
                let word = self.words.get(self.index).copied().unwrap_or(0);
                self.lo = 0;
                self.hi = scale(word, n);
                self.started = true;
            }
            if self.lo < self.hi {
                // 0 first, then halves
                let choice = if self.lo == 0 {
                    0
                } else {
                    self.lo + (self.hi - self.lo) / 2
                };
                self.trying = Some(choice);
                self.set(choice);
                return true;
            }
            self.index += 1;
            self.started = false;
        }
    }

    fn complicate(&mut self) -> bool {
        // the last try passed: back to the failing choice, and search above
        let Some(t) = self.trying.take() else {
            return false;
        };
        self.lo = t + 1;
        let hi = self.hi;
        self.set(hi);
        true
    }
}
