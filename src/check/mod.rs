//! Check: validates citations against the list; one file per rule, docs on each.
//!
//! | code | name | file |
//! |------|------|------|
//! | S001 | missing-reference-section | `structure.rs` (found by `split.rs`) |
//! | S002 | empty-document | `structure.rs` (found by `split.rs`) |
//! | S003 | list-numbering | `list_numbering.rs` |
//! | P001–P005, R001, R003 | entry rules | `entries.rs` (found by `parse/`) |
//! | R002 | duplicate-reference | `duplicate.rs` |
//! | C001 | dangling-citation | `dangling.rs` |
//! | C002 | uncited-reference | `uncited.rs` |
//! | C003 | malformed-citation | `malformed.rs` (found by `cite.rs`) |
//! | C004 | reversed-range | `reversed_range.rs` |
//! | C005 | locator-kind-mismatch | `locator_kind.rs` |
//! | C006 | locator-out-of-range | `locator_range.rs` |
//! | C007 | first-citation-order | `first_citation_order.rs` (off by default) |
//! | E001 | unrepresentable-field | `structure.rs` (found by `emit/`) |
//! | E002 | missing-required-field | `structure.rs` (found by `emit/bibtex.rs`) |

mod dangling;
mod duplicate;
mod entries;
mod first_citation_order;
mod list_numbering;
mod locator_kind;
mod locator_range;
pub(crate) mod locators;
mod malformed;
mod registry;
mod reversed_range;
mod structure;
mod uncited;

use std::collections::HashMap;

pub use registry::{Rule, RuleDocs};

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Citation, CitationItem, Locator, Reference};
use crate::split::Document;

/// What a rule does when it fires.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// The rule does not run.
    Off,
    /// The rule runs and its findings get this severity.
    On(Severity),
}

impl Level {
    /// Parses `off`/`allow`, `error`/`deny`, `warning`/`warn`, `info`.
    pub fn parse(name: &str) -> Option<Level> {
        match name.trim().to_ascii_lowercase().as_str() {
            "off" | "allow" | "ignore" => Some(Level::Off),
            other => Severity::parse(other).map(Level::On),
        }
    }

    /// `off`, or the severity's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Off => "off",
            Level::On(severity) => severity.as_str(),
        }
    }
}

/// Per-rule settings: which rules run and at what severity.
#[derive(Debug, Clone, Default)]
pub struct RuleSettings {
    levels: HashMap<Rule, Level>,
}

impl RuleSettings {
    /// Sets a rule's level.
    pub fn set(&mut self, rule: Rule, level: Level) {
        self.levels.insert(rule, level);
    }

    /// Sets the level of the rule named `rule` (name or code) from the word
    /// `level`; the error says which of the two is wrong.
    pub fn set_named(&mut self, rule: &str, level: &str) -> Result<(), String> {
        let found = Rule::from_name(rule)
            .ok_or_else(|| format!("unknown rule `{rule}` (see `istinad rules`)"))?;
        let level = Level::parse(level).ok_or_else(|| {
            format!("the level of `{rule}` must be one of off, info, warning, error")
        })?;
        self.set(found, level);
        Ok(())
    }

    /// The level a rule runs at.
    pub fn level(&self, rule: Rule) -> Level {
        self.levels
            .get(&rule)
            .copied()
            .unwrap_or(rule.default_level())
    }

    /// Drops findings of rules that are off and gives the rest their
    /// configured severity.
    pub fn apply(&self, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
        diagnostics
            .into_iter()
            .filter_map(|mut d| match self.level(d.rule) {
                Level::Off => None,
                Level::On(severity) => {
                    d.severity = severity;
                    Some(d)
                }
            })
            .collect()
    }
}

/// What the rules look at.
pub(crate) struct Context<'a> {
    pub document: &'a Document,
    pub references: &'a [Reference],
    pub citations: &'a [Citation],
    /// The first entry with each list number.
    by_number: HashMap<u32, &'a Reference>,
}

impl<'a> Context<'a> {
    pub(crate) fn new(
        document: &'a Document,
        references: &'a [Reference],
        citations: &'a [Citation],
    ) -> Self {
        let mut by_number = HashMap::new();
        for r in references {
            by_number.entry(r.number).or_insert(r);
        }
        Context {
            document,
            references,
            citations,
            by_number,
        }
    }

    /// The entry numbered `n`.
    pub(crate) fn reference(&self, n: u32) -> Option<&'a Reference> {
        self.by_number.get(&n).copied()
    }
}

/// Every locator of every citation, with the item that carries it.
pub(crate) fn all_locators<'a>(
    cx: &'a Context,
) -> impl Iterator<Item = (&'a Citation, &'a CitationItem, &'a Locator)> {
    cx.citations.iter().flat_map(|citation| {
        citation.items.iter().flat_map(move |item| {
            item.locator
                .iter()
                .chain(&item.more_locators)
                .map(move |loc| (citation, item, loc))
        })
    })
}

