//! Emit: what every output format shares — dates, archival search data, titles, notes, findings.
//!
//! Dates: istinad counts months and days from one (`Ymd { month: 5 }` is
//! May), as ISO 8601 and CSL do; hayagriva's zero-based months are made at
//! its seam (`hayagriva.rs`), and nowhere else.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::diagnostic::Diagnostic;
pub(crate) use crate::model::Ymd;
use crate::model::{Archive, Calendar, Language, OriginalYear, Person, Reference};
use crate::rule::Rule;
use crate::vocab::Component;

use super::Format;

const EMIT: &str = include_str!("../../bib/emit.toml");

/// `bib/emit.toml`: default archival labels, key stop words.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub(crate) struct EmitVocab {
    archive_labels: BTreeMap<String, BTreeMap<Component, String>>,
    pub(crate) keys: KeyWords,
    languages: BTreeMap<String, LanguageNames>,
}

/// How a language is named in a `.bib` file (`[languages.*]`).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct LanguageNames {
    babel: String,
    langid: String,
}

/// The babel/polyglossia name of `language` (`russian`), for `language`.
pub(crate) fn babel_name(language: Language) -> &'static str {
    VOCAB
        .languages
        .get(language.code())
        .map_or(language.code(), |n| n.babel.as_str())
}

/// The `langid` of `language`: the babel name where pandoc reads it, the
/// BCP 47 tag where it does not (`bib/emit.toml`).
pub(crate) fn langid(language: Language) -> &'static str {
    VOCAB
        .languages
        .get(language.code())
        .map_or(language.code(), |n| n.langid.as_str())
}

/// Words a citation key made from a title skips.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct KeyWords {
    pub(crate) skip: Vec<String>,
}

/// The compiled-in table; empty (and caught by a unit test) if it were invalid.
pub(crate) static VOCAB: LazyLock<EmitVocab> =
    LazyLock::new(|| toml::from_str(EMIT).unwrap_or_default());

// ------------------------------------------------------------------ dates

/// The publication date of `r` and whether a printed full date could not be
/// kept (only its year is written).
pub(crate) fn issued(r: &Reference) -> (Option<Ymd>, Option<&str>) {
    match (r.issued, r.year, r.date.as_deref()) {
        (Some(d), _, _) => (Some(d), None),
        (None, Some(y), lost) => (Some(Ymd::year(y)), lost),
        (None, None, lost) => (None, lost),
    }
}

/// `1388 SH`, `1328 AH`: a non-Gregorian year as text.
pub(crate) fn original_year_text(original: OriginalYear) -> String {
    let era = match original.calendar {
        Calendar::SolarHijri => "SH",
        Calendar::LunarHijri => "AH",
    };
    format!("{} {era}", original.year)
}

// ------------------------------------------------------------------ archives

/// How the parts of an archival reference are separated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Separator {
    /// The entry's own convention: `. ` in Russian (GOST), `, ` elsewhere.
    Entry,
    /// `. `, GOST R 7.0.5-2008 §11 whatever the language.
    Period,
    /// `, `, Chicago 14.221.
    Comma,
}

