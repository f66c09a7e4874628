//! Reading a bundle folder back, to try queries against it.

use std::path::{Path, PathBuf};

use help_core::format::MANIFEST_FILE;
use help_core::search::FetchError;
use help_core::{DecodeError, LocaleIndex, LocaleRoot, Manifest, SearchHit, SearchOptions};

/// Why a bundle folder could not be searched.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// A file could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A file could not be decoded.
    #[error("{}: {source}", path.display())]
    Decode {
        /// The file.
        path: PathBuf,
        /// Why.
        source: DecodeError,
    },
    /// The bundle has no locale to search.
    #[error("{}: the bundle holds no locale", path.display())]
    NoLocale {
        /// The manifest.
        path: PathBuf,
    },
}

/// A bundle folder opened for searching.
#[derive(Debug)]
pub struct BundleReader {
    dir: PathBuf,
    /// The bundle's manifest.
    pub manifest: Manifest,
}

/// Opens the bundle in `dir`, checking its manifest.
pub fn open_bundle(dir: &Path) -> Result<BundleReader, ReadError> {
    let path = dir.join(MANIFEST_FILE);
    let bytes = std::fs::read(&path).map_err(|source| ReadError::Io {
        path: path.clone(),
        source,
    })?;
    let manifest =
        Manifest::from_json(&bytes).map_err(|source| ReadError::Decode { path, source })?;
    Ok(BundleReader {
        dir: dir.to_path_buf(),
        manifest,
    })
}

impl BundleReader {
    fn read(&self, name: &str) -> Result<Vec<u8>, ReadError> {
        let path = self.dir.join(name);
        std::fs::read(&path).map_err(|source| ReadError::Io { path, source })
    }

    /// Loads the index of `locale` (or its fallback).
    pub fn locale(&self, locale: &str) -> Result<LocaleIndex, ReadError> {
        let (_, entry) = self
            .manifest
            .locale(locale)
            .ok_or_else(|| ReadError::NoLocale {
                path: self.dir.join(MANIFEST_FILE),
            })?;
        let bytes = self.read(&entry.root)?;
        let root = LocaleRoot::decode(&bytes).map_err(|source| ReadError::Decode {
            path: self.dir.join(&entry.root),
            source,
        })?;
        Ok(LocaleIndex::new(root))
    }

    /// Searches `locale` for `query`: the best `options.limit` hits.
    pub fn search(
        &self,
        index: &mut LocaleIndex,
        query: &str,
        options: &SearchOptions,
    ) -> Result<Vec<SearchHit>, ReadError> {
        let mut last = String::new();
        index
            .search_with(query, options, |name| {
                last = name.to_string();
                self.read(name)
            })
            .map_err(|err| match err {
                FetchError::Fetch(e) => e,
                FetchError::Decode(source) => ReadError::Decode {
                    path: self.dir.join(&last),
                    source,
                },
            })
            .map(|found| found.hits)
    }
}

/// Hits as `index-builder search --json` prints them: a pretty-printed
/// `[{"id", "title", "score"}]`, best first.
pub fn hits_json(hits: &[SearchHit]) -> String {
    let list: Vec<serde_json::Value> = hits
        .iter()
        .map(|h| {
            let sections: Vec<serde_json::Value> = h
                .sections
                .iter()
                .map(|s| serde_json::json!({ "anchor": s.anchor, "heading": s.heading }))
                .collect();
            serde_json::json!({
                "id": h.id,
                "title": h.title,
                "score": h.score,
                "sections": sections,
            })
        })
        .collect();
    serde_json::to_string_pretty(&list).expect("JSON values serialize")
}
