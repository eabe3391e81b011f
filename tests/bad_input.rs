//! Input that is not a manuscript, or is one at the edge: invalid UTF-8,
//! empty and blank text, binary files, corrupt .docx packages, a very long
//! line and a very long list; and the real .docx fixtures through the CLI.
//!
//! The big inputs are generated (tests/generate.rs), never stored. A debug
//! build runs the whole pipeline at about 1 MB a second (the 10 MB line
//! takes 10 s, the 100 000-entry list 20 s), so by default they are 1 MB and
//! 10 000 entries, run through the library. With `ISTINAD_BIG=1` the full
//! sizes also run through the release CLI (built here with `cargo build
//! --release`): the 10 MB line, a 10 MB manuscript citing a 1 000-entry
//! list, and the 100 000-entry list. Each run prints its wall time and peak
//! memory (`/usr/bin/time -v`) — measured, never asserted:
//! `ISTINAD_BIG=1 cargo test --test main big -- --nocapture`.

use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use istinad::{Config, Error, Source};

use crate::generate::{KINDS, list, long_line};
use crate::properties::report_is_sound;
use crate::support::{istinad, repo};

/// Runs the CLI on `bytes` written to a file named `name` (the extension
/// chooses the reader, as it does for a user's file).
fn istinad_file(name: &str, bytes: &[u8], args: &[&str]) -> (i32, String, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    let path = path.display().to_string();
    let mut all = args.to_vec();
    all.push(&path);
    istinad(&all, None)
}

