//! Domain vocabularies: the TOML tables in `bib/`, compiled in, extendable from a config file.
//!
//! Every word istinad knows about the field's conventions — headings, locator
//! labels, archive names, calendar markers, honorifics, places — is data here,
//! not code. A user's `istinad.toml` may add to any table with the same schema
//! (see [`Vocabulary::extend_from_toml`]).

use crate::script::Letter;
use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::script::{fold, fold_char, is_unmatched};

const HEADINGS: &str = include_str!("../bib/headings.toml");
const LOCATORS: &str = include_str!("../bib/locators.toml");
const ARCHIVES: &str = include_str!("../bib/archives.toml");
const CALENDARS: &str = include_str!("../bib/calendars.toml");
const NAMES: &str = include_str!("../bib/names.toml");
const GIVEN_NAMES: &str = include_str!("../bib/given-names.toml");
const IMPRINT: &str = include_str!("../bib/imprint.toml");
const LANGUAGES: &str = include_str!("../bib/languages.toml");
const CITATIONS: &str = include_str!("../bib/citations.toml");

/// Section headings (`bib/headings.toml`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Headings {
    /// Headings that open a reference list.
    pub references: Vec<String>,
    /// Group headings inside a reference list.
    pub subsections: Vec<String>,
    /// Headings known to follow a list (summaries, keywords, appendices).
    pub ends: Vec<String>,
    /// Headings of notes printed after the list (`FOOTNOTES`, `Примечания`).
    pub notes: Vec<String>,
}

/// What a locator label means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Meaning {
    /// A printed page.
    Page,
    /// A leaf (folio) of a manuscript or archival file.
    Leaf,
    /// A volume.
    Volume,
    /// An issue or number of a periodical.
    Issue,
    /// A part.
    Part,
    /// A book of a multi-book work.
    Book,
    /// A chapter.
    Chapter,
    /// A column.
    Column,
    /// A section.
    Section,
    /// A paragraph or article of a law.
    Paragraph,
    /// A note.
    Note,
    /// A line.
    Line,
    /// A figure.
    Figure,
    /// A table.
    Table,
    /// An appendix (CSL's `appendix` locator).
    Appendix,
}

impl Meaning {
    /// The kebab-case name used in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Meaning::Page => "page",
            Meaning::Leaf => "leaf",
            Meaning::Volume => "volume",
            Meaning::Issue => "issue",
            Meaning::Part => "part",
            Meaning::Book => "book",
            Meaning::Chapter => "chapter",
            Meaning::Column => "column",
            Meaning::Section => "section",
            Meaning::Paragraph => "paragraph",
            Meaning::Note => "note",
            Meaning::Line => "line",
            Meaning::Figure => "figure",
            Meaning::Table => "table",
            Meaning::Appendix => "appendix",
        }
    }
}

/// One locator label and its printed forms.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelDef {
    /// What the label means.
    pub meaning: Meaning,
    /// Its printed forms.
    pub forms: Vec<String>,
}

/// A label told apart from another only by its case, in the entries of
/// one language (`bib/imprint.toml` `cased_labels`: Turkish `S.` sayı, the
/// issue, beside `s.` sayfa, the page).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CasedLabel {
    /// The language code of the entries it is read in (`tr`).
    pub language: String,
    /// The form, matched as printed.
    pub form: String,
    /// What it means there.
    pub meaning: Meaning,
}

/// Locator labels (`bib/locators.toml`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Locators {
    /// Labels with their meanings.
    pub label: Vec<LabelDef>,
    /// Verso markers printed after a leaf number.
    pub verso: Vec<String>,
    /// Letters glued to a leaf or page number (`61b`, `226v`).
    pub folio_letters: Vec<String>,
    /// Words that follow a total page count.
    pub extent: Vec<String>,
}

/// The letters glued to a leaf or page number, from the built-in
/// `bib/locators.toml` (the number lexer, shared by every grammar and the
/// citation scanner, takes no vocabulary).
pub(crate) fn folio_letters() -> &'static [char] {
    static LETTERS: LazyLock<Vec<char>> = LazyLock::new(|| {
        toml::from_str::<Locators>(LOCATORS)
            .unwrap_or_default()
            .folio_letters
            .iter()
            .filter_map(|l| l.chars().next())
            .collect()
    });
    &LETTERS
}

/// A part of an archival reference's search data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Component {
    /// Fond (фонд, fond).
    Fond,
    /// Inventory (опись, siyahı).
    Inventory,
    /// File or storage unit (дело, iş, ед. хр., sax.vah.).
    File,
    /// A document inside a file (gömlek).
    Item,
    /// Box or carton (картон).
    Box,
    /// Leaves (лист, vərəq, folio).
    Leaves,
}

/// One known archive.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArchiveDef {
    /// The abbreviation as usually printed.
    pub abbr: String,
    /// Other printed spellings.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The full official name.
    pub name: String,
    /// Language of the name.
    #[serde(default)]
    pub language: Option<String>,
    /// A repository id shared by renamed archives.
    #[serde(default)]
    pub group: Option<String>,
    /// Department codes of catalogue references (`FO` in `FO 371/4910`).
    #[serde(default)]
    pub departments: Vec<String>,
}

/// Archives and archival labels (`bib/archives.toml`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Archives {
    /// The order in which a label naming several components fills them.
    pub order: Vec<Component>,
    /// Labels per component.
    pub components: BTreeMap<Component, Vec<String>>,
    /// Known archives.
    pub archive: Vec<ArchiveDef>,
    /// Labels too common elsewhere to mark an entry archival on their own.
    pub weak: Vec<String>,
    /// File labels whose number an item's joins (`Dosya`: `455/52`).
    pub joined_files: Vec<String>,
    /// Item labels whose number joins the file's (`Gömlek`: `455/52`).
    pub joined_items: Vec<String>,
    /// File labels followed by a list of files (`Дела 133, 134`).
    pub lists: Vec<String>,
    /// Words before a year between an archive's name and its data (`سال`).
    pub year_words: Vec<String>,
    /// Labels of a document's date before its search data (`Tarih:`).
    pub date_labels: Vec<String>,
    /// The form of a document noted after its reference (`Подлинник`,
    /// `Certified copy`).
    pub document_forms: Vec<String>,
    /// Parts of words that make a short segment an archive's name
    /// (`архив`, `arşiv`, `library`).
    pub name_words: Vec<String>,
}

