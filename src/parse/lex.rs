//! Parse: the small productions every grammar shares — spaces, numbers in any script, ranges, Roman numerals, vocabulary words — and the one reader of their values.
//!
//! Everything that reads a number, a range or a Roman numeral out of text
//! (the parser, the citation scanner, the locator rules) reads it here.

use crate::script::Letter;
use nom::bytes::complete::{take_while, take_while1};
use nom::combinator::{opt, recognize};
use nom::{IResult, Parser};

use crate::script::{digit_value, is_dash, is_digit};
use crate::vocab::Lexicon;

/// nom's result over entry text; its error type stays inside this module tree.
pub(crate) type Res<'a, T> = IResult<&'a str, T>;

/// One given character (nom's `char` with this module's error type).
pub(crate) fn ch<'a>(
    c: char,
) -> impl Parser<&'a str, Output = char, Error = nom::error::Error<&'a str>> {
    nom::character::complete::char(c)
}

/// Zero or more spaces.
pub(crate) fn sp(i: &str) -> Res<'_, &str> {
    take_while(|c: char| c.is_whitespace()).parse(i)
}

/// One or more decimal digits in any script.
pub(crate) fn digits(i: &str) -> Res<'_, &str> {
    take_while1(is_digit).parse(i)
}

/// A dash joining two ends of a range, with optional spaces around it.
pub(crate) fn dash(i: &str) -> Res<'_, &str> {
    recognize((sp, take_while1(is_dash), sp)).parse(i)
}

/// A leaf or page number with an optional prefix letter (`Р-1234`, `А-513`)
/// or suffix recto/verso letter (`61b`, `226v`; `folio_letters` of
/// `bib/locators.toml`; `3arxa` is handled by callers).
pub(crate) fn folio(i: &str) -> Res<'_, &str> {
    recognize((
        digits,
        opt(nom::bytes::complete::take_while_m_n(1, 1, |c: char| {
            crate::vocab::folio_letters().contains(&c)
        })
        .and(nom::combinator::not(take_while1(crate::script::is_letter)))),
    ))
    .parse(i)
}

/// A range `12–15`, `485ـ492`, or a single number.
pub(crate) fn range(i: &str) -> Res<'_, &str> {
    recognize((folio, opt((dash, folio)))).parse(i)
}

/// A list of ranges joined by commas: `76–78, 162–164`. A comma followed by
/// something other than a number ends the list.
pub(crate) fn range_list(i: &str) -> Res<'_, &str> {
    recognize((range, nom::multi::many0((sp, ch(','), sp, range)))).parse(i)
}

/// A Roman numeral made of the usual letters (and Cyrillic look-alikes),
/// not followed by a letter.
pub(crate) fn roman(i: &str) -> Res<'_, u32> {
    let (rest, word) = take_while1(|c: char| {
        matches!(
            c,
            'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M' | 'І' | 'Х' | 'С' | 'М' | 'Ⅰ' | 'Ⅴ' | 'Ⅹ'
        )
    })
    .parse(i)?;
    if rest.starts_with(crate::script::is_letter) {
        return fail(i);
    }
    match parse_roman(word) {
        Some(n) => Ok((rest, n)),
        None => fail(i),
    }
}

/// The letters of a front-matter Roman numeral as page counts print it,
/// in either case (`xii, 300 p.`, `XIV + 250 с.`): only i, v, x and l.
pub(crate) fn front_matter_roman(i: &str) -> Res<'_, &str> {
    take_while1(|c: char| matches!(c.to_ascii_lowercase(), 'i' | 'v' | 'x' | 'l')).parse(i)
}

/// A word from a vocabulary, longest form first.
pub(crate) fn word<'a, T: Clone>(
    lexicon: &'a Lexicon<T>,
) -> impl Parser<&'a str, Output = (&'a str, T), Error = nom::error::Error<&'a str>> + 'a {
    move |i: &'a str| match lexicon.match_start(i) {
        Some((len, payload)) => Ok((&i[len..], (&i[..len], payload.clone()))),
        None => fail(i),
    }
}

/// A plain nom error at `i`.
pub(crate) fn fail<T>(i: &str) -> Res<'_, T> {
    Err(nom::Err::Error(nom::error::Error::new(
        i,
        nom::error::ErrorKind::Verify,
    )))
}

/// Whether an element whose text is `consumed` ends at `rest`: a boundary,
/// or a space after an element that ends with its own period ("2nd edn.
/// London", "М. 1961").
pub(crate) fn ends_element(consumed: &str, rest: &str) -> bool {
    at_boundary(rest) || (consumed.ends_with('.') && rest.starts_with(char::is_whitespace))
}

