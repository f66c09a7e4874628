//! The shared heart of the help widget.
//!
//! `help-core` owns everything that the index builder (native, build time) and
//! the widget (wasm, in the browser) must agree on:
//!
//! - [`format`]: the bundle's files and their one encode and decode, and
//!   the reserved terms;
//! - [`build`]: scoring, sharding and encoding a locale's index;
//! - [`text`]: the query-side text pipeline, the twin of the builder's;
//! - [`search`]: the query engine that finds, ranks and presents articles,
//!   and the one fetch-and-continue driver of every lookup;
//! - [`support`]: support hours in the reader's time, and contacts by region;
//! - [`template`]: the `{}` message templates of the widget's strings;
//! - [`ui_strings`]: the keys of those strings, and the help center's own.
//!
//! `codec` (bytes, varints, strings) sits below `format` and depends on
//! nothing; `testing` and `fuzzing` serve tests and fuzz targets only.
//!
//! **This crate never touches files, the network or the DOM.** It takes bytes
//! and strings in and gives values out, so it builds for `wasm32-unknown-unknown`
//! and for the host alike and plain `cargo test` covers it.

pub mod build;
mod codec;
pub mod format;
#[doc(hidden)]
pub mod fuzzing;
pub mod search;
mod stopwords;
pub mod support;
pub mod template;
#[doc(hidden)]
pub mod testing;
pub mod text;
pub mod ui_strings;

pub use build::{Field, FieldWeights, IndexWriter, IndexedArticle, LocaleFiles, SplitOptions};
pub use format::{
    Audience, Category, CategoryList, DecodeError, DocChunk, DocRecord, DocTitle, FORMAT_VERSION,
    LocaleEntry, LocaleRoot, Manifest, Section, TermEntry, TermList, TermShard, TitleList, Video,
    Votes,
};
pub use search::{LocaleIndex, Query, Ranking, SearchHit, SearchOptions, SearchResults};
pub use text::{Analyzer, Language, Token};
