//! Parse: the elements after the title — year, place, publisher, volume, issue, pages, extent, editors — and the free text between them.
//!
//! An entry is read as a sequence of segments: an element recognised by a
//! production (`Том II`, `М.:`, `1985`, `464 с.`, `№ 3`, `С. 33–34`,
//! `под ред. …`), or free text running to the next separator after which an
//! element begins. `parse/mod.rs` then decides what each free segment is
//! (title, subtitle, container, publisher, note) from its neighbours.

use crate::script::Letter;
use nom::Parser;

use super::date::{MonthDay, Year, date, year};
use super::lex::{at_boundary, ch, digits, ends_element, parse_number, sp, word};
use super::locator::{bare_pages, extent, issue_after, labelled, part_after, volume_after};
use super::person;
use super::style::Punctuation;
use crate::model::{Language, Person};
use crate::script::{fold, is_digit};
use crate::vocab::{Meaning, Vocabulary};

/// What separated a segment from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sep {
    /// Nothing: the first segment.
    Start,
    /// Only spaces.
    Space,
    /// A period (GOST area separator `. – ` included).
    Period,
    /// A comma (Latin or Arabic).
    Comma,
    /// A colon.
    Colon,
    /// A semicolon.
    Semicolon,
    /// A spaced dash.
    Dash,
    /// A spaced slash (GOST statement of responsibility).
    Slash,
    /// A double slash (GOST container).
    DoubleSlash,
}

/// A recognised element.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Elem {
    Year(Year),
    /// A date: as printed, its year, its day and month if it names a day.
    Date(String, Option<Year>, Option<MonthDay>),
    Volume(String),
    Volumes(String),
    Issue(String),
    Pages(String),
    Extent(String),
    Part(String),
    Place(String),
    Edition(String),
    Editors(Vec<Person>),
    Translators(Vec<Person>),
    /// "نوشته سوزان گویری", "by John Smith": the author named after the title.
    Authors(Vec<Person>),
    ContainerMarker,
    Thesis(String),
    VolumeIssue(String, String),
    /// ISNAD "39/210-213": a volume and its pages.
    VolumePages(String, String),
    /// "n.d.", "б. г.", "بی‌تا": no year printed.
    NoDate,
    /// "n.p.", "б. и.", "بی‌نا": no place or no publisher printed.
    NoImprint,
    /// A labelled locator of another kind (chapter, column…): kept as note.
    Other(String),
}

/// Whose names a marker introduces.
#[derive(Clone, Copy)]
enum Role {
    Editor,
    Translator,
    Author,
}

/// A segment of an entry.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Seg {
    /// The element, or `None` for free text.
    pub elem: Option<Elem>,
    /// Byte range in the entry text.
    pub range: std::ops::Range<usize>,
    /// The separator before it.
    pub sep: Sep,
    /// Whether the segment is a bracketed group.
    pub bracketed: bool,
}

/// Context for the element productions.
pub(crate) struct Ctx<'a> {
    pub vocab: &'a Vocabulary,
    pub lang: Option<Language>,
    /// Whether the entry's year has been read (APA: "(2021). Census records
    /// of the Baku Governorate, 1897." — a later year belongs to the title).
    pub year_seen: std::cell::Cell<Option<i32>>,
    /// Whether the segments read so far include a place: the imprint has
    /// begun, and a span of years is its date, not the title's.
    place_seen: std::cell::Cell<bool>,
    /// How the entry closes its areas: in the comma style a comma ends free
    /// text as a period does.
    pub punctuation: Punctuation,
}

impl<'a> Ctx<'a> {
    /// A context for an entry in `lang`.
    pub fn new(vocab: &'a Vocabulary, lang: Option<Language>) -> Self {
        Ctx {
            vocab,
            lang,
            year_seen: std::cell::Cell::new(None),
            place_seen: std::cell::Cell::new(false),
            punctuation: Punctuation::Period,
        }
    }
}

/// Reads separators at `pos`; returns the new position and the strongest
/// separator seen.
fn read_sep(text: &str, mut pos: usize) -> (usize, Sep) {
    let mut sep = Sep::Space;
    let mut saw_any = false;
    loop {
        let rest = &text[pos..];
        let Some(c) = rest.chars().next() else { break };
        let strength = |s: Sep| match s {
            Sep::DoubleSlash => 8,
            Sep::Slash => 7,
            Sep::Period => 6,
            Sep::Colon => 5,
            Sep::Semicolon => 4,
            Sep::Comma => 3,
            Sep::Dash => 2,
            Sep::Space => 1,
            Sep::Start => 0,
        };
        let mut take = |s: Sep, len: usize, pos: &mut usize| {
            if strength(s) > strength(sep) {
                sep = s;
            }
            *pos += len;
        };
        if rest.starts_with("//") {
            take(Sep::DoubleSlash, 2, &mut pos);
        } else if c.is_whitespace() {
            take(Sep::Space, c.len_utf8(), &mut pos);
        } else if c == '.' {
            take(Sep::Period, 1, &mut pos);
        } else if c == ',' || c == '،' {
            take(Sep::Comma, c.len_utf8(), &mut pos);
        } else if c == ':' {
            take(Sep::Colon, 1, &mut pos);
        } else if c == ';' || c == '؛' {
            take(Sep::Semicolon, c.len_utf8(), &mut pos);
        } else if c == '/'
            && (pos == 0
                || text[..pos].ends_with(char::is_whitespace)
                || glued_statement(&text[..pos], &rest[1..]))
        {
            take(Sep::Slash, 1, &mut pos);
        } else if (is_area_dash(c) || c == TATWEEL)
            && (pos == 0 || text[..pos].ends_with(char::is_whitespace))
            && rest[c.len_utf8()..].starts_with(char::is_whitespace)
            // ".-Bakı", ". -Moskva": a dash glued to the place opens the area.
            || is_area_dash(c)
                && text[..pos].trim_end().ends_with('.')
                && glued_dash(rest)
            // ",-izd.AN SSSR", ".- izd. Nauka": where a segment ended
            // before a label of the imprint (`label_after_dash`).
            || is_area_dash(c)
                && text[..pos].trim_end().ends_with(['.', ','])
                && rest[c.len_utf8()..].trim_start().starts_with(char::is_lowercase)
        {
            take(Sep::Dash, c.len_utf8(), &mut pos);
        } else {
            break;
        }
        saw_any = true;
    }
    if !saw_any && pos == 0 {
        sep = Sep::Start;
    }
    (pos, sep)
}

/// Splits `text[from..to]` into segments.
pub(crate) fn segments(text: &str, from: usize, to: usize, ctx: &Ctx) -> Vec<Seg> {
    ctx.place_seen.set(false);
    segments_in(text, from, to, ctx)
}

/// Splits `text[from..to]` into segments, a bracketed imprint included.
fn segments_in(text: &str, from: usize, to: usize, ctx: &Ctx) -> Vec<Seg> {
    let text = &text[..to];
    let mut segs = Vec::new();
    let mut pos = from;
    let mut first = true;
    // Whether the segment before is an imprint in brackets.
    let mut after_bracketed_imprint = false;
    while pos < text.len() {
        let after_place = matches!(
            segs.last(),
            Some(Seg {
                elem: Some(Elem::Place(_)),
                ..
            })
        );
        let (mut p, mut sep) = match place_dash(&text[pos..]).filter(|_| after_place) {
            Some(len) => (pos + len, Sep::Dash),
            None => read_sep(text, pos),
        };
        if let Some(len) = dash_place_follows(&text[p..], ctx) {
            p += len;
            if sep == Sep::Space {
                sep = Sep::Dash;
            }
        }
        if let Some(len) = year_dash(&text[p..], ctx) {
            (p, sep) = (p + len, Sep::Dash);
            // The year is read here: "1994 с. 308" would read as an extent.
            if let Ok((after, y)) = year(ctx.vocab, ctx.lang).parse(&text[p..]) {
                ctx.year_seen.set(Some(y.gregorian));
                let end = text.len() - after.len();
                segs.push(Seg {
                    elem: Some(Elem::Year(y)),
                    range: p..end,
                    sep,
                    bracketed: false,
                });
                (pos, first) = (end, false);
                continue;
            }
        }
        if first && p == pos {
            sep = Sep::Start;
        }
        first = false;
        pos = p;
        if pos >= text.len() {
            break;
        }
        // "ط دار صادر", "سنة ١٤٢٣ هـ": a word that introduces the
        // imprint is not part of the element after it.
        while let Some(len) = imprint_label(&text[pos..], ctx) {
            pos += len;
        }
        let rest = &text[pos..];
        // Chicago notes (14.x): "Title (Cambridge, 1910), 148": the number
        // after the bracketed imprint is the page cited.
        if std::mem::take(&mut after_bracketed_imprint)
            && sep == Sep::Comma
            && let Ok((after, page)) = digits(rest)
            && at_boundary(after)
        {
            segs.push(Seg {
                elem: Some(Elem::Pages(crate::script::normalize_range(page))),
                range: pos..pos + page.len(),
                sep,
                bracketed: false,
            });
            pos += page.len();
            continue;
        }
        // Bracketed groups: one element, an imprint in brackets (read as
        // if unbracketed), or free text.
        if let Some(close) = bracket_end(rest) {
            let inner = &rest[1..close - 1];
            let elem = paren_elem(inner, ctx);
            if elem.is_none()
                && (starts_with_imprint(inner, ctx) || starts_with_element(inner, ctx))
            {
                let mut inner_segs = segments_in(text, pos + 1, pos + close - 1, ctx);
                if let Some(first) = inner_segs.first_mut() {
                    first.sep = sep;
                }
                segs.extend(inner_segs);
                pos += close;
                after_bracketed_imprint = true;
                continue;
            }
            if let Some(Elem::Year(y)) = &elem {
                ctx.year_seen.set(Some(y.gregorian));
            }
            segs.push(Seg {
                elem,
                range: pos..pos + close,
                sep,
                bracketed: true,
            });
            pos += close;
            continue;
        }
        // "In" without a colon introduces a container only after the title
        // (Chicago "“Chapter.” In Book, edited by …").
        if segs.iter().any(|s: &Seg| s.elem.is_none())
            && let Some(marker) = title_container_marker(rest, ctx)
        {
            segs.push(Seg {
                elem: Some(Elem::ContainerMarker),
                range: pos..pos + marker,
                sep,
                bracketed: false,
            });
            pos += marker;
            continue;
        }
        if let Some(span) = imprint_year_span(rest, ctx) {
            pos = push_year_span(&mut segs, span, rest, pos, sep, ctx);
            continue;
        }
        if let Some((elem, len)) = elem_at(rest, ctx) {
            if let Elem::Year(y) = &elem {
                ctx.year_seen.set(Some(y.gregorian));
            }
            let after_place = matches!(elem, Elem::Place(_));
            if after_place {
                ctx.place_seen.set(true);
            }
            segs.push(Seg {
                elem: Some(elem),
                range: pos..pos + len,
                sep,
                bracketed: false,
            });
            pos += len;
            if after_place && let Some(country) = country_after(&text[pos..], ctx) {
                segs.push(Seg {
                    elem: Some(Elem::Other(text[pos..][country.clone()].to_string())),
                    range: pos + country.start..pos + country.end,
                    sep: Sep::Comma,
                    bracketed: false,
                });
                pos += country.end;
            }
            continue;
        }
        let end = scan_free(text, pos, ctx);
        let end = if end <= pos {
            next_char(text, pos)
        } else {
            end
        };
        segs.push(Seg {
            elem: None,
            range: pos..end,
            sep,
            bracketed: false,
        });
        pos = end;
    }
    segs
}

/// The length of a word that introduces the imprint and is not part of
/// it, with the spaces after it (`bib/imprint.toml` `imprint_labels`,
/// `year_prefixes`): Arabic "ط" before the publisher or place that printed
/// the edition ("ط دار المعارف ، مصر", "ط مصر سنة ١٣٨٣ هـ"), "سنة" before
/// a year ("سنة ١٤٢٣ هـ").
fn imprint_label(s: &str, ctx: &Ctx) -> Option<usize> {
    let index = &ctx.vocab.index;
    // A label with its period may be glued to the name ("İzd.Nauka").
    let after_word = |lexicon| {
        let (rest, (label, ())) = word(lexicon).parse(s).ok()?;
        let t = rest.trim_start();
        ((t.len() < rest.len() || label.ends_with('.')) && !t.is_empty()).then_some(t)
    };
    if let Some(t) = after_word(&index.imprint_labels) {
        return Some(s.len() - t.len());
    }
    let t = after_word(&index.year_prefixes)?;
    year(ctx.vocab, ctx.lang)
        .parse(t)
        .is_ok_and(|(rest, _)| at_boundary(rest) || rest.starts_with(char::is_whitespace))
        .then(|| s.len() - t.len())
}

/// The segments of the year an author–date entry prints after its names
/// (`person::author_date`): a span of years (`1974–1987`, `2020-21`) is
/// the year of its first one and a note of the whole.
pub(crate) fn lead_year(text: &str, range: std::ops::Range<usize>, ctx: &Ctx) -> Vec<Seg> {
    let s = &text[range.clone()];
    if let Some(span) = year_span(s, ctx)
        && span.len == s.len()
    {
        let mut segs = Vec::new();
        push_year_span(&mut segs, span, s, range.start, Sep::Start, ctx);
        return segs;
    }
    segments(text, range.start, range.end, ctx)
}

