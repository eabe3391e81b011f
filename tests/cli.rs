//! The command line: each exit status, each output format, standard input,
//! config files, and the JSON contract shapes of issues 2 and 3.

use crate::support::{istinad, repo};

const CLEAN: &str = "Bax: (1, s. 5) və (2, v. 3).\n\n## ƏDƏBİYYAT\n\n1. Həsənli Cəmil. (2012) Sovet dövründə Azərbaycanın xarici siyasəti. Bakı\n2. ARDA: f. 28. siy. 1. iş 72\n";
const WARNING: &str = "Bax: (1, s. 5).\n\n## ƏDƏBİYYAT\n\n1. Həsənli Cəmil. (2012) Sovet dövründə. Bakı\n2. ARDA: f. 28. siy. 1. iş 72\n";
const ERROR: &str = "Bax: (1, s. 5) və (3, s. 1).\n\n## ƏDƏBİYYAT\n\n1. Həsənli Cəmil. (2012) Sovet dövründə. Bakı\n";

#[test]
fn exit_status_zero_one_and_two() {
    assert_eq!(istinad(&["check", "-"], Some(CLEAN)).0, 0);
    assert_eq!(istinad(&["check", "-"], Some(WARNING)).0, 0);
    assert_eq!(
        istinad(&["check", "-", "--deny", "warnings"], Some(WARNING)).0,
        1
    );
    assert_eq!(istinad(&["check", "-"], Some(ERROR)).0, 1);
    let (code, _, stderr) = istinad(&["check", "no/such/file.md"], None);
    assert_eq!(code, 2);
    assert!(stderr.contains("no/such/file.md"), "{stderr}");
    let (code, _, stderr) = istinad(&["check", "-"], Some("a\u{0}b"));
    assert_eq!(code, 2);
    assert!(stderr.contains("binary"), "{stderr}");
    assert_eq!(istinad(&["rule", "no-such-rule"], None).0, 2);
    assert_eq!(
        istinad(&["check", "-", "--disable", "nope"], Some(CLEAN)).0,
        2
    );
}

