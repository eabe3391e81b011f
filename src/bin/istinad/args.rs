//! CLI: the command line (clap).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Reads the reference lists of historians' manuscripts (az, ru, fa, tr,
/// en), checks their citations, and converts them.
#[derive(Debug, Parser)]
#[command(name = "istinad", version, about, long_about = None)]
pub struct Cli {
    /// Config file (rule levels, vocabulary additions); default: istinad.toml
    /// next to the input, then in the current directory.
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
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
        /// Manuscript or reference list (.txt, .md, .docx; `-` for standard input).
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = RefsFormat::Human)]
        format: RefsFormat,
    },
    /// Check the citations against the list.
    Check {
        /// Manuscript (.txt, .md, .docx; `-` for standard input).
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        /// Fail (exit 1) on warnings too: `--deny warnings`.
        #[arg(long, value_enum, value_name = "LEVEL")]
        deny: Option<Deny>,
        /// Switch a rule on (name or code), e.g. `first-citation-order`.
        #[arg(long, value_name = "RULE")]
        enable: Vec<String>,
        /// Switch a rule off (name or code).
        #[arg(long, value_name = "RULE")]
        disable: Vec<String>,
        /// Set a rule's severity: `RULE=error|warning|info|off`.
        #[arg(long, value_name = "RULE=LEVEL")]
        severity: Vec<String>,
        /// Apply the safe fixes and write the manuscript (to `-o`, or in
        /// place; a .docx only to `-o`, as text).
        #[arg(long)]
        fix: bool,
        /// With `--fix`: where to write the fixed manuscript.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
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
        /// Manuscript or reference list.
        file: PathBuf,
        /// Target format.
        #[arg(long, value_enum)]
        to: ConvertFormat,
        /// Output file (written atomically); default: standard output.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Citation keys: readable (`hesenli2012`) or list numbers (`ref12`).
        #[arg(long, value_enum, default_value_t = Keys::Name)]
        keys: Keys,
    },
    /// Print the formatted reference list through a CSL style.
    Render {
        /// Manuscript or reference list.
        file: PathBuf,
        /// Citation style.
        #[arg(long, value_enum, default_value_t = StyleName::Gost)]
        style: StyleName,
        /// Locale for the terms of entries in other languages.
        #[arg(long, value_enum, default_value_t = LocaleName::Ru)]
        locale: LocaleName,
        /// Output file (written atomically); default: standard output.
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

/// Targets of `convert`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ConvertFormat {
    /// Plain BibTeX.
    Bibtex,
    /// BibLaTeX (biber).
    Biblatex,
    /// CSL-JSON (pandoc, Zotero, citeproc-js).
    CslJson,
    /// hayagriva YAML (Typst).
    Hayagriva,
    /// RIS (EndNote, Mendeley, Zotero).
    Ris,
}

/// Citation-key styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Keys {
    /// `hesenli2012`, `dokumenty1959a`.
    Name,
    /// `ref12`.
    Number,
}

/// Styles of `render`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StyleName {
    /// GOST R 7.0.5-2008, numeric, with archival references (ours).
    Gost,
    /// Chicago 18th, notes and bibliography.
    Chicago,
    /// APA 7th.
    Apa,
}

/// Locales of `render`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LocaleName {
    /// Azerbaijani (ours).
    Az,
    /// Russian.
    Ru,
    /// Persian.
    Fa,
    /// English.
    En,
}
