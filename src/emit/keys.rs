//! Emit: citation keys — ASCII, readable, stable across runs and unique within a list.
//!
//! A readable key is the first author's family name, or, without an author,
//! the archive and fond of an archival entry (`arda28`) or the first
//! significant word of the title (`dokumenty1959`), transliterated to ASCII
//! with `any_ascii` (`ə` -> `e`, `Ш` -> `sh`), Persian words by their ALA-LC
//! romanisation in `bib/romanisation-fa.toml` (`بیات` -> `bayat`, not the
//! skeleton `byt`), lower-cased, letters
//! and digits only, followed by the year. When several entries of a list get
//! the same key, all of them take a suffix in list order: `dokumenty1959a`,
//! `dokumenty1959b`. Keys depend only on the list, never on the run.

use crate::script::Letter;
use std::collections::{BTreeMap, HashSet};
use std::sync::LazyLock;

use serde::Deserialize;

use crate::model::{Reference, ReferenceKind};

use super::fields::VOCAB;

/// How citation keys are made.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum KeyStyle {
    /// `hesenli2012`, `arda28a`: author or archive, then year.
    #[default]
    Readable,
    /// `ref12`: the entry's list number.
    Number,
}

impl KeyStyle {
    /// Every key style, in the order the CLI lists them.
    pub const ALL: [KeyStyle; 2] = [KeyStyle::Readable, KeyStyle::Number];

    /// The name used on the command line (`--keys number`).
    pub fn name(self) -> &'static str {
        match self {
            KeyStyle::Readable => "name",
            KeyStyle::Number => "number",
        }
    }

    /// The key style with an example (the CLI's help).
    pub fn about(self) -> &'static str {
        match self {
            KeyStyle::Readable => "`hesenli2012`, `dokumenty1959a`",
            KeyStyle::Number => "`ref12`",
        }
    }

    /// Finds a key style by name.
    pub fn from_name(name: &str) -> Option<KeyStyle> {
        match name.trim().to_ascii_lowercase().as_str() {
            "name" | "readable" | "author-year" => Some(KeyStyle::Readable),
            "number" | "numbers" => Some(KeyStyle::Number),
            _ => None,
        }
    }
}

/// One key per reference, in list order, all different.
pub fn keys(references: &[Reference], style: KeyStyle) -> Vec<String> {
    disambiguate(references.iter().map(|r| base(r, style)).collect())
        .iter()
        .map(str::to_string)
        .collect()
}

/// A list's keys in one buffer, each found by where it ends (20 to 32
/// bytes a key where a `String` each took 56: the keys of a list of 10⁶
/// entries are held while its records are written, issue 12).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Keys {
    text: String,
    ends: Vec<usize>,
}

impl Keys {
    /// The number of keys.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are no keys.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    fn push(&mut self, key: &str) {
        self.text.push_str(key);
        self.ends.push(self.text.len());
    }

    /// Key `i`.
    pub fn get(&self, i: usize) -> &str {
        let start = i.checked_sub(1).map_or(0, |j| self.ends[j]);
        &self.text[start..self.ends[i]]
    }

    /// The keys in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.get(i))
    }
}

impl<S: AsRef<str>> FromIterator<S> for Keys {
    fn from_iter<I: IntoIterator<Item = S>>(iter: I) -> Self {
        let mut keys = Keys::default();
        for key in iter {
            keys.push(key.as_ref());
        }
        keys
    }
}

impl std::ops::Index<usize> for Keys {
    type Output = str;

    fn index(&self, i: usize) -> &str {
        self.get(i)
    }
}

/// The key of `r` before the list is made unique.
pub(crate) fn base(r: &Reference, style: KeyStyle) -> String {
    match style {
        KeyStyle::Readable => readable(r),
        KeyStyle::Number => format!("ref{}", r.number),
    }
}