/// A span of years in the imprint, after the place: a work issued over
/// several years ("М.-Л., 1946-1960", "Cairo: Maktabat al-Khanjī, 1932-38",
/// "Tehran: …, 1362 sh/1983 – 1366 sh/1987", "تهران، ۱۳۴۰ـ۱۳۴۲ش"). A span
/// before the imprint is the period a title covers and stays with it.
struct YearSpan {
    first: Year,
    /// The length of the first year as printed.
    first_len: usize,
    /// The length of the whole span.
    len: usize,
}

fn imprint_year_span(s: &str, ctx: &Ctx) -> Option<YearSpan> {
    if !ctx.place_seen.get() || ctx.year_seen.get().is_some() {
        return None;
    }
    year_span(s, ctx)
}

/// Two years joined by a dash, the second printed whole or by its last two
/// digits, ending an element.
fn year_span(s: &str, ctx: &Ctx) -> Option<YearSpan> {
    let (rest, first) = year(ctx.vocab, ctx.lang).parse(s).ok()?;
    let first_len = s.len() - rest.len();
    let (rest, _) = super::lex::dash(rest).ok()?;
    let rest = match year(ctx.vocab, ctx.lang).parse(rest) {
        Ok((after, _)) => after,
        Err(_) => {
            let (after, tail) = digits(rest).ok()?;
            (tail.chars().count() == 2).then_some(after)?
        }
    };
    (at_boundary(rest) && !rest.trim_start().starts_with(|c: char| is_digit(c))).then(|| YearSpan {
        first,
        first_len,
        len: s.len() - rest.len(),
    })
}

/// Pushes a year span as the year of its first year and, for the rest of
/// the span, a note of the whole span as printed (`rest` starts with it);
/// returns the position after it.
fn push_year_span(
    segs: &mut Vec<Seg>,
    span: YearSpan,
    rest: &str,
    pos: usize,
    sep: Sep,
    ctx: &Ctx,
) -> usize {
    ctx.year_seen.set(Some(span.first.gregorian));
    segs.push(Seg {
        elem: Some(Elem::Year(span.first)),
        range: pos..pos + span.first_len,
        sep,
        bracketed: false,
    });
    segs.push(Seg {
        elem: Some(Elem::Other(rest[..span.len].to_string())),
        range: pos + span.first_len..pos + span.len,
        sep: Sep::Dash,
        bracketed: false,
    });
    pos + span.len
}

/// A country after a comma that follows a place ("Beirut, Lebanon"): its
/// range in `rest`, separator excluded.
fn country_after(rest: &str, ctx: &Ctx) -> Option<std::ops::Range<usize>> {
    let after = rest.trim_start().strip_prefix([',', '،'])?;
    let name = after.trim_start();
    let (len, _) = ctx.vocab.index.countries.match_start(name)?;
    let start = rest.len() - name.len();
    at_boundary(&name[len..]).then_some(start..start + len)
}

/// Whether the part after a comma names a publisher, an institution or a
/// periodical: "…, Selçuklu Belediyesi Yayınları, Konya", "…, Hitit
/// Üniversitesi, …", "…, Konya Selçuklu Medeniyeti Araştırmaları Dergisi,
/// Yıl:4" — a comma before such a name closes the title.
fn institution_follows(after: &str, ctx: &Ctx) -> bool {
    let part = after
        .split([',', '،', ';', '.'])
        .next()
        .unwrap_or("")
        .trim();
    if part.is_empty() || part.chars().any(is_digit) {
        return false;
    }
    let index = &ctx.vocab.index;
    let words: Vec<&str> = part.split_whitespace().collect();
    let periodical_head =
        |w: Option<&&str>| w.is_some_and(|w| crate::vocab::contains_word(w, &index.journal_words));
    crate::vocab::contains_word(part, &index.publisher_words)
        || words.len() >= 2 && (periodical_head(words.first()) || periodical_head(words.last()))
}

/// Whether a publisher's or a periodical's name comes next and more of the
/// entry after it: "…, ed. ‘Imad al-Din Ahmad Haydar, Al-Kutub al-Thiqafiya
/// Institute, Beirut, 1981", "ترجمه: الهه کولائی، فصلنامه راهبرد، شماره 7" —
/// the names of a statement end before it.
fn publisher_then_imprint(next: &str, ctx: &Ctx) -> bool {
    if publisher_place_year(next, ctx) {
        return true;
    }
    let Some((name, after)) = next.split_once([',', '،']) else {
        // "…, trans. Hasan Fathi, Fikr-i Ruz Publication.": a publisher's
        // name closing the entry.
        let name = next.trim_end().trim_end_matches('.');
        return !name.contains(['.', ';', ':']) && institution_follows(name, ctx);
    };
    if after.trim().is_empty() {
        return false;
    }
    match name.split_once(':') {
        // "…, ed. by Sayyid Muḥammad, Manāmat: Maktabat Fakhrāwī, 2008":
        // a place, its publisher and the year.
        Some((place, _)) => {
            super::assign::looks_like_place(place.trim())
                && year(ctx.vocab, ctx.lang)
                    .parse(after.trim_start())
                    .is_ok_and(|(rest, _)| at_boundary(rest))
        }
        None => {
            institution_follows(name, ctx)
                || crate::vocab::contains_word(name, &ctx.vocab.index.corporate)
        }
    }
}

/// Whether `s` is the whole name of a place the vocabulary knows: "تهران",
/// "Beirut" (Arabic script has no capitals to tell a place by its shape).
fn known_place(s: &str, ctx: &Ctx) -> bool {
    ctx.vocab
        .index
        .places
        .match_start(s)
        .is_some_and(|(len, _)| s[len..].trim().is_empty())
}

/// Whether `s` is the imprint of a comma-style entry, closing it: a name, a
/// place of one or two capitalised words, the year — "…, ed. Bassam ‘Abd
/// al-Wahab al-Jabi, Al-Jaffan wa al-Jabi, Cypress, 1407/1987.", "…,
/// Madrisat al-Imam al-Mahdi, Qum, 1406". The names of a statement before
/// it end at its comma, and the name is the publisher, known to the
/// vocabulary or not.
pub(crate) fn publisher_place_year(s: &str, ctx: &Ctx) -> bool {
    let parts: Vec<&str> = s.split([',', '،']).map(str::trim).collect();
    let [name, place, date] = parts.as_slice() else {
        return false;
    };
    let closing = |rest: &str| rest.trim().trim_start_matches('.').trim().is_empty();
    !name.is_empty()
        && !name.contains(['.', ':', ';', '('])
        && !name.chars().any(is_digit)
        && (super::assign::looks_like_place(place) || known_place(place, ctx))
        && year(ctx.vocab, ctx.lang)
            .parse(date)
            .is_ok_and(|(rest, _)| at_boundary(rest) && closing(rest))
}

/// Whether a year stands anywhere in `s`, at the start of a word.
fn has_year(s: &str, ctx: &Ctx) -> bool {
    s.char_indices()
        .filter(|&(i, c)| is_digit(c) && !s[..i].ends_with(|p: char| is_digit(p)))
        .any(|(i, _)| {
            year(ctx.vocab, ctx.lang)
                .parse(&s[i..])
                .is_ok_and(|(r, _)| !r.starts_with(|c: char| is_digit(c)))
        })
}

/// A dash glued to a period and to the word after it, opening the next
/// area: `.-Bakı`, `.–М.`, `.- Bakı`, `.- «Gənclik»` (one space may follow it);
/// in the library style also a date, a number or a label: `Azadlıq.- 2012.-
/// 19 iyun.- S.14.`, `Изв. АН СССР.- 1993.- №1.- c.3-9`.
fn glued_dash(rest: &str) -> bool {
    let mut chars = rest.chars();
    if !chars.next().is_some_and(is_area_dash) {
        return false;
    }
    let after = chars.as_str();
    let after = after.strip_prefix(' ').unwrap_or(after);
    after
        .strip_prefix(['«', '"', '“'])
        .unwrap_or(after)
        .starts_with(|c: char| c.is_uppercase() || is_digit(c) || c == '№')
}

/// The length of a dash typed without spaces between a place and the
/// publisher or year after it (`Bakı-2011.`, `Bakı-Elm`, `Bakı-Yazıçı 1987`,
/// `Москва-1998`): it separates the areas as a spaced dash does. Only a
/// capital or a digit may follow, so a place joined to a lower-case word
/// is not split.
fn place_dash(rest: &str) -> Option<usize> {
    let c = rest.chars().next().filter(|&c| is_area_dash(c))?;
    rest[c.len_utf8()..]
        .starts_with(|d: char| d.is_uppercase() || is_digit(d))
        .then_some(c.len_utf8())
}

/// Whether a spaced area dash and a capitalised word follow (`after`
/// starts after a period): GOST's ". – " that closes an area.
fn dashed_name(after: &str) -> bool {
    let Some(t) = after.strip_prefix(char::is_whitespace) else {
        return false;
    };
    let mut chars = t.chars();
    chars.next().is_some_and(is_area_dash)
        && chars
            .as_str()
            .strip_prefix(char::is_whitespace)
            .is_some_and(|n| n.starts_with(char::is_uppercase))
}

/// The length of spaces and a dash glued to the place after them, when a
/// comma or a space, not GOST's period, stands before the dash
/// ("Gtnoqenez azerbaydjanüev, 1, -Baku, «Glm»", "İstoriə Midii,-M.-L.,
/// 1956", "Böyük hun imperiyası. I -Bakı"): the dash opens the imprint as
/// ". -Moskva" does (`glued_dash`).
fn dash_place_follows(after: &str, ctx: &Ctx) -> Option<usize> {
    let t = after.trim_start();
    let c = t.chars().next().filter(|&c| is_area_dash(c))?;
    let rest = &t[c.len_utf8()..];
    (rest.starts_with(char::is_uppercase)
        && matches!(elem_at(rest, ctx), Some((Elem::Place(_), _))))
    .then(|| after.len() - rest.len())
}

/// The length of a dash typed without its spaces between the publisher
/// and the year after it, once the place is read (`Баку–элм-1983`, `БАКУ-ЭЛМ
/// -1994`, `Bakı: Elm- 1981`): it separates them as a comma does.
fn year_dash(rest: &str, ctx: &Ctx) -> Option<usize> {
    let c = rest.chars().next().filter(|&c| is_area_dash(c))?;
    let after = rest[c.len_utf8()..].trim_start();
    (ctx.place_seen.get() && year_follows(after, ctx)).then_some(rest.len() - after.len())
}

/// Whether `s` opens with a year that ends an element, or that the pages
/// follow ("1994 с. 308").
fn year_follows(s: &str, ctx: &Ctx) -> bool {
    year(ctx.vocab, ctx.lang).parse(s).is_ok_and(|(rest, _)| {
        at_boundary(rest)
            || elem_at(rest.trim_start(), ctx).is_some_and(|(e, _)| matches!(e, Elem::Pages(_)))
    })
}

/// Whether a publisher's name read after the place ends at `i` of `s`
/// (a space or a dash after a letter) because its year follows, joined by
/// the space or a dash alone: `БАКУ-ЭЛМ 1978`, `Баку–элм-1983`.
fn publisher_year_follows(s: &str, i: usize, ctx: &Ctx) -> bool {
    let c = s[i..].chars().next();
    ctx.place_seen.get()
        && c.is_some_and(|c| c.is_whitespace() || is_area_dash(c))
        && s[..i].ends_with(|c: char| c.is_letter())
        && year_follows(
            s[i..].trim_start_matches(|c: char| c.is_whitespace() || is_area_dash(c)),
            ctx,
        )
}

/// Whether `after` (right after a period, without a space) starts with a
/// place of the vocabulary followed by `:` or `,` — a one-letter
/// abbreviation ("М.") only by `:`, where initials cannot be meant.
fn glued_place(after: &str, ctx: &Ctx) -> bool {
    place(after, ctx).is_some_and(|(printed, len)| {
        let next = after[len..].trim_start();
        let short = printed.trim_end_matches('.').chars().count() <= 2;
        next.starts_with(':') || !short && next.starts_with(',')
    })
}

/// GOST's statement of responsibility after a slash typed without its
/// spaces ("…империи/ Д. В. Конкин //", "…ценностей./Р.А.Алиханова//"):
/// the slash is glued to a word before it and initials follow it.
/// After a thesis's specialty code the name may be printed in full
/// ("…канд. пед. наук: 13.00.01/Литарова Наталья Владимировна М., 1994.").
fn glued_statement(before: &str, after: &str) -> bool {
    let t = after.trim_start();
    let mut chars = t.chars();
    let initial = before.ends_with(|c: char| c.is_letter() || c == '.')
        && chars.next().is_some_and(char::is_uppercase)
        && chars.next() == Some('.');
    initial || specialty_code(before) && t.starts_with(char::is_uppercase)
}

/// Whether `before` ends with a specialty's code as GOST theses print it
/// (`13.00.01`, `07.00.02`): three pairs of digits joined by periods.
fn specialty_code(before: &str) -> bool {
    let code: Vec<char> = before.chars().rev().take(8).collect();
    code.len() == 8
        && code.iter().enumerate().all(|(k, &c)| {
            if k % 3 == 2 {
                c == '.'
            } else {
                c.is_ascii_digit()
            }
        })
        && !before[..before.len() - 8].ends_with(|c: char| c.is_letter_or_digit())
}

