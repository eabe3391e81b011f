//! istinad reads the numbered reference lists of historians' manuscripts —
//! Azerbaijani, Russian, Persian, Turkish and English, archival files beside
//! books — checks the in-text citations against them, and converts them to
//! the formats scholars' tools use.
//!
//! # Pipeline
//!
//! ```text
//! bytes ──input──▶ Source ──split──▶ Document { body, list entries }
//!                                        │            │
//!                                       cite        parse (nom)
//!                                        ▼            ▼
//!                                   Citations    References ──emit──▶ BibTeX, CSL-JSON, YAML, RIS, text
//!                                        └────check───┘
//!                                             ▼
//!                                        Diagnostics (rule code, span, fix)
//! ```
//!
//! | stage  | module        | does                                                    |
//! |--------|---------------|---------------------------------------------------------|
//! | input  | [`input`]     | text, Markdown, .docx → [`Source`] (with a reference manager's items and fields, [`managed`]) |
//! | split  | [`split`]     | finds the list by its heading, splits its entries      |
//! | parse  | [`parse`]     | one entry → one [`model::Reference`]                    |
//! | cite   | [`cite`]      | the body's citations, numbered or author–date → [`model::Citation`] |
//! | check  | [`mod@check`] | rules with stable codes → [`Diagnostic`]s               |
//! | emit   | `emit`        | conversions of the model                                |
//!
//! Below the stages, [`rule`] declares every rule once (code, name, default
//! level); `docs/architecture.md` gives each module's job in one page.
//!
//! The library never prints and never fails on a bad manuscript: problems are
//! [`Diagnostic`]s, and [`Error`] means the run could not happen.
//!
//! # Example
//!
//! ```
//! use istinad::{Config, Source};
//!
//! let text = "Bu barədə yazılıb (1, s. 5).\n\n## ƏDƏBİYYAT\n\n\
//!             1. Həsənli Cəmil. (2012) Sovet dövründə Azərbaycanın xarici siyasəti. Bakı\n\
//!             2. ARDA: f. 28. siy. 1. iş 72\n";
//! let report = istinad::check(&Source::new("example.md", text), &Config::default());
//! assert_eq!(report.references.len(), 2);
//! assert_eq!(report.references[0].authors[0].family, "Həsənli");
//! assert_eq!(report.citations.len(), 1);
//! // Entry 2 is never cited.
//! assert_eq!(report.diagnostics[0].name(), "uncited-reference");
//! ```

pub mod check;
pub mod cite;
pub mod config;
pub mod diagnostic;
pub mod emit;
pub mod error;
pub mod fix;
pub mod input;
pub mod managed;
pub mod model;
mod parallel;
pub mod parse;
pub mod rule;
pub mod script;
pub mod source;
pub mod split;
pub mod vocab;

pub use config::Config;
pub use diagnostic::Diagnostic;
pub use error::Error;
pub use model::{Citation, Reference};
pub use rule::{Level, Rule, Severity};
pub use source::{Source, Span};
pub use split::Document;
pub use vocab::Vocabulary;

/// A reference list read from a source.
#[derive(Debug, Clone)]
pub struct References {
    /// The document's parts.
    pub document: Document,
    /// The list's entries as records.
    pub references: Vec<Reference>,
    /// Every finding: the document's, and each entry's.
    pub diagnostics: Vec<Diagnostic>,
}

/// A manuscript checked: its list, its citations and every finding.
#[derive(Debug, Clone)]
pub struct Report {
    /// The document's parts.
    pub document: Document,
    /// The list's entries as records.
    pub references: Vec<Reference>,
    /// The body's citations, in order.
    pub citations: Vec<Citation>,
    /// How the document cites: by number or by author and year.
    pub style: model::CitationStyle,
    /// Every finding, in order of position.
    pub diagnostics: Vec<Diagnostic>,
}

/// Finds and parses the reference list of `source` and runs the rules over
/// the list alone (structure, entries, numbering, duplicates).
pub fn read_references(source: &Source, config: &Config) -> References {
    let mut stream = stream_references(source, config);
    let references = stream.by_ref().collect();
    let (document, diagnostics) = stream.finish();
    References {
        document,
        references,
        diagnostics,
    }
}