/// Gives every member of a group of equal keys a letter suffix (a, b, …, z,
/// aa, ab, …), then repeats until no two keys are equal. The groups are
/// runs of the keys' places sorted by key (4 bytes a key, where a table of
/// the groups took about 130: a list of 10⁶ entries, issue 12).
pub(crate) fn disambiguate(mut keys: Keys) -> Keys {
    let mut places: Vec<u32> = (0..keys.len() as u32).collect();
    // Each round only lengthens keys that collide, so it ends.
    for _ in 0..8 {
        // Stable: each group's places stay in list order.
        places.sort_by(|&a, &b| keys[a as usize].cmp(&keys[b as usize]));
        // Each key's place in its group of equal keys (none: alone).
        let mut rank = vec![u32::MAX; keys.len()];
        let mut collided = 0;
        for group in places.chunk_by(|&a, &b| keys[a as usize] == keys[b as usize]) {
            if group.len() > 1 {
                collided += group.len();
                for (n, &i) in group.iter().enumerate() {
                    rank[i as usize] = n as u32;
                }
            }
        }
        if collided == 0 {
            return keys;
        }
        // Sized once: the old keys and the new are both held meanwhile.
        let suffixes = collided * suffix(collided).len();
        let mut next = Keys {
            text: String::with_capacity(keys.text.len() + suffixes),
            ends: Vec::with_capacity(keys.len()),
        };
        for (i, &n) in rank.iter().enumerate() {
            next.text.push_str(&keys[i]);
            if n != u32::MAX {
                next.text.push_str(&suffix(n as usize));
            }
            next.ends.push(next.text.len());
        }
        keys = next;
    }
    // Unreachable in practice; keep keys unique whatever happens.
    let mut seen = HashSet::new();
    let mut unique = Keys::default();
    for (i, k) in keys.iter().enumerate() {
        if seen.insert(k) {
            unique.push(k);
        } else {
            unique.push(&format!("{k}x{i}"));
        }
    }
    unique
}

/// `a`…`z`, `aa`, `ab`, … for the 0-based position in a group.
fn suffix(mut n: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'a' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

fn readable(r: &Reference) -> String {
    let with_year = |stem: String| match r.year {
        Some(y) => format!("{stem}{y}"),
        None => stem,
    };
    let stem = if let Some(author) = r.authors.first() {
        ascii_word(&author.family)
    } else if r.kind == ReferenceKind::Archival {
        // Untitled archival files: archive + fond, no year (`arda28`).
        if let Some(stem) = archive_stem(r) {
            return start_with_letter(stem, r);
        }
        String::new()
    } else {
        String::new()
    };
    let stem = if stem.is_empty() {
        title_word(r.title.as_deref())
            .or_else(|| title_word(r.container.as_deref()))
            .or_else(|| r.url.as_deref().and_then(host_word))
            .unwrap_or_default()
    } else {
        stem
    };
    if stem.is_empty() {
        return format!("ref{}", r.number);
    }
    start_with_letter(with_year(stem), r)
}

/// Keys that start with a digit confuse some BibTeX tools.
fn start_with_letter(key: String, r: &Reference) -> String {
    match key.chars().next() {
        Some(c) if c.is_ascii_alphabetic() => key,
        Some(_) => format!("ref{key}"),
        None => format!("ref{}", r.number),
    }
}

/// `arda28`: the archive's abbreviation (or the initials of its full name)
/// and the fond.
fn archive_stem(r: &Reference) -> Option<String> {
    let archive = r.archive.as_ref()?;
    let name = archive
        .name
        .as_deref()
        .map(abbreviation)
        .unwrap_or_default();
    let fond = archive
        .fond
        .as_deref()
        .or(archive.file.as_deref())
        .map(ascii_word)
        .unwrap_or_default();
    let stem = format!("{name}{fond}");
    (!stem.is_empty()).then_some(stem)
}

/// An abbreviation as printed (`ARP İİ İSSA` -> `arpiiissa`); a name written
/// out in full (`Azərbaycan Respublikasının Dövlət Tarix Arxivi`) by the
/// initials of its words (`ardta`).
fn abbreviation(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    // Lower-case letters, or a script without case (Persian), mark a name
    // written out; an abbreviation is all capitals.
    let caseless = !name.chars().any(|c| c.is_uppercase() || c.is_lowercase());
    let written_out = words.len() >= 3 && (caseless || name.chars().any(char::is_lowercase));
    if written_out {
        let skip = &VOCAB.keys.skip;
        words
            .iter()
            .filter(|w| {
                !skip
                    .iter()
                    .any(|s| crate::script::fold(s) == crate::script::fold(w))
            })
            .filter_map(|w| w.chars().find(|c| c.is_letter_or_digit()))
            .map(|c| ascii_word(&c.to_string()))
            .collect()
    } else {
        ascii_word(name)
    }
}

/// The first word of `title` with a letter in it that is not a function word.
fn title_word(title: Option<&str>) -> Option<String> {
    let skip = &VOCAB.keys.skip;
    title?
        .split(|c: char| !(c.is_letter_or_digit() || c == '\u{200C}'))
        .filter(|w| w.chars().any(crate::script::is_letter))
        .filter(|w| {
            let lower = crate::script::fold(w);
            !skip.iter().any(|s| crate::script::fold(s) == lower)
        })
        .map(ascii_word)
        .find(|w| !w.is_empty())
}

/// `seratnews` from `https://www.seratnews.com/…`.
fn host_word(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#', ':']).next()?;
    // The label before the top-level domain and any generic second-level
    // one: seratnews.com -> seratnews, ayk.gov.tr -> ayk, rch.ac.ir -> rch.
    const GENERIC: [&str; 8] = ["www", "com", "org", "net", "gov", "edu", "ac", "co"];
    let labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    let (_, rest) = labels.split_last()?;
    let label = rest
        .iter()
        .rev()
        .find(|l| !GENERIC.contains(l))
        .or(labels.first())?;
    let word = ascii_word(label);
    (!word.is_empty()).then_some(word)
}

const ROMANISATION_FA: &str = include_str!("../../bib/romanisation-fa.toml");

/// `bib/romanisation-fa.toml`: Persian words and their romanisation.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct Romanisation {
    words: BTreeMap<String, String>,
}

