//! Benchmarks (divan): reading a 100 000-entry list, checking a 10 MB
//! manuscript, parsing one entry of each kind, and converting and rendering
//! the seed's list in every format and style.
//!
//! `cargo bench` runs them; inputs are generated here (tests/generate.rs,
//! shared with the big-input tests), not stored. Time is divan's; the
//! allocation counts and bytes are divan's `AllocProfiler`. Peak memory of a
//! whole run is measured on the release CLI instead: see tests/bad_input.rs
//! (`ISTINAD_BIG=1`).

use std::sync::LazyLock;

use divan::counter::{BytesCount, ItemsCount};
use divan::{AllocProfiler, Bencher, black_box};
use istinad::emit::{self, Format, Locale, Options, Style};
use istinad::{Config, Reference, Source, Vocabulary};

// The generators of the big-input tests; the bench uses only some of them.
#[allow(dead_code)]
#[path = "../tests/generate.rs"]
mod generate;

#[global_allocator]
static ALLOC: AllocProfiler = AllocProfiler::system();

fn main() {
    divan::main();
}

static CONFIG: LazyLock<Config> = LazyLock::new(Config::default);

const LIST_ENTRIES: usize = 100_000;
const MANUSCRIPT_BYTES: usize = 10 * 1024 * 1024;

/// A list of 100 000 entries of nine kinds (archival az/ru, books az/ru/fa,
/// articles ru/en, a chapter, web) after a short body.
static LIST: LazyLock<Source> =
    LazyLock::new(|| Source::new("list.md", generate::list(LIST_ENTRIES)));

/// 10 MB of prose with two citations a paragraph, and a 1 000-entry list.
static MANUSCRIPT: LazyLock<Source> = LazyLock::new(|| {
    Source::new(
        "manuscript.md",
        generate::manuscript(MANUSCRIPT_BYTES, 1_000),
    )
});

/// The seed article's reference list (16 entries: archival files, books
/// in az/ru/fa, URLs), as in fixtures/manuscripts/az-seed-list.md.
static SEED: LazyLock<Vec<Reference>> = LazyLock::new(|| {
    let text = include_str!("../fixtures/manuscripts/az-seed-list.md");
    istinad::read_references(&Source::new("az-seed-list.md", text), &CONFIG).references
});

/// Split, parse and the list rules over 100 000 entries.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn read_references_100k(bencher: Bencher) {
    let source = &*LIST;
    bencher
        .counter(ItemsCount::new(LIST_ENTRIES))
        .bench(|| istinad::read_references(black_box(source), &CONFIG));
}

/// Parsing alone over the same 100 000 entries, already split.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn parse_references_100k(bencher: Bencher) {
    let source = &*LIST;
    let document = istinad::split::split(source, &CONFIG.vocabulary);
    bencher.counter(ItemsCount::new(LIST_ENTRIES)).bench(|| {
        istinad::parse::parse_references(black_box(source), &document, &CONFIG.vocabulary)
    });
}

/// The whole check of a 10 MB manuscript: split, parse, scan, every rule.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn check_10mb(bencher: Bencher) {
    let source = &*MANUSCRIPT;
    bencher
        .counter(BytesCount::of_str(source.text()))
        .bench(|| istinad::check(black_box(source), &CONFIG));
}

/// One entry of each kind the generator writes.
const KINDS: [&str; 9] = [
    "archival-az",
    "archival-ru",
    "book-az",
    "book-ru",
    "book-fa",
    "article-ru",
    "article-en",
    "chapter-az",
    "web",
];

#[divan::bench(args = KINDS)]
fn parse_one_entry(bencher: Bencher, kind: &str) {
    let index = KINDS.iter().position(|k| *k == kind).unwrap_or(0);
    // Entry 9 + index is of kind generate::KINDS[index].
    let text = generate::entry(generate::KINDS.len() + index);
    let vocab = Vocabulary::builtin();
    bencher.bench(|| istinad::parse::parse_reference(black_box(&text), &vocab));
}

const FORMATS: [&str; 5] = ["bibtex", "biblatex", "csl-json", "hayagriva", "ris"];

/// The seed list converted to each format.
#[divan::bench(args = FORMATS)]
fn convert_seed_list(bencher: Bencher, format: &str) {
    let references = &*SEED;
    let format = Format::from_name(format).unwrap_or(Format::Ris);
    let options = Options::default();
    bencher
        .counter(ItemsCount::new(references.len()))
        .bench(|| emit::convert(black_box(references), format, &options));
}

const STYLES: [&str; 3] = ["gost", "chicago", "apa"];

/// The seed list rendered in each style (through hayagriva's CSL engine).
#[divan::bench(args = STYLES)]
fn render_seed_list(bencher: Bencher, style: &str) {
    let references = &*SEED;
    let style = Style::from_name(style).unwrap_or(Style::Gost);
    bencher
        .counter(ItemsCount::new(references.len()))
        .bench(|| emit::render(black_box(references), style, Locale::Ru));
}
