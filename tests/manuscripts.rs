//! Our own manuscripts (fixtures/manuscripts/, written by us in az, ru, fa,
//! tr and en with planted and clean cases, and real .docx files made by
//! pandoc and LibreOffice): each must produce exactly the
//! findings and citation count of its `.expect.toml`.

use istinad::Config;

use crate::support::{compare, expectation, repo};

#[test]
fn manuscripts_check_as_expected() {
    let mut paths: Vec<_> = ["fixtures/manuscripts", "fixtures/manuscripts/docx"]
        .into_iter()
        .flat_map(|dir| std::fs::read_dir(repo(dir)).expect("fixture dir"))
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e == "md" || e == "txt" || e == "docx")
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
