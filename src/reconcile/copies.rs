//! Copies of one text are one source. A document is reduced to a bottom-k
//! sketch of its word 5-gram hashes; documents that share sketch hashes are
//! candidates, and a candidate pair whose estimated containment is high is
//! a copy. No pair of documents is compared unless they share a hash.

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::hash::Hasher;

/// Words per shingle.
const SHINGLE: usize = 5;
/// Sketch size: the smallest this-many shingle hashes of a document.
const SKETCH: usize = 256;
/// Smallest hashes kept while reading, before duplicates are removed.
const KEEP: usize = SKETCH * 4;
/// Share of the smaller document's shingles that must appear in the larger.
const CONTAINMENT: f64 = 0.6;
/// Documents with fewer shingles than this are too short to call copies.
const MIN_SHINGLES: usize = 30;

/// What copy detection keeps of a document: a few kilobytes, not its text.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Fingerprint {
    /// Sorted, deduplicated smallest shingle hashes.
    sketch: Vec<u64>,
    /// Number of distinct shingles in the document.
    shingles: usize,
}

/// splitmix64's finaliser: spreads every input bit over the output.
fn mix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[derive(Default)]
struct FnvHasher(u64);

impl Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        // final avalanche so low bits are well mixed
        mix(self.0)
    }
    fn write_u8(&mut self, b: u8) {
        let h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        self.0 = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

impl Fingerprint {
    pub(crate) fn of(text: &str) -> Fingerprint {
        // One pass, no copies and no per-word storage: each word is hashed
        // as it is read (lowercased), the last `SHINGLE` word hashes are kept
        // in a ring, and only the smallest shingle hashes are kept — a
        // buffer is cut back to them whenever it fills, so a long document
        // costs linear time and constant memory.
        let mut ring = [0u64; SHINGLE];
        let mut words = 0usize;
        let mut smallest: Vec<u64> = Vec::with_capacity(KEEP * 2);
        // Once the buffer has been cut back, a hash above the largest kept
        // can never be kept: most hashes stop here.
        let mut ceiling = u64::MAX;
        let mut shingles = 0usize;
        let mut end_word = |h: &mut FnvHasher| {
            ring.rotate_left(1);
            if let Some(last) = ring.last_mut() {
                *last = h.finish();
            }
            *h = FnvHasher::default();
            words += 1;
            if words < SHINGLE {
                return;
            }
            shingles += 1;
            // the window's words in order, oldest first
            let hash = mix(ring
                .iter()
                .fold(0u64, |acc, w| (acc ^ w).wrapping_mul(0x9e37_79b9_7f4a_7c15)));
            if hash >= ceiling {
                return;
            }
            smallest.push(hash);
            if smallest.len() == KEEP * 2 {
                smallest.select_nth_unstable(KEEP);
                smallest.truncate(KEEP);
                ceiling = smallest.iter().copied().max().unwrap_or(u64::MAX);
            }
        };
        let mut h = FnvHasher::default();
        let mut in_word = false;
        for c in text.chars() {
            if c.is_ascii_alphanumeric() {
                in_word = true;
                h.write_u8(c.to_ascii_lowercase() as u8);
            } else if c.is_ascii() || !c.is_alphanumeric() {
                if in_word {
                    end_word(&mut h);
                    in_word = false;
                }
            } else {
                in_word = true;
                for l in c.to_lowercase() {
                    let mut buf = [0u8; 4];
                    h.write(l.encode_utf8(&mut buf).as_bytes());
                }
            }
        }
        if in_word {
            end_word(&mut h);
        }
        // Repeated shingles are rare in prose; the count includes them.
        smallest.sort_unstable();
        smallest.dedup();
        smallest.truncate(SKETCH);
        Fingerprint {
            sketch: smallest,
            shingles,
        }
    }

    /// Estimated share of `self`'s shingles that are also in `other`.
    pub(crate) fn containment_in(&self, other: &Fingerprint) -> f64 {
        if self.shingles == 0 || other.shingles == 0 {
            return 0.0;
        }
        // Bottom-k of the union, and how many of those both sketches hold.
        let mut union = Vec::with_capacity(SKETCH);
        let (mut i, mut j, mut both) = (0, 0, 0usize);
        while union.len() < SKETCH && (i < self.sketch.len() || j < other.sketch.len()) {
            match (self.sketch.get(i), other.sketch.get(j)) {
                (Some(a), Some(b)) if a == b => {
                    union.push(*a);
                    both += 1;
                    i += 1;
                    j += 1;
                }
                (Some(a), Some(b)) if a < b => {
                    union.push(*a);
                    i += 1;
                }
                (Some(_), Some(b)) => {
                    union.push(*b);
                    j += 1;
                }
                (Some(a), None) => {
                    union.push(*a);
                    i += 1;
                }
                (None, Some(b)) => {
                    union.push(*b);
                    j += 1;
                }
                (None, None) => break,
            }
        }
        if union.is_empty() {
            return 0.0;
        }
        let jaccard = both as f64 / union.len() as f64;
        let union_size = (self.shingles + other.shingles) as f64 / (1.0 + jaccard);
        (jaccard * union_size / self.shingles as f64).min(1.0)
    }
}

/// For each document, the index of the document it is a copy of.
///
/// `order` decides which of two copies is the original: the one it ranks
/// first (earlier publication, no repost notice, earlier input).
pub(crate) fn find_copies(
    prints: &[Fingerprint],
    is_original_first: impl Fn(usize, usize) -> bool,
) -> Vec<Option<usize>> {
    // Every (hash, document) of the sketches, sorted: documents sharing a
    // hash are a run, in input order.
    let mut index: Vec<(u64, usize)> = prints
        .iter()
        .enumerate()
        .filter(|(_, p)| p.shingles >= MIN_SHINGLES)
        .flat_map(|(d, p)| p.sketch.iter().map(move |&h| (h, d)))
        .collect();
    index.par_sort_unstable();
    let mut shared: FxHashMap<(usize, usize), usize> = FxHashMap::default();
    for docs in index.chunk_by(|a, b| a.0 == b.0) {
        // A hash in very many documents is boilerplate, not evidence.
        if docs.len() > 64 {
            continue;
        }
        let mut rest = docs;
        while let Some((&(_, a), later)) = rest.split_first() {
            for &(_, b) in later {
                *shared.entry((a, b)).or_default() += 1;
            }
            rest = later;
        }
    }
    let mut pairs: Vec<(usize, usize)> = shared
        .into_iter()
        .filter(|&(_, n)| n >= 8)
        .map(|(k, _)| k)
        .collect();
    pairs.sort_unstable();
    let mut sets = Sets::new(prints.len());
    for (a, b) in pairs {
        let (Some(pa), Some(pb)) = (prints.get(a), prints.get(b)) else {
            continue;
        };
        let (small, large) = if pa.shingles <= pb.shingles {
            (pa, pb)
        } else {
            (pb, pa)
        };
        if small.containment_in(large) >= CONTAINMENT {
            let (ra, rb) = (sets.root(a), sets.root(b));
            if ra != rb {
                if is_original_first(ra, rb) {
                    sets.join(rb, ra);
                } else {
                    sets.join(ra, rb);
                }
            }
        }
    }
    (0..prints.len())
        .map(|d| {
            let r = sets.root(d);
            (r != d).then_some(r)
        })
        .collect()
}

/// Disjoint sets of documents (union-find): each set is named by its root,
/// the original of a set of copies.
struct Sets {
    parent: Vec<usize>,
}

impl Sets {
    fn new(n: usize) -> Sets {
        Sets {
            parent: (0..n).collect(),
        }
    }

    /// The root of `x`'s set, halving the path on the way.
    fn root(&mut self, mut x: usize) -> usize {
        while let Some(&p) = self.parent.get(x)
            && p != x
        {
            let grandparent = self.parent.get(p).copied().unwrap_or(p);
            if let Some(slot) = self.parent.get_mut(x) {
                *slot = grandparent;
            }
            x = grandparent;
        }
        x
    }

    /// Puts the set whose root is `child` under the root `root`.
    fn join(&mut self, child: usize, root: usize) {
        if let Some(slot) = self.parent.get_mut(child) {
            *slot = root;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(seed: usize) -> String {
        (0..300)
            .map(|i| format!("word{} ", (i * 7 + seed * 13) % 997))
            .collect()
    }

    #[test]
    fn a_copy_with_page_noise_is_found() {
        let original = article(1);
        let copy = format!("Donate now! Share this. {original} Comments: first! great article.");
        let other = article(2);
        let prints: Vec<_> = [&original, &copy, &other]
            .iter()
            .map(|t| Fingerprint::of(t))
            .collect();
        let copies = find_copies(&prints, |a, b| a < b);
        assert_eq!(copies, vec![None, Some(0), None]);
    }

    #[test]
    fn short_texts_are_never_copies() {
        let prints: Vec<_> = ["seven killed", "seven killed"]
            .iter()
            .map(|t| Fingerprint::of(t))
            .collect();
        assert_eq!(find_copies(&prints, |a, b| a < b), vec![None, None]);
    }
}
