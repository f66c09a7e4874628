//! The bundle format: what the index builder writes and the widget reads.
//!
//! A bundle is a folder that a CDN serves. Every file but the manifest is
//! named by a hash of its content, so it can be cached forever:
//!
//! ```text
//! manifest.json              small, short-cached: format version, locales
//! <locale>-root-<hash>.bin   per locale: shard boundaries and sizes
//! <locale>-t<n>-<gen>.bin    term shards: a range of terms with postings
//! <locale>-v<n>-<gen>.bin    the same range's terms alone, for typo lookups
//! <locale>-d<n>-<gen>.bin    doc chunks: titles, summaries, text for snippets
//! <locale>/<id>-<hash>.html  an article's sanitized body, fetched on open
//! ```
//!
//! `<gen>` is one hash over all of a locale's shards and chunks, so the root
//! names them by number and stays small however many articles there are.
//! Ids, route contexts, the getting-started list and busy short prefixes
//! are reserved terms in the shards (see [`crate::build`]), not root tables.
//! The first query fetches the manifest, the locale root, the shards its
//! words fall in and the doc chunks of the top results: never the whole
//! index, so growth does not land on it. A word that matches nothing
//! fetches the small term lists of its first letter to look for a typo.
//!
//! Every binary file starts with a four-byte magic and [`FORMAT_VERSION`];
//! a reader refuses any other version with
//! [`DecodeError::UnsupportedVersion`]. This module holds the only encoder
//! and the only decoder, for the builder and the widget alike.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::codec::{Reader, Writer};

/// The bundle format version this build writes and reads.
///
/// Bump it whenever the bytes of any bundle file change meaning.
pub const FORMAT_VERSION: u32 = 1;

const ROOT_MAGIC: &[u8; 4] = b"HWRT";
const SHARD_MAGIC: &[u8; 4] = b"HWTS";
const CHUNK_MAGIC: &[u8; 4] = b"HWDC";
const VOCAB_MAGIC: &[u8; 4] = b"HWVO";

/// Why bundle bytes could not be read.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum DecodeError {
    /// The bundle was written in a format version this reader does not know.
    #[error(
        "bundle format version {found} is not supported (this widget reads version {supported})"
    )]
    UnsupportedVersion {
        /// The version found in the bytes.
        found: u32,
        /// The version this reader supports.
        supported: u32,
    },
    /// The manifest is not valid JSON or lacks a required field.
    #[error("manifest is malformed: {0}")]
    Manifest(String),
    /// A binary file is truncated, foreign or corrupt.
    #[error("{what} is corrupt: {reason}")]
    Corrupt {
        /// Which kind of file.
        what: &'static str,
        /// What was wrong.
        reason: String,
    },
}

/// Who a bundle is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Audience {
    /// Anyone: holds nothing of a signed-in article.
    Public,
    /// Signed-in publishers: holds every article.
    SignedIn,
}

/// The bundle's table of contents, stored as `manifest.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Always [`FORMAT_VERSION`] when written by this build.
    pub format_version: u32,
    /// Who the bundle is for.
    pub audience: Audience,
    /// The locale to use when the reader's locale has no index.
    pub default_locale: String,
    /// One entry per locale, keyed by locale tag (`en`, `fr`, `pt-BR`).
    pub locales: BTreeMap<String, LocaleEntry>,
    /// File name of the support hours and contacts (JSON), if the help
    /// center has them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support: Option<String>,
}

/// What the bundle holds for one locale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocaleEntry {
    /// File name of the locale's root, relative to the manifest.
    pub root: String,
    /// How many articles the locale holds.
    pub articles: u32,
}

impl Manifest {
    /// The manifest as pretty, deterministic JSON (keys in a fixed order).
    pub fn to_json(&self) -> String {
        let mut json = serde_json::to_string_pretty(self).expect("a manifest always serializes");
        json.push('\n');
        json
    }