/// Finds the reference list of `source` and reads it entry by entry: each
/// record comes parsed and checked by the rules about one entry, and
/// [`ReferenceStream::finish`] gives the findings of the whole list, as
/// [`read_references`] gives them. A caller that writes each record as it
/// comes and drops it holds the list's text and a few dozen bytes an entry,
/// never the records (issue 12: bounded memory). A document a reference
/// manager wrote, or one with suppression comments, is read whole first
/// (its items and comments are tied to the list as a whole).
pub fn stream_references<'a>(source: &'a Source, config: &'a Config) -> ReferenceStream<'a> {
    if read_whole_first(source) {
        let References {
            document,
            references,
            diagnostics,
        } = read_whole(source, config);
        return ReferenceStream {
            source,
            config,
            document,
            read: Read::Whole {
                references: references.into_iter(),
                diagnostics,
            },
        };
    }
    let document = split::split(source, &config.vocabulary);
    let read = Read::Entries {
        reader: parse::ListReader::new(source.text(), &document, &config.vocabulary),
        rules: check::ListRules::new(&document, &config.rules, &config.vocabulary),
        next: 0,
        ahead: std::collections::VecDeque::new(),
    };
    ReferenceStream {
        source,
        config,
        document,
        read,
    }
}

/// Whether the list of `source` is read whole before its records are
/// given: a reference manager's items and fields, and suppression
/// comments, are tied to the list as a whole.
fn read_whole_first(source: &Source) -> bool {
    !source.managed().is_empty() || !check::suppressions(source.text()).is_empty()
}

/// A reference list read entry by entry ([`stream_references`]): an
/// iterator of its records, in list order.
pub struct ReferenceStream<'a> {
    source: &'a Source,
    config: &'a Config,
    document: Document,
    read: Read<'a>,
}

/// How many entries a [`ReferenceStream`] reads ahead: enough to share
/// among the cores, few enough that memory holds no more than a batch.
const BATCH: usize = 1024;

/// How a [`ReferenceStream`] reads (one value a stream: the size of a
/// variant is of no account).
#[allow(clippy::large_enum_variant)]
enum Read<'a> {
    /// Entry by entry: the parser's and the rules' state, the next entry.
    Entries {
        reader: parse::ListReader,
        rules: check::ListRules<'a>,
        next: usize,
        /// Entries read and checked ahead, a batch at a time.
        ahead: std::collections::VecDeque<Reference>,
    },
    /// Read whole first: the records left, and every finding.
    Whole {
        references: std::vec::IntoIter<Reference>,
        diagnostics: Vec<Diagnostic>,
    },
}

impl Iterator for ReferenceStream<'_> {
    type Item = Reference;

    fn next(&mut self) -> Option<Reference> {
        match &mut self.read {
            Read::Whole { references, .. } => references.next(),
            Read::Entries {
                reader,
                rules,
                next,
                ahead,
            } => {
                if ahead.is_empty() {
                    // A batch of entries at a time, so that a long list is
                    // parsed on every core and memory holds one batch.
                    let entries = &self.document.entries;
                    let batch =
                        &entries[(*next).min(entries.len())..(*next + BATCH).min(entries.len())];
                    *next += batch.len();
                    let mut read =
                        reader.read_many(self.source.text(), batch, &self.config.vocabulary);
                    rules.add_many(&self.document, &mut read);
                    ahead.extend(read);
                }
                ahead.pop_front()
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = match &self.read {
            Read::Whole { references, .. } => references.len(),
            Read::Entries { next, .. } => self.document.entries.len().saturating_sub(*next),
        };
        (left, Some(left))
    }
}

impl<'a> ReferenceStream<'a> {
    /// The document's parts (its list's entries as split, not yet parsed).
    pub fn document(&self) -> &Document {
        &self.document
    }

    /// Reads the entries not yet read, then returns the document and every
    /// finding (the document's, each entry's, the list's) in order of
    /// position, as [`read_references`] gives them.
    pub fn finish(self) -> (Document, Vec<Diagnostic>) {
        let (document, findings) = self.into_findings();
        (document, findings.collect())
    }

    /// [`Self::finish`], the findings given as they are made, in the same
    /// order: those of duplicate-reference are kept as the pairs of entries
    /// they name until taken (issue 12: a writer that writes each and drops
    /// it holds a few dozen bytes a finding, not the findings).
    pub fn into_findings(mut self) -> (Document, Box<dyn Iterator<Item = Diagnostic> + 'a>) {
        self.by_ref().for_each(drop);
        let source = self.source;
        let findings: Box<dyn Iterator<Item = Diagnostic> + 'a> = match self.read {
            Read::Whole { diagnostics, .. } => Box::new(diagnostics.into_iter()),
            Read::Entries { rules, .. } => {
                Box::new(rules.findings(&self.document).map(move |mut d| {
                    name_paragraphs(source, std::slice::from_mut(&mut d));
                    d
                }))
            }
        };
        (self.document, findings)
    }
}

