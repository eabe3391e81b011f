//! Emit: a rendered reference list (GOST, Chicago, APA) through hayagriva's CSL engine.
//!
//! * **GOST** is istinad's own GOST R 7.0.5-2008 style with complete archival
//!   references (`styles/gost-r-7-0-5-2008-archival.csl`). GOST gives the
//!   conventional words of each description in the language of the document
//!   described (`Т. 2. 464 с.` / `C. 2. 464 s.`), so every entry is rendered by
//!   its own driver in its own language's locale (`az-AZ` is istinad's own,
//!   `styles/locales-az-AZ.xml`), numbered by its list number. The `locale`
//!   argument is used for entries whose language is unknown.
//! * **Chicago** (notes and bibliography, 18th ed.) and **APA** (7th ed.) are
//!   the styles hayagriva bundles; they print `archive` and
//!   `archive_location`, so archival entries are complete. One driver renders
//!   the whole list in `locale`, and the style sorts it.
//!
//! A Solar or lunar Hijri year is shown as printed with the Gregorian year
//! beside it, `1388 [2009]`: GOST's own rule (GOST 7.1-2003 §4.6.6), rendered
//! by our style from `original-date`. Chicago and APA would print
//! `original-date` as a first edition ("Original work published 1388"), so
//! they get the Gregorian year only and the printed year is added beside it
//! after rendering.
//!
//! Persian names: hayagriva does not shorten given names written in a
//! caseless script (`بیات کاوه`, not `بیات ک.`); that is kept on purpose:
//! Persian bibliographies print given names in full, and an Arabic-script
//! initial is not a convention of the language.
//!
//! Plain-text output has no markup for direction, so every right-to-left run
//! is wrapped in U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE
//! (Unicode Bidirectional Algorithm, UAX #9 §2.7): a line numbered `5.` that
//! starts with a Persian name would otherwise be laid out right to left as a
//! whole, and its Cyrillic or Latin punctuation scrambled.

use crate::script::Letter;
use std::sync::LazyLock;

use hayagriva::archive::{ArchivedStyle, locales};
use hayagriva::citationberg::json::Item as CslItem;
use hayagriva::citationberg::{FontStyle, FontVariant, FontWeight};
use hayagriva::citationberg::{
    IndependentStyle, Locale as CslLocale, LocaleCode, LocaleFile, Style as CslStyle,
};
use hayagriva::{
    BibliographyDriver, BibliographyItem, BibliographyRequest, CitationItem, CitationRequest,
    ElemChild, Formatted,
};

use crate::error::Error;
use crate::model::{Language, Reference, ReferenceKind};

use super::csl_json::{DateVar, Name, item};
use super::fields::{Separator, Ymd, archive_location, issued, printable};
use super::{KeyStyle, keys, output_error};

const GOST_CSL: &str = include_str!("../../styles/gost-r-7-0-5-2008-archival.csl");
const AZ_LOCALE: &str = include_str!("../../styles/locales-az-AZ.xml");

/// A citation style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    /// GOST R 7.0.5-2008, numeric, with archival references (istinad's own CSL).
    Gost,
    /// Chicago Manual of Style, 18th edition, notes and bibliography.
    Chicago,
    /// APA, 7th edition.
    Apa,
}

impl Style {
    /// Every style.
    pub const ALL: [Style; 3] = [Style::Gost, Style::Chicago, Style::Apa];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Style::Gost => "gost",
            Style::Chicago => "chicago",
            Style::Apa => "apa",
        }
    }

    /// The style in one line (the CLI's help).
    pub fn about(self) -> &'static str {
        match self {
            Style::Gost => "GOST R 7.0.5-2008, numeric, with archival references (ours)",
            Style::Chicago => "Chicago 18th, notes and bibliography",
            Style::Apa => "APA 7th",
        }
    }

    /// Finds a style by name.
    pub fn from_name(name: &str) -> Option<Style> {
        Style::ALL
            .into_iter()
            .find(|s| s.name().eq_ignore_ascii_case(name.trim()))
    }
}

/// The language of a rendered list's terms (`Т.`/`C.`/`Vol.`, `с.`/`s.`/`p.`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Locale {
    /// Azerbaijani (`az-AZ`, istinad's own locale).
    Az,
    /// Russian (`ru-RU`).
    Ru,
    /// Persian (`fa-IR`).
    Fa,
    /// English (`en-US`).
    En,
}

