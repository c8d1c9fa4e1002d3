//! Arbitrary bytes (lossy UTF-8) through the quantity scanner: every span on
//! char boundaries, in order, non-overlapping, and `low <= high` when both
//! bounds are present. `parse_exact` must agree with its own contract.
#![no_main]

use libfuzzer_sys::fuzz_target;
use recount::number::{parse_exact, scan};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let quantities = scan(&text);
    let mut previous_end = 0;
    for q in &quantities {
        assert!(q.start < q.end, "empty or inverted span {q:?}");
        assert!(q.end <= text.len(), "span past the end {q:?}");
        assert!(
            text.is_char_boundary(q.start) && text.is_char_boundary(q.end),
            "span not on char boundaries {q:?}"
        );
        assert!(
            q.start >= previous_end,
            "spans out of order or overlapping at {q:?}"
        );
        previous_end = q.end;
        for v in [q.low, q.high].into_iter().flatten() {
            assert!(!v.is_nan(), "NaN bound {q:?}");
        }
        if let (Some(low), Some(high)) = (q.low, q.high) {
            assert!(low <= high, "low > high {q:?}");
        }
    }
    if let Some(q) = parse_exact(&text) {
        let trimmed = text.trim();
        assert_eq!(text.get(q.start..q.end), Some(trimmed), "{q:?}");
    }
});
