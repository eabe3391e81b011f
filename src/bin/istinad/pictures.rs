//! CLI: what `serve`'s page shows besides the findings — the text marked up as HTML, and three pictures drawn as inline SVG.
//!
//! Drawn here, by hand: three small charts need no plotting crate, and a
//! string of SVG elements is what the page puts in place (no script from
//! elsewhere draws anything).

use std::collections::BTreeSet;
use std::fmt::Write as _;

use istinad::diagnostic::Severity;
use istinad::model::{Calendar, Reference};
use istinad::{Citation, Report, Source, Span};

/// `&`, `<`, `>`, `"` and `'` escaped for HTML text and attributes.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// What a stretch of text is part of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Mark {
    /// An entry of the list, by number.
    Entry(u32),
    /// A citation, by index.
    Cite(usize),
    /// A finding, by index, and its severity.
    Finding(usize, Severity),
}

/// A span made visible: a zero-length one covers the character after it
/// (or before it, at the end of the text).
fn visible(text: &str, span: &Span) -> Option<(usize, usize)> {
    let len = text.len();
    let (mut start, mut end) = (span.start.min(len), span.end.min(len));
    if start > end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return None;
    }
    if start == end {
        if let Some(c) = text[end..].chars().next().filter(|&c| c != '\n') {
            end += c.len_utf8();
        } else if let Some(c) = text[..start].chars().next_back() {
            start -= c.len_utf8();
        } else {
            return None;
        }
    }
    Some((start, end))
}

/// The text as HTML: one `<div dir="auto">` a line (so a Persian line reads
/// right to left), every citation, entry and finding a `<span>` whose
/// classes name what covers it (`cite`, `entry`, `finding sev-warning`) and
/// whose `data-f` lists the findings' indexes in the check's JSON.
pub fn marked_text(source: &Source, report: &Report) -> String {
    let text = source.text();
    let mut marks: Vec<(usize, usize, Mark)> = Vec::new();
    for r in &report.references {
        if let Some((s, e)) = visible(text, &r.span) {
            marks.push((s, e, Mark::Entry(r.number)));
        }
    }
    for (i, c) in report.citations.iter().enumerate() {
        if let Some((s, e)) = visible(text, &c.span) {
            marks.push((s, e, Mark::Cite(i)));
        }
    }
    for (i, d) in report.diagnostics.iter().enumerate() {
        if let Some((s, e)) = visible(text, &d.span) {
            marks.push((s, e, Mark::Finding(i, d.severity)));
        }
    }
    marks.sort();
    let mut cuts: BTreeSet<usize> = [0, text.len()].into();
    for &(s, e, _) in &marks {
        cuts.insert(s);
        cuts.insert(e);
    }
    for (i, _) in text.match_indices('\n') {
        cuts.insert(i);
        cuts.insert(i + 1);
    }
    let cuts: Vec<usize> = cuts.into_iter().collect();
    let mut html = String::with_capacity(text.len() * 2);
    html.push_str("<div dir=\"auto\" class=\"line\">");
    let mut next = 0;
    let mut active: Vec<(usize, Mark)> = Vec::new();
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        active.retain(|&(end, _)| end > a);
        while next < marks.len() && marks[next].0 <= a {
            let (start, end, mark) = marks[next];
            if start == a && end > a {
                match mark {
                    Mark::Entry(n) => {
                        let _ = write!(html, "<a class=\"anchor\" id=\"entry-{n}\"></a>");
                    }
                    Mark::Finding(i, _) => {
                        let _ = write!(html, "<a class=\"anchor\" id=\"f-{i}\"></a>");
                    }
                    Mark::Cite(_) => {}
                }
                active.push((end, mark));
            }
            next += 1;
        }
        let piece = &text[a..b];
        if piece == "\n" {
            html.push_str("</div><div dir=\"auto\" class=\"line\">");
            continue;
        }
        if active.is_empty() {
            html.push_str(&esc(piece));
            continue;
        }
        let mut classes = BTreeSet::new();
        let mut findings = Vec::new();
        let mut attrs = String::new();
        for &(_, mark) in &active {
            match mark {
                Mark::Entry(n) => {
                    classes.insert("entry".to_string());
                    let _ = write!(attrs, " data-entry=\"{n}\"");
                }
                Mark::Cite(i) => {
                    classes.insert("cite".to_string());
                    let _ = write!(attrs, " data-cite=\"{i}\"");
                }
                Mark::Finding(i, severity) => {
                    classes.insert("finding".to_string());
                    classes.insert(format!("sev-{}", severity_name(severity)));
                    findings.push(i.to_string());
                }
            }
        }
        if !findings.is_empty() {
            let _ = write!(attrs, " data-f=\"{}\"", findings.join(" "));
        }
        let classes: Vec<String> = classes.into_iter().collect();
        let _ = write!(
            html,
            "<span class=\"{}\"{attrs}>{}</span>",
            classes.join(" "),
            esc(piece)
        );
    }
    html.push_str("</div>");
    html
}

