//! Check C013 author-spelling: a cited name spelt otherwise than in its entry.

use super::{Check, Context, RuleDocs};
use crate::cite::author_date::Outcome;
use crate::diagnostic::Diagnostic;
use crate::fix::{Applicability, Fix};
use crate::rule::Rule;

/// Finds author–date citations whose name differs from the entry's by a letter or two.
pub(crate) struct AuthorSpelling;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "An author–date citation spells the author's name otherwise than the entry it cites: a letter or two apart, beyond case, diacritics and transliteration.",
    why: "A misspelt name sends the reader to the wrong place in an alphabetical list and breaks search in the published text. Case and diacritics (`Kemalî`/`Kemali`) and transliteration across scripts (`Həsənli`/`Гасанлы`) are not flagged; the year must agree for the citation to be matched at all.",
    example: "The list has `Atkinson, J. M. (2011)` and the text says `(Atkinsen, 2011: 5)`: flagged, with `Atkinson` as the fix.",
    fix: "Writing the entry's spelling (unsafe: the list may be the one that is misspelt).",
};

impl Check for AuthorSpelling {
    fn citations(cx: &Context) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for (citation, _, r) in cx.resolved() {
            let Outcome::Found {
                entry,
                spelling: Some(listed),
                ..
            } = &r.outcome
            else {
                continue;
            };
            let Some(span) = &r.family else {
                continue;
            };
            let printed = Context::family(citation, r);
            out.push(
                Diagnostic::new(
                    Rule::AuthorSpelling,
                    span.clone(),
                    format!(
                        "`{}` spells the author `{printed}`; entry {entry} has `{listed}`",
                        citation.text
                    ),
                )
                .with_reference(*entry)
                .with_help(format!(
                    "write `{listed}` as the list does, or correct the list"
                ))
                .with_fix(Fix::replace(
                    format!("Write `{listed}`"),
                    Applicability::Unsafe,
                    span.clone(),
                    listed.clone(),
                )),
            );
        }
        out
    }
}
