//! The bundle format: what the index builder writes and the widget reads.
//!
//! A bundle is a folder that a CDN serves:
//!
//! - `manifest.json`: small, short-cached, names everything else. It carries
//!   [`FORMAT_VERSION`]; a reader refuses any other version with
//!   [`DecodeError::UnsupportedVersion`].
//! - `index-<locale>-<hash>.bin`: one search index per locale, named by a
//!   hash of its content so it can be cached forever.
//!
//! The encode and decode below are the only ones: the builder and the widget
//! both call them, and a round-trip test keeps them honest.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The bundle format version this build writes and reads.
///
/// Bump it whenever the bytes of any bundle file change meaning.
pub const FORMAT_VERSION: u32 = 1;

/// The first four bytes of every encoded search index.
const INDEX_MAGIC: &[u8; 4] = b"HWIX";

/// Why bundle bytes could not be read.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum DecodeError {
    /// The bundle was written in a format version this reader does not know.
    #[error("bundle format version {found} is not supported (this widget reads version {supported})")]
    UnsupportedVersion {
        /// The version found in the bytes.
        found: u32,
        /// The version this reader supports.
        supported: u32,
    },
    /// The manifest is not valid JSON or lacks a required field.
    #[error("manifest is malformed: {0}")]
    Manifest(String),
    /// The bytes are not a search index at all.
    #[error("search index is malformed: {0}")]
    Index(String),
}

/// The bundle's table of contents, stored as `manifest.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Always [`FORMAT_VERSION`] when written by this build.
    pub format_version: u32,
    /// The locale to use when the reader's locale has no index.
    pub default_locale: String,
    /// One entry per locale, keyed by locale tag (`en`, `fr`, `pt-BR`).
    pub locales: BTreeMap<String, LocaleEntry>,
}

/// What the bundle holds for one locale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocaleEntry {
    /// File name of the locale's search index, relative to the manifest.
    pub index: String,
    /// How many articles the index holds.
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
                return Err(DecodeError::UnsupportedVersion { found, supported: FORMAT_VERSION });
            }
            None => return Err(DecodeError::Manifest("missing field `format_version`".into())),
        }
        serde_json::from_slice(bytes).map_err(|e| DecodeError::Manifest(e.to_string()))
    }

    /// The entry for `locale`, falling back to its base language (`pt` for
    /// `pt-PT`) and then to the default locale.
    pub fn locale(&self, locale: &str) -> Option<(&str, &LocaleEntry)> {
        let base = locale.split(['-', '_']).next().unwrap_or(locale);
        [locale, base, self.default_locale.as_str()]
            .into_iter()
            .find_map(|tag| self.locales.get_key_value(tag))
            .map(|(tag, entry)| (tag.as_str(), entry))
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

/// What a result list shows for one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleMeta {
    /// The article's stable id, shared by its translations.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its category, for grouping and display.
    pub category: String,
    /// Dashboard route patterns (`/reports/*`) where the article is relevant.
    pub contexts: Vec<String>,
}

/// One article as the index stores it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Doc {
    /// What a result shows.
    pub meta: ArticleMeta,
    /// Number of terms in each field, indexed by [`Field`].
    pub field_lengths: [u32; 4],
}

/// One indexed term and the articles that contain it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TermEntry {
    /// The analyzed term.
    pub term: String,
    /// The articles containing it, by ascending document number.
    pub postings: Vec<Posting>,
}

/// How often a term occurs in one article, per field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Posting {
    /// The document number: an index into [`SearchIndex::docs`].
    pub doc: u32,
    /// Occurrences in each field, indexed by [`Field`].
    pub tf: [u16; 4],
}

/// A locale's search index: the articles and an inverted index over them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchIndex {
    /// The locale tag the index was built for.
    pub locale: String,
    /// The articles, by document number.
    pub docs: Vec<Doc>,
    /// Every term, sorted by term so prefixes can be found by binary search.
    pub terms: Vec<TermEntry>,
}

impl SearchIndex {
    /// The index as bytes: magic, format version, then the payload.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(64 + self.terms.len() * 16);
        out.extend_from_slice(INDEX_MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        postcard::to_extend(self, out).expect("an in-memory index always serializes")
    }

    /// Reads an index written by [`SearchIndex::encode`].
    ///
    /// Truncated, foreign or corrupt bytes give an error, never a panic.
    pub fn decode(bytes: &[u8]) -> Result<SearchIndex, DecodeError> {
        let rest = bytes
            .strip_prefix(INDEX_MAGIC)
            .ok_or_else(|| DecodeError::Index("it does not start with the index magic `HWIX`".into()))?;
        let (version, payload) = rest
            .split_first_chunk::<4>()
            .ok_or_else(|| DecodeError::Index("it ends inside its header".into()))?;
        let found = u32::from_le_bytes(*version);
        if found != FORMAT_VERSION {
            return Err(DecodeError::UnsupportedVersion { found, supported: FORMAT_VERSION });
        }
        let index: SearchIndex =
            postcard::from_bytes(payload).map_err(|e| DecodeError::Index(e.to_string()))?;
        index.validate()?;
        Ok(index)
    }

    /// Checks the invariants the query engine relies on.
    fn validate(&self) -> Result<(), DecodeError> {
        let docs = self.docs.len();
        if !self.terms.windows(2).all(|w| w[0].term < w[1].term) {
            return Err(DecodeError::Index("its terms are not sorted and unique".into()));
        }
        for entry in &self.terms {
            if entry.postings.iter().any(|p| p.doc as usize >= docs) {
                return Err(DecodeError::Index(format!(
                    "term `{}` points at an article that does not exist",
                    entry.term
                )));
            }
        }
        Ok(())
    }

