//! Real client programs read what istinad writes (fixtures/convert/list.md
//! converted to every format): biber validates our BibLaTeX and BibTeX
//! against the biblatex data model, pandoc and citation-js (citeproc-js)
//! render every CSL-JSON item, ajv validates it against the CSL 1.0.2
//! schema, citation-js reads our RIS back. The node scripts and what they
//! print are described in tests/clients/README.md.
//!
//! These tests FAIL when a client is missing: install them with
//! `bash .ci/install-deps.sh`. Set `ISTINAD_SKIP_CLIENTS=1` to skip them
//! (a machine without biber, pandoc or node).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use istinad::emit::{self, Format, Options};
use istinad::model::{Language, Reference, ReferenceKind};
use serde_json::Value;

use crate::emit::{all_fixture_entries, convert, list};

const INSTALL: &str = "run `bash .ci/install-deps.sh` to install the client programs, or set \
                       ISTINAD_SKIP_CLIENTS=1 to skip these tests";

/// Whether the client tests are switched off; says so on stderr.
#[allow(clippy::print_stderr)]
fn skipped(test: &str) -> bool {
    let skip = std::env::var("ISTINAD_SKIP_CLIENTS").is_ok_and(|v| v.trim() == "1");
    if skip {
        eprintln!("{test}: skipped (ISTINAD_SKIP_CLIENTS=1)");
    }
    skip
}

fn clients_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/clients")
}

/// Panics, naming the installer, unless `program --version` runs.
fn require(program: &str) {
    let runs = Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        runs,
        "`{program}` is not installed or does not run: {INSTALL}"
    );
}

/// Runs `node tests/clients/SCRIPT FILE ARGS…`; returns its exit status and
/// the JSON it printed. Panics, naming the installer, if a client is missing.
fn run(script: &str, file: &Path, args: &[&str]) -> (bool, Value) {
    require("node");
    let modules = clients_dir().join("node_modules/@citation-js/core");
    assert!(
        modules.exists(),
        "tests/clients/node_modules is not installed: {INSTALL}"
    );
    match script {
        "biber-check.mjs" => require("biber"),
        "pandoc-render.mjs" => require("pandoc"),
        _ => {}
    }
    // stdout goes to a file: the scripts end with process.exit(), which cuts
    // a long write to a pipe short (node writes to pipes asynchronously,
    // to files synchronously).
    let out_path = file.with_extension(format!("{script}.out"));
    let out_file = std::fs::File::create(&out_path).expect("output file");
    let output = Command::new("node")
        .arg(clients_dir().join(script))
        .arg(file)
        .args(args)
        .current_dir(clients_dir())
        .stdout(out_file)
        .output()
        .unwrap_or_else(|e| panic!("cannot run node: {e}: {INSTALL}"));
    let stdout = std::fs::read_to_string(&out_path).expect("script output");
    let value: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "{script} printed no JSON ({e}): {stdout}\n{}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    if output.status.code() == Some(2) {
        panic!("{script} could not run: {value}\n{INSTALL}");
    }
    (output.status.success(), value)
}

/// Writes the fixture list as `format` into a scratch directory.
fn written(format: Format, extension: &str) -> (tempfile::TempDir, PathBuf, Vec<Reference>) {
    written_of(list(), format, extension)
}

fn written_of(
    references: Vec<Reference>,
    format: Format,
    extension: &str,
) -> (tempfile::TempDir, PathBuf, Vec<Reference>) {
    let (text, _) = convert(&references, format);
    let dir = tempfile::tempdir().expect("scratch directory");
    let path = dir.path().join(format!("list.{extension}"));
    std::fs::write(&path, text).expect("written");
    (dir, path, references)
}

// ------------------------------------------------------------------ biber

/// biber's warnings are exactly the data the entries lack (istinad writes an
/// entry without an author or a date anyway): no invalid field, no unknown
/// type, no field ignored, no entry lost.
fn check_with_biber(format: Format, extension: &str) {
    check_with_biber_of(list(), format, extension);
}