/// `stderr` as one line: miette wraps long messages and draws a margin.
fn flat(stderr: &str) -> String {
    stderr
        .split(|c: char| c.is_whitespace() || c == '│')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn read(name: &str, bytes: &[u8]) -> Result<Source, Error> {
    istinad::input::read_bytes(name, bytes)
}

// ---------------------------------------------------------------------------
// Encodings

#[test]
fn invalid_utf8_is_an_error_naming_the_byte_offset() {
    let cp1251_heading = [0xcb, 0xe8, 0xf2, 0xe5, 0xf0, 0xe0, 0xf2, 0xf3, 0xf0, 0xe0]; // Литература
    let mut truncated = "Bakı ".as_bytes().to_vec();
    truncated.push("ə".as_bytes()[0]);
    let mut lone = "ƏDƏBİYYAT\n".as_bytes().to_vec();
    lone.push(0x80);
    // A UTF-16 file with its byte-order mark was here; it is now named as
    // UTF-16 (`utf16_is_named_with_a_hint`).
    let cases: [(&[u8], usize); 5] = [
        (b"abc\xffdef", 3),
        (&cp1251_heading, 0),
        // An overlong encoding of `/`.
        (b"(1, s.\xc0\xaf5)", 6),
        // A multi-byte character cut off at the end of the file.
        (&truncated, 6),
        // A lone continuation byte after valid Azerbaijani text.
        (&lone, "ƏDƏBİYYAT\n".len()),
    ];
    for (bytes, offset) in cases {
        for name in ["m.md", "m.txt", "m"] {
            let err = read(name, bytes).expect_err("not UTF-8");
            assert!(
                matches!(err, Error::Encoding { offset: o, .. } if o == offset),
                "{bytes:?}: {err:?}"
            );
            let message = err.to_string();
            assert!(
                message.contains(&format!("byte offset {offset}")) && message.contains(name),
                "{message}"
            );
        }
    }
    let (code, stdout, stderr) = istinad_file("m.md", b"abc\xffdef", &["check"]);
    let stderr = flat(&stderr);
    assert_eq!(code, 2);
    assert!(stdout.is_empty(), "{stdout}");
    assert!(
        stderr.contains("not valid UTF-8") && stderr.contains("byte offset 3"),
        "{stderr}"
    );
}

#[test]
fn empty_and_blank_input_is_an_empty_document() {
    for text in [
        "",
        " ",
        "\n",
        "\r",
        "\r\n\r\n",
        "\t \u{a0}\n",
        "\u{feff}",
        "\u{feff}\n \r",
        "\u{200c}\u{200f}\u{2028}",
    ] {
        let source = read("m.md", text.as_bytes()).expect("blank text is text");
        let report = istinad::check(&source, &Config::default());
        report_is_sound(text, &report);
        assert!(report.references.is_empty() && report.citations.is_empty());
        let names: Vec<_> = report.diagnostics.iter().map(|d| d.name()).collect();
        assert_eq!(names, ["empty-document"], "{text:?}");
        let refs = istinad::read_references(&source, &Config::default());
        assert_eq!(refs.diagnostics.len(), 1, "{text:?}");
        let (code, stdout, _) = istinad(&["check", "-", "--format", "json"], Some(text));
        assert_eq!(code, 0, "{text:?}");
        let v: serde_json::Value = serde_json::from_str(&stdout).expect("json");
        assert_eq!(v["diagnostics"][0]["name"], "empty-document");
        for args in [
            &["check", "-"][..],
            &["refs", "-"],
            &["convert", "-", "--to", "csl-json"],
            &["render", "-"],
        ] {
            assert_eq!(istinad(args, Some(text)).0, 0, "{args:?} {text:?}");
        }
    }
}

#[test]
fn binary_input_is_a_clear_error() {
    // UTF-16 without a byte-order mark (valid UTF-8, full of NULs) was
    // here; it is now named as UTF-16 (`utf16_is_named_with_a_hint`).
    let cases: [(&[u8], usize); 3] = [
        (b"\0", 0),
        (b"%PDF-1.4\n%\xc3\xa4\n\0\0", 13),
        ("Bax (1, s. 5).\n\n## ƏDƏBİYYAT\n\n1. ARDA\0".as_bytes(), 40),
    ];
    for (bytes, offset) in cases {
        let err = read("m.md", bytes).expect_err("binary");
        assert!(
            matches!(err, Error::Binary { offset: o, .. } if o == offset),
            "{bytes:?}: {err:?}"
        );
        let message = err.to_string();
        assert!(
            message.contains("binary") && message.contains(&format!("offset {offset}")),
            "{message}"
        );
        for args in [
            &["check"][..],
            &["refs"],
            &["convert", "--to", "ris"],
            &["render"],
        ] {
            let (code, stdout, stderr) = istinad_file("m.md", bytes, args);
            let stderr = flat(&stderr);
            assert_eq!(code, 2, "{args:?}");
            assert!(stdout.is_empty(), "{stdout}");
            assert!(
                stderr.contains("binary")
                    && stderr.contains(&format!("NUL byte at offset {offset}")),
                "{stderr}"
            );
        }
    }
}

// ---------------------------------------------------------------------------
// .docx packages

fn fixture_docx(name: &str) -> Vec<u8> {
    std::fs::read(repo("fixtures/manuscripts/docx").join(name)).expect("docx fixture")
}

/// A zip package holding `parts` (name, content), stored uncompressed.
fn zip(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, content) in parts {
        writer.start_file(*name, options).expect("zip entry");
        writer.write_all(content).expect("zip write");
    }
    writer.finish().expect("zip").into_inner()
}

/// The message of the error reading `bytes` as `name`.
fn docx_error(name: &str, bytes: &[u8]) -> String {
    match read(name, bytes) {
        Err(err @ Error::Docx { .. }) => err.to_string(),
        other => panic!("expected a .docx error, got {other:?}"),
    }
}

const CONTENT_TYPES: &[u8] = br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#;

