//! Parse: one entry's text as the grammar sees it — markup removed, spaces collapsed, NFC — with a map back to the source.
//!
//! Values are taken from this view, so they are "as printed" without the
//! Markdown around them. Every byte of the view maps to a byte range of the
//! source, so a finding about a value points at the value in the file.

use crate::script::Letter;
use aho_corasick::{AhoCorasick, Input, MatchKind};
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::script::is_ignorable;
use crate::source::Span;

/// An entry's text without markup, with each byte's source offset.
#[derive(Debug, Clone)]
pub(crate) struct Clean {
    /// The cleaned text.
    pub text: String,
    /// For each byte of `text` (and one past the end), the source offset of
    /// the character it came from.
    starts: Vec<usize>,
    /// For each byte of `text`, the source offset just past that character.
    ends: Vec<usize>,
}

impl Clean {
    /// Cleans `raw`, which starts at byte `base` of the source.
    pub fn new(raw: &str, base: usize) -> Clean {
        let mut clean = Clean {
            text: String::with_capacity(raw.len()),
            starts: Vec::with_capacity(raw.len() + 1),
            ends: Vec::with_capacity(raw.len()),
        };
        let urls = url_ranges(raw);
        let chars: Vec<(usize, char)> = raw.char_indices().collect();
        let mut i = 0;
        let mut pending_space: Option<usize> = None;
        while i < chars.len() {
            let (at, c) = chars[i];
            let next_at = chars.get(i + 1).map_or(raw.len(), |&(j, _)| j);
            // URLs are copied verbatim: `_`, `*` and `\` belong to them.
            if let Some(url) = urls.iter().find(|u| u.start == at) {
                clean.flush_space(&mut pending_space);
                for (j, uc) in raw[url.clone()].char_indices() {
                    let len = uc.len_utf8();
                    clean.push(uc, base + url.start + j, base + url.start + j + len);
                }
                while i < chars.len() && chars[i].0 < url.end {
                    i += 1;
                }
                continue;
            }
            if c.is_whitespace() || c == '\u{00A0}' {
                if pending_space.is_none() && !clean.text.is_empty() {
                    pending_space = Some(base + at);
                }
                i += 1;
                continue;
            }
            if is_ignorable(c) && c != '\u{200C}' || stretches_word(&chars, i) {
                i += 1;
                continue;
            }
            // Markdown: backslash escapes, emphasis marks, autolink brackets,
            // a hard-break backslash at the end of a line.
            if c == '\\' {
                match chars.get(i + 1) {
                    Some(&(_, n)) if n.is_ascii_punctuation() => {
                        clean.flush_space(&mut pending_space);
                        let (n_at, n) = chars[i + 1];
                        clean.push(n, base + n_at, base + n_at + n.len_utf8());
                        i += 2;
                        continue;
                    }
                    Some(&(_, n)) if n == '\n' || n == '\r' => {
                        i += 1;
                        continue;
                    }
                    None => {
                        i += 1;
                        continue;
                    }
                    _ => {}
                }
            }
            if (c == '*' || c == '_') && is_emphasis_mark(&chars, i) {
                i += 1;
                continue;
            }
            if c == '<' && urls.iter().any(|u| u.start == next_at) {
                i += 1;
                continue;
            }
            if c == '>' && urls.iter().any(|u| u.end == at) {
                i += 1;
                continue;
            }
            clean.flush_space(&mut pending_space);
            // NFC over a base character and its combining marks
            // ("I\u{307}" -> "İ"), mapped to the whole sequence.
            let mut j = i + 1;
            while j < chars.len() && is_combining_mark(chars[j].1) {
                j += 1;
            }
            let seq_end = chars.get(j).map_or(raw.len(), |&(k, _)| k);
            if j > i + 1 {
                let composed: String = raw[at..seq_end].nfc().collect();
                let mut first = true;
                for cc in composed.chars() {
                    let (s, e) = if first {
                        (base + at, base + seq_end)
                    } else {
                        (base + seq_end, base + seq_end)
                    };
                    first = false;
                    clean.push(cc, s, e);
                }
            } else {
                let c = if c == '\u{00A0}' { ' ' } else { c };
                clean.push(c, base + at, base + next_at);
                if glued_period(&chars, i) {
                    clean.push(' ', base + next_at, base + next_at);
                }
            }
            i = j;
        }
        clean.starts.push(base + raw.trim_end().len());
        clean
    }

    fn flush_space(&mut self, pending: &mut Option<usize>) {
        if let Some(at) = pending.take() {
            self.push(' ', at, at + 1);
        }
    }