    /// Reads a manifest, checking its format version before anything else.
    pub fn from_json(bytes: &[u8]) -> Result<Manifest, DecodeError> {
        #[derive(Deserialize)]
        struct VersionOnly {
            format_version: Option<u32>,
        }
        let probe: VersionOnly =
            serde_json::from_slice(bytes).map_err(|e| DecodeError::Manifest(e.to_string()))?;
        match probe.format_version {
            Some(FORMAT_VERSION) => {}
            Some(found) => {
                return Err(DecodeError::UnsupportedVersion {
                    found,
                    supported: FORMAT_VERSION,
                });
            }
            None => {
                return Err(DecodeError::Manifest(
                    "missing field `format_version`".into(),
                ));
            }
        }
        serde_json::from_slice(bytes).map_err(|e| DecodeError::Manifest(e.to_string()))
    }

    /// The locale to serve for `locale`: itself, then its base language
    /// (`pt` for `pt-PT`), then any region of that language (`pt-BR`), then
    /// the default locale.
    pub fn locale(&self, locale: &str) -> Option<(&str, &LocaleEntry)> {
        let lower = locale.replace('_', "-").to_ascii_lowercase();
        let base = lower.split('-').next().unwrap_or(&lower).to_string();
        let find = |pred: &dyn Fn(&str) -> bool| {
            self.locales
                .iter()
                .find(|(tag, _)| pred(&tag.to_ascii_lowercase()))
                .map(|(t, e)| (t.as_str(), e))
        };
        find(&|tag| tag == lower)
            .or_else(|| find(&|tag| tag == base))
            .or_else(|| find(&|tag| tag.split('-').next() == Some(base.as_str())))
            .or_else(|| {
                self.locales
                    .get_key_value(&self.default_locale)
                    .map(|(t, e)| (t.as_str(), e))
            })
    }
}

/// A video tutorial attached to an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Video {
    /// Where the video is.
    pub url: String,
    /// Its length in seconds.
    pub seconds: u32,
}

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

/// One indexed term and the documents that contain it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermEntry {
    /// The analyzed term.
    pub term: String,
    /// `(document, impact)` by ascending document. The impact, `1..=255`,
    /// is the term's saturated, field-weighted frequency in that document.
    pub postings: Vec<(u32, u8)>,
}

/// A range of terms with their postings.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TermShard {
    /// Terms in ascending order.
    pub terms: Vec<TermEntry>,
}

/// The terms of one shard without their postings: what a typo lookup reads.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TermList {
    /// Terms in ascending order.
    pub terms: Vec<String>,
}

/// What a result list and an article view show for one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocRecord {
    /// The article's stable id, shared by its translations.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its category.
    pub category: String,
    /// Its one-line summary, if any.
    pub summary: Option<String>,
    /// Its body as plain text, capped, for snippets.
    pub text: String,
    /// File name of its rendered body, relative to the manifest.
    pub body_file: String,
    /// Its video tutorial, if any.
    pub video: Option<Video>,
    /// When it was last updated (`YYYY-MM-DD`), if known.
    pub updated: Option<String>,
    /// Whether only signed-in publishers may see it.
    pub signed_in: bool,
    /// The locale it is written in: the index's own, or English for an
    /// article not translated yet, which the index carries as a fallback.
    pub locale: String,
}

/// A run of consecutive documents.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DocChunk {
    /// The first document's number.
    pub first_doc: u32,
    /// The documents, in order.
    pub docs: Vec<DocRecord>,
}