#[test]
fn corrupt_docx_is_an_error_naming_the_part() {
    // Not a zip at all, though named .docx, or with a zip signature only.
    for bytes in [&b"PK\x03\x04garbage"[..], b"1. ARDA: f. 28\n", b""] {
        let message = docx_error("m.docx", bytes);
        assert!(message.contains("not a zip archive"), "{message}");
    }
    // A real manuscript cut in half: the zip's central directory is gone.
    let az = fixture_docx("az-gilan-1920.docx");
    let message = docx_error("m.docx", &az[..az.len() / 2]);
    assert!(message.contains("not a zip archive"), "{message}");
    // A legacy .doc (an OLE compound file).
    let message = docx_error("m.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0\0\0");
    assert!(message.contains("legacy .doc"), "{message}");
    // A zip without the main document part.
    let package = zip(&[
        ("[Content_Types].xml", CONTENT_TYPES),
        ("word/styles.xml", b"<w:styles/>"),
    ]);
    let message = docx_error("m.docx", &package);
    assert!(message.contains("`word/document.xml`"), "{message}");
    // The main part is not well-formed XML.
    let package = zip(&[
        ("[Content_Types].xml", CONTENT_TYPES),
        (
            "word/document.xml",
            br#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>x</w:r></w:p>"#,
        ),
    ]);
    let message = docx_error("m.docx", &package);
    assert!(
        message.contains("malformed XML in part `word/document.xml`"),
        "{message}"
    );
    // The real package with the compressed bytes of its main part damaged.
    let damaged = damage_part(&az, "word/document.xml");
    let message = docx_error("m.docx", &damaged);
    assert!(
        message.contains("`word/document.xml`"),
        "the message names the damaged part: {message}"
    );
    // The CLI: exit 2, the file and the part named.
    let (code, stdout, stderr) = istinad_file("m.docx", &damaged, &["check"]);
    let stderr = flat(&stderr);
    assert_eq!(code, 2);
    assert!(stdout.is_empty(), "{stdout}");
    // miette may wrap the part's name at its `/`.
    assert!(
        stderr.contains("m.docx") && stderr.replace("/ ", "/").contains("word/document.xml"),
        "{stderr}"
    );
    let (code, _, stderr) = istinad_file("m.docx", &package, &["refs"]);
    let stderr = flat(&stderr);
    assert_eq!(code, 2);
    assert!(
        stderr.replace("/ ", "/").contains("word/document.xml"),
        "{stderr}"
    );
}

/// `package` with bytes in the middle of `part`'s compressed data inverted.
fn damage_part(package: &[u8], part: &str) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(package)).expect("zip");
    let (start, size) = {
        let mut file = archive.by_name(part).expect("part");
        let mut sink = Vec::new();
        file.read_to_end(&mut sink).expect("intact part reads");
        (file.data_start() as usize, file.compressed_size() as usize)
    };
    assert!(size > 64, "{part} is large enough to damage");
    let mut bytes = package.to_vec();
    for b in &mut bytes[start + size / 2..start + size / 2 + 16] {
        *b = !*b;
    }
    bytes
}

/// `refs` and `check` JSON of a .docx fixture, read through the CLI, with
/// every span checked against the text the library reads from the file.
fn cli_json(path: &Path) -> (serde_json::Value, serde_json::Value) {
    let shown = path.display().to_string();
    let run = |command: &str| {
        let (code, stdout, stderr) = istinad(&[command, &shown, "--format", "json"], None);
        assert_eq!(code, 0, "{command} {shown}: {stderr}");
        serde_json::from_str::<serde_json::Value>(&stdout).expect("json")
    };
    let (refs, check) = (run("refs"), run("check"));
    let text = istinad::input::read_path(path).expect("docx");
    json_spans_match(text.text(), &refs, &check);
    (refs, check)
}

/// One string field of every object in a JSON report's array: the `raw` of
/// each reference, the `text` of each citation, the `name` of each finding.
fn column<'a>(v: &'a serde_json::Value, array: &str, field: &str) -> Vec<&'a str> {
    v[array]
        .as_array()
        .unwrap_or_else(|| panic!("{array}"))
        .iter()
        .map(|item| item[field].as_str().unwrap_or_else(|| panic!("{field}")))
        .collect()
}