/// A place of the vocabulary closing a statement of responsibility printed
/// without the area's separator ("/ Сергеева Светлана Васильевна Москва",
/// "/Литарова Наталья Владимировна М."), after a name word in full: its
/// byte offset in `stmt` and the place as printed.
pub(crate) fn trailing_place(stmt: &str, ctx: &Ctx) -> Option<(usize, String)> {
    let stmt = stmt.trim_end();
    stmt.char_indices()
        .filter(|&(i, c)| c.is_uppercase() && i > 0 && stmt[..i].ends_with(' '))
        .find_map(|(i, _)| {
            let (printed, len) = place(&stmt[i..], ctx)?;
            let name_before =
                stmt[..i].trim_end().rsplit(' ').next().is_some_and(|w| {
                    w.chars().count() >= 2 && w.chars().all(crate::script::is_letter)
                });
            (name_before && stmt[i + len..].trim().is_empty()).then_some((i, printed))
        })
}

/// "Рецензия на рукопись учебника «История Южных осетин».1989.", "//
/// Южная Осетия.1992. №42.": the year typed without its space after the
/// period that closes a title or a name (`before`, not an abbreviation).
fn year_glued_to_name(before: &str, after: &str, ctx: &Ctx) -> bool {
    let letters: String = before.chars().rev().take_while(|c| c.is_letter()).collect();
    let closed = before.ends_with(['»', '"', '”', ')'])
        || letters.chars().count() >= 2
            && !is_abbreviation(&letters.chars().rev().collect::<String>(), ctx);
    closed
        && year(ctx.vocab, ctx.lang)
            .parse(after)
            .is_ok_and(|(rest, _)| at_boundary(rest))
}

/// Whether a labelled volume ("c.I", "t.1", "Cilt 3") begins `t`, closed
/// by a comma, a period or the end.
fn volume_follows(t: &str, ctx: &Ctx) -> bool {
    labelled(ctx.vocab).parse(t).is_ok_and(|(rest, l)| {
        l.meaning == Meaning::Volume
            && (rest.trim().is_empty() || rest.starts_with([',', '.', ';']))
    })
}

/// ".- izd. Nauka", ",-izd.AN SSSR": a dash after the period or comma,
/// then a label of the imprint (`bib/imprint.toml` `imprint_labels`),
/// opens the imprint area whatever the case of the label.
fn label_after_dash(after: &str, ctx: &Ctx) -> bool {
    let t = after.trim_start();
    t.chars()
        .next()
        .filter(|&c| is_area_dash(c))
        .is_some_and(|c| imprint_label(t[c.len_utf8()..].trim_start(), ctx).is_some())
}

/// A dash that separates the areas of an entry: hyphen-minus, the Unicode
/// dashes (‐ ‒ – — ―), minus; not the Arabic tatweel, which stretches a word
/// (spaced on both sides it is a dash: "بيروت ـ ١٤٠٣ ه.").
fn is_area_dash(c: char) -> bool {
    crate::script::is_dash(c) && c != TATWEEL
}

/// The Arabic tatweel (kashida).
const TATWEEL: char = '\u{0640}';

fn next_char(text: &str, pos: usize) -> usize {
    text[pos..]
        .chars()
        .next()
        .map_or(text.len(), |c| pos + c.len_utf8())
}

/// The byte length of a bracketed group at the start of `s`, brackets included.
pub(crate) fn bracket_end(s: &str) -> Option<usize> {
    let open = s.chars().next()?;
    let close = match open {
        '(' => ')',
        '[' => ']',
        _ => return None,
    };
    let mut depth = 0;
    for (i, c) in s.char_indices() {
        if c == open {
            depth += 1;
        } else if c == close {
            depth -= 1;
            if depth == 0 {
                return Some(i + c.len_utf8());
            }
        }
    }
    None
}

/// An element inside brackets: `(2012)`, `(1388)`, `(3-4)`, `(ed.)`.
fn paren_elem(inner: &str, ctx: &Ctx) -> Option<Elem> {
    let t = inner.trim();
    if let Ok((rest, y)) = year(ctx.vocab, ctx.lang).parse(t)
        && (rest.trim().trim_end_matches('.').is_empty()
            || rest.trim_start().strip_prefix(',').is_some_and(|d| {
                date(ctx.vocab, ctx.lang)
                    .parse(d.trim_start())
                    .is_ok_and(|(r, _)| r.trim().is_empty())
            }))
    {
        return Some(Elem::Year(y));
    }
    if died(t, ctx) {
        return Some(Elem::Other(inner.trim().to_string()));
    }
    if let Some(elem) = role_after_names(t, ctx) {
        return Some(elem);
    }
    // "(3-4)": an issue of a journal.
    if !t.is_empty()
        && t.chars()
            .all(|c| is_digit(c) || matches!(c, '-' | '–' | '/' | ' '))
        && t.chars().filter(|c| is_digit(*c)).count() <= 5
    {
        return Some(Elem::Issue(
            crate::script::normalize_range(t).replace(' ', ""),
        ));
    }
    if let Some((elem, len)) = elem_at(t, ctx)
        && t[len..].trim().trim_end_matches('.').is_empty()
        && !matches!(elem, Elem::Place(_))
    {
        return Some(elem);
    }
    None
}

/// APA 7's editor or translator bracketed after the title, the role
/// after the names: "Aydî divanı (Ö. A. Aksoy, haz.)", "Şehname (N. Lugal,
/// çev.)", "(J. Smith, Ed.)", "(R. Nicholson, Trans.)".
fn role_after_names(t: &str, ctx: &Ctx) -> Option<Elem> {
    let (names, role) = t.rsplit_once(',')?;
    let role = role.trim();
    let index = &ctx.vocab.index;
    let whole = |lex| {
        word(lex)
            .parse(role)
            .is_ok_and(|(rest, _): (&str, _)| rest.trim().trim_end_matches('.').is_empty())
    };
    let editor = whole(&index.editor_markers);
    if !editor && !whole(&index.translator_markers) {
        return None;
    }
    let people = split_names(names.trim(), ctx);
    if people.is_empty() || people.iter().any(|p| p.given.is_none()) {
        return None;
    }
    Some(if editor {
        Elem::Editors(people)
    } else {
        Elem::Translators(people)
    })
}

/// "d. 732 A.H.", "ت 1370هـ", "d. 429/1037", "died in AH 430": the year an
/// author died, bracketed after the name (a note, not the title), its era
/// printed after the year or before it.
fn died(t: &str, ctx: &Ctx) -> bool {
    (word(&ctx.vocab.index.death_markers), sp)
        .parse(t)
        .is_ok_and(|(rest, _)| {
            let rest = (word(&ctx.vocab.index.calendar_markers), sp)
                .parse(rest)
                .map_or(rest, |(r, _)| r);
            rest.starts_with(|c: char| is_digit(c)) && rest.chars().count() <= 24
        })
}

/// An element at the start of `s`, with its byte length. The recognisers
/// are tried in order: markers and names first, numbers with their words
/// next, places and years last.
pub(crate) fn elem_at(s: &str, ctx: &Ctx) -> Option<(Elem, usize)> {
    series_number(s, ctx)
        .map(|len| (Elem::Other(s[..len].to_string()), len))
        .or_else(|| container_marker(s, ctx))
        .or_else(|| people_after_marker(s, ctx))
        .or_else(|| descriptor(s, ctx))
        .or_else(|| numbered(s, ctx))
        .or_else(|| counted(s, ctx))
        .or_else(|| mistyped_label(s, ctx))
        .or_else(|| labelled_elem(s, ctx))
        .or_else(|| edition_place_year(s, ctx))
}

/// The length of a word that introduces a container after the title
/// without a colon ("In Book, edited by"), followed by a space and a
/// capital.
fn title_container_marker(s: &str, ctx: &Ctx) -> Option<usize> {
    ctx.vocab
        .imprint
        .title_container_markers
        .iter()
        .find(|m| {
            s.strip_prefix(m.as_str())
                .and_then(|after| after.strip_prefix(' '))
                .is_some_and(|after| after.starts_with(char::is_uppercase))
        })
        .map(String::len)
}

/// Container markers: "In:", "В кн.:", "İçinde:", "در:".
fn container_marker(s: &str, ctx: &Ctx) -> Option<(Elem, usize)> {
    let (rest, (w, _)) = word(&ctx.vocab.index.container_markers).parse(s).ok()?;
    let wf = fold(w);
    let colon = rest.trim_start().starts_with(':') || w.ends_with(':');
    let colonless = || {
        ctx.vocab
            .imprint
            .colonless_container_markers
            .iter()
            .any(|m| wf.starts_with(&fold(m)))
    };
    (colon || colonless()).then(|| {
        let rest = rest.trim_start().strip_prefix(':').unwrap_or(rest);
        (Elem::ContainerMarker, s.len() - rest.len())
    })
}

/// Editors, translators and authors named after the title: "под ред.
/// В.В. Сидорова", "red. X", "ترجمه X", "نوشته X".
fn people_after_marker(s: &str, ctx: &Ctx) -> Option<(Elem, usize)> {
    let index = &ctx.vocab.index;
    [
        (&index.editor_markers, Role::Editor),
        (&index.translator_markers, Role::Translator),
        (&index.author_markers, Role::Author),
    ]
    .into_iter()
    .find_map(|(lex, role)| {
        let (rest, _) = word(lex).parse(s).ok()?;
        let r = rest.trim_start();
        let r = r.strip_prefix(':').map_or(r, str::trim_start);
        let r = skip_role_words(r, ctx);
        let (people, used) = names_until_separator(r, ctx);
        (!people.is_empty()).then(|| {
            let elem = match role {
                Role::Editor => Elem::Editors(people),
                Role::Translator => Elem::Translators(people),
                Role::Author => Elem::Authors(people),
            };
            (elem, s.len() - r.len() + used)
        })
    })
}

/// Whether `s` opens with an editor's or translator's marker ("edited by",
/// "под ред.", "ترجمه"), whether or not names follow.
fn starts_people_statement(s: &str, ctx: &Ctx) -> bool {
    let index = &ctx.vocab.index;
    [&index.editor_markers, &index.translator_markers]
        .into_iter()
        .any(|lex| word(lex).parse(s).is_ok())
}

/// The length of a thesis word typed with letters of two scripts, read
/// through their look-alikes (`crate::script::unmixed`): "AKД" with Latin
/// `A` and `K` is АКД (автореферат кандидатской диссертации).
fn mixed_thesis_word(s: &str, ctx: &Ctx) -> Option<usize> {
    let end = s.find(|c: char| !c.is_letter()).unwrap_or(s.len());
    let read = crate::script::unmixed(&s[..end])?;
    let whole = format!("{read}{}", &s[end..]);
    let (rest, _) = word(&ctx.vocab.index.thesis_words).parse(&whole).ok()?;
    let consumed = whole.len() - rest.len();
    (consumed >= read.len()).then(|| end + consumed - read.len())
}

/// Words that describe the work or its date: a thesis ("дис. … канд. ист.
/// наук", "doktora tezi"), no date ("n.d."), no place or publisher ("n.p."), a date ("12 may 1920", "14
/// окт.", "۱۵ مهر ۱۳۵۷"; before years).
fn descriptor(s: &str, ctx: &Ctx) -> Option<(Elem, usize)> {
    let vocab = ctx.vocab;
    let len = |rest: &str| s.len() - rest.len();
    let thesis_word = word(&vocab.index.thesis_words)
        .parse(s)
        .ok()
        .map(|(rest, _)| len(rest))
        .or_else(|| mixed_thesis_word(s, ctx));
    if let Some(at) = thesis_word {
        let end = thesis_end(s, at, ctx);
        return Some((Elem::Thesis(s[..end].trim().to_string()), end));
    }
    if let Ok((rest, _)) = word(&vocab.index.no_date).parse(s)
        && ends_element(&s[..len(rest)], rest)
    {
        return Some((Elem::NoDate, len(rest)));
    }
    if let Ok((rest, _)) = word(&vocab.index.no_imprint).parse(s)
        && ends_element(&s[..len(rest)], rest)
    {
        return Some((Elem::NoImprint, len(rest)));
    }
    let (rest, (printed, y, day)) = date(vocab, ctx.lang).parse(s).ok()?;
    ends_element(printed, rest).then(|| {
        (
            Elem::Date(printed.trim_end().to_string(), y, day),
            len(rest),
        )
    })
}

/// Numbers whose shape tells what they are: ISNAD volume/pages
/// "39/210-213", Persian "سال ۲۴" (a journal's volume; "سال ۱۳۹۳" is a
/// year), APA volume(issue) "12(3)".
fn numbered(s: &str, ctx: &Ctx) -> Option<(Elem, usize)> {
    let len = |rest: &str| s.len() - rest.len();
    let ascii = crate::script::ascii_digits;
    if let Ok((rest, (v, _, p))) = (digits, ch('/'), super::lex::range).parse(s)
        && p.chars().any(crate::script::is_dash)
        && at_boundary(rest)
    {
        let elem = Elem::VolumePages(ascii(v), crate::script::normalize_range(p));
        return Some((elem, len(rest)));
    }
    if let Ok((after, _)) = word(&ctx.vocab.index.volume_years).parse(s)
        && let Ok((after, _)) = (sp, nom::combinator::opt((ch(':'), sp))).parse(after)
    {
        // "Yıl:4 Sayı:4": the issue may follow after a space alone.
        let issue_next = |rest: &str| {
            rest.starts_with(' ')
                && labelled(ctx.vocab)
                    .parse(rest.trim_start())
                    .is_ok_and(|(_, l)| l.meaning == Meaning::Issue)
        };
        if let Ok((rest, d)) = digits(after)
            && d.chars().count() <= 3
            && (at_boundary(rest) || issue_next(rest))
        {
            return Some((Elem::Volume(ascii(d)), len(rest)));
        }
        // "سال پنجم": the fifth year.
        if let Ok((rest, (_, n))) = word(&ctx.vocab.index.ordinal_numbers).parse(after)
            && at_boundary(rest)
        {
            return Some((Elem::Volume(n.to_string()), len(rest)));
        }
    }
    if let Some(volume) = roman_before_issue(s, ctx) {
        return Some(volume);
    }
    let (rest, (v, _, i, _)) = (digits, ch('('), digits, ch(')')).parse(s).ok()?;
    at_boundary(rest).then(|| (Elem::VolumeIssue(ascii(v), ascii(i)), len(rest)))
}

