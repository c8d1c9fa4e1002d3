//! Reading inputs: paths, folders and stdin become a stream of documents and
//! problems, one document at a time, in a stable order.

use super::dates::parse_meta_date;
use super::html::{from_html, looks_like_html};
use super::text::from_text;
use super::{Document, InputFormat, InputProblem, Item, ReadOptions, Severity};
use jiff::civil::Date;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet, VecDeque};
use std::fs;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// How many leading bytes are searched for a NUL to call a file binary.
const BINARY_SNIFF: usize = 8 * 1024;

/// Extensions read from folders (files without an extension are read too).
const FOLDER_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "html", "htm", "xhtml", "jsonl", "ndjson",
];

/// Metadata keys accepted in sidecars, CSV files and JSON Lines records.
const META_KEYS: &[&str] = &["published", "source", "url", "event", "title"];

fn problem(location: impl Into<String>, severity: Severity, message: impl Into<String>) -> Item {
    Item::Problem(InputProblem {
        location: location.into(),
        severity,
        message: message.into(),
    })
}

/// An I/O error as a message: `cannot read: No such file or directory`
/// (without Rust's ` (os error 2)` suffix).
pub(crate) fn cannot_read(err: &io::Error) -> String {
    let text = err.to_string();
    let text = match text.rfind(" (os error ") {
        Some(pos) if text.ends_with(')') => text.get(..pos).unwrap_or(&text).to_string(),
        _ => text,
    };
    format!("cannot read: {text}")
}

pub(crate) fn invalid_utf8(byte: usize) -> String {
    format!("invalid UTF-8 at byte {byte}; decoded with replacement characters")
}

fn bad_date(key: &str, value: &str) -> String {
    format!("key \"{key}\": invalid date \"{value}\"; ignored")
}

// ---------------------------------------------------------------------------
// Metadata overrides

/// Metadata given from outside the text: a sidecar, a CSV row, a JSON Lines
/// record or the command line.
#[derive(Debug, Default, Clone, PartialEq)]
struct Overrides {
    published: Option<Date>,
    source: Option<String>,
    url: Option<String>,
    event: Option<String>,
    title: Option<String>,
}

impl Overrides {
    /// Set `key` from a string value; `Err` with a warning message for a bad
    /// date.
    fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        let value = value.trim();
        if value.is_empty() {
            return Ok(());
        }
        let value_owned = Some(value.to_string());
        match key {
            "published" => match parse_meta_date(value) {
                Some(date) => self.published = Some(date),
                None => return Err(bad_date(key, value)),
            },
            "source" => self.source = value_owned,
            "url" => self.url = value_owned,
            "event" => self.event = value_owned,
            "title" => self.title = value_owned,
            _ => return Err(format!("unknown key \"{key}\"; ignored")),
        }
        Ok(())
    }

    /// Replace the document's fields with every value given here.
    fn apply(&self, doc: &mut Document) {
        if let Some(d) = self.published {
            doc.published = Some(d);
        }
        for (field, value) in [
            (&mut doc.source, &self.source),
            (&mut doc.url, &self.url),
            (&mut doc.event, &self.event),
            (&mut doc.title, &self.title),
        ] {
            if value.is_some() {
                field.clone_from(value);
            }
        }
    }

    /// Fill only the fields the document lacks.
    fn fill(&self, doc: &mut Document) {
        if doc.published.is_none() {
            doc.published = self.published;
        }
        for (field, value) in [
            (&mut doc.source, &self.source),
            (&mut doc.url, &self.url),
            (&mut doc.event, &self.event),
            (&mut doc.title, &self.title),
        ] {
            if field.is_none() {
                field.clone_from(value);
            }
        }
    }
}

/// The sidecar of `path`: `FILE.meta.toml`, else `STEM.meta.toml`.
fn sidecar_for(path: &Path) -> Option<PathBuf> {
    let mut full = path.as_os_str().to_owned();
    full.push(".meta.toml");
    let full = PathBuf::from(full);
    if full.is_file() {
        return Some(full);
    }
    let stem = path.with_extension("meta.toml");
    (stem != path && path.extension().is_some() && stem.is_file()).then_some(stem)
}

