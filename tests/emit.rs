//! The emitters over our fixture list (fixtures/convert/list.md): every
//! format's output verbatim as an insta snapshot, the findings, rendered
//! lists, and the properties every output must have (archival entries
//! complete, Hijri years shown, RTL isolated, hayagriva reads its YAML back).

use std::path::{Path, PathBuf};

use istinad::emit::{self, Format, KeyStyle, Locale, Options, Output, Style};
use istinad::model::{Reference, ReferenceKind};
use istinad::{Source, Vocabulary};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/convert")
        .join(name)
}

/// The fixture list, split and parsed as `istinad convert` would.
pub(crate) fn list() -> Vec<Reference> {
    let path = fixture("list.md");
    let text = std::fs::read_to_string(&path).expect("fixtures/convert/list.md");
    let source = Source::new("list.md", text);
    let vocab = Vocabulary::builtin();
    let document = istinad::split::split(&source, &vocab);
    let references = istinad::parse::parse_references(&source, &document, &vocab);
    assert_eq!(
        references.len(),
        55,
        "fixtures/convert/list.md has 55 entries"
    );
    references
}

pub(crate) fn convert(
    references: &[Reference],
    format: Format,
) -> (String, Vec<istinad::Diagnostic>) {
    emit::convert(references, format, &Options::default()).expect("converted")
}

fn findings_text(findings: &[istinad::Diagnostic]) -> String {
    findings
        .iter()
        .map(|d| {
            format!(
                "{} {} [{}] entry {}: {}\n",
                d.code(),
                d.severity.as_str(),
                d.name(),
                d.reference.unwrap_or(0),
                d.message
            )
        })
        .collect()
}

fn snapshot_format(format: Format) {
    let references = list();
    let (text, findings) = convert(&references, format);
    let name = format.name();
    insta::assert_snapshot!(format!("list.{name}"), text);
    insta::assert_snapshot!(format!("list.{name}.findings"), findings_text(&findings));
    // Every finding names its entry and points at its text.
    for d in &findings {
        let r = references
            .iter()
            .find(|r| Some(r.number) == d.reference)
            .expect("finding names an entry");
        assert_eq!(d.span, r.span);
        assert!(matches!(d.code(), "E001" | "E002"), "{d:?}");
    }
}

#[test]
fn biblatex_snapshot() {
    snapshot_format(Format::Biblatex);
}

#[test]
fn bibtex_snapshot() {
    snapshot_format(Format::Bibtex);
}

#[test]
fn csl_json_snapshot() {
    snapshot_format(Format::CslJson);
}

#[test]
fn hayagriva_snapshot() {
    snapshot_format(Format::Hayagriva);
}

#[test]
fn ris_snapshot() {
    snapshot_format(Format::Ris);
}

#[test]
fn number_keys() {
    let references = list();
    let keys = emit::keys(&references, KeyStyle::Number);
    assert_eq!(keys[0], "ref1");
    assert_eq!(keys[54], "ref55");
    let readable = emit::keys(&references, KeyStyle::Readable);
    insta::assert_snapshot!("list.keys", readable.join("\n"));
    let mut unique = readable.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), readable.len(), "keys are unique");
    assert!(
        readable.iter().all(|k| k
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())),
        "keys are lower-case ASCII letters and digits"
    );
    // Stable: the same list gives the same keys.
    assert_eq!(readable, emit::keys(&list(), KeyStyle::Readable));
}

/// Every entry of fixtures/references (valid and invalid), numbered in order.
pub(crate) fn all_fixture_entries() -> Vec<Reference> {
    let vocab = Vocabulary::builtin();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/references");
    let mut references = Vec::new();
    for sub in ["valid", "invalid"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join(sub))
            .expect("fixture dir")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        files.sort();
        for path in files {
            let text = std::fs::read_to_string(&path).expect("fixture");
            let table: toml::Table = toml::from_str(&text).expect("TOML");
            for case in table["case"].as_array().expect("[[case]]") {
                let text = case["text"].as_str().expect("text");
                let mut r = istinad::parse::parse_reference(text, &vocab);
                r.number = u32::try_from(references.len() + 1).expect("number");
                references.push(r);
            }
        }
    }
    assert!(references.len() > 300);
    references
}

