//! Check R003 malformed-url: a URL that cannot be an address.

use super::{Check, EntryText, RuleDocs};
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;

/// A URL that cannot be an address.
pub(crate) struct MalformedUrl;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "A URL has no host name, usually because spaces were typed inside it.",
    why: "`https:// www.example .com/ x` is three fragments, not an address.",
    example: "`https:// www.seratnews .com/`: flagged. `https://www.seratnews.com/fa/news/12345` accepted.",
    fix: "No automatic fix.",
};

impl Check for MalformedUrl {
    fn entry(e: &EntryText) -> Vec<Diagnostic> {
        e.urls()
            .filter(|(_, printed)| {
                let host = printed
                    .split_once("://")
                    .map_or(*printed, |(_, h)| h)
                    .split(['/', '?', '#'])
                    .next()
                    .unwrap_or("");
                !host.contains('.') || host.starts_with('.') || host.ends_with('.')
            })
            .map(|(span, printed)| {
                Diagnostic::new(
                    Rule::MalformedUrl,
                    span,
                    format!("`{printed}` is not a web address: it has no host name"),
                )
                .with_reference(e.reference.number)
                .with_help(
                    "remove the spaces inside the address, or copy it again from the browser",
                )
            })
            .collect()
    }
}
