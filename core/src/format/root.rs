//! A locale's root file: small, fetched once, and enough to plan any query.

use super::terms::{FirstTerm, read_terms, write_terms};
use super::{DecodeError, open_file, start_file};
use crate::codec::{Corrupt, Reader};

pub(super) const ROOT_MAGIC: &[u8; 4] = b"HWRT";

/// A locale's root: small, fetched once, and enough to plan any query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocaleRoot {
    /// The locale tag.
    pub locale: String,
    /// How many documents the locale holds.
    pub doc_count: u32,
    /// The hash that names this locale's shards, term lists and chunks.
    pub generation: String,
    /// The first term of each shard, ascending; the first is `""`. Shard
    /// `i` covers the terms from its first up to the next shard's first.
    pub shards: Vec<String>,
    /// How many consecutive documents each doc chunk holds (at least 1).
    pub chunk_docs: u32,
}

impl LocaleRoot {
    /// The root as bytes.
    pub fn encode(&self) -> Vec<u8> {
        let mut w = start_file(ROOT_MAGIC);
        w.str(&self.locale);
        w.u32(self.doc_count);
        w.str(&self.generation);
        write_terms(&mut w, &self.shards);
        w.u32(self.chunk_docs);
        w.bytes
    }

    /// Reads a root; truncated or corrupt bytes give an error, never a panic.
    pub fn decode(bytes: &[u8]) -> Result<LocaleRoot, DecodeError> {
        let mut r = open_file(bytes, ROOT_MAGIC, "locale root")?;
        let locale = r.string()?;
        let doc_count = r.u32()?;
        let generation = r.string()?;
        let shards = read_terms(&mut r, FirstTerm::MayBeEmpty)?;
        let chunk_docs = r.u32()?;
        let root = LocaleRoot {
            locale,
            doc_count,
            generation,
            shards,
            chunk_docs,
        };
        root.validate(&r)?;
        r.finish()?;
        Ok(root)
    }

    fn validate(&self, r: &Reader<'_>) -> Result<(), Corrupt> {
        if self.shards.first().is_none_or(|s| !s.is_empty()) {
            return Err(r.corrupt("the first shard must start at the empty term"));
        }
        if self.chunk_docs == 0 {
            return Err(r.corrupt("a chunk must hold at least one document"));
        }
        if !self.generation.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(r.corrupt("the generation must be letters and digits"));
        }
        if !self
            .locale
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        {
            return Err(r.corrupt("the locale must be letters, digits and `-`"));
        }
        Ok(())
    }

    /// The file name of the locale's [`CategoryList`](super::CategoryList).
    pub fn categories_file(&self) -> String {
        format!("{}-c-{}.bin", self.locale, self.generation)
    }

    /// The file name of the locale's [`TitleList`](super::TitleList).
    pub fn titles_file(&self) -> String {
        format!("{}-n-{}.bin", self.locale, self.generation)
    }

    /// The file name of term shard `i`.
    pub fn shard_file(&self, i: usize) -> String {
        format!("{}-t{i}-{}.bin", self.locale, self.generation)
    }

    /// The file name of the term list of shard `i`.
    pub fn vocab_file(&self, i: usize) -> String {
        format!("{}-v{i}-{}.bin", self.locale, self.generation)
    }

    /// The file name of doc chunk `i`.
    pub fn chunk_file(&self, i: usize) -> String {
        format!("{}-d{i}-{}.bin", self.locale, self.generation)
    }

    /// How many doc chunks there are.
    pub fn chunk_count(&self) -> usize {
        self.doc_count.div_ceil(self.chunk_docs) as usize
    }

    /// The index of the shard that holds `term`, if any could.
    pub fn shard_for(&self, term: &str) -> usize {
        self.shards
            .partition_point(|s| s.as_str() <= term)
            .saturating_sub(1)
    }

    /// The shards that may hold terms starting with `prefix`.
    pub fn shards_for_prefix(&self, prefix: &str) -> std::ops::RangeInclusive<usize> {
        let first = self.shard_for(prefix);
        let after = self.shards[first..]
            .iter()
            .take_while(|s| s.as_str() <= prefix || s.starts_with(prefix))
            .count();
        first..=first + after.saturating_sub(1)
    }

    /// The index of the chunk that holds document `doc`.
    pub fn chunk_for(&self, doc: u32) -> usize {
        (doc / self.chunk_docs.max(1)) as usize
    }
}
