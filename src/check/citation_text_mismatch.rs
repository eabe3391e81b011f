//! Check C018 citation-text-mismatch: a reference manager's citation whose visible text no longer says what its field cites.

use super::{Check, Context, RuleDocs};
use crate::diagnostic::Diagnostic;
use crate::managed::{Cited, Field, FieldKind};
use crate::model::Citation;
use crate::parse::managed::leading_number;
use crate::rule::Rule;
use crate::script::Letter;
use crate::script::fold;

/// Finds citation fields whose printed result was typed over: the text
/// differs from what the manager printed last (Zotero keeps it as
/// `plainCitation`, Mendeley as `previouslyFormattedCitation`), or, where
/// the manager keeps no copy (Word, EndNote), the numbers and locators the
/// text shows are not the ones the field cites.
pub(crate) struct CitationTextMismatch;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "The visible text of a citation field (Word's `CITATION`, Zotero, Mendeley, EndNote) was edited so that it no longer says what the field cites.",
    why: "The reader sees the typed text; the manager keeps the field's items and will print them again at the next refresh, silently undoing the edit. Either the reader is misled now, or the author's correction is lost later.",
    example: "Zotero printed `(5, s. 140)` and the text now reads `(5, s. 14)`: flagged, naming the field and both texts. A Word field `CITATION Has12 \\p 45` shown as `(3, s. 12)`: flagged, it cites entry 1, page 45.",
    fix: "No automatic fix: change the citation in the manager (its page, its items) and refresh, rather than editing the printed text.",
};

/// The text with spaces collapsed.
fn collapsed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A locator value compared loosely: digits and letters, dashes as `-`.
fn loose(value: &str) -> String {
    fold(value)
        .chars()
        .filter(|c| c.is_letter_or_digit() || *c == '-')
        .collect()
}

