//! `recount._recount`: the native half of the Python package.
//!
//! Thin by design: documents come in as the JSON Lines records the binary
//! reads (the pure-Python half turns each dict into one line), are read by
//! the crate's own JSON Lines reader (`recount::read_jsonl`, or
//! `recount::claims::Reader` for the reduce step), go through the same
//! `Pipeline` calls as `recount extract` and `recount report`, and come
//! out as the JSON the binary writes (`recount::wire`), which the Python
//! half parses. No behaviour of recount lives here.
//!
//! The GIL is released while Rust works (`Python::detach`); the documents
//! are pulled from the caller's iterable a few dozen at a time, taking the
//! GIL back only for that, so a generator is consumed lazily and the
//! crate's rayon pool extracts each batch on every core.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyIterator};
use recount::wire;
use recount::{InputProblem, Mapped, Pace, Pipeline, Rules, Severity};
use std::io::{self, BufRead, Read};
use std::sync::{Arc, Mutex, OnceLock};

/// Records pulled from the iterable per visit to the interpreter.
const PULL_RECORDS: usize = 64;
/// …or fewer, once this many bytes are buffered.
const PULL_BYTES: usize = 1 << 20;
/// Pipelines kept for rules other than the built-in ones.
const CACHED_RULES: usize = 4;

// ------------------------------------------------------------------ rules

/// The pipeline for `rules`: `None` for the built-in rules, else a rules
/// file's name (for messages) and text. Compiling rules is the costly part
/// of a pipeline, so the last few are kept, keyed by name and text.
fn pipeline(py: Python<'_>, rules: Option<(String, String)>) -> PyResult<Arc<Pipeline>> {
    static DEFAULT: OnceLock<Arc<Pipeline>> = OnceLock::new();
    type Cache = Mutex<Vec<((String, String), Arc<Pipeline>)>>;
    static CUSTOM: OnceLock<Cache> = OnceLock::new();
    let Some(key) = rules else {
        return Ok(py
            .detach(|| DEFAULT.get_or_init(|| Arc::new(Pipeline::with_default_rules())))
            .clone());
    };
    let cache = CUSTOM.get_or_init(|| Mutex::new(Vec::new()));
    if let Some((_, p)) = cache
        .lock()
        .map_err(|_| PyTypeError::new_err("rules cache poisoned"))?
        .iter()
        .find(|(k, _)| *k == key)
    {
        return Ok(p.clone());
    }
    let (name, text) = &key;
    let built = py.detach(|| Rules::from_toml(name, text));
    let rules = match built {
        Ok(r) => r,
        Err(e) => {
            let err = py.import("recount")?.getattr("RulesError")?.call1((
                e.to_string(),
                e.file.clone(),
                e.line,
                e.column,
                e.key.clone(),
                e.message.clone(),
            ))?;
            return Err(PyErr::from_value(err));
        }
    };
    let p = Arc::new(py.detach(|| Pipeline::new(rules, recount::ExtractOptions::default())));
    let mut cache = cache
        .lock()
        .map_err(|_| PyTypeError::new_err("rules cache poisoned"))?;
    if cache.len() >= CACHED_RULES {
        cache.remove(0);
    }
    cache.push((key, p.clone()));
    Ok(p)
}

// ---------------------------------------------------------------- records

/// The caller's iterable as a stream of JSON Lines: each item becomes one
/// line (`to_line(item)` gives its UTF-8 bytes, without a newline). Read
/// while the GIL is released; it takes the GIL back to pull the next few
/// items. A Python exception (from the iterable or from `to_line`) ends
/// the stream and is kept in `error`, raised once the run is over.
struct PyLines {
    items: Py<PyIterator>,
    to_line: Py<PyAny>,
    buf: Vec<u8>,
    pos: usize,
    done: bool,
    error: Arc<Mutex<Option<PyErr>>>,
}

impl PyLines {
    fn new(items: Bound<'_, PyIterator>, to_line: Bound<'_, PyAny>) -> PyLines {
        PyLines {
            items: items.unbind(),
            to_line: to_line.unbind(),
            buf: Vec::new(),
            pos: 0,
            done: false,
            error: Arc::new(Mutex::new(None)),
        }
    }

    fn refill(&mut self) {
        self.buf.clear();
        self.pos = 0;
        let result = Python::attach(|py| -> PyResult<()> {
            let items = self.items.bind(py);
            let to_line = self.to_line.bind(py);
            for _ in 0..PULL_RECORDS {
                let Some(item) = items.clone().next() else {
                    self.done = true;
                    return Ok(());
                };
                let line = to_line.call1((item?,))?;
                let bytes = line.cast::<PyBytes>()?;
                self.buf.extend_from_slice(bytes.as_bytes());
                self.buf.push(b'\n');
                if self.buf.len() >= PULL_BYTES {
                    break;
                }
            }
            Ok(())
        });
        if let Err(e) = result {
            self.done = true;
            if let Ok(mut slot) = self.error.lock() {
                slot.get_or_insert(e);
            }
        }
    }
}

impl Read for PyLines {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = {
            let available = self.fill_buf()?;
            let n = available.len().min(out.len());
            out[..n].copy_from_slice(&available[..n]);
            n
        };
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for PyLines {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos >= self.buf.len() && !self.done {
            self.refill();
        }
        Ok(&self.buf[self.pos.min(self.buf.len())..])
    }

    fn consume(&mut self, amt: usize) {
        self.pos = (self.pos + amt).min(self.buf.len());
    }
}