/// Years of one calendar printed without a marker.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BareYears {
    /// Entry language in which bare years are read in this calendar.
    #[serde(default)]
    pub language: String,
    /// Or: places of publication after which a bare year of the range is
    /// read in this calendar, whatever the entry's language.
    #[serde(default)]
    pub places: Vec<String>,
    /// First year of the range.
    pub from: i32,
    /// Last year of the range.
    pub to: i32,
}

/// A calendar and its year markers.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarDef {
    /// `solar-hijri`, `lunar-hijri` or `gregorian`.
    pub name: String,
    /// Markers printed before or after a year.
    pub markers: Vec<String>,
    /// Unmarked years read in this calendar.
    #[serde(default)]
    pub bare: Vec<BareYears>,
}

/// A month name of a calendar.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonthDef {
    /// `gregorian`, `solar-hijri` or `lunar-hijri`.
    pub calendar: String,
    /// 1–12.
    pub number: u8,
    /// Printed names and abbreviations.
    pub names: Vec<String>,
    /// Letters standing for the month in dates of archival catalogues,
    /// matched with their case (BOA's `S`, `Ca`, `Za` for the lunar months).
    #[serde(default)]
    pub letters: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct CalendarsFile {
    calendar: Vec<CalendarDef>,
    month: Vec<MonthDef>,
    seasons: Vec<String>,
    #[serde(default)]
    year_words: Vec<String>,
}

/// Words around author–date citations (`bib/citations.toml`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CitationWords {
    /// Words introducing a citation inside its bracket (`bkz.`, `see`, `см.`).
    pub see: Vec<String>,
    /// Citation-only "quoted in" markers (`akt.`), beside the imprint's.
    pub quoted_in: Vec<String>,
    /// Postpositions after a name with a case suffix (`göre`, `görə`).
    pub postpositions: Vec<String>,
    /// Words naming the work a citation quotes from (`in`, `apud`).
    pub within: Vec<String>,
    /// Each language's alphabet, in order, for checking a list's order.
    pub alphabets: BTreeMap<String, String>,
    /// Latin skeletons for comparing names across scripts.
    pub skeleton: Skeleton,
    /// Lower-case words inside an institution's name (`of`, `for`).
    pub name_links: Vec<String>,
    /// Letters standing for a year's suffix a, b, c … (`۱۳۸۸الف`).
    pub year_suffix_letters: Vec<String>,
}

/// Latin skeletons of letters and letter sequences (`bib/citations.toml`
/// `[skeleton]`): what a name is compared by across scripts.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Skeleton {
    /// One letter (folded) and its skeleton.
    pub letters: BTreeMap<String, String>,
    /// Sequences merged after the letters are mapped (`kh` → `x`).
    pub sequences: BTreeMap<String, String>,
}

/// Person-name vocabulary (`bib/names.toml`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Names {
    /// Titles dropped before a name.
    pub honorifics: Vec<String>,
    /// "and others" markers.
    pub et_al: Vec<String>,
    /// Words joining names.
    pub conjunctions: Vec<String>,
    /// Surname endings of the region.
    pub surname_endings: Vec<String>,
    /// Common given names.
    pub given: Vec<String>,
    /// Words of organizations' names.
    pub corporate: Vec<String>,
    /// Particles inside names (`b.`, `ibn`, `al-`, `van`).
    pub particles: Vec<String>,
    /// Initials of two or three letters in transliterated names (`Sh.`, `Iu.`).
    pub digraph_initials: Vec<String>,
    /// Words closing a patronymic (`qızı`, `oğlu`, `кызы`, `оглы`) and
    /// words of address inside a full name (`xanım`, `bəy`).
    pub patronymics: Vec<String>,
    /// Function words that are never part of a name (`و`, `در`, `از`).
    pub function_words: Vec<String>,
    /// Lower-case words joining an institution's name (`and`, `or`).
    pub institution_links: Vec<String>,
    /// Words introducing an agent in a responsibility statement (`by`).
    pub agent_words: Vec<String>,
    /// Particles that open a traditional Arabic name (`Ibn`, `Abu`, `ابن`).
    pub openers: Vec<String>,
    /// Openers that make the name they open its whole family name
    /// (`Ibn Athir`), unlike a kunya before a given name (`Abu Hamed`).
    pub nasab_openers: Vec<String>,
    /// The article opening an Arabic relation adjective (nisba), `ال`.
    pub nisba_article: Vec<String>,
    /// The endings of a nisba, `ی`.
    pub nisba_endings: Vec<String>,
}

impl Names {
    /// The names table compiled in from `bib/names.toml`.
    pub fn builtin() -> Names {
        let mut names = toml::from_str::<Names>(NAMES).unwrap_or_default();
        // `bib/given-names.toml`: the common given names, same schema.
        let common = toml::from_str::<Names>(GIVEN_NAMES).unwrap_or_default();
        names.given.extend(common.given);
        names
    }
}

