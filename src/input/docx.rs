//! Input: .docx bytes -> plain text
//!
//! A .docx is a zip package of XML parts (ECMA-376 / ISO/IEC 29500). This
//! reader finds the main document part through `_rels/.rels` (falling back to
//! `word/document.xml`), then its footnotes, endnotes, numbering and styles
//! parts through the main part's relationships, and writes:
//!
//! 1. the body: one line per paragraph (`w:p`), table cells included, a text
//!    box's paragraphs on the lines after the paragraph that anchors it;
//! 2. a blank line, then the footnotes, one line per paragraph;
//! 3. a blank line, then the endnotes.
//!
//! Runs are concatenated, so a citation split across runs (`(12, ` + italic
//! `s.329)`) comes out whole. Text is what Word shows, in logical order (RTL
//! runs need no reordering): inserted text (`w:ins`) kept, deleted and
//! moved-away text (`w:del`, `w:moveFrom`) dropped, a field's displayed
//! result kept and its instruction (`w:instrText`) dropped, hyperlinks'
//! text kept, `w:tab` -> `\t`, `w:br`/`w:cr` -> `\n`, `w:noBreakHyphen` ->
//! `-`, `w:softHyphen` and `w:sym` -> nothing.
//!
//! **Notes.** A footnote or endnote reference in the text becomes a Markdown
//! footnote marker `[^N]`, and the note's first line starts with `[^N]: `,
//! so a manuscript reads the same whether it came as Markdown (pandoc's
//! footnote syntax) or as .docx. `N` counts the references in the order they
//! occur in the body, footnotes and endnotes in one sequence (as pandoc does
//! when it converts a .docx); for footnotes alone it is the number Word
//! shows. A note with a custom mark (`w:customMarkFollows`, e.g. an author's
//! `*`) is labelled with that mark: `[^*]`. Notes are written in the order of
//! their labels; a note that nothing in the body refers to is written last,
//! without a label. Separator notes are skipped.
//!
//! **Numbering.** Word's automatic numbers (`w:numPr`, on the paragraph or
//! inherited from its paragraph style) are not in the text, yet reference
//! lists are usually numbered that way, so they are rebuilt from
//! `numbering.xml` and put before the line followed by a space: `1. ARDA: f.
//! 28…`. The level's `w:lvlText` is applied (`%1.`, `%1)`, `[%1]`,
//! `%1.%2.`), counters start at `w:start` or the instance's
//! `w:startOverride`, deeper levels restart when a shallower one advances
//! (honouring `w:lvlRestart`). Lists that share an abstract definition share
//! their counters; a `w:num`'s `w:startOverride` restarts them the first time
//! that `w:num` is used (ECMA-376 §17.9.27), as Word does. Numbers are
//! written with ASCII digits whatever the format (`hindiNumbers`, `ordinal`,
//! `decimalFullWidth`…); `lowerLetter`/`upperLetter` and the Roman formats
//! are spelled out, `decimalZero` pads to two digits, bullets and `none` add
//! nothing.
//!
//! Not supported: headers, footers and comments (not read), text that only
//! displays transformed (`w:caps`: the stored case is written), hidden text
//! (kept), math (`m:oMath`, dropped), DrawingML shapes' own text (`a:t`,
//! dropped; text boxes holding `w:txbxContent` are read), embedded chunks
//! (`w:altChunk`), Russian and other non-Latin letter numbering (written as
//! digits), numbering that restarts per section or page, and a deleted
//! paragraph mark merging two paragraphs (they stay two lines).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::io::{Cursor, Read};

use quick_xml::NsReader;
use quick_xml::events::{BytesEnd, BytesStart, Event};
use quick_xml::name::ResolveResult;

/// The largest uncompressed size accepted for one part of the package, a
/// guard against zip bombs. Real manuscripts' `document.xml` are a few MB.
pub const MAX_PART_SIZE: u64 = 200 * 1024 * 1024;

/// Why a .docx could not be read.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    /// The bytes are not a zip archive, so not a .docx.
    #[error("not a .docx file: not a zip archive ({reason})")]
    NotZip {
        /// What the zip reader found wrong.
        reason: String,
    },
    /// The bytes are an OLE compound file: a legacy `.doc`, or a `.docx`
    /// protected with a password (Word encrypts those into an OLE container).
    #[error(
        "not a .docx file: an OLE compound file (a legacy .doc, or a password-protected .docx); save it from Word as a .docx without a password"
    )]
    OleCompound,
    /// The package has no main document part.
    #[error("not a .docx file: the package has no main document part `{part}`")]
    MissingDocument {
        /// The part name that was looked for, e.g. `word/document.xml`.
        part: String,
    },
    /// A part could not be decompressed (corrupt entry, wrong checksum,
    /// encrypted entry, unsupported compression method).
    #[error("cannot read part `{part}` of the .docx: {reason}")]
    UnreadablePart {
        /// The part's name in the package, e.g. `word/footnotes.xml`.
        part: String,
        /// What went wrong.
        reason: String,
    },
    /// A part is not well-formed XML (or not UTF-8/UTF-16 text).
    #[error("malformed XML in part `{part}` of the .docx at byte {offset}: {reason}")]
    MalformedXml {
        /// The part's name in the package, e.g. `word/document.xml`.
        part: String,
        /// Byte offset of the problem in the part's uncompressed text (for
        /// a UTF-16 part: in its UTF-8 transcoding).
        offset: u64,
        /// What the XML reader found wrong.
        reason: String,
    },
    /// A part is larger than [`MAX_PART_SIZE`] once decompressed.
    #[error("part `{part}` of the .docx is larger than {limit} bytes uncompressed")]
    TooLarge {
        /// The part's name in the package.
        part: String,
        /// The limit that was exceeded, in bytes.
        limit: u64,
    },
}

/// Text of a .docx document: body paragraphs, then footnotes, then endnotes, one paragraph per line.
///
/// See the module documentation for what is kept, the `[^N]` note markers
/// and the rebuilt list numbers. The text ends with a newline unless empty.
#[cfg(test)]
pub fn read_docx(bytes: &[u8]) -> Result<String, DocxError> {
    read_docx_with_limit(bytes, MAX_PART_SIZE).map(|(text, _)| text)
}

#[cfg(test)]
fn read_docx_with_limit(bytes: &[u8], limit: u64) -> Result<(String, Vec<usize>), DocxError> {
    read_docx_extracted(bytes, limit).map(|e| (e.text, e.paragraphs))
}

/// A field a reference manager may have written, as the reader met it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct RawField {
    /// The field's instruction (`w:instrText` joined, or `w:fldSimple`'s
    /// `w:instr`).
    pub code: String,
    /// The data stored in the field's `w:fldData` (base64, as stored).
    pub data: String,
    /// Where the field's displayed result is in the text.
    pub result: std::ops::Range<usize>,
}

/// What a .docx gives: its text, where its paragraphs start, the fields
/// that may hold a reference manager's data, and the custom XML parts
/// (`customXml/item*.xml`: Word keeps its sources there).
#[derive(Debug, Default)]
pub(super) struct Extracted {
    pub text: String,
    pub paragraphs: Vec<usize>,
    pub fields: Vec<RawField>,
    pub custom_parts: Vec<(String, String)>,
}

/// Reads a .docx with its fields and custom XML parts.
pub(super) fn read_docx_extracted(bytes: &[u8], limit: u64) -> Result<Extracted, DocxError> {
    let mut pkg = Package::open(bytes, limit)?;

    let main = main_document_part(&mut pkg)?;
    let Some(main_xml) = pkg.read(&main)? else {
        return Err(DocxError::MissingDocument { part: main });
    };
    let related = pkg.related_parts(&main)?;

    let styles = match related.styles.as_deref() {
        Some(name) => match pkg.read(name)? {
            Some(xml) => parse_styles(name, &xml)?,
            None => Styles::default(),
        },
        None => Styles::default(),
    };
    let numbering = match related.numbering.as_deref() {
        Some(name) => match pkg.read(name)? {
            Some(xml) => parse_numbering(name, &xml)?,
            None => Numbering::default(),
        },
        None => Numbering::default(),
    };
    let defs = Definitions { numbering, styles };

    let mut labels = Labels::default();
    let body = read_story(&main, &main_xml, Mode::Body, &defs, &mut labels)?;
    let mut blocks = vec![body.lines];

    for (kind, part) in [
        (NoteKind::Foot, related.footnotes.as_deref()),
        (NoteKind::End, related.endnotes.as_deref()),
    ] {
        let Some(part) = part else { continue };
        let Some(xml) = pkg.read(part)? else { continue };
        let story = read_story(part, &xml, Mode::Notes(kind), &defs, &mut labels)?;
        blocks.push(note_lines(story.notes, kind, &labels));
    }

    let (text, paragraphs) = join_blocks(blocks);
    let mut custom_parts = Vec::new();
    for name in pkg.custom_xml_parts() {
        if let Some(xml) = pkg.read(&name)? {
            custom_parts.push((name, xml));
        }
    }
    if labels.fields.is_empty() {
        return Ok(Extracted {
            text,
            paragraphs,
            fields: Vec::new(),
            custom_parts,
        });
    }
    let (text, paragraphs, spans) = take_markers(&text, &paragraphs);
    let fields = spans
        .into_iter()
        .filter_map(|(k, result)| {
            let (code, data) = labels.fields.get(k)?.clone();
            Some(RawField { code, data, result })
        })
        .collect();
    Ok(Extracted {
        text,
        paragraphs,
        fields,
        custom_parts,
    })
}

/// Marks the start of a manager field's result in the text being built:
/// followed by the field's number in [`MARK_DIGITS`]. Unicode
/// noncharacters, which no document's text holds; they are taken out with
/// [`take_markers`] before the text leaves the reader.
const MARK_BEGIN: char = '\u{FDD0}';
/// Marks the end of a field's result, followed by its number.
const MARK_END: char = '\u{FDD1}';
/// The hexadecimal digits of a marker's field number: U+FDE0..=U+FDEF.
const MARK_DIGITS: std::ops::RangeInclusive<char> = '\u{FDE0}'..='\u{FDEF}';

fn is_mark(c: char) -> bool {
    c == MARK_BEGIN || c == MARK_END || MARK_DIGITS.contains(&c)
}

/// The marker of field `k`'s result starting (`begin`) or ending.
fn marker(begin: bool, k: usize) -> String {
    let mut out = String::from(if begin { MARK_BEGIN } else { MARK_END });
    for digit in format!("{k:x}").chars() {
        let d = digit.to_digit(16).unwrap_or(0);
        out.push(char::from_u32(0xFDE0 + d).unwrap_or(MARK_END));
    }
    out
}

/// The text without markers, its paragraph starts and the fields' results.
type Marked = (String, Vec<usize>, Vec<(usize, std::ops::Range<usize>)>);

/// Takes the field markers out of `text`: the text without them, the
/// paragraph starts moved accordingly, and each field's result span (a
/// field whose end was lost ends where the text does).
fn take_markers(text: &str, starts: &[usize]) -> Marked {
    let mut out = String::with_capacity(text.len());
    // (old offset, bytes removed up to and including it)
    let mut removed_at: Vec<(usize, usize)> = Vec::new();
    let mut removed = 0;
    let mut open: HashMap<usize, usize> = HashMap::new();
    let mut spans = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c != MARK_BEGIN && c != MARK_END {
            if MARK_DIGITS.contains(&c) {
                removed += c.len_utf8();
                removed_at.push((at, removed));
            } else {
                out.push(c);
            }
            continue;
        }
        removed += c.len_utf8();
        let mut k = 0usize;
        while let Some(&(_, d)) = chars.peek() {
            if !MARK_DIGITS.contains(&d) {
                break;
            }
            k = k
                .saturating_mul(16)
                .saturating_add((u32::from(d) - 0xFDE0) as usize);
            removed += d.len_utf8();
            chars.next();
        }
        removed_at.push((at, removed));
        if c == MARK_BEGIN {
            open.insert(k, out.len());
        } else if let Some(start) = open.remove(&k) {
            spans.push((k, start..out.len()));
        }
    }
    let end = out.trim_end().len();
    spans.extend(
        open.into_iter()
            .map(|(k, start)| (k, start..end.max(start))),
    );
    spans.sort_by_key(|(_, s)| (s.start, s.end));
    let moved = starts
        .iter()
        .map(|&s| {
            let k = removed_at.partition_point(|&(at, _)| at < s);
            s - k.checked_sub(1).map_or(0, |k| removed_at[k].1)
        })
        .collect();
    (out, moved, spans)
}

