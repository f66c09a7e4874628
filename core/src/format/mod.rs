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
//! <locale>-c-<gen>.bin       the categories in order, names, article counts
//! <locale>-n-<gen>.bin       every document's title, category, summary
//! <locale>/<id>-<hash>.html  an article's sanitized body, fetched on open
//! ```
//!
//! `<gen>` is one hash over all of a locale's shards and chunks, so the root
//! names them by number and stays small however many articles there are.
//! Ids, route contexts, the getting-started list and busy short prefixes
//! are reserved terms in the shards (see [`reserved`]), not root tables.
//! The first query fetches the manifest, the locale root, the shards its
//! words fall in with the title list, and the doc chunks of the results
//! on screen, for their snippets: never the whole index, so growth lands
//! on the first open only as one short row per article. Suggestions and
//! list rows need no doc chunk at all. A word that matches nothing
//! fetches the small term lists of its first letter to look for a typo.
//!
//! Every binary file starts with a four-byte magic and [`FORMAT_VERSION`];
//! a reader refuses any other version with
//! [`DecodeError::UnsupportedVersion`]. This module holds the only encoder
//! and the only decoder, for the builder and the widget alike:
//!
//! - [`manifest`]: `manifest.json` ([`Manifest`], [`Audience`]);
//! - [`root`]: a locale's root ([`LocaleRoot`]) and the names of its files;
//! - [`terms`]: term shards and term lists, front-coded;
//! - [`docs`]: doc chunks and the records they hold;
//! - [`categories`]: a locale's category list, for browsing;
//! - [`titles`]: a locale's title list, for list rows without doc chunks;
//! - [`reserved`]: the reserved terms (ids, contexts, getting started,
//!   prefixes) that the builder writes and the engine looks up.

pub mod categories;
pub mod docs;
pub mod manifest;
pub mod reserved;
pub mod root;
pub mod terms;
pub mod titles;

pub use categories::{Category, CategoryList};
pub use docs::{DocChunk, DocRecord, SECTION_ID_PREFIX, Section, Video, Votes};
pub use manifest::{Audience, LocaleEntry, MANIFEST_FILE, Manifest};
pub use root::LocaleRoot;
pub use terms::{TermEntry, TermList, TermShard};
pub use titles::{DocTitle, TitleList};

use crate::codec::{Corrupt, Reader, Writer};

/// The bundle format version this build writes and reads.
///
/// Bump it whenever the bytes of any bundle file change meaning. Version 2:
/// the support JSON's hours became schedules (a time zone, weekly windows,
/// named local closures), with a region's own beside the default; doc
/// records carry an article's starting votes. Version 3: the postings of
/// context and getting-started terms carry the article's `weight`
/// ([`reserved::weight_impact`]); doc records carry the category's display
/// name and the ids of related articles; each locale has a category list
/// and a term per category. Version 4: doc records carry the article's
/// sections (anchor, heading, level, where each starts in the text).
/// Version 5: each locale has a title list ([`TitleList`]), so
/// suggestions and list rows need no doc chunk.
pub const FORMAT_VERSION: u32 = 5;

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

impl From<Corrupt> for DecodeError {
    fn from(c: Corrupt) -> DecodeError {
        DecodeError::Corrupt {
            what: c.what,
            reason: c.reason,
        }
    }
}

/// A new binary file of this format: `magic`, then [`FORMAT_VERSION`].
fn start_file(magic: &[u8; 4]) -> Writer {
    Writer::with_header(magic, FORMAT_VERSION)
}

/// A reader after the header of a `what` file, which must start with
/// `magic` and carry [`FORMAT_VERSION`].
fn open_file<'a>(
    bytes: &'a [u8],
    magic: &[u8; 4],
    what: &'static str,
) -> Result<Reader<'a>, DecodeError> {
    let mut reader = Reader::after_magic(bytes, magic, what)?;
    let found = reader.u64()?;
    if found != u64::from(FORMAT_VERSION) {
        return Err(DecodeError::UnsupportedVersion {
            found: u32::try_from(found).unwrap_or(u32::MAX),
            supported: FORMAT_VERSION,
        });
    }
    Ok(reader)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::categories::CATEGORIES_MAGIC;
    use crate::format::docs::CHUNK_MAGIC;
    use crate::format::root::ROOT_MAGIC;
    use crate::format::terms::SHARD_MAGIC;
    use crate::format::titles::TITLES_MAGIC;

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
                let magic: &[u8; 4] = [
                    ROOT_MAGIC,
                    SHARD_MAGIC,
                    CHUNK_MAGIC,
                    CATEGORIES_MAGIC,
                    TITLES_MAGIC,
                ][round % 5];
                bytes[..4].copy_from_slice(magic);
                bytes[4] = FORMAT_VERSION as u8;
            }
            let _ = LocaleRoot::decode(&bytes);
            let _ = TermShard::decode(&bytes, 1000);
            let _ = DocChunk::decode(&bytes);
            let _ = CategoryList::decode(&bytes);
            let _ = TitleList::decode(&bytes);
            let _ = Manifest::from_json(&bytes);
        }
    }
}
