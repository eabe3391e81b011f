//! CLI: `check --format sarif` — SARIF 2.1.0 (OASIS), as GitHub code scanning, GitLab and SARIF viewers read it.
//!
//! One run; the tool's driver lists every rule (code as `id`, its docs as
//! descriptions and help, its default level); each finding is a result
//! with its rule's index, level, message and a physical location whose
//! region counts lines from 1 and columns in Unicode code points
//! (`columnKind`), as the other formats do. Inputs that could not be read
//! are tool execution notifications of the one invocation, which then is
//! not successful (exit status 2).

use istinad::diagnostic::{Diagnostic, Severity};
use istinad::fix::Applicability;
use istinad::{Level, Rule, Source};
use serde_json::{Value, json};

use crate::report::rule_url;

/// The schema the log names (the OASIS errata 01 schema, which
/// `tests/clients/schema/sarif-schema-2.1.0.json` holds).
const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// SARIF's level for a severity (§3.27.10).
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a URI reference (§3.4.3): relative paths stay relative, an
/// absolute one becomes a `file://` URI; bytes other than unreserved ones
/// and `/` are percent-encoded (RFC 3986), so Cyrillic or Persian file
/// names are valid URIs.
pub fn uri(path: &str) -> String {
    let mut out = String::new();
    let path = path.replace('\\', "/");
    if path.starts_with('/') {
        out.push_str("file://");
    }
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The region of a byte span (§3.30): 1-based lines and columns in code
/// points; the end column is the one just past the span.
fn region(source: &Source, span: &std::ops::Range<usize>) -> Value {
    let (start_line, start_column) = source.line_col(span.start);
    let (end_line, end_column) = source.line_col(span.end);
    json!({
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": end_column,
    })
}

fn rule_descriptor(rule: Rule) -> Value {
    let docs = istinad::check::docs(rule);
    let (enabled, default) = match rule.default_level() {
        Level::Off => (false, rule.default_severity()),
        Level::On(s) => (true, s),
    };
    json!({
        "id": rule.code(),
        "name": rule.name(),
        "shortDescription": {"text": docs.summary},
        "fullDescription": {"text": format!("{} {}", docs.summary, docs.why)},
        "help": {"text": format!("{}\n\nExample: {}\n\nFix: {}", docs.why, docs.example, docs.fix)},
        "helpUri": rule_url(rule),
        "defaultConfiguration": {"enabled": enabled, "level": level(default)},
    })
}

fn result(source: &Source, d: &Diagnostic) -> Value {
    let artifact = json!({"uri": uri(source.name())});
    let mut result = json!({
        "ruleId": d.code(),
        "ruleIndex": d.rule as usize,
        "level": level(d.severity),
        "message": {"text": d.message},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": artifact,
                "region": region(source, &d.span),
            }
        }],
    });
    if !d.labels.is_empty() {
        result["relatedLocations"] = d
            .labels
            .iter()
            .enumerate()
            .map(|(i, l)| {
                json!({
                    "id": i,
                    "message": {"text": l.message},
                    "physicalLocation": {
                        "artifactLocation": artifact,
                        "region": region(source, &l.span),
                    }
                })
            })
            .collect();
    }
    // Fixes a tool may apply without review (§3.55); a .docx's text is
    // extracted, so its edits are not edits of the file.
    if let Some(fix) = d
        .fix
        .as_ref()
        .filter(|f| f.applicability == Applicability::Safe && !source.is_extracted())
    {
        result["fixes"] = json!([{
            "description": {"text": fix.message},
            "artifactChanges": [{
                "artifactLocation": artifact,
                "replacements": fix.edits.iter().map(|e| json!({
                    "deletedRegion": region(source, &e.span),
                    "insertedContent": {"text": e.replacement},
                })).collect::<Vec<_>>(),
            }],
        }]);
    }
    result
}

/// The SARIF log of a run: the findings of each source, and the inputs
/// that could not be read (name, message).
pub fn log(checked: &[(&Source, &[Diagnostic])], failed: &[(String, String)]) -> Value {
    let results: Vec<Value> = checked
        .iter()
        .flat_map(|(source, diagnostics)| diagnostics.iter().map(|d| result(source, d)))
        .collect();
    let notifications: Vec<Value> = failed
        .iter()
        .map(|(name, message)| {
            json!({
                "level": "error",
                "message": {"text": message},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(name)}}}],
            })
        })
        .collect();
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "istinad",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://docs.rs/istinad",
                "rules": Rule::ALL.into_iter().map(rule_descriptor).collect::<Vec<_>>(),
            }},
            "invocations": [{
                "executionSuccessful": failed.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("fixtures/a b.md"), "fixtures/a%20b.md");
        assert_eq!(uri("/tmp/x.md"), "file:///tmp/x.md");
        assert_eq!(uri("ə.md"), "%C9%99.md");
    }
}
