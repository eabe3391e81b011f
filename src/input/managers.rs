//! Input: what reference managers store in a .docx — Word's `b:Sources`,
//! Zotero's and Mendeley's CSL-JSON fields, EndNote's record XML — read into
//! [`Managed`] items (as CSL-JSON) and fields.
//!
//! | manager | citation field | list field | items |
//! |---|---|---|---|
//! | Word (ECMA-376 Part 1 §22.6, §17.16.5.9) | `CITATION Tag \l 1049 \p 12 \m Tag2` | `BIBLIOGRAPHY` | `b:Sources` in `customXml/item*.xml` |
//! | Zotero | `ADDIN ZOTERO_ITEM CSL_CITATION {json}` | `ADDIN ZOTERO_BIBL {json} CSL_BIBLIOGRAPHY` | each citation's `itemData` |
//! | Mendeley | `ADDIN CSL_CITATION {json}` | `ADDIN Mendeley Bibliography CSL_BIBLIOGRAPHY` | each citation's `itemData` |
//! | EndNote | `ADDIN EN.CITE <EndNote><Cite>…<record>…` (or base64 in `w:fldData`) | `ADDIN EN.REFLIST` | each `<record>` |
//!
//! The JSON is read with serde; the XML with the reader `docx.rs` uses. An
//! item is identified by the manager's own id: Word's `b:Tag`, the first of
//! Zotero's and Mendeley's `uris` (their `id` is only a number inside one
//! document for Mendeley), EndNote's `RecNum`. LibreOffice writes Word's
//! citation with the tag in quotes (`CITATION  "Hes12"`); that is read too.

use serde_json::{Map, Value, json};

use super::docx::{Extracted, Item as XmlItem, RawField, Xml};
use crate::managed::{Cited, Field, FieldKind, Item, Managed, Origin};

/// The tag of a Mendeley Cite citation: followed by its JSON in base64.
const MENDELEY_V3: &str = "MENDELEY_CITATION_v3_";

/// The namespace of Word's sources (ECMA-376 Part 1, §22.6).
const BIBLIOGRAPHY_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/bibliography";

/// Whether a field's instruction is one a reference manager writes.
pub(super) fn is_manager_field(code: &str) -> bool {
    kind_of(code).is_some()
}

/// The manager and the kind of a field, from its instruction.
fn kind_of(code: &str) -> Option<(Origin, FieldKind)> {
    let code = code.trim_start();
    // Mendeley Cite (Mendeley Reference Manager's add-in) tags a content
    // control instead of writing a field.
    if code.starts_with(MENDELEY_V3) {
        return Some((Origin::Mendeley, FieldKind::Citation));
    }
    if code == "MENDELEY_BIBLIOGRAPHY" {
        return Some((Origin::Mendeley, FieldKind::Bibliography));
    }
    let word = |w: &str| {
        code.get(..w.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(w))
            && code[w.len()..]
                .chars()
                .next()
                .is_none_or(|c| c.is_whitespace() || c == '"' || c == '{')
    };
    if word("CITATION") {
        return Some((Origin::WordSources, FieldKind::Citation));
    }
    if word("BIBLIOGRAPHY") {
        return Some((Origin::WordSources, FieldKind::Bibliography));
    }
    if !word("ADDIN") {
        return None;
    }
    let rest = code[5..].trim_start();
    let starts = |w: &str| {
        rest.get(..w.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(w))
    };
    if starts("ZOTERO_ITEM") {
        Some((Origin::Zotero, FieldKind::Citation))
    } else if starts("ZOTERO_BIBL") {
        Some((Origin::Zotero, FieldKind::Bibliography))
    } else if starts("CSL_CITATION") {
        Some((Origin::Mendeley, FieldKind::Citation))
    } else if starts("Mendeley Bibliography") || starts("CSL_BIBLIOGRAPHY") {
        Some((Origin::Mendeley, FieldKind::Bibliography))
    } else if starts("EN.REFLIST") {
        Some((Origin::EndNote, FieldKind::Bibliography))
    } else if starts("EN.CITE") && !starts("EN.CITE.DATA") {
        Some((Origin::EndNote, FieldKind::Citation))
    } else {
        None
    }
}