fn load_sidecar(path: &Path, problems: &mut Vec<Item>) -> Option<Overrides> {
    let side = sidecar_for(path)?;
    let location = side.to_string_lossy().into_owned();
    let content = match fs::read_to_string(&side) {
        Ok(c) => c,
        Err(e) => {
            problems.push(problem(location, Severity::Warning, cannot_read(&e)));
            return None;
        }
    };
    let table = match toml::from_str::<toml::Table>(&content) {
        Ok(t) => t,
        Err(e) => {
            problems.push(problem(
                location,
                Severity::Warning,
                format!("cannot parse: {}; ignored", e.message().trim()),
            ));
            return None;
        }
    };
    let mut out = Overrides::default();
    for (key, value) in &table {
        let text = match value {
            toml::Value::String(s) => s.clone(),
            toml::Value::Datetime(d) if key == "published" => d.to_string(),
            _ if !META_KEYS.contains(&key.as_str()) => {
                problems.push(problem(
                    &location,
                    Severity::Warning,
                    format!("unknown key \"{key}\"; ignored"),
                ));
                continue;
            }
            other => {
                problems.push(problem(
                    &location,
                    Severity::Warning,
                    format!(
                        "key \"{key}\": expected a string, found {}; ignored",
                        other.type_str()
                    ),
                ));
                continue;
            }
        };
        if let Err(message) = out.set(key, &text) {
            problems.push(problem(&location, Severity::Warning, message));
        }
    }
    Some(out)
}

/// Strip leading `./` so `./a.txt` and `a.txt` name the same input.
fn normalize_key(key: &str) -> &str {
    let mut k = key.trim();
    while let Some(rest) = k.strip_prefix("./") {
        k = rest;
    }
    k
}

/// The `--meta` CSV: one row per document, keyed by path or id.
#[derive(Debug, Default)]
struct CsvMeta {
    label: String,
    rows: Vec<(String, u64, Overrides)>,
    by_key: HashMap<String, usize>,
    used: Vec<bool>,
}

impl CsvMeta {
    fn load(path: &Path, problems: &mut Vec<Item>) -> Option<CsvMeta> {
        let label = path.to_string_lossy().into_owned();
        let mut reader = match csv::ReaderBuilder::new()
            .flexible(true)
            .trim(csv::Trim::All)
            .from_path(path)
        {
            Ok(r) => r,
            Err(e) => {
                let message = match e.kind() {
                    csv::ErrorKind::Io(io) => cannot_read(io),
                    _ => format!("cannot read: {e}"),
                };
                problems.push(problem(label, Severity::Error, message));
                return None;
            }
        };
        let headers: Vec<String> = match reader.headers() {
            Ok(h) => h.iter().map(|s| s.trim().to_ascii_lowercase()).collect(),
            Err(e) => {
                problems.push(problem(label, Severity::Error, format!("cannot read: {e}")));
                return None;
            }
        };
        let Some(key_col) = headers.iter().position(|h| h == "path" || h == "id") else {
            problems.push(problem(
                label,
                Severity::Error,
                "no `path` or `id` column; metadata file ignored",
            ));
            return None;
        };
        for (i, h) in headers.iter().enumerate() {
            if i != key_col && !META_KEYS.contains(&h.as_str()) {
                problems.push(problem(
                    format!("{label}:1"),
                    Severity::Warning,
                    format!("unknown column \"{h}\"; ignored"),
                ));
            }
        }
        let mut meta = CsvMeta {
            label: label.clone(),
            ..CsvMeta::default()
        };
        for record in reader.records() {
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line());
                    problems.push(problem(
                        format!("{label}:{line}"),
                        Severity::Warning,
                        format!("cannot read row: {e}; ignored"),
                    ));
                    continue;
                }
            };
            let line = record.position().map_or(0, |p| p.line());
            let Some(key) = record
                .get(key_col)
                .map(normalize_key)
                .filter(|k| !k.is_empty())
            else {
                problems.push(problem(
                    format!("{label}:{line}"),
                    Severity::Warning,
                    "empty path/id; row ignored",
                ));
                continue;
            };
            let mut o = Overrides::default();
            for (i, value) in record.iter().enumerate() {
                let Some(header) = headers.get(i) else {
                    continue;
                };
                if i == key_col || !META_KEYS.contains(&header.as_str()) {
                    continue;
                }
                if let Err(message) = o.set(header, value) {
                    problems.push(problem(
                        format!("{label}:{line}"),
                        Severity::Warning,
                        format!("\"{key}\", {message}"),
                    ));
                }
            }
            if let Some(&previous) = meta.by_key.get(key) {
                let previous_line = meta.rows.get(previous).map_or(0, |r| r.1);
                problems.push(problem(
                    format!("{label}:{line}"),
                    Severity::Warning,
                    format!("\"{key}\" already given on line {previous_line}; this row wins"),
                ));
            }
            meta.by_key.insert(key.to_string(), meta.rows.len());
            meta.rows.push((key.to_string(), line, o));
            meta.used.push(false);
        }
        Some(meta)
    }

    fn apply(&mut self, doc: &mut Document) {
        let idx = self
            .by_key
            .get(normalize_key(&doc.id))
            .or_else(|| self.by_key.get(normalize_key(&doc.origin)))
            .copied();
        if let Some(i) = idx
            && let Some((_, _, o)) = self.rows.get(i)
        {
            o.apply(doc);
            if let Some(u) = self.used.get_mut(i) {
                *u = true;
            }
        }
    }

    fn unused(&self) -> Vec<Item> {
        self.rows
            .iter()
            .zip(&self.used)
            .filter(|(_, used)| !**used)
            .filter(|((key, _, _), _)| self.by_key.contains_key(key))
            .filter(|((key, line, _), _)| {
                // Only the row that won for this key is reported.
                self.by_key
                    .get(key)
                    .and_then(|i| self.rows.get(*i))
                    .is_some_and(|r| r.1 == *line)
            })
            .map(|((key, line, _), _)| {
                problem(
                    format!("{}:{line}", self.label),
                    Severity::Warning,
                    format!("no input matched \"{key}\"; row ignored"),
                )
            })
            .collect()
    }
}