/// Imprint and kind vocabulary (`bib/imprint.toml`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Imprint {
    /// Publication places.
    pub places: Vec<String>,
    /// Words that make a segment a publisher.
    pub publisher_words: Vec<String>,
    /// Words naming a periodical.
    pub journal_words: Vec<String>,
    /// Words naming a newspaper.
    pub newspaper_words: Vec<String>,
    /// Thesis markers.
    pub thesis_words: Vec<String>,
    /// Markers introducing a container without `//`.
    pub container_markers: Vec<String>,
    /// The container markers that need no colon after them (`В кн.`,
    /// `içinde`); the others introduce a container only with one.
    pub colonless_container_markers: Vec<String>,
    /// Words that introduce a container without a colon, as printed, only
    /// after the title (Chicago `“Chapter.” In Book, edited by …`).
    pub title_container_markers: Vec<String>,
    /// Markers printed after a container's name (Turkish `… içinde`).
    pub container_postpositions: Vec<String>,
    /// Labels read by their case in one language's entries.
    pub cased_labels: Vec<CasedLabel>,
    /// Markers introducing editors.
    pub editor_markers: Vec<String>,
    /// Markers introducing translators.
    pub translator_markers: Vec<String>,
    /// Words before an author's name printed after the title.
    #[serde(default)]
    pub author_markers: Vec<String>,
    /// Words before an access date.
    pub access_markers: Vec<String>,
    /// Electronic-resource markers.
    pub medium_markers: Vec<String>,
    /// Edition words.
    pub edition_words: Vec<String>,
    /// What may follow an edition statement.
    pub edition_qualifiers: Vec<String>,
    /// Abbreviations whose period does not end a title.
    pub abbreviations: Vec<String>,
    /// Genre words after a container's name ("məqalələr toplusu").
    pub container_genres: Vec<String>,
    /// Designations of a collection of papers in a container's other title
    /// information, kept as printed ("сб. науч. ст.", "Tematik məcmuə").
    #[serde(default)]
    pub collection_designations: Vec<String>,
    /// Genre designations closing a book's title ("монография").
    #[serde(default)]
    pub title_genres: Vec<String>,
    /// "No date" markers.
    pub no_date: Vec<String>,
    /// "No place", "no publisher" markers ("n.p.", "б. и.", "بی‌نا").
    #[serde(default)]
    pub no_imprint: Vec<String>,
    /// Markers of a note that repeats the work before it ("Ibid.", "Там же").
    #[serde(default)]
    pub ibid: Vec<String>,
    /// Words standing for a title cited in an earlier note ("op. cit.",
    /// "Указ. соч.", "پیشین").
    #[serde(default)]
    pub op_cit: Vec<String>,
    /// Words standing for the author of the entry before ("Его же", "Idem").
    #[serde(default)]
    pub same_author: Vec<String>,
    /// Markers of the source a work is quoted from ("Цит. по:", "quoted in").
    #[serde(default)]
    pub quoted_in: Vec<String>,
    /// Words opening a series inside a container's name ("Серия:", "Сер.").
    #[serde(default)]
    pub series_words: Vec<String>,
    /// Countries printed after a place ("Beirut, Lebanon", "قم- إيران").
    #[serde(default)]
    pub countries: Vec<String>,
    /// Words before the year an author died ("(d. 732 A.H.)", "(ت 1370هـ)").
    #[serde(default)]
    pub death_markers: Vec<String>,
    /// Ordinal words after an edition word or before a volume word ("چاپ دوم", "ج اول").
    #[serde(default)]
    pub ordinals: Vec<String>,
    /// Words before a journal's volume counted in years ("سال ۲۴").
    #[serde(default)]
    pub volume_years: Vec<String>,
    /// Words that introduce the imprint's publisher or place and are not
    /// part of it (Arabic "ط", the printing: "ط دار صادر ، بيروت").
    #[serde(default)]
    pub imprint_labels: Vec<String>,
    /// Words printed before a year ("سنة ١٤٢٣ هـ").
    #[serde(default)]
    pub year_prefixes: Vec<String>,
    /// Labels of a publisher's series number ("Yayın No: 12").
    #[serde(default)]
    pub series_numbers: Vec<String>,
    /// Link labels a web page prints after each entry ("Google Scholar").
    #[serde(default)]
    pub link_labels: Vec<String>,
    /// Numbers written as words before a volume word ("iki cilddə").
    #[serde(default)]
    pub cardinals: BTreeMap<String, u32>,
    /// Ordinal words numbering a volume or an issue ("جلد دوم", "سال پنجم").
    #[serde(default)]
    pub ordinal_numbers: BTreeMap<String, u32>,
    /// Words before the number of volumes ("в 3 т.", "in 3 vols.").
    #[serde(default)]
    pub volume_count_prefixes: Vec<String>,
    /// Words after the number of volumes ("3 cilddə", "в 2-х томах").
    #[serde(default)]
    pub volume_count_words: Vec<String>,
    /// The same, read so only after a prefix ("в 3 т."; "3 т." is the third).
    #[serde(default)]
    pub volume_count_abbreviations: Vec<String>,
}

/// Cues for one language (`bib/languages.toml`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageCues {
    /// ISO 639-1 code.
    pub code: String,
    /// Letters that mark it among languages of the same script.
    #[serde(default)]
    pub letters: Vec<String>,
    /// Frequent words of its reference lists.
    #[serde(default)]
    pub words: Vec<String>,
    /// Letters beyond the basic Latin alphabet that it writes and shares
    /// with its neighbours, so that they tell its family, not it.
    #[serde(default)]
    pub shared: Vec<String>,
    /// Letters of its script that it never writes.
    #[serde(default)]
    pub absent: Vec<String>,
    /// What a reference manager may hold for it instead of its code: its
    /// name in English and in itself, lower case.
    #[serde(default)]
    pub names: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct LanguagesFile {
    language: Vec<LanguageCues>,
}

/// The tables a user config may extend, with the same schema as `bib/`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct Extension {
    headings: Headings,
    locators: Locators,
    archives: Archives,
    calendars: CalendarsFile,
    names: Names,
    imprint: Imprint,
    citations: CitationWords,
    languages: LanguagesFile,
}