/// Whether `rest` starts at a boundary between elements: the end, or
/// punctuation that separates elements (after optional spaces).
pub(crate) fn at_boundary(rest: &str) -> bool {
    let t = rest.trim_start();
    t.is_empty()
        || t.starts_with([
            '.', ',', ':', ';', '/', ')', ']', '(', '[', '–', '—', '-', '،', '؛', '«', '"', '“',
        ])
        // A spaced digit, or a spaced tatweel used as a dash ("بيروت ـ ١٤٠٣").
        || (rest.len() != t.len() && t.starts_with(|c: char| is_digit(c) || c == '\u{0640}'))
}

/// Parses a run of decimal digits in any script into a number, if it fits.
pub(crate) fn parse_number(text: &str) -> Option<u64> {
    let mut value: u64 = 0;
    let mut any = false;
    for c in text.chars() {
        let d = digit_value(c)?;
        value = value.checked_mul(10)?.checked_add(u64::from(d))?;
        any = true;
    }
    any.then_some(value)
}

/// Parses a Roman numeral (`II`, `XIV`, `iv`), also written with the Cyrillic
/// look-alikes `І`, `Х`, `С`, `М` that Russian typists use.
pub(crate) fn parse_roman(text: &str) -> Option<u32> {
    let mut total = 0u32;
    let mut prev = 0u32;
    let mut count = 0;
    for c in text.chars().rev() {
        let v = match c {
            'I' | 'i' | 'І' | 'і' | 'Ⅰ' => 1,
            'V' | 'v' | 'Ⅴ' => 5,
            'X' | 'x' | 'Х' | 'х' | 'Ⅹ' => 10,
            'L' | 'l' => 50,
            'C' | 'c' | 'С' | 'с' => 100,
            'D' | 'd' => 500,
            'M' | 'm' | 'М' | 'м' => 1000,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
        count += 1;
    }
    (count > 0 && total > 0 && total < 4000).then_some(total)
}

/// The numeric ranges of a printed value: `"12-15 об."` -> `[(12, 15)]`,
/// `"105,110"` -> `[(105, 105), (110, 110)]`, `"3arxa"` -> `[(3, 3)]`,
/// `"145-7"` -> `[(145, 147)]` (an abbreviated end takes the start's
/// leading digits). Returns each range as printed, in order; a reversed
/// range keeps its order.
pub(crate) fn parse_ranges(value: &str) -> Vec<(u64, u64)> {
    let mut out = Vec::new();
    for part in value.split([',', ';', '،']) {
        let mut numbers = Vec::new();
        let mut current = String::new();
        let mut dash = false;
        for c in part.chars() {
            if let Some(d) = digit_value(c) {
                current.push(char::from_digit(d, 10).unwrap_or('0'));
            } else {
                if !current.is_empty() {
                    numbers.push(std::mem::take(&mut current));
                }
                if is_dash(c) && numbers.len() == 1 {
                    dash = true;
                }
            }
        }
        if !current.is_empty() {
            numbers.push(current);
        }
        match (numbers.first(), numbers.get(1)) {
            (Some(a), Some(b)) if dash => {
                let (Ok(start), Ok(end)) = (a.parse::<u64>(), b.parse::<u64>()) else {
                    continue;
                };
                // "145-7" means 145 to 147.
                let end = if b.len() < a.len() && end < start {
                    let prefix = &a[..a.len() - b.len()];
                    format!("{prefix}{b}").parse().unwrap_or(end)
                } else {
                    end
                };
                out.push((start, end));
            }
            (Some(a), _) => {
                if let Ok(n) = a.parse::<u64>() {
                    out.push((n, n));
                }
            }
            _ => {}
        }
    }
    out
}

/// The letters that end `s`: `"… Azərbaycan tarixi"` → `tarixi`.
pub(crate) fn last_word(s: &str) -> &str {
    let start = s
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_letter())
        .last()
        .map_or(s.len(), |(i, _)| i);
    &s[start..]
}

