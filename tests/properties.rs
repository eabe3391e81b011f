//! No-panic properties over any text: the whole pipeline (read_references,
//! check, every emit format and rendered style, safe fixes) and
//! parse_reference on any line, with every span the library reports in
//! bounds and on char boundaries. Each crash found here or by `fuzz/` is
//! replayed below as a named `regression_*` test.
//!
//! Cases per property: proptest's default (256), or `PROPTEST_CASES`.
//! Failures are not persisted to `proptest-regressions/`: a crash is kept as
//! a named regression test instead (STYLE.md, tests 9).

use istinad::emit::{self, Format, KeyStyle, Locale, Options, Style};
use istinad::fix::{self, Applicability};
use istinad::parse::parse_reference;
use istinad::{Config, Diagnostic, Report, Source, Span, Vocabulary};
use proptest::prelude::*;
use proptest::sample::select;
use std::sync::LazyLock;

/// The built-in configuration, read once.
static CONFIG: LazyLock<Config> = LazyLock::new(Config::default);

/// Asserts that `span` is a valid range of `text` on char boundaries.
#[track_caller]
fn in_bounds(text: &str, span: &Span, what: &str) {
    assert!(
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end),
        "{what} span {span:?} is not a valid range of the {}-byte text {text:?}",
        text.len()
    );
}

/// Every span a finding carries: its own, its labels', its fix's edits'.
#[track_caller]
fn diagnostic_in_bounds(text: &str, d: &Diagnostic) {
    let what = format!("{} [{}]", d.name(), d.code());
    in_bounds(text, &d.span, &what);
    for label in &d.labels {
        in_bounds(text, &label.span, &format!("{what} label"));
    }
    if let Some(fix) = &d.fix {
        for edit in &fix.edits {
            in_bounds(text, &edit.span, &format!("{what} fix edit"));
        }
        // The edits of one fix never overlap (fix.rs: "Non-overlapping edits").
        let mut spans: Vec<&Span> = fix.edits.iter().map(|e| &e.span).collect();
        spans.sort_by_key(|s| (s.start, s.end));
        for w in spans.windows(2) {
            assert!(
                w[0].end <= w[1].start,
                "{what}: fix edits overlap: {spans:?}"
            );
        }
    }
}

/// The invariants of a checked manuscript.
#[track_caller]
pub(crate) fn report_is_sound(text: &str, report: &Report) {
    let doc = &report.document;
    in_bounds(text, &doc.body, "body");
    for (span, what) in [
        (&doc.heading, "heading"),
        (&doc.section, "section"),
        (&doc.tail, "tail"),
    ] {
        if let Some(span) = span {
            in_bounds(text, span, what);
        }
    }
    for entry in &doc.entries {
        in_bounds(text, &entry.span, "entry");
        if let Some(marker) = &entry.marker {
            in_bounds(text, marker, "entry marker");
        }
    }
    for r in &report.references {
        in_bounds(text, &r.span, "reference");
        assert_eq!(
            &text[r.span.clone()],
            r.raw,
            "a reference's raw is its span"
        );
        if let Some(section) = &doc.section {
            assert!(
                section.start <= r.span.start && r.span.end <= section.end,
                "reference {:?} outside the section {section:?}",
                r.span
            );
        }
        for d in &r.diagnostics {
            diagnostic_in_bounds(text, d);
        }
    }
    for w in report.references.windows(2) {
        assert!(
            w[0].span.end <= w[1].span.start,
            "references out of order or overlapping: {:?} then {:?}",
            w[0].span,
            w[1].span
        );
    }
    for c in &report.citations {
        in_bounds(text, &c.span, "citation");
        assert_eq!(
            &text[c.span.clone()],
            c.text,
            "a citation's text is its span"
        );
        assert!(
            std::iter::once(&doc.body)
                .chain(&doc.notes)
                .any(|part| part.start <= c.span.start && c.span.end <= part.end),
            "citation {:?} `{}` outside the body {:?} and the notes {:?}",
            c.span,
            c.text,
            doc.body,
            doc.notes
        );
        for item in &c.items {
            in_bounds(text, &item.number_span, "citation number");
            for locator in item.locator.iter().chain(&item.more_locators) {
                in_bounds(text, &locator.span, "locator");
            }
            for part in &item.parts {
                in_bounds(text, &part.span, "locator part");
            }
        }
    }
    for w in report.citations.windows(2) {
        assert!(
            w[0].span.end <= w[1].span.start,
            "citations out of order or overlapping: {:?} `{}` then {:?} `{}`",
            w[0].span,
            w[0].text,
            w[1].span,
            w[1].text
        );
    }
    for d in &report.diagnostics {
        diagnostic_in_bounds(text, d);
    }
}