impl Locale {
    /// Every locale.
    pub const ALL: [Locale; 4] = [Locale::Az, Locale::Ru, Locale::Fa, Locale::En];

    /// The name used on the command line (`az`).
    pub fn name(self) -> &'static str {
        match self {
            Locale::Az => "az",
            Locale::Ru => "ru",
            Locale::Fa => "fa",
            Locale::En => "en",
        }
    }

    /// The locale's language (the CLI's help).
    pub fn about(self) -> &'static str {
        match self {
            Locale::Az => "Azerbaijani (ours)",
            Locale::Ru => "Russian",
            Locale::Fa => "Persian",
            Locale::En => "English",
        }
    }

    /// Finds a locale by name.
    pub fn from_name(name: &str) -> Option<Locale> {
        Locale::ALL
            .into_iter()
            .find(|l| l.name().eq_ignore_ascii_case(name.trim()))
    }

    fn code(self) -> &'static str {
        match self {
            Locale::Az => "az-AZ",
            Locale::Ru => "ru-RU",
            Locale::Fa => "fa-IR",
            Locale::En => "en-US",
        }
    }
}

/// The CSL locale of an entry's language.
fn entry_locale(language: Option<Language>, fallback: Locale) -> &'static str {
    match language {
        Some(Language::Az) => "az-AZ",
        Some(Language::Ru) => "ru-RU",
        Some(Language::Fa) => "fa-IR",
        Some(Language::Tr) => "tr-TR",
        Some(Language::En) => "en-US",
        Some(Language::Fr) => "fr-FR",
        None => fallback.code(),
    }
}

static GOST: LazyLock<Result<IndependentStyle, String>> =
    LazyLock::new(|| IndependentStyle::from_xml(GOST_CSL).map_err(|e| e.to_string()));

/// hayagriva's 63 bundled locales and istinad's az-AZ.
static LOCALES: LazyLock<Result<Vec<CslLocale>, String>> = LazyLock::new(|| {
    let az = LocaleFile::from_xml(AZ_LOCALE).map_err(|e| e.to_string())?;
    let mut all = locales();
    all.push(az.into());
    Ok(all)
});

fn bundled(style: ArchivedStyle) -> Result<IndependentStyle, Error> {
    match style.get() {
        CslStyle::Independent(s) => Ok(s),
        CslStyle::Dependent(_) => Err(output_error(
            "a rendered list",
            format!(
                "the bundled style `{}` is not independent",
                style.display_name()
            ),
        )),
    }
}

/// Renders `references` as a plain-text list in `style`, one entry a line.
///
/// `Err` if a style or locale shipped with istinad cannot be loaded, or the
/// CSL engine produces no bibliography.
pub fn render(references: &[Reference], style: Style, locale: Locale) -> Result<String, Error> {
    let mut out = String::new();
    for line in render_lines(references, style, locale)? {
        out.push_str(&isolate_rtl(&printable(&line_text(&line))));
        out.push('\n');
    }
    Ok(out)
}

/// What `render` writes: the same list, with or without its markup.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Output {
    /// Plain text, one entry a line (italics lost).
    #[default]
    Text,
    /// Markdown (pandoc's: `*italic*`, `[small caps]{.smallcaps}`).
    Markdown,
    /// An HTML document, one `<p>` an entry.
    Html,
    /// RTF, for pasting into a word processor.
    Rtf,
    /// A Word document (WordprocessingML), one paragraph an entry.
    Docx,
}

impl Output {
    /// Every output, in the order the CLI lists them.
    pub const ALL: [Output; 5] = [
        Output::Text,
        Output::Markdown,
        Output::Html,
        Output::Rtf,
        Output::Docx,
    ];

    /// The name used on the command line (`--to docx`).
    pub fn name(self) -> &'static str {
        match self {
            Output::Text => "text",
            Output::Markdown => "markdown",
            Output::Html => "html",
            Output::Rtf => "rtf",
            Output::Docx => "docx",
        }
    }

    /// The output in one line (the CLI's help).
    pub fn about(self) -> &'static str {
        match self {
            Output::Text => "plain text, one entry a line",
            Output::Markdown => "Markdown with italics and small caps (pandoc)",
            Output::Html => "HTML document",
            Output::Rtf => "RTF (paste into Word, LibreOffice)",
            Output::Docx => "Word document",
        }
    }

    /// The extensions of such a file, the usual one first.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Output::Text => &["txt"],
            Output::Markdown => &["md", "markdown"],
            Output::Html => &["html", "htm"],
            Output::Rtf => &["rtf"],
            Output::Docx => &["docx"],
        }
    }

    /// Finds an output by name.
    pub fn from_name(name: &str) -> Option<Output> {
        Output::ALL
            .into_iter()
            .find(|o| o.name().eq_ignore_ascii_case(name.trim()))
    }
}

