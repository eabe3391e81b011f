//! CLI: which config each input gets — `--config`, `--isolated`, or the file found from its folder — and the command line's rule levels on top.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use istinad::{Config, Error, Level, Rule};

use crate::Failure;
use crate::args::RuleLevels;

/// Where the settings of a run come from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Origin {
    /// `--isolated`, or no file found: the built-in settings.
    BuiltIn,
    /// `--config PATH`.
    Given(PathBuf),
    /// Found from the input's folder.
    Found(PathBuf),
}

impl Origin {
    /// The config file, if there is one.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Origin::BuiltIn => None,
            Origin::Given(p) | Origin::Found(p) => Some(p),
        }
    }
}

/// Finds and reads configs, each file once, and applies the command line's
/// rule levels over them.
pub struct Configs {
    explicit: Option<PathBuf>,
    isolated: bool,
    levels: RuleLevels,
    read: HashMap<Origin, Arc<Config>>,
}

impl Configs {
    pub fn new(
        explicit: Option<&Path>,
        isolated: bool,
        levels: RuleLevels,
    ) -> Result<Self, Failure> {
        // Names are checked before any file is read: a typo stops the run.
        for name in levels.enable.iter().chain(&levels.disable) {
            rule_named(name)?;
        }
        for setting in &levels.severity {
            parse_severity(setting)?;
        }
        Ok(Configs {
            explicit: explicit.map(Path::to_path_buf),
            isolated,
            levels,
            read: HashMap::new(),
        })
    }

    /// Where the settings for an input at `path` come from.
    pub fn origin(&self, path: &Path) -> Origin {
        if self.isolated {
            return Origin::BuiltIn;
        }
        if let Some(p) = &self.explicit {
            return Origin::Given(p.clone());
        }
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let folder = if path.is_dir() {
            path.as_path()
        } else {
            path.parent().unwrap_or(Path::new("/"))
        };
        istinad::config::discover(folder)
            .or_else(|| {
                // Then the current directory, as before discovery climbed.
                let cwd = std::env::current_dir().ok()?;
                istinad::config::FILE_NAMES
                    .iter()
                    .map(|n| cwd.join(n))
                    .find(|p| p.exists() && !p.is_dir())
            })
            .map_or(Origin::BuiltIn, Origin::Found)
    }

    /// The settings for an input at `path` (a file, a folder, or the name
    /// standard input goes by).
    pub fn for_path(&mut self, path: &Path) -> Result<(Arc<Config>, Origin), Failure> {
        let origin = self.origin(path);
        if let Some(c) = self.read.get(&origin) {
            return Ok((c.clone(), origin));
        }
        let mut config = match origin.path() {
            None => Config::default(),
            Some(p) => load(p)?,
        };
        self.apply_levels(&mut config)?;
        let config = Arc::new(config);
        self.read.insert(origin.clone(), config.clone());
        Ok((config, origin))
    }

    fn apply_levels(&self, config: &mut Config) -> Result<(), Failure> {
        for name in &self.levels.enable {
            let rule = rule_named(name)?;
            config.rules.set(rule, Level::On(rule.default_severity()));
        }
        for name in &self.levels.disable {
            config.rules.set(rule_named(name)?, Level::Off);
        }
        for setting in &self.levels.severity {
            let (rule, level) = parse_severity(setting)?;
            config.rules.set(rule, level);
        }
        Ok(())
    }

