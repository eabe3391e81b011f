//! Check S001 missing-reference-section: no reference list under a known heading (found by `split.rs`, which finds the list).

use super::{Check, RuleDocs};

/// No reference list under a known heading; found by `split.rs`, which finds the list, documented here.
pub(crate) struct MissingReferenceSection;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "No reference list was found under a known heading, or the heading has no entries under it.",
    why: "Without a list no citation can be checked. istinad knows the headings of az, ru, fa, tr and en journals (`bib/headings.toml`); a list under another heading is read only if it is the numbered block at the end.",
    example: "A manuscript with citations and no `ƏDƏBİYYAT`/`Литература`/`منابع`/`KAYNAKÇA`/`References` list: flagged. Add headings of your journal in `istinad.toml` under `[headings] references = […]`.",
    fix: "No automatic fix.",
};

impl Check for MissingReferenceSection {}
