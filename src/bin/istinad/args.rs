//! CLI: the command line (clap).

use std::path::PathBuf;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Parser, Subcommand, ValueEnum};
use istinad::emit::{Format, KeyStyle, Locale, Output, Style};

/// Reads the reference lists of historians' manuscripts (az, ru, fa, tr,
/// en), checks their citations, and converts them.
#[derive(Debug, Parser)]
#[command(name = "istinad", version, about, long_about = None)]
pub struct Cli {
    /// Config file (rule levels, vocabulary additions) for every input;
    /// default: `istinad.toml` or `.istinad.toml` in each input's folder or
    /// the nearest above it (up to the repository's root), then in the
    /// current directory.
    #[arg(long, global = true, value_name = "PATH", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,
    /// Read no config file: the built-in settings and the command line only.
    #[arg(long, global = true)]
    pub isolated: bool,
    /// The name standard input (`-`) goes by in findings; its extension
    /// tells its format and its folder where its config is looked for.
    #[arg(long, global = true, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
    /// When to use colours in human output.
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Colour choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// Colours when standard output is a terminal.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the reference list as records.
    Refs {
        /// Manuscripts or reference lists (.txt, .md, .docx, .odt), folders
        /// (walked, honouring .gitignore and .ignore) or quoted globs; `-`
        /// for standard input.
        #[arg(required = true, value_name = "PATH")]
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = RefsFormat::Human)]
        format: RefsFormat,
    },
    /// Check the citations against the list.
    Check {
        /// Manuscripts (.txt, .md, .docx, .odt), folders (walked, honouring
        /// .gitignore and .ignore) or quoted globs; `-` for standard input.
        #[arg(required = true, value_name = "PATH")]
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        /// Fail (exit 1) on warnings too: `--deny warnings`.
        #[arg(long, value_enum, value_name = "LEVEL")]
        deny: Option<Deny>,
        /// Rule levels from the command line.
        #[command(flatten)]
        levels: RuleLevels,
        /// Apply the safe fixes and write the manuscript (to `-o`, or in
        /// place; a .docx only to `-o`, as text).
        #[arg(long)]
        fix: bool,
        /// Print the safe fixes as a unified diff; write nothing.
        #[arg(long)]
        diff: bool,
        /// With `--fix` and one input: where to write the fixed manuscript
        /// (`-` for standard output).
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// Print the settings in effect for an input, and where each came from.
    Config {
        /// The input (or folder) whose settings to show; default: the
        /// current directory.
        path: Option<PathBuf>,
        /// Rule levels from the command line, as `check` takes them.
        #[command(flatten)]
        levels: RuleLevels,
    },
    /// Print a shell's completion script (e.g. `istinad completions bash >
    /// /etc/bash_completion.d/istinad`).
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), as `docs/istinad.1` holds it.
    Man,
    /// List every rule.
    Rules {
        /// Output format.
        #[arg(long, value_enum, default_value_t = RulesFormat::Human)]
        format: RulesFormat,
    },
    /// Print one rule's documentation.
    Rule {
        /// The rule's name or code, e.g. `dangling-citation` or `C001`.
        name: String,
    },
    /// Convert the list to another format.
    Convert {
        /// Manuscripts or reference lists, folders or quoted globs; `-` for
        /// standard input.
        #[arg(required = true, value_name = "PATH")]
        files: Vec<PathBuf>,
        /// Target format.
        #[arg(long, value_parser = choice(&Format::ALL, Format::name, Format::about))]
        to: Format,
        /// Output file (written atomically); default: standard output. Its
        /// extension should be the format's: `.bib`, `.json` (CSL-JSON:
        /// pandoc reads no `.csl-json`), `.yaml`, `.ris`. With several
        /// inputs and no `--merge`: a folder, which gets one file per input.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Several inputs: write one list of all their entries, leaving out
        /// (and reporting) an entry that repeats another input's.
        #[arg(long)]
        merge: bool,
        /// Citation keys: readable (`hesenli2012`) or list numbers (`ref12`).
        #[arg(long, default_value = "name", value_parser = choice(&KeyStyle::ALL, KeyStyle::name, KeyStyle::about))]
        keys: KeyStyle,
        /// BibLaTeX: also write `language` (standard biblatex styles print
        /// it); by default `langid` alone names the language.
        #[arg(long)]
        keep_language: bool,
    },
    /// Serve a page on this computer for checking and converting in a
    /// browser, and its HTTP API (`docs/serve.md`).
    Serve {
        /// The port; `0` picks a free one (the address is printed on
        /// standard error). Loopback only: `127.0.0.1:PORT` or `[::1]:PORT`.
        #[arg(long, default_value = "8950", value_name = "PORT")]
        port: String,
        /// Listen on this address instead of 127.0.0.1. Anyone who can
        /// reach it can use the page: a warning says so unless it is
        /// loopback.
        #[arg(long, value_name = "ADDRESS")]
        bind: Option<std::net::IpAddr>,
        /// Open the page in the desktop's browser.
        #[arg(long)]
        open: bool,
        /// Largest file the page takes, in MB.
        #[arg(long, default_value_t = 50, value_name = "MB")]
        max_upload: u64,
    },
    /// A language server over standard input and output, for Markdown and
    /// text in an editor (`docs/editors.md`).
    Lsp,
    /// Print the formatted reference list through a CSL style.
    Render {
        /// Manuscript or reference list.
        file: PathBuf,
        /// Citation style.
        #[arg(long, default_value = "gost", value_parser = choice(&Style::ALL, Style::name, Style::about))]
        style: Style,
        /// Locale for the terms of entries in other languages.
        #[arg(long, default_value = "ru", value_parser = choice(&Locale::ALL, Locale::name, Locale::about))]
        locale: Locale,
        /// What to write: the list as plain text, or with its italics and
        /// small caps.
        #[arg(long, default_value = "text", value_parser = choice(&Output::ALL, Output::name, Output::about))]
        to: Output,
        /// Output file (written atomically); default: standard output
        /// (`--to docx` needs one).
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
}