// ---------------------------------------------------------------------------
// Decoding

/// Decoded text of a file, or why it was not decoded.
fn decode(bytes: &[u8], location: &str, problems: &mut Vec<Item>) -> Option<String> {
    // UTF-16 with a byte-order mark.
    let utf16 = match bytes {
        [0xFF, 0xFE, rest @ ..] => Some((rest, true)),
        [0xFE, 0xFF, rest @ ..] => Some((rest, false)),
        _ => None,
    };
    if let Some((rest, little)) = utf16 {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| match c {
                [a, b] if little => u16::from_le_bytes([*a, *b]),
                [a, b] => u16::from_be_bytes([*a, *b]),
                _ => 0xFFFD,
            })
            .collect();
        return Some(String::from_utf16_lossy(&units));
    }
    let head = bytes.get(..BINARY_SNIFF).unwrap_or(bytes);
    if let Some(pos) = memchr::memchr(0, head) {
        problems.push(problem(
            location,
            Severity::Skipped,
            format!("binary file (NUL byte at {pos}); skipped"),
        ));
        return None;
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Some(s.to_string()),
        Err(e) => {
            let at = e.valid_up_to();
            problems.push(problem(
                format!("{location}:byte {at}"),
                Severity::Warning,
                invalid_utf8(at),
            ));
            Some(String::from_utf8_lossy(bytes).into_owned())
        }
    }
}

fn format_from_extension(path: &Path) -> Option<InputFormat> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" | "xhtml" => Some(InputFormat::Html),
        "jsonl" | "ndjson" => Some(InputFormat::Jsonl),
        "txt" | "text" | "md" => Some(InputFormat::Text),
        _ => None,
    }
}

/// Content sniffing for stdin: a first line that is a JSON object with a
/// `text` field means JSON Lines.
fn looks_like_jsonl(content: &str) -> bool {
    let first = content
        .trim_start_matches('\u{feff}')
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    first.trim_start().starts_with('{')
        && serde_json::from_str::<serde_json::Value>(first)
            .is_ok_and(|v| v.get("text").is_some_and(|t| t.is_string()))
}

// ---------------------------------------------------------------------------
// JSON Lines

#[derive(serde::Deserialize)]
#[serde(rename = "record")]
struct Record {
    id: String,
    text: String,
    #[serde(default)]
    title: Option<serde_json::Value>,
    #[serde(default)]
    published: Option<serde_json::Value>,
    #[serde(default)]
    source: Option<serde_json::Value>,
    #[serde(default)]
    url: Option<serde_json::Value>,
    #[serde(default)]
    event: Option<serde_json::Value>,
}

/// `missing field `text`` / `invalid JSON: expected value at column 1`
/// (the location names the file and the line).
/// A JSON error of one line, without serde_json's position suffix:
/// `missing field `text`` / `invalid JSON: expected value at column 1`.
pub(crate) fn describe_json_error(err: &serde_json::Error) -> String {
    let full = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    let message = full.strip_suffix(&suffix).unwrap_or(&full);
    match err.classify() {
        serde_json::error::Category::Data => message.to_string(),
        _ => format!("invalid JSON: {message} at column {}", err.column()),
    }
}

struct JsonlStream {
    /// The file as named in locations.
    label: String,
    reader: Box<dyn BufRead>,
    line: usize,
    offset: usize,
    sidecar: Option<Overrides>,
    done: bool,
    /// Records read before they are built into documents together, in
    /// parallel (building is most of the cost of reading). 1 on stdin, so a
    /// caller talking to one recount process gets each answer before it
    /// sends the next record.
    ahead: usize,
}

/// Records read ahead from a file, built in parallel.
const READ_AHEAD: usize = 64;

