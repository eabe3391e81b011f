//! Fuzz target `cite`: the in-text citation scanner, `cite::scan_citations`,
//! over any text as a body, against a list of 1–40 entries.
//!
//! Asserts what the scanner promises: every citation, item, locator and
//! finding span is in bounds and on a character boundary, a citation's text
//! is the text of its span, and citations do not overlap.

#![no_main]

use istinad::Span;
use istinad::vocab::Vocabulary;
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static VOCAB: LazyLock<Vocabulary> = LazyLock::new(Vocabulary::builtin);

fn in_bounds(text: &str, span: &Span) {
    assert!(span.start <= span.end, "{span:?} is reversed");
    assert!(text.get(span.clone()).is_some(), "{span:?} is not a range of the text");
}

fuzz_target!(|data: &[u8]| {
    let Some((&n, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let entries: Vec<u32> = (1..=u32::from(n % 40) + 1).collect();
    let scan = istinad::cite::scan_citations(text, &[0..text.len()], &entries, &VOCAB, &[]);
    for c in &scan.citations {
        in_bounds(text, &c.span);
        assert_eq!(&text[c.span.clone()], c.text);
        for item in &c.items {
            in_bounds(text, &item.number_span);
            for l in item.locator.iter().chain(&item.more_locators) {
                in_bounds(text, &l.span);
            }
        }
    }
    for w in scan.citations.windows(2) {
        assert!(w[0].span.end <= w[1].span.start, "citations overlap");
    }
    for d in &scan.diagnostics {
        in_bounds(text, &d.span);
        for e in d.fix.iter().flat_map(|f| &f.edits) {
            in_bounds(text, &e.span);
        }
    }
});
