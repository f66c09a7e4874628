//! Loading a bundle over the network into a ready-to-query [`Engine`].
//!
//! The engine fetches only what a query needs: the manifest and the locale
//! root once, then the term shards each query asks for, with the locale's
//! title list the first time, which it keeps for later queries. List rows
//! (suggestions, a category's articles, related and recent articles) come
//! from the title list alone; doc chunks are fetched only for the snippets
//! of the results on screen and for an opened article's record.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use help_core::format::MANIFEST_FILE;
use help_core::search::{
    ArticleLookup, CategoriesLookup, CategoryLookup, Lookup, Need, SearchLookup, Step,
    SuggestionsLookup, TitlesLookup,
};
use help_core::support::SupportData;
use help_core::{
    Category, DecodeError, DocRecord, DocTitle, LocaleIndex, LocaleRoot, SearchOptions,
    SearchResults,
};

/// Why the bundle could not be loaded. Shown to the reader as "help is
/// unavailable" with the contact details, and logged once to the console.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// The request never got an answer (offline, blocked, DNS…).
    #[error("could not fetch {url}: {message}")]
    Network {
        /// What was requested.
        url: String,
        /// What the browser said.
        message: String,
    },
    /// The server answered with an error status.
    #[error("could not fetch {url}: HTTP {status}")]
    Http {
        /// What was requested.
        url: String,
        /// The HTTP status code.
        status: u16,
    },
    /// The bytes arrived but are not a bundle this widget can read.
    #[error("could not read {url}: {source}")]
    Decode {
        /// What was requested.
        url: String,
        /// Why decoding failed.
        source: DecodeError,
    },
    /// The manifest lists no locale at all.
    #[error("the bundle at {url} holds no articles")]
    Empty {
        /// The manifest's URL.
        url: String,
    },
}

/// Where bundle files come from.
#[derive(Debug, Clone)]
pub enum Source {
    /// Over HTTP, relative to the bundle's base URL (ending in `/`).
    Http(String),
    /// From memory, by file name: for tests and previews.
    Memory(Rc<BTreeMap<String, Vec<u8>>>),
}

impl Source {
    /// Files under `bundle_url`, with or without a trailing slash.
    pub fn http(bundle_url: &str) -> Source {
        let base = if bundle_url.ends_with('/') {
            bundle_url.to_string()
        } else {
            format!("{bundle_url}/")
        };
        Source::Http(base)
    }

    /// The bytes of the bundle file `name` (relative to the manifest).
    pub async fn fetch(&self, name: &str) -> Result<Vec<u8>, LoadError> {
        match self {
            Source::Http(base) => fetch_bytes(&format!("{base}{name}")).await,
            Source::Memory(files) => files.get(name).cloned().ok_or_else(|| LoadError::Http {
                url: name.to_string(),
                status: 404,
            }),
        }
    }
}

