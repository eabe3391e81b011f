//! Check S006 unused-suppression: an inline `<!-- istinad: allow … -->` comment that silences nothing; and the suppressions themselves.
//!
//! One grammar in every text format, an HTML comment, which Markdown keeps
//! out of the printed page and plain text shows as it is:
//!
//! ```text
//! … as Bayat shows (12, s. 329) <!-- istinad: allow locator-out-of-range -->
//! 5. ARDA: f. 28. siy. 1. iş 72 <!-- istinad: allow uncited-reference, R002 -->
//! ```
//!
//! A comment names rules (names or codes, separated by commas or spaces)
//! and silences their findings on the citation or list entry just before
//! it on its line (the one whose start is nearest before the comment). The
//! comment's text is blanked before the manuscript is read (spaces of the
//! same byte length, so every span still points into the file), so it never
//! becomes part of an entry or a citation.

use std::sync::LazyLock;

use regex::Regex;

use super::{Check, RuleDocs, leveled};
use crate::diagnostic::Diagnostic;
use crate::fix::{Applicability, Fix};
use crate::model::{Citation, Reference};
use crate::rule::{Level, Rule, RuleSettings};
use crate::source::Span;

/// Finds suppression comments that silence no finding.
pub(crate) struct UnusedSuppression;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "An inline `<!-- istinad: allow RULE -->` comment silences no finding: the rule finds nothing on the citation or entry before it, the name is not a rule, or nothing precedes it on its line.",
    why: "A suppression outlives the problem it excused (the entry was cited, the locator corrected); left in place it would hide the next real finding on that citation or entry.",
    example: "`5. ARDA: f. 28. siy. 1. iş 72 <!-- istinad: allow uncited-reference -->` where entry 5 is cited: flagged. The same comment on an entry nobody cites silences its uncited-reference finding and is accepted.",
    fix: "Safe fix when every name in the comment is unused: remove the comment. A comment naming a rule that is switched off is left alone (another configuration may need it).",
};

// Found where the suppressions are applied (`apply`), after every other rule.
impl Check for UnusedSuppression {}

/// One `<!-- istinad: allow … -->` comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Suppression {
    /// The whole comment.
    pub span: Span,
    /// Each name as written, with its span.
    pub names: Vec<(String, Span)>,
}

static COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    // One line at most: a comment left open must not swallow the manuscript.
    #[allow(clippy::unwrap_used)] // a constant pattern, tested below
    Regex::new(r"<!--[ \t]*istinad:[ \t]*allow\b([^\n\r]*?)-->").unwrap()
});

static NAME: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // a constant pattern, tested below
    Regex::new(r"[^\s,]+").unwrap()
});

/// Every suppression comment of `text`, in order.
pub(crate) fn scan(text: &str) -> Vec<Suppression> {
    COMMENT
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let list = c.get(1)?;
            let names = NAME
                .find_iter(list.as_str())
                .map(|m| {
                    (
                        m.as_str().to_string(),
                        list.start() + m.start()..list.start() + m.end(),
                    )
                })
                .collect();
            Some(Suppression {
                span: whole.range(),
                names,
            })
        })
        .collect()
}

/// `text` with each suppression comment replaced by spaces of its byte
/// length: spans into it are spans into `text`.
pub(crate) fn blank(text: &str, suppressions: &[Suppression]) -> String {
    let mut out = text.to_string();
    for s in suppressions {
        // The comment is ASCII up to its names, which may be any letters:
        // replace the bytes of the whole range, keeping the length.
        out.replace_range(s.span.clone(), &" ".repeat(s.span.len()));
    }
    out
}

/// Where a suppression applies: the citation or entry that starts nearest
/// before it with no line break between its end and the comment.
fn target(text: &str, s: &Suppression, candidates: &[Span]) -> Option<Span> {
    candidates
        .iter()
        .filter(|t| t.start < s.span.start)
        .filter(|t| {
            let from = t.end.min(s.span.start);
            !text
                .get(from..s.span.start)
                .unwrap_or("\n")
                .contains(['\n', '\r'])
        })
        .max_by_key(|t| t.start)
        .cloned()
}

/// Whether finding `d` is about `target`.
fn within(d: &Diagnostic, target: &Span) -> bool {
    target.start <= d.span.start && d.span.start <= target.end
}

