//! The article ids a bundle holds: votes are taken only for those.

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::Context as _;
use help_core::format::MANIFEST_FILE;
use help_core::{DocChunk, LocaleRoot, Manifest};

/// Every article id in the bundle at `dir`, across its locales. Give it the
/// signed-in bundle, which holds every article.
pub fn from_bundle(dir: &Path) -> anyhow::Result<BTreeSet<String>> {
    let read = |name: &str| {
        let path = dir.join(name);
        std::fs::read(&path).with_context(|| format!("reading {}", path.display()))
    };
    let manifest = Manifest::from_json(&read(MANIFEST_FILE)?)
        .with_context(|| format!("reading {}", dir.join(MANIFEST_FILE).display()))?;
    let mut ids = BTreeSet::new();
    for entry in manifest.locales.values() {
        let root = LocaleRoot::decode(&read(&entry.root)?)
            .with_context(|| format!("decoding {}", entry.root))?;
        for i in 0..root.chunk_count() {
            let name = root.chunk_file(i);
            let chunk =
                DocChunk::decode(&read(&name)?).with_context(|| format!("decoding {name}"))?;
            ids.extend(chunk.docs.into_iter().map(|d| d.id));
        }
    }
    Ok(ids)
}
