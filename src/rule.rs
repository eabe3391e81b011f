//! Rule: every rule's code, name, default level and one-line summary, declared once (a leaf: imports nothing from the crate).
//!
//! Codes are one letter per stage and three digits, never reused:
//! `S` the document's structure, `P` parsing an entry, `R` one reference's
//! content or the list as a whole, `C` citations against the list, `E`
//! converting to an output format.
//!
//! `for_each_rule!` is the one table. It hands its rows to a macro, as
//! ruff's `map_codes` does: this file makes [`Rule`] and its lookups from
//! them, and `check/mod.rs` makes the docs lookup and the order the rules run
//! in from the same rows, so adding a rule is one row here and its file in
//! `check/`.

use std::collections::HashMap;

use serde::Serialize;

/// The table of rules. Each row:
/// `(Variant, "code", "name", check_module, default severity, on by default, "summary")`.
/// `check_module` names the file in `src/check/` that documents the rule and
/// holds the struct `Variant` that checks it.
macro_rules! for_each_rule {
    ($then:ident) => {
        $then! {
            (MissingReferenceSection, "S001", "missing-reference-section", missing_reference_section, Warning, true, "no reference list heading or no list"),
            (EmptyDocument, "S002", "empty-document", empty_document, Warning, true, "the input has no text"),
            (ListNumbering, "S003", "list-numbering", list_numbering, Warning, true, "gaps or repeats in the list's numbers"),
            (EntryBoundary, "S004", "entry-boundary", entry_boundary, Warning, true, "a line of an unnumbered list read as an entry where the signs disagree"),
            (NoCitations, "S005", "no-citations", no_citations, Warning, true, "a reference list and a text with no citation of any form"),
            (UnparsedReference, "P001", "unparsed-reference", unparsed_reference, Warning, true, "an entry istinad could not read"),
            (IncompleteArchivalReference, "P002", "incomplete-archival-reference", incomplete_archival_reference, Warning, true, "an archival label without its number"),
            (UnbalancedBrackets, "P003", "unbalanced-brackets", unbalanced_brackets, Warning, true, "an opening bracket or quote without its closing one"),
            (GarbledText, "P004", "garbled-text", garbled_text, Warning, true, "text damaged by a wrong encoding"),
            (MixedScript, "P005", "mixed-script", mixed_script, Warning, true, "a letter of another script inside a word or label"),
            (TruncatedUrl, "R001", "truncated-url", truncated_url, Warning, true, "a URL cut short with `...`"),
            (DuplicateReference, "R002", "duplicate-reference", duplicate, Warning, true, "the same work listed twice"),
            (MalformedUrl, "R003", "malformed-url", malformed_url, Warning, true, "a URL that cannot be an address"),
            (BidiControl, "R004", "bidi-control", bidi_control, Warning, true, "an invisible bidirectional control in an entry or a citation"),
            (ListOrder, "R005", "list-order", list_order, Warning, true, "an author–date list out of alphabetical order"),
            (DanglingCitation, "C001", "dangling-citation", dangling, Error, true, "a citation of a number the list does not have"),
            (UncitedReference, "C002", "uncited-reference", uncited, Warning, true, "an entry no citation reaches"),
            (MalformedCitation, "C003", "malformed-citation", malformed, Warning, true, "a citation whose form is broken"),
            (ReversedRange, "C004", "reversed-range", reversed_range, Warning, true, "a range whose end is before its start"),
            (LocatorKindMismatch, "C005", "locator-kind-mismatch", locator_kind, Warning, true, "a leaf locator on a printed work, a page on a file cited by leaves"),
            (LocatorOutOfRange, "C006", "locator-out-of-range", locator_range, Warning, true, "a page beyond the entry's pages or extent"),
            (FirstCitationOrder, "C007", "first-citation-order", first_citation_order, Warning, false, "entries first cited out of list order (off by default)"),
            (ArchivalPartMismatch, "C008", "archival-part-mismatch", archival_part, Warning, true, "a citation's fond or file differs from the one its entry names"),
            (AmbiguousCitation, "C009", "ambiguous-citation", ambiguous_citation, Warning, true, "bare numbers in a bracket that read as entries or as pages"),
            (DanglingYear, "C010", "dangling-year", dangling_year, Error, true, "an author–date citation whose author is listed, but not with that year"),
            (AmbiguousAuthorYear, "C011", "ambiguous-author-year", ambiguous_author_year, Warning, true, "an author and year that two entries share, with no suffix to tell them apart"),
            (YearSuffixMismatch, "C012", "year-suffix-mismatch", year_suffix, Warning, true, "a year suffix (`2012a`) the list does not have, or one it needs"),
            (AuthorSpelling, "C013", "author-spelling", author_spelling, Warning, true, "a cited name spelt otherwise than in its entry"),
            (EtAlMisuse, "C014", "et-al-misuse", et_al_misuse, Warning, true, "`et al.` for a work of one or two authors"),
            (MixedCitationStyle, "C015", "mixed-citation-style", mixed_style, Warning, true, "numbered and author–date citations in one document"),
            (UnrepresentableField, "E001", "unrepresentable-field", unrepresentable_field, Info, true, "a field the output format has no place for"),
            (MissingRequiredField, "E002", "missing-required-field", missing_required_field, Info, true, "a field the output format requires and the entry lacks"),
            (UnusedSuppression, "S006", "unused-suppression", unused_suppression, Warning, true, "an inline `istinad: allow` comment that silences nothing"),
            (StaleBibliography, "C016", "stale-bibliography", stale_bibliography, Warning, true, "a reference manager's printed list that differs from the items it holds and cites"),
            (UnprintedItem, "C017", "unprinted-item", unprinted_item, Error, true, "an item a manager's field cites that the printed list lacks"),
            (CitationTextMismatch, "C018", "citation-text-mismatch", citation_text_mismatch, Warning, true, "a manager's citation whose visible text no longer says what its field cites"),
            (DuplicateItem, "R006", "duplicate-item", duplicate_item, Warning, true, "one work held twice by a reference manager under two ids"),
            (UnmanagedEntry, "S007", "unmanaged-entry", unmanaged_entry, Warning, true, "typed entries beside a reference manager's list, which none of its fields cite"),
        }
    };
}
pub(crate) use for_each_rule;

