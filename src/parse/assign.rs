//! Parse: the assembly of an entry's segments into fields — what each free
//! or recognised segment after the names is (title, container, place,
//! publisher, …), in the order a reader meets them.
use super::imprint::{self, Ctx, Elem, Sep};
use super::{Fields, is_quoted, lex, locator, person, strip_quotes, style, tidy, tidy_keeping};
use crate::model::Person;
use crate::script::Letter;
use crate::script::{Script, fold};
use crate::vocab::{Meaning, Vocabulary, contains_word};

/// Where the reader is among an entry's segments.
#[derive(Debug, Default)]
struct State {
    /// After `//` or a container marker: the next free text is the
    /// container.
    container_mode: bool,
    /// The last free segment was the title: a bracket after it is its
    /// subtitle, a span of years its period.
    last_free_was_title: bool,
    /// The last segment was the container: a bare number after it is its
    /// volume.
    after_container: bool,
    /// The publisher was guessed from the segment right after the title: if a
    /// name after the place replaces it, the guess was the title's subtitle.
    guess_after_title: bool,
    /// The entry cites a range of pages: it is a part of something, and an
    /// unmarked name after its closed title is what it is a part of.
    page_range: bool,
    /// Where the last of the numbers of a part (an issue, a range of pages)
    /// ends, in an entry with no `//`: a name after a single slash before
    /// them may be what the work is a part of.
    part_numbers_end: Option<usize>,
    /// The entry prints an issue's number somewhere.
    issue_printed: bool,
    /// The entry marks a container by `//`.
    double_slash: bool,
}

/// Decides what each segment is, in the order a reader meets them: `//`
/// or a container marker opens the container; the first free text is the
/// title, later free text the container, the place, the publisher or a
/// note by what it says and what stands around it.
pub(super) fn assign(work: &str, segs: &[imprint::Seg], f: &mut Fields, ctx: &Ctx) {
    let mut state = State {
        page_range: segs.iter().any(|s| match &s.elem {
            Some(Elem::Pages(p) | Elem::VolumePages(_, p)) => is_page_range(p),
            _ => false,
        }),
        issue_printed: segs
            .iter()
            .any(|s| matches!(s.elem, Some(Elem::Issue(_) | Elem::VolumeIssue(..)))),
        double_slash: segs.iter().any(|s| s.sep == Sep::DoubleSlash),
        part_numbers_end: segs
            .iter()
            .filter(|s| match &s.elem {
                Some(Elem::Issue(_) | Elem::VolumeIssue(..)) => true,
                Some(Elem::Pages(p) | Elem::VolumePages(_, p)) => is_page_range(p),
                _ => false,
            })
            .map(|s| s.range.end)
            .max()
            .filter(|_| segs.iter().all(|s| s.sep != Sep::DoubleSlash)),
        ..State::default()
    };
    for (idx, seg) in segs.iter().enumerate() {
        if seg.sep == Sep::DoubleSlash {
            state.container_mode = true;
        }
        match &seg.elem {
            Some(elem) => {
                take_element(elem, f, &mut state, ctx);
                if !matches!(elem, Elem::Year(_)) {
                    state.last_free_was_title = false;
                }
                state.after_container = false;
            }
            None => {
                let raw = &work[seg.range.clone()];
                let value = tidy_keeping(raw, Some(ctx.vocab));
                if value.is_empty() {
                    continue;
                }
                let free = Free {
                    seg,
                    raw,
                    newspaper_named: contains_word(&value, &ctx.vocab.index.newspaper_words),
                    value,
                    prev: idx.checked_sub(1).and_then(|i| segs.get(i)),
                    next: segs.get(idx + 1),
                    after_next: segs.get(idx + 2),
                    next_text: segs.get(idx + 1).map_or("", |n| &work[n.range.clone()]),
                };
                take_free(work, &free, f, &mut state, ctx);
            }
        }
    }
    source_line(f, ctx);
}

/// A periodical's own source line, no author and no title of a work in it:
/// its quoted name or a name with a periodical's word, then its issue
/// ("«Qarapapaqlar».-2010.-№1(31).-S.8-16.", "«Türkologiya» jurnalı,
/// (3-4), Bakı, «Elm», 2008, s. 90-96."): the name is the container.
fn source_line(f: &mut Fields, ctx: &Ctx) {
    let named = f
        .title
        .as_deref()
        .is_some_and(|t| f.title_quoted || contains_word(t, &ctx.vocab.index.journal_words));
    if named
        && f.authors.is_empty()
        && f.editors.is_empty()
        && f.container.is_none()
        && f.subtitle.is_none()
        && f.issue.is_some()
        && !f.thesis
        && !f.newspaper
    {
        f.container = f.title.take();
        f.journal = true;
    }
}

/// A recognised element: its field, the first of each kind kept (a second
/// volume or page range goes to the notes).
fn take_element(elem: &Elem, f: &mut Fields, state: &mut State, ctx: &Ctx) {
    match elem.clone() {
        Elem::ContainerMarker => {
            state.container_mode = true;
            f.container_marker = true;
        }
        Elem::Year(y) => {
            if f.year.is_none() {
                f.year = Some(y);
            }
        }
        Elem::Date(d, y, md) => {
            if let Some(md) = md {
                f.date.get_or_insert(d);
                f.day.get_or_insert((md, y));
            }
            if let Some(y) = y
                && f.year.is_none_or(|old| {
                    old.original.is_none()
                        && y.original.is_some()
                        && old.gregorian == y.original.map_or(0, |o| o.year)
                })
            {
                f.year = Some(y);
            }
        }
        Elem::Volume(v) => set_or_note(&mut f.volume, v, &mut f.notes),
        Elem::Volumes(v) => f.volumes = Some(v),
        Elem::Issue(v) => {
            if f.container.is_some() && !f.newspaper && f.date.is_none() {
                f.journal = true;
            }
            set_or_note(&mut f.issue, v, &mut f.notes)
        }
        Elem::Pages(v) => set_or_note(&mut f.pages, v, &mut f.notes),
        Elem::Extent(v) => f.extent = Some(v),
        Elem::Part(v) => f.part = Some(v),
        Elem::Place(p) => {
            if f.container.is_some() {
                f.container_imprint = true;
            }
            match &mut f.place {
                Some(existing) if !state.container_mode => existing.push_str(&format!("; {p}")),
                Some(_) => {}
                None => f.place = Some(p),
            }
        }
        Elem::Edition(e) => f.edition = Some(e),
        Elem::Editors(p) => {
            if state.container_mode {
                f.container_imprint = true;
            }
            f.editors.extend(p);
        }
        Elem::Translators(p) => f.translators.extend(p),
        Elem::Authors(p) => {
            if f.authors.is_empty() {
                f.authors = p;
            }
        }
        Elem::Thesis(t) => thesis_designation(f, t, ctx.vocab),
        Elem::NoDate | Elem::NoImprint => {}
        Elem::VolumePages(v, p) => {
            set_or_note(&mut f.volume, v, &mut f.notes);
            set_or_note(&mut f.pages, p, &mut f.notes);
        }
        Elem::VolumeIssue(v, i) => {
            set_or_note(&mut f.volume, v, &mut f.notes);
            set_or_note(&mut f.issue, i, &mut f.notes);
            f.journal = true;
        }
        Elem::Other(o) => f.notes.push(o),
    }
}

/// A segment no element was recognised in, and what stands around it.
struct Free<'a> {
    seg: &'a imprint::Seg,
    /// As printed.
    raw: &'a str,
    /// Tidied: trimmed of punctuation, spaces collapsed.
    value: String,
    /// It names a newspaper (`qəzeti`, `газета`).
    newspaper_named: bool,
    prev: Option<&'a imprint::Seg>,
    next: Option<&'a imprint::Seg>,
    /// The segment after the next.
    after_next: Option<&'a imprint::Seg>,
    /// The next segment as printed (empty at the end).
    next_text: &'a str,
}

impl Free<'_> {
    /// The text inside a bracketed segment (`[Herald of Oriental Studies]`).
    fn bracket_inner(&self) -> Option<String> {
        self.seg
            .bracketed
            .then(|| tidy(&self.raw[1..self.raw.len() - 1]))
    }
}