/// Renders `references` in `style` as `output`: the bytes of the file.
/// Every output holds the same text as [`render`], character for character;
/// the others add the style's italics, bold and small caps.
pub fn render_to(
    references: &[Reference],
    style: Style,
    locale: Locale,
    output: Output,
) -> Result<Vec<u8>, Error> {
    if output == Output::Text {
        return render(references, style, locale).map(String::into_bytes);
    }
    let lines: Vec<Line> = render_lines(references, style, locale)?
        .iter()
        .map(|line| restyle(line, &isolate_rtl(&printable(&line_text(line)))))
        .collect();
    Ok(match output {
        Output::Text | Output::Markdown => super::markup::to_markdown(&lines).into_bytes(),
        Output::Html => super::markup::to_html(&lines).into_bytes(),
        Output::Rtf => super::markup::to_rtf(&lines).into_bytes(),
        Output::Docx => super::docx::to_docx(&lines)?,
    })
}

/// The rendered list, one [`Line`] of styled runs per entry, in the
/// style's order: what every output of `render --to` is written from.
pub(crate) fn render_lines(
    references: &[Reference],
    style: Style,
    locale: Locale,
) -> Result<Vec<Line>, Error> {
    let locales = LOCALES
        .as_ref()
        .map_err(|e| output_error("the az-AZ locale", e))?;
    let ids = keys(references, KeyStyle::Number);
    match style {
        Style::Gost => {
            let gost = GOST
                .as_ref()
                .map_err(|e| output_error("the GOST style", e))?;
            render_gost(references, &ids, gost, locales, locale)
        }
        Style::Chicago => {
            let chicago = bundled(ArchivedStyle::ChicagoNotes)?;
            render_sorted(references, &ids, &chicago, style, locales, locale)
        }
        Style::Apa => {
            let apa = bundled(ArchivedStyle::AmericanPsychologicalAssociation)?;
            render_sorted(references, &ids, &apa, style, locales, locale)
        }
    }
}

/// A piece of rendered text and how the style sets it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Run {
    pub(crate) text: String,
    pub(crate) italic: bool,
    pub(crate) bold: bool,
    pub(crate) small_caps: bool,
}

impl Run {
    fn same_look(&self, other: &Run) -> bool {
        (self.italic, self.bold, self.small_caps) == (other.italic, other.bold, other.small_caps)
    }
}

/// One rendered entry.
pub(crate) type Line = Vec<Run>;

/// The text of a line, without its styling.
pub(crate) fn line_text(line: &[Run]) -> String {
    line.iter().map(|r| r.text.as_str()).collect()
}

