//! Input: bytes -> [`Source`]; the only place that knows file formats (text, Markdown, .docx, .odt).

mod docx;
mod managers;
mod odt;

use std::io::Read;
use std::path::Path;

use crate::error::Error;
use crate::source::Source;

/// The formats istinad reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// UTF-8 plain text.
    Text,
    /// UTF-8 Markdown (read as text; markup is tolerated by every parser).
    Markdown,
    /// Office Open XML word processing (.docx): paragraphs, then footnotes
    /// and endnotes, become lines of text; Word's automatic list numbers are
    /// written out.
    Docx,
    /// OpenDocument text (.odt, LibreOffice's own): read as a .docx is,
    /// paragraphs, list numbers, then notes.
    Odt,
}

impl Format {
    /// Guesses the format from the file name and the first bytes.
    pub fn detect(name: &str, bytes: &[u8]) -> Format {
        let lower = name.to_ascii_lowercase();
        // ODF stores its media type first, uncompressed (ODF 1.2 Part 3 §3.3).
        let odf = bytes.get(30..38) == Some(b"mimetype")
            && bytes
                .get(38..38 + 39)
                .is_some_and(|m| m == b"application/vnd.oasis.opendocument.text");
        if lower.ends_with(".odt") || odf {
            Format::Odt
        } else if lower.ends_with(".docx") || bytes.starts_with(b"PK\x03\x04") {
            Format::Docx
        } else if lower.ends_with(".md") || lower.ends_with(".markdown") {
            Format::Markdown
        } else {
            Format::Text
        }
    }
}

/// Largest input read, in bytes. A manuscript is far smaller; this bounds
/// memory on a wrong file.
pub const MAX_INPUT: usize = 256 * 1024 * 1024;

/// Reads a file into a [`Source`].
pub fn read_path(path: &Path) -> Result<Source, Error> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|source| Error::Io {
        path: name.clone(),
        source,
    })?;
    // Room for the whole file at once: grown by doubling, the buffer of a
    // 96 MB list took 128 MB (issue 12).
    let size = file.metadata().map_or(0, |m| m.len() as usize);
    read_into(&name, file, Vec::with_capacity(size.min(MAX_INPUT) + 1))
}

/// Reads at most [`MAX_INPUT`] bytes from `reader` (a file, or the
/// standard input the binary hands over) into a [`Source`] named `name`.
pub fn read_from(name: &str, reader: impl Read) -> Result<Source, Error> {
    read_into(name, reader, Vec::new())
}

/// [`read_from`] into `bytes`, which a plain text becomes without a copy.
fn read_into(name: &str, reader: impl Read, mut bytes: Vec<u8>) -> Result<Source, Error> {
    reader
        .take(MAX_INPUT as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Io {
            path: name.to_string(),
            source,
        })?;
    if bytes.len() > MAX_INPUT {
        return Err(Error::Io {
            path: name.to_string(),
            source: std::io::Error::other(format!(
                "larger than the {} MiB istinad reads",
                MAX_INPUT / (1024 * 1024)
            )),
        });
    }
    if matches!(
        Format::detect(name, &bytes),
        Format::Text | Format::Markdown
    ) {
        return text_source(name, bytes);
    }
    read_bytes(name, &bytes)
}

/// Decodes the bytes of a file named `name` into a [`Source`].
///
/// Text is kept byte for byte (a UTF-8 BOM and CR/CRLF line ends stay in the
/// text, so spans are offsets into the file); invalid UTF-8 is an error that
/// names the byte offset; NUL bytes mark a binary file. A .docx is converted
/// to text first, and spans are then offsets into that text.
pub fn read_bytes(name: &str, bytes: &[u8]) -> Result<Source, Error> {
    match Format::detect(name, bytes) {
        Format::Docx | Format::Odt => {
            let docx_error = |e: docx::DocxError| Error::Docx {
                path: name.to_string(),
                message: e.to_string(),
            };
            if Format::detect(name, bytes) == Format::Odt {
                let (text, paragraphs) =
                    odt::read_odt(bytes, docx::MAX_PART_SIZE).map_err(docx_error)?;
                return Ok(Source::new(name, text)
                    .extracted()
                    .with_paragraphs(paragraphs));
            }
            let extracted =
                docx::read_docx_extracted(bytes, docx::MAX_PART_SIZE).map_err(docx_error)?;
            let managed = managers::read(&extracted);
            Ok(Source::new(name, extracted.text)
                .extracted()
                .with_paragraphs(extracted.paragraphs)
                .with_managed(managed))
        }
        Format::Text | Format::Markdown => text_source(name, bytes.to_vec()),
    }
}