/// Reads every manager's items and fields from an extracted .docx.
pub(super) fn read(extracted: &Extracted) -> Managed {
    let mut managed = Managed::default();
    for (part, xml) in &extracted.custom_parts {
        if xml.contains(BIBLIOGRAPHY_NS) {
            for item in word_sources(part, xml) {
                managed.add_item(item);
            }
        }
    }
    for raw in &extracted.fields {
        // A manager's content control around a manager's field is one
        // citation, read once.
        if managed.fields.iter().any(|f| f.result == raw.result) {
            continue;
        }
        if let Some(field) = read_field(raw, &mut managed) {
            managed.fields.push(field);
        }
    }
    // Word's fields mean something only with Word's sources: LibreOffice
    // writes its own bibliography marks as `CITATION "Tag"` and a
    // `BIBLIOGRAPHY` field without them, and such a file reads as typed.
    if !managed
        .items
        .iter()
        .any(|i| i.origin == Origin::WordSources)
    {
        managed.fields.retain(|f| f.origin != Origin::WordSources);
    }
    managed
}

/// A field's instruction on one line for messages: its JSON or XML
/// written `{…}` or `<…>`, and cut to 80 characters.
fn shown_code(code: &str) -> String {
    let mut one: String = code.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(at) = one.find(['{', '<']) {
        let data = if one[at..].starts_with('{') {
            "{…}"
        } else {
            "<…>"
        };
        let after = match data {
            "{…}" => one.rfind('}'),
            _ => one.rfind('>'),
        };
        let tail = after.map_or("", |e| one[e + 1..].trim());
        one = format!(
            "{}{data}{}{tail}",
            &one[..at],
            if tail.is_empty() { "" } else { " " }
        );
    }
    if one.chars().count() > 80 {
        let mut cut: String = one.chars().take(79).collect();
        cut.push('…');
        cut
    } else {
        one
    }
}

fn read_field(raw: &RawField, managed: &mut Managed) -> Option<Field> {
    let (origin, kind) = kind_of(&raw.code)?;
    let mut field = Field {
        origin,
        kind,
        code: shown_code(&raw.code),
        result: raw.result.clone(),
        items: Vec::new(),
        printed: None,
        problem: None,
    };
    if kind == FieldKind::Bibliography {
        // Zotero's list names the items the author added to it uncited,
        // those printed as edited in Zotero, and those left out
        // (`{"uncited":[["http://zotero.org/…/items/ABC"]],"omitted":[…],
        // "custom":[["…/items/XYZ","text"]]}`).
        if origin == Origin::Zotero
            && let Ok(v) = first_json(&raw.code)
        {
            for (key, label) in [
                ("uncited", None),
                ("custom", Some("custom")),
                ("omitted", Some("omitted")),
            ] {
                let Some(list) = v.get(key).and_then(Value::as_array) else {
                    continue;
                };
                for entry in list {
                    let uri = match entry {
                        Value::Array(parts) => parts.first().and_then(Value::as_str),
                        Value::String(uri) => Some(uri.as_str()),
                        _ => None,
                    };
                    if let Some(uri) = uri {
                        field.items.push(Cited {
                            id: uri.to_owned(),
                            locator: None,
                            label: label.map(str::to_owned),
                        });
                    }
                }
            }
        }
        return Some(field);
    }
    match origin {
        Origin::WordSources => field.items = word_citation(&raw.code),
        Origin::Mendeley if raw.code.trim_start().starts_with(MENDELEY_V3) => {
            let data = raw.code.trim_start()[MENDELEY_V3.len()..].trim();
            let json = base64(data).and_then(|b| String::from_utf8(b).ok());
            match json.map(|j| csl_citation(&j, origin, managed)) {
                Some(Ok((items, printed))) => {
                    field.items = items;
                    field.printed = printed;
                }
                Some(Err(problem)) => field.problem = Some(problem),
                None => field.problem = Some("its tag's data is not base64 JSON".to_owned()),
            }
            field.code = MENDELEY_V3.trim_end_matches('_').to_owned();
        }
        Origin::Zotero | Origin::Mendeley => match csl_citation(&raw.code, origin, managed) {
            Ok((items, printed)) => {
                field.items = items;
                field.printed = printed;
            }
            Err(problem) => field.problem = Some(problem),
        },
        Origin::EndNote => match endnote_citation(raw, managed) {
            Ok((items, printed)) => {
                field.items = items;
                field.printed = printed;
            }
            Err(problem) => field.problem = Some(problem),
        },
        Origin::Text => {}
    }
    Some(field)
}