/// The whole pipeline over `text`, as every CLI command runs it.
fn exercise(text: &str) {
    let source = Source::new("prop.md", text);
    let config = &*CONFIG;
    let refs = istinad::read_references(&source, config);
    for r in &refs.references {
        in_bounds(text, &r.span, "reference");
        assert_eq!(&text[r.span.clone()], r.raw);
    }
    for d in &refs.diagnostics {
        diagnostic_in_bounds(text, d);
    }
    let report = istinad::check(&source, config);
    report_is_sound(text, &report);
    // `check --fix`: the safe fixes apply, the result checks again, and
    // fixing converges (STYLE.md, tests 7): a few rounds leave nothing to fix.
    let mut current = text.to_string();
    let mut report = report;
    for round in 0.. {
        let fixes = report.diagnostics.iter().filter_map(|d| d.fix.as_ref());
        let (fixed, applied) = fix::apply(&current, fixes, &[Applicability::Safe]);
        if applied == 0 {
            break;
        }
        assert!(
            round < 4,
            "safe fixes do not converge: round {round} still applies {applied} to {current:?}"
        );
        report = istinad::check(&Source::new("prop.md", fixed.as_str()), config);
        report_is_sound(&fixed, &report);
        current = fixed;
    }
}

/// Every conversion and rendered style of `text`'s list.
fn emit_all(text: &str) {
    let source = Source::new("prop.md", text);
    let refs = istinad::read_references(&source, &CONFIG).references;
    for format in Format::ALL {
        for keys in [KeyStyle::Readable, KeyStyle::Number] {
            let (_, findings) = emit::convert(
                &refs,
                format,
                &Options {
                    keys,
                    ..Options::default()
                },
            )
            .unwrap_or_else(|e| panic!("{} failed: {e}", format.name()));
            for d in &findings {
                diagnostic_in_bounds(text, d);
            }
        }
    }
    for style in Style::ALL {
        emit::render(&refs, style, Locale::Ru)
            .unwrap_or_else(|e| panic!("{} failed: {e}", style.name()));
    }
}

// ---------------------------------------------------------------------------
// Strategies

