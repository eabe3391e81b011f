//! Parse: one list entry -> one [`Reference`], with nom productions for each part.
//!
//! | file          | reads                                                        |
//! |---------------|--------------------------------------------------------------|
//! | `clean.rs`    | the entry without Markdown, spaces collapsed, mapped to bytes |
//! | `lex.rs`      | numbers in three digit scripts, ranges, Roman numerals        |
//! | `date.rs`     | years in three calendars, dates                               |
//! | `locator.rs`  | `s.329`, `Том II`, `№ 3`, `464 с.`                            |
//! | `person.rs`   | the author block                                              |
//! | `archival.rs` | archive, fond, inventory, file, leaves; shelfmarks            |
//! | `imprint.rs`  | the segments after the title and what each one is             |
//!
//! An entry is never dropped: one that cannot be read keeps its text as a
//! record of kind `other` with an `unparsed-reference` diagnostic.

mod archival;
mod clean;
mod date;
mod imprint;
mod lex;
pub(crate) mod locator;
mod person;

use crate::check::Rule;
use crate::diagnostic::Diagnostic;
use crate::model::{Language, Person, Reference, ReferenceKind};
use crate::script::{Script, dominant_script, fold};
use crate::source::Source;
use crate::split::{Document, Entry};
use crate::vocab::{Vocabulary, contains_word};
use clean::Clean;
use imprint::{Ctx, Elem, Sep};

/// The longest entry read structurally; a longer one is several entries run
/// together or not a reference, and is kept as text with a diagnostic.
pub const MAX_ENTRY: usize = 8 * 1024;

/// Parses every entry of a split document.
pub fn parse_references(
    source: &Source,
    document: &Document,
    vocab: &Vocabulary,
) -> Vec<Reference> {
    document
        .entries
        .iter()
        .map(|entry| parse_entry(source.text(), entry, vocab))
        .collect()
}

/// Parses one reference string on its own (numbered 1, spans into `text`).
pub fn parse_reference(text: &str, vocab: &Vocabulary) -> Reference {
    let start = text.len() - text.trim_start().len();
    let end = text.trim_end().len().max(start);
    parse_entry(
        text,
        &Entry {
            number: 1,
            marker: None,
            span: start..end,
        },
        vocab,
    )
}

/// Parses the entry at `entry.span` of `text`.
pub fn parse_entry(text: &str, entry: &Entry, vocab: &Vocabulary) -> Reference {
    let raw = text.get(entry.span.clone()).unwrap_or("");
    let mut reference = Reference::unparsed(entry.number, entry.span.clone(), raw.to_string());
    if raw.len() > MAX_ENTRY {
        reference.diagnostics.push(
            Diagnostic::new(
                Rule::UnparsedReference,
                entry.span.start..entry.span.start + first_char_len(raw),
                format!("entry {} is {} bytes long, too long to be one reference", entry.number, raw.len()),
            )
            .with_reference(entry.number)
            .with_help("several entries may have run together: check that each starts on its own line with its number"),
        );
        return reference;
    }
    let clean = Clean::new(raw, entry.span.start);
    Reader {
        clean: &clean,
        vocab,
        reference: &mut reference,
        flags: Flags::default(),
    }
    .read();
    reference
}

fn first_char_len(s: &str) -> usize {
    s.chars().next().map_or(0, char::len_utf8)
}

struct Reader<'a> {
    clean: &'a Clean,
    vocab: &'a Vocabulary,
    reference: &'a mut Reference,
    flags: Flags,
}

/// What an entry's words say about its kind.
#[derive(Debug, Clone, Copy, Default)]
struct Flags {
    thesis: bool,
    /// `In:`, `В кн.`, or a container with its own place or publisher.
    in_book: bool,
    newspaper: bool,
    journal: bool,
}