/// [`read_references`] of a whole list at once: a reference manager's
/// items and fields, and suppression comments, are tied to the list as a
/// whole.
fn read_whole(source: &Source, config: &Config) -> References {
    let suppressions = check::suppressions(source.text());
    let blanked = blank_suppressions(source, &suppressions);
    let (document, mut references, managed) = read_list(blanked.as_ref().unwrap_or(source), config);
    printed_raw(source, blanked.is_some(), &mut references);
    let diagnostics = run_rules(
        source,
        &suppressions,
        (&document, &mut references, &managed),
        None,
        config,
    );
    References {
        document,
        references,
        diagnostics,
    }
}

/// Runs the rules (over the citations too, given a scan), applies the
/// manuscript's suppression comments and names each finding's paragraph:
/// what `read_references` and `check` share. Without the citations, a
/// suppression of a citation rule has nothing to act on: unused ones are
/// reported by `check` alone.
fn run_rules(
    source: &Source,
    suppressions: &[check::Suppression],
    (document, references, managed): (&Document, &mut [Reference], &parse::managed::Resolution),
    scan: Option<&cite::Scan>,
    config: &Config,
) -> Vec<Diagnostic> {
    let mut diagnostics = check::run_managed(
        document,
        references,
        scan,
        managed,
        &config.rules,
        &config.vocabulary,
    );
    check::suppress(
        source.text(),
        suppressions,
        &mut diagnostics,
        references,
        scan.map_or(&[][..], |s| &s.citations),
        &config.rules,
        scan.is_some(),
    );
    name_paragraphs(source, &mut diagnostics);
    diagnostics
}

/// Names the paragraph of a .docx or .odt each finding is in.
fn name_paragraphs(source: &Source, diagnostics: &mut [Diagnostic]) {
    for d in diagnostics {
        d.paragraph =
            source
                .paragraph_at(d.span.start)
                .map(|(number, text)| diagnostic::Paragraph {
                    number,
                    text: text.to_string(),
                });
    }
}

/// Reads the list, scans the body's citations and runs every rule.
pub fn check(source: &Source, config: &Config) -> Report {
    let mut checking = Checking::new(source, config);
    if let Some(report) = checking.at_once.take() {
        return report;
    }
    let mut windows = checking.citations();
    let style = windows.style();
    let citations: Vec<Citation> = windows.by_ref().flatten().collect();
    let (diagnostics, _) = windows.finish();
    Report {
        document: checking.document,
        references: checking.references,
        citations,
        style,
        diagnostics,
    }
}

/// [`check()`] in two steps, for a caller that writes a manuscript's
/// citations as they are scanned rather than holding them all (issue 12:
/// a 100 MB body holds 3·10⁶ citations): the list read and its entries
/// checked ([`Checking::new`]), then the citations window by window
/// ([`Checking::citations`]), then every finding ([`Windows::finish`]).
/// The same records, citations and findings as [`check()`], which is made
/// of it.
pub struct Checking<'a> {
    source: &'a Source,
    config: &'a Config,
    /// The report, made at once for a text with suppression comments or a
    /// reference manager's fields.
    at_once: Option<Report>,
    document: Document,
    references: Vec<Reference>,
    /// The body, then each note.
    parts: Vec<Span>,
    numbered_list: bool,
}