// ---------------------------------------------------------------------------
// Word: `CITATION` fields and `b:Sources`.

/// The items of a Word `CITATION` field: its tag, then `\m` for each
/// further source; `\p` (pages) and `\v` (volume) apply to the source they
/// follow. Other switches (`\l` language, `\f` prefix, `\s` suffix, `\n`
/// `\t` `\y` suppressions) take no item.
fn word_citation(code: &str) -> Vec<Cited> {
    let words = field_words(code);
    let mut items: Vec<Cited> = Vec::new();
    let mut k = 1; // past CITATION
    if let Some(tag) = words.get(1).filter(|w| !w.starts_with('\\')) {
        items.push(cited(tag));
        k = 2;
    }
    while k < words.len() {
        let switch = words[k].to_ascii_lowercase();
        let value = words.get(k + 1).cloned();
        match (switch.as_str(), value) {
            ("\\m", Some(tag)) => {
                items.push(cited(&tag));
                k += 2;
            }
            ("\\p", Some(pages)) => {
                if let Some(last) = items.last_mut() {
                    last.locator = Some(pages);
                    last.label = Some("page".to_owned());
                }
                k += 2;
            }
            ("\\v", Some(volume)) => {
                if let Some(last) = items.last_mut()
                    && last.locator.is_none()
                {
                    last.locator = Some(volume);
                    last.label = Some("volume".to_owned());
                }
                k += 2;
            }
            ("\\l" | "\\f" | "\\s", Some(_)) => k += 2,
            _ => k += 1,
        }
    }
    items
}

fn cited(id: &str) -> Cited {
    Cited {
        id: id.to_owned(),
        locator: None,
        label: None,
    }
}

/// A field instruction's words: quoted words kept whole without their
/// quotes (ECMA-376 Part 1, §17.16.1).
fn field_words(code: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut chars = code.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let mut word = String::new();
        if c == '"' || c == '“' || c == '”' {
            chars.next();
            for c in chars.by_ref() {
                if c == '"' || c == '“' || c == '”' {
                    break;
                }
                word.push(c);
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() {
                    break;
                }
                word.push(c);
                chars.next();
            }
        }
        words.push(word);
    }
    words
}

/// A light element tree of a custom XML part or an EndNote record.
#[derive(Debug, Default)]
struct Node {
    name: String,
    attrs: Vec<(String, String)>,
    text: String,
    children: Vec<Node>,
}

impl Node {
    fn child(&self, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.name == name)
    }

    fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Node> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// All the text under this node, trimmed.
    fn all_text(&self) -> String {
        let mut out = self.text.clone();
        for c in &self.children {
            out.push_str(&c.all_text());
        }
        out.trim().to_owned()
    }

    /// The text of the child `name`, if it has any.
    fn value(&self, name: &str) -> Option<String> {
        self.child(name)
            .map(Node::all_text)
            .filter(|t| !t.is_empty())
    }

    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Parses `xml` into a tree of local names; `None` when it is not
/// well-formed.
fn tree(part: &str, xml: &str) -> Option<Node> {
    let mut reader = Xml::new(part, xml);
    let mut stack: Vec<Node> = vec![Node::default()];
    let open = |e: &quick_xml::events::BytesStart<'_>| Node {
        name: String::from_utf8_lossy(e.local_name().as_ref()).into_owned(),
        attrs: e
            .attributes()
            .with_checks(false)
            .filter_map(Result::ok)
            .map(|a| {
                (
                    String::from_utf8_lossy(a.key.local_name().as_ref()).into_owned(),
                    a.unescape_value()
                        .map(|v| v.into_owned())
                        .unwrap_or_default(),
                )
            })
            .collect(),
        ..Node::default()
    };
    loop {
        match reader.next() {
            Ok(Some(XmlItem::Start(_, e))) => stack.push(open(&e)),
            Ok(Some(XmlItem::Empty(_, e))) => {
                let node = open(&e);
                stack.last_mut()?.children.push(node);
            }
            Ok(Some(XmlItem::End(..))) => {
                let node = stack.pop()?;
                stack.last_mut()?.children.push(node);
            }
            Ok(Some(XmlItem::Text(t))) => stack.last_mut()?.text.push_str(&t),
            Ok(None) => break,
            Err(_) => return None,
        }
    }
    let mut root = stack.pop()?;
    (root.children.len() == 1).then(|| root.children.remove(0))
}

