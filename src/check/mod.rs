//! Check: the validator — one file per rule with its docs; runs the rules over entries, the list and citations, and levels every finding.
//!
//! Every rule has a file here, named in the rule's row of the table in
//! `rule.rs`, with its `DOCS` and a unit struct implementing `Check` for
//! the stages it runs in. A few rules are found where their evidence is
//! (S001–S002 by `split.rs`, P001–P002 by the parser, C003 by `cite.rs`,
//! E001–E002 by the emitters); their files hold their docs only. This
//! module gives every finding its configured level, once, in `run_managed`.

mod ambiguous_author_year;
mod ambiguous_citation;
mod archival_part;
mod author_spelling;
mod bidi_control;
mod citation_text_mismatch;
mod dangling;
mod dangling_year;
mod duplicate;
mod duplicate_item;
mod empty_document;
mod entry_boundary;
mod et_al_misuse;
mod first_citation_order;
mod garbled_text;
mod incomplete_archival_reference;
mod list_numbering;
mod list_order;
mod locator_kind;
mod locator_range;
mod malformed;
mod malformed_url;
mod missing_reference_section;
mod missing_required_field;
mod mixed_script;
mod mixed_style;
mod no_citations;
mod reversed_range;
mod stale_bibliography;
mod truncated_url;
mod unbalanced_brackets;
mod uncited;
mod unmanaged_entry;
mod unparsed_reference;
mod unprinted_item;
mod unrepresentable_field;
mod unused_suppression;
mod year_suffix;

use std::collections::HashMap;

pub use crate::rule::{Level, Rule, RuleDocs, RuleSettings};
pub(crate) use duplicate::identity as work_identity;
pub(crate) use unused_suppression::{Suppression, apply as suppress, blank, scan as suppressions};

use crate::cite::Scan;
use crate::cite::author_date::Resolution;
use crate::diagnostic::Diagnostic;
use crate::model::{Citation, CitationItem, CitationStyle, Locator, Reference};
use crate::parse::MAX_ENTRY;
use crate::parse::clean::{Clean, url_ranges};
use crate::parse::managed::Resolution as Managed;
use crate::rule::for_each_rule;
use crate::script::garbled;
use crate::source::Span;
use crate::split::Document;
use crate::vocab::Vocabulary;

/// The resolution of a document no reference manager touched.
static NO_MANAGER: std::sync::LazyLock<Managed> = std::sync::LazyLock::new(Managed::default);

/// What a rule checks, stage by stage; a rule overrides the stages it runs in.
pub(crate) trait Check {
    /// Over one entry's text, as the parser read it.
    fn entry(_e: &EntryText) -> Vec<Diagnostic> {
        Vec::new()
    }

    /// Over the list alone (run by `istinad refs` and `istinad check`).
    fn list(_cx: &Context) -> Vec<Diagnostic> {
        Vec::new()
    }

    /// Over citations and the list (run by `istinad check`).
    fn citations(_cx: &Context) -> Vec<Diagnostic> {
        Vec::new()
    }

    /// Whether `citations` needs the document's citations all at once
    /// (which entries are cited, and first in what order) rather than
    /// judging each citation on its own. A long body's citations are
    /// checked window by window (issue 12); such a rule then reads the
    /// citations that first cite each entry ([`Firsts`]).
    const WHOLE: bool = false;
}

/// The docs lookup and each stage's runner, made from the rule table: rules
/// run in code order.
macro_rules! dispatch {
    ($(($rule:ident, $code:literal, $name:literal, $module:ident, $severity:ident, $on:literal, $summary:literal)),* $(,)?) => {
        /// The documentation of `rule`.
        pub fn docs(rule: Rule) -> RuleDocs {
            match rule {
                $(Rule::$rule => $module::DOCS,)*
            }
        }

        fn entry_rules(e: &EntryText) -> Vec<Diagnostic> {
            let mut out = Vec::new();
            $(out.extend(<$module::$rule as Check>::entry(e));)*
            out
        }

        fn list_rules(cx: &Context) -> Vec<Diagnostic> {
            let mut out = Vec::new();
            $(out.extend(<$module::$rule as Check>::list(cx));)*
            out
        }

        fn citation_rules(cx: &Context) -> Vec<Diagnostic> {
            let mut out = Vec::new();
            $(out.extend(<$module::$rule as Check>::citations(cx));)*
            out
        }

        /// The citation rules that judge each citation on its own.
        fn window_rules(cx: &Context) -> Vec<Diagnostic> {
            let mut out = Vec::new();
            $(if !<$module::$rule as Check>::WHOLE {
                out.extend(<$module::$rule as Check>::citations(cx));
            })*
            out
        }

        /// The citation rules that read the document's citations at once.
        fn whole_rules(cx: &Context) -> Vec<Diagnostic> {
            let mut out = Vec::new();
            $(if <$module::$rule as Check>::WHOLE {
                out.extend(<$module::$rule as Check>::citations(cx));
            })*
            out
        }
    };
}
for_each_rule!(dispatch);

