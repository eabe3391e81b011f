//! Check R003 malformed-url: a URL that cannot be an address.

use super::{Check, RuleDocs};

/// A URL that cannot be an address.
pub(crate) struct MalformedUrl;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "A URL has no host name, usually because spaces were typed inside it.",
    why: "`https:// www.example .com/ x` is three fragments, not an address.",
    example: "`https:// www.seratnews .com/`: flagged. `https://www.seratnews.com/fa/news/12345` accepted.",
    fix: "No automatic fix.",
};

impl Check for MalformedUrl {}
