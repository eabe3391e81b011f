//! Parse: years and dates, with Solar and lunar Hijri years converted to Gregorian.
//!
//! Calendar markers (`ش`, `ه.ش`, `ق`, `h.`, `m.`) come from
//! `bib/calendars.toml`; a bare year in a Persian entry between 1200 and 1499
//! is Solar Hijri (conventions.md B.3). Conversion uses `icu_calendar`: the
//! Gregorian year is the one in which the printed year began (Solar Hijri
//! 1388 began on 21 March 2009).

use crate::script::Letter;
use icu_calendar::cal::Hijri;
use icu_calendar::cal::hijri::{TabularAlgorithmEpoch, TabularAlgorithmLeapYears};
use icu_calendar::{Date, Gregorian};
use nom::Parser;
use nom::bytes::complete::take_while1;
use nom::combinator::opt;

use super::lex::{Res, at_boundary, ch, digits, fail, parse_number, sp, word};
use crate::model::{Calendar, Language, OriginalYear, Ymd};
use crate::script::fold;
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
    gregorian_day(Some(calendar), year, 1, 1).map(|d| d.year)
}

/// The Gregorian day of a day of `calendar` (`None`: Gregorian already).
/// Lunar Hijri days use the tabular calendar, which may differ by a day
/// from the observed one.
fn gregorian_day(calendar: Option<Calendar>, year: i32, month: u8, day: u8) -> Option<Ymd> {
    let date = match calendar {
        None => Date::try_new_gregorian(year, month, day).ok()?,
        Some(Calendar::SolarHijri) => Date::try_new_persian(year, month, day)
            .ok()?
            .to_calendar(Gregorian),
        Some(Calendar::LunarHijri) => {
            let hijri = Hijri::new_tabular(
                TabularAlgorithmLeapYears::TypeII,
                TabularAlgorithmEpoch::Friday,
            );
            Date::try_new_hijri_with_calendar(year, month, day, hijri)
                .ok()?
                .to_calendar(Gregorian)
        }
    };
    Some(Ymd {
        year: date.year().extended_year(),
        month: Some(date.month().ordinal),
        day: Some(date.day_of_month().0),
    })
}

/// The day and month of a date as printed, in the calendar its month
/// names (`None`: Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct MonthDay {
    pub calendar: Option<Calendar>,
    pub month: u8,
    pub day: u8,
}

impl MonthDay {
    /// The Gregorian day in `year`, the date's own year or the entry's.
    pub(crate) fn in_year(self, year: Year) -> Option<Ymd> {
        let printed = match (self.calendar, year.original) {
            (None, None) => year.gregorian,
            (Some(c), Some(o)) if o.calendar == c => o.year,
            _ => return None,
        };
        gregorian_day(self.calendar, printed, self.month, self.day)
    }
}

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

/// A bare Gregorian-looking year read again after the place of publication
/// is known: `bib/calendars.toml` `bare` rules with `places` ("Tehran, …,
/// 1352" is Solar Hijri 1352). Years with a marker or a calendar already
/// are left alone.
pub(crate) fn by_place(y: Year, place: &str, vocab: &Vocabulary) -> Year {
    if y.original.is_some() {
        return y;
    }
    let place = fold(place.trim().trim_end_matches('.'));
    let calendar = vocab.calendars.iter().find_map(|c| {
        c.bare
            .iter()
            .any(|b| {
                (b.from..=b.to).contains(&y.gregorian) && b.places.iter().any(|p| fold(p) == place)
            })
            .then(|| calendar_by_name(&c.name).flatten())
            .flatten()
    });
    match calendar.and_then(|c| Some((c, to_gregorian(c, y.gregorian)?))) {
        Some((calendar, gregorian)) => Year {
            gregorian,
            original: Some(OriginalYear {
                calendar,
                year: y.gregorian,
            }),
        },
        None => y,
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
        // A second year after a slash, or in square brackets: "1388/2009",
        // "1368 [1989]", "1426 AH [2005]".
        let (rest, second) = opt(nom::branch::alt((
            (sp, ch('/'), sp, marked_year(vocab)),
            (sp, ch('['), sp, marked_year(vocab), sp, ch(']'))
                .map(|(a, b, c, d, _, _)| (a, b, c, d)),
        )))
        .parse(rest)?;
        let (rest, _) = opt((sp, year_word(vocab))).parse(rest)?;
        let cal1 = cal.unwrap_or_else(|| bare_calendar(vocab, language, first));
        if !plausible(first, cal1) {
            return fail(i);
        }
        let Some(mut y) = make_year(first, cal1) else {
            return fail(i);
        };
        if let Some((_, _, _, (n2, cal2))) = second {
            if cal.is_none()
                && cal2.is_none()
                && let Some(paired) = pair_by_distance(first, n2)
            {
                return Ok((rest, paired));
            }
            y = with_second_year(y, first, n2, cal1, cal2, vocab, language);
        }
        Ok((rest, y))
    }
}

