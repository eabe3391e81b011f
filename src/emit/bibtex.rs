//! Emit: BibLaTeX (biber's data model) and classic BibTeX, written entry by entry with `biblatex`.
//!
//! Every field is checked against the entry type's fields in biber's default
//! data model (`Biber/biber-tool.conf`, the standard biblatex data model), so
//! `biber --tool --validate-datamodel` never reports an invalid field; a
//! value with no allowed field is folded into `note` and reported.
//!
//! Archival search data has no field in either data model. It is written in
//! `howpublished` as one string, `ARDA, f. 28, siy. 1, iş 72` (archive name,
//! then fond, inventory, file and leaves in the archive's own convention),
//! which biblatex's standard styles print for `@misc` and `@unpublished`, and
//! which Zotero's BibTeX import keeps (as an `Extra` line `Published: …`); the
//! archive's full name goes to `library`. Custom fields (`fond`, `opis`) would
//! be dropped by biber's validation and by Zotero. See `docs/formats.md`.
//!
//! `biblatex::Bibliography::to_biblatex_string` panics on one malformed date,
//! so entries are written one by one with `Entry::to_biblatex_string` /
//! `Entry::to_bibtex_string`.

use biblatex::{self as tex, Chunk, Chunks, Spanned};

use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::model::{Person, Reference, ReferenceKind};

use super::fields::{
    Note, Report, archive_citation, babel_name, double_dash, full_title, issued, langid, people,
    person_name, printable, raw_title, report_lost_date,
};
use super::{Format, Options, keys, output_error};

/// The biblatex entry type of a reference (BibTeX's is derived from it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Misc,
    Unpublished,
    Book,
    Article,
    InBook,
    InCollection,
    Thesis,
    Online,
}

impl Kind {
    fn of(r: &Reference) -> Kind {
        match r.kind {
            ReferenceKind::Archival if r.authors.is_empty() => Kind::Misc,
            ReferenceKind::Archival => Kind::Unpublished,
            ReferenceKind::Book => Kind::Book,
            ReferenceKind::Article | ReferenceKind::Newspaper => Kind::Article,
            ReferenceKind::Chapter if r.editors.is_empty() => Kind::InBook,
            ReferenceKind::Chapter => Kind::InCollection,
            ReferenceKind::Thesis => Kind::Thesis,
            ReferenceKind::Web => Kind::Online,
            ReferenceKind::Other => Kind::Misc,
        }
    }

    fn biblatex(self) -> tex::EntryType {
        match self {
            Kind::Misc => tex::EntryType::Misc,
            Kind::Unpublished => tex::EntryType::Unpublished,
            Kind::Book => tex::EntryType::Book,
            Kind::Article => tex::EntryType::Article,
            Kind::InBook => tex::EntryType::InBook,
            Kind::InCollection => tex::EntryType::InCollection,
            Kind::Thesis => tex::EntryType::Thesis,
            Kind::Online => tex::EntryType::Online,
        }
    }