/// A bare Roman numeral before a labelled issue is the journal's volume:
/// "Majalla-yi Tarikh, III, No. 11".
fn roman_before_issue(s: &str, ctx: &Ctx) -> Option<(Elem, usize)> {
    let (rest, n) = super::lex::roman(s).ok()?;
    let after = rest.trim_start().strip_prefix([',', '،'])?.trim_start();
    let (_, label) = labelled(ctx.vocab).parse(after).ok()?;
    (label.meaning == Meaning::Issue).then(|| (Elem::Volume(n.to_string()), s.len() - rest.len()))
}

/// Numbers before their word: extents ("464 с.", before labels, so that
/// it does not read as one), volumes printed number-first ("II cild",
/// "2-ci cild"), the number of volumes ("в 3 т.").
fn counted(s: &str, ctx: &Ctx) -> Option<(Elem, usize)> {
    let len = |rest: &str| s.len() - rest.len();
    if let Ok((rest, e)) = extent(ctx.vocab).parse(s) {
        return Some((Elem::Extent(e), len(rest)));
    }
    // "2 vols.", "1 Volume", "3 cilt": a count, before "II cild" (the second).
    if let Some((v, l)) = volume_count(s, ctx.vocab) {
        return Some((Elem::Volumes(v), l));
    }
    if let Some(found) = mistyped_extent(s, ctx) {
        return Some(found);
    }
    if let Ok((rest, (v, _))) = volume_after(ctx.vocab).parse(s) {
        return Some((Elem::Volume(v), len(rest)));
    }
    // "Qarabağnamələr. I kitab. Bakı", "Azərbaycanın toponimik lüğəti, I
    // hissə. Bakı": a part or book numbered first.
    if let Ok((rest, (v, _))) = part_after(ctx.vocab).parse(s) {
        return Some((Elem::Part(v), len(rest)));
    }
    let (rest, (v, _)) = issue_after(ctx.vocab).parse(s).ok()?;
    Some((Elem::Issue(v), len(rest)))
}

/// A page count whose Cyrillic `с.` was typed with the Latin look-alike in
/// a Russian entry ("Титова, Н.М. Социальная психология. - М.: МПСИ, 2017. -
/// 248 c."), read as `mistyped_label` reads a label: not as the Azerbaijani
/// volume label `c.` (cild).
fn mistyped_extent(s: &str, ctx: &Ctx) -> Option<(Elem, usize)> {
    if ctx.lang != Some(Language::Ru) {
        return None;
    }
    let (after, _) = (digits, sp).parse(s).ok()?;
    let at = s.len() - after.len();
    let dot = after.find('.').filter(|&d| (1..=3).contains(&d))?;
    if !after[..dot].chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let cyrillic: String = after[..dot]
        .chars()
        .map(|c| crate::script::lookalike(c, crate::script::Script::Cyrillic))
        .collect::<Option<_>>()?;
    let read = format!("{}{cyrillic}{}", &s[..at], &after[dot..]);
    let (rest, e) = extent(ctx.vocab).parse(&read).ok()?;
    let len = read.len() - rest.len() - (cyrillic.len() - dot);
    Some((Elem::Extent(e), len))
}

/// Labels typed in another script or case: a Latin "C." for the Cyrillic
/// page label "С." in a Russian entry (reported as mixed-script), read as
/// the label its letters look like; Turkish "C. 30, S. 88", where capital
/// S. is sayı (issue) and s. is sayfa (page) (`bib/imprint.toml`
/// `cased_labels`).
fn mistyped_label(s: &str, ctx: &Ctx) -> Option<(Elem, usize)> {
    let cased = ctx.vocab.imprint.cased_labels.iter().find_map(|l| {
        let after = s.strip_prefix(l.form.as_str())?;
        (ctx.lang == Language::from_code(&l.language)).then_some((l.meaning, after))
    });
    if let Some((meaning, after)) = cased {
        // "S. 12", "S:9", "S. VI", "S:IX": Arabic or Roman numerals.
        let (rest, v) = match (sp, super::lex::range).parse(after) {
            Ok((rest, (_, v))) => (rest, crate::script::normalize_range(v)),
            Err(_) => {
                let (rest, (_, n)) = (sp, super::lex::roman).parse(after).ok()?;
                (rest, n.to_string())
            }
        };
        return at_boundary(rest).then(|| (label_elem(meaning, v, ""), s.len() - rest.len()));
    }
    if ctx.lang != Some(Language::Ru) {
        return None;
    }
    // The letters before the period, each a Latin look-alike of a Cyrillic
    // letter, then the label they spell.
    let dot = s.find('.').filter(|&d| (1..=4).contains(&d))?;
    let cyrillic: String = s[..dot]
        .chars()
        .map(|c| crate::script::lookalike(c, crate::script::Script::Cyrillic))
        .collect::<Option<_>>()?;
    let read = format!("{cyrillic}{}", &s[dot..]);
    let (elem, len) = labelled_elem(&read, ctx)?;
    let len = len - (cyrillic.len() - dot);
    let after = &s[len..];
    (crate::script::dominant_script(&after.chars().take(30).collect::<String>())
        != Some(crate::script::Script::Latin))
    .then_some((elem, len))
}

/// Labelled: "Том II", "№ 3", "С. 33–34", "vol. 3"; a label of another
/// kind (chapter, column…) is kept as a note.
fn labelled_elem(s: &str, ctx: &Ctx) -> Option<(Elem, usize)> {
    let (rest, l) = labelled(ctx.vocab).parse(s).ok()?;
    if !at_boundary(rest) {
        return None;
    }
    let len = s.len() - rest.len();
    Some((label_elem(l.meaning, l.normalized, &s[..len]), len))
}

/// The element a label of `meaning` with its `value` gives; a label of
/// another kind (chapter, column…) is kept as a note of its `printed` text.
fn label_elem(meaning: Meaning, value: String, printed: &str) -> Elem {
    match meaning {
        Meaning::Volume => Elem::Volume(value),
        Meaning::Issue => Elem::Issue(value),
        Meaning::Page => Elem::Pages(value),
        Meaning::Part | Meaning::Book => Elem::Part(value),
        _ => Elem::Other(printed.to_string()),
    }
}

/// Editions ("2-е изд.", "3-cü nəşr", "2nd ed.", "3. baskı", "چاپ دوم"),
/// places ("М.", "Bakı", "تهران", "М.; Л."), years, and bare page ranges
/// ("45–67", not a span of years).
fn edition_place_year(s: &str, ctx: &Ctx) -> Option<(Elem, usize)> {
    let len = |rest: &str| s.len() - rest.len();
    if let Some(l) = edition(s, ctx) {
        return Some((Elem::Edition(s[..l].trim().to_string()), l));
    }
    // The vocabulary's place, unless an unlisted one reads further
    // ("Washington D.C. 1985").
    let found = match (place(s, ctx), unlisted_place(s, ctx)) {
        (Some(known), Some(unlisted)) if unlisted.1 > known.1 => Some(unlisted),
        (known, unlisted) => known.or(unlisted),
    };
    if let Some((printed, l)) = found {
        return Some((Elem::Place(printed), l));
    }
    if let Ok((rest, y)) = year(ctx.vocab, ctx.lang).parse(s)
        && at_boundary(rest)
        && !starts_with_range_tail(rest, ctx)
    {
        return Some((Elem::Year(y), len(rest)));
    }
    let (rest, p) = bare_pages(s).ok()?;
    (!is_year_range(&p)).then(|| (Elem::Pages(p), len(rest)))
}

/// Whether a dash and a number follow a year, making it the start of a
/// range; not when the number is the page count after the GOST area dash
/// whose period was dropped (`Bakı: Maarif, 1987 – 132 s.`).
fn starts_with_range_tail(rest: &str, ctx: &Ctx) -> bool {
    let t = rest.trim_start();
    let mut chars = t.chars();
    let dash = matches!(chars.next(), Some('-' | '–' | '—'));
    let after = chars.as_str().trim_start();
    dash && after.starts_with(|c: char| is_digit(c)) && extent(ctx.vocab).parse(after).is_err()
}

fn is_year_range(p: &str) -> bool {
    let parts: Vec<&str> = p.split('-').collect();
    parts.len() == 2
        && parts
            .iter()
            .all(|x| x.len() == 4 && parse_number(x).is_some_and(|n| (1000..=2100).contains(&n)))
}

/// A place from the vocabulary, possibly several joined by `;` (`М.; Л.`),
/// followed by a boundary.
fn place(s: &str, ctx: &Ctx) -> Option<(String, usize)> {
    let (len, _) = ctx
        .vocab
        .index
        .places
        .match_start(s)
        .or_else(|| place_glued_to_year(s, ctx))?;
    let mut end = len;
    loop {
        let rest = &s[end..];
        let t = rest.trim_start();
        // "Seattle and London", "Москва и Ленинград": places joined by a
        // conjunction (`bib/names.toml`) are one place as printed.
        let conjoined = || {
            ctx.vocab
                .index
                .conjunctions
                .match_start(t)
                .filter(|&(l, _)| rest.starts_with(char::is_whitespace) && t[l..].starts_with(' '))
                .map(|(l, _)| &t[l..])
        };
        // "Oxford, UK: Oneworld", "Abingdon, UK and New York": the state's
        // or country's code after the city is part of the place as printed.
        if let Some(code) = region_code(rest, ctx) {
            end += code;
            continue;
        }
        let Some(after) = t
            .strip_prefix(';')
            .or_else(|| t.strip_prefix('–'))
            .or_else(|| t.strip_prefix('-'))
            .or_else(conjoined)
        else {
            break;
        };
        let after_t = after.trim_start();
        // "بيروت- لبنان", "قم- إيران": a country joined by a dash is part
        // of the place as printed.
        let country = || {
            (!t.starts_with(';'))
                .then(|| ctx.vocab.index.countries.match_start(after_t))
                .flatten()
        };
        match ctx.vocab.index.places.match_start(after_t).or_else(country) {
            Some((l2, _)) => end = s.len() - after_t.len() + l2,
            None => break,
        }
    }
    let rest = &s[end..];
    // A place word starting a longer name ("Bakı Dövlət Universiteti") is
    // not a place; one glued to the year is ("قم۱۳۷۱ ش").
    let glued = s[..end]
        .chars()
        .next_back()
        .is_some_and(|c| glued_year(c, rest, ctx));
    if !(at_boundary(rest) || glued) {
        return None;
    }
    // A one-letter abbreviation in Latin letters (`M.`, `L.`, `B.`) is a
    // place only before the imprint's comma, colon or semicolon (`M., 1983`,
    // `B.: Elm`): before a bracket or a word it is an initial (`Bayani, M.
    // (2015)`).
    let letter = s[..end]
        .strip_suffix('.')
        .filter(|l| l.len() == 1 && l.is_ascii());
    if letter.is_some() && !rest.trim_start().starts_with([',', ':', ';']) {
        return None;
    }
    Some((s[..end].to_string(), end))
}

/// The length of `, XX` after a place, `XX` a state's or country's
/// postal code (two capital letters: `NJ`, `NY`, `UK`) or a country of the
/// vocabulary, when the imprint's colon, a semicolon or another place
/// joined by a conjunction follows it (US and UK publishers' imprints,
/// Chicago 14.135: "Princeton, NJ: Princeton University Press").
fn region_code(rest: &str, ctx: &Ctx) -> Option<usize> {
    let after = rest.strip_prefix(',')?;
    let t = after.trim_start();
    let letters = t.chars().take_while(char::is_ascii_alphabetic).count();
    let len = if letters == 2 && t[..2].chars().all(|c| c.is_ascii_uppercase()) {
        2
    } else {
        ctx.vocab.index.countries.match_start(t)?.0
    };
    let next = t[len..].trim_start();
    let conjoined = next.len() < t[len..].len()
        && ctx
            .vocab
            .index
            .conjunctions
            .match_start(next)
            .is_some_and(|(l, _)| next[l..].starts_with(' '));
    (next.starts_with([':', ';']) || conjoined).then(|| rest.len() - t[len..].len())
}

