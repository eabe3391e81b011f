//! Split: Source -> Document { body, reference section, entries } (finds the list by its heading).
//!
//! The list is found under a heading of any of the five languages
//! (`bib/headings.toml`), compared after Markdown marks, numbering and a
//! trailing colon are removed and Turkic İ/ı folded. It runs until the next
//! heading that is neither a reference heading nor a group heading, unless
//! the list's numbering carries on right after it. A file without such a
//! heading is read as a list as a whole when it looks like one.

use crate::diagnostic::Diagnostic;
use crate::rule::Rule;
use crate::script::Letter;
use crate::script::{digit_value, fold, is_digit};
use crate::source::{Line, Source, Span, lines_in};
use crate::vocab::Vocabulary;

/// A manuscript divided into its parts.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// The text in which citations are sought (before the list's heading).
    pub body: Span,
    /// The heading line of the reference list.
    pub heading: Option<Span>,
    /// The reference section, from after the heading to its end.
    pub section: Option<Span>,
    /// Text after the section (summaries, abstracts): neither body nor list.
    pub tail: Option<Span>,
    /// Footnotes and endnotes after the body (`[^3]: …` with their further
    /// lines, as Markdown writes them and `input` writes a .docx's notes):
    /// their citations are sought and checked like the body's.
    pub notes: Vec<Span>,
    /// The list's entries, in order.
    pub entries: Vec<Entry>,
    /// Problems of the document's structure.
    pub diagnostics: Vec<Diagnostic>,
}

/// One entry of the list, before parsing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Its printed number, or its position in an unnumbered list.
    pub number: u32,
    /// Where the printed number is, if there is one.
    pub marker: Option<Span>,
    /// The entry's text without its number.
    pub span: Span,
}

/// Divides a source into body, reference list and tail, and splits the list
/// into entries.
pub fn split(source: &Source, vocab: &Vocabulary) -> Document {
    let text = source.text();
    let lines = lines_in(text, 0..text.len());
    if lines.iter().all(|l| is_blank(&text[l.span.clone()])) {
        return Document {
            body: 0..text.len(),
            diagnostics: vec![Diagnostic::new(
                Rule::EmptyDocument,
                0..text.len(),
                "the document is empty",
            )],
            ..Document::default()
        };
    }
    let kinds: Vec<LineKind> = lines
        .iter()
        .map(|l| classify_line(&text[l.span.clone()], vocab))
        .collect();
    let sections = find_sections(text, &lines, &kinds);
    let chosen = sections
        .iter()
        .rev()
        .find(|s| looks_like_list(text, &lines[s.first..s.end], &kinds[s.first..s.end]))
        .or(sections.last());
    if let Some(section) = chosen {
        let heading = lines[section.heading].span.clone();
        let start = lines[section.heading].next;
        let end = if section.end < lines.len() {
            lines[section.end].span.start
        } else {
            text.len()
        };
        let (entries, mut diagnostics) = split_entries(
            text,
            &lines[section.first..section.end],
            &kinds[section.first..section.end],
        );
        if entries.is_empty() {
            diagnostics.push(
                Diagnostic::new(
                    Rule::MissingReferenceSection,
                    heading.clone(),
                    format!(
                        "the heading `{}` is followed by no reference entries",
                        text[heading.clone()].trim()
                    ),
                )
                .with_help("put the numbered list directly under the heading"),
            );
        }
        let mut notes = notes_after(&lines, &kinds, heading.start);
        notes.extend(notes_under_heading(
            text,
            &lines,
            &kinds,
            section.end,
            vocab,
        ));
        return Document {
            notes,
            body: 0..heading.start,
            heading: Some(heading),
            section: Some(start..end),
            tail: (end < text.len()).then_some(end..text.len()),
            entries,
            diagnostics,
        };
    }
    // No heading: the whole file may be a bare list, or end in a numbered
    // block under a heading istinad does not know.
    let all = 0..lines.len();
    if looks_like_list(text, &lines, &kinds) && starts_like_list(text, &lines) {
        let (entries, diagnostics) = split_entries(text, &lines, &kinds);
        return Document {
            body: 0..0,
            section: Some(0..text.len()),
            entries,
            diagnostics,
            ..Document::default()
        };
    }
    if let Some(first) = trailing_numbered_block(text, &lines, &kinds) {
        let start = lines[first].span.start;
        let (entries, numbering) = split_entries(text, &lines[first..], &kinds[first..]);
        let anchor = lines[first].span.clone();
        return Document {
            notes: notes_after(&lines, &kinds, start),
            body: 0..start,
            section: Some(start..text.len()),
            entries,
            diagnostics: [
                Diagnostic::new(
                    Rule::MissingReferenceSection,
                    anchor,
                    "no reference-list heading was found; the numbered block at the end was read as the list",
                )
                .with_help("put a heading such as `ƏDƏBİYYAT`, `Список литературы`, `منابع`, `KAYNAKÇA` or `References` above the list"),
            ]
            .into_iter()
            .chain(numbering)
            .collect(),
            ..Document::default()
        };
    }
    let _ = all;
    Document {
        body: 0..text.len(),
        diagnostics: vec![
            Diagnostic::new(
                Rule::MissingReferenceSection,
                first_content(text, &lines),
                "no reference list was found",
            )
            .with_help("put a heading such as `ƏDƏBİYYAT`, `Список литературы`, `منابع`, `KAYNAKÇA` or `References` above the list"),
        ],
        ..Document::default()
    }
}

/// What a line is, as far as finding the list goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    Blank,
    /// A heading that opens a reference list.
    ReferenceHeading,
    /// A group heading inside a list.
    Subsection,
    /// A heading known to follow a list.
    EndHeading,
    /// Some other heading.
    Heading,
    /// A line with a list number.
    Numbered(u32),
    /// A Markdown bullet item.
    Bullet,
    /// A footnote definition, `[^1]: …` (Markdown's, and the notes of a
    /// .docx as `input` writes them). A note and the lines after it up to
    /// the next list number belong to no entry.
    Note,
    Text,
}

