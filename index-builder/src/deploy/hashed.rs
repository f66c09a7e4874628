//! Which files are named by a hash of their content, and so may be cached
//! forever: the one rule `dist`'s deploy folder, its `_headers` and the
//! development servers' caching headers all follow.

/// The fewest hex digits a content hash has. Our own names carry 16; Trunk
/// writes its 64-bit hash without leading zeros, so one build in sixteen
/// names the app with 15 digits, and one in 65,536 with fewer than 12.
const MIN_HASH_DIGITS: usize = 12;

/// Whether a file name carries a content hash: `<name>-<12+ hex>` before
/// the first dot, with wasm-bindgen's `_bg` suffix allowed after the hash
/// (`help-widget-<hash>_bg.wasm`). The name before the hash may not be
/// empty.
pub fn is_hashed(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name);
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(head, hash)| {
        !head.is_empty()
            && hash.len() >= MIN_HASH_DIGITS
            && hash.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

/// [`is_hashed`] for the last part of a `/`-separated relative path.
pub fn is_hashed_path(rel: &str) -> bool {
    is_hashed(rel.rsplit('/').next().unwrap_or(rel))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names the static server sees (from `serve.rs`).
    #[test]
    fn served_hashed_names_are_recognized() {
        assert!(is_hashed("index-en-0123456789abcdef.bin"));
        assert!(is_hashed("help-widget-0123456789abcdef_bg.wasm"));
        // Trunk drops a hash's leading zeros.
        assert!(is_hashed("help-widget-6087884421d2483_bg.wasm"));
        assert!(is_hashed("help-widget-6087884421d2483.js"));
        assert!(!is_hashed("help-widget.js"));
        assert!(!is_hashed("manifest.json"));
    }

    /// The names a deployable folder holds (from `dist.rs`).
    #[test]
    fn hashed_names_are_recognized() {
        assert!(is_hashed("en-t0-0123456789abcdef.bin"));
        assert!(is_hashed("support-e48e73dbc3386119.json"));
        assert!(is_hashed("help-widget-9eadf97102011149_bg.wasm"));
        assert!(is_hashed("style-0123456789abcdef.css"));
        assert!(is_hashed_path("bundle/en/add-site-2cee734aa44e2e25.html"));
        assert!(!is_hashed("help-widget.js"));
        assert!(!is_hashed("help-widget.d.ts"));
        assert!(!is_hashed("manifest.json"));
        assert!(!is_hashed("-0123456789abcdef.bin"));
        assert!(!is_hashed("en-t0-0123.bin"));
    }
}
