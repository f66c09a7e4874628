//! The index builder: help-center Markdown in, a search bundle out.
//!
//! The work happens in steps, each usable on its own:
//!
//! 1. [`load_content`] reads a content folder into memory and checks it,
//!    reporting every problem at once;
//! 2. [`build_bundle`] turns that content into bundle files, in memory;
//! 3. [`write_bundle`] writes them to disk atomically, as the very last step.
//!
//! [`open_bundle`] reads a bundle back for `index-builder search`;
//! [`import_zendesk`] turns a Zendesk export into a content folder;
//! [`export_elasticlunr`] writes content as an elasticlunr.js index.
//! Every problem with the input, from any of them, is a [`Problem`].
//! The bundle's format belongs to `help-core`; this crate only fills it.

mod analysis;
mod bundle;
mod content;
mod diagnostics;
mod export;
#[doc(hidden)]
pub mod fuzzing;
mod import;
mod output;
mod reader;

pub use analysis::BuildAnalyzer;
pub use bundle::{BuildOptions, Bundle, build_bundle};
pub use content::{
    Article, Content, ContentCounts, FALLBACK_LOCALE, FrontMatter, GETTING_STARTED, LOCALES,
    MAX_ARTICLE_BYTES, VideoSpec, Visibility, check_locale_tag, load_content, parse_article,
    parse_support, sanitizer, unstemmed_notes,
};
pub use diagnostics::{Location, Problem, Problems};
pub use export::{
    ELASTICLUNR_FIELDS, ElasticlunrExport, ExportError, elasticlunr_search_config,
    export_elasticlunr, write_elasticlunr,
};
pub use import::{DEFAULT_CONTEXT, ZendeskError, ZendeskImport, convert_zendesk, import_zendesk};
pub use output::write_bundle;
pub use reader::{BundleReader, ReadError, hits_json, open_bundle};