#[test]
fn rule_levels_from_the_command_line_and_a_config_file() {
    // The dangling citation is an error unless lowered or switched off.
    assert_eq!(
        istinad(
            &["check", "-", "--severity", "dangling-citation=warning"],
            Some(ERROR)
        )
        .0,
        0
    );
    assert_eq!(
        istinad(&["check", "-", "--disable", "C001"], Some(ERROR)).0,
        0
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let config = dir.path().join("istinad.toml");
    std::fs::write(&config, "[rules]\nuncited-reference = \"error\"\n").expect("write");
    let config = config.display().to_string();
    assert_eq!(
        istinad(&["--config", &config, "check", "-"], Some(WARNING)).0,
        1
    );
    std::fs::write(dir.path().join("bad.toml"), "[rules]\nwhat = \"off\"\n").expect("write");
    let bad = dir.path().join("bad.toml").display().to_string();
    let (code, _, stderr) = istinad(&["--config", &bad, "check", "-"], Some(CLEAN));
    assert_eq!(code, 2);
    assert!(stderr.contains("what"), "{stderr}");
    // A config next to the input is found without --config.
    let ms = dir.path().join("ms.md");
    std::fs::write(&ms, WARNING).expect("write");
    std::fs::write(
        dir.path().join("istinad.toml"),
        "[rules]\nuncited-reference = \"error\"\n",
    )
    .expect("write");
    assert_eq!(istinad(&["check", &ms.display().to_string()], None).0, 1);
}

#[test]
fn check_json_has_the_contract_shape() {
    let (_, stdout, _) = istinad(
        &["check", "-", "--format", "json"],
        Some(
            "Bax: (1, s. 5), (2), (1; s. 7).\n\n## ƏDƏBİYYAT\n\n1. Həsənli Cəmil. (2012) Kitab. Bakı\n2. ARDA: f. 28. siy. 1. iş 72\n3. ARDA: f. 28. siy. 1. iş 73\n",
        ),
    );
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    let keys = |o: &serde_json::Value| -> Vec<String> {
        o.as_object()
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default()
    };
    // The contract's keys, and `style` beside them (issue 18).
    assert_eq!(
        keys(&v),
        ["citations", "diagnostics", "references", "style"]
    );
    assert_eq!(v["style"], "numbered");
    let c = &v["citations"][0];
    assert_eq!(c["text"], "(1, s. 5)");
    assert_eq!(c["span"], serde_json::json!({"start": 5, "end": 14}));
    assert_eq!(c["items"][0]["reference"], 1);
    assert_eq!(c["items"][0]["locator"]["label"], "page");
    assert_eq!(c["items"][0]["locator"]["value"], "5");
    assert!(
        v["citations"][1]["items"][0].get("locator").is_none(),
        "no locator key without a locator"
    );
    let d = v["diagnostics"].as_array().expect("diagnostics");
    let malformed = d
        .iter()
        .find(|d| d["name"] == "malformed-citation")
        .expect("malformed");
    assert_eq!(malformed["code"], "C003");
    assert_eq!(malformed["severity"], "warning");
    assert_eq!(malformed["reference"], 1);
    assert_eq!(malformed["fix"]["applicability"], "safe");
    assert_eq!(malformed["fix"]["edits"][0]["replacement"], ",");
    assert!(malformed["fix"]["edits"][0]["span"]["start"].is_u64());
    let uncited = d
        .iter()
        .find(|d| d["name"] == "uncited-reference")
        .expect("uncited");
    assert_eq!(uncited["reference"], 3);
    assert!(uncited.get("fix").is_none());
}

#[test]
fn refs_json_has_the_contract_shape() {
    let input = "1. کاوه بیات (1388). توفان بر فراز قفقاز. مرکز اسناد و تاریخ دیپلماسی. تهران\n2. ARDA: f. 28. siy. 1. iş 72, v. 5–7\n3. <https://example.org/.../x>\n";
    let (code, stdout, _) = istinad(&["refs", "-", "--format", "json"], Some(input));
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    let r = &v["references"][0];
    assert_eq!(r["number"], 1);
    let (s, e) = (
        r["span"]["start"].as_u64().expect("start") as usize,
        r["span"]["end"].as_u64().expect("end") as usize,
    );
    assert_eq!(&input[s..e], r["raw"].as_str().expect("raw"));
    assert_eq!(r["kind"], "book");
    assert_eq!(r["language"], "fa");
    assert_eq!(
        r["authors"],
        serde_json::json!([{"family": "بیات", "given": "کاوه"}])
    );
    assert_eq!(r["year"], 2009);
    assert_eq!(
        r["original_year"],
        serde_json::json!({"calendar": "solar-hijri", "year": 1388})
    );
    assert_eq!(r["place"], "تهران");
    assert_eq!(r["diagnostics"], serde_json::json!([]));
    assert!(r.get("volume").is_none(), "absent fields are absent");
    let a = &v["references"][1]["archive"];
    assert_eq!(
        (
            a["name"].as_str(),
            a["fond"].as_str(),
            a["inventory"].as_str(),
            a["file"].as_str(),
            a["leaves"].as_str()
        ),
        (Some("ARDA"), Some("28"), Some("1"), Some("72"), Some("5-7"))
    );
    assert_eq!(
        v["references"][2]["diagnostics"][0]["name"],
        "truncated-url"
    );
    assert_eq!(v["diagnostics"][0]["name"], "truncated-url");
}

#[test]
fn human_concise_and_yaml_outputs() {
    let file = repo("fixtures/rules/malformed-citation.md")
        .display()
        .to_string();
    let (_, human, _) = istinad(
        &[
            "check",
            "fixtures/rules/malformed-citation.md",
            "--color",
            "never",
        ],
        None,
    );
    insta::assert_snapshot!("human-malformed-citation", human);
    let (_, concise, _) = istinad(&["check", &file, "--format", "concise"], None);
    // Every finding a warning of its rule (the Latin `c` is mixed-script's).
    assert!(
        concise.lines().all(|l| {
            l.contains(": warning[C003] malformed-citation: ")
                || l.contains(": warning[P005] mixed-script: ")
        }),
        "{concise}"
    );
    let (_, json, _) = istinad(
        &[
            "check",
            "fixtures/rules/locator-kind-mismatch.md",
            "--format",
            "json",
        ],
        None,
    );
    insta::assert_snapshot!("json-locator-kind-mismatch", json);
    let (_, yaml, _) = istinad(
        &[
            "refs",
            "fixtures/rules/duplicate-reference.md",
            "--format",
            "yaml",
        ],
        None,
    );
    insta::assert_snapshot!("yaml-duplicate-reference", yaml);
    let (_, table, _) = istinad(
        &[
            "refs",
            "fixtures/manuscripts/az-seed-list.md",
            "--color",
            "never",
        ],
        None,
    );
    insta::assert_snapshot!("human-refs-az-seed-list", table);
}

#[test]
fn rules_and_rule_docs() {
    let (code, stdout, _) = istinad(&["rules"], None);
    assert_eq!(code, 0);
    for rule in istinad::Rule::ALL {
        assert!(
            stdout.contains(rule.name()) && stdout.contains(rule.code()),
            "{}",
            rule.name()
        );
        let (code, doc, _) = istinad(&["rule", rule.name()], None);
        assert_eq!(code, 0);
        assert!(doc.contains("Why:") && doc.contains("Example:") && doc.contains("Fix:"));
    }
    let (_, json, _) = istinad(&["rules", "--format", "json"], None);
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(v.as_array().map(Vec::len), Some(istinad::Rule::ALL.len()));
}

#[test]
fn fix_writes_the_repaired_manuscript_atomically() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("m.md");
    std::fs::write(
        &path,
        "Bax: (1; s. 5) və (1, s. 6).\n\n## ƏDƏBİYYAT\n\n1. Həsənli Cəmil. (2012) Kitab. Bakı\n",
    )
    .expect("write");
    let p = path.display().to_string();
    let (code, _, stderr) = istinad(&["check", &p, "--fix"], None);
    assert_eq!(code, 0);
    assert!(stderr.contains("applied 1 safe fix"), "{stderr}");
    let fixed = std::fs::read_to_string(&path).expect("read");
    assert!(fixed.starts_with("Bax: (1, s. 5) və (1, s. 6)."), "{fixed}");
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("dir").count(),
        1,
        "no temporary file left"
    );
}

