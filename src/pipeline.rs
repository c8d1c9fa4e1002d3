//! The whole pipeline behind one type: build it once with its rules, feed it
//! documents, get claims and a reconciliation.
//!
//! Documents are read one at a time and extracted in parallel batches
//! (rayon), with results kept in input order; only claims and a few
//! kilobytes of fingerprint per document outlive their batch, so memory
//! grows with the claims, not with the corpus.
//!
//! ```
//! use recount::{Pipeline, from_text};
//!
//! let pipeline = Pipeline::with_default_rules();
//! let herald = from_text(
//!     "herald.txt",
//!     "March 3, 2024\n\nThe death toll from the derailment near Marlow Junction rose to 12, regional governor Ilse Brandt said.\n",
//! );
//! let mut radio = from_text(
//!     "radio.txt",
//!     "March 3, 2024\n\nFourteen people died when the train derailed near Marlow Junction.\n",
//! );
//! radio.source = Some("National Radio".into());
//!
//! let outcome = pipeline.reconcile_documents([herald, radio]);
//! let rec = &outcome.reconciliation;
//! assert_eq!(rec.documents.len(), 2);
//! assert_eq!(rec.conflicts(), 1); // 12 against 14 at one place, on one day
//! assert!(!outcome.had_trouble());
//! ```

use crate::document::{Document, InputProblem, Item, Severity};
use crate::extract::{Claim, ExtractOptions, Extractor};
use crate::reconcile::{DocumentEntry, Fingerprint, ReconcileOptions, Report, reconcile};
use crate::rules::Rules;
use crate::wire::DocumentRecord;
use rayon::prelude::*;
use serde::Serialize;

/// Documents extracted together in parallel by [`Pipeline::run`] and
/// [`Pace::Batches`]; bounds the text held at once.
pub(crate) const BATCH: usize = 256;

/// How [`Pipeline::extract_stream`] and [`Pipeline::map_stream`] pace a
/// stream of inputs.
///
/// ```
/// assert_eq!(recount::Pace::default(), recount::Pace::Batches);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Pace {
    /// Documents are extracted in parallel batches, for throughput; each
    /// batch is handed over, in input order, when it is done.
    #[default]
    Batches,
    /// Each document is answered before the next is read: for a caller
    /// that talks to recount line by line (a co-process on stdin).
    OneByOne,
}

impl Pace {
    /// Documents extracted together.
    fn batch(self) -> usize {
        match self {
            Pace::Batches => BATCH,
            Pace::OneByOne => 1,
        }
    }
}

/// Rules and settings, ready to run. Build it once (compiling the rules'
/// lexicon is the costly part) and share it: every method takes `&self`,
/// and the type is `Send + Sync`, so one pipeline can serve many threads.
///
/// ```
/// use recount::{ExtractOptions, Pipeline, Rules};
///
/// let rules = Rules::from_toml(
///     "mine.toml",
///     "extends = \"default\"\n[[category]]\nname = \"displaced\"\nafter = [\"displaced\"]\n",
/// )?;
/// let pipeline = Pipeline::new(rules, ExtractOptions::default());
/// assert!(pipeline.rules().categories.iter().any(|c| c.name == "displaced"));
///
/// fn shareable<T: Send + Sync>(_: &T) {}
/// shareable(&pipeline);
/// # Ok::<(), recount::RulesError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Pipeline {
    extractor: Extractor,
    reconcile: ReconcileOptions,
}

/// What a run produced: the reconciliation (documents, groups with their
/// claims, totals) and the problems met on the way.
///
/// It serialises with serde; the `reconciliation` part is the JSON report
/// (`recount.report/1`, `docs/schema/report.schema.json`) without its
/// `schema` field.
///
/// ```
/// use recount::{Pipeline, from_text};
///
/// let doc = from_text("a.txt", "Three people were killed in the blast.");
/// let outcome = Pipeline::with_default_rules().reconcile_documents([doc]);
/// let json = serde_json::to_value(&outcome).unwrap();
/// assert_eq!(json["reconciliation"]["groups"][0]["category"], "killed");
/// assert_eq!(json["problems"], serde_json::json!([]));
/// ```
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct Outcome {
    /// Every document (skipped ones included, with the reason), the groups
    /// with their claims, and the totals.
    pub reconciliation: Report,
    /// Problems met reading the inputs, in input order: warnings (the
    /// document was still read), skipped documents and missing inputs.
    pub problems: Vec<InputProblem>,
}

