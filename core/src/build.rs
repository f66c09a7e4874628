//! Writing a locale's index: analyzed articles in, named files out.
//!
//! The builder analyzes text (with elasticlunr-rs) and hands the terms here;
//! this module scores, shards and encodes them. It lives in `core`, beside
//! the decoder, so that one crate defines the format.

use std::collections::BTreeMap;

use crate::format::{ChunkRef, DocChunk, DocRecord, LocaleRoot, ShardRef, TermEntry, TermShard};

/// How a field's matches count, baked into each posting's impact at build
/// time. [`FieldWeights::default`] is what the builder uses.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldWeights {
    /// Weight of each field, indexed by [`Field`]. Range `0.0..=10.0`; `0`
    /// ignores the field, and a field weighted twice another counts a match
    /// in it like two matches there. Defaults: title 6, tags 4, summary 2.5,
    /// body 1, so a title word outranks the same word said in passing.
    pub weight: [f32; 4],
    /// Length normalization per field (BM25's `b`), indexed by [`Field`].
    /// Range `0.0..=1.0`; `0` ignores length, `1` divides fully by the
    /// field's length relative to the average. Defaults: title 0.5, tags
    /// 0.3, summary 0.5, body 0.75: long bodies mention more words by
    /// chance, while titles and tags are all short.
    pub length_normalization: [f32; 4],
    /// Term frequency saturation (BM25's `k1`). Range `0.5..=3.0`; lower
    /// values make repeats count for less. Default 1.2.
    pub saturation: f32,
}

impl Default for FieldWeights {
    fn default() -> FieldWeights {
        FieldWeights { weight: [6.0, 4.0, 2.5, 1.0], length_normalization: [0.5, 0.3, 0.5, 0.75], saturation: 1.2 }
    }
}

/// The fields of an article that the index knows about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// The article's title.
    Title = 0,
    /// Its tags.
    Tags = 1,
    /// Its one-line summary.
    Summary = 2,
    /// Its body text.
    Body = 3,
}

impl Field {
    /// Every field, in storage order.
    pub const ALL: [Field; 4] = [Field::Title, Field::Tags, Field::Summary, Field::Body];
}

/// Sizes that decide how the index is split into files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitOptions {
    /// A term shard is closed once its encoding passes this many bytes.
    /// Default 48 KiB: small corpora get one shard, large ones many.
    pub shard_bytes: usize,
    /// A doc chunk is closed once its encoding passes this many bytes.
    /// Default 12 KiB, a few articles per chunk.
    pub chunk_bytes: usize,
    /// The most bytes of an article's plain text kept for snippets. Default 2000.
    pub snippet_text_bytes: usize,
}

impl Default for SplitOptions {
    fn default() -> SplitOptions {
        SplitOptions { shard_bytes: 48 * 1024, chunk_bytes: 12 * 1024, snippet_text_bytes: 2000 }
    }
}

/// One article, analyzed, ready for the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexedArticle {
    /// What results and the article view show.
    pub record: DocRecord,
    /// Route patterns where the article is relevant.
    pub contexts: Vec<String>,
    /// Whether it is a getting-started article.
    pub starter: bool,
    /// The terms of each field, indexed by [`Field`], in text order.
    pub fields: [Vec<String>; 4],
}

/// A finished locale: the root's file name and every file's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocaleFiles {
    /// The root's file name, for the manifest.
    pub root: String,
    /// Every file of the locale by name, root included.
    pub files: BTreeMap<String, Vec<u8>>,
}

/// Builds a locale's index one article at a time.
///
/// The output depends only on what was added and in which order, so the
/// same content always gives the same bytes.
#[derive(Debug)]
pub struct IndexWriter {
    locale: String,
    weights: FieldWeights,
    split: SplitOptions,
    articles: Vec<IndexedArticle>,
}

impl IndexWriter {
    /// An empty index for `locale`.
    pub fn new(locale: impl Into<String>, weights: FieldWeights, split: SplitOptions) -> IndexWriter {
        IndexWriter { locale: locale.into(), weights, split, articles: Vec::new() }
    }

    /// Adds one article; it becomes the next document number.
    pub fn add(&mut self, mut article: IndexedArticle) {
        truncate_at_char(&mut article.record.text, self.split.snippet_text_bytes);
        self.articles.push(article);
    }