    fn push(&mut self, c: char, start: usize, end: usize) {
        self.text.push(c);
        for _ in 0..c.len_utf8() {
            self.starts.push(start);
            self.ends.push(end);
        }
    }

    /// The source span of the cleaned range `range`.
    pub fn span(&self, range: std::ops::Range<usize>) -> Span {
        let start = self
            .starts
            .get(range.start)
            .copied()
            .unwrap_or_else(|| self.starts.last().copied().unwrap_or(0));
        let end = if range.end > range.start {
            self.ends.get(range.end - 1).copied().unwrap_or(start)
        } else {
            start
        };
        start..end.max(start)
    }
}

/// Whether the character at `i` is a tatweel (kashida) stretching a word:
/// between two Arabic-script letters (`تهــران`, `مـصدق`), as justified text
/// stretches words, it separates nothing and is dropped like a soft hyphen.
/// Spaced or between digits it stands for a dash (`بيروت ـ ١٤٠٣`,
/// `۱۳۴۰ـ۱۳۴۲ش`) and stays.
fn stretches_word(chars: &[(usize, char)], i: usize) -> bool {
    const TATWEEL: char = '\u{0640}';
    let letter = |&&(_, c): &&(usize, char)| {
        c != TATWEEL
            && c.is_letter()
            && crate::script::script_of(c) == Some(crate::script::Script::Arabic)
    };
    let not_tatweel = |&&(_, c): &&(usize, char)| c != TATWEEL;
    chars[i].1 == TATWEEL
        && chars[..i]
            .iter()
            .rev()
            .find(not_tatweel)
            .is_some_and(|p| letter(&p))
        && chars[i + 1..]
            .iter()
            .find(not_tatweel)
            .is_some_and(|n| letter(&n))
}

/// Whether the period at `i` ends a word and the next begins glued to it,
/// the space lost as web pages and converted files lose it: `Kayali,
/// Hasan.A History of Modern Turkey`, `Mas'ūdī.Murūj al-Dhahab`, `eds.Modern
/// Iran` (shiavault bibliographies). A word of two or more Latin letters
/// ending in a lowercase one stands before it and a Latin capital after it
/// that is not an initial (`J.B.`, `Ph.D.`) — so the view reads the space
/// that a period between two words always has in print. Other scripts are
/// left as printed (`Изв.АН`, `М.:Наука` are abbreviations).
fn glued_period(chars: &[(usize, char)], i: usize) -> bool {
    use crate::script::{Script, script_of};
    if chars[i].1 != '.' {
        return false;
    }
    let latin = |c: char| c.is_letter() && script_of(c) == Some(Script::Latin);
    let letters_before = chars[..i]
        .iter()
        .rev()
        .take_while(|&&(_, c)| latin(c))
        .count();
    letters_before >= 2
        && chars[i - 1].1.is_lowercase()
        && chars
            .get(i + 1)
            .is_some_and(|&(_, c)| latin(c) && c.is_uppercase())
        && chars.get(i + 2).is_none_or(|&(_, c)| c != '.')
}

/// Whether the `*` or `_` at `i` is Markdown emphasis: a run of marks next to
/// a word on one side and a space, bracket or the end on the other.
fn is_emphasis_mark(chars: &[(usize, char)], i: usize) -> bool {
    let c = chars[i].1;
    let mut start = i;
    while start > 0 && chars[start - 1].1 == c {
        start -= 1;
    }
    let mut end = i + 1;
    while end < chars.len() && chars[end].1 == c {
        end += 1;
    }
    let before = start.checked_sub(1).map(|k| chars[k].1);
    let after = chars.get(end).map(|&(_, ch)| ch);
    let word = |ch: Option<char>| ch.is_some_and(|ch| ch.is_letter_or_digit());
    if c == '_' {
        // Intraword underscores are part of the text; so is a rule of
        // three or more with no word beside it, a same-author mark
        // (`____ Ahıskalıdan Hikayeler. Emin Yayınları, Bursa`).
        if end - start >= 3 && !word(before) && !word(after) {
            return false;
        }
        return !(word(before) && word(after));
    }
    !(word(before) && word(after)) || end - start >= 2
}

