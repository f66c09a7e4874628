//! The help widget: a Leptos app compiled to wasm and mounted by the loader.
//!
//! `loader/help-widget.js` is what a dashboard's script tag pulls in. It draws
//! the launcher at once and, on the reader's intent, imports this crate's
//! wasm and calls [`mount`] with a container inside its shadow root. From
//! then on the loader forwards the public JS API to the [`WidgetHandle`].
//!
//! - [`engine`]: fetching and decoding the bundle into a ready search engine;
//! - [`app`]: the panel's components;
//! - [`api`]: the surface the loader talks to.

pub mod api;
pub mod app;
pub mod engine;

pub use api::{WidgetHandle, mount};
pub use engine::{Engine, LoadError};
