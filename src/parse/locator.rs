//! Parse: labelled numbers — `s.329`, `л. 12 об.`, `Том II`, `№ 3`, `С. 33–34` — and extents (`464 с.`).
//!
//! Shared by the entry grammar and the citation scanner; the labels and their
//! meanings come from `bib/locators.toml`.

use nom::Parser;
use nom::combinator::{opt, recognize};

use super::lex::{
    Res, at_boundary, ch, digits, fail, front_matter_roman, parse_number, range, range_list, roman,
    sp, word,
};
use crate::script::normalize_range;
use crate::vocab::{Meaning, Vocabulary};

/// A label and the value after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Labelled<'a> {
    /// What the label means.
    pub meaning: Meaning,
    /// The label as printed.
    pub label: &'a str,
    /// The value as printed (for volumes: the numeral as printed).
    pub value: &'a str,
    /// The value normalised: ASCII digits and hyphens; volumes as Arabic
    /// numerals.
    pub normalized: String,
    /// Whether a verso marker followed.
    pub verso: bool,
}

/// A verso marker after a leaf number: ` об.`, `arxa`, ` verso`.
pub(crate) fn verso<'a>(
    vocab: &'a Vocabulary,
) -> impl Parser<&'a str, Output = &'a str, Error = nom::error::Error<&'a str>> + 'a {
    move |i: &'a str| {
        let (rest, (_, (w, _))) = (sp, word(&vocab.index.verso)).parse(i)?;
        Ok((rest, w))
    }
}

/// A value after a label: a range list, with verso markers after any range
/// (`12 об., 14`), or a Roman numeral for volumes.
fn value<'a>(
    vocab: &'a Vocabulary,
    meaning: Meaning,
) -> impl Parser<&'a str, Output = (&'a str, String, bool), Error = nom::error::Error<&'a str>> + 'a
{
    move |i: &'a str| {
        if matches!(
            meaning,
            Meaning::Volume
                | Meaning::Part
                | Meaning::Book
                | Meaning::Chapter
                | Meaning::Issue
                | Meaning::Section
        ) && let Ok((rest, n)) = numeral(i)
        {
            return Ok((rest, (&i[..i.len() - rest.len()], n.to_string(), false)));
        }
        // "С. I – XVI", "pp. XI–XX": front matter's pages in Roman numerals,
        // a range (one numeral alone may be an initial).
        if meaning == Meaning::Page
            && let Ok((after_first, _)) = numeral(i)
            && let Ok((r, _)) = sp(after_first)
            && let Some(dash) = r.chars().next().filter(|&c| crate::script::is_dash(c))
            && let Ok((last, _)) = sp(&r[dash.len_utf8()..])
            && let Ok((rest, _)) = numeral(last)
        {
            let first = &i[..i.len() - after_first.len()];
            let end = &last[..last.len() - rest.len()];
            return Ok((
                rest,
                (&i[..i.len() - rest.len()], format!("{first}-{end}"), false),
            ));
        }
        // "جلد دوم", "شماره دهم": an ordinal word for the number.
        if matches!(meaning, Meaning::Volume | Meaning::Issue)
            && let Ok((rest, (printed, n))) = word(&vocab.index.ordinal_numbers).parse(i)
        {
            return Ok((rest, (printed, n.to_string(), false)));
        }
        // Pages and leaves take lists ("76–78, 162–164"); a volume or an
        // issue is one number or range ("№ 38, 1995": 1995 is a year).
        let (mut rest, _) = if matches!(meaning, Meaning::Page | Meaning::Leaf) {
            range_list(i)?
        } else {
            super::lex::range(i)?
        };
        // "№ 3(19)", "№ 2 (74)": an issue with its running number in
        // brackets (three digits at most: "no. 3 (1983)" brackets a year).
        if meaning == Meaning::Issue
            && let Ok((r, (_, _, n, _))) = (sp, ch('('), digits, ch(')')).parse(rest)
            && n.chars().count() <= 3
        {
            rest = r;
        }
        let mut verso_seen = false;
        loop {
            // "12 об.", "3arxa", then possibly ", 14".
            if let Ok((r, _)) = verso(vocab).parse(rest) {
                verso_seen = true;
                rest = r;
                if let Ok((r2, _)) = (sp, ch(','), sp, range_list).parse(rest) {
                    rest = r2;
                    continue;
                }
            }
            break;
        }
        let printed = &i[..i.len() - rest.len()];
        let mut normalized = normalize_range(printed);
        normalized = collapse_spaces_around_dashes(&normalized);
        Ok((rest, (printed, normalized, verso_seen)))
    }
}