/// Joins blocks of paragraphs (body, footnotes, endnotes): one paragraph a
/// line, a blank line between blocks, trailing empty paragraphs dropped;
/// with where each paragraph starts.
pub(super) fn join_blocks(blocks: Vec<Vec<String>>) -> (String, Vec<usize>) {
    let mut out = String::new();
    let mut starts = Vec::new();
    for mut lines in blocks {
        // A trailing line holding only field markers gives them to the line
        // before it.
        let mut marks = String::new();
        while lines.last().is_some_and(|l| {
            l.trim_matches(|c: char| c.is_whitespace() || is_mark(c))
                .is_empty()
        }) {
            let line = lines.pop().unwrap_or_default();
            marks.insert_str(0, &line.chars().filter(|&c| is_mark(c)).collect::<String>());
        }
        if let Some(last) = lines.last_mut() {
            last.push_str(&marks);
        }
        if lines.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        for (k, line) in lines.iter().enumerate() {
            if k > 0 {
                out.push('\n');
            }
            starts.push(out.len());
            out.push_str(line);
        }
    }
    if !out.is_empty() {
        out.push('\n');
    }
    (out, starts)
}

// ---------------------------------------------------------------------------
// The package: zip entries, size cap, text decoding, relationships.

pub(super) struct Package<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    /// Part names are case-insensitive in OPC (ECMA-376 Part 2, §6.2.2.3):
    /// lowercase name -> the entry's name as stored.
    names: HashMap<String, String>,
    limit: u64,
}

impl<'a> Package<'a> {
    pub(super) fn open(bytes: &'a [u8], limit: u64) -> Result<Self, DocxError> {
        const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        if bytes.starts_with(&OLE_MAGIC) {
            return Err(DocxError::OleCompound);
        }
        let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| DocxError::NotZip {
            reason: e.to_string(),
        })?;
        let names = zip
            .file_names()
            .map(|n| (n.trim_start_matches('/').to_lowercase(), n.to_owned()))
            .collect();
        Ok(Package { zip, names, limit })
    }

    /// The part's text, or `None` when the package has no such part.
    pub(super) fn read(&mut self, part: &str) -> Result<Option<String>, DocxError> {
        let Some(name) = self.names.get(&part.to_lowercase()).cloned() else {
            return Ok(None);
        };
        let unreadable = |e: &dyn std::fmt::Display| DocxError::UnreadablePart {
            part: part.to_owned(),
            reason: e.to_string(),
        };
        let too_large = || DocxError::TooLarge {
            part: part.to_owned(),
            limit: self.limit,
        };
        let file = self.zip.by_name(&name).map_err(|e| unreadable(&e))?;
        // The declared size is the attacker's word; the `take` below is the
        // real guard, this only fails early on honest big files.
        if file.size() > self.limit {
            return Err(too_large());
        }
        let mut bytes = Vec::new();
        file.take(self.limit.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| unreadable(&e))?;
        if bytes.len() as u64 > self.limit {
            return Err(too_large());
        }
        decode_text(part, bytes).map(Some)
    }

    /// The custom XML parts (`customXml/item1.xml`…), in name order.
    fn custom_xml_parts(&self) -> Vec<String> {
        let mut parts: Vec<String> = self
            .names
            .keys()
            .filter(|n| {
                n.strip_prefix("customxml/item")
                    .and_then(|r| r.strip_suffix(".xml"))
                    .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
            })
            .cloned()
            .collect();
        parts.sort_by_key(|n| (n.len(), n.clone()));
        parts
    }

    fn relationships(&mut self, source: &str) -> Result<Vec<Relationship>, DocxError> {
        let rels = rels_part_name(source);
        match self.read(&rels)? {
            Some(xml) => parse_relationships(&rels, &xml, source),
            None => Ok(Vec::new()),
        }
    }

    fn related_parts(&mut self, main: &str) -> Result<RelatedParts, DocxError> {
        let rels = self.relationships(main)?;
        let find = |kind: &str, default: &str| {
            rels.iter()
                .find(|r| r.kind.rsplit('/').next() == Some(kind))
                .map(|r| r.target.clone())
                .or_else(|| rels.is_empty().then(|| resolve_target(main, default)))
        };
        Ok(RelatedParts {
            footnotes: find("footnotes", "footnotes.xml"),
            endnotes: find("endnotes", "endnotes.xml"),
            numbering: find("numbering", "numbering.xml"),
            styles: find("styles", "styles.xml"),
        })
    }
}

struct RelatedParts {
    footnotes: Option<String>,
    endnotes: Option<String>,
    numbering: Option<String>,
    styles: Option<String>,
}

struct Relationship {
    kind: String,
    target: String,
}

fn main_document_part(pkg: &mut Package<'_>) -> Result<String, DocxError> {
    const DEFAULT: &str = "word/document.xml";
    let rels = pkg.relationships("")?;
    Ok(rels
        .into_iter()
        .find(|r| r.kind.rsplit('/').next() == Some("officeDocument"))
        .map_or_else(|| DEFAULT.to_owned(), |r| r.target))
}

/// `word/document.xml` -> `word/_rels/document.xml.rels`; the package itself
/// (`""`) -> `_rels/.rels` (ECMA-376 Part 2, §9.3.1).
fn rels_part_name(source: &str) -> String {
    match source.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{source}.rels"),
    }
}

/// A relationship target relative to its source part's folder, or absolute.
fn resolve_target(source: &str, target: &str) -> String {
    let mut segments: Vec<&str> = Vec::new();
    if !target.starts_with('/')
        && let Some((dir, _)) = source.rsplit_once('/')
    {
        segments.extend(dir.split('/').filter(|s| !s.is_empty()));
    }
    for segment in target.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    segments.join("/")
}

fn decode_text(part: &str, mut bytes: Vec<u8>) -> Result<String, DocxError> {
    let utf16 = |be: bool, body: &[u8]| -> Result<String, DocxError> {
        let units = body.chunks(2).map(|c| match (c, be) {
            ([a, b], true) => u16::from_be_bytes([*a, *b]),
            ([a, b], false) => u16::from_le_bytes([*a, *b]),
            _ => 0xFFFD,
        });
        char::decode_utf16(units)
            .map(|c| c.map_err(|_| ()))
            .collect::<Result<String, ()>>()
            .map_err(|()| DocxError::MalformedXml {
                part: part.to_owned(),
                offset: 0,
                reason: "invalid UTF-16".to_owned(),
            })
    };
    match bytes.as_slice() {
        [0xFF, 0xFE, rest @ ..] => utf16(false, rest),
        [0xFE, 0xFF, rest @ ..] => utf16(true, rest),
        _ => {
            let bom = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
                3
            } else {
                0
            };
            bytes.drain(..bom);
            String::from_utf8(bytes).map_err(|e| DocxError::MalformedXml {
                part: part.to_owned(),
                offset: (e.utf8_error().valid_up_to() + bom) as u64,
                reason: "invalid UTF-8".to_owned(),
            })
        }
    }
}

// ---------------------------------------------------------------------------
// XML plumbing shared by all parts.

/// The namespaces this reader acts on; everything else passes through.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Ns {
    /// WordprocessingML, transitional or strict.
    W,
    /// OpenDocument text (`text:`), read by `odt.rs`.
    Text,
    /// Markup compatibility (`mc:AlternateContent`).
    Mc,
    Other,
}

fn namespace(resolved: &ResolveResult<'_>) -> Ns {
    match resolved {
        ResolveResult::Bound(ns) => match ns.as_ref() {
            b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
            | b"http://purl.oclc.org/ooxml/wordprocessingml/main" => Ns::W,
            b"http://schemas.openxmlformats.org/markup-compatibility/2006" => Ns::Mc,
            b"urn:oasis:names:tc:opendocument:xmlns:text:1.0" => Ns::Text,
            _ => Ns::Other,
        },
        _ => Ns::Other,
    }
}

