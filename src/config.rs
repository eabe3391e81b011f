//! Config: `istinad.toml` — rule levels and additions to the vocabularies.
//!
//! ```toml
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
//! ```

use crate::error::Error;
use crate::rule::RuleSettings;
use crate::vocab::Vocabulary;

/// Everything a run is configured with.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The vocabularies: built in, plus the config's additions.
    pub vocabulary: Vocabulary,
    /// Which rules run, at what severity.
    pub rules: RuleSettings,
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
}