/// Fond, inventory, file, item, box and leaves in the archive's own
/// convention: `f. 28, siy. 1, iş 72, v. 5-7`, `Ф. 130. Оп. 1. Д. 45. Л. 12-15
/// об.`, `FO 371/4910, f. 23`.
///
/// Labelled parts keep their printed label and order; a part printed without
/// a label takes its place in the canonical order, bare (catalogue references
/// such as `FO 371/4910` or `HR.SYS, 2877/3` print none). Only when the
/// entry names no label at all and its fond is a plain number are the
/// default labels of its language used (`bib/emit.toml`).
pub(crate) fn archive_location(
    archive: &Archive,
    language: Option<Language>,
    separator: Separator,
) -> Option<String> {
    let present: Vec<(Component, &str)> = [
        (Component::Fond, &archive.fond),
        (Component::Inventory, &archive.inventory),
        (Component::File, &archive.file),
        (Component::Item, &archive.item),
        (Component::Box, &archive.box_),
        (Component::Leaves, &archive.leaves),
    ]
    .into_iter()
    .filter_map(|(c, v)| {
        v.as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(|v| (c, v))
    })
    .collect();
    if present.is_empty() {
        return None;
    }
    let label_of = |c: Component| {
        archive
            .labels
            .iter()
            .find(|(lc, _)| *lc == c)
            .map(|(_, l)| l.as_str())
    };
    // Labelled parts in printed order, then the unlabelled ones slotted in.
    let mut order: Vec<Component> = Vec::new();
    for (c, _) in &archive.labels {
        if present.iter().any(|(p, _)| p == c) && !order.contains(c) {
            order.push(*c);
        }
    }
    for (c, _) in &present {
        if order.contains(c) {
            continue;
        }
        let at = order.iter().position(|o| o > c).unwrap_or(order.len());
        order.insert(at, *c);
    }
    let defaults = default_labels(archive, language);
    let sep = match separator {
        Separator::Period => ". ",
        Separator::Comma => ", ",
        Separator::Entry if language == Some(Language::Ru) => ". ",
        Separator::Entry => ", ",
    };
    let mut out = String::new();
    let mut previous: Option<(Component, bool, &str)> = None;
    for c in order {
        let Some(value) = present.iter().find(|(p, _)| *p == c).map(|(_, v)| *v) else {
            continue;
        };
        let label = label_of(c).or_else(|| defaults.and_then(|d| d.get(&c).map(String::as_str)));
        if let Some((pc, plabelled, pvalue)) = previous {
            // TNA/IOR catalogue references: series and piece joined by a slash.
            let slash = pc == Component::Fond
                && c == Component::File
                && !plabelled
                && label.is_none()
                && pvalue.ends_with(|ch: char| ch.is_ascii_digit());
            out.push_str(if slash { "/" } else { sep });
        }
        if let Some(label) = label {
            out.push_str(label);
            if !label.ends_with(char::is_whitespace) {
                out.push(' ');
            }
        }
        out.push_str(value);
        previous = Some((c, label.is_some(), value));
    }
    Some(out)
}

fn default_labels(
    archive: &Archive,
    language: Option<Language>,
) -> Option<&'static BTreeMap<Component, String>> {
    let numeric_fond = archive
        .fond
        .as_deref()
        .is_some_and(|f| !f.is_empty() && f.chars().all(|c| c.is_ascii_digit()));
    if !archive.labels.is_empty() || !numeric_fond {
        return None;
    }
    VOCAB.archive_labels.get(language?.code())
}

/// `ГАРФ, Ф. 130. Оп. 1. Д. 45. Л. 12-15 об.`: the archive's name and its
/// search data, for formats with one slot for both.
pub(crate) fn archive_citation(archive: &Archive, language: Option<Language>) -> Option<String> {
    let location = archive_location(archive, language, Separator::Entry);
    match (archive.name.as_deref(), location) {
        (Some(name), Some(location)) => Some(format!("{name}, {location}")),
        (Some(name), None) => Some(name.to_string()),
        (None, location) => location,
    }
}

// ------------------------------------------------------------------ text

/// Title and subtitle as one string: `Title: Subtitle` (a title ending in
/// `?`, `!`, `.` or `:` is followed by a space only).
pub(crate) fn full_title(r: &Reference) -> Option<String> {
    match (r.title.as_deref(), r.subtitle.as_deref()) {
        (Some(t), Some(s)) if t.ends_with(['?', '!', '.', ':']) => Some(format!("{t} {s}")),
        (Some(t), Some(s)) => Some(format!("{t}: {s}")),
        (Some(t), None) => Some(t.to_string()),
        (None, Some(s)) => Some(s.to_string()),
        (None, None) => None,
    }
}

