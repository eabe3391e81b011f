//! Shared by the test modules: fixture paths, expectation files, the CLI.

use std::path::{Path, PathBuf};
use std::process::Command;

use istinad::{Diagnostic, Report};

/// A path under the repository.
pub fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The seed article, which lives beside the repository (`../shared/seed`).
/// `None` when this checkout has no `../shared` next to it.
pub fn seed() -> Option<PathBuf> {
    let p = repo("../shared/seed/article.md");
    p.exists().then_some(p)
}

/// One expected finding of a `.expect.toml` file.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    pub rule: String,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub reference: Option<u32>,
    #[serde(default = "one")]
    pub count: usize,
    /// Why the case is there (read by people, not by the test).
    #[serde(default, rename = "note")]
    pub _note: Option<String>,
}

fn one() -> usize {
    1
}

#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citations {
    pub count: usize,
}

/// The findings and citation count a fixture must produce.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    #[serde(default)]
    pub finding: Vec<Finding>,
    pub citations: Citations,
}

/// Reads `X.expect.toml` beside `X.md`/`X.txt`.
pub fn expectation(fixture: &Path) -> Expect {
    let path = fixture.with_extension("expect.toml");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The citation text a finding points into, if its span is inside one.
fn citation_text<'a>(report: &'a Report, d: &Diagnostic) -> Option<&'a str> {
    report
        .citations
        .iter()
        .find(|c| c.span.start <= d.span.start && d.span.end <= c.span.end.max(c.span.start + 1))
        .map(|c| c.text.as_str())
        .or({
            // A finding about a citation the scanner read only in part
            // (unclosed) names the citation in its message.
            None
        })
}

/// Compares a report with an expectation; returns the differences.
pub fn compare(report: &Report, expect: &Expect) -> Vec<String> {
    let mut problems = Vec::new();
    if report.citations.len() != expect.citations.count {
        problems.push(format!(
            "citations: expected {}, found {}: {:?}",
            expect.citations.count,
            report.citations.len(),
            report
                .citations
                .iter()
                .map(|c| c.text.as_str())
                .collect::<Vec<_>>()
        ));
    }
    let mut unmatched: Vec<&Diagnostic> = report.diagnostics.iter().collect();
    for f in &expect.finding {
        let mut found = 0;
        unmatched.retain(|d| {
            let matches = d.name() == f.rule
                && f.reference.is_none_or(|n| d.reference == Some(n))
                && f.text.as_deref().is_none_or(|t| {
                    citation_text(report, d) == Some(t) || d.message.contains(&format!("`{t}`"))
                });
            if matches && found < f.count {
                found += 1;
                false
            } else {
                true
            }
        });
        if found != f.count {
            problems.push(format!("expected {} × {f:?}, found {found}", f.count));
        }
    }
    for d in unmatched {
        problems.push(format!(
            "unexpected {} [{}] (entry {:?}): {}",
            d.name(),
            d.code(),
            d.reference,
            d.message
        ));
    }
    problems
}

/// Runs the built `istinad` binary; returns (exit code, stdout, stderr).
pub fn istinad(args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_istinad"));
    cmd.args(args).current_dir(repo("")).env("NO_COLOR", "1");
    let output = if let Some(input) = stdin {
        use std::io::Write;
        let mut child = cmd
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn istinad");
        // A run refused on its arguments exits without reading its input,
        // and may have exited before the write: a closed pipe is no failure.
        let written = child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input.as_bytes());
        if let Err(e) = written {
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "write stdin: {e}");
        }
        child.wait_with_output().expect("istinad runs")
    } else {
        cmd.output().expect("istinad runs")
    };
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}
