//! Check P005 mixed-script: a letter of another script inside a word or label.

use super::{Check, EntryText, RuleDocs};
use crate::diagnostic::Diagnostic;
use crate::fix::{Applicability, Fix};
use crate::parse::clean::url_ranges;
use crate::rule::Rule;
use crate::script::Letter;
use crate::script::{Script, dominant_script, is_digit, lookalike, script_of};

/// A letter of another script inside a word or label.
pub(crate) struct MixedScript;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "An entry or citation has a letter of another script inside a word or as a label: Latin `C.` for Cyrillic `С.` in a Russian entry or in `[10, C. 8]` in Russian text, Cyrillic `с.` in an Azerbaijani entry, Latin `o` inside a Cyrillic word.",
    why: "Look-alike letters typed on the wrong keyboard layout break search, sorting and every tool that reads the label: Latin `c.` is the Azerbaijani volume label, Cyrillic `с.` the Russian page (conventions.md B.0).",
    example: "`… № 3. C. 41–58.` in a Russian entry and `Bakı: Elm, 2007. 168 с.` in an Azerbaijani one: flagged. `С. 41–58` and `168 s.` accepted.",
    fix: "Safe fix: the letter of the entry's own script that looks the same.",
};

impl Check for MixedScript {
    /// Look-alike letters of another script: inside a word (Latin `o` in a
    /// Cyrillic word), or a one-letter label before or after a number (Latin
    /// `C.` in a Russian entry, Cyrillic `с.` in a Latin one). Each gets a
    /// safe fix to the letter of the entry's script.
    fn entry(e: &EntryText) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let number = e.reference.number;
        let text = &e.clean.text;
        let want = match dominant_script(text) {
            Some(s @ (Script::Cyrillic | Script::Latin)) => s,
            _ => return out,
        };
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut k = 0;
        let urls = url_ranges(text);
        while k < chars.len() {
            if !chars[k].1.is_letter() {
                k += 1;
                continue;
            }
            let start = k;
            while k < chars.len() && chars[k].1.is_letter() {
                k += 1;
            }
            let word = &chars[start..k];
            if urls.iter().any(|u| u.contains(&word[0].0)) {
                continue;
            }
            let scripts: Vec<Option<Script>> = word.iter().map(|&(_, c)| script_of(c)).collect();
            let foreign: Vec<usize> = (0..word.len())
                .filter(|&i| scripts[i].is_some() && scripts[i] != Some(want))
                .collect();
            if foreign.is_empty() {
                continue;
            }
            let mixed = foreign.len() < word.len();
            let next = chars.get(k).map(|&(_, c)| c);
            let prev_digit = text[..word[0].0].trim_end().ends_with(is_digit);
            let next_digit = next == Some('.')
                && text[chars.get(k).map_or(text.len(), |&(i, _)| i) + 1..]
                    .trim_start()
                    .starts_with(is_digit);
            let label = word.len() == 1 && next == Some('.') && (prev_digit || next_digit);
            if !(mixed || label) {
                continue;
            }
            let end = chars.get(k).map_or(text.len(), |&(i, _)| i);
            // A label is foreign only where the text around it is in the
            // entry's script ("СССР, c. 3, Moskva" is a transliterated
            // imprint, not a slip).
            // … and only when it is the one foreign token of the entry:
            // "ARDA, f. 28, оп. 1, д. 72" uses Russian labels on purpose.
            let foreign_elsewhere = text[..word[0].0]
                .chars()
                .chain(text[end..].chars())
                .any(|c| c.is_letter() && script_of(c).is_some_and(|s| s != want));
            if label
                && !mixed
                && (foreign_elsewhere || neighbourhood_script(text, word[0].0, end) != Some(want))
            {
                continue;
            }
            let range = word[0].0..end;
            let printed: String = word.iter().map(|&(_, c)| c).collect();
            let span = e.clean.span(range.clone());
            // A Cyrillic "с." in Latin text is the Russian page label, not a
            // slip for Latin "c." (the Azerbaijani volume): reported, not fixed.
            if label && want == Script::Latin {
                out.push(
                    Diagnostic::new(Rule::MixedScript, span, format!("`{printed}.` in entry {} is a Cyrillic label in a Latin-script entry", number))
                        .with_reference(number)
                        .with_help("write the label of the entry's language, e.g. the page label `s.` (Azerbaijani, Turkish) or `p.` (English)"),
                );
                continue;
            }
            let fixed: String = word
                .iter()
                .map(|&(_, c)| lookalike(c, want).unwrap_or(c))
                .collect();
            if fixed == printed
                || foreign
                    .iter()
                    .any(|&i| lookalike(word[i].1, want).is_none())
            {
                continue;
            }
            let script = if want == Script::Cyrillic {
                "Cyrillic"
            } else {
                "Latin"
            };
            out.push(
                Diagnostic::new(
                    Rule::MixedScript,
                    span.clone(),
                    if mixed {
                        format!("`{printed}` in entry {} mixes letters of two scripts; the entry is in {script}", number)
                    } else {
                        format!("`{printed}.` in entry {} is written with a letter of another script; the entry is in {script}", number)
                    },
                )
                    .with_reference(number)
                    .with_fix(Fix::replace(format!("Replace `{printed}` with `{fixed}`"), Applicability::Safe, span, fixed)),
            );
        }
        out
    }
}

/// The script of the letters near `start..end`: those after it, or those
/// before it when nothing follows.
fn neighbourhood_script(text: &str, start: usize, end: usize) -> Option<Script> {
    let after: String = text[end..].chars().take(30).collect();
    if let Some(s) = dominant_script(&after) {
        return Some(s);
    }
    let before: String = text[..start].chars().rev().take(40).collect();
    dominant_script(&before)
}