/// All vocabularies, with lookup tables built from them.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    /// Section headings.
    pub headings: Headings,
    /// Locator labels.
    pub locators: Locators,
    /// Archives and archival labels.
    pub archives: Archives,
    /// Calendars.
    pub calendars: Vec<CalendarDef>,
    /// Month names.
    pub months: Vec<MonthDef>,
    /// Season names printed before a year.
    pub seasons: Vec<String>,
    /// Words after a year ("г.", "-ci il", "yılı").
    pub year_words: Vec<String>,
    /// Person names.
    pub names: Names,
    /// Imprint and kinds.
    pub imprint: Imprint,
    /// Words around author–date citations.
    pub citations: CitationWords,
    /// Language cues.
    pub languages: Vec<LanguageCues>,
    pub(crate) index: Index,
}

/// Lookup tables derived from the vocabularies.
#[derive(Debug, Clone, Default)]
pub(crate) struct Index {
    pub reference_headings: HashMap<String, ()>,
    pub subsection_headings: HashMap<String, ()>,
    pub end_headings: HashMap<String, ()>,
    /// Headings of notes after the list, folded.
    pub notes_headings: HashMap<String, ()>,
    pub labels: Lexicon<Meaning>,
    pub verso: Lexicon<()>,
    pub extent: Lexicon<()>,
    pub components: Lexicon<Vec<Component>>,
    pub archives: Lexicon<usize>,
    pub departments: Lexicon<usize>,
    pub calendar_markers: Lexicon<usize>,
    pub honorifics: Lexicon<()>,
    pub et_al: Lexicon<()>,
    pub conjunctions: Lexicon<()>,
    pub surname_endings: Vec<String>,
    pub given: HashMap<String, ()>,
    /// Name particles (`bib/names.toml` `particles`), folded.
    pub particles: HashMap<String, ()>,
    /// Words that open a traditional name (`names.openers`), folded.
    pub openers: HashMap<String, ()>,
    /// Words of an agent's name (`names.agent_words`), folded.
    pub agent_words: HashMap<String, ()>,
    /// Patronymic words (`names.patronymics`), folded.
    pub patronymics: HashMap<String, ()>,
    /// The particles written with their hyphen (`al-`, `ibn-`), folded.
    pub particle_prefixes: Vec<String>,
    pub corporate: Words,
    pub places: Lexicon<()>,
    pub publisher_words: Words,
    pub journal_words: Words,
    pub newspaper_words: Words,
    pub thesis_words: Lexicon<()>,
    pub thesis_list: Words,
    pub container_markers: Lexicon<()>,
    pub editor_markers: Lexicon<()>,
    pub translator_markers: Lexicon<()>,
    pub author_markers: Lexicon<()>,
    pub access_markers: Lexicon<()>,
    pub medium_markers: Lexicon<()>,
    pub edition_words: Lexicon<()>,
    pub edition_qualifiers: Lexicon<()>,
    pub abbreviations: HashMap<String, ()>,
    pub weak_components: HashMap<String, ()>,
    pub archive_year_words: Lexicon<()>,
    pub archive_date_labels: Lexicon<()>,
    pub document_forms: Lexicon<()>,
    pub container_genres: Words,
    pub collection_designations: Words,
    pub title_genres: Lexicon<()>,
    pub no_date: Lexicon<()>,
    pub no_imprint: Lexicon<()>,
    pub ibid: Lexicon<()>,
    pub op_cit: Lexicon<()>,
    pub same_author: Lexicon<()>,
    pub quoted_in: Lexicon<()>,
    pub series_words: Lexicon<()>,
    pub countries: Lexicon<()>,
    pub death_markers: Lexicon<()>,
    pub ordinals: Lexicon<()>,
    pub volume_years: Lexicon<()>,
    pub imprint_labels: Lexicon<()>,
    pub year_prefixes: Lexicon<()>,
    pub series_numbers: Lexicon<()>,
    pub cardinals: Lexicon<u32>,
    pub ordinal_numbers: Lexicon<u32>,
    pub volume_count_words: Lexicon<()>,
    pub volume_count_abbreviations: Lexicon<()>,
    /// Month names: (calendar name, month number).
    pub months: Lexicon<(String, u8)>,
    pub seasons: Lexicon<()>,
    pub year_words: Lexicon<()>,
    pub see: Lexicon<()>,
    pub cite_quoted_in: Lexicon<()>,
    pub postpositions: Lexicon<()>,
    pub skeleton: HashMap<char, String>,
    /// Each frequent word of a language's lists (`bib/languages.toml`
    /// `words`, as written) → the codes of the languages that list it.
    pub language_words: HashMap<String, Vec<String>>,
}

impl Default for Vocabulary {
    fn default() -> Self {
        Self::builtin()
    }
}

impl Vocabulary {
    /// The vocabularies compiled in from `bib/`: parsed and indexed once a
    /// process (folding every word of them is most of a small run's time),
    /// then copied.
    pub fn builtin() -> Self {
        static BUILTIN: LazyLock<Vocabulary> = LazyLock::new(Vocabulary::build_builtin);
        BUILTIN.clone()
    }

    fn build_builtin() -> Self {
        // The bundled tables are checked by a unit test; a failure here is a
        // build defect, not an input error, so an empty table is the fallback.
        let headings = toml::from_str(HEADINGS).unwrap_or_default();
        let locators = toml::from_str(LOCATORS).unwrap_or_default();
        let archives = toml::from_str(ARCHIVES).unwrap_or_default();
        let calendars: CalendarsFile = toml::from_str(CALENDARS).unwrap_or_default();
        let names = Names::builtin();
        let imprint = toml::from_str(IMPRINT).unwrap_or_default();
        let languages: LanguagesFile = toml::from_str(LANGUAGES).unwrap_or_default();
        let citations = toml::from_str(CITATIONS).unwrap_or_default();
        let mut vocab = Vocabulary {
            languages: languages.language,
            headings,
            locators,
            archives,
            calendars: calendars.calendar,
            months: calendars.month,
            seasons: calendars.seasons,
            year_words: calendars.year_words,
            names,
            imprint,
            citations,
            index: Index::default(),
        };
        vocab.reindex();
        vocab
    }

