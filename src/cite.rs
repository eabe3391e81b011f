//! Cite: body -> `Vec<Citation>`, the in-text citation scanner.
//!
//! Finds numeric citations in round and square brackets — `(13)`,
//! `(12, s.329)`, `[5, л. 12 об.]`, `[39, 250-252]`, `[1, с. 12; 8, с. 12–14]`,
//! `[1–3]`, `[1, 4, 7]`, `(12، ص 329)` — in the body only. A bracket is a
//! citation when its whole content reads as one; years and prose in brackets
//! (`(2012)`, `(1917 - 1933)`, `(1920-1921-ci illər)`, `(см. табл. 5)`) are
//! not. The grammar is lenient about separators so that a broken citation
//! (`(12; s.329)`, `(12 s.329)`, `(12, s.329`) is still found and reported,
//! with the edit that repairs it.
//!
//! A journal's own forms (`[[citation-form]]` in `istinad.toml`, each a
//! regular expression with `entry` and `locator` groups) are scanned beside
//! the built-in grammar; where both match, the built-in reading stands.

pub(crate) mod author_date;

use crate::script::Letter;
use nom::Parser;

use crate::config::CitationForm;
use crate::diagnostic::Diagnostic;
use crate::fix::{Applicability, Edit, Fix};
use crate::model::{Citation, CitationItem, CitationStyle, Locator, LocatorPart, Part};
use crate::parse::lex::{parse_number, parse_ranges, range_list};
use crate::parse::locator::{Labelled, labelled, volume_after};
use crate::rule::Rule;
use crate::script::{Script, dominant_script, is_dash, is_digit, normalize_range, script_of};
use crate::source::Span;
use crate::vocab::{Component, Meaning, Vocabulary};

/// What the scanner found in a body.
#[derive(Debug, Clone, Default)]
pub struct Scan {
    /// Citations, in order.
    pub citations: Vec<Citation>,
    /// `malformed-citation` findings.
    pub diagnostics: Vec<Diagnostic>,
    /// How each author–date citation's items met the list, by citation
    /// (empty for a numbered citation): what the author–date rules read.
    pub(crate) resolutions: Vec<Vec<author_date::Resolution>>,
    /// The document's citation style.
    pub style: CitationStyle,
    /// Citations of the style the document does not use (`(12, s. 5)` in
    /// an author–date text), by index into `citations`.
    pub(crate) other_style: Vec<usize>,
}

/// A problem in one citation's form, before the document's convention is known.
#[derive(Debug, Clone)]
enum Issue {
    /// The separator between number and locator: its span and text.
    Separator(Span, String),
    /// No separator between number and locator; insert at this offset.
    MissingSeparator(usize),
    /// A label the vocabulary does not know.
    UnknownLabel(Span, String),
    /// A Latin `c`/`C` label in Cyrillic text.
    LatinInCyrillic(Span, String),
    /// Doubled or trailing punctuation to delete.
    Stray(Span, String),
    /// A closing bracket of the other kind.
    MismatchedClose(Span, char),
    /// No closing bracket; insert one at this offset.
    Unclosed(usize, char),
    /// A label closed by a comma where its period belongs (`s, 428`): the
    /// comma's span and the label.
    CommaForPeriod(Span, String),
    /// A range of entries too long to be one (`[5–60]`): its span and ends.
    LongRange(Span, u32, u32),
}

#[derive(Clone)]
struct Candidate {
    citation: Citation,
    issues: Vec<Issue>,
    /// The separator used between number and locator, if any.
    separator: Option<String>,
    /// Whether it is an ibid (`[там же, с. 28]`), its entry the one the
    /// citation before cites.
    ibid: bool,
}

/// Scans `text[part]` for each of `parts` (the body, then notes) for
/// citations, as one document: its habits (separator, how pages are
/// written) are learnt from all parts together. `entries` are the list's
/// numbers (none when there is no list), used to tell entry numbers from
/// years and page numbers; `forms` are the journal's own citation forms.
pub fn scan_citations(
    text: &str,
    parts: &[Span],
    entries: &[u32],
    vocab: &Vocabulary,
    forms: &[CitationForm],
) -> Scan {
    let max = entries.iter().copied().max().unwrap_or(0);
    let windows: Vec<Window> = parts
        .iter()
        .map(|p| Window::whole(&(p.start.min(text.len())..p.end.min(text.len()))))
        .collect();
    let mut carry = Carry::default();
    let candidates = candidates_in(text, &windows, max, vocab, &mut carry);
    let shape = Shape::of(&candidates);
    numbered_scan(text, &windows, candidates, (max, forms), shape, None, 0)
}

/// A stretch of a body or note scanned at once: `scan`, inside `part`,
/// the body or note it belongs to (a citation found in `scan` may run on
/// to the end of `part`).
#[derive(Debug, Clone)]
pub(crate) struct Window {
    pub scan: Span,
    pub part: Span,
}

impl Window {
    /// All of `part` at once.
    pub(crate) fn whole(part: &Span) -> Window {
        Window {
            scan: part.clone(),
            part: part.clone(),
        }
    }
}

/// The bytes of body and notes scanned in one window (issue 12): a longer
/// text is scanned window by window, after its habits are learnt over all
/// of them, so that its citations are never all in memory at once.
pub(crate) const WINDOW: usize = 1 << 21;

/// The windows of `parts`, in groups scanned together: one group of the
/// whole parts for a text of up to [`WINDOW`] bytes, else one window of
/// about that size each, cut at a paragraph's end or a space.
fn groups(text: &str, parts: &[Span], window: usize) -> Vec<Vec<Window>> {
    let parts: Vec<Span> = parts
        .iter()
        .map(|p| p.start.min(text.len())..p.end.min(text.len()))
        .collect();
    if parts.iter().map(Span::len).sum::<usize>() <= window {
        return vec![parts.iter().map(Window::whole).collect()];
    }
    let mut out = Vec::new();
    for part in parts {
        let mut from = part.start;
        while part.end.saturating_sub(from) > window {
            let cut = cut_at(text, from + window, part.end, window / 4);
            out.push(vec![Window {
                scan: from..cut,
                part: part.clone(),
            }]);
            from = cut;
        }
        if from < part.end {
            out.push(vec![Window {
                scan: from..part.end,
                part: part.clone(),
            }]);
        }
    }
    out
}

/// Where a window that should end at `at` ends: after the first paragraph
/// break within the next `reach` bytes (a prose enumeration stays within a
/// paragraph), else after the first space, else at `at`.
fn cut_at(text: &str, at: usize, end: usize, reach: usize) -> usize {
    let reach = (at + reach).min(end);
    let bytes = &text.as_bytes()[at..reach];
    if let Some(k) = memchr::memmem::find(bytes, b"\n\n") {
        return at + k + 2;
    }
    if let Some(k) = memchr::memchr2(b' ', b'\n', bytes) {
        return at + k + 1;
    }
    let mut cut = at;
    while !text.is_char_boundary(cut) {
        cut += 1;
    }
    cut
}

/// What the numbered scan of one window leaves for the next: where the
/// scan stopped (a citation may run past the window's end), and the
/// entry cited last (an ibid's).
#[derive(Debug, Clone, Copy, Default)]
struct Carry {
    resume: usize,
    last: Option<u32>,
}

/// Calls `read` at each opening bracket of `windows` from `resume` on; a
/// bracket it reads (`Some(end)`) is passed over to `end`. `resume`
/// becomes where the scan stopped (past the windows' end when a citation
/// runs on).
pub(crate) fn at_brackets(
    text: &str,
    windows: &[Window],
    resume: &mut usize,
    mut read: impl FnMut(&Window, usize) -> Option<usize>,
) {
    let bytes = text.as_bytes();
    for window in windows {
        let mut i = window.scan.start.max(*resume);
        while i < window.scan.end {
            let Some(k) = memchr::memchr2(b'(', b'[', &bytes[i..window.scan.end]) else {
                i = window.scan.end;
                break;
            };
            i += k;
            i = read(window, i).unwrap_or(i + 1);
        }
        *resume = i;
    }
}

/// The numbered candidates of `windows`, prose enumerations dropped and
/// ibids given their entries.
fn candidates_in(
    text: &str,
    windows: &[Window],
    max: u32,
    vocab: &Vocabulary,
    carry: &mut Carry,
) -> Vec<Candidate> {
    let mut candidates = Vec::new();
    at_brackets(text, windows, &mut carry.resume, |window, i| {
        let (cand, end) = candidate(text, i, window.part.end, max, vocab)?;
        candidates.push(cand);
        Some(end)
    });
    drop_enumerations(text, &mut candidates);
    resolve_ibids(&mut candidates, &mut carry.last);
    candidates
}

/// Reads the numbered `candidates` of `windows` by the document's `shape`
/// and `habit` (learnt from these candidates when `None`): equation
/// numbers dropped, bare numbers read by habit, the journal's own forms
/// added, each candidate's issues diagnosed. `floor`: where the scan of
/// the window before stopped.
fn numbered_scan(
    text: &str,
    windows: &[Window],
    mut candidates: Vec<Candidate>,
    (max, forms): (u32, &[CitationForm]),
    shape: Shape,
    habit: Option<Habit>,
    floor: usize,
) -> Scan {
    let odd: Vec<Diagnostic> = windows
        .iter()
        .flat_map(|w| {
            let mut w = w.clone();
            w.scan.start = w.scan.start.max(floor).min(w.scan.end);
            odd_numbers(text, &w, &candidates)
        })
        .collect();
    drop_equation_numbers_by(text, &mut candidates, shape);
    let habit = habit.unwrap_or_else(|| Habit::of(&candidates, max));
    let unclear = read_by_habit(&mut candidates, max, &habit);
    for window in windows {
        scan_forms(text, window, forms, &mut candidates);
    }
    let convention = habit.convention();
    let mut scan = Scan {
        diagnostics: unclear,
        ..Scan::default()
    };
    scan.citations.reserve_exact(candidates.len());
    for cand in candidates {
        for issue in &cand.issues {
            if let Some(d) = diagnose(issue, &cand.citation, convention) {
                scan.diagnostics.push(d);
            }
        }
        scan.citations.push(cand.citation);
    }
    scan.diagnostics.extend(odd);
    scan
}

impl Scan {
    /// Adds the scan of the next window.
    fn append(&mut self, other: Scan) {
        let offset = self.citations.len();
        self.citations.extend(other.citations);
        self.diagnostics.extend(other.diagnostics);
        if !other.resolutions.is_empty() {
            self.resolutions.resize_with(offset, Vec::new);
            self.resolutions.extend(other.resolutions);
        }
        self.other_style
            .extend(other.other_style.into_iter().map(|i| i + offset));
        self.style = other.style;
    }
}

/// Whether a numbered citation is one by its shape: square brackets or a
/// labelled locator (`[3, s. 12]`, `(3, s. 12)`); `(2:177)`, a Qur'an
/// verse, and a bare `(1)` are not surely one.
fn surely_numbered(c: &Citation) -> bool {
    c.text.starts_with('[') || has_labelled_locator(c)
}

/// Whether an item of `c` gives its locator with a label (`s. 12`).
fn has_labelled_locator(c: &Citation) -> bool {
    c.items
        .iter()
        .any(|i| i.locator.as_ref().is_some_and(|l| l.printed.is_some()))
}

/// Whether the bracket at `at` follows a word or a mark with no space
/// (`caliphate,[1]`, `Yazd(2)`), as a note's marker does.
fn glued_to_word(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| !c.is_whitespace() && !matches!(c, '(' | '[' | '«' | '“' | '"'))
}

/// Scans the body and notes for citations of both styles and keeps the
/// document's: by number, or by author and year (`style`, or when `None`
/// found from the list and the citations: a numbered list is cited by
/// number; an unnumbered one by author and year when its authors and years
/// are what the brackets cite). Citations of the other style that surely
/// are citations (every item reaches an entry) are kept beside, marked.
pub fn scan_document(
    text: &str,
    parts: &[Span],
    references: &[crate::model::Reference],
    numbered_list: bool,
    config: &crate::config::Config,
) -> Scan {
    let mut plan = Plan::new(text, parts, references, numbered_list, config);
    let mut scan = Scan {
        style: plan.style(),
        ..Scan::default()
    };
    for window in plan.by_ref() {
        scan.append(window);
    }
    scan
}

