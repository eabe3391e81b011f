//! Generated inputs for the big-input tests (tests/bad_input.rs) and the
//! benchmarks (benches/parse.rs, which includes this file by path): large
//! files are made, not stored.

/// The kinds of entry the generator writes, in turn.
/// Entry `i` is of kind and language `KINDS[i % KINDS.len()]`.
pub const KINDS: [(&str, Option<&str>); 9] = [
    ("archival", Some("az")),
    ("archival", Some("ru")),
    ("book", Some("az")),
    ("book", Some("ru")),
    ("book", Some("fa")),
    ("article", Some("ru")),
    ("article", Some("en")),
    ("chapter", Some("az")),
    // A bare URL has no language of its own.
    ("web", None),
];

const AZ_AUTHORS: [&str; 12] = [
    "Mahmudov Y.",
    "Həsənli C.",
    "Nəsibzadə N.",
    "Bağırova İ.",
    "Qasımlı M.",
    "Əliyev F.",
    "İsmayılov E.",
    "Süleymanov M.",
    "Balayev A.",
    "Həsənov C.",
    "Rüstəmova S.",
    "Abdullayev M.",
];
const AZ_TITLES: [&str; 10] = [
    "Azərbaycan diplomatiyası",
    "Gilan hadisələri",
    "Sovet-İran münasibətləri",
    "Xəzər ticarəti",
    "Naxçıvan məsələsi",
    "Mühacirət tarixi",
    "Bakı neft sənayesi",
    "Cənubi Azərbaycan",
    "Qafqaz siyasəti",
    "Bakı mətbuatı",
];
const RU_AUTHORS: [&str; 12] = [
    "Ибрагимов Т.",
    "Генис В.Л.",
    "Гасанлы Дж.",
    "Исмаилов Э.Э.",
    "Волкова Н.Г.",
    "Иванов М.С.",
    "Агаев С.Л.",
    "Кулиев Н.М.",
    "Мамедова Ф.",
    "Пахомов Е.А.",
    "Тер-Оганов Н.К.",
    "Орешкова С.Ф.",
];
const RU_TITLES: [&str; 10] = [
    "Иранская революция",
    "Красная Персия",
    "Советская политика в Иране",
    "Бакинская нефть",
    "Каспийская торговля",
    "Гилянская республика",
    "Переселенческое дело на Мугани",
    "Очерки по истории Азербайджана",
    "Кавказ и Персия",
    "Русские в Иране",
];
const FA_AUTHORS: [&str; 12] = [
    "کاوه بیات",
    "مهدی بامداد",
    "حسن حضرتی",
    "ایرج ذوقی",
    "منصوره اتحادیه",
    "عباس اقبال",
    "رضا رئیس\u{200c}نیا",
    "علی آذری",
    "کریم طاهرزاده",
    "محمدعلی موحد",
    "ناصر تکمیل",
    "غلامحسین میرزا",
];
const FA_TITLES: [&str; 10] = [
    "توفان بر فراز قفقاز",
    "آذربایجان در ایران معاصر",
    "مشروطهٔ عثمانی",
    "ایران و قدرتهای بزرگ",
    "مهاجرت کارگران ایرانی",
    "روابط تاریخی ایران و روسیه",
    "انقلاب گیلان",
    "نفت باکو",
    "تاریخ قفقاز",
    "اسناد دیپلماسی",
];

