//! Check: validates citations against the list; one file per rule, docs on each.

mod registry;

pub use registry::{Rule, RuleDocs};

pub(crate) fn docs(rule: Rule) -> RuleDocs {
    let _ = rule;
    RuleDocs {
        summary: "",
        why: "",
        example: "",
        fix: "",
    }
}
