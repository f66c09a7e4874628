//! Writing a locale's index: analyzed articles in, named files out.
//!
//! The builder analyzes text (with elasticlunr-rs) and hands the terms here;
//! this module scores, shards and encodes them. It lives in `core`, beside
//! the decoder, so that one crate defines the format.

use std::collections::BTreeMap;

use crate::format::reserved::{
    PREFIX_TERM_CHARS, PREFIX_TERM_DOCS, STARTER_TERM, category_term, context_term, id_term,
    prefix_term, weight_impact,
};
use crate::format::{
    Category, CategoryList, DocChunk, DocRecord, DocTitle, LocaleRoot, TermEntry, TermList,
    TermShard, TitleList,
};

/// How a field's matches count, baked into each posting's impact at build
/// time. [`FieldWeights::default`] is what the builder uses.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldWeights {
    /// Weight of each field, indexed by [`Field`]. Range `0.0..=10.0`; `0`
    /// ignores the field, and a field weighted twice another counts a match
    /// in it like two matches there. Defaults: title 8, tags 4, summary 1.5,
    /// body 1, so a title word outranks the same word said in passing, and
    /// a word of the one-line summary counts for little more than one of
    /// the body (summaries often mention neighbouring tasks: on the GNOME
    /// judged set, title 6 → 8 and summary 2.5 → 1.5 lift MRR@10 from
    /// 0.908 to 0.919, typos most).
    pub weight: [f32; 4],
    /// Length normalization per field (BM25's `b`), indexed by [`Field`].
    /// Range `0.0..=1.0`; `0` ignores length, `1` divides fully by the
    /// field's length relative to the average. Defaults: title 1, tags
    /// 0.3, summary 0.5, body 0.75. A title is what its page is about, all
    /// of it: "Bluetooth" is more about the word than "Turn Bluetooth on
    /// or off", so titles are normalized fully (on the GNOME judged set,
    /// 0.5 → 1 lifts MRR@10 from 0.857 to 0.893, mostly on one-word
    /// queries); long bodies mention more words by chance; tags are few.
    pub length_normalization: [f32; 4],
    /// Term frequency saturation (BM25's `k1`). Range `0.5..=3.0`; lower
    /// values make repeats count for less. Default 1.2.
    pub saturation: f32,
}

impl Default for FieldWeights {
    fn default() -> FieldWeights {
        FieldWeights {
            weight: [8.0, 4.0, 1.5, 1.0],
            length_normalization: [1.0, 0.3, 0.5, 0.75],
            saturation: 1.2,
        }
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
    /// Doc chunks hold a fixed number of articles, chosen so that an
    /// average chunk is about this many bytes. Default 12 KiB.
    pub chunk_bytes: usize,
    /// The most bytes of an article's plain text kept for snippets. Default 1500.
    pub snippet_text_bytes: usize,
}

impl Default for SplitOptions {
    fn default() -> SplitOptions {
        SplitOptions {
            shard_bytes: 48 * 1024,
            chunk_bytes: 12 * 1024,
            snippet_text_bytes: 1500,
        }
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
    /// The author's `weight` among the suggestions for a route: higher
    /// first among equally specific matches. Range
    /// [`MIN_WEIGHT`](crate::format::reserved::MIN_WEIGHT)`..=`
    /// [`MAX_WEIGHT`](crate::format::reserved::MAX_WEIGHT) (clamped), default 0.
    pub weight: i32,
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
    category_order: Vec<String>,
}

impl IndexWriter {
    /// An empty index for `locale`.
    pub fn new(
        locale: impl Into<String>,
        weights: FieldWeights,
        split: SplitOptions,
    ) -> IndexWriter {
        IndexWriter {
            locale: locale.into(),
            weights,
            split,
            articles: Vec::new(),
            category_order: Vec::new(),
        }
    }

    /// The order of the category list, by slug. Categories no article
    /// uses are left out; those used but not named here follow, in the
    /// order their first article was added.
    pub fn set_category_order(&mut self, slugs: Vec<String>) {
        self.category_order = slugs;
    }

    /// Adds one article; it becomes the next document number.
    pub fn add(&mut self, mut article: IndexedArticle) {
        let record = &mut article.record;
        truncate_at_char(&mut record.text, self.split.snippet_text_bytes);
        // A section past the text kept starts where the text ends; one
        // given out of order or off a character starts where the one before
        // it does: the records stay well formed whatever the caller gave.
        let mut previous = 0;
        for section in &mut record.sections {
            let mut start = (section.start as usize).min(record.text.len());
            if start + section.heading.len() > record.text.len() {
                // Its heading is cut too.
                start = record.text.len();
            }
            while !record.text.is_char_boundary(start) {
                start -= 1;
            }
            let start = start.max(previous);
            section.start = start as u32;
            previous = start;
        }
        self.articles.push(article);
    }