fn severity_name(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

/// The Solar Hijri year in which most of Gregorian `year` falls (from
/// Nowruz, 20 or 21 March, on: Gregorian year − 621).
fn solar_hijri(year: i32) -> i32 {
    year - 621
}

/// A step of 1, 2, 5, 10, 20, 50… years giving at most `bars` bars over
/// `span` years.
fn step(span: i32, bars: i32) -> i32 {
    let mut unit = 1;
    loop {
        for m in [1, 2, 5] {
            if span / (unit * m) < bars {
                return unit * m;
            }
        }
        unit *= 10;
    }
}

/// The list's years as a histogram: bars by Gregorian year, each stacked
/// by the calendar the entry printed its year in; the axis names each
/// tick's Gregorian year and, under it, its Solar Hijri year.
pub fn years(references: &[Reference]) -> String {
    let dated: Vec<(i32, Option<Calendar>, u32)> = references
        .iter()
        .filter_map(|r| {
            r.year
                .map(|y| (y, r.original_year.map(|o| o.calendar), r.number))
        })
        .collect();
    let (Some(min), Some(max)) = (
        dated.iter().map(|d| d.0).min(),
        dated.iter().map(|d| d.0).max(),
    ) else {
        return empty("No entry names a year.");
    };
    let step = step(max - min + 1, 40);
    let first = min.div_euclid(step) * step;
    let count = ((max - first) / step + 1) as usize;
    // [gregorian, solar hijri, lunar hijri] per bar, and the entries.
    let mut bins = vec![([0u32; 3], Vec::new()); count];
    for &(y, calendar, number) in &dated {
        let bin = &mut bins[((y - first) / step) as usize];
        let k = match calendar {
            None => 0,
            Some(Calendar::SolarHijri) => 1,
            Some(Calendar::LunarHijri) => 2,
        };
        bin.0[k] += 1;
        bin.1.push(number);
    }
    let tallest = bins
        .iter()
        .map(|b| b.0.iter().sum::<u32>())
        .max()
        .unwrap_or(1)
        .max(1);
    let (left, top, plot_h) = (36.0, 24.0, 160.0);
    let bar_w = (560.0 / count as f64).clamp(4.0, 28.0);
    let width = left + bar_w * count as f64 + 16.0;
    let height = top + plot_h + 52.0;
    let mut svg = open_svg(width, height, "Years of the list's entries");
    let _ = write!(
        svg,
        "<text class=\"legend\" x=\"{left}\" y=\"14\"><tspan class=\"g\">■</tspan> Gregorian  <tspan class=\"sh\">■</tspan> Solar Hijri  <tspan class=\"lh\">■</tspan> lunar Hijri</text>"
    );
    for (i, (counts, numbers)) in bins.iter().enumerate() {
        let x = left + bar_w * i as f64;
        let mut y = top + plot_h;
        let from = first + step * i as i32;
        let label = if step == 1 {
            format!("{from}")
        } else {
            format!("{from}–{}", from + step - 1)
        };
        for (k, class) in ["g", "sh", "lh"].iter().enumerate() {
            if counts[k] == 0 {
                continue;
            }
            let h = plot_h * f64::from(counts[k]) / f64::from(tallest);
            y -= h;
            let _ = write!(
                svg,
                "<rect class=\"{class}\" x=\"{x:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{h:.1}\"><title>{label} ({} SH): {} entr{} ({}); entries {}</title></rect>",
                (bar_w - 1.0).max(1.0),
                solar_hijri(from),
                counts[k],
                if counts[k] == 1 { "y" } else { "ies" },
                ["Gregorian", "Solar Hijri", "lunar Hijri"][k],
                numbers
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
    }
    // Ticks: about eight labelled, Gregorian above, Solar Hijri below.
    let every = count.div_ceil(8).max(1);
    for i in (0..count).step_by(every) {
        let x = left + bar_w * i as f64 + bar_w / 2.0;
        let year = first + step * i as i32;
        let base = top + plot_h;
        let _ = write!(
            svg,
            "<line class=\"tick\" x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{base}\" y2=\"{:.1}\"/><text class=\"axis\" x=\"{x:.1}\" y=\"{:.1}\">{year}</text><text class=\"axis sh\" x=\"{x:.1}\" y=\"{:.1}\">{} SH</text>",
            base + 4.0,
            base + 16.0,
            base + 30.0,
            solar_hijri(year)
        );
    }
    let _ = write!(
        svg,
        "<line class=\"axis-line\" x1=\"{left}\" x2=\"{:.1}\" y1=\"{:.1}\" y2=\"{:.1}\"/><text class=\"axis\" x=\"{:.1}\" y=\"{:.1}\">{tallest}</text><text class=\"caption\" x=\"{left}\" y=\"{:.1}\">{} of {} entries dated; one bar = {step} year{}</text></svg>",
        width - 16.0,
        top + plot_h,
        top + plot_h,
        left - 16.0,
        top + 4.0,
        height - 4.0,
        dated.len(),
        references.len(),
        if step == 1 { "" } else { "s" }
    );
    svg
}

/// Most rows drawn in the "how often cited" picture.
const ROWS: usize = 400;

/// How often each entry is cited: one bar a row; an entry never cited is a
/// red row that says so.
pub fn cited(references: &[Reference], citations: &[Citation]) -> String {
    if references.is_empty() {
        return empty("No reference list was found.");
    }
    let mut counts = std::collections::HashMap::<u32, u32>::new();
    for c in citations {
        for item in &c.items {
            if let Some(n) = item.reference {
                *counts.entry(n).or_default() += 1;
            }
        }
    }
    let most = counts.values().copied().max().unwrap_or(1).max(1);
    let shown = references.len().min(ROWS);
    let never = references
        .iter()
        .filter(|r| !counts.contains_key(&r.number))
        .count();
    let (left, row, plot_w) = (44.0, 14.0, 420.0);
    let height = 22.0 + row * shown as f64 + 24.0;
    let width = left + plot_w + 120.0;
    let mut svg = open_svg(width, height, "How often each entry is cited");
    for (i, r) in references.iter().take(ROWS).enumerate() {
        let y = 18.0 + row * i as f64;
        let n = counts.get(&r.number).copied().unwrap_or(0);
        let title = esc(&r.raw.chars().take(120).collect::<String>());
        if n == 0 {
            let _ = write!(
                svg,
                "<g class=\"never\"><rect class=\"row-never\" x=\"0\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{:.1}\"/><text class=\"label\" x=\"{:.1}\" y=\"{:.1}\">{}</text><text class=\"never-text\" x=\"{left}\" y=\"{:.1}\">never cited<title>{title}</title></text></g>",
                width,
                row - 2.0,
                left - 6.0,
                y + row - 5.0,
                r.number,
                y + row - 5.0
            );
        } else {
            let w = plot_w * f64::from(n) / f64::from(most);
            let _ = write!(
                svg,
                "<text class=\"label\" x=\"{:.1}\" y=\"{:.1}\">{}</text><rect class=\"bar\" x=\"{left}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{:.1}\"><title>entry {}: cited {n} time{} — {title}</title></rect><text class=\"count\" x=\"{:.1}\" y=\"{:.1}\">{n}</text>",
                left - 6.0,
                y + row - 5.0,
                r.number,
                row - 2.0,
                r.number,
                if n == 1 { "" } else { "s" },
                left + w + 4.0,
                y + row - 5.0
            );
        }
    }
    let more = if references.len() > ROWS {
        format!("; the first {ROWS} drawn")
    } else {
        String::new()
    };
    let _ = write!(
        svg,
        "<text class=\"caption\" x=\"0\" y=\"12\">times cited, by entry</text><text class=\"caption\" x=\"0\" y=\"{:.1}\">{} entries, {never} never cited{more}</text></svg>",
        height - 6.0,
        references.len()
    );
    svg
}

/// Where along the text the citations fall: each citation a dot at its
/// place in the text (across) and the entry it cites (down); a citation
/// with a finding is red, the list itself a shaded band.
pub fn positions(source: &Source, report: &Report) -> String {
    let len = source.text().len().max(1) as f64;
    if report.citations.is_empty() {
        return empty("No citations were found in the text.");
    }
    let most = report
        .references
        .iter()
        .map(|r| r.number)
        .chain(
            report
                .citations
                .iter()
                .flat_map(|c| c.items.iter().filter_map(|i| i.reference)),
        )
        .max()
        .unwrap_or(1)
        .max(1);
    let (left, top, plot_w, plot_h) = (40.0, 12.0, 620.0, 180.0);
    let width = left + plot_w + 12.0;
    let height = top + plot_h + 40.0;
    let x_of = |offset: usize| left + plot_w * offset as f64 / len;
    let mut svg = open_svg(width, height, "Where the citations fall along the text");
    if let (Some(first), Some(last)) = (report.references.first(), report.references.last()) {
        let (a, b) = (x_of(first.span.start), x_of(last.span.end));
        let _ = write!(
            svg,
            "<rect class=\"list-band\" x=\"{a:.1}\" y=\"{top}\" width=\"{:.1}\" height=\"{plot_h}\"><title>the reference list</title></rect><text class=\"axis\" x=\"{:.1}\" y=\"{:.1}\">list</text>",
            (b - a).max(1.0),
            (a + b) / 2.0,
            top + 10.0
        );
    }
    let flagged: Vec<(usize, usize)> = report
        .diagnostics
        .iter()
        .map(|d| (d.span.start, d.span.end))
        .collect();
    for c in &report.citations {
        let x = x_of(c.span.start);
        let bad = flagged
            .iter()
            .any(|&(s, e)| s < c.span.end.max(c.span.start + 1) && e.max(s + 1) > c.span.start);
        let class = if bad { "dot bad" } else { "dot" };
        let (line, _) = source.line_col(c.span.start);
        let numbers: Vec<u32> = c.items.iter().filter_map(|i| i.reference).collect();
        let _ = write!(
            svg,
            "<line class=\"rug {class}\" x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{:.1}\" y2=\"{:.1}\"/>",
            top + plot_h,
            top + plot_h + 8.0
        );
        let title = format!("line {line}: {}", esc(&c.text));
        if numbers.is_empty() {
            continue;
        }
        for n in numbers {
            let y = top + plot_h - plot_h * f64::from(n) / f64::from(most);
            let _ = write!(
                svg,
                "<circle class=\"{class}\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"3\"><title>{title}</title></circle>"
            );
        }
    }
    let _ = write!(
        svg,
        "<line class=\"axis-line\" x1=\"{left}\" x2=\"{:.1}\" y1=\"{:.1}\" y2=\"{:.1}\"/><text class=\"axis\" x=\"{left}\" y=\"{:.1}\">start</text><text class=\"axis\" x=\"{:.1}\" y=\"{:.1}\">end of the text</text><text class=\"axis\" x=\"{:.1}\" y=\"{:.1}\">{most}</text><text class=\"axis\" x=\"{:.1}\" y=\"{:.1}\">1</text><text class=\"caption\" x=\"0\" y=\"{:.1}\">{} citations; across: place in the text, down: entry cited</text></svg>",
        left + plot_w,
        top + plot_h + 8.0,
        top + plot_h + 8.0,
        top + plot_h + 20.0,
        left + plot_w - 40.0,
        top + plot_h + 20.0,
        left - 14.0,
        top + 4.0,
        left - 14.0,
        top + plot_h,
        height - 4.0,
        report.citations.len()
    );
    svg
}

fn open_svg(width: f64, height: f64, label: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" aria-label=\"{label}\" width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.0} {height:.0}\">"
    )
}

fn empty(message: &str) -> String {
    format!(
        "{}<text class=\"caption\" x=\"0\" y=\"16\">{}</text></svg>",
        open_svg(320.0, 24.0, message),
        esc(message)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use istinad::Config;

    fn report(text: &str) -> (Source, Report) {
        let source = Source::new("t.md", text);
        let report = istinad::check(&source, &Config::default());
        (source, report)
    }

    const TEXT: &str = "Söz (1, s. 5) və (3).\n\nƏdəbiyyat\n\n1. Əliyev A. Tarix. Bakı, 1999.\n2. Smith J. History. London, 2001.\n";

    #[test]
    fn the_text_is_marked_line_by_line() {
        let (source, report) = report(TEXT);
        let html = marked_text(&source, &report);
        assert!(html.contains("class=\"cite\"") || html.contains("class=\"cite finding"));
        assert!(html.contains("id=\"entry-1\""), "{html}");
        assert!(
            html.contains("class=\"cite finding sev-error\""),
            "(3) dangles: {html}"
        );
        assert_eq!(
            html.matches("<div dir=\"auto\"").count(),
            TEXT.lines().count() + 1
        );
        // Nothing of the text lost: the markup stripped gives it back.
        let stripped = regex::Regex::new("<[^>]*>")
            .expect("regex")
            .replace_all(&html, "");
        assert_eq!(
            stripped.replace("\n", "").replace("&amp;", "&"),
            TEXT.replace('\n', "")
        );
    }

    #[test]
    fn an_uncited_entry_stands_out() {
        let (_, report) = report(TEXT);
        let svg = cited(&report.references, &report.citations);
        assert_eq!(svg.matches("never cited<title>").count(), 1, "{svg}");
        assert!(svg.contains("entry 1: cited 1 time"));
    }

    #[test]
    fn years_carry_both_calendars_on_one_axis() {
        let (_, report) = report(TEXT);
        let svg = years(&report.references);
        assert!(svg.contains(">1999<") && svg.contains(">1378 SH<"), "{svg}");
        assert_eq!(step(100, 40), 5);
        assert_eq!(step(3, 40), 1);
    }

    #[test]
    fn positions_put_a_dot_per_cited_entry() {
        let (source, report) = report(TEXT);
        let svg = positions(&source, &report);
        assert_eq!(svg.matches("<circle").count(), 2, "{svg}");
        assert!(svg.contains("dot bad"), "(3) has a finding: {svg}");
    }
}
