//! CLI: `istinad` — glue between the command line, the library and the printers.
//!
//! Exit status: 0 when no finding is an error (or a warning with `--deny
//! warnings`), 1 when one is, 2 when the run failed.

// The CLI is the one place that prints (STYLE.md: the library never does).
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod args;
mod configs;
mod inputs;
mod lsp;
mod pictures;
mod progress;
mod report;
mod run;
mod sarif;
mod serve;
mod write;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use istinad::diagnostic::Diagnostic;
use istinad::{Config, Error};

use args::{CheckFormat, Cli, Color, Command, Deny, RefsFormat, RulesFormat};
use configs::Configs;
use istinad::emit::Options;
use run::{Run, read_source, status};

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
pub enum Failure {
    /// The library could not run (a file, a config).
    #[error(transparent)]
    #[diagnostic(transparent)]
    Istinad(#[from] Error),
    /// The command line asks for something that cannot be done.
    #[error("{0}")]
    Usage(String),
}

fn run(cli: Cli) -> Result<ExitCode, Failure> {
    let color = match cli.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let stdin_name = cli.stdin_filename.as_deref();
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
            print(&report::rule_doc(configs::rule_named(&name)?))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Config { path, levels } => {
            let mut configs = Configs::new(cli.config.as_deref(), cli.isolated, levels)?;
            let path = path.unwrap_or_else(|| PathBuf::from("."));
            print(&configs.describe(&path)?)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "istinad", &mut out);
            print(&String::from_utf8_lossy(&out))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Man => {
            print(&man_page()?)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Refs { files, format } => {
            let mut configs =
                Configs::new(cli.config.as_deref(), cli.isolated, Default::default())?;
            // One input's list is written as it is read (issue 12);
            // several are read in parallel, each whole.
            if format != RefsFormat::Yaml && !inputs::expand(&files, stdin_name).many {
                let run = Run::new(&files, stdin_name, &mut configs, |_, config| config.clone())?;
                let mut diagnostics = Vec::new();
                if let [(source, config)] = run.read().as_slice() {
                    diagnostics = refs_streamed(source, config, format, color)?;
                }
                run.report_failures(format == RefsFormat::Human);
                return Ok(run.exit(diagnostics.iter(), false));
            }
            let run = Run::new(&files, stdin_name, &mut configs, |source, config| {
                istinad::read_references(source, config)
            })?;
            let read: Vec<_> = run.read();
            match format {
                RefsFormat::Json | RefsFormat::Yaml => {
                    let files: Vec<_> = read
                        .iter()
                        .map(|(source, refs)| {
                            report::FileJson::new(
                                source,
                                &refs.references,
                                None,
                                &refs.diagnostics,
                                run.many,
                            )
                        })
                        .collect();
                    if format == RefsFormat::Json {
                        print_with(|out| report::write_json(out, &files, run.many))?;
                    } else {
                        print(&report::yaml(&files, run.many).map_err(Failure::Usage)?)?;
                    }
                }
                RefsFormat::Human => print_with(|out| {
                    for (source, refs) in &read {
                        if run.many {
                            writeln!(out, "{}", source.name())?;
                        }
                        out.write_all(report::refs_table(&refs.references).as_bytes())?;
                        out.write_all(b"\n")?;
                        report::write_human(&mut *out, source, &refs.diagnostics, color)?;
                    }
                    let references: usize = read.iter().map(|(_, r)| r.references.len()).sum();
                    let all: Vec<&Diagnostic> =
                        read.iter().flat_map(|(_, r)| &r.diagnostics).collect();
                    writeln!(
                        out,
                        "{}{references} references; {}",
                        run.files_prefix(),
                        report::summary(all.iter().copied())
                    )
                })?,
            }
            run.report_failures(format == RefsFormat::Human);
            Ok(run.exit(read.iter().flat_map(|(_, r)| &r.diagnostics), false))
        }
        Command::Check {
            files,
            format,
            deny,
            levels,
            fix,
            diff,
            output,
        } => {
            let deny = deny == Some(Deny::Warnings);
            let mut configs = Configs::new(cli.config.as_deref(), cli.isolated, levels)?;
            if output.is_some() && !fix && !diff {
                return Err(Failure::Usage(
                    "`-o` names where `--fix` writes the fixed manuscript; add `--fix` (or `--diff` to see the fixes)".into(),
                ));
            }
            if fix || diff {
                let expanded = inputs::expand(&files, stdin_name);
                if expanded.inputs.len() > 1 && output.is_some() {
                    return Err(Failure::Usage(
                        "`-o` names one fixed manuscript: give one input, or leave out `-o` to fix each in place".into(),
                    ));
                }
                let mut status = 0u8;
                for (name, message) in &expanded.missing {
                    eprintln!("error: {name}: {message}");
                    status = 2;
                }
                for input in &expanded.inputs {
                    let (config, _) = configs.for_path(input.named())?;
                    let code = match fix_one(
                        input,
                        output.as_deref(),
                        &config,
                        format,
                        deny,
                        fix,
                        diff,
                        color,
                    ) {
                        Ok(code) => code,
                        Err(e @ Failure::Usage(_)) => return Err(e),
                        Err(e) => {
                            eprintln!("{:?}", miette::Report::new(e));
                            2
                        }
                    };
                    status = status.max(code);
                }
                return Ok(ExitCode::from(status));
            }
            // One input's citations are written as they are scanned
            // (issue 12); several inputs are checked in parallel, each whole.
            if !inputs::expand(&files, stdin_name).many {
                let run = Run::new(&files, stdin_name, &mut configs, |_, config| config.clone())?;
                let mut diagnostics = Vec::new();
                if let [(source, config)] = run.read().as_slice() {
                    diagnostics = check_streamed(source, config, format, color, &run.failures())?;
                }
                run.report_failures(format != CheckFormat::Sarif);
                return Ok(run.exit(diagnostics.iter(), deny));
            }
            let run = Run::new(&files, stdin_name, &mut configs, istinad::check)?;
            let read: Vec<_> = run.read();
            match format {
                CheckFormat::Json => {
                    let files: Vec<_> = read
                        .iter()
                        .map(|(source, report)| {
                            report::FileJson::new(
                                source,
                                &report.references,
                                Some(&report.citations),
                                &report.diagnostics,
                                run.many,
                            )
                            .with_style(report.style)
                        })
                        .collect();
                    print_with(|out| report::write_json(out, &files, run.many))?;
                }
                CheckFormat::JsonLines => print_with(|out| {
                    for (source, report) in &read {
                        report::write_json_lines(&mut *out, source, &report.diagnostics)?;
                    }
                    Ok(())
                })?,
                CheckFormat::Sarif => {
                    let checked: Vec<_> = read
                        .iter()
                        .map(|(source, report)| (*source, report.diagnostics.as_slice()))
                        .collect();
                    let log = sarif::log(&checked, &run.failures());
                    print_with(|out| {
                        serde_json::to_writer_pretty(&mut *out, &log)?;
                        out.write_all(b"\n")
                    })?;
                }
                CheckFormat::Github => {
                    let text: String = read
                        .iter()
                        .map(|(source, report)| report::github(source, &report.diagnostics))
                        .collect();
                    print(&text)?;
                }
                // Written as drawn, finding by finding: the report is
                // never one string in memory.
                CheckFormat::Human | CheckFormat::Concise => print_with(|out| {
                    for (source, report) in &read {
                        if format == CheckFormat::Concise {
                            report::write_concise(&mut *out, source, &report.diagnostics)?;
                        } else {
                            report::write_human(&mut *out, source, &report.diagnostics, color)?;
                            if !run.many {
                                out.write_all(
                                    check_summary(
                                        source.name(),
                                        report.references.len(),
                                        report.citations.len(),
                                        &report.diagnostics,
                                    )
                                    .as_bytes(),
                                )?;
                            }
                        }
                    }
                    if format == CheckFormat::Human && run.many {
                        let references: usize = read.iter().map(|(_, r)| r.references.len()).sum();
                        let citations: usize = read.iter().map(|(_, r)| r.citations.len()).sum();
                        let all = read.iter().flat_map(|(_, r)| &r.diagnostics);
                        writeln!(
                            out,
                            "{}{references} references, {citations} citations; {}",
                            run.files_prefix(),
                            report::summary(all)
                        )?;
                    }
                    Ok(())
                })?,
            }
            run.report_failures(format != CheckFormat::Sarif);
            Ok(run.exit(read.iter().flat_map(|(_, r)| &r.diagnostics), deny))
        }
        Command::Convert {
            files,
            to,
            output,
            keys,
            keep_language,
            merge,
        } => {
            let mut configs =
                Configs::new(cli.config.as_deref(), cli.isolated, Default::default())?;
            let options = Options {
                keys,
                keep_language,
            };
            // One input's list is written as it is read (issue 12).
            if !merge && !inputs::expand(&files, stdin_name).many {
                let run = Run::new(&files, stdin_name, &mut configs, |_, config| config.clone())?;
                let mut findings = Vec::new();
                if let [(source, config)] = run.read().as_slice() {
                    if let Some(out) = output.as_deref().filter(|p| p.as_os_str() != "-")
                        && let Some(warning) =
                            istinad::emit::extension_mismatch(out, to.extensions())
                    {
                        eprintln!("warning: {warning}");
                    }
                    findings = convert_streamed(source, output.as_deref(), (to, &options, config))?;
                    eprint!("{}", report::concise(source, &findings));
                }
                run.report_failures(true);
                return Ok(run.exit(findings.iter(), false));
            }
            let run = Run::new(&files, stdin_name, &mut configs, |source, config| {
                (istinad::read_references(source, config), config.clone())
            })?;
            let read = run.read();
            let single = !run.many && read.len() == 1;
            if let Some(out) = output.as_deref().filter(|p| p.as_os_str() != "-")
                && (single || merge)
                && let Some(warning) = istinad::emit::extension_mismatch(out, to.extensions())
            {
                eprintln!("warning: {warning}");
            }
            let mut findings: Vec<Diagnostic> = Vec::new();
            if single || merge {
                let lists: Vec<(&str, &[istinad::Reference])> = read
                    .iter()
                    .map(|(source, (refs, _))| (source.name(), refs.references.as_slice()))
                    .collect();
                // The first input's config: a merged list has one set of
                // rule levels.
                let config = read
                    .first()
                    .map_or_else(Config::default, |(_, (_, c))| c.clone());
                let merged;
                let references = match lists.as_slice() {
                    // One input keeps its list numbers (`--keys number`).
                    [(_, list)] if !merge => *list,
                    _ => {
                        merged = istinad::merge(&lists, &config);
                        for (input, d) in &merged.duplicates {
                            eprint!(
                                "{}",
                                report::concise(read[*input].0, std::slice::from_ref(d))
                            );
                            findings.push(d.clone());
                        }
                        merged.references.as_slice()
                    }
                };
                let first = read.first().map(|(s, _)| Path::new(s.name()));
                let notes = emit_conversion(
                    first.unwrap_or(Path::new("-")),
                    output.as_deref(),
                    references,
                    (to, &options, &config),
                )?;
                // Notes point at an entry of some input: name the input of
                // one list, the merged list otherwise.
                match read.as_slice() {
                    [(source, _)] => eprint!("{}", report::concise(source, &notes)),
                    _ => eprint!(
                        "{}",
                        report::concise(&istinad::Source::new("merged list", ""), &notes)
                    ),
                }
                findings.extend(notes);
            } else {
                let Some(dir) = output.as_deref().filter(|p| p.as_os_str() != "-") else {
                    return Err(Failure::Usage(
                        "several inputs: write one file each into a folder with `-o DIR`, or one merged list with `--merge`".into(),
                    ));
                };
                std::fs::create_dir_all(dir).map_err(|source| Error::Io {
                    path: dir.display().to_string(),
                    source,
                })?;
                let mut written = std::collections::HashMap::new();
                for (source, (refs, config)) in &read {
                    let stem = Path::new(source.name())
                        .file_stem()
                        .map_or_else(|| "stdin".into(), |s| s.to_string_lossy().into_owned());
                    let target = dir.join(format!("{stem}.{}", to.extensions()[0]));
                    if let Some(other) = written.insert(target.clone(), source.name()) {
                        return Err(Failure::Usage(format!(
                            "`{}` and `{other}` would both be written to `{}`; convert them separately",
                            source.name(),
                            target.display()
                        )));
                    }
                    let (text, notes) = istinad::convert(&refs.references, to, &options, config)?;
                    emit_file(Path::new(source.name()), &target, text.as_bytes(), false)?;
                    eprint!("{}", report::concise(source, &notes));
                    findings.extend(notes);
                }
            }
            run.report_failures(true);
            Ok(run.exit(findings.iter(), false))
        }
        Command::Serve {
            port,
            bind,
            open,
            max_upload,
        } => {
            let (settings, warning) = serve::settings(&port, bind, open, max_upload)?;
            if let Some(warning) = warning {
                eprintln!("warning: {warning}");
            }
            let mut configs =
                Configs::new(cli.config.as_deref(), cli.isolated, Default::default())?;
            let (config, _) = configs.for_path(Path::new("."))?;
            serve::serve(settings, config)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Lsp => {
            let configs = Configs::new(cli.config.as_deref(), cli.isolated, Default::default())?;
            lsp::run(configs)?;
            Ok(ExitCode::SUCCESS)
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
            let mut configs =
                Configs::new(cli.config.as_deref(), cli.isolated, Default::default())?;
            let input = match inputs::expand(std::slice::from_ref(&file), stdin_name)
                .inputs
                .pop()
            {
                Some(input) => input,
                None => inputs::Input::File(file.clone()),
            };
            let (config, _) = configs.for_path(input.named())?;
            let source = read_source(&input)?;
            let refs = istinad::read_references(&source, &config);
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

/// `refs` of one input, each record written as it is read and dropped
/// (the JSON's `references`, the human table's rows), then the list's
/// findings; returns the findings that decide the exit status (as JSON,
/// only the errors are kept).
fn refs_streamed(
    source: &istinad::Source,
    config: &Config,
    format: RefsFormat,
    color: bool,
) -> Result<Vec<Diagnostic>, Failure> {
    let mut stream = istinad::stream_references(source, config);
    if format == RefsFormat::Json {
        let mut diagnostics = Vec::new();
        print_with(|out| {
            let written;
            (diagnostics, written) = report::write_json_streamed(out, source, stream);
            written
        })?;
        return Ok(diagnostics);
    }
    let mut failing = Vec::new();
    print_with(|out| {
        let mut references = 0;
        let written = stream.by_ref().try_for_each(|r| {
            references += 1;
            out.write_all(report::refs_table(std::slice::from_ref(&r)).as_bytes())
        });
        // Stopped before the findings, the rest is still read: the
        // findings decide the exit status. They are drawn as they are
        // made (issue 12).
        let (_, findings) = stream.into_findings();
        if let Err(e) = written.and_then(|()| out.write_all(b"\n")) {
            failing = findings
                .filter(|d| d.severity == istinad::Severity::Error)
                .collect();
            return Err(e);
        }
        let (errors, summary, drawn) = report::write_human_each(&mut *out, source, findings, color);
        failing = errors;
        drawn?;
        writeln!(out, "{references} references; {summary}")
    })?;
    Ok(failing)
}

/// `check` of one input, its citations scanned and checked window by
/// window and never all in memory (issue 12); returns the findings.
fn check_streamed(
    source: &istinad::Source,
    config: &Config,
    format: CheckFormat,
    color: bool,
    failures: &[(String, String)],
) -> Result<Vec<Diagnostic>, Failure> {
    let checking = istinad::Checking::new(source, config);
    let findings = || checking.citations().finish();
    let diagnostics = match format {
        CheckFormat::Json => {
            let mut diagnostics = Vec::new();
            print_with(|out| {
                let written;
                (diagnostics, written) = report::write_check_json_streamed(out, source, &checking);
                written
            })?;
            diagnostics
        }
        CheckFormat::JsonLines => {
            let (diagnostics, _) = findings();
            print_with(|out| report::write_json_lines(&mut *out, source, &diagnostics))?;
            diagnostics
        }
        CheckFormat::Sarif => {
            let (diagnostics, _) = findings();
            let log = sarif::log(&[(source, diagnostics.as_slice())], failures);
            print_with(|out| {
                serde_json::to_writer_pretty(&mut *out, &log)?;
                out.write_all(b"\n")
            })?;
            diagnostics
        }
        CheckFormat::Github => {
            let (diagnostics, _) = findings();
            print(&report::github(source, &diagnostics))?;
            diagnostics
        }
        CheckFormat::Concise => {
            let (diagnostics, _) = findings();
            print_with(|out| report::write_concise(&mut *out, source, &diagnostics))?;
            diagnostics
        }
        CheckFormat::Human => {
            let (diagnostics, citations) = findings();
            let references = checking.references().len();
            print_with(|out| {
                report::write_human(&mut *out, source, &diagnostics, color)?;
                let summary = check_summary(source.name(), references, citations, &diagnostics);
                out.write_all(summary.as_bytes())
            })?;
            diagnostics
        }
    };
    Ok(diagnostics)
}

/// `check --fix` or `--diff` of one input: writes the fixes (or prints
/// them), then reports what remains; returns the exit status.
#[allow(clippy::too_many_arguments)]
fn fix_one(
    input: &inputs::Input,
    output: Option<&Path>,
    config: &Config,
    format: CheckFormat,
    deny: bool,
    fix: bool,
    diff: bool,
    color: bool,
) -> Result<u8, Failure> {
    let file = input.path();
    let source = read_source(input)?;
    let report = istinad::check(&source, config);
    let target = output.unwrap_or(file);
    if fix
        && !diff
        && source.is_extracted()
        && (output.is_none() || target == file || write::same_file(file, target))
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
    // What is left, as ruff reports it: the findings of the fixed text,
    // and the exit status from them.
    let fixed_source = source.with_text(fixed);
    let remaining = istinad::check(&fixed_source, config);
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
    Ok(status(remaining.diagnostics.iter(), deny))
}

/// The manual page, made from the command line's definition.
fn man_page() -> Result<String, Failure> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut out)
        .map_err(|e| Failure::Usage(e.to_string()))?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// Writes a converted list to `-o` (see `write.rs`) or to standard output;
/// never over its own input.
fn emit_output(input: &Path, output: Option<&Path>, text: &str) -> Result<(), Failure> {
    match output {
        Some(path) if path.as_os_str() != "-" => emit_file(input, path, text.as_bytes(), false),
        _ => print(text),
    }
}

/// Converts `references` and writes them to `output` (standard output
/// when absent or `-`); returns the format's findings. CSL-JSON goes to
/// standard output as it is made: a big list's items and text are never
/// in memory at once.
fn emit_conversion(
    input: &Path,
    output: Option<&Path>,
    references: &[istinad::Reference],
    (to, options, config): (istinad::emit::Format, &Options, &Config),
) -> Result<Vec<Diagnostic>, Failure> {
    let to_stdout = output.is_none_or(|p| p.as_os_str() == "-");
    if !to_stdout || to != istinad::emit::Format::CslJson {
        let (text, notes) = istinad::convert(references, to, options, config)?;
        emit_output(input, output, &text)?;
        return Ok(notes);
    }
    print_piped(|out| istinad::write_conversion(references, to, options, config, out))
}

/// `convert` of one input's list, written as it is read to `output`
/// (standard output when absent or `-`; a file is written whole, from the
/// text); returns the format's findings.
fn convert_streamed(
    source: &istinad::Source,
    output: Option<&Path>,
    (to, options, config): (istinad::emit::Format, &Options, &Config),
) -> Result<Vec<Diagnostic>, Failure> {
    if let Some(path) = output.filter(|p| p.as_os_str() != "-") {
        let mut text = Vec::new();
        let notes = istinad::write_list_conversion(source, to, options, config, &mut text)?;
        emit_file(Path::new(source.name()), path, &text, false)?;
        return Ok(notes);
    }
    print_piped(|out| istinad::write_list_conversion(source, to, options, config, out))
}

/// Writes a conversion to standard output through `write`; returns its
/// findings. A closed pipe is not an error (as `print` has it): the
/// conversion stopped there, and its findings are dropped with the rest.
fn print_piped(
    write: impl FnOnce(&mut Piped) -> Result<Vec<Diagnostic>, Error>,
) -> Result<Vec<Diagnostic>, Failure> {
    let mut written = Ok(Vec::new());
    print_with(|out| {
        let mut out = Piped { out, closed: false };
        written = write(&mut out);
        if out.closed {
            written = Ok(Vec::new());
            return Err(std::io::ErrorKind::BrokenPipe.into());
        }
        Ok(())
    })?;
    Ok(written?)
}

/// A writer that remembers whether its reader closed the pipe, which an
/// emitter reports as its own error.
struct Piped<'a> {
    out: &'a mut dyn Write,
    closed: bool,
}

impl Write for Piped<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.out.write(buf).inspect_err(|e| {
            self.closed |= e.kind() == std::io::ErrorKind::BrokenPipe;
        })
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush().inspect_err(|e| {
            self.closed |= e.kind() == std::io::ErrorKind::BrokenPipe;
        })
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

/// The report of `check` over one input in one format.
fn check_report(
    format: CheckFormat,
    source: &istinad::Source,
    report: &istinad::Report,
    color: bool,
) -> Result<String, Failure> {
    let mut out = Vec::new();
    let json = |e: serde_json::Error| Failure::Usage(e.to_string());
    match format {
        CheckFormat::Json => {
            let file = report::FileJson::new(
                source,
                &report.references,
                Some(&report.citations),
                &report.diagnostics,
                false,
            )
            .with_style(report.style);
            report::write_json(&mut out, &[file], false)
                .map_err(|e| Failure::Usage(e.to_string()))?;
        }
        CheckFormat::JsonLines => report::write_json_lines(&mut out, source, &report.diagnostics)
            .map_err(|e| Failure::Usage(e.to_string()))?,
        CheckFormat::Sarif => {
            serde_json::to_writer_pretty(
                &mut out,
                &sarif::log(&[(source, &report.diagnostics)], &[]),
            )
            .map_err(json)?;
            out.push(b'\n');
        }
        CheckFormat::Github => return Ok(report::github(source, &report.diagnostics)),
        CheckFormat::Concise => return Ok(report::concise(source, &report.diagnostics)),
        CheckFormat::Human => {
            let mut t = report::human(source, &report.diagnostics, color);
            t.push_str(&check_summary(
                source.name(),
                report.references.len(),
                report.citations.len(),
                &report.diagnostics,
            ));
            return Ok(t);
        }
    }
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// The last line of `check` over one input.
fn check_summary(
    name: &str,
    references: usize,
    citations: usize,
    diagnostics: &[Diagnostic],
) -> String {
    format!(
        "{name}: {references} references, {citations} citations; {}\n",
        report::summary(diagnostics)
    )
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
