//! Exporting content in other search engines' formats.

mod elasticlunr;

pub use elasticlunr::{
    ELASTICLUNR_FIELDS, ElasticlunrExport, ExportError, elasticlunr_search_config,
    export_elasticlunr, write_elasticlunr,
};