    /// Encodes everything. `name(kind, bytes)` names each file, for example
    /// with a content hash; `kind` is `root`, `t<n>` or `d<n>`.
    pub fn finish(self, mut name: impl FnMut(&str, &[u8]) -> String) -> LocaleFiles {
        let doc_count = u32::try_from(self.articles.len()).expect("fewer than 4 billion articles");
        let mut files = BTreeMap::new();

        // Average length of each field, for BM25's length normalization.
        let mut avg = [0f32; 4];
        for a in &self.articles {
            for f in Field::ALL {
                avg[f as usize] += a.fields[f as usize].len() as f32;
            }
        }
        let n = self.articles.len().max(1) as f32;
        avg.iter_mut().for_each(|total| *total = (*total / n).max(1.0));

        let mut postings: BTreeMap<&str, Vec<(u32, u8)>> = BTreeMap::new();
        for (doc, a) in self.articles.iter().enumerate() {
            let mut tf: BTreeMap<&str, [u32; 4]> = BTreeMap::new();
            for f in Field::ALL {
                for term in &a.fields[f as usize] {
                    tf.entry(term.as_str()).or_default()[f as usize] += 1;
                }
            }
            for (term, counts) in tf {
                let impact = self.impact(&counts, &a.fields, &avg);
                postings.entry(term).or_default().push((doc as u32, impact));
            }
        }

        let mut shards = Vec::new();
        let mut current = TermShard::default();
        let mut current_bytes = 0;
        let mut first_term = String::new();
        for (term, list) in postings {
            if current_bytes >= self.split.shard_bytes {
                let bytes = std::mem::take(&mut current).encode();
                let file = name(&format!("t{}", shards.len()), &bytes);
                shards.push(ShardRef { first_term: std::mem::replace(&mut first_term, term.to_string()), file: file.clone() });
                files.insert(file, bytes);
                current_bytes = 0;
            }
            current_bytes += term.len() + 2 + list.len() * 2;
            current.terms.push(TermEntry { term: term.to_string(), postings: list });
        }
        let bytes = current.encode();
        let file = name(&format!("t{}", shards.len()), &bytes);
        shards.push(ShardRef { first_term, file: file.clone() });
        files.insert(file, bytes);

        let mut chunks = Vec::new();
        let mut chunk = DocChunk::default();
        let mut chunk_bytes = 0;
        let mut contexts: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
        let mut starters = Vec::new();
        for (doc, a) in self.articles.iter().enumerate() {
            let doc = doc as u32;
            if chunk_bytes >= self.split.chunk_bytes {
                let first_doc = chunk.first_doc;
                let bytes = std::mem::take(&mut chunk).encode();
                let file = name(&format!("d{}", chunks.len()), &bytes);
                chunks.push(ChunkRef { first_doc, file: file.clone() });
                files.insert(file, bytes);
                chunk.first_doc = doc;
                chunk_bytes = 0;
            }
            let r = &a.record;
            chunk_bytes += r.id.len() + r.title.len() + r.text.len() + r.body_file.len() + 32;
            chunk.docs.push(r.clone());
            for pattern in &a.contexts {
                contexts.entry(pattern).or_default().push(doc);
            }
            if a.starter {
                starters.push(doc);
            }
        }
        if !chunk.docs.is_empty() {
            let first_doc = chunk.first_doc;
            let bytes = chunk.encode();
            let file = name(&format!("d{}", chunks.len()), &bytes);
            chunks.push(ChunkRef { first_doc, file: file.clone() });
            files.insert(file, bytes);
        }

        let root = LocaleRoot {
            locale: self.locale,
            doc_count,
            shards,
            chunks,
            contexts: contexts.into_iter().map(|(p, d)| (p.to_string(), d)).collect(),
            starters,
        };
        let bytes = root.encode();
        let root_name = name("root", &bytes);
        files.insert(root_name.clone(), bytes);
        LocaleFiles { root: root_name, files }
    }

    /// BM25F: field frequencies, length-normalized and weighted, summed,
    /// then saturated once, quantized to `1..=255`.
    fn impact(&self, tf: &[u32; 4], fields: &[Vec<String>; 4], avg: &[f32; 4]) -> u8 {
        let w = &self.weights;
        let mut pseudo = 0f32;
        for f in Field::ALL {
            let i = f as usize;
            if tf[i] == 0 {
                continue;
            }
            let b = w.length_normalization[i];
            let norm = 1.0 - b + b * fields[i].len() as f32 / avg[i];
            pseudo += w.weight[i] * tf[i] as f32 / norm;
        }
        let saturated = pseudo / (w.saturation + pseudo);
        (saturated * 255.0).round().clamp(1.0, 255.0) as u8
    }
}

fn truncate_at_char(text: &mut String, max: usize) {
    if text.len() > max {
        let mut end = max;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
}
