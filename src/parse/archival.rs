//! Parse: archival references — archive, fond, inventory, file, leaves — and catalogue shelfmarks.
//!
//! `ARDA: f. 28. siy. 1. iş 72`, `SPİHDA f.609, siy.1, iş 96`,
//! `ГАРФ. Ф. 130. Оп. 1. Д. 45. Л. 12–15 об.`, `GARF, f. 130, op. 1, d. 45`,
//! `TNA, FO 371/4910, f. 23`, `IOR/L/PS/10/905`, `BOA, HR.SYS, 123/45`.
//! Labels and archive names come from `bib/archives.toml`; separators between
//! components may be `.`, `,`, `:`, `;` or nothing (GOST R 7.0.5-2008 §11.4,
//! and the "Оп. 1 .Д. 1" slips real lists contain).

use crate::script::Letter;
use nom::Parser;
use nom::bytes::complete::take_while1;
use nom::combinator::{opt, recognize};

use super::date::Year;
use super::lex::{Res, at_boundary, ch, digits, fail, range, range_list, sp, word};
use super::locator::verso;
use crate::model::Archive;
use crate::script::{ascii_digits, fold, is_digit, normalize_range};
use crate::vocab::{Component, Vocabulary};
use std::ops::Range;

/// Where the archival search data is in an entry's text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    /// The archive's fields.
    pub archive: Archive,
    /// Byte range of the archive name (if printed) and search data.
    pub range: std::ops::Range<usize>,
    /// Byte offset where the archive name starts (or the data, without one).
    pub name_start: usize,
    /// Index of the known archive in the vocabulary.
    pub known: Option<usize>,
    /// Total leaf count (`214 л.`), if printed after the data.
    pub extent: Option<String>,
    /// A year printed between the name and the data (`سال ۱۳۳۹ق`).
    pub year: Option<Year>,
    /// What is missing, with where: a label without its number, no unit.
    pub problems: Vec<(std::ops::Range<usize>, String)>,
    /// The search data stands in brackets inside prose ("Report of Farrant
    /// to Canning, 15 May 1843 (FO 248/108)"): the prose describes the
    /// document and is kept as a note.
    pub prose: bool,
    /// A title printed after the search data, when none is before it
    /// ("AVPRI fond 214, Rossijskoe general'noe konsul'stvo v Bombee").
    pub title: Option<Range<usize>>,
}

/// A fond or file number: optional letter prefix (`Р-1234`, `А-513`,
/// `R-1`), digits, optional letter suffix, an optional hyphenated part
/// (`49-2`) and an optional slash part (`123/45`).
fn unit_number(i: &str) -> Res<'_, &str> {
    recognize((
        opt((take_while1(prefix_letter), opt(ch('-')))),
        digits,
        // "030.10" (BCA fond codes): dotted groups of digits.
        nom::multi::many0((ch('.'), digits)),
        opt(take_while1(|c: char| {
            c.is_lowercase() && c.is_letter() && c.len_utf8() <= 2
        })),
        // "144-32-13" (the Republican Archive's dash-joined places).
        nom::multi::many0((ch('-'), digits)),
        opt((ch('/'), digits)),
    ))
    .parse(i)
    .and_then(|(rest, v)| {
        // A prefix word longer than three letters is not a fond prefix.
        let prefix: String = v
            .chars()
            .take_while(|c| !is_digit(*c) && *c != '-')
            .collect();
        if prefix.chars().count() > 3
            || rest.starts_with(|c: char| c.is_letter_or_digit() && !c.is_lowercase())
            || v.chars().rev().take_while(|c| c.is_letter()).count() > 1
        {
            fail(i)
        } else {
            Ok((rest, v))
        }
    })
}

/// A letter of a number's prefix: a capital (`Р-1234`) or an Arabic-script
/// letter, which has no case (`س954`, the Majlis library's shelfmarks).
fn prefix_letter(c: char) -> bool {
    c.is_uppercase() || crate::script::script_of(c) == Some(crate::script::Script::Arabic)
}

/// A fond code glued to its file by a dot, as the BOA's catalogue prints a
/// call number: `DH.MKT.1858/117/1_1`, `DH.TMIK.M.8/ 67`. The code is two
/// or more dotted groups of capitals; the file has a slash, and may go on
/// in slashes, underscores and hyphens. Returns (fond, file).
fn coded_file(i: &str) -> Res<'_, (&str, &str)> {
    let group = |s| take_while1(|c: char| c.is_ascii_uppercase()).parse(s);
    let (rest, code) = recognize((group, nom::multi::many1((ch('.'), group)))).parse(i)?;
    let (rest, _) = ch('.').parse(rest)?;
    let joined = |s| {
        nom::branch::alt(((ch('/'), sp), (ch('_'), sp), (ch('-'), sp)))
            .map(|_| ())
            .parse(s)
    };
    let (after, file) = recognize((digits, nom::multi::many1((joined, digits)))).parse(rest)?;
    let letters = code.chars().filter(char::is_ascii_uppercase).count();
    if letters < 4 || !file.contains('/') || !at_boundary(after) {
        return fail(i);
    }
    Ok((after, (code, file)))
}

/// A fond given by name instead of number: `f. Persidskii stol` — up to
/// four capitalised or lower-case words before the next separator.
fn named_fond(i: &str) -> Res<'_, &str> {
    let end = i.find([',', '.', ';', '،']).unwrap_or(i.len());
    let name = i[..end].trim_end();
    let words = name.split_whitespace().count();
    if words == 0
        || words > 4
        || !name.starts_with(char::is_uppercase)
        || name.chars().any(is_digit)
    {
        return fail(i);
    }
    Ok((&i[name.len()..], name))
}

/// Leaves: a range list with verso markers, glued (`3arxa`) or spaced
/// (`12 об.`), and ranges that start on a verso (`12 об.–14`).
fn leaves<'a>(
    vocab: &'a Vocabulary,
) -> impl Parser<&'a str, Output = (&'a str, bool), Error = nom::error::Error<&'a str>> + 'a {
    move |i: &'a str| {
        let (mut rest, _) = range_list(i)?;
        let mut verso_seen = false;
        while let Ok((r, _)) = verso(vocab).parse(rest) {
            verso_seen = true;
            rest = r;
            if let Ok((r2, _)) = (super::lex::dash, range).parse(rest) {
                rest = r2;
            }
            match (sp, ch(','), sp, range_list).parse(rest) {
                Ok((r2, _)) => rest = r2,
                Err(_) => break,
            }
        }
        Ok((rest, (&i[..i.len() - rest.len()], verso_seen)))
    }
}

/// Separators between components: spaces, `.`, `,`, `:`, `;`, and GOST area
/// dashes, in any mix; a hyphen stands for the dash after a space
/// ("(ГАСК). - Ф. Р-3798").
fn sep(i: &str) -> Res<'_, &str> {
    let mut len = 0;
    let mut prev = None;
    for c in i.chars() {
        let spaced_hyphen = c == '-' && prev.is_some_and(char::is_whitespace);
        if !(c.is_whitespace()
            || matches!(c, '.' | ',' | ':' | ';' | '،' | '–' | '—')
            || spaced_hyphen)
        {
            break;
        }
        len += c.len_utf8();
        prev = Some(c);
    }
    Ok((&i[len..], &i[..len]))
}

