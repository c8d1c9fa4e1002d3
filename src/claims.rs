//! The reduce step's input: the JSON Lines that `recount extract
//! --with-documents` writes, read back into what reconciliation needs.
//!
//! The map step writes, for each document in input order, one
//! `recount.document/1` record (id, metadata, claim count, skip reason,
//! warnings and the fingerprint copy detection compares), then its
//! `recount.claim/1` lines; both formats are [`crate::wire`]'s. [`read`]
//! reads any number of such files (or stdin) back into [`DocumentEntry`]s
//! and [`Claim`]s for
//! [`Pipeline::reconcile_claims`](crate::Pipeline::reconcile_claims),
//! which then gives the reconciliation `recount report` gives on the
//! documents themselves.
//!
//! Lines may come in any order (a shuffle may have mixed them): claims are
//! matched to their document's record by id once everything is read. Every
//! line is accounted for: a bad line is an [`InputProblem`] naming its file
//! and line, and the rest is read; a claim whose document has no record is
//! kept, with a stand-in record made from the claim, and reported as an
//! error, because without the record its document's `event` and copies are
//! unknown.
//!
//! ```
//! use recount::claims::Reader;
//! use recount::wire::{DocumentRecord, claim_json, document_json};
//! use recount::{Pipeline, from_text};
//!
//! // the map step, by hand: a record, then the document's claims
//! let pipeline = Pipeline::with_default_rules();
//! let doc = from_text("a.txt", "March 3, 2024\n\nFive people were killed.");
//! let claims = pipeline.extract(&doc);
//! let record = DocumentRecord::from_entry(&pipeline.entry(&doc, claims.len()), &doc.origin);
//! let mut lines = document_json(&record) + "\n";
//! for c in &claims {
//!     lines += &(claim_json(c) + "\n");
//! }
//!
//! // the reduce step
//! let mut reader = Reader::new();
//! reader.read("claims.jsonl", lines.as_bytes());
//! let read = reader.finish();
//! assert!(read.problems.is_empty());
//! assert_eq!(read.claims, claims);
//! let rec = pipeline.reconcile_claims(read.documents, read.claims);
//! assert_eq!(rec, pipeline.reconcile_documents([doc]).reconciliation);
//! ```

use crate::document::{self, InputProblem, Item, Severity};
use crate::extract::Claim;
use crate::reconcile::{DocumentEntry, Fingerprint};
use crate::wire::{DOCUMENT_SCHEMA, DocumentRecord, Record};
use jiff::civil::Date;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What [`read`] (or a [`Reader`]) found: the documents, in the order
/// their records came, the claims in line order, and the problems.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct ReadBack {
    /// One entry per document record (skipped documents included), then a
    /// stand-in for each document that has claims but no record.
    pub documents: Vec<DocumentEntry>,
    /// The claims, in the order their lines came.
    pub claims: Vec<Claim>,
    /// Bad lines and unreadable inputs, documents the map step skipped,
    /// claims without a record (errors), claim counts that differ from the
    /// record's (warnings).
    pub problems: Vec<InputProblem>,
}

impl ReadBack {
    /// True if any problem is worse than a warning: `recount report`'s exit
    /// status 2.
    pub fn had_trouble(&self) -> bool {
        self.problems
            .iter()
            .any(|p| p.severity != Severity::Warning)
    }
}

/// The claims naming one document.
#[derive(Debug)]
struct Claimed {
    /// Where the first is.
    location: String,
    count: usize,
    /// The first's, for a stand-in record.
    outlet: Option<String>,
    published: Option<Date>,
}

/// Reads the map step's JSON Lines, from any number of inputs, into a
/// [`ReadBack`]. Feed it with [`Reader::read`], then call [`Reader::finish`].
#[derive(Debug, Default)]
pub struct Reader {
    documents: Vec<(DocumentRecord, String)>,
    claims: Vec<Claim>,
    /// Per document id named by a claim.
    claimed: HashMap<String, Claimed>,
    /// The documents in the order their first claim came.
    claimed_order: Vec<String>,
    problems: Vec<InputProblem>,
}

impl Reader {
    /// A reader that has read nothing yet.
    pub fn new() -> Reader {
        Reader::default()
    }

    /// Read every line of one input; `label` names it in problems
    /// (`label:LINE`). Never fails: a line that cannot be read is a problem
    /// and the next line is read; an I/O error ends this input with one.
    pub fn read(&mut self, label: &str, mut input: impl BufRead) {
        let mut buf = Vec::new();
        let mut line = 0usize;
        let mut offset = 0usize;
        loop {
            buf.clear();
            let n = match input.read_until(b'\n', &mut buf) {
                Ok(0) => return,
                Ok(n) => n,
                Err(e) => {
                    self.problem(
                        format!("{label}:{}", line + 1),
                        Severity::Error,
                        document::cannot_read(&e),
                    );
                    return;
                }
            };
            line += 1;
            let start = offset;
            offset += n;
            let mut bytes: &[u8] = &buf;
            if line == 1 {
                bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            }
            let skipped_before = buf.len() - bytes.len();
            let lead = bytes.len() - bytes.trim_ascii_start().len();
            let trimmed = bytes.trim_ascii();
            if trimmed.is_empty() {
                continue;
            }
            let location = format!("{label}:{line}");
            let text = match std::str::from_utf8(trimmed) {
                Ok(s) => Cow::Borrowed(s),
                Err(e) => {
                    let at = start + skipped_before + lead + e.valid_up_to();
                    self.problem(&location, Severity::Warning, document::invalid_utf8(at));
                    String::from_utf8_lossy(trimmed)
                }
            };
            match Record::parse(&text) {
                Ok(Record::Document(d)) => self.document(d, location),
                Ok(Record::Claim(c)) => self.claim(c, location),
                Err(message) => self.problem(location, Severity::Skipped, message),
            }
        }
    }

