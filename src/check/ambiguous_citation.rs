//! Check C009 ambiguous-citation: bare numbers in a bracket that read as entries or as pages (found by the scanner in `cite.rs`).

use super::{Check, RuleDocs};

/// A bracket such as `[28, 34]` whose second number may be a page or an
/// entry, where the document's habits do not decide; found by the scanner.
pub(crate) struct AmbiguousCitation;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "A bracket's bare numbers read both as a page and as further entries: `[28, 34]`, `[4, 17‒20]`.",
    why: "GOST R 7.0.5-2008 writes pages with a label (`[28, с. 34]`) and several entries after commas (`[28, 34]`); other journals write bare pages (`[39, 250-252]`). A document that labels its pages means entries by bare numbers, and is read so; where it mixes both habits, or an entry number would lie far beyond the list, the checker cannot know which was meant and keeps the page reading.",
    example: "In a text citing `[1, с. 12]` and `[39, 250-252]` alike, `[2, 3]` with a list of 40 entries: flagged, naming entry 2 at page 3 and entries 2, 3. In a text citing `[1, с. 12]` throughout, `[28, 34]` reads as entries 28 and 34, not flagged. In a text that writes its pages bare (`[39, 250]`), `[2, 3]` is read as entries 2 and 3 and flagged, naming entry 2 at page 3; `[2; 3]` is not.",
    fix: "No automatic fix: write the page with its label, or the entries with their own numbers.",
};

impl Check for AmbiguousCitation {}
