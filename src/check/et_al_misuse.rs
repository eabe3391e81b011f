//! Check C014 et-al-misuse: `et al.` for a work of one or two authors.

use super::{Check, Context, RuleDocs};
use crate::cite::author_date::Outcome;
use crate::diagnostic::Diagnostic;
use crate::fix::{Applicability, Fix};
use crate::rule::Rule;

/// Finds `et al.`, `vd.`, `и др.`, `və b.` on works of one or two authors.
pub(crate) struct EtAlMisuse;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "An author–date citation says `et al.` (`vd.`, `ve ark.`, `и др.`, `və b.`, `و همکاران`) of a work its entry gives one or two authors.",
    why: "APA 8.17, Chicago 15.29 and ISNAD 2 shorten to the first author and `et al.` only for three or more authors; with fewer the reader looks for co-authors who are not there, or for another entry.",
    example: "The list has `Həsənli, C. (2012)` and the text says `(Həsənli vd., 2012: 5)`: flagged; for one author the fix removes `vd.`.",
    fix: "For one author, removing `et al.` (safe); for two, none: name the second author in the language's own way.",
};

impl Check for EtAlMisuse {
    fn citations(cx: &Context) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for (citation, _, r) in cx.resolved() {
            let (Outcome::Found { entry, authors, .. }, Some(et_al)) = (&r.outcome, &r.et_al)
            else {
                continue;
            };
            if *authors > 2 {
                continue;
            }
            let printed = citation
                .text
                .get(
                    et_al.start.saturating_sub(citation.span.start)
                        ..et_al.end.saturating_sub(citation.span.start),
                )
                .unwrap_or("et al.");
            let mut d = Diagnostic::new(
                Rule::EtAlMisuse,
                et_al.clone(),
                format!(
                    "`{}` says `{printed}`, but entry {entry} has {}",
                    citation.text,
                    if *authors == 1 {
                        "one author"
                    } else {
                        "two authors"
                    }
                ),
            )
            .with_reference(*entry);
            if *authors == 1 {
                // The space before the marker goes with it.
                let start = r
                    .family
                    .as_ref()
                    .map_or(et_al.start, |f| f.end.min(et_al.start));
                d = d
                    .with_help(format!("remove `{printed}`"))
                    .with_fix(Fix::replace(
                        format!("Remove `{printed}`"),
                        Applicability::Safe,
                        start..et_al.end,
                        "",
                    ));
            } else {
                d = d.with_help("name both authors");
            }
            out.push(d);
        }
        out
    }
}