/// The sources of a `b:Sources` part as CSL-JSON items.
fn word_sources(part: &str, xml: &str) -> Vec<Item> {
    let Some(root) = tree(part, xml) else {
        return Vec::new();
    };
    if root.name != "Sources" {
        return Vec::new();
    }
    root.children_named("Source")
        .filter_map(|s| {
            let id = s.value("Tag")?;
            Some(Item {
                origin: Origin::WordSources,
                csl: word_source_csl(s, &id),
                id,
            })
        })
        .collect()
}

/// The language of a Windows LCID (`b:LCID`, `\l`): its primary language.
fn lcid_language(lcid: &str) -> Option<&'static str> {
    let n: u32 = lcid.trim().parse().ok()?;
    match n & 0x3ff {
        0x2c => Some("az"),
        0x19 => Some("ru"),
        0x29 => Some("fa"),
        0x1f => Some("tr"),
        0x09 => Some("en"),
        0x0c => Some("fr"),
        _ => None,
    }
}

/// One `b:Source` as a CSL-JSON item.
///
/// | `b:SourceType` | CSL `type` | container |
/// |---|---|---|
/// | `Book` | `book` | |
/// | `BookSection` | `chapter` | `b:BookTitle` |
/// | `JournalArticle` | `article-journal` | `b:JournalName` |
/// | `ArticleInAPeriodical` | `article-newspaper` with a month or day, else `article-magazine` | `b:PeriodicalTitle` |
/// | `ConferenceProceedings` | `paper-conference` | `b:ConferenceName` |
/// | `Report` | `thesis` when `b:ThesisType` is set, else `report` | publisher `b:Institution` |
/// | `InternetSite`, `DocumentFromInternetSite` | `webpage` | `b:InternetSiteTitle` |
/// | `ElectronicSource` | `webpage` with a URL, else `document` | |
/// | `Misc` and the rest (`Film`, `SoundRecording`, `Interview`, `Patent`, `Case`, `Art`, `Performance`) | `document` | |
///
/// `b:RefOrder`, the source's number in a numeric style, is kept under the
/// private key `x-ref-order` (no CSL variable holds it).
fn word_source_csl(s: &Node, id: &str) -> Map<String, Value> {
    let kind = s.value("SourceType").unwrap_or_default();
    let has = |n: &str| s.value(n).is_some();
    let csl_type = match kind.as_str() {
        "Book" => "book",
        "BookSection" => "chapter",
        "JournalArticle" => "article-journal",
        "ArticleInAPeriodical" if has("Month") || has("Day") => "article-newspaper",
        "ArticleInAPeriodical" => "article-magazine",
        "ConferenceProceedings" => "paper-conference",
        "Report" if has("ThesisType") => "thesis",
        "Report" => "report",
        "InternetSite" | "DocumentFromInternetSite" => "webpage",
        "ElectronicSource" if has("URL") => "webpage",
        _ => "document",
    };
    let mut m = Map::new();
    m.insert("id".into(), json!(id));
    m.insert("type".into(), json!(csl_type));
    if let Some(authors) = s.child("Author") {
        for (role, key) in [
            ("Author", "author"),
            ("Editor", "editor"),
            ("Translator", "translator"),
            ("Compiler", "editor"),
            ("BookAuthor", "container-author"),
            ("Interviewee", "author"),
            ("Writer", "author"),
            ("Inventor", "author"),
            ("Artist", "author"),
            ("Composer", "author"),
            ("Director", "author"),
        ] {
            let Some(r) = authors.child(role) else {
                continue;
            };
            let mut names: Vec<Value> = m
                .get(key)
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            if let Some(corporate) = r.value("Corporate") {
                names.push(json!({ "literal": corporate }));
            }
            if let Some(list) = r.child("NameList") {
                for p in list.children_named("Person") {
                    let family = p.value("Last");
                    let given: Vec<String> = ["First", "Middle"]
                        .iter()
                        .filter_map(|n| p.value(n))
                        .collect();
                    match family {
                        Some(family) if given.is_empty() => names.push(json!({ "family": family })),
                        Some(family) => {
                            names.push(json!({ "family": family, "given": given.join(" ") }))
                        }
                        None if !given.is_empty() => {
                            names.push(json!({ "literal": given.join(" ") }))
                        }
                        None => {}
                    }
                }
            }
            if !names.is_empty() {
                m.insert(key.into(), Value::Array(names));
            }
        }
    }
    let container = match kind.as_str() {
        "BookSection" => s.value("BookTitle"),
        "JournalArticle" => s.value("JournalName"),
        "ArticleInAPeriodical" => s.value("PeriodicalTitle"),
        "ConferenceProceedings" => s.value("ConferenceName").or_else(|| s.value("BookTitle")),
        "InternetSite" | "DocumentFromInternetSite" => s.value("InternetSiteTitle"),
        _ => None,
    };
    let mut put = |key: &str, value: Option<String>| {
        if let Some(v) = value {
            m.insert(key.into(), json!(v));
        }
    };
    put("title", s.value("Title"));
    put("title-short", s.value("ShortTitle"));
    put("container-title", container);
    let place: Vec<String> = ["City", "StateProvince", "CountryRegion"]
        .iter()
        .filter_map(|n| s.value(n))
        .take(1)
        .collect();
    put("publisher-place", place.into_iter().next());
    let publisher = s.value("Publisher").or_else(|| {
        matches!(kind.as_str(), "Report")
            .then(|| s.value("Institution"))
            .flatten()
    });
    put("publisher", publisher);
    put("volume", s.value("Volume"));
    put("number-of-volumes", s.value("NumberVolumes"));
    put("issue", s.value("Issue"));
    put("page", s.value("Pages"));
    put("edition", s.value("Edition"));
    put("URL", s.value("URL"));
    put("DOI", s.value("DOI"));
    put("ISBN", s.value("StandardNumber"));
    put("genre", s.value("ThesisType"));
    put("note", s.value("Comments"));
    put(
        "language",
        s.value("LCID")
            .as_deref()
            .and_then(lcid_language)
            .map(str::to_owned),
    );
    put("medium", s.value("Medium"));
    if let Some(year) = s.value("Year") {
        let mut parts = vec![json!(year)];
        if let Some(month) = s.value("Month").and_then(|mo| month_number(&mo)) {
            parts.push(json!(month));
            if let Some(day) = s.value("Day").and_then(|d| d.trim().parse::<u32>().ok()) {
                parts.push(json!(day));
            }
        }
        m.insert(
            "issued".into(),
            json!({ "date-parts": [parts], "raw": year }),
        );
    }
    if let Some(year) = s.value("YearAccessed") {
        let mut parts = vec![json!(year)];
        if let Some(month) = s.value("MonthAccessed").and_then(|mo| month_number(&mo)) {
            parts.push(json!(month));
            if let Some(day) = s
                .value("DayAccessed")
                .and_then(|d| d.trim().parse::<u32>().ok())
            {
                parts.push(json!(day));
            }
        }
        m.insert("accessed".into(), json!({ "date-parts": [parts] }));
    }
    if let Some(order) = s.value("RefOrder") {
        m.insert("x-ref-order".into(), json!(order));
    }
    m
}