/// Fragments of the domain: list numbers, headings, archival labels, years
/// in three calendars and digit scripts, brackets, separators, citations,
/// Arabic/Persian letter variants, invisible characters, URLs, Markdown,
/// line ends, and characters whose case mapping changes their length.
const FRAGMENTS: &[&str] = &[
    // list numbers
    "1. ",
    "2. ",
    "[2] ",
    "(3) ",
    "4) ",
    "5 – ",
    "۳. ",
    "١٢. ",
    "**7.** ",
    "7\\. ",
    "- 1. ",
    "1.",
    "99999. ",
    "0. ",
    // headings
    "## ƏDƏBİYYAT\n",
    "ƏDƏBİYYAT\n",
    "Ədəbiyyat siyahısı:\n",
    "## Литература\n",
    "СПИСОК ЛИТЕРАТУРЫ\n",
    "**Литература**\n",
    "## منابع\n",
    "فهرست منابع\n",
    "KAYNAKÇA\n",
    "# References\n",
    "5. References\n",
    "Notes\n",
    "## РЕЗЮМЕ\n",
    "SUMMARY\n",
    "## Giriş\n",
    "**Архивы**\n",
    "===\n",
    "---\n",
    // archival labels and values
    "ARDA",
    "ARDA: ",
    "ГАРФ. ",
    "SPİHDA ",
    "ARPİİ İSSA. ",
    "TNA, FO 371/4910",
    "BOA, ",
    "f. ",
    "f.",
    "F.1",
    "siy. ",
    "siy.",
    "iş ",
    "iş",
    "sax.vah.",
    "v. ",
    "vv.",
    "arxa",
    "3arxa",
    "Ф. ",
    "Оп. ",
    "Д. ",
    "Л. ",
    "об.",
    " об.",
    "ед. хр. ",
    "Картон ",
    "Gömlek No. ",
    "کارتن ",
    "پرونده ",
    "28",
    "72",
    "12–15",
    "5-9",
    "12-15 об.",
    // years and calendars
    "1388",
    "۱۳۸۸",
    "1339ق",
    "۱۳۳۹ق",
    "1920-1921",
    "1920–1921",
    "(1920-1921-ci illər)",
    "2012",
    "(2012)",
    "(1917 - 1933)",
    "1905 г.",
    "гг.",
    "ش",
    "ق",
    "هـ.ش",
    // brackets and quotes
    "(",
    ")",
    "[",
    "]",
    "«",
    "»",
    "\"",
    "“",
    "”",
    "„",
    "<",
    ">",
    "{",
    "}",
    // separators
    ";",
    "،",
    "؛",
    "//",
    " // ",
    " – ",
    " — ",
    "–",
    ",",
    ".",
    ":",
    " ",
    "  ",
    "\t",
    ". – ",
    // citations, well and badly formed
    "(12, s.329)",
    "(5, s. 87)",
    "(3, s.45)",
    "(1)",
    "(13)",
    "[1, с. 12; 8, с. 12–14]",
    "[1–3]",
    "[1, 4, 7]",
    "[5, л. 12 об.]",
    "[39, 250-252]",
    "(12; s.329)",
    "(12 s.329)",
    "(12, s.329",
    "(12, s.329]",
    "(12،ص 329)",
    "(12، ص 329)",
    "(۱۲، ص ۳۲۹)",
    "[4, с. 118]",
    "(7, p. 61)",
    "[153, c.1,86-91]",
    "(2, v. 5)",
    "(1,, s. 5)",
    "(1, s. 5,)",
    "(см. табл. 5)",
    "(1, s. 9-5)",
    "(0)",
    "(4294967296)",
    "(99999999999999999999, s. 1)",
    // letter variants and invisible characters
    "ي",
    "ی",
    "ك",
    "ک",
    "ة",
    "ۀ",
    "\u{200c}",
    "\u{200d}",
    "\u{640}",
    "\u{feff}",
    "\u{a0}",
    "\u{200f}",
    "\u{202b}",
    "\u{2067}",
    "\u{ad}",
    "\u{301}",
    "e\u{301}",
    "\u{85}",
    "\u{2028}",
    "\u{b}",
    "\u{c}",
    "\u{1b}",
    "\u{7f}",
    // URLs
    "https://example.org/.../x",
    "<https://www.seratnews.com/.../گ-جمهوری>",
    "http://pahlaviha.pchi.ir/show.php?page=contents&id=13376",
    "www.",
    "https://",
    "(дата обращения: 12.05.2020)",
    "[Электронный ресурс]. – URL: ",
    // Markdown
    "**",
    "\\*",
    "*",
    "_",
    "__",
    "`",
    "[^1]",
    "[^1]: ",
    "\\",
    "> ",
    "| ",
    "|---|",
    // people, titles, imprints
    "Həsənli Cəmil. ",
    "İbrahimov (Şahin) Tağı. ",
    "Генис В.Л. ",
    "М.И. Володарский. ",
    "کاوه بیات ",
    "دکتر ایرج ذوقی. ",
    "Atabaki T. ",
    "Chaqueri, C. ",
    "et al. ",
    "и др. ",
    "Sovet dövründə Azərbaycanın xarici siyasəti",
    "Красная Персия",
    "توفان بر فراز قفقاز",
    "Bakı",
    "Bakı: Elm, 2001. 664 s.",
    "М.: Наука, 1989. – 512 с.",
    "Москва. Госполитздат.",
    "تهران: توس.",
    "London: I.B. Tauris, 1993.",
    "Том II",
    "T. 3",
    "№ 42",
    "c.1,86-91",
    "s.",
    "с.",
    "С. 12–20.",
    "ص",
    "səh.",
    "pp. 23–29",
    "Vol. 4",
    "V cild",
    "2-е изд., испр. и доп.",
    "Kommunist (Bakı), 1920, 14 iyun, № 42.",
    "// Вопросы истории. 1990. № 3. С. 12–20.",
    "Там же. ",
    "Ibid., ",
    "Yenə orada, ",
    // case mapping that changes byte length, and other surprises
    "İ",
    "ı",
    "I",
    "ß",
    "ẞ",
    "Ⱥ",
    "ȿ",
    "ﬁ",
    "ǅ",
    "Σ",
    "ς",
    "ΐ",
    "👩‍👩‍👧",
    "\u{10ffff}",
    "\u{fffd}",
    "Ⅳ",
    "IV",
    "XIV",
    "¹",
    "²",
    "½",
    "٫",
    "٬",
];

