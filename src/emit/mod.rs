//! Emit: references -> BibLaTeX, BibTeX, CSL-JSON, hayagriva YAML, RIS, and rendered text.
//!
//! Each output format is one file and one conversion of the canonical model
//! ([`Reference`]); the field mapping, and why, is `docs/formats.md`.
//!
//! | file           | writes                                                          |
//! |----------------|-----------------------------------------------------------------|
//! | `keys.rs`      | citation keys: `hesenli2012`, `arda28a`, or `ref12`             |
//! | `fields.rs`    | what all formats share: dates, archival search data, notes      |
//! | `bibtex.rs`    | BibLaTeX and classic BibTeX: one builder, two `Dialect`s        |
//! | `csl_json.rs`  | CSL-JSON (CSL 1.0.2 schema) from istinad's own serde structs    |
//! | `hayagriva.rs` | hayagriva YAML via hayagriva's own types                        |
//! | `ris.rs`       | RIS, UTF-8                                                      |
//! | `text.rs`      | a rendered list (GOST, Chicago, APA) via hayagriva's CSL engine |
//! | `markup.rs`    | the rendered list as Markdown, HTML, RTF (italics, small caps)  |
//! | `docx.rs`      | the rendered list as a `.docx` (hand-written WordprocessingML)  |
//!
//! A value a format has no place for is never dropped silently: it is folded
//! into the note or left out, and either way reported as an
//! [`unrepresentable-field`](crate::Rule::UnrepresentableField) finding
//! (E001, info) naming the entry, the field and the format.
//!
//! ```
//! use istinad::emit::{convert, Format, Options};
//! use istinad::parse::parse_reference;
//! use istinad::Vocabulary;
//!
//! let reference = parse_reference("ARDA: f. 28. siy. 1. iş 72", &Vocabulary::builtin());
//! let (ris, findings) = convert(&[reference], Format::Ris, &Options::default())?;
//! assert!(ris.contains("AV  - f. 28, siy. 1, iş 72"));
//! assert!(findings.is_empty());
//! # Ok::<(), istinad::Error>(())
//! ```

pub mod bibtex;
pub mod csl_json;
mod docx;
mod fields;
pub mod hayagriva;
pub mod keys;
mod markup;
pub mod ris;
pub mod text;

use std::io::Write;

use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::model::Reference;

pub use bibtex::Dialect;
pub use keys::{KeyStyle, keys};
pub use text::{Locale, Output, Style, render, render_to, write_text};

/// An output format of `istinad convert`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// BibLaTeX `.bib` (biber's data model).
    Biblatex,
    /// Classic BibTeX `.bib` (BibTeX 0.99 field names).
    Bibtex,
    /// CSL-JSON, the input format of citeproc-js, pandoc and Zotero.
    CslJson,
    /// hayagriva YAML, the bibliography format of Typst.
    Hayagriva,
    /// RIS, read by Zotero, EndNote, Mendeley and citation-js.
    Ris,
}

impl Format {
    /// Every format, in the order the CLI lists them.
    pub const ALL: [Format; 5] = [
        Format::Bibtex,
        Format::Biblatex,
        Format::CslJson,
        Format::Hayagriva,
        Format::Ris,
    ];

    /// The name used on the command line (`--to csl-json`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Biblatex => "biblatex",
            Format::Bibtex => "bibtex",
            Format::CslJson => "csl-json",
            Format::Hayagriva => "hayagriva",
            Format::Ris => "ris",
        }
    }

    /// Finds a format by its command-line name.
    pub fn from_name(name: &str) -> Option<Format> {
        let name = name.trim();
        Format::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name))
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Biblatex | Format::Bibtex => "bib",
            Format::CslJson => "json",
            Format::Hayagriva => "yaml",
            Format::Ris => "ris",
        }
    }

    /// The extensions its readers recognise, the usual one first (pandoc
    /// takes a bibliography's format from its extension: `.json` for
    /// CSL-JSON, `.bib` for both `.bib` dialects, `.yaml`, `.ris`).
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Format::Biblatex | Format::Bibtex => &["bib"],
            Format::CslJson => &["json"],
            Format::Hayagriva => &["yaml", "yml"],
            Format::Ris => &["ris"],
        }
    }

    /// What the format is for, in one line (the CLI's help).
    pub fn about(self) -> &'static str {
        match self {
            Format::Biblatex => "BibLaTeX (biber)",
            Format::Bibtex => "Plain BibTeX",
            Format::CslJson => "CSL-JSON (pandoc, Zotero, citeproc-js)",
            Format::Hayagriva => "hayagriva YAML (Typst)",
            Format::Ris => "RIS (EndNote, Mendeley, Zotero)",
        }
    }

    /// The format's name in messages.
    pub fn title(self) -> &'static str {
        match self {
            Format::Biblatex => "BibLaTeX",
            Format::Bibtex => "BibTeX",
            Format::CslJson => "CSL-JSON",
            Format::Hayagriva => "hayagriva YAML",
            Format::Ris => "RIS",
        }
    }
}

