//! Check C001 dangling-citation: a citation of a number the list does not have, or of an author it does not list.

use super::{Check, Context, RuleDocs};
use crate::cite::author_date::Outcome;
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;

/// Finds citations of list numbers that no entry has.
pub(crate) struct DanglingCitation;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "A citation cites a number the reference list does not have, or (author–date) an author it does not list.",
    why: "The reader cannot find the source. Usually a typo in the number, or an entry removed from the list while its citations stayed.",
    example: "The list has entries 1–16 and the text says `(17, s.5)`: flagged. `(16, s.5)` is accepted. In an alphabetical list without Smith, `(Smith, 2001: 4)` is flagged, naming the nearest listed name; a listed author with a year the list lacks is dangling-year.",
    fix: "No automatic fix: which entry was meant is not known.",
};

impl Check for DanglingCitation {
    fn citations(cx: &Context) -> Vec<Diagnostic> {
        if cx.references.is_empty() {
            // No list at all is reported once, as missing-reference-section.
            return Vec::new();
        }
        let numbers = || cx.references.iter().map(|r| r.number);
        let (min, max) = (numbers().min().unwrap_or(0), numbers().max().unwrap_or(0));
        let mut out = Vec::new();
        for citation in cx.citations {
            for item in &citation.items {
                // Author–date items are judged by their author and year below.
                let Some(number) = item.reference.filter(|_| citation.style.is_numbered()) else {
                    continue;
                };
                if cx.reference(number).is_some() {
                    continue;
                }
                let where_ = if number > max {
                    format!("the list ends at {max}")
                } else {
                    "the list has no such entry".to_string()
                };
                out.push(
                    Diagnostic::new(
                        Rule::DanglingCitation,
                        item.number_span.clone(),
                        format!("`{}` cites entry {}, but {where_}", citation.text, number),
                    )
                    .with_reference(number)
                    .with_help(format!("the list's entries are numbered {min}–{max}; check the number or add the entry")),
                );
            }
        }
        // Author–date items whose author the list does not have at all.
        for (citation, item, r) in cx.resolved() {
            let Outcome::Unknown { nearest } = &r.outcome else {
                continue;
            };
            let year = item.year.as_deref().unwrap_or_default();
            let family = Context::family(citation, r);
            let mut d = Diagnostic::new(
                Rule::DanglingCitation,
                item.number_span.clone(),
                format!(
                    "`{}` cites {family} {year}, but the list has no work by {family}",
                    citation.text
                ),
            );
            d = match nearest {
                Some((n, name)) => d
                    .with_help(format!("the nearest name in the list is `{name}` (entry {n}); check the name, or add the work to the list"))
                    .with_reference(*n),
                None => d.with_help("add the work to the list, or check the name"),
            };
            out.push(d);
        }
        out
    }
}
