//! Check P004 garbled-text: text damaged by a wrong encoding.

use super::{Check, RuleDocs};

/// Text damaged by a wrong encoding.
pub(crate) struct GarbledText;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "An entry's text was damaged by decoding it with the wrong encoding: replacement characters `�` or UTF-8 read as Windows-1252 (`Ð”Ð¾Ðº…`).",
    why: "Copying from old PDFs and Word files in Windows-1251/1256 produces such text; no reader can recover the title from it.",
    example: "`Ð”Ð¾ÐºÑƒÐ¼ÐµÐ½Ñ‚Ñ‹ …`: flagged. `Документы внешней политики СССР` accepted.",
    fix: "No automatic fix: convert the source file from its real encoding.",
};

impl Check for GarbledText {}