/// One line of a JSON Lines input, read but not yet parsed.
struct RawRecord {
    location: String,
    text: String,
    /// Problems found reading it (invalid UTF-8), reported before it.
    warnings: Vec<Item>,
}

impl JsonlStream {
    /// The next records as documents (each with any warnings before it),
    /// or problems; `None` at the end.
    fn next_items(&mut self) -> Option<Vec<Item>> {
        let mut raws = Vec::new();
        let mut stop: Vec<Item> = Vec::new();
        while raws.len() < self.ahead.max(1) {
            match self.read_raw() {
                Some(Ok(raw)) => raws.push(raw),
                Some(Err(problem)) => {
                    stop.push(problem);
                    break;
                }
                None => break,
            }
        }
        if raws.is_empty() && stop.is_empty() {
            return None;
        }
        let sidecar = self.sidecar.as_ref();
        let built: Vec<Vec<Item>> = if raws.len() > 1 {
            raws.into_par_iter()
                .map(|raw| build_record(raw, sidecar))
                .collect()
        } else {
            raws.into_iter()
                .map(|raw| build_record(raw, sidecar))
                .collect()
        };
        let mut items: Vec<Item> = built.into_iter().flatten().collect();
        items.extend(stop);
        Some(items)
    }

    /// The next non-blank line, or the problem that ends the stream.
    fn read_raw(&mut self) -> Option<Result<RawRecord, Item>> {
        let mut buf = Vec::new();
        loop {
            if self.done {
                return None;
            }
            buf.clear();
            let n = match self.reader.read_until(b'\n', &mut buf) {
                Ok(n) => n,
                Err(e) => {
                    self.done = true;
                    return Some(Err(problem(
                        format!("{}:{}", self.label, self.line + 1),
                        Severity::Error,
                        cannot_read(&e),
                    )));
                }
            };
            if n == 0 {
                self.done = true;
                return None;
            }
            self.line += 1;
            let start = self.offset;
            self.offset += n;
            let mut bytes: &[u8] = &buf;
            if self.line == 1 {
                bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            }
            let trimmed = bytes.trim_ascii();
            if trimmed.is_empty() {
                continue;
            }
            let location = format!("{}:{}", self.label, self.line);
            let mut warnings = Vec::new();
            let text = match std::str::from_utf8(trimmed) {
                Ok(s) => s.to_string(),
                Err(e) => {
                    let lead = bytes.len() - bytes.trim_ascii_start().len();
                    let at = start + (buf.len() - bytes.len()) + lead + e.valid_up_to();
                    warnings.push(problem(&location, Severity::Warning, invalid_utf8(at)));
                    String::from_utf8_lossy(trimmed).into_owned()
                }
            };
            return Some(Ok(RawRecord {
                location,
                text,
                warnings,
            }));
        }
    }
}

/// A record as a document (after its warnings), or the problem that skips it.
fn build_record(raw: RawRecord, sidecar: Option<&Overrides>) -> Vec<Item> {
    let RawRecord {
        location,
        text,
        mut warnings,
    } = raw;
    let items = &mut warnings;
    let record: Record = match serde_json::from_str(&text) {
        Ok(r) => r,
        Err(e) => {
            items.push(problem(
                &location,
                Severity::Skipped,
                describe_json_error(&e),
            ));
            return warnings;
        }
    };
    if record.id.trim().is_empty() {
        items.push(problem(
            &location,
            Severity::Skipped,
            "empty `id`".to_string(),
        ));
        return warnings;
    }
    let mut doc = from_text(&record.id, &record.text);
    doc.origin = location.clone();
    let mut given = Overrides::default();
    for (key, value) in [
        ("title", &record.title),
        ("published", &record.published),
        ("source", &record.source),
        ("url", &record.url),
        ("event", &record.event),
    ] {
        match value {
            None | Some(serde_json::Value::Null) => {}
            Some(serde_json::Value::String(s)) => {
                if let Err(message) = given.set(key, s) {
                    items.push(problem(&location, Severity::Warning, message));
                }
            }
            Some(_) => items.push(problem(
                &location,
                Severity::Warning,
                format!("key \"{key}\": expected a string; ignored"),
            )),
        }
    }
    given.apply(&mut doc);
    if let Some(side) = sidecar {
        side.fill(&mut doc);
    }
    items.push(Item::Document(doc));
    warnings
}

// ---------------------------------------------------------------------------
// Folders

fn is_hidden(name: &str) -> bool {
    name.starts_with('.')
}

/// Files a folder holds for its documents' metadata (`a.meta.toml`, a
/// metadata CSV), read with them.
fn is_metadata(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".meta.toml") || lower.ends_with(".csv")
}