/// Every span of a JSON report is a range of the text the .docx reads as.
fn json_spans_match(text: &str, refs: &serde_json::Value, check: &serde_json::Value) {
    let span = |v: &serde_json::Value| {
        let n = |k: &str| v[k].as_u64().expect("offset") as usize;
        n("start")..n("end")
    };
    for r in refs["references"].as_array().expect("references") {
        assert_eq!(text.get(span(&r["span"])), r["raw"].as_str());
    }
    for c in check["citations"].as_array().expect("citations") {
        assert_eq!(text.get(span(&c["span"])), c["text"].as_str());
    }
    for d in check["diagnostics"].as_array().expect("diagnostics") {
        assert!(text.get(span(&d["span"])).is_some(), "{d}");
    }
}

#[test]
fn azerbaijani_docx_reads_its_list_and_a_citation_split_across_runs() {
    let path = repo("fixtures/manuscripts/docx/az-gilan-1920.docx");
    let (refs, check) = cli_json(&path);
    // The ƏDƏBİYYAT list: 8 auto-numbered entries (w:numPr), mixed kinds
    // and scripts; the footnote after the list is not part of entry 8.
    assert_eq!(
        column(&refs, "references", "raw"),
        [
            "ARDA: f. 28. siy. 1. iş 72",
            "ARPİİSPDA: f. 609. siy. 1. iş 25, v. 3–7",
            "Həsənli C. Azərbaycan Xalq Cümhuriyyətinin xarici siyasəti (1918–1920). Bakı: Qartal, 1998.",
            "Mahmudov Y. Azərbaycan diplomatiyası. Bakı: Təhsil, 2006.",
            "Генис В.Л. Красная Персия. Большевики в Гиляне. 1920–1921. Документальная хроника. М.: МНПИ, 2000.",
            "کاوه بیات (1388). توفان بر فراز قفقاز. تهران",
            "Atabaki T. Azerbaijan: Ethnicity and the Struggle for Power in Iran. London: I.B. Tauris, 1993.",
            "Kommunist (Bakı), 1920, 14 iyun, № 42.",
        ]
    );
    let first = &refs["references"][0];
    assert_eq!(first["kind"], "archival");
    let archive = &first["archive"];
    assert_eq!(
        [
            &archive["name"],
            &archive["fond"],
            &archive["inventory"],
            &archive["file"]
        ],
        ["ARDA", "28", "1", "72"]
    );
    assert_eq!(refs["references"][4]["language"], "ru");
    assert_eq!(refs["references"][5]["language"], "fa");
    assert_eq!(refs["references"][5]["year"], 2009);
    assert_eq!(refs["references"][7]["kind"], "newspaper");
    // `(5, s.329)` is split across runs (`s.329)` in italics); the table's
    // citations are read too.
    assert_eq!(
        column(&check, "citations", "text"),
        [
            "(3, s.45)",
            "(1)",
            "(2, v. 5)",
            "(6, s. 87)",
            "(5, s.329)",
            "(8)",
            "(3, s.45)",
            "(4, s.112)",
            "(7, p. 61)",
        ]
    );
    assert_eq!(column(&check, "diagnostics", "name"), Vec::<&str>::new());
}

#[test]
fn russian_docx_reads_its_list_and_keeps_footnotes_out_of_it() {
    let path = repo("fixtures/manuscripts/docx/ru-mugan-snoski.docx");
    let (refs, check) = cli_json(&path);
    let raws = column(&refs, "references", "raw");
    assert_eq!(raws.len(), 5, "{raws:#?}");
    assert!(raws[0].starts_with("Вольская Е.В. Переселенческое дело на Мугани."));
    assert_eq!(
        raws[4],
        "Swietochowski T. Russian Azerbaijan, 1905–1920. Cambridge: Cambridge University Press, 1985."
    );
    assert_eq!(
        column(&refs, "references", "kind"),
        ["book", "book", "article", "book", "book"]
    );
    // `[4, с. 118]` is split across runs.
    assert_eq!(
        column(&check, "citations", "text"),
        ["[3, с. 52]", "[5, p. 41]", "[4, с. 118]", "[1, с. 9–11]"]
    );
    assert_eq!(column(&check, "diagnostics", "name"), ["uncited-reference"]);
}

