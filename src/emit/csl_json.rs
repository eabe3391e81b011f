//! Emit: CSL-JSON (CSL 1.0.2 input schema) from istinad's own serde structs.
//!
//! Written with our own `#[derive(Serialize)]` structs rather than
//! `citationberg::json::Item`, which writes dates as bare arrays (invalid
//! CSL-JSON). Every item validates against `csl-data.json`: only schema
//! properties, `type` from its list, numbers as strings. What no CSL variable
//! holds — the entry's kind and text, the calendar of its year, the archival
//! parts one by one, pen names, a printed date istinad cannot read — goes to
//! `custom.istinad`, the schema's place for it, so the export is lossless.
//!
//! Archival items are `manuscript`s with `archive` (the archive's name) and
//! `archive_location` (fond, inventory, file and leaves in the archive's own
//! convention: `f. 28, siy. 1, iş 72`, `Ф. 130. Оп. 1. Д. 45. Л. 12-15 об.`),
//! the variables Zotero calls *Archive* and *Loc. in Archive*. A Solar or
//! lunar Hijri year is `original-date: {"literal": "1388 SH"}` beside the
//! Gregorian `issued`, never `date-parts` (which would mean Gregorian 1388).

use std::borrow::Borrow;
use std::cell::RefCell;

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::model::{Archive, OriginalYear, Person, Reference, ReferenceKind};

use super::fields::{
    Separator, Ymd, archive_location, full_title, issued, original_year_text, raw_title,
};
use super::{Options, keys, output_error};

/// One CSL-JSON item. Field order is the order written.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct Item<'a> {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub author: Vec<Name>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub editor: Vec<Name>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub translator: Vec<Name>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_short: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub genre: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub container_title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edition: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volume: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number_of_volumes: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issue: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number_of_pages: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher_place: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issued: Option<DateVar>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original_date: Option<DateVar>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub archive: Option<String>,
    #[serde(rename = "archive_location", skip_serializing_if = "Option::is_none")]
    pub archive_location: Option<String>,
    #[serde(rename = "URL", skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accessed: Option<DateVar>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom: Option<Custom<'a>>,
}

/// A CSL name: `{family, given}` or, for a single-part name, `{literal}`.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub(crate) enum Name {
    Person { family: String, given: String },
    Literal { literal: String },
}

impl Name {
    fn of(p: &Person) -> Name {
        match p.given.as_deref() {
            Some(given) => Name::Person {
                family: p.family.clone(),
                given: given.to_string(),
            },
            None => Name::Literal {
                literal: p.family.clone(),
            },
        }
    }
}

/// A CSL date: `{"date-parts": [[y, m, d]]}` or `{"literal": "…"}`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct DateVar {
    #[serde(rename = "date-parts", skip_serializing_if = "Option::is_none")]
    pub date_parts: Option<Vec<Vec<i32>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub literal: Option<String>,
}

impl DateVar {
    pub fn parts(date: Ymd) -> DateVar {
        DateVar {
            date_parts: Some(vec![date.parts()]),
            literal: None,
        }
    }

    fn literal(text: String) -> DateVar {
        DateVar {
            date_parts: None,
            literal: Some(text),
        }
    }
}

/// `custom`: `{"istinad": {…}}`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Custom<'a> {
    istinad: Lossless<'a>,
}

/// What no CSL variable holds.
#[derive(Debug, Clone, Serialize)]
struct Lossless<'a> {
    kind: &'static str,
    raw: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    original_year: Option<OriginalYear>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    archive: Option<&'a Archive>,
    #[serde(skip_serializing_if = "Option::is_none")]
    authors: Option<&'a [Person]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    editors: Option<&'a [Person]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    translators: Option<&'a [Person]>,
}

/// The CSL item type of a reference.
pub(crate) fn csl_type(kind: ReferenceKind) -> &'static str {
    match kind {
        ReferenceKind::Archival => "manuscript",
        ReferenceKind::Book => "book",
        ReferenceKind::Article => "article-journal",
        ReferenceKind::Chapter => "chapter",
        ReferenceKind::Thesis => "thesis",
        ReferenceKind::Newspaper => "article-newspaper",
        ReferenceKind::Web => "webpage",
        ReferenceKind::Other => "document",
    }
}

/// The item of `r` under `id`, its archival search data joined by
/// `separator`. Dates and `custom` are set by the caller's flavour.
pub(crate) fn item<'a>(r: &'a Reference, id: String, separator: Separator) -> Item<'a> {
    let other = r.kind == ReferenceKind::Other;
    let title = if other {
        Some(raw_title(r))
    } else {
        full_title(r)
    };
    let title_short = r.subtitle.as_ref().and(r.title.clone()).filter(|_| !other);
    let (archive, archive_location) = match &r.archive {
        Some(a) => (a.name.clone(), archive_location(a, r.language, separator)),
        None => (None, None),
    };
    Item {
        id,
        kind: csl_type(r.kind),
        language: r.language.map(|l| l.code()),
        author: r.authors.iter().map(Name::of).collect(),
        editor: r.editors.iter().map(Name::of).collect(),
        translator: r.translators.iter().map(Name::of).collect(),
        title,
        title_short,
        genre: r.genre.clone(),
        container_title: r.container.clone(),
        edition: r.edition.clone(),
        volume: r.volume.clone(),
        number_of_volumes: r.volumes.clone(),
        part: r.part.clone(),
        issue: r.issue.clone(),
        page: r.pages.clone(),
        number_of_pages: r.extent.clone(),
        publisher: r.publisher.clone(),
        publisher_place: r.place.clone(),
        issued: issued(r).0.map(DateVar::parts),
        original_date: None,
        archive,
        archive_location,
        url: r.url.clone(),
        accessed: None,
        note: r.note.clone(),
        custom: None,
    }
}