/// `text` safe for a line-based text format: line breaks and tabs become
/// spaces, other control characters (a NUL makes biber abort) U+FFFD, the
/// visible replacement character.
pub(crate) fn printable(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            c if c.is_whitespace() && c.is_control() => ' ',
            c if c.is_control() => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// `Family, Given` or `Family`.
pub(crate) fn person_name(p: &Person) -> String {
    match p.given.as_deref() {
        Some(g) => format!("{}, {g}", p.family),
        None => p.family.clone(),
    }
}

/// People as `Family, Given; Family, Given` for a note.
pub(crate) fn people(list: &[Person]) -> String {
    list.iter().map(person_name).collect::<Vec<_>>().join("; ")
}

/// A range with ASCII hyphens written with BibTeX's `--`.
pub(crate) fn double_dash(range: &str) -> String {
    range.replace('-', "--")
}

/// The entry's title for a record of kind `other`: its whole text, so that
/// nothing of an entry istinad could not read is lost.
pub(crate) fn raw_title(r: &Reference) -> String {
    r.raw.trim().to_string()
}

// ------------------------------------------------------------------ notes and findings

/// The note of one output record: the original year, the entry's note, then
/// every value folded into it, joined with `; `.
#[derive(Debug, Default)]
pub(crate) struct Note {
    parts: Vec<String>,
}

impl Note {
    /// Starts with the original year (if `with_original_year`) and the note.
    pub fn of(r: &Reference, with_original_year: bool) -> Note {
        let mut note = Note::default();
        if with_original_year && let Some(o) = r.original_year {
            note.parts.push(original_year_text(o));
        }
        if let Some(n) = r.note.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
            note.parts.push(n.to_string());
        }
        note
    }

    /// Adds `label: value`.
    pub fn push(&mut self, label: &str, value: &str) {
        self.parts.push(format!("{label}: {value}"));
    }

    /// The joined note, if any.
    pub fn text(&self) -> Option<String> {
        (!self.parts.is_empty()).then(|| self.parts.join("; "))
    }
}

/// Collects `unrepresentable-field` findings for one format.
pub(crate) struct Report<'a> {
    pub format: Format,
    /// The record type a field was sought in (`@article`), when it matters.
    pub record: Option<&'static str>,
    pub out: &'a mut Vec<Diagnostic>,
}