fn check_with_biber_of(references: Vec<Reference>, format: Format, extension: &str) {
    let (_dir, path, references) = written_of(references, format, extension);
    let (ok, report) = run("biber-check.mjs", &path, &["--allow-warnings"]);
    assert!(ok, "biber failed: {report:#}");
    assert_eq!(report["errors"], Value::Array(vec![]), "{report:#}");
    assert_eq!(report["missing"], Value::Array(vec![]), "{report:#}");
    let keys = emit::keys(&references, Options::default().keys);
    let expected: BTreeSet<String> = references
        .iter()
        .zip(&keys)
        .flat_map(|(r, key)| {
            // biber-check.mjs copies the file to `input.bib`.
            emit::bibtex::missing_biblatex_fields(r)
                .into_iter()
                .map(move |field| {
                    if field == "date, year" {
                        format!(
                            "Datamodel: Entry '{key}' (input.bib): Missing mandatory field - one of 'date, year' must be defined"
                        )
                    } else {
                        format!(
                            "Datamodel: Entry '{key}' (input.bib): Missing mandatory field '{field}'"
                        )
                    }
                })
        })
        .collect();
    let got: BTreeSet<String> = report["warnings"]
        .as_array()
        .expect("warnings")
        .iter()
        .filter_map(|w| w.as_str().map(str::to_string))
        .collect();
    assert_eq!(
        got.difference(&expected).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "biber warned about more than missing data"
    );
    assert_eq!(
        expected.difference(&got).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "istinad predicted a missing field biber did not report"
    );
    // Every entry, with its title and every archival reference, is in what
    // biber read.
    let entries = report["entries"].as_object().expect("entries");
    assert_eq!(entries.len(), references.len());
    for (r, key) in references.iter().zip(&keys) {
        let fields = &entries[key.as_str()]["fields"];
        let field = |name: &str| tex_plain(fields[name].as_str().unwrap_or_default());
        if let Some(a) = &r.archive {
            let howpublished = field("howpublished");
            for part in [&a.name, &a.fond, &a.inventory, &a.file, &a.leaves]
                .into_iter()
                .flatten()
            {
                assert!(howpublished.contains(&as_written(part)), "{key}: {fields}");
            }
        }
        let title = match r.kind {
            ReferenceKind::Other => Some(&r.raw),
            _ => r.title.as_ref(),
        };
        if let Some(title) = title {
            assert!(
                field("title").contains(&as_written(title)),
                "{key}: {fields}"
            );
        }
    }
}

/// A value as the emitters write it: whitespace collapsed, control
/// characters as U+FFFD.
fn as_written(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            c if c.is_whitespace() => ' ',
            c if c.is_control() => '\u{FFFD}',
            c => c,
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// biber's output value with TeX escapes undone: `\&` -> `&`,
/// `\textasciitilde{}` -> `~`.
fn tex_plain(text: &str) -> String {
    let text = text
        .replace("\\textasciitilde{}", "~")
        .replace("\\textasciicircum{}", "^")
        .replace("\\textbackslash{}", "\\");
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| "&%$#_{}".contains(*n)) {
            continue;
        }
        out.push(c);
    }
    out
}

#[test]
fn biber_validates_our_biblatex() {
    if skipped("biber_validates_our_biblatex") {
        return;
    }
    check_with_biber(Format::Biblatex, "bib");
}

#[test]
fn biber_reads_our_bibtex() {
    if skipped("biber_reads_our_bibtex") {
        return;
    }
    check_with_biber(Format::Bibtex, "bib");
}

#[test]
fn biber_validates_every_fixture_entry() {
    if skipped("biber_validates_every_fixture_entry") {
        return;
    }
    check_with_biber_of(all_fixture_entries(), Format::Biblatex, "bib");
    check_with_biber_of(all_fixture_entries(), Format::Bibtex, "bib");
}

#[test]
fn the_biblatex_crate_reads_our_biblatex_back() {
    // Not an external client, but the reader typst uses: every entry and
    // its title and archival data come back (field-by-field equality with
    // the built entries is a unit test in src/emit/bibtex.rs).
    let references = list();
    let (text, _) = convert(&references, Format::Biblatex);
    let bibliography = biblatex::Bibliography::parse(&text).expect("biblatex parses our file");
    assert_eq!(bibliography.len(), references.len());
    let keys = emit::keys(&references, Options::default().keys);
    for (r, key) in references.iter().zip(&keys) {
        let entry = bibliography.get(key).expect("entry");
        use biblatex::ChunksExt;
        if let Some(title) = &r.title {
            let got = entry.get("title").map(|c| c.format_verbatim());
            assert_eq!(got.as_deref(), Some(title.as_str()), "{key}");
        }
        if r.kind == ReferenceKind::Archival {
            let got = entry.get("howpublished").map(|c| c.format_verbatim());
            let name = r.archive.as_ref().and_then(|a| a.name.clone());
            assert!(
                got.zip(name).is_some_and(|(h, n)| h.starts_with(&n)),
                "{key}"
            );
        }
    }
}

// ------------------------------------------------------------------ biblatex + xelatex