impl LocaleRoot {
    /// The root as bytes.
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer::with_header(ROOT_MAGIC);
        w.str(&self.locale);
        w.u32(self.doc_count);
        w.str(&self.generation);
        write_terms(&mut w, &self.shards);
        w.u32(self.chunk_docs);
        w.bytes
    }

    /// Reads a root; truncated or corrupt bytes give an error, never a panic.
    pub fn decode(bytes: &[u8]) -> Result<LocaleRoot, DecodeError> {
        let mut r = Reader::with_header(bytes, ROOT_MAGIC, "locale root")?;
        let locale = r.string()?;
        let doc_count = r.u32()?;
        let generation = r.string()?;
        let shards = read_terms(&mut r, true)?;
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

    fn validate(&self, r: &Reader<'_>) -> Result<(), DecodeError> {
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

/// Front-coded terms: each stores how many leading bytes it shares with the
/// previous one, then the rest.
fn write_terms(w: &mut Writer, terms: &[String]) {
    w.usize(terms.len());
    let mut previous: &str = "";
    for term in terms {
        let shared = shared_prefix(previous, term);
        w.usize(shared);
        w.str(&term[shared..]);
        previous = term;
    }
}

fn read_terms(r: &mut Reader<'_>, first_may_be_empty: bool) -> Result<Vec<String>, DecodeError> {
    let n = r.count(2)?;
    let mut terms: Vec<String> = Vec::with_capacity(n);
    for _ in 0..n {
        let term = read_front_coded(r, terms.last().map(String::as_str))?;
        if term.is_empty() && !(first_may_be_empty && terms.is_empty()) {
            return Err(r.corrupt("a term is empty"));
        }
        terms.push(term);
    }
    Ok(terms)
}

/// One front-coded term after `previous`, which it must sort after.
fn read_front_coded(r: &mut Reader<'_>, previous: Option<&str>) -> Result<String, DecodeError> {
    // Not a count of what follows: bounded by the previous term below.
    let shared = usize::try_from(r.u64()?).unwrap_or(usize::MAX);
    let before = previous.unwrap_or("");
    if shared > before.len() || !before.is_char_boundary(shared) {
        return Err(r.corrupt("a term shares more than its predecessor has"));
    }
    let mut term = String::with_capacity(shared + 8);
    term.push_str(&before[..shared]);
    term.push_str(r.str()?);
    if previous.is_some_and(|p| term.as_str() <= p) {
        return Err(r.corrupt("terms are not in ascending order"));
    }
    Ok(term)
}

impl TermList {
    /// The list as bytes.
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer::with_header(VOCAB_MAGIC);
        write_terms(&mut w, &self.terms);
        w.bytes
    }

    /// Reads a list; truncated or corrupt bytes give an error.
    pub fn decode(bytes: &[u8]) -> Result<TermList, DecodeError> {
        let mut r = Reader::with_header(bytes, VOCAB_MAGIC, "term list")?;
        let terms = read_terms(&mut r, false)?;
        r.finish()?;
        Ok(TermList { terms })
    }
}

impl TermShard {
    /// The shard as bytes. Terms are front-coded: each stores how many
    /// leading bytes it shares with the previous one, then the rest.
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer::with_header(SHARD_MAGIC);
        w.usize(self.terms.len());
        let mut previous: &str = "";
        for entry in &self.terms {
            let shared = shared_prefix(previous, &entry.term);
            w.usize(shared);
            w.str(&entry.term[shared..]);
            w.usize(entry.postings.len());
            let mut last_doc = 0;
            for &(doc, impact) in &entry.postings {
                w.u32(doc - last_doc);
                w.u8(impact);
                last_doc = doc;
            }
            previous = &entry.term;
        }
        w.bytes
    }

    /// Reads a shard; truncated or corrupt bytes give an error.
    pub fn decode(bytes: &[u8], doc_count: u32) -> Result<TermShard, DecodeError> {
        let mut r = Reader::with_header(bytes, SHARD_MAGIC, "term shard")?;
        let n = r.count(3)?;
        let mut terms: Vec<TermEntry> = Vec::with_capacity(n);
        for _ in 0..n {
            let term = read_front_coded(&mut r, terms.last().map(|t| t.term.as_str()))?;
            if term.is_empty() {
                return Err(r.corrupt("a term is empty"));
            }
            let count = r.count(2)?;
            let mut postings = Vec::with_capacity(count);
            let mut doc = 0u32;
            for i in 0..count {
                let delta = r.u32()?;
                if i > 0 && delta == 0 {
                    return Err(r.corrupt("a posting repeats a document"));
                }
                doc = doc
                    .checked_add(delta)
                    .filter(|d| *d < doc_count)
                    .ok_or_else(|| r.corrupt("a posting points past the last document"))?;
                let impact = r.u8()?;
                postings.push((doc, impact));
            }
            terms.push(TermEntry { term, postings });
        }
        r.finish()?;
        Ok(TermShard { terms })
    }

    /// The entry for exactly `term`.
    pub fn get(&self, term: &str) -> Option<&TermEntry> {
        self.terms
            .binary_search_by(|e| e.term.as_str().cmp(term))
            .ok()
            .map(|i| &self.terms[i])
    }

    /// The entries whose term starts with `prefix`.
    pub fn with_prefix(&self, prefix: &str) -> &[TermEntry] {
        let start = self.terms.partition_point(|e| e.term.as_str() < prefix);
        let len = self.terms[start..].partition_point(|e| e.term.starts_with(prefix));
        &self.terms[start..start + len]
    }
}

