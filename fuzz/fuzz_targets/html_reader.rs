//! Arbitrary bytes (lossy UTF-8) as an HTML page: `from_html` never panics,
//! and its noise and comment ranges lie within the text on char boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let doc = recount::from_html("fuzz.html", &input);
    let text = doc.text.as_str();
    for r in doc.noise.iter().chain(&doc.comments) {
        assert!(r.start <= r.end && r.end <= text.len(), "range {r:?}");
        assert!(
            text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
            "range {r:?} not on char boundaries"
        );
    }
    let _ = doc.line_col(text.len());
});
