//! Emit: a rendered list as a `.docx`, hand-written WordprocessingML (ECMA-376, Part 1).
//!
//! The smallest package Word and LibreOffice open: `[Content_Types].xml`,
//! the package relationship to `word/document.xml`, and the document: one
//! paragraph (`w:p`) an entry, one run (`w:r`) for each piece of one look,
//! `w:i`, `w:b` and `w:smallCaps` in its properties (§17.3.2), text in
//! `w:t xml:space="preserve"` so spaces at a run's edges survive. The text
//! is the plain list's, character for character.

use std::io::{Cursor, Write};

use zip::ZipWriter;
use zip::write::SimpleFileOptions;

use super::markup::{properties, xml_escape};
use super::output_error;
use super::text::Line;
use crate::error::Error;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
"#;

const RELATIONSHIPS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
"#;

/// `word/document.xml` for `lines`.
fn document(lines: &[Line]) -> String {
    let mut out = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#,
    );
    for line in lines {
        out.push_str("<w:p>");
        for run in line {
            if run.text.is_empty() {
                continue;
            }
            out.push_str("<w:r>");
            let look = properties(run, ["<w:b/>", "<w:i/>", "<w:smallCaps/>"]);
            if !look.is_empty() {
                out.push_str("<w:rPr>");
                out.push_str(&look);
                out.push_str("</w:rPr>");
            }
            out.push_str("<w:t xml:space=\"preserve\">");
            out.push_str(&xml_escape(&run.text));
            out.push_str("</w:t></w:r>");
        }
        out.push_str("</w:p>");
    }
    out.push_str("<w:sectPr/></w:body></w:document>\n");
    out
}

/// The list as the bytes of a `.docx` file.
pub(crate) fn to_docx(lines: &[Line]) -> Result<Vec<u8>, Error> {
    let fail = |e: &dyn std::fmt::Display| output_error("a .docx", e);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default();
    for (name, body) in [
        ("[Content_Types].xml", CONTENT_TYPES.to_string()),
        ("_rels/.rels", RELATIONSHIPS.to_string()),
        ("word/document.xml", document(lines)),
    ] {
        zip.start_file(name, options).map_err(|e| fail(&e))?;
        zip.write_all(body.as_bytes()).map_err(|e| fail(&e))?;
    }
    let cursor = zip.finish().map_err(|e| fail(&e))?;
    Ok(cursor.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emit::text::Run;

    #[test]
    fn runs_keep_their_look_and_spaces() {
        let line = vec![
            Run {
                text: "1. Əliyev R. ".into(),
                ..Run::default()
            },
            Run {
                text: "Tarix & <siyasət> ".into(),
                italic: true,
                ..Run::default()
            },
        ];
        let xml = document(&[line]);
        assert!(xml.contains(
            "<w:r><w:rPr><w:i/></w:rPr><w:t xml:space=\"preserve\">Tarix &amp; &lt;siyasət&gt; </w:t></w:r>"
        ));
        assert!(xml.contains("<w:t xml:space=\"preserve\">1. Əliyev R. </w:t>"));
    }

    #[test]
    fn the_package_is_a_zip_with_the_three_parts() {
        let bytes = to_docx(&[]).expect("written");
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
        for name in ["[Content_Types].xml", "_rels/.rels", "word/document.xml"] {
            assert!(archive.by_name(name).is_ok(), "{name}");
        }
    }
}
