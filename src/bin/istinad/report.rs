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
///
/// Every position comes from an index (miette's `\n`-ended lines here, the
/// source's character count for columns) and every search for a line end is
/// bounded, so a report costs the same wherever its finding is: the human
/// report is linear in findings, even on a 100 MB line (issue 15).
struct Windowed<'a> {
    source: &'a Source,
    /// Byte offsets where `\n`-ended lines start, as miette counts lines.
    lines: Vec<usize>,
    /// Bytes of the text the windowing searched or handed to miette.
    #[cfg(test)]
    read: std::sync::atomic::AtomicUsize,
}

impl<'a> Windowed<'a> {
    fn new(source: &'a Source) -> Self {
        let lines = std::iter::once(0)
            .chain(source.text().match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Windowed {
            source,
            lines,
            #[cfg(test)]
            read: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    /// 0-based line of a byte offset, as miette numbers lines.
    fn line_of(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// Notes bytes of the text read for one report (tests count them).
    fn reading(&self, _bytes: usize) {
        #[cfg(test)]
        self.read
            .fetch_add(_bytes, std::sync::atomic::Ordering::Relaxed);
    }

    /// The end of the line holding `end` (its first `\n` or `\r` from
    /// `end` on), searched no further than `limit`: past it the line is
    /// only known to be longer.
    fn line_end(&self, end: usize, limit: usize) -> usize {
        let text = self.source.text().as_bytes();
        let limit = limit.min(text.len()).max(end);
        self.reading(limit - end);
        text[end..limit]
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .map_or(limit, |i| end + i)
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
        let text = self.source.text();
        let start = span.offset().min(text.len());
        let end = (start + span.len()).min(text.len());
        let line = self.line_of(start);
        let line_start = self.lines[line];
        // Whether the line is short enough to show whole, and where a
        // window on it ends, are known without reading it to its end.
        let line_end = self.line_end(end, (line_start + WIDE + 1).max(end + CONTEXT));
        // In characters, as in the concise format (miette counts bytes).
        let column = self.source.chars_between(line_start, start);
        if line_end - line_start <= WIDE {
            // miette reads a `str` from its start to find the lines; from
            // the first context line on, the work per finding is local and
            // the report linear in findings (issue 12: 20 000 findings took
            // 23 s).
            let first = line.saturating_sub(before);
            let from = self.lines[first];
            self.reading(end - from);
            let local = miette::SourceSpan::from((start - from, end - start));
            let c = text[from..].read_span(&local, before, after)?;
            return Ok(Box::new(MietteSpanContents::new_named(
                self.source.name().to_string(),
                c.data(),
                (c.span().offset() + from, c.span().len()).into(),
                c.line() + first,
                column,
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
        self.reading(we - ws);
        Ok(Box::new(MietteSpanContents::new_named(
            self.source.name().to_string(),
            &text.as_bytes()[ws..we],
            (ws, we - ws).into(),
            self.line_of(ws),
            // miette puts this column in the report's header: make it the
            // span's, in characters, as in the concise format.
            column,
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
        let len = self.source.source.text().len();
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
    render(&Windowed::new(source), diagnostics, color)
}

/// [`human`] written to `out` report by report: the whole report (143 MB
/// for 312 000 findings) is never one string.
pub fn write_human(
    out: &mut dyn std::io::Write,
    source: &Source,
    diagnostics: &[Diagnostic],
    color: bool,
) -> std::io::Result<()> {
    render_each(&Windowed::new(source), diagnostics, color, |one| {
        out.write_all(one.as_bytes())
    })
}

/// [`human`] through a windowed source.
fn render(named: &Windowed, diagnostics: &[Diagnostic], color: bool) -> String {
    let mut out = String::new();
    let written: std::io::Result<()> = render_each(named, diagnostics, color, |one| {
        out.push_str(one);
        Ok(())
    });
    debug_assert!(written.is_ok(), "a string takes every report");
    out
}

/// [`write_human`] of findings taken one by one as they are made, each
/// dropped once drawn (issue 12: a list of 10⁶ entries has 3·10⁵
/// duplicate-reference findings); returns the errors among them (they
/// decide the exit status, even when writing failed) and the summary.
pub fn write_human_each(
    out: &mut dyn std::io::Write,
    source: &Source,
    findings: impl Iterator<Item = Diagnostic>,
    color: bool,
) -> (Vec<Diagnostic>, String, std::io::Result<()>) {
    let mut counts = Counts::default();
    let mut failing = Vec::new();
    let mut findings = findings.inspect(|d| {
        counts.add(d);
        if d.severity == Severity::Error {
            failing.push(d.clone());
        }
    });
    let written = render_each(&Windowed::new(source), findings.by_ref(), color, |one| {
        out.write_all(one.as_bytes())
    });
    // Stopped early: the rest still count.
    findings.for_each(drop);
    (failing, counts.to_string(), written)
}

/// Draws each finding's report and hands it to `sink`, in order.
fn render_each<D: std::borrow::Borrow<Diagnostic>>(
    named: &Windowed,
    diagnostics: impl IntoIterator<Item = D>,
    color: bool,
    mut sink: impl FnMut(&str) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let source = named.source;
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_links(false)
        .with_width(100);
    let mut one = String::new();
    for d in diagnostics {
        let d = d.borrow();
        let shown = Shown {
            diagnostic: d,
            source: named,
        };
        one.clear();
        // What miette drew before a failure stays, as it did when every
        // report went into one string.
        if handler.render_report(&mut one, &shown).is_err() {
            let _ = writeln!(one, "{}", concise_line(source, d));
        }
        sink(&one)?;
    }
    Ok(())
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

/// [`concise`] written to `out` line by line.
pub fn write_concise(
    out: &mut dyn std::io::Write,
    source: &Source,
    diagnostics: &[Diagnostic],
) -> std::io::Result<()> {
    for d in diagnostics {
        writeln!(out, "{}", concise_line(source, d))?;
    }
    Ok(())
}

/// A count of findings by severity: "2 errors, 5 warnings".
pub fn summary<'a>(diagnostics: impl IntoIterator<Item = &'a Diagnostic>) -> String {
    let mut counts = Counts::default();
    for d in diagnostics {
        counts.add(d);
    }
    counts.to_string()
}

/// Findings counted by severity.
#[derive(Default)]
struct Counts {
    errors: usize,
    warnings: usize,
    notes: usize,
}

impl Counts {
    fn add(&mut self, d: &Diagnostic) {
        match d.severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.notes += 1,
        }
    }
}

impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        write!(
            f,
            "{}, {}, {}",
            plural(self.errors, "error"),
            plural(self.warnings, "warning"),
            plural(self.notes, "note")
        )
    }
}

/// The documentation of a rule on the web: its entry in the crate's API
/// documentation, whose `Rule` variants carry each code and summary.
pub fn rule_url(rule: Rule) -> String {
    format!(
        "https://docs.rs/istinad/{}/istinad/rule/enum.Rule.html#variant.{rule:?}",
        env!("CARGO_PKG_VERSION")
    )
}

/// A finding with where it is: the JSON shape plus `path`, `line`,
/// `column`, `end_line`, `end_column` (1-based, columns in characters; the
/// end is the position just past the span) and `url`.
pub struct Located<'a> {
    pub diagnostic: &'a Diagnostic,
    pub source: &'a Source,
}

impl Serialize for Located<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let d = self.diagnostic;
        let (line, column) = self.source.line_col(d.span.start);
        let (end_line, end_column) = self.source.line_col(d.span.end);
        let mut map = serializer.serialize_map(None)?;
        d.serialize_fields(&mut map)?;
        map.serialize_entry("path", self.source.name())?;
        map.serialize_entry("line", &line)?;
        map.serialize_entry("column", &column)?;
        map.serialize_entry("end_line", &end_line)?;
        map.serialize_entry("end_column", &end_column)?;
        map.serialize_entry("url", &rule_url(d.rule))?;
        map.end()
    }
}

/// Findings of one source, each [`Located`].
struct LocatedAll<'a> {
    diagnostics: &'a [Diagnostic],
    source: &'a Source,
}

impl Serialize for LocatedAll<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.diagnostics.iter().map(|diagnostic| Located {
            diagnostic,
            source: self.source,
        }))
    }
}

/// The records of one source, their own findings [`Located`] too.
struct LocatedReferences<'a> {
    references: &'a [Reference],
    source: &'a Source,
}

impl Serialize for LocatedReferences<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.references.iter().map(|reference| LocatedReference {
            reference,
            source: self.source,
        }))
    }
}