/// Free text: each step below takes it or passes it on, in order; what
/// none takes is a note.
fn take_free(work: &str, free: &Free<'_>, f: &mut Fields, state: &mut State, ctx: &Ctx) {
    let taken = responsibility(free, f, state, ctx)
        || title(free, f, state, ctx)
        || container(free, f, state, ctx)
        || thesis(free, f, state, ctx)
        || after_title(free, f, state, ctx)
        || title_area(work, free, f, state, ctx)
        || bare_number(free, f, state)
        || dashed_container(work, free, f, state, ctx)
        || container_before_pages(free, f, state, ctx)
        || conference_volume(free, f, state)
        || series(free, f, state, ctx)
        || place_publisher(work, free, f, state)
        || author_after_title(free, f, state, ctx)
        || place_before_year(work, free, f, state, ctx)
        || place_after_publisher(work, free, f, ctx)
        || place_after_thesis(free, f)
        || publisher_continued(work, free, f, ctx)
        || institution_continued(work, free, f, ctx)
        || publisher_before_year(free, f, state, ctx)
        || publisher_or_periodical(work, free, f, state, ctx)
        || container_continued(free, f, state);
    if !taken {
        f.notes.push(free.value.clone());
        state.last_free_was_title = false;
    }
}

/// GOST statement of responsibility after `/`: "/ И.И. Иванов" names the
/// authors (or repeats them); anything else is a note. A thesis's place
/// may close it without its separator ("13.00.01 / Сергеева Светлана
/// Васильевна Москва, 2003", `imprint::trailing_place`).
fn responsibility(free: &Free<'_>, f: &mut Fields, state: &mut State, ctx: &Ctx) -> bool {
    if free.seg.sep != Sep::Slash {
        return false;
    }
    let mut value = free.value.as_str();
    if f.thesis
        && f.place.is_none()
        && let Some((at, place)) = imprint::trailing_place(free.raw, ctx)
    {
        f.place = Some(place);
        value = free.raw[..at].trim_end();
    }
    let names = imprint::split_names(value, ctx);
    let named = !names.is_empty() && names.iter().all(|p| p.given.is_some());
    // "… в образовательном пространстве / Известия Чеченского
    // государственного педагогического института. 2014. № 2 (8). С.
    // 54-57", "… задачи новой школы /Новая школа, 1918.№ 3. С.137-138.":
    // a single slash typed for `//` before what the work is a part of —
    // no names follow it, and a part's numbers (an issue, a range of
    // pages) come after it.
    if !named
        && state
            .part_numbers_end
            .is_some_and(|end| end > free.seg.range.end)
        && f.title.is_some()
        && f.container.is_none()
        && !f.thesis
        && value.starts_with(char::is_uppercase)
    {
        state.container_mode = true;
        return false;
    }
    if f.authors.is_empty() && named {
        f.authors = names;
    } else if named {
        person::merge_statement(&mut f.authors, names);
    } else {
        f.notes.push(value.to_string());
    }
    true
}

/// The first free text outside a container is the title ("«Kommunist»
/// qəzeti, 22 oktyabr 1920": a newspaper's name is the container, there is
/// no article title).
fn title(free: &Free<'_>, f: &mut Fields, state: &mut State, ctx: &Ctx) -> bool {
    if f.title.is_some() || state.container_mode {
        return false;
    }
    // "ابن اثیر: همان، ج19، ص46", "Smith, op. cit., p. 45": the work was
    // cited in full before; the word is a note, not the title.
    if let Some((len, _)) = ctx.vocab.index.op_cit.match_start(&free.value)
        && len == free.value.len()
    {
        f.notes.push(free.value.clone());
        f.op_cit = true;
        state.last_free_was_title = false;
        return true;
    }
    if free.newspaper_named && f.container.is_none() {
        f.newspaper = true;
        f.container = Some(free.value.clone());
        state.after_container = true;
        return true;
    }
    f.title_quoted = is_quoted(free.raw);
    let title = free.bracket_inner().unwrap_or_else(|| free.value.clone());
    f.title = Some(clean_title(&title, ctx.vocab));
    state.last_free_was_title = true;
    true
}

/// After `//` or a container marker, the first free text is the container.
fn container(free: &Free<'_>, f: &mut Fields, state: &mut State, ctx: &Ctx) -> bool {
    if !state.container_mode || f.container.is_some() {
        return false;
    }
    set_container(f, free.value.clone(), ctx);
    state.after_container = true;
    true
}

/// "Tarix üzrə elmlər doktoru dissertasiyası": a thesis designation
/// printed as a sentence of its own.
fn thesis(free: &Free<'_>, f: &mut Fields, state: &mut State, ctx: &Ctx) -> bool {
    if !contains_word(&free.value, &ctx.vocab.index.thesis_list) {
        return false;
    }
    thesis_designation(f, free.value.clone(), ctx.vocab);
    state.last_free_was_title = false;
    true
}

/// What belongs to the title printed after it: on the web a quoted name
/// after the site's ("Encyclopaedia Iranica, "Gilan," https://…") is the
/// page; a bracket right after the title its subtitle; the years a title
/// covers ("… к независимости. 1917–1920. М.: …") part of it.
fn after_title(free: &Free<'_>, f: &mut Fields, state: &mut State, ctx: &Ctx) -> bool {
    if f.web && f.container.is_none() && is_quoted(free.raw) && !f.title_quoted {
        f.container = f.title.take();
        f.title = Some(clean_title(&free.value, ctx.vocab));
        f.title_quoted = true;
        return true;
    }
    if let Some(inner) = free.bracket_inner()
        && state.last_free_was_title
        && f.subtitle.is_none()
    {
        f.subtitle = Some(inner);
        state.last_free_was_title = false;
        return true;
    }
    // "Mango C., The art of the Byzantine Empire 312-1453. Sources and
    // documents, New Jersey 1972": the sentence between the title and a
    // "Place Year" imprint is the title's second sentence, its subtitle.
    if state.last_free_was_title
        && free.seg.sep == Sep::Period
        && f.subtitle.is_none()
        && f.container.is_none()
        && !free.seg.bracketed
        && place_then_spaced_year(free)
        && !contains_word(&free.value, &ctx.vocab.index.publisher_words)
        && !contains_word(&free.value, &ctx.vocab.index.corporate)
        && !contains_word(&free.value, &ctx.vocab.index.journal_words)
    {
        f.subtitle = Some(free.value.clone());
        state.last_free_was_title = false;
        return true;
    }
    if state.last_free_was_title && free.seg.sep == Sep::Period && is_year_span(&free.value) {
        if let Some(t) = &mut f.title {
            t.push_str(". ");
            t.push_str(&free.value);
        }
        return true;
    }
    false
}

/// GOST marks an analytic entry's container by `//`; with no `//` and no
/// issue in the entry, a sentence after the title that GOST's area dash
/// closes before the place or the volume is the title area's other title
/// information, not a container ("Материалы по реформе средней школы.
/// Примерные программы и объяснительные записки. – Пг., 1915. – С. 3 – 4.",
/// "Йенская реальная философия. Работы разных лет. – Т.1. – М.: Наука,
/// 1972. – С. 315–316."); a journal's issue still makes it one ("…
/// Вестник воспитания. – № 4.− 1916").
fn title_area(work: &str, free: &Free<'_>, f: &mut Fields, state: &mut State, ctx: &Ctx) -> bool {
    let area_next = free.next.is_some_and(|n| {
        matches!(n.elem, Some(Elem::Place(_) | Elem::Volume(_)))
            && work
                .get(free.seg.range.end..n.range.start)
                .is_some_and(|between| between.chars().any(crate::script::is_dash))
    });
    if !(area_next
        && state.last_free_was_title
        && !state.double_slash
        && !state.issue_printed
        && free.seg.sep == Sep::Period
        && !free.seg.bracketed
        && f.subtitle.is_none()
        && f.container.is_none()
        && !f.container_marker
        && !free.newspaper_named
        && !contains_word(&free.value, &ctx.vocab.index.publisher_words)
        && !crate::parse::kind::conference(&free.value))
    {
        return false;
    }
    // "… подростков /авт.-сост. Л.В. Астапович. – Минск": names are no
    // sentence of the title.
    let names = imprint::split_names(&free.value, ctx);
    if !names.is_empty() && names.iter().all(|p| p.given.is_some()) {
        return false;
    }
    f.subtitle = Some(free.value.clone());
    state.last_free_was_title = false;
    true
}

/// A bare number: a journal's volume right after its name, a newspaper's
/// page after its date, the page of an article closing the entry after its
/// journal's volume and year (Chicago and Oxford notes: "…," Journal Royal
/// Asiatic Society, 19 (1897), 768."), else a note.
///
/// A bare number or Roman numeral right before the place is the volume of
/// the work or container before it ("// Azərbaycan onomastikası
/// problemləri. II, Bakı, APİ nəşri – 1988", "Azərbaycan ədəbi dili tarixi.
/// -1, Bakı, »Maarif», 1979").
fn bare_number(free: &Free<'_>, f: &mut Fields, state: &State) -> bool {
    let value = &free.value;
    let arabic = value.chars().all(crate::script::is_digit);
    // A volume's numeral is short: a lone `C`, `D` or `M` is an initial.
    let numeral = lex::roman(value)
        .ok()
        .filter(|(rest, n)| rest.is_empty() && *n < 40 && value.is_ascii())
        .map(|(_, n)| n.to_string());
    if !arabic && numeral.is_none() {
        return false;
    }
    let place_next = free
        .next
        .is_some_and(|n| matches!(n.elem, Some(Elem::Place(_))) && n.sep == Sep::Comma);
    let article_page = f.container.is_some()
        && f.volume.is_some()
        && f.year.is_some()
        && free.next.is_none()
        && !free.seg.bracketed;
    if (state.after_container || place_next) && f.volume.is_none() && f.date.is_none() {
        f.volume = Some(numeral.unwrap_or_else(|| crate::script::ascii_digits(value)));
    } else if !arabic {
        return false;
    } else if (f.date.is_some() || article_page) && f.pages.is_none() {
        f.pages = Some(crate::script::ascii_digits(value));
    } else {
        f.notes.push(value.clone());
    }
    true
}