impl<'a> Checking<'a> {
    /// Reads the list of `source` and runs the entry rules on it.
    pub fn new(source: &'a Source, config: &'a Config) -> Self {
        let suppressions = check::suppressions(source.text());
        if !suppressions.is_empty() {
            return Self::report(source, config, check_at_once(source, config, &suppressions));
        }
        let (document, mut references, managed) = read_list(source, config);
        if !managed.is_empty() {
            let read = (document, references, managed);
            return Self::report(source, config, check_read(source, config, &[], None, read));
        }
        check::check_references(&mut references, &config.rules);
        let parts = std::iter::once(document.body.clone())
            .chain(document.notes.iter().cloned())
            .collect();
        let numbered_list = document.entries.iter().any(|e| e.marker.is_some());
        Checking {
            source,
            config,
            at_once: None,
            document,
            references,
            parts,
            numbered_list,
        }
    }

    /// A report made at once: its document and records stay in it.
    fn report(source: &'a Source, config: &'a Config, report: Report) -> Self {
        Checking {
            source,
            config,
            document: Document::default(),
            references: Vec::new(),
            parts: Vec::new(),
            numbered_list: false,
            at_once: Some(report),
        }
    }

    /// The document's parts.
    pub fn document(&self) -> &Document {
        self.at_once
            .as_ref()
            .map_or(&self.document, |r| &r.document)
    }

    /// The list's entries as records, each with its own findings.
    pub fn references(&self) -> &[Reference] {
        self.at_once
            .as_ref()
            .map_or(&self.references, |r| &r.references)
    }

    /// The citations, window by window.
    pub fn citations(&self) -> Windows<'_> {
        if let Some(report) = &self.at_once {
            return Windows {
                source: self.source,
                style: report.style,
                scans: None,
                rules: None,
                at_once: Some((Some(report.citations.clone()), report.diagnostics.clone())),
                count: 0,
            };
        }
        let plan = cite::Plan::new(
            self.source.text(),
            &self.parts,
            &self.references,
            self.numbered_list,
            self.config,
        );
        let style = plan.style();
        let rules = check::Windowed::new(
            &self.document,
            &self.references,
            style,
            &self.config.rules,
            &self.config.vocabulary,
        );
        Windows {
            source: self.source,
            style,
            scans: Some(plan),
            rules: Some(rules),
            at_once: None,
            count: 0,
        }
    }
}

/// A manuscript's citations, one window's at a time, in order; the rules
/// run on each window as it is taken ([`Checking::citations`]).
pub struct Windows<'c> {
    source: &'c Source,
    style: model::CitationStyle,
    scans: Option<cite::Plan<'c>>,
    rules: Option<check::Windowed<'c>>,
    /// A report made at once: its citations (until taken) and findings.
    at_once: Option<(Option<Vec<Citation>>, Vec<Diagnostic>)>,
    count: usize,
}

impl Windows<'_> {
    /// How the document cites: by number or by author and year.
    pub fn style(&self) -> model::CitationStyle {
        self.style
    }

    /// Every finding, in order of position, and the number of citations
    /// (the windows not yet taken are scanned first).
    pub fn finish(mut self) -> (Vec<Diagnostic>, usize) {
        for window in self.by_ref() {
            drop(window);
        }
        // The scan's index of the list (its authors and years) is not
        // needed for the findings.
        self.scans = None;
        if let Some((_, diagnostics)) = self.at_once {
            return (diagnostics, self.count);
        }
        let mut diagnostics = self
            .rules
            .map(check::Windowed::findings)
            .unwrap_or_default();
        name_paragraphs(self.source, &mut diagnostics);
        (diagnostics, self.count)
    }
}

impl Iterator for Windows<'_> {
    type Item = Vec<Citation>;

    fn next(&mut self) -> Option<Vec<Citation>> {
        if let Some((citations, _)) = &mut self.at_once {
            let citations = citations.take()?;
            self.count += citations.len();
            return Some(citations);
        }
        let mut scan = self.scans.as_mut()?.next()?;
        if let Some(rules) = &mut self.rules {
            rules.add(&mut scan);
        }
        self.count += scan.citations.len();
        Some(scan.citations)
    }
}

