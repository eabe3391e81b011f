//! Parse: the assembly of an entry's segments into fields — what each free
//! or recognised segment after the names is (title, container, place,
//! publisher, …), in the order a reader meets them.
use super::imprint::{self, Ctx, Elem, Sep};
use super::{Fields, is_quoted, lex, person, strip_quotes, style, tidy, tidy_keeping};
use crate::script::{Script, fold};
use crate::vocab::{Vocabulary, contains_word};

/// Decides what each segment is.
pub(super) fn assign(work: &str, segs: &[imprint::Seg], f: &mut Fields, ctx: &Ctx) {
    let mut container_mode = false;
    let mut last_free_was_title = false;
    let mut after_container = false;
    for (idx, seg) in segs.iter().enumerate() {
        if seg.sep == Sep::DoubleSlash {
            container_mode = true;
        }
        let prev = idx.checked_sub(1).and_then(|i| segs.get(i));
        let next = segs.get(idx + 1);
        match &seg.elem {
            Some(elem) => {
                let is_year = matches!(elem, Elem::Year(_));
                match elem.clone() {
                    Elem::ContainerMarker => {
                        container_mode = true;
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
                            Some(existing) if !container_mode => {
                                existing.push_str(&format!("; {p}"))
                            }
                            Some(_) => {}
                            None => f.place = Some(p),
                        }
                    }
                    Elem::Edition(e) => f.edition = Some(e),
                    Elem::Editors(p) => {
                        if container_mode {
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
                    Elem::NoDate => {}
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
                if !is_year {
                    last_free_was_title = false;
                }
                after_container = false;
            }
            None => {
                let raw = &work[seg.range.clone()];
                let value = tidy_keeping(raw, Some(ctx.vocab));
                if value.is_empty() {
                    continue;
                }
                let bracket_inner = seg.bracketed.then(|| tidy(&raw[1..raw.len() - 1]));
                if seg.sep == Sep::Slash {
                    // GOST statement of responsibility: "/ И.И. Иванов".
                    let names = imprint::split_names(&value, ctx);
                    if f.authors.is_empty()
                        && !names.is_empty()
                        && names.iter().all(|p| p.given.is_some())
                    {
                        f.authors = names;
                    } else if !names.is_empty() && names.iter().all(|p| p.given.is_some()) {
                        // repeated responsibility: nothing new
                    } else {
                        f.notes.push(value);
                    }
                    continue;
                }
                let newspaper_named = contains_word(&value, &ctx.vocab.index.newspaper_words);
                if f.title.is_none() && !container_mode {
                    // "«Kommunist» qəzeti, 22 oktyabr 1920": the newspaper is
                    // the container, there is no article title.
                    if newspaper_named && f.container.is_none() {
                        f.newspaper = true;
                        f.container = Some(value);
                        after_container = true;
                        continue;
                    }
                    f.title_quoted = is_quoted(raw);
                    f.title = Some(clean_title(&bracket_inner.unwrap_or(value), ctx.vocab));
                    last_free_was_title = true;
                    continue;
                }
                if container_mode && f.container.is_none() {
                    set_container(f, value, ctx);
                    after_container = true;
                    continue;
                }
                // "Tarix üzrə elmlər doktoru dissertasiyası": a thesis
                // designation printed as a sentence of its own.
                if contains_word(&value, &ctx.vocab.index.thesis_list) {
                    thesis_designation(f, value, ctx.vocab);
                    last_free_was_title = false;
                    continue;
                }
                // "Encyclopaedia Iranica, "Gilan," https://…": on the web the
                // quoted name is the page, the one before it the site.
                if f.web && f.container.is_none() && is_quoted(raw) && !f.title_quoted {
                    f.container = f.title.take();
                    f.title = Some(clean_title(&value, ctx.vocab));
                    f.title_quoted = true;
                    continue;
                }
                if let Some(inner) = bracket_inner.clone()
                    && last_free_was_title
                    && f.subtitle.is_none()
                {
                    f.subtitle = Some(inner);
                    last_free_was_title = false;
                    continue;
                }
                // "… к независимости. 1917–1920. М.: …": the years a title
                // covers, printed after it, belong to it.
                if last_free_was_title && seg.sep == Sep::Period && is_year_span(&value) {
                    if let Some(t) = &mut f.title {
                        t.push_str(". ");
                        t.push_str(&value);
                    }
                    continue;
                }
                // A bare number: a journal's volume right after its name,
                // a newspaper's page after its date.
                if value.chars().all(crate::script::is_digit) {
                    if after_container && f.volume.is_none() && f.date.is_none() {
                        f.volume = Some(crate::script::ascii_digits(&value));
                    } else if f.date.is_some() && f.pages.is_none() {
                        f.pages = Some(crate::script::ascii_digits(&value));
                    } else {
                        f.notes.push(value);
                    }
                    continue;
                }
                // "// Научные ведомости БелГУ. – Серия: История": the series
                // is part of the container's name, not a place and publisher.
                if let Some(c) = &mut f.container
                    && nom::Parser::parse(
                        &mut lex::word(&ctx.vocab.index.series_words),
                        value.as_str(),
                    )
                    .is_ok()
                {
                    c.push_str(". ");
                    c.push_str(&value);
                    after_container = true;
                    continue;
                }
                if f.place.is_none()
                    && let Some((place, publisher)) = split_place_publisher(&value)
                {
                    f.place = Some(place);
                    if f.publisher.is_none() {
                        f.publisher = Some(publisher);
                    }
                    last_free_was_title = false;
                    continue;
                }
                // "تاريخ گزيده، حمدالله مستوفى، انتشارات …": in a Persian
                // comma list the name after the title is its author's.
                if ctx.punctuation != style::Punctuation::Period
                    && f.authors.is_empty()
                    && last_free_was_title
                    && matches!(seg.sep, Sep::Comma | Sep::Dash)
                    && value.chars().next().and_then(crate::script::script_of)
                        == Some(Script::Arabic)
                    && !contains_word(&value, &ctx.vocab.index.publisher_words)
                    && !contains_word(&value, &ctx.vocab.index.journal_words)
                    && !newspaper_named
                    && !value.chars().any(crate::script::is_digit)
                    && let Some(person) = person::single(&value, ctx.vocab)
                {
                    f.authors.push(person);
                    last_free_was_title = false;
                    continue;
                }
                // "… centuries. Makhachkala, 1975", "Xazarı. -S., 1976": a name
                // opening the imprint area right before the year is its place,
                // known to the vocabulary or not.
                if f.place.is_none()
                    && f.title.is_some()
                    && matches!(seg.sep, Sep::Period | Sep::Dash)
                    && next.is_some_and(|n| {
                        matches!(n.elem, Some(Elem::Year(_))) && n.sep == Sep::Comma
                    })
                    && looks_like_place(&value)
                {
                    f.place = Some(value);
                    last_free_was_title = false;
                    continue;
                }
                let prev_place = prev.is_some_and(|p| matches!(p.elem, Some(Elem::Place(_))));
                let next_place = next.is_some_and(|n| {
                    matches!(n.elem, Some(Elem::Place(_)))
                        && matches!(n.sep, Sep::Period | Sep::Comma)
                });
                let publisherish = contains_word(&value, &ctx.vocab.index.publisher_words);
                let journalish =
                    contains_word(&value, &ctx.vocab.index.journal_words) || newspaper_named;
                let periodical_next = next.is_some_and(|n| {
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
                        || n.elem.is_none()
                            && work[n.range.clone()]
                                .trim()
                                .chars()
                                .all(crate::script::is_digit)
                });
                let in_book = postposition_head(&fold(&value), ctx.vocab).is_some();
                // A web page's second name is its site, not a publisher.
                let site = f.web && f.place.is_none() && f.container.is_none();
                // "Place: Publisher" is surer than a name next to a place:
                // it replaces an earlier guess ("Документальная хроника. М.:
                // МНПИ" — the publisher is МНПИ).
                let after_colon = prev_place && seg.sep == Sep::Colon && !seg.bracketed;
                if f.publisher_guessed && after_colon && !journalish {
                    if let Some(old) = f.publisher.replace(value) {
                        f.notes.push(old);
                    }
                    f.publisher_guessed = false;
                    last_free_was_title = false;
                    continue;
                }
                if f.publisher.is_none()
                    && !journalish
                    && !in_book
                    && !site
                    && (prev_place && !seg.bracketed || next_place || publisherish)
                {
                    f.publisher_guessed = !(prev_place || publisherish);
                    f.publisher = Some(value);
                    last_free_was_title = false;
                    continue;
                }
                if f.container.is_none()
                    && (journalish
                        || in_book
                        || f.web
                        || (periodical_next && f.place.is_none() && f.publisher.is_none()))
                {
                    set_container(f, value, ctx);
                    after_container = true;
                    last_free_was_title = false;
                    continue;
                }
                if after_container && seg.sep == Sep::Period && !seg.bracketed {
                    if let Some(c) = &mut f.container {
                        c.push_str(". ");
                        c.push_str(&value);
                    }
                    continue;
                }
                f.notes.push(value);
                last_free_was_title = false;
            }
        }
    }
}

/// Takes a free segment as the container: editors printed before it
/// ("Clark, R. (ed.) The Soviet South", "P. Avery & G. Hambly (Eds.), …"),
/// the Turkish postposition "… içinde", and a volume or volume/issue printed
/// after a journal's name ("Iranian Studies 45", "… Dergisi 12/2").
fn set_container(f: &mut Fields, value: String, ctx: &Ctx) {
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
    if contains_word(&value, &ctx.vocab.index.newspaper_words) {
        f.newspaper = true;
    } else if contains_word(&value, &ctx.vocab.index.journal_words) {
        f.journal = true;
    }
    // GOST other title information of the container: "Россия и Кавказ :
    // сб. ст." keeps its name; the rest is a note.
    // "…: elmi məqalələr toplusu" names the genre, not the book.
    if let Some((name, info)) = value.split_once(" : ").or_else(|| {
        value
            .split_once(": ")
            .filter(|(_, info)| contains_word(info, &ctx.vocab.index.container_genres))
    }) {
        f.notes.push(info.trim().to_string());
        value = name.trim().to_string();
    }
    f.container = Some(value);
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

/// One or two capitalised words, or a one- or two-letter abbreviation with
/// its period (`M.`, `S.`): what a place of publication looks like.
pub(super) fn looks_like_place(value: &str) -> bool {
    let words: Vec<&str> = value.split_whitespace().collect();
    let capital = |w: &&str| {
        w.starts_with(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '.'))
    };
    match words.as_slice() {
        [w] if w.ends_with('.') => {
            w.chars().filter(|c| c.is_alphabetic()).count() <= 3 && capital(w)
        }
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
