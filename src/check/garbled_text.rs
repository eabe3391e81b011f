//! Check P004 garbled-text: text damaged by a wrong encoding.

use super::{Check, EntryText, RuleDocs};
use crate::diagnostic::Diagnostic;
use crate::fix::{Applicability, Edit, Fix};
use crate::model::Reference;
use crate::rule::Rule;
use crate::script::Letter;

/// Text damaged by a wrong encoding.
pub(crate) struct GarbledText;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "An entry's text was damaged by decoding it with the wrong encoding: replacement characters `�` or UTF-8 read as Windows-1252 (`Ð”Ð¾Ðº…`).",
    why: "Copying from old PDFs and Word files in Windows-1251/1256 produces such text; no reader can recover the title from it.",
    example: "`Ð”Ð¾ÐºÑƒÐ¼ÐµÐ½Ñ‚Ñ‹ …`: flagged. `Документы внешней политики СССР` accepted.",
    fix: "No automatic fix: convert the source file from its real encoding.",
};

impl Check for GarbledText {
    /// Letters of Azerbaijani 8-bit fonts read as Latin Extended-A (`Ġ` for
    /// `İ`, `Ģ` for `Ş`; conventions.md B.0): the text is kept and read, and
    /// the damage reported with the likely letters.
    fn entry(e: &EntryText) -> Vec<Diagnostic> {
        let r = e.reference;
        let base = r.span.start;
        let mut edits = Vec::new();
        // Read only at a `ġ`: reading the rest of the word at every
        // character made this rule a fifth of `refs`.
        let upper_word = |i: usize| {
            r.raw[i..]
                .chars()
                .take_while(|c| c.is_letter())
                .filter(|c| c.is_letter())
                .all(|c| !c.is_lowercase())
        };
        for (i, c) in r.raw.char_indices() {
            let to = match c {
                'Ġ' => "İ",
                'ġ' if upper_word(i) => "İ",
                'ġ' => "i",
                'Ģ' => "Ş",
                'ģ' => "ş",
                _ => continue,
            };
            edits.push(Edit {
                span: base + i..base + i + c.len_utf8(),
                replacement: to.to_string(),
            });
        }
        let Some(first) = edits.first() else {
            return Vec::new();
        };
        let span = first.span.clone();
        vec![
            Diagnostic::new(Rule::GarbledText, span, format!("entry {} has letters of an old 8-bit Azerbaijani font (`Ġ` for `İ`, `Ģ` for `Ş`)", r.number))
                .with_reference(r.number)
                .with_fix(Fix { message: "Replace them with Azerbaijani letters".into(), applicability: Applicability::Unsafe, edits }),
        ]
    }
}

impl GarbledText {
    /// The finding about an entry decoded with the wrong encoding, whose
    /// damage starts at byte `at` of its text (`script::garbled`); the
    /// parser did not read it, and no other entry rule runs on it.
    pub(crate) fn undecodable(r: &Reference, at: usize) -> Diagnostic {
        let start = r.span.start + at;
        let len = r.raw[at..].chars().next().map_or(0, char::len_utf8);
        Diagnostic::new(
            Rule::GarbledText,
            start..start + len,
            format!("entry {} is garbled: its text was decoded with the wrong encoding", r.number),
        )
        .with_reference(r.number)
        .with_help("copy the entry again from the original, or convert the file from its real encoding (often Windows-1251 or Windows-1256) to UTF-8")
    }
}
