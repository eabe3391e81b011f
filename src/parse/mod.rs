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
//! | `assign.rs`   | the assembly: which field each segment fills, in reading order |
//! | `style.rs`    | whether periods, commas or dashes close an entry's areas      |
//! | `managed.rs`  | a reference manager's items, tied to the printed list          |
//!
//! An entry is never dropped: one that cannot be read keeps its text as a
//! record of kind `other` with an `unparsed-reference` diagnostic.

mod archival;
mod assign;
pub(crate) mod clean;
mod date;
mod imprint;
mod kind;
pub(crate) mod lex;
pub(crate) mod locator;
pub mod managed;
pub(crate) mod person;
mod style;

use crate::diagnostic::Diagnostic;
use crate::model::{Language, Person, Reference, ReferenceKind};
use crate::rule::Rule;
use crate::script::Letter;
use crate::script::{Script, dominant_script, fold, garbled};
use crate::source::Source;
use crate::split::{Document, Entry};
use crate::vocab::{LanguageCues, Vocabulary, contains_word};
use assign::{assign, set_or_note};
use clean::Clean;
use imprint::{Ctx, Elem, Seg, Sep};

/// The longest entry read structurally; a longer one is several entries run
/// together or not a reference, and is kept as text with a diagnostic.
pub const MAX_ENTRY: usize = 8 * 1024;

/// Parses every entry of a split document.
pub fn parse_references(
    source: &Source,
    document: &Document,
    vocab: &Vocabulary,
) -> Vec<Reference> {
    let mut reader = ListReader::new(source.text(), document, vocab);
    reader.read_many(source.text(), &document.entries, vocab)
}

/// Reads the entries of a list one at a time, in list order, each tied to
/// the entries before it as [`parse_references`] ties them (an ibid note
/// to the work it repeats, a same-author entry to the authors it
/// repeats). What it keeps between entries is the last work (number, kind,
/// archive) and the last number with authors: a list of 10⁶ entries is
/// read in the memory of one (issue 12).
#[derive(Debug, Clone, Default)]
pub struct ListReader {
    title_first: bool,
    /// The nearest entry before that is not an ibid note, as far as a
    /// note takes from it.
    work: Option<Box<Reference>>,
    /// The nearest entry before that names its authors (`resolve_same_author`).
    authored: Option<u32>,
}

impl ListReader {
    /// A reader of the list of `document`, split from `text`.
    pub fn new(text: &str, document: &Document, vocab: &Vocabulary) -> Self {
        ListReader {
            title_first: title_first_list(text, document, vocab),
            ..ListReader::default()
        }
    }

    /// Parses `entry`, the list's next entry, in `text`.
    pub fn read(&mut self, text: &str, entry: &Entry, vocab: &Vocabulary) -> Reference {
        let r = read_entry(text, entry, vocab, self.title_first);
        self.tie(r, vocab)
    }

    /// Parses `entries`, the list's next entries in order, as [`Self::read`]
    /// does one by one: each on its own (on every core, when there are many
    /// and the `parallel` feature is on), then tied to those before in order.
    pub fn read_many(
        &mut self,
        text: &str,
        entries: &[Entry],
        vocab: &Vocabulary,
    ) -> Vec<Reference> {
        let title_first = self.title_first;
        crate::parallel::map(entries, |entry| read_entry(text, entry, vocab, title_first))
            .into_iter()
            .map(|r| self.tie(r, vocab))
            .collect()
    }

    /// Ties `r`, the list's next entry parsed on its own, to the entries
    /// before it: an ibid note to the work it repeats, a same-author mark
    /// to the authors.
    fn tie(&mut self, mut r: Reference, vocab: &Vocabulary) -> Reference {
        if r.ibid {
            resolve_ibid(self.work.as_deref(), &mut r, vocab);
        } else {
            self.work = Some(Box::new(work_of(&r)));
        }
        resolve_same_author(&mut r, &mut self.authored, vocab);
        r
    }
}

/// What an ibid note after `r` takes from it: its number, kind and archive.
fn work_of(r: &Reference) -> Reference {
    let mut work = Reference::unparsed(r.number, r.span.clone(), String::new());
    work.kind = r.kind;
    work.archive.clone_from(&r.archive);
    work
}

/// Ties each entry that opens with a same-author mark (`———. 1998a.`,
/// `Его же. История.`, `Idem,`) to the nearest entry before it that names
/// its authors: `authors_from` is that entry's number (`last`, which this
/// keeps). A word mark the grammar read as a name is no author.
fn resolve_same_author(r: &mut Reference, last: &mut Option<u32>, vocab: &Vocabulary) {
    if r.ibid {
        return;
    }
    let mark = same_author_mark(&r.raw, vocab);
    if let Some(mark) = mark.filter(|&(_, word)| word) {
        let marked = fold(&r.raw[..mark.0]);
        r.authors
            .retain(|p| !marked.contains(fold(&p.family).as_str()));
    }
    if mark.is_some() && r.authors.is_empty() {
        r.authors_from = *last;
    }
    if !r.authors.is_empty() {
        *last = Some(r.number);
    } else if r.authors_from.is_none() {
        *last = None;
    }
}

/// Where a same-author mark at the start of `raw` ends, and whether it is
/// a word (`Его же`, `Idem`) rather than typography: a run of dashes,
/// rules or underscores (`———.`, `_____,`, `--.`), or a lone full stop or
/// comma where a converter lost the rule (`. 1982. Title`).
fn same_author_mark(raw: &str, vocab: &Vocabulary) -> Option<(usize, bool)> {
    let lead = raw.len() - raw.trim_start().len();
    let text = &raw[lead..];
    let rules = text
        .chars()
        .take_while(|c| matches!(c, '—' | '―' | '⸺' | '⸻' | '–' | '‒' | '-' | '_'))
        .collect::<String>();
    let long = rules.chars().any(|c| matches!(c, '—' | '―' | '⸺' | '⸻'));
    let typographic = if rules.chars().count() >= 2 || long && !rules.is_empty() {
        rules.len()
    } else if text.starts_with(['.', ',']) {
        0
    } else {
        let (rest, _) = nom::Parser::parse(&mut lex::word(&vocab.index.same_author), text).ok()?;
        let end = text.len() - rest.len();
        return rest
            .starts_with(|c: char| !c.is_letter_or_digit())
            .then_some((lead + end, true));
    };
    // The mark is followed by its punctuation and a space, never by a
    // letter or digit of the same word.
    let after = &text[typographic..];
    let after = after.strip_prefix(['.', ',', ':']).unwrap_or(after);
    (after.is_empty() || after.starts_with(char::is_whitespace))
        .then_some((lead + text.len() - after.len(), false))
}

