//! Check R004 bidi-control: a bidirectional embedding, override or isolate control in an entry or a citation.

use super::{Check, Context, EntryText, RuleDocs};
use crate::cite::bidi_finding as finding;
use crate::diagnostic::Diagnostic;
use crate::script::{bidi_controls as controls, escape_bidi as shown};

/// An invisible bidirectional control (U+202A–U+202E, U+2066–U+2069) in an
/// entry or a citation.
pub(crate) struct BidiControl;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "An entry or a citation holds an invisible bidirectional control character (U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates).",
    why: "These controls reorder what is shown without changing the bytes: `(12, s.\u{202E}923\u{202C})` prints as page 329 and is read as 923, so a citation or an entry can read differently on the page from what a program, a search or a reviewer's copy sees (the \"Trojan Source\" trick, CVE-2021-42574). Word and browsers insert them when right-to-left and left-to-right text meet.",
    example: "`(1, s.\u{202E}92\u{202C})`: flagged. `(1, s.92)` and Persian entries without controls: accepted.",
    fix: "Unsafe fix: remove the control characters (the text may then show in another order, which is what the bytes say).",
};

impl Check for BidiControl {
    fn entry(e: &EntryText) -> Vec<Diagnostic> {
        let r = e.reference;
        finding(
            controls(&r.raw, r.span.start),
            format!("entry {}", r.number),
        )
        .map(|d| d.with_reference(r.number))
        .into_iter()
        .collect()
    }

    fn citations(cx: &Context) -> Vec<Diagnostic> {
        cx.citations
            .iter()
            // `text` is the citation as printed, byte for byte at `span`.
            .filter(|c| c.text.len() == c.span.len())
            .filter_map(|c| {
                finding(
                    controls(&c.text, c.span.start),
                    format!("citation `{}`", shown(&c.text)),
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::script::{bidi_controls as controls, escape_bidi as shown};

    #[test]
    fn controls_are_found_with_their_spans() {
        assert_eq!(controls("a\u{202E}b\u{2069}", 10), [11..14, 15..18]);
        assert!(controls("کتاب\u{200C}شناسی", 0).is_empty());
        assert_eq!(
            shown("(2, s.\u{202E}92\u{202C})"),
            "(2, s.\\u{202E}92\\u{202C})"
        );
    }
}
