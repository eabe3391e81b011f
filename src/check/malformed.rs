//! Check C003 malformed-citation: a citation whose form is broken (found by the scanner in `cite.rs`).

use super::{Check, RuleDocs};

/// A citation with a wrong separator, an unknown or wrong-script label,
/// unbalanced brackets or stray punctuation; found by the scanner in `cite.rs`.
pub(crate) struct MalformedCitation;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "A citation's form is broken: wrong separator, unknown label, unbalanced brackets, stray punctuation.",
    why: "Typesetters and converters read citations by their form; `(12; s.329)` reads as two citations, `[5, c. 12]` as volume 12 instead of page 12.",
    example: "`(12; s.329)` in a text that writes `(12, s.329)` elsewhere: flagged, fix `(12, s.329)`. `(12 s.329)`, `(3,, s.5)`, `(4, s.7,)`, `[7, s. 9)`, `(6, x.12)`, `[5, c. 12]` in Russian text: flagged. `(12, s.329)` accepted.",
    fix: "Safe fixes for a wrong or missing separator, stray punctuation and a mismatched closing bracket; an unsafe fix inserts a missing closing bracket; an unknown label has no fix.",
};

impl Check for MalformedCitation {}