/// What the free-text and element segments of an entry came to.
#[derive(Default)]
struct Fields {
    authors: Vec<Person>,
    editors: Vec<Person>,
    translators: Vec<Person>,
    title: Option<String>,
    subtitle: Option<String>,
    container: Option<String>,
    year: Option<date::Year>,
    date: Option<String>,
    place: Option<String>,
    publisher: Option<String>,
    edition: Option<String>,
    volume: Option<String>,
    volumes: Option<String>,
    part: Option<String>,
    issue: Option<String>,
    pages: Option<String>,
    extent: Option<String>,
    notes: Vec<String>,
    thesis: bool,
    container_marker: bool,
    container_imprint: bool,
    newspaper: bool,
    journal: bool,
}

impl Reader<'_> {
    fn read(&mut self) {
        let text = &self.clean.text;
        let mut work = text.clone();
        // URLs, access dates and medium markers are read first and blanked,
        // so that the grammar sees the bibliographic text only.
        let urls = clean::url_ranges(text);
        for url in &urls {
            let printed = &text[url.clone()];
            if self.reference.url.is_none() {
                self.reference.url = Some(printed.to_string());
            }
            if printed.contains("...") || printed.contains('…') {
                let span = self.clean.span(url.clone());
                self.reference.diagnostics.push(
                    Diagnostic::new(
                        Rule::TruncatedUrl,
                        span,
                        format!("the URL `{printed}` is cut short with an ellipsis"),
                    )
                    .with_reference(self.reference.number)
                    .with_help("give the full address of the page, as copied from the browser"),
                );
            }
            blank(&mut work, url.clone());
        }
        self.accessed(&mut work);
        self.medium_markers(&mut work);
        let lang = detect_language(&work, self.vocab);
        self.reference.language = lang;
        let ctx = Ctx {
            vocab: self.vocab,
            lang,
        };

        if let Some(found) = archival::find(&work, self.vocab) {
            self.reference.kind = ReferenceKind::Archival;
            if let Some(l) = found
                .known
                .and_then(|k| self.vocab.archive(k))
                .and_then(|a| a.language.as_deref())
                .and_then(Language::from_code)
                && self.reference.language.is_none()
            {
                self.reference.language = Some(l);
            }
            if self.reference.language.is_none() || is_label_only(&work, &found) {
                self.reference.language =
                    archival_language(&found.archive, self.vocab).or(self.reference.language);
            }
            let before = found.name_start;
            let mut fields = Fields::default();
            if work[..before]
                .trim_matches(|c: char| c.is_whitespace() || matches!(c, '/' | '.' | ',' | ':'))
                .chars()
                .count()
                > 1
            {
                let end = work[..before]
                    .trim_end_matches(|c: char| {
                        c.is_whitespace() || matches!(c, '/' | '.' | ',' | ':' | ';')
                    })
                    .len();
                fields = self.fields(&work, 0, end, &ctx);
            }
            let after = found.range.end;
            let mut rest_fields = Fields::default();
            if work[after..]
                .trim_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation())
                .chars()
                .count()
                > 0
            {
                let segs = imprint::segments(&work, after, work.len(), &ctx);
                for seg in segs {
                    match seg.elem {
                        Some(Elem::Year(y)) => rest_fields.year = rest_fields.year.or(Some(y)),
                        Some(Elem::Date(d, y)) => {
                            rest_fields.date.get_or_insert(d);
                            rest_fields.year = rest_fields.year.or(Some(date::Year {
                                gregorian: y,
                                original: None,
                            }));
                        }
                        Some(Elem::Extent(e)) => rest_fields.extent = Some(e),
                        _ => rest_fields.notes.push(tidy(&work[seg.range])),
                    }
                }
            }
            self.reference.archive = Some(found.archive.clone());
            self.reference.extent = found.extent.clone().or(rest_fields.extent.clone());
            let mut fields = fields;
            fields.year = fields.year.or(rest_fields.year);
            fields.date = fields.date.or(rest_fields.date);
            fields
                .notes
                .extend(rest_fields.notes.into_iter().filter(|n| !n.is_empty()));
            fields.extent = None;
            self.store(fields, true);
            for missing in &found.missing {
                let span = self.clean.span(missing.clone());
                let label = &text[missing.clone()];
                self.reference.diagnostics.push(
                    Diagnostic::new(
                        Rule::IncompleteArchivalReference,
                        span,
                        format!("the archival label `{label}` has no number after it"),
                    )
                    .with_reference(self.reference.number)
                    .with_help(
                        "give the number of the fond, inventory, file or leaf, or remove the label",
                    ),
                );
            }
            return;
        }

        let start = work.len() - work.trim_start().len();
        let fields = self.fields(&work, start, work.len(), &ctx);
        self.store(fields, false);
        self.reference.kind = self.kind();
        if self.reference.kind == ReferenceKind::Other {
            self.unparsed();
        }
    }

    /// Reads authors and segments of `work[from..to]`.
    fn fields(&self, work: &str, from: usize, to: usize, ctx: &Ctx) -> Fields {
        let mut f = Fields::default();
        let mut pos = from + (work[from..to].len() - work[from..to].trim_start().len());
        if let Some(block) = person::author_block(&work[pos..to], self.vocab, ctx.lang) {
            if block.editors {
                f.editors = block.people;
            } else {
                f.authors = block.people;
            }
            pos += block.len;
        }
        let segs = imprint::segments(work, pos, to, ctx);
        assign(work, &segs, &mut f, ctx);
        f
    }

    fn store(&mut self, f: Fields, archival: bool) {
        let r = &mut *self.reference;
        r.authors = f.authors;
        r.editors = f.editors;
        r.translators = f.translators;
        let (title, subtitle) = match (f.title, f.subtitle) {
            (Some(t), None) => split_subtitle(&t),
            (t, s) => (t, s),
        };
        r.title = title.filter(|t| !t.is_empty());
        r.subtitle = subtitle.filter(|t| !t.is_empty());
        r.container = f
            .container
            .map(|c| container_name(&c, self.vocab))
            .filter(|c| !c.is_empty());
        if let Some(y) = f.year {
            r.year = Some(y.gregorian);
            r.original_year = y.original;
        }
        r.date = f.date;
        r.place = f.place;
        r.publisher = f
            .publisher
            .map(|p| strip_quotes(&p))
            .filter(|p| !p.is_empty());
        r.edition = f.edition;
        r.volume = f.volume;
        r.volumes = f.volumes;
        r.part = f.part;
        r.issue = f.issue;
        r.pages = f.pages;
        if !archival {
            r.extent = f.extent;
        }
        let notes: Vec<String> = f.notes.into_iter().filter(|n| !n.is_empty()).collect();
        r.note = (!notes.is_empty()).then(|| notes.join("; "));
        self.flags = Flags {
            thesis: f.thesis,
            in_book: f.container_marker || f.container_imprint,
            newspaper: f.newspaper,
            journal: f.journal,
        };
    }
}