macro_rules! define_rules {
    ($(($rule:ident, $code:literal, $name:literal, $module:ident, $severity:ident, $on:literal, $summary:literal)),* $(,)?) => {
        /// Every rule istinad knows.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(rename_all = "kebab-case")]
        pub enum Rule {
            $(
                #[doc = concat!($code, ": ", $summary, ".")]
                $rule,
            )*
        }

        impl Rule {
            /// All rules, in code order.
            pub const ALL: [Rule; [$($code),*].len()] = [$(Rule::$rule),*];

            /// The stable code.
            pub fn code(self) -> &'static str {
                match self {
                    $(Rule::$rule => $code,)*
                }
            }

            /// The kebab-case name, read after "allow".
            pub fn name(self) -> &'static str {
                match self {
                    $(Rule::$rule => $name,)*
                }
            }

            /// The severity a finding gets unless configured otherwise.
            pub fn default_severity(self) -> Severity {
                match self {
                    $(Rule::$rule => Severity::$severity,)*
                }
            }

            /// Whether the rule runs unless switched on or off by configuration.
            pub fn enabled_by_default(self) -> bool {
                match self {
                    $(Rule::$rule => $on,)*
                }
            }
        }
    };
}
for_each_rule!(define_rules);

impl Rule {
    /// Finds a rule by name or code.
    pub fn from_name(name: &str) -> Option<Rule> {
        let name = name.trim();
        Rule::ALL
            .into_iter()
            .find(|r| r.name() == name || r.code().eq_ignore_ascii_case(name))
    }

    /// The rule whose name or code is nearest to `name`, when one is near
    /// enough to be what was meant ("did you mean", as cargo and clap ask).
    pub fn suggest(name: &str) -> Option<Rule> {
        let name = name.trim().to_ascii_lowercase();
        Rule::ALL
            .into_iter()
            .flat_map(|r| {
                [r.name(), r.code()].map(|n| (strsim::jaro(&name, &n.to_ascii_lowercase()), r))
            })
            .filter(|(score, _)| *score > 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, r)| r)
    }

    /// The level the rule runs at unless configured otherwise.
    pub fn default_level(self) -> Level {
        if self.enabled_by_default() {
            Level::On(self.default_severity())
        } else {
            Level::Off
        }
    }
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; never fails a run.
    Info,
    /// Probably wrong; fails a run only with `--deny warnings`.
    Warning,
    /// Wrong; fails the run.
    Error,
}

impl Severity {
    /// The lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Parses `error`, `warning`/`warn` or `info`/`note`.
    pub fn parse(name: &str) -> Option<Severity> {
        match name.trim().to_ascii_lowercase().as_str() {
            "error" | "deny" => Some(Severity::Error),
            "warning" | "warn" => Some(Severity::Warning),
            "info" | "note" => Some(Severity::Info),
            _ => None,
        }
    }
}

/// What a rule does when it fires.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// The rule does not run.
    Off,
    /// The rule runs and its findings get this severity.
    On(Severity),
}