/// `fixtures/convert/biblatex.tex` over our `.bib` as `list.bib`: xelatex,
/// biber, xelatex, and the PDF's text (pdftotext), one line an entry.
fn printed_by_biblatex(format: Format) -> (String, Vec<Reference>) {
    for program in ["xelatex", "pdftotext"] {
        let runs = Command::new(program)
            .arg("-v")
            .output()
            .is_ok_and(|o| o.status.success() || !o.stdout.is_empty() || !o.stderr.is_empty());
        assert!(runs, "`{program}` is not installed: {INSTALL}");
    }
    let (dir, _path, references) = written(format, "bib");
    let tex = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/convert/biblatex.tex");
    std::fs::copy(&tex, dir.path().join("biblatex.tex")).expect("copied");
    let step = |program: &str, args: &[&str]| {
        let out = Command::new(program)
            .args(args)
            .current_dir(dir.path())
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{program} failed:\n{}",
            String::from_utf8_lossy(&out.stdout)
        );
    };
    let latex = ["-interaction=nonstopmode", "-halt-on-error", "biblatex.tex"];
    step("xelatex", &latex);
    step("biber", &["--quiet", "biblatex"]);
    step("xelatex", &latex);
    step(
        "pdftotext",
        &["-enc", "UTF-8", "biblatex.pdf", "biblatex.txt"],
    );
    let text = std::fs::read_to_string(dir.path().join("biblatex.txt")).expect("PDF text");
    (text, references)
}

/// What biblatex's standard style prints from our BibLaTeX and BibTeX:
/// every title in its original case (Persian, laid out without bidi, is
/// not checked), no language name, every archival part.
fn check_biblatex_print(format: Format) {
    let (text, references) = printed_by_biblatex(format);
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let printed = flat(&text.replace('’', "'").replace('–', "-"));
    for r in &references {
        if let Some(title) = &r.title
            && r.language != Some(Language::Fa)
            && r.kind != ReferenceKind::Other
        {
            let title = flat(title).replace('–', "-");
            assert!(
                printed.contains(&title),
                "entry {}: title `{title}` not printed as written in:\n{printed}",
                r.number
            );
        }
        if let Some(a) = &r.archive
            && r.language != Some(Language::Fa)
        {
            for part in [&a.name, &a.fond, &a.inventory, &a.file, &a.leaves]
                .into_iter()
                .flatten()
            {
                assert!(
                    printed.contains(part.as_str()),
                    "entry {}: `{part}` not printed",
                    r.number
                );
            }
        }
    }
    if let Some(word) = language_word(&printed) {
        panic!("`{word}` printed:\n{printed}");
    }
}

/// A language's name in `text` (what biblatex styles print from
/// `language`: "Russian.", "azerbaijani"), if any.
fn language_word(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    [
        "azerbaijani",
        "russian",
        "persian",
        "turkish",
        "english",
        "french",
    ]
    .into_iter()
    .find(|word| lower.contains(word))
}

#[test]
fn biblatex_prints_our_biblatex_with_xelatex() {
    if skipped("biblatex_prints_our_biblatex_with_xelatex") {
        return;
    }
    check_biblatex_print(Format::Biblatex);
}

#[test]
fn biblatex_prints_our_bibtex_with_xelatex() {
    if skipped("biblatex_prints_our_bibtex_with_xelatex") {
        return;
    }
    check_biblatex_print(Format::Bibtex);
}

// ------------------------------------------------------------------ pandoc

fn rendered_by_pandoc(format: Format, extension: &str) -> Vec<Value> {
    let (_dir, path, references) = written(format, extension);
    let (ok, out) = run("pandoc-render.mjs", &path, &["--with-ids"]);
    assert!(
        ok,
        "pandoc did not render every entry without a warning: {out:#}"
    );
    let entries = out.as_array().expect("entries").clone();
    assert_eq!(entries.len(), references.len());
    let keys = emit::keys(&references, Options::default().keys);
    for ((entry, r), key) in entries.iter().zip(&references).zip(&keys) {
        assert_eq!(entry["id"], key.as_str());
        let text = entry["text"].as_str().unwrap_or_default().replace('–', "-");
        assert!(!text.trim().is_empty(), "{key} renders empty");
        if let Some(a) = &r.archive {
            for part in [&a.name, &a.fond, &a.file, &a.leaves].into_iter().flatten() {
                assert!(
                    text.contains(part.as_str()),
                    "{key}: `{part}` not in `{text}`"
                );
            }
        }
        // pandoc title-cases what it takes for English: a title in another
        // language keeps its case only if pandoc read the entry's `langid`
        // (BibTeX) or `language` (CSL-JSON).
        if let (Some(title), Some(language)) = (&r.title, r.language)
            && language != Language::En
            && r.kind != ReferenceKind::Other
            // Chicago's "———" stands for a title repeated as the author.
            && !text.starts_with("———")
        {
            let title = title.replace('–', "-").replace('\'', "’");
            assert!(
                text.contains(&title),
                "{key}: title `{title}` not in its original case in `{text}`"
            );
        }
        // No entry opens with its language's name ("Russian.", "azerbaijani").
        if let Some(word) = language_word(&text) {
            panic!("{key}: `{word}` printed in `{text}`");
        }
    }
    entries
}