/// The table, keyed by the folded Persian word; empty (and caught by a unit
/// test) if it were invalid.
static PERSIAN: LazyLock<BTreeMap<String, String>> = LazyLock::new(|| {
    toml::from_str::<Romanisation>(ROMANISATION_FA)
        .unwrap_or_default()
        .words
        .into_iter()
        .map(|(word, roman)| (persian_fold(&word), roman))
        .collect()
});

/// The word as the table is keyed: Arabic letter forms folded to Persian,
/// no zero-width non-joiner.
fn persian_fold(word: &str) -> String {
    crate::script::fold(word).replace('\u{200C}', "")
}

fn is_arabic_letter(c: char) -> bool {
    matches!(c as u32, 0x0600..=0x06FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF) && c.is_letter()
}

/// One Persian word in Latin letters: the table's romanisation, or letter
/// by letter with the two vowels unvowelled spelling still shows (a final
/// `ی` is the nisba `-ī`, an initial `ا`/`آ` is `a`).
fn romanise_persian(word: &str) -> String {
    let folded = persian_fold(word);
    if let Some(roman) = PERSIAN.get(&folded) {
        return roman.clone();
    }
    let chars: Vec<char> = folded.chars().collect();
    let last = chars.len().saturating_sub(1);
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            'ا' if i == 0 => out.push('a'),
            'ی' if i == last && i > 0 => out.push('i'),
            _ => out.push_str(&any_ascii::any_ascii(&c.to_string())),
        }
    }
    out
}

