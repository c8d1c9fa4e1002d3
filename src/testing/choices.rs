//! Where a generator's decisions come from.
//!
//! Every generator of the kit is a function of a [`Choices`]: it asks for
//! numbers below a bound, one decision at a time, and builds a case from
//! them. Two sources answer:
//!
//! * [`SplitMix`], a seeded pseudo-random stream: `recount generate` and
//!   [`crate::generate::cases`], reproducible from the seed, no dependency;
//! * [`Tape`], a fixed list of words: the proptest strategies draw the
//!   list at random and shrink its words towards 0.
//!
//! Both map a 64-bit word `x` to a choice below `n` the same way
//! (`x * n / 2⁶⁴`), which is monotone in `x`: shrinking a word towards 0
//! moves its choice towards 0, and choice 0 is always the simplest one (the
//! first form in a list, the smallest value, no qualifier, one clause). So
//! a shrunk case is still a case — readable text with its reading — only a
//! simpler one.

/// A source of decisions.
pub(crate) trait Choices {
    /// The next raw 64-bit word.
    fn word(&mut self) -> u64;

    /// A choice in `0..n` (0 when `n` is 0 or 1); 0 is the simplest.
    fn below(&mut self, n: u64) -> u64 {
        scale(self.word(), n)
    }
}

/// `x * n / 2⁶⁴`: a word as a choice below `n`, monotone in `x`.
pub(crate) fn scale(x: u64, n: u64) -> u64 {
    u64::try_from((u128::from(x) * u128::from(n)) >> 64).unwrap_or(0)
}

/// A choice in `lo..=hi`, shrinking towards `lo`.
pub(crate) fn between(c: &mut dyn Choices, lo: u64, hi: u64) -> u64 {
    lo + c.below(hi.saturating_sub(lo).saturating_add(1))
}

/// True with about `percent` % probability; shrinks to false.
pub(crate) fn chance(c: &mut dyn Choices, percent: u64) -> bool {
    c.below(100) >= 100 - percent.min(100)
}

/// One of `items` (the first shrinks best); the default of `T` if empty.
pub(crate) fn pick<T: Copy + Default>(c: &mut dyn Choices, items: &[T]) -> T {
    let n = u64::try_from(items.len()).unwrap_or(u64::MAX);
    usize::try_from(c.below(n))
        .ok()
        .and_then(|i| items.get(i))
        .copied()
        .unwrap_or_default()
}

/// One of `items` by weight (`(weight, item)`); the first shrinks best.
pub(crate) fn weighted<T: Copy + Default>(c: &mut dyn Choices, items: &[(u64, T)]) -> T {
    let total: u64 = items.iter().map(|(w, _)| *w).sum();
    let mut x = c.below(total);
    for &(w, item) in items {
        if x < w {
            return item;
        }
        x -= w;
    }
    T::default()
}

/// SplitMix64 (Steele, Lea and Flood 2014): a tiny, well-mixed stream,
/// fixed forever so that a seed gives the same cases in every version that
/// keeps the generators.
#[derive(Debug, Clone)]
pub(crate) struct SplitMix(u64);

impl SplitMix {
    pub(crate) fn new(seed: u64) -> SplitMix {
        SplitMix(seed)
    }
}

impl Choices for SplitMix {
    fn word(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// A fixed list of words, read in order; 0 once it runs out. Counts what
/// it handed out, so that a shrinker leaves unread words alone.
#[cfg_attr(not(feature = "testing"), allow(dead_code))]
#[derive(Debug)]
pub(crate) struct Tape<'a> {
    words: &'a [u64],
    pub(crate) read: usize,
    /// The bound of each choice read (`n` of `below(n)`), so that a
    /// shrinker can search among choices rather than among words.
    pub(crate) bounds: Vec<u64>,
}

#[cfg_attr(not(feature = "testing"), allow(dead_code))]
impl<'a> Tape<'a> {
    pub(crate) fn new(words: &'a [u64]) -> Tape<'a> {
        Tape {
            words,
            read: 0,
            bounds: Vec::new(),
        }
    }
}

/// The smallest word that [`scale`]s to `choice` below `n`.
#[cfg_attr(not(feature = "testing"), allow(dead_code))]
pub(crate) fn word_for(choice: u64, n: u64) -> u64 {
    if n == 0 {
        return 0;
    }
    u64::try_from((u128::from(choice) << 64).div_ceil(u128::from(n))).unwrap_or(u64::MAX)
}

impl Choices for Tape<'_> {
    fn word(&mut self) -> u64 {
        let w = self.words.get(self.read).copied().unwrap_or(0);
        self.read += 1;
        w
    }

    fn below(&mut self, n: u64) -> u64 {
        self.bounds.push(n);
        scale(self.word(), n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_are_monotone_and_in_range() {
        assert_eq!(scale(0, 10), 0);
        assert_eq!(scale(u64::MAX, 10), 9);
        assert_eq!(scale(u64::MAX / 2, 10), 4);
        assert_eq!(scale(123, 0), 0);
        let mut last = 0;
        for x in (0..=u64::MAX).step_by(1 << 58) {
            let s = scale(x, 1000);
            assert!(s >= last && s < 1000);
            last = s;
        }
    }

    #[test]
    fn a_tape_of_zeros_makes_the_simplest_choices() {
        let zeros = [0u64; 4];
        let mut t = Tape::new(&zeros);
        assert_eq!(pick(&mut t, &["a", "b"]), "a");
        assert!(!chance(&mut t, 99));
        assert_eq!(between(&mut t, 2, 9), 2);
        assert_eq!(weighted(&mut t, &[(1, 'x'), (5, 'y')]), 'x');
        assert_eq!(t.word(), 0, "past the end: 0");
        assert_eq!(t.read, 5);
    }

    #[test]
    fn word_for_is_the_smallest_word_of_a_choice() {
        for n in [1u64, 2, 3, 7, 10, 1000, u64::MAX] {
            for choice in [0, 1, n / 2, n - 1].into_iter().filter(|c| *c < n) {
                let w = word_for(choice, n);
                assert_eq!(scale(w, n), choice, "{choice} of {n}");
                if w > 0 {
                    assert!(scale(w - 1, n) < choice, "{choice} of {n}");
                }
            }
        }
    }

    #[test]
    fn splitmix_is_the_reference_stream() {
        // the first outputs for seed 0 (the reference implementation's)
        let mut s = SplitMix::new(0);
        assert_eq!(s.word(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(s.word(), 0x6E78_9E6A_A1B9_65F4);
    }
}