    /// Adds the tables of a user config (same schema as the files in `bib/`,
    /// each under its file's name: `[headings]`, `[[locators.label]]`,
    /// `[[archives.archive]]`, `[[calendars.calendar]]`, `[names]`,
    /// `[imprint]`). `origin` names the file in errors.
    pub fn extend_from_toml(&mut self, text: &str, origin: &str) -> Result<(), Error> {
        let ext: Extension = toml::from_str(text).map_err(|e| Error::Config {
            path: origin.to_string(),
            message: e.to_string(),
        })?;
        self.extend(ext);
        Ok(())
    }

    /// [`Vocabulary::extend_from_toml`] for an already parsed table.
    pub(crate) fn extend_from_table(
        &mut self,
        table: toml::Table,
        origin: &str,
    ) -> Result<(), Error> {
        let ext: Extension =
            toml::Value::Table(table)
                .try_into()
                .map_err(|e: toml::de::Error| Error::Config {
                    path: origin.to_string(),
                    message: e.to_string(),
                })?;
        self.extend(ext);
        Ok(())
    }

    fn extend(&mut self, ext: Extension) {
        let Extension {
            headings,
            locators,
            archives,
            calendars,
            names,
            imprint,
            citations,
            languages,
        } = ext;
        self.citations.see.extend(citations.see);
        self.citations.quoted_in.extend(citations.quoted_in);
        self.citations.postpositions.extend(citations.postpositions);
        self.citations.alphabets.extend(citations.alphabets);
        self.citations.name_links.extend(citations.name_links);
        self.citations
            .year_suffix_letters
            .extend(citations.year_suffix_letters);
        self.citations.within.extend(citations.within);
        self.citations
            .skeleton
            .letters
            .extend(citations.skeleton.letters);
        self.citations
            .skeleton
            .sequences
            .extend(citations.skeleton.sequences);
        for cues in languages.language {
            match self.languages.iter_mut().find(|l| l.code == cues.code) {
                Some(existing) => {
                    existing.letters.extend(cues.letters);
                    existing.words.extend(cues.words);
                    existing.shared.extend(cues.shared);
                    existing.absent.extend(cues.absent);
                    existing.names.extend(cues.names);
                }
                None => self.languages.push(cues),
            }
        }
        self.headings.references.extend(headings.references);
        self.headings.subsections.extend(headings.subsections);
        self.headings.ends.extend(headings.ends);
        self.headings.notes.extend(headings.notes);
        self.locators.label.extend(locators.label);
        self.locators.verso.extend(locators.verso);
        self.locators.folio_letters.extend(locators.folio_letters);
        self.locators.extent.extend(locators.extent);
        for (component, forms) in archives.components {
            self.archives
                .components
                .entry(component)
                .or_default()
                .extend(forms);
        }
        self.archives.archive.extend(archives.archive);
        self.archives.weak.extend(archives.weak);
        self.archives.joined_files.extend(archives.joined_files);
        self.archives.joined_items.extend(archives.joined_items);
        self.archives.lists.extend(archives.lists);
        self.archives.year_words.extend(archives.year_words);
        self.archives.date_labels.extend(archives.date_labels);
        self.archives.document_forms.extend(archives.document_forms);
        self.archives.name_words.extend(archives.name_words);
        self.months.extend(calendars.month);
        self.seasons.extend(calendars.seasons);
        self.year_words.extend(calendars.year_words);
        for cal in calendars.calendar {
            match self.calendars.iter_mut().find(|c| c.name == cal.name) {
                Some(existing) => {
                    existing.markers.extend(cal.markers);
                    existing.bare.extend(cal.bare);
                }
                None => self.calendars.push(cal),
            }
        }
        self.names.honorifics.extend(names.honorifics);
        self.names.particles.extend(names.particles);
        self.names.digraph_initials.extend(names.digraph_initials);
        self.names.patronymics.extend(names.patronymics);
        self.names.function_words.extend(names.function_words);
        self.names.institution_links.extend(names.institution_links);
        self.names.agent_words.extend(names.agent_words);
        self.names.openers.extend(names.openers);
        self.names.nasab_openers.extend(names.nasab_openers);
        self.names.nisba_article.extend(names.nisba_article);
        self.names.nisba_endings.extend(names.nisba_endings);
        self.names.et_al.extend(names.et_al);
        self.names.conjunctions.extend(names.conjunctions);
        self.names.surname_endings.extend(names.surname_endings);
        self.names.given.extend(names.given);
        self.names.corporate.extend(names.corporate);
        let Imprint {
            places,
            publisher_words,
            journal_words,
            newspaper_words,
            thesis_words,
            container_markers,
            colonless_container_markers,
            title_container_markers,
            container_postpositions,
            cased_labels,
            editor_markers,
            translator_markers,
            author_markers,
            access_markers,
            medium_markers,
            edition_words,
            edition_qualifiers,
            abbreviations,
            container_genres,
            collection_designations,
            title_genres,
            no_date,
            no_imprint,
            ibid,
            op_cit,
            same_author,
            quoted_in,
            series_words,
            countries,
            death_markers,
            ordinals,
            volume_years,
            imprint_labels,
            year_prefixes,
            series_numbers,
            link_labels,
            cardinals,
            ordinal_numbers,
            volume_count_prefixes,
            volume_count_words,
            volume_count_abbreviations,
        } = imprint;
        self.imprint.places.extend(places);
        self.imprint.publisher_words.extend(publisher_words);
        self.imprint.journal_words.extend(journal_words);
        self.imprint.newspaper_words.extend(newspaper_words);
        self.imprint.thesis_words.extend(thesis_words);
        self.imprint.container_markers.extend(container_markers);
        self.imprint
            .container_postpositions
            .extend(container_postpositions);
        self.imprint
            .colonless_container_markers
            .extend(colonless_container_markers);
        self.imprint
            .title_container_markers
            .extend(title_container_markers);
        self.imprint.cased_labels.extend(cased_labels);
        self.imprint.editor_markers.extend(editor_markers);
        self.imprint.translator_markers.extend(translator_markers);
        self.imprint.author_markers.extend(author_markers);
        self.imprint.access_markers.extend(access_markers);
        self.imprint.medium_markers.extend(medium_markers);
        self.imprint.edition_words.extend(edition_words);
        self.imprint.edition_qualifiers.extend(edition_qualifiers);
        self.imprint.abbreviations.extend(abbreviations);
        self.imprint.container_genres.extend(container_genres);
        self.imprint
            .collection_designations
            .extend(collection_designations);
        self.imprint.title_genres.extend(title_genres);
        self.imprint.no_date.extend(no_date);
        self.imprint.no_imprint.extend(no_imprint);
        self.imprint.ibid.extend(ibid);
        self.imprint.op_cit.extend(op_cit);
        self.imprint.same_author.extend(same_author);
        self.imprint.quoted_in.extend(quoted_in);
        self.imprint.series_words.extend(series_words);
        self.imprint.countries.extend(countries);
        self.imprint.death_markers.extend(death_markers);
        self.imprint.ordinals.extend(ordinals);
        self.imprint.volume_years.extend(volume_years);
        self.imprint.imprint_labels.extend(imprint_labels);
        self.imprint.year_prefixes.extend(year_prefixes);
        self.imprint.series_numbers.extend(series_numbers);
        self.imprint.link_labels.extend(link_labels);
        self.imprint.cardinals.extend(cardinals);
        self.imprint.ordinal_numbers.extend(ordinal_numbers);
        self.imprint
            .volume_count_prefixes
            .extend(volume_count_prefixes);
        self.imprint.volume_count_words.extend(volume_count_words);
        self.imprint
            .volume_count_abbreviations
            .extend(volume_count_abbreviations);
        self.reindex();
    }

