//! Check S007 unmanaged-entry: typed entries beside a reference manager's printed list.

use super::{Check, Context, RuleDocs};
use crate::diagnostic::Diagnostic;
use crate::managed::Origin;
use crate::rule::Rule;

/// Finds entries typed by hand in a document whose list a manager prints:
/// no field of the manager cites them, the manager does not number them,
/// and a refresh of its list does not keep them in order.
pub(crate) struct UnmanagedEntry;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "A reference manager prints the list (Word's `BIBLIOGRAPHY`, Zotero's, Mendeley's, EndNote's list field), and beside it are entries typed by hand that none of its fields cite.",
    why: "Two lists are kept two ways: the manager renumbers its own entries at every refresh and knows nothing of the typed ones, so numbers collide or drift, and citations of typed entries are not checked against the manager's items. Archival files are the usual case, typed because the manager had no place for them.",
    example: "Zotero's list prints entries 1–4, and entries 5 `ARDA: f. 28. siy. 1. iş 72` and 6 follow it, typed: each typed entry is flagged once.",
    fix: "No automatic fix: enter the typed works in the manager (Zotero: type `Manuscript`, with `Archive` and `Loc. in Archive`) and cite them with fields.",
};

impl Check for UnmanagedEntry {
    fn list(cx: &Context) -> Vec<Diagnostic> {
        let Some((list, _)) = cx
            .managed
            .printed
            .iter()
            .find_map(|p| cx.managed.fields.get(p.field?))
        else {
            return Vec::new();
        };
        let printed: Vec<&std::ops::Range<usize>> =
            cx.managed.printed.iter().map(|p| &p.span).collect();
        cx.references
            .iter()
            .filter(|r| r.origin == Some(Origin::Text) && !printed.contains(&&r.span))
            .map(|r| {
                Diagnostic::new(
                    Rule::UnmanagedEntry,
                    r.span.clone(),
                    format!(
                        "entry {} `{}` is typed beside {}'s list (field `{}`), and no {} field cites it",
                        r.number,
                        r.excerpt(50),
                        list.origin.manager(),
                        list.code,
                        list.origin.manager()
                    ),
                )
                .with_reference(r.number)
                .with_help(format!("enter the work in {} and cite it with a field, so that one program numbers the list", list.origin.manager()))
            })
            .collect()
    }
}