    fn problem(
        &mut self,
        location: impl Into<String>,
        severity: Severity,
        message: impl Into<String>,
    ) {
        self.problems.push(InputProblem {
            location: location.into(),
            severity,
            message: message.into(),
        });
    }

    fn document(&mut self, d: DocumentRecord, location: String) {
        if let Some(reason) = &d.skipped {
            let message = format!(
                "document {:?} was skipped when its claims were extracted: {reason}",
                d.id
            );
            self.problem(&location, Severity::Skipped, message);
        }
        self.documents.push((d, location));
    }

    fn claim(&mut self, mut c: Claim, location: String) {
        // The claims of one sentence share its quote, as they did when
        // extracted: memory grows with sentences, not with claims.
        if let Some(previous) = self.claims.last()
            && previous.doc == c.doc
            && previous.quote_start == c.quote_start
            && previous.quote == c.quote
        {
            c.quote = Arc::clone(&previous.quote);
        }
        match self.claimed.get_mut(&c.doc) {
            Some(claimed) => claimed.count += 1,
            None => {
                let claimed = Claimed {
                    location,
                    count: 1,
                    outlet: c.outlet.clone(),
                    published: c.published,
                };
                self.claimed.insert(c.doc.clone(), claimed);
                self.claimed_order.push(c.doc.clone());
            }
        }
        self.claims.push(c);
    }

    /// Match claims to records: a stand-in and an error for each document
    /// with claims but no record, a warning for each record whose claim
    /// count differs from the claims read.
    pub fn finish(mut self) -> ReadBack {
        let mut expected: HashMap<&str, usize> = HashMap::new();
        for (d, _) in &self.documents {
            *expected.entry(d.id.as_str()).or_default() += d.claims;
        }
        let mut problems = Vec::new();
        for (d, location) in &self.documents {
            // once per id, at its first record
            let Some(expected) = expected.remove(d.id.as_str()) else {
                continue;
            };
            let read = self.claimed.get(&d.id).map_or(0, |c| c.count);
            if read != expected {
                problems.push(InputProblem {
                    location: location.clone(),
                    severity: Severity::Warning,
                    message: format!(
                        "document {:?}: its record counts {}, the input has {read}",
                        d.id,
                        if expected == 1 {
                            "1 claim".to_string()
                        } else {
                            format!("{expected} claims")
                        }
                    ),
                });
            }
        }
        let recorded: HashSet<&str> = self.documents.iter().map(|(d, _)| d.id.as_str()).collect();
        let mut standins = Vec::new();
        for id in &self.claimed_order {
            let Some(c) = self.claimed.get(id) else {
                continue;
            };
            if recorded.contains(id.as_str()) {
                continue;
            }
            let n = c.count;
            let plural = if n == 1 { "claim is" } else { "claims are" };
            problems.push(InputProblem {
                location: c.location.clone(),
                severity: Severity::Error,
                message: format!(
                    "no {DOCUMENT_SCHEMA} record for document {id:?} (extract --with-documents writes one): its {n} {plural} reconciled without its event or copy detection"
                ),
            });
            standins.push(DocumentEntry {
                id: id.clone(),
                title: None,
                outlet: c.outlet.clone(),
                published: c.published,
                event: None,
                claims: n,
                copy_of: None,
                skipped: None,
                warnings: vec![format!(
                    "no {DOCUMENT_SCHEMA} record; reconciled without its event or copy detection"
                )],
                identity: Default::default(),
                fingerprint: Fingerprint::default(),
                repost: false,
            });
        }
        self.problems.extend(problems);
        let mut documents: Vec<DocumentEntry> = self
            .documents
            .into_iter()
            .map(|(d, _)| d.into_entry())
            .collect();
        documents.extend(standins);
        ReadBack {
            documents,
            claims: self.claims,
            problems: self.problems,
        }
    }
}

/// Read the map step's output from files, folders (their `*.jsonl`,
/// `*.ndjson` and extension-less files, such as Spark's `part-00000`, in
/// path order; hidden files and `_SUCCESS`-style markers skipped) and `-`
/// (stdin), in the order given.
///
/// ```
/// let read = recount::claims::read(&["no-such-claims.jsonl".to_string()]);
/// assert!(read.had_trouble());
/// assert_eq!(read.problems[0].message, "cannot read: No such file or directory");
/// ```
pub fn read(inputs: &[String]) -> ReadBack {
    let mut reader = Reader::new();
    for input in inputs {
        if input == "-" {
            reader.read("stdin", std::io::stdin().lock());
            continue;
        }
        let path = Path::new(input);
        let files = if path.is_dir() {
            let mut problems = Vec::new();
            let files: Vec<PathBuf> = document::walk(path, &mut problems)
                .into_iter()
                .filter(|p| claims_file_in_folder(p))
                .collect();
            for p in problems {
                if let Item::Problem(p) = p {
                    reader.problems.push(p);
                }
            }
            files
        } else {
            vec![path.to_path_buf()]
        };
        for file in files {
            let label = file.to_string_lossy().into_owned();
            match std::fs::File::open(&file) {
                Ok(f) => reader.read(&label, BufReader::new(f)),
                Err(e) => reader.problem(label, Severity::Error, document::cannot_read(&e)),
            }
        }
    }
    reader.finish()
}

fn claims_file_in_folder(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    if name.starts_with('_') || name.starts_with('.') {
        return false;
    }
    match path.extension().and_then(|e| e.to_str()) {
        None => true,
        Some(ext) => matches!(ext.to_ascii_lowercase().as_str(), "jsonl" | "ndjson"),
    }
}
