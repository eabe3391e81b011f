//! Writes that cannot lose the user's text (issue 12): `-o` is never the
//! input, an existing file keeps its mode, a link is written through, an
//! unchanged file is not rewritten, text never goes under a `.docx`/`.odt`
//! name, and a run killed while writing leaves the original whole and (on
//! SIGTERM/SIGINT) no temporary file.

use std::path::{Path, PathBuf};

use crate::support::istinad;

/// A manuscript with one safe fix (`;` for `,`) and one dangling citation.
const MANUSCRIPT: &str = "Bax: (1; s. 5), (1, s. 6) və (7, s. 2).\n\n## ƏDƏBİYYAT\n\n1. Həsənli Cəmil. (2012) Kitab. Bakı\n";

fn write(dir: &Path, name: &str, text: &str) -> (PathBuf, String) {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    let p = path.display().to_string();
    (path, p)
}

/// Files in `dir` named as istinad names its temporary files.
fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".istinad-") && n.ends_with(".tmp"))
        .collect()
}

#[test]
fn convert_and_render_refuse_their_input_as_output() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (path, p) = write(dir.path(), "s.md", MANUSCRIPT);
    let link = dir.path().join("link.md");
    let hard = dir.path().join("hard.md");
    std::fs::hard_link(&path, &hard).expect("hard link");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&path, &link).expect("symlink");
    #[cfg(not(unix))]
    std::fs::copy(&path, &link).expect("copy");
    for out in [&path, &link, &hard] {
        let o = out.display().to_string();
        for args in [
            vec!["convert", &p, "--to", "bibtex", "-o", &o],
            vec!["render", &p, "-o", &o],
        ] {
            let (code, _, stderr) = istinad(&args, None);
            if out == &link && cfg!(not(unix)) {
                continue;
            }
            assert_eq!(code, 2, "{args:?}: {stderr}");
            assert!(stderr.contains("is the input itself"), "{stderr}");
            assert_eq!(std::fs::read_to_string(&path).expect("read"), MANUSCRIPT);
        }
    }
}

#[test]
fn check_o_without_fix_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_, p) = write(dir.path(), "s.md", MANUSCRIPT);
    let out = dir.path().join("out.md").display().to_string();
    let (code, _, stderr) = istinad(&["check", &p, "-o", &out], None);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("--fix"), "{stderr}");
    assert!(!Path::new(&out).exists());
}

#[test]
fn text_is_never_written_under_a_word_processor_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_, p) = write(dir.path(), "s.md", MANUSCRIPT);
    for name in ["fixed.docx", "fixed.ODT"] {
        let out = dir.path().join(name).display().to_string();
        let (code, _, stderr) = istinad(&["check", &p, "--fix", "-o", &out], None);
        assert_eq!(code, 2, "{stderr}");
        assert!(stderr.contains("plain text"), "{stderr}");
        assert!(!Path::new(&out).exists());
        let (code, _, _) = istinad(&["convert", &p, "--to", "ris", "-o", &out], None);
        assert_eq!(code, 2);
        assert!(!Path::new(&out).exists());
    }
}

#[test]
fn fix_reports_what_is_left_and_exits_from_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (path, p) = write(dir.path(), "s.md", MANUSCRIPT);
    let (code, stdout, stderr) = istinad(&["check", &p, "--fix", "--format", "concise"], None);
    assert!(stderr.contains("applied 1 safe fix"), "{stderr}");
    // The dangling citation (7) is an error and remains.
    assert!(stdout.contains("dangling-citation"), "{stdout}");
    assert!(!stdout.contains("malformed-citation"), "{stdout}");
    assert_eq!(code, 1, "{stdout}{stderr}");
    let fixed = std::fs::read_to_string(&path).expect("read");
    assert!(fixed.starts_with("Bax: (1, s. 5)"), "{fixed}");
}

#[test]
fn diff_prints_the_fixes_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (path, p) = write(dir.path(), "s.md", MANUSCRIPT);
    let (_, stdout, stderr) = istinad(&["check", &p, "--diff"], None);
    assert!(stdout.contains("-Bax: (1; s. 5)"), "{stdout}");
    assert!(stdout.contains("+Bax: (1, s. 5)"), "{stdout}");
    assert!(stdout.starts_with("---"), "{stdout}");
    assert!(stderr.contains("nothing written"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), MANUSCRIPT);
}