    /// `istinad config`: every setting in effect for `path` and its origin.
    pub fn describe(&mut self, path: &Path) -> Result<String, Failure> {
        let (config, origin) = self.for_path(path)?;
        let mut out = String::new();
        let file = match &origin {
            Origin::BuiltIn if self.isolated => "none (--isolated): built-in settings".to_string(),
            Origin::BuiltIn => format!(
                "none found from `{}` up to the repository's root: built-in settings",
                path.display()
            ),
            Origin::Given(p) => format!("{} (--config)", p.display()),
            Origin::Found(p) => format!("{} (found from `{}`)", p.display(), path.display()),
        };
        let _ = writeln!(out, "config file: {file}");
        let from_file = match origin.path() {
            Some(p) => load(p)?,
            None => Config::default(),
        };
        let file_name = origin
            .path()
            .map_or_else(String::new, |p| p.display().to_string());
        let _ = writeln!(out, "\n[rules]");
        for rule in Rule::ALL {
            let level = config.rules.level(rule);
            let set_here = self.set_on_command_line(rule);
            let from = if set_here {
                "command line"
            } else if from_file.rules.configured().iter().any(|(r, _)| *r == rule) {
                file_name.as_str()
            } else {
                "default"
            };
            let _ = writeln!(
                out,
                "{}  {:<30} {:<8} # {from}",
                rule.code(),
                rule.name(),
                level.as_str()
            );
        }
        if !config.citation_forms.is_empty() {
            let _ = writeln!(out, "\n[[citation-form]]  # {file_name}");
            for f in &config.citation_forms {
                let _ = writeln!(out, "{}  {}", f.name, f.pattern.as_str());
            }
        }
        let tables = origin
            .path()
            .map(vocabulary_tables)
            .transpose()?
            .unwrap_or_default();
        let _ = writeln!(out, "\n[vocabulary]");
        if tables.is_empty() {
            let _ = writeln!(out, "built in (bib/), nothing added");
        } else {
            let _ = writeln!(
                out,
                "built in (bib/), extended by {}: {}",
                file_name,
                tables.join(", ")
            );
        }
        Ok(out)
    }

    fn set_on_command_line(&self, rule: Rule) -> bool {
        let l = &self.levels;
        l.enable
            .iter()
            .chain(&l.disable)
            .any(|n| Rule::from_name(n) == Some(rule))
            || l.severity
                .iter()
                .any(|s| parse_severity(s).is_ok_and(|(r, _)| r == rule))
    }
}

/// The top-level tables of a config file other than `rules` and
/// `citation-form`: the vocabularies it extends.
fn vocabulary_tables(path: &Path) -> Result<Vec<String>, Failure> {
    let text = read(path)?;
    let table: toml::Table = toml::from_str(&text).unwrap_or_default();
    Ok(table
        .keys()
        .filter(|k| !matches!(k.as_str(), "rules" | "citation-form"))
        .map(|k| format!("[{k}]"))
        .collect())
}

/// A rule by name or code; an unknown one is a usage error that names the
/// nearest rule.
pub fn rule_named(name: &str) -> Result<Rule, Failure> {
    Rule::from_name(name).ok_or_else(|| {
        Failure::Usage(match Rule::suggest(name) {
            Some(near) => format!(
                "unknown rule `{name}`; did you mean `{}`? (`istinad rules` lists them)",
                near.name()
            ),
            None => format!("unknown rule `{name}`; `istinad rules` lists them"),
        })
    })
}

fn parse_severity(setting: &str) -> Result<(Rule, Level), Failure> {
    let (name, level) = setting
        .split_once('=')
        .ok_or_else(|| Failure::Usage(format!("`--severity {setting}`: write RULE=LEVEL")))?;
    let rule =
        rule_named(name).map_err(|e| Failure::Usage(format!("`--severity {setting}`: {e}")))?;
    let level = Level::parse(level).ok_or_else(|| {
        Failure::Usage(format!(
            "`--severity {setting}`: the level must be one of off, info, warning, error"
        ))
    })?;
    Ok((rule, level))
}

/// Reads and parses a config file.
fn load(path: &Path) -> Result<Config, Failure> {
    let text = read(path)?;
    Ok(Config::from_toml(&text, &path.display().to_string())?)
}

/// Largest config file read: a real one is a few kilobytes, and an
/// `istinad.toml` beside the input (or a link to `/dev/zero`) must not
/// exhaust memory.
const MAX_CONFIG: u64 = 1024 * 1024;

/// Reads a config file of at most [`MAX_CONFIG`] bytes.
fn read(path: &Path) -> Result<String, Failure> {
    use std::io::Read;
    let io = |source| Error::Io {
        path: path.display().to_string(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let mut text = String::new();
    file.take(MAX_CONFIG + 1)
        .read_to_string(&mut text)
        .map_err(io)?;
    if text.len() as u64 > MAX_CONFIG {
        return Err(io(std::io::Error::other(
            "larger than the 1 MiB a config file may be",
        ))
        .into());
    }
    Ok(text)
}
