//! Check P001 unparsed-reference: an entry istinad could not read (found by the parser, `parse/mod.rs`: it is about reading the entry).

use super::{Check, RuleDocs};

/// An entry istinad could not read; found while reading the entry in `parse/mod.rs`.
pub(crate) struct UnparsedReference;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "A list entry could not be read as a reference; it is kept as text, kind `other`.",
    why: "Every entry should say what it describes; an entry istinad cannot read is often prose caught in the list, two entries run together, or a fragment.",
    example: "`Bu gün hava çox gözəldir` in the list: flagged. `Həsənli Cəmil. (2012) Sovet dövründə… Bakı` accepted.",
    fix: "No automatic fix. The text stays in the record's `raw`.",
};

impl Check for UnparsedReference {}
