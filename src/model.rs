//! The canonical model: references, people, archives, citations and locators.
//!
//! Every output format is a conversion of these types. Field values are as
//! printed, trimmed of their label and surrounding punctuation, except
//! `year` (Gregorian), `volume` (an Arabic numeral) and ranges (ASCII hyphen);
//! numbers in `issue`, `pages`, `extent` and archival fields are written with
//! ASCII digits.

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::source::Span;
use crate::vocab::Meaning;

/// What a list entry describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ReferenceKind {
    /// An archival file or document (fond, inventory, file, leaves).
    Archival,
    /// A book, monograph or document collection.
    Book,
    /// An article in a journal.
    Article,
    /// A chapter or article in an edited book.
    Chapter,
    /// A thesis, dissertation or its abstract.
    Thesis,
    /// A newspaper article or issue.
    Newspaper,
    /// A web page.
    Web,
    /// Not understood: kept as raw text with a diagnostic.
    Other,
}

impl ReferenceKind {
    /// The lower-case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ReferenceKind::Archival => "archival",
            ReferenceKind::Book => "book",
            ReferenceKind::Article => "article",
            ReferenceKind::Chapter => "chapter",
            ReferenceKind::Thesis => "thesis",
            ReferenceKind::Newspaper => "newspaper",
            ReferenceKind::Web => "web",
            ReferenceKind::Other => "other",
        }
    }

    /// Whether works of this kind are printed (cited by page, not by leaf).
    pub fn is_printed(self) -> bool {
        matches!(
            self,
            ReferenceKind::Book
                | ReferenceKind::Article
                | ReferenceKind::Chapter
                | ReferenceKind::Newspaper
        )
    }
}

/// The language of an entry, by its title and labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Azerbaijani (Latin script).
    Az,
    /// Russian.
    Ru,
    /// Persian.
    Fa,
    /// Turkish.
    Tr,
    /// English.
    En,
    /// French (the press of the 1900s–1920s: `Le Temps`).
    Fr,
}

impl Language {
    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Language::Az => "az",
            Language::Ru => "ru",
            Language::Fa => "fa",
            Language::Tr => "tr",
            Language::En => "en",
            Language::Fr => "fr",
        }
    }

    /// Parses an ISO 639-1 code.
    pub fn from_code(code: &str) -> Option<Language> {
        match code {
            "az" => Some(Language::Az),
            "ru" => Some(Language::Ru),
            "fa" => Some(Language::Fa),
            "tr" => Some(Language::Tr),
            "en" => Some(Language::En),
            "fr" => Some(Language::Fr),
            _ => None,
        }
    }
}

/// A person named in an entry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Person {
    /// Family name (or the whole name of an organisation).
    pub family: String,
    /// Given names or initials, as printed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub given: Option<String>,
    /// A pen name printed in brackets: `İbrahimov (Şahin) Tağı`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alias: Option<String>,
}

/// A calendar a printed year may be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Calendar {
    /// The Solar Hijri (Iranian) calendar.
    SolarHijri,
    /// The lunar Hijri (Islamic) calendar.
    LunarHijri,
}

impl Calendar {
    /// The kebab-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Calendar::SolarHijri => "solar-hijri",
            Calendar::LunarHijri => "lunar-hijri",
        }
    }
}

/// A Gregorian date as far as it is known; month and day count from one
/// (`month: Some(5)` is May), as ISO 8601 and CSL do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ymd {
    /// The year.
    pub year: i32,
    /// The month, 1–12.
    pub month: Option<u8>,
    /// The day of the month.
    pub day: Option<u8>,
}

impl Ymd {
    /// A date of which only the year is known.
    pub fn year(year: i32) -> Ymd {
        Ymd {
            year,
            month: None,
            day: None,
        }
    }

    /// ISO 8601: `2009`, `1920-05`, `1920-05-12`.
    pub fn iso(&self) -> String {
        self.joined('-')
    }

    /// RIS: `1920/05/12`.
    pub fn slashed(&self) -> String {
        self.joined('/')
    }

