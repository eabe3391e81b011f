//! Check C012 year-suffix-mismatch: a year suffix (`2012a`) the list does not have, or one it needs.

use super::{Check, Context, RuleDocs};
use crate::cite::author_date::Outcome;
use crate::diagnostic::Diagnostic;
use crate::fix::{Applicability, Fix};
use crate::rule::Rule;
use crate::script::Letter;

/// Finds year suffixes that disagree with the list's.
pub(crate) struct YearSuffixMismatch;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "An author–date citation's year suffix (`2012a`) disagrees with the list: the list has no suffix there, or gives one the citation leaves out.",
    why: "Suffixes tell apart works of one author and year (APA 8.19, Chicago 15.19). A suffix the list lacks sends the reader looking for a second work; a missing one leaves them to guess between two.",
    example: "The list has `Zamanlı, A. (2015a)` and `(2015b)` and the text says `(Zamanlı, 2015)`: flagged. The list has one `Həsənli (2012)` and the text says `(Həsənli, 2012a)`: flagged, with the suffix removed as the fix.",
    fix: "Where one entry is meant, writing the year as that entry does (safe); where two fit, none.",
};

impl Check for YearSuffixMismatch {
    fn citations(cx: &Context) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for (citation, item, r) in cx.resolved() {
            let Some((year, year_span)) = &r.year else {
                continue;
            };
            let family = Context::family(citation, r);
            match &r.outcome {
                Outcome::Found {
                    entry,
                    suffix: Some((cited, listed)),
                    ..
                } => {
                    let digits = year.trim_end_matches(|c: char| c.is_letter());
                    let wanted =
                        format!("{digits}{}", listed.map(String::from).unwrap_or_default());
                    let message = match (cited, listed) {
                        (Some(c), None) => format!(
                            "`{}` cites {family} {year}, but entry {entry} is {family} {digits} without a suffix `{c}`",
                            citation.text
                        ),
                        _ => format!(
                            "`{}` cites {family} {year}, but entry {entry} is {family} {wanted}",
                            citation.text
                        ),
                    };
                    out.push(
                        Diagnostic::new(Rule::YearSuffixMismatch, year_span.clone(), message)
                            .with_reference(*entry)
                            .with_help(format!("write the year as the list does: {wanted}"))
                            .with_fix(Fix::replace(
                                format!("Write {wanted}"),
                                Applicability::Safe,
                                year_span.clone(),
                                wanted.clone(),
                            )),
                    );
                }
                Outcome::Ambiguous {
                    entries,
                    suffixed: true,
                } => {
                    let listed = crate::diagnostic::list_numbers(entries);
                    out.push(
                        Diagnostic::new(
                            Rule::YearSuffixMismatch,
                            item.number_span.clone(),
                            format!(
                                "`{}` cites {family} {year} without the suffix that tells entries {listed} apart",
                                citation.text
                            ),
                        )
                        .with_help("add the entry's letter to the year (`2015a`, `2015b`)"),
                    );
                }
                _ => {}
            }
        }
        out
    }
}