#[test]
fn refs_json_writes_the_repeats_of_a_list_in_order_at_their_level() {
    // Entries 3 and 5 repeat entry 1, entry 4 repeats entry 2, a reversed
    // range among them: the findings come in position order, each at the
    // level the config gives, and an error among them decides the exit
    // status though the findings are written as they are made.
    let book = "Həsənli Cəmil. Sovet dövründə Azərbaycan. Bakı, 2012";
    let archive = "ARDA: f. 28. siy. 1. iş 72";
    let list = format!(
        "## ƏDƏBİYYAT\n\n1. {book}\n2. {archive}\n3. {book}\n4. {archive}\n5. {book}\n6. Иванов И. И. Статья // Вопросы истории. 1985. № 3. С. 45–41.\n"
    );
    let run = |config: Option<&str>| {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("istinad.toml");
        std::fs::write(&path, config.unwrap_or("")).expect("write");
        let path = path.display().to_string();
        let (code, stdout, _) = istinad(
            &["--config", &path, "refs", "-", "--format", "json"],
            Some(&list),
        );
        let v: serde_json::Value = serde_json::from_str(&stdout).expect("json");
        let found: Vec<(String, String, String)> = v["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .map(|d| {
                let text = |k: &str| d[k].as_str().unwrap_or_default().to_string();
                (text("name"), text("severity"), text("message"))
            })
            .collect();
        (code, found)
    };
    let (code, found) = run(None);
    assert_eq!(code, 0);
    let repeats: Vec<&str> = found
        .iter()
        .filter(|(name, ..)| name == "duplicate-reference")
        .map(|(_, _, message)| message.as_str())
        .collect();
    assert_eq!(
        repeats,
        [
            "entry 3 repeats entry 1",
            "entry 4 repeats entry 2",
            "entry 5 repeats entry 1"
        ]
    );
    let names: Vec<&str> = found.iter().map(|(name, ..)| name.as_str()).collect();
    assert_eq!(names.last(), Some(&"reversed-range"), "{names:?}");
    let (code, found) = run(Some("[rules]\nduplicate-reference = \"error\"\n"));
    assert_eq!(code, 1);
    assert!(
        found
            .iter()
            .filter(|(name, ..)| name == "duplicate-reference")
            .all(|(_, severity, _)| severity == "error"),
        "{found:?}"
    );
    let (code, found) = run(Some("[rules]\nduplicate-reference = \"off\"\n"));
    assert_eq!(code, 0);
    assert!(
        found.iter().all(|(name, ..)| name != "duplicate-reference"),
        "{found:?}"
    );
}

#[test]
fn refs_reports_the_list_alone_rules_including_reversed_entry_ranges() {
    let list = "## Литература\n\n1. Иванов И. И. Статья // Вопросы истории. 1985. № 3. С. 45–41.\n";
    let (_, stdout, _) = istinad(&["refs", "-", "--format", "json"], Some(list));
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    let names: Vec<_> = v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| d["name"].as_str().expect("name"))
        .collect();
    assert_eq!(names, ["reversed-range"]);
    // `check` reports it once, not once per stage.
    let (_, stdout, _) = istinad(&["check", "-", "--format", "json"], Some(list));
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    let reversed = v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["name"] == "reversed-range")
        .count();
    assert_eq!(reversed, 1);
}

#[test]
fn fix_never_overwrites_a_docx_with_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let docx = dir.path().join("m.docx");
    std::fs::copy(repo("fixtures/manuscripts/docx/az-gilan-1920.docx"), &docx).expect("copy");
    let before = std::fs::read(&docx).expect("read");
    let p = docx.display().to_string();
    let (code, _, stderr) = istinad(&["check", &p, "--fix"], None);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("-o FILE"), "{stderr}");
    assert_eq!(
        std::fs::read(&docx).expect("read"),
        before,
        "the .docx is untouched"
    );
    // To another file, the fixed text is written.
    let out = dir.path().join("fixed.md");
    let o = out.display().to_string();
    let (code, _, stderr) = istinad(&["check", &p, "--fix", "-o", &o], None);
    assert_eq!(code, 0, "{stderr}");
    let text = std::fs::read_to_string(&out).expect("fixed text");
    assert!(text.contains("ƏDƏBİYYAT"), "{text}");
}