/// A record as its derived `Serialize` writes it, with its `diagnostics`
/// [`Located`]: the record's own field order and shape are kept, as no
/// detour through `serde_json::Value` (whose maps sort keys) would.
struct LocatedReference<'a> {
    reference: &'a Reference,
    source: &'a Source,
}

impl Serialize for LocatedReference<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.reference.serialize(Patched {
            inner: serializer,
            diagnostics: LocatedAll {
                diagnostics: &self.reference.diagnostics,
                source: self.source,
            },
        })
    }
}

/// A serializer that passes everything to `inner`, except the struct
/// field `diagnostics`, which it writes as `diagnostics` says.
struct Patched<'a, S> {
    inner: S,
    diagnostics: LocatedAll<'a>,
}

/// The struct of a [`Patched`] serializer.
struct PatchedStruct<'a, T> {
    inner: T,
    diagnostics: LocatedAll<'a>,
}

impl<T: serde::ser::SerializeStruct> serde::ser::SerializeStruct for PatchedStruct<'_, T> {
    type Ok = T::Ok;
    type Error = T::Error;

    fn serialize_field<V: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &V,
    ) -> Result<(), Self::Error> {
        if key == "diagnostics" {
            self.inner.serialize_field(key, &self.diagnostics)
        } else {
            self.inner.serialize_field(key, value)
        }
    }

    fn skip_field(&mut self, key: &'static str) -> Result<(), Self::Error> {
        self.inner.skip_field(key)
    }

    fn end(self) -> Result<Self::Ok, Self::Error> {
        self.inner.end()
    }
}