/// Runs the rules over a parsed list and, given a scan of the body, over its
/// citations, with what a reference manager's fields and items tied to them
/// (`managed` is empty in a document no manager touched); returns every
/// finding with its configured level, sorted by position. Each entry keeps
/// its own findings (the entry rules', then the parser's) in its
/// `diagnostics`, levelled too.
pub(crate) fn run_managed(
    document: &Document,
    references: &mut [Reference],
    scan: Option<&Scan>,
    managed: &Managed,
    settings: &RuleSettings,
    vocab: &Vocabulary,
) -> Vec<Diagnostic> {
    for r in references.iter_mut() {
        check_reference(r, settings);
    }
    let citations = scan.map_or(&[][..], |s| &s.citations);
    let mut cx = Context::new(document, references, citations, vocab);
    cx.scan = scan;
    cx.managed = managed;
    let mut found = document.diagnostics.clone();
    found.extend(list_rules(&cx));
    if let Some(scan) = scan {
        found.extend(scan.diagnostics.iter().cloned());
        found.extend(citation_rules(&cx));
    }
    let mut out: Vec<Diagnostic> = references
        .iter()
        .flat_map(|r| r.diagnostics.iter().cloned())
        .collect();
    out.extend(leveled(settings, found));
    sort_by_position(&mut out);
    out
}

/// The rules over a list run as the list is read entry by entry, for a
/// document no reference manager touched and without a scan: what
/// `run_managed` finds then, while the records go one by one (issue 12:
/// the records of a list of 10⁶ entries are never all in memory). Each
/// entry's own rules run in `add`; of the entry, the list rules keep what
/// they compare (duplicate-reference's hash of its identity, list-order's
/// sort key of the entry before) and their findings; `findings` runs the
/// rules that need the document alone (list-numbering).
pub(crate) struct ListRules<'a> {
    settings: &'a RuleSettings,
    vocab: &'a Vocabulary,
    /// The entries added so far.
    places: usize,
    works: duplicate::Works,
    order: list_order::Order<'a>,
    /// The entries' own findings and the list rules' findings so far.
    own: Vec<Diagnostic>,
    found: Vec<Diagnostic>,
    /// The number and span of each entry whose record's differ from the
    /// document's entry at its place (as good as never in a document no
    /// manager touched; kept so the findings are exact).
    moved: HashMap<usize, (u32, Span)>,
}

impl<'a> ListRules<'a> {
    /// The list rules over the list of `document`.
    pub(crate) fn new(
        document: &Document,
        settings: &'a RuleSettings,
        vocab: &'a Vocabulary,
    ) -> Self {
        ListRules {
            settings,
            vocab,
            places: 0,
            works: duplicate::Works::with_capacity(document.entries.len()),
            order: list_order::Order::new(document, None, vocab),
            own: Vec::new(),
            found: Vec::new(),
            moved: HashMap::new(),
        }
    }

    /// Runs the entry rules on each of `references`, the list's next
    /// entries in order (on every core when there are many), and keeps what
    /// the list rules need of them.
    pub(crate) fn add_many(&mut self, document: &Document, references: &mut [Reference]) {
        let settings = self.settings;
        crate::parallel::for_each_mut(references, |r| check_reference(r, settings));
        for r in references.iter_mut() {
            self.add_checked(document, r);
        }
    }

    /// Keeps what the list rules need of `r`, an entry the entry rules
    /// have run on.
    fn add_checked(&mut self, document: &Document, r: &mut Reference) {
        self.own.extend(r.diagnostics.iter().cloned());
        let place = self.places;
        self.places += 1;
        if document
            .entries
            .get(place)
            .is_none_or(|e| (e.number, &e.span) != (r.number, &r.span))
        {
            self.moved.insert(place, (r.number, r.span.clone()));
        }
        self.works.add(place, r);
        self.order.add(r);
        self.found.extend(reversed_range::reversed_pages(r));
    }

    /// The bytes kept of the entries added so far, beyond the findings:
    /// the list rules' summaries.
    #[cfg(test)]
    pub(crate) fn held(&self) -> usize {
        self.works.held() + self.moved.capacity() * std::mem::size_of::<(usize, (u32, Span))>()
    }