/// The scan of a document window by window (issue 12): its style and
/// habits learnt first over the whole text, then one [`Scan`] a window, in
/// order, each with the citations of its window. A text of up to
/// [`WINDOW`] bytes is one window, read once; a longer one is read three
/// times (brackets, habits, citations), and only one window's citations
/// are in memory at a time.
pub(crate) struct Plan<'a> {
    text: &'a str,
    references: &'a [crate::model::Reference],
    config: &'a crate::config::Config,
    numbered_list: bool,
    max: u32,
    listed: author_date::List,
    groups: Vec<Vec<Window>>,
    shape: Shape,
    habit: Habit,
    narrative: std::collections::HashSet<String>,
    style: CitationStyle,
    /// The scan of the single window of a short text, made while learning.
    ready: Option<Scan>,
    next: usize,
    numbered: Carry,
    author_date: author_date::Carry,
}

/// What decides a document's style: how many citations of each style the
/// scans found, and how many surely are citations.
#[derive(Debug, Clone, Copy, Default)]
struct Counts {
    numbered: usize,
    numbered_sure: usize,
    author_date: usize,
    author_date_reaching: usize,
}

impl Counts {
    fn add_numbered<'c>(&mut self, citations: impl Iterator<Item = &'c Citation>) {
        for c in citations {
            self.numbered += 1;
            self.numbered_sure += usize::from(surely_numbered(c));
        }
    }

    fn add_author_date(&mut self, found: &author_date::Found) {
        use author_date::Outcome;
        let reaches = |r: &author_date::Resolution| {
            matches!(
                r.outcome,
                Outcome::Found { .. } | Outcome::Ambiguous { .. } | Outcome::WrongYear { .. }
            ) || r.outcome.entry().is_some()
        };
        self.author_date += found.citations.len();
        self.author_date_reaching += found
            .resolutions
            .iter()
            .filter(|r| r.iter().any(reaches))
            .count();
    }
}

impl<'a> Plan<'a> {
    /// Learns the style and habits of the citations in `parts` of `text`.
    pub(crate) fn new(
        text: &'a str,
        parts: &[Span],
        references: &'a [crate::model::Reference],
        numbered_list: bool,
        config: &'a crate::config::Config,
    ) -> Self {
        Self::with_window(text, parts, references, numbered_list, config, WINDOW)
    }

    /// [`Plan::new`] with windows of `window` bytes.
    fn with_window(
        text: &'a str,
        parts: &[Span],
        references: &'a [crate::model::Reference],
        numbered_list: bool,
        config: &'a crate::config::Config,
        window: usize,
    ) -> Self {
        let vocab = &config.vocabulary;
        let mut plan = Plan {
            text,
            references,
            config,
            numbered_list,
            max: references.iter().map(|r| r.number).max().unwrap_or(0),
            listed: author_date::list(references, vocab),
            groups: groups(text, parts, window),
            shape: Shape::default(),
            habit: Habit::default(),
            narrative: std::collections::HashSet::new(),
            style: CitationStyle::Numbered,
            ready: None,
            next: 0,
            numbered: Carry::default(),
            author_date: author_date::Carry::default(),
        };
        if plan.groups.len() == 1 {
            plan.learn_one();
        } else {
            plan.learn();
        }
        plan
    }

    /// The document's citation style.
    pub(crate) fn style(&self) -> CitationStyle {
        self.style
    }

    /// A short text: its one window scanned once, learning as it goes.
    fn learn_one(&mut self) {
        let (text, vocab) = (self.text, &self.config.vocabulary);
        let windows = std::mem::take(&mut self.groups[0]);
        let candidates = candidates_in(text, &windows, self.max, vocab, &mut self.numbered);
        let shape = Shape::of(&candidates);
        let forms = &self.config.citation_forms;
        let numbered = numbered_scan(
            text,
            &windows,
            candidates,
            (self.max, forms),
            shape,
            None,
            0,
        );
        let mut ad =
            author_date::scan_windows(text, &windows, &self.listed, vocab, &mut self.author_date);
        let mut counts = Counts::default();
        counts.add_numbered(numbered.citations.iter());
        counts.add_author_date(&ad);
        let forms = author_date::narrative_forms(text, &ad);
        author_date::extend_narrative_names(text, &mut ad, &forms, vocab);
        self.style = self.decide(counts);
        self.ready = Some(self.merge(numbered, ad));
        self.next = 1;
    }

    /// A long text: learnt over every window in one pass: how many
    /// candidates are in square brackets and how many in round ones, the
    /// authors' names, and the habits both as if bare `(1)` numbered
    /// equations and as if not (which of the two holds is known at the end).
    fn learn(&mut self) {
        let (text, vocab) = (self.text, &self.config.vocabulary);
        let mut counts = Counts::default();
        let (mut numbered, mut ad) = (Carry::default(), author_date::Carry::default());
        let (mut kept, mut dropped) = ((Habit::default(), counts), (Habit::default(), counts));
        for windows in &self.groups {
            let mut candidates = candidates_in(text, windows, self.max, vocab, &mut numbered);
            self.shape.add(Shape::of(&candidates));
            self.tally(windows, &candidates, &mut kept);
            drop_equation_numbers(text, &mut candidates);
            self.tally(windows, &candidates, &mut dropped);
            let found = author_date::scan_windows(text, windows, &self.listed, vocab, &mut ad);
            counts.add_author_date(&found);
            self.narrative
                .extend(author_date::narrative_forms(text, &found));
        }
        let (habit, numbered) = if self.shape.numbers_equations() {
            dropped
        } else {
            kept
        };
        self.habit = habit;
        counts.numbered = numbered.numbered;
        counts.numbered_sure = numbered.numbered_sure;
        self.style = self.decide(counts);
    }

    /// Adds the habit of one window's `candidates` to `into`, and the
    /// numbered citations they make with the journal's own forms.
    fn tally(&self, windows: &[Window], candidates: &[Candidate], into: &mut (Habit, Counts)) {
        into.0.add(Habit::of(candidates, self.max));
        let forms = &self.config.citation_forms;
        if forms.is_empty() {
            into.1.add_numbered(candidates.iter().map(|c| &c.citation));
            return;
        }
        let mut candidates = candidates.to_vec();
        for window in windows {
            scan_forms(self.text, window, forms, &mut candidates);
        }
        into.1.add_numbered(candidates.iter().map(|c| &c.citation));
    }

    /// The style: as configured, else by number for a numbered list, else
    /// by author and year when its citations reach the list at least as
    /// often as sure numbered ones are found.
    fn decide(&self, counts: Counts) -> CitationStyle {
        self.config.style.unwrap_or({
            if self.numbered_list {
                CitationStyle::Numbered
            } else if counts.author_date_reaching > 0 && counts.author_date >= counts.numbered_sure
                || counts.numbered == 0 && !self.references.is_empty()
            {
                CitationStyle::AuthorDate
            } else {
                CitationStyle::Numbered
            }
        })
    }

    /// Keeps the citations of the document's style, and those of the
    /// other style that surely are citations, marked, in order.
    fn merge(&self, numbered: Scan, ad: author_date::Found) -> Scan {
        let (text, references, max) = (self.text, self.references, self.max);
        let mut all: Vec<(Citation, Vec<author_date::Resolution>, bool)> =
            Vec::with_capacity(numbered.citations.len() + ad.citations.len());
        let mut diagnostics = Vec::new();
        let overlaps = |taken: &[Span], c: &Citation| {
            taken
                .iter()
                .any(|t| t.start < c.span.end && c.span.start < t.end)
        };
        match self.style {
            CitationStyle::Numbered => {
                let taken: Vec<Span> = numbered.citations.iter().map(|c| c.span.clone()).collect();
                all.extend(
                    numbered
                        .citations
                        .into_iter()
                        .map(|c| (c, Vec::new(), false)),
                );
                diagnostics = numbered.diagnostics;
                for (c, r) in ad.citations.into_iter().zip(ad.resolutions) {
                    let sure = r
                        .iter()
                        .all(|x| matches!(x.outcome, author_date::Outcome::Found { .. }));
                    if sure && !overlaps(&taken, &c) && !references.is_empty() {
                        all.push((c, r, true));
                    }
                }
            }
            CitationStyle::AuthorDate => {
                diagnostics.extend(
                    ad.citations
                        .iter()
                        .zip(&ad.resolutions)
                        .flat_map(|(c, rs)| {
                            rs.iter().filter_map(|r| yearless_finding(c, r, references))
                        }),
                );
                diagnostics.extend(ad.citations.iter().flat_map(|c| comma_labels(text, c)));
                let taken: Vec<Span> = ad.citations.iter().map(|c| c.span.clone()).collect();
                all.extend(
                    ad.citations
                        .into_iter()
                        .zip(ad.resolutions)
                        .map(|(c, r)| (c, r, false)),
                );
                for c in numbered.citations {
                    // Against an unnumbered list a bare "[1]" glued to a word
                    // is a note's marker as printed on the web ("caliphate
                    // (929-1031 CE),[1]"): only a labelled locator makes it a
                    // citation by number.
                    let sure = !c.items.is_empty()
                        && c.items
                            .iter()
                            .all(|i| i.reference.is_some_and(|n| (1..=max).contains(&n)))
                        && surely_numbered(&c)
                        && (self.numbered_list
                            || has_labelled_locator(&c)
                            || !glued_to_word(text, c.span.start));
                    if sure && !overlaps(&taken, &c) {
                        all.push((c, Vec::new(), true));
                    }
                }
            }
        }
        all.sort_by_key(|(c, _, _)| c.span.start);
        let mut scan = Scan {
            diagnostics,
            style: self.style,
            citations: Vec::with_capacity(all.len()),
            ..Scan::default()
        };
        for (i, (c, r, other)) in all.into_iter().enumerate() {
            scan.citations.push(c);
            // Up to the last citation that has resolutions: a numbered one has
            // none, and a missing entry reads as none (`Context::resolved`),
            // so a numbered text's 10⁶ citations keep no empty vector each.
            if !r.is_empty() {
                scan.resolutions.resize_with(i, Vec::new);
                scan.resolutions.push(r);
            }
            if other {
                scan.other_style.push(i);
            }
        }
        scan
    }
}

impl Iterator for Plan<'_> {
    type Item = Scan;

    /// The scan of the next window.
    fn next(&mut self) -> Option<Scan> {
        if let Some(scan) = self.ready.take() {
            return Some(scan);
        }
        let windows = self.groups.get(self.next)?;
        self.next += 1;
        let (text, vocab) = (self.text, &self.config.vocabulary);
        let floor = self.numbered.resume;
        let candidates = candidates_in(text, windows, self.max, vocab, &mut self.numbered);
        let forms = &self.config.citation_forms;
        let numbered = numbered_scan(
            text,
            windows,
            candidates,
            (self.max, forms),
            self.shape,
            Some(self.habit),
            floor,
        );
        let mut ad =
            author_date::scan_windows(text, windows, &self.listed, vocab, &mut self.author_date);
        author_date::extend_narrative_names(text, &mut ad, &self.narrative, vocab);
        Some(self.merge(numbered, ad))
    }
}

/// The malformed-citation finding (C003) for an author–date item that
/// names its author and page but no year (`(Ülgener, s. 72)`), when the
/// list has one work by that author: the fix writes that work's year after
/// the name.
fn yearless_finding(
    citation: &Citation,
    r: &author_date::Resolution,
    references: &[crate::model::Reference],
) -> Option<Diagnostic> {
    if !r.yearless {
        return None;
    }
    let author_date::Outcome::Found { entry, .. } = r.outcome else {
        return None;
    };
    let year = references
        .iter()
        .find(|e| e.number == entry)?
        .year
        .map(|y| y.to_string())?;
    let (name, span) = &r.name;
    let cited = &citation.text;
    Some(
        Diagnostic::new(
            Rule::MalformedCitation,
            span.clone(),
            format!("`{cited}` names `{name}` and a page but no year"),
        )
        .with_reference(entry)
        .with_help(format!(
            "an author–date citation gives the year of the work: entry {entry} by {name} is of {year}"
        ))
        .with_fix(Fix::replace(
            format!("Insert `, {year}` after `{name}`"),
            Applicability::Unsafe,
            span.end..span.end,
            format!(", {year}"),
        )),
    )
}

/// The malformed-citation findings for the labels of an author–date
/// citation closed by a comma where their period belongs (`(Bulut, 2007,
/// s, 428)`), as the numbered scanner reports them.
fn comma_labels(text: &str, citation: &Citation) -> Vec<Diagnostic> {
    citation
        .items
        .iter()
        .flat_map(|i| i.locator.iter().chain(&i.more_locators))
        .filter_map(|loc| {
            let label = loc.printed.as_deref()?;
            let at = loc.span.start + label.len();
            (!label.ends_with('.') && text.get(at..)?.starts_with(','))
                .then(|| Issue::CommaForPeriod(at..at + 1, label.to_string()))
        })
        .filter_map(|issue| diagnose(&issue, citation, ","))
        .collect()
}