struct Section {
    heading: usize,
    first: usize,
    end: usize,
}

fn is_blank(line: &str) -> bool {
    line.chars()
        .all(|c| c.is_whitespace() || crate::script::is_ignorable(c))
}

fn classify_line(line: &str, vocab: &Vocabulary) -> LineKind {
    if is_blank(line) {
        return LineKind::Blank;
    }
    let trimmed = line.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let markdown_heading = trimmed.starts_with('#');
    // A heading is at most 80 folded characters. Every character that is
    // neither a space nor ignorable folds to one, so a line with more than
    // 80 of them is no heading and is not folded (a 100 MB line was).
    let slice = heading_slice(trimmed);
    let short = slice
        .chars()
        .filter(|c| !c.is_whitespace() && !crate::script::is_ignorable(*c))
        .nth(80)
        .is_none();
    let key = if short { fold(slice) } else { String::new() };
    if !key.is_empty() && key.chars().count() <= 80 {
        let parts = std::iter::once(key.clone()).chain(
            key.split(['/', '|'])
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty()),
        );
        for part in parts {
            if vocab.index.reference_headings.contains_key(&part) {
                return LineKind::ReferenceHeading;
            }
        }
        if vocab.index.subsection_headings.contains_key(&key) {
            return LineKind::Subsection;
        }
        if vocab.index.end_headings.contains_key(&key) {
            return LineKind::EndHeading;
        }
    }
    if leading_end_heading(trimmed, vocab) == Some(true) {
        return LineKind::EndHeading;
    }
    if is_note(trimmed) {
        return LineKind::Note;
    }
    if let Some((number, _, _)) = list_marker(line) {
        return LineKind::Numbered(number);
    }
    if is_bullet(trimmed) {
        return LineKind::Bullet;
    }
    if markdown_heading
        || is_setext_underline(trimmed)
        || is_emphasis_only(trimmed)
        || is_caps_heading(trimmed)
    {
        return LineKind::Heading;
    }
    LineKind::Text
}

/// A line's heading text, unfolded: Markdown `#`, emphasis, a leading
/// section number (`5.`, `V.`), a trailing colon or period removed; its
/// [`fold`] is the key looked up in the headings.
fn heading_slice(line: &str) -> &str {
    let mut s = line.trim();
    s = s.trim_start_matches('#').trim();
    s = s.trim_end_matches('#').trim();
    let s = strip_emphasis(s);
    let mut s = s.trim();
    // Leading section number: "5.", "5)", "V.", "IV "
    if let Some(rest) = strip_section_number(s) {
        s = rest;
    }
    let s = s.trim_end_matches([':', '.', '：', '\\']).trim();
    let s = strip_emphasis(s);
    s.trim_end_matches([':', '.']).trim()
}

fn strip_emphasis(s: &str) -> &str {
    let mut s = s.trim();
    loop {
        let before = s;
        for mark in ["**", "__", "*", "_"] {
            if s.len() >= 2 * mark.len() && s.starts_with(mark) && s.ends_with(mark) {
                s = s[mark.len()..s.len() - mark.len()].trim();
            }
        }
        if s == before {
            return s;
        }
    }
}

fn strip_section_number(s: &str) -> Option<&str> {
    let end = s
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || matches!(c, 'I' | 'V' | 'X' | 'L')))
        .map_or(s.len(), |(i, _)| i);
    if end == 0 {
        return None;
    }
    let rest = &s[end..];
    let rest = rest
        .strip_prefix('.')
        .or_else(|| rest.strip_prefix(')'))
        .unwrap_or(rest);
    (rest.starts_with(char::is_whitespace)).then(|| rest.trim_start())
}

/// A line that starts with a known end heading in emphasis, as in
/// `**SUMMARY***Sevinj Mammadova…`.
fn leading_end_heading(line: &str, vocab: &Vocabulary) -> Option<bool> {
    let inner = line
        .strip_prefix("**")
        .or_else(|| line.strip_prefix("__"))?;
    let close = inner.find(['*', '_'])?;
    let key = fold(inner[..close].trim().trim_end_matches(':'));
    Some(vocab.index.end_headings.contains_key(&key))
}

/// The text under a notes heading (`FOOTNOTES`, `Примечания`, `Notlar`)
/// at line `at`, right after the list, up to the next heading: the notes
/// of a text printed after its references, which cite as its body does.
fn notes_under_heading(
    text: &str,
    lines: &[Line],
    kinds: &[LineKind],
    at: usize,
    vocab: &Vocabulary,
) -> Option<Span> {
    let line = lines.get(at)?;
    if !matches!(kinds[at], LineKind::Heading | LineKind::EndHeading) {
        return None;
    }
    let key = fold(heading_slice(text[line.span.clone()].trim_start()));
    if !vocab.index.notes_headings.contains_key(&key) {
        return None;
    }
    let end = (at + 1..lines.len())
        .find(|&i| {
            matches!(
                kinds[i],
                LineKind::Heading | LineKind::EndHeading | LineKind::ReferenceHeading
            )
        })
        .map_or(text.len(), |i| lines[i].span.start);
    (line.next < end).then_some(line.next..end)
}

/// The footnote definitions that start at or after `from`, each with its
/// further lines up to a blank line, a heading, a list number or the next
/// note.
fn notes_after(lines: &[Line], kinds: &[LineKind], from: usize) -> Vec<Span> {
    let mut notes: Vec<Span> = Vec::new();
    let mut open = false;
    for (line, kind) in lines.iter().zip(kinds) {
        match kind {
            LineKind::Note if line.span.start >= from => {
                notes.push(line.span.clone());
                open = true;
            }
            LineKind::Text if open => {
                if let Some(last) = notes.last_mut() {
                    last.end = line.span.end;
                }
            }
            _ => open = false,
        }
    }
    notes
}