impl Outcome {
    /// True if an input was missing, unreadable or skipped — the binary's
    /// exit status 2. Warnings alone are not trouble.
    ///
    /// ```
    /// use recount::{InputProblem, Item, Pipeline, Severity};
    ///
    /// let missing = Item::Problem(InputProblem {
    ///     location: "gone.txt".into(),
    ///     severity: Severity::Error,
    ///     message: "no such file".into(),
    /// });
    /// let outcome = Pipeline::with_default_rules().run([missing].into_iter(), |_| {});
    /// assert!(outcome.had_trouble());
    /// // the missing input is still accounted for as a document
    /// assert_eq!(outcome.reconciliation.documents[0].skipped.as_deref(), Some("no such file"));
    /// ```
    pub fn had_trouble(&self) -> bool {
        self.problems
            .iter()
            .any(|p| p.severity != Severity::Warning)
    }
}

impl Default for Pipeline {
    /// The same as [`Pipeline::with_default_rules`].
    fn default() -> Pipeline {
        Pipeline::with_default_rules()
    }
}

impl Pipeline {
    /// A pipeline with these rules and extraction options, and the default
    /// reconciliation settings.
    ///
    /// ```
    /// use recount::{ExtractOptions, Pipeline, Rules, from_text};
    ///
    /// let mut options = ExtractOptions::default();
    /// options.include_comments = true;
    /// let pipeline = Pipeline::new(Rules::default_rules(), options);
    /// let doc = from_text(
    ///     "a.txt",
    ///     "Two soldiers were wounded in the clashes on Monday, the ministry said.\n\n\
    ///      Leave a comment\n\nThey are lying, 300 people died.\n",
    /// );
    /// let claims = pipeline.extract(&doc);
    /// // the reader comment is read too, and marked as such
    /// assert_eq!(claims.len(), 2);
    /// assert!(!claims[0].in_comments && claims[1].in_comments);
    /// ```
    pub fn new(rules: Rules, options: ExtractOptions) -> Pipeline {
        let wounded = rules
            .category_with(crate::rules::Role::Wounded)
            .and_then(|c| rules.categories.get(c as usize))
            .map(|c| c.name.clone());
        Pipeline {
            extractor: Extractor::new(rules, options),
            reconcile: ReconcileOptions { wounded },
        }
    }

    /// A pipeline with the rules embedded in recount (`rules.toml`) and
    /// default options: what the binary runs without `--rules`.
    ///
    /// ```
    /// use recount::{Pipeline, from_text};
    ///
    /// let pipeline = Pipeline::with_default_rules();
    /// let doc = from_text("a.txt", "Two soldiers were wounded on Tuesday.");
    /// assert_eq!(pipeline.extract(&doc)[0].category, "wounded");
    /// ```
    pub fn with_default_rules() -> Pipeline {
        Pipeline::new(Rules::default_rules(), ExtractOptions::default())
    }

    /// The rules the pipeline was built with.
    ///
    /// ```
    /// let pipeline = recount::Pipeline::with_default_rules();
    /// let names: Vec<&str> = pipeline.rules().categories.iter().map(|c| c.name.as_str()).collect();
    /// assert!(names.contains(&"killed") && names.contains(&"wounded"));
    /// ```
    pub fn rules(&self) -> &Rules {
        self.extractor.rules()
    }

