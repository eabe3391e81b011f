//! Fixes: text edits that repair a finding, and how safe they are to apply.

use serde::Serialize;

use crate::source::Span;

/// How safely a fix can be applied without a human looking at it
/// (after ruff's fix safety levels).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// Keeps the author's meaning; may be applied automatically.
    Safe,
    /// Probably right, but may change meaning; apply after review.
    Unsafe,
    /// Shown as a suggestion only.
    DisplayOnly,
}

/// Replace the text of `span` with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    /// Byte range to replace.
    pub span: Span,
    /// The new text.
    pub replacement: String,
}

/// A set of edits that repairs one finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// Imperative title: "Replace `;` with `,`".
    pub message: String,
    /// How safe it is.
    pub applicability: Applicability,
    /// Non-overlapping edits.
    pub edits: Vec<Edit>,
}

impl Fix {
    /// A single-edit fix.
    pub fn replace(
        message: impl Into<String>,
        applicability: Applicability,
        span: Span,
        replacement: impl Into<String>,
    ) -> Self {
        Fix {
            message: message.into(),
            applicability,
            edits: vec![Edit {
                span,
                replacement: replacement.into(),
            }],
        }
    }
}

/// Applies every fix whose applicability is in `allowed` to `text`, skipping
/// a fix whose edits overlap one already taken. Returns the new text and the
/// number of fixes applied.
pub fn apply<'a>(
    text: &str,
    fixes: impl IntoIterator<Item = &'a Fix>,
    allowed: &[Applicability],
) -> (String, usize) {
    let mut edits: Vec<&Edit> = Vec::new();
    // The spans taken, by (start, end). They never overlap, so among those
    // starting before a span ends, the last also ends last: one look-up per
    // edit, not a pass over every edit taken (linear in fixes, not
    // quadratic).
    let mut taken = std::collections::BTreeSet::<(usize, usize)>::new();
    let mut applied = 0;
    for fix in fixes {
        if !allowed.contains(&fix.applicability) {
            continue;
        }
        let valid = fix.edits.iter().all(|e| {
            e.span.start <= e.span.end
                && text.get(e.span.clone()).is_some()
                && taken
                    .range(..(e.span.end, 0))
                    .next_back()
                    .is_none_or(|&(_, end)| end <= e.span.start)
        });
        if valid {
            for e in &fix.edits {
                taken.insert((e.span.start, e.span.end));
            }
            edits.extend(fix.edits.iter());
            applied += 1;
        }
    }
    edits.sort_by_key(|e| e.span.start);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for edit in edits {
        out.push_str(&text[at..edit.span.start]);
        out.push_str(&edit.replacement);
        at = edit.span.end;
    }
    out.push_str(&text[at..]);
    (out, applied)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apply_takes_allowed_non_overlapping_edits() {
        let text = "(12; s.329) and (3; s.5)";
        let a = Fix::replace("Replace `;` with `,`", Applicability::Safe, 3..4, ",");
        let b = Fix::replace("Replace `;` with `,`", Applicability::Safe, 18..19, ",");
        let overlapping = Fix::replace("x", Applicability::Safe, 3..5, "");
        let unsafe_fix = Fix::replace("y", Applicability::Unsafe, 0..1, "[");
        let (out, n) = apply(
            text,
            [&a, &b, &overlapping, &unsafe_fix],
            &[Applicability::Safe],
        );
        assert_eq!(out, "(12, s.329) and (3, s.5)");
        assert_eq!(n, 2);
    }
}