/// Formats of `refs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RefsFormat {
    /// A table and miette reports.
    Human,
    /// JSON (stable shape).
    Json,
    /// YAML (the JSON shape).
    Yaml,
}

/// Formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// rustc-like reports.
    Human,
    /// One line per finding: `file:line:col: severity[code] name: message`.
    Concise,
    /// JSON (stable shape).
    Json,
    /// One JSON object per finding and line, with its path and position.
    JsonLines,
    /// SARIF 2.1.0, as GitHub code scanning, GitLab and SARIF viewers read it.
    Sarif,
    /// GitHub Actions workflow commands: an annotation per finding.
    Github,
}

/// `--enable`, `--disable` and `--severity`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct RuleLevels {
    /// Switch a rule on (name or code), e.g. `first-citation-order`.
    #[arg(long, value_name = "RULE")]
    pub enable: Vec<String>,
    /// Switch a rule off (name or code).
    #[arg(long, value_name = "RULE")]
    pub disable: Vec<String>,
    /// Set a rule's severity: `RULE=error|warning|info|off`.
    #[arg(long, value_name = "RULE=LEVEL")]
    pub severity: Vec<String>,
}

/// Formats of `rules`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    /// A table.
    Human,
    /// JSON.
    Json,
}

/// `--deny` levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    /// Warnings fail the run.
    Warnings,
}

/// A value parser over one of the library's choices (its `ALL`, `name` and
/// `about`): the command line keeps no list of formats, styles, locales or
/// key styles of its own.
fn choice<T: Copy + Send + Sync + 'static>(
    all: &'static [T],
    name: fn(T) -> &'static str,
    about: fn(T) -> &'static str,
) -> impl TypedValueParser<Value = T> {
    PossibleValuesParser::new(
        all.iter()
            .map(move |&v| PossibleValue::new(name(v)).help(about(v))),
    )
    // The parser above accepts only the names of `all`.
    .map(move |given: String| {
        all.iter()
            .copied()
            .find(|&v| name(v) == given)
            .unwrap_or(all[0])
    })
}
