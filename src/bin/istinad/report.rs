//! CLI: printers — one per output format (human via miette, concise, JSON, YAML).

use std::fmt::Write as _;

use istinad::diagnostic::{Diagnostic, Severity};
use istinad::model::Reference;
use istinad::{Citation, Source};
use istinad::{Level, Rule};
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteSpanContents, SourceCode};
use serde::Serialize;

/// The source as miette sees it: a paragraph-long line is cut to a window
/// around the span, so a report shows the citation and its neighbourhood,
/// not a whole paragraph.
struct Windowed<'a> {
    name: &'a str,
    text: &'a str,
    /// Byte offsets where `\n`-ended lines start, as miette counts lines.
    lines: Vec<usize>,
}

impl Windowed<'_> {
    /// 0-based line of a byte offset, as miette numbers lines.
    fn line_of(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }
}

/// Widest line shown whole, in bytes; wider lines are windowed.
const WIDE: usize = 160;
/// Bytes of context on each side of a span in a windowed line.
const CONTEXT: usize = 60;

impl SourceCode for Windowed<'_> {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let text = self.text;
        let start = span.offset().min(text.len());
        let end = (start + span.len()).min(text.len());
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[end..]
            .find(['\n', '\r'])
            .map_or(text.len(), |i| end + i);
        if line_end - line_start <= WIDE {
            // miette reads a `str` from its start to find the lines; from
            // the first context line on, the work per finding is local and
            // the report linear in findings (issue 12: 20 000 findings took
            // 23 s).
            let mut from = line_start;
            for _ in 0..before {
                if from == 0 {
                    break;
                }
                let head = text[..from].strip_suffix('\n').unwrap_or(&text[..from]);
                let head = head.strip_suffix('\r').unwrap_or(head);
                from = head.rfind('\n').map_or(0, |i| i + 1);
            }
            let local = miette::SourceSpan::from((start - from, end - start));
            let c = text[from..].read_span(&local, before, after)?;
            return Ok(Box::new(MietteSpanContents::new_named(
                self.name.to_string(),
                c.data(),
                (c.span().offset() + from, c.span().len()).into(),
                c.line() + self.line_of(from),
                // In characters, as in the concise format (miette counts bytes).
                text[line_start..start].chars().count(),
                c.line_count(),
            )));
        }
        let mut ws = start.saturating_sub(CONTEXT).max(line_start);
        while !text.is_char_boundary(ws) {
            ws += 1;
        }
        let mut we = (end + CONTEXT).min(line_end);
        while !text.is_char_boundary(we) {
            we -= 1;
        }
        let line = self.line_of(ws);
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
            &text.as_bytes()[ws..we],
            (ws, we - ws).into(),
            line,
            // miette puts this column in the report's header: make it the
            // span's, in characters, as in the concise format.
            text[line_start..start].chars().count(),
            1,
        )))
    }
}

/// A finding shown through miette, with the source it points into.
struct Shown<'a> {
    diagnostic: &'a Diagnostic,
    source: &'a Windowed<'a>,
}

impl std::fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl std::fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl std::error::Error for Shown<'_> {}

/// A span miette can draw: a zero-length span at the end of the text is
/// widened onto the last character (miette draws no label there).
fn drawable(span: &std::ops::Range<usize>, len: usize) -> (usize, usize) {
    let start = span.start.min(len);
    let end = span.end.min(len).max(start);
    if start == end && start == len && len > 0 {
        (start - 1, 1)
    } else {
        (start, end - start)
    }
}

impl miette::Diagnostic for Shown<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn std::fmt::Display + 'b>> {
        Some(Box::new(format!(
            "{}[{}]",
            self.diagnostic.name(),
            self.diagnostic.code()
        )))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn std::fmt::Display + 'b>> {
        let d = self.diagnostic;
        let mut help = d.help.clone().unwrap_or_default();
        // In a .docx or .odt the paragraph is what the user can find.
        if let Some(p) = &d.paragraph {
            if !help.is_empty() {
                help.push('\n');
            }
            let _ = write!(
                help,
                "in paragraph {} of the document: “{}…”",
                p.number, p.text
            );
        }
        if let Some(fix) = &d.fix {
            if !help.is_empty() {
                help.push('\n');
            }
            let safety = match fix.applicability {
                istinad::fix::Applicability::Safe => "safe fix",
                istinad::fix::Applicability::Unsafe => "unsafe fix",
                istinad::fix::Applicability::DisplayOnly => "suggestion",
            };
            let _ = write!(help, "{safety}: {}", fix.message);
        }
        (!help.is_empty()).then(|| Box::new(help) as Box<dyn std::fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let d = self.diagnostic;
        let len = self.source.text.len();
        let (s, l) = drawable(&d.span, len);
        let primary = LabeledSpan::new_primary_with_span(Some(short_label(d)), (s, l));
        let more = d.labels.iter().map(move |label| {
            let (s, l) = drawable(&label.span, len);
            LabeledSpan::new_with_span(Some(label.message.clone()), (s, l))
        });
        Some(Box::new(std::iter::once(primary).chain(more)))
    }
}

