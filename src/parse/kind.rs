//! Parse: the kind of an entry, chosen from a table of field signatures (`bib/kinds.toml`).

use crate::script::Letter;
use std::collections::HashSet;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::model::ReferenceKind;
use crate::script::fold;
use crate::vocab::{Vocabulary, contains_word};

const KINDS: &str = include_str!("../../bib/kinds.toml");

/// The rules of `bib/kinds.toml`, in order.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    /// Words naming a reference work: an encyclopedia, a dictionary.
    #[serde(default)]
    reference_works: Vec<String>,
    /// Stems naming a conference, a congress, a symposium.
    #[serde(default)]
    conference_stems: Vec<String>,
    rule: Vec<Rule>,
}

/// One kind and the signature that gives it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Rule {
    kind: String,
    #[serde(default)]
    all: Vec<String>,
    #[serde(default)]
    any: Vec<String>,
    #[serde(default)]
    none: Vec<String>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| toml::from_str(KINDS).unwrap_or_default());

/// The words of `reference_works`, folded.
static REFERENCE_WORKS: LazyLock<HashSet<String>> =
    LazyLock::new(|| TABLE.reference_works.iter().map(|w| fold(w)).collect());

/// The stems of `conference_stems`, folded.
static CONFERENCE_STEMS: LazyLock<Vec<String>> =
    LazyLock::new(|| TABLE.conference_stems.iter().map(|w| fold(w)).collect());

/// The kinds a rule may name.
const KINDS_BY_NAME: [ReferenceKind; 8] = [
    ReferenceKind::Archival,
    ReferenceKind::Book,
    ReferenceKind::Article,
    ReferenceKind::Chapter,
    ReferenceKind::Thesis,
    ReferenceKind::Newspaper,
    ReferenceKind::Web,
    ReferenceKind::Other,
];

/// What an entry was read into: the fields present and what the reading
/// noticed on the way.
#[derive(Debug, Clone, Copy, Default)]
#[allow(clippy::struct_excessive_bools)]
pub(crate) struct Signature {
    pub title: bool,
    pub authors: bool,
    pub editors: bool,
    pub year: bool,
    pub date: bool,
    pub day: bool,
    pub place: bool,
    pub publisher: bool,
    pub edition: bool,
    pub volume: bool,
    pub issue: bool,
    pub pages: bool,
    pub extent: bool,
    pub container: bool,
    pub url: bool,
    pub thesis: bool,
    pub newspaper: bool,
    pub journal: bool,
    pub in_book: bool,
    pub marked: bool,
    pub collection: bool,
    pub conference: bool,
    pub reference_work: bool,
}

impl Signature {
    /// Whether the signature has the field or mark `name`; `None` for a
    /// name the table may not use.
    fn has(&self, name: &str) -> Option<bool> {
        Some(match name {
            "title" => self.title,
            "authors" => self.authors,
            "editors" => self.editors,
            "year" => self.year,
            "date" => self.date,
            "day" => self.day,
            "place" => self.place,
            "publisher" => self.publisher,
            "imprint" => self.place || self.publisher,
            "edition" => self.edition,
            "volume" => self.volume,
            "issue" => self.issue,
            "pages" => self.pages,
            "extent" => self.extent,
            "container" => self.container,
            "url" => self.url,
            "thesis" => self.thesis,
            "newspaper" => self.newspaper,
            "journal" => self.journal,
            "in_book" => self.in_book,
            "marked" => self.marked,
            "collection" => self.collection,
            "conference" => self.conference,
            "reference_work" => self.reference_work,
            "sparse" => self.sparse(),
            _ => return None,
        })
    }

    /// Fewer than two of the fields that describe a work.
    fn sparse(&self) -> bool {
        let fields = [
            self.title,
            self.authors,
            self.year,
            self.place,
            self.publisher,
            self.volume,
            self.issue,
            self.pages,
            self.extent,
            self.container,
            self.date,
        ];
        fields.iter().filter(|f| **f).count() < 2
    }