impl<'a> Report<'a> {
    /// Findings about `format`, pushed to `out`.
    pub fn new(format: Format, out: &'a mut Vec<Diagnostic>) -> Report<'a> {
        Report {
            format,
            record: None,
            out,
        }
    }

    /// `value` of `field` had no place of its own and went into `into`.
    pub fn folded(&mut self, r: &Reference, field: &str, value: &str, into: &str) {
        let record = self
            .record
            .map(|t| format!(" (a `{t}`)"))
            .unwrap_or_default();
        let message = format!(
            "{} has no field for the {field} `{value}` of entry {}{record}; it is written in `{into}`",
            self.format.title(),
            r.number
        );
        self.push(r, message);
    }

    /// `value` of `field` is not written at all, because `why`.
    pub fn dropped(&mut self, r: &Reference, field: &str, value: &str, why: &str) {
        let message = format!(
            "{} cannot hold the {field} `{value}` of entry {} ({why}); it is left out",
            self.format.title(),
            r.number
        );
        self.push(r, message);
    }

    fn push(&mut self, r: &Reference, message: String) {
        self.out.push(
            Diagnostic::new(Rule::UnrepresentableField, r.span.clone(), message)
                .with_reference(r.number)
                .with_help("CSL-JSON (`--to csl-json`) keeps every field istinad reads"),
        );
    }
}

/// Reports a printed date of which only the year could be written.
pub(crate) fn report_lost_date(report: &mut Report<'_>, r: &Reference, lost: Option<&str>) {
    if let Some(date) = lost {
        report.dropped(
            r,
            "date",
            date,
            "it is not a date istinad can read; only the year is written",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_replaced() {
        assert_eq!(printable("a\tb\nc\u{0}d\u{3}"), "a b c\u{FFFD}d\u{FFFD}");
    }

    #[test]
    fn the_table_parses() {
        let vocab: EmitVocab = toml::from_str(EMIT).expect("bib/emit.toml");
        assert!(vocab.archive_labels.contains_key("ru"));
        assert!(!vocab.keys.skip.is_empty());
        for language in [
            Language::Az,
            Language::Ru,
            Language::Fa,
            Language::Tr,
            Language::En,
            Language::Fr,
        ] {
            assert!(
                vocab.languages.contains_key(language.code()),
                "{language:?}"
            );
        }
        // pandoc 2.17 knows no babel `azerbaijani`: the BCP 47 tag.
        assert_eq!(langid(Language::Az), "az");
        assert_eq!(babel_name(Language::Az), "azerbaijani");
        assert_eq!(langid(Language::Ru), "russian");
    }

    fn archive(labels: &[(Component, &str)]) -> Archive {
        Archive {
            labels: labels.iter().map(|(c, l)| (*c, l.to_string())).collect(),
            ..Archive::default()
        }
    }

    #[test]
    fn archive_location_keeps_the_printed_labels() {
        let mut a = archive(&[
            (Component::Fond, "Ф."),
            (Component::Inventory, "Оп."),
            (Component::File, "Д."),
            (Component::Leaves, "Л."),
        ]);
        a.fond = Some("130".into());
        a.inventory = Some("1".into());
        a.file = Some("45".into());
        a.leaves = Some("12-15 об.".into());
        assert_eq!(
            archive_location(&a, Some(Language::Ru), Separator::Entry).as_deref(),
            Some("Ф. 130. Оп. 1. Д. 45. Л. 12-15 об.")
        );
        assert_eq!(
            archive_location(&a, Some(Language::Ru), Separator::Comma).as_deref(),
            Some("Ф. 130, Оп. 1, Д. 45, Л. 12-15 об.")
        );
    }

    #[test]
    fn catalogue_references_print_no_labels() {
        let mut a = archive(&[(Component::Leaves, "f.")]);
        a.fond = Some("FO 371".into());
        a.file = Some("4910".into());
        a.leaves = Some("23".into());
        assert_eq!(
            archive_location(&a, Some(Language::En), Separator::Entry).as_deref(),
            Some("FO 371/4910, f. 23")
        );
        let mut boa = archive(&[]);
        boa.fond = Some("HR.SYS".into());
        boa.file = Some("2877/3".into());
        assert_eq!(
            archive_location(&boa, Some(Language::Tr), Separator::Entry).as_deref(),
            Some("HR.SYS, 2877/3")
        );
    }

    #[test]
    fn unlabelled_numeric_parts_take_the_language_defaults() {
        let mut a = archive(&[]);
        a.fond = Some("28".into());
        a.inventory = Some("1".into());
        a.file = Some("72".into());
        assert_eq!(
            archive_location(&a, Some(Language::Az), Separator::Entry).as_deref(),
            Some("f. 28, siy. 1, iş 72")
        );
        a.name = Some("ARDA".into());
        assert_eq!(
            archive_citation(&a, Some(Language::Az)).as_deref(),
            Some("ARDA, f. 28, siy. 1, iş 72")
        );
    }

    #[test]
    fn box_before_file_keeps_its_printed_place() {
        let mut a = archive(&[
            (Component::Fond, "Ф."),
            (Component::Box, "Картон"),
            (Component::File, "Д."),
        ]);
        a.fond = Some("573".into());
        a.box_ = Some("41".into());
        a.file = Some("55".into());
        assert_eq!(
            archive_location(&a, Some(Language::Ru), Separator::Entry).as_deref(),
            Some("Ф. 573. Картон 41. Д. 55")
        );
    }
}
