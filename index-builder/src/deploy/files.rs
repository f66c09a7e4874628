//! Writing a deploy folder that only grows: hashed files are added, never
//! replaced; the few unhashed ones are replaced in one step. Every file
//! goes to a hidden temporary sibling first, flushed, and takes its name
//! by a hard link (which fails if the name is taken) or a rename.

use std::collections::BTreeSet;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::deploy::DistError;

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> DistError + '_ {
    move |source| DistError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Every file under `dir`, as `/`-separated paths relative to it; hidden
/// files (temporary ones) and `_headers` are left out. An absent `dir`
/// holds nothing.
pub(crate) fn walk(dir: &Path) -> Result<BTreeSet<String>, DistError> {
    fn visit(dir: &Path, prefix: &str, out: &mut BTreeSet<String>) -> Result<(), DistError> {
        for entry in std::fs::read_dir(dir).map_err(io(dir))? {
            let entry = entry.map_err(io(dir))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let rel = format!("{prefix}{name}");
            if entry.file_type().map_err(io(&entry.path()))?.is_dir() {
                visit(&entry.path(), &format!("{rel}/"), out)?;
            } else {
                out.insert(rel);
            }
        }
        Ok(())
    }
    let mut out = BTreeSet::new();
    if dir.exists() {
        visit(dir, "", &mut out)?;
    }
    out.remove("_headers");
    Ok(out)
}

/// The bytes at `path`, or `None` if there is no such file.
pub(crate) fn read_if_exists(path: &Path) -> Result<Option<Vec<u8>>, DistError> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io(path)(e)),
    }
}

/// A temporary name beside `path`, hidden, unique to this process.
fn temp_sibling(path: &Path) -> PathBuf {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

/// Writes `bytes` to a temporary sibling of `path`, flushed to disk.
fn write_temp(path: &Path, bytes: &[u8]) -> Result<PathBuf, DistError> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(io(parent))?;
    }
    let tmp = temp_sibling(path);
    let written = std::fs::File::create(&tmp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(io(&tmp)(e));
    }
    Ok(tmp)
}

/// Adds a hashed file, never replacing one: `false` if the same bytes
/// were there already, an error if other bytes were.
pub(crate) fn add_file(path: &Path, bytes: &[u8]) -> Result<bool, DistError> {
    let tmp = write_temp(path, bytes)?;
    // A hard link fails if the name is taken, where a rename would replace.
    let result = match std::fs::hard_link(&tmp, path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            if std::fs::read(path).map_err(io(path))? == bytes {
                Ok(false)
            } else {
                Err(DistError::Conflict {
                    out: path.to_path_buf(),
                    files: vec!["(it appeared with other bytes while writing)".into()],
                })
            }
        }
        // A file system without hard links: the name was free a moment ago.
        Err(_) if !path.exists() => std::fs::rename(&tmp, path).map(|()| true).map_err(io(path)),
        Err(e) => Err(io(path)(e)),
    };
    let _ = std::fs::remove_file(&tmp);
    result
}

/// Replaces an unhashed file in one step.
pub(crate) fn replace_file(path: &Path, bytes: &[u8]) -> Result<(), DistError> {
    let tmp = write_temp(path, bytes)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io(path)(e)
    })
}
