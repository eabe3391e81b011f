//! Check: the table of rules — stable codes, names, default severities and docs.
//!
//! Codes are one letter per stage and three digits, never reused:
//! `S` the document's structure, `P` parsing an entry, `R` one reference's
//! content or the list as a whole, `C` citations against the list, `E`
//! converting to an output format.

use serde::Serialize;

use crate::diagnostic::Severity;

/// Every rule istinad knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// S001: no reference list heading or no list.
    MissingReferenceSection,
    /// S002: the input has no text.
    EmptyDocument,
    /// S003: gaps or repeats in the list's numbers.
    ListNumbering,
    /// P001: an entry istinad could not read.
    UnparsedReference,
    /// P002: an archival label without its number.
    IncompleteArchivalReference,
    /// P003: an opening bracket or quote without its closing one.
    UnbalancedBrackets,
    /// P004: text damaged by a wrong encoding.
    GarbledText,
    /// P005: a letter of another script inside a word or label.
    MixedScript,
    /// R001: a URL cut short with `...`.
    TruncatedUrl,
    /// R002: the same work listed twice.
    DuplicateReference,
    /// R003: a URL that cannot be an address.
    MalformedUrl,
    /// C001: a citation of a number the list does not have.
    DanglingCitation,
    /// C002: an entry no citation reaches.
    UncitedReference,
    /// C003: a citation whose form is broken.
    MalformedCitation,
    /// C004: a range whose end is before its start.
    ReversedRange,
    /// C005: a leaf locator on a printed work, a page on a file cited by leaves.
    LocatorKindMismatch,
    /// C006: a page beyond the entry's pages or extent.
    LocatorOutOfRange,
    /// C007: entries first cited out of list order (off by default).
    FirstCitationOrder,
    /// E001: a field the output format has no place for.
    UnrepresentableField,
    /// E002: a field the output format requires and the entry lacks.
    MissingRequiredField,
}

/// The documentation of one rule.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct RuleDocs {
    /// What it finds, in one sentence.
    pub summary: &'static str,
    /// Why it matters.
    pub why: &'static str,
    /// A flagged example and an accepted one.
    pub example: &'static str,
    /// Whether and how it is fixed, and how safe the fix is.
    pub fix: &'static str,
}

impl Rule {
    /// All rules, in code order.
    pub const ALL: [Rule; 20] = [
        Rule::MissingReferenceSection,
        Rule::EmptyDocument,
        Rule::ListNumbering,
        Rule::UnparsedReference,
        Rule::IncompleteArchivalReference,
        Rule::UnbalancedBrackets,
        Rule::GarbledText,
        Rule::MixedScript,
        Rule::TruncatedUrl,
        Rule::DuplicateReference,
        Rule::MalformedUrl,
        Rule::DanglingCitation,
        Rule::UncitedReference,
        Rule::MalformedCitation,
        Rule::ReversedRange,
        Rule::LocatorKindMismatch,
        Rule::LocatorOutOfRange,
        Rule::FirstCitationOrder,
        Rule::UnrepresentableField,
        Rule::MissingRequiredField,
    ];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            Rule::MissingReferenceSection => "S001",
            Rule::EmptyDocument => "S002",
            Rule::ListNumbering => "S003",
            Rule::UnparsedReference => "P001",
            Rule::IncompleteArchivalReference => "P002",
            Rule::UnbalancedBrackets => "P003",
            Rule::GarbledText => "P004",
            Rule::MixedScript => "P005",
            Rule::TruncatedUrl => "R001",
            Rule::DuplicateReference => "R002",
            Rule::MalformedUrl => "R003",
            Rule::DanglingCitation => "C001",
            Rule::UncitedReference => "C002",
            Rule::MalformedCitation => "C003",
            Rule::ReversedRange => "C004",
            Rule::LocatorKindMismatch => "C005",
            Rule::LocatorOutOfRange => "C006",
            Rule::FirstCitationOrder => "C007",
            Rule::UnrepresentableField => "E001",
            Rule::MissingRequiredField => "E002",
        }
    }

    /// The kebab-case name, read after "allow".
    pub fn name(self) -> &'static str {
        match self {
            Rule::MissingReferenceSection => "missing-reference-section",
            Rule::EmptyDocument => "empty-document",
            Rule::ListNumbering => "list-numbering",
            Rule::UnparsedReference => "unparsed-reference",
            Rule::IncompleteArchivalReference => "incomplete-archival-reference",
            Rule::UnbalancedBrackets => "unbalanced-brackets",
            Rule::GarbledText => "garbled-text",
            Rule::MixedScript => "mixed-script",
            Rule::TruncatedUrl => "truncated-url",
            Rule::DuplicateReference => "duplicate-reference",
            Rule::MalformedUrl => "malformed-url",
            Rule::DanglingCitation => "dangling-citation",
            Rule::UncitedReference => "uncited-reference",
            Rule::MalformedCitation => "malformed-citation",
            Rule::ReversedRange => "reversed-range",
            Rule::LocatorKindMismatch => "locator-kind-mismatch",
            Rule::LocatorOutOfRange => "locator-out-of-range",
            Rule::FirstCitationOrder => "first-citation-order",
            Rule::UnrepresentableField => "unrepresentable-field",
            Rule::MissingRequiredField => "missing-required-field",
        }
    }

    /// Finds a rule by name or code.
    pub fn from_name(name: &str) -> Option<Rule> {
        let name = name.trim();
        Rule::ALL
            .into_iter()
            .find(|r| r.name() == name || r.code().eq_ignore_ascii_case(name))
    }

    /// The severity a finding gets unless configured otherwise.
    pub fn default_severity(self) -> Severity {
        match self {
            Rule::DanglingCitation => Severity::Error,
            Rule::UnrepresentableField | Rule::MissingRequiredField => Severity::Info,
            _ => Severity::Warning,
        }
    }

    /// Whether the rule runs unless switched on or off by configuration.
    pub fn enabled_by_default(self) -> bool {
        !matches!(self, Rule::FirstCitationOrder)
    }

    /// The level the rule runs at unless configured otherwise.
    pub fn default_level(self) -> crate::check::Level {
        if self.enabled_by_default() {
            crate::check::Level::On(self.default_severity())
        } else {
            crate::check::Level::Off
        }
    }

    /// The rule's documentation.
    pub fn docs(self) -> RuleDocs {
        crate::check::docs(self)
    }
}
