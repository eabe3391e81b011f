//! An editor's run (issue 13): many inputs and folders, read errors that do
//! not stop the run, findings with their positions for machines (JSON,
//! JSON lines, GitHub; SARIF is validated in `clients.rs`), `convert` of
//! several inputs, inline suppressions, config discovery and the shell's
//! niceties.

use std::path::{Path, PathBuf};

use crate::support::{istinad, repo};

/// The files a walk of `dir` checks, in its order: by name, depth first.
fn walked(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("folder")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    let mut files = Vec::new();
    for path in entries {
        if path.is_dir() {
            files.extend(walked(&path));
        } else if path
            .extension()
            .is_some_and(|e| ["md", "txt", "docx", "odt"].contains(&e.to_string_lossy().as_ref()))
        {
            files.push(path);
        }
    }
    files
}

fn relative(path: &Path) -> String {
    path.strip_prefix(repo(""))
        .expect("under the repository")
        .display()
        .to_string()
}

#[test]
fn a_folder_is_checked_file_by_file_with_the_findings_of_each_alone() {
    let (code, all, stderr) = istinad(
        &["check", "fixtures/manuscripts", "--format", "concise"],
        None,
    );
    // No progress bar or anything else on a standard error that is a pipe.
    assert!(stderr.is_empty(), "{stderr}");
    let files = walked(&repo("fixtures/manuscripts"));
    assert!(files.len() > 20, "{files:?}");
    let mut alone = String::new();
    let mut worst = 0;
    for file in &files {
        let (code, stdout, _) = istinad(&["check", &relative(file), "--format", "concise"], None);
        alone.push_str(&stdout);
        worst = worst.max(code);
    }
    assert_eq!(all, alone);
    assert_eq!(code, worst);
    // One summary line for the run, after every file's findings.
    let (_, human, _) = istinad(&["check", "fixtures/manuscripts"], None);
    let last = human.lines().last().expect("summary");
    assert!(
        last.starts_with(&format!("{} files: ", files.len())),
        "{last}"
    );
    assert_eq!(
        human.matches(" references, ").count(),
        1,
        "one summary line"
    );
}

#[test]
fn an_unreadable_input_is_reported_and_the_run_goes_on_with_exit_two() {
    let (code, stdout, stderr) = istinad(
        &[
            "check",
            "no/such/file.md",
            "fixtures/rules/uncited-reference.md",
            "--format",
            "concise",
        ],
        None,
    );
    assert_eq!(code, 2);
    assert!(stderr.contains("no/such/file.md"), "{stderr}");
    assert!(
        stdout.contains("fixtures/rules/uncited-reference.md:"),
        "{stdout}"
    );
    // A glob nobody's shell expanded, and one that matches nothing.
    let (code, stdout, _) = istinad(
        &[
            "check",
            "fixtures/rules/uncited-*.md",
            "--format",
            "concise",
        ],
        None,
    );
    assert_eq!(code, 0);
    assert!(stdout.contains("uncited-reference.md:"), "{stdout}");
    let (code, _, stderr) = istinad(&["check", "fixtures/rules/*.rst"], None);
    assert_eq!(code, 2);
    assert!(stderr.contains("no file matches"), "{stderr}");
}

#[test]
fn json_findings_carry_path_line_columns_in_characters_and_url() {
    // Line 2, after `Ənzəli ` (7 characters, 9 bytes).
    let text = "Bax: (1, s. 5).\nƏnzəli (3, s. 1).\n\n## ƏDƏBİYYAT\n\n1. Həsənli Cəmil. (2012) Sovet dövründə. Bakı\n";
    let (code, stdout, _) = istinad(
        &[
            "--stdin-filename",
            "jurnal/məqalə.md",
            "check",
            "-",
            "--format",
            "json",
        ],
        Some(text),
    );
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    // The contract's shape is kept: one input, one object.
    assert!(v.get("files").is_none() && v.get("references").is_some());
    let d = &v["diagnostics"][0];
    assert_eq!(d["name"], "dangling-citation");
    assert_eq!(d["path"], "jurnal/məqalə.md");
    let start = d["span"]["start"].as_u64().expect("start") as usize;
    assert_eq!(&text[start..start + 1], "3");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(2), Some(9))
    );
    assert_eq!(
        (d["end_line"].as_u64(), d["end_column"].as_u64()),
        (Some(2), Some(10))
    );
    assert!(
        d["url"]
            .as_str()
            .is_some_and(|u| u.starts_with("https://") && u.ends_with("DanglingCitation")),
        "{d}"
    );
    // An entry's own findings too, in the record's own field order.
    let (_, refs, _) = istinad(
        &[
            "refs",
            "fixtures/rules/truncated-url.md",
            "--format",
            "json",
        ],
        None,
    );
    let v: serde_json::Value = serde_json::from_str(&refs).expect("json");
    let own = v["references"]
        .as_array()
        .expect("references")
        .iter()
        .flat_map(|r| r["diagnostics"].as_array().cloned().unwrap_or_default())
        .next()
        .expect("an entry's finding");
    assert_eq!(own["path"], "fixtures/rules/truncated-url.md");
    assert!(own["line"].as_u64().is_some_and(|l| l > 1), "{own}");
    assert!(refs.find("\"number\"") < refs.find("\"raw\""), "{refs}");
    // JSON lines: the same finding on a line of its own.
    let (_, lines, _) = istinad(&["check", "-", "--format", "json-lines"], Some(text));
    let first: serde_json::Value =
        serde_json::from_str(lines.lines().next().expect("a line")).expect("json");
    assert_eq!(first["path"], "-");
    assert_eq!(first["column"], 9);
}

