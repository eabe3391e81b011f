//! The founding example, `../shared/seed/article.md`: its 16 entries and 16
//! citations as a careful reader sees them (issues 2 and 3). The article is
//! someone else's text and lives beside the repository; our own manuscript
//! with the same list and citation forms is `fixtures/manuscripts/az-seed-list.md`.

use istinad::model::{Calendar, ReferenceKind};
use istinad::vocab::Meaning;
use istinad::{Config, Source};

use crate::support::{istinad, repo, seed};

fn seed_report() -> Option<istinad::Report> {
    let Some(path) = seed() else {
        eprintln!(
            "skipped: {} is not next to this checkout",
            repo("../shared/seed/article.md").display()
        );
        return None;
    };
    let source = istinad::input::read_path(&path).expect("seed readable");
    Some(istinad::check(&source, &Config::default()))
}

#[test]
fn seed_entries_are_the_records_a_careful_reader_writes() {
    let Some(report) = seed_report() else { return };
    let refs = &report.references;
    assert_eq!(refs.len(), 16);
    assert_eq!(
        refs.iter().map(|r| r.number).collect::<Vec<_>>(),
        (1..=16).collect::<Vec<_>>()
    );
    let r = &refs[0];
    assert_eq!(r.kind, ReferenceKind::Archival);
    let a = r.archive.as_ref().expect("archive");
    assert_eq!(
        (
            a.name.as_deref(),
            a.fond.as_deref(),
            a.inventory.as_deref(),
            a.file.as_deref()
        ),
        (Some("ARDA"), Some("28"), Some("1"), Some("72"))
    );
    let r = &refs[4];
    assert_eq!(
        (r.authors[0].family.as_str(), r.authors[0].given.as_deref()),
        ("İbrahimov", Some("Tağı"))
    );
    assert_eq!(r.authors[0].alias.as_deref(), Some("Şahin"));
    let r = &refs[7];
    assert_eq!(r.title.as_deref(), Some("Документы внешней политики СССР"));
    assert_eq!((r.volume.as_deref(), r.year), (Some("2"), Some(1959)));
    assert_eq!(
        (r.place.as_deref(), r.publisher.as_deref()),
        (Some("Москва"), Some("Госполитздат"))
    );
    let r = &refs[11];
    assert_eq!(r.authors[0].family, "بیات");
    assert_eq!(r.year, Some(2009));
    let original = r.original_year.expect("original year");
    assert_eq!(
        (original.calendar, original.year),
        (Calendar::SolarHijri, 1388)
    );
    assert_eq!(r.place.as_deref(), Some("تهران"));
    let r = &refs[13];
    assert!(
        r.authors
            .iter()
            .all(|p| !p.family.contains("دکتر")
                && !p.given.as_deref().unwrap_or("").contains("دکتر"))
    );
    assert_eq!(r.authors[0].family, "ذوقی");
    let r = &refs[12];
    assert_eq!(r.kind, ReferenceKind::Web);
    assert_eq!(
        r.diagnostics.iter().map(|d| d.name()).collect::<Vec<_>>(),
        ["truncated-url"]
    );
    for r in refs {
        assert_ne!(r.kind, ReferenceKind::Other, "entry {}", r.number);
        let source = std::fs::read_to_string(seed().expect("seed")).expect("seed");
        assert_eq!(&source[r.span.clone()], r.raw, "entry {}", r.number);
    }
}

#[test]
fn seed_citations_and_findings_are_exactly_the_expected_ones() {
    let Some(report) = seed_report() else { return };
    let cited: Vec<(u32, Option<(Meaning, String)>)> = report
        .citations
        .iter()
        .flat_map(|c| {
            c.items.iter().map(|i| {
                (
                    i.reference.unwrap_or(0),
                    i.locator.as_ref().map(|l| (l.label, l.value.clone())),
                )
            })
        })
        .collect();
    let page = |n: u32, v: &str| (n, Some((Meaning::Page, v.to_string())));
    let leaf = |n: u32, v: &str| (n, Some((Meaning::Leaf, v.to_string())));
    assert_eq!(
        cited,
        vec![
            page(6, "166"),
            page(8, "729"),
            page(12, "328"),
            page(12, "329"),
            page(12, "329"),
            leaf(2, "50"),
            page(4, "112"),
            page(12, "321"),
            page(11, "75"),
            (13, None),
            page(10, "12"),
            page(10, "13"),
            leaf(3, "213"),
            leaf(7, "20-27"),
            leaf(7, "28-29"),
            page(12, "407"),
        ]
    );
    let findings: Vec<(&str, Option<u32>)> = report
        .diagnostics
        .iter()
        .map(|d| (d.name(), d.reference))
        .collect();
    let mut expected = vec![
        ("malformed-citation", Some(12)),
        ("malformed-citation", Some(12)),
        ("truncated-url", Some(13)),
    ];
    expected.extend([1, 5, 9, 14, 15, 16].map(|n| ("uncited-reference", Some(n))));
    let mut got = findings.clone();
    got.sort();
    expected.sort();
    assert_eq!(got, expected);
    for d in report
        .diagnostics
        .iter()
        .filter(|d| d.name() == "malformed-citation")
    {
        let fix = d.fix.as_ref().expect("a fix");
        assert_eq!(fix.applicability, istinad::fix::Applicability::Safe);
        let source = std::fs::read_to_string(seed().expect("seed")).expect("seed");
        let (fixed, _) = istinad::fix::apply(&source, [fix], &[istinad::fix::Applicability::Safe]);
        let at = d.span.start;
        assert_eq!(&fixed[at - 3..at + 7], "(12, s.329");
    }
}

#[test]
fn seed_check_exits_zero_and_json_has_the_contract_shape() {
    let Some(path) = seed() else { return };
    let path = path.display().to_string();
    let (code, stdout, _) = istinad(&["check", &path, "--format", "json"], None);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    assert_eq!(json["references"].as_array().map(Vec::len), Some(16));
    assert_eq!(json["citations"].as_array().map(Vec::len), Some(16));
    let (code, _, _) = istinad(&["check", &path, "--deny", "warnings"], None);
    assert_eq!(code, 1);
    let _ = Source::new("x", "");
}