fn collapse_spaces_around_dashes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == ' ' {
            let mut j = i;
            while j < chars.len() && chars[j] == ' ' {
                j += 1;
            }
            let dash_next = chars.get(j) == Some(&'-');
            let dash_prev = out.ends_with('-');
            if dash_next || dash_prev {
                i = j;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// A label followed by its value: `s.329`, `С. 33–34`, `Том II`, `№ 3`,
/// `л. 12 об.`, `ص ۳۲۹`. The value must end at an element boundary.
pub(crate) fn labelled<'a>(
    vocab: &'a Vocabulary,
) -> impl Parser<&'a str, Output = Labelled<'a>, Error = nom::error::Error<&'a str>> + 'a {
    move |i: &'a str| {
        let (rest, (label, meaning)) = match word(&vocab.index.labels).parse(i) {
            Ok(found) => found,
            Err(e) => glued_label(vocab, i).ok_or(e)?,
        };
        let (rest, _) = sp(rest)?;
        let (rest, _) = opt((ch(':'), sp)).parse(rest)?;
        let (rest, (printed, normalized, verso)) = value(vocab, meaning).parse(rest)?;
        Ok((
            rest,
            Labelled {
                meaning,
                label,
                value: printed,
                normalized,
                verso,
            },
        ))
    }
}

/// A label typed without its period or space, glued to its number: `Vol3`,
/// `vol1`, `ج۱۵`, `ج2`, `ص۴۵`, `N10`. Only a whole run of letters that is a
/// label of the vocabulary counts, so a word ending in letters that happen
/// to form a label (`F847`, `Reel9`) is not read as one.
fn glued_label<'a>(vocab: &'a Vocabulary, i: &'a str) -> Option<(&'a str, (&'a str, Meaning))> {
    let d = i.find(|c: char| crate::script::is_digit(c))?;
    let letters = &i[..d];
    if d == 0 || !letters.chars().all(crate::script::is_letter) {
        return None;
    }
    let (len, meaning) = vocab.index.labels.match_start(letters)?;
    (len == d).then_some((&i[d..], (letters, *meaning)))
}

/// A Roman numeral that numbers a volume, unless it is an initial: in
/// `Т. М. Гусейнов` and `С. Т. Мурадов` the one letter is a name's, not
/// volume 1000 or 100. Volumes L, C, D and M are not printed as one letter.
fn numeral(i: &str) -> Res<'_, u32> {
    let (rest, n) = roman(i)?;
    let mut letters = i[..i.len() - rest.len()].chars();
    let one = letters.next().filter(|_| letters.next().is_none());
    let initial = one.is_some_and(|c| matches!(c, 'L' | 'C' | 'D' | 'M' | 'С' | 'М'))
        && rest.starts_with('.')
        && rest[1..].starts_with(char::is_whitespace)
        && rest[1..].trim_start().starts_with(char::is_uppercase);
    if initial { fail(i) } else { Ok((rest, n)) }
}

/// A volume printed number-first: `II cild`, `2-ci cild`, `3-cü cild`, `II т.`.
pub(crate) fn volume_after<'a>(
    vocab: &'a Vocabulary,
) -> impl Parser<&'a str, Output = (String, &'a str), Error = nom::error::Error<&'a str>> + 'a {
    move |i: &'a str| number_first(vocab, i, |meaning, _| meaning == Meaning::Volume)
}

/// A part or book of a work printed number-first, as Azerbaijani and
/// Turkish print the ordinal before its word: `I kitab`, `I hissə`,
/// `2-ci hissə`. A bare Arabic number before the word is a count (`2
/// kitab`), not the part's number.
pub(crate) fn part_after<'a>(
    vocab: &'a Vocabulary,
) -> impl Parser<&'a str, Output = (String, &'a str), Error = nom::error::Error<&'a str>> + 'a {
    move |i: &'a str| {
        number_first(vocab, i, |meaning, ordinal| {
            ordinal && matches!(meaning, Meaning::Part | Meaning::Book)
        })
    }
}