/// The calendar of a year printed without a marker in `language`
/// (`bib/calendars.toml` `bare`): a bare 13xx in a Persian entry is Solar.
fn bare_calendar(vocab: &Vocabulary, language: Option<Language>, n: u64) -> Option<Calendar> {
    let lang = language.map(Language::code);
    vocab.calendars.iter().find_map(|c| {
        c.bare
            .iter()
            .any(|b| {
                Some(b.language.as_str()) == lang && (b.from as u64..=b.to as u64).contains(&n)
            })
            .then(|| calendar_by_name(&c.name).flatten())
            .flatten()
    })
}

/// A printed year `n` of `calendar` (`None`: Gregorian), converted.
fn make_year(n: u64, calendar: Option<Calendar>) -> Option<Year> {
    let n = i32::try_from(n).ok()?;
    match calendar {
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
}

/// "1388/2009", "1330/1912": a year below 1500 printed with the Gregorian
/// year it corresponds to is Solar (621 or 622 years apart) or lunar Hijri
/// (578–584 years apart, the lunar year being shorter), whatever the
/// entry's language.
fn pair_by_distance(first: u64, second: u64) -> Option<Year> {
    if first >= 1500 || second < 1500 {
        return None;
    }
    let (a, b) = (i32::try_from(first).ok()?, i32::try_from(second).ok()?);
    let calendar = match b - a {
        621 | 622 => Calendar::SolarHijri,
        578..=584 => Calendar::LunarHijri,
        _ => return None,
    };
    Some(Year {
        gregorian: b,
        original: Some(OriginalYear { calendar, year: a }),
    })
}

/// The year `y` (printed `first`, of `cal1`) with the second year printed
/// after it: a bare second year is Gregorian when the first is not;
/// "2009/1388": the second is the original.
fn with_second_year(
    mut y: Year,
    first: u64,
    n2: u64,
    cal1: Option<Calendar>,
    cal2: Option<Option<Calendar>>,
    vocab: &Vocabulary,
    language: Option<Language>,
) -> Year {
    let cal2 = match cal2 {
        Some(c) => c,
        None if cal1.is_some() => None,
        None => bare_calendar(vocab, language, n2)
            .or((n2 < 1500 && first >= 1500).then_some(Calendar::SolarHijri)),
    };
    if plausible(n2, cal2)
        && let Some(y2) = make_year(n2, cal2)
    {
        match (y.original, y2.original) {
            (Some(_), None) => y.gregorian = y2.gregorian,
            (None, Some(o)) => y.original = Some(o),
            _ => {}
        }
    }
    y
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
        // "2012a": an author–date list's suffix telling two works of one
        // author and year apart (APA 8.19, Chicago 15.19) stays with the
        // year; any other letter after the digits ("1920a") makes no year.
        let rest = super::lex::year_suffix(rest, vocab).map_or(rest, |(after, _)| after);
        if rest.starts_with(|c: char| c.is_letter_or_digit() && !is_marker_start(c, vocab)) {
            // "1920-ci" is handled by year_word.
            // "۱۳۴۰ـ۱۳۴۲ش": a tatweel joins two years as a dash does.
            if !rest.starts_with(crate::script::is_dash) {
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

/// Whether `c` begins a calendar marker of a script without case (Arabic
/// `ش`, `ق`, `م`, `ه`): such a marker may be typed glued to its year
/// ("۱۳۸۸ش", "1408هـ"); a Latin letter glued to a year is no marker
/// ("1920a" is no year).
fn is_marker_start(c: char, vocab: &Vocabulary) -> bool {
    !c.is_lowercase()
        && !c.is_uppercase()
        && vocab
            .calendars
            .iter()
            .flat_map(|cal| &cal.markers)
            .any(|m| m.starts_with(c))
}

/// `г.`, `гг.`, `года`, `yılı` (`bib/calendars.toml` `year_words`), or a
/// suffix after a hyphen (`-ci`, `-cü ildə`): words after a year.
fn year_word<'a>(
    vocab: &'a Vocabulary,
) -> impl Parser<&'a str, Output = &'a str, Error = nom::error::Error<&'a str>> + 'a {
    move |t: &'a str| {
        if let Ok((rest, (w, _))) = word(&vocab.index.year_words).parse(t) {
            return Ok((rest, w));
        }
        let (rest, _) = (ch('-'), take_while1(crate::script::is_letter)).parse(t)?;
        Ok((rest, &t[..t.len() - rest.len()]))
    }
}

/// A date as printed in a newspaper or document reference, with the year
/// it gives (if it gives one) and its day and month (if it names a day):
/// `12.05.1920`, `1920-05-12`, `۱۴۰۰/۰۲/۱۲`, `12 may 1920`, `12 мая 1920
/// г.`, `14 окт.`, `May 12, 1920`, `3 June 1920`, `۱۵ مهر ۱۳۵۷` (a Solar
/// month: the year is Solar Hijri), `۱۲ ربیع‌الاول ۱۳۳۸ ق`, `زمستان ۱۳۹۴`.
/// Month and season names come from `bib/calendars.toml`; a numeric date's
/// year is read like any year (a bare 13xx in a Persian entry is Solar).
///
/// A date printed before its equivalents in other calendars, each after a
/// `/` or in brackets after it, gives the Gregorian year of the last
/// (`later_dates`): "27 S 1238 / 13 Kasım 1822", "11 Ağustos 1307/23
/// Ağustos 1891" (a Rumi date, then the Gregorian one).
pub(crate) fn date<'a>(
    vocab: &'a Vocabulary,
    language: Option<Language>,
) -> impl Parser<&'a str, Output = Dated<'a>, Error = nom::error::Error<&'a str>> + 'a {
    move |i: &'a str| {
        let (rest, (y, md), day_named) = match single_date(vocab, language).parse(i) {
            Ok((rest, (_, y, md))) => (rest, (y, md), true),
            Err(_) => {
                let (rest, (y, md)) = lettered_date(vocab).parse(i)?;
                (rest, (Some(y), md), md.is_some())
            }
        };
        let Some(y) = y else {
            return Ok((rest, (&i[..i.len() - rest.len()], None, md)));
        };
        match later_dates(rest, y, vocab, language) {
            Some((after, later)) => {
                // A Rumi date's day is not a Gregorian one: the later date's is.
                let md = match (md, later.1) {
                    (Some(m), _) if m.calendar.is_some() => Some(m),
                    (_, later_md) => later_md,
                };
                Ok((after, (&i[..i.len() - after.len()], Some(later.0), md)))
            }
            // Without its day a lettered month is a date only before the
            // same date in another calendar ("B.1308/30 Kânûn-i Sânî …").
            None if !day_named => fail(i),
            None => Ok((rest, (&i[..i.len() - rest.len()], Some(y), md))),
        }
    }
}