#[test]
fn persian_docx_reads_its_list_and_persian_digit_citations() {
    let path = repo("fixtures/manuscripts/docx/fa-mohajerat-baku.docx");
    let (refs, check) = cli_json(&path);
    let raws = column(&refs, "references", "raw");
    assert_eq!(raws.len(), 4, "{raws:#?}");
    assert_eq!(raws[0], "کاوه بیات (1388). توفان بر فراز قفقاز. تهران");
    assert_eq!(
        column(&refs, "references", "language"),
        ["fa", "fa", "en", "fa"]
    );
    assert_eq!(
        column(&check, "citations", "text"),
        ["(۱، ص ۴۵)", "(۲، ص ۱۱۲)", "(3, p. 67)", "(۴، ص ۲۰۳)"]
    );
    assert_eq!(column(&check, "diagnostics", "name"), Vec::<&str>::new());
}

// ---------------------------------------------------------------------------
// Big inputs

fn big() -> bool {
    std::env::var_os("ISTINAD_BIG").is_some_and(|v| v == "1")
}

/// Sizes for the library run: small enough for a debug build.
const LINE_BYTES: usize = 1024 * 1024;
const LIST_ENTRIES: usize = 10_000;
/// Sizes for the release CLI under `ISTINAD_BIG=1`.
const BIG_LINE_BYTES: usize = 10 * 1024 * 1024;
const BIG_LIST_ENTRIES: usize = 100_000;

#[test]
fn big_single_line_completes() {
    // One line of prose with two citations a sentence, no list.
    let line = long_line(LINE_BYTES);
    let sentences = line.len() / crate::generate::SENTENCE.len();
    let report = istinad::check(&Source::new("line.md", line.as_str()), &Config::default());
    report_is_sound(&line, &report);
    assert_eq!(report.citations.len(), 2 * sentences);
    assert_eq!(diagnostic_names_of(&report), ["missing-reference-section"]);
    // The same line as one entry of a list: kept whole, reported as too long.
    let text = format!("## ƏDƏBİYYAT\n\n1. {line}\n");
    let report = istinad::check(&Source::new("entry.md", text.as_str()), &Config::default());
    report_is_sound(&text, &report);
    assert_eq!(report.references.len(), 1);
    assert_eq!(report.references[0].raw.len(), line.trim_end().len());
    assert_eq!(diagnostic_names_of(&report), ["unparsed-reference"]);
    if big() {
        big_line_and_manuscript_through_the_release_cli();
    }
}

/// A body longer than one scan window (2 MB) is scanned and checked
/// window by window, its citations written as they come (issue 12: the
/// 100 MB line held 3·10⁶ citations, 1.5 GB). Through the CLI: every
/// citation found once, in order, each where its text is; each finding
/// of each; the same findings in the JSON and the concise report.
#[test]
fn a_body_longer_than_a_scan_window_is_checked_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("line.md");
    let line = long_line(3 * 1024 * 1024 + 100);
    let text = crate::generate::cited_line(line.len());
    std::fs::write(&path, &text).expect("write");
    let path = path.to_str().expect("utf-8 path");
    let (_, json, _) = crate::support::istinad(&["check", "--format", "json", path], None);
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    let sentences = line.len() / crate::generate::SENTENCE.len();
    let cites = v["citations"].as_array().expect("citations");
    assert_eq!(cites.len(), 2 * sentences);
    let mut end = 0;
    for c in cites {
        let (s, e) = (
            c["span"]["start"].as_u64().expect("start") as usize,
            c["span"]["end"].as_u64().expect("end") as usize,
        );
        assert!(s >= end, "{c}");
        end = e;
        assert_eq!(text.get(s..e), c["text"].as_str());
    }
    let names: Vec<&str> = v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| d["name"].as_str().expect("name"))
        .collect();
    // Each `[2, s. 3]` cites an entry the list lacks, each `(1, v. 5)` a
    // leaf of a book.
    let count = |name: &str| names.iter().filter(|n| **n == name).count();
    assert_eq!(count("dangling-citation"), sentences);
    assert_eq!(count("locator-kind-mismatch"), sentences);
    let (_, concise, _) = crate::support::istinad(&["check", "--format", "concise", path], None);
    let reported = concise
        .lines()
        .filter(|l| names.iter().any(|n| l.contains(&format!("] {n}: "))))
        .count();
    assert_eq!(reported, names.len());
}