    /// The position of the first term that is `>= prefix`.
    pub(crate) fn lower_bound(&self, prefix: &str) -> usize {
        self.terms.partition_point(|entry| entry.term.as_str() < prefix)
    }
}

/// Builds a [`SearchIndex`] one article at a time.
///
/// The output depends only on what was added and in which order, so the
/// same content always gives the same bytes.
#[derive(Debug)]
pub struct IndexWriter {
    locale: String,
    docs: Vec<Doc>,
    terms: BTreeMap<String, Vec<Posting>>,
}

impl IndexWriter {
    /// An empty index for `locale`.
    pub fn new(locale: impl Into<String>) -> IndexWriter {
        IndexWriter { locale: locale.into(), docs: Vec::new(), terms: BTreeMap::new() }
    }

    /// Adds one article whose fields are already analyzed into terms,
    /// indexed by [`Field`].
    pub fn add(&mut self, meta: ArticleMeta, fields: [Vec<String>; 4]) {
        let doc = u32::try_from(self.docs.len()).expect("fewer than 4 billion articles");
        let mut field_lengths = [0u32; 4];
        let mut counts: BTreeMap<&str, [u16; 4]> = BTreeMap::new();
        for (f, terms) in fields.iter().enumerate() {
            field_lengths[f] = u32::try_from(terms.len()).unwrap_or(u32::MAX);
            for term in terms {
                let tf = &mut counts.entry(term.as_str()).or_default()[f];
                *tf = tf.saturating_add(1);
            }
        }
        for (term, tf) in counts {
            self.terms.entry(term.to_owned()).or_default().push(Posting { doc, tf });
        }
        self.docs.push(Doc { meta, field_lengths });
    }

    /// The finished index.
    pub fn finish(self) -> SearchIndex {
        SearchIndex {
            locale: self.locale,
            docs: self.docs,
            terms: self
                .terms
                .into_iter()
                .map(|(term, postings)| TermEntry { term, postings })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> SearchIndex {
        let mut writer = IndexWriter::new("en");
        let meta = |id: &str| ArticleMeta {
            id: id.into(),
            title: format!("Title of {id}"),
            category: "account".into(),
            contexts: vec!["/account".into()],
        };
        let terms = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        writer.add(meta("a"), [terms("site id"), vec![], vec![], terms("find site id site")]);
        writer.add(meta("b"), [terms("payment"), vec![], vec![], terms("get paid site")]);
        writer.finish()
    }

    #[test]
    fn index_round_trips_through_bytes() {
        let index = sample();
        assert_eq!(SearchIndex::decode(&index.encode()).unwrap(), index);
    }

    #[test]
    fn writer_counts_terms_per_field() {
        let index = sample();
        let site = index.terms.iter().find(|t| t.term == "site").unwrap();
        assert_eq!(site.postings, [Posting { doc: 0, tf: [1, 0, 0, 2] }, Posting { doc: 1, tf: [0, 0, 0, 1] }]);
        assert_eq!(index.docs[0].field_lengths, [2, 0, 0, 4]);
    }

    #[test]
    fn every_truncation_is_an_error_not_a_panic() {
        let bytes = sample().encode();
        for len in 0..bytes.len() {
            assert!(SearchIndex::decode(&bytes[..len]).is_err(), "prefix of {len} bytes decoded");
        }
    }

    #[test]
    fn unknown_index_version_is_refused_with_a_typed_error() {
        let mut bytes = sample().encode();
        bytes[4..8].copy_from_slice(&7u32.to_le_bytes());
        assert_eq!(
            SearchIndex::decode(&bytes),
            Err(DecodeError::UnsupportedVersion { found: 7, supported: FORMAT_VERSION })
        );
    }

    #[test]
    fn manifest_round_trips_and_refuses_other_versions() {
        let manifest = Manifest {
            format_version: FORMAT_VERSION,
            default_locale: "en".into(),
            locales: BTreeMap::from([(
                "en".into(),
                LocaleEntry { index: "index-en-0123.bin".into(), articles: 5 },
            )]),
        };
        assert_eq!(Manifest::from_json(manifest.to_json().as_bytes()).unwrap(), manifest);
        let future = manifest.to_json().replace("\"format_version\": 1", "\"format_version\": 99");
        assert_eq!(
            Manifest::from_json(future.as_bytes()),
            Err(DecodeError::UnsupportedVersion { found: 99, supported: FORMAT_VERSION })
        );
        assert!(matches!(Manifest::from_json(b"{}"), Err(DecodeError::Manifest(_))));
    }

    #[test]
    fn manifest_falls_back_from_region_to_language_to_default() {
        let manifest = Manifest {
            format_version: FORMAT_VERSION,
            default_locale: "en".into(),
            locales: BTreeMap::from([
                ("en".into(), LocaleEntry { index: "e".into(), articles: 1 }),
                ("pt-BR".into(), LocaleEntry { index: "p".into(), articles: 1 }),
            ]),
        };
        assert_eq!(manifest.locale("pt-BR").unwrap().0, "pt-BR");
        assert_eq!(manifest.locale("en-GB").unwrap().0, "en");
        assert_eq!(manifest.locale("ja").unwrap().0, "en");
    }
}