/// A month as Word stores it: a number, or an English, Russian,
/// Azerbaijani or Turkish name (the first three letters are enough).
fn month_number(text: &str) -> Option<u32> {
    let t = text.trim().to_lowercase();
    if let Ok(n) = t.parse::<u32>() {
        return (1..=12).contains(&n).then_some(n);
    }
    const NAMES: [&[&str]; 12] = [
        &["jan", "янв", "yan", "oca"],
        &["feb", "фев", "fev", "şub"],
        &["mar", "мар"],
        &["apr", "апр", "nis"],
        &["may", "мая", "май", "may"],
        &["jun", "июн", "iyun", "haz"],
        &["jul", "июл", "iyul", "tem"],
        &["aug", "авг", "avq", "ağu"],
        &["sep", "сен", "sen", "eyl"],
        &["oct", "окт", "okt", "eki"],
        &["nov", "ноя", "noy", "kas"],
        &["dec", "дек", "dek", "ara"],
    ];
    NAMES
        .iter()
        .position(|names| names.iter().any(|n| t.starts_with(n)))
        .map(|i| i as u32 + 1)
}

// ---------------------------------------------------------------------------
// Zotero and Mendeley: CSL-JSON in the field code.

/// The JSON object that starts at the first `{` of `code`, read with serde
/// (what follows it, such as `CSL_BIBLIOGRAPHY`, is left).
fn first_json(code: &str) -> Result<Value, String> {
    let at = code.find('{').ok_or("the field code holds no JSON")?;
    let mut stream = serde_json::Deserializer::from_str(&code[at..]).into_iter::<Value>();
    match stream.next() {
        Some(Ok(v)) => Ok(v),
        Some(Err(e)) => Err(format!("its JSON cannot be read: {e}")),
        None => Err("the field code holds no JSON".to_owned()),
    }
}