/// ASCII letters and digits of the transliterated text, lower-case.
fn ascii_word(text: &str) -> String {
    let mut latin = String::with_capacity(text.len());
    for word in text.split_inclusive(|c: char| !(is_arabic_letter(c) || c == '\u{200C}')) {
        let end = word
            .char_indices()
            .last()
            .filter(|&(_, c)| !(is_arabic_letter(c) || c == '\u{200C}'))
            .map_or(word.len(), |(at, _)| at);
        let (letters, rest) = word.split_at(end);
        if letters.chars().any(is_arabic_letter) {
            latin.push_str(&romanise_persian(letters));
        } else {
            latin.push_str(letters);
        }
        latin.push_str(rest);
    }
    any_ascii::any_ascii(&latin)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Vocabulary;
    use crate::parse::parse_reference;

    fn key_list(texts: &[&str], style: KeyStyle) -> Vec<String> {
        let vocab = Vocabulary::builtin();
        let refs: Vec<Reference> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let mut r = parse_reference(t, &vocab);
                r.number = u32::try_from(i + 1).unwrap_or(u32::MAX);
                r
            })
            .collect();
        keys(&refs, style)
    }

    #[test]
    fn authors_archives_and_titles() {
        let got = key_list(
            &[
                "Həsənli Cəmil. (2012) Sovet dövründə Azərbaycanın xarici siyasəti (1920-1939). Bakı",
                "ARDA: f. 28. siy. 1. iş 72",
                "ГАРФ. Ф. 130. Оп. 1. Д. 45. Л. 12–15 об.",
                "Azərbaycan Respublikasının Dövlət Tarix Arxivi, f. 45, siy. 2, iş 318, v. 6.",
                "The Caspian Oil Boom. London: Routledge, 2001.",
                "<http://pahlaviha.pchi.ir/show.php?page=contents&id=13376>",
            ],
            KeyStyle::Readable,
        );
        assert_eq!(
            got,
            [
                "hesenli2012",
                "arda28",
                "garf130",
                "ardta45",
                "caspian2001",
                "pchi"
            ]
        );
    }

    #[test]
    fn equal_keys_all_get_suffixes_in_list_order() {
        let got = key_list(
            &[
                "Документы внешней политики СССР. (1959) Том II. Москва. Госполитздат.",
                "ARDA: f. 28. siy. 1. iş 72",
                "Документы внешней политики СССР. (1959) Том III. Москва. Госполитздат.",
                "ARDA: f. 28. siy. 1. iş 577",
                "Документы внешней политики СССР. (1960) Том 4. Москва. Госполитздат.",
            ],
            KeyStyle::Readable,
        );
        assert_eq!(
            got,
            [
                "dokumenty1959a",
                "arda28a",
                "dokumenty1959b",
                "arda28b",
                "dokumenty1960"
            ]
        );
    }

    #[test]
    fn persian_names_are_romanised() {
        assert!(PERSIAN.len() > 40, "bib/romanisation-fa.toml did not parse");
        let got = key_list(
            &[
                "کاوه بیات (1388). توفان بر فراز قفقاز. مرکز اسناد و تاریخ دیپلماسی. تهران",
                "ایرج ذوقی (1367). ایران و قدرتهای بزرگ. تهران",
            ],
            KeyStyle::Readable,
        );
        assert_eq!(got, ["bayat2009", "zawqi1988"]);
        // Arabic letter forms and the non-joiner are the same word.
        assert_eq!(ascii_word("بيات"), "bayat");
        assert_eq!(ascii_word("تقی\u{200C}زاده"), "taqizadah");
        // Not in the table: the nisba and an initial alif still read.
        assert_eq!(ascii_word("اشرفی"), "ashrfi");
        // Stable: the same text, the same key.
        assert_eq!(ascii_word("بیات"), ascii_word("بیات"));
    }

    #[test]
    fn number_keys() {
        let got = key_list(&["ARDA: f. 28. siy. 1. iş 72", "x"], KeyStyle::Number);
        assert_eq!(got, ["ref1", "ref2"]);
    }

    #[test]
    fn suffixes_go_past_z() {
        assert_eq!(suffix(0), "a");
        assert_eq!(suffix(25), "z");
        assert_eq!(suffix(26), "aa");
        assert_eq!(suffix(27), "ab");
        let keys = disambiguate(std::iter::repeat_n("k", 30).collect());
        assert_eq!(keys.iter().collect::<HashSet<_>>().len(), 30);
        assert_eq!(&keys[29], "kad");
    }

    /// The keys of a long list are held in one buffer (issue 12): some 20
    /// to 32 bytes a key (the buffers grow by doubling), where a `String`
    /// each took 56.
    #[test]
    fn keys_are_held_compactly() {
        let n = 10_000;
        let keys = disambiguate(
            (0..n)
                .map(|i| format!("mahmudov{}", 1900 + i % 50))
                .collect(),
        );
        assert_eq!(keys.len(), n);
        assert_eq!(keys.iter().collect::<HashSet<_>>().len(), n);
        assert_eq!(&keys[0], "mahmudov1900a");
        assert_eq!(&keys[50], "mahmudov1900b");
        let held = keys.text.capacity() + keys.ends.capacity() * std::mem::size_of::<usize>();
        assert!(held <= n * 40, "{} bytes a key", held / n);
    }

    #[test]
    fn a_suffixed_key_that_meets_a_plain_one_is_suffixed_again() {
        let keys = disambiguate(["smitha", "smith", "smith"].into_iter().collect());
        assert_eq!(keys.iter().collect::<HashSet<_>>().len(), 3);
    }
}