/// The label under the primary span: the rule's name, or the fix.
fn short_label(d: &Diagnostic) -> String {
    match &d.fix {
        Some(fix) => fix.message.clone(),
        None => d.rule.name().replace('-', " "),
    }
}

/// Renders findings as rustc-like reports.
pub fn human(source: &Source, diagnostics: &[Diagnostic], color: bool) -> String {
    let text = source.text();
    let lines = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let named = Windowed {
        name: source.name(),
        text,
        lines,
    };
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_links(false)
        .with_width(100);
    let mut out = String::new();
    for d in diagnostics {
        let shown = Shown {
            diagnostic: d,
            source: &named,
        };
        if handler.render_report(&mut out, &shown).is_err() {
            let _ = writeln!(out, "{}", concise_line(source, d));
        }
    }
    out
}

fn concise_line(source: &Source, d: &Diagnostic) -> String {
    let (line, col) = source.line_col(d.span.start);
    // In a .docx or .odt the paragraph is what the user can find.
    let paragraph = d
        .paragraph
        .as_ref()
        .map(|p| format!(" (para {} “{}…”)", p.number, p.text))
        .unwrap_or_default();
    format!(
        "{}:{line}:{col}{paragraph}: {}[{}] {}: {}",
        source.name(),
        d.severity.as_str(),
        d.code(),
        d.name(),
        d.message
    )
}

/// One line per finding: `file:line:col: severity[code] name: message`.
pub fn concise(source: &Source, diagnostics: &[Diagnostic]) -> String {
    diagnostics
        .iter()
        .map(|d| concise_line(source, d) + "\n")
        .collect()
}

/// A count of findings by severity: "2 errors, 5 warnings".
pub fn summary(diagnostics: &[Diagnostic]) -> String {
    let count = |s| diagnostics.iter().filter(|d| d.severity == s).count();
    let (e, w, i) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}, {}, {}",
        plural(e, "error"),
        plural(w, "warning"),
        plural(i, "note")
    )
}

#[derive(Serialize)]
struct RefsJson<'a> {
    references: &'a [Reference],
    diagnostics: &'a [Diagnostic],
}

#[derive(Serialize)]
struct CheckJson<'a> {
    /// How the manuscript cites: `numbered` or `author-date`.
    style: istinad::model::CitationStyle,
    references: &'a [Reference],
    citations: &'a [Citation],
    diagnostics: &'a [Diagnostic],
}

/// `istinad refs --format yaml`.
pub fn refs_yaml(references: &[Reference], diagnostics: &[Diagnostic]) -> Result<String, String> {
    serde_yaml_ng::to_string(&RefsJson {
        references,
        diagnostics,
    })
    .map_err(|e| e.to_string())
}

/// `istinad refs --format json`, written as it is made: the records are
/// not held a second time as one string (issue 12, bounded memory).
pub fn write_refs_json(
    mut out: impl std::io::Write,
    references: &[Reference],
    diagnostics: &[Diagnostic],
) -> std::io::Result<()> {
    serde_json::to_writer_pretty(
        &mut out,
        &RefsJson {
            references,
            diagnostics,
        },
    )?;
    out.write_all(b"\n")
}

/// `istinad check --format json`, written as it is made.
pub fn write_check_json(
    mut out: impl std::io::Write,
    style: istinad::model::CitationStyle,
    references: &[Reference],
    citations: &[Citation],
    diagnostics: &[Diagnostic],
) -> std::io::Result<()> {
    serde_json::to_writer_pretty(
        &mut out,
        &CheckJson {
            style,
            references,
            citations,
            diagnostics,
        },
    )?;
    out.write_all(b"\n")
}