/// The items of a Zotero or Mendeley citation field, adding each item's
/// data to `managed`; with what the manager last printed.
fn csl_citation(
    code: &str,
    origin: Origin,
    managed: &mut Managed,
) -> Result<(Vec<Cited>, Option<String>), String> {
    let v = first_json(code)?;
    let items = v
        .get("citationItems")
        .and_then(Value::as_array)
        .ok_or("its JSON has no `citationItems`")?;
    let mut out = Vec::new();
    for ci in items {
        let data = ci.get("itemData").and_then(Value::as_object);
        let uri = ci
            .get("uris")
            .and_then(Value::as_array)
            .and_then(|u| u.first())
            .or_else(|| ci.get("uri").and_then(|u| u.as_array()?.first()))
            .and_then(Value::as_str)
            .map(str::to_owned);
        let id = uri
            .or_else(|| ci.get("id").map(json_string))
            .or_else(|| data.and_then(|d| d.get("id")).map(json_string))
            .unwrap_or_default();
        if id.is_empty() {
            continue;
        }
        if let Some(data) = data {
            managed.add_item(Item {
                origin,
                id: id.clone(),
                csl: data.clone(),
            });
        }
        out.push(Cited {
            id,
            locator: ci
                .get("locator")
                .map(json_string)
                .filter(|l| !l.trim().is_empty()),
            label: ci.get("label").and_then(Value::as_str).map(str::to_owned),
        });
    }
    // Mendeley Cite: an override the author made in Mendeley is what it prints.
    let overridden = v
        .pointer("/manualOverride/isManuallyOverridden")
        .and_then(Value::as_bool)
        == Some(true);
    let printed = match origin {
        Origin::Mendeley if overridden => v
            .pointer("/manualOverride/manualOverrideText")
            .and_then(Value::as_str),
        Origin::Mendeley => v
            .pointer("/mendeley/plainTextFormattedCitation")
            .or_else(|| v.pointer("/mendeley/previouslyFormattedCitation"))
            .or_else(|| v.pointer("/manualOverride/citeprocText"))
            .and_then(Value::as_str),
        _ => v
            .pointer("/properties/plainCitation")
            .and_then(Value::as_str),
    }
    .map(without_markup);
    Ok((out, printed))
}