/// How to convert.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// How citation keys (BibTeX keys, CSL ids, YAML keys) are made.
    pub keys: KeyStyle,
    /// Write BibLaTeX's `language` beside `langid` (biblatex's standard
    /// styles print it: "Russian."); off, `langid` alone says the language.
    pub keep_language: bool,
}

/// Converts `references` to `format`: the text, and a finding for every
/// value the format has no place for.
///
/// `Err` only when an output library fails to serialize (never for
/// well-formed references).
pub fn convert(
    references: &[Reference],
    format: Format,
    options: &Options,
) -> Result<(String, Vec<Diagnostic>), Error> {
    let inherited = with_repeated_authors(references);
    let references = inherited.as_deref().unwrap_or(references);
    match format {
        Format::Biblatex => bibtex::to_bib_string(references, Dialect::Biblatex, options),
        Format::Bibtex => bibtex::to_bib_string(references, Dialect::Bibtex, options),
        Format::CslJson => csl_json::to_csl_json_string(references, options),
        Format::Hayagriva => hayagriva::to_hayagriva_string(references, options),
        Format::Ris => ris::to_ris_string(references),
    }
}

/// The list with each same-author entry (`———. 1998a.`, `Его же`) given
/// the authors it repeats, as every format wants them written out; `None`
/// when no entry repeats another's authors.
fn with_repeated_authors(references: &[Reference]) -> Option<Vec<Reference>> {
    if references.iter().all(|r| r.authors_from.is_none()) {
        return None;
    }
    let by_number: std::collections::HashMap<u32, &Reference> =
        references.iter().map(|r| (r.number, r)).collect();
    Some(
        references
            .iter()
            .map(|r| {
                let mut r = r.clone();
                if r.authors.is_empty()
                    && let Some(from) = r.authors_from.and_then(|n| by_number.get(&n))
                {
                    r.authors = from.authors.clone();
                }
                r
            })
            .collect(),
    )
}

/// Writes `references` as `format` to `out`; returns the findings.
pub fn write(
    references: &[Reference],
    format: Format,
    options: &Options,
    out: impl Write,
) -> Result<Vec<Diagnostic>, Error> {
    let inherited = with_repeated_authors(references);
    let references = inherited.as_deref().unwrap_or(references);
    let keys = keys::disambiguate(
        references
            .iter()
            .map(|r| keys::base(r, options.keys))
            .collect(),
    );
    write_records(references.iter(), keys, format, options, out)
}

/// Writes a list's records as `format` to `out` as they come, each with
/// its key (`keys`, made over the whole list by [`keys()`], in the same
/// order) and the authors it repeats given ([`repeating_authors`]): CSL-JSON,
/// BibTeX, BibLaTeX and RIS hold one record and its text at a time
/// (issue 12), hayagriva YAML is made whole by hayagriva. The same bytes
/// and findings as [`write()`] of the list.
pub fn write_records<R: std::borrow::Borrow<Reference>>(
    records: impl Iterator<Item = R>,
    keys: keys::Keys,
    format: Format,
    options: &Options,
    mut out: impl Write,
) -> Result<Vec<Diagnostic>, Error> {
    let keyed = records.zip(keys.iter().map(str::to_string));
    match format {
        Format::CslJson => csl_json::write_records(keyed, out),
        Format::Biblatex => bibtex::write_records(keyed, Dialect::Biblatex, options, out),
        Format::Bibtex => bibtex::write_records(keyed, Dialect::Bibtex, options, out),
        Format::Ris => ris::write_records(keyed.map(|(r, _)| r), out),
        Format::Hayagriva => {
            let list: Vec<Reference> = keyed.map(|(r, _)| r.borrow().clone()).collect();
            let (text, diagnostics) = hayagriva::to_hayagriva_string(&list, options)?;
            out.write_all(text.as_bytes())
                .map_err(|e| output_error(format.title(), e))?;
            Ok(diagnostics)
        }
    }
}

