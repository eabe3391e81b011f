//! Check E002 missing-required-field: a field the output format requires and the entry lacks (found by `emit/bibtex.rs`).

use super::{Check, RuleDocs};

/// A field the output format requires and the entry lacks; found by `emit/bibtex.rs`, documented here.
pub(crate) struct MissingRequiredField;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "An entry lacks a field its BibLaTeX/BibTeX entry type requires (author of a book, title or date of an archival file), so biber will warn \"Missing mandatory field\".",
    why: "istinad writes what the source gives and never invents an author, a title or a year; this note says in advance which of biber's data-model warnings come from the source itself.",
    example: "`Документы внешней политики СССР. (1959) Том II. Москва.` converted to BibLaTeX: `@book` without `author`, noted. `ARDA: f. 28. siy. 1. iş 72`: `@misc` without `title` and `date`, noted.",
    fix: "No fix: add the missing data to the reference list, or accept biber's warning.",
};

impl Check for MissingRequiredField {}