#[test]
fn big_list_completes() {
    let text = list(LIST_ENTRIES);
    let report = istinad::check(&Source::new("list.md", text.as_str()), &Config::default());
    report_is_sound(&text, &report);
    assert_list(&text, &report.references, LIST_ENTRIES);
    assert_eq!(report.citations.len(), 4);
    // Entries 4 and 6.. are never cited: that, and nothing else, is found.
    let names = diagnostic_names_of(&report);
    assert_eq!(names.len(), LIST_ENTRIES - 4);
    assert!(names.iter().all(|n| *n == "uncited-reference"), "{names:?}");
    if big() {
        big_list_through_the_release_cli();
    }
}

#[test]
fn human_report_of_many_findings_on_one_line_places_each_as_concise_does() {
    // Some 2 000 findings on a 64 KB line: the human report (windowed, its
    // columns from the line index) names the same line and column for each
    // as the concise format does, in the same order.
    let text = crate::generate::cited_line(64 * 1024);
    let (_, concise, _) = istinad_file(
        "cited.md",
        text.as_bytes(),
        &["check", "--format", "concise"],
    );
    let (_, out, err) = istinad_file("cited.md", text.as_bytes(), &["check", "--color", "never"]);
    let human = out + &err;
    let places = |out: &str, open: &str, close: char| -> Vec<String> {
        out.lines()
            .filter_map(|l| {
                let rest = &l[l.find(open)? + open.len()..];
                Some(rest[..rest.find(close)?].to_string())
            })
            .collect()
    };
    let concise = places(&concise, "cited.md:", ' ');
    let human = places(&human, "cited.md:", ']');
    assert!(concise.len() > 1_000, "{}", concise.len());
    let concise: Vec<String> = concise
        .into_iter()
        .map(|p| p.trim_end_matches(':').to_string())
        .collect();
    assert_eq!(human, concise);
}

fn diagnostic_names_of(report: &istinad::Report) -> Vec<&'static str> {
    report.diagnostics.iter().map(|d| d.name()).collect()
}

/// `n` references numbered 1..=n, of the kinds and languages generated,
/// each without a parsing finding.
fn assert_list(text: &str, references: &[istinad::Reference], n: usize) {
    assert_eq!(references.len(), n);
    for (i, r) in references.iter().enumerate() {
        let number = i + 1;
        assert_eq!(r.number as usize, number);
        assert_eq!(r.raw, crate::generate::entry(number));
        assert_eq!(&text[r.span.clone()], r.raw);
        let (kind, language) = KINDS[number % KINDS.len()];
        assert_eq!(r.kind.as_str(), kind, "{}", r.raw);
        assert_eq!(r.language.map(|l| l.code()), language, "{}", r.raw);
        assert!(r.diagnostics.is_empty(), "{}: {:?}", r.raw, r.diagnostics);
    }
}

/// The release build of the CLI, built if needed.
fn release_cli() -> PathBuf {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args(["build", "--release", "--bin", "istinad"])
        .current_dir(repo(""))
        .status()
        .expect("cargo runs");
    assert!(status.success(), "cargo build --release");
    // target/debug/istinad -> target/release/istinad
    let debug = Path::new(env!("CARGO_BIN_EXE_istinad"));
    debug
        .parent()
        .and_then(Path::parent)
        .map(|target| target.join("release").join("istinad"))
        .expect("target directory")
}

