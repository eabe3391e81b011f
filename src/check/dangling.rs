//! Check C001 dangling-citation: a citation of a number the list does not have.

use super::{Check, Context, RuleDocs};
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;

/// Finds citations of list numbers that no entry has.
pub(crate) struct DanglingCitation;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "A citation cites a number the reference list does not have.",
    why: "The reader cannot find the source. Usually a typo in the number, or an entry removed from the list while its citations stayed.",
    example: "The list has entries 1–16 and the text says `(17, s.5)`: flagged. `(16, s.5)` is accepted.",
    fix: "No automatic fix: which entry was meant is not known.",
};

impl Check for DanglingCitation {
    fn citations(cx: &Context) -> Vec<Diagnostic> {
        if cx.references.is_empty() {
            // No list at all is reported once, as missing-reference-section.
            return Vec::new();
        }
        let numbers = || cx.references.iter().map(|r| r.number);
        let (min, max) = (numbers().min().unwrap_or(0), numbers().max().unwrap_or(0));
        let mut out = Vec::new();
        for citation in cx.citations {
            for item in &citation.items {
                if cx.reference(item.reference).is_some() {
                    continue;
                }
                let where_ = if item.reference > max {
                    format!("the list ends at {max}")
                } else {
                    "the list has no such entry".to_string()
                };
                out.push(
                    Diagnostic::new(
                        Rule::DanglingCitation,
                        item.number_span.clone(),
                        format!("`{}` cites entry {}, but {where_}", citation.text, item.reference),
                    )
                    .with_reference(item.reference)
                    .with_help(format!("the list's entries are numbered {min}–{max}; check the number or add the entry")),
                );
            }
        }
        out
    }
}