/// Byte ranges of URLs in `raw`: `http://`, `https://`, `ftp://` or `www.`
/// up to a space, `>` or a closing bracket not opened inside the URL; a
/// scheme typed with one slash (`http:/www.bahai.org/`) still opens one.
pub(crate) fn url_ranges(raw: &str) -> Vec<std::ops::Range<usize>> {
    // The openings of an address, in any case, found in one pass (no
    // lower-cased copy of the entry, no searcher per opening).
    static OPENINGS: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostFirst)
            .build(["http:/", "https:/", "ftp://", "www."])
            .expect("four literal patterns build")
    });
    let mut out = Vec::new();
    let mut from = 0;
    while from < raw.len() {
        let Some(found) = OPENINGS.find(Input::new(raw).span(from..raw.len())) else {
            break;
        };
        let start = found.start();
        if found.pattern().as_usize() == 3
            && raw[..start]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_letter_or_digit() || c == '/' || c == '.')
        {
            from = start + 4;
            continue;
        }
        let mut end = start;
        let mut depth = 0i32;
        for (j, c) in raw[start..].char_indices() {
            if c.is_whitespace() || c == '>' || c == '<' || c == '"' || c == '«' || c == '»' {
                break;
            }
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' => {
                    if depth == 0 {
                        break;
                    }
                    depth -= 1;
                }
                _ => {}
            }
            end = start + j + c.len_utf8();
        }
        // Trailing sentence punctuation is not part of the URL, but an
        // ellipsis is: "…/cavad-xan..." was cut short and must say so.
        if !raw[..end].ends_with("...") {
            while end > start && raw[..end].ends_with(['.', ',', ';', ':']) {
                end -= 1;
            }
        }
        if end > start {
            out.push(start..end);
        }
        from = end.max(start + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_and_spaces_are_removed_with_a_map_back() {
        let raw = "**Həsənli** Cəmil.\n   (2012)  \\*Kitab\\* <https://a.b/x_y>";
        let c = Clean::new(raw, 100);
        assert_eq!(c.text, "Həsənli Cəmil. (2012) *Kitab* https://a.b/x_y");
        let i = c.text.find("Cəmil").expect("present");
        let span = c.span(i..i + "Cəmil".len());
        assert_eq!(&raw[span.start - 100..span.end - 100], "Cəmil");
        let u = c.text.find("https").expect("url");
        let span = c.span(u..c.text.len());
        assert_eq!(&raw[span.start - 100..span.end - 100], "https://a.b/x_y");
    }

    #[test]
    fn a_rule_of_underscores_is_text_not_emphasis() {
        let c = Clean::new("____ Ahıskalıdan Hikayeler. __Bold__ x_y", 0);
        assert_eq!(c.text, "____ Ahıskalıdan Hikayeler. Bold x_y");
    }

    #[test]
    fn a_tatweel_stretching_a_word_is_dropped_a_spaced_one_kept() {
        let raw = "تهــران، انتشــارات علمــی، بيروت ـ ١٤٠٣، ۱۳۴۰ـ۱۳۴۲ش";
        let c = Clean::new(raw, 0);
        assert_eq!(c.text, "تهران، انتشارات علمی، بيروت ـ ١٤٠٣، ۱۳۴۰ـ۱۳۴۲ش");
        // The word maps back to the printed one, tatweels and all.
        let printed = c.span(0.."تهران".len());
        assert_eq!(&raw[printed], "تهــران");
    }

    #[test]
    fn a_period_glued_to_the_next_word_reads_as_spaced() {
        let raw = "Kayali, Hasan.A History. Mas'ūdī.Murūj. eds.Modern. J.B. Ph.D. Изв.АН";
        let c = Clean::new(raw, 0);
        assert_eq!(
            c.text,
            "Kayali, Hasan. A History. Mas'ūdī. Murūj. eds. Modern. J.B. Ph.D. Изв.АН"
        );
        let i = c.text.find("A History").expect("present");
        assert_eq!(&raw[c.span(i..i + 9)], "A History");
    }

    #[test]
    fn combining_marks_are_composed() {
        let c = Clean::new("I\u{307}ş", 0);
        assert_eq!(c.text, "İş");
        assert_eq!(c.span(0..c.text.len()), 0..5);
    }

    #[test]
    fn urls_end_before_closing_brackets_and_punctuation() {
        let raw = "(see https://x.org/a_(b)/c). www.y.az, and";
        let r: Vec<_> = url_ranges(raw).into_iter().map(|r| &raw[r]).collect();
        assert_eq!(r, ["https://x.org/a_(b)/c", "www.y.az"]);
        // A scheme with one slash, as typed.
        let raw = "Available on the Internet at: http:/www.bahai.org/.";
        let r: Vec<_> = url_ranges(raw).into_iter().map(|r| &raw[r]).collect();
        assert_eq!(r, ["http:/www.bahai.org/"]);
    }
}
