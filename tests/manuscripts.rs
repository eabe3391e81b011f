//! Our own manuscripts (fixtures/manuscripts/, written by us in az, ru, fa,
//! tr and en with planted and clean cases, and real .docx files made by
//! pandoc and LibreOffice): each must produce exactly the
//! findings and citation count of its `.expect.toml`. And the real numbered
//! manuscripts of `../shared/corpus/manuscripts/` (others' prose: read from
//! there, never copied in), scored as `../shared/tools/score.py check`
//! scores them.

use std::collections::{BTreeMap, BTreeSet};

use istinad::Config;
use serde_json::Value;

use crate::real::norm;
use crate::support::{compare, expectation, repo};

#[test]
fn manuscripts_check_as_expected() {
    let mut paths: Vec<_> = ["fixtures/manuscripts", "fixtures/manuscripts/docx"]
        .into_iter()
        .flat_map(|dir| std::fs::read_dir(repo(dir)).expect("fixture dir"))
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e == "md" || e == "txt" || e == "docx" || e == "odt")
        })
        .filter(|p| p.with_extension("expect.toml").exists())
        .collect();
    paths.sort();
    assert!(
        paths.len() >= 6,
        "at least 6 manuscripts, found {}",
        paths.len()
    );
    let mut failures = Vec::new();
    for path in &paths {
        let source = istinad::input::read_path(path).expect("readable");
        let report = istinad::check(&source, &Config::default());
        let problems = compare(&report, &expectation(path));
        if !problems.is_empty() {
            failures.push(format!("{}:\n  {}", path.display(), problems.join("\n  ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A citation as the scorer keys it: its text with spaces collapsed, and
/// each item's entry, locator label and value, folded.
type Key = (String, Vec<(Option<u64>, Option<String>, Option<String>)>);

fn key_of(citation: &Value) -> Key {
    let text = citation["text"]
        .as_str()
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let items = citation["items"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|item| {
            let locator = &item["locator"];
            (
                item["reference"].as_u64(),
                norm(&locator["label"]),
                norm(&locator["value"]),
            )
        })
        .collect();
    (text, items)
}

/// Multiset counts of keys.
fn counts(keys: impl IntoIterator<Item = Key>) -> BTreeMap<Key, usize> {
    let mut m = BTreeMap::new();
    for k in keys {
        *m.entry(k).or_insert(0) += 1;
    }
    m
}

/// The report's citations matched against the labelled ones as multisets
/// of keys: (true positives, false positives, false negatives), each miss
/// named in `problems`.
fn match_citations(
    report: &istinad::Report,
    gold: &Value,
    problems: &mut Vec<String>,
) -> (usize, usize, usize) {
    let out = serde_json::to_value(&report.citations).expect("citations serialize");
    let predicted = counts(out.as_array().into_iter().flatten().map(key_of));
    let expected = counts(
        gold["citations"]
            .as_array()
            .into_iter()
            .flatten()
            .map(key_of),
    );
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for (k, &n) in &predicted {
        let g = expected.get(k).copied().unwrap_or(0);
        tp += n.min(g);
        if n > g {
            fp += n - g;
            problems.push(format!("extra citation {k:?}"));
        }
    }
    for (k, &g) in &expected {
        let n = predicted.get(k).copied().unwrap_or(0);
        if g > n {
            fn_ += g - n;
            problems.push(format!("missed citation {k:?}"));
        }
    }
    (tp, fp, fn_)
}

/// Scores one labelled manuscript: citation F1, and what is wrong in the
/// uncited, dangling and malformed findings (empty when all are right).
fn score_manuscript(text: &std::path::Path, gold: &Value) -> (f64, Vec<String>) {
    let source = istinad::input::read_path(text).expect("readable");
    let report = istinad::check(&source, &Config::default());
    let mut problems = Vec::new();
    let (tp, fp, fn_) = match_citations(&report, gold, &mut problems);
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let (p, r) = (ratio(tp, tp + fp), ratio(tp, tp + fn_));
    let f1 = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    let numbers = |name: &str| -> BTreeSet<u32> {
        report
            .diagnostics
            .iter()
            .filter(|d| d.name() == name)
            .filter_map(|d| d.reference)
            .collect()
    };
    let gold_numbers = |field: &str| -> BTreeSet<u32> {
        gold[field]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_u64().and_then(|n| u32::try_from(n).ok()))
            .collect()
    };
    for (name, field) in [
        ("uncited-reference", "unused"),
        ("dangling-citation", "dangling"),
    ] {
        let (found, want) = (numbers(name), gold_numbers(field));
        if found != want {
            problems.push(format!("{name}: found {found:?}, labelled {want:?}"));
        }
    }
    let malformed = report
        .diagnostics
        .iter()
        .filter(|d| d.name() == "malformed-citation")
        .count();
    let want = gold["malformed"].as_array().map_or(0, Vec::len);
    if malformed != want {
        problems.push(format!(
            "malformed-citation: found {malformed}, labelled {want}"
        ));
    }
    (f1, problems)
}

#[test]
fn shared_real_manuscripts_score_as_labelled() {
    let dir = repo("../shared/corpus/manuscripts");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("skipped: {} is absent", dir.display());
        return;
    };
    let mut texts: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    texts.sort();
    let mut failures = Vec::new();
    for text in &texts {
        let Ok(json) = std::fs::read_to_string(text.with_extension("json")) else {
            continue;
        };
        let gold: Value = serde_json::from_str(&json).expect("labelled JSON");
        // Author-date manuscripts are scored below, as `score.py adcheck`
        // scores them.
        if gold["style"].as_str() == Some("author-date") {
            continue;
        }
        let (f1, problems) = score_manuscript(text, &gold);
        println!("{}: citation F1 {f1:.3}", text.display());
        if f1 < 0.98 || !problems.is_empty() {
            failures.push(failure(text, f1, &problems));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// One manuscript's failure line: its path, its F1 and each problem.
fn failure(text: &std::path::Path, f1: f64, problems: &[String]) -> String {
    format!(
        "{}: F1 {f1:.3}\n  {}",
        text.display(),
        problems.join("\n  ")
    )
}

/// Scores an author–date manuscript as `../shared/tools/score.py adcheck`
/// does: citation F1 over (text, entry positions, locators), and what is
/// wrong in the uncited positions, the dangling citation texts and (for our
/// own fixtures) the planted findings.
fn score_author_date(text: &std::path::Path, gold: &Value) -> (f64, Vec<String>) {
    let source = istinad::input::read_path(text).expect("readable");
    let report = istinad::check(&source, &Config::default());
    let mut problems = Vec::new();
    if report.style != istinad::model::CitationStyle::AuthorDate {
        problems.push(format!("style read as {:?}", report.style));
    }
    let (tp, fp, fn_) = match_citations(&report, gold, &mut problems);
    let f1 = if tp + fp + fn_ == 0 {
        1.0
    } else {
        2.0 * tp as f64 / (2 * tp + fp + fn_) as f64
    };
    let uncited: BTreeSet<u32> = report
        .diagnostics
        .iter()
        .filter(|d| d.name() == "uncited-reference")
        .filter_map(|d| d.reference)
        .collect();
    let want: BTreeSet<u32> = gold["unused"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_u64().and_then(|n| u32::try_from(n).ok()))
        .collect();
    if uncited != want {
        problems.push(format!("uncited: found {uncited:?}, labelled {want:?}"));
    }
    let squash = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    // The citation a finding is in, by its text.
    let cited_at = |d: &istinad::Diagnostic| -> Option<String> {
        report
            .citations
            .iter()
            .find(|c| c.span.start <= d.span.start && d.span.start < c.span.end)
            .map(|c| squash(&c.text))
    };
    let dangling: BTreeSet<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.name().contains("dangling"))
        .filter_map(cited_at)
        .collect();
    let want: BTreeSet<String> = gold["dangling"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(squash)
        .collect();
    if dangling != want {
        problems.push(format!("dangling: found {dangling:?}, labelled {want:?}"));
    }
    // Planted slips: each must be found by its rule, at its citation (or,
    // for a rule about an entry, anywhere).
    for f in gold["findings"].as_array().into_iter().flatten() {
        let (Some(rule), text) = (f["rule"].as_str(), f["text"].as_str().map(squash)) else {
            continue;
        };
        let found = report.diagnostics.iter().any(|d| {
            d.name() == rule
                && match (&text, cited_at(d)) {
                    (Some(t), Some(c)) => &c == t,
                    _ => true,
                }
        });
        if !found {
            problems.push(format!("planted {rule} not found at {text:?}"));
        }
    }
    (f1, problems)
}

#[test]
fn author_date_manuscripts_in_five_languages_check_exactly() {
    let dir = repo("fixtures/manuscripts/author-date");
    let mut texts: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixture dir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md") && p.with_extension("json").exists())
        .collect();
    texts.sort();
    let languages: BTreeSet<String> = texts
        .iter()
        .filter_map(|p| {
            p.file_name()?
                .to_str()?
                .split('-')
                .next()
                .map(str::to_string)
        })
        .collect();
    for lang in ["az", "en", "fa", "ru", "tr"] {
        assert!(
            languages.contains(lang),
            "no author-date manuscript in {lang}"
        );
    }
    let mut failures = Vec::new();
    for text in &texts {
        let json = std::fs::read_to_string(text.with_extension("json")).expect("labels");
        let gold: Value = serde_json::from_str(&json).expect("labelled JSON");
        let (f1, problems) = score_author_date(text, &gold);
        println!("{}: citation F1 {f1:.3}", text.display());
        if f1 < 1.0 || !problems.is_empty() {
            failures.push(failure(text, f1, &problems));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn shared_real_author_date_manuscripts_score_as_labelled() {
    let dir = repo("../shared/corpus/manuscripts");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("skipped: {} is absent", dir.display());
        return;
    };
    let mut failures = Vec::new();
    for text in entries.filter_map(Result::ok).map(|e| e.path()) {
        if text.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let Ok(json) = std::fs::read_to_string(text.with_extension("json")) else {
            continue;
        };
        let gold: Value = serde_json::from_str(&json).expect("labelled JSON");
        if gold["style"].as_str() != Some("author-date") {
            continue;
        }
        let (f1, problems) = score_author_date(&text, &gold);
        println!("{}: citation F1 {f1:.3}", text.display());
        let exact = problems
            .iter()
            .filter(|p| {
                p.starts_with("uncited") || p.starts_with("dangling") || p.starts_with("style")
            })
            .count();
        if f1 < 0.95 || exact > 0 {
            failures.push(failure(&text, f1, &problems));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn author_date_manuscripts_made_into_word_files_by_pandoc_check_as_their_markdown() {
    if !runs("pandoc") {
        println!("skipped: pandoc is not installed (bash .ci/install-deps.sh)");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let mut checked = 0;
    for name in [
        "az-shirvan-arran",
        "fa-tarikhnegari-qafqaz",
        "ru-kazachya-brigada",
        "tr-saltuklu-erzurum",
    ] {
        let md = repo(&format!("fixtures/manuscripts/author-date/{name}.md"));
        let word = dir.path().join(format!("{name}.docx"));
        pandoc_docx(&md, &word);
        let (from_docx, from_md) = (check_file(&word), check_file(&md));
        assert_eq!(
            from_docx.style,
            istinad::model::CitationStyle::AuthorDate,
            "{name}"
        );
        let texts = |r: &istinad::Report| {
            r.citations
                .iter()
                .map(|c| c.text.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(texts(&from_docx), texts(&from_md), "{name}");
        assert_eq!(findings(&from_docx), findings(&from_md), "{name}");
        checked += 1;
    }
    assert_eq!(checked, 4);
}

#[test]
fn a_cited_year_changed_is_reported_with_the_listed_year_as_its_fix() {
    let md = repo("fixtures/manuscripts/author-date/three-entry.md");
    let text = std::fs::read_to_string(&md).expect("fixture");
    let clean = istinad::check(
        &istinad::Source::new("three.md", text.clone()),
        &Config::default(),
    );
    assert!(
        clean
            .diagnostics
            .iter()
            .all(|d| d.name() != "dangling-year"),
        "{:?}",
        clean.diagnostics
    );
    // The first citation of a listed author and year, with its year moved on.
    let cited = clean.citations[0].items[0].clone();
    let year = cited.year.expect("an author-date item");
    let changed_year = (year.parse::<i32>().expect("a year") + 1).to_string();
    let at = clean.citations[0].span.start
        + clean.citations[0]
            .text
            .find(&year)
            .expect("year in the citation");
    let mut changed = text.clone();
    changed.replace_range(at..at + year.len(), &changed_year);
    let report = istinad::check(
        &istinad::Source::new("three.md", changed.clone()),
        &Config::default(),
    );
    let found: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.name() == "dangling-year")
        .collect();
    assert_eq!(found.len(), 1, "{:?}", report.diagnostics);
    assert_eq!(found[0].reference, cited.reference);
    let fix = found[0].fix.as_ref().expect("a fix");
    assert_eq!(fix.edits[0].replacement, year);
    assert_eq!(&changed[fix.edits[0].span.clone()], changed_year);
}

/// Makes `word` from the Markdown file `md` with pandoc.
fn pandoc_docx(md: &std::path::Path, word: &std::path::Path) {
    let pandoc = std::process::Command::new("pandoc")
        .args(["-f", "markdown-smart", "-o"])
        .arg(word)
        .arg(md)
        .status()
        .expect("pandoc runs");
    assert!(pandoc.success(), "pandoc made no {}", word.display());
}

/// Whether a program runs (`--version`).
pub(crate) fn runs(program: &str) -> bool {
    std::process::Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The findings of a report as (code, entry), for comparing two inputs of
/// one manuscript whose lines (and Markdown marks in excerpts) differ.
fn findings(report: &istinad::Report) -> Vec<(String, Option<u32>)> {
    let mut f: Vec<_> = report
        .diagnostics
        .iter()
        .map(|d| (d.code().to_string(), d.reference))
        .collect();
    f.sort();
    f
}

/// Converts `file` to `format` with LibreOffice into `out`; the path made.
/// A profile of its own keeps a LibreOffice the user has open out of it.
pub(crate) fn soffice(
    profile: &std::path::Path,
    format: &str,
    file: &std::path::Path,
    out: &std::path::Path,
) -> std::path::PathBuf {
    let env = format!("-env:UserInstallation=file://{}", profile.display());
    let run = std::process::Command::new("soffice")
        .args([
            env.as_str(),
            "--headless",
            "--convert-to",
            format,
            "--outdir",
        ])
        .arg(out)
        .arg(file)
        .output()
        .expect("soffice runs");
    let made = out
        .join(file.file_stem().expect("a file name"))
        .with_extension(format);
    assert!(made.exists(), "soffice made no {format}: {run:?}");
    made
}

fn check_file(path: &std::path::Path) -> istinad::Report {
    istinad::check(
        &istinad::input::read_path(path).expect("readable"),
        &Config::default(),
    )
}

#[test]
fn a_docx_libreoffice_saves_now_checks_as_its_markdown() {
    if !runs("pandoc") || !runs("soffice") {
        println!("skipped: pandoc or soffice is not installed (bash .ci/install-deps.sh)");
        return;
    }
    let md = repo("fixtures/manuscripts/az-seed-list.md");
    let dir = tempfile::tempdir().expect("temp dir");
    let word = dir.path().join("pandoc.docx");
    let out = dir.path().join("lo");
    pandoc_docx(&md, &word);
    let profile = dir.path().join("profile");
    let saved = soffice(&profile, "docx", &word, &out);
    let from_docx = check_file(&saved);
    let from_md = check_file(&md);
    assert_eq!(
        from_docx
            .references
            .iter()
            .map(|r| r.number)
            .collect::<Vec<_>>(),
        (1..=16).collect::<Vec<_>>()
    );
    assert_eq!(from_docx.citations.len(), from_md.citations.len());
    assert_eq!(findings(&from_docx), findings(&from_md));
    // LibreOffice's own format, from the same file, checks as its .docx.
    let from_odt = check_file(&soffice(&profile, "odt", &saved, &out));
    assert_eq!(
        from_odt
            .citations
            .iter()
            .map(|c| &c.text)
            .collect::<Vec<_>>(),
        from_docx
            .citations
            .iter()
            .map(|c| &c.text)
            .collect::<Vec<_>>()
    );
    assert_eq!(findings(&from_odt), findings(&from_docx));
}

#[test]
fn findings_in_docx_and_odt_name_their_paragraph() {
    for ext in ["docx", "odt"] {
        let report = check_file(&repo(&format!(
            "fixtures/manuscripts/docx/ru-penza-komsomol.{ext}"
        )));
        let dangling = report
            .diagnostics
            .iter()
            .find(|d| d.name() == "dangling-citation")
            .expect("the footnote's [7]");
        let paragraph = dangling.paragraph.as_ref().expect("a paragraph");
        assert!(paragraph.text.starts_with("[^1]:"), "{ext}: {paragraph:?}");
        let json = serde_json::to_value(dangling).expect("serializes");
        assert_eq!(json["paragraph"]["number"], paragraph.number);
        // The human report names it too, under the finding.
        let path = format!("fixtures/manuscripts/docx/ru-penza-komsomol.{ext}");
        let (_, out, _) = crate::support::istinad(&["check", &path], None);
        assert!(
            out.contains(&format!(
                "in paragraph {} of the document",
                paragraph.number
            )),
            "{ext}: {out}"
        );
    }
    // A Markdown file has lines, not paragraphs.
    let md = check_file(&repo("fixtures/manuscripts/ru-penza-komsomol.md"));
    assert!(md.diagnostics.iter().all(|d| d.paragraph.is_none()));
}
