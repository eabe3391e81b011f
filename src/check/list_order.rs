//! Check R005 list-order: an author–date list out of alphabetical order.

use std::cmp::Ordering;

use super::{Check, Context, RuleDocs};
use crate::diagnostic::Diagnostic;
use crate::model::{CitationStyle, Reference};
use crate::rule::Rule;
use crate::script::{Script, script_of};
use crate::vocab::Vocabulary;

/// Finds entries of an unnumbered list that break its alphabetical order.
pub(crate) struct ListOrder;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "An entry of an unnumbered (author–date) list stands before the entry it should follow in the alphabet.",
    why: "An author–date list is ordered by the first author's family name (APA 9.44, ISNAD 2, GOST R 7.0.100 §4): the reader finds `Zamanlı 2015` by its name. Each language's own alphabet is used (`bib/citations.toml`: Azerbaijani Q after K, Turkish Ç after C, Persian پ after ب), each script's run checked apart, and an entry is flagged only when it is out of order by that alphabet and by plain letter order both.",
    example: "`Zamanlı, A. (2015)` listed before `Atkinson, J. (2011)`: flagged at Atkinson.",
    fix: "No automatic fix: move the entry to its place.",
};

impl Check for ListOrder {
    fn list(cx: &Context) -> Vec<Diagnostic> {
        // A numbered list is ordered by first citation or by kind, not by name.
        if cx.document.entries.iter().any(|e| e.marker.is_some())
            || cx.scan.is_some_and(|s| s.style == CitationStyle::Numbered)
        {
            return Vec::new();
        }
        let keyed: Vec<(&Reference, String, Script)> = cx
            .references
            .iter()
            .filter(|r| !r.ibid)
            .filter_map(|r| {
                let name = r
                    .authors
                    .first()
                    .or(r.editors.first())
                    .map(|p| p.family.clone())
                    .or_else(|| r.title.clone())?;
                let script = name.chars().find_map(script_of)?;
                Some((r, name, script))
            })
            .collect();
        let mut out = Vec::new();
        for pair in keyed.windows(2) {
            let [(_, before, s1), (r, name, s2)] = pair else {
                continue;
            };
            if s1 != s2 {
                continue;
            }
            let alphabet = alphabet_for(r, *s2, cx.vocab);
            if compare(before, name, alphabet) == Ordering::Greater
                && compare(before, name, "") == Ordering::Greater
            {
                out.push(
                    Diagnostic::new(
                        Rule::ListOrder,
                        r.span.clone(),
                        format!("entry {} `{name}` comes before `{before}` in the alphabet, but after it in the list", r.number),
                    )
                    .with_reference(r.number)
                    .with_help("order an author–date list by the first author's family name"),
                );
            }
        }
        out
    }
}

/// The alphabet that orders `r`'s script: its language's, or the script's
/// usual one.
fn alphabet_for<'v>(r: &Reference, script: Script, vocab: &'v Vocabulary) -> &'v str {
    let by_script = match script {
        Script::Cyrillic => "ru",
        Script::Arabic => "fa",
        _ => "en",
    };
    let code = r.language.map(|l| l.code()).unwrap_or(by_script);
    let alphabets = &vocab.citations.alphabets;
    alphabets
        .get(code)
        .filter(|a| a.chars().next().and_then(script_of) == Some(script))
        .or_else(|| alphabets.get(by_script))
        .map_or("", String::as_str)
}

/// Compares two names letter by letter in `alphabet` (letters it lacks
/// after it, by code point); an empty alphabet is plain code-point order
/// of the lower-cased letters without diacritics.
fn compare(a: &str, b: &str, alphabet: &str) -> Ordering {
    let keys = |s: &str| -> Vec<u32> {
        if alphabet.is_empty() {
            // The name folded once: case and diacritics gone.
            return crate::cite::author_date::key(s)
                .chars()
                .filter(|c| c.is_alphabetic())
                .map(u32::from)
                .collect();
        }
        let lower = s.to_lowercase();
        lower
            .chars()
            .filter(|c| c.is_alphabetic())
            .map(|c| {
                let c = match c {
                    'â' => 'a',
                    'î' => 'i',
                    'û' => 'u',
                    c => c,
                };
                alphabet
                    .chars()
                    .position(|x| x == c)
                    .map_or(1000 + c as u32, |p| p as u32)
            })
            .collect()
    };
    keys(a).cmp(&keys(b))
}