#[test]
fn json_over_several_inputs_names_each_file() {
    let (_, stdout, _) = istinad(
        &[
            "check",
            "fixtures/rules/uncited-reference.md",
            "fixtures/rules/dangling-citation.md",
            "--format",
            "json",
        ],
        None,
    );
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    let files = v["files"].as_array().expect("files");
    assert_eq!(files.len(), 2);
    assert_eq!(files[1]["path"], "fixtures/rules/dangling-citation.md");
    assert_eq!(
        files[1]["diagnostics"][0]["path"],
        "fixtures/rules/dangling-citation.md"
    );
    assert!(files[0]["citations"].is_array() && files[0]["references"].is_array());
    let (_, refs, _) = istinad(
        &[
            "refs",
            "fixtures/rules/uncited-reference.md",
            "fixtures/rules",
            "--format",
            "json",
        ],
        None,
    );
    let v: serde_json::Value = serde_json::from_str(&refs).expect("json");
    // A file named and found again in its folder is read once.
    let names: Vec<&str> = v["files"]
        .as_array()
        .expect("files")
        .iter()
        .filter_map(|f| f["path"].as_str())
        .collect();
    assert_eq!(
        names
            .iter()
            .filter(|n| n.ends_with("uncited-reference.md"))
            .count(),
        1
    );
}

#[test]
fn github_annotations() {
    let (code, stdout, _) = istinad(
        &[
            "check",
            "fixtures/rules/dangling-citation.md",
            "--format",
            "github",
        ],
        None,
    );
    assert_eq!(code, 1);
    insta::assert_snapshot!("github-dangling-citation", stdout);
    assert!(stdout.lines().all(|l| l.starts_with("::error ")
        || l.starts_with("::warning ")
        || l.starts_with("::notice ")));
}

#[test]
fn convert_several_inputs_to_a_folder_or_one_merged_list() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = dir.path().join("a.md");
    let b = dir.path().join("b.md");
    std::fs::write(&a, "## ƏDƏBİYYAT\n\n1. ARDA: f. 28. siy. 1. iş 72\n2. Həsənli Cəmil. (2012) Sovet dövründə. Bakı\n").expect("write");
    std::fs::write(&b, "## ƏDƏBİYYAT\n\n1. ARDA: f. 28. siy. 1. iş 577\n2. Həsənli Cəmil. (2012) Sovet dövründə. Bakı\n").expect("write");
    let (a, b) = (a.display().to_string(), b.display().to_string());
    let out = dir.path().join("bib");
    let (code, _, stderr) = istinad(
        &[
            "convert",
            &a,
            &b,
            "--to",
            "ris",
            "-o",
            &out.display().to_string(),
        ],
        None,
    );
    assert_eq!(code, 0, "{stderr}");
    for name in ["a.ris", "b.ris"] {
        let text = std::fs::read_to_string(out.join(name)).expect(name);
        assert_eq!(text.matches("TY  - ").count(), 2, "{name}: {text}");
    }
    // One input keeps its own list numbers; a merged list is numbered anew.
    let (_, one, _) = istinad(&["convert", &b, "--to", "bibtex", "--keys", "number"], None);
    assert!(one.contains("{ref1,") && one.contains("{ref2,"), "{one}");
    let gap = dir.path().join("gap.md");
    std::fs::write(
        &gap,
        "## ƏDƏBİYYAT\n\n1. ARDA: f. 28. siy. 1. iş 72\n3. ARDA: f. 28. siy. 1. iş 73\n",
    )
    .expect("write");
    let (_, one, _) = istinad(
        &[
            "convert",
            &gap.display().to_string(),
            "--to",
            "bibtex",
            "--keys",
            "number",
        ],
        None,
    );
    assert!(one.contains("{ref3,"), "{one}");
    let (code, _, stderr) = istinad(&["convert", &a, &b, "--to", "ris"], None);
    assert_eq!(code, 2);
    assert!(stderr.contains("--merge"), "{stderr}");
    let (code, merged, stderr) = istinad(&["convert", &a, &b, "--to", "ris", "--merge"], None);
    assert_eq!(code, 0, "{stderr}");
    // Three works: Həsənli's book is in both and is kept once.
    assert_eq!(merged.matches("TY  - ").count(), 3, "{merged}");
    assert!(
        stderr.contains("duplicate-reference") && stderr.contains("entry 2 repeats entry 2 of"),
        "{stderr}"
    );
}