/// An entry that cites a range of its pages is part of a book or a
/// periodical; a name after its closed title — quoted, or ended by a period —
/// followed by the container's volume, its place or year, or its quoted
/// publisher, is that container, with no `In:` or `//` before it (ISNAD
/// "“Muizzî”, TDV İslâm Ansiklopedisi, Ankara, c. XXXI, s. 98-99"; APA
/// "… sanat. Türkler, 6, Orta Çağ, Ankara, 9-45."; Azerbaijani "… yazılı
/// abidə. Dilçilik məsələləri, «Elm», 2000, s.36-44").
fn container_before_pages(free: &Free<'_>, f: &mut Fields, state: &mut State, ctx: &Ctx) -> bool {
    let closed_title = f.title_quoted && free.seg.sep == Sep::Comma || free.seg.sep == Sep::Period;
    let container_follows = free.next.is_some_and(|n| match &n.elem {
        Some(Elem::Place(_) | Elem::Year(_) | Elem::Volume(_) | Elem::Issue(_)) => {
            n.sep == Sep::Comma || n.sep == Sep::Period
        }
        Some(_) => false,
        None => {
            let next = free.next_text.trim();
            n.sep == Sep::Comma && (is_quoted(next) || next.chars().all(crate::script::is_digit))
        }
    });
    if !(state.page_range
        && state.last_free_was_title
        && f.container.is_none()
        && f.title.is_some()
        && closed_title
        && container_follows
        && !free.seg.bracketed
        && !free.newspaper_named
        && !contains_word(&free.value, &ctx.vocab.index.publisher_words))
    {
        return false;
    }
    set_container(f, free.value.clone(), ctx);
    state.after_container = true;
    state.last_free_was_title = false;
    true
}

/// Soviet lists before GOST 7.1-84 put an area dash, not `//`, before
/// the periodical or collection a paper is in: a name after the title that
/// a dash opens and the container's year, number, place or volume close is
/// that container ("… персов 450 - 451 гг. - ВДИ, 1951, №4", "…
/// Алп-Илитверу. – Зап. ИВ АН СССР. М. - Л , 1939, с. 129 - 155", "…
/// haqqında. -ADU, Elmi əsərlər, tarix və fəlsəfə seriyası, 1974, 4",
/// "O nazvanii reka Kura.-DAN Azerb.SSR,1959"). A name that may be a place
/// ("Нальчик") or a publisher stays what it is; an acronym is no place.
/// Only a capitalised name: in Persian "1317 - 1320 ه - ش" a dash joins
/// the calendar's letters.
fn dashed_container(
    work: &str,
    free: &Free<'_>,
    f: &mut Fields,
    state: &mut State,
    ctx: &Ctx,
) -> bool {
    // Only the separator stands between: no imprint label ("-İzd.
    // Vostoçnaə literatura").
    let dashed = free.prev.is_some_and(|p| {
        work.get(p.range.end..free.seg.range.start)
            .is_some_and(|between| {
                between.chars().any(crate::script::is_dash)
                    && !between.chars().any(|c| c.is_letter())
            })
    });
    let part_follows = free.next.is_some_and(|n| {
        matches!(
            n.elem,
            Some(Elem::Year(_) | Elem::Issue(_) | Elem::Place(_) | Elem::Volume(_))
        ) && matches!(n.sep, Sep::Comma | Sep::Period)
    });
    let head = free.value.split([' ', ',', '.']).next().unwrap_or("");
    let acronym = head.chars().count() > 1 && head.chars().all(char::is_uppercase);
    if !(dashed
        && part_follows
        && (acronym || state.page_range || state.issue_printed)
        && !free.value.contains(':')
        && free.value.starts_with(char::is_uppercase)
        && state.last_free_was_title
        && f.title.is_some()
        && f.container.is_none()
        && !f.container_marker
        && !f.thesis
        && !state.double_slash
        && !free.seg.bracketed
        && !free.newspaper_named
        && matches!(free.seg.sep, Sep::Period | Sep::Dash)
        && (acronym && head.len() == free.value.len() || !looks_like_place(&free.value))
        && !contains_word(&free.value, &ctx.vocab.index.publisher_words))
    {
        return false;
    }
    set_container(f, free.value.clone(), ctx);
    state.after_container = true;
    state.last_free_was_title = false;
    true
}

/// A name after the closed title that calls itself a conference's or
/// congress's is the volume of its papers, the entry's container, with no
/// `In:` or `//` before it ("… Pontos during the "Time of Troubles"",
/// XVIIIth International Congress of Byzantine Studies. Major Papers,
/// Moscow 1991"; "… Sorunu – XI. Türk Tarih Kongresi Bildiri Özetleri, TTK
/// Basımevi, Ankara, 1990").
fn conference_volume(free: &Free<'_>, f: &mut Fields, state: &mut State) -> bool {
    if !(state.last_free_was_title
        && f.container.is_none()
        && f.title.is_some()
        && !free.seg.bracketed
        && matches!(free.seg.sep, Sep::Period | Sep::Comma | Sep::Dash)
        && crate::parse::kind::conference(&free.value))
    {
        return false;
    }
    f.container = Some(free.value.clone());
    state.after_container = true;
    state.last_free_was_title = false;
    true
}

/// Whether a page locator is a range ("45-67"), not one page.
fn is_page_range(pages: &str) -> bool {
    let mut parts = pages.split(crate::script::is_dash);
    let first = parts.next().unwrap_or_default();
    let second = parts.next().unwrap_or_default();
    [first, second]
        .iter()
        .all(|p| p.trim().starts_with(crate::script::is_digit))
}

/// "// Научные ведомости БелГУ. – Серия: История": the series is part of
/// the container's name, not a place and publisher.
fn series(free: &Free<'_>, f: &mut Fields, state: &mut State, ctx: &Ctx) -> bool {
    if let Some(c) = &mut f.container
        && nom::Parser::parse(
            &mut lex::word(&ctx.vocab.index.series_words),
            free.value.as_str(),
        )
        .is_ok()
    {
        c.push_str(". ");
        c.push_str(&free.value);
        state.after_container = true;
        return true;
    }
    false
}

/// "Şəki: Nurlar": the place and the publisher in one segment; after the
/// dash that opens the imprint area and before the year, also with a comma
/// ("… slovarğ. -Leninqrad, Nauka, 1967").
fn place_publisher(work: &str, free: &Free<'_>, f: &mut Fields, state: &mut State) -> bool {
    if f.place.is_some() {
        return false;
    }
    let before_year = free
        .next
        .is_some_and(|n| matches!(n.elem, Some(Elem::Year(_))));
    let area = work[..free.seg.range.start]
        .trim_end()
        .ends_with(crate::script::is_dash);
    let split = split_place_publisher(&free.value).or_else(|| {
        (area && before_year)
            .then(|| place_comma_publisher(&free.value))
            .flatten()
    });
    let Some((place, publisher)) = split else {
        return false;
    };
    f.place = Some(place);
    if f.publisher.is_none() {
        f.publisher = Some(publisher);
    }
    state.last_free_was_title = false;
    true
}

/// "تاريخ گزيده، حمدالله مستوفى، انتشارات …": in a Persian comma list the
/// name after the title is its author's; so it is in any script in a list
/// printed title first ("Behar Al-Anwar, Muhammad Baqir Majlisi, Dar …").
fn author_after_title(free: &Free<'_>, f: &mut Fields, state: &mut State, ctx: &Ctx) -> bool {
    let value = &free.value;
    if ctx.punctuation != style::Punctuation::Period
        && f.authors.is_empty()
        && state.last_free_was_title
        && matches!(free.seg.sep, Sep::Comma | Sep::Dash)
        && (f.title_first
            || value.chars().next().and_then(crate::script::script_of) == Some(Script::Arabic))
        && !contains_word(value, &ctx.vocab.index.publisher_words)
        && !contains_word(value, &ctx.vocab.index.journal_words)
        && !free.newspaper_named
        && !value.chars().any(crate::script::is_digit)
        && let Some(person) = if f.title_first {
            person::name_after_title(value, ctx.vocab)
        } else {
            person::single(value, ctx.vocab)
        }
    {
        f.authors.push(person);
        state.last_free_was_title = false;
        return true;
    }
    false
}

