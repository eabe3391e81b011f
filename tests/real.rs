//! Real reference lists, quoted from public sources and labelled by hand: the
//! parser's ratchet (issue 10).
//!
//! Two folders of labelled lists in the corpus schema
//! (`../shared/corpus/README.md`): `../shared/corpus/references/` beside the
//! repository (skipped when absent) and our own `fixtures/real/`. Each file's
//! field F1 is scored the way `../shared/tools/score.py` scores it (fields
//! folded for case, punctuation, Arabic/Persian letter variants and digits; a
//! title counts with or without its subtitle) and compared with the figure
//! recorded for it in `fixtures/real/ratchet.toml`. A file may not fall below
//! its figure; figures only go up:
//!
//! ```text
//! ISTINAD_RATCHET=update cargo test --test main real::
//! ```
//!
//! rewrites the file with each figure raised to what the parser now reaches
//! (never lowered).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use istinad::{Config, Source};
use serde_json::{Map, Value};
use unicode_normalization::UnicodeNormalization;

use crate::support::repo;

/// The list heading the scorer puts above a file's entries, per language.
fn heading(language: &str) -> &'static str {
    match language {
        "az" => "ƏDƏBİYYAT",
        "ru" => "Список литературы",
        "fa" => "منابع",
        "tr" => "KAYNAKÇA",
        _ => "References",
    }
}

/// A value folded as the scorer folds it: NFC, Arabic letters to their
/// Persian forms, dashes to hyphens, digits to ASCII, case folded, and every
/// character that is not a letter or digit dropped.
// As the scorer (Python's `isalnum`), not as istinad reads text.
#[allow(clippy::disallowed_methods)]
pub(crate) fn norm(v: &Value) -> Option<String> {
    let s = match v {
        Value::Null => return None,
        Value::String(s) => s.clone(),
        Value::Number(n) => n
            .as_f64()
            .map_or_else(|| n.to_string(), |f| format!("{}", f as i64)),
        other => other.to_string(),
    };
    let folded: String = s
        .nfc()
        .filter_map(|c| match c {
            'ي' | 'ى' => Some('ی'),
            'ك' => Some('ک'),
            'ۀ' | 'ة' => Some('ه'),
            '\u{200c}' | 'ـ' => None,
            'ё' => Some('е'),
            'Ё' => Some('Е'),
            '۰'..='۹' => char::from_u32(c as u32 - '۰' as u32 + '0' as u32),
            '٠'..='٩' => char::from_u32(c as u32 - '٠' as u32 + '0' as u32),
            c => Some(c),
        })
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect();
    (!folded.is_empty()).then_some(folded)
}

/// A volume or issue: a Roman numeral counts as its value.
fn roman(v: &Value) -> Option<String> {
    let s = norm(v)?;
    if !s.chars().all(|c| "ivxlc".contains(c)) {
        return Some(s);
    }
    let val = |c: char| match c {
        'i' => 1,
        'v' => 5,
        'x' => 10,
        'l' => 50,
        _ => 100,
    };
    let chars: Vec<char> = s.chars().collect();
    let mut n = 0i64;
    for (i, &c) in chars.iter().enumerate() {
        if chars.get(i + 1).is_some_and(|&d| val(d) > val(c)) {
            n -= val(c);
        } else {
            n += val(c);
        }
    }
    Some(n.to_string())
}

fn present(v: Option<&Value>) -> Option<&Value> {
    v.filter(|v| {
        !matches!(v, Value::Null)
            && v.as_str() != Some("")
            && v.as_array().is_none_or(|a| !a.is_empty())
    })
}