/// What a field cites, for a message: `entry 1, page 45; entry 3`.
fn cites(field: &Field, numbers: &[Option<u32>]) -> String {
    field
        .items
        .iter()
        .zip(numbers)
        .filter_map(|(c, n)| {
            let n = (*n)?;
            Some(match &c.locator {
                Some(l) => format!("entry {n}, {} {l}", c.label.as_deref().unwrap_or("page")),
                None => format!("entry {n}"),
            })
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Why a numeric reading of the text differs from the field, if it does.
fn numeric_difference(
    field: &Field,
    numbers: &[Option<u32>],
    readings: &[Citation],
) -> Option<String> {
    let shown: Vec<(u32, Option<String>)> = readings
        .iter()
        .flat_map(|c| &c.items)
        .filter_map(|i| Some((i.reference?, i.locator.as_ref().map(|l| l.value.clone()))))
        .collect();
    let cited: Vec<(u32, Option<&String>)> = field
        .items
        .iter()
        .zip(numbers)
        .filter_map(|(c, n)| Some(((*n)?, c.locator.as_ref())))
        .collect();
    let mut shown_numbers: Vec<u32> = shown.iter().map(|(n, _)| *n).collect();
    let mut cited_numbers: Vec<u32> = cited.iter().map(|(n, _)| *n).collect();
    shown_numbers.sort_unstable();
    shown_numbers.dedup();
    cited_numbers.sort_unstable();
    cited_numbers.dedup();
    if shown_numbers != cited_numbers {
        let list = |v: &[u32]| v.iter().map(u32::to_string).collect::<Vec<_>>().join(", ");
        return Some(format!(
            "it shows entry {} and the field cites entry {}",
            list(&shown_numbers),
            list(&cited_numbers)
        ));
    }
    for (n, locator) in cited {
        let Some(locator) = locator else { continue };
        let printed = shown
            .iter()
            .filter(|(m, _)| *m == n)
            .filter_map(|(_, l)| l.as_deref())
            .collect::<Vec<_>>();
        if !printed.iter().any(|p| loose(p) == loose(locator)) {
            return Some(match printed.first() {
                Some(p) => format!("it shows `{p}` for entry {n} and the field cites `{locator}`"),
                None => {
                    format!("it shows no locator for entry {n} and the field cites `{locator}`")
                }
            });
        }
    }
    None
}

/// Why an author-date text differs from the field, if it does: an item
/// whose author (or title) the text does not name, a locator it lacks.
fn textual_difference(
    cx: &Context,
    shown: &str,
    field: &Field,
    numbers: &[Option<u32>],
) -> Option<String> {
    let text = fold(shown);
    // Word's `\n` prints a citation without its author (`(2012, s. 45)`).
    let without_author = field.origin == crate::managed::Origin::WordSources
        && field
            .code
            .split_whitespace()
            .any(|w| w.eq_ignore_ascii_case("\\n"));
    for (cited, n) in field.items.iter().zip(numbers) {
        let Some(r) = n.and_then(|n| cx.reference(n)) else {
            continue;
        };
        let name = r
            .authors
            .first()
            .or(r.editors.first())
            .map(|p| p.family.clone())
            .or_else(|| {
                r.title
                    .as_deref()
                    .and_then(|t| t.split_whitespace().next())
                    .map(str::to_owned)
            });
        if let Some(name) = name
            && !without_author
            && !text.contains(&fold(&name))
        {
            return Some(format!(
                "it does not name `{name}`, whose work the field cites"
            ));
        }
        if let Some(difference) = locator_missing(&text, cited) {
            return Some(difference);
        }
    }
    None
}

/// Why a numeric text the scanner does not read differs from the field:
/// its first number is not the first item's, or a locator is missing.
fn leading_difference(
    n: u32,
    shown: &str,
    field: &Field,
    numbers: &[Option<u32>],
) -> Option<String> {
    let first = numbers.iter().flatten().next()?;
    if *first != n {
        return Some(format!(
            "it shows entry {n} and the field cites entry {first}"
        ));
    }
    field
        .items
        .iter()
        .find_map(|cited| locator_missing(shown, cited))
}

fn locator_missing(text: &str, cited: &Cited) -> Option<String> {
    let locator = cited.locator.as_deref()?;
    let digits: String = locator.chars().filter(char::is_ascii_digit).collect();
    let shown_digits: String = text
        .chars()
        .map(|c| if c.is_ascii_digit() { c } else { ' ' })
        .collect();
    let first = locator
        .split(|c: char| !c.is_ascii_digit())
        .find(|p| !p.is_empty())?;
    (!digits.is_empty() && !shown_digits.split_whitespace().any(|w| w == first))
        .then(|| format!("it does not show the locator `{locator}` the field cites"))
}

impl Check for CitationTextMismatch {
    const WHOLE: bool = true;

    fn citations(cx: &Context) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        // A leading number beyond the list is a year: `(2012, p. 45)`.
        let last = cx.references.iter().map(|r| r.number).max().unwrap_or(0);
        for (k, (field, numbers)) in cx.managed.fields.iter().enumerate() {
            if field.kind != FieldKind::Citation
                || field.problem.is_some()
                || field.result.is_empty()
                || numbers.iter().all(Option::is_none)
            {
                continue;
            }
            let shown = cx.managed.shown(k);
            let why = match &field.printed {
                Some(printed) if collapsed(printed) != shown => Some(format!(
                    "{} printed `{}`",
                    field.origin.manager(),
                    collapsed(printed)
                )),
                Some(_) => None,
                None => {
                    let readings = cx.managed.readings.get(k).map_or(&[][..], Vec::as_slice);
                    if !readings.is_empty() {
                        numeric_difference(field, numbers, readings)
                    } else if let Some(n) = leading_number(shown).filter(|&n| n <= last) {
                        // A numeric form the scanner does not read
                        // (`(1 p. 118)`, Word's ISO 690).
                        leading_difference(n, shown, field, numbers)
                    } else {
                        textual_difference(cx, shown, field, numbers)
                    }
                }
            };
            let Some(why) = why else { continue };
            let mut d = Diagnostic::new(
                Rule::CitationTextMismatch,
                field.result.clone(),
                format!(
                    "`{shown}` was typed over: {why} ({} field `{}` cites {})",
                    field.origin.manager(),
                    field.code,
                    cites(field, numbers)
                ),
            )
            .with_help(format!("edit the citation in {} and refresh it; the next refresh prints what the field cites", field.origin.manager()));
            if let Some(n) = numbers.iter().flatten().next() {
                d = d.with_reference(*n);
            }
            out.push(d);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::managed::Origin;

    fn word_field(locator: &str) -> Field {
        Field {
            origin: Origin::WordSources,
            kind: FieldKind::Citation,
            code: format!("CITATION Gas11 \\p {locator}"),
            result: 0..10,
            items: vec![Cited {
                id: "Gas11".into(),
                locator: Some(locator.into()),
                label: Some("page".into()),
            }],
            printed: None,
            problem: None,
        }
    }

    #[test]
    fn a_numeric_text_the_scanner_cannot_read_is_compared_by_its_number() {
        let field = word_field("118");
        assert_eq!(
            leading_difference(2, "[2 стр. 118]", &field, &[Some(2)]),
            None
        );
        assert!(
            leading_difference(3, "[3 стр. 118]", &field, &[Some(2)])
                .is_some_and(|w| w.contains("entry 3") && w.contains("entry 2"))
        );
        assert!(
            leading_difference(2, "[2 стр. 181]", &field, &[Some(2)])
                .is_some_and(|w| w.contains("`118`"))
        );
    }
}