/// Every locator of every citation, with the entry it cites
/// (citations of numbers the list lacks are left to dangling-citation).
pub(crate) fn cited_locators<'a>(
    cx: &'a Context,
) -> impl Iterator<Item = (&'a Citation, &'a Reference, &'a Locator)> {
    all_locators(cx)
        .filter_map(|(citation, item, loc)| Some((citation, cx.reference(item.reference)?, loc)))
}

/// Rules over the list alone (run by `istinad refs` and `istinad check`).
pub(crate) fn check_list(cx: &Context) -> Vec<Diagnostic> {
    let mut out = list_numbering::ListNumbering::check(cx);
    out.extend(duplicate::DuplicateReference::check(cx));
    out.extend(reversed_range::ReversedRange::check_list(cx));
    out
}

/// Rules over citations and the list (run by `istinad check`).
pub(crate) fn check_citations(cx: &Context) -> Vec<Diagnostic> {
    let mut out = dangling::DanglingCitation::check(cx);
    out.extend(uncited::UncitedReference::check(cx));
    out.extend(reversed_range::ReversedRange::check(cx));
    out.extend(locator_kind::LocatorKindMismatch::check(cx));
    out.extend(locator_range::LocatorOutOfRange::check(cx));
    out.extend(first_citation_order::FirstCitationOrder::check(cx));
    out
}

pub(crate) fn docs(rule: Rule) -> RuleDocs {
    match rule {
        Rule::MissingReferenceSection => structure::MISSING_REFERENCE_SECTION,
        Rule::EmptyDocument => structure::EMPTY_DOCUMENT,
        Rule::ListNumbering => list_numbering::DOCS,
        Rule::UnparsedReference => entries::UNPARSED_REFERENCE,
        Rule::IncompleteArchivalReference => entries::INCOMPLETE_ARCHIVAL_REFERENCE,
        Rule::UnbalancedBrackets => entries::UNBALANCED_BRACKETS,
        Rule::GarbledText => entries::GARBLED_TEXT,
        Rule::MixedScript => entries::MIXED_SCRIPT,
        Rule::TruncatedUrl => entries::TRUNCATED_URL,
        Rule::DuplicateReference => duplicate::DOCS,
        Rule::MalformedUrl => entries::MALFORMED_URL,
        Rule::DanglingCitation => dangling::DOCS,
        Rule::UncitedReference => uncited::DOCS,
        Rule::MalformedCitation => malformed::DOCS,
        Rule::ReversedRange => reversed_range::DOCS,
        Rule::LocatorKindMismatch => locator_kind::DOCS,
        Rule::LocatorOutOfRange => locator_range::DOCS,
        Rule::FirstCitationOrder => first_citation_order::DOCS,
        Rule::UnrepresentableField => structure::UNREPRESENTABLE_FIELD,
        Rule::MissingRequiredField => structure::MISSING_REQUIRED_FIELD,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_docs_and_a_unique_code_and_name() {
        // `ALL` holds every variant, in order: the loop below sees them all.
        for (i, rule) in Rule::ALL.into_iter().enumerate() {
            assert_eq!(rule as usize, i, "{rule:?}");
        }
        assert_eq!(Rule::ALL.len(), Rule::MissingRequiredField as usize + 1);
        let mut codes = std::collections::HashSet::new();
        let mut names = std::collections::HashSet::new();
        for rule in Rule::ALL {
            let d = rule.docs();
            assert!(
                !d.summary.is_empty()
                    && !d.why.is_empty()
                    && !d.example.is_empty()
                    && !d.fix.is_empty(),
                "{rule:?}"
            );
            assert!(codes.insert(rule.code()), "{rule:?}");
            assert!(names.insert(rule.name()), "{rule:?}");
            assert_eq!(Rule::from_name(rule.name()), Some(rule));
            assert_eq!(Rule::from_name(rule.code()), Some(rule));
            let code = rule.code();
            assert!(
                code.len() == 4
                    && "SPRCE".contains(&code[..1])
                    && code[1..].chars().all(|c| c.is_ascii_digit())
            );
        }
    }

    #[test]
    fn settings_switch_rules_and_change_severity() {
        let mut s = RuleSettings::default();
        assert_eq!(s.level(Rule::FirstCitationOrder), Level::Off);
        assert_eq!(s.level(Rule::DanglingCitation), Level::On(Severity::Error));
        s.set(Rule::UncitedReference, Level::Off);
        s.set(Rule::TruncatedUrl, Level::On(Severity::Error));
        let d = vec![
            Diagnostic::new(Rule::UncitedReference, 0..1, "x"),
            Diagnostic::new(Rule::TruncatedUrl, 0..1, "y"),
        ];
        let out = s.apply(d);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].severity, Severity::Error);
        assert_eq!(Level::parse("warn"), Some(Level::On(Severity::Warning)));
        assert_eq!(Level::parse("off"), Some(Level::Off));
        assert_eq!(Level::parse("loud"), None);
    }
}