/// Runs the release CLI on `input`; prints its wall time and peak memory;
/// returns its JSON output.
#[allow(clippy::print_stderr)] // the measurement is the output of ISTINAD_BIG=1
fn measure(args: &[&str], input: &Path) -> serde_json::Value {
    let cli = release_cli();
    let time = Path::new("/usr/bin/time");
    let mut cmd = if time.exists() {
        let mut c = Command::new(time);
        c.arg("-v").arg(&cli);
        c
    } else {
        Command::new(&cli)
    };
    cmd.args(args).arg(input);
    let started = std::time::Instant::now();
    let output = cmd.output().expect("istinad runs");
    let elapsed = started.elapsed();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let peak = stderr
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("Maximum resident set size (kbytes): ")
        })
        .unwrap_or("?");
    eprintln!(
        "istinad {} {}: {elapsed:.2?}, peak RSS {peak} kB",
        args.join(" "),
        input.display()
    );
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{:?}: {stderr}",
        output.status
    );
    serde_json::from_slice(&output.stdout).expect("json")
}

fn big_line_and_manuscript_through_the_release_cli() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("line.md");
    let line = long_line(BIG_LINE_BYTES);
    std::fs::write(&path, &line).expect("write");
    let v = measure(&["check", "--format", "json"], &path);
    let cites = v["citations"].as_array().expect("citations");
    assert_eq!(
        cites.len(),
        2 * (line.len() / crate::generate::SENTENCE.len())
    );
    let last = cites.last().expect("a citation");
    let (s, e) = (
        last["span"]["start"].as_u64().expect("start") as usize,
        last["span"]["end"].as_u64().expect("end") as usize,
    );
    assert_eq!(line.get(s..e), last["text"].as_str());
    // A 10 MB manuscript: prose citing a 1 000-entry list, as in the benches.
    let path = dir.path().join("manuscript.md");
    let text = crate::generate::manuscript(BIG_LINE_BYTES, 1_000);
    std::fs::write(&path, &text).expect("write");
    let v = measure(&["check", "--format", "json"], &path);
    assert_eq!(v["references"].as_array().map(Vec::len), Some(1_000));
    let dangling = v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["name"] == "dangling-citation")
        .count();
    assert_eq!(dangling, 0);
}

fn big_list_through_the_release_cli() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("list.md");
    let text = list(BIG_LIST_ENTRIES);
    std::fs::write(&path, &text).expect("write");
    let v = measure(&["refs", "--format", "json"], &path);
    let references = v["references"].as_array().expect("references");
    assert_eq!(references.len(), BIG_LIST_ENTRIES);
    for (i, r) in references.iter().enumerate() {
        let number = i + 1;
        assert_eq!(r["number"].as_u64(), Some(number as u64));
        let (s, e) = (
            r["span"]["start"].as_u64().expect("start") as usize,
            r["span"]["end"].as_u64().expect("end") as usize,
        );
        assert_eq!(text.get(s..e), r["raw"].as_str());
        assert_eq!(r["kind"], KINDS[number % KINDS.len()].0, "{r}");
    }
    measure(&["check", "--format", "json"], &path);
}

// ---------------------------------------------------------------------------
// Numbers no list has (issue 12): a finding, never a merge or a loss

/// Each odd list number stays an entry of its own with a list-numbering
/// finding on its number; the entry before it keeps its own text.
#[test]
fn odd_list_numbers_are_findings_not_merges() {
    for (marker, finding) in [
        ("99999999999999999999.", Some("out of range")),
        ("4294967296.", Some("out of range")),
        ("1000000.", Some("out of range")),
        ("-1.", Some("negative")),
        ("-0.", Some("negative")),
        ("3\u{301}.", Some("combining mark")),
        ("100.", Some("skips numbers")),
    ] {
        let text = format!(
            "Mətn (1), (2).\n\n## ƏDƏBİYYAT\n\n1. Əliyev R. Tarix. Bakı: Elm, 2000.\n2. Mahmudov Y. Diplomatiya. Bakı: Təhsil, 2006.\n{marker} Həsənli C. Şimali Azərbaycan. Bakı: Adiloğlu, 2009.\n"
        );
        let report = istinad::check(&Source::new("m.md", text.as_str()), &Config::default());
        report_is_sound(&text, &report);
        let raws: Vec<&str> = report.references.iter().map(|r| r.raw.as_str()).collect();
        assert_eq!(
            raws,
            [
                "Əliyev R. Tarix. Bakı: Elm, 2000.",
                "Mahmudov Y. Diplomatiya. Bakı: Təhsil, 2006.",
                "Həsənli C. Şimali Azərbaycan. Bakı: Adiloğlu, 2009."
            ],
            "{marker}"
        );
        let numbering: Vec<&str> = report
            .diagnostics
            .iter()
            .filter(|d| d.rule == istinad::Rule::ListNumbering)
            .map(|d| d.message.as_str())
            .collect();
        if let Some(f) = finding {
            assert!(
                numbering.iter().any(|m| m.contains(f)),
                "{marker}: {numbering:?}"
            );
        }
    }
}