/// "تاريخ جرجان : حمزة بن يوسف السهمي ، المتوفّى ٤٢٧ هـ ، …", "معجم البلدان :
/// ياقوت بن عبد الله الحموي (المتوفّى ٦٢٦ ه) دار …": Arabic-script lists of
/// classical sources that print the title first, a spaced colon, then the
/// author given name first. The words after the colon are the author's (not
/// a subtitle) only when a particle (`بن`, `أبو`) is among them or a death
/// note or the author's years follow them, or when the list prints its
/// entries title first (`title_first`). Returns the title, the author and
/// the length of `text` read.
pub(super) fn title_colon_author(
    text: &str,
    title_first: bool,
    vocab: &Vocabulary,
) -> Option<(String, Person, usize)> {
    let arabic_word = |w: &str| {
        w.chars()
            .all(|c| crate::script::script_of(c) == Some(Script::Arabic) || c == '\u{200C}')
    };
    if text.chars().next().and_then(crate::script::script_of) != Some(Script::Arabic) {
        return None;
    }
    let (title, rest) = text.split_once(" : ")?;
    let title = title.trim();
    let title_words = title.split_whitespace().count();
    if title_words == 0 || title_words > 8 || title.contains(['،', ',', '(', '.']) {
        return None;
    }
    let end = rest
        .find(['،', ',', '(', '؛', ';', '.'])
        .unwrap_or(rest.len());
    let words: Vec<&str> = rest[..end].split_whitespace().collect();
    if !(2..=9).contains(&words.len()) || !words.iter().all(|w| arabic_word(w)) {
        return None;
    }
    let after = rest[end..].trim_start_matches(['،', ',', ' ']);
    let death = |s: &str| {
        nom::Parser::parse(&mut lex::word(&vocab.index.death_markers), s.trim_start()).is_ok()
    };
    let dated = after.strip_prefix('(').is_some_and(|inner| {
        death(inner) || inner.trim_start().starts_with(crate::script::is_digit)
    });
    let particle = words.iter().any(|w| person::is_particle(w, vocab));
    if !(title_first || particle || dated || death(after)) {
        return None;
    }
    let (family, given) = words.split_last()?;
    let author = Person {
        family: (*family).to_string(),
        given: Some(given.join(" ")),
        alias: None,
    };
    let len = text.len() - rest.len() + rest[..end].trim_end().len();
    Some((title.to_string(), author, len))
}

/// "… centuries. Makhachkala, 1975", "Xazarı. -S., 1976": a name opening
/// the imprint area right before the year is its place, known to the
/// vocabulary or not.
fn place_before_year(
    work: &str,
    free: &Free<'_>,
    f: &mut Fields,
    state: &mut State,
    ctx: &Ctx,
) -> bool {
    // "… development]. Cherkessk, Stavropol Publishing House, 1964": before
    // a publisher's name as before the year.
    let imprint_next = free.next.is_some_and(|n| {
        n.sep == Sep::Comma
            && match &n.elem {
                Some(Elem::Year(_)) => true,
                None => contains_word(&work[n.range.clone()], &ctx.vocab.index.publisher_words),
                Some(_) => false,
            }
    });
    // "Ahsan al-Taqasim, Maqdisi, Laiden, 1906": in a comma-style entry
    // one word after the names and the title, right before the year that
    // closes the entry, is its place.
    let comma_closing = ctx.punctuation == style::Punctuation::Comma
        && free.seg.sep == Sep::Comma
        && !state.last_free_was_title
        && !free.value.contains(' ')
        && f.publisher.is_none()
        && f.container.is_none()
        && f.issue.is_none()
        && free
            .next
            .is_some_and(|n| matches!(n.elem, Some(Elem::Year(_))) && n.sep == Sep::Comma)
        && free.after_next.is_none();
    if f.place.is_none()
        && f.title.is_some()
        && (matches!(free.seg.sep, Sep::Period | Sep::Dash) && imprint_next || comma_closing)
        && looks_like_place(&free.value)
        // "Gurjī, Abulqāsim.Tārīkh Fiqh wa Fuqahā'. Samt Publication, 1997.":
        // a name that says it is a publisher is no place.
        && !contains_word(&free.value, &ctx.vocab.index.publisher_words)
    {
        f.place = Some(free.value.clone());
        state.last_free_was_title = false;
        return true;
    }
    false
}

/// "…, Neşr-i Ney, Tahran.", "…, Baghdad University, Bahgdad, 1976.": a
/// name after the publisher, closing the entry or before its year, is the
/// place, known to the vocabulary or not.
fn place_after_publisher(work: &str, free: &Free<'_>, f: &mut Fields, ctx: &Ctx) -> bool {
    let after_publisher = free.prev.is_some_and(|p| {
        p.elem.is_none()
            && f.publisher.as_deref()
                == Some(tidy_keeping(&work[p.range.clone()], Some(ctx.vocab)).as_str())
    });
    let closing = free
        .next
        .is_none_or(|n| matches!(n.elem, Some(Elem::Year(_))));
    if f.place.is_none()
        && after_publisher
        && closing
        && free.seg.sep == Sep::Comma
        && looks_like_place(&free.value)
    {
        f.place = Some(free.value.clone());
        return true;
    }
    false
}

/// "…, Hitit Üniversitesi, Sosyal Bilimler Enstitüsü, Basılmamış Yüksek
/// Lisans Tezi, Çorum.", "…, Yayınlanmamış yüksek lisans tezi, Dicle
/// Üniversitesi, Diyarbakır": a Turkish thesis names the place of its
/// university last, after the thesis designation or the university.
fn place_after_thesis(free: &Free<'_>, f: &mut Fields) -> bool {
    let after_thesis = free
        .prev
        .is_some_and(|p| matches!(p.elem, Some(Elem::Thesis(_))));
    if f.place.is_none()
        && f.thesis
        && after_thesis
        && free.next.is_none()
        && free.seg.sep == Sep::Comma
        && looks_like_place(&free.value)
    {
        f.place = Some(free.value.clone());
        return true;
    }
    false
}

/// "Hitit Üniversitesi, Sosyal Bilimler Enstitüsü": an institution named
/// after the institution taken as the publisher, with a comma between, is
/// the part of it that published (a university's institute or faculty).
fn institution_continued(work: &str, free: &Free<'_>, f: &mut Fields, ctx: &Ctx) -> bool {
    let corporate = |s: &str| contains_word(s, &ctx.vocab.index.corporate);
    let after_publisher = free.prev.is_some_and(|p| {
        p.elem.is_none()
            && f.publisher.as_deref().is_some_and(|publisher| {
                corporate(publisher)
                    && publisher
                        .ends_with(tidy_keeping(&work[p.range.clone()], Some(ctx.vocab)).as_str())
            })
    });
    if !(after_publisher
        && free.seg.sep == Sep::Comma
        && !free.seg.bracketed
        && corporate(&free.value))
    {
        return false;
    }
    if let Some(publisher) = &mut f.publisher {
        publisher.push_str(", ");
        publisher.push_str(&free.value);
    }
    true
}

/// "تهران، کتابخانه، موزه و مرکز اسناد مجلس شورای اسلامی، 1390", "تهران،
/// امیرکبیر، شرکت کتابهای جیبی فرانکلین، ص 585": Persian imprints name a
/// publisher of several parts, or two publishers, with commas between; a
/// name in Arabic script after the publisher taken by the place, before the
/// year, the pages or the end, is more of the publisher.
fn publisher_continued(work: &str, free: &Free<'_>, f: &mut Fields, ctx: &Ctx) -> bool {
    let arabic = free
        .value
        .chars()
        .find(|c| c.is_letter())
        .and_then(crate::script::script_of)
        == Some(Script::Arabic);
    let after_publisher = free.prev.is_some_and(|p| {
        p.elem.is_none()
            && f.publisher.as_deref().is_some_and(|publisher| {
                publisher.ends_with(tidy_keeping(&work[p.range.clone()], Some(ctx.vocab)).as_str())
            })
    });
    let closing = free
        .next
        .is_none_or(|n| matches!(n.elem, None | Some(Elem::Year(_) | Elem::Pages(_))));
    if !(arabic
        && after_publisher
        && closing
        && f.place.is_some()
        && !f.publisher_guessed
        && free.seg.sep == Sep::Comma
        && !free.seg.bracketed)
    {
        return false;
    }
    if let Some(publisher) = &mut f.publisher {
        publisher.push_str("، ");
        publisher.push_str(&free.value);
    }
    true
}