impl Level {
    /// Parses `off`/`allow`, `error`/`deny`, `warning`/`warn`, `info`.
    pub fn parse(name: &str) -> Option<Level> {
        match name.trim().to_ascii_lowercase().as_str() {
            "off" | "allow" | "ignore" => Some(Level::Off),
            other => Severity::parse(other).map(Level::On),
        }
    }

    /// `off`, or the severity's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Off => "off",
            Level::On(severity) => severity.as_str(),
        }
    }
}

/// Per-rule settings: which rules run and at what severity.
#[derive(Debug, Clone, Default)]
pub struct RuleSettings {
    levels: HashMap<Rule, Level>,
}

impl RuleSettings {
    /// Sets a rule's level.
    pub fn set(&mut self, rule: Rule, level: Level) {
        self.levels.insert(rule, level);
    }

    /// Sets the level of the rule named `rule` (name or code) from the word
    /// `level`; the error says which of the two is wrong.
    pub fn set_named(&mut self, rule: &str, level: &str) -> Result<(), String> {
        let found = Rule::from_name(rule).ok_or_else(|| match Rule::suggest(rule) {
            Some(near) => format!("unknown rule `{rule}`; did you mean `{}`?", near.name()),
            None => format!("unknown rule `{rule}` (see `istinad rules`)"),
        })?;
        let level = Level::parse(level).ok_or_else(|| {
            format!("the level of `{rule}` must be one of off, info, warning, error")
        })?;
        self.set(found, level);
        Ok(())
    }

    /// The rules whose level was set, with their levels, in code order.
    pub fn configured(&self) -> Vec<(Rule, Level)> {
        let mut set: Vec<(Rule, Level)> = self.levels.iter().map(|(&r, &l)| (r, l)).collect();
        set.sort_by_key(|(r, _)| *r);
        set
    }

    /// The level a rule runs at.
    pub fn level(&self, rule: Rule) -> Level {
        self.levels
            .get(&rule)
            .copied()
            .unwrap_or(rule.default_level())
    }
}

/// The documentation of one rule (each rule's file in `check/` holds its own).
#[derive(Debug, Clone, Copy, Serialize)]
pub struct RuleDocs {
    /// What it finds, in one sentence.
    pub summary: &'static str,
    /// Why it matters.
    pub why: &'static str,
    /// A flagged example and an accepted one.
    pub example: &'static str,
    /// Whether and how it is fixed, and how safe the fix is.
    pub fix: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_unique_and_well_formed() {
        let mut codes = std::collections::HashSet::new();
        let mut names = std::collections::HashSet::new();
        for (i, rule) in Rule::ALL.into_iter().enumerate() {
            // `ALL` holds every variant, in order.
            assert_eq!(rule as usize, i, "{rule:?}");
            assert!(codes.insert(rule.code()), "{rule:?}");
            assert!(names.insert(rule.name()), "{rule:?}");
            assert_eq!(Rule::from_name(rule.name()), Some(rule));
            assert_eq!(Rule::from_name(rule.code()), Some(rule));
            let code = rule.code();
            assert!(
                code.len() == 4
                    && "SPRCE".contains(&code[..1])
                    && code[1..].chars().all(|c| c.is_ascii_digit())
            );
        }
    }

    #[test]
    fn levels_default_and_parse() {
        let mut s = RuleSettings::default();
        assert_eq!(s.level(Rule::FirstCitationOrder), Level::Off);
        assert_eq!(s.level(Rule::DanglingCitation), Level::On(Severity::Error));
        assert_eq!(
            s.level(Rule::UnrepresentableField),
            Level::On(Severity::Info)
        );
        s.set(Rule::UncitedReference, Level::Off);
        assert_eq!(s.level(Rule::UncitedReference), Level::Off);
        assert!(s.set_named("truncated-url", "error").is_ok());
        assert_eq!(s.level(Rule::TruncatedUrl), Level::On(Severity::Error));
        assert!(s.set_named("nope", "error").is_err());
        assert_eq!(Level::parse("warn"), Some(Level::On(Severity::Warning)));
        assert_eq!(Level::parse("off"), Some(Level::Off));
        assert_eq!(Level::parse("loud"), None);
    }

    #[test]
    fn near_names_are_suggested() {
        assert_eq!(
            Rule::suggest("uncited-referense"),
            Some(Rule::UncitedReference)
        );
        assert_eq!(
            Rule::suggest("dangling-citations"),
            Some(Rule::DanglingCitation)
        );
        assert_eq!(Rule::suggest("banana"), None);
        let e = RuleSettings::default()
            .set_named("uncited-referense", "off")
            .expect_err("unknown");
        assert!(e.contains("did you mean `uncited-reference`"), "{e}");
    }
}
