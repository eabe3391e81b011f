//! istinad's integration tests, built as one test binary.

mod cli;
mod clients;
mod emit;
mod manuscripts;
mod properties;
mod references;
mod rules;
mod seed;
mod support;
