//! Writing a converted export as a content folder: atomically, and only
//! once [`load_content`] accepts it.

use std::io;
use std::path::Path;

use super::convert::ZendeskImport;
use super::error::ZendeskError;
use crate::content::load_content;

impl ZendeskImport {
    /// Writes the content folder `out`, atomically.
    ///
    /// The files go into a temporary sibling folder, which must pass
    /// [`load_content`], and which then takes `out`'s
    /// place by rename. `out` must be absent or an empty folder unless
    /// `force` is set. On any failure `out` is left as it was.
    pub fn write_to(&self, out: &Path, force: bool) -> Result<(), ZendeskError> {
        check_output(out, force)?;
        let write_error = |source: io::Error| ZendeskError::Write {
            path: out.to_path_buf(),
            source,
        };
        crate::output::replace_dir(
            out,
            |staging| {
                let files = self
                    .files
                    .iter()
                    .map(|(file, text)| (file.as_str(), text.as_bytes()));
                crate::output::write_files(staging, files).map_err(write_error)?;
                if let Err(problems) = load_content(staging) {
                    return Err(ZendeskError::Invalid {
                        path: out.to_path_buf(),
                        problems: problems.moved(staging, out),
                    });
                }
                Ok(())
            },
            write_error,
        )
    }
}

/// Refuses an output path that is a file, or a non-empty folder without `force`.
pub(super) fn check_output(out: &Path, force: bool) -> Result<(), ZendeskError> {
    if out.is_file() {
        return Err(ZendeskError::OutputIsFile {
            path: out.to_path_buf(),
        });
    }
    let non_empty = std::fs::read_dir(out).is_ok_and(|mut entries| entries.next().is_some());
    if non_empty && !force {
        return Err(ZendeskError::OutputNotEmpty {
            path: out.to_path_buf(),
        });
    }
    Ok(())
}