/// Where a "quoted in" marker begins in `raw`, after some text of its own
/// (a marker at the very start is not a tail).
fn quoted_in_at(raw: &str, vocab: &Vocabulary) -> Option<usize> {
    raw.char_indices()
        .filter(|&(i, c)| i > 0 && c.is_letter() && !raw[..i].ends_with(crate::script::is_letter))
        .find(|&(i, _)| {
            nom::Parser::parse(&mut lex::word(&vocab.index.quoted_in), &raw[i..]).is_ok()
        })
        .map(|(i, _)| i)
}

/// The first leaf locator in `text` (`Л. 20`, `v. 14 arxa`), normalised,
/// with its verso mark and its label as printed.
fn leaves_in(text: &str, vocab: &Vocabulary) -> Option<(String, bool, String)> {
    text.char_indices()
        .filter(|&(i, c)| c.is_letter() && !text[..i].ends_with(crate::script::is_letter))
        .find_map(|(i, _)| {
            let (_, l) = nom::Parser::parse(&mut locator::labelled(vocab), &text[i..]).ok()?;
            (l.meaning == crate::vocab::Meaning::Leaf)
                .then(|| (l.normalized, l.verso, l.label.to_string()))
        })
}

/// Ties each ibid note to the entry whose work it repeats (the nearest
/// entry before it that is not itself an ibid note): its number, its kind
/// when the note alone does not tell, and for an archival file the levels
/// above the first one the note names ("Там же. Оп. 2. Д. 310." keeps the
/// archive and fond of the entry before it).
fn resolve_ibid(parent: Option<&Reference>, note: &mut Reference, vocab: &Vocabulary) {
    let Some(parent) = parent else {
        // "Ibid." first in a list, or on its own, refers to nothing.
        let marker: String = note
            .raw
            .chars()
            .take_while(|c| !matches!(c, ',' | '،' | '.'))
            .collect();
        note.diagnostics.push(
            Diagnostic::new(
                Rule::UnparsedReference,
                note.span.clone(),
                format!("`{}` in entry {} repeats no entry before it", marker.trim(), note.number),
            )
            .with_reference(note.number)
            .with_help("an ibid note repeats the work of the note before it; in a list, give the work in full"),
        );
        return;
    };
    note.repeats = Some(parent.number);
    if note.kind == ReferenceKind::Other {
        note.kind = parent.kind;
    }
    // "Там же. Л. 20." after a file: the leaves of the same file.
    if parent.archive.is_some()
        && note.archive.is_none()
        && let Some((leaves, verso, label)) = leaves_in(&note.raw, vocab)
    {
        note.archive = Some(Box::new(crate::model::Archive {
            leaves: Some(leaves),
            verso,
            labels: vec![(crate::vocab::Component::Leaves, label.clone())],
            ..Default::default()
        }));
        // The leaves were the note's only free text.
        if note.note.as_deref().is_some_and(|n| n.starts_with(&label)) {
            note.note = None;
        }
        note.kind = parent.kind;
    }
    match (&parent.archive, &mut note.archive) {
        (Some(from), Some(archive)) => archive.inherit(from),
        // "a.g.e., s. 45" after a book: the label read as a leaf is the
        // book's page.
        (None, Some(archive))
            if archive.fond.is_none() && archive.file.is_none() && archive.name.is_none() =>
        {
            note.pages = note.pages.take().or_else(|| archive.leaves.take());
            note.archive = None;
            note.kind = parent.kind;
        }
        _ => {}
    }
}

/// Parses one reference string on its own (numbered 1, spans into `text`).
pub fn parse_reference(text: &str, vocab: &Vocabulary) -> Reference {
    let start = text.len() - text.trim_start().len();
    let end = text.trim_end().len().max(start);
    let mut reference = parse_entry(
        text,
        &Entry {
            number: 1,
            marker: None,
            span: start..end,
        },
        vocab,
    );
    if reference.ibid {
        // An ibid note on its own repeats nothing.
        resolve_ibid(None, &mut reference, vocab);
    }
    reference
}

/// Whether the list prints its entries title first, the author after the
/// title: a third of its entries at least (three or more) say so by their
/// opening (`person::title_first_evidence`, `assign::title_colon_author`),
/// twice as many as say the author comes first. Then an entry that could be
/// read either way (`Ihya Uloom Al-Deen, Abu Hamed Ghazzali, Dar
/// Al-Ma‘refah, …`: a name-like title, a name after it) is read title first.
fn title_first_list(text: &str, document: &Document, vocab: &Vocabulary) -> bool {
    let (mut title, mut author) = (0, 0);
    let evidence = crate::parallel::map(&document.entries, |entry| {
        let raw = text.get(entry.span.clone()).unwrap_or("");
        if raw.len() > MAX_ENTRY {
            return None;
        }
        let period = style::punctuation(raw, vocab) == style::Punctuation::Period;
        if assign::title_colon_author(raw, false, vocab).is_some() {
            Some(true)
        } else {
            person::title_first_evidence(raw, period, vocab)
        }
    });
    for evidence in evidence {
        match evidence {
            Some(true) => title += 1,
            Some(false) => author += 1,
            None => {}
        }
    }
    title >= 3 && title * 3 >= document.entries.len() && title > 2 * author
}

/// Parses the entry at `entry.span` of `text`.
pub fn parse_entry(text: &str, entry: &Entry, vocab: &Vocabulary) -> Reference {
    read_entry(text, entry, vocab, false)
}

