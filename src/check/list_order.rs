//! Check R005 list-order: an author–date list out of alphabetical order.

use crate::script::Letter;
use std::cmp::Ordering;

use super::{Check, Context, RuleDocs};
use crate::cite::Scan;
use crate::diagnostic::Diagnostic;
use crate::model::{CitationStyle, Reference};
use crate::rule::Rule;
use crate::script::{Script, script_of};
use crate::split::Document;
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
        let mut order = Order::new(cx.document, cx.scan, cx.vocab);
        for r in cx.references {
            order.add(r);
        }
        order.out
    }
}

/// What list-order keeps while a list is read entry by entry: the sort key
/// of the entry before (its name and script) and the findings.
pub(crate) struct Order<'a> {
    /// The alphabets; `None` when the list is numbered (not checked).
    vocab: Option<&'a Vocabulary>,
    before: Option<(String, Script)>,
    pub out: Vec<Diagnostic>,
}

impl<'a> Order<'a> {
    /// Checks the order of the list of `document` unless it is numbered
    /// (by its markers, or by the citations of `scan`).
    pub(crate) fn new(document: &Document, scan: Option<&Scan>, vocab: &'a Vocabulary) -> Self {
        let numbered = document.entries.iter().any(|e| e.marker.is_some())
            || scan.is_some_and(|s| s.style == CitationStyle::Numbered);
        Order {
            vocab: (!numbered).then_some(vocab),
            before: None,
            out: Vec::new(),
        }
    }

    /// Compares entry `r` with the entry before it.
    pub(crate) fn add(&mut self, r: &Reference) {
        let Some(vocab) = self.vocab else { return };
        // An ibid note, or an entry whose mark repeats the authors of the
        // one before (`———. 1998.`, `—. (1999).`): ordered by year or
        // title under the same name, not by the alphabet.
        if r.ibid || r.authors_from.is_some() {
            return;
        }
        let Some(name) = r
            .authors
            .first()
            .or(r.editors.first())
            .map(|p| p.family.clone())
            .or_else(|| r.title.clone())
        else {
            return;
        };
        let Some(s2) = name.chars().find_map(script_of) else {
            return;
        };
        if let Some((before, s1)) = &self.before
            && *s1 == s2
        {
            let alphabet = alphabet_for(r, s2, vocab);
            if compare(before, &name, alphabet) == Ordering::Greater
                && compare(before, &name, "") == Ordering::Greater
            {
                self.out.push(
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
        self.before = Some((name, s2));
    }
}

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
                .filter(|c| c.is_letter())
                .map(u32::from)
                .collect();
        }
        let lower = s.to_lowercase();
        lower
            .chars()
            .filter(|c| c.is_letter())
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

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(list: &str) -> Vec<String> {
        let source = crate::Source::new("t.md", format!("References\n\n{list}"));
        let vocab = Vocabulary::builtin();
        let document = crate::split::split(&source, &vocab);
        let references = crate::parse::parse_references(&source, &document, &vocab);
        let mut order = Order::new(&document, None, &vocab);
        for r in &references {
            order.add(r);
        }
        order.out.iter().map(|d| d.message.clone()).collect()
    }

    #[test]
    fn a_same_author_mark_keeps_the_name_of_the_entry_before() {
        let list = "Cole, J. (1997). Tigris. London: Penguin.\n\n\
                    —. (1998). Modernity. New York: Columbia.\n\n\
                    ———. 1999. Another Book. New York: Columbia.\n\n\
                    Zarandī, M. 1999. Dar bārih. Tehran.\n";
        assert_eq!(findings(list), Vec::<String>::new());
        // Out of order after the marks: still found, against Cole.
        let list = "Cole, J. (1997). Tigris. London: Penguin.\n\n\
                    —. (1998). Modernity. New York: Columbia.\n\n\
                    Browne, E. 1910. The Persian Revolution. Cambridge.\n";
        let found = findings(list);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("`Cole`"), "{found:?}");
    }
}
