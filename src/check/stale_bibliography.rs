//! Check C016 stale-bibliography: a reference manager's printed list that no longer matches the items it holds and cites.

use std::collections::HashSet;

use super::{Check, Context, RuleDocs};
use crate::diagnostic::Diagnostic;
use crate::managed::Origin;
use crate::parse::managed::Printed;
use crate::rule::Rule;

/// Finds entries of a manager's printed list that were edited by hand or
/// left behind: an entry no item of the manager matches (added by hand, or
/// its item deleted), an entry that prints an item differently from how the
/// manager holds it (edited after the last refresh), and an entry for an
/// item no field cites any longer (the list was not refreshed).
pub(crate) struct StaleBibliography;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "The printed list of a reference manager (Word's `BIBLIOGRAPHY`, Zotero's `ZOTERO_BIBL`, Mendeley's or EndNote's list field) does not match the items the manager holds and the document cites.",
    why: "The manager rewrites its list from its items whenever it refreshes: an entry edited by hand is silently undone, an entry added by hand vanishes, and an entry whose citations were deleted stays until the next refresh. What the reader sees is then not what the manager will print, nor what the text cites.",
    example: "Zotero holds `Həsənli C. … 2012` and the list prints `… 2013`: flagged, naming the year. A line typed into Zotero's list that matches no item: flagged. Word's list prints every source of the document, cited or not, so an uncited Word source is left to uncited-reference.",
    fix: "No automatic fix: correct the item in the manager (not the printed text) and refresh the list; add a hand-typed work to the manager.",
};

/// How a list field is named in a message: the manager and the field code.
pub(crate) fn list_name(cx: &Context, p: &Printed) -> String {
    match p.field.and_then(|k| cx.managed.fields.get(k)) {
        Some((field, _)) => format!("{}'s list field `{}`", field.origin.manager(), field.code),
        None => "the typed list".to_owned(),
    }
}

/// The printed text of an entry, for a message.
fn printed_text(cx: &Context, p: &Printed) -> String {
    cx.reference(p.number)
        .filter(|r| r.span == p.span)
        .map_or_else(String::new, |r| r.excerpt(60))
}

impl Check for StaleBibliography {
    fn list(cx: &Context) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for p in &cx.managed.printed {
            let Some(k) = p.field else { continue };
            let Some((field, _)) = cx.managed.fields.get(k) else {
                continue;
            };
            let text = printed_text(cx, p);
            match p.item {
                None => out.push(
                    Diagnostic::new(
                        Rule::StaleBibliography,
                        p.span.clone(),
                        format!(
                            "entry {} `{text}` of {} matches no item {} holds: typed into the list by hand, or its item was deleted",
                            p.number,
                            list_name(cx, p),
                            field.origin.manager()
                        ),
                    )
                    .with_reference(p.number)
                    .with_help(format!("add the work to {} and cite it with a field; a refresh of the list will drop this line", field.origin.manager())),
                ),
                Some(_) if !p.differs.is_empty() => out.push(
                    Diagnostic::new(
                        Rule::StaleBibliography,
                        p.span.clone(),
                        format!(
                            "entry {} `{text}` of {} was edited after the last refresh: {} holds {}",
                            p.number,
                            list_name(cx, p),
                            field.origin.manager(),
                            p.differs.join(", ")
                        ),
                    )
                    .with_reference(p.number)
                    .with_help(format!("correct the item in {} and refresh the list; the next refresh undoes a hand edit", field.origin.manager())),
                ),
                Some(_) => {}
            }
        }
        out
    }

    const WHOLE: bool = true;

    fn citations(cx: &Context) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for p in not_refreshed(cx) {
            let Some((field, _)) = p.field.and_then(|k| cx.managed.fields.get(k)) else {
                continue;
            };
            out.push(
                Diagnostic::new(
                    Rule::StaleBibliography,
                    p.span.clone(),
                    format!(
                        "entry {} `{}` of {} prints an item no {} field cites any longer: the list was not refreshed",
                        p.number,
                        printed_text(cx, p),
                        list_name(cx, p),
                        field.origin.manager()
                    ),
                )
                .with_reference(p.number)
                .with_help(format!("refresh the list from {}, or cite the work where the text uses it", field.origin.manager())),
            );
        }
        out
    }
}

/// The entries of a manager's list that print an item no field cites any
/// longer (and that the list does not name as added uncited). Word prints
/// every source of the document, cited or not: its list has none.
fn not_refreshed<'a>(cx: &'a Context) -> Vec<&'a Printed> {
    let mut wanted: HashSet<u32> = HashSet::new();
    for (_, numbers) in &cx.managed.fields {
        wanted.extend(numbers.iter().flatten());
    }
    cx.managed
        .printed
        .iter()
        .filter(|p| {
            let origin = p.field.and_then(|k| cx.managed.fields.get(k)).map(|(f, _)| f.origin);
            matches!((origin, p.item), (Some(o), Some(item)) if o != Origin::WordSources && !wanted.contains(&item))
        })
        .collect()
}

/// The numbers of the entries this rule reports as left behind (typed into
/// a manager's list, or not refreshed): uncited-reference leaves them to it.
pub(crate) fn left_behind(cx: &Context) -> HashSet<u32> {
    let mut out: HashSet<u32> = not_refreshed(cx).iter().map(|p| p.number).collect();
    out.extend(
        cx.managed
            .printed
            .iter()
            .filter(|p| p.field.is_some() && p.item.is_none())
            .map(|p| p.number),
    );
    out
}