/// Line ends of every kind.
const LINE_ENDS: &[&str] = &["\n", "\r\n", "\r", "\n\n", "\r\n\r\n"];

/// A number in one of three digit scripts.
fn number() -> impl Strategy<Value = String> {
    (0u32..1000, 0usize..3).prop_map(|(n, script)| {
        let ascii = n.to_string();
        match script {
            0 => ascii,
            1 => ascii
                .chars()
                .map(|c| char::from_u32(c as u32 - '0' as u32 + 0x06F0).unwrap_or(c))
                .collect(),
            _ => ascii
                .chars()
                .map(|c| char::from_u32(c as u32 - '0' as u32 + 0x0660).unwrap_or(c))
                .collect(),
        }
    })
}

/// One piece of a structured string.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => select(FRAGMENTS).prop_map(String::from),
        2 => select(LINE_ENDS).prop_map(String::from),
        2 => number(),
        1 => "\\PC{0,4}",
    ]
}

/// Strings assembled from fragments of the domain.
fn structured() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..80).prop_map(|v| v.concat())
}

/// A manuscript's shape: a body with citations, a heading, numbered
/// entries made of fragments, perhaps a tail, with one kind of line end.
fn manuscript() -> impl Strategy<Value = String> {
    let line = || prop::collection::vec(piece(), 0..14).prop_map(|v| v.concat());
    let heading = select(&[
        "## ƏDƏBİYYAT",
        "ƏDƏBİYYAT",
        "Литература",
        "## Список литературы",
        "## منابع",
        "KAYNAKÇA",
        "References",
        "**ИСТОЧНИКИ**",
        "",
    ]);
    let marker = select(&["1. ", "[1] ", "1) ", "۱. ", "1 – ", "**1.** ", "", "- "]);
    (
        prop::collection::vec(line(), 0..6),
        heading,
        prop::collection::vec((marker, 0u32..4, line()), 0..12),
        prop::collection::vec(line(), 0..3),
        select(&["\n", "\r\n", "\r"]),
        any::<bool>(),
    )
        .prop_map(|(body, heading, entries, tail, eol, bom)| {
            let mut s = String::new();
            if bom {
                s.push('\u{feff}');
            }
            for l in body {
                s.push_str(&l);
                s.push_str(eol);
            }
            s.push_str(eol);
            s.push_str(heading);
            s.push_str(eol);
            for (i, (marker, skip, text)) in entries.into_iter().enumerate() {
                // Numbers mostly in sequence, sometimes skipping or repeating.
                let n = i as u32 + 1 + if skip == 3 { 2 } else { 0 };
                let m = marker
                    .replacen('1', &n.to_string(), 1)
                    .replacen('۱', &persian(n), 1);
                s.push_str(&m);
                s.push_str(&text);
                s.push_str(eol);
            }
            if !tail.is_empty() {
                s.push_str(eol);
                s.push_str("## SUMMARY");
                s.push_str(eol);
                for l in tail {
                    s.push_str(&l);
                    s.push_str(eol);
                }
            }
            s
        })
}

