//! Check S003 list-numbering: gaps, repeats and disorder in the list's printed numbers.

use super::{Check, Context, RuleDocs};
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;

/// Finds numbers that skip, repeat or go back in a numbered list.
pub(crate) struct ListNumbering;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "The list's printed numbers skip (… 7, 9 …), repeat (… 5, 5 …) or go back.",
    why: "Citations point at numbers: with a gap or a repeat, a citation may reach the wrong entry or none, and the list looks unfinished.",
    example: "A list numbered 1–7, 9–16: flagged at 9 (8 is missing). A list numbered 1–16 is accepted; a list restarting at 1 under a new group heading is accepted.",
    fix: "No automatic fix: renumbering changes what every later citation points at.",
};

impl Check for ListNumbering {
    fn list(cx: &Context) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let mut prev: Option<u32> = None;
        for entry in &cx.document.entries {
            let Some(marker) = &entry.marker else {
                continue;
            };
            let n = entry.number;
            if let Some(p) = prev {
                let message = if n == p {
                    Some(format!("the number {n} is used twice in the list"))
                } else if n == p + 2 {
                    Some(format!(
                        "the list skips number {}: it goes from {p} to {n}",
                        p + 1
                    ))
                } else if n > p + 2 {
                    Some(format!(
                        "the list skips numbers {}–{}: it goes from {p} to {n}",
                        p + 1,
                        n - 1
                    ))
                } else if n < p && n != 1 {
                    Some(format!("the number {n} comes after {p}"))
                } else {
                    None
                };
                if let Some(message) = message {
                    out.push(
                        Diagnostic::new(Rule::ListNumbering, marker.clone(), message)
                            .with_reference(n),
                    );
                }
            }
            prev = Some(n);
        }
        out
    }
}