    fn joined(&self, sep: char) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}{sep}{m:02}{sep}{d:02}", self.year),
            (Some(m), None) => format!("{:04}{sep}{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }

    /// `[year, month, day]` as far as known.
    pub fn parts(&self) -> Vec<i32> {
        let mut parts = vec![self.year];
        if let Some(m) = self.month {
            parts.push(i32::from(m));
            if let Some(d) = self.day {
                parts.push(i32::from(d));
            }
        }
        parts
    }
}

/// A year as printed in a non-Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct OriginalYear {
    /// The calendar.
    pub calendar: Calendar,
    /// The year as printed.
    pub year: i32,
}

/// The search data of an archival reference.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Archive {
    /// The archive's name or abbreviation as printed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The full name, when the abbreviation is a known one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub full_name: Option<String>,
    /// Fond (фонд, fond), or series of a catalogue reference (`FO 371`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fond: Option<String>,
    /// Inventory (опись, siyahı).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inventory: Option<String>,
    /// File or storage unit (дело, iş, ед. хр., sax.vah.), or piece.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// A document inside the file (gömlek).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// Box or carton.
    #[serde(rename = "box", skip_serializing_if = "Option::is_none")]
    pub box_: Option<String>,
    /// Leaves, with verso markers as printed: `12-15 об.`, `3arxa`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub leaves: Option<String>,
    /// Whether a leaf is cited on its reverse side.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub verso: bool,
    /// The archive's own label words, in the order printed (`f.`, `siy.`, `iş`),
    /// so that output can repeat the reference in its own convention.
    #[serde(skip)]
    pub labels: Vec<(crate::vocab::Component, String)>,
}

impl Archive {
    /// Takes from `from` the levels above the first one this reference
    /// names: an ibid note that names the inventory keeps the archive and
    /// fond of the file it repeats; one that names only leaves keeps the
    /// whole file.
    pub fn inherit(&mut self, from: &Archive) {
        let levels = [
            self.fond.is_some(),
            self.inventory.is_some(),
            self.file.is_some() || self.item.is_some() || self.box_.is_some(),
            self.leaves.is_some(),
        ];
        let first = levels.iter().position(|&l| l).unwrap_or(levels.len());
        if self.name.is_none() {
            self.name.clone_from(&from.name);
            self.full_name.clone_from(&from.full_name);
        }
        if first > 0 && self.fond.is_none() {
            self.fond.clone_from(&from.fond);
        }
        if first > 1 && self.inventory.is_none() {
            self.inventory.clone_from(&from.inventory);
        }
        if first > 2 && self.file.is_none() && self.item.is_none() && self.box_.is_none() {
            self.file.clone_from(&from.file);
            self.item.clone_from(&from.item);
            self.box_.clone_from(&from.box_);
        }
        // The inherited levels keep the labels they were printed with.
        use crate::vocab::Component as C;
        let inherited = |c: &C| match c {
            C::Fond => first > 0,
            C::Inventory => first > 1,
            C::File | C::Item | C::Box => first > 2,
            C::Leaves => false,
        };
        let mut labels: Vec<_> = from
            .labels
            .iter()
            .filter(|(c, _)| inherited(c) && !self.labels.iter().any(|(own, _)| own == c))
            .cloned()
            .collect();
        labels.append(&mut self.labels);
        self.labels = labels;
    }
}

