//! Helpers the binary's integration tests share: running `recount` the way
//! a user would (from the repository root, no colour, default width) and a
//! scratch directory.

// Each test binary compiles this module and uses only part of it.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

pub const MANIFEST: &str = env!("CARGO_MANIFEST_DIR");

pub fn recount() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_recount"));
    c.current_dir(MANIFEST)
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS");
    c
}

pub fn run(args: &[&str]) -> Output {
    recount().args(args).output().expect("run recount")
}

pub fn run_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = recount()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run recount");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin)
        .expect("write stdin");
    child.wait_with_output().expect("wait")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh, empty directory under the system temp dir, removed on drop.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "recount-test-{name}-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }

    /// Write `name` (which may name subfolders) and return its path.
    pub fn write(&self, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
        let p = self.0.join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("create parent");
        }
        std::fs::write(&p, content).expect("write temp file");
        p
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// `../shared/REL`, the development data beside the clone (README,
/// "Data"), or `None` when it is absent. The caller then skips what needs
/// it, and a line naming what was skipped goes straight to the terminal
/// (the test harness does not capture it), so a run without the data says
/// so; with `RECOUNT_REQUIRE_SHARED` set (CI sets it) the absence fails
/// the test instead.
pub fn shared(rel: &str, skipping: &str) -> Option<PathBuf> {
    let p = Path::new(MANIFEST).join("../shared").join(rel);
    if p.exists() {
        return Some(p);
    }
    assert!(
        std::env::var_os("RECOUNT_REQUIRE_SHARED").is_none(),
        "../shared/{rel} is absent but RECOUNT_REQUIRE_SHARED is set: {skipping} cannot be skipped"
    );
    let _ = writeln!(
        std::io::stderr(),
        "skipped: {skipping} (../shared/{rel} is absent; see README, \"Data\")"
    );
    None
}
