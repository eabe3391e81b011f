//! Check C008 archival-part-mismatch: a citation's fond or file differs from the one its entry names.

use super::{Check, Context, RuleDocs};
use crate::diagnostic::Diagnostic;
use crate::model::Part;
use crate::rule::Rule;
use crate::script::Letter;
use crate::script::fold;
use crate::vocab::Component;

/// Finds citations whose archival parts contradict their entry.
pub(crate) struct ArchivalPartMismatch;

pub(crate) const DOCS: RuleDocs = RuleDocs {
    summary: "A citation names a fond or file (`[5, Ф. 12. Д. 17. Л. 8]`) other than the one its archival entry names.",
    why: "Where the list names the archive and fond (and sometimes the file) and the text cites the file and leaf (GOST R 7.0.5-2008 §11; AAK practice), the citation's own fond or file must agree with its entry: a different one means a wrong entry number or a file missing from the list.",
    example: "Entry 2 is `ARDA: f. 28, siy. 1, iş 96` and the text says `(2, iş 97, v. 3)`: flagged. `(2, iş 96, v. 3)` and `(2, v. 3)` accepted; an entry that names no file accepts any file.",
    fix: "No automatic fix: either the entry number or the file may be wrong.",
};

impl Check for ArchivalPartMismatch {
    fn citations(cx: &Context) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for citation in cx.citations {
            for item in &citation.items {
                let Some((number, archive)) = item
                    .reference
                    .zip(cx.cited(item).and_then(|r| r.archive.as_ref()))
                else {
                    continue;
                };
                for part in &item.parts {
                    let (name, listed) = match part.part {
                        Part::Archival(Component::Fond) => ("fond", &archive.fond),
                        Part::Archival(Component::File) => ("file", &archive.file),
                        _ => continue,
                    };
                    let Some(listed) = listed else {
                        continue;
                    };
                    // An entry may list several files: "Дела 133, 134, 242".
                    if listed
                        .split([',', ';'])
                        .any(|one| same_identifier(one, &part.value))
                    {
                        continue;
                    }
                    out.push(
                        Diagnostic::new(
                            Rule::ArchivalPartMismatch,
                            part.span.clone(),
                            format!(
                                "`{}` cites {name} `{}`, but entry {} names {name} `{listed}`",
                                citation.text, part.value, number
                            ),
                        )
                        .with_reference(number)
                        .with_help(
                            "check the entry number, or list the cited file as an entry of its own",
                        ),
                    );
                }
            }
        }
        out
    }
}

/// Whether two printed identifiers are the same: case, spaces and dashes
/// aside (`Р-12` and `р 12`).
fn same_identifier(a: &str, b: &str) -> bool {
    let key = |s: &str| {
        fold(s)
            .chars()
            .filter(|c| c.is_letter_or_digit())
            .collect::<String>()
    };
    key(a) == key(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_compare_without_case_and_dashes() {
        assert!(same_identifier("Р-12", "р 12"));
        assert!(same_identifier("96", "96"));
        assert!(!same_identifier("96", "97"));
    }
}