/// The bidi-control finding (R004) for the controls at `spans`, named
/// `what` in the message; `None` when there are none. Made here, where the
/// scanner meets a bracket the controls hid, and used by the rule in
/// `check/bidi_control.rs` for entries and citations.
pub(crate) fn bidi_finding(spans: Vec<Span>, what: String) -> Option<Diagnostic> {
    let first = spans.first()?.clone();
    let n = spans.len();
    let edits = spans
        .into_iter()
        .map(|span| Edit {
            span,
            replacement: String::new(),
        })
        .collect();
    Some(
        Diagnostic::new(
            Rule::BidiControl,
            first,
            format!(
                "{what} has {n} invisible bidirectional control character{}",
                if n == 1 { "" } else { "s" }
            ),
        )
        .with_help("it can make the printed text read differently from its bytes; remove it unless the text needs it")
        .with_fix(Fix {
            message: "Remove the control characters".into(),
            applicability: Applicability::Unsafe,
            edits,
        }),
    )
}

/// A bracket opening at `open` that would read as a citation but for
/// bidirectional controls in it (`(2, s.\u{202E}92\u{202C})`): the scanner
/// does not take it, and bidi-control reports it (a citation that was read
/// is checked by the rule itself).
fn hidden_by_controls(
    text: &str,
    open: usize,
    limit: usize,
    candidates: &[Candidate],
) -> Option<Diagnostic> {
    let close = if text.as_bytes()[open] == b'(' {
        ')'
    } else {
        ']'
    };
    // A citation is short: look no further than 400 bytes (a long line
    // scanned to its end at every bracket would make the scan quadratic).
    let mut reach = (open + 400).min(limit);
    while !text.is_char_boundary(reach) {
        reach -= 1;
    }
    let window = &text[open..reach];
    let line = window.find(['\n', '\r']).unwrap_or(window.len());
    let end = window.get(..line)?.find(close)? + close.len_utf8();
    let content = &window[1..end - 1];
    // Most brackets hold no control: no copy of them.
    if !content.chars().any(crate::script::is_bidi_control) {
        return None;
    }
    let visible: String = content
        .chars()
        .filter(|&c| !crate::script::is_bidi_control(c))
        .collect();
    if visible.len() == content.len() || !visible.trim_start().starts_with(is_digit) {
        return None;
    }
    let span = open..open + end;
    if candidates
        .iter()
        .any(|c| c.citation.span.start < span.end && span.start < c.citation.span.end)
    {
        return None;
    }
    let what = format!("`{}`", crate::script::escape_bidi(&text[span.clone()]));
    bidi_finding(crate::script::bidi_controls(&text[span], open), what)
}

/// Citations whose number is no entry number: more than six digits
/// (`(99999999999999999999, s.1)`) or digits with combining marks
/// (`(1\u{301}, s.5)`). The scanner does not read them as citations; they
/// are reported rather than passed over in silence. Only a bracket opening
/// with the number and a `,` or `;` after it counts, as in a citation with
/// a locator; `(1000000)` alone is a count in prose.
fn odd_numbers(text: &str, window: &Window, candidates: &[Candidate]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let limit = window.part.end;
    let from = window.scan.start;
    for k in memchr::memchr2_iter(b'(', b'[', &bytes[from..window.scan.end]) {
        let i = from + k;
        let rest = &text[i + 1..limit];
        if let Some(d) = hidden_by_controls(text, i, limit, candidates) {
            out.push(d);
            continue;
        }
        let digits: usize = rest
            .chars()
            .take_while(|c| is_digit(*c))
            .map(char::len_utf8)
            .sum();
        if digits == 0 {
            continue;
        }
        let marks: usize = rest[digits..]
            .chars()
            .take_while(|&c| unicode_normalization::char::is_combining_mark(c))
            .map(char::len_utf8)
            .sum();
        let long = rest[..digits].chars().count() > 6;
        if !long && marks == 0 {
            continue;
        }
        if !rest[digits + marks..].trim_start().starts_with([',', ';']) {
            continue;
        }
        let span = i + 1..i + 1 + digits + marks;
        if candidates
            .iter()
            .any(|c| c.citation.span.start < span.end && span.start < c.citation.span.end)
        {
            continue;
        }
        let printed = &text[span.clone()];
        let message = if long {
            format!("the citation number `{printed}` is out of range (at most six digits)")
        } else {
            format!("the citation number `{printed}` carries a combining mark")
        };
        out.push(
            Diagnostic::new(Rule::MalformedCitation, span, message)
                .with_help("write the entry's number as plain digits, as the list prints it"),
        );
    }
    out
}

/// Adds the matches of the journal's own forms that no citation already
/// covers, one entry each, keeping `candidates` in order of position.
fn scan_forms(
    text: &str,
    window: &Window,
    forms: &[CitationForm],
    candidates: &mut Vec<Candidate>,
) {
    // Matches start in the window and may run on to the end of its part.
    let body = window.scan.start..window.part.end;
    for form in forms {
        for caps in form.pattern.captures_iter(&text[body.clone()]) {
            let (Some(whole), Some(entry)) = (caps.get(0), caps.name("entry")) else {
                continue;
            };
            if body.start + whole.start() >= window.scan.end {
                break;
            }
            let span = body.start + whole.start()..body.start + whole.end();
            let Some(reference) =
                parse_number(entry.as_str().trim()).and_then(|n| u32::try_from(n).ok())
            else {
                continue;
            };
            if whole.is_empty()
                || candidates
                    .iter()
                    .any(|c| c.citation.span.start < span.end && span.start < c.citation.span.end)
            {
                continue;
            }
            let locator = caps
                .name("locator")
                .filter(|m| !m.as_str().trim().is_empty())
                .map(|m| Locator {
                    label: form.locator,
                    value: normalize_range(m.as_str().trim()),
                    printed: None,
                    span: body.start + m.start()..body.start + m.end(),
                });
            let citation = Citation {
                text: whole.as_str().to_string(),
                span,
                items: vec![CitationItem {
                    reference: Some(reference),
                    author: None,
                    year: None,
                    number_span: body.start + entry.start()..body.start + entry.end(),
                    locator,
                    more_locators: Vec::new(),
                    parts: Vec::new(),
                }],
                style: CitationStyle::Numbered,
                narrative: false,
            };
            let at = candidates.partition_point(|c| c.citation.span.start < citation.span.start);
            candidates.insert(
                at,
                Candidate {
                    citation,
                    issues: Vec::new(),
                    separator: None,
                    ibid: false,
                },
            );
        }
    }
}

/// Removes prose enumerations: "(1) the first …, (2) the second …" — bare
/// numbers in brackets, each followed by a word, counting 1, 2, 3 … in one
/// paragraph. A citation is followed by punctuation or ends a clause; an
/// enumeration introduces the words after it.
fn drop_enumerations(text: &str, candidates: &mut Vec<Candidate>) {
    let introduces_words = |c: &Candidate| {
        let after = &text[c.citation.span.end..];
        let t = after.trim_start_matches([' ', '\t']);
        after.len() != t.len() && t.starts_with(crate::script::is_letter)
    };
    let bare = |c: &Candidate| {
        c.citation.items.len() == 1
            && c.citation.items[0].locator.is_none()
            && c.citation.items[0].parts.is_empty()
            && c.citation.text.starts_with('(')
    };
    let mut drop = vec![false; candidates.len()];
    let mut k = 0;
    while k < candidates.len() {
        // A run starts at "(1)" followed by words.
        if !(bare(&candidates[k])
            && candidates[k].citation.items[0].reference == Some(1)
            && introduces_words(&candidates[k]))
        {
            k += 1;
            continue;
        }
        let mut run = vec![k];
        let mut next = 2;
        let mut j = k + 1;
        while j < candidates.len() {
            let between = &text[candidates[run[run.len() - 1]].citation.span.end
                ..candidates[j].citation.span.start];
            if between.contains("\n\n") {
                break;
            }
            if bare(&candidates[j])
                && candidates[j].citation.items[0].reference == Some(next)
                && introduces_words(&candidates[j])
            {
                run.push(j);
                next += 1;
            }
            j += 1;
        }
        if run.len() >= 2 {
            for &r in &run {
                drop[r] = true;
            }
        }
        k = run[run.len() - 1] + 1;
    }
    let mut index = 0;
    candidates.retain(|_| {
        let keep = !drop[index];
        index += 1;
        keep
    });
}

/// Whether an item's locator is a bare number or range with no label
/// (`[28, 34]`, `[4, 17‒20]`): a page, or further entries.
fn bare_locator(item: &CitationItem) -> bool {
    item.locator
        .as_ref()
        .is_some_and(|l| l.printed.is_none() && l.label == Meaning::Page)
        && item.more_locators.is_empty()
        && item.parts.is_empty()
}

/// The entry numbers a bare locator names when read as entries: `34`,
/// `17-20, 24`; none when a range runs backwards or too far to be a run
/// of entries.
fn as_entries(value: &str) -> Option<Vec<u32>> {
    let ranges = parse_ranges(value);
    if ranges.is_empty() {
        return None;
    }
    let mut out = Vec::new();
    for (a, b) in ranges {
        if a == 0 || b < a || b - a > 50 {
            return None;
        }
        for k in a..=b {
            out.push(u32::try_from(k).ok()?);
        }
    }
    Some(out)
}

/// An entry number half as far again as the list is long is a page.
fn plausible_entry(n: u32, max: u32) -> bool {
    u64::from(n) * 2 <= u64::from(max) * 3
}

/// What [`read_by_habit`] learns of a document's candidates: how it writes
/// pages, and the separator its citations use between number and locator.
/// Tallied window by window and added up (issue 12).
#[derive(Debug, Clone, Copy)]
struct Habit {
    /// Citations with a labelled page (`[1, с. 12]`).
    labelled_pages: usize,
    /// Citations with a bare number after an entry (`[39, 250]`).
    bare: usize,
    /// Whether a citation cites a run of entries (`[1, 26, 9, 11]`).
    runs: bool,
    /// Whether every bare number reads as entries the list may have.
    bare_all_entries: bool,
    /// Citations separating number and locator by `,` and by `;`.
    commas: usize,
    semicolons: usize,
}

impl Default for Habit {
    fn default() -> Self {
        Habit {
            labelled_pages: 0,
            bare: 0,
            runs: false,
            bare_all_entries: true,
            commas: 0,
            semicolons: 0,
        }
    }
}

impl Habit {
    fn of(candidates: &[Candidate], max: u32) -> Self {
        let labelled_pages = candidates
            .iter()
            .filter(|c| {
                c.citation.items.iter().any(|i| {
                    i.locator
                        .as_ref()
                        .is_some_and(|l| l.printed.is_some() && l.label == Meaning::Page)
                })
            })
            .count();
        let bare = candidates
            .iter()
            .filter(|c| c.citation.items.iter().any(bare_locator))
            .count();
        let runs = candidates.iter().any(|c| {
            c.citation.items.len() >= 3 && c.citation.items.iter().all(|i| i.locator.is_none())
        });
        let bare_all_entries = candidates
            .iter()
            .flat_map(|c| &c.citation.items)
            .filter(|i| bare_locator(i))
            .all(|i| {
                i.locator
                    .as_ref()
                    .and_then(|l| as_entries(&l.value))
                    .is_some_and(|e| e.iter().all(|n| plausible_entry(*n, max)))
            });
        let separated = |sep: &str| {
            candidates
                .iter()
                .filter(|c| c.separator.as_deref() == Some(sep))
                .count()
        };
        Habit {
            labelled_pages,
            bare,
            runs,
            bare_all_entries,
            commas: separated(","),
            semicolons: separated(";"),
        }
    }

    fn add(&mut self, other: Habit) {
        self.labelled_pages += other.labelled_pages;
        self.bare += other.bare;
        self.runs |= other.runs;
        self.bare_all_entries &= other.bare_all_entries;
        self.commas += other.commas;
        self.semicolons += other.semicolons;
    }

    /// A document that labels no page but cites runs of entries (`[1, 26,
    /// 9, 11]`, `[5‒7, 16, 21]`) and never a bare number too far to be an
    /// entry: its `[28, 34]` and `[4, 17‒20, 24]` are entries too.
    fn entries_only(&self) -> bool {
        self.labelled_pages == 0 && self.runs && self.bare_all_entries
    }

    /// The document's separator between number and locator: the one most
    /// citations use (`,` when tied, as the AAK rule writes "[153, c.1,86-91]").
    fn convention(&self) -> &'static str {
        if self.semicolons > self.commas {
            ";"
        } else {
            ","
        }
    }
}