impl Reader<'_> {
    /// The kind of a non-archival entry, from its fields and words.
    fn kind(&self) -> ReferenceKind {
        let r = &*self.reference;
        let f = self.flags;
        let imprint = r.place.is_some() || r.publisher.is_some();
        if f.thesis && (r.title.is_some() || !r.authors.is_empty()) {
            return ReferenceKind::Thesis;
        }
        if f.newspaper && (r.container.is_some() || r.title.is_some()) {
            return ReferenceKind::Newspaper;
        }
        if r.container.is_some() {
            if r.date.is_some() && !f.journal && !f.in_book && r.volume.is_none() {
                return ReferenceKind::Newspaper;
            }
            return if f.in_book && !f.journal {
                ReferenceKind::Chapter
            } else {
                ReferenceKind::Article
            };
        }
        if r.url.is_some()
            && !imprint
            && r.volume.is_none()
            && r.extent.is_none()
            && r.editors.is_empty()
        {
            return ReferenceKind::Web;
        }
        let evidence = !r.authors.is_empty()
            || r.year.is_some()
            || imprint
            || r.volume.is_some()
            || r.extent.is_some()
            || r.edition.is_some()
            || !r.editors.is_empty();
        if r.title.is_some() && evidence {
            return ReferenceKind::Book;
        }
        ReferenceKind::Other
    }

    fn unparsed(&mut self) {
        let r = &mut *self.reference;
        let span = if r.raw.is_empty() {
            r.span.clone()
        } else {
            r.span.clone()
        };
        let shown: String = r.raw.chars().take(60).collect();
        let shown = if r.raw.chars().count() > 60 {
            format!("{shown}…")
        } else {
            shown
        };
        r.diagnostics.push(
            Diagnostic::new(Rule::UnparsedReference, span, format!("cannot read `{}` as a reference", shown.replace('\n', " ")))
                .with_reference(r.number)
                .with_help("a reference needs a title with an author, year, place or publisher, an archival search field (fond, file), or a URL; the text is kept as it is"),
        );
    }

    /// Reads an access date after a marker anywhere in the entry and blanks
    /// it: "(дата обращения: 12.03.2020)", "(accessed 5 May 2021)".
    fn accessed(&mut self, work: &mut String) {
        let starts: Vec<usize> = work
            .char_indices()
            .filter(|&(i, c)| {
                c.is_alphabetic()
                    && work[..i]
                        .chars()
                        .next_back()
                        .is_none_or(|p| !p.is_alphanumeric())
            })
            .map(|(i, _)| i)
            .collect();
        for p in starts {
            let Some((len, _)) = self.vocab.index.access_markers.match_start(&work[p..]) else {
                continue;
            };
            let mut end = p + len;
            let rest = &work[end..];
            let t = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ':');
            let date_start = work.len() - t.len();
            let date_end = date_start + t.find([')', ']', ';']).unwrap_or(t.len());
            let date = work[date_start..date_end]
                .trim()
                .trim_end_matches('.')
                .trim();
            if date.is_empty() {
                continue;
            }
            self.reference.accessed = Some(date.to_string());
            end = date_end;
            // Blank the enclosing bracket as well.
            let mut start = p;
            let before = work[..p].trim_end();
            if (before.ends_with('(') || before.ends_with('['))
                && work[end..].starts_with([')', ']'])
            {
                start = before.len() - 1;
                end += 1;
            }
            blank(work, start..end);
            return;
        }
    }

    /// Blanks "[Электронный ресурс]", "URL:", "Режим доступа:".
    fn medium_markers(&self, work: &mut String) {
        let mut p = 0;
        while p < work.len() {
            if let Some((len, _)) = self.vocab.index.medium_markers.match_start(&work[p..])
                && work[..p]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
            {
                blank(work, p..p + len);
                p += len;
                continue;
            }
            p += work[p..].chars().next().map_or(1, char::len_utf8);
        }
    }
}