/// One labelled component. Returns the component, its label, value and a
/// verso flag.
fn component<'a>(
    vocab: &'a Vocabulary,
    filled: Vec<Component>,
) -> impl Parser<
    &'a str,
    Output = (Component, &'a str, String, bool),
    Error = nom::error::Error<&'a str>,
> + 'a {
    move |i: &'a str| {
        let (rest, (label, candidates)) = word(&vocab.index.components).parse(i)?;
        // A box or folder holds files and is printed before them: after
        // the file, a label that may name either ("p.": папка, page) is
        // the leaf ("f. 148, op. 3, p. 1, d. 2", "fold. 100, file 19, p. 17").
        let folder_done =
            filled.contains(&Component::File) && candidates.contains(&Component::Leaves);
        let taken = |c: &Component| filled.contains(c) || folder_done && *c == Component::Box;
        let Some(&component) = candidates.iter().find(|c| !taken(c)) else {
            return fail(i);
        };
        let (rest, _) = (sp, opt((ch(':'), sp))).parse(rest)?;
        let (rest, value, verso_seen) = if component == Component::Leaves {
            let (r, (v, vs)) = leaves(vocab).parse(rest)?;
            (r, v, vs)
        } else if component == Component::File && lists_files(vocab, label) {
            let (r, v) = recognize((
                unit_number,
                nom::multi::many0((sp, ch(','), sp, unit_number)),
            ))
            .parse(rest)?;
            (r, v, false)
        } else {
            let code = fond_code(rest)
                .ok()
                .filter(|(r, v)| component == Component::Fond && v.contains('.') && at_boundary(r));
            match unit_number(rest) {
                Ok((r, v)) => (r, v, false),
                // "Fon Kodu: A.}MKT.MHM.": a fond code after its label.
                Err(_) if code.is_some() => code.map_or((rest, "", false), |(r, v)| (r, v, false)),
                Err(e) => {
                    // A fond named in words, followed by more search data.
                    let (r, v) = if component == Component::Fond {
                        named_fond(rest)?
                    } else {
                        return Err(e);
                    };
                    if word(&vocab.index.components).parse(sep(r)?.0).is_err() {
                        return fail(i);
                    }
                    (r, v, false)
                }
            }
        };
        let value = normalize_range(value).replace(" -", "-").replace("- ", "-");
        Ok((rest, (component, label, value, verso_seen)))
    }
}

/// Whether a file label is a plural followed by a list (`Дела 133, 134`).
fn lists_files(vocab: &Vocabulary, label: &str) -> bool {
    listed(&vocab.archives.lists, label)
}

/// A catalogue reference after a department code: `FO 371/4910`,
/// `IOR/L/PS/10/905`, `PROB 1/4`. Returns (fond, file).
fn shelfmark<'a>(
    vocab: &'a Vocabulary,
) -> impl Parser<&'a str, Output = (String, String), Error = nom::error::Error<&'a str>> + 'a {
    move |i: &'a str| {
        let (rest, (dept, _)) = word(&vocab.index.departments).parse(i)?;
        let part = |s| take_while1(|c: char| c.is_letter_or_digit() || c == '&').parse(s);
        // "IOR/L/PS/10/905": slash-separated parts, the last is the file.
        if let Ok((r, tail)) = recognize(nom::multi::many1((ch('/'), part))).parse(rest) {
            let full = format!("{dept}{tail}");
            if let Some((fond, file)) = full.rsplit_once('/') {
                return Ok((r, (fond.to_string(), file.to_string())));
            }
        }
        // "IOR: L/P&S/10/245": the collection names the archive, the path
        // follows.
        if let Ok((r, (_, _, path))) = (
            ch(':'),
            sp,
            recognize((part, nom::multi::many1((ch('/'), part)))),
        )
            .parse(rest)
            && let Some((fond, file)) = path.rsplit_once('/')
        {
            return Ok((r, (fond.to_string(), file.to_string())));
        }
        // "FO 371/, f. 12": the piece is missing (reported by the caller).
        if let Ok((r, (_, series, _))) = (ch(' '), digits, ch('/')).parse(rest)
            && !r.starts_with(|c: char| crate::script::is_digit(c))
        {
            return Ok((
                r,
                (format!("{dept} {}", ascii_digits(series)), String::new()),
            ));
        }
        // "FO 371/4910": department, series, piece.
        let (r, (_, series, _, piece)) = (
            ch(' '),
            digits,
            ch('/'),
            recognize((digits, opt(take_while1(crate::script::is_letter)))),
        )
            .parse(rest)?;
        Ok((
            r,
            (
                format!("{dept} {}", ascii_digits(series)),
                ascii_digits(piece),
            ),
        ))
    }
}

/// A fond code of the Turkish state archives: dotted letters (`HR.SYS`,
/// `A.DVN.DVE`, `A.DVNS.ASK.MHM.d`, `A.(AMD)`), or a short capital code
/// (`MV`), possibly in square brackets.
fn fond_code(i: &str) -> Res<'_, &str> {
    let bracketed = i.starts_with('[');
    let body = if bracketed { &i[1..] } else { i };
    let code = code_run(body);
    if code.is_empty() {
        return fail(i);
    }
    let code = code.trim_end_matches('.');
    let dotted = code.contains('.')
        && code.starts_with(|c: char| c.is_ascii_uppercase())
        && code.split('.').filter(|p| !p.is_empty()).all(|p| {
            p.trim_start_matches([' ', '}'])
                .chars()
                .all(|c| c.is_ascii_alphabetic() || matches!(c, '(' | ')'))
        })
        && code.chars().filter(|c| c.is_ascii_uppercase()).count() >= 2;
    let short = (2..=6).contains(&code.len()) && code.chars().all(|c| c.is_ascii_uppercase());
    if !(dotted || short) {
        return fail(i);
    }
    let mut used = code.len() + usize::from(bracketed);
    if bracketed {
        if !i[used..].starts_with(']') {
            return fail(i);
        }
        used += 1;
    }
    let value = &body[..code.len()];
    Ok((&i[used..], value))
}

/// The characters of a fond code: letters, digits, dots, brackets, the
/// BOA catalogue's `}` (`A.}MKT.MHM.`), and a space after a dot before more
/// capitals (`DH. MKT.`).
fn code_run(s: &str) -> &str {
    let mut end = 0;
    let mut prev = ' ';
    for (at, c) in s.char_indices() {
        let spaced = c == ' '
            && prev == '.'
            && s[at + 1..].starts_with(|n: char| n.is_ascii_uppercase())
            && code_run_word(&s[at + 1..]);
        if !(c.is_ascii_alphanumeric() || matches!(c, '.' | '(' | ')' | '}') || spaced) {
            break;
        }
        end = at + c.len_utf8();
        prev = c;
    }
    &s[..end]
}

/// Whether `s` starts with a capital code word ended by a dot (`MKT.`).
fn code_run_word(s: &str) -> bool {
    let letters = s.chars().take_while(char::is_ascii_uppercase).count();
    letters >= 2 && s[letters..].starts_with('.')
}

/// A numeric catalogue reference of the Republican Archive (BCA):
/// `030.10.0.0/112.759.6` -> (fond, file).
fn numeric_code(i: &str) -> Res<'_, (&str, &str)> {
    let dotted = |s| recognize((digits, nom::multi::many0((ch('.'), digits)))).parse(s);
    let (rest, (fond, _, file)) = (dotted, ch('/'), dotted).parse(i)?;
    if !fond.contains('.') {
        return fail(i);
    }
    Ok((rest, (fond, file)))
}

