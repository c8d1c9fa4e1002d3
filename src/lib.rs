//! recount: casualty figures in news reports, traced to their quotes and
//! reconciled across sources.
//!
//! Data flows one way: [`document`] → [`number`] → [`extract`] →
//! [`reconcile`] → [`report`], with [`rules`] feeding the extractor and
//! [`eval`] scoring the whole against hand annotation.

pub mod document;
pub mod number;