/// Forwards serializer methods that take `self` and plain arguments.
macro_rules! forward {
    ($($method:ident($($arg:ident: $ty:ty),*) -> $out:ty;)*) => {
        $(fn $method(self, $($arg: $ty),*) -> Result<$out, Self::Error> {
            self.inner.$method($($arg),*)
        })*
    };
}

impl<'a, S: serde::Serializer> serde::Serializer for Patched<'a, S> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = S::SerializeSeq;
    type SerializeTuple = S::SerializeTuple;
    type SerializeTupleStruct = S::SerializeTupleStruct;
    type SerializeTupleVariant = S::SerializeTupleVariant;
    type SerializeMap = S::SerializeMap;
    type SerializeStruct = PatchedStruct<'a, S::SerializeStruct>;
    type SerializeStructVariant = S::SerializeStructVariant;

    forward! {
        serialize_bool(v: bool) -> S::Ok;
        serialize_i8(v: i8) -> S::Ok;
        serialize_i16(v: i16) -> S::Ok;
        serialize_i32(v: i32) -> S::Ok;
        serialize_i64(v: i64) -> S::Ok;
        serialize_u8(v: u8) -> S::Ok;
        serialize_u16(v: u16) -> S::Ok;
        serialize_u32(v: u32) -> S::Ok;
        serialize_u64(v: u64) -> S::Ok;
        serialize_f32(v: f32) -> S::Ok;
        serialize_f64(v: f64) -> S::Ok;
        serialize_char(v: char) -> S::Ok;
        serialize_str(v: &str) -> S::Ok;
        serialize_bytes(v: &[u8]) -> S::Ok;
        serialize_none() -> S::Ok;
        serialize_unit() -> S::Ok;
        serialize_unit_struct(name: &'static str) -> S::Ok;
        serialize_unit_variant(name: &'static str, index: u32, variant: &'static str) -> S::Ok;
        serialize_seq(len: Option<usize>) -> S::SerializeSeq;
        serialize_tuple(len: usize) -> S::SerializeTuple;
        serialize_tuple_struct(name: &'static str, len: usize) -> S::SerializeTupleStruct;
        serialize_tuple_variant(name: &'static str, index: u32, variant: &'static str, len: usize) -> S::SerializeTupleVariant;
        serialize_map(len: Option<usize>) -> S::SerializeMap;
        serialize_struct_variant(name: &'static str, index: u32, variant: &'static str, len: usize) -> S::SerializeStructVariant;
    }

    fn serialize_some<V: ?Sized + Serialize>(self, value: &V) -> Result<S::Ok, S::Error> {
        self.inner.serialize_some(value)
    }

    fn serialize_newtype_struct<V: ?Sized + Serialize>(
        self,
        name: &'static str,
        value: &V,
    ) -> Result<S::Ok, S::Error> {
        self.inner.serialize_newtype_struct(name, value)
    }

    fn serialize_newtype_variant<V: ?Sized + Serialize>(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        value: &V,
    ) -> Result<S::Ok, S::Error> {
        self.inner
            .serialize_newtype_variant(name, index, variant, value)
    }

    fn serialize_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStruct, S::Error> {
        Ok(PatchedStruct {
            inner: self.inner.serialize_struct(name, len)?,
            diagnostics: self.diagnostics,
        })
    }
}

/// One input's records, citations (`check` only) and findings.
#[derive(Serialize)]
pub struct FileJson<'a> {
    /// Present when the run names each file (several inputs).
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
    /// How the manuscript cites (`check` only): `numbered` or `author-date`.
    #[serde(skip_serializing_if = "Option::is_none")]
    style: Option<istinad::model::CitationStyle>,
    references: LocatedReferences<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    citations: Option<&'a [Citation]>,
    diagnostics: LocatedAll<'a>,
}