    /// Every finding of the list, as `run_managed` returns them, made as
    /// they are taken: duplicate-reference's are kept as the pairs of
    /// entries they name until then.
    pub(crate) fn findings(self, document: &Document) -> Findings {
        let cx = Context::new(document, &[], &[], self.vocab);
        let mut found = document.diagnostics.clone();
        // Over no records, only the rules that read the document find anything.
        found.extend(list_rules(&cx));
        let moved = &self.moved;
        let level = self.settings.level(Rule::DuplicateReference);
        let mut repeats = match level {
            Level::Off => Vec::new(),
            Level::On(_) => self.works.repeated(|place| {
                moved.get(&place).cloned().unwrap_or_else(|| {
                    let e = &document.entries[place];
                    (e.number, e.span.clone())
                })
            }),
        };
        repeats.sort_by_key(|r| (r.span.start, r.span.end));
        found.extend(self.order.out);
        found.extend(self.found);
        let mut out = self.own;
        out.extend(leveled(self.settings, found));
        sort_by_position(&mut out);
        Findings {
            rest: out.into_iter().peekable(),
            repeats: repeats.into_iter().peekable(),
            level,
        }
    }
}

/// The findings of a list read entry by entry ([`crate::ReferenceStream::into_findings`]),
/// in position order. Those of duplicate-reference are made one at a time
/// as they are taken, from the pairs of entries they name (issue 12: on a
/// list of 10⁶ entries, 3·10⁵ of them held at once were the peak of `refs`).
#[derive(Debug)]
pub struct Findings {
    /// Every other finding, in position order.
    rest: std::iter::Peekable<std::vec::IntoIter<Diagnostic>>,
    /// The entries repeating an earlier one, in position order.
    repeats: std::iter::Peekable<std::vec::IntoIter<duplicate::Repeat>>,
    /// duplicate-reference's level (none are kept when it is off).
    level: Level,
}

impl Iterator for Findings {
    type Item = Diagnostic;

    fn next(&mut self) -> Option<Diagnostic> {
        // The order of `sort_by_position`.
        let repeat_first = match (self.rest.peek(), self.repeats.peek()) {
            (_, None) => false,
            (None, Some(_)) => true,
            (Some(d), Some(r)) => {
                position(&r.span, Rule::DuplicateReference) < position(&d.span, d.rule)
            }
        };
        if !repeat_first {
            return self.rest.next();
        }
        // None are kept when the rule is off.
        at_level(self.level, self.repeats.next()?.finding())
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.rest.len() + self.repeats.len();
        (n, Some(n))
    }
}

/// Sorts findings by position, then code (stable: findings of one rule at
/// one span keep the order they were found in).
fn sort_by_position(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by_key(|d| position(&d.span, d.rule));
}

/// The order findings are given in: position, then code.
fn position(span: &Span, rule: Rule) -> (usize, usize, &'static str) {
    (span.start, span.end, rule.code())
}

/// Runs the entry rules on each of `references` (on every core when there
/// are many).
pub(crate) fn check_references(references: &mut [Reference], settings: &RuleSettings) {
    crate::parallel::for_each_mut(references, |r| check_reference(r, settings));
}

/// Runs the entry rules on a parsed entry: its `diagnostics` become the
/// rules' findings and then the parser's, at their configured levels.
pub(crate) fn check_reference(r: &mut Reference, settings: &RuleSettings) {
    let mut found = entry_findings(r);
    found.append(&mut r.diagnostics);
    r.diagnostics = leveled(settings, found);
}

/// The entry rules' findings about one parsed entry.
fn entry_findings(r: &Reference) -> Vec<Diagnostic> {
    if r.raw.len() > MAX_ENTRY {
        // Not one entry: the parser's unparsed-reference says so.
        return Vec::new();
    }
    if let Some(at) = garbled(&r.raw) {
        // Not read by the parser: no other rule can say anything of it.
        return vec![garbled_text::GarbledText::undecodable(r, at)];
    }
    let mut found = entry_rules(&EntryText {
        reference: r,
        clean: Clean::new(&r.raw, r.span.start),
    });
    found.sort_by_key(|d| {
        PARSER_ORDER
            .iter()
            .position(|&rule| rule == d.rule)
            .unwrap_or(PARSER_ORDER.len())
    });
    found
}

/// The order the parser reported these rules in before they moved here:
/// an entry's own `diagnostics` (the JSON's `references[].diagnostics`, the
/// marks of `istinad refs`) keep it; other entry rules follow in code order.
const PARSER_ORDER: [Rule; 5] = [
    Rule::UnbalancedBrackets,
    Rule::TruncatedUrl,
    Rule::MalformedUrl,
    Rule::MixedScript,
    Rule::GarbledText,
];

