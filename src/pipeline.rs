//! The whole pipeline behind one type: build it once with its rules, feed it
//! documents, get claims and a reconciliation.
//!
//! Documents are read one at a time and extracted in parallel batches
//! (rayon), with results kept in input order; only claims and a few
//! kilobytes of fingerprint per document outlive their batch, so memory
//! grows with the claims, not with the corpus.

use crate::document::{self, Document, InputProblem, Item, Severity};
use crate::extract::{Claim, ExtractOptions, Extractor};
use crate::reconcile::{DocumentEntry, Fingerprint, ReconcileOptions, Reconciliation, reconcile};
use crate::rules::Rules;
use rayon::prelude::*;

/// Documents extracted together in parallel; bounds the text held at once.
pub const BATCH: usize = 256;

/// Rules and settings, ready to run.
#[derive(Debug, Clone)]
pub struct Pipeline {
    extractor: Extractor,
    reconcile: ReconcileOptions,
}

/// What a run produced: the reconciliation, every claim in input order, and
/// the problems met on the way.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub reconciliation: Reconciliation,
    pub problems: Vec<InputProblem>,
}

impl Outcome {
    /// True if an input was missing, unreadable or skipped.
    pub fn had_trouble(&self) -> bool {
        self.problems
            .iter()
            .any(|p| p.severity != Severity::Warning)
    }
}

impl Pipeline {
    pub fn new(rules: Rules, options: ExtractOptions) -> Pipeline {
        Pipeline {
            extractor: Extractor::new(rules, options),
            reconcile: ReconcileOptions::default(),
        }
    }

    pub fn extractor(&self) -> &Extractor {
        &self.extractor
    }

    /// Claims of one document.
    pub fn extract(&self, doc: &Document) -> Vec<Claim> {
        self.extractor.extract(doc)
    }

    /// Read, extract and reconcile a stream of inputs. `on_document` is
    /// called once per document (and per problem) in input order with the
    /// claims found, as soon as its batch is done — for progress bars.
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
        self.for_each(items, BATCH, |item, result| match (item, result) {
            (Item::Document(doc), Some((mut entry, doc_claims))) => {
                pending.retain(|p| {
                    let mine = warning_path(p) == doc.id || warning_path(p) == doc.origin;
                    if mine {
                        entry.warnings.push(p.message.clone());
                    }
                    !mine
                });
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
    /// stream. `batch` = 1 answers each document before reading the next,
    /// for a caller that talks to recount line by line.
    pub fn extract_stream(
        &self,
        items: impl Iterator<Item = Item>,
        batch: usize,
        mut on_document: impl FnMut(Progress<'_>),
    ) {
        self.for_each(items, batch, |item, result| match (item, result) {
            (Item::Document(_), Some((entry, claims))) => {
                on_document(Progress::Document(&entry, &claims))
            }
            (Item::Problem(p), _) => on_document(Progress::Problem(&p)),
            (Item::Document(_), None) => {}
        });
    }

    fn for_each(
        &self,
        items: impl Iterator<Item = Item>,
        batch_size: usize,
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
                    Item::Document(doc) => Some(self.process(doc)),
                    Item::Problem(_) => None,
                })
                .collect();
            for (item, result) in batch.drain(..).zip(done) {
                f(item, result);
            }
        }
    }

    /// Reconcile claims already extracted (the reduce step of a sharded run).
    pub fn reconcile_claims(
        &self,
        documents: Vec<DocumentEntry>,
        claims: Vec<Claim>,
    ) -> Reconciliation {
        reconcile(documents, claims, &self.reconcile)
    }

    fn process(&self, doc: &Document) -> (DocumentEntry, Vec<Claim>) {
        let claims = self.extractor.extract(doc);
        (entry_for(doc, claims.len()), claims)
    }
}

/// What the pipeline reports of one step.
#[derive(Debug)]
pub enum Progress<'a> {
    Document(&'a DocumentEntry, &'a [Claim]),
    Problem(&'a InputProblem),
}

/// The report's record of a document.
pub fn entry_for(doc: &Document, claims: usize) -> DocumentEntry {
    DocumentEntry {
        id: doc.id.clone(),
        title: doc.title.clone(),
        outlet: doc.source.clone(),
        published: doc.published,
        event: doc.event.clone(),
        claims,
        copy_of: None,
        skipped: None,
        warnings: Vec::new(),
        fingerprint: Fingerprint::of(&doc.text),
        repost: document::repost_of_hint(&doc.text).is_some(),
    }
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
            entries.push(DocumentEntry {
                id: p.location.clone(),
                title: None,
                outlet: None,
                published: None,
                event: None,
                claims: 0,
                copy_of: None,
                skipped: Some(p.message.clone()),
                warnings: Vec::new(),
                fingerprint: Fingerprint::default(),
                repost: false,
            });
            true
        }
    }
}

/// The path part of a problem's location (`a.txt:byte 12` → `a.txt`).
fn warning_path(p: &InputProblem) -> &str {
    p.location.split(":byte").next().unwrap_or(&p.location)
}