/// `html` (a body the builder wrote) with each `<img src>` that is relative
/// (the builder's `images/<name>-<hash>.<ext>`) made to point under the
/// bundle's `base` URL: the body is shown inside the host page, whose own
/// address would otherwise be the base. The builder's serializer escapes
/// every `<` of text, so `<img src="` only ever starts an image tag.
pub fn resolve_images(html: &str, base: &str) -> String {
    const TAG: &str = "<img src=\"";
    // The base is the page's text: kept an attribute value, never markup.
    let base = base
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;");
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(TAG) {
        let (before, after) = rest.split_at(at + TAG.len());
        out.push_str(before);
        let absolute = after.starts_with('/')
            || after.starts_with('#')
            || after
                .split_once(':')
                .is_some_and(|(scheme, _)| !scheme.is_empty() && !scheme.contains(['/', '"']));
        if !absolute {
            out.push_str(&base);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// A locale's index, growing as queries fetch what they need.
pub struct Engine {
    /// The locale actually served (after fallback).
    pub locale: String,
    /// Support hours and contacts, if the bundle has them.
    pub support: Option<SupportData>,
    source: Source,
    index: RefCell<LocaleIndex>,
}

/// An article ready to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleContent {
    /// Its record: title, category, video, dates.
    pub record: DocRecord,
    /// Its body, HTML sanitized at build time.
    pub html: String,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("locale", &self.locale)
            .finish_non_exhaustive()
    }
}

impl Engine {
    /// Reads the manifest and the root of `locale` (or its fallback).
    pub async fn load(source: Source, locale: &str) -> Result<Rc<Engine>, LoadError> {
        let bytes = source.fetch(MANIFEST_FILE).await?;
        let decode = |name: &str| {
            let url = name.to_string();
            move |source| LoadError::Decode { url, source }
        };
        let manifest = crate::json::manifest(&bytes).map_err(decode(MANIFEST_FILE))?;
        let (tag, entry) = manifest.locale(locale).ok_or_else(|| LoadError::Empty {
            url: MANIFEST_FILE.into(),
        })?;
        let bytes = source.fetch(&entry.root).await?;
        let root = LocaleRoot::decode(&bytes).map_err(decode(&entry.root))?;
        let support = match &manifest.support {
            Some(name) => {
                let bytes = source.fetch(name).await?;
                Some(crate::json::support(&bytes).map_err(decode(name))?)
            }
            None => None,
        };
        Ok(Rc::new(Engine {
            locale: tag.to_string(),
            support,
            source,
            index: RefCell::new(LocaleIndex::new(root)),
        }))
    }

    /// The best `options.limit` articles for `query`, best first, and how
    /// many matched in all, fetching what is missing.
    pub async fn search(
        &self,
        query: &str,
        options: &SearchOptions,
    ) -> Result<SearchResults, LoadError> {
        let parsed = self.index.borrow().parse(query);
        self.run(SearchLookup::new(parsed, options.clone())).await
    }

    /// [`Engine::search`] in two answers: `first` gets the hits from the
    /// title list (titles, categories, summaries as snippets, no
    /// sections) as soon as the shards are in; the return value has the
    /// snippets and sections, from the doc chunks of those hits alone.
    /// When those chunks are already here, `first` is not called.
    pub async fn search_titles_first(
        &self,
        query: &str,
        options: &SearchOptions,
        first: impl FnOnce(SearchResults),
    ) -> Result<SearchResults, LoadError> {
        let parsed = self.index.borrow().parse(query);
        let mut lookup = SearchLookup::new(parsed, options.clone()).titles_only();
        let titles = self.run_mut(&mut lookup).await?;
        lookup.with_snippets();
        let step = lookup.step(&self.index.borrow());
        match step {
            Step::Done(full) => Ok(full),
            Step::Fetch(needs) => {
                first(titles);
                self.fetch_all(&needs).await?;
                self.run_mut(&mut lookup).await
            }
        }
    }

    /// Articles for a dashboard route, most specific first, or the
    /// getting-started articles, as list rows: no doc chunk.
    pub async fn suggestions(
        &self,
        route: &str,
        limit: usize,
    ) -> Result<Vec<(u32, DocTitle)>, LoadError> {
        self.run(SuggestionsLookup::new(route, limit)).await
    }

    /// The list rows of the articles `ids` (titles, summaries), in that
    /// order; those this locale lacks are left out. No doc chunk.
    pub async fn titles(&self, ids: &[String]) -> Result<Vec<DocTitle>, LoadError> {
        self.run(TitlesLookup::new(ids)).await
    }

    /// The locale's categories in the authors' order, with their names and
    /// article counts: one small file, fetched once.
    pub async fn categories(&self) -> Result<Vec<Category>, LoadError> {
        self.run(CategoriesLookup).await
    }

    /// The first `limit` articles of category `slug`, the author's
    /// `weight` first, then document order, as list rows: no doc chunk.
    pub async fn category(
        &self,
        slug: &str,
        limit: usize,
    ) -> Result<Vec<(u32, DocTitle)>, LoadError> {
        self.run(CategoryLookup::new(slug, limit)).await
    }

    /// The article `id` with its body, or `None` if this locale lacks it.
    pub async fn article(&self, id: &str) -> Result<Option<ArticleContent>, LoadError> {
        let Some(record) = self.run(ArticleLookup::new(id)).await? else {
            return Ok(None);
        };
        let bytes = self.source.fetch(&record.body_file).await?;
        let html = String::from_utf8(bytes).map_err(|_| LoadError::Decode {
            url: record.body_file.clone(),
            source: DecodeError::Corrupt {
                what: "article body",
                reason: "it is not UTF-8".into(),
            },
        })?;
        let html = match &self.source {
            Source::Http(base) => resolve_images(&html, base),
            Source::Memory(_) => html,
        };
        Ok(Some(ArticleContent { record, html }))
    }

    /// Runs `lookup` to its answer: core's step driver, with each round of
    /// files fetched at once over HTTP.
    async fn run<L: Lookup>(&self, mut lookup: L) -> Result<L::Output, LoadError> {
        self.run_mut(&mut lookup).await
    }

    /// [`Engine::run`], leaving the lookup to the caller to go on with.
    async fn run_mut<L: Lookup>(&self, lookup: &mut L) -> Result<L::Output, LoadError> {
        loop {
            let step = lookup.step(&self.index.borrow());
            match step {
                Step::Done(answer) => return Ok(answer),
                Step::Fetch(needs) => self.fetch_all(&needs).await?,
            }
        }
    }

    /// Fetches every file of `needs` at once and stores them.
    async fn fetch_all(&self, needs: &[Need]) -> Result<(), LoadError> {
        let names: Vec<String> = needs.iter().map(|&n| self.index.borrow().file(n)).collect();
        let fetches = names.iter().map(|name| self.source.fetch(name));
        let results = futures::future::join_all(fetches).await;
        for ((&need, name), bytes) in needs.iter().zip(names).zip(results) {
            let bytes = bytes?;
            self.index
                .borrow_mut()
                .insert(need, &bytes)
                .map_err(|source| LoadError::Decode { url: name, source })?;
        }
        Ok(())
    }
}

/// How long one bundle file may take, body included. Bundle files are at
/// most a few tens of KB, so a stalled CDN shows the contacts and a Retry
/// instead of a spinner that never ends.
pub const FETCH_TIMEOUT_MS: u32 = 4000;

async fn fetch_bytes(url: &str) -> Result<Vec<u8>, LoadError> {
    let network = |err: gloo_net::Error| LoadError::Network {
        url: url.to_string(),
        message: err.to_string(),
    };
    let signal = web_sys::AbortSignal::timeout_with_u32(FETCH_TIMEOUT_MS);
    let response = gloo_net::http::Request::get(url)
        .abort_signal(Some(&signal))
        .send()
        .await
        .map_err(network)?;
    if !response.ok() {
        return Err(LoadError::Http {
            url: url.to_string(),
            status: response.status(),
        });
    }
    response.binary().await.map_err(network)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundle_images_resolve_under_the_bundle_url() {
        let html = r#"<p>a</p><img src="images/chart-0123456789abcdef.svg" alt="A" loading="lazy"><img src="https://cdn.example/x.png"><img src="/abs.png"><p>&lt;img src="images/x.png"&gt;</p>"#;
        assert_eq!(
            resolve_images(html, "https://cdn.example/help/"),
            r#"<p>a</p><img src="https://cdn.example/help/images/chart-0123456789abcdef.svg" alt="A" loading="lazy"><img src="https://cdn.example/x.png"><img src="/abs.png"><p>&lt;img src="images/x.png"&gt;</p>"#
        );
        assert_eq!(
            resolve_images(r#"<img src="images/a.png">"#, r#"/b"><script>/"#),
            r#"<img src="/b&quot;>&lt;script>/images/a.png">"#
        );
        assert_eq!(resolve_images("no images", "/b/"), "no images");
    }
}