/// Why a file of another type is skipped, naming its type.
fn unsupported(path: &Path) -> String {
    let ext = path.extension().and_then(|e| e.to_str()).map_or_else(
        || "this".to_string(),
        |e| format!(".{}", e.to_ascii_lowercase()),
    );
    format!(
        "unsupported file type ({ext}): recount reads plain text, HTML and JSON Lines; convert it to text first"
    )
}

/// A file format the first bytes give away, that recount cannot read.
fn foreign_format(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF", "a PDF file"),
        (
            b"PK\x03\x04",
            "a ZIP archive (DOCX, XLSX, ODT and EPUB are ZIP archives)",
        ),
        (b"{\\rtf", "an RTF document"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"BZh", "a bzip2 archive"),
        (b"\xFD7zXZ", "an xz archive"),
        (b"7z\xBC\xAF", "a 7z archive"),
        (b"\xD0\xCF\x11\xE0", "an old Office document (DOC, XLS)"),
        (b"RIFF", "a RIFF file (WAV, AVI, WEBP)"),
        (b"\x7FELF", "an executable"),
    ];
    MAGIC
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, what)| *what)
}

/// The text's first 64 Ki characters, borrowed: what the prose tests judge.
fn sample(text: &str) -> &str {
    match text.char_indices().nth(64 * 1024) {
        Some((end, _)) => text.get(..end).unwrap_or(text),
        None => text,
    }
}

/// Why a text is no prose to read, if it is not: random bytes, base64,
/// minified code — mined for numbers, they would give nonsense. Prose is
/// mostly letters and spaces, with words of a readable length.
pub(crate) fn not_prose(text: &str) -> Option<String> {
    let sample = sample(text);
    let total = sample.chars().filter(|c| !c.is_whitespace()).count();
    if total < 200 {
        return None;
    }
    let letters = sample.chars().filter(|c| c.is_alphabetic()).count();
    let replaced = sample.chars().filter(|&c| c == '\u{FFFD}').count();
    let words = sample.split_whitespace().count().max(1);
    let mean_word = total as f64 / words as f64;
    let letter_share = letters as f64 / total as f64;
    if replaced * 20 > total {
        Some(format!(
            "not text: {} of its first {} characters are not valid UTF-8; skipped",
            replaced, total
        ))
    } else if letter_share < 0.5 {
        Some(format!(
            "not prose: only {:.0}% of its characters are letters; skipped",
            100.0 * letter_share
        ))
    } else if mean_word > 25.0 {
        Some(format!(
            "not prose: its words average {mean_word:.0} characters (encoded data or minified code?); skipped"
        ))
    } else {
        None
    }
}

/// Why a text that is not HTML reads as program code rather than prose,
/// if it does: brackets, braces, semicolons and operators are about one
/// character in a hundred of news prose, one in five of minified code.
pub(crate) fn code(text: &str) -> Option<String> {
    const CODE: &[char] = &['{', '}', '(', ')', ';', '=', '<', '>', '[', ']', '|', '&'];
    let sample = sample(text);
    let total = sample.chars().filter(|c| !c.is_whitespace()).count();
    if total < 200 {
        return None;
    }
    let marks = sample.chars().filter(|c| CODE.contains(c)).count();
    let share = marks as f64 / total as f64;
    (share > 0.08).then(|| {
        format!(
            "not prose: {:.0}% of its characters are brackets, semicolons or operators (program code?); skipped",
            100.0 * share
        )
    })
}

fn wanted_in_folder(path: &Path, name: &str) -> bool {
    if name.to_ascii_lowercase().ends_with(".meta.toml") {
        return false;
    }
    match path.extension() {
        None => true,
        Some(ext) => ext
            .to_str()
            .is_some_and(|e| FOLDER_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str())),
    }
}

/// Every readable file under `dir`, sorted by path; problems for folders that
/// cannot be listed.
pub(crate) fn walk(dir: &Path, problems: &mut Vec<Item>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    let mut seen = HashSet::new();
    while let Some(d) = stack.pop() {
        if let Ok(canonical) = fs::canonicalize(&d)
            && !seen.insert(canonical)
        {
            continue;
        }
        let entries = match fs::read_dir(&d) {
            Ok(e) => e,
            Err(e) => {
                problems.push(problem(
                    d.to_string_lossy(),
                    Severity::Error,
                    cannot_read(&e),
                ));
                continue;
            }
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if is_hidden(&name) {
                continue;
            }
            let path = entry.path();
            match fs::metadata(&path) {
                Ok(m) if m.is_dir() => stack.push(path),
                Ok(_) => {
                    if wanted_in_folder(&path, &name) {
                        files.push(path);
                    } else if !is_metadata(&name) {
                        // nothing in a folder is passed over in silence
                        problems.push(problem(
                            path.to_string_lossy(),
                            Severity::Skipped,
                            unsupported(&path),
                        ));
                    }
                }
                Err(e) => problems.push(problem(
                    path.to_string_lossy(),
                    Severity::Error,
                    cannot_read(&e),
                )),
            }
        }
    }
    files.sort();
    files
}