/// Decides what each segment is.
fn assign(work: &str, segs: &[imprint::Seg], f: &mut Fields, ctx: &Ctx) {
    let mut container_mode = false;
    let mut last_free_was_title = false;
    let mut after_container = false;
    for (idx, seg) in segs.iter().enumerate() {
        if seg.sep == Sep::DoubleSlash {
            container_mode = true;
        }
        let prev = idx.checked_sub(1).and_then(|i| segs.get(i));
        let next = segs.get(idx + 1);
        match &seg.elem {
            Some(elem) => {
                let is_year = matches!(elem, Elem::Year(_));
                match elem.clone() {
                    Elem::ContainerMarker => {
                        container_mode = true;
                        f.container_marker = true;
                    }
                    Elem::Year(y) => {
                        if f.year.is_none() {
                            f.year = Some(y);
                        }
                    }
                    Elem::Date(d, y) => {
                        f.date.get_or_insert(d);
                        if f.year.is_none() {
                            f.year = Some(date::Year {
                                gregorian: y,
                                original: None,
                            });
                        }
                    }
                    Elem::Volume(v) => set_or_note(&mut f.volume, v, &mut f.notes),
                    Elem::Volumes(v) => f.volumes = Some(v),
                    Elem::Issue(v) => set_or_note(&mut f.issue, v, &mut f.notes),
                    Elem::Pages(v) => set_or_note(&mut f.pages, v, &mut f.notes),
                    Elem::Extent(v) => f.extent = Some(v),
                    Elem::Part(v) => f.part = Some(v),
                    Elem::Place(p) => {
                        if container_mode && f.container.is_some() {
                            f.container_imprint = true;
                        }
                        match &mut f.place {
                            Some(existing) if !container_mode => {
                                existing.push_str(&format!("; {p}"))
                            }
                            Some(_) => {}
                            None => f.place = Some(p),
                        }
                    }
                    Elem::Edition(e) => f.edition = Some(e),
                    Elem::Editors(p) => {
                        if container_mode {
                            f.container_imprint = true;
                        }
                        f.editors.extend(p);
                    }
                    Elem::Translators(p) => f.translators.extend(p),
                    Elem::Thesis(t) => {
                        f.thesis = true;
                        f.notes.push(t);
                    }
                    Elem::VolumeIssue(v, i) => {
                        set_or_note(&mut f.volume, v, &mut f.notes);
                        set_or_note(&mut f.issue, i, &mut f.notes);
                        f.journal = true;
                    }
                    Elem::Other(o) => f.notes.push(o),
                }
                if !is_year {
                    last_free_was_title = false;
                }
                after_container = false;
            }
            None => {
                let raw = &work[seg.range.clone()];
                let value = tidy(raw);
                if value.is_empty() {
                    continue;
                }
                let bracket_inner = seg.bracketed.then(|| tidy(&raw[1..raw.len() - 1]));
                if seg.sep == Sep::Slash {
                    // GOST statement of responsibility: "/ И.И. Иванов".
                    let names = imprint::split_names(&value, ctx);
                    if f.authors.is_empty()
                        && !names.is_empty()
                        && names.iter().all(|p| p.given.is_some())
                    {
                        f.authors = names;
                    } else if !names.is_empty() && names.iter().all(|p| p.given.is_some()) {
                        // repeated responsibility: nothing new
                    } else {
                        f.notes.push(value);
                    }
                    continue;
                }
                if f.title.is_none() && !container_mode {
                    f.title = Some(strip_quotes(&bracket_inner.unwrap_or(value)));
                    last_free_was_title = true;
                    continue;
                }
                if container_mode && f.container.is_none() {
                    note_kind_words(&value, f, ctx);
                    f.container = Some(value);
                    after_container = true;
                    continue;
                }
                if let Some(inner) = bracket_inner.clone()
                    && last_free_was_title
                    && f.subtitle.is_none()
                {
                    f.subtitle = Some(inner);
                    last_free_was_title = false;
                    continue;
                }
                let prev_place = prev.is_some_and(|p| matches!(p.elem, Some(Elem::Place(_))));
                let next_place = next.is_some_and(|n| {
                    matches!(n.elem, Some(Elem::Place(_)))
                        && matches!(n.sep, Sep::Period | Sep::Comma)
                });
                let publisherish = contains_word(&value, &ctx.vocab.index.publisher_words);
                let journalish = contains_word(&value, &ctx.vocab.index.journal_words)
                    || contains_word(&value, &ctx.vocab.index.newspaper_words);
                let periodical_next = next.is_some_and(|n| {
                    matches!(
                        n.elem,
                        Some(
                            Elem::Issue(_)
                                | Elem::VolumeIssue(..)
                                | Elem::Pages(_)
                                | Elem::Date(..)
                        )
                    ) || (matches!(n.elem, Some(Elem::Volume(_))) && f.place.is_none())
                });
                if f.publisher.is_none()
                    && !journalish
                    && (prev_place && !seg.bracketed || next_place || publisherish)
                {
                    f.publisher = Some(value);
                    last_free_was_title = false;
                    continue;
                }
                if f.container.is_none()
                    && (journalish
                        || (periodical_next && f.place.is_none() && f.publisher.is_none()))
                {
                    note_kind_words(&value, f, ctx);
                    if !contains_word(&value, &ctx.vocab.index.newspaper_words) {
                        f.journal = true;
                    }
                    f.container = Some(value);
                    after_container = true;
                    last_free_was_title = false;
                    continue;
                }
                if f.place.is_none()
                    && f.publisher.is_none()
                    && let Some((place, publisher)) = split_place_publisher(&value)
                {
                    f.place = Some(place);
                    f.publisher = Some(publisher);
                    continue;
                }
                if after_container && seg.sep == Sep::Period && !seg.bracketed {
                    if let Some(c) = &mut f.container {
                        c.push_str(". ");
                        c.push_str(&value);
                    }
                    continue;
                }
                f.notes.push(value);
                last_free_was_title = false;
            }
        }
    }
}

