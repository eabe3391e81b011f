//! Check C005 locator-kind-mismatch: a leaf locator on a printed work, a page locator on a file cited by leaves.

use super::{Check, Context, RuleDocs, cited_locators};
use crate::diagnostic::Diagnostic;
use crate::fix::{Applicability, Fix};
use crate::model::ReferenceKind;
use crate::rule::Rule;
use crate::vocab::{Component, Meaning};

/// Finds locators whose kind does not fit the cited source.
pub(crate) struct LocatorKindMismatch;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "A locator's kind does not fit its source: a leaf (`v.`, `л.`, `f.`) of a printed book, or a page (`s.`, `с.`) of an archival file whose entry counts leaves.",
    why: "Archival files are foliated, books paginated (GOST R 7.0.5-2008 §11; AAK practice). A leaf locator on a book or a page locator on a file usually means the wrong entry number or the wrong label.",
    example: "Entry 4 is a book and the text says `(4, v. 12)`: flagged. Entry 2 is `ARDA: f. 28, siy. 1, iş 577, v. 40-60` and the text says `(2, s. 50)`: flagged. `(2, v. 50)` accepted.",
    fix: "For a page label on a file that gives leaves, an unsafe fix writes the entry's own leaf label; otherwise none.",
};

impl Check for LocatorKindMismatch {
    fn citations(cx: &Context) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for (citation, reference, loc) in cited_locators(cx) {
            let Some(printed) = &loc.printed else {
                continue;
            };
            if loc.label == Meaning::Leaf && reference.kind.is_printed() {
                out.push(
                    Diagnostic::new(
                        Rule::LocatorKindMismatch,
                        loc.span.clone(),
                        format!(
                            "`{printed}` in `{}` cites a leaf, but entry {} is a printed {}",
                            citation.text,
                            reference.number,
                            reference.kind.as_str()
                        ),
                    )
                    .with_reference(reference.number)
                    .with_help("a printed work is cited by page (`s.`, `с.`, `p.`, `ص`); check the entry number"),
                );
            }
            if loc.label == Meaning::Page
                && reference.kind == ReferenceKind::Archival
                && reference.leaves().is_some()
            {
                let leaf_label = reference
                    .archive
                    .as_ref()
                    .and_then(|a| a.labels.iter().find(|(c, _)| *c == Component::Leaves))
                    .map(|(_, l)| l.to_lowercase());
                let mut d = Diagnostic::new(
                    Rule::LocatorKindMismatch,
                    loc.span.clone(),
                    format!("`{printed}` in `{}` cites a page, but entry {} is an archival file counted in leaves", citation.text, reference.number),
                )
                .with_reference(reference.number)
                .with_help("an archival file is cited by leaf (`v.`, `л.`, `f.`)");
                if let Some(label) = leaf_label {
                    d = d.with_fix(Fix::replace(
                        format!("Replace `{printed}` with `{label}`"),
                        Applicability::Unsafe,
                        loc.span.start..loc.span.start + printed.len(),
                        label,
                    ));
                }
                out.push(d);
            }
        }
        out
    }
}
