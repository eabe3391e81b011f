//! Shared by every stage: scripts, digits, and the case folding used to match vocabulary.
//!
//! Matching is done on folded characters so that `İŞ`, `iş` and `IŞ` are one
//! label (Turkic İ/ı, conventions.md B.0), Arabic `ي`/`ك` match Persian
//! `ی`/`ک` (B.3), and Persian or Arabic-Indic digits match ASCII ones. The fold
//! maps one character to one character, so a match on folded text has the same
//! byte length logic as the text itself.

/// The writing systems istinad tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Script {
    /// Latin (az, tr, en and transliterations).
    Latin,
    /// Cyrillic (ru).
    Cyrillic,
    /// Arabic script (fa).
    Arabic,
}

/// Whether `c` is a letter (Unicode `Alphabetic`), answered from ranges for
/// the scripts of our five languages and from the Unicode tables only for the
/// rest. `char::is_alphabetic` takes a table search for every non-ASCII
/// character, which was the parser's largest single cost (docs/performance.md);
/// `clippy.toml` disallows it in favour of this.
#[inline]
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    known_letter(c).unwrap_or_else(|| {
        #[allow(clippy::disallowed_methods)]
        c.is_alphabetic()
    })
}

/// Whether `c` is a letter or a number (Unicode `Alphabetic` or `Numeric`,
/// as `char::is_alphanumeric`), by the ranges of [`is_letter`].
#[inline]
pub fn is_letter_or_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}') {
        return true;
    }
    known_letter(c).unwrap_or_else(|| {
        #[allow(clippy::disallowed_methods)]
        c.is_alphanumeric()
    })
}

/// [`is_letter`] and [`is_letter_or_digit`] as methods, for `c.is_letter()`
/// where `c.is_letter()` would be written.
// `self` by value, as `char::is_alphabetic` takes it (`char` is `Copy`).
#[allow(clippy::wrong_self_convention)]
pub trait Letter {
    /// [`is_letter`].
    fn is_letter(self) -> bool;
    /// [`is_letter_or_digit`].
    fn is_letter_or_digit(self) -> bool;
}

impl Letter for char {
    #[inline]
    fn is_letter(self) -> bool {
        is_letter(self)
    }

    #[inline]
    fn is_letter_or_digit(self) -> bool {
        is_letter_or_digit(self)
    }
}

/// `Some(letter?)` for a character of a range whose letters are known
/// without the tables (none of these ranges holds a number): Latin-1 and
/// Latin Extended-A/B (but `×`, `÷`), IPA and the spacing modifier letters
/// of transliteration (`ʿ`, `ʾ`), Latin Extended Additional (`ḥ`, `ṭ`),
/// Cyrillic and its supplement (but the thousands sign and the combining
/// marks), and the Arabic letters and vowel marks. `None` elsewhere.
#[inline]
fn known_letter(c: char) -> Option<bool> {
    match c {
        '\u{00D7}' | '\u{00F7}' => Some(false),
        '\u{00C0}'..='\u{02C1}'
        | '\u{1E00}'..='\u{1EFF}'
        | '\u{0400}'..='\u{0481}'
        | '\u{048A}'..='\u{052F}'
        | '\u{0620}'..='\u{0657}'
        | '\u{066E}'..='\u{06D3}'
        | '\u{06FA}'..='\u{06FC}' => Some(true),
        // Latin-1 punctuation and signs (not `ª`, `µ`, `º`, the superscript
        // digits or the fractions), the Cyrillic thousands sign, general
        // punctuation and spaces.
        '\u{00A0}'..='\u{00A9}'
        | '\u{00AB}'..='\u{00B1}'
        | '\u{00B4}'
        | '\u{00B6}'..='\u{00B8}'
        | '\u{00BB}'
        | '\u{00BF}'
        | '\u{0482}'
        | '\u{2000}'..='\u{206F}' => Some(false),
        _ => None,
    }
}

/// The script of a letter, or `None` for digits, punctuation and other scripts.
pub fn script_of(c: char) -> Option<Script> {
    match c {
        'a'..='z' | 'A'..='Z' => Some(Script::Latin),
        '\u{00C0}'..='\u{024F}' | '\u{0259}' | '\u{1E00}'..='\u{1EFF}' if is_letter(c) => {
            Some(Script::Latin)
        }
        '\u{0400}'..='\u{052F}' => Some(Script::Cyrillic),
        '\u{0600}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}'
            if is_letter(c) =>
        {
            Some(Script::Arabic)
        }
        _ => None,
    }
}

