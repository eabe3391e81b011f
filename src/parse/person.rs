//! Parse: the author block at the start of an entry — family-first, initials-first, inverted, pen names, honorifics.
//!
//! Forms (conventions.md B.1–B.5):
//! - inverted with a comma: `Smith, John.`, `Smith, J.`, `بیات، کاوه`;
//! - family name and initials: `Иванов И.И.`, `Bəndəliyev N.S.`;
//! - initials first: `М.И. Володарский.`, `J. Smith`;
//! - a pen name in brackets: `İbrahimov (Şahin) Tağı.`;
//! - two bare words: `Həsənli Cəmil.`, `کاوه بیات (1388)`, decided by
//!   surname endings and given names from `bib/names.toml`.
//!
//! A block is only taken when a title follows it, so a title that happens to
//! begin with capitalised words is not read as a name.

use crate::script::Letter;
use std::sync::LazyLock;

use nom::Parser;

use super::imprint::{Ctx, Seg, Sep};
use super::lex::{Res, ch, fail, sp, word};
use crate::model::Person;
use crate::script::{Script, fold, is_digit, script_of};
use crate::vocab::{Vocabulary, contains_word, has_ending};

/// The people at the start of an entry and where the block ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AuthorBlock {
    /// The people, in order.
    pub people: Vec<Person>,
    /// Byte length of the block, including its closing period or comma.
    pub len: usize,
    /// `(ed.)`, `(red.)`, `(сост.)` after the names: they are editors.
    pub editors: bool,
}

impl AuthorBlock {
    /// One author, family and given names trimmed, the block `len` bytes long.
    fn one(family: &str, given: &str, len: usize) -> Self {
        AuthorBlock {
            people: vec![Person {
                family: family.trim().to_string(),
                given: Some(given.trim().to_string()),
                alias: None,
            }],
            len,
            editors: false,
        }
    }
}

/// Digraph initials of transliterated names (`bib/names.toml`
/// `digraph_initials`): `Sh.`, `Dzh.`, `Iu.`. Read once from the built-in
/// table, since an initial is recognised below the level of an entry's
/// vocabulary.
static DIGRAPHS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut d = crate::vocab::Names::builtin().digraph_initials;
    // Longest first, so that `Dzh` wins over `Dz`.
    d.sort_by_key(|s| std::cmp::Reverse(s.len()));
    d
});

/// One initial: a capital letter (or a digraph) and a period, with an
/// optional hyphenated second initial (`Ж.-Ж.`).
fn initial(i: &str) -> Res<'_, &str> {
    // An ʿayn before the letter in romanised Arabic names: "ʻA.M.M.".
    let ayn = i
        .chars()
        .next()
        .filter(|&c| opening_ayn(c))
        .map_or(0, char::len_utf8);
    let mut chars = i[ayn..].char_indices();
    let Some((_, c)) = chars.next() else {
        return fail(i);
    };
    if !c.is_uppercase() {
        return fail(i);
    }
    let mut end = ayn + c.len_utf8();
    for d in DIGRAPHS.iter() {
        if i[ayn..].starts_with(d) && i[ayn + d.len()..].starts_with('.') {
            end = ayn + d.len();
            break;
        }
    }
    // "Арсалиев Ш.М-Х.": the initials of a compound given name
    // (Магомед-Хаджи) joined by a hyphen with no period before it, as
    // North Caucasian names are printed ("Ш.М-Х.", "M-S.").
    if let Some(rest) = i[end..].strip_prefix('-')
        && let Ok((r, _)) = initial(rest)
    {
        return Ok((r, &i[..i.len() - r.len()]));
    }
    if !i[end..].starts_with('.') {
        return fail(i);
    }
    end += 1;
    if let Some(rest) = i[end..].strip_prefix('-')
        && let Ok((r, _)) = initial(rest)
    {
        end = i.len() - r.len();
    }
    Ok((&i[end..], &i[..end]))
}

/// One or more initials, spaced or not: `И.И.`, `И. И.`, `N.S.`.
fn initials(i: &str) -> Res<'_, &str> {
    let (mut rest, _) = initial(i)?;
    loop {
        let (r, space) = sp(rest)?;
        match initial(r) {
            // Glued to the family name: "S.A.Pletneva", "Q.M.Aslanov" (but
            // "Bağırov Ə.A. L.Tolstoy…": a spaced initial starts the title).
            Ok((r2, _))
                if !r2.starts_with(|c: char| c.is_letter())
                    || (space.is_empty() && (glued_name(r2) || initial(r2).is_ok())) =>
            {
                rest = r2
            }
            _ => break,
        }
    }
    Ok((rest, &i[..i.len() - rest.len()]))
}

/// Whether `rest` starts with a family name glued to the initials before
/// it: a capital and then a small letter.
fn glued_name(rest: &str) -> bool {
    let mut chars = rest.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_some_and(char::is_lowercase)
}

/// A capitalised name word (Latin or Cyrillic), possibly hyphenated or with
/// an apostrophe: `Rüstəmov-Tohidi`, `O'Brien`, `YILMAZ`; or an Arabic-script
/// word (with ZWNJ).
fn name_word(i: &str) -> Res<'_, &str> {
    let mut chars = i.char_indices().peekable();
    let Some(&(_, first)) = chars.peek() else {
        return fail(i);
    };
    let arabic = script_of(first) == Some(Script::Arabic);
    // A transliterated name may open with the letter ʿayn: `ʻAmīd`, `‘Amili`.
    // A straight apostrophe stands for it too: `'Abbas Zaryab Khuyi`.
    let ayn = (opening_ayn(first) || first == '\'')
        && i[first.len_utf8()..].starts_with(|c: char| c.is_uppercase());
    if !arabic && !ayn && !is_capital(first) {
        return fail(i);
    }
    let mut end = 0;
    let mut prev = ' ';
    for (j, c) in i.char_indices() {
        // An ʿayn or hamza inside a romanised name: `Ja‘fariyan`, `Kird-‘Ali`.
        let ok = c.is_letter()
            || c == '\u{200C}'
            || (j == 0 && ayn)
            || (is_hyphen(c) || matches!(c, '\'' | '’')) && prev.is_letter()
            || is_ayn(c) && (prev.is_letter() || is_hyphen(prev));
        if !ok {
            break;
        }
        end = j + c.len_utf8();
        prev = c;
    }
    // A trailing hyphen or apostrophe belongs to what follows.
    while let Some(c) = i[..end]
        .chars()
        .next_back()
        .filter(|&c| is_hyphen(c) || matches!(c, '\'' | '’'))
    {
        end -= c.len_utf8();
    }
    let w = &i[..end];
    if w.chars().count() < 2 || w.chars().any(is_digit) {
        return fail(i);
    }
    // A word followed by a period that is a single capital is an initial,
    // handled elsewhere.
    Ok((&i[end..], w))
}

/// A capital letter, or a letter that has no capital of its own (`ǰ` of
/// romanised Persian, printed as a name's first letter: `ǰūzǰānī`).
fn is_capital(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase() && c.to_uppercase().count() > 1
}

/// A hyphen, the non-breaking one included (`al‑Ansari`).
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2011}')
}

/// The letter ʿayn (or hamza) as romanisations print it: `ʿ`, `ʻ`, `‘`, `ʾ`,
/// or a backtick where the font lacks them (`Abu-\`Ubayd`, `Ma\`rifat`).
fn is_ayn(c: char) -> bool {
    matches!(c, 'ʻ' | 'ʿ' | '‘' | 'ʾ' | '`')
}

/// The letter ʿayn as it may open a romanised name: `ʿAlī`, `‘Amili`,
/// `` `Abd al-Karim `` (a backtick is never an opening quote of a name).
fn opening_ayn(c: char) -> bool {
    matches!(c, 'ʻ' | 'ʿ' | '‘' | '`')
}

/// Honorifics before a name, dropped (`دکتر`, `prof.`, `Prof. Dr.`).
fn honorifics<'a>(
    vocab: &'a Vocabulary,
) -> impl Parser<&'a str, Output = bool, Error = nom::error::Error<&'a str>> + 'a {
    move |mut i: &'a str| {
        let mut any = false;
        while let Ok((rest, _)) = word(&vocab.index.honorifics).parse(i) {
            if !rest.starts_with(char::is_whitespace) {
                break;
            }
            any = true;
            i = rest.trim_start();
        }
        Ok((i, any))
    }
}

/// How strongly a parsed name is known to be a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Evidence {
    /// Two bare words after "and": a name only by its position.
    Listed,
    /// Two bare words with a known given name or surname ending.
    Named,
    /// Initials, a comma inversion, a pen name or an honorific.
    Strong,
}

/// A person parsed at the start of the input: the rest, the person and how
/// sure the reading is.
type Found<'a> = (&'a str, (Person, Evidence));

/// A person with given names (or initials) known for sure.
fn strong<'a>(rest: &'a str, family: &str, given: &str, alias: Option<&str>) -> Found<'a> {
    (
        rest,
        (
            Person {
                family: family.to_string(),
                given: Some(given.to_string()),
                alias: alias.map(str::to_string),
            },
            Evidence::Strong,
        ),
    )
}

fn person<'a>(
    vocab: &'a Vocabulary,
    in_list: bool,
) -> impl Parser<&'a str, Output = (Person, Evidence), Error = nom::error::Error<&'a str>> + 'a {
    move |i: &'a str| {
        let (i, honored) = honorifics(vocab).parse(i)?;
        if let Some((rest, found)) = initials_first(i, vocab) {
            return Ok((rest, found));
        }
        let (after_family, family) = family_words(i)?;
        let found = pen_name(after_family, family)
            .or_else(|| inverted(after_family, family, honored, vocab))
            .or_else(|| capitals_first(after_family, family))
            .or_else(|| family_initials(after_family, family))
            .or_else(|| bare(after_family, family, honored, in_list, vocab));
        match found {
            Some((rest, found)) => Ok((rest, found)),
            None => fail(i),
        }
    }
}

/// Initials first: `М.И. Володарский`, `J. Smith`; with a middle name
/// between the initial and the family name: `M. Sadık Bilge, …`.
fn initials_first<'a>(i: &'a str, vocab: &Vocabulary) -> Option<Found<'a>> {
    let (rest, (ini, _, family)) = (initials, sp, name_word).parse(i).ok()?;
    // Given names may follow the initials, the family name last where the
    // person ends: "M. Fuad Köprülü,", "A. Zeki Velidî Togan," (Turkish
    // footnotes), "А. Н. Лев Гумилёв.".
    let mut words = vec![family];
    let mut r = rest;
    while words.len() < 3 {
        let Ok((r2, (_, w))) = (ch(' '), name_word).parse(r) else {
            break;
        };
        if is_initial_like(w, r2) {
            break;
        }
        words.push(w);
        r = r2;
        if ends_person(r2, vocab) {
            let given = words[..words.len() - 1].join(" ");
            return Some(strong(r2, w, &format!("{ini} {given}"), None));
        }
    }
    Some(strong(rest, family, ini, None))
}

/// A pen name in brackets between family and given name: `İbrahimov
/// (Şahin) Tağı`, `Bəydilli (Məmmədov) C.`.
fn pen_name<'a>(after_family: &'a str, family: &str) -> Option<Found<'a>> {
    let (rest, (_, _, alias, _, _, given)) = (
        sp,
        ch('('),
        name_word,
        ch(')'),
        sp,
        nom::branch::alt((initials, name_word)),
    )
        .parse(after_family)
        .ok()?;
    Some(strong(rest, family, given, Some(alias)))
}

/// Inverted: `Smith, John`, `Smith, J.`, `بیات، کاوه`. Not after an
/// honorific, which stands before a name in its natural order.
fn inverted<'a>(
    after_family: &'a str,
    family: &str,
    honored: bool,
    vocab: &'a Vocabulary,
) -> Option<Found<'a>> {
    if honored && family.contains(' ') {
        return None;
    }
    let (rest, _) = (sp, comma, sp).parse(after_family).ok()?;
    let (rest, _) = honorifics(vocab).parse(rest).ok()?;
    // "ماه در ایران، نوشته : …": a role word is no given name.
    if is_role_word(rest, vocab) {
        return None;
    }
    if let Ok((r, ini)) = initials(rest) {
        return Some(strong(r, family, ini, None));
    }
    let (r, given) = given_words(rest).ok()?;
    if natural_order(family, r, vocab) {
        return None;
    }
    // "Tedo Sakhokia, Collection. 1969, p. 65.": a title, not given names.
    let (fw, gw): (Vec<&str>, Vec<&str>) = (
        family.split_whitespace().collect(),
        given.split_whitespace().collect(),
    );
    if title_before_imprint(&fw, &gw, r, vocab) {
        return None;
    }
    // "Smith, John, and" / "Smith, John." — a comma inversion needs the
    // given names to end the person.
    ((ends_person(r, vocab) || given.ends_with('.'))
        && family.split(' ').count() + given.split(' ').count() <= 4)
        .then(|| strong(r, family, given, None))
}

/// Arabic script has no capitals to tell a name's words from a title's: two
/// or three words opening with a common given name (`bib/given-names.toml`)
/// and not ending with one are a name in its natural order, `حبیب لاجوردی،
/// خاطرات، …`, `احسان طبری، جامعه ایران …`, not a family name before its
/// comma.
fn given_first(words: &str, vocab: &Vocabulary) -> bool {
    let words: Vec<&str> = words.split(' ').filter(|w| !w.is_empty()).collect();
    let given = |w: &str| vocab.index.given.contains_key(&fold(w));
    let all = |script: Script| {
        words
            .iter()
            .all(|w| w.chars().next().and_then(script_of) == Some(script))
    };
    // ISNAD's notes print the name so in Latin script too, two words before
    // the title's comma: "İlber Ortaylı, Türkiye Teşkilat ve İdare Tarihi,
    // İstanbul 2022", "Musa Çadırcı, Tanzimat Döneminde …".
    let latin = words.len() == 2 && all(Script::Latin);
    ((2..=3).contains(&words.len()) && all(Script::Arabic) || latin)
        && given(words[0])
        && !given(words[words.len() - 1])
}

/// Whether `family`, read before a comma and given words that end at
/// `after_given`, is a name in its natural order (`given_first`): unless
/// APA's bracketed year follows the given words, `اکبر آبادی، ولی محمد
/// (۱۳۸۳)`, which makes the comma an inversion.
fn natural_order(family: &str, after_given: &str, vocab: &Vocabulary) -> bool {
    given_first(family, vocab) && !looks_like_year_paren(after_given.trim_start())
}

/// Whether `text` opens with an Arabic-script name in its natural order
/// (`natural_order`) closed by a comma: the author, so the entry is not one
/// printed title first.
pub(crate) fn opens_with_given(text: &str, vocab: &Vocabulary) -> bool {
    let Ok((text, _)) = honorifics(vocab).parse(text.trim_start()) else {
        return false;
    };
    let Ok((rest, family)) = family_words(text) else {
        return false;
    };
    let Ok((rest, _)) = (sp, comma, sp).parse(rest) else {
        return false;
    };
    let after_given = given_words(rest).map_or(rest, |(r, _)| r);
    natural_order(family, after_given, vocab)
}

/// A family name in capitals before the given names: `JOHNSON Robert A.`,
/// `MORRISON Alexander` (French and Turkish lists).
fn capitals_first<'a>(after_family: &'a str, family: &str) -> Option<Found<'a>> {
    let words: Vec<&str> = family.split(' ').filter(|w| !w.is_empty()).collect();
    let [first, rest @ ..] = words.as_slice() else {
        return None;
    };
    if rest.is_empty() || !is_capitals(first) || rest.iter().any(|w| is_capitals(w)) {
        return None;
    }
    let (r, given) = match (sp, initials).parse(after_family) {
        Ok((r, (_, ini))) => (r, format!("{} {ini}", rest.join(" "))),
        Err(_) => (after_family, rest.join(" ")),
    };
    Some(strong(r, first, &given, None))
}

/// Family and initials: `Иванов И.И.`, `Smith J.`, `Рахмани А.А.Тарихи…`.
fn family_initials<'a>(after_family: &'a str, family: &str) -> Option<Found<'a>> {
    let (rest, (_, ini)) = (sp, initials).parse(after_family).ok()?;
    Some(strong(rest, family, ini, None))
}