impl<'a> FileJson<'a> {
    /// The JSON of one input; `named` adds its `path` (a run over many).
    pub fn new(
        source: &'a Source,
        references: &'a [Reference],
        citations: Option<&'a [Citation]>,
        diagnostics: &'a [Diagnostic],
        named: bool,
    ) -> Self {
        FileJson {
            path: named.then(|| source.name()),
            style: None,
            references: LocatedReferences { references, source },
            citations,
            diagnostics: LocatedAll {
                diagnostics,
                source,
            },
        }
    }
}

impl FileJson<'_> {
    /// Names the manuscript's citation style (`check`).
    pub fn with_style(mut self, style: istinad::model::CitationStyle) -> Self {
        self.style = Some(style);
        self
    }
}

/// A run over several inputs: `{"files": [...]}`.
#[derive(Serialize)]
struct ManyJson<'a> {
    files: &'a [FileJson<'a>],
}

/// `--format json` (and `refs --format yaml`) of a run: one input's
/// object as before issue 13, or `{"files": […]}` over several, written as
/// it is made (issue 12, bounded memory).
pub fn write_json(
    mut out: impl std::io::Write,
    files: &[FileJson],
    many: bool,
) -> std::io::Result<()> {
    match files {
        [one] if !many => serde_json::to_writer_pretty(&mut out, one)?,
        _ => serde_json::to_writer_pretty(&mut out, &ManyJson { files })?,
    }
    out.write_all(b"\n")
}