/// The script with the most letters in `text`, if any letter is present.
pub fn dominant_script(text: &str) -> Option<Script> {
    let (mut latin, mut cyrillic, mut arabic) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        match script_of(c) {
            Some(Script::Latin) => latin += 1,
            Some(Script::Cyrillic) => cyrillic += 1,
            Some(Script::Arabic) => arabic += 1,
            None => {}
        }
    }
    let max = latin.max(cyrillic).max(arabic);
    if max == 0 {
        None
    } else if arabic == max {
        Some(Script::Arabic)
    } else if cyrillic == max {
        Some(Script::Cyrillic)
    } else {
        Some(Script::Latin)
    }
}

/// The value of a decimal digit in ASCII, Extended Arabic-Indic (Persian,
/// U+06F0–U+06F9) or Arabic-Indic (U+0660–U+0669) form (conventions.md B.3).
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        _ => None,
    }
}

/// Whether `c` is a decimal digit in any of the scripts above.
pub fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// `text` with every digit written in ASCII.
pub fn ascii_digits(text: &str) -> String {
    text.chars()
        .map(|c| match digit_value(c) {
            Some(d) => char::from_digit(d, 10).unwrap_or(c),
            None => c,
        })
        .collect()
}

/// Range dashes of every kind (hyphen, en and em dash, minus, tatweel used as
/// a dash in Persian "۴۸۵ـ۴۹۲") written as an ASCII hyphen, digits as ASCII.
pub fn normalize_range(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{0640}' | '\u{FE63}' | '\u{FF0D}' => {
                out.push('-')
            }
            '\u{060C}' => out.push(','),
            _ => match digit_value(c) {
                Some(d) => out.push(char::from_digit(d, 10).unwrap_or(c)),
                None => out.push(c),
            },
        }
    }
    out
}

/// Whether `c` is a dash that can join the two ends of a range.
pub fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{0640}' | '\u{FE63}'
    )
}

/// Characters that take no part in matching: zero-width joiners and
/// non-joiners, direction marks, soft hyphens, tatweel inside words.
pub fn is_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{00AD}' | '\u{FEFF}'
    )
}

/// Characters that take no part in matching words, though the text keeps
/// them: the [ignorable](is_ignorable) ones and the Arabic vowel and
/// doubling marks (harakat, shadda, sukun, the dagger alif), which Arabic
/// print adds or leaves out at will ("الطبعة الأُولى", "الأولى"; "محمّد").
pub fn is_unmatched(c: char) -> bool {
    is_ignorable(c) || matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}')
}

/// Folds one character for matching: lower case, with Turkic `İ`/`I`/`ı` all
/// folded to `i`, Arabic yeh/kaf to their Persian forms, `ё` to `е`, every
/// digit to ASCII and every space to `' '`.
pub fn fold_char(c: char) -> char {
    // ASCII, the common case, without the Unicode tables: `I` folds to `i`
    // as any capital does, the tab to a space, digits stay.
    if c.is_ascii() {
        return if c == '\t' {
            ' '
        } else {
            c.to_ascii_lowercase()
        };
    }
    match c {
        'İ' | 'I' | 'ı' | 'i' => 'i',
        'ي' | 'ى' | 'ئ' => 'ی',
        'ك' => 'ک',
        'ة' => 'ه',
        'ۀ' => 'ه',
        'أ' | 'إ' | 'آ' => 'ا',
        'ё' | 'Ё' => 'е',
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\t' => ' ',
        // Cyrillic capitals (Ё above) and the uncased Arabic block (its
        // digits and the letters above aside), without the Unicode tables.
        '\u{0410}'..='\u{042F}' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        '\u{0400}'..='\u{040F}' => char::from_u32(c as u32 + 0x50).unwrap_or(c),
        '\u{0430}'..='\u{045F}'
        | '\u{0600}'..='\u{065F}'
        | '\u{066A}'..='\u{06EF}'
        | '\u{06FA}'..='\u{06FF}' => c,
        _ => {
            if let Some(d) = digit_value(c) {
                return char::from_digit(d, 10).unwrap_or(c);
            }
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        }
    }
}

/// Folds a whole string for comparison: [`fold_char`] on every character,
/// ignorable characters removed, runs of spaces collapsed, ends trimmed.
pub fn fold(text: &str) -> String {
    // The walk of `folded`, written out: it runs on every word of every
    // entry, and the iterator's adapters cost a fifth of it.
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if is_unmatched(c) {
            continue;
        }
        let f = fold_char(c);
        if f.is_whitespace() {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(f);
        }
    }
    out
}

/// The characters of [`fold`]`(text)`, each with the byte offset in `text`
/// just after what produced it: the one walk both `fold` and
/// [`folded_prefix_len`] make. A space is yielded only before a character
/// that follows it, so the folded text neither starts nor ends with one.
fn folded(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut space = false;
    let mut started = false;
    text.char_indices().flat_map(move |(i, c)| {
        let mut out = [None, None];
        if !is_unmatched(c) {
            let f = fold_char(c);
            if f.is_whitespace() {
                space = started;
            } else {
                if space {
                    out[0] = Some((i, ' '));
                    space = false;
                }
                out[1] = Some((i + c.len_utf8(), f));
                started = true;
            }
        }
        out.into_iter().flatten()
    })
}