// ---------------------------------------------------------------------------
// The stream

/// The iterator behind [`super::read_inputs`].
pub(crate) struct Inputs {
    options: ReadOptions,
    inputs: VecDeque<String>,
    files: VecDeque<PathBuf>,
    pending: VecDeque<Item>,
    jsonl: Option<JsonlStream>,
    csv: Option<CsvMeta>,
    documents: usize,
    warned_options: bool,
    finished: bool,
}

impl Inputs {
    pub(crate) fn new(inputs: &[String], options: &ReadOptions) -> Inputs {
        let mut problems = Vec::new();
        let csv = options
            .meta_csv
            .as_deref()
            .and_then(|p| CsvMeta::load(p, &mut problems));
        Inputs {
            options: options.clone(),
            inputs: inputs.iter().cloned().collect(),
            files: VecDeque::new(),
            pending: problems.into(),
            jsonl: None,
            csv,
            documents: 0,
            warned_options: false,
            finished: false,
        }
    }

    /// Apply the CSV row and the command-line options, count the document.
    fn finish_document(&mut self, mut doc: Document) {
        if let Some(csv) = &mut self.csv {
            csv.apply(&mut doc);
        }
        if let Some(d) = self.options.published {
            doc.published = Some(d);
        }
        if let Some(s) = &self.options.source {
            doc.source = Some(s.clone());
        }
        self.documents += 1;
        let given = self.options.published.is_some() || self.options.source.is_some();
        if given && self.documents == 2 && !self.warned_options {
            self.warned_options = true;
            let flags = match (
                self.options.published.is_some(),
                self.options.source.is_some(),
            ) {
                (true, true) => "--published and --source",
                (true, false) => "--published",
                _ => "--source",
            };
            self.pending.push_back(problem(
                flags,
                Severity::Warning,
                format!("{flags} given for more than one document; applied to every document"),
            ));
        }
        self.pending.push_back(Item::Document(doc));
    }

    fn queue(&mut self, items: Vec<Item>) {
        for item in items {
            match item {
                Item::Document(doc) => self.finish_document(doc),
                p @ Item::Problem(_) => self.pending.push_back(p),
            }
        }
    }

    /// The format for a file: the override, else its extension, else its
    /// content.
    fn format_of(&self, path: Option<&Path>, content: &str) -> InputFormat {
        if self.options.format != InputFormat::Auto {
            return self.options.format;
        }
        if let Some(f) = path.and_then(format_from_extension)
            && f != InputFormat::Text
        {
            return f;
        }
        // Text extensions still yield to a page that is plainly HTML.
        if looks_like_html(content) {
            InputFormat::Html
        } else if path.is_none() && looks_like_jsonl(content) {
            InputFormat::Jsonl
        } else {
            InputFormat::Text
        }
    }