/// [`check()`] of a text with suppression comments: read at once.
fn check_at_once(source: &Source, config: &Config, suppressions: &[check::Suppression]) -> Report {
    let blanked = blank_suppressions(source, suppressions);
    let read = blanked.as_ref().unwrap_or(source);
    let list = read_list(read, config);
    check_read(source, config, suppressions, blanked.as_ref(), list)
}

/// [`check()`] of a list read from `blanked` (the text with its suppression
/// comments blanked) or else `source`, all citations at once.
fn check_read(
    source: &Source,
    config: &Config,
    suppressions: &[check::Suppression],
    blanked: Option<&Source>,
    (document, mut references, mut managed): (Document, Vec<Reference>, parse::managed::Resolution),
) -> Report {
    let read = blanked.unwrap_or(source);
    printed_raw(source, blanked.is_some(), &mut references);
    // The body, then each note after it: a note after the list cites as
    // the body does. A reference manager's fields are read from their
    // codes, not scanned as typed text.
    let fields: Vec<Span> = managed
        .fields
        .iter()
        .map(|(f, _)| f.result.clone())
        .collect();
    let parts: Vec<_> = std::iter::once(document.body.clone())
        .chain(document.notes.iter().cloned())
        .flat_map(|part| without(part, &fields))
        .collect();
    let numbered_list = document.entries.iter().any(|e| e.marker.is_some());
    let mut scan = cite::scan_document(read.text(), &parts, &references, numbered_list, config);
    if !managed.is_empty() {
        // What each citation field prints, read as a typed citation would
        // be, for the rule that compares it with what the field cites.
        let numbers: Vec<u32> = references.iter().map(|r| r.number).collect();
        managed.readings = managed
            .fields
            .iter()
            .map(|(f, _)| {
                cite::scan_citations(
                    read.text(),
                    std::slice::from_ref(&f.result),
                    &numbers,
                    &config.vocabulary,
                    &config.citation_forms,
                )
                .citations
            })
            .collect();
        add_field_citations(&mut scan, &managed);
    }
    let diagnostics = run_rules(
        source,
        suppressions,
        (&document, &mut references, &managed),
        Some(&scan),
        config,
    );
    Report {
        document,
        references,
        style: scan.style,
        citations: scan.citations,
        diagnostics,
    }
}

/// Parses one reference string on its own (numbered 1, spans into `text`)
/// and runs the rules about one entry on it; its findings are in its
/// `diagnostics`.
pub fn read_reference(text: &str, config: &Config) -> Reference {
    let mut reference = parse::parse_reference(text, &config.vocabulary);
    check::check_reference(&mut reference, &config.rules);
    reference
}

/// Converts `references` to `format`: the text, and the format's findings
/// (what it cannot hold) at their configured levels.
pub fn convert(
    references: &[Reference],
    format: emit::Format,
    options: &emit::Options,
    config: &Config,
) -> Result<(String, Vec<Diagnostic>), Error> {
    let (text, findings) = emit::convert(references, format, options)?;
    Ok((text, check::leveled(&config.rules, findings)))
}

/// Writes `references` as `format` to `out` (a buffered writer), as far
/// as the format allows without the whole text in memory (CSL-JSON item by
/// item); returns the format's findings at their configured levels.
pub fn write_conversion(
    references: &[Reference],
    format: emit::Format,
    options: &emit::Options,
    config: &Config,
    out: impl std::io::Write,
) -> Result<Vec<Diagnostic>, Error> {
    let findings = emit::write(references, format, options, out)?;
    Ok(check::leveled(&config.rules, findings))
}