/// Bare words: `Həsənli Cəmil`, `کاوه بیات`, `ایرج ذوقی`, ordered by the
/// vocabulary; refused when nothing says they are a name.
fn bare<'a>(
    after_family: &'a str,
    family: &str,
    honored: bool,
    in_list: bool,
    vocab: &Vocabulary,
) -> Option<Found<'a>> {
    let words: Vec<&str> = family.split(' ').filter(|w| !w.is_empty()).collect();
    let only = |p: Person, e: Evidence| Some((after_family, (p, e)));
    if honored && words.len() == 1 {
        return only(
            Person {
                family: family.to_string(),
                given: None,
                alias: None,
            },
            Evidence::Strong,
        );
    }
    // "Ibn Taqtaqa’", "Abu Muhammad …": a name opened by a particle is one
    // whole traditional name, not given and family (`traditional_name`).
    if !(2..=3).contains(&words.len()) || is_particle(words[0], vocab) {
        return None;
    }
    let evidence = if honored {
        Evidence::Strong
    } else {
        Evidence::Named
    };
    if let Some(p) = split_bare(&words, vocab, honored) {
        return only(p, evidence);
    }
    if !in_list && let Some(p) = persian_dated(after_family, &words, vocab) {
        return only(p, Evidence::Named);
    }
    // After another name and "and", two capitalised words are a name
    // whatever the vocabulary says.
    if in_list && let Some(p) = split_bare(&words, vocab, true) {
        return only(p, Evidence::Listed);
    }
    None
}

/// Persian APA: `تورج اتابکی (1376). …` — two or three words directly
/// before a year in brackets are the author, given name first (a title is
/// followed by its period first: `روابط …. (1390)`), unless one of them is a
/// function word (`bib/names.toml` `function_words`).
fn persian_dated(after_family: &str, words: &[&str], vocab: &Vocabulary) -> Option<Person> {
    let arabic = words
        .iter()
        .all(|w| w.chars().next().and_then(script_of) == Some(Script::Arabic));
    let function_word = |w: &&str| vocab.names.function_words.iter().any(|f| f == w);
    if !arabic
        || !looks_like_year_paren(after_family.trim_start())
        || !after_family.starts_with(' ')
        || words.iter().any(function_word)
    {
        return None;
    }
    let (given, family) = words.split_at(words.len() - 1);
    Some(Person {
        family: family[0].to_string(),
        given: Some(given.join(" ")),
        alias: None,
    })
}

/// Whether `rest` opens with a word that introduces names (`نوشته`, `ed.`,
/// `пер.`), which is never itself a given name.
fn is_role_word(rest: &str, vocab: &Vocabulary) -> bool {
    [
        &vocab.index.author_markers,
        &vocab.index.editor_markers,
        &vocab.index.translator_markers,
    ]
    .into_iter()
    .any(|lex| word(lex).parse(rest).is_ok())
}

/// A word in capitals, `JOHNSON`, `ÖNDER` (two letters at least).
fn is_capitals(w: &str) -> bool {
    w.chars().filter(|c| c.is_letter()).count() >= 2
        && w.chars().all(|c| !c.is_letter() || c.is_uppercase())
}

/// Whether a person ends at `rest`: punctuation, a bracket, "and" or the end.
fn ends_person(rest: &str, vocab: &Vocabulary) -> bool {
    let t = rest.trim_start();
    t.is_empty()
        || t.starts_with(['.', ',', '،', ';', '(', ':', '&', '/'])
        || word(&vocab.index.conjunctions)
            .parse(t)
            .is_ok_and(|(r, _)| {
                r.starts_with(char::is_whitespace)
                    && r.trim_start().starts_with(|c: char| {
                        c.is_uppercase() || script_of(c) == Some(Script::Arabic)
                    })
            })
        || word(&vocab.index.et_al).parse(t).is_ok()
}

fn comma(i: &str) -> Res<'_, char> {
    nom::branch::alt((ch(','), ch('،'))).parse(i)
}

/// Family names: one to three name words separated by single spaces
/// (`Van Dyke`, `Rüstəmov-Tohidi`), as one slice.
fn family_words(i: &str) -> Res<'_, &str> {
    let (mut rest, _) = name_word(i)?;
    for _ in 0..2 {
        match (ch(' '), name_word).parse(rest) {
            Ok((r, (_, w))) if !is_initial_like(w, r) => rest = r,
            _ => break,
        }
    }
    Ok((rest, &i[..i.len() - rest.len()]))
}

fn is_initial_like(w: &str, rest: &str) -> bool {
    w.chars().count() <= 2 && rest.starts_with('.')
}

/// Given names after an inverted family name: one to three words, Latin
/// and Cyrillic ones capitalised.
fn given_words(i: &str) -> Res<'_, &str> {
    let (mut rest, _) = name_word(i)?;
    for _ in 0..2 {
        match (ch(' '), name_word).parse(rest) {
            Ok((r, _)) => rest = r,
            _ => break,
        }
    }
    // A middle initial after the given name: "Thornbury, Alan R."
    if let Ok((r, _)) = (ch(' '), initials).parse(rest) {
        rest = r;
    }
    Ok((rest, &i[..i.len() - rest.len()]))
}

/// Decides given and family for two or three bare words, or refuses when
/// nothing says they are a name.
fn split_bare(words: &[&str], vocab: &Vocabulary, honored: bool) -> Option<Person> {
    let endings = &vocab.index.surname_endings;
    let given = |w: &str| vocab.index.given.contains_key(&fold(w));
    let surname = |w: &str| w.split(['-', '\u{200C}']).any(|p| has_ending(p, endings));
    let first = words[0];
    let last = words[words.len() - 1];
    let arabic = words
        .iter()
        .any(|w| w.chars().next().and_then(script_of) == Some(Script::Arabic));
    // A surname ending decides first, then a known given name; a title
    // such as "دکتر" introduces a given-first name.
    let family_first = if surname(first) && !surname(last) && !given(first) {
        true
    } else if (surname(last) && !surname(first)) || given(first) {
        false
    } else if given(last) {
        true
    } else if honored {
        false
    } else {
        return None;
    };
    if arabic && family_first && !surname(first) {
        return None;
    }
    let (family, given_part) = if family_first {
        (first.to_string(), words[1..].join(" "))
    } else {
        (last.to_string(), words[..words.len() - 1].join(" "))
    };
    Some(Person {
        family,
        given: Some(given_part),
        alias: None,
    })
}

/// Joining words between two people: `,`, `və`, `и`, `and`, `&`, `ve`, `و`.
fn joiner<'a>(
    vocab: &'a Vocabulary,
) -> impl Parser<&'a str, Output = bool, Error = nom::error::Error<&'a str>> + 'a {
    move |i: &'a str| {
        let (rest, _) = sp(i)?;
        let (rest, had_comma) = match comma(rest) {
            Ok((r, _)) => (r, true),
            Err(_) => (rest, false),
        };
        let (rest, _) = sp(rest)?;
        if let Ok((r, _)) = word(&vocab.index.conjunctions).parse(rest)
            && r.starts_with(char::is_whitespace)
        {
            return Ok((r.trim_start(), true));
        }
        if had_comma {
            return Ok((rest, false));
        }
        fail(i)
    }
}

/// An organization printed where the author goes: "Milli Arxiv İdarəsi.
/// Dövlət Arxivi haqqında məlumat. URL: …". The first sentence names it when
/// it holds a word of `bib/names.toml` `corporate`, no initial and no digit;
/// returns the name and the byte length through its period.
pub(crate) fn corporate_author(text: &str, vocab: &Vocabulary) -> Option<(String, usize)> {
    let mut letters = 0;
    let mut end = None;
    for (i, c) in text.char_indices() {
        if c.is_letter() {
            letters += 1;
            continue;
        }
        if c == '.' && text[i + 1..].starts_with(char::is_whitespace) {
            // A period after one letter is an initial: a person's name.
            if letters < 2 {
                return None;
            }
            end = Some(i);
            break;
        }
        if !(c.is_whitespace() || c == '-' || c == '\'' || c == '’') {
            return None;
        }
        letters = 0;
    }
    let end = end?;
    let name = text[..end].trim();
    let words = name.split_whitespace().count();
    ((2..=8).contains(&words) && contains_word(name, &vocab.index.corporate))
        .then(|| (name.to_string(), end + 1))
}

/// Parses the author block at the start of `text`.
pub(crate) fn author_block(text: &str, vocab: &Vocabulary) -> Option<AuthorBlock> {
    if let Some(block) = vancouver(text).or_else(|| traditional_name(text, vocab)) {
        return Some(block);
    }
    let (rest, people, evidence) = people(text, vocab)?;
    let (rest, et_al) = et_al(rest, vocab);
    let (rest, editors) = editor_mark(rest, vocab);
    let len = block_end(text, rest, evidence, et_al, editors, vocab)?;
    // A title must follow.
    if text[len..].trim().is_empty() {
        return None;
    }
    Some(AuthorBlock {
        people,
        len,
        editors,
    })
}

/// The people of a list joined by commas and conjunctions, the rest and
/// the strongest evidence among them.
fn people<'a>(text: &'a str, vocab: &'a Vocabulary) -> Option<(&'a str, Vec<Person>, Evidence)> {
    let (mut rest, (first, mut evidence)) = person(vocab, false).parse(text).ok()?;
    let first_bare = evidence == Evidence::Named;
    let mut people = vec![first];
    loop {
        let Ok((r, conjunction)) = joiner(vocab)
            .parse(rest)
            .or_else(|_| capitals_joint(&text[..text.len() - rest.len()], rest))
            .or_else(|_| initials_joint(&text[..text.len() - rest.len()], rest, vocab))
        else {
            break;
        };
        match person(vocab, conjunction).parse(r) {
            // After a bare comma only initials or a known name continue the
            // list: "Aslan, Betül, Rusya'nın Kafkasya Politikası" is a title.
            Ok((_, (p, e)))
                if !(conjunction
                    || (e == Evidence::Named && first_bare)
                    || p.given.as_deref().is_some_and(|g| g.contains('.'))) =>
            {
                break;
            }
            Ok((r2, (p, e))) => {
                evidence = evidence.max(e);
                people.push(p);
                rest = r2;
            }
            Err(_) => break,
        }
    }
    Some((rest, people, evidence))
}

/// Turkish lists that join inverted names in capitals by nothing but a
/// space or a second period: `GÜMÜŞ, H. KOÇAK, F.`, `SÖNMEZ, M..
/// AKMAYDALI, H.`. After an initial, a word in capitals and a comma open
/// the next person.
fn capitals_joint<'a>(before: &str, rest: &'a str) -> Res<'a, bool> {
    let r = rest.strip_prefix('.').unwrap_or(rest);
    let t = r.trim_start();
    let (after, w) = name_word(t)?;
    if before.ends_with('.') && t.len() < r.len() && is_capitals(w) && after.starts_with(',') {
        Ok((t, true))
    } else {
        fail(rest)
    }
}

/// Azerbaijani and Russian lists that join names printed family first by
/// nothing but a space: `Будагов Б. А. Микаилов А. А., Развитие…`,
/// `Budaqov B.Ə. Qeybullayev Q. Ermənistanda…`. After an initial's period,
/// a word with a surname ending (`bib/names.toml`) and its initials open the
/// next person when a comma, a capitalised word or the end follows them: a
/// title's word before another person's initials is no name (`Фонд В.Я.
/// Стоюнина`), nor is a lone Roman-numeral letter an initial (`Tarix V.`).
fn initials_joint<'a>(before: &str, rest: &'a str, vocab: &Vocabulary) -> Res<'a, bool> {
    let joint = || {
        let t = rest.strip_prefix(' ')?;
        if !before.ends_with('.') || t.starts_with(char::is_whitespace) {
            return None;
        }
        let (after, w) = name_word(t).ok()?;
        let (after, _) = sp(after).ok()?;
        let (after, letters) = initials(after).ok()?;
        let roman = matches!(letters, "I." | "V." | "X.");
        let next = after.trim_start();
        let closes = next.is_empty()
            || next.starts_with(',')
            || after.starts_with(' ') && next.starts_with(char::is_uppercase);
        let surname = w
            .split(['-', '\u{200C}'])
            .any(|p| has_ending(p, &vocab.index.surname_endings));
        (w.chars().any(char::is_lowercase) && surname && !roman && closes).then_some(t)
    };
    match joint() {
        Some(t) => Ok((t, true)),
        None => fail(rest),
    }
}

/// "and others" after the list (`и др.`, `[və b.]`, `et al.`).
fn et_al<'a>(rest: &'a str, vocab: &'a Vocabulary) -> (&'a str, bool) {
    match (
        sp,
        nom::combinator::opt(comma),
        sp,
        word(&vocab.index.et_al),
    )
        .parse(rest)
    {
        Ok((r, _)) => (r, true),
        Err(_) => (rest, false),
    }
}

/// `(ed.)`, `(eds.)`, `(red.)`, `(сост.)`, `, ed.` after the list: the
/// people are editors.
fn editor_mark<'a>(rest: &'a str, vocab: &'a Vocabulary) -> (&'a str, bool) {
    if let Ok((r, _)) = (sp, ch('('), word(&vocab.index.editor_markers), ch(')')).parse(rest) {
        return (r, true);
    }
    if let Ok((r, _)) = (sp, comma, sp, word(&vocab.index.editor_markers)).parse(rest)
        && r.trim_start()
            .starts_with(|c: char| c.is_uppercase() || c == '"' || c == '“')
    {
        return (r, true);
    }
    (rest, false)
}

/// Where the block ends: where a title or a year begins after it, or
/// nowhere (not a block).
fn block_end(
    text: &str,
    rest: &str,
    evidence: Evidence,
    et_al: bool,
    editors: bool,
    vocab: &Vocabulary,
) -> Option<usize> {
    let consumed = text.len() - rest.len();
    // A list closed by "и др." or "[və b.]" ends like one closed by an initial.
    let ended_with_period =
        text[..consumed].ends_with('.') || (et_al && evidence >= Evidence::Named);
    let t = rest.trim_start();
    let spaced = rest.len() != t.len();
    // "Rāzī, Muhammad Sharīf; Ganjīneh-ye …": a semicolon closes an
    // inverted name as its period would. (The Persian `؛` more often
    // parts a title from its subtitle: `دشمنان آن؛ پژوهشی …`.)
    if let Some(after) = t.strip_prefix(';')
        && text[..consumed].contains(',')
        && after.starts_with(char::is_whitespace)
    {
        return Some(text.len() - after.len());
    }
    if let Some(after) = t.strip_prefix('.').or_else(|| t.strip_prefix(':')) {
        // "R.Əliyev.Şirvan xanlığı…": initials make the name sure enough for
        // a title glued to its period.
        // "Solmaz Qaşqay.Manna dövləti": so does a known given name.
        let glued_title = evidence >= Evidence::Named && glued_name(after);
        return (after.is_empty() || after.starts_with(char::is_whitespace) || glued_title)
            .then(|| text.len() - after.len());
    }
    if t.starts_with('(')
        && t[1..]
            .trim_start()
            .starts_with(|c: char| is_digit(c) || c.is_letter())
        && (looks_like_year_paren(t) || no_date_paren(t, vocab))
    {
        return Some(consumed);
    }
    if let Some(after) = t.strip_prefix(',').or_else(|| t.strip_prefix('،')) {
        // Comma styles: "Aslan, Betül, Rusya'nın …", "Ahmet Yılmaz, "Makale"".
        let a = after.trim_start();
        return (a.starts_with(['"', '“', '«', '„', '\''])
            || evidence >= Evidence::Named
            || editors)
            .then(|| text.len() - after.len());
    }
    let sure = ended_with_period && evidence == Evidence::Strong;
    // "Рахмани А.А.Тарихи …", "Шарашанидзе З.М.«Ма’асер-е …»": a title glued
    // to the initials that close the name.
    let glued = sure && (glued_name(t) || t.starts_with(['«', '"', '“']));
    ((sure || editors) && spaced || glued).then_some(consumed)
}

/// Vancouver style, family name and initials run together without periods
/// (NLM, Citing Medicine, 2nd ed., ch. 1: "surname followed by up to two
/// initials, no periods"): `Al-Bihbahānī MBW.`, `Al-Ḥillī Ḥ Y.`, `Al-Ḥur
/// Al-ʿĀmilī M Ḥ.`, `Smith JA, Jones B.`. Each person is one to three name
/// words with a lower-case letter, then one to three groups of capitals (two
/// to four letters, not a Roman numeral: one letter is `Smith J.`, read with
/// the initials that have periods); the list ends at a period with more text
/// after it.
pub(crate) fn vancouver(text: &str) -> Option<AuthorBlock> {
    let dot = text.find(". ")?;
    if text[dot + 1..].trim().is_empty() {
        return None;
    }
    let people = text[..dot]
        .split(", ")
        .map(vancouver_person)
        .collect::<Option<Vec<_>>>()?;
    Some(AuthorBlock {
        people,
        len: dot + 1,
        editors: false,
    })
}

/// One person of a Vancouver list, `Al-ʾAnṣārī M MA`.
fn vancouver_person(text: &str) -> Option<Person> {
    let words: Vec<&str> = text.split(' ').collect();
    let group = |w: &&str| {
        (1..=3).contains(&w.chars().count()) && w.chars().all(|c| c.is_letter() && c.is_uppercase())
    };
    let family_len = words.len() - words.iter().rev().take_while(|w| group(w)).count();
    let (family, groups) = words.split_at(family_len);
    let whole_word = |w: &&str| name_word(w).is_ok_and(|(rest, _)| rest.is_empty());
    let letters: usize = groups.iter().map(|g| g.chars().count()).sum();
    let roman = groups
        .concat()
        .chars()
        .all(|c| matches!(c, 'I' | 'V' | 'X'));
    let ok = (1..=3).contains(&family.len())
        && family
            .iter()
            .all(|w| whole_word(w) && w.chars().any(char::is_lowercase))
        && (1..=3).contains(&groups.len())
        && (2..=4).contains(&letters)
        && !roman;
    ok.then(|| Person {
        family: family.join(" "),
        given: Some(groups.join(" ")),
        alias: None,
    })
}