/// "موسی نجفی، تأملات سیاسی …، ج 2، پژوهشگاه علوم انسانی و مطالعات فرهنگی،
/// 1375، ص 270", "علیاصغر شمیم، ایران در دورهی سلطنت قاجار، علمی، چ سوم،
/// 1371", "الصدوق، …، عيون أخبار الرضا (ع)، جهان، 1378 هجرى قمرى": Persian and
/// Arabic comma-style notes print the publisher, with or without its place,
/// right before the year; a name there, after the authors and the title (or
/// its volume or edition), is the publisher though no word says so.
fn publisher_before_year(free: &Free<'_>, f: &mut Fields, state: &mut State, ctx: &Ctx) -> bool {
    let value = &free.value;
    let arabic = value
        .chars()
        .find(|c| c.is_letter())
        .and_then(crate::script::script_of)
        == Some(Script::Arabic);
    let is_year = |s: Option<&imprint::Seg>| {
        s.is_some_and(|s| matches!(s.elem, Some(Elem::Year(_))) && s.sep == Sep::Comma)
    };
    let numbered = |s: Option<&imprint::Seg>| {
        s.is_some_and(|s| matches!(s.elem, Some(Elem::Edition(_) | Elem::Volume(_))))
    };
    let year_next = is_year(free.next) || numbered(free.next) && is_year(free.after_next);
    let after_title = state.last_free_was_title || numbered(free.prev);
    if arabic
        && ctx.punctuation == style::Punctuation::Comma
        && free.seg.sep == Sep::Comma
        && !free.seg.bracketed
        && !is_quoted(free.raw)
        && year_next
        && after_title
        && f.title.is_some()
        && !f.authors.is_empty()
        && f.publisher.is_none()
        && f.container.is_none()
        && (1..=6).contains(&value.split_whitespace().count())
        && !value.chars().any(crate::script::is_digit)
        && !contains_word(value, &ctx.vocab.index.journal_words)
        && !free.newspaper_named
    {
        f.publisher = Some(value.clone());
        state.last_free_was_title = false;
        return true;
    }
    false
}

/// A name in the imprint area: the publisher when it stands by the place
/// or says so ("Place: Publisher" replacing an earlier guess:
/// "Документальная хроника. М.: МНПИ" — the publisher is МНПИ); the
/// container when it names a periodical, a book (`… içinde`), a web site,
/// or comes before an issue, pages or a date.
fn publisher_or_periodical(
    work: &str,
    free: &Free<'_>,
    f: &mut Fields,
    state: &mut State,
    ctx: &Ctx,
) -> bool {
    let (seg, value) = (free.seg, &free.value);
    // "n.p.: Biwilaq": a marker of no place stands where the place would.
    let prev_place = free
        .prev
        .is_some_and(|p| matches!(p.elem, Some(Elem::Place(_) | Elem::NoImprint)));
    let publisherish = contains_word(value, &ctx.vocab.index.publisher_words);
    // "Publisher, Place, Year"; before "Place, Year" after a period a name is
    // a sentence of the title or the container ("… как исторический источник.
    // Источниковедческие разыскания. Тбилиси, 1982"), unless it says it is a
    // publisher.
    // The European imprint "Place Year", a space between them ("Sources and
    // documents, New Jersey 1972", "…, Grenoble/Paris 1902", "…, Ankara
    // 2025"), names no publisher before the place: a name there is the
    // title's, unless it says it is a publisher.
    let place_year_next = place_then_spaced_year(free)
        && !publisherish
        && !contains_word(value, &ctx.vocab.index.corporate);
    let next_place = !place_year_next
        && free.next.is_some_and(|n| {
            matches!(n.elem, Some(Elem::Place(_)))
                && (n.sep == Sep::Comma
                    || n.sep == Sep::Period && (publisherish || publisher_alone(free, f, ctx)))
        })
        || unknown_place_next(work, free, ctx);
    // An institution named by the place is the publisher, a periodical's
    // word in its name notwithstanding ("Tehran: Institute for Cultural
    // Studies and Research", "Kabul: Afghan History Association").
    let institution = (prev_place && !seg.bracketed || next_place)
        && (publisherish || contains_word(value, &ctx.vocab.index.corporate));
    let journalish = contains_word(value, &ctx.vocab.index.journal_words) && !institution
        || free.newspaper_named;
    let periodical_next = free.next.is_some_and(|n| {
        matches!(
            n.elem,
            Some(
                Elem::Issue(_)
                    | Elem::VolumeIssue(..)
                    | Elem::VolumePages(..)
                    | Elem::Pages(_)
                    | Elem::Date(..)
            )
        ) || (matches!(n.elem, Some(Elem::Volume(_))) && f.place.is_none())
            // "… персов 450 - 451 гг. - ВДИ, 1951, №4": a name before the
            // year and an issue, with no place, is a periodical's.
            || (matches!(n.elem, Some(Elem::Year(_)))
                && n.sep == Sep::Comma
                && f.place.is_none()
                && free
                    .after_next
                    .is_some_and(|a| matches!(a.elem, Some(Elem::Issue(_)))))
            || n.elem.is_none()
                && work[n.range.clone()]
                    .trim()
                    .chars()
                    .all(crate::script::is_digit)
    });
    let in_book = postposition_head(&fold(value), ctx.vocab).is_some();
    // A web page's second name is its site, not a publisher.
    let site = f.web && f.place.is_none() && f.container.is_none();
    // "…, Furugh-i Abadiyyat, Tajziya wa Tahlil…, Qum, Daftar-i Tablighat
    // Islami, 1363 sh/1984": the name after the place is the publisher, the
    // one guessed before the place part of the title or a note.
    let after_place = prev_place && matches!(seg.sep, Sep::Colon | Sep::Comma) && !seg.bracketed;
    if f.publisher_guessed && after_place && !journalish {
        if let Some(old) = f.publisher.replace(value.clone()) {
            if state.guess_after_title && f.subtitle.is_none() {
                f.subtitle = Some(old);
            } else {
                f.notes.push(old);
            }
        }
        f.publisher_guessed = false;
        state.last_free_was_title = false;
        return true;
    }
    let by_country = country_after_dash(value, ctx).filter(|_| f.place.is_none());
    // "…, Osmanlı Arşivi Daire Başkanlığı, Yayın Nu: 12.": the name before
    // a series number is the publisher that numbers it.
    let series_next = free
        .next
        .is_some_and(|n| imprint::series_number(&work[n.range.clone()], ctx).is_some());
    if f.publisher.is_none()
        && !journalish
        && !in_book
        && !site
        && (prev_place && !seg.bracketed
            || next_place
            || publisherish
            || series_next
            || by_country.is_some())
    {
        // "… abidə. Dilçilik məsələləri, «Elm», 2000, s.36-44": a publisher
        // after the container is its own, as a place would be: a book's.
        if f.container.is_some() {
            f.container_imprint = true;
        }
        f.publisher_guessed = !(prev_place || publisherish);
        state.guess_after_title = f.publisher_guessed
            && state.last_free_was_title
            && seg.sep == Sep::Comma
            && !value.chars().any(crate::script::is_digit);
        match by_country {
            Some((name, country)) => {
                f.publisher = Some(name);
                f.place = Some(country);
            }
            None => f.publisher = Some(value.clone()),
        }
        state.last_free_was_title = false;
        return true;
    }
    if f.container.is_none()
        && (journalish
            || in_book
            || f.web
            || (periodical_next && f.place.is_none() && f.publisher.is_none()))
    {
        set_container(f, value.clone(), ctx);
        state.after_container = true;
        state.last_free_was_title = false;
        return true;
    }
    // "// Избранные сочинения. В 2-х т. – М.: …": a sentence between the
    // container and the place is a note, not more of the container's name.
    if state.after_container
        && free
            .next
            .is_some_and(|n| matches!(n.elem, Some(Elem::Place(_))))
    {
        f.notes.push(value.clone());
        return true;
    }
    false
}

/// "… xəritəalma. Azərtədrisnəşr. Bakı, 1964", "… Dərslik. ADNA. Bakı,
/// 2006", "… Ginn & Company. Boston": a publisher's name standing alone
/// between the title (or a note after it) and the place, each closed by a
/// period; not after a volume or another element ("Том II. Литология.
/// Баку" names the part), nor a quote's tail. Only a name
/// of one word (an acronym, a compound, a hyphenated firm: `P-Elnur`) or
/// one of capitalised words joined by `&` is taken so: a sentence of
/// several words there is more of the title ("… источник.
/// Источниковедческие разыскания. Тбилиси, 1982"), and a genre word
/// (`Dərslik`, `Monoqrafiya`) describes the book.
fn publisher_alone(free: &Free<'_>, f: &Fields, ctx: &Ctx) -> bool {
    let value = free.value.as_str();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let words: Vec<&str> = value.split_whitespace().collect();
    let one_name = match words.as_slice() {
        [word] => word.chars().filter(|c| c.is_letter()).count() >= 2,
        [first, .., _] => {
            words.iter().all(|w| *w == "&" || capital(w)) && words.contains(&"&") && capital(first)
        }
        [] => false,
    };
    one_name
        && capital(value)
        && f.title.is_some()
        && f.container.is_none()
        && !free.seg.bracketed
        && free.seg.sep == Sep::Period
        && free.prev.is_some_and(|p| p.elem.is_none())
        && !free.raw.contains(['«', '»', '"', '“', '”', '„'])
        && !value.chars().any(crate::script::is_digit)
        && ctx.vocab.index.title_genres.match_start(value).is_none()
}

