//! Check: the docs of the rules the parser applies to one entry (P001–P004, R001, R003).
//!
//! The findings themselves are made where the entry is read (`parse/`); the
//! checker passes them on with the configured severity.

use super::RuleDocs;

pub(crate) const UNPARSED_REFERENCE: RuleDocs = RuleDocs {
    summary: "A list entry could not be read as a reference; it is kept as text, kind `other`.",
    why: "Every entry should say what it describes; an entry istinad cannot read is often prose caught in the list, two entries run together, or a fragment.",
    example: "`Bu gün hava çox gözəldir` in the list: flagged. `Həsənli Cəmil. (2012) Sovet dövründə… Bakı` accepted.",
    fix: "No automatic fix. The text stays in the record's `raw`.",
};

pub(crate) const INCOMPLETE_ARCHIVAL_REFERENCE: RuleDocs = RuleDocs {
    summary: "An archival reference lacks a part: a label without its number (`f. ,`), only the archive's name, or a fond with no file.",
    why: "GOST R 7.0.5-2008 §11 and archive practice identify a document by archive, fond, inventory (if any), file and leaves; a reference without the file cannot be ordered in a reading room.",
    example: "`ARDA, f. , siy. 1`, `РГАСПИ.`, `BOA, HR.SYS, `: flagged. `ARDA: f. 28. siy. 1. iş 72` accepted.",
    fix: "No automatic fix.",
};

pub(crate) const UNBALANCED_BRACKETS: RuleDocs = RuleDocs {
    summary: "An entry opens a bracket or quote it never closes, or closes one it never opened: `(`, `[`, `«`, `“`, `\"`, `<`.",
    why: "An unclosed bracket makes the rest of the entry part of a year, subtitle or title, and breaks conversion to BibTeX and RIS.",
    example: "`Həsənli Cəmil. (2012 Sovet…`: flagged. `Bakı: «Elm», 2009` accepted.",
    fix: "No automatic fix: where the bracket should close is not known.",
};

pub(crate) const GARBLED_TEXT: RuleDocs = RuleDocs {
    summary: "An entry's text was damaged by decoding it with the wrong encoding: replacement characters `�` or UTF-8 read as Windows-1252 (`Ð”Ð¾Ðº…`).",
    why: "Copying from old PDFs and Word files in Windows-1251/1256 produces such text; no reader can recover the title from it.",
    example: "`Ð”Ð¾ÐºÑƒÐ¼ÐµÐ½Ñ‚Ñ‹ …`: flagged. `Документы внешней политики СССР` accepted.",
    fix: "No automatic fix: convert the source file from its real encoding.",
};

pub(crate) const TRUNCATED_URL: RuleDocs = RuleDocs {
    summary: "A URL is cut short with `...` or `…`.",
    why: "Word processors and citation copy-paste shorten long addresses for display; the shortened address leads nowhere.",
    example: "`https://www.seratnews.com/.../گ-جمهوری-سوسیالیستی`: flagged. `http://pahlaviha.pchi.ir/show.php?page=contents&id=13376` accepted.",
    fix: "No automatic fix: the full address is not in the text.",
};

pub(crate) const MALFORMED_URL: RuleDocs = RuleDocs {
    summary: "A URL has no host name, usually because spaces were typed inside it.",
    why: "`https:// www.example .com/ x` is three fragments, not an address.",
    example: "`https:// www.seratnews .com/`: flagged. `https://www.seratnews.com/fa/news/12345` accepted.",
    fix: "No automatic fix.",
};

pub(crate) const MIXED_SCRIPT: RuleDocs = RuleDocs {
    summary: "An entry has a letter of another script inside a word or as a label: Latin `C.` for Cyrillic `С.` in a Russian entry, Cyrillic `с.` in an Azerbaijani one, Latin `o` inside a Cyrillic word.",
    why: "Look-alike letters typed on the wrong keyboard layout break search, sorting and every tool that reads the label: Latin `c.` is the Azerbaijani volume label, Cyrillic `с.` the Russian page (conventions.md B.0).",
    example: "`… № 3. C. 41–58.` in a Russian entry and `Bakı: Elm, 2007. 168 с.` in an Azerbaijani one: flagged. `С. 41–58` and `168 s.` accepted.",
    fix: "Safe fix: the letter of the entry's own script that looks the same.",
};