/// Finds the reference list of `source` and writes it as `format` to `out`
/// (a buffered writer) as it is read: the list is parsed twice, once for
/// its citation keys (a key takes a suffix when any other entry has the
/// same one) and once to write each record and drop it, so a list of 10⁶
/// entries is never held as records (issue 12). A list read whole by
/// [`stream_references`], a list with two entries of one number, and
/// hayagriva YAML are converted as [`write_conversion`] converts them. The
/// same bytes and findings as [`write_conversion`] of [`read_references`].
pub fn write_list_conversion(
    source: &Source,
    format: emit::Format,
    options: &emit::Options,
    config: &Config,
    out: impl std::io::Write,
) -> Result<Vec<Diagnostic>, Error> {
    let whole = |out| {
        let references = read_references(source, config).references;
        write_conversion(&references, format, options, config, out)
    };
    if read_whole_first(source) || format == emit::Format::Hayagriva {
        return whole(out);
    }
    let document = split::split(source, &config.vocabulary);
    let mut numbers: Vec<u32> = document.entries.iter().map(|e| e.number).collect();
    numbers.sort_unstable();
    if numbers.windows(2).any(|w| w[0] == w[1]) {
        return whole(out);
    }
    drop(numbers);
    let document = &document;
    let records = || {
        let mut reader = parse::ListReader::new(source.text(), document, &config.vocabulary);
        emit::repeating_authors(
            document
                .entries
                .chunks(BATCH)
                .flat_map(move |batch| reader.read_many(source.text(), batch, &config.vocabulary)),
        )
    };
    let keys = emit::keys::disambiguate(
        records()
            .map(|r| emit::keys::base(&r, options.keys))
            .collect(),
    );
    let findings = emit::write_records(records(), keys, format, options, out)?;
    Ok(check::leveled(&config.rules, findings))
}

/// Several inputs' lists merged into one (`istinad convert --merge`).
#[derive(Debug, Clone, Default)]
pub struct Merged {
    /// Every entry, input after input, numbered from 1.
    pub references: Vec<Reference>,
    /// Entries left out because an earlier input lists the same work (as
    /// duplicate-reference decides): the index of their input and the
    /// finding, with its span in that input.
    pub duplicates: Vec<(usize, Diagnostic)>,
}

/// Merges the lists of several inputs, named as `lists` names them, into
/// one. An entry repeating the work of another input's entry is left out
/// and reported; repeats within one input stay (its own check reports
/// them). With duplicate-reference off, every entry is kept.
pub fn merge(lists: &[(&str, &[Reference])], config: &Config) -> Merged {
    let dedupe = config.rules.level(Rule::DuplicateReference) != Level::Off;
    let mut first: std::collections::HashMap<String, (usize, u32)> =
        std::collections::HashMap::new();
    let mut merged = Merged::default();
    let mut found = Vec::new();
    for (input, (_, list)) in lists.iter().enumerate() {
        for r in list.iter() {
            if let Some(key) = check::work_identity(r).filter(|_| dedupe) {
                match first.get(&key) {
                    Some(&(earlier, number)) if earlier != input => {
                        let name = lists[earlier].0;
                        found.push((
                            input,
                            Diagnostic::new(
                                Rule::DuplicateReference,
                                r.span.clone(),
                                format!("entry {} repeats entry {number} of `{name}`", r.number),
                            )
                            .with_reference(r.number)
                            .with_help("left out of the merged list, which keeps the first"),
                        ));
                        continue;
                    }
                    Some(_) => {}
                    None => {
                        first.insert(key, (input, r.number));
                    }
                }
            }
            let mut r = r.clone();
            r.number = merged.references.len() as u32 + 1;
            merged.references.push(r);
        }
    }
    let (inputs, findings): (Vec<usize>, Vec<Diagnostic>) = found.into_iter().unzip();
    merged.duplicates = inputs
        .into_iter()
        .zip(check::leveled(&config.rules, findings))
        .collect();
    merged
}

/// An entry's `raw` is its text as printed, with any suppression comment
/// inside it: the list was read from the text with the comments blanked.
fn printed_raw(source: &Source, blanked: bool, references: &mut [Reference]) {
    if !blanked {
        return;
    }
    for r in references.iter_mut() {
        if let Some(printed) = source.text().get(r.span.clone()) {
            printed.clone_into(&mut r.raw);
        }
    }
}

/// `source` with its suppression comments blanked (see
/// `check/unused_suppression.rs`), when it has any.
fn blank_suppressions(source: &Source, suppressions: &[check::Suppression]) -> Option<Source> {
    (!suppressions.is_empty()).then(|| source.with_text(check::blank(source.text(), suppressions)))
}

