//! Check R002 duplicate-reference: the same work listed twice.

use super::{Check, Context, RuleDocs};
use crate::diagnostic::Diagnostic;
use crate::model::{Reference, ReferenceKind};
use crate::rule::Rule;
use crate::script::fold;

/// Finds entries that describe the same work as an earlier entry.
pub(crate) struct DuplicateReference;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "Two list entries describe the same work (same archival file, or same authors, title, year and volume).",
    why: "A work listed twice splits its citations between two numbers and lengthens the list; one of the numbers is usually left over from a merge of drafts.",
    example: "`ARDA: f. 28. siy. 1. iş 72` as entries 1 and 9: flagged at 9. Volumes II and III of one collection are different works and are accepted.",
    fix: "No automatic fix: merging renumbers the list and its citations.",
};

/// What makes two entries the same work.
pub(crate) fn identity(r: &Reference) -> Option<String> {
    match r.kind {
        ReferenceKind::Other => None,
        ReferenceKind::Archival => {
            let a = r.archive.as_ref()?;
            Some(format!(
                "archive|{}|{}|{}|{}|{}|{}",
                a.full_name
                    .as_deref()
                    .or(a.name.as_deref())
                    .map(fold)
                    .unwrap_or_default(),
                a.fond.as_deref().map(fold).unwrap_or_default(),
                a.inventory.as_deref().unwrap_or_default(),
                a.file.as_deref().unwrap_or_default(),
                a.leaves.as_deref().unwrap_or_default(),
                r.title.as_deref().map(fold).unwrap_or_default(),
            ))
        }
        _ => {
            let title = r.title.as_deref().or(r.url.as_deref())?;
            let authors: Vec<String> = r.authors.iter().map(|p| fold(&p.family)).collect();
            Some(format!(
                "work|{}|{}|{}|{}|{}|{}|{}",
                authors.join(","),
                fold(title),
                r.year.map(|y| y.to_string()).unwrap_or_default(),
                r.volume.as_deref().unwrap_or_default(),
                r.issue.as_deref().unwrap_or_default(),
                r.pages.as_deref().unwrap_or_default(),
                r.container.as_deref().map(fold).unwrap_or_default(),
            ))
        }
    }
}

impl Check for DuplicateReference {
    fn list(cx: &Context) -> Vec<Diagnostic> {
        let mut seen: std::collections::HashMap<String, &Reference> =
            std::collections::HashMap::new();
        let mut out = Vec::new();
        for r in cx.references {
            let Some(key) = identity(r) else { continue };
            match seen.get(&key) {
                // Two items of a manager under two ids: duplicate-item's.
                Some(first) if first.id.is_some() && r.id.is_some() => {}
                Some(first) => out.push(
                    Diagnostic::new(
                        Rule::DuplicateReference,
                        r.span.clone(),
                        format!("entry {} repeats entry {}", r.number, first.number),
                    )
                    .with_reference(r.number)
                    .with_label(first.span.clone(), format!("entry {} is the same work", first.number))
                    .with_help(format!("keep one of the two and cite it where the other was cited (entries {} and {})", first.number, r.number)),
                ),
                None => {
                    seen.insert(key, r);
                }
            }
        }
        out
    }
}