/// An issue printed number-first with the Turkish ordinal's period: "“Bilim
/// ve Hayat” dergisi, Bakü 1965, 9. sayı".
pub(crate) fn issue_after<'a>(
    vocab: &'a Vocabulary,
) -> impl Parser<&'a str, Output = (String, &'a str), Error = nom::error::Error<&'a str>> + 'a {
    move |i: &'a str| {
        number_first(vocab, i, |meaning, ordinal| {
            ordinal && meaning == Meaning::Issue
        })
    }
}

/// A number and then its label, the label's meaning accepted by `accept`
/// (told whether the number was printed as an ordinal: a Roman numeral or
/// digits with a suffix).
fn number_first<'a>(
    vocab: &'a Vocabulary,
    i: &'a str,
    accept: impl Fn(Meaning, bool) -> bool,
) -> Res<'a, (String, &'a str)> {
    let (rest, n, arabic, suffixed) = match numeral(i) {
        Ok((r, n)) => (r, n, false, false),
        Err(_) => {
            let (rest, d) = digits(i)?;
            let n = parse_number(d).and_then(|n| u32::try_from(n).ok());
            let Some(n) = n else { return fail(i) };
            // ordinal suffix "-ci", "-cü", "-cı", "-cu", "-й", "-й", "."
            let (rest, suffix) = opt((
                ch('-'),
                nom::bytes::complete::take_while1(crate::script::is_letter),
            ))
            .parse(rest)?;
            (rest, n, true, suffix.is_some())
        }
    };
    // "VIII. Cilt", "2. cilt": a period after a short numeral (the Turkish
    // ordinal); a year before "Т." ("1973. Т. 14") is not a volume.
    let (rest, period) = match rest.strip_prefix('.') {
        Some(r) if !arabic || n < 1000 => (r, true),
        _ => (rest, false),
    };
    let (rest, _) = sp(rest)?;
    let (rest, (label, meaning)) = word(&vocab.index.labels).parse(rest)?;
    let ordinal = !arabic || suffixed || period;
    if !accept(meaning, ordinal) || !super::lex::ends_element(label, rest) {
        return fail(i);
    }
    Ok((rest, (n.to_string(), label)))
}

/// A total page count: `464 с.`, `352 səh.`, `240 p.`, `xii, 300 p.`,
/// `464, [2] с.`, `۳۵۲ ص`. Returns the count as ASCII digits.
pub(crate) fn extent<'a>(
    vocab: &'a Vocabulary,
) -> impl Parser<&'a str, Output = String, Error = nom::error::Error<&'a str>> + 'a {
    move |i: &'a str| {
        // optional roman preliminaries "XII, " or "xii + "
        let (rest, _) = opt((
            front_matter_roman,
            sp,
            nom::branch::alt((ch(','), ch('+'))),
            sp,
        ))
        .parse(i)?;
        let (rest, d) = digits(rest)?;
        let (rest, _) = opt((sp, ch(','), sp, ch('['), digits, ch(']'))).parse(rest)?;
        let (rest, _) = sp(rest)?;
        let (rest, (_, _)) = word(&vocab.index.extent).parse(rest)?;
        if !at_boundary(rest) {
            return fail(i);
        }
        Ok((rest, crate::script::ascii_digits(d)))
    }
}

