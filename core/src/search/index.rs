//! A locale's index, filled in as the files a query needs arrive.

use crate::format::reserved::{id_term, prefix_term};
use crate::format::{
    CategoryList, DecodeError, DocChunk, DocRecord, DocTitle, LocaleRoot, TermEntry, TermList,
    TermShard, TitleList,
};
use crate::text::{Analyzer, Language};

use super::query::Query;

/// A file that a query needs before it can be ranked or shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Need {
    /// A term shard, with postings.
    Shard(usize),
    /// A shard's term list, to look for typos.
    Vocab(usize),
    /// A doc chunk, to show results.
    Chunk(usize),
    /// The category list, to browse by category.
    Categories,
    /// The title list, to show list rows and first results.
    Titles,
}

/// A locale's index, filled in as the files a query needs arrive.
#[derive(Debug)]
pub struct LocaleIndex {
    pub(super) root: LocaleRoot,
    pub(super) analyzer: Analyzer,
    pub(super) shards: Vec<Option<TermShard>>,
    pub(super) vocabs: Vec<Option<TermList>>,
    pub(super) chunks: Vec<Option<DocChunk>>,
    pub(super) categories: Option<CategoryList>,
    pub(super) titles: Option<TitleList>,
}

impl LocaleIndex {
    /// An index around a decoded root; shards and chunks come later.
    pub fn new(root: LocaleRoot) -> LocaleIndex {
        let analyzer = Analyzer::new(Language::from_locale(&root.locale));
        LocaleIndex {
            shards: vec![None; root.shards.len()],
            vocabs: vec![None; root.shards.len()],
            chunks: vec![None; root.chunk_count()],
            categories: None,
            titles: None,
            analyzer,
            root,
        }
    }

    /// Analyzes a query for this locale.
    pub fn parse(&self, text: &str) -> Query {
        Query::parse(&self.analyzer, text)
    }

    /// The file name of what `need` names.
    pub fn file(&self, need: Need) -> String {
        match need {
            Need::Shard(i) => self.root.shard_file(i),
            Need::Vocab(i) => self.root.vocab_file(i),
            Need::Chunk(i) => self.root.chunk_file(i),
            Need::Categories => self.root.categories_file(),
            Need::Titles => self.root.titles_file(),
        }
    }

    /// Stores the bytes of what `need` names.
    pub fn insert(&mut self, need: Need, bytes: &[u8]) -> Result<(), DecodeError> {
        match need {
            Need::Shard(i) => self.shards[i] = Some(TermShard::decode(bytes, self.root.doc_count)?),
            Need::Vocab(i) => self.vocabs[i] = Some(TermList::decode(bytes)?),
            Need::Chunk(i) => {
                let chunk = DocChunk::decode(bytes)?;
                let first = i as u32 * self.root.chunk_docs;
                if chunk.first_doc != first || chunk.docs.len() > self.root.chunk_docs as usize {
                    return Err(DecodeError::Corrupt {
                        what: "doc chunk",
                        reason: format!("it does not hold the documents of chunk {i}"),
                    });
                }
                self.chunks[i] = Some(chunk);
            }
            Need::Categories => self.categories = Some(CategoryList::decode(bytes)?),
            Need::Titles => {
                let list = TitleList::decode(bytes)?;
                if list.titles.len() != self.root.doc_count as usize {
                    return Err(DecodeError::Corrupt {
                        what: "title list",
                        reason: format!(
                            "it holds {} titles for {} documents",
                            list.titles.len(),
                            self.root.doc_count
                        ),
                    });
                }
                self.titles = Some(list);
            }
        }
        Ok(())
    }

    pub(super) fn loaded(&self, need: Need) -> bool {
        match need {
            Need::Shard(i) => self.shards[i].is_some(),
            Need::Vocab(i) => self.vocabs[i].is_some(),
            Need::Chunk(i) => self.chunks[i].is_some(),
            Need::Categories => self.categories.is_some(),
            Need::Titles => self.titles.is_some(),
        }
    }

    /// The document with the id `id`, once [`LocaleIndex::needs_for_id`]
    /// is satisfied; `None` if there is no such article.
    pub fn doc_by_id(&self, id: &str) -> Option<u32> {
        self.entry(&id_term(id))?
            .postings
            .first()
            .map(|&(doc, _)| doc)
    }

    /// Document `doc`, if its chunk is loaded.
    pub fn doc(&self, doc: u32) -> Option<&DocRecord> {
        self.chunks
            .get(self.root.chunk_for(doc))?
            .as_ref()?
            .get(doc)
    }

    /// Document `doc`'s list row, once the title list is loaded.
    pub fn title(&self, doc: u32) -> Option<&DocTitle> {
        self.titles.as_ref()?.get(doc)
    }

    /// `[Need::Titles]` until the title list is loaded, then nothing.
    pub fn needs_titles(&self) -> Vec<Need> {
        if self.loaded(Need::Titles) {
            Vec::new()
        } else {
            vec![Need::Titles]
        }
    }

    /// Whether the index has a prefix term for `prefix`: `None` until the
    /// shard that would hold it is loaded.
    pub(super) fn prefix_term_present(&self, prefix: &str) -> Option<bool> {
        let term = prefix_term(prefix);
        let shard = self.shards.get(self.root.shard_for(&term))?.as_ref()?;
        Some(shard.get(&term).is_some())
    }

    pub(super) fn entry(&self, term: &str) -> Option<&TermEntry> {
        self.shards
            .get(self.root.shard_for(term))?
            .as_ref()?
            .get(term)
    }
}
