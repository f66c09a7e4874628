//! Turning content into bundle files, entirely in memory.

use std::collections::BTreeMap;

use help_core::format::MANIFEST_FILE;
use help_core::{
    Audience, DocRecord, FORMAT_VERSION, FieldWeights, IndexWriter, IndexedArticle, Language,
    LocaleEntry, Manifest, SplitOptions, Video, Votes,
};
use sha2::{Digest, Sha256};

use crate::analysis::BuildAnalyzer;
use crate::content::{Article, Content, FALLBACK_LOCALE, GETTING_STARTED, Visibility};
use crate::related::related_ids;

/// How to build a bundle.
#[derive(Debug, Clone, PartialEq)]
pub struct BuildOptions {
    /// Who the bundle is for. A public bundle holds nothing of a signed-in
    /// article: no title, no term, no body.
    pub audience: Audience,
    /// Field weights baked into the index.
    pub weights: FieldWeights,
    /// How the index is split into files.
    pub split: SplitOptions,
}

impl Default for BuildOptions {
    fn default() -> BuildOptions {
        BuildOptions {
            audience: Audience::Public,
            weights: FieldWeights::default(),
            split: SplitOptions::default(),
        }
    }
}

/// A finished bundle: file names and their bytes, not yet on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bundle {
    /// The manifest, also present in `files` as `manifest.json`.
    pub manifest: Manifest,
    /// Every file of the bundle by relative path, manifest included.
    pub files: BTreeMap<String, Vec<u8>>,
}

impl Bundle {
    /// The size of all its files together, in bytes.
    pub fn bytes(&self) -> usize {
        self.files.values().map(Vec::len).sum()
    }
}

/// Builds the bundle for `content`. The same content and options give the
/// same bytes. `progress` is called once per article indexed.
pub fn build_bundle(
    content: &Content,
    options: &BuildOptions,
    progress: &mut dyn FnMut(),
) -> Bundle {
    let mut files = BTreeMap::new();
    let mut locales = BTreeMap::new();
    for locale in content.locales() {
        let language = Language::from_locale(locale);
        let analyzer = BuildAnalyzer::new(language);
        let mut writer = IndexWriter::new(locale, options.weights.clone(), options.split.clone());
        writer.set_category_order(content.categories.order());
        let mut count = 0u32;
        let mut indexed: Vec<IndexedArticle> = Vec::new();
        // This locale's articles, then the English ones it has not
        // translated yet, so a reader finds every article in any language.
        let own: Vec<&Article> = content
            .articles
            .iter()
            .filter(|a| a.locale == locale)
            .collect();
        let fallback = content.articles.iter().filter(|a| {
            a.locale == FALLBACK_LOCALE
                && locale != FALLBACK_LOCALE
                && !own.iter().any(|o| o.front.id == a.front.id)
        });
        for article in own.iter().copied().chain(fallback) {
            let signed_in = article.front.visibility == Visibility::SignedIn;
            if signed_in && options.audience == Audience::Public {
                continue;
            }
            let front = &article.front;
            let body_file = named(
                &format!("{}/{}", article.locale, front.id),
                "html",
                article.body_html.as_bytes(),
            );
            files.insert(body_file.clone(), article.body_html.clone().into_bytes());
            for image in &article.images {
                files.insert(image.name.clone(), image.bytes.clone());
            }
            indexed.push(IndexedArticle {
                record: DocRecord {
                    id: front.id.clone(),
                    title: front.title.clone(),
                    category: front.category.clone(),
                    category_name: content.categories.name(&front.category, locale),
                    summary: front.summary.clone(),
                    text: article.body_text.clone(),
                    body_file,
                    video: front
                        .video
                        .as_ref()
                        .zip(article.video_seconds)
                        .map(|(v, seconds)| Video {
                            url: v.url.clone(),
                            seconds,
                        }),
                    updated: front.updated.as_ref().map(ToString::to_string),
                    signed_in,
                    locale: article.locale.clone(),
                    votes: front.votes.map(|v| Votes {
                        helpful: v.helpful,
                        total: v.total,
                    }),
                    related: Vec::new(),
                    sections: article.sections.clone(),
                },
                contexts: front.contexts.clone(),
                starter: front.category == GETTING_STARTED,
                weight: front.weight,
                fields: [
                    analyzer.terms(&front.title),
                    analyzer.terms(&front.tags.join("\n")),
                    analyzer.terms(front.summary.as_deref().unwrap_or_default()),
                    analyzer.terms(&article.body_text),
                ],
            });
            count += 1;
            progress();
        }
        if own.is_empty() || count == 0 {
            continue;
        }
        // Related articles among those this bundle holds for the locale.
        let related = related_ids(&indexed);
        for (mut article, related) in indexed.into_iter().zip(related) {
            article.record.related = related;
            writer.add(article);
        }
        let locale_files = writer.finish(short_hash);
        locales.insert(
            locale.to_string(),
            LocaleEntry {
                root: locale_files.root,
                articles: count,
            },
        );
        files.extend(locale_files.files);
    }
    let support = content.support.as_ref().map(|data| {
        let json = serde_json::to_vec_pretty(data).expect("support data always serializes");
        let name = named("support", "json", &json);
        files.insert(name.clone(), json);
        name
    });
    let manifest = Manifest {
        format_version: FORMAT_VERSION,
        audience: options.audience,
        default_locale: FALLBACK_LOCALE.to_string(),
        locales,
        support,
    };
    files.insert(MANIFEST_FILE.to_string(), manifest.to_json().into_bytes());
    Bundle { manifest, files }
}

/// `stem-<hash>.ext`, with a short, stable hash of `bytes`, so that a file
/// whose content changes gets a new name and a CDN may cache it forever.
fn named(stem: &str, ext: &str, bytes: &[u8]) -> String {
    format!("{stem}-{}.{ext}", short_hash(bytes))
}

/// The first 64 bits of SHA-256, in hex.
fn short_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