/// A traditional Arabic or Persian name as a whole, romanised or in Arabic
/// script, where its words would not pass for given and family names:
/// inverted, `Ibn al-Jawzi, Abu’l-Faraj ‘Abd ar-Rahman ibn ‘Ali.`,
/// `Abi Dawud Sajistani, Sulayman b. Ashʿath,`, `al‑Duri, A. A.,`,
/// `ابن طاووس، السيّد علىّ بن موسي،`; or in its natural order when a
/// particle opens it, `Ibn Taqtaqa’.`, `Abu Muhammad Ahmad ibn A’sam
/// al-Kufi.`, `Al-Baladzori.` (the whole is the family name). A particle
/// (`bib/names.toml` `particles`) or the letter ʿayn must be in it.
pub(crate) fn traditional_name(text: &str, vocab: &Vocabulary) -> Option<AuthorBlock> {
    let (family, given, len) = traditional_parts(text, vocab)?;
    if let Some(block) = natural_before_comma(text, family, given, vocab) {
        return Some(block);
    }
    let words = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    let all: Vec<String> = words(family).into_iter().chain(words(given)).collect();
    // "Cəfərov A. B.": a capital and a period is an initial, not the
    // particle `b.` (printed small: "Sulayman b. Ashʿath").
    let initial_word = |w: &String| initial(w).is_ok_and(|(r, _)| r.is_empty());
    let marked = |w: &String| {
        is_particle(w, vocab) && !initial_word(w)
            || is_particle_prefixed(w, vocab)
            || w.chars().any(is_ayn)
    };
    let opened = all.first().is_some_and(|w| {
        let f = fold(w);
        vocab.index.openers.contains_key(&f) || is_particle_prefixed(w, vocab)
    });
    let arabic = family.chars().any(|c| script_of(c) == Some(Script::Arabic));
    // Arabic script has no capitals to tell a name's words from a title's:
    // "انساب الاشراف، احمد بن يحيى بلاذرى، …" is title first, so there the
    // family itself must be marked.
    // "الصدوق، محمّد بن على بن حسين بن بابويه القمىّ، …": a one-word laqab
    // or nisba with the article, then an ism and nasab joined by `بن`.
    let nasab = || {
        let mut words = given.split_whitespace();
        family.split_whitespace().count() == 1
            && vocab
                .names
                .nisba_article
                .iter()
                .any(|a| family.starts_with(a.as_str()))
            && given.split_whitespace().count() >= 3
            && words.any(|w| is_particle(w, vocab))
    };
    let named = if arabic {
        opened || !given.is_empty() && (is_nisba(family, vocab) || nasab())
    } else {
        all.iter().any(marked) && (opened || !given.is_empty())
    };
    if !named
        || text[len..].trim_start().starts_with(|c: char| is_digit(c))
        || text[len..].trim().is_empty()
        || given.is_empty() && dated_author_follows(&text[len..], vocab)
    {
        return None;
    }
    // "ابن منيع (ابن سعد)": the other name the author is known by.
    let (family, alias) = match (family.find('('), family.strip_suffix(')')) {
        (Some(open), Some(inner)) => (family[..open].trim(), Some(inner[open + 1..].trim())),
        _ => (family, None),
    };
    Some(AuthorBlock {
        people: vec![Person {
            family: family.to_string(),
            given: Some(given.to_string()).filter(|g| !g.is_empty()),
            alias: alias.map(str::to_string),
        }],
        len,
        editors: false,
    })
}

/// `‘Ali Akbar Dihkhuda, Lughatnama, …`: the words before the comma open
/// with a common given name and end with another word, and the words after
/// it hold no given name and no particle — a name in its natural order
/// before the title, not a family name before given names. The family is
/// the last word; the block ends after the comma.
fn natural_before_comma(
    text: &str,
    family: &str,
    given: &str,
    vocab: &Vocabulary,
) -> Option<AuthorBlock> {
    let known = |w: &&str| known_given(w, vocab);
    let words: Vec<&str> = family.split_whitespace().collect();
    let (first, last) = (words.first()?, words.last()?);
    if !(2..=4).contains(&words.len())
        || !known(first)
        || known(last)
        || words.iter().any(|w| is_particle(w, vocab))
        || given.is_empty()
        || given
            .split_whitespace()
            .any(|w| known(&w) || is_particle(w, vocab) || is_particle_prefixed(w, vocab))
    {
        return None;
    }
    let at = text.len() - text.trim_start().len() + family.len();
    let comma = text[at..].find([',', '،'])?;
    let len = at + comma + text[at + comma..].chars().next()?.len_utf8();
    Some(AuthorBlock::one(
        last,
        &words[..words.len() - 1].join(" "),
        len,
    ))
}

/// A common given name (`bib/given-names.toml`), an opening ʿayn or
/// apostrophe aside: `‘Ali`, `'Abbas`.
fn known_given(w: &str, vocab: &Vocabulary) -> bool {
    let core = w.trim_start_matches(|c| is_ayn(c) || matches!(c, '\'' | '’'));
    vocab.index.given.contains_key(&fold(core))
}

/// An Arabic-script family name made of relation adjectives (nisbas),
/// `الديلمىّ`, `التميمىّ المغربىّ`: each word opens with the article and
/// ends in yāʾ (`bib/names.toml` `nisba`).
fn is_nisba(family: &str, vocab: &Vocabulary) -> bool {
    let (opens, ends) = (&vocab.names.nisba_article, &vocab.names.nisba_endings);
    !family.is_empty()
        && family.split_whitespace().all(|w| {
            // Without the vowel signs and shadda after the last letter.
            let w = fold(
                w.trim_end_matches(|c: char| matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}')),
            );
            opens.iter().any(|o| w.starts_with(o.as_str()))
                && ends.iter().any(|e| w.ends_with(e.as_str()))
        })
}

/// Whether an Arabic-script name ends with a nisba (`الحرّ العاملىّ`,
/// `الطوسىّ`): the last word opens with the article and ends in yāʾ.
pub(crate) fn closed_by_nisba(family: &str, vocab: &Vocabulary) -> bool {
    family
        .split_whitespace()
        .last()
        .is_some_and(|w| is_nisba(w, vocab))
}

/// Whether `text` holds a common given name or a name particle (`بن`,
/// `ابو`): words that read as a person's rather than a title's.
pub(crate) fn holds_name_word(text: &str, vocab: &Vocabulary) -> bool {
    text.split_whitespace()
        .any(|w| known_given(w, vocab) || is_particle(w, vocab) || is_particle_prefixed(w, vocab))
}

/// The family and given parts of a traditional name and the block's
/// length: name words up to a comma (the family), name words, initials and
/// a bracketed note such as a death date `(d. 334/945)` up to the next
/// comma, colon or sentence period (the given names); or name words up to a
/// sentence period alone (the family, no given names).
fn traditional_parts<'a>(text: &'a str, vocab: &Vocabulary) -> Option<(&'a str, &'a str, usize)> {
    let head = text
        .char_indices()
        .nth(200)
        .map_or(text, |(at, _)| &text[..at]);
    let mut family: Option<&str> = None;
    let mut from = 0;
    let mut count = 0;
    let mut bracket = false;
    for (at, c) in head.char_indices() {
        let part = &head[from..at];
        if bracket {
            bracket = c != ')';
            continue;
        }
        match c {
            '(' if family.is_some() => {
                // "Al-Ṭabāṭabāī al-Yazdī, A.M.K. (n.d). Title": a bracket
                // closed by a period is APA's date, after the block; one
                // inside the names is a note of them, a death date.
                let close = head[at..].find(')')?;
                let inner = &head[at + 1..at + close];
                // "(1983)," and "(1415ق)" are the entry's year; "(230- 168ق)"
                // the author's life.
                let year = inner.trim_start().starts_with(|c: char| is_digit(c))
                    && looks_like_year_paren(&head[at..])
                    && !inner.contains(['-', '–']);
                if year || head[at + close + 1..].trim_start().starts_with('.') {
                    let f = family?;
                    return is_traditional_run(part.trim(), vocab).then_some((f, part.trim(), at));
                }
                bracket = true;
            }
            ',' | '،' | ':' | '؛' | ';' => {
                let name = part.trim();
                if !is_traditional_run(name, vocab) {
                    return None;
                }
                let end = at + c.len_utf8();
                match family {
                    None if matches!(c, ',' | '،') => {
                        family = Some(name);
                        from = end;
                    }
                    Some(f) => return Some((f, name, end)),
                    // "ابن قتیبه : «…»": the name alone before a colon.
                    None if c == ':' => return Some((name, "", end)),
                    None => return None,
                }
            }
            '.' if head[at + 1..].starts_with(char::is_whitespace) => {
                let word = part.rsplit(char::is_whitespace).next().unwrap_or("");
                // "b." and an initial are inside the name.
                let dotted = format!("{word}.");
                if is_particle(&dotted, vocab) || initials(&dotted).is_ok_and(|(r, _)| r.is_empty())
                {
                    continue;
                }
                let name = part.trim();
                if !is_traditional_run(name, vocab) {
                    return None;
                }
                return Some(match family {
                    Some(f) => (f, name, at + 1),
                    None => (name, "", at + 1),
                });
            }
            _ => {}
        }
        if c.is_whitespace() && !head[..at].ends_with(char::is_whitespace) {
            count += 1;
            if count > 14 {
                return None;
            }
        }
    }
    None
}

/// One to ten words of a name: capitalised Latin or Cyrillic words,
/// Arabic-script words, particles, initials, a bracketed note.
fn is_traditional_run(run: &str, vocab: &Vocabulary) -> bool {
    let run = match (run.find('('), run.ends_with(')')) {
        (Some(open), true) => run[..open].trim(),
        _ => run,
    };
    let words: Vec<&str> = run.split_whitespace().collect();
    (1..=10).contains(&words.len())
        && words.iter().all(|w| {
            is_name_token(w, vocab)
                || initials(w).is_ok_and(|(r, _)| r.is_empty())
                || w.chars().all(|c| {
                    script_of(c) == Some(Script::Arabic)
                        || c == '\u{200C}'
                        || !c.is_letter_or_digit() && !c.is_whitespace() && !",.:()".contains(c)
                }) && w.chars().any(|c| script_of(c) == Some(Script::Arabic))
        })
}

/// GOST 7.1 §4.4.3: the statement of responsibility after `/` names every
/// author, the heading only the first one to three (`Зембатова, Л. Т. Роль
/// … / Л. Т. Зембатова, С. Р. Хаблиева //`). Adds to `authors` the people of
/// the statement it does not already hold, compared by family name.
pub(crate) fn merge_statement(authors: &mut Vec<Person>, statement: Vec<Person>) {
    for p in statement {
        let family = fold(&p.family);
        if !authors.iter().any(|a| fold(&a.family) == family) {
            authors.push(p);
        }
    }
}

/// In a comma-style entry (`style.rs`), an inverted name of the length
/// traditional Arabic and Persian names have: `Majlisi, Muhammad Baqir,`,
/// `Hakim Nayshaburi, Muhammad b. ‘Abd Allah,`, `‘Amili, Muhammad b. Makki,`.
/// The family name is one to four name words, the given names one to six
/// name words or particles (`bib/names.toml` `particles`), and a comma must
/// close them with more text after it. Latin and Cyrillic script only: a
/// Persian comma list puts the title first.
pub(crate) fn comma_inverted(text: &str, vocab: &Vocabulary) -> Option<AuthorBlock> {
    let (family, rest) = split_comma(text)?;
    let (given, rest) = split_comma(rest)?;
    let family_words: Vec<&str> = family.split_whitespace().collect();
    let given_words: Vec<&str> = given.split_whitespace().collect();
    let is_name = |w: &str| is_name_token(w, vocab);
    let capital = |ws: &[&str]| ws.iter().any(|w| !is_particle(w, vocab));
    if !(1..=4).contains(&family_words.len())
        || !(1..=6).contains(&given_words.len())
        || !family_words.iter().chain(&given_words).all(|w| is_name(w))
        || !capital(&family_words)
        || !capital(&given_words)
        || rest.trim().is_empty()
        || rest.trim_start().starts_with(|c: char| is_digit(c))
        || title_before_imprint(&family_words, &given_words, rest, vocab)
    {
        return None;
    }
    Some(AuthorBlock::one(family, given, text.len() - rest.len()))
}

/// Whether `given`, read as the given names of an inversion `family,
/// given,`, is rather the title of a name printed given name first: only
/// imprint and locators follow it (`imprint_only`), so the entry would
/// have no title, and no word of it is a common given name. `Saim
/// Sakaoğlu, Efsane Araştırmaları, Konya 2009`, `Ali Sevim, Genel
/// Çizgileriyle Selçuklu-Ermeni İlişkileri, TTK, Ankara 1983, s. 27.`, but
/// not `Nūrī Tabarsī, Mīrzā Husayn, …`.
fn title_before_imprint(family: &[&str], given: &[&str], rest: &str, vocab: &Vocabulary) -> bool {
    (2..=3).contains(&family.len())
        && !given.iter().any(|w| known_given(w, vocab))
        && imprint_only(rest, vocab)
}

/// Whether `tail` is imprint and locators only: each of its comma-separated
/// parts a place, a publisher's acronym (`TTK`), or up to three words with
/// a digit (`Konya 2009`, `s. 27`, `p. 48`) — nothing left to be a title.
fn imprint_only(tail: &str, vocab: &Vocabulary) -> bool {
    let ctx = Ctx::new(vocab, None);
    let place = |s: &str| {
        matches!(
            super::imprint::elem_at(s, &ctx),
            Some((super::imprint::Elem::Place(_), n)) if n == s.len()
        )
    };
    let parts: Vec<&str> = tail
        .split([',', '،'])
        .map(|p| p.trim().trim_matches('.').trim())
        .filter(|p| !p.is_empty())
        .collect();
    !parts.is_empty()
        && parts.iter().all(|p| {
            p.split_whitespace().count() <= 3 && p.chars().any(is_digit)
                || (2..=6).contains(&p.chars().count()) && p.chars().all(char::is_uppercase)
                || place(p)
        })
}

/// In a comma-style note, an author printed as one name before the title:
/// `Tanakābunī, Qiṣaṣ, p. 186`, `Al-ʿAzzāwī, Taʾrīkh al-ʿIrāq, vol. 7`,
/// `Ibn Khallakan, Wafiyat al-A‘yan…, Cairo`, `Abu Jayb Saʿdi, Al-Qamus
/// al-Fiqhi, …`. One capitalised word, a particle and one word, or an
/// opener (`bib/names.toml` `openers`) and up to three words; the part after the comma must begin with a capital
/// and be followed by more text, so that a one-word title before a place
/// and year still needs a name-like word to be read as an author.
pub(crate) fn comma_name(text: &str, vocab: &Vocabulary) -> Option<AuthorBlock> {
    let (name, rest) = split_comma(text)?;
    let words: Vec<&str> = name.split_whitespace().collect();
    let named = match words.as_slice() {
        [w] => is_name_token(w, vocab) && !is_particle(w, vocab) && w.chars().count() > 2,
        [p, w] => is_particle(p, vocab) && is_name_token(w, vocab) && !is_particle(w, vocab),
        // "Abu Jayb Saʿdi, Al-Qamus al-Fiqhi, 2nd edition": a kunya or
        // nasab opens a name in its natural order, whole.
        [p, rest @ ..] => {
            rest.len() <= 3
                && vocab.index.openers.contains_key(&fold(p))
                && rest.iter().all(|w| is_name_token(w, vocab))
                && rest.last().is_some_and(|w| !is_particle(w, vocab))
        }
        [] => false,
    };
    let (title, after) = split_comma(rest).unwrap_or((rest, ""));
    let title = title
        .trim_start()
        .trim_start_matches(['‘', 'ʿ', '"', '“', '«']);
    if !named || !title.starts_with(|c: char| c.is_uppercase()) || after.trim().is_empty() {
        return None;
    }
    Some(AuthorBlock {
        people: vec![Person {
            family: name.trim().to_string(),
            given: None,
            alias: None,
        }],
        len: text.len() - rest.len(),
        editors: false,
    })
}

