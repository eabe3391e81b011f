//! istinad reads the numbered reference lists of historians' manuscripts.

pub mod check;
pub mod cite;
pub mod diagnostic;
pub mod error;
pub mod fix;
pub mod input;
pub mod model;
pub mod parse;
pub mod script;
pub mod source;
pub mod split;
pub mod vocab;

pub use check::Rule;
pub use diagnostic::{Diagnostic, Severity};
pub use error::Error;
pub use source::{Source, Span};
pub use vocab::Vocabulary;