/// Reads bare numbers after an entry by the document's habit. A document
/// that labels its pages (`[1, с. 12]`, GOST R 7.0.5-2008 §7) at least as
/// often as it writes bare ones means further entries by `[28, 34]` and
/// `[4, 17‒20, 24]`; those become items (a number the list lacks is then
/// dangling, not a page). Where the habit says entries but a number lies
/// far beyond the list, or where the document mixes both habits and every
/// number is an entry of the list, the reading is unclear: the page reading
/// stands and an `ambiguous-citation` finding names both readings.
fn read_by_habit(candidates: &mut [Candidate], max: u32, habit: &Habit) -> Vec<Diagnostic> {
    let Habit {
        labelled_pages,
        bare,
        ..
    } = *habit;
    let entries_only = habit.entries_only();
    let mut out = Vec::new();
    // An entry number half as far again as the list is long is a page.
    let plausible = |n: u32| plausible_entry(n, max);
    // A document that writes its pages bare ("[39, 250]"): "[2, 3]" may be
    // entries 2 and 3 or entry 2 at page 3. Entries, as before; a finding
    // names both readings.
    if bare > labelled_pages && !entries_only {
        out.extend(candidates.iter().filter_map(|c| pair_as_page(&c.citation)));
    }
    if labelled_pages == 0 && !entries_only || max == 0 {
        return out;
    }
    let entries_habit = labelled_pages >= bare || entries_only;
    for cand in candidates.iter_mut() {
        let mut k = 0;
        while k < cand.citation.items.len() {
            let item = &cand.citation.items[k];
            let Some(loc) = item.locator.clone().filter(|_| bare_locator(item)) else {
                k += 1;
                continue;
            };
            let Some(entries) = as_entries(&loc.value) else {
                k += 1;
                continue;
            };
            let convert = if entries_habit {
                entries.iter().all(|n| plausible(*n))
            } else {
                false
            };
            let unclear = if entries_habit {
                !convert
            } else {
                entries.iter().all(|n| *n <= max)
            };
            if convert {
                cand.citation.items[k].locator = None;
                let new: Vec<CitationItem> = entries
                    .iter()
                    .map(|n| CitationItem {
                        reference: Some(*n),
                        author: None,
                        year: None,
                        number_span: loc.span.clone(),
                        locator: None,
                        more_locators: Vec::new(),
                        parts: Vec::new(),
                    })
                    .collect();
                let added = new.len();
                cand.citation.items.splice(k + 1..k + 1, new);
                k += added + 1;
                continue;
            }
            if unclear {
                let n = cand.citation.items[k].reference.unwrap_or(0);
                let listed = crate::diagnostic::list_numbers(&entries);
                out.push(
                    Diagnostic::new(
                        Rule::AmbiguousCitation,
                        loc.span.clone(),
                        format!(
                            "`{}` reads as entry {n} at page {} or as entries {n}, {listed}",
                            cand.citation.text, loc.value
                        ),
                    )
                    .with_reference(n)
                    .with_help("write the page with its label (`с. 34`, `s. 34`, `p. 34`) or separate entries with `;`"),
                );
            }
            k += 1;
        }
    }
    out
}

/// `[2, 3]`: two bare entries that could be an entry and its page.
fn pair_as_page(citation: &Citation) -> Option<Diagnostic> {
    let [first, second] = citation.items.as_slice() else {
        return None;
    };
    let bare =
        |i: &CitationItem| i.locator.is_none() && i.more_locators.is_empty() && i.parts.is_empty();
    // Two numbers of their own, not one range read as two entries.
    if !(bare(first) && bare(second)) || first.number_span == second.number_span {
        return None;
    }
    // "[2; 3]" says entries.
    let at = |i: usize| i.checked_sub(citation.span.start);
    let between = citation
        .text
        .get(at(first.number_span.end)?..at(second.number_span.start)?)?;
    if between.trim() != "," {
        return None;
    }
    let (n, m) = (first.reference?, second.reference?);
    Some(
        Diagnostic::new(
            Rule::AmbiguousCitation,
            citation.span.clone(),
            format!(
                "`{}` reads as entries {n} and {m} or, as this document writes its pages bare, as entry {n} at page {m}",
                citation.text
            ),
        )
        .with_reference(n)
        .with_help("separate entries with `;` (`[2; 3]`), or write the page with its label (`с. 3`, `s. 3`, `p. 3`)"),
    )
}

/// How many of a document's candidates are in square brackets and how
/// many in round ones: whether its bare `(1)` may number equations.
#[derive(Debug, Clone, Copy, Default)]
struct Shape {
    square: usize,
    round: usize,
}

impl Shape {
    fn of(candidates: &[Candidate]) -> Self {
        let square = candidates
            .iter()
            .filter(|c| c.citation.text.starts_with('['))
            .count();
        Shape {
            square,
            round: candidates.len() - square,
        }
    }

    fn add(&mut self, other: Shape) {
        self.square += other.square;
        self.round += other.round;
    }

    /// Whether the document cites in square brackets (at least as often
    /// as in round ones), so that a bare `(1)` may number an equation.
    fn numbers_equations(self) -> bool {
        self.square > 0 && self.round <= self.square
    }
}

/// Removes equation numbers ([`drop_equation_numbers`]) when the
/// document's `shape` says its bare `(1)` may number them.
fn drop_equation_numbers_by(text: &str, candidates: &mut Vec<Candidate>, shape: Shape) {
    if shape.numbers_equations() {
        drop_equation_numbers(text, candidates);
    }
}

/// Removes equation numbers: in a document that cites in square brackets,
/// a bare `(1)` that ends its line or stands on a line with a formula sign
/// numbers an equation.
fn drop_equation_numbers(text: &str, candidates: &mut Vec<Candidate>) {
    let equation_number = |c: &Candidate| {
        let span = &c.citation.span;
        if !c.citation.text.starts_with('(')
            || c.citation.items.len() != 1
            || c.citation.items[0].locator.is_some()
        {
            return false;
        }
        let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[span.end..]
            .find('\n')
            .map_or(text.len(), |i| span.end + i);
        let before = &text[line_start..span.start];
        let after = text[span.end..line_end].trim();
        let formula = |s: &str| s.contains(['=', '≤', '≥', '±', '×', '÷', '∑', '∫', '√']);
        formula(before)
            || formula(after)
            || after.is_empty() && !before.trim_end().ends_with(crate::script::is_letter)
    };
    candidates.retain(|c| !equation_number(c));
}

fn diagnose(issue: &Issue, citation: &Citation, convention: &str) -> Option<Diagnostic> {
    let cited = &citation.text;
    let d = match issue {
        Issue::Separator(span, found) => {
            if found == convention {
                return None;
            }
            let doubled = found.chars().count() > 1;
            let message = if doubled {
                format!("`{cited}` has `{found}` between the entry number and its locator")
            } else {
                format!("`{cited}` separates the entry number from its locator with `{found}`; this document uses `{convention}`")
            };
            Diagnostic::new(Rule::MalformedCitation, span.clone(), message)
                .with_help(if doubled {
                    format!("one `{convention}` separates the number from the locator")
                } else {
                    format!("`{found}` separates entries in a citation; write the locator after `{convention}`")
                })
                .with_fix(Fix::replace(format!("Replace `{found}` with `{convention}`"), Applicability::Safe, span.clone(), convention))
        }
        Issue::MissingSeparator(at) => Diagnostic::new(
            Rule::MalformedCitation,
            *at..*at,
            format!("`{cited}` has no separator between the entry number and its locator"),
        )
        .with_fix(Fix::replace(format!("Insert `{convention}`"), Applicability::Safe, *at..*at, convention)),
        Issue::UnknownLabel(span, label) => Diagnostic::new(
            Rule::MalformedCitation,
            span.clone(),
            format!("`{label}` in `{cited}` is not a known locator label"),
        )
        .with_help("use a page label such as `s.`, `səh.`, `с.`, `p.`, `ص`, or a leaf label such as `v.`, `л.`, `f.`; labels can be added in istinad.toml under [[locators.label]]"),
        Issue::LatinInCyrillic(span, label) => {
            let fixed: String = label.chars().map(|c| match c { 'c' => 'с', 'C' => 'С', _ => c }).collect();
            // The citation reads well (the label is the page's): a slip of
            // the keyboard, as in an entry, not a broken form.
            Diagnostic::new(
                Rule::MixedScript,
                span.clone(),
                format!("the label `{label}` in `{cited}` is written with a Latin `c` in Cyrillic text"),
            )
            .with_help("Latin `c.` is the Azerbaijani volume label (cild); the Russian page label is Cyrillic `с.`")
            .with_fix(Fix::replace(format!("Replace `{label}` with Cyrillic `{fixed}`"), Applicability::Safe, span.clone(), fixed))
        }
        Issue::Stray(span, what) => Diagnostic::new(
            Rule::MalformedCitation,
            span.clone(),
            format!("`{cited}` has a stray `{what}`"),
        )
        .with_fix(Fix::replace(format!("Remove `{what}`"), Applicability::Safe, span.clone(), "")),
        Issue::MismatchedClose(span, expected) => Diagnostic::new(
            Rule::MalformedCitation,
            span.clone(),
            format!("`{cited}` opens and closes with different brackets"),
        )
        .with_fix(Fix::replace(format!("Replace with `{expected}`"), Applicability::Safe, span.clone(), expected.to_string())),
        Issue::CommaForPeriod(span, label) => Diagnostic::new(
            Rule::MalformedCitation,
            span.clone(),
            format!("the label `{label},` in `{cited}` ends with a comma where its period belongs"),
        )
        .with_help(format!("write `{label}.` before the page: a comma separates the parts of a citation"))
        .with_fix(Fix::replace(format!("Replace `{label},` with `{label}.`"), Applicability::Safe, span.clone(), ".")),
        Issue::LongRange(span, n, m) => Diagnostic::new(
            Rule::MalformedCitation,
            span.clone(),
            format!("`{cited}` cites entries {n} to {m}, {} entries: too many to be one run of entries", m - n + 1),
        )
        .with_help("write the entries out, or check the numbers: a page range needs its label (`с.`, `s.`, `p.`)"),
        Issue::Unclosed(at, close) => Diagnostic::new(
            Rule::MalformedCitation,
            citation.span.clone(),
            format!("`{cited}` has no closing `{close}`"),
        )
        .with_fix(Fix::replace(format!("Insert `{close}`"), Applicability::Unsafe, *at..*at, close.to_string())),
    };
    Some(d.with_reference_opt(citation.items.first().and_then(|i| i.reference)))
}