/// One entry of the reference list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reference {
    /// The entry's list number (its position when the list is unnumbered).
    pub number: u32,
    /// Byte offsets of `raw` in the input.
    pub span: Span,
    /// The entry's text without its list number, exactly as in the input.
    pub raw: String,
    /// What the entry describes.
    pub kind: ReferenceKind,
    /// The entry's language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
    /// Authors.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<Person>,
    /// Editors, compilers.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub editors: Vec<Person>,
    /// Translators.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub translators: Vec<Person>,
    /// Title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Subtitle (bracketed after the title, or after ` : `).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// The kind of work as printed: a thesis designation (`дис. … канд.
    /// ист. наук`, `PhD diss.`, `پایان‌نامه کارشناسی ارشد`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub genre: Option<String>,
    /// Journal, collection or newspaper.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub container: Option<String>,
    /// Gregorian year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// The year as printed, when it is not Gregorian.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original_year: Option<OriginalYear>,
    /// A full date as printed (newspapers), e.g. `12 may 1920`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// `date` read as a Gregorian day, when it reads as one in the entry's
    /// year (what the emitters write).
    #[serde(skip)]
    pub issued: Option<Ymd>,
    /// Place of publication as printed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Publisher as printed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Edition statement as printed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edition: Option<String>,
    /// Volume, as an Arabic numeral.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volume: Option<String>,
    /// Number of volumes of a multi-volume work.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volumes: Option<String>,
    /// Part or book of a volume (ч., kitab).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    /// Issue or number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issue: Option<String>,
    /// Page range of an article or chapter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<String>,
    /// Total page count.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extent: Option<String>,
    /// Archival search data (boxed: most entries have none, and inline
    /// it would make every record 216 bytes larger).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub archive: Option<Box<Archive>>,
    /// URL as printed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Access date as printed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accessed: Option<String>,
    /// `accessed` read as a Gregorian day, when it reads as one.
    #[serde(skip)]
    pub accessed_on: Option<Ymd>,
    /// A note that repeats the work of the entry before it ("Ibid., p. 14",
    /// "Там же. Оп. 2. Д. 310. Л. 14."); its own fields are what it adds.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub ibid: bool,
    /// For an ibid note: the number of the entry whose work it repeats.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repeats: Option<u32>,
    /// For an entry that opens with a same-author mark (`———.`, `Его
    /// же`, `Idem`): the number of the entry whose authors it repeats. Its
    /// own `authors` stay empty, as printed; emitters and author–date
    /// citations take the authors from there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authors_from: Option<u32>,
    /// The source the work is quoted from, read as a record of its own
    /// ("… Цит. по: Иванов И.И. История. М., 1990.", "quoted in …").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quoted_in: Option<Box<Reference>>,
    /// Text of the entry that no field holds (series, notes, descriptions).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Where the record came from, in a document where a reference manager
    /// (Word's sources, Zotero, Mendeley, EndNote) holds items: that
    /// manager, or `text` for a typed entry. Absent in a document no
    /// manager touched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<crate::managed::Origin>,
    /// The manager's id of the item (Word's tag, Zotero's item URI,
    /// EndNote's record number).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Where each field was read: byte offsets into the input, by field name
    /// (`title`, `authors`, `place`, `year`, `archive`…), so that findings
    /// and fixes can point at a field. A field made by code (a year converted
    /// from another calendar) points at what was printed.
    #[serde(skip_serializing_if = "FieldSpans::is_empty")]
    pub spans: FieldSpans,
    /// Findings about this entry.
    pub diagnostics: Vec<Diagnostic>,
}

impl Reference {
    /// The entry's text on one line, cut to `chars` characters with `…`,
    /// for naming the entry in a finding.
    pub fn excerpt(&self, chars: usize) -> String {
        // A manager's item that the printed list lacks has no text of its
        // own: it is named by its title.
        let raw = match (self.raw.is_empty(), &self.title) {
            (true, Some(title)) => title,
            _ => &self.raw,
        };
        let mut shown: String = raw.chars().take(chars).collect();
        if raw.chars().nth(chars).is_some() {
            shown.push('…');
        }
        shown.replace('\n', " ")
    }

    /// An entry not yet understood: kind `other`, only its text.
    pub fn unparsed(number: u32, span: Span, raw: String) -> Self {
        Reference {
            number,
            span,
            raw,
            kind: ReferenceKind::Other,
            language: None,
            authors: Vec::new(),
            editors: Vec::new(),
            translators: Vec::new(),
            title: None,
            subtitle: None,
            genre: None,
            container: None,
            year: None,
            original_year: None,
            date: None,
            issued: None,
            place: None,
            publisher: None,
            edition: None,
            volume: None,
            volumes: None,
            part: None,
            issue: None,
            pages: None,
            extent: None,
            archive: None,
            url: None,
            accessed: None,
            accessed_on: None,
            ibid: false,
            repeats: None,
            authors_from: None,
            quoted_in: None,
            note: None,
            origin: None,
            id: None,
            spans: FieldSpans::new(),
            diagnostics: Vec::new(),
        }
    }