/// A year's suffix letter (`2012a`, `2012b`, Russian `1991а`): one Latin
/// (or Cyrillic а–и) lower-case letter not followed by a letter or digit;
/// or a Persian letter of `bib/citations.toml` `year_suffix_letters`, glued
/// or after a space, before the end or a mark (`۱۳۸۸الف`, `۱۳۸۸ ب:`), read
/// as a, b, c …. The text after it and the letter.
pub(crate) fn year_suffix<'a>(
    rest: &'a str,
    vocab: &crate::vocab::Vocabulary,
) -> Option<(&'a str, char)> {
    let mut chars = rest.chars();
    let first = chars.next()?;
    if first.is_ascii_lowercase() || ('а'..='и').contains(&first) {
        let after = &rest[first.len_utf8()..];
        return (!chars.next().is_some_and(crate::script::is_letter_or_digit))
            .then_some((after, first));
    }
    let t = rest.strip_prefix(' ').unwrap_or(rest);
    vocab
        .citations
        .year_suffix_letters
        .iter()
        .zip('a'..='z')
        .find_map(|(letters, c)| {
            let after = t.strip_prefix(letters.as_str())?;
            let next = after.trim_start_matches(' ');
            (next.is_empty() || next.starts_with([')', ']', ':', '،', ',', '.', '؛', ';']))
                .then_some((after, c))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_and_lists() {
        assert_eq!(range("12–15 об."), Ok((" об.", "12–15")));
        assert_eq!(range("۴۸۵ـ۴۹۲"), Ok(("", "۴۸۵ـ۴۹۲")));
        assert_eq!(range("61b, x"), Ok((", x", "61b")));
        assert_eq!(range("3arxa"), Ok(("arxa", "3")));
        assert_eq!(range_list("76-78, 162-164."), Ok((".", "76-78, 162-164")));
        assert_eq!(range_list("45, Bakı"), Ok((", Bakı", "45")));
    }

    #[test]
    fn a_year_suffix_is_a_latin_or_cyrillic_letter_or_a_persian_one_in_abjad_order() {
        let v = crate::vocab::Vocabulary::builtin();
        assert_eq!(year_suffix("a). X", &v), Some(("). X", 'a')));
        assert_eq!(year_suffix("б, с. 5", &v), Some((", с. 5", 'б')));
        assert_eq!(year_suffix("الف: ۳)", &v), Some((": ۳)", 'a')));
        assert_eq!(year_suffix(" ب).", &v), Some((").", 'b')));
        assert_eq!(year_suffix(" ج).", &v), Some((").", 'c')));
        // A volume's label after a year is no suffix; nor is a word.
        assert_eq!(year_suffix(" ج ۲: ۴۵)", &v), None);
        assert_eq!(year_suffix(" بیات)", &v), None);
        assert_eq!(year_suffix("ab)", &v), None);
    }

    #[test]
    fn a_folio_takes_one_glued_side_letter() {
        assert_eq!(folio("226v."), Ok((".", "226v")));
        assert_eq!(folio("۱۲ب، ۱۳"), Ok(("، ۱۳", "۱۲ب")));
        assert_eq!(folio("12об."), Ok(("об.", "12")));
        assert_eq!(folio("12vb"), Ok(("vb", "12")));
    }

    #[test]
    fn last_words() {
        assert_eq!(last_word("Azərbaycan tarixi"), "tarixi");
        assert_eq!(last_word("1920 гг"), "гг");
        assert_eq!(last_word("1920)"), "");
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(roman("II."), Ok((".", 2)));
        assert_eq!(roman("ІІІ "), Ok((" ", 3)));
        assert!(roman("IIIa").is_err());
        assert!(roman("Moscow").is_err());
    }

    #[test]
    fn roman_values_including_cyrillic_lookalikes() {
        assert_eq!(parse_roman("II"), Some(2));
        assert_eq!(parse_roman("XIV"), Some(14));
        assert_eq!(parse_roman("ІІ"), Some(2));
        assert_eq!(parse_roman("Х"), Some(10));
        assert_eq!(parse_roman("IV"), Some(4));
        assert_eq!(parse_roman("A"), None);
        assert_eq!(parse_roman(""), None);
    }

    #[test]
    fn numbers_of_three_scripts() {
        assert_eq!(parse_number("۱۳۸۸"), Some(1388));
        assert_eq!(parse_number("١٣٨٨"), Some(1388));
        assert_eq!(parse_number("12a"), None);
        assert_eq!(parse_number("99999999999999999999999"), None);
    }

    #[test]
    fn ranges_of_printed_values() {
        assert_eq!(parse_ranges("12-15 об."), vec![(12, 15)]);
        assert_eq!(parse_ranges("105,110"), vec![(105, 105), (110, 110)]);
        assert_eq!(parse_ranges("76-78, 162-164"), vec![(76, 78), (162, 164)]);
        assert_eq!(parse_ranges("3arxa"), vec![(3, 3)]);
        assert_eq!(parse_ranges("145-7"), vec![(145, 147)]);
        assert_eq!(parse_ranges("45-41"), vec![(45, 41)]);
        assert_eq!(parse_ranges("۴۸۵ـ۴۹۲"), vec![(485, 492)]);
        assert!(parse_ranges("об.").is_empty());
    }
}