/// A footnote definition: `[^label]:` with a label without spaces.
fn is_note(line: &str) -> bool {
    line.strip_prefix("[^")
        .and_then(|rest| rest.split_once("]:"))
        .is_some_and(|(label, _)| !label.is_empty() && !label.contains(char::is_whitespace))
}

fn is_bullet(line: &str) -> bool {
    let mut chars = line.chars();
    matches!(chars.next(), Some('-' | '*' | '+' | '•' | '–'))
        && chars.next().is_some_and(char::is_whitespace)
}

fn is_setext_underline(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3 && (t.chars().all(|c| c == '=') || t.chars().all(|c| c == '-'))
}

fn is_emphasis_only(line: &str) -> bool {
    let t = line.trim();
    (t.starts_with("**") && t.ends_with("**") && t.len() > 4)
        || (t.starts_with("__") && t.ends_with("__") && t.len() > 4)
}

/// An all-capitals short line without digits: `РЕЗЮМЕ`, `SUMMARY`, `GİRİŞ`.
fn is_caps_heading(line: &str) -> bool {
    let t = line.trim();
    // The length first: a long line is no heading, whatever its letters.
    if t.chars().nth(60).is_some() {
        return false;
    }
    let letters: Vec<char> = t.chars().filter(|c| c.is_letter()).collect();
    letters.len() >= 3
        && !t.chars().any(is_digit)
        && letters.iter().all(|c| !c.is_lowercase())
        && letters.iter().any(|c| c.is_uppercase())
}

/// The list number at the start of a line: `1.`, `1)`, `[1]`, `(1)`, `1 -`,
/// `1 –`, `۱.`, `**1.**`, `1\.`, `- 1.`. Returns the number, the span of the
/// number within the line, and the byte offset where the entry text starts.
pub(crate) fn list_marker(line: &str) -> Option<(u32, Span, usize)> {
    let m = marker_at(line)?;
    match (m.number, m.problem) {
        (Some(n), None) => Some((n, m.span, m.content)),
        _ => None,
    }
}

/// Largest list number: six digits (a list of 100 000 entries or more is
/// still a list); a longer number is out of range, not a merge.
pub const MAX_LIST_NUMBER: u32 = 999_999;

/// A list number at the start of a line, as printed, before it is judged:
/// `number` is `None` when it is no list number istinad can hold (too long,
/// negative), and `problem` says what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Marker {
    pub number: Option<u32>,
    pub span: Span,
    pub content: usize,
    pub problem: Option<String>,
}

/// [`list_marker`]'s reading of a line, keeping the numbers it refuses:
/// more than six digits, a minus sign, combining marks after the digits.
pub(crate) fn marker_at(line: &str) -> Option<Marker> {
    let bytes_before = line.len()
        - line
            .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
            .len();
    let mut rest = &line[bytes_before..];
    let mut offset = bytes_before;
    let skip = |rest: &mut &str, offset: &mut usize, prefix: &str| -> bool {
        if let Some(r) = rest.strip_prefix(prefix) {
            *offset += prefix.len();
            *rest = r;
            true
        } else {
            false
        }
    };
    // Markdown bullet before a number, emphasis around it.
    for bullet in ["- ", "* ", "+ "] {
        if skip(&mut rest, &mut offset, bullet) {
            break;
        }
    }
    let bold = skip(&mut rest, &mut offset, "**") || skip(&mut rest, &mut offset, "__");
    let open = if skip(&mut rest, &mut offset, "[") {
        Some(']')
    } else if skip(&mut rest, &mut offset, "(") {
        Some(')')
    } else {
        None
    };
    // "-1." and "-0.": a sign glued to the digits (a bullet has a space).
    let sign =
        usize::from(rest.starts_with('-') && rest[1..].starts_with(is_digit) && open.is_none());
    let digits_len: usize = rest[sign..]
        .char_indices()
        .take_while(|&(_, c)| is_digit(c))
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    if digits_len == 0 {
        return None;
    }
    let digits = &rest[sign..sign + digits_len];
    // Combining marks after the digits (`1\u{301}.`): the number is read,
    // the marks are a finding.
    let marks_len: usize = rest[sign + digits_len..]
        .chars()
        .take_while(|&c| unicode_normalization::char::is_combining_mark(c))
        .map(char::len_utf8)
        .sum();
    let value = (digits.chars().count() <= 6)
        .then(|| {
            digits
                .chars()
                .try_fold(0u32, |acc, c| Some(acc * 10 + digit_value(c)?))
        })
        .flatten();
    let printed = &rest[..sign + digits_len + marks_len];
    let (number, problem) = if sign == 1 {
        (
            None,
            Some(format!("the list number `{printed}` is negative")),
        )
    } else if value.is_none() {
        (
            None,
            Some(format!(
                "the list number `{printed}` is out of range (at most {MAX_LIST_NUMBER})"
            )),
        )
    } else if marks_len > 0 {
        (
            value,
            Some(format!(
                "the list number `{printed}` carries a combining mark"
            )),
        )
    } else {
        (value, None)
    };
    let number_len = sign + digits_len + marks_len;
    let number_span = offset..offset + number_len;
    offset += number_len;
    rest = &rest[number_len..];
    let mut ok = false;
    if let Some(close) = open {
        if skip(&mut rest, &mut offset, &close.to_string()) {
            ok = true;
            skip(&mut rest, &mut offset, ".");
        } else {
            return None;
        }
    } else {
        for sep in ["\\.", ".", ")", "-", "–", "—", "/"] {
            if skip(&mut rest, &mut offset, sep) {
                ok = true;
                break;
            }
        }
        if !ok {
            // "1 - text", "1 – text", "1\ttext"
            let ws = rest.len() - rest.trim_start().len();
            let after = &rest[ws..];
            for sep in ["- ", "– ", "— "] {
                if ws > 0 && after.starts_with(sep) {
                    offset += ws + sep.len();
                    rest = &after[sep.len()..];
                    ok = true;
                    break;
                }
            }
            if !ok && rest.starts_with('\t') {
                ok = true;
            }
        }
    }
    if !ok {
        return None;
    }
    if bold {
        let _ = skip(&mut rest, &mut offset, "**") || skip(&mut rest, &mut offset, "__");
    }
    // A number followed directly by another digit or a letter glued to a
    // period ("1.5", "1920-ci") is not a list number.
    let next = rest.chars().next();
    if next.is_some_and(is_digit) {
        return None;
    }
    if next.is_some_and(|c| c.is_letter()) && open.is_none() {
        // "1.ARDA" is a list number; "1-ci" is not.
        if line[..offset].ends_with(['-', '–', '—', '/']) {
            return None;
        }
    }
    let ws = rest.len() - rest.trim_start().len();
    Some(Marker {
        number,
        span: number_span,
        content: offset + ws,
        problem,
    })
}

