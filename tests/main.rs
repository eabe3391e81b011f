//! istinad's integration tests, built as one test binary.

mod bad_input;
mod cli;
mod clients;
mod emit;
mod generate;
mod manuscripts;
mod properties;
mod references;
mod rules;
mod seed;
mod support;
