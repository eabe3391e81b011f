//! Check: the docs of the rules about the document's structure (S001, S002) and conversions (E001).

use super::RuleDocs;

pub(crate) const MISSING_REFERENCE_SECTION: RuleDocs = RuleDocs {
    summary: "No reference list was found under a known heading, or the heading has no entries under it.",
    why: "Without a list no citation can be checked. istinad knows the headings of az, ru, fa, tr and en journals (`bib/headings.toml`); a list under another heading is read only if it is the numbered block at the end.",
    example: "A manuscript with citations and no `ƏDƏBİYYAT`/`Литература`/`منابع`/`KAYNAKÇA`/`References` list: flagged. Add headings of your journal in `istinad.toml` under `[headings] references = […]`.",
    fix: "No automatic fix.",
};

pub(crate) const EMPTY_DOCUMENT: RuleDocs = RuleDocs {
    summary: "The input has no text.",
    why: "An empty file is usually a failed export or the wrong file.",
    example: "A file of zero bytes or only spaces: flagged.",
    fix: "No automatic fix.",
};

pub(crate) const UNREPRESENTABLE_FIELD: RuleDocs = RuleDocs {
    summary: "A field of an entry has no place in the output format and is kept only as a note, or not at all.",
    why: "Converters that drop archival fields silently lose the reference (Zotero's BibTeX import keeps no archive fields); istinad says what each format cannot hold.",
    example: "Converting an archival entry to plain BibTeX: its fond, inventory and file go into `howpublished`, reported as info.",
    fix: "No fix: choose a format that holds the field (CSL-JSON keeps everything).",
};

pub(crate) const MISSING_REQUIRED_FIELD: RuleDocs = RuleDocs {
    summary: "An entry lacks a field its BibLaTeX/BibTeX entry type requires (author of a book, title or date of an archival file), so biber will warn \"Missing mandatory field\".",
    why: "istinad writes what the source gives and never invents an author, a title or a year; this note says in advance which of biber's data-model warnings come from the source itself.",
    example: "`Документы внешней политики СССР. (1959) Том II. Москва.` converted to BibLaTeX: `@book` without `author`, noted. `ARDA: f. 28. siy. 1. iş 72`: `@misc` without `title` and `date`, noted.",
    fix: "No fix: add the missing data to the reference list, or accept biber's warning.",
};