/// `line` with its text replaced by `text` (the same text after the small
/// repairs made on plain text: a period removed, a year inserted): every
/// character kept from the old text keeps its look, found by a longest
/// common subsequence over characters (lines are short); an inserted one
/// takes the look of the character before it.
fn restyle(line: &[Run], text: &str) -> Line {
    let old: Vec<(char, usize)> = line
        .iter()
        .enumerate()
        .flat_map(|(i, r)| r.text.chars().map(move |c| (c, i)))
        .collect();
    let new: Vec<char> = text.chars().collect();
    if old.iter().map(|(c, _)| *c).eq(new.iter().copied()) {
        return line.to_vec();
    }
    let (n, m) = (old.len(), new.len());
    let mut lcs = vec![0u16; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[at(i, j)] = if old[i].0 == new[j] {
                lcs[at(i + 1, j + 1)].saturating_add(1)
            } else {
                lcs[at(i + 1, j)].max(lcs[at(i, j + 1)])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut looks: Vec<Option<usize>> = Vec::with_capacity(m);
    while j < m {
        if i < n && old[i].0 == new[j] {
            looks.push(Some(old[i].1));
            i += 1;
            j += 1;
        } else if i < n && lcs[at(i + 1, j)] >= lcs[at(i, j + 1)] {
            i += 1;
        } else {
            looks.push(None);
            j += 1;
        }
    }
    let mut out: Line = Vec::new();
    let mut previous = line.first().map(|r| Run {
        text: String::new(),
        ..r.clone()
    });
    for (c, look) in new.iter().zip(looks) {
        let style = match look.and_then(|k| line.get(k)) {
            Some(r) => Run {
                text: String::new(),
                ..r.clone()
            },
            None => previous.clone().unwrap_or_default(),
        };
        match out.last_mut() {
            Some(last) if last.same_look(&style) => last.text.push(*c),
            _ => out.push(Run {
                text: c.to_string(),
                ..style.clone()
            }),
        }
        previous = Some(style);
    }
    out
}

/// The runs of a rendered bibliography item, its number first (GOST).
fn runs(item: &BibliographyItem, with_number: bool) -> Line {
    let mut out = Vec::new();
    if with_number && let Some(first) = &item.first_field {
        push_child(&mut out, first);
        push_text(&mut out, " ", &Run::default());
    }
    for child in &item.content.0 {
        push_child(&mut out, child);
    }
    out
}

fn push_child(out: &mut Line, child: &ElemChild) {
    match child {
        ElemChild::Text(f) => push_formatted(out, f),
        ElemChild::Link { text, .. } => push_formatted(out, text),
        ElemChild::Elem(e) => {
            for c in &e.children.0 {
                push_child(out, c);
            }
        }
        ElemChild::Markup(m) => push_text(out, m, &Run::default()),
        ElemChild::Transparent { .. } => {}
    }
}

fn push_formatted(out: &mut Line, f: &Formatted) {
    let look = Run {
        text: String::new(),
        italic: f.formatting.font_style == FontStyle::Italic,
        bold: f.formatting.font_weight == FontWeight::Bold,
        small_caps: f.formatting.font_variant == FontVariant::SmallCaps,
    };
    push_text(out, &f.text, &look);
}

fn push_text(out: &mut Line, text: &str, look: &Run) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if last.same_look(look) => last.text.push_str(text),
        _ => out.push(Run {
            text: text.to_string(),
            ..look.clone()
        }),
    }
}

/// Writes the list rendered in `style` to `out`.
pub fn write_text(
    references: &[Reference],
    style: Style,
    locale: Locale,
    mut out: impl std::io::Write,
) -> Result<(), Error> {
    let text = render(references, style, locale)?;
    out.write_all(text.as_bytes())
        .map_err(|e| output_error("a rendered list", e))
}

/// The CSL item the engine renders (not the one written to files): single
/// dates only (hayagriva panics on ranges), GOST's `. ` between archival
/// parts and its other-calendar year in `original-date`, and the printed
/// text tidied where hayagriva, unlike citeproc-js, would print it wrongly:
/// initials get their space (`М.И.` would become `М.`), ranges their en
/// dash, and an untitled newspaper issue is described by the newspaper's
/// name. (A doubled period, `гг..`, is collapsed after rendering.)
fn csl_item(
    r: &Reference,
    id: &str,
    style: Style,
    locales: &[CslLocale],
    locale: Locale,
) -> Result<CslItem, Error> {
    let separator = match style {
        Style::Gost => Separator::Period,
        Style::Chicago | Style::Apa => Separator::Comma,
    };
    let mut it = item(r, id.to_string(), separator);
    it.archive_location = it.archive_location.map(|l| en_dash_ranges(&l));
    it.page = it.page.map(|p| en_dash_ranges(&p));
    if r.kind == ReferenceKind::Newspaper && it.title.is_none() {
        it.title = it.container_title.take();
    }
    for name in it
        .author
        .iter_mut()
        .chain(&mut it.editor)
        .chain(&mut it.translator)
    {
        if let Name::Person { given, .. } = name {
            *given = spaced_initials(given);
        }
    }
    if style != Style::Gost {
        // Chicago and APA print the archive's name in full (Chicago 14.222:
        // "the name of the depository"; APA 7 §10.8: the archive's name).
        // The abbreviation follows in parentheses, as the reader meets it
        // in the text: `Azərbaycan Respublikasının Dövlət Arxivi (ARDA)`.
        if let Some(a) = r.archive.as_ref()
            && let Some(full) = a.full_name.as_deref()
        {
            it.archive = Some(match a.name.as_deref() {
                Some(abbr) if abbr != full => format!("{full} ({abbr})"),
                _ => full.to_string(),
            });
        }
    }
    if style == Style::Apa
        && let (Some(title), Some(suffix)) = (it.title.as_deref(), apa_volume(r, locales, locale))
    {
        it.title = Some(format!("{title}{suffix}"));
        it.volume = None;
    }
    if style == Style::Gost {
        it.original_date = r.original_year.map(|o| DateVar::parts(Ymd::year(o.year)));
    }
    it.accessed = r.accessed_on.map(DateVar::parts);
    let value = serde_json::to_value(&it).map_err(|e| output_error("a CSL item", e))?;
    serde_json::from_value(value).map_err(|e| output_error(&format!("CSL item `{id}`"), e))
}

