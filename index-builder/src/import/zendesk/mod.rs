//! Importing a Zendesk Help Center export into a content folder.
//!
//! The input is what `GET /api/v2/help_center/articles.json` returns
//! (`{"articles": [...], "next_page": ...}`), or a bare array of article
//! objects. [`convert_zendesk`] turns it into content files in memory;
//! [`ZendeskImport::write_to`] writes them as a folder, atomically, as the
//! last step, after checking that [`load_content`](crate::load_content)
//! accepts them.
//!
//! How an article maps onto our front matter:
//!
//! | Zendesk | content file |
//! | --- | --- |
//! | `id`, English `title` | `id = "zd-<id>-<slug of the English title>"`, shared by every translation |
//! | `locale` | the folder: `en-*` → `en`, `fr-*` → `fr`, `de-*` → `de`, `pt-br` → `pt-BR`; any other locale is an error |
//! | `title` | `title` |
//! | `section_id` | `category = "section-<section_id>"` |
//! | `label_names` | `tags` |
//! | `user_segment_id` | `visibility`: `signed-in` when set, `public` when null |
//! | `updated_at` | `updated`, its date part |
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
//! A translation needs an English article with the same id when the help
//! center has English at all (see `load_content`), so a published translation
//! whose English entry is missing or a draft is skipped, and reported in
//! [`ZendeskImport::skipped`].

mod article;
mod convert;
mod entry;
mod error;
mod markdown;
mod write;

use std::path::Path;

pub use article::DEFAULT_CONTEXT;
pub use convert::{ZendeskImport, convert_zendesk};
pub use error::ZendeskError;

/// Reads the export at `path` and writes it as the content folder `out`.
///
/// `out` must be absent or empty unless `force` is set; then it is replaced
/// atomically. See [`convert_zendesk`] and [`ZendeskImport::write_to`].
pub fn import_zendesk(path: &Path, out: &Path, force: bool) -> Result<ZendeskImport, ZendeskError> {
    write::check_output(out, force)?;
    let bytes = std::fs::read(path).map_err(|source| ZendeskError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let import = convert_zendesk(path, &bytes)?;
    import.write_to(out, force)?;
    Ok(import)
}
