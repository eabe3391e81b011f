//! Tests of the whole entry grammar on the seed article's entries and on
//! cases of each convention.

use super::*;
use crate::model::{Calendar, OriginalYear};
use assign::{looks_like_place, postposition_head};

fn parse(text: &str) -> Reference {
    parse_reference(text, &Vocabulary::builtin())
}

/// The entries of `text`, a whole document with its list.
fn parse_list(text: &str) -> Vec<Reference> {
    let vocab = Vocabulary::builtin();
    let source = Source::new("t", text);
    let document = crate::split::split(&source, &vocab);
    parse_references(&source, &document, &vocab)
}

fn person(family: &str, given: Option<&str>) -> Person {
    Person {
        family: family.into(),
        given: given.map(Into::into),
        alias: None,
    }
}

#[test]
fn seed_archival_entries() {
    for (text, fond, inv, file) in [
        ("ARDA: f. 28. siy. 1. iş 72", "28", "1", "72"),
        ("ARDA: f. 28. siy.1. iş 172", "28", "1", "172"),
        ("SPİHDA f.609, siy.1, iş 96", "609", "1", "96"),
    ] {
        let r = parse(text);
        assert_eq!(r.kind, ReferenceKind::Archival, "{text}");
        let a = r.archive.expect("archive");
        assert_eq!(
            (a.fond.as_deref(), a.inventory.as_deref(), a.file.as_deref()),
            (Some(fond), Some(inv), Some(file))
        );
        assert_eq!(r.language, Some(Language::Az));
        assert!(r.diagnostics.is_empty());
    }
}

#[test]
fn seed_books() {
    let r = parse(
        "Həsənli Cəmil. (2012) Sovet dövründə Azərbaycanın xarici siyasəti (1920-1939). Bakı",
    );
    assert_eq!(r.kind, ReferenceKind::Book);
    assert_eq!(r.authors, vec![person("Həsənli", Some("Cəmil"))]);
    assert_eq!(
        r.title.as_deref(),
        Some("Sovet dövründə Azərbaycanın xarici siyasəti (1920-1939)")
    );
    assert_eq!((r.year, r.place.as_deref()), (Some(2012), Some("Bakı")));

    let r = parse("İbrahimov (Şahin) Tağı. (1993) İran kommunist partiyasının yaranması. Bakı");
    assert_eq!(r.authors[0].family, "İbrahimov");
    assert_eq!(r.authors[0].given.as_deref(), Some("Tağı"));
    assert_eq!(r.authors[0].alias.as_deref(), Some("Şahin"));

    let r = parse("Документы внешней политики СССР. (1959) Том II. Москва. Госполитздат.");
    assert_eq!(r.kind, ReferenceKind::Book);
    assert!(r.authors.is_empty());
    assert_eq!(r.title.as_deref(), Some("Документы внешней политики СССР"));
    assert_eq!(r.volume.as_deref(), Some("2"));
    assert_eq!(r.year, Some(1959));
    assert_eq!(r.place.as_deref(), Some("Москва"));
    assert_eq!(r.publisher.as_deref(), Some("Госполитздат"));
    assert_eq!(r.language, Some(Language::Ru));

    let r = parse(
        "М.И. Володарский. (1985) Советы и их южные соседи Иран и Афганистан (1917 - 1933). Лондон",
    );
    assert_eq!(r.authors, vec![person("Володарский", Some("М.И."))]);
    assert_eq!(r.place.as_deref(), Some("Лондон"));
    assert_eq!(
        r.title.as_deref(),
        Some("Советы и их южные соседи Иран и Афганистан (1917 - 1933)")
    );
}

#[test]
fn seed_persian_entries() {
    let r = parse(
        "کاوه بیات (1388). توفان بر فراز قفقاز. (نگاهی به مناسبات منطقهای ایران و جمهوری آذربایجان ارمنستان و گرجستان در دوره نخست استقلال 1917-1921). مرکز اسناد و تاریخ دیپلماسی. تهران",
    );
    assert_eq!(r.kind, ReferenceKind::Book);
    assert_eq!(r.authors, vec![person("بیات", Some("کاوه"))]);
    assert_eq!(r.year, Some(2009));
    assert_eq!(
        r.original_year,
        Some(OriginalYear {
            calendar: Calendar::SolarHijri,
            year: 1388
        })
    );
    assert_eq!(r.title.as_deref(), Some("توفان بر فراز قفقاز"));
    assert!(
        r.subtitle
            .as_deref()
            .is_some_and(|s| s.starts_with("نگاهی"))
    );
    assert_eq!(r.place.as_deref(), Some("تهران"));
    assert_eq!(r.publisher.as_deref(), Some("مرکز اسناد و تاریخ دیپلماسی"));
    assert_eq!(r.language, Some(Language::Fa));

    let r =
        parse("دکتر ایرج ذوقی. (1367) ایران و قدرتهای بزرگ 1900-1925. (تاریخ روابط سیاسی). تهران");
    assert_eq!(r.authors, vec![person("ذوقی", Some("ایرج"))]);
    assert_eq!(r.year, Some(1988));
    assert_eq!(r.subtitle.as_deref(), Some("تاریخ روابط سیاسی"));

    let r = parse("روابط تاریخی ایران و روسیه. (1390) (نگاه اجمالی به کشور بزرگ روسیه). تهران");
    assert!(r.authors.is_empty());
    assert_eq!(r.title.as_deref(), Some("روابط تاریخی ایران و روسیه"));
    assert_eq!(r.year, Some(2011));
    assert_eq!(
        r.subtitle.as_deref(),
        Some("نگاه اجمالی به کشور بزرگ روسیه")
    );
}

#[test]
fn seed_web_entries() {
    let r = parse("<https://www.seratnews.com/.../گ-جمهوری-سوسیالیستی>");
    assert_eq!(r.kind, ReferenceKind::Web);
    assert_eq!(
        r.url.as_deref(),
        Some("https://www.seratnews.com/.../گ-جمهوری-سوسیالیستی")
    );
    let r = parse("<http://pahlaviha.pchi.ir/show.php?page=contents&id=13376>");
    assert_eq!(r.kind, ReferenceKind::Web);
}

#[test]
fn gost_article_and_chapter() {
    let r =
        parse("Иванов И.И., Петров П.П. Название статьи // Вопросы истории. 2005. № 3. С. 33–34.");
    assert_eq!(r.kind, ReferenceKind::Article);
    assert_eq!(r.container.as_deref(), Some("Вопросы истории"));
    assert_eq!(
        (r.issue.as_deref(), r.pages.as_deref(), r.year),
        (Some("3"), Some("33-34"), Some(2005))
    );
    let r = parse(
        "Петров А.А. Название главы // История Азербайджана / под ред. В.В. Сидорова. М.: Наука, 2001. С. 12–45.",
    );
    assert_eq!(r.kind, ReferenceKind::Chapter);
    assert_eq!(r.container.as_deref(), Some("История Азербайджана"));
    assert_eq!(r.editors, vec![person("Сидорова", Some("В.В."))]);
    assert_eq!(
        (r.place.as_deref(), r.publisher.as_deref()),
        (Some("М."), Some("Наука"))
    );
}

#[test]
fn garbage_is_kept_with_a_diagnostic() {
    for text in [
        "—",
        "Bu gün hava çox gözəldir və biz parka getdik",
        "12345",
        "%%%",
    ] {
        let r = parse(text);
        assert_eq!(r.kind, ReferenceKind::Other, "{text}");
        assert_eq!(r.raw, text);
        assert_eq!(
            r.diagnostics.first().map(|d| d.rule),
            Some(Rule::UnparsedReference),
            "{text}"
        );
    }
    let r = parse("ARDA, f. , siy. 1");
    assert_eq!(r.kind, ReferenceKind::Archival);
    assert_eq!(
        r.diagnostics.first().map(|d| d.rule),
        Some(Rule::IncompleteArchivalReference)
    );
}

#[test]
fn a_name_before_the_year_opens_the_imprint_as_its_place() {
    assert!(looks_like_place("Makhachkala"));
    assert!(looks_like_place("M."));
    assert!(looks_like_place("Nizhny Novgorod"));
    assert!(!looks_like_place("The history of Shirvan"));
    assert!(!looks_like_place("1963"));
    let v = Vocabulary::builtin();
    let r = parse_reference(
        "Mammaev M.M. Zirikhgeran – Kubachi: Essays on history and culture. Makhachkala, 2005.",
        &v,
    );
    assert_eq!(r.place.as_deref(), Some("Makhachkala"));
    assert_eq!(r.year, Some(2005));
}

#[test]
fn a_bare_year_after_tehran_is_solar_hijri() {
    let v = Vocabulary::builtin();
    let r = parse_reference(
        "Pirnia, Hassan, “Ancient Iran,”, Vol. 2, Tehran, Donyaye-Ketab, 1362.",
        &v,
    );
    assert_eq!(r.year, Some(1983));
    assert_eq!(r.original_year.map(|o| o.year), Some(1362));
}

#[test]
fn every_field_points_at_what_was_printed() {
    let v = Vocabulary::builtin();
    let text = "Həsənli Cəmil. (2012) Sovet dövründə Azərbaycanın xarici siyasəti. Bakı: Elm, 2012. 464 s.";
    let r = parse_reference(text, &v);
    let at = |k: &str| r.spans.get(k).map(|s| &text[s.clone()]);
    assert_eq!(at("authors"), Some("Həsənli Cəmil"));
    assert_eq!(at("title"), r.title.as_deref());
    assert_eq!(at("place"), Some("Bakı"));
    assert_eq!(at("publisher"), Some("Elm"));
    assert_eq!(at("year"), Some("2012"));
    // A Solar Hijri year points at the printed year, in its own digits.
    let text = "کاوه بیات (۱۳۸۸). توفان بر فراز قفقاز. تهران: شیرازه.";
    let r = parse_reference(text, &v);
    assert_eq!(r.year, Some(2009));
    assert_eq!(r.spans.get("year").map(|s| &text[s.clone()]), Some("۱۳۸۸"));
    // An archival reference points at its search data as a whole.
    let text = "ARDA: f. 28. siy. 1. iş 72";
    let r = parse_reference(text, &v);
    assert_eq!(r.spans.get("archive").map(|s| &text[s.clone()]), Some(text));
}

#[test]
fn ibid_notes_are_read_as_such() {
    let v = Vocabulary::builtin();
    for text in [
        "Там же. Оп. 2. Д. 310. Л. 14.",
        "Ibid., p. 14.",
        "a.g.e., s. 45.",
        "همان، ص ۴۵.",
    ] {
        let r = parse_reference(text, &v);
        assert!(r.ibid, "{text}");
        // On its own a note repeats nothing: that is its one finding.
        assert_eq!(r.diagnostics.len(), 1, "{text}: {:?}", r.diagnostics);
        assert!(
            r.diagnostics[0].message.contains("repeats no entry"),
            "{text}"
        );
    }
    // A word that only begins like a marker is no marker.
    assert!(!parse_reference("Ibidemque. Title. London, 2001.", &v).ibid);
    assert!(!parse_reference("Həmin əsərlər. Bakı, 2001.", &v).ibid);
}