/// Byte length of the prefix of `text` whose [`fold`] is `prefix` (itself
/// folded), if there is one. Folding changes lengths (`ı` is two bytes, its
/// fold `i` one; ignorable characters vanish; runs of spaces become one), so
/// an offset found in a folded copy must never index the original: this
/// walks the original instead and answers an offset into it, always on a
/// character boundary. `prefix` is a folded string, so it neither starts nor
/// ends with a space.
pub fn folded_prefix_len(text: &str, prefix: &str) -> Option<usize> {
    if prefix.is_empty() {
        return Some(0);
    }
    let mut out = String::with_capacity(prefix.len());
    for (end, f) in folded(text) {
        out.push(f);
        if out.len() >= prefix.len() {
            return (out == prefix).then_some(end);
        }
        if !prefix.starts_with(out.as_str()) {
            return None;
        }
    }
    None
}

/// Whether `c` is a bidirectional embedding, override or isolate control
/// (U+202A–U+202E, U+2066–U+2069).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The spans of the bidirectional controls in `text`, which starts at byte
/// `base` of its source.
pub fn bidi_controls(text: &str, base: usize) -> Vec<std::ops::Range<usize>> {
    text.char_indices()
        .filter(|&(_, c)| is_bidi_control(c))
        .map(|(i, c)| base + i..base + i + c.len_utf8())
        .collect()
}