/// A record (gold or predicted) flattened into comparable fields.
fn fields(rec: &Map<String, Value>) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut put = |k: &str, v: Option<String>| {
        if let Some(v) = v {
            out.insert(k.to_string(), v);
        }
    };
    for k in ["kind", "container", "place", "publisher", "url", "pages"] {
        put(k, present(rec.get(k)).and_then(norm));
    }
    for k in ["volume", "issue"] {
        put(k, present(rec.get(k)).and_then(roman));
    }
    let year = present(rec.get("year")).map(|y| y.get("year").unwrap_or(y));
    put("year", year.and_then(norm));
    let original = rec
        .get("original_year")
        .or_else(|| rec.get("original-year"));
    put(
        "original_year",
        original.and_then(|o| o.get("year")).and_then(norm),
    );
    let families: Vec<String> = rec
        .get("authors")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|a| {
            ["family", "name", "literal"]
                .iter()
                .find_map(|k| present(a.get(*k)))
                .and_then(norm)
        })
        .collect();
    if !families.is_empty() {
        put("authors", Some(families.join("|")));
    }
    if let Some(title) = present(rec.get("title")).and_then(Value::as_str) {
        put("title", norm(&Value::from(title)));
        if let Some(sub) = present(rec.get("subtitle")).and_then(Value::as_str) {
            put("title+sub", norm(&Value::from(format!("{title} {sub}"))));
        }
    }
    if let Some(archive) = rec.get("archive").and_then(Value::as_object) {
        for k in ["name", "fond", "inventory", "file", "leaves"] {
            put(
                &format!("archive.{k}"),
                present(archive.get(k)).and_then(norm),
            );
        }
    }
    out
}

/// True positives, false positives and false negatives of one file, and
/// whether each entry came out exactly right.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    tp: usize,
    fp: usize,
    fn_: usize,
    exact: usize,
    entries: usize,
}

impl Tally {
    fn f1(&self) -> f64 {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, other: Tally) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
        self.exact += other.exact;
        self.entries += other.entries;
    }
}

/// Compares one entry as `score.py` does; returns whether it is exact.
fn compare(gold: &Map<String, Value>, pred: &Map<String, Value>, t: &mut Tally) -> bool {
    let mut g = fields(gold);
    let mut p = fields(pred);
    let (gt, gts) = (g.remove("title"), g.remove("title+sub"));
    let (pt, pts) = (p.remove("title"), p.remove("title+sub"));
    if let Some(gt) = &gt {
        g.insert("title".into(), gt.clone());
    }
    if let Some(pt) = pt {
        let matches = |x: &Option<String>| x.is_some() && (*x == gt || *x == gts);
        let title = if matches(&pts) || Some(&pt) == gts.as_ref() {
            gt.clone().unwrap_or(pt)
        } else {
            pt
        };
        p.insert("title".into(), title);
    }
    let keys: std::collections::BTreeSet<&String> = g.keys().chain(p.keys()).collect();
    for k in keys {
        match (g.get(k), p.get(k)) {
            (Some(a), Some(b)) if a == b => t.tp += 1,
            (a, b) => {
                t.fp += usize::from(b.is_some());
                t.fn_ += usize::from(a.is_some());
            }
        }
    }
    g.iter().all(|(k, v)| p.get(k) == Some(v)) && p.keys().all(|k| g.contains_key(k))
}

/// Scores one labelled file; `misses` gets a line per entry that is not exact.
fn score(path: &Path, misses: &mut Vec<String>) -> Tally {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let doc: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let language = doc["language"].as_str().unwrap_or("en");
    let entries = doc["entries"].as_array().cloned().unwrap_or_default();
    let mut list = format!("{}\n\n", heading(language));
    for (i, e) in entries.iter().enumerate() {
        list.push_str(&format!("{}. {}\n", i + 1, e["raw"].as_str().unwrap_or("")));
    }
    let refs = istinad::read_references(&Source::new("real.txt", list), &Config::default());
    let by_number: BTreeMap<u32, Map<String, Value>> = refs
        .references
        .iter()
        .filter_map(|r| match serde_json::to_value(r) {
            Ok(Value::Object(m)) => Some((r.number, m)),
            _ => None,
        })
        .collect();
    let mut t = Tally::default();
    for (i, e) in entries.iter().enumerate() {
        let gold = e["gold"].as_object().cloned().unwrap_or_default();
        let pred = u32::try_from(i + 1)
            .ok()
            .and_then(|n| by_number.get(&n))
            .cloned()
            .unwrap_or_default();
        t.entries += 1;
        if compare(&gold, &pred, &mut t) {
            t.exact += 1;
        } else {
            misses.push(format!(
                "{}: {}\n  gold {:?}\n  pred {:?}",
                path.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                e["raw"].as_str().unwrap_or(""),
                fields(&gold),
                fields(&pred)
            ));
        }
    }
    t
}

