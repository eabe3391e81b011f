//! Managed: what a reference manager stored inside a document — Word's own
//! source manager, Zotero, Mendeley, EndNote — as `input` read it: the items
//! the manager holds and the fields that cite them or print the list.
//!
//! Every item is held as a CSL-JSON object (the form Zotero and Mendeley
//! store, and the one `input` turns Word's `b:Source` and EndNote's
//! `<record>` into), so that one conversion, `parse::managed`, makes
//! [`Reference`](crate::model::Reference)s of all of them.

use serde::Serialize;

use crate::source::Span;

/// Where a reference came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Origin {
    /// Word's own source manager: `b:Sources` in `customXml/item*.xml`.
    #[serde(rename = "word-sources")]
    WordSources,
    /// Zotero's `ADDIN ZOTERO_ITEM CSL_CITATION` fields.
    #[serde(rename = "zotero")]
    Zotero,
    /// Mendeley's `ADDIN CSL_CITATION` fields.
    #[serde(rename = "mendeley")]
    Mendeley,
    /// EndNote's `ADDIN EN.CITE` fields.
    #[serde(rename = "endnote")]
    EndNote,
    /// A typed entry of the printed list, in a document that also holds a
    /// manager's items.
    #[serde(rename = "text")]
    Text,
}

impl Origin {
    /// The name used in JSON and in messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::WordSources => "word-sources",
            Origin::Zotero => "zotero",
            Origin::Mendeley => "mendeley",
            Origin::EndNote => "endnote",
            Origin::Text => "text",
        }
    }

    /// The manager's name, for messages.
    pub fn manager(self) -> &'static str {
        match self {
            Origin::WordSources => "Word's source manager",
            Origin::Zotero => "Zotero",
            Origin::Mendeley => "Mendeley",
            Origin::EndNote => "EndNote",
            Origin::Text => "the typed list",
        }
    }
}

/// One item a manager holds, as CSL-JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Which manager holds it.
    pub origin: Origin,
    /// The manager's id: Word's `b:Tag`, Zotero's and Mendeley's item URI
    /// (or id), EndNote's record number.
    pub id: String,
    /// The item's data as a CSL-JSON object.
    pub csl: serde_json::Map<String, serde_json::Value>,
}

/// What a field does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// It cites items (`CITATION`, `ZOTERO_ITEM`, `CSL_CITATION`, `EN.CITE`).
    Citation,
    /// It prints the list (`BIBLIOGRAPHY`, `ZOTERO_BIBL`, `Mendeley
    /// Bibliography`, `EN.REFLIST`).
    Bibliography,
}

/// One item a citation field cites, with its locator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cited {
    /// The item's id (see [`Item::id`]).
    pub id: String,
    /// The locator's value as stored (`"45"`, `"12-14"`).
    pub locator: Option<String>,
    /// The locator's CSL label (`page`, `folio`, `volume`…); `None` means page.
    pub label: Option<String>,
}

/// A manager's field in the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// Which manager wrote it.
    pub origin: Origin,
    /// Whether it cites or prints the list.
    pub kind: FieldKind,
    /// The field's instruction as stored, whitespace collapsed and cut to
    /// a readable length (for messages).
    pub code: String,
    /// The field's printed result in the source text.
    pub result: Span,
    /// The items it cites, in order. For a list field, the items Zotero's
    /// list names: added without a citation (`uncited`, label `None`),
    /// printed as the author edited them in Zotero (label `custom`), or
    /// left out of the list (label `omitted`).
    pub items: Vec<Cited>,
    /// What the manager printed when it last updated the field, when it
    /// keeps that (Zotero's `plainCitation`, Mendeley's
    /// `previouslyFormattedCitation`).
    pub printed: Option<String>,
    /// Why the field's code could not be read, if it could not.
    pub problem: Option<String>,
}

/// Everything the managers stored in one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Managed {
    /// The items, each once (the first time it is met), in document order.
    pub items: Vec<Item>,
    /// The fields, in document order of their results.
    pub fields: Vec<Field>,
}

impl Managed {
    /// Whether a manager left anything in the document.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty() && self.fields.is_empty()
    }

    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    /// Adds an item unless one with its id is already held.
    pub fn add_item(&mut self, item: Item) {
        if self.item(&item.id).is_none() {
            self.items.push(item);
        }
    }
}
