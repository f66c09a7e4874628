//! The index builder: help-center Markdown in, a search bundle out.
//!
//! The work happens in steps, each usable on its own:
//!
//! 1. [`load_content`] reads a content folder into memory and checks it,
//!    reporting every problem at once;
//! 2. [`build_bundle`] turns that content into bundle files, in memory;
//! 3. [`write_bundle`] writes them to disk atomically, as the very last step.
//!
//! [`open_bundle`] reads a bundle back for `index-builder search`.
//! The bundle's format belongs to `help-core`; this crate only fills it.

mod analysis;
mod bundle;
mod content;
mod export;
#[doc(hidden)]
pub mod fuzzing;
mod output;
mod reader;
mod support;
mod zendesk;

pub use analysis::BuildAnalyzer;
pub use bundle::{BuildOptions, Bundle, build_bundle};
pub use content::{
    Article, Content, FALLBACK_LOCALE, FrontMatter, GETTING_STARTED, LOCALES, MAX_ARTICLE_BYTES,
    Problem, Problems, Visibility, check_route_pattern, load_content, parse_article, sanitizer,
};
pub use export::{
    ELASTICLUNR_FIELDS, ElasticlunrExport, ExportError, elasticlunr_search_config,
    export_elasticlunr, write_elasticlunr,
};
pub use output::write_bundle;
pub use reader::{BundleReader, ReadError, open_bundle};
pub use support::{load_support, parse_support};
pub use zendesk::{
    ArticleProblem, DEFAULT_CONTEXT, ZendeskError, ZendeskImport, convert_zendesk, import_zendesk,
};