/// Removes the findings the suppressions silence, from `diagnostics` and
/// from each entry's own; with `report_unused`, adds an unused-suppression
/// finding (at its configured level) for each name that silenced nothing.
pub(crate) fn apply(
    text: &str,
    suppressions: &[Suppression],
    diagnostics: &mut Vec<Diagnostic>,
    references: &mut [Reference],
    citations: &[Citation],
    settings: &RuleSettings,
    report_unused: bool,
) {
    let candidates: Vec<Span> = citations
        .iter()
        .map(|c| c.span.clone())
        .chain(references.iter().map(|r| r.span.clone()))
        .collect();
    let mut unused = Vec::new();
    for s in suppressions {
        let target = target(text, s, &candidates);
        let mut found = Vec::new();
        for (name, span) in &s.names {
            let Some(rule) = Rule::from_name(name) else {
                let mut d = Diagnostic::new(
                    Rule::UnusedSuppression,
                    span.clone(),
                    format!("`{name}` in a suppression comment is not a rule"),
                );
                d = match Rule::suggest(name) {
                    Some(r) => d.with_help(format!("did you mean `{}`?", r.name())),
                    None => d.with_help("`istinad rules` lists the rules"),
                };
                found.push(d);
                continue;
            };
            let Some(target) = &target else {
                found.push(
                    Diagnostic::new(
                        Rule::UnusedSuppression,
                        span.clone(),
                        format!(
                            "the suppression of `{name}` follows no citation or list entry on its line"
                        ),
                    )
                    .with_help("put the comment right after the citation or at the end of the entry's line"),
                );
                continue;
            };
            let before = diagnostics.len();
            diagnostics.retain(|d| !(d.rule == rule && within(d, target)));
            for r in references.iter_mut() {
                r.diagnostics
                    .retain(|d| !(d.rule == rule && within(d, target)));
            }
            if diagnostics.len() == before && settings.level(rule) != Level::Off {
                found.push(
                    Diagnostic::new(
                        Rule::UnusedSuppression,
                        span.clone(),
                        format!(
                            "the suppression of `{name}` silences nothing: `{}` has no {} finding",
                            excerpt(text.get(target.clone()).unwrap_or_default()),
                            rule.name()
                        ),
                    )
                    .with_label(target.clone(), "the citation or entry it applies to"),
                );
            }
        }
        if !found.is_empty() && found.len() == s.names.len() {
            // Every name is unused: the whole comment can go, with the
            // space that separated it from the text before it.
            let start = text.get(..s.span.start).map_or(s.span.start, |head| {
                head.trim_end_matches([' ', '\t']).len()
            });
            let fix = Fix::replace(
                "Remove the suppression comment",
                Applicability::Safe,
                start..s.span.end,
                "",
            );
            for d in &mut found {
                d.fix = Some(fix.clone());
            }
        }
        unused.extend(found);
    }
    if report_unused && !unused.is_empty() {
        diagnostics.extend(leveled(settings, unused));
        diagnostics.sort_by(|a, b| {
            (a.span.start, a.span.end, a.rule.code()).cmp(&(
                b.span.start,
                b.span.end,
                b.rule.code(),
            ))
        });
    }
}

/// The first 40 characters of `text`, for a message.
fn excerpt(text: &str) -> String {
    let mut out: String = text.chars().take(40).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_their_names_are_found() {
        let text =
            "a (1) <!-- istinad: allow C001, uncited-reference -->\nb <!--istinad:allow x-->";
        let found = scan(text);
        assert_eq!(found.len(), 2);
        let names: Vec<&str> = found[0].names.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["C001", "uncited-reference"]);
        assert_eq!(&text[found[0].names[1].1.clone()], "uncited-reference");
        assert_eq!(found[1].names[0].0, "x");
        // Not a suppression: another tool's comment, one left open.
        assert!(scan("<!-- prettier-ignore --> <!-- istinad: allow C001\n-->").is_empty());
    }

    #[test]
    fn blanking_keeps_every_offset() {
        let text = "ə (1) <!-- istinad: allow C001 --> ş";
        let blanked = blank(text, &scan(text));
        assert_eq!(blanked.len(), text.len());
        assert!(blanked.starts_with("ə (1) ") && blanked.ends_with(" ş"));
        assert!(!blanked.contains("istinad"));
    }

    #[test]
    fn the_target_is_the_nearest_citation_on_the_line() {
        let text = "(1) and (2) <!-- istinad: allow C001 -->\n(3) <!-- istinad: allow C001 -->";
        let found = scan(text);
        let candidates = [0..3, 8..11, 41..44];
        assert_eq!(target(text, &found[0], &candidates), Some(8..11));
        assert_eq!(target(text, &found[1], &candidates), Some(41..44));
        assert_eq!(target(text, &found[1], &candidates[..2]), None);
    }
}