#[test]
fn a_suppression_removes_exactly_its_finding() {
    let with =
        std::fs::read_to_string(repo("fixtures/rules/unused-suppression.md")).expect("fixture");
    let mut without = with.clone();
    while let Some(start) = without.find(" <!--") {
        let end = without[start..].find("-->").expect("closed") + start + 3;
        without.replace_range(start..end, "");
    }
    let config = istinad::Config::default();
    let names = |text: &str| -> Vec<(String, Option<u32>)> {
        istinad::check(&istinad::Source::new("t.md", text), &config)
            .diagnostics
            .iter()
            .filter(|d| d.name() != "unused-suppression")
            .map(|d| (d.name().to_string(), d.reference))
            .collect()
    };
    let mut silenced = names(&without);
    let kept = names(&with);
    silenced.retain(|f| !kept.contains(f));
    assert_eq!(
        silenced,
        [
            ("dangling-citation".to_string(), Some(7)),
            ("uncited-reference".to_string(), Some(4)),
        ]
    );
    // The comment is not read as part of its entry.
    let report = istinad::check(&istinad::Source::new("t.md", with.as_str()), &config);
    assert!(report.references.iter().all(|r| !r.raw.contains("istinad")));
    // Its safe fix removes an unused comment, and nothing else.
    let (fixed, _) = istinad::fix::apply(
        &with,
        report.diagnostics.iter().filter_map(|d| d.fix.as_ref()),
        &[istinad::fix::Applicability::Safe],
    );
    assert!(fixed.contains("(7, s. 9) <!-- istinad: allow dangling-citation -->"));
    assert!(!fixed.contains("[1, с. 5] <!--"));
}

#[test]
fn an_entry_with_a_suppression_comment_inside_keeps_its_printed_text() {
    // Found by the fuzz smoke run: the list is read from the text with the
    // comments blanked, and an entry's `raw` must still be its span's text.
    let text = "ƏDƏBİYYAT\n\n1. Həsənli C. Sovet dövründə <!-- istinad: allow garbled-text --> Azərbaycan. Bakı, 2012.\n2. Bayat K. Tarix. Tehran, 1388.\n";
    let config = istinad::Config::default();
    let source = istinad::Source::new("t.md", text);
    for references in [
        istinad::check(&source, &config).references,
        istinad::read_references(&source, &config).references,
    ] {
        assert_eq!(references.len(), 2);
        for r in &references {
            assert_eq!(r.raw, text[r.span.clone()], "entry {}", r.number);
        }
        assert!(references[0].raw.contains("<!-- istinad"));
    }
}

#[test]
fn config_is_found_from_a_nested_folder_up_to_the_repository_root() {
    let root = tempfile::tempdir().expect("tempdir");
    let journal = root.path().join("journal");
    let nested = journal.join("2026/issue-3");
    std::fs::create_dir_all(&nested).expect("folders");
    std::fs::create_dir(journal.join(".git")).expect(".git");
    let ms = nested.join("ms.md");
    std::fs::write(
        &ms,
        "Bax: (1, s. 5).\n\n## ƏDƏBİYYAT\n\n1. Həsənli Cəmil. (2012) Sovet dövründə. Bakı\n2. ARDA: f. 28. siy. 1. iş 72\n",
    )
    .expect("write");
    let ms = ms.display().to_string();
    // Above the repository's root: not read.
    std::fs::write(
        root.path().join("istinad.toml"),
        "[rules]\nuncited-reference = \"off\"\n",
    )
    .expect("write");
    let (code, stdout, _) = istinad(&["check", &ms, "--format", "concise"], None);
    assert_eq!(code, 0);
    assert!(stdout.contains("uncited-reference"), "{stdout}");
    std::fs::write(
        journal.join(".istinad.toml"),
        "[rules]\nuncited-reference = \"error\"\n",
    )
    .expect("write");
    assert_eq!(istinad(&["check", &ms], None).0, 1);
    assert_eq!(istinad(&["check", &ms, "--isolated"], None).0, 0);
    let (code, shown, _) = istinad(&["config", &ms, "--disable", "C004"], None);
    assert_eq!(code, 0);
    let config = journal.join(".istinad.toml").display().to_string();
    assert!(
        shown.contains(&format!("config file: {config} (found from")),
        "{shown}"
    );
    assert!(
        shown
            .lines()
            .any(|l| l.contains("uncited-reference") && l.contains("error") && l.contains(&config)),
        "{shown}"
    );
    assert!(
        shown.lines().any(|l| l.contains("reversed-range")
            && l.contains("off")
            && l.contains("command line")),
        "{shown}"
    );
    assert!(
        shown.lines().any(|l| l.contains("dangling-citation")
            && l.contains("error")
            && l.contains("default")),
        "{shown}"
    );
    let (_, isolated, _) = istinad(&["config", &ms, "--isolated"], None);
    assert!(isolated.contains("--isolated"), "{isolated}");
}