fn set_or_note(slot: &mut Option<String>, value: String, notes: &mut Vec<String>) {
    if slot.is_none() {
        *slot = Some(value);
    } else if slot.as_deref() != Some(value.as_str()) {
        notes.push(value);
    }
}

fn note_kind_words(value: &str, f: &mut Fields, ctx: &Ctx) {
    if contains_word(value, &ctx.vocab.index.newspaper_words) {
        f.newspaper = true;
    }
}

/// "Şəki: Nurlar" -> ("Şəki", "Nurlar") when the left side is a short
/// capitalised name.
fn split_place_publisher(value: &str) -> Option<(String, String)> {
    let (left, right) = value.split_once(':')?;
    let left = left.trim();
    let right = right.trim();
    let words = left.split_whitespace().count();
    if left.is_empty() || right.is_empty() || words > 3 || !left.starts_with(char::is_uppercase) {
        return None;
    }
    Some((left.to_string(), strip_quotes(right)))
}

/// A title's subtitle after ` : ` (GOST) or `: `.
fn split_subtitle(title: &str) -> (Option<String>, Option<String>) {
    for sep in [" : ", ": "] {
        if let Some((t, s)) = title.split_once(sep) {
            let (t, s) = (t.trim(), s.trim());
            if !t.is_empty() && !s.is_empty() && !t.ends_with(|c: char| c.is_ascii_digit()) {
                return (Some(t.to_string()), Some(s.to_string()));
            }
        }
    }
    (Some(title.to_string()), None)
}