    /// The archive's leaves, if this is an archival entry that gives them.
    pub fn leaves(&self) -> Option<&str> {
        self.archive.as_ref()?.leaves.as_deref()
    }
}

/// Where each field of a record was read: byte offsets into the input by
/// field name, in name order, as a map would keep them. A record names four
/// to eight fields; a short vector holds them in 32 bytes each where a
/// `BTreeMap` took a 370-byte node for any number (on a list of 10⁶
/// entries, a third of a gigabyte). Serialised as a map.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldSpans(Vec<(&'static str, Span)>);

impl FieldSpans {
    /// No field read yet.
    pub fn new() -> Self {
        FieldSpans(Vec::new())
    }

    /// Where `field` was read; returns where it was read before, if it was.
    pub fn insert(&mut self, field: &'static str, span: Span) -> Option<Span> {
        match self.0.binary_search_by(|(k, _)| (*k).cmp(field)) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, span)),
            Err(i) => {
                // One or two more at a time: records are many and each
                // names a few fields, so doubling would waste most of it.
                self.0.reserve_exact(2);
                self.0.insert(i, (field, span));
                None
            }
        }
    }

    /// Where `field` was read.
    pub fn get(&self, field: &str) -> Option<&Span> {
        let i = self.0.binary_search_by(|(k, _)| (*k).cmp(field)).ok()?;
        Some(&self.0[i].1)
    }

    /// Whether `field` was read.
    pub fn contains_key(&self, field: &str) -> bool {
        self.get(field).is_some()
    }

    /// Forgets where `field` was read, returning it.
    pub fn remove(&mut self, field: &str) -> Option<Span> {
        let i = self.0.binary_search_by(|(k, _)| (*k).cmp(field)).ok()?;
        Some(self.0.remove(i).1)
    }

    /// How many fields have a span.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether no field has a span.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Each field and its span, in name order.
    pub fn iter(&self) -> impl Iterator<Item = (&&'static str, &Span)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// The bytes this holds beside the record (what a test of the
    /// model's size counts).
    pub fn heap_bytes(&self) -> usize {
        self.0.capacity() * std::mem::size_of::<(&'static str, Span)>()
    }
}

impl<'a> IntoIterator for &'a FieldSpans {
    type Item = (&'a &'static str, &'a Span);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (&'static str, Span)>,
        fn(&'a (&'static str, Span)) -> (&'a &'static str, &'a Span),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl Serialize for FieldSpans {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

/// A locator in a citation: `s.329`, `л. 12 об.`, `c.1,86-91`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Locator {
    /// What it points at.
    pub label: Meaning,
    /// The value as printed, ranges with ASCII hyphens: `"76-78, 162-164"`.
    pub value: String,
    /// The label as printed (`s.`, `səh.`, `л.`); absent for a bare number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub printed: Option<String>,
    /// Where the label and value are.
    #[serde(skip)]
    pub span: Span,
}

/// One entry cited by a citation, with its locator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CitationItem {
    /// The list number cited; in an author–date citation, the position of
    /// the entry its author and year name, `None` (JSON `null`) when no
    /// entry has them.
    pub reference: Option<u32>,
    /// The author as an author–date citation prints it (`Zamanlı`,
    /// `Atkinson ve Brown`, `Иванов и др.`); absent in a numbered citation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The year as an author–date citation prints it, in ASCII digits with
    /// its suffix (`2012a`, `1388`, `n.d.`); absent in a numbered citation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<String>,
    /// Where the number is.
    #[serde(skip)]
    pub number_span: Span,
    /// The locators (a volume and a page: `c.1, 86-91`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locator: Option<Locator>,
    /// Further locators after the first (`c.1, s.86`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub more_locators: Vec<Locator>,
    /// Every part of the locator in printed order, each with its meaning,
    /// when the citation names archival parts of its own (`[5, Д. 17. Л. 8]`:
    /// file 17, leaf 8). Empty for a plain page or leaf; `locator` then says
    /// all, and for an archival citation `locator` is its leaf or page.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<LocatorPart>,
}

