//! istinad — proven CSL rendering recipe (hayagriva 0.10.1). NOT wired into any build.
//!
//! Compile it as the `main.rs` of any scratch crate (or `[[bin]] path = ".../styles/render_example.rs"`)
//! with exactly these dependencies:
//!
//! ```toml
//! hayagriva  = { version = "0.10.1", features = ["csl-json"] }  # re-exports citationberg 0.7 (+ json)
//! serde_json = "1"
//! ```
//!
//! The CSL assets are embedded with `include_str!` relative to this file, so it must stay
//! next to `gost-r-7-0-5-2008-archival.csl` and `locales-az-AZ.xml`.
//!
//! Recipe:
//! 1. Items are `citationberg::json::Item` (a `BTreeMap<String, Value>`), because only this
//!    vehicle reaches CSL `archive_place`, `archive_collection` and flat `original-date`
//!    (`hayagriva::Entry` cannot express them; `EntryLike` is private, so nothing else works).
//! 2. Custom style: `IndependentStyle::from_xml`; az locale: `LocaleFile::from_xml(..).into()`
//!    pushed onto `hayagriva::archive::locales()`.
//! 3. GOST (numeric, terms in each entry's language): one `BibliographyDriver` per entry,
//!    `with_citation_number_offset(n)` and the entry's own `LocaleCode`.
//!    Chicago / APA (alphabetical): one driver for the whole list and one locale (en-US).
//! 4. Plain output = `first_field` + " " + `content`, then isolate RTL runs with U+2068/U+2069.

use hayagriva::archive::{ArchivedStyle, locales};
use hayagriva::citationberg::json::Item;
use hayagriva::citationberg::{IndependentStyle, Locale, LocaleCode, LocaleFile, Style};
use hayagriva::{
    BibliographyDriver, BibliographyItem, BibliographyRequest, BufWriteFormat, CitationItem,
    CitationRequest,
};
use serde_json::json;

const GOST_ARCHIVAL_CSL: &str = include_str!("gost-r-7-0-5-2008-archival.csl");
const AZ_LOCALE_XML: &str = include_str!("locales-az-AZ.xml");

/// Locales for which we trust the terms; other entry languages fall back to the document locale.
const TERM_LOCALES: [&str; 5] = ["ru-RU", "az-AZ", "en-US", "tr-TR", "fa-IR"];

// ---------------------------------------------------------------------------------------------
// Assets
// ---------------------------------------------------------------------------------------------

fn load_gost() -> IndependentStyle {
    IndependentStyle::from_xml(GOST_ARCHIVAL_CSL).expect("valid CSL")
}

fn bundled(style: ArchivedStyle) -> IndependentStyle {
    match style.get() {
        Style::Independent(s) => s,
        Style::Dependent(_) => unreachable!("bundled Chicago/APA are independent"),
    }
}

/// The 63 bundled locales plus our az-AZ. Order does not matter: hayagriva looks locales up by
/// exact code, then by the language's default region (`az` has none), then en-US — per term.
fn all_locales() -> Vec<Locale> {
    let mut v = locales();
    let az: Locale = LocaleFile::from_xml(AZ_LOCALE_XML)
        .expect("valid locale")
        .into();
    v.push(az);
    v
}

// ---------------------------------------------------------------------------------------------
// Items (CSL-JSON shape, built in memory)
// ---------------------------------------------------------------------------------------------

/// A CSL-JSON object -> `json::Item`. Pitfalls handled here:
/// * hayagriva reads CSL `archive-place` from the key `archive_place` (the Display form of
///   citationberg's variable) — write both spellings;
/// * dates must be single dates (`{"date-parts": [[y, m, d]]}`): a range (`[[1918],[1920]]`)
///   PANICS inside hayagriva ("ranges are not supported"); `literal` dates are ignored.
fn item(mut v: serde_json::Value) -> Item {
    if let Some(obj) = v.as_object_mut()
        && let Some(p) = obj.get("archive-place").cloned()
    {
        obj.insert("archive_place".into(), p);
    }
    serde_json::from_value(v).expect("CSL-JSON item")
}