/// Whether an entry's text starts as an entry does (a capital, a quote or
/// a bracket): what a line with a surprising number must show to be taken
/// as an entry rather than as the previous entry's wrapped text.
fn starts_like_entry(text: &str) -> bool {
    text.trim_start_matches(['*', '_'])
        .chars()
        .next()
        .is_some_and(|c| c.is_letter() && !c.is_lowercase() || "\"«“„‘'([".contains(c))
}

/// A year (four digits, 1000–2099): at the start of a wrapped line it is
/// the previous entry's date, whatever follows.
fn year_like(n: u32) -> bool {
    (1000..=2099).contains(&n)
}

fn find_sections(text: &str, lines: &[Line], kinds: &[LineKind]) -> Vec<Section> {
    let mut sections = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if kinds[i] != LineKind::ReferenceHeading {
            i += 1;
            continue;
        }
        let heading = i;
        let mut j = i + 1;
        let mut last_number: Option<u32> = None;
        while j < lines.len() {
            match kinds[j] {
                LineKind::EndHeading => break,
                LineKind::Heading => {
                    // A heading the list's numbering carries on after is a
                    // group heading istinad does not know.
                    let next_number = kinds[j + 1..].iter().find_map(|k| match k {
                        LineKind::Numbered(n) => Some(Some(*n)),
                        LineKind::Blank => None,
                        _ => Some(None),
                    });
                    match (last_number, next_number) {
                        (Some(last), Some(Some(n))) if n == last + 1 => {}
                        _ => break,
                    }
                }
                LineKind::Numbered(n) => last_number = Some(n),
                _ => {}
            }
            j += 1;
        }
        let _ = text;
        sections.push(Section {
            heading,
            first: heading + 1,
            end: j,
        });
        i = j.max(i + 1);
    }
    sections
}

fn looks_like_list(text: &str, lines: &[Line], kinds: &[LineKind]) -> bool {
    let content: Vec<usize> = (0..lines.len())
        .filter(|&i| {
            !matches!(
                kinds[i],
                LineKind::Blank | LineKind::Subsection | LineKind::ReferenceHeading
            )
        })
        .collect();
    if content.is_empty() {
        return false;
    }
    let items = content
        .iter()
        .filter(|&&i| matches!(kinds[i], LineKind::Numbered(_) | LineKind::Bullet))
        .count();
    if items * 2 >= content.len() {
        return true;
    }
    // Unnumbered: most lines look like references.
    let like = content
        .iter()
        .filter(|&&i| reference_like(&text[lines[i].span.clone()]))
        .count();
    like * 5 >= content.len() * 3
}

fn starts_like_list(text: &str, lines: &[Line]) -> bool {
    lines
        .iter()
        .find(|l| !is_blank(&text[l.span.clone()]))
        .is_some_and(|l| {
            let line = &text[l.span.clone()];
            list_marker(line).is_some() || reference_like(line) || is_bullet(line.trim_start())
        })
}

/// A cheap test that a line reads like a reference: a year, an archival
/// label followed by a number, or a URL, and not a long sentence.
fn reference_like(line: &str) -> bool {
    let l = line.trim();
    if l.chars().count() > 600 {
        return false;
    }
    let has_url = l.contains("http://") || l.contains("https://") || l.contains("www.");
    let mut digits = 0;
    let mut has_year = false;
    for c in l.chars() {
        if is_digit(c) {
            digits += 1;
            if digits == 4 {
                has_year = true;
            }
        } else {
            digits = 0;
        }
    }
    has_url || has_year
}

fn trailing_numbered_block(text: &str, lines: &[Line], kinds: &[LineKind]) -> Option<usize> {
    // Walk back from the end over numbered lines and their continuations.
    let mut first = None;
    let mut expected: Option<u32> = None;
    let mut i = lines.len();
    while i > 0 {
        i -= 1;
        match kinds[i] {
            LineKind::Numbered(n) => {
                if let Some(e) = expected
                    && n + 1 != e
                {
                    break;
                }
                first = Some(i);
                expected = Some(n);
                if n == 1 {
                    break;
                }
            }
            LineKind::Note => {}
            LineKind::Blank | LineKind::Text => {
                if first.is_none() && kinds[i] == LineKind::Text {
                    // Text after the last number is a continuation only if a
                    // numbered line comes before it.
                    continue;
                }
                if kinds[i] == LineKind::Text && text[lines[i].span.clone()].chars().count() > 300 {
                    break;
                }
            }
            _ => break,
        }
    }
    let first = first?;
    let count = kinds[first..]
        .iter()
        .filter(|k| matches!(k, LineKind::Numbered(_)))
        .count();
    (count >= 2 && expected == Some(1)).then_some(first)
}

