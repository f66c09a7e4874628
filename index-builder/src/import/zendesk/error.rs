//! Why an import failed: the export or the sections file unreadable, not
//! JSON, not a list of articles or sections, some entries unusable, the
//! help center's address not one, or the output folder refused.

use std::io;
use std::path::PathBuf;

use crate::diagnostics::Problems;

/// Why an import failed. Each message names the file it is about.
#[derive(Debug, thiserror::Error)]
pub enum ZendeskError {
    /// The export or the sections file could not be read.
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// The export or the sections file is not JSON.
    #[error("{}:{line}:{column}: not valid JSON: {message}", path.display())]
    Json {
        /// The file.
        path: PathBuf,
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// serde_json's message, without its position.
        message: String,
    },
    /// The file is JSON, but not a list of articles (or of sections).
    #[error("{}: {message}", path.display())]
    Shape {
        /// The file.
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
    /// Some entries of the sections file are unusable: every one is listed.
    #[error("{problems}")]
    Sections {
        /// The sections file.
        path: PathBuf,
        /// Each problem, in entry order, each naming the file.
        problems: Problems,
    },
    /// `--help-center-url` is not a web address.
    #[error("--help-center-url: {message}")]
    HelpCenterUrl {
        /// What is wrong with it.
        message: String,
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
    /// The written folder does not load: a bug in the importer, or, when
    /// updating, a problem with the folder's own files. Nothing was put in
    /// place.
    #[error("the imported content does not load, so {} was left as it was:\n{problems}", path.display())]
    Invalid {
        /// The output folder.
        path: PathBuf,
        /// What `load_content` found, with paths as they would have been.
        problems: Problems,
    },
}
