//! Reference managers inside Word (issue 19): Word's own sources, Zotero,
//! Mendeley and EndNote fields read as records and citations; each
//! manuscript checks as its typed twin, converts to the items as the
//! manager holds them, and an author's edits after the last refresh are
//! reported naming the field and the printed text. The .docx files are made
//! by `fixtures/managers/make.py` from each manager's documented syntax.

use istinad::emit::{Format, Options};
use istinad::{Config, Report};
use serde_json::Value;

use crate::support::repo;

fn check(path: &str) -> Report {
    let source = istinad::input::read_path(&repo(path)).expect("readable");
    istinad::check(&source, &Config::default())
}

/// Each finding as (name, entry), sorted.
fn findings(report: &Report) -> Vec<(String, Option<u32>)> {
    let mut out: Vec<_> = report
        .diagnostics
        .iter()
        .map(|d| (d.name().to_string(), d.reference))
        .collect();
    out.sort();
    out
}

/// Each citation as (entry, locator label, locator value) of its items.
fn cited(report: &Report) -> Vec<Vec<(Option<u32>, String, String)>> {
    report
        .citations
        .iter()
        .map(|c| {
            c.items
                .iter()
                .map(|i| {
                    let l = i.locator.as_ref().expect("a locator on every citation");
                    (
                        i.reference,
                        serde_json::to_value(l.label)
                            .ok()
                            .and_then(|v| v.as_str().map(str::to_owned))
                            .unwrap_or_default(),
                        l.value.clone(),
                    )
                })
                .collect()
        })
        .collect()
}

#[test]
fn a_word_sources_docx_and_a_zotero_docx_check_as_their_typed_twins() {
    for stem in ["az-word-sources", "az-zotero"] {
        let managed = check(&format!("fixtures/manuscripts/docx/{stem}.docx"));
        let typed = check(&format!("fixtures/manuscripts/docx/{stem}.md"));
        assert_eq!(findings(&managed), findings(&typed), "{stem}");
        assert_eq!(cited(&managed), cited(&typed), "{stem}");
        assert!(
            !managed.diagnostics.is_empty(),
            "{stem}: the twins plant findings"
        );
        // The records are the manager's; the typed twin's are read.
        assert!(
            managed.references.iter().all(|r| r.origin.is_some()),
            "{stem}"
        );
        assert!(
            typed.references.iter().all(|r| r.origin.is_none()),
            "{stem}"
        );
    }
    // Word's ISO 690 numerical style prints `(1 s. 45)`: the same findings.
    let iso = check("fixtures/managers/az-word-sources-iso690.docx");
    let typed = check("fixtures/manuscripts/docx/az-word-sources.md");
    assert_eq!(findings(&iso), findings(&typed));
}

/// The CSL-JSON items istinad writes for a file.
fn csl_items(path: &str) -> Vec<Value> {
    let source = istinad::input::read_path(&repo(path)).expect("readable");
    let config = Config::default();
    let list = istinad::read_references(&source, &config);
    let (text, _) = istinad::convert(
        &list.references,
        Format::CslJson,
        &Options::default(),
        &config,
    )
    .expect("converts");
    serde_json::from_str::<Value>(&text)
        .expect("CSL-JSON")
        .as_array()
        .cloned()
        .expect("an array")
}

fn by_title<'a>(items: &'a [Value], title: &str) -> &'a Value {
    items
        .iter()
        .find(|i| i["title"].as_str().is_some_and(|t| t.starts_with(title)))
        .unwrap_or_else(|| panic!("no item `{title}` in {items:#?}"))
}