    fn read_file(&mut self, path: PathBuf) {
        let label = path.to_string_lossy().into_owned();
        let mut problems = Vec::new();
        let by_ext = if self.options.format == InputFormat::Auto {
            format_from_extension(&path)
        } else {
            Some(self.options.format)
        };
        if by_ext == Some(InputFormat::Jsonl) {
            self.open_jsonl(path, label);
            return;
        }
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                self.queue(vec![problem(label, Severity::Error, cannot_read(&e))]);
                return;
            }
        };
        if let Some(what) = foreign_format(&bytes) {
            self.queue(vec![problem(
                label,
                Severity::Skipped,
                format!("{what}: recount reads plain text, HTML and JSON Lines; convert it to text first"),
            )]);
            return;
        }
        let Some(content) = decode(&bytes, &label, &mut problems) else {
            self.queue(problems);
            return;
        };
        if content.trim().is_empty() {
            problems.push(problem(
                label.clone(),
                Severity::Warning,
                "empty file: no text to read",
            ));
        } else if let Some(why) = not_prose(&content) {
            // the reason says it all: no warning about decoding first
            problems.clear();
            problems.push(problem(label, Severity::Skipped, why));
            self.queue(problems);
            return;
        }
        let format = self.format_of(Some(&path), &content);
        if format == InputFormat::Text
            && let Some(why) = code(&content)
        {
            problems.push(problem(label, Severity::Skipped, why));
            self.queue(problems);
            return;
        }
        let mut doc = if format == InputFormat::Html {
            from_html(&label, &content)
        } else {
            from_text(&label, &content)
        };
        if let Some(side) = load_sidecar(&path, &mut problems) {
            side.apply(&mut doc);
        }
        problems.push(Item::Document(doc));
        self.queue(problems);
    }

    fn open_jsonl(&mut self, path: PathBuf, label: String) {
        let mut file = match fs::File::open(&path) {
            Ok(f) => f,
            Err(e) => {
                self.queue(vec![problem(label, Severity::Error, cannot_read(&e))]);
                return;
            }
        };
        let mut head = Vec::new();
        if let Err(e) = (&mut file).take(BINARY_SNIFF as u64).read_to_end(&mut head) {
            self.queue(vec![problem(label, Severity::Error, cannot_read(&e))]);
            return;
        }
        if let Some(pos) = memchr::memchr(0, &head) {
            self.queue(vec![problem(
                label,
                Severity::Skipped,
                format!("binary file (NUL byte at {pos}); skipped"),
            )]);
            return;
        }
        let mut problems = Vec::new();
        let sidecar = load_sidecar(&path, &mut problems);
        self.queue(problems);
        let reader = BufReader::new(io::Cursor::new(head).chain(file));
        self.jsonl = Some(JsonlStream {
            label,
            reader: Box::new(reader),
            line: 0,
            offset: 0,
            sidecar,
            done: false,
            ahead: READ_AHEAD,
        });
    }

    fn read_stdin(&mut self) {
        let label = "stdin";
        let mut reader = BufReader::new(io::stdin());
        // The first line that is not blank tells JSON Lines apart (when the
        // format is not given): read no further before deciding.
        let mut head = Vec::new();
        if self.options.format == InputFormat::Auto {
            loop {
                match reader.read_until(b'\n', &mut head) {
                    Ok(0) => break,
                    Ok(_) if !head.trim_ascii().is_empty() => break,
                    Ok(_) => {}
                    Err(e) => {
                        self.queue(vec![problem(label, Severity::Error, cannot_read(&e))]);
                        return;
                    }
                }
            }
        }
        // JSON Lines on stdin stream line by line, so a caller can keep one
        // recount process and talk to it a document at a time, and memory
        // stays flat however long the stream.
        if self.options.format == InputFormat::Jsonl
            || self.options.format == InputFormat::Auto
                && looks_like_jsonl(&String::from_utf8_lossy(&head))
        {
            self.jsonl = Some(JsonlStream {
                label: label.to_string(),
                reader: Box::new(io::Cursor::new(head).chain(reader)),
                line: 0,
                offset: 0,
                sidecar: None,
                done: false,
                ahead: 1,
            });
            return;
        }
        let mut bytes = head;
        if let Err(e) = reader.read_to_end(&mut bytes) {
            self.queue(vec![problem(label, Severity::Error, cannot_read(&e))]);
            return;
        }
        let mut problems = Vec::new();
        if let Some(what) = foreign_format(&bytes) {
            self.queue(vec![problem(
                label,
                Severity::Skipped,
                format!("{what}: recount reads plain text, HTML and JSON Lines; convert it to text first"),
            )]);
            return;
        }
        let Some(content) = decode(&bytes, label, &mut problems) else {
            self.queue(problems);
            return;
        };
        if content.trim().is_empty() {
            problems.push(problem(
                label,
                Severity::Warning,
                "empty input: no text to read",
            ));
        }
        let format = self.format_of(None, &content);
        if format != InputFormat::Jsonl
            && let Some(why) = not_prose(&content).or_else(|| {
                (format == InputFormat::Text)
                    .then(|| code(&content))
                    .flatten()
            })
        {
            problems.clear();
            problems.push(problem(label, Severity::Skipped, why));
            self.queue(problems);
            return;
        }
        match format {
            InputFormat::Jsonl => {
                self.queue(problems);
                self.jsonl = Some(JsonlStream {
                    label: label.to_string(),
                    reader: Box::new(io::Cursor::new(content.into_bytes())),
                    line: 0,
                    offset: 0,
                    sidecar: None,
                    done: false,
                    // all of stdin is already read: nobody waits on a record
                    ahead: READ_AHEAD,
                });
            }
            InputFormat::Html => {
                let mut doc = from_html("-", &content);
                doc.origin = label.to_string();
                problems.push(Item::Document(doc));
                self.queue(problems);
            }
            _ => {
                let mut doc = from_text("-", &content);
                doc.origin = label.to_string();
                problems.push(Item::Document(doc));
                self.queue(problems);
            }
        }
    }

    fn open_input(&mut self, input: String) {
        if input == "-" {
            self.read_stdin();
            return;
        }
        let path = PathBuf::from(&input);
        match fs::metadata(&path) {
            Ok(m) if m.is_dir() => {
                let mut problems = Vec::new();
                let files = walk(&path, &mut problems);
                self.queue(problems);
                self.files.extend(files);
            }
            Ok(_) => self.files.push_back(path),
            Err(e) => self.queue(vec![problem(input, Severity::Error, cannot_read(&e))]),
        }
    }
}

