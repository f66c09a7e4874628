//! Importing articles from other help centers into a content folder.

mod zendesk;

pub use zendesk::{
    ConvertOptions, DEFAULT_CONTEXT, IMPORT_RECORD, ImportOptions, ImportReport, SectionNames,
    WriteReport, ZendeskError, ZendeskImport, convert_zendesk, convert_zendesk_with,
    import_zendesk, read_sections,
};