/// `refs --format json` of one input read entry by entry: each record is
/// written as it is read and dropped, then the findings of the list (issue
/// 12, bounded memory), each written as it is made and dropped; the same
/// bytes as [`write_json`] of one input. Returns the errors among the
/// findings (the whole list's, even when writing failed: they decide the
/// exit status, as `refs` denies no warnings) and how the writing went.
pub fn write_json_streamed(
    mut out: impl std::io::Write,
    source: &Source,
    stream: istinad::ReferenceStream,
) -> (Vec<Diagnostic>, std::io::Result<()>) {
    let list = StreamedJson {
        source,
        stream: std::cell::RefCell::new(Some(stream)),
        failing: std::cell::RefCell::new(Vec::new()),
    };
    let written = serde_json::to_writer_pretty(&mut out, &list)
        .map_err(std::io::Error::from)
        .and_then(|()| out.write_all(b"\n"));
    if let Some(stream) = list.stream.take() {
        // Stopped before the findings: they still decide the exit status.
        let (_, findings) = stream.into_findings();
        return (findings.filter(fails).collect(), written);
    }
    (list.failing.into_inner(), written)
}

/// Whether a finding decides the exit status of `refs` (an error).
fn fails(d: &Diagnostic) -> bool {
    d.severity == istinad::diagnostic::Severity::Error
}

/// A [`FileJson`] of `refs` whose records come from a stream: `references`
/// takes them one by one, `diagnostics` then the findings one by one; what
/// is kept of them is the errors, which decide the exit status.
struct StreamedJson<'a, 's> {
    source: &'a Source,
    stream: std::cell::RefCell<Option<istinad::ReferenceStream<'s>>>,
    failing: std::cell::RefCell<Vec<Diagnostic>>,
}

impl Serialize for StreamedJson<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeStruct};
        let mut file = serializer.serialize_struct("FileJson", 2)?;
        {
            let mut stream = self.stream.borrow_mut();
            let stream = stream
                .as_mut()
                .ok_or_else(|| S::Error::custom("the list was written"))?;
            file.serialize_field(
                "references",
                &Records(std::cell::RefCell::new((stream, self.source))),
            )?;
        }
        let stream = self
            .stream
            .borrow_mut()
            .take()
            .ok_or_else(|| S::Error::custom("the list was written"))?;
        let (_, findings) = stream.into_findings();
        file.serialize_field(
            "diagnostics",
            &StreamedFindings {
                findings: std::cell::RefCell::new(Some(findings)),
                failing: &self.failing,
                source: self.source,
            },
        )?;
        file.end()
    }
}

/// The findings of a stream, each [`Located`], written as they are made;
/// the failing ones kept.
struct StreamedFindings<'a, 's> {
    findings: std::cell::RefCell<Option<Box<dyn Iterator<Item = Diagnostic> + 's>>>,
    failing: &'a std::cell::RefCell<Vec<Diagnostic>>,
    source: &'a Source,
}

impl Serialize for StreamedFindings<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::Error;
        let findings = self
            .findings
            .borrow_mut()
            .take()
            .ok_or_else(|| S::Error::custom("the findings were written"))?;
        let mut failing = self.failing.borrow_mut();
        serializer.collect_seq(findings.map(|diagnostic| {
            if fails(&diagnostic) {
                failing.push(diagnostic.clone());
            }
            OwnedLocated {
                diagnostic,
                source: self.source,
            }
        }))
    }
}

/// A [`Located`] that owns its finding (dropped once written).
struct OwnedLocated<'a> {
    diagnostic: Diagnostic,
    source: &'a Source,
}

impl Serialize for OwnedLocated<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Located {
            diagnostic: &self.diagnostic,
            source: self.source,
        }
        .serialize(serializer)
    }
}

/// The records of a stream, each [`LocatedReference`], taken as they are
/// written.
struct Records<'r, 'a, 's>(std::cell::RefCell<(&'r mut istinad::ReferenceStream<'s>, &'a Source)>);

impl Serialize for Records<'_, '_, '_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut held = self.0.borrow_mut();
        let (stream, source) = &mut *held;
        let source = *source;
        serializer.collect_seq(stream.map(|reference| OwnedReference { reference, source }))
    }
}

/// A [`LocatedReference`] that owns its record (dropped once written).
struct OwnedReference<'a> {
    reference: Reference,
    source: &'a Source,
}

