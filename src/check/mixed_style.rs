//! Check C015 mixed-citation-style: numbered and author–date citations in one document.

use super::{Check, Context, RuleDocs};
use crate::diagnostic::Diagnostic;
use crate::model::CitationStyle;
use crate::rule::Rule;

/// Finds citations of the style the document does not use.
pub(crate) struct MixedCitationStyle;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "A citation cites by number in a document that cites by author and year, or by author and year in a numbered one.",
    why: "A journal uses one system (GOST R 7.0.5 and the AAK rules number the list; APA, ISNAD 2 and Chicago author–date order it by author). A citation of the other system is usually left over from another version of the text, and points the reader nowhere in this list.",
    example: "An author–date text with `(Zamanlı, 2015: 45)` throughout and one `[3, s. 12]`: flagged. The style is found from the list (numbered or not) and the citations, or set with `style = \"author-date\"` in `istinad.toml`.",
    fix: "No automatic fix: write the citation in the document's style.",
};

impl Check for MixedCitationStyle {
    fn citations(cx: &Context) -> Vec<Diagnostic> {
        let Some(scan) = cx.scan else {
            return Vec::new();
        };
        scan.other_style
            .iter()
            .filter_map(|&i| cx.citations.get(i))
            .map(|c| {
                let (this, other) = match scan.style {
                    CitationStyle::AuthorDate => ("by number", "by author and year"),
                    CitationStyle::Numbered => ("by author and year", "by number"),
                };
                Diagnostic::new(
                    Rule::MixedCitationStyle,
                    c.span.clone(),
                    format!(
                        "`{}` cites {this}; the rest of the document cites {other}",
                        c.text
                    ),
                )
                .with_reference_opt(c.items.first().and_then(|i| i.reference))
                .with_help(format!("write it {other}, as the other citations are"))
            })
            .collect()
    }
}