/// A fond code of several dotted groups without a file after a slash:
/// `030.10.0.0` (BCA, followed by its place number in another field).
fn dotted_fond(i: &str) -> Res<'_, &str> {
    let (rest, code) = recognize((digits, nom::multi::many1((ch('.'), digits)))).parse(i)?;
    if code.matches('.').count() < 2 || !at_boundary(rest) {
        return fail(i);
    }
    Ok((rest, code))
}

/// The search data at the start of an ibid note, whatever its labels
/// ("Там же. Л. 20.", "Ibid., d. 7"): a note repeats a file, so one weak
/// label is enough.
pub(crate) fn find_in_note(text: &str, vocab: &Vocabulary) -> Option<Found> {
    let start = text.len()
        - text
            .trim_start_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation() || c == '،')
            .len();
    data_after(text, start, start, None, vocab)
}

/// Finds the archival search data in `text`, if the entry is archival,
/// with what stands around it: a labelled date before, a title after, or
/// the brackets of a shelfmark inside prose.
pub(crate) fn find(text: &str, vocab: &Vocabulary) -> Option<Found> {
    let mut found = search_data(text, vocab)?;
    in_brackets(text, &mut found);
    if found.prose && text[..found.range.start].contains(';') {
        return None;
    }
    dated_lead(text, &mut found, vocab);
    title_after(text, &mut found, vocab);
    Some(found)
}

/// A shelfmark in brackets after prose: "…, 20 May 1843 (FO 248/108)."
fn in_brackets(text: &str, found: &mut Found) {
    let before = text[..found.range.start].trim_end();
    let after = text[found.range.end..].trim_start();
    if before.len() > 1
        && let Some(open) = before.strip_suffix('(')
        && let Some(close) = after.strip_prefix(')')
    {
        found.prose = true;
        found.range = open.len()..text.len() - close.len();
        found.name_start = open.len();
    }
}

/// A document's date labelled before its search data, the BOA catalogue's
/// "Tarih: 02/R /1290 (Hicrî) Dosya No:455 …": the year is the entry's.
fn dated_lead(text: &str, found: &mut Found, vocab: &Vocabulary) {
    let lead = &text[..found.name_start];
    let Ok((r, _)) = (sp, word(&vocab.index.archive_date_labels), sp, ch(':'), sp).parse(lead)
    else {
        return;
    };
    // The day and month before the year: "02/R /", "24/Za/".
    let r = r
        .char_indices()
        .take(12)
        .filter(|(_, c)| *c == '/')
        .last()
        .map_or(r, |(at, _)| &r[at + 1..]);
    let Ok((after, digits_)) = digits(r) else {
        return;
    };
    // "1290 (Hicrî)": the calendar's marker in brackets.
    let (after, marker) = match (sp, ch('('), take_while1(|c: char| c != ')'), ch(')')).parse(after)
    {
        Ok((a, (_, _, m, _))) => (a, m),
        Err(_) => (after, ""),
    };
    if !after.trim().is_empty() {
        return;
    }
    let printed = format!("{digits_} {marker}");
    let year = super::date::year(vocab, None)
        .parse(&printed)
        .map(|(_, y)| y);
    if let Ok(year) = year {
        found.year = Some(year);
        found.name_start = 0;
        found.range.start = 0;
    }
}

/// The title after the search data of an entry that prints none before it:
/// the rest of the entry, when it is words rather than more data or the
/// document's date, labelled or not ("…, Tarihi: 25 L (Şevval) 1317",
/// "…, B.1308/30 Kânûn-i Sânî 1306/11 Şubat 1891"). Words after a fond
/// name it ("AVPRI fond 214, Rossijskoe general'noe konsul'stvo v Bombee",
/// the BOA's "… Fon Kodu: A.}MKT.MHM. Kafkasya'dan göç …"); words after a
/// file or a leaf describe the one document cited, its kind or state
/// ("АИ РА, ф.223, оп.1, д. 103, л. 148. Отпуск. Машинопись.", "AI RA, f.
/// 276, op. 1, d. 219, l. 9 verso. Certified copy.") or the letter with its
/// writer and addressee ("P.R.O., F.O. 60/96, Najib Pasha to Lt.-Col. Sheil
/// (n.d.)."): a note, not a title.
fn title_after(text: &str, found: &mut Found, vocab: &Vocabulary) {
    if describes_document(&found.archive) {
        return;
    }
    let before = &text[..found.name_start];
    let rest = skip_sep(&text[found.range.end..]);
    let title = rest.trim_end_matches(|c: char| c.is_whitespace() || c == '.');
    let undated = opt((word(&vocab.index.archive_date_labels), sp, ch(':'), sp))
        .parse(title)
        .map_or(title, |(r, _)| r);
    if super::date::date(vocab, None).parse(undated).is_ok() {
        return;
    }
    let words = title
        .split_whitespace()
        .filter(|w| w.chars().any(crate::script::is_letter))
        .count();
    if found.prose
        || before.chars().any(crate::script::is_letter_or_digit)
        || !title.starts_with(crate::script::is_letter)
        || words < 2
        || document_forms(title, vocab)
    {
        return;
    }
    let start = text.len() - rest.len();
    found.title = Some(start..start + title.len());
}

/// Whether `text` only notes the form of the document, sentence by
/// sentence ("Отпуск. Машинопись", "Certified copy", `bib/archives.toml`
/// `document_forms`).
fn document_forms(text: &str, vocab: &Vocabulary) -> bool {
    let mut t = text.trim();
    while !t.is_empty() {
        let Ok((rest, _)) = word(&vocab.index.document_forms).parse(t) else {
            return false;
        };
        if !(rest.is_empty()
            || rest.starts_with(|c: char| c.is_whitespace() || matches!(c, '.' | ',')))
        {
            return false;
        }
        t = rest.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ','));
    }
    true
}

/// Whether the search data reaches down to one document (a file, an item
/// or a leaf) rather than ending at a fond.
fn describes_document(a: &Archive) -> bool {
    match a.labels.last() {
        Some((Component::Fond, _)) => false,
        _ => a.file.is_some() || a.item.is_some() || a.leaves.is_some(),
    }
}

