//! The shared heart of the help widget.
//!
//! `help-core` owns everything that the index builder (native, build time) and
//! the widget (wasm, in the browser) must agree on:
//!
//! - [`format`]: the bundle's types and their one encode and decode;
//! - [`text`]: the text pipeline that turns prose and queries into terms;
//! - [`search`]: the query engine that ranks articles for a query.
//!
//! **This crate never touches files, the network or the DOM.** It takes bytes
//! and strings in and gives values out, so it builds for `wasm32-unknown-unknown`
//! and for the host alike and plain `cargo test` covers it.

pub mod format;
pub mod search;
pub mod text;

pub use format::{
    ArticleMeta, DecodeError, FORMAT_VERSION, Field, IndexWriter, LocaleEntry, Manifest,
    SearchIndex,
};
pub use search::{SearchHit, SearchOptions};
pub use text::{Analyzer, Language, Token};
