//! Fuzz target `check`: any bytes -> read_bytes -> check -> every format.
//!
//! Bytes starting `PK\x03\x04` go through the .docx reader. Besides "never
//! panics", it asserts what tests/properties.rs asserts: every span in bounds
//! and on char boundaries, raw text equal to its span, no overlaps.

#![no_main]

use istinad::emit::{self, Format, Locale, Options, Style};
use istinad::{Config, Diagnostic, Span};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static CONFIG: LazyLock<Config> = LazyLock::new(Config::default);

fn in_bounds(text: &str, span: &Span) {
    assert!(span.start <= span.end, "{span:?} is reversed");
    assert!(
        text.get(span.clone()).is_some(),
        "{span:?} is not a range of the text"
    );
}

fn diagnostic(text: &str, d: &Diagnostic) {
    in_bounds(text, &d.span);
    for label in &d.labels {
        in_bounds(text, &label.span);
    }
    for edit in d.fix.iter().flat_map(|f| &f.edits) {
        in_bounds(text, &edit.span);
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(source) = istinad::input::read_bytes("fuzz.md", data) else {
        return;
    };
    let text = source.text();
    let report = istinad::check(&source, &CONFIG);
    for r in &report.references {
        in_bounds(text, &r.span);
        assert_eq!(&text[r.span.clone()], r.raw);
    }
    // A reference manager's item that no printed entry prints (issue 19)
    // is a record with an empty span where it is cited, out of the list's
    // order: only printed entries are held apart.
    let printed: Vec<_> = report.references.iter().filter(|r| !r.span.is_empty()).collect();
    for w in printed.windows(2) {
        assert!(w[0].span.end <= w[1].span.start, "references overlap");
    }
    for c in &report.citations {
        in_bounds(text, &c.span);
        for item in &c.items {
            in_bounds(text, &item.number_span);
            for l in item.locator.iter().chain(&item.more_locators) {
                in_bounds(text, &l.span);
            }
        }
    }
    for w in report.citations.windows(2) {
        assert!(w[0].span.end <= w[1].span.start, "citations overlap");
    }
    for d in &report.diagnostics {
        diagnostic(text, d);
    }
    for format in Format::ALL {
        let (_, findings) = emit::convert(&report.references, format, &Options::default())
            .expect("every parsed reference converts");
        for d in &findings {
            diagnostic(text, d);
        }
    }
    // Rendering goes through a CSL engine and is slow; one style per input.
    let style = Style::ALL[data.len() % Style::ALL.len()];
    emit::render(&report.references, style, Locale::Ru).expect("every parsed reference renders");
});