/// One entry as the parser saw it: what the entry rules read.
pub(crate) struct EntryText<'a> {
    pub reference: &'a Reference,
    /// The entry without Markdown, spaces collapsed, mapped to the source.
    pub clean: Clean,
}

impl EntryText<'_> {
    /// Each URL of the entry as printed, with its span in the source.
    pub(crate) fn urls(&self) -> impl Iterator<Item = (Span, &str)> {
        url_ranges(&self.clean.text)
            .into_iter()
            .map(|url| (self.clean.span(url.clone()), &self.clean.text[url]))
    }
}

/// Drops findings of rules that are off and gives the rest their
/// configured severity: the one place levels are applied.
pub(crate) fn leveled(settings: &RuleSettings, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diagnostics
        .into_iter()
        .filter_map(|d| at_level(settings.level(d.rule), d))
        .collect()
}

/// `d` at `level`, its rule's configured level: none when the rule is off.
fn at_level(level: Level, mut d: Diagnostic) -> Option<Diagnostic> {
    match level {
        Level::Off => None,
        Level::On(severity) => {
            d.severity = severity;
            Some(d)
        }
    }
}

/// The bytes a body must have to count as a text that could cite (a title
/// and a line of prose), not a bare list with a heading.
pub(crate) const TEXT_LEN: usize = 200;

/// What the rules look at.
pub(crate) struct Context<'a> {
    pub document: &'a Document,
    pub references: &'a [Reference],
    pub citations: &'a [Citation],
    /// A reference manager's fields and printed list, tied to the records.
    pub managed: &'a Managed,
    /// The scan the citations came from (style, author–date resolutions);
    /// `None` when only the list is checked.
    pub scan: Option<&'a Scan>,
    /// The vocabularies in effect.
    pub vocab: &'a Vocabulary,
    /// The first entry with each list number.
    by_number: std::borrow::Cow<'a, HashMap<u32, &'a Reference>>,
}

impl<'a> Context<'a> {
    pub(crate) fn new(
        document: &'a Document,
        references: &'a [Reference],
        citations: &'a [Citation],
        vocab: &'a Vocabulary,
    ) -> Self {
        Context {
            document,
            references,
            citations,
            managed: &NO_MANAGER,
            scan: None,
            vocab,
            by_number: std::borrow::Cow::Owned(by_number(references)),
        }
    }

    /// The entry numbered `n`.
    pub(crate) fn reference(&self, n: u32) -> Option<&'a Reference> {
        self.by_number.get(&n).copied()
    }

    /// Each author–date citation with how each of its items resolved.
    pub(crate) fn resolved(
        &self,
    ) -> impl Iterator<Item = (&'a Citation, &'a CitationItem, &'a Resolution)> + '_ {
        let scan = self.scan;
        self.citations.iter().enumerate().flat_map(move |(i, c)| {
            let resolutions = scan.and_then(|s| s.resolutions.get(i));
            c.items
                .iter()
                .zip(resolutions.into_iter().flatten())
                .map(move |(item, r)| (c, item, r))
        })
    }

    /// The first family name an author–date item cites, as printed.
    pub(crate) fn family(citation: &Citation, r: &Resolution) -> String {
        r.family
            .as_ref()
            .and_then(|span| {
                let at = |i: usize| i.checked_sub(citation.span.start);
                citation.text.get(at(span.start)?..at(span.end)?)
            })
            .unwrap_or(&r.name.0)
            .to_string()
    }

    /// The document's citation style.
    pub(crate) fn style(&self) -> CitationStyle {
        self.scan.map_or(CitationStyle::Numbered, |s| s.style)
    }

    /// The entry a citation item cites, if the list has it.
    pub(crate) fn cited(&self, item: &CitationItem) -> Option<&'a Reference> {
        self.reference(item.reference?)
    }
}

/// The first entry with each list number.
fn by_number(references: &[Reference]) -> HashMap<u32, &Reference> {
    let mut by_number = HashMap::new();
    for r in references {
        by_number.entry(r.number).or_insert(r);
    }
    by_number
}

/// The rules over a body's citations read window by window (issue 12: a
/// 100 MB body holds 3·10⁶ citations, never all in memory): the list's
/// findings first ([`Windowed::new`]), then each window's
/// ([`Windowed::add`]), then those of the rules that read every citation
/// ([`Windowed::findings`]), over the citations that first cite each
/// entry. For a document no reference manager touched; the findings are
/// those of `run_managed`.
pub(crate) struct Windowed<'a> {
    document: &'a Document,
    references: &'a [Reference],
    settings: &'a RuleSettings,
    vocab: &'a Vocabulary,
    by_number: HashMap<u32, &'a Reference>,
    found: Vec<Diagnostic>,
    firsts: Firsts,
}

