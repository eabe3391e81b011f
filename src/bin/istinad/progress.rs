//! CLI: the progress bar of a long run, on standard error when it is a terminal (never in a pipe or in CI).

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::inputs::Input;

/// Runs over fewer files, with less text, finish before a bar helps.
const FILES: usize = 8;
/// Bytes of input after which even one file gets a bar.
const BYTES: u64 = 8 * 1024 * 1024;

/// A bar counting `inputs` as they are done, or a hidden one: shown only
/// for many files or much text, when standard error is a terminal and no
/// CI variable is set (CI logs are not terminals, but some runners fake one).
pub fn bar(inputs: &[Input]) -> ProgressBar {
    use std::io::IsTerminal;
    let bytes: u64 = inputs
        .iter()
        .filter_map(|i| match i {
            Input::File(p) => std::fs::metadata(p).ok().map(|m| m.len()),
            Input::Stdin(_) => None,
        })
        .sum();
    let long = inputs.len() >= FILES || bytes >= BYTES;
    let visible = long && std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
    if !visible {
        return ProgressBar::hidden();
    }
    let bar =
        ProgressBar::with_draw_target(Some(inputs.len() as u64), ProgressDrawTarget::stderr());
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} {pos}/{len} files {wide_bar} {elapsed}")
    {
        bar.set_style(style);
    }
    bar
}
