//! Emit: RIS (`TAG  - value` lines, `ER  - ` between records), UTF-8 without BOM.
//!
//! Zotero and citation-js read some data from different tags; where they
//! disagree both tags are written (`docs/formats.md`): the archive's name in
//! `DB` (Zotero: *Archive*) and `PB` (citation-js: `archive`), the search
//! data in `AN` (Zotero: *Loc. in Archive*) and `AV` (citation-js:
//! `archive_location`), a newspaper's issue in `IS` and `C2`, a web page's
//! access date in `Y2` and `M1`. `SP` holds a whole page range; for `BOOK`
//! and `THES` it is the page count, as both readers take it. RIS records have
//! no key both readers keep: they are matched by order.

use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::model::{Reference, ReferenceKind};

use super::fields::{
    Note, Report, Separator, archive_location, full_title, issued, people, person_name, printable,
    raw_title, report_lost_date,
};
use super::{Format, Options, output_error};

/// Writes `references` as RIS to `out`; returns the findings.
pub fn write_ris(
    references: &[Reference],
    out: impl std::io::Write,
) -> Result<Vec<Diagnostic>, Error> {
    super::write(references, Format::Ris, &Options::default(), out)
}

/// `references` as RIS records, and the findings.
pub fn to_ris_string(references: &[Reference]) -> Result<(String, Vec<Diagnostic>), Error> {
    let mut out = Vec::new();
    let diagnostics = write_records(references.iter(), &mut out)?;
    let text = String::from_utf8(out).map_err(|e| output_error("RIS", e))?;
    Ok((text, diagnostics))
}

/// Writes `records` as RIS to `out` record by record; returns the findings.
pub(crate) fn write_records<R: std::borrow::Borrow<Reference>>(
    records: impl Iterator<Item = R>,
    mut out: impl std::io::Write,
) -> Result<Vec<Diagnostic>, Error> {
    let mut diagnostics = Vec::new();
    let mut text = String::new();
    for (i, r) in records.enumerate() {
        text.clear();
        if i > 0 {
            text.push('\n');
        }
        let mut report = Report::new(Format::Ris, &mut diagnostics);
        record(&mut text, r.borrow(), &mut report);
        out.write_all(text.as_bytes())
            .map_err(|e| output_error("RIS", e))?;
    }
    Ok(diagnostics)
}

/// The RIS reference type.
fn ris_type(kind: ReferenceKind) -> &'static str {
    match kind {
        ReferenceKind::Archival => "MANSCPT",
        ReferenceKind::Book => "BOOK",
        ReferenceKind::Article => "JOUR",
        ReferenceKind::Chapter => "CHAP",
        ReferenceKind::Thesis => "THES",
        ReferenceKind::Newspaper => "NEWS",
        ReferenceKind::Web => "ELEC",
        ReferenceKind::Other => "GEN",
    }
}

fn line(out: &mut String, tag: &str, value: &str) {
    let value = printable(value)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if value.is_empty() {
        return;
    }
    out.push_str(tag);
    out.push_str("  - ");
    out.push_str(&value);
    out.push('\n');
}

