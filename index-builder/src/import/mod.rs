//! Importing articles from other help centers into a content folder.

mod zendesk;

pub use zendesk::{DEFAULT_CONTEXT, ZendeskError, ZendeskImport, convert_zendesk, import_zendesk};