/// `text` with each bidirectional control written as its code point
/// (`\u{202E}`), so a message shows it instead of obeying it.
pub fn escape_bidi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_bidi_control(c) {
            out.push_str(&format!("\\u{{{:04X}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// Where `raw` shows it was decoded with the wrong encoding: U+FFFD, or
/// UTF-8 read as Windows-1252/Latin-1 ("Ð”Ð¾ÐºÑƒ" for "Доку").
/// The parser skips such an entry; check's garbled-text reports it.
pub fn garbled(raw: &str) -> Option<usize> {
    if let Some(i) = raw.find('\u{FFFD}') {
        return Some(i);
    }
    let mut first = None;
    let mut count = 0;
    let mut chars = raw.char_indices().peekable();
    while let Some((i, a)) = chars.next() {
        let Some(&(_, b)) = chars.peek() else {
            break;
        };
        let lead = matches!(a, 'Ð' | 'Ñ' | 'Ø' | 'Ù' | 'Ú' | 'Û' | 'Ã' | 'Â' | 'Ä' | 'Å');
        let cont = matches!(
            b,
            '\u{80}'
                ..='\u{BF}'
                    | '‚'
                    | 'ƒ'
                    | '„'
                    | '…'
                    | '†'
                    | '‡'
                    | 'ˆ'
                    | '‰'
                    | 'Š'
                    | '‹'
                    | 'Œ'
                    | 'Ž'
                    | '‘'
                    | '’'
                    | '“'
                    | '”'
                    | '•'
                    | '–'
                    | '—'
                    | '˜'
                    | '™'
                    | 'š'
                    | '›'
                    | 'œ'
                    | 'ž'
                    | 'Ÿ'
        );
        if lead && cont {
            count += 1;
            first.get_or_insert(i);
        }
    }
    (count >= 3).then_some(first).flatten()
}

/// A word typed in two scripts, read in one: its letters of the other
/// script taken for the look-alikes of the script whose look-alikes they
/// all have ("Cборник" with a Latin `C`, "AKД" with Latin `A` and `K`).
/// For matching a vocabulary's words only, never for the text kept;
/// `None` when the word is in one script or cannot be read in one.
pub fn unmixed(word: &str) -> Option<String> {
    let has = |s: Script| {
        word.chars()
            .any(|c| c.is_letter() && script_of(c) == Some(s))
    };
    if !(has(Script::Latin) && has(Script::Cyrillic)) {
        return None;
    }
    [Script::Cyrillic, Script::Latin]
        .into_iter()
        .find_map(|target| {
            word.chars()
                .map(|c| match script_of(c) {
                    Some(s) if c.is_letter() && s != target => lookalike(c, target),
                    _ => Some(c),
                })
                .collect()
        })
}

/// The letter of `script` that looks like `c` (Latin `c` ↔ Cyrillic `с`, …).
pub fn lookalike(c: char, script: Script) -> Option<char> {
    const PAIRS: &[(char, char)] = &[
        ('a', 'а'),
        ('c', 'с'),
        ('e', 'е'),
        ('o', 'о'),
        ('p', 'р'),
        ('x', 'х'),
        ('y', 'у'),
        ('A', 'А'),
        ('B', 'В'),
        ('C', 'С'),
        ('E', 'Е'),
        ('H', 'Н'),
        ('K', 'К'),
        ('M', 'М'),
        ('O', 'О'),
        ('P', 'Р'),
        ('T', 'Т'),
        ('X', 'Х'),
        ('ə', 'ә'),
        ('Ə', 'Ә'),
    ];
    match script {
        Script::Cyrillic => PAIRS.iter().find(|(l, _)| *l == c).map(|(_, k)| *k),
        Script::Latin => PAIRS.iter().find(|(_, k)| *k == c).map(|(l, _)| *l),
        Script::Arabic => None,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_word_in_two_scripts_is_read_in_the_one_its_look_alikes_allow() {
        use super::unmixed;
        assert_eq!(unmixed("Cборник").as_deref(), Some("Сборник"));
        assert_eq!(unmixed("AKД").as_deref(), Some("АКД"));
        assert_eq!(unmixed("Hüsеynоv").as_deref(), Some("Hüseynov"));
        assert_eq!(unmixed("Сборник"), None);
        assert_eq!(unmixed("Жdanov"), None);
    }

    #[test]
    #[allow(clippy::disallowed_methods)]
    fn letter_ranges_agree_with_the_unicode_tables() {
        // Every character, so a wrong range cannot hide: the fast answers
        // must be the standard library's.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?} U+{:04X}", c as u32);
            assert_eq!(
                is_letter_or_digit(c),
                c.is_alphanumeric(),
                "{c:?} U+{:04X}",
                c as u32
            );
        }
    }

    use super::*;

    /// The fast paths of `fold_char` (issue 15) answer what the Unicode
    /// tables answer: ASCII, Cyrillic and the Arabic block, except the
    /// characters the fold names itself (tab, Turkic I, ё, Arabic letters
    /// and digits).
    #[test]
    fn fast_fold_agrees_with_the_unicode_tables() {
        let named = "\tIİıiёЁيىئكةۀأإآ";
        let ranges = [0..0x80, 0x400..0x460, 0x600..0x700];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            if named.contains(c) || digit_value(c).is_some() {
                continue;
            }
            let mut lower = c.to_lowercase();
            let by_tables = match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            };
            assert_eq!(fold_char(c), by_tables, "{c:?}");
        }
        assert_eq!(fold_char('\t'), ' ');
        assert_eq!(fold_char('I'), 'i');
        assert_eq!(fold_char('Ё'), 'е');
    }

    /// Arabic vowel marks are printed or left out at will: the folded
    /// words match either way, and the text keeps them.
    #[test]
    fn fold_leaves_out_arabic_vowel_marks() {
        assert_eq!(fold("الطبعة الأُولى"), fold("الطبعة الأولى"));
        assert_eq!(fold("محمّد"), fold("محمد"));
        assert_eq!(
            folded_prefix_len("الأُولى ١٤٠٦", "الاولی"),
            Some("الأُولى".len())
        );
    }

    #[test]
    fn fold_unifies_turkic_i_persian_letters_and_digits() {
        assert_eq!(folded_prefix_len("ikı vəziyyət", "iki"), Some(4));
        assert_eq!(folded_prefix_len("İKİ  cild", "iki cild"), Some(11));
        assert_eq!(folded_prefix_len("ik\u{00AD}ı x", "iki"), Some(6));
        assert_eq!(folded_prefix_len("ikx", "iki"), None);
        assert_eq!(folded_prefix_len("ik", "iki"), None);
        assert_eq!(fold("İSTİFADƏ"), fold("istifadə"));
        assert_eq!(fold("KAYNAKÇA"), "kaynakça");
        assert_eq!(fold("BIBLIOGRAPHY"), "bibliography");
        assert_eq!(fold("كتابنامه"), fold("کتابنامه"));
        assert_eq!(fold("کتاب\u{200C}شناسی"), fold("کتابشناسی"));
        assert_eq!(fold("۱۳۸۸"), "1388");
        assert_eq!(fold("  a \u{00A0} b  "), "a b");
    }

    #[test]
    fn ranges_of_three_scripts() {
        assert_eq!(normalize_range("۴۸۵ـ۴۹۲"), "485-492");
        assert_eq!(normalize_range("12–15"), "12-15");
    }

    #[test]
    fn scripts() {
        assert_eq!(dominant_script("Документы СССР"), Some(Script::Cyrillic));
        assert_eq!(dominant_script("کاوه بیات"), Some(Script::Arabic));
        assert_eq!(dominant_script("Həsənli Cəmil"), Some(Script::Latin));
        assert_eq!(dominant_script("12, 34"), None);
    }
}