/// Parses the entry at `entry.span` of `text`, in a list printed title
/// first when `title_first` (`title_first_list`).
fn read_entry(text: &str, entry: &Entry, vocab: &Vocabulary, title_first: bool) -> Reference {
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
    if garbled(raw).is_some() {
        // Nothing can be read from it; check's garbled-text says why.
        return reference;
    }
    // "… Цит. по: Иванов И.И. …": the source quoted from is a record of its
    // own; the work before the marker is read alone.
    let mut entry = entry.clone();
    if let Some(at) = quoted_in_at(raw, vocab) {
        let marker = &raw[at..];
        let len = nom::Parser::parse(&mut lex::word(&vocab.index.quoted_in), marker)
            .map_or(0, |(rest, _)| marker.len() - rest.len());
        let tail_start = entry.span.start + at + len;
        let tail = &text[tail_start..entry.span.end];
        let lead = tail.len() - tail.trim_start().len();
        let source = Entry {
            number: entry.number,
            marker: None,
            span: tail_start + lead..entry.span.end,
        };
        if !tail.trim().is_empty() {
            reference.quoted_in = Some(Box::new(parse_entry(text, &source, vocab)));
        }
        let head = raw[..at].trim_end();
        entry.span = entry.span.start..entry.span.start + head.len();
    }
    // "(Cambridge, 1910), 148Google Scholar.": a web page's link labels
    // after the entry are not part of it.
    let raw = text.get(entry.span.clone()).unwrap_or("");
    entry.span = entry.span.start..entry.span.start + without_link_labels(raw, vocab).len();
    let raw = text.get(entry.span.clone()).unwrap_or("");
    let clean = Clean::new(raw, entry.span.start);
    Reader {
        clean: &clean,
        vocab,
        reference: &mut reference,
        flags: Flags::default(),
        title_first,
    }
    .read();
    reference
}

/// `raw` without the link labels a web page prints after an entry
/// (`bib/imprint.toml` `link_labels`: "148Google Scholar.", "CrossRefGoogle
/// Scholar"), glued to it or not; the entry itself if nothing else is left.
fn without_link_labels<'a>(raw: &'a str, vocab: &Vocabulary) -> &'a str {
    let mut head = raw;
    loop {
        let t = head.trim_end().trim_end_matches('.').trim_end();
        let Some(rest) = vocab
            .imprint
            .link_labels
            .iter()
            .find_map(|label| t.strip_suffix(label.as_str()))
        else {
            break;
        };
        head = rest;
    }
    let head = head.trim_end();
    if head.trim_end_matches(['.', ',']).is_empty() {
        raw
    } else {
        head
    }
}

/// Whether the volume statement follows the names read as the authors at
/// once: as the first segment after them (`10 cilddə, II cild`), or with
/// its numeral taken for the names' last initial (`Tarihi, I.` + `Cilt`).
fn volume_after_names(work: &str, names: std::ops::Range<usize>, segs: &[Seg], ctx: &Ctx) -> bool {
    let Some(first) = segs.first() else {
        return false;
    };
    // After a comma the names may be a note's author and short title
    // ("Al-ʿAzzāwī, Taʾrīkh al-ʿIrāq, vol. 7"): only a sentence's end
    // closes a title read as names.
    if matches!(first.elem, Some(Elem::Volume(_) | Elem::Volumes(_))) {
        return work[..first.range.start].trim_end().ends_with('.');
    }
    let names = work[names].trim_end();
    let last = names
        .rfind(|c: char| c.is_whitespace() || c == ',')
        .map_or(0, |i| i + 1);
    let numeral = &names[last..];
    first.elem.is_none()
        && !numeral.is_empty()
        && lex::roman(numeral.trim_end_matches('.')).is_ok_and(|(rest, _)| rest.is_empty())
        && imprint::elem_at(&format!("{numeral} {}", &work[first.range.clone()]), ctx)
            .is_some_and(|(e, _)| matches!(e, Elem::Volume(_)))
}

fn first_char_len(s: &str) -> usize {
    s.chars().next().map_or(0, char::len_utf8)
}

struct Reader<'a> {
    clean: &'a Clean,
    vocab: &'a Vocabulary,
    reference: &'a mut Reference,
    flags: Flags,
    /// The list prints its entries title first (`title_first_list`).
    title_first: bool,
}

/// What an entry's words say about its kind.
#[derive(Debug, Clone, Copy, Default)]
struct Flags {
    thesis: bool,
    /// `In:`, `В кн.`, or a container with its own place or publisher.
    in_book: bool,
    /// `In:`, `В кн.`, editors before the container: marked as a book.
    marked: bool,
    newspaper: bool,
    journal: bool,
    /// The container's other title information names it a collection.
    collection: bool,
    /// A mark repeats the authors of the entry before (`———.`, `Его же.`).
    repeated_authors: bool,
    /// A word stands for a title cited before (`op. cit.`, `پیشین`).
    op_cit: bool,
}

/// What the free-text and element segments of an entry came to.
#[derive(Default)]
struct Fields {
    authors: Vec<Person>,
    editors: Vec<Person>,
    translators: Vec<Person>,
    title: Option<String>,
    subtitle: Option<String>,
    genre: Option<String>,
    container: Option<String>,
    year: Option<date::Year>,
    date: Option<String>,
    /// The printed date's day and month, with its own year if it prints one.
    day: Option<(date::MonthDay, Option<date::Year>)>,
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
    /// The container's other title information names it a collection of
    /// papers ("…: сб. науч. ст.", "…: Tematik məcmuə").
    collection: bool,
    /// The entry has a URL: a second text segment names the site.
    web: bool,
    /// The title was printed in quotes.
    title_quoted: bool,
    /// The publisher was taken only for standing before the place.
    publisher_guessed: bool,
    /// A word stands for a title cited before (`op. cit.`, `پیشین`).
    op_cit: bool,
    /// The entry, in a list printed title first, names its author after
    /// the title.
    title_first: bool,
}

