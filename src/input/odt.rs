//! Input: OpenDocument text (.odt) -> text, as `docx.rs` reads a .docx; the zip and XML plumbing is `docx.rs`'s.
//!
//! `content.xml` is read in document order: each `text:p` and `text:h` is a
//! line, table cells and text boxes included; `text:s` gives its count of
//! spaces, `text:tab` a tab, `text:line-break` a line break. List numbers,
//! which are not in the text, are rebuilt from the list styles of
//! `styles.xml` and `content.xml` (`text:list-level-style-number`:
//! `style:num-prefix`, `style:num-format` 1/a/A/i/I, `style:num-suffix`,
//! `text:start-value`): a `text:list` restarts its style's count unless it
//! continues a list (`text:continue-numbering`, `text:continue-list`),
//! and a `text:list-item`'s `text:start-value` sets it (ODF 1.2 §4.3,
//! §16.31). Notes (`text:note`, footnotes and endnotes alike) become
//! `[^N]` in the text, `N` counting them in order, and their bodies follow
//! the body as `[^N]: …`, as a .docx's do.

use std::collections::HashMap;

use super::docx::{DocxError, Item, Ns, Package, Xml, attr, join_blocks, letters, roman};

/// Text of an .odt: body paragraphs, then the notes, one paragraph per
/// line; with where each paragraph starts.
pub fn read_odt(bytes: &[u8], limit: u64) -> Result<(String, Vec<usize>), DocxError> {
    let mut pkg = Package::open(bytes, limit)?;
    let Some(content) = pkg.read("content.xml")? else {
        return Err(DocxError::MissingDocument {
            part: "content.xml".to_owned(),
        });
    };
    let mut styles = HashMap::new();
    if let Some(xml) = pkg.read("styles.xml")? {
        list_styles("styles.xml", &xml, &mut styles)?;
    }
    list_styles("content.xml", &content, &mut styles)?;
    let (body, notes) = read_content(&content, &styles)?;
    let notes: Vec<String> = notes
        .into_iter()
        .enumerate()
        .map(|(k, lines)| format!("[^{}]: {}", k + 1, lines.join("\n").trim_start()))
        .collect();
    Ok(join_blocks(vec![body, notes]))
}

/// How one level of a list style writes its number.
#[derive(Debug, Clone, Default)]
struct LevelStyle {
    prefix: String,
    format: String,
    suffix: String,
    start: u32,
}

impl LevelStyle {
    fn render(&self, n: u32) -> String {
        let number = match self.format.as_str() {
            "a" => letters(n).unwrap_or_else(|| n.to_string()),
            "A" => letters(n).map_or_else(|| n.to_string(), |s| s.to_uppercase()),
            "i" => roman(n).map_or_else(|| n.to_string(), |s| s.to_lowercase()),
            "I" => roman(n).unwrap_or_else(|| n.to_string()),
            _ => n.to_string(),
        };
        format!("{}{number}{} ", self.prefix, self.suffix)
    }
}

/// The deepest list level ODF numbers (levels 1 to 10).
const LEVELS: usize = 10;

type ListStyles = HashMap<String, [Option<LevelStyle>; LEVELS]>;

/// Collects the numbered levels of every `text:list-style` of one part.
fn list_styles(part: &str, xml: &str, out: &mut ListStyles) -> Result<(), DocxError> {
    let mut reader = Xml::new(part, xml);
    let mut current: Option<String> = None;
    while let Some(item) = reader.next()? {
        match item {
            Item::Start(Ns::Text, e) if e.local_name().as_ref() == b"list-style" => {
                current = attr(&e, b"name");
            }
            Item::End(Ns::Text, e) if e.local_name().as_ref() == b"list-style" => current = None,
            Item::Start(Ns::Text, e) | Item::Empty(Ns::Text, e)
                if e.local_name().as_ref() == b"list-level-style-number" =>
            {
                let (Some(name), Some(level)) = (
                    current.as_ref(),
                    attr(&e, b"level").and_then(|l| l.parse::<usize>().ok()),
                ) else {
                    continue;
                };
                let format = attr(&e, b"num-format").unwrap_or_default();
                if format.is_empty() || !(1..=LEVELS).contains(&level) {
                    continue;
                }
                let levels = out.entry(name.clone()).or_default();
                levels[level - 1] = Some(LevelStyle {
                    prefix: attr(&e, b"num-prefix").unwrap_or_default(),
                    format,
                    suffix: attr(&e, b"num-suffix").unwrap_or_default(),
                    start: attr(&e, b"start-value")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(1),
                });
            }
            _ => {}
        }
    }
    Ok(())
}

/// One open `text:list`: its style and whether its item has been numbered.
struct OpenList {
    style: Option<String>,
}

