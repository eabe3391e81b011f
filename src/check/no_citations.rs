//! Check S005 no-citations: a reference list and a text with no citation of any form.

use super::{Check, Context, RuleDocs};
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;

/// Finds documents with a list and a text that cites none of it.
pub(crate) struct NoCitations;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "The document has a reference list and a text, and istinad found no citation in it, numbered or author–date.",
    why: "A checked manuscript with no citation found is never silent: either it cites in a form istinad does not read (add it as a `[[citation-form]]` in `istinad.toml`), or its citations were lost (footnotes not exported, fields flattened), or the list is unused.",
    example: "A text citing `{Zamanlı 2015}` against an alphabetical list: flagged once, naming the forms looked for.",
    fix: "No automatic fix.",
};

impl Check for NoCitations {
    const WHOLE: bool = true;

    fn citations(cx: &Context) -> Vec<Diagnostic> {
        let Some(heading) = cx.document.heading.clone() else {
            return Vec::new();
        };
        let body = cx.document.body.clone();
        if !cx.citations.is_empty() || cx.references.is_empty() || body.len() < super::TEXT_LEN {
            return Vec::new();
        }
        vec![Diagnostic::new(
            Rule::NoCitations,
            heading,
            format!(
                "the text cites none of the list's {} entries in any form istinad reads",
                cx.references.len()
            ),
        )
        .with_help("looked for numbered citations (`(12, s.329)`, `[5, с. 12]`, `[1–3]`) and author–date ones (`(Zamanlı, 2015: 45)`, `Həsənli (2012)`, `[Хасанли 2012: 112]`, `(بیات، ۱۳۸۸: ۴۵)`); a journal's own form can be added as a `[[citation-form]]` in istinad.toml")]
    }
}