/// What one XML event means to the readers below.
pub(super) enum Item<'i> {
    Start(Ns, BytesStart<'i>),
    Empty(Ns, BytesStart<'i>),
    End(Ns, BytesEnd<'i>),
    Text(Cow<'i, str>),
}

/// Far deeper nesting than real documents have, and well below 65 535, where
/// quick-xml's 16-bit namespace depth counter overflows (a panic in debug
/// builds, lost namespaces in release).
const MAX_DEPTH: usize = 10_000;

/// A pull parser over one part that names the part in its errors and
/// checks that every element is closed.
pub(super) struct Xml<'i> {
    reader: NsReader<&'i [u8]>,
    part: &'i str,
    depth: usize,
    seen_root: bool,
}

impl<'i> Xml<'i> {
    pub(super) fn new(part: &'i str, text: &'i str) -> Self {
        Xml {
            reader: NsReader::from_str(text),
            part,
            depth: 0,
            seen_root: false,
        }
    }

    fn error(&self, offset: u64, reason: impl std::fmt::Display) -> DocxError {
        DocxError::MalformedXml {
            part: self.part.to_owned(),
            offset,
            reason: reason.to_string(),
        }
    }

    /// The next event that matters, `None` at the end of the part.
    pub(super) fn next(&mut self) -> Result<Option<Item<'i>>, DocxError> {
        loop {
            let (resolved, event) = match self.reader.read_resolved_event() {
                Ok(pair) => pair,
                Err(e) => return Err(self.error(self.reader.error_position(), e)),
            };
            let ns = namespace(&resolved);
            let item = match event {
                Event::Start(e) => {
                    self.depth += 1;
                    self.seen_root = true;
                    if self.depth > MAX_DEPTH {
                        let at = self.reader.buffer_position();
                        return Err(
                            self.error(at, format!("elements nested more than {MAX_DEPTH} deep"))
                        );
                    }
                    Item::Start(ns, e)
                }
                Event::Empty(e) => {
                    self.seen_root = true;
                    Item::Empty(ns, e)
                }
                Event::End(e) => {
                    self.depth = self.depth.saturating_sub(1);
                    Item::End(ns, e)
                }
                Event::Text(t) => match t.xml10_content() {
                    Ok(text) => Item::Text(text),
                    Err(e) => return Err(self.error(self.reader.buffer_position(), e)),
                },
                Event::CData(t) => match t.decode() {
                    Ok(text) => Item::Text(text),
                    Err(e) => return Err(self.error(self.reader.buffer_position(), e)),
                },
                Event::GeneralRef(r) => {
                    let at = self.reader.buffer_position();
                    match r.resolve_char_ref() {
                        Ok(Some(c)) => Item::Text(Cow::Owned(c.to_string())),
                        Ok(None) => {
                            let name = r.decode().map_err(|e| self.error(at, e))?;
                            match quick_xml::escape::resolve_predefined_entity(&name) {
                                Some(s) => Item::Text(Cow::Borrowed(s)),
                                None => {
                                    return Err(
                                        self.error(at, format!("undefined entity `&{name};`"))
                                    );
                                }
                            }
                        }
                        Err(e) => return Err(self.error(at, e)),
                    }
                }
                Event::Eof => {
                    let at = self.reader.buffer_position();
                    if self.depth > 0 {
                        return Err(self.error(
                            at,
                            format!("the part ends with {} element(s) still open", self.depth),
                        ));
                    }
                    if !self.seen_root {
                        return Err(self.error(at, "no root element"));
                    }
                    return Ok(None);
                }
                Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => continue,
            };
            return Ok(Some(item));
        }
    }
}

/// The value of the attribute with this local name (`w:val` -> `val`),
/// whatever its prefix; malformed attributes are ignored.
pub(super) fn attr(e: &BytesStart<'_>, local: &[u8]) -> Option<String> {
    for a in e.attributes().with_checks(false) {
        let Ok(a) = a else { break };
        if a.key.local_name().as_ref() == local {
            return a.unescape_value().ok().map(Cow::into_owned);
        }
    }
    None
}

fn attr_u32(e: &BytesStart<'_>, local: &[u8]) -> Option<u32> {
    attr(e, local).and_then(|v| v.trim().parse().ok())
}

/// ST_OnOff: an element present without `w:val` is on.
fn on_off(e: &BytesStart<'_>, local: &[u8]) -> bool {
    attr(e, local).is_none_or(|v| matches!(v.trim(), "1" | "true" | "on"))
}

fn parse_relationships(
    part: &str,
    xml: &str,
    source: &str,
) -> Result<Vec<Relationship>, DocxError> {
    let mut reader = Xml::new(part, xml);
    let mut rels = Vec::new();
    while let Some(item) = reader.next()? {
        let (Item::Start(_, e) | Item::Empty(_, e)) = item else {
            continue;
        };
        if e.local_name().as_ref() != b"Relationship" {
            continue;
        }
        let external = attr(&e, b"TargetMode").is_some_and(|m| m.eq_ignore_ascii_case("external"));
        if let (false, Some(kind), Some(target)) =
            (external, attr(&e, b"Type"), attr(&e, b"Target"))
        {
            rels.push(Relationship {
                kind,
                target: resolve_target(source, &target),
            });
        }
    }
    Ok(rels)
}

// ---------------------------------------------------------------------------
// numbering.xml and styles.xml: what is needed to rebuild list numbers.

#[derive(Default)]
struct Definitions {
    numbering: Numbering,
    styles: Styles,
}

#[derive(Default)]
struct Numbering {
    abstracts: HashMap<u32, AbstractNum>,
    nums: HashMap<u32, Num>,
}

#[derive(Default)]
struct AbstractNum {
    levels: HashMap<u8, Level>,
    /// `w:numStyleLink`: the levels live in the numbering style of this id.
    num_style_link: Option<String>,
}

#[derive(Default)]
struct Num {
    abstract_id: Option<u32>,
    overrides: HashMap<u8, LevelOverride>,
}

#[derive(Default)]
struct LevelOverride {
    start: Option<u32>,
    level: Option<Level>,
}

#[derive(Clone, Default)]
struct Level {
    /// ECMA-376 §17.9.26: zero when `w:start` is absent.
    start: u32,
    format: NumFormat,
    text: Option<String>,
    /// `w:lvlRestart`: 0 never restarts, n restarts after level n (1-based).
    restart: Option<u32>,
    /// `w:isLgl`: every level shown in decimal.
    legal: bool,
    /// `w:suff w:val="nothing"`: no separator after the number.
    no_suffix: bool,
}

#[derive(Clone, Copy, Default, PartialEq, Eq)]
enum NumFormat {
    #[default]
    Decimal,
    DecimalZero,
    LowerLetter,
    UpperLetter,
    LowerRoman,
    UpperRoman,
    Bullet,
    None,
}

impl NumFormat {
    fn parse(value: &str) -> Self {
        match value {
            "decimalZero" => NumFormat::DecimalZero,
            "lowerLetter" => NumFormat::LowerLetter,
            "upperLetter" => NumFormat::UpperLetter,
            "lowerRoman" => NumFormat::LowerRoman,
            "upperRoman" => NumFormat::UpperRoman,
            "bullet" => NumFormat::Bullet,
            "none" => NumFormat::None,
            // decimal, custom, ordinal, cardinalText, hindiNumbers,
            // decimalFullWidth, arabicAbjad, russianLower, ...: the number.
            _ => NumFormat::Decimal,
        }
    }

    fn render(self, n: u32) -> String {
        match self {
            NumFormat::Decimal => n.to_string(),
            NumFormat::DecimalZero => format!("{n:02}"),
            NumFormat::LowerLetter => letters(n).unwrap_or_else(|| n.to_string()),
            NumFormat::UpperLetter => {
                letters(n).map_or_else(|| n.to_string(), |s| s.to_uppercase())
            }
            NumFormat::LowerRoman => roman(n).map_or_else(|| n.to_string(), |s| s.to_lowercase()),
            NumFormat::UpperRoman => roman(n).unwrap_or_else(|| n.to_string()),
            NumFormat::Bullet | NumFormat::None => String::new(),
        }
    }
}

/// Word's letter numbering: a..z, then aa..zz, aaa.. (the letter repeated).
pub(super) fn letters(n: u32) -> Option<String> {
    if n == 0 || n > 780 {
        return None;
    }
    let letter = char::from(b'a' + ((n - 1) % 26) as u8);
    Some(std::iter::repeat_n(letter, ((n - 1) / 26 + 1) as usize).collect())
}

pub(super) fn roman(mut n: u32) -> Option<String> {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    if n == 0 || n > 3999 {
        return None;
    }
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    Some(out)
}

/// Word has nine list levels, `w:ilvl` 0..=8.
const LEVELS: usize = 9;

/// A list level from the attribute `key` (`w:ilvl` on `w:lvl`, `w:val` on
/// `w:numPr/w:ilvl`), if it is one of Word's nine.
fn parse_ilvl(e: &BytesStart<'_>, key: &[u8]) -> Option<u8> {
    attr_u32(e, key)
        .filter(|&l| (l as usize) < LEVELS)
        .map(|l| l as u8)
}

fn parse_numbering(part: &str, xml: &str) -> Result<Numbering, DocxError> {
    let mut reader = Xml::new(part, xml);
    let mut numbering = Numbering::default();
    let mut abstract_num: Option<(u32, AbstractNum)> = None;
    let mut num: Option<(u32, Num)> = None;
    let mut override_level: Option<u8> = None;
    let mut level: Option<(Option<u8>, Level)> = None;

    while let Some(item) = reader.next()? {
        let (e, empty) = match item {
            Item::Start(Ns::W, e) => (e, false),
            Item::Empty(Ns::W, e) => (e, true),
            Item::End(Ns::W, e) => {
                close_numbering_element(
                    e.local_name().as_ref(),
                    &mut numbering,
                    &mut abstract_num,
                    &mut num,
                    &mut override_level,
                    &mut level,
                );
                continue;
            }
            _ => continue,
        };
        let name = e.local_name().as_ref().to_vec();
        match name.as_slice() {
            b"abstractNum" => {
                abstract_num =
                    attr_u32(&e, b"abstractNumId").map(|id| (id, AbstractNum::default()));
            }
            b"num" => num = attr_u32(&e, b"numId").map(|id| (id, Num::default())),
            b"abstractNumId" => {
                if let Some((_, n)) = num.as_mut() {
                    n.abstract_id = attr_u32(&e, b"val");
                }
            }
            b"lvlOverride" => override_level = parse_ilvl(&e, b"ilvl"),
            b"startOverride" => {
                if let (Some((_, n)), Some(l)) = (num.as_mut(), override_level) {
                    n.overrides.entry(l).or_default().start = attr_u32(&e, b"val");
                }
            }
            b"lvl" => level = Some((parse_ilvl(&e, b"ilvl"), Level::default())),
            b"numStyleLink" => {
                if let Some((_, a)) = abstract_num.as_mut() {
                    a.num_style_link = attr(&e, b"val");
                }
            }
            _ => {
                if let Some((_, l)) = level.as_mut() {
                    match name.as_slice() {
                        b"start" => l.start = attr_u32(&e, b"val").unwrap_or(0),
                        // Word writes `custom` formats inside mc:Choice and
                        // a plain one in mc:Fallback; either gives a number.
                        b"numFmt" => {
                            l.format = NumFormat::parse(&attr(&e, b"val").unwrap_or_default())
                        }
                        b"lvlText" => l.text = attr(&e, b"val"),
                        b"lvlRestart" => l.restart = attr_u32(&e, b"val"),
                        b"isLgl" => l.legal = on_off(&e, b"val"),
                        b"suff" => l.no_suffix = attr(&e, b"val").as_deref() == Some("nothing"),
                        _ => {}
                    }
                }
            }
        }
        if empty {
            close_numbering_element(
                &name,
                &mut numbering,
                &mut abstract_num,
                &mut num,
                &mut override_level,
                &mut level,
            );
        }
    }
    Ok(numbering)
}

fn close_numbering_element(
    name: &[u8],
    numbering: &mut Numbering,
    abstract_num: &mut Option<(u32, AbstractNum)>,
    num: &mut Option<(u32, Num)>,
    override_level: &mut Option<u8>,
    level: &mut Option<(Option<u8>, Level)>,
) {
    match name {
        b"abstractNum" => {
            if let Some((id, a)) = abstract_num.take() {
                numbering.abstracts.insert(id, a);
            }
        }
        b"num" => {
            if let Some((id, n)) = num.take() {
                numbering.nums.insert(id, n);
            }
        }
        b"lvlOverride" => *override_level = None,
        b"lvl" => {
            let Some((ilvl, l)) = level.take() else {
                return;
            };
            if let (Some((_, n)), Some(o)) = (num.as_mut(), *override_level) {
                n.overrides.entry(o).or_default().level = Some(l);
            } else if let (Some((_, a)), Some(i)) = (abstract_num.as_mut(), ilvl) {
                a.levels.insert(i, l);
            }
        }
        _ => {}
    }
}

#[derive(Default)]
struct Styles {
    by_id: HashMap<String, Style>,
}

#[derive(Default)]
struct Style {
    based_on: Option<String>,
    num_id: Option<u32>,
    ilvl: Option<u8>,
}

impl Styles {
    /// The `(numId, ilvl)` a paragraph style gives, following `w:basedOn`.
    fn numbering(&self, style: &str) -> (Option<u32>, Option<u8>) {
        let mut id = Some(style);
        // A cycle in basedOn is malformed but possible: bound the walk.
        for _ in 0..32 {
            let Some(s) = id.and_then(|i| self.by_id.get(i)) else {
                break;
            };
            if s.num_id.is_some() {
                return (s.num_id, s.ilvl);
            }
            id = s.based_on.as_deref();
        }
        (None, None)
    }
}

fn parse_styles(part: &str, xml: &str) -> Result<Styles, DocxError> {
    let mut reader = Xml::new(part, xml);
    let mut styles = Styles::default();
    let mut current: Option<(String, Style)> = None;
    // Only w:styles/w:style/w:pPr/w:numPr is read; tracked changes
    // (w:pPrChange) and everything else are skipped.
    let mut path: Vec<Vec<u8>> = Vec::new();
    let mut skip = 0usize;

    while let Some(item) = reader.next()? {
        let (ns, e, empty) = match item {
            Item::Start(ns, e) => (ns, e, false),
            Item::Empty(ns, e) => (ns, e, true),
            Item::End(_, e) => {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                path.pop();
                if e.local_name().as_ref() == b"style"
                    && let Some((id, s)) = current.take()
                {
                    styles.by_id.insert(id, s);
                }
                continue;
            }
            Item::Text(_) => continue,
        };
        if skip > 0 {
            if !empty {
                skip += 1;
            }
            continue;
        }
        let name = e.local_name().as_ref().to_vec();
        let parent = path.last().map(Vec::as_slice);
        let wanted = ns == Ns::W
            && matches!(
                (parent, name.as_slice()),
                (None, b"styles")
                    | (Some(b"styles"), b"style")
                    | (Some(b"style"), b"basedOn" | b"pPr")
                    | (Some(b"pPr"), b"numPr")
                    | (Some(b"numPr"), b"numId" | b"ilvl")
            );
        if wanted {
            match name.as_slice() {
                b"style" => current = attr(&e, b"styleId").map(|id| (id, Style::default())),
                b"basedOn" => {
                    if let Some((_, s)) = current.as_mut() {
                        s.based_on = attr(&e, b"val");
                    }
                }
                b"numId" => {
                    if let Some((_, s)) = current.as_mut() {
                        s.num_id = attr_u32(&e, b"val");
                    }
                }
                b"ilvl" => {
                    if let Some((_, s)) = current.as_mut() {
                        s.ilvl = parse_ilvl(&e, b"val");
                    }
                }
                _ => {}
            }
        }
        if empty {
            if wanted
                && name == b"style"
                && let Some((id, s)) = current.take()
            {
                styles.by_id.insert(id, s);
            }
        } else if wanted {
            path.push(name);
        } else {
            skip = 1;
        }
    }
    Ok(styles)
}

// ---------------------------------------------------------------------------
// List counters.

/// The counters of the lists of one abstract definition. ECMA-376 Part 1
/// §17.9.27 (`w:startOverride`): every `w:num` of one abstract definition
/// advances the same counters; an override restarts them at its value the
/// first time its `w:num` is used, and later paragraphs of any `w:num` of
/// that definition continue from there. (LibreOffice writes the first item
/// of a list with its own `w:num` carrying `w:startOverride` and the rest
/// with a plain one: 1, 2 … 16, not 1, 1, 2 … 15.)
struct Lists<'d> {
    defs: &'d Definitions,
    counters: HashMap<u32, [Option<u32>; LEVELS]>,
    /// The `(numId, level)` overrides already applied.
    restarted: HashSet<(u32, usize)>,
}

