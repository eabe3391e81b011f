//! CLI: the inputs of a run — files, folders walked as ripgrep walks them, quoted globs, standard input.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// One input of a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file, by the path it was given or found under.
    File(PathBuf),
    /// Standard input, by the name `--stdin-filename` gives it (or `-`).
    Stdin(PathBuf),
}

impl Input {
    /// The name findings give it.
    pub fn name(&self) -> String {
        match self {
            Input::File(p) | Input::Stdin(p) => p.display().to_string(),
        }
    }

    /// The path it is read from (`-` for standard input).
    pub fn path(&self) -> &Path {
        match self {
            Input::File(p) => p,
            Input::Stdin(_) => Path::new("-"),
        }
    }

    /// The path it goes by (its file, or the name given to standard input).
    pub fn named(&self) -> &Path {
        match self {
            Input::File(p) | Input::Stdin(p) => p,
        }
    }
}

/// The extensions of the files a folder walk picks up: the formats istinad
/// reads (see `istinad::input::Format`).
const READ: [&str; 5] = ["md", "markdown", "txt", "docx", "odt"];

/// A command line's paths, expanded. `many` is true when the run is over
/// more than one input or over a folder or glob (whose output names each
/// file); `missing` holds what could not be expanded, with the reason.
#[derive(Debug, Default)]
pub struct Expanded {
    pub inputs: Vec<Input>,
    pub many: bool,
    pub missing: Vec<(String, String)>,
}

/// Expands `paths` in the order given: a file as it is; a folder into the
/// files of the formats istinad reads under it, honouring `.gitignore`,
/// `.ignore` and hidden files as ripgrep does, sorted by name; a path that
/// does not exist but holds `*`, `?`, `[` or `{` as a glob (for globs the
/// shell did not expand, as on Windows or in quotes); `-` as standard input.
/// A file named twice is read once.
pub fn expand(paths: &[PathBuf], stdin_name: Option<&Path>) -> Expanded {
    let mut out = Expanded {
        many: paths.len() > 1,
        ..Expanded::default()
    };
    let mut seen = HashSet::new();
    let mut push = |out: &mut Expanded, input: Input| {
        if seen.insert(input.path().to_path_buf()) || matches!(input, Input::Stdin(_)) {
            out.inputs.push(input);
        }
    };
    for path in paths {
        if path.as_os_str() == "-" {
            let name = stdin_name.map_or_else(|| PathBuf::from("-"), Path::to_path_buf);
            push(&mut out, Input::Stdin(name));
        } else if path.is_dir() {
            out.many = true;
            for file in walk(path, |p| has_extension(p, &READ)) {
                push(&mut out, Input::File(file));
            }
        } else if !path.exists() && is_glob(path) {
            out.many = true;
            match glob(path) {
                Ok(files) if files.is_empty() => out.missing.push((
                    path.display().to_string(),
                    "no file matches the glob".into(),
                )),
                Ok(files) => {
                    for file in files {
                        push(&mut out, Input::File(file));
                    }
                }
                Err(e) => out.missing.push((path.display().to_string(), e)),
            }
        } else {
            // A missing file is reported when it is read, as any read error.
            push(&mut out, Input::File(path.clone()));
        }
    }
    out
}

fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

fn is_glob(path: &Path) -> bool {
    path.to_string_lossy().contains(['*', '?', '[', '{'])
}

/// The files under `root` that `keep` accepts, as ripgrep would visit them
/// (`.gitignore` honoured inside or outside a repository), sorted by name.
fn walk(root: &Path, keep: impl Fn(&Path) -> bool) -> Vec<PathBuf> {
    ignore::WalkBuilder::new(root)
        .require_git(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
        .map(ignore::DirEntry::into_path)
        .filter(|p| keep(p))
        .collect()
}

/// The files a glob matches: the folder before its first wildcard is
/// walked and every file under it matched against the whole glob.
fn glob(pattern: &Path) -> Result<Vec<PathBuf>, String> {
    let text = pattern.to_string_lossy();
    let matcher = globset::GlobBuilder::new(&text)
        .literal_separator(true)
        .build()
        .map_err(|e| e.to_string())?
        .compile_matcher();
    let mut root = PathBuf::new();
    for part in pattern.components() {
        if is_glob(Path::new(part.as_os_str())) {
            break;
        }
        root.push(part);
    }
    let root = if root.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        root
    };
    Ok(walk(&root, |p| {
        // A walk from `.` yields `./x`; the glob is written without it.
        matcher.is_match(p) || p.strip_prefix(".").is_ok_and(|p| matcher.is_match(p))
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_globs_and_files_in_the_order_given() {
        let dir = tempfile::tempdir().expect("tempdir");
        let d = dir.path();
        for f in [
            "b.md",
            "a.txt",
            "notes.toml",
            "sub/c.md",
            "skip/d.md",
            ".hidden.md",
        ] {
            let p = d.join(f);
            std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
            std::fs::write(p, "x").expect("write");
        }
        std::fs::write(d.join(".gitignore"), "skip/\n").expect("write");
        let names = |e: &Expanded| -> Vec<String> {
            e.inputs
                .iter()
                .map(|i| {
                    i.path()
                        .strip_prefix(d)
                        .unwrap_or(i.path())
                        .display()
                        .to_string()
                })
                .collect()
        };
        let e = expand(&[d.to_path_buf()], None);
        assert!(e.many);
        assert_eq!(names(&e), ["a.txt", "b.md", "sub/c.md"]);
        let e = expand(
            &[d.join("b.md"), d.join("**/*.md"), PathBuf::from("-")],
            None,
        );
        assert_eq!(names(&e), ["b.md", "sub/c.md", "-"]);
        let e = expand(&[d.join("b.md")], None);
        assert!(!e.many);
        let e = expand(&[d.join("*.rst")], None);
        assert_eq!(e.missing.len(), 1);
    }
}