#[test]
fn convert_gives_the_items_as_the_manager_holds_them() {
    let zotero = csl_items("fixtures/manuscripts/docx/az-zotero.docx");
    let arda = by_title(&zotero, "Azərbaycan Xalq Cümhuriyyəti");
    assert_eq!(arda["type"], "manuscript");
    assert_eq!(arda["archive"], "ARDA");
    assert_eq!(arda["archive_location"], "f. 28, siy. 1, iş 72");
    let garf = by_title(&zotero, "Переписка Особого");
    assert_eq!(garf["archive"], "ГАРФ");
    assert_eq!(garf["archive_location"], "Ф. 130. Оп. 1. Д. 45");
    // The printed list says `Həsənli C.`; Zotero holds the given name.
    let hasanli = by_title(&zotero, "Sovet dövründə");
    assert_eq!(hasanli["author"][0]["family"], "Həsənli");
    assert_eq!(hasanli["author"][0]["given"], "Cəmil");
    assert_eq!(hasanli["publisher"], "Adiloğlu");
    let karaca = by_title(&zotero, "Kars Antlaşması");
    assert_eq!(karaca["type"], "article-journal");
    assert_eq!(karaca["volume"], "14");
    assert_eq!(karaca["issue"], "2");
    assert_eq!(karaca["page"], "101-128");
    let bayat = by_title(&zotero, "توفان بر فراز قفقاز");
    assert_eq!(bayat["author"][0]["family"], "بیات");
    assert_eq!(bayat["issued"]["date-parts"][0][0], 2009);

    let word = csl_items("fixtures/manuscripts/docx/az-word-sources.docx");
    let gasanly = by_title(&word, "СССР - Турция");
    assert_eq!(gasanly["author"][0]["given"], "Джамиль");
    assert_eq!(gasanly["publisher-place"], "Москва");
    let brown = by_title(&word, "The British at Baku");
    assert_eq!(brown["type"], "chapter");
    assert_eq!(brown["container-title"], "Britain and the Caucasus");
}

#[test]
fn render_prints_the_items_as_the_manager_holds_them() {
    use istinad::emit::{Locale, Style, render};
    let source = istinad::input::read_path(&repo("fixtures/manuscripts/docx/az-zotero.docx"))
        .expect("readable");
    let list = istinad::read_references(&source, &Config::default());
    let text = render(&list.references, Style::Gost, Locale::Ru).expect("renders");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 6, "{text}");
    assert!(
        lines[0].contains("ARDA") && lines[0].contains("f. 28"),
        "{text}"
    );
    assert!(
        lines[1].contains("ГАРФ") && lines[1].contains("Оп. 1"),
        "{text}"
    );
    assert!(lines[3].contains("1388 [2009]"), "{text}");
}

#[test]
fn refs_name_each_records_origin_and_the_managers_id() {
    for (path, origin, id) in [
        (
            "fixtures/manuscripts/docx/az-word-sources.docx",
            "word-sources",
            "Has12",
        ),
        (
            "fixtures/manuscripts/docx/az-zotero.docx",
            "zotero",
            "http://zotero.org/users/4816310/items/7GQ2KX9D",
        ),
        ("fixtures/manuscripts/docx/fa-endnote.docx", "endnote", "3"),
        (
            "fixtures/rules/unprinted-item.docx",
            "mendeley",
            "http://www.mendeley.com/documents/?uuid=0b5a7c1e-2f43-4c59-9d1a-6e8f3b2a4c10",
        ),
        (
            "fixtures/manuscripts/docx/tr-mendeley-cite.docx",
            "mendeley",
            "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
        ),
    ] {
        let source = istinad::input::read_path(&repo(path)).expect("readable");
        let list = istinad::read_references(&source, &Config::default());
        let json = serde_json::to_value(&list.references).expect("serializes");
        let records = json.as_array().expect("array");
        assert!(
            records.iter().all(|r| r["origin"] == origin),
            "{path}: {records:#?}"
        );
        assert_eq!(records[0]["id"], id, "{path}");
    }
    // A typed list carries neither.
    let source =
        istinad::input::read_path(&repo("fixtures/manuscripts/docx/az-zotero.md")).expect("md");
    let json =
        serde_json::to_string(&istinad::read_references(&source, &Config::default()).references)
            .expect("serializes");
    assert!(!json.contains("\"origin\"") && !json.contains("\"id\""));
}

#[test]
fn every_managers_citation_carries_its_page_locator() {
    for path in [
        "fixtures/manuscripts/docx/az-word-sources.docx",
        "fixtures/manuscripts/docx/az-zotero.docx",
        "fixtures/manuscripts/docx/fa-endnote.docx",
        "fixtures/rules/unprinted-item.docx",
        "fixtures/manuscripts/docx/tr-mendeley-cite.docx",
    ] {
        let report = check(path);
        let cited = cited(&report);
        assert!(!cited.is_empty(), "{path}");
        assert!(
            cited.iter().flatten().any(|(_, label, _)| label == "page"),
            "{path}: {cited:?}"
        );
    }
}

