//! Check C010 dangling-year: an author–date citation whose author is in the list, but not with that year.

use super::{Check, Context, RuleDocs};
use crate::cite::author_date::Outcome;
use crate::diagnostic::Diagnostic;
use crate::fix::{Applicability, Fix};
use crate::rule::Rule;

/// Finds author–date citations of a listed author in a year the list does not give.
pub(crate) struct DanglingYear;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "An author–date citation names an author the list has, with a year the list does not give for them.",
    why: "The reader finds the author but not the work. Usually a typo in the year, a citation of an earlier edition, or a work missing from the list. Years are compared in the Gregorian and Solar Hijri calendars: `(بیات، ۱۳۸۸)` matches an entry of 2009.",
    example: "The list has `Zamanlı, A. (2015)` only and the text says `(Zamanlı, 2016: 12)`: flagged, with \"did you mean 2015?\".",
    fix: "When the author has one listed year, replacing the cited year with it (unsafe: the list may be the one that is wrong).",
};

impl Check for DanglingYear {
    fn citations(cx: &Context) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for (citation, _, r) in cx.resolved() {
            let Outcome::WrongYear { entries } = &r.outcome else {
                continue;
            };
            let Some((year, year_span)) = &r.year else {
                continue;
            };
            let listed = entries
                .iter()
                .map(|(n, y)| format!("{} (entry {n})", if y.is_empty() { "no year" } else { y }))
                .collect::<Vec<_>>()
                .join(", ");
            let family = Context::family(citation, r);
            let mut d = Diagnostic::new(
                Rule::DanglingYear,
                r.name.1.start.min(year_span.start)..year_span.end.max(r.name.1.end),
                format!(
                    "`{}` cites {family} {year}, but the list has {family} only for {listed}",
                    citation.text
                ),
            );
            let mut years: Vec<&str> = entries
                .iter()
                .map(|(_, y)| y.as_str())
                .filter(|y| !y.is_empty())
                .collect();
            years.dedup();
            if let [only] = years[..] {
                d = d
                    .with_help(format!(
                        "did you mean {only}? Or add the {year} work to the list"
                    ))
                    .with_fix(Fix::replace(
                        format!("Cite {only}"),
                        Applicability::Unsafe,
                        year_span.clone(),
                        only.to_string(),
                    ));
                if let [(n, _)] = entries[..] {
                    d = d.with_reference(n);
                }
            } else {
                d = d.with_help("check the year, or add the work to the list");
            }
            out.push(d);
        }
        out
    }
}