/// The Gregorian date printed after `first`, a date of a year below 1500
/// (lunar Hijri, or a Rumi year read as a bare one), each date after a
/// `/` ("1238 / 13 Kasım 1822") or in brackets, joined there by a dash
/// ("1317 (14 Şubat 1315-26 Şubat 1900)"): the year is the last date's,
/// the lunar year the original.
fn later_dates<'a>(
    rest: &'a str,
    first: Year,
    vocab: &'a Vocabulary,
    language: Option<Language>,
) -> Option<(&'a str, (Year, Option<MonthDay>))> {
    let printed = first.original.map_or(first.gregorian, |o| o.year);
    if printed >= 1500 {
        return None;
    }
    let next = |t: &'a str| single_date(vocab, language).parse(t).ok();
    let mut found = None;
    let mut t = rest;
    while let Ok((after, _)) = (sp, ch('/'), sp).parse(t) {
        let Some((after, (_, Some(y), md))) = next(after) else {
            break;
        };
        t = after;
        if y.original.is_none() && y.gregorian >= 1500 {
            found = Some((t, (y, md)));
        }
    }
    if found.is_none()
        && let Ok((inner, _)) = (sp, ch('(')).parse(t)
        && let Some((inner, (_, Some(_), _))) = next(inner)
        && let Ok((inner, _)) = super::lex::dash(inner)
        && let Some((inner, (_, Some(y), md))) = next(inner)
        && let Ok((after, _)) = ch(')').parse(inner)
        && y.original.is_none()
        && y.gregorian >= 1500
    {
        found = Some((after, (y, md)));
    }
    found.map(|(after, (y, md))| {
        let year = Year {
            gregorian: y.gregorian,
            original: first.original,
        };
        (after, (year, md))
    })
}

