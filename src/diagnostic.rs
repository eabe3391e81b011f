//! Findings as data: rule, severity, message, byte span, optional fix.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::fix::Fix;
use crate::rule::Rule;
pub use crate::rule::Severity;
use crate::source::Span;

/// A secondary span with a message (drawn under the source line).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    /// Where.
    pub span: Span,
    /// What is there.
    pub message: String,
}

/// One finding about a manuscript.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The rule that found it.
    pub rule: Rule,
    /// Its severity (the rule's, unless the configuration changed it).
    pub severity: Severity,
    /// One sentence; the offending text in backticks.
    pub message: String,
    /// The primary span: byte offsets into the input.
    pub span: Span,
    /// The list number the finding is about, if any.
    pub reference: Option<u32>,
    /// Secondary spans.
    pub labels: Vec<Label>,
    /// What to do about it.
    pub help: Option<String>,
    /// An edit that repairs it, when the repair is unambiguous.
    pub fix: Option<Fix>,
    /// The paragraph of a .docx or .odt it is in, which a Word user can
    /// find where a line of extracted text cannot be.
    pub paragraph: Option<Paragraph>,
}

/// A paragraph of a word-processor file: its number and first words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    /// 1-based, counting the body's paragraphs, then the notes'.
    pub number: usize,
    /// Its first words.
    pub text: String,
}

impl Diagnostic {
    /// A finding of `rule` at `span`, with the rule's default severity.
    pub fn new(rule: Rule, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            rule,
            severity: rule.default_severity(),
            message: message.into(),
            span,
            reference: None,
            labels: Vec::new(),
            help: None,
            fix: None,
            paragraph: None,
        }
    }

    /// Names the list entry the finding is about.
    pub fn with_reference(mut self, number: u32) -> Self {
        self.reference = Some(number);
        self
    }

    /// Names the entry concerned, if there is one.
    pub fn with_reference_opt(mut self, number: Option<u32>) -> Self {
        self.reference = number.or(self.reference);
        self
    }

    /// Adds a help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a secondary label.
    pub fn with_label(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    /// Attaches a fix.
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    /// The rule's stable code (`C001`).
    pub fn code(&self) -> &'static str {
        self.rule.code()
    }

    /// The rule's kebab-case name (`dangling-citation`).
    pub fn name(&self) -> &'static str {
        self.rule.name()
    }
}

impl Serialize for Diagnostic {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        self.serialize_fields(&mut map)?;
        map.end()
    }
}

impl Diagnostic {
    /// Writes the finding's fields, the JSON contract's shape, into a map
    /// being serialized; a printer adds its own beside them (a file's
    /// path, line and column).
    pub fn serialize_fields<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry("code", self.code())?;
        map.serialize_entry("name", self.name())?;
        map.serialize_entry("severity", &self.severity)?;
        map.serialize_entry("message", &self.message)?;
        map.serialize_entry("span", &self.span)?;
        if let Some(reference) = self.reference {
            map.serialize_entry("reference", &reference)?;
        }
        if !self.labels.is_empty() {
            map.serialize_entry("labels", &self.labels)?;
        }
        if let Some(help) = &self.help {
            map.serialize_entry("help", help)?;
        }
        if let Some(fix) = &self.fix {
            map.serialize_entry("fix", fix)?;
        }
        if let Some(paragraph) = &self.paragraph {
            map.serialize_entry("paragraph", paragraph)?;
        }
        Ok(())
    }
}

/// Entry numbers for a message: `3, 4, 7`.
pub(crate) fn list_numbers(numbers: &[u32]) -> String {
    numbers
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}
