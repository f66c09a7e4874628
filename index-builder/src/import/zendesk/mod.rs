//! Importing a Zendesk Help Center export into a content folder.
//!
//! The input is what `GET /api/v2/help_center/articles.json` returns
//! (`{"articles": [...], "next_page": ...}`), or a bare array of article
//! objects. [`convert_zendesk_with`] turns it into content files in memory;
//! [`ZendeskImport::write_to`] writes them as a new folder, or
//! [`ZendeskImport::update`] merges them into an existing one, atomically,
//! as the last step, after checking that
//! [`load_content`](crate::load_content) accepts the result.
//!
//! How an article maps onto our front matter:
//!
//! | Zendesk | content file |
//! | --- | --- |
//! | `id`, English `title` | `id = "zd-<id>-<slug of the English title>"`, shared by every translation; an update keeps the id an earlier import gave |
//! | `locale` | the folder: `en-*` → `en`, `fr-*` → `fr`, `de-*` → `de`, `pt-br` → `pt-BR`; any other locale is an error |
//! | `title` | `title` |
//! | `section_id` | `category`: the section's name in the article's locale from `--sections` ([`read_sections`]), else `"section-<section_id>"`, listed in [`ZendeskImport::unknown_sections`]; updating a folder that has a `categories.toml`, always `"section-<section_id>"`, and each section missing from that file is added to it with its names per locale |
//! | `label_names` | `tags` |
//! | `user_segment_id` | `visibility`: `signed-in` when set, `public` when null |
//! | `updated_at` | `updated`, its date part |
//! | `vote_sum`, `vote_count` | `votes = { helpful = (vote_count + vote_sum) / 2, total = vote_count }`, none when nobody voted |
//! | `body` (HTML) | the Markdown body, see below |
//! | `draft: true` | skipped, and counted |
//!
//! Every article gets `contexts = ["/support"]` ([`DEFAULT_CONTEXT`]): a
//! Zendesk article knows nothing of the dashboard's routes, so it is offered
//! on the support page rather than everywhere. Authors narrow it afterwards.
//!
//! The body is sanitized with the builder's own [`sanitizer`](crate::sanitizer), then converted
//! to Markdown with `htmd`. Converting, rather than keeping the HTML as a raw
//! block, is what makes the body searchable: the builder indexes the
//! Markdown's text, and a raw HTML block has none. Tables become pipe tables
//! with their first row as the header.
//!
//! After sanitizing, a link to an article of the export, on any host and
//! with any locale prefix (`https://acme.zendesk.com/hc/en-us/articles/123-Title`,
//! `/hc/articles/123#fees`), becomes `article:<id>`, its anchor kept; a
//! link to an article outside the export stays an absolute web link, and
//! is listed in [`ZendeskImport::external_links`]. Relative links and
//! images resolve against [`ConvertOptions::help_center_url`]; without it
//! they are kept as written and listed in
//! [`ZendeskImport::unresolved_links`].
//!
//! A translation needs an English article with the same id when the help
//! center has English at all (see `load_content`), so a published translation
//! whose English entry is missing or a draft is skipped, and reported in
//! [`ZendeskImport::skipped`].

mod article;
mod convert;
mod entry;
mod error;
mod links;
mod markdown;
mod sections;
mod summary;
mod write;

use std::path::{Path, PathBuf};

pub use article::DEFAULT_CONTEXT;
pub use convert::{ConvertOptions, ZendeskImport, convert_zendesk, convert_zendesk_with};
pub use error::ZendeskError;
pub use sections::{SectionNames, read_sections};
pub use summary::ImportReport;
pub use write::{IMPORT_RECORD, WriteReport};

/// How `import zendesk` runs: its command-line options.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// `--help-center-url`: the address relative links resolve against.
    pub help_center_url: Option<String>,
    /// `--sections`: a sections list, naming the categories.
    pub sections: Option<PathBuf>,
    /// `--update`: merge into the output folder by Zendesk id rather
    /// than replace it.
    pub update: bool,
    /// `--force`: replace a non-empty output folder; with `update`,
    /// overwrite files edited by hand too.
    pub force: bool,
}

/// Reads the file at `path`, naming it if that fails.
fn read(path: &Path) -> Result<Vec<u8>, ZendeskError> {
    std::fs::read(path).map_err(|source| ZendeskError::Read {
        path: path.to_path_buf(),
        source,
    })
}

/// Reads the export at `path` and writes it as the content folder `out`.
///
/// Without `update`, `out` must be absent or empty unless `force` is set;
/// then it is replaced atomically (see [`ZendeskImport::write_to`]). With
/// `update`, the export is merged into `out` (see
/// [`ZendeskImport::update`]), keeping the content ids an earlier import
/// gave. Either way `out` is left as it was if anything fails.
pub fn import_zendesk(
    path: &Path,
    out: &Path,
    options: &ImportOptions,
) -> Result<ImportReport, ZendeskError> {
    let existing = if options.update {
        if out.is_file() {
            return Err(ZendeskError::OutputIsFile {
                path: out.to_path_buf(),
            });
        }
        Some(write::Existing::read(out)?)
    } else {
        write::check_output(out, options.force)?;
        None
    };
    let sections = match &options.sections {
        Some(file) => read_sections(file, &read(file)?)?,
        None => SectionNames::default(),
    };
    let convert = ConvertOptions {
        help_center_url: options.help_center_url.clone(),
        sections,
        ids: existing
            .as_ref()
            .map(write::Existing::ids)
            .unwrap_or_default(),
        // A folder that names its categories gets the sections listed there.
        slug_categories: existing.is_some() && out.join(crate::CATEGORIES_FILE).is_file(),
    };
    let import = convert_zendesk_with(path, &read(path)?, &convert)?;
    let written = match &existing {
        Some(existing) => import.update_from(out, existing, options.force)?,
        None => import.write_to(out, options.force)?,
    };
    Ok(ImportReport {
        import,
        written,
        out: out.to_path_buf(),
        update: options.update,
    })
}