#[cfg(unix)]
#[test]
fn fix_keeps_the_mode_writes_through_a_link_and_leaves_an_unchanged_file_alone() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().expect("tempdir");
    let (path, _) = write(dir.path(), "s.md", MANUSCRIPT);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let link = dir.path().join("link.md");
    std::os::unix::fs::symlink(&path, &link).expect("symlink");
    let l = link.display().to_string();
    let (_, _, stderr) = istinad(&["check", &l, "--fix"], None);
    assert!(stderr.contains("applied 1 safe fix"), "{stderr}");
    let meta = std::fs::symlink_metadata(&link).expect("link");
    assert!(meta.file_type().is_symlink(), "the link stays a link");
    let fixed = std::fs::read_to_string(&path).expect("target");
    assert!(
        fixed.starts_with("Bax: (1, s. 5)"),
        "the target is fixed: {fixed}"
    );
    let mode = std::fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    // Nothing left to fix: the file is not rewritten (same inode).
    let inode = std::fs::metadata(&path).expect("meta").ino();
    let (_, _, stderr) = istinad(&["check", &l, "--fix"], None);
    assert!(stderr.contains("applied 0 safe fixes"), "{stderr}");
    assert!(stderr.contains("not written"), "{stderr}");
    assert_eq!(std::fs::metadata(&path).expect("meta").ino(), inode);
    assert!(temporaries(dir.path()).is_empty());
}

/// A manuscript of about `mb` megabytes whose one fix makes the whole file
/// be written again: a long body of prose, one fixable citation, a list.
fn big_manuscript(mb: usize) -> String {
    let line = "Bu mətndə arxiv sənədləri və dövrün mətbuatı əsasında hadisələr təhlil olunur.\n";
    let mut text = String::from("Bax: (1; s. 5) və (1, s. 6).\n\n");
    while text.len() < mb * 1024 * 1024 {
        text.push_str(line);
    }
    text.push_str("\n## ƏDƏBİYYAT\n\n1. Həsənli Cəmil. (2012) Kitab. Bakı\n");
    text
}

fn kill(pid: u32, signal: &str) {
    let _ = std::process::Command::new("kill")
        .args([&format!("-{signal}"), &pid.to_string()])
        .status();
}

/// A real `istinad check --fix` killed while it writes: the manuscript is
/// the old one or the whole new one, never a part; after SIGTERM or
/// SIGINT no temporary file remains; after SIGKILL (which no program can
/// catch) a stale one is recognisable by its name.
#[cfg(unix)]
#[test]
fn a_killed_write_never_loses_the_manuscript() {
    let original = big_manuscript(8);
    let fixed = original.replacen("(1; s. 5)", "(1, s. 5)", 1);
    // On the build's disk, not a memory file system: the write and its
    // fsync take long enough to be caught.
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("tempdir");
    let path = dir.path().join("m.md");
    let p = path.display().to_string();
    let mut caught = 0;
    let mut runs = 0;
    // Even rounds wait for the write; should none catch it (a fast disk),
    // more rounds are run, up to six.
    let signals = ["TERM", "INT", "KILL", "TERM", "INT", "TERM", "KILL", "TERM"];
    for round in 0..signals.len() + 12 {
        if round >= signals.len() && (caught > 0 || round % 2 == 1) {
            continue;
        }
        let signal = signals[round % signals.len()];
        std::fs::write(&path, &original).expect("write");
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_istinad"))
            .args(["check", &p, "--fix", "--format", "concise"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        runs += 1;
        // Kill the moment the temporary file appears (the write is under
        // way); on even rounds after a while instead, whatever it is doing.
        let start = std::time::Instant::now();
        let mut killed = false;
        loop {
            if child.try_wait().expect("wait").is_some() {
                break;
            }
            let writing = !temporaries(dir.path()).is_empty();
            let late = round % 2 == 1 && start.elapsed().as_millis() > 50 * round as u128;
            if writing || late {
                kill(child.id(), signal);
                killed = true;
                caught += usize::from(writing);
                break;
            }
        }
        let status = child.wait().expect("wait");
        let now = std::fs::read_to_string(&path).expect("the manuscript is there");
        assert!(
            now == original || now == fixed,
            "round {round} ({signal}): the manuscript is neither the old one nor the new one ({} bytes)",
            now.len()
        );
        let left = temporaries(dir.path());
        if signal == "KILL" {
            for name in left {
                assert!(name.starts_with(".m.md.istinad-"), "{name}");
                std::fs::remove_file(dir.path().join(name)).expect("remove");
            }
        } else {
            assert!(
                left.is_empty(),
                "round {round} ({signal}, killed: {killed}, {status}): {left:?} left behind"
            );
        }
    }
    println!("killed-write test: {runs} runs, {caught} killed while the temporary file existed");
    assert!(caught > 0, "no run was killed while writing");
}
