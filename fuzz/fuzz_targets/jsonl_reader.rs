//! Arbitrary bytes as a JSON Lines file read through `read_inputs` to the
//! end: never panics, every item is a document or a located problem, and
//! every document's ranges lie within its text on char boundaries.
//!
//! There is no in-memory JSON Lines API (the stream is private to the
//! library), so each input is written to one reused file in
//! /dev/shm (a RAM disk; falls back to the system temp dir).
#![no_main]

use libfuzzer_sys::fuzz_target;
use recount::{Item, ReadOptions, read_inputs};
use std::path::PathBuf;
use std::sync::LazyLock;

static PATH: LazyLock<PathBuf> = LazyLock::new(|| {
    let dir = PathBuf::from("/dev/shm");
    let dir = if dir.is_dir() {
        dir
    } else {
        std::env::temp_dir()
    };
    dir.join(format!("recount-fuzz-{}.jsonl", std::process::id()))
});

fuzz_target!(|data: &[u8]| {
    let path = &*PATH;
    std::fs::write(path, data).expect("write the temporary input");
    let inputs = [path.to_string_lossy().into_owned()];
    let label = inputs[0].clone();
    for item in read_inputs(&inputs, &ReadOptions::default()) {
        match item {
            Item::Document(doc) => {
                assert!(doc.origin.starts_with(&label), "{doc:?}");
                let text = doc.text.as_str();
                for r in doc.noise.iter().chain(&doc.comments) {
                    assert!(r.start <= r.end && r.end <= text.len(), "range {r:?}");
                    assert!(
                        text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
                        "range {r:?} not on char boundaries"
                    );
                }
            }
            Item::Problem(p) => {
                assert!(p.location.starts_with(&label), "{p:?}");
                assert!(!p.message.is_empty(), "{p:?}");
            }
        }
    }
});
