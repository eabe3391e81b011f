//! Config: `istinad.toml` — rule levels and additions to the vocabularies.
//!
//! ```toml
//! style = "author-date"               # numbered | author-date | auto (the default)
//!
//! [rules]
//! uncited-reference = "off"          # off | info | warning | error
//! first-citation-order = "warning"   # switch on a rule that is off by default
//!
//! [headings]                          # same schema as bib/headings.toml
//! references = ["Использованные архивные материалы"]
//!
//! [[archives.archive]]                # same schema as bib/archives.toml
//! abbr = "ЦГА РД"
//! name = "Центральный государственный архив Республики Дагестан"
//!
//! [[citation-form]]                   # a journal's own in-text citation form
//! name = "braces"
//! pattern = '\{(?<entry>\d+)(?:\|(?<locator>[^}]+))?\}'
//! locator = "page"                    # what the locator group means
//! ```

use std::path::{Path, PathBuf};

use regex::Regex;
use serde::Deserialize;

use crate::error::Error;
use crate::rule::RuleSettings;
use crate::vocab::{Meaning, Vocabulary};

/// Everything a run is configured with.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The vocabularies: built in, plus the config's additions.
    pub vocabulary: Vocabulary,
    /// Which rules run, at what severity.
    pub rules: RuleSettings,
    /// The journal's own citation forms, scanned beside the built-in ones.
    pub citation_forms: Vec<CitationForm>,
    /// How the manuscript cites (`style = "numbered" | "author-date"`);
    /// `None` finds it from the list and the citations.
    pub style: Option<crate::model::CitationStyle>,
}

/// A citation form a journal defines in `istinad.toml` (`[[citation-form]]`):
/// a regular expression with a group `entry` for the list number and an
/// optional group `locator`, compiled once when the config is read.
#[derive(Debug, Clone)]
pub struct CitationForm {
    /// The form's name, as the config gives it (named in errors).
    pub name: String,
    /// The compiled pattern; it has a group named `entry`.
    pub pattern: Regex,
    /// What the `locator` group means (`page` unless the config says).
    pub locator: Meaning,
}

/// A `[[citation-form]]` table as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FormDef {
    name: String,
    pattern: String,
    #[serde(default)]
    locator: Option<Meaning>,
}

impl CitationForm {
    /// Compiles `pattern`; the error names the form and says what is wrong.
    pub fn new(name: &str, pattern: &str, locator: Meaning) -> Result<CitationForm, String> {
        let compiled = Regex::new(pattern)
            .map_err(|e| format!("citation form `{name}`: its pattern does not compile: {e}"))?;
        if !compiled.capture_names().any(|n| n == Some("entry")) {
            return Err(format!(
                "citation form `{name}`: its pattern has no `(?<entry>…)` group for the entry number"
            ));
        }
        Ok(CitationForm {
            name: name.to_string(),
            pattern: compiled,
            locator,
        })
    }
}

/// The names a config file may have, looked for in this order in each folder.
pub const FILE_NAMES: [&str; 2] = ["istinad.toml", ".istinad.toml"];

/// The config file for inputs in the folder `dir` (an absolute path), found
/// as ruff finds its own: `istinad.toml` or `.istinad.toml` in `dir` or the
/// nearest folder above it, looking no higher than the first folder that
/// holds `.git` (the repository's root) or the filesystem root.
pub fn discover(dir: &Path) -> Option<PathBuf> {
    for folder in dir.ancestors() {
        for name in FILE_NAMES {
            let path = folder.join(name);
            // Any file by that name, a link to a device too: reading it
            // then says what is wrong, rather than passing over it.
            if path.exists() && !path.is_dir() {
                return Some(path);
            }
        }
        if folder.join(".git").exists() {
            return None;
        }
    }
    None
}

