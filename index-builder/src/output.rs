//! Writing a bundle to disk: the last step, and an atomic one.

use std::io;
use std::path::{Path, PathBuf};

use crate::bundle::Bundle;

/// Writes `bundle` as the folder `out`, replacing what was there.
///
/// Everything is written into a temporary sibling folder first, which then
/// takes `out`'s place by rename, so a reader never sees half a bundle and a
/// failure leaves the previous bundle as it was.
pub fn write_bundle(bundle: &Bundle, out: &Path) -> io::Result<()> {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent)?;
    let name = out
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the output path has no folder name"))?
        .to_string_lossy()
        .into_owned();
    let pid = std::process::id();
    let staging = parent.join(format!(".{name}.tmp-{pid}"));
    let retired = parent.join(format!(".{name}.old-{pid}"));
    let _ = std::fs::remove_dir_all(&staging);

    let result = (|| {
        std::fs::create_dir(&staging)?;
        for (file, bytes) in &bundle.files {
            let path = staging.join(file);
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            std::fs::write(path, bytes)?;
        }
        if out.exists() {
            std::fs::rename(out, &retired)?;
        }
        if let Err(err) = std::fs::rename(&staging, out) {
            // Put the previous bundle back before reporting.
            let _ = std::fs::rename(&retired, out);
            return Err(err);
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    let _ = std::fs::remove_dir_all(&retired);
    result
}