/// What one part of a citation's locator names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Part {
    /// An archival unit: fond, inventory, file, item, box.
    Archival(crate::vocab::Component),
    /// A leaf, page, volume or other locator meaning.
    Locator(Meaning),
}

/// One part of a citation's locator: `Д. 17`, `Л. 51 об.`, `iş 96`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LocatorPart {
    /// What it names.
    pub part: Part,
    /// The value as printed, ranges with ASCII hyphens, without the verso marker.
    pub value: String,
    /// The label as printed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub printed: Option<String>,
    /// Whether a leaf is cited on its reverse side (`об.`, `arxa`, `verso`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub verso: bool,
    /// Where the label and value are.
    #[serde(skip)]
    pub span: Span,
}

/// An in-text citation: `(12, s.329)`, `[1, с. 12; 8, с. 12–14]`, `[1–3]`,
/// `(Zamanlı, 2015: 45)`, `Həsənli (2012)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Citation {
    /// The citation as printed, brackets included; a narrative author–date
    /// citation's text runs from the author's name through the bracket.
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// The entries it cites, in order.
    pub items: Vec<CitationItem>,
    /// How it cites: by number or by author and year (JSON `"style"`, given
    /// for author–date citations only, so numbered output is unchanged).
    #[serde(skip_serializing_if = "CitationStyle::is_numbered")]
    pub style: CitationStyle,
    /// Whether the author is named in the sentence, outside the bracket
    /// (`Həsənli (2012) göstərir`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub narrative: bool,
}

/// How a document's citations point at its list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CitationStyle {
    /// By the entry's number: `(12, s.329)`, `[5, с. 12]`.
    #[default]
    Numbered,
    /// By author and year against an alphabetical list: `(Zamanlı, 2015: 45)`.
    AuthorDate,
}

impl CitationStyle {
    /// Whether this is the numbered style.
    pub fn is_numbered(&self) -> bool {
        *self == CitationStyle::Numbered
    }

    /// The kebab-case name (`numbered`, `author-date`).
    pub fn as_str(self) -> &'static str {
        match self {
            CitationStyle::Numbered => "numbered",
            CitationStyle::AuthorDate => "author-date",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 12's bound (peak memory at most twice the input) needs records
    /// near the size of their text (about 95 bytes an entry): these hold
    /// the savings made so far, counted in bytes. The archive is boxed (872
    /// bytes a record before) and the field spans are a short vector (a
    /// `BTreeMap` node was 370 bytes).
    #[test]
    fn a_record_and_its_field_spans_are_compact() {
        assert!(
            size_of::<Reference>() <= 664,
            "a Reference is {} bytes",
            size_of::<Reference>()
        );
        let mut spans = FieldSpans::new();
        for (i, field) in ["year", "title", "authors", "place", "publisher"]
            .into_iter()
            .enumerate()
        {
            assert_eq!(spans.insert(field, i..i + 1), None);
        }
        assert!(spans.heap_bytes() <= 6 * 32, "{} bytes", spans.heap_bytes());
        // A map: one span a field, in name order, as the BTreeMap kept them.
        assert_eq!(spans.insert("title", 7..9), Some(1..2));
        assert_eq!(spans.get("title"), Some(&(7..9)));
        assert!(!spans.contains_key("pages"));
        let names: Vec<&str> = spans.iter().map(|(k, _)| *k).collect();
        assert_eq!(names, ["authors", "place", "publisher", "title", "year"]);
        assert_eq!(
            serde_json::to_string(&spans).expect("json"),
            r#"{"authors":{"start":2,"end":3},"place":{"start":3,"end":4},"publisher":{"start":4,"end":5},"title":{"start":7,"end":9},"year":{"start":0,"end":1}}"#
        );
        assert_eq!(spans.remove("place"), Some(3..4));
        assert_eq!(spans.len(), 4);
    }
}