    fn reindex(&mut self) {
        let set = |words: &[String]| words.iter().map(|w| (fold(w), ())).collect();
        let unit = |words: &[String]| Lexicon::new(words.iter().map(|w| (w.as_str(), ())));
        let folded = |words: &[String]| words.iter().map(|w| fold(w)).collect::<Vec<_>>();
        let words = |list: &[String]| Words::new(folded(list));
        let mut components: Vec<(String, Vec<Component>)> = Vec::new();
        // Each form's folded spelling → its place in `components`, so that
        // forms are folded once, not once per form before them.
        let mut seen: HashMap<String, usize> = HashMap::new();
        for component in &self.archives.order {
            for form in self
                .archives
                .components
                .get(component)
                .into_iter()
                .flatten()
            {
                match seen.entry(fold(form)) {
                    Entry::Occupied(at) => components[*at.get()].1.push(*component),
                    Entry::Vacant(at) => {
                        at.insert(components.len());
                        components.push((form.clone(), vec![*component]));
                    }
                }
            }
        }
        let mut archives = Vec::new();
        let mut departments = Vec::new();
        for (i, a) in self.archives.archive.iter().enumerate() {
            archives.push((a.abbr.as_str(), i));
            archives.extend(a.aliases.iter().map(|s| (s.as_str(), i)));
            departments.extend(a.departments.iter().map(|s| (s.as_str(), i)));
        }
        let mut markers = Vec::new();
        for (i, c) in self.calendars.iter().enumerate() {
            markers.extend(c.markers.iter().map(|m| (m.as_str(), i)));
        }
        self.index = Index {
            reference_headings: set(&self.headings.references),
            subsection_headings: set(&self.headings.subsections),
            end_headings: set(&self.headings.ends),
            notes_headings: set(&self.headings.notes),
            labels: Lexicon::new(
                self.locators
                    .label
                    .iter()
                    .flat_map(|l| l.forms.iter().map(move |f| (f.as_str(), l.meaning))),
            ),
            verso: unit(&self.locators.verso),
            extent: unit(&self.locators.extent),
            components: Lexicon::new(components.iter().map(|(f, c)| (f.as_str(), c.clone()))),
            archives: Lexicon::new(archives),
            departments: Lexicon::new(departments),
            calendar_markers: Lexicon::new(markers),
            honorifics: unit(&self.names.honorifics),
            et_al: unit(&self.names.et_al),
            conjunctions: unit(&self.names.conjunctions),
            surname_endings: folded(&self.names.surname_endings),
            given: set(&self.names.given),
            particles: set(&self.names.particles),
            openers: set(&self.names.openers),
            agent_words: set(&self.names.agent_words),
            patronymics: set(&self.names.patronymics),
            particle_prefixes: folded(&self.names.particles)
                .into_iter()
                .filter(|p| p.ends_with('-'))
                .collect(),
            corporate: words(&self.names.corporate),
            places: unit(&self.imprint.places),
            publisher_words: words(&self.imprint.publisher_words),
            journal_words: words(&self.imprint.journal_words),
            newspaper_words: words(&self.imprint.newspaper_words),
            thesis_words: unit(&self.imprint.thesis_words),
            thesis_list: words(&self.imprint.thesis_words),
            container_markers: unit(&self.imprint.container_markers),
            editor_markers: unit(&self.imprint.editor_markers),
            translator_markers: unit(&self.imprint.translator_markers),
            author_markers: unit(&self.imprint.author_markers),
            access_markers: unit(&self.imprint.access_markers),
            medium_markers: unit(&self.imprint.medium_markers),
            edition_words: unit(&self.imprint.edition_words),
            edition_qualifiers: unit(&self.imprint.edition_qualifiers),
            abbreviations: set(&self.imprint.abbreviations),
            weak_components: set(&self.archives.weak),
            archive_year_words: unit(&self.archives.year_words),
            archive_date_labels: unit(&self.archives.date_labels),
            document_forms: unit(&self.archives.document_forms),
            container_genres: words(&self.imprint.container_genres),
            collection_designations: words(&self.imprint.collection_designations),
            title_genres: unit(&self.imprint.title_genres),
            no_date: unit(&self.imprint.no_date),
            no_imprint: unit(&self.imprint.no_imprint),
            ibid: unit(&self.imprint.ibid),
            op_cit: unit(&self.imprint.op_cit),
            same_author: unit(&self.imprint.same_author),
            quoted_in: unit(&self.imprint.quoted_in),
            series_words: unit(&self.imprint.series_words),
            countries: unit(&self.imprint.countries),
            death_markers: unit(&self.imprint.death_markers),
            ordinals: unit(&self.imprint.ordinals),
            volume_years: unit(&self.imprint.volume_years),
            imprint_labels: unit(&self.imprint.imprint_labels),
            year_prefixes: unit(&self.imprint.year_prefixes),
            series_numbers: unit(&self.imprint.series_numbers),
            cardinals: Lexicon::new(self.imprint.cardinals.iter().map(|(w, n)| (w.as_str(), *n))),
            ordinal_numbers: Lexicon::new(
                self.imprint
                    .ordinal_numbers
                    .iter()
                    .map(|(w, n)| (w.as_str(), *n)),
            ),
            volume_count_words: unit(&self.imprint.volume_count_words),
            volume_count_abbreviations: unit(&self.imprint.volume_count_abbreviations),
            months: Lexicon::new(self.months.iter().flat_map(|m| {
                m.names
                    .iter()
                    .map(move |n| (n.as_str(), (m.calendar.clone(), m.number)))
            })),
            seasons: unit(&self.seasons),
            year_words: unit(&self.year_words),
            see: unit(&self.citations.see),
            cite_quoted_in: Lexicon::new(
                self.imprint
                    .quoted_in
                    .iter()
                    .chain(&self.citations.quoted_in)
                    .map(|w| (w.as_str(), ())),
            ),
            postpositions: unit(&self.citations.postpositions),
            language_words: {
                let mut map: HashMap<String, Vec<String>> = HashMap::new();
                for cues in &self.languages {
                    for w in &cues.words {
                        map.entry(w.clone()).or_default().push(cues.code.clone());
                    }
                }
                map
            },
            skeleton: self
                .citations
                .skeleton
                .letters
                .iter()
                .filter_map(|(k, v)| {
                    let mut chars = k.chars();
                    let c = chars.next()?;
                    chars.next().is_none().then(|| (c, v.clone()))
                })
                .collect(),
        };
    }

