//! Emit: a rendered list as Markdown, HTML or RTF, italics and small caps kept.
//!
//! The entries are the styled runs `text.rs` renders (the same text as the
//! plain list, character for character, direction isolates included), each
//! written with its format's own markup:
//!
//! | look       | Markdown (pandoc)        | HTML                                   | RTF (1.9.1)   |
//! |------------|--------------------------|----------------------------------------|---------------|
//! | italic     | `*…*`                    | `<i>`                                  | `\i`          |
//! | bold       | `**…**`                  | `<b>`                                  | `\b`          |
//! | small caps | `[…]{.smallcaps}`        | `<span style="font-variant:small-caps">` | `\scaps`    |
//!
//! Markdown puts one entry in a paragraph and escapes what Markdown would
//! read as markup (`1.` at a line's start would become a list item).

use super::text::{Line, Run};

/// The list as Markdown (pandoc's dialect for small caps), one paragraph an entry.
pub(crate) fn to_markdown(lines: &[Line]) -> String {
    let mut out = String::new();
    for (n, line) in lines.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let mut entry = String::new();
        for run in line {
            let text = markdown_escape(&run.text);
            wrap(&mut entry, &text, run, &MARKDOWN);
        }
        // `1. Title` would open an ordered list: escape the period.
        let digits = entry.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && entry[digits..].starts_with(". ") {
            entry.insert(digits, '\\');
        }
        out.push_str(&entry);
        out.push('\n');
    }
    out
}

/// A format's opening and closing marks for each look.
struct Marks {
    italic: (&'static str, &'static str),
    bold: (&'static str, &'static str),
    small_caps: (&'static str, &'static str),
}

const MARKDOWN: Marks = Marks {
    italic: ("*", "*"),
    bold: ("**", "**"),
    small_caps: ("[", "]{.smallcaps}"),
};

const HTML: Marks = Marks {
    italic: ("<i>", "</i>"),
    bold: ("<b>", "</b>"),
    small_caps: ("<span style=\"font-variant:small-caps\">", "</span>"),
};

/// Writes `text` with the run's marks around its non-blank middle:
/// Markdown and HTML emphasis must not start or end with a space.
fn wrap(out: &mut String, text: &str, run: &Run, marks: &Marks) {
    let start = text.len() - text.trim_start().len();
    let end = text.trim_end().len().max(start);
    out.push_str(&text[..start]);
    if end > start {
        let looks = [
            (run.italic, marks.italic),
            (run.bold, marks.bold),
            (run.small_caps, marks.small_caps),
        ];
        for (on, (open, _)) in looks {
            if on {
                out.push_str(open);
            }
        }
        out.push_str(&text[start..end]);
        for (on, (_, close)) in looks.into_iter().rev() {
            if on {
                out.push_str(close);
            }
        }
    }
    out.push_str(&text[end..]);
}

fn markdown_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '[' | ']' | '`' | '<' | '>' | '#' | '|' | '{' | '}' | '~' | '^'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The list as an HTML document: one `<p>` an entry, direction by its text.
pub(crate) fn to_html(lines: &[Line]) -> String {
    let mut out = String::from(
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>References</title>\n</head>\n<body>\n<div class=\"csl-bib-body\">\n",
    );
    for line in lines {
        out.push_str("<p class=\"csl-entry\" dir=\"auto\">");
        out.push_str(&html_entry(line));
        out.push_str("</p>\n");
    }
    out.push_str("</div>\n</body>\n</html>\n");
    out
}

/// One entry's runs as HTML inline markup (also what `istinad serve` shows).
pub(crate) fn html_entry(line: &[Run]) -> String {
    let mut out = String::new();
    for run in line {
        let text = xml_escape(&run.text);
        wrap(&mut out, &text, run, &HTML);
    }
    out
}

/// Escapes HTML's and XML's specials; characters XML 1.0 cannot hold (C0
/// controls but tab, line feed and return) become U+FFFD.
pub(crate) fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            _ => out.push(c),
        }
    }
    out
}

/// The run's look as a format's property words, bold, italic, small caps
/// in that order (the order WordprocessingML's `w:rPr` requires).
pub(crate) fn properties(run: &Run, [bold, italic, small_caps]: [&str; 3]) -> String {
    [
        (run.bold, bold),
        (run.italic, italic),
        (run.small_caps, small_caps),
    ]
    .into_iter()
    .filter_map(|(on, word)| on.then_some(word))
    .collect()
}

/// The list as RTF 1.9.1 (Word, LibreOffice, TextEdit): one paragraph an
/// entry; every character outside ASCII as `\uN?` (signed 16-bit units,
/// surrogate pairs beyond the BMP, RTF 1.9.1 "Unicode RTF").
pub(crate) fn to_rtf(lines: &[Line]) -> String {
    let mut out =
        String::from("{\\rtf1\\ansi\\ansicpg1252\\uc1\\deff0{\\fonttbl{\\f0 Times New Roman;}}\n");
    for line in lines {
        out.push_str("{\\pard\\plain\\f0\\fs24 ");
        for run in line {
            let open = properties(run, ["\\b", "\\i", "\\scaps"]);
            if open.is_empty() {
                out.push_str(&rtf_escape(&run.text));
            } else {
                out.push('{');
                out.push_str(&open);
                out.push(' ');
                out.push_str(&rtf_escape(&run.text));
                out.push('}');
            }
        }
        out.push_str("\\par}\n");
    }
    out.push_str("}\n");
    out
}

fn rtf_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            _ => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    // RTF's \u takes a signed 16-bit number.
                    out.push_str(&format!("\\u{}?", *unit as i16));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, italic: bool, small_caps: bool) -> Run {
        Run {
            text: text.into(),
            italic,
            bold: false,
            small_caps,
        }
    }

    fn line() -> Line {
        vec![
            run("1. Smith J. ", false, false),
            run("A *Title* ", true, false),
            run("Ibid", false, true),
            run(". Bakı — Ə.", false, false),
        ]
    }

    #[test]
    fn markdown_marks_italics_and_small_caps_and_escapes() {
        assert_eq!(
            to_markdown(&[line()]),
            "1\\. Smith J. *A \\*Title\\** [Ibid]{.smallcaps}. Bakı — Ə.\n"
        );
    }

    #[test]
    fn html_marks_and_escapes() {
        assert_eq!(
            html_entry(&[run("a<b ", true, false), run("& c", false, true)]),
            "<i>a&lt;b</i> <span style=\"font-variant:small-caps\">&amp; c</span>"
        );
    }

    #[test]
    fn rtf_writes_unicode_escapes() {
        let rtf = to_rtf(&[line()]);
        assert!(rtf.contains("{\\i A *Title* }"), "{rtf}");
        assert!(rtf.contains("{\\scaps Ibid}"), "{rtf}");
        // ı U+0131, Ə U+018F; 𝔸 U+1D538 is a surrogate pair.
        assert!(rtf.contains("Bak\\u305?"), "{rtf}");
        assert!(rtf.contains("\\u399?."), "{rtf}");
        assert_eq!(rtf_escape("𝔸"), "\\u-10187?\\u-8904?");
    }
}