impl<'d> Lists<'d> {
    fn new(defs: &'d Definitions) -> Self {
        Lists {
            defs,
            counters: HashMap::new(),
            restarted: HashSet::new(),
        }
    }

    /// The abstract definition of a `w:num`, following `w:numStyleLink` to
    /// the numbering style that holds the levels.
    fn abstract_of(&self, num: &Num) -> Option<u32> {
        let id = num.abstract_id?;
        let numbering = &self.defs.numbering;
        let linked = numbering
            .abstracts
            .get(&id)
            .and_then(|a| a.num_style_link.as_deref())
            .and_then(|style| self.defs.styles.numbering(style).0)
            .and_then(|n| numbering.nums.get(&n))
            .and_then(|n| n.abstract_id);
        Some(linked.unwrap_or(id))
    }

    /// Advances the paragraph's list counter and renders its number with a
    /// trailing space (`"3. "`), or `""` for an unnumbered paragraph.
    fn prefix(&mut self, num_id: Option<u32>, ilvl: Option<u8>, style: Option<&str>) -> String {
        let defs = self.defs;
        let (style_num, style_ilvl) = style.map_or((None, None), |s| defs.styles.numbering(s));
        // `w:numId w:val="0"` on the paragraph removes its style's numbering.
        let Some(num_id) = num_id.or(style_num).filter(|&n| n != 0) else {
            return String::new();
        };
        let ilvl = usize::from(ilvl.or(style_ilvl).unwrap_or(0)).min(LEVELS - 1);
        let Some(num) = defs.numbering.nums.get(&num_id) else {
            return String::new();
        };
        let Some(abstract_id) = self.abstract_of(num) else {
            return String::new();
        };
        let abstract_num = defs.numbering.abstracts.get(&abstract_id);
        let level = |i: usize| -> Option<&Level> {
            let i = i as u8;
            num.overrides
                .get(&i)
                .and_then(|o| o.level.as_ref())
                .or_else(|| abstract_num.and_then(|a| a.levels.get(&i)))
        };
        let start = |i: usize| -> u32 {
            num.overrides
                .get(&(i as u8))
                .and_then(|o| o.start)
                .or_else(|| level(i).map(|l| l.start))
                .unwrap_or(0)
        };
        let Some(def) = level(ilvl) else {
            return String::new();
        };
        let restart = num
            .overrides
            .get(&(ilvl as u8))
            .and_then(|o| o.start)
            .filter(|_| self.restarted.insert((num_id, ilvl)));
        let counters = self.counters.entry(abstract_id).or_insert([None; LEVELS]);
        counters[ilvl] = Some(match (restart, counters[ilvl]) {
            (Some(n), _) => n,
            (None, None) => start(ilvl),
            (None, Some(n)) => n.saturating_add(1),
        });
        for (deeper, counter) in counters.iter_mut().enumerate().skip(ilvl + 1) {
            // `w:lvlRestart` n (1-based): restart only after levels 1..=n.
            let restart = level(deeper).and_then(|l| l.restart);
            if restart.is_none_or(|n| ilvl < n as usize) {
                *counter = None;
            }
        }

        if def.format == NumFormat::Bullet {
            return String::new();
        }
        let mut out = String::new();
        let mut chars = def.text.as_deref().unwrap_or_default().chars().peekable();
        while let Some(c) = chars.next() {
            let placeholder = (c == '%')
                .then(|| chars.peek().and_then(|d| d.to_digit(10)))
                .flatten()
                .filter(|d| (1..=LEVELS as u32).contains(d));
            let Some(d) = placeholder else {
                out.push(c);
                continue;
            };
            chars.next();
            let i = d as usize - 1;
            let value = counters[i].unwrap_or_else(|| start(i));
            let format = if def.legal {
                NumFormat::Decimal
            } else {
                level(i).map_or(NumFormat::Decimal, |l| l.format)
            };
            out.push_str(&format.render(value));
        }
        if out.trim().is_empty() {
            return String::new();
        }
        if !def.no_suffix {
            out.push(' ');
        }
        out
    }
}

// ---------------------------------------------------------------------------
// Stories: the body, the footnotes, the endnotes.

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum NoteKind {
    Foot,
    End,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Body,
    Notes(NoteKind),
}

/// The `[^N]` labels given to notes, in the order the body refers to them.
#[derive(Default)]
struct Labels {
    numbered: u32,
    by_note: HashMap<(NoteKind, String), (usize, String)>,
    /// The manager fields met so far in every story, by marker number:
    /// their instruction and `w:fldData`.
    fields: Vec<(String, String)>,
}

impl Labels {
    fn assign(&mut self, kind: NoteKind, id: String, custom: Option<String>) -> String {
        if let Some((_, label)) = self.by_note.get(&(kind, id.clone())) {
            return label.clone();
        }
        let label = match custom.as_deref().map(str::trim) {
            Some(mark) if !mark.is_empty() => mark.to_owned(),
            _ => {
                self.numbered += 1;
                self.numbered.to_string()
            }
        };
        let order = self.by_note.len();
        self.by_note.insert((kind, id), (order, label.clone()));
        label
    }

    fn get(&self, kind: NoteKind, id: &str) -> Option<&(usize, String)> {
        self.by_note.get(&(kind, id.to_owned()))
    }
}

struct Note {
    id: String,
    lines: Vec<String>,
}

#[derive(Default)]
struct StoryOut {
    lines: Vec<String>,
    notes: Vec<Note>,
}

#[derive(Default)]
struct Para {
    text: String,
    num_id: Option<u32>,
    ilvl: Option<u8>,
    style: Option<String>,
    /// Where the line goes: the sink (0 the body, n the n-th note) and the
    /// index reserved in it when the paragraph opened, so that a paragraph
    /// nested in it (a text box) comes after it.
    slot: (usize, usize),
}

/// What an open element means; one per open element not being skipped.
enum Frame {
    Other,
    Para,
    PPr,
    NumPr,
    Text,
    Run,
    Alternate {
        chosen: bool,
    },
    Note,
    /// A field's instruction text (`w:instrText`).
    Instruction,
    /// A field's stored data (`w:fldData`).
    FieldData,
    /// A simple field (`w:fldSimple`), with its marker number when a
    /// reference manager wrote it.
    SimpleField(Option<usize>),
    /// A content control (`w:sdt`).
    Sdt,
    /// Its properties (`w:sdtPr`): only `w:tag` is read.
    SdtPr,
    /// Its content, with its marker number when a reference manager's tag
    /// names it (Mendeley Cite's `MENDELEY_CITATION_v3_…`).
    SdtContent(Option<usize>),
}

/// A complex field being read.
#[derive(Default)]
struct OpenField {
    /// Past its `separate`: showing its result.
    result: bool,
    code: String,
    data: String,
    /// Its marker number, when its result is marked.
    marker: Option<usize>,
}

/// WordprocessingML elements whose whole content is not displayed text:
/// properties, deleted or moved-away text, field instructions, ruby text.
const SKIPPED: &[&[u8]] = &[
    b"rPr",
    b"sectPr",
    b"tblPr",
    b"tblPrEx",
    b"trPr",
    b"tcPr",
    b"tblGrid",
    b"sdtEndPr",
    b"del",
    b"moveFrom",
    b"delText",
    b"delInstrText",
    b"rt",
    b"customXmlPr",
    b"smartTagPr",
    b"rPrChange",
    b"pPrChange",
    b"footnotePr",
    b"endnotePr",
    b"background",
];

struct Story<'d, 'l> {
    mode: Mode,
    lists: Lists<'d>,
    labels: &'l mut Labels,
    frames: Vec<Frame>,
    /// Depth inside an element being skipped; 0 when reading.
    skip: usize,
    paras: Vec<Para>,
    /// Open complex fields, innermost last.
    fields: Vec<OpenField>,
    /// The tags of the open content controls, innermost last.
    sdt_tags: Vec<Option<String>>,
    /// Markers of field results that start before the next paragraph (a
    /// block-level content control).
    pending_marks: String,
    /// How many open fields are still in their instruction part.
    in_instruction: usize,
    /// A custom note mark being read from its run: kind, note id, mark.
    mark: Option<(NoteKind, String, String)>,
    note: Option<Note>,
    /// How many notes were opened so far; numbers the note sinks.
    notes_opened: usize,
    out: StoryOut,
}

fn read_story(
    part: &str,
    xml: &str,
    mode: Mode,
    defs: &Definitions,
    labels: &mut Labels,
) -> Result<StoryOut, DocxError> {
    let mut reader = Xml::new(part, xml);
    let mut story = Story {
        mode,
        lists: Lists::new(defs),
        labels,
        frames: Vec::new(),
        skip: 0,
        paras: Vec::new(),
        fields: Vec::new(),
        sdt_tags: Vec::new(),
        pending_marks: String::new(),
        in_instruction: 0,
        mark: None,
        note: None,
        notes_opened: 0,
        out: StoryOut::default(),
    };
    while let Some(item) = reader.next()? {
        match item {
            Item::Start(ns, e) => story.open(ns, &e, false),
            Item::Empty(ns, e) => story.open(ns, &e, true),
            Item::End(..) => story.close(),
            Item::Text(text) => story.text(&text),
        }
    }
    Ok(story.out)
}

