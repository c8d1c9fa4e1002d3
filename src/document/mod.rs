//! Stage 0: documents in. Plain text, HTML, JSON Lines and folders become
//! [`Document`]s with their metadata, and every input is accounted for: a
//! document that cannot be read becomes an [`InputProblem`], never a silent
//! gap.

use serde::{Deserialize, Serialize};
use std::ops::Range;

mod dates;
mod html;
mod read;
mod text;

pub(crate) use read::{cannot_read, describe_json_error, invalid_utf8, walk};

pub use html::from_html;
pub use text::from_text;
pub(crate) use text::repost_of_hint;

/// One article, as the rest of the pipeline sees it. Made by
/// [`from_text`], [`from_html`] or [`read_inputs`]; its metadata fields may
/// be set afterwards.
///
/// ```
/// let mut doc = recount::from_text("a.txt", "Blast at depot\nMay 4, 2023\n\nTwo people died.");
/// assert_eq!(doc.title.as_deref(), Some("Blast at depot"));
/// assert_eq!(doc.published, Some(jiff::civil::date(2023, 5, 4)));
/// doc.source = Some("Valley Herald".into());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Document {
    /// Stable identifier: the file path as given (folders: the path under it),
    /// or the `id` of a JSON Lines record.
    pub id: String,
    /// Where it came from, for messages: `path` or `path:line` for JSON Lines.
    pub origin: String,
    /// The article text (HTML already reduced to text; BOM removed; CRLF → LF).
    pub text: String,
    /// The headline, from metadata or the text's header lines.
    pub title: Option<String>,
    /// Publication date, from metadata or the text's header lines.
    pub published: Option<jiff::civil::Date>,
    /// The outlet (`South Front`, `TRT World`).
    pub source: Option<String>,
    /// Where it was published, from metadata.
    pub url: Option<String>,
    /// Documents sharing an event id are reconciled together as one event.
    pub event: Option<String>,
    /// Byte ranges of `text` that are page furniture (donation widgets, share
    /// prompts, newsletter boxes, copyright lines, related-story teasers):
    /// no claims are taken from them.
    pub noise: Vec<Range<usize>>,
    /// Byte ranges of `text` that are reader comments.
    pub comments: Vec<Range<usize>>,
}

impl Document {
    /// A copy of the metadata with an empty text and no marked regions.
    pub(crate) fn clone_without_text(&self) -> Document {
        Document {
            id: self.id.clone(),
            origin: self.origin.clone(),
            text: String::new(),
            title: self.title.clone(),
            published: self.published,
            source: self.source.clone(),
            url: self.url.clone(),
            event: self.event.clone(),
            noise: Vec::new(),
            comments: Vec::new(),
        }
    }

    /// 1-based line and 1-based column (in chars) of a byte offset into
    /// `text`. An offset inside a character counts as that character; an
    /// offset past the end is the position just after the last character.
    pub fn line_col(&self, byte: usize) -> (usize, usize) {
        let mut end = byte.min(self.text.len());
        while end > 0 && !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let before = self.text.get(..end).unwrap_or("");
        let line = memchr::memchr_iter(b'\n', before.as_bytes()).count() + 1;
        let line_start = memchr::memrchr(b'\n', before.as_bytes()).map_or(0, |p| p + 1);
        let col = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
        (line, col)
    }

    /// True if the byte offset falls in page furniture (`noise`), or in
    /// reader comments unless `include_comments`.
    pub fn is_excluded(&self, byte: usize, include_comments: bool) -> bool {
        self.noise.iter().any(|r| r.contains(&byte))
            || (!include_comments && self.comments.iter().any(|r| r.contains(&byte)))
    }
}

/// How to read an input. `Auto` decides by extension, then by content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum InputFormat {
    /// By extension (`.html`, `.jsonl`, …), then by content.
    #[default]
    Auto,
    /// Plain text ([`from_text`]).
    Text,
    /// An HTML page ([`from_html`]).
    Html,
    /// JSON Lines, one document a line (`docs/schema/document.schema.json`).
    Jsonl,
}