    fn matches(&self, rule: &Rule) -> bool {
        let has = |n: &String| self.has(n).unwrap_or(false);
        rule.all.iter().all(has)
            && (rule.any.is_empty() || rule.any.iter().any(has))
            && !rule.none.iter().any(has)
    }
}

/// Whether a container's name opens by calling it a collection of papers
/// — a book ("Сборник сведений о кавказских горцах", "Материалы по
/// истории …") — and not a periodical's ("Ученые записки" names both).
/// A genre word after a name ("Кавказский сборник. – М., 2005. – Вып. 14")
/// is as often a serial's title, and says nothing.
pub(crate) fn collection(container: &str, vocab: &Vocabulary) -> bool {
    container.split_whitespace().next().is_some_and(|first| {
        // "Cборник" with a Latin `C`.
        let read = crate::script::unmixed(first);
        contains_word(
            read.as_deref().unwrap_or(first),
            &vocab.index.container_genres,
        )
    }) && !contains_word(container, &vocab.index.journal_words)
}

/// Whether a container's name calls it a reference work ("Türkiye Diyanet
/// Vakfı İslam Ansiklopedisi", "دانشنامۀ جهان اسلام", "Encyclopaedia
/// Iranica"): its entries are chapters of it.
pub(crate) fn reference_work(container: &str) -> bool {
    any_word(container, |w| REFERENCE_WORKS.contains(w))
}

/// Whether a word of a container's name, folded, satisfies `test`.
fn any_word(container: &str, test: impl Fn(&str) -> bool) -> bool {
    fold(container)
        .split(|c: char| !c.is_letter_or_digit())
        .any(test)
}

/// Whether a container's name calls it a conference's or congress's
/// ("Сборник научных трудов Всероссийской научно-практической
/// конференции", "XI. Türk Tarih Kongresi Bildiri Özetleri"): its papers
/// are chapters of the volume.
pub(crate) fn conference(container: &str) -> bool {
    any_word(container, |w| {
        CONFERENCE_STEMS
            .iter()
            .any(|stem| w.starts_with(stem.as_str()))
    })
}