/// A container's name: quotes removed; "«Türkologiya» jurnalı" -> "Türkologiya".
fn container_name(c: &str, vocab: &Vocabulary) -> String {
    let t = c.trim();
    for (open, close) in [('«', '»'), ('"', '"'), ('“', '”'), ('„', '“')] {
        if let Some(rest) = t.strip_prefix(open)
            && let Some(end) = rest.find(close)
        {
            let inner = &rest[..end];
            let after = rest[end + close.len_utf8()..].trim();
            let generic = after.is_empty()
                || contains_word(after, &vocab.index.journal_words)
                || contains_word(after, &vocab.index.newspaper_words);
            if generic {
                return inner.trim().to_string();
            }
        }
    }
    strip_quotes(t)
}

/// Removes quotes around the whole of `s`.
fn strip_quotes(s: &str) -> String {
    let t = s.trim();
    for (open, close) in [
        ('«', '»'),
        ('"', '"'),
        ('“', '”'),
        ('„', '“'),
        ('‘', '’'),
        ('\'', '\''),
    ] {
        if let Some(inner) = t.strip_prefix(open).and_then(|r| r.strip_suffix(close))
            && !inner.contains(close)
        {
            return inner.trim().to_string();
        }
    }
    t.to_string()
}

/// A value trimmed of surrounding punctuation and spaces, inner spaces
/// collapsed.
fn tidy(s: &str) -> String {
    let t = s.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '،' | '؛' | '–' | '—' | '/')
    });
    let t = t.trim_end_matches('.').trim_end();
    let t = if t.starts_with('-') && t[1..].starts_with(' ') {
        t[1..].trim_start()
    } else {
        t
    };
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Replaces `range` of `s` with spaces of the same byte length.
fn blank(s: &mut String, range: std::ops::Range<usize>) {
    if s.get(range.clone()).is_none() {
        return;
    }
    let spaces = " ".repeat(range.end - range.start);
    s.replace_range(range, &spaces);
}