/// Fond/inventory/file/leaf parts joined the way the target style expects:
/// ". " for GOST ("Ф. 130. Оп. 1. Д. 45. Л. 12–15 об."), ", " for Chicago/APA.
fn archive_location(parts: &[&str], gost: bool) -> String {
    parts.join(if gost { ". " } else { ", " })
}

struct Demo {
    item: Item,
    /// The entry's language (BCP 47), used to pick its term locale in GOST.
    lang: &'static str,
}

/// The sample reference list (demo data). `gost` selects the archive_location punctuation and
/// whether the Solar Hijri year is sent as `original-date` (only our GOST style reads it as
/// "year in another calendar"; bundled Chicago/APA would print it as a first-publication date).
fn demo_items(gost: bool) -> Vec<Demo> {
    let loc = |p: &[&str]| archive_location(p, gost);
    let mut persian = json!({
        "id": "bayat-1388", "type": "book", "language": "fa",
        "author": [{"family": "بیات", "given": "کاوه"}],
        "title": "توفان بر فراز قفقاز",
        "publisher": "مرکز اسناد و تاریخ دیپلماسی", "publisher-place": "تهران",
        "issued": {"date-parts": [[2009]]}
    });
    if gost {
        // GOST: year as printed (Solar Hijri) + Gregorian in brackets -> "1388 [2009]"
        persian["original-date"] = json!({"date-parts": [[1388]]});
    }
    // Chicago/APA: send only the Gregorian `issued`. Their `original-date` means "first
    // published": Chicago prints "(1388; Publisher, 2009)", APA "(1388/2009)" and
    // "(Original work published 1388)" — misleading for a calendar equivalent.
    vec![
        Demo {
            lang: "az",
            item: item(json!({
                "id": "arda-28-1-72", "type": "manuscript", "language": "az",
                "archive": "ARDA",
                "archive_location": loc(&["f. 28", "siy. 1", "iş 72"])
            })),
        },
        Demo {
            lang: "ru",
            item: item(json!({
                "id": "garf-130-1-45", "type": "manuscript", "language": "ru",
                "archive": "ГАРФ",
                "archive_location": loc(&["Ф. 130", "Оп. 1", "Д. 45", "Л. 12–15 об."])
            })),
        },
        Demo {
            lang: "az",
            item: item(json!({
                "id": "arda-895-1-1", "type": "manuscript", "language": "az",
                "title": "Azərbaycan Xalq Cümhuriyyəti Nazirlər Şurasının iclas protokolları",
                "issued": {"date-parts": [[1919, 5, 28]]},
                "archive": "Azərbaycan Respublikası Dövlət Arxivi (ARDA)",
                "archive-place": "Bakı",
                "archive_location": loc(&["f. 895", "siy. 1", "iş 1", "v. 3–5"])
            })),
        },
        Demo {
            lang: "ru",
            item: item(json!({
                "id": "dvp-2", "type": "book", "language": "ru",
                "title": "Документы внешней политики СССР",
                "volume": "II",
                "publisher": "Госполитиздат", "publisher-place": "Москва",
                "issued": {"date-parts": [[1959]]}
            })),
        },
        Demo {
            lang: "fa",
            item: item(persian),
        },
        Demo {
            lang: "az",
            item: item(json!({
                "id": "hasanli-2012", "type": "book", "language": "az",
                "author": [{"family": "Həsənli", "given": "Cəmil"}],
                "title": "Sovet dövründə Azərbaycanın xarici siyasəti (1920–1939)",
                "publisher-place": "Bakı",
                "issued": {"date-parts": [[2012]]},
                "number-of-pages": 584
            })),
        },
        Demo {
            lang: "ru",
            item: item(json!({
                "id": "ismailov-2003", "type": "article-journal", "language": "ru",
                "author": [{"family": "Исмаилов", "given": "Эльдар Эйюбович"}],
                "title": "Власть и народ в послевоенном Азербайджане",
                "container-title": "Вопросы истории",
                "issued": {"date-parts": [[2003]]}, "issue": 3, "page": "33–34"
            })),
        },
        Demo {
            lang: "ru",
            item: item(json!({
                "id": "mammadov-2010", "type": "chapter", "language": "ru",
                "author": [{"family": "Мамедов", "given": "Иса"}],
                "title": "Азербайджан в международных отношениях 1918–1920 гг.",
                "container-title": "История Азербайджана",
                "editor": [{"family": "Гусейнов", "given": "Ибрагим Алиевич"}],
                "volume": 5, "publisher": "Элм", "publisher-place": "Баку",
                "issued": {"date-parts": [[2010]]}, "page": "120–145"
            })),
        },
        Demo {
            lang: "ru",
            item: item(json!({
                "id": "adr-web", "type": "webpage", "language": "ru",
                "title": "Азербайджанская Демократическая Республика (1918–1920)",
                "URL": "https://example.org/adr-1918",
                "accessed": {"date-parts": [[2024, 3, 5]]}
            })),
        },
    ]
}

