//! Check P003 unbalanced-brackets: an opening bracket or quote without its closing one.

use super::{Check, EntryText, RuleDocs};
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;

/// An opening bracket or quote without its closing one.
pub(crate) struct UnbalancedBrackets;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "An entry opens a bracket or quote it never closes, or closes one it never opened: `(`, `[`, `«`, `“`, `\"`, `<`.",
    why: "An unclosed bracket makes the rest of the entry part of a year, subtitle or title, and breaks conversion to BibTeX and RIS.",
    example: "`Həsənli Cəmil. (2012 Sovet…`: flagged. `Bakı: «Elm», 2009` accepted.",
    fix: "No automatic fix: where the bracket should close is not known.",
};

impl Check for UnbalancedBrackets {
    fn entry(e: &EntryText) -> Vec<Diagnostic> {
        let r = e.reference;
        let Some((at, c)) = unbalanced(&r.raw) else {
            return Vec::new();
        };
        let what = if matches!(c, '(' | '[' | '«' | '“' | '"' | '<') {
            "is never closed"
        } else {
            "closes nothing"
        };
        let start = r.span.start + at;
        vec![
            Diagnostic::new(
                Rule::UnbalancedBrackets,
                start..start + c.len_utf8(),
                format!("the `{c}` in entry {} {what}", r.number),
            )
            .with_reference(r.number),
        ]
    }
}

/// The first bracket or quote in `text` without its partner: `(`, `[`,
/// `«`, `“`, straight `"` and a `<` before a URL.
fn unbalanced(text: &str) -> Option<(usize, char)> {
    let mut stack: Vec<(usize, char)> = Vec::new();
    let mut straight: Option<usize> = None;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        if std::mem::take(&mut escaped) {
            continue;
        }
        match c {
            '\\' => escaped = true,
            '(' | '[' | '«' | '“' => stack.push((i, c)),
            '<' if text[i + 1..].starts_with("http") || text[i + 1..].starts_with("www.") => {
                stack.push((i, c))
            }
            ')' | ']' | '»' | '”' | '>' => {
                let open = match c {
                    ')' => '(',
                    ']' => '[',
                    '»' => '«',
                    '”' => '“',
                    _ => '<',
                };
                match stack.iter().rposition(|&(_, o)| o == open) {
                    Some(k) => {
                        // Anything opened after the partner is unclosed.
                        if k + 1 < stack.len() {
                            return Some(stack[k + 1]);
                        }
                        stack.truncate(k);
                    }
                    None if c == '>' => {}
                    None => return Some((i, c)),
                }
            }
            '"' => straight = if straight.is_some() { None } else { Some(i) },
            _ => {}
        }
    }
    stack.first().copied().or(straight.map(|i| (i, '"')))
}