/// A place the vocabulary does not know, read by where it stands: a city
/// with its state's code before the imprint's colon (`Albany, NY: State
/// University of New York Press`), or one to three capitalised words right
/// before the year that closes the entry or its imprint (the continental
/// "Ort Jahr" with no comma: `Londres 1865`, `Grenoble/Paris 1902`,
/// `Washington D.C. 1985, Dumbarton Oaks Studies 20`). Latin and Cyrillic
/// script only, where capitals tell a name.
fn unlisted_place(s: &str, ctx: &Ctx) -> Option<(String, usize)> {
    // `AH 1416`, `Ah 1412`: an era before its year.
    if year(ctx.vocab, ctx.lang).parse(s).is_ok() {
        return None;
    }
    let mut end = 0;
    let mut words = 0;
    loop {
        let w = &s[end..];
        let len = w
            .find(|c: char| !(c.is_letter() || matches!(c, '.' | '’' | '\'')))
            .unwrap_or(w.len());
        let word = &w[..len];
        let mut chars = word.chars();
        let capital = chars.next().is_some_and(|c| {
            c.is_uppercase()
                && matches!(
                    crate::script::script_of(c),
                    Some(crate::script::Script::Latin | crate::script::Script::Cyrillic)
                )
        });
        if !capital || word.chars().filter(|c| c.is_letter()).count() < 2 {
            return None;
        }
        end += len;
        words += 1;
        let rest = &s[end..];
        if let Some(code) = region_code(rest, ctx) {
            let next = rest[code..].trim_start();
            return (words <= 2 && next.starts_with(':'))
                .then(|| (s[..end + code].to_string(), end + code));
        }
        // "Grenoble/Paris", "London – New York": places joined.
        let joined = rest
            .strip_prefix('/')
            .or_else(|| rest.strip_prefix(" – "))
            .or_else(|| {
                rest.strip_prefix(' ')
                    .filter(|r| r.starts_with(char::is_uppercase))
            });
        // A period after a word longer than an abbreviation ends a sentence.
        let sentence = word.ends_with('.') && word.chars().filter(|c| c.is_letter()).count() > 3;
        if let Some(next) = joined.filter(|_| words < 3 && !sentence) {
            end = s.len() - next.len();
            continue;
        }
        let after = rest.strip_prefix(' ')?;
        let (tail, _) = year(ctx.vocab, ctx.lang).parse(after).ok()?;
        let closes = tail.trim_start().is_empty()
            || tail.starts_with(',')
            || tail.strip_prefix('.').is_some_and(|t| t.trim().is_empty());
        return (closes && at_boundary(tail) && date(ctx.vocab, ctx.lang).parse(s).is_err())
            .then(|| (s[..end].to_string(), end));
    }
}

/// An edition statement: number with an ordinal ending and an edition word,
/// or an edition word and a number.
fn edition(s: &str, ctx: &Ctx) -> Option<usize> {
    let words = &ctx.vocab.index.edition_words;
    // "2-е изд.", "3-cü nəşr", "2nd ed.", "3. baskı", "2. Aufl."
    if let Ok((rest, _)) = (
        digits,
        nom::combinator::opt(nom::branch::alt((
            nom::combinator::recognize((
                ch('-'),
                nom::bytes::complete::take_while1(crate::script::is_letter),
            )),
            nom::bytes::complete::take_while1(|c: char| c.is_ascii_lowercase()),
            nom::combinator::recognize(ch('.')),
        ))),
        sp,
        edition_word(words),
    )
        .parse(s)
        && ends_element(&s[..s.len() - rest.len()], rest)
    {
        return Some(with_qualifiers(s, s.len() - rest.len(), ctx));
    }
    // "first edition", "third edition"
    if let Ok((rest, _)) = (word(&ctx.vocab.index.ordinals), sp, word(words)).parse(s)
        && ends_element(&s[..s.len() - rest.len()], rest)
    {
        return Some(with_qualifiers(s, s.len() - rest.len(), ctx));
    }
    // "Изд. 2-е", "چاپ دوم", "چاپ ۳"
    if let Ok((rest, _)) = (word(words), sp).parse(s) {
        let r = rest;
        // "طبعة ١٣٥٥ هـ ، هلند": the printing of a year, not its number;
        // the word alone is the edition and the year is read after it.
        if digits(r).is_ok_and(|(_, d)| d.chars().count() >= 3) {
            return Some(s[..s.len() - r.len()].trim_end().len());
        }
        let n = digits(r)
            .map(|(x, _)| x)
            .ok()
            .map(|x| x.trim_start_matches(|c: char| c == '-' || c.is_letter()))
            .or_else(|| ordinal_word(r, ctx));
        // "الطبعة الأولى 1408هـ": the year may follow the ordinal unpunctuated.
        if let Some(after) = n
            && (at_boundary(after) || after.starts_with(char::is_whitespace))
        {
            return Some(with_qualifiers(s, s.len() - after.len(), ctx));
        }
    }
    None
}

/// Extends an edition statement over its qualifiers: ", испр. и доп.".
fn with_qualifiers(s: &str, end: usize, ctx: &Ctx) -> usize {
    let rest = &s[end..];
    let t = rest.trim_start_matches([',', ' ']);
    match ctx.vocab.index.edition_qualifiers.match_start(t) {
        Some((len, _)) if t.len() < rest.len() => s.len() - t.len() + len,
        _ => end,
    }
}

/// An ordinal word after `چاپ` or `الطبعة` (`bib/imprint.toml` `ordinals`):
/// the text after it.
fn ordinal_word<'a>(s: &'a str, ctx: &Ctx) -> Option<&'a str> {
    let (len, _) = ctx.vocab.index.ordinals.match_start(s)?;
    Some(&s[len..])
}

/// An edition word, bare or bracketed: "ed.", "(Ed)" ("5th (Ed)").
fn edition_word<'a>(
    words: &'a crate::vocab::Lexicon<()>,
) -> impl Parser<&'a str, Output = (), Error = nom::error::Error<&'a str>> + 'a {
    move |i: &'a str| {
        if let Ok((rest, _)) = (ch('('), word(words), ch(')')).parse(i) {
            return Ok((rest, ()));
        }
        word(words).parse(i).map(|(rest, _)| (rest, ()))
    }
}

/// The number of volumes: "iki cilddə", "3 cilddə", "в 3 т.", "в 2-х томах",
/// "in 3 vols." (words from `bib/imprint.toml`).
pub(crate) fn volume_count(s: &str, vocab: &Vocabulary) -> Option<(String, usize)> {
    let index = &vocab.index;
    // Prefixes match in their printed case: "Собр. соч.: В 6 т." keeps
    // the count in the collection's name.
    let prefixed = vocab.imprint.volume_count_prefixes.iter().find_map(|p| {
        s.strip_prefix(p.as_str())
            .filter(|r| r.starts_with(char::is_whitespace))
    });
    let (after_prefix, prefixed) = match prefixed {
        Some(rest) => (rest.trim_start(), true),
        None => (s, false),
    };
    let (rest, n) = if let Ok((r, d)) = digits(after_prefix) {
        (case_ending(r), u32::try_from(parse_number(d)?).ok()?)
    } else {
        let (r, (_, n)) = word(&index.cardinals).parse(after_prefix).ok()?;
        if !r.starts_with(char::is_whitespace) {
            return None;
        }
        (r, n)
    };
    let rest = rest.trim_start();
    let counted = word(&index.volume_count_words)
        .parse(rest)
        .or_else(|e| match prefixed {
            true => word(&index.volume_count_abbreviations).parse(rest),
            false => Err(e),
        });
    let (after, _) = counted.ok()?;
    let end = s.len() - after.len();
    ends_element(&s[..end], after).then(|| (n.to_string(), end))
}

/// `r` after the case ending of a number before it: "2-х томах", "2-x",
/// "3-cü": a hyphen and up to three letters.
fn case_ending(r: &str) -> &str {
    let Some(after) = r.strip_prefix('-') else {
        return r;
    };
    let end = after.find(|c: char| !c.is_letter()).unwrap_or(after.len());
    match after[..end].chars().count() {
        0..=3 => &after[end..],
        _ => r,
    }
}

/// The words between a role marker and the names: "by", the source
/// language and further roles ("пер. с перс., введ. и коммент. С. А.
/// Велиевой", "tərc. ed. R.Əliyev", "translated by Laura Finch"). Lowercase
/// words and commas are skipped when a capitalized name follows them, not a
/// place ("пер. с перс. Баку: Элм").
fn skip_role_words<'a>(s: &'a str, ctx: &Ctx) -> &'a str {
    let mut t = s;
    loop {
        let u = t.trim_start().trim_start_matches([',', ':']).trim_start();
        if !u.starts_with(char::is_lowercase) {
            let name = u.starts_with(char::is_uppercase) && elem_at(u, ctx).is_none();
            return if name || t == s { u } else { s };
        }
        t = u.find(char::is_whitespace).map_or("", |i| &u[i..]);
    }
}

/// Names after an editor or translator marker, up to the next separator
/// that ends the statement (`.` not after an initial, `;`, `//`, end).
fn names_until_separator(s: &str, ctx: &Ctx) -> (Vec<Person>, usize) {
    #[cfg(test)]
    tests::NAME_STATEMENTS.with(|n| n.set(n.get() + 1));
    // Take text up to the end of the statement.
    let mut end = s.len();
    let bytes: Vec<(usize, char)> = s.char_indices().collect();
    for (k, &(i, c)) in bytes.iter().enumerate() {
        // "[и др.]", "et al." close the names.
        if i > 0
            && s[..i].ends_with(char::is_whitespace)
            && let Some((len, _)) = ctx.vocab.index.et_al.match_start(&s[i..])
        {
            end = i + len;
            break;
        }
        if c == ';'
            || s[i..].starts_with("//")
            || s[i..].starts_with(" / ")
            || [" - ", " – ", " — "].iter().any(|d| s[i..].starts_with(d))
        {
            end = i;
            break;
        }
        if c == '.' || c == ',' || c == '،' {
            // A period after a word of two or more letters ends it; after an
            // initial it does not.
            let word_len = bytes[..k]
                .iter()
                .rev()
                .take_while(|(_, ch)| ch.is_letter())
                .count();
            let next = s[i + c.len_utf8()..].trim_start();
            // Another statement of editors or translators goes on with the
            // names; it is told by its marker alone, never read here (read
            // whole at every comma, "edited by X, …, edited by Y, …" took
            // time exponential in the statements).
            let next_is_elem = if starts_people_statement(next, ctx) {
                false
            } else {
                elem_at(next, ctx)
                    .is_some_and(|(e, _)| !matches!(e, Elem::Editors(_) | Elem::Translators(_)))
                    || c != '.' && publisher_then_imprint(next, ctx)
                    // "تحقیق: سید عبدالعزيز طباطبايى يزدى، ناشر: مؤسسه …": a
                    // label of the imprint closes the names.
                    || c != '.' && ctx.vocab.index.imprint_labels.match_start(next).is_some()
            };
            if (c == '.'
                && word_len >= 2
                && !next.starts_with(|ch: char| {
                    ch.is_uppercase() && next[ch.len_utf8()..].starts_with('.')
                }))
                || next_is_elem
            {
                end = i;
                break;
            }
        }
    }
    let stmt = &s[..end];
    let people = split_names(stmt, ctx);
    (people, end)
}

/// Names in a responsibility statement: "В.В. Сидорова", "Məmmədov Ə.",
/// "И.И. Иванов, П.П. Петров", "کاوه بیات".
pub(crate) fn split_names(stmt: &str, ctx: &Ctx) -> Vec<Person> {
    let mut people = Vec::new();
    for part in without_et_al(stmt, ctx)
        .split([',', '،', ';'])
        .flat_map(|p| split_at_conjunctions(p, ctx))
    {
        let p = part.trim().trim_end_matches(['.', ':']).trim();
        // Not a name: digits, or words all in lowercase ("с перс.").
        if p.is_empty()
            || p.chars().any(is_digit)
            || p.starts_with(char::is_lowercase) && !p.chars().any(char::is_uppercase)
        {
            continue;
        }
        let with_dot = part.trim();
        if let Some(b) = person::single(with_dot, ctx.vocab) {
            people.push(b);
        } else if p.chars().count() <= 60 {
            people.push(Person {
                family: p.to_string(),
                given: None,
                alias: None,
            });
        }
    }
    people
}

/// `part` cut at the conjunctions between names (`bib/names.toml`): "X и
/// Y", "X and Y", "X و Y" — a conjunction with spaces on both sides.
fn split_at_conjunctions<'a>(part: &'a str, ctx: &Ctx) -> Vec<&'a str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    for (i, c) in part.char_indices() {
        if i < start || !c.is_whitespace() {
            continue;
        }
        let after = &part[i + c.len_utf8()..];
        if let Some((len, _)) = ctx.vocab.index.conjunctions.match_start(after)
            && after[len..].starts_with(char::is_whitespace)
        {
            pieces.push(part[start..i].trim());
            start = i + c.len_utf8() + len;
        }
    }
    pieces.push(part[start..].trim());
    pieces
}

/// `stmt` without a closing "and others": "С. Т. Мурадов [и др.]",
/// "И.И. Иванов и др.", "A. Smith et al.".
fn without_et_al<'a>(stmt: &'a str, ctx: &Ctx) -> &'a str {
    let trimmed = stmt.trim_end();
    trimmed
        .char_indices()
        .filter(|&(i, _)| i > 0 && trimmed[..i].ends_with(char::is_whitespace))
        .find(|&(i, _)| {
            ctx.vocab
                .index
                .et_al
                .match_start(&trimmed[i..])
                .is_some_and(|(len, _)| trimmed[i + len..].trim().is_empty())
        })
        .map_or(stmt, |(i, _)| trimmed[..i].trim_end_matches([' ', ',']))
}