/// The search data and the archive's name, however the entry is laid out.
fn search_data(text: &str, vocab: &Vocabulary) -> Option<Found> {
    let starts = word_starts(text);
    // 1. A known archive name, then data (or nothing: a bare name is an
    //    incomplete archival reference).
    for &p in &starts {
        if let Some((len, &idx)) = vocab.index.archives.match_start(&text[p..]) {
            if let Some(found) = data_after(text, p, p + len, Some(idx), vocab)
                && (starts_entry(text, p)
                    || !found.archive.labels.is_empty()
                    || found.archive.fond.is_some())
            {
                return Some(found);
            }
            if p == 0
                && text[p + len..]
                    .trim_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation())
                    .is_empty()
            {
                let archive = Archive {
                    name: Some(clean_name(&text[..p + len])),
                    full_name: vocab.archive(idx).map(|a| a.name.clone()),
                    ..Archive::default()
                };
                return Some(Found {
                    archive,
                    range: 0..p + len,
                    name_start: 0,
                    known: Some(idx),
                    extent: None,
                    year: None,
                    problems: vec![(
                        0..p + len,
                        "gives only the archive, with no fond, file or leaf".to_string(),
                    )],
                    prose: false,
                    title: None,
                });
            }
        }
    }
    // 2. A department shelfmark anywhere ("FO 371/4910"); "IOR: L/P&S/10/245"
    //    names the collection before the colon; a BOA call number
    //    ("DH.MKT.1858/117/1_1") names no archive.
    for &p in &starts {
        if (shelfmark(vocab).parse(&text[p..]).is_ok() || coded_file(&text[p..]).is_ok())
            && let Some(found) = data_after(text, p, p, None, vocab)
        {
            let mut found = with_name_before(text, p, found, vocab);
            // Without an archive's name, the department names the records
            // and the rest is the fond: "FO 248/108" is FO, fond 248, piece
            // 108; "IOR: L/P&S/10/245" and "IOR/L/PS/10/905" are IOR's.
            if found.archive.name.is_none()
                && let Ok((_, (dept, _))) = word(&vocab.index.departments).parse(&text[p..])
            {
                found.archive.name = Some(dept.to_string());
                found.archive.fond = found.archive.fond.map(|f| {
                    f.strip_prefix(dept)
                        .map_or(f.as_str(), |f| f.trim_start_matches([' ', '/']))
                        .to_string()
                });
            }
            return Some(found);
        }
    }
    // 3. Two or more labelled components in a row, one of them a label
    //    used only in archival references.
    for &p in &starts {
        if component(vocab, Vec::new()).parse(&text[p..]).is_ok()
            && let Some(found) = data_after(text, p, p, None, vocab)
            && count_components(&found.archive) >= 2
            && found
                .archive
                .labels
                .iter()
                .any(|(_, l)| !vocab.index.weak_components.contains_key(&fold(l)))
        {
            return Some(with_name_before(text, p, found, vocab));
        }
    }
    None
}

/// Whether an archive name at `p` begins the entry or its GOST `//` part:
/// only there may it be followed by unlabelled numbers ("BOA, HR.SYS,
/// 123/45"); elsewhere the same name may be a publisher.
fn starts_entry(text: &str, p: usize) -> bool {
    let before = text[..p].trim_end();
    before.is_empty() || before.ends_with("//")
}

/// Takes the archive name from the short segment before the data.
fn with_name_before(text: &str, p: usize, mut found: Found, vocab: &Vocabulary) -> Found {
    if let Some((ns, _)) = name_before(text, p, vocab) {
        let (printed, translation) = translated(&text[ns..p]);
        let name = archive_name(printed);
        if !name.is_empty() {
            found.archive.name = Some(name);
            found.archive.full_name = translation.map(clean_name);
            found.name_start = ns;
            found.range.start = ns;
        }
    }
    found
}

fn count_components(a: &Archive) -> usize {
    [&a.fond, &a.inventory, &a.file, &a.item, &a.box_, &a.leaves]
        .iter()
        .filter(|v| v.is_some())
        .count()
}

/// Whether search data starts at `s`.
fn data_starts(s: &str, known: bool, vocab: &Vocabulary) -> bool {
    shelfmark(vocab).parse(s).is_ok()
        || coded_file(s).is_ok()
        || component(vocab, Vec::new()).parse(s).is_ok()
        || word(&vocab.index.components)
            .parse(s)
            .is_ok_and(|(r, (l, _))| l.ends_with('.') && !r.starts_with(crate::script::is_letter))
        || (known
            && (fond_code(s).is_ok_and(|(r, _)| at_boundary(r))
                || numeric_code(s).is_ok()
                || unit_number(s).is_ok_and(|(r, _)| {
                    at_boundary(r)
                        && !r
                            .trim_start()
                            .starts_with(crate::script::is_letter_or_digit)
                })))
}

/// Parses the search data after an archive name (`name..data` in `text`).
fn data_after(
    text: &str,
    name: usize,
    data: usize,
    known: Option<usize>,
    vocab: &Vocabulary,
) -> Option<Found> {
    let mut scan = Scan {
        text,
        vocab,
        known,
        archive: Archive::default(),
        filled: Vec::new(),
        problems: Vec::new(),
        year: None,
        rest: &text[data..],
        name_end: data,
        data_start: None,
        last_end: data,
    };
    let fond_words = scan.name_words()?;
    scan.catalogue();
    scan.bare_number();
    while scan.next_component() {}
    scan.finish(name, data, fond_words)
}

/// One reading of the search data: what is filled so far and where.
struct Scan<'t> {
    text: &'t str,
    vocab: &'t Vocabulary,
    /// Index of the known archive named before the data.
    known: Option<usize>,
    archive: Archive,
    filled: Vec<Component>,
    problems: Vec<(Range<usize>, String)>,
    year: Option<Year>,
    /// The text not read yet.
    rest: &'t str,
    /// Where the archive's name ends.
    name_end: usize,
    /// Where the first component starts.
    data_start: Option<usize>,
    /// Where the last component ends.
    last_end: usize,
}

impl<'t> Scan<'t> {
    fn here(&self, rest: &str) -> usize {
        self.text.len() - rest.len()
    }

    /// Marks `from` as the start of data (if none yet) and moves past a
    /// component ending at `to`.
    fn take(&mut self, from: &'t str, to: &'t str) {
        self.data_start.get_or_insert(self.here(from));
        self.rest = to;
        self.last_end = self.here(to);
    }

    fn fill(&mut self, components: &[Component]) {
        self.filled.extend_from_slice(components);
    }

    /// The rest of a longer name, a bracketed abbreviation, a year: "Dövlət
    /// Arxivi (ARDA), …", "وزارت امور خارجه، سال ۱۳۳۹ق، …". Words after the
    /// archive's abbreviation and a comma name its fond ("BOA, Cevdet
    /// Hariciye, nr. 4567"); without a comma they continue the archive's
    /// name ("Dövlət Arxivi (ARDA)", "… وزارت امور خارجه"). `None`: the
    /// text is not archival after all.
    fn name_words(&mut self) -> Option<Option<Range<usize>>> {
        let mut fond_words: Option<Range<usize>> = None;
        // The name's abbreviation in brackets was just read: "Cumhurbaşkanlığı
        // Cumhuriyet Arşivleri (CCA). Muamelat Genel Müdürlüğü. 144-32-13".
        let mut abbreviated = false;
        for step in 0..16 {
            let (r, separator) = sep(self.rest).ok()?;
            if step == 0 && separator.matches([',', '،']).count() >= 2 {
                let at = self.here(self.rest);
                self.problems.push((
                    at..at + separator.len(),
                    "has an empty field between two commas".to_string(),
                ));
            }
            if r.is_empty() || data_starts(r, self.known.is_some(), self.vocab) {
                self.rest = r;
                break;
            }
            let new_part = if abbreviated {
                separator.contains([',', '،', '.'])
            } else {
                step == 0 && separator.contains([',', '،'])
            };
            abbreviated = false;
            if new_part
                && fond_words.is_none()
                && r.starts_with(char::is_uppercase)
                && self.known.is_some()
            {
                let start = self.here(r);
                fond_words = Some(start..start);
            }
            let r_year = word(&self.vocab.index.archive_year_words)
                .parse(r)
                .map_or(r, |(after, _)| after.trim_start());
            if let Ok((r2, y)) = super::date::year(self.vocab, None).parse(r_year)
                && at_boundary(r2)
            {
                self.year = Some(y);
                self.rest = r2;
                continue;
            }
            if let Some(close) = super::imprint::bracket_end(r) {
                if self.known.is_some() && fond_code(r).is_ok_and(|(after, _)| at_boundary(after)) {
                    // "[A.(AMD)]": the fond code of a named register.
                    self.rest = r;
                    break;
                }
                self.rest = &r[close..];
                self.name_end = self.here(self.rest);
                abbreviated = fond_words.is_none();
                continue;
            }
            let word_len: usize = r
                .chars()
                .take_while(|c| c.is_letter() || matches!(c, '-' | '\'' | '’' | '\u{200C}'))
                .map(char::len_utf8)
                .sum();
            if word_len == 0 || self.known.is_none() {
                return None;
            }
            self.rest = &r[word_len..];
            let end = self.here(self.rest);
            match &mut fond_words {
                Some(words) => words.end = end,
                None => self.name_end = end,
            }
        }
        Some(fond_words)
    }