// ---------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------

fn plain(it: &BibliographyItem) -> String {
    let mut s = String::new();
    if let Some(first) = &it.first_field {
        // second-field-align="flush": the citation number comes separately
        first.write_buf(&mut s, BufWriteFormat::Plain).unwrap();
        s.push(' ');
    }
    it.content.write_buf(&mut s, BufWriteFormat::Plain).unwrap();
    s
}

/// Entry language -> locale whose terms the entry gets (GOST: terms in the entry's language).
fn term_locale(lang: &str, document: &str) -> LocaleCode {
    let full = match lang.split('-').next().unwrap_or("") {
        "ru" => "ru-RU",
        "az" => "az-AZ",
        "en" => "en-US",
        "tr" => "tr-TR",
        "fa" => "fa-IR",
        _ => document,
    };
    LocaleCode(
        if TERM_LOCALES.contains(&full) {
            full
        } else {
            document
        }
        .to_string(),
    )
}

/// Numeric style, one driver per entry: number = position in `entries` (+1), terms from
/// `locale_for(entry)`. Returns plain strings, RTL runs isolated.
fn render_numeric_per_entry(
    style: &IndependentStyle,
    locales: &[Locale],
    entries: &[Demo],
    locale_for: impl Fn(&Demo) -> LocaleCode,
) -> Vec<String> {
    entries
        .iter()
        .enumerate()
        .map(|(n, e)| {
            let code = locale_for(e);
            let mut driver = BibliographyDriver::new().with_citation_number_offset(n);
            driver.citation(CitationRequest::new(
                vec![CitationItem::with_entry(&e.item)],
                style,
                Some(code.clone()),
                locales,
                None,
            ));
            let out = driver.finish(BibliographyRequest::new(style, Some(code), locales));
            let bib = out.bibliography.expect("style has a bibliography");
            isolate_rtl(&plain(&bib.items[0]))
        })
        .collect()
}

/// Alphabetical styles: one driver, one locale, the style sorts. (For az-aware sorting,
/// sort yourself with icu_collator and use per-entry drivers: hayagriva lowercases sort keys
/// with non-Turkic rules before collating.)
fn render_single_driver(
    style: &IndependentStyle,
    locales: &[Locale],
    entries: &[Demo],
    locale: &str,
) -> (Vec<String>, Vec<String>) {
    let code = LocaleCode(locale.to_string());
    let mut driver = BibliographyDriver::new();
    for (i, e) in entries.iter().enumerate() {
        driver.citation(CitationRequest::new(
            vec![CitationItem::with_entry(&e.item)],
            style,
            Some(code.clone()),
            locales,
            Some(i + 1), // note number (Chicago notes)
        ));
    }
    let out = driver.finish(BibliographyRequest::new(style, Some(code), locales));
    let notes = out
        .citations
        .iter()
        .map(|c| {
            let mut s = String::new();
            c.citation.write_buf(&mut s, BufWriteFormat::Plain).unwrap();
            isolate_rtl(&s)
        })
        .collect();
    let bib = out
        .bibliography
        .map(|b| b.items.iter().map(|it| isolate_rtl(&plain(it))).collect())
        .unwrap_or_default();
    (notes, bib)
}

// ---------------------------------------------------------------------------------------------
// Bidi: wrap every run of right-to-left text in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE
// ---------------------------------------------------------------------------------------------

fn is_rtl(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
}

fn is_strong_ltr(c: char) -> bool {
    c.is_alphabetic() && !is_rtl(c)
}