/// A Persian footnote's author given name first before the title,
/// `فخرالدین عظیمی، بحران دموکراسی در ایران، …`, `الیور باست، آلمانیها در
/// ایران: نگاهی به …`, when the given name is not a common one
/// (`given_first`). The title after the comma tells the order: it reads as
/// prose — a function word other than "and" (`bib/names.toml`
/// `function_words`), a colon or `؛` before a subtitle, or six words and
/// more — which a name never does, so the words before the comma are not
/// a title with its author after it (`assign::author_after_title`). Each
/// name (two may be joined by "and") is two to four Arabic-script words, no
/// function word, digit or publisher's word among them; the family name is
/// the last.
pub(crate) fn persian_name_before_title(text: &str, vocab: &Vocabulary) -> Option<AuthorBlock> {
    let (names, rest) = split_comma(text)?;
    let is_function = |w: &str| vocab.names.function_words.iter().any(|f| f == w);
    let is_and = |w: &str| vocab.names.conjunctions.iter().any(|c| c == w);
    // The title runs to the next comma, bracket or spaced dash; a quote
    // opens the title proper, after more of a name.
    let title_end = [
        rest.find([',', '،', '(', '«', '"', '“']),
        rest.find(" - "),
        rest.find(" – "),
    ]
    .into_iter()
    .flatten()
    .min()
    .unwrap_or(rest.len());
    let title = &rest[..title_end];
    let title_words: Vec<&str> = title.split_whitespace().collect();
    // A country or a city is named in titles, never in a person's name:
    // `نیکی کدی، ریشه‌های انقلاب ایران، ترجمه …`, `مهدیقلیخان هدایت
    // (مخبرالسلطنه)، گزارش ایران، …` (iichs footnotes).
    let placed = |s: &str| {
        s.char_indices()
            .filter(|&(i, c)| c.is_letter() && !s[..i].ends_with(crate::script::is_letter))
            .any(|(i, _)| {
                vocab.index.countries.match_start(&s[i..]).is_some()
                    || vocab.index.places.match_start(&s[i..]).is_some()
            })
    };
    let prose = title_words.iter().any(|w| is_function(w) && !is_and(w))
        || title.contains([':', '؛'])
        || title_words.len() >= 6
        || placed(title);
    if !prose || contains_word(names, &vocab.index.publisher_words) || placed(names) {
        return None;
    }
    // A bracketed laqab after the name: `مهدیقلیخان هدایت (مخبرالسلطنه)`.
    let (names, alias) = match names.trim_end().strip_suffix(')') {
        Some(open) => match open.rsplit_once('(') {
            Some((before, inner)) if !inner.trim().is_empty() => (before, Some(inner.trim())),
            _ => (names, None),
        },
        None => (names, None),
    };
    let words: Vec<&str> = names.split_whitespace().collect();
    let mut people = Vec::new();
    for name in words.split(|w| is_and(w)) {
        // A Latin initial spelled in Persian letters keeps its period:
        // `ویلیام جی. اولسون`.
        let initial = |w: &str| {
            w.strip_suffix('.')
                .is_some_and(|l| (1..=3).contains(&l.chars().count()))
        };
        let arabic = name.iter().all(|w| {
            let w = if initial(w) { &w[..w.len() - 1] } else { w };
            w.chars()
                .all(|c| script_of(c) == Some(Script::Arabic) && c.is_letter() || c == '\u{200C}')
        });
        if !(2..=4).contains(&name.len()) || !arabic || name.iter().any(|w| is_function(w)) {
            return None;
        }
        let (family, given) = name.split_last()?;
        people.push(Person {
            family: (*family).to_string(),
            given: Some(given.join(" ")),
            alias: None,
        });
    }
    if let (Some(alias), [person]) = (alias, people.as_mut_slice()) {
        person.alias = Some(alias.to_string());
    }
    (1..=2).contains(&people.len()).then(|| AuthorBlock {
        people,
        len: text.len() - rest.len(),
        editors: false,
    })
}

/// A comma-style note's author printed given name first in Latin or
/// Cyrillic letters, before a title: `Musa Çadırcı, Tanzimat Döneminde
/// Anadolu Kentleri’nin Sosyal ve Ekonomik Yapısı, Ankara 2025.`, `Nasrollah
/// S. Fatemi, Diplomatic History of Persia, 1917-1923: …`, `Georgi Zeydan,
/// “History of Islamic Civilisation”, translated by …`. The name is two or
/// three capitalised words (an initial among them); the title after the
/// comma tells the order: it is quoted, or holds a lower-case word that is
/// no particle ("of", "ve"), which a name never does — so the words before
/// the comma are not a title with its author after it.
pub(crate) fn latin_name_before_title(text: &str, vocab: &Vocabulary) -> Option<AuthorBlock> {
    let (names, rest) = split_comma(text)?;
    let words: Vec<&str> = names.split_whitespace().collect();
    let initial = |w: &str| {
        w.strip_suffix('.')
            .is_some_and(|l| l.chars().count() == 1 && l.chars().all(char::is_uppercase))
    };
    let (family, given) = words.split_last()?;
    let latin = |w: &str| {
        w.chars()
            .find(|c| c.is_letter())
            .and_then(script_of)
            .is_some_and(|s| matches!(s, Script::Latin | Script::Cyrillic))
    };
    if !(2..=3).contains(&words.len())
        || !words.iter().all(|w| latin(w))
        || is_particle(words[0], vocab)
        || initial(words[0])
        || !is_name_token(family, vocab)
        || is_particle(family, vocab)
        || !given
            .iter()
            .all(|w| initial(w) || is_name_token(w, vocab) && !is_particle(w, vocab))
        || contains_word(names, &vocab.index.publisher_words)
        || contains_word(names, &vocab.index.corporate)
    {
        return None;
    }
    let rest_t = rest.trim_start();
    let title_end = rest_t.find([',', '،', '(']).unwrap_or(rest_t.len());
    let title = &rest_t[..title_end];
    let quoted = rest_t.starts_with(['“', '"', '«', '‘']);
    let prose = title.split_whitespace().skip(1).any(|w| {
        w.starts_with(|c: char| c.is_lowercase())
            && w.chars().all(crate::script::is_letter)
            && !is_particle(w, vocab)
            && !is_particle_prefixed(w, vocab)
    });
    // A title opens with a capital or a quote ("The Qur’an, with an English
    // Paraphrase, tr. …" is one title).
    let capital = rest_t.starts_with(|c: char| c.is_uppercase());
    // With nothing but imprint after it, the title may be a name's words
    // (`Saim Sakaoğlu, Efsane Araştırmaları, Konya 2009`) unless it reads as
    // one: two or three name words, the first a common given name (`Bist
    // Guftar, Mahdi Muhaqqiq, Tehran, 1355 Sh`), or the name's first is none.
    let tail = &rest_t[title_end..];
    let title_words: Vec<&str> = title.split_whitespace().collect();
    let name_like = (2..=3).contains(&title_words.len())
        && title_words.iter().all(|w| is_name_token(w, vocab))
        && (known_given(title_words[0], vocab) || !known_given(words[0], vocab));
    // Nor is a volume (`Azərbaycan Sovet Ensiklopediyası, IV c., Bakı,
    // 1980.`) a title, nor a country's name a person's.
    let element = super::imprint::elem_at(title, &Ctx::new(vocab, None)).is_some();
    let country = words
        .iter()
        .any(|w| vocab.index.countries.match_start(w).is_some());
    // And the name is capitalised throughout, the title two words or more
    // (`Izháq al-batil, Kirman, 1392/1972, p. 14.` is a title and a place).
    let capitalised = words.iter().all(|w| w.starts_with(char::is_uppercase));
    let imprinted = capital
        && capitalised
        && title_words.len() >= 2
        && tail.starts_with([',', '،'])
        && !name_like
        && !element
        && !country
        && imprint_only(tail, vocab);
    if !(quoted || prose && capital || imprinted) || tail.trim().is_empty() {
        return None;
    }
    Some(AuthorBlock {
        people: vec![Person {
            family: (*family).to_string(),
            given: Some(given.join(" ")),
            alias: None,
        }],
        len: text.len() - rest.len(),
        editors: false,
    })
}

/// Persian APA: `خاقانی، افضل الدین بدیل بن علی (۱۳۸۷) دیوان خاقانی`,
/// `ثعلبی، احمد (بی تا) …`: an Arabic-script family name, a comma, given
/// names of any length and a bracketed year (or "no date") — the bracket is
/// what makes the words a name. The block ends before the bracket.
pub(crate) fn persian_apa(text: &str, vocab: &Vocabulary) -> Option<AuthorBlock> {
    let (family, rest) = split_comma(text)?;
    let open = rest.find('(')?;
    // "کاشانی، مهدی خان.(1361).": APA's period after the name.
    let given = rest[..open].trim().trim_end_matches('.');
    let paren = &rest[open..];
    let arabic = |s: &str| {
        !s.is_empty()
            && s.split_whitespace().all(|w| {
                w.chars()
                    .all(|c| script_of(c) == Some(Script::Arabic) || c == '\u{200C}')
            })
    };
    let dated = looks_like_year_paren(paren)
        || paren[1..]
            .trim_start()
            .starts_with(|c: char| script_of(c) == Some(Script::Arabic))
            && word(&vocab.index.no_date)
                .parse(paren[1..].trim_start())
                .is_ok();
    let (fw, gw) = (
        family.split_whitespace().count(),
        given.split_whitespace().count(),
    );
    // The same in romanised Persian and Arabic names: "Aufi, Sadid al-Din
    // Mohammad (2007)", "Ebn Bazzāz, Tavakkolī Ebn Ḥāǰī Ardebīlī (1949)".
    let romanised = |s: &str| {
        !s.is_empty()
            && s.split_whitespace().all(|w| is_name_token(w, vocab))
            && s.split_whitespace().any(|w| !is_particle(w, vocab))
    };
    // "Diba, l.s. (1999)": initials in lower case, as OCR and hasty typing
    // leave them, are the given part only before APA's year.
    let lower_initials = |s: &str| {
        let letters: Vec<&str> = s.split_terminator('.').collect();
        s.ends_with('.')
            && !letters.is_empty()
            && letters
                .iter()
                .all(|l| l.trim().chars().count() == 1 && l.trim().chars().all(char::is_lowercase))
    };
    let names = (arabic(family.trim()) && arabic(given))
        || (romanised(family.trim())
            && (romanised(given) || lower_initials(rest[..open].trim()))
            && looks_like_year_paren(paren));
    if !(names && (1..=3).contains(&fw) && (1..=6).contains(&gw) && dated) {
        return None;
    }
    Some(AuthorBlock::one(
        family,
        given,
        text.len() - rest.len() + open,
    ))
}

/// APA's author element when the author is a single name printed as it is
/// (a pen name, a name with a title, a classical author): `Hayâlî Bey.
/// (1945).`, `Şâh İsmâil. (2017).`, `Ahmedî. (tarih yok).`, `Haşmet
/// (Abbâs Efendi-zâde Mehmet). (2018).` — one to four capitalised words
/// (a bracketed alias after them allowed), a period, and the bracketed year
/// or "no date" that APA puts right after the author. The block ends after
/// the name's period.
pub(crate) fn dated_name(text: &str, vocab: &Vocabulary) -> Option<AuthorBlock> {
    let head: &str = text.get(..text.len().min(160))?;
    // "Hayâlî Bey. (1945).", or without the period: "Ebn Baṭūṭa (1985),".
    // The first bracket that holds a year (an alias may come before it:
    // "Bahá'í World News Service (BWNS). (2007).").
    let dated = |paren: &str| {
        looks_like_year_paren(paren)
            || word(&vocab.index.no_date)
                .parse(paren[1..].trim_start())
                .is_ok()
    };
    let (at, gap) = head
        .match_indices(" (")
        .map(|(s, _)| {
            if head[..s].ends_with('.') {
                (s - 1, 2)
            } else {
                (s, 1)
            }
        })
        .find(|&(at, gap)| dated(&text[at + gap..]))?;
    let paren = &text[at + gap..];
    let name = text[..at].trim();
    let (plain, alias) = match name.find('(') {
        Some(open) if name.ends_with(')') => (
            name[..open].trim(),
            Some(name[open + 1..name.len() - 1].trim().to_string()),
        ),
        _ => (name, None),
    };
    let words: Vec<&str> = plain.split_whitespace().collect();
    let capital = |w: &&str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || script_of(c) == Some(Script::Arabic))
            && w.chars()
                .all(|c| c.is_letter() || matches!(c, '-' | '\'' | '’' | '\u{200C}'))
    };
    let particle = |w: &&str| is_particle(w, vocab) || is_particle_prefixed(w, vocab);
    // An institution's longer name with its linking words, before APA's
    // period: "United Nations Special Rapporteur on Freedom of Religion or
    // Belief. (March 2006)."
    let link = |w: &&str| {
        [&vocab.citations.name_links, &vocab.names.institution_links]
            .iter()
            .any(|l| l.iter().any(|l| l == w))
    };
    // (Latin or Cyrillic only: Arabic script has no capitals to tell a
    // name's words from a title's.)
    let institution = gap == 2
        && (5..=10).contains(&words.len())
        && words.iter().any(link)
        && words
            .iter()
            .all(|w| !w.chars().any(|c| script_of(c) == Some(Script::Arabic)))
        && words.iter().filter(|w| capital(w)).count() * 3 >= words.len() * 2
        && words.iter().all(|w| capital(w) || particle(w) || link(w));
    if !((1..=4).contains(&words.len()) || institution)
        || !words
            .iter()
            .all(|w| capital(w) || particle(w) || institution && link(w))
        || !capital(&words[0])
        || name.contains([',', '.'])
    {
        return None;
    }
    // "Avestā (2008), Translated & Annotated by …", "Quran Karim (1368
    // [1989]). Translated by …": an anonymous work's title before its year,
    // when a responsibility statement follows instead of a title.
    let after = paren
        .find(')')
        .map(|close| {
            paren[close + 1..]
                .trim_start_matches(|c: char| c.is_whitespace() || ".,:;]".contains(c))
        })
        .unwrap_or("");
    // "Azərbaycan (1918). Bakı: Elm, 2005.": a year in brackets after a
    // title, with the entry's own year later, belongs to the title; years
    // in brackets later are a volume's span ("Bahá'í World (1930), vol. 3
    // (1928-30), …").
    let later_year = after
        .chars()
        .fold((0, 0u32, false), |(run, depth, found), c| {
            let depth = match c {
                '(' => depth + 1,
                ')' => depth.saturating_sub(1),
                _ => depth,
            };
            let run = if is_digit(c) && depth == 0 {
                run + 1
            } else {
                0
            };
            (run, depth, found || run == 4)
        });
    if responsibility_follows(after, vocab) || gap == 1 && later_year.2 {
        return None;
    }
    Some(AuthorBlock {
        people: vec![Person {
            family: plain.to_string(),
            given: None,
            alias,
        }],
        len: if gap == 2 { at + 1 } else { at },
        editors: false,
    })
}

/// Author–date styles (Chicago and Harvard author-date, APA, ISNAD 2nd
/// ed.) print the names and then the year, before the title: `Minorsky, V.
/// 1958. A History …`, `Bock, B., Pappert, S. 2023. Leichte Sprache.`,
/// `Browne, E.G., ed. 1910. The Persian Revolution.`, `Bahā’u’llāh. 1971.
/// The Kitáb-i-Aqdas.`, `Zarandī, Muhammad “Nabīl.” 1999.`, `Smith, J.
/// (2020-21).`, `Rabbani, Shoghi Effendi. 1970 God Passes By.` Everything
/// before the entry's first digit must read as names (closed by a period or
/// a comma, or opening the year's bracket), the year must be whole (a
/// letter, a second year after a dash or slash allowed) and closed, and a
/// title, not a locator, must follow it: `Кавказ. 1846. № 12` is a
/// newspaper. Returns the block (through the year and its punctuation) and
/// the byte range of the year as printed, which is the entry's.
pub(crate) fn author_date(
    text: &str,
    vocab: &Vocabulary,
) -> Option<(AuthorBlock, std::ops::Range<usize>)> {
    let year_at = text.find(|c: char| is_digit(c))?;
    if year_at > 200 {
        return None;
    }
    let before = text[..year_at].trim_end();
    let (names, bracket) = match before.strip_suffix(['(', '[']) {
        Some(b) => (b.trim_end(), true),
        None => (before, false),
    };
    // `Zarandī, Muhammad “Nabīl.”`: the period inside the closing quote.
    let closed = names.ends_with(['.', ',', '،'])
        || names
            .strip_suffix(['”', '"', '»'])
            .is_some_and(|n| n.ends_with('.'));
    if !bracket && (!closed || before.len() == year_at) {
        return None;
    }
    let (year_end, after) = year_token(&text[year_at..], bracket)?;
    let mut year_range = year_at..year_at + year_end;
    // `Al-Tusi, Muhammad. 1411 AH, Kitab al-Qayba`: the calendar's marker
    // after the year is the year's.
    let t = after.trim_start();
    let after = match vocab.index.calendar_markers.match_start(t) {
        Some((len, _)) if !bracket && !t[len..].starts_with(crate::script::is_letter_or_digit) => {
            year_range.end = text.len() - t.len() + len;
            &t[len..]
        }
        _ => after,
    };
    let after_start = text.len() - after.len();
    // The year's own punctuation, or (after a period-closed name) none:
    // `Rabbani, Shoghi Effendi. 1970 God Passes By.`
    let (len, title) = if let Some(t) = after.strip_prefix(['.', ',', ':', '،']) {
        (text.len() - t.len(), t)
    } else if names.ends_with('.')
        && after.starts_with(' ')
        && after
            .trim_start()
            .starts_with(|c: char| c.is_uppercase() || matches!(c, '"' | '“' | '«'))
    {
        (after_start, after)
    } else {
        return None;
    };
    let title = title.trim_start();
    let ctx = Ctx::new(vocab, None);
    if title.is_empty()
        || !title.starts_with(|c: char| !c.is_ascii_digit())
        || super::imprint::elem_at(title, &ctx).is_some()
        || role_marker_follows(title, vocab)
    {
        return None;
    }
    // APA's name without a comma before its bracketed year, `Farnbaq
    // Dādegī (1990)`, `Smith J. (2020)`, is the author block's or
    // `dated_name`'s, which know its anonymous titles (`Avestā (2008),
    // Translated & Annotated by …`).
    let capitals = capitals_period_initials(names);
    if bracket && !names.contains([',', '،']) && capitals.is_none() {
        return None;
    }
    let (people, editors) = dated_people(capitals.as_deref().unwrap_or(names), vocab)?;
    Some((
        AuthorBlock {
            people,
            len,
            editors,
        },
        year_range,
    ))
}

