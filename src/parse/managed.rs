//! Parse: a reference manager's items (CSL-JSON) -> [`Reference`]s, tied to
//! the printed list and to the fields that cite them.
//!
//! In a document where Word's source manager, Zotero, Mendeley or EndNote
//! holds the items, the records are the manager's: each item becomes a
//! `Reference` with its `origin` and `id`, its fields as the manager holds
//! them. The printed list (the result of the `BIBLIOGRAPHY`, `ZOTERO_BIBL`,
//! `Mendeley Bibliography` or `EN.REFLIST` field) is matched to the items
//! entry by entry, by title words, first author and year: a matched item
//! takes the entry's number, text and span (so that findings point at the
//! printed entry); an item the list lacks is numbered after the list, in
//! order of first citation. Entries outside the manager's list are typed
//! entries (`origin: text`) and keep their own records.

use crate::script::Letter;
use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use super::date::to_gregorian;
use super::{detect_language, parse_reference};
use crate::diagnostic::Diagnostic;
use crate::managed::{Field, FieldKind, Item, Managed, Origin};
use crate::model::{
    Archive, Calendar, Citation, CitationItem, CitationStyle, Language, Locator, OriginalYear,
    Person, Reference, ReferenceKind, Ymd,
};
use crate::rule::Rule;
use crate::script::{Script, digit_value, dominant_script, fold};
use crate::source::{Source, Span};
use crate::split::{Document, Entry};
use crate::vocab::{Meaning, Vocabulary};

/// How the manager's data was tied to the printed text.
#[derive(Debug, Clone, Default)]
pub struct Resolution {
    /// Every manager field, in order, with the list number of each item it
    /// cites (`None` for an id the document's items lack).
    pub fields: Vec<(Field, Vec<Option<u32>>)>,
    /// The entries printed in the managers' list fields.
    pub printed: Vec<Printed>,
    /// Citations made from the citation fields.
    pub citations: Vec<Citation>,
    /// The visible text of each field, whitespace collapsed.
    shown: Vec<String>,
    /// Findings about the fields themselves: ids no item has, codes that
    /// cannot be read.
    pub diagnostics: Vec<Diagnostic>,
    /// What each field prints, read as typed citations (filled by `check`,
    /// index by index with `fields`).
    pub readings: Vec<Vec<Citation>>,
}

impl Resolution {
    /// The visible text of field `k`, whitespace collapsed.
    pub fn shown(&self, k: usize) -> &str {
        self.shown.get(k).map_or("", String::as_str)
    }
}

/// One entry printed in a manager's list field.
#[derive(Debug, Clone)]
pub struct Printed {
    /// Its list number.
    pub number: u32,
    /// Where its text is.
    pub span: Span,
    /// Which field printed it (an index into [`Resolution::fields`]);
    /// `None` for a typed list in a document whose manager printed none.
    pub field: Option<usize>,
    /// The number of the item it prints, if it prints one.
    pub item: Option<u32>,
    /// What it prints differently from the item: `year 2012`, `title`…
    pub differs: Vec<String>,
}

impl Resolution {
    /// Whether a manager touched the document.
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty() && self.printed.is_empty()
    }
}

/// Ties the manager's items in `source` to the document's printed list:
/// the records of the list (the manager's items first where they match an
/// entry, typed entries as parsed) and how they were tied. A document no
/// manager touched gives `printed` back unchanged.
pub fn resolve(
    source: &Source,
    document: &mut Document,
    printed: Vec<Reference>,
    vocab: &Vocabulary,
) -> (Vec<Reference>, Resolution) {
    let managed = source.managed();
    if managed.is_empty() {
        return (printed, Resolution::default());
    }
    let text = source.text();
    let lists = Lists::of(managed);
    let mut printed = printed;
    take_printed_lists(text, document, &mut printed, &lists, vocab);

    // The items as records, the printed entries matched to them.
    let mut items: Vec<Reference> = managed
        .items
        .iter()
        .map(|item| reference_of(item, vocab))
        .collect();
    let keys: Vec<Key> = items
        .iter()
        .zip(&managed.items)
        .map(|(r, item)| Key::of(r, item))
        .collect();
    let mut pairing = pair(text, managed, &items, &keys, &printed, &lists);
    pairing.dropped = unused_items(managed, &pairing);
    pairing.adopted = adopted_items(managed, &printed, &lists, &pairing);
    number_items(text, managed, &mut items, &printed, &pairing);

    let mut resolution = Resolution::default();
    tie_fields(text, managed, &items, &printed, &pairing, &mut resolution);
    tie_printed(
        managed,
        &items,
        &keys,
        &printed,
        &lists,
        &pairing,
        &mut resolution,
    );
    citations(source, &mut resolution);
    let out = records(items, printed, &pairing);
    (out, resolution)
}

/// The managers' list fields that print something, with where they print it.
struct Lists(Vec<(usize, Span)>);

impl Lists {
    fn of(managed: &Managed) -> Lists {
        Lists(
            managed
                .fields
                .iter()
                .enumerate()
                .filter(|(_, f)| f.kind == FieldKind::Bibliography && !f.result.is_empty())
                .map(|(k, f)| (k, f.result.clone()))
                .collect(),
        )
    }

    /// The list field that holds `span` whole.
    fn holding(&self, span: &Span) -> Option<usize> {
        self.0
            .iter()
            .find(|(_, l)| l.start <= span.start && span.end <= l.end)
            .map(|(k, _)| *k)
    }

