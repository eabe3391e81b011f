//! Emit: hayagriva YAML (Typst's bibliography format), built from hayagriva's own types.
//!
//! Entries are `hayagriva::Entry` values written by `hayagriva::io::to_yaml_str`,
//! so the file is exactly what `hayagriva::io::from_yaml_str` reads back.
//! Containers are parents (`periodical`, `anthology`/`book`, `newspaper`,
//! `web`); archival files are `manuscript`s with `archive` (the archive's
//! name) and `archive-location` (the search data as one string: hayagriva
//! feeds that key to CSL `archive_location`, the shelfmark). hayagriva has no
//! calendar for a date, so a Solar or lunar Hijri year is the first part of
//! the note (`1388 SH`) beside the Gregorian `date`.

use std::str::FromStr;

use hayagriva::types::{
    Date, EntryType, FormatString, MaybeTyped, Numeric, PageRanges, Person as HPerson, PersonRole,
    PersonsWithRoles, Publisher, QualifiedUrl,
};
use hayagriva::{Entry, Library};

use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::model::{Person, Reference, ReferenceKind};

use super::fields::{
    Note, Report, Separator, Ymd, archive_location, full_title, issued, raw_title, report_lost_date,
};
use super::{Format, Options, keys, output_error};

/// Writes `references` as hayagriva YAML to `out`; returns the findings.
pub fn write_hayagriva(
    references: &[Reference],
    options: &Options,
    out: impl std::io::Write,
) -> Result<Vec<Diagnostic>, Error> {
    super::write(references, Format::Hayagriva, options, out)
}

/// `references` as a hayagriva YAML file, and the findings.
pub fn to_hayagriva_string(
    references: &[Reference],
    options: &Options,
) -> Result<(String, Vec<Diagnostic>), Error> {
    let (library, diagnostics) = to_library(references, options);
    let text =
        hayagriva::io::to_yaml_str(&library).map_err(|e| output_error("hayagriva YAML", e))?;
    Ok((text, diagnostics))
}

/// `references` as a hayagriva library (keys from `options`), and the findings.
pub fn to_library(references: &[Reference], options: &Options) -> (Library, Vec<Diagnostic>) {
    let keys = keys(references, options.keys);
    let mut diagnostics = Vec::new();
    let mut library = Library::new();
    for (r, key) in references.iter().zip(&keys) {
        let mut report = Report::new(Format::Hayagriva, &mut diagnostics);
        library.push(&entry(r, key, &mut report));
    }
    (library, diagnostics)
}

/// A hayagriva date: months and days counted from zero (istinad's from one).
fn date(d: Ymd) -> Date {
    let mut date = Date::from_year(d.year);
    date.month = d.month.map(|m| m.saturating_sub(1));
    date.day = d.day.map(|m| m.saturating_sub(1));
    date
}

/// hayagriva's own reading of `Family, Given`, so that the YAML it writes
/// reads back to the same person; a pen name makes it a map.
fn person(p: &Person) -> HPerson {
    let parts: Vec<&str> = std::iter::once(p.family.as_str())
        .chain(p.given.as_deref())
        .collect();
    let mut person = HPerson::from_strings(parts).unwrap_or(HPerson {
        name: p.family.clone(),
        given_name: p.given.clone(),
        prefix: None,
        suffix: None,
        comma_suffix: false,
        alias: None,
    });
    person.alias = p.alias.clone();
    person
}

fn persons(list: &[Person]) -> Vec<HPerson> {
    list.iter().map(person).collect()
}

fn text(value: &str) -> FormatString {
    FormatString::with_value(value)
}

fn numeric(value: &str) -> MaybeTyped<Numeric> {
    // `FromStr` for `MaybeTyped` falls back to the string: infallible.
    MaybeTyped::from_str(value).unwrap_or_else(|_| MaybeTyped::String(value.to_string()))
}