    /// Encodes everything. `hash(bytes)` must return a short hash of its
    /// input in letters and digits (the builder uses SHA-256); it names the
    /// files so that a change of content is a change of name.
    pub fn finish(self, hash: impl Fn(&[u8]) -> String) -> LocaleFiles {
        let doc_count = u32::try_from(self.articles.len()).expect("fewer than 4 billion articles");

        // Average length of each field, for BM25's length normalization.
        let mut avg = [0f32; 4];
        for a in &self.articles {
            for f in Field::ALL {
                avg[f as usize] += a.fields[f as usize].len() as f32;
            }
        }
        let n = self.articles.len().max(1) as f32;
        avg.iter_mut()
            .for_each(|total| *total = (*total / n).max(1.0));

        let mut postings: BTreeMap<String, Vec<(u32, u8)>> = BTreeMap::new();
        for (doc, a) in self.articles.iter().enumerate() {
            // The article's id, as a term no query can produce, so that an
            // article can be found by id with the same shard lookup.
            postings
                .entry(id_term(&a.record.id))
                .or_default()
                .push((doc as u32, 1));
            let mut tf: BTreeMap<&str, [u32; 4]> = BTreeMap::new();
            for f in Field::ALL {
                for term in &a.fields[f as usize] {
                    tf.entry(term.as_str()).or_default()[f as usize] += 1;
                }
            }
            for (term, counts) in tf {
                let impact = self.impact(&counts, &a.fields, &avg);
                postings
                    .entry(term.to_string())
                    .or_default()
                    .push((doc as u32, impact));
            }
        }

        merge_accented_into_plain(&mut postings);

        // What reserved terms carry: the prefixes of words, the contexts, the
        // getting-started list. They live in the shards like any term, so the
        // root stays small and a query fetches only the ones it needs.
        let prefixes = prefix_postings(&postings);
        postings.extend(prefixes);
        for (doc, a) in self.articles.iter().enumerate() {
            let weight = weight_impact(a.weight);
            for pattern in &a.contexts {
                let list = postings.entry(context_term(pattern)).or_default();
                // An article listing a pattern twice is posted once.
                if list.last().is_none_or(|&(d, _)| d != doc as u32) {
                    list.push((doc as u32, weight));
                }
            }
            if a.starter {
                postings
                    .entry(STARTER_TERM.to_string())
                    .or_default()
                    .push((doc as u32, weight));
            }
            postings
                .entry(category_term(&a.record.category))
                .or_default()
                .push((doc as u32, weight));
        }

        // Term shards of about `shard_bytes`, each with its term list.
        let mut shards: Vec<TermShard> = vec![TermShard::default()];
        let mut current_bytes = 0;
        let mut first_terms = vec![String::new()];
        for (term, list) in postings {
            if current_bytes >= self.split.shard_bytes {
                shards.push(TermShard::default());
                first_terms.push(term.clone());
                current_bytes = 0;
            }
            current_bytes += term.len() + 2 + list.len() * 2;
            shards
                .last_mut()
                .expect("never empty")
                .terms
                .push(TermEntry {
                    term,
                    postings: list,
                });
        }

        // Doc chunks of a fixed number of documents.
        let record_bytes: usize = self.articles.iter().map(|a| record_size(&a.record)).sum();
        let average = (record_bytes / self.articles.len().max(1)).max(1);
        let chunk_docs = (self.split.chunk_bytes / average).clamp(1, 256);
        let chunks: Vec<DocChunk> = self
            .articles
            .chunks(chunk_docs)
            .enumerate()
            .map(|(i, part)| DocChunk {
                first_doc: (i * chunk_docs) as u32,
                docs: part.iter().map(|a| a.record.clone()).collect(),
            })
            .collect();

        let shard_bytes: Vec<Vec<u8>> = shards.iter().map(TermShard::encode).collect();
        let vocab_bytes: Vec<Vec<u8>> = shards
            .iter()
            .map(|s| {
                TermList {
                    terms: s.terms.iter().map(|t| t.term.clone()).collect(),
                }
                .encode()
            })
            .collect();
        let chunk_bytes: Vec<Vec<u8>> = chunks.iter().map(DocChunk::encode).collect();
        let categories_bytes = self.category_list().encode();
        let titles_bytes = TitleList {
            titles: self
                .articles
                .iter()
                .map(|a| DocTitle::of(&a.record))
                .collect(),
        }
        .encode();
        // One generation over every file, from the files' own hashes.
        let mut digests = String::new();
        for bytes in shard_bytes
            .iter()
            .chain(&vocab_bytes)
            .chain(&chunk_bytes)
            .chain([&categories_bytes, &titles_bytes])
        {
            digests.push_str(&hash(bytes));
        }
        let root = LocaleRoot {
            locale: self.locale,
            doc_count,
            generation: hash(digests.as_bytes()),
            shards: first_terms,
            chunk_docs: chunk_docs as u32,
        };
        let mut files = BTreeMap::new();
        for (i, (shard, vocab)) in shard_bytes.into_iter().zip(vocab_bytes).enumerate() {
            files.insert(root.shard_file(i), shard);
            files.insert(root.vocab_file(i), vocab);
        }
        for (i, chunk) in chunk_bytes.into_iter().enumerate() {
            files.insert(root.chunk_file(i), chunk);
        }
        files.insert(root.categories_file(), categories_bytes);
        files.insert(root.titles_file(), titles_bytes);
        let bytes = root.encode();
        let root_name = format!("{}-root-{}.bin", root.locale, hash(&bytes));
        files.insert(root_name.clone(), bytes);
        LocaleFiles {
            root: root_name,
            files,
        }
    }