fn first_content(text: &str, lines: &[Line]) -> Span {
    lines
        .iter()
        .find(|l| !is_blank(&text[l.span.clone()]))
        .map_or(0..0, |l| {
            let s = &text[l.span.clone()];
            let lead = s.len() - s.trim_start().len();
            let end = l.span.start + s.trim_end().len();
            let start = l.span.start + lead;
            // Point at the first character only: the finding is about the
            // document, not this line.
            let first_len = text[start..end].chars().next().map_or(0, char::len_utf8);
            start..start + first_len
        })
}

/// Splits the lines of a list into entries. A line whose number cannot be a
/// list number (out of range, negative, a combining mark) or jumps far ahead
/// is still an entry of its own, with a list-numbering finding: never
/// merged into the entry before it without a word.
fn split_entries(text: &str, lines: &[Line], kinds: &[LineKind]) -> (Vec<Entry>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    // Entries whose printed number is no number: kept at 0.
    let mut unnumbered: Vec<usize> = Vec::new();
    let numbered = kinds
        .iter()
        .filter(|k| matches!(k, LineKind::Numbered(_)))
        .count();
    let bullets = kinds.iter().filter(|k| **k == LineKind::Bullet).count();
    let mut entries: Vec<Entry> = Vec::new();
    let mut open = false; // whether the last entry may take continuation lines
    let mut last_number: Option<u32> = None;
    let mut prev_blank = false;
    let mut in_note = false;
    let paragraph_mode = numbered == 0 && bullets == 0 && has_wrapped_paragraphs(kinds);
    // Whether a line breaking off mid-sentence is unusual in this list
    // (most end with a period), so that one before an entry is in doubt.
    let open_endings = {
        let texts: Vec<&str> = lines
            .iter()
            .zip(kinds)
            .filter(|(_, k)| **k == LineKind::Text)
            .map(|(l, _)| &text[l.span.clone()])
            .collect();
        let open = texts.iter().filter(|t| !ends_entry(t)).count();
        open * 3 >= texts.len().max(1)
    };
    let layout = if paragraph_mode {
        Layout::Paragraphs
    } else if hard_wrapped(text, lines, kinds) {
        Layout::Wrapped
    } else {
        Layout::Lines
    };
    let mut prev_line: Option<&str> = None;
    for (line, kind) in lines.iter().zip(kinds) {
        let s = &text[line.span.clone()];
        match kind {
            LineKind::Blank => {
                prev_blank = true;
                continue;
            }
            LineKind::Subsection | LineKind::ReferenceHeading | LineKind::Heading => {
                open = false;
                in_note = false;
                prev_blank = false;
                continue;
            }
            LineKind::Note => {
                open = false;
                in_note = true;
                continue;
            }
            _ => {}
        }
        let marker = if numbered > 0 { list_marker(s) } else { None };
        let accept = marker
            .as_ref()
            .is_some_and(|(n, _, _)| plausible_next(last_number, *n));
        // A number no list has, or one far ahead of the last, on a line
        // that starts like an entry.
        let odd = if numbered > 0 && !accept {
            marker_at(s).filter(|m| {
                starts_like_entry(&s[m.content..])
                    && match (m.number, &m.problem) {
                        (_, Some(_)) => true,
                        (Some(n), None) => {
                            last_number.is_some_and(|last| n > last) && !year_like(n)
                        }
                        (None, None) => false,
                    }
            })
        } else {
            None
        };
        if let Some(m) = odd {
            let span = line.span.start + m.span.start..line.span.start + m.span.end;
            if let Some(problem) = m.problem {
                diagnostics.push(
                    Diagnostic::new(Rule::ListNumbering, span.clone(), problem)
                        .with_help("write the entry's number as plain digits, at most six"),
                );
            }
            let start = line.span.start + m.content;
            let end = line.span.start + trimmed_end(s);
            if m.number.is_none() {
                unnumbered.push(entries.len());
            }
            entries.push(Entry {
                number: m.number.unwrap_or(0),
                marker: m.number.is_some().then_some(span),
                span: start..end.max(start),
            });
            if m.number.is_some() {
                last_number = m.number;
            }
            open = true;
            prev_blank = false;
            continue;
        }
        if in_note && !accept {
            // The note's own further lines.
            continue;
        }
        in_note = false;
        if let (true, Some((n, number_span, content))) = (accept, marker) {
            let start = line.span.start + content;
            let end = line.span.start + trimmed_end(s);
            entries.push(Entry {
                number: n,
                marker: Some(
                    line.span.start + number_span.start..line.span.start + number_span.end,
                ),
                span: start..end.max(start),
            });
            last_number = Some(n);
            open = true;
        } else if numbered == 0
            && (*kind == LineKind::Bullet
                || !open
                || prev_blank && paragraph_mode
                || unnumbered_boundary(
                    s,
                    prev_line,
                    (layout, open_endings),
                    line.span.start,
                    &mut diagnostics,
                ))
        {
            // Unnumbered list: a new entry per bullet, line or paragraph.
            let lead = s.len() - s.trim_start().len();
            let lead = if *kind == LineKind::Bullet {
                lead + bullet_len(&s[lead..])
            } else {
                lead
            };
            let start = line.span.start + lead;
            let end = line.span.start + trimmed_end(s);
            let number = entries.len() as u32 + 1;
            entries.push(Entry {
                number,
                marker: None,
                span: start..end.max(start),
            });
            open = true;
        } else if let Some(last) = entries.last_mut().filter(|_| open) {
            // Continuation line.
            let end = line.span.start + trimmed_end(s);
            if end > last.span.end && trimmed_end(s) > 0 {
                if last.span.start == last.span.end {
                    // The number stood alone on its line.
                    let lead = s.len() - s.trim_start().len();
                    last.span.start = line.span.start + lead;
                }
                last.span.end = end;
            }
        } else {
            // Text before the first numbered entry: an entry of its own, so
            // that no text is lost; it will be reported as unparsed if it is
            // not a reference.
            let lead = s.len() - s.trim_start().len();
            let start = line.span.start + lead;
            let end = line.span.start + trimmed_end(s);
            entries.push(Entry {
                number: 0,
                marker: None,
                span: start..end.max(start),
            });
            open = true;
        }
        prev_blank = false;
        prev_line = Some(s);
    }
    // Entries without a printed number in a numbered list are numbered after
    // their neighbour so that positions stay meaningful.
    for i in 0..entries.len() {
        if entries[i].number == 0 && !unnumbered.contains(&i) {
            entries[i].number = if i == 0 { 0 } else { entries[i - 1].number };
        }
    }
    entries.retain(|e| !(e.span.is_empty() && e.marker.is_none()));
    (entries, diagnostics)
}

