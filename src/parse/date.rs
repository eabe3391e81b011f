//! Parse: years and dates, with Solar and lunar Hijri years converted to Gregorian.
//!
//! Calendar markers (`ش`, `ه.ش`, `ق`, `h.`, `m.`) come from
//! `bib/calendars.toml`; a bare year in a Persian entry between 1200 and 1499
//! is Solar Hijri (conventions.md B.3). Conversion uses `icu_calendar`: the
//! Gregorian year is the one in which the printed year began (Solar Hijri
//! 1388 began on 21 March 2009).

use icu_calendar::cal::hijri::{TabularAlgorithmEpoch, TabularAlgorithmLeapYears};
use icu_calendar::cal::{Hijri, Persian};
use icu_calendar::{Date, Gregorian};
use nom::Parser;
use nom::bytes::complete::take_while1;
use nom::combinator::opt;

use super::lex::{Res, ch, digits, fail, sp, word};
use crate::model::{Calendar, Language, OriginalYear};
use crate::script::{is_digit, parse_number};
use crate::vocab::Vocabulary;

/// A year as read from an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Year {
    /// Gregorian year.
    pub gregorian: i32,
    /// The printed year when it is not Gregorian.
    pub original: Option<OriginalYear>,
}

/// The Gregorian year in which `year` of `calendar` began.
pub(crate) fn to_gregorian(calendar: Calendar, year: i32) -> Option<i32> {
    match calendar {
        Calendar::SolarHijri => {
            let date = Date::try_new_persian(year, 1, 1).ok()?;
            Some(date.to_calendar(Gregorian).year().extended_year())
        }
        Calendar::LunarHijri => {
            let hijri = Hijri::new_tabular(
                TabularAlgorithmLeapYears::TypeII,
                TabularAlgorithmEpoch::Friday,
            );
            let date = Date::try_new_hijri_with_calendar(year, 1, 1, hijri).ok()?;
            Some(date.to_calendar(Gregorian).year().extended_year())
        }
    }
}

// `Persian` is named so that the calendar type this module converts from is
// visible at the import site.
#[allow(dead_code)]
type SolarHijri = Persian;

fn calendar_by_name(name: &str) -> Option<Option<Calendar>> {
    match name {
        "solar-hijri" => Some(Some(Calendar::SolarHijri)),
        "lunar-hijri" => Some(Some(Calendar::LunarHijri)),
        "gregorian" => Some(None),
        _ => None,
    }
}

/// A calendar marker: `Some(Some(calendar))`, or `Some(None)` for an explicit
/// Gregorian marker.
fn marker<'a>(
    vocab: &'a Vocabulary,
) -> impl Parser<&'a str, Output = Option<Calendar>, Error = nom::error::Error<&'a str>> + 'a {
    move |i: &'a str| {
        let (rest, (_, idx)) = word(&vocab.index.calendar_markers).parse(i)?;
        match vocab
            .calendars
            .get(idx)
            .and_then(|c| calendar_by_name(&c.name))
        {
            Some(cal) => Ok((rest, cal)),
            None => fail(i),
        }
    }
}

/// Whether `n` is a plausible printed year in `calendar`.
fn plausible(n: u64, calendar: Option<Calendar>) -> bool {
    match calendar {
        None => (1000..=2100).contains(&n),
        Some(Calendar::SolarHijri) => (1000..=1500).contains(&n),
        Some(Calendar::LunarHijri) => (700..=1500).contains(&n),
    }
}