    /// `@article`, as the type is written in BibLaTeX or (`bibtex`) BibTeX.
    fn name(self, bibtex: bool) -> &'static str {
        match self {
            Kind::Misc => "@misc",
            Kind::Unpublished => "@unpublished",
            Kind::Book => "@book",
            Kind::Article => "@article",
            Kind::InBook => "@inbook",
            Kind::InCollection => "@incollection",
            Kind::Thesis if bibtex => "@phdthesis",
            Kind::Thesis => "@thesis",
            Kind::Online if bibtex => "@misc",
            Kind::Online => "@online",
        }
    }

    /// Classic BibTeX: `@thesis` is `@phdthesis` (with our `type`), a web
    /// page is `@misc`.
    fn bibtex(self) -> tex::EntryType {
        match self {
            Kind::Thesis => tex::EntryType::PhdThesis,
            Kind::Online => tex::EntryType::Misc,
            other => other.biblatex(),
        }
    }

    /// Whether biber's default data model has `field` for this type. Fields
    /// every type has (`date`, `url`, `urldate`, `langid`, `library`,
    /// `nameaddon`, `entrysubtype`, ...) are always allowed; the rest is the
    /// type's `<entryfields>` list in `biber-tool.conf` (biber 2.18).
    fn allows(self, field: &str) -> bool {
        use Kind::*;
        match field {
            "author" | "title" | "subtitle" | "note" | "language" => true,
            "editor" => !matches!(self, Thesis | Unpublished),
            "translator" => matches!(self, Article | Book | InBook | InCollection),
            "journaltitle" | "journal" => self == Article,
            "booktitle" => matches!(self, InBook | InCollection),
            "location" | "address" => !matches!(self, Article | Online),
            "publisher" => matches!(self, Book | InBook | InCollection),
            "institution" | "school" => self == Thesis,
            "organization" => matches!(self, Misc | Online),
            "howpublished" => matches!(self, Misc | Unpublished),
            "type" => matches!(self, Misc | Unpublished | Thesis),
            "edition" | "volumes" | "part" => matches!(self, Book | InBook | InCollection),
            "volume" | "number" => matches!(self, Article | Book | InBook | InCollection),
            "pages" => matches!(self, Article | Book | InBook | InCollection | Thesis),
            "pagetotal" => matches!(self, Book | Thesis),
            _ => true,
        }
    }
}

/// E002 for each mandatory field of the entry's type that `r` lacks.
fn note_missing(r: &Reference, key: &str, format: Format, out: &mut Vec<Diagnostic>) {
    for field in missing_biblatex_fields(r) {
        let field = if field == "date, year" {
            "date or year"
        } else {
            field
        };
        out.push(
            Diagnostic::new(
                crate::rule::Rule::MissingRequiredField,
                r.span.clone(),
                format!(
                    "entry {} (`{key}`) has no {field}, which its {} entry type requires",
                    r.number,
                    format.title()
                ),
            )
            .with_reference(r.number),
        );
    }
}

/// The biblatex data model's mandatory fields that `r` has no value for, as
/// biber would name them (`author`, `journaltitle`, `date, year`, …).
///
/// istinad still writes such an entry; biber then warns "Missing mandatory
/// field" for exactly these. (Constraints of `biber-tool.conf`.)
pub fn missing_biblatex_fields(r: &Reference) -> Vec<&'static str> {
    let kind = Kind::of(r);
    let mut missing = Vec::new();
    let needs_author = matches!(
        kind,
        Kind::Unpublished
            | Kind::Book
            | Kind::Article
            | Kind::InBook
            | Kind::InCollection
            | Kind::Thesis
    );
    if needs_author && r.authors.is_empty() {
        missing.push("author");
    }
    if kind == Kind::Article && r.container.is_none() {
        missing.push("journaltitle");
    }
    let untitled = if r.kind == ReferenceKind::Other {
        r.raw.trim().is_empty()
    } else {
        r.title.is_none() && r.subtitle.is_none()
    };
    if untitled {
        missing.push("title");
    }
    if matches!(kind, Kind::InBook | Kind::InCollection) && r.container.is_none() {
        missing.push("booktitle");
    }
    if kind == Kind::Thesis && r.publisher.is_none() {
        missing.push("institution");
    }
    if kind == Kind::Online && r.url.is_none() {
        missing.push("url");
    }
    if r.year.is_none() {
        missing.push("date, year");
    }
    missing
}

/// The two `.bib` dialects one builder writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dialect {
    /// BibLaTeX, biber's data model: `date`, `location`, `journaltitle`,
    /// `@online`, `@thesis`, separate `subtitle`, `langid`.
    Biblatex,
    /// Classic BibTeX 0.99 field names: `year`/`month`, `address`,
    /// `journal`, `@phdthesis`; what it has no field for is folded or noted.
    Bibtex,
}

impl Dialect {
    /// The output format this dialect is.
    pub fn format(self) -> Format {
        match self {
            Dialect::Biblatex => Format::Biblatex,
            Dialect::Bibtex => Format::Bibtex,
        }
    }

