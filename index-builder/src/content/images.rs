//! Images an article shows from the content folder. A Markdown image with
//! a relative path (`![A chart](../../images/chart.svg)`, relative to the
//! article's file, as editors preview it) is read from the folder, checked,
//! and goes into the bundle as `images/<name>-<hash>.<ext>`, named by its
//! content so a CDN may cache it forever; the body's `src` becomes that
//! name, which the widget resolves against the bundle's URL. An image goes
//! only into the bundles of the audiences its articles are in. Absolute
//! URLs (`https://…`), and paths without an image file's extension (`.png`,
//! `.jpg`, `.jpeg`, `.gif`, `.webp`, `.avif`, `.svg`), are left as they are.

use std::path::{Component, Path, PathBuf};

use sha2::{Digest, Sha256};

/// The largest image accepted, in bytes (2 MiB): the panel is no gallery.
pub const MAX_IMAGE_BYTES: usize = 2 * 1024 * 1024;

/// The file types a browser shows in `<img>`, by extension.
const EXTENSIONS: &[&str] = &["png", "jpg", "jpeg", "gif", "webp", "avif", "svg"];

/// An image file an article's body refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleImage {
    /// Its name in the bundle: `images/<name>-<hash>.<ext>`.
    pub name: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// Whether `dest` is an address of its own (a scheme, `//host`, `/path` or
/// `#anchor`) rather than a path into the content folder.
fn is_absolute(dest: &str) -> bool {
    let scheme = dest
        .split_once(':')
        .is_some_and(|(s, _)| !s.is_empty() && !s.contains('/'));
    scheme || dest.starts_with('/') || dest.starts_with('#')
}

/// The content folder an article file is in: `<dir>/articles/<locale>/x.md`.
fn content_dir(article: &Path) -> Option<&Path> {
    article.parent()?.parent()?.parent()
}

/// `path` with `.` and `..` resolved by name, without touching the disk.
fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The image `dest` of the article at `article`: `Ok(None)` for an
/// absolute URL (kept as written), the file for a relative path, or why
/// it cannot be used.
pub(super) fn resolve(dest: &str, article: &Path) -> Result<Option<ArticleImage>, String> {
    if is_absolute(dest) {
        return Ok(None);
    }
    let path_part = dest.split(['?', '#']).next().unwrap_or(dest);
    let (Some(dir), Some(folder)) = (article.parent(), content_dir(article)) else {
        return Err(format!(
            "image `{dest}`: the article is not in a content folder"
        ));
    };
    let path = lexical(&dir.join(path_part));
    if !path.starts_with(lexical(folder)) {
        return Err(format!("image `{dest}` is outside the content folder"));
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if !EXTENSIONS.contains(&ext.as_str()) {
        // Not an image file name (an import's leftover, such as `x`): left
        // as written, as any other address the builder does not own.
        return Ok(None);
    }
    let bytes = std::fs::read(&path)
        .map_err(|e| format!("image `{dest}` cannot be read ({}): {e}", path.display()))?;
    if bytes.len() > MAX_IMAGE_BYTES {
        return Err(format!(
            "image `{dest}` is {} KiB, more than the {} KiB allowed",
            bytes.len() / 1024,
            MAX_IMAGE_BYTES / 1024
        ));
    }
    if ext == "svg" && has_script(&bytes) {
        return Err(format!(
            "image `{dest}`: an SVG with scripts, event handlers or javascript: URLs is refused"
        ));
    }
    let stem: String = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("image")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let hash: String = Sha256::digest(&bytes)[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok(Some(ArticleImage {
        name: format!("images/{stem}-{hash}.{ext}"),
        bytes,
    }))
}

/// Whether an SVG's text could run script if opened on its own: a
/// `<script`, an `on…=` handler, or a `javascript:` URL.
fn has_script(svg: &[u8]) -> bool {
    let text = String::from_utf8_lossy(svg).to_ascii_lowercase();
    if text.contains("<script") || text.contains("javascript:") || text.contains("<foreignobject") {
        return true;
    }
    text.match_indices("on").any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = &text[i + 2..];
        let name_len = after.bytes().take_while(u8::is_ascii_alphabetic).count();
        before.is_some_and(char::is_whitespace)
            && name_len > 0
            && after[name_len..].trim_start().starts_with('=')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("articles/en")).unwrap();
        std::fs::create_dir_all(dir.path().join("images")).unwrap();
        dir
    }

    #[test]
    fn a_relative_image_is_read_and_named_by_its_content() {
        let dir = folder();
        std::fs::write(
            dir.path().join("images/Payout Chart.svg"),
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        )
        .unwrap();
        let article = dir.path().join("articles/en/a.md");
        let image = resolve("../../images/Payout Chart.svg", &article)
            .unwrap()
            .unwrap();
        assert!(
            image.name.starts_with("images/payout-chart-"),
            "{}",
            image.name
        );
        assert!(image.name.ends_with(".svg"));
        assert!(crate::is_hashed_path(&image.name), "{}", image.name);
        assert_eq!(resolve("https://example.com/a.png", &article), Ok(None));
        assert_eq!(resolve("/static/a.png", &article), Ok(None));
    }

    #[test]
    fn a_missing_outside_foreign_or_scripted_image_is_a_problem() {
        let dir = folder();
        let article = dir.path().join("articles/en/a.md");
        std::fs::write(
            dir.path().join("images/bad.svg"),
            "<svg onload =\"alert(1)\"/>",
        )
        .unwrap();
        std::fs::write(dir.path().join("images/notes.txt"), "x").unwrap();
        let cases = [
            ("../../images/none.png", "cannot be read"),
            ("../../../outside.png", "outside the content folder"),
            ("../../images/bad.svg", "SVG with scripts"),
        ];
        for (dest, message) in cases {
            let err = resolve(dest, &article).unwrap_err();
            assert!(err.contains(message) && err.contains(dest), "{dest}: {err}");
        }
        assert_eq!(
            resolve("../../images/notes.txt", &article),
            Ok(None),
            "not an image name: left alone"
        );
        assert_eq!(resolve("x", &article), Ok(None));
        assert!(!has_script(b"<svg><text>Options: one, two</text></svg>"));
    }
}