/// A plain or Markdown text from its bytes, taken as the text (no copy):
/// UTF-8 without NUL bytes.
fn text_source(name: &str, bytes: Vec<u8>) -> Result<Source, Error> {
    if let Some(order) = utf16(&bytes) {
        return Err(Error::Utf16 {
            path: name.to_string(),
            order: order.to_string(),
        });
    }
    let text = String::from_utf8(bytes).map_err(|e| Error::Encoding {
        path: name.to_string(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    if let Some(offset) = text.find('\0') {
        return Err(Error::Binary {
            path: name.to_string(),
            offset,
        });
    }
    Ok(Source::new(name, text))
}

/// Whether `bytes` look like UTF-16, and in which byte order. A byte-order
/// mark says so; without one, text that is not UTF-8 (or has NUL bytes) is
/// UTF-16 when many of its 16-bit units are an ASCII character (space,
/// digit, punctuation, line end, common in every script's text) with a zero
/// byte on one side and hardly any on the other.
fn utf16(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return Some("little endian, with a byte-order mark");
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return Some("big endian, with a byte-order mark");
    }
    if std::str::from_utf8(bytes).is_ok_and(|t| !t.contains('\0')) {
        return None;
    }
    let head = &bytes[..bytes.len().min(4096) & !1];
    let units = head.len() / 2;
    if units < 2 {
        return None;
    }
    let ascii = |b: u8| b.is_ascii() && b != 0;
    let (mut le, mut be) = (0, 0);
    for pair in head.chunks_exact(2) {
        le += usize::from(ascii(pair[0]) && pair[1] == 0);
        be += usize::from(pair[0] == 0 && ascii(pair[1]));
    }
    // At least four, one unit in twenty, ten times more than the other order.
    if le >= 4 && le * 20 >= units && le > be * 10 {
        Some("little endian, without a byte-order mark")
    } else if be >= 4 && be * 20 >= units && be > le * 10 {
        Some("big endian, without a byte-order mark")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_is_named_with_or_without_a_bom() {
        let le: Vec<u8> = "Mətn (1).\n## Литература\n1. Ali. Bakı, 2000.\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "Текст (1).\n1. Гасанлы Дж. М., 2011.\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        for (bytes, order) in [
            ([&[0xFF, 0xFE][..], &le].concat(), "little endian, with"),
            (le.clone(), "little endian, without"),
            ([&[0xFE, 0xFF][..], &be].concat(), "big endian, with"),
            (be.clone(), "big endian, without"),
        ] {
            let err = read_bytes("x.txt", &bytes).expect_err("utf-16");
            assert!(matches!(err, Error::Utf16 { .. }), "{err}");
            assert!(err.to_string().contains(order), "{err}");
        }
        // Binary and Windows-1251 are not taken for UTF-16.
        assert!(matches!(
            read_bytes("x.bin", b"ab\0\0\0\0cd\xff\xfe\x00"),
            Err(Error::Binary { .. } | Error::Encoding { .. })
        ));
        assert!(matches!(
            read_bytes("x.txt", b"\xd2\xe5\xea\xf1\xf2 (1)."),
            Err(Error::Encoding { .. })
        ));
    }

    #[test]
    fn invalid_utf8_names_the_offset() {
        let err = read_bytes("x.txt", b"abc\xffdef").expect_err("invalid");
        assert!(matches!(err, Error::Encoding { offset: 3, .. }), "{err}");
        assert!(err.to_string().contains("byte offset 3"));
    }

    #[test]
    fn bom_and_line_ends_are_kept() {
        let src = read_bytes("x.md", "\u{feff}a\r\nb".as_bytes()).expect("valid");
        assert_eq!(src.text(), "\u{feff}a\r\nb");
    }

    #[test]
    fn nul_bytes_are_binary() {
        let err = read_bytes("x.bin", b"ab\0cd").expect_err("binary");
        assert!(matches!(err, Error::Binary { offset: 2, .. }));
    }
}