/// Tries to read a citation opening at `open`.
fn candidate(
    text: &str,
    open: usize,
    limit: usize,
    max: u32,
    vocab: &Vocabulary,
) -> Option<(Candidate, usize)> {
    let open_ch = text[open..].chars().next()?;
    let close_ch = if open_ch == '(' { ')' } else { ']' };
    let other_close = if open_ch == '(' { ']' } else { ')' };
    // The content runs to the matching close, the other close, or the end
    // of the line.
    let start = open + 1;
    let mut window_end = limit.min(start + 400);
    while !text.is_char_boundary(window_end) {
        window_end -= 1;
    }
    let mut end = None;
    let mut mismatched = false;
    let mut depth = 0;
    let mut line_end = window_end;
    for (k, c) in text[start..window_end].char_indices() {
        let at = start + k;
        match c {
            '(' | '[' => depth += 1,
            c if c == close_ch && depth == 0 => {
                end = Some(at);
                break;
            }
            c if c == other_close && depth == 0 => {
                end = Some(at);
                mismatched = true;
                break;
            }
            ')' | ']' => depth -= 1,
            '\n' | '\r' => {
                // A single line break may fall inside a citation; a blank
                // line may not.
                let rest = &text[at + 1..window_end];
                if rest.trim_start_matches([' ', '\t', '\r']).starts_with('\n')
                    || c == '\r' && rest.starts_with("\r")
                {
                    line_end = at;
                    break;
                }
            }
            _ => {}
        }
    }
    let content_end = end.unwrap_or(line_end);
    let content = &text[start..content_end];
    let mut lead = content.len() - content.trim_start().len();
    if !content[lead..].starts_with(is_digit) {
        let s = &content[lead..];
        // "[там же, с. 28]": the entry the citation before cites.
        if let Some((len, _)) = vocab.index.ibid.match_start(s)
            && let Some(close) = end
            && !content.contains(EMPHASIS)
        {
            let ibid = ibid_candidate(
                text,
                open..close + close_ch.len_utf8(),
                start + lead + len,
                vocab,
            )?;
            return Some((ibid, close + close_ch.len_utf8()));
        }
        // "[см.: 5, 6, 7]", "[цит. по 3, с. 31]": a word that introduces
        // the citation.
        let rest = past_lead_in(s, &vocab.index.see)
            .or_else(|| past_lead_in(s, &vocab.index.cite_quoted_in))?;
        if !rest.starts_with(is_digit) {
            return None;
        }
        lead += s.len() - rest.len();
    }
    let parsed = if content.contains(EMPHASIS) {
        // Markdown emphasis inside a citation, as in `(5, *s.* 329)`: read
        // the content with the marks as spaces (one byte each, so offsets
        // hold), then move the spans back into the text.
        let masked = content.replace(EMPHASIS, " ");
        let mut parsed = read_content(&masked, lead, masked.len(), max, vocab)?;
        parsed.shift(start);
        parsed
    } else {
        read_content(text, start + lead, content_end, max, vocab)?
    };
    let mut issues = parsed.issues;
    let (cite_end, close_at) = match end {
        Some(e) => (e + close_ch.len_utf8().max(1), Some(e)),
        None => {
            // Unclosed: the citation ends where its grammar did.
            if parsed.consumed_to >= content_end.min(parsed.consumed_to) && parsed.insert_at > start
            {
                (parsed.insert_at, None)
            } else {
                return None;
            }
        }
    };
    if end.is_some() && parsed.consumed_to < content_end {
        // Something after the last locator that is not a citation.
        let tail = text[parsed.consumed_to..content_end]
            .trim_matches(|c: char| c.is_whitespace() || EMPHASIS.contains(&c));
        if !tail.is_empty() {
            return None;
        }
    }
    if end.is_none() {
        // Only a citation that also has a locator is reported as unclosed;
        // "(12 and more text" is prose.
        if !parsed
            .items
            .iter()
            .any(|i| i.locator.is_some() || !i.parts.is_empty())
        {
            return None;
        }
        issues.push(Issue::Unclosed(parsed.insert_at, close_ch));
    }
    if mismatched && let Some(at) = close_at {
        issues.push(Issue::MismatchedClose(
            at..at + other_close.len_utf8(),
            close_ch,
        ));
    }
    // Years and page numbers in prose are not entry numbers.
    if parsed.items.iter().all(|i| {
        i.reference
            .is_some_and(|n| n > max && (max > 0 || n >= 1000))
    }) && (parsed
        .items
        .iter()
        .any(|i| i.reference.is_some_and(|n| n >= 1000))
        || parsed.year_like)
    {
        return None;
    }
    if parsed.items.is_empty() {
        return None;
    }
    // A lone big number in brackets with no locator is a year or a count.
    if parsed.items.len() == 1
        && parsed.items[0].locator.is_none()
        && parsed.items[0].reference.is_some_and(|n| n >= 1000)
        && parsed.items[0].reference.is_some_and(|n| n > max)
    {
        return None;
    }
    let mut citation = Citation {
        text: text[open..cite_end].to_string(),
        span: open..cite_end,
        // Most citations cite one entry: the capacity of four a pushed
        // vector starts with made the items three quarters of a long
        // document's memory (issue 12).
        items: {
            let mut items = parsed.items;
            items.shrink_to_fit();
            items
        },
        style: CitationStyle::Numbered,
        narrative: false,
    };
    // Latin c/C labels in Cyrillic text: flagged, and read as the Cyrillic
    // page label the author meant, so that the later checks see a page.
    // The paragraph's script is read only when a label could be such a `c`:
    // reading it for every citation made the scan 800 bytes per citation.
    let latin_c =
        |p: &String| p.starts_with(['c', 'C']) && p.chars().filter(|c| c.is_letter()).count() == 1;
    let any_latin_c = citation.items.iter().any(|item| {
        item.locator
            .iter()
            .chain(&item.more_locators)
            .any(|loc| loc.printed.as_ref().is_some_and(latin_c))
    });
    if any_latin_c && dominant_script(paragraph_around(text, open)) == Some(Script::Cyrillic) {
        for item in &mut citation.items {
            for loc in item.locator.iter_mut().chain(&mut item.more_locators) {
                if let Some(p) = &loc.printed
                    && latin_c(p)
                {
                    issues.push(Issue::LatinInCyrillic(
                        loc.span.start..loc.span.start + p.len(),
                        p.clone(),
                    ));
                    loc.label = Meaning::Page;
                }
            }
        }
    }
    Some((
        Candidate {
            citation,
            issues,
            separator: parsed.separator,
            ibid: false,
        },
        cite_end,
    ))
}

/// What follows a lead-in word of `words` at the start of `s` (`см.:`,
/// `bkz.`, `цит. по`), past its colon and spaces; `None` when `s` opens
/// with none.
pub(crate) fn past_lead_in<'a>(s: &'a str, words: &crate::vocab::Lexicon<()>) -> Option<&'a str> {
    let (len, _) = words.match_start(s)?;
    Some(s[len..].trim_start_matches(|c: char| c == ':' || c.is_whitespace()))
}

/// An ibid citation in `text[span]` whose ibid word ends at `from`
/// (`[там же]`, `[там же, с. 28]`, `(ibid., p. 4)`): one item, its entry
/// left for [`resolve_ibids`] to take from the citation before, and the
/// locator that may follow. Anything else after the word: not a citation.
fn ibid_candidate(text: &str, span: Span, from: usize, vocab: &Vocabulary) -> Option<Candidate> {
    let to = span.end - 1;
    let (sep, sep_span) = separator_at(text, from, to);
    let mut locator = None;
    if !text[sep_span.end..to].trim().is_empty() {
        if !matches!(sep.trim(), "," | "،" | ":") {
            return None;
        }
        let (loc, loc_end, _) = locator_at(text, sep_span.end, to, vocab)?;
        if !text[loc_end..to]
            .trim_matches(|c: char| c.is_whitespace() || c == '.')
            .is_empty()
        {
            return None;
        }
        locator = Some(loc);
    }
    Some(Candidate {
        citation: Citation {
            text: text[span.clone()].to_string(),
            items: vec![CitationItem {
                reference: None,
                author: None,
                year: None,
                number_span: span.start + 1..from,
                locator,
                more_locators: Vec::new(),
                parts: Vec::new(),
            }],
            span,
            style: CitationStyle::Numbered,
            narrative: false,
        },
        issues: Vec::new(),
        separator: None,
        ibid: true,
    })
}

/// Gives each ibid citation the entry of the citation before it (its last
/// item's); an ibid with none before it is not kept.
/// `last` is the entry cited last before these candidates, and becomes
/// the one cited last among them.
fn resolve_ibids(candidates: &mut Vec<Candidate>, last: &mut Option<u32>) {
    candidates.retain_mut(|c| {
        if c.ibid {
            let Some(n) = *last else { return false };
            for item in &mut c.citation.items {
                item.reference = Some(n);
            }
        } else {
            *last = c.citation.items.last().and_then(|i| i.reference).or(*last);
        }
        true
    });
}

/// The text around a citation that tells its script: the paragraph, cut to
/// a few hundred bytes on each side so that scanning stays linear.
fn paragraph_around(text: &str, at: usize) -> &str {
    const REACH: usize = 400;
    let mut lo = at.saturating_sub(REACH);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let mut hi = (at + REACH).min(text.len());
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let start = text[lo..at].rfind("\n\n").map_or(lo, |i| lo + i + 2);
    let end = text[at..hi].find("\n\n").map_or(hi, |i| at + i);
    &text[start..end]
}

struct Parsed {
    items: Vec<CitationItem>,
    issues: Vec<Issue>,
    separator: Option<String>,
    /// Where the content read ends, separators included.
    consumed_to: usize,
    /// Where a missing closing bracket would go.
    insert_at: usize,
    year_like: bool,
}

/// Markdown emphasis marks, which a citation may carry inside its brackets.
const EMPHASIS: [char; 2] = ['*', '_'];

impl Parsed {
    /// Moves every offset `by` bytes on, for content read from a copy.
    fn shift(&mut self, by: usize) {
        let span = |s: &mut Span| *s = s.start + by..s.end + by;
        for item in &mut self.items {
            span(&mut item.number_span);
            for loc in item.locator.iter_mut().chain(&mut item.more_locators) {
                span(&mut loc.span);
            }
            for part in &mut item.parts {
                span(&mut part.span);
            }
        }
        for issue in &mut self.issues {
            match issue {
                Issue::Separator(s, _)
                | Issue::UnknownLabel(s, _)
                | Issue::LatinInCyrillic(s, _)
                | Issue::Stray(s, _)
                | Issue::MismatchedClose(s, _)
                | Issue::CommaForPeriod(s, _)
                | Issue::LongRange(s, ..) => span(s),
                Issue::MissingSeparator(at) | Issue::Unclosed(at, _) => *at += by,
            }
        }
        self.consumed_to += by;
        self.insert_at += by;
    }
}

/// Reads the content of a bracket from `from` to `to`: entries, ranges of
/// entries and locators.
fn read_content(
    text: &str,
    from: usize,
    to: usize,
    max: u32,
    vocab: &Vocabulary,
) -> Option<Parsed> {
    let mut items: Vec<CitationItem> = Vec::new();
    let mut issues = Vec::new();
    let mut separator = None;
    let mut pos = from;
    let mut year_like = false;
    let at = |pos: usize| &text[pos..to];
    loop {
        // An entry number, or a range of entries "1–3".
        let (n, n_len) = number_at(at(pos))?;
        let n_span = pos..pos + n_len;
        pos += n_len;
        let mut range_to = None;
        if let Some((dash_len, (m, m_len))) = dash_then_number(at(pos)) {
            // "1917 - 1933" is a span of years, not of entries.
            if n >= 1000 || m >= 1000 {
                year_like = true;
                return Some(Parsed {
                    items: vec![CitationItem {
                        reference: Some(n),
                        author: None,
                        year: None,
                        number_span: n_span,
                        locator: None,
                        more_locators: vec![],
                        parts: vec![],
                    }],
                    issues,
                    separator,
                    consumed_to: pos + dash_len + m_len,
                    insert_at: pos + dash_len + m_len,
                    year_like,
                });
            }
            if m > n && m - n <= 50 {
                range_to = Some(m);
                pos += dash_len + m_len;
            } else if m > n && n <= max && text[..from].ends_with('[') {
                // "[5–60]" in a list of 33: no run of entries is that long,
                // and a bracket of numbers never vanishes: the first entry
                // stands, and the range is a finding.
                let end = pos + dash_len + m_len;
                issues.push(Issue::LongRange(n_span.start..end, n, m));
                pos = end;
            } else {
                return None;
            }
        }
        // Years with suffixes ("1920-ci") are not citations.
        if at(pos).starts_with(|c: char| c.is_letter()) {
            return None;
        }
        let first = items.len();
        items.push(CitationItem {
            reference: Some(n),
            author: None,
            year: None,
            number_span: n_span.clone(),
            locator: None,
            more_locators: vec![],
            parts: vec![],
        });
        if let Some(m) = range_to {
            for k in n + 1..=m {
                items.push(CitationItem {
                    reference: Some(k),
                    author: None,
                    year: None,
                    number_span: n_span.clone(),
                    locator: None,
                    more_locators: vec![],
                    parts: vec![],
                });
            }
        }
        // Separator, then a locator, another entry, or the end.
        let (sep_text, sep_span) = separator_at(text, pos, to);
        let after_sep = sep_span.end;
        let rest = at(after_sep);
        if rest.trim().is_empty() {
            if !sep_text.trim().is_empty() {
                issues.push(Issue::Stray(sep_span.clone(), sep_text.trim().to_string()));
            }
            return Some(Parsed {
                items,
                issues,
                separator,
                consumed_to: sep_span.end,
                insert_at: trim_end_pos(text, sep_span.start),
                year_like,
            });
        }
        let sep_core = sep_text.trim().to_string();
        // Another entry: "[1, 4, 7]" — a bare number after a comma that is
        // an entry of the list and not a range ("[39, 250-252]" is a page).
        if matches!(sep_core.as_str(), "," | "،" | ";" | "؛")
            && let Some((m, m_len)) = number_at(rest)
            && m <= max
            && dash_then_number(&rest[m_len..]).is_none()
            && !rest[m_len..]
                .trim_start()
                .starts_with(|c: char| c.is_letter())
        {
            pos = after_sep;
            continue;
        }
        // Archival parts of the cited entry: "[5, Д. 17. Л. 8]", "(7, iş 96, v. 20-27)".
        if let Some((parts, loc, parts_end)) = archival_at(text, after_sep, to, vocab) {
            match sep_core.as_str() {
                "," | "،" => {}
                "" => issues.push(Issue::MissingSeparator(pos)),
                _ => issues.push(Issue::Separator(
                    trimmed_span(text, &sep_span),
                    sep_core.clone(),
                )),
            }
            if !sep_core.is_empty() && separator.is_none() {
                separator = Some(",".to_string());
            }
            let last = items.len() - 1;
            items[last].locator = loc;
            items[last].parts = parts;
            pos = parts_end;
        } else if let Some((loc, loc_end, unknown)) = locator_at(text, after_sep, to, vocab) {
            // "[1–3, s. 5]": a locator after a range of entries goes with
            // the last one.
            match sep_core.as_str() {
                "" => issues.push(Issue::MissingSeparator(pos)),
                "," | "،" => {}
                _ => issues.push(Issue::Separator(
                    trimmed_span(text, &sep_span),
                    sep_core.clone(),
                )),
            }
            if !sep_core.is_empty() && separator.is_none() {
                separator = Some(if sep_core == "،" {
                    ",".to_string()
                } else {
                    sep_core.clone()
                });
            }
            if let Some(u) = unknown {
                issues.push(u);
            }
            let last = items.len() - 1;
            items[last].locator = Some(loc);
            pos = loc_end;
            // Further locators: "c.1,86-91", "s.105,110" is one list.
            loop {
                let (s2, s2_span) = separator_at(text, pos, to);
                if s2.trim() != "," && s2.trim() != "،" {
                    break;
                }
                match locator_at(text, s2_span.end, to, vocab) {
                    Some((loc2, e2, unknown2))
                        if loc2.printed.is_some()
                            || items[last]
                                .locator
                                .as_ref()
                                .is_some_and(|l| l.label != Meaning::Page) =>
                    {
                        if let Some(u) = unknown2 {
                            issues.push(u);
                        }
                        items[last].more_locators.push(loc2);
                        pos = e2;
                    }
                    _ => break,
                }
            }
            let _ = first;
        } else {
            pos = after_sep;
            if sep_core.is_empty() {
                return None;
            }
            continue;
        }
        // After a locator: ";" and another entry, or the end.
        let (s3, s3_span) = separator_at(text, pos, to);
        let rest = at(s3_span.end);
        if rest.trim().is_empty() {
            if !s3.trim().is_empty() {
                issues.push(Issue::Stray(
                    trimmed_span(text, &s3_span),
                    s3.trim().to_string(),
                ));
            }
            return Some(Parsed {
                items,
                issues,
                separator,
                consumed_to: s3_span.end,
                insert_at: trim_end_pos(text, s3_span.start),
                year_like,
            });
        }
        if !matches!(s3.trim(), ";" | "؛" | ",") || number_at(rest.trim_start()).is_none() {
            return Some(Parsed {
                items,
                issues,
                separator,
                consumed_to: pos,
                insert_at: pos,
                year_like,
            });
        }
        pos = s3_span.end + (rest.len() - rest.trim_start().len());
        let _ = max;
    }
}