impl Serialize for OwnedReference<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        LocatedReference {
            reference: &self.reference,
            source: self.source,
        }
        .serialize(serializer)
    }
}

/// `refs --format yaml`: the JSON shape as YAML.
pub fn yaml(files: &[FileJson], many: bool) -> Result<String, String> {
    match files {
        [one] if !many => serde_yaml_ng::to_string(one),
        _ => serde_yaml_ng::to_string(&ManyJson { files }),
    }
    .map_err(|e| e.to_string())
}

/// `check --format json-lines`: one finding per line.
pub fn write_json_lines(
    mut out: impl std::io::Write,
    source: &Source,
    diagnostics: &[Diagnostic],
) -> std::io::Result<()> {
    for diagnostic in diagnostics {
        serde_json::to_writer(&mut out, &Located { diagnostic, source })?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// `check --format github`: a workflow command per finding, which GitHub
/// Actions shows as an annotation on the line (`::warning file=…::…`).
pub fn github(source: &Source, diagnostics: &[Diagnostic]) -> String {
    // Workflow command escaping (actions/toolkit, `command.ts`): data
    // escapes `%`, CR and LF; property values also `:` and `,`.
    fn data(s: &str) -> String {
        s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    }
    fn property(s: &str) -> String {
        data(s).replace(':', "%3A").replace(',', "%2C")
    }
    let mut out = String::new();
    for d in diagnostics {
        let (line, col) = source.line_col(d.span.start);
        let (end_line, end_col) = source.line_col(d.span.end);
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let _ = writeln!(
            out,
            "::{level} title={},file={},line={line},col={col},endLine={end_line},endColumn={end_col}::{}",
            property(&format!("istinad ({} {})", d.code(), d.name())),
            property(source.name()),
            data(&format!(
                "{}:{line}:{col}: {} {}",
                source.name(),
                d.code(),
                d.message
            ))
        );
    }
    out
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

/// `check --format json` of one input whose citations are written window
/// by window as they are scanned (issue 12, bounded memory): the same
/// bytes as [`write_json`] of its [`FileJson`]. Returns the findings (they
/// decide the exit status) and how the writing went.
pub fn write_check_json_streamed(
    mut out: impl std::io::Write,
    source: &Source,
    checking: &istinad::Checking,
) -> (Vec<Diagnostic>, std::io::Result<()>) {
    let file = StreamedCheck {
        source,
        checking,
        windows: std::cell::RefCell::new(Some(checking.citations())),
        findings: std::cell::RefCell::new(Vec::new()),
    };
    let written = serde_json::to_writer_pretty(&mut out, &file)
        .map_err(std::io::Error::from)
        .and_then(|()| out.write_all(b"\n"));
    if let Some(windows) = file.windows.take() {
        // Stopped before the findings: they still decide the exit status.
        return (windows.finish().0, written);
    }
    (file.findings.into_inner(), written)
}

/// A [`FileJson`] of `check` whose citations come window by window:
/// `citations` takes them, `diagnostics` then the findings.
struct StreamedCheck<'a, 'c> {
    source: &'a Source,
    checking: &'c istinad::Checking<'c>,
    windows: std::cell::RefCell<Option<istinad::Windows<'c>>>,
    findings: std::cell::RefCell<Vec<Diagnostic>>,
}

impl Serialize for StreamedCheck<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeStruct};
        let gone = || S::Error::custom("the citations were written");
        let style = self.windows.borrow().as_ref().ok_or_else(gone)?.style();
        let mut file = serializer.serialize_struct("FileJson", 4)?;
        file.serialize_field("style", &style)?;
        file.serialize_field(
            "references",
            &LocatedReferences {
                references: self.checking.references(),
                source: self.source,
            },
        )?;
        file.serialize_field("citations", &WindowCitations(&self.windows))?;
        let windows = self.windows.borrow_mut().take().ok_or_else(gone)?;
        let (findings, _) = windows.finish();
        file.serialize_field(
            "diagnostics",
            &LocatedAll {
                diagnostics: &findings,
                source: self.source,
            },
        )?;
        *self.findings.borrow_mut() = findings;
        file.end()
    }
}