/// The message of the only finding of rule `name`.
fn message(report: &Report, name: &str) -> String {
    let found: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.name() == name)
        .collect();
    assert_eq!(found.len(), 1, "{name}: {:#?}", report.diagnostics);
    found[0].message.clone()
}

#[test]
fn a_hand_edited_list_and_a_typed_over_citation_are_named() {
    let word = check("fixtures/managers/az-word-sources-edited.docx");
    let stale = message(&word, "stale-bibliography");
    for part in [
        "BIBLIOGRAPHY",
        "Həsənli, Cəmil. Sovet dövründə",
        "`2012`",
        "`2013`",
    ] {
        assert!(stale.contains(part), "{part}: {stale}");
    }
    let typed = message(&word, "citation-text-mismatch");
    for part in ["`(2, s. 181)`", "CITATION Gas11", "118"] {
        assert!(typed.contains(part), "{part}: {typed}");
    }

    let zotero = check("fixtures/managers/az-zotero-edited.docx");
    let stale = message(&zotero, "stale-bibliography");
    for part in [
        "ZOTERO_BIBL",
        "Həsənli C. Sovet dövründə",
        "`2012`",
        "`2013`",
    ] {
        assert!(stale.contains(part), "{part}: {stale}");
    }
    let typed = message(&zotero, "citation-text-mismatch");
    for part in ["`(5, s. 104)`", "ZOTERO_ITEM CSL_CITATION", "`(5, s. 140)`"] {
        assert!(typed.contains(part), "{part}: {typed}");
    }
    // The unedited files report neither.
    for path in [
        "fixtures/manuscripts/docx/az-word-sources.docx",
        "fixtures/manuscripts/docx/az-zotero.docx",
    ] {
        let names: Vec<String> = findings(&check(path)).into_iter().map(|f| f.0).collect();
        assert!(
            !names
                .iter()
                .any(|n| n == "stale-bibliography" || n == "citation-text-mismatch"),
            "{path}: {names:?}"
        );
    }
}

#[test]
fn a_managers_docx_saved_by_libreoffice_still_reads_as_the_managers() {
    // LibreOffice, the one word processor at hand, keeps Word's sources
    // (customXml) and every manager's field code when it saves a .docx.
    // (LibreOffice 7.4 drops content controls' tags, and with them Mendeley
    // Cite's data, and `w:fldData`, where EndNote keeps a long citation's
    // record: such citations read as typed ones, or are reported.)
    if !crate::manuscripts::runs("soffice") {
        println!("skipped: soffice is not installed (bash .ci/install-deps.sh)");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let profile = dir.path().join("profile");
    for path in [
        "fixtures/manuscripts/docx/az-word-sources.docx",
        "fixtures/manuscripts/docx/az-zotero.docx",
        "fixtures/rules/unprinted-item.docx",
    ] {
        let original = repo(path);
        let stem = original
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or(path);
        let saved =
            crate::manuscripts::soffice(&profile, "docx", &original, &dir.path().join(stem));
        let before = istinad::check(
            &istinad::input::read_path(&original).expect("readable"),
            &Config::default(),
        );
        let after = istinad::check(
            &istinad::input::read_path(&saved).expect("readable"),
            &Config::default(),
        );
        assert_eq!(findings(&after), findings(&before), "{stem}");
        assert_eq!(cited(&after), cited(&before), "{stem}");
        let ids = |r: &Report| {
            r.references
                .iter()
                .map(|r| r.id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&after), ids(&before), "{stem}");
    }
}

#[test]
fn libreoffices_own_citation_fields_without_words_sources_read_as_typed() {
    // Made by LibreOffice 7.4 from libreoffice-bibliography.fodt: its
    // bibliography mark becomes `CITATION  "Hes12"` and its index a
    // `BIBLIOGRAPHY` field, with no b:Sources to give them meaning.
    let report = check("fixtures/managers/libreoffice-bibliography.docx");
    assert_eq!(report.references.len(), 1);
    assert!(
        report
            .references
            .iter()
            .all(|r| r.origin.is_none() && r.id.is_none())
    );
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
}
