//! Check R006 duplicate-item: one work held twice by a reference manager, under two ids.

use crate::script::Letter;
use std::collections::HashMap;

use super::{Check, Context, RuleDocs};
use crate::diagnostic::Diagnostic;
use crate::managed::Origin;
use crate::model::Reference;
use crate::rule::Rule;
use crate::script::fold;

/// Finds two items of a manager's library whose title, authors and year
/// agree but whose ids differ: one work entered twice (or imported twice),
/// cited under both ids, so that the list prints it twice and the counts
/// of its citations are split.
pub(crate) struct DuplicateItem;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "Two items of a reference manager (Word's sources, Zotero, Mendeley, EndNote) are the same work — title, authors and year agree — under two ids.",
    why: "The manager treats them as two works: the list prints the work twice under two numbers, and citations of one are not citations of the other. Merging them in the library is the cure; the printed text cannot show it.",
    example: "Zotero items `…/items/W2N4J6RC` and `…/items/K8P3Z2QX` both hold `Həsənli, Cəmil. Sovet dövründə Azərbaycanın xarici siyasəti. 2012`: the second is flagged.",
    fix: "No automatic fix: merge the two items in the manager (Zotero: Duplicate Items → Merge) and refresh the citations.",
};

/// Title words, first author and year, folded: what makes two items one work.
fn identity(r: &Reference) -> Option<String> {
    let title = r.title.as_deref()?;
    let words: Vec<String> = fold(title)
        .split(|c: char| !c.is_letter_or_digit())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    let authors: Vec<String> = r.authors.iter().map(|p| fold(&p.family)).collect();
    Some(format!(
        "{}|{}|{}",
        words.join(" "),
        authors.join(","),
        r.year.map(|y| y.to_string()).unwrap_or_default()
    ))
}

impl Check for DuplicateItem {
    fn list(cx: &Context) -> Vec<Diagnostic> {
        let mut seen: HashMap<String, &Reference> = HashMap::new();
        let mut out = Vec::new();
        for r in cx.references {
            let (Some(id), Some(origin)) = (r.id.as_deref(), r.origin) else {
                continue;
            };
            if origin == Origin::Text {
                continue;
            }
            let Some(key) = identity(r) else { continue };
            match seen.get(&key) {
                Some(first) if first.id.as_deref() != Some(id) => out.push(
                    Diagnostic::new(
                        Rule::DuplicateItem,
                        r.span.clone(),
                        format!(
                            "entry {} `{}` is {} item `{id}`, the same work as entry {}, item `{}`",
                            r.number,
                            r.excerpt(50),
                            origin.manager(),
                            first.number,
                            first.id.as_deref().unwrap_or_default()
                        ),
                    )
                    .with_reference(r.number)
                    .with_label(
                        first.span.clone(),
                        format!("entry {} is the same work", first.number),
                    )
                    .with_help(format!(
                        "merge the two items in {} and refresh the citations",
                        origin.manager()
                    )),
                ),
                Some(_) => {}
                None => {
                    seen.insert(key, r);
                }
            }
        }
        out
    }
}