/// Reads `content.xml`: the body's lines and each note's lines.
fn read_content(
    xml: &str,
    styles: &ListStyles,
) -> Result<(Vec<String>, Vec<Vec<String>>), DocxError> {
    let mut reader = Xml::new("content.xml", xml);
    let mut body: Vec<String> = Vec::new();
    let mut notes: Vec<Vec<String>> = Vec::new();
    // Open notes: each one's number and lines.
    let mut open_notes: Vec<(usize, Vec<String>)> = Vec::new();
    let mut paragraphs: Vec<String> = Vec::new();
    let mut lists: Vec<OpenList> = Vec::new();
    let mut counters: HashMap<String, [Option<u32>; LEVELS]> = HashMap::new();
    let mut pending_number: Option<String> = None;
    // Inside `text:note-citation`: its mark is not body text.
    let mut in_citation = 0usize;
    while let Some(item) = reader.next()? {
        match item {
            Item::Start(Ns::Text, e) => match e.local_name().as_ref() {
                b"p" | b"h" => {
                    paragraphs.push(pending_number.take().unwrap_or_default());
                }
                b"list" => {
                    let style = attr(&e, b"style-name")
                        .or_else(|| lists.last().and_then(|l| l.style.clone()));
                    let continues = attr(&e, b"continue-numbering").as_deref() == Some("true")
                        || attr(&e, b"continue-list").is_some();
                    if lists.is_empty()
                        && !continues
                        && let Some(s) = &style
                    {
                        counters.remove(s);
                    }
                    lists.push(OpenList { style });
                }
                b"list-item" => {
                    let level = lists.len().clamp(1, LEVELS) - 1;
                    let style = lists.last().and_then(|l| l.style.clone());
                    let def = style
                        .as_ref()
                        .and_then(|s| styles.get(s))
                        .and_then(|levels| levels[level].clone());
                    if let (Some(style), Some(def)) = (style, def) {
                        let counter = counters.entry(style).or_insert([None; LEVELS]);
                        let set = attr(&e, b"start-value").and_then(|v| v.parse().ok());
                        let n = set.unwrap_or_else(|| {
                            counter[level].map_or(def.start, |n: u32| n.saturating_add(1))
                        });
                        counter[level] = Some(n);
                        for deeper in counter.iter_mut().skip(level + 1) {
                            *deeper = None;
                        }
                        pending_number = Some(def.render(n));
                    }
                }
                b"note" => {
                    notes.push(Vec::new());
                    let mark = format!("[^{}]", notes.len());
                    if let Some(p) = paragraphs.last_mut() {
                        p.push_str(&mark);
                    }
                    open_notes.push((notes.len() - 1, Vec::new()));
                }
                b"note-citation" => in_citation += 1,
                _ => {}
            },
            Item::Empty(Ns::Text, e) => {
                let Some(p) = paragraphs.last_mut() else {
                    continue;
                };
                match e.local_name().as_ref() {
                    b"s" => {
                        let n = attr(&e, b"c")
                            .and_then(|c| c.parse().ok())
                            .unwrap_or(1usize);
                        p.extend(std::iter::repeat_n(' ', n.min(1000)));
                    }
                    b"tab" => p.push('\t'),
                    b"line-break" => p.push('\n'),
                    _ => {}
                }
            }
            Item::End(Ns::Text, e) => match e.local_name().as_ref() {
                b"p" | b"h" => {
                    let line = paragraphs.pop().unwrap_or_default();
                    match (paragraphs.last_mut(), open_notes.last_mut()) {
                        // A paragraph inside a note or frame of a paragraph.
                        (_, Some((_, note))) => note.push(line),
                        (Some(outer), None) => {
                            outer.push(' ');
                            outer.push_str(&line);
                        }
                        (None, None) => body.push(line),
                    }
                }
                b"list" => {
                    lists.pop();
                }
                b"note" => {
                    // The note's number was taken when it opened.
                    if let Some((k, lines)) = open_notes.pop()
                        && let Some(slot) = notes.get_mut(k)
                    {
                        *slot = lines;
                    }
                }
                b"note-citation" => in_citation = in_citation.saturating_sub(1),
                _ => {}
            },
            Item::Text(t) if in_citation == 0 => {
                if let Some(p) = paragraphs.last_mut() {
                    p.push_str(&t);
                }
            }
            _ => {}
        }
    }
    Ok((body, notes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Cursor, Write};

    const NS: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0""#;

    fn odt(content: &str) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        zip.start_file("mimetype", stored).expect("entry");
        zip.write_all(b"application/vnd.oasis.opendocument.text")
            .expect("write");
        zip.start_file("content.xml", stored).expect("entry");
        zip.write_all(
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS}>{content}</office:document-content>"#
            )
            .as_bytes(),
        )
        .expect("write");
        zip.finish().expect("finish").into_inner()
    }

    #[test]
    fn paragraphs_lists_and_notes() {
        let content = r#"<office:automatic-styles><text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/></text:list-style></office:automatic-styles><office:body><office:text><text:h>Məqalə</text:h><text:p>Mətn<text:s text:c="2"/>(1, s. 5)<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Qeyd (2, v. 3)</text:p></text:note-body></text:note> son.</text:p><text:h>ƏDƏBİYYAT</text:h><text:list text:style-name="L1"><text:list-item><text:p>Birinci</text:p></text:list-item></text:list><text:p>ara</text:p><text:list text:style-name="L1" text:continue-numbering="true"><text:list-item><text:p>İkinci</text:p></text:list-item><text:list-item text:start-value="5"><text:p>Beşinci</text:p></text:list-item></text:list></office:text></office:body>"#;
        let (text, _) = read_odt(&odt(content), 1 << 20).expect("reads");
        assert_eq!(
            text,
            "Məqalə\nMətn  (1, s. 5)[^1] son.\nƏDƏBİYYAT\n1. Birinci\nara\n2. İkinci\n5. Beşinci\n\n[^1]: Qeyd (2, v. 3)\n"
        );
    }

    #[test]
    fn a_zip_without_content_is_refused() {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        zip.start_file("mimetype", zip::write::SimpleFileOptions::default())
            .expect("entry");
        zip.write_all(b"application/vnd.oasis.opendocument.text")
            .expect("write");
        let bytes = zip.finish().expect("finish").into_inner();
        assert!(matches!(
            read_odt(&bytes, 1 << 20),
            Err(DocxError::MissingDocument { .. })
        ));
    }
}