/// Where a thesis descriptor ends: before the place or year that follows it.
fn thesis_end(s: &str, from: usize, ctx: &Ctx) -> usize {
    let mut pos = from;
    while pos < s.len() {
        let (p, sep) = read_sep(s, pos);
        if p >= s.len() {
            return pos;
        }
        if matches!(
            sep,
            Sep::Period | Sep::Comma | Sep::Dash | Sep::Colon | Sep::Slash | Sep::DoubleSlash
        ) && let Some((e, _)) = elem_at_simple(&s[p..], ctx)
            && matches!(e, Elem::Place(_) | Elem::Year(_) | Elem::Extent(_))
        {
            return pos;
        }
        if sep == Sep::DoubleSlash || sep == Sep::Slash {
            return pos;
        }
        // "…, Basılmamış Yüksek Lisans Tezi, Çorum.": a place the
        // vocabulary does not know, closing the entry after a comma.
        if sep == Sep::Comma
            && super::assign::looks_like_place(s[p..].trim_end().trim_end_matches('.'))
        {
            return pos;
        }
        // advance over one word
        let w = s[p..]
            .find(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '/' | '،' | '.'))
            .map_or(s.len(), |i| {
                p + i.max(s[p..].chars().next().map_or(1, char::len_utf8))
            });
        let w = if w <= p { next_char(s, p) } else { w };
        // Keep a trailing period with its word ("наук.").
        pos = w;
        if s[pos..].starts_with('.')
            && !s[pos + 1..].starts_with(char::is_whitespace)
            && pos + 1 < s.len()
            && !glued_place(&s[pos + 1..], ctx)
        {
            pos += 1;
        }
    }
    s.len()
}

/// Year, place and extent only (no recursion into thesis scanning).
fn elem_at_simple(s: &str, ctx: &Ctx) -> Option<(Elem, usize)> {
    if let Some((p, l)) = place(s, ctx) {
        return Some((Elem::Place(p), l));
    }
    if let Ok((rest, e)) = extent(ctx.vocab).parse(s) {
        return Some((Elem::Extent(e), s.len() - rest.len()));
    }
    if let Ok((rest, y)) = year(ctx.vocab, ctx.lang).parse(s)
        && at_boundary(rest)
    {
        return Some((Elem::Year(y), s.len() - rest.len()));
    }
    None
}

/// The end of a free segment starting at `pos`.
fn scan_free(text: &str, pos: usize, ctx: &Ctx) -> usize {
    let s = &text[pos..];
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut k = 0;
    // A quoted segment runs to its closing quote; a lower-case word after
    // it continues the name ("«Türkologiya» jurnalı"), anything else ends it.
    if let Some(&(_, q)) = chars.first()
        && let Some(close) = closing_quote(q)
        && let Some(end) = find_close(&s[q.len_utf8()..], close)
    {
        let after = q.len_utf8() + end + close.len_utf8();
        let rest = &s[after..];
        let t = rest.trim_start();
        // "“Tac ü’t-tevarih” c.I, sad. …": a volume's label is no word
        // of the name.
        if !t.starts_with(|c: char| c.is_lowercase()) || volume_follows(t, ctx) {
            return pos + after;
        }
        k = chars
            .iter()
            .position(|&(i, _)| i >= after)
            .unwrap_or(chars.len());
    }
    while k < chars.len() {
        let (i, c) = chars[k];
        let rest = &s[i..];
        if rest.starts_with("//") {
            return pos + i;
        }
        let next = chars.get(k + 1).map(|&(_, c)| c);
        let after = &s[i + c.len_utf8()..];
        if glued_year(c, after, ctx) {
            return pos + i + c.len_utf8();
        }
        if publisher_year_follows(s, i, ctx) {
            return pos + i;
        }
        if (c.is_whitespace() || c == ',') && dash_place_follows(after, ctx).is_some() {
            return pos + i;
        }
        // "Azərbaycan tarixi I cild. Bakı": a volume printed number
        // first ends the title it follows.
        if c.is_whitespace()
            && volume_after(ctx.vocab)
                .parse(after)
                .is_ok_and(|(rest, _)| rest.is_empty() || rest.starts_with(['.', ',', ';']))
        {
            return pos + i;
        }
        // "… incelemesi. Birey ve Toplum 2(4).": APA's volume(issue) closing
        // the entry after the journal's name, its comma left out.
        if c.is_whitespace()
            && (digits, ch('('), digits, ch(')'))
                .parse(after)
                .is_ok_and(|(rest, _)| rest.trim_end_matches('.').trim().is_empty())
        {
            return pos + i;
        }
        // "ط مؤسسة الأعلمي سنة ١٣٩١ هـ": a year's word ends the name.
        if c.is_whitespace()
            && word(&ctx.vocab.index.year_prefixes).parse(after).is_ok()
            && imprint_label(after, ctx).is_some()
        {
            return pos + i;
        }
        match c {
            '.' | ',' if label_after_dash(after, ctx) => {
                return pos + i;
            }
            // "İstoriə drevneqo vostoka.t.1, M.,1983": a volume's label
            // glued to the period that closes the title.
            '.' if next.is_some_and(crate::script::is_letter) && volume_follows(after, ctx) => {
                return pos + i + 1;
            }
            '.' if next.is_some_and(is_digit) && year_glued_to_name(&s[..i], after, ctx) => {
                return pos + i;
            }
            // ".-Bakı": a GOST area dash glued to the period ends the area.
            '.' if next.is_some_and(is_area_dash) && glued_dash(after) => {
                return pos + i;
            }
            // "… наук.Москва, 2002", "…социализации.М.: МПГУ": a period
            // glued to a known place that opens the imprint.
            '.' if next.is_some_and(char::is_uppercase) && glued_place(after, ctx) => {
                return pos + i;
            }
            '.' if (next.is_none() || next.is_some_and(char::is_whitespace)) => {
                let word: String = s[..i]
                    .chars()
                    .rev()
                    .take_while(|ch| ch.is_letter() || matches!(ch, '.' | '-'))
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                let letters = word.trim_start_matches('.');
                let abbreviated = is_abbreviation(letters, ctx) || lower_case_follows(after, ctx);
                if !abbreviated || ends_with_number_word(&s[..i]) {
                    return pos + i;
                }
                // After an abbreviation, an element still ends the
                // segment ("… 1920–1927 гг. : дис.", "гг. – М.").
                // "… 450 - 451 гг. - ВДИ, 1951": nor does the area dash
                // after it open a name.
                if !is_initials(letters) && (element_follows(after, ctx) || dashed_name(after)) {
                    return pos + i + 1;
                }
            }
            ',' | '،' | ';' | '؛' if separator_ends_free(c, after, ctx) => {
                return pos + i;
            }
            ':' if element_follows(after, ctx) => {
                return pos + i;
            }
            '/' if i > 0 && s[..i].ends_with(' ') && next.is_some_and(char::is_whitespace) => {
                return pos + i - 1;
            }
            // "… задачи новой школы /Новая школа, 1918", "… подростков
            // /авт.-сост. Л.В. Астапович": a slash spaced before and glued
            // to a word after is the area's separator as well (`read_sep`
            // reads it so).
            '/' if i > 0 && s[..i].ends_with(' ') && next.is_some_and(crate::script::is_letter) => {
                return pos + i - 1;
            }
            '/' if glued_statement(&s[..i], after) => {
                return pos + i;
            }
            c if (is_area_dash(c) || c == TATWEEL)
                && i > 0
                && s[..i].ends_with(' ')
                && next.is_some_and(char::is_whitespace)
                && (ctx.punctuation == Punctuation::Dash || element_follows(after, ctx)) =>
            {
                return pos + i - 1;
            }
            '(' | '[' => {
                if let Some(close) = bracket_end(rest) {
                    if i > 0
                        && s[..i].ends_with(char::is_whitespace)
                        && bracket_ends_free(&s[..i], &rest[..close], &rest[close..], ctx)
                    {
                        return pos + i;
                    }
                    let end = i + close;
                    k = chars
                        .iter()
                        .position(|&(j, _)| j >= end)
                        .unwrap_or(chars.len());
                    continue;
                }
            }
            _ => {}
        }
        k += 1;
    }
    pos + s.len()
}

/// Whether a comma or semicolon ends a free segment: an element, a quoted
/// name ("Title, «Türkologiya» jurnalı", "Encyclopaedia Iranica, "Gilan"")
/// or an institution follows, or the entry separates its areas so. The
/// entry's own year printed again after the publisher ("… Bakı: Elm,
/// 2012.") is the imprint's; another year there is the title's.
fn separator_ends_free(c: char, after: &str, ctx: &Ctx) -> bool {
    let year_in_title = ctx.year_seen.get().is_some_and(|seen| {
        c == ','
            && year(ctx.vocab, ctx.lang)
                .parse(after.trim_start())
                .is_ok_and(|(r, y)| r.trim_start().starts_with('.') && y.gregorian != seen)
    });
    if !year_in_title
        && (element_follows(after, ctx)
            || after.trim_start().starts_with(['«', '"', '“'])
            || c == ',' && institution_follows(after, ctx))
    {
        return true;
    }
    matches!(c, ';' | '؛') || ctx.punctuation == Punctuation::Comma
}

/// Whether a bracket (`group`, brackets included) ends the free text
/// before it (`before`): a bracketed element other than a year ("(pp.
/// 201–230)", "(London: Routledge, 1995)"); a year only after a number, or
/// as the only year of the entry closing its title ("Avestā (2008),
/// Translated by …"). A year in brackets otherwise belongs to the title
/// ("Azerbaycan (1918)").
fn bracket_ends_free(before: &str, group: &str, after: &str, ctx: &Ctx) -> bool {
    let inner = &group[1..group.len() - 1];
    let elem = paren_elem(inner, ctx);
    let after_number = before.trim_end().ends_with(|c: char| is_digit(c));
    let entry_year = matches!(elem, Some(Elem::Year(_)))
        && ctx.year_seen.get().is_none()
        && after.trim_start().starts_with([',', '.'])
        && !has_year(after, ctx);
    // "… посвящённой 190-летию … (19 декабря 2016 г.) / Под общей
    // редакцией", "Письмо … (12 марта 1920 г.)": a day's date in brackets
    // dates the conference or the document named before it.
    let named_day = matches!(elem, Some(Elem::Date(_, _, Some(_))))
        && before.trim_end().ends_with(crate::script::is_letter);
    elem.as_ref()
        .is_some_and(|e| !matches!(e, Elem::Year(_) | Elem::Date(..)) || after_number)
        || matches!(elem, Some(Elem::Date(..))) && !named_day
        || entry_year
        || starts_with_imprint(inner, ctx)
}

/// Whether a word before a period is an initial, initials (`I.B`) or an
/// abbreviation from `bib/imprint.toml`, so that the period does not end the
/// segment.
fn is_abbreviation(letters: &str, ctx: &Ctx) -> bool {
    is_initials(letters) || ctx.vocab.index.abbreviations.contains_key(&fold(letters))
}

/// "قم۱۳۷۱ ش": a place of the vocabulary typed without the space before
/// its year, with the place's length.
fn place_glued_to_year<'a>(s: &str, ctx: &'a Ctx) -> Option<(usize, &'a ())> {
    let d = s.find(|c: char| is_digit(c))?;
    let last = s[..d].chars().next_back()?;
    if !glued_year(last, &s[d..], ctx) {
        return None;
    }
    ctx.vocab
        .index
        .places
        .match_start(&s[..d])
        .filter(|&(len, _)| len == d)
}

/// "اطلاعات1364", "قم۱۳۷۱ ش": a year typed without its space after an
/// Arabic-script word, whose letters never hold digits, ends the word.
fn glued_year(c: char, after: &str, ctx: &Ctx) -> bool {
    after.starts_with(|d: char| is_digit(d))
        && c.is_letter()
        && crate::script::script_of(c) == Some(crate::script::Script::Arabic)
        && year(ctx.vocab, ctx.lang)
            .parse(after)
            .is_ok_and(|(rest, _)| at_boundary(rest))
}

/// Whether a word in lower case, not an element, follows a period: the
/// period closed an abbreviation the vocabulary does not know, not a
/// sentence ("Чуваш. кн. изд-во", "Гуманит. изд. центр ВЛАДОС").
fn lower_case_follows(after: &str, ctx: &Ctx) -> bool {
    after.trim_start().starts_with(char::is_lowercase) && !element_follows(after, ctx)
}

/// `I`, `I.B`, `А.С`: capitals separated by periods.
fn is_initials(letters: &str) -> bool {
    !letters.is_empty()
        && letters
            .split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
}

/// Whether bracketed text begins with a labelled element ("(pp. 201–230)"
/// is handled as one element; "(Баку, 12–13 мая 2010 г.)" is not).
fn starts_with_element(inner: &str, ctx: &Ctx) -> bool {
    let t = inner.trim_start();
    labelled(ctx.vocab)
        .parse(t)
        .is_ok_and(|(rest, _)| rest.trim_start().starts_with([',', ';']))
}

/// Whether bracketed text begins with a place of publication (the Chicago
/// note form "(London: Routledge, 1995)").
fn starts_with_imprint(inner: &str, ctx: &Ctx) -> bool {
    let t = inner.trim_start();
    place(t, ctx).is_some_and(|(_, len)| {
        let rest = t[len..].trim_start();
        rest.starts_with(':')
            || rest.strip_prefix(',').is_some_and(|r| {
                year(ctx.vocab, ctx.lang)
                    .parse(r.trim_start())
                    .is_ok_and(|(after, _)| after.trim().is_empty())
            })
    })
}

/// The closing quote matching at the start of `s`'s tail, skipping for
/// `'` the apostrophes that stand before a letter: inside a word
/// (`Isma'il`) or opening one, the ʿayn of romanised Arabic (`Muhammad
/// 'Izza Darwaza`, `Ibn 'Abd al-Rahman`); a closing quote follows a word.
fn find_close(s: &str, close: char) -> Option<usize> {
    for (i, c) in s.char_indices() {
        if c == close {
            let next = s[i + c.len_utf8()..].chars().next();
            let before_letter = close == '\'' && next.is_some_and(crate::script::is_letter);
            if !before_letter {
                return Some(i);
            }
        }
    }
    None
}

