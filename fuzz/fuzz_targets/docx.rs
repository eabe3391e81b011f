//! Fuzz target `docx`: any bytes, read as a .docx package by the reader in
//! `input/docx.rs` (zip, then WordprocessingML and its parts).
//!
//! Seeded with the .docx fixtures, so libFuzzer mutates real packages. Any
//! answer is fine, an `Err` included; a panic, a hang or memory beyond
//! libFuzzer's limit is a finding. A text it returns must be checkable.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The name decides the format: every input goes through the reader,
    // whether or not it starts like a zip.
    if let Ok(source) = istinad::input::read_bytes("fuzz.docx", data) {
        let text = source.text();
        let report = istinad::check(&source, &istinad::Config::default());
        for d in &report.diagnostics {
            assert!(text.get(d.span.clone()).is_some(), "{:?} out of the text", d.span);
        }
    }
});