/// Reads a year: an optional prefix marker (`h. 1265`), three or four
/// digits, an optional suffix marker (`1388 ش`, `1330 ق`), optional Russian
/// `г.`/Azerbaijani `-ci il`, and an optional second year after `/` in
/// another calendar (`1304ش/1925م`, `1388/2009`).
pub(crate) fn year<'a>(
    vocab: &'a Vocabulary,
    language: Option<Language>,
) -> impl Parser<&'a str, Output = Year, Error = nom::error::Error<&'a str>> + 'a {
    move |i: &'a str| {
        let (rest, (first, cal)) = marked_year(vocab).parse(i)?;
        // A second year after a slash: the pair gives the Gregorian year.
        let (rest, second) = opt((sp, ch('/'), sp, marked_year(vocab))).parse(rest)?;
        let (rest, _) = opt((sp, year_word)).parse(rest)?;
        let bare_calendar = |n: u64| {
            let lang = language.map(Language::code);
            vocab.calendars.iter().find_map(|c| {
                c.bare
                    .iter()
                    .any(|b| {
                        Some(b.language.as_str()) == lang
                            && (b.from as u64..=b.to as u64).contains(&n)
                    })
                    .then(|| calendar_by_name(&c.name).flatten())
                    .flatten()
            })
        };
        let resolve = |n: u64, cal: Option<Option<Calendar>>| -> Option<Option<Calendar>> {
            match cal {
                Some(c) => Some(c),
                None => Some(bare_calendar(n)),
            }
        };
        let Some(cal1) = resolve(first, cal) else {
            return fail(i);
        };
        if !plausible(first, cal1) {
            return fail(i);
        }
        let make = |n: u64, cal: Option<Calendar>| -> Option<Year> {
            let n = i32::try_from(n).ok()?;
            match cal {
                None => Some(Year {
                    gregorian: n,
                    original: None,
                }),
                Some(c) => Some(Year {
                    gregorian: to_gregorian(c, n)?,
                    original: Some(OriginalYear {
                        calendar: c,
                        year: n,
                    }),
                }),
            }
        };
        let Some(mut y) = make(first, cal1) else {
            return fail(i);
        };
        if let Some((_, _, _, (n2, cal2))) = second {
            // "1388/2009": a bare second year is Gregorian when the first is not.
            let cal2 = match cal2 {
                Some(c) => c,
                None => {
                    if cal1.is_some() {
                        None
                    } else {
                        // "2009/1388": the second is the original.
                        bare_calendar(n2).or(if n2 < 1500 && first >= 1500 {
                            Some(Calendar::SolarHijri)
                        } else {
                            None
                        })
                    }
                }
            };
            if plausible(n2, cal2)
                && let Some(y2) = make(n2, cal2)
            {
                match (y.original, y2.original) {
                    (Some(_), None) => y.gregorian = y2.gregorian,
                    (None, Some(o)) => y.original = Some(o),
                    _ => {}
                }
            }
        }
        Ok((rest, y))
    }
}

/// A number with an optional calendar marker before or after it.
fn marked_year<'a>(
    vocab: &'a Vocabulary,
) -> impl Parser<&'a str, Output = (u64, Option<Option<Calendar>>), Error = nom::error::Error<&'a str>>
+ 'a {
    move |i: &'a str| {
        let (rest, pre) = opt((marker(vocab), sp)).parse(i)?;
        let (rest, d) = digits(rest)?;
        let count = d.chars().count();
        if !(3..=4).contains(&count) {
            return fail(i);
        }
        let Some(n) = parse_number(d) else {
            return fail(i);
        };
        if rest.starts_with(|c: char| c.is_alphanumeric() && !is_marker_start(c)) {
            // "1920-ci" is handled by year_word; "1920a" is not a year.
            if !rest.starts_with(['-', '–']) {
                return fail(i);
            }
        }
        let (rest, post) = opt((sp, marker(vocab))).parse(rest)?;
        // A suffix marker must not be the start of a word ("1388 شمسی" is
        // matched whole; "1388 شهر" is not a marker).
        let cal = pre.map(|(c, _)| c).or(post.map(|(_, c)| c));
        Ok((rest, (n, cal)))
    }
}

fn is_marker_start(c: char) -> bool {
    matches!(c, 'ش' | 'ق' | 'م' | 'ه')
}

/// `г.`, `гг.`, `года`, `-ci il`, `-cü ildə`, `yılı`: words after a year.
fn year_word(i: &str) -> Res<'_, &str> {
    let t = i;
    for w in [
        "гг.", "г.", "года", "год", "yılı", "yil", "il", "ci il", "cü il", "cu il", "cı il",
    ] {
        if let Some(rest) = t.strip_prefix(w)
            && !rest.starts_with(char::is_alphabetic)
        {
            return Ok((rest, &t[..w.len()]));
        }
    }
    let (rest, _) = (ch('-'), take_while1(char::is_alphabetic)).parse(t)?;
    Ok((rest, &t[..t.len() - rest.len()]))
}