/// The item written to a CSL-JSON file.
fn file_item(r: &Reference, id: String) -> Item<'_> {
    let mut item = item(r, id, Separator::Entry);
    item.original_date = r
        .original_year
        .map(|o| DateVar::literal(original_year_text(o)));
    item.accessed = match (r.accessed_on, r.accessed.as_deref()) {
        (Some(d), _) => Some(DateVar::parts(d)),
        (None, Some(printed)) => Some(DateVar::literal(printed.trim().to_string())),
        (None, None) => None,
    };
    let with_alias = |list: &'_ [Person]| list.iter().any(|p| p.alias.is_some());
    let lost_date = issued(r).1;
    item.custom = Some(Custom {
        istinad: Lossless {
            kind: r.kind.as_str(),
            raw: &r.raw,
            original_year: r.original_year,
            date: lost_date,
            archive: r.archive.as_deref(),
            authors: with_alias(&r.authors).then_some(r.authors.as_slice()),
            editors: with_alias(&r.editors).then_some(r.editors.as_slice()),
            translators: with_alias(&r.translators).then_some(r.translators.as_slice()),
        },
    });
    item
}

/// Writes `references` as CSL-JSON to `out` (give it a buffered writer),
/// one item made and written at a time: a list of 10⁶ entries never has
/// its items, or its text, in memory at once. Returns the findings (none:
/// CSL-JSON holds every field).
pub fn write_csl_json(
    references: &[Reference],
    options: &Options,
    out: impl std::io::Write,
) -> Result<Vec<Diagnostic>, Error> {
    let keys = keys(references, options.keys);
    write_records(references.iter().zip(keys), out)
}

/// Writes `records`, each with its key, as a CSL-JSON array to `out`, each
/// item made, written and dropped in turn (with the record, when the
/// records are owned).
pub(crate) fn write_records<R: Borrow<Reference>>(
    records: impl Iterator<Item = (R, String)>,
    mut out: impl std::io::Write,
) -> Result<Vec<Diagnostic>, Error> {
    serde_json::to_writer_pretty(&mut out, &Items(RefCell::new(Some(records))))
        .map_err(|e| output_error("CSL-JSON", e))?;
    out.write_all(b"\n")
        .map_err(|e| output_error("CSL-JSON", e))?;
    Ok(Vec::new())
}

/// The items of a list, made one by one as the array is written (a `Vec`
/// is written through the same `collect_seq`, so the bytes are the same).
struct Items<I>(RefCell<Option<I>>);

impl<I, R> Serialize for Items<I>
where
    I: Iterator<Item = (R, String)>,
    R: Borrow<Reference>,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let records = self
            .0
            .borrow_mut()
            .take()
            .ok_or_else(|| <S::Error as serde::ser::Error>::custom("the items were written"))?;
        serializer.collect_seq(records.map(|(r, key)| Keyed(r, key)))
    }
}

/// A record and its key, written as its item.
struct Keyed<R>(R, String);

impl<R: Borrow<Reference>> Serialize for Keyed<R> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        file_item(self.0.borrow(), self.1.clone()).serialize(serializer)
    }
}

/// `references` as a CSL-JSON array (pretty-printed, one trailing newline).
pub fn to_csl_json_string(
    references: &[Reference],
    options: &Options,
) -> Result<(String, Vec<Diagnostic>), Error> {
    let mut out = Vec::new();
    let findings = write_csl_json(references, options, &mut out)?;
    let text = String::from_utf8(out).map_err(|e| output_error("CSL-JSON", e))?;
    Ok((text, findings))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Vocabulary;
    use crate::parse::parse_reference;
    use serde_json::Value;

    fn json(text: &str) -> Value {
        let r = parse_reference(text, &Vocabulary::builtin());
        let (s, findings) = to_csl_json_string(&[r], &Options::default()).expect("json");
        assert!(findings.is_empty());
        let v: Value = serde_json::from_str(&s).expect("valid JSON");
        v[0].clone()
    }

    /// The Paris press: French, with its date read from the French month.
    #[test]
    fn a_french_newspaper_is_french() {
        let v = json("Le Temps, 12 janvier 1920.");
        assert_eq!(v["language"], "fr");
        assert_eq!(
            v["issued"]["date-parts"][0],
            serde_json::json!([1920, 1, 12])
        );
    }

    #[test]
    fn archival_item() {
        let v = json("ГАРФ. Ф. 130. Оп. 1. Д. 45. Л. 12–15 об.");
        assert_eq!(v["type"], "manuscript");
        assert_eq!(v["archive"], "ГАРФ");
        assert_eq!(v["archive_location"], "Ф. 130. Оп. 1. Д. 45. Л. 12-15 об.");
        assert_eq!(v["custom"]["istinad"]["archive"]["fond"], "130");
        assert_eq!(v["custom"]["istinad"]["archive"]["verso"], true);
        assert_eq!(v["language"], "ru");
    }

    #[test]
    fn solar_hijri_year_is_a_literal_original_date() {
        let v = json("کاوه بیات (1388). توفان بر فراز قفقاز. مرکز اسناد و تاریخ دیپلماسی. تهران");
        assert_eq!(v["issued"]["date-parts"][0][0], 2009);
        assert_eq!(v["original-date"]["literal"], "1388 SH");
        assert_eq!(
            v["custom"]["istinad"]["original_year"]["calendar"],
            "solar-hijri"
        );
    }

    #[test]
    fn single_part_names_are_literals() {
        let name = Name::of(&Person {
            family: "ناشناس".into(),
            ..Person::default()
        });
        assert_eq!(
            serde_json::to_value(name).expect("json"),
            serde_json::json!({"literal": "ناشناس"})
        );
    }
}