impl Reader<'_> {
    /// Reads the entry: what the grammar must not see is read and blanked
    /// (URLs, an ibid marker, an access date, medium markers), the language
    /// and punctuation style are taken, then the entry is read as an
    /// archival reference if it names archival search data, or else as a
    /// publication.
    fn read(&mut self) {
        let mut work = self.blank_urls_and_ibid();
        let lang = detect_language(&work, self.vocab);
        self.reference.language = lang;
        self.accessed(&mut work);
        self.medium_markers(&mut work);
        let mut ctx = Ctx::new(self.vocab, lang);
        ctx.punctuation = style::punctuation(&work, self.vocab);

        let found = archival::find(&work, self.vocab).or_else(|| {
            self.reference
                .ibid
                .then(|| archival::find_in_note(&work, self.vocab))
                .flatten()
        });
        if let Some(found) = found {
            self.read_archival(&work, &found, &ctx);
            return;
        }

        let start = work.len() - work.trim_start().len();
        let fields = self.fields(&work, start, work.len(), &ctx);
        self.store(fields, false);
        self.spans(&work, None);
        // A thesis descriptor anywhere makes the entry a thesis ("…
        // dissertasiyasının avtoreferatı", "Unpublished PhD thesis").
        self.flags.thesis |= contains_word(&work, &self.vocab.index.thesis_list);
        self.newspaper_without_title();
        self.reference.kind = self.kind();
        // An ibid note need not name a work: it repeats the one before it.
        if self.reference.kind == ReferenceKind::Other && !self.reference.ibid {
            self.unparsed();
        }
    }

    /// The entry's text with its URLs (the first one kept as the entry's
    /// URL) and a leading ibid or same-author mark ("Ibid., p. 14", "Там же. Оп. 2. Д.
    /// 310.") blanked, so that the grammar sees the bibliographic text only
    /// and an ibid note's own fields.
    fn blank_urls_and_ibid(&mut self) -> String {
        let text = &self.clean.text;
        let mut work = text.clone();
        for url in clean::url_ranges(text) {
            if self.reference.url.is_none() {
                self.reference.url = Some(text[url.clone()].to_string());
            }
            if let Some((date, day, bracket)) = self.date_closing(text, url.end) {
                // "https://islamansiklopedisi.org.tr/bitlis (21.06.2024).":
                // the day the page was read, not the work's year.
                self.reference.accessed = Some(text[date].to_string());
                self.reference.accessed_on = Some(day);
                blank(&mut work, bracket);
            }
            blank(&mut work, url);
        }
        let lead = work.len() - work.trim_start().len();
        let marker = nom::Parser::parse(&mut lex::word(&self.vocab.index.ibid), &work[lead..])
            .ok()
            .filter(|(rest, _)| {
                rest.is_empty() || rest.starts_with(|c: char| !c.is_letter_or_digit())
            })
            .map(|(rest, _)| work.len() - rest.len());
        if let Some(end) = marker {
            blank(&mut work, lead..end);
            self.reference.ibid = true;
        } else if let Some((end, _)) = same_author_mark(&work, self.vocab) {
            // `Его же.`, `———.`: the authors are the entry's before
            // (`resolve_same_author`), the grammar sees the rest.
            blank(&mut work, lead..end);
            self.flags.repeated_authors = true;
        }
        work
    }

    /// A bracketed day closing the entry right after a URL that ends at
    /// `at` (`(21.06.2024).`, `[5 May 2021]`): the day the page was read,
    /// printed without a marker. Gives the date's span, the day, and the
    /// bracket's span.
    fn date_closing(
        &self,
        text: &str,
        at: usize,
    ) -> Option<(crate::source::Span, crate::model::Ymd, crate::source::Span)> {
        let rest = &text[at..];
        let open = at + rest.len() - rest.trim_start().len();
        let close = match text[open..].chars().next()? {
            '(' => ')',
            '[' => ']',
            _ => return None,
        };
        let inner = open + 1;
        if !text[inner..]
            .trim_start()
            .starts_with(crate::script::is_digit)
        {
            // A marker names it ("(accessed 5 May 2021)"): `accessed` reads it.
            return None;
        }
        let end = inner + text[inner..].find(close)?;
        let after = &text[end + close.len_utf8()..];
        if !after.chars().all(|c| c.is_whitespace() || c == '.') {
            return None;
        }
        let date = inner..end;
        let day = date::find_day(&text[date.clone()], self.vocab, self.reference.language)?;
        Some((date, day, open..end + close.len_utf8()))
    }

    /// An archival reference: the title or description before the archive,
    /// the archive's search data, the dates and extent after it, and what
    /// the data lacks.
    fn read_archival(&mut self, work: &str, found: &archival::Found, ctx: &Ctx) {
        self.reference.kind = ReferenceKind::Archival;
        if is_label_only(work, found) {
            self.reference.language = self.label_language(found);
        }
        let mut fields = self.before_archive(work, found, ctx);
        fields.title = fields.title.or(found.title.clone().map(|t| tidy(&work[t])));
        let rest = self.after_archive(work, found, ctx);
        self.reference.archive = Some(found.archive.clone().into());
        self.reference.extent = found.extent.clone().or(rest.extent.clone());
        fields.year = fields.year.or(found.year).or(rest.year);
        fields.date = fields.date.or(rest.date);
        fields.day = fields.day.or(rest.day);
        fields
            .notes
            .extend(rest.notes.into_iter().filter(|n| !n.is_empty()));
        fields.extent = None;
        self.store(fields, true);
        self.spans(work, Some(found.range.clone()));
        // An ibid note names only what changes: its missing levels are
        // the repeated file's, not a gap.
        let problems = if self.reference.ibid {
            &[][..]
        } else {
            &found.problems[..]
        };
        for (range, message) in problems {
            let span = self.clean.span(range.clone());
            self.reference.diagnostics.push(
                Diagnostic::new(Rule::IncompleteArchivalReference, span, format!("entry {}: {message}", self.reference.number))
                    .with_reference(self.reference.number)
                    .with_help("an archival reference names the archive, the fond, the inventory (if any), the file and the leaves: `ARDA, f. 28, siy. 1, iş 72, v. 5`"),
            );
        }
    }

    /// The language of an archival entry without a title: its labels, the
    /// archive's name, the known archive's language say more than its few
    /// letters.
    fn label_language(&self, found: &archival::Found) -> Option<Language> {
        let known = found
            .known
            .and_then(|k| self.vocab.archive(k))
            .and_then(|a| a.language.as_deref())
            .and_then(Language::from_code);
        let named = found
            .archive
            .name
            .as_deref()
            .and_then(|n| language_of(n, self.vocab, false));
        archival_language(&found.archive, self.vocab)
            .or(named)
            .or(known)
            .or(self.reference.language)
    }

    /// The fields printed before the archive (a document's title, author
    /// or date: "Письмо Нариманова Ленину, 1920. ГА РФ. Ф. 5."), when more
    /// than a letter is printed there.
    fn before_archive(&self, work: &str, found: &archival::Found, ctx: &Ctx) -> Fields {
        let before = found.name_start;
        let printed = work[..before]
            .trim_matches(|c: char| c.is_whitespace() || matches!(c, '/' | '.' | ',' | ':'))
            .chars()
            .count();
        if printed <= 1 {
            return Fields::default();
        }
        // The period of "… 1928 г." stays for the title's tidying.
        let end = work[..before]
            .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '/' | ',' | ':' | ';'))
            .len();
        if found.prose {
            // Prose before a bracketed shelfmark describes the document.
            return Fields {
                notes: vec![tidy(&work[..end])],
                ..Fields::default()
            };
        }
        self.fields(work, 0, end, ctx)
    }

    /// The segments printed after the archive's data: a year or date, the
    /// file's extent, anything else a note.
    fn after_archive(&self, work: &str, found: &archival::Found, ctx: &Ctx) -> Fields {
        let after = found.title.as_ref().map_or(found.range.end, |t| t.end);
        let mut rest = Fields::default();
        let printed = work[after..]
            .trim_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation())
            .chars()
            .count();
        if printed == 0 {
            return rest;
        }
        for seg in imprint::segments(work, after, work.len(), ctx) {
            match seg.elem {
                _ if found.prose => rest.notes.push(tidy(&work[seg.range])),
                Some(Elem::Year(y)) => rest.year = rest.year.or(Some(y)),
                Some(Elem::Date(d, y, md)) => {
                    if let Some(md) = md {
                        rest.date.get_or_insert(d);
                        rest.day.get_or_insert((md, y));
                    }
                    rest.year = rest.year.or(y);
                }
                Some(Elem::Extent(e)) => rest.extent = Some(e),
                _ => rest.notes.push(tidy(&work[seg.range])),
            }
        }
        rest
    }

    /// Reads authors and segments of `work[from..to]`.
    fn fields(&self, work: &str, from: usize, to: usize, ctx: &Ctx) -> Fields {
        let mut pos = from + (work[from..to].len() - work[from..to].trim_start().len());
        let period = ctx.punctuation == style::Punctuation::Period;
        let mut f = Fields {
            web: self.reference.url.is_some(),
            title_first: self.title_first
                && person::name_second(&work[pos..to], period, self.vocab),
            ..Fields::default()
        };
        // The year of a sort key before the entry, read before the rest.
        let mut key_year = Vec::new();
        if let Some((block, year)) = person::keyed_name(&work[pos..to], self.vocab) {
            key_year = imprint::segments(work, pos + year.start, pos + year.end, ctx);
            f.authors = block.people;
            pos += block.len;
        } else if let Some((name, len)) = person::corporate_author(&work[pos..to], self.vocab)
            && imprint::elem_at(work[pos + len..to].trim_start(), ctx).is_none()
        {
            f.authors = vec![Person {
                family: name,
                given: None,
                alias: None,
            }];
            pos += len;
        } else if let Some((title, author, len)) =
            assign::title_colon_author(&work[pos..to], self.title_first, self.vocab)
        {
            f.title = Some(title);
            f.authors = vec![author];
            pos += len;
        } else if self.flags.repeated_authors
            && let Some(inner) = work[pos..to].strip_prefix('(')
            && let Some((len, rest)) = person::year_token(inner, true)
        {
            // `—. (1979-83). Volumes 1979-83.`: the year (a span too) the
            // mark's names are followed by.
            key_year = imprint::lead_year(work, pos + 1..pos + 1 + len, ctx);
            pos = to - rest.len();
        } else if self.flags.repeated_authors {
            // `____ Ahıskalıdan Hikayeler. Emin Yayınları, Bursa`: the mark
            // stands for the names; what follows it is the title.
        } else if f.title_first {
            // The author follows the title.
        } else if let Some((block, year)) = person::author_date(&work[pos..to], self.vocab) {
            key_year = imprint::lead_year(work, pos + year.start..pos + year.end, ctx);
            if block.editors {
                f.editors = block.people;
            } else {
                f.authors = block.people;
            }
            pos += block.len;
        } else if let Some(block) = person::author_block(&work[pos..to], self.vocab) {
            if block.editors {
                f.editors = block.people;
            } else {
                f.authors = block.people;
            }
            pos += block.len;
        } else if let Some(block) = person::persian_apa(&work[pos..to], self.vocab)
            .or_else(|| person::dated_name(&work[pos..to], self.vocab))
            .or_else(|| person::patronymic_name(&work[pos..to], self.vocab))
        {
            f.authors = block.people;
            pos += block.len;
        } else if ctx.punctuation == style::Punctuation::Comma
            && let Some(block) = person::comma_inverted(&work[pos..to], self.vocab)
                .or_else(|| person::comma_name(&work[pos..to], self.vocab))
                .or_else(|| person::persian_name_before_title(&work[pos..to], self.vocab))
                .or_else(|| person::latin_name_before_title(&work[pos..to], self.vocab))
        {
            f.authors = block.people;
            pos += block.len;
        }
        let mut segs = imprint::segments(work, pos, to, ctx);
        // "Molla Nəsrədddin. 10 cilddə, II cild. Bakı, …", "Azerbaycan
        // Tarihi, I. Cilt, Bakü 1994.": a title stands between the authors
        // and the volume; with none there, the "name" was the title.
        if key_year.is_empty()
            && f.title.is_none()
            && f.editors.is_empty()
            && !f.authors.is_empty()
            && !self.flags.repeated_authors
            && volume_after_names(work, from..pos, &segs, ctx)
        {
            f.authors.clear();
            pos = from;
            segs = imprint::segments(work, pos, to, ctx);
        }
        segs.splice(0..0, key_year);
        // "Xəqani Şirvani. Seçilmiş əsərləri. Bakı, 1956.": a first sentence
        // of two or three capitalised words, then another sentence and an
        // imprint, is the author's name however unknown its words.
        if f.authors.is_empty()
            && f.editors.is_empty()
            && !f.title_first
            && !self.flags.repeated_authors
            && ctx.punctuation == style::Punctuation::Period
            && let [first, second, third, ..] = segs.as_slice()
            && first.elem.is_none()
            && second.elem.is_none()
            && second.sep == Sep::Period
            && matches!(third.elem, Some(Elem::Place(_) | Elem::Year(_)))
            && let Some(person) = person::sentence_name(&work[first.range.clone()], self.vocab)
        {
            f.authors = vec![person];
            segs.remove(0);
        }
        if f.authors.is_empty() && f.editors.is_empty() && !self.flags.repeated_authors {
            f.authors
                .extend(person::title_then_author(work, &mut segs, ctx));
        }
        // "Tanakābunī, Qiṣaṣ, p. 186": an inverted name that leaves no title
        // was the author and the title. A publisher's name after an element
        // is no title either ("Aflatun, Jumhuri, W.K.C. Guthrie, trans.
        // Hasan Fathi, Fikr-i Ruz Publication.").
        let publisher_seg =
            |s: &Seg| contains_word(&work[s.range.clone()], &self.vocab.index.publisher_words);
        if f.title.is_none()
            && segs.first().is_some_and(|s| s.elem.is_some())
            && segs.iter().all(|s| s.elem.is_some() || publisher_seg(s))
            && let Some(first) = f.authors.first()
            && first.given.as_deref().is_some_and(|g| !g.contains('.'))
            && let Some(block) = person::comma_name(&work[from..to], self.vocab)
        {
            f.authors = block.people;
            pos = from + block.len;
            segs = imprint::segments(work, pos, to, ctx);
        }
        // "تحريرالوسيله، روحالله خمينى، دفتر تبليغات اسلامى، قم": an inverted
        // name whose title would be the publisher was the title and the
        // author, printed title first.
        let first_free = segs.iter().find(|s| s.elem.is_none());
        if ctx.punctuation == style::Punctuation::Comma
            && f.title.is_none()
            && f.authors.len() == 1
            && !person::opens_with_given(&work[from..to], self.vocab)
            && first_free.is_some_and(|s| {
                contains_word(&work[s.range.clone()], &self.vocab.index.publisher_words)
            })
            && work[from..to]
                .trim_start()
                .chars()
                .next()
                .and_then(crate::script::script_of)
                == Some(Script::Arabic)
        {
            // "الحرّ العاملىّ، وسائل الشيعة، قم، مؤسّسة …", "الطوسىّ، التهذيب،
            // طهران، …": a laqab closed by a nisba before words that hold
            // no given name nor particle is the author, and those words
            // the title, printed author first.
            let author = &mut f.authors[0];
            if person::closed_by_nisba(&author.family, self.vocab)
                && let Some(title) = author
                    .given
                    .take_if(|g| !person::holds_name_word(g, self.vocab))
            {
                f.title = Some(title);
            } else {
                f.authors.clear();
                segs = imprint::segments(work, from, to, ctx);
            }
        }
        assign(work, &segs, &mut f, ctx);
        f
    }

    fn store(&mut self, f: Fields, archival: bool) {
        let r = &mut *self.reference;
        r.authors = f.authors;
        r.editors = f.editors;
        r.translators = f.translators;
        let (title, mut subtitle) = match (f.title, f.subtitle) {
            (Some(t), None) => split_subtitle(&t),
            (t, s) => (t, s),
        };
        let mut notes = f.notes;
        let mut genre = f.genre;
        // "…: tarix elmləri namizədi dis.": a thesis designation, not a subtitle.
        if let Some(s) = subtitle.take_if(|s| contains_word(s, &self.vocab.index.thesis_list)) {
            set_or_note(&mut genre, s, &mut notes);
        }
        // "…: аспекты модернизации: монография": the genre closing a
        // subtitle is no part of it.
        if let Some((kept, designation)) = subtitle
            .as_deref()
            .and_then(|s| closing_genre(s, self.vocab))
        {
            set_or_note(&mut genre, designation.to_string(), &mut notes);
            subtitle = Some(kept.to_string());
        }
        // "История Ширвана : в 2 т.": the number of volumes (trimming took
        // the abbreviation's period).
        let count = |s: &str| {
            let s = format!("{}.", s.trim_end_matches('.'));
            imprint::volume_count(&s, self.vocab)
                .filter(|(_, len)| s[*len..].trim_matches('.').is_empty())
                .map(|(n, _)| n)
        };
        let mut volumes = f.volumes;
        if let Some(s) = subtitle.take_if(|s| count(s).is_some()) {
            volumes = volumes.or(count(&s));
        }
        r.title = title.filter(|t| !t.is_empty());
        r.subtitle = subtitle.filter(|t| !t.is_empty());
        r.genre = genre;
        r.container = f
            .container
            .map(|c| container_name(&c, self.vocab))
            .filter(|c| !c.is_empty());
        if let Some(mut y) = f.year {
            if let Some(place) = &f.place {
                y = date::by_place(y, place, self.vocab);
            }
            r.year = Some(y.gregorian);
            r.original_year = y.original;
        }
        r.date = f.date;
        // A newspaper's "5 нояб." takes the entry's year; a date of another
        // year than the entry's is not its date.
        r.issued = f
            .day
            .and_then(|(md, own)| md.in_year(own.or(f.year)?))
            .filter(|d| r.year.is_none_or(|y| y == d.year));
        r.place = f.place;
        r.publisher = f
            .publisher
            .map(|p| strip_quotes(&p))
            .filter(|p| !p.is_empty());
        r.edition = f.edition;
        // "Бутков П.Г. Материалы для новой истории Кавказа. – СПб, 1868. –
        // Ч.1.", "Qarabağnamələr. I kitab. Bakı": the part or book of a work
        // printed in parts, cited whole with no volume beside it, is the
        // volume a reader asks for (biblatex's `part` numbers a volume's
        // parts; a journal's "Вып. 63. – Ч. 1" and a page's "book 4, p.
        // 17" keep it).
        let (volume, part) = match (f.volume, f.part) {
            (None, Some(p)) if f.issue.is_none() && f.pages.is_none() && r.container.is_none() => {
                (Some(p), None)
            }
            (v, p) => (v, p),
        };
        r.volume = volume;
        r.volumes = volumes;
        r.part = part;
        r.issue = f.issue;
        r.pages = f.pages;
        if !archival {
            r.extent = f.extent;
        }
        let notes: Vec<String> = notes.into_iter().filter(|n| !n.is_empty()).collect();
        r.note = (!notes.is_empty()).then(|| notes.join("; "));
        self.flags = Flags {
            thesis: f.thesis,
            in_book: f.container_marker || f.container_imprint,
            marked: f.container_marker,
            newspaper: f.newspaper,
            journal: f.journal,
            collection: f.collection,
            repeated_authors: self.flags.repeated_authors,
            op_cit: f.op_cit,
        };
    }
}