/// A date with a day, month and year as printed: `12.05.1920`, `12 may
/// 1920`, `12 мая 1920 г.`, `May 12, 1920`, `1920, 12 may`. Returns the
/// printed date and the year.
pub(crate) fn date(i: &str) -> Res<'_, (&str, i32)> {
    let start = i;
    // 12.05.1920 / 12/05/1920
    if let Ok((rest, (_, _, _, _, y))) = (
        day,
        one_char_of(&['.', '/']),
        day,
        one_char_of(&['.', '/']),
        digits,
    )
        .parse(i)
        && let Some(y) = parse_number(y).filter(|y| (1000..=2100).contains(y))
    {
        return Ok((rest, (&start[..start.len() - rest.len()], y as i32)));
    }
    // 12 may 1920 / 12 мая 1920
    if let Ok((rest, (_, _, _, _, y))) = (day, sp, month_word, sp, digits).parse(i)
        && let Some(y) = parse_number(y).filter(|y| (1000..=2100).contains(y))
    {
        let (rest, _) = opt((sp, year_word)).parse(rest)?;
        return Ok((rest, (&start[..start.len() - rest.len()], y as i32)));
    }
    // May 12, 1920
    if let Ok((rest, (_, _, _, _, _, y))) = (month_word, sp, day, opt(ch(',')), sp, digits).parse(i)
        && let Some(y) = parse_number(y).filter(|y| (1000..=2100).contains(y))
    {
        return Ok((rest, (&start[..start.len() - rest.len()], y as i32)));
    }
    fail(i)
}

fn one_char_of<'a>(
    set: &'static [char],
) -> impl Parser<&'a str, Output = char, Error = nom::error::Error<&'a str>> {
    move |i: &'a str| match i.chars().next() {
        Some(c) if set.contains(&c) => Ok((&i[c.len_utf8()..], c)),
        _ => fail(i),
    }
}

fn day(i: &str) -> Res<'_, u64> {
    let (rest, d) = digits(i)?;
    match parse_number(d) {
        Some(n) if (1..=31).contains(&n) && d.chars().count() <= 2 => Ok((rest, n)),
        _ => fail(i),
    }
}

/// A month name: a word of three or more letters (any language), optionally
/// abbreviated with a period. Only used between a day and a year.
fn month_word(i: &str) -> Res<'_, &str> {
    let (rest, w) = take_while1(|c: char| c.is_alphabetic()).parse(i)?;
    if w.chars().count() < 3 || w.chars().any(is_digit) {
        return fail(i);
    }
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    Ok((rest, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn y(text: &str, lang: Option<Language>) -> Option<Year> {
        let v = Vocabulary::builtin();
        year(&v, lang).parse(text).ok().map(|(_, y)| y)
    }

    #[test]
    fn solar_hijri_years_convert_and_keep_the_printed_year() {
        let fa = Some(Language::Fa);
        let got = y("1388", fa).expect("year");
        assert_eq!(got.gregorian, 2009);
        assert_eq!(
            got.original,
            Some(OriginalYear {
                calendar: Calendar::SolarHijri,
                year: 1388
            })
        );
        assert_eq!(y("۱۳۶۷", fa).map(|y| y.gregorian), Some(1988));
        assert_eq!(y("1390 ش", None).map(|y| y.gregorian), Some(2011));
        assert_eq!(y("1367 ه.ش", None).map(|y| y.gregorian), Some(1988));
        // Bare 13xx outside Persian entries is a Gregorian year.
        assert_eq!(
            y("1388", Some(Language::Az)),
            Some(Year {
                gregorian: 1388,
                original: None
            })
        );
        assert_eq!(y("2009", fa).map(|y| y.original), Some(None));
    }

    #[test]
    fn lunar_hijri_and_double_years() {
        let got = y("1330 ق", None).expect("year");
        assert_eq!(got.gregorian, 1911);
        assert_eq!(got.original.map(|o| o.calendar), Some(Calendar::LunarHijri));
        assert_eq!(
            y("h. 1262", Some(Language::Tr)).map(|y| y.gregorian),
            Some(1845)
        );
        let pair = y("1304ش/1925م", None).expect("pair");
        assert_eq!(pair.gregorian, 1925);
        assert_eq!(pair.original.map(|o| o.year), Some(1304));
        assert_eq!(
            y("1985 г.", Some(Language::Ru)).map(|y| y.gregorian),
            Some(1985)
        );
        assert_eq!(
            y("2012-ci il", Some(Language::Az)).map(|y| y.gregorian),
            Some(2012)
        );
    }

    #[test]
    fn dates() {
        assert_eq!(
            date("12.05.1920, x").map(|(_, d)| d),
            Ok(("12.05.1920", 1920))
        );
        assert_eq!(
            date("12 мая 1920 г.").map(|(_, d)| d),
            Ok(("12 мая 1920 г.", 1920))
        );
        assert_eq!(date("May 12, 1920").map(|(_, d)| d.1), Ok(1920));
        assert!(date("12 pages").is_err());
    }
}
