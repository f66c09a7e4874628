//! Turning content into bundle files, entirely in memory.

use std::collections::BTreeMap;

use help_core::{Analyzer, ArticleMeta, FORMAT_VERSION, IndexWriter, Language, LocaleEntry, Manifest};
use sha2::{Digest, Sha256};

use crate::content::Content;

/// The locale used when a reader's locale has no articles.
pub(crate) const DEFAULT_LOCALE: &str = "en";

/// A finished bundle: file names and their bytes, not yet on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bundle {
    /// The manifest, also present in `files` as `manifest.json`.
    pub manifest: Manifest,
    /// Every file of the bundle by name, manifest included.
    pub files: BTreeMap<String, Vec<u8>>,
}

/// Builds the bundle for `content`. The same content gives the same bytes.
pub fn build_bundle(content: &Content) -> Bundle {
    let mut writers: BTreeMap<&str, (IndexWriter, Analyzer)> = BTreeMap::new();
    for article in &content.articles {
        let (writer, analyzer) = writers.entry(article.locale.as_str()).or_insert_with(|| {
            (
                IndexWriter::new(article.locale.clone()),
                Analyzer::new(Language::from_locale(&article.locale)),
            )
        });
        let terms = |text: &str| analyzer.tokens(text).into_iter().map(|t| t.term).collect();
        let front = &article.front;
        let fields = [
            terms(&front.title),
            terms(&front.tags.join("\n")),
            terms(front.summary.as_deref().unwrap_or_default()),
            terms(&article.body_text),
        ];
        writer.add(
            ArticleMeta {
                id: front.id.clone(),
                title: front.title.clone(),
                category: front.category.clone(),
                contexts: front.contexts.clone(),
            },
            fields,
        );
    }

    let mut files = BTreeMap::new();
    let mut locales = BTreeMap::new();
    for (locale, (writer, _)) in writers {
        let index = writer.finish();
        let articles = u32::try_from(index.docs.len()).expect("fewer than 4 billion articles");
        let bytes = index.encode();
        let name = format!("index-{locale}-{}.bin", content_hash(&bytes));
        locales.insert(locale.to_string(), LocaleEntry { index: name.clone(), articles });
        files.insert(name, bytes);
    }
    let manifest = Manifest {
        format_version: FORMAT_VERSION,
        default_locale: DEFAULT_LOCALE.to_string(),
        locales,
    };
    files.insert("manifest.json".to_string(), manifest.to_json().into_bytes());
    Bundle { manifest, files }
}

/// A short, stable hash of `bytes` for cache-busting file names.
fn content_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)[..8].iter().map(|b| format!("{b:02x}")).collect()
}