/// A date of an Ottoman archive's catalogue: a day, the lunar month's
/// letter (`bib/calendars.toml` `letters`) and the year, spaced or joined
/// by `/` or a period ("27 S 1238", "15 C.1308", "02/R /1290"), the
/// month's name in brackets after its letter ("25 L (Şevval) 1317"). The
/// day may be missing ("B.1308"): `date` then takes it only before a
/// date in another calendar.
fn lettered_date<'a>(
    vocab: &'a Vocabulary,
) -> impl Parser<&'a str, Output = (Year, Option<MonthDay>), Error = nom::error::Error<&'a str>> + 'a
{
    move |i: &'a str| {
        let joint = || (sp, opt(one_char_of(&['/', '.'])), sp);
        let (rest, d) = opt((day, joint())).parse(i)?;
        let (rest, (cal, m)) = letter_month(vocab).parse(rest)?;
        let (rest, _) = (joint(), opt((ch('('), month(vocab), ch(')'), sp))).parse(rest)?;
        let (rest, (n, marked)) = marked_year(vocab).parse(rest)?;
        let Some(cal) = cal.filter(|_| marked.is_none()) else {
            return fail(i);
        };
        // "S. 1238-1240": pages, not a date.
        if !plausible(n, Some(cal)) || rest.starts_with(crate::script::is_dash) {
            return fail(i);
        }
        let Some(y) = make_year(n, Some(cal)) else {
            return fail(i);
        };
        let md = d.map(|(d, _)| MonthDay {
            calendar: Some(cal),
            month: m,
            day: d as u8,
        });
        let y = md.map_or(y, |md| month_year(md.calendar, md.month, md.day, y));
        Ok((rest, (y, md)))
    }
}

/// A month by its letter in an archive's catalogue (`bib/calendars.toml`
/// `letters`), with its case, the longest first, not followed by a letter.
fn letter_month<'a>(
    vocab: &'a Vocabulary,
) -> impl Parser<&'a str, Output = (Option<Calendar>, u8), Error = nom::error::Error<&'a str>> + 'a
{
    move |i: &'a str| {
        let found = vocab
            .months
            .iter()
            .flat_map(|m| m.letters.iter().map(move |l| (l.as_str(), m)))
            .filter(|(l, _)| {
                i.strip_prefix(l)
                    .is_some_and(|r| !r.starts_with(crate::script::is_letter_or_digit))
            })
            .max_by_key(|(l, _)| l.len());
        match found.and_then(|(l, m)| Some((l.len(), calendar_by_name(&m.calendar)?, m.number))) {
            Some((len, cal, n)) => Ok((&i[len..], (cal, n))),
            None => fail(i),
        }
    }
}

/// A date as printed, the year it gives (if it gives one), its day and
/// month (if it names a day).
type Dated<'a> = (&'a str, Option<Year>, Option<MonthDay>);

