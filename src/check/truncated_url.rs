//! Check R001 truncated-url: a URL cut short with `...`.

use super::{Check, EntryText, RuleDocs};
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;

/// A URL cut short with `...`.
pub(crate) struct TruncatedUrl;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "A URL is cut short with `...` or `…`.",
    why: "Word processors and citation copy-paste shorten long addresses for display; the shortened address leads nowhere.",
    example: "`https://www.seratnews.com/.../گ-جمهوری-سوسیالیستی`: flagged. `http://pahlaviha.pchi.ir/show.php?page=contents&id=13376` accepted.",
    fix: "No automatic fix: the full address is not in the text.",
};

impl Check for TruncatedUrl {
    fn entry(e: &EntryText) -> Vec<Diagnostic> {
        e.urls()
            .filter(|(_, printed)| printed.contains("...") || printed.contains('…'))
            .map(|(span, printed)| {
                Diagnostic::new(
                    Rule::TruncatedUrl,
                    span,
                    format!("the URL `{printed}` is cut short with an ellipsis"),
                )
                .with_reference(e.reference.number)
                .with_help("give the full address of the page, as copied from the browser")
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::{Config, Rule};

    #[test]
    fn ellipsis_in_a_url_is_flagged() {
        let config = Config::default();
        let r = crate::read_reference(
            "<https://www.seratnews.com/.../گ-جمهوری-سوسیالیستی>",
            &config,
        );
        assert_eq!(r.diagnostics.len(), 1);
        assert_eq!(r.diagnostics[0].rule, Rule::TruncatedUrl);
        let r = crate::read_reference(
            "<http://pahlaviha.pchi.ir/show.php?page=contents&id=13376>",
            &config,
        );
        assert!(r.diagnostics.is_empty());
    }
}