/// ` (Vol. 2)`: what APA writes after the title of an authorless volume.
/// APA moves the title to the author's place when there is no author,
/// and its title macro then never prints the volume: `Том II` and
/// `Том III` became `1959a` and `1959b`. APA 7 §10.2 writes the volume
/// after the title, in roman type, `Title (Vol. 2)`.
fn apa_volume(r: &Reference, locales: &[CslLocale], locale: Locale) -> Option<String> {
    let volume = r.volume.as_deref()?;
    (r.authors.is_empty() && r.editors.is_empty() && (r.title.is_some() || r.subtitle.is_some()))
        .then(|| format!(" ({} {volume})", volume_term(locales, locale)))
}

/// `line` with the last occurrence of `part` set in roman type.
fn roman(line: &[Run], part: &str) -> Line {
    let text = line_text(line);
    let Some(at) = text.rfind(part) else {
        return line.to_vec();
    };
    let range = at..at + part.len();
    let mut out: Line = Vec::new();
    let mut offset = 0;
    for run in line {
        for c in run.text.chars() {
            let look = Run {
                text: String::new(),
                italic: run.italic && !range.contains(&offset),
                ..run.clone()
            };
            offset += c.len_utf8();
            match out.last_mut() {
                Some(last) if last.same_look(&look) => last.text.push(c),
                _ => out.push(Run {
                    text: c.to_string(),
                    ..look
                }),
            }
        }
    }
    out
}

/// The short term for a volume in `locale` (`Vol.`), as the style prints
/// it at the start of a parenthesis.
fn volume_term(locales: &[CslLocale], locale: Locale) -> String {
    use hayagriva::citationberg::TermForm;
    use hayagriva::citationberg::taxonomy::{NumberVariable, Term};
    let code = locale.code();
    let term = locales
        .iter()
        .filter(|l| l.lang.as_ref().is_some_and(|c| c.0 == code))
        .find_map(|l| {
            l.term(
                Term::NumberVariable(NumberVariable::Volume),
                TermForm::Short,
            )
        })
        .and_then(|t| t.single())
        .unwrap_or("vol.");
    let mut chars = term.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// `гг..` -> `гг.`, `гг..”` -> `гг.”`, `гг.”.` -> `гг.”`: a style's period
/// after text that ends with one (citeproc-js collapses these, hayagriva
/// does not). An ellipsis `...` and the URL are left alone.
fn collapse_periods(line: &str, url: Option<&str>) -> String {
    let keep = url
        .and_then(|u| line.find(u).map(|at| at..at + u.len()))
        .unwrap_or(0..0);
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut out = String::with_capacity(line.len());
    for (i, &(at, c)) in chars.iter().enumerate() {
        let prev = |k: usize| i.checked_sub(k).map(|j| chars[j].1);
        let next = chars.get(i + 1).map(|&(_, n)| n);
        let doubled = c == '.'
            && !keep.contains(&at)
            && next != Some('.')
            && ((prev(1) == Some('.') && prev(2) != Some('.'))
                || (prev(1) == Some('”') && prev(2) == Some('.') && prev(3) != Some('.')));
        if !doubled {
            out.push(c);
        }
    }
    out
}

/// `М.И.` -> `М. И.`, `G.M.` -> `G. M.`: hayagriva reads unspaced initials
/// as one given name and keeps only its first letter.
fn spaced_initials(given: &str) -> String {
    let chars: Vec<char> = given.chars().collect();
    let mut out = String::with_capacity(given.len() + 4);
    for (i, c) in chars.iter().enumerate() {
        out.push(*c);
        if *c == '.' && chars.get(i + 1).is_some_and(|n| n.is_letter()) {
            out.push(' ');
        }
    }
    out
}

/// `12-15 об.` -> `12–15 об.`: GOST and Chicago print ranges with an en dash.
fn en_dash_ranges(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, c) in chars.iter().enumerate() {
        let between_digits = *c == '-'
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        out.push(if between_digits { '–' } else { *c });
    }
    out
}