impl Story<'_, '_> {
    fn open(&mut self, ns: Ns, e: &BytesStart<'_>, empty: bool) {
        if self.skip > 0 {
            if !empty {
                self.skip += 1;
            }
            return;
        }
        let name = e.local_name();
        let name = name.as_ref();
        let frame = match (ns, self.frames.last()) {
            // Inside w:pPr only the style and the list membership matter;
            // its w:tabs, w:rPr, w:pPrChange... are skipped.
            (_, Some(Frame::PPr | Frame::NumPr)) => self.paragraph_property(ns, name, e),
            // Of a content control's properties only its tag is read
            // (Mendeley Cite keeps a citation's data there).
            (_, Some(Frame::SdtPr)) => {
                if ns == Ns::W
                    && name == b"tag"
                    && let Some(tag) = self.sdt_tags.last_mut()
                {
                    *tag = attr(e, b"val");
                }
                None
            }
            (Ns::W, top) => match name {
                b"p" => {
                    self.open_para();
                    if empty {
                        self.close_para();
                    }
                    Some(Frame::Para)
                }
                b"pPr" => matches!(top, Some(Frame::Para)).then_some(Frame::PPr),
                b"t" => Some(Frame::Text),
                b"sdt" => {
                    if !empty {
                        self.sdt_tags.push(None);
                    }
                    Some(Frame::Sdt)
                }
                b"sdtPr" => Some(Frame::SdtPr),
                b"sdtContent" => {
                    // Only Mendeley Cite keeps a manager's data in a tag.
                    let tag = self
                        .sdt_tags
                        .last()
                        .cloned()
                        .flatten()
                        .filter(|t| t.starts_with("MENDELEY_"));
                    let marker = match (empty, tag) {
                        (false, Some(tag)) => self.mark_field(tag, String::new()),
                        _ => None,
                    };
                    Some(Frame::SdtContent(marker))
                }
                b"instrText" => Some(Frame::Instruction),
                b"fldData" => Some(Frame::FieldData),
                b"fldSimple" => {
                    let code = attr(e, b"instr").unwrap_or_default();
                    let marker = (!empty)
                        .then(|| self.mark_field(code, String::new()))
                        .flatten();
                    Some(Frame::SimpleField(marker))
                }
                b"r" => {
                    self.flush_mark();
                    Some(Frame::Run)
                }
                b"footnote" | b"endnote" if matches!(self.mode, Mode::Notes(_)) => {
                    self.open_note(e, empty)
                }
                _ if SKIPPED.contains(&name) => None,
                _ => {
                    self.inline(name, e);
                    Some(Frame::Other)
                }
            },
            (Ns::Mc, _) => match name {
                b"AlternateContent" => Some(Frame::Alternate { chosen: false }),
                // Read the first choice (Word puts the richer one first:
                // DrawingML text boxes) and skip the others and the VML
                // fallback, which repeat the same text.
                b"Choice" | b"Fallback" => match self.frames.last_mut() {
                    Some(Frame::Alternate { chosen }) if *chosen => None,
                    Some(Frame::Alternate { chosen }) => {
                        *chosen = true;
                        Some(Frame::Other)
                    }
                    _ => Some(Frame::Other),
                },
                _ => Some(Frame::Other),
            },
            (Ns::Other | Ns::Text, _) => Some(Frame::Other),
        };
        if !empty {
            match frame {
                Some(frame) => self.frames.push(frame),
                None => self.skip = 1,
            }
        }
    }

    fn paragraph_property(&mut self, ns: Ns, name: &[u8], e: &BytesStart<'_>) -> Option<Frame> {
        if ns != Ns::W {
            return None;
        }
        let in_num_pr = matches!(self.frames.last(), Some(Frame::NumPr));
        let para = self.paras.last_mut()?;
        match (in_num_pr, name) {
            (false, b"pStyle") => {
                para.style = attr(e, b"val");
                Some(Frame::Other)
            }
            (false, b"numPr") => Some(Frame::NumPr),
            (true, b"numId") => {
                para.num_id = attr_u32(e, b"val");
                Some(Frame::Other)
            }
            (true, b"ilvl") => {
                para.ilvl = parse_ilvl(e, b"val");
                Some(Frame::Other)
            }
            _ => None,
        }
    }

    /// Run content that stands for text.
    fn inline(&mut self, name: &[u8], e: &BytesStart<'_>) {
        match name {
            b"tab" | b"ptab" => self.push_text("\t"),
            b"br" | b"cr" => self.push_text("\n"),
            b"noBreakHyphen" => self.push_text("-"),
            b"footnoteReference" => self.reference(NoteKind::Foot, e),
            b"endnoteReference" => self.reference(NoteKind::End, e),
            b"fldChar" => self.field_char(e),
            // w:softHyphen (an optional hyphen), w:sym (a symbol-font glyph),
            // w:footnoteRef (the number inside the note): nothing.
            _ => {}
        }
    }