impl Config {
    /// Reads a config file's text; `origin` names it in errors.
    pub fn from_toml(text: &str, origin: &str) -> Result<Config, Error> {
        let config_error = |message: String| Error::Config {
            path: origin.to_string(),
            message,
        };
        let mut table: toml::Table =
            toml::from_str(text).map_err(|e| config_error(e.to_string()))?;
        let mut config = Config::default();
        if let Some(rules) = table.remove("rules") {
            let rules = rules
                .as_table()
                .ok_or_else(|| config_error("`rules` must be a table of rule = level".into()))?;
            for (name, level) in rules {
                config
                    .rules
                    .set_named(name, level.as_str().unwrap_or_default())
                    .map_err(config_error)?;
            }
        }
        if let Some(style) = table.remove("style") {
            let style = style.as_str().unwrap_or_default().to_string();
            config.style = match Some(style.as_str()) {
                Some("numbered") => Some(crate::model::CitationStyle::Numbered),
                Some("author-date") => Some(crate::model::CitationStyle::AuthorDate),
                Some("auto") => None,
                _ => {
                    return Err(config_error(format!(
                        "`style` must be \"numbered\", \"author-date\" or \"auto\", not `{style}`"
                    )));
                }
            };
        }
        if let Some(forms) = table.remove("citation-form") {
            let forms: Vec<FormDef> = forms.try_into().map_err(|e: toml::de::Error| {
                config_error(format!(
                    "`citation-form` must be tables of name, pattern and locator: {e}"
                ))
            })?;
            for f in forms {
                let form =
                    CitationForm::new(&f.name, &f.pattern, f.locator.unwrap_or(Meaning::Page))
                        .map_err(config_error)?;
                config.citation_forms.push(form);
            }
        }
        if !table.is_empty() {
            config.vocabulary.extend_from_table(table, origin)?;
        }
        Ok(config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::rule::{Level, Rule};

    #[test]
    fn rules_and_vocabulary_from_one_file() {
        let c = Config::from_toml(
            "[rules]\nuncited-reference = \"off\"\nC007 = \"error\"\n[headings]\nreferences = [\"Quellen\"]\n",
            "istinad.toml",
        )
        .expect("valid");
        assert_eq!(c.rules.level(Rule::UncitedReference), Level::Off);
        assert_eq!(
            c.rules.level(Rule::FirstCitationOrder),
            Level::On(Severity::Error)
        );
        assert!(
            c.vocabulary
                .headings
                .references
                .iter()
                .any(|h| h == "Quellen")
        );
    }

    #[test]
    fn mistakes_name_the_file_and_the_key() {
        let e = Config::from_toml("[rules]\nno-such-rule = \"off\"\n", "x.toml")
            .expect_err("unknown rule");
        assert!(e.to_string().contains("no-such-rule") && e.to_string().contains("x.toml"));
        let e = Config::from_toml("[rules]\nuncited-reference = \"loud\"\n", "x.toml")
            .expect_err("bad level");
        assert!(e.to_string().contains("uncited-reference"));
        assert!(Config::from_toml("[headings]\nbogus = 1\n", "x.toml").is_err());
        assert!(Config::from_toml("not toml", "x.toml").is_err());
    }

    #[test]
    fn discovery_climbs_to_the_repository_root_and_no_further() {
        let root = tempfile::tempdir().expect("tempdir");
        let repo = root.path().join("journal");
        let nested = repo.join("issue-3/drafts");
        std::fs::create_dir_all(&nested).expect("folders");
        std::fs::create_dir(repo.join(".git")).expect(".git");
        // Above the repository: never read.
        std::fs::write(root.path().join("istinad.toml"), "").expect("write");
        assert_eq!(discover(&nested), None);
        std::fs::write(repo.join(".istinad.toml"), "").expect("write");
        assert_eq!(discover(&nested), Some(repo.join(".istinad.toml")));
        // The nearer folder wins, and `istinad.toml` before `.istinad.toml`.
        let issue = repo.join("issue-3");
        std::fs::write(issue.join(".istinad.toml"), "").expect("write");
        std::fs::write(issue.join("istinad.toml"), "").expect("write");
        assert_eq!(discover(&nested), Some(issue.join("istinad.toml")));
    }

    #[test]
    fn citation_forms_compile_once_and_bad_ones_are_named() {
        let c = Config::from_toml(
            "[[citation-form]]\nname = \"braces\"\npattern = '\\{(?<entry>\\d+)\\}'\n",
            "x.toml",
        )
        .expect("valid");
        assert_eq!(c.citation_forms.len(), 1);
        assert_eq!(c.citation_forms[0].locator, Meaning::Page);
        let e = Config::from_toml(
            "[[citation-form]]\nname = \"broken\"\npattern = '(?<entry>\\d+'\n",
            "x.toml",
        )
        .expect_err("unclosed group");
        assert!(e.to_string().contains("`broken`") && e.to_string().contains("x.toml"));
        let e = Config::from_toml(
            "[[citation-form]]\nname = \"nameless\"\npattern = '\\{(\\d+)\\}'\n",
            "x.toml",
        )
        .expect_err("no entry group");
        assert!(e.to_string().contains("`nameless`") && e.to_string().contains("entry"));
        assert!(
            Config::from_toml(
                "[[citation-form]]\nname = \"x\"\npattern = '(?<entry>1)'\nlocator = \"shelf\"\n",
                "x.toml",
            )
            .is_err()
        );
    }
}
