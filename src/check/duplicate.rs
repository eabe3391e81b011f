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
        repeats(cx.references, sip)
            .into_iter()
            .map(|(r, first)| {
                Diagnostic::new(
                    Rule::DuplicateReference,
                    r.span.clone(),
                    format!("entry {} repeats entry {}", r.number, first.number),
                )
                .with_reference(r.number)
                .with_label(
                    first.span.clone(),
                    format!("entry {} is the same work", first.number),
                )
                .with_help(format!(
                    "keep one of the two and cite it where the other was cited (entries {} and {})",
                    first.number, r.number
                ))
            })
            .collect()
    }
}

/// A key's hash, the same in every run.
fn sip(key: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    key.hash(&mut h);
    h.finish()
}

/// Each entry that repeats the work of an earlier one, with that earlier
/// entry, in list order. The first entry of each work is kept by the hash
/// of its identity, not the identity itself: the list's keys (about 130
/// bytes an entry with their table) are never all in memory, which on a
/// list of 10⁶ entries was the peak of the run. When two hashes meet, the
/// identities are compared; a different work under a taken hash (as good
/// as never) is kept by its identity.
fn repeats(references: &[Reference], hash: impl Fn(&str) -> u64) -> Vec<(&Reference, &Reference)> {
    use std::collections::HashMap;
    use std::collections::hash_map::Entry;
    let mut seen: HashMap<u64, &Reference> = HashMap::new();
    let mut collided: HashMap<String, &Reference> = HashMap::new();
    let mut out = Vec::new();
    for r in references {
        let Some(key) = identity(r) else { continue };
        let first = match seen.entry(hash(&key)) {
            Entry::Vacant(v) => {
                v.insert(r);
                None
            }
            Entry::Occupied(o) if identity(o.get()).as_deref() == Some(key.as_str()) => {
                Some(*o.get())
            }
            Entry::Occupied(_) => match collided.entry(key) {
                Entry::Occupied(o) => Some(*o.get()),
                Entry::Vacant(v) => {
                    v.insert(r);
                    None
                }
            },
        };
        match first {
            // Two items of a manager under two ids: duplicate-item's.
            Some(first) if first.id.is_some() && r.id.is_some() => {}
            Some(first) => out.push((r, first)),
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Vocabulary;
    use crate::parse::parse_reference;

    /// Every key under one hash: the repeats are found by the identities,
    /// exactly as with the real hash.
    #[test]
    fn colliding_hashes_find_the_same_repeats() {
        let vocab = Vocabulary::builtin();
        let list: Vec<Reference> = [
            "ARDA: f. 28. siy. 1. iş 72",
            "Həsənli Cəmil. Sovet dövründə Azərbaycanın xarici siyasəti. Bakı, 2012",
            "ARDA: f. 28. siy. 1. iş 73",
            "ARDA: f. 28. siy. 1. iş 72",
            "Həsənli Cəmil. Sovet dövründə Azərbaycanın xarici siyasəti. Bakı, 2012",
            "ARDA: f. 28. siy. 1. iş 73",
        ]
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let mut r = parse_reference(text, &vocab);
            r.number = i as u32 + 1;
            r
        })
        .collect();
        let numbers = |pairs: Vec<(&Reference, &Reference)>| -> Vec<(u32, u32)> {
            pairs.iter().map(|(r, f)| (r.number, f.number)).collect()
        };
        let real = numbers(repeats(&list, sip));
        assert_eq!(real, [(4, 1), (5, 2), (6, 3)]);
        assert_eq!(numbers(repeats(&list, |_| 0)), real);
    }
}