/// Whether the segments after `free` are a place, then after a space alone
/// the year: "…, New Jersey 1972", "…, Grenoble/Paris 1902".
fn place_then_spaced_year(free: &Free<'_>) -> bool {
    free.next.is_some_and(|n| {
        matches!(n.elem, Some(Elem::Place(_))) && matches!(n.sep, Sep::Comma | Sep::Period)
    }) && free
        .after_next
        .is_some_and(|a| matches!(a.elem, Some(Elem::Year(_))) && a.sep == Sep::Space)
}

/// "…, ed. Bassam ‘Abd al-Wahab al-Jabi, Al-Jaffan wa al-Jabi, Cypress,
/// 1407/1987.", "…, Qum, Madrisat al-Imam al-Mahdi, Qum, 1406": in a
/// comma-style entry a name followed by a place the vocabulary does not know
/// and the year closing the entry is the publisher (the imprint's order
/// "Publisher, Place, Year" of romanised Arabic and Persian bibliographies);
/// the place after it is then read by [`place_after_publisher`].
fn unknown_place_next(work: &str, free: &Free<'_>, ctx: &Ctx) -> bool {
    ctx.punctuation == style::Punctuation::Comma
        && free.seg.sep == Sep::Comma
        && !free.seg.bracketed
        && free
            .next
            .is_some_and(|n| n.elem.is_none() && n.sep == Sep::Comma && !n.bracketed)
        && free
            .after_next
            .is_some_and(|a| matches!(a.elem, Some(Elem::Year(_))) && a.sep == Sep::Comma)
        && imprint::publisher_place_year(&work[free.seg.range.start..], ctx)
}

/// "مهر- ايران", "المطبعة المرتضوية- ايران": a publisher joined by a dash
/// to the country it printed in, which stands for the place.
fn country_after_dash(value: &str, ctx: &Ctx) -> Option<(String, String)> {
    let (i, dash) = value
        .char_indices()
        .rev()
        .find(|&(_, c)| crate::script::is_dash(c))?;
    let (name, country) = (value[..i].trim(), value[i + dash.len_utf8()..].trim());
    let (len, _) = ctx.vocab.index.countries.match_start(country)?;
    (!name.is_empty() && len == country.len()).then(|| (name.to_string(), country.to_string()))
}

/// A sentence right after the container continues its name.
fn container_continued(free: &Free<'_>, f: &mut Fields, state: &State) -> bool {
    if !(state.after_container && free.seg.sep == Sep::Period && !free.seg.bracketed) {
        return false;
    }
    if let Some(c) = &mut f.container {
        c.push_str(". ");
        c.push_str(&free.value);
    }
    true
}

/// Takes a free segment as the container: editors printed before it
/// ("Clark, R. (ed.) The Soviet South", "P. Avery & G. Hambly (Eds.), …"),
/// the Turkish postposition "… içinde", and a volume or volume/issue printed
/// after a journal's name ("Iranian Studies 45", "… Dergisi 12/2").
fn set_container(f: &mut Fields, value: String, ctx: &Ctx) {
    // A thesis is in no container: an institution's name where one would
    // stand is the thesis's university ("Yayımlanmamış Doktora Tezi,
    // İstanbul: Marmara Üniversitesi Türkiyat Araştırmaları Enstitüsü").
    if f.thesis && f.publisher.is_none() && contains_word(&value, &ctx.vocab.index.corporate) {
        f.publisher = Some(value);
        return;
    }
    let mut value = value;
    let folded = fold(&value);
    if let Some(head) = postposition_head(&folded, ctx.vocab) {
        // The head's length in the original, not in the folded copy.
        if let Some(len) = crate::script::folded_prefix_len(&value, head) {
            value.truncate(len);
            f.container_marker = true;
        }
    }
    if let Some(block) = person::author_block(&value, ctx.vocab)
        && block.editors
    {
        f.editors.extend(block.people);
        value = value[block.len..]
            .trim_start_matches([',', ' ', '.'])
            .to_string();
        f.container_marker = true;
    }
    // Trailing "45", "12/2", "12(3)".
    if let Some((name, tail)) = value.rsplit_once(' ')
        && !name.is_empty()
        && (contains_word(name, &ctx.vocab.index.journal_words)
            || name.split_whitespace().count() >= 2)
    {
        let nums: Vec<&str> = tail
            .split(['/', '(', ')'])
            .filter(|x| !x.is_empty())
            .collect();
        if !nums.is_empty()
            && nums.len() <= 2
            && nums.iter().all(|n| n.chars().all(crate::script::is_digit))
            && !(nums.len() == 1 && nums[0].chars().count() == 4)
        {
            f.volume
                .get_or_insert_with(|| crate::script::ascii_digits(nums[0]));
            if let Some(issue) = nums.get(1) {
                f.issue
                    .get_or_insert_with(|| crate::script::ascii_digits(issue));
            }
            f.journal = true;
            value = name.to_string();
        }
    }
    if let Some((name, volume)) = roman_volume(&value, ctx.vocab) {
        f.volume.get_or_insert(volume);
        f.journal = true;
        value = name;
    }
    if let Some((name, locator)) = trailing_locator(&value, ctx.vocab) {
        let slot = if locator.meaning == Meaning::Volume {
            &mut f.volume
        } else {
            f.journal = true;
            &mut f.issue
        };
        set_or_note(slot, locator.normalized, &mut f.notes);
        value = name;
    }
    if contains_word(&value, &ctx.vocab.index.newspaper_words) {
        f.newspaper = true;
    } else if contains_word(&value, &ctx.vocab.index.journal_words) {
        f.journal = true;
    }
    // A collection's designation after the name, kept as printed or not
    // ("…: сб. науч. ст.", "…: Tematik məcmuə"), makes the container a
    // collection (kind::collection reads only the name's first word).
    f.collection |= value.split_once(':').is_some_and(|(_, info)| {
        contains_word(info, &ctx.vocab.index.collection_designations)
            || contains_word(info, &ctx.vocab.index.container_genres)
    });
    // GOST other title information of the container: "Россия и Кавказ :
    // сб. ст." keeps its name; the rest is a note.
    // "…: elmi məqalələr toplusu" names the genre, not the book.
    if let Some((name, info)) = value.split_once(" : ").or_else(|| {
        value
            .split_once(": ")
            // "Дидактика математики: проблемы и исследования: международный
            // сборник научных работ": after a subtitle the genre is part of
            // the name as printed.
            .filter(|(_, info)| {
                contains_word(info, &ctx.vocab.index.container_genres) && !info.contains(':')
            })
    }) {
        f.notes.push(info.trim().to_string());
        value = name.trim().to_string();
    }
    f.container = Some(value);
}

/// A journal's volume in Roman numerals after a comma at the end of its
/// name: "Arkeoloji-Sanat Tarihi Dergisi, I". Returns the name and the
/// volume in Arabic numerals.
fn roman_volume(value: &str, vocab: &Vocabulary) -> Option<(String, String)> {
    let (name, tail) = value.rsplit_once(", ")?;
    let (rest, n) = lex::roman(tail.trim()).ok()?;
    (rest.is_empty() && contains_word(name, &vocab.index.journal_words))
        .then(|| (name.to_string(), n.to_string()))
}

/// A volume or issue printed inside the container's segment, at its end:
/// "دانشنامۀ جهان اسلام، ج۱۵", "Среднее профессиональное образование
/// №2(294)". Returns the name before it and the locator.
fn trailing_locator<'a>(
    value: &'a str,
    vocab: &'a Vocabulary,
) -> Option<(String, locator::Labelled<'a>)> {
    value
        .char_indices()
        .filter(|&(at, c)| at > 0 && (c.is_whitespace() || matches!(c, ',' | '،')))
        .find_map(|(at, c)| {
            let tail = value[at + c.len_utf8()..].trim_start();
            let (rest, found) = nom::Parser::parse(&mut locator::labelled(vocab), tail).ok()?;
            let name = value[..at].trim_end_matches([',', '،', ' ', '.']);
            (matches!(found.meaning, Meaning::Volume | Meaning::Issue)
                && rest
                    .trim_matches(|c: char| c.is_whitespace() || c == '.')
                    .is_empty()
                && name.chars().any(crate::script::is_letter))
            .then(|| (name.to_string(), found))
        })
}