/// A formatted citation as text: HTML tags (`<i>`, `<sup>`) dropped, the
/// five XML entities and `&nbsp;` read.
fn without_markup(formatted: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in formatted.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&nbsp;", "\u{a0}")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// A JSON value as a string: a string's text, a number's digits.
fn json_string(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

// ---------------------------------------------------------------------------
// EndNote: `<EndNote><Cite>…<record>…` in the field code or its data.

/// The items of an EndNote citation field, adding each record to `managed`;
/// with what EndNote printed (the first `<DisplayText>`).
fn endnote_citation(
    raw: &RawField,
    managed: &mut Managed,
) -> Result<(Vec<Cited>, Option<String>), String> {
    let xml = match raw.code.find("<EndNote") {
        Some(at) => raw.code[at..].to_owned(),
        None => {
            if raw.data.trim().is_empty() {
                return Err("it holds no record: EndNote keeps a long citation's record in the field's data (`w:fldData`), which is missing (LibreOffice drops it when it saves a .docx)".to_owned());
            }
            let decoded = base64(&raw.data).ok_or("its data is not base64")?;
            let text = String::from_utf8(decoded.clone()).unwrap_or_else(|_| {
                let units: Vec<u16> = decoded
                    .chunks_exact(2)
                    .map(|c| u16::from_le_bytes([c[0], c[1]]))
                    .collect();
                String::from_utf16_lossy(&units)
            });
            let at = text.find("<EndNote").ok_or("it holds no EndNote record")?;
            text[at..].to_owned()
        }
    };
    let end = xml
        .rfind("</EndNote>")
        .map_or(xml.len(), |e| e + "</EndNote>".len());
    let root = tree("EN.CITE", &xml[..end]).ok_or("its EndNote XML cannot be read")?;
    let mut out = Vec::new();
    for cite in root.children_named("Cite") {
        let record = cite.child("record");
        let id = cite
            .value("RecNum")
            .or_else(|| record.and_then(|r| r.value("rec-number")))
            .unwrap_or_default();
        if id.is_empty() {
            continue;
        }
        if let Some(record) = record {
            managed.add_item(Item {
                origin: Origin::EndNote,
                id: id.clone(),
                csl: endnote_csl(record, &id),
            });
        }
        out.push(Cited {
            locator: cite.value("Pages"),
            label: cite.value("Pages").map(|_| "page".to_owned()),
            id,
        });
    }
    let printed = root
        .children_named("Cite")
        .find_map(|c| c.value("DisplayText"));
    Ok((out, printed))
}

/// An EndNote `<record>` as a CSL-JSON item. The reference type's name
/// (`<ref-type name="Book">`) gives the CSL type; `<call-num>` and
/// `<remote-database-provider>` hold an archival item's location and
/// archive, where EndNote's `Manuscript` type keeps them.
fn endnote_csl(r: &Node, id: &str) -> Map<String, Value> {
    let kind = r
        .child("ref-type")
        .and_then(|t| t.attr("name"))
        .unwrap_or("Generic")
        .to_owned();
    let csl_type = match kind.as_str() {
        "Book" | "Edited Book" | "Electronic Book" => "book",
        "Book Section" | "Electronic Book Section" => "chapter",
        "Journal Article" | "Electronic Article" => "article-journal",
        "Magazine Article" => "article-magazine",
        "Newspaper Article" => "article-newspaper",
        "Thesis" => "thesis",
        "Web Page" => "webpage",
        "Manuscript" | "Unpublished Work" | "Personal Communication" => "manuscript",
        "Conference Paper" | "Conference Proceedings" => "paper-conference",
        "Report" | "Government Document" => "report",
        _ => "document",
    };
    let mut m = Map::new();
    m.insert("id".into(), json!(id));
    m.insert("type".into(), json!(csl_type));
    if let Some(contributors) = r.child("contributors") {
        for (group, key) in [
            (
                "authors",
                if kind == "Edited Book" {
                    "editor"
                } else {
                    "author"
                },
            ),
            ("secondary-authors", "editor"),
            ("translated-authors", "translator"),
        ] {
            let names: Vec<Value> = contributors
                .child(group)
                .map(|g| {
                    g.children_named("author")
                        .map(Node::all_text)
                        .filter(|n| !n.is_empty())
                        .map(|n| match n.split_once(',') {
                            Some((family, given)) => {
                                json!({ "family": family.trim(), "given": given.trim() })
                            }
                            None => json!({ "literal": n }),
                        })
                        .collect()
                })
                .unwrap_or_default();
            if !names.is_empty() {
                m.insert(key.into(), Value::Array(names));
            }
        }
    }
    let titles = r.child("titles");
    let title = |n: &str| titles.and_then(|t| t.value(n));
    let mut put = |key: &str, value: Option<String>| {
        if let Some(v) = value {
            m.insert(key.into(), json!(v));
        }
    };
    put("title", title("title"));
    put("title-short", title("short-title"));
    put(
        "container-title",
        title("secondary-title")
            .or_else(|| r.child("periodical").and_then(|p| p.value("full-title"))),
    );
    put("publisher-place", r.value("pub-location"));
    put("publisher", r.value("publisher"));
    put("volume", r.value("volume"));
    put("number-of-volumes", r.value("num-vols"));
    put("issue", r.value("number"));
    put("page", r.value("pages"));
    put("edition", r.value("edition"));
    put("language", r.value("language"));
    put("genre", r.value("work-type"));
    put("note", r.value("notes"));
    put("archive", r.value("remote-database-provider"));
    put("archive_location", r.value("call-num"));
    put(
        "URL",
        r.child("urls")
            .and_then(|u| u.child("related-urls"))
            .and_then(|u| u.value("url")),
    );
    if let Some(year) = r.child("dates").and_then(|d| d.value("year")) {
        m.insert(
            "issued".into(),
            json!({ "date-parts": [[year.clone()]], "raw": year }),
        );
    }
    m
}

/// Decodes standard base64, ignoring whitespace; `None` on a bad character.
fn base64(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut acc = 0u32;
    let mut bits = 0;
    for c in text.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => break,
            c if c.is_ascii_whitespace() => continue,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_kinds_by_instruction() {
        let k = |c: &str| kind_of(c);
        assert_eq!(
            k(" CITATION Has12 \\l 1068 "),
            Some((Origin::WordSources, FieldKind::Citation))
        );
        assert_eq!(
            k(" BIBLIOGRAPHY "),
            Some((Origin::WordSources, FieldKind::Bibliography))
        );
        assert_eq!(
            k(" ADDIN ZOTERO_ITEM CSL_CITATION {}"),
            Some((Origin::Zotero, FieldKind::Citation))
        );
        assert_eq!(
            k(" ADDIN ZOTERO_BIBL {\"uncited\":[]} CSL_BIBLIOGRAPHY "),
            Some((Origin::Zotero, FieldKind::Bibliography))
        );
        assert_eq!(
            k("ADDIN CSL_CITATION {}"),
            Some((Origin::Mendeley, FieldKind::Citation))
        );
        assert_eq!(
            k("ADDIN Mendeley Bibliography CSL_BIBLIOGRAPHY "),
            Some((Origin::Mendeley, FieldKind::Bibliography))
        );
        assert_eq!(
            k(" ADDIN EN.CITE <EndNote>"),
            Some((Origin::EndNote, FieldKind::Citation))
        );
        assert_eq!(k(" ADDIN EN.CITE.DATA "), None);
        assert_eq!(
            k(" ADDIN EN.REFLIST "),
            Some((Origin::EndNote, FieldKind::Bibliography))
        );
        assert_eq!(k(" PAGE "), None);
        assert_eq!(k(" CITATIONS "), None);
    }

    #[test]
    fn word_citation_switches() {
        let items = word_citation(" CITATION Has12 \\p 45 \\l 1068 \\m Bay09 \\p \"12-14\" ");
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].id, "Has12");
        assert_eq!(items[0].locator.as_deref(), Some("45"));
        assert_eq!(items[1].id, "Bay09");
        assert_eq!(items[1].locator.as_deref(), Some("12-14"));
        // LibreOffice quotes the tag.
        let lo = word_citation(" CITATION  \"Hes12\"");
        assert_eq!(lo[0].id, "Hes12");
        assert_eq!(lo[0].locator, None);
    }

    #[test]
    fn formatted_citations_lose_their_markup() {
        assert_eq!(without_markup("(<i>Karaca</i>, 2019)"), "(Karaca, 2019)");
        assert_eq!(without_markup("<sup>1</sup>"), "1");
        assert_eq!(
            without_markup("[1, p.&nbsp;5] &amp; x"),
            "[1, p.\u{a0}5] & x"
        );
    }

    #[test]
    fn base64_decodes() {
        assert_eq!(base64("PEVuZE5vdGU+").as_deref(), Some(&b"<EndNote>"[..]));
        assert_eq!(base64("!!"), None);
    }

    #[test]
    fn months_in_four_languages() {
        assert_eq!(month_number("May"), Some(5));
        assert_eq!(month_number("октябрь"), Some(10));
        assert_eq!(month_number("3"), Some(3));
        assert_eq!(month_number("Şubat"), Some(2));
        assert_eq!(month_number("x"), None);
    }
}