#[test]
fn a_quoted_in_tail_is_a_second_record() {
    let v = Vocabulary::builtin();
    let text = "Письмо Нариманова Ленину, 1920 г. Цит. по: Гасанлы Дж. Советская политика. М.: Флинта, 2012. С. 45.";
    let r = parse_reference(text, &v);
    let q = r.quoted_in.as_deref().expect("quoted in");
    assert_eq!(
        q.authors.first().map(|p| p.family.as_str()),
        Some("Гасанлы")
    );
    assert_eq!(q.year, Some(2012));
    assert_eq!(q.pages.as_deref(), Some("45"));
    assert_eq!(&text[q.span.clone()], q.raw);
    assert!(q.raw.starts_with("Гасанлы"));
    // The quoted work is read without the tail.
    assert_eq!(r.year, Some(1920));
    assert!(r.title.as_deref().is_some_and(|t| !t.contains("Гасанлы")));
    let r = parse_reference(
        "Marx, K. Capital, p. 12, quoted in Smith, J. Marxism. London, 1990.",
        &v,
    );
    assert_eq!(r.quoted_in.as_deref().and_then(|q| q.year), Some(1990));
}

#[test]
fn persian_lists_title_first_dash_separated_and_apa() {
    let v = Vocabulary::builtin();
    // Title, author, publisher, place, year, separated by commas.
    let r = parse_reference(
        "تاريخ گزيده، حمدالله مستوفى، انتشارات اميركبير، تهران، 1362.",
        &v,
    );
    assert_eq!(r.title.as_deref(), Some("تاريخ گزيده"));
    assert_eq!(r.authors.first().map(|p| p.family.as_str()), Some("مستوفى"));
    assert_eq!(r.publisher.as_deref(), Some("انتشارات اميركبير"));
    assert_eq!(r.original_year.map(|o| o.year), Some(1362));
    // Separated by spaced dashes, the author after a marker.
    let r = parse_reference(
        "اَناهیتا در اسطوره‌های ایرانی ، نوشته سوزان گویری - انتشارات جمال الحق - چاپ اول : ۱۳۷۲",
        &v,
    );
    assert_eq!(r.authors.first().map(|p| p.family.as_str()), Some("گویری"));
    let r = parse_reference(
        "شناخت اساطیر ایران - جان هینلز - ترجمه : ژاله آموزگار - انتشارات چشمه - ۱۳۷۳",
        &v,
    );
    assert_eq!(r.title.as_deref(), Some("شناخت اساطیر ایران"));
    assert_eq!(r.authors.first().map(|p| p.family.as_str()), Some("هینلز"));
    // APA with given names of any length before the bracketed year.
    let r = parse_reference(
        "خاقانی، افضل الدین بدیل بن علی (۱۳۸۷) دیوان خاقانی، ویراسته میر جلال الدین کزاری، تهران، مرکز.",
        &v,
    );
    assert_eq!(r.authors.first().map(|p| p.family.as_str()), Some("خاقانی"));
    assert_eq!(r.title.as_deref(), Some("دیوان خاقانی"));
    assert_eq!(r.year, Some(2008));
    // A newspaper after the title is no author.
    let r = parse_reference("«مقاله»، روزنامه ایران، ۱۲ مهر ۱۳۸۸.", &v);
    assert!(r.authors.is_empty(), "{:?}", r.authors);
}

#[test]
fn a_dash_glued_to_the_place_and_a_bracketed_year_closing_the_title() {
    let v = Vocabulary::builtin();
    let r = parse_reference("Reki blizneüı. -Moskva, 1972.", &v);
    assert_eq!((r.place.as_deref(), r.year), (Some("Moskva"), Some(1972)));
    let r = parse_reference(
        "Kalankatuklu Moisey. Albaniya tarixi. -Bakı, «Elm», 1993.",
        &v,
    );
    assert_eq!(r.place.as_deref(), Some("Bakı"));
    let r = parse_reference(
        "Avestā (2008), Translated & Annotated by Jalil Doostkhah, 12th edition, Tehran: Morvārīd Pub.",
        &v,
    );
    assert_eq!((r.title.as_deref(), r.year), (Some("Avestā"), Some(2008)));
    // A year in brackets inside a title with the entry's year after it stays.
    let r = parse_reference("Azərbaycan (1918). Bakı: Elm, 2005.", &v);
    assert_eq!(
        (r.title.as_deref(), r.year),
        (Some("Azərbaycan (1918)"), Some(2005))
    );
}

#[test]
fn a_container_opened_by_its_authors_name_is_its_title() {
    let v = Vocabulary::builtin();
    let r = parse_reference(
        "Бубер М. Я и ТЫ // Бубер М. Два образа веры. – М.: Республика, 1995. – С. 16–92.",
        &v,
    );
    assert_eq!(r.container.as_deref(), Some("Два образа веры"));
    assert_eq!(r.pages.as_deref(), Some("16-92"));
}

#[test]
fn a_series_belongs_to_its_container() {
    let v = Vocabulary::builtin();
    let r = parse_reference(
        "Чудновец Ю. В. Основы образования / Ю. В. Чудновец // Научные ведомости БелГУ. – Серия: История. Политология, №46 (1), 2019. – С. 88-94.",
        &v,
    );
    assert!(
        r.container
            .as_deref()
            .is_some_and(|c| c.contains("Серия: История")),
        "{:?}",
        r.container
    );
    assert_eq!((r.place.as_deref(), r.publisher.as_deref()), (None, None));
}

#[test]
fn a_short_first_sentence_before_a_title_and_an_imprint_is_the_author() {
    let v = Vocabulary::builtin();
    let r = parse_reference("Xəqani Şirvani. Seçilmiş əsərləri. Bakı, 1956, səh.97.", &v);
    assert_eq!(
        r.authors.first().map(|p| p.family.as_str()),
        Some("Şirvani")
    );
    assert_eq!(r.title.as_deref(), Some("Seçilmiş əsərləri"));
    let r = parse_reference(
        "Садр ад-дин Али ал-Хусайни. Ахбар ад-даулат ас-сельджукские. М., 1980.",
        &v,
    );
    assert_eq!(
        r.authors.first().map(|p| p.family.as_str()),
        Some("ал-Хусайни")
    );
    // A title and the imprint alone: no author.
    let r = parse_reference("Azərbaycan tarixi. Bakı, 1994.", &v);
    assert!(r.authors.is_empty());
    // A title with a lower-case word is no name.
    let r = parse_reference("History of Dagestan. Vol. 1. Moscow, 1967.", &v);
    assert!(r.authors.is_empty());
}

#[test]
fn single_names_dated_apa_style_patronymics_and_ayn_initials_are_authors() {
    let v = Vocabulary::builtin();
    let family = |r: &Reference| r.authors.first().map(|p| p.family.clone());
    // APA's author element as one name: a pen name, a title, no date.
    let r = parse_reference(
        "Hayâlî Bey. (1945). Hayâlî Bey dîvânı (A. Nihat Tarlan, haz.). İstanbul Üniversitesi Yayınları.",
        &v,
    );
    assert_eq!(family(&r).as_deref(), Some("Hayâlî Bey"));
    assert_eq!(r.year, Some(1945));
    assert!(
        r.title
            .as_deref()
            .is_some_and(|t| t.starts_with("Hayâlî Bey dîvânı"))
    );
    let r = parse_reference(
        "Ahmedî. (tarih yok). Dîvân (Y. Akdoğan, haz.). Kültür ve Turizm Bakanlığı.",
        &v,
    );
    assert_eq!(family(&r).as_deref(), Some("Ahmedî"));
    // A sentence title before a year in brackets stays a title.
    let r = parse_reference(
        "Документы внешней политики СССР. (1959) Том II. Москва. Госполитздат.",
        &v,
    );
    assert!(r.authors.is_empty(), "{:?}", r.authors);
    // A catalogue's full name with the father's name.
    let r = parse_reference(
        "Aşurbəyli, Sara xanım Balabəy qızı. Şirvanşahlar dövləti: monoqrafiya. - Bakı, 2006. - 650 s.",
        &v,
    );
    assert_eq!(family(&r).as_deref(), Some("Aşurbəyli"));
    assert_eq!(r.place.as_deref(), Some("Bakı"));
    // Initials after an ʿayn: "ʻA.M.M.".
    let r = parse_reference(
        "Djuwiynī, ʻA.M.M. 2005. Tārīkhi Djahāngushāyi Djuwiynī. Dunyāyi Kitāb, Tehran.",
        &v,
    );
    assert_eq!(family(&r).as_deref(), Some("Djuwiynī"));
    assert_eq!(r.title.as_deref(), Some("Tārīkhi Djahāngushāyi Djuwiynī"));
}

#[test]
fn romanised_names_before_a_bracketed_year_are_authors_unless_a_translator_follows() {
    let v = Vocabulary::builtin();
    let family = |text: &str| {
        parse_reference(text, &v)
            .authors
            .first()
            .map(|p| p.family.clone())
    };
    assert_eq!(
        family("Ebn Baṭūṭa (1985), Reḥla Ebn Baṭūṭe, Beyrūt: dār Beyrūt.").as_deref(),
        Some("Ebn Baṭūṭa")
    );
    assert_eq!(
        family("Aufi, Sadid al-Din Mohammad (2007). Matn-e Enteghadi Javameh al-Hekayat, Tehran: Pazhuheshgah.")
            .as_deref(),
        Some("Aufi")
    );
    // A bracketed "(Anonymous)" before the year is no name to read.
    assert_eq!(
        family(
            "(Anonymous). (n.d). Muʻiz al-Ansāb fī Shadjarati al-Ansāb. P: 67. National Library of Paris."
        ),
        None
    );
    // An institution's long name before APA's period.
    assert_eq!(
        family("United Nations Special Rapporteur on Freedom of Religion or Belief. (March 2006). Official Statement. New York: United Nations.")
            .as_deref(),
        Some("United Nations Special Rapporteur on Freedom of Religion or Belief")
    );
    // An anonymous work's title, then its translator: no author.
    assert_eq!(
        family(
            "Avestā (2008), Translated & Annotated by Jalil Doostkhah, 12th edition, Tehran: Morvārīd Pub."
        ),
        None
    );
    assert_eq!(
        family("Quran Karim (1368 [1989]). Translated by Abdol Mohammad Ayati. Tehran: Soroush."),
        None
    );
}

#[test]
fn the_letters_of_languages_come_from_the_vocabulary() {
    let v = Vocabulary::builtin();
    // Soviet Cyrillic Azerbaijani ә, ҹ against Russian.
    let az = "Әлијев Р. Ширван ханлығы тарихиндән. Бакы: Елм, 1999.";
    assert_eq!(detect_language(az, &v), Some(Language::Az));
    let ru = "Минорский В.Ф. История Ширвана и Дербенда. М., 1963.";
    assert_eq!(detect_language(ru, &v), Some(Language::Ru));
    // Turkish has no q or x: a Turkic word with one is Azerbaijani.
    let az = "Şirvanşahlar dövlətinin xarici siyasəti. Bakı, 1999.";
    assert_eq!(detect_language(az, &v), Some(Language::Az));
    let tr = "Osmanlı Devleti ve Kafkasya, İstanbul: Eren Yayıncılık, 2005.";
    assert_eq!(detect_language(tr, &v), Some(Language::Tr));
}

#[test]
fn a_postposed_container_marker_closes_the_name() {
    let v = Vocabulary::builtin();
    let folded = fold("Osmanlı Tarihi içinde");
    assert_eq!(
        postposition_head(&folded, &v),
        Some(fold("Osmanlı Tarihi").as_str())
    );
    assert_eq!(postposition_head(&fold("Kitabın içindeki"), &v), None);
}