fn record(out: &mut String, r: &Reference, report: &mut Report<'_>) {
    let kind = r.kind;
    let mut note = Note::of(r, true);
    let fold = |report: &mut Report<'_>, note: &mut Note, label: &str, value: &str| {
        report.folded(r, label, value, "N1");
        note.push(label, value);
    };
    line(out, "TY", ris_type(kind));
    for p in &r.authors {
        line(out, "AU", &person_name(p));
    }
    let editor_tag = match kind {
        ReferenceKind::Chapter => Some("A2"),
        ReferenceKind::Book => Some("A3"),
        _ => None,
    };
    match editor_tag {
        Some(tag) => r
            .editors
            .iter()
            .for_each(|p| line(out, tag, &person_name(p))),
        None if !r.editors.is_empty() => fold(report, &mut note, "editors", &people(&r.editors)),
        None => {}
    }
    if matches!(kind, ReferenceKind::Book | ReferenceKind::Chapter) {
        r.translators
            .iter()
            .for_each(|p| line(out, "A4", &person_name(p)));
    } else if !r.translators.is_empty() {
        fold(report, &mut note, "translators", &people(&r.translators));
    }
    for p in r.authors.iter().chain(&r.editors).chain(&r.translators) {
        if let Some(alias) = p.alias.as_deref() {
            report.dropped(
                r,
                "pen name",
                alias,
                &format!("no tag for the pen name of `{}`", person_name(p)),
            );
        }
    }
    if kind == ReferenceKind::Other {
        line(out, "TI", &raw_title(r));
    } else if let Some(t) = full_title(r) {
        line(out, "TI", &t);
        if r.subtitle.is_some()
            && let Some(short) = r.title.as_deref()
        {
            line(out, "ST", short);
        }
    }
    if let Some(c) = r.container.as_deref() {
        let has_container = matches!(
            kind,
            ReferenceKind::Article
                | ReferenceKind::Chapter
                | ReferenceKind::Newspaper
                | ReferenceKind::Web
        );
        if has_container {
            line(out, "T2", c);
        } else {
            fold(report, &mut note, "container", c);
        }
    }
    if let Some(v) = r.edition.as_deref() {
        line(out, "ET", v);
    }
    if let Some(v) = r.volume.as_deref() {
        line(out, "VL", v);
    }
    if let Some(v) = r.volumes.as_deref() {
        line(out, "NV", v);
    }
    if let Some(v) = r.issue.as_deref() {
        line(out, "IS", v);
        if kind == ReferenceKind::Newspaper {
            line(out, "C2", v);
        }
    }
    let counted = matches!(kind, ReferenceKind::Book | ReferenceKind::Thesis);
    if counted {
        if let Some(v) = r.extent.as_deref() {
            line(out, "SP", v);
        }
        if let Some(v) = r.pages.as_deref() {
            fold(report, &mut note, "pages", v);
        }
    } else {
        if let Some(v) = r.pages.as_deref() {
            line(out, "SP", v);
        }
        if let Some(v) = r.extent.as_deref() {
            fold(report, &mut note, "extent", v);
        }
    }
    if let Some(v) = r.part.as_deref() {
        fold(report, &mut note, "part", v);
    }
    if let Some(v) = r.genre.as_deref() {
        line(out, "M3", v);
    }
    if let Some(v) = r.place.as_deref() {
        line(out, "CY", v);
    }
    let archive_name = r.archive.as_ref().and_then(|a| a.name.as_deref());
    if let Some(v) = r.publisher.as_deref() {
        if archive_name.is_some() {
            // `PB` carries the archive's name for citation-js.
            fold(report, &mut note, "publisher", v);
        } else {
            line(out, "PB", v);
        }
    }
    let (date, lost) = issued(r);
    if let Some(d) = date {
        line(out, "PY", &d.year.to_string());
        if d.month.is_some() {
            line(out, "DA", &d.slashed());
        }
    }
    report_lost_date(report, r, lost);
    if let Some(a) = &r.archive {
        if let Some(name) = archive_name {
            line(out, "DB", name);
            line(out, "PB", name);
        }
        if let Some(location) = archive_location(a, r.language, Separator::Entry) {
            line(out, "AN", &location);
            line(out, "AV", &location);
        }
    }
    if let Some(u) = r.url.as_deref() {
        line(out, "UR", u);
    }
    if let Some(printed) = r.accessed.as_deref() {
        match r.accessed_on {
            Some(d) => {
                line(out, "Y2", &d.slashed());
                if kind == ReferenceKind::Web {
                    line(out, "M1", &d.slashed());
                }
            }
            None => report.dropped(
                r,
                "access date",
                printed,
                "it is not a date istinad can read",
            ),
        }
    }
    if let Some(l) = r.language {
        line(out, "LA", l.code());
    }
    if let Some(n) = note.text() {
        line(out, "N1", &n);
    }
    out.push_str("ER  - \n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Vocabulary;
    use crate::parse::parse_reference;

    fn ris(text: &str) -> (String, Vec<Diagnostic>) {
        let r = parse_reference(text, &Vocabulary::builtin());
        to_ris_string(&[r]).expect("ris")
    }

    #[test]
    fn archival_record_carries_both_readers_tags() {
        let (text, findings) = ris("ГАРФ. Ф. 130. Оп. 1. Д. 45. Л. 12–15 об.");
        assert_eq!(
            text,
            "TY  - MANSCPT\nDB  - ГАРФ\nPB  - ГАРФ\nAN  - Ф. 130. Оп. 1. Д. 45. Л. 12-15 об.\n\
             AV  - Ф. 130. Оп. 1. Д. 45. Л. 12-15 об.\nLA  - ru\nER  - \n"
        );
        assert!(findings.is_empty());
    }

    #[test]
    fn a_book_extent_is_sp() {
        let (text, _) = ris("Adilov M. Azərbaycan paleoqrafiyası. - Bakı: Elm, 2010, 223 s.");
        assert!(text.contains("TY  - BOOK\n"));
        assert!(text.contains("SP  - 223\n"), "{text}");
    }
}
