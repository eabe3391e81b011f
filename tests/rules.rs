//! One fixture per rule (fixtures/rules/<name>.md) with accepted and flagged
//! cases in several languages: the findings must be exactly the expected
//! ones, and the concise output is kept as a snapshot.

use istinad::{Config, Source};
use istinad::{Level, Rule};

use crate::support::{compare, expectation, istinad, repo};

/// A rule's fixture: `fixtures/rules/<name>.docx` for the rules about a
/// reference manager's fields (they exist only in a word processor's
/// file), else `<name>.md`.
fn fixture_of(rule: Rule) -> String {
    let docx = format!("fixtures/rules/{}.docx", rule.name());
    if repo(&docx).exists() {
        docx
    } else {
        format!("fixtures/rules/{}.md", rule.name())
    }
}

fn config_for(rule: Rule) -> Config {
    let mut config = Config::default();
    if !rule.enabled_by_default() {
        config.rules.set(rule, Level::On(rule.default_severity()));
    }
    config
}

#[test]
fn every_rule_has_a_fixture_whose_findings_are_exactly_expected() {
    let mut failures = Vec::new();
    for rule in Rule::ALL {
        let path = repo(&fixture_of(rule));
        assert!(
            path.exists(),
            "no fixture for {}: {}",
            rule.name(),
            path.display()
        );
        let source = if path.extension().is_some_and(|e| e == "docx") {
            istinad::input::read_path(&path).expect("fixture")
        } else {
            Source::new(
                rule.name(),
                std::fs::read_to_string(&path).expect("fixture"),
            )
        };
        let report = istinad::check(&source, &config_for(rule));
        let expect = expectation(&path);
        let problems = compare(&report, &expect);
        if !problems.is_empty() {
            failures.push(format!("{}:\n  {}", rule.name(), problems.join("\n  ")));
        }
        // The fixture shows the rule flagging something, except where the
        // rule belongs to a later stage (conversions).
        if !rule.code().starts_with('E') {
            assert!(
                expect.finding.iter().any(|f| f.rule == rule.name()),
                "fixture of {} plants no {} finding",
                rule.name(),
                rule.name()
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn concise_output_of_every_rule_fixture() {
    for rule in Rule::ALL {
        let file = fixture_of(rule);
        let mut args = vec!["check", file.as_str(), "--format", "concise"];
        if !rule.enabled_by_default() {
            args.extend(["--enable", rule.name()]);
        }
        let (_, stdout, stderr) = istinad(&args, None);
        assert!(stderr.is_empty(), "{stderr}");
        insta::assert_snapshot!(format!("concise-{}", rule.name()), stdout);
    }
}

#[test]
fn safe_fixes_repair_what_they_report_and_converge() {
    use istinad::fix::{Applicability, apply};
    for name in [
        "malformed-citation",
        "dangling-citation",
        "locator-kind-mismatch",
        "et-al-misuse",
        "year-suffix-mismatch",
    ] {
        let text =
            std::fs::read_to_string(repo(&format!("fixtures/rules/{name}.md"))).expect("fixture");
        let config = Config::default();
        let first = istinad::check(&Source::new(name, text.clone()), &config);
        let (fixed, applied) = apply(
            &text,
            first.diagnostics.iter().filter_map(|d| d.fix.as_ref()),
            &[Applicability::Safe],
        );
        let second = istinad::check(&Source::new(name, fixed.clone()), &config);
        let safe_left: Vec<_> = second
            .diagnostics
            .iter()
            .filter(|d| {
                d.fix
                    .as_ref()
                    .is_some_and(|f| f.applicability == Applicability::Safe)
            })
            .map(|d| d.message.clone())
            .collect();
        assert!(
            safe_left.is_empty(),
            "{name}: after {applied} fixes: {safe_left:?}"
        );
        // Nothing the fixes touched is lost: the same citations, one fewer
        // finding per fix.
        assert_eq!(second.citations.len(), first.citations.len(), "{name}");
        assert_eq!(
            second.diagnostics.len() + applied,
            first.diagnostics.len(),
            "{name}"
        );
        let (again, n) = apply(
            &fixed,
            second.diagnostics.iter().filter_map(|d| d.fix.as_ref()),
            &[Applicability::Safe],
        );
        assert_eq!(
            (again.as_str(), n),
            (fixed.as_str(), 0),
            "{name}: fixes converge"
        );
    }
}

#[test]
fn conversion_rules_report_on_their_fixture() {
    for rule in Rule::ALL.into_iter().filter(|r| r.code().starts_with('E')) {
        let file = format!("fixtures/rules/{}.md", rule.name());
        let (code, stdout, stderr) = istinad(&["convert", &file, "--to", "bibtex"], None);
        assert_eq!(code, 0, "{stderr}");
        assert!(!stdout.is_empty());
        assert!(
            stderr.contains(&format!("info[{}] {}", rule.code(), rule.name())),
            "{}: {stderr}",
            rule.name()
        );
    }
}