/// Whether the text before a period ends in a number (a period after
/// "1920-1939)" or "№ 5" ends the segment).
fn ends_with_number_word(s: &str) -> bool {
    s.trim_end().ends_with(|c: char| is_digit(c) || c == ')')
}

/// Whether an element (not merely free text) begins after separators.
fn element_follows(after: &str, ctx: &Ctx) -> bool {
    let t = after.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '–' | '—'));
    if t.is_empty() || series_number(t, ctx).is_some() {
        return true;
    }
    if let Some(close) = bracket_end(t) {
        return paren_elem(&t[1..close - 1], ctx).is_some();
    }
    elem_at(t, ctx).is_some_and(|(e, _)| !matches!(e, Elem::Other(_)))
        || bare_number_then_boundary(t)
        || imprint_year_span(t, ctx).is_some()
}

/// A publisher's series number with its label (`bib/imprint.toml`
/// `series_numbers`): "Yayın Nu: 12", "Yayın No. 47"; its length.
pub(crate) fn series_number(s: &str, ctx: &Ctx) -> Option<usize> {
    let (rest, _) = word(&ctx.vocab.index.series_numbers).parse(s).ok()?;
    let (rest, _) = (sp, nom::combinator::opt(ch(':')), sp).parse(rest).ok()?;
    let (rest, _) = digits(rest).ok()?;
    at_boundary(rest).then(|| s.len() - rest.len())
}

/// A bare number ending an element: ", 45, pp." after a journal's name.
fn bare_number_then_boundary(t: &str) -> bool {
    let n: usize = t
        .chars()
        .take_while(|c| is_digit(*c))
        .map(char::len_utf8)
        .sum();
    n > 0 && n <= 4 * 2 && {
        let rest = &t[n..];
        rest.is_empty() || rest.starts_with([',', '.', ';', ')', ':'])
    }
}

fn closing_quote(open: char) -> Option<char> {
    match open {
        '«' => Some('»'),
        '"' => Some('"'),
        '“' => Some('”'),
        '„' => Some('“'),
        '‘' => Some('’'),
        '\'' => Some('\''),
        _ => None,
    }
}

