//! Writes one of the generated big inputs (tests/generate.rs) to standard
//! output, for measuring the CLI on them (benches/ratio.sh, docs/performance.md):
//!
//! ```sh
//! cargo run --release --example generate -- list 100000 > list-100k.md
//! cargo run --release --example generate -- long_line 100000000 > line-100mb.md
//! cargo run --release --example generate -- cited_line 10000000 > cited-10mb.md
//! cargo run --release --example generate -- manuscript 10000000 1000 > ms-10mb.md
//! ```

use std::io::Write;
use std::process::ExitCode;

// The generators of the big-input tests; this example uses only some of them.
#[allow(dead_code)]
#[path = "../tests/generate.rs"]
mod generate;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let number = |i: usize| {
        args.get(i)
            .and_then(|a| a.replace('_', "").parse::<usize>().ok())
    };
    let text = match (args.first().map(String::as_str), number(1), number(2)) {
        (Some("list"), Some(n), None) => generate::list(n),
        (Some("long_line"), Some(bytes), None) => generate::long_line(bytes),
        (Some("cited_line"), Some(bytes), None) => generate::cited_line(bytes),
        (Some("manuscript"), Some(bytes), Some(entries)) => generate::manuscript(bytes, entries),
        _ => {
            #[allow(clippy::print_stderr)] // an example's usage line
            {
                eprintln!(
                    "usage: generate list N | long_line BYTES | cited_line BYTES | manuscript BYTES ENTRIES"
                );
            }
            return ExitCode::from(2);
        }
    };
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::FAILURE,
    }
}