    /// Catalogue forms: `FO 371/4910`, BCA's `030.10.0.0/112.759.6` and
    /// `030.10.0.0, 112.756.12`, BOA's `HR.SYS, 123/45`.
    fn catalogue(&mut self) {
        let rest = self.rest;
        let known = self.known.is_some();
        if let Ok((r, (fond, file))) = shelfmark(self.vocab).parse(rest) {
            if file.is_empty() {
                let at = self.here(r).saturating_sub(1);
                self.problems.push((
                    self.here(rest)..at + 1,
                    format!("the catalogue reference `{fond}/` has no piece number"),
                ));
            } else {
                self.archive.file = Some(file);
            }
            self.archive.fond = Some(fond);
            self.fill(&[Component::Fond, Component::Inventory, Component::File]);
            self.take(rest, r);
        } else if let Ok((r, (fond, file))) = coded_file(rest) {
            self.archive.fond = Some(fond.to_string());
            self.archive.file = Some(ascii_digits(file));
            self.fill(&[Component::Fond, Component::Inventory, Component::File]);
            self.take(rest, r);
        } else if known && let Ok((r, (fond, file))) = numeric_code(rest) {
            self.archive.fond = Some(ascii_digits(fond));
            self.archive.file = Some(ascii_digits(file));
            self.fill(&[Component::Fond, Component::Inventory, Component::File]);
            self.take(rest, r);
        } else if known && let Ok((r, code)) = dotted_fond(rest) {
            self.archive.fond = Some(ascii_digits(code));
            self.fill(&[Component::Fond, Component::Inventory]);
            self.take(rest, r);
            // "BCA, 030.10.0.0, 112.756.12": the second code is the place
            // number of the file.
            if let Ok((r2, (_, file))) = (sep, dotted_fond).parse(r) {
                self.archive.file = Some(ascii_digits(file));
                self.fill(&[Component::File]);
                self.take(r, r2);
            }
        } else if known
            && component(self.vocab, Vec::new()).parse(rest).is_err()
            && let Ok((r, code)) = fond_code(rest)
            && at_boundary(r)
        {
            self.archive.fond = Some(code.to_string());
            self.fill(&[Component::Fond, Component::Inventory]);
            self.take(rest, r);
            // "123/45" right after the code is the file.
            if let Ok((r2, (_, v))) = (sep, unit_number).parse(r)
                && !r2.trim_start().starts_with(|c: char| c.is_letter())
            {
                self.archive.file = Some(ascii_digits(v));
                self.fill(&[Component::File]);
                self.take(r, r2);
            }
        }
    }

    /// A bare unit number right after a known archive: "ساکما، ۲۴۰/۱۲۳۴۵".
    fn bare_number(&mut self) {
        if self.known.is_some()
            && self.data_start.is_none()
            && let Ok((r, v)) = unit_number(self.rest)
            && at_boundary(r)
            && !r.trim_start().starts_with(|c: char| c.is_letter_or_digit())
        {
            self.archive.file = Some(ascii_digits(v));
            self.fill(&[Component::Fond, Component::Inventory, Component::File]);
            self.take(self.rest, r);
        }
    }

    /// Reads the next labelled component (or a gap the reading may step
    /// over); false when the data ends.
    fn next_component(&mut self) -> bool {
        let Ok((r, _)) = sep(self.rest) else {
            return false;
        };
        // A bracketed fond name after a number: "Ф.223 (С. Д. Полторацкий)".
        let r = match (ch('('), take_while1(|c: char| c != ')'), ch(')')).parse(r) {
            Ok((r2, _))
                if !self.filled.is_empty()
                    && component(self.vocab, self.filled.clone())
                        .parse(skip_sep(r2))
                        .is_ok() =>
            {
                skip_sep(r2)
            }
            _ => r,
        };
        match component(self.vocab, self.filled.clone()).parse(r) {
            Ok((r2, (c, label, value, verso_seen))) => {
                self.store(c, label, value, verso_seen);
                self.take(r, r2);
                true
            }
            Err(_) => self.unlabelled(r) || self.year_between(r) || self.bare_leaves(r),
        }
    }

    /// Stores one component's value.
    fn store(&mut self, c: Component, label: &str, value: String, verso_seen: bool) {
        self.filled.push(c);
        self.archive.labels.push((c, label.to_string()));
        let value = if c == Component::Fond
            && value.chars().any(crate::script::is_letter)
            && !value.chars().any(is_digit)
        {
            value
        } else {
            ascii_digits(&value)
        };
        let a = &mut self.archive;
        match c {
            Component::Fond => a.fond = Some(value),
            Component::Inventory => a.inventory = Some(value),
            Component::File => a.file = Some(value),
            // "Dosya No:455 Gömlek No:52": the BOA's call number joins the
            // two as the file `455/52` (its catalogue prints `455/52`).
            Component::Item if joins_file(self.vocab, a, label) => {
                a.file = a.file.take().map(|f| format!("{f}/{value}"));
            }
            Component::Item => a.item = Some(value),
            Component::Box => a.box_ = Some(value),
            Component::Leaves => {
                a.leaves = Some(value);
                a.verso |= verso_seen;
            }
        }
    }

    /// A label without its number: "f. , siy. 1", "… iş".
    fn unlabelled(&mut self, r: &'t str) -> bool {
        let Ok((r2, (label, candidates))) = word(&self.vocab.index.components).parse(r) else {
            return false;
        };
        let after = skip_sep(r2);
        let open = candidates
            .iter()
            .find(|c| !self.filled.contains(c))
            .copied();
        if open.is_none()
            || after.starts_with(is_digit)
            || !(label.ends_with('.') || label.chars().count() >= 4 || after.is_empty())
            || (self.known.is_none() && self.filled.is_empty())
        {
            return false;
        }
        let at = self.here(r);
        self.problems.push((
            at..at + label.len(),
            format!("the archival label `{label}` has no number after it"),
        ));
        self.data_start.get_or_insert(at);
        self.filled.extend(open);
        self.rest = r2;
        self.last_end = self.here(r2);
        true
    }

    /// A year between components: "Оп. 1. 1724 г. Д. 6" (the inventory of
    /// a year in РГАДА).
    fn year_between(&mut self, r: &'t str) -> bool {
        match super::date::year(self.vocab, None).parse(r) {
            Ok((r2, y))
                if component(self.vocab, self.filled.clone())
                    .parse(skip_sep(r2))
                    .is_ok() =>
            {
                self.year.get_or_insert(y);
                self.rest = r2;
                true
            }
            _ => false,
        }
    }