/// A list's records as they come, each same-author entry given the authors
/// it repeats, as [`write()`] gives them to every format when the list's
/// numbers are all different: what it keeps is the last entry that names
/// its authors (the one a same-author mark can repeat).
pub fn repeating_authors(
    records: impl Iterator<Item = Reference>,
) -> impl Iterator<Item = Reference> {
    let mut authored: Option<(u32, Vec<crate::model::Person>)> = None;
    records.map(move |mut r| {
        if !r.authors.is_empty() {
            if !r.ibid {
                authored = Some((r.number, r.authors.clone()));
            }
        } else if let (Some(from), Some((number, authors))) = (r.authors_from, &authored)
            && from == *number
        {
            r.authors.clone_from(authors);
        }
        r
    })
}

/// A sentence saying why `path` is not a good name for output with the
/// usual `extensions` (`-o refs.csl-json`: pandoc wants `.json`), or `None`.
pub fn extension_mismatch(path: &std::path::Path, extensions: &[&str]) -> Option<String> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default();
    if extensions.iter().any(|e| e.eq_ignore_ascii_case(ext)) {
        return None;
    }
    let wanted = extensions
        .iter()
        .map(|e| format!("`.{e}`"))
        .collect::<Vec<_>>()
        .join(" or ");
    let shown = if ext.is_empty() {
        "has no extension".to_string()
    } else {
        format!("ends in `.{ext}`")
    };
    Some(format!(
        "`{}` {shown}; readers of this format (pandoc among them) expect {wanted}",
        path.display()
    ))
}

/// An I/O or serializer failure while writing `what`.
pub(crate) fn output_error(what: &str, error: impl std::fmt::Display) -> Error {
    Error::Output {
        what: what.to_string(),
        message: error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_round_trip() {
        for format in Format::ALL {
            assert_eq!(Format::from_name(format.name()), Some(format));
        }
        assert_eq!(Format::from_name("CSL-JSON"), Some(Format::CslJson));
        assert_eq!(Format::from_name("endnote"), None);
    }

    #[test]
    fn an_output_extension_the_format_lacks_is_named() {
        use std::path::Path;
        let csl = Format::CslJson.extensions();
        assert_eq!(extension_mismatch(Path::new("refs.json"), csl), None);
        assert_eq!(extension_mismatch(Path::new("REFS.JSON"), csl), None);
        let warning = extension_mismatch(Path::new("refs.csl-json"), csl).expect("warned");
        assert!(
            warning.contains("`.csl-json`") && warning.contains("`.json`"),
            "{warning}"
        );
        assert!(extension_mismatch(Path::new("refs"), Format::Bibtex.extensions()).is_some());
        assert_eq!(
            extension_mismatch(Path::new("a.yml"), Format::Hayagriva.extensions()),
            None
        );
    }

    #[test]
    fn a_same_author_entry_is_written_with_the_authors_it_repeats() {
        let text = "References\n1. Cole, Juan. 1997. Tigris. London: Penguin.\n2. ———. 1998a. Modernity. New York: Columbia.\n";
        let source = crate::Source::new("t", text);
        let vocab = crate::Vocabulary::builtin();
        let document = crate::split::split(&source, &vocab);
        let refs = crate::parse::parse_references(&source, &document, &vocab);
        assert!(refs[1].authors.is_empty());
        // As if the entry had named its authors itself.
        let mut named = refs.clone();
        named[1].authors = named[0].authors.clone();
        named[1].authors_from = None;
        for format in Format::ALL {
            let options = Options::default();
            let (out, _) = convert(&refs, format, &options).expect("converts");
            let (want, _) = convert(&named, format, &options).expect("converts");
            assert_eq!(out, want, "{}", format.name());
            // Written as it is made, too.
            let mut written = Vec::new();
            write(&refs, format, &options, &mut written).expect("writes");
            assert_eq!(
                String::from_utf8(written).expect("utf-8"),
                want,
                "{}",
                format.name()
            );
        }
    }
}