/// The citations of a check, taken window by window as they are written.
struct WindowCitations<'w, 'c>(&'w std::cell::RefCell<Option<istinad::Windows<'c>>>);

impl Serialize for WindowCitations<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeSeq};
        let mut held = self.0.borrow_mut();
        let windows = held
            .as_mut()
            .ok_or_else(|| S::Error::custom("the citations were written"))?;
        let mut seq = serializer.serialize_seq(None)?;
        for window in windows {
            for citation in &window {
                seq.serialize_element(citation)?;
            }
        }
        seq.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn human_report_on_a_long_line_reads_a_window_per_finding() {
        // 2 000 dangling citations on one 60 KB line: each report used to
        // search back to the line's start and count its characters from
        // there (quadratic: 20 000 findings took 23 s, issue 12).
        let sentence = "Bu barədə yazılıb [2, s. 3]. ";
        let text = sentence.repeat(2_000)
            + "\n\n## ƏDƏBİYYAT\n\n1. Mahmudov Y. Azərbaycan tarixi. Bakı: Elm, 2005. 300 s.\n";
        let source = Source::new("long.md", text.as_str());
        let report = istinad::check(&source, &istinad::Config::default());
        let dangling: Vec<&Diagnostic> = report
            .diagnostics
            .iter()
            .filter(|d| d.name() == "dangling-citation")
            .collect();
        assert_eq!(dangling.len(), 2_000);
        let named = Windowed::new(&source);
        let out = render(&named, &report.diagnostics, false);
        let read = named.read.load(std::sync::atomic::Ordering::Relaxed);
        let bound = report.diagnostics.len() * 4 * (WIDE + 2 * CONTEXT);
        assert!(
            read <= bound,
            "{read} bytes read for {} findings",
            report.diagnostics.len()
        );
        // Each header names the span's column in characters, far into the line.
        let last = dangling[1_999];
        let column = text[..last.span.start].chars().count() + 1;
        assert!(out.contains(&format!("[long.md:1:{column}]")), "{column}");
        // The same bytes whether a finding is reported alone or among many.
        let alone = human(&source, std::slice::from_ref(last), false);
        assert!(out.contains(&alone));
    }

    /// Issue 12: the human and concise reports reach the output finding by
    /// finding, never as one string of all of them (143 MB for the 10 MB
    /// cited line). Counted in the writes the writer sees.
    #[test]
    fn reports_are_written_finding_by_finding() {
        /// Every write, as it came.
        struct Writes(Vec<Vec<u8>>);
        impl std::io::Write for Writes {
            fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
                self.0.push(buf.to_vec());
                Ok(buf.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let text = "Yazılıb [2, s. 3], [3, s. 4] və [4].\n\n## ƏDƏBİYYAT\n\n\
                    1. Mahmudov Y. Azərbaycan tarixi. Bakı: Elm, 2005. 300 s.\n";
        let source = Source::new("m.md", text);
        let diagnostics = istinad::check(&source, &istinad::Config::default()).diagnostics;
        assert!(diagnostics.len() >= 4, "{diagnostics:?}");
        let mut human_writes = Writes(Vec::new());
        write_human(&mut human_writes, &source, &diagnostics, false).expect("written");
        assert_eq!(human_writes.0.len(), diagnostics.len());
        assert_eq!(
            human_writes.0.concat(),
            human(&source, &diagnostics, false).into_bytes()
        );
        let mut concise_writes = Writes(Vec::new());
        write_concise(&mut concise_writes, &source, &diagnostics).expect("written");
        assert!(concise_writes.0.len() >= diagnostics.len());
        assert_eq!(
            concise_writes.0.concat(),
            concise(&source, &diagnostics).into_bytes()
        );
    }
}