/// One date as `date` reads it, without the dates in other calendars after it.
fn single_date<'a>(
    vocab: &'a Vocabulary,
    language: Option<Language>,
) -> impl Parser<&'a str, Output = Dated<'a>, Error = nom::error::Error<&'a str>> + 'a {
    move |i: &'a str| {
        let printed = |rest: &'a str| &i[..i.len() - rest.len()];
        let dated = |rest: &'a str, calendar, month: u64, day: u64, y: Option<Year>| {
            let md = MonthDay {
                calendar,
                month: month as u8,
                day: day as u8,
            };
            let y = y.map(|y| month_year(calendar, md.month, md.day, y));
            Ok((rest, (printed(rest), y, Some(md))))
        };
        let sep = || one_char_of(&['.', '/', '-']);
        // 12.05.1920, 12/05/1920, 12-05-1920
        if let Ok((rest, (d, s1, m, s2, y))) =
            (day, sep(), day, sep(), year(vocab, language)).parse(i)
            && s1 == s2
            && m <= 12
        {
            return dated(rest, y.original.map(|o| o.calendar), m, d, Some(y));
        }
        // 1920-05-12, ۱۴۰۰/۰۲/۱۲
        if let Ok((rest, (y, s1, m, s2, d))) =
            (year(vocab, language), sep(), day, sep(), day).parse(i)
            && s1 == s2
            && m <= 12
            && at_boundary(rest)
        {
            return dated(rest, y.original.map(|o| o.calendar), m, d, Some(y));
        }
        // 12 may 1920, 12 мая 1920 г., ۱۵ مهر ۱۳۵۷, 14 окт.
        if let Ok((rest, (d, _, (cal, m)))) = (day, sp, month(vocab)).parse(i) {
            // "(2 دی، 1398)": a comma may stand before the year.
            if let Ok((r2, (_, _, y))) =
                (opt(one_char_of(&[',', '،'])), sp, year(vocab, language)).parse(rest)
            {
                return dated(r2, cal, u64::from(m), d, Some(y));
            }
            return dated(rest, cal, u64::from(m), d, None);
        }
        // May 12, 1920
        if let Ok((rest, ((cal, m), _, d, _, _, y))) = (
            month(vocab),
            sp,
            day,
            opt(ch(',')),
            sp,
            year(vocab, language),
        )
            .parse(i)
        {
            return dated(rest, cal, u64::from(m), d, Some(y));
        }
        // "(2019, March 4)": a month and day after a year already read.
        if let Ok((rest, ((cal, m), _, d))) = (month(vocab), sp, day).parse(i)
            && rest.trim().is_empty()
        {
            return dated(rest, cal, u64::from(m), d, None);
        }
        // March 1920, зима 1394
        if let Ok((rest, (_, _, y))) = (
            nom::branch::alt((month(vocab).map(|_| ()), season(vocab))),
            sp,
            year(vocab, language),
        )
            .parse(i)
        {
            return Ok((rest, (printed(rest), Some(y), None)));
        }
        fail(i)
    }
}

/// The first date in `text` that names a day, as a Gregorian day: an
/// access date such as "on 3 May 2023" or "03.02.2022 г.".
pub(crate) fn find_day(text: &str, vocab: &Vocabulary, language: Option<Language>) -> Option<Ymd> {
    text.char_indices()
        .filter(|&(at, _)| !text[..at].ends_with(crate::script::is_letter_or_digit))
        .find_map(|(at, _)| match date(vocab, language).parse(&text[at..]) {
            Ok((_, (_, Some(y), Some(md)))) => md.in_year(y),
            _ => None,
        })
}

/// The year of a date whose month names its calendar: a Solar or lunar
/// month makes a bare printed year a year of that calendar, converted with
/// the day and month.
fn month_year(calendar: Option<Calendar>, month: u8, day: u8, parsed: Year) -> Year {
    let Some(cal) = calendar else { return parsed };
    let printed = parsed.original.map_or(parsed.gregorian, |o| o.year);
    let gregorian = to_gregorian_date(cal, printed, month, day).unwrap_or(parsed.gregorian);
    Year {
        gregorian,
        original: Some(OriginalYear {
            calendar: cal,
            year: printed,
        }),
    }
}

/// The Gregorian year of a day of `calendar`.
fn to_gregorian_date(calendar: Calendar, year: i32, month: u8, day: u8) -> Option<i32> {
    gregorian_day(Some(calendar), year, month, day).map(|d| d.year)
}

