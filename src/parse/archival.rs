//! Parse: archival references — archive, fond, inventory, file, leaves — and catalogue shelfmarks.
//!
//! `ARDA: f. 28. siy. 1. iş 72`, `SPİHDA f.609, siy.1, iş 96`,
//! `ГАРФ. Ф. 130. Оп. 1. Д. 45. Л. 12–15 об.`, `GARF, f. 130, op. 1, d. 45`,
//! `TNA, FO 371/4910, f. 23`, `IOR/L/PS/10/905`, `BOA, HR.SYS, 123/45`.
//! Labels and archive names come from `bib/archives.toml`; separators between
//! components may be `.`, `,`, `:`, `;` or nothing (GOST R 7.0.5-2008 §11.4,
//! and the "Оп. 1 .Д. 1" slips real lists contain).

use nom::Parser;
use nom::bytes::complete::take_while1;
use nom::combinator::{opt, recognize};

use super::date::Year;
use super::lex::{Res, at_boundary, ch, digits, fail, range, range_list, sp, word};
use super::locator::verso;
use crate::model::Archive;
use crate::script::{ascii_digits, fold, is_digit, normalize_range};
use crate::vocab::{Component, Vocabulary};

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
}

/// A fond or file number: optional letter prefix (`Р-1234`, `А-513`,
/// `R-1`), digits, optional letter suffix, an optional hyphenated part
/// (`49-2`) and an optional slash part (`123/45`).
fn unit_number(i: &str) -> Res<'_, &str> {
    recognize((
        opt((take_while1(|c: char| c.is_uppercase()), opt(ch('-')))),
        digits,
        // "030.10" (BCA fond codes): dotted groups of digits.
        nom::multi::many0((ch('.'), digits)),
        opt(take_while1(|c: char| {
            c.is_lowercase() && c.is_alphabetic() && c.len_utf8() <= 2
        })),
        opt((ch('-'), digits)),
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
            || rest.starts_with(|c: char| c.is_alphanumeric() && !c.is_lowercase())
            || v.chars().rev().take_while(|c| c.is_alphabetic()).count() > 1
        {
            fail(i)
        } else {
            Ok((rest, v))
        }
    })
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
/// dashes, in any mix.
fn sep(i: &str) -> Res<'_, &str> {
    let len: usize = i
        .chars()
        .take_while(|c| c.is_whitespace() || matches!(c, '.' | ',' | ':' | ';' | '،' | '–' | '—'))
        .map(char::len_utf8)
        .sum();
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
        let Some(&component) = candidates.iter().find(|c| !filled.contains(c)) else {
            return fail(i);
        };
        let (rest, _) = (sp, opt((ch(':'), sp))).parse(rest)?;
        let (rest, value, verso_seen) = if component == Component::Leaves {
            let (r, (v, vs)) = leaves(vocab).parse(rest)?;
            (r, v, vs)
        } else {
            match unit_number(rest) {
                Ok((r, v)) => (r, v, false),
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

/// A catalogue reference after a department code: `FO 371/4910`,
/// `IOR/L/PS/10/905`, `PROB 1/4`. Returns (fond, file).
fn shelfmark<'a>(
    vocab: &'a Vocabulary,
) -> impl Parser<&'a str, Output = (String, String), Error = nom::error::Error<&'a str>> + 'a {
    move |i: &'a str| {
        let (rest, (dept, _)) = word(&vocab.index.departments).parse(i)?;
        let part = |s| take_while1(|c: char| c.is_alphanumeric() || c == '&').parse(s);
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
            recognize((digits, opt(take_while1(char::is_alphabetic)))),
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
    let (_, code) =
        take_while1(|c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '(' | ')'))
            .parse(body)?;
    let code = code.trim_end_matches('.');
    let dotted = code.contains('.')
        && code.starts_with(|c: char| c.is_ascii_uppercase())
        && code.split('.').filter(|p| !p.is_empty()).all(|p| {
            p.chars()
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

/// Finds the archival search data in `text`, if the entry is archival.
pub(crate) fn find(text: &str, vocab: &Vocabulary) -> Option<Found> {
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
                });
            }
        }
    }
    // 2. A department shelfmark anywhere ("FO 371/4910"); "IOR: L/P&S/10/245"
    //    names the collection before the colon.
    for &p in &starts {
        if shelfmark(vocab).parse(&text[p..]).is_ok()
            && let Some(found) = data_after(text, p, p, None, vocab)
        {
            let mut found = with_name_before(text, p, found);
            if found.archive.name.is_none()
                && let Ok((after, (dept, _))) = word(&vocab.index.departments).parse(&text[p..])
                && after.starts_with(':')
            {
                found.archive.name = Some(dept.to_string());
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
            return Some(with_name_before(text, p, found));
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
fn with_name_before(text: &str, p: usize, mut found: Found) -> Found {
    if let Some(ns) = name_before(text, p) {
        let name = clean_name(&text[ns..p]);
        if !name.is_empty() {
            found.archive.name = Some(name);
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
        || component(vocab, Vec::new()).parse(s).is_ok()
        || word(&vocab.index.components)
            .parse(s)
            .is_ok_and(|(r, (l, _))| l.ends_with('.') && !r.starts_with(char::is_alphabetic))
        || (known
            && (fond_code(s).is_ok_and(|(r, _)| at_boundary(r))
                || numeric_code(s).is_ok()
                || unit_number(s).is_ok_and(|(r, _)| {
                    at_boundary(r) && !r.trim_start().starts_with(char::is_alphanumeric)
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
    let mut archive = Archive::default();
    let mut filled: Vec<Component> = Vec::new();
    let mut problems = Vec::new();
    let mut year = None;
    let mut rest = &text[data..];
    let mut name_end = data;
    // The rest of a longer name, a bracketed abbreviation, a year: "Dövlət
    // Arxivi (ARDA), …", "وزارت امور خارجه، سال ۱۳۳۹ق، …".
    // Words after the archive's abbreviation and a comma name its fond
    // ("BOA, Cevdet Hariciye, nr. 4567"); without a comma they continue
    // the archive's name ("Dövlət Arxivi (ARDA)", "… وزارت امور خارجه").
    let mut fond_words: Option<std::ops::Range<usize>> = None;
    for step in 0..16 {
        let (r, separator) = sep(rest).ok()?;
        if step == 0 && separator.matches([',', '،']).count() >= 2 {
            let at = text.len() - rest.len();
            problems.push((
                at..at + separator.len(),
                "has an empty field between two commas".to_string(),
            ));
        }
        if r.is_empty() || data_starts(r, known.is_some(), vocab) {
            rest = r;
            break;
        }
        if step == 0
            && separator.contains([',', '،'])
            && r.starts_with(char::is_uppercase)
            && known.is_some()
        {
            let start = text.len() - r.len();
            fond_words = Some(start..start);
        }
        let r_year = r.strip_prefix("سال").map_or(r, str::trim_start);
        if let Ok((r2, y)) = super::date::year(vocab, None).parse(r_year)
            && at_boundary(r2)
        {
            year = Some(y);
            rest = r2;
            continue;
        }
        if let Some(close) = super::imprint::bracket_end(r) {
            let inner = &r[1..close - 1];
            if known.is_some()
                && let Ok((after, code)) = fond_code(r)
                && at_boundary(after)
            {
                // "[A.(AMD)]": the fond code of a named register.
                let _ = code;
                rest = r;
                break;
            }
            let _ = inner;
            rest = &r[close..];
            name_end = text.len() - rest.len();
            continue;
        }
        let word_len: usize = r
            .chars()
            .take_while(|c| {
                c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '\u{200C}' | 'â' | 'î' | 'û')
            })
            .map(char::len_utf8)
            .sum();
        if word_len == 0 || known.is_none() {
            return None;
        }
        rest = &r[word_len..];
        match &mut fond_words {
            Some(words) => words.end = text.len() - rest.len(),
            None => name_end = text.len() - rest.len(),
        }
    }
    let mut data_start = None;
    let mut last_end = data;
    let here = |rest: &str| text.len() - rest.len();
    // Catalogue forms first.
    if let Ok((r, (fond, file))) = shelfmark(vocab).parse(rest) {
        data_start = Some(here(rest));
        if file.is_empty() {
            let at = here(r).saturating_sub(1);
            problems.push((
                here(rest)..at + 1,
                format!("the catalogue reference `{fond}/` has no piece number"),
            ));
        } else {
            archive.file = Some(file);
        }
        archive.fond = Some(fond);
        filled.extend([Component::Fond, Component::Inventory, Component::File]);
        rest = r;
        last_end = here(rest);
    } else if known.is_some()
        && let Ok((r, (fond, file))) = numeric_code(rest)
    {
        data_start = Some(here(rest));
        archive.fond = Some(ascii_digits(fond));
        archive.file = Some(ascii_digits(file));
        filled.extend([Component::Fond, Component::Inventory, Component::File]);
        rest = r;
        last_end = here(rest);
    } else if known.is_some()
        && numeric_code(rest).is_err()
        && let Ok((r, code)) = dotted_fond(rest)
    {
        data_start = Some(here(rest));
        archive.fond = Some(ascii_digits(code));
        filled.extend([Component::Fond, Component::Inventory]);
        rest = r;
        last_end = here(rest);
        // "BCA, 030.10.0.0, 112.756.12": the second code is the place
        // number of the file.
        if let Ok((r2, (_, file))) = (sep, dotted_fond).parse(rest) {
            archive.file = Some(ascii_digits(file));
            filled.push(Component::File);
            rest = r2;
            last_end = here(rest);
        }
    } else if known.is_some()
        && component(vocab, Vec::new()).parse(rest).is_err()
        && let Ok((r, code)) = fond_code(rest)
        && at_boundary(r)
    {
        data_start = Some(here(rest));
        archive.fond = Some(code.to_string());
        filled.extend([Component::Fond, Component::Inventory]);
        rest = r;
        last_end = here(rest);
        // "123/45" right after the code is the file.
        if let Ok((r2, (_, v))) = (sep, unit_number).parse(rest)
            && !r2.trim_start().starts_with(|c: char| c.is_alphabetic())
        {
            archive.file = Some(ascii_digits(v));
            filled.push(Component::File);
            rest = r2;
            last_end = here(rest);
        }
    }
    // A bare unit number right after a known archive: "ساکما، ۲۴۰/۱۲۳۴۵".
    if known.is_some()
        && data_start.is_none()
        && let Ok((r, v)) = unit_number(rest)
        && at_boundary(r)
        && !r.trim_start().starts_with(|c: char| c.is_alphanumeric())
    {
        data_start = Some(here(rest));
        archive.file = Some(ascii_digits(v));
        filled.extend([Component::Fond, Component::Inventory, Component::File]);
        rest = r;
        last_end = here(rest);
    }
    // Labelled components.
    loop {
        let (r, _) = sep(rest).ok()?;
        // A bracketed fond name after a number: "Ф.223 (С. Д. Полторацкий)".
        let r = match (ch('('), take_while1(|c: char| c != ')'), ch(')')).parse(r) {
            Ok((r2, _))
                if !filled.is_empty()
                    && component(vocab, filled.clone())
                        .parse(sep(r2).map_or(r2, |x| x.0))
                        .is_ok() =>
            {
                sep(r2).ok()?.0
            }
            _ => r,
        };
        let parsed = component(vocab, filled.clone()).parse(r);
        match parsed {
            Ok((r2, (c, label, value, verso_seen))) => {
                data_start.get_or_insert(here(r));
                filled.push(c);
                archive.labels.push((c, label.to_string()));
                let value = if c == Component::Fond
                    && value.chars().any(char::is_alphabetic)
                    && !value.chars().any(is_digit)
                {
                    value
                } else {
                    ascii_digits(&value)
                };
                match c {
                    Component::Fond => archive.fond = Some(value),
                    Component::Inventory => archive.inventory = Some(value),
                    Component::File => archive.file = Some(value),
                    Component::Item => archive.item = Some(value),
                    Component::Box => archive.box_ = Some(value),
                    Component::Leaves => {
                        archive.leaves = Some(value);
                        archive.verso |= verso_seen;
                    }
                }
                rest = r2;
                last_end = here(rest);
            }
            Err(_) => {
                // A label without its number: "f. , siy. 1", "… iş".
                if let Ok((r2, (label, candidates))) = word(&vocab.index.components).parse(r)
                    && candidates.iter().any(|c| !filled.contains(c))
                    && !sep(r2).map_or(r2, |x| x.0).starts_with(is_digit)
                    && (label.ends_with('.')
                        || label.chars().count() >= 4
                        || sep(r2).map_or(r2, |x| x.0).is_empty())
                    && (known.is_some() || !filled.is_empty())
                {
                    let at = here(r);
                    problems.push((
                        at..at + label.len(),
                        format!("the archival label `{label}` has no number after it"),
                    ));
                    data_start.get_or_insert(at);
                    if let Some(&c) = candidates.iter().find(|c| !filled.contains(c)) {
                        filled.push(c);
                    }
                    rest = r2;
                    last_end = here(rest);
                    continue;
                }
                // A year between components: "Оп. 1. 1724 г. Д. 6" (the
                // inventory of a year in РГАДА).
                if let Ok((r2, y)) = super::date::year(vocab, None).parse(r)
                    && component(vocab, filled.clone())
                        .parse(sep(r2).map_or(r2, |x| x.0))
                        .is_ok()
                {
                    year.get_or_insert(y);
                    rest = r2;
                    continue;
                }
                // A bare leaf number after the file of a known archive:
                // "No. 976, 61b." (İSNAD).
                if known.is_some()
                    && archive.file.is_some()
                    && archive.leaves.is_none()
                    && let Ok((r2, (v, vs))) = leaves(vocab).parse(r)
                    && at_boundary(r2)
                    && !r2.trim_start().starts_with(|c: char| c.is_alphabetic())
                    && extent_after(r, vocab).is_none()
                {
                    archive.leaves = Some(normalize_range(v).replace(" -", "-").replace("- ", "-"));
                    archive.verso |= vs;
                    filled.push(Component::Leaves);
                    rest = r2;
                    last_end = here(rest);
                    continue;
                }
                break;
            }
        }
    }
    let data_start = data_start?;
    if let Some(words) = fond_words.filter(|w| !w.is_empty()) {
        if archive.fond.is_none() {
            archive.fond = Some(clean_name(&text[words]));
        } else {
            // Not a fond after all: the words belong to the name.
            name_end = words.end;
        }
    }
    if known.is_none() && count_components(&archive) < 2 && archive.fond.is_none() {
        return None;
    }
    if count_components(&archive) == 0 && problems.is_empty() {
        return None;
    }
    if known.is_some()
        && archive.fond.is_some()
        && archive.file.is_none()
        && archive.item.is_none()
        && archive.leaves.is_none()
        && problems.is_empty()
    {
        problems.push((
            data_start..last_end,
            "names a fond but no file, document or leaf".to_string(),
        ));
    }
    // "214 л." after the data: the file's leaf count.
    let extent = {
        let (r, _) = sep(&text[last_end..]).ok()?;
        extent_after(r, vocab)
    };
    if name < data_start {
        let end = if known.is_some() {
            name_end.max(data).min(data_start)
        } else {
            data_start
        };
        let name_text = clean_name(&text[name..end]);
        if !name_text.is_empty() {
            archive.name = Some(name_text);
        }
    }
    archive.full_name = known.and_then(|k| vocab.archive(k)).map(|a| a.name.clone());
    archive.leaves = archive.leaves.map(|l| normalize_leaves(&l));
    Some(Found {
        archive,
        range: name..last_end,
        name_start: name,
        known,
        extent: extent.map(|(e, _)| e),
        year,
        problems,
    })
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
        .trim_end_matches([':', ',', '.', ';', '،', ' '])
        .trim_start_matches(['/', ' ', '.', ','])
        .trim();
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The start of a short name-like segment ending at `at`: after `//`, `. `
/// or the start of the text; uppercase abbreviations or words naming an
/// archive.
fn name_before(text: &str, at: usize) -> Option<usize> {
    let before = text[..at].trim_end_matches([' ', '.', ',', ':', ';', '،']);
    let seg_start = [
        before.rfind("//").map(|i| i + 2),
        before.rfind(". ").map(|i| i + 2),
    ]
    .into_iter()
    .flatten()
    .max()
    .unwrap_or(0);
    let seg = before[seg_start..].trim();
    if seg.is_empty() || seg.split_whitespace().count() > 8 {
        return None;
    }
    let f = fold(seg);
    let archive_word = [
        "arxiv",
        "архив",
        "arşiv",
        "archive",
        "آرشیو",
        "library",
        "kitabxana",
        "библиотек",
        "record",
        "papers",
        "collection",
        "fonds",
    ]
    .iter()
    .any(|w| f.contains(w));
    let abbreviation = seg.split_whitespace().any(|w| {
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 2
            && letters.iter().filter(|c| c.is_uppercase()).count() * 2 > letters.len()
    });
    (archive_word || abbreviation)
        .then_some(seg_start + (before[seg_start..].len() - before[seg_start..].trim_start().len()))
}

/// Byte offsets where words start.
fn word_starts(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let boundary = prev.is_none_or(|p| !p.is_alphanumeric());
        if boundary && (c.is_alphanumeric() || c == '№') {
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
        assert_eq!(
            a("FO 371/4910"),
            Some(arch(None, "FO 371", None, Some("4910"), None))
        );
        assert_eq!(
            a("IOR/L/PS/10/905"),
            Some(arch(None, "IOR/L/PS/10", None, Some("905"), None))
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
    fn books_are_not_archival() {
        assert_eq!(
            a("Иванов И.И. История. Т. 2. М.: Наука, 1985. 464 с."),
            None
        );
        assert_eq!(a("Smith J. Book. Vol. 3, no. 2, p. 5."), None);
        assert_eq!(a("Tarih Dergisi, No. 3, s. 45-67."), None);
    }
}
