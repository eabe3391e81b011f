//! Parse: how an entry separates its areas — by periods (GOST, APA, ISNAD) or by commas only (Chicago notes, Persian and Arabic lists).
//!
//! Most reference styles end each area with a period: `Həsənli C. Sovet
//! dövründə…. Bakı, 2012.`. Notes and many Persian, Arabic and transliterated
//! lists use commas alone: `Majlisi, Muhammad Baqir, Bihar al-Anwar, Beirut,
//! Mu'assisat al-Wafa', 1404/1983.`, `تاریخ گزیده، حمدالله مستوفی، انتشارات
//! امیرکبیر، تهران، 1362.` In the second style a comma is what a period is in
//! the first: it closes the title, and the names before the title may be
//! longer than a reader of period styles would allow.

use super::lex::last_word;
use crate::script::{Script, fold, script_of};
use crate::vocab::Vocabulary;

/// The separator an entry closes its areas with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Punctuation {
    /// Periods end the areas; commas separate only within them.
    #[default]
    Period,
    /// Commas end the areas; no sentence period inside the entry.
    Comma,
    /// Spaced dashes end the areas, as in many Persian lists: `شناخت
    /// اساطیر ایران - جان هینلز - انتشارات چشمه - ۱۳۷۳`.
    Dash,
}

/// Reads the punctuation style of an entry: comma style when it has at least
/// two field commas and no period that ends a sentence (a period after a word
/// of three or more letters that is not an abbreviation, or after a number, a
/// closing bracket or quote, followed by a space and a capital, quote or Arabic
/// letter). Bracketed and quoted text is skipped.
pub(crate) fn punctuation(text: &str, vocab: &Vocabulary) -> Punctuation {
    let text = text.trim_end().trim_end_matches('.');
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut commas = 0;
    let mut dashes = 0;
    for (k, &(i, c)) in chars.iter().enumerate() {
        if let Some(close) = quote {
            if c == close {
                quote = None;
            }
            continue;
        }
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            '«' => quote = Some('»'),
            '“' => quote = Some('”'),
            '"' if depth == 0 => quote = Some('"'),
            ',' | '،'
                if depth == 0 && chars.get(k + 1).is_some_and(|&(_, n)| n.is_whitespace()) =>
            {
                commas += 1;
            }
            '.' if depth == 0 && sentence_period(text, i, vocab) => return Punctuation::Period,
            '/' if text[i..].starts_with("//") => return Punctuation::Period,
            '-' | '–' | '—'
                if depth == 0
                    && text[..i].ends_with(' ')
                    && chars.get(k + 1).is_some_and(|&(_, n)| n.is_whitespace()) =>
            {
                dashes += 1;
            }
            _ => {}
        }
    }
    if dashes >= 2 {
        Punctuation::Dash
    } else if commas >= 2 {
        Punctuation::Comma
    } else {
        Punctuation::Period
    }
}

/// Whether the period at byte `at` of `text` ends a sentence.
fn sentence_period(text: &str, at: usize, vocab: &Vocabulary) -> bool {
    let after = &text[at + 1..];
    let Some(next) = after.chars().next() else {
        return false;
    };
    if !next.is_whitespace() {
        return false;
    }
    let t = after.trim_start();
    // The GOST area separator ". – " always ends an area.
    if t.starts_with(['-', '–', '—']) {
        return true;
    }
    let starts = t.chars().next().is_some_and(|c| {
        c.is_uppercase()
            || matches!(c, '"' | '“' | '«' | '‘' | '\'' | '(' | '[')
            || script_of(c) == Some(Script::Arabic)
    });
    if !starts {
        return false;
    }
    let before = &text[..at];
    // After a closing bracket or quote, or a number ("…, 1918–1921. London").
    if before.ends_with([')', ']', '"', '”', '»']) || before.ends_with(|c: char| c.is_ascii_digit())
    {
        return true;
    }
    let word = last_word(before);
    word.chars().count() >= 3
        && !vocab.index.abbreviations.contains_key(&fold(word))
        && !vocab
            .index
            .abbreviations
            .contains_key(&fold(&format!("{word}.")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style(s: &str) -> Punctuation {
        punctuation(s, &Vocabulary::default())
    }

    #[test]
    fn commas_alone_make_the_comma_style() {
        for s in [
            "Majlisi, Muhammad Baqir, Bihar al- Anwar, Beirut, Mu’assisat al-Wafa’, 2nd edition, 1404/1983",
            "‘Amili, Muhammad b. Makki, Al-Dhikra, Lithography.",
            "تاريخ گزيده، حمدالله مستوفى، انتشارات اميركبير، تهران، 1362.",
            "M. Sadık Bilge, Osmanlı Devleti ve Kafkasya, İstanbul: Eren Yayıncılık, 2005, s. 13.",
        ] {
            assert_eq!(style(s), Punctuation::Comma, "{s}");
        }
    }

    #[test]
    fn a_sentence_period_makes_the_period_style() {
        for s in [
            "Həsənli C. Sovet dövründə Azərbaycanın xarici siyasəti. Bakı, Elm, 2012.",
            "KUNT, İ., SOY, N.B. (2020). Konya Kitabeleri, Selçuklu Belediyesi Yayınları, Konya",
            "Минорский В.Ф. История Ширвана и Дербенда. М., 1963.",
            "Bakı, 2012.",
            "Lawson, Andrew, ed. Documents on British Policy in Persia, 1918–1921. London: HMSO, 1962.",
            "Шнирельман В. А. Войны памяти: мифы, идентичность и политика в Закавказье. - М.: ИКЦ «Академкнига», 2003. - 591 с.",
            "Heisler M.O. The political currency of the past: History, memory, and identity // The Annals, 2008, Vol. 617, № 1",
        ] {
            assert_eq!(style(s), Punctuation::Period, "{s}");
        }
    }

    #[test]
    fn spaced_dashes_make_the_dash_style() {
        assert_eq!(
            style("شناخت اساطیر ایران - جان هینلز - انتشارات آویشن و چشمه - چاپ سوم : ۱۳۷۳"),
            Punctuation::Dash
        );
        // The GOST area dash after a period is a period style.
        assert_eq!(
            style("Иванов И. И. История. – М. : Наука, 1990. – 200 с."),
            Punctuation::Period
        );
    }

    #[test]
    fn commas_inside_quotes_and_brackets_do_not_count() {
        assert_eq!(
            style("“Islamic Law, Imperial Order, Muslims” (London, Paris)"),
            Punctuation::Period
        );
    }
}