fn bullet_len(s: &str) -> usize {
    let mut chars = s.char_indices();
    match chars.next() {
        Some((_, c)) => {
            let rest = &s[c.len_utf8()..];
            c.len_utf8() + (rest.len() - rest.trim_start().len())
        }
        None => 0,
    }
}

/// Whether an unnumbered line continues the previous one (hanging indent).
fn continues(line: &str) -> bool {
    line.starts_with([' ', '\t']) && !line.trim_start().starts_with(['-', '*', '+', '•'])
}

/// How a line of an unnumbered list begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Start {
    /// As an entry of an author–date or GOST list does: a name (`Family,`,
    /// `Family I.`, Arabic script) and a year soon after.
    Entry,
    /// With a capital, a quote or a bracket: an entry, or a wrapped line.
    Capital,
    /// With a lower-case letter, a digit or punctuation: a wrapped line.
    Other,
}

fn start_of(line: &str) -> Start {
    let t = line.trim_start().trim_start_matches(['*', '_']);
    let Some(first) = t.chars().next() else {
        return Start::Other;
    };
    let arabic = crate::script::script_of(first) == Some(crate::script::Script::Arabic);
    // `———. 1998a. Title`: the same author as the entry before.
    if same_author_rule(t) && has_year(t) {
        return Start::Entry;
    }
    if !(first.is_uppercase() || arabic || "\"«“„‘'[(".contains(first)) {
        return Start::Other;
    }
    let head: String = t.chars().take(200).collect();
    let words: Vec<&str> = head.split_whitespace().take(4).collect();
    // A title-first entry opens with its quoted title: `“Iran.” 2010.`
    let quoted = "\"«“„‘'".contains(first);
    let named = arabic
        || quoted
        || words
            .first()
            .is_some_and(|w| w.ends_with(',') && w.chars().count() > 2)
        || words.iter().skip(1).take(2).any(|w| {
            w.ends_with('.')
                && w.chars().filter(|c| c.is_letter()).count() <= 3
                && w.chars().next().is_some_and(char::is_uppercase)
        });
    if named && has_year(&head) {
        Start::Entry
    } else {
        Start::Capital
    }
}

/// Whether `line` opens with a rule standing for the author of the entry
/// before (`———.`, `———,`, `___.`): three dashes or underscores, or two
/// em-dashes, then punctuation or a space.
fn same_author_rule(line: &str) -> bool {
    let rule: String = line
        .chars()
        .take_while(|c| matches!(c, '—' | '―' | '⸺' | '⸻' | '–' | '-' | '_'))
        .collect();
    let long = rule
        .chars()
        .filter(|c| matches!(c, '—' | '―' | '⸺' | '⸻'))
        .count();
    (rule.chars().count() >= 3 || long >= 2 || rule == "⸻" || rule == "⸺")
        && line[rule.len()..].starts_with(|c: char| c.is_whitespace() || ".,:".contains(c))
}

/// Whether a line breaks off where an entry cannot end: at a comma, colon,
/// semicolon, dash, `&` or `/`, or before giving any year.
fn hard_open(line: &str) -> bool {
    let t = line.trim_end();
    t.ends_with([',', ':', ';', '-', '–', '&', '/']) || !has_year(t)
}

/// Whether `s` holds four digits in a row (a year).
fn has_year(s: &str) -> bool {
    let mut run = 0;
    s.chars().any(|c| {
        run = if is_digit(c) { run + 1 } else { 0 };
        run == 4
    })
}

/// Whether a line ends as an entry does (a period, a closing bracket or
/// quote, a digit), rather than mid-sentence.
fn ends_entry(line: &str) -> bool {
    let t = line.trim_end().trim_end_matches('\\').trim_end();
    let last = t.rsplit(char::is_whitespace).next().unwrap_or("");
    t.ends_with(['.', ')', ']', '»', '"', '”', '’'])
        || t.ends_with(is_digit)
        || last.starts_with("http")
        || last.starts_with("www.")
}