    /// A bare leaf number after the file of a known archive: "No. 976,
    /// 61b." (İSNAD).
    fn bare_leaves(&mut self, r: &'t str) -> bool {
        if self.known.is_some()
            && self.archive.file.is_some()
            && self.archive.leaves.is_none()
            && let Ok((r2, (v, vs))) = leaves(self.vocab).parse(r)
            && at_boundary(r2)
            // "29.08.1932": a date's day, not a leaf.
            && (ch('.'), digits).parse(r2).is_err()
            && !r2.trim_start().starts_with(|c: char| c.is_letter())
            && extent_after(r, self.vocab).is_none()
        {
            self.archive.leaves = Some(normalize_range(v).replace(" -", "-").replace("- ", "-"));
            self.archive.verso |= vs;
            self.fill(&[Component::Leaves]);
            self.take(r, r2);
            return true;
        }
        false
    }

    /// What was read, with its problems; `None` when too little was read to
    /// call the text archival.
    fn finish(
        mut self,
        name: usize,
        data: usize,
        fond_words: Option<Range<usize>>,
    ) -> Option<Found> {
        let data_start = self.data_start?;
        let known = self.known;
        let text = self.text;
        if let Some(words) = fond_words.filter(|w| !w.is_empty()) {
            if self.archive.fond.is_none() {
                self.archive.fond = Some(clean_name(&text[words]));
            } else {
                // Not a fond after all: the words belong to the name.
                self.name_end = words.end;
            }
        }
        let count = count_components(&self.archive);
        if (known.is_none() && count < 2 && self.archive.fond.is_none())
            || (count == 0 && self.problems.is_empty())
        {
            return None;
        }
        let a = &self.archive;
        if known.is_some()
            && a.fond.is_some()
            && a.file.is_none()
            && a.item.is_none()
            && a.leaves.is_none()
            && self.problems.is_empty()
        {
            self.problems.push((
                data_start..self.last_end,
                "names a fond but no file, document or leaf".to_string(),
            ));
        }
        // "214 л." after the data: the file's leaf count.
        let extent = extent_after(skip_sep(&text[self.last_end..]), self.vocab);
        if name < data_start {
            let end = if known.is_some() {
                self.name_end.max(data).min(data_start)
            } else {
                data_start
            };
            let name_text = archive_name(&text[name..end]);
            if !name_text.is_empty() {
                self.archive.name = Some(name_text);
            }
        }
        self.archive.full_name = known
            .and_then(|k| self.vocab.archive(k))
            .map(|a| a.name.clone());
        self.archive.leaves = self.archive.leaves.map(|l| normalize_leaves(&l));
        Some(Found {
            archive: self.archive,
            range: name..self.last_end,
            name_start: name,
            known,
            extent: extent.map(|(e, _)| e),
            year: self.year,
            problems: self.problems,
            prose: false,
            title: None,
        })
    }
}

/// What follows the separators at the start of `s`.
fn skip_sep(s: &str) -> &str {
    sep(s).map_or(s, |(r, _)| r)
}

/// Whether an item's label joins its number to the file's (`Dosya No:455
/// Gömlek No:52`).
fn joins_file(vocab: &Vocabulary, archive: &Archive, label: &str) -> bool {
    let file_label = archive
        .labels
        .iter()
        .find(|(c, _)| *c == Component::File)
        .is_some_and(|(_, l)| listed(&vocab.archives.joined_files, l));
    file_label && archive.file.is_some() && listed(&vocab.archives.joined_items, label)
}

/// Whether `label` is one of `words`, case and spelling folded.
fn listed(words: &[String], label: &str) -> bool {
    let label = fold(label);
    words.iter().any(|w| fold(w) == label)
}

fn extent_after(text: &str, vocab: &Vocabulary) -> Option<(String, usize)> {
    let (r, d) = digits(text).ok()?;
    let (r, _) = sp(r).ok()?;
    let (r, (_, ())) = word(&vocab.index.extent).parse(r).ok()?;
    at_boundary(r).then(|| (ascii_digits(d), text.len() - r.len()))
}

