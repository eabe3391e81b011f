//! Check R001 truncated-url: a URL cut short with `...`.

use super::{Check, RuleDocs};

/// A URL cut short with `...`.
pub(crate) struct TruncatedUrl;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "A URL is cut short with `...` or `…`.",
    why: "Word processors and citation copy-paste shorten long addresses for display; the shortened address leads nowhere.",
    example: "`https://www.seratnews.com/.../گ-جمهوری-سوسیالیستی`: flagged. `http://pahlaviha.pchi.ir/show.php?page=contents&id=13376` accepted.",
    fix: "No automatic fix: the full address is not in the text.",
};

impl Check for TruncatedUrl {}
