//! The help widget: a Leptos app compiled to wasm and mounted by the loader.
//!
//! `loader/help-widget.js` is what a dashboard's script tag pulls in. It draws
//! the launcher at once and, on the reader's intent, imports this crate's
//! wasm and calls [`mount`] with a container inside its shadow root. From
//! then on the loader forwards the public JS API to the [`WidgetHandle`].
//!
//! - [`engine`]: fetching the bundle's files as queries need them;
//! - [`app`]: the panel, its state and its home view (search, suggestions);
//! - [`article`]: reading an article, and feedback;
//! - [`contact`]: support hours, contacts by region, the request helper;
//! - [`feedback`], [`request`], [`i18n`], [`intl`]: what those views use;
//! - [`json`]: the bundle's JSON files, parsed by the browser's `JSON`;
//! - [`api`]: the surface the loader talks to.

pub mod api;
pub mod app;
pub mod article;
pub mod contact;
pub mod engine;
pub mod feedback;
pub mod i18n;
pub mod intl;
pub mod json;
pub mod request;

pub use api::{WidgetHandle, mount};
pub use engine::{Engine, LoadError};