fn persian(n: u32) -> String {
    n.to_string()
        .chars()
        .map(|c| char::from_u32(c as u32 - '0' as u32 + 0x06F0).unwrap_or(c))
        .collect()
}

/// Any characters but NUL (a NUL makes the input binary, an error before
/// the pipeline runs), with control characters, lone CRs and BOMs common.
fn unicode_with_controls() -> impl Strategy<Value = String> {
    let special = select(&[
        '\r', '\n', '\t', '\u{feff}', '\u{b}', '\u{c}', '\u{1b}', '\u{7f}', '\u{85}', '\u{200c}',
        '\u{202e}', '(', ')', '[', ']', ',', ';', '.', '1', '2', '۱', '’', '-', 'İ', 'A',
    ]);
    prop::collection::vec(
        prop_oneof![
            3 => any::<char>().prop_filter("no NUL", |c| *c != '\0'),
            2 => special,
            1 => proptest::char::range('\u{1}', '\u{1f}'),
        ],
        0..200,
    )
    .prop_map(|v| v.into_iter().collect())
}

/// One line: no line end inside.
fn single_line() -> impl Strategy<Value = String> {
    prop_oneof![
        "[^\r\n\u{85}\u{2028}\u{2029}]*",
        prop::collection::vec(select(FRAGMENTS), 0..30).prop_map(|v| v.concat()),
    ]
    .prop_map(|s: String| s.replace(['\r', '\n'], " "))
}

proptest! {
    #![proptest_config(ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn pipeline_never_panics_on_printable_unicode(text in "\\PC*") {
        exercise(&text);
    }

    #[test]
    fn pipeline_never_panics_on_control_characters(text in unicode_with_controls()) {
        exercise(&text);
    }

    #[test]
    fn pipeline_never_panics_on_domain_fragments(text in structured()) {
        exercise(&text);
    }

    #[test]
    fn pipeline_never_panics_on_manuscript_shapes(text in manuscript()) {
        exercise(&text);
    }

    #[test]
    fn emitters_never_panic(text in prop_oneof![manuscript(), structured()]) {
        emit_all(&text);
    }

    #[test]
    fn parse_reference_never_panics_on_a_line(line in single_line()) {
        let vocab = Vocabulary::builtin();
        let r = parse_reference(&line, &vocab);
        in_bounds(&line, &r.span, "reference");
        assert_eq!(&line[r.span.clone()], r.raw);
        for d in &r.diagnostics {
            diagnostic_in_bounds(&line, d);
        }
    }
}

// ---------------------------------------------------------------------------
// Regressions: each input that once crashed or broke an invariant, by name.

/// Found by `cargo fuzz run parse_reference` (fuzz/): a name word ending in
/// a typographic apostrophe (`Şehbenderliği’ raporu`) was trimmed one byte
/// at a time, slicing `’` (3 bytes) in the middle: a panic on any entry
/// with `’` before a space, as in Turkish possessives and quoted titles.
#[test]
fn regression_name_word_ending_in_typographic_apostrophe() {
    let vocab = Vocabulary::builtin();
    for text in [
        "Bakü Şehbenderliği’ raporu, 14 Haziran 1913, BOA",
        "Həsənli Cəmil’ (2012) Kitab. Bakı",
        "O’ Brien J. Title. London, 1990.",
        "Bakü BaşşeCCCCCCCCChbenderliği’\u{4}\u{4}nin raporu, 14 Haziran 1913, BOA, 115/, n",
    ] {
        let r = parse_reference(text, &vocab);
        assert_eq!(r.raw, text);
        exercise(&format!("## KAYNAKÇA\n\n1. {text}\n"));
    }
}