/// A problem as the Python half takes it: (location, severity, message).
type Problem = (String, &'static str, String);

fn problem(p: &InputProblem) -> Problem {
    let severity = match p.severity {
        Severity::Warning => "warning",
        Severity::Skipped => "skipped",
        Severity::Error => "error",
    };
    (p.location.clone(), severity, p.message.clone())
}

/// Run `work` on the caller's items without the GIL, then raise the first
/// Python exception the items raised, if any.
fn with_lines<T: Send>(
    py: Python<'_>,
    items: &Bound<'_, PyAny>,
    to_line: &Bound<'_, PyAny>,
    work: impl FnOnce(PyLines) -> T + Send,
) -> PyResult<T> {
    let lines = PyLines::new(items.try_iter()?, to_line.clone());
    let error = lines.error.clone();
    let out = py.detach(move || work(lines));
    if let Some(e) = error.lock().ok().and_then(|mut e| e.take()) {
        return Err(e);
    }
    Ok(out)
}

/// JSON lines as one JSON array.
fn array(lines: &[String]) -> String {
    let mut out = String::with_capacity(lines.iter().map(|l| l.len() + 1).sum::<usize>() + 2);
    out.push('[');
    for (i, l) in lines.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(l);
    }
    out.push(']');
    out
}

// -------------------------------------------------------------- functions

/// The claims of each document, as `recount extract` writes them: a JSON
/// array of `recount.claim/1` objects, and the problems.
#[pyfunction]
#[pyo3(signature = (docs, to_line, rules, label))]
fn claims_json(
    py: Python<'_>,
    docs: &Bound<'_, PyAny>,
    to_line: &Bound<'_, PyAny>,
    rules: Option<(String, String)>,
    label: &str,
) -> PyResult<(String, Vec<Problem>)> {
    let pipeline = pipeline(py, rules)?;
    let label = label.to_string();
    with_lines(py, docs, to_line, move |lines| {
        let mut out = Vec::new();
        let mut problems = Vec::new();
        pipeline.extract_stream(
            recount::read_jsonl(&label, lines),
            Pace::Batches,
            |p| match p {
                recount::Progress::Document(_, claims) => {
                    out.extend(claims.iter().map(wire::claim_json))
                }
                recount::Progress::Problem(p) => problems.push(problem(p)),
            },
        );
        (array(&out), problems)
    })
}

/// The map step, as `recount extract --with-documents` writes it: a JSON
/// array of each document's `recount.document/1` record followed by its
/// `recount.claim/1` claims, and the problems.
#[pyfunction]
#[pyo3(signature = (docs, to_line, rules, label))]
fn records_json(
    py: Python<'_>,
    docs: &Bound<'_, PyAny>,
    to_line: &Bound<'_, PyAny>,
    rules: Option<(String, String)>,
    label: &str,
) -> PyResult<(String, Vec<Problem>)> {
    let pipeline = pipeline(py, rules)?;
    let label = label.to_string();
    with_lines(py, docs, to_line, move |lines| {
        let mut out = Vec::new();
        let mut problems = Vec::new();
        pipeline.map_stream(
            recount::read_jsonl(&label, lines),
            Pace::Batches,
            |m| match m {
                Mapped::Document(record, claims) => {
                    out.push(wire::document_json(record));
                    out.extend(claims.iter().map(wire::claim_json));
                }
                Mapped::Problem(p, record) => {
                    problems.push(problem(p));
                    if let Some(record) = record {
                        out.push(wire::document_json(record));
                    }
                }
            },
        );
        (array(&out), problems)
    })
}

/// The whole pipeline, as `recount report --format json` writes it: the
/// `recount.report/1` document, and the problems.
#[pyfunction]
#[pyo3(signature = (docs, to_line, rules, label))]
fn report_json(
    py: Python<'_>,
    docs: &Bound<'_, PyAny>,
    to_line: &Bound<'_, PyAny>,
    rules: Option<(String, String)>,
    label: &str,
) -> PyResult<(String, Vec<Problem>)> {
    let pipeline = pipeline(py, rules)?;
    let label = label.to_string();
    with_lines(py, docs, to_line, move |lines| {
        let outcome = pipeline.run(recount::read_jsonl(&label, lines), |_| {});
        let problems = outcome.problems.iter().map(problem).collect();
        (wire::report_json(&outcome.reconciliation), problems)
    })
}

/// The reduce step, as `recount report --claims --format json` writes it:
/// the map step's records reconciled, and the problems.
#[pyfunction]
#[pyo3(signature = (records, to_line, label))]
fn reduce_json(
    py: Python<'_>,
    records: &Bound<'_, PyAny>,
    to_line: &Bound<'_, PyAny>,
    label: &str,
) -> PyResult<(String, Vec<Problem>)> {
    // `recount report --claims` reconciles with the built-in rules' settings.
    let pipeline = pipeline(py, None)?;
    let label = label.to_string();
    with_lines(py, records, to_line, move |lines| {
        let mut reader = recount::claims::Reader::new();
        reader.read(&label, lines);
        let read = reader.finish();
        let problems = read.problems.iter().map(problem).collect();
        let report = pipeline.reconcile_claims(read.documents, read.claims);
        (wire::report_json(&report), problems)
    })
}

#[pymodule]
fn _recount(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(claims_json, m)?)?;
    m.add_function(wrap_pyfunction!(records_json, m)?)?;
    m.add_function(wrap_pyfunction!(report_json, m)?)?;
    m.add_function(wrap_pyfunction!(reduce_json, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("CLAIM_SCHEMA", wire::CLAIM_SCHEMA)?;
    m.add("DOCUMENT_SCHEMA", wire::DOCUMENT_SCHEMA)?;
    m.add("REPORT_SCHEMA", wire::REPORT_SCHEMA)?;
    Ok(())
}
