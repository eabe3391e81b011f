//! Check C007 first-citation-order (off by default): entries first cited out of list order.

use super::{Check, Context, RuleDocs};
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;

/// For styles that number entries by first citation (Vancouver, many GOST
/// journals): finds an entry first cited before a lower-numbered one.
pub(crate) struct FirstCitationOrder;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "Under numbering by first citation, an entry is first cited before all lower-numbered entries have been.",
    why: "Styles that number by order of first citation expect citations to introduce 1, 2, 3 … in turn. AAK lists are ordered by language and alphabet instead, so the rule is off unless switched on (`--enable first-citation-order` or `[rules] first-citation-order = \"warning\"`).",
    example: "The first citation in the text is `(4)`, before any citation of 1–3: flagged at `(4)`. Citations introducing 1, 2, 3, 4 in turn are accepted.",
    fix: "No automatic fix: renumbering the list changes every citation.",
};

impl Check for FirstCitationOrder {
    const WHOLE: bool = true;

    fn citations(cx: &Context) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut next = 1;
        // Numbers the list lacks are never waited for: a gap in the list,
        // or a dangling citation (reported by dangling-citation), would
        // otherwise flag every first citation after it.
        let max = cx.references.iter().map(|r| r.number).max().unwrap_or(0);
        let skip = |next: &mut u32, seen: &std::collections::HashSet<u32>| {
            while *next <= max && (seen.contains(next) || cx.reference(*next).is_none()) {
                *next += 1;
            }
        };
        skip(&mut next, &seen);
        for citation in cx.citations {
            for item in &citation.items {
                let Some(number) = item.reference.filter(|_| citation.style.is_numbered()) else {
                    continue;
                };
                if cx.reference(number).is_none() || !seen.insert(number) {
                    continue;
                }
                if number != next {
                    out.push(
                        Diagnostic::new(
                            Rule::FirstCitationOrder,
                            item.number_span.clone(),
                            format!(
                                "entry {} is cited for the first time before entry {next}",
                                number
                            ),
                        )
                        .with_reference(number),
                    );
                }
                skip(&mut next, &seen);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::check::{Level, Rule};
    use crate::{Config, Severity, Source};

    fn flagged(text: &str) -> Vec<String> {
        let mut config = Config::default();
        config
            .rules
            .set(Rule::FirstCitationOrder, Level::On(Severity::Warning));
        let source = Source::new("x.md", text);
        crate::check(&source, &config)
            .diagnostics
            .into_iter()
            .filter(|d| d.rule == Rule::FirstCitationOrder)
            .map(|d| source.slice(&d.span).to_string())
            .collect()
    }

    #[test]
    fn numbers_the_list_lacks_are_not_waited_for() {
        let list = "\n\n## References\n\n1. A. One. 1990.\n2. B. Two. 1991.\n4. C. Four. 1992.\n5. D. Five. 1993.\n";
        // 3 is missing from the list: 4 and 5 follow 2 in order.
        assert!(flagged(&format!("Text [1], [2], [4], [5].{list}")).is_empty());
        // A dangling [9] is dangling-citation's business, not this rule's.
        assert!(flagged(&format!("Text [1], [9], [2], [4], [5].{list}")).is_empty());
        // Out of order is still flagged once, where it happens.
        assert_eq!(flagged(&format!("Text [1], [4], [2], [5].{list}")), ["4"]);
    }
}
