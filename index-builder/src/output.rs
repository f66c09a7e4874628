//! Writing to disk: the last step, and an atomic one.
//!
//! Everything is written beside its destination first and takes its place
//! by rename, so a reader never sees half a bundle and a failure leaves the
//! previous output as it was. The bundle, the Zendesk import and the
//! elasticlunr export all write through here.

use std::io;
use std::path::{Path, PathBuf};

use crate::bundle::Bundle;

/// Writes `bundle` as the folder `out`, replacing what was there.
pub fn write_bundle(bundle: &Bundle, out: &Path) -> io::Result<()> {
    replace_dir(
        out,
        |staging| {
            write_files(
                staging,
                bundle.files.iter().map(|(n, b)| (n.as_str(), b.as_slice())),
            )
        },
        |e| e,
    )
}

/// The folder `out` is in, and `out`'s own name.
fn parent_and_name(out: &Path) -> io::Result<(PathBuf, String)> {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = out
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the output path has no name"))?
        .to_string_lossy()
        .into_owned();
    Ok((parent, name))
}

/// Replaces the folder `out` with what `fill` writes into a temporary
/// sibling folder. If `fill` fails, or any step does, `out` is untouched
/// and the temporary folder is removed. `io_error` turns I/O failures
/// into the caller's error type.
pub(crate) fn replace_dir<E>(
    out: &Path,
    fill: impl FnOnce(&Path) -> Result<(), E>,
    io_error: impl Fn(io::Error) -> E,
) -> Result<(), E> {
    let (parent, name) = parent_and_name(out).map_err(&io_error)?;
    std::fs::create_dir_all(&parent).map_err(&io_error)?;
    let pid = std::process::id();
    let staging = parent.join(format!(".{name}.tmp-{pid}"));
    let retired = parent.join(format!(".{name}.old-{pid}"));
    let _ = std::fs::remove_dir_all(&staging);

    let result = (|| {
        std::fs::create_dir(&staging).map_err(&io_error)?;
        fill(&staging)?;
        if out.exists() {
            std::fs::rename(out, &retired).map_err(&io_error)?;
        }
        if let Err(err) = std::fs::rename(&staging, out) {
            // Put the previous folder back before reporting.
            let _ = std::fs::rename(&retired, out);
            return Err(io_error(err));
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    let _ = std::fs::remove_dir_all(&retired);
    result
}

/// Writes `files` (relative path, bytes) under `dir`, making folders.
pub(crate) fn write_files<'a>(
    dir: &Path,
    files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
) -> io::Result<()> {
    for (name, bytes) in files {
        let path = dir.join(name);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)?;
        }
        std::fs::write(path, bytes)?;
    }
    Ok(())
}

/// Replaces the file `out` with `bytes`, through a temporary sibling file.
pub(crate) fn replace_file(out: &Path, bytes: &[u8]) -> io::Result<()> {
    let (parent, name) = parent_and_name(out)?;
    std::fs::create_dir_all(&parent)?;
    let staging = parent.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = std::fs::write(&staging, bytes).and_then(|()| std::fs::rename(&staging, out));
    if result.is_err() {
        let _ = std::fs::remove_file(&staging);
    }
    result
}