/// Splits the document and parses its list's entries, taking a reference
/// manager's items where the document holds them: records, no rules yet.
fn read_list(
    source: &Source,
    config: &Config,
) -> (Document, Vec<Reference>, parse::managed::Resolution) {
    let mut document = split::split(source, &config.vocabulary);
    let references = parse::parse_references(source, &document, &config.vocabulary);
    let (references, managed) =
        parse::managed::resolve(source, &mut document, references, &config.vocabulary);
    (document, references, managed)
}

/// Puts the citations of a reference manager's fields among the scanned
/// ones, in order of position (their items are known: no author–date
/// resolution, never of the other style).
fn add_field_citations(scan: &mut cite::Scan, managed: &parse::managed::Resolution) {
    if managed.citations.is_empty() {
        return;
    }
    let other: std::collections::HashSet<usize> = scan.other_style.iter().copied().collect();
    let mut resolutions = std::mem::take(&mut scan.resolutions);
    resolutions.resize_with(scan.citations.len(), Vec::new);
    let mut all: Vec<_> = std::mem::take(&mut scan.citations)
        .into_iter()
        .zip(resolutions)
        .enumerate()
        .map(|(i, (c, r))| (c, r, other.contains(&i)))
        .collect();
    all.extend(
        managed
            .citations
            .iter()
            .map(|c| (c.clone(), Vec::new(), false)),
    );
    all.sort_by_key(|(c, _, _)| (c.span.start, c.span.end));
    scan.other_style.clear();
    for (i, (c, r, other)) in all.into_iter().enumerate() {
        scan.citations.push(c);
        scan.resolutions.push(r);
        if other {
            scan.other_style.push(i);
        }
    }
    scan.diagnostics.extend(managed.diagnostics.iter().cloned());
}