/// A page range without a label, for the APA and Chicago position after an
/// issue: `45–67`.
pub(crate) fn bare_pages(i: &str) -> Res<'_, String> {
    let (rest, r) = recognize(range).parse(i)?;
    if !r.chars().any(crate::script::is_dash) || !at_boundary(rest) {
        return fail(i);
    }
    Ok((rest, collapse_spaces_around_dashes(&normalize_range(r))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(text: &str) -> Option<(Meaning, String, bool, String)> {
        let v = Vocabulary::builtin();
        labelled(&v)
            .parse(text)
            .ok()
            .map(|(rest, l)| (l.meaning, l.normalized, l.verso, rest.to_string()))
    }

    #[test]
    fn an_issue_keeps_its_running_number_but_not_a_year() {
        let v = Vocabulary::builtin();
        let value = |s| labelled(&v).parse(s).map(|(_, l)| l.normalized).ok();
        assert_eq!(value("№3(19). С. 5").as_deref(), Some("3(19)"));
        assert_eq!(value("№ 2 (74)").as_deref(), Some("2 (74)"));
        assert_eq!(value("no. 3 (1983): 269").as_deref(), Some("3"));
    }

    #[test]
    fn a_label_glued_to_its_number() {
        assert_eq!(
            l("Vol3, Edited"),
            Some((Meaning::Volume, "3".into(), false, ", Edited".into()))
        );
        assert_eq!(
            l("ج۱۵. تهران"),
            Some((Meaning::Volume, "15".into(), false, ". تهران".into()))
        );
        // Letters that merely end in a label's form are no label.
        assert_eq!(l("Reel9"), None);
        assert_eq!(l("F847"), None);
    }

    #[test]
    fn labels_in_five_languages() {
        assert_eq!(
            l("s.329)"),
            Some((Meaning::Page, "329".into(), false, ")".into()))
        );
        assert_eq!(
            l("səh.166"),
            Some((Meaning::Page, "166".into(), false, "".into()))
        );
        assert_eq!(
            l("С. 33–34."),
            Some((Meaning::Page, "33-34".into(), false, ".".into()))
        );
        assert_eq!(
            l("Том II."),
            Some((Meaning::Volume, "2".into(), false, ".".into()))
        );
        assert_eq!(
            l("т. 14"),
            Some((Meaning::Volume, "14".into(), false, "".into()))
        );
        assert_eq!(
            l("№ 3"),
            Some((Meaning::Issue, "3".into(), false, "".into()))
        );
        assert_eq!(
            l("ص ۳۲۹"),
            Some((Meaning::Page, "329".into(), false, "".into()))
        );
        assert_eq!(
            l("ج ۲،"),
            Some((Meaning::Volume, "2".into(), false, "،".into()))
        );
        assert_eq!(
            l("Л. 12–15 об."),
            Some((Meaning::Leaf, "12-15 об.".into(), true, "".into()))
        );
        assert_eq!(
            l("v. 3arxa"),
            Some((Meaning::Leaf, "3arxa".into(), true, "".into()))
        );
        assert_eq!(
            l("pp. 76–78, 162–164"),
            Some((Meaning::Page, "76-78, 162-164".into(), false, "".into()))
        );
        assert_eq!(
            l("vol. 3"),
            Some((Meaning::Volume, "3".into(), false, "".into()))
        );
    }

    #[test]
    fn extents_and_number_first_volumes() {
        let v = Vocabulary::builtin();
        assert_eq!(
            extent(&v).parse("464 с.").map(|r| r.1),
            Ok("464".to_string())
        );
        assert_eq!(
            extent(&v).parse("352 səh.").map(|r| r.1),
            Ok("352".to_string())
        );
        assert_eq!(
            extent(&v).parse("۳۵۲ ص").map(|r| r.1),
            Ok("352".to_string())
        );
        assert_eq!(
            extent(&v).parse("xii, 300 p.").map(|r| r.1),
            Ok("300".to_string())
        );
        assert!(extent(&v).parse("1985. М.").is_err());
        assert_eq!(
            volume_after(&v).parse("II cild,").map(|r| r.1.0),
            Ok("2".to_string())
        );
        assert_eq!(
            volume_after(&v).parse("2-ci cild").map(|r| r.1.0),
            Ok("2".to_string())
        );
        // Parts and issues numbered first by an ordinal; a bare number
        // before the word counts, a volume's word is no part's.
        let part = |t| part_after(&v).parse(t).ok().map(|r| r.1.0);
        let issue = |t| issue_after(&v).parse(t).ok().map(|r| r.1.0);
        assert_eq!(
            [part("I kitab."), part("I hissə."), issue("9. sayı")],
            [Some("1".into()), Some("1".into()), Some("9".into())]
        );
        assert_eq!(
            [part("2 kitab"), part("II cild"), issue("9 sayı")],
            [None, None, None]
        );
        assert_eq!(bare_pages("45–67."), Ok((".", "45-67".to_string())));
    }

    #[test]
    fn roman_page_ranges() {
        assert_eq!(l("С. I – XVI.").map(|x| x.1), Some("I-XVI".into()));
        assert_eq!(l("pp. XI–XX,").map(|x| x.1), Some("XI-XX".into()));
    }

    #[test]
    fn one_letter_numerals_before_a_name_are_initials() {
        let v = Vocabulary::builtin();
        assert_eq!(l("Т. II. М.").map(|x| x.1), Some("2".into()));
        assert_eq!(l("Т. V, с. 12").map(|x| x.1), Some("5".into()));
        assert_eq!(l("Т. М. Гусейнов"), None);
        assert!(volume_after(&v).parse("С. Т. Мурадов").is_err());
        assert_eq!(numeral("XII."), Ok((".", 12)));
        assert!(numeral("М. Гусейнов").is_err());
    }
}