    /// Claims of one document, in text order. Nothing is reconciled: each
    /// claim carries its document id, span, `line:column`, quote, category,
    /// value range, party, population, speaker, hedges and event time.
    ///
    /// ```
    /// use recount::{Pipeline, Qualifier, from_text};
    ///
    /// let doc = from_text(
    ///     "wire.txt",
    ///     "At least nine people were killed and 40 injured, according to the emergency service.",
    /// );
    /// let claims = Pipeline::with_default_rules().extract(&doc);
    /// assert_eq!(claims.len(), 2);
    /// assert_eq!(claims[0].category, "killed");
    /// assert_eq!((claims[0].low, claims[0].high), (Some(9.0), None));
    /// assert_eq!(claims[0].qualifier, Qualifier::AtLeast);
    /// assert_eq!(claims[0].number, "At least nine");
    /// assert_eq!(claims[1].category, "wounded");
    /// assert_eq!(claims[1].low, Some(40.0));
    /// assert_eq!(claims[1].speaker.as_deref(), Some("emergency service"));
    /// ```
    pub fn extract(&self, doc: &Document) -> Vec<Claim> {
        self.extractor.extract(doc)
    }

    /// Extract and reconcile documents already in memory: the simplest way
    /// in for a program that has its articles as strings (see
    /// [`from_text`](crate::from_text) and [`from_html`](crate::from_html)).
    /// The same as [`Pipeline::run`] over `Item::Document`s with no progress
    /// callback; the outcome has no problems.
    ///
    /// ```
    /// use recount::{Pipeline, Status, from_text};
    ///
    /// let docs = ["a.txt", "b.txt"].map(|id| {
    ///     let mut doc = from_text(id, "March 3, 2024\n\n43 people were wounded.");
    ///     doc.source = Some(format!("outlet of {id}"));
    ///     doc
    /// });
    /// let outcome = Pipeline::with_default_rules().reconcile_documents(docs);
    /// let group = &outcome.reconciliation.groups[0];
    /// assert_eq!(group.status, Status::Agree);
    /// assert_eq!(group.independent_sources, 2);
    /// assert_eq!(group.best, Some(43.0));
    /// ```
    pub fn reconcile_documents(&self, docs: impl IntoIterator<Item = Document>) -> Outcome {
        self.run(docs.into_iter().map(Item::Document), |_| {})
    }

