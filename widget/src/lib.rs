//! The help widget: a Leptos app compiled to wasm and mounted by the loader.
//!
//! `loader/help-widget.js` is what a dashboard's script tag pulls in. It draws
//! the launcher at once and, on the reader's intent, imports this crate's
//! wasm and calls [`mount`] with a container inside its shadow root. From
//! then on the loader forwards the public JS API to the [`WidgetHandle`].
//!
//! - [`api`]: the surface the loader talks to;
//! - [`state`]: the reactive state, split by concern and provided by context;
//! - [`views`]: the panel and its views, one module each;
//! - [`engine`]: fetching the bundle's files as queries need them;
//! - [`json`]: the bundle's JSON files, parsed by the browser's `JSON`;
//! - [`feedback`]: votes sent, queued and counted;
//! - [`request`]: the support request's details and prefilled email;
//! - [`i18n`], [`intl`]: the panel's words, and the browser's `Intl`;
//! - [`dom`], [`js`]: browser and JS object helpers.

pub mod api;
pub mod dom;
pub mod engine;
pub mod feedback;
pub mod i18n;
pub mod intl;
pub mod js;
pub mod json;
pub mod request;
pub mod state;
pub mod views;

pub use api::{WidgetHandle, mount};
pub use engine::{Engine, LoadError};