/// In an unnumbered list, whether `line` (after `prev`, in the same
/// paragraph) starts an entry of its own. A wrapped line is one that does
/// not start like an entry of the list: indented under a flush entry,
/// lower-case, or after a line that breaks off mid-sentence. Where the
/// signs disagree the line is taken as an entry and a finding says so.
fn unnumbered_boundary(
    line: &str,
    prev: Option<&str>,
    (layout, open_endings): (Layout, bool),
    at: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> bool {
    if continues(line) {
        return false;
    }
    let start = start_of(line);
    let prev_ends = prev.is_some_and(ends_entry);
    let paragraph_mode = layout == Layout::Paragraphs;
    match (start, prev_ends, layout) {
        (Start::Other, _, _) => false,
        // Lines not wrapped at a width: one entry each where the line has a
        // year, however the line before ends (Harvard lists often end
        // without a period: "John Wiley, New York"); in doubt only in a
        // list whose lines end with a period.
        (Start::Capital, false, Layout::Lines) => has_year(line),
        (Start::Capital, true, _) if layout != Layout::Paragraphs => true,
        // A line ending in a bare word ("John Wiley, New York") after a
        // year is a whole entry without its period; one that breaks off at
        // a comma or colon, or has no year, may go on in the next line.
        (Start::Entry, _, Layout::Lines)
            if prev_ends || open_endings || !prev.is_some_and(hard_open) =>
        {
            true
        }
        (Start::Capital, _, _) => false,
        (Start::Entry, true, Layout::Wrapped) => true,
        (Start::Entry, _, _) => {
            let lead = line.len() - line.trim_start().len();
            let first = line[lead..].chars().next().map_or(0, char::len_utf8);
            diagnostics.push(
                Diagnostic::new(
                    Rule::EntryBoundary,
                    at + lead..at + lead + first,
                    if paragraph_mode {
                        "this line starts like an entry but has no blank line before it, as the list's other entries have; it was read as an entry of its own"
                    } else {
                        "the line before breaks off mid-sentence, but this one starts like an entry; it was read as an entry of its own"
                    },
                )
                .with_help("put each entry in a paragraph of its own (or number the list) so that its boundaries are certain"),
            );
            true
        }
    }
}

/// How an unnumbered list lays out its entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// One entry per line, each line as long as its entry.
    Lines,
    /// Lines broken at a width (plain text wrapped at 70–100 characters):
    /// an entry may run over several lines.
    Wrapped,
    /// Paragraphs separated by blank lines, some over several lines.
    Paragraphs,
}

/// Whether the list's lines are broken at a width: none longer than a
/// printed line, and many close to the longest.
fn hard_wrapped(text: &str, lines: &[Line], kinds: &[LineKind]) -> bool {
    let lens: Vec<usize> = lines
        .iter()
        .zip(kinds)
        .filter(|(_, k)| **k == LineKind::Text)
        .map(|(l, _)| text[l.span.clone()].trim_end().chars().count())
        .collect();
    let Some(&max) = lens.iter().max() else {
        return false;
    };
    let near = lens.iter().filter(|&&l| l * 100 >= max * 80).count();
    lens.len() >= 3 && max <= 110 && near * 3 >= lens.len()
}

/// Whether the list's entries are paragraphs separated by blank lines, some
/// wrapped over several lines (rather than one entry per line).
fn has_wrapped_paragraphs(kinds: &[LineKind]) -> bool {
    let content = |k: &LineKind| {
        !matches!(
            k,
            LineKind::Blank | LineKind::Subsection | LineKind::ReferenceHeading | LineKind::Heading
        )
    };
    let paragraphs = kinds
        .iter()
        .enumerate()
        .filter(|&(i, k)| content(k) && (i == 0 || !content(&kinds[i - 1])))
        .count();
    let text_lines = kinds.iter().filter(|k| **k == LineKind::Text).count();
    // Some paragraph runs over several lines, or every line is a paragraph
    // of its own (a list with a blank line after each entry).
    let wrapped = kinds
        .windows(2)
        .any(|w| w[0] == LineKind::Text && w[1] == LineKind::Text);
    (wrapped || paragraphs == text_lines) && paragraphs >= 2
}

/// A number is the next entry's if it follows the last one closely, repeats
/// it, or restarts the count; a year at the start of a wrapped line does not.
fn plausible_next(last: Option<u32>, n: u32) -> bool {
    match last {
        None => n <= 2000,
        Some(last) => n == 1 || (n >= last.saturating_sub(3) && n <= last + 25),
    }
}

