//! CLI: `istinad` — glue between the command line, the library and the printers.
//!
//! Exit status: 0 when no finding is an error (or a warning with `--deny
//! warnings`), 1 when one is, 2 when the run failed.

// The CLI is the one place that prints (STYLE.md: the library never does).
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod args;
mod report;
mod write;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use istinad::diagnostic::{Diagnostic, Severity};
use istinad::{Config, Error};
use istinad::{Level, Rule};

use args::{CheckFormat, Cli, Color, Command, Deny, RefsFormat, RulesFormat};
use istinad::emit::Options;

fn main() -> ExitCode {
    let cli = Cli::parse();
    write::install_signal_cleanup();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            let report = miette::Report::new(err);
            eprintln!("{report:?}");
            ExitCode::from(2)
        }
    }
}

/// Everything that can stop a run.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
enum Failure {
    #[error(transparent)]
    #[diagnostic(transparent)]
    Istinad(#[from] Error),
    #[error("{0}")]
    Usage(String),
}

fn run(cli: Cli) -> Result<ExitCode, Failure> {
    let color = match cli.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    match cli.command {
        Command::Rules { format } => {
            let text = match format {
                RulesFormat::Human => report::rules_table(),
                RulesFormat::Json => report::rules_json().map_err(Failure::Usage)?,
            };
            print(&text)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Rule { name } => {
            print(&report::rule_doc(rule_named(&name)?))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Refs { file, format } => {
            let (_, source, refs) = read_list(cli.config.as_deref(), &file)?;
            let text = match format {
                RefsFormat::Json => {
                    print_with(|out| {
                        report::write_refs_json(out, &refs.references, &refs.diagnostics)
                    })?;
                    return Ok(exit_code(&refs.diagnostics, false));
                }
                RefsFormat::Yaml => report::refs_yaml(&refs.references, &refs.diagnostics)
                    .map_err(Failure::Usage)?,
                RefsFormat::Human => {
                    let mut t = report::refs_table(&refs.references);
                    t.push('\n');
                    t.push_str(&report::human(&source, &refs.diagnostics, color));
                    t.push_str(&format!(
                        "{} references; {}\n",
                        refs.references.len(),
                        report::summary(&refs.diagnostics)
                    ));
                    t
                }
            };
            print(&text)?;
            Ok(exit_code(&refs.diagnostics, false))
        }
        Command::Check {
            file,
            format,
            deny,
            enable,
            disable,
            severity,
            fix,
            diff,
            output,
        } => {
            let mut config = load_config(cli.config.as_deref(), &file)?;
            for name in &enable {
                let rule = rule_named(name)?;
                config.rules.set(rule, Level::On(rule.default_severity()));
            }
            for name in &disable {
                config.rules.set(rule_named(name)?, Level::Off);
            }
            for setting in &severity {
                let (name, level) = setting.split_once('=').ok_or_else(|| {
                    Failure::Usage(format!("`--severity {setting}`: write RULE=LEVEL"))
                })?;
                config
                    .rules
                    .set_named(name, level)
                    .map_err(|e| Failure::Usage(format!("`--severity {setting}`: {e}")))?;
            }
            if output.is_some() && !fix && !diff {
                return Err(Failure::Usage(
                    "`-o` names where `--fix` writes the fixed manuscript; add `--fix` (or `--diff` to see the fixes)".into(),
                ));
            }
            let source = read_source(&file)?;
            let report = istinad::check(&source, &config);
            if !(fix || diff) {
                if format == CheckFormat::Json {
                    print_with(|out| {
                        report::write_check_json(
                            out,
                            report.style,
                            &report.references,
                            &report.citations,
                            &report.diagnostics,
                        )
                    })?;
                    return Ok(exit_code(&report.diagnostics, deny == Some(Deny::Warnings)));
                }
                let text = check_report(format, &source, &report, color)?;
                print(&text)?;
                return Ok(exit_code(&report.diagnostics, deny == Some(Deny::Warnings)));
            }
            let target = output.as_deref().unwrap_or(&file);
            if fix
                && !diff
                && source.is_extracted()
                && (output.is_none() || target == file || write::same_file(&file, target))
            {
                return Err(Failure::Usage(format!(
                    "`--fix` would replace `{}` with its text; write the fixed text elsewhere with `-o FILE`",
                    file.display()
                )));
            }
            let fixes = report.diagnostics.iter().filter_map(|d| d.fix.as_ref());
            let (fixed, applied) =
                istinad::fix::apply(source.text(), fixes, &[istinad::fix::Applicability::Safe]);
            let plural = if applied == 1 { "" } else { "es" };
            if diff {
                let old = source.name().to_string();
                let new = target.display().to_string();
                let text = similar::TextDiff::from_lines(source.text(), fixed.as_str())
                    .unified_diff()
                    .header(&old, &new)
                    .to_string();
                print(&text)?;
                eprintln!("{applied} safe fix{plural} would be applied; nothing written");
            } else if target.as_os_str() == "-" {
                print(&fixed)?;
            } else {
                let written = write::write_file(target, fixed.as_bytes(), false)?;
                match written {
                    write::Written::Changed => {
                        eprintln!(
                            "applied {applied} safe fix{plural} to `{}`",
                            target.display()
                        );
                    }
                    write::Written::Unchanged => {
                        eprintln!(
                            "applied {applied} safe fix{plural}; `{}` unchanged, not written",
                            target.display()
                        );
                    }
                }
            }
            // What is left, as ruff reports it: the findings of the fixed
            // text, and the exit status from them.
            let fixed_source = istinad::Source::new(source.name(), fixed.as_str());
            let remaining = istinad::check(&fixed_source, &config);
            let mut text = check_report(format, &fixed_source, &remaining, color)?;
            if matches!(format, CheckFormat::Human | CheckFormat::Concise)
                && remaining.diagnostics.is_empty()
            {
                text = format!("{}: no findings remain\n", target.display());
            }
            if diff || target.as_os_str() == "-" {
                eprint!("{text}");
            } else {
                print(&text)?;
            }
            Ok(exit_code(
                &remaining.diagnostics,
                deny == Some(Deny::Warnings),
            ))
        }
        Command::Convert {
            file,
            to,
            output,
            keys,
            keep_language,
        } => {
            let (config, source, refs) = read_list(cli.config.as_deref(), &file)?;
            let options = Options {
                keys,
                keep_language,
            };
            if let Some(out) = output.as_deref().filter(|p| p.as_os_str() != "-")
                && let Some(warning) = istinad::emit::extension_mismatch(out, to.extensions())
            {
                eprintln!("warning: {warning}");
            }
            let (text, findings) = istinad::convert(&refs.references, to, &options, &config)?;
            emit_output(&file, output.as_deref(), &text)?;
            // What the format cannot hold goes to standard error, so the
            // converted text on standard output stays clean.
            eprint!("{}", report::concise(&source, &findings));
            Ok(exit_code(&findings, false))
        }
        Command::Render {
            file,
            style,
            locale,
            to,
            output,
        } => {
            let to_file = output.as_deref().filter(|p| p.as_os_str() != "-");
            if to == istinad::emit::Output::Docx && to_file.is_none() {
                return Err(Failure::Usage(
                    "`--to docx` writes a file: give it with `-o FILE.docx`".into(),
                ));
            }
            if let Some(out) = to_file
                && let Some(warning) = istinad::emit::extension_mismatch(out, to.extensions())
            {
                eprintln!("warning: {warning}");
            }
            let (_, _, refs) = read_list(cli.config.as_deref(), &file)?;
            let bytes = istinad::emit::render_to(&refs.references, style, locale, to)?;
            match to_file {
                Some(path) => {
                    emit_file(&file, path, &bytes, to == istinad::emit::Output::Docx)?;
                }
                None => print(&String::from_utf8_lossy(&bytes))?,
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The config, the input and its reference list: what `refs`, `convert`
/// and `render` start from.
fn read_list(
    explicit: Option<&Path>,
    file: &Path,
) -> Result<(Config, istinad::Source, istinad::References), Failure> {
    let config = load_config(explicit, file)?;
    let source = read_source(file)?;
    let refs = istinad::read_references(&source, &config);
    Ok((config, source, refs))
}

/// Reads the input file, or standard input for `-` (the library never
/// touches the process's streams).
fn read_source(file: &Path) -> Result<istinad::Source, istinad::Error> {
    if file == Path::new("-") {
        istinad::input::read_from("-", std::io::stdin().lock())
    } else {
        istinad::input::read_path(file)
    }
}

fn rule_named(name: &str) -> Result<Rule, Failure> {
    Rule::from_name(name)
        .ok_or_else(|| Failure::Usage(format!("unknown rule `{name}`; `istinad rules` lists them")))
}

/// 1 when a finding is an error (or a warning, when warnings are denied).
fn exit_code(diagnostics: &[Diagnostic], deny_warnings: bool) -> ExitCode {
    let failing = diagnostics.iter().any(|d| {
        d.severity == Severity::Error || (deny_warnings && d.severity == Severity::Warning)
    });
    if failing {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The config given, or `istinad.toml` next to the input, or in the current
/// directory, or the built-in defaults.
fn load_config(explicit: Option<&Path>, input: &Path) -> Result<Config, Failure> {
    let candidates: Vec<PathBuf> = match explicit {
        Some(p) => vec![p.to_path_buf()],
        None => {
            let mut c = Vec::new();
            if let Some(dir) = input.parent().filter(|d| !d.as_os_str().is_empty()) {
                c.push(dir.join("istinad.toml"));
            }
            c.push(PathBuf::from("istinad.toml"));
            c
        }
    };
    for path in candidates {
        let text = match read_config(&path) {
            Ok(text) => text,
            // Only a config named on the command line must exist.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && explicit.is_none() => continue,
            Err(source) => {
                return Err(Error::Io {
                    path: path.display().to_string(),
                    source,
                }
                .into());
            }
        };
        return Ok(Config::from_toml(&text, &path.display().to_string())?);
    }
    Ok(Config::default())
}

/// Largest config file read: a real one is a few kilobytes, and an
/// `istinad.toml` beside the input (or a link to `/dev/zero`) must not
/// exhaust memory.
const MAX_CONFIG: u64 = 1024 * 1024;

/// Reads a config file of at most [`MAX_CONFIG`] bytes.
fn read_config(path: &Path) -> std::io::Result<String> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let mut text = String::new();
    file.take(MAX_CONFIG + 1).read_to_string(&mut text)?;
    if text.len() as u64 > MAX_CONFIG {
        return Err(std::io::Error::other(
            "larger than the 1 MiB a config file may be",
        ));
    }
    Ok(text)
}

/// Writes a converted list to `-o` (see `write.rs`) or to standard output;
/// never over its own input.
fn emit_output(input: &Path, output: Option<&Path>, text: &str) -> Result<(), Failure> {
    match output {
        Some(path) if path.as_os_str() != "-" => emit_file(input, path, text.as_bytes(), false),
        _ => print(text),
    }
}

/// Writes `bytes` to `path` (see `write.rs`), never over `input`; `package`
/// when the bytes are a word processor's file (`render --to docx`).
fn emit_file(input: &Path, path: &Path, bytes: &[u8], package: bool) -> Result<(), Failure> {
    if write::same_file(input, path) {
        return Err(Failure::Usage(format!(
            "`-o {}` is the input itself; write the output to another file",
            path.display()
        )));
    }
    write::write_file(path, bytes, package)?;
    Ok(())
}

/// The report of `check` in one format.
fn check_report(
    format: CheckFormat,
    source: &istinad::Source,
    report: &istinad::Report,
    color: bool,
) -> Result<String, Failure> {
    Ok(match format {
        CheckFormat::Json => report::check_json(
            report.style,
            &report.references,
            &report.citations,
            &report.diagnostics,
        )
        .map_err(Failure::Usage)?,
        CheckFormat::Concise => report::concise(source, &report.diagnostics),
        CheckFormat::Human => {
            let mut t = report::human(source, &report.diagnostics, color);
            t.push_str(&format!(
                "{}: {} references, {} citations; {}\n",
                source.name(),
                report.references.len(),
                report.citations.len(),
                report::summary(&report.diagnostics)
            ));
            t
        }
    })
}

/// Writes to standard output through `write`, buffered; a closed pipe is
/// not an error.
fn print_with(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<(), Failure> {
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::Output {
            what: "standard output".into(),
            message: e.to_string(),
        }
        .into()),
    }
}

/// Writes to standard output; a closed pipe is not an error.
fn print(text: &str) -> Result<(), Failure> {
    print_with(|out| out.write_all(text.as_bytes()))
}