/// "12 - 15  об." -> "12-15 об."
fn normalize_leaves(l: &str) -> String {
    let mut out = String::new();
    for part in l.split_whitespace() {
        if !out.is_empty() && !out.ends_with('-') && !part.starts_with('-') {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

/// The archive name as printed: separators and brackets trimmed from its
/// ends, spaces collapsed.
fn clean_name(s: &str) -> String {
    let t = s
        .trim()
        .trim_end_matches([':', ',', '.', ';', '،', ' ', '-', '–', '—'])
        .trim_start_matches(['/', ' ', '.', ','])
        .trim();
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The archive's name as printed, or the abbreviation in brackets after a
/// spelled-out name: "Государственный архив Пензенской области (ГАПО)" is
/// cited as ГАПО.
fn archive_name(s: &str) -> String {
    let name = clean_name(s);
    let abbreviation = name
        .strip_suffix(')')
        .and_then(|n| n.rsplit_once('('))
        .map(|(before, abbr)| (before.trim(), abbr.trim()))
        .filter(|(before, abbr)| {
            let letters = abbr.chars().filter(|c| c.is_letter()).count();
            !before.is_empty()
                && letters >= 2
                && abbr.chars().filter(|c| c.is_uppercase()).count() * 2 > letters
                && !abbr.chars().any(is_digit)
        });
    match abbreviation {
        Some((_, abbr)) => abbr.to_string(),
        None => name,
    }
}

/// The start of a short name-like segment ending at `at`: after `//`, `. `
/// or the start of the text; uppercase abbreviations or words naming an
/// archive. A segment that is neither continues a name begun a sentence
/// earlier when that one names an archive ("Georgian Archive. Harvard
/// University, Reel 74"). With the start: whether a word names an archive.
fn name_before(text: &str, at: usize, vocab: &Vocabulary) -> Option<(usize, bool)> {
    let before = text[..at].trim_end_matches([' ', '.', ',', ':', ';', '،', '-', '–', '—']);
    if before.ends_with('(') {
        return None;
    }
    let sentence_start = |end: usize| {
        [
            before[..end].rfind("//").map(|i| i + 2),
            before[..end].rfind(". ").map(|i| i + 2),
        ]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(0)
    };
    let seg_start = sentence_start(before.len());
    let (seg_start, archive_word) = match name_like(&before[seg_start..], vocab) {
        Some(named) => (seg_start, named),
        None if seg_start >= 2 && !before[..seg_start].ends_with("//") => {
            let earlier = sentence_start(seg_start - 2);
            (
                earlier,
                name_like(&before[earlier..], vocab).filter(|named| *named)?,
            )
        }
        None => return None,
    };
    let lead = before[seg_start..].len() - before[seg_start..].trim_start().len();
    Some((seg_start + lead, archive_word))
}

/// Whether `seg` reads as an archive's name: `Some(true)` for a word naming
/// an archive, `Some(false)` for an abbreviation, `None` for neither or a
/// segment too long to be a name.
fn name_like(seg: &str, vocab: &Vocabulary) -> Option<bool> {
    let seg = translated(seg.trim()).0.trim();
    let f = fold(seg);
    let archive_word = vocab
        .archives
        .name_words
        .iter()
        .any(|w| f.contains(&fold(w)));
    // A name with an archive word may be spelled out at length ("Filial
    // Respublikanskogo gosudarstvennogo arkhiva \"Tsentr dokumentatsii
    // noveishei istorii\"").
    let most = if archive_word { 12 } else { 8 };
    if seg.is_empty() || seg.split_whitespace().count() > most {
        return None;
    }
    let abbreviation = seg.split_whitespace().any(|w| {
        let letters: Vec<char> = w.chars().filter(|c| c.is_letter()).collect();
        letters.len() >= 2
            && letters.iter().filter(|c| c.is_uppercase()).count() * 2 > letters.len()
    });
    (archive_word || abbreviation).then_some(archive_word)
}

/// A name and the translation printed after it in square brackets
/// ("Respublikanskii gosudarstvennyi arkhiv KChR [State Archive of KChR]",
/// the GOST R 7.0.5 and APA form of a romanised name).
fn translated(s: &str) -> (&str, Option<&str>) {
    let t = s.trim_end_matches([' ', '.', ',', ':', ';']);
    t.strip_suffix(']')
        .and_then(|t| t.rsplit_once('['))
        .filter(|(before, inner)| !before.trim().is_empty() && !inner.contains(['[', ']']))
        .map_or((s, None), |(before, inner)| (before, Some(inner)))
}

/// Byte offsets where words start.
fn word_starts(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let boundary = prev.is_none_or(|p| !p.is_letter_or_digit());
        if boundary && (c.is_letter_or_digit() || c == '№') {
            out.push(i);
        }
        prev = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(text: &str) -> Option<Archive> {
        find(text, &Vocabulary::builtin()).map(|f| {
            let mut a = f.archive;
            a.labels.clear();
            a.full_name = None;
            a
        })
    }

    fn arch(
        name: Option<&str>,
        fond: &str,
        inv: Option<&str>,
        file: Option<&str>,
        leaves: Option<&str>,
    ) -> Archive {
        Archive {
            name: name.map(String::from),
            fond: Some(fond.into()),
            inventory: inv.map(String::from),
            file: file.map(String::from),
            leaves: leaves.map(String::from),
            verso: leaves.is_some_and(|l| l.contains("об") || l.contains("arxa")),
            ..Archive::default()
        }
    }

    #[test]
    fn azerbaijani_and_russian_forms() {
        assert_eq!(
            a("ARDA: f. 28. siy. 1. iş 72"),
            Some(arch(Some("ARDA"), "28", Some("1"), Some("72"), None))
        );
        assert_eq!(
            a("ARDA: f. 28. siy.1. iş 172"),
            Some(arch(Some("ARDA"), "28", Some("1"), Some("172"), None))
        );
        assert_eq!(
            a("SPİHDA f.609, siy.1, iş 96"),
            Some(arch(Some("SPİHDA"), "609", Some("1"), Some("96"), None))
        );
        assert_eq!(
            a("ГАРФ. Ф. 130. Оп. 1. Д. 45. Л. 12–15 об."),
            Some(arch(
                Some("ГАРФ"),
                "130",
                Some("1"),
                Some("45"),
                Some("12-15 об.")
            ))
        );
        assert_eq!(
            a("ARP İİ SSA. F.1, siy.2, sax.vah.15, vv.3, 3arxa."),
            Some(arch(
                Some("ARP İİ SSA"),
                "1",
                Some("2"),
                Some("15"),
                Some("3, 3arxa")
            ))
        );
        assert_eq!(
            a("ГАРФ. Ф. Р-1234. Оп. 1 .Д. 1."),
            Some(arch(Some("ГАРФ"), "Р-1234", Some("1"), Some("1"), None))
        );
        assert_eq!(
            a("GARF, f. 130, op. 1, d. 45, l. 12"),
            Some(arch(Some("GARF"), "130", Some("1"), Some("45"), Some("12")))
        );
        assert_eq!(
            a("ЦГА РД. Ф. 1. Оп. 2. Д. 3."),
            Some(arch(Some("ЦГА РД"), "1", Some("2"), Some("3"), None))
        );
    }

    #[test]
    fn catalogue_forms() {
        assert_eq!(
            a("TNA, FO 371/4910, f. 23"),
            Some(arch(Some("TNA"), "FO 371", None, Some("4910"), Some("23")))
        );
        // Without an archive's name, the department names the records.
        assert_eq!(
            a("FO 371/4910"),
            Some(arch(Some("FO"), "371", None, Some("4910"), None))
        );
        assert_eq!(
            a("IOR/L/PS/10/905"),
            Some(arch(Some("IOR"), "L/PS/10", None, Some("905"), None))
        );
        assert_eq!(
            a("BOA, HR.SYS, 123/45"),
            Some(arch(Some("BOA"), "HR.SYS", None, Some("123/45"), None))
        );
        assert_eq!(
            a("BOA, A.DVN.DVE, No. 976, 61b."),
            Some(arch(
                Some("BOA"),
                "A.DVN.DVE",
                None,
                Some("976"),
                Some("61b")
            ))
        );
    }

    #[test]
    fn ottoman_catalogue_records() {
        let v = Vocabulary::builtin();
        let text = "Tarih: 02/R /1290 (Hicrî) Dosya No:455 Gömlek No:52 Fon Kodu: A.}MKT.MHM. Kafkasya’dan göç edenler.";
        let found = find(text, &v).expect("archival");
        assert_eq!(found.archive.fond.as_deref(), Some("A.}MKT.MHM"));
        assert_eq!(found.archive.file.as_deref(), Some("455/52"));
        assert_eq!(found.archive.item, None);
        assert_eq!(found.year.map(|y| y.gregorian), Some(1873));
        assert_eq!(
            found.title.map(|t| &text[t]),
            Some("Kafkasya’dan göç edenler")
        );
        // The land registers' archive, spelled with a hyphen and in capitals.
        let found = find(
            "TAPU-KADASTRO KUYÛD-I KADÎME ARŞİVİ, TTD. No: 130 (58).",
            &v,
        );
        assert_eq!(
            found.expect("archival").archive.fond.as_deref(),
            Some("TTD")
        );
        // A register's number and its gömlek stay apart.
        let found = find("BOA, A.DVNS.ASK.MHM.d, No. 989, Gömlek No. 7, 440a.", &v);
        let archive = found.expect("archival").archive;
        assert_eq!(archive.file.as_deref(), Some("989"));
        assert_eq!(archive.item.as_deref(), Some("7"));
    }

    #[test]
    fn a_fond_code_glued_to_its_file() {
        assert_eq!(
            a("DH.MKT.1858/117/1_1, 15 C.1308/14 Kânûn-i Sânî 1306/26 Ocak 1891"),
            Some(arch(None, "DH.MKT", None, Some("1858/117/1_1"), None))
        );
        assert_eq!(
            coded_file("DH.TMIK.M.8/ 67, 19 Muharrem"),
            Ok((", 19 Muharrem", ("DH.TMIK.M", "8/ 67")))
        );
        // Initials and a page are not a call number.
        assert!(coded_file("J.R.12").is_err());
        assert!(coded_file("A.B.12/3").is_err());
    }

    #[test]
    fn a_fond_named_after_the_abbreviation_and_a_dash_joined_file() {
        let found = a(
            "Cumhurbaşkanlığı Cumhuriyet Arşivleri (CCA). Muamelat Genel Müdürlüğü. 144-32-13. 29.08.1932.",
        )
        .expect("archival");
        assert_eq!(found.name.as_deref(), Some("CCA"));
        assert_eq!(found.fond.as_deref(), Some("Muamelat Genel Müdürlüğü"));
        assert_eq!(found.file.as_deref(), Some("144-32-13"));
        // The date after the file is not its leaves.
        assert_eq!(found.leaves, None);
    }

    #[test]
    fn a_retrieval_number_with_a_letter() {
        let found = a(
            "کتابچۀ مخارج بنایی سربازخانه. کتابخانه، موزه و مرکز اسناد مجلس شورای اسلامی، شمارهبازیابی س948.",
        )
        .expect("archival");
        assert_eq!(
            found.name.as_deref(),
            Some("کتابخانه، موزه و مرکز اسناد مجلس شورای اسلامی")
        );
        assert_eq!(found.file.as_deref(), Some("س948"));
    }

    #[test]
    fn a_name_over_two_sentences_and_a_reel() {
        let found =
            a("Georgian Archive. Harvard University, Reel 74, box 22, book 5.").expect("archival");
        assert_eq!(
            found.name.as_deref(),
            Some("Georgian Archive. Harvard University")
        );
        assert_eq!(found.box_.as_deref(), Some("74"));
    }

    #[test]
    fn fond_codes() {
        assert_eq!(
            fond_code("A.}MKT.MHM. Title"),
            Ok((". Title", "A.}MKT.MHM"))
        );
        assert_eq!(fond_code("DH. MKT. Dosya"), Ok((". Dosya", "DH. MKT")));
        assert_eq!(fond_code("[HR.SYS], No. 2"), Ok((", No. 2", "HR.SYS")));
        assert!(fond_code("Kafkasya").is_err());
        assert_eq!(code_run("DH. MKT. Dosya"), "DH. MKT.");
        assert_eq!(code_run("TTD. No: 130"), "TTD.");
    }

    #[test]
    fn separators_and_names() {
        assert_eq!(sep(". - Д.640"), Ok(("Д.640", ". - ")));
        assert_eq!(sep("-3798"), Ok(("-3798", "")));
        assert_eq!(
            archive_name("Государственный архив Пензенской области (ГАПО). -"),
            "ГАПО"
        );
        assert_eq!(
            archive_name("МКУ «Минусинский городской архив»"),
            "МКУ «Минусинский городской архив»"
        );
        assert_eq!(archive_name("Dövlət Arxivi (1920)"), "Dövlət Arxivi (1920)");
    }

    #[test]
    fn regional_archives_and_file_lists() {
        assert_eq!(
            a(
                "Государственный архив Ставропольского края (ГАСК). - Ф. Р-3798. Оп.1. - Д.640. - Лл.27,70."
            ),
            Some(arch(
                Some("ГАСК"),
                "Р-3798",
                Some("1"),
                Some("640"),
                Some("27,70")
            ))
        );
        assert_eq!(
            a("Государственный архив Красноярского края. Фонд Р-93. Оп. 1. Дела 133, 134, 242."),
            Some(arch(
                Some("Государственный архив Красноярского края"),
                "Р-93",
                Some("1"),
                Some("133, 134, 242"),
                None
            ))
        );
    }

    #[test]
    fn prose_around_a_bracketed_shelfmark() {
        let v = Vocabulary::builtin();
        let text = "Rawlinson to Canning (FO 248/114), dated 8 January 1845.";
        let found = find(text, &v).expect("archival");
        assert!(found.prose);
        assert_eq!(&text[found.range.clone()], "(FO 248/114)");
        assert_eq!(found.archive.name.as_deref(), Some("FO"));
        assert_eq!(found.title, None);
        // A second work after `;`: the entry is the first one's.
        assert!(
            find(
                "Smith, History, vol. 7, p. 65; letter from A to B (FO 60/96).",
                &v
            )
            .is_none()
        );
    }

    #[test]
    fn a_title_after_the_data() {
        let v = Vocabulary::builtin();
        let text = "AVPRI fond 214, Rossijskoe general’noe konsul’stvo v Bombee.";
        let found = find(text, &v).expect("archival");
        assert_eq!(
            found.title.map(|t| &text[t]),
            Some("Rossijskoe general’noe konsul’stvo v Bombee")
        );
        // One word is a note, not a title.
        let found = find("ГАРФ. Ф. 130. Оп. 1. Д. 45. Подлинник.", &v).expect("archival");
        assert_eq!(found.title, None);
        // After a file or a leaf, words describe the document: a note.
        for text in [
            "AI RA, f. 276, op. 1, d. 219, l. 9 verso. Certified copy.",
            "P.R.O., F.O. 60/96, Najib Pasha to Lt.-Col. Sheil (n.d.).",
            "АИ РА, ф.223, оп.1, д. 103, л. 148. Отпуск. Машинопись.",
        ] {
            assert_eq!(find(text, &v).expect("archival").title, None, "{text}");
        }
    }

    #[test]
    fn a_folder_before_the_file_and_a_page_after_it() {
        let avpr = a("AVPR, f. 148, op. 3, p. 1, d. 2, l. 5.").expect("archival");
        assert_eq!(avpr.box_.as_deref(), Some("1"));
        assert_eq!(avpr.file.as_deref(), Some("2"));
        assert_eq!(avpr.leaves.as_deref(), Some("5"));
        let fparf = a("FPARF, f. 069, inv. 30, fold. 100, file 19, p. 17").expect("archival");
        assert_eq!(fparf.box_.as_deref(), Some("100"));
        assert_eq!(fparf.file.as_deref(), Some("19"));
        assert_eq!(fparf.leaves.as_deref(), Some("17"));
    }

    #[test]
    fn books_are_not_archival() {
        assert_eq!(
            a("Иванов И.И. История. Т. 2. М.: Наука, 1985. 464 с."),
            None
        );
        assert_eq!(a("Smith J. Book. Vol. 3, no. 2, p. 5."), None);
        assert_eq!(a("Tarih Dergisi, No. 3, s. 45-67."), None);
    }

    #[test]
    fn an_unknown_archive_cited_in_english() {
        assert_eq!(
            a("CSHA GR, F. 1818, inv. 12, case 135, sheets 17-18."),
            Some(arch(
                Some("CSHA GR"),
                "1818",
                Some("12"),
                Some("135"),
                Some("17-18")
            ))
        );
        assert_eq!(
            a("CSHA GR, F. 1861, inv. 2, c. 57, sh. 58."),
            Some(arch(
                Some("CSHA GR"),
                "1861",
                Some("2"),
                Some("57"),
                Some("58")
            ))
        );
    }

    #[test]
    fn a_romanised_name_with_its_translation() {
        let v = Vocabulary::builtin();
        let text = "Filial Respublikanskogo gosudarstvennogo arkhiva \"Tsentr dokumentatsii \
                    noveishei istorii\" [Branch of State Archive of KChR \"Center of the modern \
                    history documentation\"]. F. 1. Op. 1. D. 60. L. 21-23.";
        let found = find(text, &v).expect("archival");
        assert_eq!(
            found.archive.name.as_deref(),
            Some(
                "Filial Respublikanskogo gosudarstvennogo arkhiva \"Tsentr dokumentatsii noveishei istorii\""
            )
        );
        assert_eq!(
            found.archive.full_name.as_deref(),
            Some("Branch of State Archive of KChR \"Center of the modern history documentation\"")
        );
        assert_eq!(found.archive.leaves.as_deref(), Some("21-23"));
    }
}
