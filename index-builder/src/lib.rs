//! The index builder: help-center Markdown in, a search bundle out.
//!
//! The work happens in steps, each usable on its own:
//!
//! 1. [`load_content`] reads a content folder into memory and checks it,
//!    reporting every problem at once;
//! 2. [`build_bundle`] turns that content into bundle files, in memory;
//! 3. [`write_bundle`] writes them to disk atomically, as the very last step.
//!
//! [`dist`] writes a deployable folder (the public bundle and the prebuilt
//! widget, [`WidgetAssets`]) that only grows from one deploy to the next.
//! [`open_bundle`] reads a bundle back for `index-builder search`;
//! [`import_zendesk`] turns a Zendesk export into a content folder;
//! [`export_elasticlunr`] writes content as an elasticlunr.js index.
//! Every problem with the input, from any of them, is a [`Problem`].
//! The bundle's format belongs to `help-core`; this crate only fills it.

mod analysis;
mod bundle;
mod content;
mod deploy;
mod diagnostics;
mod export;
#[doc(hidden)]
pub mod fuzzing;
mod import;
mod init;
mod output;
mod reader;
mod serve;

pub use analysis::BuildAnalyzer;
pub use bundle::{BuildOptions, Bundle, build_bundle};
pub use content::{
    Article, ArticleImage, Content, ContentCounts, FALLBACK_LOCALE, FrontMatter, GETTING_STARTED,
    LOCALES, MAX_ARTICLE_BYTES, MAX_IMAGE_BYTES, VideoSpec, Visibility, VotesSpec,
    check_locale_tag, load_content, parse_article, parse_support, sanitizer, unstemmed_notes,
};
pub use deploy::hashed::{is_hashed, is_hashed_path};
pub use deploy::{
    DEFAULT_BASE_URL, DistError, DistOptions, DistReport, FolderReport, LOADER, MAX_HEADER_RULES,
    TYPES, WidgetAssets, dist, support_json,
};
pub use diagnostics::{Location, Problem, Problems};
pub use export::{
    ELASTICLUNR_FIELDS, ElasticlunrExport, ExportError, elasticlunr_search_config,
    export_elasticlunr, write_elasticlunr,
};
pub use import::{
    ConvertOptions, DEFAULT_CONTEXT, IMPORT_RECORD, ImportOptions, ImportReport, SectionNames,
    WriteReport, ZendeskError, ZendeskImport, convert_zendesk, convert_zendesk_with,
    import_zendesk, read_sections,
};
pub use init::{STARTER, init};
pub use output::write_bundle;
pub use reader::{BundleReader, ReadError, hits_json, open_bundle};
pub use serve::Preview;
