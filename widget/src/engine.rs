//! Loading a bundle over the network into a ready-to-query [`Engine`].

use std::sync::Arc;

use help_core::{Analyzer, DecodeError, Language, Manifest, SearchHit, SearchIndex, SearchOptions};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

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

/// A locale's search index with the analyzer for its language.
#[derive(Debug)]
pub struct Engine {
    /// The locale actually served (after fallback).
    pub locale: String,
    index: SearchIndex,
    analyzer: Analyzer,
}

impl Engine {
    /// An engine over an already decoded index.
    pub fn new(index: SearchIndex) -> Engine {
        let analyzer = Analyzer::new(Language::from_locale(&index.locale));
        Engine { locale: index.locale.clone(), index, analyzer }
    }

    /// The best articles for `query`, best first.
    pub fn search(&self, query: &str, options: &SearchOptions) -> Vec<SearchHit> {
        self.index.search(&self.analyzer, query, options)
    }

    /// How many articles the engine can find.
    pub fn article_count(&self) -> usize {
        self.index.docs.len()
    }

    /// Fetches `manifest.json` under `bundle_url`, then the index for
    /// `locale` (or its fallback).
    pub async fn load(bundle_url: &str, locale: &str) -> Result<Arc<Engine>, LoadError> {
        let base = if bundle_url.ends_with('/') { bundle_url.to_string() } else { format!("{bundle_url}/") };
        let manifest_url = format!("{base}manifest.json");
        let bytes = fetch_bytes(&manifest_url).await?;
        let manifest = Manifest::from_json(&bytes)
            .map_err(|source| LoadError::Decode { url: manifest_url.clone(), source })?;
        let (_, entry) = manifest.locale(locale).ok_or(LoadError::Empty { url: manifest_url })?;
        let index_url = format!("{base}{}", entry.index);
        let bytes = fetch_bytes(&index_url).await?;
        let index = SearchIndex::decode(&bytes).map_err(|source| LoadError::Decode { url: index_url, source })?;
        Ok(Arc::new(Engine::new(index)))
    }
}

async fn fetch_bytes(url: &str) -> Result<Vec<u8>, LoadError> {
    let network = |err: wasm_bindgen::JsValue| LoadError::Network {
        url: url.to_string(),
        message: js_message(&err),
    };
    let window = web_sys::window().ok_or_else(|| LoadError::Network {
        url: url.to_string(),
        message: "no window".into(),
    })?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(network)?
        .dyn_into()
        .map_err(network)?;
    if !response.ok() {
        return Err(LoadError::Http { url: url.to_string(), status: response.status() });
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(network)?).await.map_err(network)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The message of a JS error, or its string form.
pub(crate) fn js_message(value: &wasm_bindgen::JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| format!("{value:?}"))
}
