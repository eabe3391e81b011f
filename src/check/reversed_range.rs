//! Check C004 reversed-range: a locator or page range whose end comes before its start.

use super::{Check, Context, RuleDocs, all_locators};
use crate::diagnostic::Diagnostic;
use crate::model::Reference;
use crate::parse::lex::parse_ranges;
use crate::rule::Rule;

/// Finds ranges such as `s. 45-41`.
pub(crate) struct ReversedRange;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "A range in a citation or an entry ends before it starts: `s. 45-41`.",
    why: "Either digits were swapped or the end is abbreviated wrongly; the reader cannot tell which pages are meant. Abbreviated ends (`145-7` for 145–147) are understood and not flagged.",
    example: "`(4, s. 45-41)`: flagged. `(4, s. 41-45)` and `(4, s. 145-7)` accepted. In right-to-left text a range typed left to right may look reversed; the check reads the logical order.",
    fix: "No automatic fix: `45-41` may be `41-45` or `45-51`.",
};

impl Check for ReversedRange {
    fn citations(cx: &Context) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for (citation, item, loc) in all_locators(cx) {
            if let Some((a, b)) = parse_ranges(&loc.value).into_iter().find(|(a, b)| b < a) {
                out.push(
                    Diagnostic::new(
                        Rule::ReversedRange,
                        loc.span.clone(),
                        format!(
                            "the range `{}` in `{}` ends ({b}) before it starts ({a})",
                            loc.value, citation.text
                        ),
                    )
                    .with_reference_opt(item.reference),
                );
            }
        }
        out
    }

    /// The entries' own page ranges (a rule over the list alone).
    fn list(cx: &Context) -> Vec<Diagnostic> {
        cx.references.iter().filter_map(reversed_pages).collect()
    }
}

/// Reversed-range's finding about entry `r`'s own page range: the list
/// rule's work on one entry (run as a list is read entry by entry).
pub(crate) fn reversed_pages(r: &Reference) -> Option<Diagnostic> {
    let pages = r.pages.as_ref()?;
    let (a, b) = parse_ranges(pages).into_iter().find(|(a, b)| b < a)?;
    Some(
        Diagnostic::new(
            Rule::ReversedRange,
            r.span.clone(),
            format!(
                "entry {} gives the page range `{pages}`, which ends ({b}) before it starts ({a})",
                r.number
            ),
        )
        .with_reference(r.number),
    )
}