/// The container's name before a postposed container marker
/// (`… içinde`), in the folded text `folded`.
pub(super) fn postposition_head<'a>(folded: &'a str, vocab: &Vocabulary) -> Option<&'a str> {
    vocab.imprint.container_postpositions.iter().find_map(|p| {
        folded
            .strip_suffix(fold(p).as_str())
            .and_then(|head| head.strip_suffix(' '))
    })
}

/// A title as printed, without surrounding quotes and the punctuation
/// Chicago puts inside them ("“The Enzeli Landing of 1920.”").
fn clean_title(t: &str, vocab: &Vocabulary) -> String {
    tidy_keeping(&strip_quotes(t), Some(vocab))
}

/// A thesis designation, with the institution printed after it split off:
/// "PhD diss., University of London", "Doktora Tezi. Ankara Üniversitesi",
/// "پایان‌نامه کارشناسی ارشد تاریخ، دانشگاه تهران".
fn thesis_designation(f: &mut Fields, text: String, vocab: &Vocabulary) {
    f.thesis = true;
    let split = text.match_indices([',', '،', '.']).find_map(|(i, sep)| {
        let rest = text[i + sep.len()..].trim_start();
        let cased = rest.chars().next().is_some_and(|c| {
            c.is_uppercase() || crate::script::script_of(c) == Some(Script::Arabic)
        });
        (cased
            && contains_word(&text[..i], &vocab.index.thesis_list)
            && contains_word(rest, &vocab.index.corporate))
        .then_some(i)
    });
    let (genre, institution) = match split {
        Some(i) => {
            let sep_len = text[i..].chars().next().map_or(1, char::len_utf8);
            (
                text[..i].trim().to_string(),
                Some(text[i + sep_len..].trim().to_string()),
            )
        }
        None => (text.trim().to_string(), None),
    };
    set_or_note(&mut f.genre, genre, &mut f.notes);
    if let Some(institution) = institution {
        set_or_note(&mut f.publisher, institution, &mut f.notes);
    }
}

pub(super) fn set_or_note(slot: &mut Option<String>, value: String, notes: &mut Vec<String>) {
    if slot.is_none() {
        *slot = Some(value);
    } else if slot.as_deref() != Some(value.as_str()) {
        notes.push(value);
    }
}

/// "Şəki: Nurlar" -> ("Şəki", "Nurlar") when the left side is a short
/// capitalised name.
fn split_place_publisher(value: &str) -> Option<(String, String)> {
    let (left, right) = value.split_once(':')?;
    let left = left.trim();
    let right = right.trim();
    let words = left.split_whitespace().count();
    let name_like = left.starts_with(char::is_uppercase)
        || left.chars().next().and_then(crate::script::script_of) == Some(Script::Arabic);
    if left.is_empty() || right.is_empty() || words > 3 || !name_like {
        return None;
    }
    Some((left.to_string(), strip_quotes(right)))
}

/// "Leninqrad, Nauka" -> ("Leninqrad", "Nauka") when the left side looks
/// like a place.
fn place_comma_publisher(value: &str) -> Option<(String, String)> {
    let (left, right) = value.split_once(',')?;
    let (left, right) = (left.trim(), right.trim());
    (looks_like_place(left) && !right.is_empty() && !right.contains(','))
        .then(|| (left.to_string(), strip_quotes(right)))
}

/// One or two capitalised words, or a one- or two-letter abbreviation with
/// its period (`M.`, `S.`): what a place of publication looks like.
pub(super) fn looks_like_place(value: &str) -> bool {
    let words: Vec<&str> = value.split_whitespace().collect();
    let capital = |w: &&str| {
        w.starts_with(char::is_uppercase)
            && w.chars().all(|c| c.is_letter() || matches!(c, '-' | '.'))
    };
    match words.as_slice() {
        [w] if w.ends_with('.') => w.chars().filter(|c| c.is_letter()).count() <= 3 && capital(w),
        [_] | [_, _] => words.iter().all(capital) && !value.contains('.'),
        _ => false,
    }
}