fn render_gost(
    references: &[Reference],
    ids: &[String],
    style: &IndependentStyle,
    locales: &[CslLocale],
    locale: Locale,
) -> Result<Vec<Line>, Error> {
    let mut lines = Vec::with_capacity(references.len());
    for (r, id) in references.iter().zip(ids) {
        let item = csl_item(r, id, Style::Gost, locales, locale)?;
        let code = LocaleCode(entry_locale(r.language, locale).to_string());
        let offset = usize::try_from(r.number.saturating_sub(1)).unwrap_or(0);
        let mut driver = BibliographyDriver::new().with_citation_number_offset(offset);
        driver.citation(CitationRequest::new(
            vec![CitationItem::with_entry(&item)],
            style,
            Some(code.clone()),
            locales,
            None,
        ));
        let rendered = driver.finish(BibliographyRequest::new(style, Some(code), locales));
        let entry = rendered
            .bibliography
            .and_then(|b| b.items.into_iter().next())
            .ok_or_else(|| {
                output_error("a GOST entry", format!("entry {} rendered empty", r.number))
            })?;
        let line = runs(&entry, true);
        let text = collapse_periods(&line_text(&line), r.url.as_deref());
        lines.push(restyle(&line, &with_original_year(&text, r)));
    }
    Ok(lines)
}

/// Chicago and APA: the style sorts the list. Two things the engine gets
/// wrong are put right around it:
///
/// * entries the style cannot tell apart by its sort keys (archival files
///   with no author and no title sort by their rendered text, `iş 172` <
///   `iş 577` < `iş 72`) are ordered by archive, fond, inventory, file and
///   leaves, each compared as a number where it is one;
/// * hayagriva gives `n.d.-a`, `1959a` … in the order the items were
///   cited, not in the order of the list (CSL 1.0.2, "year-suffix": in
///   bibliography order), so the list is rendered a second time with the
///   citations made in the final order.
fn render_sorted(
    references: &[Reference],
    ids: &[String],
    style: &IndependentStyle,
    which: Style,
    locales: &[CslLocale],
    locale: Locale,
) -> Result<Vec<Line>, Error> {
    let items = references
        .iter()
        .zip(ids)
        .map(|(r, id)| csl_item(r, id, which, locales, locale))
        .collect::<Result<Vec<_>, _>>()?;
    let cited: Vec<usize> = (0..items.len()).collect();
    let first = render_in_order(&items, &cited, style, locales, locale)?;
    let order = final_order(&first, ids, references);
    let second = render_in_order(&items, &order, style, locales, locale)?;
    let mut by_index: Vec<Option<Line>> = vec![None; references.len()];
    for (key, line) in second {
        if let Some(i) = ids.iter().position(|id| *id == key) {
            let r = &references[i];
            let text = collapse_periods(&line_text(&line), r.url.as_deref());
            let mut line = restyle(&line, &with_original_year(&text, r));
            if which == Style::Apa
                && let Some(suffix) = apa_volume(r, locales, locale)
            {
                line = roman(&line, suffix.trim_start());
            }
            by_index[i] = Some(line);
        }
    }
    Ok(order.iter().filter_map(|&i| by_index[i].take()).collect())
}

/// The bibliography of `items` cited in `order` (indices), as (key, line)
/// in the style's order.
fn render_in_order(
    items: &[CslItem],
    order: &[usize],
    style: &IndependentStyle,
    locales: &[CslLocale],
    locale: Locale,
) -> Result<Vec<(String, Line)>, Error> {
    let code = LocaleCode(locale.code().to_string());
    let mut driver = BibliographyDriver::new();
    for (n, item) in order.iter().filter_map(|&i| items.get(i)).enumerate() {
        driver.citation(CitationRequest::new(
            vec![CitationItem::with_entry(item)],
            style,
            Some(code.clone()),
            locales,
            Some(n + 1),
        ));
    }
    let rendered = driver.finish(BibliographyRequest::new(style, Some(code), locales));
    let bibliography = rendered
        .bibliography
        .ok_or_else(|| output_error("a rendered list", "the style has no bibliography"))?;
    bibliography
        .items
        .iter()
        .map(|entry| Ok((entry.key.clone(), runs(entry, false))))
        .collect()
}