impl Reader<'_> {
    /// Records where each field was read: the printed value found in the
    /// entry's text (the title's first occurrence after the names, an
    /// imprint field's last one), mapped back to the input. A value the
    /// reader rewrote (quotes dropped, a calendar converted) is found by
    /// what was printed, or left without a span.
    fn spans(&mut self, work: &str, archive: Option<std::ops::Range<usize>>) {
        let r = &*self.reference;
        let mut found: Vec<(&'static str, std::ops::Range<usize>)> = Vec::new();
        let mut after_names = 0;
        // The names from the first printed to the last: "Həsənli Cəmil",
        // "کاوه بیات", "Миронова Е. Н., Колосова О. Ю.".
        let names: Vec<std::ops::Range<usize>> = r
            .authors
            .iter()
            .flat_map(|p| [Some(p.family.as_str()), p.given.as_deref()])
            .flatten()
            .filter(|n| !n.is_empty())
            .filter_map(|n| work.find(n).map(|i| i..i + n.len()))
            .collect();
        if let (Some(start), Some(end)) = (
            names.iter().map(|n| n.start).min(),
            names.iter().map(|n| n.end).max(),
        ) {
            found.push(("authors", start..end));
            after_names = end;
        }
        let first_after = |value: &str, from: usize| {
            work.get(from..)
                .and_then(|w| w.find(value))
                .map(|i| from + i..from + i + value.len())
        };
        let last = |value: &str| work.rfind(value).map(|i| i..i + value.len());
        let mut title_end = after_names;
        // After the names, or before them when the names follow the title
        // ("Нефтяная промышленность Апшерона / А. Б. Мамедов …").
        if let Some(t) = r.title.as_deref().filter(|t| !t.is_empty())
            && let Some(range) = first_after(t, after_names).or_else(|| first_after(t, 0))
        {
            title_end = range.end;
            found.push(("title", range));
        }
        for (key, value) in [("subtitle", &r.subtitle), ("container", &r.container)] {
            if let Some(range) = value
                .as_deref()
                .filter(|v| !v.is_empty())
                .and_then(|v| first_after(v, title_end))
            {
                found.push((key, range));
            }
        }
        let imprint = [
            ("place", &r.place),
            ("publisher", &r.publisher),
            ("edition", &r.edition),
            ("volume", &r.volume),
            ("issue", &r.issue),
            ("pages", &r.pages),
            ("extent", &r.extent),
        ];
        for (key, value) in imprint {
            if let Some(range) = value.as_deref().filter(|v| !v.is_empty()).and_then(last) {
                found.push((key, range));
            }
        }
        let printed_year = r.original_year.map(|o| o.year).or(r.year);
        if let Some(y) = printed_year
            && let Some(range) = printed_digits(y).iter().find_map(|d| last(d))
        {
            found.push(("year", range));
        }
        if let Some(url) = r.url.as_deref()
            && let Some(i) = self.clean.text.find(url)
        {
            found.push(("url", i..i + url.len()));
        }
        if let Some(range) = archive {
            found.push(("archive", range));
        }
        for (key, range) in found {
            let span = self.clean.span(range);
            self.reference.spans.insert(key, span);
        }
    }
}

