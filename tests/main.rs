//! istinad's integration tests, built as one test binary.

mod emit;
mod references;