    /// The archive definition at `index`.
    pub fn archive(&self, index: usize) -> Option<&ArchiveDef> {
        self.archives.archive.get(index)
    }
}

/// A set of printed forms, matched at the start of a text on folded
/// characters, longest form first.
#[derive(Debug, Clone)]
pub(crate) struct Lexicon<T> {
    /// Forms (folded, ignorables removed, as chars) with payloads, by first char.
    by_first: ByChar<Vec<(Vec<char>, T)>>,
}

/// A map keyed by `char`, hashed by [`CharHasher`].
type ByChar<V> = HashMap<char, V, BuildHasherDefault<CharHasher>>;

/// A multiplicative hash of one `char`: the lexicons are looked up at
/// nearly every character of an entry, where SipHash showed in profiles;
/// their keys are the vocabulary's own letters, not the input's.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct CharHasher(u64);

impl Hasher for CharHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = (self.0 ^ u64::from(n)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

impl<T> Default for Lexicon<T> {
    fn default() -> Self {
        Lexicon {
            by_first: HashMap::default(),
        }
    }
}

impl<T: Clone> Lexicon<T> {
    fn new<'a>(forms: impl IntoIterator<Item = (&'a str, T)>) -> Self {
        let mut by_first: ByChar<Vec<(Vec<char>, T)>> = HashMap::default();
        for (form, payload) in forms {
            let chars: Vec<char> = fold(form).chars().collect();
            if let Some(&first) = chars.first() {
                by_first.entry(first).or_default().push((chars, payload));
            }
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|b| std::cmp::Reverse(b.0.len()));
        }
        Lexicon { by_first }
    }

    /// The longest form matching at the start of `text`, as (byte length,
    /// payload). A form ending in a letter or digit must be followed by a
    /// non-letter, so `s.` matches `s.329` and `iş` does not match `işğal`.
    /// Any run of spaces in the text matches one space in a form.
    pub fn match_start(&self, text: &str) -> Option<(usize, &T)> {
        let first = text.chars().find(|c| !is_unmatched(*c))?;
        let candidates = self.by_first.get(&fold_char(first))?;
        candidates
            .iter()
            .find_map(|(form, payload)| match_form(text, form).map(|len| (len, payload)))
    }
}

