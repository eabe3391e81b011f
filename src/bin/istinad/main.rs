//! CLI: `istinad` — glue between the command line, the library and the printers.
//!
//! Exit status: 0 when no finding is an error (or a warning with `--deny
//! warnings`), 1 when one is, 2 when the run failed.

// The CLI is the one place that prints (STYLE.md: the library never does).
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod args;
mod report;

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
                RefsFormat::Json => report::refs_json(&refs.references, &refs.diagnostics)
                    .map_err(Failure::Usage)?,
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
            let source = read_source(&file)?;
            let report = istinad::check(&source, &config);
            if fix {
                if source.is_extracted() && output.as_deref().is_none_or(|o| o == file) {
                    return Err(Failure::Usage(format!(
                        "`--fix` would replace `{}` with its text; write the fixed text elsewhere with `-o FILE`",
                        file.display()
                    )));
                }
                let fixes = report.diagnostics.iter().filter_map(|d| d.fix.as_ref());
                let (fixed, applied) =
                    istinad::fix::apply(source.text(), fixes, &[istinad::fix::Applicability::Safe]);
                emit_output(Some(output.as_deref().unwrap_or(&file)), &fixed)?;
                eprintln!(
                    "applied {applied} safe fix{}",
                    if applied == 1 { "" } else { "es" }
                );
                return Ok(ExitCode::SUCCESS);
            }
            let text = match format {
                CheckFormat::Json => {
                    report::check_json(&report.references, &report.citations, &report.diagnostics)
                        .map_err(Failure::Usage)?
                }
                CheckFormat::Concise => report::concise(&source, &report.diagnostics),
                CheckFormat::Human => {
                    let mut t = report::human(&source, &report.diagnostics, color);
                    t.push_str(&format!(
                        "{}: {} references, {} citations; {}\n",
                        source.name(),
                        report.references.len(),
                        report.citations.len(),
                        report::summary(&report.diagnostics)
                    ));
                    t
                }
            };
            print(&text)?;
            Ok(exit_code(&report.diagnostics, deny == Some(Deny::Warnings)))
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
            emit_output(output.as_deref(), &text)?;
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
                Some(path) => write_atomic(path, &bytes)?,
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
        let text = match std::fs::read_to_string(&path) {
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

/// Writes an output to `-o` (atomically) or to standard output.
fn emit_output(output: Option<&Path>, text: &str) -> Result<(), Failure> {
    match output {
        Some(path) if path.as_os_str() != "-" => write_atomic(path, text.as_bytes()),
        _ => print(text),
    }
}

/// Writes to standard output; a closed pipe is not an error.
fn print(text: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::Output {
            what: "standard output".into(),
            message: e.to_string(),
        }
        .into()),
    }
}

/// Writes `bytes` to `path` through a temporary file in the same directory
/// and a rename, so a failed run never leaves half a file.
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let fail = |message: String| {
        Failure::from(Error::Output {
            what: path.display().to_string(),
            message,
        })
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| fail(e.to_string()))?;
    tmp.write_all(bytes).map_err(|e| fail(e.to_string()))?;
    tmp.as_file().sync_all().map_err(|e| fail(e.to_string()))?;
    tmp.persist(path).map_err(|e| fail(e.error.to_string()))?;
    Ok(())
}