/// Where each labelled set lives, by the name the ratchet file gives it.
fn sets() -> Vec<(&'static str, PathBuf)> {
    vec![
        ("corpus", repo("../shared/corpus/references")),
        ("real", repo("fixtures/real")),
    ]
}

fn labelled_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

const RATCHET: &str = "fixtures/real/ratchet.toml";

/// `fixtures/real/ratchet.toml`: the recorded field F1 of each file, as
/// `"set/file.json" = 0.912`.
#[derive(Debug, Default, serde::Deserialize)]
struct Ratchet {
    #[serde(default)]
    f1: BTreeMap<String, f64>,
}

#[test]
fn no_real_list_falls_below_its_recorded_figure() {
    let path = repo(RATCHET);
    let mut ratchet: Ratchet = std::fs::read_to_string(&path)
        .map(|t| toml::from_str(&t).unwrap_or_else(|e| panic!("{RATCHET}: {e}")))
        .unwrap_or_default();
    let update = std::env::var("ISTINAD_RATCHET").is_ok_and(|v| v == "update");
    let mut fallen = Vec::new();
    let mut misses = Vec::new();
    for (set, dir) in sets() {
        let files = labelled_files(&dir);
        if files.is_empty() {
            println!(
                "real: {} has no labelled lists here; skipped",
                dir.display()
            );
            continue;
        }
        let mut total = Tally::default();
        for file in files {
            let name = format!(
                "{set}/{}",
                file.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            );
            let t = score(&file, &mut misses);
            total.add(t);
            // Rounded down to three places, so that the figure is reachable again.
            let f1 = (t.f1() * 1000.0).floor() / 1000.0;
            match ratchet.f1.get(&name) {
                Some(&floor) if f1 < floor => fallen.push(format!("{name}: {f1:.3} < {floor:.3}")),
                Some(&floor) if f1 <= floor => {}
                _ if update => {
                    ratchet.f1.insert(name, f1);
                }
                Some(_) => {}
                None => fallen.push(format!(
                    "{name}: no figure recorded ({f1:.3}); run with ISTINAD_RATCHET=update"
                )),
            }
        }
        println!(
            "real: {set}: field F1 {:.3}, {}/{} entries exact",
            total.f1(),
            total.exact,
            total.entries
        );
    }
    if std::env::var("ISTINAD_RATCHET").is_ok_and(|v| v == "misses") {
        for m in &misses {
            println!("MISS {m}");
        }
    }
    if update {
        let mut text = String::from(
            "# Field F1 of each real labelled list (tests/real.rs). Figures only go up:\n\
             # ISTINAD_RATCHET=update cargo test --test main real:: raises them.\n[f1]\n",
        );
        for (name, f1) in &ratchet.f1 {
            text.push_str(&format!("\"{name}\" = {f1:.3}\n"));
        }
        std::fs::write(&path, text).expect("ratchet written");
    }
    assert!(
        fallen.is_empty(),
        "real lists below their figures:\n{}",
        fallen.join("\n")
    );
}

#[test]
fn the_scorer_folds_and_matches_as_score_py_does() {
    let obj = |v: Value| v.as_object().cloned().unwrap_or_default();
    let gold = obj(serde_json::json!({
        "kind": "book", "title": "Sovet dövründə", "year": 2012,
        "authors": [{"family": "Həsənli"}], "volume": "2",
        "original_year": {"calendar": "solar-hijri", "year": 1388}
    }));
    let pred = obj(serde_json::json!({
        "kind": "book", "title": "Sovet dövründə:", "subtitle": "x", "year": 2012,
        "authors": [{"family": "HƏSƏNLİ"}], "volume": "II",
        "original_year": {"calendar": "solar-hijri", "year": "۱۳۸۸"}
    }));
    let mut t = Tally::default();
    assert!(compare(&gold, &pred, &mut t), "{t:?}");
    assert_eq!((t.tp, t.fp, t.fn_), (6, 0, 0));
    let wrong = obj(serde_json::json!({"kind": "article", "title": "Sovet", "place": "Bakı"}));
    let mut t = Tally::default();
    assert!(!compare(&gold, &wrong, &mut t));
    assert_eq!((t.tp, t.fp, t.fn_), (0, 3, 6));
    assert_eq!(
        norm(&Value::from("كتاب‌ها ۱۳۸۸")).as_deref(),
        Some("کتابها1388")
    );
}
