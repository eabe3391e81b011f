//! Benchmarks (written on the `robust` branch).

fn main() {}