fn trim_end_pos(text: &str, pos: usize) -> usize {
    pos - (text[..pos].len() - text[..pos].trim_end().len())
}

fn trimmed_span(text: &str, span: &Span) -> Span {
    let s = &text[span.clone()];
    let lead = s.len() - s.trim_start().len();
    let core = s.trim();
    span.start + lead..span.start + lead + core.len()
}

/// An entry number at the start of `s` (any digit script), with its length.
fn number_at(s: &str) -> Option<(u32, usize)> {
    let len: usize = s
        .chars()
        .take_while(|c| is_digit(*c))
        .map(char::len_utf8)
        .sum();
    if len == 0 || s[..len].chars().count() > 6 {
        return None;
    }
    // "3.5" is a decimal, not an entry.
    let rest = &s[len..];
    if rest.starts_with(['.', ',']) && rest[1..].starts_with(is_digit) {
        return None;
    }
    let n = u32::try_from(parse_number(&s[..len])?).ok()?;
    Some((n, len))
}

fn dash_then_number(s: &str) -> Option<(usize, (u32, usize))> {
    let t = s.trim_start();
    let lead = s.len() - t.len();
    let c = t.chars().next()?;
    if !is_dash(c) {
        return None;
    }
    let after = &t[c.len_utf8()..];
    let t2 = after.trim_start();
    let lead2 = after.len() - t2.len();
    let (m, m_len) = number_at(t2)?;
    Some((lead + c.len_utf8() + lead2, (m, m_len)))
}

/// Separator characters at `pos`: spaces and `,;.:،؛`.
fn separator_at(text: &str, pos: usize, to: usize) -> (String, Span) {
    let s = &text[pos..to];
    let len: usize = s
        .chars()
        .take_while(|c| c.is_whitespace() || matches!(c, ',' | ';' | '.' | ':' | '،' | '؛'))
        .map(char::len_utf8)
        .sum();
    (s[..len].to_string(), pos..pos + len)
}

/// Archival parts at `pos`, each with its meaning: `Д. 17. Л. 8`,
/// `Дело 40. Л. 2-3`, `iş 96, v. 20-27`, `Dosya 12, Gömlek 5`. The first
/// label names an archival unit (fond, inventory, file, item, box:
/// `[components]` in `bib/archives.toml`); later units follow the archival
/// order; a leaf
/// or page locator ends the sequence and is returned as the locator.
fn archival_at(
    text: &str,
    pos: usize,
    to: usize,
    vocab: &Vocabulary,
) -> Option<(Vec<LocatorPart>, Option<Locator>, usize)> {
    let order = &vocab.archives.order;
    let rank = |c: Component| order.iter().position(|o| *o == c);
    let mut parts: Vec<LocatorPart> = Vec::new();
    let mut last_rank: Option<usize> = None;
    let mut cur = pos;
    let mut end = pos;
    let mut locator = None;
    let mut unambiguous = false;
    loop {
        let s = &text[cur..to];
        let unit = vocab
            .index
            .components
            .match_start(s)
            .filter(|(len, _)| !s[*len..].starts_with(crate::script::is_letter_or_digit))
            .and_then(|(len, comps)| {
                let component = comps.iter().copied().find(|c| {
                    *c != Component::Leaves
                        && last_rank.is_none_or(|r| rank(*c).is_some_and(|k| k >= r))
                })?;
                let as_label = vocab.index.labels.match_start(s).map(|(l, _)| l);
                Some((len, component, as_label.is_some_and(|l| l >= len)))
            });
        if let Some((len, component, locator_label)) = unit
            && let Some((value, value_end)) = archival_value(text, cur + len, to)
        {
            unambiguous |= !locator_label;
            parts.push(LocatorPart {
                part: Part::Archival(component),
                value,
                printed: Some(text[cur..cur + len].trim().to_string()),
                verso: false,
                span: cur..value_end,
            });
            last_rank = rank(component);
            end = value_end;
        } else if !parts.is_empty()
            && let Ok((rest, l)) = labelled(vocab).parse(s)
        {
            let value_end = to - rest.len();
            let value = match l.value.find(|c: char| c.is_letter()) {
                Some(v) if l.verso => normalize_range(l.value[..v].trim()),
                _ => l.normalized.clone(),
            };
            parts.push(LocatorPart {
                part: Part::Locator(l.meaning),
                value,
                printed: Some(l.label.to_string()),
                verso: l.verso,
                span: cur..value_end,
            });
            locator = Some(Locator {
                label: l.meaning,
                value: l.normalized,
                printed: Some(l.label.to_string()),
                span: cur..value_end,
            });
            end = value_end;
            break;
        } else {
            break;
        }
        // Parts are separated by ". " or ", "; ";" starts another entry. A
        // unit may repeat its rank (`Gömlek 5, Belge 2`: both items).
        let (sep, sep_span) = separator_at(text, end, to);
        if sep.contains([';', '؛']) {
            break;
        }
        cur = sep_span.end;
    }
    // One unit label must not also be a locator label: "v. 50" is a leaf,
    // "№ 3" an issue, "f. 12" a folio; "f. 29, siy. 1" is a fond.
    unambiguous.then_some((parts, locator, end))
}

/// The identifier after an archival label: `17`, `Р-12`, `51а`, `1/2`;
/// it must hold a digit.
fn archival_value(text: &str, from: usize, to: usize) -> Option<(String, usize)> {
    let s = &text[from..to];
    let t = s.trim_start_matches([' ', '\u{a0}']);
    let lead = s.len() - t.len();
    let len: usize = t
        .chars()
        .take_while(|c| c.is_letter_or_digit() || is_dash(*c) || *c == '/')
        .map(char::len_utf8)
        .sum();
    let v = t[..len].trim_end_matches(is_dash);
    if !v.chars().any(is_digit) || v.chars().count() > 20 {
        return None;
    }
    Some((normalize_range(v), from + lead + v.len()))
}

/// A locator at `pos`: a known label and value, a bare page range, or an
/// unknown abbreviation and value (reported).
/// A volume printed number-first at `pos`: `II c.` in `(4, II c., s. 45)`,
/// `III т.` in `[7, III т., с. 5]`; with where it ends.
fn volume_first(text: &str, pos: usize, to: usize, vocab: &Vocabulary) -> Option<(Locator, usize)> {
    let s = &text[pos..to];
    if !s.starts_with(|c: char| "IVXLCDM".contains(c)) {
        return None;
    }
    let (rest, (value, label)) = volume_after(vocab).parse(s).ok()?;
    let end = to - rest.len();
    Some((
        Locator {
            label: Meaning::Volume,
            value,
            printed: Some(label.to_string()),
            span: pos..end,
        },
        end,
    ))
}

