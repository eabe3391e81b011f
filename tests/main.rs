//! istinad's integration tests, built as one test binary.

mod clients;
mod emit;
mod references;
