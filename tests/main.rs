//! istinad's integration tests, built as one test binary.

// Tests report measured figures (held-out accuracy) on standard output.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod bad_input;
mod cli;
mod clients;
mod emit;
mod generate;
mod layers;
mod lsp;
mod managers;
mod manuscripts;
mod properties;
mod real;
mod references;
mod rules;
mod runs;
mod seed;
mod serve;
mod support;
mod writes;