/// Byte length of `text`'s prefix matching the folded `form`, if it matches.
fn match_form(text: &str, form: &[char]) -> Option<usize> {
    let mut chars = text.char_indices().peekable();
    let mut fi = 0;
    while fi < form.len() {
        let (_, c) = *chars.peek()?;
        if is_unmatched(c) {
            chars.next();
            continue;
        }
        let f = fold_char(c);
        if form[fi] == ' ' {
            if !f.is_whitespace() {
                // A space in the form may be absent in the text ("ед.хр.").
                fi += 1;
                continue;
            }
            while chars
                .peek()
                .is_some_and(|&(_, c)| fold_char(c).is_whitespace())
            {
                chars.next();
            }
            fi += 1;
            continue;
        }
        if f != form[fi] {
            return None;
        }
        chars.next();
        fi += 1;
    }
    let end = chars.peek().map_or(text.len(), |&(i, _)| i);
    let last = *form.last()?;
    if last.is_letter_or_digit() {
        let next = text[end..].chars().find(|c| !is_unmatched(*c));
        if next.is_some_and(|c| c.is_letter_or_digit() || c == '\u{200C}') {
            return None;
        }
    }
    Some(end)
}

/// Whether `word` (folded) ends with one of `endings` and is longer than it.
pub(crate) fn has_ending(word: &str, endings: &[String]) -> bool {
    let word = fold(word);
    endings
        .iter()
        .any(|e| word.len() > e.len() + 2 && word.ends_with(e.as_str()))
}

/// Folded words, with an automaton that finds all of them in one pass.
#[derive(Debug, Clone)]
pub(crate) struct Words {
    list: Vec<String>,
    automaton: Option<AhoCorasick>,
}

impl Default for Words {
    fn default() -> Self {
        Words::new(Vec::new())
    }
}

impl Words {
    fn new(list: Vec<String>) -> Self {
        // Building fails only past the automaton's size limits, which no
        // vocabulary reaches; without it no word is found.
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            // Built at every start: a DFA takes milliseconds to build for
            // the few hundred words, the NFA microseconds; lists are short.
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&list)
            .ok();
        Words { list, automaton }
    }
}

impl std::ops::Deref for Words {
    type Target = [String];
    fn deref(&self) -> &[String] {
        &self.list
    }
}

/// Whether folded `text` contains one of `words` as a whole word. An
/// abbreviation also matches at the very end without its period, which
/// trimming took: `dis.` in "… namizədi dis".
pub(crate) fn contains_word(text: &str, words: &Words) -> bool {
    let text = fold(text);
    let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_letter_or_digit());
    let Some(automaton) = &words.automaton else {
        return false;
    };
    // Each word's occurrences as `str::match_indices` gives them (leftmost,
    // not overlapping one another), all words in one pass: an overlapping
    // search reports a word's occurrences in order, and one that starts
    // before the end of the word's last one taken is skipped.
    let mut taken_to = vec![0usize; words.len()];
    let found = automaton.find_overlapping_iter(&text).any(|m| {
        let (w, i) = (m.pattern().as_usize(), m.start());
        if i < taken_to[w] || !text.is_char_boundary(i) {
            return false;
        }
        taken_to[w] = m.end().max(i + 1);
        let word = &words.list[w];
        let before = text[..i].chars().next_back();
        let after = text[m.end()..].chars().next();
        boundary(before) && (boundary(after) || word.ends_with('.'))
    });
    found
        || words.iter().any(|w| {
            w.strip_suffix('.').is_some_and(|stem| {
                text.strip_suffix(stem)
                    .is_some_and(|head| boundary(head.chars().next_back()))
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_tables_parse() {
        toml::from_str::<Headings>(HEADINGS).expect("headings.toml");
        toml::from_str::<Locators>(LOCATORS).expect("locators.toml");
        toml::from_str::<Archives>(ARCHIVES).expect("archives.toml");
        toml::from_str::<CalendarsFile>(CALENDARS).expect("calendars.toml");
        toml::from_str::<Names>(NAMES).expect("names.toml");
        toml::from_str::<Names>(GIVEN_NAMES).expect("given-names.toml");
        toml::from_str::<Imprint>(IMPRINT).expect("imprint.toml");
        toml::from_str::<LanguagesFile>(LANGUAGES).expect("languages.toml");
        toml::from_str::<CitationWords>(CITATIONS).expect("citations.toml");
    }

    #[test]
    fn lexicon_matches_longest_folded_form_at_a_boundary() {
        let v = Vocabulary::builtin();
        let labels = &v.index.labels;
        assert_eq!(labels.match_start("s.329"), Some((2, &Meaning::Page)));
        assert_eq!(labels.match_start("səh.166").map(|m| m.0), Some(5));
        assert_eq!(labels.match_start("С. 33"), Some((3, &Meaning::Page)));
        assert_eq!(labels.match_start("c. 1"), Some((2, &Meaning::Volume)));
        assert_eq!(
            labels.match_start("ص ۳۲۹").map(|m| *m.1),
            Some(Meaning::Page)
        );
        assert!(labels.match_start("sayfalık").is_none());
        let comps = &v.index.components;
        assert_eq!(comps.match_start("İŞ 72").map(|m| m.0), Some("İŞ".len()));
        assert!(comps.match_start("işğal").is_none());
        assert_eq!(
            comps.match_start("ед.хр. 5").map(|m| m.0),
            Some("ед.хр.".len())
        );
        assert_eq!(
            comps.match_start("Ед. хр. 5").map(|m| m.0),
            Some("Ед. хр.".len())
        );
    }

    #[test]
    fn user_tables_extend_the_builtin_ones() {
        let mut v = Vocabulary::builtin();
        v.extend_from_toml(
            "[[archives.archive]]\nabbr = \"ЦГАКФФД\"\nname = \"x\"\n[headings]\nreferences = [\"Quellen\"]\n",
            "istinad.toml",
        )
        .expect("valid extension");
        assert!(v.index.archives.match_start("ЦГАКФФД, ф. 1").is_some());
        assert!(v.index.reference_headings.contains_key("quellen"));
        let err = v.extend_from_toml("[headings]\nnope = 1", "x.toml");
        assert!(err.is_err());
    }
}
