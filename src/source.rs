//! Stage 0: the text being read, byte spans into it, and line/column lookup.

use std::ops::Range;

use serde::Serialize;

use crate::managed::Managed;

/// A byte range into [`Source::text`]. Serialized as `{"start": …, "end": …}`.
pub type Span = Range<usize>;

/// One input document: its display name and its text, exactly as read.
///
/// The text is never rewritten (no BOM stripping, no line-end conversion), so
/// every span the library reports is a byte offset into the input file.
#[derive(Debug, Clone)]
pub struct Source {
    name: String,
    text: String,
    lines: LineIndex,
    extracted: bool,
    /// Where each paragraph of a word-processor file starts in `text`.
    paragraphs: Vec<usize>,
    /// What reference managers stored in the file (fields and items).
    managed: Managed,
}

impl Source {
    /// Wraps `text` read from `name` (a path, or `-` for standard input).
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let lines = LineIndex::new(&text);
        Source {
            name: name.into(),
            text,
            lines,
            extracted: false,
            paragraphs: Vec::new(),
            managed: Managed::default(),
        }
    }

    /// Records what reference managers stored in the file the text was
    /// extracted from; spans in it are offsets into the text.
    pub fn with_managed(mut self, managed: Managed) -> Self {
        self.managed = managed;
        self
    }

    /// What reference managers stored in the file: empty for plain text.
    pub fn managed(&self) -> &Managed {
        &self.managed
    }

    /// The same source (name, paragraphs, extraction) over `text`, which
    /// has the same line ends at the same offsets (comments blanked).
    pub fn with_text(&self, text: String) -> Source {
        // A clone keeps every other field, whatever the source comes to hold.
        let mut out = self.clone();
        out.lines = LineIndex::new(&text);
        out.text = text;
        out
    }

    /// Marks the text as extracted from a container such as .docx: spans
    /// point into the text, and writing the text back would not give the file.
    pub fn extracted(mut self) -> Self {
        self.extracted = true;
        self
    }

    /// Records where the paragraphs of the file the text was extracted
    /// from start (byte offsets, ascending).
    pub fn with_paragraphs(mut self, starts: Vec<usize>) -> Self {
        self.paragraphs = starts;
        self
    }

    /// The paragraph holding byte `offset` of an extracted text: its
    /// 1-based number and its first few words. `None` for a text that was
    /// not extracted from paragraphs.
    pub fn paragraph_at(&self, offset: usize) -> Option<(usize, &str)> {
        let k = self.paragraphs.partition_point(|&s| s <= offset);
        let start = *self.paragraphs.get(k.checked_sub(1)?)?;
        let rest = self.text.get(start..)?;
        let line = rest.split('\n').next().unwrap_or_default();
        let end = line
            .char_indices()
            .filter(|(_, c)| c.is_whitespace())
            .nth(5)
            .map_or(line.len(), |(i, _)| i);
        Some((k, line[..end].trim()))
    }

    /// Whether the text was extracted from a container (see [`Source::extracted`]).
    pub fn is_extracted(&self) -> bool {
        self.extracted
    }

    /// The name the text was read from.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The whole text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text of `span`, or `""` if it is out of bounds or not on char
    /// boundaries.
    pub fn slice(&self, span: &Span) -> &str {
        self.text.get(span.clone()).unwrap_or("")
    }

    /// 1-based line and 1-based column (in characters) of a byte offset.
    ///
    /// Found in the line index, never by counting from the start of the
    /// text or of the line: a report of many findings on one long line is
    /// linear in the findings (issue 15).
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.lines.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.lines.starts[line];
        (line + 1, self.chars_between(start, offset) + 1)
    }

    /// How many characters lie between byte offsets `from` and `to`
    /// (`from <= to`, both on character boundaries), counted through the
    /// line index: at most `STRIDE` (512) bytes are read, however far apart
    /// the two are.
    pub fn chars_between(&self, from: usize, to: usize) -> usize {
        let to = to.min(self.text.len());
        let from = from.min(to);
        if to - from <= STRIDE {
            return chars_in(&self.text.as_bytes()[from..to]);
        }
        self.lines.chars_before(&self.text, to) - self.lines.chars_before(&self.text, from)
    }
}

/// Bytes between two marks of the character count in [`LineIndex`].
const STRIDE: usize = 512;

/// Where lines start, and how many characters precede every 512th (`STRIDE`)
/// byte: built in one pass when a source is made, so that the line and
/// column of any offset cost a binary search and a short count.
#[derive(Debug, Clone)]
struct LineIndex {
    /// Byte offsets where lines start; `\r\n`, `\r` and `\n` all end a line.
    starts: Vec<usize>,
    /// `marks[k]`: the characters in the first `k * STRIDE` bytes.
    marks: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    starts.push(i + 2);
                    i += 2;
                    continue;
                }
                b'\r' | b'\n' => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        let mut marks = Vec::with_capacity(bytes.len() / STRIDE + 1);
        let mut chars = 0;
        marks.push(0);
        for chunk in bytes.chunks_exact(STRIDE) {
            chars += chars_in(chunk);
            marks.push(chars);
        }
        LineIndex { starts, marks }
    }

    /// The characters in `text[..offset]`, `offset` on a character boundary.
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let k = (offset / STRIDE).min(self.marks.len() - 1);
        self.marks[k] + chars_in(&text.as_bytes()[k * STRIDE..offset])
    }
}