fn locator_at(
    text: &str,
    pos: usize,
    to: usize,
    vocab: &Vocabulary,
) -> Option<(Locator, usize, Option<Issue>)> {
    let s = &text[pos..to];
    if let Ok((rest, l)) = labelled(vocab).parse(s) {
        let Labelled {
            meaning,
            label,
            normalized,
            ..
        } = l;
        let end = to - rest.len();
        return Some((
            Locator {
                label: meaning,
                value: normalized,
                printed: Some(label.to_string()),
                span: pos..end,
            },
            end,
            None,
        ));
    }
    // A part of the work named by a whole word, with no number:
    // "[2, приложение]", "(5, Önsöz)" (a label spelled out, no period).
    if let Ok((rest, (label, meaning))) = crate::parse::lex::word(&vocab.index.labels).parse(s)
        && !label.ends_with('.')
        && label.chars().count() > 3
        && rest.trim().is_empty()
    {
        return Some((
            Locator {
                label: meaning,
                value: String::new(),
                printed: Some(label.to_string()),
                span: pos..pos + label.len(),
            },
            pos + label.len(),
            None,
        ));
    }
    if let Some((loc, end)) = volume_first(text, pos, to, vocab) {
        return Some((loc, end, None));
    }
    // A bare page: "[39, 250-252]".
    if let Ok((rest, r)) = range_list(s)
        && !rest.trim_start().starts_with(|c: char| c.is_letter())
    {
        let end = to - rest.len();
        return Some((
            Locator {
                label: Meaning::Page,
                value: normalize_range(r).replace(" -", "-").replace("- ", "-"),
                printed: None,
                span: pos..end,
            },
            end,
            None,
        ));
    }
    // A label typed without its period before a spaced number: "[там же,
    // с 53-54]", "(12, s 45)", "(7, v 20)"; or closed by a comma for its
    // period: "(Bulut, 2007, s, 428)", "(Said, 2013, s,14)", "[5, с, 12]"
    // (a finding with its fix).
    for mark in [' ', ','] {
        if let Some(label) = s.split(mark).next().filter(|w| {
            (1..=4).contains(&w.chars().count()) && w.chars().all(crate::script::is_letter)
        }) && let Some(after) = s.get(label.len() + 1..)
            && let t = if mark == ',' {
                after.trim_start_matches([' ', '\u{a0}'])
            } else {
                after
            }
            && t.starts_with(is_digit)
            && let Some((len, meaning)) = vocab.index.labels.match_start(&format!("{label}."))
            && len == label.len() + 1
            && let Ok((rest, r)) = range_list(t)
            && !rest.trim_start().starts_with(|c: char| c.is_letter())
        {
            let end = to - rest.len();
            let at = pos + label.len();
            let issue = (mark == ',').then(|| Issue::CommaForPeriod(at..at + 1, label.to_string()));
            return Some((
                Locator {
                    label: *meaning,
                    value: normalize_range(r),
                    printed: Some(label.to_string()),
                    span: pos..end,
                },
                end,
                issue,
            ));
        }
    }
    // An unknown abbreviation with a number: "x.329", "стр 5".
    let word_len: usize = s
        .chars()
        .take_while(|c| c.is_letter())
        .map(char::len_utf8)
        .sum();
    if (1..=12).contains(&word_len)
        && s[..word_len].chars().count() <= 5
        && s[word_len..].starts_with('.')
    {
        let after = &s[word_len + 1..];
        let t = after.trim_start();
        if let Ok((rest, r)) = range_list(t)
            && !rest.trim_start().starts_with(|c: char| c.is_letter())
        {
            let end = to - rest.len();
            let label = &s[..word_len + 1];
            let script_ok = label.chars().next().and_then(script_of).is_some();
            if !script_ok {
                return None;
            }
            return Some((
                Locator {
                    label: Meaning::Page,
                    value: normalize_range(r),
                    printed: Some(label.to_string()),
                    span: pos..end,
                },
                end,
                Some(Issue::UnknownLabel(
                    pos..pos + label.len(),
                    label.to_string(),
                )),
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &str, entries: u32) -> Scan {
        let list: Vec<u32> = (1..=entries).collect();
        scan_citations(
            text,
            std::slice::from_ref(&(0..text.len())),
            &list,
            &Vocabulary::builtin(),
            &[],
        )
    }

    type Items = Vec<Vec<(u32, Option<(Meaning, String)>)>>;

    #[test]
    fn archival_parts_read_through_emphasis_point_at_their_text() {
        // The content is read from a copy with the marks masked; every span
        // read there, the archival parts' too, is moved back to the text
        // (the property tests found a part left at the copy's offsets).
        let text = "Bax: (5, *iş 96, v. 20-27*) və [7, Д. 17. *Л. 8*].";
        let s = scan(text, 9);
        let parts: Vec<&str> = s
            .citations
            .iter()
            .flat_map(|c| &c.items)
            .flat_map(|i| &i.parts)
            .map(|p| &text[p.span.clone()])
            .collect();
        assert_eq!(parts, ["iş 96", "v. 20-27", "Д. 17", "Л. 8"]);
    }

    /// Issue 12: a numbered text's citations are held once, in a vector of
    /// their number (not twice its growth), and with no empty author–date
    /// resolutions beside each. Counted in vector lengths and capacities.
    #[test]
    fn numbered_citations_are_held_without_slack() {
        let text = "Yazılıb (1, s. 5) və [2, s. 3]. ".repeat(100);
        let references: Vec<crate::model::Reference> = (1..=2)
            .map(|n| crate::model::Reference::unparsed(n, 0..0, String::new()))
            .collect();
        let config = crate::config::Config::default();
        let body = 0..text.len();
        let s = scan_document(
            &text,
            std::slice::from_ref(&body),
            &references,
            true,
            &config,
        );
        assert_eq!(s.citations.len(), 200);
        assert_eq!(s.citations.capacity(), 200);
        assert!(
            s.resolutions.is_empty(),
            "{} resolutions",
            s.resolutions.len()
        );
    }

    /// A text scanned window by window (issue 12) gives what it gives
    /// scanned at once: the same citations in order, the same findings,
    /// the same style, over every manuscript and rule fixture of both
    /// styles (and the seed article when `../shared` is there), in
    /// windows of a few hundred bytes.
    #[test]
    fn a_text_scanned_in_windows_reads_as_at_once() {
        let config = crate::config::Config::default();
        let mut files: Vec<std::path::PathBuf> = Vec::new();
        for dir in [
            "fixtures/manuscripts",
            "fixtures/manuscripts/author-date",
            "fixtures/rules",
            "../shared/seed",
        ] {
            let Ok(entries) = std::fs::read_dir(dir) else {
                continue;
            };
            files.extend(
                entries
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "md" || x == "txt")),
            );
        }
        files.sort();
        assert!(files.len() > 40, "{} files", files.len());
        let mut windowed_texts = 0;
        for path in &files {
            let text = std::fs::read_to_string(path).expect("fixture");
            let source = crate::Source::new(path.display().to_string(), text.clone());
            let list = crate::read_references(&source, &config);
            let parts: Vec<Span> = std::iter::once(list.document.body.clone())
                .chain(list.document.notes.iter().cloned())
                .collect();
            let numbered = list.document.entries.iter().any(|e| e.marker.is_some());
            let refs = &list.references;
            let whole: Vec<Scan> =
                Plan::with_window(&text, &parts, refs, numbered, &config, usize::MAX).collect();
            assert_eq!(whole.len(), 1);
            for window in [97, 400] {
                let plan = Plan::with_window(&text, &parts, refs, numbered, &config, window);
                assert_eq!(plan.style(), whole[0].style, "{}", path.display());
                let mut scans: Vec<Scan> = plan.collect();
                windowed_texts += usize::from(scans.len() > 1);
                let mut joined = Scan {
                    style: whole[0].style,
                    ..Scan::default()
                };
                for scan in scans.drain(..) {
                    joined.append(scan);
                }
                let at_once = &whole[0];
                assert_eq!(
                    joined.citations,
                    at_once.citations,
                    "{} in {window}",
                    path.display()
                );
                let found = |s: &Scan| {
                    let mut d: Vec<String> =
                        s.diagnostics.iter().map(|d| format!("{d:?}")).collect();
                    d.sort();
                    d
                };
                assert_eq!(
                    found(&joined),
                    found(at_once),
                    "{} in {window}",
                    path.display()
                );
                let resolved = |s: &Scan| {
                    (0..s.citations.len())
                        .map(|i| format!("{:?}", s.resolutions.get(i).cloned().unwrap_or_default()))
                        .collect::<Vec<_>>()
                };
                assert_eq!(resolved(&joined), resolved(at_once), "{}", path.display());
                assert_eq!(
                    joined.other_style,
                    at_once.other_style,
                    "{}",
                    path.display()
                );
            }
        }
        assert!(
            windowed_texts > 40,
            "{windowed_texts} texts in several windows"
        );
    }

    fn items(text: &str, entries: u32) -> Items {
        scan(text, entries)
            .citations
            .iter()
            .map(|c| {
                c.items
                    .iter()
                    .map(|i| {
                        (
                            i.reference.unwrap_or(0),
                            i.locator.as_ref().map(|l| (l.label, l.value.clone())),
                        )
                    })
                    .collect()
            })
            .collect()
    }

    /// An item citing entry `n` at page `p`, as [`items`] gives it.
    fn page(n: u32, p: &str) -> (u32, Option<(Meaning, String)>) {
        (n, Some((Meaning::Page, p.to_string())))
    }

    #[test]
    fn an_ibid_cites_the_entry_of_the_citation_before_it() {
        let found = items(
            "Текст [3, с. 5]. Далее [там же, с. 28] и [там же]; (7, s. 4), (ibid., p. 9).",
            7,
        );
        assert_eq!(
            found,
            vec![
                vec![page(3, "5")],
                vec![page(3, "28")],
                vec![(3, None)],
                vec![page(7, "4")],
                vec![page(7, "9")],
            ]
        );
        // With no citation before it, or with prose after it, an ibid cites nothing.
        assert!(items("Как сказано [там же, с. 28].", 7).is_empty());
        assert_eq!(
            items("[2] и [там же все данные].", 7),
            vec![vec![(2, None)]]
        );
    }

    #[test]
    fn a_see_or_quoted_in_word_may_open_a_numbered_citation() {
        let found = items(
            "[см.: 5, 6, 7] и [цит. по 3, с. 31]; (bkz. 2, s. 4), [see 1].",
            7,
        );
        assert_eq!(
            found,
            vec![
                vec![(5, None), (6, None), (7, None)],
                vec![page(3, "31")],
                vec![page(2, "4")],
                vec![(1, None)],
            ]
        );
        // The word must lead to a number.
        assert!(items("(см. выше) и (see below).", 7).is_empty());
    }

    #[test]
    fn a_volume_printed_number_first_then_its_page() {
        let found = items("(4, II c., s. 45) [2, III т., с. 5]", 7);
        assert_eq!(
            found,
            vec![
                vec![(4, Some((Meaning::Volume, "2".to_string())))],
                vec![(2, Some((Meaning::Volume, "3".to_string())))],
            ]
        );
        let s = scan("(4, II c., s. 45)", 7);
        let more: Vec<_> = s.citations[0].items[0]
            .more_locators
            .iter()
            .map(|l| (l.label, l.value.as_str()))
            .collect();
        assert_eq!(more, vec![(Meaning::Page, "45")]);
    }

    #[test]
    fn a_label_typed_without_its_period_before_a_spaced_number() {
        let found = items("[там же] [5, с 53-54], (2, v 20), (3, s 7).", 7);
        assert_eq!(
            found,
            vec![
                vec![(5, Some((Meaning::Page, "53-54".to_string())))],
                vec![(2, Some((Meaning::Leaf, "20".to_string())))],
                vec![(3, Some((Meaning::Page, "7".to_string())))],
            ]
        );
        // Not a label: a word of prose.
        assert!(
            items("(2, во 2)", 7)
                .iter()
                .all(|c| c.iter().all(|i| i.1.is_none()))
        );
    }

    #[test]
    fn an_appendix_is_a_locator_with_or_without_its_number() {
        let found = items("См. [1, прил. 2] и [2, приложение]; (3, əlavə 4).", 3);
        assert_eq!(
            found,
            vec![
                vec![(1, Some((Meaning::Appendix, "2".to_string())))],
                vec![(2, Some((Meaning::Appendix, String::new())))],
                vec![(3, Some((Meaning::Appendix, "4".to_string())))],
            ]
        );
        let s = scan("[2, приложение]", 2);
        assert!(s.diagnostics.is_empty(), "{:?}", s.diagnostics);
        // An abbreviation or a short word needs its number.
        assert!(
            items("[2, прил.]", 2)
                .iter()
                .all(|c| c.iter().all(|i| i.1.is_none()))
        );
    }

    #[test]
    fn two_bare_numbers_in_a_bare_page_document_name_both_readings() {
        let s = scan("A [1, 45], B [2, 112], C [2, 3], D [2; 3].", 3);
        let found: Vec<&str> = s.diagnostics.iter().map(|d| d.name()).collect();
        assert_eq!(found, vec!["ambiguous-citation"], "{:?}", s.diagnostics);
        assert!(s.diagnostics[0].message.contains("`[2, 3]`"));
        // Where pages carry labels, "[2, 3]" is not in doubt.
        let s = scan("A [1, s. 45], C [2, 3].", 3);
        assert!(s.diagnostics.is_empty(), "{:?}", s.diagnostics);
    }

    #[test]
    fn a_run_of_entries_too_long_is_a_finding_not_a_loss() {
        let s = scan("See [5–60] and (18–90).", 33);
        assert_eq!(
            s.citations.len(),
            1,
            "only the square bracket is a citation"
        );
        assert_eq!(s.citations[0].items[0].reference, Some(5));
        assert_eq!(s.diagnostics.len(), 1);
        assert!(s.diagnostics[0].message.contains("56 entries"));
        // A run of entries that is short enough is read as before.
        assert_eq!(items("[4–7]", 33).first().map(Vec::len), Some(4));
    }

    fn p(n: u32, v: &str) -> (u32, Option<(Meaning, String)>) {
        (n, Some((Meaning::Page, v.to_string())))
    }

    fn parts(text: &str, entries: u32) -> Vec<Vec<(String, String, bool)>> {
        scan(text, entries)
            .citations
            .iter()
            .flat_map(|c| &c.items)
            .map(|i| {
                i.parts
                    .iter()
                    .map(|p| {
                        let name = serde_json::to_value(p.part)
                            .ok()
                            .and_then(|v| v.as_str().map(str::to_string))
                            .unwrap_or_default();
                        (name, p.value.clone(), p.verso)
                    })
                    .collect()
            })
            .collect()
    }

    fn part(name: &str, value: &str, verso: bool) -> (String, String, bool) {
        (name.to_string(), value.to_string(), verso)
    }

    #[test]
    fn archival_parts_in_citations() {
        assert_eq!(
            parts("См. [5, Д. 17. Л. 8].", 9),
            vec![vec![part("file", "17", false), part("leaf", "8", false)]]
        );
        assert_eq!(
            parts("См. [9, Дело 6. Л. 51 об.]", 9),
            vec![vec![part("file", "6", false), part("leaf", "51", true)]]
        );
        assert_eq!(
            parts("[2, Ф. Р-12. Оп. 1. Д. 3. Л. 4]", 9)[0][..2],
            [part("fond", "Р-12", false), part("inventory", "1", false)]
        );
        assert_eq!(
            parts("(7, iş 96, v. 20-27)", 9),
            vec![vec![
                part("file", "96", false),
                part("leaf", "20-27", false)
            ]]
        );
        assert_eq!(
            parts("(3, Dosya 12, Gömlek 5, Belge 2)", 9),
            vec![vec![
                part("file", "12", false),
                part("item", "5", false),
                part("item", "2", false)
            ]]
        );
        // A fond label that is also a leaf label reads as a fond only
        // before another unit.
        assert_eq!(parts("(1, f. 29, siy. 1, iş 96)", 9)[0].len(), 3);
        assert!(parts("(1, f. 12)", 9)[0].is_empty());
        assert!(parts("(2, v. 50)", 9)[0].is_empty());
        assert_eq!(
            items("[5, Дело 40. Л. 2-3]", 9),
            vec![vec![(5, Some((Meaning::Leaf, "2-3".into())))]]
        );
    }

    #[test]
    fn bare_numbers_read_by_the_documents_habit() {
        // Pages written with a label: bare numbers are further entries, one
        // beyond the list included (dangling, not a page).
        let text = "А [1, с. 12], Б [2, с. 5], В [28, 34] и Г [4, 17‒20, 24].";
        let refs: Vec<Vec<u32>> = scan(text, 33)
            .citations
            .iter()
            .map(|c| c.items.iter().filter_map(|i| i.reference).collect())
            .collect();
        assert_eq!(refs[2], vec![28, 34]);
        assert_eq!(refs[3], vec![4, 17, 18, 19, 20, 24]);
        // Mixed habits and every number an entry: unclear, named.
        let mixed = scan("A [1, с. 12], B [3, 250-252], C [5, 120] D [4, 5-6].", 6);
        assert_eq!(mixed.diagnostics.len(), 1, "{:#?}", mixed.diagnostics);
        assert_eq!(mixed.diagnostics[0].rule, Rule::AmbiguousCitation);
        // No labelled pages: bare ranges stay pages, silently.
        assert_eq!(items("[39, 250-252]", 40), vec![vec![p(39, "250-252")]]);
        // No labelled pages, but runs of entries and no bare number too far
        // for an entry: the bare numbers are entries too, silently.
        let runs = scan("А [1, 26, 9, 11], Б [28, 34], В [4, 17‒20, 24].", 33);
        let refs: Vec<Vec<u32>> = runs
            .citations
            .iter()
            .map(|c| c.items.iter().filter_map(|i| i.reference).collect())
            .collect();
        assert_eq!(refs[1], vec![28, 34]);
        assert_eq!(refs[2], vec![4, 17, 18, 19, 20, 24]);
        assert!(runs.diagnostics.is_empty(), "{:#?}", runs.diagnostics);
        // … but a bare number far beyond the list is a page: the habit is
        // the page's, and the reading stays.
        let pages = scan("А [1, 26, 9, 11], Б [28, 34], В [4, 250].", 33);
        assert!(pages.citations[1].items[0].locator.is_some());
    }

    #[test]
    fn equation_numbers_in_a_square_citing_document() {
        let text = "As shown [1], [2] and [3].\n\nE = mc² (1)\n\nx\n(2)\n\nprose (3), more.";
        let found: Vec<String> = scan(text, 5)
            .citations
            .iter()
            .map(|c| c.text.clone())
            .collect();
        assert_eq!(found, ["[1]", "[2]", "[3]", "(3)"]);
    }

    #[test]
    fn forms_of_the_brief() {
        assert_eq!(items("a (13) b", 20), vec![vec![(13, None)]]);
        assert_eq!(items("(12, s.329)", 20), vec![vec![p(12, "329")]]);
        assert_eq!(items("(6, səh.166)", 20), vec![vec![p(6, "166")]]);
        assert_eq!(
            items("(2, v. 50)", 20),
            vec![vec![(2, Some((Meaning::Leaf, "50".into())))]]
        );
        assert_eq!(
            items("(7, v.20-27)", 20),
            vec![vec![(7, Some((Meaning::Leaf, "20-27".into())))]]
        );
        assert_eq!(items("(3, s.105,110)", 20), vec![vec![p(3, "105,110")]]);
        assert_eq!(items("[12, с. 329]", 20), vec![vec![p(12, "329")]]);
        assert_eq!(
            items("[5, л. 12 об.]", 20),
            vec![vec![(5, Some((Meaning::Leaf, "12 об.".into())))]]
        );
        assert_eq!(items("[39, 250-252]", 40), vec![vec![p(39, "250-252")]]);
        assert_eq!(
            items("[1, с. 12; 8, с. 12–14]", 20),
            vec![vec![p(1, "12"), p(8, "12-14")]]
        );
        assert_eq!(
            items("[1–3]", 20),
            vec![vec![(1, None), (2, None), (3, None)]]
        );
        assert_eq!(
            items("[1, 4, 7]", 20),
            vec![vec![(1, None), (4, None), (7, None)]]
        );
        assert_eq!(items("(12، ص 329)", 20), vec![vec![p(12, "329")]]);
        assert_eq!(items("(4, p. 7)", 20), vec![vec![p(4, "7")]]);
        assert_eq!(items("(4, pp. 7-9)", 20), vec![vec![p(4, "7-9")]]);
        assert_eq!(items("(۱۲، ص ۳۲۹)", 20), vec![vec![p(12, "329")]]);
    }

    #[test]
    fn enumerations_in_prose_are_not_citations() {
        let text = "Üç səbəb var idi: (1) neft, (2) liman və (3) sərhəd. Bu barədə (2) yazılıb.";
        let s = scan(text, 5);
        assert_eq!(
            s.citations
                .iter()
                .map(|c| c.text.as_str())
                .collect::<Vec<_>>(),
            ["(2)"]
        );
        // A lone "(1) word" is a citation: one number is no enumeration.
        assert_eq!(scan("Bax (1) və sonra.", 5).citations.len(), 1);
    }

    #[test]
    fn prose_in_brackets_is_not_a_citation() {
        for text in [
            "(1920-1921-ci illər)",
            "(1917 - 1933)",
            "(2012)",
            "RK(b)P",
            "(см. табл. 5)",
            "(5 nəfər)",
            "(3.5%)",
            "(12,5%)",
            "[text](http://x.y/1)",
        ] {
            assert!(scan(text, 16).citations.is_empty(), "{text}");
            assert!(scan(text, 16).diagnostics.is_empty(), "{text}");
        }
    }

    #[test]
    fn malformed_citations_with_fixes() {
        let s = scan("a (12, s.1) b (12; s.329) c", 20);
        assert_eq!(s.citations.len(), 2);
        assert_eq!(s.diagnostics.len(), 1);
        let fix = s.diagnostics[0].fix.as_ref().expect("fix");
        assert_eq!(fix.applicability, Applicability::Safe);
        assert_eq!(fix.edits[0].replacement, ",");
        let text = "(12 s.329) (3,, s.5) (4, s.7,) [5, c. 12] (6, x.12) [7, s. 9)";
        let s = scan(text, 20);
        assert_eq!(s.citations.len(), 6, "{:?}", s.citations);
        assert_eq!(s.diagnostics.len(), 5, "{:#?}", s.diagnostics);
        let ru = scan("Текст на русском языке [5, c. 12] и далее.", 20);
        assert_eq!(ru.diagnostics.len(), 1);
        assert_eq!(
            ru.diagnostics[0]
                .fix
                .as_ref()
                .map(|f| f.edits[0].replacement.as_str()),
            Some("с.")
        );
        // ... and read as the page the author meant.
        assert_eq!(
            items("Текст на русском языке [6, C.41] и далее.", 20),
            vec![vec![p(6, "41")]]
        );
        let open = scan("text (12, s.329 and more", 20);
        assert_eq!(open.citations.len(), 1);
        assert!(open.diagnostics[0].message.contains("no closing"));
    }

    #[test]
    fn markdown_emphasis_inside_a_citation() {
        assert_eq!(items("a (5, *s.329)* b", 20), vec![vec![p(5, "329")]]);
        assert_eq!(items("(5, *s.* 329)", 20), vec![vec![p(5, "329")]]);
        assert_eq!(items("(5, s. _329_)", 20), vec![vec![p(5, "329")]]);
        assert_eq!(items("(۱، ص *۴۵*)", 20), vec![vec![p(1, "45")]]);
        // Spans point into the text as written, marks and all.
        let text = "Bax: (5, *s.* 329).";
        let s = scan(text, 20);
        let item = &s.citations[0].items[0];
        assert_eq!(&text[item.number_span.clone()], "5");
        let loc = item.locator.as_ref().expect("locator");
        assert!(text[loc.span.clone()].ends_with("329"), "{:?}", loc.span);
        // A fix computed on the masked copy lands in the text.
        let text = "Bax: (4, s.1), (5; *s.329*).";
        let s = scan(text, 20);
        assert_eq!(s.diagnostics.len(), 1, "{:#?}", s.diagnostics);
        let edit = &s.diagnostics[0].fix.as_ref().expect("fix").edits[0];
        assert_eq!(&text[edit.span.clone()], ";");
    }

    #[test]
    fn a_journal_form_is_scanned_beside_the_built_in_ones() {
        let form = CitationForm::new(
            "braces",
            r"\{(?<entry>\d+)(?:\|(?<locator>[^}]+))?\}",
            Meaning::Leaf,
        )
        .expect("compiles");
        let text = "Bax {3|12–14} və {٤}; həmçinin (2, s. 5) və {2|7} yox: (2, s. 6).";
        let s = scan_citations(
            text,
            std::slice::from_ref(&(0..text.len())),
            &[1, 2, 3, 4],
            &Vocabulary::builtin(),
            &[form],
        );
        let cited: Vec<(&str, u32, Option<&str>)> = s
            .citations
            .iter()
            .map(|c| {
                let item = &c.items[0];
                (
                    c.text.as_str(),
                    item.reference.unwrap_or(0),
                    item.locator.as_ref().map(|l| l.value.as_str()),
                )
            })
            .collect();
        assert_eq!(
            cited,
            [
                ("{3|12–14}", 3, Some("12-14")),
                ("{٤}", 4, None),
                ("(2, s. 5)", 2, Some("5")),
                ("{2|7}", 2, Some("7")),
                ("(2, s. 6)", 2, Some("6")),
            ]
        );
        assert_eq!(
            s.citations[0].items[0].locator.as_ref().map(|l| l.label),
            Some(Meaning::Leaf)
        );
        assert_eq!(&text[s.citations[1].items[0].number_span.clone()], "٤");
        assert!(s.diagnostics.is_empty());
    }

    #[test]
    fn a_label_closed_by_a_comma_is_read_and_its_period_restored() {
        let text = "Yazılıb [5, с, 12] və (3, s,14).";
        let s = scan(text, 5);
        let pages: Vec<_> = s
            .citations
            .iter()
            .map(|c| {
                c.items[0]
                    .locator
                    .as_ref()
                    .map(|l| (l.label, l.value.clone()))
            })
            .collect();
        assert_eq!(
            pages,
            vec![
                Some((Meaning::Page, "12".to_string())),
                Some((Meaning::Page, "14".to_string()))
            ]
        );
        assert_eq!(s.diagnostics.len(), 2, "{:?}", s.diagnostics);
        for d in &s.diagnostics {
            assert_eq!(d.rule, Rule::MalformedCitation);
            let edit = &d.fix.as_ref().expect("fix").edits[0];
            assert_eq!(&text[edit.span.clone()], ",");
            assert_eq!(edit.replacement, ".");
        }
    }

    /// The malformed-citation findings of an author–date `body` against
    /// `list`, each with its fix's first edit: the text before it and its
    /// replacement.
    fn malformed_author_date(body: &str, list: &str) -> Vec<(String, String)> {
        let source = crate::Source::new("t.md", format!("{body}\n\n## Kaynakça\n\n{list}\n"));
        let config = crate::config::Config::default();
        let document = crate::split::split(&source, &config.vocabulary);
        let references = crate::parse::parse_references(&source, &document, &config.vocabulary);
        let s = scan_document(
            source.text(),
            std::slice::from_ref(&document.body),
            &references,
            false,
            &config,
        );
        s.diagnostics
            .iter()
            .filter(|d| d.rule == Rule::MalformedCitation)
            .map(|d| {
                let edit = &d.fix.as_ref().expect("fix").edits[0];
                (
                    source.text()[..edit.span.start].to_string(),
                    edit.replacement.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn an_author_date_item_without_a_year_is_malformed_with_the_works_year_to_insert() {
        let list = "Ülgener, S. F. (1981). Zihniyet ve din. İstanbul: Der.\n\
                    Bromley, D. (1998). The politics of apostasy. Westport: Praeger.";
        assert_eq!(
            malformed_author_date(
                "Eser (Ülgener, s. 72) ve (Bromley, 1998, p. 4) okunur.",
                list
            ),
            vec![("Eser (Ülgener".to_string(), ", 1981".to_string())]
        );
        // A label closed by a comma is reported as in a numbered text.
        assert_eq!(
            malformed_author_date("Eser (Bromley, 1998, p, 4) okunur.", list),
            vec![("Eser (Bromley, 1998, p".to_string(), ".".to_string())]
        );
    }
}
