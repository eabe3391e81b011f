//! Check S004 entry-boundary: a line of an unnumbered list read as an entry where the signs disagree (found by `split.rs`).

use super::{Check, RuleDocs};

/// A line of an unnumbered list taken as an entry of its own although the
/// list's layout says otherwise; found by `split.rs`, documented here.
pub(crate) struct EntryBoundary;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "In an unnumbered list, a line was read as the start of an entry although the layout leaves it in doubt: the line before breaks off mid-sentence, or the list separates its entries by blank lines and this one has none.",
    why: "An unnumbered list has no numbers to say where entries begin. istinad reads one entry per line or paragraph, joins a wrapped line (indented, lower-case, or after a line that breaks off) to the one before, and says so where the signs disagree rather than merging or splitting silently.",
    example: "`Atkinson, J. (2011). The Caucasus in history. London:` followed by `Həsənli, C. (2012). Sovet dövründə… Bakı.`: the second line starts like an entry, the first breaks off after `London:`; read as two entries and flagged.",
    fix: "No automatic fix: give each entry a paragraph of its own, or number the list.",
};

impl Check for EntryBoundary {}
