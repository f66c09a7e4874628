//! Entry points for the cargo-fuzz targets in `fuzz/` and for the
//! regression tests that replay what they found. Not a public API.

use std::cell::RefCell;
use std::collections::BTreeMap;

use crate::build::{FieldWeights, IndexWriter, IndexedArticle, SplitOptions};
use crate::format::{DocChunk, DocRecord, LocaleRoot, Manifest, TermList, TermShard, TitleList};
use crate::search::{LocaleIndex, SearchOptions};
use crate::testing::fnv;
use crate::text::{Analyzer, Language};

/// Feeds `data` to every decoder. Errors are fine; panics are bugs.
pub fn decode_everything(data: &[u8]) {
    let _ = Manifest::from_json(data);
    if let Ok(root) = LocaleRoot::decode(data) {
        assert_eq!(
            LocaleRoot::decode(&root.encode()).as_ref(),
            Ok(&root),
            "a decoded root re-encodes"
        );
        let index = LocaleIndex::new(root);
        let _ = index.needs_for_route("/reports/daily");
        let _ = index.suggestions("/reports/daily");
    }
    if let Ok(shard) = TermShard::decode(data, 1 << 16) {
        assert_eq!(
            TermShard::decode(&shard.encode(), 1 << 16).as_ref(),
            Ok(&shard)
        );
    }
    if let Ok(list) = TermList::decode(data) {
        assert_eq!(TermList::decode(&list.encode()).as_ref(), Ok(&list));
    }
    if let Ok(chunk) = DocChunk::decode(data) {
        assert_eq!(DocChunk::decode(&chunk.encode()).as_ref(), Ok(&chunk));
    }
    if let Ok(list) = TitleList::decode(data) {
        assert_eq!(TitleList::decode(&list.encode()).as_ref(), Ok(&list));
    }
}

/// A small index and its files, by file name.
type SmallIndex = (LocaleIndex, BTreeMap<String, Vec<u8>>);

thread_local! {
    static INDEXES: RefCell<Vec<SmallIndex>> = RefCell::new(
        Language::ALL.iter().map(|&language| small_index(language)).collect()
    );
}

fn small_index(language: Language) -> SmallIndex {
    let analyzer = Analyzer::new(language);
    let split = SplitOptions {
        shard_bytes: 64,
        chunk_bytes: 64,
        snippet_text_bytes: 200,
    };
    let mut writer = IndexWriter::new(language.code(), FieldWeights::default(), split);
    let texts = [
        (
            "Find your Site ID",
            "Your SID is at the top right. L'écran affiche l'identifiant. Größe der Zahlung.",
        ),
        (
            "Getting paid",
            "Payments, paiements, Auszahlungen and pagamentos go out monthly.",
        ),
        (
            "Café reports",
            "Reports show clicks — and sales… per day; relatórios diários.",
        ),
    ];
    for (i, (title, body)) in texts.iter().enumerate() {
        writer.add(IndexedArticle {
            record: DocRecord {
                id: format!("a{i}"),
                title: (*title).into(),
                category: "c".into(),
                category_name: "C".into(),
                summary: None,
                text: (*body).into(),
                body_file: format!("a{i}.html"),
                video: None,
                updated: None,
                signed_in: false,
                locale: "en".into(),
                votes: None,
                related: Vec::new(),
                sections: Vec::new(),
            },
            contexts: vec!["/reports/*".into(), "/".into()],
            starter: i == 0,
            weight: 0,
            fields: [analyzer.terms(title), vec![], vec![], analyzer.terms(body)],
        });
    }
    let files = writer.finish(fnv);
    let root = LocaleRoot::decode(&files.files[&files.root]).expect("a fresh root decodes");
    (LocaleIndex::new(root), files.files)
}

/// Searches `text` in a small index of every language, with and without a
/// context; checks that every mark lies on character boundaries.
pub fn search_everything(text: &str) {
    INDEXES.with(|indexes| {
        for (index, files) in indexes.borrow_mut().iter_mut() {
            for context in [None, Some(text.to_string())] {
                let options = SearchOptions {
                    context,
                    ..SearchOptions::default()
                };
                let hits = index
                    .search_with(text, &options, |name| files.get(name).cloned().ok_or(()))
                    .expect("every file is there");
                for hit in hits.hits {
                    for mark in hit.snippet_marks {
                        assert!(
                            hit.snippet.get(mark.clone()).is_some(),
                            "mark {mark:?} in {:?}",
                            hit.snippet
                        );
                    }
                    for mark in hit.title_marks {
                        assert!(
                            hit.title.get(mark.clone()).is_some(),
                            "mark {mark:?} in {:?}",
                            hit.title
                        );
                    }
                }
            }
        }
    });
}
