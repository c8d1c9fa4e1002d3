//! Arbitrary bytes (lossy UTF-8) as a plain-text document through the
//! extractor with the built-in rules: every claim's span lies within the
//! text on char boundaries, is the claim's `number`, lies inside its quote,
//! and the quote is the text at `quote_start` (a title's claims, the same
//! within the title).
#![no_main]

use libfuzzer_sys::fuzz_target;
use recount::Pipeline;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Pipeline> = LazyLock::new(Pipeline::with_default_rules);

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let doc = recount::from_text("fuzz.txt", &input);
    let text = doc.text.as_str();
    for c in EXTRACTOR.extract(&doc) {
        if c.in_title {
            // a title's claim is placed in the title, its quote (line 0)
            let title = doc.title.as_deref().unwrap_or_default().trim();
            let quote_end = c.quote_start + c.quote.len();
            assert_eq!(
                title.get(c.quote_start..quote_end),
                Some(&*c.quote),
                "{c:?}"
            );
            assert_eq!(c.line, 0, "{c:?}");
            assert_eq!(title.get(c.start..c.end), Some(c.number.as_str()), "{c:?}");
            continue;
        }
        assert!(c.start <= c.end && c.end <= text.len(), "span {c:?}");
        assert!(
            text.is_char_boundary(c.start) && text.is_char_boundary(c.end),
            "span not on char boundaries {c:?}"
        );
        assert_eq!(text.get(c.start..c.end), Some(c.number.as_str()), "{c:?}");
        let quote_end = c.quote_start + c.quote.len();
        assert_eq!(
            text.get(c.quote_start..quote_end),
            Some(&*c.quote),
            "quote is not the text at quote_start {c:?}"
        );
        assert!(
            c.quote_start <= c.start && c.end <= quote_end,
            "figure outside its quote {c:?}"
        );
        assert_eq!((c.line, c.column), doc.line_col(c.start), "{c:?}");
        if let (Some(low), Some(high)) = (c.low, c.high) {
            assert!(low <= high, "low > high {c:?}");
        }
    }
});
