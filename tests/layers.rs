//! The direction of dependencies: no module of `src/` uses a module later in
//! the pipeline (input → split → parse → cite → check → emit → bin).
//!
//! The modules below the pipeline (`rule`, `source`, `script`, `model`, …)
//! use none of its stages; `rule.rs` uses nothing of the crate at all.
//! `lib.rs` wires the stages together and the binary is their user, so both
//! may use any of them.

use std::path::{Path, PathBuf};

/// The pipeline's stages, in order.
const STAGES: [&str; 6] = ["input", "split", "parse", "cite", "check", "emit"];

/// Every `.rs` file under `dir`.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read src/") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            out.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

/// The top-level modules a file names through `crate::`, grouped imports
/// (`use crate::{check::Rule, parse}`) included.
// Rust identifiers, not reference text: the standard tables are right here.
#[allow(clippy::disallowed_methods)]
fn crate_modules(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices("crate::") {
        let rest = &text[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // The first path segment of each item of the group.
            let mut depth = 0;
            let mut item_start = true;
            let mut word = String::new();
            for c in group.chars() {
                if c.is_alphanumeric() || c == '_' {
                    if item_start {
                        word.push(c);
                    }
                    continue;
                }
                if !word.is_empty() {
                    out.push(std::mem::take(&mut word));
                    item_start = false;
                }
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => item_start = true,
                    _ => {}
                }
            }
        } else {
            let word: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            out.push(word);
        }
    }
    out
}

/// The stage a file of `src/` belongs to: its index in [`STAGES`], `None`
/// for the modules below the pipeline.
fn stage_of(relative: &Path) -> Option<usize> {
    let first = relative.components().next()?.as_os_str().to_str()?;
    let module = first.strip_suffix(".rs").unwrap_or(first);
    STAGES.iter().position(|s| *s == module)
}

#[test]
fn no_module_uses_a_later_stage() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut wrong = Vec::new();
    for file in sources(&src) {
        let relative = file.strip_prefix(&src).expect("under src/");
        if relative == Path::new("lib.rs") || relative.starts_with("bin") {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("read");
        // Below the pipeline: may use no stage at all.
        let limit = stage_of(relative).map_or(0, |s| s + 1);
        for module in crate_modules(&text) {
            if let Some(used) = STAGES.iter().position(|s| *s == module)
                && used >= limit
            {
                wrong.push(format!("{} uses crate::{module}", relative.display()));
            }
        }
        if relative == Path::new("rule.rs") && text.contains("crate::") {
            let uses: Vec<String> = crate_modules(&text)
                .into_iter()
                .filter(|m| m != "rule")
                .collect();
            if !uses.is_empty() {
                wrong.push(format!("rule.rs, the leaf, uses {uses:?}"));
            }
        }
    }
    wrong.sort();
    wrong.dedup();
    assert!(
        wrong.is_empty(),
        "modules using a later stage of the pipeline:\n  {}",
        wrong.join("\n  ")
    );
}

#[test]
fn the_scan_reads_grouped_imports() {
    assert_eq!(
        crate_modules(
            "use crate::{check::Rule, parse::{a, b}, Config};\nlet x = crate::emit::Format;"
        ),
        ["check", "parse", "Config", "emit"]
    );
}