/// Found by tests/bad_input.rs on the .docx fixtures: the footnotes after a
/// list (`[^1]: …`, as pandoc writes them and as the .docx reader writes a
/// document's notes) were read as continuation lines of the last entry, so
/// `ru-mugan-snoski.docx`'s last book took the archival footnotes and became
/// an archival entry. A note and its further lines belong to no entry.
#[test]
fn regression_footnotes_after_the_list_join_the_last_entry() {
    let raws = |text: &str| -> Vec<String> {
        let report = istinad::check(&Source::new("m.md", text), &CONFIG);
        report_is_sound(text, &report);
        report.references.iter().map(|r| r.raw.clone()).collect()
    };
    // Under a heading, notes at the end; a note's second paragraph too.
    let text = "Mətn (1) və (2).[^1]\n\n## ƏDƏBİYYAT\n\n1. ARDA: f. 28. siy. 1. iş 72\n2. Mahmudov Y. Azərbaycan diplomatiyası. Bakı: Təhsil, 2006.\n\n[^1]: ГАРФ. Ф. 130. Оп. 1. Д. 45. Л. 12–15 об.\nКопия хранится также в личном фонде.\n\n[^2]: Там же.\n";
    assert_eq!(
        raws(text),
        [
            "ARDA: f. 28. siy. 1. iş 72",
            "Mahmudov Y. Azərbaycan diplomatiyası. Bakı: Təhsil, 2006."
        ]
    );
    // A note inside the list: the list goes on after it.
    let text = "## Литература\n\n1. ГАРФ. Ф. 130. Оп. 1. Д. 45.[^a]\n\n[^a]: Копия.\n\n2. Гасанлы Дж. Русская революция и Азербайджан. М.: Флинта, 2011.\n";
    assert_eq!(
        raws(text),
        [
            "ГАРФ. Ф. 130. Оп. 1. Д. 45.[^a]",
            "Гасанлы Дж. Русская революция и Азербайджан. М.: Флинта, 2011."
        ]
    );
    // No heading: the numbered block at the end, then notes.
    let text = "Mətn burada yazılıb (1).\n\n1. ARDA: f. 28. siy. 1. iş 72\n2. ARDA: f. 28. siy. 1. iş 577\n\n[^1]: Qeyd.\n";
    assert_eq!(
        raws(text),
        ["ARDA: f. 28. siy. 1. iş 72", "ARDA: f. 28. siy. 1. iş 577"]
    );
}

/// Found by tests/bad_input.rs (`ISTINAD_BIG=1`, the 100 000-entry list):
/// a list number had at most five digits, so `100000. …` was read as a
/// continuation line of entry 99 999 and the list had 99 999 entries,
/// without a finding. (A year, four digits, was always accepted; six digits
/// are now.) Split alone, as parsing 100 000 entries is slow in a debug build.
#[test]
fn regression_a_six_digit_list_number_was_a_continuation_line() {
    let mut text = String::from("## Литература\n\n");
    for i in 1..=100_000 {
        text.push_str(&format!("{i}. ГАРФ. Ф. {i}.\n"));
    }
    let document = istinad::split::split(&Source::new("m.md", text.as_str()), &CONFIG.vocabulary);
    assert_eq!(document.entries.len(), 100_000);
    let last = document.entries.last().expect("entries");
    assert_eq!(
        (last.number, &text[last.span.clone()]),
        (100_000, "ГАРФ. Ф. 100000.")
    );
}

/// Issue 12, found by `cargo fuzz run parse_reference`: the number of
/// volumes ("iki cilddə") was matched in a case-folded copy and its length
/// used to slice the original; `ı` folds from two bytes to one, so `ikı`
/// (a common misspelling of `iki`) sliced inside a character and every
/// command exited 101. Lengths are now measured in the original.
#[test]
fn regression_a_folded_word_length_sliced_the_original() {
    let vocab = Vocabulary::builtin();
    for text in [
        "Əliyev R. Tarix. ikı vəziyyət. Bakı, 2000.",
        "Əliyev R. Tarix. İKI cilddə. Bakı, 2000.",
        "Əliyev R. Tarix. in ıkı cilddə. Bakı, 2000.",
        "Əliyev R. Tarix. 2 cıld\u{00AD}də. Bakı: Elm, 2000. 300 s.",
        "Əliyev R. Tarix. ikı cilddə. Bakı, 2000.",
        "Kaya A. Osmanlı. Tarih Dergisi ıçınde. İstanbul, 2001.",
    ] {
        let r = parse_reference(text, &vocab);
        assert_eq!(r.raw, text);
        exercise(&format!("## ƏDƏBİYYAT\n\n1. {text}\n"));
    }
}