impl Reader<'_> {
    /// "The Times, 14 May 1920, p. 12.": a short name and a day's date with
    /// no author or imprint is a newspaper, the name its container.
    fn newspaper_without_title(&mut self) {
        let r = &mut *self.reference;
        if r.container.is_none()
            && r.date.is_some()
            && r.authors.is_empty()
            && r.place.is_none()
            && r.publisher.is_none()
            && r.url.is_none()
            && r.title
                .as_ref()
                .is_some_and(|t| t.split_whitespace().count() <= 5)
        {
            r.container = r.title.take().map(|t| container_name(&t, self.vocab));
            self.flags.newspaper = true;
        }
    }

    /// The kind of a non-archival entry, from its fields and words.
    fn kind(&self) -> ReferenceKind {
        let r = &*self.reference;
        let f = self.flags;
        kind::choose(&kind::Signature {
            // A title cited before ("ابن اثیر: همان، ج19، ص46") is a title.
            title: r.title.is_some() || f.op_cit,
            authors: !r.authors.is_empty(),
            editors: !r.editors.is_empty(),
            year: r.year.is_some(),
            date: r.date.is_some(),
            day: r.issued.is_some(),
            place: r.place.is_some(),
            publisher: r.publisher.is_some(),
            edition: r.edition.is_some(),
            volume: r.volume.is_some(),
            issue: r.issue.is_some(),
            pages: r.pages.is_some(),
            extent: r.extent.is_some(),
            container: r.container.is_some(),
            url: r.url.is_some(),
            thesis: f.thesis,
            newspaper: f.newspaper,
            journal: f.journal,
            in_book: f.in_book,
            marked: f.marked,
            collection: f.collection
                || r.container
                    .as_deref()
                    .is_some_and(|c| kind::collection(c, self.vocab)),
            conference: r.container.as_deref().is_some_and(kind::conference),
            reference_work: r.container.as_deref().is_some_and(kind::reference_work),
        })
    }

    fn unparsed(&mut self) {
        let r = &mut *self.reference;
        let span = r.span.clone();
        r.diagnostics.push(
            Diagnostic::new(Rule::UnparsedReference, span, format!("cannot read `{}` as a reference", r.excerpt(60)))
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
                c.is_letter()
                    && work[..i]
                        .chars()
                        .next_back()
                        .is_none_or(|p| !p.is_letter_or_digit())
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
            // The date ends with its last digit ("March 3, 2020." -> "March 3, 2020").
            let candidate = &work[date_start..date_end];
            let last_digit = candidate
                .char_indices()
                .rfind(|(_, c)| crate::script::is_digit(*c))
                .map(|(i, c)| i + c.len_utf8());
            // A date has digits: "قابل دسترسی در: <URL>" ("available at")
            // holds the access word and no date.
            let Some(last_digit) = last_digit else {
                continue;
            };
            let date = candidate[..last_digit].trim();
            self.reference.accessed = Some(date.to_string());
            self.reference.accessed_on = date::find_day(date, self.vocab, self.reference.language);
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
            // A marker opens a word: the cheap test first.
            if work[..p]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_letter_or_digit())
                && let Some((len, _)) = self.vocab.index.medium_markers.match_start(&work[p..])
            {
                blank(work, p..p + len);
                p += len;
                continue;
            }
            p += work[p..].chars().next().map_or(1, char::len_utf8);
        }
    }
}