/// "REINAUD. T.R.", "KOLLAUTZ. A.", "WYCHERLEY. R.E." before a bracketed
/// year: a family name in capitals closed by a period where the comma
/// stands, then initials; the names as if the comma were printed.
fn capitals_period_initials(names: &str) -> Option<String> {
    let (family, initials) = names.split_once(". ")?;
    let family_ok = family.chars().filter(|c| c.is_letter()).count() >= 2
        && family
            .chars()
            .all(|c| c.is_uppercase() || c == '-' || c == '\'');
    let initials_ok = initials.ends_with('.')
        && initials
            .split('.')
            .filter(|p| !p.trim().is_empty())
            .all(|p| p.trim().chars().count() == 1 && p.trim().chars().all(char::is_uppercase));
    (family_ok && initials_ok).then(|| format!("{family}, {initials}"))
}

/// The year of an author–date entry at the start of `s`: four digits, a
/// letter (`2020a`), a second year after a dash or slash (`1974–1987`,
/// `2020-21`, `1393/2014`), closed by its bracket when one opened it.
/// Returns the length of the year as printed (letter aside) and the rest
/// after it (and after its bracket).
pub(crate) fn year_token(s: &str, bracket: bool) -> Option<(usize, &str)> {
    let digits = |t: &str| {
        t.char_indices()
            .take_while(|&(_, c)| is_digit(c))
            .last()
            .map_or(0, |(i, c)| i + c.len_utf8())
    };
    let first = digits(s);
    if s[..first].chars().count() != 4 {
        return None;
    }
    let mut end = first;
    let mut year_end = first;
    if let Some(c) = s[end..].chars().next()
        && matches!(c, '-' | '–' | '—' | '/')
    {
        let from = end + c.len_utf8();
        let second = digits(&s[from..]);
        if matches!(s[from..from + second].chars().count(), 2 | 4) {
            end = from + second;
            year_end = end;
        }
    }
    // "2020a", "1998b".
    if let Some(c) = s[end..].chars().next()
        && c.is_ascii_lowercase()
        && !s[end + 1..].starts_with(crate::script::is_letter)
    {
        end += 1;
    }
    let rest = &s[end..];
    let rest = if bracket {
        rest.trim_start().strip_prefix([')', ']'])?
    } else {
        rest
    };
    (rest.is_empty() || !rest.starts_with(|c: char| c.is_letter_or_digit()))
        .then_some((year_end, rest))
}

/// The names before an author–date year: the list as the author block
/// reads it, or names in the looser forms such lists print (inverted names
/// joined by bare commas, a single name, a nickname in quotes, a closing
/// `ed.`), every word a name's. Whether they are editors.
fn dated_people(names: &str, vocab: &Vocabulary) -> Option<(Vec<Person>, bool)> {
    let names = names.trim_end_matches([',', '،']).trim_end();
    if names.is_empty() || names.chars().count() > 160 {
        return None;
    }
    if let Some((rest, people, _)) = people(names, vocab) {
        let (rest, _) = et_al(rest, vocab);
        let (rest, editors) = trailing_editor_mark(rest, vocab);
        if rest
            .trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ','))
            .is_empty()
        {
            return Some((people, editors));
        }
    }
    // Arabic script has no capitals to tell names from a title: only the
    // author block's reading stands.
    if names.chars().any(|c| script_of(c) == Some(Script::Arabic)) {
        return None;
    }
    let (names, alias) = nickname(names);
    let (names, editors) = {
        let (rest, editors) = trailing_editor_mark_at_end(&names, vocab);
        (rest.to_string(), editors)
    };
    let mut people = Vec::new();
    for chunk in split_conjunctions(&names, vocab) {
        let parts: Vec<&str> = chunk
            .split([',', ';'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        if parts.is_empty()
            || !parts
                .iter()
                .all(|p| p.split_whitespace().all(|w| dated_name_word(w, vocab)))
        {
            return None;
        }
        // The list's first name is inverted (`Smith, John, Mary Jones,
        // and …`); after it, a name followed by initials is inverted
        // (`Bock, B., Pappert, S.`), a name of two words or more is in its
        // natural order, a single word takes the next part as its given
        // names.
        let initials_only = |p: &str| {
            p.split_whitespace()
                .all(|w| initials(w).is_ok_and(|(r, _)| r.is_empty()))
        };
        let mut k = 0;
        while k < parts.len() {
            let (p, next) = (parts[k], parts.get(k + 1).copied());
            let inverted = next.is_some_and(|q| {
                (people.is_empty() || initials_only(q) || p.split_whitespace().count() == 1)
                    && p.split_whitespace().count() <= 3
                    && q.split_whitespace().count() <= 4
            });
            if let (true, Some(q)) = (inverted, next) {
                people.push(Person {
                    family: p.to_string(),
                    given: Some(q.to_string()),
                    alias: None,
                });
                k += 2;
                continue;
            }
            let one = p.trim_end_matches('.');
            let words: Vec<&str> = one.split_whitespace().collect();
            // A lone word after an inverted name is more of its given
            // names: `ǰūweynī, ‘Alā ul-dīn, ‘Aṭāmalek (2003)`.
            if let ([word], true, Some(last)) = (words.as_slice(), k > 0, people.last_mut())
                && let Some(given) = last.given.as_mut()
            {
                given.push_str(", ");
                given.push_str(word);
                k += 1;
                continue;
            }
            // Words in capitals only are an institution's abbreviation,
            // not a given name and a family (`BIC UNO. 1982.`, `BIC OPI.
            // (1983-86).`: the Bahá'í International Community's offices).
            if words.len() > 1
                && words.iter().all(|w| {
                    w.chars().count() >= 2 && w.chars().all(|c| c.is_letter() && c.is_uppercase())
                })
            {
                people.push(Person {
                    family: one.to_string(),
                    given: None,
                    alias: None,
                });
                k += 1;
                continue;
            }
            people.push(single(one, vocab).or_else(|| {
                (words.len() <= 4).then(|| Person {
                    family: words.last().copied().unwrap_or_default().to_string(),
                    given: (words.len() > 1).then(|| words[..words.len() - 1].join(" ")),
                    alias: None,
                })
            })?);
            k += 1;
        }
    }
    if people.is_empty() || people.len() > 10 {
        return None;
    }
    if let (Some(alias), [person]) = (alias, people.as_mut_slice()) {
        person.alias = Some(alias);
    }
    Some((people, editors))
}

/// `, ed.`, `, eds.`, `(ed.)` closing a list before the year.
fn trailing_editor_mark<'a>(rest: &'a str, vocab: &'a Vocabulary) -> (&'a str, bool) {
    if let Ok((r, _)) = (sp, ch('('), word(&vocab.index.editor_markers), ch(')')).parse(rest) {
        return (r, true);
    }
    if let Ok((r, _)) = (sp, comma, sp, word(&vocab.index.editor_markers)).parse(rest) {
        return (r, true);
    }
    (rest, false)
}

/// The same mark found at the end of a string of names.
fn trailing_editor_mark_at_end<'a>(names: &'a str, vocab: &Vocabulary) -> (&'a str, bool) {
    let Some(at) = names.rfind([',', '(']) else {
        return (names, false);
    };
    let mark = names[at + 1..].trim().trim_end_matches(')');
    let whole = word(&vocab.index.editor_markers)
        .parse(mark)
        .is_ok_and(|(r, _)| r.trim().is_empty());
    if whole {
        (names[..at].trim_end(), true)
    } else {
        (names, false)
    }
}

/// A nickname in quotes inside a name, `Zarandī, Muhammad “Nabīl.”`: the
/// name without it, and the nickname.
fn nickname(names: &str) -> (String, Option<String>) {
    for (open, close) in [('“', '”'), ('"', '"'), ('«', '»')] {
        if let Some(a) = names.find(open)
            && let Some(b) = names[a + open.len_utf8()..].find(close)
        {
            let b = a + open.len_utf8() + b;
            let alias = names[a + open.len_utf8()..b]
                .trim()
                .trim_end_matches([',', '.']);
            let rest = format!("{}{}", &names[..a], &names[b + close.len_utf8()..]);
            return (
                rest.split_whitespace().collect::<Vec<_>>().join(" "),
                (!alias.is_empty()).then(|| alias.to_string()),
            );
        }
    }
    (names.to_string(), None)
}

/// The people of a loose list split at its conjunctions and semicolons.
fn split_conjunctions<'a>(names: &'a str, vocab: &Vocabulary) -> Vec<&'a str> {
    let mut chunks = Vec::new();
    let mut start = 0;
    for (i, w) in word_spans(names) {
        if word(&vocab.index.conjunctions)
            .parse(w)
            .is_ok_and(|(r, _)| r.is_empty())
        {
            chunks.push(names[start..i].trim().trim_end_matches([',', '،']));
            start = i + w.len();
        }
    }
    chunks.push(names[start..].trim().trim_start_matches([',', '،']));
    chunks
        .into_iter()
        .flat_map(|c| c.split(';'))
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect()
}

/// The whitespace-separated words of `s` with their byte offsets.
fn word_spans(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
}

/// A word of a name in an author–date list: a name word, a particle, or
/// initials (`E.G.`, `B.`).
fn dated_name_word(w: &str, vocab: &Vocabulary) -> bool {
    let core = w.trim_end_matches([',', ';', '.']);
    is_name_token(core, vocab)
        || is_particle(w, vocab)
        || initials(w).is_ok_and(|(r, _)| r.is_empty())
}

/// Whether a statement of responsibility opens `a` where a title would:
/// `Translated & Annotated by …`, but not `Bundahīšn, written by …` (the
/// agent word must come before the title's comma).
fn responsibility_follows(a: &str, vocab: &Vocabulary) -> bool {
    role_marker_follows(a, vocab)
        || a.split([',', '.'])
            .next()
            .unwrap_or("")
            .split_whitespace()
            .take(5)
            .any(|w| vocab.index.agent_words.contains_key(&fold(w)))
}

/// Whether a translator's or editor's marker opens `a`.
fn role_marker_follows(a: &str, vocab: &Vocabulary) -> bool {
    word(&vocab.index.translator_markers).parse(a).is_ok()
        || word(&vocab.index.editor_markers).parse(a).is_ok()
}

/// A sort key before the entry, as Turkish author-date lists print it:
/// `Peacock 2014 Andrew C. S. Peacock, “Court Historiography …”`,
/// `Vincent 1381/2002 Andrew Vincent, Nazariyyehâ-yi Devlet, …`. The key's
/// one to three words, a year (a second after a slash, a letter after it:
/// `2002a`), then the name given name first ending with the key's words,
/// closed by a comma or a period. The key names the family, the words
/// before it in the name are the given names. Returns the block (its
/// length taking in the key and the name) and the byte range of the key's
/// year, which is the entry's.
pub(crate) fn keyed_name(
    text: &str,
    vocab: &Vocabulary,
) -> Option<(AuthorBlock, std::ops::Range<usize>)> {
    let year_at = text.find(|c: char| is_digit(c))?;
    let key: Vec<&str> = text[..year_at].split_whitespace().collect();
    if !(1..=3).contains(&key.len())
        || !text[..year_at].ends_with(' ')
        || !key.iter().all(|w| is_name_token(w, vocab))
    {
        return None;
    }
    let year_len = text[year_at..]
        .find(char::is_whitespace)
        .unwrap_or(text.len() - year_at);
    let year = &text[year_at..year_at + year_len];
    let digits = year.chars().take_while(|c| is_digit(*c)).count();
    if !(3..=4).contains(&digits)
        || !year
            .chars()
            .all(|c| is_digit(c) || c == '/' || c.is_ascii_lowercase())
    {
        return None;
    }
    let name_at = year_at + year_len;
    let close = text[name_at..].find([',', '،'])? + name_at;
    let name: Vec<&str> = text[name_at..close].split_whitespace().collect();
    let given_len = name.len().checked_sub(key.len())?;
    if given_len > 4
        || !name[given_len..]
            .iter()
            .zip(&key)
            .all(|(n, k)| fold(n) == fold(k))
    {
        return None;
    }
    let given = name[..given_len].join(" ");
    let block = AuthorBlock {
        people: vec![Person {
            family: key.join(" "),
            given: (!given.is_empty()).then_some(given),
            alias: None,
        }],
        len: close + 1,
        editors: false,
    };
    Some((
        block,
        year_at..year_at + year.trim_end_matches(crate::script::is_letter).len(),
    ))
}

/// What an entry's opening says about the order of its list, read from the
/// words after the first comma (or the first sentence): a whole name given
/// name first there, `Behar Al-Anwar, Muhammad Baqir Majlisi, Dar …`,
/// `بحارالانوار، محمدباقر مجلسى، …`, `Ilzam an-Nasib. Shaykh ‘Ali Yazdi
/// Ha’iri. Qum, …`, says the title came first (`Some(true)`); given names
/// alone there, `Majlisi, Muhammad Baqir, Bihar al-Anwar, …`, say the
/// author did (`Some(false)`). A whole name opens with a common given name
/// or a particle of kunya and nasab (`Abu`, `Ibn`) and ends with a word
/// that is neither, and the imprint follows it: a publisher, or a place
/// after one more segment.
pub(crate) fn title_first_evidence(text: &str, period: bool, vocab: &Vocabulary) -> Option<bool> {
    let text = text.trim();
    if period {
        let (first, rest) = text.split_once(". ")?;
        let second = rest.split_once(". ").map_or(rest, |(s, _)| s);
        return (first.split_whitespace().count() <= 8 && statement_name(second, vocab).is_some())
            .then_some(true);
    }
    let (first, rest) = split_comma(text)?;
    let (second, rest) = split_comma(rest).unwrap_or((rest, ""));
    if first.chars().any(is_digit) || second.chars().any(is_digit) {
        return None;
    }
    // What follows the name must be the imprint (a publisher, a place, or
    // a place after one segment), not a title after an inverted name:
    // `Bist Guftar, Mahdi Muhaqqiq, Tehran, 1355 Sh`.
    let (third, rest) = split_comma(rest).unwrap_or((rest, ""));
    let ctx = Ctx::new(vocab, None);
    let place = |s: &str| {
        matches!(
            super::imprint::elem_at(s.trim_start(), &ctx),
            Some((super::imprint::Elem::Place(_), _))
        )
    };
    let imprint = contains_word(third, &vocab.index.publisher_words) || place(third) || place(rest);
    let (second, _) = honorifics(vocab).parse(second.trim()).ok()?;
    let words: Vec<&str> = second.split_whitespace().collect();
    let given = |w: &str| known_given(w, vocab);
    let opener = |w: &str| {
        vocab
            .index
            .openers
            .contains_key(&fold(w.trim_start_matches(is_ayn)))
    };
    let name_like = |w: &&str| {
        is_name_token(w, vocab)
            || w.chars()
                .all(|c| script_of(c) == Some(Script::Arabic) || c == '\u{200C}')
    };
    let (head, last) = (words.first()?, words.last()?);
    if !words.iter().all(name_like) || words.len() > 5 {
        return None;
    }
    if words.iter().all(|w| given(w)) {
        return Some(false);
    }
    (imprint
        && words.len() >= 2
        && (given(head) || opener(head))
        && !given(last)
        && !is_particle(last, vocab))
    .then_some(true)
}