/// The language of an entry from its letters and a few words.
fn detect_language(text: &str, vocab: &Vocabulary) -> Option<Language> {
    let _ = vocab;
    match dominant_script(text)? {
        Script::Arabic => Some(Language::Fa),
        Script::Cyrillic => Some(Language::Ru),
        Script::Latin => Some(latin_language(text)),
    }
}

/// Azerbaijani, Turkish or English for Latin text: `ə`, `q`/`x` in Turkic
/// words and Azerbaijani function words mark Azerbaijani; Turkish letters or
/// words without them mark Turkish; plain ASCII is English.
fn latin_language(text: &str) -> Language {
    let f = fold(text);
    let words: Vec<&str> = f
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    const AZ: &[&str] = &[
        "və",
        "bakı",
        "cild",
        "səh",
        "siy",
        "iş",
        "nəşriyyatı",
        "tarixi",
        "azərbaycan",
        "jurnalı",
        "qəzeti",
        "elm",
        "dissertasiya",
        "müraciət",
        "sax",
    ];
    const TR: &[&str] = &[
        "ve",
        "ile",
        "için",
        "yayınları",
        "yayınevi",
        "dergisi",
        "cilt",
        "sayı",
        "tarihi",
        "türk",
        "osmanlı",
        "istanbul",
        "ankara",
        "kurumu",
        "üniversitesi",
        "tezi",
        "basımevi",
        "arşivi",
        "gazetesi",
        "erişim",
        "bir",
        "gömlek",
        "dosya",
        "yayın",
        "araştırmaları",
    ];
    const EN: &[&str] = &[
        "the",
        "of",
        "and",
        "in",
        "to",
        "press",
        "university",
        "journal",
        "history",
        "accessed",
        "vol",
        "from",
        "on",
    ];
    let count = |list: &[&str]| words.iter().filter(|w| list.contains(w)).count();
    let schwa = f.contains('ə');
    let turkic = f
        .chars()
        .any(|c| matches!(c, 'ş' | 'ç' | 'ğ' | 'ö' | 'ü' | 'ı'));
    let (az, tr, en) = (count(AZ) + usize::from(schwa) * 3, count(TR), count(EN));
    if az > tr && az >= en && az > 0 {
        Language::Az
    } else if tr > az && tr >= en && tr > 0 || turkic && en == 0 && az == 0 {
        Language::Tr
    } else if turkic && az >= tr && az > 0 {
        Language::Az
    } else {
        Language::En
    }
}

/// The language suggested by an archival reference's labels.
fn archival_language(archive: &crate::model::Archive, vocab: &Vocabulary) -> Option<Language> {
    let _ = vocab;
    let labels: Vec<String> = archive.labels.iter().map(|(_, l)| fold(l)).collect();
    let has = |set: &[&str]| labels.iter().any(|l| set.contains(&l.as_str()));
    if has(&["siy.", "siyahı", "iş", "sax.vah.", "vərəq", "v.", "vv."]) {
        Some(Language::Az)
    } else if has(&["оп.", "д.", "л.", "ф.", "лл.", "ед. хр.", "ед.хр."]) {
        Some(Language::Ru)
    } else if has(&["op.", "d.", "l.", "ll."]) {
        Some(Language::Ru)
    } else if has(&["gömlek", "gömlek no.", "dosya", "varak"]) {
        Some(Language::Tr)
    } else {
        None
    }
}

/// Whether the entry is only an archive abbreviation and labels (no title),
/// so that its labels say more about its language than its letters.
fn is_label_only(work: &str, found: &archival::Found) -> bool {
    work[..found.name_start].trim().is_empty()
}

#[cfg(test)]
mod tests;

/// A list of page ranges (`76–78, 162–164`), for the citation scanner.
pub(crate) fn range_list_pub(s: &str) -> lex::Res<'_, &str> {
    lex::range_list(s)
}