/// A year as it may be printed: in ASCII, Persian or Arabic-Indic digits.
fn printed_digits(year: i32) -> [String; 3] {
    let ascii = year.to_string();
    let shift = |zero: char| {
        ascii
            .chars()
            .map(|c| {
                c.to_digit(10)
                    .and_then(|d| char::from_u32(zero as u32 + d))
                    .unwrap_or(c)
            })
            .collect::<String>()
    };
    let persian = shift('۰');
    let arabic = shift('٠');
    [ascii, persian, arabic]
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

/// A subtitle's closing genre designation after a colon (GOST R
/// 7.0.100-2018 § 5.3.4, `bib/imprint.toml` `title_genres`): "аспекты
/// модернизации: монография" -> ("аспекты модернизации", "монография").
/// A subtitle that is the designation alone is left as printed.
fn closing_genre<'a>(subtitle: &'a str, vocab: &Vocabulary) -> Option<(&'a str, &'a str)> {
    let (kept, last) = subtitle.rsplit_once(':')?;
    let (kept, last) = (kept.trim(), last.trim());
    let (len, _) = vocab.index.title_genres.match_start(last)?;
    (!kept.is_empty() && !last[len..].starts_with(crate::script::is_letter_or_digit))
        .then_some((kept, last))
}

/// A container's name: quotes removed; "«Türkologiya» jurnalı" -> "Türkologiya".
fn container_name(c: &str, vocab: &Vocabulary) -> String {
    let t = c.trim();
    // "// Бубер М. Два образа веры": GOST repeats the book's author before
    // its title; the container is the title.
    if let Some(block) = person::author_block(t, vocab)
        && block
            .people
            .iter()
            .all(|p| p.given.as_deref().is_some_and(|g| g.contains('.')))
        && t[..block.len].trim_end().ends_with('.')
        && !t[block.len..].trim().is_empty()
    {
        return container_name(&t[block.len..], vocab);
    }
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
    // "Газета «Коммунист»", "روزنامه اطلاعات", "Cumhuriyet gazetesi": the
    // generic word is not part of the name.
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() >= 2 {
        let generic = |w: &str| vocab.index.newspaper_words.iter().any(|n| *n == fold(w));
        if generic(words[0]) {
            return strip_quotes(&words[1..].join(" "));
        }
        if generic(words[words.len() - 1]) {
            return strip_quotes(&words[..words.len() - 1].join(" "));
        }
    }
    strip_quotes(t)
}