/// `1. بیات ک. توفان …, 1388 [2009].` has an RTL first strong character, so a bidi-aware viewer
/// would lay the whole line out right-to-left and scramble the Cyrillic/Latin punctuation.
/// Isolating each maximal RTL run (RTL letters plus the neutrals/digits *between* them) keeps
/// the paragraph LTR and the Persian run intact. Do this on the rendered string, not on the
/// input fields: an isolate character inside a given name would become its "initial".
fn isolate_rtl(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 16);
    let mut i = 0;
    while i < chars.len() {
        if is_rtl(chars[i]) {
            // extend to the last RTL char reachable without crossing a strong LTR char
            let mut end = i;
            let mut j = i + 1;
            while j < chars.len() && !is_strong_ltr(chars[j]) {
                if is_rtl(chars[j]) {
                    end = j;
                }
                j += 1;
            }
            out.push('\u{2068}');
            out.extend(&chars[i..=end]);
            out.push('\u{2069}');
            i = end + 1;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// For terminals/tests: show the isolates as visible markers.
fn show_isolates(s: &str) -> String {
    s.replace('\u{2068}', "⁅").replace('\u{2069}', "⁆")
}

// ---------------------------------------------------------------------------------------------

fn print_list(title: &str, lines: &[String]) {
    println!("### {title}");
    for l in lines {
        println!("{}", show_isolates(l));
    }
    println!();
}

fn main() {
    let locales = all_locales();
    let gost = load_gost();
    let gost_items = demo_items(true);
    let other_items = demo_items(false);

    // (a) GOST, whole list with Russian terms
    let a = render_numeric_per_entry(&gost, &locales, &gost_items, |_| LocaleCode("ru-RU".into()));
    print_list("(a) GOST archival, ru-RU for every entry", &a);

    // (b) GOST, whole list with Azerbaijani terms
    let b = render_numeric_per_entry(&gost, &locales, &gost_items, |_| LocaleCode("az-AZ".into()));
    print_list("(b) GOST archival, az-AZ for every entry", &b);

    // (a') GOST, terms in each entry's own language (document locale ru-RU as fallback)
    let own = render_numeric_per_entry(&gost, &locales, &gost_items, |e| {
        term_locale(e.lang, "ru-RU")
    });
    print_list(
        "(a') GOST archival, each entry in its own language (fallback ru-RU)",
        &own,
    );

    // (c) bundled Chicago notes-bibliography, en-US
    let chicago = bundled(ArchivedStyle::ChicagoNotes);
    let (notes, bib) = render_single_driver(&chicago, &locales, &other_items, "en-US");
    print_list(
        "(c) Chicago notes-bibliography (bundled), en-US — notes",
        &notes,
    );
    print_list(
        "(c) Chicago notes-bibliography (bundled), en-US — bibliography",
        &bib,
    );

    // (d) bundled APA, en-US
    let apa = bundled(ArchivedStyle::AmericanPsychologicalAssociation);
    let (cites, bib) = render_single_driver(&apa, &locales, &other_items, "en-US");
    print_list("(d) APA 7 (bundled), en-US — in-text", &cites);
    print_list("(d) APA 7 (bundled), en-US — references", &bib);

    // Citation with a page locator in GOST: "[7, с. 33]" / "[7, s. 33]"
    for lang in ["ru-RU", "az-AZ"] {
        let e = &gost_items[6].item;
        let loc = hayagriva::SpecificLocator(
            hayagriva::citationberg::taxonomy::Locator::Page,
            hayagriva::LocatorPayload::Str("33"),
        );
        let mut d = BibliographyDriver::new().with_citation_number_offset(6);
        d.citation(CitationRequest::new(
            vec![CitationItem::with_locator(e, Some(loc))],
            &gost,
            Some(LocaleCode(lang.into())),
            &locales,
            None,
        ));
        let r = d.finish(BibliographyRequest::new(
            &gost,
            Some(LocaleCode(lang.into())),
            &locales,
        ));
        let mut s = String::new();
        r.citations[0]
            .citation
            .write_buf(&mut s, BufWriteFormat::Plain)
            .unwrap();
        println!("GOST in-text citation with locator, {lang}: {s}");
    }
}