fn shared_prefix(a: &str, b: &str) -> usize {
    let mut n = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    while !b.is_char_boundary(n) {
        n -= 1;
    }
    n
}

impl DocChunk {
    /// The chunk as bytes.
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer::with_header(CHUNK_MAGIC);
        w.u32(self.first_doc);
        w.usize(self.docs.len());
        for d in &self.docs {
            w.str(&d.id);
            w.str(&d.title);
            w.str(&d.category);
            w.opt_str(d.summary.as_deref());
            w.str(&d.text);
            w.str(&d.body_file);
            match &d.video {
                None => w.u8(0),
                Some(v) => {
                    w.u8(1);
                    w.str(&v.url);
                    w.u32(v.seconds);
                }
            }
            w.opt_str(d.updated.as_deref());
            w.u8(u8::from(d.signed_in));
            w.str(&d.locale);
        }
        w.bytes
    }

    /// Reads a chunk; truncated or corrupt bytes give an error.
    pub fn decode(bytes: &[u8]) -> Result<DocChunk, DecodeError> {
        let mut r = Reader::with_header(bytes, CHUNK_MAGIC, "doc chunk")?;
        let first_doc = r.u32()?;
        let n = r.count(8)?;
        let mut docs = Vec::with_capacity(n);
        for _ in 0..n {
            let id = r.string()?;
            let title = r.string()?;
            let category = r.string()?;
            let summary = r.opt_string()?;
            let text = r.string()?;
            let body_file = r.string()?;
            let video = match r.u8()? {
                0 => None,
                1 => Some(Video {
                    url: r.string()?,
                    seconds: r.u32()?,
                }),
                tag => return Err(r.corrupt(format!("unknown video tag {tag}"))),
            };
            let updated = r.opt_string()?;
            let signed_in = match r.u8()? {
                0 => false,
                1 => true,
                other => return Err(r.corrupt(format!("flag {other} is not 0 or 1"))),
            };
            let locale = r.string()?;
            docs.push(DocRecord {
                id,
                title,
                category,
                summary,
                text,
                body_file,
                video,
                updated,
                signed_in,
                locale,
            });
        }
        r.finish()?;
        Ok(DocChunk { first_doc, docs })
    }

    /// Document `doc`, if this chunk holds it.
    pub fn get(&self, doc: u32) -> Option<&DocRecord> {
        self.docs.get(doc.checked_sub(self.first_doc)? as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shared_prefix_longer_than_the_rest_of_the_shard_decodes() {
        let shard = TermShard {
            terms: vec![
                TermEntry {
                    term: "zyxwcanari".into(),
                    postings: vec![(0, 200)],
                },
                TermEntry {
                    term: "zyxwcanarytag".into(),
                    postings: vec![(1, 90)],
                },
            ],
        };
        assert_eq!(TermShard::decode(&shard.encode(), 2), Ok(shard));
    }

    #[test]
    fn random_bytes_never_panic() {
        // A small xorshift so the test needs no crate and is repeatable.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for round in 0..20_000 {
            let len = (next() % 64) as usize;
            let mut bytes: Vec<u8> = (0..len).map(|_| next() as u8).collect();
            // Half the rounds get a valid header so the decoders go deeper.
            if round % 2 == 0 && bytes.len() > 6 {
                let magic: &[u8; 4] = [ROOT_MAGIC, SHARD_MAGIC, CHUNK_MAGIC][round % 3];
                bytes[..4].copy_from_slice(magic);
                bytes[4] = FORMAT_VERSION as u8;
            }
            let _ = LocaleRoot::decode(&bytes);
            let _ = TermShard::decode(&bytes, 1000);
            let _ = DocChunk::decode(&bytes);
            let _ = Manifest::from_json(&bytes);
        }
    }
}