#[test]
fn pandoc_renders_our_biblatex() {
    if skipped("pandoc_renders_our_biblatex") {
        return;
    }
    rendered_by_pandoc(Format::Biblatex, "bib");
}

#[test]
fn pandoc_renders_our_bibtex() {
    if skipped("pandoc_renders_our_bibtex") {
        return;
    }
    rendered_by_pandoc(Format::Bibtex, "bibtex");
}

#[test]
fn pandoc_renders_our_csl_json() {
    if skipped("pandoc_renders_our_csl_json") {
        return;
    }
    let entries = rendered_by_pandoc(Format::CslJson, "json");
    // pandoc prints the Solar Hijri original-date literal: "(1388 SH) 2009".
    assert!(
        entries
            .iter()
            .any(|e| e["text"].as_str().is_some_and(|t| t.contains("1388 SH"))),
        "{entries:#?}"
    );
}

// ------------------------------------------------------------------ CSL-JSON: ajv, citation-js

#[test]
fn our_csl_json_validates_against_the_csl_schema() {
    if skipped("our_csl_json_validates_against_the_csl_schema") {
        return;
    }
    let (_dir, path, references) = written(Format::CslJson, "json");
    let (ok, report) = run("csl-validate.mjs", &path, &[]);
    assert!(ok, "CSL-JSON is not valid: {report:#}");
    assert_eq!(report["files"][0]["items"], references.len());
}

#[test]
fn every_fixture_entry_is_valid_csl_json_that_citation_js_renders() {
    if skipped("every_fixture_entry_is_valid_csl_json_that_citation_js_renders") {
        return;
    }
    let (_dir, path, references) = written_of(all_fixture_entries(), Format::CslJson, "json");
    let (ok, report) = run("csl-validate.mjs", &path, &[]);
    assert!(ok, "CSL-JSON is not valid: {report:#}");
    assert_eq!(report["files"][0]["items"], references.len());
    let (ok, out) = run("csl-render.mjs", &path, &[]);
    assert!(ok, "citation-js did not render every item: {out:#}");
}

#[test]
fn citation_js_renders_every_csl_json_item() {
    if skipped("citation_js_renders_every_csl_json_item") {
        return;
    }
    let (_dir, path, references) = written(Format::CslJson, "json");
    let keys = emit::keys(&references, Options::default().keys);
    for style in ["apa", "vancouver"] {
        let (ok, out) = run("csl-render.mjs", &path, &["--style", style, "--with-ids"]);
        assert!(
            ok,
            "citation-js did not render every item in {style}: {out:#}"
        );
        let entries = out.as_array().expect("entries");
        assert_eq!(entries.len(), references.len());
        for ((entry, r), key) in entries.iter().zip(&references).zip(&keys) {
            assert_eq!(entry["id"], key.as_str());
            let text = entry["text"].as_str().unwrap_or_default();
            if let Some(a) = &r.archive {
                let name = a.name.as_deref().unwrap_or_default();
                assert!(text.contains(name), "{style} {key}: {text}");
                assert!(
                    a.fond
                        .iter()
                        .chain(&a.file)
                        .all(|p| text.contains(p.as_str())),
                    "{style} {key}: {text}"
                );
            }
        }
    }
}

// ------------------------------------------------------------------ RIS: citation-js

