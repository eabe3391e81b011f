//! Fuzz target `parse_reference`: any string -> parse_reference, spans in bounds.

#![no_main]

use istinad::Vocabulary;
use istinad::parse::parse_reference;
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static VOCAB: LazyLock<Vocabulary> = LazyLock::new(Vocabulary::builtin);

fuzz_target!(|text: &str| {
    let r = parse_reference(text, &VOCAB);
    assert_eq!(text.get(r.span.clone()), Some(r.raw.as_str()));
    for d in &r.diagnostics {
        assert!(text.get(d.span.clone()).is_some(), "{d:?}");
        for label in &d.labels {
            assert!(text.get(label.span.clone()).is_some(), "{d:?}");
        }
        for edit in d.fix.iter().flat_map(|f| &f.edits) {
            assert!(text.get(edit.span.clone()).is_some(), "{d:?}");
        }
    }
});