    /// Read, extract and reconcile a stream of inputs — typically
    /// [`read_inputs`](crate::read_inputs), which turns files, folders and
    /// stdin into documents and problems. `on_document` is called once per
    /// document (and per problem) in input order with the claims found, as
    /// soon as its batch is done — for progress bars.
    ///
    /// ```
    /// use recount::{Pipeline, Progress, ReadOptions, read_inputs};
    ///
    /// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/articles");
    /// let options = ReadOptions::default();
    /// let inputs = [dir.to_string()];
    /// let items = read_inputs(&inputs, &options);
    /// let mut seen = Vec::new();
    /// let outcome = Pipeline::with_default_rules().run(items, |p| match p {
    ///     Progress::Document(entry, claims) => seen.push((entry.id.clone(), claims.len())),
    ///     Progress::Problem(p) => panic!("{}: {}", p.location, p.message),
    /// });
    /// assert_eq!(seen.len(), 4);
    /// assert!(seen[0].0.ends_with("01-wire-2024-03-02.txt"));
    /// let rec = &outcome.reconciliation;
    /// assert!(rec.conflicts() > 0);
    /// // the aggregator's repost is recognised as a copy of the local paper
    /// assert!(rec.documents[3].copy_of.as_deref().is_some_and(|id| id.ends_with("02-valley-herald-2024-03-03.txt")));
    /// ```
    pub fn run(
        &self,
        items: impl Iterator<Item = Item>,
        mut on_document: impl FnMut(Progress<'_>),
    ) -> Outcome {
        let mut entries: Vec<DocumentEntry> = Vec::new();
        let mut claims: Vec<Claim> = Vec::new();
        let mut problems: Vec<InputProblem> = Vec::new();
        // warnings read before their document arrives
        let mut pending: Vec<InputProblem> = Vec::new();
        self.for_each(items, BATCH, true, |item, result| match (item, result) {
            (Item::Document(doc), Some((mut entry, doc_claims))) => {
                take_warnings(&mut pending, &doc, &mut entry.warnings);
                on_document(Progress::Document(&entry, &doc_claims));
                entries.push(entry);
                claims.extend(doc_claims);
            }
            (Item::Problem(p), _) => {
                on_document(Progress::Problem(&p));
                if !attach_problem(&mut entries, &p) {
                    pending.push(p.clone());
                }
                problems.push(p);
            }
            (Item::Document(_), None) => {}
        });
        Outcome {
            reconciliation: reconcile(entries, claims, &self.reconcile),
            problems,
        }
    }

    /// Extract only, handing each document's claims to `on_document` in
    /// input order and keeping nothing: memory stays flat however long the
    /// stream. [`Pace::OneByOne`] answers each document before reading the
    /// next, for a caller that talks to recount line by line;
    /// [`Pace::Batches`] extracts in parallel. The entries handed over list
    /// the documents (id, outlet, date, claims) without what only
    /// reconciliation needs (fingerprints, identities): use
    /// [`Pipeline::map_stream`] to reconcile later.
    ///
    /// ```
    /// use recount::{Item, Pace, Pipeline, Progress, from_text};
    ///
    /// let docs = [
    ///     from_text("1", "Five people were killed."),
    ///     from_text("2", "The weather was fine."),
    /// ];
    /// let items = docs.into_iter().map(Item::Document);
    /// let mut lines = Vec::new();
    /// Pipeline::with_default_rules().extract_stream(items, Pace::OneByOne, |p| {
    ///     if let Progress::Document(entry, claims) = p {
    ///         for c in claims {
    ///             lines.push(recount::wire::claim_json(c));
    ///         }
    ///         lines.push(format!("{} done", entry.id));
    ///     }
    /// });
    /// assert_eq!(lines.len(), 3);
    /// assert!(lines[0].starts_with(r#"{"schema":"recount.claim/1","doc":"1""#));
    /// assert_eq!(lines[1..], ["1 done", "2 done"]);
    /// ```
    pub fn extract_stream(
        &self,
        items: impl Iterator<Item = Item>,
        pace: Pace,
        mut on_document: impl FnMut(Progress<'_>),
    ) {
        self.for_each(items, pace.batch(), false, |item, result| {
            match (item, result) {
                (Item::Document(_), Some((entry, claims))) => {
                    on_document(Progress::Document(&entry, &claims))
                }
                (Item::Problem(p), _) => on_document(Progress::Problem(&p)),
                (Item::Document(_), None) => {}
            }
        });
    }

    /// The map step of a sharded run (`recount extract --with-documents`):
    /// [`Pipeline::extract_stream`], with each document's
    /// [`DocumentRecord`] — what the reduce step
    /// ([`crate::claims`], then [`Pipeline::reconcile_claims`]) needs of a
    /// document besides its claims. Every input gets a record: a problem
    /// that stopped a document (skipped, unreadable) comes with the record
    /// standing for it, as [`Pipeline::run`] lists it; warnings read before
    /// a document are in its record, as in [`Pipeline::run`].
    ///
    /// This is what `recount extract` runs, and with `--with-documents`
    /// writes the records of.
    ///
    /// ```
    /// use recount::wire::{claim_json, document_json};
    /// use recount::{InputProblem, Item, Mapped, Pace, Pipeline, Severity, from_text};
    ///
    /// let items = [
    ///     Item::Document(from_text("a.txt", "Five people were killed.")),
    ///     Item::Problem(InputProblem {
    ///         location: "b.txt".into(),
    ///         severity: Severity::Error,
    ///         message: "cannot read: No such file or directory".into(),
    ///     }),
    /// ];
    /// let mut lines = Vec::new();
    /// Pipeline::with_default_rules().map_stream(items.into_iter(), Pace::OneByOne, |m| match m {
    ///     Mapped::Document(record, claims) => {
    ///         lines.push(document_json(record));
    ///         lines.extend(claims.iter().map(claim_json));
    ///     }
    ///     Mapped::Problem(_, Some(record)) => lines.push(document_json(record)),
    ///     Mapped::Problem(_, None) => {}
    /// });
    /// assert_eq!(lines.len(), 3);
    /// assert!(lines[0].starts_with(r#"{"schema":"recount.document/1","id":"a.txt""#));
    /// assert!(lines[1].starts_with(r#"{"schema":"recount.claim/1","doc":"a.txt""#));
    /// assert!(lines[2].contains(r#""skipped":"cannot read: No such file or directory""#));
    /// ```
    pub fn map_stream(
        &self,
        items: impl Iterator<Item = Item>,
        pace: Pace,
        mut on_document: impl FnMut(Mapped<'_>),
    ) {
        // Warnings read before their document. (`run` also attaches a
        // warning that comes after its document; the reader never emits
        // one, and a record already written cannot take it.)
        let mut pending: Vec<InputProblem> = Vec::new();
        self.for_each(items, pace.batch(), true, |item, result| {
            match (item, result) {
                (Item::Document(doc), Some((mut entry, claims))) => {
                    take_warnings(&mut pending, &doc, &mut entry.warnings);
                    let record = DocumentRecord::from_entry(&entry, &doc.origin);
                    on_document(Mapped::Document(&record, &claims));
                }
                (Item::Problem(p), _) => match p.severity {
                    Severity::Warning => {
                        on_document(Mapped::Problem(&p, None));
                        pending.push(p);
                    }
                    Severity::Skipped | Severity::Error => {
                        let record = DocumentRecord::from_entry(&skipped_entry(&p), &p.location);
                        on_document(Mapped::Problem(&p, Some(&record)));
                    }
                },
                (Item::Document(_), None) => {}
            }
        });
    }

    /// Extract every document of `items` in parallel batches, handing each
    /// item and its result to `f` in input order. With `records`, each
    /// document's entry carries what reconciliation needs of it (its
    /// fingerprint and identity); without, only what the claims stream
    /// shows (id, outlet, date, number of claims), which costs nothing.
    fn for_each(
        &self,
        items: impl Iterator<Item = Item>,
        batch_size: usize,
        records: bool,
        mut f: impl FnMut(Item, Option<(DocumentEntry, Vec<Claim>)>),
    ) {
        let batch_size = batch_size.max(1);
        let mut batch: Vec<Item> = Vec::with_capacity(batch_size);
        let mut items = items.peekable();
        while items.peek().is_some() {
            batch.clear();
            batch.extend(items.by_ref().take(batch_size));
            let done: Vec<Option<(DocumentEntry, Vec<Claim>)>> = batch
                .par_iter()
                .map(|item| match item {
                    Item::Document(doc) => Some(self.process(doc, records)),
                    Item::Problem(_) => None,
                })
                .collect();
            for (item, result) in batch.drain(..).zip(done) {
                f(item, result);
            }
        }
    }

    /// Reconcile claims already extracted (the reduce step of a sharded run):
    /// `documents` are the entries of the documents the claims came from,
    /// made by [`Pipeline::entry`] while the text is at hand — copy
    /// detection needs their fingerprints, and the clustering of incidents
    /// their identities — or read back from the map step's output by
    /// [`crate::claims::read`] (`recount report --claims`). A document's
    /// claims come together, in text order, as [`Pipeline::extract`] gives
    /// them.
    ///
    /// ```
    /// use recount::{Pipeline, from_text};
    ///
    /// let pipeline = Pipeline::with_default_rules();
    /// let (mut entries, mut claims) = (Vec::new(), Vec::new());
    /// for (id, text) in [
    ///     ("a", "March 3, 2024\n\n12 people were killed."),
    ///     ("b", "March 3, 2024\n\n14 people were killed."),
    /// ] {
    ///     let mut doc = from_text(id, text);
    ///     doc.source = Some(format!("outlet {id}"));
    ///     let found = pipeline.extract(&doc);
    ///     entries.push(pipeline.entry(&doc, found.len()));
    ///     claims.extend(found);
    /// }
    /// let rec = pipeline.reconcile_claims(entries, claims);
    /// assert_eq!(rec.conflicts(), 1);
    /// ```
    pub fn reconcile_claims(&self, documents: Vec<DocumentEntry>, claims: Vec<Claim>) -> Report {
        reconcile(documents, claims, &self.reconcile)
    }

    fn process(&self, doc: &Document, records: bool) -> (DocumentEntry, Vec<Claim>) {
        let claims = self.extractor.extract(doc);
        let entry = if records {
            self.entry(doc, claims.len())
        } else {
            DocumentEntry::listed(doc, claims.len())
        };
        (entry, claims)
    }

    /// The report's record of a document that gave `claims` claims:
    /// [`DocumentEntry::of`], and what identifies the incident it reports
    /// (read with these rules), by which documents without an `event` are
    /// clustered into incidents.
    pub fn entry(&self, doc: &Document, claims: usize) -> DocumentEntry {
        let mut entry = DocumentEntry::of(doc, claims);
        entry.identity = self.extractor.identity(doc);
        entry
    }
}

/// What the pipeline reports of one step, to the callback of
/// [`Pipeline::run`] and [`Pipeline::extract_stream`].
///
/// ```
/// use recount::Progress;
///
/// fn describe(p: Progress<'_>) -> String {
///     match p {
///         Progress::Document(entry, claims) => format!("{}: {} claims", entry.id, claims.len()),
///         Progress::Problem(p) => format!("{}: {}", p.location, p.message),
///     }
/// }
/// # let _ = describe;
/// ```
#[derive(Debug)]
pub enum Progress<'a> {
    /// A document was read: its record and its claims, in text order.
    Document(&'a DocumentEntry, &'a [Claim]),
    /// An input could not be read, a document was skipped, or a warning.
    Problem(&'a InputProblem),
}

/// What [`Pipeline::map_stream`] reports of one step: like [`Progress`],
/// with the document's [`DocumentRecord`] for `recount.document/1`.
#[derive(Debug)]
pub enum Mapped<'a> {
    /// A document was read: its record and its claims, in text order.
    Document(&'a DocumentRecord, &'a [Claim]),
    /// An input could not be read, a document was skipped, or a warning;
    /// for all but a warning, the record that stands for the document.
    Problem(&'a InputProblem, Option<&'a DocumentRecord>),
}

/// Move the pending warnings about `doc` to its warnings.
fn take_warnings(pending: &mut Vec<InputProblem>, doc: &Document, warnings: &mut Vec<String>) {
    pending.retain(|p| {
        let mine = warning_path(p) == doc.id || warning_path(p) == doc.origin;
        if mine {
            warnings.push(p.message.clone());
        }
        !mine
    });
}

/// A problem that stopped a document is itself listed as a document, so
/// every input is accounted for; a warning is attached to its document.
/// Returns false for a warning whose document has not been read yet.
fn attach_problem(entries: &mut Vec<DocumentEntry>, p: &InputProblem) -> bool {
    match p.severity {
        Severity::Warning => {
            let path = warning_path(p);
            match entries
                .iter_mut()
                .rev()
                .find(|e| e.id == p.location || e.id == path)
            {
                Some(e) => {
                    e.warnings.push(p.message.clone());
                    true
                }
                None => false,
            }
        }
        Severity::Skipped | Severity::Error => {
            entries.push(skipped_entry(p));
            true
        }
    }
}

/// The entry standing for a document a problem stopped.
fn skipped_entry(p: &InputProblem) -> DocumentEntry {
    DocumentEntry {
        id: p.location.clone(),
        title: None,
        outlet: None,
        published: None,
        event: None,
        claims: 0,
        copy_of: None,
        skipped: Some(p.message.clone()),
        warnings: Vec::new(),
        identity: Default::default(),
        fingerprint: Fingerprint::default(),
        repost: false,
    }
}

/// The path part of a problem's location (`a.txt:byte 12` → `a.txt`).
fn warning_path(p: &InputProblem) -> &str {
    p.location.split(":byte").next().unwrap_or(&p.location)
}
