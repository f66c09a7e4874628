//! The index builder: help-center Markdown in, a search bundle out.
//!
//! The work happens in three steps, each usable on its own:
//!
//! 1. [`load_content`] reads a content folder into memory and validates it;
//! 2. [`build_bundle`] turns that content into bundle files, in memory;
//! 3. [`write_bundle`] writes them to disk atomically, as the very last step.
//!
//! The bundle's format belongs to `help-core`; this crate only fills it.

mod bundle;
mod content;
mod output;

pub use bundle::{Bundle, build_bundle};
pub use content::{Article, Content, ContentError, FrontMatter, load_content, parse_article};
pub use output::write_bundle;