/// Byte length of `line` without trailing spaces and a Markdown hard-break
/// backslash.
fn trimmed_end(line: &str) -> usize {
    let t = line.trim_end();
    let t = t.strip_suffix('\\').map_or(t, str::trim_end);
    t.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        split(&Source::new("t", text), &Vocabulary::builtin())
    }

    fn raws(text: &str) -> Vec<(u32, String)> {
        doc(text)
            .entries
            .iter()
            .map(|e| (e.number, text[e.span.clone()].to_string()))
            .collect()
    }

    #[test]
    fn an_entry_a_paragraph_and_same_author_rules_open_entries() {
        // One line a paragraph: the blank line is the boundary, even before
        // a line the converter left without its rule (`. 1982.`).
        let text = "Bibliography\n\nBahā’u’llāh. 1971. Epistle. Wilmette.\n\n. 1982. Lawh. Hofheim.\n\nCole, J. 1997. Tigris. Online.\n";
        let got: Vec<String> = raws(text).into_iter().map(|(_, r)| r).collect();
        assert_eq!(
            got,
            [
                "Bahā’u’llāh. 1971. Epistle. Wilmette.",
                ". 1982. Lawh. Hofheim.",
                "Cole, J. 1997. Tigris. Online."
            ]
        );
        // A rule for the same author opens an entry in a list of lines.
        let text = "References\nCole, J. 1997. Tigris. Online.\n———. 1998a. Modernity. New York\n———, 2001, Another. London.\n";
        assert_eq!(raws(text).len(), 3, "{:?}", raws(text));
    }

    #[test]
    fn list_markers_of_every_form() {
        let n = |l: &str| list_marker(l).map(|(n, _, c)| (n, l[c..].to_string()));
        assert_eq!(n("1. ARDA"), Some((1, "ARDA".into())));
        assert_eq!(n(" 14. دکتر"), Some((14, "دکتر".into())));
        assert_eq!(n("[3] X"), Some((3, "X".into())));
        assert_eq!(n("(3) X"), Some((3, "X".into())));
        assert_eq!(n("4) X"), Some((4, "X".into())));
        assert_eq!(n("5 - X"), Some((5, "X".into())));
        assert_eq!(n("5 – X"), Some((5, "X".into())));
        assert_eq!(n("۱۲. کاوه"), Some((12, "کاوه".into())));
        assert_eq!(n("**7.** Y"), Some((7, "Y".into())));
        assert_eq!(n("7\\. Y"), Some((7, "Y".into())));
        assert_eq!(n("1.ARDA"), Some((1, "ARDA".into())));
        assert_eq!(n("1920-ci ildə"), None);
        assert_eq!(n("1.5 mln"), None);
        assert_eq!(n("ARDA 1."), None);
    }

    #[test]
    fn finds_the_list_under_a_turkic_heading_and_stops_at_the_next() {
        let text = "Body (1).\n\n## ƏDƏBİYYAT\n\n1. ARDA: f. 28. siy. 1. iş 72\n2. Həsənli Cəmil. (2012) Kitab.\n   Bakı\n\n## РЕЗЮМЕ\n\nТекст.\n";
        let d = doc(text);
        assert_eq!(&text[d.body.clone()], "Body (1).\n\n");
        assert_eq!(
            raws(text),
            vec![
                (1, "ARDA: f. 28. siy. 1. iş 72".to_string()),
                (2, "Həsənli Cəmil. (2012) Kitab.\n   Bakı".to_string())
            ]
        );
        assert!(d.tail.is_some_and(|t| text[t].contains("Текст")));
    }

    #[test]
    fn headings_in_each_language() {
        for heading in [
            "İstifadə olunmuş ədəbiyyat:",
            "Ədəbiyyat siyahısı",
            "**Литература**",
            "СПИСОК ИСПОЛЬЗОВАННЫХ ИСТОЧНИКОВ И ЛИТЕРАТУРЫ",
            "### فهرست منابع",
            "كتابنامه",
            "KAYNAKÇA",
            "Kaynaklar",
            "5. References",
            "BIBLIOGRAPHY",
            "Notes",
        ] {
            let text = format!("Body text here.\n{heading}\n1. Smith J. Book. London, 1990.\n");
            let d = doc(&text);
            assert_eq!(d.entries.len(), 1, "{heading}");
            assert!(d.heading.is_some(), "{heading}");
        }
    }

    #[test]
    fn wrapped_line_starting_with_a_year_is_a_continuation() {
        let text = "Литература\n1. Иванов И.И. История Кавказа\n1917-1921 гг. М., 1990.\n2. Петров П.П. Книга. М., 1991.\n";
        assert_eq!(raws(text).len(), 2);
        assert!(raws(text)[0].1.ends_with("М., 1990."));
    }

    #[test]
    fn bare_list_without_heading_is_read_whole() {
        let text = "1. ARDA: f. 28. siy. 1. iş 72\r\n2. ARDA: f. 28. siy. 1. iş 577\r\n";
        let d = doc(text);
        assert!(d.diagnostics.is_empty());
        assert_eq!(raws(text)[1].1, "ARDA: f. 28. siy. 1. iş 577");
    }

    #[test]
    fn unnumbered_list_is_numbered_by_position() {
        let text = "References\nSmith, J. Book. London, 1990.\nDoe, J. Other. Paris, 1991.\n";
        assert_eq!(
            raws(text).iter().map(|r| r.0).collect::<Vec<_>>(),
            vec![1, 2]
        );
    }

    #[test]
    fn prose_without_a_list_is_a_diagnostic() {
        let d = doc("Just a paragraph of prose without any list at all.\n");
        assert!(d.entries.is_empty());
        assert_eq!(d.diagnostics[0].rule, Rule::MissingReferenceSection);
        let d = doc("  \n\n");
        assert_eq!(d.diagnostics[0].rule, Rule::EmptyDocument);
    }

    #[test]
    fn a_group_heading_of_each_language_inside_an_unnumbered_list_is_no_entry() {
        for heading in [
            "Çevrimiçi Kaynaklar",
            "Elektron mənbələr",
            "Интернет-источники",
            "منابع الکترونیکی",
            "Electronic sources",
        ] {
            let text = format!(
                "Kaynakça\n\nMaaß, C. (2020). Easy Language. Berlin: Frank.\n\n{heading}\n\nhttps://www.capito.eu/leichte-sprache/ (06.10.2024).\n"
            );
            let got: Vec<String> = raws(&text).into_iter().map(|(_, r)| r).collect();
            assert_eq!(got.len(), 2, "{heading}: {got:?}");
            assert!(got[1].starts_with("https://"), "{heading}: {got:?}");
        }
    }

    #[test]
    fn unknown_group_heading_inside_numbered_list_is_kept() {
        let text = "Литература\n**Архивы**\n1. ГАРФ. Ф. 1. Оп. 1. Д. 1.\n**Прочее издание**\n2. Иванов И.И. Книга. М., 1990.\n\n**Об авторе**\nИван.\n";
        assert_eq!(raws(text).len(), 2);
    }

    #[test]
    fn notes_under_their_heading_after_the_list_are_scanned_as_notes() {
        let text = "Body cites (Whitehead, 1938, p. 4).\n\n\
                    REFERENCES\n\n\
                    Whitehead, A. N. (1938). Modes of thought. New York: Macmillan.\n\n\
                    Whitehead, A. N. (1929). Aims of education. New York: Macmillan.\n\n\
                    FOOTNOTES\n\n\
                    1 The rabbit speaks (Whitehead, 1929, p. 2).\n\n\
                    2 (Whitehead, 1938, p.28)\n\n\
                    ABOUT THE AUTHOR\n\n\
                    Taught at a school (2001).\n";
        let d = doc(text);
        assert_eq!(d.entries.len(), 2);
        assert_eq!(d.notes.len(), 1, "{:?}", d.notes);
        let notes = &text[d.notes[0].clone()];
        assert!(notes.trim_start().starts_with("1 The rabbit"), "{notes}");
        assert!(notes.trim_end().ends_with("p.28)"), "{notes}");
        // Under any other heading the text after the list is no note.
        let other = text.replace("FOOTNOTES", "ACKNOWLEDGEMENTS");
        assert!(doc(&other).notes.is_empty());
    }
}
