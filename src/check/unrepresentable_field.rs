//! Check E001 unrepresentable-field: a field the output format has no place for (found by the emitters in `emit/`).

use super::{Check, RuleDocs};

/// A field the output format has no place for; found by the emitters in `emit/`, documented here.
pub(crate) struct UnrepresentableField;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "A field of an entry has no place in the output format and is kept only as a note, or not at all.",
    why: "Converters that drop archival fields silently lose the reference (Zotero's BibTeX import keeps no archive fields); istinad says what each format cannot hold.",
    example: "Converting an archival entry to plain BibTeX: its fond, inventory and file go into `howpublished`, reported as info.",
    fix: "No fix: choose a format that holds the field (CSL-JSON keeps everything).",
};

impl Check for UnrepresentableField {}