/// The `i`-th generated entry (without its list number): archival files in
/// Azerbaijani and Russian convention, books in three languages and
/// calendars, journal articles, a chapter and a web page. No two of the
/// first 108 000 entries describe the same work: books differ in year,
/// author or title; the others carry `i` in a file number, pages or URL.
pub fn entry(i: usize) -> String {
    let j = i / KINDS.len();
    let (year, author, title) = (j % 100, (j / 100) % 12, (j / 1200) % 10);
    match i % KINDS.len() {
        0 => format!(
            "ARDA: f. {}. siy. {}. iş {i}, v. {}–{}",
            28 + i % 900,
            1 + i % 9,
            1 + i % 300,
            5 + i % 300
        ),
        1 => format!(
            "ГАРФ. Ф. {}. Оп. {}. Д. {i}. Л. {}–{} об.",
            100 + i % 9000,
            1 + i % 5,
            1 + i % 80,
            3 + i % 80
        ),
        2 => format!(
            "{} {}. Bakı: Təhsil, {}. {} s.",
            AZ_AUTHORS[author],
            AZ_TITLES[title],
            1900 + year,
            100 + i % 700
        ),
        3 => format!(
            "{} {}. – М. : Наука, {}. – {} с.",
            RU_AUTHORS[author],
            RU_TITLES[title],
            1900 + year,
            100 + i % 700
        ),
        4 => format!(
            "{} ({}). {}. تهران",
            FA_AUTHORS[author],
            1300 + year,
            FA_TITLES[title]
        ),
        5 => format!(
            "Никифоров Б.А. Муганская степь и её колонизация // Известия Кавказского отдела РГО. {}. Т. {}, № {}. С. {i}–{}.",
            1900 + year,
            1 + i % 40,
            1 + i % 12,
            i + 30
        ),
        6 => format!(
            "Atabaki T. Ethnicity and Autonomy in Azerbaijan // Iranian Studies. {}. Vol. {}, no. {}. P. {i}–{}.",
            1900 + year,
            1 + i % 50,
            1 + i % 4,
            i + 20
        ),
        7 => format!(
            "Həsənli C. Gilan hadisələri // Azərbaycan tarixi. Bakı: Elm, {}. S. {i}–{}.",
            1900 + year,
            i + 12
        ),
        _ => format!("<https://www.seratnews.com/fa/news/{i}/مهاجرت>"),
    }
}

/// A manuscript whose list has `n` numbered entries under `## ƏDƏBİYYAT`,
/// after a body citing the first few.
pub fn list(n: usize) -> String {
    let mut text = String::from(
        "Bu barədə yazılıb (9, v. 12), (1, л. 3), (2, s. 45) və (4, ص 12).\n\n## ƏDƏBİYYAT\n\n",
    );
    for i in 1..=n {
        text.push_str(&format!("{i}. {}\n", entry(i)));
    }
    text
}

/// One sentence of prose with two citations, repeated to about `bytes`
/// bytes, without a line end.
pub const SENTENCE: &str = "Bu barədə arxiv sənədlərində yazılıb (1, v. 5), bax: [2, s. 3]. ";

/// A single line of about `bytes` bytes: [`SENTENCE`] repeated.
pub fn long_line(bytes: usize) -> String {
    SENTENCE.repeat(bytes.div_ceil(SENTENCE.len()))
}

/// [`long_line`] followed by a one-entry list: every `[2, s. 3]` dangles
/// and every `(1, v. 5)` cites a leaf of a book, so the line carries two
/// findings every 64 bytes (the human report's worst case, issue 15).
pub fn cited_line(bytes: usize) -> String {
    long_line(bytes)
        + "\n\n## ƏDƏBİYYAT\n\n1. Mahmudov Y. Azərbaycan tarixi. Bakı: Elm, 2005. 300 s.\n"
}

/// A manuscript of about `bytes` bytes: paragraphs of prose citing the
/// list in turn, by number alone or with a page, then a list of `entries`
/// generated entries under `## ƏDƏBİYYAT`.
pub fn manuscript(bytes: usize, entries: usize) -> String {
    let list = list(entries);
    let mut text = String::with_capacity(bytes + list.len());
    text.push_str("# Gilan məsələsi və Bakı–Tehran danışıqları\n\n");
    let mut k = 0;
    while text.len() < bytes {
        // Entries 2, 11, 20, … are Azerbaijani books: cited with a page.
        let cited = k % entries + 1;
        let book = 2 + 9 * (k % (entries / 9).max(1));
        text.push_str(&format!(
            "1920-ci ilin yayında Ənzəli limanında baş verən hadisələr Bakı ilə Tehran arasındakı \
             danışıqların gedişinə birbaşa təsir göstərdi ({cited}). Arxiv sənədləri göstərir ki, \
             Xalq Komissarları Soveti bu məsələni bir neçə dəfə müzakirə etmişdi ({book}, s. {}).\n\n",
            1 + k % 90
        ));
        k += 1;
    }
    let list = list.split_once("\n\n").map_or(list.as_str(), |(_, l)| l);
    text.push_str(list);
    text
}
