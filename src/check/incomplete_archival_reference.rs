//! Check P002 incomplete-archival-reference: an archival reference that lacks a part (found by the parser, `parse/archival.rs`: it is about reading the entry).

use super::{Check, RuleDocs};

/// An archival reference that lacks a part; found while reading the entry in `parse/archival.rs`.
pub(crate) struct IncompleteArchivalReference;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "An archival reference lacks a part: a label without its number (`f. ,`), only the archive's name, or a fond with no file.",
    why: "GOST R 7.0.5-2008 §11 and archive practice identify a document by archive, fond, inventory (if any), file and leaves; a reference without the file cannot be ordered in a reading room.",
    example: "`ARDA, f. , siy. 1`, `РГАСПИ.`, `BOA, HR.SYS, `: flagged. `ARDA: f. 28. siy. 1. iş 72` accepted.",
    fix: "No automatic fix.",
};

impl Check for IncompleteArchivalReference {}