/// "1917–1920", "1920-1921": a span of years and nothing else.
fn is_year_span(s: &str) -> bool {
    let parts: Vec<&str> = s
        .split(|c: char| crate::script::is_dash(c))
        .map(str::trim)
        .collect();
    parts.len() == 2
        && parts.iter().all(|p| {
            p.chars().count() == 4
                && lex::parse_number(p).is_some_and(|n| (1000..=2100).contains(&n))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;

    /// The fields `assign` makes of `text` (read as if after the names).
    fn assigned(text: &str, lang: Language) -> Fields {
        let vocab = Vocabulary::builtin();
        let mut ctx = Ctx::new(&vocab, Some(lang));
        ctx.punctuation = style::punctuation(text, &vocab);
        let segs = imprint::segments(text, 0, text.len(), &ctx);
        let mut f = Fields::default();
        assign(text, &segs, &mut f, &ctx);
        f
    }

    #[test]
    fn a_dash_before_a_name_and_the_part_s_numbers_opens_the_container() {
        for (text, container) in [
            (
                "Сюния и оборона. - Изв. Арм., ФАН СССР, 1941, №7, с. 33 - 40.",
                "Изв. Арм., ФАН СССР",
            ),
            ("O nazvanii reka Kura.-DAN Azerb.SSR,1959,", "DAN Azerb.SSR"),
            (
                "Moisey. -ADU, Elmi əsərlər, 1974, 4, s.85.",
                "ADU, Elmi əsərlər",
            ),
        ] {
            let f = assigned(text, Language::Ru);
            assert_eq!(f.container.as_deref(), Some(container), "{text}");
        }
        // A place and publisher, a subtitle, a lone place stay what they are.
        for text in [
            "Многоликая Клио. - Брауншвейг: Ин-т им. Г. Эккерта. - 2010. - 142 с.",
            "Azərbaycan tarixi. -Ən qədim dövrlərdən, EA nəşri, 1993.",
            "Очерк истории. - Нальчик, 1980, с. 12-20.",
        ] {
            assert_eq!(assigned(text, Language::Ru).container, None, "{text}");
        }
        let text = "فرهنگ‌ستیزی 1317 - 1320 ه - ش، تهران، 1376، صص 100-153.";
        assert_eq!(assigned(text, Language::Fa).container, None);
    }

    #[test]
    fn the_first_free_text_is_the_title_and_a_double_slash_opens_the_container() {
        let f = assigned(
            "Армянский вопрос в политике России // Вопросы истории. 1990. № 3. С. 12–20.",
            Language::Ru,
        );
        assert_eq!(
            f.title.as_deref(),
            Some("Армянский вопрос в политике России")
        );
        assert_eq!(f.container.as_deref(), Some("Вопросы истории"));
        assert_eq!(f.issue.as_deref(), Some("3"));
    }

    #[test]
    fn a_statement_of_responsibility_names_the_authors() {
        let f = assigned(
            "Нефтяная промышленность Апшерона / А. Б. Мамедов. М., 1990.",
            Language::Ru,
        );
        assert_eq!(f.title.as_deref(), Some("Нефтяная промышленность Апшерона"));
        assert_eq!(
            f.authors.first().map(|p| p.family.as_str()),
            Some("Мамедов")
        );
    }

    #[test]
    fn a_sentence_between_the_container_and_the_place_is_a_note() {
        let f = assigned(
            "Путешествие в Арзрум // Избранные сочинения. В 2-х т. – М.: Худож. лит., 1978.",
            Language::Ru,
        );
        assert_eq!(f.container.as_deref(), Some("Избранные сочинения"));
        assert!(f.notes.iter().any(|n| n == "В 2-х т"));
    }

    #[test]
    fn a_sentence_before_place_and_year_is_no_publisher() {
        let f = assigned(
            "Китаб-и Дийарбакрийа как исторический источник. Источниковедческие разыскания. Тбилиси, 1982.",
            Language::Ru,
        );
        assert_eq!(f.publisher, None);
        assert_eq!(f.place.as_deref(), Some("Тбилиси"));
    }

    #[test]
    fn a_name_standing_alone_before_the_place_is_the_publisher() {
        for (text, publisher) in [
            (
                "Struktur geologiya və geoloji xəritəalma. Azərtədrisnəşr. Bakı, 1964",
                "Azərtədrisnəşr",
            ),
            (
                "Neft-qaz yataqlarının axtarışı və kəşfiyyatı. Dərslik. ADNA. Bakı, 2006",
                "ADNA",
            ),
        ] {
            let f = assigned(text, Language::Az);
            assert_eq!(f.publisher.as_deref(), Some(publisher), "{text}");
            assert_eq!(f.place.as_deref(), Some("Bakı"), "{text}");
        }
        // After a volume the name is the part's; a genre word describes the book.
        for text in [
            "Геология Азербайджана. Том II. Литология. Баку, 2005",
            "Neft-qaz yataqlarının axtarışı. Dərslik. Bakı, 2006",
        ] {
            assert_eq!(assigned(text, Language::Az).publisher, None, "{text}");
        }
    }

    #[test]
    fn a_name_before_the_year_and_an_issue_is_the_periodical() {
        let f = assigned(
            "Страна «Махелония» надписи Каба-и-Зардушт, ВДИ, 1967, №4.",
            Language::Ru,
        );
        assert_eq!(f.container.as_deref(), Some("ВДИ"));
        assert_eq!(f.issue.as_deref(), Some("4"));
        assert_eq!(f.publisher, None);
    }

    #[test]
    fn an_institution_by_the_place_is_the_publisher() {
        let f = assigned(
            "Nozhat Nāme. Tehran: Institute for Cultural Studies and Research.",
            Language::En,
        );
        assert_eq!(
            f.publisher.as_deref(),
            Some("Institute for Cultural Studies and Research")
        );
        assert_eq!(f.container, None);
    }

    #[test]
    fn the_name_after_the_place_replaces_a_guessed_publisher() {
        let f = assigned(
            "Furugh-i Abadiyyat, Tajziya wa Tahlil, Qum, Daftar-i Tablighat Islami, 1363 sh/1984.",
            Language::En,
        );
        assert_eq!(f.publisher.as_deref(), Some("Daftar-i Tablighat Islami"));
        assert_eq!(f.subtitle.as_deref(), Some("Tajziya wa Tahlil"));
        assert_eq!(f.place.as_deref(), Some("Qum"));
    }

    #[test]
    fn arabic_publishers_by_their_head_word() {
        let f = assigned("معجم الفرق ، دار الأضواء ، بيروت ـ ١٤٠٦ ه.", Language::Fa);
        assert_eq!(f.publisher.as_deref(), Some("دار الأضواء"));
        assert_eq!(f.place.as_deref(), Some("بيروت"));
        assert!(f.authors.is_empty());
    }

    #[test]
    fn a_name_after_the_publisher_closing_the_entry_is_the_place() {
        let f = assigned(
            "Nazariyyehâ-yi Devlet, c. III, Neşr-i Ney, Tahran.",
            Language::Tr,
        );
        assert_eq!(f.publisher.as_deref(), Some("Neşr-i Ney"));
        assert_eq!(f.place.as_deref(), Some("Tahran"));
    }

    #[test]
    fn a_country_joined_to_the_publisher_is_the_place() {
        let f = assigned(
            "الخصائص الزينبية، الطبعة الأولى 1341، المطبعة المرتضوية- ايران.",
            Language::Fa,
        );
        assert_eq!(f.publisher.as_deref(), Some("المطبعة المرتضوية"));
        assert_eq!(f.place.as_deref(), Some("ايران"));
        let f = assigned(
            "اللهوف في قتلى الطفوف، الطبعة الأولى 1417هـ، مهر- ايران.",
            Language::Fa,
        );
        assert_eq!(f.publisher.as_deref(), Some("مهر"));
    }

    #[test]
    fn place_and_publisher_after_the_area_dash() {
        let f = assigned(
            "Drevnetörkskiy slovarğ. -Leninqrad, Nauka, 1967.",
            Language::Az,
        );
        assert_eq!(f.place.as_deref(), Some("Leninqrad"));
        assert_eq!(f.publisher.as_deref(), Some("Nauka"));
        let f = assigned(
            "Cherkesskaia sovetskaia literatura. Cherkessk, Stavropol Publishing House, 1964.",
            Language::En,
        );
        assert_eq!(f.place.as_deref(), Some("Cherkessk"));
        assert_eq!(f.publisher.as_deref(), Some("Stavropol Publishing House"));
    }

    #[test]
    fn a_name_before_the_year_or_a_publisher_is_the_place() {
        let f = assigned(
            "Zirikhgeran – Kubachi: Essays on history and culture. Makhachkala, 2005.",
            Language::En,
        );
        assert_eq!(f.place.as_deref(), Some("Makhachkala"));
    }

    #[test]
    fn a_persian_name_after_the_title_is_its_author() {
        let f = assigned(
            "تاريخ گزيده، حمدالله مستوفى، انتشارات اميركبير، تهران، 1362.",
            Language::Fa,
        );
        assert_eq!(f.title.as_deref(), Some("تاريخ گزيده"));
        assert_eq!(f.authors.len(), 1);
    }

    #[test]
    fn a_name_after_a_spaced_colon_is_the_author_when_a_particle_or_death_note_says_so() {
        let vocab = Vocabulary::builtin();
        let text = "تاريخ جرجان : حمزة بن يوسف السهمي ، المتوفّى ٤٢٧ هـ ، بيروت.";
        let (title, author, len) = title_colon_author(text, false, &vocab).expect("title first");
        assert_eq!(title, "تاريخ جرجان");
        assert_eq!(author.family, "السهمي");
        assert_eq!(author.given.as_deref(), Some("حمزة بن يوسف"));
        assert!(text[len..].starts_with(" ،"));
        let dated = "مقاتل الطالبيين : أبو الفرج الاصفهاني (٢٨٤ ـ ٣٥٦ ه) قم.";
        assert!(title_colon_author(dated, false, &vocab).is_some());
        // Without a particle or a death note it may be a subtitle.
        let subtitle = "تاريخ ايران : دوره صفويه ، تهران، 1380.";
        assert_eq!(title_colon_author(subtitle, false, &vocab), None);
    }

    #[test]
    fn a_thesis_designation_of_its_own_makes_a_thesis() {
        let f = assigned(
            "Şirvan xanlığı. Tarix üzrə elmlər doktoru dissertasiyası. Bakı, 2005.",
            Language::Az,
        );
        assert!(f.thesis);
        assert_eq!(f.title.as_deref(), Some("Şirvan xanlığı"));
    }

    #[test]
    fn a_thesis_has_its_university_where_a_container_would_stand() {
        let f = assigned(
            "Harezm Türkçesi, Yayımlanmamış Doktora Tezi, İstanbul: Marmara Üniversitesi Türkiyat Araştırmaları Enstitüsü.",
            Language::Tr,
        );
        assert!(f.thesis);
        assert_eq!(f.container, None);
        assert_eq!(
            f.publisher.as_deref(),
            Some("Marmara Üniversitesi Türkiyat Araştırmaları Enstitüsü")
        );
    }

    #[test]
    fn a_series_continues_the_container() {
        let f = assigned(
            "Кавказская политика // Научные ведомости БелГУ. Серия: История. 2010. № 7.",
            Language::Ru,
        );
        assert_eq!(
            f.container.as_deref(),
            Some("Научные ведомости БелГУ. Серия: История")
        );
    }

    #[test]
    fn a_volume_or_issue_at_the_end_of_the_container_is_split_off() {
        let f = assigned(
            "Реформирование образования // Среднее профессиональное образование №2(294), 2020. С. 59-61.",
            Language::Ru,
        );
        assert_eq!(
            f.container.as_deref(),
            Some("Среднее профессиональное образование")
        );
        assert_eq!(f.issue.as_deref(), Some("2(294)"));
        let vocab = Vocabulary::builtin();
        let (name, issue) =
            trailing_locator("Среднее профессиональное образование №2(294)", &vocab)
                .expect("an issue");
        assert_eq!(name, "Среднее профессиональное образование");
        assert_eq!(issue.meaning, Meaning::Issue);
        let (name, volume) = trailing_locator("Türkler, C. 5", &vocab).expect("a volume");
        assert_eq!(
            (name.as_str(), volume.normalized.as_str()),
            ("Türkler", "5")
        );
        assert_eq!(
            roman_volume("Arkeoloji-Sanat Tarihi Dergisi, I", &vocab),
            Some((
                "Arkeoloji-Sanat Tarihi Dergisi".to_string(),
                "1".to_string()
            ))
        );
        assert_eq!(roman_volume("Türkler, I", &vocab), None);
        // A number that is part of the name stays.
        assert!(trailing_locator("Преподаватель XXI век", &vocab).is_none());
    }

    #[test]
    fn a_bracket_after_the_title_is_its_subtitle() {
        let f = assigned(
            "Vestnik Vostokovedeniia. [Herald of Oriental Studies]. 1964.",
            Language::En,
        );
        assert_eq!(f.title.as_deref(), Some("Vestnik Vostokovedeniia"));
        assert_eq!(f.subtitle.as_deref(), Some("Herald of Oriental Studies"));
    }
}