/// Runs `step` on a reader of `raw` with the built-in vocabulary.
fn with_reader<T>(raw: &str, step: impl FnOnce(&mut Reader<'_>) -> T) -> T {
    let vocab = Vocabulary::builtin();
    let clean = Clean::new(raw, 0);
    let mut reference = Reference::unparsed(1, 0..raw.len(), raw.to_string());
    let mut reader = Reader {
        clean: &clean,
        vocab: &vocab,
        reference: &mut reference,
        flags: Flags::default(),
        title_first: false,
    };
    step(&mut reader)
}

#[test]
fn urls_and_an_ibid_marker_are_blanked_before_the_grammar() {
    let raw = "“Peticija tuzemcev g. Samarkanda i uezda (usl.)”: RGIA, f. 1396, op. 1, d. 264, ll. 30-237 ob., at http://zerrspiegel.orientphil.uni-halle.de/t896.htm";
    let (work, url) = with_reader(raw, |r| (r.blank_urls_and_ibid(), r.reference.url.clone()));
    assert_eq!(work.len(), raw.len());
    assert!(!work.contains("http") && work.trim_end().ends_with("at"));
    assert_eq!(
        url.as_deref(),
        Some("http://zerrspiegel.orientphil.uni-halle.de/t896.htm")
    );
    let (work, ibid) = with_reader("Там же. Оп. 2. Д. 310. Л. 14.", |r| {
        (r.blank_urls_and_ibid(), r.reference.ibid)
    });
    assert!(ibid);
    assert!(
        !work.contains("Там же") && work.contains("Оп. 2. Д. 310"),
        "{work}"
    );
}

#[test]
fn an_archival_entry_reads_the_title_before_the_archive() {
    let raw = "Положение об учебных заведениях // Российский государственный архив экономики. Ф. 9527. Оп. 2. Ед. хр. 186.";
    let vocab = Vocabulary::builtin();
    let found = archival::find(raw, &vocab).expect("an archive");
    let ctx = Ctx::new(&vocab, Some(Language::Ru));
    let before = with_reader(raw, |r| r.before_archive(raw, &found, &ctx));
    assert_eq!(
        before.title.as_deref(),
        Some("Положение об учебных заведениях")
    );
    // Nothing after the file number.
    let after = with_reader(raw, |r| r.after_archive(raw, &found, &ctx));
    assert!(after.notes.is_empty() && after.year.is_none());
}

#[test]
fn a_title_less_archival_entry_takes_the_language_of_its_labels() {
    let raw = "ARDA, f. 28, siy. 1, iş 72, v. 5";
    let vocab = Vocabulary::builtin();
    let found = archival::find(raw, &vocab).expect("an archive");
    assert!(is_label_only(raw, &found));
    let lang = with_reader(raw, |r| r.label_language(&found));
    assert_eq!(lang, Some(Language::Az));
}

#[test]
fn same_author_marks_repeat_the_authors_of_the_entry_before() {
    let text = "1. Cole, Juan R. I. 1997. Book of the Tigris. Online.\n\
                2. ———. 1998a. Modernity and the Millennium. New York: Columbia.\n\
                3. . 1998b. Nuqtat al-Kāf. Research Notes.\n\
                4. Иванов И.И. История. М., 1990.\n\
                5. Его же. Другая книга. М.: Наука, 1995.\n\
                6. Idem, Third Book, London, 1999.\n\
                7. – 1999 – not a mark.\n";
    let refs = parse_list(&format!("References\n{text}"));
    let from: Vec<Option<u32>> = refs.iter().map(|r| r.authors_from).collect();
    assert_eq!(from, [None, Some(1), Some(1), None, Some(4), Some(4), None]);
    // The mark is no author and no title; the entry's own authors stay
    // empty, as printed.
    assert!(refs[4].authors.is_empty());
    assert_eq!(refs[4].title.as_deref(), Some("Другая книга"));
    assert_eq!(
        refs[1].title.as_deref(),
        Some("Modernity and the Millennium")
    );
}

#[test]
fn a_list_printed_title_first_reads_its_ambiguous_entries_title_first() {
    let vocab = Vocabulary::builtin();
    let list = "References\n\n\
        1. Behar Al-Anwar, Muhammad Baqir Majlisi, Dar Al-Ihya Al-Turath Al-Arabi, Beirut, Lebanon, 1403 AH.\n\
        2. Ihya Uloom Al-Deen, Abu Hamed Ghazzali, Dar Al-Ma‘refah, Beirut, Lebanon.\n\
        3. Al-Isabah, Ibn Hajar Asqalani, Da Al-Kotob Al-Ilmiyah, Beirut, Lebanon, 1415 AH.\n\
        4. Tarikh Al-Tabari, Tabari, Uroomiyah Bookstall Publications, Qom, Iran\n";
    let refs = parse_list(list);
    let read: Vec<(String, Option<String>)> = refs
        .iter()
        .map(|r| (r.authors[0].family.clone(), r.title.clone()))
        .collect();
    assert_eq!(
        read[1],
        ("Ghazzali".into(), Some("Ihya Uloom Al-Deen".into()))
    );
    assert_eq!(
        read[2],
        ("Ibn Hajar Asqalani".into(), Some("Al-Isabah".into()))
    );
    assert_eq!(read[3], ("Tabari".into(), Some("Tarikh Al-Tabari".into())));
    // Alone, the entry is read author first.
    let one = parse_reference(
        "Ihya Uloom Al-Deen, Abu Hamed Ghazzali, Dar Al-Ma‘refah, Beirut, Lebanon.",
        &vocab,
    );
    assert_ne!(one.title.as_deref(), Some("Ihya Uloom Al-Deen"));
}

#[test]
fn an_unmarked_name_after_a_closed_title_is_the_container_of_cited_pages() {
    let r = parse(
        "Karaismailoğlu, Adnan, “Muizzî”, TDV İslâm Ansiklopedisi, Ankara, c. XXXI, s. 98-99.",
    );
    assert_eq!(r.container.as_deref(), Some("TDV İslâm Ansiklopedisi"));
    assert_eq!(r.kind, ReferenceKind::Chapter);
    // Its own publisher makes the container a book.
    let r = parse(
        "S.M.Onullahi. XIII əsrə aid türk dilində yazılı abidə. Dilçilik məsələləri, «Elm», 2000, s.36-44.",
    );
    assert_eq!(r.container.as_deref(), Some("Dilçilik məsələləri"));
    assert_eq!(r.publisher.as_deref(), Some("Elm"));
    assert_eq!(r.kind, ReferenceKind::Chapter);
    // Without a range of pages the name is the book's publisher.
    let r = parse("Hoca Sadeddin, “Tac ü’t-tevarih”, MEB, İstanbul 1974.");
    assert_eq!(r.container, None);
}

#[test]
fn a_collections_designation_after_its_name_makes_a_paper_a_chapter() {
    // GOST's other title information of the container names a collection
    // of papers; with its own place, the paper is a chapter of it, not an
    // article of a journal.
    for (raw, container) in [
        (
            "Иванов И. И. Статья о горцах // Вопросы истории Кавказа: сб. науч. ст. – Нальчик, 2010. – С. 5–10.",
            "Вопросы истории Кавказа: сб. науч. ст.",
        ),
        (
            "Rüstəmov Ə.M. Kitabxanaçılıq // Azərbaycanda kitabxanaçı kadrların hazırlanması: Tematik məcmuə – Bakı, 1987. – s.32-37.",
            "Azərbaycanda kitabxanaçı kadrların hazırlanması: Tematik məcmuə",
        ),
    ] {
        let r = parse(raw);
        assert_eq!(r.kind, ReferenceKind::Chapter, "{raw}");
        assert_eq!(r.container.as_deref(), Some(container), "{raw}");
    }
    // A journal's issue is still a journal's.
    let r = parse("Сидоров С. С. Заметка // Вестник университета. – 2015. – № 3. – С. 7–9.");
    assert_eq!(r.kind, ReferenceKind::Article);
}

#[test]
fn a_container_keeps_its_subtitle_genre_and_its_bracketed_day() {
    let r = parse(
        "Фунтикова Н. В. Структура модели // Дидактика математики: проблемы и исследования: международный сборник научных работ. – 2021. – Вып. 54. – С. 57–68.",
    );
    assert_eq!(
        r.container.as_deref(),
        Some("Дидактика математики: проблемы и исследования: международный сборник научных работ")
    );
    let r = parse(
        "Занаев С.З. Произведения В.Я. Стоюнина // Сборник научных трудов конференции, посвящённой 190-летию В.Я. Стоюнина (19 декабря 2016 г.) / Под ред. М.В. Богуславского. – М.: ФГБНУ, 2017. – С. 5–9.",
    );
    assert_eq!(
        r.container.as_deref(),
        Some(
            "Сборник научных трудов конференции, посвящённой 190-летию В.Я. Стоюнина (19 декабря 2016 г.)"
        )
    );
    // A genre statement alone after the name is not part of it.
    let r = parse(
        "Nəsirli M. Ordubad tacirləri // Naxçıvan tarixinin aktual problemləri: elmi məqalələr toplusu. Naxçıvan: Əcəmi, 2013, s.77-85.",
    );
    assert_eq!(
        r.container.as_deref(),
        Some("Naxçıvan tarixinin aktual problemləri")
    );
}

#[test]
fn journal_numbers_as_turkish_and_persian_journals_print_them() {
    let r = parse(
        "Kunt, İ. (2019). Kitabeler, Konya Selçuklu Medeniyeti Araştırmaları Dergisi, Yıl:4 Sayı:4, 151-188",
    );
    assert_eq!(
        (
            r.container.as_deref(),
            r.volume.as_deref(),
            r.issue.as_deref()
        ),
        (
            Some("Konya Selçuklu Medeniyeti Araştırmaları Dergisi"),
            Some("4"),
            Some("4")
        )
    );
    let r = parse(
        "DURAN, R. (2006). “Konya'daki Osmanlı Yapıları”, İpek Yolu, Konya, S:IX, s.235-263.",
    );
    assert_eq!(
        (r.issue.as_deref(), r.pages.as_deref()),
        (Some("9"), Some("235-263"))
    );
    let r = parse("براون، ادوارد، تاریخ ادبی ایران، ج اول، تهران، 1333.");
    assert_eq!(r.volume.as_deref(), Some("1"));
    let r = parse("پيام زن (مجله)، سال پنجم، شماره دهم، 1375.");
    assert_eq!(
        (r.volume.as_deref(), r.issue.as_deref()),
        (Some("5"), Some("10"))
    );
}

#[test]
fn a_same_author_mark_then_a_bracketed_year_or_span() {
    let text = "Cole, J. (1997). Tigris. London: Penguin.\n\n\
                —. (1979-83). The Book of Things.\n\n\
                —. (1998). Modernity. New York: Columbia.\n";
    let refs = parse_list(&format!("References\n\n{text}"));
    let read: Vec<(Option<u32>, Option<i32>, Option<&str>)> = refs
        .iter()
        .map(|r| (r.authors_from, r.year, r.title.as_deref()))
        .collect();
    assert_eq!(
        read,
        [
            (None, Some(1997), Some("Tigris")),
            (Some(1), Some(1979), Some("The Book of Things")),
            (Some(1), Some(1998), Some("Modernity")),
        ]
    );
    assert_eq!(refs[1].pages, None);
}

#[test]
fn a_harvard_name_before_its_year_keeps_it_past_a_volume_s_span() {
    // Years in brackets later are the volume's span, not the entry's year.
    let r = parse("Bahá'í World (1930), vol. 3 (1928-30), Bahá'í Publishing Committee, New York");
    assert_eq!(r.authors[0].family, "Bahá'í World");
    assert_eq!(r.year, Some(1930));
    // A bare year later still makes the bracket the title's.
    let r = parse("Azərbaycan (1918). Bakı: Elm, 2005.");
    assert!(r.authors.is_empty());
    assert_eq!(r.year, Some(2005));
    // "undated" is no date.
    let r = parse("Mazandarani, Fadil-i (undated), Tarikh-i Zuhur al-Haqq, vol. 6, manuscript");
    assert_eq!(r.title.as_deref(), Some("Tarikh-i Zuhur al-Haqq"));
}

#[test]
fn an_author_in_capitals_only_is_an_institution_s_abbreviation() {
    let r = parse("BIC UNO. 1982. The Bahá'ís in Irán. New York: Bahá'í International Community.");
    let names: Vec<(&str, Option<&str>)> = r
        .authors
        .iter()
        .map(|a| (a.family.as_str(), a.given.as_deref()))
        .collect();
    assert_eq!(names, [("BIC UNO", None)]);
    assert_eq!(r.year, Some(1982));
    // A name with its initials is still a person's.
    let r = parse("Bock, B., Pappert, S. 2023. Leichte Sprache. Tübingen: Narr.");
    assert_eq!(r.authors[1].given.as_deref(), Some("S."));
}

#[test]
fn author_date_names_then_the_year_before_the_title() {
    let r = parse("Bahā’u’llāh. 1971. The Kitáb-i-Aqdas. Haifa: Bahá’í World Centre.");
    assert_eq!(
        (r.authors, r.year, r.title.as_deref()),
        (
            vec![person("Bahā’u’llāh", None)],
            Some(1971),
            Some("The Kitáb-i-Aqdas")
        )
    );
    let r = parse("Bock, B., Pappert, S. 2023. Leichte Sprache. Tübingen: Narr.");
    assert_eq!(
        r.authors,
        vec![person("Bock", Some("B.")), person("Pappert", Some("S."))]
    );
    assert_eq!(
        (r.year, r.title.as_deref()),
        (Some(2023), Some("Leichte Sprache"))
    );
    let r = parse("Smith, John, Mary Jones, and Peter Brown. 2001. A Title. Oxford: Clarendon.");
    assert_eq!(
        r.authors
            .iter()
            .map(|p| p.family.as_str())
            .collect::<Vec<_>>(),
        ["Smith", "Jones", "Brown"]
    );
    // An editor mark before the year is no edition.
    let r = parse(
        "Browne, E.G., ed. 1910. The Persian Revolution. Cambridge: Cambridge University Press.",
    );
    assert_eq!(r.editors, vec![person("Browne", Some("E.G."))]);
    assert_eq!((r.year, r.edition.as_deref()), (Some(1910), None));
    // A span of years gives its first year.
    let r = parse("Smith, J. (2020-21). A Title. London: Routledge.");
    assert_eq!((r.year, r.pages.as_deref()), (Some(2020), None));
    let r = parse("Smith, J. 1974–1987. A Title. London: Routledge.");
    assert_eq!((r.year, r.title.as_deref()), (Some(1974), Some("A Title")));
    // The calendar's marker after the year: the year is lunar Hijri.
    for text in [
        "Al-Tusi, Muhammad ibn Hassan. 1411 AH, Kitab al-Qayba, Qom.",
        "Al-Tusi, Muhammad ibn Hassan. 1411 A.H. Kitab al-Qayba. Qom.",
    ] {
        let r = parse(text);
        assert_eq!(
            (r.year, r.original_year, r.title.as_deref()),
            (
                Some(1990),
                Some(OriginalYear {
                    calendar: Calendar::LunarHijri,
                    year: 1411
                }),
                Some("Kitab al-Qayba")
            ),
            "{text}"
        );
    }
    // A year with no period after it.
    let r =
        parse("Rabbani, Shoghi Effendi. 1970 God Passes By. Wilmette: Bahá’í Publishing Trust.");
    assert_eq!(r.authors, vec![person("Rabbani", Some("Shoghi Effendi"))]);
    assert_eq!(
        (r.year, r.title.as_deref()),
        (Some(1970), Some("God Passes By"))
    );
    // A nickname in quotes inside the name.
    let r = parse(
        "Zarandī, Muhammad “Nabīl.” 1999. The Dawn-Breakers. Wilmette: Bahá’í Publishing Trust.",
    );
    assert_eq!(r.authors[0].family, "Zarandī");
    assert_eq!(r.authors[0].alias.as_deref(), Some("Nabīl"));
    assert_eq!(r.year, Some(1999));
    // A single word, a year and a locator is a newspaper, not an author.
    let r = parse("Кавказ. 1846. № 12.");
    assert!(r.authors.is_empty());
}

#[test]
fn gost_place_abbreviations_in_latin_letters() {
    // Azerbaijani lists transliterate Russian imprints with GOST's
    // abbreviations: `M.` Moscow, `L.` Leningrad, `SPb` St Petersburg.
    let r = parse("İ.M.Dğəkonov. İstoriə Midii. M.-L., 1956.");
    assert_eq!((r.place.as_deref(), r.year), (Some("M.-L."), Some(1956)));
    let r = parse("İstoriə drevneqo vostoka.t.1, M.,1983;");
    assert_eq!(r.place.as_deref(), Some("M."));
    let r = parse("Fridrix Deliç. Vavilon i Bibliə. -SPb, 1911.");
    assert_eq!(r.place.as_deref(), Some("SPb"));
    // An initial is still an initial.
    let r = parse("Aliyev M., Quliyev L. Tarix. Bakı, 1990.");
    assert_eq!(r.place.as_deref(), Some("Bakı"));
    assert_eq!(r.authors.len(), 2);
}

#[test]
fn a_latin_one_letter_place_needs_the_imprint_punctuation() {
    // `M.` before APA's bracketed year is an initial, not Moscow.
    let r =
        parse("Adamova, A.T & Bayani, M. (2015). Persian Painting. London: The Arts of the Book");
    assert_eq!(r.place.as_deref(), Some("London"));
}

#[test]
fn a_genre_designation_closing_a_subtitle_is_the_genre() {
    let r = parse(
        "Геворкян Е.Н. Рынок образовательных ресурсов: аспекты модернизации: монография. М., 2005. 360 с.",
    );
    assert_eq!(r.title.as_deref(), Some("Рынок образовательных ресурсов"));
    assert_eq!(r.subtitle.as_deref(), Some("аспекты модернизации"));
    assert_eq!(r.genre.as_deref(), Some("монография"));
    let r = parse(
        "Кон И. С. Психология юношеского возраста: Проблемы формирования личности: учеб. пособие. – М.: Академия, 2006. – 255 с.",
    );
    assert_eq!(
        r.subtitle.as_deref(),
        Some("Проблемы формирования личности")
    );
    // A subtitle that is the designation alone stays as printed.
    let r = parse(
        "Богомолова М. И., Захарова Л. М. Межнациональное воспитание детей: учебное пособие. - М. : Флинта, 2016. - 176 с.",
    );
    assert_eq!(r.subtitle.as_deref(), Some("учебное пособие"));
}

#[test]
fn turkish_editors_and_translators_after_the_title_are_no_imprint() {
    let r = parse(
        "Gazawat-ı Sultan Murad bin Mehemmed Han, İzladi ve Varna Savaşları (1443-1444) Üzerinde Anonim Gazavatname, yay. Halil İnalcıkMevlüd Oğuz, Ankara, TTK, 1989.",
    );
    assert_eq!(r.publisher.as_deref(), Some("TTK"));
    assert_eq!(r.editors.len(), 1);
    let r = parse(
        "Klausner 2019 Carla L. Klausner, Selçuklularda Vezirlik -Sivil İdare Üzerine Bir Araştırma 1055-1194-, Türkçe terc. Mehmet Fatih Baş, Sinan Tarifci, Kronik Kitap, İstanbul.",
    );
    assert_eq!(
        r.title.as_deref(),
        Some("Selçuklularda Vezirlik -Sivil İdare Üzerine Bir Araştırma 1055-1194-")
    );
    assert_eq!(r.translators[0].family, "Baş");
    let r = parse(
        "Chronicon ad Annum Christi 1234 Pertinens (Süryanice metin), Ed: J-B Chabot, CSCO, C. 2, Paris, 1917",
    );
    assert_eq!((r.place.as_deref(), r.publisher), (Some("Paris"), None));
}

#[test]
fn baku_as_turkish_lists_spell_it_is_a_place() {
    let r = parse("Ş. Sediyev, Dil Hakkında Öyküler, Bakü 1959.");
    assert_eq!(
        (r.place.as_deref(), r.year, r.title.as_deref()),
        (Some("Bakü"), Some(1959), Some("Dil Hakkında Öyküler"))
    );
    let r = parse("Azerbaycan Toponimlerinin Ansiklopedik Sözlüğü, II. Cilt, Bakü 2007.");
    assert_eq!(
        (r.place.as_deref(), r.year, r.volume.as_deref()),
        (Some("Bakü"), Some(2007), Some("2"))
    );
}

/// A backtick for the letter ʿayn opens or sits inside a romanised Arabic
/// name (shiavault's bibliographies): the name is the author, not a title.
#[test]
fn backtick_ayn_names() {
    for (text, family, title) in [
        (
            "`Abd al-Wahhab Khallaf. `Ilm Usul al-Fiqh. Kuwait: Dar al-Qalam Publishers, 10th Edition, AH 1392.",
            "Khallaf",
            "`Ilm Usul al-Fiqh",
        ),
        (
            "Abu-Bakr ibn `Abdullah Abu-Zayd. Ma`rifat al-Naskh wa’l-Sahf wa’l-Hadith. Riyadh: Dar al-Dariyyah, 1st Edition, Ah 1412.",
            "Abu-Zayd",
            "Ma`rifat al-Naskh wa’l-Sahf wa’l-Hadith",
        ),
        (
            "`Abd al-Karim ibn `Ali ibn Muhammad al-Namlah. Mukhalafat al-Sahabiy Li’l-Hadith al-Nubawiy. Riyadh: Al-Rushd Library, 1st Edition, AH 1416.",
            "al-Namlah",
            "Mukhalafat al-Sahabiy Li’l-Hadith al-Nubawiy",
        ),
    ] {
        let r = parse(text);
        assert_eq!(
            r.authors.first().map(|p| p.family.as_str()),
            Some(family),
            "{text}"
        );
        assert_eq!(r.title.as_deref(), Some(title), "{text}");
    }
}

/// "(died in AH 430)": the year an author died, its era printed before it,
/// is a note after the name.
#[test]
fn death_year_with_era_first() {
    let r = parse(
        "Abu-Na`im al-Isfahaniy, Ahmad ibn `Abdullah (died in AH 430). Dala'il al-Nubuwwah. Revised by Muhammad Muhammad al-Haddad. Riyadh: Dar Tayyibah Publishers, 1st Edition, AH 1409.",
    );
    assert_eq!(
        r.authors.first().map(|p| p.family.as_str()),
        Some("Abu-Na`im al-Isfahaniy")
    );
    assert_eq!(r.title.as_deref(), Some("Dala'il al-Nubuwwah"));
}

/// A list printed title first whose name is followed by the place itself
/// (`Bist Guftar, Mahdi Muhaqqiq, Tehran, 1355 Sh`) is read so, and a
/// straight apostrophe for ʿayn opens a name word (`'Abbas Zaryab Khuyi`).
#[test]
fn title_first_list_with_place_after_name() {
    let list = parse_list(
        "References\n\n\
         1. Bist Guftar, Mahdi Muhaqqiq, Tehran, 1355 Sh\n\
         2. Bazmaward, 'Abbas Zaryab Khuyi, Tehran, 1368 Sh\n\
         3. Andishih Siyasi dar Islam Mu'asir, Hamid 'Inayat, Translated by Baha' al-Din khuramshahi, Tehran, 1362 Sh\n\
         4. Atlas Tarikh al-Islam, Husayn Munis, Cairo, 1407 A.H\n",
    );
    let read: Vec<(Option<&str>, Option<&str>)> = list
        .iter()
        .map(|r| {
            (
                r.title.as_deref(),
                r.authors.first().map(|p| p.family.as_str()),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            (Some("Bist Guftar"), Some("Muhaqqiq")),
            (Some("Bazmaward"), Some("Khuyi")),
            (Some("Andishih Siyasi dar Islam Mu'asir"), Some("'Inayat")),
            (Some("Atlas Tarikh al-Islam"), Some("Munis")),
        ]
    );
    // "1407 A.H": the era's closing period dropped at the entry's end.
    assert_eq!(list[3].publisher, None);
    assert_eq!(list[3].original_year.map(|o| o.year), Some(1407));
}

/// A Persian publisher of several parts, or two publishers, printed with
/// commas between; the edition abbreviated `چ دوم` is no part of it.
#[test]
fn persian_publisher_with_commas() {
    for (text, publisher) in [
        (
            "مسعود کوهستانینژاد، تاریخچه مجلس سنا، تهران، کتابخانه، موزه و مرکز اسناد مجلس شورای اسلامی، 1390، صص 9-12.",
            "کتابخانه، موزه و مرکز اسناد مجلس شورای اسلامی",
        ),
        (
            "مصطفی طهرانی و زهرا میرخانی، سفرنامه گوهر مقصود، تهران، سازمان میراث فرهنگی کشور، موسسه نشر میراث مکتوب، 1381، ص 30.",
            "سازمان میراث فرهنگی کشور، موسسه نشر میراث مکتوب",
        ),
        (
            "محمد صدر هاشمی، تاریخ جراید و مجلات ایران، ج 4، تهران، انتشارات کمال، چ دوم، 1363، صص 300-306.",
            "انتشارات کمال",
        ),
    ] {
        let r = parse(text);
        assert_eq!(r.publisher.as_deref(), Some(publisher), "{text}");
        assert_eq!(r.place.as_deref(), Some("تهران"), "{text}");
    }
}

#[test]
fn a_dash_glued_between_a_place_and_the_year_or_publisher_separates_them() {
    for (text, year, publisher) in [
        (
            "Qəribov Y.Ə. Azərbaycan Respublikasının təbii landşaftlarının optimallaşdırılması. Bakı-2012. 215 s.",
            Some(2012),
            None,
        ),
        (
            "Mikayılov A.A. Qusar düzənliyinin geomorfologiyası. Bakı-Elm, 1978.",
            Some(1978),
            Some("Elm"),
        ),
    ] {
        let r = parse(text);
        assert_eq!(r.place.as_deref(), Some("Bakı"), "{text}");
        assert_eq!(
            (r.year, r.publisher.as_deref()),
            (year, publisher),
            "{text}"
        );
    }
}

#[test]
fn a_page_count_after_a_dash_does_not_make_the_year_a_range() {
    let r = parse(
        "Xələfov A.A. Azərbaycanda kitabxanaçılıq təhsilinin inkişafı. Bakı: Maarif, 1987 – 132 s.",
    );
    assert_eq!(
        (r.year, r.publisher.as_deref()),
        (Some(1987), Some("Maarif"))
    );
    assert_eq!(r.extent.as_deref(), Some("132"));
    // A dash before a bare number still makes a range of years.
    let r = parse("Əliyev R. Tarix. Bakı, 1987–1990.");
    assert_ne!(r.publisher.as_deref(), Some("1987"));
}

#[test]
fn names_followed_at_once_by_the_volume_were_the_title() {
    let r = parse("Molla Nəsrədddin. 10 cilddə, II cild. Bakı, Azərnəşr, 2002");
    assert!(r.authors.is_empty());
    assert_eq!(r.title.as_deref(), Some("Molla Nəsrədddin"));
    assert_eq!(
        (r.volume.as_deref(), r.publisher.as_deref()),
        (Some("2"), Some("Azərnəşr"))
    );
    // The volume's numeral taken for the last initial.
    let r = parse("Azerbaycan Tarihi, I. Cilt, Bakü 1994.");
    assert!(r.authors.is_empty());
    assert_eq!(r.title.as_deref(), Some("Azerbaycan Tarihi"));
    assert_eq!(r.volume.as_deref(), Some("1"));
    // A note's author and short title before the volume after a comma stay.
    let r = parse("Al-ʿAzzāwī, Taʾrīkh al-ʿIrāq, vol. 7, p. 63.");
    assert_eq!(r.authors.len(), 1);
}

/// Arabic lists print "ط" (طبعة, the printing) before the publisher or the
/// place of the edition used, and "سنة" before its year: neither is part of
/// the name or the year (`bib/imprint.toml` `imprint_labels`,
/// `year_prefixes`).
#[test]
fn arabic_printing_and_year_words() {
    let r = parse("تاريخ اليعقوبي ، لابن واضح اليعقوبي ، ط دار صادر ، بيروت ، لبنان.");
    assert_eq!(r.publisher.as_deref(), Some("دار صادر"));
    assert_eq!(r.place.as_deref(), Some("بيروت"));

    let r = parse(
        "تاريخ ابن خلدون ، أو العبر وديوان المبتدأ والخبر ، ط مؤسسة الأعلمي سنة ١٣٩١ هـ ، بيروت ، لبنان.",
    );
    assert_eq!(r.publisher.as_deref(), Some("مؤسسة الأعلمي"));
    assert_eq!((r.year, r.place.as_deref()), (Some(1971), Some("بيروت")));
}

/// Cambridge Core's link labels ("CrossRef", "Google Scholar") copied after
/// an entry are not part of it: the locator before them is read
/// (`bib/imprint.toml` `link_labels`).
#[test]
fn link_labels_after_the_entry() {
    let r = parse(
        "Browne, Edward G., The Persian Revolution of 1905–1909 (Cambridge, 1910), 148Google Scholar.",
    );
    assert_eq!(r.pages.as_deref(), Some("148"));
    assert_eq!(
        (r.year, r.place.as_deref()),
        (Some(1910), Some("Cambridge"))
    );
    let r = parse(
        "Browne, Edward G., The Persian Revolution of 1905–1909 (Cambridge, 1910), 148CrossRefGoogle Scholar",
    );
    assert_eq!(r.pages.as_deref(), Some("148"));
}

/// Chicago notes (14.x) print the page cited after the bracketed imprint:
/// "Title (Place, Year), 148."
#[test]
fn page_after_a_notes_bracketed_imprint() {
    let r = parse("Afary, Janet, The Iranian Constitutional Revolution (New York, 1996), 3.");
    assert_eq!(r.pages.as_deref(), Some("3"));
    assert_eq!((r.year, r.place.as_deref()), (Some(1996), Some("New York")));
}

#[test]
fn a_semicolon_closes_an_inverted_name_before_the_title() {
    for (text, family, given, title) in [
        (
            "Rāzī, Muhammad Sharīf; Ganjīneh-ye Dānishmandān, Tehran 1352 (Sh).",
            "Rāzī",
            "Muhammad Sharīf",
            "Ganjīneh-ye Dānishmandān",
        ),
        (
            "Farāhānī, Mīrzā Mūsā; Iqāmat al-Burhān dar Usūl-e Dīn, Tehran.",
            "Farāhānī",
            "Mīrzā Mūsā",
            "Iqāmat al-Burhān dar Usūl-e Dīn",
        ),
    ] {
        let r = parse(text);
        assert_eq!(r.authors, vec![person(family, Some(given))], "{text}");
        assert_eq!(r.title.as_deref(), Some(title), "{text}");
    }
    // The Persian semicolon parts a title from its subtitle, after a name
    // printed given-name first.
    let r = parse(
        "فخرالدین عظیمی، حاکمیت ملی و دشمنان آن؛ پژوهشی در کارنامه مخالفان، تهران، نگاره آفتاب، 1383، ص 63.",
    );
    assert_eq!(r.authors.len(), 1);
    assert_eq!(r.title.as_deref(), Some("حاکمیت ملی و دشمنان آن"));
}

#[test]
fn a_name_after_the_title_that_calls_itself_a_congress_is_the_container() {
    let r = parse(
        "Bryer A.A.M., \"Byzantium and the Pontos\", XVIIIth International Congress of Byzantine Studies, Moscow 1991, 246-265",
    );
    assert_eq!(
        r.container.as_deref(),
        Some("XVIIIth International Congress of Byzantine Studies")
    );
    assert_eq!(r.kind, ReferenceKind::Chapter);
    let r = parse(
        "Cərullayev A.Ş. Təbii dağıdıcı hadisələr və ekocoğrafi problemlər. AMEA Coğrafiya İnstitutunun konfrans materialları, Şəki, 2006. səh 69-78.",
    );
    assert_eq!(
        r.container.as_deref(),
        Some("AMEA Coğrafiya İnstitutunun konfrans materialları")
    );
    assert_eq!(r.kind, ReferenceKind::Chapter);
    // A sentence of the title without such a word stays in the title.
    let r = parse("Əliyev R. Şirvan xanlığı. Tarixi oçerk, Bakı, 1999.");
    assert_eq!(r.container, None);
}

#[test]
fn a_bracketed_day_closing_an_entry_after_its_url_is_the_day_it_was_read() {
    let r = parse(
        "METİN TUNCEL, \"BİTLİS\", TDV İslâm Ansiklopedisi, https://islamansiklopedisi.org.tr/bitlis (21.06.2024).",
    );
    assert_eq!(r.accessed.as_deref(), Some("21.06.2024"));
    assert_eq!(r.year, None);
    // An entry of a reference work read online is a chapter of it.
    assert_eq!(r.kind, ReferenceKind::Chapter);
    // A year in brackets is not a day, and text after the bracket keeps it
    // the work's.
    let r = parse("Smith J. Qajar Tabriz. https://example.org/tabriz (2019).");
    assert_eq!(r.accessed, None);
}

#[test]
fn tome_and_transliterated_t_give_a_volume() {
    let r = parse("History of Dagestan. T. 1. M., 1967 (in Russian).");
    assert_eq!(r.volume.as_deref(), Some("1"));
    let r = parse(
        "Zdanevitch E., \"Ruy Gonzales de Clavijo en Géorgie\", Actes du XIIe Congrès international des études byzantines. Tome II, Belgrad/Ohrid 1961, 249-255",
    );
    assert_eq!(r.volume.as_deref(), Some("2"));
    assert_eq!(r.kind, ReferenceKind::Chapter);
}

#[test]
fn a_container_dated_to_the_day_is_a_newspaper() {
    let r = parse("یحیی آریابخشایش، حضور ایران در ورسای، ایران، ش7236، (2 دی، 1398).");
    assert_eq!(r.year, Some(2019));
    assert_eq!(r.date.as_deref(), Some("2 دی، 1398"));
    assert_eq!(r.kind, ReferenceKind::Newspaper);
    let r = parse("ДЕРГАЧЕВ А. Беженцы в своей стране. «Известия», 13 октября 1990 г.");
    assert_eq!(r.kind, ReferenceKind::Newspaper);
    // A month without its day is a journal's issue.
    let r = parse("Smith J. The Qajar court. Iranian Studies, no. 3, May 1990, pp. 5-9.");
    assert_eq!(r.kind, ReferenceKind::Article);
}

/// GOST's statement of responsibility after a slash typed without its
/// spaces ("…империи/ Д. В. Конкин //", "…ценностей./Р.А.Алиханова//"):
/// the names are the statement, not the end of the title.
#[test]
fn a_glued_slash_opens_the_statement_of_responsibility() {
    for (text, title) in [
        (
            "Конкин Д. В. Экономика и жизнь в Крыму после присоединения к Российской империи/ Д. В. Конкин // Боспорские исследования. – № 37, 2018. – С. 166-186.",
            "Экономика и жизнь в Крыму после присоединения к Российской империи",
        ),
        (
            "Алиханова, Р.А. Роль семьи в сохранении цивилизационных ценностей./Р.А.Алиханова// Педагогическая деятельность как творческий процесс. – Грозный, 2016. – С. 48 – 50 .",
            "Роль семьи в сохранении цивилизационных ценностей",
        ),
    ] {
        let r = parse(text);
        assert_eq!(r.title.as_deref(), Some(title), "{text}");
        assert_eq!(r.authors.len(), 1, "{text}");
    }
    // A slash between two words is no statement.
    let r = parse("De Beylie L., L’habitation byzantine, Grenoble/Paris 1902");
    assert!(r.note.as_deref().is_none_or(|n| !n.contains("Paris")));
}

/// The Ottoman archive's dates: a lunar month by its letter, the Rumi and
/// Gregorian dates after a slash (BOA catalogues, İSNAD).
#[test]
fn ottoman_dates_with_their_gregorian_equivalents() {
    let lunar = |year| {
        Some(OriginalYear {
            calendar: Calendar::LunarHijri,
            year,
        })
    };
    for (text, year, original) in [
        (
            "BOA, A.MKT.MHM., nr.281/2, 5 Ca 1280 / 18 Ekim 1863.",
            1863,
            lunar(1280),
        ),
        (
            "DH.MKT.1858/117/1_1, 15 C.1308/14 Kânûn-i Sânî 1306/26 Ocak 1891",
            1891,
            lunar(1308),
        ),
        (
            "DH.MKT.1808/49/1_1-2, B.1308/30 Kânûn-i Sânî 1306/11 Şubat 1891",
            1891,
            lunar(1308),
        ),
        (
            "DH.MKT.1858/117/1_2, 11 Ağustos 1307/23 Ağustos 1891",
            1891,
            None,
        ),
        (
            "Arşiv Fon Kodu: DH. MKT. Dosya No: 2310, Gömlek No: 98, Tarihi: 25 L (Şevval) 1317 (14 Şubat 1315-26 Şubat 1900), Konusu: Vergiler.",
            1900,
            lunar(1317),
        ),
    ] {
        let r = parse(text);
        assert_eq!((r.year, r.original_year), (Some(year), original), "{text}");
        assert_eq!(r.title, None, "{text}");
    }
    // The letters keep their case: a page label is no month.
    let r = parse("Belleten, C. 14, s. 1238.");
    assert_eq!(r.original_year, None);
}

/// Turkish theses: the university and its institute publish, the place
/// closes the entry after the designation ("Basılmamış Yüksek Lisans Tezi").
#[test]
fn turkish_thesis_institution_and_place() {
    let r = parse(
        "UZUNHARMAN, H. (2015), İnce Minareli Medresenin Kitabeleri, Hitit Üniversitesi, Sosyal Bilimler Enstitüsü, Basılmamış Yüksek Lisans Tezi, Çorum.",
    );
    assert_eq!(r.kind, ReferenceKind::Thesis);
    assert_eq!(
        r.publisher.as_deref(),
        Some("Hitit Üniversitesi, Sosyal Bilimler Enstitüsü")
    );
    assert_eq!(r.place.as_deref(), Some("Çorum"));
    let r = parse(
        "GÜLER, H. (2021). Sahip Ata Külliyesi, Necmettin Erbakan Üniversitesi, Yayınlanmamış Yüksek Lisans Tezi, Konya.",
    );
    assert_eq!(
        r.publisher.as_deref(),
        Some("Necmettin Erbakan Üniversitesi")
    );
    assert_eq!(r.place.as_deref(), Some("Konya"));
}

/// Transliterated Russian lists print "izd." (издательство) or "И-во"
/// before the publisher's name, glued to the area's dash or not: the
/// label is no part of the name, and the dash before it opens the area.
#[test]
fn publisher_labels_before_the_name() {
    for (text, title, publisher) in [
        (
            "S.N.Kramer. İstoriə naçinaetsə v Şumere.- izd. Nauka, Moskva, 1965.",
            "İstoriə naçinaetsə v Şumere",
            "Nauka",
        ),
        (
            "D.Q.Reder.Mifı i leqendı drevneqo dvureçğə.-İzd.Nauka,Moskva,1965.",
            "Mifı i leqendı drevneqo dvureçğə",
            "Nauka",
        ),
        (
            "İ.M.Dğəkonov.Gpos o Qilğqameş,-izd.AN SSSR,M.-L., 1961.",
            "Gpos o Qilğqameş",
            "AN SSSR",
        ),
        (
            "АЛИЕВ Ф. Ф. Очерки по лексике языка турок Казахстана. Алма-Ата, И-во Наука, 1978",
            "Очерки по лексике языка турок Казахстана",
            "Наука",
        ),
    ] {
        let r = parse(text);
        assert_eq!(r.title.as_deref(), Some(title), "{text}");
        assert_eq!(r.publisher.as_deref(), Some(publisher), "{text}");
    }
}

/// A year typed without its space after the period that closes a title or
/// a periodical's name ("«История Южных осетин».1989.", "// Южная
/// Осетия.1992.№44.") is the year, not part of the name.
#[test]
fn a_year_glued_to_the_period_after_a_name() {
    let r = parse(
        "Гаприндашвили М. Рецензия на рукопись учебника «История Южных осетин».1989. (Из личного архива Л. А. Чибирова).",
    );
    assert_eq!(
        r.title.as_deref(),
        Some("Рецензия на рукопись учебника «История Южных осетин»")
    );
    assert_eq!(r.year, Some(1989));
    let r =
        parse("Чибиров Л., Джиоев М., Пухаев К. Рецензия или приговор? // Южная Осетия.1992.№44.");
    assert_eq!(r.container.as_deref(), Some("Южная Осетия"));
    assert_eq!((r.year, r.issue.as_deref()), (Some(1992), Some("44")));
}

/// A day's date in brackets right after the URL closing the entry is the
/// access date.
#[test]
fn an_unlabelled_access_date_after_the_url() {
    let r = parse(
        "METİN TUNCEL, \"BİTLİS\", TDV İslâm Ansiklopedisi, https://islamansiklopedisi.org.tr/bitlis (21.06.2024).",
    );
    assert_eq!(r.year, None);
    assert_eq!(r.accessed.as_deref(), Some("21.06.2024"));
    assert_eq!(r.container.as_deref(), Some("TDV İslâm Ansiklopedisi"));
}

/// Persian "available at:" before the URL is a label, not the container's
/// end nor an access date.
#[test]
fn a_persian_available_at_label_before_the_url() {
    let r = parse(
        "سنایی، مهدی (1393). «اسلام و مسلمانان در روسیه»، پایگاه تحلیلی خبری قفقاز، قابل دسترسی در: http://qafqaz.ir/fa/?p=8078",
    );
    assert_eq!(r.container.as_deref(), Some("پایگاه تحلیلی خبری قفقاز"));
    assert_eq!(r.accessed, None);
    assert_eq!(r.url.as_deref(), Some("http://qafqaz.ir/fa/?p=8078"));
}

/// Persian APA dates a web page or a magazine's issue by day and Solar
/// month, the month often followed by the word "month" ("ماه").
#[test]
fn a_persian_day_and_month_in_the_year_bracket() {
    let r = parse(
        "زارعی، حسین (21 دی 1392)، «اسلام در روسیه از صوفیسم تا سلفیسم»، گروه بین الملل برهان، قابل دسترسی در: http://borhan.ir/NSite/FullStory/News/?Id=6217",
    );
    assert_eq!(r.authors, vec![person("زارعی", Some("حسین"))]);
    assert_eq!(
        r.title.as_deref(),
        Some("اسلام در روسیه از صوفیسم تا سلفیسم")
    );
    assert_eq!(r.original_year.map(|o| o.year), Some(1392));
    let r = parse(
        "آقامحمدی، مرتضی (اسفند ماه 1397). درآمدی بر علل افزایش افراطگرایی در میان مسلمانان روسیه، مجله سراج منیر، شماره 27.",
    );
    assert_eq!(r.authors, vec![person("آقامحمدی", Some("مرتضی"))]);
    assert_eq!(r.original_year.map(|o| o.year), Some(1397));
}

/// A laqab closed by a nisba, then words with no given name: the author,
/// then the title ("al-Ḥurr al-ʿĀmilī, Wasāʾil al-Shīʿa, Qum, …"); the
/// vowel marks of the publisher's name do not hide its publisher word.
#[test]
fn a_laqab_closed_by_a_nisba_before_the_title() {
    let r = parse("الحرّ العاملىّ، وسائل الشيعة، قم، مؤسّسة آل البيت عليهم‏السلام، 1409 هجرى قمرى");
    assert_eq!(r.authors, vec![person("الحرّ العاملىّ", None)]);
    assert_eq!(r.title.as_deref(), Some("وسائل الشيعة"));
    assert_eq!(r.publisher.as_deref(), Some("مؤسّسة آل البيت عليهمالسلام"));
    let r = parse("الطوسىّ، التهذيب، طهران، دار الكتب الإسلاميّة، 1365 هجرى شمسى");
    assert_eq!(r.authors, vec![person("الطوسىّ", None)]);
    assert_eq!(r.title.as_deref(), Some("التهذيب"));
}

/// A Chicago or Oxford note closes an article with the page it cites, a
/// bare number after the journal's volume and year.
#[test]
fn a_bare_page_closing_an_article_note() {
    let r = parse(
        "E. G. Browne, \"Personal Reminiscences of the Babi Insurrection at Zanjan in 1850,\" Journal Royal Asiatic Society, 19 (1897), 768.",
    );
    assert_eq!(
        r.container.as_deref(),
        Some("Journal Royal Asiatic Society")
    );
    assert_eq!(r.volume.as_deref(), Some("19"));
    assert_eq!(r.pages.as_deref(), Some("768"));
}

/// A short note names the author and, for a work cited in full before, a
/// word in the title's place ("همان", "پیشین", "op. cit."): no title.
#[test]
fn an_op_cit_word_in_the_title_place() {
    for text in ["ابن مسکویه: پیشین، ج6، ص88.", "ابن اثیر: همان، ج19، ص46."]
    {
        let r = parse(text);
        assert_eq!(r.title, None, "{text}");
        assert_eq!(r.kind, ReferenceKind::Book, "{text}");
        assert!(r.diagnostics.is_empty(), "{text}");
    }
}

/// Persian and Arabic label the publisher or the press with a colon
/// ("ناشر:", "المطبعة:"): the label is no part of the name or the place,
/// and it closes an editor's statement before it; "مصحح" names the editor.
#[test]
fn a_persian_or_arabic_publisher_label_with_its_colon() {
    let r = parse(
        "القرشي، باقر شريف: حياة الإمام الحسين بن علي، الطبعة الأولى 1394هـ، المطبعة: الآداب، النجف الأشرف- العراق.",
    );
    assert_eq!(r.publisher.as_deref(), Some("الآداب"));
    assert_eq!(r.place.as_deref(), Some("النجف الأشرف- العراق"));
    let r = parse(
        "ابن منيع (ابن سعد)، محمد بن سعد (230- 168ق)، «ترجمة الامام الحسین و مقتله»، تحقیق: سید عبدالعزيز طباطبايى يزدى، ناشر: مؤسسه آل البيت لاحياء التراث، قم، 1416 ق",
    );
    assert_eq!(r.editors.len(), 1);
    assert_eq!(r.publisher.as_deref(), Some("مؤسسه آل البيت لاحياء التراث"));
    let r = parse(
        "حسینی فسایی، حسن (1367)، فارسنامه ناصری، مصحّح منصور رستگار فسایی، جلد 2، تهران: نشر امیر کبیر.",
    );
    assert_eq!(r.container, None);
    assert_eq!(r.editors.len(), 1);
    // "المركز" heads a publisher's name as "المكتبة" and "المؤسسة" do.
    let r =
        parse("بنات النبي أم ربائبه ، لجعفر مرتضى العاملي ، ط المركز الإسلامي للدراسات سنة ١٤٢٣ هـ.");
    assert_eq!(r.publisher.as_deref(), Some("المركز الإسلامي للدراسات"));
}

/// GOST theses repeat the author's full name after the specialty's code
/// and a slash, and some print the place after it without the area's
/// separator: the place is read off the statement.
#[test]
fn a_thesis_place_closing_the_statement_of_responsibility() {
    for (text, place) in [
        (
            "Литарова Н. В. Частные средние учебные заведения: автореф. дис. … канд. пед. наук: 13.00.01/Литарова Наталья Владимировна М., 1994.",
            "М.",
        ),
        (
            "Сергеева С. В. Становление частного школьного образования в России : Дис. ... д-ра пед. наук : 13.00.01 / Сергеева Светлана Васильевна Москва, 2003",
            "Москва",
        ),
    ] {
        let r = parse(text);
        assert_eq!(r.kind, ReferenceKind::Thesis, "{text}");
        assert_eq!(r.place.as_deref(), Some(place), "{text}");
        assert_eq!(r.authors.len(), 1, "{text}");
        assert!(
            r.genre.as_deref().is_some_and(|g| g.ends_with("13.00.01")),
            "{text}"
        );
    }
}

/// A publisher's series number ("Yayın Nu: 12") is a note after the
/// publisher it follows, not part of its name.
#[test]
fn a_series_number_after_the_publisher() {
    let r = parse(
        "3 Numaralı Mühümme Defteri (966–968 / 1558–1560), (1993), T.C. Başbakanlık Devlet Arşivleri Genel Müdürlüğü, Osmanlı Arşivi Daire Başkanlığı, Yayın Nu: 12. Dîvân-ı Hümâyûn Sicilleri Dizisi I: Ankara.",
    );
    assert_eq!(
        r.publisher.as_deref(),
        Some("T.C. Başbakanlık Devlet Arşivleri Genel Müdürlüğü, Osmanlı Arşivi Daire Başkanlığı")
    );
    assert_eq!(r.place.as_deref(), Some("Ankara"));
    assert!(
        r.note
            .as_deref()
            .is_some_and(|n| n.contains("Yayın Nu: 12"))
    );
}

/// A volume printed inside the title's segment ends the title: number
/// first ("Azərbaycan tarixi I cild."), its label glued to the title's
/// period ("vostoka.t.1,") or after the title's closing quote ("c.I").
#[test]
fn a_volume_after_the_title_without_its_separator() {
    for (text, title) in [
        (
            "Azərbaycan tarixi I cild. Bakı, 1958. 448 səh.",
            "Azərbaycan tarixi",
        ),
        (
            "İstoriə drevneqo vostoka.t.1, M.,1983;",
            "İstoriə drevneqo vostoka",
        ),
        (
            "Hoca Sadeddin, \"Tac ü’t-tevarih\" c.I, sad. İsmet Parmaksızoğlu, MEB, İstanbul 1974.",
            "Tac ü’t-tevarih",
        ),
    ] {
        let r = parse(text);
        assert_eq!(r.title.as_deref(), Some(title), "{text}");
        assert_eq!(r.volume.as_deref(), Some("1"), "{text}");
    }
}

/// A family name in capitals closed by a period where the comma stands
/// ("REINAUD. T.R. (1848),"): the initials and the bracketed year still
/// make it the author of an author–date entry.
#[test]
fn capitals_then_a_period_before_initials_and_the_year() {
    for (text, family, given, title) in [
        (
            "REINAUD. T.R. (1848), Geographie d’Aboulfeda. Paris",
            "REINAUD",
            "T.R.",
            "Geographie d’Aboulfeda",
        ),
        (
            "KOLLAUTZ. A. (2000), Abasgia. Asyayın. İstanbul",
            "KOLLAUTZ",
            "A.",
            "Abasgia",
        ),
    ] {
        let r = parse(text);
        assert_eq!(r.authors, vec![person(family, Some(given))], "{text}");
        assert_eq!(r.title.as_deref(), Some(title), "{text}");
    }
}

#[test]
fn a_period_glued_to_the_title_closes_the_name() {
    let r = parse(
        "Kayali, Hasan.A History of Modern Turkey. Cambridge, UK: Cambridge University Press, 2003.",
    );
    assert_eq!(r.authors, vec![person("Kayali", Some("Hasan"))]);
    assert_eq!(r.title.as_deref(), Some("A History of Modern Turkey"));
    let r = parse("Isfahanī, Abu al-Faraj.Maqātil al-Tālibīn. Qom: Manshūrāt Radī, 1993.");
    assert_eq!(r.title.as_deref(), Some("Maqātil al-Tālibīn"));
    assert_eq!(r.publisher.as_deref(), Some("Manshūrāt Radī"));
}

#[test]
fn a_translator_or_editor_ends_before_the_imprint_of_a_comma_entry() {
    // A publisher's name closing the entry.
    let r = parse("Aflatun, Jumhuri, W.K.C. Guthrie, trans. Hasan Fathi, Fikr-i Ruz Publication.");
    assert_eq!(r.authors, vec![person("Aflatun", None)]);
    assert_eq!(r.title.as_deref(), Some("Jumhuri"));
    assert_eq!(r.publisher.as_deref(), Some("Fikr-i Ruz Publication"));
    assert_eq!(r.translators, vec![person("Fathi", Some("Hasan"))]);
    // "Publisher, Place, Year", the place unknown to the vocabulary.
    let r = parse(
        "Al-Ghazali, Muhammad b. Muhammad, Al-Maqsad al-Asna fi Sharh Ma‘ani Asma Allah al-Husna, ed. Bassam ‘Abd al-Wahab al-Jabi, Al-Jaffan wa al-Jabi, Cypress, 1407/1987.",
    );
    assert_eq!(r.editors.len(), 1);
    assert_eq!(r.publisher.as_deref(), Some("Al-Jaffan wa al-Jabi"));
    assert_eq!(r.place.as_deref(), Some("Cypress"));
}

#[test]
fn a_title_first_comma_list_names_its_places() {
    let list = "References\n\n\
        1. Ahsan al-Taqasim, Maqdisi, Laiden, 1906\n\
        2. al-Asnam, Hisham Kalbi, Translated to Persian by Jalali Na'ini, Tehran, 1348 S.H.\n\
        3. Atlas Tarikh al-Islam, Husayn Munis, Cairo, 1407 A.H\n\
        4. Akhbar Isbahan, Abu Nu'aym Isbahani, Leidan, 1934\n\
        5. Bist Guftar, Mahdi Muhaqqiq, Tehran, 1355 Sh\n\
        6. Bazmaward, 'Abbas Zaryab Khuyi, Tehran, 1368 Sh\n";
    let refs = parse_list(list);
    // An unknown place before the year that closes the entry.
    assert_eq!(refs[0].title.as_deref(), Some("Ahsan al-Taqasim"));
    assert_eq!(refs[0].place.as_deref(), Some("Laiden"));
    assert_eq!(refs[3].place.as_deref(), Some("Leidan"));
    // The language named between "translated" and "by".
    assert_eq!(refs[1].translators.len(), 1);
    assert_eq!(refs[1].publisher, None);
    assert_eq!(refs[1].place.as_deref(), Some("Tehran"));
    // Not a place: a season after a periodical's issue.
    let r = parse(
        "Ahmadikhah, ‘Ali, “Huquq-i Hayvanhat dar Sira va Sukhan-i Payambar-i A‘zam”, Majalla-yi Tarikh dar A’inay-yi Pazhuhish, III, No. 11, Fall, 1385 sh/2006.",
    );
    assert_eq!(r.place, None);
}

#[test]
fn a_name_before_the_year_of_a_persian_comma_note_is_the_publisher() {
    for (text, publisher) in [
        (
            "موسی نجفی، تأملات سیاسی در تاریخ تفکر اسلامی، ج 2، پژوهشگاه علوم انسانی و مطالعات فرهنگی، 1375، ص 270.",
            "پژوهشگاه علوم انسانی و مطالعات فرهنگی",
        ),
        (
            "علیاصغر شمیم، ایران در دورهی سلطنت قاجار، علمی، چ سوم، 1371، صص 584-585.",
            "علمی",
        ),
        (
            "الصدوق، محمّد بن على بن حسين بن بابويه القمىّ، عيون أخبار الرضا (ع)، جهان، 1378 هجرى قمرى",
            "جهان",
        ),
    ] {
        let r = parse(text);
        assert_eq!(r.publisher.as_deref(), Some(publisher), "{text}");
        assert_eq!(r.authors.len(), 1, "{text}");
    }
}

#[test]
fn a_title_first_list_reads_an_author_whose_name_ends_in_al() {
    let list = "References\n\n\
        1. Ahsan al-Taqasim, Maqdisi, Laiden, 1906\n\
        2. Atlas Tarikh al-Islam, Husayn Munis, Cairo, 1407 A.H\n\
        3. Akhbar al-Tiwal, Abu Hanifa al-Diniwari, Edited by 'Abd al-Mun'im 'Amir, Cairo, 1960\n\
        4. Bist Guftar, Mahdi Muhaqqiq, Tehran, 1355 Sh\n\
        5. Bazmaward, 'Abbas Zaryab Khuyi, Tehran, 1368 Sh\n";
    let refs = parse_list(list);
    assert_eq!(refs[2].title.as_deref(), Some("Akhbar al-Tiwal"));
    assert_eq!(refs[2].authors[0].family, "al-Diniwari");
    assert_eq!(refs[2].kind, ReferenceKind::Book);
}

#[test]
fn no_publisher_before_a_place_printed_with_its_year() {
    let r = parse(
        "Mango C., The art of the Byzantine Empire 312-1453. Sources and documents, New Jersey 1972",
    );
    assert_eq!(r.publisher, None);
    assert_eq!(r.subtitle.as_deref(), Some("Sources and documents"));
    assert_eq!(
        (r.place.as_deref(), r.year),
        (Some("New Jersey"), Some(1972))
    );
    let r = parse(
        "Musa Çadırcı, Tanzimat Döneminde Anadolu Kentleri’nin Sosyal ve Ekonomik Yapısı, Ankara 2025.",
    );
    assert_eq!(r.publisher, None);
    // A publisher that says so still is one.
    let r = parse("Smith J., A History of Trade, Oxford University Press, London 1990.");
    assert_eq!(r.publisher.as_deref(), Some("Oxford University Press"));
}

#[test]
fn a_publisher_before_the_year_is_no_place() {
    let r = parse("Gurjī, Abulqāsim.Tārīkh Fiqh wa Fuqahā'. Samt Publication, 1997.");
    assert_eq!(r.place, None);
    assert_eq!(r.publisher.as_deref(), Some("Samt Publication"));
}

#[test]
fn dotted_record_office_and_department_codes_read_as_the_undotted() {
    for text in [
        "P.R.O., F.O. 248/108, Najib Pasha to political agent (n.d.).",
        "PRO, FO 248/108, Najib Pasha to political agent (n.d.).",
    ] {
        let r = parse(text);
        assert_eq!(r.kind, ReferenceKind::Archival, "{text}");
        let a = r.archive.expect(text);
        assert_eq!(
            a.full_name.as_deref(),
            Some("The National Archives, Kew"),
            "{text}"
        );
        assert_eq!(
            a.fond.as_deref().map(|f| f.replace('.', "")),
            Some("FO 248".into())
        );
        assert_eq!(a.file.as_deref(), Some("108"), "{text}");
    }
}

#[test]
fn a_single_slash_before_what_the_work_is_part_of_opens_its_container() {
    let r = parse(
        "Арсалиев Ш.М-Х. Этнопедагогическая система в образовательном пространстве / Известия Чеченского государственного педагогического института. 2014. № 2 (8). С. 54-57.",
    );
    assert_eq!(
        (r.kind, r.container.as_deref()),
        (
            ReferenceKind::Article,
            Some("Известия Чеченского государственного педагогического института")
        )
    );
    assert_eq!(r.authors, vec![person("Арсалиев", Some("Ш.М-Х."))]);
    let r = parse(
        "Тесовский Д. Характер, основы и задачи новой школы /Новая школа, 1918.№ 3. С.137-138.",
    );
    assert_eq!(
        r.title.as_deref(),
        Some("Характер, основы и задачи новой школы")
    );
    assert_eq!(r.container.as_deref(), Some("Новая школа"));
    // A statement of responsibility stays one.
    let r = parse(
        "Стоюнин В.Я. Избранные педагогические сочинения / Под ред. Н.А. Константинова. – М.,1954. – 400 с.",
    );
    assert_eq!(r.container, None);
    assert_eq!(r.kind, ReferenceKind::Book);
}

#[test]
fn a_sentence_closed_by_the_area_dash_before_the_place_is_the_titles() {
    let r = parse(
        "Материалы по реформе средней школы. Примерные программы и объяснительные записки. – Пг., 1915. – С. 328 – 330.",
    );
    assert_eq!(r.kind, ReferenceKind::Book);
    assert_eq!(r.container, None);
    assert_eq!(
        r.subtitle.as_deref(),
        Some("Примерные программы и объяснительные записки")
    );
    let r = parse(
        "Социальная адаптация подростков /авт.-сост. Л.В. Астапович. – Минск: Кришко-Принт, 2008.",
    );
    assert_eq!(r.title.as_deref(), Some("Социальная адаптация подростков"));
    assert_eq!(r.subtitle, None);
    // An issue keeps the periodical a container.
    let r = parse("Рубинштейн М.М. Война и идеал воспитания. Вестник воспитания. – № 4.− 1916.");
    assert_eq!(r.container.as_deref(), Some("Вестник воспитания"));
}

#[test]
fn a_periodicals_source_line_names_the_container() {
    let r = parse("«Qarapapaqlar».-2010.-№1(31).-S.8-16.");
    assert_eq!(r.kind, ReferenceKind::Article);
    assert_eq!(r.container.as_deref(), Some("Qarapapaqlar"));
    assert_eq!(r.title, None);
    let r = parse("«Türkologiya» jurnalı, (3-4), Bakı, «Elm», 2008, s. 90-96.");
    assert_eq!(r.container.as_deref(), Some("Türkologiya"));
    assert_eq!(r.issue.as_deref(), Some("3-4"));
}

#[test]
fn a_part_numbered_first_or_alone_is_the_volume() {
    let r = parse("Qarabağnamələr. I kitab. Bakı, \"Şərq-Qərb\", 2006, 216 səh.");
    assert_eq!(r.volume.as_deref(), Some("1"));
    assert_eq!(r.title.as_deref(), Some("Qarabağnamələr"));
    let r = parse(
        "Бутков П.Г. Материалы для новой истории Кавказа с 1772 по 1803 г. – СПб, 1868. – Ч.1.",
    );
    assert_eq!((r.volume.as_deref(), r.part.as_deref()), (Some("1"), None));
    // Beside a journal's issue the part stays a part.
    let r = parse(
        "Калантарян Л. А. Становление. Ежемесячный научный журнал. - Екатеринбург. - Часть 7. - 2015. - №4(9). - С. 46-48.",
    );
    assert_eq!(r.volume, None);
}

#[test]
fn an_issue_numbered_first_with_the_turkish_ordinal() {
    let r = parse("Y. Yusufov, Quba Xaçmaz, “Bilim ve Hayat” dergisi, Bakü 1965, 9. sayı");
    assert_eq!(r.issue.as_deref(), Some("9"));
}

#[test]
fn apa_roles_bracketed_after_the_names() {
    let r = parse("Aydî. (1954). Aydî divanı (Ö. A. Aksoy, haz.) Desen Matbaası.");
    assert_eq!(r.title.as_deref(), Some("Aydî divanı"));
    assert_eq!(r.editors, vec![person("Aksoy", Some("Ö. A."))]);
    assert_eq!(r.publisher.as_deref(), Some("Desen Matbaası"));
    let r = parse("Firdevsi. (1994). Şehname (C 2) (N. Lugal, çev.). Millî Eğitim Bakanlığı.");
    assert_eq!(r.translators, vec![person("Lugal", Some("N."))]);
    assert_eq!(r.publisher.as_deref(), Some("Millî Eğitim Bakanlığı"));
}

#[test]
fn turkish_publishers_and_the_hijri_years_of_their_cities() {
    let r = parse("Hobsbawm, E. J. (2011). Eşkıyalar. Agora Kitaplığı.");
    assert_eq!(r.publisher.as_deref(), Some("Agora Kitaplığı"));
    let r = parse(
        "Bûhârî, Şeyh Süleyman Efendi (1298). Lügat-ı Çağâtâyî ve Türkî-yi Osmânî. İstanbul: Mihrân Matbaası.",
    );
    assert_eq!(r.year, Some(1880));
    let r = parse("Ârînpûr, Yahyâ (1350). Ez Sabâ tâ Nîmâ. Tahrân: İntişârât-ı Zevvâr.");
    assert_eq!(r.year, Some(1971));
}

#[test]
fn a_bare_volume_number_before_the_place() {
    let r = parse("Ə.Dəmirçizadə. Azərbaycan ədəbi dili tarixi. -1, Bakı, »Maarif», 1979.");
    assert_eq!(r.volume.as_deref(), Some("1"));
    let r = parse(
        "AĞAYEVA F.M. Azərbaycan antroponimiyasına folklor və etnoqrafiyanın təsiri haqqında// Azərbaycan onomastikası problemləri. II, Bakı, APİ nəşri – 1988, s. 10- 11",
    );
    assert_eq!(r.volume.as_deref(), Some("2"));
}

#[test]
fn the_form_of_a_document_after_its_shelfmark_is_no_title() {
    let r = parse("АИ РА, ф.223, оп.1, д. 103, л. 148. Отпуск. Машинопись.");
    assert_eq!(r.kind, ReferenceKind::Archival);
    assert_eq!(r.title, None);
}

#[test]
fn a_publishers_name_after_the_title_and_a_same_author_mark_name_no_author() {
    let list = "KAYNAKÇA\n\n1. AHISKALI, Mircevat. Gurbetten İniltiler 1. Sürgün Romanı. Emin Yayınları, 2. baskı, Bursa, 2010, 183 s;\n2. ____ Ahıskalıdan Hikayeler. Emin Yayınları, Bursa, 2010, 224 s\n3. Ahıska Masalları ve Hikayeler. Emin Yayınları, Bursa, 2010, 175 s;\n";
    let refs = parse_list(list);
    for r in &refs[1..] {
        assert!(
            r.authors
                .iter()
                .all(|p| p.family != "Yayınları" && p.family != "Hikayeler"),
            "{}",
            r.raw
        );
        assert_eq!(r.publisher.as_deref(), Some("Emin Yayınları"), "{}", r.raw);
    }
    assert_eq!(refs[1].title.as_deref(), Some("Ahıskalıdan Hikayeler"));
}

#[test]
fn a_page_count_typed_with_a_latin_c_in_a_russian_entry() {
    let r = parse(
        "Титова, Н.М. Социальная психология / Н.М. Титова. - М.: МПСИ; Издание 2-е, испр., 2017. - 248 c.",
    );
    assert_eq!(
        (r.volume.as_deref(), r.extent.as_deref()),
        (None, Some("248"))
    );
    // A serial's section ("Отд. I") before the pages is no initial.
    let pages = parse(
        "Загурский Л.П. Заметки о кюринском языке // Сборник сведений о кавказских горцах. Вып.VIII. Тифлис, 1875. Отд. I. С. 1 – 100.",
    )
    .pages;
    assert_eq!(pages.as_deref(), Some("1-100"));
}

#[test]
fn a_latin_name_in_its_natural_order_before_the_titles_comma() {
    let r = parse("İlber Ortaylı, Türkiye Teşkilat ve İdare Tarihi, İstanbul 2022.");
    assert_eq!(r.authors, vec![person("Ortaylı", Some("İlber"))]);
    assert_eq!(r.title.as_deref(), Some("Türkiye Teşkilat ve İdare Tarihi"));
    let r = parse(
        "İsmayılov M. C. Şollar düzü və Lənkəran ovalığı landşaftlarının dinamikası. Azərb. SSR EA-nın Xəbərləri. Yer elmləri seriyası. 1986, № 3, səh. 42 – 49.",
    );
    let container = r.container.unwrap_or_default();
    assert!(container.starts_with("Azərb. SSR"), "{container}");
}

#[test]
fn an_honorifics_abbreviation_and_apa_numbers_without_their_comma() {
    let Reference {
        title,
        container,
        volume,
        issue,
        ..
    } = parse(
        "Arslan, M. (2012). Sünni halk inançlarında Hz. Ali tasavvuru üzerine bir din sosyolojisi incelemesi. Birey ve Toplum 2(4).",
    );
    let title = title.unwrap_or_default();
    assert!(title.ends_with("Hz. Ali tasavvuru üzerine bir din sosyolojisi incelemesi"));
    assert_eq!(
        [container, volume, issue].map(Option::unwrap_or_default),
        ["Birey ve Toplum", "2", "4"]
    );
}