#[allow(dead_code)]
#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        /// How many times a statement of names was read on this thread.
        pub(super) static NAME_STATEMENTS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    #[test]
    fn a_dash_after_a_place_separates_only_before_a_capital_or_a_digit() {
        assert_eq!(place_dash("-2011."), Some(1));
        assert_eq!(place_dash("–Elm"), Some(3));
        assert_eq!(place_dash("-şəhər"), None);
        assert_eq!(place_dash(" - Elm"), None);
    }

    /// The elements and free texts `segments` makes of `text`.
    fn segmented(text: &str) -> Vec<(Option<Elem>, &str)> {
        let vocab = Vocabulary::builtin();
        let ctx = Ctx::new(&vocab, Some(Language::Ru));
        segments(text, 0, text.len(), &ctx)
            .into_iter()
            .map(|s| (s.elem, text[s.range].trim().trim_start_matches('–')))
            .collect()
    }

    #[test]
    fn a_year_joined_to_the_publisher_by_a_dash_or_a_space_is_the_year() {
        for text in [
            "Баку–элм-1983,138.",
            "БАКУ-ЭЛМ 1983. 160",
            "Bakı: Elm- 1983.",
            "БАКУ-ЭЛМ -1983 с. 308",
        ] {
            let segs = segmented(text);
            assert_eq!(segs[1], (None, segs[1].1), "{text}");
            assert!(
                matches!(segs[1].1, "элм" | "ЭЛМ" | "Elm"),
                "{text}: {segs:?}"
            );
            assert!(
                matches!(&segs[2].0, Some(Elem::Year(y)) if y.gregorian == 1983),
                "{text}: {segs:?}"
            );
        }
        // Before the place a year stays in the title.
        let vocab = Vocabulary::builtin();
        let ctx = Ctx::new(&vocab, Some(Language::Ru));
        assert!(!publisher_year_follows("Элм 1983", 6, &ctx));
        ctx.place_seen.set(true);
        assert!(publisher_year_follows("Элм 1983", 6, &ctx));
    }

    #[test]
    fn thesis_abbreviations_typed_in_two_scripts_are_read() {
        let vocab = Vocabulary::builtin();
        let ctx = Ctx::new(&vocab, Some(Language::Ru));
        for (text, len) in [("AKД, 2012.", 4), ("АКД, 2012.", 6)] {
            assert!(
                matches!(descriptor(text, &ctx), Some((Elem::Thesis(_), l)) if l == len),
                "{text}: {:?}",
                descriptor(text, &ctx)
            );
        }
        assert_eq!(mixed_thesis_word("AKДемия", &ctx), None);
    }

    #[test]
    fn a_dash_glued_to_the_place_after_a_comma_or_a_space_opens_the_imprint() {
        let segs = segmented("Gtnoqenez, 1, -Baku, «Glm», 1991.");
        assert!(
            segs.contains(&(Some(Elem::Place("Baku".into())), "Baku")),
            "{segs:?}"
        );
        let segs = segmented("İstoriə Midii,-M.-L., 1956.");
        assert_eq!(segs[0], (None, "İstoriə Midii"));
        assert!(
            matches!(&segs[1].0, Some(Elem::Place(p)) if p == "M.-L."),
            "{segs:?}"
        );
        // Not before a word that is no place.
        assert_eq!(
            segmented("Kitabi -Dədə Qorqud")[0],
            (None, "Kitabi -Dədə Qorqud")
        );
    }

    #[test]
    fn an_area_dash_after_an_abbreviation_opens_a_name() {
        let segs = segmented("Война 450 - 451 гг. - ВДИ, 1951, №4.");
        assert_eq!(segs[0], (None, "Война 450 - 451 гг."));
        assert_eq!(segs[1], (None, "ВДИ"));
        // A lower-case word after the dash continues the title.
        assert_eq!(
            segmented("Очерк гг. - для школ")[0],
            (None, "Очерк гг. - для школ")
        );
    }

    #[test]
    fn repeated_editor_statements_are_read_a_bounded_number_of_times() {
        // Each "edited by" once read every later one again at every comma:
        // 2^n readings (a fuzz input of 700 bytes took 14 s).
        let n = 14;
        let text = format!(
            "Ward, H. {}Routledge, 2008.",
            "Caucasus in Revolution, edited by Peter Smith, ".repeat(n)
        );
        NAME_STATEMENTS.with(|c| c.set(0));
        let r = super::super::parse_reference(&text, &Vocabulary::builtin());
        let reads = NAME_STATEMENTS.with(std::cell::Cell::get);
        assert!(reads <= 20 * n, "{reads} readings of {n} statements");
        assert_eq!(r.year, Some(2008));
    }

    fn segs(text: &str, lang: Option<Language>) -> Vec<(Option<Elem>, String)> {
        let v = Vocabulary::builtin();
        let ctx = Ctx::new(&v, lang);
        segments(text, 0, text.len(), &ctx)
            .into_iter()
            .map(|s| (s.elem, text[s.range].to_string()))
            .collect()
    }

    #[test]
    fn a_glued_dash_before_a_date_or_number_closes_the_container() {
        // Azerbaijani library style: `.-` closes each area, a date or a
        // label after it as well as a place.
        let got = segs("Azadlıq.- 2012.- 19 iyun.- S.14.", Some(Language::Az));
        assert_eq!(got[0], (None, "Azadlıq".to_string()));
        let r = super::super::parse_reference(
            "Лихачев Д.С. Концептосфера русского языка // Изв. АН СССР Сер. Лит. И яз.- 1993.- №1.",
            &Vocabulary::builtin(),
        );
        assert_eq!(r.container.as_deref(), Some("Изв. АН СССР Сер. Лит. И яз"));
        assert_eq!((r.year, r.issue.as_deref()), (Some(1993), Some("1")));
    }

    #[test]
    fn gost_book() {
        let got = segs(
            "История Азербайджана. Т. 2. – М.: Наука, 1985. – 464 с.",
            Some(Language::Ru),
        );
        let free: Vec<_> = got
            .iter()
            .filter(|s| s.0.is_none())
            .map(|s| s.1.clone())
            .collect();
        assert_eq!(free, vec!["История Азербайджана", "Наука"]);
        assert!(got.iter().any(|s| s.0 == Some(Elem::Volume("2".into()))));
        assert!(got.iter().any(|s| s.0 == Some(Elem::Place("М.".into()))));
        assert!(got.iter().any(|s| s.0 == Some(Elem::Extent("464".into()))));
    }

    #[test]
    fn titles_keep_their_commas_and_year_ranges() {
        let got = segs(
            "El-oba adlarının izi ilə, Bakı, Nafta-Press, 2007, 136 səh.",
            Some(Language::Az),
        );
        assert_eq!(got[0], (None, "El-oba adlarının izi ilə".to_string()));
        let got = segs(
            "Sovet dövründə Azərbaycanın xarici siyasəti (1920-1939). Bakı",
            Some(Language::Az),
        );
        assert_eq!(
            got[0],
            (
                None,
                "Sovet dövründə Azərbaycanın xarici siyasəti (1920-1939)".to_string()
            )
        );
        let got = segs(
            "ایران و قدرتهای بزرگ 1900-1925. (تاریخ روابط سیاسی). تهران",
            Some(Language::Fa),
        );
        assert_eq!(got[0], (None, "ایران و قدرتهای بزرگ 1900-1925".to_string()));
    }

    #[test]
    fn responsibility_closed_by_and_others() {
        let v = Vocabulary::builtin();
        let ctx = Ctx::new(&v, Some(Language::Ru));
        for stmt in [
            "Н. А. Кулиев, С. Т. Мурадов [и др.]",
            "Н. А. Кулиев, С. Т. Мурадов и др.",
            "Н. А. Кулиев, С. Т. Мурадов, и др.",
        ] {
            let names: Vec<_> = split_names(stmt, &ctx)
                .into_iter()
                .map(|p| (p.family, p.given))
                .collect();
            assert_eq!(
                names,
                [
                    ("Кулиев".to_string(), Some("Н. А.".to_string())),
                    ("Мурадов".to_string(), Some("С. Т.".to_string()))
                ],
                "{stmt}"
            );
        }
    }

    #[test]
    fn a_death_date_after_the_name_is_a_note() {
        let got = segs(
            "(d. 732 A.H.), Al-Mukhtasar fī Akhbār al-Bashar, Beirut",
            Some(Language::En),
        );
        assert_eq!(got[0].0, Some(Elem::Other("d. 732 A.H.".into())));
        assert_eq!(got[1], (None, "Al-Mukhtasar fī Akhbār al-Bashar".into()));
        let got = segs("(ت 1370هـ): زينب الكبرى", Some(Language::Fa));
        assert!(matches!(got[0].0, Some(Elem::Other(_))));
        // A bracketed year without the word is not a death date.
        let got = segs("Title (1920-1939). Bakı", Some(Language::Az));
        assert_eq!(got[0].1, "Title (1920-1939)");
    }

    #[test]
    fn a_span_of_years_after_the_place_gives_the_first() {
        let years = |text: &str, lang| {
            segs(text, lang)
                .into_iter()
                .filter_map(|s| match s.0 {
                    Some(Elem::Year(y)) => Some((y.gregorian, y.original.map(|o| o.year))),
                    _ => None,
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(
            years("Сборник. М.-Л., 1946-1960, т.1-3.", Some(Language::Ru)),
            [(1946, None)]
        );
        assert_eq!(
            years("Title. Cairo: Maktabat, 1932-38.", Some(Language::En)),
            [(1932, None)]
        );
        assert_eq!(
            years(
                "Title, Tehran: Dar, 1362 sh/1983 – 1366 sh/1987.",
                Some(Language::En)
            ),
            [(1983, Some(1362))]
        );
        assert_eq!(
            years("کتاب. تهران، ۱۳۴۰ـ۱۳۴۲ش.", Some(Language::Fa)),
            [(1961, Some(1340))]
        );
        // The whole span is kept as printed.
        let got = segs("Title. Cairo: Maktabat, 1932-38.", Some(Language::En));
        assert!(got.contains(&(Some(Elem::Other("1932-38".into())), "-38".into())));
        // Before the imprint a span is the period of the title.
        assert!(years("Tarix 1918-1920. Bakı, 1999.", Some(Language::Az)) == [(1999, None)]);
    }

    #[test]
    fn a_spaced_tatweel_is_a_dash_and_the_era_letter_a_lunar_marker() {
        let got = segs("بيروت ـ ١٤٠٣ ه.", Some(Language::Fa));
        assert_eq!(got[0], (Some(Elem::Place("بيروت".into())), "بيروت".into()));
        let Some((Some(Elem::Year(y)), _)) = got.get(1) else {
            panic!("a year after the dash: {got:?}");
        };
        assert_eq!(
            y.original.map(|o| (o.calendar, o.year)),
            Some((crate::model::Calendar::LunarHijri, 1403))
        );
        // A tatweel inside a word stretches it and separates nothing.
        assert_eq!(segs("بيـروت", Some(Language::Fa)).len(), 1);
    }

    #[test]
    fn no_place_or_no_publisher() {
        let got = segs("n.p.: Biwilaq, 1314 AH.", Some(Language::En));
        assert_eq!(got[0], (Some(Elem::NoImprint), "n.p.".into()));
        assert_eq!(got[1], (None, "Biwilaq".into()));
        let got = segs("اصفهان: بینا.", Some(Language::Fa));
        assert_eq!(got[1], (Some(Elem::NoImprint), "بینا".into()));
    }

    #[test]
    fn a_word_in_lower_case_after_a_period_continues_the_name() {
        let got = segs("Чебоксары: Чуваш. кн. изд-во, 1959.", Some(Language::Ru));
        assert_eq!(got[1], (None, "Чуваш. кн. изд-во".into()));
        // An element in lower case still ends it.
        let got = segs("Title. pp. 12-20.", Some(Language::En));
        assert_eq!(got[0], (None, "Title".into()));
    }

    #[test]
    fn a_year_glued_to_an_arabic_script_word() {
        let got = segs("عنوان، قم۱۳۷۱ ش.", Some(Language::Fa));
        assert_eq!(got[1], (Some(Elem::Place("قم".into())), "قم".into()));
        assert!(matches!(got[2].0, Some(Elem::Year(_))));
        let got = segs("عنوان، اطلاعات1364", Some(Language::Fa));
        assert!(got[0].1.ends_with("اطلاعات"));
        assert!(matches!(got[1].0, Some(Elem::Year(_))));
    }

    #[test]
    fn a_glued_dash_before_a_quoted_publisher_opens_the_imprint() {
        let got = segs("50 söz.- «Gənclik», Bakı, 1968.", Some(Language::Az));
        assert_eq!(got[0], (None, "50 söz".into()));
        assert_eq!(got[1], (None, "«Gənclik»".into()));
    }

    #[test]
    fn names_end_before_a_place_its_publisher_and_the_year() {
        let got = segs(
            "ed. by Sayyid Muḥammad, Manāmat: Maktabat Fakhrāwī, 2008.",
            Some(Language::En),
        );
        let Some((Some(Elem::Editors(people)), _)) = got.first() else {
            panic!("editors first: {got:?}");
        };
        assert_eq!(people.len(), 1);
        assert!(got.iter().any(|s| s.1 == "Manāmat: Maktabat Fakhrāwī"));
    }

    /// The places `segments` reads in `text`.
    fn places(text: &str) -> Vec<String> {
        segs(text, Some(Language::En))
            .into_iter()
            .filter_map(|s| match s.0 {
                Some(Elem::Place(p)) => Some(p),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_state_or_country_code_after_the_place() {
        let p = places("Title. Princeton, NJ: Princeton University Press, 1982.");
        assert_eq!(p, ["Princeton, NJ"]);
        let p = places("Title. Albany, NY: State University of New York Press, 1980.");
        assert_eq!(p, ["Albany, NY"]);
        let p = places("Title. Abingdon, UK and New York: Routledge, 2012.");
        assert_eq!(p, ["Abingdon, UK and New York"]);
        // No colon after the code: not an imprint.
        assert!(!places("Title. Albany, NY, 1980.").contains(&"Albany, NY".to_string()));
    }

    #[test]
    fn an_unlisted_place_before_the_closing_year() {
        assert_eq!(places("Title, Londres 1865"), ["Londres"]);
        assert_eq!(places("Title, Grenoble/Paris 1902"), ["Grenoble/Paris"]);
        let p = places("Title, Washington D.C. 1985, Dumbarton Oaks Studies 20");
        assert_eq!(p, ["Washington D.C."]);
        // An era before the year.
        assert!(places("Title. Riyadh: Al-Rushd Library, AH 1416.") == ["Riyadh"]);
        assert!(places("Title. Riyadh: Dar al-Dariyyah, 1st Edition, Ah 1412.") == ["Riyadh"]);
        // A year inside a title, more text after it, is no imprint.
        let p = places("Title, Revolution 1905 and After, London, 1980");
        assert!(!p.contains(&"Revolution".to_string()));
    }

    #[test]
    fn a_country_after_the_place() {
        let got = segs("Title, Beirut, Lebanon, 1415 AH.", Some(Language::En));
        assert!(got.contains(&(Some(Elem::Place("Beirut".into())), "Beirut".into())));
        assert!(got.contains(&(Some(Elem::Other("Lebanon".into())), "Lebanon".into())));
        let got = segs(
            "عنوان، دار الكتاب العربي، بيروت- لبنان.",
            Some(Language::Fa),
        );
        assert!(
            got.iter()
                .any(|s| s.0 == Some(Elem::Place("بيروت- لبنان".into())))
        );
    }

    #[test]
    fn an_apostrophe_before_a_letter_closes_no_quote() {
        // The ʿayn of romanised Arabic opens a word; a closing quote ends one.
        assert_eq!(
            find_close("Asr al-Nabi, Muhammad 'Izza Darwaza, Beirut", '\''),
            None
        );
        assert_eq!(
            find_close("Isma'il's book', London", '\''),
            Some("Isma'il's book".len())
        );
        assert_eq!(find_close("A Title', Journal", '\''), Some(7));
    }

    #[test]
    fn edition_statements() {
        let v = Vocabulary::builtin();
        let ctx = Ctx::new(&v, Some(Language::En));
        let len = |s: &'static str| edition(s, &ctx).map(|l| &s[..l]);
        assert_eq!(len("1st (Ed). Beirut"), Some("1st (Ed)"));
        assert_eq!(len("5th (Ed). 1 Volume"), Some("5th (Ed)"));
        assert_eq!(len("2nd ed. London"), Some("2nd ed."));
        assert_eq!(len("first edition, 1415 AH"), Some("first edition"));
        // A year after the word is the printing's, not its number.
        assert_eq!(len("طبعة ١٣٥٥ هـ ، هلند"), Some("طبعة"));
        assert_eq!(len("چاپ دوم، تهران"), Some("چاپ دوم"));
        assert_eq!(len("الطبعة الأولى 1408هـ"), Some("الطبعة الأولى"));
        assert_eq!(len("1st Street"), None);
    }

    #[test]
    fn a_statement_of_names_ends_before_a_publisher() {
        let v = Vocabulary::builtin();
        let ctx = Ctx::new(&v, Some(Language::En));
        let (people, used) = names_until_separator(
            "‘Imad al-Din Ahmad Haydar, Al-Kutub al-Thiqafiya Institute, Beirut, 1981.",
            &ctx,
        );
        assert_eq!(people.len(), 1);
        assert_eq!(used, "‘Imad al-Din Ahmad Haydar".len());
        // A publisher's name closing the entry ends them too ("…, trans.
        // Hasan Fathi, Fikr-i Ruz Publication."); one after a label is the
        // label's.
        assert!(publisher_then_imprint("Fikr-i Ruz Publication.", &ctx));
        assert!(!publisher_then_imprint("Hasan Fathi.", &ctx));
        // A name, a place unknown to the vocabulary and the closing year.
        assert!(publisher_then_imprint(
            "Al-Jaffan wa al-Jabi, Cypress, 1407/1987.",
            &ctx
        ));
        assert!(!publisher_then_imprint(
            "Al-Jaffan wa al-Jabi, Cypress, vol. 2, 1987.",
            &ctx
        ));
        assert!(!publisher_then_imprint("ناشر: مؤسسه آل البيت، قم", &ctx));
        // A place known to the vocabulary in Arabic script ("…، ترجمه ی
        // آذرتاش آذرنوش،امیر کبیر ،تهران ،1363.").
        assert!(publisher_then_imprint("امیر کبیر ،تهران ،1363.", &ctx));
        assert!(!publisher_then_imprint("امیر کبیر ،علی ،1363.", &ctx));
    }

    #[test]
    fn numbers_with_their_words() {
        let v = Vocabulary::builtin();
        let at = |s: &str, lang| elem_at(s, &Ctx::new(&v, lang)).map(|(e, _)| e);
        let az = Some(Language::Az);
        assert_eq!(at("N 10, səh. 78", az), Some(Elem::Issue("10".into())));
        assert_eq!(at("səh 112.", az), Some(Elem::Pages("112".into())));
        assert_eq!(
            at("Вып 63. – Ч. 1", Some(Language::Ru)),
            Some(Elem::Issue("63".into()))
        );
        assert_eq!(
            at("Is. 1. P. 197", Some(Language::En)),
            Some(Elem::Issue("1".into()))
        );
        let fa = Some(Language::Fa);
        assert_eq!(at("سال ۲۴، شماره ۳", fa), Some(Elem::Volume("24".into())));
        assert!(matches!(at("سال ۱۳۹۳", fa), None | Some(Elem::Year(_))));
        assert_eq!(
            at("12(3), 45", None),
            Some(Elem::VolumeIssue("12".into(), "3".into()))
        );
        assert_eq!(
            at("III, No. 11, Fall", Some(Language::En)),
            Some(Elem::Volume("3".into()))
        );
        assert_eq!(
            at("2 vols. Dar al-Fikr", Some(Language::En)),
            Some(Elem::Volumes("2".into()))
        );
        assert_eq!(at("II cild. Bakı", az), Some(Elem::Volume("2".into())));
        assert_eq!(
            at("39/210-213", None),
            Some(Elem::VolumePages("39".into(), "210-213".into()))
        );
    }

    #[test]
    fn labels_typed_in_another_script_or_case() {
        let v = Vocabulary::builtin();
        let read = |s: &str, lang| mistyped_label(s, &Ctx::new(&v, Some(lang)));
        // Latin look-alikes of a Cyrillic label in a Russian entry.
        assert_eq!(
            read("C. 33–34.", Language::Ru),
            Some((Elem::Pages("33-34".into()), "C. 33–34".len()))
        );
        assert_eq!(
            read("T. 2. С. 5.", Language::Ru),
            Some((Elem::Volume("2".into()), "T. 2".len()))
        );
        // Not in another language, nor before Latin text.
        assert_eq!(read("C. 33.", Language::En), None);
        assert_eq!(read("C. 33 in the notes", Language::Ru), None);
        // Turkish capital S. is sayı, the issue, by `cased_labels`.
        assert_eq!(
            read("S. 88, s. 77", Language::Tr),
            Some((Elem::Issue("88".into()), "S. 88".len()))
        );
        assert_eq!(read("S. 88", Language::Az), None);
    }

    #[test]
    fn the_number_of_volumes() {
        let v = Vocabulary::builtin();
        let count = |s: &str| volume_count(s, &v).map(|(n, l)| (n, s[..l].to_string()));
        assert_eq!(
            count("iki cilddə."),
            Some(("2".into(), "iki cilddə".into()))
        );
        assert_eq!(
            count("3 cilddən ibarət"),
            Some(("3".into(), "3 cilddən ibarət".into()))
        );
        assert_eq!(
            count("в 2-х томах."),
            Some(("2".into(), "в 2-х томах".into()))
        );
        assert_eq!(
            count("в 2-x томах."),
            Some(("2".into(), "в 2-x томах".into()))
        );
        assert_eq!(count("в 3 т."), Some(("3".into(), "в 3 т.".into())));
        assert_eq!(count("In 3 vols."), Some(("3".into(), "In 3 vols.".into())));
        // "3 т." alone is the third volume; a capital В starts a name.
        assert_eq!(count("3 т."), None);
        assert_eq!(count("В 6 т."), None);
        assert_eq!(count("iki cild"), None);
        // Persian prints the count before the word, the volume after it.
        assert_eq!(count("۱۵ جلد،"), Some(("15".into(), "۱۵ جلد".into())));
        assert_eq!(count("۲ ج،"), Some(("2".into(), "۲ ج".into())));
        assert_eq!(count("ج ۲،"), None);
    }

    #[test]
    fn names_split_at_conjunctions() {
        let v = Vocabulary::builtin();
        let ctx = Ctx::new(&v, None);
        assert_eq!(
            split_at_conjunctions("Иванов и Петров", &ctx),
            ["Иванов", "Петров"]
        );
        assert_eq!(
            split_at_conjunctions("A. Smith and B. Jones", &ctx),
            ["A. Smith", "B. Jones"]
        );
        assert_eq!(
            split_at_conjunctions("کاوه بیات و احمد", &ctx),
            ["کاوه بیات", "احمد"]
        );
        // Only between spaces: an initial "И." stays.
        assert_eq!(
            split_at_conjunctions("Петров И. И.", &ctx),
            ["Петров И. И."]
        );
    }

    #[test]
    fn compact_imprints() {
        let ru = Some(Language::Ru);
        let place_of = |text: &str, lang| {
            segs(text, lang).into_iter().find_map(|s| match s.0 {
                Some(Elem::Place(p)) => Some(p),
                _ => None,
            })
        };
        assert_eq!(
            place_of("Проблемы социализации.М.: МПГУ, 2016.", ru).as_deref(),
            Some("М.")
        );
        assert_eq!(
            place_of("Словарь / А. М. Аверьянов. ‒М.: 2003.", ru).as_deref(),
            Some("М.")
        );
        assert_eq!(
            place_of(
                "Проблемы: автореф. дис. ... д-ра юр. наук.Москва, 2002.",
                ru
            )
            .as_deref(),
            Some("Москва")
        );
        assert_eq!(
            place_of("Handbook, Seattle and London, 1976.", Some(Language::En)).as_deref(),
            Some("Seattle and London")
        );
        // Initials glued to a name are not a place.
        assert_eq!(
            place_of("R.Əliyev.Şirvan xanlığı", Some(Language::Az)),
            None
        );
    }

    #[test]
    fn article_container() {
        let got = segs(
            "Название статьи // Вопросы истории. 2005. № 3. С. 33–34.",
            Some(Language::Ru),
        );
        assert_eq!(got[1].1, "Вопросы истории");
        assert!(got.iter().any(|s| s.0 == Some(Elem::Issue("3".into()))));
        assert!(got.iter().any(|s| s.0 == Some(Elem::Pages("33-34".into()))));
    }
}