/// The style's order (`first`, by key) with each run of consecutive
/// untitled, authorless archival entries sorted by [`archival_key`].
fn final_order(first: &[(String, Line)], ids: &[String], references: &[Reference]) -> Vec<usize> {
    let mut order: Vec<usize> = first
        .iter()
        .filter_map(|(key, _)| ids.iter().position(|id| id == key))
        .collect();
    let anonymous = |i: usize| {
        references.get(i).is_some_and(|r| {
            r.archive.is_some()
                && r.authors.is_empty()
                && r.editors.is_empty()
                && r.title.is_none()
                && r.subtitle.is_none()
        })
    };
    let mut start = 0;
    while start < order.len() {
        let mut end = start;
        while end < order.len() && anonymous(order[end]) {
            end += 1;
        }
        if end > start {
            order[start..end].sort_by_cached_key(|&i| archival_key(&references[i]));
            start = end;
        } else {
            start += 1;
        }
    }
    order
}

/// A part of a sort key: a number where the text starts with one
/// (`172` < `577`, `3об` after `3`), then the rest as text.
type Part = (Option<u64>, String);

fn part(text: Option<&str>) -> Part {
    let text = text.unwrap_or_default().trim();
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    let rest = text[digits.len()..].to_lowercase();
    (digits.parse().ok(), rest)
}

/// Archive, fond, inventory, file, item and leaves: how an archive's own
/// finding aid orders its files.
fn archival_key(r: &Reference) -> Vec<Part> {
    let Some(a) = r.archive.as_ref() else {
        return Vec::new();
    };
    let name = (None, a.name.as_deref().unwrap_or_default().to_lowercase());
    let mut key = vec![name];
    for field in [&a.fond, &a.inventory, &a.file, &a.item, &a.box_, &a.leaves] {
        key.push(part(field.as_deref()));
    }
    key
}

/// Writes the printed Hijri year before the Gregorian one a style printed:
/// `2009` -> `1388 [2009]` (a year suffix goes inside: `1339 [1920a]`), at
/// the first occurrence of the year that is not part of the title,
/// container or archival data. Nothing changes when the line already shows
/// it (GOST prints `original-date` itself), or when the entry has a full
/// date: `December 5, 1338 [1919]` would give a Gregorian day a Hijri year.
fn with_original_year(line: &str, r: &Reference) -> String {
    let (Some(original), Some(year)) = (r.original_year, r.year) else {
        return line.to_string();
    };
    let shown = format!("{} [{year}", original.year);
    let full_date = issued(r).0.is_some_and(|d| d.month.is_some());
    if line.contains(&shown) || full_date {
        return line.to_string();
    }
    let year_text = year.to_string();
    let location = r
        .archive
        .as_ref()
        .and_then(|a| archive_location(a, r.language, Separator::Comma));
    let protected: Vec<(usize, usize)> = [
        r.title.as_deref(),
        r.subtitle.as_deref(),
        r.container.as_deref(),
        location.as_deref(),
    ]
    .into_iter()
    .flatten()
    .flat_map(|t| {
        line.match_indices(t)
            .map(|(at, s)| (at, at + s.len()))
            .collect::<Vec<_>>()
    })
    .collect();
    let found = line
        .match_indices(&year_text)
        .map(|(at, _)| at)
        .find(|&at| {
            let end = at + year_text.len();
            let before = line[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_digit());
            let after = line[end..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit());
            !before && !after && !protected.iter().any(|&(s, e)| at >= s && end <= e)
        });
    let Some(at) = found else {
        return line.to_string();
    };
    let mut end = at + year_text.len();
    end += line[end..]
        .chars()
        .take_while(char::is_ascii_lowercase)
        .map(char::len_utf8)
        .sum::<usize>();
    format!(
        "{}{} [{}]{}",
        &line[..at],
        original.year,
        &line[at..end],
        &line[end..]
    )
}

/// Whether `c` is a right-to-left letter (Hebrew, Arabic, Syriac, Thaana,
/// NKo, Arabic presentation forms).
fn is_rtl(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
}

fn is_strong_ltr(c: char) -> bool {
    c.is_letter() && !is_rtl(c)
}