/// The kind of the first rule of `bib/kinds.toml` that `signature`
/// matches; `Other` when none does.
pub(crate) fn choose(signature: &Signature) -> ReferenceKind {
    TABLE
        .rule
        .iter()
        .find(|rule| signature.matches(rule))
        .and_then(|rule| KINDS_BY_NAME.into_iter().find(|k| k.as_str() == rule.kind))
        .unwrap_or(ReferenceKind::Other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_collection_s_word_typed_with_a_latin_look_alike_is_read() {
        let vocab = Vocabulary::builtin();
        assert!(collection("Cборник сведений о кавказских горцах", &vocab));
        assert!(collection("Сборник сведений о кавказских горцах", &vocab));
        assert!(!collection("Ученые записки", &vocab));
    }

    #[test]
    fn the_table_reads_and_names_only_known_fields_and_kinds() {
        let table: Table = toml::from_str(KINDS).expect("kinds.toml");
        let sig = Signature::default();
        for rule in &table.rule {
            assert!(
                KINDS_BY_NAME.iter().any(|k| k.as_str() == rule.kind),
                "{}",
                rule.kind
            );
            for name in rule.all.iter().chain(&rule.any).chain(&rule.none) {
                assert!(sig.has(name).is_some(), "unknown name `{name}`");
            }
        }
    }

    #[test]
    fn signatures_choose_kinds() {
        let book = Signature {
            title: true,
            authors: true,
            place: true,
            ..Signature::default()
        };
        assert_eq!(choose(&book), ReferenceKind::Book);
        let article = Signature {
            container: true,
            issue: true,
            ..book
        };
        assert_eq!(choose(&article), ReferenceKind::Article);
        let chapter = Signature {
            in_book: true,
            ..article
        };
        assert_eq!(choose(&chapter), ReferenceKind::Chapter);
        let journal_issue = Signature {
            journal: true,
            ..chapter
        };
        assert_eq!(choose(&journal_issue), ReferenceKind::Article);
        // "In: …" with its own place and no numbers is a book, whatever
        // words its name has; the same name after a period is a journal's.
        let marked = Signature {
            issue: false,
            marked: true,
            ..journal_issue
        };
        assert_eq!(choose(&marked), ReferenceKind::Chapter);
        assert_eq!(
            choose(&Signature {
                marked: false,
                ..marked
            }),
            ReferenceKind::Article
        );
        let thesis = Signature {
            thesis: true,
            ..book
        };
        assert_eq!(choose(&thesis), ReferenceKind::Thesis);
        let web = Signature {
            title: true,
            url: true,
            ..Signature::default()
        };
        assert_eq!(choose(&web), ReferenceKind::Web);
        let page = Signature {
            container: true,
            ..web
        };
        assert_eq!(choose(&page), ReferenceKind::Web);
        let dated = Signature {
            container: true,
            date: true,
            title: true,
            ..Signature::default()
        };
        assert_eq!(choose(&dated), ReferenceKind::Newspaper);
        // A collection of papers with its own place is a book, though its
        // fascicle number reads like a journal's issue.
        let collection = Signature {
            place: true,
            journal: true,
            collection: true,
            ..article
        };
        assert_eq!(choose(&collection), ReferenceKind::Chapter);
        assert_eq!(
            choose(&Signature {
                place: false,
                ..collection
            }),
            ReferenceKind::Article
        );
        // One field alone says too little.
        let sparse = Signature {
            pages: true,
            ..Signature::default()
        };
        assert_eq!(choose(&sparse), ReferenceKind::Other);
        assert_eq!(
            choose(&Signature {
                title: true,
                ..Signature::default()
            }),
            ReferenceKind::Other
        );
    }

    #[test]
    fn an_entry_of_a_reference_work_is_a_chapter() {
        assert!(reference_work("Türkiye Diyanet Vakfı İslam Ansiklopedisi"));
        assert!(reference_work("دانشنامۀ جهان اسلام"));
        assert!(reference_work("Encyclopaedia Iranica"));
        assert!(!reference_work("Vakıflar Dergisi"));
        let entry = Signature {
            title: true,
            authors: true,
            container: true,
            volume: true,
            pages: true,
            reference_work: true,
            ..Signature::default()
        };
        assert_eq!(choose(&entry), ReferenceKind::Chapter);
        assert_eq!(
            choose(&Signature {
                reference_work: false,
                ..entry
            }),
            ReferenceKind::Article
        );
    }

    #[test]
    fn a_paper_of_a_conference_is_a_chapter_of_its_volume() {
        assert!(conference(
            "Сборник научных трудов Всероссийской научно-практической конференции"
        ));
        assert!(conference("XI. Türk Tarih Kongresi Bildiri Özetleri"));
        assert!(conference(
            "Actes du XIIe Congrès international des études byzantines"
        ));
        assert!(conference(
            "AMEA Coğrafiya İnstitutunun konfrans materialları"
        ));
        assert!(conference("مجموعه مقالات همایش تاریخ محلی"));
        assert!(!conference("Вопросы истории"));
        assert!(!conference("Congregational History"));
        let paper = Signature {
            title: true,
            authors: true,
            container: true,
            year: true,
            pages: true,
            conference: true,
            ..Signature::default()
        };
        assert_eq!(choose(&paper), ReferenceKind::Chapter);
        // A word of a journal's name ("Studies") does not make it one; a
        // journal's issue that bears a conference's name stays one.
        assert_eq!(
            choose(&Signature {
                journal: true,
                ..paper
            }),
            ReferenceKind::Chapter
        );
        assert_eq!(
            choose(&Signature {
                journal: true,
                issue: true,
                ..paper
            }),
            ReferenceKind::Article
        );
        assert_eq!(
            choose(&Signature {
                conference: false,
                ..paper
            }),
            ReferenceKind::Article
        );
    }

    #[test]
    fn a_collection_is_named_so_and_not_as_a_periodical() {
        let vocab = Vocabulary::builtin();
        assert!(collection("Сборник сведений о кавказских горцах", &vocab));
        assert!(!collection("Кавказский сборник", &vocab));
        assert!(!collection("Ученые записки СОГПИ", &vocab));
        assert!(!collection("Вопросы истории", &vocab));
    }
}