/// Whether the words after an entry's first comma (or its first sentence)
/// are one person's name: in a list printed title first, the entry's
/// author (`assign::author_after_title`, `title_then_author`).
pub(crate) fn name_second(text: &str, period: bool, vocab: &Vocabulary) -> bool {
    let text = text.trim();
    if period {
        let Some((_, rest)) = text.split_once(". ") else {
            return false;
        };
        let second = rest.split_once(". ").map_or(rest, |(s, _)| s);
        // "Researched by Hasan Mustafawi.": an agent, not the author.
        let agent = second
            .split_whitespace()
            .take(3)
            .any(|w| vocab.index.agent_words.contains_key(&fold(w)));
        return agent || statement_name(second, vocab).is_some();
    }
    let Some((_, rest)) = split_comma(text) else {
        return false;
    };
    let second = split_comma(rest).map_or(rest, |(s, _)| s);
    !second.chars().any(is_digit)
        && !contains_word(second, &vocab.index.publisher_words)
        && name_after_title(second, vocab).is_some()
}

/// A library catalogue's full name, family first, with the father's name:
/// `Abbasova, Elmira Məmməd qızı.`, `Aşurbəyli, Sara xanım Balabəy qızı.`
/// (`bib/names.toml` `patronymics`). The block ends after the period.
pub(crate) fn patronymic_name(text: &str, vocab: &Vocabulary) -> Option<AuthorBlock> {
    let (family, rest) = split_comma(text)?;
    let dot = rest.find('.')?;
    let given = rest[..dot].trim();
    let words: Vec<&str> = given.split_whitespace().collect();
    let patronymic = |w: &&str| vocab.index.patronymics.contains_key(&fold(w));
    let family_words: Vec<&str> = family.split_whitespace().collect();
    if family_words.len() != 1
        || !is_name_token(family_words[0], vocab)
        || !(2..=5).contains(&words.len())
        || !words.last().is_some_and(patronymic)
        || !words
            .iter()
            .all(|w| is_name_token(w, vocab) || patronymic(w))
    {
        return None;
    }
    Some(AuthorBlock::one(
        family,
        given,
        text.len() - rest.len() + dot + 1,
    ))
}

/// A work printed title first, its author after it in a sentence of his
/// own, often with his dates: `Ithbat al-Wasiyyah. ‘Ali ibn al-Husayn
/// al-Mas‘udi (born 346 AH). Qum: …`, `Bayan al-A’immah. Muhammad Mahdi
/// Najafi. Qum, 1408 AH.` The second of two free sentences is the author
/// when `statement_name` reads it and an imprint element (or nothing)
/// follows, or the author's dates close it (`at-Tabarsi (6th century AH).
/// Najaf al-Ashraf: …`, a place the vocabulary need not know after them);
/// it is taken out of `segs`. The Arabic form puts a colon
/// between them: `تاريخ جرجان : حمزة بن يوسف السهمي ، المتوفّى ٤٢٧ هـ ، …`
/// (`assign::title_colon_author`, read before the author block).
pub(crate) fn title_then_author(work: &str, segs: &mut Vec<Seg>, ctx: &Ctx) -> Option<Person> {
    let vocab = ctx.vocab;
    let [first, second, rest @ ..] = segs.as_slice() else {
        return None;
    };
    let free = |s: &Seg| s.elem.is_none() && !s.bracketed;
    if !(free(first) && free(second) && second.sep == Sep::Period) {
        return None;
    }
    // "at-Tabarsi (6th century AH). Najaf al-Ashraf: …": the author's dates
    // after the name say it is one, whatever follows.
    let dated = work[second.range.clone()].trim_end().ends_with(')');
    if !dated && rest.first().is_some_and(|s| s.elem.is_none()) {
        return None;
    }
    let person = statement_name(&work[second.range.clone()], vocab)?;
    segs.remove(1);
    Some(person)
}

/// Whether the next sentence is an author with his dates, `Al-Ihtijaj.
/// Ahmad ibn ‘Ali … at-Tabarsi (6th century AH). Najaf …`: then the one
/// word before it was the title (`title_then_author`).
fn dated_author_follows(rest: &str, vocab: &Vocabulary) -> bool {
    let rest = rest.trim_start();
    let sentence = rest.find(". ").map_or(rest, |end| &rest[..end]);
    sentence.ends_with(')') && statement_name(sentence, vocab).is_some()
}

/// A traditional name as a sentence of its own: two to eight name words
/// (particles, `ʿayn`-opened words and honorifics allowed), the family name
/// the last. Something must say they are a name: a bracket with the
/// author's dates after them (`(born 310 AH)`, `(6th century AH)`), an
/// honorific (`Shaykh`), a common given name first, or a particle among
/// three words or more (`‘Ali ibn al-Husayn al-Mas‘udi`).
fn statement_name(text: &str, vocab: &Vocabulary) -> Option<Person> {
    // "Ahıska Masalları ve Hikayeler. Emin Yayınları, Bursa": a name with
    // a publisher's word is the publisher's, not the author's.
    if contains_word(text, &vocab.index.publisher_words) {
        return None;
    }
    let t = text.trim().trim_end_matches('.').trim_end();
    let (t, dated) = match (t.rfind('('), t.strip_suffix(')')) {
        (Some(open), Some(inner)) if inner[open + 1..].chars().any(is_digit) => {
            (t[..open].trim_end(), true)
        }
        _ => (t, false),
    };
    let (t, honored) = honorifics(vocab).parse(t).ok()?;
    let words: Vec<&str> = t.split_whitespace().collect();
    let particle = |w: &&str| is_particle(w, vocab) || is_particle_prefixed(w, vocab);
    let (given, family) = words.split_last().map(|(f, g)| (g, *f))?;
    let known = words.first().is_some_and(|w| {
        let w = w.trim_start_matches(is_ayn);
        vocab.index.given.contains_key(&fold(w))
    });
    let named = dated || honored || known || words.len() >= 3 && words.iter().any(particle);
    let ok = (2..=8).contains(&words.len())
        && words.iter().all(|w| is_name_token(w, vocab))
        && !is_particle(family, vocab)
        && named;
    ok.then(|| Person {
        family: family.to_string(),
        given: Some(given.join(" ")),
        alias: None,
    })
}

/// Two to four Latin or Cyrillic words, two at least capitalised and the
/// rest name particles, and nothing else, read
/// as a name printed given name first: `Xəqani Şirvani`, `Садр ад-дин
/// Хусайни` (the family name is the last word).
pub(crate) fn sentence_name(text: &str, vocab: &Vocabulary) -> Option<Person> {
    let words: Vec<&str> = text
        .trim()
        .trim_end_matches('.')
        .split_whitespace()
        .collect();
    // "`Abd al-Wahhab Khallaf", "Abu-Bakr ibn `Abdullah Abu-Zayd": an
    // opening ʿayn, and a capital after a hyphen, are a name's.
    let capital = |w: &&str| {
        let mut chars = w.trim_start_matches(opening_ayn).chars();
        let mut prev = ' ';
        chars.next().is_some_and(|c| {
            c.is_uppercase() && matches!(script_of(c), Some(Script::Latin | Script::Cyrillic))
        }) && chars.all(|c| {
            let ok = c.is_lowercase()
                || matches!(c, '\'' | '’')
                || is_hyphen(c)
                || is_ayn(c)
                || c.is_uppercase() && is_hyphen(prev);
            prev = c;
            ok
        })
    };
    // "Садр ад-дин Али ал-Хусайни": particles and words they open count.
    let particle = |w: &&str| is_particle(w, vocab) || is_particle_prefixed(w, vocab);
    let capitals = words.iter().filter(|w| capital(w)).count();
    // A nasab chain is longer: "`Abd al-Karim ibn `Ali ibn Muhammad
    // al-Namlah".
    let longest = if words.iter().any(|w| is_particle(w, vocab)) {
        8
    } else {
        4
    };
    if !(2..=longest).contains(&words.len())
        || capitals < 2
        || !words.iter().all(|w| capital(w) || particle(w))
    {
        return None;
    }
    let (given, family) = words.split_at(words.len() - 1);
    Some(Person {
        family: family[0].to_string(),
        given: Some(given.join(" ")),
        alias: None,
    })
}

/// The text before the first comma (Latin or Arabic) and the text after it.
fn split_comma(text: &str) -> Option<(&str, &str)> {
    let at = text.find([',', '،'])?;
    let comma = text[at..].chars().next().map_or(1, char::len_utf8);
    Some((&text[..at], &text[at + comma..]))
}

/// A word of a long traditional name: a capitalised Latin or Cyrillic word
/// (an opening `‘` or `ʿ` for the letter ʿayn allowed), or a particle.
fn is_name_token(w: &str, vocab: &Vocabulary) -> bool {
    if is_particle(w, vocab) || is_particle_prefixed(w, vocab) {
        return true;
    }
    let core = w.trim_start_matches(|c| is_ayn(c) || matches!(c, '\'' | '’'));
    let Some(first) = core.chars().next() else {
        return false;
    };
    is_capital(first)
        && matches!(script_of(first), Some(Script::Latin | Script::Cyrillic))
        && core
            .chars()
            .all(|c| c.is_letter() || is_hyphen(c) || is_ayn(c) || matches!(c, '\'' | '’'))
}

/// `b.`, `ibn`, `bin`: a particle of `bib/names.toml`.
pub(crate) fn is_particle(w: &str, vocab: &Vocabulary) -> bool {
    vocab.index.particles.contains_key(&fold(w))
}

/// `al-Tayyib`, `ibn-Sina`: a word opened by a particle that ends in a hyphen.
fn is_particle_prefixed(w: &str, vocab: &Vocabulary) -> bool {
    let f = fold(&w.replace('\u{2011}', "-"));
    vocab
        .index
        .particle_prefixes
        .iter()
        .any(|p| f.starts_with(p.as_str()) && f.len() > p.len())
}

/// APA's date element saying there is none: `(n.d.)`, `(No Date)`,
/// `(tarih yok)`, `(بی تا)` (`bib/imprint.toml` `no_date`).
fn no_date_paren(t: &str, vocab: &Vocabulary) -> bool {
    t.strip_prefix('(')
        .is_some_and(|inner| word(&vocab.index.no_date).parse(inner.trim_start()).is_ok())
}

fn looks_like_year_paren(t: &str) -> bool {
    let Some(inner) = t.strip_prefix('(') else {
        return false;
    };
    // A season or month before the year, a day before the month: "(تابستان
    // 1374)", "(Fall 2006)", "(اسفند ماه 1397)", "(21 دی 1392)".
    let inner = inner.trim_start();
    let long_number = |w: &str| w.chars().take_while(|c| is_digit(*c)).count() >= 3;
    let words = inner.split_whitespace().take(4).position(long_number);
    let inner = match words {
        Some(n @ 1..=3) => inner.split_whitespace().nth(n).unwrap_or(inner),
        _ => inner,
    };
    let digits: usize = inner.chars().take_while(|c| is_digit(*c)).count();
    digits >= 3
}

/// A Latin or Cyrillic name opened by "son of" (`bib/names.toml`
/// `nasab_openers`), `Ibn Hajar Asqalani`: the whole is the family name.
fn nasab_whole(text: &str, vocab: &Vocabulary) -> Option<Person> {
    let words: Vec<&str> = text.trim_end_matches('.').split_whitespace().collect();
    let opened = words
        .first()
        .is_some_and(|w| vocab.names.nasab_openers.iter().any(|o| fold(o) == fold(w)));
    (opened && (2..=5).contains(&words.len()) && words.iter().all(|w| is_name_token(w, vocab)))
        .then(|| Person {
            family: words.join(" "),
            given: None,
            alias: None,
        })
}

/// One person filling the whole of `text` (a responsibility statement's
/// name): any form, bare words included, ordered by the same rules as an
/// author block and, when nothing decides, given name first.
/// The author printed after the title in a list printed title first: a
/// traditional name with its particles however long (`Abu Bakr Ahmad Ibn
/// 'Ali al-Razi al-Jassas`: the family is the last word,
/// [`statement_name`]), a name in its natural order closed by a laqab or
/// nisba with the article (`Muhsin al-Amin`), or else any one name
/// ([`single`]).
pub(crate) fn name_after_title(text: &str, vocab: &Vocabulary) -> Option<Person> {
    let words: Vec<&str> = text
        .trim()
        .trim_end_matches('.')
        .split_whitespace()
        .collect();
    let natural_laqab = || {
        let (family, given) = words.split_last()?;
        let named = (2..=8).contains(&words.len())
            && is_particle_prefixed(family, vocab)
            && !given.iter().all(|w| is_particle_prefixed(w, vocab))
            && words.iter().all(|w| is_name_token(w, vocab));
        named.then(|| Person {
            family: (*family).to_string(),
            given: Some(given.join(" ")),
            alias: None,
        })
    };
    nasab_whole(text.trim(), vocab)
        .or_else(|| statement_name(text, vocab))
        .or_else(natural_laqab)
        .or_else(|| single(text, vocab))
}