#[test]
fn odd_citation_numbers_are_findings() {
    for (citation, finding) in [
        ("(99999999999999999999, s.1)", "out of range"),
        ("[4294967296, с. 5]", "out of range"),
        ("(1\u{301}, s.1)", "combining mark"),
    ] {
        let text = format!(
            "Mətn {citation} və (1, s. 2).\n\n## ƏDƏBİYYAT\n\n1. Əliyev R. Tarix. Bakı: Elm, 2000.\n"
        );
        let report = istinad::check(&Source::new("m.md", text.as_str()), &Config::default());
        report_is_sound(&text, &report);
        assert!(
            report
                .diagnostics
                .iter()
                .any(|d| d.rule == istinad::Rule::MalformedCitation && d.message.contains(finding)),
            "{citation}: {:?}",
            report.diagnostics
        );
    }
}

#[test]
fn utf16_is_named_with_a_hint() {
    let text = "Mətn (1).\n\n## ƏDƏBİYYAT\n\n1. Əliyev R. Tarix. Bakı: Elm, 2000.\n";
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let (code, _, stderr) = istinad_file("m.txt", &le, &["check"]);
    assert_eq!(code, 2);
    let stderr = flat(&stderr);
    assert!(
        stderr.contains("UTF-16") && stderr.contains("with a byte-order mark"),
        "{stderr}"
    );
    assert!(stderr.contains("save the file as UTF-8"), "{stderr}");
    // Without the mark, as in `1\0.\0 \0A\0` (once reported as binary).
    for bytes in [b"1\0.\0 \0A\0".to_vec(), le[2..].to_vec()] {
        let err = read("m.md", &bytes).expect_err("utf-16");
        assert!(matches!(err, Error::Utf16 { .. }), "{err}");
        assert!(
            err.to_string().contains("without a byte-order mark"),
            "{err}"
        );
    }
}

#[test]
fn a_config_over_one_megabyte_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("m.md");
    std::fs::write(
        &input,
        "Mətn (1).\n\n## ƏDƏBİYYAT\n\n1. Əliyev R. Tarix. Bakı, 2000.\n",
    )
    .expect("write");
    let mut config = String::from("[rules]\n");
    while config.len() <= 1024 * 1024 {
        config.push_str("# padding padding padding padding padding padding\n");
    }
    std::fs::write(dir.path().join("istinad.toml"), config).expect("write");
    let (code, _, stderr) = istinad(&["check", &input.display().to_string()], None);
    assert_eq!(code, 2, "{stderr}");
    assert!(flat(&stderr).contains("1 MiB"), "{stderr}");
    // A link to an endless file is refused the same way, without reading it.
    #[cfg(unix)]
    {
        std::fs::remove_file(dir.path().join("istinad.toml")).expect("rm");
        std::os::unix::fs::symlink("/dev/zero", dir.path().join("istinad.toml")).expect("ln");
        let (code, _, stderr) = istinad(&["check", &input.display().to_string()], None);
        assert_eq!(code, 2, "{stderr}");
        assert!(flat(&stderr).contains("1 MiB"), "{stderr}");
    }
}