/// Options for [`read_inputs`]. The default detects every input's format
/// and sets no metadata.
///
/// ```
/// let mut options = recount::ReadOptions::default();
/// options.format = recount::InputFormat::Html;
/// options.source = Some("Valley Herald".into());
/// ```
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ReadOptions {
    /// Overrides format detection for every input.
    pub format: InputFormat,
    /// `--published`: the publication date, for a single file (applied to
    /// every document read, with a warning when there are several).
    pub published: Option<jiff::civil::Date>,
    /// `--source`: the outlet, for a single file (as `published`).
    pub source: Option<String>,
    /// `--meta`: CSV with a `path` or `id` column and any of `published`,
    /// `source`, `url`, `event`, `title`.
    pub meta_csv: Option<std::path::PathBuf>,
}

/// A problem with one input. `location` is `path`, `path:line` (JSON Lines,
/// CSV metadata) or `path:byte N`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InputProblem {
    /// Where: `path`, `path:line` or `path:byte N`.
    pub location: String,
    /// How bad it is.
    pub severity: Severity,
    /// What is wrong, for people.
    pub message: String,
}

/// How bad an [`InputProblem`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The document was still read.
    Warning,
    /// This document was not read (binary file, bad JSON Lines record).
    Skipped,
    /// The input is missing or unreadable.
    Error,
}

/// One step of [`read_inputs`]: a document or a problem.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A document read.
    Document(Document),
    /// An input that could not be read, a document skipped, or a warning
    /// about the document that follows.
    Problem(InputProblem),
}

/// Streams every input in a stable order, one document at a time: each path
/// is a file, a folder (read recursively, sorted by path) or `-` for stdin.
/// Problems are reported in place and the batch goes on.
pub fn read_inputs(inputs: &[String], options: &ReadOptions) -> impl Iterator<Item = Item> {
    read::Inputs::new(inputs, options)
}

/// Streams the documents of one stream of JSON Lines records
/// (`docs/schema/document.schema.json`), from any reader, exactly as
/// [`read_inputs`] reads a `.jsonl` file: `label` stands for the file name
/// in every location and `origin` (`label:LINE`), and a record that cannot
/// be read is a problem at its line while the rest is read. For programs
/// that hold their documents in memory or receive them from elsewhere (the
/// Python bindings feed it their dicts, one record a line).
///
/// ```
/// use recount::{Item, Severity, read_jsonl};
///
/// let lines = "{\"id\": \"a\", \"text\": \"Two people died.\", \"published\": \"2024-03-02\"}\n\
///              {\"id\": \"b\"}\n";
/// let items: Vec<Item> = read_jsonl("docs", std::io::Cursor::new(lines)).collect();
/// let Item::Document(a) = &items[0] else { panic!() };
/// assert_eq!((a.id.as_str(), a.origin.as_str()), ("a", "docs:1"));
/// assert_eq!(a.published, Some(jiff::civil::date(2024, 3, 2)));
/// let Item::Problem(p) = &items[1] else { panic!() };
/// assert_eq!((p.location.as_str(), p.severity), ("docs:2", Severity::Skipped));
/// assert_eq!(p.message, "missing field `text`");
/// ```
pub fn read_jsonl(
    label: &str,
    input: impl std::io::BufRead + 'static,
) -> impl Iterator<Item = Item> {
    read::Inputs::jsonl(label, Box::new(input))
}

/// Whether `s` has `len` bytes in a row for which `pred` holds.
fn has_run(s: &str, len: usize, pred: impl Fn(u8) -> bool) -> bool {
    let mut run = 0;
    s.bytes().any(|b| {
        run = if pred(b) { run + 1 } else { 0 };
        run >= len
    })
}