/// `istinad check --format json`.
pub fn check_json(
    style: istinad::model::CitationStyle,
    references: &[Reference],
    citations: &[Citation],
    diagnostics: &[Diagnostic],
) -> Result<String, String> {
    serde_json::to_string_pretty(&CheckJson {
        style,
        references,
        citations,
        diagnostics,
    })
    .map(|s| s + "\n")
    .map_err(|e| e.to_string())
}

/// One line per entry for `istinad refs`: number, kind, language and the
/// fields a reader looks for first.
pub fn refs_table(references: &[Reference]) -> String {
    let mut out = String::new();
    for r in references {
        let mut parts: Vec<String> = Vec::new();
        if let Some(a) = &r.archive {
            let mut s = a.name.clone().unwrap_or_default();
            for (label, value) in [
                ("fond", &a.fond),
                ("inventory", &a.inventory),
                ("file", &a.file),
                ("item", &a.item),
                ("box", &a.box_),
                ("leaves", &a.leaves),
            ] {
                if let Some(v) = value {
                    let _ = write!(s, " {label} {v}");
                }
            }
            parts.push(s.trim().to_string());
        }
        let names: Vec<String> = r
            .authors
            .iter()
            .map(|p| match &p.given {
                Some(g) => format!("{}, {g}", p.family),
                None => p.family.clone(),
            })
            .collect();
        if !names.is_empty() {
            parts.push(names.join("; "));
        }
        if let Some(t) = &r.title {
            parts.push(match &r.subtitle {
                Some(s) => format!("{t}: {s}"),
                None => t.clone(),
            });
        }
        if let Some(c) = &r.container {
            parts.push(format!("in {c}"));
        }
        let imprint: Vec<&str> = [r.place.as_deref(), r.publisher.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if !imprint.is_empty() {
            parts.push(imprint.join(": "));
        }
        if let Some(y) = r.year {
            parts.push(match r.original_year {
                Some(o) => format!(
                    "{y} ({} {})",
                    o.year,
                    if o.calendar.as_str() == "solar-hijri" {
                        "SH"
                    } else {
                        "AH"
                    }
                ),
                None => y.to_string(),
            });
        }
        if let Some(v) = &r.volume {
            parts.push(format!("vol. {v}"));
        }
        if let Some(u) = &r.url {
            parts.push(u.clone());
        }
        let marks: Vec<&str> = r.diagnostics.iter().map(|d| d.name()).collect();
        let _ = write!(
            out,
            "{:>4}  {:<9} {:<3} {}",
            r.number,
            r.kind.as_str(),
            r.language.map_or("", |l| l.code()),
            parts.join(" · ").replace('\n', " ")
        );
        if !marks.is_empty() {
            let _ = write!(out, "  [{}]", marks.join(", "));
        }
        out.push('\n');
    }
    out
}

/// `istinad rules`: every rule with its code, default level and summary.
pub fn rules_table() -> String {
    let mut out = String::new();
    for rule in Rule::ALL {
        let _ = writeln!(
            out,
            "{}  {:<30} {:<8} {}",
            rule.code(),
            rule.name(),
            rule.default_level().as_str(),
            istinad::check::docs(rule).summary
        );
    }
    out
}

#[derive(Serialize)]
struct RuleJson {
    code: &'static str,
    name: &'static str,
    default: &'static str,
    summary: &'static str,
    why: &'static str,
    example: &'static str,
    fix: &'static str,
}

/// `istinad rules --format json`.
pub fn rules_json() -> Result<String, String> {
    let rules: Vec<RuleJson> = Rule::ALL
        .into_iter()
        .map(|r| {
            let d = istinad::check::docs(r);
            RuleJson {
                code: r.code(),
                name: r.name(),
                default: r.default_level().as_str(),
                summary: d.summary,
                why: d.why,
                example: d.example,
                fix: d.fix,
            }
        })
        .collect();
    serde_json::to_string_pretty(&rules)
        .map(|s| s + "\n")
        .map_err(|e| e.to_string())
}

/// `istinad rule NAME`.
pub fn rule_doc(rule: Rule) -> String {
    let d = istinad::check::docs(rule);
    let level = match rule.default_level() {
        Level::Off => "off by default",
        on => on.as_str(),
    };
    format!(
        "{} {} ({level})\n\n{}\n\nWhy: {}\n\nExample: {}\n\nFix: {}\n",
        rule.code(),
        rule.name(),
        d.summary,
        d.why,
        d.example,
        d.fix
    )
}