/// Wraps each maximal right-to-left run (RTL letters and the neutral
/// characters and digits between them, never across a left-to-right letter)
/// in U+2068 … U+2069.
pub(crate) fn isolate_rtl(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 16);
    let mut i = 0;
    while i < chars.len() {
        if !is_rtl(chars[i]) {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let mut end = i;
        let mut j = i + 1;
        while j < chars.len() && !is_strong_ltr(chars[j]) {
            if is_rtl(chars[j]) {
                end = j;
            }
            j += 1;
        }
        out.push('\u{2068}');
        out.extend(&chars[i..=end]);
        out.push('\u{2069}');
        i = end + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Vocabulary;
    use crate::parse::parse_reference;

    fn list(texts: &[&str]) -> Vec<Reference> {
        let vocab = Vocabulary::builtin();
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let mut r = parse_reference(t, &vocab);
                r.number = u32::try_from(i + 1).unwrap_or(u32::MAX);
                r
            })
            .collect()
    }

    #[test]
    fn assets_load() {
        assert!(GOST.is_ok(), "{:?}", GOST.as_ref().err());
        assert!(LOCALES.is_ok(), "{:?}", LOCALES.as_ref().err());
    }

    #[test]
    fn gost_terms_follow_each_entry_language() {
        let refs = list(&[
            "ГАРФ. Ф. 130. Оп. 1. Д. 45. Л. 12–15 об.",
            "Adilov M. Azərbaycan paleoqrafiyası. - Bakı: Elm, 2010, 223 s.",
        ]);
        let text = render(&refs, Style::Gost, Locale::Ru).expect("render");
        assert_eq!(
            text,
            "1. ГАРФ. Ф. 130. Оп. 1. Д. 45. Л. 12–15 об.\n\
             2. Adilov M. Azərbaycan paleoqrafiyası. Bakı : Elm, 2010. 223 s.\n"
        );
    }

    #[test]
    fn hijri_year_beside_the_gregorian_one_in_every_style() {
        let refs =
            list(&["کاوه بیات (1388). توفان بر فراز قفقاز. مرکز اسناد و تاریخ دیپلماسی. تهران"]);
        for style in Style::ALL {
            let text = render(&refs, style, Locale::En).expect("render");
            assert!(text.contains("1388 [2009]"), "{style:?}: {text}");
        }
    }

    #[test]
    fn original_year_goes_before_the_gregorian_one_a_style_printed() {
        let refs = list(&[
            "کاوه بیات (1388). توفان بر فراز قفقاز 2009. مرکز اسناد و تاریخ دیپلماسی. تهران",
        ]);
        let r = &refs[0];
        // Not inside the title; a year suffix stays with its year.
        assert_eq!(
            with_original_year("بیات, ک. (2009a). توفان بر فراز قفقاز 2009.", r),
            "بیات, ک. (1388 [2009a]). توفان بر فراز قفقاز 2009."
        );
        // Already shown: unchanged.
        let shown = "تهران, 1388 [2009].";
        assert_eq!(with_original_year(shown, r), shown);
    }

    #[test]
    fn rtl_runs_are_isolated() {
        assert_eq!(
            isolate_rtl("5. بیات ک. توفان, 1388 [2009]."),
            "5. \u{2068}بیات ک. توفان\u{2069}, 1388 [2009]."
        );
        assert_eq!(isolate_rtl("Ф. 130"), "Ф. 130");
    }

    #[test]
    fn doubled_periods_collapse() {
        assert_eq!(collapse_periods("гг.. 2-е изд.", None), "гг. 2-е изд.");
        assert_eq!(collapse_periods("“гг..” X", None), "“гг.” X");
        assert_eq!(collapse_periods("“гг.”. X", None), "“гг.” X");
        assert_eq!(collapse_periods("a... b", None), "a... b");
        assert_eq!(
            collapse_periods("URL: http://a/../b.", Some("http://a/../b")),
            "URL: http://a/../b."
        );
    }

    #[test]
    fn initials_get_spaces() {
        assert_eq!(spaced_initials("М.И."), "М. И.");
        assert_eq!(spaced_initials("Э. Э."), "Э. Э.");
        assert_eq!(spaced_initials("Cəmil"), "Cəmil");
    }

    #[test]
    fn ranges_get_en_dashes() {
        assert_eq!(en_dash_ranges("Л. 12-15 об., A-513"), "Л. 12–15 об., A-513");
    }
}
