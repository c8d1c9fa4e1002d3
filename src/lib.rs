//! recount: casualty figures in news reports, traced to their quotes and
//! reconciled across sources.
//!
//! Data flows one way: [`document`] → [`number`] → [`extract`] →
//! [`reconcile`] → [`report`], with [`rules`] feeding the extractor and
//! [`eval`] scoring the whole against hand annotation.

pub mod document;
pub mod eval;
pub mod extract;
pub mod number;
pub mod pipeline;
pub mod reconcile;
pub mod report;
pub mod rules;
pub mod text;
