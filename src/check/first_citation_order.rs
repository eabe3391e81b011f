//! Check C007 first-citation-order (off by default): entries first cited out of list order.

use super::{Context, RuleDocs};
use crate::check::Rule;
use crate::diagnostic::Diagnostic;

/// For styles that number entries by first citation (Vancouver, many GOST
/// journals): finds an entry first cited before a lower-numbered one.
pub(crate) struct FirstCitationOrder;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "Under numbering by first citation, an entry is first cited before all lower-numbered entries have been.",
    why: "Styles that number by order of first citation expect citations to introduce 1, 2, 3 … in turn. AAK lists are ordered by language and alphabet instead, so the rule is off unless switched on (`--enable first-citation-order` or `[rules] first-citation-order = \"warning\"`).",
    example: "The first citation in the text is `(4)`, before any citation of 1–3: flagged at `(4)`. Citations introducing 1, 2, 3, 4 in turn are accepted.",
    fix: "No automatic fix: renumbering the list changes every citation.",
};

impl FirstCitationOrder {
    pub(crate) fn check(cx: &Context) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut next = 1;
        for citation in cx.citations {
            for item in &citation.items {
                if !seen.insert(item.reference) {
                    continue;
                }
                if item.reference != next {
                    out.push(
                        Diagnostic::new(
                            Rule::FirstCitationOrder,
                            item.number_span.clone(),
                            format!(
                                "entry {} is cited for the first time before entry {next}",
                                item.reference
                            ),
                        )
                        .with_reference(item.reference),
                    );
                }
                while seen.contains(&next) {
                    next += 1;
                }
            }
        }
        out
    }
}