    /// The categories the articles use, in [`IndexWriter::set_category_order`]'s
    /// order, with the name their first article gives and their counts.
    fn category_list(&self) -> CategoryList {
        let mut categories: Vec<Category> = Vec::new();
        for a in &self.articles {
            match categories.iter_mut().find(|c| c.slug == a.record.category) {
                Some(c) => c.articles += 1,
                None => categories.push(Category {
                    slug: a.record.category.clone(),
                    name: a.record.category_name.clone(),
                    articles: 1,
                }),
            }
        }
        let rank = |slug: &str| {
            self.category_order
                .iter()
                .position(|s| s == slug)
                .unwrap_or(usize::MAX)
        };
        // A stable sort keeps first appearance among those not ordered.
        categories.sort_by_key(|c| rank(&c.slug));
        CategoryList { categories }
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

/// Where a plain term is also an accented one folded ("eject" and
/// "éject", "cote" and "côté"), gives the plain term the accented one's
/// postings too, each document keeping its best impact. A reader who types
/// "ejecter" without its accent must find the pages about "éjecter", not
/// only the one that names an English key "Eject": the query side's accent
/// folding works as a typo fallback, and never runs for a word that
/// matches a term exactly. The accented term keeps its own postings.
fn merge_accented_into_plain(postings: &mut BTreeMap<String, Vec<(u32, u8)>>) {
    let mut merges: Vec<(String, Vec<(u32, u8)>)> = Vec::new();
    for (term, list) in postings.iter() {
        if term.starts_with(|c: char| c.is_control()) {
            continue;
        }
        let plain: String = term.chars().map(crate::text::fold).collect();
        if plain != *term && postings.contains_key(&plain) {
            merges.push((plain, list.clone()));
        }
    }
    for (plain, list) in merges {
        let target = postings.get_mut(&plain).expect("checked above");
        let mut best: BTreeMap<u32, u8> = target.iter().copied().collect();
        for (doc, impact) in list {
            let slot = best.entry(doc).or_insert(0);
            *slot = (*slot).max(impact);
        }
        *target = best.into_iter().collect();
    }
}

/// A prefix gets a [`prefix_term`] only when its completions hold at least
/// this many postings: only then is expanding it costly. Small indexes get
/// few or none, and their short prefixes expand as long ones do.
pub const PREFIX_TERM_MIN_POSTINGS: usize = 2000;

/// The postings of every prefix term: for each document, the best impact of
/// any longer word with that prefix, keeping the best documents.
fn prefix_postings(
    postings: &BTreeMap<String, Vec<(u32, u8)>>,
) -> BTreeMap<String, Vec<(u32, u8)>> {
    let words = || {
        postings
            .iter()
            .filter(|(term, _)| !term.starts_with(|c: char| c.is_control()))
    };
    let mut volume: BTreeMap<&str, usize> = BTreeMap::new();
    for (term, list) in words() {
        for prefix in short_prefixes(term) {
            *volume.entry(prefix).or_default() += list.len();
        }
    }
    let mut best: BTreeMap<String, std::collections::HashMap<u32, u8>> = BTreeMap::new();
    for (term, list) in words() {
        for prefix in short_prefixes(term) {
            if volume
                .get(prefix)
                .is_none_or(|&v| v < PREFIX_TERM_MIN_POSTINGS)
            {
                continue;
            }
            let slot = best.entry(prefix.to_string()).or_default();
            for &(doc, impact) in list {
                let e = slot.entry(doc).or_insert(0);
                *e = (*e).max(impact);
            }
        }
    }
    best.into_iter()
        .map(|(prefix, docs)| {
            let mut docs: Vec<(u32, u8)> = docs.into_iter().collect();
            docs.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            docs.truncate(PREFIX_TERM_DOCS);
            docs.sort_unstable();
            (prefix_term(&prefix), docs)
        })
        .collect()
}

/// The prefixes of `term` that may get a [`prefix_term`]: 1 to
/// [`PREFIX_TERM_CHARS`] letters, and shorter than the term itself.
fn short_prefixes(term: &str) -> impl Iterator<Item = &str> {
    let chars = term.chars().count();
    term.char_indices()
        .skip(1)
        .map(|(end, _)| end)
        .chain(std::iter::once(term.len()))
        .take(PREFIX_TERM_CHARS.min(chars.saturating_sub(1)))
        .map(move |end| &term[..end])
}

/// Roughly how many bytes a record takes encoded.
fn record_size(r: &DocRecord) -> usize {
    r.id.len()
        + r.title.len()
        + r.category.len()
        + r.category_name.len()
        + r.summary.as_ref().map_or(0, String::len)
        + r.text.len()
        + r.body_file.len()
        + r.video.as_ref().map_or(0, |v| v.url.len() + 4)
        + r.related.iter().map(|id| id.len() + 1).sum::<usize>()
        + 24
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