/// A month name from the vocabulary: (its calendar, unless Gregorian; its number).
fn month<'a>(
    vocab: &'a Vocabulary,
) -> impl Parser<&'a str, Output = (Option<Calendar>, u8), Error = nom::error::Error<&'a str>> + 'a
{
    move |i: &'a str| {
        let (rest, (_, (cal, n))) = word(&vocab.index.months).parse(i)?;
        match calendar_by_name(&cal) {
            Some(c) => Ok((rest, (c, n))),
            None => fail(i),
        }
    }
}

fn season<'a>(
    vocab: &'a Vocabulary,
) -> impl Parser<&'a str, Output = (), Error = nom::error::Error<&'a str>> + 'a {
    move |i: &'a str| word(&vocab.index.seasons).parse(i).map(|(r, _)| (r, ()))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn iso_day(text: &str, language: Option<Language>) -> Option<String> {
        find_day(text, &Vocabulary::builtin(), language).map(|d| d.iso())
    }

    #[test]
    fn printed_dates_in_five_languages() {
        assert_eq!(iso_day("12.05.1920", None).as_deref(), Some("1920-05-12"));
        assert_eq!(iso_day("5.11.2019", None).as_deref(), Some("2019-11-05"));
        assert_eq!(
            iso_day("22 oktyabr 1920", None).as_deref(),
            Some("1920-10-22")
        );
        assert_eq!(
            iso_day("7 ноября 1920 г.", None).as_deref(),
            Some("1920-11-07")
        );
        assert_eq!(iso_day("3 Kasım 1920", None).as_deref(), Some("1920-11-03"));
        assert_eq!(
            iso_day("5 Ağustos 1918", None).as_deref(),
            Some("1918-08-05")
        );
        assert_eq!(
            iso_day("March 3, 2020.", None).as_deref(),
            Some("2020-03-03")
        );
        assert_eq!(iso_day("14 May 1920", None).as_deref(), Some("1920-05-14"));
        assert_eq!(iso_day("18 may", None), None);
        assert_eq!(iso_day("1920", None), None);
        assert_eq!(iso_day("31.02.1920", None), None);
    }

    #[test]
    fn a_bare_persian_year_past_the_solar_years_printed_so_far_is_lunar() {
        let vocab = Vocabulary::builtin();
        let read = |t| {
            year(&vocab, Some(Language::Fa))
                .parse(t)
                .map(|(_, y)| y)
                .ok()
        };
        let y = read("۱۴۰۹").expect("year");
        assert_eq!(y.gregorian, 1988);
        assert_eq!(y.original.map(|o| o.calendar), Some(Calendar::LunarHijri));
        let y = read("1385").expect("year");
        assert_eq!(y.original.map(|o| o.calendar), Some(Calendar::SolarHijri));
    }

    #[test]
    fn hijri_dates_become_gregorian() {
        let fa = Some(Language::Fa);
        // 15 Mehr 1357 SH = 7 October 1978.
        assert_eq!(iso_day("۱۵ مهر ۱۳۵۷", fa).as_deref(), Some("1978-10-07"));
        // 12 Ordibehesht 1400 SH = 2 May 2021.
        assert_eq!(iso_day("۱۴۰۰/۰۲/۱۲", fa).as_deref(), Some("2021-05-02"));
        // 12 Rabi I 1338 AH = 5 December 1919 (tabular; observed: 4 December).
        assert_eq!(
            iso_day("۱۲ ربیع‌الاول ۱۳۳۸", fa).as_deref(),
            Some("1919-12-05")
        );
    }

    #[test]
    fn abbreviated_months_with_or_without_their_period() {
        assert_eq!(iso_day("5 нояб. 1920", None).as_deref(), Some("1920-11-05"));
        assert_eq!(iso_day("Jan 5, 1920", None).as_deref(), Some("1920-01-05"));
    }

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
    fn a_bare_year_after_a_place_of_the_region_is_hijri() {
        let v = Vocabulary::builtin();
        let bare = |n| Year {
            gregorian: n,
            original: None,
        };
        let solar = by_place(bare(1352), "Tehran", &v);
        assert_eq!(solar.gregorian, 1973);
        assert_eq!(
            solar.original.map(|o| o.calendar),
            Some(Calendar::SolarHijri)
        );
        let lunar = by_place(bare(1403), "Beirut", &v);
        assert_eq!(lunar.gregorian, 1982);
        assert_eq!(
            lunar.original.map(|o| o.calendar),
            Some(Calendar::LunarHijri)
        );
        // A Gregorian year, or a place elsewhere, stays.
        assert_eq!(by_place(bare(1987), "Tehran", &v), bare(1987));
        assert_eq!(by_place(bare(1352), "London", &v), bare(1352));
    }

    #[test]
    fn a_gregorian_year_in_square_brackets_after_a_hijri_one() {
        let solar = y("1368 [1989]", None).expect("year");
        assert_eq!(solar.gregorian, 1989);
        assert_eq!(
            solar.original.map(|o| (o.calendar, o.year)),
            Some((Calendar::SolarHijri, 1368))
        );
        let lunar = y("1426 AH [2005]", None).expect("year");
        assert_eq!(lunar.gregorian, 2005);
        assert_eq!(
            lunar.original.map(|o| (o.calendar, o.year)),
            Some((Calendar::LunarHijri, 1426))
        );
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
    fn words_after_a_year() {
        let v = Vocabulary::builtin();
        let w = |t| year_word(&v).parse(t).ok().map(|(_, w)| w);
        assert_eq!(w("гг. – М."), Some("гг."));
        assert_eq!(w("года"), Some("года"));
        assert_eq!(w("yılı"), Some("yılı"));
        assert_eq!(w("-ci il"), Some("-ci"));
        assert_eq!(w("ilk"), None);
    }

    #[test]
    fn eras_spelled_out_or_abbreviated() {
        let got = |t| y(t, Some(Language::Fa)).map(|y| (y.gregorian, y.original.map(|o| o.year)));
        assert_eq!(got("1400 هجرى قمرى"), Some((1979, Some(1400))));
        assert_eq!(got("1367 هجرى شمسى"), Some((1988, Some(1367))));
        assert_eq!(got("1408هـ،"), Some((1987, Some(1408))));
        let en = |t| y(t, Some(Language::En)).map(|y| (y.gregorian, y.original.map(|o| o.year)));
        assert_eq!(en("1998 C.E."), Some((1998, None)));
        assert_eq!(en("1366 S.H."), Some((1987, Some(1366))));
        assert_eq!(en("1403 of the Hejira"), Some((1982, Some(1403))));
        // A tatweel joining two years ends the first.
        assert_eq!(got("۱۳۴۰ـ۱۳۴۲ش"), Some((1961, Some(1340))));
    }

    #[test]
    fn dates() {
        let v = Vocabulary::builtin();
        let d = |t: &'static str, l: Option<Language>| {
            date(&v, l).parse(t).ok().map(|(_, (p, y, _))| {
                (
                    p.to_string(),
                    y.map(|y| (y.gregorian, y.original.map(|o| o.year))),
                )
            })
        };
        assert_eq!(
            d("12.05.1920, x", None),
            Some(("12.05.1920".into(), Some((1920, None))))
        );
        assert_eq!(
            d("12 мая 1920 г.", None),
            Some(("12 мая 1920 г.".into(), Some((1920, None))))
        );
        assert_eq!(
            d("May 12, 1920", None),
            Some(("May 12, 1920".into(), Some((1920, None))))
        );
        assert_eq!(d("14 окт.", None), Some(("14 окт.".into(), None)));
        assert_eq!(
            d("۱۵ مهر ۱۳۵۷", Some(Language::Fa)),
            Some(("۱۵ مهر ۱۳۵۷".into(), Some((1978, Some(1357)))))
        );
        assert_eq!(
            d("۱۲ ربیع‌الاول ۱۳۳۸ ق", Some(Language::Fa)),
            Some(("۱۲ ربیع‌الاول ۱۳۳۸ ق".into(), Some((1919, Some(1338)))))
        );
        assert_eq!(
            d("زمستان ۱۳۹۴", Some(Language::Fa)).map(|x| x.1),
            Some(Some((2015, Some(1394))))
        );
        assert_eq!(d("12 pages", None), None);
        assert_eq!(d("5 nəfər", None), None);
    }
}
