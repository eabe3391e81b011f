//! CLI: a run over inputs — each read and processed in parallel with its config, results in input order, read failures kept for the end.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use istinad::Config;
use istinad::diagnostic::{Diagnostic, Severity};

use crate::configs::Configs;
use crate::{Failure, inputs, progress};

/// An input read, and what was made of it.
type Done<T> = (istinad::Source, T);

/// The inputs of a run, read and processed in parallel; results in input
/// order.
pub struct Run<T> {
    pub many: bool,
    results: Vec<(inputs::Input, Result<Done<T>, Failure>)>,
    missing: Vec<(String, String)>,
}

impl<T: Send> Run<T> {
    /// Expands `paths`, finds each input's config, then reads and
    /// processes the inputs with `work` on every core. A bad config stops
    /// the run; an input that cannot be read is kept as its failure.
    pub fn new(
        paths: &[PathBuf],
        stdin_name: Option<&Path>,
        configs: &mut Configs,
        work: impl Fn(&istinad::Source, &Config) -> T + Sync,
    ) -> Result<Self, Failure> {
        use rayon::prelude::*;
        let expanded = inputs::expand(paths, stdin_name);
        let mut jobs = Vec::with_capacity(expanded.inputs.len());
        for input in expanded.inputs {
            let (config, _) = configs.for_path(input.named())?;
            jobs.push((input, config));
        }
        let progress = progress::bar(&jobs.iter().map(|(i, _)| i.clone()).collect::<Vec<_>>());
        let results = jobs
            .into_par_iter()
            .map(|(input, config)| {
                let result = read_source(&input)
                    .map(|source| {
                        let out = work(&source, &config);
                        (source, out)
                    })
                    .map_err(Failure::from);
                progress.inc(1);
                (input, result)
            })
            .collect();
        progress.finish_and_clear();
        let mut run = Run {
            many: expanded.many,
            results,
            missing: expanded.missing,
        };
        // One input that cannot be read: the run failed, as before there
        // were runs over many (nothing on standard output).
        if !run.many
            && run.results.len() == 1
            && let Some((_, Err(_))) = run.results.last()
            && let Some((_, Err(failure))) = run.results.pop()
        {
            return Err(failure);
        }
        Ok(run)
    }

    /// What was read, in input order.
    pub fn read(&self) -> Vec<(&istinad::Source, &T)> {
        self.results
            .iter()
            .filter_map(|(_, r)| r.as_ref().ok().map(|(s, t)| (s, t)))
            .collect()
    }

    /// The inputs that could not be read: name and message.
    pub fn failures(&self) -> Vec<(String, String)> {
        self.missing
            .iter()
            .cloned()
            .chain(
                self.results.iter().filter_map(|(input, r)| {
                    r.as_ref().err().map(|e| (input.name(), e.to_string()))
                }),
            )
            .collect()
    }

    /// Reports the inputs that could not be read on standard error, as
    /// miette reports (`full`) or one line each.
    pub fn report_failures(&self, full: bool) {
        for (name, message) in &self.missing {
            eprintln!("error: {name}: {message}");
        }
        for (_, result) in &self.results {
            if let Err(e) = result {
                if full {
                    let mut text = String::new();
                    let handler = miette::GraphicalReportHandler::new();
                    if handler.render_report(&mut text, e).is_err() {
                        text = format!("error: {e}\n");
                    }
                    eprint!("{text}");
                } else {
                    eprintln!("error: {e}");
                }
            }
        }
    }

    /// "12 files: " before the summary of a run over several inputs.
    pub fn files_prefix(&self) -> String {
        if !self.many {
            return String::new();
        }
        let read = self.results.iter().filter(|(_, r)| r.is_ok()).count();
        let failed = self.results.len() + self.missing.len() - read;
        let unread = if failed > 0 {
            format!(" ({failed} could not be read)")
        } else {
            String::new()
        };
        format!("{read} file{}{unread}: ", if read == 1 { "" } else { "s" })
    }

    /// 2 when an input could not be read, else as [`status`].
    pub fn exit<'a>(
        &self,
        diagnostics: impl Iterator<Item = &'a Diagnostic>,
        deny: bool,
    ) -> ExitCode {
        if !self.missing.is_empty() || self.results.iter().any(|(_, r)| r.is_err()) {
            return ExitCode::from(2);
        }
        ExitCode::from(status(diagnostics, deny))
    }
}

/// Reads an input: a file, or standard input (the library never touches
/// the process's streams).
pub fn read_source(input: &inputs::Input) -> Result<istinad::Source, istinad::Error> {
    match input {
        inputs::Input::Stdin(name) => {
            istinad::input::read_from(&name.display().to_string(), std::io::stdin().lock())
        }
        inputs::Input::File(path) => istinad::input::read_path(path),
    }
}

/// 1 when a finding is an error (or a warning, when warnings are denied).
pub fn status<'a>(
    diagnostics: impl IntoIterator<Item = &'a Diagnostic>,
    deny_warnings: bool,
) -> u8 {
    let failing = diagnostics.into_iter().any(|d| {
        d.severity == Severity::Error || (deny_warnings && d.severity == Severity::Warning)
    });
    u8::from(failing)
}
