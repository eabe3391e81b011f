//! Check C017 unprinted-item: an item a reference manager's field cites that the printed list lacks.

use std::collections::HashSet;

use super::{Check, Context, RuleDocs};
use crate::diagnostic::Diagnostic;
use crate::managed::FieldKind;
use crate::rule::Rule;

/// Finds items cited by a manager's fields that no entry of the printed
/// list prints: the list was made before the citation was inserted, or the
/// entry was deleted from it by hand.
pub(crate) struct UnprintedItem;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "A citation field cites an item that the printed reference list does not contain.",
    why: "The reader finds the citation and not the work, as with a dangling citation (hence an error). A manager prints its list when it refreshes: a citation inserted after the last refresh, or an entry deleted from the list by hand, leaves a cited work out of the list.",
    example: "A Mendeley field cites `Karaca 2019` and the list printed by `Mendeley Bibliography` has no entry for it: flagged at the citation, naming the field and its printed text.",
    fix: "No automatic fix: refresh the list in the manager (or add the entry to a typed list).",
};

impl Check for UnprintedItem {
    const WHOLE: bool = true;

    fn citations(cx: &Context) -> Vec<Diagnostic> {
        if cx.managed.printed.is_empty() {
            // No printed list at all is missing-reference-section's.
            return Vec::new();
        }
        let printed: HashSet<u32> = cx.managed.printed.iter().filter_map(|p| p.item).collect();
        // Items a list leaves out on purpose (Zotero's `omitted`).
        let omitted: HashSet<&str> = cx
            .managed
            .fields
            .iter()
            .filter(|(f, _)| f.kind == FieldKind::Bibliography)
            .flat_map(|(f, _)| &f.items)
            .filter(|c| c.label.as_deref() == Some("omitted"))
            .map(|c| c.id.as_str())
            .collect();
        let numbers = || cx.managed.printed.iter().map(|p| p.number);
        let range = match (numbers().min(), numbers().max()) {
            (Some(a), Some(b)) if a != b => format!("entries {a}–{b}"),
            (Some(a), _) => format!("entry {a}"),
            _ => "empty".to_owned(),
        };
        let mut reported = HashSet::new();
        let mut out = Vec::new();
        for (k, (field, numbers)) in cx.managed.fields.iter().enumerate() {
            if field.kind != FieldKind::Citation {
                continue;
            }
            for (cited, number) in field.items.iter().zip(numbers) {
                let Some(n) = number else { continue };
                if printed.contains(n)
                    || omitted.contains(cited.id.as_str())
                    || !reported.insert(*n)
                {
                    continue;
                }
                let title = cx
                    .reference(*n)
                    .map_or_else(|| cited.id.clone(), |r| r.excerpt(50));
                let shown = cx.managed.shown(k);
                out.push(
                    Diagnostic::new(
                        Rule::UnprintedItem,
                        field.result.clone(),
                        format!(
                            "`{}` ({} field `{}`) cites `{title}`, which the printed list ({range}) does not contain",
                            shown.trim(),
                            field.origin.manager(),
                            field.code
                        ),
                    )
                    .with_reference(*n)
                    .with_help(format!("refresh the list in {}", field.origin.manager())),
                );
            }
        }
        out
    }
}