    /// The field's name in this dialect: BibLaTeX's, or BibTeX's.
    fn field(self, biblatex: &'static str, bibtex: &'static str) -> &'static str {
        match self {
            Dialect::Biblatex => biblatex,
            Dialect::Bibtex => bibtex,
        }
    }
}

/// Writes `references` as BibLaTeX to `out`; returns the findings.
pub fn write_biblatex(
    references: &[Reference],
    options: &Options,
    out: impl std::io::Write,
) -> Result<Vec<Diagnostic>, Error> {
    super::write(references, Format::Biblatex, options, out)
}

/// `references` as a BibLaTeX `.bib` file, and the findings.
pub fn to_biblatex_string(
    references: &[Reference],
    options: &Options,
) -> Result<(String, Vec<Diagnostic>), Error> {
    to_bib_string(references, Dialect::Biblatex, options)
}

/// Writes `references` as classic BibTeX to `out`; returns the findings.
pub fn write_bibtex(
    references: &[Reference],
    options: &Options,
    out: impl std::io::Write,
) -> Result<Vec<Diagnostic>, Error> {
    super::write(references, Format::Bibtex, options, out)
}

/// `references` as a classic BibTeX `.bib` file, and the findings.
pub fn to_bibtex_string(
    references: &[Reference],
    options: &Options,
) -> Result<(String, Vec<Diagnostic>), Error> {
    to_bib_string(references, Dialect::Bibtex, options)
}

/// `references` as a `.bib` file of `dialect`, and the findings.
pub fn to_bib_string(
    references: &[Reference],
    dialect: Dialect,
    options: &Options,
) -> Result<(String, Vec<Diagnostic>), Error> {
    let keys = keys(references, options.keys);
    let mut out = Vec::new();
    let diagnostics = write_records(references.iter().zip(keys), dialect, options, &mut out)?;
    let text = String::from_utf8(out).map_err(|e| output_error(dialect.format().title(), e))?;
    Ok((text, diagnostics))
}

/// Writes `records`, each with its key, as `dialect` to `out` entry by
/// entry; returns the findings.
pub(crate) fn write_records<R: std::borrow::Borrow<Reference>>(
    records: impl Iterator<Item = (R, String)>,
    dialect: Dialect,
    options: &Options,
    mut out: impl std::io::Write,
) -> Result<Vec<Diagnostic>, Error> {
    let mut diagnostics = Vec::new();
    let mut text = String::new();
    for (i, (r, key)) in records.enumerate() {
        let r = r.borrow();
        let mut report = Report::new(dialect.format(), &mut diagnostics);
        let entry = entry(r, &key, dialect, options, &mut report);
        note_missing(r, &key, dialect.format(), &mut diagnostics);
        // An empty `text` takes no separator: the entries' blank line is
        // written before each but the first.
        text.clear();
        push_entry(&mut text, &write_entry(&entry, dialect, &key)?);
        let separator: &[u8] = if i > 0 { b"\n" } else { b"" };
        out.write_all(separator)
            .and_then(|()| out.write_all(text.as_bytes()))
            .map_err(|e| output_error(dialect.format().title(), e))?;
    }
    Ok(diagnostics)
}

/// One entry's text in `dialect`.
fn write_entry(entry: &tex::Entry, dialect: Dialect, key: &str) -> Result<String, Error> {
    match dialect {
        Dialect::Biblatex => Ok(entry.to_biblatex_string()),
        Dialect::Bibtex => entry
            .to_bibtex_string()
            .map_err(|e| output_error(&format!("BibTeX entry `{key}`"), e)),
    }
}

