//! Arbitrary UTF-8 as a rules file: `Rules::from_toml` returns rules or a
//! located error, never panics; an error's line and column lie in the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use recount::Rules;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Rules::from_toml("fuzz.toml", text) {
        Ok(rules) => {
            // (a population with the role `default` is optional: rules
            // without one leave victims of no stated kind unclassified)
            assert!(!rules.categories.is_empty());
        }
        Err(e) => {
            assert_eq!(e.file, "fuzz.toml");
            assert!(e.line >= 1 && e.column >= 1, "{e:?}");
            assert!(
                e.line <= text.lines().count().max(1) + 1,
                "line past the end {e:?}"
            );
            assert!(!e.message.is_empty(), "{e:?}");
        }
    }
});