/// The CSL item citation-js reads from our RIS record holds the same values
/// as our own CSL-JSON item, except where citation-js is known to read RIS
/// differently (docs/formats.md): a newspaper's author as `reporter` text
/// and its date as the year, a web page's site as `collection-title`.
#[test]
fn citation_js_reads_our_ris_back_with_the_same_fields() {
    if skipped("citation_js_reads_our_ris_back_with_the_same_fields") {
        return;
    }
    let (_dir, path, references) = written(Format::Ris, "ris");
    let (ok, report) = run("ris-read.mjs", &path, &["--report"]);
    assert!(ok, "citation-js did not read every record: {report:#}");
    let items = report["items"].as_array().expect("items");
    assert_eq!(items.len(), references.len());
    let (json, _) = convert(&references, Format::CslJson);
    let ours: Vec<Value> = serde_json::from_str(&json).expect("our CSL-JSON");
    const SAME: [&str; 15] = [
        "type",
        "title",
        "genre",
        "title-short",
        "archive",
        "archive_location",
        "language",
        "URL",
        "volume",
        "issue",
        "page",
        "edition",
        "publisher-place",
        "translator",
        "editor",
    ];
    for ((theirs, mine), r) in items.iter().zip(&ours).zip(&references) {
        let id = &mine["id"];
        for field in SAME {
            assert_eq!(theirs.get(field), mine.get(field), "{id}: {field}");
        }
        let newspaper = r.kind == ReferenceKind::Newspaper;
        let web = r.kind == ReferenceKind::Web;
        if newspaper {
            let year = |v: &Value| v["issued"]["date-parts"][0][0].clone();
            assert_eq!(year(theirs), year(mine), "{id}: issued year");
        } else {
            assert_eq!(theirs.get("issued"), mine.get("issued"), "{id}: issued");
            assert_eq!(theirs.get("author"), mine.get("author"), "{id}: author");
        }
        let container = if web {
            "collection-title"
        } else {
            "container-title"
        };
        assert_eq!(
            theirs.get(container),
            mine.get("container-title"),
            "{id}: container"
        );
        if r.kind != ReferenceKind::Archival {
            assert_eq!(
                theirs.get("publisher"),
                mine.get("publisher"),
                "{id}: publisher"
            );
        }
        if matches!(r.kind, ReferenceKind::Book | ReferenceKind::Thesis) {
            assert_eq!(
                theirs.get("number-of-pages"),
                mine.get("number-of-pages"),
                "{id}: pages"
            );
        }
        if web {
            assert_eq!(
                theirs.get("accessed"),
                mine.get("accessed"),
                "{id}: accessed"
            );
        }
        if let Some(o) = r.original_year {
            let note = theirs["note"].as_str().unwrap_or_default();
            assert!(note.starts_with(&o.year.to_string()), "{id}: note `{note}`");
        }
    }
    // The tags citation-js ignores are only those written for Zotero.
    let keys = emit::keys(&references, Options::default().keys);
    for ((unused, r), key) in report["unused_tags"]
        .as_array()
        .expect("unused tags")
        .iter()
        .zip(&references)
        .zip(&keys)
    {
        for tag in unused.as_array().expect("tags") {
            let tag = tag.as_str().unwrap_or_default();
            let expected = match tag {
                "AN" => r.kind == ReferenceKind::Archival,
                "IS" | "DA" => r.kind == ReferenceKind::Newspaper,
                "Y2" => r.kind == ReferenceKind::Web,
                "PY" => r.date.is_some(),
                _ => false,
            };
            assert!(expected, "{key}: citation-js ignored {tag}");
        }
    }
}

// ------------------------------------------------------------------ SARIF: ajv

/// `istinad check fixtures/manuscripts --format sarif` (every manuscript,
/// text, Markdown, .docx and .odt, findings with labels and safe fixes)
/// validates against the OASIS SARIF 2.1.0 schema, and holds every finding.
#[test]
fn sarif_of_a_folder_validates_against_the_sarif_schema() {
    if skipped("sarif_of_a_folder_validates_against_the_sarif_schema") {
        return;
    }
    let (code, sarif, stderr) = crate::support::istinad(
        &[
            "check",
            "fixtures/manuscripts",
            "fixtures/rules",
            "--format",
            "sarif",
        ],
        None,
    );
    assert_eq!(code, 1, "{stderr}");
    let (_, lines, _) = crate::support::istinad(
        &[
            "check",
            "fixtures/manuscripts",
            "fixtures/rules",
            "--format",
            "json-lines",
        ],
        None,
    );
    let dir = tempfile::tempdir().expect("scratch directory");
    let path = dir.path().join("run.sarif");
    std::fs::write(&path, &sarif).expect("written");
    let (ok, report) = run("sarif-validate.mjs", &path, &[]);
    assert!(ok, "SARIF is not valid: {report:#}");
    assert_eq!(report["files"][0]["results"], lines.lines().count());
    // And an invalid log is caught: the validator is not a no-op.
    let mut broken: Value = serde_json::from_str(&sarif).expect("json");
    broken["runs"][0]["results"][0]["level"] = Value::from("loud");
    std::fs::write(&path, broken.to_string()).expect("written");
    let (ok, _) = run("sarif-validate.mjs", &path, &[]);
    assert!(!ok, "a result with level `loud` passed");
}
