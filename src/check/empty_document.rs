//! Check S002 empty-document: the input has no text (found by `split.rs`).

use super::{Check, RuleDocs};

/// The input has no text; found by `split.rs`, documented here.
pub(crate) struct EmptyDocument;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "The input has no text.",
    why: "An empty file is usually a failed export or the wrong file.",
    example: "A file of zero bytes or only spaces: flagged.",
    fix: "No automatic fix.",
};

impl Check for EmptyDocument {}
