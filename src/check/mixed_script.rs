//! Check P005 mixed-script: a letter of another script inside a word or label.

use super::{Check, RuleDocs};

/// A letter of another script inside a word or label.
pub(crate) struct MixedScript;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "An entry has a letter of another script inside a word or as a label: Latin `C.` for Cyrillic `С.` in a Russian entry, Cyrillic `с.` in an Azerbaijani one, Latin `o` inside a Cyrillic word.",
    why: "Look-alike letters typed on the wrong keyboard layout break search, sorting and every tool that reads the label: Latin `c.` is the Azerbaijani volume label, Cyrillic `с.` the Russian page (conventions.md B.0).",
    example: "`… № 3. C. 41–58.` in a Russian entry and `Bakı: Elm, 2007. 168 с.` in an Azerbaijani one: flagged. `С. 41–58` and `168 s.` accepted.",
    fix: "Safe fix: the letter of the entry's own script that looks the same.",
};

impl Check for MixedScript {}
