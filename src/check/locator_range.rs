//! Check C006 locator-out-of-range: a page beyond the entry's page range or extent.

use super::{Check, Context, RuleDocs, cited_locators};
use crate::diagnostic::Diagnostic;
use crate::model::ReferenceKind;
use crate::parse::lex::parse_ranges;
use crate::rule::Rule;
use crate::vocab::Meaning;

/// Finds cited pages or leaves outside what the entry states.
pub(crate) struct LocatorOutOfRange;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "A cited page or leaf lies outside what the entry states: beyond a book's page count, outside an article's page range, outside a file's listed leaves.",
    why: "A page 400 of a 352-page book, or page 60 of an article on pages 33–45, means a mistyped locator or the wrong entry.",
    example: "Entry 4 ends `352 səh.` and the text says `(4, s. 400)`: flagged. Entry 9 is an article `С. 33–45` and the text says `[9, с. 60]`: flagged. `(4, s. 300)` and `[9, с. 40]` accepted.",
    fix: "No automatic fix.",
};

impl Check for LocatorOutOfRange {
    fn citations(cx: &Context) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for (citation, reference, loc) in cited_locators(cx) {
            let (bounds, what): (Vec<(u64, u64)>, String) = match loc.label {
                Meaning::Page if reference.kind != ReferenceKind::Archival => {
                    if let Some(pages) = &reference.pages {
                        (parse_ranges(pages), format!("its pages {pages}"))
                    } else if let Some(extent) = &reference.extent {
                        (
                            parse_ranges(extent)
                                .into_iter()
                                .map(|(_, e)| (1, e))
                                .collect(),
                            format!("its {extent} pages"),
                        )
                    } else {
                        continue;
                    }
                }
                Meaning::Leaf if reference.kind == ReferenceKind::Archival => {
                    match reference.leaves() {
                        Some(leaves) => (parse_ranges(leaves), format!("its leaves {leaves}")),
                        None => continue,
                    }
                }
                _ => continue,
            };
            if bounds.is_empty() {
                continue;
            }
            let outside = parse_ranges(&loc.value)
                .into_iter()
                .flat_map(|(a, b)| [a, b])
                .find(|n| {
                    !bounds
                        .iter()
                        .any(|&(lo, hi)| lo.min(hi) <= *n && *n <= hi.max(lo))
                });
            if let Some(n) = outside {
                out.push(
                    Diagnostic::new(
                        Rule::LocatorOutOfRange,
                        loc.span.clone(),
                        format!(
                            "`{}` cites {} {n} of entry {}, outside {what}",
                            citation.text,
                            loc.label.as_str(),
                            reference.number
                        ),
                    )
                    .with_reference(reference.number),
                );
            }
        }
        out
    }
}
