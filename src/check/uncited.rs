//! Check C002 uncited-reference: a list entry no citation reaches.

use super::{Check, Context, RuleDocs};
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;

/// Finds list entries that no citation in the body reaches.
pub(crate) struct UncitedReference;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "A reference-list entry is never cited in the text.",
    why: "Journals following GOST R 7.0.5 and the AAK rules list only works cited in the text; an uncited entry is a citation lost in editing or padding.",
    example: "Entry 5 is in the list and no `(5…)` or `[5…]` appears in the body: flagged.",
    fix: "No automatic fix: cite the work where it is used, or remove the entry (which renumbers the list).",
};

impl Check for UncitedReference {
    const WHOLE: bool = true;

    fn citations(cx: &Context) -> Vec<Diagnostic> {
        // A body without any numeric citation is not cited by number at all
        // (or there is no body): saying so of every entry helps nobody.
        // An author–date text of some length that cites nothing leaves
        // every entry uncited: said of each, beside no-citations.
        if cx.citations.is_empty()
            && !(cx.style() == crate::model::CitationStyle::AuthorDate
                && cx.document.body.len() >= super::TEXT_LEN)
        {
            return Vec::new();
        }
        let cited: std::collections::HashSet<u32> = cx
            .citations
            .iter()
            .flat_map(|c| c.items.iter().filter_map(|i| i.reference))
            // An author and year two entries share cites one of them: the
            // reader cannot tell which, and neither is left out (that is
            // ambiguous-author-year's finding).
            .chain(cx.resolved().flat_map(|(_, _, r)| match &r.outcome {
                crate::cite::author_date::Outcome::Ambiguous { entries, .. } => entries.clone(),
                _ => Vec::new(),
            }))
            .collect();
        // Entries a manager's list holds by mistake are stale-bibliography's.
        let left_behind = super::stale_bibliography::left_behind(cx);
        cx.references
            .iter()
            .filter(|r| !cited.contains(&r.number) && !left_behind.contains(&r.number))
            .map(|r| {
                Diagnostic::new(
                    Rule::UncitedReference,
                    r.span.clone(),
                    format!("entry {} `{}` is never cited", r.number, r.excerpt(50)),
                )
                .with_reference(r.number)
                .with_help("cite it where the text uses it, or remove it from the list")
            })
            .collect()
    }
}