pub(crate) fn single(text: &str, vocab: &Vocabulary) -> Option<Person> {
    let t = text.trim();
    if let Some(p) = nasab_whole(t, vocab) {
        return Some(p);
    }
    if let Ok((rest, (p, _))) = person(vocab, true).parse(t)
        && rest.trim().trim_end_matches('.').is_empty()
    {
        return Some(p);
    }
    let t = t.trim_end_matches('.');
    let (t, _) = honorifics(vocab).parse(t).ok()?;
    let words: Vec<&str> = t.split_whitespace().collect();
    // "Abu Hanifa al-Diniwari": a word opened by a particle and a hyphen is
    // a name's word in lower case (`bib/names.toml` `particles`).
    let name =
        |w: &str| name_word(w).is_ok_and(|(r, _)| r.is_empty()) || is_particle_prefixed(w, vocab);
    if words.is_empty()
        || words.len() > 4
        || !words.iter().all(|w| name(w))
        || words.iter().all(|w| is_particle_prefixed(w, vocab))
    {
        return None;
    }
    if words.len() == 1 {
        return Some(Person {
            family: words[0].to_string(),
            given: None,
            alias: None,
        });
    }
    Some(split_bare(&words, vocab, true).unwrap_or_else(|| Person {
        family: words[words.len() - 1].to_string(),
        given: Some(words[..words.len() - 1].join(" ")),
        alias: None,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    type Names = Vec<(String, Option<String>, Option<String>)>;

    fn family_given(b: Option<AuthorBlock>) -> Option<(String, Option<String>)> {
        b.map(|b| (b.people[0].family.clone(), b.people[0].given.clone()))
    }

    /// The family names of a block and the text after it.
    fn families(text: &str) -> Option<(Vec<String>, String)> {
        block(text).map(|(names, rest)| (names.into_iter().map(|n| n.0).collect(), rest))
    }

    #[test]
    fn initials_then_given_names_then_the_family_name() {
        // Turkish footnotes print the given names after an initial, the
        // family name last before the comma.
        let (names, rest) = block("A. Zeki Velidî Togan, Umumî Türk Tarihine Giriş, İstanbul 1981")
            .expect("a name");
        assert_eq!(
            names,
            [(
                "Togan".to_string(),
                Some("A. Zeki Velidî".to_string()),
                None
            )]
        );
        assert!(rest.trim_start().starts_with("Umumî"), "{rest}");
        let (names, _) =
            block("M. Fuad Köprülü, Türk Edebiyatında İlk Mutasavvıflar").expect("a name");
        assert_eq!(
            names,
            [("Köprülü".to_string(), Some("M. Fuad".to_string()), None)]
        );
    }

    #[test]
    fn a_traditional_name_after_the_title() {
        let v = Vocabulary::builtin();
        let fam = |t: &str| name_after_title(t, &v).map(|p| p.family);
        assert_eq!(
            fam("Abu Bakr Ahmad Ibn 'Ali al-Razi al-Jassas").as_deref(),
            Some("al-Jassas")
        );
        assert_eq!(fam("Muhsin al-Amin").as_deref(), Some("al-Amin"));
        assert_eq!(fam("Ibn Athir").as_deref(), Some("Ibn Athir"));
        assert_eq!(fam("Hisham Kalbi").as_deref(), Some("Kalbi"));
    }

    #[test]
    fn a_persian_name_before_a_title_that_reads_as_prose() {
        let v = Vocabulary::builtin();
        let fam = |t: &str| {
            persian_name_before_title(t, &v).map(|b| {
                b.people
                    .iter()
                    .map(|p| p.family.clone())
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(
            fam("فخرالدین عظیمی، بحران دموکراسی در ایران، 1320-1332، تهران، البرز، 1372، ص 27."),
            Some(vec!["عظیمی".to_string()])
        );
        assert_eq!(
            fam("الیور باست، آلمانیها در ایران: نگاهی به تحولات ایران، تهران، 1400."),
            Some(vec!["باست".to_string()])
        );
        assert_eq!(
            fam("سیدمصطفی منصورالسلطنه عدل، حقوق اساسی یعنی اصول مشروطیت دول، تهران، 1327."),
            Some(vec!["عدل".to_string()])
        );
        // A title and its author after it: the name holds no prose.
        assert_eq!(
            fam("تاريخ گزيده، حمدالله مستوفى، انتشارات امیرکبیر، تهران"),
            None
        );
        // A title, then another part of it joined by "and": no sign of prose.
        assert_eq!(fam("زبان پهلوی ، ادبیات و دستور آن - ژاله آموزگار"), None);
        // A first part holding a function word is a title.
        assert_eq!(fam("سفر به ایران، خاطرات در سفر، تهران"), None);
        // The given names of an inverted name before the quoted title.
        assert_eq!(
            fam("دهسرخی اصفهانی، سید محمود موسوی «رمز المصیبه : فی مقتل»، قم۱۳۷۱ ش."),
            None
        );
        // More words than a name.
        assert_eq!(
            fam("مشروح مذاکرات جلسه یکصد و پانزدهم، دوره دوازدهم مجلس شورای ملی در تهران"),
            None
        );
        // A country named in the title; a bracketed laqab after the name; a
        // Latin initial in Persian letters.
        assert_eq!(
            fam("نیکی کدی، ریشههای انقلاب ایران، ترجمه عبدالرحیم گواهی، ج 2، تهران، 1375."),
            Some(vec!["کدی".to_string()])
        );
        let b = persian_name_before_title(
            "مهدیقلیخان هدایت (مخبرالسلطنه)، گزارش ایران، به اهتمام محمدعلی صوتی، تهران، نقره، 1363.",
            &v,
        )
        .expect("a name");
        assert_eq!(b.people[0].family, "هدایت");
        assert_eq!(b.people[0].alias.as_deref(), Some("مخبرالسلطنه"));
        assert_eq!(
            fam(
                "ویلیام جی. اولسون، روابط ایران و انگلستان در جنگ جهانی اول، ترجمه: حسین زنگنه، تهران."
            ),
            Some(vec!["اولسون".to_string()])
        );
        // The country in the first part: a title before its author.
        assert_eq!(
            fam("تاریخ ادبی ایران، ادوارد براون، ترجمه علی پاشا صالح، تهران"),
            None
        );
    }

    #[test]
    fn a_single_name_may_end_in_a_particle_prefixed_word() {
        let v = Vocabulary::builtin();
        let p = single("Abu Hanifa al-Diniwari", &v).expect("a name");
        assert_eq!(p.family, "al-Diniwari");
        assert!(name_second(
            "Akhbar al-Tiwal, Abu Hanifa al-Diniwari, Cairo, 1960",
            false,
            &v
        ));
        // Particle-prefixed words alone are no name.
        assert_eq!(single("al-Ahkam al-Sultaniyya", &v), None);
    }

    #[test]
    fn a_latin_name_given_first_before_a_title_that_reads_as_prose() {
        let v = Vocabulary::builtin();
        let fam = |t: &str| latin_name_before_title(t, &v).map(|b| b.people[0].family.clone());
        assert_eq!(
            fam(
                "Musa Çadırcı, Tanzimat Döneminde Anadolu Kentleri’nin Sosyal ve Ekonomik Yapısı, Ankara 2025."
            ),
            Some("Çadırcı".to_string())
        );
        assert_eq!(
            fam(
                "Nasrollah S. Fatemi, Diplomatic History of Persia, 1917-1923: Anglo-russian Power Politics in Iran, NewYork, 1952"
            ),
            Some("Fatemi".to_string())
        );
        assert_eq!(
            fam(
                "Georgi Zeydan, “History of Islamic Civilisation”, translated by Ali Javaher Kalam, Tehran, 1352."
            ),
            Some("Zeydan".to_string())
        );
        // A title and its author: the second part reads as a name.
        assert_eq!(fam("Bist Guftar, Mahdi Muhaqqiq, Tehran, 1355 Sh"), None);
        // A title in capitals throughout, with only imprint and locators
        // after it: the order is told by them.
        assert_eq!(
            fam("Saim Sakaoğlu, Efsane Araştırmaları, Konya 2009"),
            Some("Sakaoğlu".to_string())
        );
        assert_eq!(
            fam("Mohsin Abdul Hameed, Haqeequa Al-Babia Wa'l Bahaiah, p. 48."),
            Some("Hameed".to_string())
        );
        // Two name words after an unknown first name: a title and its author.
        assert_eq!(fam("Efsane Araştırmaları, Tedo Sakhokia, Konya 2009"), None);
        assert_eq!(fam("Izháq al-batil, Kirman, 1392/1972, p. 14."), None);
        // A volume is no title, a country in no name.
        assert_eq!(
            fam("Azərbaycan Sovet Ensiklopediyası, IV c., Bakı, 1980."),
            None
        );
        // One title parted by a comma.
        assert_eq!(
            fam("The Qur’an, with an English Paraphrase, tr. Sayyid ‘Ali Quli Qara’i, Qum, 2003."),
            None
        );
    }

    #[test]
    fn common_given_names_before_the_family_name() {
        let got = families("Rəfik Özdək. Türkün qızıl kitabı. -I kitab, Yazıçı, 1992.");
        assert_eq!(got.expect("block").0, ["Özdək"]);
        // A title glued to the period after a known given name.
        let (names, rest) =
            families("Solmaz Qaşqay.Manna dövləti.-Azərbaycan Dövlət Nəşriyyatı, Bakı,1993.")
                .expect("block");
        assert_eq!(
            (names, rest.as_str()),
            (
                vec!["Qaşqay".to_string()],
                "Manna dövləti.-Azərbaycan Dövlət Nəşriyyatı, Bakı,1993."
            )
        );
        // Arabic script: the given name first, closed by a comma, not an
        // inverted family name.
        let got = families("حبیب لاجوردی، خاطرات، تهران، کتاب نادر، 1383، ص 175.");
        assert_eq!(got.expect("block").0, ["لاجوردی"]);
        let got = families("خلیل ملکی و همایون کاتوزیان، خاطرات سیاسی خلیل ملکی، تهران، 1392.");
        assert_eq!(got.expect("block").0, ["ملکی", "کاتوزیان"]);
        let v = Vocabulary::builtin();
        assert!(opens_with_given(
            "احسان طبری، جامعه ایران در دوران رضاشاه، تهران",
            &v
        ));
        // An inverted name whose family does not open with a given name.
        assert!(!opens_with_given("بیات، کاوه، تهران", &v));
        // After a title of address.
        assert!(opens_with_given(
            "حاج مهدی قلی هدایت، خاطرات و خطرات، تهران",
            &v
        ));
        let got = families("حاج مهدی قلی هدایت، خاطرات و خطرات، تهران، انتشارات زوار، 1389.");
        assert_eq!(got.expect("block").0, ["هدایت"]);
        // APA's year after the given names: the comma inverts the name.
        let got = families("اکبر آبادی، ولی محمد (۱۳۸۳) شرح مثنوی مولوی، تهران: نشر قطره.");
        assert_eq!(got.expect("block").0, ["اکبر آبادی"]);
        assert!(!opens_with_given(
            "اکبر آبادی، ولی محمد (۱۳۸۳) شرح مثنوی",
            &v
        ));
        // Two capitalised title words are no name.
        assert!(block("Azərbaycan tarixi.Bakı, 1994.").is_none());
    }

    #[test]
    fn vancouver_initials_without_periods() {
        let got = families("Al-Bihbahānī MBW. Al-Fawāʾid Al-Ḥāʾirīyyat. Qum, 1994.");
        assert_eq!(got.expect("block").0, ["Al-Bihbahānī"]);
        let (names, rest) =
            block("Al-Ḥur Al-ʿĀmilī M Ḥ. ʾAmal Al-ʾĀmil. 2 vols, Baghdād, n.d.").expect("block");
        assert_eq!(names[0].0, "Al-Ḥur Al-ʿĀmilī");
        assert_eq!(names[0].1.as_deref(), Some("M Ḥ"));
        assert_eq!(rest, " ʾAmal Al-ʾĀmil. 2 vols, Baghdād, n.d.");
        let got = families("Smith JA, Jones BK. A study. London, 1990.");
        assert_eq!(got.expect("block").0, ["Smith", "Jones"]);
        // A Roman numeral, or one initial with its period, is not this form.
        assert!(vancouver("World War II. London, 1990.").is_none());
        assert!(vancouver("Ivanov I. I. Istoriya. M., 1990.").is_none());
    }

    #[test]
    fn an_author_after_the_title() {
        let v = Vocabulary::builtin();
        let name = |t: &str| statement_name(t, &v).map(|p| p.family);
        assert_eq!(
            name("‘Ali ibn al-Husayn al-Mas‘udi (born 346 AH)").as_deref(),
            Some("al-Mas‘udi")
        );
        assert_eq!(name("Muhammad Mahdi Najafi.").as_deref(), Some("Najafi"));
        assert_eq!(name("Shaykh ‘Ali Yazdi Ha’iri.").as_deref(), Some("Ha’iri"));
        assert_eq!(name("‘Umar Rida-Kahalah.").as_deref(), Some("Rida-Kahalah"));
        // Capitalised words with nothing that says they are a name.
        assert_eq!(name("Political History."), None);
        assert_eq!(name("Majma‘ al-Bayan."), None);
    }

    #[test]
    fn title_then_author_takes_the_name_out_of_the_segments() {
        let v = Vocabulary::builtin();
        let ctx = Ctx::new(&v, None);
        let read = |t: &str| {
            let mut segs = super::super::imprint::segments(t, 0, t.len(), &ctx);
            let person = title_then_author(t, &mut segs, &ctx).map(|p| p.family);
            (
                person,
                t[segs[0].range.clone()].trim().to_string(),
                segs.len(),
            )
        };
        // A one-word title that would pass for a traditional name.
        let t = "Al-Ihtijaj. Ahmad ibn ‘Ali at-Tabarsi (6th century AH). Najaf: Dar al-Nu‘man, 1386 AH.";
        assert!(author_block(t, &v).is_none());
        assert_eq!(read(t).0.as_deref(), Some("at-Tabarsi"));
        let t = "Bayan al-A’immah. Muhammad Mahdi Najafi. Qum, 1408 AH.";
        let (family, title, _) = read(t);
        assert_eq!(
            (family.as_deref(), title.as_str()),
            (Some("Najafi"), "Bayan al-A’immah")
        );
        // The dates close the name: a place the vocabulary does not know
        // may follow.
        let t = "Al-Ihtijaj. Ahmad ibn ‘Ali at-Tabarsi (6th century AH). Najaf al-Ashraf: Dar al-Nu‘man, 1386 AH.";
        assert_eq!(read(t).0.as_deref(), Some("at-Tabarsi"));
        let t = "Al-Ihtijaj. Ahmad ibn ‘Ali at-Tabarsi. Najaf al-Ashraf: Dar al-Nu‘man, 1386 AH.";
        assert_eq!(read(t).0, None);
        // Title, colon, author is read before the author block, by
        // `assign::title_colon_author` (tested there).
    }

    #[test]
    fn a_sort_key_and_year_before_the_entry_name_the_family() {
        let v = Vocabulary::builtin();
        let t = "Peacock 2014 Andrew C. S. Peacock, “Court Historiography”, Iranian Studies";
        let (block, year) = keyed_name(t, &v).expect("keyed");
        assert_eq!(block.people[0].family, "Peacock");
        assert_eq!(block.people[0].given.as_deref(), Some("Andrew C. S."));
        assert_eq!(&t[year], "2014");
        assert!(t[block.len..].starts_with(" “Court"));
        let t = "Vincent 1381/2002 Andrew Vincent, Nazariyyehâ-yi Devlet, c. III";
        let (block, year) = keyed_name(t, &v).expect("keyed");
        assert_eq!(
            (block.people[0].family.as_str(), &t[year]),
            ("Vincent", "1381/2002")
        );
        // The name must end with the key.
        assert!(keyed_name("Peacock 2014 Andrew C. S. Smith, “Court”", &v).is_none());
        assert!(keyed_name("Tarih 1998 yılında Türkiye, Ankara", &v).is_none());
    }

    #[test]
    fn the_opening_says_whether_a_list_prints_the_title_first() {
        let v = Vocabulary::builtin();
        let evidence = |t: &str| title_first_evidence(t, false, &v);
        // A whole name after the first comma, the imprint after it.
        let t = "Behar Al-Anwar, Muhammad Baqir Majlisi, Dar Al-Ihya, Beirut, 1403 AH.";
        assert_eq!(evidence(t), Some(true));
        let t = "بررسى وضع مالى و ماليه مسلمين، ابوالقاسم اجتهادى، انتشارات سروش، 1363.";
        assert_eq!(evidence(t), Some(true));
        // Given names alone: the comma inverted the author's name.
        let t = "Majlisi, Muhammad Baqir, Bihar al-Anwar, Beirut, 1404/1983.";
        assert_eq!(evidence(t), Some(false));
        // A title after the name: an inverted name before it.
        let t = "‘Amili, Muhammad b. Makki, Al-Dhikra, Lithography.";
        assert_eq!(evidence(t), None);
        let t = "Ilzam an-Nasib. Shaykh ‘Ali Yazdi Ha’iri. Qum, 1404 AH.";
        assert_eq!(title_first_evidence(t, true, &v), Some(true));
        assert!(name_second(
            "Tarikh Al-Tabari, Tabari, Uroomiyah Bookstall Publications",
            false,
            &v
        ));
        assert!(name_second(
            "Al-Usul as-Sittah. Researched by Hasan Mustafawi. Tehran",
            true,
            &v
        ));
        assert!(!name_second(
            "Tarikh, Uroomiyah Bookstall Publications, Qom",
            false,
            &v
        ));
    }

    #[test]
    fn apa_names_with_their_period_or_lower_case_initials_before_the_year() {
        let v = Vocabulary::builtin();
        let read = |t: &str| {
            persian_apa(t, &v).map(|b| (b.people[0].family.clone(), t[b.len..].to_string()))
        };
        let (family, rest) =
            read("کاشانی، مهدی خان.(1361). سفرنامۀ مبارکۀ مظفرالدین شاه").expect("name");
        assert_eq!(
            (family.as_str(), rest.as_str()),
            ("کاشانی", "(1361). سفرنامۀ مبارکۀ مظفرالدین شاه")
        );
        let (family, rest) = read("Diba, l.s. (1999). Royal Persian Painting.").expect("name");
        assert_eq!(
            (family.as_str(), rest.as_str()),
            ("Diba", "(1999). Royal Persian Painting.")
        );
        // Lower-case words are no initials.
        assert_eq!(read("Diba, la. (1999). Royal Persian Painting."), None);
    }

    #[test]
    fn a_given_name_first_before_the_comma_is_a_name_in_its_natural_order() {
        let v = Vocabulary::builtin();
        let t = "‘Ali Akbar Dihkhuda, Lughatnama, under supervision of Muhammad Mu‘iin, Tehran";
        let b = traditional_name(t, &v).expect("name");
        assert_eq!(b.people[0].family, "Dihkhuda");
        assert_eq!(b.people[0].given.as_deref(), Some("‘Ali Akbar"));
        assert!(t[b.len..].trim_start().starts_with("Lughatnama"));
        // Given names after the comma: the comma inverted the name.
        let t = "‘Ali Akbar Dihkhuda, Muhammad b. Ja‘far, Lughatnama, Tehran";
        assert_eq!(
            traditional_name(t, &v)
                .map(|b| b.people[0].family.clone())
                .as_deref(),
            Some("‘Ali Akbar Dihkhuda")
        );
    }

    #[test]
    fn an_arabic_laqab_before_an_ism_and_nasab() {
        let v = Vocabulary::builtin();
        let t = "الصدوق، محمّد بن على بن حسين بن بابويه القمىّ، معانى الأخبار، قم، 1361";
        let b = traditional_name(t, &v).expect("name");
        assert_eq!(b.people[0].family, "الصدوق");
        assert!(t[b.len..].trim_start().starts_with("معانى"));
        // A title of two words before a name is no laqab.
        let t = "انساب الاشراف، احمد بن يحيى بلاذرى، تحقيق شيخ محمدباقر محمودى، بيروت";
        assert!(traditional_name(t, &v).is_none());
    }

    #[test]
    fn a_name_opened_by_son_of_is_its_family_name_whole() {
        let v = Vocabulary::builtin();
        let p = single("Ibn Hajar Asqalani", &v).expect("name");
        assert_eq!((p.family.as_str(), p.given), ("Ibn Hajar Asqalani", None));
        // A kunya is the given part.
        let p = single("Abu Hamed Ghazzali", &v).expect("name");
        assert_eq!(p.family, "Ghazzali");
    }

    #[test]
    fn long_traditional_names_in_comma_style() {
        let v = Vocabulary::builtin();
        let got = family_given(comma_inverted(
            "Hakim Nayshaburi, Muhammad b. ‘Abd Allah, Mustadrak ‘ala al-Sahihayn, Beirut",
            &v,
        ));
        assert_eq!(
            got,
            Some((
                "Hakim Nayshaburi".into(),
                Some("Muhammad b. ‘Abd Allah".into())
            ))
        );
        // A title after the comma is no given name.
        assert!(comma_inverted("The Qur’an, with an English Paraphrase, Qum", &v).is_none());
        // Nothing after the names: no block.
        assert!(comma_inverted("Majlisi, Muhammad Baqir, ", &v).is_none());
    }

    #[test]
    fn no_inversion_whose_given_names_leave_only_the_imprint() {
        let v = Vocabulary::builtin();
        // Only a place, a year, a publisher's acronym and a page follow: the
        // "given names" are the title of a name printed given name first.
        assert!(comma_inverted("Saim Sakaoğlu, Efsane Araştırmaları, Konya 2009", &v).is_none());
        assert!(
            comma_inverted(
                "Ali Sevim, Genel Çizgileriyle Selçuklu-Ermeni İlişkileri, TTK, Ankara 1983, s. 27.",
                &v
            )
            .is_none()
        );
        // A common given name after the comma keeps the inversion.
        assert_eq!(
            family_given(comma_inverted("Nūrī Tabarsī, Mīrzā Husayn, Qum 1990", &v)),
            Some(("Nūrī Tabarsī".into(), Some("Mīrzā Husayn".into())))
        );
        // The same when the "given names" end with a period.
        assert!(
            author_block("Tedo Sakhokia, Collection. 1969, p. 65.", &v)
                .is_none_or(|b| b.people[0].family != "Tedo Sakhokia")
        );
        assert!(imprint_only(", TTK, Ankara 1983, s. 27.", &v));
        assert!(imprint_only(" p. 48.", &v));
        assert!(!imprint_only(
            ", Dar Al-Fikr Publications, Beirut, 1408 AH.",
            &v
        ));
    }

    #[test]
    fn one_name_before_a_title_in_a_note() {
        let v = Vocabulary::builtin();
        assert_eq!(
            family_given(comma_name(
                "Al-ʿAzzāwī, Taʾrīkh al-ʿIrāq, vol. 7, p. 63.",
                &v
            )),
            Some(("Al-ʿAzzāwī".into(), None))
        );
        assert_eq!(
            family_given(comma_name("Ibn Khallakan, Wafiyat al-A‘yan, Cairo", &v)),
            Some(("Ibn Khallakan".into(), None))
        );
        assert!(comma_name("Servet-i Fünûn, c.X, s.244", &v).is_none());
        // An opener and up to three words: the name whole, in its order.
        assert_eq!(
            family_given(comma_name(
                "Abu Jayb Saʿdi, Al-Qamus al-Fiqhi, 2nd edition, Dar al-Fikr",
                &v
            )),
            Some(("Abu Jayb Saʿdi".into(), None))
        );
        assert!(comma_name("Abu Jayb Saʿdi Wa Kitab, Al-Qamus al-Fiqhi, Dar", &v).is_none());
    }

    #[test]
    fn initials_glued_to_the_family_name_and_the_title() {
        let (names, _) = block("S.A.Pletneva. Xazarı. -S., 1976.").expect("block");
        assert_eq!(names[0].0, "Pletneva");
        assert_eq!(names[0].1.as_deref(), Some("S.A."));
        let (names, _) = block("R.Əliyev.Şirvan xanlığı tarixindən.-Bakı,1999.").expect("block");
        assert_eq!(names[0].0, "Əliyev");
        let (names, _) = block("Bağırov Ə.A. L.Tolstoy və Azərbaycan (1880-1920). Bakı, Elm, 1974")
            .expect("block");
        assert_eq!(names[0].0, "Bağırov");
        assert_eq!(names[0].1.as_deref(), Some("Ə.A."));
    }

    #[test]
    fn the_hyphenated_initials_of_a_compound_given_name() {
        let (names, _) = block(
            "Арсалиев Ш.М-Х. Этнопедагогическая система в образовательном пространстве / Известия",
        )
        .expect("block");
        assert_eq!(names[0].0, "Арсалиев");
        assert_eq!(names[0].1.as_deref(), Some("Ш.М-Х."));
    }

    #[test]
    fn an_initial_and_a_middle_name_before_the_family_name() {
        let (names, _) =
            block("M. Sadık Bilge, Osmanlı Devleti ve Kafkasya, İstanbul: Eren Yayıncılık, 2005")
                .expect("block");
        assert_eq!(names[0].0, "Bilge");
        assert_eq!(names[0].1.as_deref(), Some("M. Sadık"));
    }

    #[test]
    fn three_glued_initials_after_an_inverted_name() {
        let (names, _) = block("Dūghlāt, M.M.Ḥ. 2003. Tārīkhi Rashīdī.").expect("block");
        assert_eq!(names[0].0, "Dūghlāt");
        assert_eq!(names[0].1.as_deref(), Some("M.M.Ḥ."));
    }

    #[test]
    fn a_family_name_in_capitals_comes_first() {
        let (names, _) = block("MORRISON Alexander, 2006: “Russian Rule”, Review").expect("block");
        assert_eq!(names[0].0, "MORRISON");
        assert_eq!(names[0].1.as_deref(), Some("Alexander"));
    }

    #[test]
    fn names_family_first_are_joined_by_a_space_alone() {
        assert_eq!(
            families_only(
                "Будагов Б. А. Микаилов А. А., Развитие и формирование ландшафтов. Баку. 1985."
            ),
            vec![s("Будагов"), s("Микаилов")]
        );
        assert_eq!(
            families_only(
                "Budaqov B.Ə. Qeybullayev Q. Ermənistanda Azərbaycan mənşəli toponimlər. Bakı, 1988."
            ),
            vec![s("Budaqov"), s("Qeybullayev")]
        );
        // A word and a Roman numeral after the name open the title.
        assert_eq!(
            families_only("Əliyev R. Tarix V. Bakı, 1990."),
            vec![s("Əliyev")]
        );
        // A word and an initial followed by a small letter are no name.
        assert_eq!(
            families_only("Əliyev R. Azərbaycan S. və Rusiya. Bakı, 1990."),
            vec![s("Əliyev")]
        );
        // Nor is a title's word before another person's initials.
        assert_eq!(
            families_only("Шевелев А.Н. Фонд В.Я. Стоюнина в Российской национальной библиотеке"),
            vec![s("Шевелев")]
        );
    }

    #[test]
    fn a_capital_b_with_a_period_is_an_initial_not_a_particle() {
        assert_eq!(
            families_only(
                "Babayev M. R., Cəfərov A. B., və b. Xırda təsərrüfat torpaqları. Bakı, 2000."
            ),
            vec![s("Babayev"), s("Cəfərov")]
        );
    }

    /// The family names of the block at the start of `text`, none without one.
    fn families_only(text: &str) -> Vec<String> {
        families(text).map(|(names, _)| names).unwrap_or_default()
    }

    fn block(text: &str) -> Option<(Names, String)> {
        let v = Vocabulary::builtin();
        author_block(text, &v).map(|b| {
            (
                b.people
                    .into_iter()
                    .map(|p| (p.family, p.given, p.alias))
                    .collect(),
                text[b.len..].to_string(),
            )
        })
    }

    fn fam(text: &str) -> Vec<(String, Option<String>)> {
        block(text)
            .map(|b| b.0.into_iter().map(|p| (p.0, p.1)).collect())
            .unwrap_or_default()
    }

    fn s(x: &str) -> String {
        x.to_string()
    }

    #[test]
    fn seed_forms() {
        assert_eq!(
            fam("Həsənli Cəmil. (2012) Sovet"),
            vec![(s("Həsənli"), Some(s("Cəmil")))]
        );
        assert_eq!(
            block("İbrahimov (Şahin) Tağı. (1993) İran").map(|b| b.0),
            Some(vec![(s("İbrahimov"), Some(s("Tağı")), Some(s("Şahin")))])
        );
        assert_eq!(
            fam("Rüstəmov-Tohidi Solmaz. (2001) X"),
            vec![(s("Rüstəmov-Tohidi"), Some(s("Solmaz")))]
        );
        assert_eq!(
            fam("М.И. Володарский. (1985) Советы"),
            vec![(s("Володарский"), Some(s("М.И.")))]
        );
        assert_eq!(
            fam("کاوه بیات (1388). توفان"),
            vec![(s("بیات"), Some(s("کاوه")))]
        );
        assert_eq!(
            fam("دکتر ایرج ذوقی. (1367) ایران"),
            vec![(s("ذوقی"), Some(s("ایرج")))]
        );
    }

    #[test]
    fn titles_are_not_names() {
        assert!(block("Документы внешней политики СССР. (1959) Том II.").is_none());
        assert!(block("روابط تاریخی ایران و روسیه. (1390) (نگاه)").is_none());
        assert!(block("Azərbaycan Xalq Cümhuriyyəti Ensiklopediyası, iki cilddə").is_none());
        assert!(block("Azərbaycan tarixi. Bakı, 2005.").is_none());
        assert!(block("Azərbaycan, İran və Türkiyə münasibətləri. Bakı").is_none());
    }

    #[test]
    fn lists_and_inversions() {
        assert_eq!(
            fam("Иванов И.И., Петров П. П. Название. М., 1990."),
            vec![
                (s("Иванов"), Some(s("И.И."))),
                (s("Петров"), Some(s("П. П.")))
            ]
        );
        assert_eq!(
            fam("Smith, J., & Doe, J. (1990). Title."),
            vec![(s("Smith"), Some(s("J."))), (s("Doe"), Some(s("J.")))]
        );
        assert_eq!(
            fam("Smith, John, and Jane Doe. The Book."),
            vec![(s("Smith"), Some(s("John"))), (s("Doe"), Some(s("Jane")))]
        );
        assert_eq!(
            fam("بیات، کاوه (۱۳۸۸). توفان"),
            vec![(s("بیات"), Some(s("کاوه")))]
        );
        assert_eq!(
            fam("Ahmet Yılmaz, \"Makale\", Dergi"),
            vec![(s("Yılmaz"), Some(s("Ahmet")))]
        );
        assert_eq!(
            fam("Bəndəliyev N.S. Dağlıq Şirvanın toponimləri."),
            vec![(s("Bəndəliyev"), Some(s("N.S.")))]
        );
        assert_eq!(
            fam("Abışov E., El-oba adlarının izi ilə, Bakı"),
            vec![(s("Abışov"), Some(s("E.")))]
        );
    }

    #[test]
    fn traditional_names_inverted_with_particles() {
        assert_eq!(
            fam(
                "Ibn al-Jawzi, Abu’l-Faraj ‘Abd ar-Rahman ibn ‘Ali. Al-Muntazim fi Tarikh al-Umam. Beirut"
            ),
            vec![(
                s("Ibn al-Jawzi"),
                Some(s("Abu’l-Faraj ‘Abd ar-Rahman ibn ‘Ali"))
            )]
        );
        assert_eq!(
            fam("Abi Dawud Sajistani, Sulayman b. Ashʿath, Sunan Abi Dawud, ed. Saʿid"),
            vec![(s("Abi Dawud Sajistani"), Some(s("Sulayman b. Ashʿath")))]
        );
        // A death date in brackets belongs to the name; the entry's year
        // in brackets ends it.
        assert_eq!(
            fam("al‑Azdi, Abu Zakariyya Yazid (d. 334/945), Tarikh al‑Mawsil, vol. 2"),
            vec![(s("al‑Azdi"), Some(s("Abu Zakariyya Yazid (d. 334/945)")))]
        );
        let (names, rest) =
            block("Al-Ṭabāṭabāī al-Yazdī, A.M.K. (n.d). Al-Ghāyah al-Ḳuṣwā.").expect("block");
        assert_eq!(names[0].0, "Al-Ṭabāṭabāī al-Yazdī");
        assert_eq!(rest, "(n.d). Al-Ghāyah al-Ḳuṣwā.");
        assert_eq!(
            fam("Aflākī, Šams al-Dīn Aḥmad (1983), manāqeb al-ʿārefīn, Tehrān"),
            vec![(s("Aflākī"), Some(s("Šams al-Dīn Aḥmad")))]
        );
    }

    #[test]
    fn traditional_names_opened_by_a_particle_are_whole() {
        assert_eq!(
            fam("Ibn Taqtaqa’. Al-Fakhri fi’l-Adab as-Saltaniyyah. Beirut: Dar Sadir"),
            vec![(s("Ibn Taqtaqa’"), None)]
        );
        assert_eq!(
            fam("Abu Muhammad Ahmad ibn A’sam al-Kufi. Book of conquests. Baku, 1981."),
            vec![(s("Abu Muhammad Ahmad ibn A’sam al-Kufi"), None)]
        );
        // A European particle opens titles too.
        assert!(fam("Le Coran. Trans. Denise Masson. Bayrūt, 1975.").is_empty());
    }

    #[test]
    fn traditional_names_in_arabic_script() {
        assert_eq!(
            fam("ابن طاووس، السيّد علىّ بن موسي، إقبال الأعمال، طهران"),
            vec![(s("ابن طاووس"), Some(s("السيّد علىّ بن موسي")))]
        );
        assert_eq!(
            fam("الديلمىّ، الحسن بن ابى الحسن، إرشاد القلوب، قم"),
            vec![(s("الديلمىّ"), Some(s("الحسن بن ابى الحسن")))]
        );
        assert_eq!(
            block("ابن منيع (ابن سعد)، محمد بن سعد (230- 168ق)، «ترجمة الامام»، قم")
                .map(|b| b.0[0].clone()),
            Some((
                s("ابن منيع"),
                Some(s("محمد بن سعد (230- 168ق)")),
                Some(s("ابن سعد"))
            ))
        );
        assert_eq!(
            fam("بن كثير، ابو الفداء اسماعيل: البداية و النهاية، بيروت"),
            vec![(s("بن كثير"), Some(s("ابو الفداء اسماعيل")))]
        );
        // Title first: the family itself carries no mark of a name.
        assert!(fam("انساب الاشراف، احمد بن يحيى بلاذرى، تحقيق محمد، بيروت").is_empty());
    }

    #[test]
    fn romanised_names_with_ayn_and_letters_without_capitals() {
        assert_eq!(
            fam("Ja‘fariyan, Rasul. Tarikh-e Tashuyyu‘ dar Iran. Qum, 1377."),
            vec![(s("Ja‘fariyan"), Some(s("Rasul")))]
        );
        assert_eq!(
            fam("Kird-‘Ali, Muhammad. Khatat ash-Sham. Damascus, 1983."),
            vec![(s("Kird-‘Ali"), Some(s("Muhammad")))]
        );
        assert!(is_name_token("ǰūzǰānī", &Vocabulary::builtin()));
    }

    #[test]
    fn family_names_in_capitals_before_given_and_initials() {
        assert_eq!(
            fam("JOHNSON Robert A., 2003: “Russians at the Gates of India”, Journal"),
            vec![(s("JOHNSON"), Some(s("Robert A.")))]
        );
    }

    #[test]
    fn a_title_glued_to_the_closing_initials() {
        let (names, rest) =
            block("Рахмани А.А.Тарихи алем арай-и Аббаси как источник. Баку, 1960.")
                .expect("block");
        assert_eq!(names[0].0, "Рахмани");
        assert!(rest.starts_with("Тарихи"));
        let (names, rest) =
            block("Шарашанидзе З.М.«Ма’асер-е Солтанийе\" как источник. Тбилиси, 1982.")
                .expect("block");
        assert_eq!(names[0].0, "Шарашанидзе");
        assert!(rest.starts_with('«'));
    }

    #[test]
    fn a_pen_name_before_initials() {
        assert_eq!(
            block("Bəydilli (Məmmədov) C. Atalar sözü. Bakı, 2004").map(|b| b.0),
            Some(vec![(s("Bəydilli"), Some(s("C.")), Some(s("Məmmədov")))])
        );
    }

    #[test]
    fn a_statement_of_responsibility_adds_the_other_authors() {
        let v = Vocabulary::builtin();
        let mut authors = single("Зембатова Л. Т.", &v)
            .into_iter()
            .collect::<Vec<_>>();
        let statement = ["Л. Т. Зембатова", "С. Р. Хаблиева"]
            .iter()
            .filter_map(|n| single(n, &v))
            .collect();
        merge_statement(&mut authors, statement);
        let families: Vec<&str> = authors.iter().map(|p| p.family.as_str()).collect();
        assert_eq!(families, ["Зембатова", "Хаблиева"]);
    }

    #[test]
    fn inverted_names_in_capitals_joined_by_a_space() {
        assert_eq!(
            fam("GÜMÜŞ, H. KOÇAK, F. (2010). Konya İl Merkezi Envanteri, Konya."),
            vec![(s("GÜMÜŞ"), Some(s("H."))), (s("KOÇAK"), Some(s("F.")))]
        );
        assert_eq!(
            fam("SÖNMEZ, M.. AKMAYDALI, H. (1987), “Konya Çeşmeleri”, Ankara"),
            vec![
                (s("SÖNMEZ"), Some(s("M."))),
                (s("AKMAYDALI"), Some(s("H.")))
            ]
        );
    }

    #[test]
    fn a_no_date_bracket_closes_the_block() {
        let (names, rest) =
            block("Tanoukhi, Abou Ali Mohsen (No Date). Faraj ba’d al-Shidda. Tehran")
                .expect("block");
        assert_eq!(names[0].0, "Tanoukhi");
        assert!(rest.starts_with(" (No Date)"));
    }
}