    /// Whether any list field overlaps `span`.
    fn overlaps(&self, span: &Span) -> bool {
        self.0
            .iter()
            .any(|(_, l)| span.start < l.end && l.start < span.end)
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The printed list: a list field's paragraphs are its entries (Word
/// prints a numeric style's list as a table, the number in a cell of
/// its own); the split's entries elsewhere are typed entries. Without a
/// reference section, the list fields make it.
fn take_printed_lists(
    text: &str,
    document: &mut Document,
    printed: &mut Vec<Reference>,
    lists: &Lists,
    vocab: &Vocabulary,
) {
    let listed: Vec<Entry> = lists
        .0
        .iter()
        .flat_map(|(_, span)| entries_in(text, span.clone()))
        .collect();
    if listed.is_empty() {
        return;
    }
    let first = lists.0.iter().map(|(_, s)| s.start).min().unwrap_or(0);
    let last = lists.0.iter().map(|(_, s)| s.end).max().unwrap_or(0);
    if document.section.is_none() {
        document.body = document.body.start..first.min(document.body.end);
        document.section = Some(first..last);
        document
            .diagnostics
            .retain(|d| d.rule != Rule::MissingReferenceSection);
    }
    printed.retain(|r| !lists.overlaps(&r.span));
    printed.extend(listed.iter().map(|e| super::parse_entry(text, e, vocab)));
    printed.sort_by_key(|r| r.span.start);
    document.entries.retain(|e| !lists.overlaps(&e.span));
    document.entries.extend(listed);
    document.entries.sort_by_key(|e| e.span.start);
}

/// How items and printed entries were tied.
#[derive(Default)]
struct Pairing {
    /// The item each printed entry prints.
    item_of_printed: HashMap<usize, usize>,
    /// The printed entry of each item.
    printed_of_item: HashMap<usize, usize>,
    /// The items that are no records.
    dropped: HashSet<usize>,
    /// Printed entries of items whose data the document lacks: their
    /// origin and id.
    adopted: HashMap<usize, (Origin, String)>,
}

impl Pairing {
    fn tie(&mut self, item: usize, printed: usize) {
        self.item_of_printed.insert(printed, item);
        self.printed_of_item.insert(item, printed);
    }
}

/// The number Word gives an item of a numeric style (`b:RefOrder`).
fn ref_order(item: &Item) -> Option<u32> {
    item.csl
        .get("x-ref-order")
        .and_then(Value::as_str)
        .and_then(|o| o.trim().parse::<u32>().ok())
}

/// Matches items to the printed entries of the manager's list (without
/// one, a typed list stands for it): best agreement first, by title words,
/// author, year and Word's own numbering; then an item still unmatched
/// that a field cites alone under a number (`[3, s. 45]`, `(3)`) to the
/// entry of that number, if it agrees with the item in anything.
fn pair(
    text: &str,
    managed: &Managed,
    items: &[Reference],
    keys: &[Key],
    printed: &[Reference],
    lists: &Lists,
) -> Pairing {
    let candidates: Vec<usize> = (0..printed.len())
        .filter(|&p| lists.is_empty() || lists.holding(&printed[p].span).is_some())
        .collect();
    let printed_words: HashMap<usize, HashSet<String>> = candidates
        .iter()
        .map(|&p| (p, word_set(&printed[p].raw)))
        .collect();
    let mut pairs: Vec<(u32, usize, usize)> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        for &p in &candidates {
            let m = compare(&keys[i], &printed_words[&p]);
            let ordered = ref_order(&managed.items[i]) == Some(printed[p].number);
            let agree = m.author || m.year;
            if m.title >= 0.5
                || (item.title.is_none() && m.author && m.year)
                || (ordered && agree && m.title >= 0.25)
            {
                let score = (m.title * 100.0) as u32
                    + 20 * u32::from(m.author)
                    + 20 * u32::from(m.year)
                    + 30 * u32::from(ordered);
                pairs.push((score, i, p));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut pairing = Pairing::default();
    for (_, i, p) in pairs {
        if pairing.item_of_printed.contains_key(&p) || pairing.printed_of_item.contains_key(&i) {
            continue;
        }
        pairing.tie(i, p);
    }
    for (i, item) in managed.items.iter().enumerate() {
        if pairing.printed_of_item.contains_key(&i) {
            continue;
        }
        let shown_numbers = managed.fields.iter().filter_map(|f| {
            let [only] = f.items.as_slice() else {
                return None;
            };
            (f.kind == FieldKind::Citation && only.id == item.id)
                .then(|| leading_number(text.get(f.result.clone())?))
                .flatten()
        });
        for n in shown_numbers {
            let Some(&p) = candidates
                .iter()
                .find(|&&p| printed[p].number == n && !pairing.item_of_printed.contains_key(&p))
            else {
                continue;
            };
            let m = compare(&keys[i], &printed_words[&p]);
            if m.title >= 0.25 || m.author || m.year {
                pairing.tie(i, p);
                break;
            }
        }
    }
    pairing
}

/// Items no field cites and no entry prints: Word keeps every source of
/// the document's current list, used or not; they are no records.
fn unused_items(managed: &Managed, pairing: &Pairing) -> HashSet<usize> {
    let cited: HashSet<&str> = managed
        .fields
        .iter()
        .flat_map(|f| &f.items)
        .map(|c| c.id.as_str())
        .collect();
    (0..managed.items.len())
        .filter(|i| {
            !pairing.printed_of_item.contains_key(i)
                && !cited.contains(managed.items[*i].id.as_str())
        })
        .collect()
}

/// A list's items added without a citation whose data the document
/// does not hold (Zotero keeps only their URIs in the list's code): the
/// list's unmatched entries print them, in order.
fn adopted_items(
    managed: &Managed,
    printed: &[Reference],
    lists: &Lists,
    pairing: &Pairing,
) -> HashMap<usize, (Origin, String)> {
    let mut adopted: HashMap<usize, (Origin, String)> = HashMap::new();
    for (k, span) in &lists.0 {
        let field = &managed.fields[*k];
        let ids = field
            .items
            .iter()
            .filter(|c| c.label.is_none() && managed.item(&c.id).is_none())
            .map(|c| c.id.clone());
        let unmatched = (0..printed.len()).filter(|p| {
            !pairing.item_of_printed.contains_key(p)
                && span.start <= printed[*p].span.start
                && printed[*p].span.end <= span.end
        });
        for (p, id) in unmatched.zip(ids) {
            adopted.insert(p, (field.origin, id));
        }
    }
    adopted
}

/// Numbers: a printed item keeps its entry's number (and its text, span
/// and findings); the others follow the list in order of first citation,
/// then in the manager's order, each with an empty span where it is first
/// cited.
fn number_items(
    text: &str,
    managed: &Managed,
    items: &mut [Reference],
    printed: &[Reference],
    pairing: &Pairing,
) {
    let mut used: HashSet<u32> = printed.iter().map(|r| r.number).collect();
    let mut next = used.iter().copied().max().unwrap_or(0) + 1;
    let index_of: HashMap<&str, usize> = managed
        .items
        .iter()
        .enumerate()
        .map(|(i, it)| (it.id.as_str(), i))
        .collect();
    let mut order: Vec<usize> = Vec::new();
    for f in &managed.fields {
        for c in &f.items {
            if let Some(&i) = index_of.get(c.id.as_str())
                && !order.contains(&i)
            {
                order.push(i);
            }
        }
    }
    let rest: Vec<usize> = (0..items.len()).filter(|i| !order.contains(i)).collect();
    order.extend(rest);
    for i in order {
        if pairing.dropped.contains(&i) {
            continue;
        }
        if let Some(&p) = pairing.printed_of_item.get(&i) {
            let entry = &printed[p];
            let item = &mut items[i];
            item.number = entry.number;
            item.span = entry.span.clone();
            item.raw = entry.raw.clone();
            item.diagnostics = entry.diagnostics.clone();
            continue;
        }
        let ref_order = ref_order(&managed.items[i]).filter(|o| *o > 0 && !used.contains(o));
        let number = ref_order.unwrap_or_else(|| {
            while used.contains(&next) {
                next += 1;
            }
            next
        });
        items[i].number = number;
        used.insert(number);
        let at = managed
            .fields
            .iter()
            .find(|f| f.items.iter().any(|c| c.id == managed.items[i].id))
            .map_or(text.len(), |f| f.result.start);
        items[i].span = at..at;
    }
}

/// Every manager field with the list numbers of the items it cites, and
/// its visible text.
fn tie_fields(
    text: &str,
    managed: &Managed,
    items: &[Reference],
    printed: &[Reference],
    pairing: &Pairing,
    resolution: &mut Resolution,
) {
    let mut number_of: HashMap<&str, u32> = managed
        .items
        .iter()
        .zip(items)
        .map(|(it, r)| (it.id.as_str(), r.number))
        .collect();
    for (p, (_, id)) in &pairing.adopted {
        number_of.insert(id.as_str(), printed[*p].number);
    }
    for f in &managed.fields {
        let numbers = f
            .items
            .iter()
            .map(|c| number_of.get(c.id.as_str()).copied())
            .collect();
        resolution.fields.push((f.clone(), numbers));
        let shown = text.get(f.result.clone()).unwrap_or_default();
        resolution
            .shown
            .push(shown.split_whitespace().collect::<Vec<_>>().join(" "));
    }
}

/// Each printed entry of the manager's list (or of the typed list without
/// one) with the item it prints and what it prints differently.
fn tie_printed(
    managed: &Managed,
    items: &[Reference],
    keys: &[Key],
    printed: &[Reference],
    lists: &Lists,
    pairing: &Pairing,
    resolution: &mut Resolution,
) {
    for (p, entry) in printed.iter().enumerate() {
        let field = lists.holding(&entry.span);
        if field.is_none() && !lists.is_empty() {
            continue;
        }
        let item = pairing.item_of_printed.get(&p).copied();
        // An entry the author edited in Zotero prints as edited.
        let custom = |i: usize| {
            field.and_then(|k| managed.fields.get(k)).is_some_and(|f| {
                f.items
                    .iter()
                    .any(|c| c.id == managed.items[i].id && c.label.as_deref() == Some("custom"))
            })
        };
        let differs = item
            .filter(|&i| !custom(i))
            .map(|i| {
                compare(&keys[i], &word_set(&entry.raw)).differs(
                    &items[i],
                    &managed.items[i],
                    entry,
                )
            })
            .unwrap_or_default();
        resolution.printed.push(Printed {
            number: entry.number,
            span: entry.span.clone(),
            field,
            item: item
                .map(|i| items[i].number)
                .or(pairing.adopted.contains_key(&p).then_some(entry.number)),
            differs,
        });
    }
}

/// The records: the items in number order, then the typed entries (and
/// printed entries no item matches) as read.
fn records(items: Vec<Reference>, printed: Vec<Reference>, pairing: &Pairing) -> Vec<Reference> {
    let mut out: Vec<Reference> = items
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !pairing.dropped.contains(i))
        .map(|(_, r)| r)
        .collect();
    for (p, mut entry) in printed.into_iter().enumerate() {
        if pairing.item_of_printed.contains_key(&p) {
            continue;
        }
        match pairing.adopted.get(&p) {
            Some((origin, id)) => {
                entry.origin = Some(*origin);
                entry.id = Some(id.clone());
            }
            None => entry.origin = Some(Origin::Text),
        }
        out.push(entry);
    }
    out.sort_by_key(|r| (r.number, r.span.start));
    out
}

/// The citations of the citation fields, with the findings about fields
/// that cite unknown ids or cannot be read.
fn citations(source: &Source, resolution: &mut Resolution) {
    let text = source.text();
    for (field, numbers) in &resolution.fields {
        if field.kind != FieldKind::Citation {
            continue;
        }
        let printed = text.get(field.result.clone()).unwrap_or_default();
        if let Some(problem) = &field.problem {
            resolution.diagnostics.push(
                Diagnostic::new(
                    Rule::MalformedCitation,
                    field.result.clone(),
                    format!(
                        "{} field `{}` printed as `{}` cannot be read: {problem}",
                        field.origin.manager(),
                        field.code,
                        printed.trim()
                    ),
                )
                .with_help("refresh the citation from the reference manager, or insert it again"),
            );
            continue;
        }
        let mut items = Vec::new();
        for (cited, number) in field.items.iter().zip(numbers) {
            let Some(number) = number else {
                resolution.diagnostics.push(
                    Diagnostic::new(
                        Rule::DanglingCitation,
                        field.result.clone(),
                        format!(
                            "`{}` ({} field `{}`) cites `{}`, which the document's sources do not hold",
                            printed.trim(),
                            field.origin.manager(),
                            field.code,
                            cited.id
                        ),
                    )
                    .with_help("add the source in the manager, or cite one it holds"),
                );
                continue;
            };
            let locator = cited.locator.as_ref().map(|value| Locator {
                label: meaning(cited.label.as_deref()),
                value: value.trim().replace(['–', '—'], "-"),
                printed: None,
                span: field.result.clone(),
            });
            items.push(CitationItem {
                reference: Some(*number),
                author: None,
                year: None,
                number_span: field.result.clone(),
                locator,
                more_locators: Vec::new(),
                parts: Vec::new(),
            });
        }
        if !items.is_empty() {
            resolution.citations.push(Citation {
                text: printed.to_string(),
                span: field.result.clone(),
                items,
                style: CitationStyle::Numbered,
                narrative: false,
            });
        }
    }
}

/// The meaning of a CSL locator label (`page` when there is none).
fn meaning(label: Option<&str>) -> Meaning {
    match label.unwrap_or("page").trim().to_ascii_lowercase().as_str() {
        "folio" | "leaf" => Meaning::Leaf,
        "volume" => Meaning::Volume,
        "issue" | "number" => Meaning::Issue,
        "part" => Meaning::Part,
        "book" => Meaning::Book,
        "chapter" => Meaning::Chapter,
        "column" => Meaning::Column,
        "section" => Meaning::Section,
        "paragraph" => Meaning::Paragraph,
        "note" => Meaning::Note,
        "line" | "verse" => Meaning::Line,
        "figure" => Meaning::Figure,
        "appendix" => Meaning::Appendix,
        _ => Meaning::Page,
    }
}

/// The paragraphs of a list field's result as entries: a leading number
/// (`1.`, `1)`, `[1]`) is the entry's number, else its position.
fn entries_in(text: &str, span: Span) -> Vec<Entry> {
    let mut out = Vec::new();
    // A number alone on its line (a table cell) numbers the next line.
    let mut pending: Option<(u32, Span)> = None;
    for line in crate::source::lines_in(text, span) {
        let s = &text[line.span.clone()];
        let lead = s.len() - s.trim_start().len();
        let body = &s[lead..];
        if body.trim().is_empty() {
            continue;
        }
        let (number, marker_len) = list_marker(body).unzip();
        let content = marker_len.unwrap_or(0);
        let rest = &body[content..];
        let skip = rest.len() - rest.trim_start().len();
        let start = line.span.start + lead + content + skip;
        let end = line.span.start + s.trim_end().len();
        let marker = marker_len.map(|m| line.span.start + lead..line.span.start + lead + m);
        if start >= end {
            pending = number.zip(marker);
            continue;
        }
        let (number, marker) = match (number, pending.take()) {
            (None, Some((n, m))) => (Some(n), Some(m)),
            (n, _) => (n, marker),
        };
        out.push(Entry {
            number: number.unwrap_or(out.len() as u32 + 1),
            marker,
            span: start..end,
        });
    }
    out
}

/// The number a numeric citation starts with: `[3, s. 45]` and `(3)` give
/// 3, `(Brown, 2020)` nothing.
pub(crate) fn leading_number(shown: &str) -> Option<u32> {
    let rest = shown.trim_start().strip_prefix(['[', '('])?.trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let after = rest[digits.len()..].chars().next();
    if digits.is_empty() || digits.len() > 5 || after.is_some_and(|c| c.is_letter_or_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// A list number at the start of `s` and the length of its marker.
fn list_marker(s: &str) -> Option<(u32, usize)> {
    let bracket = s.starts_with('[');
    let digits_at = usize::from(bracket);
    let digits: String = s[digits_at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    if digits.is_empty() || digits.len() > 5 {
        return None;
    }
    let mut end = digits_at + digits.len();
    let close = s[end..].chars().next()?;
    if bracket {
        if close != ']' {
            return None;
        }
        end += 1;
    } else if matches!(close, '.' | ')') {
        end += 1;
    } else if close != '\t' {
        return None;
    }
    let after = s[end..].chars().next();
    after
        .is_none_or(char::is_whitespace)
        .then(|| Some((digits.parse().ok()?, end)))
        .flatten()
}

/// How a printed entry agrees with an item.
struct Agreement {
    /// The share of the item's title words printed.
    title: f32,
    /// Whether the first author's family name is printed.
    author: bool,
    /// Whether the item's year is printed.
    year: bool,
    /// Whether the item has a year.
    has_year: bool,
    /// Whether the item has an author.
    has_author: bool,
    /// Whether the item has a title of words to look for.
    has_title: bool,
}

impl Agreement {
    /// What the entry (read as `printed`) prints differently from the item.
    fn differs(&self, r: &Reference, item: &Item, printed: &Reference) -> Vec<String> {
        let shown = |value: Option<String>| match value {
            Some(v) => format!(", printed `{v}`"),
            None => String::new(),
        };
        let mut out = Vec::new();
        if self.has_title && self.title < 0.9 {
            out.push(format!(
                "the title `{}`{}",
                r.title.as_deref().unwrap_or_default(),
                shown(printed.title.clone())
            ));
        }
        if self.has_author && !self.author {
            let who = r.authors.first().or(r.editors.first());
            let printed_who = printed.authors.first().map(|p| p.family.clone());
            out.push(format!(
                "the author `{}`{}",
                who.map_or("", |p| p.family.as_str()),
                shown(printed_who)
            ));
        }
        if self.has_year && !self.year {
            let as_printed = printed
                .original_year
                .map(|o| o.year)
                .or(printed.year)
                .map(|y| y.to_string());
            out.push(format!(
                "the year `{}`{}",
                printed_year(item).unwrap_or_default(),
                shown(as_printed)
            ));
        }
        out
    }
}

/// Letters-and-digits words of `text`, case-folded, digits in ASCII.
fn words(text: &str) -> Vec<String> {
    let folded: String = fold(text)
        .chars()
        .map(|c| match digit_value(c) {
            Some(d) if !c.is_ascii_digit() => char::from_digit(d, 10).unwrap_or(c),
            _ => c,
        })
        .collect();
    folded
        .split(|c: char| !c.is_letter_or_digit())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// What of an item is looked for in a printed entry: its title words,
/// its first author's family name, its year as printed.
struct Key {
    title: Vec<String>,
    family: Option<Vec<String>>,
    year: Option<String>,
}

impl Key {
    fn of(r: &Reference, item: &Item) -> Key {
        let title = r
            .title
            .as_deref()
            .map(words)
            .unwrap_or_default()
            .into_iter()
            .filter(|w| w.chars().count() >= 3 || w.chars().all(|c| c.is_ascii_digit()))
            .collect();
        let first = r.authors.first().or(r.editors.first());
        Key {
            title,
            family: first.map(|p| words(&p.family)),
            year: printed_year(item),
        }
    }
}

/// The words of a printed entry, as a set.
fn word_set(printed: &str) -> HashSet<String> {
    words(printed).into_iter().collect()
}

fn compare(key: &Key, printed_words: &HashSet<String>) -> Agreement {
    let title = if key.title.is_empty() {
        0.0
    } else {
        key.title
            .iter()
            .filter(|w| printed_words.contains(*w))
            .count() as f32
            / key.title.len() as f32
    };
    let author = key
        .family
        .as_ref()
        .is_some_and(|f| !f.is_empty() && f.iter().all(|w| printed_words.contains(w)));
    Agreement {
        title,
        author,
        year: key
            .year
            .as_ref()
            .is_some_and(|y| printed_words.iter().any(|w| w.contains(y.as_str()))),
        has_year: key.year.is_some(),
        has_author: key.family.is_some(),
        has_title: !key.title.is_empty(),
    }
}

/// The item's year as the manager prints it (before any calendar
/// conversion), ASCII digits.
fn printed_year(item: &Item) -> Option<String> {
    let issued = item.csl.get("issued")?;
    let first = issued
        .pointer("/date-parts/0/0")
        .map(|v| match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        })
        .or_else(|| issued.get("raw").and_then(Value::as_str).map(str::to_owned))
        .or_else(|| {
            issued
                .get("literal")
                .and_then(Value::as_str)
                .map(str::to_owned)
        })
        .or_else(|| issued.as_str().map(str::to_owned))?;
    let digits: String = words(&first)
        .into_iter()
        .find(|w| w.len() >= 3 && w.chars().all(|c| c.is_ascii_digit()))?;
    Some(digits)
}

// ---------------------------------------------------------------------------
// CSL-JSON -> Reference

fn string(m: &Map<String, Value>, key: &str) -> Option<String> {
    let v = m.get(key)?;
    let s = match v {
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    (!s.is_empty()).then_some(s)
}

fn names(m: &Map<String, Value>, key: &str) -> Vec<Person> {
    let Some(list) = m.get(key).and_then(Value::as_array) else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|n| {
            let n = n.as_object()?;
            if let Some(literal) = string(n, "literal") {
                return Some(Person {
                    family: literal,
                    ..Person::default()
                });
            }
            let family: Vec<String> = ["non-dropping-particle", "family"]
                .iter()
                .filter_map(|k| string(n, k))
                .collect();
            if family.is_empty() {
                return None;
            }
            let given: Vec<String> = ["given", "dropping-particle"]
                .iter()
                .filter_map(|k| string(n, k))
                .collect();
            Some(Person {
                family: family.join(" "),
                given: (!given.is_empty()).then(|| given.join(" ")),
                alias: None,
            })
        })
        .collect()
}

/// A CSL date's year, month and day.
fn date_of(v: Option<&Value>) -> Option<(i32, Option<u8>, Option<u8>)> {
    let v = v?;
    let parts = v.pointer("/date-parts/0").and_then(Value::as_array);
    let num = |x: &Value| match x {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => words(s).first()?.parse().ok(),
        _ => None,
    };
    if let Some(parts) = parts {
        let year = num(parts.first()?)? as i32;
        let month = parts
            .get(1)
            .and_then(num)
            .and_then(|m| u8::try_from(m).ok());
        let day = parts
            .get(2)
            .and_then(num)
            .and_then(|d| u8::try_from(d).ok());
        return Some((year, month, day));
    }
    let raw = v
        .get("raw")
        .or_else(|| v.get("literal"))
        .and_then(Value::as_str)
        .or_else(|| v.as_str())?;
    let year = words(raw)
        .into_iter()
        .find(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()))?
        .parse()
        .ok()?;
    Some((year, None, None))
}

/// An item's language: its code (`ru`, `az-Latn`), or its name as
/// `bib/languages.toml` lists it (`Russian`, `Azərbaycanca`).
fn language_of(m: &Map<String, Value>, vocab: &Vocabulary) -> Option<Language> {
    let tag = string(m, "language")?.to_lowercase();
    let code = tag.split(['-', '_']).next().unwrap_or_default();
    Language::from_code(code).or_else(|| {
        vocab
            .languages
            .iter()
            .find(|l| l.names.contains(&tag))
            .and_then(|l| Language::from_code(&l.code))
    })
}

/// One item as a record of the model, numbered 0 until the list is known.
///
/// | CSL `type` | kind |
/// |---|---|
/// | `book`, `report` | book |
/// | `chapter`, `paper-conference`, `entry-encyclopedia`, `entry-dictionary` | chapter |
/// | `article-journal`, `article`, `article-magazine`, `review` | article |
/// | `article-newspaper` | newspaper |
/// | `thesis` | thesis |
/// | `webpage`, `post`, `post-weblog` | web |
/// | `manuscript`, `document`, `letter`, `interview`… with an `archive` or `archive_location` | archival |
/// | `manuscript`, `document` and the rest, with a title | book |
pub fn reference_of(item: &Item, vocab: &Vocabulary) -> Reference {
    let m = &item.csl;
    let mut r = Reference::unparsed(0, 0..0, String::new());
    r.origin = Some(item.origin);
    r.id = Some(item.id.clone());
    r.authors = names(m, "author");
    r.editors = names(m, "editor");
    r.translators = names(m, "translator");
    r.title = string(m, "title");
    r.container = string(m, "container-title");
    r.place = string(m, "publisher-place");
    r.publisher = string(m, "publisher");
    r.edition = string(m, "edition");
    r.volume = string(m, "volume");
    r.volumes = string(m, "number-of-volumes");
    r.issue = string(m, "issue");
    r.pages = string(m, "page").map(|p| p.replace(['–', '—'], "-"));
    r.extent = string(m, "number-of-pages");
    r.url = string(m, "URL");
    r.genre = string(m, "genre");
    // What the model has no field for is kept in the note.
    r.note = ["note", "DOI", "ISBN", "collection-title"]
        .iter()
        .filter_map(|k| {
            string(m, k).map(|v| match *k {
                "note" => v,
                "collection-title" => format!("series: {v}"),
                other => format!("{other} {v}"),
            })
        })
        .reduce(|a, b| format!("{a}; {b}"));
    let archive = string(m, "archive");
    let location = string(m, "archive_location");
    let csl_type = string(m, "type").unwrap_or_else(|| "document".to_owned());
    r.kind = match csl_type.as_str() {
        "book" | "report" => ReferenceKind::Book,
        "chapter" | "paper-conference" | "entry-encyclopedia" | "entry-dictionary" => {
            ReferenceKind::Chapter
        }
        "article-journal" | "article" | "article-magazine" | "review" | "review-book" => {
            ReferenceKind::Article
        }
        "article-newspaper" => ReferenceKind::Newspaper,
        "thesis" => ReferenceKind::Thesis,
        "webpage" | "post" | "post-weblog" => ReferenceKind::Web,
        _ if archive.is_some() || location.is_some() => ReferenceKind::Archival,
        _ if r.title.is_some() => ReferenceKind::Book,
        _ => ReferenceKind::Other,
    };
    if r.kind == ReferenceKind::Archival {
        r.archive = Some(archive_of(archive.as_deref(), location.as_deref(), vocab));
    } else if let Some(location) = location {
        // A book's shelfmark in a library: kept, not an archival file.
        r.note = Some(match r.note.take() {
            Some(n) => format!("{n}; {location}"),
            None => location,
        });
    }
    r.language = language_of(m, vocab).or_else(|| {
        let text = [r.title.as_deref(), r.container.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        detect_language(&text, vocab)
    });
    if let Some((year, month, day)) = date_of(m.get("issued")) {
        // A year of the Solar Hijri calendar, as Persian items hold it.
        let arabic_script = r
            .title
            .as_deref()
            .and_then(dominant_script)
            .is_some_and(|s| s == Script::Arabic);
        if (1250..1500).contains(&year) && (arabic_script || r.language == Some(Language::Fa)) {
            r.original_year = Some(OriginalYear {
                calendar: Calendar::SolarHijri,
                year,
            });
            r.year = to_gregorian(Calendar::SolarHijri, year);
        } else {
            r.year = Some(year);
            if month.is_some() {
                r.issued = Some(Ymd { year, month, day });
                r.date = Some(Ymd { year, month, day }.iso());
            }
        }
    }
    if let Some((year, month, day)) = date_of(m.get("accessed")) {
        let ymd = Ymd { year, month, day };
        r.accessed = Some(ymd.iso());
        r.accessed_on = Some(ymd);
    }
    r.spans = Default::default();
    r
}

/// The archival search data of an item: its archive, and the fond,
/// inventory, file and leaves read from its location as the parser reads
/// them in a printed entry (`f. 28, siy. 1, iş 72`, `Ф. 130. Оп. 1. Д. 45`).
fn archive_of(name: Option<&str>, location: Option<&str>, vocab: &Vocabulary) -> Box<Archive> {
    let mut archive = location
        .map(|l| {
            let text = match name {
                Some(n) => format!("{n}. {l}"),
                None => l.to_owned(),
            };
            parse_reference(&text, vocab).archive.unwrap_or_default()
        })
        .unwrap_or_default();
    if let Some(name) = name {
        archive.name = Some(name.to_owned());
    }
    archive
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn item(v: Value) -> Item {
        Item {
            origin: Origin::Zotero,
            id: "http://zotero.org/users/1/items/ABC".into(),
            csl: v.as_object().cloned().unwrap_or_default(),
        }
    }

    #[test]
    fn a_zotero_archival_item_keeps_its_archive() {
        let vocab = Vocabulary::default();
        let r = reference_of(
            &item(
                json!({"type": "manuscript", "title": "Məktub", "archive": "ARDA",
                          "archive_location": "f. 28, siy. 1, iş 72", "language": "az"}),
            ),
            &vocab,
        );
        assert_eq!(r.kind, ReferenceKind::Archival);
        let a = r.archive.expect("archive");
        assert_eq!(a.name.as_deref(), Some("ARDA"));
        assert_eq!(a.fond.as_deref(), Some("28"));
        assert_eq!(a.inventory.as_deref(), Some("1"));
        assert_eq!(a.file.as_deref(), Some("72"));
        assert_eq!(r.language, Some(Language::Az));
        assert_eq!(r.origin, Some(Origin::Zotero));
    }

    #[test]
    fn what_the_model_has_no_field_for_is_kept_in_the_note() {
        let r = reference_of(
            &item(
                json!({"type": "article-journal", "title": "The British at Baku",
                          "DOI": "10.1080/00263206.2019.1", "note": "Translated from Russian"}),
            ),
            &Vocabulary::default(),
        );
        assert_eq!(
            r.note.as_deref(),
            Some("Translated from Russian; DOI 10.1080/00263206.2019.1")
        );
    }

    #[test]
    fn a_persian_year_is_solar_hijri() {
        let r = reference_of(
            &item(json!({"type": "book", "title": "توفان بر فراز قفقاز",
                          "author": [{"family": "بیات", "given": "کاوه"}],
                          "issued": {"date-parts": [["1388"]]}})),
            &Vocabulary::default(),
        );
        assert_eq!(r.year, Some(2009));
        assert_eq!(r.original_year.map(|o| o.year), Some(1388));
        assert_eq!(r.language, Some(Language::Fa));
    }

    /// A document whose manager printed one list entry and one citation.
    fn source(list_items: Vec<crate::managed::Cited>, extra_item: bool) -> Source {
        use crate::managed::{Cited, Managed};
        let text = "Mətn (1, s. 5).\n\nƏDƏBİYYAT\n\n1. Həsənli C. Sovet dövründə Azərbaycanın xarici siyasəti. Bakı, 2013.\n";
        let cite = text.find("(1").unwrap_or(0);
        let list = text.find("1. H").unwrap_or(0);
        let hasanli = item(
            json!({"type": "book", "title": "Sovet dövründə Azərbaycanın xarici siyasəti",
                                   "author": [{"family": "Həsənli", "given": "Cəmil"}],
                                   "issued": {"date-parts": [[2012]]}}),
        );
        let mut items = vec![hasanli.clone()];
        if extra_item {
            items.push(Item {
                id: "never-used".into(),
                ..item(json!({"type": "book", "title": "Başqa kitab"}))
            });
        }
        let field = |kind, result: Span, items| Field {
            origin: Origin::Zotero,
            kind,
            code: "ADDIN ZOTERO_ITEM".into(),
            result,
            items,
            printed: None,
            problem: None,
        };
        let managed = Managed {
            items,
            fields: vec![
                field(
                    FieldKind::Citation,
                    cite..cite + "(1, s. 5)".len(),
                    vec![Cited {
                        id: hasanli.id.clone(),
                        locator: Some("5".into()),
                        label: None,
                    }],
                ),
                field(FieldKind::Bibliography, list..text.len() - 1, list_items),
            ],
        };
        Source::new("m.docx", text)
            .extracted()
            .with_managed(managed)
    }

    #[test]
    fn an_entry_edited_in_zotero_is_not_stale_and_an_unused_item_is_no_record() {
        use crate::managed::Cited;
        let vocab = Vocabulary::default();
        let resolve_source = |source: &Source| {
            let mut document = crate::split::split(source, &vocab);
            let printed = super::super::parse_references(source, &document, &vocab);
            resolve(source, &mut document, printed, &vocab)
        };
        // Printed 2013 where Zotero holds 2012: stale.
        let (records, resolution) = resolve_source(&source(Vec::new(), true));
        assert_eq!(resolution.printed.len(), 1);
        assert_eq!(resolution.printed[0].item, Some(1));
        assert!(resolution.printed[0].differs[0].contains("`2012`, printed `2013`"));
        // The item no field cites and no entry prints is no record.
        assert_eq!(records.len(), 1, "{records:#?}");
        assert_eq!(resolution.citations.len(), 1);
        // The author edited the entry in Zotero: not stale.
        let custom = vec![Cited {
            id: "http://zotero.org/users/1/items/ABC".into(),
            locator: None,
            label: Some("custom".into()),
        }];
        let (_, resolution) = resolve_source(&source(custom, false));
        assert!(resolution.printed[0].differs.is_empty());
    }

    #[test]
    fn a_typed_entry_the_citation_numbers_prints_its_item() {
        use crate::managed::{Cited, Managed};
        // Zotero's citation, a list typed by hand in another spelling: the
        // title hardly agrees, the number and the year do.
        let text = "Mətn [1, s. 5].\n\nƏDƏBİYYAT\n\n1. Hasanli J. Sovet dovrunde. Baku, 2012.\n";
        let cite = text.find("[1").unwrap_or(0);
        let hasanli = item(
            json!({"type": "book", "title": "Sovet dövründə Azərbaycanın xarici siyasəti",
                                   "author": [{"family": "Həsənli", "given": "Cəmil"}],
                                   "issued": {"date-parts": [[2012]]}}),
        );
        let managed = Managed {
            items: vec![hasanli.clone()],
            fields: vec![Field {
                origin: Origin::Zotero,
                kind: FieldKind::Citation,
                code: "ADDIN ZOTERO_ITEM".into(),
                result: cite..cite + "[1, s. 5]".len(),
                items: vec![Cited {
                    id: hasanli.id.clone(),
                    locator: Some("5".into()),
                    label: None,
                }],
                printed: None,
                problem: None,
            }],
        };
        let source = Source::new("m.docx", text)
            .extracted()
            .with_managed(managed);
        let vocab = Vocabulary::default();
        let mut document = crate::split::split(&source, &vocab);
        let printed = super::super::parse_references(&source, &document, &vocab);
        let (records, resolution) = resolve(&source, &mut document, printed, &vocab);
        assert_eq!(records.len(), 1, "{records:#?}");
        assert_eq!(records[0].number, 1);
        assert_eq!(records[0].origin, Some(Origin::Zotero));
        assert_eq!(resolution.printed[0].item, Some(1));
    }

    #[test]
    fn leading_numbers_of_numeric_citations() {
        assert_eq!(leading_number("[3, s. 45]"), Some(3));
        assert_eq!(leading_number(" (12)"), Some(12));
        assert_eq!(leading_number("(Brown, 2020)"), None);
        assert_eq!(leading_number("(2012a, p. 4)"), None);
    }

    #[test]
    fn word_numbers_an_item_by_its_ref_order() {
        let numbered = item(json!({"id": "Has12", "x-ref-order": " 3 "}));
        assert_eq!(ref_order(&numbered), Some(3));
        assert_eq!(ref_order(&item(json!({"id": "Has12"}))), None);
    }

    #[test]
    fn a_list_field_holds_the_entries_inside_it() {
        let lists = Lists(vec![(2, 10..50)]);
        assert_eq!(lists.holding(&(12..30)), Some(2));
        assert_eq!(lists.holding(&(40..60)), None);
        assert!(lists.overlaps(&(40..60)));
        assert!(!lists.overlaps(&(50..60)));
    }

    #[test]
    fn a_language_typed_by_name_is_read_from_the_vocabulary() {
        let v = Vocabulary::builtin();
        let lang = |tag: &str| language_of(&item(json!({"language": tag})).csl, &v);
        assert_eq!(lang("Azərbaycanca"), Some(Language::Az));
        assert_eq!(lang("ru-RU"), Some(Language::Ru));
        assert_eq!(lang("فارسی"), Some(Language::Fa));
        assert_eq!(lang("Klingon"), None);
    }

    #[test]
    fn list_markers() {
        assert_eq!(list_marker("[3]\tBayat"), Some((3, 3)));
        assert_eq!(list_marker("12. Həsənli"), Some((12, 3)));
        assert_eq!(list_marker("1)\tX"), Some((1, 2)));
        assert_eq!(list_marker("1920-ci il"), None);
        assert_eq!(list_marker("Həsənli"), None);
    }

    #[test]
    fn a_list_printed_as_a_table_numbers_each_entry_by_its_cell() {
        let text = "[1]\nHəsənli C. Bakı, 2012.\n[2]\nBayat K. 1388.\n3. Brown E. 2020.\n";
        let entries = entries_in(text, 0..text.len());
        let got: Vec<(u32, &str)> = entries
            .iter()
            .map(|e| (e.number, &text[e.span.clone()]))
            .collect();
        assert_eq!(
            got,
            [
                (1, "Həsənli C. Bakı, 2012."),
                (2, "Bayat K. 1388."),
                (3, "Brown E. 2020.")
            ]
        );
    }
}
