//! Why an import failed: the export unreadable, not JSON, not a list of
//! articles, some articles unusable, or the output folder refused.

use std::io;
use std::path::PathBuf;

use crate::diagnostics::Problems;

/// Why an import failed. Each message names the file it is about.
#[derive(Debug, thiserror::Error)]
pub enum ZendeskError {
    /// The export could not be read.
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        /// The export file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// The export is not JSON.
    #[error("{}:{line}:{column}: not valid JSON: {message}", path.display())]
    Json {
        /// The export file.
        path: PathBuf,
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// serde_json's message, without its position.
        message: String,
    },
    /// The export is JSON, but not a list of articles.
    #[error("{}: {message}", path.display())]
    Shape {
        /// The export file.
        path: PathBuf,
        /// What was expected and found.
        message: String,
    },
    /// Some articles are unusable: every one is listed.
    #[error("{problems}")]
    Articles {
        /// The export file.
        path: PathBuf,
        /// Each problem, in article order, each naming the export file.
        problems: Problems,
    },
    /// Every article was a draft or skipped.
    #[error("{}: no published article to import ({drafts} draft(s) and {skipped} untranslated article(s) skipped)", path.display())]
    Empty {
        /// The export file.
        path: PathBuf,
        /// Drafts skipped.
        drafts: usize,
        /// Translations without an English article, skipped.
        skipped: usize,
    },
    /// The output folder holds something already, and `force` was not given.
    #[error("{} exists and is not empty; refusing to replace it without --force", path.display())]
    OutputNotEmpty {
        /// The output folder.
        path: PathBuf,
    },
    /// The output path is a file.
    #[error("{} is a file, not a content folder", path.display())]
    OutputIsFile {
        /// The output path.
        path: PathBuf,
    },
    /// Writing the folder failed; what was there before is left as it was.
    #[error("writing {}: {source}", path.display())]
    Write {
        /// The output folder.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// The written folder does not load. This is a bug in the importer;
    /// nothing was put in place.
    #[error("the imported content does not load, so {} was left as it was:\n{problems}", path.display())]
    Invalid {
        /// The output folder.
        path: PathBuf,
        /// What `load_content` found, with paths as they would have been.
        problems: Problems,
    },
}