impl Inputs {
    /// One stream of JSON Lines records, read as a `.jsonl` file is:
    /// `label` names it in locations (`label:LINE`).
    pub(crate) fn jsonl(label: &str, reader: Box<dyn BufRead>) -> Inputs {
        let mut inputs = Inputs::new(&[], &ReadOptions::default());
        inputs.jsonl = Some(JsonlStream {
            label: label.to_string(),
            reader,
            line: 0,
            offset: 0,
            sidecar: None,
            done: false,
            ahead: READ_AHEAD,
        });
        inputs
    }
}

impl Iterator for Inputs {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(item) = self.pending.pop_front() {
                return Some(item);
            }
            if let Some(stream) = &mut self.jsonl {
                match stream.next_items() {
                    Some(items) => self.queue(items),
                    None => self.jsonl = None,
                }
                continue;
            }
            if let Some(path) = self.files.pop_front() {
                self.read_file(path);
                continue;
            }
            if let Some(input) = self.inputs.pop_front() {
                self.open_input(input);
                continue;
            }
            if !self.finished {
                self.finished = true;
                if let Some(csv) = &self.csv {
                    let unused = csv.unused();
                    self.pending.extend(unused);
                }
                continue;
            }
            return None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_messages_drop_os_error_suffix() {
        let e = io::Error::from_raw_os_error(2);
        assert_eq!(cannot_read(&e), "cannot read: No such file or directory");
    }

    /// Records built in parallel batches come out in input order, each
    /// problem at its own line, across batch boundaries.
    #[test]
    fn read_ahead_keeps_records_and_problems_in_order() {
        let mut input = Vec::new();
        for n in 1..=150 {
            match n {
                100 => input.extend(b"{not json\n"),
                120 => input.extend(b"{\"id\": \" \", \"text\": \"x\"}\n"),
                130 => input.extend(b"{\"id\": \"d130\", \"text\": \"caf\xE9\"}\n"),
                _ => input
                    .extend(format!("{{\"id\": \"d{n}\", \"text\": \"{n} killed\"}}\n").bytes()),
            }
        }
        let mut stream = JsonlStream {
            label: "in.jsonl".into(),
            reader: Box::new(io::Cursor::new(input)),
            line: 0,
            offset: 0,
            sidecar: None,
            done: false,
            ahead: READ_AHEAD,
        };
        let mut seen = Vec::new();
        while let Some(items) = stream.next_items() {
            for item in items {
                seen.push(match item {
                    Item::Document(d) => format!("{} {}", d.origin, d.id),
                    Item::Problem(p) => format!("{} {:?}", p.location, p.severity),
                });
            }
        }
        let mut expected = Vec::new();
        for n in 1..=150 {
            match n {
                100 => expected.push("in.jsonl:100 Skipped".to_string()),
                120 => expected.push("in.jsonl:120 Skipped".to_string()),
                130 => {
                    expected.push("in.jsonl:130 Warning".to_string());
                    expected.push("in.jsonl:130 d130".to_string());
                }
                _ => expected.push(format!("in.jsonl:{n} d{n}")),
            }
        }
        assert_eq!(seen, expected);
    }

    #[test]
    fn json_errors_are_readable() {
        let err = serde_json::from_str::<Record>(r#"{"id": "a"}"#).err();
        let msg = err.map(|e| describe_json_error(&e));
        assert_eq!(msg.as_deref(), Some("missing field `text`"));
        let err = serde_json::from_str::<Record>(r#"{"id": "a", "text": }"#).err();
        let msg = err.map(|e| describe_json_error(&e));
        assert_eq!(
            msg.as_deref(),
            Some("invalid JSON: expected value at column 21")
        );
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Hi 12".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let mut problems = Vec::new();
        assert_eq!(decode(&bytes, "x", &mut problems).as_deref(), Some("Hi 12"));
        assert!(problems.is_empty());
    }

    #[test]
    fn overrides_set_reports_bad_dates_and_keys() {
        let mut o = Overrides::default();
        assert_eq!(
            o.set("published", "2021-02-30"),
            Err("key \"published\": invalid date \"2021-02-30\"; ignored".to_string())
        );
        assert_eq!(
            o.set("colour", "red"),
            Err("unknown key \"colour\"; ignored".to_string())
        );
        assert_eq!(o.set("published", "2021-02-03"), Ok(()));
        assert_eq!(o.published, Some(jiff::civil::date(2021, 2, 3)));
    }
}
