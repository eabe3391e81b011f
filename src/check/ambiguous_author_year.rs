//! Check C011 ambiguous-author-year: an author and year that two entries share, with no suffix to tell them apart.

use super::{Check, Context, RuleDocs};
use crate::cite::author_date::Outcome;
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;

/// Finds author–date citations that fit two entries of one author and year.
pub(crate) struct AmbiguousAuthorYear;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "An author–date citation fits two or more entries by the same author in the same year, and the list gives them no suffixes.",
    why: "The reader cannot tell which work is meant. APA 8.19, Chicago 15.19 and ISNAD 2 tell such works apart by a letter after the year (`2012a`, `2012b`) in the list and in every citation.",
    example: "The list has `Coşkun, O. (2023). Ali Kemalî Aksüt…` and `Coşkun, O. (2023). Çeviri…` and the text says `(Coşkun, 2023: 11)`: flagged.",
    fix: "No automatic fix: add `a` and `b` to the years in the list (ordered by title) and to each citation.",
};

impl Check for AmbiguousAuthorYear {
    fn citations(cx: &Context) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for (citation, item, r) in cx.resolved() {
            let Outcome::Ambiguous {
                entries,
                suffixed: false,
            } = &r.outcome
            else {
                continue;
            };
            let listed = crate::diagnostic::list_numbers(entries);
            out.push(
                Diagnostic::new(
                    Rule::AmbiguousAuthorYear,
                    item.number_span.clone(),
                    format!(
                        "`{}` fits entries {listed}: {} {} is in the list more than once",
                        citation.text,
                        Context::family(citation, r),
                        item.year.as_deref().unwrap_or_default()
                    ),
                )
                .with_help("tell the works apart with `a`, `b` after the year, in the list and in the citations"),
            );
        }
        out
    }
}