/// Every fixture entry goes through every format and style without an
/// error or a panic.
#[test]
fn every_fixture_entry_converts_and_renders() {
    let references = all_fixture_entries();
    for format in Format::ALL {
        let (text, _) = convert(&references, format);
        assert!(!text.is_empty());
    }
    for style in Style::ALL {
        let text = emit::render(&references, style, Locale::En).expect("rendered");
        assert_eq!(text.lines().count(), references.len(), "{style:?}");
    }
}

#[test]
fn write_matches_convert() {
    let references = list();
    for format in Format::ALL {
        let mut out = Vec::new();
        let findings =
            emit::write(&references, format, &Options::default(), &mut out).expect("written");
        let (text, expected) = convert(&references, format);
        assert_eq!(String::from_utf8(out).expect("UTF-8"), text, "{format:?}");
        assert_eq!(findings, expected);
    }
}

/// Issue 12's bound: CSL-JSON, BibTeX, BibLaTeX and RIS reach the writer
/// record by record as they are made, never as one text of the whole list
/// (which, with the items before it, doubled `convert`'s peak memory on a
/// big list). Counted in the writes the writer sees: none holds more than
/// a few records.
#[test]
fn every_streamed_format_is_written_as_it_is_made() {
    /// Records the largest single write.
    struct Largest(Vec<u8>, usize);
    impl std::io::Write for Largest {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.1 = self.1.max(buf.len());
            self.0.extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let references = list();
    for format in [
        Format::CslJson,
        Format::Bibtex,
        Format::Biblatex,
        Format::Ris,
    ] {
        let mut out = Largest(Vec::new(), 0);
        emit::write(&references, format, &Options::default(), &mut out).expect("written");
        let (text, _) = convert(&references, format);
        assert_eq!(String::from_utf8(out.0).expect("UTF-8"), text);
        let per_item = text.len() / references.len();
        assert!(
            out.1 <= 4 * per_item,
            "{format:?}: a write of {} bytes: the list was made whole ({} bytes an item)",
            out.1,
            per_item
        );
    }
}

// ------------------------------------------------------------------ rendered lists

fn render(style: Style, locale: Locale) -> String {
    emit::render(&list(), style, locale).expect("rendered")
}

#[test]
fn render_gost_ru_snapshot() {
    insta::assert_snapshot!("render.gost-ru", render(Style::Gost, Locale::Ru));
}

#[test]
fn render_gost_az_snapshot() {
    insta::assert_snapshot!("render.gost-az", render(Style::Gost, Locale::Az));
}

#[test]
fn render_chicago_en_snapshot() {
    insta::assert_snapshot!("render.chicago-en", render(Style::Chicago, Locale::En));
}

#[test]
fn render_apa_en_snapshot() {
    insta::assert_snapshot!("render.apa-en", render(Style::Apa, Locale::En));
}

fn render_as(style: Style, locale: Locale, output: Output) -> Vec<u8> {
    emit::render_to(&list(), style, locale, output).expect("rendered")
}

#[test]
fn render_markdown_and_html_snapshots() {
    for (style, locale, name) in [
        (Style::Apa, Locale::En, "apa-en"),
        (Style::Gost, Locale::Ru, "gost-ru"),
    ] {
        for output in [Output::Markdown, Output::Html] {
            let text = String::from_utf8(render_as(style, locale, output)).expect("UTF-8");
            insta::assert_snapshot!(format!("render.{name}.{}", output.name()), text);
        }
    }
}

/// A `.docx`'s `word/document.xml`.
fn docx_xml(bytes: Vec<u8>) -> String {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .expect("word/document.xml")
        .read_to_string(&mut xml)
        .expect("UTF-8");
    xml
}

/// The paragraphs of a `.docx`'s `word/document.xml`, as text.
fn docx_paragraphs(bytes: Vec<u8>) -> Vec<String> {
    let xml = docx_xml(bytes);
    let tags = regex::Regex::new(r"<[^>]*>").expect("regex");
    xml.split("</w:p>")
        .filter_map(|p| p.split_once("<w:p>").map(|(_, body)| body))
        .map(|p| {
            tags.replace_all(p, "")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
        })
        .collect()
}

/// Every rich output holds the plain list's text; italics are kept.
#[test]
fn every_output_holds_the_text_of_the_plain_list() {
    for style in Style::ALL {
        let text = render(style, Locale::En);
        let lines: Vec<&str> = text.lines().collect();
        let docx = docx_paragraphs(render_as(style, Locale::En, Output::Docx));
        assert_eq!(docx, lines, "{style:?}");
        // GOST sets nothing in italics; Chicago and APA set titles so.
        if style == Style::Gost {
            continue;
        }
        let xml_italic = docx_xml(render_as(style, Locale::En, Output::Docx)).contains("<w:i/>");
        assert!(xml_italic, "{style:?}: no italics in the .docx");
        let html = String::from_utf8(render_as(style, Locale::En, Output::Html)).expect("UTF-8");
        assert!(html.contains("<i>"), "{style:?}: no italics in HTML");
        let rtf = String::from_utf8(render_as(style, Locale::En, Output::Rtf)).expect("ASCII");
        assert!(rtf.is_ascii() && rtf.contains("{\\i "), "{style:?}: {rtf}");
    }
}

/// LibreOffice opens the `.docx` and converts it back to the plain list's
/// text. Like the client tests, fails where `soffice` is missing
/// (`bash .ci/install-deps.sh` installs `libreoffice-writer`), unless
/// `ISTINAD_SKIP_CLIENTS=1`.
#[test]
#[allow(clippy::print_stderr)]
fn libreoffice_reads_the_docx_back_to_the_text() {
    if std::env::var("ISTINAD_SKIP_CLIENTS").is_ok_and(|v| v.trim() == "1") {
        eprintln!("libreoffice_reads_the_docx_back_to_the_text: skipped (ISTINAD_SKIP_CLIENTS=1)");
        return;
    }
    let runs = std::process::Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        runs,
        "`soffice` is not installed: run `bash .ci/install-deps.sh`, or set ISTINAD_SKIP_CLIENTS=1"
    );
    let dir = tempfile::tempdir().expect("scratch directory");
    let docx = dir.path().join("list.docx");
    std::fs::write(&docx, render_as(Style::Gost, Locale::Ru, Output::Docx)).expect("written");
    let status = std::process::Command::new("soffice")
        .args([
            "--headless",
            "--convert-to",
            "txt:Text (encoded):UTF8",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(&docx)
        .env("HOME", dir.path())
        .status()
        .expect("soffice runs");
    assert!(status.success());
    let back = std::fs::read_to_string(dir.path().join("list.txt")).expect("list.txt");
    let back = back.trim_start_matches('\u{FEFF}').replace("\r\n", "\n");
    assert_eq!(back.trim_end(), render(Style::Gost, Locale::Ru).trim_end());
}

#[test]
fn every_style_renders_every_entry_in_every_locale() {
    let references = list();
    for style in Style::ALL {
        for locale in Locale::ALL {
            let text = emit::render(&references, style, locale).expect("rendered");
            assert_eq!(
                text.lines().count(),
                references.len(),
                "{style:?} {locale:?}"
            );
            assert!(
                text.lines().all(|l| !l.trim().is_empty()),
                "{style:?} {locale:?}"
            );
        }
    }
}

/// The text a reader compares: isolates removed, dashes as hyphens.
fn plain(text: &str) -> String {
    text.replace(['\u{2068}', '\u{2069}'], "").replace('–', "-")
}

#[test]
fn archival_entries_are_complete_in_every_style() {
    let references = list();
    let archival: Vec<&Reference> = references
        .iter()
        .filter(|r| r.kind == ReferenceKind::Archival)
        .collect();
    assert_eq!(archival.len(), 12);
    for style in Style::ALL {
        for r in &archival {
            let text = plain(
                &emit::render(std::slice::from_ref(*r), style, Locale::En).expect("rendered"),
            );
            let a = r.archive.as_ref().expect("archive");
            let parts = [
                &a.name,
                &a.fond,
                &a.inventory,
                &a.file,
                &a.item,
                &a.box_,
                &a.leaves,
            ];
            for part in parts.into_iter().flatten() {
                assert!(
                    text.contains(part.as_str()),
                    "{style:?}, entry {}: `{part}` missing from `{text}`",
                    r.number
                );
            }
            if let Some(title) = &r.title {
                assert!(text.contains(title.as_str()), "{style:?}: {text}");
            }
        }
    }
}

#[test]
fn hijri_years_are_shown_beside_the_gregorian_ones() {
    let references = list();
    for style in Style::ALL {
        let text = emit::render(&references, style, Locale::En).expect("rendered");
        for r in &references {
            let (Some(o), Some(y)) = (r.original_year, r.year) else {
                continue;
            };
            // With a full date Chicago and APA print a Gregorian day and
            // month; a Hijri year beside them would be wrong.
            if style != Style::Gost && r.date.is_some() {
                continue;
            }
            let shown = format!("{} [{y}", o.year);
            assert!(
                text.contains(&shown),
                "{style:?}, entry {}: `{shown}` missing",
                r.number
            );
        }
    }
}

#[test]
fn gost_numbers_are_the_list_numbers_and_terms_the_entry_language() {
    let text = render(Style::Gost, Locale::Ru);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 55);
    for (i, line) in lines.iter().enumerate() {
        assert!(line.starts_with(&format!("{}. ", i + 1)), "{line}");
    }
    // Russian volume and page terms for Russian entries, Azerbaijani ones
    // for Azerbaijani entries, whatever the document locale.
    for locale in [Locale::Ru, Locale::Az] {
        let text = render(Style::Gost, locale);
        assert!(text.contains("Москва : Госполитздат, 1959. Т. 2."));
        assert!(text.contains("Bakı : Elm, 2001. C. 5. 664 s."));
    }
    // Entries without a language take the document locale.
    assert!(render(Style::Gost, Locale::Az).contains("[Elektron resurs]"));
    assert!(render(Style::Gost, Locale::Ru).contains("[Электронный ресурс]"));
}

#[test]
fn rtl_runs_are_isolated_and_balanced() {
    for style in Style::ALL {
        let text = render(style, Locale::Ru);
        for line in text.lines() {
            let opens = line.matches('\u{2068}').count();
            assert_eq!(opens, line.matches('\u{2069}').count(), "{line}");
            let rtl = line
                .chars()
                .any(|c| matches!(c as u32, 0x0600..=0x06FF | 0xFB50..=0xFDFF));
            assert_eq!(rtl, opens > 0, "{style:?}: {line}");
        }
    }
}

// ------------------------------------------------------------------ hayagriva reads its YAML back

#[test]
fn hayagriva_reads_the_yaml_back_to_the_same_entries() {
    let references = list();
    let (yaml, _) = convert(&references, Format::Hayagriva);
    let read = hayagriva::io::from_yaml_str(&yaml).expect("hayagriva reads our YAML");
    let (written, _) = emit::hayagriva::to_library(&references, &Options::default());
    assert_eq!(read.len(), references.len());
    for (ours, theirs) in written.iter().zip(read.iter()) {
        assert_eq!(ours, theirs, "entry `{}`", ours.key());
    }
    assert_eq!(hayagriva::io::to_yaml_str(&read).expect("yaml"), yaml);
}

#[test]
fn hayagriva_renders_every_entry_of_the_yaml() {
    let (yaml, _) = convert(&list(), Format::Hayagriva);
    let library = hayagriva::io::from_yaml_str(&yaml).expect("hayagriva reads our YAML");
    let style = match hayagriva::archive::ArchivedStyle::ChicagoAuthorDate.get() {
        hayagriva::citationberg::Style::Independent(s) => s,
        hayagriva::citationberg::Style::Dependent(_) => panic!("bundled style is independent"),
    };
    let locales = hayagriva::archive::locales();
    let mut driver = hayagriva::BibliographyDriver::new();
    for entry in library.iter() {
        driver.citation(hayagriva::CitationRequest::from_items(
            vec![hayagriva::CitationItem::with_entry(entry)],
            &style,
            &locales,
        ));
    }
    let rendered = driver.finish(hayagriva::BibliographyRequest::new(&style, None, &locales));
    let items = rendered.bibliography.expect("bibliography").items;
    assert_eq!(items.len(), library.len());
    let mut archival = 0;
    for item in &items {
        let mut text = String::new();
        item.content
            .write_buf(&mut text, hayagriva::BufWriteFormat::Plain)
            .expect("plain text");
        assert!(!text.trim().is_empty(), "{} renders empty", item.key);
        let entry = library
            .get(&item.key)
            .expect("rendered entry is in the library");
        if let Some(location) = entry.archive_location() {
            archival += 1;
            // Chicago capitalises a location that starts the entry (`F. 28`).
            let location = location.value.to_str().to_lowercase();
            assert!(text.to_lowercase().contains(&location), "{text}");
        }
    }
    assert_eq!(archival, 12);
}