/// The citations that cite an entry for the first time (and the first
/// citation of all): all that the rules reading every citation need
/// (which entries are cited, in what order first, whether any is).
#[derive(Default)]
pub(crate) struct Firsts {
    scan: Scan,
    seen: std::collections::HashSet<u32>,
}

impl Firsts {
    fn add(&mut self, scan: &Scan) {
        for (i, c) in scan.citations.iter().enumerate() {
            let resolutions = scan.resolutions.get(i);
            let ambiguous = resolutions
                .into_iter()
                .flatten()
                .flat_map(|r| match &r.outcome {
                    crate::cite::author_date::Outcome::Ambiguous { entries, .. } => {
                        entries.as_slice()
                    }
                    _ => &[],
                });
            let numbers = c.items.iter().filter_map(|i| i.reference);
            let mut new = self.scan.citations.is_empty();
            for n in numbers.chain(ambiguous.copied()) {
                new |= self.seen.insert(n);
            }
            if !new {
                continue;
            }
            let at = self.scan.citations.len();
            if let Some(r) = resolutions.filter(|r| !r.is_empty()) {
                self.scan.resolutions.resize_with(at, Vec::new);
                self.scan.resolutions.push(r.clone());
            }
            self.scan.citations.push(c.clone());
        }
    }
}

impl<'a> Windowed<'a> {
    /// Runs the list rules over `references`, which the entry rules have
    /// run on ([`check_references`]).
    pub(crate) fn new(
        document: &'a Document,
        references: &'a [Reference],
        style: CitationStyle,
        settings: &'a RuleSettings,
        vocab: &'a Vocabulary,
    ) -> Self {
        let scan = Scan {
            style,
            ..Scan::default()
        };
        let mut windowed = Windowed {
            document,
            references,
            settings,
            vocab,
            by_number: by_number(references),
            found: references
                .iter()
                .flat_map(|r| r.diagnostics.iter().cloned())
                .collect(),
            firsts: Firsts {
                scan: Scan {
                    style,
                    ..Scan::default()
                },
                ..Firsts::default()
            },
        };
        let mut found = document.diagnostics.clone();
        found.extend(list_rules(&windowed.context(&scan)));
        windowed.found.extend(leveled(settings, found));
        windowed
    }

    /// Runs the rules that judge each citation on the citations of one
    /// window, and keeps those that first cite an entry.
    /// The window's own findings (`scan.diagnostics`) are taken.
    pub(crate) fn add(&mut self, scan: &mut Scan) {
        let found = window_rules(&self.context(scan));
        let own = std::mem::take(&mut scan.diagnostics);
        self.found.extend(leveled(self.settings, own));
        self.found.extend(leveled(self.settings, found));
        self.firsts.add(scan);
    }

    fn context<'s>(&'s self, scan: &'s Scan) -> Context<'s> {
        Context {
            document: self.document,
            references: self.references,
            citations: &scan.citations,
            managed: &NO_MANAGER,
            scan: Some(scan),
            vocab: self.vocab,
            by_number: std::borrow::Cow::Borrowed(&self.by_number),
        }
    }

    /// Every finding, sorted by position.
    pub(crate) fn findings(mut self) -> Vec<Diagnostic> {
        let firsts = std::mem::take(&mut self.firsts.scan);
        let found = whole_rules(&self.context(&firsts));
        let mut out = self.found;
        out.extend(leveled(self.settings, found));
        sort_by_position(&mut out);
        out
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
    all_locators(cx).filter_map(|(citation, item, loc)| Some((citation, cx.cited(item)?, loc)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rule::Severity;

    #[test]
    fn every_rule_has_docs() {
        for rule in Rule::ALL {
            let d = docs(rule);
            assert!(
                !d.summary.is_empty()
                    && !d.why.is_empty()
                    && !d.example.is_empty()
                    && !d.fix.is_empty(),
                "{rule:?}"
            );
        }
    }

    #[test]
    fn levels_switch_rules_and_change_severity() {
        let mut s = RuleSettings::default();
        s.set(Rule::UncitedReference, Level::Off);
        s.set(Rule::TruncatedUrl, Level::On(Severity::Error));
        let d = vec![
            Diagnostic::new(Rule::UncitedReference, 0..1, "x"),
            Diagnostic::new(Rule::TruncatedUrl, 0..1, "y"),
        ];
        let out = leveled(&s, d);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].severity, Severity::Error);
    }
}
