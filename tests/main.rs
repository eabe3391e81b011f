//! istinad's integration tests, built as one test binary.

// Tests report measured figures (held-out accuracy) on standard output.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod cli;
mod clients;
mod emit;
mod manuscripts;
mod references;
mod rules;
mod seed;
mod support;