/// Appends one entry as the `biblatex` crate wrote it, fields indented by two
/// spaces, TeX specials the crate escapes with a bare backslash written as
/// the text commands LaTeX needs (`\~` would be a tilde accent).
fn push_entry(out: &mut String, entry: &str) {
    if !out.is_empty() {
        out.push('\n');
    }
    let lines: Vec<&str> = entry.lines().collect();
    let last = lines.len().saturating_sub(1);
    for (i, line) in lines.iter().enumerate() {
        if i == 0 || i == last {
            out.push_str(line);
        } else {
            out.push_str("  ");
            if line.starts_with("url = ") {
                out.push_str(line);
            } else {
                out.push_str(&text_commands(line));
            }
        }
        out.push('\n');
    }
}

/// `\~` -> `\textasciitilde{}`, `\^` -> `\textasciicircum{}`, `\\` ->
/// `\textbackslash{}`; every other escape is already right for LaTeX.
fn text_commands(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('~') => out.push_str("\\textasciitilde{}"),
            Some('^') => out.push_str("\\textasciicircum{}"),
            Some('\\') => out.push_str("\\textbackslash{}"),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Text as a field value (one line: newlines become spaces).
fn normal(text: &str) -> Chunks {
    vec![Spanned::zero(Chunk::Normal(one_line(text)))]
}

fn one_line(text: &str) -> String {
    printable(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `Family, Given and Family, Given`. A name without a given name
/// (organisations, pen names) or with a comma or `and` inside is braced so
/// that BibTeX's name parser keeps it whole.
fn names(list: &[Person]) -> Chunks {
    let mut chunks = Chunks::new();
    for (i, p) in list.iter().enumerate() {
        if i > 0 {
            chunks.push(Spanned::zero(Chunk::Normal(" and ".into())));
        }
        let family = one_line(&p.family);
        let awkward = |s: &str| s.contains(',') || s.to_lowercase().contains(" and ");
        match p.given.as_deref().map(one_line) {
            Some(given) => {
                if awkward(&family) {
                    chunks.push(Spanned::zero(Chunk::Verbatim(family)));
                    chunks.push(Spanned::zero(Chunk::Normal(", ".into())));
                } else {
                    chunks.push(Spanned::zero(Chunk::Normal(format!("{family}, "))));
                }
                if awkward(&given) {
                    chunks.push(Spanned::zero(Chunk::Verbatim(given)));
                } else {
                    chunks.push(Spanned::zero(Chunk::Normal(given)));
                }
            }
            None => chunks.push(Spanned::zero(Chunk::Verbatim(family))),
        }
    }
    chunks
}

/// Collects fields, folding what the type does not allow into the note.
struct Builder<'a, 'b> {
    entry: tex::Entry,
    kind: Kind,
    note: Note,
    r: &'a Reference,
    report: &'a mut Report<'b>,
    keep_language: bool,
}

impl Builder<'_, '_> {
    /// Sets `field`, or folds `value` into the note under `label`.
    fn put(&mut self, field: &str, label: &str, value: &str) {
        if self.kind.allows(field) {
            self.entry.set(field, normal(value));
        } else {
            self.fold(label, value);
        }
    }

    fn put_names(&mut self, field: &str, label: &str, list: &[Person]) {
        if list.is_empty() {
            return;
        }
        if self.kind.allows(field) {
            self.entry.set(field, names(list));
        } else {
            self.fold(label, &people(list));
        }
    }

    /// `type`: the designation as printed; a thesis, which requires the
    /// field, has `thesis` when nothing is printed.
    fn genre(&mut self) {
        let r = self.r;
        match (r.genre.as_deref(), self.kind) {
            (None, Kind::Thesis) => self.entry.set("type", normal("thesis")),
            (Some(g), _) => self.put("type", "genre", g),
            (None, _) => {}
        }
    }

    fn fold(&mut self, label: &str, value: &str) {
        self.report.folded(self.r, label, value, "note");
        self.note.push(label, value);
    }

    fn finish(mut self) -> tex::Entry {
        use tex::ChunksExt;
        if let Some(note) = self.note.text() {
            self.entry.set("note", normal(&note));
        }
        // An empty field is no field (biber would report it missing anyway).
        self.entry
            .fields
            .retain(|_, chunks| !chunks.format_verbatim().trim().is_empty());
        self.entry
    }
}

/// The entry of `r` in `dialect`: the same walk over the record for both,
/// each field under the dialect's name, or folded into the note, or noted
/// as lost where the dialect has no place for it.
fn entry(
    r: &Reference,
    key: &str,
    dialect: Dialect,
    options: &Options,
    report: &mut Report<'_>,
) -> tex::Entry {
    let kind = Kind::of(r);
    let bibtex = dialect == Dialect::Bibtex;
    report.record = Some(kind.name(bibtex));
    let entry_type = if bibtex {
        kind.bibtex()
    } else {
        kind.biblatex()
    };
    let mut b = Builder {
        entry: tex::Entry::new(key.to_string(), entry_type),
        kind,
        note: Note::of(r, true),
        r,
        report,
        keep_language: options.keep_language,
    };
    if !r.authors.is_empty() {
        b.entry.set("author", names(&r.authors));
    }
    let people_ = || r.authors.iter().chain(&r.editors).chain(&r.translators);
    if bibtex {
        for p in people_() {
            if let Some(alias) = p.alias.as_deref() {
                b.report.dropped(
                    r,
                    "pen name",
                    alias,
                    &format!("no field for the pen name of `{}`", person_name(p)),
                );
            }
        }
    } else {
        let aliases: Vec<&str> = people_().filter_map(|p| p.alias.as_deref()).collect();
        if !aliases.is_empty() {
            b.entry.set("nameaddon", normal(&aliases.join("; ")));
        }
    }
    b.put_names("editor", "editors", &r.editors);
    if bibtex {
        if !r.translators.is_empty() {
            b.fold("translators", &people(&r.translators));
        }
    } else {
        b.put_names("translator", "translators", &r.translators);
    }
    if r.kind == ReferenceKind::Other {
        b.entry.set("title", normal(&raw_title(r)));
    } else if bibtex {
        // BibTeX has no `subtitle`: one title, "Title: subtitle".
        if let Some(t) = full_title(r) {
            b.entry.set("title", normal(&t));
        }
    } else {
        if let Some(t) = r.title.as_deref() {
            b.entry.set("title", normal(t));
        }
        if let Some(s) = r.subtitle.as_deref() {
            b.entry.set("subtitle", normal(s));
        }
    }
    if let Some(c) = r.container.as_deref() {
        let field = match kind {
            Kind::Article => dialect.field("journaltitle", "journal"),
            Kind::InBook | Kind::InCollection => "booktitle",
            Kind::Online => dialect.field("organization", "howpublished"),
            _ => "",
        };
        // `@misc` has `howpublished` in biber's model, which reads BibTeX
        // through source maps; the web page is `@misc` in BibTeX.
        if bibtex && kind == Kind::Online {
            b.entry.set(field, normal(c));
        } else {
            b.put(field, "container", c);
        }
    }
    if !bibtex && r.kind == ReferenceKind::Newspaper {
        b.entry.set("entrysubtype", normal("newspaper"));
    }
    b.genre();
    let (date, lost) = issued(r);
    if let Some(d) = date {
        if bibtex {
            b.entry.set("year", normal(&d.year.to_string()));
            if let Some(m) = d.month {
                b.entry.set("month", normal(&m.to_string()));
            }
            if d.day.is_some() {
                b.report.dropped(
                    r,
                    "day of the date",
                    &d.iso(),
                    "its dates have a year and a month only",
                );
            }
        } else {
            b.entry.set("date", normal(&d.iso()));
        }
    }
    report_lost_date(b.report, r, lost);
    if let Some(v) = r.place.as_deref() {
        b.put(dialect.field("location", "address"), "place", v);
    }
    if let Some(v) = r.publisher.as_deref() {
        let field = if kind == Kind::Thesis {
            dialect.field("institution", "school")
        } else {
            "publisher"
        };
        b.put(field, "publisher", v);
    }
    if let Some(v) = r.edition.as_deref() {
        b.put("edition", "edition", v);
    }
    if let Some(v) = r.volume.as_deref() {
        b.put("volume", "volume", v);
    }
    // BibTeX has no `volumes` and `part`.
    for (field, value) in [("volumes", &r.volumes), ("part", &r.part)] {
        if let Some(v) = value.as_deref() {
            if bibtex {
                b.fold(field, v);
            } else {
                b.put(field, field, v);
            }
        }
    }
    if let Some(v) = r.issue.as_deref() {
        b.put("number", "issue", v);
    }
    if let Some(v) = r.pages.as_deref() {
        if kind.allows("pages") {
            // BibTeX writes ranges with TeX's `--`; biber reads `-`.
            let pages = if bibtex {
                double_dash(v)
            } else {
                v.to_string()
            };
            b.entry.set("pages", normal(&pages));
        } else {
            b.fold("pages", v);
        }
    }
    if let Some(v) = r.extent.as_deref() {
        if bibtex {
            b.report
                .dropped(r, "extent", v, "no field for a page count");
        } else {
            b.put("pagetotal", "extent", v);
        }
    }
    if let Some(a) = &r.archive {
        if let Some(citation) = archive_citation(a, r.language) {
            b.put("howpublished", "archive", &citation);
        }
        if !bibtex && let Some(full) = a.full_name.as_deref() {
            b.entry.set("library", normal(full));
        }
    }
    if let Some(url) = r.url.as_deref() {
        b.entry.set("url", verbatim_url(url));
    }
    write_access_date(&mut b.entry, b.report, r, "urldate");
    // `langid` in both dialects: pandoc reads it to keep a title's case
    // (it title-cases entries it takes for English), biblatex to pick
    // hyphenation and strings. `language` is what biblatex's standard
    // styles print ("Russian."); it says nothing `langid` does not, so it
    // is written only on request.
    if let Some(l) = r.language {
        b.entry.set("langid", normal(langid(l)));
        if b.keep_language {
            b.entry.set("language", normal(babel_name(l)));
        }
    }
    b.finish()
}

/// URLs are verbatim fields: written as printed (the crate escapes nothing
/// but braces and backslashes there).
fn verbatim_url(url: &str) -> Chunks {
    vec![Spanned::zero(Chunk::Normal(one_line(url)))]
}

fn write_access_date(entry: &mut tex::Entry, report: &mut Report<'_>, r: &Reference, field: &str) {
    let Some(printed) = r.accessed.as_deref() else {
        return;
    };
    match r.accessed_on {
        Some(d) => entry.set(field, normal(&d.iso())),
        None => report.dropped(
            r,
            "access date",
            printed,
            "it is not a date istinad can read",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Vocabulary;
    use crate::parse::parse_reference;

    fn one(text: &str, format: Format) -> (String, Vec<Diagnostic>) {
        let r = parse_reference(text, &Vocabulary::builtin());
        let options = Options::default();
        match format {
            Format::Bibtex => to_bibtex_string(&[r], &options),
            _ => to_biblatex_string(&[r], &options),
        }
        .expect("written")
    }

    #[test]
    fn archival_file_goes_to_howpublished() {
        let (bib, findings) = one("ARDA: f. 28. siy. 1. iş 72", Format::Biblatex);
        assert!(bib.starts_with("@misc{arda28,\n"), "{bib}");
        assert!(bib.contains("  howpublished = {ARDA, f. 28, siy. 1, iş 72},\n"));
        assert!(bib.contains("  library = {Azərbaycan Respublikasının Dövlət Arxivi},\n"));
        assert!(bib.contains("  langid = {az},\n"));
        assert!(!bib.contains("language = "), "{bib}");
        // Nothing is lost; what @misc requires and the entry lacks is noted.
        let names: Vec<&str> = findings.iter().map(|d| d.name()).collect();
        assert_eq!(
            names,
            ["missing-required-field", "missing-required-field"],
            "{findings:?}"
        );
        assert!(
            findings[0].message.contains("no title")
                && findings[1].message.contains("no date or year")
        );
    }

    #[test]
    fn solar_hijri_year_goes_to_the_note() {
        let (bib, _) = one(
            "کاوه بیات (1388). توفان بر فراز قفقاز. مرکز اسناد و تاریخ دیپلماسی. تهران",
            Format::Biblatex,
        );
        assert!(bib.contains("  date = {2009},\n"), "{bib}");
        assert!(bib.contains("  note = {1388 SH},\n"), "{bib}");
    }

    #[test]
    fn fields_a_type_lacks_are_folded_and_reported() {
        let (bib, findings) = one(
            "Bünyadov Z. Azərbaycan VII-IX əsrlərdə. Bakı: Azərnəşr, 1989. 336 s.",
            Format::Bibtex,
        );
        assert!(!bib.contains("336"), "{bib}");
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].code(), "E001");
        assert!(findings[0].message.contains("`336`"));
    }

    /// The fixture list, and one entry full of TeX specials.
    fn references() -> Vec<Reference> {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/convert/list.md");
        let text = std::fs::read_to_string(path).expect("fixtures/convert/list.md");
        let source = crate::Source::new("list.md", text);
        let vocab = Vocabulary::builtin();
        let document = crate::split::split(&source, &vocab);
        let mut refs = crate::parse::parse_references(&source, &document, &vocab);
        let mut special = Reference::unparsed(99, 0..0, String::new());
        special.kind = ReferenceKind::Book;
        special.authors = vec![Person {
            family: "Institute of History, ANAS".into(),
            ..Person::default()
        }];
        special.title = Some(r"50% & $5 #1 a_b ~x ^y \z {braces}".into());
        special.url = Some("https://example.org/a_b?x=1&y=%20#top~".into());
        special.year = Some(2000);
        refs.push(special);
        refs
    }

    /// What `biblatex` reads from the text we wrote is, field by field, the
    /// entry we built.
    #[test]
    fn the_biblatex_crate_reads_every_field_back() {
        use tex::ChunksExt;
        let refs = references();
        let keys = keys(&refs, crate::emit::KeyStyle::Readable);
        for bibtex in [false, true] {
            let mut diagnostics = Vec::new();
            for (r, key) in refs.iter().zip(&keys) {
                let mut report = Report::new(Format::Biblatex, &mut diagnostics);
                let dialect = if bibtex {
                    Dialect::Bibtex
                } else {
                    Dialect::Biblatex
                };
                let built = entry(r, key, dialect, &Options::default(), &mut report);
                let mut text = String::new();
                let written = write_entry(&built, dialect, key).expect("written");
                push_entry(&mut text, &written);
                let read = tex::Bibliography::parse(&text)
                    .unwrap_or_else(|e| panic!("{key}: {e:?}\n{text}"));
                let entry = read.get(key).expect("entry read back");
                assert_eq!(entry.fields.len(), built.fields.len(), "{text}");
                for (field, chunks) in &built.fields {
                    let got = entry.get(field).expect("field read back");
                    // TeX's `--` ligature is read as an en dash.
                    assert_eq!(
                        got.format_verbatim(),
                        chunks.format_verbatim().replace("--", "–"),
                        "{key}.{field} in\n{text}"
                    );
                }
            }
        }
    }

    #[test]
    fn tex_specials_become_text_commands() {
        assert_eq!(
            text_commands(r"title = {a\~b \^ c \\ 50\% \&},"),
            r"title = {a\textasciitilde{}b \textasciicircum{} c \textbackslash{} 50\% \&},"
        );
    }

    #[test]
    fn names_without_given_names_are_braced() {
        let list = [
            Person {
                family: "ناشناس".into(),
                ..Person::default()
            },
            Person {
                family: "Smith".into(),
                given: Some("John".into()),
                alias: None,
            },
        ];
        let mut e = tex::Entry::new("k".into(), tex::EntryType::Book);
        e.set("author", names(&list));
        assert!(
            e.to_biblatex_string()
                .contains("author = {{ناشناس} and Smith, John},")
        );
    }
}