    fn close(&mut self) {
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        match self.frames.pop() {
            Some(Frame::Para) => self.close_para(),
            Some(Frame::Run) => self.flush_mark(),
            Some(Frame::Note) => self.close_note(),
            Some(Frame::SimpleField(Some(k)) | Frame::SdtContent(Some(k))) => {
                self.push_marker(false, k)
            }
            Some(Frame::Sdt) => {
                self.sdt_tags.pop();
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if self.skip > 0 {
            return;
        }
        match self.frames.last() {
            Some(Frame::Text) => self.push_text(text),
            Some(Frame::Instruction) => {
                if let Some(field) = self.fields.last_mut()
                    && !field.result
                {
                    field.code.push_str(text);
                }
            }
            Some(Frame::FieldData) => {
                if let Some(field) = self.fields.last_mut() {
                    field.data.push_str(text);
                }
            }
            _ => {}
        }
    }

    /// Numbers a field whose result starts now and marks the start, if a
    /// reference manager wrote it and its result shows.
    fn mark_field(&mut self, code: String, data: String) -> Option<usize> {
        if self.in_instruction > 0 || !super::managers::is_manager_field(&code) {
            return None;
        }
        let k = self.labels.fields.len();
        self.labels.fields.push((code, data));
        self.push_marker(true, k);
        Some(k)
    }

    fn push_marker(&mut self, begin: bool, k: usize) {
        let mark = marker(begin, k);
        if let Some((_, _, custom)) = self.mark.as_mut() {
            custom.push_str(&mark);
        } else if let Some(para) = self.paras.last_mut() {
            para.text.push_str(&mark);
        } else if begin {
            // Between paragraphs: the result starts with the next one.
            self.pending_marks.push_str(&mark);
        } else if let Some(last) = self.sink().1.last_mut() {
            // Between paragraphs: the result ended with the last one.
            last.push_str(&mark);
        }
    }

    fn push_text(&mut self, text: &str) {
        if self.in_instruction > 0 {
            return;
        }
        if let Some((_, _, mark)) = self.mark.as_mut() {
            mark.push_str(text);
        } else if let Some(para) = self.paras.last_mut() {
            para.text.push_str(text);
        }
    }

    /// ECMA-376 §17.16.18: `begin`, instruction runs, `separate`, result
    /// runs, `end`; fields nest, and text shows only when every open field
    /// is past its `separate`.
    fn field_char(&mut self, e: &BytesStart<'_>) {
        match attr(e, b"fldCharType").as_deref() {
            Some("begin") => {
                self.fields.push(OpenField::default());
                self.in_instruction += 1;
            }
            Some("separate") => {
                if let Some(field) = self.fields.last_mut()
                    && !field.result
                {
                    field.result = true;
                    self.in_instruction = self.in_instruction.saturating_sub(1);
                    let code = std::mem::take(&mut field.code);
                    let data = std::mem::take(&mut field.data);
                    let marker = self.mark_field(code, data);
                    if let Some(field) = self.fields.last_mut() {
                        field.marker = marker;
                    }
                }
            }
            Some("end") => {
                let Some(field) = self.fields.pop() else {
                    return;
                };
                // Only a field still in its instruction part changes the
                // count; its data (EndNote's `EN.CITE.DATA`) belongs to
                // the field whose instruction holds it.
                if !field.result {
                    self.in_instruction = self.in_instruction.saturating_sub(1);
                    if let Some(outer) = self.fields.last_mut()
                        && outer.data.is_empty()
                    {
                        outer.data = field.data;
                    }
                }
                if let Some(k) = field.marker {
                    self.push_marker(false, k);
                }
            }
            _ => {}
        }
    }

    fn reference(&mut self, kind: NoteKind, e: &BytesStart<'_>) {
        let Some(id) = attr(e, b"id") else { return };
        let id = id.trim().to_owned();
        let custom =
            attr(e, b"customMarkFollows").is_some_and(|v| matches!(v.trim(), "1" | "true" | "on"));
        if custom {
            // The mark is the text that follows in the same run.
            self.flush_mark();
            self.mark = Some((kind, id, String::new()));
        } else {
            self.write_reference(kind, id, None);
        }
    }

    fn flush_mark(&mut self) {
        if let Some((kind, id, mark)) = self.mark.take() {
            self.write_reference(kind, id, Some(mark));
        }
    }

    fn write_reference(&mut self, kind: NoteKind, id: String, custom: Option<String>) {
        let label = match self.mode {
            Mode::Body => Some(self.labels.assign(kind, id, custom)),
            Mode::Notes(_) => self.labels.get(kind, &id).map(|(_, l)| l.clone()),
        };
        if let Some(label) = label {
            self.push_text(&format!("[^{label}]"));
        }
    }

    /// The lines paragraphs are written to now, and their sink number.
    fn sink(&mut self) -> (usize, &mut Vec<String>) {
        match self.note.as_mut() {
            Some(note) => (self.notes_opened, &mut note.lines),
            None => (0, &mut self.out.lines),
        }
    }

    fn open_para(&mut self) {
        let (sink, lines) = self.sink();
        lines.push(String::new());
        let slot = (sink, lines.len() - 1);
        self.paras.push(Para {
            slot,
            text: std::mem::take(&mut self.pending_marks),
            ..Para::default()
        });
    }

    fn close_para(&mut self) {
        self.flush_mark();
        let Some(para) = self.paras.pop() else { return };
        let mut line = self
            .lists
            .prefix(para.num_id, para.ilvl, para.style.as_deref());
        line.push_str(&para.text);
        let (sink, lines) = self.sink();
        match lines.get_mut(para.slot.1) {
            Some(reserved) if sink == para.slot.0 => *reserved = line,
            // Only in malformed parts (a note closed inside a paragraph).
            _ => lines.push(line),
        }
    }

    fn open_note(&mut self, e: &BytesStart<'_>, empty: bool) -> Option<Frame> {
        let Mode::Notes(kind) = self.mode else {
            return Some(Frame::Other);
        };
        let id = attr(e, b"id")
            .map(|i| i.trim().to_owned())
            .unwrap_or_default();
        let separator = attr(e, b"type").is_some_and(|t| {
            matches!(
                t.as_str(),
                "separator" | "continuationSeparator" | "continuationNotice"
            )
        });
        // Word gives its separators ids -1 and 0; skip those ids too when
        // the type is missing, unless the body refers to them.
        let referenced = self.labels.get(kind, &id).is_some();
        if separator || (!referenced && matches!(id.as_str(), "-1" | "0")) {
            return None;
        }
        // Each note is its own story: nothing open carries over.
        self.fields.clear();
        self.in_instruction = 0;
        self.notes_opened += 1;
        self.note = Some(Note {
            id,
            lines: Vec::new(),
        });
        if empty {
            self.close_note();
        }
        Some(Frame::Note)
    }

    fn close_note(&mut self) {
        self.flush_mark();
        if let Some(note) = self.note.take() {
            self.out.notes.push(note);
        }
    }
}

/// The notes of one part as lines, in the order of their labels, the first
/// line of each starting with `[^label]: `.
fn note_lines(notes: Vec<Note>, kind: NoteKind, labels: &Labels) -> Vec<String> {
    let mut notes: Vec<_> = notes
        .into_iter()
        .map(|n| (labels.get(kind, &n.id), n.lines))
        .collect();
    notes.sort_by_key(|(label, _)| label.map_or(usize::MAX, |(order, _)| *order));
    let mut out = Vec::new();
    for (label, lines) in notes {
        let mut lines = lines.into_iter();
        // Word and pandoc put a space after the note's own number.
        let first = lines.next().unwrap_or_default();
        let first = first.trim_start();
        match label {
            Some((_, label)) if first.is_empty() => out.push(format!("[^{label}]:")),
            Some((_, label)) => out.push(format!("[^{label}]: {first}")),
            None => out.push(first.to_owned()),
        }
        out.extend(lines);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math""#;

    /// A zip package holding these parts, deflated as Word does.
    fn package(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, body) in parts {
            zip.start_file(*name, options).expect("start zip entry");
            zip.write_all(body).expect("write zip entry");
        }
        zip.finish().expect("finish zip").into_inner()
    }

    fn document(body: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>"#
        )
    }

    fn numbering(inner: &str) -> String {
        format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:numbering {NS}>{inner}</w:numbering>"#)
    }

    fn notes(kind: &str, inner: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:{kind}s {NS}><w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}><w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{kind}>{inner}</w:{kind}s>"#
        )
    }

    /// Text of a package with `word/document.xml` and the other parts given.
    fn read(body: &str, parts: &[(&str, &str)]) -> String {
        let doc = document(body);
        let mut all: Vec<(&str, &[u8])> = vec![("word/document.xml", doc.as_bytes())];
        all.extend(parts.iter().map(|(n, t)| (*n, t.as_bytes())));
        read_docx(&package(&all)).expect("a valid .docx")
    }

    /// A field character run: `begin`, `separate` or `end`.
    fn fld(kind: &str) -> String {
        format!(r#"<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>"#)
    }

    /// A run of field instruction text.
    fn instr(code: &str) -> String {
        format!(r#"<w:r><w:instrText xml:space="preserve">{code}</w:instrText></w:r>"#)
    }

    fn p(runs: &str) -> String {
        format!("<w:p>{runs}</w:p>")
    }

    fn r(text: &str) -> String {
        format!(r#"<w:r><w:t xml:space="preserve">{text}</w:t></w:r>"#)
    }

    /// A paragraph in list `num_id` at level `ilvl`.
    fn item(num_id: u32, ilvl: u8, text: &str) -> String {
        format!(
            r#"<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>{}</w:p>"#,
            r(text)
        )
    }

    fn level(ilvl: u8, start: u32, format: &str, text: &str) -> String {
        format!(
            r#"<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{format}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr><w:rPr><w:rFonts w:hint="default"/></w:rPr></w:lvl>"#
        )
    }

    fn fixture(name: &str) -> String {
        let path = format!(
            "{}/fixtures/manuscripts/docx/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        let bytes = std::fs::read(&path).expect("fixture exists");
        read_docx(&bytes).expect("fixture reads")
    }

    fn assert_lines(text: &str, expected: &[&str]) {
        let lines: Vec<&str> = text.lines().collect();
        for want in expected {
            assert!(lines.contains(want), "no line {want:?} in:\n{text}");
        }
    }

    #[test]
    fn paragraphs_become_lines_and_split_runs_join() {
        let body = [
            p(&r("Birinci abzas.")),
            p(&format!(
                r#"{}<w:r><w:rPr><w:i/><w:iCs/></w:rPr><w:t>s.329)</w:t></w:r>{}"#,
                r("Bu barədə (12, "),
                r(" yazılıb.")
            )),
            "<w:p/>".to_owned(),
            p(&r("Son.")),
        ]
        .concat();
        assert_eq!(
            read(&body, &[]),
            "Birinci abzas.\nBu barədə (12, s.329) yazılıb.\n\nSon.\n"
        );
    }

    #[test]
    fn special_characters() {
        let body = p(concat!(
            r#"<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/><w:t>d</w:t></w:r>"#,
            r#"<w:r><w:t>12</w:t><w:noBreakHyphen/><w:t>15 ob.</w:t></w:r>"#,
            r#"<w:r><w:t>tarix</w:t><w:softHyphen/><w:t>çi</w:t><w:sym w:font="Symbol" w:char="F0B7"/></w:r>"#,
            r#"<w:r><w:t xml:space="preserve">  iki  boşluq </w:t></w:r>"#,
        ));
        assert_eq!(
            read(&body, &[]),
            "a\tb\nc\nd12-15 ob.tarixçi  iki  boşluq \n"
        );
    }

    #[test]
    fn entities_and_character_references() {
        let body = p(&r(
            "A &amp; B &lt;C&gt; &quot;D&quot; &apos;E&apos; &#1241;&#x4E9;",
        ));
        assert_eq!(read(&body, &[]), "A & B <C> \"D\" 'E' әө\n");
    }

    #[test]
    fn rtl_runs_stay_in_logical_order() {
        let body = format!(
            r#"<w:p><w:pPr><w:bidi/></w:pPr><w:r><w:rPr><w:rtl/></w:rPr><w:t>کاوه بیات (1388). </w:t></w:r><w:r><w:rPr><w:rtl/></w:rPr><w:t>توفان بر فراز قفقاز. تهران</w:t></w:r></w:p>{}"#,
            p(&r("می\u{200c}شدند"))
        );
        assert_eq!(
            read(&body, &[]),
            "کاوه بیات (1388). توفان بر فراز قفقاز. تهران\nمی\u{200c}شدند\n"
        );
    }

    #[test]
    fn table_cells_are_lines() {
        let cell = |t: &str| {
            format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"100\"/></w:tcPr>{}</w:tc>",
                p(&r(t))
            )
        };
        let body = format!(
            r#"<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:trPr/>{}{}</w:tr><w:tr>{}<w:tc>{}{}</w:tc></w:tr></w:tbl>{}"#,
            cell("İl"),
            cell("Mənbə"),
            cell("1920"),
            p(&r("(3, s.45)")),
            p(&r("(4)")),
            p(&r("Sonra."))
        );
        assert_eq!(
            read(&body, &[]),
            "İl\nMənbə\n1920\n(3, s.45)\n(4)\nSonra.\n"
        );
    }

    #[test]
    fn hyperlinks_smart_tags_and_content_controls_keep_text() {
        let body = p(&format!(
            r#"{}<w:hyperlink r:id="rId9" w:history="1">{}</w:hyperlink><w:smartTag w:uri="x" w:element="place">{}</w:smartTag><w:sdt><w:sdtPr><w:alias w:val="cite"/><w:placeholder><w:docPart w:val="X"/></w:placeholder></w:sdtPr><w:sdtContent>{}</w:sdtContent></w:sdt>"#,
            r("bax: "),
            r("kataloq"),
            r(" Bakı"),
            r(" (5)")
        ));
        assert_eq!(read(&body, &[]), "bax: kataloq Bakı (5)\n");
    }

    #[test]
    fn fields_keep_result_and_drop_instruction() {
        let body = [
            p(&[
                r("Bax "),
                fld("begin"),
                instr(r#" ADDIN ZOTERO_ITEM CSL_CITATION {"citationID":"x"} "#),
                fld("separate"),
                r("(12, s.329)"),
                fld("end"),
                r("."),
            ]
            .concat()),
            // A field nested in another's instruction is part of it.
            p(&[
                fld("begin"),
                instr(" IF "),
                fld("begin"),
                instr(" PAGE "),
                fld("separate"),
                r("7"),
                fld("end"),
                instr(r#" = 7 "yes" "no" "#),
                fld("separate"),
                r("yes"),
                fld("end"),
            ]
            .concat()),
            // A field with no result shows nothing.
            p(&[
                r("a"),
                fld("begin"),
                instr(" XE \"Bakı\" "),
                fld("end"),
                r("b"),
            ]
            .concat()),
            format!(
                r#"<w:p><w:fldSimple w:instr=" NUMPAGES ">{}</w:fldSimple></w:p>"#,
                r("12")
            ),
        ]
        .concat();
        assert_eq!(read(&body, &[]), "Bax (12, s.329).\nyes\nab\n12\n");
    }

    #[test]
    fn a_field_can_span_paragraphs() {
        let body = [
            p(r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> ADDIN ZOTERO_BIBL </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1. ARDA</w:t></w:r>"#),
            p(r#"<w:r><w:t>2. GARF</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#),
        ]
        .concat();
        assert_eq!(read(&body, &[]), "1. ARDA\n2. GARF\n");
    }

    #[test]
    fn tracked_changes_show_the_final_text() {
        let body = p(&format!(
            r#"{}<w:del w:id="1" w:author="A" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>1898</w:delText></w:r></w:del><w:ins w:id="2" w:author="A">{}</w:ins><w:moveFrom w:id="3" w:author="A">{}</w:moveFrom><w:moveTo w:id="4" w:author="A">{}</w:moveTo><w:r><w:rPr><w:rPrChange w:id="5" w:author="A"><w:rPr><w:b/></w:rPr></w:rPrChange></w:rPr><w:t> il</w:t></w:r>"#,
            r("in "),
            r("1899"),
            r(" köhnə"),
            r(" yeni")
        ));
        assert_eq!(read(&body, &[]), "in 1899 yeni il\n");
    }

    #[test]
    fn alternate_content_is_read_once_and_text_boxes_follow_their_paragraph() {
        let txbx = |t: &str| format!("<w:txbxContent>{}</w:txbxContent>", p(&r(t)));
        let body = [
            p(&format!(
                r#"{}<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>{}</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>{}"#,
                r("Mətn "),
                txbx("Qutu"),
                txbx("Qutu"),
                r("davamı.")
            )),
            p(&r("Sonrakı.")),
        ]
        .concat();
        assert_eq!(read(&body, &[]), "Mətn davamı.\nQutu\nSonrakı.\n");
    }

    #[test]
    fn properties_never_leak_text() {
        // Tab stops in w:pPr/w:tabs and old properties in w:pPrChange are
        // not text; neither is math or a ruby's annotation.
        let body = p(&format!(
            r#"<w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs><w:pPrChange w:id="1" w:author="A"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange><w:rPr><w:b/></w:rPr></w:pPr>{}<m:oMath><m:r><m:t>x</m:t></m:r></m:oMath><w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>ann</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>base</w:t></w:r></w:rubyBase></w:ruby></w:r>"#,
            r("mətn ")
        ));
        assert_eq!(read(&body, &[]), "mətn base\n");
    }

    #[test]
    fn footnotes_and_endnotes_follow_the_body_with_markers() {
        let body = [
            p(&format!(
                r#"{}<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="2"/></w:r>{}<w:r><w:endnoteReference w:id="1"/></w:r>{}<w:r><w:footnoteReference w:id="3"/></w:r>"#,
                r("Mətn"),
                r(" və"),
                r(" daha")
            )),
            p(&r("Son.")),
        ]
        .concat();
        let footnote = |id: u32, paras: &[&str]| {
            let mut inner = String::new();
            for (i, text) in paras.iter().enumerate() {
                let reference = if i == 0 {
                    r#"<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>"#
                } else {
                    ""
                };
                inner.push_str(&p(&format!("{reference}{}", r(text))));
            }
            format!(r#"<w:footnote w:id="{id}">{inner}</w:footnote>"#)
        };
        let footnotes = notes(
            "footnote",
            &[
                // Out of order in the part: written in reference order.
                footnote(3, &["РГИА. Ф. 391. Оп. 3. Д. 1127. Л. 4."]),
                footnote(2, &["ГАРФ. Ф. 130. Оп. 1. Д. 45. Л. 12–15 об.", "Копия."]),
                footnote(9, &["Heç yerdən istinad olunmayan qeyd."]),
            ]
            .concat(),
        );
        let endnotes = notes(
            "endnote",
            &format!(
                r#"<w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r>{}</w:p></w:endnote>"#,
                r(" ARDA: f. 28. siy. 1. iş 72")
            ),
        );
        assert_eq!(
            read(
                &body,
                &[
                    ("word/footnotes.xml", &footnotes),
                    ("word/endnotes.xml", &endnotes)
                ]
            ),
            concat!(
                "Mətn[^1] və[^2] daha[^3]\nSon.\n\n",
                "[^1]: ГАРФ. Ф. 130. Оп. 1. Д. 45. Л. 12–15 об.\nКопия.\n",
                "[^3]: РГИА. Ф. 391. Оп. 3. Д. 1127. Л. 4.\n",
                "Heç yerdən istinad olunmayan qeyd.\n\n",
                "[^2]: ARDA: f. 28. siy. 1. iş 72\n"
            )
        );
    }

    #[test]
    fn custom_footnote_marks_label_the_note() {
        let body = p(&format!(
            r#"{}<w:r><w:footnoteReference w:customMarkFollows="1" w:id="1"/><w:t>*</w:t></w:r>{}<w:r><w:footnoteReference w:id="2"/></w:r>"#,
            r("Sevinc MƏMMƏDOVA"),
            r(" mətn")
        ));
        let footnotes = notes(
            "footnote",
            &format!(
                r#"<w:footnote w:id="1">{}</w:footnote><w:footnote w:id="2">{}</w:footnote>"#,
                p(&r("* AMEA A.A.Bakıxanov adına Tarix İnstitutu")),
                p(&format!("<w:r><w:footnoteRef/></w:r>{}", r(" (12, s.329)")))
            ),
        );
        assert_eq!(
            read(&body, &[("word/footnotes.xml", &footnotes)]),
            "Sevinc MƏMMƏDOVA[^*] mətn[^1]\n\n[^*]: * AMEA A.A.Bakıxanov adına Tarix İnstitutu\n[^1]: (12, s.329)\n"
        );
    }

    #[test]
    fn separator_notes_are_skipped_whatever_their_ids() {
        // LibreOffice numbers its separators 0 and 1.
        let footnotes = format!(
            r#"<w:footnotes {NS}><w:footnote w:id="0" w:type="separator"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1" w:type="continuationSeparator"><w:p><w:r><w:t>cont</w:t></w:r></w:p></w:footnote><w:footnote w:id="2">{}</w:footnote></w:footnotes>"#,
            p(&r("Qeyd."))
        );
        let body = p(&format!(
            "{}<w:r><w:footnoteReference w:id=\"2\"/></w:r>",
            r("A")
        ));
        assert_eq!(
            read(&body, &[("word/footnotes.xml", &footnotes)]),
            "A[^1]\n\n[^1]: Qeyd.\n"
        );
    }

    #[test]
    fn decimal_list_is_numbered() {
        let num = numbering(&format!(
            r#"<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>{}{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#,
            level(0, 1, "decimal", "%1."),
            level(1, 1, "lowerLetter", "%2)")
        ));
        let body = [
            p(&r("ƏDƏBİYYAT")),
            item(1, 0, "ARDA: f. 28. siy. 1. iş 72"),
            item(1, 0, "ГАРФ. Ф. 1318. Оп. 1. Д. 72"),
            item(1, 1, "alt a"),
            item(1, 1, "alt b"),
            item(1, 0, "کاوه بیات (1388). توفان بر فراز قفقاز. تهران"),
            item(1, 1, "yenidən a"),
            p(&r("Son")),
        ]
        .concat();
        assert_eq!(
            read(&body, &[("word/numbering.xml", &num)]),
            concat!(
                "ƏDƏBİYYAT\n",
                "1. ARDA: f. 28. siy. 1. iş 72\n",
                "2. ГАРФ. Ф. 1318. Оп. 1. Д. 72\n",
                "a) alt a\n",
                "b) alt b\n",
                "3. کاوه بیات (1388). توفان بر فراز قفقاز. تهران\n",
                "a) yenidən a\n",
                "Son\n"
            )
        );
    }

    #[test]
    fn level_texts_and_formats() {
        let abstract_num = |id: u32, lvl: String| {
            format!(
                r#"<w:abstractNum w:abstractNumId="{id}">{lvl}</w:abstractNum><w:num w:numId="{id}"><w:abstractNumId w:val="{id}"/></w:num>"#
            )
        };
        let num = numbering(
            &[
                abstract_num(1, level(0, 1, "decimal", "[%1]")),
                abstract_num(2, level(0, 9, "decimalZero", "%1.")),
                abstract_num(3, level(0, 4, "upperRoman", "%1.")),
                abstract_num(4, level(0, 26, "lowerLetter", "(%1)")),
                abstract_num(5, level(0, 1, "bullet", "\u{F0B7}")),
                abstract_num(6, level(0, 1, "hindiNumbers", "%1-")),
                abstract_num(
                    7,
                    format!(
                        "{}{}",
                        level(0, 1, "upperRoman", "%1."),
                        level(1, 1, "decimal", "%1.%2.")
                    ),
                ),
                abstract_num(8, r#"<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="nothing"/><w:lvlText w:val="%1. "/></w:lvl>"#.to_owned()),
                abstract_num(9, r#"<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:isLgl/><w:lvlText w:val="%1.%2"/></w:lvl>"#.to_owned()),
            ]
            .concat(),
        );
        let body = [
            item(1, 0, "a"),
            item(1, 0, "b"),
            item(2, 0, "c"),
            item(2, 0, "d"),
            item(3, 0, "e"),
            item(4, 0, "f"),
            item(4, 0, "g"),
            item(5, 0, "h"),
            item(6, 0, "i"),
            item(7, 0, "j"),
            item(7, 1, "k"),
            item(7, 1, "l"),
            item(8, 0, "m"),
            item(9, 0, "n"),
            item(9, 1, "o"),
        ]
        .concat();
        assert_eq!(
            read(&body, &[("word/numbering.xml", &num)]),
            "[1] a\n[2] b\n09. c\n10. d\nIV. e\n(z) f\n(aa) g\nh\n1- i\nI. j\nI.1. k\nI.2. l\n1. m\nI. n\n1.1 o\n"
        );
    }

    #[test]
    fn restarts_and_continuations() {
        // numId 1 and 2 share abstract 0, so 2 continues 1's count, as in
        // Word; numId 3 overrides the start, so it restarts at 1; numId 4
        // starts at 5; numId 0 on a paragraph removes numbering.
        let num = numbering(&format!(
            r#"<w:abstractNum w:abstractNumId="0">{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num><w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>"#,
            level(0, 1, "decimal", "%1.")
        ));
        let body = [
            item(1, 0, "a"),
            item(1, 0, "b"),
            p(&r("mətn")),
            item(2, 0, "c"),
            item(3, 0, "d"),
            item(3, 0, "e"),
            item(0, 0, "f"),
            item(4, 0, "g"),
            item(77, 0, "undefined list"),
        ]
        .concat();
        assert_eq!(
            read(&body, &[("word/numbering.xml", &num)]),
            "1. a\n2. b\nmətn\n3. c\n1. d\n2. e\nf\n5. g\nundefined list\n"
        );
    }

    #[test]
    fn a_start_override_restarts_the_shared_list_once() {
        // As LibreOffice saves a list: its first item through numId 3 (an
        // override restarting abstract 0 at 1), the rest through numId 1;
        // all continue one count (ECMA-376 §17.9.27). Reusing numId 3 later
        // does not restart again.
        let num = numbering(&format!(
            r#"<w:abstractNum w:abstractNumId="0">{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"#,
            level(0, 1, "decimal", "%1.")
        ));
        let body = [
            item(3, 0, "a"),
            item(1, 0, "b"),
            item(1, 0, "c"),
            item(3, 0, "d"),
        ]
        .concat();
        assert_eq!(
            read(&body, &[("word/numbering.xml", &num)]),
            "1. a\n2. b\n3. c\n4. d\n"
        );
    }

    #[test]
    fn level_override_and_lvl_restart() {
        let num = numbering(&format!(
            r#"<w:abstractNum w:abstractNumId="0">{}<w:lvl w:ilvl="1"><w:start w:val="1"/><w:lvlRestart w:val="0"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2)"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1:"/></w:lvl></w:lvlOverride></w:num>"#,
            level(0, 1, "decimal", "%1.")
        ));
        let body = [
            item(1, 0, "a"),
            item(1, 1, "b"),
            item(1, 0, "c"),
            item(1, 1, "d"),
        ]
        .concat();
        assert_eq!(
            read(&body, &[("word/numbering.xml", &num)]),
            "C: a\n1) b\nD: c\n2) d\n"
        );
    }

    #[test]
    fn numbering_from_paragraph_styles() {
        let num = numbering(&format!(
            r#"<w:abstractNum w:abstractNumId="0">{}</w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>"#,
            level(0, 1, "decimal", "%1.")
        ));
        let styles = format!(
            r#"<w:styles {NS}><w:style w:type="paragraph" w:styleId="Bibliography"><w:name w:val="Bibliography"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr><w:pPrChange w:id="1" w:author="A"><w:pPr><w:numPr><w:numId w:val="9"/></w:numPr></w:pPr></w:pPrChange></w:pPr></w:style><w:style w:type="paragraph" w:styleId="MyBib"><w:basedOn w:val="Bibliography"/></w:style></w:styles>"#
        );
        let styled = |style: &str, text: &str| {
            format!(
                r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{}</w:p>"#,
                r(text)
            )
        };
        let body = [
            styled("Bibliography", "ARDA"),
            styled("MyBib", "GARF"),
            format!(
                r#"<w:p><w:pPr><w:pStyle w:val="Bibliography"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>{}</w:p>"#,
                r("unnumbered")
            ),
        ]
        .concat();
        assert_eq!(
            read(
                &body,
                &[("word/numbering.xml", &num), ("word/styles.xml", &styles)]
            ),
            "1. ARDA\n2. GARF\nunnumbered\n"
        );
    }

    #[test]
    fn parts_are_found_through_relationships() {
        let doc = document(&p(&format!(
            "{}<w:r><w:footnoteReference w:id=\"1\"/></w:r>",
            r("Mətn")
        )));
        let rels = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/Word/Document2.xml"/></Relationships>"#;
        let doc_rels = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/a.xml" TargetMode="External"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="../notes/fn.xml"/></Relationships>"#;
        let footnotes = notes(
            "footnote",
            &format!(r#"<w:footnote w:id="1">{}</w:footnote>"#, p(&r("Qeyd"))),
        );
        // An unrelated footnotes part at the default place is not read.
        let decoy = notes(
            "footnote",
            &format!(r#"<w:footnote w:id="1">{}</w:footnote>"#, p(&r("YOX"))),
        );
        let bytes = package(&[
            ("_rels/.rels", rels.as_bytes()),
            ("word/document2.xml", doc.as_bytes()),
            ("word/_rels/document2.xml.rels", doc_rels.as_bytes()),
            ("notes/fn.xml", footnotes.as_bytes()),
            ("word/footnotes.xml", decoy.as_bytes()),
        ]);
        assert_eq!(
            read_docx(&bytes).expect("reads"),
            "Mətn[^1]\n\n[^1]: Qeyd\n"
        );
    }

    #[test]
    fn other_prefixes_strict_namespace_boms_and_utf16() {
        let strict = r#"<?xml version="1.0"?><document xmlns="http://purl.oclc.org/ooxml/wordprocessingml/main"><body><p><r><t>Strict</t></r></p></body></document>"#;
        assert_eq!(
            read_docx(&package(&[("word/document.xml", strict.as_bytes())])).expect("reads"),
            "Strict\n"
        );
        // Elements of other namespaces named like Word's are not Word's.
        let other = r#"<x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><x:body><x:p><x:r><x:t>W</x:t></x:r><a:p><a:r><a:t>A</a:t></a:r></a:p></x:p></x:body></x:document>"#;
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(other.as_bytes());
        assert_eq!(
            read_docx(&package(&[("word/document.xml", &bom)])).expect("reads"),
            "W\n"
        );
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(
            document(&p(&r("Ünvan")))
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        );
        assert_eq!(
            read_docx(&package(&[("word/document.xml", &utf16)])).expect("reads"),
            "Ünvan\n"
        );
    }

    #[test]
    fn empty_document_gives_empty_text() {
        assert_eq!(read("", &[]), "");
        assert_eq!(read("<w:p/><w:p></w:p>", &[]), "");
    }

    #[test]
    fn not_a_zip() {
        assert!(matches!(
            read_docx(b"plain text, not a zip"),
            Err(DocxError::NotZip { .. })
        ));
        assert!(matches!(read_docx(&[]), Err(DocxError::NotZip { .. })));
        let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        ole.resize(512, 0);
        let err = read_docx(&ole).expect_err("an OLE file is not a .docx");
        assert!(matches!(err, DocxError::OleCompound));
        assert!(err.to_string().contains("legacy .doc"), "{err}");
    }

    #[test]
    fn no_main_document() {
        let bytes = package(&[("word/styles.xml", b"<w:styles/>")]);
        let err = read_docx(&bytes).expect_err("no document.xml");
        assert!(
            matches!(&err, DocxError::MissingDocument { part } if part == "word/document.xml"),
            "{err:?}"
        );
    }

    #[test]
    fn malformed_xml_names_part_and_offset() {
        let doc = document(&p(&r("ok")));
        let broken = format!("{}<w:p><w:r><w:t>x</w:r></w:p>", &doc[..doc.len() - 30]);
        let bytes = package(&[("word/document.xml", broken.as_bytes())]);
        match read_docx(&bytes) {
            Err(DocxError::MalformedXml { part, offset, .. }) => {
                assert_eq!(part, "word/document.xml");
                assert!(offset > 0 && offset <= broken.len() as u64, "{offset}");
            }
            other => panic!("expected malformed XML, got {other:?}"),
        }

        let doc = document(&p(&r("ok")));
        let footnotes = "<w:footnotes xmlns:w=\"x\"><w:footnote w:id=\"1\">";
        let bytes = package(&[
            ("word/document.xml", doc.as_bytes()),
            ("word/footnotes.xml", footnotes.as_bytes()),
        ]);
        let err = read_docx(&bytes).expect_err("truncated footnotes");
        assert!(
            matches!(&err, DocxError::MalformedXml { part, .. } if part == "word/footnotes.xml"),
            "{err:?}"
        );
        assert!(err.to_string().contains("word/footnotes.xml"), "{err}");

        let entity = document(&p(&r("&nbsp;")));
        let bytes = package(&[("word/document.xml", entity.as_bytes())]);
        let err = read_docx(&bytes).expect_err("undefined entity");
        assert!(err.to_string().contains("&nbsp;"), "{err}");

        let latin1 =
            b"<w:document><w:body><w:p><w:r><w:t>\xe7</w:t></w:r></w:p></w:body></w:document>";
        let bytes = package(&[("word/document.xml", latin1)]);
        assert!(matches!(
            read_docx(&bytes),
            Err(DocxError::MalformedXml { offset: 35, .. })
        ));

        let bytes = package(&[("word/document.xml", b"")]);
        assert!(matches!(
            read_docx(&bytes),
            Err(DocxError::MalformedXml { .. })
        ));
    }

    #[test]
    fn manager_fields_are_kept_with_their_results() {
        let body = [
            p(&[
                r("Bax "),
                fld("begin"),
                instr(" ADDIN ZOTERO_ITEM CSL_CITATION {&quot;citationItems&quot;:"),
                instr("[]} "),
                fld("separate"),
                r("(12, "),
                r("s.329)"),
                fld("end"),
                r(" və "),
                fld("begin"),
                instr(" PAGE "),
                fld("separate"),
                r("7"),
                fld("end"),
                r(" "),
                r#"<w:fldSimple w:instr=" CITATION Has12 \p 5 ">"#.to_owned(),
                r("(1, s. 5)"),
                "</w:fldSimple>".to_owned(),
            ]
            .concat()),
            // A list field whose result spans paragraphs, its end in one of
            // its own at the end of the body.
            p(&[
                fld("begin"),
                instr(" BIBLIOGRAPHY "),
                fld("separate"),
                r("1. Bir"),
            ]
            .concat()),
            p(&r("2. İki")),
            p(&fld("end")),
        ]
        .concat();
        let doc = document(&body);
        let bytes = package(&[("word/document.xml", doc.as_bytes())]);
        let e = read_docx_extracted(&bytes, MAX_PART_SIZE).expect("reads");
        assert_eq!(e.text, "Bax (12, s.329) və 7 (1, s. 5)\n1. Bir\n2. İki\n");
        assert_eq!(e.paragraphs, [0, 32, 39]);
        let fields: Vec<(&str, &str)> = e
            .fields
            .iter()
            .map(|f| (f.code.trim(), &e.text[f.result.clone()]))
            .collect();
        assert_eq!(
            fields,
            [
                (
                    r#"ADDIN ZOTERO_ITEM CSL_CITATION {"citationItems":[]}"#,
                    "(12, s.329)"
                ),
                (r"CITATION Has12 \p 5", "(1, s. 5)"),
                ("BIBLIOGRAPHY", "1. Bir\n2. İki"),
            ]
        );
        // Without manager fields the text is what it always was.
        assert_eq!(read_docx(&bytes).expect("reads"), e.text);
    }

    #[test]
    fn absurd_nesting_is_refused() {
        let deep = format!(
            "{}{}{}",
            "<w:smartTag>".repeat(70_000),
            r("x"),
            "</w:smartTag>".repeat(70_000)
        );
        let doc = document(&p(&deep));
        let bytes = package(&[("word/document.xml", doc.as_bytes())]);
        let err = read_docx(&bytes).expect_err("too deep");
        assert!(err.to_string().contains("nested more than"), "{err}");
        let ok = document(&p(&format!(
            "{}{}{}",
            "<w:smartTag>".repeat(1000),
            r("x"),
            "</w:smartTag>".repeat(1000)
        )));
        assert_eq!(
            read_docx(&package(&[("word/document.xml", ok.as_bytes())])).expect("reads"),
            "x\n"
        );
    }

    #[test]
    fn parts_larger_than_the_limit_are_refused() {
        // A zip bomb in miniature: 1 MB of zeros deflates to ~1 KB.
        let doc = document(&p(&r(&"0".repeat(1 << 20))));
        let bytes = package(&[("word/document.xml", doc.as_bytes())]);
        assert!(bytes.len() < 10_000);
        assert!(matches!(
            read_docx_with_limit(&bytes, 64 * 1024),
            Err(DocxError::TooLarge { part, limit: 65536 }) if part == "word/document.xml"
        ));
        assert!(read_docx_with_limit(&bytes, 2 << 20).is_ok());
    }

    #[test]
    fn corrupt_bytes_never_panic() {
        let base = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/manuscripts/docx/ru-mugan-snoski.docx"
        ))
        .expect("fixture exists");
        // A small xorshift, so the run is the same every time.
        let mut state = 0x2545_F491_4F6C_DD1D_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for round in 0..300 {
            let mut bytes = base.clone();
            match round % 3 {
                0 => bytes.truncate((next() % base.len() as u64) as usize),
                _ => {
                    for _ in 0..1 + next() % 8 {
                        let i = (next() % bytes.len() as u64) as usize;
                        bytes[i] = next() as u8;
                    }
                }
            }
            let _ = read_docx(&bytes);
        }
    }

    #[test]
    fn fixture_azerbaijani_reference_list() {
        let text = fixture("az-gilan-1920.docx");
        assert_lines(
            &text,
            &[
                "Giriş",
                "ƏDƏBİYYAT",
                "1. ARDA: f. 28. siy. 1. iş 72",
                "2. ARPİİSPDA: f. 609. siy. 1. iş 25, v. 3–7",
                "5. Генис В.Л. Красная Персия. Большевики в Гиляне. 1920–1921. Документальная хроника. М.: МНПИ, 2000.",
                "6. کاوه بیات (1388). توفان بر فراز قفقاز. تهران",
                "8. Kommunist (Bakı), 1920, 14 iyun, № 42.",
                "(3, s.45)",
                "[^1]: Ənzəli – indiki Bəndər-Ənzəli, Gilan ostanının əsas limanı.",
            ],
        );
        // The citation whose page is in italics, a run of its own.
        assert!(text.contains("göstərir (5, s.329). Bakı"), "{text}");
        assert!(text.contains("Ənzəli[^1] limanına"), "{text}");
        assert!(!text.lines().any(|l| l.starts_with("9. ")), "{text}");
    }

    #[test]
    fn fixture_russian_footnotes() {
        let text = fixture("ru-mugan-snoski.docx");
        assert_lines(
            &text,
            &[
                "Переселенческая политика на Мугани в начале XX века",
                "Список литературы",
                "1. Вольская Е.В. Переселенческое дело на Мугани. Баку, 1914.",
                "5. Swietochowski T. Russian Azerbaijan, 1905–1920. Cambridge: Cambridge University Press, 1985.",
                "1) изыскательский (1897–1902);",
                "a) обследование земель;",
                "b) отвод участков;",
                "2) массовое заселение (1903–1914).",
                "[^1]: ГАРФ. Ф. 130. Оп. 1. Д. 45. Л. 12–15 об.",
                "[^2]: РГИА. Ф. 391. Оп. 3. Д. 1127. Л. 4.",
                "[^3]: Там же. Л. 7 об.",
                "[^4]: ГААР. Ф. 45. Оп. 2. Д. 118. Л. 33.",
                "Копия хранится также в личном фонде составителя.",
                "[^5]: Отчёт цитируется по машинописной копии.",
            ],
        );
        // Tracked changes: the insertion shows, the deletion does not.
        assert!(text.contains("прибыли сюда в 1899 году"), "{text}");
        assert!(!text.contains("1898"), "{text}");
        assert!(text.contains("вплоть до 1918 г. [4, с. 118]."), "{text}");
        assert!(
            text.contains("см. электронный каталог архива[^4]."),
            "{text}"
        );
        // Footnotes after the body, endnotes after the footnotes.
        let body_end = text.find("5. Swietochowski").expect("list");
        let footnotes = text.find("[^1]: ГАРФ").expect("footnote");
        let endnotes = text.find("[^5]: Отчёт").expect("endnote");
        assert!(body_end < footnotes && footnotes < endnotes);
        assert!(text.contains("1985.\n\n[^1]: "), "{text}");
    }

    #[test]
    fn fixture_persian_rtl() {
        let text = fixture("fa-mohajerat-baku.docx");
        assert_lines(
            &text,
            &[
                "مقدمه",
                "منابع",
                "1. کاوه بیات (1388). توفان بر فراز قفقاز. تهران",
                "2. تورج اتابکی (1376). آذربایجان در ایران معاصر. تهران: توس.",
                "3. Chaqueri, C. (1995). The Soviet Socialist Republic of Iran, 1920–1921. Pittsburgh: University of Pittsburgh Press.",
            ],
        );
        // Zero-width non-joiners survive, the italic page joins its citation.
        assert!(text.contains("می\u{200c}شدند (۱، ص ۴۵)."), "{text}");
        assert!(text.contains("نقش ایفا کردند (3, p. 67)."), "{text}");
    }
}