/// The characters that start in `bytes`: every byte that is not a UTF-8
/// continuation byte (`10xxxxxx`) starts one.
fn chars_in(bytes: &[u8]) -> usize {
    #[cfg(test)]
    tests::COUNTED.with(|c| c.set(c.get() + bytes.len()));
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// A value with the span of the text it was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where it was read.
    pub span: Span,
}

/// A line of the source: its span without the line end, and the span with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The line's text, without its line end.
    pub span: Span,
    /// Where the next line starts.
    pub next: usize,
}

/// Splits `text[range]` into lines, recognising `\r\n`, `\r` and `\n`.
pub fn lines_in(text: &str, range: Span) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = range.start;
    let mut i = range.start;
    let end = range.end.min(bytes.len());
    while i < end {
        match bytes[i] {
            b'\r' => {
                let next = if bytes.get(i + 1) == Some(&b'\n') && i + 1 < end {
                    i + 2
                } else {
                    i + 1
                };
                lines.push(Line {
                    span: start..i,
                    next,
                });
                start = next;
                i = next;
            }
            b'\n' => {
                lines.push(Line {
                    span: start..i,
                    next: i + 1,
                });
                start = i + 1;
                i += 1;
            }
            _ => i += 1,
        }
    }
    if start < end {
        lines.push(Line {
            span: start..end,
            next: end,
        });
    }
    lines
}

#[cfg(test)]
mod tests {

    #[test]
    fn paragraphs_of_an_extracted_text() {
        let source = Source::new("a.docx", "Birinci abzas burada\nİkinci abzas (5, s. 3)\n")
            .extracted()
            .with_paragraphs(vec![0, 21]);
        assert_eq!(source.paragraph_at(3), Some((1, "Birinci abzas burada")));
        assert_eq!(source.paragraph_at(30), Some((2, "İkinci abzas (5, s. 3)")));
        assert_eq!(Source::new("a.md", "x").paragraph_at(0), None);
    }

    use super::*;
    use std::cell::Cell;

    thread_local! {
        /// Bytes read by [`chars_in`] on this thread: the work of a lookup.
        pub(super) static COUNTED: Cell<usize> = const { Cell::new(0) };
    }

    /// Bytes [`chars_in`] reads while `f` runs.
    fn counted(f: impl FnOnce()) -> usize {
        let before = COUNTED.with(Cell::get);
        f();
        COUNTED.with(Cell::get) - before
    }

    #[test]
    fn line_col_on_a_long_line_reads_a_bounded_stretch() {
        // Two-byte characters, one line of 1 MB: each lookup used to count
        // the characters from the start of the line (quadratic in findings).
        let text = "ə".repeat(500_000) + "\nz";
        let mut source = None;
        let built = counted(|| source = Some(Source::new("t", text.as_str())));
        assert!(
            built <= text.len(),
            "the index reads the text once: {built}"
        );
        let source = source.expect("made");
        let offsets: Vec<usize> = (0..1000).map(|k| k * 1000).collect();
        let mut found = Vec::new();
        let read = counted(|| found = offsets.iter().map(|&o| source.line_col(o)).collect());
        assert!(read <= offsets.len() * 2 * STRIDE, "{read} bytes read");
        for (&o, &got) in offsets.iter().zip(&found) {
            assert_eq!(got, (1, text[..o].chars().count() + 1), "at {o}");
        }
        assert_eq!(source.line_col(text.len()), (2, 2));
        assert_eq!(source.chars_between(2, text.len() - 2), 499_999);
    }

    #[test]
    fn line_col_counts_characters_and_all_line_ends() {
        let source = Source::new("t", "ab\r\nəx\rq\nz");
        assert_eq!(source.line_col(0), (1, 1));
        assert_eq!(source.line_col(4), (2, 1));
        assert_eq!(source.line_col(6), (2, 2));
        assert_eq!(source.line_col(8), (3, 1));
        assert_eq!(source.line_col(10), (4, 1));
        // Past the end, and inside a character: no panic, a position.
        assert_eq!(source.line_col(99), (4, 2));
        assert_eq!(source.line_col(5), (2, 2));
    }

    #[test]
    fn lines_in_splits_crlf_cr_and_lf() {
        let text = "a\r\nb\rc\nd";
        let spans: Vec<_> = lines_in(text, 0..text.len())
            .into_iter()
            .map(|l| &text[l.span])
            .collect();
        assert_eq!(spans, ["a", "b", "c", "d"]);
    }
}
