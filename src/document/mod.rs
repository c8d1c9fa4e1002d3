//! Stage 0: documents in. Plain text, HTML, JSON Lines and folders become
//! [`Document`]s with their metadata, and every input is accounted for: a
//! document that cannot be read becomes an [`InputProblem`], never a silent
//! gap.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// One article, as the rest of the pipeline sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable identifier: the file path as given (folders: the path under it),
    /// or the `id` of a JSON Lines record.
    pub id: String,
    /// Where it came from, for messages: `path` or `path:line` for JSON Lines.
    pub origin: String,
    /// The article text (HTML already reduced to text; BOM removed; CRLF → LF).
    pub text: String,
    pub title: Option<String>,
    /// Publication date, from metadata or the text's header lines.
    pub published: Option<jiff::civil::Date>,
    /// The outlet (`South Front`, `TRT World`).
    pub source: Option<String>,
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
