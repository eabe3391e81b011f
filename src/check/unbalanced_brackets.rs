//! Check P003 unbalanced-brackets: an opening bracket or quote without its closing one.

use super::{Check, RuleDocs};

/// An opening bracket or quote without its closing one.
pub(crate) struct UnbalancedBrackets;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "An entry opens a bracket or quote it never closes, or closes one it never opened: `(`, `[`, `«`, `“`, `\"`, `<`.",
    why: "An unclosed bracket makes the rest of the entry part of a year, subtitle or title, and breaks conversion to BibTeX and RIS.",
    example: "`Həsənli Cəmil. (2012 Sovet…`: flagged. `Bakı: «Elm», 2009` accepted.",
    fix: "No automatic fix: where the bracket should close is not known.",
};

impl Check for UnbalancedBrackets {}