/// Whether `s` starts with an opening quote.
fn is_quoted(s: &str) -> bool {
    s.trim_start().starts_with(['«', '"', '“', '„', '\''])
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
    tidy_keeping(s, None)
}

/// [`tidy`], keeping a final period that belongs to an abbreviation
/// ("1920–1927 гг.", "в 1921 g.").
fn tidy_keeping(s: &str, vocab: Option<&Vocabulary>) -> String {
    let t = s.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '،' | '؛' | '–' | '—' | '/')
    });
    let stripped = t.trim_end_matches('.').trim_end();
    let last_word = lex::last_word(stripped);
    let keep = t.ends_with('.')
        && !last_word.is_empty()
        && vocab.is_some_and(|v| v.index.abbreviations.contains_key(&fold(last_word)))
        && stripped
            .chars()
            .rev()
            .nth(last_word.chars().count())
            .is_some_and(char::is_whitespace);
    let t = if keep {
        &t[..stripped.len() + 1]
    } else {
        stripped
    };
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

/// The language of an entry: its script, then for Latin and Cyrillic the
/// letters and words of `bib/languages.toml`.
fn detect_language(text: &str, vocab: &Vocabulary) -> Option<Language> {
    language_of(text, vocab, true)
}

/// [`detect_language`], answering `None` for Latin text without any cue
/// unless `default_english`.
fn language_of(text: &str, vocab: &Vocabulary, default_english: bool) -> Option<Language> {
    let script = dominant_script(text)?;
    // Arabic script is Persian whatever its words: nothing to fold.
    if script == Script::Arabic {
        return Some(Language::Fa);
    }
    let f = fold(text);
    let words: Vec<&str> = f
        .split(|c: char| !c.is_letter_or_digit())
        .filter(|w| !w.is_empty())
        .collect();
    let score = |code: &str| -> usize {
        vocab
            .languages
            .iter()
            .filter(|l| l.code == code)
            .map(|l| {
                let letters = l.letters.iter().filter(|x| f.contains(x.as_str())).count() * 3;
                let hits = words
                    .iter()
                    .filter(|w| {
                        vocab
                            .index
                            .language_words
                            .get(**w)
                            .is_some_and(|codes| codes.contains(&l.code))
                    })
                    .count();
                letters + hits
            })
            .sum()
    };
    // The letters of language `code` (a field of its cues) in `script`.
    let letters = |code: &str, field: fn(&LanguageCues) -> &Vec<String>, script: Script| {
        vocab
            .languages
            .iter()
            .filter(|l| l.code == code)
            .flat_map(field)
            .filter_map(|x| x.chars().next())
            .filter(|c| crate::script::script_of(*c) == Some(script))
            .collect::<Vec<char>>()
    };
    match script {
        Script::Arabic => Some(Language::Fa),
        Script::Cyrillic => {
            let azerbaijani = letters("az", |l| &l.letters, Script::Cyrillic);
            Some(
                if f.chars().any(|c| azerbaijani.contains(&c)) && score("az") > 0 {
                    Language::Az
                } else {
                    Language::Ru
                },
            )
        }
        Script::Latin => {
            let (az, tr, en) = (score("az"), score("tr"), score("en"));
            // Turkish writes no q or x; an Azerbaijani word with Turkic
            // letters usually has one.
            let shared = letters("tr", |l| &l.shared, Script::Latin);
            let turkic = text
                .chars()
                .flat_map(char::to_lowercase)
                .any(|c| shared.contains(&c));
            let not_turkish = letters("tr", |l| &l.absent, Script::Latin);
            let azerbaijani = letters("az", |l| &l.letters, Script::Latin);
            let qx = turkic
                && words.iter().any(|w| {
                    w.contains(not_turkish.as_slice())
                        && w.chars()
                            .any(|c| shared.contains(&c) || azerbaijani.contains(&c))
                });
            let az = az + usize::from(qx) * 2;
            let fr = score("fr");
            if az + tr + en + fr == 0 && !turkic && !default_english {
                return None;
            }
            Some(if fr > az.max(tr).max(en) && !turkic {
                Language::Fr
            } else if az > tr && az >= en && az > 0 {
                Language::Az
            } else if tr > az && tr >= en && tr > 0 || turkic && en == 0 && az == 0 {
                Language::Tr
            } else if turkic && az >= tr && az > 0 {
                Language::Az
            } else {
                Language::En
            })
        }
    }
}

/// The language suggested by an archival reference's labels.
fn archival_language(archive: &crate::model::Archive, vocab: &Vocabulary) -> Option<Language> {
    let labels: Vec<&str> = archive.labels.iter().map(|(_, l)| l.as_str()).collect();
    language_of(&labels.join(" "), vocab, false)
}

/// Whether the entry is only an archive abbreviation and labels (no title),
/// so that its labels say more about its language than its letters.
fn is_label_only(work: &str, found: &archival::Found) -> bool {
    work[..found.name_start].trim().is_empty()
}

#[cfg(test)]
mod tests;