/// `part` without the spans of `holes` (sorted or not).
fn without(part: Span, holes: &[Span]) -> Vec<Span> {
    let mut inside: Vec<&Span> = holes
        .iter()
        .filter(|h| h.start < part.end && part.start < h.end)
        .collect();
    if inside.is_empty() {
        return vec![part];
    }
    inside.sort_by_key(|h| h.start);
    let mut out = Vec::new();
    let mut at = part.start;
    for h in inside {
        if h.start > at {
            out.push(at..h.start);
        }
        at = at.max(h.end);
    }
    if at < part.end {
        out.push(at..part.end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 12's bound: a list is parsed a batch of entries at a time as
    /// its records are taken (never more than [`BATCH`] ahead), and what the
    /// stream keeps of the entries read is compact (the list rules'
    /// summaries), never the records: read whole first, the stream would
    /// have parsed every entry before giving the first.
    /// A body of several scan windows is checked window by window (issue
    /// 12): no window holds more than the citations of its own stretch of
    /// text, and together they are [`check()`]'s citations and findings.
    #[test]
    fn a_long_body_is_checked_window_by_window() {
        let sentence = "Yazılıb (1, v. 5), bax: [2, s. 3]. ";
        let mut text = sentence.repeat((5 << 20) / sentence.len());
        text.push_str(
            "\n\n## ƏDƏBİYYAT\n\n1. Mahmudov Y. Azərbaycan tarixi. Bakı: Elm, 2005. 300 s.\n",
        );
        let source = Source::new("line.md", text);
        let config = Config::default();
        let checking = Checking::new(&source, &config);
        let mut windows = checking.citations();
        let (mut all, mut most, mut count) = (Vec::new(), 0, 0);
        for window in windows.by_ref() {
            count += 1;
            most = most.max(window.len());
            all.extend(window.into_iter().map(|c| c.span));
        }
        let (findings, citations) = windows.finish();
        assert!(count >= 2, "{count} windows");
        // Two citations a sentence; a window is about 2 MB of them.
        let per_window = 2 * (cite::WINDOW + cite::WINDOW / 4) / sentence.len() + 2;
        assert!(most <= per_window, "{most} citations in a window");
        let report = check(&source, &config);
        assert_eq!(citations, report.citations.len());
        let spans: Vec<Span> = report.citations.iter().map(|c| c.span.clone()).collect();
        assert_eq!(all, spans);
        assert_eq!(findings, report.diagnostics);
    }

    #[test]
    fn a_list_is_read_as_its_records_are_taken() {
        let mut text = String::from("## ƏDƏBİYYAT\n\n");
        let entries = 2 * BATCH + BATCH / 2;
        for n in 1..=entries {
            let entry = match n % 4 {
                0 => "ARDA: f. 28. siy. 1. iş 72".to_string(),
                1 => format!("Həsənli Cəmil. Sovet dövründə {n}. Bakı, 2012"),
                2 => "Там же. Л. 20.".to_string(),
                _ => format!("Иванов И. И. История {n}. М., 1998. С. 45-41."),
            };
            text.push_str(&format!("{n}. {entry}\n"));
        }
        let source = Source::new("list.md", text);
        let config = Config::default();
        let mut stream = stream_references(&source, &config);
        let mut read = 0;
        while let Some(r) = stream.next() {
            read += 1;
            assert_eq!(r.number, read);
            let Read::Entries { next, .. } = &stream.read else {
                panic!("read whole");
            };
            let read_ahead = *next - read as usize;
            assert!(
                read_ahead < BATCH,
                "{read_ahead} entries parsed ahead of the records taken"
            );
            assert!(*next % BATCH == 0 || *next == entries, "parsed in batches");
            let Read::Entries { rules, .. } = &stream.read else {
                unreachable!()
            };
            // Room for every entry's summary is taken up front.
            assert!(
                rules.held() <= 32 * entries,
                "{} bytes kept of {entries} entries",
                rules.held()
            );
        }
        let (_, streamed) = stream.finish();
        let whole = read_whole(&source, &config);
        assert_eq!(streamed, whole.diagnostics);
        assert!(streamed.iter().any(|d| d.name() == "duplicate-reference"));
        assert!(streamed.iter().any(|d| d.name() == "reversed-range"));
    }

    /// A list converted as it is read gives the bytes and findings of the
    /// list read whole, in every format: same-author entries, ibid notes,
    /// keys that take suffixes, an entry's own finding.
    #[test]
    fn a_list_converted_as_it_is_read_is_the_list_converted_whole() {
        let text = "References\n\n1. Cole, Juan. 1997. Tigris. London: Penguin.\n\
                    2. ———. 1998a. Modernity. New York: Columbia.\n\
                    3. Ibid., p. 4.\n\
                    4. ARDA: f. 28. siy. 1. iş 72\n\
                    5. ARDA: f. 28. siy. 1. iş 73\n\
                    6. Там же. Л. 20.\n\
                    7. Cole, Juan. 1997. Tigris. London: Penguin.\n\
                    8. Иванов И. И. История. М., 1998. С. 45-41.\n";
        let source = Source::new("list.md", text);
        let config = Config::default();
        let options = emit::Options::default();
        let references = read_references(&source, &config).references;
        for format in emit::Format::ALL {
            let mut whole = Vec::new();
            let expected = write_conversion(&references, format, &options, &config, &mut whole)
                .expect("converted");
            let mut streamed = Vec::new();
            let found = write_list_conversion(&source, format, &options, &config, &mut streamed)
                .expect("converted");
            assert_eq!(
                String::from_utf8(streamed).expect("UTF-8"),
                String::from_utf8(whole).expect("UTF-8"),
                "{}",
                format.name()
            );
            assert_eq!(found, expected, "{}", format.name());
        }
    }

    #[test]
    fn a_journal_citation_form_is_checked_like_any_citation() {
        let config = Config::from_toml(
            "[[citation-form]]\nname = \"braces\"\npattern = '\\{(?<entry>\\d+)(?:\\|(?<locator>[^}]+))?\\}'\n",
            "istinad.toml",
        )
        .expect("valid config");
        let text = "Yazılıb {1|5} və {3}.\n\n## ƏDƏBİYYAT\n\n\
                    1. Həsənli Cəmil. (2012) Sovet dövründə Azərbaycanın xarici siyasəti. Bakı\n\
                    2. ARDA: f. 28. siy. 1. iş 72\n";
        let report = check(&Source::new("m.md", text), &config);
        assert_eq!(report.citations.len(), 2);
        let names: Vec<&str> = report.diagnostics.iter().map(|d| d.name()).collect();
        assert_eq!(names, ["dangling-citation", "uncited-reference"]);
    }
}
