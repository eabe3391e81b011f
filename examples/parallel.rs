//! Parses one list's entries on 1, 2, … threads and prints each run's wall
//! time and the records' agreement (docs/performance.md, "Why one list did
//! not parse faster on two threads"). Run it under `perf stat` to compare
//! the CPU time of each number of threads:
//!
//! ```sh
//! cargo run --release --example generate -- list 100000 > list-100k.md
//! perf stat -e task-clock target/release/examples/parallel list-100k.md 1
//! perf stat -e task-clock target/release/examples/parallel list-100k.md 2
//! ```

use std::process::ExitCode;
use std::time::Instant;

use istinad::{Config, Reference, Source};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let threads: Vec<usize> = args.iter().skip(1).filter_map(|a| a.parse().ok()).collect();
    let (Some(path), false) = (args.first(), threads.is_empty()) else {
        #[allow(clippy::print_stderr)] // an example's usage line
        {
            eprintln!("usage: parallel LIST THREADS…");
        }
        return ExitCode::from(2);
    };
    let Ok(text) = std::fs::read_to_string(path) else {
        return ExitCode::FAILURE;
    };
    let config = Config::default();
    let source = Source::new(path, text);
    let document = istinad::split::split(&source, &config.vocabulary);
    let parse = |entries: &[istinad::split::Entry]| -> Vec<Reference> {
        entries
            .iter()
            .map(|e| istinad::parse::parse_entry(source.text(), e, &config.vocabulary))
            .collect()
    };
    let mut first: Option<Vec<Reference>> = None;
    for n in threads {
        let start = Instant::now();
        let chunk = document.entries.len().div_ceil(n.max(1)).max(1);
        let records: Vec<Reference> = std::thread::scope(|s| {
            let parts: Vec<_> = document
                .entries
                .chunks(chunk)
                .map(|entries| s.spawn(move || parse(entries)))
                .collect();
            parts
                .into_iter()
                .flat_map(|p| p.join().unwrap_or_default())
                .collect()
        });
        let same = first.as_ref().is_none_or(|f| *f == records);
        #[allow(clippy::print_stdout)] // the example's report
        {
            println!(
                "{n} thread(s): {} entries in {:.2?}{}",
                records.len(),
                start.elapsed(),
                if same { "" } else { " (records differ!)" }
            );
        }
        first.get_or_insert(records);
    }
    ExitCode::SUCCESS
}
