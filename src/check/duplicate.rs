//! Check R002 duplicate-reference: the same work listed twice.

use super::{Check, Context, RuleDocs};
use crate::diagnostic::Diagnostic;
use crate::model::{Reference, ReferenceKind};
use crate::rule::Rule;
use crate::script::fold;
use crate::source::Span;

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
        let mut works = Works::with_capacity(cx.references.len());
        for (i, r) in cx.references.iter().enumerate() {
            works.add(i, r);
        }
        works.repeats(|i| {
            let r = &cx.references[i];
            (r.number, r.span.clone())
        })
    }
}

/// What duplicate-reference keeps of each entry while a list is read entry
/// by entry: the 128-bit hash of its identity and its place, 24 bytes an
/// entry where its identity was about 130 (issue 12: the identities of a
/// list of 10⁶ entries were the peak of `refs`). Two works are taken for
/// one when both halves of their hashes meet: for 10⁶ entries, a chance
/// of about 10⁻²⁷.
pub(crate) struct Works {
    /// (hash, place in the list, whether a manager's item id), in list order.
    seen: Vec<([u64; 2], u32, bool)>,
}

impl Works {
    /// Room for the identities of `entries` entries.
    pub(crate) fn with_capacity(entries: usize) -> Self {
        Works {
            seen: Vec::with_capacity(entries),
        }
    }

    /// The bytes it holds.
    #[cfg(test)]
    pub(crate) fn held(&self) -> usize {
        self.seen.capacity() * std::mem::size_of::<([u64; 2], u32, bool)>()
    }

    /// Keeps entry `r`, the list's entry `place` (from 0).
    pub(crate) fn add(&mut self, place: usize, r: &Reference) {
        if let Some(key) = identity(r) {
            let place = u32::try_from(place).unwrap_or(u32::MAX);
            self.seen.push((hash(&key), place, r.id.is_some()));
        }
    }

    /// The findings: each entry repeating the work of an earlier one, with
    /// that earlier entry; `entry` gives the number and span of the entry
    /// at a place.
    pub(crate) fn repeats(self, entry: impl Fn(usize) -> (u32, Span)) -> Vec<Diagnostic> {
        self.repeated(entry).iter().map(Repeat::finding).collect()
    }

    /// Each entry repeating the work of an earlier one, with that earlier
    /// entry, in list order: what [`Self::repeats`] makes its findings of,
    /// 40 bytes a pair where a finding takes about 700.
    pub(crate) fn repeated(mut self, entry: impl Fn(usize) -> (u32, Span)) -> Vec<Repeat> {
        self.seen.sort_unstable();
        let mut out = Vec::new();
        for group in self.seen.chunk_by(|a, b| a.0 == b.0) {
            let [(_, first, first_id), rest @ ..] = group else {
                continue;
            };
            let (first_number, first_span) = entry(*first as usize);
            for (_, place, id) in rest {
                if *first_id && *id {
                    // Two items of a manager under two ids: duplicate-item's.
                    continue;
                }
                let (number, span) = entry(*place as usize);
                out.push((
                    *place,
                    Repeat {
                        number,
                        span,
                        first_number,
                        first_span: first_span.clone(),
                    },
                ));
            }
        }
        // In list order, as the entries were read.
        out.sort_by_key(|(place, _)| *place);
        out.into_iter().map(|(_, r)| r).collect()
    }
}

/// An entry that repeats the work of an earlier one: the two entries'
/// numbers and spans, all its finding is made of.
#[derive(Debug, Clone)]
pub(crate) struct Repeat {
    number: u32,
    pub(crate) span: Span,
    first_number: u32,
    first_span: Span,
}

impl Repeat {
    /// Its duplicate-reference finding.
    pub(crate) fn finding(&self) -> Diagnostic {
        let (number, first_number) = (self.number, self.first_number);
        Diagnostic::new(
            Rule::DuplicateReference,
            self.span.clone(),
            format!("entry {number} repeats entry {first_number}"),
        )
        .with_reference(number)
        .with_label(
            self.first_span.clone(),
            format!("entry {first_number} is the same work"),
        )
        .with_help(format!(
            "keep one of the two and cite it where the other was cited (entries {first_number} and {number})"
        ))
    }
}

/// A key's 128-bit hash, the same in every run: SipHash of the key under
/// two prefixes.
fn hash(key: &str) -> [u64; 2] {
    use std::hash::{Hash, Hasher};
    [0u8, 1].map(|half| {
        let mut h = std::hash::DefaultHasher::new();
        half.hash(&mut h);
        key.hash(&mut h);
        h.finish()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Vocabulary;
    use crate::parse::parse_reference;

    /// The repeats of a list, each with the first entry of its work, in
    /// list order; an entry keeps 24 bytes.
    #[test]
    fn repeats_are_found_by_the_hashes_of_their_identities() {
        let vocab = Vocabulary::builtin();
        let list: Vec<Reference> = [
            "ARDA: f. 28. siy. 1. iş 72",
            "Həsənli Cəmil. Sovet dövründə Azərbaycanın xarici siyasəti. Bakı, 2012",
            "ARDA: f. 28. siy. 1. iş 73",
            "ARDA: f. 28. siy. 1. iş 72",
            "Həsənli Cəmil. Sovet dövründə Azərbaycanın xarici siyasəti. Bakı, 2012",
            "ARDA: f. 28. siy. 1. iş 73",
            "ARDA: f. 28. siy. 1. iş 72",
        ]
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let mut r = parse_reference(text, &vocab);
            r.number = i as u32 + 1;
            r
        })
        .collect();
        let mut works = Works::with_capacity(list.len());
        for (i, r) in list.iter().enumerate() {
            works.add(i, r);
        }
        let found: Vec<String> = works
            .repeats(|i| (list[i].number, list[i].span.clone()))
            .into_iter()
            .map(|d| d.message)
            .collect();
        assert_eq!(
            found,
            [
                "entry 4 repeats entry 1",
                "entry 5 repeats entry 2",
                "entry 6 repeats entry 3",
                "entry 7 repeats entry 1"
            ]
        );
        assert_eq!(std::mem::size_of::<([u64; 2], u32, bool)>(), 24);
    }
}