fn entry(r: &Reference, key: &str, report: &mut Report<'_>) -> Entry {
    let entry_type = match r.kind {
        ReferenceKind::Archival => EntryType::Manuscript,
        ReferenceKind::Book => EntryType::Book,
        ReferenceKind::Article | ReferenceKind::Newspaper => EntryType::Article,
        ReferenceKind::Chapter => EntryType::Chapter,
        ReferenceKind::Thesis => EntryType::Thesis,
        ReferenceKind::Web => EntryType::Web,
        ReferenceKind::Other => EntryType::Misc,
    };
    let parent_type = match r.kind {
        ReferenceKind::Article => Some(EntryType::Periodical),
        ReferenceKind::Newspaper => Some(EntryType::Newspaper),
        ReferenceKind::Chapter if r.editors.is_empty() => Some(EntryType::Book),
        ReferenceKind::Chapter => Some(EntryType::Anthology),
        ReferenceKind::Web if r.container.is_some() => Some(EntryType::Web),
        _ => None,
    };
    let mut e = Entry::new(key, entry_type);
    let mut parent = parent_type.map(|t| Entry::new(key, t));
    let mut note = Note::of(r, true);

    if !r.authors.is_empty() {
        e.set_authors(persons(&r.authors));
    }
    if !r.editors.is_empty() {
        match (&mut parent, r.kind) {
            (Some(p), ReferenceKind::Chapter) => p.set_editors(persons(&r.editors)),
            _ => e.set_editors(persons(&r.editors)),
        }
    }
    if !r.translators.is_empty() {
        e.set_affiliated(vec![PersonsWithRoles::new(
            persons(&r.translators),
            PersonRole::Translator,
        )]);
    }
    if r.kind == ReferenceKind::Other {
        e.set_title(text(&raw_title(r)));
    } else if let Some(full) = full_title(r) {
        let title = match (&r.title, &r.subtitle) {
            (Some(t), Some(_)) => FormatString::with_short(full, t.as_str()),
            _ => text(&full),
        };
        e.set_title(title);
    }
    if let Some(g) = r.genre.as_deref() {
        e.set_genre(text(g));
    }
    if let Some(c) = r.container.as_deref() {
        match &mut parent {
            Some(p) => p.set_title(text(c)),
            None => {
                report.folded(r, "container", c, "note");
                note.push("container", c);
            }
        }
    }
    let (issued, lost) = issued(r);
    if let Some(d) = issued {
        e.set_date(date(d));
    }
    report_lost_date(report, r, lost);
    if r.publisher.is_some() || r.place.is_some() {
        let publisher = Publisher::new(
            r.publisher.as_deref().map(text),
            r.place.as_deref().map(text),
        );
        match (&mut parent, r.kind) {
            (Some(p), ReferenceKind::Chapter) => p.set_publisher(publisher),
            _ => e.set_publisher(publisher),
        }
    }
    if let Some(v) = r.edition.as_deref() {
        e.set_edition(numeric(v));
    }
    if let Some(v) = r.volume.as_deref() {
        match (&mut parent, r.kind) {
            (Some(p), ReferenceKind::Article) => p.set_volume(numeric(v)),
            _ => e.set_volume(numeric(v)),
        }
    }
    if let Some(v) = r.volumes.as_deref() {
        match Numeric::from_str(v) {
            Ok(n) => e.set_volume_total(n),
            Err(_) => {
                report.folded(r, "volumes", v, "note");
                note.push("volumes", v);
            }
        }
    }
    if let Some(v) = r.part.as_deref() {
        report.folded(r, "part", v, "note");
        note.push("part", v);
    }
    if let Some(v) = r.issue.as_deref() {
        match (&mut parent, r.kind) {
            (Some(p), ReferenceKind::Article | ReferenceKind::Newspaper) => p.set_issue(numeric(v)),
            _ => e.set_issue(numeric(v)),
        }
    }
    if let Some(v) = r.pages.as_deref() {
        let pages = MaybeTyped::<PageRanges>::from_str(v)
            .unwrap_or_else(|_| MaybeTyped::String(v.to_string()));
        e.set_page_range(pages);
    }
    if let Some(v) = r.extent.as_deref() {
        match Numeric::from_str(v) {
            Ok(n) => e.set_page_total(n),
            Err(_) => {
                report.folded(r, "extent", v, "note");
                note.push("extent", v);
            }
        }
    }
    if let Some(a) = &r.archive {
        if let Some(name) = a.name.as_deref() {
            e.set_archive(text(name));
        }
        if let Some(location) = archive_location(a, r.language, Separator::Entry) {
            e.set_archive_location(text(&location));
        }
    }
    let visited = r.accessed_on.map(date);
    match (r.url.as_deref(), r.accessed.as_deref()) {
        (Some(u), _) => match QualifiedUrl::from_str(u.trim()) {
            Ok(mut url) => {
                url.visit_date = visited;
                if visited.is_none()
                    && let Some(a) = r.accessed.as_deref()
                {
                    report.dropped(r, "access date", a, "it is not a date istinad can read");
                }
                e.set_url(url);
            }
            Err(_) => {
                report.folded(r, "URL", u, "note");
                note.push("URL", u);
                if let Some(a) = r.accessed.as_deref() {
                    report.folded(r, "access date", a, "note");
                    note.push("accessed", a);
                }
            }
        },
        (None, Some(a)) => {
            report.folded(r, "access date", a, "note");
            note.push("accessed", a);
        }
        (None, None) => {}
    }
    if let Some(language) = r.language
        && let Ok(id) = unic_langid::LanguageIdentifier::from_str(language.code())
    {
        e.set_language(id);
    }
    if let Some(n) = note.text() {
        e.set_note(text(&n));
    }
    if let Some(p) = parent {
        e.set_parents(vec![p]);
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Vocabulary;
    use crate::parse::parse_reference;

    fn yaml(text: &str) -> String {
        let r = parse_reference(text, &Vocabulary::builtin());
        to_hayagriva_string(&[r], &Options::default())
            .expect("yaml")
            .0
    }

    #[test]
    fn archival_manuscript() {
        let y = yaml("ARDA: f. 28. siy. 1. iş 72");
        assert!(y.contains("type: manuscript"), "{y}");
        assert!(y.contains("archive: ARDA"), "{y}");
        assert!(y.contains("archive-location: f. 28, siy. 1, iş 72"), "{y}");
    }

    #[test]
    fn months_are_zero_based_at_the_seam() {
        let d = date(Ymd {
            year: 1920,
            month: Some(5),
            day: Some(12),
        });
        assert_eq!((d.month, d.day), (Some(4), Some(11)));
    }

    #[test]
    fn written_yaml_reads_back() {
        let y = yaml("Исмаилов Э. Э. Власть и народ // Вопросы истории. 2003. № 3. С. 33–34.");
        let library = hayagriva::io::from_yaml_str(&y).expect("reads back");
        assert_eq!(hayagriva::io::to_yaml_str(&library).expect("yaml"), y);
    }
}