#[test]
fn did_you_mean_for_rules_and_formats() {
    let (code, _, stderr) = istinad(&["check", "-", "--disable", "uncited-referense"], Some("x"));
    assert_eq!(code, 2);
    assert!(
        stderr.contains("did you mean `uncited-reference`"),
        "{stderr}"
    );
    let (code, _, stderr) = istinad(&["rule", "dangling-citations"], None);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("did you mean `dangling-citation`"),
        "{stderr}"
    );
    let (code, _, stderr) = istinad(&["check", "-", "--format", "sarf"], Some("x"));
    assert_eq!(code, 2);
    assert!(stderr.contains("'sarif'"), "{stderr}");
    let (code, _, stderr) = istinad(&["convert", "-", "--to", "bibtx"], Some("x"));
    assert_eq!(code, 2);
    assert!(stderr.contains("'bibtex'"), "{stderr}");
}

#[test]
fn completions_for_each_shell() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let (code, stdout, stderr) = istinad(&["completions", shell], None);
        assert_eq!(code, 0, "{shell}: {stderr}");
        assert!(
            stdout.contains("istinad") && stdout.contains("stdin-filename"),
            "{shell}"
        );
    }
}

/// `docs/istinad.1` is what `istinad man` prints; `ISTINAD_MAN=update`
/// rewrites it.
#[test]
fn the_man_page_is_current() {
    let (code, page, _) = istinad(&["man"], None);
    assert_eq!(code, 0);
    assert!(page.starts_with(".ie \\n(.g .ds Aq") || page.contains(".TH istinad"));
    let path = repo("docs/istinad.1");
    if std::env::var("ISTINAD_MAN").is_ok_and(|v| v == "update") {
        std::fs::write(&path, &page).expect("write docs/istinad.1");
    }
    let kept = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        kept == page,
        "docs/istinad.1 is not what `istinad man` prints; run `ISTINAD_MAN=update cargo test --test main runs::the_man_page_is_current`"
    );
}

/// The progress bar is drawn on a terminal's standard error (here a pseudo
/// terminal from util-linux's `script`, on every Debian system), and not
/// when `CI` is set; the findings on standard output are the same.
#[test]
#[cfg(unix)]
fn a_progress_bar_on_a_terminal_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bar = |ci: bool| -> (String, String) {
        let out = dir.path().join("out.txt");
        let command = format!(
            "{} check fixtures/manuscripts --format concise > {}",
            env!("CARGO_BIN_EXE_istinad"),
            out.display()
        );
        let mut script = std::process::Command::new("script");
        script
            .args(["-qec", &command, "/dev/null"])
            .current_dir(repo(""))
            .env_remove("CI");
        if ci {
            script.env("CI", "true");
        }
        let run = script.output().expect("util-linux `script` runs");
        let terminal = String::from_utf8_lossy(&run.stdout).into_owned();
        (terminal, std::fs::read_to_string(&out).expect("findings"))
    };
    let (terminal, findings) = bar(false);
    let files = walked(&repo("fixtures/manuscripts")).len();
    assert!(
        terminal.contains(&format!("/{files} files")),
        "{terminal:?}"
    );
    let (quiet, same) = bar(true);
    assert!(!quiet.contains("files"), "{quiet:?}");
    assert_eq!(findings, same);
    let (_, piped, _) = istinad(
        &["check", "fixtures/manuscripts", "--format", "concise"],
        None,
    );
    assert_eq!(findings, piped);
}
